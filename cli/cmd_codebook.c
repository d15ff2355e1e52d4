/* codebook: the free codes' tree, their definitions, colours and memos. */
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "model/coding.h"
#include "model/db.h"
#include "util/display.h"
#include "util/i18n.h"

#define CODEBOOK_USAGE N_("didat codebook SESSION [show|rename|move|merge|delete|define|colour|" \
	"memo CODE [VALUE]] [--yes] [--force]")

static int print_entry(void *ctx, const struct code_info *c)
{
	(void)ctx;
	printf("%5" PRId64 "  %-11s  %5" PRId64 "  ", c->id, c->type, c->codings);
	display_fputs(stdout, c->colour, 8, 8, false);
	fputs("  ", stdout);
	display_fputs(stdout, *c->path ? c->path : c->name, 100, 0, false);
	fputc('\n', stdout);
	if (*c->definition) {
		fputs("       ", stdout);
		display_fputs(stdout, _("Definition: "), -1, 0, false);
		display_fputs(stdout, c->definition, 200, 0, false);
		fputc('\n', stdout);
	}
	if (*c->memo) {
		fputs("       ", stdout);
		display_fputs(stdout, _("Memo: "), -1, 0, false);
		display_fputs(stdout, c->memo, 200, 0, false);
		fputc('\n', stdout);
	}
	return 0;
}

static int print_code(void *ctx, const struct code_info *c)
{
	char number[32];
	(void)ctx;
	snprintf(number, sizeof number, "%" PRId64, c->id);
	cli_print_field(_("Code:"), number);
	cli_print_field(_("Type:"), c->type);
	cli_print_field(_("Name:"), c->name);
	if (*c->path)
		cli_print_field(_("Path:"), c->path);
	cli_print_field(_("Colour:"), c->colour);
	cli_print_field(_("Definition:"), c->definition);
	cli_print_field(_("Memo:"), c->memo);
	snprintf(number, sizeof number, "%" PRId64, c->codings);
	cli_print_field(_("Codings:"), number);
	return 0;
}

/* The type of code ID, into TYPE (16 bytes). */
static int copy_type(void *ctx, const struct code_info *c)
{
	snprintf(ctx, 16, "%s", c->type);
	return 1;
}

static const char *const actions[] = {
	"show", "rename", "move", "merge", "delete", "define", "colour", "memo", NULL
};

/* DELETE: asks first (without --yes: the count on standard error, exit 2),
 * and takes other coders' codings only with --force. */
static int delete_code(struct cli *cli, int64_t id, const char *key, bool yes, bool force)
{
	char type[16] = "", others[256];
	int64_t codes = 0, codings = 0, theirs = 0;
	enum status rc = code_read(cli->db, id, copy_type, type);
	if (rc == STATUS_OK)
		rc = code_count_subtree(cli->db, id, &codes, &codings);
	if (rc == STATUS_OK)
		rc = code_others_codings(cli->db, id, db_user(cli->db), &theirs, others, sizeof others);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	/* item codes are refused by the model, --yes or not */
	bool free_code = strcmp(type, "free") == 0;
	if (!yes && free_code)
		return cli_error(cli, _("code %" PRId64 " (\"%s\") will be deleted with %" PRId64
			" subcodes and %" PRId64 " codings; confirm with --yes"), id, key, codes,
			codings);
	if (theirs && !force && free_code)
		return cli_error(cli, _("code %" PRId64 " (\"%s\") carries %" PRId64 " codings of other "
			"coders (%s), not only yours (%s); --force deletes theirs too"), id, key, theirs,
			others, db_user(cli->db));
	rc = code_delete(cli->db, id, &codes, &codings);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	cli_note(cli, _("deleted: code %" PRId64 " with %" PRId64 " subcodes and %" PRId64
		" codings"), id, codes, codings);
	return EXIT_DONE;
}

static int merge_codes(struct cli *cli, int64_t session, int64_t from, const char *into_key)
{
	int64_t into = 0;
	struct code_merge_result r;
	enum status rc = code_find(cli->db, session, into_key, &into);
	if (rc == STATUS_OK)
		rc = code_merge(cli->db, from, into, &r);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	cli_note(cli, _("code %" PRId64 " merged into code %" PRId64 ": %" PRId64 " codings "
		"taken over, %" PRId64 " duplicates removed, %" PRId64 " subcodes moved"), from, into,
		r.moved, r.duplicates, r.children);
	return EXIT_DONE;
}

struct codebook_flags {
	bool yes, force;
};

static int on_codebook_flag(void *ctx, const struct option *opt, int val, const char *arg)
{
	struct codebook_flags *f = ctx;
	(void)opt;
	(void)arg;
	*(val == 'y' ? &f->yes : &f->force) = true;
	return 0;
}

int cmd_codebook(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "yes", no_argument, NULL, 'y' },
		{ "force", no_argument, NULL, 'f' },
		{ 0, 0, 0, 0 },
	};
	struct codebook_flags flags = { false, false };
	char **ops;
	int n = cli_parse(cli, argc, argv, options, on_codebook_flag, &flags, &ops);
	if (n < 0)
		return EXIT_USAGE;
	if (n < 1)
		return cli_usage(cli, _("expected: %s"), _(CODEBOOK_USAGE));
	size_t a = 0;
	if (n > 1)
		while (actions[a] && strcmp(actions[a], ops[1]) != 0)
			a++;
	if (n > 1 && !actions[a])
		return cli_usage(cli, _("codebook does not know \"%s\" (show, rename, move, merge, delete, "
			"define, colour, memo)"), ops[1]);
	const char *action = n > 1 ? actions[a] : NULL;
	bool one = action && (strcmp(action, "show") == 0 || strcmp(action, "delete") == 0);
	if (n == 2 || (one && n != 3) || (action && !one && n != 4) || n > 4)
		return cli_usage(cli, _("expected: %s"), _(CODEBOOK_USAGE));
	if ((flags.yes || flags.force) && (!action || strcmp(action, "delete") != 0))
		return cli_usage(cli, "%s", _("--yes and --force apply only to codebook ... delete"));
	int64_t session, id = 0, parent = 0;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	if (!action) {
		printf("%5s  %-11s  %5s  ", _("Code"), _("Type"), _("Cod."));
		display_fputs(stdout, _("Colour"), 8, 8, false);
		printf("  %s\n", _("Name"));
		enum status rc = code_list(cli->db, session, print_entry, NULL);
		return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
	}
	enum status rc = code_find(cli->db, session, ops[2], &id);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	const char *value = n == 4 ? ops[3] : NULL;
	switch (a) {
	case 0:
		rc = code_read(cli->db, id, print_code, NULL);
		break;
	case 1:
		rc = code_rename(cli->db, id, value);
		break;
	case 2:
		/* "/" is the top of the tree, as in a path */
		if (strcmp(value, "/") != 0)
			rc = code_find(cli->db, session, value, &parent);
		if (rc == STATUS_OK)
			rc = code_move(cli->db, id, parent);
		break;
	case 3:
		return merge_codes(cli, session, id, value);
	case 4:
		return delete_code(cli, id, ops[2], flags.yes, flags.force);
	case 5:
		rc = code_set_definition(cli->db, id, value);
		break;
	case 6:
		rc = code_set_colour(cli->db, id, strcmp(value, "-") == 0 ? NULL : value);
		break;
	default:
		rc = code_set_memo(cli->db, id, value);
		break;
	}
	return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
}

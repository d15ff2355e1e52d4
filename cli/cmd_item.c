/* add, edit, remove, list, impact: items of a session.  The options of
 * add and edit come from the item kind's field table (model/item.h):
 * --FIELD VALUE for each field (underscores may be written as dashes),
 * and --LINK VALUE, repeatable, for each link (e.g. --stakeholder). */
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "model/coding.h"
#include "model/db.h"
#include "model/impact.h"
#include "model/item.h"
#include "util/display.h"
#include "util/i18n.h"

#define MAX_OPTIONS 64
#define MAX_VALUES 256

struct item_args {
	const struct item_type *type;
	struct option options[MAX_OPTIONS];
	char names[MAX_OPTIONS][40];
	const struct item_field *option_field[MAX_OPTIONS];
	const struct link_type *option_link[MAX_OPTIONS];
	size_t noptions;
	struct item_value given[MAX_VALUES];   /* applied once the session is known */
	size_t ngiven;
	bool too_many;
	/* add code only */
	const char *parent, *colour, *definition;
};

enum { OPT_PARENT = 1000, OPT_COLOUR, OPT_DEFINITION };

static void add_option(struct item_args *a, const char *name, const struct item_field *f,
	const struct link_type *l)
{
	for (int dash = 0; dash < 2; dash++) {
		if (a->noptions + 1 >= MAX_OPTIONS)
			return;
		char *n = a->names[a->noptions];
		snprintf(n, sizeof a->names[0], "%s", name);
		if (dash) {
			if (!strchr(n, '_'))
				return;
			for (char *p = n; *p; p++)
				if (*p == '_')
					*p = '-';
		}
		a->option_field[a->noptions] = f;
		a->option_link[a->noptions] = l;
		a->options[a->noptions] = (struct option){ n, required_argument, NULL, (int)a->noptions };
		a->noptions++;
	}
}

static void build_options(struct item_args *a, const struct item_type *type)
{
	memset(a, 0, sizeof *a);
	a->type = type;
	if (type) {
		for (size_t i = 0; i < type->nfields; i++)
			add_option(a, type->fields[i].name, &type->fields[i], NULL);
		for (int k = 0; k < LINK_KIND_COUNT; k++)
			if (link_type(k)->from == type->kind)
				add_option(a, link_type(k)->option, NULL, link_type(k));
		return;
	}
	/* free codes */
	a->options[0] = (struct option){ "parent", required_argument, NULL, OPT_PARENT };
	a->options[1] = (struct option){ "colour", required_argument, NULL, OPT_COLOUR };
	a->options[2] = (struct option){ "color", required_argument, NULL, OPT_COLOUR };
	a->options[3] = (struct option){ "definition", required_argument, NULL, OPT_DEFINITION };
	a->noptions = 4;
}

static int on_item_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	struct item_args *a = ctx;
	(void)opt;
	switch (val) {
	case OPT_PARENT: a->parent = arg; return 0;
	case OPT_COLOUR: a->colour = arg; return 0;
	case OPT_DEFINITION: a->definition = arg; return 0;
	default: break;
	}
	if (val < 0 || (size_t)val >= a->noptions)
		return 1;
	if (a->ngiven == MAX_VALUES) {
		a->too_many = true;
		return 1;
	}
	a->given[a->ngiven++] = (struct item_value){ a->option_field[val], a->option_link[val],
		arg };
	return 0;
}

/* The refusal of value BAD of A (A->ngiven: of the item itself): the
 * model names the field as the screen shows it; here the option that was
 * typed says which one. */
static int fail_value(struct cli *cli, const struct item_args *a, size_t bad, enum status rc)
{
	if (bad < a->ngiven && a->given[bad].field) {
		char why[512];
		snprintf(why, sizeof why, "%s", db_error(cli->db));
		db_fail(cli->db, rc, "--%s: %s", a->given[bad].field->name, why);
	}
	return cli_fail(cli, rc);
}

static int parse_item_args(struct cli *cli, struct item_args *a, const struct item_type *type,
	int argc, char **argv, char ***operands)
{
	build_options(a, type);
	int n = cli_parse(cli, argc, argv, a->options, on_item_option, a, operands);
	if (a->too_many)
		return cli_usage(cli, "%s", _("too many options")), -1;
	return n;
}

static const struct item_type *parse_kind(struct cli *cli, const char *name, bool allow_code)
{
	const struct item_type *type = item_type_by_name(name);
	char kinds[256];
	if (!type && !(allow_code && strcmp(name, "code") == 0))
		cli_usage(cli, _("unknown kind \"%s\" (%s)"), name,
			cli_kind_names(kinds, sizeof kinds, ", ", allow_code));
	return type;
}

/* The field that the TEXT operand of `add` fills. */
static int add_free_code(struct cli *cli, struct item_args *a, int64_t session, const char *name)
{
	int64_t parent = 0, id;
	enum status rc = STATUS_OK;
	if (a->parent)
		rc = code_find(cli->db, session, a->parent, &parent);
	if (rc == STATUS_OK)
		rc = code_create_free(cli->db, session, name, parent, a->colour, a->definition, &id);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	printf("%" PRId64 "\n", id);
	return EXIT_DONE;
}

/* A new component gets the next free number unless --number says. */
int cmd_add(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(cli, "%s", _("kind missing: didat add KIND SESSION TEXT"));
	const struct item_type *type = parse_kind(cli, argv[1], true);
	if (!type && strcmp(argv[1], "code") != 0)
		return EXIT_USAGE;
	struct item_args a;
	char **ops;
	int n = parse_item_args(cli, &a, type, argc - 1, argv + 1, &ops);
	if (n < 0)
		return EXIT_USAGE;
	if (n != 2 || (type && type->kind == ITEM_SESSION))
		return cli_usage(cli, "%s", _("expected: didat add KIND SESSION TEXT [--FIELD VALUE]..."));
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	if (!type)
		return add_free_code(cli, &a, session, ops[1]);

	int64_t id;
	size_t bad;
	enum status rc = item_add(cli->db, type, session, ops[1], a.given, a.ngiven, &id, &bad);
	if (rc != STATUS_OK)
		return fail_value(cli, &a, bad, rc);
	printf("%" PRId64 "\n", id);
	return EXIT_DONE;
}

/* The id of item KEY of TYPE in SESSION (the session itself for ITEM_SESSION). */
static enum status find_in_session(struct cli *cli, const struct item_type *type, int64_t session,
	const char *key, int64_t *id)
{
	*id = session;
	return type->kind == ITEM_SESSION ? STATUS_OK : item_find(cli->db, type, session, key, id);
}

int cmd_edit(struct cli *cli, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(cli, "%s", _("kind missing: didat edit KIND SESSION ID --FIELD VALUE"));
	const struct item_type *type = parse_kind(cli, argv[1], false);
	if (!type)
		return EXIT_USAGE;
	struct item_args a;
	char **ops;
	int n = parse_item_args(cli, &a, type, argc - 1, argv + 1, &ops);
	int want = type->kind == ITEM_SESSION ? 1 : 2;
	if (n < 0)
		return EXIT_USAGE;
	if (n != want || a.ngiven == 0)
		return cli_usage(cli, "%s", _("expected: didat edit KIND SESSION ID --FIELD VALUE..."));
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	int64_t id;
	size_t bad = a.ngiven;
	enum status rc = find_in_session(cli, type, session, ops[1], &id);
	if (rc == STATUS_OK)
		rc = item_edit(cli->db, type, id, a.given, a.ngiven, &bad);
	return rc == STATUS_OK ? EXIT_DONE : fail_value(cli, &a, bad, rc);
}

int cmd_remove(struct cli *cli, int argc, char **argv)
{
	char **ops;
	int n = cli_operands(cli, argc, argv, 3, 3, _("didat remove KIND SESSION ID"), &ops);
	if (n < 0)
		return EXIT_USAGE;
	const struct item_type *type = parse_kind(cli, ops[0], false);
	if (!type)
		return EXIT_USAGE;
	if (type->kind == ITEM_SESSION)
		return cli_usage(cli, "%s", _("a session is deleted with: didat delete SESSION --yes"));
	int64_t session, id;
	if (!cli_session(cli, ops[1], &session))
		return EXIT_FAILED;
	enum status rc = item_find(cli->db, type, session, ops[2], &id);
	if (rc == STATUS_OK)
		rc = item_delete(cli->db, type, id);
	return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
}

struct list_ctx {
	struct cli *cli;
	const struct item_type *type;
};

static int print_item(void *ctx, const void *item)
{
	struct list_ctx *l = ctx;
	char buf[4096];
	printf("%" PRId64, ((const int64_t *)item)[0]);
	for (size_t i = 0; i < l->type->nfields; i++) {
		const struct item_field *f = &l->type->fields[i];
		if (strcmp(f->name, "position") == 0)
			continue;
		fputc('\t', stdout);
		display_fputs(stdout, item_format(l->cli->db, l->type, item, f, buf, sizeof buf), -1, 0,
			false);
	}
	fputc('\n', stdout);
	return 0;
}

int cmd_list(struct cli *cli, int argc, char **argv)
{
	char **ops;
	int n = cli_operands(cli, argc, argv, 2, 2, _("didat list KIND SESSION"), &ops);
	if (n < 0)
		return EXIT_USAGE;
	const struct item_type *type = parse_kind(cli, ops[0], false);
	if (!type)
		return EXIT_USAGE;
	int64_t session;
	if (!cli_session(cli, ops[1], &session))
		return EXIT_FAILED;
	struct list_ctx l = { cli, type };
	printf("id");
	for (size_t i = 0; i < type->nfields; i++)
		if (strcmp(type->fields[i].name, "position") != 0)
			printf("\t%s", type->fields[i].name);
	printf("\n");
	enum status rc = item_list(cli->db, type, session, print_item, &l);
	return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
}

struct impact_args {
	const char *note;
};

static int on_impact_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	(void)opt;
	(void)val;
	((struct impact_args *)ctx)->note = arg;
	return 0;
}

int cmd_impact(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "note", required_argument, NULL, 'n' },
		{ 0, 0, 0, 0 },
	};
	struct impact_args a = { NULL };
	char **ops;
	int n = cli_parse(cli, argc, argv, options, on_impact_option, &a, &ops);
	if (n < 0)
		return EXIT_USAGE;
	if (n != 4)
		return cli_usage(cli, "%s", _("expected: didat impact SESSION FROM TO STRENGTH"));
	const struct item_type *var = item_type(ITEM_VARIABLE);
	int64_t session, from, to, strength = -1;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	enum status rc = item_find(cli->db, var, session, ops[1], &from);
	if (rc == STATUS_OK)
		rc = item_find(cli->db, var, session, ops[2], &to);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	bool clear = strcmp(ops[3], "-") == 0;
	if (!clear && !cli_number(cli, _("strength"), ops[3], 0, 3, &strength))
		return EXIT_FAILED;
	rc = clear ? impact_clear(cli->db, from, to) : impact_set(cli->db, from, to, strength, a.note);
	return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
}

/* drafts: the texts kept from editors that were not saved (the program
 * was killed, or the item was deleted elsewhere while it was edited). */
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>

#include "model/draft.h"
#include "util/display.h"
#include "util/i18n.h"

struct drafts_args {
	const struct cli *cli;
	int64_t session, remove;
	bool ok, found;
};

static int on_drafts_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	struct drafts_args *a = ctx;
	(void)opt;
	(void)val;
	a->ok = cli_number(a->cli, "--delete", arg, 1, INT64_MAX, &a->remove);
	return !a->ok;
}

/* One draft: a head line, then its text indented, made safe. */
static int print_draft(void *ctx, const struct draft *d)
{
	struct drafts_args *a = ctx;
	if (d->session_id != a->session)
		return 0;
	if (a->remove) {
		a->found = a->found || d->id == a->remove;
		return 0;
	}
	printf("%" PRId64 "\t%s\t", d->id, d->saved_local);
	display_fputs(stdout, d->target, -1, 0, false);
	fputc('\n', stdout);
	display_fputs(stdout, d->text, -1, 0, true);
	fputs("\n\n", stdout);
	return 0;
}

int cmd_drafts(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "delete", required_argument, NULL, 'd' },
		{ 0, 0, 0, 0 },
	};
	struct drafts_args a = { .cli = cli, .ok = true };
	char **ops;
	int n = cli_parse(cli, argc, argv, options, on_drafts_option, &a, &ops);
	if (!a.ok)
		return EXIT_FAILED;
	if (n < 0)
		return EXIT_USAGE;
	if (n != 1)
		return cli_usage(cli, "%s", _("expected: didat drafts SESSION [--delete ID]"));
	if (!cli_session(cli, ops[0], &a.session))
		return EXIT_FAILED;
	enum status rc = draft_list(cli->db, print_draft, &a);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	if (!a.remove)
		return cli_stdout_done(cli, true) ? EXIT_DONE
			: EXIT_FAILED;
	if (!a.found)
		return cli_error(cli, _("there is no draft %" PRId64 " in this session"), a.remove);
	rc = draft_delete(cli->db, a.remove);
	return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
}

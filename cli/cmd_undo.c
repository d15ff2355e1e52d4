/* undo, redo: take back a session's last change, or bring it back. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>

#include "model/undo.h"
#include "util/display.h"
#include "util/i18n.h"

/* Prints the step's description on standard output; nothing to do, a
 * conflict or a deleted session is a message and exit status 2.  The
 * person's own last change, or with --anyone the session's. */
static int run_step(struct cli *cli, int argc, char **argv, bool redo)
{
	static const struct option options[] = {
		{ "anyone", no_argument, NULL, 'a' },
		{ 0, 0, 0, 0 },
	};
	bool anyone = false;
	char **ops;
	int n = cli_parse(cli, argc, argv, options, cli_flag, &anyone, &ops);
	if (n < 0)
		return EXIT_USAGE;
	if (n != 1)
		return cli_usage(cli, "%s", redo ? _("expected: didat redo SESSION [--anyone]")
		                                 : _("expected: didat undo SESSION [--anyone]"));
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	enum undo_scope scope = anyone ? UNDO_ANYONE : UNDO_MINE;
	struct undo_result r;
	enum status rc = redo ? redo_last(cli->db, session, scope, &r)
	                      : undo_last(cli->db, session, scope, &r);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	display_fputs(stdout, r.description, -1, 0, false);
	fputc('\n', stdout);
	return cli_stdout_done(cli, true) ? EXIT_DONE : EXIT_FAILED;
}

int cmd_undo(struct cli *cli, int argc, char **argv)
{
	return run_step(cli, argc, argv, false);
}

int cmd_redo(struct cli *cli, int argc, char **argv)
{
	return run_step(cli, argc, argv, true);
}

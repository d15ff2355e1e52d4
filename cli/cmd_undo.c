/* undo, redo: take back a session's last change, or bring it back. */
#include "cli/cli.h"

#include <stdio.h>

#include "model/undo.h"
#include "util/display.h"
#include "util/i18n.h"

/* Prints the step's description on standard output; nothing to do, a
 * conflict or a deleted session is a message and exit status 2. */
static int run_step(struct cli *cli, int argc, char **argv, bool redo)
{
	char **ops;
	if (cli_operands(cli, argc, argv, 1, 1,
			redo ? _("didat redo SESSION") : _("didat undo SESSION"), &ops) < 0)
		return EXIT_USAGE;
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	struct undo_result r;
	enum status rc = redo ? redo_last(cli->db, session, &r) : undo_last(cli->db, session, &r);
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

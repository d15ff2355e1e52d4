/* undo and redo: placeholder until model/undo.c lands. */
#include "cli/cli.h"

int cmd_undo(struct cli *cli, int argc, char **argv)
{
	(void)argc; (void)argv;
	return cli_error(cli, "undo: noch nicht verfügbar");
}

int cmd_redo(struct cli *cli, int argc, char **argv)
{
	(void)argc; (void)argv;
	return cli_error(cli, "redo: noch nicht verfügbar");
}

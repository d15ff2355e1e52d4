/* codebook, coding, doc: placeholder until they land. */
#include "cli/cli.h"

int cmd_codebook(struct cli *cli, int argc, char **argv)
{
	(void)argc; (void)argv;
	return cli_error(cli, "codebook: noch nicht verfügbar");
}

int cmd_coding(struct cli *cli, int argc, char **argv)
{
	(void)argc; (void)argv;
	return cli_error(cli, "coding: noch nicht verfügbar");
}

int cmd_doc(struct cli *cli, int argc, char **argv)
{
	(void)argc; (void)argv;
	return cli_error(cli, "doc: noch nicht verfügbar");
}

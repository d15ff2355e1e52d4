/* didat: DiDaT transdisciplinary workshops and the content analysis of
 * their minutes.  Everything happens in cli/ (commands) and tui/ (the
 * screen); this only hands over. */
#include "cli/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}

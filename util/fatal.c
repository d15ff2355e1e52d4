/* Fatal errors: see fatal.h. */
#include "util/fatal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

static fatal_restore restore_terminal;

void fatal_on_exit(fatal_restore restore)
{
	restore_terminal = restore;
}

void fatal(const char *fmt, ...)
{
	fatal_restore restore = restore_terminal;
	restore_terminal = NULL;  /* once, even if restoring fails on the way */
	if (restore)
		restore();
	va_list ap;
	va_start(ap, fmt);
	fputs("didat: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

char *xstrdup(const char *s)
{
	char *copy = strdup(s ? s : "");
	if (!copy)
		fatal("%s", _("not enough memory for a few bytes"));
	return copy;
}

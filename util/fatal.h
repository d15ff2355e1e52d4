#ifndef DIDAT_UTIL_FATAL_H
#define DIDAT_UTIL_FATAL_H

/* The end for what cannot go on: no memory for a few bytes, or a
 * programming error.  The screen registers how to give the terminal back
 * (model/ and util/ know nothing of curses); fatal() calls it, says why on
 * standard error and exits with status 2.  Committed data is safe: every
 * change was committed when it was acknowledged. */

typedef void (*fatal_restore)(void);

/* RESTORE runs before the message (NULL: nothing to restore). */
void fatal_on_exit(fatal_restore restore);

_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A copy of S (NULL: of ""), for the screen's short texts; without the
 * memory for it, fatal(). */
char *xstrdup(const char *s);

#endif

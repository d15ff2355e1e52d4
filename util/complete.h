#ifndef DIDAT_UTIL_COMPLETE_H
#define DIDAT_UTIL_COMPLETE_H

/* File name completion for the screen's import prompt.  The prompt holds
 * several file names separated by spaces; a space inside a name is
 * written "\ " and a backslash "\\", as in a shell.  A name that starts
 * with "~/" is looked up in $HOME. */

#include <stddef.h>

#include "util/status.h"

/* Splits LINE into its file names, unescaped and with "~/" expanded.
 * *WORDS is a malloc'd array of *N malloc'd strings (complete_free).
 * STATUS_NOMEM when memory ran out. */
enum status complete_split(const char *line, char ***words, size_t *n);
void complete_free(char **words, size_t n);

struct complete_result {
	char *line;            /* LINE with its last name completed; malloc'd */
	char **candidates;     /* the names that fit, sorted; folders end in "/" */
	size_t ncandidates;
};

/* Completes the last file name of LINE against the entries of its
 * folder (the current folder when the name has none): a single fitting
 * entry whole (a folder with "/" after it, a file with a space, ready
 * for the next name), several up to their longest common prefix (cut on
 * a character boundary).  Hidden entries fit only a name that starts
 * with ".".  A folder that cannot be read gives no candidates and LINE
 * unchanged.  Clear RESULT with complete_result_clear(). */
enum status complete_path(const char *line, struct complete_result *result);
void complete_result_clear(struct complete_result *result);

#endif

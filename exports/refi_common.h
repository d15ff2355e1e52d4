#ifndef DIDAT_EXPORTS_REFI_COMMON_H
#define DIDAT_EXPORTS_REFI_COMMON_H

/* What the REFI-QDA writer and reader share. */

#include <stdbool.h>
#include <inttypes.h>
#include <stdint.h>


#define REFI_GUID_SIZE 37

/* A coding's memo line that keeps a selection's exact positions when the
 * import widened it to whole lines; the export writes them again. */
#define REFI_POSITION_MARK "REFI-QDA: startPosition=%" PRId64 ", endPosition=%" PRId64   /* 8-4-4-4-12 hex digits and the NUL */

/* A GUID that follows from KIND and SEED alone (a name-based UUID over
 * SHA-256), for what has no row of its own: a coding's Coding element,
 * a memo's note, a kind's code. */
void refi_guid_from(const char *kind, const char *seed, char guid[REFI_GUID_SIZE]);
/* True when TEXT is a GUID as the schema allows it (braces or not). */
bool refi_guid_valid(const char *text);

/* COLOUR ("#rrggbb" or a terminal colour's name) as "#RRGGBB" in BUF;
 * NULL when there is none. */
const char *refi_colour_hex(const char *colour, char buf[8]);

/* Splits MEMO into the positions of its REFI_POSITION_MARK line (false
 * when it has none) and the rest, without that line, into REST (malloc'd;
 * NULL when memory is short). */
bool refi_split_mark(const char *memo, int64_t *start, int64_t *end, char **rest);


#endif

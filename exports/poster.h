#ifndef DIDAT_EXPORTS_POSTER_H
#define DIDAT_EXPORTS_POSTER_H

/* The poster of a workshop: a page per DiDaT step (more when a step's
 * items fill a page: "2 Unseens (continued)"), each page A3 landscape in
 * millimetres (viewBox 0 0 420 297), with the session's title, date and
 * place in its header.
 *
 *   1  guiding question, system boundaries, components
 *   2  unseens by votes, with a vote bar and their vulnerability
 *   3  impact matrix as a heat map, AS/PS scatter plot with the roles
 *   4  goals per component, goal conflicts
 *   5  the bundle board (a column per actor group, a card per
 *      measure), then the SoRO statements per component
 *
 * SVG is one document with the pages stacked downwards; HTML an HTML5
 * page with each page's SVG inline in a <section> and print CSS for A3;
 * PDF a page's SVG each in a temporary folder, joined by rsvg-convert.
 * Pages are laid out twice: once to count them (the SVG's height, the
 * "page N of M" footers), once to write them.  Items are read one at a
 * time by id; only ids are held. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util/status.h"

struct db;

enum poster_format { POSTER_SVG, POSTER_HTML, POSTER_PDF };

/* The file endings the poster is written as, for the exporter table and
 * messages; poster_format_of() reads the same. */
#define POSTER_ENDINGS ".svg .html .htm .pdf"

/* The format PATH's ending asks for (case ignored); NULL or "-" (standard
 * output) is SVG.  False when the ending is none of POSTER_ENDINGS. */
bool poster_format_of(const char *path, enum poster_format *format);

/* Writes the poster of SESSION_ID as FORMAT to OUT.  PDF needs the
 * program rsvg-convert: STATUS_NOT_FOUND when it is missing, STATUS_IO
 * when it fails (db_error names it and its first message). */
enum status poster_write(struct db *db, int64_t session_id, enum poster_format format, FILE *out);

/* The number of pages poster_write() would write, into *PAGES. */
enum status poster_count_pages(struct db *db, int64_t session_id, int *pages);

/* TEXT as it may stand in XML 1.0 and on paper: invalid UTF-8 and what
 * iswprint() rejects become U+FFFD, except C0 controls and DEL, which
 * become their control pictures (ESC: U+241B "␛"); tabs become spaces,
 * newlines stay.  Malloc'd (NULL: out of memory; NULL TEXT reads as ""). */
char *poster_clean(const char *text);

/* Calls LINE for each line of TEXT (poster_clean's output) broken into
 * lines of at most COLUMNS display columns: at each newline, else at the
 * last space that fits; a word longer than a line is cut, with a hyphen
 * where the cut splits two letters.  LINE gets the line's bytes (not
 * NUL-terminated) and returns non-zero to stop.  Returns
 * the number of lines (an empty text is one empty line). */
typedef int (*poster_line_fn)(void *ctx, const char *line, size_t len);
size_t poster_wrap(const char *text, int columns, poster_line_fn line, void *ctx);

#endif

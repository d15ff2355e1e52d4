#ifndef DIDAT_TUI_PROJECTOR_H
#define DIDAT_TUI_PROJECTOR_H

/* Projector mode: no chrome; the guiding question and the current item
 * large and centred, in high contrast. */

#include <stdint.h>

struct db;

/* Draws the whole screen: the session's guiding question, HEAD (the
 * current item's name, in block letters when the terminal is wide
 * enough) and TEXT. */
void projector_draw(struct db *db, int64_t session, const char *head, const char *text);

#endif

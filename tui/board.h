#ifndef DIDAT_TUI_BOARD_H
#define DIDAT_TUI_BOARD_H

/* The bundle board of step 5: a column per actor group, a card per measure. */

#include "tui/app.h"

extern const struct view board_view;

struct board;
/* Draws board B into R: as many columns as fit from *FIRST on (moved
 * so that COLUMN shows), card CARD of COLUMN chosen.  LARGE: the wall's
 * type, wider columns and taller cards in bold.  Reads only the cards
 * it draws; returns the number of columns drawn. */
size_t board_draw_columns(struct app *app, const struct board *b, struct rect r, size_t *first,
	size_t column, size_t card, bool large);

#endif

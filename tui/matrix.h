#ifndef DIDAT_TUI_MATRIX_H
#define DIDAT_TUI_MATRIX_H

/* Step 3's impact matrix: a grid the cursor moves over, digits setting
 * cells, and beside it each variable's active and passive sum, its role
 * and a scatter plot of the two, all live. */

#include "tui/app.h"

extern const struct view matrix_view;

/* The wall's step 3 (tui/wall.c): the same matrix, loaded or caught up
 * with its changes by matrix_wall_open, drawn by matrix_wall_draw as a
 * heat map (cells coloured by strength, short names) beside the AS/PS
 * plot, its markers named by short names; only the visible cells are
 * drawn.  matrix_wall_scroll moves the heat map by ROWS and COLUMNS. */
void matrix_wall_open(struct app *app);
void matrix_wall_draw(struct rect r);
void matrix_wall_scroll(long rows, long columns);

#endif

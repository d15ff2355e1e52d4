#ifndef DIDAT_TUI_MATRIX_H
#define DIDAT_TUI_MATRIX_H

/* Step 3's impact matrix: a grid the cursor moves over, digits setting
 * cells, and beside it each variable's active and passive sum, its role
 * and a scatter plot of the two, all live. */

#include "tui/app.h"

extern const struct view matrix_view;

#endif

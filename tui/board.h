#ifndef DIDAT_TUI_BOARD_H
#define DIDAT_TUI_BOARD_H

/* The bundle board of step 5: a column per actor group, a card per measure. */

#include "tui/app.h"

extern const struct view board_view;

#endif

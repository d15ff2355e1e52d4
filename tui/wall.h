#ifndef DIDAT_TUI_WALL_H
#define DIDAT_TUI_WALL_H

/* The wall (F5): the current step's content large for the room, without
 * step bar or status line.  Steps 1 to 5 have a wall of their own (the
 * question and boundaries, the ranked unseens, the matrix heat map and
 * plot, the goals and their conflicts, the bundle board); the others
 * show their current item.  The chosen theme's colours stay. */

#include <stdbool.h>

#include "tui/app.h"

/* Reloads what the wall of STEP lists (ids, the board): when it is shown
 * and whenever the data changed, here or in another process. */
void wall_open(struct app *app, enum step step);
/* The part of the screen the wall draws in, from row TOP on. */
struct rect wall_area(int top);
/* Draws STEP's wall into A; false when STEP has none (wall_draw_item). */
bool wall_draw(struct app *app, enum step step, struct rect a);
/* Draws the guiding question, HEAD (in block letters when they fit) and
 * TEXT into A: a view's current item, for the steps without a wall. */
void wall_draw_item(struct app *app, struct rect a, const char *head, const char *text);
/* A key on STEP's wall: ↑ ↓, j k, PgUp PgDn, Home End and Space move
 * its cursor or scroll it, ← → (h l) the board's groups and the heat
 * map's columns; on step 2 + and - vote on the cursor's unseen
 * (an undoable change, as on the step's screen).  False when KEY does
 * nothing there. */
bool wall_key(struct app *app, enum step step, int key);

/* The timer's TEXT ("09:58") in block letters at the top right: the rows
 * it takes (0 when the terminal is too small for it), and drawing it. */
int wall_timer_rows(const char *text);
void wall_draw_timer(const char *text, attr_t attr);

#endif

#ifndef DIDAT_TUI_LISTPOS_H
#define DIDAT_TUI_LISTPOS_H

/* The cursor and scroll position of a list on screen: the one piece of
 * logic every list of the interface shares (panels, the session browser,
 * the document list, pickers, search hits, hinge passages). */

#include <stdbool.h>
#include <stddef.h>

#include "tui/ui.h"

struct list_pos {
	size_t n;          /* rows in the list */
	size_t cursor;     /* the selected row, < n unless n = 0 */
	size_t top;        /* the first row on screen */
	struct rect area;  /* where the rows were drawn last (for the mouse and paging) */
};

/* Sets the number of rows, keeping the cursor inside. */
void list_set_count(struct list_pos *l, size_t n);
/* Moves the cursor by DELTA rows, clamped; true when it moved. */
bool list_move(struct list_pos *l, long delta);
/* The movement commands PANEL_UP..PANEL_END (tui/panel.h), paging by
 * the last drawn height; false for any other command. */
bool list_command(struct list_pos *l, int command);
/* The movement command of KEY (arrows, PgUp/PgDn, Home/End), for lists
 * in dialogs that have no bindings of their own; 0 for any other key. */
int list_key_command(int key);
/* Remembers AREA and scrolls so that the cursor is on screen. */
void list_place(struct list_pos *l, struct rect area);
/* The row drawn at screen position Y, X; -1 outside the rows. */
long list_row_at(const struct list_pos *l, int y, int x);

#endif

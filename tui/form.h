#ifndef DIDAT_TUI_FORM_H
#define DIDAT_TUI_FORM_H

/* An item edited as a form: all its fields and links at once, one row
 * each.  Tab and Shift-Tab (or ↑ ↓ outside a multi-line text) go from
 * row to row; Enter leaves a one-line field for the next, and is a new
 * line in a multi-line one; a rating takes its digit, a choice the digit
 * of its option; on a reference or a link typing opens the picker,
 * filtered by what is typed, with "+ new …" for what is missing.
 *
 * Every field is stored when it is left, one undoable change each (the
 * concurrent-change check of tui/dialog.h included); Esc, F2 and Enter
 * on the last row close the form after storing the field they leave.  A
 * new item is made once its title (and, for a goal conflict, its two
 * goals) are given; a form closed before then makes nothing. */

#include <stdbool.h>
#include <stdint.h>

#include "model/item.h"

struct app;

/* The form of item ID of KIND. */
void form_edit(struct app *app, enum item_kind kind, int64_t id);
/* The form of a new item of TYPE in the open session, FILL (may be NULL)
 * setting fields first (the filter's component, the board's column).
 * True with *ID when the item was made. */
bool form_create(struct app *app, const struct item_type *type,
	void (*fill)(void *ctx, void *item), void *ctx, int64_t *id);

#endif

#ifndef DIDAT_TUI_DIALOG_H
#define DIDAT_TUI_DIALOG_H

/* Helpers the dialogs (tui/dialog.c) share with the views; the dialogs
 * themselves are declared in tui/app.h. */

#include <stdbool.h>
#include <stddef.h>

#include "model/item.h"

struct app;
struct draft;

/* How an item is named in lists and pickers: "K2 Daten" for a component,
 * "B Wirtschaft" for an actor group, else its title or text. */
void dialog_item_label(const struct item_type *type, const void *item, char *buf, size_t size);

/* The label of item ID of KIND as dialog_item_label() gives it; "" when
 * ID is 0 or the item is gone. */
void dialog_label_of(struct app *app, enum item_kind kind, int64_t id, char *buf, size_t size);

/* How a person knows the field a draft was typed into: "Unseen 7
 * „Datenabfluss“: Beschreibung".  False when the item is not in the open
 * session (deleted; the draft waits for an undo). */
bool dialog_draft_label(struct app *app, const struct draft *draft, char *buf, size_t size);
/* Opens the editor again on the field a draft was typed into. */
bool dialog_restore_draft(struct app *app, const struct draft *draft);

/* Asks for the title of a new item of TYPE and creates it in the open
 * session with FILL (may be NULL) setting further fields first; sets *ID.
 * Returns false when cancelled or refused (the status line says why). */
bool dialog_create_item(struct app *app, const struct item_type *type,
	void (*fill)(void *ctx, void *item), void *ctx, int64_t *id);
/* Asks, then deletes item ID of TYPE; true when deleted. */
bool dialog_delete_item(struct app *app, const struct item_type *type, int64_t id);

#endif

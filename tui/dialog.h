#ifndef DIDAT_TUI_DIALOG_H
#define DIDAT_TUI_DIALOG_H

/* Helpers the dialogs (tui/dialog.c) share with the views; the dialogs
 * themselves are declared in tui/app.h. */

#include <stdbool.h>
#include <stddef.h>

#include "model/item.h"

struct app;
struct db;
struct draft;

/* How an item is named in lists and pickers: "K2 Daten" for a component,
 * "B Wirtschaft" for an actor group, else its title or text. */
void dialog_item_label(const struct item_type *type, const void *item, char *buf, size_t size);

/* How an item is told apart in a picker: the number its list shows, its
 * label and its component ("#12 Datenabfluss · K2"); named kinds
 * (components, groups) by their label alone.  Pickers list the items of
 * a kind in item_list() order, "(keine)" first for an optional field. */
void dialog_picker_label(struct app *app, const struct item_type *type, const void *item,
	char *buf, size_t size);

/* The label of item ID of KIND as dialog_item_label() gives it; "" when
 * ID is 0 or the item is gone. */
void dialog_label_of(struct app *app, enum item_kind kind, int64_t id, char *buf, size_t size);

/* How a person knows the field a draft was typed into: "Unseen 7
 * „Datenabfluss“: Beschreibung".  False when the item is not in the open
 * session (deleted; the draft waits for an undo). */
bool dialog_draft_label(struct app *app, const struct draft *draft, char *buf, size_t size);
/* Opens the editor again on the field a draft was typed into. */
bool dialog_restore_draft(struct app *app, const struct draft *draft);

/* Field values as text, the form the editors show and take: a
 * reference is the picked item's id, "" for none.  NULL when item ID is
 * gone (*FOUND false). */
char *dialog_field_text(struct app *app, const struct item_type *type, int64_t id,
	const struct item_field *f, bool *found);
/* The same from ITEM as item_read() filled it (malloc'd). */
char *dialog_field_format(struct app *app, const struct item_type *type, const void *item,
	const struct item_field *f);
/* Sets F of ITEM (not yet stored) from VALUE in that form. */
enum status dialog_apply_value(struct db *db, const struct item_type *type, void *item,
	const struct item_field *f, const char *value);

/* What became of a value typed into a field. */
enum dialog_commit {
	COMMIT_SAVED,    /* stored */
	COMMIT_THEIRS,   /* someone changed it meanwhile, and theirs stands */
	COMMIT_AGAIN,    /* refused (the status line says why), or to be edited on */
	COMMIT_GONE,     /* the item was deleted elsewhere: kept as a draft */
};
/* Stores VALUE into F of item ID when nobody changed the field since it
 * read SEEN, else shows both and asks which stands.  *NOW (malloc'd, or
 * NULL when gone) is the field's stored text as found. */
enum dialog_commit dialog_commit(struct app *app, const struct item_type *type, int64_t id,
	const struct item_field *f, const char *seen, const char *value, char **now);

/* Picks an item for reference field F starting at CURRENT, the list
 * filtered by FILTER (may be NULL); its "+ new …" row creates one from
 * what was typed.  True with *ID (0: none). */
bool dialog_pick_ref(struct app *app, const char *title, const struct item_field *f,
	int64_t current, const char *filter, int64_t *id);
/* Picks one of choice field F's options, "(leer)" first; true with
 * *VALUE (static: the option, or "" for none). */
bool dialog_pick_choice(struct app *app, const char *title, const struct item_field *f,
	const char *filter, const char **value);
/* Edits the items of link KIND from item FROM with a multiple choice
 * filtered by FILTER; "+ new …" creates and links one.  True when saved. */
bool dialog_pick_links(struct app *app, enum link_kind kind, int64_t from, const char *filter);

/* Asks, then deletes item ID of TYPE; true when deleted. */
bool dialog_delete_item(struct app *app, const struct item_type *type, int64_t id);

#endif

#ifndef DIDAT_TUI_PANEL_H
#define DIDAT_TUI_PANEL_H

/* A panel: the list of one kind of item beside a detail pane with all
 * fields and links of the selected item.  Every step screen is made of
 * panels.  Only the ids are held; the rows on screen are read when drawn. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/item.h"
#include "model/listing.h"
#include "tui/app.h"
#include "tui/listpos.h"

/* The commands a panel runs; a view binds the keys it offers. */
enum panel_command {
	PANEL_UP = 500,
	PANEL_DOWN,
	PANEL_PAGE_UP,
	PANEL_PAGE_DOWN,
	PANEL_HOME,
	PANEL_END,
	PANEL_ADD,
	PANEL_EDIT,        /* the item's form (tui/form.h) */
	PANEL_DELETE,
	PANEL_VOTE_UP,
	PANEL_VOTE_DOWN,
	PANEL_MOVE_UP,     /* reorder */
	PANEL_MOVE_DOWN,
	PANEL_SORT,        /* next order */
	PANEL_FILTER,      /* by component */
	PANEL_LINKS,       /* the kind's first link */
	PANEL_DETAIL_DOWN, /* scroll the detail pane */
	PANEL_DETAIL_UP,
};

#define PANEL_MOVE_KEYS \
	{ UI_FN(KEY_UP), PANEL_UP, "↑ ↓ j k", N_("choose a row") }, \
	{ UI_FN(KEY_DOWN), PANEL_DOWN, "↓", NULL }, \
	{ 'k', PANEL_UP, "k", NULL }, \
	{ 'j', PANEL_DOWN, "j", NULL }, \
	{ UI_FN(KEY_PPAGE), PANEL_PAGE_UP, N_("PgUp PgDn"), N_("a page at a time") }, \
	{ UI_FN(KEY_NPAGE), PANEL_PAGE_DOWN, N_("PgDn"), NULL }, \
	{ UI_FN(KEY_HOME), PANEL_HOME, N_("Home End"), N_("first/last row") }, \
	{ UI_FN(KEY_END), PANEL_END, N_("End"), NULL }

#define PANEL_EDIT_KEYS \
	{ 'a', PANEL_ADD, "a", N_("new item") }, \
	{ '\r', PANEL_EDIT, "Enter/e", N_("edit the item: a form with all its fields") }, \
	{ '\n', PANEL_EDIT, "Enter", NULL }, \
	{ UI_FN(KEY_ENTER), PANEL_EDIT, "Enter", NULL }, \
	{ 'e', PANEL_EDIT, "e", NULL }, \
	{ 'd', PANEL_DELETE, N_("d/Del"), N_("delete the item (asks)") }, \
	{ UI_FN(KEY_DC), PANEL_DELETE, N_("Del"), NULL }, \
	{ '>', PANEL_DETAIL_DOWN, "> <", N_("scroll the details on / back") }, \
	{ '<', PANEL_DETAIL_UP, "<", NULL }

/* Gives unseen ID DELTA votes (one undoable change), says so in the
 * status line and reloads the views. */
void panel_vote(struct app *app, int64_t id, int delta);

/* The form of item ID of KIND (tui/form.h). */
void panel_edit_item(struct app *app, enum item_kind kind, int64_t id);

struct panel {
	enum item_kind kind;
	const char *title;
	/* The orders `s` cycles through (first: the default); may be 1 long. */
	const enum listing_order *orders;
	size_t norders, order;
	int64_t component;        /* filter: a component's id; 0 = all */
	int64_t component_number; /* its number, for the heading */
	/* Optional: fills BUF with the row text of ITEM (default: its label)
	 * and RIGHT with a short right-aligned figure. */
	void (*row)(struct app *app, const void *item, char *buf, size_t size,
		char *right, size_t right_size);
	/* State: the ids of the rows (only ids are held) and where the list is,
	 * for SESSION (another session starts afresh). */
	int64_t session;
	int64_t *ids;
	struct list_pos pos;
	int detail_skip;
};

/* Reloads the ids, keeping the cursor on the same item when it is still there. */
void panel_open(struct app *app, struct panel *p);
void panel_free(struct panel *p);
/* Draws the list into R (and the detail pane beside or below it when
 * DETAIL is set). */
void panel_draw(struct app *app, struct panel *p, struct rect r, bool detail);
/* Runs a PANEL_* command; VIEW_UNHANDLED for any other. */
int panel_command(struct app *app, struct panel *p, int command);
int panel_click(struct app *app, struct panel *p, int y, int x, bool double_click);
void panel_scroll(struct app *app, struct panel *p, int delta);
bool panel_find(struct app *app, struct panel *p, const char *needle, bool backwards);
/* Moves the cursor to item ID, dropping the component filter when it
 * hides the item; false when the list does not hold it. */
bool panel_select(struct app *app, struct panel *p, int64_t id);
/* The selected item's id, 0 when the list is empty. */
int64_t panel_current(const struct panel *p);
/* For the wall (F5): the selected item's label and its fields as text. */
void panel_describe(struct app *app, struct panel *p, char *head, size_t head_size,
	char *text, size_t text_size);
/* Draws all fields and links of item ID of KIND into R from row SKIP on;
 * returns the rows they take in all. */
int panel_draw_item(struct app *app, enum item_kind kind, int64_t id, struct rect r, int skip);

#endif

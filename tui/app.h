#ifndef DIDAT_TUI_APP_H
#define DIDAT_TUI_APP_H

/* The frame of the full-screen interface: one app, a current view, the
 * step bar, the status line, the timer, the key loop that also notices
 * changes made by other processes, and the modal dialogs every view
 * uses (prompt, editor, confirm, pick).
 *
 * A view is a const table of callbacks with its state in its own file.
 * Its keys are declared once, as bindings with help text: the key map
 * and the `?` screen both come from that table. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model/item.h"
#include "tui/ui.h"

struct db;
struct app;

enum step {
	STEP_QUESTION,
	STEP_UNSEENS,
	STEP_MODEL,
	STEP_GOALS,
	STEP_MEASURES,
	STEP_DOCUMENTS,
	STEP_EXPORT,
	STEP_COUNT
};

/* One key of a view: KEY (a character, or UI_FN(KEY_...)) runs COMMAND;
 * NAME and HELP are shown by `?` (HELP NULL: a second key for the same
 * command, not listed). */
struct binding {
	int key;
	int command;
	const char *name, *help;
};

/* What a key handler tells the loop. */
enum {
	VIEW_UNHANDLED = 0,
	VIEW_HANDLED = 1,
};

struct view {
	const char *title;
	const struct binding *keys;
	size_t nkeys;
	/* Called when the view is shown and whenever the data changed (here
	 * or in another process): reload what the view keeps (ids, counts). */
	void (*open)(struct app *app);
	/* Draws the view into AREA; a pure function of its state. */
	void (*draw)(struct app *app, struct rect area);
	/* Runs COMMAND (from the bindings); KEY is the key pressed. */
	int (*command)(struct app *app, int command, int key);
	/* A mouse press at Y, X (screen coordinates) inside the view's area;
	 * optional. */
	int (*click)(struct app *app, int y, int x, bool double_click);
	/* The mouse wheel: +1 down, -1 up; optional. */
	void (*wheel)(struct app *app, int delta);
	/* For the wall (F5) of a step without one of its own: the heading
	 * and text of the current item into the buffers; optional (the
	 * guiding question alone is shown). */
	void (*current)(struct app *app, char *head, size_t head_size, char *text, size_t text_size);
	/* For `/`: moves to the next row (from the current on, wrapping)
	 * whose text matches NEEDLE; returns false when none does; optional. */
	bool (*find)(struct app *app, const char *needle, bool backwards);
	/* Shows item ID of KIND (a search hit, what an undo brought back):
	 * its list, the cursor on it; false when the view has no such item;
	 * optional. */
	bool (*select)(struct app *app, enum item_kind kind, int64_t id);
	/* The row chosen: its item's KIND and ID; false when none is (an
	 * empty list); optional. */
	bool (*selected)(struct app *app, enum item_kind *kind, int64_t *id);
};

struct db *app_db(struct app *app);
int64_t app_session(struct app *app);
/* Shows a message in the status line until the next one. */
void app_status(struct app *app, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Shows MESSAGE ("Kopiere …") at once, before something that may take a
 * while keeps the screen from being drawn. */
void app_busy(struct app *app, const char *message);
/* Shows the database's last error in the status line. */
void app_error(struct app *app);
/* Tells the app that this process changed data: counts and the view reload. */
void app_changed(struct app *app);
/* Switches to VIEW (a sub-view of the current step, e.g. the reader). */
void app_show(struct app *app, const struct view *view);
/* Goes to STEP of the open session. */
void app_step(struct app *app, enum step step);
/* Shows the step and the list that hold items of KIND. */
void app_show_list(struct app *app, enum item_kind kind);
/* The step whose lists hold items of KIND. */
enum step app_step_of_kind(enum item_kind kind);
/* Opens session ID (0: back to the session browser). */
void app_open_session(struct app *app, int64_t id);
/* Goes to the step that lists items of KIND and selects item ID there;
 * false when it is not shown (the status line is left alone). */
bool app_select_item(struct app *app, enum item_kind kind, int64_t id);

/* Modal dialogs.  Each runs its own key loop, keeps the timer, the live
 * refresh and resizing going, and redraws the view underneath. */

/* A one-line prompt; returns true with *OUT (malloc'd) on Enter, false on Esc. */
bool app_prompt(struct app *app, const char *question, const char *initial, char **out);
/* The editor for a text field in a box titled TITLE.  DRAFT_KEY names the
 * field for the draft kept when the program is killed while editing.
 * Returns true with *OUT (malloc'd) on save. */
bool app_edit(struct app *app, const char *title, const char *initial, bool multiline,
	const char *draft_key, char **out);
/* A yes/no question; true for yes. */
bool app_confirm(struct app *app, const char *question);
/* Picks one of N rows (LABEL fills BUF for row I) in a filterable list
 * starting at INITIAL.  With SELECTED (N flags) several rows can be
 * toggled with Space and the result is in SELECTED.  Returns the chosen
 * row, or -1 on Esc. */
typedef void (*pick_label)(void *ctx, size_t i, char *buf, size_t size);
int app_pick(struct app *app, const char *title, size_t n, pick_label label, void *ctx,
	int initial, bool *selected);
/* The same with more: FILTER is what is typed in already; CREATE (NULL:
 * none) labels a last row, "+ new …", always shown, that returns
 * PICK_CREATE with what was typed as *CREATED (malloc'd). */
struct pick_request {
	const char *title;
	size_t n;
	pick_label label;
	void *ctx;
	int initial;
	bool *selected;
	const char *filter, *create;
	char *created;
};
enum { PICK_CANCEL = -1, PICK_CREATE = -2 };
int app_pick_request(struct app *app, struct pick_request *request);
/* Asks for file names (several separated by spaces, "\ " inside a name)
 * under LABEL, completing them with Tab from the current folder; true
 * with *OUT (malloc'd) on Enter. */
bool app_ask_files(struct app *app, const char *title, const char *label, char **out);
/* The same for one file: true with *PATH (malloc'd) when one was given. */
bool app_ask_file(struct app *app, const char *title, const char *label, char **path);
/* Shows TEXT in a box until a key is pressed. */
void app_message(struct app *app, const char *title, const char *text);

/* Edits field FIELD of item ID of TYPE with the right dialog (editor,
 * number prompt, choice list, item list), saves it at once and tells the
 * status line.  When another process changed the field meanwhile, shows
 * both texts and asks before overwriting.  Returns true when saved. */
bool app_edit_field(struct app *app, const struct item_type *type, int64_t id,
	const struct item_field *field);
/* Edits the items of link KIND from item FROM with a multiple choice. */
bool app_edit_links(struct app *app, enum link_kind kind, int64_t from);

/* For dialogs: draws the whole screen, then DRAW(CTX) on top, and waits
 * for a key while the timer and the live refresh run; returns the key
 * (see ui_key_code).  A stop signal ends the program from here. */
int app_modal_key(struct app *app, void (*draw)(void *ctx), void *ctx);
void app_draw(struct app *app);
/* While an editor is open: what to keep as a draft when we are killed
 * (KEY names the field, TEXT(CTX) returns the typed text); NULLs clear it. */
void app_set_draft(struct app *app, const char *key, const char *original,
	const char *(*text)(void *ctx), void *ctx);

/* The views. */
extern const struct view browser_view, question_view, unseens_view, model_view, goals_view,
	measures_view, documents_view, export_view;

#endif

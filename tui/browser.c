/* The start screen: every session with its date and counts; new, open,
 * rename, duplicate, delete, and a filter that narrows the list as one
 * types (titles, and the words in items and documents). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/refi.h"
#include "model/listing.h"
#include "model/session.h"
#include "tui/app.h"
#include "tui/listpos.h"
#include "tui/panel.h"
#include "util/display.h"
#include "util/i18n.h"

enum {
	B_OPEN = 1, B_NEW, B_RENAME, B_DUPLICATE, B_DELETE, B_FILTER, B_IMPORT_QDPX,
};

static const struct binding browser_keys[] = {
	PANEL_MOVE_KEYS,
	{ '\r', B_OPEN, "Enter", N_("open the session") },
	{ '\n', B_OPEN, "Enter", NULL },
	{ UI_FN(KEY_ENTER), B_OPEN, "Enter", NULL },
	{ 'a', B_NEW, "a", N_("new session") },
	{ 'r', B_RENAME, "r", N_("rename") },
	{ 'c', B_DUPLICATE, "c", N_("make a complete copy") },
	{ 'd', B_DELETE, N_("d/Del"), N_("delete the session (asks)") },
	{ UI_FN(KEY_DC), B_DELETE, N_("Del"), NULL },
	{ '/', B_FILTER, "/", N_("filter: titles and content, as you type") },
	{ 'R', B_IMPORT_QDPX, "R", N_("import a REFI-QDA project (.qdpx) as a new session") },
};

static struct {
	int64_t *ids;
	struct list_pos pos;
	char filter[256];
} b;

static int64_t current_id(void)
{
	return b.pos.cursor < b.pos.n ? b.ids[b.pos.cursor] : 0;
}

static void browser_open(struct app *app)
{
	int64_t keep = current_id();
	int64_t *ids;
	size_t n;
	if (listing_sessions(app_db(app), b.filter, &ids, &n) != STATUS_OK) {
		app_error(app);
		return;
	}
	free(b.ids);
	b.ids = ids;
	list_set_count(&b.pos, n);
	for (size_t i = 0; i < n; i++)
		if (ids[i] == keep)
			b.pos.cursor = i;
}

struct row_ctx {
	int y, x, w;
	bool cursor;
};

static int draw_summary(void *ctx, const struct session_summary *s)
{
	struct row_ctx *r = ctx;
	attr_t a = r->cursor ? ui_attr(UI_CURSOR) : ui_attr(UI_NORMAL);
	char counts[128], head[32];
	snprintf(head, sizeof head, "%3" PRId64 "  %-10.10s  ", s->id, s->date ? s->date : "");
	snprintf(counts, sizeof counts, _(" U %" PRId64 " · G %" PRId64 " · M %" PRId64 " · D %" PRId64 " "),
		s->unseens, s->goals, s->measures, s->documents);
	int cw = display_width(counts);
	ui_text_pad(r->y, r->x, r->w, head, a);
	int hw = display_width(head);
	int tw = r->w - hw - (r->w >= 60 ? cw : 0);
	ui_text(r->y, r->x + hw, tw, s->title, a);
	if (r->w >= 60)
		ui_text(r->y, r->x + r->w - cw, cw, counts, r->cursor ? a : ui_attr(UI_ACCENT));
	return 0;
}

/* The chosen session's place, facilitator and participants, under the
 * list: who was there is how a team finds a workshop months later. */
static void draw_details(struct app *app, int64_t id, struct rect r)
{
	struct session ses;
	if (item_read(app_db(app), item_type(ITEM_SESSION), id, &ses) != STATUS_OK)
		return;
	char line[600];
	snprintf(line, sizeof line, _("Place: %s · Facilitator: %s"),
		ses.place && *ses.place ? ses.place : "–",
		ses.facilitator && *ses.facilitator ? ses.facilitator : "–");
	attrset(ui_attr(UI_BORDER));
	mvhline(r.y - 1, r.x, ACS_HLINE, r.w);
	attrset(A_NORMAL);
	ui_text_pad(r.y, r.x, r.w, line, ui_attr(UI_DIM));
	int used = ui_text(r.y + 1, r.x, r.w, _("Participants: "), ui_attr(UI_DIM));
	ui_text_pad(r.y + 1, r.x + used, r.w - used, ses.participants && *ses.participants
		? ses.participants : "–", ui_attr(UI_DIM));
	item_clear(item_type(ITEM_SESSION), &ses);
}

static void browser_draw(struct app *app, struct rect r)
{
	char head[400];
	if (b.filter[0])
		snprintf(head, sizeof head, _("Sessions (%zu) · filter: %s"), b.pos.n, b.filter);
	else
		snprintf(head, sizeof head, _("Sessions (%zu)"), b.pos.n);
	ui_text_pad(r.y, r.x + 1, r.w - 1, head, ui_attr(UI_TITLE));
	ui_text(r.y + 1, r.x + 1, r.w - 1, _("No.  Date        Title   (U Unseens · G Goals · M Measures · "
		"D Documents)"), ui_attr(UI_DIM));
	int details = r.h >= 10 ? 2 : 0;
	list_place(&b.pos, (struct rect){ r.y + 2, r.x + 1, r.h - 2 - details, r.w - 2 });
	if (details && current_id())
		draw_details(app, current_id(), (struct rect){ r.y + r.h - 2, r.x + 1, 2, r.w - 2 });
	const struct rect *list = &b.pos.area;
	if (b.pos.n == 0) {
		ui_text(list->y, list->x, list->w, b.filter[0] ? _("No session matches the filter.")
			: _("No session yet — a adds one."), ui_attr(UI_DIM));
		return;
	}
	for (int i = 0; i < list->h && b.pos.top + (size_t)i < b.pos.n; i++) {
		size_t row = b.pos.top + (size_t)i;
		struct row_ctx rc = { list->y + i, list->x, list->w, row == b.pos.cursor };
		session_summary(app_db(app), b.ids[row], draw_summary, &rc);
	}
}

static void draw_filter_line(void *ctx)
{
	(void)ctx;
	char line[300];
	snprintf(line, sizeof line, "%s %s", _("Filter:"), b.filter);
	ui_text_pad(LINES - 1, 0, COLS, line, ui_attr(UI_TAB_ACTIVE));
	ui_text(LINES - 1, COLS - 30 > 0 ? COLS - 30 : 0, 30, _(" Enter done · Esc clear "),
		ui_attr(UI_TAB_ACTIVE));
}

/* Narrows the list with every key typed. */
static void run_filter(struct app *app)
{
	for (;;) {
		int key = app_modal_key(app, draw_filter_line, NULL);
		if (key == UI_ESC) {
			b.filter[0] = '\0';
		} else if (ui_is_enter(key)) {
			return;
		} else if (list_command(&b.pos, list_key_command(key)) ||
		           !ui_line_key(b.filter, sizeof b.filter, key)) {
			continue;
		}
		b.pos.cursor = 0;
		browser_open(app);
		if (key == UI_ESC)
			return;
	}
}

static void new_session(struct app *app)
{
	char *title = NULL;
	if (!app_prompt(app, _("Title of the new session:"), "", &title))
		return;
	struct session s = { .title = title };
	if (session_create(app_db(app), &s) != STATUS_OK) {
		app_error(app);
	} else {
		app_status(app, _("Session %" PRId64 " created"), s.id);
		app_open_session(app, s.id);
	}
	free(title);
}

/* The progress line of a large import. */
static void import_progress(void *ctx, const struct refi_import_result *so_far)
{
	char line[160];
	snprintf(line, sizeof line, _("Importing … %" PRId64 " sources, %" PRId64 " codings so far"),
		so_far->sources, so_far->codings);
	app_busy(ctx, line);
}

/* R: a project from another QDA program becomes a new session. */
static void import_qdpx(struct app *app)
{
	char *path = NULL, said[1200];
	if (!app_ask_file(app, _("Import a REFI-QDA project"), _("File (.qdpx):"), &path))
		return;
	struct refi_import_result r;
	app_busy(app, _("Importing …"));
	if (refi_import_qdpx(app_db(app), 0, path, import_progress, app, &r) != STATUS_OK)
		app_error(app);
	else
		app_status(app, "%s", refi_import_said(&r, path, said, sizeof said));
	app_changed(app);
	free(path);
}

static int browser_command(struct app *app, int command, int key)
{
	(void)key;
	int64_t id = current_id();
	if (list_command(&b.pos, command))
		return VIEW_HANDLED;
	switch (command) {
	case B_OPEN:
		if (id)
			app_open_session(app, id);
		return VIEW_HANDLED;
	case B_NEW:
		new_session(app);
		return VIEW_HANDLED;
	case B_RENAME:
		if (id)
			app_edit_field(app, item_type(ITEM_SESSION), id,
				item_field_by_name(item_type(ITEM_SESSION), "title"));
		return VIEW_HANDLED;
	case B_DUPLICATE: {
		int64_t copy;
		if (id)
			app_busy(app, _("Copying the session …"));
		if (id && session_duplicate(app_db(app), id, NULL, &copy) == STATUS_OK) {
			app_status(app, _("Copy made: session %" PRId64), copy);
			app_changed(app);
		} else if (id) {
			app_error(app);
		}
		return VIEW_HANDLED;
	}
	case B_DELETE: {
		char question[200];
		snprintf(question, sizeof question, _("Delete session %" PRId64 " with everything that belongs to it, "
			"for good? This cannot be undone."), id);
		if (id && app_confirm(app, question)) {
			app_busy(app, _("Deleting the session …"));
			if (session_delete(app_db(app), id) != STATUS_OK)
				app_error(app);
			else
				app_status(app, _("Session %" PRId64 " deleted"), id);
			app_changed(app);
		}
		return VIEW_HANDLED;
	}
	case B_FILTER:
		run_filter(app);
		return VIEW_HANDLED;
	case B_IMPORT_QDPX:
		import_qdpx(app);
		return VIEW_HANDLED;
	default:
		return VIEW_UNHANDLED;
	}
}

static int browser_click(struct app *app, int y, int x, bool double_click)
{
	long row = list_row_at(&b.pos, y, x);
	if (row < 0)
		return VIEW_UNHANDLED;
	b.pos.cursor = (size_t)row;
	if (double_click)
		app_open_session(app, b.ids[row]);
	return VIEW_HANDLED;
}

static void browser_scroll(struct app *app, int delta)
{
	(void)app;
	list_move(&b.pos, delta);
}

const struct view browser_view = {
	.title = N_("Sessions"),
	.keys = browser_keys,
	.nkeys = sizeof browser_keys / sizeof browser_keys[0],
	.open = browser_open,
	.draw = browser_draw,
	.command = browser_command,
	.click = browser_click,
	.wheel = browser_scroll,
};

/* The hinge view: one code's passages in every document, quoted. */
#include "tui/hinge_view.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"
#include "model/reading.h"
#include "tui/code_picker.h"
#include "tui/panel.h"
#include "tui/reader.h"
#include "tui/search_view.h"
#include "util/display.h"
#include "util/i18n.h"
#include "util/grow.h"

enum {
	H_JUMP = 1, H_MEMO, H_BACK, H_PAGE_DOWN, H_PAGE_UP, H_SEARCH,
};

static const struct binding hinge_keys[] = {
	{ UI_FN(KEY_UP), PANEL_UP, "↑ ↓ j k", N_("previous / next passage") },
	{ UI_FN(KEY_DOWN), PANEL_DOWN, "↓", NULL },
	{ 'k', PANEL_UP, "k", NULL },
	{ 'j', PANEL_DOWN, "j", NULL },
	{ UI_FN(KEY_NPAGE), H_PAGE_DOWN, N_("PgDn Space"), N_("read on (long passage: page by page)") },
	{ ' ', H_PAGE_DOWN, N_("Space"), NULL },
	{ UI_FN(KEY_PPAGE), H_PAGE_UP, N_("PgUp"), N_("page back") },
	{ UI_FN(KEY_HOME), PANEL_HOME, N_("Home End"), N_("first / last passage") },
	{ UI_FN(KEY_END), PANEL_END, N_("End"), NULL },
	{ '\r', H_JUMP, "Enter", N_("open in the reader") },
	{ '\n', H_JUMP, "Enter", NULL },
	{ UI_FN(KEY_ENTER), H_JUMP, "Enter", NULL },
	{ 'm', H_MEMO, "m", N_("edit the code's memo") },
	{ UI_CTRL('f'), H_SEARCH, N_("Ctrl-F"), N_("full-text search in the session") },
	{ 'q', H_BACK, "q", N_("back") },
};

struct passage {
	int64_t coding_id, document_id, first, last;
	char *document, *coder, *memo;
};

static struct {
	int64_t code_id;
	char label[512];
	char *definition, *memo;
	struct passage *p;
	size_t n, cap, cursor;
	int64_t skip;          /* lines of the cursor's passage scrolled away */
	int64_t cursor_shown;  /* its last line wholly on screen at the last draw */
	int page;              /* rows of text at the last draw */
	const struct view *back;
	/* Where each passage's heading was drawn, for the mouse. */
	int head_y[128];
	size_t head_index[128];
	int nheads;
} h;

static void clear_passages(void)
{
	for (size_t i = 0; i < h.n; i++) {
		free(h.p[i].document);
		free(h.p[i].coder);
		free(h.p[i].memo);
	}
	h.n = 0;
}

static int add_passage(void *ctx, const struct reading_passage *rp)
{
	bool *nomem = ctx;
	struct passage *grown = grow(h.p, h.n, &h.cap, sizeof *h.p, 32);
	if (!grown) {
		*nomem = true;
		return 1;
	}
	h.p = grown;
	struct passage *p = &h.p[h.n];
	p->coding_id = rp->coding_id;
	p->document_id = rp->document_id;
	p->first = rp->first_line;
	p->last = rp->last_line;
	p->document = strdup(rp->document);
	p->coder = strdup(rp->coder);
	p->memo = strdup(rp->memo);
	if (!p->document || !p->coder || !p->memo) {
		free(p->document);
		free(p->coder);
		free(p->memo);
		*nomem = true;
		return 1;
	}
	h.n++;
	return 0;
}

static int read_code(void *ctx, const struct code_info *info)
{
	(void)ctx;
	code_picker_label(info->type, info->name, info->path, h.label, sizeof h.label);
	free(h.definition);
	free(h.memo);
	h.definition = strdup(info->definition);
	h.memo = strdup(info->memo);
	return 0;
}

static void hinge_open(struct app *app)
{
	int64_t keep = h.cursor < h.n ? h.p[h.cursor].coding_id : 0;
	struct db *db = app_db(app);
	if (code_read(db, h.code_id, read_code, NULL) != STATUS_OK) {
		/* deleted meanwhile, here or elsewhere */
		clear_passages();
		app_error(app);
		app_show(app, h.back ? h.back : &documents_view);
		return;
	}
	clear_passages();
	bool nomem = false;
	if (reading_code_passages(db, h.code_id, NULL, add_passage, &nomem) != STATUS_OK)
		app_error(app);
	else if (nomem)
		app_status(app, "%s", _("out of memory: not all passages are shown"));
	if (h.cursor >= h.n)
		h.cursor = h.n ? h.n - 1 : 0;
	for (size_t i = 0; i < h.n; i++)
		if (h.p[i].coding_id == keep)
			h.cursor = i;
}

void hinge_view_show(struct app *app, int64_t code_id, const struct view *back)
{
	if (code_id != h.code_id) {
		h.cursor = 0;
		h.skip = 0;
	}
	h.code_id = code_id;
	if (back != &hinge_view)
		h.back = back;
	app_show(app, &hinge_view);
}

/* ---- drawing ---- */

/* Text flowing down a rectangle; ROW is the next row to fill. */
struct flow {
	struct rect r;
	int row;
};

static bool flow_full(const struct flow *f)
{
	return f->row >= f->r.h;
}

static void flow_wrap(struct flow *f, int indent, const char *text, attr_t attr)
{
	struct rect r = { f->r.y + f->row, f->r.x + indent, f->r.h - f->row, f->r.w - indent };
	if (r.w <= 0 || r.h <= 0)
		return;
	f->row += ui_wrap(r, 0, text, attr);
}

struct quote_ctx {
	struct flow *f;
	int64_t last_whole;    /* the last line that fitted entirely */
};

static int draw_quote_line(void *ctx, int64_t number, const char *text)
{
	struct quote_ctx *q = ctx;
	flow_wrap(q->f, 2, text, ui_attr(UI_NORMAL));
	if (q->f->row <= q->f->r.h)
		q->last_whole = number;
	return flow_full(q->f);
}

/* Draws passage I into the flow from quote line FROM on (the heading
 * says so when that is not its first line); returns the last line that
 * fitted entirely, 0 when none did. */
static int64_t draw_passage(struct app *app, size_t i, int64_t from, struct flow *f)
{
	const struct passage *p = &h.p[i];
	/* The lines and the coder stay visible; a long title is cut. */
	char head[600], where[200];
	snprintf(head, sizeof head, "[%zu/%zu] %s", i + 1, h.n, p->document);
	if (p->first == p->last)
		snprintf(where, sizeof where, _(" · l. %" PRId64 " · %s"), p->first, p->coder);
	else if (from > p->first)
		snprintf(where, sizeof where, _(" · l. %" PRId64 "–%" PRId64 " (from l. %" PRId64 ") · %s"),
			p->first, p->last, from, p->coder);
	else
		snprintf(where, sizeof where, _(" · l. %" PRId64 "–%" PRId64 " · %s"), p->first,
			p->last, p->coder);
	int y = f->r.y + f->row;
	attr_t a = i == h.cursor ? ui_attr(UI_CURSOR) : ui_attr(UI_ACCENT);
	int ww = display_width(where);
	ui_text_pad(y, f->r.x, f->r.w, "", a);
	int used = ui_text(y, f->r.x, f->r.w - ww > 10 ? f->r.w - ww : 10, head, a);
	ui_text(y, f->r.x + used, f->r.w - used, where, a);
	if (h.nheads < (int)(sizeof h.head_y / sizeof h.head_y[0])) {
		h.head_y[h.nheads] = y;
		h.head_index[h.nheads++] = i;
	}
	f->row++;
	/* Only the lines that can still be on screen are read (each takes a
	 * row at least): a passage of thousands of lines costs a screen. */
	int64_t room = f->r.h - f->row;
	int64_t last = p->last;
	if (room < 1)
		room = 1;
	if (last - from + 1 > room)
		last = from + room - 1;
	struct quote_ctx q = { f, 0 };
	if (document_lines(app_db(app), p->document_id, from, last, draw_quote_line, &q)
	    != STATUS_OK)
		app_error(app);
	if (*p->memo && !flow_full(f) && q.last_whole == p->last) {
		char memo[1024];
		snprintf(memo, sizeof memo, _("Memo: %s"), p->memo);
		flow_wrap(f, 2, memo, ui_attr(UI_DIM));
	}
	f->row++;   /* a blank row between passages */
	return q.last_whole;
}

static void hinge_draw(struct app *app, struct rect r)
{
	r.x++;
	r.w -= 2;
	h.nheads = 0;
	char head[700];
	snprintf(head, sizeof head, P_("Hinge view · %s · %zu passage", "Hinge view · %s · %zu passages",
		(unsigned long)h.n), h.label, h.n);
	ui_text_pad(r.y, r.x, r.w, head, ui_attr(UI_TITLE));
	int y = r.y + 1;
	if (r.h >= 14 && ((h.definition && *h.definition) || (h.memo && *h.memo))) {
		char about[2048];
		bool has_definition = h.definition && *h.definition, has_memo = h.memo && *h.memo;
		if (has_definition && has_memo)
			snprintf(about, sizeof about, _("Definition: %s · Memo: %s"), h.definition, h.memo);
		else if (has_definition)
			snprintf(about, sizeof about, _("Definition: %s"), h.definition);
		else
			snprintf(about, sizeof about, _("Memo: %s"), h.memo);
		int rows = ui_wrap_rows(r.w, about);
		struct rect ar = { y, r.x, rows < 2 ? rows : 2, r.w };
		ui_wrap(ar, 0, about, ui_attr(UI_DIM));
		y += ar.h + 1;
	}
	struct rect text = { y, r.x, r.y + r.h - y, r.w };
	h.page = text.h;
	h.cursor_shown = 0;
	if (h.n == 0) {
		ui_text(text.y, text.x, text.w, _("Nothing has been coded with this code yet."),
			ui_attr(UI_DIM));
		return;
	}
	if (text.h < 2)
		return;
	if (h.skip > h.p[h.cursor].last - h.p[h.cursor].first)
		h.skip = 0;   /* the passage was shortened meanwhile */
	struct flow f = { text, 0 };
	for (size_t i = h.cursor; i < h.n && !flow_full(&f); i++) {
		int64_t from = i == h.cursor ? h.p[i].first + h.skip : h.p[i].first;
		int64_t shown = draw_passage(app, i, from, &f);
		if (i == h.cursor)
			h.cursor_shown = shown;
	}
}

/* ---- commands ---- */

static void jump(struct app *app)
{
	if (h.cursor >= h.n)
		return;
	const struct passage *p = &h.p[h.cursor];
	reader_show(app, p->document_id, p->first + h.skip);   /* where one is reading */
}

static void edit_memo(struct app *app)
{
	char title[600], *memo = NULL;
	snprintf(title, sizeof title, _("Memo on %s"), h.label);
	if (!app_edit(app, title, h.memo ? h.memo : "", true, NULL, &memo))
		return;
	if (code_set_memo(app_db(app), h.code_id, memo) != STATUS_OK)
		app_error(app);
	else
		app_status(app, _("Memo of code %" PRId64 " saved"), h.code_id);
	free(memo);
	app_changed(app);
}

static void move_cursor(long delta)
{
	long c = (long)h.cursor + delta;
	if (c >= (long)h.n)
		c = (long)h.n - 1;
	if (c < 0)
		c = 0;
	if ((size_t)c != h.cursor)
		h.skip = 0;
	h.cursor = (size_t)c;
}

static int hinge_command(struct app *app, int command, int key)
{
	(void)key;
	int page = h.page > 2 ? h.page - 2 : 1;
	switch (command) {
	case PANEL_UP: move_cursor(-1); break;
	case PANEL_DOWN: move_cursor(1); break;
	case PANEL_HOME: move_cursor(-(long)h.n); break;
	case PANEL_END: move_cursor((long)h.n); break;
	case H_PAGE_DOWN:
		/* Through a long passage a screen at a time, then to the next. */
		if (h.cursor < h.n) {
			/* a line taller than the screen still moves on by one */
			const struct passage *p = &h.p[h.cursor];
			int64_t from = p->first + h.skip;
			int64_t next = h.cursor_shown >= from ? h.cursor_shown + 1 : from + 1;
			if (next <= p->last) {
				h.skip = next - p->first;
				break;
			}
		}
		move_cursor(1);
		break;
	case H_PAGE_UP:
		if (h.skip > 0)
			h.skip = h.skip > page ? h.skip - page : 0;
		else
			move_cursor(-1);
		break;
	case H_JUMP: jump(app); break;
	case H_MEMO: edit_memo(app); break;
	case H_SEARCH:
		/* opened from the search results: a new search keeps their way
		 * back, so that q never bounces between the two */
		search_view_start(app, h.back == &search_view ? &search_view : &hinge_view);
		break;
	case H_BACK: app_show(app, h.back ? h.back : &documents_view); break;
	default: return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED;
}

static int hinge_click(struct app *app, int y, int x, bool double_click)
{
	(void)x;
	for (int i = 0; i < h.nheads; i++) {
		if (h.head_y[i] != y)
			continue;
		if (h.head_index[i] != h.cursor)
			h.skip = 0;
		h.cursor = h.head_index[i];
		if (double_click)
			jump(app);
		return VIEW_HANDLED;
	}
	return VIEW_UNHANDLED;
}

static void hinge_wheel(struct app *app, int delta)
{
	(void)app;
	move_cursor(delta < 0 ? -1 : 1);
}

/* For the wall (F5): the code as heading, the passage's quote as text. */
static void hinge_current(struct app *app, char *head, size_t head_size, char *text,
	size_t text_size)
{
	snprintf(head, head_size, "%s", h.label);
	if (h.cursor >= h.n)
		return;
	const struct passage *p = &h.p[h.cursor];
	int n = snprintf(text, text_size, _("%s, lines %" PRId64 "–%" PRId64 ":"), p->document,
		p->first, p->last);
	if (n < 0 || (size_t)n >= text_size)
		return;
	int64_t last = p->last - p->first > 200 ? p->first + 200 : p->last;
	document_append_lines(app_db(app), p->document_id, p->first, last, text, text_size);
}

const struct view hinge_view = {
	.title = N_("Hinge view of a code"),
	.keys = hinge_keys,
	.nkeys = sizeof hinge_keys / sizeof hinge_keys[0],
	.open = hinge_open,
	.draw = hinge_draw,
	.command = hinge_command,
	.click = hinge_click,
	.wheel = hinge_wheel,
	.current = hinge_current,
};

/* The item form (see tui/form.h): rows of fields and links, one of them
 * current; the current text or number has its editor open in place. */
#include "tui/form.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/editor.h"
#include "util/display.h"
#include "util/fatal.h"
#include "util/i18n.h"

#define FORM_ROWS 24
#define FORM_WIDTH 100
#define TEXT_ROWS 2          /* a multi-line text not being edited shows this much */
#define EDIT_ROWS 5          /* and this much while it is edited */

struct form_row {
	const struct item_field *field;   /* NULL: the row of LINK */
	const struct link_type *link;
};

struct form {
	struct app *app;
	const struct item_type *type;
	int64_t id;                /* 0 until a new item is made */
	union item_any pending;    /* a new item's values until then */
	struct form_row rows[FORM_ROWS];
	size_t nrows, cur, top;
	struct editor *ed;         /* of the current row, when it is a text or number */
	char *seen;                /* the current row's stored text when it became current */
	char draft_key[128];
	bool done;
};

static bool is_digit(int key)
{
	return key >= '0' && key <= '9';
}

/* A rating is one digit: typed, it is set. */
static bool is_rating(const struct item_field *f)
{
	return f && f->kind == FIELD_INT && f->max <= 9;
}

static bool has_editor(const struct item_field *f)
{
	return f && (f->kind == FIELD_TEXT || (f->kind == FIELD_INT && !is_rating(f)));
}

static bool is_multiline(const struct item_field *f)
{
	return f && f->kind == FIELD_TEXT && !f->one_line;
}

static const struct item_field *current_field(const struct form *fm)
{
	return fm->rows[fm->cur].field;
}

static void init_rows(struct form *fm)
{
	for (size_t i = 0; i < fm->type->nfields && fm->nrows < FORM_ROWS; i++)
		if (strcmp(fm->type->fields[i].name, "position") != 0)
			fm->rows[fm->nrows++].field = &fm->type->fields[i];
	for (int k = 0; k < LINK_KIND_COUNT && fm->nrows < FORM_ROWS; k++)
		if (link_type((enum link_kind)k)->from == fm->type->kind)
			fm->rows[fm->nrows++].link = link_type((enum link_kind)k);
}

/* ---- values ---- */

/* Field F's text as the editors take it, of the new item not yet made. */
static char *pending_text(struct form *fm, const struct item_field *f)
{
	const char *base = (const char *)&fm->pending + f->offset;
	if (f->kind == FIELD_TEXT || f->kind == FIELD_CHOICE)
		return xstrdup(*(char *const *)base);
	int64_t v = *(const int64_t *)base;
	char buf[32];
	snprintf(buf, sizeof buf, "%" PRId64, v);
	return xstrdup(v ? buf : "");
}

/* Field F's text as the editors take it: stored, or pending for a new item. */
static char *value_of(struct form *fm, const struct item_field *f)
{
	if (!fm->id)
		return pending_text(fm, f);
	bool found;
	char *text = dialog_field_text(fm->app, fm->type, fm->id, f, &found);
	return text ? text : xstrdup("");
}

/* Whether a new item has what it cannot be made without. */
static bool pending_complete(const struct form *fm)
{
	for (size_t i = 0; i < fm->type->nfields; i++) {
		const struct item_field *f = &fm->type->fields[i];
		const char *base = (const char *)&fm->pending + f->offset;
		if (!f->required)
			continue;
		if (f->kind == FIELD_TEXT && !(*(char *const *)base && **(char *const *)base))
			return false;
		if (f->kind == FIELD_REF && !*(const int64_t *)base)
			return false;
	}
	return true;
}

/* Makes the new item once it is complete. */
static void make_pending(struct form *fm)
{
	if (fm->id || !pending_complete(fm))
		return;
	if (item_create(app_db(fm->app), fm->type, &fm->pending) != STATUS_OK) {
		app_error(fm->app);
		return;
	}
	fm->id = ((int64_t *)&fm->pending)[0];
	item_clear(fm->type, &fm->pending);
	app_status(fm->app, _("%s %" PRId64 " created"), _(fm->type->label), fm->id);
	app_changed(fm->app);
}

/* Stores VALUE in F; SEEN is what F held when the editing began.  False
 * when it was refused, or someone else's change is to be looked at:
 * *AGAIN (may be NULL) is then what to edit on from. */
static bool store(struct form *fm, const struct item_field *f, const char *seen, const char *value,
	char **again)
{
	if (!fm->id) {
		enum status rc = dialog_apply_value(app_db(fm->app), fm->type, &fm->pending, f, value);
		if (rc != STATUS_OK) {
			app_error(fm->app);
			return false;
		}
		make_pending(fm);
		return true;
	}
	char *now = NULL;
	enum dialog_commit r = dialog_commit(fm->app, fm->type, fm->id, f, seen, value, &now);
	if (r == COMMIT_GONE)
		fm->done = true;
	if (r == COMMIT_AGAIN && again) {
		*again = now;
		return false;
	}
	free(now);
	return r != COMMIT_AGAIN;
}

/* Sets F at once (a digit, a pick): compared with what is stored now. */
static void set_value(struct form *fm, const struct item_field *f, const char *value)
{
	char *seen = value_of(fm, f);
	store(fm, f, seen, value, NULL);
	free(seen);
}

/* ---- the current row ---- */

static const char *editor_text_of(void *ctx)
{
	return editor_text(ctx);
}

static void close_editor(struct form *fm)
{
	if (!fm->ed)
		return;
	app_set_draft(fm->app, NULL, NULL, NULL, NULL);
	editor_free(fm->ed);
	fm->ed = NULL;
	free(fm->seen);
	fm->seen = NULL;
}

/* Opens the editor of the current row on TEXT (its stored text when NULL). */
static void open_editor(struct form *fm, const char *text)
{
	const struct item_field *f = current_field(fm);
	close_editor(fm);
	if (!has_editor(f))
		return;
	fm->seen = value_of(fm, f);
	fm->ed = editor_new(fm->seen, is_multiline(f));
	if (!fm->ed)
		fatal("%s", _("not enough memory for a few bytes"));
	if (text)
		editor_set_text(fm->ed, text);
	if (fm->id && f->kind == FIELD_TEXT) {
		snprintf(fm->draft_key, sizeof fm->draft_key, "%s:%" PRId64 ":%s", fm->type->name,
			fm->id, f->name);
		app_set_draft(fm->app, fm->draft_key, fm->seen, editor_text_of, fm->ed);
	}
}

/* Stores what the editor holds when it changed; false (staying on the
 * row) when that was refused. */
static bool leave_row(struct form *fm)
{
	if (!fm->ed || !editor_changed(fm->ed))
		return true;
	char *value = xstrdup(editor_text(fm->ed)), *again = NULL;
	bool left = store(fm, current_field(fm), fm->seen, value, &again);
	if (!left && again && !fm->done) {
		/* edit on from what was typed, against the text just seen */
		open_editor(fm, value);
		free(fm->seen);
		fm->seen = again;
		again = NULL;
	}
	free(again);
	free(value);
	return left || fm->done;
}

static void go_to(struct form *fm, size_t row)
{
	fm->cur = row;
	open_editor(fm, NULL);
}

/* Leaves the row for the one DELTA away; past the last row: done. */
static void step_row(struct form *fm, int delta)
{
	if (!leave_row(fm) || fm->done)
		return;
	if (delta > 0 && fm->cur + 1 >= fm->nrows) {
		fm->done = true;
		return;
	}
	if (delta < 0 && fm->cur == 0)
		return;
	go_to(fm, delta > 0 ? fm->cur + 1 : fm->cur - 1);
}

/* ---- pickers ---- */

static void field_title(const struct form *fm, const char *what, char *buf, size_t size)
{
	if (fm->id)
		snprintf(buf, size, "%s %" PRId64 ": %s", _(fm->type->label), fm->id, what);
	else
		snprintf(buf, size, _("New: %s: %s"), _(fm->type->label), what);
}

static size_t choice_count(const struct item_field *f)
{
	size_t n = 0;
	while (f->choices[n])
		n++;
	return n;
}

/* The picker of the current row, filtered by FILTER (may be NULL); true
 * when something was chosen. */
static bool pick(struct form *fm, const char *filter)
{
	const struct form_row *row = &fm->rows[fm->cur];
	const struct item_field *f = row->field;
	char title[256];
	if (row->link) {
		if (fm->id)
			return dialog_pick_links(fm->app, row->link->kind, fm->id, filter);
		app_status(fm->app, "%s", _("First the title: links need the item."));
		return false;
	}
	field_title(fm, _(f->label), title, sizeof title);
	char *seen = value_of(fm, f);
	bool chosen = false;
	if (f->kind == FIELD_REF) {
		int64_t id;
		if (dialog_pick_ref(fm->app, title, f, strtoll(seen, NULL, 10), filter, &id)) {
			char buf[32];
			snprintf(buf, sizeof buf, "%" PRId64, id);
			chosen = store(fm, f, seen, id ? buf : "", NULL);
		}
	} else if (f->kind == FIELD_CHOICE) {
		const char *value;
		if (dialog_pick_choice(fm->app, title, f, filter, &value))
			chosen = store(fm, f, seen, value, NULL);
	}
	free(seen);
	return chosen;
}

/* ---- keys ---- */

/* A key on a rating, a choice, a reference or a link row. */
static void key_on_value(struct form *fm, int key)
{
	const struct form_row *row = &fm->rows[fm->cur];
	const struct item_field *f = row->field;
	bool clear = key == UI_FN(KEY_BACKSPACE) || key == 127 || key == UI_FN(KEY_DC);
	if (is_rating(f)) {
		if (clear || key == '0') {
			if (!f->required)
				set_value(fm, f, "");
		} else if (is_digit(key) && key - '0' >= f->min && key - '0' <= f->max) {
			char v[2] = { (char)key, '\0' };
			set_value(fm, f, v);
			step_row(fm, 1);
		} else if (ui_is_enter(key)) {
			step_row(fm, 1);
		} else {
			beep();
		}
		return;
	}
	if (f && f->kind == FIELD_CHOICE && is_digit(key)) {
		size_t i = (size_t)(key - '0');
		if (i <= choice_count(f)) {
			set_value(fm, f, i == 0 ? "" : f->choices[i - 1]);
			step_row(fm, 1);
		}
		return;
	}
	if (f && clear && !f->required) {
		set_value(fm, f, "");
		return;
	}
	char typed[8] = "";
	/* what was chosen is done with: on to the next field */
	if ((ui_is_enter(key) || ui_line_key(typed, sizeof typed, key)) && pick(fm, typed))
		step_row(fm, 1);
}

static void form_key(struct form *fm, int key)
{
	const struct item_field *f = current_field(fm);
	bool multiline = is_multiline(f);
	if (key == '\t' || (!multiline && key == UI_FN(KEY_DOWN))) {
		step_row(fm, 1);
	} else if (key == UI_FN(KEY_BTAB) || (!multiline && key == UI_FN(KEY_UP))) {
		step_row(fm, -1);
	} else if (key == UI_ESC || key == UI_FN(KEY_F(2)) || key == UI_CTRL('s')) {
		if (leave_row(fm))
			fm->done = true;
	} else if (fm->ed && ui_is_enter(key) && !multiline) {
		step_row(fm, 1);
	} else if (fm->ed) {
		int kind = key >= UI_FN(0) ? KEY_CODE_YES : OK;
		editor_key(fm->ed, kind, (wint_t)(key >= UI_FN(0) ? key - UI_FN(0) : key));
	} else if (key != UI_FN(KEY_MOUSE)) {
		key_on_value(fm, key);
	}
}

/* ---- drawing ---- */

static int row_height(const struct form *fm, size_t i, int avail)
{
	if (!is_multiline(fm->rows[i].field))
		return 1;
	int h = i == fm->cur ? EDIT_ROWS : TEXT_ROWS;
	return h < avail ? h : avail > 0 ? avail : 1;
}

static void draw_scale(const struct item_field *f, const char *value, int y, int x, int w,
	bool here)
{
	long v = strtol(value, NULL, 10);
	int used = 0;
	for (long d = f->min; d <= f->max && used < w; d++) {
		char cell[8];
		snprintf(cell, sizeof cell, " %ld ", d);
		used += ui_text(y, x + used, w - used, cell, d == v ? ui_attr(UI_CURSOR)
			: here ? ui_attr(UI_NORMAL) : ui_attr(UI_DIM));
	}
	if (!v && used < w)
		ui_text(y, x + used, w - used, _("  (unrated)"), ui_attr(UI_DIM));
}

static void draw_choices(const struct item_field *f, const char *value, int y, int x, int w)
{
	int used = 0;
	for (size_t i = 0; f->choices[i] && used < w; i++) {
		char cell[128];
		snprintf(cell, sizeof cell, " %zu %s ", i + 1, item_choice_label(f, f->choices[i]));
		used += ui_text(y, x + used, w - used, cell, strcmp(value, f->choices[i]) == 0
			? ui_attr(UI_CURSOR) : ui_attr(UI_DIM));
	}
}

struct link_names {
	struct app *app;
	enum item_kind kind;
	char *buf;
	size_t size, len;
};

static int add_link_name(void *ctx, int64_t id)
{
	struct link_names *n = ctx;
	char label[256];
	dialog_label_of(n->app, n->kind, id, label, sizeof label);
	if (n->len + 1 < n->size)
		n->len += (size_t)snprintf(n->buf + n->len, n->size - n->len, "%s%s", n->len ? " · " : "",
			label);
	if (n->len >= n->size)
		n->len = n->size - 1;
	return 0;
}

/* Draws row I's value; STORED is the item as read for this draw (NULL
 * for a new item, whose values are pending). */
static void draw_value(struct form *fm, size_t i, struct rect r, const void *stored)
{
	const struct form_row *row = &fm->rows[i];
	bool here = i == fm->cur;
	if (row->link) {
		char names[1024] = "";
		struct link_names n = { fm->app, row->link->to, names, sizeof names, 0 };
		if (fm->id)
			link_list(app_db(fm->app), row->link->kind, fm->id, add_link_name, &n);
		ui_text(r.y, r.x, r.w, names[0] ? names : "—", names[0] ? ui_attr(UI_NORMAL)
			: ui_attr(UI_DIM));
		return;
	}
	const struct item_field *f = row->field;
	char *value = stored ? dialog_field_format(fm->app, fm->type, stored, f)
		: pending_text(fm, f);
	if (is_rating(f)) {
		draw_scale(f, value, r.y, r.x, r.w, here);
	} else if (f->kind == FIELD_CHOICE) {
		draw_choices(f, value, r.y, r.x, r.w);
	} else if (f->kind == FIELD_REF) {
		char label[256] = "";
		dialog_label_of(fm->app, f->ref, strtoll(value, NULL, 10), label, sizeof label);
		ui_text(r.y, r.x, r.w, label[0] ? label : "—", label[0] ? ui_attr(UI_NORMAL)
			: ui_attr(UI_DIM));
	} else if (*value) {
		ui_wrap(r, 0, value, ui_attr(UI_NORMAL));
	} else {
		ui_text(r.y, r.x, r.w, "—", ui_attr(UI_DIM));
	}
	free(value);
}

static const char *row_hint(const struct form *fm)
{
	const struct form_row *row = &fm->rows[fm->cur];
	const struct item_field *f = row->field;
	if (is_multiline(f))
		return _("Enter new line · Tab next field · Shift-Tab back · F2/Esc done");
	if (fm->ed)
		return _("Enter/Tab next field · Shift-Tab back · F2/Esc done");
	if (is_rating(f))
		return _("a digit sets it · 0 clears · Tab next field · Esc done");
	if (f && f->kind == FIELD_CHOICE)
		return _("a digit chooses · 0 clears · Enter or typing opens the list · Esc done");
	return _("typing or Enter opens the list (+ new …) · Del clears · Tab next field · Esc done");
}

static const char *row_label(const struct form_row *row)
{
	return row->link ? _(item_type(row->link->to)->plural) : _(row->field->label);
}

static void draw_form(void *ctx)
{
	struct form *fm = ctx;
	char title[160];
	if (fm->id)
		snprintf(title, sizeof title, _("Edit %s %" PRId64), _(fm->type->label), fm->id);
	else
		snprintf(title, sizeof title, _("New: %s"), _(fm->type->label));
	int w = COLS - 4 < FORM_WIDTH ? COLS - 4 : FORM_WIDTH;
	int need = 3;
	for (size_t i = 0; i < fm->nrows; i++)
		need += row_height(fm, i, EDIT_ROWS);
	int h = need < LINES - 2 ? need : LINES - 2;
	struct rect r = { (LINES - h) / 2, (COLS - w) / 2, h, w };
	ui_fill(r, ui_attr(UI_NORMAL));
	ui_frame(r, title);
	int lw = 0;
	for (size_t i = 0; i < fm->nrows; i++) {
		int dw = display_width(row_label(&fm->rows[i]));
		lw = dw > lw ? dw : lw;
	}
	if (lw > w / 3)
		lw = w / 3;
	struct rect in = { r.y + 1, r.x + 2, r.h - 3, r.w - 4 };
	/* scrolled so that the current row is whole on screen */
	if (fm->top > fm->cur)
		fm->top = fm->cur;
	for (;;) {
		int used = 0;
		for (size_t i = fm->top; i <= fm->cur; i++)
			used += row_height(fm, i, in.h);
		if (used <= in.h || fm->top == fm->cur)
			break;
		fm->top++;
	}
	/* the item is read once for all its rows */
	union item_any item;
	bool stored = fm->id && item_read(app_db(fm->app), fm->type, fm->id, &item) == STATUS_OK;
	int y = in.y;
	for (size_t i = fm->top; i < fm->nrows && y < in.y + in.h; i++) {
		int rh = row_height(fm, i, in.y + in.h - y);
		bool here = i == fm->cur;
		ui_text(y, in.x, lw, row_label(&fm->rows[i]), here ? ui_attr(UI_CURSOR)
			: ui_attr(UI_ACCENT));
		struct rect v = { y, in.x + lw + 2, rh, in.w - lw - 2 };
		if (!(here && fm->ed))
			draw_value(fm, i, v, stored ? &item : NULL);
		y += rh;
	}
	if (stored)
		item_clear(fm->type, &item);
	ui_text(r.y + r.h - 1, r.x + 2, r.w - 4, row_hint(fm), ui_attr(UI_DIM));
	if (fm->ed) {
		/* the editor last, so that the terminal's cursor stays in it */
		int ey = in.y;
		for (size_t i = fm->top; i < fm->cur; i++)
			ey += row_height(fm, i, in.h);
		int eh = row_height(fm, fm->cur, in.y + in.h - ey);
		curs_set(1);
		editor_draw(fm->ed, stdscr, ey, in.x + lw + 2, eh, in.w - lw - 2, ui_attr(UI_CURSOR));
	} else {
		curs_set(0);
	}
}

/* ---- the loop ---- */

static void run(struct form *fm)
{
	open_editor(fm, NULL);
	while (!fm->done) {
		int key = app_modal_key(fm->app, draw_form, fm);
		form_key(fm, key);
	}
	close_editor(fm);
	curs_set(0);
}

void form_edit(struct app *app, enum item_kind kind, int64_t id)
{
	struct form fm = { .app = app, .type = item_type(kind), .id = id };
	init_rows(&fm);
	run(&fm);
}

bool form_create(struct app *app, const struct item_type *type,
	void (*fill)(void *ctx, void *item), void *ctx, int64_t *id)
{
	struct form fm = { .app = app, .type = type };
	((int64_t *)&fm.pending)[1] = app_session(app);
	if (fill)
		fill(ctx, &fm.pending);
	init_rows(&fm);
	/* a new item starts at what names it (a component's number comes by itself) */
	for (size_t i = 0; i < fm.nrows; i++)
		if (fm.rows[i].field == item_title_field(type))
			fm.cur = i;
	run(&fm);
	if (!fm.id)
		item_clear(type, &fm.pending);
	*id = fm.id;
	return fm.id != 0;
}

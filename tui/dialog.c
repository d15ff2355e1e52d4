/* The modal dialogs: prompt, editor, confirm, pick, message, and the
 * field and link editors built from them.  Each draws over the current
 * view through app_modal_key(), so resizing, the timer and the live
 * refresh keep working while a dialog is open. */
#include "tui/dialog.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <unistd.h>
#include <wctype.h>

#include "model/db.h"
#include "model/draft.h"
#include "tui/app.h"
#include "tui/editor.h"
#include "tui/listpos.h"
#include "util/complete.h"
#include "util/display.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/fatal.h"


/* A box centred on the screen, H rows (at most the screen) and W columns. */
static struct rect centred_box(int h, int w)
{
	if (h > LINES - 2)
		h = LINES - 2;
	if (w > COLS - 2)
		w = COLS - 2;
	struct rect r = { (LINES - h) / 2, (COLS - w) / 2, h, w };
	return r;
}

static void draw_box(struct rect r, const char *title)
{
	ui_fill(r, ui_attr(UI_NORMAL));
	ui_frame(r, title);
}

void dialog_item_label(const struct item_type *type, const void *item, char *buf, size_t size)
{
	switch (type->kind) {
	case ITEM_COMPONENT: {
		const struct component *c = item;
		snprintf(buf, size, _("C%" PRId64 " %s"), c->number, c->name ? c->name : "");
		return;
	}
	case ITEM_ACTOR: {
		const struct actor *a = item;
		snprintf(buf, size, "%s %s", a->letter ? a->letter : "", a->name ? a->name : "");
		return;
	}
	default: {
		const struct item_field *f = item_title_field(type);
		const char *text = f && f->kind == FIELD_TEXT
			? *(char *const *)((const char *)item + f->offset) : NULL;
		snprintf(buf, size, "%s", text ? text : "");
	}
	}
}

void dialog_label_of(struct app *app, enum item_kind kind, int64_t id, char *buf, size_t size)
{
	union item_any item;
	buf[0] = '\0';
	if (id && item_read(app_db(app), item_type(kind), id, &item) == STATUS_OK) {
		dialog_item_label(item_type(kind), &item, buf, size);
		item_clear(item_type(kind), &item);
	}
}

/* ---- message ---- */

struct message_state {
	const char *title, *text;
	int skip;
};

static void draw_message(void *ctx)
{
	struct message_state *m = ctx;
	int w = COLS - 4 < 100 ? COLS - 4 : 100;
	int rows = ui_wrap_rows(w - 4, m->text);
	struct rect r = centred_box(rows + 3, w);
	draw_box(r, m->title);
	struct rect in = { r.y + 1, r.x + 2, r.h - 3, r.w - 4 };
	if (m->skip > rows - in.h)
		m->skip = rows - in.h > 0 ? rows - in.h : 0;
	ui_wrap(in, m->skip, m->text, ui_attr(UI_NORMAL));
	ui_text(r.y + r.h - 2, r.x + 2, r.w - 4, _("↑↓ scroll · any other key closes"),
		ui_attr(UI_DIM));
}

void app_message(struct app *app, const char *title, const char *text)
{
	struct message_state m = { title, text, 0 };
	for (;;) {
		int key = app_modal_key(app, draw_message, &m);
		if (key == UI_FN(KEY_DOWN) || key == 'j')
			m.skip++;
		else if (key == UI_FN(KEY_UP) || key == 'k')
			m.skip = m.skip > 0 ? m.skip - 1 : 0;
		else if (key == UI_FN(KEY_NPAGE))
			m.skip += LINES / 2;
		else if (key == UI_FN(KEY_PPAGE))
			m.skip = m.skip > LINES / 2 ? m.skip - LINES / 2 : 0;
		else if (key != UI_FN(KEY_MOUSE))
			return;
	}
}

/* ---- confirm ---- */

static void draw_confirm(void *ctx)
{
	const char *question = ctx;
	int w = COLS - 4 < 70 ? COLS - 4 : 70;
	int rows = ui_wrap_rows(w - 4, question);
	struct rect r = centred_box(rows + 4, w);
	draw_box(r, _("Please confirm"));
	struct rect in = { r.y + 1, r.x + 2, r.h - 3, r.w - 4 };
	ui_wrap(in, 0, question, ui_attr(UI_NORMAL));
	ui_text(r.y + r.h - 2, r.x + 2, r.w - 4, _("y = yes · n or Esc = no"), ui_attr(UI_ACCENT));
}

bool app_confirm(struct app *app, const char *question)
{
	for (;;) {
		int key = app_modal_key(app, draw_confirm, (void *)question);
		if (key == 'j' || key == 'J' || key == 'y' || key == 'Y')
			return true;
		if (key == 'n' || key == 'N' || key == UI_ESC || key == 'q')
			return false;
	}
}

/* ---- prompt and editor ---- */

struct edit_state {
	struct editor *ed;
	const char *title;
	bool multiline;
};

static void draw_edit(void *ctx)
{
	struct edit_state *e = ctx;
	struct rect r = e->multiline ? centred_box(LINES - 4, COLS - 6 < 90 ? COLS - 6 : 90)
	                             : centred_box(4, COLS - 6 < 80 ? COLS - 6 : 80);
	draw_box(r, e->title);
	const char *hint = e->multiline ? _("F2/Ctrl-S save · Esc cancel · Enter new line")
	                                : _("Enter accept · Esc cancel");
	ui_text(r.y + r.h - 1, r.x + 2, r.w - 4, hint, ui_attr(UI_DIM));
	curs_set(1);
	editor_draw(e->ed, stdscr, r.y + 1, r.x + 2, r.h - 2, r.w - 4, ui_attr(UI_NORMAL));
}

static const char *editor_text_of(void *ctx)
{
	return editor_text(ctx);
}

/* Runs the editor on TEXT; ORIGINAL is what "changed" is measured against
 * and what the draft records. */
static bool run_editor(struct app *app, const char *title, const char *text, const char *original,
	bool multiline, const char *draft_key, char **out)
{
	struct edit_state e = { editor_new(original, multiline), title, multiline };
	if (!e.ed)
		return false;
	if (text != original && text)
		editor_set_text(e.ed, text);
	if (draft_key)
		app_set_draft(app, draft_key, original, editor_text_of, e.ed);
	bool saved = false;
	for (;;) {
		int key = app_modal_key(app, draw_edit, &e);
		if (key == UI_FN(KEY_MOUSE))
			continue;
		int kind = key >= UI_FN(0) ? KEY_CODE_YES : OK;
		wint_t k = (wint_t)(key >= UI_FN(0) ? key - UI_FN(0) : key);
		enum editor_result r = editor_key(e.ed, kind, k);
		if (r == EDITOR_SAVE) {
			*out = xstrdup(editor_text(e.ed));
			saved = true;
			break;
		}
		if (r == EDITOR_CANCEL) {
			curs_set(0);
			if (!editor_changed(e.ed) || app_confirm(app, _("Discard the changes?")))
				break;
		}
	}
	curs_set(0);
	app_set_draft(app, NULL, NULL, NULL, NULL);
	editor_free(e.ed);
	return saved;
}

bool app_prompt(struct app *app, const char *question, const char *initial, char **out)
{
	return run_editor(app, question, initial, initial, false, NULL, out);
}

bool app_edit(struct app *app, const char *title, const char *initial, bool multiline,
	const char *draft_key, char **out)
{
	return run_editor(app, title, initial, initial, multiline, draft_key, out);
}

/* ---- pick ---- */

struct pick_state {
	const char *title;
	char **labels;
	size_t n;
	size_t *shown;       /* indexes of the rows that pass the filter */
	struct list_pos pos; /* over the rows shown; the row after them is `create` */
	char filter[256];
	bool *selected;
	const char *create;  /* the "+ new …" row, or NULL */
};

/* Rows on the list: those that pass the filter, and the "+ new …" row. */
static size_t pick_rows(const struct pick_state *p, size_t shown)
{
	return shown + (p->create != NULL);
}

static bool on_create_row(const struct pick_state *p)
{
	return p->create && p->pos.cursor == p->pos.n - 1;
}

static void pick_filter(struct pick_state *p)
{
	bool had = p->pos.n && !on_create_row(p);
	size_t keep = had ? p->shown[p->pos.cursor] : 0, n = 0, cursor = 0;
	for (size_t i = 0; i < p->n; i++) {
		if (!text_contains_folded(p->labels[i], p->filter))
			continue;
		if (i == keep)
			cursor = n;
		p->shown[n++] = i;
	}
	list_set_count(&p->pos, pick_rows(p, n));
	/* what is typed chooses its first match (or, matching nothing, the
	 * "+ new …" row); without a filter the cursor stays on its row */
	p->pos.cursor = *p->filter ? 0 : cursor;
}

static size_t pick_shown(const struct pick_state *p)
{
	return p->pos.n - (p->create != NULL);
}

static void draw_pick(void *ctx)
{
	struct pick_state *p = ctx;
	struct rect r = centred_box(LINES - 4, COLS - 6 < 90 ? COLS - 6 : 90);
	draw_box(r, p->title);
	char line[300];
	snprintf(line, sizeof line, "%s %s", _("Filter:"), p->filter);
	ui_text(r.y + 1, r.x + 2, r.w - 4, line, ui_attr(UI_ACCENT));
	list_place(&p->pos, (struct rect){ r.y + 2, r.x + 1, r.h - 4, r.w - 2 });
	const struct rect *list = &p->pos.area;
	for (int i = 0; i < list->h && p->pos.top + (size_t)i < p->pos.n; i++) {
		size_t row = p->pos.top + (size_t)i;
		attr_t a = row == p->pos.cursor ? ui_attr(UI_CURSOR) : ui_attr(UI_NORMAL);
		char text[600];
		if (row >= pick_shown(p)) {
			snprintf(text, sizeof text, " %s%s%s%s", p->create, *p->filter ? " „" : "",
				p->filter, *p->filter ? "“" : "");
			ui_text_pad(list->y + i, list->x, list->w, text, row == p->pos.cursor ? a
				: ui_attr(UI_ACCENT));
			continue;
		}
		size_t index = p->shown[row];
		snprintf(text, sizeof text, "%s%s", p->selected ? (p->selected[index] ? "[x] " : "[ ] ") : " ",
			p->labels[index]);
		ui_text_pad(list->y + i, list->x, list->w, text, a);
	}
	const char *hint = p->selected ? _("Space on/off · Enter done · Esc cancel · typing filters")
	                               : _("Enter choose · Esc cancel · typing filters");
	ui_text(r.y + r.h - 1, r.x + 2, r.w - 4, hint, ui_attr(UI_DIM));
}

static void pick_click(struct pick_state *p, bool *chosen)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	long row;
	if (ev.bstate & BUTTON4_PRESSED) {
		list_move(&p->pos, -3);
	} else if (ev.bstate & BUTTON5_PRESSED) {
		list_move(&p->pos, 3);
	} else if ((row = list_row_at(&p->pos, ev.y, ev.x)) >= 0) {
		p->pos.cursor = (size_t)row;
		*chosen = (ev.bstate & BUTTON1_DOUBLE_CLICKED) != 0;
	}
}

/* Space toggles the row; after a filter it starts afresh, so that the
 * next name can be typed at once. */
static void pick_toggle(struct pick_state *p)
{
	if (!pick_shown(p))
		return;
	p->selected[p->shown[p->pos.cursor]] = !p->selected[p->shown[p->pos.cursor]];
	if (*p->filter) {
		p->filter[0] = '\0';
		pick_filter(p);
	}
}

int app_pick_request(struct app *app, struct pick_request *req)
{
	size_t n = req->n;
	struct pick_state p = { .title = req->title, .n = n, .selected = req->selected,
		.create = req->create };
	req->created = NULL;
	p.labels = calloc(n ? n : 1, sizeof *p.labels);
	p.shown = calloc(n ? n : 1, sizeof *p.shown);
	if (!p.labels || !p.shown) {
		free(p.labels);
		free(p.shown);
		return PICK_CANCEL;
	}
	for (size_t i = 0; i < n; i++) {
		char buf[512];
		buf[0] = '\0';
		req->label(req->ctx, i, buf, sizeof buf);
		p.labels[i] = xstrdup(buf);
	}
	pick_filter(&p);
	if (req->initial >= 0 && (size_t)req->initial < n)
		p.pos.cursor = (size_t)req->initial;   /* nothing is filtered yet: row = index */
	if (req->filter && *req->filter) {
		snprintf(p.filter, sizeof p.filter, "%s", req->filter);
		pick_filter(&p);
	}
	int result = PICK_CANCEL;
	for (;;) {
		int key = app_modal_key(app, draw_pick, &p);
		bool chosen = false;
		if (key == UI_ESC)
			break;
		if (key == UI_FN(KEY_MOUSE))
			pick_click(&p, &chosen);
		else if (list_command(&p.pos, list_key_command(key)))
			;
		else if (key == ' ' && p.selected && !on_create_row(&p))
			pick_toggle(&p);   /* on "+ new …", a space is part of the name */
		else if (ui_is_enter(key))
			chosen = true;
		else if (ui_line_key(p.filter, sizeof p.filter, key))
			pick_filter(&p);
		if (chosen && on_create_row(&p)) {
			req->created = xstrdup(p.filter);
			result = PICK_CREATE;
			break;
		}
		if (chosen && pick_shown(&p)) {
			result = (int)p.shown[p.pos.cursor];
			break;
		}
		if (chosen && p.selected) {
			result = 0;
			break;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(p.labels[i]);
	free(p.labels);
	free(p.shown);
	return result;
}

int app_pick(struct app *app, const char *title, size_t n, pick_label label, void *ctx,
	int initial, bool *selected)
{
	struct pick_request req = { title, n, label, ctx, initial, selected, NULL, NULL, NULL };
	return app_pick_request(app, &req);
}

/* ---- file names, completed with Tab ---- */

struct file_prompt {
	const char *title, *label;
	struct editor *ed;
	struct complete_result found;   /* of the last Tab */
	bool show;                      /* list the candidates */
	char folder[PATH_MAX];
};

static void draw_file_prompt(void *ctx)
{
	struct file_prompt *fp = ctx;
	int h = fp->show ? LINES - 4 : 7, w = COLS - 4 < 90 ? COLS - 4 : 90;
	if (h > LINES - 2)
		h = LINES - 2;
	if (h < 5)
		h = 5;
	struct rect r = { (LINES - h) / 2, (COLS - w) / 2, h, w };
	ui_fill(r, ui_attr(UI_NORMAL));
	ui_frame(r, fp->title);
	char line[PATH_MAX + 32];
	snprintf(line, sizeof line, "%s %s", _("Folder:"), fp->folder);
	ui_text(r.y + 1, r.x + 2, r.w - 4, line, ui_attr(UI_DIM));
	ui_text(r.y + 2, r.x + 2, r.w - 4, fp->label, ui_attr(UI_NORMAL));
	const char *hint = _("Tab completes · 2× Tab shows what fits · Enter imports · Esc cancels");
	ui_text(r.y + r.h - 1, r.x + 2, r.w - 4, hint, ui_attr(UI_DIM));
	if (fp->show && r.h > 6) {
		/* the candidates, as many as fit, in columns as `ls` would */
		size_t size = 64;
		for (size_t i = 0; i < fp->found.ncandidates; i++)
			size += strlen(fp->found.candidates[i]) + 3;
		char *list = malloc(size);
		if (list) {
			size_t len = 0;
			for (size_t i = 0; i < fp->found.ncandidates; i++)
				len += (size_t)snprintf(list + len, size - len, "%s%s", i ? "   " : "",
					fp->found.candidates[i]);
			ui_wrap((struct rect){ r.y + 5, r.x + 2, r.h - 6, r.w - 4 }, 0, list,
				ui_attr(UI_ACCENT));
			free(list);
		}
	}
	curs_set(1);
	editor_draw(fp->ed, stdscr, r.y + 3, r.x + 2, 1, r.w - 4, ui_attr(UI_CURSOR));
}

/* Tab: the last name completed, or on a second Tab the names that fit. */
static void complete_files(struct file_prompt *fp, int tabs)
{
	struct complete_result r;
	const char *text = editor_text(fp->ed);
	if (complete_path(text, &r) != STATUS_OK) {
		beep();
		return;
	}
	if (strcmp(r.line, text) != 0) {
		editor_set_text(fp->ed, r.line);
		fp->show = false;
	} else if (r.ncandidates > 1 && tabs >= 2) {
		fp->show = true;
	} else {
		beep();   /* nothing fits, or several do: a second Tab lists them */
	}
	complete_result_clear(&fp->found);
	fp->found = r;
}

bool app_ask_files(struct app *app, const char *title, const char *label, char **out)
{
	struct file_prompt fp = { .title = title, .label = label, .ed = editor_new("", false) };
	if (!fp.ed)
		return false;
	if (!getcwd(fp.folder, sizeof fp.folder))
		snprintf(fp.folder, sizeof fp.folder, "%s", ".");
	bool done = false;
	int tabs = 0;
	for (;;) {
		int key = app_modal_key(app, draw_file_prompt, &fp);
		if (key == UI_FN(KEY_MOUSE))
			continue;
		if (key == '\t') {
			complete_files(&fp, ++tabs);
			continue;
		}
		tabs = 0;
		fp.show = false;
		int kind = key >= UI_FN(0) ? KEY_CODE_YES : OK;
		wint_t k = (wint_t)(key >= UI_FN(0) ? key - UI_FN(0) : key);
		enum editor_result r = editor_key(fp.ed, kind, k);
		if (r == EDITOR_SAVE) {
			*out = strdup(editor_text(fp.ed));
			done = *out != NULL;
			break;
		}
		if (r == EDITOR_CANCEL)
			break;
	}
	curs_set(0);
	complete_result_clear(&fp.found);
	editor_free(fp.ed);
	return done;
}

bool app_ask_file(struct app *app, const char *title, const char *label, char **path)
{
	char *line = NULL, **files = NULL;
	size_t n = 0;
	*path = NULL;
	if (!app_ask_files(app, title, label, &line))
		return false;
	if (complete_split(line, &files, &n) != STATUS_OK)
		app_status(app, "%s", _("out of memory"));
	else if (n != 1)
		app_status(app, "%s", _("One file, please."));
	else {
		*path = files[0];
		files[0] = NULL;
	}
	complete_free(files, n);
	free(line);
	return *path != NULL;
}

/* ---- fields ---- */

struct item_choices {
	int64_t *ids;
	char **labels;
	size_t n;
};

/* Makes room for one more choice; false when memory ran out. */
static bool grow_choices(struct item_choices *c)
{
	int64_t *ids = realloc(c->ids, (c->n + 1) * sizeof *ids);
	if (ids)
		c->ids = ids;
	char **labels = realloc(c->labels, (c->n + 1) * sizeof *labels);
	if (labels)
		c->labels = labels;
	return ids && labels;
}

static void add_choice_row(struct item_choices *c, int64_t id, const char *label)
{
	if (!grow_choices(c))
		return;
	c->ids[c->n] = id;
	c->labels[c->n] = xstrdup(label);
	c->n++;
}

struct choice_ctx {
	struct app *app;
	struct item_choices *c;
	const struct item_type *type;
};

void dialog_picker_label(struct app *app, const struct item_type *type, const void *item,
	char *buf, size_t size)
{
	char label[512], comp[64] = "";
	dialog_item_label(type, item, label, sizeof label);
	if (type->kind == ITEM_COMPONENT || type->kind == ITEM_ACTOR ||
	    type->kind == ITEM_STAKEHOLDER) {
		snprintf(buf, size, "%s", label);
		return;
	}
	const struct item_field *f = item_field_by_name(type, "component");
	int64_t component = f ? *(const int64_t *)((const char *)item + f->offset) : 0;
	struct component c;
	if (component && item_read(app_db(app), item_type(ITEM_COMPONENT), component, &c) ==
	    STATUS_OK) {
		snprintf(comp, sizeof comp, _(" · C%" PRId64), c.number);
		item_clear(item_type(ITEM_COMPONENT), &c);
	}
	snprintf(buf, size, "#%" PRId64 " %s%s", *(const int64_t *)item, label, comp);
}

static int add_choice(void *ctx, const void *item)
{
	struct choice_ctx *cc = ctx;
	char label[600];
	dialog_picker_label(cc->app, cc->type, item, label, sizeof label);
	add_choice_row(cc->c, *(const int64_t *)item, label);
	return 0;
}

/* The items of KIND in the session with their labels; WITH_NONE puts
 * "(keine)" (id 0) first. */
static void load_choices(struct app *app, enum item_kind kind, bool with_none, struct item_choices *c)
{
	memset(c, 0, sizeof *c);
	if (with_none)
		add_choice_row(c, 0, _("(none)"));
	struct choice_ctx cc = { app, c, item_type(kind) };
	item_list(app_db(app), item_type(kind), app_session(app), add_choice, &cc);
}

static void free_choices(struct item_choices *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->labels[i]);
	free(c->labels);
	free(c->ids);
}

static void choice_label(void *ctx, size_t i, char *buf, size_t size)
{
	struct item_choices *c = ctx;
	snprintf(buf, size, "%s", c->labels[i]);
}

static void choice_field_label(void *ctx, size_t i, char *buf, size_t size)
{
	const struct item_field *f = ctx;
	snprintf(buf, size, "%s", i == 0 ? _("(empty)") : item_choice_label(f, f->choices[i - 1]));
}

bool dialog_pick_choice(struct app *app, const char *title, const struct item_field *f,
	const char *filter, const char **value)
{
	size_t n = 0;
	while (f->choices[n])
		n++;
	struct pick_request req = { title, n + 1, choice_field_label, (void *)f, 0, NULL, filter,
		NULL, NULL };
	int pick = app_pick_request(app, &req);
	if (pick < 0)
		return false;
	*value = pick == 0 ? "" : f->choices[pick - 1];
	return true;
}

/* The draft key of field F of item ID. */
static void draft_key_of(const struct item_type *type, int64_t id, const struct item_field *f,
	char *buf, size_t size)
{
	snprintf(buf, size, "%s:%" PRId64 ":%s", type->name, id, f->name);
}

/* Asks for a new value of FIELD as text (as apply_value reads it), starting
 * from CURRENT; TEXT and ORIGINAL as in run_editor. */
static bool ask_value(struct app *app, const struct item_type *type, int64_t id,
	const struct item_field *f, const char *text, const char *original, char **out)
{
	char title[256], key[128];
	if (id)
		snprintf(title, sizeof title, "%s %" PRId64 ": %s", _(type->label), id, _(f->label));
	else
		snprintf(title, sizeof title, _("New: %s: %s"), _(type->label), _(f->label));
	switch (f->kind) {
	case FIELD_TEXT:
		draft_key_of(type, id, f, key, sizeof key);
		return run_editor(app, title, text, original, !f->one_line, key, out);
	case FIELD_INT: {
		char question[300];
		snprintf(question, sizeof question, "%s (%" PRId64 "–%" PRId64 "%s)", title, f->min, f->max,
			f->required ? "" : _(", empty = none"));
		return run_editor(app, question, text, original, false, NULL, out);
	}
	case FIELD_CHOICE: {
		const char *value;
		if (!dialog_pick_choice(app, title, f, NULL, &value))
			return false;
		*out = xstrdup(value);
		return true;
	}
	case FIELD_REF: {
		int64_t current = strtoll(original, NULL, 10), picked;
		if (!dialog_pick_ref(app, title, f, current, NULL, &picked))
			return false;
		char buf[32];
		snprintf(buf, sizeof buf, "%" PRId64, picked);
		*out = xstrdup(picked ? buf : "");
		return true;
	}
	}
	return false;
}

/* The field's value as text, as the editor starts from it. */
char *dialog_field_format(struct app *app, const struct item_type *type, const void *item,
	const struct item_field *f)
{
	char buf[64];
	const char *at = (const char *)item + f->offset;
	if (f->kind == FIELD_TEXT || f->kind == FIELD_CHOICE)
		return xstrdup(*(char *const *)at);
	if (f->kind == FIELD_REF) {
		int64_t ref = *(const int64_t *)at;
		snprintf(buf, sizeof buf, "%" PRId64, ref);
		return xstrdup(ref ? buf : "");
	}
	return xstrdup(item_format(app_db(app), type, item, f, buf, sizeof buf));
}

char *dialog_field_text(struct app *app, const struct item_type *type, int64_t id,
	const struct item_field *f, bool *found)
{
	union item_any item;
	*found = item_read(app_db(app), type, id, &item) == STATUS_OK;
	if (!*found)
		return NULL;
	char *text = dialog_field_format(app, type, &item, f);
	item_clear(type, &item);
	return text;
}

/* Sets F of ITEM from VALUE as ask_value gave it: a reference is the
 * picked item's id, handed to the model as an id. */
enum status dialog_apply_value(struct db *db, const struct item_type *type, void *item,
	const struct item_field *f, const char *value)
{
	if (f->kind == FIELD_REF)
		return item_set_ref(db, type, item, f, strtoll(value, NULL, 10));
	return item_parse(db, type, item, f, value);
}

/* Saves VALUE as ask_value gave it: a reference is the picked item's id. */
static bool save_value(struct app *app, const struct item_type *type, int64_t id,
	const struct item_field *f, const char *value)
{
	struct db *db = app_db(app);
	enum status rc = f->kind == FIELD_REF
		? item_set_ref_field(db, type, id, f, strtoll(value, NULL, 10))
		: item_set_field(db, type, id, f, value);
	if (rc != STATUS_OK) {
		app_error(app);
		return false;
	}
	app_status(app, _("%s %" PRId64 " saved"), _(type->label), id);
	app_changed(app);
	return true;
}

enum conflict_choice { KEEP_MINE, KEEP_THEIRS, EDIT_AGAIN };

static void conflict_label(void *ctx, size_t i, char *buf, size_t size)
{
	static const char *const labels[] = { N_("Save my version (overwrite the other)"),
		N_("Keep the saved version (discard mine)"), N_("Go on editing") };
	(void)ctx;
	snprintf(buf, size, "%s", _(labels[i]));
}

/* Someone else saved the field while we edited it: show both, ask. */
static enum conflict_choice ask_conflict(struct app *app, const char *mine, const char *theirs)
{
	size_t size = strlen(mine) + strlen(theirs) + 512;
	char *text = malloc(size);
	if (!text)
		return EDIT_AGAIN;
	snprintf(text, size, "%s\n\n%s\n%s\n\n%s\n%s", _("This field was changed elsewhere "
		"while you were editing it."), _("Saved version:"), theirs,
		_("Your version:"), mine);
	app_message(app, _("Simultaneous change"), text);
	free(text);
	int pick = app_pick(app, _("Which one should stand?"), 3, conflict_label, NULL, 2, NULL);
	return pick < 0 ? EDIT_AGAIN : (enum conflict_choice)pick;
}

/* Item ID was deleted elsewhere while VALUE was typed into F: the text
 * stays as a draft, offered again once the item is back (u there). */
static void keep_orphan(struct app *app, const struct item_type *type, int64_t id,
	const struct item_field *f, const char *original, const char *value)
{
	char key[128];
	draft_key_of(type, id, f, key, sizeof key);
	if (strcmp(value, original) == 0 ||
	    draft_save(app_db(app), app_session(app), key, original, value) != STATUS_OK) {
		app_status(app, _("%s %" PRId64 " was deleted elsewhere."), _(type->label), id);
		return;
	}
	app_status(app, _("%s %" PRId64 " was deleted elsewhere; your text is kept as a draft "
		"(didat drafts; after u there it is offered again)."), _(type->label), id);
}

enum dialog_commit dialog_commit(struct app *app, const struct item_type *type, int64_t id,
	const struct item_field *f, const char *seen, const char *value, char **now)
{
	bool found;
	*now = dialog_field_text(app, type, id, f, &found);
	if (!found) {
		keep_orphan(app, type, id, f, seen, value);
		return COMMIT_GONE;
	}
	enum conflict_choice choice = KEEP_MINE;
	if (strcmp(*now, seen) != 0 && strcmp(*now, value) != 0)
		choice = ask_conflict(app, value, *now);
	if (choice == KEEP_MINE && save_value(app, type, id, f, value))
		return COMMIT_SAVED;
	return choice == KEEP_THEIRS ? COMMIT_THEIRS : COMMIT_AGAIN;
}

/* Edits F of item ID starting from TEXT; ORIGINAL is the value when the
 * editing began (for noticing concurrent changes).  A refused value
 * (out of range, say) opens the editor again on what was typed. */
static bool edit_field_from(struct app *app, const struct item_type *type, int64_t id,
	const struct item_field *f, const char *text, const char *original)
{
	char *value = NULL, *start = xstrdup(text), *seen = xstrdup(original);
	bool saved = false;
	while (ask_value(app, type, id, f, start, seen, &value)) {
		char *now;
		enum dialog_commit r = dialog_commit(app, type, id, f, seen, value, &now);
		if (r != COMMIT_AGAIN) {
			saved = r == COMMIT_SAVED;
			free(now);
			free(value);
			break;
		}
		/* Edit on (or the save was refused): the stored text just seen
		 * is what a later save is compared with. */
		free(seen);
		seen = now;
		free(start);
		start = value;
		value = NULL;
	}
	free(start);
	free(seen);
	return saved;
}

bool app_edit_field(struct app *app, const struct item_type *type, int64_t id,
	const struct item_field *field)
{
	bool found;
	char *current = dialog_field_text(app, type, id, field, &found);
	if (!found) {
		app_error(app);
		return false;
	}
	bool saved = edit_field_from(app, type, id, field, current, current);
	free(current);
	return saved;
}

/* The item field a draft's target ("unseen:7:description") names. */
static bool draft_field(const struct draft *d, const struct item_type **type, int64_t *id,
	const struct item_field **f)
{
	char kind[64], field[64];
	long long n;
	if (sscanf(d->target, "%63[^:]:%lld:%63s", kind, &n, field) != 3)
		return false;
	*type = item_type_by_name(kind);
	*f = *type ? item_field_by_name(*type, field) : NULL;
	*id = n;
	return *f != NULL;
}

bool dialog_draft_label(struct app *app, const struct draft *d, char *buf, size_t size)
{
	const struct item_type *type;
	const struct item_field *f;
	int64_t id;
	char label[256];
	if (!draft_field(d, &type, &id, &f) || item_find_by_id(app_db(app), type, app_session(app), id)
	    != STATUS_OK)
		return false;
	dialog_label_of(app, type->kind, id, label, sizeof label);
	snprintf(buf, size, _("%s %" PRId64 " “%s”: %s"), _(type->label), id, label, _(f->label));
	return true;
}

bool dialog_restore_draft(struct app *app, const struct draft *d)
{
	const struct item_type *type;
	const struct item_field *f;
	int64_t id;
	if (!draft_field(d, &type, &id, &f))
		return false;
	return edit_field_from(app, type, id, f, d->text, d->original ? d->original : "");
}

/* ---- create and delete ---- */

/* Creates an item of TYPE titled TITLE in the open session, FILL (may be
 * NULL) setting further fields first; sets *ID.  False when refused
 * (the status line says why). */
static bool create_titled(struct app *app, const struct item_type *type,
	void (*fill)(void *ctx, void *item), void *ctx, const char *title, int64_t *id)
{
	struct db *db = app_db(app);
	union item_any item;
	memset(&item, 0, sizeof item);
	((int64_t *)&item)[1] = app_session(app);
	if (fill)
		fill(ctx, &item);
	enum status rc = item_parse(db, type, &item, item_title_field(type), title);
	if (rc == STATUS_OK)
		rc = item_create(db, type, &item);
	*id = ((int64_t *)&item)[0];
	item_clear(type, &item);
	if (rc != STATUS_OK) {
		app_error(app);
		return false;
	}
	app_status(app, _("%s %" PRId64 " created"), _(type->label), *id);
	app_changed(app);
	return true;
}

static bool create_named(struct app *app, enum item_kind kind, const char *typed, int64_t *id)
{
	const struct item_type *type = item_type(kind);
	char question[128], *title = NULL;
	snprintf(question, sizeof question, _("New: %s"), _(type->label));
	if (typed && *typed)
		title = xstrdup(typed);
	else if (!app_prompt(app, question, "", &title))
		return false;
	bool made = create_titled(app, type, NULL, NULL, title, id);
	free(title);
	return made;
}

/* The "+ new …" row of a picker of KIND, or NULL when a title alone
 * does not make one (an actor group needs its letter, a conflict its
 * goals). */
static const char *create_label(enum item_kind kind, char *buf, size_t size)
{
	static const enum item_kind named[] = { ITEM_COMPONENT, ITEM_STAKEHOLDER, ITEM_UNSEEN,
		ITEM_GOAL, ITEM_MEASURE, ITEM_VARIABLE };
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
		if (named[i] == kind) {
			snprintf(buf, size, _("+ new: %s"), _(item_type(kind)->label));
			return buf;
		}
	return NULL;
}

/* ---- links ---- */

static int mark_linked(void *ctx, int64_t id)
{
	struct { struct item_choices *c; bool *selected; } *m = ctx;
	for (size_t i = 0; i < m->c->n; i++)
		if (m->c->ids[i] == id)
			m->selected[i] = true;
	return 0;
}

bool app_edit_links(struct app *app, enum link_kind kind, int64_t from)
{
	return dialog_pick_links(app, kind, from, NULL);
}

bool dialog_pick_links(struct app *app, enum link_kind kind, int64_t from, const char *filter)
{
	const struct link_type *lt = link_type(kind);
	struct db *db = app_db(app);
	struct item_choices c;
	load_choices(app, lt->to, false, &c);
	bool *selected = calloc(c.n ? c.n : 1, sizeof *selected);
	bool *before = calloc(c.n ? c.n : 1, sizeof *before);
	bool saved = false;
	if (selected && before) {
		struct { struct item_choices *c; bool *selected; } m = { &c, before };
		link_list(db, kind, from, mark_linked, &m);
		memcpy(selected, before, c.n * sizeof *selected);
		char title[128], create[128];
		snprintf(title, sizeof title, "%s: %s", _(item_type(lt->from)->label),
			_(item_type(lt->to)->label));
		struct pick_request req = { title, c.n, choice_label, &c, 0, selected, filter,
			create_label(lt->to, create, sizeof create), NULL };
		int pick = c.n || req.create ? app_pick_request(app, &req) : PICK_CANCEL;
		int64_t made = 0;
		if (c.n == 0 && !req.create)
			app_status(app, _("No items of the kind %s yet."), _(item_type(lt->to)->label));
		else if (pick == PICK_CREATE && !create_named(app, lt->to, req.created, &made))
			pick = PICK_CANCEL;
		if (pick != PICK_CANCEL) {
			enum status rc = link_change(db, kind, from, c.ids, before, selected, c.n);
			if (rc == STATUS_OK && made)
				rc = link_add(db, kind, from, made);
			if (rc == STATUS_OK) {
				app_status(app, _("%s %" PRId64 ": links saved"),
					_(item_type(lt->from)->label), from);
				app_changed(app);
				saved = true;
			} else {
				app_error(app);
			}
		}
		free(req.created);
	}
	free(selected);
	free(before);
	free_choices(&c);
	return saved;
}

bool dialog_pick_ref(struct app *app, const char *title, const struct item_field *f,
	int64_t current, const char *filter, int64_t *id)
{
	struct item_choices c;
	load_choices(app, f->ref, !f->required, &c);
	int initial = 0;
	for (size_t i = 0; i < c.n; i++)
		if (c.ids[i] == current)
			initial = (int)i;
	char create[128];
	struct pick_request req = { title, c.n, choice_label, &c, initial, NULL, filter,
		create_label(f->ref, create, sizeof create), NULL };
	int pick = app_pick_request(app, &req);
	bool ok = false;
	if (pick == PICK_CREATE)
		ok = create_named(app, f->ref, req.created, id);
	else if (pick >= 0) {
		*id = c.ids[pick];
		ok = true;
	}
	free(req.created);
	free_choices(&c);
	return ok;
}

bool dialog_delete_item(struct app *app, const struct item_type *type, int64_t id)
{
	union item_any item;
	char label[256], question[512];
	if (item_read(app_db(app), type, id, &item) != STATUS_OK) {
		app_error(app);
		return false;
	}
	dialog_item_label(type, &item, label, sizeof label);
	item_clear(type, &item);
	snprintf(question, sizeof question, _("Delete %s %" PRId64 " “%s” (with its links and "
		"codings)? u undoes it."), _(type->label), id, label);
	if (!app_confirm(app, question))
		return false;
	if (item_delete(app_db(app), type, id) != STATUS_OK) {
		app_error(app);
		return false;
	}
	app_status(app, _("%s %" PRId64 " deleted"), _(type->label), id);
	app_changed(app);
	return true;
}

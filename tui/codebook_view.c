/* The codebook screen: the session's codes as a list (item codes by
 * type, free codes as an indented tree), the selected code's definition
 * and memo beside or below it, every codebook change through
 * model/coding.h, and the frequencies per document and per coder. */
#include "tui/codebook_view.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/codebook.h"
#include "model/coding.h"
#include "model/db.h"
#include "tui/code_picker.h"
#include "tui/hinge_view.h"
#include "tui/listpos.h"
#include "tui/panel.h"
#include "tui/reader.h"
#include "util/display.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/grow.h"

enum {
	C_NEW = 1, C_NEW_CHILD, C_RENAME, C_MOVE, C_MERGE, C_DELETE, C_DEFINE, C_COLOUR, C_MEMO,
	C_HINGE, C_OPEN, C_FREQUENCIES, C_DETAIL_DOWN, C_DETAIL_UP, C_BACK,
};

static const struct binding codebook_keys[] = {
	PANEL_MOVE_KEYS,
	{ 'a', C_NEW, "a", N_("new free code beside the selected one") },
	{ 'A', C_NEW_CHILD, "A", N_("new free code under the selected one") },
	{ 'r', C_RENAME, "r", N_("rename the code") },
	{ 'm', C_MOVE, "m", N_("move the code: choose a new parent or “top”") },
	{ 'M', C_MERGE, "M", N_("merge the code into another, with its codings (asks)") },
	{ 'd', C_DELETE, N_("d/Del"), N_("delete the code with its subcodes and codings (asks)") },
	{ UI_FN(KEY_DC), C_DELETE, N_("Del"), NULL },
	{ 'D', C_DEFINE, "D", N_("edit the definition") },
	{ 'c', C_COLOUR, "c", N_("choose a colour (one of the eight names or #RRGGBB)") },
	{ 'o', C_MEMO, "o", N_("edit the memo") },
	{ 'h', C_HINGE, "h", N_("hinge view: all passages of the code") },
	{ '\r', C_OPEN, "Enter", N_("hinge view; in frequencies per document: open in the reader") },
	{ '\n', C_OPEN, "Enter", NULL },
	{ UI_FN(KEY_ENTER), C_OPEN, "Enter", NULL },
	{ 'f', C_FREQUENCIES, "f", N_("frequencies: codings per code, per document, per coder") },
	{ '>', C_DETAIL_DOWN, "> <", N_("scroll the details on / back") },
	{ '<', C_DETAIL_UP, "<", NULL },
	{ 'q', C_BACK, "q", N_("back to the documents") },
};

/* The groups of the list, in code_list() order: group G holds the codes
 * of type code_type_at(G), the free codes last. */
#define MAX_GROUPS (ITEM_KIND_COUNT + 1)
#define NGROUPS code_type_count()
#define FREE_GROUP (NGROUPS - 1)

/* Free codes deeper than this are drawn at this depth. */
#define MAX_DEPTH 1000

enum row_kind { ROW_HEAD, ROW_CODE, ROW_EMPTY };

/* A row of the code list: a group's heading, a code, or the hint under an
 * empty codebook.  Only these are held; names and texts are read when a
 * row is drawn. */
struct code_row {
	int64_t id;                /* the code; 0 for a heading or the hint */
	unsigned char kind, group;
	unsigned short depth;      /* free codes: 0 at the top level */
};

/* A row of the frequencies per document or per coder. */
struct freq_row {
	int64_t id, count;
	char *key;
};

static struct {
	int64_t session;           /* whose codes these are */
	struct code_row *rows;
	size_t n;
	struct list_pos pos;
	size_t group_codes[MAX_GROUPS];
	int64_t group_codings[MAX_GROUPS];
	size_t codes;
	int64_t codings;
	int detail_skip;
	/* CODING_BY_CODE: the code list; else the frequency list. */
	enum coding_by by;
	struct freq_row *freq;
	size_t nfreq, freq_cap;
	struct list_pos fpos;
	int64_t freq_max, freq_total;
} cb;

static bool is_code_row(size_t i)
{
	return i < cb.n && cb.rows[i].kind == ROW_CODE;
}

static int64_t current_code(void)
{
	return is_code_row(cb.pos.cursor) ? cb.rows[cb.pos.cursor].id : 0;
}

static bool select_code(int64_t id)
{
	for (size_t i = 0; i < cb.n; i++)
		if (cb.rows[i].kind == ROW_CODE && cb.rows[i].id == id) {
			cb.pos.cursor = i;
			return true;
		}
	return false;
}

/* Puts the cursor on the nearest code, looking in direction DIR first:
 * headings are not selectable. */
static void settle(int dir)
{
	for (int pass = 0; pass < 2; pass++, dir = -dir)
		for (long i = (long)cb.pos.cursor; i >= 0 && i < (long)cb.n; i += dir)
			if (is_code_row((size_t)i)) {
				cb.pos.cursor = (size_t)i;
				return;
			}
}

/* ---- loading ---- */

/* A code as code_list() gives it, before the tree is ordered. */
struct listed {
	int64_t id, parent_id;
	unsigned char group;
};

struct loader {
	struct listed *codes;
	size_t n, cap;
	size_t group_codes[MAX_GROUPS];
	int64_t group_codings[MAX_GROUPS];
	bool nomem;
};

static int collect_code(void *ctx, const struct code_info *info)
{
	struct loader *l = ctx;
	struct listed *grown = grow(l->codes, l->n, &l->cap, sizeof *l->codes, 256);
	if (!grown) {
		l->nomem = true;
		return 1;
	}
	l->codes = grown;
	unsigned char g = 0;
	while (g < FREE_GROUP && strcmp(info->type, code_type_at(g)) != 0)
		g++;
	l->codes[l->n++] = (struct listed){ info->id, info->parent_id, g };
	l->group_codes[g]++;
	l->group_codings[g] += info->codings;
	return 0;
}

struct id_index {
	int64_t id;
	size_t index;
};

static int by_id(const void *a, const void *b)
{
	int64_t x = ((const struct id_index *)a)->id, y = ((const struct id_index *)b)->id;
	return x < y ? -1 : x > y;
}

/* Appends the free codes FREE[0..M) to ROWS in tree order: each code
 * followed by its subtree.  FREE is in path order, so siblings keep the
 * order of their names.  Returns false without memory. */
static bool order_tree(const struct listed *free_codes, size_t m, struct code_row *rows, size_t *n)
{
	struct id_index *index = malloc((m ? m : 1) * sizeof *index);
	long *first = malloc((m ? m : 1) * sizeof *first), *next = malloc((m ? m : 1) * sizeof *next);
	struct { long at; unsigned short depth; } *stack = malloc((m ? m : 1) * sizeof *stack);
	bool *placed = calloc(m ? m : 1, sizeof *placed);
	bool ok = index && first && next && stack && placed;
	if (ok) {
		for (size_t i = 0; i < m; i++)
			index[i] = (struct id_index){ free_codes[i].id, i };
		qsort(index, m, sizeof *index, by_id);
		long top = -1;
		for (size_t i = 0; i < m; i++)
			first[i] = -1;
		/* backwards, so that each list keeps the order of FREE */
		for (size_t i = m; i-- > 0;) {
			struct id_index key = { free_codes[i].parent_id, 0 };
			const struct id_index *parent = free_codes[i].parent_id
				? bsearch(&key, index, m, sizeof *index, by_id) : NULL;
			if (parent) {
				next[i] = first[parent->index];
				first[parent->index] = (long)i;
			} else {
				next[i] = top;
				top = (long)i;
			}
		}
		size_t sp = 0;
		unsigned short depth = 0;
		for (long at = top; at >= 0;) {
			rows[(*n)++] = (struct code_row){ free_codes[at].id, ROW_CODE, FREE_GROUP, depth };
			placed[at] = true;
			if (first[at] >= 0) {
				stack[sp].at = next[at];
				stack[sp++].depth = depth;
				at = first[at];
				depth = depth < MAX_DEPTH ? depth + 1 : depth;
				continue;
			}
			at = next[at];
			while (at < 0 && sp > 0) {
				at = stack[--sp].at;
				depth = stack[sp].depth;
			}
		}
		/* a parent chain that does not reach the top (never made by the
		 * model): shown at the top level rather than lost */
		for (size_t i = 0; i < m; i++)
			if (!placed[i])
				rows[(*n)++] = (struct code_row){ free_codes[i].id, ROW_CODE, FREE_GROUP, 0 };
	}
	free(index);
	free(first);
	free(next);
	free(stack);
	free(placed);
	return ok;
}

/* Reads the codes into the rows: a heading per group that has codes,
 * the free codes' heading always (with a hint when there are none). */
static bool load_codes(struct app *app)
{
	struct loader l = { 0 };
	if (code_list(app_db(app), app_session(app), collect_code, &l) != STATUS_OK) {
		free(l.codes);
		app_error(app);
		return false;
	}
	struct code_row *rows = l.nomem ? NULL : malloc((l.n + NGROUPS + 1) * sizeof *rows);
	size_t n = 0, at = 0;
	bool ok = rows != NULL;
	for (unsigned char g = 0; ok && g < NGROUPS; g++) {
		if (g == FREE_GROUP || l.group_codes[g])
			rows[n++] = (struct code_row){ 0, ROW_HEAD, g, 0 };
		size_t from = at;
		while (at < l.n && l.codes[at].group == g)
			at++;
		if (g == FREE_GROUP)
			ok = order_tree(l.codes + from, at - from, rows, &n);
		else
			for (size_t i = from; i < at; i++)
				rows[n++] = (struct code_row){ l.codes[i].id, ROW_CODE, g, 0 };
		if (g == FREE_GROUP && at == from)
			rows[n++] = (struct code_row){ 0, ROW_EMPTY, g, 0 };
	}
	free(l.codes);
	if (!ok) {
		free(rows);
		app_status(app, "%s", _("out of memory: the codebook stays as it was"));
		return false;
	}
	free(cb.rows);
	cb.rows = rows;
	cb.n = n;
	cb.codes = l.n;
	cb.codings = 0;
	for (size_t g = 0; g < NGROUPS; g++) {
		cb.group_codes[g] = l.group_codes[g];
		cb.group_codings[g] = l.group_codings[g];
		cb.codings += l.group_codings[g];
	}
	return true;
}

static void clear_frequencies(void)
{
	for (size_t i = 0; i < cb.nfreq; i++)
		free(cb.freq[i].key);
	cb.nfreq = 0;
	cb.freq_max = cb.freq_total = 0;
}

static int collect_count(void *ctx, const struct coding_count *count)
{
	bool *nomem = ctx;
	struct freq_row *grown = grow(cb.freq, cb.nfreq, &cb.freq_cap, sizeof *cb.freq, 32);
	if (!grown) {
		*nomem = true;
		return 1;
	}
	cb.freq = grown;
	char *key = strdup(count->key);
	if (!key) {
		*nomem = true;
		return 1;
	}
	cb.freq[cb.nfreq++] = (struct freq_row){ count->id, count->count, key };
	if (count->count > cb.freq_max)
		cb.freq_max = count->count;
	cb.freq_total += count->count;
	return 0;
}

static void load_frequencies(struct app *app)
{
	int64_t keep = cb.fpos.cursor < cb.nfreq ? cb.freq[cb.fpos.cursor].id : 0;
	bool nomem = false;
	clear_frequencies();
	if (coding_frequencies(app_db(app), app_session(app), cb.by, collect_count, &nomem)
	    != STATUS_OK)
		app_error(app);
	else if (nomem)
		app_status(app, "%s", _("out of memory: not all rows are shown"));
	list_set_count(&cb.fpos, cb.nfreq);
	for (size_t i = 0; i < cb.nfreq; i++)
		if (cb.freq[i].id == keep)
			cb.fpos.cursor = i;
}

static void codebook_open(struct app *app)
{
	if (cb.session != app_session(app)) {
		/* another session: from the top, in the code list */
		cb.session = app_session(app);
		cb.by = CODING_BY_CODE;
		cb.pos.cursor = cb.pos.top = cb.fpos.cursor = cb.fpos.top = 0;
		cb.detail_skip = 0;
		cb.n = 0;
	}
	int64_t keep = current_code();
	size_t at = cb.pos.cursor;
	if (load_codes(app)) {
		list_set_count(&cb.pos, cb.n);
		/* a code that went (deleted, merged) leaves the cursor near its place */
		if (!keep || !select_code(keep))
			cb.pos.cursor = at < cb.n ? at : cb.n ? cb.n - 1 : 0;
		settle(1);
	}
	if (cb.by != CODING_BY_CODE)
		load_frequencies(app);
}

/* ---- the selected code ---- */

/* What the commands need of a code: copies, valid until code_free(). */
struct code_copy {
	int64_t id, parent_id, codings;
	bool free;
	char type[16];
	char *name, *path, *colour, *definition, *memo;
	char label[512];           /* "Frei: Daten/Eigentum" */
};

static int copy_code(void *ctx, const struct code_info *info)
{
	struct code_copy *c = ctx;
	c->id = info->id;
	c->parent_id = info->parent_id;
	c->codings = info->codings;
	c->free = strcmp(info->type, "free") == 0;
	snprintf(c->type, sizeof c->type, "%s", info->type);
	c->name = strdup(info->name);
	c->path = strdup(info->path);
	c->colour = strdup(info->colour);
	c->definition = strdup(info->definition);
	c->memo = strdup(info->memo);
	code_picker_label(info->type, info->name, info->path, c->label, sizeof c->label);
	return 0;
}

static void code_free(struct code_copy *c)
{
	free(c->name);
	free(c->path);
	free(c->colour);
	free(c->definition);
	free(c->memo);
	memset(c, 0, sizeof *c);
}

/* Reads the selected code into C; false (with the reason in the status
 * line) when there is none or it cannot be read. */
static bool read_current(struct app *app, struct code_copy *c)
{
	memset(c, 0, sizeof *c);
	int64_t id = current_code();
	if (!id) {
		app_status(app, "%s", _("No code selected; a creates a free code."));
		return false;
	}
	if (code_read(app_db(app), id, copy_code, c) != STATUS_OK) {
		code_free(c);
		app_error(app);
		return false;
	}
	if (!c->name || !c->path || !c->colour || !c->definition || !c->memo) {
		code_free(c);
		app_status(app, "%s", _("out of memory"));
		return false;
	}
	return true;
}

/* ---- drawing ---- */

/* "1 coding", "3 codings" into BUF. */
static const char *codings_text(char *buf, size_t size, int64_t n)
{
	snprintf(buf, size, P_("%" PRId64 " coding", "%" PRId64 " codings", (unsigned long)n), n);
	return buf;
}

/* "1 subcode", "3 subcodes" into BUF. */
static const char *subcodes_text(char *buf, size_t size, int64_t n)
{
	snprintf(buf, size, P_("%" PRId64 " subcode", "%" PRId64 " subcodes", (unsigned long)n), n);
	return buf;
}

/* Columns of the figure at the right of a row ("  123"). */
#define COUNT_W 6

/* Where and how draw_code() draws a code's row. */
struct row_draw {
	int y, x, w;
	attr_t attr;
	bool cursor;
	unsigned short depth;
};

static void draw_code(void *ctx, const struct codebook_row *info)
{
	const struct row_draw *d = ctx;
	bool free_code = strcmp(info->type, "free") == 0;
	int indent = 1 + (free_code ? 2 * d->depth : 0);
	int count_w = d->w >= 24 ? COUNT_W : 0;
	if (indent > (d->w - count_w) / 3)
		indent = (d->w - count_w) / 3;
	/* the mark keeps its colour on the cursor row too; hollow: the type's */
	attr_t mark = code_picker_attr(info->colour, info->type);
	ui_text(d->y, d->x + indent, 1, *info->colour ? "■" : "□", mark);
	int x = d->x + indent + 2;
	ui_text(d->y, x, d->w - (x - d->x) - count_w, info->name, d->attr);
	if (count_w) {
		char count[32];
		snprintf(count, sizeof count, "%*" PRId64, COUNT_W - 1, info->codings);
		ui_text(d->y, d->x + d->w - COUNT_W, COUNT_W, count, d->cursor ? d->attr
			: ui_attr(UI_ACCENT));
	}
}

static void draw_row(struct app *app, size_t i, int y, int x, int w)
{
	const struct code_row *row = &cb.rows[i];
	bool cursor = i == cb.pos.cursor && row->kind == ROW_CODE;
	attr_t a = cursor ? ui_attr(UI_CURSOR) : ui_attr(UI_NORMAL);
	ui_text_pad(y, x, w, "", a);
	if (row->kind == ROW_HEAD) {
		char head[128], count[32];
		snprintf(head, sizeof head, "%s (%zu)", code_type_plural(code_type_at(row->group)),
			cb.group_codes[row->group]);
		snprintf(count, sizeof count, "%*" PRId64, COUNT_W - 1, cb.group_codings[row->group]);
		bool figures = w >= 24;
		ui_text(y, x, w - (figures ? COUNT_W : 0), head, ui_attr(UI_TITLE));
		if (figures)
			ui_text(y, x + w - COUNT_W, COUNT_W, count, ui_attr(UI_TITLE));
		return;
	}
	if (row->kind == ROW_EMPTY) {
		ui_text(y, x + 1, w - 1, _("(none yet — a creates one)"), ui_attr(UI_DIM));
		return;
	}
	struct row_draw d = { y, x, w, a, cursor, row->depth };
	if (codebook_row_read(app_db(app), row->id, draw_code, &d) != STATUS_OK)
		ui_text(y, x + 1, w - 1, _("(deleted)"), ui_attr(UI_DIM));
}

/* Scrolls L back when rows below the last would stay empty (the
 * terminal grew, rows went). */
static void fill_area(struct list_pos *l)
{
	size_t h = l->area.h > 0 ? (size_t)l->area.h : 0;
	if (l->top > 0 && l->n - l->top < h)
		l->top = l->n > h ? l->n - h : 0;
}

static void draw_list(struct app *app, struct rect r)
{
	list_place(&cb.pos, r);
	fill_area(&cb.pos);
	/* the heading of the cursor's group stays in sight above its first code */
	if (r.h >= 2 && cb.pos.top > 0 && cb.pos.top == cb.pos.cursor
	    && cb.rows[cb.pos.top - 1].kind == ROW_HEAD)
		cb.pos.top--;
	for (int i = 0; i < r.h && cb.pos.top + (size_t)i < cb.n; i++)
		draw_row(app, cb.pos.top + (size_t)i, r.y + i, r.x, r.w);
}

struct detail {
	struct ui_flow f;
	bool compact;      /* a few rows: labels inline, the texts first */
};

/* A text of the code under its label, or after it on the same row. */
static void detail_text(struct detail *d, const char *label, const char *text,
	const char *none, attr_t attr)
{
	if (d->compact) {
		char line[4096];
		snprintf(line, sizeof line, "%s: %s", label, *text ? text : none);
		ui_flow_text(&d->f, 0, line, *text ? attr : ui_attr(UI_DIM));
		return;
	}
	ui_flow_text(&d->f, 0, label, ui_attr(UI_ACCENT));
	ui_flow_text(&d->f, 2, *text ? text : none, *text ? attr : ui_attr(UI_DIM));
}

static int draw_detail_code(void *ctx, const struct code_info *info)
{
	struct detail *d = ctx;
	char label[512], line[256], count[64];
	code_picker_label(info->type, info->name, info->path, label, sizeof label);
	ui_flow_text(&d->f, 0, label, ui_attr(UI_NORMAL) | A_BOLD);
	detail_text(d, _("Definition"), info->definition, _("— (D writes one)"),
		ui_attr(UI_NORMAL));
	detail_text(d, _("Memo"), info->memo, _("— (o writes one)"), ui_attr(UI_NORMAL));
	detail_text(d, _("Colour"), info->colour, _("— (the type's)"),
		code_picker_attr(info->colour, info->type));
	snprintf(line, sizeof line, _("Code %" PRId64 " · %s"), info->id,
		codings_text(count, sizeof count, info->codings));
	ui_flow_text(&d->f, 0, line, ui_attr(UI_DIM));
	if (strcmp(info->type, "free") != 0)
		ui_flow_text(&d->f, 0, _("An item's code: its name, place and deletion belong to the item "
			"in its step."), ui_attr(UI_DIM));
	return 1;
}

/* The selected code's texts into R; returns the rows they take. */
static int draw_detail(struct app *app, struct rect r)
{
	struct detail d = { { r, 0, cb.detail_skip }, r.h < 8 };
	int64_t id = current_code();
	if (!id) {
		ui_flow_text(&d.f, 0, _("a creates a free code; A one under the selected one."),
			ui_attr(UI_DIM));
		return d.f.row;
	}
	if (code_read(app_db(app), id, draw_detail_code, &d) != STATUS_OK)
		app_error(app);
	return d.f.row;
}

static void draw_codes(struct app *app, struct rect r)
{
	struct rect list = r, pane = { 0, 0, 0, 0 };
	if (r.w >= 80) {
		list.w = r.w * 11 / 20;
		pane = (struct rect){ r.y, list.x + list.w + 2, r.h, r.w - list.w - 2 };
		attrset(ui_attr(UI_BORDER));
		mvvline(r.y, list.x + list.w, ACS_VLINE, r.h);
		attrset(A_NORMAL);
	} else if (r.h >= 7) {
		int ph = r.h >= 15 ? r.h / 3 : 3;
		list.h = r.h - ph - 1;
		pane = (struct rect){ r.y + list.h + 1, r.x, ph, r.w };
		attrset(ui_attr(UI_BORDER));
		mvhline(r.y + list.h, r.x, ACS_HLINE, r.w);
		attrset(A_NORMAL);
	}
	draw_list(app, list);
	if (pane.h > 0) {
		int rows = draw_detail(app, pane);
		if (cb.detail_skip > 0 && cb.detail_skip >= rows) {   /* scrolled past the end */
			cb.detail_skip = rows > 0 ? rows - 1 : 0;
			ui_fill(pane, ui_attr(UI_NORMAL));
			draw_detail(app, pane);
		}
	}
}

static const char *by_heading(enum coding_by by)
{
	switch (by) {
	case CODING_BY_DOCUMENT: return _("Codings per document");
	case CODING_BY_CODER: return _("Codings per coder");
	case CODING_BY_CODE: break;
	}
	return _("Codings per code");
}

/* A bar of COLS columns out of WIDTH for COUNT of MAX, into BUF. */
static void bar_text(char *buf, size_t size, int64_t count, int64_t max, int width)
{
	int cols = max > 0 ? (int)((count * width + max - 1) / max) : 0;
	size_t len = 0;
	buf[0] = '\0';
	for (int i = 0; i < cols && len + 4 < size; i++)
		len += (size_t)snprintf(buf + len, size - len, "%s", "█");
}

static void draw_frequencies(struct app *app, struct rect r)
{
	(void)app;
	list_place(&cb.fpos, r);
	fill_area(&cb.fpos);
	if (cb.nfreq == 0) {
		ui_wrap(r, 0, _("No codings yet. In the reader (Enter in the document list) v marks "
			"a passage, Enter codes it."), ui_attr(UI_DIM));
		return;
	}
	/* "  123  45 %" at the right; a bar when there is room */
	int figures = 12, bar = r.w >= 60 ? r.w / 4 : 0;
	for (int i = 0; i < r.h && cb.fpos.top + (size_t)i < cb.nfreq; i++) {
		size_t index = cb.fpos.top + (size_t)i;
		const struct freq_row *row = &cb.freq[index];
		bool cursor = index == cb.fpos.cursor;
		attr_t a = cursor ? ui_attr(UI_CURSOR) : ui_attr(UI_NORMAL);
		int y = r.y + i;
		ui_text_pad(y, r.x, r.w, "", a);
		ui_text(y, r.x + 1, r.w - 2 - figures - (bar ? bar + 1 : 0), row->key, a);
		char text[64];
		int percent = cb.freq_total ? (int)((row->count * 100 + cb.freq_total / 2) / cb.freq_total)
			: 0;
		snprintf(text, sizeof text, "%6" PRId64 " %3d %%", row->count, percent);
		ui_text(y, r.x + r.w - figures - (bar ? bar + 1 : 0), figures, text,
			cursor ? a : ui_attr(UI_ACCENT));
		if (bar) {
			char blocks[4 * 200];
			bar_text(blocks, sizeof blocks, row->count, cb.freq_max, bar < 200 ? bar : 200);
			ui_text(y, r.x + r.w - bar, bar, blocks, ui_attr(UI_ACCENT));
		}
	}
}

static void codebook_draw(struct app *app, struct rect r)
{
	r.x++;
	r.w -= 2;
	if (r.h < 2 || r.w < 4)
		return;
	char head[256];
	if (cb.by == CODING_BY_CODE)
		snprintf(head, sizeof head, _("Codebook · %zu codes · %" PRId64 " codings"), cb.codes,
			cb.codings);
	else
		snprintf(head, sizeof head, "%s (%" PRId64 ")", by_heading(cb.by), cb.freq_total);
	ui_text_pad(r.y, r.x, r.w, head, ui_attr(UI_TITLE));
	struct rect body = { r.y + 1, r.x, r.h - 1, r.w };
	if (cb.by == CODING_BY_CODE)
		draw_codes(app, body);
	else
		draw_frequencies(app, body);
}

/* ---- commands ---- */

/* A or A-as-child: a new free code beside the selected one (under its
 * parent; at the top for an item code) or under it. */
static void new_code(struct app *app, bool child)
{
	struct db *db = app_db(app);
	struct code_copy c = { 0 };
	bool have = current_code() != 0;
	if (have && !read_current(app, &c))
		return;
	if (child && !have) {
		app_status(app, "%s", _("First select the free code the new one goes under."));
		return;
	}
	if (child && !c.free) {
		db_fail(db, STATUS_INVALID, _("Code %" PRId64 " “%s” belongs to an item and cannot "
			"have subcodes; A creates subcodes under free codes"), c.id, c.name);
		app_error(app);
		code_free(&c);
		return;
	}
	int64_t parent = child ? c.id : have && c.free ? c.parent_id : 0;
	char question[700];
	if (parent) {
		struct code_copy p = { 0 };
		if (code_read(db, parent, copy_code, &p) == STATUS_OK && p.path)
			snprintf(question, sizeof question, _("Name of the new code under “%s”:"), p.path);
		else
			snprintf(question, sizeof question, "%s", _("Name of the new code:"));
		code_free(&p);
	} else
		snprintf(question, sizeof question, "%s", _("Name of the new code (top level):"));
	code_free(&c);
	char *name = NULL;
	if (!app_prompt(app, question, "", &name))
		return;
	int64_t id = 0;
	if (code_create_free(db, app_session(app), name, parent, NULL, NULL, &id) != STATUS_OK) {
		app_error(app);
	} else {
		app_changed(app);
		select_code(id);
		cb.detail_skip = 0;
		app_status(app, _("Code “%s” created · D writes its definition"), name);
	}
	free(name);
}

static void rename_code(struct app *app)
{
	struct code_copy c;
	if (!read_current(app, &c))
		return;
	struct db *db = app_db(app);
	if (!c.free) {
		/* the model refuses item codes and says why */
		if (code_rename(db, c.id, c.name) != STATUS_OK)
			app_error(app);
		code_free(&c);
		return;
	}
	char question[700], *name = NULL;
	snprintf(question, sizeof question, _("New name for %s:"), c.label);
	if (app_prompt(app, question, c.name, &name)) {
		if (strcmp(name, c.name) == 0)
			app_status(app, "%s", _("Name unchanged."));
		else if (code_rename(db, c.id, name) != STATUS_OK)
			app_error(app);
		else {
			app_changed(app);
			app_status(app, _("Code “%s” renamed to “%s”"), c.name, name);
		}
		free(name);
	}
	code_free(&c);
}

/* The free codes a code may move under: all but itself and its subtree. */
struct parent_choices {
	int64_t *ids;
	char **labels;
	size_t n, cap;
	int64_t skip_from, skip_to;    /* rows of the moving subtree: [from, to) */
	bool nomem;
};

static bool in_moving_subtree(const struct parent_choices *p, int64_t id)
{
	for (int64_t i = p->skip_from; i < p->skip_to; i++)
		if (cb.rows[i].id == id)
			return true;
	return false;
}

static int collect_parent(void *ctx, const struct code_info *info)
{
	struct parent_choices *p = ctx;
	if (strcmp(info->type, "free") != 0 || in_moving_subtree(p, info->id))
		return 0;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 32;
		int64_t *ids = realloc(p->ids, cap * sizeof *ids);
		if (ids)
			p->ids = ids;
		char **labels = ids ? realloc(p->labels, cap * sizeof *labels) : NULL;
		if (!ids || !labels) {
			p->nomem = true;
			return 1;
		}
		p->labels = labels;
		p->cap = cap;
	}
	p->labels[p->n] = strdup(info->path);
	if (!p->labels[p->n]) {
		p->nomem = true;
		return 1;
	}
	p->ids[p->n++] = info->id;
	return 0;
}

static void parent_label(void *ctx, size_t i, char *buf, size_t size)
{
	const struct parent_choices *p = ctx;
	if (i == 0)
		snprintf(buf, size, "%s", _("top (top level)"));
	else
		snprintf(buf, size, "%s", p->labels[i - 1]);
}

static void move_code(struct app *app)
{
	struct code_copy c;
	if (!read_current(app, &c))
		return;
	struct db *db = app_db(app);
	if (!c.free) {
		/* the model refuses item codes and says why */
		if (code_move(db, c.id, 0) != STATUS_OK)
			app_error(app);
		code_free(&c);
		return;
	}
	/* the subtree follows its code in the list */
	size_t from = cb.pos.cursor, to = from + 1;
	while (to < cb.n && cb.rows[to].kind == ROW_CODE && cb.rows[to].group == FREE_GROUP
	       && cb.rows[to].depth > cb.rows[from].depth)
		to++;
	struct parent_choices p = { .skip_from = (int64_t)from, .skip_to = (int64_t)to };
	if (code_list(db, app_session(app), collect_parent, &p) != STATUS_OK)
		app_error(app);
	else if (p.nomem)
		app_status(app, "%s", _("out of memory"));
	else {
		int initial = 0;
		for (size_t i = 0; i < p.n; i++)
			if (p.ids[i] == c.parent_id)
				initial = (int)i + 1;
		char title[700];
		snprintf(title, sizeof title, _("Move %s under"), c.label);
		int pick = app_pick(app, title, p.n + 1, parent_label, &p, initial, NULL);
		int64_t parent = pick > 0 ? p.ids[pick - 1] : 0;
		if (pick < 0)
			;
		else if (parent == c.parent_id)
			app_status(app, "%s", _("Place unchanged."));
		else if (code_move(db, c.id, parent) != STATUS_OK)
			app_error(app);
		else {
			app_changed(app);
			select_code(c.id);
			if (parent)
				app_status(app, _("Code “%s” moved under “%s”"), c.name, p.labels[pick - 1]);
			else
				app_status(app, _("Code “%s” moved to the top level"), c.name);
		}
	}
	for (size_t i = 0; i < p.n; i++)
		free(p.labels[i]);
	free(p.labels);
	free(p.ids);
	code_free(&c);
}

static void merge_code(struct app *app)
{
	struct code_copy c;
	if (!read_current(app, &c))
		return;
	struct db *db = app_db(app);
	if (!c.free) {
		/* the model refuses to merge an item code away and says why */
		if (code_merge(db, c.id, c.id, NULL) != STATUS_OK)
			app_error(app);
		code_free(&c);
		return;
	}
	char title[700];
	snprintf(title, sizeof title, _("Merge %s into"), c.label);
	int64_t into = 0, codes = 0, codings = 0;
	struct code_copy t = { 0 };
	if (!code_picker_run(app, title, false, 0, &into)) {
		code_free(&c);
		return;
	}
	if (code_read(db, into, copy_code, &t) != STATUS_OK || !t.name
	    || code_count_subtree(db, c.id, &codes, &codings) != STATUS_OK) {
		if (t.id && !t.name)
			app_status(app, "%s", _("out of memory"));
		else
			app_error(app);
		code_free(&c);
		code_free(&t);
		return;
	}
	char question[2048], n1[64], n2[64], also[192] = "";
	if (codes)
		snprintf(also, sizeof also, _(", with %s"), subcodes_text(n2, sizeof n2, codes));
	snprintf(question, sizeof question, _("Merge %s into %s? Moves %s to “%s”%s, and “%s” "
		"disappears (u takes it back)."), c.label, t.label, codings_text(n1, sizeof n1, c.codings),
		t.name, also, c.name);
	struct code_merge_result result;
	if (app_confirm(app, question)) {
		if (code_merge(db, c.id, into, &result) != STATUS_OK)
			app_error(app);
		else {
			app_changed(app);
			select_code(into);
			cb.detail_skip = 0;
			/* duplicates and children only when there were any */
			char rest[256] = "", n3[64];
			size_t len = 0;
			if (result.duplicates)
				len += (size_t)snprintf(rest + len, sizeof rest - len, P_(", %" PRId64 " duplicate "
					"removed", ", %" PRId64 " duplicates removed", (unsigned long)result.duplicates),
					result.duplicates);
			if (result.children && len < sizeof rest)
				snprintf(rest + len, sizeof rest - len, _(", %s moved"),
					subcodes_text(n3, sizeof n3, result.children));
			app_status(app, _("Code “%s” merged into “%s”: %s taken over%s"), c.name, t.name,
				codings_text(n1, sizeof n1, result.moved), rest);
		}
	}
	code_free(&c);
	code_free(&t);
}

static void delete_code(struct app *app)
{
	struct code_copy c;
	if (!read_current(app, &c))
		return;
	struct db *db = app_db(app);
	int64_t codes = 0, codings = 0;
	if (!c.free) {
		/* the model refuses item codes (before it deletes anything) and says why */
		if (code_delete(db, c.id, NULL, NULL) != STATUS_OK)
			app_error(app);
		code_free(&c);
		return;
	}
	if (code_count_subtree(db, c.id, &codes, &codings) != STATUS_OK) {
		app_error(app);
		code_free(&c);
		return;
	}
	char question[1024], n1[64], n2[64], others[256], n3[64];
	int64_t theirs = 0;
	if (code_others_codings(db, c.id, db_user(db), &theirs, others, sizeof others) != STATUS_OK) {
		app_error(app);
		code_free(&c);
		return;
	}
	int len = snprintf(question, sizeof question, _("Delete %s? %s and %s go with it (u takes it "
		"back)."), c.label, subcodes_text(n1, sizeof n1, codes),
		codings_text(n2, sizeof n2, codings));
	/* say whose work goes too */
	if (theirs && len > 0 && (size_t)len < sizeof question)
		snprintf(question + len, sizeof question - (size_t)len, _(" %s of them by other coders: "
			"%s."), codings_text(n3, sizeof n3, theirs), others);
	if (app_confirm(app, question)) {
		if (code_delete(db, c.id, &codes, &codings) != STATUS_OK)
			app_error(app);
		else {
			app_changed(app);
			app_status(app, _("Code “%s” deleted with %s and %s"), c.name,
				subcodes_text(n1, sizeof n1, codes), codings_text(n2, sizeof n2, codings));
		}
	}
	code_free(&c);
}

/* D and o: the definition or the memo in the editor. */
static void edit_text(struct app *app, bool definition)
{
	struct code_copy c;
	if (!read_current(app, &c))
		return;
	char title[700], *text = NULL;
	snprintf(title, sizeof title, definition ? _("Definition of %s") : _("Memo on %s"), c.label);
	if (app_edit(app, title, definition ? c.definition : c.memo, true, NULL, &text)) {
		struct db *db = app_db(app);
		enum status rc = definition ? code_set_definition(db, c.id, text)
		                            : code_set_memo(db, c.id, text);
		if (rc != STATUS_OK)
			app_error(app);
		else {
			app_changed(app);
			app_status(app, definition ? _("Definition of code “%s” saved")
				: _("Memo of code “%s” saved"), c.name);
		}
		free(text);
	}
	code_free(&c);
}

static const char *const colour_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};
static const char *const colour_labels[] = {
	N_("black"), N_("red"), N_("green"), N_("yellow"), N_("blue"), N_("magenta"), N_("cyan"),
	N_("white"),
};
#define NCOLOURS (sizeof colour_names / sizeof colour_names[0])

static void colour_label(void *ctx, size_t i, char *buf, size_t size)
{
	(void)ctx;
	if (i < NCOLOURS && strcmp(colour_names[i], _(colour_labels[i])) == 0)
		snprintf(buf, size, "%s", colour_names[i]);
	else if (i < NCOLOURS)
		snprintf(buf, size, "%s (%s)", colour_names[i], _(colour_labels[i]));
	else if (i == NCOLOURS)
		snprintf(buf, size, "%s", _("custom: enter #RRGGBB …"));
	else
		snprintf(buf, size, "%s", _("none (the type's colour)"));
}

static void colour_code(struct app *app)
{
	struct code_copy c;
	if (!read_current(app, &c))
		return;
	int initial = (int)NCOLOURS + 1;
	if (*c.colour)
		initial = (int)NCOLOURS;
	for (size_t i = 0; i < NCOLOURS; i++)
		if (strcasecmp(c.colour, colour_names[i]) == 0)
			initial = (int)i;
	char title[700];
	snprintf(title, sizeof title, _("Colour of %s"), c.label);
	int pick = app_pick(app, title, NCOLOURS + 2, colour_label, NULL, initial, NULL);
	char *typed = NULL;
	const char *colour = NULL;
	if (pick < 0) {
		code_free(&c);
		return;
	}
	if ((size_t)pick < NCOLOURS) {
		colour = colour_names[pick];
	} else if ((size_t)pick == NCOLOURS) {
		if (!app_prompt(app, _("Colour as #RRGGBB (e.g. #2e86ab):"), *c.colour == '#' ? c.colour
		    : "#", &typed)) {
			code_free(&c);
			return;
		}
		colour = typed;
	}
	if (code_set_colour(app_db(app), c.id, colour) != STATUS_OK)
		app_error(app);
	else {
		app_changed(app);
		if (colour)
			app_status(app, _("Colour of code “%s”: %s"), c.name, colour);
		else
			app_status(app, _("Code “%s” without a colour of its own"), c.name);
	}
	free(typed);
	code_free(&c);
}

static void show_hinge(struct app *app)
{
	int64_t id = current_code();
	if (id)
		hinge_view_show(app, id, &codebook_view);
	else
		app_status(app, "%s", _("No code selected."));
}

static void next_frequencies(struct app *app)
{
	cb.by = cb.by == CODING_BY_CODE ? CODING_BY_DOCUMENT
		: cb.by == CODING_BY_DOCUMENT ? CODING_BY_CODER : CODING_BY_CODE;
	cb.fpos.cursor = cb.fpos.top = 0;
	if (cb.by != CODING_BY_CODE)
		load_frequencies(app);
	app_status(app, _("%s · f switches to the next"), by_heading(cb.by));
}

/* Moves the cursor of the list on screen by DELTA rows. */
static void move_by(long delta)
{
	if (cb.by != CODING_BY_CODE) {
		list_move(&cb.fpos, delta);
		return;
	}
	if (list_move(&cb.pos, delta))
		cb.detail_skip = 0;
	settle(delta < 0 ? -1 : 1);
}

static int codebook_command(struct app *app, int command, int key)
{
	(void)key;
	if (cb.by != CODING_BY_CODE) {
		if (list_command(&cb.fpos, command))
			return VIEW_HANDLED;
	} else {
		size_t before = cb.pos.cursor;
		if (list_command(&cb.pos, command)) {
			settle(command == PANEL_UP || command == PANEL_PAGE_UP || command == PANEL_END ? -1 : 1);
			if (cb.pos.cursor != before)
				cb.detail_skip = 0;
			return VIEW_HANDLED;
		}
	}
	switch (command) {
	case C_BACK: app_show(app, &documents_view); return VIEW_HANDLED;
	case C_FREQUENCIES: next_frequencies(app); return VIEW_HANDLED;
	case C_OPEN:
		if (cb.by == CODING_BY_DOCUMENT && cb.fpos.cursor < cb.nfreq)
			reader_show(app, cb.freq[cb.fpos.cursor].id, 0);
		else if (cb.by == CODING_BY_CODE)
			show_hinge(app);
		return VIEW_HANDLED;
	default:
		break;
	}
	if (cb.by != CODING_BY_CODE) {
		app_status(app, _("%s: f switches back to the code list"), by_heading(cb.by));
		return VIEW_HANDLED;
	}
	switch (command) {
	case C_NEW: new_code(app, false); break;
	case C_NEW_CHILD: new_code(app, true); break;
	case C_RENAME: rename_code(app); break;
	case C_MOVE: move_code(app); break;
	case C_MERGE: merge_code(app); break;
	case C_DELETE: delete_code(app); break;
	case C_DEFINE: edit_text(app, true); break;
	case C_MEMO: edit_text(app, false); break;
	case C_COLOUR: colour_code(app); break;
	case C_HINGE: show_hinge(app); break;
	case C_DETAIL_DOWN: cb.detail_skip += 3; break;
	case C_DETAIL_UP: cb.detail_skip = cb.detail_skip > 3 ? cb.detail_skip - 3 : 0; break;
	default: return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED;
}

static int codebook_click(struct app *app, int y, int x, bool double_click)
{
	if (cb.by != CODING_BY_CODE) {
		long row = list_row_at(&cb.fpos, y, x);
		if (row < 0)
			return VIEW_UNHANDLED;
		cb.fpos.cursor = (size_t)row;
		if (double_click && cb.by == CODING_BY_DOCUMENT)
			reader_show(app, cb.freq[row].id, 0);
		return VIEW_HANDLED;
	}
	long row = list_row_at(&cb.pos, y, x);
	if (row < 0 || !is_code_row((size_t)row))
		return VIEW_UNHANDLED;
	if ((size_t)row != cb.pos.cursor)
		cb.detail_skip = 0;
	cb.pos.cursor = (size_t)row;
	if (double_click)
		show_hinge(app);
	return VIEW_HANDLED;
}

static void codebook_wheel(struct app *app, int delta)
{
	(void)app;
	move_by(delta);
}

/* `/`: the codes whose name, path, definition or memo hold the needle. */
struct matches {
	const char *needle;
	int64_t *ids;
	size_t n, cap;
	bool nomem;
};

static int collect_match(void *ctx, const struct code_info *info)
{
	struct matches *m = ctx;
	if (!text_contains_folded(info->name, m->needle) && !text_contains_folded(info->path, m->needle)
	    && !text_contains_folded(info->definition, m->needle)
	    && !text_contains_folded(info->memo, m->needle))
		return 0;
	int64_t *grown = grow(m->ids, m->n, &m->cap, sizeof *m->ids, 32);
	if (!grown) {
		m->nomem = true;
		return 1;
	}
	m->ids = grown;
	m->ids[m->n++] = info->id;
	return 0;
}

static bool codebook_find(struct app *app, const char *needle, bool backwards)
{
	if (cb.by != CODING_BY_CODE) {
		size_t n = cb.nfreq;
		for (size_t step = 1; step <= n; step++) {
			size_t i = backwards ? (cb.fpos.cursor + n - step) % n : (cb.fpos.cursor + step) % n;
			if (text_contains_folded(cb.freq[i].key, needle)) {
				cb.fpos.cursor = i;
				return true;
			}
		}
		return false;
	}
	struct matches m = { needle, NULL, 0, 0, false };
	if (code_list(app_db(app), app_session(app), collect_match, &m) != STATUS_OK) {
		free(m.ids);
		return false;
	}
	bool found = false;
	size_t n = cb.n;
	for (size_t step = 1; step <= n && !found; step++) {
		size_t i = backwards ? (cb.pos.cursor + n - step) % n : (cb.pos.cursor + step) % n;
		for (size_t k = 0; k < m.n && !found && is_code_row(i); k++)
			if (cb.rows[i].id == m.ids[k]) {
				cb.pos.cursor = i;
				cb.detail_skip = 0;
				found = true;
			}
	}
	free(m.ids);
	return found;
}

/* For the wall (F5): the code and its definition, or the frequencies. */
struct projected {
	char *head, *text;
	size_t head_size, text_size;
};

static int project_code(void *ctx, const struct code_info *info)
{
	struct projected *p = ctx;
	code_picker_label(info->type, info->name, info->path, p->head, p->head_size);
	if (*info->definition)
		snprintf(p->text, p->text_size, "%s", info->definition);
	else
		codings_text(p->text, p->text_size, info->codings);
	return 1;
}

static void codebook_current(struct app *app, char *head, size_t head_size, char *text,
	size_t text_size)
{
	if (cb.by != CODING_BY_CODE) {
		snprintf(head, head_size, "%s", by_heading(cb.by));
		size_t len = 0;
		text[0] = '\0';
		for (size_t i = 0; i < cb.nfreq && len + 1 < text_size; i++) {
			int w = snprintf(text + len, text_size - len, "%s%s: %" PRId64, i ? "\n" : "",
				cb.freq[i].key, cb.freq[i].count);
			if (w < 0)
				break;
			len += (size_t)w;
		}
		return;
	}
	struct projected p = { head, text, head_size, text_size };
	int64_t id = current_code();
	if (id)
		code_read(app_db(app), id, project_code, &p);
}

const struct view codebook_view = {
	.title = N_("Codebook"),
	.keys = codebook_keys,
	.nkeys = sizeof codebook_keys / sizeof codebook_keys[0],
	.open = codebook_open,
	.draw = codebook_draw,
	.command = codebook_command,
	.click = codebook_click,
	.wheel = codebook_wheel,
	.current = codebook_current,
	.find = codebook_find,
};

/* The document reader.  Only the lines on screen are ever read
 * (document_lines for the visible range, coding_list_range for the
 * codings that overlap it), so a 100,000-line document opens, scrolls and
 * jumps to its end as fast as a short one. */
#include "tui/reader.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/agreement_out.h"
#include "model/coding.h"
#include "model/compare.h"
#include "model/db.h"
#include "model/document.h"
#include "model/reading.h"
#include "tui/code_picker.h"
#include "tui/hinge_view.h"
#include "tui/search_view.h"
#include "util/display.h"
#include "util/i18n.h"
#include "util/grow.h"

#define MAX_LANES 4            /* margin columns: one per overlapping coding */
#define MAX_ROWS 512           /* screen rows remembered for the mouse */
#define LABEL_MIN_WIDTH 90     /* from this width on, codes are named beside their lines */
#define LABEL_WIDTH 18

enum {
	R_UP = 1, R_DOWN, R_PAGE_UP, R_PAGE_DOWN, R_FIRST, R_LAST, R_GOTO,
	R_SELECT, R_CODE, R_CANCEL, R_EDIT, R_HINGE, R_HINGE_PICK, R_CODER,
	R_FIND, R_NEXT, R_PREV, R_SEARCH, R_BACK, R_COMPARE, R_TAKE_A, R_TAKE_B, R_DROP_A,
	R_DROP_B, R_AGREE,
};

static const struct binding reader_keys[] = {
	{ UI_FN(KEY_UP), R_UP, N_("↑ ↓ j k"), N_("choose a line (with a selection: extend it)") },
	{ UI_FN(KEY_DOWN), R_DOWN, "↓", NULL },
	{ 'k', R_UP, "k", NULL },
	{ 'j', R_DOWN, "j", NULL },
	{ UI_FN(KEY_PPAGE), R_PAGE_UP, N_("PgUp PgDn"), N_("page by page") },
	{ UI_FN(KEY_NPAGE), R_PAGE_DOWN, N_("PgDn"), NULL },
	{ 'g', R_FIRST, N_("g G Home End"), N_("first / last line") },
	{ 'G', R_LAST, "G", NULL },
	{ UI_FN(KEY_HOME), R_FIRST, N_("Home"), NULL },
	{ UI_FN(KEY_END), R_LAST, N_("End"), NULL },
	{ ':', R_GOTO, ":", N_("go to line N") },
	{ 'v', R_SELECT, "v", N_("start / cancel a selection") },
	{ '\r', R_CODE, "Enter", N_("code the selection (or the line) with a code") },
	{ '\n', R_CODE, "Enter", NULL },
	{ UI_FN(KEY_ENTER), R_CODE, "Enter", NULL },
	{ UI_ESC, R_CANCEL, "Esc", N_("cancel the selection") },
	{ 'c', R_EDIT, "c", N_("change or delete a coding of this line") },
	{ 'h', R_HINGE, "h", N_("hinge view of a code of this line") },
	{ 'H', R_HINGE_PICK, "H", N_("hinge view: choose a code") },
	{ 'C', R_CODER, "C", N_("coder: all / only one (switches)") },
	{ 'V', R_COMPARE, "V", N_("compare two coders line by line (again: end the comparison)") },
	{ 'a', R_TAKE_A, N_("a b"), N_("comparing: A (b: B) takes over the other's codings of this "
	  "line") },
	{ 'b', R_TAKE_B, "b", NULL },
	{ 'A', R_DROP_A, N_("A B"), N_("comparing: A (B: B) drops their codings of this line that "
	  "the other lacks") },
	{ 'B', R_DROP_B, "B", NULL },
	{ '%', R_AGREE, "%", N_("comparing: the agreement of the two coders in the session") },
	{ '/', R_FIND, "/", N_("search the document (full text: words, prefix*, \"phrase\")") },
	{ 'n', R_NEXT, "n N", N_("next / previous hit in the document (comparing: difference)") },
	{ 'N', R_PREV, "N", NULL },
	{ UI_CTRL('f'), R_SEARCH, N_("Ctrl-F"), N_("full-text search in the session") },
	{ 'q', R_BACK, "q", N_("back to the document list") },
};

static struct {
	int64_t doc;
	char *title;
	int64_t lines;             /* the document's line count */
	int64_t printed_max;       /* a draft's highest printed line number; 0: none */
	int64_t cursor, top;       /* line numbers */
	int64_t anchor;            /* where the selection started; 0: none */
	char *coder;               /* only this coder's codings; NULL: all */
	char *cmp[2];              /* comparing coders A and B; NULL: not comparing */
	int64_t cmp_code;          /* comparing on this code only; 0: every code */
	int64_t last_code;         /* the picker starts on the code used last */
	/* From the last draw, for paging and the mouse. */
	int text_h;
	int64_t shown;             /* lines on screen */
	struct rect text;
	int64_t row_line[MAX_ROWS];
} rd;

/* ---- what is on screen ---- */

struct line_window {
	int64_t first;
	char **text;
	int64_t *part, *printed;   /* per line: see struct doc_line */
	size_t n, cap;
	bool nomem;
};

static int keep_line(void *ctx, const struct doc_line *line)
{
	struct line_window *w = ctx;
	size_t cap = w->cap, cap2 = w->cap;
	char **grown = grow(w->text, w->n, &cap, sizeof *w->text, 64);
	if (grown)
		w->text = grown;
	int64_t *part = grown ? grow(w->part, w->n, &cap2, sizeof *w->part, 64) : NULL;
	if (part)
		w->part = part;
	int64_t *printed = part ? grow(w->printed, w->n, &w->cap, sizeof *w->printed, 64) : NULL;
	if (printed)
		w->printed = printed;
	w->text[w->n] = printed ? strdup(line->text) : NULL;
	if (!w->text[w->n]) {
		w->nomem = true;
		return 1;
	}
	w->part[w->n] = line->part;
	w->printed[w->n] = line->printed;
	w->n++;
	return 0;
}

static void window_clear(struct line_window *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->text[i]);
	free(w->text);
	free(w->part);
	free(w->printed);
	memset(w, 0, sizeof *w);
}

static enum status window_load(struct db *db, struct line_window *w, int64_t first, int64_t last)
{
	window_clear(w);
	w->first = first;
	enum status rc = document_lines_full(db, rd.doc, first, last, keep_line, w);
	if (rc == STATUS_OK && w->nomem)
		rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	return rc;
}

struct shown_coding {
	int64_t id, first, last, code_id;
	char *type, *name, *path, *coder, *memo;
	attr_t attr;
	int lane;                  /* margin column; -1: more than fit */
};

struct coding_set {
	struct shown_coding *c;
	size_t n, cap;
	bool nomem;
};

static void codings_clear(struct coding_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->c[i].type);
		free(s->c[i].name);
		free(s->c[i].path);
		free(s->c[i].coder);
		free(s->c[i].memo);
	}
	free(s->c);
	memset(s, 0, sizeof *s);
}

static int keep_coding(void *ctx, const struct coding_row *row)
{
	struct coding_set *s = ctx;
	struct shown_coding *grown = grow(s->c, s->n, &s->cap, sizeof *s->c, 16);
	if (!grown) {
		s->nomem = true;
		return 1;
	}
	s->c = grown;
	struct shown_coding *c = &s->c[s->n];
	c->id = row->id;
	c->first = row->first_line;
	c->last = row->last_line;
	c->code_id = row->code_id;
	c->type = strdup(row->code_type);
	c->name = strdup(row->code_name);
	c->path = strdup(row->code_path);
	c->coder = strdup(row->coder);
	c->memo = strdup(row->memo);
	c->attr = code_picker_attr(row->colour, row->code_type);
	c->lane = -1;
	s->n++;
	if (!c->type || !c->name || !c->path || !c->coder || !c->memo) {
		s->nomem = true;
		return 1;
	}
	return 0;
}

/* The side of coding C while comparing: 0 (A), 1 (B) or -1 (neither,
 * or another code than the one compared). */
static int side_of(const struct shown_coding *c)
{
	if (!rd.cmp[0] || (rd.cmp_code && c->code_id != rd.cmp_code))
		return -1;
	return strcmp(c->coder, rd.cmp[0]) == 0 ? 0 : strcmp(c->coder, rd.cmp[1]) == 0 ? 1 : -1;
}

/* Keeps the codings of the two coders compared. */
static void keep_compared(struct coding_set *s)
{
	size_t kept = 0;
	for (size_t i = 0; i < s->n; i++) {
		if (side_of(&s->c[i]) >= 0) {
			s->c[kept++] = s->c[i];
			continue;
		}
		free(s->c[i].type);
		free(s->c[i].name);
		free(s->c[i].path);
		free(s->c[i].coder);
		free(s->c[i].memo);
	}
	s->n = kept;
}

/* The codings (of the chosen coder, or the two compared) that overlap
 * lines FIRST..LAST. */
static enum status codings_load(struct db *db, struct coding_set *s, int64_t first, int64_t last)
{
	codings_clear(s);
	enum status rc = coding_list_range(db, rd.doc, first, last, rd.cmp[0] ? NULL : rd.coder,
		keep_coding, s);
	if (rc == STATUS_OK && s->nomem)
		rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	if (rc == STATUS_OK && rd.cmp[0])
		keep_compared(s);
	return rc;
}

/* Whether the two coders differ on LINE: a code one applied there that
 * the other did not.  *ATTR gets the first coding's colour of each side
 * (0 when that side has none). */
static bool line_differs(const struct coding_set *s, int64_t line, attr_t attr[2])
{
	bool differ = false;
	attr[0] = attr[1] = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct shown_coding *c = &s->c[i];
		int side = side_of(c);
		if (side < 0 || line < c->first || line > c->last)
			continue;
		if (!attr[side])
			attr[side] = c->attr;
		bool matched = false;
		for (size_t k = 0; k < s->n && !matched; k++)
			matched = side_of(&s->c[k]) == 1 - side && s->c[k].code_id == c->code_id &&
				line >= s->c[k].first && line <= s->c[k].last;
		differ |= !matched;
	}
	return differ;
}

static void coding_label(const struct shown_coding *c, char *buf, size_t size)
{
	char code[400];
	code_picker_label(c->type, c->name, c->path, code, sizeof code);
	if (c->first == c->last)
		snprintf(buf, size, _("%s · l. %" PRId64 " · %s"), code, c->first, c->coder);
	else
		snprintf(buf, size, _("%s · l. %" PRId64 "–%" PRId64 " · "
			"%s"), code, c->first, c->last,
			c->coder);
}

/* ---- opening ---- */

static void reader_open(struct app *app)
{
	struct document d;
	if (!rd.doc || document_read(app_db(app), rd.doc, &d) != STATUS_OK) {
		if (rd.doc)
			app_status(app, _("Document %" PRId64 " no longer exists."), rd.doc);
		rd.doc = 0;
		app_show(app, &documents_view);
		return;
	}
	free(rd.title);
	rd.title = d.title;
	d.title = NULL;
	rd.lines = d.line_count;
	document_clear(&d);
	if (document_printed_max(app_db(app), rd.doc, &rd.printed_max) != STATUS_OK)
		rd.printed_max = 0;
	if (rd.cursor > rd.lines)
		rd.cursor = rd.lines;
	if (rd.cursor < 1)
		rd.cursor = 1;
	if (rd.anchor > rd.lines)
		rd.anchor = rd.lines;
}

void reader_show(struct app *app, int64_t doc_id, int64_t line)
{
	if (doc_id != rd.doc) {
		rd.doc = doc_id;
		rd.cursor = rd.top = 1;
		rd.anchor = 0;
	}
	if (line > 0) {
		int h = rd.text_h > 0 ? rd.text_h : LINES / 2;
		rd.cursor = line;
		rd.top = line - h / 3 > 1 ? line - h / 3 : 1;
	}
	app_show(app, &reader_view);
}

/* ---- drawing ---- */

static int64_t sel_first(void)
{
	return rd.anchor && rd.anchor < rd.cursor ? rd.anchor : rd.cursor;
}

static int64_t sel_last(void)
{
	return rd.anchor && rd.anchor > rd.cursor ? rd.anchor : rd.cursor;
}

static bool selected(int64_t line)
{
	return rd.anchor && line >= sel_first() && line <= sel_last();
}

static int digits(int64_t n)
{
	int d = 1;
	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* The layout of the reader's area. */
struct layout {
	struct rect head, text, pane;
	int number_w, printed_w, lanes, label_w;
	int bars_x, text_x, text_w, label_x;
};

static struct layout layout_of(struct rect r)
{
	struct layout l;
	l.head = (struct rect){ r.y, r.x, 1, r.w };
	int pane_h = r.h >= 24 ? 5 : r.h >= 16 ? 3 : r.h >= 9 ? 2 : 0;
	l.pane = (struct rect){ r.y + r.h - pane_h, r.x, pane_h, r.w };
	/* the pane's top row is its rule */
	l.text = (struct rect){ r.y + 1, r.x, r.h - 1 - pane_h, r.w };
	/* a draft's printed number, then the file line */
	l.printed_w = rd.printed_max ? digits(rd.printed_max) + 1 : 0;
	l.number_w = l.printed_w + digits(rd.lines) + 1;
	l.lanes = r.w >= 60 ? MAX_LANES : 2;
	l.label_w = r.w >= LABEL_MIN_WIDTH ? LABEL_WIDTH : 0;
	l.bars_x = r.x + l.number_w;
	l.text_x = l.bars_x + l.lanes + 1;
	l.text_w = r.w - l.number_w - l.lanes - 1 - (l.label_w ? l.label_w + 1 : 0);
	l.label_x = l.text_x + l.text_w + 1;
	return l;
}

/* Rows line TEXT takes at width W. */
static int rows_of(const char *text, int w)
{
	return ui_wrap_rows(w, text);
}

/* Moves rd.top so that the cursor's line is whole on screen (or starts
 * it, when it is taller than the screen), and loads the lines from the
 * new top on into W. */
static enum status scroll_into_view(struct db *db, const struct layout *l, struct line_window *w)
{
	int h = l->text.h;
	if (rd.cursor < rd.top)
		rd.top = rd.cursor;
	if (rd.cursor >= rd.top + h)
		rd.top = rd.cursor - h + 1;
	if (rd.top < 1)
		rd.top = 1;
	for (;;) {
		int64_t last = rd.top + h - 1 < rd.lines ? rd.top + h - 1 : rd.lines;
		enum status rc = window_load(db, w, rd.top, last);
		if (rc != STATUS_OK)
			return rc;
		int rows = 0;
		int64_t drop = 0;   /* lines to drop at the top so that the cursor fits */
		for (int64_t n = rd.top; n <= rd.cursor && (size_t)(n - rd.top) < w->n; n++)
			rows += rows_of(w->text[n - rd.top], l->text_w);
		for (size_t i = 0; rows > h && rd.top + (int64_t)i < rd.cursor; i++) {
			rows -= rows_of(w->text[i], l->text_w);
			drop++;
		}
		if (!drop)
			return STATUS_OK;
		rd.top += drop;
	}
}

static void assign_lanes(struct coding_set *s, int lanes)
{
	int64_t lane_end[MAX_LANES];
	for (int i = 0; i < lanes; i++)
		lane_end[i] = 0;
	for (size_t i = 0; i < s->n; i++) {
		s->c[i].lane = -1;
		for (int k = 0; k < lanes; k++)
			if (lane_end[k] < s->c[i].first) {
				s->c[i].lane = k;
				lane_end[k] = s->c[i].last;
				break;
			}
	}
}

static void draw_head(const struct layout *l)
{
	char head[800], where[200];
	if (rd.anchor && sel_first() != sel_last())
		snprintf(where, sizeof where, _(" · l. %" PRId64 "/%" PRId64 " · selection "
			"%" PRId64 "–%" PRId64 " (Enter "
			"codes)"), rd.cursor, rd.lines, sel_first(), sel_last());
	else if (rd.anchor)
		snprintf(where, sizeof where, _(" · l. %" PRId64 "/%" PRId64 " · selection "
			"%" PRId64 " (Enter codes)"), rd.cursor, rd.lines, sel_first());
	else
		snprintf(where, sizeof where, _(" · l. "
			"%" PRId64 "/%" PRId64), rd.cursor, rd.lines);
	if (rd.cmp[0]) {
		size_t len = strlen(where);
		snprintf(where + len, sizeof where - len, _(" · comparing A = %s, B = %s"), rd.cmp[0],
			rd.cmp[1]);
	} else if (rd.coder) {
		size_t len = strlen(where);
		snprintf(where + len, sizeof where - len, _(" · only %s"), rd.coder);
	}
	int ww = display_width(where);
	int tw = l->head.w - ww - 1;
	if (tw < 8)
		tw = l->head.w / 3;
	snprintf(head, sizeof head, "%s", rd.title ? rd.title : "");
	ui_text_pad(l->head.y, l->head.x, l->head.w, "", ui_attr(UI_TITLE));
	int used = ui_text(l->head.y, l->head.x + 1, tw, head, ui_attr(UI_TITLE));
	ui_text(l->head.y, l->head.x + 1 + used, l->head.w - 1 - used, where, ui_attr(UI_ACCENT));
}

/* The codes named beside line NUMBER: those that start there (or above
 * the screen, on its first line), one a row, "+N" when rows run out. */
static void draw_labels(const struct layout *l, const struct coding_set *s, int64_t number,
	int y, int rows)
{
	int k = 0, total = 0;
	for (size_t i = 0; i < s->n; i++)
		if (s->c[i].first == number || (s->c[i].first < rd.top && number == rd.top))
			total++;
	for (size_t i = 0; i < s->n && k < rows; i++) {
		const struct shown_coding *c = &s->c[i];
		if (!(c->first == number || (c->first < rd.top && number == rd.top)))
			continue;
		if (k == rows - 1 && total > rows) {
			char more[32];
			snprintf(more, sizeof more, "+%d", total - k);
			ui_text(y + k, l->label_x, l->label_w, more, ui_attr(UI_DIM));
			break;
		}
		const char *name = c->path && *c->path ? strrchr(c->path, '/') : NULL;
		ui_text(y + k, l->label_x, l->label_w, name ? name + 1 : c->name, c->attr);
		k++;
	}
}

/* The margin: a bar per coding in its lane, "+" for those that find none. */
static void draw_bars(const struct layout *l, const struct coding_set *s, int64_t number, int y,
	int rows)
{
	bool overflow = false;
	for (size_t k = 0; k < s->n; k++) {
		const struct shown_coding *c = &s->c[k];
		if (number < c->first || number > c->last)
			continue;
		if (c->lane < 0) {
			overflow = true;
			continue;
		}
		for (int r = 0; r < rows; r++)
			ui_text(y + r, l->bars_x + c->lane, 1, c->first == number && r == 0 ? "╻" : "┃",
				c->attr);
	}
	if (overflow)
		for (int r = 0; r < rows; r++)
			ui_text(y + r, l->bars_x + l->lanes - 1, 1, "+", ui_attr(UI_ACCENT));
}

/* The margin while comparing: A's mark, B's mark, and ≠ where they differ. */
static void draw_sides(const struct layout *l, const struct coding_set *s, int64_t number, int y,
	int rows)
{
	attr_t attr[2];
	bool differ = line_differs(s, number, attr);
	for (int r = 0; r < rows; r++) {
		for (int side = 0; side < 2 && side < l->lanes; side++)
			ui_text(y + r, l->bars_x + side, 1, attr[side] ? (side ? "B" : "A") : " ",
				attr[side] ? attr[side] : ui_attr(UI_NORMAL));
		if (l->lanes > 2)
			ui_text(y + r, l->bars_x + 2, 1, differ ? "≠" : " ", ui_attr(UI_ACCENT));
	}
}

static void draw_lines(const struct layout *l, const struct line_window *w,
	const struct coding_set *s)
{
	int y = l->text.y, bottom = l->text.y + l->text.h;
	rd.shown = 0;
	for (int i = 0; i < MAX_ROWS; i++)
		rd.row_line[i] = 0;
	for (size_t i = 0; i < w->n && y < bottom; i++) {
		int64_t number = w->first + (int64_t)i;
		const char *text = w->text[i];
		int rows = rows_of(text, l->text_w);
		int vis = rows < bottom - y ? rows : bottom - y;
		bool cur = number == rd.cursor, sel = selected(number);
		attr_t a = cur ? ui_attr(UI_CURSOR) : sel ? ui_attr(UI_MARK) : ui_attr(UI_NORMAL);
		char num[64], printed[32] = "";
		if (l->printed_w && w->printed[i] && !w->part[i])
			snprintf(printed, sizeof printed, "%*" PRId64 " ", l->printed_w - 1, w->printed[i]);
		else if (l->printed_w)
			snprintf(printed, sizeof printed, "%*s", l->printed_w, "");
		/* ↳: the line goes on with the paragraph of the line above */
		snprintf(num, sizeof num, "%s%*" PRId64 "%s", printed, l->number_w - l->printed_w - 1,
			number, w->part[i] ? "↳" : " ");
		ui_text(y, l->text.x, l->number_w, num, cur || sel ? a : ui_attr(UI_DIM));
		if (*printed && !cur && !sel)
			ui_text(y, l->text.x, l->printed_w, printed, ui_attr(UI_ACCENT));
		struct rect tr = { y, l->text_x, vis, l->text_w };
		if (cur || sel)
			ui_fill((struct rect){ y, l->text_x - 1, vis, l->text_w + 1 }, a);
		ui_wrap(tr, 0, text, a);
		if (rd.cmp[0])
			draw_sides(l, s, number, y, vis);
		else
			draw_bars(l, s, number, y, vis);
		if (l->label_w)
			draw_labels(l, s, number, y, vis);
		for (int r = 0; r < vis; r++)
			if (y + r - l->text.y < MAX_ROWS)
				rd.row_line[y + r - l->text.y] = number;
		y += vis;
		rd.shown++;
	}
	if (y < bottom && w->n && w->first + (int64_t)w->n - 1 == rd.lines)
		ui_text(y, l->text_x, l->text_w, _("— end of the document —"), ui_attr(UI_DIM));
}

/* The pane while comparing: what each coder applied to the cursor's line. */
static void draw_compare_pane(const struct layout *l, const struct coding_set *s)
{
	struct rect p = l->pane;
	attr_t attr[2];
	bool differ = line_differs(s, rd.cursor, attr);
	char rule[160];
	snprintf(rule, sizeof rule, differ ? _(" L. %" PRId64 ": the coders differ ")
		: _(" L. %" PRId64 ": the coders agree "), rd.cursor);
	attrset(ui_attr(UI_BORDER));
	mvhline(p.y, p.x, ACS_HLINE, p.w);
	attrset(A_NORMAL);
	ui_text(p.y, p.x + 2, p.w - 4, rule, ui_attr(differ ? UI_ACCENT : UI_BORDER));
	for (int side = 0; side < 2 && side + 1 < p.h; side++) {
		char text[1600];
		int len = snprintf(text, sizeof text, "%s %s:", side ? "B" : "A", rd.cmp[side]);
		bool any = false;
		for (size_t i = 0; i < s->n && len > 0 && (size_t)len < sizeof text; i++) {
			const struct shown_coding *c = &s->c[i];
			if (side_of(c) != side || rd.cursor < c->first || rd.cursor > c->last)
				continue;
			char code[400];
			code_picker_label(c->type, c->name, c->path, code, sizeof code);
			len += snprintf(text + len, sizeof text - (size_t)len, "%s %s (%" PRId64 "–%" PRId64
				")", any ? ";" : "", code, c->first, c->last);
			any = true;
		}
		if (!any && len > 0 && (size_t)len < sizeof text)
			snprintf(text + len, sizeof text - (size_t)len, " —");
		ui_text(p.y + 1 + side, p.x + 1, 1, "┃", attr[side] ? attr[side] : ui_attr(UI_DIM));
		ui_text(p.y + 1 + side, p.x + 3, p.w - 3, text, ui_attr(UI_NORMAL));
	}
}

/* The pane: the codings of the cursor's line. */
static void draw_pane(const struct layout *l, const struct coding_set *s)
{
	if (l->pane.h < 1)
		return;
	if (rd.cmp[0]) {
		draw_compare_pane(l, s);
		return;
	}
	struct rect p = l->pane;
	int on_line = 0;
	for (size_t i = 0; i < s->n; i++)
		if (rd.cursor >= s->c[i].first && rd.cursor <= s->c[i].last)
			on_line++;
	char rule[128];
	if (on_line)
		snprintf(rule, sizeof rule, _(" Codes in l. %" PRId64 " "
			"(%d) "), rd.cursor, on_line);
	else
		snprintf(rule, sizeof rule, _(" L. %" PRId64 " "), rd.cursor);
	attrset(ui_attr(UI_BORDER));
	mvhline(p.y, p.x, ACS_HLINE, p.w);
	attrset(A_NORMAL);
	ui_text(p.y, p.x + 2, p.w - 4, rule, ui_attr(UI_BORDER));
	int y = p.y + 1, rows = p.h - 1;
	if (rows < 1)
		return;
	if (!on_line) {
		ui_text(y, p.x + 1, p.w - 1, rd.anchor ? _("Enter chooses the code for the "
			"selection.")
			: _("Not coded. v starts a selection, Enter codes."), ui_attr(UI_DIM));
		return;
	}
	int k = 0;
	for (size_t i = 0; i < s->n && k < rows; i++) {
		const struct shown_coding *c = &s->c[i];
		if (rd.cursor < c->first || rd.cursor > c->last)
			continue;
		/* the last row names how many more there are (c lists them all) */
		char more[64] = "";
		if (k == rows - 1 && on_line > rows)
			snprintf(more, sizeof more, _(" +%d more (c)"), on_line - rows);
		int mw = display_width(more);
		char text[1200];
		coding_label(c, text, sizeof text);
		if (*c->memo) {
			size_t len = strlen(text);
			snprintf(text + len, sizeof text - len, " · %s", c->memo);
		}
		ui_text(y + k, p.x + 1, 1, "┃", c->attr);
		int used = ui_text(y + k, p.x + 3, p.w - 3 - mw, text, ui_attr(UI_NORMAL));
		if (mw)
			ui_text(y + k, p.x + 3 + used, p.w - 3 - used, more, ui_attr(UI_DIM));
		k++;
	}
}

static void reader_draw(struct app *app, struct rect r)
{
	struct layout l = layout_of(r);
	rd.text = l.text;
	rd.text_h = l.text.h;
	draw_head(&l);
	if (l.text.h < 1 || l.text_w < 4)
		return;
	if (rd.lines < 1) {
		ui_text(l.text.y, l.text_x, l.text_w, _("(The document has no "
			"lines.)"), ui_attr(UI_DIM));
		return;
	}
	struct db *db = app_db(app);
	struct line_window w = { 0 };
	struct coding_set s = { 0 };
	enum status rc = scroll_into_view(db, &l, &w);
	if (rc == STATUS_OK)
		rc = codings_load(db, &s, rd.top, w.n ? w.first + (int64_t)w.n - 1 : rd.top);
	if (rc != STATUS_OK) {
		app_error(app);
	} else {
		assign_lanes(&s, l.lanes);
		draw_lines(&l, &w, &s);
		draw_pane(&l, &s);
	}
	window_clear(&w);
	codings_clear(&s);
}

/* ---- moving ---- */

static void move_to(int64_t line)
{
	if (line > rd.lines)
		line = rd.lines;
	if (line < 1)
		line = 1;
	rd.cursor = line;
}

/* Puts LINE a third down the screen when it is not on it. */
static void show_line(int64_t line)
{
	move_to(line);
	if (rd.cursor < rd.top || rd.cursor >= rd.top + (rd.shown > 0 ? rd.shown : 1)) {
		int64_t top = rd.cursor - rd.text_h / 3;
		rd.top = top < 1 ? 1 : top;
	}
}

static void page(int direction)
{
	int64_t step = rd.shown > 1 ? rd.shown - 1 : 1;
	int64_t top = rd.top + direction * step;
	int64_t max_top = rd.lines - rd.text_h + 1;
	if (top > max_top)
		top = max_top;
	if (top < 1)
		top = 1;
	move_to(rd.cursor + direction * step);
	rd.top = top;
}

static void go_to_line(struct app *app)
{
	char question[128], *answer = NULL;
	snprintf(question, sizeof question, _("Go to line (1–%" PRId64 "):"), rd.lines);
	if (!app_prompt(app, question, "", &answer))
		return;
	char *end;
	long long n = strtoll(answer, &end, 10);
	if (end == answer || *end || n < 1 || n > rd.lines)
		app_status(app, _("There is no line “%s”: the document has the lines "
			"1–%" PRId64),
			answer, rd.lines);
	else
		show_line((int64_t)n);
	free(answer);
}

/* Moves to the next (previous) line of this document that matches
 * QUERY, going round at its end; returns what reading_find_line() said
 * last (NOT_FOUND: nowhere in the document). */
static enum status find_line(struct app *app, const char *query, bool backwards)
{
	if (!query || !*query) {
		app_status(app, "%s", _("No search yet: Ctrl-F or / searches."));
		return STATUS_NOT_FOUND;
	}
	struct db *db = app_db(app);
	int64_t line = 0;
	bool wrapped = false;
	enum status rc = reading_find_line(db, rd.doc, query, rd.cursor, backwards, &line);
	if (rc == STATUS_NOT_FOUND) {
		wrapped = true;
		rc = reading_find_line(db, rd.doc, query, backwards ? rd.lines + 1 : 0, backwards, &line);
	}
	if (rc == STATUS_NOT_FOUND) {
		app_status(app, _("No match for “%s” in this document"), query);
		return rc;
	}
	if (rc != STATUS_OK) {
		app_error(app);
		return rc;
	}
	show_line(line);
	if (wrapped && backwards)
		app_status(app, _("“%s”: search went on from the end"), query);
	else if (wrapped)
		app_status(app, _("“%s”: search went on from the start"), query);
	else
		app_status(app, _("“%s” in l. %" PRId64), query, line);
	return STATUS_OK;
}

/* `/`: a full-text query within this document.  A query that works
 * becomes the search view's too, so that n and N go on with it. */
static void find_in_document(struct app *app)
{
	char *query = NULL;
	const char *last = search_view_query();
	if (!app_prompt(app, _("Search the document (words, \"phrase\", prefix*):"),
	    last ? last : "", &query))
		return;
	enum status rc = find_line(app, query, false);
	if ((rc == STATUS_OK || rc == STATUS_NOT_FOUND) && *query)
		search_view_set_query(query);
	free(query);
}

/* ---- coding ---- */

static void code_selection(struct app *app)
{
	int64_t first = sel_first(), last = sel_last(), code = 0;
	char title[128];
	if (first == last)
		snprintf(title, sizeof title, _("Code l. %" PRId64 " with"), first);
	else
		snprintf(title, sizeof title, _("Code l. %" PRId64 "–%" PRId64 " "
			"with"), first, last);
	if (!code_picker_run(app, title, true, rd.last_code, &code))
		return;
	struct db *db = app_db(app);
	struct coding c = { .session_id = app_session(app), .document_id = rd.doc,
		.first_line = first, .last_line = last, .code_id = code, .coder = db_user(db) };
	if (coding_create(db, &c) != STATUS_OK) {
		app_error(app);
		app_changed(app);
		return;
	}
	rd.last_code = code;
	char lines[64];
	if (first == last)
		snprintf(lines, sizeof lines, _("L. %" PRId64), first);
	else
		snprintf(lines, sizeof lines, _("L. %" PRId64 "–%" PRId64), first, last);
	app_status(app, _("Coding %" PRId64 " saved (%s, %s)%s"), c.id, lines, c.coder,
		rd.anchor ? _(" · Enter: another code for the selection") : "");
	app_changed(app);
}

/* The codings on the cursor's line, for `c` and `h`. */
static bool cursor_codings(struct app *app, struct coding_set *s)
{
	memset(s, 0, sizeof *s);
	if (codings_load(app_db(app), s, rd.cursor, rd.cursor) != STATUS_OK) {
		app_error(app);
		codings_clear(s);
		return false;
	}
	if (s->n == 0) {
		codings_clear(s);
		if (rd.coder)
			app_status(app, _("L. %" PRId64 " has no coding by "
				"%s"), rd.cursor, rd.coder);
		else
			app_status(app, _("L. %" PRId64 " is not coded"), rd.cursor);
		return false;
	}
	return true;
}

static void shown_label(void *ctx, size_t i, char *buf, size_t size)
{
	const struct coding_set *s = ctx;
	coding_label(&s->c[i], buf, size);
	if (*s->c[i].memo) {
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, " · %s", s->c[i].memo);
	}
}

/* One of the cursor line's codings: the only one, or the one picked. */
static int choose_coding(struct app *app, struct coding_set *s, const char *title)
{
	if (s->n == 1)
		return 0;
	return app_pick(app, title, s->n, shown_label, s, 0, NULL);
}

static const char *const edit_actions[] = {
	"Zeilen ändern", "Code ändern", "Memo bearbeiten", "Kodierung löschen",
};

static void action_label(void *ctx, size_t i, char *buf, size_t size)
{
	(void)ctx;
	snprintf(buf, size, "%s", _(edit_actions[i]));
}

/* Applies one edit to coding ID; true when something was saved. */
static bool edit_coding(struct app *app, int64_t id, int action)
{
	struct db *db = app_db(app);
	struct coding c;
	if (coding_read(db, id, &c) != STATUS_OK) {
		app_error(app);
		return false;
	}
	bool save = false, theirs = strcmp(c.coder, db_user(db)) != 0;
	char *answer = NULL;
	char buf[64], title[256];
	/* another coder's coding changes only when the person says so */
	if (theirs && action != 3) {
		snprintf(title, sizeof title, _("Coding %" PRId64 " is by “%s”, not by you (“%s”). "
			"Change it anyway?"), id, c.coder, db_user(db));
		if (!app_confirm(app, title)) {
			coding_clear(&c);
			return false;
		}
	}
	switch (action) {
	case 0:
		snprintf(buf, sizeof buf, "%" PRId64 "-%" PRId64, c.first_line, c.last_line);
		snprintf(title, sizeof title, _("Coding %" PRId64 ": lines (A-B):"), id);
		if (app_prompt(app, title, buf, &answer)) {
			if (coding_parse_lines(answer, &c.first_line, &c.last_line))
				save = true;
			else
				app_status(app, _("“%s” is not a line range (expected e.g. "
					"12-15)"), answer);
		}
		break;
	case 1: {
		int64_t code = c.code_id;
		snprintf(title, sizeof title, _("Coding %" PRId64 ": new code"), id);
		if (code_picker_run(app, title, true, c.code_id, &code)) {
			c.code_id = code;
			save = true;
		}
		break;
	}
	case 2:
		snprintf(title, sizeof title, _("Memo on coding %" PRId64), id);
		if (app_edit(app, title, c.memo ? c.memo : "", true, NULL, &answer)) {
			free((char *)c.memo);
			c.memo = answer;
			answer = NULL;
			save = true;
		}
		break;
	case 3:
		if (theirs)
			snprintf(title, sizeof title, _("Delete coding %" PRId64 " (l. %" PRId64 "–%" PRId64
				") by “%s”, not by you (“%s”)?"), id, c.first_line, c.last_line, c.coder,
				db_user(db));
		else
			snprintf(title, sizeof title, _("Delete coding %" PRId64 " (l. "
				"%" PRId64 "–%" PRId64 ")?"), id, c.first_line, c.last_line);
		if (app_confirm(app, title)) {
			if (coding_delete(db, id) != STATUS_OK)
				app_error(app);
			else
				app_status(app, _("Coding %" PRId64 " deleted"), id);
			app_changed(app);
		}
		break;
	}
	free(answer);
	bool saved = false;
	if (save) {
		if (coding_update(db, &c) != STATUS_OK) {
			app_error(app);
		} else {
			app_status(app, _("Coding %" PRId64 " saved"), id);
			saved = true;
		}
		app_changed(app);
	}
	coding_clear(&c);
	return saved;
}

static void edit_cursor_coding(struct app *app)
{
	struct coding_set s;
	if (!cursor_codings(app, &s))
		return;
	char title[128];
	snprintf(title, sizeof title, _("Which coding of l. %" PRId64 "?"), rd.cursor);
	int pick = choose_coding(app, &s, title);
	if (pick >= 0) {
		char label[600];
		coding_label(&s.c[pick], label, sizeof label);
		int action = app_pick(app, label, sizeof edit_actions / sizeof edit_actions[0],
			action_label, NULL, 0, NULL);
		if (action >= 0)
			edit_coding(app, s.c[pick].id, action);
	}
	codings_clear(&s);
}

static void hinge_of_cursor(struct app *app)
{
	struct coding_set s;
	if (!cursor_codings(app, &s))
		return;
	char title[128];
	snprintf(title, sizeof title, _("Hinge view: which code of l. %" PRId64 "?"),
		rd.cursor);
	int pick = choose_coding(app, &s, title);
	int64_t code = pick >= 0 ? s.c[pick].code_id : 0;
	codings_clear(&s);
	if (code)
		hinge_view_show(app, code, &reader_view);
}

struct coder_names {
	char **names;
	size_t n, cap;
	bool nomem;
};

static int keep_coder(void *ctx, const struct coding_count *count)
{
	struct coder_names *c = ctx;
	char **grown = grow(c->names, c->n, &c->cap, sizeof *c->names, 8);
	if (!grown) {
		c->nomem = true;
		return 1;
	}
	c->names = grown;
	c->names[c->n] = strdup(count->key);
	if (!c->names[c->n]) {
		c->nomem = true;
		return 1;
	}
	c->n++;
	return 0;
}

/* All coders, then each coder of the session in turn. */
static void next_coder(struct app *app)
{
	struct coder_names c = { 0 };
	if (coding_frequencies(app_db(app), app_session(app), CODING_BY_CODER, keep_coder, &c)
	    != STATUS_OK) {
		app_error(app);
	} else {
		size_t next = 0;   /* the index after the current one; 0 from "all" */
		for (size_t i = 0; rd.coder && i < c.n; i++)
			if (strcmp(c.names[i], rd.coder) == 0)
				next = i + 1;
		free(rd.coder);
		rd.coder = next < c.n ? strdup(c.names[next]) : NULL;
		if (rd.coder)
			app_status(app, _("Coder: only %s (C switches)"), rd.coder);
		else
			app_status(app, "%s", _("Coder: all"));
	}
	for (size_t i = 0; i < c.n; i++)
		free(c.names[i]);
	free(c.names);
}

/* ---- comparing two coders ---- */

static void coder_label(void *ctx, size_t i, char *buf, size_t size)
{
	snprintf(buf, size, "%s", ((char **)ctx)[i]);
}

static void compare_end(void)
{
	free(rd.cmp[0]);
	free(rd.cmp[1]);
	rd.cmp[0] = rd.cmp[1] = NULL;
	rd.cmp_code = 0;
}

/* V: choose coders A and B (and a code, or every code); V again ends. */
static void compare_start(struct app *app)
{
	if (rd.cmp[0]) {
		compare_end();
		app_status(app, "%s", _("Comparison ended"));
		return;
	}
	struct coder_names c = { 0 };
	if (coding_frequencies(app_db(app), app_session(app), CODING_BY_CODER, keep_coder, &c)
	    != STATUS_OK || c.nomem) {
		app_error(app);
	} else if (c.n < 2) {
		app_status(app, "%s", _("Comparing needs two coders; this session has fewer"));
	} else {
		int a = app_pick(app, _("Compare: coder A"), c.n, coder_label, c.names, 0, NULL);
		char *first = a >= 0 ? c.names[a] : NULL;
		if (a >= 0) {
			/* B from the others */
			c.names[a] = c.names[--c.n];
		}
		int b = a >= 0 ? app_pick(app, _("Compare: coder B"), c.n, coder_label, c.names, 0, NULL)
			: -1;
		int64_t code = 0;
		if (b >= 0 && !code_picker_run(app, _("Compare on one code (Esc: every code)"), false, 0,
			&code))
			code = 0;
		if (b >= 0) {
			rd.cmp[0] = first;
			rd.cmp[1] = c.names[b];
			c.names[b] = NULL;
			first = NULL;
			rd.cmp_code = code;
			app_status(app, _("Comparing A = %s with B = %s: n/N next difference, a/b takes over, "
				"A/B drops, %% agreement, V ends"), rd.cmp[0], rd.cmp[1]);
		}
		free(first);
	}
	for (size_t i = 0; i < c.n; i++)
		free(c.names[i]);
	free(c.names);
}

static bool comparing(struct app *app)
{
	if (!rd.cmp[0])
		app_status(app, "%s", _("Only while comparing two coders: V starts"));
	return rd.cmp[0] != NULL;
}

/* A change in CODER's name: asks first when that is not the person at
 * the keyboard. */
static bool may_change_for(struct app *app, const char *coder)
{
	const char *me = db_user(app_db(app));
	if (strcmp(coder, me) == 0)
		return true;
	char question[400];
	snprintf(question, sizeof question, _("This changes the codings of “%s”, not yours (“%s”). "
		"Go on?"), coder, me);
	return app_confirm(app, question);
}

/* a/b (TAKE): SIDE takes over the other's codings of the cursor's line;
 * A/B: SIDE drops their codings of the line that the other lacks. */
static void compare_resolve(struct app *app, int side, bool take)
{
	if (!comparing(app) || !may_change_for(app, rd.cmp[side]))
		return;
	struct compare c = { rd.doc, rd.cmp[0], rd.cmp[1], rd.cmp_code };
	const char *me = rd.cmp[side], *other = rd.cmp[1 - side];
	int64_t n = 0;
	enum status rc = take ? compare_take_over(app_db(app), &c, rd.cursor, me, &n)
		: compare_drop_own(app_db(app), &c, rd.cursor, me, &n);
	if (rc != STATUS_OK)
		app_error(app);
	else if (!n)
		app_status(app, _("L. %" PRId64 ": %s has nothing that %s lacks"), rd.cursor,
			take ? other : me, take ? me : other);
	else if (take)
		app_status(app, P_("L. %" PRId64 ": %s took over %" PRId64 " coding of %s (u takes it "
			"back)", "L. %" PRId64 ": %s took over %" PRId64 " codings of %s (u takes it back)",
			(unsigned long)n), rd.cursor, me, n, other);
	else
		app_status(app, P_("L. %" PRId64 ": %s dropped %" PRId64 " coding (u takes it back)",
			"L. %" PRId64 ": %s dropped %" PRId64 " codings (u takes it back)",
			(unsigned long)n), rd.cursor, me, n);
	app_changed(app);
}

/* n/N while comparing: the next (previous) line where a difference starts. */
static void compare_jump(struct app *app, bool backwards)
{
	struct compare c = { rd.doc, rd.cmp[0], rd.cmp[1], rd.cmp_code };
	int64_t line = 0;
	enum status rc = compare_next_difference(app_db(app), &c, rd.cursor, backwards, &line);
	if (rc == STATUS_OK)
		show_line(line);
	else
		app_error(app);
}

/* %: the agreement of the two coders over the session, as agree prints it. */
static void compare_agreement(struct app *app)
{
	if (!comparing(app))
		return;
	const char *coders[2] = { rd.cmp[0], rd.cmp[1] };
	struct agree_options o = { .coders = coders, .ncoders = 2, .codes = &rd.cmp_code,
		.ncodes = rd.cmp_code ? 1 : 0 };
	char *text = NULL;
	size_t size = 0;
	FILE *out = open_memstream(&text, &size);
	enum status rc = out ? agreement_write_table(app_db(app), app_session(app), &o, out)
		: STATUS_NOMEM;
	if (out)
		fclose(out);
	if (rc == STATUS_OK)
		app_message(app, _("Intercoder agreement"), text);
	else if (rc == STATUS_NOMEM)
		app_status(app, "%s", _("out of memory"));
	else
		app_error(app);
	free(text);
}

static int reader_command(struct app *app, int command, int key)
{
	(void)key;
	switch (command) {
	case R_UP: move_to(rd.cursor - 1); break;
	case R_DOWN: move_to(rd.cursor + 1); break;
	case R_PAGE_UP: page(-1); break;
	case R_PAGE_DOWN: page(1); break;
	case R_FIRST: rd.top = 1; move_to(1); break;
	case R_LAST:
		move_to(rd.lines);
		rd.top = rd.lines - rd.text_h + 1 > 1 ? rd.lines - rd.text_h + 1 : 1;
		break;
	case R_GOTO: go_to_line(app); break;
	case R_SELECT:
		rd.anchor = rd.anchor ? 0 : rd.cursor;
		if (rd.anchor)
			app_status(app, "%s", _("Selection: ↑↓ extends, Enter codes, Esc "
				"cancels"));
		break;
	case R_CANCEL: rd.anchor = 0; break;
	case R_CODE: code_selection(app); break;
	case R_EDIT: edit_cursor_coding(app); break;
	case R_HINGE: hinge_of_cursor(app); break;
	case R_HINGE_PICK: {
		int64_t code = 0;
		if (code_picker_run(app, _("Hinge view of code"), false, rd.last_code, &code))
			hinge_view_show(app, code, &reader_view);
		break;
	}
	case R_CODER: next_coder(app); break;
	case R_FIND: find_in_document(app); break;
	case R_NEXT:
	case R_PREV:
		if (rd.cmp[0])
			compare_jump(app, command == R_PREV);
		else
			find_line(app, search_view_query(), command == R_PREV);
		break;
	case R_COMPARE: compare_start(app); break;
	case R_TAKE_A: compare_resolve(app, 0, true); break;
	case R_TAKE_B: compare_resolve(app, 1, true); break;
	case R_DROP_A: compare_resolve(app, 0, false); break;
	case R_DROP_B: compare_resolve(app, 1, false); break;
	case R_AGREE: compare_agreement(app); break;
	case R_SEARCH: search_view_start(app, &reader_view); break;
	case R_BACK: app_show(app, &documents_view); break;
	default: return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED;
}

static int reader_click(struct app *app, int y, int x, bool double_click)
{
	(void)x;
	int row = y - rd.text.y;
	if (row < 0 || row >= rd.text.h || row >= MAX_ROWS || !rd.row_line[row])
		return VIEW_UNHANDLED;
	rd.cursor = rd.row_line[row];
	if (double_click)
		code_selection(app);
	return VIEW_HANDLED;
}

static void reader_wheel(struct app *app, int delta)
{
	(void)app;
	int64_t top = rd.top + delta;
	int64_t max_top = rd.lines - rd.text_h + 1;
	if (top > max_top)
		top = max_top;
	rd.top = top < 1 ? 1 : top;
	if (rd.cursor < rd.top)
		rd.cursor = rd.top;
	else if (rd.cursor >= rd.top + rd.shown && rd.shown > 0)
		rd.cursor = rd.top + rd.shown - 1;
	move_to(rd.cursor);
}

/* For the wall (F5): the document's title, and the selected passage (or
 * the cursor's line) with its line numbers. */
static void reader_current(struct app *app, char *head, size_t head_size, char *text,
	size_t text_size)
{
	snprintf(head, head_size, "%s", rd.title ? rd.title : "");
	int64_t first = sel_first(), last = sel_last();
	int n = first == last ? snprintf(text, text_size, _("L. %" PRId64 ":"), first)
		: snprintf(text, text_size, _("L. %" PRId64 "–%" PRId64 ":"), first, last);
	if (n < 0 || (size_t)n >= text_size)
		return;
	if (last - first > 200)
		last = first + 200;   /* more does not fit a projected screen anyway */
	document_append_lines(app_db(app), rd.doc, first, last, text, text_size);
}

const struct view reader_view = {
	.title = N_("Reader"),
	.keys = reader_keys,
	.nkeys = sizeof reader_keys / sizeof reader_keys[0],
	.open = reader_open,
	.draw = reader_draw,
	.command = reader_command,
	.click = reader_click,
	.wheel = reader_wheel,
	.current = reader_current,
};

/* The poster of a workshop: see poster.h.  Everything is drawn through a
 * few primitives (text, rectangle, line, circle) that write SVG through
 * xmlTextWriter, so that escaping is libxml2's; while the pages are only
 * counted, there is no writer and the primitives draw nothing. */
#include "exports/poster.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include <libxml/xmlwriter.h>

#include "exports/dot.h"
#include "model/analysis.h"
#include "model/db.h"
#include "model/impact.h"
#include "model/item.h"
#include "model/listing.h"
#include "util/display.h"
#include "util/grow.h"
#include "util/i18n.h"
#include "util/text.h"

extern char **environ;

/* The page, in millimetres: A3 landscape. */
#define PAGE_W 420.0
#define PAGE_H 297.0
#define MARGIN 15.0
#define BODY_W (PAGE_W - 2 * MARGIN)
#define BODY_TOP 52.0
#define BODY_BOTTOM 280.0
#define GAP 10.0

/* Type sizes in millimetres: 5 mm is about 14 pt, readable on A3. */
#define SIZE_TITLE 12.0
#define SIZE_STEP 10.0
#define SIZE_QUESTION 8.0
#define SIZE_HEADING 7.0
#define SIZE_LABEL 6.0
#define SIZE_BODY 5.5
#define SIZE_SMALL 5.0
#define LEADING 1.25
/* A display column of DejaVu Sans in ems: a little above its average
 * advance, so that a wrapped line stays inside its box. */
#define EM_COLUMN 0.6
#define EM_COLUMN_BOLD 0.66

#define INK "#1a1a1a"
#define GREY "#595959"
#define ACCENT "#1f4e79"
#define PALE "#eef3f8"
#define RULE "#b0b0b0"
#define CARD "#fff8dc"
#define CARD_EDGE "#c9b66b"

#define FONTS "DejaVu Sans, sans-serif"

enum { T_BOLD = 1, T_END = 2, T_MIDDLE = 4, T_VERTICAL = 8 };

/* Columns of text on the page, filled one after another. */
struct flow {
	int n, col;
	double w, top;   /* a column's width; where columns start on this page */
};

struct poster {
	struct db *db;
	enum poster_format format;
	struct session s;
	bool have_session;
	FILE *out;
	FILE *page_file;          /* PDF: the page being written */
	xmlTextWriterPtr w;       /* NULL while the pages are counted */
	bool counting;
	int page, pages;
	const char *step;         /* the step's heading, translated */
	bool continued;
	double y;                 /* the top of what comes next */
	struct flow flow;
	char dir[PATH_MAX / 2];   /* PDF: where the pages are put */
	enum status rc;
};

#define X(s) ((const xmlChar *)(s))

/* ---- text made safe, and wrapped ---- */

/* The UTF-8 of WC at OUT; its length. */
static size_t put_wc(char *out, wchar_t wc)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = wcrtomb(out, wc, &st);
	if (n == (size_t)-1) {
		memcpy(out, "\xef\xbf\xbd", 3);
		n = 3;
	}
	return n;
}

/* What stands on paper for WC. */
static wchar_t safe_char(wchar_t wc)
{
	if (wc == L'\n')
		return wc;
	if (wc == L'\t')
		return L' ';
	if (wc < 0x20)
		return 0x2400 + wc;
	if (wc == 0x7f)
		return 0x2421;
	return iswprint((wint_t)wc) ? wc : 0xFFFD;
}

static int put_safe(void *ctx, wchar_t wc)
{
	char **o = ctx;
	*o += put_wc(*o, safe_char(wc));
	return 0;
}

char *poster_clean(const char *text)
{
	text = text ? text : "";
	/* each byte becomes at most three: U+FFFD and U+24xx take three */
	char *out = malloc(3 * strlen(text) + 1), *o = out;
	if (!out)
		return NULL;
	display_decode(text, put_safe, &o);
	*o = '\0';
	return out;
}

/* The bytes of the longest start of TEXT within COLUMNS, at least one
 * character (a character wider than the line stands alone). */
static size_t cut_columns(const char *text, int columns)
{
	char buf[2048];
	display_cut(buf, sizeof buf, text, columns);
	size_t n = strlen(buf);
	if (n == 0) {
		int one = mblen(text, MB_CUR_MAX);
		n = one > 0 ? (size_t)one : 1;
	}
	return n;
}

/* Whether a cut of TEXT after N bytes falls between two letters of an
 * alphabet that hyphenates (not between two ideographs). */
static bool splits_letters(const char *text, size_t n)
{
	size_t start = n;
	while (start > 0 && ((unsigned char)text[start - 1] & 0xC0) == 0x80)
		start--;
	if (start > 0)
		start--;
	wchar_t before, after;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	if (mbrtowc(&before, text + start, n - start, &st) != n - start)
		return false;
	memset(&st, 0, sizeof st);
	size_t len = mbrtowc(&after, text + n, MB_CUR_MAX, &st);
	if (len == 0 || len > MB_CUR_MAX)
		return false;
	return iswalpha((wint_t)before) && iswalpha((wint_t)after) && wcwidth(before) == 1 &&
		wcwidth(after) == 1;
}

/* The line of TEXT's first N bytes with a hyphen after them. */
static int hyphenated(const char *text, size_t n, poster_line_fn line, void *ctx)
{
	char *with = malloc(n + 2);
	if (!with)
		return line(ctx, text, n);
	memcpy(with, text, n);
	with[n] = '-';
	int stop = line(ctx, with, n + 1);
	free(with);
	return stop;
}

/* One paragraph (no newline) into lines; false when LINE stopped. */
static bool wrap_paragraph(const char *para, int columns, poster_line_fn line, void *ctx,
	size_t *lines)
{
	const char *s = para + strspn(para, " ");
	if (!*s) {
		++*lines;
		return !line || line(ctx, s, 0) == 0;
	}
	while (*s) {
		size_t n = text_wrap_piece(s, columns), fits = cut_columns(s, columns);
		if (n == 0 || n > fits) {
			/* a word longer than the line: cut, with a hyphen where it
			 * splits letters ("Digitalisierungs-", "verantwortliche") */
			size_t shorter = columns > 1 ? cut_columns(s, columns - 1) : 0;
			if (shorter > 0 && splits_letters(s, shorter)) {
				++*lines;
				if (line && hyphenated(s, shorter, line, ctx) != 0)
					return false;
				s += shorter;
				continue;
			}
			n = fits;
		}
		size_t shown = n;
		while (shown > 0 && s[shown - 1] == ' ')
			shown--;
		++*lines;
		if (line && line(ctx, s, shown) != 0)
			return false;
		s += n;
		s += strspn(s, " ");
	}
	return true;
}

size_t poster_wrap(const char *text, int columns, poster_line_fn line, void *ctx)
{
	size_t lines = 0;
	columns = columns < 1 ? 1 : columns;
	for (const char *p = text ? text : "";;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *para = strndup(p, len);
		bool go_on = para && wrap_paragraph(para, columns, line, ctx, &lines);
		free(para);
		if (!go_on || !nl)
			break;
		p = nl + 1;
	}
	return lines;
}

static int columns_for(double width, double size, unsigned flags)
{
	int c = (int)(width / (size * (flags & T_BOLD ? EM_COLUMN_BOLD : EM_COLUMN)));
	return c < 1 ? 1 : c;
}

/* ---- the primitives ---- */

static bool drawing(const struct poster *p)
{
	return p->w && p->rc == STATUS_OK;
}

static void fail_write(struct poster *p)
{
	if (p->rc == STATUS_OK)
		p->rc = db_fail(p->db, STATUS_IO, "%s", _("writing the poster failed"));
}

static void fail_memory(struct poster *p)
{
	if (p->rc == STATUS_OK)
		p->rc = db_fail(p->db, STATUS_NOMEM, "%s", _("out of memory"));
}

static void el_start(struct poster *p, const char *name)
{
	if (drawing(p) && xmlTextWriterStartElement(p->w, X(name)) < 0)
		fail_write(p);
}

static void el_end(struct poster *p)
{
	if (drawing(p) && xmlTextWriterEndElement(p->w) < 0)
		fail_write(p);
}

static void attr(struct poster *p, const char *name, const char *value)
{
	if (drawing(p) && xmlTextWriterWriteAttribute(p->w, X(name), X(value)) < 0)
		fail_write(p);
}

static void attr_num(struct poster *p, const char *name, double v)
{
	char buf[32];
	snprintf(buf, sizeof buf, "%.2f", v);
	attr(p, name, buf);
}

static void svg_rect(struct poster *p, double x, double y, double w, double h, const char *fill,
	const char *stroke)
{
	el_start(p, "rect");
	attr_num(p, "x", x);
	attr_num(p, "y", y);
	attr_num(p, "width", w);
	attr_num(p, "height", h);
	attr(p, "fill", fill);
	if (stroke) {
		attr(p, "stroke", stroke);
		attr(p, "stroke-width", "0.3");
	}
	el_end(p);
}

static void svg_line(struct poster *p, double x1, double y1, double x2, double y2,
	const char *stroke, bool dashed)
{
	el_start(p, "line");
	attr_num(p, "x1", x1);
	attr_num(p, "y1", y1);
	attr_num(p, "x2", x2);
	attr_num(p, "y2", y2);
	attr(p, "stroke", stroke);
	attr(p, "stroke-width", dashed ? "0.4" : "0.3");
	if (dashed)
		attr(p, "stroke-dasharray", "2 1.5");
	el_end(p);
}

static void svg_circle(struct poster *p, double cx, double cy, double r, const char *fill)
{
	el_start(p, "circle");
	attr_num(p, "cx", cx);
	attr_num(p, "cy", cy);
	attr_num(p, "r", r);
	attr(p, "fill", fill);
	attr(p, "stroke", INK);
	attr(p, "stroke-width", "0.3");
	el_end(p);
}

/* LEN bytes of TEXT (all when LEN is SIZE_MAX), made safe, with its
 * baseline at X, Y. */
static void svg_text_len(struct poster *p, double x, double y, double size, unsigned flags,
	const char *fill, const char *text, size_t len)
{
	if (!drawing(p))
		return;
	char *part = strndup(text ? text : "", len);
	char *clean = part ? poster_clean(part) : NULL;
	free(part);
	if (!clean) {
		fail_memory(p);
		return;
	}
	el_start(p, "text");
	attr_num(p, "x", x);
	attr_num(p, "y", y);
	attr_num(p, "font-size", size);
	if (flags & T_BOLD)
		attr(p, "font-weight", "bold");
	if (flags & (T_END | T_MIDDLE))
		attr(p, "text-anchor", flags & T_END ? "end" : "middle");
	if (flags & T_VERTICAL) {
		char turn[64];
		snprintf(turn, sizeof turn, "rotate(-90 %.2f %.2f)", x, y);
		attr(p, "transform", turn);
	}
	attr(p, "fill", fill);
	if (drawing(p) && xmlTextWriterWriteString(p->w, X(clean)) < 0)
		fail_write(p);
	el_end(p);
	free(clean);
}

static void svg_text(struct poster *p, double x, double y, double size, unsigned flags,
	const char *fill, const char *text)
{
	svg_text_len(p, x, y, size, flags, fill, text, SIZE_MAX);
}

/* TEXT on one line of WIDTH, cut with "…" when longer. */
static void svg_text_fit(struct poster *p, double x, double y, double width, double size,
	unsigned flags, const char *fill, const char *text)
{
	int columns = columns_for(width, size, flags);
	char *clean = poster_clean(text);
	if (!clean) {
		fail_memory(p);
		return;
	}
	for (char *nl = strchr(clean, '\n'); nl; nl = strchr(nl, '\n'))
		*nl = ' ';   /* one line */
	char cut[1024];
	if (display_width(clean) > columns) {
		display_cut(cut, sizeof cut - 4, clean, columns - 1);
		strcat(cut, "…");
	} else {
		display_cut(cut, sizeof cut, clean, columns);
	}
	svg_text(p, x, y, size, flags, fill, cut);
	free(clean);
}

/* The baseline of a line whose box starts at TOP. */
static double baseline(double top, double size)
{
	return top + size * 0.95;
}

static double line_height(double size)
{
	return size * LEADING;
}

/* ---- wrapped blocks ---- */

static size_t count_lines(struct poster *p, const char *text, double width, double size,
	unsigned flags)
{
	char *clean = poster_clean(text);
	if (!clean) {
		fail_memory(p);
		return 1;
	}
	size_t n = poster_wrap(clean, columns_for(width, size, flags), NULL, NULL);
	free(clean);
	return n;
}

struct block_draw {
	struct poster *p;
	double x, y, size;
	unsigned flags;
	const char *fill;
	int columns;
	size_t n, max, total;
};

static int draw_block_line(void *ctx, const char *line, size_t len)
{
	struct block_draw *b = ctx;
	double y = baseline(b->y + (double)b->n * line_height(b->size), b->size);
	if (b->max && b->n + 1 == b->max && b->total > b->max) {
		/* the last line there is room for says that more follows */
		char *part = strndup(line, len), cut[1024];
		if (!part) {
			fail_memory(b->p);
			return 1;
		}
		display_cut(cut, sizeof cut - 4, part, b->columns - 1);
		strcat(cut, "…");
		svg_text(b->p, b->x, y, b->size, b->flags, b->fill, cut);
		free(part);
		return 1;
	}
	svg_text_len(b->p, b->x, y, b->size, b->flags, b->fill, line, len);
	return ++b->n == b->max;
}

/* TEXT wrapped into WIDTH, its first line's box at X, Y, at most MAX
 * lines (0: all; a cut text ends in "…").  Returns the height used. */
static double draw_block(struct poster *p, double x, double y, double width, double size,
	unsigned flags, const char *fill, const char *text, size_t max)
{
	size_t total = count_lines(p, text, width, size, flags);
	size_t shown = max && total > max ? max : total;
	if (drawing(p)) {
		char *clean = poster_clean(text);
		if (!clean) {
			fail_memory(p);
			return 0;
		}
		struct block_draw b = { p, x, y, size, flags, fill, columns_for(width, size, flags), 0, max,
			total };
		poster_wrap(clean, b.columns, draw_block_line, &b);
		free(clean);
	}
	return (double)shown * line_height(size);
}

static double block_height(struct poster *p, const char *text, double width, double size,
	unsigned flags, size_t max)
{
	size_t n = count_lines(p, text, width, size, flags);
	return (double)(max && n > max ? max : n) * line_height(size);
}

/* ---- pages ---- */

static void page_svg_start(struct poster *p, bool standalone)
{
	el_start(p, "svg");
	if (standalone) {
		attr(p, "xmlns", "http://www.w3.org/2000/svg");
		attr(p, "width", "420mm");
		attr(p, "height", "297mm");
		attr(p, "font-family", FONTS);
	} else {
		attr(p, "x", "0");
		attr_num(p, "y", (p->page - 1) * PAGE_H);
		attr(p, "width", "420");
		attr(p, "height", "297");
	}
	attr(p, "viewBox", "0 0 420 297");
}

static void page_file_path(const struct poster *p, int page, char *path, size_t size)
{
	snprintf(path, size, "%s/page-%04d.svg", p->dir, page);
}

/* PDF: each page a document of its own in the folder. */
static void page_file_open(struct poster *p)
{
	char path[PATH_MAX];
	page_file_path(p, p->page, path, sizeof path);
	p->page_file = fopen(path, "w");
	xmlOutputBufferPtr buf = p->page_file ? xmlOutputBufferCreateFile(p->page_file, NULL) : NULL;
	p->w = buf ? xmlNewTextWriter(buf) : NULL;
	if (!p->w) {
		if (buf)
			xmlOutputBufferClose(buf);
		if (p->rc == STATUS_OK)
			p->rc = db_fail(p->db, STATUS_IO, "%s: %s", path, strerror(errno ? errno : EIO));
		return;
	}
	if (xmlTextWriterStartDocument(p->w, "1.0", "UTF-8", NULL) < 0)
		fail_write(p);
}

static void page_file_close(struct poster *p)
{
	if (!p->w)
		return;
	if (p->rc == STATUS_OK && xmlTextWriterEndDocument(p->w) < 0)
		fail_write(p);
	xmlFreeTextWriter(p->w);   /* closes the output buffer, not the FILE */
	p->w = NULL;
	if (p->page_file && fclose(p->page_file) != 0 && p->rc == STATUS_OK)
		p->rc = db_fail(p->db, STATUS_IO, "%s", _("writing the poster failed"));
	p->page_file = NULL;
}

static void draw_header(struct poster *p)
{
	svg_text_fit(p, MARGIN, 20, BODY_W, SIZE_TITLE, T_BOLD, ACCENT, p->s.title);
	char when[1024];
	const char *date = p->s.date ? p->s.date : "", *place = p->s.place ? p->s.place : "";
	snprintf(when, sizeof when, "%s%s%s", date, *date && *place ? " · " : "", place);
	svg_text_fit(p, MARGIN, 29, BODY_W, SIZE_LABEL, 0, GREY, when);
	char heading[512];
	if (p->continued)
		snprintf(heading, sizeof heading, _("%s (continued)"), p->step);
	else
		snprintf(heading, sizeof heading, "%s", p->step);
	svg_text_fit(p, MARGIN, 42, BODY_W, SIZE_STEP, T_BOLD, INK, heading);
	svg_line(p, MARGIN, 46, PAGE_W - MARGIN, 46, ACCENT, false);
}

static void draw_footer(struct poster *p)
{
	char page[64];
	snprintf(page, sizeof page, _("Page %d of %d"), p->page, p->pages);
	svg_line(p, MARGIN, 284, PAGE_W - MARGIN, 284, RULE, false);
	svg_text(p, PAGE_W - MARGIN, 290, SIZE_SMALL, T_END, GREY, page);
	svg_text(p, MARGIN, 290, SIZE_SMALL, 0, GREY, "didat · DiDaT");
}

static void page_begin(struct poster *p)
{
	p->page++;
	p->y = BODY_TOP;
	if (p->counting || p->rc != STATUS_OK)
		return;
	if (p->format == POSTER_PDF)
		page_file_open(p);
	if (p->format == POSTER_HTML) {
		el_start(p, "section");
		attr(p, "class", "page");
	}
	page_svg_start(p, p->format != POSTER_SVG);
	svg_rect(p, 0, 0, PAGE_W, PAGE_H, "white", NULL);
	draw_header(p);
}

static void page_end(struct poster *p)
{
	if (p->counting || p->rc != STATUS_OK)
		return;
	draw_footer(p);
	el_end(p);   /* svg */
	if (p->format == POSTER_HTML)
		el_end(p);
	if (p->format == POSTER_PDF)
		page_file_close(p);
}

static void step_begin(struct poster *p, const char *heading)
{
	if (p->page)
		page_end(p);
	p->step = heading;
	p->continued = false;
	page_begin(p);
}

/* The step goes on, on a page of its own. */
static void page_next(struct poster *p)
{
	page_end(p);
	p->continued = true;
	page_begin(p);
}

/* ---- flowing columns ---- */

static void flow_start(struct poster *p, int n)
{
	p->flow = (struct flow){ n, 0, (BODY_W - (n - 1) * GAP) / n, p->y };
}

static double flow_x(const struct poster *p)
{
	return MARGIN + p->flow.col * (p->flow.w + GAP);
}

static void flow_break(struct poster *p)
{
	if (p->flow.col + 1 < p->flow.n) {
		p->flow.col++;
	} else {
		page_next(p);
		p->flow.col = 0;
		p->flow.top = BODY_TOP;
	}
	p->y = p->flow.top;
}

/* What is H high goes to the next column when it does not fit here but
 * there. */
static void flow_keep(struct poster *p, double h)
{
	if (p->y + h > BODY_BOTTOM && p->y > p->flow.top)
		flow_break(p);
}

struct flow_draw {
	struct poster *p;
	double size, indent;
	unsigned flags;
	const char *fill;
};

static int flow_line(void *ctx, const char *line, size_t len)
{
	struct flow_draw *f = ctx;
	struct poster *p = f->p;
	if (p->y + line_height(f->size) > BODY_BOTTOM && p->y > p->flow.top)
		flow_break(p);
	svg_text_len(p, flow_x(p) + f->indent, baseline(p->y, f->size), f->size, f->flags, f->fill,
		line, len);
	p->y += line_height(f->size);
	return p->rc != STATUS_OK;
}

/* TEXT wrapped into the flow, line after line: a long text goes on in
 * the next column or page, whole. */
static void flow_text(struct poster *p, const char *text, double size, unsigned flags,
	const char *fill, double indent)
{
	char *clean = poster_clean(text);
	if (!clean) {
		fail_memory(p);
		return;
	}
	struct flow_draw f = { p, size, indent, flags, fill };
	poster_wrap(clean, columns_for(p->flow.w - indent, size, flags), flow_line, &f);
	free(clean);
}

static double flow_text_height(struct poster *p, const char *text, double size, unsigned flags,
	double indent)
{
	return block_height(p, text, p->flow.w - indent, size, flags, 0);
}

/* A heading kept with the NEXT millimetres that follow it (at least two
 * lines of body text; no more than a column holds). */
static void flow_heading(struct poster *p, const char *text, double size, double next)
{
	p->y += p->y > p->flow.top ? 2 : 0;
	double h = flow_text_height(p, text, size, T_BOLD, 0) + 1;
	next = next > 2 * line_height(SIZE_BODY) ? next : 2 * line_height(SIZE_BODY);
	if (h + next > BODY_BOTTOM - BODY_TOP)
		next = 2 * line_height(SIZE_BODY);
	flow_keep(p, h + next);
	flow_text(p, text, size, T_BOLD, ACCENT, 0);
	p->y += 1;
}

/* An item: HEAD (bold) and BODY below it (either may be NULL), kept
 * together when they fit a column. */
static void flow_item(struct poster *p, const char *head, const char *body, double indent)
{
	double h = (head ? flow_text_height(p, head, SIZE_BODY, T_BOLD, indent) : 0) +
		(body && *body ? flow_text_height(p, body, SIZE_SMALL, 0, indent + 4) : 0);
	flow_keep(p, h);
	if (head)
		flow_text(p, head, SIZE_BODY, T_BOLD, INK, indent);
	if (body && *body)
		flow_text(p, body, SIZE_SMALL, 0, GREY, indent + 4);
	p->y += 1.5;
}

static void flow_none(struct poster *p)
{
	flow_text(p, _("(none)"), SIZE_BODY, 0, GREY, 0);
}

/* ---- reading ---- */

static bool read_ok(struct poster *p, enum status rc)
{
	if (rc != STATUS_OK && p->rc == STATUS_OK)
		p->rc = rc;
	return p->rc == STATUS_OK;
}

/* The ids of KIND in ORDER; NULL (and *N 0) on failure. */
static int64_t *ids_of(struct poster *p, enum item_kind kind, enum listing_order order, size_t *n)
{
	struct listing_query q = { kind, p->s.id, order, 0 };
	int64_t *ids = NULL;
	*n = 0;
	if (!read_ok(p, listing_ids(p->db, &q, &ids, n))) {
		free(ids);
		*n = 0;
		return NULL;
	}
	return ids;
}

/* "3 Cloud", or "Without component", into BUF. */
static void component_heading(struct poster *p, int64_t id, char *buf, size_t size)
{
	const struct item_type *t = item_type(ITEM_COMPONENT);
	struct component c;
	snprintf(buf, size, "%s", _("Without component"));
	if (id && read_ok(p, item_read(p->db, t, id, &c))) {
		snprintf(buf, size, "%lld %s", (long long)c.number, c.name ? c.name : "");
		item_clear(t, &c);
	}
}

/* ---- step 1: guiding question, system boundaries, components ---- */

static const char *value_or_dash(const char *v)
{
	return v && *v ? v : "–";
}

#define BOX_PAD 3.0

static double boundary_box_height(struct poster *p, const char *value, double w, size_t max)
{
	return BOX_PAD + line_height(SIZE_LABEL) + block_height(p, value_or_dash(value),
		w - 2 * BOX_PAD, SIZE_BODY, 0, max) + BOX_PAD;
}

/* Two boundaries side by side, as boxes of one height. */
static void boundary_row(struct poster *p, const char *const names[2])
{
	const struct item_type *t = item_type(ITEM_SESSION);
	double w = (BODY_W - GAP) / 2;
	/* a box never outgrows a page */
	size_t max = (size_t)((BODY_BOTTOM - BODY_TOP - 3 * BOX_PAD - line_height(SIZE_LABEL)) /
		line_height(SIZE_BODY));
	const char *values[2];
	double h = 0;
	for (int i = 0; i < 2; i++) {
		const struct item_field *f = item_field_by_name(t, names[i]);
		values[i] = *(char *const *)((const char *)&p->s + f->offset);
		double hi = boundary_box_height(p, values[i], w, max);
		h = hi > h ? hi : h;
	}
	if (p->y + h > BODY_BOTTOM)
		page_next(p);
	for (int i = 0; i < 2; i++) {
		double x = MARGIN + i * (w + GAP);
		svg_rect(p, x, p->y, w, h, PALE, RULE);
		svg_text(p, x + BOX_PAD, baseline(p->y + BOX_PAD, SIZE_LABEL), SIZE_LABEL, T_BOLD,
			ACCENT, _(item_field_by_name(t, names[i])->label));
		draw_block(p, x + BOX_PAD, p->y + BOX_PAD + line_height(SIZE_LABEL), w - 2 * BOX_PAD,
			SIZE_BODY, 0, INK, value_or_dash(values[i]), max);
	}
	p->y += h + 4;
}

static int on_component(void *ctx, const void *item)
{
	struct poster *p = ctx;
	const struct component *c = item;
	char head[512];
	snprintf(head, sizeof head, "%lld  %s", (long long)c->number, c->name ? c->name : "");
	flow_item(p, head, c->question, 0);
	return p->rc != STATUS_OK;
}

static void step_question(struct poster *p)
{
	step_begin(p, _("1 Guiding question and system boundaries"));
	flow_start(p, 1);
	flow_heading(p, _("Guiding question"), SIZE_HEADING, 0);
	flow_text(p, value_or_dash(p->s.question), SIZE_QUESTION, T_BOLD, INK, 0);
	p->y += 4;
	flow_start(p, 1);
	flow_heading(p, _("System boundaries"), SIZE_HEADING, 0);
	static const char *const rows[2][2] = { { "inside", "outside" }, { "region", "horizon" } };
	boundary_row(p, rows[0]);
	boundary_row(p, rows[1]);
	flow_start(p, 2);
	flow_heading(p, _("Components"), SIZE_HEADING, 0);
	int64_t n = 0;
	if (read_ok(p, item_count(p->db, item_type(ITEM_COMPONENT), p->s.id, &n)) && n == 0)
		flow_none(p);
	else if (p->rc == STATUS_OK)
		read_ok(p, item_list(p->db, item_type(ITEM_COMPONENT), p->s.id, on_component, p));
}

/* ---- step 2: unseens by votes ---- */

#define RANK_X (MARGIN + 9)
#define TITLE_X (MARGIN + 12)
#define TITLE_W 215.0
#define BAR_X 250.0
#define BAR_W 105.0
#define VULN_X (PAGE_W - MARGIN)

static void unseen_table_head(struct poster *p)
{
	double y = baseline(p->y, SIZE_LABEL);
	svg_text(p, TITLE_X, y, SIZE_LABEL, T_BOLD, ACCENT, _("Unseen"));
	svg_text(p, BAR_X, y, SIZE_LABEL, T_BOLD, ACCENT, _("Votes"));
	svg_text(p, VULN_X, y, SIZE_LABEL, T_BOLD | T_END, ACCENT, _("Vulnerability"));
	p->y += line_height(SIZE_LABEL) + 1;
	svg_line(p, MARGIN, p->y, PAGE_W - MARGIN, p->y, ACCENT, false);
	p->y += 1.5;
}

static void unseen_row(struct poster *p, size_t rank, const struct unseen *u, int64_t max_votes)
{
	size_t max_lines = 12;
	double h = block_height(p, u->title, TITLE_W, SIZE_BODY, 0, max_lines);
	h = (h < line_height(SIZE_BODY) ? line_height(SIZE_BODY) : h) + 2;
	if (p->y + h > BODY_BOTTOM) {
		page_next(p);
		unseen_table_head(p);
	}
	char num[64];
	snprintf(num, sizeof num, "%zu.", rank);
	svg_text(p, RANK_X, baseline(p->y, SIZE_BODY), SIZE_BODY, T_END, GREY, num);
	draw_block(p, TITLE_X, p->y, TITLE_W, SIZE_BODY, 0, INK, u->title, max_lines);
	double bar = max_votes > 0 ? BAR_W * (double)u->votes / (double)max_votes : 0;
	if (bar > 0)
		svg_rect(p, BAR_X, p->y + 0.7, bar, SIZE_BODY * 0.85, ACCENT, NULL);
	snprintf(num, sizeof num, "%lld", (long long)u->votes);
	svg_text(p, BAR_X + bar + 2, baseline(p->y, SIZE_BODY), SIZE_BODY, T_BOLD, INK, num);
	double v = unseen_vulnerability(u);
	if (v < 0)
		snprintf(num, sizeof num, "–");
	else
		i18n_decimal(num, sizeof num, v);
	svg_text(p, VULN_X, baseline(p->y, SIZE_BODY), SIZE_BODY, T_END, INK, num);
	p->y += h;
	svg_line(p, MARGIN, p->y - 1, PAGE_W - MARGIN, p->y - 1, RULE, false);
}

static void step_unseens(struct poster *p)
{
	step_begin(p, _("2 Unseens"));
	const struct item_type *t = item_type(ITEM_UNSEEN);
	size_t n;
	int64_t *ids = ids_of(p, ITEM_UNSEEN, LISTING_VOTES, &n);
	flow_start(p, 1);
	if (p->rc == STATUS_OK && n == 0)
		flow_none(p);
	else if (p->rc == STATUS_OK)
		unseen_table_head(p);
	int64_t max_votes = 0;
	for (size_t i = 0; i < n && p->rc == STATUS_OK; i++) {
		struct unseen u;
		if (!read_ok(p, item_read(p->db, t, ids[i], &u)))
			break;
		if (i == 0)
			max_votes = u.votes;   /* the most votes come first */
		unseen_row(p, i + 1, &u, max_votes);
		item_clear(t, &u);
	}
	free(ids);
}

/* ---- step 3: impact matrix and the AS/PS plot ---- */

#define HEAT_W 200.0
#define LABEL_W 28.0
#define CELL_MAX 12.0
#define CELL_MIN 6.5

struct model {
	struct impact_matrix m;
	struct analysis_result r;
	char **labels;   /* a short name per variable */
};

static const char *strength_colour(int v)
{
	switch (v) {
	case 0: return "#f0f0f0";
	case 1: return "#fdd49e";
	case 2: return "#fc8d59";
	case 3: return "#d7301f";
	}
	return "white";   /* unrated (or off the scale) */
}

static bool model_labels(struct poster *p, struct model *md)
{
	const struct item_type *t = item_type(ITEM_VARIABLE);
	md->labels = calloc(md->m.n ? md->m.n : 1, sizeof *md->labels);
	if (!md->labels) {
		fail_memory(p);
		return false;
	}
	for (size_t i = 0; i < md->m.n; i++) {
		struct variable v;
		if (!read_ok(p, item_read(p->db, t, md->m.ids[i], &v)))
			return false;
		const char *label = v.short_name && *v.short_name ? v.short_name : v.name;
		md->labels[i] = strdup(label ? label : "");
		item_clear(t, &v);
		if (!md->labels[i]) {
			fail_memory(p);
			return false;
		}
	}
	return true;
}

static void model_free(struct model *md)
{
	for (size_t i = 0; md->labels && i < md->m.n; i++)
		free(md->labels[i]);
	free(md->labels);
	analysis_free(&md->r);
	impact_matrix_free(&md->m);
}

/* The cells R0.. × C0.. of the matrix, K at most each way, cells of
 * CELL millimetres, below a heading at the page's body top. */
static void heat_tile(struct poster *p, const struct model *md, size_t r0, size_t c0, size_t k,
	double cell)
{
	size_t n = md->m.n, r1 = r0 + k < n ? r0 + k : n, c1 = c0 + k < n ? c0 + k : n;
	svg_text(p, MARGIN, baseline(BODY_TOP, SIZE_HEADING), SIZE_HEADING, T_BOLD, ACCENT,
		_("Impact matrix"));
	double x0 = MARGIN + LABEL_W, y0 = BODY_TOP + line_height(SIZE_HEADING) + LABEL_W;
	double num = cell >= 8 ? SIZE_BODY : SIZE_SMALL;
	for (size_t j = c0; j < c1; j++)
		svg_text_fit(p, x0 + (double)(j - c0) * cell + cell / 2 + SIZE_SMALL * 0.35, y0 - 1.5,
			LABEL_W - 2, SIZE_SMALL, T_VERTICAL, INK, md->labels[j]);
	for (size_t i = r0; i < r1; i++) {
		double y = y0 + (double)(i - r0) * cell;
		svg_text_fit(p, MARGIN, y + cell / 2 + SIZE_SMALL * 0.35, LABEL_W - 2, SIZE_SMALL, 0,
			INK, md->labels[i]);
		for (size_t j = c0; j < c1; j++) {
			double x = x0 + (double)(j - c0) * cell;
			int v = md->m.cells[i * n + j];
			svg_rect(p, x, y, cell, cell, i == j ? "#d9d9d9" : strength_colour(v), RULE);
			if (i != j && v >= 0) {
				char text[16];
				snprintf(text, sizeof text, "%d", v);
				svg_text(p, x + cell / 2, y + cell / 2 + num * 0.35, num, T_MIDDLE,
					v >= 3 ? "white" : INK, text);
			}
		}
	}
	/* the legend under the tile */
	double y = y0 + (double)(r1 - r0) * cell + 4;
	static const char *const names[] = { N_("0 none"), N_("1 weak"), N_("2 medium"),
		N_("3 strong") };
	for (int v = 0; v <= md->m.scale && v < 4; v++) {
		double x = MARGIN + v * 42;
		svg_rect(p, x, y, 5, 5, strength_colour(v), RULE);
		svg_text(p, x + 6.5, y + 4.3, SIZE_SMALL, 0, INK, _(names[v]));
	}
	svg_text(p, MARGIN, y + 11, SIZE_SMALL, 0, GREY, _("Row influences column; empty: unrated"));
}

#define PLOT_X0 250.0
#define PLOT_X1 (PAGE_W - MARGIN - 5)
#define PLOT_Y0 (BODY_TOP + 14)
#define PLOT_Y1 (BODY_BOTTOM - 16)

static void plot_frame(struct poster *p, double mx, double my, long max)
{
	svg_text(p, 225, baseline(BODY_TOP, SIZE_HEADING), SIZE_HEADING, T_BOLD, ACCENT,
		_("Active and passive sums (AS, PS)"));
	svg_rect(p, PLOT_X0, PLOT_Y0, PLOT_X1 - PLOT_X0, PLOT_Y1 - PLOT_Y0, "white", INK);
	svg_line(p, mx, PLOT_Y0, mx, PLOT_Y1, GREY, true);
	svg_line(p, PLOT_X0, my, PLOT_X1, my, GREY, true);
	/* the quadrants: AS grows to the right, PS upwards */
	double pad = 2;
	svg_text(p, PLOT_X0 + pad, PLOT_Y0 + 7, SIZE_LABEL, T_BOLD, GREY,
		analysis_role_label(ANALYSIS_REACTIVE));
	svg_text(p, PLOT_X1 - pad, PLOT_Y0 + 7, SIZE_LABEL, T_BOLD | T_END, GREY,
		analysis_role_label(ANALYSIS_CRITICAL));
	svg_text(p, PLOT_X0 + pad, PLOT_Y1 - pad, SIZE_LABEL, T_BOLD, GREY,
		analysis_role_label(ANALYSIS_BUFFERING));
	svg_text(p, PLOT_X1 - pad, PLOT_Y1 - pad, SIZE_LABEL, T_BOLD | T_END, GREY,
		analysis_role_label(ANALYSIS_ACTIVE));
	char num[32];
	snprintf(num, sizeof num, "%ld", max);
	svg_text(p, PLOT_X0, PLOT_Y1 + 6, SIZE_SMALL, T_MIDDLE, INK, "0");
	svg_text(p, PLOT_X1, PLOT_Y1 + 6, SIZE_SMALL, T_MIDDLE, INK, num);
	svg_text(p, PLOT_X0 - 2, PLOT_Y0 + 4, SIZE_SMALL, T_END, INK, num);
	svg_text(p, (PLOT_X0 + PLOT_X1) / 2, PLOT_Y1 + 12, SIZE_LABEL, T_MIDDLE, INK,
		_("Active sum (AS)"));
	svg_text(p, PLOT_X0 - 6, (PLOT_Y0 + PLOT_Y1) / 2, SIZE_LABEL, T_MIDDLE | T_VERTICAL, INK,
		_("Passive sum (PS)"));
}

static void scatter_plot(struct poster *p, const struct model *md)
{
	long max = 1;
	for (size_t i = 0; i < md->m.n; i++) {
		max = md->r.vars[i].as > max ? md->r.vars[i].as : max;
		max = md->r.vars[i].ps > max ? md->r.vars[i].ps : max;
	}
	double sx = (PLOT_X1 - PLOT_X0) / (double)max, sy = (PLOT_Y1 - PLOT_Y0) / (double)max;
	plot_frame(p, PLOT_X0 + md->r.mean_sum * sx, PLOT_Y1 - md->r.mean_sum * sy, max);
	for (size_t i = 0; i < md->m.n; i++) {
		const struct analysis_variable *v = &md->r.vars[i];
		double x = PLOT_X0 + (double)v->as * sx, y = PLOT_Y1 - (double)v->ps * sy;
		svg_circle(p, x, y, 1.6, dot_role_colour(v->role));
		bool left = x > PLOT_X1 - 30;   /* labels near the right edge go left */
		svg_text_fit(p, left ? x - 2.5 : x + 2.5, y + 1.8, 40, SIZE_SMALL, left ? T_END : 0, INK,
			md->labels[i]);
	}
}

static void step_model(struct poster *p)
{
	step_begin(p, _("3 System model"));
	struct model md = { 0 };
	if (!read_ok(p, impact_matrix_load(p->db, p->s.id, &md.m)))
		return;
	if (!read_ok(p, analysis_run(md.m.cells, md.m.n, NULL, &md.r)) || !model_labels(p, &md)) {
		model_free(&md);
		return;
	}
	size_t n = md.m.n;
	if (n == 0) {
		flow_start(p, 1);
		flow_none(p);
		model_free(&md);
		return;
	}
	double room_h = BODY_BOTTOM - BODY_TOP - line_height(SIZE_HEADING) - LABEL_W - 16;
	double cell = (HEAT_W - LABEL_W) / (double)n;
	cell = room_h / (double)n < cell ? room_h / (double)n : cell;
	cell = cell > CELL_MAX ? CELL_MAX : cell;
	size_t k = n;
	if (cell < CELL_MIN) {
		/* too many variables for one readable tile: tiles of K × K */
		cell = CELL_MIN;
		size_t kw = (size_t)((HEAT_W - LABEL_W) / cell), kh = (size_t)(room_h / cell);
		k = kw < kh ? kw : kh;
	}
	scatter_plot(p, &md);
	for (size_t r0 = 0; r0 < n && p->rc == STATUS_OK; r0 += k)
		for (size_t c0 = 0; c0 < n && p->rc == STATUS_OK; c0 += k) {
			if (r0 || c0)
				page_next(p);
			heat_tile(p, &md, r0, c0, k, cell);
		}
	model_free(&md);
}

/* ---- step 4: goals and goal conflicts ---- */

static void goal_list(struct poster *p)
{
	const struct item_type *t = item_type(ITEM_GOAL);
	size_t n;
	int64_t *ids = ids_of(p, ITEM_GOAL, LISTING_COMPONENT, &n);
	if (p->rc == STATUS_OK && n == 0)
		flow_none(p);
	int64_t component = -1;
	for (size_t i = 0; i < n && p->rc == STATUS_OK; i++) {
		struct goal g;
		if (!read_ok(p, item_read(p->db, t, ids[i], &g)))
			break;
		char *bullet = malloc(strlen(g.text ? g.text : "") + 8);
		if (bullet) {
			sprintf(bullet, "• %s", g.text ? g.text : "");
			double h = flow_text_height(p, bullet, SIZE_BODY, 0, 0);
			if (g.component_id != component) {
				char head[512];
				component = g.component_id;
				component_heading(p, component, head, sizeof head);
				flow_heading(p, head, SIZE_LABEL, h);
			}
			flow_keep(p, h);
			flow_text(p, bullet, SIZE_BODY, 0, INK, 0);
			p->y += 1.5;
			free(bullet);
		} else {
			fail_memory(p);
		}
		item_clear(t, &g);
	}
	free(ids);
}

/* The text of goal ID into a malloc'd string ("?" when unreadable). */
static char *goal_text(struct poster *p, int64_t id)
{
	const struct item_type *t = item_type(ITEM_GOAL);
	struct goal g;
	if (!read_ok(p, item_read(p->db, t, id, &g)))
		return NULL;
	char *text = strdup(g.text ? g.text : "");
	item_clear(t, &g);
	if (!text)
		fail_memory(p);
	return text;
}

static void conflict_list(struct poster *p)
{
	const struct item_type *t = item_type(ITEM_CONFLICT);
	size_t n;
	int64_t *ids = ids_of(p, ITEM_CONFLICT, LISTING_DEFAULT, &n);
	if (p->rc == STATUS_OK && n == 0)
		flow_none(p);
	for (size_t i = 0; i < n && p->rc == STATUS_OK; i++) {
		struct conflict c;
		if (!read_ok(p, item_read(p->db, t, ids[i], &c)))
			break;
		char *a = goal_text(p, c.goal_a), *b = goal_text(p, c.goal_b);
		char *head = a && b ? malloc(strlen(a) + strlen(b) + 8) : NULL;
		if (head) {
			sprintf(head, "%s ↔ %s", a, b);
			flow_item(p, head, c.description, 0);
		} else if (a && b) {
			fail_memory(p);
		}
		free(head);
		free(a);
		free(b);
		item_clear(t, &c);
	}
	free(ids);
}

static void step_goals(struct poster *p)
{
	step_begin(p, _("4 Goals"));
	flow_start(p, 2);
	flow_heading(p, _("Goals"), SIZE_HEADING, 0);
	goal_list(p);
	flow_heading(p, _("Goal conflicts"), SIZE_HEADING, 0);
	conflict_list(p);
}

/* ---- step 5: the bundle board, then SoRO ---- */

#define BOARD_COLUMNS 8    /* at most, side by side; more go on further pages */
#define CARD_PAD 1.8

struct board_column {
	int64_t actor;     /* 0: the measures without an actor group */
	char *letter, *name;
	size_t first, count, next;   /* their measures in the board's order */
};

struct board {
	struct board_column *cols;
	size_t n, cap;
	int64_t *order;    /* the measures' ids, column after column */
	size_t norder;
	bool nomem;
};

static int on_actor(void *ctx, const void *item)
{
	struct board *b = ctx;
	const struct actor *a = item;
	struct board_column *grown = grow(b->cols, b->n, &b->cap, sizeof *b->cols, 8);
	if (grown) {
		b->cols = grown;
		b->cols[b->n] = (struct board_column){ a->id, strdup(a->letter ? a->letter : ""),
			strdup(a->name ? a->name : ""), 0, 0, 0 };
		struct board_column *c = &b->cols[b->n++];
		b->nomem = !c->letter || !c->name;
	}
	b->nomem = b->nomem || !grown;
	return b->nomem;
}

static size_t column_of(const struct board *b, size_t nactors, int64_t actor)
{
	for (size_t c = 0; c < nactors; c++)
		if (b->cols[c].actor == actor)
			return c;
	return nactors;
}

/* The measures sorted into the columns (a counting sort of ids). */
static bool board_sort(struct poster *p, struct board *b, const int64_t *ids, size_t n)
{
	size_t nactors = b->n, *col = calloc(n ? n : 1, sizeof *col);
	b->order = calloc(n ? n : 1, sizeof *b->order);
	if (!col || !b->order) {
		free(col);
		fail_memory(p);
		return false;
	}
	size_t without = 0;
	for (size_t i = 0; i < n; i++) {
		struct measure m;
		if (!read_ok(p, item_read(p->db, item_type(ITEM_MEASURE), ids[i], &m)))
			break;
		col[i] = column_of(b, nactors, m.actor_id);
		if (col[i] < nactors)
			b->cols[col[i]].count++;
		else
			without++;
		item_clear(item_type(ITEM_MEASURE), &m);
	}
	if (p->rc == STATUS_OK && without &&
	    on_actor(b, &(struct actor){ .letter = "", .name = _("Without actor group") }) != 0)
		fail_memory(p);
	if (p->rc == STATUS_OK && without)
		b->cols[nactors].count = without;
	for (size_t c = 0, at = 0; p->rc == STATUS_OK && c < b->n; at += b->cols[c++].count)
		b->cols[c].first = b->cols[c].next = at;
	for (size_t i = 0; p->rc == STATUS_OK && i < n; i++)
		b->order[b->cols[col[i]].next++] = ids[i];
	for (size_t c = 0; c < b->n; c++)
		b->cols[c].next = b->cols[c].first;
	b->norder = n;
	free(col);
	return p->rc == STATUS_OK;
}

static void board_free(struct board *b)
{
	for (size_t c = 0; c < b->n; c++) {
		free(b->cols[c].letter);
		free(b->cols[c].name);
	}
	free(b->cols);
	free(b->order);
}

#define HEAD_LINES 3

static double column_head(struct poster *p, const struct board_column *c, double x, double w)
{
	double h = CARD_PAD + line_height(SIZE_HEADING) + HEAD_LINES * line_height(SIZE_SMALL) +
		CARD_PAD;
	svg_rect(p, x, p->y, w, h, PALE, RULE);
	svg_text(p, x + CARD_PAD, baseline(p->y + CARD_PAD, SIZE_HEADING), SIZE_HEADING, T_BOLD,
		ACCENT, *c->letter ? c->letter : "–");
	draw_block(p, x + CARD_PAD, p->y + CARD_PAD + line_height(SIZE_HEADING), w - 2 * CARD_PAD,
		SIZE_SMALL, 0, INK, c->name, HEAD_LINES);
	return h;
}

/* "P1 · short-term", or "" when the measure has neither. */
static void card_meta(const struct measure *m, char *buf, size_t size)
{
	const char *h = m->horizon && *m->horizon ? horizon_label(m->horizon) : "";
	if (m->priority > 0)
		snprintf(buf, size, "P%lld%s%s", (long long)m->priority, *h ? " · " : "", h);
	else
		snprintf(buf, size, "%s", h);
}

static double card_height(struct poster *p, const struct measure *m, double w, size_t max)
{
	char meta[256];
	card_meta(m, meta, sizeof meta);
	return CARD_PAD + block_height(p, m->text, w - 2 * CARD_PAD, SIZE_SMALL, 0, max) +
		(*meta ? line_height(SIZE_SMALL) : 0) + CARD_PAD;
}

static void card_draw(struct poster *p, const struct measure *m, double x, double w, double h,
	size_t max)
{
	char meta[256];
	card_meta(m, meta, sizeof meta);
	el_start(p, "rect");
	attr_num(p, "x", x);
	attr_num(p, "y", p->y);
	attr_num(p, "width", w);
	attr_num(p, "height", h);
	attr(p, "rx", "1.5");
	attr(p, "fill", CARD);
	attr(p, "stroke", CARD_EDGE);
	attr(p, "stroke-width", "0.3");
	el_end(p);
	double used = draw_block(p, x + CARD_PAD, p->y + CARD_PAD, w - 2 * CARD_PAD, SIZE_SMALL, 0,
		INK, m->text, max);
	if (*meta)
		svg_text(p, x + CARD_PAD, baseline(p->y + CARD_PAD + used, SIZE_SMALL), SIZE_SMALL, T_BOLD,
			GREY, meta);
}

/* The cards of column C that fit below P->Y on this page; returns
 * where the column ends. */
static double column_cards(struct poster *p, struct board_column *c, const int64_t *order,
	double x, double w, double top)
{
	const struct item_type *t = item_type(ITEM_MEASURE);
	size_t max = (size_t)((BODY_BOTTOM - top - 2 * CARD_PAD) / line_height(SIZE_SMALL)) - 1;
	p->y = top;
	while (c->next < c->first + c->count && p->rc == STATUS_OK) {
		struct measure m;
		if (!read_ok(p, item_read(p->db, t, order[c->next], &m)))
			break;
		double h = card_height(p, &m, w, max);
		bool fits = p->y + h <= BODY_BOTTOM || p->y == top;
		if (fits) {
			card_draw(p, &m, x, w, h, max);
			p->y += h + 2;
			c->next++;
		}
		item_clear(t, &m);
		if (!fits)
			break;
	}
	return p->y;
}

static bool group_done(const struct board *b, size_t g0, size_t g1)
{
	for (size_t c = g0; c < g1; c++)
		if (b->cols[c].next < b->cols[c].first + b->cols[c].count)
			return false;
	return true;
}

/* Columns G0..G1 page after page, headings on each; returns the lowest
 * point of the last page. */
static double board_group(struct poster *p, struct board *b, size_t g0, size_t g1)
{
	size_t k = g1 - g0;
	double w = (BODY_W - (double)(k - 1) * 3) / (double)k, bottom = p->y;
	for (bool first = true; first || !group_done(b, g0, g1); first = false) {
		if (!first)
			page_next(p);
		double top = p->y, below = top;
		for (size_t c = g0; c < g1 && p->rc == STATUS_OK; c++) {
			double x = MARGIN + (double)(c - g0) * (w + 3);
			p->y = top;
			double h = column_head(p, &b->cols[c], x, w);
			double end = column_cards(p, &b->cols[c], b->order, x, w, top + h + 2);
			below = end > below ? end : below;
		}
		bottom = below;
		if (p->rc != STATUS_OK)
			break;
	}
	return bottom;
}

static void board(struct poster *p)
{
	struct board b = { 0 };
	size_t n;
	int64_t *ids = ids_of(p, ITEM_MEASURE, LISTING_ACTOR, &n);
	if (p->rc == STATUS_OK &&
	    !read_ok(p, item_list(p->db, item_type(ITEM_ACTOR), p->s.id, on_actor, &b)))
		goto done;
	if (b.nomem)
		fail_memory(p);
	if (p->rc != STATUS_OK || !board_sort(p, &b, ids, n))
		goto done;
	flow_start(p, 1);
	flow_heading(p, _("Measure bundles"), SIZE_HEADING, 0);
	if (n == 0)
		flow_none(p);
	for (size_t g0 = 0; g0 < b.n && p->rc == STATUS_OK; g0 += BOARD_COLUMNS) {
		if (g0)
			page_next(p);
		size_t g1 = g0 + BOARD_COLUMNS < b.n ? g0 + BOARD_COLUMNS : b.n;
		p->y = board_group(p, &b, g0, g1) + 4;
	}
done:
	board_free(&b);
	free(ids);
}

static void soro_list(struct poster *p)
{
	const struct item_type *t = item_type(ITEM_SORO);
	size_t n;
	int64_t *ids = ids_of(p, ITEM_SORO, LISTING_COMPONENT, &n);
	if (p->rc == STATUS_OK && n == 0)
		flow_none(p);
	int64_t component = -1;
	for (size_t i = 0; i < n && p->rc == STATUS_OK; i++) {
		struct soro s;
		if (!read_ok(p, item_read(p->db, t, ids[i], &s)))
			break;
		double h = flow_text_height(p, s.text, SIZE_BODY, 0, 0);
		if (s.component_id != component) {
			char head[512];
			component = s.component_id;
			component_heading(p, component, head, sizeof head);
			flow_heading(p, head, SIZE_LABEL, h);
		}
		flow_keep(p, h);
		flow_text(p, s.text, SIZE_BODY, 0, INK, 0);
		p->y += 2;
		item_clear(t, &s);
	}
	free(ids);
}

static void step_measures(struct poster *p)
{
	step_begin(p, _("5 Measures"));
	board(p);
	/* SoRO below the board, or on a page of its own when little room is left */
	if (p->y + 40 > BODY_BOTTOM)
		page_next(p);
	flow_start(p, 2);
	flow_heading(p, _("SoRO statements"), SIZE_HEADING, 0);
	soro_list(p);
}

/* ---- documents ---- */

static void steps(struct poster *p)
{
	step_question(p);
	step_unseens(p);
	step_model(p);
	step_goals(p);
	step_measures(p);
	page_end(p);
}

static enum status read_session(struct poster *p, struct db *db, int64_t session_id)
{
	p->db = db;
	p->rc = item_read(db, item_type(ITEM_SESSION), session_id, &p->s);
	p->have_session = p->rc == STATUS_OK;
	return p->rc;
}

enum status poster_count_pages(struct db *db, int64_t session_id, int *pages)
{
	struct poster p = { .counting = true };
	*pages = 0;
	if (read_session(&p, db, session_id) == STATUS_OK)
		steps(&p);
	if (p.have_session)
		item_clear(item_type(ITEM_SESSION), &p.s);
	*pages = p.page;
	return p.rc;
}

static void html_head(struct poster *p)
{
	if (drawing(p) && xmlTextWriterWriteDTD(p->w, X("html"), NULL, NULL, NULL) < 0)
		fail_write(p);
	el_start(p, "html");
	el_start(p, "head");
	el_start(p, "meta");
	attr(p, "charset", "utf-8");
	el_end(p);
	el_start(p, "title");
	if (drawing(p) && xmlTextWriterWriteString(p->w, X(p->s.title ? p->s.title : "didat")) < 0)
		fail_write(p);
	el_end(p);
	el_start(p, "style");
	if (drawing(p) && xmlTextWriterWriteString(p->w, X(
	    "@page { size: A3 landscape; margin: 0 }\n"
	    "body { margin: 0; background: #777 }\n"
	    "section.page { width: 420mm; height: 297mm; margin: 0 auto 8mm; background: white;"
	    " break-after: page; page-break-after: always; overflow: hidden }\n"
	    "section.page svg { display: block; width: 420mm; height: 297mm }\n"
	    "@media print { body { background: none } section.page { margin: 0 } }\n")) < 0)
		fail_write(p);
	el_end(p);
	el_end(p);   /* head */
	el_start(p, "body");
}

/* The document around the pages: SVG and HTML write into OUT. */
static void doc_begin(struct poster *p)
{
	xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(p->out, NULL);
	p->w = buf ? xmlNewTextWriter(buf) : NULL;
	if (!p->w) {
		if (buf)
			xmlOutputBufferClose(buf);
		fail_memory(p);
		return;
	}
	if (p->format == POSTER_HTML) {
		html_head(p);
		return;
	}
	if (xmlTextWriterStartDocument(p->w, "1.0", "UTF-8", NULL) < 0)
		fail_write(p);
	char height[32], box[64];
	snprintf(height, sizeof height, "%dmm", 297 * p->pages);
	snprintf(box, sizeof box, "0 0 420 %d", 297 * p->pages);
	el_start(p, "svg");
	attr(p, "xmlns", "http://www.w3.org/2000/svg");
	attr(p, "width", "420mm");
	attr(p, "height", height);
	attr(p, "viewBox", box);
	attr(p, "font-family", FONTS);
}

static void doc_end(struct poster *p)
{
	if (!p->w)
		return;
	if (p->rc == STATUS_OK && xmlTextWriterEndDocument(p->w) < 0)   /* closes what is open */
		fail_write(p);
	if (xmlTextWriterFlush(p->w) < 0 && p->rc == STATUS_OK)
		fail_write(p);
	xmlFreeTextWriter(p->w);
	p->w = NULL;
	if (p->rc == STATUS_OK && (fflush(p->out) != 0 || ferror(p->out)))
		p->rc = db_fail(p->db, STATUS_IO, "%s", _("write error"));
}

/* ---- PDF through rsvg-convert ---- */

static void pdf_folder_remove(struct poster *p)
{
	char path[PATH_MAX];
	for (int i = 1; i <= p->page; i++) {
		page_file_path(p, i, path, sizeof path);
		unlink(path);
	}
	snprintf(path, sizeof path, "%s/poster.pdf", p->dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/rsvg-convert.txt", p->dir);
	unlink(path);
	rmdir(p->dir);
}

static bool pdf_folder_make(struct poster *p)
{
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp || (size_t)snprintf(p->dir, sizeof p->dir, "%s/didat-poster-XXXXXX", tmp)
	    >= sizeof p->dir)
		snprintf(p->dir, sizeof p->dir, "/tmp/didat-poster-XXXXXX");
	if (!mkdtemp(p->dir)) {
		p->rc = db_fail(p->db, STATUS_IO, "%s: %s", p->dir, strerror(errno));
		p->dir[0] = '\0';
		return false;
	}
	return true;
}

/* The first line rsvg-convert said, into BUF. */
static void tool_said(const struct poster *p, char *buf, size_t size)
{
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/rsvg-convert.txt", p->dir);
	buf[0] = '\0';
	FILE *f = fopen(path, "r");
	if (f && fgets(buf, (int)size, f))
		buf[strcspn(buf, "\n")] = '\0';
	if (f)
		fclose(f);
}

/* Runs rsvg-convert on the pages into the folder's poster.pdf; its
 * messages go to a file there, not to the terminal (nor the screen). */
static void pdf_convert(struct poster *p)
{
	size_t argc = 0, n = (size_t)p->page + 6;
	char **argv = calloc(n, sizeof *argv), *paths = malloc((size_t)p->page * PATH_MAX + 1);
	char pdf[PATH_MAX], said[PATH_MAX];
	if (!argv || !paths) {
		free(argv);
		free(paths);
		fail_memory(p);
		return;
	}
	snprintf(pdf, sizeof pdf, "%s/poster.pdf", p->dir);
	snprintf(said, sizeof said, "%s/rsvg-convert.txt", p->dir);
	argv[argc++] = "rsvg-convert";
	argv[argc++] = "-f";
	argv[argc++] = "pdf";
	argv[argc++] = "-o";
	argv[argc++] = pdf;
	for (int i = 1; i <= p->page; i++) {
		char *path = paths + (size_t)(i - 1) * PATH_MAX;
		page_file_path(p, i, path, PATH_MAX);
		argv[argc++] = path;
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, said, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	posix_spawn_file_actions_adddup2(&fa, STDOUT_FILENO, STDERR_FILENO);
	pid_t pid;
	int err = posix_spawnp(&pid, "rsvg-convert", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	int wstatus = 0;
	if (err == 0)
		while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
			;
	free(argv);
	free(paths);
	if (err == ENOENT) {
		p->rc = db_fail(p->db, STATUS_NOT_FOUND, "%s", _("rsvg-convert is not installed, so no "
			"PDF can be made (Debian: apt-get install librsvg2-bin); .svg and .html are "
			"written without it"));
	} else if (err != 0) {
		p->rc = db_fail(p->db, STATUS_BAD_FILE, "rsvg-convert: %s", strerror(err));
	} else if (!WIFEXITED(wstatus) || WEXITSTATUS(wstatus) != 0) {
		char line[512];
		tool_said(p, line, sizeof line);
		/* not STATUS_IO: that would read as a failure to write the file */
		p->rc = db_fail(p->db, STATUS_BAD_FILE, _("rsvg-convert could not make the PDF (status "
			"%d)%s%s"),
			WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1, *line ? ": " : "", line);
	}
}

static void copy_into(struct poster *p, const char *path, FILE *out)
{
	FILE *in = fopen(path, "rb");
	if (!in) {
		p->rc = db_fail(p->db, STATUS_IO, "%s: %s", path, strerror(errno));
		return;
	}
	char buf[65536];
	size_t n;
	bool ok = true;
	while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
		ok = fwrite(buf, 1, n, out) == n;
	ok = ok && !ferror(in) && fflush(out) == 0;
	fclose(in);
	if (!ok)
		p->rc = db_fail(p->db, STATUS_IO, "%s", _("write error"));
}

static void write_pdf(struct poster *p, FILE *out)
{
	if (!pdf_folder_make(p))
		return;
	steps(p);
	page_file_close(p);   /* a page left open by a failure */
	if (p->rc == STATUS_OK)
		pdf_convert(p);
	if (p->rc == STATUS_OK) {
		char pdf[PATH_MAX];
		snprintf(pdf, sizeof pdf, "%s/poster.pdf", p->dir);
		copy_into(p, pdf, out);
	}
	pdf_folder_remove(p);
}

enum status poster_write(struct db *db, int64_t session_id, enum poster_format format, FILE *out)
{
	int pages;
	enum status rc = poster_count_pages(db, session_id, &pages);
	if (rc != STATUS_OK)
		return rc;
	struct poster p = { .format = format, .out = out, .pages = pages };
	if (read_session(&p, db, session_id) == STATUS_OK) {
		if (format == POSTER_PDF) {
			write_pdf(&p, out);
		} else {
			doc_begin(&p);
			steps(&p);
			doc_end(&p);
		}
	}
	if (p.have_session)
		item_clear(item_type(ITEM_SESSION), &p.s);
	return p.rc;
}

bool poster_format_of(const char *path, enum poster_format *format)
{
	static const struct { const char *ending; enum poster_format format; } endings[] = {
		{ ".svg", POSTER_SVG }, { ".html", POSTER_HTML }, { ".htm", POSTER_HTML },
		{ ".pdf", POSTER_PDF },
	};
	*format = POSTER_SVG;
	if (!path || strcmp(path, "-") == 0)
		return true;
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return false;
	for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++)
		if (strcasecmp(dot, endings[i].ending) == 0) {
			*format = endings[i].format;
			return true;
		}
	return false;
}

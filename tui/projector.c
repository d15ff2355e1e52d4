/* Projector mode: the whole screen for the room.  The session's guiding
 * question at the top, then the current item's heading in block letters
 * (util/bigfont) when they fit, else in bold, and its text; everything
 * word-wrapped and centred.  No chrome: the theme is switched to high
 * contrast by the app. */
#include "tui/projector.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "model/item.h"
#include "tui/ui.h"
#include "util/bigfont.h"
#include "util/display.h"
#include "util/i18n.h"

#define BIG_LINES_MAX 2      /* the heading may take two lines of block letters */
#define BIG_HEAD_MAX 200     /* bytes; a longer heading would not fit in block letters anyway */
#define BIG_SCALE_MAX 4

/* ---- word wrap, each row centred ---- */

/* The row being filled and the word being read, as UTF-8 that
 * display_walk has made safe; at most W columns each. */
struct centre {
	int y, x, w, limit;   /* rows from LIMIT on are counted, not drawn */
	attr_t attr;
	bool draw, more;      /* MORE: the text needs more than LIMIT rows */
	int rows;
	char *line, *word;
	size_t line_len, word_len, cap;
	int line_w, word_w;
};

static void centre_emit_line(struct centre *c)
{
	c->line[c->line_len] = '\0';
	int y = c->y + c->rows;
	if (c->draw && c->more && c->rows == c->limit - 1) {
		/* the last row shown of a text that goes on ends in " …" */
		int w = c->line_w + 2 < c->w ? c->line_w + 2 : c->w;
		int x = c->x + (c->w - w) / 2;
		int used = ui_text(y, x, w - 2, c->line, c->attr);
		ui_text(y, x + used + 1, 1, "…", c->attr);
	} else if (c->draw && c->rows < c->limit) {
		ui_text(y, c->x + (c->w - c->line_w) / 2, c->line_w, c->line, c->attr);
	}
	c->rows++;
	c->line_len = 0;
	c->line_w = 0;
}

/* Puts the word read so far on the row, or on the next when it does not fit. */
static void centre_place_word(struct centre *c)
{
	if (c->word_len == 0)
		return;
	/* columns bound the row, and bytes too: zero-width characters
	 * take bytes but no columns */
	if (c->line_len > 0 && (c->line_w + 1 + c->word_w > c->w ||
	    c->line_len + 1 + c->word_len >= c->cap))
		centre_emit_line(c);
	if (c->line_w > 0) {
		c->line[c->line_len++] = ' ';
		c->line_w++;
	}
	memcpy(c->line + c->line_len, c->word, c->word_len);
	c->line_len += c->word_len;
	c->line_w += c->word_w;
	c->word_len = 0;
	c->word_w = 0;
}

static int centre_unit(void *ctx, wchar_t wc, const char *visible, int width)
{
	struct centre *c = ctx;
	if (!visible && (wc == L'\n' || wc == L' ')) {
		centre_place_word(c);
		if (wc == L'\n')
			centre_emit_line(c);
		return 0;
	}
	if (width > c->w)
		return 0;
	if (c->word_w + width > c->w) {
		/* a word wider than the row is broken where the row ends */
		centre_place_word(c);
		centre_emit_line(c);
	}
	char mb[MB_LEN_MAX];
	size_t n = display_unit_bytes(wc, visible, mb, sizeof mb);
	if (n == 0)
		return 0;
	if (c->word_len + n >= c->cap)
		return 0;
	memcpy(c->word + c->word_len, mb, n);
	c->word_len += n;
	c->word_w += width;
	return 0;
}

/* Wraps TEXT at width W; draws its first LIMIT rows from Y on, centred
 * between X and X + W, when DRAW (with " …" at the end of the last when
 * MORE).  Returns the rows the whole text takes. */
static int centre_run(int y, int x, int w, int limit, const char *text, attr_t attr, bool draw,
	bool more)
{
	if (!text || !*text || w <= 0)
		return 0;
	/* a row holds at most W columns, each of at most MB_LEN_MAX bytes
	 * (a visible control form takes as many columns as bytes) */
	size_t cap = (size_t)w * MB_LEN_MAX + 1;
	struct centre c = { y, x, w, limit, attr, draw, more, 0, malloc(cap), malloc(cap), 0, 0, cap,
		0, 0 };
	if (c.line && c.word) {
		display_walk(text, true, centre_unit, &c);
		centre_place_word(&c);
		if (c.line_len > 0)
			centre_emit_line(&c);
	}
	free(c.line);
	free(c.word);
	return c.rows;
}

static int centre_rows(int w, const char *text)
{
	return centre_run(0, 0, w, 0, text, A_NORMAL, false, false);
}

/* Draws TEXT centred in R; when it needs more than R.h rows, the last
 * row ends in " …".  Returns the rows used. */
static int centre_draw(struct rect r, const char *text, attr_t attr)
{
	if (r.h <= 0)
		return 0;
	int rows = centre_rows(r.w, text);
	centre_run(r.y, r.x, r.w, r.h, text, attr, true, rows > r.h);
	return rows < r.h ? rows : r.h;
}

/* ---- the heading in block letters ---- */

struct big_head {
	int scale, nlines, rows;
	char lines[BIG_LINES_MAX][BIG_HEAD_MAX + 1];
};

/* Breaks HEAD into at most BIG_LINES_MAX lines of block letters at
 * SCALE, each at most W columns wide; false when a word is too wide or
 * more lines are needed. */
static bool big_layout(const char *head, int scale, int w, struct big_head *b)
{
	char words[BIG_HEAD_MAX + 1];
	snprintf(words, sizeof words, "%s", head);
	for (char *p = words; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	memset(b, 0, sizeof *b);
	b->scale = scale;
	char *save = NULL;
	for (char *word = strtok_r(words, " ", &save); word; word = strtok_r(NULL, " ", &save)) {
		if (bigfont_width(word, scale) > w)
			return false;
		if (b->nlines > 0) {
			char *line = b->lines[b->nlines - 1];
			size_t len = strlen(line);
			snprintf(line + len, sizeof b->lines[0] - len, " %s", word);
			if (bigfont_width(line, scale) <= w)
				continue;
			line[len] = '\0';
		}
		if (b->nlines == BIG_LINES_MAX)
			return false;
		snprintf(b->lines[b->nlines++], sizeof b->lines[0], "%s", word);
	}
	for (int i = 0; i < b->nlines; i++)
		b->rows += bigfont_height(b->lines[i], scale) + (i > 0);
	return b->nlines > 0 && b->rows > 0;
}

/* The largest block letters for HEAD within W columns and MAX_ROWS rows. */
static bool big_choose(const char *head, int w, int max_rows, struct big_head *b)
{
	if (strlen(head) > BIG_HEAD_MAX)
		return false;
	/* Odd scales above 1 put a pixel across the middle of a row, which
	 * the half blocks show as steps: 4, 2 and 1 only. */
	for (int scale = BIG_SCALE_MAX; scale >= 1; scale = scale > 2 ? scale - 2 : scale - 1)
		if (big_layout(head, scale, w, b) && b->rows <= max_rows)
			return true;
	return false;
}

static void big_draw(const struct big_head *b, int y, int x, int w)
{
	for (int i = 0; i < b->nlines; i++) {
		const char *line = b->lines[i];
		int bw = bigfont_width(line, b->scale), h = bigfont_height(line, b->scale);
		size_t size = (size_t)bw * 3 + 1;   /* a block character is 3 bytes */
		char *row = malloc(size);
		if (!row)
			return;
		for (int r = 0; r < h; r++)
			if (bigfont_row(line, b->scale, r, row, size))
				ui_text(y + r, x + (w - bw) / 2, bw, row, ui_attr(UI_TITLE));
		free(row);
		y += h + 1;
	}
}

/* ---- the screen ---- */

/* The session's guiding question (its title when it has none) into BUF. */
static void session_question(struct db *db, int64_t session, char *buf, size_t size)
{
	struct session s;
	buf[0] = '\0';
	if (!session || item_read(db, item_type(ITEM_SESSION), session, &s) != STATUS_OK)
		return;
	snprintf(buf, size, "%s", s.question && *s.question ? s.question : s.title ? s.title : "");
	item_clear(item_type(ITEM_SESSION), &s);
}

static bool blank(const char *s)
{
	return !s || s[strspn(s, " \t\n")] == '\0';
}

void projector_draw(struct db *db, int64_t session, const char *head, const char *text)
{
	/* Row 0 stays free for the timer; a margin left and right. */
	int mx = COLS >= 80 ? 4 : COLS >= 60 ? 2 : 1;
	struct rect a = { 1, mx, LINES - 2, COLS - 2 * mx };
	if (a.h <= 0 || a.w <= 0)
		return;
	char question[4096];
	session_question(db, session, question, sizeof question);
	attr_t q_attr = ui_attr(UI_NORMAL), text_attr = ui_attr(UI_NORMAL) | A_BOLD;

	if (blank(head) && blank(text)) {
		/* Nothing chosen: the question alone, in the middle. */
		const char *shown = blank(question) ? _("Projector mode · F5 back") : question;
		int rows = centre_rows(a.w, shown);
		if (rows > a.h)
			rows = a.h;
		struct rect r = { a.y + (a.h - rows) / 2, a.x, rows, a.w };
		centre_draw(r, shown, blank(question) ? ui_attr(UI_DIM) : ui_attr(UI_TITLE) | A_BOLD);
		return;
	}

	/* The question on top takes at most a fifth of the rows, and a blank row. */
	int q_rows = 0;
	if (!blank(question)) {
		int q_max = a.h / 5 > 1 ? a.h / 5 : 1;
		q_rows = centre_draw((struct rect){ a.y, a.x, q_max, a.w }, question, q_attr);
		q_rows += 1;
	}
	struct rect rest = { a.y + q_rows, a.x, a.h - q_rows, a.w };
	if (rest.h <= 0)
		return;

	/* The heading: block letters when they leave room for the text. */
	int t_rows = blank(text) ? 0 : centre_rows(rest.w, text);
	int t_keep = t_rows < rest.h / 2 ? t_rows : rest.h / 2;
	int big_max = rest.h - (t_rows ? 1 + t_keep : 0);
	if (t_rows && big_max > rest.h * 2 / 5)
		big_max = rest.h * 2 / 5;
	struct big_head big;
	bool use_big = !blank(head) && big_choose(head, rest.w, big_max, &big);
	int h_rows = 0;
	if (use_big) {
		h_rows = big.rows;
	} else if (!blank(head)) {
		h_rows = centre_rows(rest.w, head);
		if (h_rows > 2)
			h_rows = 2;
		if (h_rows > rest.h)
			h_rows = rest.h;
	}
	int gap = h_rows && t_rows ? 1 : 0;
	int t_avail = rest.h - h_rows - gap;
	int t_shown = t_rows < t_avail ? t_rows : t_avail;
	if (t_shown < 0)
		t_shown = 0;

	/* Heading and text together, in the middle of what is left. */
	int y = rest.y + (rest.h - (h_rows + gap + t_shown)) / 2;
	if (use_big)
		big_draw(&big, y, rest.x, rest.w);
	else if (h_rows)
		centre_draw((struct rect){ y, rest.x, h_rows, rest.w }, head, ui_attr(UI_TITLE) | A_BOLD);
	y += h_rows + gap;
	if (t_shown > 0)
		centre_draw((struct rect){ y, rest.x, t_shown, rest.w }, text, text_attr);
}

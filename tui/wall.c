/* The wall (F5): the current step's content for the room, readable
 * from the back at 80x24 and up, without the step bar and the status
 * line.  Step 1 the guiding question, the system boundaries and the
 * components; step 2 the unseens ranked by votes with a vote bar and
 * their vulnerability, a cursor row that + and - vote on; step 3 the
 * impact matrix as a heat map beside the AS/PS plot (tui/matrix.c);
 * step 4 the goals with the goals they conflict with; step 5 the bundle
 * board (tui/board.c) in larger type; the other steps their current
 * item.  Headings go in block letters (util/bigfont) where they fit,
 * else bold, word-wrapped and centred.
 *
 * The wall holds ids only, reloaded by wall_open on every change (here
 * or in another process); a draw reads the rows it shows. */
#include "tui/wall.h"

#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "model/board.h"
#include "model/item.h"
#include "model/listing.h"
#include "tui/board.h"
#include "tui/matrix.h"
#include "tui/panel.h"
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

static void big_draw(const struct big_head *b, int y, int x, int w, attr_t attr)
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
				ui_text(y + r, x + (w - bw) / 2, bw, row, attr);
		free(row);
		y += h + 1;
	}
}

/* ---- what the wall holds ---- */

static struct {
	int64_t session;
	int64_t *components, *unseens, *goals;   /* ids, in the order shown */
	size_t ncomponents, nunseens, ngoals;
	struct { int64_t a, b; } *conflicts;     /* the goals of each goal conflict */
	size_t nconflicts, conflicts_cap;
	struct board board;
	/* Where each step's wall is: its cursor and its first row on screen;
	 * another session starts at the top. */
	struct {
		size_t component_top, unseen, unseen_top, goal, goal_top, column, card, first_column;
	} at;
	int page;                                /* rows the last draw showed, for PgUp/PgDn */
} w;

static int64_t *ids_of(struct app *app, enum item_kind kind, enum listing_order order, size_t *n)
{
	struct listing_query q = { kind, app_session(app), order, 0 };
	int64_t *ids = NULL;
	*n = 0;
	if (listing_ids(app_db(app), &q, &ids, n) != STATUS_OK)
		app_error(app);
	return ids;
}

static int take_conflict(void *ctx, const void *item)
{
	(void)ctx;
	const struct conflict *c = item;
	if (w.nconflicts == w.conflicts_cap) {
		size_t cap = w.conflicts_cap ? 2 * w.conflicts_cap : 16;
		void *grown = realloc(w.conflicts, cap * sizeof *w.conflicts);
		if (!grown)
			return 1;
		w.conflicts = grown;
		w.conflicts_cap = cap;
	}
	w.conflicts[w.nconflicts].a = c->goal_a;
	w.conflicts[w.nconflicts++].b = c->goal_b;
	return 0;
}

static size_t clamp_cursor(size_t cursor, size_t n)
{
	return cursor < n ? cursor : n ? n - 1 : 0;
}

/* The cursor on the same unseen as before a reload: a vote moves it in the ranking. */
static size_t index_of(const int64_t *ids, size_t n, int64_t id, size_t fallback)
{
	for (size_t i = 0; id && i < n; i++)
		if (ids[i] == id)
			return i;
	return clamp_cursor(fallback, n);
}

void wall_open(struct app *app, enum step step)
{
	if (w.session != app_session(app)) {
		memset(&w.at, 0, sizeof w.at);
		w.session = app_session(app);
	}
	switch (step) {
	case STEP_QUESTION:
		free(w.components);
		w.components = ids_of(app, ITEM_COMPONENT, LISTING_DEFAULT, &w.ncomponents);
		break;
	case STEP_UNSEENS: {
		int64_t keep = w.at.unseen < w.nunseens ? w.unseens[w.at.unseen] : 0;
		free(w.unseens);
		w.unseens = ids_of(app, ITEM_UNSEEN, LISTING_RANKED, &w.nunseens);
		w.at.unseen = index_of(w.unseens, w.nunseens, keep, w.at.unseen);
		break;
	}
	case STEP_MODEL:
		matrix_wall_open(app);
		break;
	case STEP_GOALS:
		free(w.goals);
		w.goals = ids_of(app, ITEM_GOAL, LISTING_COMPONENT, &w.ngoals);
		w.at.goal = clamp_cursor(w.at.goal, w.ngoals);
		w.nconflicts = 0;
		if (item_list(app_db(app), item_type(ITEM_CONFLICT), app_session(app), take_conflict, NULL)
		    != STATUS_OK)
			app_error(app);
		break;
	case STEP_MEASURES:
		board_free(&w.board);
		if (board_load(app_db(app), app_session(app), &w.board) != STATUS_OK)
			app_error(app);
		w.at.column = clamp_cursor(w.at.column, w.board.n);
		break;
	default:
		break;
	}
}

/* ---- drawing helpers ---- */

static bool blank(const char *s)
{
	return !s || s[strspn(s, " \t\n")] == '\0';
}

static int min_int(int a, int b)
{
	return a < b ? a : b;
}

/* TEXT large and centred in R: block letters of at most MAX_BIG rows
 * when they fit, else bold word-wrapped rows.  Returns the rows used. */
static int draw_heading(struct rect r, const char *text, int max_big, attr_t attr)
{
	struct big_head big;
	if (blank(text) || r.h <= 0)
		return 0;
	if (max_big > 0 && big_choose(text, r.w, min_int(max_big, r.h), &big)) {
		big_draw(&big, r.y, r.x, r.w, attr);
		return big.rows;
	}
	return centre_draw(r, text, attr | A_BOLD);
}

/* "… and 12 more" in the last row of R, when rows were left out. */
static void draw_more(struct rect r, size_t more)
{
	char buf[96];
	if (more > 0 && r.h > 0)
		ui_text(r.y + r.h - 1, r.x, r.w, ui_fmt(buf, sizeof buf, P_("… and %zu more",
			"… and %zu more", (unsigned long)more), more), ui_attr(UI_DIM));
}

/* Keeps CURSOR between *TOP and the last of SHOWN rows. */
static void follow(size_t cursor, size_t *top, size_t shown)
{
	if (cursor < *top)
		*top = cursor;
	if (shown > 0 && cursor >= *top + shown)
		*top = cursor - shown + 1;
}

/* ---- step 1: the question, the system boundaries, the components ---- */

static const struct { const char *field, *label; } boundaries[] = {
	{ "inside", N_("Inside the system") },
	{ "outside", N_("Outside the system") },
	{ "region", N_("Region") },
	{ "horizon", N_("Time horizon") },
};

/* The four boundaries from row R.y on, their labels in a column; a
 * value takes up to ROWS rows, GAP blank rows after it.  Returns the
 * rows used. */
static int draw_boundaries(struct rect r, const struct session *s, int rows, int gap)
{
	const struct item_type *t = item_type(ITEM_SESSION);
	int lw = 0, y = r.y;
	for (size_t k = 0; k < sizeof boundaries / sizeof boundaries[0]; k++)
		lw = display_width(_(boundaries[k].label)) > lw ? display_width(_(boundaries[k].label)) : lw;
	lw = min_int(lw + 1, r.w / 3);
	for (size_t k = 0; k < sizeof boundaries / sizeof boundaries[0] && y < r.y + r.h; k++) {
		const struct item_field *f = item_field_by_name(t, boundaries[k].field);
		const char *value = *(char *const *)((const char *)s + f->offset);
		char label[128];
		ui_text(y, r.x, lw, ui_fmt(label, sizeof label, "%s:", _(boundaries[k].label)),
			ui_attr(UI_ACCENT));
		struct rect v = { y, r.x + lw + 1, min_int(rows, r.y + r.h - y), r.w - lw - 1 };
		if (blank(value)) {
			ui_text(y, v.x, v.w, "—", ui_attr(UI_DIM));
			y += 1 + gap;
			continue;
		}
		ui_wrap(v, 0, value, ui_attr(UI_NORMAL) | A_BOLD);
		y += min_int(ui_wrap_rows(v.w, value), v.h) + gap;
	}
	return y - r.y;
}

static void draw_component(struct app *app, int64_t id, int y, int x, int width)
{
	struct component c;
	if (item_read(app_db(app), item_type(ITEM_COMPONENT), id, &c) != STATUS_OK)
		return;
	char number[32];
	int used = ui_text(y, x, width, ui_fmt(number, sizeof number, _("C%" PRId64), c.number),
		ui_attr(UI_ACCENT));
	used += 1 + ui_text(y, x + used + 1, width - used - 1, c.name, ui_attr(UI_NORMAL) | A_BOLD);
	if (!blank(c.question) && used + 4 < width) {
		used += ui_text(y, x + used, width - used, " — ", ui_attr(UI_DIM));
		ui_text(y, x + used, width - used, c.question, ui_attr(UI_NORMAL));
	}
	item_clear(item_type(ITEM_COMPONENT), &c);
}

static void draw_components(struct app *app, struct rect r)
{
	if (r.h < 2)
		return;
	ui_text(r.y, r.x, r.w, _(item_type(ITEM_COMPONENT)->plural), ui_attr(UI_TITLE) | A_BOLD);
	if (w.ncomponents == 0) {
		ui_text(r.y + 1, r.x, r.w, _("no component yet"), ui_attr(UI_DIM));
		return;
	}
	struct rect list = { r.y + 1, r.x, r.h - 1, r.w };
	/* a blank row between two components when all fit so */
	int pitch = (size_t)list.h >= 2 * w.ncomponents ? 2 : 1;
	size_t fit = (size_t)(list.h / pitch);
	bool cut = w.ncomponents > fit;
	size_t shown = cut ? fit - 1 : w.ncomponents;
	if (w.at.component_top + shown > w.ncomponents)
		w.at.component_top = w.ncomponents > shown ? w.ncomponents - shown : 0;
	w.page = (int)shown;
	for (size_t k = 0; k < shown; k++)
		draw_component(app, w.components[w.at.component_top + k], list.y + (int)k * pitch, list.x,
			list.w);
	if (cut)
		draw_more(list, w.ncomponents - shown);
}

static void draw_question_wall(struct app *app, struct rect a)
{
	const struct item_type *t = item_type(ITEM_SESSION);
	struct session s;
	if (item_read(app_db(app), t, app_session(app), &s) != STATUS_OK)
		return;
	const char *question = !blank(s.question) ? s.question : s.title;
	int q_max = a.h * 2 / 5 > 1 ? a.h * 2 / 5 : 1;
	int y = a.y + draw_heading((struct rect){ a.y, a.x, q_max, a.w }, question, q_max,
		ui_attr(UI_TITLE)) + 1;
	bool tall = a.h >= 30;
	y += draw_boundaries((struct rect){ y, a.x, a.y + a.h - y, a.w }, &s, tall ? 2 : 1, tall) + 1;
	draw_components(app, (struct rect){ y, a.x, a.y + a.h - y, a.w });
	item_clear(t, &s);
}

/* ---- step 2: the unseens ranked ---- */

#define BAR_MAX 40           /* columns of the widest vote bar */

/* Where a row's parts go. */
struct unseen_row {
	bool narrow;              /* the title takes the room of the headings' columns */
	int x, w, rank_w, title_x, title_w, bar_x, bar_w, votes_x, votes_w, vuln_x, vuln_w;
};

static struct unseen_row unseen_row_layout(struct rect r)
{
	struct unseen_row c = { .narrow = r.w < 100, .x = r.x, .w = r.w };
	char buf[32];
	c.rank_w = (int)strlen(ui_fmt(buf, sizeof buf, "%zu.", w.nunseens));
	c.votes_w = 4;
	/* the heading's width when there is room, else a figure's ("12,8") */
	c.vuln_w = c.narrow ? 5 : display_width(_("Vulnerability"));
	c.vuln_w = c.vuln_w > 5 ? c.vuln_w : 5;
	c.bar_w = min_int(BAR_MAX, c.narrow ? r.w / 8 : r.w / 4);
	c.title_x = r.x + c.rank_w + 1;
	c.title_w = r.w - (c.rank_w + 1) - (c.bar_w + 1) - (c.votes_w + 1) - c.vuln_w - 1;
	if (c.title_w < 10) {         /* narrow: the bar gives way to the title */
		c.bar_w = 0;
		c.title_w = r.w - (c.rank_w + 1) - (c.votes_w + 1) - c.vuln_w - 1;
	}
	c.bar_x = c.title_x + c.title_w + 1;
	c.votes_x = c.bar_x + (c.bar_w ? c.bar_w + 1 : 0);
	c.vuln_x = c.votes_x + c.votes_w + 1;
	return c;
}

/* A bar of VOTES in at most WIDTH columns: one █ a vote, scaled down
 * when the most votes (MOST) would not fit; a vote always shows. */
static int bar_length(int64_t votes, int64_t most, int width)
{
	if (votes <= 0 || width <= 0)
		return 0;
	if (most <= width)
		return (int)votes;
	int n = (int)((votes * width + most / 2) / most);
	return n > 0 ? n : 1;
}

static void draw_bar(int y, int x, int length, attr_t attr)
{
	char bar[BAR_MAX * 3 + 1];   /* █ is 3 bytes */
	size_t len = 0;
	for (int i = 0; i < length && i < BAR_MAX; i++, len += 3)
		memcpy(bar + len, "█", 3);
	bar[len] = '\0';
	ui_text(y, x, length, bar, attr);
}

/* Text right-aligned in WIDTH columns from X. */
static void draw_right(int y, int x, int width, const char *text, attr_t attr)
{
	int tw = min_int(display_width(text), width);
	ui_text(y, x + width - tw, tw, text, attr);
}

static void draw_unseen(struct app *app, size_t i, int y, const struct unseen_row *c,
	int64_t most)
{
	struct unseen u;
	if (item_read(app_db(app), item_type(ITEM_UNSEEN), w.unseens[i], &u) != STATUS_OK)
		return;
	bool here = i == w.at.unseen;
	attr_t a = here ? ui_attr(UI_CURSOR) : ui_attr(UI_NORMAL);
	char buf[64], vuln[32];
	ui_text_pad(y, c->x, c->w, "", a);
	draw_right(y, c->x, c->rank_w, ui_fmt(buf, sizeof buf, "%zu.", i + 1), a);
	ui_text(y, c->title_x, c->title_w, u.title, a | A_BOLD);
	draw_bar(y, c->bar_x, bar_length(u.votes, most, c->bar_w), here ? a : ui_attr(UI_ACCENT));
	draw_right(y, c->votes_x, c->votes_w, ui_fmt(buf, sizeof buf, "%" PRId64, u.votes), a | A_BOLD);
	double v = unseen_vulnerability(&u);
	draw_right(y, c->vuln_x, c->vuln_w, v >= 0 ? i18n_decimal(vuln, sizeof vuln, v) : "—",
		v >= 0 || here ? a : ui_attr(UI_DIM));
	item_clear(item_type(ITEM_UNSEEN), &u);
}

/* The most votes: the first unseen's, the ranking being by votes. */
static int64_t most_votes(struct app *app)
{
	struct unseen u;
	int64_t most = 0;
	if (w.nunseens && item_read(app_db(app), item_type(ITEM_UNSEEN), w.unseens[0], &u) == STATUS_OK) {
		most = u.votes;
		item_clear(item_type(ITEM_UNSEEN), &u);
	}
	return most;
}

/* The chosen unseen's title in block letters on top, when the terminal
 * is tall enough that the list keeps most of it.  Returns the rows used. */
static int draw_chosen_unseen(struct app *app, struct rect a)
{
	struct unseen u;
	struct big_head big;
	int rows = 0;
	if (a.h < 20 || item_read(app_db(app), item_type(ITEM_UNSEEN), w.unseens[w.at.unseen], &u)
	    != STATUS_OK)
		return 0;
	if (!blank(u.title) && big_choose(u.title, a.w, a.h / 4, &big)) {
		big_draw(&big, a.y, a.x, a.w, ui_attr(UI_TITLE));
		rows = big.rows + 1;
	}
	item_clear(item_type(ITEM_UNSEEN), &u);
	return rows;
}

static void draw_unseens_wall(struct app *app, struct rect a)
{
	if (w.nunseens == 0) {
		centre_draw(a, _("no unseen yet"), ui_attr(UI_DIM));
		return;
	}
	int y = a.y + draw_chosen_unseen(app, a);
	struct unseen_row c = unseen_row_layout(a);
	/* the column heads; when narrow, together over the right end */
	if (c.narrow) {
		char heads[128];
		draw_right(y, a.x, a.w, ui_fmt(heads, sizeof heads, "%s  %s", _("Votes"),
			_("Vulnerability")), ui_attr(UI_DIM));
	} else {
		draw_right(y, c.bar_x, c.bar_w + 1 + c.votes_w, _("Votes"), ui_attr(UI_DIM));
		draw_right(y, c.vuln_x, c.vuln_w, _("Vulnerability"), ui_attr(UI_DIM));
	}
	y++;
	int rows = a.y + a.h - y;
	if (rows <= 0)
		return;
	/* a blank row between two unseens when all fit so */
	int pitch = (size_t)rows >= 2 * w.nunseens ? 2 : 1;
	size_t fit = (size_t)(rows / pitch);
	bool cut = w.nunseens > fit;
	size_t shown = cut && fit > 1 ? fit - 1 : fit;
	follow(w.at.unseen, &w.at.unseen_top, shown);
	w.page = (int)shown;
	int64_t most = most_votes(app);
	for (size_t k = 0; k < shown && w.at.unseen_top + k < w.nunseens; k++)
		draw_unseen(app, w.at.unseen_top + k, y + (int)k * pitch, &c, most);
	size_t below = w.nunseens - w.at.unseen_top;
	if (cut && below > shown)
		draw_more((struct rect){ y, a.x, rows, a.w }, below - shown);
}

/* ---- step 4: the goals and their conflicts ---- */

#define GOAL_ROWS_MAX 3      /* a goal's text in at most so many rows */
#define CONFLICT_ROWS_MAX 2

/* The texts of the goals goal ID conflicts with, joined by " · ", into BUF. */
static void conflict_partners(struct app *app, int64_t id, char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t k = 0; k < w.nconflicts && len + 1 < size; k++) {
		int64_t other = w.conflicts[k].a == id ? w.conflicts[k].b
			: w.conflicts[k].b == id ? w.conflicts[k].a : 0;
		struct goal g;
		if (!other || item_read(app_db(app), item_type(ITEM_GOAL), other, &g) != STATUS_OK)
			continue;
		int n = snprintf(buf + len, size - len, "%s%s", len ? " · " : "", g.text ? g.text : "");
		len = n > 0 && (size_t)n < size - len ? len + (size_t)n : size - 1;
		item_clear(item_type(ITEM_GOAL), &g);
	}
}

/* Goal I from row R.y on (drawn when DRAW): its text large, the goals it
 * conflicts with below.  Returns its rows, the blank row after included. */
static int draw_goal(struct app *app, size_t i, struct rect r, bool draw)
{
	struct goal g;
	if (item_read(app_db(app), item_type(ITEM_GOAL), w.goals[i], &g) != STATUS_OK)
		return 0;
	char partners[2048], line[2200], number[32] = "";
	struct component c;
	if (g.component_id &&
	    item_read(app_db(app), item_type(ITEM_COMPONENT), g.component_id, &c) == STATUS_OK) {
		ui_fmt(number, sizeof number, _("C%" PRId64), c.number);
		item_clear(item_type(ITEM_COMPONENT), &c);
	}
	int nw = display_width(number) + 1;
	struct rect text = { r.y, r.x + nw, 0, r.w - nw };
	text.h = min_int(ui_wrap_rows(text.w, g.text), GOAL_ROWS_MAX);
	conflict_partners(app, w.goals[i], partners, sizeof partners);
	struct rect conflicts = { r.y + text.h, text.x + 2, 0, text.w - 2 };
	if (partners[0]) {
		ui_fmt(line, sizeof line, _("⚡ conflicts with: %s"), partners);
		conflicts.h = min_int(ui_wrap_rows(conflicts.w, line), CONFLICT_ROWS_MAX);
	}
	if (draw) {
		attr_t a = i == w.at.goal ? ui_attr(UI_CURSOR) : ui_attr(UI_NORMAL);
		struct rect row = { r.y, r.x, min_int(text.h, r.h), r.w };
		ui_fill(row, a);
		ui_text(r.y, r.x, nw, number, i == w.at.goal ? a : ui_attr(UI_ACCENT));
		text.h = row.h;
		ui_wrap(text, 0, g.text, a | A_BOLD);
		conflicts.h = min_int(conflicts.h, r.y + r.h - conflicts.y);
		if (conflicts.h > 0)
			ui_wrap(conflicts, 0, line, ui_attr(UI_ACCENT));
	}
	item_clear(item_type(ITEM_GOAL), &g);
	return text.h + conflicts.h + 1;
}

static void draw_goals_wall(struct app *app, struct rect a)
{
	if (w.ngoals == 0) {
		centre_draw(a, _("no goal yet"), ui_attr(UI_DIM));
		return;
	}
	ui_text(a.y, a.x, a.w, _(item_type(ITEM_GOAL)->plural), ui_attr(UI_TITLE) | A_BOLD);
	struct rect list = { a.y + 2, a.x, a.h - 3, a.w };   /* the last row says what is left out */
	if (list.h <= 0)
		return;
	/* The top stays unless the cursor's goal is above it or would not fit
	 * below it: then up from the cursor's goal as far as the rows go
	 * (reading only goals that will be shown). */
	if (w.at.goal < w.at.goal_top)
		w.at.goal_top = w.at.goal;
	int rows = 0;
	size_t top = w.at.goal;
	for (size_t i = w.at.goal + 1; i-- > w.at.goal_top;) {
		rows += draw_goal(app, i, list, false);
		if (rows - 1 > list.h && i != w.at.goal)
			break;
		top = i;
	}
	w.at.goal_top = top;
	int y = list.y;
	size_t i = w.at.goal_top;
	for (; i < w.ngoals && y < list.y + list.h; i++)
		y += draw_goal(app, i, (struct rect){ y, list.x, list.y + list.h - y, list.w }, true);
	w.page = (int)(i - w.at.goal_top);
	draw_more((struct rect){ a.y, a.x, a.h, a.w }, w.ngoals - i);
}

/* ---- step 5: the bundle board ---- */

static void draw_board_wall(struct app *app, struct rect a)
{
	ui_text(a.y, a.x, a.w, _("Bundle board: the measures per actor group"),
		ui_attr(UI_TITLE) | A_BOLD);
	if (w.board.n == 0) {
		ui_text(a.y + 2, a.x, a.w, _("No actor group and no measure yet."), ui_attr(UI_DIM));
		return;
	}
	const struct board_column *c = &w.board.columns[w.at.column];
	w.at.card = clamp_cursor(w.at.card, c->n);
	size_t shown = board_draw_columns(app, &w.board, (struct rect){ a.y + 2, a.x, a.h - 2, a.w },
		&w.at.first_column, w.at.column, w.at.card, true);
	w.page = 1;
	if (shown < w.board.n) {
		char buf[96];
		ui_fmt(buf, sizeof buf, _("groups %zu–%zu of %zu (← →)"), w.at.first_column + 1,
			w.at.first_column + shown, w.board.n);
		draw_right(a.y, a.x, a.w, buf, ui_attr(UI_DIM));
	}
}

/* ---- the other steps: the current item ---- */

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

void wall_draw_item(struct app *app, struct rect a, const char *head, const char *text)
{
	char question[4096];
	session_question(app_db(app), app_session(app), question, sizeof question);
	attr_t q_attr = ui_attr(UI_NORMAL), text_attr = ui_attr(UI_NORMAL) | A_BOLD;

	if (blank(head) && blank(text)) {
		/* Nothing chosen: the question alone, in the middle. */
		const char *shown = blank(question) ? _("The wall · F5 back") : question;
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
		big_draw(&big, y, rest.x, rest.w, ui_attr(UI_TITLE));
	else if (h_rows)
		centre_draw((struct rect){ y, rest.x, h_rows, rest.w }, head, ui_attr(UI_TITLE) | A_BOLD);
	y += h_rows + gap;
	if (t_shown > 0)
		centre_draw((struct rect){ y, rest.x, t_shown, rest.w }, text, text_attr);
}

/* ---- the frame's entry points ---- */

struct rect wall_area(int top)
{
	/* a margin left and right, the last row kept free like the first */
	int mx = COLS >= 80 ? 4 : COLS >= 60 ? 2 : 1;
	return (struct rect){ top, mx, LINES - top - 1, COLS - 2 * mx };
}

bool wall_draw(struct app *app, enum step step, struct rect a)
{
	if (a.h <= 0 || a.w <= 0)
		return true;
	switch (step) {
	case STEP_QUESTION: draw_question_wall(app, a); return true;
	case STEP_UNSEENS: draw_unseens_wall(app, a); return true;
	case STEP_MODEL: matrix_wall_draw(a); return true;
	case STEP_GOALS: draw_goals_wall(app, a); return true;
	case STEP_MEASURES: draw_board_wall(app, a); return true;
	default: return false;
	}
}

/* How far a movement key goes: rows, or a page, or to an end. */
static bool key_delta(int key, long *delta)
{
	long page = w.page > 1 ? w.page - 1 : 1;
	switch (key) {
	case UI_FN(KEY_UP): case 'k': *delta = -1; return true;
	case UI_FN(KEY_DOWN): case 'j': case ' ': *delta = 1; return true;
	case UI_FN(KEY_PPAGE): *delta = -page; return true;
	case UI_FN(KEY_NPAGE): *delta = page; return true;
	case UI_FN(KEY_HOME): *delta = -(long)INT_MAX; return true;
	case UI_FN(KEY_END): *delta = INT_MAX; return true;
	default: return false;
	}
}

static size_t moved(size_t at, long delta, size_t n)
{
	long to = (long)at + delta;
	return to < 0 ? 0 : clamp_cursor((size_t)to, n);
}

/* ← → (h l): -1, +1; 0 for any other key. */
static int side_of(int key)
{
	if (key == UI_FN(KEY_LEFT) || key == 'h')
		return -1;
	return key == UI_FN(KEY_RIGHT) || key == 'l' ? 1 : 0;
}

bool wall_key(struct app *app, enum step step, int key)
{
	if (step == STEP_UNSEENS && (key == '+' || key == '-')) {
		if (w.nunseens)
			panel_vote(app, w.unseens[w.at.unseen], key == '+' ? 1 : -1);
		return true;
	}
	int side = side_of(key);
	if (side && step == STEP_MEASURES) {
		w.at.column = moved(w.at.column, side, w.board.n);
		w.at.card = 0;
		return true;
	}
	if (side && step == STEP_MODEL) {
		matrix_wall_scroll(0, side);
		return true;
	}
	long delta;
	if (!key_delta(key, &delta))
		return false;
	switch (step) {
	case STEP_QUESTION:
		w.at.component_top = moved(w.at.component_top, delta, w.ncomponents);
		return true;
	case STEP_UNSEENS: w.at.unseen = moved(w.at.unseen, delta, w.nunseens); return true;
	case STEP_MODEL: matrix_wall_scroll(delta, 0); return true;
	case STEP_GOALS: w.at.goal = moved(w.at.goal, delta, w.ngoals); return true;
	case STEP_MEASURES:
		if (w.board.n)
			w.at.card = moved(w.at.card, delta, w.board.columns[w.at.column].n);
		return true;
	default: return false;
	}
}

/* ---- the timer ---- */

/* The largest scale at which TEXT fits a band on top: at most half the
 * width and a sixth of the height; 0 when not even scale 1 does. */
static int timer_scale(const char *text)
{
	for (int scale = 2; scale >= 1; scale--)
		if (bigfont_width(text, scale) + 4 <= COLS / 2 && bigfont_height(text, scale) * 6 <= LINES)
			return scale;
	return 0;
}

int wall_timer_rows(const char *text)
{
	int scale = timer_scale(text);
	return scale ? bigfont_height(text, scale) : 0;
}

void wall_draw_timer(const char *text, attr_t attr)
{
	int scale = timer_scale(text);
	if (!scale)
		return;
	struct big_head big = { .scale = scale, .nlines = 1, .rows = bigfont_height(text, scale) };
	snprintf(big.lines[0], sizeof big.lines[0], "%s", text);
	int bw = bigfont_width(text, scale);
	big_draw(&big, 0, COLS - bw - 2, bw, attr);
}

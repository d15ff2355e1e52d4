/* Step 3's impact matrix: a grid of the rated direct influences that a
 * cursor moves over, digits rating the cell under it, and beside the grid
 * (or alone, toggled with `a`, when the terminal is narrow) each
 * variable's active sum AS (row sum), passive sum PS (column sum) and
 * Vester role, with a character-cell scatter plot of AS against PS.
 *
 * The matrix is kept here as loaded; `open` reloads it (shown, undo,
 * another process).  A rating is written through the model at once and
 * then patched into the copy and re-analysed, so no key reloads the
 * session.  Only the visible window of the grid and of the table is
 * drawn: a 200×200 matrix costs what a 9×9 one does. */
#include "tui/matrix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/analysis.h"
#include "model/db.h"
#include "model/impact.h"
#include "model/item.h"
#include "util/display.h"
#include "util/labels.h"
#include "util/i18n.h"
#include "util/text.h"

#define LABEL_MAX 8     /* columns of a short name in the row headers */
#define WIDE_MIN 72     /* from this width the analysis goes beside the grid */
#define SIDE_MIN 34     /* the analysis beside the grid gets at least this */
#define BELOW_MIN 10    /* rows the analysis needs to fit below the grid */
#define SPLIT_MIN 64    /* from this width table and plot stand side by side */
#define PLOT_NAME_MAX 6 /* columns of a short name on the wall's plot */

enum {
	M_UP = 1, M_DOWN, M_LEFT, M_RIGHT, M_PAGE_UP, M_PAGE_DOWN, M_HOME, M_END,
	M_SET, M_CLEAR, M_ANALYSIS, M_VARIABLES, M_GROUPS,
};

static const struct binding matrix_keys[] = {
	{ UI_FN(KEY_UP), M_UP, "↑ ↓ ← → k j h l", N_("choose a cell") },
	{ UI_FN(KEY_DOWN), M_DOWN, "↓", NULL },
	{ UI_FN(KEY_LEFT), M_LEFT, "←", NULL },
	{ UI_FN(KEY_RIGHT), M_RIGHT, "→", NULL },
	{ 'k', M_UP, "k", NULL },
	{ 'j', M_DOWN, "j", NULL },
	{ 'h', M_LEFT, "h", NULL },
	{ 'l', M_RIGHT, "l", NULL },
	{ UI_FN(KEY_PPAGE), M_PAGE_UP, N_("PgUp PgDn"), N_("a page at a time") },
	{ UI_FN(KEY_NPAGE), M_PAGE_DOWN, N_("PgDn"), NULL },
	{ UI_FN(KEY_HOME), M_HOME, N_("Home End"), N_("first/last column, twice: first/last row") },
	{ UI_FN(KEY_END), M_END, N_("End"), NULL },
	{ '0', M_SET, "0…3", N_("strength row → column: 0 none up to the end of the scale (heading); "
		"a digit above it switches the step") },
	{ '1', M_SET, "1", NULL },
	{ '2', M_SET, "2", NULL },
	{ '3', M_SET, "3", NULL },
	{ '4', M_SET, "4", NULL },
	{ '5', M_SET, "5", NULL },
	{ '6', M_SET, "6", NULL },
	{ '7', M_SET, "7", NULL },
	{ '8', M_SET, "8", NULL },
	{ '9', M_SET, "9", NULL },
	{ '-', M_CLEAR, N_("- . x Del"), N_("cell back to unrated (·)") },
	{ '.', M_CLEAR, ".", NULL },
	{ 'x', M_CLEAR, "x", NULL },
	{ UI_FN(KEY_DC), M_CLEAR, N_("Del"), NULL },
	{ 'a', M_ANALYSIS, "a", N_("analysis (AS, PS, roles, scatter plot) off/on; "
		"narrow: instead of the matrix") },
	{ 'v', M_VARIABLES, "v Esc", N_("back to the system variables") },
	{ UI_ESC, M_VARIABLES, "Esc", NULL },
	{ 'g', M_GROUPS, "g", N_("back to the stakeholder groups") },
};

static struct {
	int64_t session;             /* whose matrix is loaded */
	int64_t log_id;              /* the session's newest change it shows */
	struct impact_matrix m;
	char **shorts;               /* n short names, NULL where a variable has none */
	struct {                     /* distinct labels per width, made on first use */
		int columns;
		bool names_only;
		char **labels;
	} cut[4];
	struct analysis_result res;  /* of m; res.n != m.n when it failed */
	size_t row, col;             /* the cursor cell: influence of row on col */
	size_t top, left;            /* first row and column of the grid on screen */
	bool toggled;                /* `a`: analysis hidden (wide) or alone (narrow) */
	/* Where the last draw put things, for the mouse and for paging. */
	struct rect cells;           /* the visible cells */
	int cw;                      /* columns per cell */
	int header_x, header_y;      /* where the row headers and column headers start */
	struct rect table;           /* the rows of the analysis table */
	size_t table_top;
	size_t wall_top, wall_left;  /* the wall's first row and column of the heat map */
} mx;

/* ---- the data ---- */

static void forget_labels(void)
{
	for (size_t k = 0; k < sizeof mx.cut / sizeof mx.cut[0]; k++) {
		labels_free(mx.cut[k].labels, mx.m.n);
		mx.cut[k].labels = NULL;
	}
}

static void release(void)
{
	forget_labels();
	for (size_t i = 0; mx.shorts && i < mx.m.n; i++)
		free(mx.shorts[i]);
	free(mx.shorts);
	mx.shorts = NULL;
	analysis_free(&mx.res);
	impact_matrix_free(&mx.m);
}

static bool analysed(void)
{
	return mx.m.n > 0 && mx.res.n == mx.m.n;
}

/* What names variable I in COLUMNS: its name when that fits, else its
 * short name (unless NAMES_ONLY) or its name cut, always distinct from
 * the other variables' labels of that width. */
static const char *label_of(size_t i, int columns, bool names_only)
{
	size_t slots = sizeof mx.cut / sizeof mx.cut[0], k;
	for (k = 0; k < slots; k++)
		if (mx.cut[k].labels && mx.cut[k].columns == columns &&
		    mx.cut[k].names_only == names_only)
			return mx.cut[k].labels[i];
	/* A new width (after a resize): it takes the oldest slot. */
	labels_free(mx.cut[slots - 1].labels, mx.m.n);
	memmove(&mx.cut[1], &mx.cut[0], (slots - 1) * sizeof mx.cut[0]);
	const char *const *shorts = names_only ? NULL : (const char *const *)mx.shorts;
	mx.cut[0].columns = columns;
	mx.cut[0].names_only = names_only;
	mx.cut[0].labels = labels_distinct((const char *const *)mx.m.names, shorts, mx.m.n, columns);
	return mx.cut[0].labels ? mx.cut[0].labels[i] : mx.m.names[i];
}


static bool high_as(enum analysis_role role)
{
	return role == ANALYSIS_ACTIVE || role == ANALYSIS_CRITICAL;
}

static bool high_ps(enum analysis_role role)
{
	return role == ANALYSIS_REACTIVE || role == ANALYSIS_CRITICAL;
}

static int take_short(void *ctx, const void *item)
{
	const struct variable *v = item;
	size_t *next = ctx, n = mx.m.n;
	/* Both lists come in the variables' order: the next one is usually it. */
	for (size_t k = 0; k < n; k++) {
		size_t i = (*next + k) % n;
		if (mx.m.ids[i] != v->id)
			continue;
		if (v->short_name && *v->short_name)
			mx.shorts[i] = strdup(v->short_name);
		*next = i + 1;
		break;
	}
	return 0;
}

static void analyse(struct app *app)
{
	analysis_free(&mx.res);
	if (mx.m.n && analysis_run(mx.m.cells, mx.m.n, NULL, &mx.res) != STATUS_OK)
		app_status(app, "%s", _("No analysis possible: out of memory"));
}

static size_t index_of(int64_t id, size_t fallback)
{
	for (size_t i = 0; id && i < mx.m.n; i++)
		if (mx.m.ids[i] == id)
			return i;
	return fallback < mx.m.n ? fallback : (mx.m.n ? mx.m.n - 1 : 0);
}

static void apply_cell(void *ctx, int64_t from, int64_t to, int strength)
{
	(void)ctx;
	size_t r = index_of(from, mx.m.n), c = index_of(to, mx.m.n);
	if (mx.m.ids[r] == from && mx.m.ids[c] == to)
		mx.m.cells[r * mx.m.n + c] = strength;
}

/* Brings the loaded matrix up to date with the change log, when only
 * cells changed: a reload of 200x200 cells takes 10 ms, this well under
 * one.  False when the matrix must be loaded again. */
static bool catch_up(struct app *app)
{
	bool reload;
	int64_t last;
	if (mx.session != app_session(app) || !mx.m.ids || !mx.log_id)
		return false;
	if (impact_changes_since(app_db(app), mx.session, mx.log_id, mx.m.scale, &reload, &last,
	    apply_cell, NULL) != STATUS_OK || reload)
		return false;
	if (last != mx.log_id)
		analyse(app);
	mx.log_id = last;
	return true;
}

static void matrix_open(struct app *app)
{
	if (catch_up(app))
		return;
	int64_t session = app_session(app), keep_row = 0, keep_col = 0;
	if (session == mx.session && mx.row < mx.m.n && mx.col < mx.m.n) {
		keep_row = mx.m.ids[mx.row];
		keep_col = mx.m.ids[mx.col];
	} else if (session != mx.session) {
		mx.row = mx.col = mx.top = mx.left = 0;
		mx.toggled = false;
	}
	release();
	mx.session = session;
	/* The log position first: what changes during the load is caught up next time. */
	bool reload;
	mx.log_id = 0;
	if (impact_changes_since(app_db(app), session, 0, 0, &reload, &mx.log_id, NULL, NULL) != STATUS_OK ||
	    impact_matrix_load(app_db(app), session, &mx.m) != STATUS_OK) {
		app_error(app);
		return;
	}
	mx.shorts = calloc(mx.m.n ? mx.m.n : 1, sizeof *mx.shorts);
	size_t next = 0;
	if (mx.shorts && mx.m.n)
		item_list(app_db(app), item_type(ITEM_VARIABLE), session, take_short, &next);
	analyse(app);
	mx.row = index_of(keep_row, mx.row);
	mx.col = index_of(keep_col, mx.col);
}

/* ---- text about the cursor ---- */

static void describe_variable(size_t i, char *buf, size_t size)
{
	if (analysed())
		snprintf(buf, size, _("%s: %s (AS %ld, PS %ld)"), mx.m.names[i],
			analysis_role_label(mx.res.vars[i].role), mx.res.vars[i].as, mx.res.vars[i].ps);
	else
		snprintf(buf, size, "%s", mx.m.names[i]);
}

/* "Digitalkompetenz der Führung → IT-Sicherheitsniveau: 2". */
static void describe_cell(char *buf, size_t size)
{
	if (mx.m.n == 0) {
		buf[0] = '\0';
		return;
	}
	if (mx.row == mx.col) {
		describe_variable(mx.row, buf, size);
		return;
	}
	int v = mx.m.cells[mx.row * mx.m.n + mx.col];
	char value[32];
	snprintf(value, sizeof value, "%d", v);
	snprintf(buf, size, "%s → %s: %s", mx.m.names[mx.row], mx.m.names[mx.col],
		v < 0 ? _("unrated") : value);
}

static void show_cell(struct app *app)
{
	char buf[512];
	describe_cell(buf, sizeof buf);
	if (buf[0])
		app_status(app, "%s", buf);
}

/* ---- drawing ---- */

static int digits(size_t n)
{
	int d = 1;
	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* How a cell's strength looks: the digit always says it; colour helps. */
static attr_t strength_attr(int v)
{
	if (v <= 0)
		return ui_attr(UI_DIM);
	if (v >= mx.m.scale)
		return ui_attr(UI_TITLE);
	return v == 1 ? ui_attr(UI_NORMAL) : ui_attr(UI_ACCENT);
}

/* GLYPH right-aligned in the W-1 columns after a gap column at X. */
static void draw_slot(int y, int x, int w, const char *glyph, attr_t attr)
{
	int gw = display_width(glyph);
	if (gw > w - 1)
		gw = w - 1;
	ui_text_pad(y, x + 1, w - 1 - gw, "", attr);
	ui_text(y, x + w - gw, gw, glyph, attr);
}

/* Keeps the cursor's cell inside the window of ROWS x COLS cells. */
static void follow_cursor(size_t rows, size_t cols)
{
	size_t n = mx.m.n;
	if (mx.row < mx.top)
		mx.top = mx.row;
	if (mx.row >= mx.top + rows)
		mx.top = mx.row - rows + 1;
	if (mx.col < mx.left)
		mx.left = mx.col;
	if (mx.col >= mx.left + cols)
		mx.left = mx.col - cols + 1;
	/* After a resize or a shorter reload: no empty rows or columns at the end. */
	if (mx.top + rows > n)
		mx.top = n > rows ? n - rows : 0;
	if (mx.left + cols > n)
		mx.left = n > cols ? n - cols : 0;
}

/* How cell I→J with strength V looks; on the heat map the strength
 * colours the whole cell. */
static attr_t cell_attr(size_t i, size_t j, int v, bool heat)
{
	if (i == j)
		return ui_attr(UI_BORDER);
	if (!heat && i == mx.row && j == mx.col)
		return ui_attr(UI_CURSOR);
	if (v < 0)
		return ui_attr(UI_DIM);
	return heat && v > 0 ? strength_attr(v) | A_REVERSE : strength_attr(v);
}

/* The grid into G.  HEAT: the wall's heat map, without a cursor, its rows
 * from wall_top on, and a dimmed line saying what does not fit. */
static void draw_grid(struct rect g, bool heat)
{
	size_t n = mx.m.n;
	int nd = digits(n), lw = 0;
	for (size_t i = 0; i < n && lw < LABEL_MAX; i++) {
		int w = display_width(label_of(i, LABEL_MAX, false));
		lw = w > lw ? w : lw;
	}
	lw = lw > LABEL_MAX ? LABEL_MAX : lw;
	if (g.w < 50 && lw > 5)
		lw = 5;
	int hw = nd + 1 + lw + 1;
	/* Room for every column: wider cells and 3 characters of each short
	 * name; else as many columns as fit, numbered only (a cut "V18" of
	 * "V188" would name the wrong one). */
	bool roomy = hw + (int)n * 4 <= g.w;
	int cw = roomy ? 4 : (nd + 1 > 3 ? nd + 1 : 3);
	if (g.w - hw < cw) {        /* too narrow for a label: numbers only */
		hw = nd + 1;
		lw = 0;
	}
	bool abbrev = roomy && g.h - 2 >= ((int)n < 4 ? (int)n : 4);
	int hdr = abbrev ? 2 : 1;
	int rows = g.h - hdr, cols = (g.w - hw) / cw;
	bool cut = heat && ((size_t)rows < n || (size_t)cols < n);
	rows -= cut;
	if (rows < 1 || cols < 1)
		return;
	size_t top, left;
	if (heat) {
		if (mx.wall_top + (size_t)rows > n)
			mx.wall_top = n > (size_t)rows ? n - (size_t)rows : 0;
		if (mx.wall_left + (size_t)cols > n)
			mx.wall_left = n > (size_t)cols ? n - (size_t)cols : 0;
		top = mx.wall_top;
		left = mx.wall_left;
	} else {
		follow_cursor((size_t)rows, (size_t)cols);
		top = mx.top;
		left = mx.left;
	}
	size_t nrows = n - top < (size_t)rows ? n - top : (size_t)rows;
	size_t ncols = n - left < (size_t)cols ? n - left : (size_t)cols;
	if (!heat) {
		mx.cells = (struct rect){ g.y + hdr, g.x + hw, (int)nrows, (int)ncols * cw };
		mx.cw = cw;
		mx.header_x = g.x;
		mx.header_y = g.y;
	}

	char buf[256];
	for (size_t c = 0; c < ncols; c++) {
		size_t j = left + c;
		int x = g.x + hw + (int)c * cw;
		attr_t a = !heat && j == mx.col ? ui_attr(UI_MARK) : ui_attr(UI_DIM);
		draw_slot(g.y, x, cw, ui_fmt(buf, sizeof buf, "%zu", j + 1), a);
		if (abbrev)
			ui_text_pad(g.y + 1, x + 1, cw - 1, label_of(j, cw - 1, false), a);
	}
	for (size_t r = 0; r < nrows; r++) {
		size_t i = top + r;
		int y = g.y + hdr + (int)r;
		attr_t a = !heat && i == mx.row ? ui_attr(UI_CURSOR) : ui_attr(UI_NORMAL);
		ui_text_pad(y, g.x, nd, ui_fmt(buf, sizeof buf, "%*zu", nd, i + 1), a);
		if (lw) {
			ui_text_pad(y, g.x + nd, lw + 1, " ", a);
			ui_text(y, g.x + nd + 1, lw, label_of(i, lw, false), a);
		}
		const int *row = mx.m.cells + i * n;
		for (size_t c = 0; c < ncols; c++) {
			size_t j = left + c;
			int v = row[j];
			const char *glyph = i == j ? "╲" : v < 0 ? "·" : ui_fmt(buf, sizeof buf, "%d", v);
			draw_slot(y, g.x + hw + (int)c * cw, cw, glyph, cell_attr(i, j, v, heat));
		}
	}
	if (cut) {
		size_t hidden = n - (nrows < ncols ? nrows : ncols);
		ui_text(g.y + hdr + (int)nrows, g.x, g.w, ui_fmt(buf, sizeof buf,
			P_("%zu variable more than fits: rows %zu–%zu and columns %zu–%zu shown (↑↓ ← → scroll)",
			   "%zu variables more than fit: rows %zu–%zu and columns %zu–%zu shown (↑↓ ← → scroll)",
			   (unsigned long)hidden), hidden, top + 1, top + nrows, left + 1, left + ncols),
			ui_attr(UI_DIM));
	}
}

static void draw_table(struct rect t)
{
	size_t n = mx.m.n;
	int nd = digits(n);
	/* Number, name, AS, PS, role; the name takes what is left. */
	int fixed = nd + 1 + 4 + 4 + 1 + 8, nw = t.w - fixed;
	bool mean_line = t.h >= 4;
	int rows = t.h - 1 - (mean_line ? 1 : 0);
	if (rows < 1 || t.w < 12)
		return;
	char buf[512];
	snprintf(buf, sizeof buf, "%*s %-*s%4s%4s %s", nd, _("No"), nw > 0 ? nw : 0,
		nw >= 8 ? _("Variable") : "", "AS", "PS", _("Role"));
	ui_text_pad(t.y, t.x, t.w, buf, ui_attr(UI_TITLE));
	size_t top = mx.row > (size_t)rows / 2 ? mx.row - (size_t)rows / 2 : 0;
	if (top + (size_t)rows > n)
		top = n > (size_t)rows ? n - (size_t)rows : 0;
	mx.table = (struct rect){ t.y + 1, t.x, 0, t.w };
	mx.table_top = top;
	for (size_t r = 0; r < (size_t)rows && top + r < n; r++) {
		size_t i = top + r;
		const struct analysis_variable *v = &mx.res.vars[i];
		int y = t.y + 1 + (int)r, x = t.x;
		attr_t a = i == mx.row ? ui_attr(UI_CURSOR) : i == mx.col ? ui_attr(UI_MARK)
			: ui_attr(UI_NORMAL);
		ui_text_pad(y, x, t.w, ui_fmt(buf, sizeof buf, "%*zu", nd, i + 1), a);
		x += nd + 1;
		if (nw > 0)
			ui_text(y, x, nw - 1, label_of(i, nw - 1, nw - 1 >= 14), a);
		x += nw > 0 ? nw : 0;
		snprintf(buf, sizeof buf, "%4ld%4ld %s", v->as, v->ps, analysis_role_label(v->role));
		ui_text(y, x, t.x + t.w - x, buf, a);
		mx.table.h++;
	}
	char mean[32];
	if (mean_line)
		ui_text_pad(t.y + 1 + mx.table.h, t.x, t.w, ui_fmt(buf, sizeof buf,
			_("Mean %s · %zu unrated"), i18n_decimal(mean, sizeof mean, mx.res.mean_sum),
			mx.res.unrated), ui_attr(UI_DIM));
}

/* One axis of the plot: the sums run from lo to hi, the mean line is at
 * cell `line` of `size`. */
struct axis {
	long lo, hi;
	int line, size;
};

/* From the smallest to the largest sum (not from 0: with many variables
 * the sums crowd around the mean), the mean line in proportion but
 * leaving each side a cell. */
static struct axis plot_axis(long lo, long hi, double mean, int size)
{
	struct axis a = { lo, hi, size / 2, size };
	if (hi > lo)
		a.line = (int)((mean - (double)lo) / (double)(hi - lo) * (size - 1) + 0.5);
	a.line = a.line < 1 ? 1 : a.line > size - 2 ? size - 2 : a.line;
	return a;
}

/* Where a sum lands: at or below the mean in 0..line-1, above it in
 * line+1..size-1, so that the side always agrees with the role (which
 * compares exactly, in integers). */
static int plot_place(const struct axis *a, long v, bool high, double mean)
{
	double at, span;
	int lo, hi;
	if (!high) {
		span = mean - (double)a->lo;
		at = span > 0 ? ((double)v - (double)a->lo) / span * (a->line - 1) : 0;
		lo = 0;
		hi = a->line - 1;
	} else {
		span = (double)a->hi - mean;
		at = a->line + 1 + (span > 0 ? ((double)v - mean) / span * (a->size - 2 - a->line) : 0);
		lo = a->line + 1;
		hi = a->size - 1;
	}
	int p = (int)(at + 0.5);
	return p < lo ? lo : p > hi ? hi : p;
}

/* Whether GLYPH fits at CX of row AT: its cells free and the one after
 * it too ("6" beside "7" would read "67"), and not across the mean line
 * at column WALL. */
static bool marker_fits(struct rect in, const int *count, int at, int wall, int cx,
	const char *glyph)
{
	int w = display_width(glyph);
	bool fits = cx + w <= in.w && (cx > wall || cx + w <= wall);
	for (int k = 1; fits && k <= w && cx + k < in.w; k++)
		fits = count[at + k] == 0;
	return fits;
}

/* One marker per occupied cell: the variable's short name when NAMES
 * and it fits in free cells, else its number when that fits, else "•";
 * "*" for several variables. */
static void draw_marker(struct rect in, const int *count, const size_t *who, int wall, int cx,
	int cy, attr_t attr, bool names)
{
	char buf[32];
	int at = cy * in.w + cx;
	const char *glyph = "*";
	if (count[at] == 1) {
		const char *name = names ? label_of(who[at], PLOT_NAME_MAX, false) : NULL;
		ui_fmt(buf, sizeof buf, "%zu", who[at] + 1);
		glyph = name && marker_fits(in, count, at, wall, cx, name) ? name
			: marker_fits(in, count, at, wall, cx, buf) ? buf : "•";
	}
	ui_text(in.y + cy, in.x + cx, in.w - cx, glyph, attr);
}

/* A quadrant's name within its columns X0..X1-1, in the first of its rows
 * from ROW_FROM to ROW_TO where it keeps clear of every marker (a number
 * beside a name would read as part of it); left out when none is clear. */
static void draw_quadrant(struct rect in, const int *count, const char *name, int x0, int x1,
	int row_from, int row_to, bool right)
{
	int w = display_width(name);
	w = w < x1 - x0 ? w : x1 - x0;
	if (w <= 0)
		return;
	int x = right ? x1 - w : x0, reach = digits(mx.m.n);
	for (int y = row_from;; y += row_from <= row_to ? 1 : -1) {
		bool clear = true;
		for (int k = x - reach; count && clear && k <= x + w; k++)
			clear = k < 0 || k >= in.w || count[y * in.w + k] == 0;
		if (clear) {
			ui_text(in.y + y, in.x + x, w, name, ui_attr(UI_DIM));
			return;
		}
		if (y == row_to)
			return;
	}
}

/* The plot into P.  WALL: markers named by short names, no cursor. */
static void draw_plot(struct rect p, bool wall)
{
	size_t n = mx.m.n;
	long as_lo = mx.res.vars[0].as, as_hi = as_lo, ps_lo = mx.res.vars[0].ps, ps_hi = ps_lo;
	for (size_t i = 1; i < n; i++) {
		const struct analysis_variable *v = &mx.res.vars[i];
		as_lo = v->as < as_lo ? v->as : as_lo;
		as_hi = v->as > as_hi ? v->as : as_hi;
		ps_lo = v->ps < ps_lo ? v->ps : ps_lo;
		ps_hi = v->ps > ps_hi ? v->ps : ps_hi;
	}
	double mean = mx.res.mean_sum;
	char title[128], shown[32];
	ui_frame(p, ui_fmt(title, sizeof title, _("AS %ld–%ld → · PS %ld–%ld ↑ · mean %s"),
		as_lo, as_hi, ps_lo, ps_hi, i18n_decimal(shown, sizeof shown, mean)));
	struct rect in = { p.y + 1, p.x + 1, p.h - 2, p.w - 2 };
	if (in.w < 8 || in.h < 3)
		return;
	struct axis ax = plot_axis(as_lo, as_hi, mean, in.w), ay = plot_axis(ps_lo, ps_hi, mean, in.h);
	int mc = ax.line, mr = in.h - 1 - ay.line;   /* mr: screen row, 0 on top */

	int *count = calloc((size_t)in.w * (size_t)in.h, sizeof *count);
	size_t *who = calloc((size_t)in.w * (size_t)in.h, sizeof *who);
	int *xs = calloc(n, sizeof *xs), *ys = calloc(n, sizeof *ys);
	bool placed = count && who && xs && ys;
	for (size_t i = 0; placed && i < n; i++) {
		const struct analysis_variable *v = &mx.res.vars[i];
		xs[i] = plot_place(&ax, v->as, high_as(v->role), mean);
		ys[i] = in.h - 1 - plot_place(&ay, v->ps, high_ps(v->role), mean);
		int at = ys[i] * in.w + xs[i];
		if (count[at]++ == 0)
			who[at] = i;
	}

	attr_t line = ui_attr(UI_BORDER);
	for (int y = 0; y < in.h; y++)
		ui_text(in.y + y, in.x + mc, 1, y == mr ? "┼" : "│", line);
	for (int x = 0; x < in.w; x++)
		if (x != mc)
			ui_text(in.y + mr, in.x + x, 1, "─", line);
	/* Quadrants: PS up, AS right. */
	const int *c = placed ? count : NULL;
	draw_quadrant(in, c, analysis_role_label(ANALYSIS_REACTIVE), 0, mc, 0, mr - 1, false);
	draw_quadrant(in, c, analysis_role_label(ANALYSIS_CRITICAL), mc + 1, in.w, 0, mr - 1, true);
	draw_quadrant(in, c, analysis_role_label(ANALYSIS_BUFFERING), 0, mc, in.h - 1, mr + 1, false);
	draw_quadrant(in, c, analysis_role_label(ANALYSIS_ACTIVE), mc + 1, in.w, in.h - 1, mr + 1, true);

	if (placed) {
		for (int at = 0; at < in.w * in.h; at++)
			if (count[at])
				draw_marker(in, count, who, mc, at % in.w, at / in.w, ui_attr(UI_ACCENT), wall);
		/* The cursor's two variables on top: the column's, then the row's. */
		if (!wall) {
			draw_marker(in, count, who, mc, xs[mx.col], ys[mx.col], ui_attr(UI_MARK), false);
			draw_marker(in, count, who, mc, xs[mx.row], ys[mx.row], ui_attr(UI_CURSOR), false);
		}
	}
	free(count);
	free(who);
	free(xs);
	free(ys);
	if (wall)
		return;

	/* The legend in the bottom edge: which marker is the row, which the column. */
	char buf[32];
	int x = p.x + 2, end = p.x + p.w - 2;
	x += ui_text(p.y + p.h - 1, x, end - x, " ", line);
	x += ui_text(p.y + p.h - 1, x, end - x, ui_fmt(buf, sizeof buf, "%zu", mx.row + 1),
		ui_attr(UI_CURSOR));
	x += ui_text(p.y + p.h - 1, x, end - x, _(" row → "), line);
	x += ui_text(p.y + p.h - 1, x, end - x, ui_fmt(buf, sizeof buf, "%zu", mx.col + 1),
		ui_attr(UI_MARK));
	ui_text(p.y + p.h - 1, x, end - x, _(" column "), line);
}

/* The sums, the roles and the plot into A: side by side when wide. */
static void draw_analysis(struct rect a)
{
	if (!analysed()) {
		ui_text(a.y, a.x, a.w, _("No analysis."), ui_attr(UI_DIM));
		return;
	}
	struct rect t = a, p = a;
	if (a.w >= SPLIT_MIN) {
		t.w = a.w / 2 < 44 ? a.w / 2 : 44;
		p.x = a.x + t.w + 1;
		p.w = a.w - t.w - 1;
	} else {
		int need = (int)mx.m.n + 2;
		t.h = a.h >= 14 ? (need < a.h - 9 ? need : a.h - 9) : a.h / 2;
		p.y = a.y + t.h;
		p.h = a.h - t.h;
	}
	draw_table(t);
	draw_plot(p, false);
}

static void matrix_draw(struct app *app, struct rect r)
{
	(void)app;
	mx.cells = (struct rect){ 0, 0, 0, 0 };
	mx.table = (struct rect){ 0, 0, 0, 0 };
	r.x++;
	r.w -= 2;
	size_t n = mx.m.n;
	char buf[256];
	if (n == 0) {
		ui_text_pad(r.y, r.x, r.w, _("Impact matrix"), ui_attr(UI_TITLE));
		struct rect msg = { r.y + 2, r.x, r.h - 2, r.w };
		ui_wrap(msg, 0, _("No system variables yet. v leads to the list, where a adds one."),
			ui_attr(UI_DIM));
		return;
	}
	/* The scale says which digits rate a cell; the longest form that fits. */
	snprintf(buf, sizeof buf, _("Impact matrix %zu×%zu · scale 0–%d (digit rates, - clears) "
		"· cell %zu→%zu"), n, n, mx.m.scale, mx.row + 1, mx.col + 1);
	if (display_width(buf) > r.w)
		snprintf(buf, sizeof buf, _("Impact matrix %zu×%zu · scale 0–%d · cell %zu→%zu"), n, n,
			mx.m.scale, mx.row + 1, mx.col + 1);
	if (display_width(buf) > r.w)
		snprintf(buf, sizeof buf, _("Matrix %zu×%zu · scale 0–%d · %zu→%zu"), n, n, mx.m.scale,
			mx.row + 1, mx.col + 1);
	if (display_width(buf) > r.w)
		snprintf(buf, sizeof buf, _("Matrix %zu×%zu · 0–%d · %zu→%zu"), n, n, mx.m.scale,
			mx.row + 1, mx.col + 1);
	ui_text_pad(r.y, r.x, r.w, buf, ui_attr(UI_TITLE));
	struct rect body = { r.y + 1, r.x, r.h - 1, r.w };
	if (body.h < 2)
		return;
	bool wide = r.w >= WIDE_MIN;
	if (!wide && mx.toggled) {
		draw_analysis(body);
		return;
	}
	struct rect grid = body;
	if (wide && !mx.toggled) {
		int full = digits(n) + 2 + LABEL_MAX + 4 * (int)n;
		int side = r.w - full - 2;
		side = side < SIDE_MIN ? SIDE_MIN : side;
		side = side > r.w / 2 ? r.w / 2 : side;
		grid.w = r.w - side - 2;
		attrset(ui_attr(UI_BORDER));
		mvvline(body.y, grid.x + grid.w, ACS_VLINE, body.h);
		attrset(A_NORMAL);
		draw_grid(grid, false);
		draw_analysis((struct rect){ body.y, grid.x + grid.w + 2, body.h, side });
		return;
	}
	/* Narrow: the analysis below the grid when there is room for it. */
	int need = 2 + (int)n;
	if (!wide && body.h - need - 1 >= BELOW_MIN) {
		grid.h = need;
		attrset(ui_attr(UI_BORDER));
		mvhline(body.y + need, body.x, ACS_HLINE, body.w);
		attrset(A_NORMAL);
		draw_analysis((struct rect){ body.y + need + 1, body.x, body.h - need - 1, body.w });
	} else if (body.h > need) {
		ui_text(body.y + need, body.x, body.w, _("a: AS, PS, roles, scatter plot"),
			ui_attr(UI_DIM));
	}
	draw_grid(grid, false);
}

/* ---- the wall ---- */

void matrix_wall_open(struct app *app)
{
	matrix_open(app);
}

/* AT moved by DELTA, not below 0; the draw keeps it within the matrix. */
static size_t scrolled(size_t at, long delta)
{
	long to = (long)at + delta;
	return to < 0 ? 0 : (size_t)to;
}

void matrix_wall_scroll(long rows, long columns)
{
	mx.wall_top = scrolled(mx.wall_top, rows);
	mx.wall_left = scrolled(mx.wall_left, columns);
}

void matrix_wall_draw(struct rect r)
{
	size_t n = mx.m.n;
	char buf[128];
	if (n == 0) {
		ui_text(r.y, r.x, r.w, _("No system variables yet."), ui_attr(UI_DIM));
		return;
	}
	ui_text(r.y, r.x, r.w, ui_fmt(buf, sizeof buf, _("Impact matrix %zu×%zu · scale 0–%d"), n, n,
		mx.m.scale), ui_attr(UI_TITLE) | A_BOLD);
	struct rect body = { r.y + 2, r.x, r.h - 2, r.w };
	if (body.h < 4)
		return;
	/* Side by side when wide, the heat map taking what it needs up to half. */
	struct rect grid = body, plot = body;
	if (body.w >= SPLIT_MIN) {
		int full = digits(n) + 2 + LABEL_MAX + 4 * (int)n;
		grid.w = full < body.w / 2 ? full : body.w / 2;
		plot.x = body.x + grid.w + 2;
		plot.w = body.w - grid.w - 2;
	} else {
		grid.h = body.h / 2;
		plot.y = body.y + grid.h + 1;
		plot.h = body.h - grid.h - 1;
	}
	draw_grid(grid, true);
	if (analysed())
		draw_plot(plot, true);
	else
		ui_text(plot.y, plot.x, plot.w, _("No analysis."), ui_attr(UI_DIM));
}

/* ---- commands ---- */

static void set_cell(struct app *app, int value)
{
	size_t n = mx.m.n;
	if (n == 0) {
		app_status(app, "%s", _("No system variables yet: v leads to the list."));
		return;
	}
	if (mx.row == mx.col) {
		app_status(app, "%s", _("The diagonal stays empty: a variable does not act on "
			"itself."));
		return;
	}
	if (db_is_readonly(app_db(app))) {
		app_status(app, "%s", _("Read only: the database is write-protected."));
		return;
	}
	int64_t from = mx.m.ids[mx.row], to = mx.m.ids[mx.col];
	enum status rc = value < 0 ? impact_clear(app_db(app), from, to)
	                           : impact_set(app_db(app), from, to, value, NULL);
	if (rc != STATUS_OK) {
		app_error(app);
		return;
	}
	mx.m.cells[mx.row * n + mx.col] = value;
	analyse(app);
	char buf[512];
	describe_cell(buf, sizeof buf);
	app_status(app, _("%s · saved"), buf);
}

/* Back to the step screen, on the panel its own key KEY shows. */
static void show_model(struct app *app, int key)
{
	app_show(app, &model_view);
	for (size_t i = 0; i < model_view.nkeys; i++)
		if (model_view.keys[i].key == key) {
			model_view.command(app, model_view.keys[i].command, key);
			break;
		}
}

static long clamp_index(long i)
{
	long n = (long)mx.m.n;
	return i >= n ? n - 1 : i < 0 ? 0 : i;
}

static int matrix_command(struct app *app, int command, int key)
{
	long row = (long)mx.row, col = (long)mx.col;
	int shown = mx.cells.h > mx.table.h ? mx.cells.h : mx.table.h;
	long page = shown > 1 ? shown - 1 : 1;
	switch (command) {
	case M_VARIABLES: show_model(app, 'v'); return VIEW_HANDLED;
	case M_GROUPS: show_model(app, 'g'); return VIEW_HANDLED;
	case M_ANALYSIS: mx.toggled = !mx.toggled; return VIEW_HANDLED;
	case M_SET:
		/* A digit beyond the scale is not a strength: it does what it
		 * does on every screen (4 goes to step 4). */
		if (key - '0' > mx.m.scale)
			return VIEW_UNHANDLED;
		set_cell(app, key - '0');
		return VIEW_HANDLED;
	case M_CLEAR: set_cell(app, -1); return VIEW_HANDLED;
	case M_UP: row--; break;
	case M_DOWN: row++; break;
	case M_LEFT: col--; break;
	case M_RIGHT: col++; break;
	case M_PAGE_UP: row -= page; break;
	case M_PAGE_DOWN: row += page; break;
	case M_HOME:
		if (col > 0)
			col = 0;
		else
			row = 0;
		break;
	case M_END:
		if (col < (long)mx.m.n - 1)
			col = (long)mx.m.n - 1;
		else
			row = (long)mx.m.n - 1;
		break;
	default: return VIEW_UNHANDLED;
	}
	if (mx.m.n == 0)
		return VIEW_HANDLED;
	mx.row = (size_t)clamp_index(row);
	mx.col = (size_t)clamp_index(col);
	show_cell(app);
	return VIEW_HANDLED;
}

static bool inside(struct rect r, int y, int x)
{
	return y >= r.y && y < r.y + r.h && x >= r.x && x < r.x + r.w;
}

static int matrix_click(struct app *app, int y, int x, bool double_click)
{
	(void)double_click;
	struct rect c = mx.cells;
	bool rows = y >= c.y && y < c.y + c.h, cols = x >= c.x && x < c.x + c.w;
	bool hit = false;
	if (rows && (cols || (x >= mx.header_x && x < c.x))) {
		mx.row = mx.top + (size_t)(y - c.y);
		hit = true;
	}
	if (cols && (rows || (y >= mx.header_y && y < c.y))) {
		mx.col = mx.left + (size_t)((x - c.x) / mx.cw);
		hit = true;
	}
	if (inside(mx.table, y, x)) {
		mx.row = mx.table_top + (size_t)(y - mx.table.y);
		hit = true;
	}
	if (!hit || mx.m.n == 0)
		return VIEW_UNHANDLED;
	mx.row = (size_t)clamp_index((long)mx.row);
	mx.col = (size_t)clamp_index((long)mx.col);
	show_cell(app);
	return VIEW_HANDLED;
}

static void matrix_wheel(struct app *app, int delta)
{
	if (mx.m.n == 0)
		return;
	mx.row = (size_t)clamp_index((long)mx.row + delta);
	show_cell(app);
}

/* For `/`: the next variable whose name or short name matches becomes the row. */
static bool matrix_find(struct app *app, const char *needle, bool backwards)
{
	size_t n = mx.m.n;
	for (size_t step = 1; step <= n; step++) {
		size_t i = backwards ? (mx.row + n - step) % n : (mx.row + step) % n;
		if (text_contains_folded(mx.m.names[i], needle) ||
		    (mx.shorts && text_contains_folded(mx.shorts[i], needle))) {
			mx.row = i;
			show_cell(app);
			return true;
		}
	}
	return false;
}

static void matrix_current(struct app *app, char *head, size_t head_size, char *text,
	size_t text_size)
{
	(void)app;
	snprintf(head, head_size, "%s", _("Impact matrix"));
	if (mx.m.n == 0) {
		snprintf(text, text_size, "%s", _("No system variables yet."));
		return;
	}
	char cell[512], from[512], to[512];
	describe_cell(cell, sizeof cell);
	if (mx.row == mx.col) {
		snprintf(text, text_size, "%s", cell);
		return;
	}
	describe_variable(mx.row, from, sizeof from);
	describe_variable(mx.col, to, sizeof to);
	snprintf(text, text_size, "%s\n\n%s\n%s", cell, from, to);
}

const struct view matrix_view = {
	.title = N_("Impact matrix"),
	.keys = matrix_keys,
	.nkeys = sizeof matrix_keys / sizeof matrix_keys[0],
	.open = matrix_open,
	.draw = matrix_draw,
	.command = matrix_command,
	.click = matrix_click,
	.wheel = matrix_wheel,
	.current = matrix_current,
	.find = matrix_find,
};

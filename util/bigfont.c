#include "util/bigfont.h"

#include <string.h>

#include "util/display.h"

/* A letter of five rows (pixel rows 2–6), with dots above (row 0) or a
 * tail below (row 7). */
#define CAP(a, b, c, d, e) { NULL, NULL, a, b, c, d, e, NULL }
#define DOTS(dots, a, b, c, d, e) { dots, NULL, a, b, c, d, e, NULL }
#define TAIL(a, b, c, d, e, tail) { NULL, NULL, a, b, c, d, e, tail }

static const struct bigfont_glyph box = {
	0, 4, CAP("####", "#  #", "#  #", "#  #", "####"),
};

static const struct bigfont_glyph glyphs[] = {
	{ L'A', 4, CAP(" ## ", "#  #", "####", "#  #", "#  #") },
	{ L'B', 4, CAP("### ", "#  #", "### ", "#  #", "### ") },
	{ L'C', 4, CAP(" ###", "#   ", "#   ", "#   ", " ###") },
	{ L'D', 4, CAP("### ", "#  #", "#  #", "#  #", "### ") },
	{ L'E', 4, CAP("####", "#   ", "### ", "#   ", "####") },
	{ L'F', 4, CAP("####", "#   ", "### ", "#   ", "#   ") },
	{ L'G', 4, CAP(" ###", "#   ", "# ##", "#  #", " ###") },
	{ L'H', 4, CAP("#  #", "#  #", "####", "#  #", "#  #") },
	{ L'I', 3, CAP("###", " # ", " # ", " # ", "###") },
	{ L'J', 4, CAP("  ##", "   #", "   #", "#  #", " ## ") },
	{ L'K', 4, CAP("#  #", "# # ", "##  ", "# # ", "#  #") },
	{ L'L', 4, CAP("#   ", "#   ", "#   ", "#   ", "####") },
	{ L'M', 5, CAP("#   #", "## ##", "# # #", "#   #", "#   #") },
	{ L'N', 5, CAP("#   #", "##  #", "# # #", "#  ##", "#   #") },
	{ L'O', 5, CAP(" ### ", "#   #", "#   #", "#   #", " ### ") },
	{ L'P', 4, CAP("### ", "#  #", "### ", "#   ", "#   ") },
	{ L'Q', 5, CAP(" ### ", "#   #", "#   #", "#  # ", " ## #") },
	{ L'R', 4, CAP("### ", "#  #", "### ", "# # ", "#  #") },
	{ L'S', 4, CAP(" ###", "#   ", " ## ", "   #", "### ") },
	{ L'T', 5, CAP("#####", "  #  ", "  #  ", "  #  ", "  #  ") },
	{ L'U', 4, CAP("#  #", "#  #", "#  #", "#  #", " ## ") },
	{ L'V', 5, CAP("#   #", "#   #", "#   #", " # # ", "  #  ") },
	{ L'W', 5, CAP("#   #", "#   #", "# # #", "## ##", "#   #") },
	{ L'X', 5, CAP("#   #", " # # ", "  #  ", " # # ", "#   #") },
	{ L'Y', 5, CAP("#   #", " # # ", "  #  ", "  #  ", "  #  ") },
	{ L'Z', 4, CAP("####", "   #", " ## ", "#   ", "####") },
	{ 0xC4, 4, DOTS("#  #", " ## ", "#  #", "####", "#  #", "#  #") },      /* Ä */
	{ 0xD6, 5, DOTS(" # # ", " ### ", "#   #", "#   #", "#   #", " ### ") }, /* Ö */
	{ 0xDC, 4, DOTS("#  #", "#  #", "#  #", "#  #", "#  #", " ## ") },      /* Ü */
	{ 0xDF, 4, CAP(" ## ", "#  #", "### ", "#  #", "# # ") },                /* ß */
	{ L'0', 4, CAP(" ## ", "#  #", "#  #", "#  #", " ## ") },
	{ L'1', 3, CAP(" # ", "## ", " # ", " # ", "###") },
	{ L'2', 4, CAP("### ", "   #", " ## ", "#   ", "####") },
	{ L'3', 4, CAP("### ", "   #", " ## ", "   #", "### ") },
	{ L'4', 4, CAP("#  #", "#  #", "####", "   #", "   #") },
	{ L'5', 4, CAP("####", "#   ", "### ", "   #", "### ") },
	{ L'6', 4, CAP(" ## ", "#   ", "### ", "#  #", " ## ") },
	{ L'7', 4, CAP("####", "   #", "  # ", " #  ", " #  ") },
	{ L'8', 4, CAP(" ## ", "#  #", " ## ", "#  #", " ## ") },
	{ L'9', 4, CAP(" ## ", "#  #", " ###", "   #", " ## ") },
	{ L' ', 3, CAP(NULL, NULL, NULL, NULL, NULL) },
	{ L'.', 1, CAP(NULL, NULL, NULL, NULL, "#") },
	{ L',', 2, TAIL(NULL, NULL, NULL, NULL, " #", "# ") },
	{ L':', 1, CAP(NULL, "#", NULL, NULL, "#") },
	{ L';', 2, TAIL(NULL, " #", NULL, NULL, " #", "# ") },
	{ L'-', 3, CAP(NULL, NULL, "###", NULL, NULL) },
	{ 0x2013, 4, CAP(NULL, NULL, "####", NULL, NULL) },                     /* – */
	{ 0x2014, 6, CAP(NULL, NULL, "######", NULL, NULL) },                   /* — */
	{ L'_', 4, CAP(NULL, NULL, NULL, NULL, "####") },
	{ L'?', 4, CAP("### ", "   #", " ## ", "    ", " #  ") },
	{ L'!', 1, CAP("#", "#", "#", NULL, "#") },
	{ L'(', 2, CAP(" #", "# ", "# ", "# ", " #") },
	{ L')', 2, CAP("# ", " #", " #", " #", "# ") },
	{ L'/', 3, CAP("  #", "  #", " # ", "#  ", "#  ") },
	{ L'+', 3, CAP(NULL, " # ", "###", " # ", NULL) },
	{ L'=', 3, CAP(NULL, "###", NULL, "###", NULL) },
	{ L'*', 3, CAP("# #", " # ", "# #", NULL, NULL) },
	{ L'%', 5, CAP("##  #", "## # ", "  #  ", " # ##", "#  ##") },
	{ L'&', 5, CAP(" #   ", "# #  ", " # # ", "#  # ", " ## #") },
	{ L'"', 3, CAP("# #", "# #", NULL, NULL, NULL) },
	{ L'\'', 1, CAP("#", "#", NULL, NULL, NULL) },
	{ 0x201E, 3, TAIL(NULL, NULL, NULL, NULL, "# #", "# #") },              /* „ */
	{ 0x201C, 3, CAP("# #", "# #", NULL, NULL, NULL) },                      /* “ */
	{ 0x201D, 3, CAP("# #", "# #", NULL, NULL, NULL) },                      /* ” */
	{ 0x201A, 1, TAIL(NULL, NULL, NULL, NULL, "#", "#") },                   /* ‚ */
	{ 0x2018, 1, CAP("#", "#", NULL, NULL, NULL) },                          /* ‘ */
	{ 0x2019, 1, CAP("#", "#", NULL, NULL, NULL) },                          /* ’ */
	{ 0xAB, 4, CAP(NULL, " # #", "# # ", " # #", NULL) },                    /* « */
	{ 0xBB, 4, CAP(NULL, "# # ", " # #", "# # ", NULL) },                    /* » */
	{ 0xB7, 1, CAP(NULL, NULL, "#", NULL, NULL) },                           /* · */
	{ 0x2026, 5, CAP(NULL, NULL, NULL, NULL, "# # #") },                     /* … */
	{ L'#', 5, CAP(" # # ", "#####", " # # ", "#####", " # # ") },
};

#define NGLYPHS (sizeof glyphs / sizeof glyphs[0])

/* Small letters and the capital sharp s share the glyphs of the font. */
static wchar_t fold(wchar_t ch)
{
	if (ch >= L'a' && ch <= L'z')
		return ch - L'a' + L'A';
	if (ch == 0xE4 || ch == 0xF6 || ch == 0xFC)  /* ä ö ü */
		return ch - 0x20;
	if (ch == 0x1E9E)  /* ẞ */
		return 0xDF;
	return ch;
}

const struct bigfont_glyph *bigfont_glyph(wchar_t ch)
{
	ch = fold(ch);
	for (size_t i = 0; i < NGLYPHS; i++)
		if (glyphs[i].ch == ch)
			return &glyphs[i];
	return NULL;
}

const struct bigfont_glyph *bigfont_glyph_shown(wchar_t ch)
{
	const struct bigfont_glyph *g = bigfont_glyph(ch);
	return g ? g : &box;
}

size_t bigfont_glyph_count(void)
{
	return NGLYPHS;
}

const struct bigfont_glyph *bigfont_glyph_at(size_t i)
{
	return i < NGLYPHS ? &glyphs[i] : NULL;
}

bool bigfont_pixel(const struct bigfont_glyph *g, int x, int y)
{
	if (x < 0 || x >= g->width || y < 0 || y >= BIGFONT_PIXEL_ROWS || !g->rows[y])
		return false;
	const char *row = g->rows[y];
	return (size_t)x < strlen(row) && row[x] == '#';
}

/* The glyphs of a text, one at a time, as display_walk decodes it. */
typedef void (*glyph_fn)(void *ctx, const struct bigfont_glyph *g);
struct walk {
	glyph_fn fn;
	void *ctx;
};

static int walk_unit(void *ctx, wchar_t wc, const char *visible, int width)
{
	struct walk *w = ctx;
	if (width == 0 && !visible)
		return 0;  /* a combining mark */
	if (visible || width != 1)
		w->fn(w->ctx, &box);
	else
		w->fn(w->ctx, bigfont_glyph_shown(wc));
	return 0;
}

static void each_glyph(const char *text, glyph_fn fn, void *ctx)
{
	struct walk w = { fn, ctx };
	if (text)
		display_walk(text, false, walk_unit, &w);
}

/* The pixel columns and the rows in use. */
struct extent {
	int columns, glyphs;
	int first, last;   /* pixel rows; first > last when none is set */
};

static void add_extent(void *ctx, const struct bigfont_glyph *g)
{
	struct extent *e = ctx;
	e->columns += (e->glyphs > 0 ? 1 : 0) + g->width;
	e->glyphs++;
	for (int y = 0; y < BIGFONT_PIXEL_ROWS; y++)
		for (int x = 0; x < g->width; x++)
			if (bigfont_pixel(g, x, y)) {
				if (y < e->first)
					e->first = y;
				if (y > e->last)
					e->last = y;
			}
}

static struct extent measure(const char *text)
{
	struct extent e = { 0, 0, BIGFONT_PIXEL_ROWS, -1 };
	each_glyph(text, add_extent, &e);
	return e;
}

static bool scale_ok(int scale)
{
	return scale >= 1 && scale <= BIGFONT_MAX_SCALE;
}

int bigfont_width(const char *text, int scale)
{
	if (!scale_ok(scale))
		return 0;
	return measure(text).columns * scale;
}

int bigfont_height(const char *text, int scale)
{
	struct extent e = measure(text);
	if (!scale_ok(scale) || e.first > e.last)
		return 0;
	int half_rows = (e.last - e.first + 1) * scale;
	return (half_rows + 1) / 2;
}

/* Writing one terminal row of the glyphs. */
struct row_state {
	int scale, top, bottom;   /* pixel rows of the row's two halves; -1: none */
	bool first_glyph, overflow;
	char *buf;
	size_t size, len;
};

static void put_cell(struct row_state *r, bool upper, bool lower)
{
	const char *cell = upper && lower ? "\xe2\x96\x88" : upper ? "\xe2\x96\x80"
		: lower ? "\xe2\x96\x84" : " ";
	size_t n = strlen(cell);
	for (int i = 0; i < r->scale; i++) {
		if (r->len + n >= r->size) {
			r->overflow = true;
			return;
		}
		memcpy(r->buf + r->len, cell, n);
		r->len += n;
	}
}

static void add_row(void *ctx, const struct bigfont_glyph *g)
{
	struct row_state *r = ctx;
	if (!r->first_glyph)
		put_cell(r, false, false);
	r->first_glyph = false;
	for (int x = 0; x < g->width; x++)
		put_cell(r, bigfont_pixel(g, x, r->top), bigfont_pixel(g, x, r->bottom));
}

bool bigfont_row(const char *text, int scale, int row, char *buf, size_t size)
{
	if (size == 0)
		return false;
	buf[0] = '\0';
	struct extent e = measure(text);
	if (!scale_ok(scale) || row < 0 || row >= bigfont_height(text, scale))
		return false;
	/* Half row h shows pixel row first + h / scale; past the last it is blank. */
	int upper = 2 * row, lower = 2 * row + 1;
	int span = (e.last - e.first + 1) * scale;
	struct row_state r = {
		.scale = scale,
		.top = e.first + upper / scale,
		.bottom = lower < span ? e.first + lower / scale : -1,
		.first_glyph = true,
		.buf = buf,
		.size = size,
	};
	each_glyph(text, add_row, &r);
	if (r.overflow) {
		buf[0] = '\0';
		return false;
	}
	buf[r.len] = '\0';
	return true;
}

/* util/bigfont: the block-letter font of the wall (F5). */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/bigfont.h"
#include "util/display.h"

static void bigfont_locale(void)
{
	/* display_walk decodes through the locale, as display_init() sets it */
	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
}

/* The lowest and highest pixel rows G sets; false when none. */
static bool glyph_rows(const struct bigfont_glyph *g, int *first, int *last)
{
	*first = BIGFONT_PIXEL_ROWS;
	*last = -1;
	for (int y = 0; y < BIGFONT_PIXEL_ROWS; y++)
		for (int x = 0; x < g->width; x++)
			if (bigfont_pixel(g, x, y)) {
				*first = y < *first ? y : *first;
				*last = y > *last ? y : *last;
			}
	return *last >= 0;
}

START_TEST(test_bigfont_table)
{
	size_t n = bigfont_glyph_count();
	ck_assert_uint_gt(n, 60);
	ck_assert_ptr_null(bigfont_glyph_at(n));
	for (size_t i = 0; i < n; i++) {
		const struct bigfont_glyph *g = bigfont_glyph_at(i);
		ck_assert_msg(g->width >= 1 && g->width <= 8, "glyph U+%04X: width %d",
			(unsigned)g->ch, g->width);
		for (int y = 0; y < BIGFONT_PIXEL_ROWS; y++) {
			const char *row = g->rows[y];
			if (!row)
				continue;
			ck_assert_msg(strlen(row) <= (size_t)g->width, "glyph U+%04X row %d too wide",
				(unsigned)g->ch, y);
			ck_assert_msg(strspn(row, "# ") == strlen(row), "glyph U+%04X row %d: \"%s\"",
				(unsigned)g->ch, y, row);
		}
		for (size_t j = 0; j < i; j++)
			ck_assert_msg(bigfont_glyph_at(j)->ch != g->ch, "glyph U+%04X twice",
				(unsigned)g->ch);
		int first, last;
		ck_assert_msg(glyph_rows(g, &first, &last) || g->ch == L' ',
			"glyph U+%04X is blank", (unsigned)g->ch);
	}
}
END_TEST

/* Letters and digits stand on one line: rows 2 to 6, dots above. */
START_TEST(test_bigfont_baseline)
{
	const wchar_t *chars = L"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\u00df";
	for (const wchar_t *c = chars; *c; c++) {
		int first, last;
		ck_assert(glyph_rows(bigfont_glyph(*c), &first, &last));
		ck_assert_msg(first == 2 && last == 6, "U+%04X: rows %d..%d", (unsigned)*c, first, last);
	}
}
END_TEST

START_TEST(test_bigfont_coverage)
{
	const char *needed = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		"ÄÖÜäöüßẞ0123456789 .,:-–—?!()„“”\"'/+;…";
	wchar_t wide[256];
	size_t n = mbstowcs(wide, needed, 256);
	ck_assert_uint_lt(n, 256);
	for (size_t i = 0; i < n; i++)
		ck_assert_msg(bigfont_glyph(wide[i]) != NULL, "no glyph for U+%04X", (unsigned)wide[i]);
	/* small letters are drawn as capitals */
	ck_assert_ptr_eq(bigfont_glyph(L'q'), bigfont_glyph(L'Q'));
	ck_assert_ptr_eq(bigfont_glyph(0xE4), bigfont_glyph(0xC4));    /* ä Ä */
	ck_assert_ptr_eq(bigfont_glyph(0xF6), bigfont_glyph(0xD6));    /* ö Ö */
	ck_assert_ptr_eq(bigfont_glyph(0xFC), bigfont_glyph(0xDC));    /* ü Ü */
	ck_assert_ptr_eq(bigfont_glyph(0x1E9E), bigfont_glyph(0xDF));  /* ẞ ß */
	/* what the font lacks is a box, not nothing */
	ck_assert_ptr_null(bigfont_glyph(0x20AC));   /* € */
	ck_assert_ptr_nonnull(bigfont_glyph_shown(0x20AC));
	ck_assert_int_eq(bigfont_glyph_shown(0x20AC)->width, 4);
	ck_assert_ptr_eq(bigfont_glyph_shown(L'A'), bigfont_glyph(L'A'));
}
END_TEST

/* Ä Ö Ü are A O U with dots in row 0; ß is not B. */
START_TEST(test_bigfont_umlauts)
{
	const wchar_t pairs[][2] = { { 0xC4, L'A' }, { 0xD6, L'O' }, { 0xDC, L'U' } };
	for (size_t i = 0; i < 3; i++) {
		const struct bigfont_glyph *u = bigfont_glyph(pairs[i][0]);
		const struct bigfont_glyph *base = bigfont_glyph(pairs[i][1]);
		ck_assert_ptr_nonnull(u);
		ck_assert_int_eq(u->width, base->width);
		int dots = 0;
		for (int x = 0; x < u->width; x++) {
			dots += bigfont_pixel(u, x, 0);
			ck_assert(!bigfont_pixel(u, x, 1));
			for (int y = 2; y < BIGFONT_PIXEL_ROWS; y++)
				ck_assert_msg(bigfont_pixel(u, x, y) == bigfont_pixel(base, x, y),
					"U+%04X differs from its letter at %d,%d", (unsigned)u->ch, x, y);
		}
		ck_assert_int_eq(dots, 2);
	}
	const struct bigfont_glyph *sz = bigfont_glyph(0xDF), *b = bigfont_glyph(L'B');
	bool differs = false;
	for (int y = 0; y < BIGFONT_PIXEL_ROWS; y++)
		for (int x = 0; x < 4; x++)
			differs |= bigfont_pixel(sz, x, y) != bigfont_pixel(b, x, y);
	ck_assert(differs);
}
END_TEST

START_TEST(test_bigfont_width)
{
	ck_assert_int_eq(bigfont_width("A", 1), 4);
	ck_assert_int_eq(bigfont_width("AB", 1), 9);        /* one column between */
	ck_assert_int_eq(bigfont_width("ab", 3), 27);
	ck_assert_int_eq(bigfont_width("", 1), 0);
	ck_assert_int_eq(bigfont_width(NULL, 1), 0);
	ck_assert_int_eq(bigfont_width("Ä", 2), 8);
	/* U N S E E N ' ' 7: 4+5+4+4+4+5+3+4 and seven gaps */
	ck_assert_int_eq(bigfont_width("Unseen 7", 1), 40);
	ck_assert_int_eq(bigfont_width("Unseen 7", 2), 80);
	ck_assert_int_eq(bigfont_width("Maß", 1), 5 + 1 + 4 + 1 + 4);
	/* a box for what the font lacks, controls and double width; combining
	 * marks take nothing */
	ck_assert_int_eq(bigfont_width("€", 1), 4);
	ck_assert_int_eq(bigfont_width("A\x1b" "B", 1), 4 + 1 + 4 + 1 + 4);
	ck_assert_int_eq(bigfont_width("日", 1), 4);
	ck_assert_int_eq(bigfont_width("A\xcc\x88", 1), 4);
	ck_assert_int_eq(bigfont_width("\xff", 1), 4);        /* invalid UTF-8 */
	ck_assert_int_eq(bigfont_width("A", 0), 0);
	ck_assert_int_eq(bigfont_width("A", BIGFONT_MAX_SCALE + 1), 0);
}
END_TEST

START_TEST(test_bigfont_height)
{
	ck_assert_int_eq(bigfont_height("A", 1), 3);       /* 5 pixel rows */
	ck_assert_int_eq(bigfont_height("A", 2), 5);
	ck_assert_int_eq(bigfont_height("A", 3), 8);
	ck_assert_int_eq(bigfont_height("Ä", 1), 4);       /* 7 pixel rows */
	ck_assert_int_eq(bigfont_height("„", 1), 1);
	ck_assert_int_eq(bigfont_height("A,", 1), 3);      /* 6 pixel rows */
	ck_assert_int_eq(bigfont_height("ÄA,", 1), 4);     /* 8 */
	ck_assert_int_eq(bigfont_height("   ", 1), 0);
	ck_assert_int_eq(bigfont_height("", 1), 0);
	ck_assert_int_eq(bigfont_height("A", 0), 0);
}
END_TEST

static void expect_rows(const char *text, int scale, const char *const *rows, int n)
{
	char buf[256];
	ck_assert_int_eq(bigfont_height(text, scale), n);
	for (int r = 0; r < n; r++) {
		ck_assert(bigfont_row(text, scale, r, buf, sizeof buf));
		ck_assert_msg(strcmp(buf, rows[r]) == 0, "%s scale %d row %d: \"%s\", not \"%s\"",
			text, scale, r, buf, rows[r]);
	}
	ck_assert(!bigfont_row(text, scale, n, buf, sizeof buf));
	ck_assert_str_eq(buf, "");
}

START_TEST(test_bigfont_render)
{
	const char *i1[] = { "▀█▀", " █ ", "▀▀▀" };
	expect_rows("I", 1, i1, 3);
	const char *i2[] = { "██████", "  ██  ", "  ██  ", "  ██  ", "██████" };
	expect_rows("i", 2, i2, 5);
	const char *a_umlaut[] = { "▀  ▀", "▄▀▀▄", "█▀▀█", "▀  ▀" };
	expect_rows("Ä", 1, a_umlaut, 4);
	const char *il[] = { "▀█▀ █   ", " █  █   ", "▀▀▀ ▀▀▀▀" };
	expect_rows("IL", 1, il, 3);
	/* the comma's tail hangs below the line of the other glyphs */
	const char *comma[] = { "▀█▀   ", " █    ", "▀▀▀ ▄▀" };
	expect_rows("I,", 1, comma, 3);
	const char *low_quote[] = { "█ █" };
	expect_rows("„", 1, low_quote, 1);
}
END_TEST

/* Every row is exactly as wide as bigfont_width says. */
START_TEST(test_bigfont_row_width)
{
	const char *texts[] = { "Unseen 7", "Maßnahme 12", "„Ärger?“ – (Ö/Ü)!", "Ziel: 3, 4; 5…",
		"€日\x1b", "a b" };
	char buf[2048];
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
		for (int scale = 1; scale <= 4; scale++) {
			int w = bigfont_width(texts[t], scale), h = bigfont_height(texts[t], scale);
			ck_assert_int_gt(h, 0);
			for (int r = 0; r < h; r++) {
				ck_assert(bigfont_row(texts[t], scale, r, buf, sizeof buf));
				ck_assert_int_eq(display_width(buf), w);
				ck_assert_uint_eq(strspn(buf, " \xe2\x96\x80\x84\x88"), strlen(buf));
			}
		}
}
END_TEST

START_TEST(test_bigfont_row_bounds)
{
	char buf[64];
	/* "MM" at scale 2 is 22 columns of up to 3 bytes: too much for 20 */
	ck_assert(!bigfont_row("MM", 2, 0, buf, 20));
	ck_assert_str_eq(buf, "");
	ck_assert(!bigfont_row("A", 1, -1, buf, sizeof buf));
	ck_assert(!bigfont_row("A", 0, 0, buf, sizeof buf));
	ck_assert(!bigfont_row("   ", 1, 0, buf, sizeof buf));
	ck_assert(!bigfont_row("A", 1, 0, buf, 0));
	/* the top of A is "▄▀▀▄": 12 bytes and the NUL */
	ck_assert(!bigfont_row("A", 1, 0, buf, 12));
	ck_assert(bigfont_row("A", 1, 0, buf, 13));
	ck_assert_str_eq(buf, "▄▀▀▄");
}
END_TEST

extern Suite *bigfont_suite(void);

Suite *bigfont_suite(void)
{
	Suite *s = suite_create("bigfont");
	TCase *tc = tcase_create("bigfont");
	tcase_add_checked_fixture(tc, bigfont_locale, NULL);
	tcase_add_test(tc, test_bigfont_table);
	tcase_add_test(tc, test_bigfont_baseline);
	tcase_add_test(tc, test_bigfont_coverage);
	tcase_add_test(tc, test_bigfont_umlauts);
	tcase_add_test(tc, test_bigfont_width);
	tcase_add_test(tc, test_bigfont_height);
	tcase_add_test(tc, test_bigfont_render);
	tcase_add_test(tc, test_bigfont_row_width);
	tcase_add_test(tc, test_bigfont_row_bounds);
	suite_add_tcase(s, tc);
	return s;
}

#ifndef DIDAT_UTIL_BIGFONT_H
#define DIDAT_UTIL_BIGFONT_H

/* Large letters built from block characters, for the wall (F5): a
 * bitmap font of capitals (small letters are drawn as capitals), the
 * umlauts Ä Ö Ü and ß, the digits and common punctuation.
 *
 * A glyph is BIGFONT_PIXEL_ROWS pixels high: row 0 holds an umlaut's
 * dots, rows 2–6 the letter, row 7 what hangs below the line („ , ;).
 * Two pixel rows share one terminal row through the half blocks ▀ ▄ █;
 * at SCALE n a pixel is n columns wide and n half rows high.  A text
 * keeps only the pixel rows its glyphs use, so "UNSEEN 7" is 3 rows high
 * at scale 1 and "Ähnlich" 4.  A character the font lacks, a control
 * character and a double-width one are drawn as a box; combining marks
 * are left out.
 *
 * Text is decoded as util/display.h decodes it (needs a UTF-8
 * LC_CTYPE, as display_init() sets); what these functions return holds
 * only block characters and spaces.  No curses here. */

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#define BIGFONT_PIXEL_ROWS 8
#define BIGFONT_MAX_SCALE 8

struct bigfont_glyph {
	wchar_t ch;
	int width;                               /* pixel columns */
	/* '#' a set pixel, anything else clear; NULL or a short row: clear */
	const char *rows[BIGFONT_PIXEL_ROWS];
};

/* The glyph of CH (a small letter gives its capital's); NULL when the
 * font has none.  Static storage. */
const struct bigfont_glyph *bigfont_glyph(wchar_t ch);
/* The glyph drawn for CH: bigfont_glyph(CH), else the box. */
const struct bigfont_glyph *bigfont_glyph_shown(wchar_t ch);
/* The glyphs of the font, I < bigfont_glyph_count(), for checks. */
size_t bigfont_glyph_count(void);
const struct bigfont_glyph *bigfont_glyph_at(size_t i);
/* Whether pixel X (from the left), Y (from the top) of G is set. */
bool bigfont_pixel(const struct bigfont_glyph *g, int x, int y);

/* Columns TEXT takes at SCALE (1..BIGFONT_MAX_SCALE): each glyph's
 * width, and one blank pixel column between two glyphs. */
int bigfont_width(const char *text, int scale);
/* Terminal rows TEXT takes at SCALE: the pixel rows from its highest
 * to its lowest set pixel; 0 when nothing is set (spaces, ""). */
int bigfont_height(const char *text, int scale);
/* Row ROW (0 .. bigfont_height() - 1) of TEXT at SCALE into BUF as
 * UTF-8: bigfont_width() columns of █ ▀ ▄ and spaces.  Returns false
 * (BUF holds "") when BUF is too small or ROW or SCALE out of range. */
bool bigfont_row(const char *text, int scale, int row, char *buf, size_t size);

#endif

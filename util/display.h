#ifndef DIDAT_UTIL_DISPLAY_H
#define DIDAT_UTIL_DISPLAY_H

/* The one way text from the database or a file reaches a terminal.  It
 * decodes UTF-8 (an invalid byte becomes U+FFFD), shows what iswprint()
 * rejects visibly — C0 controls and DEL as ^X (ESC as ^[), C1 controls as
 * <9B> — measures columns with wcwidth, never bytes, and truncates on a
 * character boundary.  Needs a UTF-8 LC_CTYPE: see display_init(). */

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <wchar.h>

/* Sets LC_ALL from the environment and makes sure LC_CTYPE is UTF-8
 * (C.UTF-8 when the environment's is not), so that wide characters can
 * be measured.  Call once at start-up. */
void display_init(void);

/* Calls EMIT for each display unit of TEXT: one printable character, or
 * the visible form of one control character (a short ASCII string).
 * WC is the character (or 0 for a visible form), WIDTH its columns.
 * With KEEP_NEWLINES a '\n' is passed through as itself with width 0. */
typedef int (*display_emit)(void *ctx, wchar_t wc, const char *visible, int width);
/* Calls FN with each character of the UTF-8 TEXT, an invalid byte as
 * U+FFFD, until FN returns non-zero: the decoding under display_walk, for
 * writers that show control characters their own way (the poster). */
typedef int (*display_char_fn)(void *ctx, wchar_t wc);
void display_decode(const char *text, display_char_fn fn, void *ctx);
void display_walk(const char *text, bool keep_newlines, display_emit emit, void *ctx);

/* The bytes of one unit display_walk hands over into BUF: VISIBLE, or WC
 * encoded.  Returns their count; 0 when WC cannot be encoded or BUF
 * (MB_LEN_MAX bytes suffice) is too small. */
size_t display_unit_bytes(wchar_t wc, const char *visible, char *buf, size_t size);

/* Columns TEXT takes on the terminal, as display_walk shows it. */
int display_width(const char *text);

/* Writes TEXT to OUT made safe, at most MAX_COLUMNS columns wide (< 0:
 * no limit) and padded with spaces to PAD columns; returns the columns
 * written.  Newlines are shown as "↵" unless KEEP_NEWLINES. */
int display_fputs(FILE *out, const char *text, int max_columns, int pad, bool keep_newlines);

/* Copies the text stream FROM to the terminal OUT made safe, a line at a
 * time (never the whole text in memory): line ends (LF, CRLF) and tabs
 * stay what they are, every other control character is shown visibly.
 * For text a command writes to standard output when that is a terminal.
 * Returns false when FROM cannot be read. */
bool display_copy(FILE *from, FILE *out);

/* Writes TEXT made safe into OUT (SIZE bytes, NUL-terminated), cut on a
 * character boundary to at most COLUMNS columns and padded with spaces
 * to exactly COLUMNS: the "%-N.Ns" of display columns, for table cells
 * that hold umlauts, dashes or wide characters.  Returns OUT. */
char *display_fit(char *out, size_t size, const char *text, int columns);

/* As display_fit, without the padding: at most COLUMNS columns. */
char *display_cut(char *out, size_t size, const char *text, int columns);

#endif

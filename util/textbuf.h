#ifndef DIDAT_UTIL_TEXTBUF_H
#define DIDAT_UTIL_TEXTBUF_H

/* The editing logic behind the one text editor widget (tui/editor.h),
 * without curses so that it can be tested alone: a growable UTF-8 buffer
 * with a cursor, and its layout into word-wrapped visual lines.
 *
 * The cursor is a byte offset that always stands on a character
 * boundary.  Characters are what mbrtowc() decodes; a byte that does not
 * start a valid sequence is a character of its own, and bytes are kept
 * as they are until the user deletes them.  Columns are those that
 * util/display.h shows (a control character counts as its visible form,
 * ESC as "^[" = 2 columns), so needs a UTF-8 LC_CTYPE: display_init().
 *
 * Every call is O(length of the text); texts are a few kB at most. */

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "util/status.h"

struct textbuf;

/* A buffer holding a copy of TEXT (NULL: empty) with the cursor at its
 * end; TEXT is also kept as the original for textbuf_changed().  NULL
 * when out of memory.  Free with textbuf_free(). */
struct textbuf *textbuf_new(const char *text);
void textbuf_free(struct textbuf *tb);

/* The text, NUL-terminated; valid until the next change or free. */
const char *textbuf_text(const struct textbuf *tb);
/* Its length in bytes. */
size_t textbuf_length(const struct textbuf *tb);
/* Whether the text differs from the original (equal again: false). */
bool textbuf_changed(const struct textbuf *tb);

/* Replaces the whole text (NULL: empty) and puts the cursor at its end;
 * the original stays.  STATUS_NOMEM leaves the buffer as it was. */
enum status textbuf_set_text(struct textbuf *tb, const char *text);

/* The cursor as a byte offset into the text. */
size_t textbuf_cursor(const struct textbuf *tb);
/* Puts the cursor at POS, moved back to the start of the character that
 * holds byte POS, and to the end when POS is past it. */
void textbuf_set_cursor(struct textbuf *tb, size_t pos);

/* Insert at the cursor and put it after what was inserted.  A wide
 * character that is NUL or no Unicode scalar value is STATUS_INVALID; no memory
 * is STATUS_NOMEM.  Either leaves the buffer as it was. */
enum status textbuf_insert_char(struct textbuf *tb, wchar_t wc);
enum status textbuf_insert(struct textbuf *tb, const char *utf8);

/* Deletions; each returns whether it deleted anything. */
bool textbuf_delete_before(struct textbuf *tb);	/* Backspace */
bool textbuf_delete_after(struct textbuf *tb);	/* Delete */
/* From the start of the word before the cursor (textbuf_move_word_left)
 * to the cursor, with the non-word characters between them. */
bool textbuf_delete_word_before(struct textbuf *tb);
/* From the start of the cursor's line ('\n' ends lines) to the cursor;
 * nothing at the start of a line. */
bool textbuf_delete_to_line_start(struct textbuf *tb);
/* From the cursor to the end of its line; at the end of a line the
 * newline itself, joining the next line (as Emacs's Ctrl-K does). */
bool textbuf_delete_to_line_end(struct textbuf *tb);

/* Moves; each returns whether the cursor moved.  A word is a run of
 * characters that iswalnum() accepts: word left goes to the start of the
 * word before the cursor, word right to the end of the word after it,
 * skipping what lies between (punctuation, spaces, newlines). */
bool textbuf_move_left(struct textbuf *tb);
bool textbuf_move_right(struct textbuf *tb);
bool textbuf_move_word_left(struct textbuf *tb);
bool textbuf_move_word_right(struct textbuf *tb);
bool textbuf_move_start(struct textbuf *tb);
bool textbuf_move_end(struct textbuf *tb);

/* Called for each visual line in order: bytes START to END of the text
 * (END excludes the '\n' of a hard break) take COLUMNS columns.  Return
 * non-zero to stop. */
typedef int (*textbuf_line_fn)(void *ctx, size_t start, size_t end, int columns);

/* Breaks the text into visual lines of at most WIDTH columns: at every
 * '\n', and else after the last space (or tab) that fits; a space that
 * would stand just past the edge hangs there (it is part of the line, in
 * END, but not of COLUMNS).  A word longer than the line is cut at the
 * width, and a character never straddles the edge: it starts the next
 * line (only a character wider than WIDTH itself stands alone on a line
 * that is too long).  A line that ends a paragraph (a '\n' or the end of
 * the text follows) and fills the width exactly is followed by an empty
 * visual line, where the cursor after it stands.  WIDTH <= 0: no soft
 * breaks, one visual line per line of text.  An empty text is one empty
 * visual line. */
void textbuf_layout(const struct textbuf *tb, int width, textbuf_line_fn fn, void *ctx);

/* The cursor's visual line (from 0) and column in the layout of WIDTH;
 * returns the number of visual lines.  A position belongs to the last
 * visual line that starts at or before it, so the column lies within
 * the width except before a hanging space, where it equals WIDTH. */
int textbuf_cursor_rowcol(const struct textbuf *tb, int width, int *row, int *col);
/* Moves the cursor to visual line ROW (clamped to the lines there are),
 * to the last position there whose column is at most COL: Home is COL 0,
 * End a large COL; a column in the middle of a wide character goes to
 * its left. */
void textbuf_move_to_rowcol(struct textbuf *tb, int width, int row, int col);
/* Moves the cursor DELTA visual lines down (up when negative) keeping
 * the column *GOAL: when *GOAL < 0, the cursor's column is taken and
 * stored there, so that a run of moves through shorter lines and wide
 * characters returns to the column it started from.  Returns whether
 * the cursor moved. */
bool textbuf_move_rows(struct textbuf *tb, int width, int delta, int *goal);

#endif

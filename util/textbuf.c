#include "util/textbuf.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "util/display.h"

struct textbuf {
	char *buf;	/* len bytes and a NUL; never NULL */
	size_t len, cap;
	size_t cursor;	/* on a character boundary */
	char *orig;	/* the text given to textbuf_new() */
	size_t orig_len;
};

/* Makes room for LEN + MORE bytes and the NUL; false on no memory. */
static bool reserve(struct textbuf *tb, size_t more)
{
	if (more > SIZE_MAX - 1 - tb->len)
		return false;
	size_t need = tb->len + more + 1;
	if (need <= tb->cap)
		return true;
	size_t cap = tb->cap < 64 ? 64 : tb->cap;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *buf = realloc(tb->buf, cap);
	if (!buf)
		return false;
	tb->buf = buf;
	tb->cap = cap;
	return true;
}

/* Decodes the character at POS (< len) as display_walk() does: its
 * length in bytes, and in *WC its value, U+FFFD for an invalid byte. */
static size_t char_at(const struct textbuf *tb, size_t pos, wchar_t *wc)
{
	mbstate_t state;
	memset(&state, 0, sizeof state);
	size_t n = mbrtowc(wc, tb->buf + pos, tb->len - pos, &state);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = 0xFFFD;
		return 1;
	}
	return n;
}

static int add_width(void *ctx, wchar_t wc, const char *visible, int width)
{
	(void)wc;
	(void)visible;
	*(int *)ctx += width;
	return 0;
}

/* Columns of the N-byte character at POS.  Measured by display_walk()
 * itself, alone, so that the editor's layout and what the display
 * draws can never disagree about a control character's visible form. */
static int char_width(const struct textbuf *tb, size_t pos, size_t n)
{
	char unit[MB_LEN_MAX + 1];
	memcpy(unit, tb->buf + pos, n);
	unit[n] = '\0';
	int width = 0;
	display_walk(unit, false, add_width, &width);
	return width;
}

static bool is_continuation(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/* The start of the character that holds byte POS (POS itself when it
 * starts one).  A byte that is no continuation byte always starts a
 * character, so decoding forward from the last one before POS finds it;
 * no such byte within a sequence's length means POS stands alone. */
static size_t char_start(const struct textbuf *tb, size_t pos)
{
	if (pos >= tb->len)
		return tb->len;
	size_t q = pos;
	while (q > 0 && is_continuation(tb->buf[q])) {
		if (pos - q >= MB_LEN_MAX)
			return pos;
		q--;
	}
	wchar_t wc;
	while (q < pos) {
		size_t n = char_at(tb, q, &wc);
		if (q + n > pos)
			break;
		q += n;
	}
	return q;
}

/* The first boundary at or after POS. */
static size_t char_end(const struct textbuf *tb, size_t pos)
{
	size_t start = char_start(tb, pos);
	if (start == pos)
		return pos;
	wchar_t wc;
	return start + char_at(tb, start, &wc);
}

static size_t char_next(const struct textbuf *tb, size_t pos)
{
	wchar_t wc;
	return pos < tb->len ? pos + char_at(tb, pos, &wc) : pos;
}

static size_t char_prev(const struct textbuf *tb, size_t pos)
{
	return pos > 0 ? char_start(tb, pos - 1) : 0;
}

static bool is_word_at(const struct textbuf *tb, size_t pos)
{
	wchar_t wc;
	char_at(tb, pos, &wc);
	return iswalnum((wint_t)wc) != 0;
}

/* Columns from boundary FROM to TO. */
static int columns_between(const struct textbuf *tb, size_t from, size_t to)
{
	int cols = 0;
	wchar_t wc;
	while (from < to) {
		size_t n = char_at(tb, from, &wc);
		cols += char_width(tb, from, n);
		from += n;
	}
	return cols;
}

struct textbuf *textbuf_new(const char *text)
{
	struct textbuf *tb = calloc(1, sizeof *tb);
	if (!tb)
		return NULL;
	size_t len = text ? strlen(text) : 0;
	tb->orig = malloc(len + 1);
	if (!tb->orig || !reserve(tb, len)) {
		textbuf_free(tb);
		return NULL;
	}
	memcpy(tb->orig, text ? text : "", len + 1);
	tb->orig_len = len;
	memcpy(tb->buf, tb->orig, len + 1);
	tb->len = tb->cursor = len;
	return tb;
}

void textbuf_free(struct textbuf *tb)
{
	if (!tb)
		return;
	free(tb->buf);
	free(tb->orig);
	free(tb);
}

const char *textbuf_text(const struct textbuf *tb)
{
	return tb->buf;
}

size_t textbuf_length(const struct textbuf *tb)
{
	return tb->len;
}

bool textbuf_changed(const struct textbuf *tb)
{
	return tb->len != tb->orig_len || memcmp(tb->buf, tb->orig, tb->len) != 0;
}

enum status textbuf_set_text(struct textbuf *tb, const char *text)
{
	size_t len = text ? strlen(text) : 0;
	if (len > tb->len && !reserve(tb, len - tb->len))
		return STATUS_NOMEM;
	memmove(tb->buf, text ? text : "", len + 1);	/* TEXT may be our own */
	tb->len = tb->cursor = len;
	return STATUS_OK;
}

size_t textbuf_cursor(const struct textbuf *tb)
{
	return tb->cursor;
}

void textbuf_set_cursor(struct textbuf *tb, size_t pos)
{
	tb->cursor = char_start(tb, pos);
}

/* Inserts N bytes at the cursor.  Bytes are kept as they are, so an
 * invalid byte before or after may now complete a character: the cursor
 * goes to the first boundary at or after the inserted bytes. */
static enum status insert_bytes(struct textbuf *tb, const char *bytes, size_t n)
{
	if (!reserve(tb, n))
		return STATUS_NOMEM;
	char *at = tb->buf + tb->cursor;
	memmove(at + n, at, tb->len - tb->cursor + 1);
	memcpy(at, bytes, n);
	tb->len += n;
	tb->cursor = char_end(tb, tb->cursor + n);
	return STATUS_OK;
}

enum status textbuf_insert_char(struct textbuf *tb, wchar_t wc)
{
	char bytes[MB_LEN_MAX];
	mbstate_t state;
	memset(&state, 0, sizeof state);
	/* glibc would encode what no decoder accepts back */
	if (wc <= 0 || wc > 0x10FFFF || (wc >= 0xD800 && wc <= 0xDFFF))
		return STATUS_INVALID;
	size_t n = wcrtomb(bytes, wc, &state);
	if (n == (size_t)-1)
		return STATUS_INVALID;
	return insert_bytes(tb, bytes, n);
}

enum status textbuf_insert(struct textbuf *tb, const char *utf8)
{
	return insert_bytes(tb, utf8, strlen(utf8));
}

/* Removes bytes FROM to TO (boundaries) and puts the cursor at FROM, or
 * at the start of the character that the bytes on both sides now form. */
static bool erase(struct textbuf *tb, size_t from, size_t to)
{
	if (from >= to)
		return false;
	memmove(tb->buf + from, tb->buf + to, tb->len - to + 1);
	tb->len -= to - from;
	tb->cursor = char_start(tb, from);
	return true;
}

bool textbuf_delete_before(struct textbuf *tb)
{
	return erase(tb, char_prev(tb, tb->cursor), tb->cursor);
}

bool textbuf_delete_after(struct textbuf *tb)
{
	return erase(tb, tb->cursor, char_next(tb, tb->cursor));
}

bool textbuf_delete_word_before(struct textbuf *tb)
{
	size_t end = tb->cursor;
	textbuf_move_word_left(tb);
	return erase(tb, tb->cursor, end);
}

bool textbuf_delete_to_line_start(struct textbuf *tb)
{
	size_t start = tb->cursor;
	while (start > 0 && tb->buf[start - 1] != '\n')
		start--;
	return erase(tb, start, tb->cursor);
}

bool textbuf_delete_to_line_end(struct textbuf *tb)
{
	const char *nl = memchr(tb->buf + tb->cursor, '\n', tb->len - tb->cursor);
	size_t end = nl ? (size_t)(nl - tb->buf) : tb->len;
	if (end == tb->cursor && nl)
		end++;
	return erase(tb, tb->cursor, end);
}

/* Puts the cursor at POS; whether it moved. */
static bool move_to(struct textbuf *tb, size_t pos)
{
	bool moved = pos != tb->cursor;
	tb->cursor = pos;
	return moved;
}

bool textbuf_move_left(struct textbuf *tb)
{
	return move_to(tb, char_prev(tb, tb->cursor));
}

bool textbuf_move_right(struct textbuf *tb)
{
	return move_to(tb, char_next(tb, tb->cursor));
}

bool textbuf_move_word_left(struct textbuf *tb)
{
	size_t p = tb->cursor;
	while (p > 0 && !is_word_at(tb, char_prev(tb, p)))
		p = char_prev(tb, p);
	while (p > 0 && is_word_at(tb, char_prev(tb, p)))
		p = char_prev(tb, p);
	return move_to(tb, p);
}

bool textbuf_move_word_right(struct textbuf *tb)
{
	size_t p = tb->cursor;
	while (p < tb->len && !is_word_at(tb, p))
		p = char_next(tb, p);
	while (p < tb->len && is_word_at(tb, p))
		p = char_next(tb, p);
	return move_to(tb, p);
}

bool textbuf_move_start(struct textbuf *tb)
{
	return move_to(tb, 0);
}

bool textbuf_move_end(struct textbuf *tb)
{
	return move_to(tb, tb->len);
}

static bool is_blank(wchar_t wc)
{
	return wc == L' ' || wc == L'\t';
}

/* Lays out the paragraph from START to END (a '\n' or the text's end);
 * non-zero when FN stopped. */
static int layout_paragraph(const struct textbuf *tb, size_t start, size_t end,
	int width, textbuf_line_fn fn, void *ctx)
{
	for (;;) {
		size_t p = start, brk = start;
		int cols = 0, brk_cols = 0;
		bool full = false;
		while (p < end) {
			wchar_t wc;
			size_t n = char_at(tb, p, &wc);
			int w = char_width(tb, p, n);
			if (width > 0 && cols + w > width && p > start) {
				if (is_blank(wc)) {	/* hangs past the edge */
					brk = p + n;
					brk_cols = cols;
				} else if (brk == start) {	/* no space: cut */
					brk = p;
					brk_cols = cols;
				}
				full = true;
				break;
			}
			cols += w;
			p += n;
			if (is_blank(wc)) {
				brk = p;
				brk_cols = cols;
			}
		}
		if (!full) {
			if (fn(ctx, start, end, cols))
				return 1;
			/* the cursor after a full last line needs a place */
			if (width > 0 && cols >= width)
				return fn(ctx, end, end, 0);
			return 0;
		}
		if (fn(ctx, start, brk, brk_cols))
			return 1;
		start = brk;
	}
}

void textbuf_layout(const struct textbuf *tb, int width, textbuf_line_fn fn, void *ctx)
{
	size_t start = 0;
	for (;;) {
		const char *nl = memchr(tb->buf + start, '\n', tb->len - start);
		size_t end = nl ? (size_t)(nl - tb->buf) : tb->len;
		if (layout_paragraph(tb, start, end, width, fn, ctx) || !nl)
			return;
		start = end + 1;
	}
}

struct row_of {
	size_t pos;	/* the position looked for */
	int rows;	/* visual lines so far */
	int row;	/* the last one starting at or before pos */
	size_t row_start;
};

static int row_of_line(void *ctx, size_t start, size_t end, int columns)
{
	struct row_of *r = ctx;
	(void)end;
	(void)columns;
	if (start <= r->pos) {
		r->row = r->rows;
		r->row_start = start;
	}
	r->rows++;
	return 0;
}

int textbuf_cursor_rowcol(const struct textbuf *tb, int width, int *row, int *col)
{
	struct row_of r = { tb->cursor, 0, 0, 0 };
	textbuf_layout(tb, width, row_of_line, &r);
	*row = r.row;
	*col = columns_between(tb, r.row_start, tb->cursor);
	return r.rows;
}

struct row_seek {
	int want;	/* the row looked for, >= 0 */
	int rows;	/* visual lines so far */
	size_t start;	/* of row want, or of the last row */
	size_t next;	/* start of the row after it */
	bool has_next;
};

static int seek_line(void *ctx, size_t start, size_t end, int columns)
{
	struct row_seek *s = ctx;
	(void)end;
	(void)columns;
	if (s->rows > s->want) {
		s->next = start;
		s->has_next = true;
		return 1;
	}
	s->start = start;
	s->rows++;
	return 0;
}

void textbuf_move_to_rowcol(struct textbuf *tb, int width, int row, int col)
{
	struct row_seek s = { row < 0 ? 0 : row, 0, 0, 0, false };
	textbuf_layout(tb, width, seek_line, &s);
	/* the positions of a row: from its start to the next row's start,
	 * which belongs to the next row; the last row's include the end */
	size_t limit = s.has_next ? s.next : tb->len + 1;
	size_t p = s.start, best = p;
	int cols = 0;
	while (p < limit && cols <= col) {
		best = p;
		if (p == tb->len || tb->buf[p] == '\n')
			break;
		wchar_t wc;
		size_t n = char_at(tb, p, &wc);
		cols += char_width(tb, p, n);
		p += n;
	}
	tb->cursor = best;
}

bool textbuf_move_rows(struct textbuf *tb, int width, int delta, int *goal)
{
	int row, col;
	int rows = textbuf_cursor_rowcol(tb, width, &row, &col);
	if (*goal < 0)
		*goal = col;
	long target = (long)row + delta;
	if (target < 0)
		target = 0;
	if (target > rows - 1)
		target = rows - 1;
	if (target == row)
		return false;
	size_t before = tb->cursor;
	textbuf_move_to_rowcol(tb, width, (int)target, *goal);
	return tb->cursor != before;
}

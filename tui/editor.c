#include "tui/editor.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "util/display.h"
#include "util/textbuf.h"

#define CONTROL(c) ((c) & 0x1f)

/* Up/Down before the first draw lay out with this width. */
#define EDITOR_DEFAULT_WIDTH 80

struct editor {
	struct textbuf *tb;
	bool multiline;
	int width, height;	/* of the last draw: Up/Down and PgUp/PgDn use them */
	int scroll;	/* first visual line shown (multi-line) */
	int hscroll;	/* first column shown (single-line) */
	int goal;	/* the column Up/Down keep; -1: take the cursor's */
	char *line;	/* one visual line, NUL-terminated for display_walk() */
	size_t line_size;
};

/* TEXT with every '\n' a space, for a single-line editor; NULL on no
 * memory.  The caller frees it. */
static char *flatten(const char *text)
{
	char *flat = strdup(text ? text : "");
	if (flat)
		for (char *p = flat; (p = strchr(p, '\n')) != NULL; p++)
			*p = ' ';
	return flat;
}

struct editor *editor_new(const char *text, bool multiline)
{
	struct editor *ed = calloc(1, sizeof *ed);
	if (!ed)
		return NULL;
	ed->multiline = multiline;
	ed->goal = -1;
	if (multiline) {
		ed->tb = textbuf_new(text);
	} else {
		char *flat = flatten(text);
		ed->tb = flat ? textbuf_new(flat) : NULL;
		free(flat);
	}
	if (!ed->tb) {
		free(ed);
		return NULL;
	}
	return ed;
}

void editor_free(struct editor *ed)
{
	if (!ed)
		return;
	textbuf_free(ed->tb);
	free(ed->line);
	free(ed);
}

bool editor_changed(const struct editor *ed)
{
	return textbuf_changed(ed->tb);
}

const char *editor_text(const struct editor *ed)
{
	return textbuf_text(ed->tb);
}

void editor_set_text(struct editor *ed, const char *text)
{
	char *flat = ed->multiline ? NULL : flatten(text);
	if (!ed->multiline && !flat)
		return;
	if (textbuf_set_text(ed->tb, flat ? flat : text) == STATUS_OK) {
		ed->scroll = ed->hscroll = 0;
		ed->goal = -1;
	}
	free(flat);
}

/* The width the text is laid out with: none for a single line, which
 * scrolls sideways instead of wrapping. */
static int layout_width(const struct editor *ed)
{
	if (!ed->multiline)
		return 0;
	return ed->width > 0 ? ed->width : EDITOR_DEFAULT_WIDTH;
}

/* Home (COL 0) or End (COL INT_MAX) of the cursor's visual line. */
static void move_in_line(struct editor *ed, int col)
{
	int row, now;
	textbuf_cursor_rowcol(ed->tb, layout_width(ed), &row, &now);
	textbuf_move_to_rowcol(ed->tb, layout_width(ed), row, col);
}

/* PgUp/PgDn: the cursor and the view move by a page together. */
static void move_page(struct editor *ed, int direction)
{
	int page = ed->height > 0 ? ed->height : 1;
	if (textbuf_move_rows(ed->tb, layout_width(ed), direction * page, &ed->goal))
		ed->scroll += direction * page;	/* editor_draw() clamps it */
}

static enum editor_result enter_key(struct editor *ed)
{
	if (!ed->multiline)
		return EDITOR_SAVE;
	textbuf_insert_char(ed->tb, L'\n');
	return EDITOR_CONTINUE;
}

static enum editor_result char_key(struct editor *ed, wint_t key)
{
	switch (key) {
	case 27:
		return EDITOR_CANCEL;
	case L'\n':
	case L'\r':
		return enter_key(ed);
	case CONTROL('S'):
		return EDITOR_SAVE;
	case 127:
	case CONTROL('H'):
		textbuf_delete_before(ed->tb);
		break;
	case CONTROL('A'):
		move_in_line(ed, 0);
		break;
	case CONTROL('E'):
		move_in_line(ed, INT_MAX);
		break;
	case CONTROL('B'):
		textbuf_move_word_left(ed->tb);
		break;
	case CONTROL('F'):
		textbuf_move_word_right(ed->tb);
		break;
	case CONTROL('W'):
		textbuf_delete_word_before(ed->tb);
		break;
	case CONTROL('K'):
		textbuf_delete_to_line_end(ed->tb);
		break;
	case CONTROL('U'):
		textbuf_delete_to_line_start(ed->tb);
		break;
	case L'\t':
		/* a tab would show as one space (util/display.h): indent
		 * with spaces; a single line leaves Tab to the caller */
		if (ed->multiline)
			textbuf_insert(ed->tb, "  ");
		break;
	default:
		/* no memory leaves the text as it was: nothing to report */
		if (iswprint(key))
			textbuf_insert_char(ed->tb, (wchar_t)key);
		break;
	}
	return EDITOR_CONTINUE;
}

/* The code ncurses gives the terminal's key with the extended terminfo
 * capability NAME (xterm's "kLFT5" is Ctrl-Left: ncurses makes a key of
 * every capability whose name starts with k); 0 when there is none. */
static int extended_key(const char *name)
{
	const char *seq = tigetstr(name);
	if (!seq || seq == (const char *)-1)
		return 0;
	int code = key_defined(seq);
	return code > 0 ? code : 0;
}

static bool is_extended(int key, const char *name1, const char *name2)
{
	return key > KEY_MAX && (key == extended_key(name1) || key == extended_key(name2));
}

static enum editor_result function_key(struct editor *ed, int key)
{
	switch (key) {
	case KEY_LEFT:
		textbuf_move_left(ed->tb);
		break;
	case KEY_RIGHT:
		textbuf_move_right(ed->tb);
		break;
	case KEY_UP:
		textbuf_move_rows(ed->tb, layout_width(ed), -1, &ed->goal);
		return EDITOR_CONTINUE;	/* keeps the goal column */
	case KEY_DOWN:
		textbuf_move_rows(ed->tb, layout_width(ed), 1, &ed->goal);
		return EDITOR_CONTINUE;
	case KEY_PPAGE:
		move_page(ed, -1);
		return EDITOR_CONTINUE;
	case KEY_NPAGE:
		move_page(ed, 1);
		return EDITOR_CONTINUE;
	case KEY_HOME:
		move_in_line(ed, 0);
		break;
	case KEY_END:
		move_in_line(ed, INT_MAX);
		break;
	case KEY_BACKSPACE:
		textbuf_delete_before(ed->tb);
		break;
	case KEY_DC:
		textbuf_delete_after(ed->tb);
		break;
	case KEY_ENTER:
		ed->goal = -1;
		return enter_key(ed);
	case KEY_F(2):
		return EDITOR_SAVE;
	case KEY_RESIZE:	/* the caller's: it redraws */
		return EDITOR_CONTINUE;
	default:
		if (is_extended(key, "kLFT5", "kLFT3"))
			textbuf_move_word_left(ed->tb);
		else if (is_extended(key, "kRIT5", "kRIT3"))
			textbuf_move_word_right(ed->tb);
		else if (is_extended(key, "kHOM5", "kHOM3"))
			textbuf_move_start(ed->tb);
		else if (is_extended(key, "kEND5", "kEND3"))
			textbuf_move_end(ed->tb);
		break;
	}
	ed->goal = -1;
	return EDITOR_CONTINUE;
}

enum editor_result editor_key(struct editor *ed, int kind, wint_t key)
{
	if (kind == KEY_CODE_YES)
		return function_key(ed, (int)key);
	if (kind != OK)
		return EDITOR_CONTINUE;
	ed->goal = -1;
	return char_key(ed, key);
}

/* Drawing one visual line: columns SKIP to SKIP + WIDTH of it go to
 * (Y, X); the cells no character fills are cleared. */
struct draw_line {
	WINDOW *win;
	int y, x;
	int skip, width;
	int col;	/* of the line, where the next unit starts */
	int filled;	/* cells of the rectangle written so far */
};

static void pad_to(struct draw_line *d, int cells)
{
	for (; d->filled < cells; d->filled++)
		mvwaddch(d->win, d->y, d->x + d->filled, ' ');
}

static int draw_unit(void *ctx, wchar_t wc, const char *visible, int width)
{
	struct draw_line *d = ctx;
	int at = d->col - d->skip;
	d->col += width;
	if (at + width > d->width)
		return 1;
	if (at < 0)	/* left of the view, or cut by its edge */
		return 0;
	if (width == 0) {
		/* a combining character joins the cell before it; none
		 * before it in the view: leave it out */
		if (at > 0 && !visible)
			mvwaddnwstr(d->win, d->y, d->x + at, &wc, 1);
		return 0;
	}
	pad_to(d, at);
	if (visible)
		mvwaddstr(d->win, d->y, d->x + at, visible);
	else
		mvwaddnwstr(d->win, d->y, d->x + at, &wc, 1);
	d->filled = at + width;
	return 0;
}

/* Draws bytes START to END of the text on line Y of the rectangle. */
static void draw_text_line(struct editor *ed, WINDOW *win, int y, int x, int width,
	size_t start, size_t end)
{
	struct draw_line d = { win, y, x, ed->multiline ? 0 : ed->hscroll, width, 0, 0 };
	size_t len = end - start;
	if (len >= ed->line_size) {
		char *line = realloc(ed->line, len + 1);
		if (line) {
			ed->line = line;
			ed->line_size = len + 1;
		}
	}
	if (len < ed->line_size) {	/* else no memory: left blank */
		memcpy(ed->line, editor_text(ed) + start, len);
		ed->line[len] = '\0';
		display_walk(ed->line, false, draw_unit, &d);
	}
	pad_to(&d, width);
}

struct draw_rows {
	struct editor *ed;
	WINDOW *win;
	int y, x, height, width;
	int row;	/* of the layout */
	int drawn;	/* lines of the rectangle */
};

static int draw_row(void *ctx, size_t start, size_t end, int columns)
{
	struct draw_rows *r = ctx;
	(void)columns;
	if (r->row++ < r->ed->scroll)
		return 0;
	if (r->drawn >= r->height)
		return 1;
	draw_text_line(r->ed, r->win, r->y + r->drawn, r->x, r->width, start, end);
	r->drawn++;
	return 0;
}

static int line_columns(void *ctx, size_t start, size_t end, int columns)
{
	(void)start;
	(void)end;
	*(int *)ctx = columns;
	return 1;
}

/* The single line: scrolled sideways so that the cursor is in view and
 * no more of the width than needed stays empty at the end. */
static int draw_single(struct editor *ed, WINDOW *win, int y, int x, int width, int *cursor_x)
{
	int row, col, columns = 0;
	textbuf_cursor_rowcol(ed->tb, 0, &row, &col);
	textbuf_layout(ed->tb, 0, line_columns, &columns);
	int most = columns + 1 - width;	/* the cursor after the end needs a cell */
	if (ed->hscroll > most)
		ed->hscroll = most;
	if (col >= ed->hscroll + width)
		ed->hscroll = col - width + 1;
	if (col < ed->hscroll)
		ed->hscroll = col;
	if (ed->hscroll < 0)
		ed->hscroll = 0;
	draw_text_line(ed, win, y, x, width, 0, textbuf_length(ed->tb));
	*cursor_x = col - ed->hscroll;
	return 1;
}

void editor_draw(struct editor *ed, WINDOW *win, int y, int x, int height, int width, attr_t attr)
{
	if (height < 1 || width < 1)
		return;
	ed->width = width;
	ed->height = height;
	attr_t old_attr;
	short old_pair;
	wattr_get(win, &old_attr, &old_pair, NULL);
	wattrset(win, (int)attr);

	int cursor_y = 0, cursor_x, drawn;
	if (!ed->multiline) {
		drawn = draw_single(ed, win, y, x, width, &cursor_x);
	} else {
		int row, col;
		int rows = textbuf_cursor_rowcol(ed->tb, width, &row, &col);
		if (ed->scroll > rows - height)	/* no empty lines below the text */
			ed->scroll = rows - height;
		if (row >= ed->scroll + height)
			ed->scroll = row - height + 1;
		if (row < ed->scroll)
			ed->scroll = row;
		if (ed->scroll < 0)
			ed->scroll = 0;
		struct draw_rows r = { ed, win, y, x, height, width, 0, 0 };
		textbuf_layout(ed->tb, width, draw_row, &r);
		drawn = r.drawn;
		cursor_y = row - ed->scroll;
		/* before a space that hangs past the edge: its last cell */
		cursor_x = col < width ? col : width - 1;
	}
	for (; drawn < height; drawn++) {
		/* waddch, unlike whline, takes the attributes just set */
		struct draw_line blank = { win, y + drawn, x, 0, width, 0, 0 };
		pad_to(&blank, width);
	}
	wattr_set(win, old_attr, old_pair, NULL);
	wmove(win, y + cursor_y, x + cursor_x);
}

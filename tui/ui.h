#ifndef DIDAT_TUI_UI_H
#define DIDAT_TUI_UI_H

/* Drawing primitives of the full-screen interface: themes, and text that
 * reaches the terminal only through util/display.c (control characters
 * visible, widths measured with wcwidth, clipped on character boundaries).
 * Everything draws on stdscr; ncurses sends only what changed. */

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

/* What a piece of the screen is; the theme decides how it looks. */
enum ui_role {
	UI_NORMAL,
	UI_DIM,         /* hints, empty values */
	UI_TITLE,       /* headings */
	UI_BAR,         /* step bar and status line */
	UI_TAB_ACTIVE,  /* the current step */
	UI_CURSOR,      /* the selected row */
	UI_MARK,        /* search hits, marked rows */
	UI_ERROR,
	UI_ACCENT,      /* counts, votes, ratings */
	UI_BORDER,
	UI_ROLE_COUNT
};

enum ui_theme { UI_THEME_DEFAULT, UI_THEME_LIGHT, UI_THEME_CONTRAST, UI_THEME_COUNT };

/* Sets up colours after initscr: monochrome when the terminal has none
 * or NO_COLOR is set (https://no-color.org), else THEME. */
void ui_theme_init(enum ui_theme theme);
void ui_theme_set(enum ui_theme theme);
enum ui_theme ui_theme_current(void);
const char *ui_theme_name(enum ui_theme theme);
/* The theme's stable name ("light"), and the theme of such a name. */
const char *ui_theme_key(enum ui_theme theme);
bool ui_theme_from_key(const char *key, enum ui_theme *theme);
attr_t ui_attr(enum ui_role role);

struct rect {
	int y, x, h, w;
};

/* Draws TEXT at Y, X in at most WIDTH columns with ATTR; a newline shows
 * as "↵".  Returns the columns used. */
int ui_text(int y, int x, int width, const char *text, attr_t attr);
/* The same, then fills the rest of WIDTH with spaces in ATTR. */
void ui_text_pad(int y, int x, int width, const char *text, attr_t attr);
/* Like ui_text, with the spans between SEARCH_MARK_OPEN and _CLOSE in MARK. */
int ui_text_marked(int y, int x, int width, const char *text, attr_t attr, attr_t mark);
/* Word-wraps TEXT into R from row SKIP of the wrapped text on; returns
 * the number of rows the whole text takes at that width. */
int ui_wrap(struct rect r, int skip, const char *text, attr_t attr);
/* Rows TEXT takes when wrapped at WIDTH. */
int ui_wrap_rows(int width, const char *text);

/* Texts flowing down R one after another, scrolled by SKIP rows: ROW
 * counts the rows used so far (drawn or not). */
struct ui_flow {
	struct rect r;
	int row, skip;
};
/* Wraps TEXT into the flow, INDENT columns in. */
void ui_flow_text(struct ui_flow *f, int indent, const char *text, attr_t attr);

void ui_fill(struct rect r, attr_t attr);
/* A frame around R with TITLE in its top edge. */
void ui_frame(struct rect r, const char *title);

/* Formats with printf into BUF and returns it (for labels). */
const char *ui_fmt(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Edits the one-line string in BUF (SIZE bytes) with KEY as a filter
 * line does: a printable character is appended, Backspace removes the
 * last character (never half of one).  False for any other key. */
bool ui_line_key(char *buf, size_t size, int key);

/* Key codes: characters as themselves, function keys above Unicode. */
#define UI_FN(k) ((int)(k) + 0x110000)
#define UI_CTRL(c) ((c) & 0x1f)
#define UI_ESC 27
/* Whether KEY (as ui_key_code() gives it) is Enter: CR, LF or the keypad's. */
bool ui_is_enter(int key);
int ui_key_code(int kind, wint_t key);

#endif

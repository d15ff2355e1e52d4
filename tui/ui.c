#include "tui/ui.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <wchar.h>
#include <wctype.h>

#include "model/search.h"
#include "util/display.h"
#include "util/i18n.h"

static bool use_colour;
static enum ui_theme current_theme;
static attr_t role_attr[UI_ROLE_COUNT];

/* Foreground and background per role and theme; -1 is the terminal's own. */
static const short palette[UI_THEME_COUNT][UI_ROLE_COUNT][2] = {
	[UI_THEME_DEFAULT] = {
		[UI_NORMAL] = { -1, -1 }, [UI_DIM] = { COLOR_CYAN, -1 },
		[UI_TITLE] = { COLOR_YELLOW, -1 }, [UI_BAR] = { COLOR_WHITE, COLOR_BLUE },
		[UI_TAB_ACTIVE] = { COLOR_BLACK, COLOR_YELLOW }, [UI_CURSOR] = { COLOR_BLACK, COLOR_CYAN },
		[UI_MARK] = { COLOR_BLACK, COLOR_YELLOW }, [UI_ERROR] = { COLOR_WHITE, COLOR_RED },
		[UI_ACCENT] = { COLOR_GREEN, -1 }, [UI_BORDER] = { COLOR_BLUE, -1 },
	},
	[UI_THEME_LIGHT] = {
		[UI_NORMAL] = { COLOR_BLACK, COLOR_WHITE }, [UI_DIM] = { COLOR_BLUE, COLOR_WHITE },
		[UI_TITLE] = { COLOR_MAGENTA, COLOR_WHITE }, [UI_BAR] = { COLOR_WHITE, COLOR_BLUE },
		[UI_TAB_ACTIVE] = { COLOR_WHITE, COLOR_MAGENTA }, [UI_CURSOR] = { COLOR_WHITE, COLOR_BLUE },
		[UI_MARK] = { COLOR_BLACK, COLOR_YELLOW }, [UI_ERROR] = { COLOR_WHITE, COLOR_RED },
		[UI_ACCENT] = { COLOR_RED, COLOR_WHITE }, [UI_BORDER] = { COLOR_BLUE, COLOR_WHITE },
	},
	[UI_THEME_CONTRAST] = {
		[UI_NORMAL] = { COLOR_WHITE, COLOR_BLACK }, [UI_DIM] = { COLOR_WHITE, COLOR_BLACK },
		[UI_TITLE] = { COLOR_YELLOW, COLOR_BLACK }, [UI_BAR] = { COLOR_BLACK, COLOR_WHITE },
		[UI_TAB_ACTIVE] = { COLOR_BLACK, COLOR_YELLOW }, [UI_CURSOR] = { COLOR_BLACK, COLOR_YELLOW },
		[UI_MARK] = { COLOR_BLACK, COLOR_CYAN }, [UI_ERROR] = { COLOR_WHITE, COLOR_RED },
		[UI_ACCENT] = { COLOR_YELLOW, COLOR_BLACK }, [UI_BORDER] = { COLOR_WHITE, COLOR_BLACK },
	},
};

/* Without colour every role still reads differently. */
static const attr_t mono_attr[UI_ROLE_COUNT] = {
	[UI_NORMAL] = A_NORMAL, [UI_DIM] = A_DIM, [UI_TITLE] = A_BOLD, [UI_BAR] = A_REVERSE,
	[UI_TAB_ACTIVE] = A_BOLD | A_UNDERLINE, [UI_CURSOR] = A_REVERSE, [UI_MARK] = A_UNDERLINE | A_BOLD,
	[UI_ERROR] = A_BOLD | A_REVERSE, [UI_ACCENT] = A_BOLD, [UI_BORDER] = A_NORMAL,
};

static const attr_t bold_roles[UI_ROLE_COUNT] = {
	[UI_TITLE] = A_BOLD, [UI_TAB_ACTIVE] = A_BOLD, [UI_ERROR] = A_BOLD, [UI_ACCENT] = A_BOLD,
};

static void apply_theme(void)
{
	for (int r = 0; r < UI_ROLE_COUNT; r++) {
		if (!use_colour) {
			role_attr[r] = mono_attr[r];
			continue;
		}
		enum ui_theme t = current_theme;
		init_pair((short)(r + 1), palette[t][r][0], palette[t][r][1]);
		role_attr[r] = COLOR_PAIR(r + 1) | bold_roles[r];
	}
	if (use_colour)
		bkgdset(' ' | role_attr[UI_NORMAL]);
}

void ui_theme_init(enum ui_theme theme)
{
	const char *no_colour = getenv("NO_COLOR");
	use_colour = has_colors() && !(no_colour && *no_colour);
	if (use_colour) {
		start_color();
		use_default_colors();
	}
	current_theme = theme;
	apply_theme();
}

void ui_theme_set(enum ui_theme theme)
{
	current_theme = theme;
	apply_theme();
}

enum ui_theme ui_theme_current(void)
{
	return current_theme;
}

const char *ui_theme_name(enum ui_theme theme)
{
	static const char *const names[UI_THEME_COUNT] = { N_("Default"), N_("Light"),
		N_("High contrast") };
	return _(names[theme]);
}

/* Stable names, for the settings file (the shown names are translated). */
static const char *const theme_keys[UI_THEME_COUNT] = { "default", "light", "contrast" };

const char *ui_theme_key(enum ui_theme theme)
{
	return theme_keys[theme];
}

bool ui_theme_from_key(const char *key, enum ui_theme *theme)
{
	for (int i = 0; i < UI_THEME_COUNT; i++)
		if (strcmp(key, theme_keys[i]) == 0) {
			*theme = (enum ui_theme)i;
			return true;
		}
	return false;
}

attr_t ui_attr(enum ui_role role)
{
	return role_attr[role];
}

struct put_state {
	int y, x, end;
	attr_t attr, mark;
	bool marked;
};

static int put_unit(void *ctx, wchar_t wc, const char *visible, int width)
{
	struct put_state *p = ctx;
	if (p->x + width > p->end)
		return 1;
	attr_t a = p->marked ? p->mark : p->attr;
	if (visible) {
		/* A visible control form stands out so that it is not taken for text. */
		attrset(a | A_REVERSE);
		mvaddstr(p->y, p->x, visible);
	} else if (width > 0) {
		attrset(a);
		mvaddnwstr(p->y, p->x, &wc, 1);
	}
	p->x += width;
	return 0;
}

int ui_text(int y, int x, int width, const char *text, attr_t attr)
{
	if (!text || width <= 0)
		return 0;
	struct put_state p = { y, x, x + width, attr, attr, false };
	display_walk(text, false, put_unit, &p);
	attrset(A_NORMAL);
	return p.x - x;
}

void ui_text_pad(int y, int x, int width, const char *text, attr_t attr)
{
	int used = ui_text(y, x, width, text, attr);
	if (used < width) {
		attrset(attr);
		mvhline(y, x + used, ' ', width - used);
		attrset(A_NORMAL);
	}
}

int ui_text_marked(int y, int x, int width, const char *text, attr_t attr, attr_t mark)
{
	struct put_state p = { y, x, x + width, attr, mark, false };
	char piece[1024];
	while (text && *text) {
		size_t n = strcspn(text, SEARCH_MARK_OPEN SEARCH_MARK_CLOSE);
		if (n >= sizeof piece)
			n = sizeof piece - 1;
		memcpy(piece, text, n);
		piece[n] = '\0';
		display_walk(piece, false, put_unit, &p);
		text += n;
		if (*text == SEARCH_MARK_OPEN[0])
			p.marked = true;
		else if (*text == SEARCH_MARK_CLOSE[0])
			p.marked = false;
		if (*text && (*text == SEARCH_MARK_OPEN[0] || *text == SEARCH_MARK_CLOSE[0]))
			text++;
	}
	attrset(A_NORMAL);
	return p.x - x;
}

/* Word wrap: collects display units of one word, then places the word on
 * the current row or the next. */
struct wrap_state {
	struct rect r;
	int skip;           /* rows of the wrapped text not drawn */
	int row, col;       /* position in the wrapped text */
	attr_t attr;
	bool draw;
	struct unit { wchar_t wc; char visible[8]; int width; } word[64];
	int nword, word_width;
};

static void wrap_emit_unit(struct wrap_state *w, const struct unit *u)
{
	if (w->col + u->width > w->r.w) {
		w->row++;
		w->col = 0;
	}
	int y = w->row - w->skip;
	if (w->draw && y >= 0 && y < w->r.h) {
		struct put_state p = { w->r.y + y, w->r.x + w->col, w->r.x + w->r.w, w->attr, w->attr, false };
		put_unit(&p, u->wc, u->visible[0] ? u->visible : NULL, u->width);
	}
	w->col += u->width;
}

static void wrap_flush_word(struct wrap_state *w)
{
	if (w->nword == 0)
		return;
	if (w->col > 0 && w->col + w->word_width > w->r.w && w->word_width <= w->r.w) {
		w->row++;
		w->col = 0;
	}
	for (int i = 0; i < w->nword; i++)
		wrap_emit_unit(w, &w->word[i]);
	w->nword = 0;
	w->word_width = 0;
}

static int wrap_unit(void *ctx, wchar_t wc, const char *visible, int width)
{
	struct wrap_state *w = ctx;
	if (wc == L'\n' && !visible) {
		wrap_flush_word(w);
		w->row++;
		w->col = 0;
		return 0;
	}
	if (wc == L' ') {
		wrap_flush_word(w);
		if (w->col > 0 && w->col < w->r.w) {
			struct unit space = { L' ', "", 1 };
			wrap_emit_unit(w, &space);
		}
		return 0;
	}
	if (w->nword == (int)(sizeof w->word / sizeof w->word[0]))
		wrap_flush_word(w);
	struct unit *u = &w->word[w->nword++];
	u->wc = wc;
	u->visible[0] = '\0';
	if (visible)
		snprintf(u->visible, sizeof u->visible, "%s", visible);
	u->width = width;
	w->word_width += width;
	return 0;
}

static int wrap_run(struct rect r, int skip, const char *text, attr_t attr, bool draw)
{
	if (!text || r.w <= 0)
		return 0;
	struct wrap_state w = { .r = r, .skip = skip, .attr = attr, .draw = draw };
	display_walk(text, true, wrap_unit, &w);
	wrap_flush_word(&w);
	attrset(A_NORMAL);
	return w.row + 1;
}

int ui_wrap(struct rect r, int skip, const char *text, attr_t attr)
{
	return wrap_run(r, skip, text, attr, true);
}

int ui_wrap_rows(int width, const char *text)
{
	struct rect r = { 0, 0, 0, width };
	return wrap_run(r, 0, text, A_NORMAL, false);
}

void ui_flow_text(struct ui_flow *f, int indent, const char *text, attr_t attr)
{
	struct rect r = { f->r.y, f->r.x + indent, f->r.h, f->r.w - indent };
	int first = f->row - f->skip;   /* screen row of the text's first row */
	int rows;
	if (first >= 0) {
		r.y += first;
		r.h -= first;
		rows = r.h > 0 ? ui_wrap(r, 0, text, attr) : ui_wrap_rows(r.w, text);
	} else {
		rows = ui_wrap(r, -first, text, attr);
	}
	f->row += rows;
}

void ui_fill(struct rect r, attr_t attr)
{
	attrset(attr);
	for (int i = 0; i < r.h; i++)
		mvhline(r.y + i, r.x, ' ', r.w);
	attrset(A_NORMAL);
}

void ui_frame(struct rect r, const char *title)
{
	if (r.h < 2 || r.w < 2)
		return;
	attrset(ui_attr(UI_BORDER));
	mvhline(r.y, r.x + 1, ACS_HLINE, r.w - 2);
	mvhline(r.y + r.h - 1, r.x + 1, ACS_HLINE, r.w - 2);
	mvvline(r.y + 1, r.x, ACS_VLINE, r.h - 2);
	mvvline(r.y + 1, r.x + r.w - 1, ACS_VLINE, r.h - 2);
	mvaddch(r.y, r.x, ACS_ULCORNER);
	mvaddch(r.y, r.x + r.w - 1, ACS_URCORNER);
	mvaddch(r.y + r.h - 1, r.x, ACS_LLCORNER);
	mvaddch(r.y + r.h - 1, r.x + r.w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	if (title && *title && r.w > 6) {
		int used = ui_text(r.y, r.x + 2, r.w - 6, " ", ui_attr(UI_TITLE));
		used += ui_text(r.y, r.x + 2 + used, r.w - 6 - used, title, ui_attr(UI_TITLE));
		ui_text(r.y, r.x + 2 + used, 1, " ", ui_attr(UI_TITLE));
	}
}

const char *ui_fmt(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return buf;
}

int ui_key_code(int kind, wint_t key)
{
	return kind == KEY_CODE_YES ? UI_FN(key) : (int)key;
}

bool ui_is_enter(int key)
{
	return key == '\r' || key == '\n' || key == UI_FN(KEY_ENTER);
}

bool ui_line_key(char *buf, size_t size, int key)
{
	size_t len = strlen(buf);
	if (key == UI_FN(KEY_BACKSPACE) || key == 127 || key == 8) {
		while (len > 0 && (buf[len - 1] & 0xC0) == 0x80)
			len--;
		buf[len ? len - 1 : 0] = '\0';
		return true;
	}
	if (key >= UI_FN(0) || key < ' ' || !iswprint((wint_t)key))
		return false;
	char mb[MB_LEN_MAX];
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t k = wcrtomb(mb, (wchar_t)key, &st);
	if (k != (size_t)-1 && len + k < size) {
		memcpy(buf + len, mb, k);
		buf[len + k] = '\0';
	}
	return true;
}

/* A placeholder screen until the workshop interface lands (issue 3): it
 * shows which session would open and how to quit, and already keeps the
 * rules every screen keeps — newterm, KEY_RESIZE, text through the one
 * display function, the terminal restored on every exit. */
#include "tui/tui.h"

#include <curses.h>
#include <stdio.h>
#include <unistd.h>
#include <wchar.h>

#include "model/item.h"
#include "util/display.h"
#include "util/i18n.h"

struct draw_state {
	int y, x, max_x;
};

static int put_unit(void *ctx, wchar_t wc, const char *visible, int width)
{
	struct draw_state *d = ctx;
	if (d->x + width > d->max_x)
		return 1;
	if (visible) {
		mvaddstr(d->y, d->x, visible);
	} else {
		wchar_t s[2] = { wc, L'\0' };
		mvaddwstr(d->y, d->x, s);
	}
	d->x += width;
	return 0;
}

static void draw_text(int y, int x, const char *text)
{
	struct draw_state d = { y, x, COLS - 1 };
	display_walk(text, false, put_unit, &d);
}

static void draw(struct db *db, int64_t session)
{
	erase();
	if (LINES < 12 || COLS < 40) {
		draw_text(0, 0, _("Terminal zu klein"));
		refresh();
		return;
	}
	draw_text(1, 2, "didat");
	if (session) {
		struct session s;
		if (item_read(db, item_type(ITEM_SESSION), session, &s) == STATUS_OK) {
			draw_text(3, 2, s.title);
			draw_text(4, 2, s.question ? s.question : "");
			item_clear(item_type(ITEM_SESSION), &s);
		}
	}
	draw_text(6, 2, _("Die Arbeitsoberfläche folgt; bis dahin: didat --help."));
	draw_text(8, 2, _("q oder F10 beendet."));
	refresh();
}

int tui_run(struct db *db, int64_t session)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s\n", _("didat: die Arbeitsoberfläche braucht ein Terminal; "
			"Befehle: didat --help"));
		return 2;
	}
	SCREEN *screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		fprintf(stderr, "%s\n", _("didat: kann das Terminal nicht einrichten (TERM?)"));
		return 2;
	}
	set_term(screen);
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	draw(db, session);
	for (;;) {
		wint_t key;
		int kind = get_wch(&key);
		if (kind == ERR)
			continue;
		if ((kind == OK && (key == L'q' || key == L'Q')) ||
		    (kind == KEY_CODE_YES && key == KEY_F(10)))
			break;
		draw(db, session);  /* KEY_RESIZE and anything else: draw anew */
	}
	endwin();
	delscreen(screen);
	return 0;
}

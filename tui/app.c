/* The frame: terminal life, the key loop, the step bar, the status line,
 * the timer, live refresh, undo, the wall (F5) and the help screen. */
#include "tui/app.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "model/db.h"
#include "model/draft.h"
#include "model/progress.h"
#include "model/session.h"
#include "model/undo.h"
#include "tui/checklist.h"
#include "tui/dialog.h"
#include "tui/search_view.h"
#include "tui/tui.h"
#include "tui/wall.h"
#include "util/countdown.h"
#include "util/display.h"
#include "util/i18n.h"
#include "util/fatal.h"
#include "util/settings.h"

#define MIN_LINES 12
#define MIN_COLS 40
#define TICK_MS 250          /* key wait: timer and live refresh run at this pace */
#define TIMER_DEFAULT_MIN 10
/* An open editor's text is kept as a draft this long after typing pauses,
 * and at least this often while typing goes on: whatever ends the
 * program (kill -9, a flat battery), at most these seconds are lost. */
#define DRAFT_PAUSE_MS 1000
#define DRAFT_EVERY_MS 5000

/* The keys every screen has; a view's own bindings are looked at first. */
#define GLOBAL_COMMANDS(X) \
	X(G_HELP,      '?',                 "?",            N_("the keys of this screen")) \
	X(G_BACK,      'q',                 "q",            N_("back; in the session browser: quit")) \
	X(G_QUIT,      UI_FN(KEY_F(10)),    "F10",          N_("quit")) \
	X(G_FIND,      '/',                 "/",            N_("search the list")) \
	X(G_FIND_NEXT, 'n',                 "n",            N_("next hit")) \
	X(G_FIND_PREV, 'N',                 "N",            N_("previous hit")) \
	X(G_UNDO,      'u',                 "u",            N_("undo the last change")) \
	X(G_REDO,      UI_CTRL('r'),        N_("Ctrl-R"),    N_("redo what was undone")) \
	X(G_WALL,      UI_FN(KEY_F(5)),     "F5",           N_("the wall: this step large for the room, on/off")) \
	X(G_TIMER,     't',                 "t",            N_("start/stop the timer")) \
	X(G_TIMER_SET, 'T',                 "T",            N_("set how long the timer runs")) \
	X(G_THEME,     UI_FN(KEY_F(6)),     "F6",           N_("next colour scheme")) \
	X(G_NEXT_STEP, '\t',                "Tab",          N_("next step")) \
	X(G_PREV_STEP, UI_FN(KEY_BTAB),     N_("Shift-Tab"), N_("previous step")) \
	X(G_STEP1,     '1',                 "1…5",          N_("steps 1 to 5")) \
	X(G_STEP2,     '2',                 "2",            NULL) \
	X(G_STEP3,     '3',                 "3",            NULL) \
	X(G_STEP4,     '4',                 "4",            NULL) \
	X(G_STEP5,     '5',                 "5",            NULL) \
	X(G_STEP6,     '6',                 "6",            N_("Documents")) \
	X(G_STEP7,     '7',                 "7",            N_("Export")) \
	X(G_SEARCH,    UI_CTRL('f'),        N_("Ctrl-F"),    N_("full-text search in documents and items")) \
	X(G_CHECKLIST, '!',                 "!",            N_("checklist: what is still open in each step (!N in the step bar)"))

enum global_command {
#define X(cmd, key, name, help) cmd,
	G_NONE = 1000,
	GLOBAL_COMMANDS(X)
#undef X
};

static const struct binding global_keys[] = {
#define X(cmd, key, name, help) { key, cmd, name, help },
	GLOBAL_COMMANDS(X)
#undef X
};

static const char *const step_names[STEP_COUNT] = {
	N_("1 Question"), N_("2 Unseens"), N_("3 System model"), N_("4 Goals"), N_("5 Measures"),
	N_("Documents"), N_("Export"),
};
static const char *const step_mid[STEP_COUNT] = {
	N_("1 Quest."), N_("2 Unseens"), N_("3 Model"), N_("4 Goals"), N_("5 Meas."), N_("Docs"),
	N_("Export"),
};
static const char *const step_short[STEP_COUNT] = { "1", "2", "3", "4", "5", "D", "E" };

static const struct view *const step_views[STEP_COUNT] = {
	&question_view, &unseens_view, &model_view, &goals_view, &measures_view, &documents_view,
	&export_view,
};

struct app {
	struct db *db;
	SCREEN *screen;
	int tty;                    /* the terminal's descriptor; -1 for a probe */
	int64_t session;
	char session_title[256];
	enum step step;
	const struct view *view;
	int64_t counts[STEP_COUNT];
	int64_t open[PROGRESS_STEPS];  /* open points per step (model/progress.h) */
	int tab_x[STEP_COUNT + 1];  /* where each step's tab starts, for the mouse */
	char status[512];
	bool status_error;
	bool on_wall, quit;         /* F5: the wall instead of the step's screen */
	bool remember;              /* keeps theme and step in the settings (not a probe) */
	char db_key[PATH_MAX];      /* the database's real path, naming it in the settings */
	char *find;                 /* the last `/` search */
	FILE *probe_input;          /* a probe's /dev/null */
	const int *queue;           /* a probe's keys still to come (tui_probe_keys) */
	size_t queued;
	/* Timer: counts down; blinks once its end has passed. */
	long timer_seconds;
	struct countdown timer;
	/* The editor that is open, for the draft kept while typing. */
	const char *draft_key, *draft_original;
	const char *(*draft_text)(void *ctx);
	void *draft_ctx;
	struct timespec draft_typed, draft_written;  /* the last key, the last keeping */
	bool draft_dirty;           /* typed since the draft was last kept */
	bool draft_kept;            /* a draft of this editor is in the database */
};

static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

struct db *app_db(struct app *app)
{
	return app->db;
}

int64_t app_session(struct app *app)
{
	return app->session;
}

void app_status(struct app *app, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(app->status, sizeof app->status, fmt, ap);
	va_end(ap);
	app->status_error = false;
}

void app_busy(struct app *app, const char *message)
{
	app_status(app, "%s", message);
	app_draw(app);
	refresh();
}

void app_error(struct app *app)
{
	snprintf(app->status, sizeof app->status, "%s", db_error(app->db));
	app->status_error = true;
}

static int64_t count_step(struct db *db, int64_t session, enum item_kind kind)
{
	int64_t n = 0;
	item_count(db, item_type(kind), session, &n);
	return n;
}

static int load_summary(void *ctx, const struct session_summary *s)
{
	struct app *app = ctx;
	snprintf(app->session_title, sizeof app->session_title, "%s", s->title);
	app->counts[STEP_QUESTION] = s->components;
	app->counts[STEP_UNSEENS] = s->unseens;
	app->counts[STEP_GOALS] = s->goals;
	app->counts[STEP_MEASURES] = s->measures;
	app->counts[STEP_DOCUMENTS] = s->documents;
	return 0;
}

static void load_counts(struct app *app)
{
	memset(app->counts, 0, sizeof app->counts);
	memset(app->open, 0, sizeof app->open);
	app->session_title[0] = '\0';
	if (!app->session)
		return;
	session_summary(app->db, app->session, load_summary, app);
	app->counts[STEP_MODEL] = count_step(app->db, app->session, ITEM_VARIABLE);
	app->counts[STEP_EXPORT] = -1;
	progress_count(app->db, app->session, app->open);
}

void app_changed(struct app *app)
{
	load_counts(app);
	if (app->view->open)
		app->view->open(app);
	if (app->on_wall)
		wall_open(app, app->step);
}

void app_show(struct app *app, const struct view *view)
{
	app->view = view;
	if (view->open)
		view->open(app);
	if (app->on_wall)
		wall_open(app, app->step);
}

/* Remembers the step a session is on, and with ROW the row chosen there,
 * for the next time it is opened. */
static void remember_place(struct app *app, bool row)
{
	if (!app->remember || !app->session || !app->db_key[0])
		return;
	char ref[64] = "";
	enum item_kind kind;
	int64_t id;
	if (row && app->view == step_views[app->step] && app->view->selected &&
	    app->view->selected(app, &kind, &id))
		snprintf(ref, sizeof ref, "%s:%" PRId64, item_type(kind)->name, id);
	settings_set_place(app->db_key, app->session, (int)app->step, ref);
}

/* Goes back to the row a session was left on, when it is still there. */
static void restore_row(struct app *app)
{
	char ref[64], kind[32];
	int64_t id;
	const struct item_type *type;
	if (settings_row(app->db_key, app->session, ref, sizeof ref) &&
	    item_split_ref(ref, kind, sizeof kind, &id) && (type = item_type_by_name(kind)) &&
	    app_step_of_kind(type->kind) == app->step)
		app_select_item(app, type->kind, id);
}

void app_step(struct app *app, enum step step)
{
	if (!app->session)
		return;
	bool moved = app->step != step;
	app->step = step;
	app_show(app, step_views[step]);
	if (moved)
		remember_place(app, false);
}

enum step app_step_of_kind(enum item_kind kind)
{
	switch (kind) {
	case ITEM_UNSEEN: return STEP_UNSEENS;
	case ITEM_STAKEHOLDER: case ITEM_VARIABLE: return STEP_MODEL;
	case ITEM_GOAL: case ITEM_CONFLICT: return STEP_GOALS;
	case ITEM_MEASURE: case ITEM_SORO: case ITEM_ACTOR: return STEP_MEASURES;
	default: return STEP_QUESTION;
	}
}

bool app_select_item(struct app *app, enum item_kind kind, int64_t id)
{
	if (!app->session || item_find_by_id(app->db, item_type(kind), app->session, id) != STATUS_OK)
		return false;
	enum step step = app_step_of_kind(kind);
	if (app->view != step_views[step])
		app_step(app, step);
	return app->view->select && app->view->select(app, kind, id);
}

void app_show_list(struct app *app, enum item_kind kind)
{
	enum step step = app_step_of_kind(kind);
	if (app->view != step_views[step])
		app_step(app, step);
	if (kind != ITEM_SESSION && app->view->select)
		app->view->select(app, kind, 0);   /* shows the kind's panel; no row to choose */
}

void app_open_session(struct app *app, int64_t id)
{
	remember_place(app, true);   /* the session left */
	app->session = id;
	load_counts(app);
	if (id) {
		int kept = app->remember ? settings_step(app->db_key, id) : -1;
		app->step = kept >= 0 && kept < STEP_COUNT ? (enum step)kept : STEP_QUESTION;
		app_show(app, step_views[app->step]);
		if (app->remember)
			restore_row(app);
	} else {
		app_show(app, &browser_view);
	}
}

/* The step bar: the widest of its forms (listed in the loop) that fits. */
static void draw_step_bar(struct app *app, int width)
{
	ui_text_pad(0, 0, COLS, "", ui_attr(UI_BAR));
	if (!app->session) {
		ui_text(0, 1, width - 1, _("didat · Sessions"), ui_attr(UI_BAR) | A_BOLD);
		return;
	}
	char labels[STEP_COUNT][64], open[STEP_COUNT][24];
	int separator = 0;
	/* the widest form that fits: full names with counts and separators,
	 * without separators, short names, short names without counts (at
	 * 80 columns a name says more than a count), the step keys with
	 * their counts, and without (every step's tab stays on the bar) */
	for (int form = 0; form < 6; form++) {
		int total = 0;
		bool counts = form != 3 && form != 5;
		separator = form == 0;
		for (int s = 0; s < STEP_COUNT; s++) {
			const char *name = form >= 4 ? step_short[s] : form >= 2 ? _(step_mid[s]) : _(step_names[s]);
			if (counts && app->counts[s] >= 0)
				snprintf(labels[s], sizeof labels[s], " %s %lld", name, (long long)app->counts[s]);
			else
				snprintf(labels[s], sizeof labels[s], " %s", name);
			/* what is still open in the step: "!3", the checklist's count */
			open[s][0] = '\0';
			if (s < PROGRESS_STEPS && app->open[s] > 0)
				snprintf(open[s], sizeof open[s], " !%lld", (long long)app->open[s]);
			total += display_width(labels[s]) + display_width(open[s]) + 1 + separator;
		}
		if (total <= width)
			break;
	}
	int x = 0;
	for (int s = 0; s < STEP_COUNT; s++) {
		app->tab_x[s] = x;
		attr_t a = s == (int)app->step ? ui_attr(UI_TAB_ACTIVE) : ui_attr(UI_BAR);
		x += ui_text(0, x, width - x, labels[s], a);
		x += ui_text(0, x, width - x, open[s], a | A_BOLD);
		x += ui_text(0, x, width - x, " ", a);
		if (separator && s + 1 < STEP_COUNT)
			x += ui_text(0, x, width - x, "·", ui_attr(UI_BAR));
	}
	app->tab_x[STEP_COUNT] = x;
}

/* "09:58": what is left of the timer. */
static void timer_digits(struct app *app, char *buf, size_t size)
{
	long left = countdown_left(&app->timer, time(NULL));
	snprintf(buf, size, "%02ld:%02ld", left / 60, left % 60);
}

static void timer_text(struct app *app, char *buf, size_t size)
{
	char digits[48];
	timer_digits(app, digits, sizeof digits);
	snprintf(buf, size, " ⏱ %s ", digits);
}

/* The rows the running timer takes on top of the wall: block letters
 * when they fit, else the corner of row 0. */
static int timer_rows(struct app *app)
{
	if (!app->timer.running)
		return 1;
	char digits[48];
	timer_digits(app, digits, sizeof digits);
	int rows = wall_timer_rows(digits);
	return rows ? rows + 1 : 1;
}

/* The columns the running timer takes from the step bar. */
static int timer_width(struct app *app)
{
	if (!app->timer.running)
		return 0;
	char buf[64];
	timer_text(app, buf, sizeof buf);
	return display_width(buf);
}

/* The timer in the top right corner of every screen; on the wall in
 * block letters when the terminal is big enough. */
static void draw_timer(struct app *app)
{
	if (!app->timer.running)
		return;
	char buf[64], digits[48];
	timer_digits(app, digits, sizeof digits);
	if (app->on_wall && wall_timer_rows(digits)) {
		wall_draw_timer(digits, app->timer.rang ? ui_attr(UI_ERROR) | A_BLINK : ui_attr(UI_ACCENT));
		return;
	}
	timer_text(app, buf, sizeof buf);
	int w = display_width(buf);
	attr_t a = app->timer.rang ? ui_attr(UI_ERROR) | A_BLINK : ui_attr(UI_TAB_ACTIVE);
	ui_text(0, COLS - w, w, buf, a);
}

/* The timer's end, seen from the back of the room: the whole screen in
 * reverse video for a moment. */
static void draw_flash(struct app *app)
{
	if (!countdown_flashing(&app->timer, time(NULL)))
		return;
	/* each cell inverted as it is: its character (a line-drawing one
	 * too), colour and other attributes kept */
	for (int y = 0; y < LINES; y++)
		for (int x = 0; x < COLS; ) {
			cchar_t cell;
			wchar_t wch[CCHARW_MAX + 1] = { 0 };
			attr_t attrs;
			short pair;
			if (mvin_wch(y, x, &cell) == ERR || getcchar(&cell, wch, &attrs, &pair, NULL) == ERR) {
				x++;
				continue;
			}
			setcchar(&cell, wch, attrs ^ A_REVERSE, pair, NULL);
			mvadd_wch(y, x, &cell);
			int width = wcwidth(wch[0]);
			x += width > 1 ? width : 1;
		}
}

static void draw_wall(struct app *app)
{
	struct rect a = wall_area(timer_rows(app));
	if (app->session && wall_draw(app, app->step, a))
		return;
	char head[256] = "", text[4096] = "";
	if (app->view->current)
		app->view->current(app, head, sizeof head, text, sizeof text);
	wall_draw_item(app, a, head, text);
}

static void draw_status(struct app *app)
{
	int y = LINES - 1;
	const char *hint = app->session ? _(" ? help · q back ") : _(" ? help · q quit ");
	int hw = display_width(hint);
	ui_text_pad(y, 0, COLS, app->status, app->status_error ? ui_attr(UI_ERROR) : ui_attr(UI_BAR));
	if (COLS - hw > display_width(app->status) + 1)
		ui_text(y, COLS - hw, hw, hint, ui_attr(UI_BAR));
}

static struct rect view_area(void)
{
	struct rect r = { 1, 0, LINES - 2, COLS };
	return r;
}

static bool too_small(void)
{
	return LINES < MIN_LINES || COLS < MIN_COLS;
}

void app_draw(struct app *app)
{
	erase();
	if (too_small()) {
		ui_text(0, 0, COLS, _("Terminal too small"), ui_attr(UI_ERROR));
		ui_text(1, 0, COLS, _("at least 40×12"), A_NORMAL);
		return;
	}
	if (app->on_wall) {
		draw_wall(app);
	} else {
		draw_step_bar(app, COLS - timer_width(app));
		app->view->draw(app, view_area());
		draw_status(app);
	}
	draw_timer(app);
	draw_flash(app);
}

/* Keeps the open editor's text as its draft, or forgets the draft when
 * the text is back to what it was. */
static void keep_draft(struct app *app)
{
	const char *text = app->draft_text(app->draft_ctx);
	bool changed = text && (!app->draft_original || strcmp(text, app->draft_original) != 0);
	if (changed && draft_save(app->db, app->session, app->draft_key, app->draft_original, text)
	    == STATUS_OK)
		app->draft_kept = true;
	else if (!changed && app->draft_kept &&
	         draft_forget(app->db, app->session, app->draft_key) == STATUS_OK)
		app->draft_kept = false;
	app->draft_dirty = false;
	clock_gettime(CLOCK_MONOTONIC, &app->draft_written);
}

static long elapsed_ms(const struct timespec *since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - since->tv_sec) * 1000 + (now.tv_nsec - since->tv_nsec) / 1000000;
}

/* Called between keys and at each key: keeps the draft once typing has
 * paused, or when it was last kept too long ago. */
static void autosave_draft(struct app *app)
{
	if (app->draft_key && app->draft_text && app->draft_dirty &&
	    (elapsed_ms(&app->draft_typed) >= DRAFT_PAUSE_MS ||
	     elapsed_ms(&app->draft_written) >= DRAFT_EVERY_MS))
		keep_draft(app);
}

void app_set_draft(struct app *app, const char *key, const char *original,
	const char *(*text)(void *ctx), void *ctx)
{
	/* The editor closes: what it held was saved or given up. */
	if (!key && app->draft_key && app->draft_kept)
		draft_forget(app->db, app->session, app->draft_key);
	app->draft_key = key;
	app->draft_original = original;
	app->draft_text = text;
	app->draft_ctx = ctx;
	app->draft_dirty = app->draft_kept = false;
	clock_gettime(CLOCK_MONOTONIC, &app->draft_written);
}

/* Leaves at once (a signal, SIG): what is in an open editor becomes a
 * draft; everything else was committed when it was saved.  The exit
 * status is 128 + SIG, as a shell reports a death by that signal. */
static void app_shutdown(struct app *app, int sig)
{
	if (app->draft_key && app->draft_text)
		keep_draft(app);
	remember_place(app, true);
	endwin();
	delscreen(app->screen);
	db_close(app->db);
	_exit(128 + sig);
}

/* Follows the terminal's own size when ncurses has not: a key can come
 * before ncurses has noticed that the terminal grew again, and a SIGWINCH
 * that arrives while the screen is being set up is lost.  True when the
 * size changed (the whole screen is then sent anew). */
static bool follow_size(const struct app *app)
{
	struct winsize ws;
	if (app->tty < 0 || ioctl(app->tty, TIOCGWINSZ, &ws) != 0 || ws.ws_row == 0 || ws.ws_col == 0 ||
	    (ws.ws_row == LINES && ws.ws_col == COLS))
		return false;
	resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
	return true;
}

/* Whether the timer changed what it shows. */
static bool tick_timer(struct app *app)
{
	if (!app->timer.running)
		return false;
	if (countdown_ring(&app->timer, time(NULL))) {
		beep();
		app_status(app, "%s", _("Time is up."));
	}
	return true;
}

/* Between keys: the timer, and changes by other processes (PRAGMA
 * data_version) shown without a key press.  True when the screen must
 * be drawn again. */
static bool tick(struct app *app)
{
	bool redraw = follow_size(app);
	redraw = tick_timer(app) || redraw;
	if (!db_changed_elsewhere(app->db))
		return redraw;
	if (app->session) {
		int64_t id = 0;
		char key[32];
		snprintf(key, sizeof key, "%lld", (long long)app->session);
		if (session_find(app->db, key, &id) != STATUS_OK) {
			app_open_session(app, 0);
			app_status(app, "%s", _("The session was deleted elsewhere."));
			return true;
		}
	}
	app_changed(app);
	return true;
}

int app_modal_key(struct app *app, void (*draw)(void *ctx), void *ctx)
{
	bool redraw = true;
	int quick_errors = 0;
	for (;;) {
		if (redraw) {
			app_draw(app);
			if (draw && !too_small())
				draw(ctx);
			refresh();
		}
		redraw = true;
		if (app->tty < 0) {
			/* a probe's dialogs take its queued keys; with none left,
			 * Esc, so that a probe never waits */
			if (!app->queued)
				return UI_ESC;
			app->queued--;
			return *app->queue++;
		}
		wint_t key;
		struct timespec asked;
		clock_gettime(CLOCK_MONOTONIC, &asked);
		int kind = get_wch(&key);
		if (stop_signal)
			app_shutdown(app, stop_signal);
		if (kind == ERR) {
			/* get_wch waits a tick for a key; coming back at once, again
			 * and again, means the terminal is gone without a SIGHUP. */
			if (elapsed_ms(&asked) < TICK_MS / 4 && ++quick_errors > 100)
				app_shutdown(app, SIGHUP);
			autosave_draft(app);
			redraw = tick(app);
			continue;
		}
		quick_errors = 0;
		autosave_draft(app);
		if (app->draft_key) {
			app->draft_dirty = true;
			clock_gettime(CLOCK_MONOTONIC, &app->draft_typed);
		}
		if (kind == OK && key == UI_CTRL('c'))
			app_shutdown(app, SIGINT);
		if (kind == KEY_CODE_YES && key == KEY_RESIZE) {
			clearok(curscr, TRUE);   /* some terminals garble on resize: send all anew */
			continue;
		}
		if (kind == KEY_CODE_YES && key == KEY_MOUSE)
			return UI_FN(KEY_MOUSE);
		if (too_small())
			follow_size(app);
		if (too_small())
			continue;
		return ui_key_code(kind, key);
	}
}

/* One line per documented key, the names padded by display width. */
static size_t help_lines(char *buf, size_t size, const struct binding *keys, size_t n)
{
	size_t len = 0;
	for (size_t i = 0; i < n && len < size; i++) {
		if (!keys[i].help)
			continue;
		const char *name = _(keys[i].name);
		int pad = 13 - display_width(name);
		len += (size_t)snprintf(buf + len, size - len, "  %s%*s %s\n", name,
			pad > 0 ? pad : 0, "", _(keys[i].help));
	}
	return len < size ? len : size - 1;
}

static void show_help(struct app *app)
{
	char text[8192];
	size_t len = 0;
	const struct view *v = app->view;
	len += (size_t)snprintf(text + len, sizeof text - len, "%s\n", _(v->title));
	len += help_lines(text + len, sizeof text - len, v->keys, v->nkeys);
	if (len < sizeof text)
		len += (size_t)snprintf(text + len, sizeof text - len, "\n%s\n", _("Everywhere"));
	if (len < sizeof text)
		help_lines(text + len, sizeof text - len, global_keys,
			sizeof global_keys / sizeof global_keys[0]);
	app_message(app, _("Keys"), text);
}

static void run_undo(struct app *app, bool redo)
{
	if (!app->session) {
		app_status(app, "%s", _("Undo works within a session."));
		return;
	}
	struct undo_result result;
	enum status rc = redo ? redo_last(app->db, app->session, UNDO_MINE, &result)
	                      : undo_last(app->db, app->session, UNDO_MINE, &result);
	if (rc != STATUS_OK) {
		app_error(app);
		return;
	}
	app_status(app, "%s", result.description);
	app_changed(app);
	/* Show what came back (a deleted item, an old text) where it lives:
	 * on this screen when it shows such items (the bundle board). */
	const struct item_type *type = item_type_by_name(result.table);
	if (type && result.row_id && !(app->view->select
			&& app->view->select(app, type->kind, result.row_id)))
		app_select_item(app, type->kind, result.row_id);
}

static void run_find(struct app *app, int command)
{
	if (!app->view->find) {
		app_status(app, "%s", _("There is no list to search here."));
		return;
	}
	if (command == G_FIND) {
		char *needle = NULL;
		if (!app_prompt(app, _("Search:"), app->find, &needle))
			return;
		free(app->find);
		app->find = needle;
	}
	if (!app->find || !*app->find)
		return;
	if (!app->view->find(app, app->find, command == G_FIND_PREV))
		app_status(app, _("Not found: %s"), app->find);
	else
		app_status(app, _("Found: %s"), app->find);
}

static void run_timer(struct app *app, int command)
{
	char length[16];
	if (command == G_TIMER_SET) {
		char *answer = NULL;
		long seconds;
		countdown_format(app->timer_seconds, length, sizeof length);
		if (!app_prompt(app, _("Timer in minutes (1–180, or m:ss):"), length, &answer))
			return;
		bool ok = countdown_parse(answer, &seconds);
		if (!ok) {
			app_status(app, _("Not a length from 0:01 to 180 minutes: %s"), answer);
			app->status_error = true;
		}
		free(answer);
		if (!ok)
			return;
		app->timer_seconds = seconds;
		countdown_stop(&app->timer);
	}
	if (app->timer.running && command == G_TIMER) {
		countdown_stop(&app->timer);
		app_status(app, "%s", _("Timer stopped."));
		return;
	}
	countdown_start(&app->timer, time(NULL), app->timer_seconds);
	int minutes = (int)(app->timer_seconds / 60);
	countdown_format(app->timer_seconds, length, sizeof length);
	if (app->timer_seconds % 60)
		app_status(app, _("Timer: %s."), length);
	else
		app_status(app, P_("Timer: %d minute.", "Timer: %d minutes.", (unsigned long)minutes),
			minutes);
}

static int global_command(struct app *app, int command)
{
	switch (command) {
	case G_HELP: show_help(app); break;
	case G_BACK:
		if (app->on_wall)
			app->on_wall = false;
		else if (app->session && app->view != step_views[app->step])
			app_show(app, step_views[app->step]);   /* from the matrix, the reader */
		else if (app->session)
			app_open_session(app, 0);
		else
			app->quit = true;
		break;
	case G_QUIT: app->quit = true; break;
	case G_FIND: case G_FIND_NEXT: case G_FIND_PREV: run_find(app, command); break;
	case G_UNDO: run_undo(app, false); break;
	case G_REDO: run_undo(app, true); break;
	case G_WALL:
		app->on_wall = !app->on_wall;
		if (app->on_wall)
			wall_open(app, app->step);
		break;
	case G_TIMER: case G_TIMER_SET: run_timer(app, command); break;
	case G_THEME: {
		enum ui_theme t = (enum ui_theme)((ui_theme_current() + 1) % UI_THEME_COUNT);
		ui_theme_set(t);
		if (app->remember)
			settings_set_theme(ui_theme_key(t));
		app_status(app, _("Colour scheme: %s"), ui_theme_name(t));
		break;
	}
	case G_NEXT_STEP: case G_PREV_STEP: case G_STEP1: case G_STEP2: case G_STEP3: case G_STEP4:
	case G_STEP5: case G_STEP6: case G_STEP7:
		app->status[0] = '\0';   /* what was said belongs to the screen left */
		app_step(app, command == G_NEXT_STEP ? (enum step)((app->step + 1) % STEP_COUNT)
			: command == G_PREV_STEP ? (enum step)((app->step + STEP_COUNT - 1) % STEP_COUNT)
			: (enum step)(command - G_STEP1));
		break;
	case G_SEARCH: search_view_start(app, app->view); break;
	case G_CHECKLIST:
		if (app->session)
			checklist_show(app, app->view);
		break;
	default: return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED;
}

static int lookup(const struct binding *keys, size_t n, int key)
{
	for (size_t i = 0; i < n; i++)
		if (keys[i].key == key)
			return keys[i].command;
	return -1;
}

static void handle_mouse(struct app *app)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON4_PRESSED) {
		if (app->view->wheel)
			app->view->wheel(app, -3);
		return;
	}
	if (ev.bstate & BUTTON5_PRESSED) {
		if (app->view->wheel)
			app->view->wheel(app, 3);
		return;
	}
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED)))
		return;
	if (ev.y == 0 && app->session && !app->on_wall) {
		for (int s = 0; s < STEP_COUNT; s++)
			if (ev.x >= app->tab_x[s] && ev.x < app->tab_x[s + 1])
				app_step(app, (enum step)s);
		return;
	}
	if (app->view->click && ev.y >= 1 && ev.y < LINES - 1)
		app->view->click(app, ev.y, ev.x, (ev.bstate & BUTTON1_DOUBLE_CLICKED) != 0);
}

static bool is_movement(int key)
{
	static const int keys[] = { UI_FN(KEY_UP), UI_FN(KEY_DOWN), UI_FN(KEY_LEFT), UI_FN(KEY_RIGHT),
		UI_FN(KEY_PPAGE), UI_FN(KEY_NPAGE), UI_FN(KEY_HOME), UI_FN(KEY_END), 'j', 'k', ' ' };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (keys[i] == key)
			return true;
	return false;
}

/* The frame's keys that work on the wall: none opens a dialog the room
 * cannot see, but for T's prompt. */
static bool works_on_wall(int command)
{
	switch (command) {
	case G_BACK: case G_QUIT: case G_WALL: case G_TIMER: case G_TIMER_SET: case G_UNDO:
	case G_REDO: case G_THEME: case G_NEXT_STEP: case G_PREV_STEP: case G_STEP1: case G_STEP2:
	case G_STEP3: case G_STEP4: case G_STEP5: case G_STEP6: case G_STEP7:
		return true;
	default:
		return false;
	}
}

/* While projecting: the frame's keys that work there (q first of all
 * leaves the wall), then the wall's own; on a step without a wall of
 * its own the keys move through the view's items. */
static void handle_wall_key(struct app *app, int key)
{
	int command = lookup(global_keys, sizeof global_keys / sizeof global_keys[0], key);
	if (works_on_wall(command)) {
		global_command(app, command);
		return;
	}
	if (wall_key(app, app->step, key))
		return;
	command = lookup(app->view->keys, app->view->nkeys, key);
	/* Space advances, as a presenter's clicker does, where the view
	 * has no use of its own for it. */
	if (command < 0 && key == ' ') {
		key = UI_FN(KEY_DOWN);
		command = lookup(app->view->keys, app->view->nkeys, key);
	}
	if (command >= 0 && is_movement(key))
		app->view->command(app, command, key);
}

static void handle_key(struct app *app, int key)
{
	if (key == UI_FN(KEY_MOUSE)) {
		handle_mouse(app);
		return;
	}
	app->status_error = false;
	int command;
	if (app->on_wall) {
		handle_wall_key(app, key);
		return;
	}
	command = lookup(app->view->keys, app->view->nkeys, key);
	if (command >= 0 && app->view->command(app, command, key) == VIEW_HANDLED)
		return;
	command = lookup(global_keys, sizeof global_keys / sizeof global_keys[0], key);
	if (command >= 0 && (app->session || command < G_NEXT_STEP))
		global_command(app, command);
}

/* Drafts are collected first: the dialogs must not run while the list
 * statement is still open. */
#define DRAFTS_OFFERED 8
struct draft_copy {
	int64_t id, session_id;
	char *target, *original, *text, *saved_local;
};

static int collect_draft(void *ctx, const struct draft *d)
{
	struct draft_copy *copies = ctx;
	for (int i = 0; i < DRAFTS_OFFERED; i++) {
		if (copies[i].id)
			continue;
		copies[i] = (struct draft_copy){ d->id, d->session_id, strdup(d->target),
			strdup(d->original), strdup(d->text), strdup(d->saved_local) };
		return 0;
	}
	return 1;
}

/* Offers draft C when it belongs to the open session (any, in the
 * browser: taking it opens its session) and its item is there; a draft
 * of a deleted item waits for the undo that brings the item back. */
static void offer_draft(struct app *app, const struct draft_copy *c)
{
	struct draft d = { c->id, c->session_id, c->target, c->original, c->text, NULL, c->saved_local };
	char what[512], question[1024];
	int64_t back = app->session;
	if (app->session && c->session_id != app->session)
		return;
	app_open_session(app, c->session_id);
	if (!dialog_draft_label(app, &d, what, sizeof what)) {
		app_open_session(app, back);
		return;
	}
	snprintf(question, sizeof question, _("A text was open when the program last ended (%s, %s):\n\n"
		"%s\n\nEdit it again?"), what, c->saved_local, c->text);
	if (!app_confirm(app, question)) {
		app_open_session(app, back);
	} else if (!dialog_restore_draft(app, &d)) {
		app_status(app, _("The draft no longer fits any field: %s"), what);
	}
	draft_delete(app->db, c->id);
}

/* Offers each draft kept when the program was last stopped. */
static void offer_drafts(struct app *app)
{
	struct draft_copy copies[DRAFTS_OFFERED];
	memset(copies, 0, sizeof copies);
	draft_list(app->db, collect_draft, copies);
	for (int i = 0; i < DRAFTS_OFFERED && copies[i].id; i++) {
		struct draft_copy *c = &copies[i];
		if (c->target && c->original && c->text && c->saved_local)
			offer_draft(app, c);
		free(c->target);
		free(c->original);
		free(c->text);
		free(c->saved_local);
	}
}

/* For fatal(): the terminal as it was before the screen began. */
static void give_terminal_back(void)
{
	endwin();
}

/* The theme the person chose last time, else the default. */
static enum ui_theme remembered_theme(void)
{
	char key[32];
	enum ui_theme theme = UI_THEME_DEFAULT;
	if (settings_theme(key, sizeof key))
		ui_theme_from_key(key, &theme);
	return theme;
}

int tui_run(struct db *db, int64_t session)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s\n", _("didat: the workshop screen needs a terminal; "
			"commands: didat --help"));
		return 2;
	}
	static struct app app;
	app.db = db;
	app.tty = STDOUT_FILENO;
	app.timer_seconds = 60L * TIMER_DEFAULT_MIN;
	app.screen = newterm(NULL, stdout, stdin);
	fatal_on_exit(give_terminal_back);
	if (!app.screen) {
		fprintf(stderr, "%s\n", _("didat: cannot set up the terminal (TERM?)"));
		return 2;
	}
	set_term(app.screen);
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop_signal;  /* no SA_RESTART: get_wch returns at once */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	set_escdelay(25);
	raw();   /* Ctrl-S saves (not XOFF); Ctrl-C arrives as a key, handled like SIGINT */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	timeout(TICK_MS);
	curs_set(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED |
		BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	ui_theme_init(remembered_theme());
	app.remember = true;
	if (!realpath(db_path(db), app.db_key))
		app.db_key[0] = '\0';
	db_changed_elsewhere(db);  /* remember the version we start from */
	app_open_session(&app, session);
	if (db_is_readonly(db))
		app_status(&app, "%s", _("Read only: the database is write-protected."));
	offer_drafts(&app);

	while (!app.quit) {
		int key = app_modal_key(&app, NULL, NULL);
		handle_key(&app, key);
	}
	remember_place(&app, true);
	endwin();
	fatal_on_exit(NULL);
	delscreen(app.screen);
	free(app.find);
	return 0;
}

struct app *tui_probe_open(struct db *db, int64_t session, int lines, int cols, FILE *out)
{
	static struct app probe;
	memset(&probe, 0, sizeof probe);
	probe.db = db;
	probe.tty = -1;
	probe.timer_seconds = 60L * TIMER_DEFAULT_MIN;
	FILE *in = fopen("/dev/null", "r");
	probe.screen = in ? newterm("xterm-256color", out, in) : NULL;
	if (!probe.screen)
		probe.screen = in ? newterm("vt100", out, in) : NULL;
	if (!probe.screen) {
		if (in)
			fclose(in);
		return NULL;
	}
	probe.probe_input = in;
	set_term(probe.screen);
	resize_term(lines, cols);
	ui_theme_init(UI_THEME_DEFAULT);
	db_changed_elsewhere(db);
	app_open_session(&probe, session);
	app_draw(&probe);
	refresh();
	return &probe;
}

void tui_probe_key(struct app *app, int key)
{
	handle_key(app, key);
	app_draw(app);
	refresh();
}

void tui_probe_keys(struct app *app, const int *keys, size_t n)
{
	app->queue = keys;
	app->queued = n;
	while (app->queued) {
		app->queued--;
		handle_key(app, *app->queue++);
	}
	app_draw(app);
	refresh();
}

void tui_probe_dump(struct app *app, FILE *out)
{
	(void)app;
	for (int y = 0; y < LINES; y++) {
		wchar_t row[1024];
		int n = mvinnwstr(y, 0, row, COLS < 1023 ? COLS : 1023);
		row[n > 0 ? n : 0] = L'\0';
		fprintf(out, "%ls\n", row);
	}
}

void tui_probe_close(struct app *app)
{
	endwin();
	delscreen(app->screen);
	fclose(app->probe_input);
	free(app->find);
}

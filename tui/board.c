/* The bundle board of step 5 (`b`): a column per actor group A–G, each
 * measure a card with its priority and horizon, moved to another group
 * with one key (the group's letter, or < and > to the neighbour). */
#include "tui/board.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "model/board.h"
#include "model/db.h"
#include "model/item.h"
#include "tui/dialog.h"
#include "tui/form.h"
#include "tui/panel.h"
#include "util/display.h"
#include "util/i18n.h"

#define CARD_ROWS 4          /* priority and horizon, two rows of text, a gap */
#define COLUMN_MIN 14        /* narrower columns are scrolled sideways */
#define WALL_CARD_ROWS 6     /* on the wall: at least four rows of text */
#define WALL_CARD_ROWS_MAX 10
#define WALL_COLUMN_MIN 20

enum { B_LEFT = 1, B_RIGHT, B_UP, B_DOWN, B_TO_LEFT, B_TO_RIGHT, B_TO_LETTER, B_EDIT, B_ADD,
	B_BACK };

/* An actor group's letter moves the card there: A to Z, as letters go. */
#define LETTER(c) { c, B_TO_LETTER, #c, NULL }

static const struct binding board_keys[] = {
	{ UI_FN(KEY_LEFT), B_LEFT, "← → h l", N_("choose the actor group") },
	{ UI_FN(KEY_RIGHT), B_RIGHT, "→", NULL },
	{ 'h', B_LEFT, "h", NULL },
	{ 'l', B_RIGHT, "l", NULL },
	{ UI_FN(KEY_UP), B_UP, "↑ ↓ j k", N_("choose the measure") },
	{ UI_FN(KEY_DOWN), B_DOWN, "↓", NULL },
	{ 'k', B_UP, "k", NULL },
	{ 'j', B_DOWN, "j", NULL },
	{ '<', B_TO_LEFT, "< >", N_("move the measure to the group on the left / right") },
	{ '>', B_TO_RIGHT, ">", NULL },
	{ 'A', B_TO_LETTER, "A…G", N_("move the measure to the actor group of that letter") },
	LETTER('B'), LETTER('C'), LETTER('D'), LETTER('E'), LETTER('F'), LETTER('G'), LETTER('H'),
	LETTER('I'), LETTER('J'), LETTER('K'), LETTER('L'), LETTER('M'), LETTER('N'), LETTER('O'),
	LETTER('P'), LETTER('Q'), LETTER('R'), LETTER('S'), LETTER('T'), LETTER('U'), LETTER('V'),
	LETTER('W'), LETTER('X'), LETTER('Y'), LETTER('Z'),
	{ '\r', B_EDIT, "Enter/e", N_("edit the measure") },
	{ '\n', B_EDIT, "Enter", NULL },
	{ UI_FN(KEY_ENTER), B_EDIT, "Enter", NULL },
	{ 'e', B_EDIT, "e", NULL },
	{ 'a', B_ADD, "a", N_("new measure for this actor group") },
	{ 'q', B_BACK, "q b", N_("back to the list of measures") },
	{ 'b', B_BACK, "b", NULL },
};

static struct {
	struct board board;
	size_t column, card;         /* the chosen card */
	size_t first;                /* the first column on screen */
	int64_t follow;              /* after a move or a new card: choose this measure */
} s;

static struct board_column *chosen(void)
{
	return s.column < s.board.n ? &s.board.columns[s.column] : NULL;
}

static int64_t chosen_id(void)
{
	struct board_column *c = chosen();
	return c && s.card < c->n ? c->ids[s.card] : 0;
}

/* Chooses measure ID wherever it is now; false when it is not on the board. */
static bool find_card(int64_t id)
{
	for (size_t i = 0; i < s.board.n; i++)
		for (size_t j = 0; j < s.board.columns[i].n; j++)
			if (s.board.columns[i].ids[j] == id) {
				s.column = i;
				s.card = j;
				return true;
			}
	return false;
}

static bool board_select(struct app *app, enum item_kind kind, int64_t id)
{
	(void)app;
	return kind == ITEM_MEASURE && find_card(id);
}

static void board_open(struct app *app)
{
	int64_t keep = s.follow ? s.follow : chosen_id();
	int64_t keep_actor = chosen() ? chosen()->actor_id : -1;
	board_free(&s.board);
	if (board_load(app_db(app), app_session(app), &s.board) != STATUS_OK)
		app_error(app);
	s.follow = 0;
	for (size_t i = 0; i < s.board.n; i++)
		if (s.board.columns[i].actor_id == keep_actor)
			s.column = i;
	if (s.column >= s.board.n)
		s.column = s.board.n ? s.board.n - 1 : 0;
	if (keep)
		find_card(keep);
	struct board_column *c = chosen();
	if (c && s.card >= c->n)
		s.card = c->n ? c->n - 1 : 0;
}

/* "P1 · kurzfristig": what a card says above its text. */
static void card_meta(const struct measure *m, char *buf, size_t size)
{
	const struct item_field *horizon = item_field_by_name(item_type(ITEM_MEASURE), "horizon");
	const char *when = m->horizon ? item_choice_label(horizon, m->horizon) : "–";
	if (m->priority)
		snprintf(buf, size, "P%" PRId64 " · %s", m->priority, when);
	else
		snprintf(buf, size, "P– · %s", when);
}

/* The two sizes of a board: the step's screen, and the wall's larger type. */
struct board_look {
	int card_rows;       /* priority and horizon, rows of text, a gap */
	int column_min;      /* narrower columns are scrolled sideways */
	attr_t text;         /* added to a card's text */
};

static const struct board_look looks[2] = {
	{ CARD_ROWS, COLUMN_MIN, A_NORMAL },
	{ WALL_CARD_ROWS, WALL_COLUMN_MIN, A_BOLD },
};

static void draw_card(struct app *app, int64_t id, bool here, int y, int x, int w,
	const struct board_look *look)
{
	struct measure m;
	if (item_read(app_db(app), item_type(ITEM_MEASURE), id, &m) != STATUS_OK)
		return;
	attr_t a = here ? ui_attr(UI_CURSOR) : ui_attr(UI_NORMAL);
	char meta[96];
	card_meta(&m, meta, sizeof meta);
	ui_text_pad(y, x, w, "", a);
	ui_text(y, x, w, meta, here ? a : ui_attr(UI_ACCENT));
	for (int row = 1; row < look->card_rows - 1; row++)
		ui_text_pad(y + row, x, w, "", a);
	ui_wrap((struct rect){ y + 1, x, look->card_rows - 2, w }, 0, m.text, a | look->text);
	item_clear(item_type(ITEM_MEASURE), &m);
}

/* Column I of B into R; its card CARD chosen when HERE. */
static void draw_column(struct app *app, const struct board *b, size_t i, struct rect r, bool here,
	size_t card, const struct board_look *look)
{
	const struct board_column *c = &b->columns[i];
	char head[160];
	if (c->actor_id)
		snprintf(head, sizeof head, "%s (%zu) %s", c->letter, c->n, c->name);
	else
		snprintf(head, sizeof head, _("no actor group (%zu)"), c->n);
	ui_text_pad(r.y, r.x, r.w, head, (here ? ui_attr(UI_TAB_ACTIVE) : ui_attr(UI_TITLE)) | look->text);
	int fit = (r.h - 1) / look->card_rows;
	if (fit < 1)
		return;
	/* the chosen column scrolls to its card; the others show their top */
	size_t top = here && card >= (size_t)fit ? card - (size_t)fit + 1 : 0;
	for (size_t j = top; j < c->n && (int)(j - top) < fit; j++)
		draw_card(app, c->ids[j], here && j == card, r.y + 1 + (int)(j - top) * look->card_rows,
			r.x, r.w, look);
	if (c->n == 0)
		ui_text(r.y + 1, r.x, r.w, _("— no measure —"), ui_attr(UI_DIM));
	else if (top + (size_t)fit < c->n)
		ui_text(r.y + r.h - 1, r.x, r.w, "…", ui_attr(UI_DIM));
}

size_t board_draw_columns(struct app *app, const struct board *b, struct rect r, size_t *first,
	size_t column, size_t card, bool large)
{
	struct board_look look_here = looks[large];
	const struct board_look *look = &look_here;
	if (b->n == 0)
		return 0;
	/* the wall's cards grow with the room the longest column leaves */
	if (large && board_rows(b) > 0) {
		int rows = (r.h - 1) / (int)board_rows(b);
		look_here.card_rows = rows < WALL_CARD_ROWS ? WALL_CARD_ROWS
			: rows > WALL_CARD_ROWS_MAX ? WALL_CARD_ROWS_MAX : rows;
	}
	size_t shown = (size_t)(r.w / look->column_min);
	if (shown < 1)
		shown = 1;
	if (shown > b->n)
		shown = b->n;
	if (column < *first)
		*first = column;
	if (column >= *first + shown)
		*first = column - shown + 1;
	if (*first + shown > b->n)
		*first = b->n - shown;
	int w = r.w / (int)shown;
	for (size_t i = 0; i < shown; i++) {
		struct rect col = { r.y, r.x + (int)i * w, r.h, w - 1 };
		draw_column(app, b, *first + i, col, *first + i == column, card, look);
		attrset(ui_attr(UI_BORDER));
		if (i + 1 < shown)
			mvvline(col.y, col.x + col.w, ACS_VLINE, col.h);
		attrset(A_NORMAL);
	}
	return shown;
}

static void board_draw(struct app *app, struct rect r)
{
	r.x++;
	r.w -= 2;
	ui_text_pad(r.y, r.x, r.w, _("Bundle board: the measures per actor group"), ui_attr(UI_TITLE));
	if (s.board.n == 0) {
		ui_text(r.y + 2, r.x, r.w, _("No actor group and no measure yet."), ui_attr(UI_DIM));
		return;
	}
	board_draw_columns(app, &s.board, (struct rect){ r.y + 1, r.x, r.h - 1, r.w }, &s.first,
		s.column, s.card, false);
}

/* Addresses the chosen measure to the group of column TO. */
static void move_to(struct app *app, size_t to)
{
	int64_t id = chosen_id();
	if (!id || to >= s.board.n || to == s.column)
		return;
	const struct board_column *c = &s.board.columns[to];
	if (board_move(app_db(app), id, c->actor_id) != STATUS_OK) {
		app_error(app);
		return;
	}
	if (c->actor_id)
		app_status(app, _("Measure %" PRId64 " → %s %s"), id, c->letter, c->name);
	else
		app_status(app, _("Measure %" PRId64 " → no actor group"), id);
	s.follow = id;
	app_changed(app);
}

/* The column of the actor group whose letter is KEY, or -1. */
static long column_of_letter(int key)
{
	for (size_t i = 0; i < s.board.n; i++) {
		const char *l = s.board.columns[i].letter;
		if (l && (unsigned char)l[0] == key && l[1] == '\0')
			return (long)i;
	}
	return -1;
}

static void fill_actor(void *ctx, void *item)
{
	(void)ctx;
	struct board_column *c = chosen();
	if (c)
		((struct measure *)item)->actor_id = c->actor_id;
}

static int board_command(struct app *app, int command, int key)
{
	struct board_column *c = chosen();
	switch (command) {
	case B_LEFT: if (s.column > 0) s.column--, s.card = 0; break;
	case B_RIGHT: if (s.column + 1 < s.board.n) s.column++, s.card = 0; break;
	case B_UP: if (s.card > 0) s.card--; break;
	case B_DOWN: if (c && s.card + 1 < c->n) s.card++; break;
	case B_TO_LEFT: if (s.column > 0) move_to(app, s.column - 1); break;
	case B_TO_RIGHT: move_to(app, s.column + 1); break;
	case B_EDIT:
		if (chosen_id())
			panel_edit_item(app, ITEM_MEASURE, chosen_id());
		break;
	case B_ADD: {
		int64_t id;
		if (form_create(app, item_type(ITEM_MEASURE), fill_actor, NULL, &id)) {
			s.follow = id;
			app_changed(app);
		}
		break;
	}
	case B_TO_LETTER: {
		long to = column_of_letter(key);
		if (to < 0) {
			app_status(app, _("No actor group %c"), key);
			break;
		}
		move_to(app, (size_t)to);
		break;
	}
	case B_BACK: app_step(app, STEP_MEASURES); break;
	default: return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED;
}

static void board_current(struct app *app, char *head, size_t head_size, char *text,
	size_t text_size)
{
	int64_t id = chosen_id();
	struct measure m;
	if (!id || item_read(app_db(app), item_type(ITEM_MEASURE), id, &m) != STATUS_OK)
		return;
	snprintf(head, head_size, _("Measure %" PRId64), id);
	snprintf(text, text_size, "%s", m.text);
	item_clear(item_type(ITEM_MEASURE), &m);
}

const struct view board_view = {
	.title = N_("5 Measures: bundle board"),
	.keys = board_keys,
	.nkeys = sizeof board_keys / sizeof board_keys[0],
	.open = board_open,
	.draw = board_draw,
	.command = board_command,
	.current = board_current,
	.select = board_select,
};

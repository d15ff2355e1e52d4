/* The checklist: every open point of the session (model/progress.h),
 * step by step, each one jumped to with Enter, so that the group sees
 * what is still to do before it moves on. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "tui/checklist.h"

#include "model/progress.h"
#include "tui/app.h"
#include "tui/dialog.h"
#include "tui/listpos.h"
#include "tui/panel.h"
#include "util/display.h"
#include "util/grow.h"
#include "util/i18n.h"

enum { C_JUMP = 1, C_BACK };

static const struct binding checklist_keys[] = {
	PANEL_MOVE_KEYS,
	{ '\r', C_JUMP, "Enter", N_("go to the open point in its step") },
	{ '\n', C_JUMP, "Enter", NULL },
	{ UI_FN(KEY_ENTER), C_JUMP, "Enter", NULL },
	{ 'q', C_BACK, "q", N_("back") },
};

/* The open points as ids only: their names are read for the rows on
 * screen. */
static struct {
	struct open_point *points;
	size_t cap;
	struct list_pos pos;
	const struct view *back;
	bool nomem;
} c;

static int keep_point(void *ctx, const struct open_point *p)
{
	(void)ctx;
	struct open_point *room = grow(c.points, c.pos.n, &c.cap, sizeof *c.points, 64);
	if (!room) {
		c.nomem = true;
		return 1;
	}
	c.points = room;
	c.points[c.pos.n++] = *p;
	return 0;
}

static void checklist_open(struct app *app)
{
	size_t cursor = c.pos.cursor;
	c.pos.n = 0;
	c.nomem = false;
	if (progress_each(app_db(app), app_session(app), keep_point, NULL) != STATUS_OK)
		app_error(app);
	size_t n = c.pos.n;
	c.pos.n = 0;
	list_set_count(&c.pos, n);
	c.pos.cursor = cursor < n ? cursor : n ? n - 1 : 0;
}

static const char *const step_titles[PROGRESS_STEPS] = {
	N_("1 Question"), N_("2 Unseens"), N_("3 System model"), N_("4 Goals"), N_("5 Measures"),
};

/* The width of the step column: the longest step name. */
static int step_column(void)
{
	int w = 0;
	for (int i = 0; i < PROGRESS_STEPS; i++)
		if (display_width(_(step_titles[i])) > w)
			w = display_width(_(step_titles[i]));
	return w + 2;
}

/* "Unseen 7 „Datenabfluss“" for a point about an item; the session's
 * own points need no name. */
static void point_name(struct app *app, const struct open_point *p, char *buf, size_t size)
{
	if (p->kind == ITEM_SESSION) {
		buf[0] = '\0';
		return;
	}
	char label[200];
	dialog_label_of(app, p->kind, p->id, label, sizeof label);
	snprintf(buf, size, "%s %" PRId64 " „%s“: ", _(item_type(p->kind)->label), p->id, label);
}

/* A row: its step's name where the step's points begin (and at the top
 * of the screen), the item and what is open about it. */
static void draw_point(struct app *app, size_t i, int y, struct rect list)
{
	const struct open_point *p = &c.points[i];
	int step = progress_check_step(p->check), col = step_column();
	bool here = i == c.pos.cursor;
	attr_t a = here ? ui_attr(UI_CURSOR) : ui_attr(UI_NORMAL);
	ui_text_pad(y, list.x, list.w, "", a);
	if (i == c.pos.top || progress_check_step(c.points[i - 1].check) != step)
		ui_text(y, list.x, col, _(step_titles[step]), here ? a : ui_attr(UI_TITLE));
	char name[260];
	point_name(app, p, name, sizeof name);
	int used = ui_text(y, list.x + col, list.w - col, name, a);
	ui_text(y, list.x + col + used, list.w - col - used, _(progress_check_problem(p->check)),
		here ? a : ui_attr(UI_ACCENT));
}

static void checklist_draw(struct app *app, struct rect r)
{
	char head[160];
	snprintf(head, sizeof head, P_("Checklist: %zu point still open", "Checklist: %zu points "
		"still open", c.pos.n), c.pos.n);
	ui_text_pad(r.y, r.x + 1, r.w - 1, head, ui_attr(UI_TITLE));
	if (c.nomem)
		ui_text(r.y, r.x + r.w / 2, r.w / 2, _("out of memory: the list is cut short"),
			ui_attr(UI_ERROR));
	list_place(&c.pos, (struct rect){ r.y + 1, r.x + 1, r.h - 1, r.w - 2 });
	const struct rect *list = &c.pos.area;
	if (c.pos.n == 0) {
		ui_text(list->y, list->x, list->w, _("Nothing is open: every step is complete."),
			ui_attr(UI_DIM));
		return;
	}
	for (int row = 0; row < list->h && c.pos.top + (size_t)row < c.pos.n; row++)
		draw_point(app, c.pos.top + (size_t)row, list->y + row, *list);
}

/* Goes to the point's item in its step; a point about something missing
 * (a SoRO for a component, a measure for an actor group) to the list
 * where that is made. */
static void jump(struct app *app, const struct open_point *p)
{
	enum step step = (enum step)progress_check_step(p->check);
	enum item_kind mend = progress_check_mend(p->check);
	if (mend == p->kind && p->kind != ITEM_SESSION && app_step_of_kind(p->kind) == step
		&& app_select_item(app, p->kind, p->id))
		return;
	if (mend != ITEM_SESSION && app_step_of_kind(mend) == step)
		app_show_list(app, mend);
	else
		app_step(app, step);
}

static int checklist_command(struct app *app, int command, int key)
{
	(void)key;
	if (list_command(&c.pos, command))
		return VIEW_HANDLED;
	switch (command) {
	case C_JUMP:
		if (c.pos.cursor < c.pos.n)
			jump(app, &c.points[c.pos.cursor]);
		return VIEW_HANDLED;
	case C_BACK:
		if (c.back)
			app_show(app, c.back);
		else
			app_step(app, STEP_QUESTION);
		return VIEW_HANDLED;
	}
	return VIEW_UNHANDLED;
}

static void checklist_scroll(struct app *app, int delta)
{
	(void)app;
	list_move(&c.pos, delta);
}

static int checklist_click(struct app *app, int y, int x, bool double_click)
{
	long row = list_row_at(&c.pos, y, x);
	if (row < 0)
		return VIEW_UNHANDLED;
	c.pos.cursor = (size_t)row;
	if (double_click)
		jump(app, &c.points[row]);
	return VIEW_HANDLED;
}

const struct view checklist_view = {
	.title = N_("Checklist"),
	.keys = checklist_keys,
	.nkeys = sizeof checklist_keys / sizeof checklist_keys[0],
	.open = checklist_open,
	.draw = checklist_draw,
	.command = checklist_command,
	.click = checklist_click,
	.wheel = checklist_scroll,
};

void checklist_show(struct app *app, const struct view *back)
{
	if (back != &checklist_view)
		c.back = back;
	c.pos.cursor = 0;
	c.pos.top = 0;
	app_show(app, &checklist_view);
}

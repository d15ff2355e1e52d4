/* The step screens made of panels: 1 Leitfrage (the question, the system
 * boundaries and the components), 2 Unseens, 3 Systemmodell (stakeholder
 * groups and variables; the matrix is tui/matrix.c), 4 Ziele (goals and
 * goal conflicts), 5 Maßnahmen (measures, their bundles by actor group,
 * and the SoRO statements). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "tui/app.h"
#include "tui/board.h"
#include "tui/dialog.h"
#include "tui/matrix.h"
#include "tui/panel.h"
#include "util/display.h"
#include "util/i18n.h"

/* Commands of the step screens themselves (panels use PANEL_*). */
enum {
	S_PANEL1 = 1, S_PANEL2, S_PANEL3,  /* show the first, second, third panel */
	S_MATRIX, S_BOARD,
	S_QUESTION, S_INSIDE, S_OUTSIDE, S_REGION, S_HORIZON, S_TITLE,
	S_DATE, S_PLACE, S_FACILITATOR, S_PARTICIPANTS, S_NOTES,
};

/* A step screen: some panels, one of them shown. */
struct step_screen {
	struct panel *panels;
	size_t npanels, current;
	bool header;   /* step 1: the session's question and boundaries above */
};

static struct panel *current_panel(struct step_screen *s)
{
	return &s->panels[s->current];
}

static void screen_open(struct app *app, struct step_screen *s)
{
	panel_open(app, current_panel(s));
}

/* The workshop's title, then its date and place. */
static void draw_workshop_line(int y, struct rect r, const struct session *ses)
{
	char when[400];
	snprintf(when, sizeof when, _("  Date (D): %s · Place (O): %s"),
		ses->date && *ses->date ? ses->date : "—", ses->place && *ses->place ? ses->place : "—");
	ui_text_pad(y, r.x, r.w, "", ui_attr(UI_TITLE));
	int used = ui_text(y, r.x, r.w, ses->title, ui_attr(UI_TITLE));
	ui_text(y, r.x + used, r.w - used, when, ui_attr(UI_TITLE) & ~A_BOLD);
}

/* Who ran the workshop and who took part. */
static void draw_people_line(int y, struct rect r, const struct session *ses)
{
	int used = ui_text(y, r.x, r.w, _("Facilitator (M): "), ui_attr(UI_ACCENT));
	used += ui_text(y, r.x + used, r.w - used, ses->facilitator && *ses->facilitator
		? ses->facilitator : "—", ui_attr(UI_NORMAL));
	used += ui_text(y, r.x + used, r.w - used, _(" · Participants (P): "), ui_attr(UI_ACCENT));
	ui_text(y, r.x + used, r.w - used, ses->participants && *ses->participants
		? ses->participants : "—", ui_attr(UI_NORMAL));
}

/* The session's notes on one line, their line breaks shown as ↵ (B
 * opens them whole). */
static void draw_notes_line(int y, struct rect r, const struct session *ses)
{
	int used = ui_text(y, r.x, r.w, _("Notes (B): "), ui_attr(UI_ACCENT));
	ui_text(y, r.x + used, r.w - used, ses->notes && *ses->notes ? ses->notes : "—",
		ui_attr(UI_NORMAL));
}

/* Step 1's header: the workshop, the guiding question and the system
 * boundaries. */
static int draw_session_header(struct app *app, struct rect r)
{
	struct session ses;
	if (item_read(app_db(app), item_type(ITEM_SESSION), app_session(app), &ses) != STATUS_OK)
		return 0;
	int y = r.y;
	draw_workshop_line(y++, r, &ses);
	ui_text(y, r.x, r.w, _("Guiding question (L):"), ui_attr(UI_ACCENT));
	struct rect q = { y + 1, r.x + 2, 3, r.w - 2 };
	ui_wrap(q, 0, ses.question && *ses.question ? ses.question : _("— none yet —"),
		ses.question && *ses.question ? ui_attr(UI_NORMAL) | A_BOLD : ui_attr(UI_DIM));
	y += 4;
	const struct { const char *label; const char *value; } bounds[] = {
		{ _("Inside (i)"), ses.inside }, { _("Outside (o)"), ses.outside },
		{ _("Region (r)"), ses.region }, { _("Time horizon (h)"), ses.horizon },
	};
	/* two rows each, wrapped: a boundary is read whole, not cut mid-word */
	int half = r.w / 2;
	for (int i = 0; i < 4; i++) {
		int x = r.x + (i % 2) * half, w = half - 1, row = y + (i / 2) * 2;
		int used = ui_text(row, x, w, bounds[i].label, ui_attr(UI_ACCENT));
		used += ui_text(row, x + used, w - used, ": ", ui_attr(UI_ACCENT));
		ui_wrap((struct rect){ row, x + used, 2, w - used }, 0, bounds[i].value &&
			*bounds[i].value ? bounds[i].value : "—", ui_attr(UI_NORMAL));
	}
	y += 4;
	draw_people_line(y++, r, &ses);
	draw_notes_line(y++, r, &ses);
	attrset(ui_attr(UI_BORDER));
	mvhline(y, r.x, ACS_HLINE, r.w);
	attrset(A_NORMAL);
	item_clear(item_type(ITEM_SESSION), &ses);
	return y + 1 - r.y;
}

static void screen_draw(struct app *app, struct step_screen *s, struct rect r)
{
	r.x++;
	r.w -= 2;
	if (s->header && r.h >= 20) {
		int used = draw_session_header(app, r);
		r.y += used;
		r.h -= used;
	}
	panel_draw(app, current_panel(s), r, true);
}

static bool edit_session_field(struct app *app, const char *name)
{
	const struct item_type *type = item_type(ITEM_SESSION);
	return app_edit_field(app, type, app_session(app), item_field_by_name(type, name));
}

static int screen_command(struct app *app, struct step_screen *s, int command)
{
	switch (command) {
	case S_PANEL1: case S_PANEL2: case S_PANEL3:
		if ((size_t)(command - S_PANEL1) < s->npanels) {
			s->current = (size_t)(command - S_PANEL1);
			panel_open(app, current_panel(s));
		}
		return VIEW_HANDLED;
	case S_MATRIX: app_show(app, &matrix_view); return VIEW_HANDLED;
	case S_BOARD: app_show(app, &board_view); return VIEW_HANDLED;
	case S_QUESTION: edit_session_field(app, "question"); return VIEW_HANDLED;
	case S_INSIDE: edit_session_field(app, "inside"); return VIEW_HANDLED;
	case S_OUTSIDE: edit_session_field(app, "outside"); return VIEW_HANDLED;
	case S_REGION: edit_session_field(app, "region"); return VIEW_HANDLED;
	case S_HORIZON: edit_session_field(app, "horizon"); return VIEW_HANDLED;
	case S_TITLE: edit_session_field(app, "title"); return VIEW_HANDLED;
	case S_DATE: edit_session_field(app, "date"); return VIEW_HANDLED;
	case S_PLACE: edit_session_field(app, "place"); return VIEW_HANDLED;
	case S_FACILITATOR: edit_session_field(app, "facilitator"); return VIEW_HANDLED;
	case S_PARTICIPANTS: edit_session_field(app, "participants"); return VIEW_HANDLED;
	case S_NOTES: edit_session_field(app, "notes"); return VIEW_HANDLED;
	}
	return panel_command(app, current_panel(s), command);
}

static void screen_current(struct app *app, struct step_screen *s, char *head, size_t head_size,
	char *text, size_t text_size)
{
	panel_describe(app, current_panel(s), head, head_size, text, text_size);
}

/* Shows the panel of KIND with item ID selected. */
static bool screen_select(struct app *app, struct step_screen *s, enum item_kind kind, int64_t id)
{
	for (size_t i = 0; i < s->npanels; i++)
		if (s->panels[i].kind == kind) {
			s->current = i;
			return panel_select(app, &s->panels[i], id);
		}
	return false;
}

static bool screen_selected(struct step_screen *s, enum item_kind *kind, int64_t *id)
{
	*kind = current_panel(s)->kind;
	*id = panel_current(current_panel(s));
	return *id != 0;
}

/* Generates the view callbacks of a step screen named NAME. */
#define STEP_SCREEN_VIEW(name, title_text, state) \
	static void name##_open(struct app *app) { screen_open(app, &state); } \
	static void name##_draw(struct app *app, struct rect r) { screen_draw(app, &state, r); } \
	static int name##_command(struct app *app, int command, int key) \
	{ (void)key; return screen_command(app, &state, command); } \
	static int name##_click(struct app *app, int y, int x, bool dbl) \
	{ return panel_click(app, current_panel(&state), y, x, dbl); } \
	static void name##_scroll(struct app *app, int delta) \
	{ panel_scroll(app, current_panel(&state), delta); } \
	static bool name##_find(struct app *app, const char *needle, bool backwards) \
	{ return panel_find(app, current_panel(&state), needle, backwards); } \
	static void name##_current(struct app *app, char *h, size_t hs, char *t, size_t ts) \
	{ screen_current(app, &state, h, hs, t, ts); } \
	static bool name##_select(struct app *app, enum item_kind kind, int64_t id) \
	{ return screen_select(app, &state, kind, id); } \
	static bool name##_selected(struct app *app, enum item_kind *kind, int64_t *id) \
	{ (void)app; return screen_selected(&state, kind, id); } \
	const struct view name##_view = { title_text, name##_keys, \
		sizeof name##_keys / sizeof name##_keys[0], name##_open, name##_draw, \
		name##_command, name##_click, name##_scroll, name##_current, name##_find, \
		name##_select, name##_selected };

/* ---- rows ---- */

static void component_number(struct app *app, int64_t component_id, char *buf, size_t size)
{
	struct component c;
	buf[0] = '\0';
	if (component_id && item_read(app_db(app), item_type(ITEM_COMPONENT), component_id, &c) == STATUS_OK) {
		snprintf(buf, size, _("C%" PRId64), c.number);
		item_clear(item_type(ITEM_COMPONENT), &c);
	}
}

static void unseen_row(struct app *app, const void *item, char *buf, size_t size, char *right,
	size_t right_size)
{
	const struct unseen *u = item;
	char comp[16];
	component_number(app, u->component_id, comp, sizeof comp);
	double v = unseen_vulnerability(u);
	snprintf(buf, size, "%3" PRId64 " %s", u->id, u->title);
	char vuln[32];
	if (v >= 0)
		snprintf(right, right_size, "%s ●%" PRId64 " V%s", comp, u->votes,
			i18n_decimal(vuln, sizeof vuln, v));
	else
		snprintf(right, right_size, "%s ●%" PRId64 " V–", comp, u->votes);
}

static void goal_row(struct app *app, const void *item, char *buf, size_t size, char *right,
	size_t right_size)
{
	const struct goal *g = item;
	char comp[16];
	component_number(app, g->component_id, comp, sizeof comp);
	snprintf(buf, size, "%-3s %s", comp, g->text);
	snprintf(right, right_size, "#%" PRId64, g->id);
}

static void conflict_row(struct app *app, const void *item, char *buf, size_t size, char *right,
	size_t right_size)
{
	const struct conflict *c = item;
	char a[128], b[128];
	dialog_label_of(app, ITEM_GOAL, c->goal_a, a, sizeof a);
	dialog_label_of(app, ITEM_GOAL, c->goal_b, b, sizeof b);
	snprintf(buf, size, "%s ↔ %s: %s", a, b, c->description ? c->description : "");
	(void)right;
	(void)right_size;
}

static void measure_row(struct app *app, const void *item, char *buf, size_t size, char *right,
	size_t right_size)
{
	const struct measure *m = item;
	const struct item_field *horizon = item_field_by_name(item_type(ITEM_MEASURE), "horizon");
	char actor[64], cell[64];
	dialog_label_of(app, ITEM_ACTOR, m->actor_id, actor, sizeof actor);
	display_fit(cell, sizeof cell, actor[0] ? actor : "–", 2);
	snprintf(buf, size, "%s %s", cell, m->text);
	const char *when = m->horizon ? item_choice_label(horizon, m->horizon) : "";
	if (m->priority)
		snprintf(right, right_size, "P%" PRId64 " %s", m->priority, when);
	else
		snprintf(right, right_size, "%s", when);
}

static void soro_row(struct app *app, const void *item, char *buf, size_t size, char *right,
	size_t right_size)
{
	const struct soro *s = item;
	char comp[16];
	component_number(app, s->component_id, comp, sizeof comp);
	snprintf(buf, size, "%-3s %s", comp, s->text);
	(void)right;
	(void)right_size;
}

static void variable_row(struct app *app, const void *item, char *buf, size_t size, char *right,
	size_t right_size)
{
	const struct variable *v = item;
	(void)app;
	snprintf(buf, size, "%3" PRId64 " %s", v->position, v->name);
	snprintf(right, right_size, "%s", v->short_name ? v->short_name : "");
}

/* ---- 1 Leitfrage ---- */

static struct panel question_panels[] = {
	{ .kind = ITEM_COMPONENT, .title = N_("Components") },
};
static struct step_screen question_state = { question_panels, 1, 0, true };

static const struct binding question_keys[] = {
	PANEL_MOVE_KEYS,
	PANEL_EDIT_KEYS,
	{ 'L', S_QUESTION, "L", N_("edit the guiding question") },
	{ 'i', S_INSIDE, "i o", N_("system boundary inside / outside") },
	{ 'o', S_OUTSIDE, "o", NULL },
	{ 'r', S_REGION, "r", N_("region") },
	{ 'h', S_HORIZON, "h", N_("time horizon") },
	{ 'W', S_TITLE, "W", N_("title of the workshop (the session)") },
	{ 'D', S_DATE, "D O", N_("date / place of the workshop") },
	{ 'O', S_PLACE, "O", NULL },
	{ 'M', S_FACILITATOR, "M P", N_("facilitator / participants") },
	{ 'P', S_PARTICIPANTS, "P", NULL },
	{ 'B', S_NOTES, "B", N_("notes on the workshop") },
};
STEP_SCREEN_VIEW(question, N_("1 Guiding question and system boundaries"), question_state)

/* ---- 2 Unseens ---- */

static const enum listing_order unseen_orders[] = {
	LISTING_DEFAULT, LISTING_VOTES, LISTING_VULNERABILITY,
};
static struct panel unseen_panels[] = {
	{ .kind = ITEM_UNSEEN, .title = N_("Unseens"), .orders = unseen_orders, .norders = 3,
	  .row = unseen_row },
};
static struct step_screen unseens_state = { unseen_panels, 1, 0, false };

static const struct binding unseens_keys[] = {
	PANEL_MOVE_KEYS,
	PANEL_EDIT_KEYS,
	{ '+', PANEL_VOTE_UP, "+ -", N_("give / take back a dot") },
	{ '-', PANEL_VOTE_DOWN, "-", NULL },
	{ 'K', PANEL_MOVE_UP, "K J", N_("move up / down") },
	{ 'J', PANEL_MOVE_DOWN, "J", NULL },
	{ 's', PANEL_SORT, "s", N_("sort: order, votes, vulnerability") },
	{ 'f', PANEL_FILTER, "f", N_("filter by component") },
	{ 'l', PANEL_LINKS, "l", N_("choose the stakeholder groups affected") },
};
STEP_SCREEN_VIEW(unseens, N_("2 Unseens"), unseens_state)

/* ---- 3 Systemmodell ---- */

static struct panel model_panels[] = {
	{ .kind = ITEM_VARIABLE, .title = N_("System variables"), .row = variable_row },
	{ .kind = ITEM_STAKEHOLDER, .title = N_("Stakeholder groups") },
};
static struct step_screen model_state = { model_panels, 2, 0, false };

static const struct binding model_keys[] = {
	PANEL_MOVE_KEYS,
	PANEL_EDIT_KEYS,
	{ 'v', S_PANEL1, "v", N_("System variables") },
	{ 'g', S_PANEL2, "g", N_("Stakeholder groups") },
	{ 'm', S_MATRIX, "m", N_("Impact matrix") },
	{ 'K', PANEL_MOVE_UP, "K J", N_("move the variable up / down") },
	{ 'J', PANEL_MOVE_DOWN, "J", NULL },
};
STEP_SCREEN_VIEW(model, N_("3 System model"), model_state)

/* ---- 4 Ziele ---- */

static const enum listing_order goal_orders[] = { LISTING_COMPONENT };
static struct panel goal_panels[] = {
	{ .kind = ITEM_GOAL, .title = N_("Goals per component"), .orders = goal_orders, .norders = 1,
	  .row = goal_row },
	{ .kind = ITEM_CONFLICT, .title = N_("Goal conflicts"), .row = conflict_row },
};
static struct step_screen goals_state = { goal_panels, 2, 0, false };

static const struct binding goals_keys[] = {
	PANEL_MOVE_KEYS,
	PANEL_EDIT_KEYS,
	{ 'z', S_PANEL1, "z", N_("Goals") },
	{ 'c', S_PANEL2, "c", N_("goal conflicts (two goals and a description)") },
	{ 'l', PANEL_LINKS, "l", N_("choose the unseens the goal answers") },
	{ 'f', PANEL_FILTER, "f", N_("filter by component") },
};
STEP_SCREEN_VIEW(goals, N_("4 Goals"), goals_state)

/* ---- 5 Maßnahmen ---- */

static const enum listing_order measure_orders[] = { LISTING_DEFAULT, LISTING_ACTOR };
static const enum listing_order soro_orders[] = { LISTING_COMPONENT };
static struct panel measure_panels[] = {
	{ .kind = ITEM_MEASURE, .title = N_("Measures"), .orders = measure_orders, .norders = 2,
	  .row = measure_row },
	{ .kind = ITEM_SORO, .title = N_("SoRO per component"), .orders = soro_orders, .norders = 1,
	  .row = soro_row },
};
static struct step_screen measures_state = { measure_panels, 2, 0, false };

static const struct binding measures_keys[] = {
	PANEL_MOVE_KEYS,
	PANEL_EDIT_KEYS,
	{ 'm', S_PANEL1, "m", N_("Measures") },
	{ 'o', S_PANEL2, "o", N_("SoRO: socially robust orientation per component") },
	{ 'b', S_BOARD, "b", N_("bundle board: a column per actor group A–G") },
	{ 's', PANEL_SORT, "s", N_("sort: in order / by actor group") },
	{ 'l', PANEL_LINKS, "l", N_("choose the goals the measure serves") },
	{ 'f', PANEL_FILTER, "f", N_("SoRO: filter by component") },
};
STEP_SCREEN_VIEW(measures, N_("5 Measures"), measures_state)

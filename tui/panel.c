#include "tui/panel.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "tui/dialog.h"
#include "tui/form.h"
#include "util/display.h"
#include "util/i18n.h"
#include "util/text.h"

static const char *order_name(enum listing_order order)
{
	switch (order) {
	case LISTING_VOTES: case LISTING_RANKED: return _("by votes");
	case LISTING_VULNERABILITY: return _("by vulnerability");
	case LISTING_COMPONENT: return _("by component");
	case LISTING_ACTOR: return _("by actor group");
	case LISTING_DEFAULT: break;
	}
	return _("in order");
}

int64_t panel_current(const struct panel *p)
{
	return p->pos.cursor < p->pos.n ? p->ids[p->pos.cursor] : 0;
}

void panel_open(struct app *app, struct panel *p)
{
	if (p->session != app_session(app)) {
		p->session = app_session(app);
		p->component = p->component_number = 0;
		p->detail_skip = 0;
		memset(&p->pos, 0, sizeof p->pos);
	}
	int64_t keep = panel_current(p);
	struct listing_query q = { p->kind, app_session(app),
		p->orders ? p->orders[p->order] : LISTING_DEFAULT, p->component };
	int64_t *ids;
	size_t n;
	if (listing_ids(app_db(app), &q, &ids, &n) != STATUS_OK) {
		app_error(app);
		return;
	}
	free(p->ids);
	p->ids = ids;
	list_set_count(&p->pos, n);
	for (size_t i = 0; i < n; i++)
		if (ids[i] == keep)
			p->pos.cursor = i;
}

static bool panel_cursor_to(struct panel *p, int64_t id)
{
	for (size_t i = 0; i < p->pos.n; i++)
		if (p->ids[i] == id) {
			p->pos.cursor = i;
			p->detail_skip = 0;
			return true;
		}
	return false;
}

bool panel_select(struct app *app, struct panel *p, int64_t id)
{
	panel_open(app, p);
	if (panel_cursor_to(p, id))
		return true;
	if (!p->component)
		return false;
	p->component = p->component_number = 0;
	panel_open(app, p);
	return panel_cursor_to(p, id);
}

void panel_free(struct panel *p)
{
	free(p->ids);
	p->ids = NULL;
	memset(&p->pos, 0, sizeof p->pos);
}

/* ---- the detail pane ---- */

struct link_names {
	struct app *app;
	const struct item_type *type;
	char *buf;
	size_t size, len;
};

static int add_link_name(void *ctx, int64_t id)
{
	struct link_names *l = ctx;
	char label[256];
	dialog_label_of(l->app, l->type->kind, id, label, sizeof label);
	if (l->len < l->size)
		l->len += (size_t)snprintf(l->buf + l->len, l->size - l->len, "%s%s",
			l->len ? "; " : "", label);
	return 0;
}

/* A field as a person reads it: references by their label ("K2 Daten"),
 * choices in German.  Texts are returned as they are, however long;
 * anything else is written into BUF. */
static const char *field_value(struct app *app, const struct item_type *type, const void *item,
	const struct item_field *f, char *buf, size_t size)
{
	const char *text = f->kind == FIELD_TEXT || f->kind == FIELD_CHOICE
		? *(char *const *)((const char *)item + f->offset) : NULL;
	buf[0] = '\0';
	if (f->kind == FIELD_TEXT)
		return text ? text : "";
	if (f->kind == FIELD_CHOICE) {
		snprintf(buf, size, "%s", text ? item_choice_label(f, text) : "");
	} else if (f->kind == FIELD_REF) {
		dialog_label_of(app, f->ref, *(const int64_t *)((const char *)item + f->offset), buf, size);
	} else {
		item_format(app_db(app), type, item, f, buf, size);
	}
	return buf;
}

int panel_draw_item(struct app *app, enum item_kind kind, int64_t id, struct rect r, int skip)
{
	const struct item_type *type = item_type(kind);
	union item_any item;
	if (!id || item_read(app_db(app), type, id, &item) != STATUS_OK)
		return 0;
	struct ui_flow f = { r, 0, skip };
	char value[4096], head[256];
	dialog_item_label(type, &item, value, sizeof value);
	snprintf(head, sizeof head, "%s %" PRId64, _(type->label), id);
	ui_flow_text(&f, 0, head, ui_attr(UI_TITLE));
	for (size_t i = 0; i < type->nfields; i++) {
		const struct item_field *fd = &type->fields[i];
		if (strcmp(fd->name, "position") == 0)
			continue;
		const char *shown = field_value(app, type, &item, fd, value, sizeof value);
		ui_flow_text(&f, 0, _(fd->label), ui_attr(UI_ACCENT));
		ui_flow_text(&f, 2, *shown ? shown : "—", *shown ? ui_attr(UI_NORMAL) : ui_attr(UI_DIM));
	}
	if (kind == ITEM_UNSEEN) {
		double v = unseen_vulnerability(&item.unseen);
		char vuln[32];
		if (v >= 0)
			snprintf(value, sizeof value, "%s (%s %d)", i18n_decimal(vuln, sizeof vuln, v),
				_("risk"), unseen_risk(&item.unseen));
		else
			snprintf(value, sizeof value, "%s", _("— (ratings missing)"));
		ui_flow_text(&f, 0, _("Vulnerability"), ui_attr(UI_ACCENT));
		ui_flow_text(&f, 2, value, ui_attr(UI_NORMAL));
	}
	for (int k = 0; k < LINK_KIND_COUNT; k++) {
		const struct link_type *lt = link_type((enum link_kind)k);
		if (lt->from != kind)
			continue;
		struct link_names l = { app, item_type(lt->to), value, sizeof value, 0 };
		value[0] = '\0';
		link_list(app_db(app), lt->kind, id, add_link_name, &l);
		ui_flow_text(&f, 0, _(item_type(lt->to)->label), ui_attr(UI_ACCENT));
		ui_flow_text(&f, 2, *value ? value : "—", *value ? ui_attr(UI_NORMAL) : ui_attr(UI_DIM));
	}
	item_clear(type, &item);
	return f.row;
}

/* ---- the list ---- */

static void draw_row(struct app *app, struct panel *p, size_t index, int y, int x, int w)
{
	const struct item_type *type = item_type(p->kind);
	union item_any item;
	char text[1024] = "", right[64] = "";
	if (item_read(app_db(app), type, p->ids[index], &item) != STATUS_OK)
		return;
	if (p->row)
		p->row(app, &item, text, sizeof text, right, sizeof right);
	else
		dialog_item_label(type, &item, text, sizeof text);
	item_clear(type, &item);
	attr_t a = index == p->pos.cursor ? ui_attr(UI_CURSOR) : ui_attr(UI_NORMAL);
	int rw = display_width(right);
	if (rw + 12 > w)
		rw = 0;   /* too narrow: the text matters more than the figures */
	ui_text_pad(y, x, w, "", a);
	ui_text(y, x, w - (rw ? rw + 2 : 0), text, a);
	if (rw)
		ui_text(y, x + w - rw - 1, rw, right, index == p->pos.cursor ? a : ui_attr(UI_ACCENT));
}

static void draw_list(struct app *app, struct panel *p, struct rect r)
{
	char head[256];
	const char *order = p->norders > 1 ? order_name(p->orders[p->order]) : "";
	if (p->component)
		snprintf(head, sizeof head, _("%s (%zu) %s · only C%" PRId64), _(p->title), p->pos.n,
			order, p->component_number);
	else
		snprintf(head, sizeof head, "%s (%zu) %s", _(p->title), p->pos.n, order);
	ui_text_pad(r.y, r.x, r.w, head, ui_attr(UI_TITLE));
	list_place(&p->pos, (struct rect){ r.y + 1, r.x, r.h - 1, r.w });
	int h = p->pos.area.h;
	if (h <= 0)
		return;
	if (p->pos.n == 0) {
		ui_text(r.y + 1, r.x + 1, r.w - 1, _("(empty — a adds an item)"), ui_attr(UI_DIM));
		return;
	}
	for (int i = 0; i < h && p->pos.top + (size_t)i < p->pos.n; i++)
		draw_row(app, p, p->pos.top + (size_t)i, r.y + 1 + i, r.x, r.w);
}

void panel_draw(struct app *app, struct panel *p, struct rect r, bool detail)
{
	if (!detail) {
		draw_list(app, p, r);
		return;
	}
	struct rect list = r, pane = r;
	if (r.w >= 80) {
		list.w = r.w * 11 / 20;
		pane.x = list.x + list.w + 1;
		pane.w = r.w - list.w - 1;
		attrset(ui_attr(UI_BORDER));
		mvvline(r.y, list.x + list.w, ACS_VLINE, r.h);
		attrset(A_NORMAL);
	} else {
		list.h = r.h / 2;
		pane.y = r.y + list.h;
		pane.h = r.h - list.h;
		attrset(ui_attr(UI_BORDER));
		mvhline(pane.y, r.x, ACS_HLINE, r.w);
		attrset(A_NORMAL);
		pane.y++;
		pane.h--;
	}
	draw_list(app, p, list);
	pane.x++;
	pane.w--;
	int rows = panel_draw_item(app, p->kind, panel_current(p), pane, p->detail_skip);
	if (p->detail_skip > 0 && p->detail_skip >= rows) {   /* scrolled past the end */
		p->detail_skip = rows > 0 ? rows - 1 : 0;
		panel_draw_item(app, p->kind, panel_current(p), pane, p->detail_skip);
	}
}

/* ---- commands ---- */

static void move_cursor(struct panel *p, long delta)
{
	if (list_move(&p->pos, delta))
		p->detail_skip = 0;
}

void panel_edit_item(struct app *app, enum item_kind kind, int64_t id)
{
	form_edit(app, kind, id);
}

void panel_vote(struct app *app, int64_t id, int delta)
{
	int64_t votes = 0;
	if (unseen_vote(app_db(app), id, delta, &votes) != STATUS_OK)
		app_error(app);
	else
		app_status(app, _("Unseen %" PRId64 ": %" PRId64 " votes"), id, votes);
	app_changed(app);
}

/* Swaps the positions of the selected item and its neighbour. */
static void reorder(struct app *app, struct panel *p, int delta)
{
	if (p->orders && p->orders[p->order] != LISTING_DEFAULT) {
		app_status(app, "%s", _("Reordering works in the list's own order (s switches)."));
		return;
	}
	long other = (long)p->pos.cursor + delta;
	if (other < 0 || other >= (long)p->pos.n)
		return;
	if (!item_field_by_name(item_type(p->kind), "position"))
		return;
	if (item_swap_positions(app_db(app), item_type(p->kind), p->ids[p->pos.cursor], p->ids[other],
	    delta) != STATUS_OK) {
		app_error(app);
		return;
	}
	p->pos.cursor = (size_t)other;
	app_changed(app);
}

struct component_choice {
	struct app *app;
	int64_t *ids;
};

static void component_label(void *ctx, size_t i, char *buf, size_t size)
{
	struct component_choice *c = ctx;
	if (i == 0)
		snprintf(buf, size, "%s", _("all components"));
	else
		dialog_label_of(c->app, ITEM_COMPONENT, c->ids[i - 1], buf, size);
}

static void choose_component(struct app *app, struct panel *p)
{
	struct listing_query q = { ITEM_COMPONENT, app_session(app), LISTING_DEFAULT, 0 };
	struct component_choice c = { app, NULL };
	size_t n;
	if (listing_ids(app_db(app), &q, &c.ids, &n) != STATUS_OK) {
		app_error(app);
		return;
	}
	int pick = app_pick(app, _("Filter by component"), n + 1, component_label, &c, 0, NULL);
	if (pick >= 0) {
		p->component = pick == 0 ? 0 : c.ids[pick - 1];
		p->component_number = 0;
		struct component comp;
		if (p->component &&
		    item_read(app_db(app), item_type(ITEM_COMPONENT), p->component, &comp) == STATUS_OK) {
			p->component_number = comp.number;
			item_clear(item_type(ITEM_COMPONENT), &comp);
		}
		p->pos.cursor = 0;
		panel_open(app, p);
	}
	free(c.ids);
}

/* A new item of a filtered list belongs to the filter's component. */
static void fill_new(void *ctx, void *item)
{
	struct panel *p = ctx;
	const struct item_field *f = item_field_by_name(item_type(p->kind), "component");
	if (f && p->component)
		*(int64_t *)((char *)item + f->offset) = p->component;
}

int panel_command(struct app *app, struct panel *p, int command)
{
	int64_t id = panel_current(p);
	size_t before = p->pos.cursor;
	if (list_command(&p->pos, command)) {
		if (p->pos.cursor != before)
			p->detail_skip = 0;
		return VIEW_HANDLED;
	}
	switch (command) {
	case PANEL_ADD: {
		int64_t new_id;
		if (form_create(app, item_type(p->kind), fill_new, p, &new_id)) {
			for (size_t i = 0; i < p->pos.n; i++)
				if (p->ids[i] == new_id)
					p->pos.cursor = i;
		}
		break;
	}
	case PANEL_EDIT:
		if (id)
			panel_edit_item(app, p->kind, id);
		break;
	case PANEL_DELETE:
		if (id)
			dialog_delete_item(app, item_type(p->kind), id);
		break;
	case PANEL_VOTE_UP: case PANEL_VOTE_DOWN:
		if (id && p->kind == ITEM_UNSEEN)
			panel_vote(app, id, command == PANEL_VOTE_UP ? 1 : -1);
		break;
	case PANEL_MOVE_UP: case PANEL_MOVE_DOWN:
		if (id)
			reorder(app, p, command == PANEL_MOVE_UP ? -1 : 1);
		break;
	case PANEL_SORT:
		if (p->norders > 1) {
			p->order = (p->order + 1) % p->norders;
			panel_open(app, p);
			app_status(app, "%s %s", _(p->title), order_name(p->orders[p->order]));
		}
		break;
	case PANEL_FILTER:
		if (item_field_by_name(item_type(p->kind), "component"))
			choose_component(app, p);
		else
			app_status(app, "%s", _("This list has no component filter."));
		break;
	case PANEL_DETAIL_DOWN:
		p->detail_skip += 5;
		break;
	case PANEL_DETAIL_UP:
		p->detail_skip = p->detail_skip > 5 ? p->detail_skip - 5 : 0;
		break;
	case PANEL_LINKS:
		for (int k = 0; id && k < LINK_KIND_COUNT; k++)
			if (link_type((enum link_kind)k)->from == p->kind) {
				app_edit_links(app, (enum link_kind)k, id);
				break;
			}
		break;
	default:
		return VIEW_UNHANDLED;
	}
	return VIEW_HANDLED;
}

int panel_click(struct app *app, struct panel *p, int y, int x, bool double_click)
{
	long row = list_row_at(&p->pos, y, x);
	if (row < 0)
		return VIEW_UNHANDLED;
	p->pos.cursor = (size_t)row;
	p->detail_skip = 0;
	if (double_click)
		panel_edit_item(app, p->kind, p->ids[row]);
	return VIEW_HANDLED;
}

void panel_scroll(struct app *app, struct panel *p, int delta)
{
	(void)app;
	move_cursor(p, delta);
}

/* Whether any text field of the item matches. */
static bool item_matches(const struct item_type *type, const void *item, const char *needle)
{
	for (size_t i = 0; i < type->nfields; i++) {
		const struct item_field *f = &type->fields[i];
		if (f->kind == FIELD_TEXT &&
		    text_contains_folded(*(char *const *)((const char *)item + f->offset), needle))
			return true;
	}
	return false;
}

bool panel_find(struct app *app, struct panel *p, const char *needle, bool backwards)
{
	const struct item_type *type = item_type(p->kind);
	size_t n = p->pos.n, cursor = p->pos.cursor;
	for (size_t step = 1; step <= n; step++) {
		size_t i = backwards ? (cursor + n - step) % n : (cursor + step) % n;
		union item_any item;
		if (item_read(app_db(app), type, p->ids[i], &item) != STATUS_OK)
			continue;
		bool hit = item_matches(type, &item, needle);
		item_clear(type, &item);
		if (hit) {
			p->pos.cursor = i;
			p->detail_skip = 0;
			return true;
		}
	}
	return false;
}

void panel_describe(struct app *app, struct panel *p, char *head, size_t head_size,
	char *text, size_t text_size)
{
	const struct item_type *type = item_type(p->kind);
	union item_any item;
	int64_t id = panel_current(p);
	if (!id || item_read(app_db(app), type, id, &item) != STATUS_OK)
		return;
	snprintf(head, head_size, "%s %" PRId64, _(type->label), id);
	dialog_item_label(type, &item, text, text_size);
	if (p->kind == ITEM_UNSEEN && item.unseen.description && *item.unseen.description) {
		size_t len = strlen(text);
		snprintf(text + len, text_size - len, "\n\n%s", item.unseen.description);
	}
	item_clear(type, &item);
}

/* The hits of a full-text search: document lines (title and line number)
 * and item texts (kind and title), the matched words highlighted. */
#include "tui/search_view.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/search.h"
#include "tui/code_picker.h"
#include "tui/hinge_view.h"
#include "tui/panel.h"
#include "tui/reader.h"
#include "util/display.h"
#include "util/i18n.h"
#include "util/grow.h"

/* A screen of hits is all anyone reads; a query that finds more is too
 * broad, and the list says so instead of holding them all. */
#define MAX_HITS 1000

enum {
	S_JUMP = 1, S_SEARCH, S_BACK, S_NEXT, S_PREV,
};

static const struct binding search_keys[] = {
	PANEL_MOVE_KEYS,
	{ '\r', S_JUMP, "Enter", N_("jump to the hit (line in the reader, item in its step)") },
	{ '\n', S_JUMP, "Enter", NULL },
	{ UI_FN(KEY_ENTER), S_JUMP, "Enter", NULL },
	{ 'n', S_NEXT, "n N", N_("next / previous hit") },
	{ 'N', S_PREV, "N", NULL },
	{ '/', S_SEARCH, N_("/ Ctrl-F"), N_("new search") },
	{ UI_CTRL('f'), S_SEARCH, N_("Ctrl-F"), NULL },
	{ 'q', S_BACK, "q", N_("back") },
};

struct hit {
	enum search_place place;
	int64_t document_id, line, item_id;
	char kind[16];
	char *title, *text;
};

/* The hits of one search. */
struct hit_list {
	struct hit *hits;
	size_t n, cap;
	bool more;                 /* stopped at MAX_HITS */
	bool nomem;
};

static struct {
	char *query;               /* of the hits shown, and of n/N in the reader */
	struct hit_list list;
	size_t cursor, top;
	const struct view *back;
	struct rect area;          /* of the list, at the last draw */
	int rows_per_hit;
} s;

const char *search_view_query(void)
{
	return s.query;
}

void search_view_set_query(const char *query)
{
	char *copy = strdup(query ? query : "");
	if (!copy)
		return;
	free(s.query);
	s.query = copy;
}

static void hits_clear(struct hit_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->hits[i].title);
		free(l->hits[i].text);
	}
	free(l->hits);
	memset(l, 0, sizeof *l);
}

static int collect_hit(void *ctx, const struct search_hit *h)
{
	struct hit_list *l = ctx;
	if (l->n == MAX_HITS) {
		l->more = true;
		return 1;
	}
	struct hit *grown = grow(l->hits, l->n, &l->cap, sizeof *l->hits, 64);
	if (!grown) {
		l->nomem = true;
		return 1;
	}
	l->hits = grown;
	struct hit *t = &l->hits[l->n];
	memset(t, 0, sizeof *t);
	t->place = h->place;
	t->document_id = h->document_id;
	t->line = h->line;
	t->item_id = h->item_id;
	snprintf(t->kind, sizeof t->kind, "%s", h->kind ? h->kind : "");
	t->title = strdup(h->title ? h->title : "");
	t->text = strdup(h->text ? h->text : "");
	if (!t->title || !t->text) {
		free(t->title);
		free(t->text);
		l->nomem = true;
		return 1;
	}
	l->n++;
	return 0;
}

void search_view_start(struct app *app, const struct view *back)
{
	char *query = NULL;
	/* A new search starts empty: typing must not append to the last one. */
	if (!app_prompt(app, _("Full-text search (words, \"phrase\", prefix*, OR, NOT):"), "", &query))
		return;
	/* A refused query or one without hits leaves the last results. */
	struct hit_list found = { 0 };
	enum status rc = search_run_marked(app_db(app), app_session(app), query, SEARCH_MARK_OPEN,
		SEARCH_MARK_CLOSE, collect_hit, &found);
	if (rc != STATUS_OK) {
		free(query);
		hits_clear(&found);
		app_error(app);
		return;
	}
	if (found.n == 0) {
		app_status(app, _("No hits for “%s”"), query);
		free(query);
		hits_clear(&found);
		return;
	}
	search_view_set_query(query);
	free(query);
	hits_clear(&s.list);
	s.list = found;
	s.cursor = s.top = 0;
	if (back != &search_view)
		s.back = back;
	if (s.list.nomem)
		app_status(app, "%s", _("out of memory: not all hits are shown"));
	else if (s.list.more)
		app_status(app, _("More than %zu hits for “%s”: the first are shown"), s.list.n,
			s.query);
	else
		app_status(app, _("%zu hits for “%s” · Enter jumps there, n/N in the reader"), s.list.n,
			s.query);
	app_show(app, &search_view);
}

/* ---- drawing ---- */

static const char *kind_label(const char *kind)
{
	if (strcmp(kind, "component") == 0)
		return _("Component");
	if (strcmp(kind, "code") == 0)
		return _("Code");
	return code_picker_type_label(kind);
}

static void place_text(const struct hit *h, char *buf, size_t size)
{
	if (h->place == SEARCH_LINE)
		snprintf(buf, size, _("%s, l. %" PRId64), h->title, h->line);
	else
		snprintf(buf, size, "%s: %s", kind_label(h->kind), h->title);
}

/* The place in W columns: a line's number stays visible however long
 * the document's title is. */
static void draw_place(int y, int x, int w, const struct hit *h, attr_t a)
{
	char place[512];
	if (h->place != SEARCH_LINE) {
		place_text(h, place, sizeof place);
		ui_text(y, x, w, place, a);
		return;
	}
	char number[32];
	snprintf(number, sizeof number, _(" l. %" PRId64), h->line);
	int nw = display_width(number);
	int used = ui_text(y, x, w - nw, h->title, a);
	ui_text(y, x + used, w - used, number, a);
}

/* Columns of the text from FROM up to TO (no markers in between). */
static int span_width(const char *from, const char *to)
{
	char buf[1024];
	size_t n = (size_t)(to - from);
	if (n >= sizeof buf)
		return (int)n;   /* long enough to be cut anyway */
	memcpy(buf, from, n);
	buf[n] = '\0';
	return display_width(buf);
}

/* Where to start showing TEXT in WIDTH columns so that its first match
 * is visible: whole words dropped from the front until the match sits
 * in the first third. */
static const char *visible_start(const char *text, int width)
{
	const char *mark = strstr(text, SEARCH_MARK_OPEN);
	if (!mark)
		return text;
	if (span_width(text, mark) + 12 <= width)
		return text;   /* the match and some words after it fit as it is */
	const char *p = text;
	while (p < mark && span_width(p, mark) > width / 3) {
		const char *space = memchr(p, ' ', (size_t)(mark - p));
		if (space) {
			p = space + 1;
		} else {
			p++;
			while (p < mark && (*p & 0xC0) == 0x80)
				p++;
		}
	}
	return p;
}

static void draw_marked(int y, int x, int w, const char *text, attr_t attr)
{
	const char *start = visible_start(text, w);
	int used = 0;
	if (start != text)
		used = ui_text(y, x, w, "…", ui_attr(UI_DIM));
	ui_text_marked(y, x + used, w - used, start, attr, ui_attr(UI_MARK));
}

static void search_draw(struct app *app, struct rect r)
{
	(void)app;
	char head[512];
	if (s.list.more)
		snprintf(head, sizeof head, _("Search “%s”: more than %zu hits (the first)"),
			s.query ? s.query : "", s.list.n);
	else
		snprintf(head, sizeof head, _("Search “%s”: %zu hits"), s.query ? s.query : "",
			s.list.n);
	r.x++;
	r.w -= 2;
	ui_text_pad(r.y, r.x, r.w, head, ui_attr(UI_TITLE));
	s.area = (struct rect){ r.y + 1, r.x, r.h - 1, r.w };
	s.rows_per_hit = r.w >= 80 ? 1 : 2;
	int visible = s.area.h / s.rows_per_hit;
	if (visible < 1)
		visible = 1;
	if (s.cursor < s.top)
		s.top = s.cursor;
	if (s.cursor >= s.top + (size_t)visible)
		s.top = s.cursor - (size_t)visible + 1;
	int place_w = s.rows_per_hit == 1 ? r.w * 3 / 10 : r.w;
	for (int i = 0; i < visible && s.top + (size_t)i < s.list.n; i++) {
		size_t index = s.top + (size_t)i;
		const struct hit *h = &s.list.hits[index];
		int y = s.area.y + i * s.rows_per_hit;
		if (y + s.rows_per_hit > s.area.y + s.area.h)
			break;
		bool cur = index == s.cursor;
		attr_t a = cur ? ui_attr(UI_CURSOR) : ui_attr(UI_NORMAL);
		ui_text_pad(y, r.x, r.w, "", a);
		if (s.rows_per_hit == 2)
			ui_text_pad(y + 1, r.x, r.w, "", a);
		draw_place(y, r.x, place_w - 1, h, cur ? a : ui_attr(UI_ACCENT));
		if (s.rows_per_hit == 1)
			draw_marked(y, r.x + place_w, r.w - place_w, h->text, a);
		else
			draw_marked(y + 1, r.x + 2, r.w - 2, h->text, a);
	}
}

/* ---- commands ---- */

static void jump(struct app *app, const struct hit *h)
{
	if (h->place == SEARCH_LINE) {
		reader_show(app, h->document_id, h->line);
		return;
	}
	if (strcmp(h->kind, "code") == 0) {
		hinge_view_show(app, h->item_id, &search_view);
		return;
	}
	const struct item_type *type = item_type_by_name(h->kind);
	if (!type || !app_select_item(app, type->kind, h->item_id)) {
		app_status(app, _("%s %" PRId64 " is not shown here"), kind_label(h->kind), h->item_id);
		return;
	}
	app_status(app, _("%s %" PRId64 ": %s"), kind_label(h->kind), h->item_id, h->title);
}

static int search_command(struct app *app, int command, int key)
{
	(void)key;
	int visible = s.rows_per_hit ? s.area.h / s.rows_per_hit : 1;
	long page = visible > 1 ? visible - 1 : 1;
	long to = (long)s.cursor;
	switch (command) {
	case PANEL_UP: case S_PREV: to--; break;
	case PANEL_DOWN: case S_NEXT: to++; break;
	case PANEL_PAGE_UP: to -= page; break;
	case PANEL_PAGE_DOWN: to += page; break;
	case PANEL_HOME: to = 0; break;
	case PANEL_END: to = (long)s.list.n; break;
	case S_JUMP:
		if (s.cursor < s.list.n)
			jump(app, &s.list.hits[s.cursor]);
		return VIEW_HANDLED;
	case S_SEARCH:
		search_view_start(app, s.back);
		return VIEW_HANDLED;
	case S_BACK:
		app_show(app, s.back ? s.back : &documents_view);
		return VIEW_HANDLED;
	default:
		return VIEW_UNHANDLED;
	}
	if (to >= (long)s.list.n)
		to = (long)s.list.n - 1;
	s.cursor = to < 0 ? 0 : (size_t)to;
	return VIEW_HANDLED;
}

static int search_click(struct app *app, int y, int x, bool double_click)
{
	(void)x;
	if (y < s.area.y || y >= s.area.y + s.area.h || s.rows_per_hit < 1)
		return VIEW_UNHANDLED;
	size_t index = s.top + (size_t)((y - s.area.y) / s.rows_per_hit);
	if (index < s.list.n) {
		s.cursor = index;
		if (double_click)
			jump(app, &s.list.hits[index]);
	}
	return VIEW_HANDLED;
}

static void search_wheel(struct app *app, int delta)
{
	search_command(app, delta < 0 ? PANEL_UP : PANEL_DOWN, 0);
}

/* The hit's text without the markers. */
static void search_current(struct app *app, char *head, size_t head_size, char *text,
	size_t text_size)
{
	(void)app;
	if (s.cursor >= s.list.n)
		return;
	place_text(&s.list.hits[s.cursor], head, head_size);
	size_t j = 0;
	const char *p = s.list.hits[s.cursor].text;
	for (; *p && j + 1 < text_size; p++)
		if (*p != SEARCH_MARK_OPEN[0] && *p != SEARCH_MARK_CLOSE[0])
			text[j++] = *p;
	if (*p) {
		/* cut short: drop the last character, which may be cut */
		while (j > 0 && (text[j - 1] & 0xC0) == 0x80)
			j--;
		if (j > 0 && (text[j - 1] & 0x80))
			j--;
	}
	text[j] = '\0';
}

const struct view search_view = {
	.title = N_("Search results"),
	.keys = search_keys,
	.nkeys = sizeof search_keys / sizeof search_keys[0],
	.draw = search_draw,
	.command = search_command,
	.click = search_click,
	.wheel = search_wheel,
	.current = search_current,
};

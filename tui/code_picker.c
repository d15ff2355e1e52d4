#include "tui/code_picker.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/coding.h"
#include "model/db.h"
#include "model/item.h"
#include "tui/app.h"
#include "util/i18n.h"
#include "util/grow.h"

/* Colour pairs of the code bars, above the theme's (tui/ui.c uses one per role). */
#define BAR_PAIR_BASE 40

const char *code_picker_type_label(const char *type)
{
	const struct item_type *t = type ? item_type_by_name(type) : NULL;
	if (t && t->is_code)
		return _(t->label);
	return type && strcmp(type, "free") == 0 ? _("Free") : type ? type : "";
}

void code_picker_label(const char *type, const char *name, const char *path, char *buf,
	size_t size)
{
	snprintf(buf, size, "%s: %s", code_picker_type_label(type),
		path && *path ? path : name ? name : "");
}

static int hex_digit(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
		: c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The curses colour nearest to COLOUR: a name, or #RRGGBB with each
 * channel on when it is at least half the strongest (so that #a23b72 is
 * magenta, not a dark red).  -1 when it is neither. */
static short colour_of(const char *colour)
{
	static const char *const names[8] = { "black", "red", "green", "yellow", "blue", "magenta",
		"cyan", "white" };
	if (!colour || !*colour)
		return -1;
	for (short i = 0; i < 8; i++)
		if (strcasecmp(colour, names[i]) == 0)
			return i;
	if (colour[0] != '#' || strlen(colour) != 7)
		return -1;
	int ch[3];
	for (int i = 0; i < 3; i++) {
		int hi = hex_digit(colour[1 + 2 * i]), lo = hex_digit(colour[2 + 2 * i]);
		if (hi < 0 || lo < 0)
			return -1;
		ch[i] = hi * 16 + lo;
	}
	int max = ch[0] > ch[1] ? ch[0] : ch[1];
	max = max > ch[2] ? max : ch[2];
	if (max < 48)
		return COLOR_BLACK;
	short c = 0;
	if (ch[0] * 2 >= max)
		c |= COLOR_RED;
	if (ch[1] * 2 >= max)
		c |= COLOR_GREEN;
	if (ch[2] * 2 >= max)
		c |= COLOR_BLUE;
	return c;
}

attr_t code_picker_attr(const char *colour, const char *type)
{
	short normal = (short)PAIR_NUMBER(ui_attr(UI_NORMAL));
	if (!PAIR_NUMBER(ui_attr(UI_BAR)) || COLOR_PAIRS <= BAR_PAIR_BASE + 8)
		return A_BOLD;   /* no colours: the bars still show, in bold */
	short c = colour_of(colour);
	if (c < 0) {
		const struct item_type *t = type ? item_type_by_name(type) : NULL;
		c = t && t->colour ? t->colour : COLOR_WHITE;   /* kinds.def numbers them as curses does */
	}
	/* On the theme's own background, which may change with F6. */
	short fg = -1, bg = -1, have_fg, have_bg;
	if (normal)
		pair_content(normal, &fg, &bg);
	short pair = (short)(BAR_PAIR_BASE + c);
	pair_content(pair, &have_fg, &have_bg);
	if (have_fg != c || have_bg != bg)
		init_pair(pair, c, bg);
	return COLOR_PAIR(pair) | (c == COLOR_BLACK ? A_DIM : A_BOLD);
}

/* ---- the picker ---- */

struct code_entry {
	int64_t id;
	char *label;
};

struct code_choices {
	struct code_entry *codes;
	size_t n, cap;
	bool allow_new;
	bool nomem;
};

static int add_code(void *ctx, const struct code_info *info)
{
	struct code_choices *c = ctx;
	struct code_entry *grown = grow(c->codes, c->n, &c->cap, sizeof *c->codes, 64);
	if (!grown) {
		c->nomem = true;
		return 1;
	}
	c->codes = grown;
	char label[512];
	code_picker_label(info->type, info->name, info->path, label, sizeof label);
	c->codes[c->n].id = info->id;
	c->codes[c->n].label = strdup(label);
	if (!c->codes[c->n].label) {
		c->nomem = true;
		return 1;
	}
	c->n++;
	return 0;
}

static void choice_label(void *ctx, size_t i, char *buf, size_t size)
{
	struct code_choices *c = ctx;
	if (c->allow_new && i == 0) {
		snprintf(buf, size, "%s", _("+ new free code…"));
		return;
	}
	snprintf(buf, size, "%s", c->codes[i - (c->allow_new ? 1 : 0)].label);
}

/* Asks for the name and the parent of a new free code and creates it. */
static bool create_free_code(struct app *app, int64_t *code_id)
{
	struct db *db = app_db(app);
	char *name = NULL, *parent = NULL;
	if (!app_prompt(app, _("Name of the new free code:"), "", &name))
		return false;
	bool made = false;
	if (app_prompt(app, _("Parent as a path (e.g. Data/Ownership; empty = top level):"),
	    "", &parent)) {
		int64_t parent_id = 0;
		enum status rc = STATUS_OK;
		if (*parent)
			rc = code_find(db, app_session(app), parent, &parent_id);
		if (rc == STATUS_OK)
			rc = code_create_free(db, app_session(app), name, parent_id, NULL, NULL, code_id);
		if (rc != STATUS_OK) {
			app_error(app);
		} else {
			app_status(app, _("Free code %" PRId64 " “%s” created"), *code_id, name);
			made = true;
		}
	}
	free(name);
	free(parent);
	return made;
}

bool code_picker_run(struct app *app, const char *title, bool allow_new, int64_t initial,
	int64_t *code_id)
{
	struct code_choices c = { .allow_new = allow_new };
	if (code_list(app_db(app), app_session(app), add_code, &c) != STATUS_OK || c.nomem) {
		if (c.nomem)
			app_status(app, "%s", _("out of memory"));
		else
			app_error(app);
		for (size_t i = 0; i < c.n; i++)
			free(c.codes[i].label);
		free(c.codes);
		return false;
	}
	size_t offset = allow_new ? 1 : 0;
	int start = allow_new && c.n ? 1 : 0;
	for (size_t i = 0; i < c.n; i++)
		if (c.codes[i].id == initial)
			start = (int)(i + offset);
	bool chosen = false;
	int pick = app_pick(app, title, c.n + offset, choice_label, &c, start, NULL);
	if (pick >= 0 && allow_new && pick == 0) {
		chosen = create_free_code(app, code_id);
	} else if (pick >= 0) {
		*code_id = c.codes[(size_t)pick - offset].id;
		chosen = true;
	}
	for (size_t i = 0; i < c.n; i++)
		free(c.codes[i].label);
	free(c.codes);
	return chosen;
}

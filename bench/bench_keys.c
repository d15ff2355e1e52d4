/* The key benchmark of entering a workshop (issue: keys per item kind).
 * In a temporary database it makes the demo session D (the SME chapter's
 * workshop, model/demo.h) and an empty session S, then enters every item
 * of D into S through the screen (the probe of tui/tui.h), kind by kind,
 * with the keys an efficient person would type into the item form
 * (tui/form.h): text character by character, Tab over empty rows, a digit
 * for a rating or a choice, on a reference or a link the shortest filter
 * that puts the wanted row first, and Esc after the last field with a
 * value.  Every item of S is then read back through the model and
 * compared with D's, field by field and link by link; so is the impact
 * matrix.  Any difference fails the benchmark (exit 1).
 *
 * "Other keys" (all but the characters of the items' texts and numbers)
 * are compared with a model of the interface before the form (8a24085^):
 * 'a', the title, Enter; then per further field Enter (the field menu),
 * a filter for the field's label, Enter, the value and Enter (F2 for a
 * multi-line text); per link kind Enter, a filter for "Link: <kind>",
 * Enter, per item its filter, Space and as many Backspaces (that filter
 * did not clear), and Enter.  The session's fields and the matrix are
 * entered with the same keys then and now.  D's notes have no key on the
 * screen and are not entered; S keeps its own title. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "model/db.h"
#include "model/demo.h"
#include "model/impact.h"
#include "model/item.h"
#include "model/session.h"
#include "tui/dialog.h"
#include "tui/tui.h"
#include "tui/ui.h"
#include "util/display.h"
#include "util/i18n.h"
#include "util/text.h"

enum {
	MAX_KEYS = 8192,
	MAX_ITEMS = 64,     /* of one kind in a session */
	MAX_LINKS = 16,     /* of one kind from one item */
	MAX_ROWS = 24,      /* of a form (tui/form.c FORM_ROWS) */
	MAX_KINDS = 16,     /* rows of the table */
	LABEL_SIZE = 600,
	TARGET_OTHER = 30,  /* other keys for the target unseen */
};
#define LEN(a) (sizeof (a) / sizeof (a)[0])
#define NO_ROW ((size_t)-1)

/* ---- keys ---- */

struct keys {
	int key[MAX_KEYS];
	size_t n, text, other;
};

static void put_key(struct keys *k, int key, bool text)
{
	if (k->n >= MAX_KEYS) {
		fprintf(stderr, "bench_keys: more than %d keys in one script\n", MAX_KEYS);
		exit(EXIT_FAILURE);
	}
	k->key[k->n++] = key;
	if (text)
		k->text++;
	else
		k->other++;
}

/* Types UTF-8 S a character a key, as wide characters by code point. */
static void put_text(struct keys *k, const char *s, bool text)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t len = strlen(s);
	while (len) {
		wchar_t wc;
		size_t used = mbrtowc(&wc, s, len, &st);
		if (used == (size_t)-1 || used == (size_t)-2 || used == 0) {
			fprintf(stderr, "bench_keys: not UTF-8: %s\n", s);
			exit(EXIT_FAILURE);
		}
		put_key(k, (int)wc, text);
		s += used;
		len -= used;
	}
}

static size_t chars_of(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* ---- the benchmark's state ---- */

struct tally {
	const char *kind;
	size_t items, text, other, before;
};

struct bench {
	struct db *db;
	struct app *app;
	int64_t d, s;                  /* the demo session, the one typed into */
	struct { int64_t d, s; } map[ITEM_KIND_COUNT][MAX_ITEMS];
	size_t nmap[ITEM_KIND_COUNT];
	struct tally tally[MAX_KINDS];
	size_t ntally;
	int failures;
	char db_path[64];
};

static void fail(struct bench *b, const char *what, const char *detail)
{
	b->failures++;
	printf("FAILED %s: %s\n", what, detail);
}

static int64_t to_s(const struct bench *b, enum item_kind kind, int64_t d)
{
	for (size_t i = 0; i < b->nmap[kind]; i++)
		if (b->map[kind][i].d == d)
			return b->map[kind][i].s;
	return 0;
}

static bool mapped_s(const struct bench *b, enum item_kind kind, int64_t s)
{
	for (size_t i = 0; i < b->nmap[kind]; i++)
		if (b->map[kind][i].s == s)
			return true;
	return false;
}

static void map_add(struct bench *b, enum item_kind kind, int64_t d, int64_t s)
{
	if (b->nmap[kind] < MAX_ITEMS) {
		b->map[kind][b->nmap[kind]].d = d;
		b->map[kind][b->nmap[kind]++].s = s;
	}
}

/* ---- lists ---- */

struct ids {
	int64_t id[MAX_ITEMS];
	size_t n;
};

static int collect_id(void *ctx, const void *item)
{
	struct ids *l = ctx;
	if (l->n < MAX_ITEMS)
		l->id[l->n++] = *(const int64_t *)item;
	return 0;
}

static int collect_link(void *ctx, int64_t id)
{
	struct ids *l = ctx;
	if (l->n < MAX_ITEMS)
		l->id[l->n++] = id;
	return 0;
}

static struct ids list_of(struct bench *b, enum item_kind kind, int64_t session)
{
	struct ids l = { .n = 0 };
	item_list(b->db, item_type(kind), session, collect_id, &l);
	return l;
}

/* The rows of a picker (or of the old one): labels and ids, "(none)"
 * first when WITH_NONE, in item_list() order as tui/dialog.h says. */
struct rows {
	char label[MAX_ITEMS + 1][LABEL_SIZE];
	int64_t id[MAX_ITEMS + 1];
	size_t n;
	struct bench *b;
	const struct item_type *type;
	bool old;
};

static int add_row(void *ctx, const void *item)
{
	struct rows *r = ctx;
	if (r->n > MAX_ITEMS)
		return 1;
	if (r->old)
		dialog_item_label(r->type, item, r->label[r->n], LABEL_SIZE);
	else
		dialog_picker_label(r->b->app, r->type, item, r->label[r->n], LABEL_SIZE);
	r->id[r->n++] = *(const int64_t *)item;
	return 0;
}

static void load_rows(struct bench *b, struct rows *r, enum item_kind kind, bool with_none, bool old)
{
	r->n = 0;
	r->b = b;
	r->type = item_type(kind);
	r->old = old;
	if (with_none) {
		snprintf(r->label[0], LABEL_SIZE, "%s", _("(none)"));
		r->id[r->n++] = 0;
	}
	item_list(b->db, r->type, b->s, add_row, r);
}

static size_t row_of(const struct rows *r, int64_t id)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->id[i] == id)
			return i;
	return NO_ROW;
}

/* Whether FILTER leaves row WANT first; AVOID (or NO_ROW) is the row
 * the cursor stays on when it matches (the last one ticked: the picker
 * keeps its cursor on a row the filter still shows). */
static bool filter_finds(const struct rows *r, const char *filter, size_t want, size_t avoid)
{
	if (avoid != NO_ROW && text_contains_folded(r->label[avoid], filter))
		return false;
	for (size_t i = 0; i < r->n; i++)
		if (text_contains_folded(r->label[i], filter))
			return i == want;
	return false;
}

/* The shortest substring of row WANT's label that finds it (see
 * filter_finds); NO_SPACE for a multiple choice, where Space ticks. */
static void shortest_filter(const struct rows *r, size_t want, size_t avoid, bool no_space,
	char *out, size_t size)
{
	const char *label = r->label[want];
	size_t chars = chars_of(label);
	for (size_t len = 1; len <= chars; len++)
		for (const char *start = label; *start; ) {
			const char *end = start;
			for (size_t i = 0; i < len && *end; i++)
				do end++; while (((unsigned char)*end & 0xC0) == 0x80);
			if ((size_t)(end - start) < size && (size_t)(end - start) > 0) {
				snprintf(out, size, "%.*s", (int)(end - start), start);
				if (!(no_space && strchr(out, ' ')) && filter_finds(r, out, want, avoid))
					return;
			}
			if (!*end)
				break;
			do start++; while (((unsigned char)*start & 0xC0) == 0x80);
		}
	snprintf(out, size, "%s", label);   /* found by nothing shorter */
}

/* Filter + the key that closes the picker, for ID among R; false when ID
 * is not a row (a mapping failed). */
static bool put_pick(struct keys *k, const struct rows *r, int64_t id, size_t avoid, bool no_space)
{
	char filter[LABEL_SIZE];
	size_t row = row_of(r, id);
	if (row == NO_ROW)
		return false;
	shortest_filter(r, row, avoid, no_space, filter, sizeof filter);
	put_text(k, filter, false);
	return true;
}

/* ---- what an item should be ---- */

/* A D item, its links already in S ids. */
struct want {
	enum item_kind kind;
	int64_t d_id;
	union item_any item;
	struct ids links[LINK_KIND_COUNT];
};

static void load_want(struct bench *b, enum item_kind kind, int64_t id, struct want *w)
{
	memset(w, 0, sizeof *w);
	w->kind = kind;
	w->d_id = id;
	item_read(b->db, item_type(kind), id, &w->item);
	for (int l = 0; l < LINK_KIND_COUNT; l++) {
		const struct link_type *lt = link_type((enum link_kind)l);
		struct ids d = { .n = 0 };
		if (lt->from != kind)
			continue;
		link_list(b->db, lt->kind, id, collect_link, &d);
		for (size_t i = 0; i < d.n; i++)
			w->links[l].id[w->links[l].n++] = to_s(b, lt->to, d.id[i]);
	}
}

static const char *text_of(const struct item_field *f, const void *item)
{
	const char *s = *(char *const *)((const char *)item + f->offset);
	return s ? s : "";
}

static int64_t int_of(const struct item_field *f, const void *item)
{
	return *(const int64_t *)((const char *)item + f->offset);
}

static bool is_rating(const struct item_field *f)
{
	return f->kind == FIELD_INT && f->max <= 9;
}

/* The form's rows, as tui/form.c makes them: the fields but "position",
 * then the link kinds from this kind. */
struct form_rows {
	const struct item_field *field[MAX_ROWS];
	const struct link_type *link[MAX_ROWS];
	size_t n;
};

static struct form_rows form_rows_of(enum item_kind kind)
{
	const struct item_type *type = item_type(kind);
	struct form_rows r = { .n = 0 };
	for (size_t i = 0; i < type->nfields && r.n < MAX_ROWS; i++)
		if (strcmp(type->fields[i].name, "position") != 0)
			r.field[r.n++] = &type->fields[i];
	for (int l = 0; l < LINK_KIND_COUNT && r.n < MAX_ROWS; l++)
		if (link_type((enum link_kind)l)->from == kind)
			r.link[r.n++] = link_type((enum link_kind)l);
	return r;
}

/* Whether field F must be typed: it has a value the item would not get
 * by itself (a component's next number, a choice's fallback). */
static bool needs_value(struct bench *b, const struct item_field *f, const void *item)
{
	if (f->kind == FIELD_TEXT)
		return *text_of(f, item);
	if (f->kind == FIELD_CHOICE)
		return *text_of(f, item) && !(f->fallback && strcmp(text_of(f, item), f->fallback) == 0);
	int64_t v = int_of(f, item);
	if (strcmp(f->name, "number") == 0) {
		int64_t next = 0;
		component_next_number(b->db, b->s, &next);
		return v != next;
	}
	return v != 0;
}

static bool row_has_value(struct bench *b, const struct form_rows *r, size_t i,
	const struct want *w)
{
	if (r->link[i])
		return w->links[r->link[i]->kind].n > 0;
	return needs_value(b, r->field[i], &w->item);
}

static size_t choice_index(const struct item_field *f, const char *value)
{
	for (size_t i = 0; f->choices[i]; i++)
		if (strcmp(f->choices[i], value) == 0)
			return i + 1;
	return 0;
}

/* The links of a multiple choice: filter and Space each, then Enter.
 * OLD: the filter stayed, so Backspace as often as it was typed. */
static bool put_links(struct bench *b, struct keys *k, const struct link_type *lt,
	const struct ids *links, bool old)
{
	struct rows *r = malloc(sizeof *r);
	bool ok = r != NULL;
	size_t avoid = NO_ROW;
	if (r)
		load_rows(b, r, lt->to, false, old);
	for (size_t i = 0; ok && i < links->n; i++) {
		size_t before = k->other;
		ok = put_pick(k, r, links->id[i], avoid, true);
		size_t typed = k->other - before;
		put_key(k, ' ', false);
		for (size_t j = 0; old && j < typed; j++)
			put_key(k, UI_FN(KEY_BACKSPACE), false);
		avoid = row_of(r, links->id[i]);
	}
	put_key(k, '\r', false);
	free(r);
	return ok;
}

/* A reference's filter; the key that closes the picker is the caller's. */
static bool put_ref(struct bench *b, struct keys *k, const struct item_field *f, int64_t d_ref,
	bool old)
{
	struct rows *r = malloc(sizeof *r);
	if (!r)
		return false;
	load_rows(b, r, f->ref, !f->required, old);
	bool ok = put_pick(k, r, to_s(b, f->ref, d_ref), NO_ROW, false);
	free(r);
	return ok;
}

/* ---- the form (now) ---- */

/* Row I of the form with value; LAST: the last row with one, left by Esc
 * (texts and numbers) or followed by Esc (the caller's) when more rows
 * come. */
static bool put_form_row(struct bench *b, struct keys *k, const struct form_rows *r, size_t i,
	const struct want *w, bool last)
{
	if (!row_has_value(b, r, i, w)) {
		put_key(k, '\t', false);
		return true;
	}
	if (r->link[i])
		return put_links(b, k, r->link[i], &w->links[r->link[i]->kind], false);
	const struct item_field *f = r->field[i];
	char digits[32];
	switch (f->kind) {
	case FIELD_TEXT:
		put_text(k, text_of(f, &w->item), true);
		put_key(k, last ? UI_ESC : f->one_line ? '\r' : '\t', false);
		return true;
	case FIELD_INT:
		snprintf(digits, sizeof digits, "%" PRId64, int_of(f, &w->item));
		put_text(k, digits, !is_rating(f));
		if (!is_rating(f))
			put_key(k, last ? UI_ESC : '\r', false);
		return true;
	case FIELD_CHOICE:
		put_key(k, '0' + (int)choice_index(f, text_of(f, &w->item)), false);
		return true;
	case FIELD_REF:
		if (!put_ref(b, k, f, int_of(f, &w->item), false))
			return false;
		put_key(k, '\r', false);
		return true;
	}
	return false;
}

/* 'a', then the form's rows up to the last one with a value.  A new
 * item's form starts on its title; a row above it with a value (a
 * component's number not the next free one) is reached with Shift-Tab
 * first. */
static bool put_form(struct bench *b, struct keys *k, const struct want *w)
{
	struct form_rows r = form_rows_of(w->kind);
	size_t last = 0, title = 0, first;
	for (size_t i = 0; i < r.n; i++) {
		if (row_has_value(b, &r, i, w))
			last = i;
		if (r.field[i] == item_title_field(item_type(w->kind)))
			title = i;
	}
	for (first = 0; first < title && !row_has_value(b, &r, first, w); first++)
		;
	put_key(k, 'a', false);
	for (size_t i = first; i < title; i++)
		put_key(k, UI_FN(KEY_BTAB), false);
	for (size_t i = first; i <= last; i++)
		if (!put_form_row(b, k, &r, i, w, i == last))
			return false;
	bool closed_by_row = r.field[last] && (r.field[last]->kind == FIELD_TEXT ||
		(r.field[last]->kind == FIELD_INT && !is_rating(r.field[last])));
	if (!closed_by_row && last + 1 < r.n)
		put_key(k, UI_ESC, false);   /* a pick or a digit moved on: close */
	return true;
}

/* ---- the field menu (before) ---- */

/* Enter, the filter that finds LABEL in the old field menu of KIND, Enter. */
static void put_menu(struct keys *k, enum item_kind kind, const char *label)
{
	struct form_rows fr = form_rows_of(kind);
	struct rows *r = malloc(sizeof *r);
	if (!r)
		return;
	r->n = 0;
	for (size_t i = 0; i < fr.n; i++) {
		if (fr.field[i])
			snprintf(r->label[r->n], LABEL_SIZE, "%s", _(fr.field[i]->label));
		else
			snprintf(r->label[r->n], LABEL_SIZE, "%s: %s", _("Link"),
				_(item_type(fr.link[i]->to)->label));
		r->id[r->n] = (int64_t)r->n;
		r->n++;
	}
	size_t want = NO_ROW;
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->label[i], label) == 0)
			want = i;
	char filter[LABEL_SIZE];
	put_key(k, '\r', false);
	if (want != NO_ROW) {
		shortest_filter(r, want, NO_ROW, false, filter, sizeof filter);
		put_text(k, filter, false);
	}
	put_key(k, '\r', false);
	free(r);
}

/* The old choice picker: "(empty)" and the options' labels. */
static void put_old_choice(struct keys *k, const struct item_field *f, const char *value)
{
	struct rows *r = malloc(sizeof *r);
	if (!r)
		return;
	snprintf(r->label[0], LABEL_SIZE, "%s", _("(empty)"));
	r->n = 1;
	for (size_t i = 0; f->choices[i] && r->n <= MAX_ITEMS; i++, r->n++)
		snprintf(r->label[r->n], LABEL_SIZE, "%s", item_choice_label(f, f->choices[i]));
	char filter[LABEL_SIZE];
	shortest_filter(r, choice_index(f, value), NO_ROW, false, filter, sizeof filter);
	put_text(k, filter, false);
	free(r);
}

/* A field edited through the old menu: its value, then Enter or F2. */
static void put_old_field(struct bench *b, struct keys *k, const struct item_field *f,
	const struct want *w)
{
	char digits[32];
	put_menu(k, w->kind, _(f->label));
	switch (f->kind) {
	case FIELD_TEXT:
		put_text(k, text_of(f, &w->item), true);
		put_key(k, f->one_line ? '\r' : UI_FN(KEY_F(2)), false);
		return;
	case FIELD_INT:
		snprintf(digits, sizeof digits, "%" PRId64, int_of(f, &w->item));
		put_text(k, digits, !is_rating(f));
		break;
	case FIELD_CHOICE:
		put_old_choice(k, f, text_of(f, &w->item));
		break;
	case FIELD_REF:
		put_ref(b, k, f, int_of(f, &w->item), true);
		break;
	}
	put_key(k, '\r', false);
}

/* The keys the interface before the form took for W (see the top). */
static struct keys *old_keys(struct bench *b, const struct want *w)
{
	struct keys *k = calloc(1, sizeof *k);
	if (!k)
		return NULL;
	const struct item_type *type = item_type(w->kind);
	const struct item_field *title = item_title_field(type);
	struct form_rows r = form_rows_of(w->kind);
	put_key(k, 'a', false);
	put_text(k, text_of(title, &w->item), true);
	put_key(k, '\r', false);
	for (size_t i = 0; i < r.n; i++) {
		const struct item_field *f = r.field[i];
		if (f == title || !row_has_value(b, &r, i, w))
			continue;
		if (r.link[i]) {
			char label[256];
			snprintf(label, sizeof label, "%s: %s", _("Link"), _(item_type(r.link[i]->to)->label));
			put_menu(k, w->kind, label);
			put_links(b, k, r.link[i], &w->links[r.link[i]->kind], true);
		} else if (f->kind == FIELD_REF && f->required) {
			put_ref(b, k, f, int_of(f, &w->item), true);   /* asked when made */
			put_key(k, '\r', false);
		} else {
			put_old_field(b, k, f, w);
		}
	}
	return k;
}

/* ---- reading back ---- */

static void compare_field(struct bench *b, const char *what, const struct item_field *f,
	const void *want, const void *got)
{
	char detail[2048];
	bool same;
	if (f->kind == FIELD_TEXT || f->kind == FIELD_CHOICE)
		same = strcmp(text_of(f, want), text_of(f, got)) == 0;
	else if (f->kind == FIELD_REF)
		same = to_s(b, f->ref, int_of(f, want)) == int_of(f, got);
	else
		same = int_of(f, want) == int_of(f, got);
	if (same)
		return;
	if (f->kind == FIELD_TEXT || f->kind == FIELD_CHOICE)
		snprintf(detail, sizeof detail, "%s: D \"%s\", S \"%s\"", f->name, text_of(f, want),
			text_of(f, got));
	else
		snprintf(detail, sizeof detail, "%s: D %" PRId64 " (in S %" PRId64 "), S %" PRId64,
			f->name, int_of(f, want), f->kind == FIELD_REF ? to_s(b, f->ref, int_of(f, want))
			: int_of(f, want), int_of(f, got));
	fail(b, what, detail);
}

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

static void compare_links(struct bench *b, const char *what, const struct want *w, int64_t s_id)
{
	for (int l = 0; l < LINK_KIND_COUNT; l++) {
		const struct link_type *lt = link_type((enum link_kind)l);
		if (lt->from != w->kind)
			continue;
		struct ids want = w->links[l], got = { .n = 0 };
		link_list(b->db, lt->kind, s_id, collect_link, &got);
		qsort(want.id, want.n, sizeof want.id[0], cmp_id);
		qsort(got.id, got.n, sizeof got.id[0], cmp_id);
		if (want.n != got.n || memcmp(want.id, got.id, want.n * sizeof want.id[0]) != 0) {
			char detail[128];
			snprintf(detail, sizeof detail, "%s: %zu links wanted, %zu made (or others)",
				lt->table, want.n, got.n);
			fail(b, what, detail);
		}
	}
}

/* Reads item S_ID of S and compares it with W: every field but its
 * position (and, for the session, its title and notes). */
static void compare_item(struct bench *b, const struct want *w, int64_t s_id)
{
	const struct item_type *type = item_type(w->kind);
	union item_any got;
	char what[128];
	snprintf(what, sizeof what, "%s %" PRId64 " (in S %" PRId64 ")", type->name, w->d_id, s_id);
	if (!s_id || item_read(b->db, type, s_id, &got) != STATUS_OK) {
		fail(b, what, "not made");
		return;
	}
	for (size_t i = 0; i < type->nfields; i++) {
		const char *name = type->fields[i].name;
		if (strcmp(name, "position") == 0 || (w->kind == ITEM_SESSION &&
		    (strcmp(name, "title") == 0 || strcmp(name, "notes") == 0)))
			continue;
		compare_field(b, what, &type->fields[i], &w->item, &got);
	}
	compare_links(b, what, w, s_id);
	item_clear(type, &got);
}

/* The item of KIND in S that the last script made: the newest unmapped. */
static int64_t new_item(struct bench *b, enum item_kind kind)
{
	struct ids l = list_of(b, kind, b->s);
	int64_t id = 0;
	for (size_t i = 0; i < l.n; i++)
		if (!mapped_s(b, kind, l.id[i]) && l.id[i] > id)
			id = l.id[i];
	return id;
}

/* ---- entering ---- */

static struct tally *tally_of(struct bench *b, const char *kind)
{
	for (size_t i = 0; i < b->ntally; i++)
		if (strcmp(b->tally[i].kind, kind) == 0)
			return &b->tally[i];
	struct tally *t = &b->tally[b->ntally++];
	memset(t, 0, sizeof *t);
	t->kind = kind;
	return t;
}

static void run_keys(struct bench *b, const struct keys *k)
{
	tui_probe_keys(b->app, k->key, k->n);
}

/* Enters W through its panel's form; NAV (the step's and panel's keys)
 * first.  Returns the new item's id in S (0 on failure). */
static int64_t enter_item(struct bench *b, const struct want *w, const char *nav,
	struct tally *t)
{
	struct keys *k = calloc(1, sizeof *k), *old = old_keys(b, w);
	int64_t id = 0;
	if (!k || !old)
		goto done;
	put_text(k, nav, false);
	put_text(old, nav, false);
	if (!put_form(b, k, w)) {
		fail(b, item_type(w->kind)->name, "a reference has no row in its picker");
		goto done;
	}
	run_keys(b, k);
	id = new_item(b, w->kind);
	compare_item(b, w, id);
	t->items++;
	t->text += k->text;
	t->other += k->other;
	t->before += old->other;
done:
	free(k);
	free(old);
	return id;
}

/* Every item of KIND in D, in D's order; NAV before the first. */
static void enter_kind(struct bench *b, enum item_kind kind, const char *nav)
{
	struct ids d = list_of(b, kind, b->d);
	struct tally *t = tally_of(b, item_type(kind)->name);
	struct want *w = malloc(sizeof *w);
	for (size_t i = 0; w && i < d.n; i++) {
		load_want(b, kind, d.id[i], w);
		int64_t id = enter_item(b, w, i == 0 ? nav : "", t);
		if (id)
			map_add(b, kind, d.id[i], id);
		item_clear(item_type(kind), &w->item);
	}
	free(w);
}

/* The session's fields, each by its key on step 1: key, text, Enter for
 * one line or F2 for several (the same before the form). */
static void enter_session(struct bench *b)
{
	static const struct { int key; const char *field; } keys[] = {
		{ 'L', "question" }, { 'i', "inside" }, { 'o', "outside" }, { 'r', "region" },
		{ 'h', "horizon" }, { 'D', "date" }, { 'O', "place" }, { 'M', "facilitator" },
		{ 'P', "participants" },
	};
	const struct item_type *type = item_type(ITEM_SESSION);
	struct want *w = calloc(1, sizeof *w);
	struct keys *k = calloc(1, sizeof *k);
	struct tally *t = tally_of(b, "session");
	if (!w || !k)
		goto done;
	load_want(b, ITEM_SESSION, b->d, w);
	put_key(k, '1', false);
	for (size_t i = 0; i < LEN(keys); i++) {
		const struct item_field *f = item_field_by_name(type, keys[i].field);
		put_key(k, keys[i].key, false);
		put_text(k, text_of(f, &w->item), true);
		put_key(k, f->one_line ? '\r' : UI_FN(KEY_F(2)), false);
	}
	run_keys(b, k);
	w->d_id = b->d;
	compare_item(b, w, b->s);
	t->items = 1;
	t->text = k->text;
	t->other = t->before = k->other;
	item_clear(type, &w->item);
done:
	free(w);
	free(k);
}

/* The impact matrix (step 3, m): Home twice to its first cell, then row
 * by row, to and fro, an arrow to each cell and its digit; the diagonal
 * is passed over.  The matrix was entered so before the form too. */
static void enter_matrix(struct bench *b)
{
	struct impact_matrix d, s;
	struct tally *t = tally_of(b, "impact cell");
	if (impact_matrix_load(b->db, b->d, &d) != STATUS_OK ||
	    impact_matrix_load(b->db, b->s, &s) != STATUS_OK || d.n != s.n) {
		fail(b, "impact matrix", "cannot load, or not as many variables");
		return;
	}
	int *wanted = calloc(s.n * s.n + 1, sizeof *wanted);
	struct keys *k = calloc(1, sizeof *k);
	size_t *at = calloc(s.n + 1, sizeof *at);   /* S index of D's variable i */
	if (!wanted || !k || !at)
		goto done;
	for (size_t i = 0; i < d.n; i++)
		for (size_t j = 0; j < s.n; j++)
			if (s.ids[j] == to_s(b, ITEM_VARIABLE, d.ids[i]))
				at[i] = j;
	for (size_t i = 0; i < d.n; i++)
		for (size_t j = 0; j < d.n; j++)
			wanted[at[i] * s.n + at[j]] = d.cells[i * d.n + j];
	put_text(k, "3m", false);
	put_key(k, UI_FN(KEY_HOME), false);
	put_key(k, UI_FN(KEY_HOME), false);
	for (size_t row = 0; row < s.n; row++) {
		bool right = row % 2 == 0;
		if (row)
			put_key(k, UI_FN(KEY_DOWN), false);
		for (size_t step = 0; step < s.n; step++) {
			size_t col = right ? step : s.n - 1 - step;
			if (step)
				put_key(k, UI_FN(right ? KEY_RIGHT : KEY_LEFT), false);
			if (col != row && wanted[row * s.n + col] >= 0) {
				put_key(k, '0' + wanted[row * s.n + col], false);
				t->items++;
			}
		}
	}
	run_keys(b, k);
	struct impact_matrix got;
	if (impact_matrix_load(b->db, b->s, &got) != STATUS_OK || got.n != s.n) {
		fail(b, "impact matrix", "cannot read back");
	} else {
		for (size_t i = 0; i < s.n * s.n; i++)
			if (i % (s.n + 1) != 0 && got.cells[i] != wanted[i]) {
				char detail[128];
				snprintf(detail, sizeof detail, "cell %zu,%zu: D %d, S %d", i / s.n, i % s.n,
					wanted[i], got.cells[i]);
				fail(b, "impact matrix", detail);
			}
		impact_matrix_free(&got);
	}
	t->text = 0;
	t->other = t->before = k->other;
done:
	free(wanted);
	free(k);
	free(at);
	impact_matrix_free(&d);
	impact_matrix_free(&s);
}

/* The target: an unseen with title, causes, component, three
 * ratings and two stakeholder groups (D's first, without description and
 * votes), entered last so that it shifts no picker's rows. */
static void enter_target(struct bench *b, size_t *other, size_t *before)
{
	struct ids d = list_of(b, ITEM_UNSEEN, b->d);
	struct want *w = calloc(1, sizeof *w);
	struct tally t = { .kind = "target" };
	if (!w || !d.n)
		goto done;
	load_want(b, ITEM_UNSEEN, d.id[0], w);
	free(w->item.unseen.description);
	w->item.unseen.description = NULL;
	w->item.unseen.votes = 0;
	if (w->links[LINK_UNSEEN_STAKEHOLDER].n > 2)
		w->links[LINK_UNSEEN_STAKEHOLDER].n = 2;
	enter_item(b, w, "2", &t);
	item_clear(item_type(ITEM_UNSEEN), &w->item);
done:
	*other = t.other > 1 ? t.other - 1 : 0;   /* without the step key */
	*before = t.before > 1 ? t.before - 1 : 0;
	free(w);
}

/* Actor groups are made with each session: matched by letter. */
static void map_actors(struct bench *b)
{
	struct ids d = list_of(b, ITEM_ACTOR, b->d), s = list_of(b, ITEM_ACTOR, b->s);
	for (size_t i = 0; i < d.n; i++)
		for (size_t j = 0; j < s.n; j++) {
			struct actor x, y;
			if (item_read(b->db, item_type(ITEM_ACTOR), d.id[i], &x) != STATUS_OK)
				continue;
			if (item_read(b->db, item_type(ITEM_ACTOR), s.id[j], &y) == STATUS_OK) {
				if (strcmp(x.letter, y.letter) == 0)
					map_add(b, ITEM_ACTOR, d.id[i], s.id[j]);
				item_clear(item_type(ITEM_ACTOR), &y);
			}
			item_clear(item_type(ITEM_ACTOR), &x);
		}
}

/* ---- the figures ---- */

static void print_row(const struct tally *t)
{
	size_t n = t->items ? t->items : 1;
	printf("%-14s %5zu %10zu %10zu %8.1f %10zu %8.1f %7.2f\n", t->kind, t->items, t->text,
		t->other, (double)t->other / (double)n, t->before, (double)t->before / (double)n,
		t->before ? (double)t->other / (double)t->before : 0.0);
}

static void report(const struct bench *b, size_t target, size_t target_before)
{
	struct tally sum = { .kind = "total" };
	printf("%-14s %5s %10s %10s %8s %10s %8s %7s\n", "kind", "items", "text keys", "other keys",
		"per item", "before", "per item", "ratio");
	for (size_t i = 0; i < b->ntally; i++) {
		print_row(&b->tally[i]);
		sum.items += b->tally[i].items;
		sum.text += b->tally[i].text;
		sum.other += b->tally[i].other;
		sum.before += b->tally[i].before;
	}
	print_row(&sum);
	printf("other keys now/before: %zu / %zu = %.2f\n", sum.other, sum.before,
		sum.before ? (double)sum.other / (double)sum.before : 0.0);
	printf("one unseen with title, causes, component, three ratings, two groups: %zu other keys"
		" beyond its text (before %zu; target < %d: %s)\n", target, target_before, TARGET_OTHER,
		target < TARGET_OTHER ? "met" : "MISSED");
	printf("target: other keys <= half of before: %s\n",
		2 * sum.other <= sum.before ? "met" : "MISSED");
}

/* ---- setup ---- */

static bool setup(struct bench *b)
{
	snprintf(b->db_path, sizeof b->db_path, "/tmp/didat-bench-keys-XXXXXX");
	int fd = mkstemp(b->db_path);
	if (fd < 0) {
		perror("bench_keys: mkstemp");
		b->db_path[0] = '\0';
		return false;
	}
	close(fd);
	struct session s = { .title = (char *)"Eingegeben über den Bildschirm" };
	enum status st = db_open(&b->db, b->db_path, DB_READWRITE);
	if (st == STATUS_OK)
		st = demo_create(b->db, &b->d);
	if (st == STATUS_OK)
		st = session_create(b->db, &s);
	if (st != STATUS_OK) {
		fprintf(stderr, "bench_keys: %s: %s\n", b->db_path, b->db ? db_error(b->db)
			: status_text(st));
		return false;
	}
	b->s = s.id;
	map_actors(b);
	FILE *sink = fopen("/dev/null", "w");
	b->app = sink ? tui_probe_open(b->db, b->s, 35, 120, sink) : NULL;
	return b->app != NULL;
}

static void cleanup(struct bench *b)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	if (b->app)
		tui_probe_close(b->app);
	db_close(b->db);
	for (size_t i = 0; b->db_path[0] && i < LEN(suffixes); i++) {
		char path[80];
		snprintf(path, sizeof path, "%s%s", b->db_path, suffixes[i]);
		unlink(path);
	}
}

int main(void)
{
	static struct bench b;
	size_t target = 0, target_before = 0;
	i18n_init();
	display_init();
	if (!setup(&b)) {
		cleanup(&b);
		fprintf(stderr, "bench_keys failed\n");
		return EXIT_FAILURE;
	}
	/* the filters are found among the labels the pickers show, in
	 * whatever language runs: the counts hardly depend on it */
	printf("key benchmark: the demo workshop entered through the screen (120x35), item by item,"
		" and read back\n");
	enter_session(&b);
	enter_kind(&b, ITEM_COMPONENT, "");
	enter_kind(&b, ITEM_STAKEHOLDER, "3g");
	enter_kind(&b, ITEM_UNSEEN, "2");
	enter_kind(&b, ITEM_VARIABLE, "3v");
	enter_matrix(&b);
	enter_kind(&b, ITEM_GOAL, "4z");
	enter_kind(&b, ITEM_CONFLICT, "c");
	enter_kind(&b, ITEM_MEASURE, "5m");
	enter_kind(&b, ITEM_SORO, "o");
	enter_target(&b, &target, &target_before);
	report(&b, target, target_before);
	int failures = b.failures;
	cleanup(&b);
	if (failures) {
		fprintf(stderr, "bench_keys failed: %d differences between D and S\n", failures);
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

#include "exports/report.h"

#include <inttypes.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "model/analysis.h"
#include "model/board.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"
#include "model/hinge.h"
#include "model/impact.h"
#include "model/item.h"
#include "model/session.h"
#include "util/display.h"
#include "util/i18n.h"

/* How many characters of a hinge quote the report shows. */
#define QUOTE_MAX 160

/* ---- Text from the database ------------------------------------------ */

enum md_mode {
	MD_BLOCK,  /* newlines kept, continuation lines indented */
	MD_LINE,   /* newlines become spaces: headings, inline text, quotes */
	MD_CELL,   /* as MD_LINE, and '|' escaped: table cells */
};

struct md_text {
	FILE *out;
	enum md_mode mode;
	const char *indent;
	size_t limit, used;    /* characters; limit 0 = none */
	size_t newlines;       /* held back until more text follows */
	bool cr, started, cut;
};

static void md_bytes(struct md_text *t, wchar_t wc, const char *visible)
{
	if (visible) {
		fputs(visible, t->out);
		return;
	}
	char buf[MB_LEN_MAX];
	mbstate_t state;
	memset(&state, 0, sizeof state);
	size_t n = wcrtomb(buf, wc, &state);
	if (n != (size_t)-1)
		fwrite(buf, 1, n, t->out);
}

/* Writes the newlines held back before the next visible unit: each one
 * as a newline (MD_BLOCK, indenting the line that follows) or a space. */
static void md_flush_newlines(struct md_text *t)
{
	if (t->newlines == 0)
		return;
	if (t->mode == MD_BLOCK) {
		for (size_t i = 0; i < t->newlines; i++)
			fputc('\n', t->out);
		fputs(t->indent, t->out);
	} else if (t->started) {
		fputc(' ', t->out);
	}
	t->newlines = 0;
}

/* Writes one visible unit, unless the limit is reached (then stops). */
static int md_put(struct md_text *t, wchar_t wc, const char *visible)
{
	if (t->limit && t->used >= t->limit) {
		t->cut = true;
		return 1;
	}
	t->used++;
	md_flush_newlines(t);
	if (t->mode == MD_CELL && !visible && wc == L'|')
		fputs("\\|", t->out);
	else
		md_bytes(t, wc, visible);
	t->started = true;
	return 0;
}

/* display_emit: one display unit of a database text.  CR LF counts as
 * one newline; a lone CR stays visible as ^M. */
static int md_unit(void *ctx, wchar_t wc, const char *visible, int width)
{
	struct md_text *t = ctx;
	bool is_cr = visible && strcmp(visible, "^M") == 0;
	bool is_nl = !visible && wc == L'\n';
	(void)width;
	if (t->cr) {
		t->cr = false;
		if (!is_nl && md_put(t, 0, "^M"))
			return 1;
	}
	if (is_cr) {
		t->cr = true;
		return 0;
	}
	if (is_nl) {
		t->newlines++;
		return 0;
	}
	return md_put(t, wc, visible);
}

/* The one way database text reaches the report: control characters made
 * visible as util/display.h shows them; in MD_BLOCK newlines are kept and
 * each continuation line starts with INDENT.  With LIMIT > 0 at most that
 * many characters (newlines not counted), then "…".  Trailing newlines
 * (and a trailing CR) are dropped. */
static void md_write(FILE *out, const char *text, enum md_mode mode, const char *indent,
	size_t limit)
{
	struct md_text t = { .out = out, .mode = mode, .indent = indent ? indent : "",
		.limit = limit };
	display_walk(text ? text : "", true, md_unit, &t);
	if (t.cut)
		fputs("…", out);
}

static void md_line(FILE *out, const char *text)
{
	md_write(out, text, MD_LINE, NULL, 0);
}

static void md_cell(FILE *out, const char *text)
{
	fputs(" ", out);
	md_write(out, text && *text ? text : "–", MD_CELL, NULL, 0);
	fputs(" |", out);
}

static bool has_text(const char *text)
{
	return text && *text;
}

/* ---- The report's state and small helpers ---------------------------- */

struct report {
	struct db *db;
	FILE *out;
	int64_t session_id;
	enum status rc;           /* the first failure inside a callback */
	struct session_summary counts;  /* texts not kept */
};

/* Records RC when it is the first failure; non-zero when the list must stop. */
static int report_fail(struct report *r, enum status rc)
{
	if (rc != STATUS_OK && r->rc == STATUS_OK)
		r->rc = rc;
	return r->rc != STATUS_OK;
}

static void put_empty(struct report *r)
{
	fprintf(r->out, "%s\n\n", _("_none_"));
}

static void put_heading(struct report *r, const char *marks, const char *title)
{
	fprintf(r->out, "%s %s\n\n", marks, title);
}

/* The text that names ITEM of TYPE (its title column); may be NULL. */
static const char *item_title(const struct item_type *type, const void *item)
{
	for (size_t i = 0; i < type->nfields; i++) {
		const struct item_field *f = &type->fields[i];
		if (strcmp(f->column, type->title_column) == 0)
			return *(char *const *)((const char *)item + f->offset);
	}
	return NULL;
}

#define COUNT(a) (sizeof a / sizeof a[0])

/* A vulnerability with one decimal, "–" when negative (unrated). */
static const char *format_decimal(double v, char *buf, size_t size)
{
	if (v < 0) {
		snprintf(buf, size, "–");
		return buf;
	}
	return i18n_decimal(buf, size, v);
}

/* A rating 1..5 or "–" when unrated (0 or negative). */
static const char *format_rating(int64_t v, char *buf, size_t size)
{
	if (v <= 0)
		snprintf(buf, size, "–");
	else
		snprintf(buf, size, "%" PRId64, v);
	return buf;
}

/* ---- Linked items: "  - Label: a · b" --------------------------------- */

struct link_print {
	struct report *r;
	const struct item_type *type;
	const char *prefix;     /* written before the first one */
	size_t count;
};

static int put_link(void *ctx, int64_t id)
{
	struct link_print *p = ctx;
	union item_any item;
	enum status rc = item_read(p->r->db, p->type, id, &item);
	if (report_fail(p->r, rc))
		return 1;
	fputs(p->count++ ? " · " : p->prefix, p->r->out);
	md_line(p->r->out, item_title(p->type, &item));
	item_clear(p->type, &item);
	return 0;
}

/* Writes "INDENT- LABEL: title · title\n" for the items linked from FROM,
 * nothing when there are none. */
static void put_links(struct report *r, enum link_kind kind, int64_t from, const char *indent,
	const char *label)
{
	char prefix[128];
	snprintf(prefix, sizeof prefix, "%s- %s: ", indent, label);
	struct link_print p = { r, item_type(link_type(kind)->to), prefix, 0 };
	report_fail(r, link_list(r->db, kind, from, put_link, &p));
	if (p.count)
		fputc('\n', r->out);
}

/* ---- Title, date, guiding question, boundaries ----------------------- */

static int keep_summary(void *ctx, const struct session_summary *s)
{
	struct report *r = ctx;
	r->counts = *s;
	r->counts.title = r->counts.date = r->counts.modified = NULL;
	return 0;
}

static void put_labelled(struct report *r, const char *label, const char *text,
	const char **sep)
{
	if (!has_text(text))
		return;
	fprintf(r->out, "%s%s: ", *sep, label);
	md_line(r->out, text);
	*sep = " · ";
}

static void put_boundaries(struct report *r, const struct session *s)
{
	const char *labels[] = { _("inside"), _("outside"), _("Region"), _("Time horizon") };
	const char *texts[] = { s->inside, s->outside, s->region, s->horizon };
	bool any = false;
	fprintf(r->out, "**%s**\n\n", _("System boundaries"));
	for (size_t i = 0; i < COUNT(texts); i++) {
		if (!has_text(texts[i]))
			continue;
		fprintf(r->out, "- %s: ", labels[i]);
		md_write(r->out, texts[i], MD_BLOCK, "  ", 0);
		fputc('\n', r->out);
		any = true;
	}
	if (any)
		fputc('\n', r->out);
	else
		put_empty(r);
}

static void put_title(struct report *r)
{
	struct session s;
	const struct item_type *type = item_type(ITEM_SESSION);
	if (report_fail(r, item_read(r->db, type, r->session_id, &s)))
		return;
	const char *sep = "";
	fputs("# ", r->out);
	md_line(r->out, s.title);
	fputs("\n\n", r->out);
	put_labelled(r, _("Date"), s.date, &sep);
	put_labelled(r, _("Place"), s.place, &sep);
	put_labelled(r, _("Facilitator"), s.facilitator, &sep);
	put_labelled(r, _("Participants"), s.participants, &sep);
	if (*sep)
		fputs("\n\n", r->out);
	fprintf(r->out, _("_%" PRId64 " components · %" PRId64 " unseens · %" PRId64 " goals · %"
		PRId64 " measures · %" PRId64 " documents · %" PRId64 " codings_\n\n"),
		r->counts.components, r->counts.unseens, r->counts.goals, r->counts.measures,
		r->counts.documents, r->counts.codings);
	fprintf(r->out, "**%s:** ", _("Guiding question"));
	md_write(r->out, has_text(s.question) ? s.question : _("_none_"), MD_BLOCK, "", 0);
	fputs("\n\n", r->out);
	put_boundaries(r, &s);
	if (has_text(s.notes)) {
		fprintf(r->out, "**%s:** ", _("Notes"));
		md_write(r->out, s.notes, MD_BLOCK, "", 0);
		fputs("\n\n", r->out);
	}
	item_clear(type, &s);
}

/* ---- Components and stakeholder groups ------------------------------- */

static int put_component(void *ctx, const void *item)
{
	struct report *r = ctx;
	const struct component *c = item;
	fprintf(r->out, "- **%" PRId64 ". ", c->number);
	md_line(r->out, c->name);
	fputs("**", r->out);
	if (has_text(c->question)) {
		fprintf(r->out, " – %s: ", _("Guiding question"));
		md_write(r->out, c->question, MD_BLOCK, "  ", 0);
	}
	fputc('\n', r->out);
	return 0;
}

static void put_components(struct report *r)
{
	put_heading(r, "##", _("Components"));
	if (r->counts.components == 0) {
		put_empty(r);
		return;
	}
	report_fail(r, item_list(r->db, item_type(ITEM_COMPONENT), r->session_id, put_component, r));
	fputc('\n', r->out);
}

static int put_stakeholder(void *ctx, const void *item)
{
	struct report *r = ctx;
	const struct stakeholder *s = item;
	fputs("- **", r->out);
	md_line(r->out, s->name);
	fputs("**", r->out);
	if (has_text(s->kind))
		fprintf(r->out, " (%s)", stakeholder_kind_label(s->kind));
	if (has_text(s->description)) {
		fputs(": ", r->out);
		md_write(r->out, s->description, MD_BLOCK, "  ", 0);
	}
	fputc('\n', r->out);
	return 0;
}

static void put_stakeholders(struct report *r)
{
	int64_t n = 0;
	put_heading(r, "##", _("Stakeholder groups"));
	if (report_fail(r, item_count(r->db, item_type(ITEM_STAKEHOLDER), r->session_id, &n)))
		return;
	if (n == 0) {
		put_empty(r);
		return;
	}
	report_fail(r, item_list(r->db, item_type(ITEM_STAKEHOLDER), r->session_id,
		put_stakeholder, r));
	fputc('\n', r->out);
}

/* ---- Unseens, ranked ------------------------------------------------- */

struct rank_entry {
	int64_t id, votes;
	double vulnerability;   /* < 0: unrated */
	size_t order;           /* the list's order, for ties */
};

struct ranking {
	struct rank_entry *v;
	size_t n, cap;
	bool nomem;
};

static int collect_rank(void *ctx, const void *item)
{
	struct ranking *k = ctx;
	const struct unseen *u = item;
	if (k->n == k->cap) {
		size_t cap = k->cap ? k->cap * 2 : 32;
		struct rank_entry *v = cap > SIZE_MAX / sizeof *v ? NULL
			: realloc(k->v, cap * sizeof *v);
		if (!v) {
			k->nomem = true;
			return 1;
		}
		k->v = v;
		k->cap = cap;
	}
	k->v[k->n] = (struct rank_entry){ u->id, u->votes, unseen_vulnerability(u), k->n };
	k->n++;
	return 0;
}

/* More votes first, then higher vulnerability (unrated last), then the
 * unseens' own order. */
static int compare_rank(const void *pa, const void *pb)
{
	const struct rank_entry *a = pa, *b = pb;
	if (a->votes != b->votes)
		return a->votes > b->votes ? -1 : 1;
	if (a->vulnerability != b->vulnerability)
		return a->vulnerability > b->vulnerability ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

static void put_unseen_row(struct report *r, size_t rank, const struct unseen *u)
{
	const struct item_type *type = item_type(ITEM_UNSEEN);
	char comp[64], w[24], a[24], af[24], risk[24], vuln[32];
	item_format(r->db, type, u, item_field_by_name(type, "component"), comp, sizeof comp);
	fprintf(r->out, "| %zu |", rank);
	md_cell(r->out, u->title);
	md_cell(r->out, comp);
	fprintf(r->out, " %" PRId64 " | %s | %s | %s | %s | %s |\n", u->votes,
		format_rating(u->likelihood, w, sizeof w), format_rating(u->impact, a, sizeof a),
		format_rating(u->capacity, af, sizeof af),
		format_rating(unseen_risk(u), risk, sizeof risk),
		format_decimal(unseen_vulnerability(u), vuln, sizeof vuln));
}

static void put_unseen_details(struct report *r, size_t rank, const struct unseen *u)
{
	fprintf(r->out, "### %zu. ", rank);
	md_line(r->out, u->title);
	fputs("\n\n", r->out);
	fprintf(r->out, "- %s: ", _("Description"));
	md_write(r->out, has_text(u->description) ? u->description : "–", MD_BLOCK, "  ", 0);
	fprintf(r->out, "\n- %s: ", _("Causes"));
	md_write(r->out, has_text(u->causes) ? u->causes : "–", MD_BLOCK, "  ", 0);
	fputc('\n', r->out);
	put_links(r, LINK_UNSEEN_STAKEHOLDER, u->id, "", _("Affected stakeholder groups"));
	fputc('\n', r->out);
}

/* Reads the unseens in rank order; DETAILS picks the table row or the
 * detail block. */
static void put_ranked(struct report *r, const struct ranking *k, bool details)
{
	const struct item_type *type = item_type(ITEM_UNSEEN);
	for (size_t i = 0; i < k->n && r->rc == STATUS_OK; i++) {
		struct unseen u;
		if (report_fail(r, item_read(r->db, type, k->v[i].id, &u)))
			return;
		if (details)
			put_unseen_details(r, i + 1, &u);
		else
			put_unseen_row(r, i + 1, &u);
		item_clear(type, &u);
	}
}

static void put_unseens(struct report *r)
{
	struct ranking k = { 0 };
	put_heading(r, "##", _("Unseens"));
	if (report_fail(r, item_list(r->db, item_type(ITEM_UNSEEN), r->session_id, collect_rank, &k))
		|| (k.nomem && report_fail(r, STATUS_NOMEM)))
		goto cleanup;
	if (k.n == 0) {
		put_empty(r);
		goto cleanup;
	}
	qsort(k.v, k.n, sizeof *k.v, compare_rank);
	fputs(_("| Rank | Title | Component | Votes | L | I | AC | Risk | Vulnerability |\n"), r->out);
	fputs("|---:|---|---|---:|---:|---:|---:|---:|---:|\n", r->out);
	put_ranked(r, &k, false);
	fprintf(r->out, "\n%s\n\n", _("_L = likelihood, I = impact, "
		"AC = adaptive capacity (each 1–5); risk = L × I; "
		"vulnerability = risk × (6 − AC) / 5_"));
	put_ranked(r, &k, true);
cleanup:
	free(k.v);
}

/* ---- System model ---------------------------------------------------- */

/* The bytes of the UTF-8 character at S. */
static size_t char_bytes(const char *s)
{
	size_t n = 1;
	while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

/* Appends the character at S to BUF (of SIZE, *LEN used) when it fits;
 * returns its bytes. */
static size_t append_char(char *buf, size_t size, size_t *len, const char *s)
{
	size_t n = char_bytes(s);
	if (*len + n < size) {
		memcpy(buf + *len, s, n);
		*len += n;
		buf[*len] = '\0';
	}
	return n;
}

static bool is_word_break(char c)
{
	return c == ' ' || c == '-' || c == '/';
}

/* The first letters of NAME's words (at most four) into BUF, or the
 * first three letters of a one-word name. */
static void initials(const char *name, char *buf, size_t size)
{
	size_t len = 0, words = 0;
	buf[0] = '\0';
	for (const char *s = name; *s && words < 4; ) {
		if (is_word_break(*s)) {
			s++;
			continue;
		}
		s += append_char(buf, size, &len, s);
		words++;
		while (*s && !is_word_break(*s))
			s += char_bytes(s);
	}
	if (words > 1)
		return;
	len = 0;
	buf[0] = '\0';
	for (size_t i = 0, off = 0; i < 3 && name[off]; i++)
		off += append_char(buf, size, &len, name + off);
}

/* The short name of variable ID, else initials() of its name. */
static void variable_abbrev(struct report *r, int64_t id, char *buf, size_t size)
{
	const struct item_type *type = item_type(ITEM_VARIABLE);
	struct variable v;
	buf[0] = '\0';
	if (report_fail(r, item_read(r->db, type, id, &v)))
		return;
	if (has_text(v.short_name))
		snprintf(buf, size, "%s", v.short_name);
	else
		initials(v.name ? v.name : "", buf, size);
	item_clear(type, &v);
}

static void put_matrix_table(struct report *r, const struct impact_matrix *m)
{
	char abbrev[64];
	fprintf(r->out, "| %s → |", _("acts on"));
	for (size_t j = 0; j < m->n; j++) {
		variable_abbrev(r, m->ids[j], abbrev, sizeof abbrev);
		md_cell(r->out, abbrev);
	}
	fputs("\n|---|", r->out);
	for (size_t j = 0; j < m->n; j++)
		fputs(":-:|", r->out);
	fputc('\n', r->out);
	for (size_t i = 0; i < m->n && r->rc == STATUS_OK; i++) {
		variable_abbrev(r, m->ids[i], abbrev, sizeof abbrev);
		fputs("| **", r->out);
		md_write(r->out, abbrev, MD_CELL, NULL, 0);
		fputs("** |", r->out);
		for (size_t j = 0; j < m->n; j++) {
			int v = m->cells[i * m->n + j];
			if (i == j)
				fputs(" — |", r->out);
			else if (v < 0)
				fputs(" · |", r->out);
			else
				fprintf(r->out, " %d |", v);
		}
		fputc('\n', r->out);
	}
	fputc('\n', r->out);
}

static void put_matrix_roles(struct report *r, const struct impact_matrix *m,
	const struct analysis_result *a)
{
	char abbrev[64];
	for (size_t i = 0; i < m->n && r->rc == STATUS_OK; i++) {
		const struct analysis_variable *v = &a->vars[i];
		variable_abbrev(r, m->ids[i], abbrev, sizeof abbrev);
		fputs("- **", r->out);
		md_line(r->out, abbrev);
		fputs("** ", r->out);
		md_line(r->out, m->names[i]);
		fprintf(r->out, ": AS %ld, PS %ld, %s\n", v->as, v->ps, analysis_role_label(v->role));
	}
	size_t cells = m->n * (m->n - 1);
	fprintf(r->out, _("\nUnrated cells: %zu of %zu (scale 0–%d)\n\n"),
		a->unrated, cells, m->scale);
}

static void put_system_model(struct report *r)
{
	struct impact_matrix m;
	struct analysis_result a = { 0 };
	put_heading(r, "##", _("System model"));
	if (report_fail(r, impact_matrix_load(r->db, r->session_id, &m)))
		return;
	if (m.n == 0) {
		put_empty(r);
	} else if (!report_fail(r, analysis_run(m.cells, m.n, NULL, &a))) {
		put_matrix_table(r, &m);
		put_matrix_roles(r, &m, &a);
	}
	analysis_free(&a);
	impact_matrix_free(&m);
}

/* ---- Per component: goals and SoROs ---------------------------------- */

/* One list of items of a kind that belong to a component, with the
 * heading written before the first one when LAZY. */
struct per_component {
	struct report *r;
	int64_t component_id;   /* 0: those without component */
	const char *heading;    /* written before the first item when not NULL */
	size_t count;
	void (*put)(struct report *r, const void *item);
};

static int64_t component_of(enum item_kind kind, const void *item)
{
	return kind == ITEM_GOAL ? ((const struct goal *)item)->component_id
		: ((const struct soro *)item)->component_id;
}

static int put_if_component(void *ctx, const void *item, enum item_kind kind)
{
	struct per_component *p = ctx;
	if (component_of(kind, item) != p->component_id)
		return 0;
	if (p->count++ == 0 && p->heading)
		put_heading(p->r, "###", p->heading);
	p->put(p->r, item);
	return p->r->rc != STATUS_OK;
}

static int put_goal_of(void *ctx, const void *item)
{
	return put_if_component(ctx, item, ITEM_GOAL);
}

static int put_soro_of(void *ctx, const void *item)
{
	return put_if_component(ctx, item, ITEM_SORO);
}

static void put_goal(struct report *r, const void *item)
{
	const struct goal *g = item;
	fputs("- ", r->out);
	md_write(r->out, g->text, MD_BLOCK, "  ", 0);
	fputc('\n', r->out);
	put_links(r, LINK_GOAL_UNSEEN, g->id, "  ", _("Unseens"));
}

static void put_soro(struct report *r, const void *item)
{
	const struct soro *s = item;
	fputs("- ", r->out);
	md_write(r->out, s->text, MD_BLOCK, "  ", 0);
	fputc('\n', r->out);
	put_links(r, LINK_SORO_UNSEEN, s->id, "  ", _("Unseens"));
	put_links(r, LINK_SORO_GOAL, s->id, "  ", _("Goals"));
	put_links(r, LINK_SORO_MEASURE, s->id, "  ", _("Measures"));
}

struct component_walk {
	struct report *r;
	enum item_kind kind;
	void (*put)(struct report *r, const void *item);
	item_cb filter;
};

/* Lists the items of the walk's kind that belong to component C_ID. */
static size_t put_items_of(struct component_walk *w, int64_t c_id, const char *heading)
{
	struct per_component p = { w->r, c_id, heading, 0, w->put };
	report_fail(w->r, item_list(w->r->db, item_type(w->kind), w->r->session_id, w->filter, &p));
	return p.count;
}

static int put_component_items(void *ctx, const void *item)
{
	struct component_walk *w = ctx;
	const struct component *c = item;
	fprintf(w->r->out, "### %" PRId64 ". ", c->number);
	md_line(w->r->out, c->name);
	fputs("\n\n", w->r->out);
	if (put_items_of(w, c->id, NULL) == 0)
		put_empty(w->r);
	else
		fputc('\n', w->r->out);
	return w->r->rc != STATUS_OK;
}

/* Each component with its items of KIND, then those without component. */
static void put_by_component(struct report *r, enum item_kind kind, item_cb filter,
	void (*put)(struct report *r, const void *item))
{
	struct component_walk w = { r, kind, put, filter };
	int64_t n = 0;
	if (report_fail(r, item_count(r->db, item_type(kind), r->session_id, &n)))
		return;
	if (n == 0) {
		put_empty(r);
		return;
	}
	report_fail(r, item_list(r->db, item_type(ITEM_COMPONENT), r->session_id,
		put_component_items, &w));
	if (r->rc == STATUS_OK && put_items_of(&w, 0, _("Without component")) > 0)
		fputc('\n', r->out);
}

static int put_conflict(void *ctx, const void *item)
{
	struct report *r = ctx;
	const struct conflict *k = item;
	const struct item_type *type = item_type(ITEM_GOAL);
	struct goal a, b;
	if (report_fail(r, item_read(r->db, type, k->goal_a, &a)))
		return 1;
	if (report_fail(r, item_read(r->db, type, k->goal_b, &b))) {
		item_clear(type, &a);
		return 1;
	}
	fputs("- **", r->out);
	md_line(r->out, a.text);
	fputs("** ↔ **", r->out);
	md_line(r->out, b.text);
	fputs("**", r->out);
	if (has_text(k->description)) {
		fputs(": ", r->out);
		md_write(r->out, k->description, MD_BLOCK, "  ", 0);
	}
	fputc('\n', r->out);
	item_clear(type, &a);
	item_clear(type, &b);
	return 0;
}

static void put_goals(struct report *r)
{
	int64_t n = 0;
	put_heading(r, "##", _("Goals"));
	put_by_component(r, ITEM_GOAL, put_goal_of, put_goal);
	put_heading(r, "###", _("Goal conflicts"));
	if (report_fail(r, item_count(r->db, item_type(ITEM_CONFLICT), r->session_id, &n)))
		return;
	if (n == 0) {
		put_empty(r);
		return;
	}
	report_fail(r, item_list(r->db, item_type(ITEM_CONFLICT), r->session_id, put_conflict, r));
	fputc('\n', r->out);
}

static void put_soros(struct report *r)
{
	put_heading(r, "##", _("SoRO"));
	put_by_component(r, ITEM_SORO, put_soro_of, put_soro);
}

/* ---- Measure bundles per actor group --------------------------------- */

struct per_actor {
	struct report *r;
	int64_t actor_id;       /* 0: without actor group */
	const char *heading;    /* written before the first one when not NULL */
	size_t count;
};

static int put_measure_of(void *ctx, const void *item)
{
	struct per_actor *p = ctx;
	const struct measure *m = item;
	FILE *out = p->r->out;
	if (m->actor_id != p->actor_id)
		return 0;
	if (p->count++ == 0 && p->heading)
		put_heading(p->r, "###", p->heading);
	fputs("- ", out);
	md_write(out, m->text, MD_BLOCK, "  ", 0);
	if (has_text(m->horizon) && m->priority > 0)
		fprintf(out, " (%s: %s, %s: %" PRId64 ")", _("Horizon"), horizon_label(m->horizon),
			_("Priority"), m->priority);
	else if (has_text(m->horizon))
		fprintf(out, " (%s: %s)", _("Horizon"), horizon_label(m->horizon));
	else if (m->priority > 0)
		fprintf(out, " (%s: %" PRId64 ")", _("Priority"), m->priority);
	fputc('\n', out);
	put_links(p->r, LINK_MEASURE_GOAL, m->id, "  ", _("Goals"));
	return p->r->rc != STATUS_OK;
}

static size_t put_measures_of(struct report *r, int64_t actor_id, const char *heading)
{
	struct per_actor p = { r, actor_id, heading, 0 };
	report_fail(r, item_list(r->db, item_type(ITEM_MEASURE), r->session_id, put_measure_of, &p));
	return p.count;
}

static int put_actor(void *ctx, const void *item)
{
	struct report *r = ctx;
	const struct actor *a = item;
	fputs("### ", r->out);
	md_line(r->out, a->letter);
	fputs(" – ", r->out);
	md_line(r->out, a->name);
	fputs("\n\n", r->out);
	if (put_measures_of(r, a->id, NULL) == 0)
		put_empty(r);
	else
		fputc('\n', r->out);
	return r->rc != STATUS_OK;
}

/* A card of the board: "**P1 · kurzfristig** text"; an empty cell past
 * the column's last measure. */
static void put_card(struct report *r, const struct board_column *c, size_t row)
{
	struct measure m;
	if (row >= c->n) {
		fputs("  |", r->out);
		return;
	}
	if (report_fail(r, item_read(r->db, item_type(ITEM_MEASURE), c->ids[row], &m)))
		return;
	fprintf(r->out, " **P");
	if (m.priority > 0)
		fprintf(r->out, "%" PRId64, m.priority);
	else
		fputs("–", r->out);
	fprintf(r->out, " · %s** ", has_text(m.horizon) ? horizon_label(m.horizon) : "–");
	md_write(r->out, m.text, MD_CELL, NULL, 0);
	fputs(" |", r->out);
	item_clear(item_type(ITEM_MEASURE), &m);
}

/* The bundle board as the chapter's appendix lays it out: a column per
 * actor group, the measures most urgent first. */
static void put_board(struct report *r)
{
	struct board b;
	if (report_fail(r, board_load(r->db, r->session_id, &b))) {
		board_free(&b);
		return;
	}
	put_heading(r, "###", _("Bundle board"));
	fputs("|", r->out);
	for (size_t i = 0; i < b.n; i++) {
		char head[300];
		if (b.columns[i].actor_id)
			snprintf(head, sizeof head, "%s – %s", b.columns[i].letter, b.columns[i].name);
		else
			snprintf(head, sizeof head, "%s", _("Without actor group"));
		md_cell(r->out, head);
	}
	fputs("\n|", r->out);
	for (size_t i = 0; i < b.n; i++)
		fputs("---|", r->out);
	fputc('\n', r->out);
	size_t rows = board_rows(&b);
	for (size_t row = 0; row < rows && r->rc == STATUS_OK; row++) {
		fputs("|", r->out);
		for (size_t i = 0; i < b.n && r->rc == STATUS_OK; i++)
			put_card(r, &b.columns[i], row);
		fputc('\n', r->out);
	}
	fputc('\n', r->out);
	board_free(&b);
}

static void put_measures(struct report *r)
{
	put_heading(r, "##", _("Measure bundles"));
	if (r->counts.measures == 0) {
		put_empty(r);
		return;
	}
	put_board(r);
	report_fail(r, item_list(r->db, item_type(ITEM_ACTOR), r->session_id, put_actor, r));
	if (r->rc == STATUS_OK && put_measures_of(r, 0, _("Without actor group")) > 0)
		fputc('\n', r->out);
}

/* ---- Documents ------------------------------------------------------- */

static int put_document(void *ctx, const struct document *doc, int64_t codings)
{
	struct report *r = ctx;
	fputs("|", r->out);
	md_cell(r->out, doc->title);
	md_cell(r->out, document_kind_label(doc->kind));
	md_cell(r->out, doc->date);
	fprintf(r->out, " %" PRId64 " | %" PRId64 " |\n", doc->line_count, codings);
	return 0;
}

static void put_documents(struct report *r)
{
	put_heading(r, "##", _("Documents"));
	if (r->counts.documents == 0) {
		put_empty(r);
		return;
	}
	fputs(_("| Title | Kind | Date | Lines | Codings |\n"), r->out);
	fputs("|---|---|---|---:|---:|\n", r->out);
	report_fail(r, document_list(r->db, r->session_id, put_document, r));
	fputc('\n', r->out);
}

/* ---- Hinge summary --------------------------------------------------- */

/* The hinge rows come ordered by component, then code: a run is the
 * passages of one code within one component.  The first pass counts the
 * passages of each run (one number per run), the second writes them. */
struct hinge_walk {
	struct report *r;
	size_t *counts;
	size_t nruns, cap, run;
	bool started, nomem;
	int64_t code_id;
	char component[32];
};

/* True when ROW starts a new component (and so a new run). */
static bool new_component(struct hinge_walk *w, const struct hinge_row *row)
{
	return !w->started || strcmp(w->component, row->component) != 0;
}

static bool new_run(struct hinge_walk *w, const struct hinge_row *row)
{
	return new_component(w, row) || w->code_id != row->code_id;
}

static void enter_run(struct hinge_walk *w, const struct hinge_row *row)
{
	w->started = true;
	w->code_id = row->code_id;
	snprintf(w->component, sizeof w->component, "%s", row->component);
}

static int count_hinge(void *ctx, const struct hinge_row *row)
{
	struct hinge_walk *w = ctx;
	if (new_run(w, row)) {
		if (w->nruns == w->cap) {
			size_t cap = w->cap ? w->cap * 2 : 64;
			size_t *c = cap > SIZE_MAX / sizeof *c ? NULL : realloc(w->counts, cap * sizeof *c);
			if (!c) {
				w->nomem = true;
				return 1;
			}
			w->counts = c;
			w->cap = cap;
		}
		w->counts[w->nruns++] = 0;
		enter_run(w, row);
	}
	w->counts[w->nruns - 1]++;
	return 0;
}

static void put_hinge_component(struct hinge_walk *w, const char *number)
{
	struct report *r = w->r;
	const struct item_type *type = item_type(ITEM_COMPONENT);
	struct component c;
	int64_t id;
	if (!*number || item_find(r->db, type, r->session_id, number, &id) != STATUS_OK
		|| item_read(r->db, type, id, &c) != STATUS_OK) {
		fprintf(r->out, "### %s\n\n", *number ? number : _("Without component"));
		return;
	}
	fprintf(r->out, "### %" PRId64 ". ", c.number);
	md_line(r->out, c.name);
	fputs("\n\n", r->out);
	item_clear(type, &c);
}

static const char *code_type_label(const char *type)
{
	const struct item_type *t = item_type_by_name(type);
	return t ? _(t->label) : strcmp(type, "free") == 0 ? _("free code") : type;
}

static void put_hinge_code(struct hinge_walk *w, const struct hinge_row *row)
{
	FILE *out = w->r->out;
	size_t n = w->run < w->nruns ? w->counts[w->run] : 0;
	fputs("**", out);
	md_line(out, *row->code_path ? row->code_path : row->code);
	fprintf(out, "** (%s) – ", code_type_label(row->code_type));
	fprintf(out, P_("%zu passage", "%zu passages", n), n);
	fputs("\n\n", out);
}

static int put_hinge(void *ctx, const struct hinge_row *row)
{
	struct hinge_walk *w = ctx;
	FILE *out = w->r->out;
	if (new_run(w, row)) {
		if (w->started)
			fputc('\n', out);
		if (new_component(w, row))
			put_hinge_component(w, row->component);
		w->run += w->started;
		enter_run(w, row);
		put_hinge_code(w, row);
	}
	fputs("- ", out);
	md_line(out, row->document);
	/* a draft's printed numbers first: they are what its readers cite */
	if (row->printed_first && row->printed_first == row->printed_last)
		fprintf(out, _(", printed line %" PRId64), row->printed_first);
	else if (row->printed_first)
		fprintf(out, _(", printed lines %" PRId64 "–%" PRId64), row->printed_first,
			row->printed_last);
	if (row->first_line == row->last_line)
		fprintf(out, _(", line %" PRId64 ": “"), row->first_line);
	else
		fprintf(out, _(", lines %" PRId64 "–%" PRId64 ": “"), row->first_line, row->last_line);
	md_write(out, row->quote, MD_LINE, NULL, QUOTE_MAX);
	/* the closing quotation mark, then the coder in brackets */
	fputs(_("” ("), out);
	md_line(out, row->coder);
	fputs(")\n", out);
	return 0;
}

static void put_hinges(struct report *r)
{
	struct hinge_walk w = { .r = r };
	put_heading(r, "##", _("Hinges"));
	if (r->counts.codings == 0) {
		put_empty(r);
		return;
	}
	if (!report_fail(r, hinge_list(r->db, r->session_id, NULL, count_hinge, &w))
		&& !(w.nomem && report_fail(r, STATUS_NOMEM))) {
		struct hinge_walk p = { .r = r, .counts = w.counts, .nruns = w.nruns };
		report_fail(r, hinge_list(r->db, r->session_id, NULL, put_hinge, &p));
		fputc('\n', r->out);
	}
	free(w.counts);
}

/* ---- The report ------------------------------------------------------ */

enum status report_write(struct db *db, int64_t session_id, FILE *out)
{
	static void (*const sections[])(struct report *r) = {
		put_title, put_components, put_stakeholders, put_unseens, put_system_model,
		put_goals, put_measures, put_soros, put_documents, put_hinges,
	};
	struct report r = { db, out, session_id, STATUS_OK, { 0 } };
	report_fail(&r, session_summary(db, session_id, keep_summary, &r));
	for (size_t i = 0; i < COUNT(sections) && r.rc == STATUS_OK; i++)
		sections[i](&r);
	if (fflush(out) != 0 || ferror(out))
		report_fail(&r, STATUS_IO);
	return r.rc;
}

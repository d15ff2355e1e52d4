/* Intercoder agreement: see agreement.h. */
#include "model/agreement.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/coding.h"
#include "model/db.h"
#include "model/sqlbuf.h"
#include "util/grow.h"
#include "util/i18n.h"

enum status agree_tally_init(struct agree_tally *t, size_t coders, size_t values)
{
	*t = (struct agree_tally){ .coders = coders, .values = values };
	t->coincidence = calloc(values * values, sizeof *t->coincidence);
	t->cross = calloc(values * values, sizeof *t->cross);
	t->scratch = calloc(values, sizeof *t->scratch);
	if (!t->coincidence || !t->cross || !t->scratch) {
		agree_tally_free(t);
		return STATUS_NOMEM;
	}
	return STATUS_OK;
}

void agree_tally_free(struct agree_tally *t)
{
	free(t->coincidence);
	free(t->cross);
	free(t->scratch);
	*t = (struct agree_tally){ 0 };
}

void agree_tally_clear(struct agree_tally *t)
{
	size_t cells = t->values * t->values;
	memset(t->coincidence, 0, cells * sizeof *t->coincidence);
	memset(t->cross, 0, cells * sizeof *t->cross);
	t->units = t->pairable = t->paired = 0;
	t->incomplete = false;
}

void agree_tally_add(struct agree_tally *t, const int *value, int64_t weight)
{
	size_t V = t->values, m = 0;
	double *n = t->scratch;
	memset(n, 0, V * sizeof *n);
	for (size_t k = 0; k < t->coders; k++)
		if (value[k] >= 0) {
			n[value[k]]++;
			m++;
		}
	t->units += weight;
	if (t->coders >= 2 && value[0] >= 0 && value[1] >= 0) {
		t->cross[(size_t)value[0] * V + (size_t)value[1]] += (double)weight;
		t->paired += weight;
	}
	if (m < 2)
		return;
	t->pairable += weight;
	t->incomplete |= m < t->coders;
	/* each ordered pair of values in the unit, weighted 1/(m - 1) */
	double w = (double)weight / (double)(m - 1);
	for (size_t c = 0; c < V; c++)
		for (size_t k = 0; n[c] && k < V; k++)
			if (n[k])
				t->coincidence[c * V + k] += w * n[c] * (n[k] - (c == k));
}

void agree_tally_merge(struct agree_tally *into, const struct agree_tally *t)
{
	for (size_t i = 0; i < t->values * t->values; i++) {
		into->coincidence[i] += t->coincidence[i];
		into->cross[i] += t->cross[i];
	}
	into->units += t->units;
	into->pairable += t->pairable;
	into->paired += t->paired;
	into->incomplete |= t->incomplete;
}

int64_t agree_cross(const struct agree_tally *t, int a, int b)
{
	return (int64_t)t->cross[(size_t)a * t->values + (size_t)b];
}

static struct agree_figure figure(double value)
{
	return (struct agree_figure){ AGREE_VALUE, value, NULL };
}

static struct agree_figure undefined(const char *why)
{
	return (struct agree_figure){ AGREE_UNDEFINED, 0, why };
}

static struct agree_figure not_applicable(const char *why)
{
	return (struct agree_figure){ AGREE_NOT_APPLICABLE, 0, why };
}

/* The pairable values (n), the agreeing pairs (the diagonal) and the sum
 * of the squared value totals, all from the coincidence matrix. */
static void coincidence_sums(const struct agree_tally *t, double *n, double *agree, double *squares)
{
	size_t V = t->values;
	*n = *agree = *squares = 0;
	for (size_t c = 0; c < V; c++) {
		double row = 0;
		for (size_t k = 0; k < V; k++)
			row += t->coincidence[c * V + k];
		*n += row;
		*squares += row * row;
		*agree += t->coincidence[c * V + c];
	}
}

struct agree_figure agree_percent(const struct agree_tally *t)
{
	double n, agree, squares;
	coincidence_sums(t, &n, &agree, &squares);
	if (n <= 0)
		return undefined(N_("no line has values from two coders"));
	return figure(agree / n);
}

struct agree_figure agree_alpha(const struct agree_tally *t)
{
	double n, agree, squares;
	coincidence_sums(t, &n, &agree, &squares);
	if (n <= 0)
		return undefined(N_("no line has values from two coders"));
	/* expected disagreement: pairs of different values among all */
	double expected = n * n - squares;
	if (expected <= 0)
		return undefined(N_("no variation: every value is the same (expected disagreement 0)"));
	return figure(1 - (n - 1) * (n - agree) / expected);
}

struct agree_figure agree_cohen(const struct agree_tally *t)
{
	if (t->coders != 2)
		return not_applicable(N_("Cohen's kappa is for exactly two coders"));
	size_t V = t->values;
	double total = (double)t->paired, observed = 0, chance = 0;
	if (total <= 0)
		return undefined(N_("no line has values from both coders"));
	for (size_t c = 0; c < V; c++) {
		double row = 0, column = 0;
		for (size_t k = 0; k < V; k++) {
			row += t->cross[c * V + k];
			column += t->cross[k * V + c];
		}
		observed += t->cross[c * V + c];
		chance += row * column;
	}
	observed /= total;
	chance /= total * total;
	if (chance >= 1)
		return undefined(N_("no variation: both coders gave one value throughout"
			" (expected disagreement 0)"));
	return figure((observed - chance) / (1 - chance));
}

struct agree_figure agree_fleiss(const struct agree_tally *t)
{
	if (t->coders < 3)
		return not_applicable(N_("Fleiss' kappa is for more than two coders"));
	if (t->incomplete)
		return not_applicable(N_("Fleiss' kappa needs every coder's value on every line"));
	double n, agree, squares;
	coincidence_sums(t, &n, &agree, &squares);
	if (n <= 0)
		return undefined(N_("no line has values from two coders"));
	double chance = squares / (n * n);
	if (chance >= 1)
		return undefined(N_("no variation: every value is the same (expected disagreement 0)"));
	return figure((agree / n - chance) / (1 - chance));
}

/* The coders compared: their ids as a JSON array for SQL, and names. */
struct coders {
	size_t n, cap;
	int64_t *id;
	char **name;
};

static void coders_free(struct coders *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->name[i]);
	free(c->id);
	free(c->name);
}

static enum status coders_add(struct db *db, struct coders *c, int64_t id, const char *name)
{
	size_t cap = c->cap;
	int64_t *ids = grow(c->id, c->n, &cap, sizeof *ids, 4);
	if (ids)
		c->id = ids;
	char **names = ids ? grow(c->name, c->n, &c->cap, sizeof *names, 4) : NULL;
	char *copy = names ? strdup(name) : NULL;
	if (!copy)
		return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	c->name = names;
	c->id[c->n] = id;
	c->name[c->n++] = copy;
	return STATUS_OK;
}

/* A JSON array of N ids, or NULL when there are none; the caller frees it. */
static char *json_ids(const int64_t *ids, size_t n)
{
	if (!n)
		return NULL;
	struct sqlbuf b = { 0 };
	for (size_t i = 0; i < n; i++)
		sqlbuf_addf(&b, "%s%" PRId64, i ? "," : "[", ids[i]);
	sqlbuf_addf(&b, "]");
	if (b.failed) {
		sqlbuf_free(&b);
		return NULL;
	}
	return b.text;
}

/* Codings by coder ?1 in session ?2 and documents ?3 (NULL: all). */
#define IN_DOCUMENTS "(?3 IS NULL OR document_id IN (SELECT value FROM json_each(?3)))"

static enum status named_coder(struct db *db, int64_t session, const char *docs,
	struct coders *c, const char *name)
{
	int64_t id, codings;
	enum status rc = db_query_int(db, &id, "SELECT id FROM coder WHERE name = ?1", "t", name);
	if (rc == STATUS_NOT_FOUND)
		return db_fail(db, rc, _("There is no coder \"%s\""), name);
	for (size_t i = 0; rc == STATUS_OK && i < c->n; i++)
		if (c->id[i] == id)
			return db_fail(db, STATUS_INVALID, _("Coder \"%s\" is named twice"), name);
	if (rc == STATUS_OK)
		rc = db_query_int(db, &codings, "SELECT count(*) FROM coding WHERE coder_id = ?1"
			" AND session_id = ?2 AND " IN_DOCUMENTS, "iit", id, session, docs);
	if (rc == STATUS_OK && !codings)
		return db_fail(db, STATUS_NOT_FOUND, _("Coder \"%s\" has no codings in the chosen "
			"documents"), name);
	return rc == STATUS_OK ? coders_add(db, c, id, name) : rc;
}

static enum status find_coders(struct db *db, int64_t session, const struct agree_options *o,
	const char *docs, struct coders *c)
{
	enum status rc = STATUS_OK;
	for (size_t i = 0; rc == STATUS_OK && i < o->ncoders; i++)
		rc = named_coder(db, session, docs, c, o->coders[i]);
	if (o->ncoders || rc != STATUS_OK)
		return rc;
	struct db_stmt *st = db_prepare(db, "SELECT id, name FROM coder WHERE id IN (SELECT coder_id"
		" FROM coding WHERE session_id = ?2 AND " IN_DOCUMENTS ") ORDER BY name");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 2, session);
	db_bind_text(st, 3, docs);
	enum db_step step;
	while (rc == STATUS_OK && (step = db_step(st)) == DB_ROW)
		rc = coders_add(db, c, db_column_int(st, 0), db_column_text(st, 1));
	db_reset(st);
	if (rc == STATUS_OK && step == DB_ERROR)
		rc = db_step_status(st);
	return rc;
}

static enum status check_coders(struct db *db, const struct coders *c)
{
	if (c->n == 0)
		return db_fail(db, STATUS_NOT_FOUND, "%s", _("Nobody coded the chosen documents"));
	if (c->n == 1)
		return db_fail(db, STATUS_INVALID, _("Only \"%s\" coded the chosen documents; agreement "
			"needs two coders"), c->name[0]);
	return STATUS_OK;
}

/* The documents that two of the coders coded: their ids (JSON), lines
 * and number. */
struct compared {
	char *docs;
	int64_t lines, count;
};

static enum status compared_documents(struct db *db, int64_t session, const char *coders,
	const char *docs, struct compared *out)
{
	struct db_stmt *st = db_prepare(db, "SELECT json_group_array(id), coalesce(sum(line_count), 0),"
		" count(*) FROM document d WHERE session_id = ?2"
		" AND (?3 IS NULL OR id IN (SELECT value FROM json_each(?3)))"
		" AND (SELECT count(DISTINCT coder_id) FROM coding c WHERE c.document_id = d.id"
		"  AND coder_id IN (SELECT value FROM json_each(?1))) >= 2");
	if (!st)
		return STATUS_DB;
	db_bind_text(st, 1, coders);
	db_bind_int(st, 2, session);
	db_bind_text(st, 3, docs);
	if (db_step(st) != DB_ROW)
		return db_step_status(st);
	out->docs = db_column_strdup(st, 0);
	out->lines = db_column_int(st, 1);
	out->count = db_column_int(st, 2);
	db_reset(st);
	if (!out->docs)
		return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	if (!out->count)
		return db_fail(db, STATUS_NOT_FOUND, "%s", _("No document was coded by two of the "
			"chosen coders"));
	return STATUS_OK;
}

/* One document's codings as events: a coder's value starts at a line and
 * ends before another. */
struct event {
	int64_t line;
	int coder, value, delta;
};

struct sweep {
	struct db *db;
	const struct coders *coders;
	struct agree_tally *tally;
	int absent;             /* a coder's value where it applied nothing: 0 (binary) or -1 */
	const int64_t *children;   /* the domain's values, by code id */
	struct event *events;
	size_t n, cap;
	int *depth;             /* coders × values: open codings */
	int *value;             /* coders */
	int64_t document, covered;
};

static int by_line(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	return (x->line > y->line) - (x->line < y->line);
}

static enum status sweep_push(struct sweep *s, int64_t line, int coder, int value, int delta)
{
	struct event *e = grow(s->events, s->n, &s->cap, sizeof *e, 64);
	if (!e)
		return db_fail(s->db, STATUS_NOMEM, "%s", _("out of memory"));
	s->events = e;
	e[s->n++] = (struct event){ line, coder, value, delta };
	return STATUS_OK;
}

/* Refuses line LINE, which CODER gave the values A and B of the domain. */
static enum status two_values(struct sweep *s, int coder, int64_t line, int a, int b)
{
	struct db_stmt *st = db_prepare(s->db, "SELECT d.title, a.name, b.name FROM document d,"
		" code a, code b WHERE d.id = ?1 AND a.id = ?2 AND b.id = ?3");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, s->document);
	db_bind_int(st, 2, s->children[a]);
	db_bind_int(st, 3, s->children[b]);
	if (db_step(st) != DB_ROW)
		return db_step_status(st);
	enum status rc = db_fail(s->db, STATUS_CONFLICT, _("Coder \"%s\" gave line %" PRId64 " of "
		"document %" PRId64 " \"%s\" two codes of the domain, \"%s\" and \"%s\": its values "
		"exclude each other"), s->coders->name[coder], line, s->document, db_column_text(st, 0),
		db_column_text(st, 1), db_column_text(st, 2));
	db_reset(st);
	return rc;
}

/* The coders' values on the lines after an event at LINE; false when
 * nobody applied anything there. */
static enum status sweep_values(struct sweep *s, int64_t line, bool *any)
{
	size_t V = s->tally->values;
	*any = false;
	for (size_t k = 0; k < s->coders->n; k++) {
		s->value[k] = s->absent;
		for (size_t v = 0; v < V; v++) {
			if (s->depth[k * V + v] <= 0)
				continue;
			if (s->value[k] != s->absent && s->absent < 0)
				return two_values(s, (int)k, line, s->value[k], (int)v);
			s->value[k] = (int)v;
			*any = true;
		}
	}
	return STATUS_OK;
}

/* Adds the document's lines that someone coded to the tally. */
static enum status sweep_document(struct sweep *s)
{
	size_t V = s->tally->values;
	enum status rc = STATUS_OK;
	bool any = false;
	qsort(s->events, s->n, sizeof *s->events, by_line);
	for (size_t i = 0; rc == STATUS_OK && i < s->n; ) {
		int64_t line = s->events[i].line;
		for (; i < s->n && s->events[i].line == line; i++)
			s->depth[(size_t)s->events[i].coder * V + (size_t)s->events[i].value] +=
				s->events[i].delta;
		rc = sweep_values(s, line, &any);
		if (rc == STATUS_OK && any && i < s->n) {
			agree_tally_add(s->tally, s->value, s->events[i].line - line);
			s->covered += s->events[i].line - line;
		}
	}
	s->n = 0;
	memset(s->depth, 0, s->coders->n * V * sizeof *s->depth);
	return rc;
}

/* The value of a coding with code CODE: 1, or the domain child above it. */
static int value_of(const struct sweep *s, int64_t code)
{
	if (!s->children)
		return 1;
	for (size_t v = 0; v < s->tally->values; v++)
		if (s->children[v] == code)
			return (int)v;
	return -1;
}

/* Streams ST's codings (document, first, last, coder index, value code)
 * into the tally, one document at a time, then the lines nobody coded. */
static enum status sweep_codings(struct sweep *s, struct db_stmt *st, int64_t lines)
{
	enum status rc = STATUS_OK;
	enum db_step step;
	s->document = 0;
	s->covered = 0;
	while (rc == STATUS_OK && (step = db_step(st)) == DB_ROW) {
		int64_t doc = db_column_int(st, 0);
		if (doc != s->document && s->n)
			rc = sweep_document(s);
		s->document = doc;
		int coder = (int)db_column_int(st, 3), value = value_of(s, db_column_int(st, 4));
		if (rc == STATUS_OK)
			rc = sweep_push(s, db_column_int(st, 1), coder, value, 1);
		if (rc == STATUS_OK)
			rc = sweep_push(s, db_column_int(st, 2) + 1, coder, value, -1);
	}
	if (rc == STATUS_OK && step == DB_ERROR)
		rc = db_step_status(st);
	db_reset(st);
	if (rc == STATUS_OK && s->n)
		rc = sweep_document(s);
	s->n = 0;
	if (rc == STATUS_OK && lines > s->covered) {
		for (size_t k = 0; k < s->coders->n; k++)
			s->value[k] = s->absent;
		agree_tally_add(s->tally, s->value, lines - s->covered);
	}
	return rc;
}

/* Room for the open codings of each coder and value of TALLY. */
static enum status sweep_start(struct sweep *s, struct agree_tally *tally, int absent)
{
	s->tally = tally;
	s->absent = absent;
	s->depth = calloc(s->coders->n * tally->values, sizeof *s->depth);
	s->value = calloc(s->coders->n, sizeof *s->value);
	if (!s->depth || !s->value)
		return db_fail(s->db, STATUS_NOMEM, "%s", _("out of memory"));
	return STATUS_OK;
}

struct run {
	struct db *db;
	const struct agree_options *o;
	struct coders coders;
	char *coders_json;
	struct compared compared;
	struct sweep sweep;
	struct agree_tally code, pooled;
	agree_cb cb;
	void *ctx;
	enum status rc;
	int stopped;
};

static int emit(struct run *r, int64_t code_id, const char *code, const struct agree_tally *t)
{
	struct agree_row row = {
		.code_id = code_id,
		.code = code,
		.coders = (const char *const *)r->coders.name,
		.ncoders = r->coders.n,
		.documents = r->compared.count,
		.tally = t,
	};
	return r->stopped = r->cb(r->ctx, &row);
}

/* Sweeps the codings SQL selects for CODE (?2) in the compared documents. */
static enum status sweep_query(struct run *r, const char *sql, int64_t code)
{
	struct db_stmt *st = db_prepare(r->db, sql);
	if (!st)
		return STATUS_DB;
	db_bind_text(st, 1, r->coders_json);
	db_bind_int(st, 2, code);
	db_bind_text(st, 3, r->compared.docs);
	return sweep_codings(&r->sweep, st, r->compared.lines);
}

/* Binary agreement on code INFO: a code_cb. */
static int on_code(void *ctx, const struct code_info *info)
{
	struct run *r = ctx;
	agree_tally_clear(&r->code);
	r->rc = sweep_query(r, "SELECT c.document_id, c.first_line, c.last_line, ch.key, c.code_id"
		" FROM coding c JOIN json_each(?1) ch ON ch.value = c.coder_id"
		" WHERE c.code_id = ?2 AND c.document_id IN (SELECT value FROM json_each(?3))"
		" ORDER BY c.document_id, c.first_line", info->id);
	if (r->rc != STATUS_OK)
		return 1;
	/* a code nobody compared applied is listed only when asked for */
	if (!r->sweep.covered && !r->o->ncodes)
		return 0;
	agree_tally_merge(&r->pooled, &r->code);
	return emit(r, info->id, *info->path ? info->path : info->name, &r->code);
}

static enum status run_binary(struct run *r, int64_t session)
{
	enum status rc = STATUS_OK;
	if (!r->o->ncodes)
		rc = code_list(r->db, session, on_code, r);
	for (size_t i = 0; rc == STATUS_OK && !r->stopped && i < r->o->ncodes; i++)
		rc = code_read(r->db, r->o->codes[i], on_code, r);
	if (rc == STATUS_OK && r->rc == STATUS_OK && !r->stopped)
		emit(r, 0, "", &r->pooled);
	return rc != STATUS_OK ? rc : r->rc;
}

/* The direct children of the domain, whose subtrees are its values. */
static enum status domain_children(struct db *db, int64_t domain, int64_t **ids, size_t *n)
{
	size_t cap = 0;
	struct db_stmt *st = db_prepare(db, "SELECT id FROM code WHERE parent_id = ?1 ORDER BY id");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, domain);
	enum status rc = STATUS_OK;
	enum db_step step;
	while (rc == STATUS_OK && (step = db_step(st)) == DB_ROW) {
		int64_t *grown = grow(*ids, *n, &cap, sizeof **ids, 8);
		if (!grown)
			rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
		else {
			*ids = grown;
			(*ids)[(*n)++] = db_column_int(st, 0);
		}
	}
	db_reset(st);
	if (rc == STATUS_OK && step == DB_ERROR)
		rc = db_step_status(st);
	return rc;
}

/* Nominal agreement on the children of domain INFO: a code_cb. */
static int on_domain(void *ctx, const struct code_info *info)
{
	struct run *r = ctx;
	r->rc = sweep_query(r, "WITH RECURSIVE sub(id, top) AS ("
		" SELECT id, id FROM code WHERE parent_id = ?2"
		" UNION ALL SELECT c.id, sub.top FROM code c JOIN sub ON c.parent_id = sub.id)"
		" SELECT c.document_id, c.first_line, c.last_line, ch.key, sub.top FROM coding c"
		" JOIN sub ON sub.id = c.code_id JOIN json_each(?1) ch ON ch.value = c.coder_id"
		" WHERE c.document_id IN (SELECT value FROM json_each(?3))"
		" ORDER BY c.document_id, c.first_line", info->id);
	if (r->rc != STATUS_OK)
		return 1;
	return emit(r, info->id, *info->path ? info->path : info->name, &r->code);
}

static enum status run_domain(struct run *r, int64_t **children)
{
	size_t n = 0;
	enum status rc = domain_children(r->db, r->o->domain, children, &n);
	if (rc == STATUS_OK && !n)
		return db_fail(r->db, STATUS_INVALID, _("Code %" PRId64 " has no child codes: a domain's "
			"children are its values"), r->o->domain);
	if (rc == STATUS_OK)
		rc = agree_tally_init(&r->code, r->coders.n, n);
	if (rc == STATUS_OK)
		rc = sweep_start(&r->sweep, &r->code, -1);
	if (rc != STATUS_OK)
		return rc;
	r->sweep.children = *children;
	rc = code_read(r->db, r->o->domain, on_domain, r);
	return rc != STATUS_OK ? rc : r->rc;
}

enum status agree_run(struct db *db, int64_t session, const struct agree_options *o,
	agree_cb cb, void *ctx)
{
	struct run r = { .db = db, .o = o, .cb = cb, .ctx = ctx };
	int64_t *children = NULL;
	char *docs = NULL;
	enum status rc = STATUS_OK;
	if (o->ndocuments && !(docs = json_ids(o->documents, o->ndocuments)))
		rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	if (rc == STATUS_OK)
		rc = find_coders(db, session, o, docs, &r.coders);
	if (rc == STATUS_OK)
		rc = check_coders(db, &r.coders);
	if (rc == STATUS_OK && !(r.coders_json = json_ids(r.coders.id, r.coders.n)))
		rc = db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	if (rc == STATUS_OK)
		rc = compared_documents(db, session, r.coders_json, docs, &r.compared);
	r.sweep = (struct sweep){ .db = db, .coders = &r.coders };
	if (rc == STATUS_OK && o->domain)
		rc = run_domain(&r, &children);
	else if (rc == STATUS_OK) {
		rc = agree_tally_init(&r.code, r.coders.n, 2);
		if (rc == STATUS_OK)
			rc = agree_tally_init(&r.pooled, r.coders.n, 2);
		if (rc == STATUS_OK)
			rc = sweep_start(&r.sweep, &r.code, 0);
		if (rc == STATUS_OK)
			rc = run_binary(&r, session);
	}
	agree_tally_free(&r.code);
	agree_tally_free(&r.pooled);
	free(r.sweep.events);
	free(r.sweep.depth);
	free(r.sweep.value);
	free(children);
	free(r.compared.docs);
	free(r.coders_json);
	free(docs);
	coders_free(&r.coders);
	return rc;
}

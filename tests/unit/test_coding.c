/* model/coding: the codebook (rename, move, merge, delete, definition,
 * colour, memo), coding ranges for the reader, reading and editing a
 * coding, and the frequencies. */
#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"

extern Suite *coding_suite(void);

static const char *const ten[] = {
	"eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
};

static int64_t changes(struct db *db)
{
	return fixture_int(db, "SELECT count(*) FROM changelog");
}

static int64_t free_code(struct db *db, int64_t s, const char *name, int64_t parent)
{
	int64_t id = 0;
	enum status rc = code_create_free(db, s, name, parent, NULL, NULL, &id);
	ck_assert_msg(rc == STATUS_OK, "code %s: %s", name, db_error(db));
	return id;
}

/* ---- coding ranges ------------------------------------------------ */

struct range_rows {
	int n;
	char ids[256];
	struct coding_row last;
	char type[16], name[64], path[64], colour[16], coder[16], memo[64];
};

static int collect_range(void *ctx, const struct coding_row *row)
{
	struct range_rows *r = ctx;
	snprintf(r->ids + strlen(r->ids), sizeof r->ids - strlen(r->ids), "%lld ", (long long)row->id);
	r->last = *row;
	snprintf(r->type, sizeof r->type, "%s", row->code_type);
	snprintf(r->name, sizeof r->name, "%s", row->code_name);
	snprintf(r->path, sizeof r->path, "%s", row->code_path);
	snprintf(r->colour, sizeof r->colour, "%s", row->colour);
	snprintf(r->coder, sizeof r->coder, "%s", row->coder);
	snprintf(r->memo, sizeof r->memo, "%s", row->memo);
	r->n++;
	return 0;
}

static struct range_rows range(struct db *db, int64_t doc, int64_t first, int64_t last,
	const char *coder)
{
	struct range_rows r;
	memset(&r, 0, sizeof r);
	enum status rc = coding_list_range(db, doc, first, last, coder, collect_range, &r);
	ck_assert_msg(rc == STATUS_OK, "coding_list_range: %s", db_error(db));
	return r;
}

/* The codings of DOC overlapping FIRST..LAST are the N ids that follow, in order. */
static void assert_range(struct db *db, int64_t doc, int64_t first, int64_t last,
	const char *coder, int n, ...)
{
	char want[256] = "";
	va_list ap;
	va_start(ap, n);
	for (int i = 0; i < n; i++)
		snprintf(want + strlen(want), sizeof want - strlen(want), "%lld ",
			(long long)va_arg(ap, int64_t));
	va_end(ap);
	struct range_rows got = range(db, doc, first, last, coder);
	ck_assert_msg(strcmp(got.ids, want) == 0, "lines %lld-%lld: got \"%s\", want \"%s\"",
		(long long)first, (long long)last, got.ids, want);
}

START_TEST(test_range_overlap_and_nesting)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Bereiche");
	int64_t d = fixture_document(db, s, "Protokoll", 0, "sha-r", ten, 10);
	int64_t other = fixture_document(db, s, "Anderes", 0, "sha-o", ten, 10);
	int64_t u = fixture_item_code(db, "unseen", fixture_unseen(db, s, "Datenabfluss", 0));
	int64_t daten = 0, eigentum = 0;
	ck_assert_int_eq(code_create_free(db, s, "Daten", 0, "#00ff00", NULL, &daten), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "Eigentum", daten, "red", NULL, &eigentum), STATUS_OK);
	ck_assert_int_lt(u, daten);   /* so that code order is u, daten, eigentum */

	int64_t outer = fixture_coding(db, s, d, 2, 6, daten, "anna");     /* holds the next */
	int64_t inner = fixture_coding(db, s, d, 3, 4, eigentum, "ben");   /* nested in outer */
	int64_t same_u = fixture_coding(db, s, d, 2, 6, u, "anna");        /* same lines, other code */
	int64_t late = fixture_coding(db, s, d, 8, 10, eigentum, "anna");
	int64_t single = fixture_coding(db, s, d, 10, 10, u, "ben");
	fixture_coding(db, s, other, 1, 10, u, "anna");                    /* another document */
	ck_assert_int_eq(db_exec(db, "UPDATE coding SET memo = 'innen' WHERE id = ?1", "i", inner),
		STATUS_OK);

	/* by first line, then code: same_u (u) before outer (daten) */
	assert_range(db, d, 1, 10, NULL, 5, same_u, outer, inner, late, single);
	assert_range(db, d, 1, 1, NULL, 0);                          /* before every coding */
	assert_range(db, d, 7, 7, NULL, 0);                          /* in a gap */
	assert_range(db, d, 1, 2, NULL, 2, same_u, outer);           /* touches the first line */
	assert_range(db, d, 6, 8, NULL, 3, same_u, outer, late);     /* last line of one, first of the next */
	assert_range(db, d, 4, 4, NULL, 3, same_u, outer, inner);    /* inside the nested one */
	assert_range(db, d, 5, 5, NULL, 2, same_u, outer);           /* inside the outer one only */
	assert_range(db, d, 10, 10, NULL, 2, late, single);
	assert_range(db, d, 9, 200, NULL, 2, late, single);          /* a window past the end is fine */
	assert_range(db, d, 1, 10, "ben", 2, inner, single);
	assert_range(db, d, 1, 10, "niemand", 0);

	/* the row carries the code and the coding */
	struct range_rows r = range(db, d, 3, 3, "ben");
	ck_assert_int_eq(r.n, 1);
	ck_assert_int_eq(r.last.id, inner);
	ck_assert_int_eq(r.last.document_id, d);
	ck_assert_int_eq(r.last.first_line, 3);
	ck_assert_int_eq(r.last.last_line, 4);
	ck_assert_int_eq(r.last.code_id, eigentum);
	ck_assert_str_eq(r.type, "free");
	ck_assert_str_eq(r.name, "Eigentum");
	ck_assert_str_eq(r.path, "Daten/Eigentum");
	ck_assert_str_eq(r.colour, "red");
	ck_assert_str_eq(r.coder, "ben");
	ck_assert_str_eq(r.memo, "innen");
	r = range(db, d, 10, 10, "ben");
	ck_assert_str_eq(r.type, "unseen");
	ck_assert_str_eq(r.name, "Datenabfluss");
	ck_assert_str_eq(r.path, "");
	ck_assert_str_eq(r.colour, "");
	ck_assert_str_eq(r.memo, "");

	struct range_rows none = { 0 };
	ck_assert_int_eq(coding_list_range(db, 999999, 1, 10, NULL, collect_range, &none),
		STATUS_NOT_FOUND);
	ck_assert(fixture_contains(db_error(db), "999999"));
	fixture_close(db, path);
}
END_TEST

static int stop_first(void *ctx, const struct coding_row *row)
{
	(void)row;
	++*(int *)ctx;
	return 1;
}

START_TEST(test_range_refusals_name_document_and_lines)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Grenzen");
	int64_t d = fixture_document(db, s, "Protokoll UG1", 0, "sha-g", ten, 10);
	int64_t u = fixture_item_code(db, "unseen", fixture_unseen(db, s, "Datenabfluss", 0));
	int64_t kept = fixture_coding(db, s, d, 1, 1, u, "anna");
	int64_t before = changes(db);

	struct coding c = { .session_id = s, .document_id = d, .first_line = 9, .last_line = 11,
		.code_id = u, .coder = "anna" };
	ck_assert_int_eq(coding_create(db, &c), STATUS_INVALID);
	ck_assert_msg(fixture_contains(db_error(db), "Protokoll UG1") &&
		fixture_contains(db_error(db), "9–11") && fixture_contains(db_error(db), "1–10"),
		"%s", db_error(db));
	c.first_line = 11;
	c.last_line = 11;
	ck_assert_int_eq(coding_create(db, &c), STATUS_INVALID);
	ck_assert(fixture_contains(db_error(db), "11–11"));
	c.first_line = 5;
	c.last_line = 4;
	ck_assert_int_eq(coding_create(db, &c), STATUS_INVALID);
	ck_assert_msg(fixture_contains(db_error(db), "Protokoll UG1") &&
		fixture_contains(db_error(db), "5–4") && fixture_contains(db_error(db), "vor der ersten"),
		"%s", db_error(db));
	ck_assert_int_eq(changes(db), before);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM coding"), 1);

	/* coding_update makes the same checks and changes nothing when refused */
	struct coding e = { .id = kept, .first_line = 10, .last_line = 12, .code_id = u };
	ck_assert_int_eq(coding_update(db, &e), STATUS_INVALID);
	ck_assert(fixture_contains(db_error(db), "Protokoll UG1"));
	ck_assert(fixture_contains(db_error(db), "10–12"));
	e.first_line = 3;
	e.last_line = 2;
	ck_assert_int_eq(coding_update(db, &e), STATUS_INVALID);
	ck_assert(fixture_contains(db_error(db), "3–2"));
	e.first_line = 0;
	e.last_line = 2;
	ck_assert_int_eq(coding_update(db, &e), STATUS_INVALID);
	ck_assert_int_eq(changes(db), before);
	ck_assert_int_eq(fixture_int1(db, "SELECT first_line * 100 + last_line FROM coding "
		"WHERE id = ?1", kept), 101);

	int calls = 0;
	fixture_coding(db, s, d, 2, 2, u, "anna");
	ck_assert_int_eq(coding_list_range(db, d, 1, 10, NULL, stop_first, &calls), STATUS_OK);
	ck_assert_int_eq(calls, 1);
	fixture_close(db, path);
}
END_TEST

/* The same lines, code and coder twice: refused for the screen and the
 * command line alike, naming the coding there is; nothing changes. */
START_TEST(test_coding_twin_refused)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Doppelt");
	int64_t d = fixture_document(db, s, "Protokoll", 0, "sha-t", ten, 10);
	int64_t u = fixture_item_code(db, "unseen", fixture_unseen(db, s, "Datenabfluss", 0));
	int64_t first = fixture_coding(db, s, d, 1, 6, u, "anna");
	int64_t other = fixture_coding(db, s, d, 1, 5, u, "anna");
	int64_t before = changes(db);
	char want[160];

	struct coding c = { .session_id = s, .document_id = d, .first_line = 1, .last_line = 6,
		.code_id = u, .coder = "anna", .memo = "noch einmal" };
	ck_assert_int_eq(coding_create(db, &c), STATUS_CONFLICT);
	snprintf(want, sizeof want, "Zeilen 1–6 von Dokument %lld sind schon mit „Datenabfluss“ "
		"von anna kodiert (Kodierung %lld)", (long long)d, (long long)first);
	ck_assert_msg(fixture_contains(db_error(db), want), "%s", db_error(db));
	/* coding_update onto the same lines is the same twin; its own lines are not */
	struct coding e = { .id = other, .first_line = 1, .last_line = 6, .code_id = u };
	ck_assert_int_eq(coding_update(db, &e), STATUS_CONFLICT);
	ck_assert_int_eq(changes(db), before);
	e.last_line = 5;
	e.memo = "nur das Memo";
	ck_assert_int_eq(coding_update(db, &e), STATUS_OK);
	/* another coder's coding of the same lines is not a twin */
	c.coder = "ben";
	ck_assert_int_eq(coding_create(db, &c), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM coding"), 3);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_coding_read_and_update)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Ändern"), other = fixture_session(db, "Fremd");
	int64_t d = fixture_document(db, s, "Protokoll", 0, "sha-a", ten, 10);
	int64_t d2 = fixture_document(db, s, "Zweites", 0, "sha-b", ten, 10);
	int64_t u = fixture_item_code(db, "unseen", fixture_unseen(db, s, "Datenabfluss", 0));
	int64_t g = fixture_item_code(db, "goal", fixture_goal(db, s, "Souveränität", 0));
	int64_t foreign = fixture_item_code(db, "unseen", fixture_unseen(db, other, "Fremd", 0));
	struct coding c = { .session_id = s, .document_id = d, .first_line = 2, .last_line = 3,
		.code_id = u, .coder = "anna", .memo = "erste Fassung" };
	ck_assert_int_eq(coding_create(db, &c), STATUS_OK);

	struct coding r;
	ck_assert_int_eq(coding_read(db, c.id, &r), STATUS_OK);
	ck_assert_int_eq(r.id, c.id);
	ck_assert_int_eq(r.session_id, s);
	ck_assert_int_eq(r.document_id, d);
	ck_assert_int_eq(r.first_line, 2);
	ck_assert_int_eq(r.last_line, 3);
	ck_assert_int_eq(r.code_id, u);
	ck_assert_str_eq(r.coder, "anna");
	ck_assert_str_eq(r.memo, "erste Fassung");
	coding_clear(&r);
	ck_assert_ptr_null(r.coder);

	/* lines, code and memo change; session, document and coder stay */
	struct coding e = { .id = c.id, .session_id = other, .document_id = d2, .first_line = 9,
		.last_line = 10, .code_id = g, .coder = "ben", .memo = "zweite Fassung" };
	ck_assert_int_eq(coding_update(db, &e), STATUS_OK);
	ck_assert_int_eq(coding_read(db, c.id, &r), STATUS_OK);
	ck_assert_int_eq(r.session_id, s);
	ck_assert_int_eq(r.document_id, d);
	ck_assert_int_eq(r.first_line, 9);
	ck_assert_int_eq(r.last_line, 10);
	ck_assert_int_eq(r.code_id, g);
	ck_assert_str_eq(r.coder, "anna");
	ck_assert_str_eq(r.memo, "zweite Fassung");
	coding_clear(&r);
	e.memo = "";
	ck_assert_int_eq(coding_update(db, &e), STATUS_OK);
	ck_assert_int_eq(coding_read(db, c.id, &r), STATUS_OK);
	ck_assert_ptr_null(r.memo);
	coding_clear(&r);

	/* refusals: another session's code, no such code, no such coding */
	int64_t before = changes(db);
	e.code_id = foreign;
	ck_assert_int_eq(coding_update(db, &e), STATUS_NOT_FOUND);
	e.code_id = 999999;
	ck_assert_int_eq(coding_update(db, &e), STATUS_NOT_FOUND);
	ck_assert(fixture_contains(db_error(db), "999999"));
	e.code_id = u;
	e.id = 999999;
	ck_assert_int_eq(coding_update(db, &e), STATUS_NOT_FOUND);
	ck_assert(fixture_contains(db_error(db), "999999"));
	ck_assert_int_eq(coding_read(db, 999999, &r), STATUS_NOT_FOUND);
	ck_assert_int_eq(changes(db), before);
	ck_assert_int_eq(fixture_int1(db, "SELECT code_id FROM coding WHERE id = ?1", c.id), g);
	fixture_close(db, path);
}
END_TEST

/* ---- the codebook ------------------------------------------------- */

struct one_code {
	int calls;
	char type[16], name[64], path[96], colour[16], definition[96], memo[96];
	int64_t parent, codings;
};

static int copy_code(void *ctx, const struct code_info *c)
{
	struct one_code *o = ctx;
	o->calls++;
	snprintf(o->type, sizeof o->type, "%s", c->type);
	snprintf(o->name, sizeof o->name, "%s", c->name);
	snprintf(o->path, sizeof o->path, "%s", c->path);
	snprintf(o->colour, sizeof o->colour, "%s", c->colour);
	snprintf(o->definition, sizeof o->definition, "%s", c->definition);
	snprintf(o->memo, sizeof o->memo, "%s", c->memo);
	o->parent = c->parent_id;
	o->codings = c->codings;
	return 0;
}

static struct one_code read_code(struct db *db, int64_t id)
{
	struct one_code o;
	memset(&o, 0, sizeof o);
	enum status rc = code_read(db, id, copy_code, &o);
	ck_assert_msg(rc == STATUS_OK, "code_read %lld: %s", (long long)id, db_error(db));
	ck_assert_int_eq(o.calls, 1);
	return o;
}

START_TEST(test_codebook_rename_and_move)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Codebuch"), other = fixture_session(db, "Fremd");
	int64_t daten = free_code(db, s, "Daten", 0);
	int64_t eigentum = free_code(db, s, "Eigentum", daten);
	int64_t fremd = free_code(db, s, "Fremd", eigentum);
	int64_t zugang = free_code(db, s, "Zugang", daten);
	int64_t recht = free_code(db, s, "Recht", 0);
	int64_t recht_zugang = free_code(db, s, "Zugang", recht);
	int64_t other_code = free_code(db, other, "Anderswo", 0);
	int64_t u = fixture_item_code(db, "unseen", fixture_unseen(db, s, "Datenabfluss", 0));
	int64_t before = changes(db);

	/* rename: refusals change nothing and name the code */
	ck_assert_int_eq(code_rename(db, zugang, "Eigentum"), STATUS_CONFLICT);
	ck_assert_msg(fixture_contains(db_error(db), "Daten/Zugang") &&
		fixture_contains(db_error(db), "Eigentum"), "%s", db_error(db));
	ck_assert_int_eq(code_rename(db, zugang, ""), STATUS_INVALID);
	ck_assert(fixture_contains(db_error(db), "Daten/Zugang"));
	ck_assert_int_eq(code_rename(db, zugang, "a/b"), STATUS_INVALID);
	ck_assert_int_eq(code_rename(db, u, "Neu"), STATUS_INVALID);
	ck_assert_msg(fixture_contains(db_error(db), "Datenabfluss") &&
		fixture_contains(db_error(db), "unseen"), "%s", db_error(db));
	ck_assert_int_eq(code_rename(db, 999999, "Neu"), STATUS_NOT_FOUND);
	ck_assert(fixture_contains(db_error(db), "999999"));
	ck_assert_int_eq(changes(db), before);
	/* the same name elsewhere, and its own name, are fine */
	ck_assert_int_eq(code_rename(db, zugang, "Zugang"), STATUS_OK);
	ck_assert_int_eq(code_rename(db, eigentum, "Besitz"), STATUS_OK);
	ck_assert_str_eq(read_code(db, fremd).path, "Daten/Besitz/Fremd");
	int64_t found = 0;
	ck_assert_int_eq(code_find(db, s, "Daten/Besitz", &found), STATUS_OK);
	ck_assert_int_eq(found, eigentum);

	/* move: refusals */
	before = changes(db);
	ck_assert_int_eq(code_move(db, daten, daten), STATUS_INVALID);      /* itself */
	ck_assert(fixture_contains(db_error(db), "Daten"));
	ck_assert_int_eq(code_move(db, daten, fremd), STATUS_INVALID);      /* its grandchild */
	ck_assert_msg(fixture_contains(db_error(db), "Daten/Besitz/Fremd"), "%s", db_error(db));
	ck_assert_int_eq(code_move(db, zugang, recht), STATUS_CONFLICT);    /* Recht has a Zugang */
	ck_assert(fixture_contains(db_error(db), "Zugang"));
	ck_assert_int_eq(code_move(db, recht_zugang, daten), STATUS_CONFLICT);
	ck_assert_int_eq(code_move(db, zugang, u), STATUS_INVALID);         /* an item code */
	ck_assert(fixture_contains(db_error(db), "Datenabfluss"));
	ck_assert_int_eq(code_move(db, zugang, other_code), STATUS_INVALID); /* another session */
	ck_assert_int_eq(code_move(db, u, daten), STATUS_INVALID);          /* items are not moved */
	ck_assert_int_eq(code_move(db, zugang, 999999), STATUS_NOT_FOUND);
	ck_assert_int_eq(changes(db), before);
	ck_assert_str_eq(read_code(db, daten).path, "Daten");

	/* a subtree moves whole, to another parent and to the top */
	ck_assert_int_eq(code_move(db, eigentum, recht), STATUS_OK);
	ck_assert_str_eq(read_code(db, fremd).path, "Recht/Besitz/Fremd");
	ck_assert_int_eq(read_code(db, eigentum).parent, recht);
	ck_assert_int_eq(code_move(db, eigentum, 0), STATUS_OK);
	ck_assert_str_eq(read_code(db, eigentum).path, "Besitz");
	ck_assert_int_eq(read_code(db, eigentum).parent, 0);
	ck_assert_str_eq(read_code(db, fremd).path, "Besitz/Fremd");
	/* moving where it is already is no conflict with itself */
	ck_assert_int_eq(code_move(db, eigentum, 0), STATUS_OK);
	/* a name taken at the top */
	free_code(db, s, "Zugang2", 0);
	ck_assert_int_eq(code_rename(db, recht_zugang, "Zugang2"), STATUS_OK);
	ck_assert_int_eq(code_move(db, recht_zugang, 0), STATUS_CONFLICT);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_codebook_merge)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Zusammenführen"), other = fixture_session(db, "Fremd");
	int64_t d = fixture_document(db, s, "Protokoll", 0, "sha-m", ten, 10);
	int64_t d2 = fixture_document(db, s, "Zweites", 0, "sha-n", ten, 10);
	int64_t into = free_code(db, s, "Datenschutz", 0);
	int64_t into_child = free_code(db, s, "Recht", into);
	int64_t from = free_code(db, s, "Privatsphäre", 0);
	int64_t from_child = free_code(db, s, "Praxis", from);
	int64_t grandchild = free_code(db, s, "Alltag", from_child);
	int64_t bystander = free_code(db, s, "Sonstiges", 0);
	int64_t other_code = free_code(db, other, "Anderswo", 0);
	int64_t u = fixture_item_code(db, "unseen", fixture_unseen(db, s, "Datenabfluss", 0));

	/* INTO: 1-2 anna (no memo), 4-4 ben (memo "alt") */
	int64_t t1 = fixture_coding(db, s, d, 1, 2, into, "anna");
	int64_t t2 = fixture_coding(db, s, d, 4, 4, into, "ben");
	ck_assert_int_eq(db_exec(db, "UPDATE coding SET memo = 'alt' WHERE id = ?1", "i", t2),
		STATUS_OK);
	/* FROM: a duplicate of t1 with a memo, a duplicate of t2 with another
	 * memo, the same lines as t1 by another coder, the same lines in
	 * another document, and a passage of its own */
	int64_t f_dup1 = fixture_coding(db, s, d, 1, 2, from, "anna");
	int64_t f_dup2 = fixture_coding(db, s, d, 4, 4, from, "ben");
	ck_assert_int_eq(db_exec(db, "UPDATE coding SET memo = 'neu' WHERE id IN (?1, ?2)", "ii",
		f_dup1, f_dup2), STATUS_OK);
	int64_t f_ben = fixture_coding(db, s, d, 1, 2, from, "ben");
	int64_t f_doc2 = fixture_coding(db, s, d2, 1, 2, from, "anna");
	int64_t f_own = fixture_coding(db, s, d, 6, 8, from, "anna");
	int64_t child_coding = fixture_coding(db, s, d, 3, 3, from_child, "anna");
	int64_t keep = fixture_coding(db, s, d, 1, 2, bystander, "anna");
	int64_t before = changes(db);
	int64_t codes = fixture_int(db, "SELECT count(*) FROM code");

	/* refusals, each naming the codes and changing nothing */
	struct code_merge_result r;
	ck_assert_int_eq(code_merge(db, from, from, &r), STATUS_INVALID);
	ck_assert(fixture_contains(db_error(db), "Privatsphäre"));
	ck_assert_int_eq(code_merge(db, from, grandchild, &r), STATUS_INVALID);
	ck_assert_msg(fixture_contains(db_error(db), "Privatsphäre/Praxis/Alltag"), "%s", db_error(db));
	ck_assert_int_eq(code_merge(db, u, into, &r), STATUS_INVALID);          /* an item goes nowhere */
	ck_assert(fixture_contains(db_error(db), "Datenabfluss"));
	ck_assert_int_eq(code_merge(db, from, u, &r), STATUS_INVALID);          /* children, item target */
	ck_assert(fixture_contains(db_error(db), "Untercodes"));
	ck_assert_int_eq(code_merge(db, from, other_code, &r), STATUS_INVALID); /* another session */
	ck_assert_int_eq(code_merge(db, from, 999999, &r), STATUS_NOT_FOUND);
	ck_assert_int_eq(code_merge(db, 999999, into, &r), STATUS_NOT_FOUND);
	free_code(db, s, "Praxis", into);                                       /* a child name clash */
	before = changes(db);
	codes = fixture_int(db, "SELECT count(*) FROM code");
	ck_assert_int_eq(code_merge(db, from, into, &r), STATUS_CONFLICT);
	ck_assert_msg(fixture_contains(db_error(db), "Praxis"), "%s", db_error(db));
	ck_assert_int_eq(r.moved + r.duplicates + r.children, 0);
	ck_assert_int_eq(changes(db), before);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM code"), codes);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM coding WHERE code_id = ?1", from), 5);
	int64_t clash = 0;
	ck_assert_int_eq(code_find(db, s, "Datenschutz/Praxis", &clash), STATUS_OK);
	ck_assert_int_eq(code_delete(db, clash, NULL, NULL), STATUS_OK);

	/* the merge */
	ck_assert_int_eq(code_merge(db, from, into, &r), STATUS_OK);
	ck_assert_int_eq(r.duplicates, 2);
	ck_assert_int_eq(r.moved, 3);
	ck_assert_int_eq(r.children, 1);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM code WHERE id = ?1", from), 0);
	/* duplicates are gone, the rest carries INTO */
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM coding WHERE id IN (?1)", f_dup1), 0);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM coding WHERE id IN (?1)", f_dup2), 0);
	ck_assert_int_eq(fixture_int1(db, "SELECT code_id FROM coding WHERE id = ?1", f_ben), into);
	ck_assert_int_eq(fixture_int1(db, "SELECT code_id FROM coding WHERE id = ?1", f_doc2), into);
	ck_assert_int_eq(fixture_int1(db, "SELECT code_id FROM coding WHERE id = ?1", f_own), into);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM coding WHERE code_id = ?1", into), 5);
	ck_assert_int_eq(fixture_int1(db, "SELECT code_id FROM coding WHERE id = ?1", keep), bystander);
	/* no document, lines and coder twice under INTO */
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM (SELECT 1 FROM coding WHERE code_id = ?1"
		" GROUP BY document_id, first_line, last_line, coder_id HAVING count(*) > 1)", into), 0);
	/* memos: taken over where INTO had none, appended where they differ */
	ck_assert_int_eq(fixture_int1(db, "SELECT memo = 'neu' FROM coding WHERE id = ?1", t1), 1);
	ck_assert_int_eq(fixture_int1(db, "SELECT memo = 'alt' || char(10) || 'neu' FROM coding "
		"WHERE id = ?1", t2), 1);
	/* the children now hang under INTO, with their codings */
	ck_assert_str_eq(read_code(db, grandchild).path, "Datenschutz/Praxis/Alltag");
	ck_assert_str_eq(read_code(db, into_child).path, "Datenschutz/Recht");
	ck_assert_int_eq(fixture_int1(db, "SELECT code_id FROM coding WHERE id = ?1", child_coding),
		from_child);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM coding"), 7);   /* 9 less 2 duplicates */

	/* one transaction: a single undo group in the log */
	ck_assert_int_eq(fixture_int1(db, "SELECT count(DISTINCT change_group) FROM changelog "
		"WHERE id > ?1", before), 2);   /* the clash's delete, then the merge */

	/* a child into its parent; its own child may share its name */
	int64_t kid = free_code(db, s, "Kind", into);
	int64_t same_name = free_code(db, s, "Kind", kid);
	ck_assert_int_eq(code_merge(db, kid, into, &r), STATUS_OK);
	ck_assert_int_eq(r.children, 1);
	ck_assert_str_eq(read_code(db, same_name).path, "Datenschutz/Kind");

	/* a free code without children merges into an item code */
	int64_t leaf = free_code(db, s, "Blatt", 0);
	int64_t lc = fixture_coding(db, s, d, 9, 9, leaf, "anna");
	ck_assert_int_eq(code_merge(db, leaf, u, NULL), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, "SELECT code_id FROM coding WHERE id = ?1", lc), u);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_codebook_delete)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Löschen");
	int64_t d = fixture_document(db, s, "Protokoll", 0, "sha-l", ten, 10);
	int64_t top = free_code(db, s, "Oben", 0);
	int64_t mid = free_code(db, s, "Mitte", top);
	int64_t low = free_code(db, s, "Unten", mid);
	int64_t sibling = free_code(db, s, "Daneben", 0);
	int64_t u = fixture_item_code(db, "unseen", fixture_unseen(db, s, "Datenabfluss", 0));
	fixture_coding(db, s, d, 1, 1, top, "anna");
	fixture_coding(db, s, d, 2, 2, mid, "anna");
	fixture_coding(db, s, d, 3, 3, low, "anna");
	fixture_coding(db, s, d, 4, 4, low, "ben");
	fixture_coding(db, s, d, 5, 5, sibling, "anna");
	fixture_coding(db, s, d, 6, 6, u, "anna");

	int64_t codes = -1, codings = -1;
	ck_assert_int_eq(code_count_subtree(db, top, &codes, &codings), STATUS_OK);
	ck_assert_int_eq(codes, 2);
	ck_assert_int_eq(codings, 4);
	ck_assert_int_eq(code_count_subtree(db, low, &codes, &codings), STATUS_OK);
	ck_assert_int_eq(codes, 0);
	ck_assert_int_eq(codings, 2);
	ck_assert_int_eq(code_count_subtree(db, 999999, &codes, &codings), STATUS_NOT_FOUND);

	int64_t before = changes(db);
	ck_assert_int_eq(code_delete(db, u, &codes, &codings), STATUS_INVALID);
	ck_assert(fixture_contains(db_error(db), "Datenabfluss"));
	ck_assert_int_eq(code_delete(db, 999999, &codes, &codings), STATUS_NOT_FOUND);
	ck_assert_int_eq(changes(db), before);

	ck_assert_int_eq(code_delete(db, mid, &codes, &codings), STATUS_OK);
	ck_assert_int_eq(codes, 1);
	ck_assert_int_eq(codings, 3);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM code WHERE id IN (?1)", low), 0);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM coding"), 3);
	ck_assert_int_eq(read_code(db, top).codings, 1);
	ck_assert_int_eq(read_code(db, sibling).codings, 1);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_codebook_texts_and_colours)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Texte");
	int64_t daten = free_code(db, s, "Daten", 0);
	int64_t u = fixture_item_code(db, "unseen", fixture_unseen(db, s, "Datenabfluss", 0));

	static const char *const good[] = { "red", "Blue", "WHITE", "black", "green", "yellow",
		"magenta", "cyan", "#2e86ab", "#A23B72", "#000000" };
	static const char *const bad[] = { "", "purple", "#12345", "#1234567", "#12345g", "2e86ab",
		"red ", " red", "#", "rot" };
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		ck_assert_msg(code_colour_valid(good[i]), "%s", good[i]);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!code_colour_valid(bad[i]), "%s", bad[i]);
	ck_assert(!code_colour_valid(NULL));

	ck_assert_int_eq(code_set_definition(db, daten, "Aussagen über Daten"), STATUS_OK);
	ck_assert_int_eq(code_set_colour(db, daten, "#2e86ab"), STATUS_OK);
	ck_assert_int_eq(code_set_memo(db, daten, "zu klären:\nEigentum?"), STATUS_OK);
	struct one_code c = read_code(db, daten);
	ck_assert_str_eq(c.definition, "Aussagen über Daten");
	ck_assert_str_eq(c.colour, "#2e86ab");
	ck_assert_str_eq(c.memo, "zu klären:\nEigentum?");
	/* item codes get them too */
	ck_assert_int_eq(code_set_colour(db, u, "Magenta"), STATUS_OK);
	ck_assert_int_eq(code_set_memo(db, u, "Kernthema"), STATUS_OK);
	ck_assert_int_eq(code_set_definition(db, u, "Daten verlassen den Betrieb"), STATUS_OK);
	c = read_code(db, u);
	ck_assert_str_eq(c.colour, "Magenta");
	ck_assert_str_eq(c.memo, "Kernthema");
	ck_assert_str_eq(c.definition, "Daten verlassen den Betrieb");
	ck_assert_str_eq(c.type, "unseen");

	/* refusals */
	int64_t before = changes(db);
	ck_assert_int_eq(code_set_colour(db, daten, "lila"), STATUS_INVALID);
	ck_assert(fixture_contains(db_error(db), "lila"));
	ck_assert_int_eq(code_set_memo(db, 999999, "x"), STATUS_NOT_FOUND);
	ck_assert_int_eq(code_set_definition(db, 999999, "x"), STATUS_NOT_FOUND);
	ck_assert_int_eq(code_set_colour(db, 999999, "red"), STATUS_NOT_FOUND);
	int64_t x = 0;
	ck_assert_int_eq(code_create_free(db, s, "Bunt", 0, "regenbogen", NULL, &x), STATUS_INVALID);
	ck_assert(fixture_contains(db_error(db), "regenbogen"));
	ck_assert_int_eq(changes(db), before);
	ck_assert_str_eq(read_code(db, daten).colour, "#2e86ab");

	/* empty clears */
	ck_assert_int_eq(code_set_definition(db, daten, ""), STATUS_OK);
	ck_assert_int_eq(code_set_colour(db, daten, NULL), STATUS_OK);
	ck_assert_int_eq(code_set_memo(db, daten, ""), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, "SELECT definition IS NULL AND colour IS NULL AND "
		"memo IS NULL FROM code WHERE id = ?1", daten), 1);
	ck_assert_int_eq(code_create_free(db, s, "Leer", 0, "", "", &x), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, "SELECT definition IS NULL AND colour IS NULL "
		"FROM code WHERE id = ?1", x), 1);
	ck_assert_int_eq(code_read(db, 999999, copy_code, &c), STATUS_NOT_FOUND);
	fixture_close(db, path);
}
END_TEST

/* ---- frequencies -------------------------------------------------- */

struct counts {
	char text[512];
};

static int collect_count(void *ctx, const struct coding_count *c)
{
	struct counts *r = ctx;
	snprintf(r->text + strlen(r->text), sizeof r->text - strlen(r->text), "%s=%lld;", c->key,
		(long long)c->count);
	return 0;
}

static const char *frequencies(struct db *db, int64_t s, enum coding_by by, struct counts *r)
{
	r->text[0] = '\0';
	ck_assert_int_eq(coding_frequencies(db, s, by, collect_count, r), STATUS_OK);
	return r->text;
}

START_TEST(test_frequencies)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Häufigkeiten"), other = fixture_session(db, "Fremd");
	int64_t d1 = fixture_document(db, s, "Erstes", 0, "sha-1", ten, 10);
	int64_t d2 = fixture_document(db, s, "Zweites", 0, "sha-2", ten, 10);
	fixture_document(db, s, "Leer", 0, "sha-3", ten, 10);
	int64_t od = fixture_document(db, other, "Fremd", 0, "sha-1", ten, 10);
	int64_t u = fixture_item_code(db, "unseen", fixture_unseen(db, s, "Datenabfluss", 0));
	int64_t daten = free_code(db, s, "Daten", 0);
	int64_t eigentum = free_code(db, s, "Eigentum", daten);
	fixture_coding(db, s, d1, 1, 1, u, "ben");
	fixture_coding(db, s, d1, 2, 2, u, "anna");
	fixture_coding(db, s, d2, 1, 3, eigentum, "anna");
	fixture_coding(db, s, d2, 5, 5, u, "anna");
	fixture_coding(db, other, od, 1, 1,
		fixture_item_code(db, "unseen", fixture_unseen(db, other, "Fremd", 0)), "carla");

	struct counts r;
	ck_assert_str_eq(frequencies(db, s, CODING_BY_CODE, &r),
		"Datenabfluss=3;Daten=0;Daten/Eigentum=1;");
	ck_assert_str_eq(frequencies(db, s, CODING_BY_DOCUMENT, &r), "Erstes=2;Zweites=2;Leer=0;");
	ck_assert_str_eq(frequencies(db, s, CODING_BY_CODER, &r), "anna=3;ben=1;");
	ck_assert_str_eq(frequencies(db, other, CODING_BY_CODER, &r), "carla=1;");
	ck_assert_int_eq(coding_frequencies(db, s, (enum coding_by)7, collect_count, &r),
		STATUS_INVALID);
	int64_t n = 0;
	ck_assert_int_eq(document_count_codings(db, d1, &n), STATUS_OK);
	ck_assert_int_eq(n, 2);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_coding_parse_lines_one_grammar)
{
	int64_t a = 0, b = 0;
	static const struct { const char *text; int64_t first, last; } ok[] = {
		{ "12", 12, 12 }, { "12-15", 12, 15 }, { "12–15", 12, 15 }, { "12 - 15", 12, 15 },
		{ " 3 – 4 ", 3, 4 }, { "9223372036854775807", INT64_MAX, INT64_MAX },
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		ck_assert_msg(coding_parse_lines(ok[i].text, &a, &b), "refused \"%s\"", ok[i].text);
		ck_assert_int_eq(a, ok[i].first);
		ck_assert_int_eq(b, ok[i].last);
	}
	static const char *const bad[] = { "", "-", "0", "0-3", "3-", "-3", "1-2-3", "12x", "1,2",
		"+4", "9223372036854775808", "12—15", "1 2", NULL };
	for (size_t i = 0; bad[i]; i++)
		ck_assert_msg(!coding_parse_lines(bad[i], &a, &b), "accepted \"%s\"", bad[i]);
	ck_assert(!coding_parse_lines(NULL, &a, &b));
}
END_TEST

START_TEST(test_code_types_follow_the_item_kinds)
{
	/* Every kind that is a code, in the order codes are listed, then "free". */
	static const char *const order[] = { "unseen", "goal", "measure", "soro", "stakeholder",
		"variable", "free" };
	ck_assert_uint_eq(code_type_count(), sizeof order / sizeof order[0]);
	for (size_t i = 0; i < code_type_count(); i++)
		ck_assert_str_eq(code_type_at(i), order[i]);
	ck_assert_ptr_null(code_type_at(code_type_count()));
	size_t codes = 0;
	for (int k = 0; k < ITEM_KIND_COUNT; k++) {
		const struct item_type *t = item_type((enum item_kind)k);
		ck_assert_int_eq(code_type_known(t->name), t->is_code);
		codes += t->is_code;
		ck_assert_str_ne(t->plural, t->label);
	}
	ck_assert_uint_eq(codes + 1, code_type_count());
	ck_assert_str_eq(code_type_plural("soro"), "SoRO-Aussagen");
	ck_assert_str_eq(code_type_plural("free"), "Freie Codes");
	ck_assert_str_eq(code_type_plural("component"), "component");
	ck_assert(!code_type_known(NULL));
}
END_TEST

Suite *coding_suite(void)
{
	Suite *s = suite_create("coding");
	TCase *ranges = tcase_create("ranges");
	tcase_add_unchecked_fixture(ranges, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(ranges, test_range_overlap_and_nesting);
	tcase_add_test(ranges, test_coding_parse_lines_one_grammar);
	tcase_add_test(ranges, test_code_types_follow_the_item_kinds);
	tcase_add_test(ranges, test_range_refusals_name_document_and_lines);
	tcase_add_test(ranges, test_coding_read_and_update);
	tcase_add_test(ranges, test_coding_twin_refused);
	suite_add_tcase(s, ranges);
	TCase *book = tcase_create("codebook");
	tcase_add_unchecked_fixture(book, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(book, test_codebook_rename_and_move);
	tcase_add_test(book, test_codebook_merge);
	tcase_add_test(book, test_codebook_delete);
	tcase_add_test(book, test_codebook_texts_and_colours);
	tcase_add_test(book, test_frequencies);
	suite_add_tcase(s, book);
	return s;
}

/* model/document, model/coding and model/hinge: imported documents and
 * their lines, codes (items and the free codebook), codings, and the
 * rows of the hinge table and of the chapter hinge table.  The codebook's
 * edits and the reader's ranges are in test_coding.c. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"
#include "model/hinge.h"
#include "model/item.h"
#include "model/session.h"

#define T(kind) item_type(kind)

static const char *const minutes[] = {
	"Protokoll der Untergruppe KMU, 5. März 2020",
	"Teilnehmende: Müller, Schröder, Öztürk",
	"Frau Müller: „Wem gehören die Maschinendaten?“",
	"Herr Schröder: Das regelt kein Vertrag.",
	"Ergebnis: Datensouveränität als Ziel.",
};

struct lines {
	int n;
	int64_t number[16];
	char text[16][128];
};

static int collect_line(void *ctx, int64_t number, const char *text)
{
	struct lines *l = ctx;
	if (l->n < 16) {
		l->number[l->n] = number;
		snprintf(l->text[l->n], sizeof l->text[0], "%s", text);
		l->n++;
	}
	return 0;
}

static int stop_first_line(void *ctx, int64_t number, const char *text)
{
	collect_line(ctx, number, text);
	return 1;
}

START_TEST(test_document_import_and_read)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t c = fixture_component(db, s, 1, "Daten");
	struct document doc = {
		.session_id = s, .title = "Protokoll UG1", .kind = "minutes", .date = "2020-03-05",
		.component_id = c, .filename = "ug1.txt",
		.sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
		.participants = "Müller, Schröder", .memo = "erste Sitzung",
	};
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	ck_assert_int_eq(document_create(db, &doc), STATUS_OK);
	ck_assert_int_gt(doc.id, 0);
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(document_add_line(db, doc.id, i + 1, minutes[i]), STATUS_OK);
	ck_assert_int_eq(document_finish(db, doc.id, 5), STATUS_OK);
	ck_assert_int_eq(db_end(db, STATUS_OK), STATUS_OK);

	struct document r;
	ck_assert_int_eq(document_read(db, doc.id, &r), STATUS_OK);
	ck_assert_int_eq(r.session_id, s);
	ck_assert_str_eq(r.title, "Protokoll UG1");
	ck_assert_str_eq(r.kind, "minutes");
	ck_assert_str_eq(r.date, "2020-03-05");
	ck_assert_int_eq(r.component_id, c);
	ck_assert_str_eq(r.filename, "ug1.txt");
	ck_assert_str_eq(r.sha256, doc.sha256);
	ck_assert_int_eq(r.line_count, 5);
	ck_assert_str_eq(r.participants, "Müller, Schröder");
	ck_assert_str_eq(r.memo, "erste Sitzung");
	ck_assert_ptr_nonnull(r.imported);
	ck_assert_uint_eq(strlen(r.imported), 20);
	document_clear(&r);
	ck_assert_ptr_null(r.title);

	/* a range of lines, exactly */
	struct lines l = { .n = 0 };
	ck_assert_int_eq(document_lines(db, doc.id, 2, 3, collect_line, &l), STATUS_OK);
	ck_assert_int_eq(l.n, 2);
	ck_assert_int_eq(l.number[0], 2);
	ck_assert_str_eq(l.text[0], minutes[1]);
	ck_assert_int_eq(l.number[1], 3);
	ck_assert_str_eq(l.text[1], minutes[2]);
	/* past the end: only what is there */
	l.n = 0;
	ck_assert_int_eq(document_lines(db, doc.id, 4, 99, collect_line, &l), STATUS_OK);
	ck_assert_int_eq(l.n, 2);
	ck_assert_int_eq(l.number[1], 5);
	l.n = 0;
	ck_assert_int_eq(document_lines(db, doc.id, 1, 5, stop_first_line, &l), STATUS_OK);
	ck_assert_int_eq(l.n, 1);
	l.n = 0;
	ck_assert_int_eq(document_lines(db, doc.id, 3, 2, collect_line, &l), STATUS_OK);
	ck_assert_int_eq(l.n, 0);
	/* lines are never edited */
	ck_assert_int_ne(db_exec(db, "UPDATE line SET text = 'x' WHERE document_id = ?1", "i", doc.id),
		STATUS_OK);
	l.n = 0;
	ck_assert_int_eq(document_lines(db, doc.id, 1, 1, collect_line, &l), STATUS_OK);
	ck_assert_str_eq(l.text[0], minutes[0]);

	/* metadata can change, lines stay */
	ck_assert_int_eq(document_read(db, doc.id, &r), STATUS_OK);
	free(r.title);
	r.title = strdup("Protokoll Untergruppe 1");
	free(r.kind);
	r.kind = strdup("paper");
	r.component_id = 0;
	ck_assert_int_eq(document_update(db, &r), STATUS_OK);
	free(r.kind);
	r.kind = strdup("letter");
	ck_assert_int_eq(document_update(db, &r), STATUS_INVALID);
	char name[32];
	snprintf(name, sizeof name, "Dokument %lld: \"letter\"", (long long)doc.id);
	ck_assert_msg(fixture_contains(db_error(db), name), "%s", db_error(db));
	free(r.kind);
	r.kind = strdup("paper");
	free(r.title);
	r.title = strdup("");
	ck_assert_int_eq(document_update(db, &r), STATUS_INVALID);
	snprintf(name, sizeof name, "Dokument %lld: der Titel", (long long)doc.id);
	ck_assert_msg(fixture_contains(db_error(db), name), "%s", db_error(db));
	document_clear(&r);
	ck_assert_int_eq(document_read(db, doc.id, &r), STATUS_OK);
	ck_assert_str_eq(r.title, "Protokoll Untergruppe 1");
	ck_assert_str_eq(r.kind, "paper");
	ck_assert_int_eq(r.component_id, 0);
	ck_assert_int_eq(r.line_count, 5);
	document_clear(&r);

	int64_t id = 0;
	char key[32];
	snprintf(key, sizeof key, "%lld", (long long)doc.id);
	ck_assert_int_eq(document_find(db, s, key, &id), STATUS_OK);
	ck_assert_int_eq(id, doc.id);
	ck_assert_int_eq(document_find(db, s, "Protokoll Untergruppe 1", &id), STATUS_OK);
	ck_assert_int_eq(document_find(db, s, "ug1.txt", &id), STATUS_OK);
	ck_assert_int_eq(id, doc.id);
	ck_assert_int_eq(document_find(db, s, "nichts", &id), STATUS_NOT_FOUND);

	ck_assert_int_eq(document_delete(db, doc.id), STATUS_OK);
	ck_assert_int_eq(document_read(db, doc.id, &r), STATUS_NOT_FOUND);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM line WHERE document_id = ?1", doc.id), 0);
	ck_assert_int_eq(document_delete(db, doc.id), STATUS_NOT_FOUND);
	fixture_close(db, path);
}
END_TEST

static enum status try_create(struct db *db, struct document *doc)
{
	enum status rc = db_begin(db);
	ck_assert_int_eq(rc, STATUS_OK);
	return db_end(db, document_create(db, doc));
}

START_TEST(test_document_refusals)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU"), other = fixture_session(db, "Gesundheit");
	int64_t c_other = fixture_component(db, other, 1, "Kliniken");
	int64_t d = fixture_document(db, s, "Protokoll", 0, "abc123", minutes, 5);

	/* the same file twice in one session: refused, naming the first */
	struct document again = { .session_id = s, .title = "Nochmal", .kind = "minutes",
		.filename = "wieder.txt", .sha256 = "abc123" };
	ck_assert_int_eq(try_create(db, &again), STATUS_CONFLICT);
	ck_assert(fixture_contains(db_error(db), "wieder.txt"));
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM document WHERE session_id = ?1", s), 1);
	/* in another session it is welcome */
	again.session_id = other;
	ck_assert_int_eq(try_create(db, &again), STATUS_OK);
	ck_assert_int_ne(again.id, d);

	/* each refusal names the file */
	struct document bad = { .session_id = s, .title = "", .kind = "minutes", .sha256 = "x1",
		.filename = "ug2.txt" };
	ck_assert_int_eq(try_create(db, &bad), STATUS_INVALID);
	ck_assert_msg(fixture_contains(db_error(db), "ug2.txt: der Titel"), "%s", db_error(db));
	bad.title = "Titel";
	bad.kind = "letter";
	ck_assert_int_eq(try_create(db, &bad), STATUS_INVALID);
	ck_assert_msg(fixture_contains(db_error(db), "ug2.txt: \"letter\""), "%s", db_error(db));
	bad.kind = NULL;
	ck_assert_int_eq(try_create(db, &bad), STATUS_INVALID);
	bad.kind = "draft";
	bad.component_id = c_other;
	ck_assert_int_eq(try_create(db, &bad), STATUS_NOT_FOUND);
	ck_assert_msg(fixture_contains(db_error(db), "ug2.txt: Komponente"), "%s", db_error(db));
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM document WHERE session_id = ?1", s), 1);
	ck_assert(document_kind_valid("other"));
	ck_assert(!document_kind_valid("Minutes"));
	ck_assert_str_eq(document_kind_label("draft"), "Weißbuch-Entwurf");
	ck_assert_str_eq(document_kind_label("letter"), "letter");
	fixture_close(db, path);
}
END_TEST

/* The search index numbers a line document * 2^32 + line: a line number
 * past 2^32 - 1 would land on the next document's lines, a document
 * number past 2^31 - 1 outside the 64-bit rowid.  Both are refused with
 * their numbers, before anything is written. */
START_TEST(test_document_numbers_fit_the_index)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t d = fixture_document(db, s, "Protokoll", 0, "sha-1", minutes, 5);
	int64_t lines = fixture_int(db, "SELECT count(*) FROM line");
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	ck_assert_int_eq(document_add_line(db, d, DOCUMENT_LINES_MAX + 1, "zu weit"), STATUS_INVALID);
	ck_assert_msg(fixture_contains(db_error(db), "4294967296"), "%s", db_error(db));
	ck_assert_int_eq(document_add_line(db, d, 0, "null"), STATUS_INVALID);
	ck_assert_int_eq(db_end(db, STATUS_INVALID), STATUS_INVALID);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM line"), lines);

	/* the highest number still fits; the next one does not */
	ck_assert_int_eq(db_exec(db, "INSERT INTO document(id, session_id, title, sha256)"
		" VALUES (?1, ?2, 'Letztes', 'sha-2')", "ii", DOCUMENT_ID_MAX, s), STATUS_OK);
	struct document next = { .session_id = s, .title = "Zu viel", .kind = "minutes",
		.filename = "zuviel.txt", .sha256 = "sha-3" };
	ck_assert_int_eq(try_create(db, &next), STATUS_INVALID);
	ck_assert_msg(fixture_contains(db_error(db), "zuviel.txt: Dokument 2147483648"), "%s",
		db_error(db));
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM document WHERE sha256 = 'sha-3'"), 0);
	fixture_close(db, path);
}
END_TEST

struct docs {
	int n;
	int64_t id[8], codings[8];
};

static int collect_doc(void *ctx, const struct document *doc, int64_t codings)
{
	struct docs *d = ctx;
	if (d->n < 8) {
		d->id[d->n] = doc->id;
		d->codings[d->n] = codings;
		d->n++;
	}
	return 0;
}

START_TEST(test_document_list)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU"), other = fixture_session(db, "Andere");
	int64_t d1 = fixture_document(db, s, "Eins", 0, "s1", minutes, 5);
	fixture_document(db, other, "Fremd", 0, "s1", minutes, 5);
	int64_t d2 = fixture_document(db, s, "Zwei", 0, "s2", minutes, 2);
	int64_t u = fixture_unseen(db, s, "Unseen", 0);
	fixture_coding(db, s, d2, 1, 2, fixture_item_code(db, "unseen", u), "anna");
	fixture_coding(db, s, d2, 2, 2, fixture_item_code(db, "unseen", u), "anna");
	struct docs d = { .n = 0 };
	ck_assert_int_eq(document_list(db, s, collect_doc, &d), STATUS_OK);
	ck_assert_int_eq(d.n, 2);
	ck_assert_int_eq(d.id[0], d1);
	ck_assert_int_eq(d.codings[0], 0);
	ck_assert_int_eq(d.id[1], d2);
	ck_assert_int_eq(d.codings[1], 2);
	/* deleting a document deletes its codings */
	ck_assert_int_eq(document_delete(db, d2), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM coding"), 0);
	fixture_close(db, path);
}
END_TEST

/* A quote for the screen: the lines joined by line breaks as far as
 * they fit, the cut never inside a character (a byte of "ä" alone is no
 * text), and nothing after a cut. */
START_TEST(test_document_append_lines)
{
	static const char *const umlauts[] = { "aää", "ö", "zwei" };
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t d = fixture_document(db, s, "Umlaute", 0, "su", umlauts, 3);
	char buf[32] = "";
	ck_assert_int_eq(document_append_lines(db, d, 1, 3, buf, sizeof buf), STATUS_OK);
	ck_assert_str_eq(buf, "aää\nö\nzwei");
	/* "aä" and the first byte of the second "ä" fit in four bytes */
	static const struct { size_t size; const char *want; } cuts[] = {
		{ 2, "a" }, { 3, "a" }, { 4, "aä" }, { 5, "aä" }, { 6, "aää" }, { 7, "aää\n" },
		{ 8, "aää\n" }, { 9, "aää\nö" },
	};
	for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
		memset(buf, 'x', sizeof buf);
		buf[0] = '\0';
		ck_assert_int_eq(document_append_lines(db, d, 1, 3, buf, cuts[i].size), STATUS_OK);
		ck_assert_msg(strcmp(buf, cuts[i].want) == 0, "size %zu: \"%s\", expected \"%s\"",
			cuts[i].size, buf, cuts[i].want);
	}
	/* on a line of its own after what BUF holds already */
	snprintf(buf, sizeof buf, "Z. 2:");
	ck_assert_int_eq(document_append_lines(db, d, 2, 2, buf, sizeof buf), STATUS_OK);
	ck_assert_str_eq(buf, "Z. 2:\nö");
	snprintf(buf, sizeof buf, "Z. 2:");
	ck_assert_int_eq(document_append_lines(db, d, 2, 2, buf, 8), STATUS_OK);
	ck_assert_str_eq(buf, "Z. 2:\n");
	fixture_close(db, path);
}
END_TEST

START_TEST(test_coding_refusals)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU"), other = fixture_session(db, "Andere");
	int64_t d = fixture_document(db, s, "Protokoll", 0, "sha", minutes, 5);
	int64_t d_other = fixture_document(db, other, "Fremd", 0, "sha", minutes, 5);
	int64_t code = fixture_item_code(db, "unseen", fixture_unseen(db, s, "Unseen", 0));
	int64_t code_other = fixture_item_code(db, "unseen", fixture_unseen(db, other, "Fremd", 0));
	int64_t changes = fixture_int(db, "SELECT count(*) FROM changelog");

	struct { int64_t doc, first, last, code; enum status status; } cases[] = {
		{ d, 4, 6, code, STATUS_INVALID },         /* past the end */
		{ d, 6, 6, code, STATUS_INVALID },
		{ d, 3, 2, code, STATUS_INVALID },         /* last before first */
		{ d, 0, 2, code, STATUS_INVALID },         /* no line 0 */
		{ d, -1, 2, code, STATUS_INVALID },
		{ d, 1, 2, code_other, STATUS_NOT_FOUND }, /* code of another session */
		{ d, 1, 2, 999999, STATUS_NOT_FOUND },
		{ d_other, 1, 2, code, STATUS_NOT_FOUND }, /* document of another session */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct coding c = { .session_id = s, .document_id = cases[i].doc,
			.first_line = cases[i].first, .last_line = cases[i].last, .code_id = cases[i].code,
			.coder = "anna" };
		ck_assert_msg(coding_create(db, &c) == cases[i].status, "case %zu: %s", i, db_error(db));
		ck_assert(db_error(db)[0] != '\0');
	}
	struct coding nobody = { .session_id = s, .document_id = d, .first_line = 1, .last_line = 1,
		.code_id = code, .coder = "" };
	ck_assert_int_eq(coding_create(db, &nobody), STATUS_INVALID);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM coding"), 0);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM coder"), 0);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM changelog"), changes);

	/* the edges are fine: whole document, single last line */
	struct coding ok = { .session_id = s, .document_id = d, .first_line = 1, .last_line = 5,
		.code_id = code, .coder = "anna", .memo = "Kernaussage" };
	ck_assert_int_eq(coding_create(db, &ok), STATUS_OK);
	ck_assert_int_gt(ok.id, 0);
	ok.first_line = ok.last_line = 5;
	ok.memo = "";
	ck_assert_int_eq(coding_create(db, &ok), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, "SELECT memo IS NULL FROM coding WHERE id = ?1", ok.id), 1);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM coding"), 2);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM coder"), 1);
	ck_assert_int_eq(coding_delete(db, ok.id), STATUS_OK);
	ck_assert_int_eq(coding_delete(db, ok.id), STATUS_NOT_FOUND);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM coding"), 1);

	int64_t id1 = 0, id2 = 0;
	ck_assert_int_eq(coder_ensure(db, "ben", &id1), STATUS_OK);
	ck_assert_int_eq(coder_ensure(db, "ben", &id2), STATUS_OK);
	ck_assert_int_eq(id1, id2);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_code_free_and_find)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU"), other = fixture_session(db, "Andere");
	int64_t u = fixture_unseen(db, s, "Datenverlust", 0);
	int64_t u_code = fixture_item_code(db, "unseen", u);
	int64_t daten = 0, eigentum = 0, zugang = 0, x = 0, other_daten = 0;
	ck_assert_int_eq(code_create_free(db, s, "Daten", 0, "#ff0000", "Alles zu Daten", &daten), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "Eigentum", daten, NULL, NULL, &eigentum), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "Zugang", daten, NULL, NULL, &zugang), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, other, "Daten", 0, NULL, NULL, &other_daten), STATUS_OK);
	int64_t codes = fixture_int(db, "SELECT count(*) FROM code");

	/* refusals */
	ck_assert_int_eq(code_create_free(db, s, "Eigentum", daten, NULL, NULL, &x), STATUS_CONFLICT);
	ck_assert(fixture_contains(db_error(db), "Eigentum"));
	ck_assert_int_eq(code_create_free(db, s, "Daten", 0, NULL, NULL, &x), STATUS_CONFLICT);
	ck_assert_int_eq(code_create_free(db, s, "Daten/Eigentum", 0, NULL, NULL, &x), STATUS_INVALID);
	ck_assert_msg(fixture_contains(db_error(db), "\"Daten/Eigentum\""), "%s", db_error(db));
	ck_assert_int_eq(code_create_free(db, s, "", 0, NULL, NULL, &x), STATUS_INVALID);
	ck_assert_int_eq(code_create_free(db, s, "Kind", other_daten, NULL, NULL, &x), STATUS_NOT_FOUND);
	ck_assert_int_eq(code_create_free(db, s, "Kind", u_code, NULL, NULL, &x), STATUS_NOT_FOUND);
	ck_assert_int_eq(code_create_free(db, 999999, "Waise", 0, NULL, NULL, &x), STATUS_NOT_FOUND);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM code"), codes);
	/* the same name elsewhere in the tree is fine */
	int64_t zugang2 = 0;
	ck_assert_int_eq(code_create_free(db, s, "Zugang", eigentum, NULL, NULL, &zugang2), STATUS_OK);

	int64_t id = 0;
	char key[32];
	snprintf(key, sizeof key, "%lld", (long long)eigentum);
	ck_assert_int_eq(code_find(db, s, key, &id), STATUS_OK);
	ck_assert_int_eq(id, eigentum);
	snprintf(key, sizeof key, "%lld", (long long)other_daten);
	ck_assert_int_eq(code_find(db, s, key, &id), STATUS_NOT_FOUND);   /* another session's */
	ck_assert_int_eq(code_find(db, s, "Datenverlust", &id), STATUS_OK);
	ck_assert_int_eq(id, u_code);
	ck_assert_int_eq(code_find(db, s, "Daten/Eigentum", &id), STATUS_OK);
	ck_assert_int_eq(id, eigentum);
	ck_assert_int_eq(code_find(db, s, "Eigentum", &id), STATUS_OK);
	ck_assert_int_eq(id, eigentum);
	ck_assert_int_eq(code_find(db, s, "Daten", &id), STATUS_OK);
	ck_assert_int_eq(id, daten);
	ck_assert_int_eq(code_find(db, other, "Daten", &id), STATUS_OK);
	ck_assert_int_eq(id, other_daten);
	ck_assert_int_eq(code_find(db, s, "Daten/Eigentum/Zugang", &id), STATUS_OK);
	ck_assert_int_eq(id, zugang2);
	ck_assert_int_eq(code_find(db, s, "Daten/Zugang", &id), STATUS_OK);
	ck_assert_int_eq(id, zugang);
	ck_assert_int_eq(code_find(db, s, "Zugang", &id), STATUS_CONFLICT);   /* two of them */
	ck_assert_int_eq(code_find(db, s, "Eigentum/Zugang", &id), STATUS_NOT_FOUND);
	ck_assert_int_eq(code_find(db, s, "Datenverlust/", &id), STATUS_NOT_FOUND);
	ck_assert(fixture_contains(db_error(db), "Datenverlust/"));
	fixture_close(db, path);
}
END_TEST

struct code_rows {
	int n;
	int64_t id[16], codings[16];
	char type[16][16], path[16][64], name[16][64];
};

static int collect_code(void *ctx, const struct code_info *info)
{
	struct code_rows *r = ctx;
	if (r->n < 16) {
		r->id[r->n] = info->id;
		r->codings[r->n] = info->codings;
		snprintf(r->type[r->n], sizeof r->type[0], "%s", info->type);
		snprintf(r->path[r->n], sizeof r->path[0], "%s", info->path);
		snprintf(r->name[r->n], sizeof r->name[0], "%s", info->name);
		r->n++;
	}
	return 0;
}

START_TEST(test_code_list_and_item_delete)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t g = fixture_goal(db, s, "Souveränität", 0);
	int64_t u = fixture_unseen(db, s, "Datenverlust", 0);
	int64_t daten = 0, eigentum = 0;
	ck_assert_int_eq(code_create_free(db, s, "Daten", 0, "#00ff00", NULL, &daten), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "Eigentum", daten, NULL, NULL, &eigentum), STATUS_OK);
	int64_t d = fixture_document(db, s, "Protokoll", 0, "sha", minutes, 5);
	int64_t u_code = fixture_item_code(db, "unseen", u);
	fixture_coding(db, s, d, 1, 2, u_code, "anna");
	fixture_coding(db, s, d, 3, 3, u_code, "ben");
	fixture_coding(db, s, d, 3, 4, eigentum, "anna");

	struct code_rows r = { .n = 0 };
	ck_assert_int_eq(code_list(db, s, collect_code, &r), STATUS_OK);
	ck_assert_int_eq(r.n, 4);
	/* grouped by type: unseen, goal, ..., free codes in codebook order */
	ck_assert_str_eq(r.type[0], "unseen");
	ck_assert_str_eq(r.name[0], "Datenverlust");
	ck_assert_int_eq(r.codings[0], 2);
	ck_assert_str_eq(r.type[1], "goal");
	ck_assert_int_eq(r.id[1], fixture_item_code(db, "goal", g));
	ck_assert_str_eq(r.type[2], "free");
	ck_assert_str_eq(r.path[2], "Daten");
	ck_assert_str_eq(r.type[3], "free");
	ck_assert_str_eq(r.path[3], "Daten/Eigentum");
	ck_assert_str_eq(r.name[3], "Eigentum");
	ck_assert_int_eq(r.codings[3], 1);
	ck_assert_str_eq(r.path[0], "");

	/* deleting the unseen deletes its code and its codings, no others */
	ck_assert_int_eq(item_delete(db, T(ITEM_UNSEEN), u), STATUS_OK);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM code WHERE id = ?1", u_code), 0);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM coding WHERE code_id = ?1", u_code), 0);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM coding"), 1);
	int64_t id = 0;
	ck_assert_int_eq(code_find(db, s, "Datenverlust", &id), STATUS_NOT_FOUND);
	/* deleting a parent code deletes its children and their codings */
	ck_assert_int_eq(db_exec(db, "DELETE FROM code WHERE id = ?1", "i", daten), STATUS_OK);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM coding"), 0);
	ck_assert_int_eq(fixture_int1(db, "SELECT count(*) FROM code WHERE session_id = ?1", s), 1);
	fixture_close(db, path);
}
END_TEST

/* Hinge rows, copied out of the callback. */
struct hinge_rows {
	int n;
	struct {
		int64_t coding_id, code_id, first, last;
		char component[8], type[16], path[64], code[96], document[64], kind[16];
		char quote[512], coder[16], memo[64], session[32];
	} row[16];
};

static int collect_hinge(void *ctx, const struct hinge_row *h)
{
	struct hinge_rows *r = ctx;
	if (r->n >= 16)
		return 1;
	r->row[r->n].coding_id = h->coding_id;
	r->row[r->n].code_id = h->code_id;
	r->row[r->n].first = h->first_line;
	r->row[r->n].last = h->last_line;
	snprintf(r->row[r->n].component, sizeof r->row[0].component, "%s", h->component);
	snprintf(r->row[r->n].type, sizeof r->row[0].type, "%s", h->code_type);
	snprintf(r->row[r->n].path, sizeof r->row[0].path, "%s", h->code_path);
	snprintf(r->row[r->n].code, sizeof r->row[0].code, "%s", h->code);
	snprintf(r->row[r->n].document, sizeof r->row[0].document, "%s", h->document);
	snprintf(r->row[r->n].kind, sizeof r->row[0].kind, "%s", h->document_kind);
	snprintf(r->row[r->n].quote, sizeof r->row[0].quote, "%s", h->quote);
	snprintf(r->row[r->n].coder, sizeof r->row[0].coder, "%s", h->coder);
	snprintf(r->row[r->n].memo, sizeof r->row[0].memo, "%s", h->memo);
	snprintf(r->row[r->n].session, sizeof r->row[0].session, "%s", h->session);
	ck_assert(h->coded_at[0] != '\0');
	r->n++;
	return 0;
}

struct hinge_world {
	char path[FIXTURE_PATH_MAX];
	struct db *db;
	int64_t s, d1, d2;
	int64_t k_goal, k_eigentum_d1, k_unseen_l1, k_unseen_l23, k_eigentum_d2, k_measure;
};

/* Component 1: goal G (c1); document D1 belongs to component 1.
 * Component 2: unseen U (c2).  No component: measure M, document D2.
 *   k_unseen_l23  U  on D1 2-3, anna      -> component 2 (the code's)
 *   k_goal        G  on D2 1-1, ben       -> component 1 (the code's)
 *   k_eigentum_d1 Daten/Eigentum on D1 4-5, anna -> component 1 (the document's)
 *   k_unseen_l1   U  on D1 1-1, ben       -> component 2
 *   k_eigentum_d2 Daten/Eigentum on D2 2-3, anna -> none
 *   k_measure     M  on D2 1-2, anna      -> none
 * Order: component 1 (goal before free), 2 (by line), none (measure
 * before free). */
static void hinge_world_open(struct hinge_world *w)
{
	static const char *const d2_lines[] = { "Zweites Protokoll", "Zeile zwei", "Zeile drei" };
	w->db = fixture_open(w->path);
	w->s = fixture_session(w->db, "KMU-Workshop");
	int64_t c1 = fixture_component(w->db, w->s, 1, "Daten");
	int64_t c2 = fixture_component(w->db, w->s, 2, "Cloud");
	int64_t g = fixture_goal(w->db, w->s, "Datensouveränität", c1);
	int64_t u = fixture_unseen(w->db, w->s, "Unklares Dateneigentum", c2);
	int64_t m = fixture_measure(w->db, w->s, "Musterverträge", 0);
	int64_t daten = 0, eigentum = 0;
	ck_assert_int_eq(code_create_free(w->db, w->s, "Daten", 0, NULL, NULL, &daten), STATUS_OK);
	ck_assert_int_eq(code_create_free(w->db, w->s, "Eigentum", daten, NULL, NULL, &eigentum), STATUS_OK);
	w->d1 = fixture_document(w->db, w->s, "Protokoll UG1", c1, "sha-d1", minutes, 5);
	w->d2 = fixture_document(w->db, w->s, "Protokoll UG2", 0, "sha-d2", d2_lines, 3);
	int64_t uc = fixture_item_code(w->db, "unseen", u);
	w->k_unseen_l23 = fixture_coding(w->db, w->s, w->d1, 2, 3, uc, "anna");
	w->k_goal = fixture_coding(w->db, w->s, w->d2, 1, 1, fixture_item_code(w->db, "goal", g), "ben");
	w->k_eigentum_d1 = fixture_coding(w->db, w->s, w->d1, 4, 5, eigentum, "anna");
	w->k_unseen_l1 = fixture_coding(w->db, w->s, w->d1, 1, 1, uc, "ben");
	w->k_eigentum_d2 = fixture_coding(w->db, w->s, w->d2, 2, 3, eigentum, "anna");
	w->k_measure = fixture_coding(w->db, w->s, w->d2, 1, 2, fixture_item_code(w->db, "measure", m),
		"anna");
	/* another session's codings never show */
	int64_t other = fixture_session(w->db, "Andere");
	int64_t od = fixture_document(w->db, other, "Fremd", 0, "sha-d1", minutes, 5);
	fixture_coding(w->db, other, od, 1, 1,
		fixture_item_code(w->db, "unseen", fixture_unseen(w->db, other, "Fremd", 0)), "anna");
}

static struct hinge_rows hinge(struct hinge_world *w, const struct hinge_filter *f)
{
	struct hinge_rows r;
	r.n = 0;
	ck_assert_int_eq(hinge_list(w->db, w->s, f, collect_hinge, &r), STATUS_OK);
	return r;
}

static void assert_codings(const struct hinge_rows *r, const int64_t *expect, int n)
{
	char got[256] = "", want[256] = "";
	for (int i = 0; i < r->n; i++)
		snprintf(got + strlen(got), sizeof got - strlen(got), "%lld ", (long long)r->row[i].coding_id);
	for (int i = 0; i < n; i++)
		snprintf(want + strlen(want), sizeof want - strlen(want), "%lld ", (long long)expect[i]);
	ck_assert_str_eq(got, want);
}

START_TEST(test_hinge_rows)
{
	struct hinge_world w;
	hinge_world_open(&w);
	struct hinge_rows r = hinge(&w, NULL);
	int64_t order[] = { w.k_goal, w.k_eigentum_d1, w.k_unseen_l1, w.k_unseen_l23, w.k_measure,
		w.k_eigentum_d2 };
	assert_codings(&r, order, 6);

	/* the row of a multi-line passage, field by field */
	int i = 3;
	ck_assert_int_eq(r.row[i].coding_id, w.k_unseen_l23);
	ck_assert_str_eq(r.row[i].session, "KMU-Workshop");
	ck_assert_str_eq(r.row[i].component, "2");
	ck_assert_str_eq(r.row[i].type, "unseen");
	ck_assert_str_eq(r.row[i].path, "");
	ck_assert_str_eq(r.row[i].code, "Unklares Dateneigentum");
	ck_assert_str_eq(r.row[i].document, "Protokoll UG1");
	ck_assert_str_eq(r.row[i].kind, "minutes");
	ck_assert_int_eq(r.row[i].first, 2);
	ck_assert_int_eq(r.row[i].last, 3);
	ck_assert_str_eq(r.row[i].quote, "Teilnehmende: Müller, Schröder, Öztürk\n"
		"Frau Müller: „Wem gehören die Maschinendaten?“");
	ck_assert_str_eq(r.row[i].coder, "anna");
	/* a single line, exactly; a free code with its path; the document's component */
	ck_assert_str_eq(r.row[2].quote, minutes[0]);
	ck_assert_str_eq(r.row[1].type, "free");
	ck_assert_str_eq(r.row[1].path, "Daten/Eigentum");
	ck_assert_str_eq(r.row[1].code, "Eigentum");
	ck_assert_str_eq(r.row[1].component, "1");
	ck_assert_str_eq(r.row[1].quote, "Herr Schröder: Das regelt kein Vertrag.\n"
		"Ergebnis: Datensouveränität als Ziel.");
	ck_assert_str_eq(r.row[0].component, "1");
	ck_assert_str_eq(r.row[0].quote, "Zweites Protokoll");
	ck_assert_str_eq(r.row[5].component, "");
	ck_assert_str_eq(r.row[5].quote, "Zeile zwei\nZeile drei");
	ck_assert_str_eq(r.row[4].quote, "Zweites Protokoll\nZeile zwei");

	/* filters, alone and together */
	struct hinge_filter f = { .coder = "ben" };
	r = hinge(&w, &f);
	assert_codings(&r, (int64_t[]){ w.k_goal, w.k_unseen_l1 }, 2);
	f = (struct hinge_filter){ .type = "unseen" };
	r = hinge(&w, &f);
	assert_codings(&r, (int64_t[]){ w.k_unseen_l1, w.k_unseen_l23 }, 2);
	f = (struct hinge_filter){ .type = "free" };
	r = hinge(&w, &f);
	assert_codings(&r, (int64_t[]){ w.k_eigentum_d1, w.k_eigentum_d2 }, 2);
	f = (struct hinge_filter){ .component = 1 };
	r = hinge(&w, &f);
	assert_codings(&r, (int64_t[]){ w.k_goal, w.k_eigentum_d1 }, 2);
	f = (struct hinge_filter){ .component = 2 };
	r = hinge(&w, &f);
	assert_codings(&r, (int64_t[]){ w.k_unseen_l1, w.k_unseen_l23 }, 2);
	f = (struct hinge_filter){ .document_id = w.d2 };
	r = hinge(&w, &f);
	assert_codings(&r, (int64_t[]){ w.k_goal, w.k_measure, w.k_eigentum_d2 }, 3);
	f = (struct hinge_filter){ .document_id = w.d1, .coder = "anna", .type = "free" };
	r = hinge(&w, &f);
	assert_codings(&r, (int64_t[]){ w.k_eigentum_d1 }, 1);
	f = (struct hinge_filter){ .coder = "niemand" };
	r = hinge(&w, &f);
	ck_assert_int_eq(r.n, 0);
	f = (struct hinge_filter){ .component = 7 };
	r = hinge(&w, &f);
	ck_assert_int_eq(r.n, 0);
	fixture_close(w.db, w.path);
}
END_TEST

static int stop_at_once(void *ctx, const struct hinge_row *row)
{
	(void)row;
	(*(int *)ctx)++;
	return 1;
}

static int copy_quote(void *ctx, const struct hinge_row *row)
{
	char **quote = ctx;
	free(*quote);
	*quote = strdup(row->quote);
	return 0;
}

START_TEST(test_hinge_stops_and_long_quote)
{
	struct hinge_world w;
	hinge_world_open(&w);
	int calls = 0;
	ck_assert_int_eq(hinge_list(w.db, w.s, NULL, stop_at_once, &calls), STATUS_OK);
	ck_assert_int_eq(calls, 1);

	/* a long passage: every line, in order, nothing more */
	enum { N = 300 };
	static const char *lines[N];
	static char text[N][32];
	for (int i = 0; i < N; i++) {
		snprintf(text[i], sizeof text[i], "Zeile %03d – „%d“", i + 1, N - i);
		lines[i] = text[i];
	}
	int64_t d = fixture_document(w.db, w.s, "Lang", 0, "sha-long", lines, N);
	int64_t code = fixture_item_code(w.db, "unseen", fixture_unseen(w.db, w.s, "Lang", 0));
	fixture_coding(w.db, w.s, d, 2, N - 1, code, "carla");
	static char expect[N * 32];
	expect[0] = '\0';
	for (int i = 1; i < N - 1; i++)
		snprintf(expect + strlen(expect), sizeof expect - strlen(expect), "%s%s", i > 1 ? "\n" : "",
			text[i]);
	char *quote = NULL;
	struct hinge_filter f = { .document_id = d };
	ck_assert_int_eq(hinge_list(w.db, w.s, &f, copy_quote, &quote), STATUS_OK);
	ck_assert_ptr_nonnull(quote);
	ck_assert_str_eq(quote, expect);
	free(quote);
	fixture_close(w.db, w.path);
}
END_TEST

/* Chapter hinge pairs, copied out of the callback as one line each:
 * "draft lines|code|source document:lines|coder". */
struct pair_rows {
	int n;
	char line[16][160];
	char draft_quote[128], source_quote[128], type[16], kind[16];
};

static int collect_pair(void *ctx, const struct hinge_pair *p)
{
	struct pair_rows *r = ctx;
	ck_assert_int_lt(r->n, 16);
	snprintf(r->line[r->n], sizeof r->line[0], "%lld-%lld|%s|%s:%lld-%lld|%s",
		(long long)p->draft_first_line, (long long)p->draft_last_line, p->code,
		p->source_document, (long long)p->source_first_line, (long long)p->source_last_line,
		p->coder);
	if (r->n == 0) {
		snprintf(r->draft_quote, sizeof r->draft_quote, "%s", p->draft_quote);
		snprintf(r->source_quote, sizeof r->source_quote, "%s", p->source_quote);
		snprintf(r->type, sizeof r->type, "%s", p->code_type);
		snprintf(r->kind, sizeof r->kind, "%s", p->source_kind);
	}
	r->n++;
	return 0;
}

static const char *pairs_text(const struct pair_rows *r, char *buf, size_t size)
{
	buf[0] = '\0';
	for (int i = 0; i < r->n; i++)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s\n", r->line[i]);
	return buf;
}

static struct pair_rows pairs(struct db *db, int64_t s, int64_t draft, const struct hinge_filter *f)
{
	struct pair_rows r;
	memset(&r, 0, sizeof r);
	enum status rc = hinge_chapter_list(db, s, draft, f, collect_pair, &r);
	ck_assert_msg(rc == STATUS_OK, "hinge_chapter_list: %s", db_error(db));
	return r;
}

static int stop_pair(void *ctx, const struct hinge_pair *p)
{
	(void)p;
	++*(int *)ctx;
	return 1;
}

START_TEST(test_hinge_chapter_pairs)
{
	static const char *const draft_lines[] = {
		"Kapitel 3: Daten", "KMU verlieren Daten.", "Ziele nur im Entwurf.",
		"Eigentum ist ungeklärt.", "Verträge fehlen.", "Noch einmal Datenabfluss.",
	};
	static const char *const m2_lines[] = { "UG2: Abfluss", "UG2: Eigentum", "UG2: Verträge" };
	char path[FIXTURE_PATH_MAX], got[1024];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Kapitel"), other = fixture_session(db, "Fremd");
	int64_t c1 = fixture_component(db, s, 1, "Daten");
	int64_t dr = fixture_document(db, s, "Entwurf Kap. 3", 0, "sha-dr", draft_lines, 6);
	int64_t m1 = fixture_document(db, s, "Protokoll UG1", c1, "sha-m1", minutes, 5);
	int64_t m2 = fixture_document(db, s, "Protokoll UG2", 0, "sha-m2", m2_lines, 3);
	int64_t od = fixture_document(db, other, "Fremder Entwurf", 0, "sha-od", draft_lines, 6);
	ck_assert_int_eq(db_exec(db, "UPDATE document SET kind = 'draft' WHERE id IN (?1, ?2)", "ii",
		dr, od), STATUS_OK);
	int64_t u = fixture_item_code(db, "unseen", fixture_unseen(db, s, "Datenabfluss", 0));
	int64_t g = fixture_item_code(db, "goal", fixture_goal(db, s, "Souveränität", 0));
	int64_t daten = 0, eigentum = 0, only_sources = 0;
	ck_assert_int_eq(code_create_free(db, s, "Daten", 0, NULL, NULL, &daten), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "Eigentum", daten, NULL, NULL, &eigentum), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "Nur Quellen", 0, NULL, NULL, &only_sources),
		STATUS_OK);

	/* the draft: two passages with sources, one code used only in the
	 * draft, the same code again further down, and one passage coded
	 * twice by two coders */
	fixture_coding(db, s, dr, 1, 2, u, "anna");
	fixture_coding(db, s, dr, 1, 2, u, "ben");
	fixture_coding(db, s, dr, 4, 5, eigentum, "ben");
	fixture_coding(db, s, dr, 3, 3, g, "anna");
	fixture_coding(db, s, dr, 6, 6, u, "anna");
	/* the sources, in a scrambled order */
	fixture_coding(db, s, m2, 2, 3, eigentum, "carla");
	fixture_coding(db, s, m1, 2, 3, u, "anna");
	fixture_coding(db, s, m2, 1, 1, u, "ben");
	fixture_coding(db, s, m1, 5, 5, eigentum, "anna");
	fixture_coding(db, s, m1, 1, 1, only_sources, "anna");
	fixture_coding(db, s, m1, 4, 4, daten, "anna");   /* the parent code is not the child */

	struct pair_rows r = pairs(db, s, dr, NULL);
	ck_assert_str_eq(pairs_text(&r, got, sizeof got),
		"1-2|Datenabfluss|Protokoll UG1:2-3|anna\n"
		"1-2|Datenabfluss|Protokoll UG2:1-1|ben\n"
		"4-5|Daten/Eigentum|Protokoll UG1:5-5|anna\n"
		"4-5|Daten/Eigentum|Protokoll UG2:2-3|carla\n"
		"6-6|Datenabfluss|Protokoll UG1:2-3|anna\n"
		"6-6|Datenabfluss|Protokoll UG2:1-1|ben\n");
	ck_assert_str_eq(r.draft_quote, "Kapitel 3: Daten\nKMU verlieren Daten.");
	ck_assert_str_eq(r.source_quote, "Teilnehmende: Müller, Schröder, Öztürk\n"
		"Frau Müller: „Wem gehören die Maschinendaten?“");
	ck_assert_str_eq(r.type, "unseen");
	ck_assert_str_eq(r.kind, "minutes");

	/* the filters apply to the source passages */
	struct hinge_filter f = { .coder = "ben" };
	r = pairs(db, s, dr, &f);
	ck_assert_str_eq(pairs_text(&r, got, sizeof got),
		"1-2|Datenabfluss|Protokoll UG2:1-1|ben\n"
		"6-6|Datenabfluss|Protokoll UG2:1-1|ben\n");
	f = (struct hinge_filter){ .document_id = m2 };
	r = pairs(db, s, dr, &f);
	ck_assert_int_eq(r.n, 3);
	f = (struct hinge_filter){ .type = "free" };
	r = pairs(db, s, dr, &f);
	ck_assert_str_eq(pairs_text(&r, got, sizeof got),
		"4-5|Daten/Eigentum|Protokoll UG1:5-5|anna\n"
		"4-5|Daten/Eigentum|Protokoll UG2:2-3|carla\n");
	f = (struct hinge_filter){ .component = 1 };
	r = pairs(db, s, dr, &f);
	ck_assert_str_eq(pairs_text(&r, got, sizeof got),
		"1-2|Datenabfluss|Protokoll UG1:2-3|anna\n"
		"4-5|Daten/Eigentum|Protokoll UG1:5-5|anna\n"
		"6-6|Datenabfluss|Protokoll UG1:2-3|anna\n");
	f = (struct hinge_filter){ .document_id = dr };   /* the draft is never its own source */
	r = pairs(db, s, dr, &f);
	ck_assert_int_eq(r.n, 0);

	/* another draft of the session is a source like any document */
	static const char *const d2_lines[] = { "Kapitel 4", "Abfluss auch hier" };
	int64_t dr2 = fixture_document(db, s, "Entwurf Kap. 4", 0, "sha-dr2", d2_lines, 2);
	ck_assert_int_eq(db_exec(db, "UPDATE document SET kind = 'draft' WHERE id = ?1", "i", dr2),
		STATUS_OK);
	fixture_coding(db, s, dr2, 2, 2, u, "anna");
	r = pairs(db, s, dr, NULL);
	ck_assert_int_eq(r.n, 8);
	ck_assert_str_eq(r.line[2], "1-2|Datenabfluss|Entwurf Kap. 4:2-2|anna");

	int calls = 0;
	ck_assert_int_eq(hinge_chapter_list(db, s, dr, NULL, stop_pair, &calls), STATUS_OK);
	ck_assert_int_eq(calls, 1);

	/* refusals: not a draft, another session's draft, no document */
	ck_assert_int_eq(hinge_chapter_list(db, s, m1, NULL, collect_pair, &r), STATUS_INVALID);
	ck_assert_msg(fixture_contains(db_error(db), "Protokoll UG1") &&
		fixture_contains(db_error(db), "minutes"), "%s", db_error(db));
	ck_assert_int_eq(hinge_chapter_check(db, s, m1), STATUS_INVALID);
	ck_assert_int_eq(hinge_chapter_check(db, s, dr), STATUS_OK);
	ck_assert_int_eq(hinge_chapter_list(db, s, od, NULL, collect_pair, &r), STATUS_NOT_FOUND);
	ck_assert_int_eq(hinge_chapter_list(db, s, 999999, NULL, collect_pair, &r), STATUS_NOT_FOUND);
	ck_assert(fixture_contains(db_error(db), "999999"));
	fixture_close(db, path);
}
END_TEST

extern Suite *document_suite(void);
Suite *document_suite(void)
{
	Suite *s = suite_create("document");
	TCase *doc = tcase_create("document");
	tcase_add_unchecked_fixture(doc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(doc, test_document_import_and_read);
	tcase_add_test(doc, test_document_refusals);
	tcase_add_test(doc, test_document_numbers_fit_the_index);
	tcase_add_test(doc, test_document_list);
	tcase_add_test(doc, test_document_append_lines);
	suite_add_tcase(s, doc);
	TCase *coding = tcase_create("coding");
	tcase_add_unchecked_fixture(coding, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(coding, test_coding_refusals);
	tcase_add_test(coding, test_code_free_and_find);
	tcase_add_test(coding, test_code_list_and_item_delete);
	suite_add_tcase(s, coding);
	TCase *hinge_tc = tcase_create("hinge");
	tcase_add_unchecked_fixture(hinge_tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(hinge_tc, test_hinge_rows);
	tcase_add_test(hinge_tc, test_hinge_stops_and_long_quote);
	tcase_add_test(hinge_tc, test_hinge_chapter_pairs);
	suite_add_tcase(s, hinge_tc);
	return s;
}

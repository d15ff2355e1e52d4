/* model/reading: a code's passages across documents, and the next
 * full-text hit inside one document. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/reading.h"

#define MAX_PASSAGES 8

struct passages {
	int n;
	struct {
		int64_t coding_id, document_id, first, last;
		char document[64], kind[16], coder[32], memo[64];
	} p[MAX_PASSAGES];
};

static int collect(void *ctx, const struct reading_passage *rp)
{
	struct passages *r = ctx;
	if (r->n < MAX_PASSAGES) {
		r->p[r->n].coding_id = rp->coding_id;
		r->p[r->n].document_id = rp->document_id;
		r->p[r->n].first = rp->first_line;
		r->p[r->n].last = rp->last_line;
		snprintf(r->p[r->n].document, sizeof r->p[0].document, "%s", rp->document);
		snprintf(r->p[r->n].kind, sizeof r->p[0].kind, "%s", rp->document_kind);
		snprintf(r->p[r->n].coder, sizeof r->p[0].coder, "%s", rp->coder);
		snprintf(r->p[r->n].memo, sizeof r->p[0].memo, "%s", rp->memo);
	}
	r->n++;
	return 0;
}

static const char *const minutes_a[] = {
	"Protokoll der Untergruppe 1",
	"Die Plattformbetreiber setzen die Regeln.",
	"Äpfel und Birnen werden verglichen.",
	"Eine Zeile ohne Treffer.",
	"Noch einmal die Plattform, am Ende.",
};
static const char *const minutes_b[] = {
	"Plattform gleich in der ersten Zeile des zweiten Dokuments.",
	"Zweite Zeile.",
};

START_TEST(test_passages_of_code)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t a = fixture_document(db, s, "Protokoll A", 0, "sha-a", minutes_a, 5);
	int64_t b = fixture_document(db, s, "Protokoll B", 0, "sha-b", minutes_b, 2);
	int64_t unseen = fixture_unseen(db, s, "Datenabfluss", 0);
	int64_t code = fixture_item_code(db, "unseen", unseen);
	int64_t other = 0;
	ck_assert_int_eq(code_create_free(db, s, "Sonstiges", 0, NULL, NULL, &other), STATUS_OK);
	/* created out of order: the list sorts by document, then lines */
	int64_t c3 = fixture_coding(db, s, b, 1, 2, code, "ben");
	int64_t c2 = fixture_coding(db, s, a, 4, 5, code, "anna");
	int64_t c1 = fixture_coding(db, s, a, 2, 3, code, "ben");
	fixture_coding(db, s, a, 1, 5, other, "anna");
	struct coding memo;
	ck_assert_int_eq(coding_read(db, c2, &memo), STATUS_OK);
	memo.memo = "Kernaussage";
	ck_assert_int_eq(coding_update(db, &memo), STATUS_OK);
	memo.memo = NULL;
	coding_clear(&memo);

	struct passages r = { 0 };
	ck_assert_int_eq(reading_code_passages(db, code, NULL, collect, &r), STATUS_OK);
	ck_assert_int_eq(r.n, 3);
	ck_assert_int_eq(r.p[0].coding_id, c1);
	ck_assert_int_eq(r.p[0].document_id, a);
	ck_assert_int_eq(r.p[0].first, 2);
	ck_assert_int_eq(r.p[0].last, 3);
	ck_assert_str_eq(r.p[0].document, "Protokoll A");
	ck_assert_str_eq(r.p[0].kind, "minutes");
	ck_assert_str_eq(r.p[0].coder, "ben");
	ck_assert_str_eq(r.p[0].memo, "");
	ck_assert_int_eq(r.p[1].coding_id, c2);
	ck_assert_str_eq(r.p[1].memo, "Kernaussage");
	ck_assert_int_eq(r.p[2].coding_id, c3);
	ck_assert_int_eq(r.p[2].document_id, b);

	/* one coder only */
	memset(&r, 0, sizeof r);
	ck_assert_int_eq(reading_code_passages(db, code, "ben", collect, &r), STATUS_OK);
	ck_assert_int_eq(r.n, 2);
	ck_assert_int_eq(r.p[0].coding_id, c1);
	ck_assert_int_eq(r.p[1].coding_id, c3);
	memset(&r, 0, sizeof r);
	ck_assert_int_eq(reading_code_passages(db, code, "niemand", collect, &r), STATUS_OK);
	ck_assert_int_eq(r.n, 0);

	/* a code without codings, and one that does not exist */
	int64_t empty = 0;
	ck_assert_int_eq(code_create_free(db, s, "Leer", 0, NULL, NULL, &empty), STATUS_OK);
	memset(&r, 0, sizeof r);
	ck_assert_int_eq(reading_code_passages(db, empty, NULL, collect, &r), STATUS_OK);
	ck_assert_int_eq(r.n, 0);
	ck_assert_int_eq(reading_code_passages(db, 9999, NULL, collect, &r), STATUS_NOT_FOUND);
	ck_assert_msg(fixture_contains(db_error(db), "9999"), "%s", db_error(db));
	fixture_close(db, path);
}
END_TEST

static int stop_first(void *ctx, const struct reading_passage *rp)
{
	(void)rp;
	++*(int *)ctx;
	return 1;
}

START_TEST(test_passages_stop)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t a = fixture_document(db, s, "Protokoll A", 0, "sha-a", minutes_a, 5);
	int64_t code = fixture_item_code(db, "unseen", fixture_unseen(db, s, "Datenabfluss", 0));
	fixture_coding(db, s, a, 1, 1, code, "anna");
	fixture_coding(db, s, a, 2, 2, code, "anna");
	int calls = 0;
	ck_assert_int_eq(reading_code_passages(db, code, NULL, stop_first, &calls), STATUS_OK);
	ck_assert_int_eq(calls, 1);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_find_line)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t a = fixture_document(db, s, "Protokoll A", 0, "sha-a", minutes_a, 5);
	int64_t b = fixture_document(db, s, "Protokoll B", 0, "sha-b", minutes_b, 2);
	int64_t line = 0;

	/* forwards from the start, then from the hit on */
	ck_assert_int_eq(reading_find_line(db, a, "Plattform*", 0, false, &line), STATUS_OK);
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(reading_find_line(db, a, "Plattform*", 2, false, &line), STATUS_OK);
	ck_assert_int_eq(line, 5);
	/* the next document's first line is not this document's */
	ck_assert_int_eq(reading_find_line(db, a, "Plattform*", 5, false, &line), STATUS_NOT_FOUND);
	ck_assert_msg(fixture_contains(db_error(db), "Plattform*"), "%s", db_error(db));
	ck_assert_int_eq(line, 5);

	/* backwards */
	ck_assert_int_eq(reading_find_line(db, a, "Plattform*", 5, true, &line), STATUS_OK);
	ck_assert_int_eq(line, 2);
	ck_assert_int_eq(reading_find_line(db, a, "Plattform*", 2, true, &line), STATUS_NOT_FOUND);
	ck_assert_int_eq(reading_find_line(db, a, "Plattform*", 6, true, &line), STATUS_OK);
	ck_assert_int_eq(line, 5);
	/* the previous document's last line is not this document's */
	ck_assert_int_eq(reading_find_line(db, b, "Plattform*", 1, true, &line), STATUS_NOT_FOUND);
	ck_assert_int_eq(reading_find_line(db, b, "Plattform*", 0, false, &line), STATUS_OK);
	ck_assert_int_eq(line, 1);

	/* German as people expect: case folded, umlauts kept, whole words */
	ck_assert_int_eq(reading_find_line(db, a, "ÄPFEL", 0, false, &line), STATUS_OK);
	ck_assert_int_eq(line, 3);
	ck_assert_int_eq(reading_find_line(db, a, "Apfel", 0, false, &line), STATUS_NOT_FOUND);
	ck_assert_int_eq(reading_find_line(db, a, "Plattform", 0, false, &line), STATUS_OK);
	ck_assert_int_eq(line, 5);
	ck_assert_int_eq(reading_find_line(db, a, "\"Äpfel und Birnen\"", 0, false, &line), STATUS_OK);
	ck_assert_int_eq(line, 3);
	fixture_close(db, path);
}
END_TEST

START_TEST(test_find_line_refused)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "KMU");
	int64_t a = fixture_document(db, s, "Protokoll A", 0, "sha-a", minutes_a, 5);
	int64_t line = 42;
	ck_assert_int_eq(reading_find_line(db, a, "  ", 0, false, &line), STATUS_INVALID);
	ck_assert_int_eq(reading_find_line(db, a, NULL, 0, false, &line), STATUS_INVALID);
	ck_assert_int_eq(reading_find_line(db, a, "\"offen", 0, false, &line), STATUS_INVALID);
	ck_assert_msg(fixture_contains(db_error(db), "\"offen"), "%s", db_error(db));
	ck_assert_int_eq(reading_find_line(db, a, "Daten-Abfluss", 0, false, &line), STATUS_INVALID);
	ck_assert_int_eq(reading_find_line(db, 777, "Plattform", 0, false, &line), STATUS_NOT_FOUND);
	ck_assert_msg(fixture_contains(db_error(db), "777"), "%s", db_error(db));
	ck_assert_int_eq(line, 42);
	/* the connection still works after a refused query */
	ck_assert_int_eq(reading_find_line(db, a, "Zeile", 0, false, &line), STATUS_OK);
	ck_assert_int_eq(line, 4);
	fixture_close(db, path);
}
END_TEST

extern Suite *reading_suite(void);
Suite *reading_suite(void)
{
	Suite *suite = suite_create("reading");
	TCase *tc = tcase_create("reading");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(tc, test_passages_of_code);
	tcase_add_test(tc, test_passages_stop);
	tcase_add_test(tc, test_find_line);
	tcase_add_test(tc, test_find_line_refused);
	suite_add_tcase(suite, tc);
	return suite;
}

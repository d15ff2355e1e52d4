/* Intercoder agreement (model/agreement.c) against known answers.  The
 * expected figures are published ones or worked out by hand (or by a
 * separate script that counts pairs of values one by one); no test
 * computes them with the formulas the code uses. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/agreement.h"
#include "model/coding.h"
#include "model/db.h"
#include "tests/unit/fixture.h"

extern Suite *agreement_suite(void);

#define EPS 1e-4
#define M (-1)   /* a missing value */

static void assert_value(struct agree_figure f, double expected)
{
	ck_assert_int_eq(f.state, AGREE_VALUE);
	ck_assert_double_eq_tol(f.value, expected, EPS);
}

/* COUNT units where the first coder gave A and the second B. */
static void add2(struct agree_tally *t, int a, int b, int64_t count)
{
	int v[2] = { a, b };
	agree_tally_add(t, v, count);
}

START_TEST(two_coders_45_15_25_15)
{
	struct agree_tally t;
	ck_assert_int_eq(agree_tally_init(&t, 2, 2), STATUS_OK);
	add2(&t, 1, 1, 45);
	add2(&t, 1, 0, 15);
	add2(&t, 0, 1, 25);
	add2(&t, 0, 0, 15);
	/* po = 60/100; pe = .6 * .7 + .4 * .3 = .54; kappa = .06 / .46 */
	assert_value(agree_percent(&t), 0.60);
	assert_value(agree_cohen(&t), 0.1304);
	/* alpha by pair counting: 80 disagreeing pairs of 200 values
	 * observed, 2 * 130 * 70 / (200 * 199) expected */
	assert_value(agree_alpha(&t), 0.1253);
	ck_assert_int_eq(agree_fleiss(&t).state, AGREE_NOT_APPLICABLE);
	ck_assert_int_eq(agree_cross(&t, 1, 1), 45);
	ck_assert_int_eq(agree_cross(&t, 1, 0), 15);
	ck_assert_int_eq(agree_cross(&t, 0, 1), 25);
	ck_assert_int_eq(agree_cross(&t, 0, 0), 15);
	ck_assert_int_eq(t.units, 100);
	agree_tally_free(&t);
}
END_TEST

START_TEST(perfect_agreement_is_one)
{
	struct agree_tally t;
	ck_assert_int_eq(agree_tally_init(&t, 2, 2), STATUS_OK);
	add2(&t, 1, 1, 30);
	add2(&t, 0, 0, 70);
	assert_value(agree_percent(&t), 1);
	assert_value(agree_cohen(&t), 1);
	assert_value(agree_alpha(&t), 1);
	agree_tally_free(&t);
}
END_TEST

START_TEST(a_constant_coder)
{
	struct agree_tally t;
	ck_assert_int_eq(agree_tally_init(&t, 2, 2), STATUS_OK);
	/* A codes every line, B 40 of 100: agreement only by chance */
	add2(&t, 1, 1, 40);
	add2(&t, 1, 0, 60);
	assert_value(agree_percent(&t), 0.40);
	assert_value(agree_cohen(&t), 0);
	/* 60 disagreeing pairs of 200 values; expected 2 * 140 * 60 / (200 * 199) */
	assert_value(agree_alpha(&t), 1 - 199.0 * 60 / (140.0 * 60));
	agree_tally_clear(&t);
	/* both constant and the same: no variation, nothing to correct for */
	add2(&t, 0, 0, 100);
	assert_value(agree_percent(&t), 1);
	ck_assert_int_eq(agree_cohen(&t).state, AGREE_UNDEFINED);
	ck_assert_int_eq(agree_alpha(&t).state, AGREE_UNDEFINED);
	ck_assert_ptr_nonnull(agree_alpha(&t).why);
	agree_tally_free(&t);
}
END_TEST

/* Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
 * section C: four observers, twelve units, values 1-5, missing data.
 * Published: nominal alpha = 0.743 (0.74342 counting pairs). */
static const int kripp[4][12] = {
	{ 1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M },
	{ 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3 },
	{ M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M },
	{ 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M },
};

START_TEST(krippendorff_nominal_with_missing_values)
{
	struct agree_tally t;
	ck_assert_int_eq(agree_tally_init(&t, 4, 6), STATUS_OK);
	for (int u = 0; u < 12; u++) {
		int v[4];
		for (int k = 0; k < 4; k++)
			v[k] = kripp[k][u];
		agree_tally_add(&t, v, 1);
	}
	assert_value(agree_alpha(&t), 0.7434);
	ck_assert_int_eq(t.units, 12);
	ck_assert_int_eq(t.pairable, 11);   /* unit 12 has one value */
	ck_assert_int_eq(agree_fleiss(&t).state, AGREE_NOT_APPLICABLE);
	agree_tally_free(&t);
}
END_TEST

/* Fleiss (1971) as Wikipedia's article on Fleiss' kappa works it: ten
 * subjects, fourteen raters, five categories; kappa = 0.210 (0.20993). */
static const int fleiss[10][5] = {
	{ 0, 0, 0, 0, 14 }, { 0, 2, 6, 4, 2 }, { 0, 0, 3, 5, 6 }, { 0, 3, 9, 2, 0 },
	{ 2, 2, 8, 1, 1 }, { 7, 7, 0, 0, 0 }, { 3, 2, 6, 3, 0 }, { 2, 5, 3, 2, 2 },
	{ 6, 5, 2, 1, 0 }, { 0, 2, 2, 3, 7 },
};

START_TEST(fleiss_published_example)
{
	struct agree_tally t;
	ck_assert_int_eq(agree_tally_init(&t, 14, 5), STATUS_OK);
	for (int u = 0; u < 10; u++) {
		int v[14], k = 0;
		for (int c = 0; c < 5; c++)
			for (int i = 0; i < fleiss[u][c]; i++)
				v[k++] = c;
		ck_assert_int_eq(k, 14);
		agree_tally_add(&t, v, 1);
	}
	assert_value(agree_fleiss(&t), 0.2099);
	assert_value(agree_percent(&t), 0.3780);   /* the article's P-bar */
	ck_assert_int_eq(agree_cohen(&t).state, AGREE_NOT_APPLICABLE);
	agree_tally_free(&t);
}
END_TEST

/* agree_run() on a database: a session that is not the first, so that
 * no id is a small number by chance. */
struct rows {
	int n;
	struct agree_row row[8];
	char code[8][64];
	struct agree_tally tally[8];
};

static int keep_row(void *ctx, const struct agree_row *row)
{
	struct rows *r = ctx;
	ck_assert_int_lt(r->n, 8);
	struct agree_tally *t = &r->tally[r->n];
	ck_assert_int_eq(agree_tally_init(t, row->tally->coders, row->tally->values), STATUS_OK);
	agree_tally_merge(t, row->tally);
	r->row[r->n] = *row;
	r->row[r->n].tally = t;
	snprintf(r->code[r->n], sizeof r->code[0], "%s", row->code);
	r->n++;
	return 0;
}

static void rows_free(struct rows *r)
{
	for (int i = 0; i < r->n; i++)
		agree_tally_free(&r->tally[i]);
	r->n = 0;
}

static int64_t lines_document(struct db *db, int64_t s, const char *title, int n)
{
	const char **lines = calloc((size_t)n, sizeof *lines);
	for (int i = 0; i < n; i++)
		lines[i] = "Zeile";
	int64_t id = fixture_document(db, s, title, 0, title, lines, n);
	free(lines);
	return id;
}

static int64_t free_code(struct db *db, int64_t s, const char *name, int64_t parent)
{
	int64_t id;
	ck_assert_int_eq(code_create_free(db, s, name, parent, NULL, NULL, &id), STATUS_OK);
	return id;
}

static int64_t second_session(struct db *db)
{
	int64_t first = fixture_session(db, "Erste");
	int64_t d = lines_document(db, first, "Dort", 20);
	int64_t c = free_code(db, first, "Fremd", 0);
	fixture_coding(db, first, d, 1, 5, c, "Anna");
	fixture_coding(db, first, d, 1, 5, c, "Ben");
	return fixture_session(db, "Zweite");
}

START_TEST(run_counts_lines_of_documents_both_coded)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = second_session(db);
	int64_t x = free_code(db, s, "Eigentum", 0), y = free_code(db, s, "Daten", 0);
	int64_t d1 = lines_document(db, s, "Protokoll 1", 100);
	int64_t d2 = lines_document(db, s, "Protokoll 2", 30);
	int64_t d3 = lines_document(db, s, "Protokoll 3", 50);
	/* Anna: 1-60 in two overlapping codings; Ben: 16-85 in two */
	fixture_coding(db, s, d1, 1, 30, x, "Anna");
	fixture_coding(db, s, d1, 20, 60, x, "Anna");
	fixture_coding(db, s, d1, 16, 50, x, "Ben");
	fixture_coding(db, s, d1, 51, 85, x, "Ben");
	/* document 2: Anna alone, so not compared */
	fixture_coding(db, s, d2, 1, 30, x, "Anna");
	/* document 3: both, with another code; Anna alone on 41-50 (which
	 * in document 1 were Ben's too) */
	fixture_coding(db, s, d3, 1, 10, y, "Anna");
	fixture_coding(db, s, d3, 41, 50, x, "Anna");
	fixture_coding(db, s, d3, 1, 10, y, "Ben");
	struct rows r = { 0 };
	struct agree_options o = { 0 };
	ck_assert_int_eq(agree_run(db, s, &o, keep_row, &r), STATUS_OK);
	ck_assert_int_eq(r.n, 3);   /* Daten and Eigentum in codebook order, then all */
	ck_assert_str_eq(r.code[0], "Daten");
	ck_assert_str_eq(r.code[1], "Eigentum");
	ck_assert_int_eq(r.row[2].code_id, 0);
	ck_assert_int_eq(r.row[1].documents, 2);
	ck_assert_int_eq(r.row[1].ncoders, 2);
	const struct agree_tally *t = r.row[1].tally;
	ck_assert_int_eq(t->units, 150);
	ck_assert_int_eq(agree_cross(t, 1, 1), 45);
	ck_assert_int_eq(agree_cross(t, 1, 0), 25);
	ck_assert_int_eq(agree_cross(t, 0, 1), 25);
	ck_assert_int_eq(agree_cross(t, 0, 0), 55);
	assert_value(agree_percent(t), 0.6667);
	assert_value(agree_cohen(t), 0.3304);
	assert_value(agree_alpha(t), 0.3326);
	assert_value(agree_cohen(r.row[0].tally), 1);
	/* pooled: 300 units, 55 both, 25 and 25 alone, 195 neither */
	ck_assert_int_eq(r.row[2].tally->units, 300);
	assert_value(agree_percent(r.row[2].tally), 0.8333);
	assert_value(agree_cohen(r.row[2].tally), 0.5739);
	assert_value(agree_alpha(r.row[2].tally), 0.5746);
	rows_free(&r);
	/* one code asked for, one document */
	o.codes = &x;
	o.ncodes = 1;
	o.documents = &d1;
	o.ndocuments = 1;
	ck_assert_int_eq(agree_run(db, s, &o, keep_row, &r), STATUS_OK);
	ck_assert_int_eq(r.n, 2);
	ck_assert_int_eq(r.row[0].tally->units, 100);
	assert_value(agree_cohen(r.row[0].tally), 0.1304);
	rows_free(&r);
	fixture_close(db, path);
}
END_TEST

START_TEST(run_domain_is_nominal_alpha)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = second_session(db);
	int64_t domain = free_code(db, s, "Haltung", 0), value[6] = { 0 };
	static const char *const names[] = { "eins", "zwei", "drei", "vier", "fünf" };
	for (int v = 1; v <= 5; v++)
		value[v] = free_code(db, s, names[v - 1], domain);
	/* a grandchild counts as its child */
	int64_t drei_b = free_code(db, s, "drei b", value[3]);
	int64_t d = lines_document(db, s, "Protokoll", 12);
	static const char *const coders[] = { "A", "B", "C", "D" };
	for (int k = 0; k < 4; k++)
		for (int u = 0; u < 12; u++)
			if (kripp[k][u] != M)
				fixture_coding(db, s, d, u + 1, u + 1,
					k == 1 && kripp[k][u] == 3 ? drei_b : value[kripp[k][u]], coders[k]);
	struct rows r = { 0 };
	struct agree_options o = { .domain = domain };
	ck_assert_int_eq(agree_run(db, s, &o, keep_row, &r), STATUS_OK);
	ck_assert_int_eq(r.n, 1);
	ck_assert_str_eq(r.code[0], "Haltung");
	ck_assert_int_eq(r.row[0].ncoders, 4);
	assert_value(agree_alpha(r.row[0].tally), 0.7434);
	ck_assert_int_eq(r.row[0].tally->pairable, 11);
	rows_free(&r);
	/* two values of the domain on one line: refused, naming coder and line */
	fixture_coding(db, s, d, 4, 5, value[1], "C");
	ck_assert_int_eq(agree_run(db, s, &o, keep_row, &r), STATUS_CONFLICT);
	ck_assert(fixture_contains(db_error(db), "\"C\""));
	ck_assert(fixture_contains(db_error(db), "4"));
	ck_assert(fixture_contains(db_error(db), "Protokoll"));
	rows_free(&r);
	/* a domain without children */
	o.domain = value[5];
	ck_assert_int_eq(agree_run(db, s, &o, keep_row, &r), STATUS_INVALID);
	ck_assert_int_eq(r.n, 0);
	fixture_close(db, path);
}
END_TEST

START_TEST(run_refuses_unusable_coders)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = second_session(db);
	int64_t x = free_code(db, s, "Eigentum", 0);
	int64_t d1 = lines_document(db, s, "Protokoll 1", 10);
	int64_t d2 = lines_document(db, s, "Protokoll 2", 10);
	fixture_coding(db, s, d1, 1, 3, x, "Anna");
	fixture_coding(db, s, d2, 1, 3, x, "Ben");
	struct rows r = { 0 };
	const char *names[] = { "Anna", "Zoe" };
	struct agree_options o = { .coders = names, .ncoders = 2 };
	ck_assert_int_eq(agree_run(db, s, &o, keep_row, &r), STATUS_NOT_FOUND);
	ck_assert(fixture_contains(db_error(db), "Zoe"));
	/* Ben exists but coded only document 2 */
	names[1] = "Ben";
	o.documents = &d1;
	o.ndocuments = 1;
	ck_assert_int_eq(agree_run(db, s, &o, keep_row, &r), STATUS_NOT_FOUND);
	ck_assert(fixture_contains(db_error(db), "Ben"));
	/* everyone who coded document 1: Anna alone */
	o.ncoders = 0;
	ck_assert_int_eq(agree_run(db, s, &o, keep_row, &r), STATUS_INVALID);
	ck_assert(fixture_contains(db_error(db), "Anna"));
	/* both coded, but never the same document */
	o.ndocuments = 0;
	ck_assert_int_eq(agree_run(db, s, &o, keep_row, &r), STATUS_NOT_FOUND);
	ck_assert_int_eq(r.n, 0);
	fixture_close(db, path);
}
END_TEST

Suite *agreement_suite(void)
{
	Suite *s = suite_create("agreement");
	TCase *tc = tcase_create("agreement");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(tc, two_coders_45_15_25_15);
	tcase_add_test(tc, perfect_agreement_is_one);
	tcase_add_test(tc, a_constant_coder);
	tcase_add_test(tc, krippendorff_nominal_with_missing_values);
	tcase_add_test(tc, fleiss_published_example);
	tcase_add_test(tc, run_counts_lines_of_documents_both_coded);
	tcase_add_test(tc, run_domain_is_nominal_alpha);
	tcase_add_test(tc, run_refuses_unusable_coders);
	suite_add_tcase(s, tc);
	return s;
}

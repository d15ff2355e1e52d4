/* exports/: matrix CSV both ways, the DOT graph, the hinge and chapter
 * hinge CSVs read back with the real parser, and document import. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/csv_reader.h"
#include "exports/doc_import.h"
#include "exports/dot.h"
#include "exports/hinge_csv.h"
#include "exports/matrix_csv.h"
#include "model/db.h"
#include "model/impact.h"
#include "model/session.h"
#include "tests/unit/fixture.h"

extern Suite *exports_suite(void);

/* Three variables: A->B 3, B->C 0, C->A 2, the rest unrated. */
static int64_t small_model(struct db *db, const char *title)
{
	int64_t s = fixture_session(db, title);
	int64_t a = fixture_variable(db, s, "Führung „A“");
	int64_t b = fixture_variable(db, s, "Qualität; B");
	int64_t c = fixture_variable(db, s, "Cloud, C");
	ck_assert_int_eq(impact_set(db, a, b, 3, NULL), STATUS_OK);
	ck_assert_int_eq(impact_set(db, b, c, 0, NULL), STATUS_OK);
	ck_assert_int_eq(impact_set(db, c, a, 2, NULL), STATUS_OK);
	return s;
}

/* The whole of F from its start, malloc'd and NUL-terminated; closes F. */
static char *slurp(FILE *f)
{
	long len = ftell(f);
	ck_assert_int_ge(len, 0);
	char *text = malloc((size_t)len + 1);
	ck_assert_ptr_nonnull(text);
	rewind(f);
	ck_assert_int_eq(fread(text, 1, (size_t)len, f), (size_t)len);
	text[len] = '\0';
	fclose(f);
	return text;
}

static char *matrix_to_string(struct db *db, int64_t s)
{
	FILE *f = tmpfile();
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(matrix_csv_write(db, s, f, NULL), STATUS_OK);
	return slurp(f);
}

static char *dot_to_string(struct db *db, int64_t s)
{
	FILE *f = tmpfile();
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(dot_write(db, s, f), STATUS_OK);
	return slurp(f);
}

START_TEST(matrix_round_trip)
{
	char path[FIXTURE_PATH_MAX], csv[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = small_model(db, "Quelle");
	char *first = matrix_to_string(db, s);
	ck_assert(fixture_contains(first, ",\"Führung „A“\",Qualität; B,\"Cloud, C\"") ||
		fixture_contains(first, ",Führung „A“,Qualität; B,\"Cloud, C\""));

	fixture_temp_path(csv);
	fixture_write_file(csv, first, strlen(first));
	int64_t t = fixture_session(db, "Ziel"), rated = 0;
	ck_assert_int_eq(matrix_csv_import(db, t, csv, &rated), STATUS_OK);
	ck_assert_int_eq(rated, 3);
	char *second = matrix_to_string(db, t);
	ck_assert_str_eq(first, second);

	struct impact_matrix m;
	ck_assert_int_eq(impact_matrix_load(db, t, &m), STATUS_OK);
	ck_assert_int_eq(m.n, 3);
	ck_assert_int_eq(m.cells[0 * 3 + 1], 3);
	ck_assert_int_eq(m.cells[1 * 3 + 2], 0);
	ck_assert_int_eq(m.cells[2 * 3 + 0], 2);
	ck_assert_int_eq(m.cells[0 * 3 + 2], -1);  /* unrated stays unrated */
	impact_matrix_free(&m);
	free(first);
	free(second);
	fixture_remove(csv);
	fixture_close(db, path);
}
END_TEST

START_TEST(matrix_bad_cell_imports_nothing)
{
	char path[FIXTURE_PATH_MAX], csv[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Ziel");
	static const char text[] = ",X,Y,Z\nX,,1,2\nY,3,,7\nZ,0,0,\n";
	fixture_temp_path(csv);
	fixture_write_file(csv, text, sizeof text - 1);
	int64_t before = fixture_int(db, "SELECT count(*) FROM changelog");
	ck_assert_int_eq(matrix_csv_import(db, s, csv, &(int64_t){ 0 }), STATUS_INVALID);
	ck_assert(fixture_contains(db_error(db), "Zeile 3, Spalte 4"));
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM variable"), 0);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM changelog"), before);
	fixture_remove(csv);
	fixture_close(db, path);
}
END_TEST

START_TEST(matrix_scale_two_refuses_three)
{
	char path[FIXTURE_PATH_MAX], csv[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Skala 2");
	ck_assert_int_eq(db_exec(db, "UPDATE session SET scale = 2 WHERE id = ?1", "i", s), STATUS_OK);
	static const char text[] = ",X,Y\nX,,3\nY,1,\n";
	fixture_temp_path(csv);
	fixture_write_file(csv, text, sizeof text - 1);
	ck_assert_int_eq(matrix_csv_import(db, s, csv, &(int64_t){ 0 }), STATUS_INVALID);
	ck_assert(fixture_contains(db_error(db), "0 bis 2"));
	fixture_remove(csv);
	fixture_close(db, path);
}
END_TEST

static int count(const char *text, const char *needle)
{
	int n = 0;
	size_t at = 0, len = strlen(needle);
	while (strstr(text + at, needle)) {
		at = (size_t)(strstr(text + at, needle) - text) + len;
		n++;
	}
	return n;
}

START_TEST(dot_nodes_and_edges)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = small_model(db, "Graph");
	char *dot = dot_to_string(db, s);
	ck_assert(strncmp(dot, "digraph", 7) == 0);
	ck_assert_int_eq(count(dot, "[label="), 3);   /* one node per variable */
	ck_assert_int_eq(count(dot, " -> "), 2);      /* rated 0 and unrated: no edge */
	ck_assert(fixture_contains(dot, "v0 -> v1 [penwidth=3"));
	ck_assert(fixture_contains(dot, "v2 -> v0 [penwidth=2"));
	ck_assert(fixture_contains(dot, "label=\"Führung „A“\""));
	free(dot);
	fixture_close(db, path);
}
END_TEST

struct collected {
	size_t rows;
	char quote[256], memo[64];
};

static int collect(void *ctx, size_t row, size_t ncells, const char *const *cells)
{
	struct collected *c = ctx;
	c->rows++;
	if (row == 1) {
		ck_assert_int_eq(ncells, 17);
		ck_assert_str_eq(cells[0], "coding_id");
		ck_assert_str_eq(cells[11], "quote");
		return 0;
	}
	snprintf(c->quote, sizeof c->quote, "%s", cells[11]);
	snprintf(c->memo, sizeof c->memo, "%s", cells[13]);
	return 0;
}

START_TEST(hinge_csv_reads_back)
{
	char path[FIXTURE_PATH_MAX], csv[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Scharnier");
	static const char *const lines[] = { "eins", "zwei; „drei“, \"vier\"", "fünf" };
	int64_t doc = fixture_document(db, s, "Protokoll", 0, "sha-1", lines, 3);
	int64_t u = fixture_unseen(db, s, "Datenabfluss", 0);
	fixture_coding(db, s, doc, 2, 3, fixture_item_code(db, "unseen", u), "anna");
	ck_assert_int_eq(db_exec(db, "UPDATE coding SET memo = '=SUMME(A1)'", ""), STATUS_OK);
	fixture_temp_path(csv);

	const char seps[] = { ',', ';' };
	for (size_t i = 0; i < 4; i++) {
		struct csv_options opt = { seps[i % 2], i % 2 == 1, i >= 2 };
		FILE *f = fopen(csv, "wb");
		ck_assert_ptr_nonnull(f);
		ck_assert_int_eq(hinge_csv_write(db, s, NULL, f, &opt), STATUS_OK);
		fclose(f);
		struct collected c = { 0 };
		char err[256];
		ck_assert_int_eq(csv_reader_read_file(csv, 0, collect, &c, NULL, err, sizeof err),
			STATUS_OK);
		ck_assert_int_eq(c.rows, 2);
		ck_assert_str_eq(c.quote, "zwei; „drei“, \"vier\"\nfünf");
		ck_assert_str_eq(c.memo, opt.raw ? "=SUMME(A1)" : "'=SUMME(A1)");
	}
	fixture_remove(csv);
	fixture_close(db, path);
}
END_TEST

struct chapter_cells {
	size_t rows;
	char header[320];
	char cells[4][14][96];
};

static int collect_chapter(void *ctx, size_t row, size_t ncells, const char *const *cells)
{
	struct chapter_cells *c = ctx;
	c->rows++;
	ck_assert_int_eq(ncells, 14);
	if (row == 1) {
		for (size_t i = 0; i < ncells; i++)
			snprintf(c->header + strlen(c->header), sizeof c->header - strlen(c->header), "%s%s",
				i ? "," : "", cells[i]);
		return 0;
	}
	ck_assert_uint_le(row - 2, 3);
	for (size_t i = 0; i < ncells; i++)
		snprintf(c->cells[row - 2][i], sizeof c->cells[0][0], "%s", cells[i]);
	return 0;
}

START_TEST(hinge_chapter_csv_reads_back)
{
	char path[FIXTURE_PATH_MAX], csv[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Kapitel");
	static const char *const draft[] = { "=Kapitel", "Daten; „fließen“ ab" };
	static const char *const minutes[] = { "eins", "zwei, \"drei\"", "-vier" };
	int64_t dr = fixture_document(db, s, "Entwurf", 0, "sha-d", draft, 2);
	int64_t m = fixture_document(db, s, "Protokoll; UG1", 0, "sha-m", minutes, 3);
	ck_assert_int_eq(db_exec(db, "UPDATE document SET kind = 'draft' WHERE id = ?1", "i", dr),
		STATUS_OK);
	int64_t u = fixture_item_code(db, "unseen", fixture_unseen(db, s, "Datenabfluss", 0));
	fixture_coding(db, s, dr, 1, 2, u, "anna");
	fixture_coding(db, s, m, 2, 3, u, "ben");
	fixture_coding(db, s, m, 1, 1, u, "anna");
	fixture_temp_path(csv);

	const char seps[] = { ',', ';' };
	for (size_t i = 0; i < 4; i++) {
		struct csv_options opt = { seps[i % 2], i % 2 == 1, i >= 2 };
		FILE *f = fopen(csv, "wb");
		ck_assert_ptr_nonnull(f);
		ck_assert_int_eq(hinge_csv_write_chapter(db, s, dr, NULL, f, &opt), STATUS_OK);
		fclose(f);
		struct chapter_cells c;
		memset(&c, 0, sizeof c);
		char err[256];
		ck_assert_int_eq(csv_reader_read_file(csv, 0, collect_chapter, &c, NULL, err, sizeof err),
			STATUS_OK);
		ck_assert_int_eq(c.rows, 3);
		ck_assert_str_eq(c.header, "draft_first_line,draft_last_line,draft_quote,code_type,code,"
			"source_document,source_kind,source_first_line,source_last_line,source_quote,coder,"
			"draft_printed_first_line,draft_printed_last_line,draft_coder");
		ck_assert_str_eq(c.cells[0][13], "anna");
		/* by source line: 1-1 before 2-3 */
		const char *guard = opt.raw ? "" : "'";
		char want[96];
		ck_assert_str_eq(c.cells[0][0], "1");
		ck_assert_str_eq(c.cells[0][1], "2");
		snprintf(want, sizeof want, "%s=Kapitel\nDaten; „fließen“ ab", guard);
		ck_assert_str_eq(c.cells[0][2], want);
		ck_assert_str_eq(c.cells[0][3], "unseen");
		ck_assert_str_eq(c.cells[0][4], "Datenabfluss");
		ck_assert_str_eq(c.cells[0][5], "Protokoll; UG1");
		ck_assert_str_eq(c.cells[0][6], "minutes");
		ck_assert_str_eq(c.cells[0][7], "1");
		ck_assert_str_eq(c.cells[0][8], "1");
		ck_assert_str_eq(c.cells[0][9], "eins");
		ck_assert_str_eq(c.cells[0][10], "anna");
		ck_assert_str_eq(c.cells[1][9], "zwei, \"drei\"\n-vier");
		ck_assert_str_eq(c.cells[1][10], "ben");
	}

	/* a refused draft writes nothing, not even the BOM */
	struct csv_options bom = { ',', true, false };
	FILE *f = fopen(csv, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(hinge_csv_write_chapter(db, s, m, NULL, f, &bom), STATUS_INVALID);
	ck_assert_int_eq(ftell(f), 0);
	fclose(f);
	/* a draft without sources: the header alone */
	f = fopen(csv, "wb");
	struct hinge_filter nobody = { .coder = "niemand" };
	ck_assert_int_eq(hinge_csv_write_chapter(db, s, dr, &nobody, f, NULL), STATUS_OK);
	fclose(f);
	size_t len = 0;
	char *text = fixture_read_file(csv, &len);
	ck_assert_str_eq(text, "draft_first_line,draft_last_line,draft_quote,code_type,code,"
		"source_document,source_kind,source_first_line,source_last_line,source_quote,coder,"
		"draft_printed_first_line,draft_printed_last_line,draft_coder\r\n");
	free(text);
	fixture_remove(csv);
	fixture_close(db, path);
}
END_TEST

START_TEST(doc_import_cp1252_and_refusals)
{
	char path[FIXTURE_PATH_MAX], txt[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Import");
	static const char cp1252[] = "Stra\xdf" "e \x84" "Zitat\x93\r\n\r\nEnde";
	fixture_temp_path(txt);
	fixture_write_file(txt, cp1252, sizeof cp1252 - 1);
	struct doc_import_options opt = { 0 };
	struct doc_import_result r;
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	enum status rc = doc_import_file(db, s, txt, &opt, &r);
	ck_assert_int_eq(db_end(db, rc), STATUS_OK);
	ck_assert(r.converted);
	ck_assert_int_eq(r.lines, 3);
	ck_assert_int_eq(fixture_int1(db, "SELECT line_count FROM document WHERE id = ?1", r.id), 3);
	ck_assert_int_eq(fixture_int1(db, "SELECT text = 'Straße „Zitat“' FROM line "
		"WHERE document_id = ?1 AND number = 1", r.id), 1);
	ck_assert_int_eq(fixture_int1(db, "SELECT text = '' FROM line "
		"WHERE document_id = ?1 AND number = 2", r.id), 1);

	/* the same file again: refused, nothing added */
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	rc = doc_import_file(db, s, txt, &opt, &r);
	ck_assert_int_eq(db_end(db, rc), STATUS_CONFLICT);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM document"), 1);

	/* a NUL byte: refused, naming the file */
	fixture_write_file(txt, "a\0b\n", 4);
	ck_assert_int_eq(db_begin(db), STATUS_OK);
	rc = doc_import_file(db, s, txt, &opt, &r);
	ck_assert_int_eq(db_end(db, rc), STATUS_BAD_FILE);
	ck_assert(fixture_contains(db_error(db), txt));
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM line"), 3);
	fixture_remove(txt);
	fixture_close(db, path);
}
END_TEST

Suite *exports_suite(void)
{
	Suite *s = suite_create("exports");
	TCase *tc = tcase_create("exports");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(tc, matrix_round_trip);
	tcase_add_test(tc, matrix_bad_cell_imports_nothing);
	tcase_add_test(tc, matrix_scale_two_refuses_three);
	tcase_add_test(tc, dot_nodes_and_edges);
	tcase_add_test(tc, hinge_csv_reads_back);
	tcase_add_test(tc, hinge_chapter_csv_reads_back);
	tcase_add_test(tc, doc_import_cp1252_and_refusals);
	suite_add_tcase(s, tc);
	return s;
}

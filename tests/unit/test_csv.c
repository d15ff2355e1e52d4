/* exports/csv_writer and exports/csv_reader: exact output of the writer,
 * then write and read back with the real parser. */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exports/csv_reader.h"
#include "exports/csv_writer.h"

#define MAX_ROWS 16
#define MAX_CELLS 16

/* Records collected by collect_row(). */
struct table {
	size_t nrows;
	size_t ncells[MAX_ROWS];
	char *cell[MAX_ROWS][MAX_CELLS];
	size_t line[MAX_ROWS];	/* physical start line from info */
	const struct csv_read_info *info;
	size_t stop_at;	/* return 42 at this row; 0: never */
	int error;	/* rows out of order */
};

static int collect_row(void *ctx, size_t row, size_t ncells,
	const char *const *cells)
{
	struct table *t = ctx;
	if (row != t->nrows + 1 || t->nrows >= MAX_ROWS || ncells > MAX_CELLS) {
		t->error = 1;
		return 1;
	}
	t->ncells[t->nrows] = ncells;
	for (size_t i = 0; i < ncells; i++)
		t->cell[t->nrows][i] = strdup(cells[i]);
	t->line[t->nrows] = t->info != NULL ? t->info->line : 0;
	t->nrows++;
	return t->stop_at == row ? 42 : 0;
}

static void table_free(struct table *t)
{
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t i = 0; i < t->ncells[r]; i++)
			free(t->cell[r][i]);
	memset(t, 0, sizeof *t);
}

/* A temporary file; removed by tmp_drop(). */
static void tmp_path(char path[64])
{
	strcpy(path, "/tmp/didat-csv-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
}

static void tmp_write(char path[64], const char *data, size_t len)
{
	tmp_path(path);
	FILE *f = fopen(path, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

static void tmp_drop(const char *path)
{
	unlink(path);
}

/* Writes rows of cells (NULL-terminated row lists, "\x01" marks NULL)
 * with opt and returns what the writer produced; free() it. */
static char *write_rows(const struct csv_options *opt, size_t nrows,
	size_t ncells, const char *const *cells, size_t *len)
{
	char *out = NULL;
	FILE *f = open_memstream(&out, len);
	ck_assert_ptr_nonnull(f);
	struct csv_writer *w;
	ck_assert_int_eq(csv_writer_open(&w, f, opt), STATUS_OK);
	for (size_t r = 0; r < nrows; r++) {
		for (size_t i = 0; i < ncells; i++)
			ck_assert_int_eq(csv_writer_cell(w, cells[r * ncells + i]),
				STATUS_OK);
		ck_assert_int_eq(csv_writer_end_row(w), STATUS_OK);
	}
	ck_assert_int_eq(csv_writer_close(w), STATUS_OK);
	ck_assert_int_eq(fclose(f), 0);
	return out;
}

/* The output of one row of cells. */
static void expect_row(const struct csv_options *opt, size_t ncells,
	const char *const *cells, const char *expect)
{
	size_t len;
	char *out = write_rows(opt, 1, ncells, cells, &len);
	ck_assert_uint_eq(len, strlen(out));
	ck_assert_str_eq(out, expect);
	free(out);
}

START_TEST(test_csv_quoting)
{
	static const char *const cells[] = {
		"plain", "a,b", "x\"y", "c\rd", "e\nf", "", NULL, "a;b",
		" vorn", "hinten ", "mit ten", "\"",
	};
	struct csv_options opt = { ',', false, false };
	expect_row(&opt, sizeof cells / sizeof cells[0], cells,
		"plain,\"a,b\",\"x\"\"y\",\"c\rd\",\"e\nf\",,,a;b,"
		"\" vorn\",\"hinten \",mit ten,\"\"\"\"\r\n");
}
END_TEST

START_TEST(test_csv_separators)
{
	static const char *const cells[] = { "a;b", "a,b", "a\tb", "x" };
	struct csv_options opt = { ';', false, false };
	expect_row(&opt, 4, cells, "\"a;b\";a,b;a\tb;x\r\n");
	opt.sep = '\t';
	expect_row(&opt, 4, cells, "a;b\ta,b\t\"a\tb\"\tx\r\n");
	opt.sep = 0;	/* default ',' */
	expect_row(&opt, 4, cells, "a;b,\"a,b\",a\tb,x\r\n");
	expect_row(NULL, 4, cells, "a;b,\"a,b\",a\tb,x\r\n");

	struct csv_writer *w = NULL;
	opt.sep = '|';
	ck_assert_int_eq(csv_writer_open(&w, stdout, &opt), STATUS_INVALID);
	ck_assert_ptr_null(w);
}
END_TEST

START_TEST(test_csv_bom_written)
{
	static const char *const cells[] = { "Wer", "Was" };
	struct csv_options opt = { ';', true, false };
	expect_row(&opt, 2, cells, "\xEF\xBB\xBFWer;Was\r\n");
	opt.bom = false;
	expect_row(&opt, 2, cells, "Wer;Was\r\n");
}
END_TEST

START_TEST(test_csv_formula_guard)
{
	static const char *const cells[] = {
		"=SUM(A1:A2)", "+49 30 1234", "-1", "@A1", "\tx", "\rx", "=a,b",
		"a=b", "'schon",
	};
	struct csv_options opt = { ',', false, false };
	expect_row(&opt, 9, cells,
		"'=SUM(A1:A2),'+49 30 1234,'-1,'@A1,'\tx,\"'\rx\",\"'=a,b\","
		"a=b,'schon\r\n");
	opt.raw = true;
	expect_row(&opt, 9, cells,
		"=SUM(A1:A2),+49 30 1234,-1,@A1,\"\tx\",\"\rx\",\"=a,b\","
		"a=b,'schon\r\n");
	/* With tab as separator the guarded tab cell must be quoted. */
	opt.raw = false;
	opt.sep = '\t';
	expect_row(&opt, 1, cells + 4, "\"'\tx\"\r\n");
}
END_TEST

/* The guard's rule, both sides: what a spreadsheet would evaluate gets
 * the ', what it shows as text stays exact; csv_unguard() undoes it. */
START_TEST(test_csv_formula_guard_rule)
{
	static const char *const guarded[] = {
		"=1", "@SUMME(A1)", "\tx", "\rx", "-1", "+49 30 1234", "-10.30 Uhr", "-.5", "-,5",
		"-(A1)", "--1", "+-1", "-=1", "-@x", "+$A$1", "-\"5\"", "-SUM(A1:A2)",
		"+HYPERLINK(\"http://x\")", "-_xlfn.X(1)", "-cmd|' /C calc'!A0",
		"+Tabelle1!A1", "-A1", "+B2*3", "-ab12", "-A1:B2", "'=x", "''-1", "'- 10.30 Uhr",
	};
	static const char *const exact[] = {
		"- 10.30 Uhr", "-Abbau von Abhängigkeiten", "– Gedankenstrich", "+Tempo @Leute",
		"-", "+", "-minus", "-Preis", "-A4 Blatt", "-B2B-Geschäft", "-Achtung!", "-Ziel: mehr",
		"- SUM(A1)", "004", "2019/09", "a=b", "'schon", "'", "",
	};
	for (size_t i = 0; i < sizeof guarded / sizeof guarded[0]; i++) {
		ck_assert_msg(csv_needs_guard(guarded[i]), "not guarded: [%s]", guarded[i]);
		char want[64];
		snprintf(want, sizeof want, "'%s", guarded[i]);
		ck_assert_str_eq(csv_unguard(want), guarded[i]);
	}
	for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++) {
		ck_assert_msg(!csv_needs_guard(exact[i]), "guarded: [%s]", exact[i]);
		ck_assert_str_eq(csv_unguard(exact[i]), exact[i]);
	}
	/* through the writer: exact cells come out exactly */
	static const char *const row[] = { "- 10.30 Uhr", "-Abbau", "004", "2019/09", "-1" };
	expect_row(NULL, 5, row, "- 10.30 Uhr,-Abbau,004,2019/09,'-1\r\n");
	/* what earlier versions wrote reads back as it was */
	ck_assert_str_eq(csv_unguard("'- 10.30 Uhr"), "- 10.30 Uhr");
	ck_assert_str_eq(csv_unguard("'-Abbau"), "-Abbau");
}
END_TEST

START_TEST(test_csv_int_unguarded)
{
	char *out = NULL;
	size_t len;
	FILE *f = open_memstream(&out, &len);
	ck_assert_ptr_nonnull(f);
	struct csv_writer *w;
	ck_assert_int_eq(csv_writer_open(&w, f, NULL), STATUS_OK);
	ck_assert_int_eq(csv_writer_cell_int(w, -5), STATUS_OK);
	ck_assert_int_eq(csv_writer_cell_int(w, 0), STATUS_OK);
	ck_assert_int_eq(csv_writer_cell_int(w, LLONG_MIN), STATUS_OK);
	ck_assert_int_eq(csv_writer_cell(w, "-5"), STATUS_OK);
	ck_assert_int_eq(csv_writer_end_row(w), STATUS_OK);
	/* An unfinished row is ended by close. */
	ck_assert_int_eq(csv_writer_cell_int(w, 7), STATUS_OK);
	ck_assert_int_eq(csv_writer_close(w), STATUS_OK);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_str_eq(out, "-5,0,-9223372036854775808,'-5\r\n7\r\n");
	free(out);
}
END_TEST

START_TEST(test_csv_empty_rows)
{
	static const char *const one[] = { "" };
	expect_row(NULL, 1, one, "\"\"\r\n");	/* not a blank line */
	static const char *const two[] = { "", NULL };
	expect_row(NULL, 2, two, ",\r\n");
	expect_row(NULL, 0, NULL, "\"\"\r\n");
}
END_TEST

START_TEST(test_csv_write_error)
{
	FILE *f = fopen("/dev/full", "wb");
	if (f == NULL)
		return;	/* no /dev/full here */
	struct csv_writer *w;
	ck_assert_int_eq(csv_writer_open(&w, f, NULL), STATUS_OK);
	enum status st = STATUS_OK;
	/* Enough to overflow stdio's buffer, then close flushes the rest. */
	for (int i = 0; i < 10000 && st == STATUS_OK; i++) {
		st = csv_writer_cell(w, "Protokoll");
		if (st == STATUS_OK)
			st = csv_writer_end_row(w);
	}
	ck_assert_int_eq(st, STATUS_IO);
	ck_assert_int_eq(csv_writer_close(w), STATUS_IO);
	fclose(f);

	f = fopen("/dev/full", "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(csv_writer_open(&w, f, NULL), STATUS_OK);
	ck_assert_int_eq(csv_writer_cell(w, "x"), STATUS_OK);	/* buffered */
	ck_assert_int_eq(csv_writer_close(w), STATUS_IO);
	fclose(f);
}
END_TEST

/* Awkward German cells; the header holds no separator so detection works. */
#define RT_COLS 5
static const char *const round_trip_cells[] = {
	"Nr", "Wer", "Zitat", "Notiz", "Leer",
	"1", "Frau Müller", "„Zitat“ mit ß", "a\"\"b", "",
	"2", "Herr Öztürk", "a\"b", "zwei\r\nZeilen", NULL,
	"3", "", "Semikolon; und Komma, beide", "drei\nZeilen\nLF", "",
	"4", "=1+1", "\tTab vorn", "CR\rallein", " Leerzeichen ",
	"5", "-3", "€ 5,–", "Tab\tmitten", "\"",
};
#define RT_ROWS (sizeof round_trip_cells / sizeof round_trip_cells[0] / RT_COLS)

/* What the reader must return for cell i: the guarded text, "" for NULL,
 * with CRLF and a lone CR read as LF. */
static void expect_cell(char *buf, size_t size, const char *cell, bool raw)
{
	if (cell == NULL)
		cell = "";
	bool guard = !raw && csv_needs_guard(cell);
	snprintf(buf, size, "%s%s", guard ? "'" : "", cell);
	size_t out = 0;
	for (size_t i = 0; buf[i]; i++)
		if (buf[i] != '\r')
			buf[out++] = buf[i];
		else if (buf[i + 1] != '\n')
			buf[out++] = '\n';
	buf[out] = '\0';
}

static void round_trip(char sep, bool bom, bool raw, char read_sep)
{
	struct csv_options opt = { sep, bom, raw };
	size_t len;
	char *data = write_rows(&opt, RT_ROWS, RT_COLS, round_trip_cells, &len);
	char path[64];
	tmp_write(path, data, len);
	free(data);

	struct table t;
	struct csv_read_info info;
	char err[256] = "";
	memset(&t, 0, sizeof t);
	t.info = &info;
	ck_assert_int_eq(csv_reader_read_file(path, read_sep, collect_row, &t,
		&info, err, sizeof err), STATUS_OK);
	ck_assert_int_eq(t.error, 0);
	ck_assert_int_eq(info.sep, sep);
	ck_assert(info.file.bom == bom);
	ck_assert_int_eq(info.file.encoding, TEXT_UTF8);
	ck_assert_uint_eq(info.records, RT_ROWS);
	ck_assert_uint_eq(t.nrows, RT_ROWS);
	for (size_t r = 0; r < RT_ROWS; r++) {
		ck_assert_uint_eq(t.ncells[r], RT_COLS);
		for (size_t i = 0; i < RT_COLS; i++) {
			char want[128];
			expect_cell(want, sizeof want,
				round_trip_cells[r * RT_COLS + i], raw);
			ck_assert_msg(strcmp(t.cell[r][i], want) == 0,
				"sep %d row %zu cell %zu: [%s] != [%s]", sep, r, i,
				t.cell[r][i], want);
		}
	}
	/* Physical start lines: row 3 follows a CRLF inside a cell, row 4
	 * follows three LF-separated lines. */
	ck_assert_uint_eq(t.line[0], 1);
	ck_assert_uint_eq(t.line[1], 2);
	ck_assert_uint_eq(t.line[2], 3);
	ck_assert_uint_eq(t.line[3], 5);
	ck_assert_uint_eq(t.line[4], 8);
	ck_assert_uint_eq(t.line[5], 10);	/* CR alone ends a line too */
	table_free(&t);
	tmp_drop(path);
}

START_TEST(test_csv_round_trip)
{
	static const char seps[] = { ',', ';', '\t' };
	for (size_t i = 0; i < sizeof seps; i++) {
		round_trip(seps[i], false, false, 0);	/* detected */
		round_trip(seps[i], true, false, 0);
		round_trip(seps[i], false, true, seps[i]);	/* given */
	}
}
END_TEST

static enum status read_text(const char *data, char sep, struct table *t,
	struct csv_read_info *info, char *err, size_t errlen)
{
	char path[64];
	tmp_write(path, data, strlen(data));
	memset(t, 0, sizeof *t);
	t->info = info;
	enum status st = csv_reader_read_file(path, sep, collect_row, t, info,
		err, errlen);
	tmp_drop(path);
	return st;
}

START_TEST(test_csv_read_cp1252)
{
	static const char data[] =
		"Name;Aussage\r\n"
		"M\xFCller;\x84Gr\xFC\xDF" "e\x93 \x96 5 \x80\r\n"
		"\xC4rger;\"mit \"\"Zitat\"\" \x85\"\r\n";
	struct table t;
	struct csv_read_info info;
	ck_assert_int_eq(read_text(data, 0, &t, &info, NULL, 0), STATUS_OK);
	ck_assert_int_eq(info.file.encoding, TEXT_CP1252);
	ck_assert_int_eq(info.sep, ';');
	ck_assert_uint_eq(t.nrows, 3);
	ck_assert_str_eq(t.cell[1][0], "Müller");
	ck_assert_str_eq(t.cell[1][1], "„Grüße“ – 5 €");
	ck_assert_str_eq(t.cell[2][0], "Ärger");
	ck_assert_str_eq(t.cell[2][1], "mit \"Zitat\" …");
	table_free(&t);
}
END_TEST

START_TEST(test_csv_read_bom)
{
	struct table t;
	struct csv_read_info info;
	ck_assert_int_eq(read_text("\xEF\xBB\xBFId;Name\r\n1;Jörg\r\n", 0, &t,
		&info, NULL, 0), STATUS_OK);
	ck_assert(info.file.bom);
	ck_assert_str_eq(t.cell[0][0], "Id");	/* no BOM in the first cell */
	ck_assert_str_eq(t.cell[1][1], "Jörg");
	table_free(&t);
}
END_TEST

START_TEST(test_csv_detect_sep)
{
	static const struct {
		const char *data;
		char sep;
	} cases[] = {
		{ "\"a,b,c\";d;e\n1;2;3\n", ';' },	/* commas quoted */
		{ "a\tb\tc\n1,2,3,4,5\n", '\t' },	/* header line only */
		{ "a,b,c\n", ',' },
		{ "Name\nx\n", ',' },	/* none: default */
		{ "a;b,c\n", ';' },	/* tie: ';' */
		{ "a\tb,c\n", '\t' },	/* tie: tab before ',' */
		{ "\"x\ny;z\",a,b\n", ',' },	/* quoted newline is not the end */
		{ "a,b", ',' },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct table t;
		struct csv_read_info info;
		ck_assert_int_eq(read_text(cases[i].data, 0, &t, &info, NULL, 0),
			STATUS_OK);
		ck_assert_msg(info.sep == cases[i].sep, "case %zu: %d", i,
			info.sep);
		table_free(&t);
	}
	struct table t;
	ck_assert_int_eq(read_text("a,b\n", '|', &t, NULL, NULL, 0),
		STATUS_INVALID);
}
END_TEST

START_TEST(test_csv_read_details)
{
	/* Blank lines are skipped, spaces kept, a last line without
	 * terminator read, a trailing separator is an empty cell. */
	struct table t;
	struct csv_read_info info;
	ck_assert_int_eq(read_text("a,b\n\n\r\n x , y\n1,\n2,3", 0, &t, &info,
		NULL, 0), STATUS_OK);
	ck_assert_uint_eq(t.nrows, 4);
	ck_assert_str_eq(t.cell[1][0], " x ");
	ck_assert_str_eq(t.cell[1][1], " y");
	ck_assert_uint_eq(t.line[1], 4);
	ck_assert_uint_eq(t.ncells[2], 2);
	ck_assert_str_eq(t.cell[2][1], "");
	ck_assert_str_eq(t.cell[3][1], "3");
	table_free(&t);
}
END_TEST

START_TEST(test_csv_broken)
{
	struct table t;
	struct csv_read_info info;
	char err[256] = "";
	/* An unclosed quote swallows the rest of the file. */
	ck_assert_int_eq(read_text("a,b\r\n1,2\r\n\"x,3\r\n4,5\r\n", 0, &t,
		&info, err, sizeof err), STATUS_BAD_FILE);
	ck_assert_msg(strstr(err, "Datensatz 3") != NULL, "%s", err);
	ck_assert_msg(strstr(err, "Zeile 3") != NULL, "%s", err);
	ck_assert_ptr_nonnull(strstr(err, "/tmp/didat-csv-"));
	ck_assert_uint_eq(t.nrows, 2);
	table_free(&t);

	/* A quote followed by text, in record 2 starting on line 3. */
	ck_assert_int_eq(read_text("a,b\n\n\"x\ny\"z,2\n", 0, &t, &info, err,
		sizeof err), STATUS_BAD_FILE);
	ck_assert_msg(strstr(err, "Datensatz 2 (ab Zeile 3)") != NULL, "%s", err);
	ck_assert_msg(strstr(err, "in Zeile 4") != NULL, "%s", err);
	table_free(&t);

	/* A quote inside an unquoted cell. */
	ck_assert_int_eq(read_text("a,b\n5\" Zoll,2\n", 0, &t, &info, err,
		sizeof err), STATUS_BAD_FILE);
	ck_assert_msg(strstr(err, "Datensatz 2") != NULL, "%s", err);
	table_free(&t);
}
END_TEST

START_TEST(test_csv_refused_files)
{
	struct table t;
	struct csv_read_info info;
	char err[256] = "";
	const char *path = "/tmp/didat-does-not-exist/tabelle.csv";
	memset(&t, 0, sizeof t);
	ck_assert_int_eq(csv_reader_read_file(path, 0, collect_row, &t, &info,
		err, sizeof err), STATUS_IO);
	ck_assert_ptr_nonnull(strstr(err, path));
	ck_assert_int_eq(read_text("", 0, &t, &info, err, sizeof err),
		STATUS_BAD_FILE);
	ck_assert_uint_eq(t.nrows, 0);
}
END_TEST

START_TEST(test_csv_callback_stops)
{
	struct table t;
	struct csv_read_info info;
	char path[64];
	static const char data[] = "h\n1\n2\n3\n4\n";
	tmp_write(path, data, strlen(data));
	memset(&t, 0, sizeof t);
	t.stop_at = 2;
	ck_assert_int_eq(csv_reader_read_file(path, 0, collect_row, &t, &info,
		NULL, 0), 42);
	ck_assert_uint_eq(t.nrows, 2);
	ck_assert_uint_eq(info.records, 2);
	table_free(&t);
	tmp_drop(path);
}
END_TEST

/* Cells and records far larger than the read buffer. */
START_TEST(test_csv_big_cell)
{
	size_t big = 200000;
	char *cell = malloc(big + 1);
	ck_assert_ptr_nonnull(cell);
	for (size_t i = 0; i < big; i++)
		cell[i] = i % 100 == 99 ? '\n' : (i % 7 == 0 ? ',' : 'x');
	cell[big] = '\0';
	const char *cells[] = { "kopf", "x", cell, "ende" };
	size_t len;
	char *data = write_rows(NULL, 2, 2, cells, &len);
	char path[64];
	tmp_write(path, data, len);
	free(data);

	struct table t;
	memset(&t, 0, sizeof t);
	ck_assert_int_eq(csv_reader_read_file(path, 0, collect_row, &t, NULL,
		NULL, 0), STATUS_OK);
	ck_assert_uint_eq(t.nrows, 2);
	ck_assert_str_eq(t.cell[1][0], cell);
	ck_assert_str_eq(t.cell[1][1], "ende");
	table_free(&t);
	tmp_drop(path);
	free(cell);
}
END_TEST

extern Suite *csv_suite(void);
Suite *csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *w = tcase_create("writer");
	tcase_add_test(w, test_csv_quoting);
	tcase_add_test(w, test_csv_separators);
	tcase_add_test(w, test_csv_bom_written);
	tcase_add_test(w, test_csv_formula_guard);
	tcase_add_test(w, test_csv_formula_guard_rule);
	tcase_add_test(w, test_csv_int_unguarded);
	tcase_add_test(w, test_csv_empty_rows);
	tcase_add_test(w, test_csv_write_error);
	suite_add_tcase(s, w);
	TCase *r = tcase_create("reader");
	tcase_add_test(r, test_csv_round_trip);
	tcase_add_test(r, test_csv_read_cp1252);
	tcase_add_test(r, test_csv_read_bom);
	tcase_add_test(r, test_csv_detect_sep);
	tcase_add_test(r, test_csv_read_details);
	tcase_add_test(r, test_csv_broken);
	tcase_add_test(r, test_csv_refused_files);
	tcase_add_test(r, test_csv_callback_stops);
	tcase_add_test(r, test_csv_big_cell);
	suite_add_tcase(s, r);
	return s;
}

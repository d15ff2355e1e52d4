/* REFI-QDA (exports/refi_*.c): positions are code points, not bytes;
 * selections are widened to whole lines and give their positions back;
 * GUIDs stay what they are.  The project files are written here by
 * hand, as another program writes them. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "exports/refi.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/undo.h"
#include "tests/unit/fixture.h"

extern Suite *refi_suite(void);

#define USER "11111111-1111-1111-1111-111111111111"
#define CODE_X "22222222-2222-2222-2222-222222222222"
#define CODE_Y "23232323-2323-2323-2323-232323232323"

/* A zip at PATH holding project.qde with QDE and SOURCE_NAME with SOURCE. */
static void write_zip(const char *path, const char *qde, const char *source_name,
	const char *source)
{
	int err = 0;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	ck_assert_ptr_nonnull(z);
	const char *names[] = { "project.qde", source_name }, *texts[] = { qde, source };
	for (int i = 0; i < 2; i++) {
		zip_source_t *src = zip_source_buffer(z, texts[i], strlen(texts[i]), 0);
		ck_assert_ptr_nonnull(src);
		ck_assert_int_ge(zip_file_add(z, names[i], src, ZIP_FL_ENC_UTF_8), 0);
	}
	ck_assert_int_eq(zip_close(z), 0);
}

/* ENTRY of the zip at PATH, malloc'd. */
static char *read_zip(const char *path, const char *entry)
{
	int err = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &err);
	ck_assert_ptr_nonnull(z);
	zip_stat_t st;
	ck_assert_int_eq(zip_stat(z, entry, 0, &st), 0);
	char *buf = malloc(st.size + 1);
	zip_file_t *f = zip_fopen(z, entry, 0);
	ck_assert_int_eq(zip_fread(f, buf, st.size), (zip_int64_t)st.size);
	buf[st.size] = '\0';
	zip_fclose(f);
	zip_discard(z);
	return buf;
}

static const char *selection(char *buf, size_t size, const char *guid, int start, int end,
	const char *code, const char *note)
{
	snprintf(buf, size, "<PlainTextSelection guid=\"%s\" startPosition=\"%d\" endPosition=\"%d\""
		" creatingUser=\"" USER "\"><Coding guid=\"%.35s9\" creatingUser=\"" USER "\">"
		"<CodeRef targetGUID=\"%s\"/></Coding>%s%s%s</PlainTextSelection>\n", guid, start, end,
		guid, code, note ? "<NoteRef targetGUID=\"" : "", note ? note : "", note ? "\"/>" : "");
	return buf;
}

/* Line 1 "Grüße „Zitat“ ß 😀" is 17 code points (and 26 bytes); CRLF
 * ends it, so line 2 "Zweite" starts at 19 and ends at 25; a lone CR
 * ends that, line 3 "Dritte" runs 26-32 with no line break after it. */
static const char text[] = "Grüße „Zitat“ ß 😀\r\nZweite\rDritte";

static void write_project(const char *path)
{
	char a[600], b[600], c[600], d[600], e[600], qde[8192];
	snprintf(qde, sizeof qde, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"Von Hand\">\n"
		"<Users><User guid=\"" USER "\" name=\"Jörg\"/></Users>\n"
		"<CodeBook><Codes><Code guid=\"21212121-2121-2121-2121-212121212121\" name=\"Oben\""
		" isCodable=\"false\" color=\"#ABCDEF\">"
		"<Code guid=\"" CODE_X "\" name=\"X\" isCodable=\"true\" color=\"#abc\"/></Code>"
		"<Code guid=\"" CODE_Y "\" name=\"Y\" isCodable=\"true\"/></Codes></CodeBook>\n"
		"<Sources><TextSource guid=\"33333333-3333-3333-3333-333333333333\" name=\"Quelle\""
		" plainTextPath=\"internal://q.txt\">\n%s%s%s%s%s</TextSource>\n"
		"<PDFSource guid=\"66666666-6666-6666-6666-666666666666\" name=\"Studie.pdf\">"
		"<Description>nur ein PDF</Description></PDFSource>"
		"<TextSource guid=\"34343434-3434-3434-3434-343434343434\" name=\"Leer\">"
		"<PlainTextContent>ohne Auswahl</PlainTextContent></TextSource></Sources>\n"
		"<Notes><Note guid=\"77777777-7777-7777-7777-777777777777\" name=\"n\">"
		"<PlainTextContent>Notiz zur Auswahl</PlainTextContent></Note></Notes>\n"
		"</Project>\n",
		selection(a, sizeof a, "aaaaaaaa-0000-4000-8000-000000000001", 19, 25, CODE_X, NULL),
		selection(b, sizeof b, "bbbbbbbb-0000-4000-8000-000000000002", 26, 32, CODE_X, NULL),
		selection(c, sizeof c, "cccccccc-0000-4000-8000-000000000003", 3, 10, CODE_X,
			"77777777-7777-7777-7777-777777777777"),
		selection(d, sizeof d, "dddddddd-0000-4000-8000-000000000004", 20, 27, CODE_Y, NULL),
		selection(e, sizeof e, "eeeeeeee-0000-4000-8000-000000000005", 0, 19, CODE_Y, NULL));
	/* the text in a file of the zip: an XML parser would read its CRs as LF */
	write_zip(path, qde, "sources/q.txt", text);
}

static int64_t coding_of(struct db *db, const char *guid, const char *column)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT %s FROM coding WHERE guid = '%s'", column, guid);
	return fixture_int(db, sql);
}

static char *memo_of(struct db *db, const char *guid)
{
	struct db_stmt *st = db_prepare(db, "SELECT coalesce(memo, '') FROM coding WHERE guid = ?1");
	db_bind_text(st, 1, guid);
	ck_assert_int_eq(db_step(st), DB_ROW);
	char *memo = db_column_strdup(st, 0);
	db_reset(st);
	return memo;
}

START_TEST(positions_are_code_points_and_widening_is_counted)
{
	char path[FIXTURE_PATH_MAX], qdpx[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	fixture_session(db, "Vorher");
	fixture_temp_path(qdpx);
	write_project(qdpx);
	struct refi_import_result r;
	ck_assert_msg(refi_import_qdpx(db, 0, qdpx, NULL, NULL, &r) == STATUS_OK, "%s", db_error(db));
	ck_assert_int_eq(r.sources, 2);   /* one without any selection, after the PDF */
	ck_assert_int_eq(r.skipped, 1);
	ck_assert_str_eq(r.skipped_names, "Studie.pdf (PDFSource)");
	ck_assert_int_eq(r.selections, 5);
	ck_assert_int_eq(r.codings, 5);
	ck_assert_int_eq(r.widened, 2);   /* 3-10 and 20-27 */
	ck_assert_int_eq(r.codes, 3);
	/* the lines as they were, CRLF and CR ends gone */
	ck_assert_int_eq(fixture_int1(db, "SELECT line_count FROM document WHERE session_id = ?1"
		" AND title = 'Quelle'", r.session_id), 3);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM line WHERE text IN"
		" ('Grüße „Zitat“ ß 😀', 'Zweite', 'Dritte')"), 3);
	/* exact: line 2, the last line without a line break, line 1 up to its CRLF */
	ck_assert_int_eq(coding_of(db, "aaaaaaaa-0000-4000-8000-000000000001", "first_line"), 2);
	ck_assert_int_eq(coding_of(db, "aaaaaaaa-0000-4000-8000-000000000001", "last_line"), 2);
	ck_assert_int_eq(coding_of(db, "bbbbbbbb-0000-4000-8000-000000000002", "first_line"), 3);
	ck_assert_int_eq(coding_of(db, "eeeeeeee-0000-4000-8000-000000000005", "last_line"), 1);
	/* widened, the exact positions kept in the memo, counted in the text as
	 * stored (its lines joined by LF): 20 is 19 there, 27 is 26 */
	ck_assert_int_eq(coding_of(db, "cccccccc-0000-4000-8000-000000000003", "first_line"), 1);
	ck_assert_int_eq(coding_of(db, "dddddddd-0000-4000-8000-000000000004", "first_line"), 2);
	ck_assert_int_eq(coding_of(db, "dddddddd-0000-4000-8000-000000000004", "last_line"), 3);
	char *memo = memo_of(db, "cccccccc-0000-4000-8000-000000000003");
	ck_assert_str_eq(memo, "Notiz zur Auswahl\n\nREFI-QDA: startPosition=3, endPosition=10");
	free(memo);
	memo = memo_of(db, "dddddddd-0000-4000-8000-000000000004");
	ck_assert_str_eq(memo, "REFI-QDA: startPosition=19, endPosition=26");
	free(memo);
	/* colours: #abc is #aabbcc; a parent that was not codable is a free code */
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM code WHERE name = 'X' AND"
		" colour = '#aabbcc' AND parent_id = (SELECT id FROM code WHERE name = 'Oben')"), 1);

	/* the export: positions in its own text (LF ends), the widened ones as
	 * they were, the mark no note */
	char out[FIXTURE_PATH_MAX];
	fixture_temp_path(out);
	FILE *f = fopen(out, "wb");
	ck_assert_int_eq(refi_write_qdpx(db, r.session_id, f), STATUS_OK);
	fclose(f);
	char *qde = read_zip(out, "project.qde");
	ck_assert(fixture_contains(qde, "guid=\"aaaaaaaa-0000-4000-8000-000000000001\" "
		"startPosition=\"18\" endPosition=\"24\""));
	ck_assert(fixture_contains(qde, "guid=\"bbbbbbbb-0000-4000-8000-000000000002\" "
		"startPosition=\"25\" endPosition=\"31\""));
	ck_assert(fixture_contains(qde, "guid=\"cccccccc-0000-4000-8000-000000000003\" "
		"startPosition=\"3\" endPosition=\"10\""));
	ck_assert(fixture_contains(qde, "guid=\"dddddddd-0000-4000-8000-000000000004\" "
		"startPosition=\"19\" endPosition=\"26\""));
	ck_assert(fixture_contains(qde, "<PlainTextContent>Notiz zur Auswahl</PlainTextContent>"));
	ck_assert(!fixture_contains(qde, "REFI-QDA: startPosition"));
	ck_assert(fixture_contains(qde, "<User guid=\"" USER "\" name=\"Jörg\"/>"));
	free(qde);
	char *source = read_zip(out, "sources/33333333-3333-3333-3333-333333333333.txt");
	ck_assert_str_eq(source, "Grüße „Zitat“ ß 😀\nZweite\nDritte\n");
	free(source);
	fixture_remove(out);
	fixture_remove(qdpx);
	fixture_close(db, path);
}
END_TEST

START_TEST(guids_stay_through_undo_and_redo_and_exports)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "GUID");
	static const char *const lines[] = { "eins", "zwei" };
	int64_t doc = fixture_document(db, s, "P", 0, "sha-g", lines, 2);
	int64_t code;
	ck_assert_int_eq(code_create_free(db, s, "Daten", 0, NULL, NULL, &code), STATUS_OK);
	int64_t k = fixture_coding(db, s, doc, 1, 2, code, "anna");
	struct db_stmt *st = db_prepare(db, "SELECT guid FROM coding WHERE id = ?1");
	db_bind_int(st, 1, k);
	ck_assert_int_eq(db_step(st), DB_ROW);
	char *guid = db_column_strdup(st, 0);
	db_reset(st);
	ck_assert_uint_eq(strlen(guid), 36);
	/* deleted and brought back: the same GUID */
	ck_assert_int_eq(coding_delete(db, k), STATUS_OK);
	struct undo_result u;
	ck_assert_int_eq(undo_last(db, s, UNDO_MINE, &u), STATUS_OK);
	db_bind_int(st = db_prepare(db, "SELECT guid FROM coding WHERE id = ?1"), 1, k);
	ck_assert_int_eq(db_step(st), DB_ROW);
	ck_assert_str_eq(db_column_text(st, 0), guid);
	db_reset(st);
	/* two codebook exports are byte for byte the same */
	char a[FIXTURE_PATH_MAX], b[FIXTURE_PATH_MAX];
	fixture_temp_path(a);
	fixture_temp_path(b);
	FILE *fa = fopen(a, "wb"), *fb = fopen(b, "wb");
	ck_assert_int_eq(refi_write_qdc(db, s, fa), STATUS_OK);
	ck_assert_int_eq(refi_write_qdc(db, s, fb), STATUS_OK);
	fclose(fa);
	fclose(fb);
	size_t la, lb;
	char *ta = fixture_read_file(a, &la), *tb = fixture_read_file(b, &lb);
	ck_assert(la == lb && memcmp(ta, tb, la) == 0);
	free(ta);
	free(tb);
	fixture_remove(a);
	fixture_remove(b);
	free(guid);
	fixture_close(db, path);
}
END_TEST

static void count_progress(void *ctx, const struct refi_import_result *so_far)
{
	int64_t *calls = ctx;
	ck_assert_int_eq(so_far->sources, (*calls + 1) * REFI_PROGRESS_EVERY);
	++*calls;
}

START_TEST(a_large_project_reports_progress)
{
	char path[FIXTURE_PATH_MAX], qdpx[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	size_t size = 64 * 1024;
	char *qde = malloc(size);
	int len = snprintf(qde, size, "<?xml version=\"1.0\"?><Project xmlns=\"urn:QDA-XML:project:1.0\""
		" name=\"Gross\"><Sources>");
	for (int i = 0; i < 2 * REFI_PROGRESS_EVERY + 5; i++)
		len += snprintf(qde + len, size - (size_t)len, "<TextSource guid=\"33333333-3333-3333-3333-"
			"%012d\" name=\"Q%d\"><PlainTextContent>Text %d</PlainTextContent></TextSource>", i, i,
			i);
	snprintf(qde + len, size - (size_t)len, "</Sources></Project>");
	fixture_temp_path(qdpx);
	write_zip(qdpx, qde, "sources/unused.txt", "");
	int64_t calls = 0;
	struct refi_import_result r;
	ck_assert_int_eq(refi_import_qdpx(db, 0, qdpx, count_progress, &calls, &r), STATUS_OK);
	ck_assert_int_eq(r.sources, 2 * REFI_PROGRESS_EVERY + 5);
	ck_assert_int_eq(calls, 2);
	free(qde);
	fixture_remove(qdpx);
	fixture_close(db, path);
}
END_TEST

Suite *refi_suite(void)
{
	Suite *s = suite_create("refi");
	TCase *tc = tcase_create("refi");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(tc, positions_are_code_points_and_widening_is_counted);
	tcase_add_test(tc, guids_stay_through_undo_and_redo_and_exports);
	tcase_add_test(tc, a_large_project_reports_progress);
	suite_add_tcase(s, tc);
	return s;
}

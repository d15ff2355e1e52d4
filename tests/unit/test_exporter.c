/* exports/exporter and importer: every row of both tables, driven the way
 * both front ends drive them, and export_to_path() leaving either the
 * whole new file or the old one, never a temporary file. */
#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exports/exporter.h"
#include "exports/importer.h"
#include "model/db.h"
#include "model/demo.h"
#include "tests/unit/fixture.h"

extern Suite *exporter_suite(void);

/* A fresh folder under /tmp; its name into DIR. */
static void make_dir(char *dir)
{
	snprintf(dir, FIXTURE_PATH_MAX, "/tmp/didat-exporter-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

/* The number of entries in DIR besides . and .. */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	int n = 0;
	for (struct dirent *e; (e = readdir(d));)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	ck_assert_ptr_nonnull(d);
	char path[FIXTURE_PATH_MAX * 2];
	for (struct dirent *e; (e = readdir(d));) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (remove(path) != 0)
			rmdir(path);
	}
	closedir(d);
	rmdir(dir);
}

START_TEST(every_exporter_writes_a_whole_file)
{
	char path[FIXTURE_PATH_MAX], dir[FIXTURE_PATH_MAX], file[FIXTURE_PATH_MAX * 2];
	struct db *db = fixture_open(path);
	int64_t s;
	ck_assert_int_eq(demo_create(db, &s), STATUS_OK);
	make_dir(dir);
	ck_assert_uint_gt(exporter_count(), 0);
	ck_assert_ptr_null(exporter_at(exporter_count()));
	for (size_t i = 0; exporter_at(i); i++) {
		const struct exporter *e = exporter_at(i);
		ck_assert_ptr_eq(exporter_find(e->name), e);
		ck_assert(e->label[0] && e->file[0] && e->write);
		snprintf(file, sizeof file, "%s/%s", dir, e->file);
		struct export_request r = { .db = db, .session = s };
		if (e->flags & EXPORT_DOCUMENT)
			r.document = fixture_int1(db, "SELECT min(id) FROM document WHERE session_id = ?1", s);
		struct atomic_file f;
		ck_assert_msg(export_to_path(e, &r, file, &f) == STATUS_OK, "export %s", e->name);
		ck_assert_int_eq(f.stage, ATOMIC_OK);
		struct stat st;
		ck_assert_int_eq(stat(file, &st), 0);
		ck_assert_msg(st.st_size > 0 && st.st_size == f.bytes, "%s: %ld bytes, said %ld",
			e->name, (long)st.st_size, f.bytes);
		ck_assert_int_eq(entries(dir), (int)i + 1);  /* no temporary file beside it */
	}
	ck_assert_ptr_null(exporter_find("nothing"));
	remove_dir(dir);
	fixture_close(db, path);
}
END_TEST

/* Writes a little, then fails as a full disk would. */
static enum status write_then_fail(const struct exporter *self, const struct export_request *r,
	FILE *out)
{
	(void)self;
	(void)r;
	fputs("half", out);
	errno = ENOSPC;
	return STATUS_IO;
}

START_TEST(a_failed_export_keeps_the_old_file)
{
	char dir[FIXTURE_PATH_MAX], file[FIXTURE_PATH_MAX * 2], why[FIXTURE_PATH_MAX * 3];
	make_dir(dir);
	snprintf(file, sizeof file, "%s/old.csv", dir);
	fixture_write_file(file, "old\n", 4);
	const struct exporter failing = { "failing", "", "x.csv", 0, write_then_fail };
	struct export_request r = { 0 };
	struct atomic_file f;
	ck_assert_int_eq(export_to_path(&failing, &r, file, &f), STATUS_IO);
	ck_assert_int_eq(f.stage, ATOMIC_WRITE);
	ck_assert_int_eq(f.error, ENOSPC);
	ck_assert(fixture_file_equals(file, "old\n", 4));
	ck_assert_int_eq(entries(dir), 1);
	atomic_failure(&f, file, why, sizeof why);
	ck_assert_msg(fixture_contains(why, file) && fixture_contains(why, strerror(ENOSPC)), "%s",
		why);

	/* a folder that does not exist: nothing is created */
	snprintf(file, sizeof file, "%s/missing/x.csv", dir);
	ck_assert_int_eq(export_to_path(exporter_find("report"), &r, file, &f), STATUS_IO);
	ck_assert_int_eq(f.stage, ATOMIC_OPEN);
	ck_assert_int_eq(f.error, ENOENT);

	/* a folder where the file should go: the rename fails, no temp is left */
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	r = (struct export_request){ .db = db, .session = fixture_session(db, "S") };
	snprintf(file, sizeof file, "%s/folder", dir);
	ck_assert_int_eq(mkdir(file, 0700), 0);
	ck_assert_int_eq(export_to_path(exporter_find("report"), &r, file, &f), STATUS_IO);
	ck_assert_int_eq(f.stage, ATOMIC_RENAME);
	ck_assert_int_eq(entries(dir), 2);
	ck_assert_int_eq(entries(file), 0);
	fixture_close(db, path);
	remove_dir(dir);
}
END_TEST

/* Each importer reads what the exporter of the same name wrote, all into
 * one second session in the table's order, and counts what it read. */
START_TEST(every_importer_reads_its_export)
{
	char path[FIXTURE_PATH_MAX], dir[FIXTURE_PATH_MAX], file[FIXTURE_PATH_MAX * 2];
	struct db *db = fixture_open(path);
	int64_t s;
	ck_assert_int_eq(demo_create(db, &s), STATUS_OK);
	int64_t t = fixture_session(db, "Zweite");
	make_dir(dir);
	ck_assert_uint_gt(importer_count(), 0);
	ck_assert_ptr_null(importer_at(importer_count()));
	for (size_t i = 0; importer_at(i); i++) {
		const struct importer *im = importer_at(i);
		ck_assert_ptr_eq(importer_find(im->name), im);
		const struct exporter *e = exporter_find(im->name);
		ck_assert_msg(e != NULL, "no export for import %s", im->name);
		snprintf(file, sizeof file, "%s/%s", dir, e->file);
		struct export_request r = { .db = db, .session = s };
		if (e->flags & EXPORT_DOCUMENT)
			r.document = fixture_int1(db, "SELECT min(id) FROM document WHERE session_id = ?1", s);
		struct atomic_file f;
		ck_assert_int_eq(export_to_path(e, &r, file, &f), STATUS_OK);
		int64_t count = 0;
		ck_assert_msg(im->read(im, db, t, file, &count) == STATUS_OK, "import %s: %s",
			im->name, db_error(db));
		ck_assert_msg(count > 0, "import %s read nothing", im->name);
		char done[128];
		snprintf(done, sizeof done, importer_done(im, count), "f", (long long)count);
		ck_assert_msg(fixture_contains(done, "f: "), "%s", done);
	}
	ck_assert_ptr_null(importer_find("nothing"));
	remove_dir(dir);
	fixture_close(db, path);
}
END_TEST

Suite *exporter_suite(void)
{
	Suite *s = suite_create("exporter");
	TCase *tc = tcase_create("tables");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(tc, every_exporter_writes_a_whole_file);
	tcase_add_test(tc, a_failed_export_keeps_the_old_file);
	tcase_add_test(tc, every_importer_reads_its_export);
	suite_add_tcase(s, tc);
	return s;
}

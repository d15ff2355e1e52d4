/* model/codebook: the row of one code as the codebook screen draws it,
 * the same as code_read() says for every type. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "model/codebook.h"
#include "model/coding.h"
#include "model/db.h"

extern Suite *codebook_suite(void);

struct seen {
	int calls;
	int64_t id, codings;
	char type[16], name[128], colour[16];
};

static void keep_row(void *ctx, const struct codebook_row *row)
{
	struct seen *s = ctx;
	s->calls++;
	s->id = row->id;
	s->codings = row->codings;
	snprintf(s->type, sizeof s->type, "%s", row->type);
	snprintf(s->name, sizeof s->name, "%s", row->name);
	snprintf(s->colour, sizeof s->colour, "%s", row->colour);
}

static int keep_info(void *ctx, const struct code_info *info)
{
	struct seen *s = ctx;
	s->calls++;
	s->id = info->id;
	s->codings = info->codings;
	snprintf(s->type, sizeof s->type, "%s", info->type);
	snprintf(s->name, sizeof s->name, "%s", info->name);
	snprintf(s->colour, sizeof s->colour, "%s", info->colour);
	return 0;
}

/* The row says what code_read() says, for a free code deep in the tree
 * (its own name, not its path) and for each item type. */
static void assert_same_as_code_read(struct db *db, int64_t id)
{
	struct seen row = { 0 }, info = { 0 };
	ck_assert_int_eq(codebook_row_read(db, id, keep_row, &row), STATUS_OK);
	ck_assert_int_eq(code_read(db, id, keep_info, &info), STATUS_OK);
	ck_assert_int_eq(row.calls, 1);
	ck_assert_int_eq(row.id, id);
	ck_assert_str_eq(row.type, info.type);
	ck_assert_str_eq(row.name, info.name);
	ck_assert_str_eq(row.colour, info.colour);
	ck_assert_int_eq(row.codings, info.codings);
}

START_TEST(test_codebook_row_read)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Codebuch");
	int64_t top, mid, leaf;
	ck_assert_int_eq(code_create_free(db, s, "Daten", 0, "#2e86ab", NULL, &top), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "Eigentum", top, NULL, NULL, &mid), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "Größe", mid, "magenta", "Def", &leaf), STATUS_OK);
	int64_t unseen = fixture_item_code(db, "unseen", fixture_unseen(db, s, "Datenabfluss", 0));
	int64_t goal = fixture_item_code(db, "goal", fixture_goal(db, s, "Kontrolle behalten", 0));
	int64_t variable = fixture_item_code(db, "variable", fixture_variable(db, s, "Kompetenz"));
	static const char *const lines[] = { "eins", "zwei", "drei" };
	int64_t doc = fixture_document(db, s, "Protokoll", 0, "sha-1", lines, 3);
	fixture_coding(db, s, doc, 1, 2, leaf, "anna");
	fixture_coding(db, s, doc, 2, 3, leaf, "ben");
	fixture_coding(db, s, doc, 3, 3, unseen, "anna");

	struct seen row = { 0 };
	ck_assert_int_eq(codebook_row_read(db, leaf, keep_row, &row), STATUS_OK);
	ck_assert_str_eq(row.type, "free");
	ck_assert_str_eq(row.name, "Größe");
	ck_assert_str_eq(row.colour, "magenta");
	ck_assert_int_eq(row.codings, 2);
	memset(&row, 0, sizeof row);
	ck_assert_int_eq(codebook_row_read(db, unseen, keep_row, &row), STATUS_OK);
	ck_assert_str_eq(row.type, "unseen");
	ck_assert_str_eq(row.name, "Datenabfluss");
	ck_assert_str_eq(row.colour, "");
	ck_assert_int_eq(row.codings, 1);

	const int64_t ids[] = { top, mid, leaf, unseen, goal, variable };
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
		assert_same_as_code_read(db, ids[i]);

	/* a code that is not there: named, and the callback never called */
	memset(&row, 0, sizeof row);
	ck_assert_int_eq(codebook_row_read(db, 9999, keep_row, &row), STATUS_NOT_FOUND);
	ck_assert_int_eq(row.calls, 0);
	ck_assert_msg(strstr(db_error(db), "9999"), "%s", db_error(db));
	fixture_close(db, path);
}
END_TEST

Suite *codebook_suite(void)
{
	Suite *s = suite_create("codebook");
	TCase *tc = tcase_create("rows");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(tc, test_codebook_row_read);
	suite_add_tcase(s, tc);
	return s;
}

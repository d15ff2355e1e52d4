/* Every row of model/kinds.def, walked without naming a kind: each can be
 * created from its field table alone, listed, found by the search when it
 * is searched, copied with its session, deleted and brought back by undo,
 * and its codes and CSV tables are where its row says.  A new kind that
 * misses one of these fails here without a line of this file changed. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "exports/exporter.h"
#include "exports/importer.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/item.h"
#include "model/search.h"
#include "model/session.h"
#include "model/undo.h"
#include "tests/unit/fixture.h"

extern Suite *kinds_suite(void);

/* A word that only KIND's new item holds: "wortunseen". */
static void word_of(const struct item_type *t, char *buf, size_t size)
{
	snprintf(buf, size, "wort%s", t->name);
}

/* Creates an item of T in SESSION from its field table: texts get the
 * kind's word (a key column a letter), required numbers their minimum,
 * required references a new item of their kind, choices their first. */
static int64_t create_any(struct db *db, int64_t session, const struct item_type *t, int depth)
{
	ck_assert_int_lt(depth, 4);
	union item_any any;
	memset(&any, 0, sizeof any);
	int64_t *head = (int64_t *)&any;
	head[1] = session;
	char word[64], value[64];
	word_of(t, word, sizeof word);
	for (size_t i = 0; i < t->nfields; i++) {
		const struct item_field *f = &t->fields[i];
		value[0] = '\0';
		if (f->kind == FIELD_TEXT)
			snprintf(value, sizeof value, "%s", t->key_column && strcmp(f->column, t->key_column) == 0
				? "Z" : word);
		else if (f->kind == FIELD_INT && (f->required || (t->key_column &&
		         strcmp(f->column, t->key_column) == 0)))
			snprintf(value, sizeof value, "%lld", (long long)(f->max > 50 ? 50 : f->max));
		else if (f->kind == FIELD_CHOICE && f->choices)
			snprintf(value, sizeof value, "%s", f->choices[0]);
		if (value[0])
			ck_assert_msg(item_parse(db, t, &any, f, value) == STATUS_OK, "%s.%s = %s: %s",
				t->name, f->name, value, db_error(db));
		if (f->kind == FIELD_REF && f->required) {
			int64_t ref = create_any(db, session, item_type(f->ref), depth + 1);
			ck_assert_int_eq(item_set_ref(db, t, &any, f, ref), STATUS_OK);
		}
	}
	ck_assert_msg(item_create(db, t, &any) == STATUS_OK, "create %s: %s", t->name, db_error(db));
	int64_t id = head[0];
	item_clear(t, &any);
	return id;
}

static int count_item(void *ctx, const void *item)
{
	(void)item;
	++*(int *)ctx;
	return 0;
}

struct found {
	const char *kind;
	int64_t id;
	bool hit;
};

static int find_hit(void *ctx, const struct search_hit *h)
{
	struct found *f = ctx;
	if (h->place == SEARCH_ITEM && strcmp(h->kind, f->kind) == 0 && h->item_id == f->id)
		f->hit = true;
	return 0;
}

static bool search_finds(struct db *db, int64_t session, const struct item_type *t, int64_t id)
{
	char word[64];
	word_of(t, word, sizeof word);
	struct found f = { t->name, id, false };
	ck_assert_int_eq(search_run(db, session, word, find_hit, &f), STATUS_OK);
	return f.hit;
}

START_TEST(every_kind_round_trips)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	fixture_session(db, "Erste");   /* so that no id of the second equals a number by chance */
	int64_t s = fixture_session(db, "Zweite");
	size_t codes = 0;
	for (int k = 0; k < ITEM_KIND_COUNT; k++) {
		const struct item_type *t = item_type((enum item_kind)k);
		ck_assert_ptr_eq(item_type_by_name(t->name), t);
		ck_assert(t->label && t->plural && t->title_column && t->order);
		ck_assert_msg(item_field_by_name(t, t->title_column) ||
			strcmp(t->title_column, "title") == 0, "%s: title %s", t->name, t->title_column);
		ck_assert_int_eq(t->is_code, t->code_rank > 0);
		if (t->is_code) {
			codes++;
			ck_assert_str_eq(code_type_at((size_t)t->code_rank - 1), t->name);
		}
		if (t->csv) {
			ck_assert_msg(exporter_find(t->csv) != NULL, "%s: no export %s", t->name, t->csv);
			ck_assert_msg(importer_find(t->csv) != NULL, "%s: no import %s", t->name, t->csv);
		}
		if (t->kind == ITEM_SESSION)
			continue;
		int64_t id = create_any(db, s, t, 0);
		int listed = 0;
		ck_assert_int_eq(item_list(db, t, s, count_item, &listed), STATUS_OK);
		ck_assert_int_ge(listed, 1);
		if (t->search)
			ck_assert_msg(search_finds(db, s, t, id), "search does not find the new %s", t->name);
		if (t->is_code)
			ck_assert_int_gt(fixture_item_code(db, t->name, id), 0);

		/* copied with its session, then deleted and brought back */
		int64_t copy;
		ck_assert_int_eq(session_duplicate(db, s, NULL, &copy), STATUS_OK);
		int in_copy = 0;
		ck_assert_int_eq(item_list(db, t, copy, count_item, &in_copy), STATUS_OK);
		ck_assert_int_eq(in_copy, listed);
		ck_assert_msg(item_delete(db, t, id) == STATUS_OK, "delete %s: %s", t->name, db_error(db));
		ck_assert_int_ne(item_find_by_id(db, t, s, id), STATUS_OK);
		if (t->search)
			ck_assert(!search_finds(db, s, t, id));
		struct undo_result r;
		ck_assert_msg(undo_last(db, s, UNDO_MINE, &r) == STATUS_OK, "undo delete %s: %s", t->name,
			db_error(db));
		ck_assert_int_eq(item_find_by_id(db, t, s, id), STATUS_OK);
		if (t->search)
			ck_assert_msg(search_finds(db, s, t, id), "search lost the restored %s", t->name);
	}
	/* names and short names are edited on one line, descriptions on many */
	ck_assert(item_field_by_name(item_type(ITEM_VARIABLE), "short")->one_line);
	ck_assert(item_field_by_name(item_type(ITEM_UNSEEN), "title")->one_line);
	ck_assert(!item_field_by_name(item_type(ITEM_UNSEEN), "description")->one_line);
	ck_assert(!item_field_by_name(item_type(ITEM_GOAL), "text")->one_line);
	ck_assert_uint_eq(codes + 1, code_type_count());
	ck_assert_str_eq(code_type_at(codes), "free");
	ck_assert_ptr_null(code_type_at(codes + 1));
	fixture_close(db, path);
}
END_TEST

Suite *kinds_suite(void)
{
	Suite *s = suite_create("kinds");
	TCase *tc = tcase_create("kinds.def");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, every_kind_round_trips);
	suite_add_tcase(s, tc);
	return s;
}

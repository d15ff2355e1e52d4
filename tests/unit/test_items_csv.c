/* exports/items_csv: every item table written and read back into a second
 * session, the reader's encodings, and every refusal with its row and
 * column and the database left as it was. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exports/items_csv.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/item.h"
#include "tests/unit/fixture.h"

extern Suite *items_csv_suite(void);

static const char *const kinds[] = { "components", "stakeholders", "unseens", "goals",
	"measures", "codes" };
#define NKINDS (sizeof kinds / sizeof kinds[0])

static char *export_string(struct db *db, int64_t s, const char *what,
	const struct csv_options *opt)
{
	FILE *f = tmpfile();
	ck_assert_ptr_nonnull(f);
	enum status rc = items_csv_write(db, s, what, f, opt);
	ck_assert_msg(rc == STATUS_OK, "export %s: %s", what, db_error(db));
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

/* TEXT without the id cell at the start of each record (records end with
 * CRLF; embedded newlines in the test data are bare LF).  In place. */
static char *cut_ids(char *text)
{
	char *w = text;
	const char *r = text;
	bool start = true;
	while (*r) {
		if (start && r != text) {
			while (*r >= '0' && *r <= '9')
				r++;
		}
		if (start && r == text && strncmp(r, "id", 2) == 0)
			r += 2;
		start = false;
		*w++ = *r;
		if (r[0] == '\r' && r[1] == '\n') {
			*w++ = '\n';
			r++;
			start = true;
		}
		if (*r)
			r++;
	}
	*w = '\0';
	return text;
}

static void import_text(struct db *db, int64_t s, const char *what, const char *text, size_t len)
{
	char csv[FIXTURE_PATH_MAX];
	fixture_temp_path(csv);
	fixture_write_file(csv, text, len);
	int64_t n = -1;
	enum status rc = items_csv_import(db, s, what, csv, &n);
	ck_assert_msg(rc == STATUS_OK, "import %s: %s", what, db_error(db));
	ck_assert_int_ge(n, 0);
	fixture_remove(csv);
}

static void set_unseen(struct db *db, int64_t id, int64_t l, int64_t i, int64_t c, int64_t votes,
	const char *description, const char *causes)
{
	const struct item_type *t = item_type(ITEM_UNSEEN);
	struct unseen u;
	ck_assert_int_eq(item_read(db, t, id, &u), STATUS_OK);
	u.likelihood = l;
	u.impact = i;
	u.capacity = c;
	u.votes = votes;
	free(u.description);
	free(u.causes);
	u.description = description ? strdup(description) : NULL;
	u.causes = causes ? strdup(causes) : NULL;
	ck_assert_msg(item_update(db, t, &u) == STATUS_OK, "%s", db_error(db));
	item_clear(t, &u);
}

/* A session with something tricky in every column. */
static int64_t full_session(struct db *db)
{
	int64_t s = fixture_session(db, "Quelle");
	int64_t c3 = fixture_component(db, s, 3, "Plattformen „Daten“");
	fixture_component(db, s, 5, "Straße, Weg; Ziel");
	int64_t h1 = fixture_stakeholder(db, s, "Hochschulen");
	int64_t h2 = fixture_stakeholder(db, s, "Bürger, „Initiativen“");
	int64_t h3 = fixture_stakeholder(db, s, "Verbände\nund Kammern");
	(void)h3;
	int64_t u1 = fixture_unseen(db, s, "Abhängigkeit „Lock-in“", c3);
	int64_t u2 = fixture_unseen(db, s, "Große Maße; mit Semikolon", 0);
	int64_t u3 = fixture_unseen(db, s, "=SUMME(A1)", 0);
	set_unseen(db, u1, 4, 5, 2, 7, "Zeile 1\nZeile 2, mit Komma und \"Anführung\"", "-Preis");
	set_unseen(db, u2, 3, 3, 0, 0, "ß", NULL);  /* unrated capacity: no vulnerability */
	set_unseen(db, u3, 1, 1, 5, 1, NULL, "+Tempo @Leute");
	ck_assert_int_eq(link_add(db, LINK_UNSEEN_STAKEHOLDER, u1, h1), STATUS_OK);
	ck_assert_int_eq(link_add(db, LINK_UNSEEN_STAKEHOLDER, u1, h2), STATUS_OK);
	int64_t g1 = fixture_goal(db, s, "Souveränität, überall", c3);
	int64_t g2 = fixture_goal(db, s, "Mehr „Teilhabe“", 0);
	ck_assert_int_eq(link_add(db, LINK_GOAL_UNSEEN, g1, u1), STATUS_OK);
	ck_assert_int_eq(link_add(db, LINK_GOAL_UNSEEN, g1, u3), STATUS_OK);
	int64_t m1 = fixture_measure(db, s, "Open Source fördern", fixture_actor(db, s, "B"));
	fixture_measure(db, s, "Nichts; tun", 0);
	ck_assert_int_eq(link_add(db, LINK_MEASURE_GOAL, m1, g1), STATUS_OK);
	ck_assert_int_eq(link_add(db, LINK_MEASURE_GOAL, m1, g2), STATUS_OK);
	int64_t daten, id;
	ck_assert_int_eq(code_create_free(db, s, "Daten", 0, "#ff0000", NULL, &daten), STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "Eigentum, „fremd“", daten, NULL, NULL, &id),
		STATUS_OK);
	ck_assert_int_eq(code_create_free(db, s, "Zugang", 0, "#00ff00", NULL, &id), STATUS_OK);
	return s;
}

static void round_trip(const struct csv_options *opt)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = full_session(db);
	int64_t t = fixture_session(db, "Ziel");
	for (size_t k = 0; k < NKINDS; k++) {
		char *first = export_string(db, s, kinds[k], opt);
		import_text(db, t, kinds[k], first, strlen(first));
		char *second = export_string(db, t, kinds[k], opt);
		ck_assert_str_eq(cut_ids(first), cut_ids(second));
		free(first);
		free(second);
	}
	fixture_close(db, path);
}

START_TEST(round_trip_every_kind)
{
	round_trip(NULL);
}
END_TEST

START_TEST(round_trip_semicolon_bom)
{
	struct csv_options opt = { ';', true, false };
	round_trip(&opt);
}
END_TEST

START_TEST(round_trip_raw)
{
	struct csv_options opt = { ',', false, true };
	round_trip(&opt);
}
END_TEST

START_TEST(unseen_columns_exactly)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = full_session(db);
	char *text = export_string(db, s, "unseens", NULL);
	static const char header[] = "id,title,description,causes,component,stakeholders,likelihood,"
		"impact,adaptive_capacity,vulnerability,votes\r\n";
	ck_assert_msg(strncmp(text, header, sizeof header - 1) == 0, "%s", text);
	ck_assert_msg(fixture_contains(text, ",-Preis,3,\"Hochschulen; Bürger, „Initiativen“\","
		"4,5,2,16.0,7\r\n"), "%s", text);
	ck_assert_msg(fixture_contains(text, ",ß,,,,3,3,,,0\r\n"), "%s", text);
	ck_assert_msg(fixture_contains(text, ",'=SUMME(A1),,+Tempo @Leute,,,1,1,5,0.2,1\r\n"),
		"%s", text);
	free(text);
	text = export_string(db, s, "measures", NULL);
	ck_assert_msg(fixture_contains(text, "id,text,actor,horizon,priority,goals\r\n"), "%s", text);
	ck_assert_msg(fixture_contains(text, ",Open Source fördern,B,,,"
		"\"Souveränität, überall; Mehr „Teilhabe“\"\r\n"), "%s", text);
	free(text);
	text = export_string(db, s, "codes", NULL);
	ck_assert_msg(fixture_contains(text, ",\"Daten/Eigentum, „fremd“\",,\r\n"), "%s", text);
	ck_assert_msg(fixture_contains(text, ",Daten,#ff0000,\r\n"), "%s", text);
	free(text);
	fixture_close(db, path);
}
END_TEST

START_TEST(windows_1252)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "1252");
	static const char text[] = "title;description\r\nStra\xdf" "e;\x84Zitat\x93 \xfc" "ber\r\n";
	import_text(db, s, "unseens", text, sizeof text - 1);
	char *out = export_string(db, s, "unseens", NULL);
	ck_assert_msg(fixture_contains(out, ",Straße,„Zitat“ über,"), "%s", out);
	free(out);
	fixture_close(db, path);
}
END_TEST

START_TEST(bom_semicolon_and_any_column_order)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "BOM");
	fixture_component(db, s, 3, "Plattformen");
	static const char text[] = "\xef\xbb\xbf" "likelihood;component;title;vulnerability;id\r\n"
		"2;3;\"Mit; Semikolon\nund Zeile\";99.9;42\r\n;;;;\r\n";
	import_text(db, s, "unseens", text, sizeof text - 1);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM unseen"), 1);
	char *out = export_string(db, s, "unseens", NULL);
	ck_assert_msg(fixture_contains(out, ",\"Mit; Semikolon\nund Zeile\",,,3,,2,,,,0\r\n"), "%s", out);
	free(out);
	fixture_close(db, path);
}
END_TEST

START_TEST(codes_make_parents)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Codes");
	static const char text[] = "path,colour,definition\nDaten/Eigentum/Fremd,#123456,Wem gehört es\n";
	import_text(db, s, "codes", text, sizeof text - 1);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM code WHERE type = 'free'"), 3);
	ck_assert_int_eq(fixture_int(db, "SELECT count(*) FROM code WHERE name = 'Fremd' AND "
		"colour = '#123456' AND definition = 'Wem gehört es'"), 1);
	fixture_close(db, path);
}
END_TEST

/* Each bad file: the kind, the text, what the message must name. */
static const struct {
	const char *kind, *text, *message;
} bad_files[] = {
	{ "unseens", "title,likelihood\nA,3\nB,4\nC,7\n",
	  "Zeile 4, Spalte likelihood: 7 liegt außerhalb von 1–5" },
	{ "unseens", "title,impact\nA,0\n", "Zeile 2, Spalte impact: 0 liegt außerhalb von 1–5" },
	{ "unseens", "title,votes\nA,viele\n", "Zeile 2, Spalte votes: \"viele\" ist keine ganze Zahl" },
	{ "unseens", "title,component\nA,3\nB,9\n", "Zeile 3, Spalte component: Komponente \"9\"" },
	{ "unseens", "title,description\nA,x\n,ohne Titel\n", "Zeile 3, Spalte title:" },
	{ "unseens", "title,stakeholders\nA,Hochschulen; Niemand\n", "Zeile 2, Spalte stakeholders:" },
	{ "unseens", "title,Farbe,foo\nA,,\n", "unbekannte Spalte(n) \"Farbe\", \"foo\"" },
	{ "unseens", "description\nA\n", "die Spalte title fehlt" },
	{ "unseens", "title,title\nA,B\n", "Zeile 1, Spalte title: die Spalte steht zweimal da" },
	{ "unseens", "title\nA,zu viel\n", "Zeile 2: Zelle 2 steht unter keiner Spalte" },
	{ "unseens", "title\n\"A\nB\"\n\"C\"x\n", "Datensatz 3 (ab Zeile 4)" },
	{ "measures", "text,actor\nA,B\nB,Z\n", "Zeile 3, Spalte actor: Akteursgruppe \"Z\"" },
	{ "measures", "text,horizon\nA,bald\n", "Zeile 2, Spalte horizon:" },
	{ "measures", "text,priority\nA,6\n", "Zeile 2, Spalte priority: 6 liegt außerhalb von 1–5" },
	{ "goals", "text,unseens\nA,Gibt es nicht\n", "Zeile 2, Spalte unseens:" },
	{ "stakeholders", "name,kind\nX,aliens\n", "Zeile 2, Spalte kind:" },
	{ "components", "number,name\n3,Doppelt\n", "Zeile 2:" },
	{ "components", "name\nOhne Nummer\n", "die Spalte number fehlt" },
	{ "codes", "path\nA/B\nA\n", "Zeile 3, Spalte path: den Code \"A\" gibt es schon" },
	{ "codes", "path\nA//B\n", "Zeile 2, Spalte path: \"A//B\": leerer Name im Pfad" },
};

static int64_t total_rows(struct db *db)
{
	return fixture_int(db, "SELECT (SELECT count(*) FROM unseen) + (SELECT count(*) FROM goal)"
		" + (SELECT count(*) FROM measure) + (SELECT count(*) FROM stakeholder)"
		" + (SELECT count(*) FROM component) + (SELECT count(*) FROM code)"
		" + (SELECT count(*) FROM unseen_stakeholder) + (SELECT count(*) FROM goal_unseen)"
		" + (SELECT count(*) FROM measure_goal) + (SELECT count(*) FROM changelog)");
}

START_TEST(bad_file_names_row_and_column)
{
	char path[FIXTURE_PATH_MAX], csv[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Fehler");
	fixture_component(db, s, 3, "Plattformen");
	fixture_stakeholder(db, s, "Hochschulen");
	fixture_temp_path(csv);
	fixture_write_file(csv, bad_files[_i].text, strlen(bad_files[_i].text));
	int64_t before = total_rows(db);
	int64_t n = -1;
	enum status rc = items_csv_import(db, s, bad_files[_i].kind, csv, &n);
	ck_assert_int_ne(rc, STATUS_OK);
	ck_assert_int_eq(n, -1);
	ck_assert_msg(fixture_contains(db_error(db), bad_files[_i].message), "%s: \"%s\" lacks \"%s\"",
		bad_files[_i].kind, db_error(db), bad_files[_i].message);
	ck_assert_msg(fixture_contains(db_error(db), csv), "%s", db_error(db));
	ck_assert_int_eq(total_rows(db), before);
	fixture_remove(csv);
	fixture_close(db, path);
}
END_TEST

START_TEST(unknown_kind_refused)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "X");
	ck_assert(!items_csv_known("matrix"));
	ck_assert(items_csv_known("codes"));
	ck_assert_int_eq(items_csv_write(db, s, "actors", stdout, NULL), STATUS_INVALID);
	ck_assert_int_eq(items_csv_import(db, s, "actors", "/nonexistent", NULL), STATUS_INVALID);
	ck_assert_int_ne(items_csv_import(db, s, "unseens", "/nonexistent/x.csv", NULL), STATUS_OK);
	fixture_close(db, path);
}
END_TEST

Suite *items_csv_suite(void)
{
	Suite *s = suite_create("items_csv");
	TCase *tc = tcase_create("items_csv");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(tc, round_trip_every_kind);
	tcase_add_test(tc, round_trip_semicolon_bom);
	tcase_add_test(tc, round_trip_raw);
	tcase_add_test(tc, unseen_columns_exactly);
	tcase_add_test(tc, windows_1252);
	tcase_add_test(tc, bom_semicolon_and_any_column_order);
	tcase_add_test(tc, codes_make_parents);
	tcase_add_loop_test(tc, bad_file_names_row_and_column, 0,
		(int)(sizeof bad_files / sizeof bad_files[0]));
	tcase_add_test(tc, unknown_kind_refused);
	suite_add_tcase(s, tc);
	return s;
}

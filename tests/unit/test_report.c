/* exports/report: a small session built through the model API in a temp
 * database, written as Markdown into memory, then searched. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exports/report.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"
#include "model/impact.h"
#include "model/item.h"
#include "model/session.h"

#define TITLE_QUOTED "Verlust der „Datenhoheit“ durch Größe und Maß"
#define TITLE_ESC "\x1b[31mRote Warnung"
#define TITLE_ESC_SHOWN "^[[31mRote Warnung"
#define TITLE_MULTI "Abhängigkeit von Plattformen"

struct built {
	char path[64];
	struct db *db;
	int64_t session;
	int64_t comp1, comp2, sh_kmu, sh_staat;
	int64_t u_quoted, u_esc, u_multi;
	int64_t v_data, v_trust, v_skill;
	int64_t goal1, goal2, measure_b, measure_none, soro;
	int64_t doc;
};

static void report_locale(void)
{
	/* display_walk decodes UTF-8 through the locale, as the program's
	 * display_init() sets it; each test runs in its own process. */
	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
}

static void open_db(struct built *b)
{
	strcpy(b->path, "/tmp/didat-report-XXXXXX");
	int fd = mkstemp(b->path);
	ck_assert_int_ge(fd, 0);
	close(fd);  /* db_open makes an empty file a didat database */
	ck_assert_int_eq(db_open(&b->db, b->path, DB_READWRITE), STATUS_OK);
}

static void close_db(struct built *b)
{
	char wal[80];
	db_close(b->db);
	unlink(b->path);
	snprintf(wal, sizeof wal, "%s-wal", b->path);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", b->path);
	unlink(wal);
}

static int64_t create(struct built *b, enum item_kind kind, void *item)
{
	enum status rc = item_create(b->db, item_type(kind), item);
	ck_assert_msg(rc == STATUS_OK, "item_create: %s", db_error(b->db));
	return *(int64_t *)item;
}

static int64_t new_session(struct built *b, const char *title)
{
	struct session s = { .title = (char *)title, .date = "2024-05-03", .place = "Leipzig",
		.facilitator = "R. Scholz", .question = "Wie können KMU sich anpassen?",
		.inside = "Familienunternehmen bis 1000 Beschäftigte", .region = "Sachsen",
		.horizon = "2030" };
	enum status rc = session_create(b->db, &s);
	ck_assert_msg(rc == STATUS_OK, "session_create: %s", db_error(b->db));
	return s.id;
}

static int64_t new_component(struct built *b, int64_t number, const char *name)
{
	struct component c = { .session_id = b->session, .number = number, .name = (char *)name,
		.question = "Was tun?" };
	return create(b, ITEM_COMPONENT, &c);
}

static int64_t new_stakeholder(struct built *b, const char *name, const char *kind)
{
	struct stakeholder s = { .session_id = b->session, .name = (char *)name, .kind = (char *)kind };
	return create(b, ITEM_STAKEHOLDER, &s);
}

static int64_t new_unseen(struct built *b, const char *title, const char *description,
	int64_t votes, int64_t likelihood, int64_t impact, int64_t capacity)
{
	struct unseen u = { .session_id = b->session, .title = (char *)title,
		.description = (char *)description, .component_id = b->comp1, .votes = votes,
		.likelihood = likelihood, .impact = impact, .capacity = capacity };
	return create(b, ITEM_UNSEEN, &u);
}

static int64_t new_variable(struct built *b, const char *name, const char *short_name)
{
	struct variable v = { .session_id = b->session, .name = (char *)name,
		.short_name = (char *)short_name };
	return create(b, ITEM_VARIABLE, &v);
}

static int64_t new_goal(struct built *b, const char *text, int64_t component)
{
	struct goal g = { .session_id = b->session, .text = (char *)text, .component_id = component };
	return create(b, ITEM_GOAL, &g);
}

static int64_t new_measure(struct built *b, const char *text, const char *letter)
{
	struct measure m = { .session_id = b->session, .text = (char *)text, .horizon = "short",
		.priority = 2 };
	if (letter)
		ck_assert_int_eq(item_find(b->db, item_type(ITEM_ACTOR), b->session, letter,
			&m.actor_id), STATUS_OK);
	return create(b, ITEM_MEASURE, &m);
}

static void add_link(struct built *b, enum link_kind kind, int64_t from, int64_t to)
{
	enum status rc = link_add(b->db, kind, from, to);
	ck_assert_msg(rc == STATUS_OK, "link_add: %s", db_error(b->db));
}

static void rate(struct built *b, int64_t from, int64_t to, int64_t strength)
{
	enum status rc = impact_set(b->db, from, to, strength, NULL);
	ck_assert_msg(rc == STATUS_OK, "impact_set: %s", db_error(b->db));
}

/* A document of LINES with one coding of CODE over lines FIRST..LAST. */
static int64_t new_document(struct built *b, const char *const *lines, int64_t n)
{
	struct document d = { .session_id = b->session, .title = "Protokoll UG 1", .kind = "minutes",
		.date = "2024-05-04", .component_id = b->comp1, .sha256 = "abc" };
	ck_assert_int_eq(db_begin(b->db), STATUS_OK);
	enum status rc = document_create(b->db, &d);
	for (int64_t i = 0; rc == STATUS_OK && i < n; i++)
		rc = document_add_line(b->db, d.id, i + 1, lines[i]);
	if (rc == STATUS_OK)
		rc = document_finish(b->db, d.id, n);
	rc = db_end(b->db, rc);
	ck_assert_msg(rc == STATUS_OK, "document: %s", db_error(b->db));
	return d.id;
}

static void new_coding(struct built *b, const char *code, int64_t first, int64_t last)
{
	struct coding c = { .session_id = b->session, .document_id = b->doc, .first_line = first,
		.last_line = last, .coder = "anna" };
	ck_assert_int_eq(code_find(b->db, b->session, code, &c.code_id), STATUS_OK);
	enum status rc = coding_create(b->db, &c);
	ck_assert_msg(rc == STATUS_OK, "coding_create: %s", db_error(b->db));
}

/* 200 times "ä": a line longer than the hinge quote. */
static char long_line[401];

static void build(struct built *b)
{
	report_locale();
	open_db(b);
	b->session = new_session(b, "Workshop KMU");
	b->comp1 = new_component(b, 1, "IoT und Daten");
	b->comp2 = new_component(b, 2, "Plattformen");
	b->sh_kmu = new_stakeholder(b, "KMU", "business");
	b->sh_staat = new_stakeholder(b, "Ministerium", "government");

	b->u_quoted = new_unseen(b, TITLE_QUOTED, "Eine Zeile.", 2, 3, 4, 2);
	struct unseen u;
	ck_assert_int_eq(item_read(b->db, item_type(ITEM_UNSEEN), b->u_quoted, &u), STATUS_OK);
	free(u.causes);
	u.causes = strdup("Ursache A\r\nUrsache B\rC\n\n");
	ck_assert_int_eq(item_update(b->db, item_type(ITEM_UNSEEN), &u), STATUS_OK);
	item_clear(item_type(ITEM_UNSEEN), &u);
	b->u_esc = new_unseen(b, TITLE_ESC, NULL, 9, 0, 0, 0);
	b->u_multi = new_unseen(b, TITLE_MULTI, "Erste Zeile\nZweite Zeile", 5, 4, 5, 1);
	add_link(b, LINK_UNSEEN_STAKEHOLDER, b->u_quoted, b->sh_kmu);
	add_link(b, LINK_UNSEEN_STAKEHOLDER, b->u_quoted, b->sh_staat);

	b->v_data = new_variable(b, "Datensouveränität", "DS");
	b->v_trust = new_variable(b, "Übersicht über Anbieter", NULL);  /* ÜüA */
	b->v_skill = new_variable(b, "Kompetenz", NULL);                /* Kom */
	rate(b, b->v_data, b->v_trust, 2);   /* DS -> ÜüA: 2, DS -> Kom unrated */
	rate(b, b->v_trust, b->v_data, 3);
	rate(b, b->v_trust, b->v_skill, 1);
	rate(b, b->v_skill, b->v_data, 0);
	rate(b, b->v_skill, b->v_trust, 2);

	b->goal1 = new_goal(b, "KMU behalten die Kontrolle über ihre Daten", b->comp1);
	b->goal2 = new_goal(b, "Kooperation mit Wettbewerbern", 0);
	add_link(b, LINK_GOAL_UNSEEN, b->goal1, b->u_quoted);
	struct conflict k = { .session_id = b->session, .goal_a = b->goal1, .goal_b = b->goal2,
		.description = "Know-how-Schutz gegen Offenheit" };
	create(b, ITEM_CONFLICT, &k);

	b->measure_b = new_measure(b, "Datenstrategie in der Führung verankern", "B");
	b->measure_none = new_measure(b, "Freie Maßnahme ohne Adressat", NULL);
	add_link(b, LINK_MEASURE_GOAL, b->measure_b, b->goal1);

	struct soro s = { .session_id = b->session, .component_id = b->comp1,
		.text = "Sozial robuste Orientierung zu Daten" };
	b->soro = create(b, ITEM_SORO, &s);
	add_link(b, LINK_SORO_UNSEEN, b->soro, b->u_quoted);
	add_link(b, LINK_SORO_MEASURE, b->soro, b->measure_b);

	for (size_t i = 0; i < 200; i++)
		memcpy(long_line + 2 * i, "ä", 2);
	const char *lines[] = { "Erste Protokollzeile", "Zweite mit ß", long_line };
	b->doc = new_document(b, lines, 3);
	new_coding(b, TITLE_QUOTED, 1, 2);
	new_coding(b, TITLE_MULTI, 3, 3);
}

/* The report of session ID as a malloc'd string. */
static char *report_text(struct db *db, int64_t id, enum status *rc)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	ck_assert_ptr_nonnull(out);
	*rc = report_write(db, id, out);
	fclose(out);
	return text;
}

static char *build_report(struct built *b)
{
	enum status rc;
	build(b);
	char *text = report_text(b->db, b->session, &rc);
	ck_assert_msg(rc == STATUS_OK, "report_write: %s", db_error(b->db));
	return text;
}

/* Where NEEDLE starts in TEXT; fails when it is missing. */
static size_t at(const char *text, const char *needle)
{
	const char *p = strstr(text, needle);
	ck_assert_msg(p != NULL, "missing in report: \"%s\"\n---\n%s", needle, text);
	return (size_t)(p - text);
}

START_TEST(test_report_headings_in_order)
{
	struct built b;
	char *text = build_report(&b);
	static const char *const headings[] = {
		"# Workshop KMU\n", "**Leitfrage:** Wie können KMU sich anpassen?",
		"**Systemgrenzen**", "- innen: Familienunternehmen", "## Komponenten\n",
		"## Stakeholdergruppen\n", "## Unseens\n", "## Systemmodell\n", "## Ziele\n",
		"### Zielkonflikte\n", "## Maßnahmenbündel\n", "## SoRO\n", "## Dokumente\n",
		"## Scharniere\n",
	};
	size_t last = 0;
	for (size_t i = 0; i < sizeof headings / sizeof headings[0]; i++) {
		size_t pos = at(text, headings[i]);
		ck_assert_msg(pos >= last, "\"%s\" out of order", headings[i]);
		last = pos;
	}
	at(text, "Datum: 2024-05-03 · Ort: Leipzig · Moderation: R. Scholz");
	at(text, "- **KMU** (Wirtschaft)\n- **Ministerium** (Politik und Verwaltung)\n");
	free(text);
	close_db(&b);
}
END_TEST

START_TEST(test_report_text_unchanged_and_controls_visible)
{
	struct built b;
	char *text = build_report(&b);
	at(text, "| " TITLE_QUOTED " |");
	at(text, "### 3. " TITLE_QUOTED "\n");
	at(text, TITLE_ESC_SHOWN);
	ck_assert_msg(strchr(text, 0x1b) == NULL, "raw ESC in the report");
	for (const char *p = text; *p; p++)
		ck_assert_msg((unsigned char)*p >= 0x20 || *p == '\n', "raw control 0x%02x at %zu",
			(unsigned)(unsigned char)*p, (size_t)(p - text));
	free(text);
	close_db(&b);
}
END_TEST

START_TEST(test_report_ranks_by_votes_then_vulnerability)
{
	struct built b;
	char *text = build_report(&b);
	/* votes 9, 5, 2: the unrated ESC unseen first */
	size_t first = at(text, "| 1 | " TITLE_ESC_SHOWN " | 1 | 9 | – | – | – | – | – |");
	size_t second = at(text, "| 2 | " TITLE_MULTI " | 1 | 5 | 4 | 5 | 1 | 20 | 20,0 |");
	size_t third = at(text, "| 3 | " TITLE_QUOTED " | 1 | 2 | 3 | 4 | 2 | 12 | 9,6 |");
	ck_assert(first < second && second < third);
	/* the detail blocks follow the same order, with affected groups */
	ck_assert(at(text, "### 1. " TITLE_ESC_SHOWN) < at(text, "### 2. " TITLE_MULTI));
	at(text, "- Betroffene Stakeholdergruppen: KMU · Ministerium\n");
	free(text);
	close_db(&b);
}
END_TEST

START_TEST(test_report_ties_on_votes_use_vulnerability)
{
	struct built b;
	build(&b);
	/* a fourth unseen with as many votes as the second but a higher
	 * vulnerability goes before it */
	struct unseen u = { .session_id = b.session, .title = "Noch verwundbarer", .votes = 5,
		.likelihood = 5, .impact = 5, .capacity = 1 };
	create(&b, ITEM_UNSEEN, &u);
	enum status rc;
	char *text = report_text(b.db, b.session, &rc);
	ck_assert_int_eq(rc, STATUS_OK);
	at(text, "| 2 | Noch verwundbarer |");
	at(text, "| 3 | " TITLE_MULTI " |");
	free(text);
	close_db(&b);
}
END_TEST

START_TEST(test_report_matrix)
{
	struct built b;
	char *text = build_report(&b);
	/* a short name, else the words' first letters (whole characters),
	 * else a one-word name's first three */
	at(text, "| wirkt auf → | DS | ÜüA | Kom |\n|---|:-:|:-:|:-:|\n");
	at(text, "| **DS** | — | 2 | · |\n");
	at(text, "| **ÜüA** | 3 | — | 1 |\n");
	at(text, "| **Kom** | 0 | 2 | — |\n");
	/* AS = row sums, PS = column sums; mean 8/3: DS 2/3 reactive,
	 * ÜüA 4/4 critical, Kom 2/1 buffering */
	at(text, "- **DS** Datensouveränität: AS 2, PS 3, reaktiv\n");
	at(text, "- **ÜüA** Übersicht über Anbieter: AS 4, PS 4, kritisch\n");
	at(text, "- **Kom** Kompetenz: AS 2, PS 1, puffernd\n");
	at(text, "Nicht bewertete Zellen: 1 von 6");
	free(text);
	close_db(&b);
}
END_TEST

START_TEST(test_report_measures_under_actor)
{
	struct built b;
	char *text = build_report(&b);
	size_t b_head = at(text, "### B – Führungskräfte in KMU\n");
	size_t c_head = at(text, "### C – Alle Mitarbeitenden\n");
	size_t measure = at(text, "- Datenstrategie in der Führung verankern "
		"(Horizont: kurzfristig, Priorität: 2)\n  - Ziele: KMU behalten die Kontrolle über ihre Daten\n");
	ck_assert(b_head < measure && measure < c_head);
	/* every actor appears, in letter order; one without measures says so */
	ck_assert(at(text, "### A – ") < b_head);
	at(text, "### C – Alle Mitarbeitenden\n\n_keine_\n");
	ck_assert(at(text, "### G – ") < at(text, "### Ohne Akteursgruppe\n"));
	ck_assert(at(text, "### Ohne Akteursgruppe\n") < at(text, "- Freie Maßnahme ohne Adressat"));
	free(text);
	close_db(&b);
}
END_TEST

START_TEST(test_report_multiline_indented)
{
	struct built b;
	char *text = build_report(&b);
	at(text, "- Beschreibung: Erste Zeile\n  Zweite Zeile\n");
	/* CR LF is a newline, a lone CR stays visible, trailing newlines go */
	at(text, "- Ursachen: Ursache A\n  Ursache B^MC\n- Betroffene");
	ck_assert_msg(strstr(text, "Erste Zeile\nZweite Zeile") == NULL, "continuation not indented");
	free(text);
	close_db(&b);
}
END_TEST

START_TEST(test_report_goals_soro_documents_hinges)
{
	struct built b;
	char *text = build_report(&b);
	size_t goals = at(text, "## Ziele\n\n### 1. IoT und Daten\n\n"
		"- KMU behalten die Kontrolle über ihre Daten\n  - Unseens: " TITLE_QUOTED "\n");
	ck_assert(goals < at(text, "### 2. Plattformen\n\n_keine_\n"));
	at(text, "### Ohne Komponente\n\n- Kooperation mit Wettbewerbern\n");
	at(text, "- **KMU behalten die Kontrolle über ihre Daten** ↔ "
		"**Kooperation mit Wettbewerbern**: Know-how-Schutz gegen Offenheit\n");
	at(text, "- Sozial robuste Orientierung zu Daten\n  - Unseens: " TITLE_QUOTED
		"\n  - Maßnahmen: Datenstrategie in der Führung verankern\n");
	at(text, "| Protokoll UG 1 | Protokoll | 2024-05-04 | 3 | 2 |\n");
	at(text, "**" TITLE_QUOTED "** (Unseen) – 1 Passage\n\n"
		"- Protokoll UG 1, Z. 1–2: „Erste Protokollzeile Zweite mit ß“ (anna)\n");
	/* the long line is cut after 160 characters, on a character boundary */
	char expect[512] = "- Protokoll UG 1, Z. 3: „";
	for (size_t i = 0; i < 160; i++)
		strcat(expect, "ä");
	strcat(expect, "…“ (anna)\n");
	at(text, expect);
	free(text);
	close_db(&b);
}
END_TEST

START_TEST(test_report_empty_session)
{
	struct built b;
	report_locale();
	open_db(&b);
	struct session s = { .title = "Leer" };
	ck_assert_int_eq(session_create(b.db, &s), STATUS_OK);
	enum status rc;
	char *text = report_text(b.db, s.id, &rc);
	ck_assert_int_eq(rc, STATUS_OK);
	at(text, "**Leitfrage:** _keine_\n");
	at(text, "## Komponenten\n\n_keine_\n");
	at(text, "## Unseens\n\n_keine_\n");
	at(text, "## Systemmodell\n\n_keine_\n");
	at(text, "## Ziele\n\n_keine_\n\n### Zielkonflikte\n\n_keine_\n");
	at(text, "## Maßnahmenbündel\n\n_keine_\n");
	at(text, "## Scharniere\n\n_keine_\n");
	free(text);
	close_db(&b);
}
END_TEST

START_TEST(test_report_unknown_session)
{
	struct built b;
	report_locale();
	open_db(&b);
	enum status rc;
	char *text = report_text(b.db, 4711, &rc);
	ck_assert_int_eq(rc, STATUS_NOT_FOUND);
	free(text);
	close_db(&b);
}
END_TEST

START_TEST(test_report_write_error)
{
	struct built b;
	build(&b);
	FILE *full = fopen("/dev/full", "w");
	if (full) {  /* Linux: every write fails with ENOSPC */
		ck_assert_int_eq(report_write(b.db, b.session, full), STATUS_IO);
		fclose(full);
	}
	close_db(&b);
}
END_TEST

extern Suite *report_suite(void);

Suite *report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_report_headings_in_order);
	tcase_add_test(tc, test_report_text_unchanged_and_controls_visible);
	tcase_add_test(tc, test_report_ranks_by_votes_then_vulnerability);
	tcase_add_test(tc, test_report_ties_on_votes_use_vulnerability);
	tcase_add_test(tc, test_report_matrix);
	tcase_add_test(tc, test_report_measures_under_actor);
	tcase_add_test(tc, test_report_multiline_indented);
	tcase_add_test(tc, test_report_goals_soro_documents_hinges);
	tcase_add_test(tc, test_report_empty_session);
	tcase_add_test(tc, test_report_unknown_session);
	tcase_add_test(tc, test_report_write_error);
	suite_add_tcase(s, tc);
	return s;
}

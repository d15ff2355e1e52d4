/* The redraw benchmark of the workshop screen (issue 3, Speed).  In a
 * temporary database it builds, through the model API and in one
 * transaction, a session of 500 unseens, 200 variables with a 200x200
 * impact matrix, 2,000 measures and 100 goals (German text with umlauts,
 * ratings, votes, links) and 30 minutes of 120 lines, beside 60 small
 * sessions for the browser.  Then it drives the real interface through
 * the probe (tui/tui.h) at 100x30 and at 200x60 and times every key press
 * (handle, draw, refresh) per screen: 200 x Down, PgDn, End and Home in
 * every list; dot votes; in the impact matrix arrows, digits that rate
 * cells, undo and redo; then the wall (F5) of steps 1 to 5 at 200x60,
 * moved through and, on step 2, voted on.  Only keys that move, switch and set: a dialog
 * would wait for a person.
 *
 * Figures, not pass/fail: a key slower than the target is printed as
 * such, by the wall clock and by CPU time (on a busy machine the first
 * includes waiting for a core).  The program fails only when something
 * breaks: the probe cannot open, a screen does not show its items, a vote
 * does not count, digits the matrix binds change no cell, or undo and
 * redo do not restore the matrix. */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "model/db.h"
#include "model/document.h"
#include "model/impact.h"
#include "model/item.h"
#include "model/listing.h"
#include "model/session.h"
#include "tui/app.h"
#include "tui/matrix.h"
#include "tui/tui.h"
#include "util/display.h"
#include "util/sha256.h"

enum {
	UNSEENS = 500,
	VARIABLES = 200,
	MEASURES = 2000,
	GOALS = 100,
	COMPONENTS = 5,
	STAKEHOLDERS = 12,
	ACTORS = 7,               /* A-G, made by session_create() */
	SMALL_SESSIONS = 60,      /* the rest of a facilitator's database */
	DOWNS = 200,
	PAGES = 20,
	JUMPS = 10,               /* End, Home pairs */
	MATRIX_MOVES = 200,       /* Right; every second also Down, every fourth a digit */
	UNDOS = 10,               /* then as many undos and redos */
	VOTES = 20,               /* + and - on one unseen */
	WALL_MOVES = 100,         /* on each wall (F5): Down, then as many Up */
	DOCUMENTS = 30,           /* minutes of the subgroups */
	DOCUMENT_LINES = 120,
	MAX_KEYS = 512,
	MAX_SCREENS = 16,
};
#define TARGET_MS 16.0

#define LEN(a) (sizeof (a) / sizeof (a)[0])

/* ---- text ---- */

static const char *const unseen_subjects[20] = {
	"Datenabfluss", "Abhängigkeit von Plattformen", "Überwachung am Arbeitsplatz",
	"Verlust von Erfahrungswissen", "Kontrollverlust über Maschinendaten",
	"Überlastung der Beschäftigten", "Erpressung durch Schadsoftware",
	"Verdrängung kleiner Händler", "Fehlentscheidungen von Algorithmen",
	"Ausgrenzung älterer Beschäftigter", "Bindung an einen Cloud-Anbieter",
	"Schwächung der Mitbestimmung", "Verlust regionaler Wertschöpfung",
	"Abwanderung von Fachkräften", "Höherer Energieverbrauch", "Undurchsichtige Preisbildung",
	"Haftungslücken", "Ständige Erreichbarkeit", "Veraltete Software ohne Updates",
	"Überforderung durch Vorschriften",
};

static const char *const unseen_contexts[25] = {
	"bei der Fernwartung", "in der Lieferkette", "im Handwerk", "durch künstliche Intelligenz",
	"nach einer Übernahme", "im ländlichen Raum", "über Zulieferer", "in der Pflege",
	"im Homeoffice", "bei Auszubildenden", "in Familienbetrieben", "bei öffentlichen Aufträgen",
	"im Außendienst", "in der Buchhaltung", "bei der Nachfolge", "auf Online-Marktplätzen",
	"in der Produktion", "im Kundenservice", "bei Förderanträgen", "in der Logistik",
	"während der Umstellung", "durch „smarte“ Geräte", "beim Datenaustausch",
	"zwischen Standorten", "für Saisonkräfte",
};

static const char *const sentence_subjects[] = {
	"Die Geschäftsführung", "Der Betriebsrat", "Die Kammer", "Jeder dritte Betrieb",
	"Die Kommune", "Das Handwerk", "Die Verwaltung", "Der Zulieferer", "Die Berufsschule",
	"Der Familienbetrieb",
};

static const char *const sentence_verbs[] = {
	"verliert den Überblick über", "unterschätzt", "fürchtet", "überprüft selten",
	"müsste mehr wissen über", "bemerkt zu spät", "diskutiert kaum", "regelt nicht schriftlich",
};

static const char *const sentence_objects[] = {
	"die Verträge mit Plattformanbietern", "die Datenflüsse der Maschinen",
	"die Kosten für Wartung und Updates", "die Folgen für Arbeitsplätze",
	"„smarte“ Steuerungen", "die Nutzung von Kundendaten", "die Qualität der Schulungen",
	"die Abhängigkeit von einem Anbieter", "die Zugriffsrechte externer Dienstleister",
	"die Größe des Schadens nach einem Ausfall",
};

static const char *const sentence_quotes[] = {
	"Im Workshop hieß es: „Das merkt man erst, wenn es zu spät ist.“",
	"Eine Teilnehmerin sagte: „Wir wissen gar nicht, wer unsere Daten liest.“",
	"Aus der Untergruppe kam der Satz: „Größer heißt hier nicht sicherer.“",
	"Ein Handwerksmeister berichtete von einem Ausfall über drei Tage.",
	"Die Gruppe schätzt das Risiko für kleine Betriebe höher ein als für große.",
};

static const char *const causes[] = {
	"Fernwartung ohne Datenvereinbarung", "fehlende Schulungen", "Zeitdruck bei der Einführung",
	"unklare Zuständigkeiten", "Kostendruck", "keine IT-Abteilung im Betrieb",
	"Verträge nur auf Englisch", "schwache Passwörter", "Marktmacht weniger Anbieter",
	"fehlender Glasfaseranschluss",
};

static const struct { const char *name, *question; } components[COMPONENTS] = {
	{ "IoT und Daten", "Wem gehören die Maschinendaten?" },
	{ "Arbeit und Qualifizierung", "Wie verändert sich die Arbeit in kleinen Betrieben?" },
	{ "Plattformen und Märkte", "Wie abhängig werden KMU von Plattformen?" },
	{ "IT-Sicherheit", "Wie schützen sich kleine Betriebe vor Angriffen?" },
	{ "Region und Infrastruktur", "Was braucht der ländliche Raum für die Digitalisierung?" },
};

static const struct { const char *name, *kind; } stakeholders[STAKEHOLDERS] = {
	{ "KMU-Leitungen", "business" }, { "Betriebsräte", "civil_society" },
	{ "Handwerkskammer", "other" }, { "Hochschulen", "science" },
	{ "Kommunalverwaltung", "government" }, { "IT-Dienstleister", "business" },
	{ "Verbraucherzentrale", "civil_society" }, { "Gewerkschaften", "civil_society" },
	{ "Landesministerium", "government" }, { "Forschungsinstitute", "science" },
	{ "Plattformbetreiber", "business" }, { "Auszubildende", "other" },
};

static const struct { const char *name, *abbrev; } variable_bases[20] = {
	{ "Digitalkompetenz", "DigK" }, { "Innovationsfähigkeit", "Inno" },
	{ "Datensouveränität", "DSou" }, { "IT-Sicherheit", "ITS" },
	{ "Fachkräfteangebot", "FKA" }, { "Investitionsbereitschaft", "Inv" },
	{ "Abhängigkeit von Anbietern", "Abh" }, { "Breitbandversorgung", "Bbd" },
	{ "Vertrauen", "Vtr" }, { "Arbeitszufriedenheit", "AZuf" },
	{ "Regulierungsdruck", "Reg" }, { "Wettbewerbsdruck", "Wett" },
	{ "Kooperationsbereitschaft", "Koop" }, { "Automatisierungsgrad", "Auto" },
	{ "Weiterbildungsangebot", "WBil" }, { "Mitbestimmung", "Mitb" },
	{ "Energiekosten", "Ener" }, { "Marktzugang", "Mark" },
	{ "Führungskultur", "Führ" }, { "Förderzugang", "Förd" },
};

static const char *const variable_scopes[10] = {
	"der Führung", "der Beschäftigten", "im Handwerk", "in der Industrie", "im Handel",
	"der Zulieferer", "in der Region", "der Kommune", "im Dienstleistungssektor",
	"der Auszubildenden",
};

static const char *const goal_subjects[10] = {
	"KMU", "Beschäftigte", "Familienbetriebe", "Zulieferer", "Auszubildende", "Kommunen",
	"Händler", "Handwerksbetriebe", "Kundinnen und Kunden", "Betriebsräte",
};

static const char *const goal_aims[10] = {
	"behalten die Kontrolle über ihre Daten", "können sich gegen Angriffe schützen",
	"bleiben unabhängig von einzelnen Anbietern", "werden für digitale Arbeit qualifiziert",
	"finden Fachkräfte in der Region", "nutzen Fördermittel ohne großen Aufwand",
	"verstehen, was Algorithmen entscheiden", "wirken bei der Einführung neuer Technik mit",
	"sparen Energie beim Betrieb ihrer IT", "erreichen ihre Märkte auch ohne Plattformen",
};

static const char *const measure_actions[20] = {
	"Musterverträge für die Datennutzung", "Schulungen zur IT-Sicherheit",
	"ein Förderprogramm für Digitalisierung", "Beratung durch die Kammer",
	"einen regionalen Datentreuhänder", "Notfallpläne gegen Ausfälle",
	"Weiterbildung für ältere Beschäftigte", "offene Schnittstellen",
	"ein Gütesiegel für Plattformen", "gemeinsame Rechenzentren", "Mentoring für Gründerinnen",
	"Betriebsvereinbarungen zur Überwachung", "Glasfaser für Gewerbegebiete",
	"Austauschrunden für Geschäftsführungen", "Prüfsiegel für Software",
	"Lernfabriken an Berufsschulen", "Verträge über Wartungsdaten",
	"Energieberatung für Serverräume", "eine Anlaufstelle für Fördermittel",
	"Regeln für künstliche Intelligenz",
};

static const char *const measure_targets[25] = {
	"im Handwerk", "für Zulieferer", "in der Region", "für Familienbetriebe", "in der Pflege",
	"für den Handel", "an Berufsschulen", "für Auszubildende", "im ländlichen Raum",
	"für Saisonbetriebe", "in der Logistik", "für Solo-Selbstständige", "in Gewerbegebieten",
	"für die Lebensmittelbranche", "im Tourismus", "für Maschinenbauer", "in der Verwaltung",
	"für Start-ups", "im Kundenservice", "für Beschäftigte über 50", "in Kooperationen",
	"für Betriebsräte", "für Kommunen", "für Händler auf Marktplätzen", "für Werkstätten",
};

static const char *const measure_verbs[4] = {
	"einführen", "ausbauen", "prüfen", "gemeinsam fördern",
};

static const char *const horizons[] = { "short", "medium", "long", NULL };

/* ---- the session ---- */

struct bench {
	struct db *db;
	char db_path[64];
	bool db_made;
	FILE *out;                 /* the probe's terminal output: /dev/null */
	int64_t session;
	int64_t components[COMPONENTS], stakeholders[STAKEHOLDERS], actors[ACTORS];
	int64_t unseens[UNSEENS], variables[VARIABLES], goals[GOALS];
	int64_t rated;             /* rated cells of the matrix */
};

static uint64_t rng_state = 20260305;

static uint32_t rng_below(uint32_t n)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(rng_state >> 33) % n;
}

#define PICK(list) ((list)[rng_below(LEN(list))])

/* 2-3 sentences; now and then a quotation with „German quotes“. */
static void description_make(char *buf, size_t size)
{
	int sentences = 2 + (int)rng_below(2);
	size_t len = 0;
	for (int i = 0; i < sentences && len < size; i++) {
		if (i == 2 && rng_below(2) == 0)
			len += (size_t)snprintf(buf + len, size - len, " %s", PICK(sentence_quotes));
		else
			len += (size_t)snprintf(buf + len, size - len, "%s%s %s %s.", i ? " " : "",
				PICK(sentence_subjects), PICK(sentence_verbs), PICK(sentence_objects));
	}
}

/* Row I of N, column (21 * (I / N) + I % N) % M: distinct pairs for
 * I < N * M while 21 and M share no factor, so that no two titles repeat. */
static size_t second_index(int i, size_t n, size_t m)
{
	return (21 * ((size_t)i / n) + (size_t)i % n) % m;
}

static enum status components_make(struct bench *b)
{
	enum status rc = STATUS_OK;
	for (int i = 0; i < COMPONENTS && rc == STATUS_OK; i++) {
		struct component c = { .session_id = b->session, .number = i + 1,
			.name = (char *)components[i].name, .question = (char *)components[i].question };
		rc = item_create(b->db, item_type(ITEM_COMPONENT), &c);
		b->components[i] = c.id;
	}
	for (int i = 0; i < STAKEHOLDERS && rc == STATUS_OK; i++) {
		struct stakeholder s = { .session_id = b->session, .name = (char *)stakeholders[i].name,
			.kind = (char *)stakeholders[i].kind };
		rc = item_create(b->db, item_type(ITEM_STAKEHOLDER), &s);
		b->stakeholders[i] = s.id;
	}
	for (int i = 0; i < ACTORS && rc == STATUS_OK; i++) {
		char letter[2] = { (char)('A' + i), '\0' };
		rc = item_find(b->db, item_type(ITEM_ACTOR), b->session, letter, &b->actors[i]);
	}
	return rc;
}

/* Ratings 1..5 with about one in ten left unrated, votes 0..12, most
 * with a component, one in three with one or two stakeholder groups. */
static enum status unseens_make(struct bench *b)
{
	enum status rc = STATUS_OK;
	char title[200], description[1200];
	for (int i = 0; i < UNSEENS && rc == STATUS_OK; i++) {
		snprintf(title, sizeof title, "%s %s", unseen_subjects[i % 20],
			unseen_contexts[second_index(i, 20, 25)]);
		description_make(description, sizeof description);
		struct unseen u = {
			.session_id = b->session, .title = title, .description = description,
			.causes = (char *)PICK(causes),
			.component_id = rng_below(8) ? b->components[rng_below(COMPONENTS)] : 0,
			.likelihood = rng_below(10) ? 1 + rng_below(5) : 0,
			.impact = rng_below(10) ? 1 + rng_below(5) : 0,
			.capacity = rng_below(10) ? 1 + rng_below(5) : 0,
			.votes = rng_below(13),
		};
		rc = item_create(b->db, item_type(ITEM_UNSEEN), &u);
		b->unseens[i] = u.id;
		int links = rng_below(3) == 0 ? 1 + (int)rng_below(2) : 0;
		for (int k = 0; k < links && rc == STATUS_OK; k++)
			rc = link_add(b->db, LINK_UNSEEN_STAKEHOLDER, u.id,
				b->stakeholders[(i + k * 5) % STAKEHOLDERS]);
	}
	return rc;
}

/* 200 variables and their matrix: nine in ten cells rated 0..3. */
static enum status variables_make(struct bench *b)
{
	enum status rc = STATUS_OK;
	char name[160], abbrev[16], description[400];
	for (int i = 0; i < VARIABLES && rc == STATUS_OK; i++) {
		snprintf(name, sizeof name, "%s %s", variable_bases[i % 20].name, variable_scopes[i / 20]);
		snprintf(abbrev, sizeof abbrev, "%s%d", variable_bases[i % 20].abbrev, i / 20);
		snprintf(description, sizeof description, "%s %s %s.", PICK(sentence_subjects),
			PICK(sentence_verbs), PICK(sentence_objects));
		struct variable v = { .session_id = b->session, .name = name, .short_name = abbrev,
			.description = i % 3 ? description : NULL };
		rc = item_create(b->db, item_type(ITEM_VARIABLE), &v);
		b->variables[i] = v.id;
	}
	for (int i = 0; i < VARIABLES && rc == STATUS_OK; i++)
		for (int j = 0; j < VARIABLES && rc == STATUS_OK; j++) {
			uint32_t r = rng_below(10);
			if (i == j || r == 9)
				continue;
			rc = impact_set(b->db, b->variables[i], b->variables[j], r % 4, NULL);
			b->rated++;
		}
	return rc;
}

static enum status goals_make(struct bench *b)
{
	enum status rc = STATUS_OK;
	char text[200];
	for (int i = 0; i < GOALS && rc == STATUS_OK; i++) {
		snprintf(text, sizeof text, "%s %s", goal_subjects[i % 10], goal_aims[i / 10]);
		struct goal g = { .session_id = b->session, .text = text,
			.component_id = i % 7 ? b->components[i % COMPONENTS] : 0 };
		rc = item_create(b->db, item_type(ITEM_GOAL), &g);
		b->goals[i] = g.id;
		int links = 1 + (int)rng_below(3);
		for (int k = 0; k < links && rc == STATUS_OK; k++)
			rc = link_add(b->db, LINK_GOAL_UNSEEN, g.id, b->unseens[(i * 5 + k * 97) % UNSEENS]);
	}
	return rc;
}

/* Actor groups A-G (one in twenty without), priorities, horizons, one or
 * two goals each. */
static enum status measures_make(struct bench *b)
{
	enum status rc = STATUS_OK;
	char text[200];
	for (int i = 0; i < MEASURES && rc == STATUS_OK; i++) {
		snprintf(text, sizeof text, "%s %s %s", measure_actions[i % 20],
			measure_targets[second_index(i % 500, 20, 25)], measure_verbs[i / 500]);
		struct measure m = { .session_id = b->session, .text = text,
			.actor_id = rng_below(20) ? b->actors[rng_below(ACTORS)] : 0,
			.horizon = (char *)horizons[rng_below(LEN(horizons))],
			.priority = rng_below(6) };
		rc = item_create(b->db, item_type(ITEM_MEASURE), &m);
		int links = 1 + (int)rng_below(2);
		for (int k = 0; k < links && rc == STATUS_OK; k++)
			rc = link_add(b->db, LINK_MEASURE_GOAL, m.id, b->goals[(i + k * 31) % GOALS]);
	}
	return rc;
}

/* The subgroups' minutes, as an import writes them: lines, then the
 * count and the search index. */
static enum status documents_make(struct bench *b)
{
	static char lines[DOCUMENT_LINES][400];
	enum status rc = STATUS_OK;
	char title[160], filename[64], date[32], hex[SHA256_HEX_SIZE];
	for (int i = 0; i < DOCUMENTS && rc == STATUS_OK; i++) {
		struct sha256_ctx sha;
		sha256_init(&sha);
		for (int k = 0; k < DOCUMENT_LINES; k++) {
			if (k == 0)
				snprintf(lines[k], sizeof lines[k], "Protokoll der Untergruppe %d „%s“",
					i + 1, components[i % COMPONENTS].name);
			else
				snprintf(lines[k], sizeof lines[k], "%s %s %s.", PICK(sentence_subjects),
					PICK(sentence_verbs), PICK(sentence_objects));
			sha256_update(&sha, lines[k], strlen(lines[k]));
			sha256_update(&sha, "\n", 1);
		}
		unsigned char digest[SHA256_SIZE];
		sha256_final(&sha, digest);
		sha256_hex(digest, hex);
		snprintf(title, sizeof title, "Protokoll UG %d: %s", i + 1, components[i % COMPONENTS].name);
		snprintf(filename, sizeof filename, "protokoll-ug%02d.txt", i + 1);
		snprintf(date, sizeof date, "2026-03-%02d", 6 + i % 20);
		struct document d = { .session_id = b->session, .title = title, .kind = "minutes",
			.date = date, .component_id = b->components[i % COMPONENTS], .filename = filename,
			.sha256 = hex, .participants = "Anna, Ben, Çelik, Dörte, Jürgen" };
		rc = document_create(b->db, &d);
		for (int k = 0; k < DOCUMENT_LINES && rc == STATUS_OK; k++)
			rc = document_add_line(b->db, d.id, k + 1, lines[k]);
		if (rc == STATUS_OK)
			rc = document_finish(b->db, d.id, DOCUMENT_LINES);
	}
	return rc;
}

/* Earlier workshops, each with a few items, so that the browser has a
 * list to move through. */
static enum status small_sessions_make(struct bench *b)
{
	enum status rc = STATUS_OK;
	char title[128], date[32], text[200];
	for (int i = 0; i < SMALL_SESSIONS && rc == STATUS_OK; i++) {
		snprintf(title, sizeof title, "Workshop %s %d", PICK(goal_subjects), i + 1);
		snprintf(date, sizeof date, "20%02d-%02d-%02d", 20 + i / 12, 1 + i % 12, 1 + i % 28);
		struct session s = { .title = title, .date = date,
			.question = (char *)components[i % COMPONENTS].question };
		rc = session_create(b->db, &s);
		for (int k = 0; k < 3 && rc == STATUS_OK; k++) {
			snprintf(text, sizeof text, "%s %s", PICK(unseen_subjects), PICK(unseen_contexts));
			struct unseen u = { .session_id = s.id, .title = text, .votes = rng_below(5) };
			rc = item_create(b->db, item_type(ITEM_UNSEEN), &u);
		}
		for (int k = 0; k < 2 && rc == STATUS_OK; k++) {
			struct goal g = { .session_id = s.id, .text = (char *)PICK(goal_aims) };
			rc = item_create(b->db, item_type(ITEM_GOAL), &g);
		}
	}
	return rc;
}

/* The big session, newest of all so that the browser lists it first. */
static enum status session_make(struct bench *b)
{
	struct session s = {
		.title = "KMU-Workshop Kassel: Risiken der digitalen Transformation",
		.date = "2026-03-05", .place = "Kassel", .facilitator = "Anna Müller",
		.question = "Wie können kleine und mittlere Unternehmen sich an die Risiken der "
			"digitalen Transformation anpassen, ohne ihre Stärken zu verlieren?",
		.inside = "KMU in Nordhessen, ihre Beschäftigten und Zulieferer",
		.outside = "Großkonzerne, Bundespolitik", .region = "Nordhessen", .horizon = "2035",
	};
	enum status rc = db_begin(b->db);
	if (rc != STATUS_OK)
		return rc;
	rc = small_sessions_make(b);
	if (rc == STATUS_OK)
		rc = session_create(b->db, &s);
	b->session = s.id;
	if (rc == STATUS_OK)
		rc = components_make(b);
	if (rc == STATUS_OK)
		rc = unseens_make(b);
	if (rc == STATUS_OK)
		rc = variables_make(b);
	if (rc == STATUS_OK)
		rc = goals_make(b);
	if (rc == STATUS_OK)
		rc = measures_make(b);
	if (rc == STATUS_OK)
		rc = documents_make(b);
	return db_end(b->db, rc);
}

/* ---- timing ---- */

static double clock_ms(clockid_t clock)
{
	struct timespec ts;
	clock_gettime(clock, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double now_ms(void)
{
	return clock_ms(CLOCK_MONOTONIC);
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* A key press timed twice: by the clock on the wall, and by the CPU time
 * of this process.  On a busy machine the first includes waiting for a
 * core; the second is the work alone. */
struct timing {
	double wall, cpu;
};

/* The key presses on one screen; the key that showed it apart. */
struct screen {
	char name[48];
	const char *note;
	bool opened;
	struct timing open;
	struct timing keys[MAX_KEYS];
	size_t n;
};

struct run {
	struct bench *b;
	struct app *app;
	struct screen screens[MAX_SCREENS];
	size_t nscreens;
	struct screen *cur;
	int digits;                /* digit presses sent to the matrix */
	int64_t cells_changed;     /* cells they changed */
};

static struct timing press(struct app *app, int key)
{
	struct timing t;
	double wall = now_ms(), cpu = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
	tui_probe_key(app, key);
	t.cpu = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - cpu;
	t.wall = now_ms() - wall;
	return t;
}

static void record(struct run *r, int key)
{
	struct timing t = press(r->app, key);
	if (r->cur->n < MAX_KEYS)
		r->cur->keys[r->cur->n++] = t;
}

/* Whether the screen's text contains NEEDLE: that a screen shows what
 * it should, so that the figures are not those of an empty one. */
static bool screen_shows(struct app *app, const char *needle)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);
	if (!f)
		return false;
	tui_probe_dump(app, f);
	fclose(f);
	bool found = text && strstr(text, needle);
	free(text);
	return found;
}

/* A view that binds no keys is a placeholder still. */
static bool view_is_placeholder(const struct view *v)
{
	return v->nkeys == 0;
}

static bool view_binds(const struct view *v, int key)
{
	for (size_t i = 0; i < v->nkeys; i++)
		if (v->keys[i].key == key)
			return true;
	return false;
}

static struct screen *screen_add(struct run *r, const char *name)
{
	if (r->nscreens == MAX_SCREENS)
		return NULL;
	struct screen *s = &r->screens[r->nscreens++];
	snprintf(s->name, sizeof s->name, "%s", name);
	return s;
}

/* Starts a screen: KEY (0: none) switches to it and is timed apart;
 * EXPECT (or NULL) is text the screen must show. */
static int screen_begin(struct run *r, const char *name, int key, const char *expect)
{
	r->cur = screen_add(r, name);
	if (!r->cur)
		return 1;
	if (key) {
		r->cur->open = press(r->app, key);
		r->cur->opened = true;
	}
	if (expect && !screen_shows(r->app, expect)) {
		fprintf(stderr, "bench_tui: the screen \"%s\" does not show \"%s\":\n", name, expect);
		tui_probe_dump(r->app, stderr);
		return 1;
	}
	return 0;
}

/* Page down, then to the end and back to the first row a few times. */
static void jump_keys(struct run *r)
{
	for (int i = 0; i < PAGES; i++)
		record(r, UI_FN(KEY_NPAGE));
	for (int i = 0; i < JUMPS; i++) {
		record(r, UI_FN(KEY_END));
		record(r, UI_FN(KEY_HOME));
	}
}

/* What a person does in a list: down row by row, then jumps; ends on
 * the first row. */
static void list_keys(struct run *r)
{
	for (int i = 0; i < DOWNS; i++)
		record(r, UI_FN(KEY_DOWN));
	jump_keys(r);
}

static int matrix_load(struct bench *b, struct impact_matrix *m)
{
	if (impact_matrix_load(b->db, b->session, m) == STATUS_OK)
		return 0;
	fprintf(stderr, "bench_tui: impact matrix of session %" PRId64 ": %s\n", b->session,
		db_error(b->db));
	return 1;
}

/* Whether two loads of the matrix hold the same cells; counts the cells
 * that differ into *CHANGED when it is not NULL. */
static bool matrix_same(const struct impact_matrix *a, const struct impact_matrix *b,
	int64_t *changed)
{
	int64_t differ = a->n == b->n ? 0 : 1;
	for (size_t i = 0; a->n == b->n && i < a->n * a->n; i++)
		differ += a->cells[i] != b->cells[i];
	if (changed)
		*changed = differ;
	return differ == 0;
}

/* Undoes the last COUNT actions and redoes them, each key timed: each
 * reloads the view.  Afterwards the matrix must be as AFTER. */
static int undo_keys(struct run *r, int64_t count, const struct impact_matrix *after)
{
	r->cur = screen_add(r, "3 matrix: undo, redo (u, Ctrl-R)");
	if (!r->cur)
		return 1;
	for (int64_t i = 0; i < count; i++)
		record(r, 'u');
	for (int64_t i = 0; i < count; i++)
		record(r, UI_CTRL('r'));
	struct impact_matrix again = { 0 };
	int fail = matrix_load(r->b, &again);
	if (!fail && !matrix_same(after, &again, NULL)) {
		fprintf(stderr, "bench_tui: %" PRId64 " undos and redos in the matrix did not restore"
			" it\n", count);
		fail = 1;
	}
	impact_matrix_free(&again);
	return fail;
}

/* Step 3's matrix: the cursor moves right (and down every second key)
 * and every fourth key a digit 0..3 rates the cell under it, timed apart
 * since it writes to the database; then a few undos and redos, and the
 * jumps.  Digits go only to a matrix that binds them: elsewhere they
 * switch steps (and `u` would undo the building of the session).  The
 * digits must change cells, or nothing was measured. */
static int matrix_keys(struct run *r)
{
	bool digits = true;
	for (int d = '0'; d <= '3'; d++)
		digits = digits && view_binds(&matrix_view, d);
	struct impact_matrix before = { 0 }, after = { 0 };
	if (digits && matrix_load(r->b, &before) != 0)
		return 1;
	struct screen *moves = r->cur, *sets = digits ? screen_add(r, "3 matrix: digits 0-3") : NULL;
	for (int i = 0; i < MATRIX_MOVES; i++) {
		r->cur = moves;
		record(r, UI_FN(KEY_RIGHT));
		if (i % 2 == 0)
			record(r, UI_FN(KEY_DOWN));
		if (sets && i % 4 == 3) {
			r->cur = sets;
			record(r, '0' + (i / 4) % 4);
			r->digits++;
		}
	}
	int fail = 0;
	if (sets) {
		int64_t changed = 0;
		fail = matrix_load(r->b, &after);
		if (!fail)
			matrix_same(&before, &after, &changed);
		r->cells_changed += changed;
		if (!fail && changed == 0) {
			fprintf(stderr, "bench_tui: %d digit presses in the matrix changed no cell\n",
				MATRIX_MOVES / 4);
			fail = 1;
		}
		/* Each changed cell is at least one action of its own. */
		if (!fail)
			fail = undo_keys(r, changed < UNDOS ? changed : UNDOS, &after);
	} else {
		moves->note = view_is_placeholder(&matrix_view) ? "placeholder (binds no keys);"
			" digits not sent" : "digits not bound: not sent";
	}
	impact_matrix_free(&after);
	impact_matrix_free(&before);
	r->cur = moves;
	if (!fail)
		jump_keys(r);
	return fail;
}

/* Dot votes on the selected unseen, as the room gives them: `+` then `-`,
 * each written at once; the first must have counted. */
/* + and - on the unseen ID the cursor is on; each vote must count. */
static int vote_keys(struct run *r, int64_t id)
{
	const struct item_type *type = item_type(ITEM_UNSEEN);
	int64_t votes[2] = { 0, 0 };
	for (int k = 0; k < VOTES; k++) {
		struct unseen u;
		record(r, '+');
		if (k == 0) {
			for (int v = 0; v < 2; v++) {
				if (item_read(r->b->db, type, id, &u) != STATUS_OK) {
					fprintf(stderr, "bench_tui: unseen %" PRId64 ": %s\n", id,
						db_error(r->b->db));
					return 1;
				}
				votes[v] = u.votes;
				item_clear(type, &u);
				if (v == 0)
					record(r, '-');
			}
			if (votes[0] != votes[1] + 1) {
				fprintf(stderr, "bench_tui: + on unseen %" PRId64 " gave %" PRId64 " votes,"
					" - then %" PRId64 "\n", id, votes[0], votes[1]);
				return 1;
			}
		} else {
			record(r, '-');
		}
	}
	return 0;
}

static const char *placeholder_note(const struct view *v)
{
	return view_is_placeholder(v) ? "placeholder (binds no keys)" : NULL;
}

/* Every screen at LINES x COLS: the browser in a probe of its own, then
 * the session's steps in a second one.  Views keep their state between
 * probes, so each screen leaves its list on the first row and in its
 * default order, as it found it. */
static int run_screens(struct run *r, int lines, int cols)
{
	struct bench *b = r->b;
	char expect[32];
	int fail;

	r->app = tui_probe_open(b->db, 0, lines, cols, b->out);
	if (!r->app) {
		fprintf(stderr, "bench_tui: the probe cannot open a %dx%d screen\n", cols, lines);
		return 1;
	}
	snprintf(expect, sizeof expect, "(%d)", SMALL_SESSIONS + 1);
	fail = screen_begin(r, "session browser", 0, expect);
	if (!fail)
		list_keys(r);
	tui_probe_close(r->app);
	if (fail)
		return 1;

	r->app = tui_probe_open(b->db, b->session, lines, cols, b->out);
	if (!r->app) {
		fprintf(stderr, "bench_tui: the probe cannot open session %" PRId64 " at %dx%d\n",
			b->session, cols, lines);
		return 1;
	}
	snprintf(expect, sizeof expect, "(%d)", COMPONENTS);
	if (!(fail = screen_begin(r, "1 Leitfrage", 0, expect)))
		list_keys(r);
	snprintf(expect, sizeof expect, "(%d)", UNSEENS);
	if (!fail && !(fail = screen_begin(r, "2 Unseens", '2', expect)))
		list_keys(r);
	if (!fail && !(fail = screen_begin(r, "2 Unseens: votes (+, -)", 0, NULL)))
		fail = vote_keys(r, b->unseens[0]);
	if (!fail && !(fail = screen_begin(r, "2 Unseens by votes (s)", 's', expect)))
		list_keys(r);
	if (!fail && !(fail = screen_begin(r, "2 Unseens by vulnerability (s)", 's', expect)))
		list_keys(r);
	if (!fail)
		tui_probe_key(r->app, 's');   /* back to their own order */
	snprintf(expect, sizeof expect, "(%d)", VARIABLES);
	if (!fail && !(fail = screen_begin(r, "3 variables", '3', expect)))
		list_keys(r);
	snprintf(expect, sizeof expect, "(%d)", GOALS);
	if (!fail && !(fail = screen_begin(r, "4 Ziele", '4', expect)))
		list_keys(r);
	snprintf(expect, sizeof expect, "(%d)", MEASURES);
	if (!fail && !(fail = screen_begin(r, "5 Maßnahmen", '5', expect)))
		list_keys(r);
	/* b shows the bundle board: a column per actor group, cards with priority · horizon */
	if (!fail && !(fail = screen_begin(r, "5 bundle board (b)", 'b', " · ")))
		list_keys(r);
	if (!fail)
		tui_probe_key(r->app, 'b');   /* back to all measures in order */
	snprintf(expect, sizeof expect, "(%d)", DOCUMENTS);
	if (!fail && !(fail = screen_begin(r, "Dokumente", '6',
		view_is_placeholder(&documents_view) ? NULL : expect))) {
		r->cur->note = placeholder_note(&documents_view);
		list_keys(r);
	}
	if (!fail && !(fail = screen_begin(r, "Export", '7', NULL))) {
		r->cur->note = placeholder_note(&export_view);
		list_keys(r);
	}
	/* The matrix last: digits do not bring us back to a step. */
	if (!fail)
		tui_probe_key(r->app, '3');
	if (!fail && !(fail = screen_begin(r, "3 matrix (m): moves", 'm', NULL)))
		fail = matrix_keys(r);
	tui_probe_close(r->app);
	r->app = NULL;
	return fail;
}

/* The unseen the wall ranks first (0 when none). */
static int64_t ranked_first(struct bench *b)
{
	struct listing_query q = { ITEM_UNSEEN, b->session, LISTING_RANKED, 0 };
	int64_t *ids = NULL, first = 0;
	size_t n = 0;
	if (listing_ids(b->db, &q, &ids, &n) == STATUS_OK && n)
		first = ids[0];
	free(ids);
	return first;
}

/* The wall (F5) of steps 1 to 5 at LINES x COLS: each shown by its step
 * key, then moved through row by row and by pages; on step 2 also votes. */
static int run_walls(struct run *r, int lines, int cols)
{
	static const struct { const char *name; int key; } walls[] = {
		{ "wall 1 question (F5)", 0 }, { "wall 2 unseens", '2' }, { "wall 3 matrix", '3' },
		{ "wall 4 goals", '4' }, { "wall 5 board", '5' },
	};
	struct bench *b = r->b;
	char matrix[32];
	/* what each wall must show: a component, a rank, the matrix's size,
	 * the goals left out, a card */
	const char *expect[LEN(walls)] = { components[0].name, "1. ", matrix, "… ", " · " };
	snprintf(matrix, sizeof matrix, "%d×%d", VARIABLES, VARIABLES);
	r->app = tui_probe_open(b->db, b->session, lines, cols, b->out);
	if (!r->app) {
		fprintf(stderr, "bench_tui: the probe cannot open session %" PRId64 " at %dx%d\n",
			b->session, cols, lines);
		return 1;
	}
	tui_probe_key(r->app, '1');
	int fail = 0;
	for (size_t i = 0; i < LEN(walls) && !fail; i++) {
		fail = screen_begin(r, walls[i].name, walls[i].key ? walls[i].key : UI_FN(KEY_F(5)),
			expect[i]);
		for (int k = 0; !fail && k < WALL_MOVES; k++)
			record(r, UI_FN(KEY_DOWN));
		for (int k = 0; !fail && k < WALL_MOVES; k++)
			record(r, UI_FN(KEY_UP));
		if (!fail)
			jump_keys(r);
		if (!fail && walls[i].key == '2')
			fail = vote_keys(r, ranked_first(b));
	}
	tui_probe_close(r->app);
	r->app = NULL;
	return fail;
}

/* ---- the table ---- */

struct figures {
	double median, p95, worst;
};

/* Sorts MS (N > 0) in place. */
static struct figures figures_of(double *ms, size_t n)
{
	qsort(ms, n, sizeof *ms, compare_doubles);
	struct figures f = {
		n % 2 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2,
		ms[(n * 95 + 99) / 100 - 1],   /* nearest rank */
		ms[n - 1],
	};
	return f;
}

/* Figures of the keys of S and its opening key; counts the keys over the
 * target by each clock into *WALL_SLOW and *CPU_SLOW. */
static void print_screen(const struct screen *s, size_t *wall_slow, size_t *cpu_slow)
{
	static double wall[MAX_KEYS + 1], cpu[MAX_KEYS + 1];
	size_t n = 0;
	for (size_t i = 0; i < s->n; i++, n++) {
		wall[n] = s->keys[i].wall;
		cpu[n] = s->keys[i].cpu;
	}
	struct figures w = n ? figures_of(wall, n) : (struct figures){ 0, 0, 0 };
	if (s->opened) {
		wall[n] = s->open.wall;
		cpu[n++] = s->open.cpu;
	}
	double wall_max = 0.0, cpu_max = 0.0;
	for (size_t i = 0; i < n; i++) {
		wall_max = wall[i] > wall_max ? wall[i] : wall_max;
		cpu_max = cpu[i] > cpu_max ? cpu[i] : cpu_max;
		*wall_slow += wall[i] >= TARGET_MS;
		*cpu_slow += cpu[i] >= TARGET_MS;
	}
	/* Pads by characters, not bytes: names have umlauts. */
	int pad = 32;
	for (const char *p = s->name; *p; p++)
		pad += (*p & 0xC0) == 0x80;
	printf("  %-*s %5zu", pad, s->name, s->n);
	if (s->opened)
		printf(" %7.2f", s->open.wall);
	else
		printf(" %7s", "-");
	if (s->n)
		printf(" %7.3f %7.3f %7.3f", w.median, w.p95, w.worst);
	else
		printf(" %7s %7s %7s", "-", "-", "-");
	printf(" %7.3f  %s", cpu_max, wall_max < TARGET_MS ? "ok" : cpu_max < TARGET_MS
		? "slow by the wall clock only" : "SLOW");
	if (s->note)
		printf(" (%s)", s->note);
	printf("\n");
}

static void report(struct run *r, int lines, int cols)
{
	printf("\n%dx%d: ms per key press (handle + draw + refresh), by the wall clock; open: the key"
		" that showed the screen; cpu max: the most CPU time one key took, open included;"
		" target %.0f ms\n", cols, lines, TARGET_MS);
	printf("  %-32s %5s %7s %7s %7s %7s %7s\n", "screen", "keys", "open", "median", "p95",
		"worst", "cpu max");
	static double all[MAX_SCREENS * (MAX_KEYS + 1)];
	size_t nall = 0, wall_slow = 0, cpu_slow = 0;
	for (size_t i = 0; i < r->nscreens; i++) {
		const struct screen *s = &r->screens[i];
		for (size_t k = 0; k < s->n; k++)
			all[nall++] = s->keys[k].wall;
		if (s->opened)
			all[nall++] = s->open.wall;
		print_screen(s, &wall_slow, &cpu_slow);
	}
	struct figures f = figures_of(all, nall);
	printf("  all %zu keys: median %.3f, p95 %.3f, worst %.3f; %zu at or over %.0f ms by the"
		" wall clock, %zu by CPU time\n", nall, f.median, f.p95, f.worst, wall_slow, TARGET_MS,
		cpu_slow);
	if (r->digits)
		printf("  %d digit presses in the matrix changed %" PRId64 " cells (the others hit the"
			" diagonal or a cell with that rating)\n", r->digits, r->cells_changed);
	fflush(stdout);
}

/* The model calls behind the slowest keys, alone: the matrix view loads
 * the whole matrix when it is shown and after every change (undo, redo,
 * another process), and `b` sorts the measures by actor group. */
static int report_model_calls(struct bench *b)
{
	enum { RUNS = 5 };
	double load[RUNS], sort[RUNS];
	for (int i = 0; i < RUNS; i++) {
		struct impact_matrix m = { 0 };
		double start = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
		if (matrix_load(b, &m) != 0)
			return 1;
		load[i] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - start;
		impact_matrix_free(&m);
		struct listing_query q = { ITEM_MEASURE, b->session, LISTING_ACTOR, 0 };
		int64_t *ids = NULL;
		size_t n = 0;
		start = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
		enum status rc = listing_ids(b->db, &q, &ids, &n);
		sort[i] = clock_ms(CLOCK_PROCESS_CPUTIME_ID) - start;
		free(ids);
		if (rc != STATUS_OK || n != MEASURES) {
			fprintf(stderr, "bench_tui: measures by actor group: %zu of %d: %s\n", n, MEASURES,
				rc != STATUS_OK ? db_error(b->db) : "wrong count");
			return 1;
		}
	}
	printf("\nmodel calls alone, CPU ms, median of %d: impact_matrix_load %dx%d %.2f;"
		" listing_ids of the measures by actor group %.2f\n", RUNS, VARIABLES, VARIABLES,
		figures_of(load, RUNS).median, figures_of(sort, RUNS).median);
	return 0;
}

static void cleanup(struct bench *b)
{
	char path[80];
	db_close(b->db);
	b->db = NULL;
	if (b->out)
		fclose(b->out);
	if (b->db_made) {
		unlink(b->db_path);
		snprintf(path, sizeof path, "%s-wal", b->db_path);
		unlink(path);
		snprintf(path, sizeof path, "%s-shm", b->db_path);
		unlink(path);
		snprintf(path, sizeof path, "%s-journal", b->db_path);
		unlink(path);
	}
}

int main(void)
{
	static struct bench b;
	static struct run runs[2], wall_run;
	static const int sizes[2][2] = { { 30, 100 }, { 60, 200 } };   /* lines, columns */
	int rc = EXIT_FAILURE;

	display_init();
	snprintf(b.db_path, sizeof b.db_path, "/tmp/didat-bench-tui-XXXXXX");
	int fd = mkstemp(b.db_path);
	if (fd < 0) {
		perror("bench_tui: mkstemp");
		return EXIT_FAILURE;
	}
	close(fd);
	b.db_made = true;
	b.out = fopen("/dev/null", "w");
	if (!b.out) {
		perror("bench_tui: /dev/null");
		goto done;
	}
	double start = now_ms();
	enum status st = db_open(&b.db, b.db_path, DB_READWRITE);
	if (st == STATUS_OK)
		st = session_make(&b);
	if (st != STATUS_OK) {
		fprintf(stderr, "bench_tui: %s: %s\n", b.db_path, b.db ? db_error(b.db) : status_text(st));
		goto done;
	}
	printf("redraw benchmark: session %" PRId64 " with %d unseens, %d variables (%" PRId64
		" of %d matrix cells rated), %d measures, %d goals, %d components, %d stakeholder"
		" groups, %d documents of %d lines; %d other sessions; built in %.1f s\n", b.session,
		UNSEENS, VARIABLES, b.rated, VARIABLES * (VARIABLES - 1), MEASURES, GOALS, COMPONENTS,
		STAKEHOLDERS, DOCUMENTS, DOCUMENT_LINES, SMALL_SESSIONS, (now_ms() - start) / 1e3);
	fflush(stdout);
	for (size_t i = 0; i < LEN(runs); i++) {
		runs[i].b = &b;
		if (run_screens(&runs[i], sizes[i][0], sizes[i][1]) != 0)
			goto done;
		report(&runs[i], sizes[i][0], sizes[i][1]);
	}
	wall_run.b = &b;
	if (run_walls(&wall_run, sizes[1][0], sizes[1][1]) != 0)
		goto done;
	report(&wall_run, sizes[1][0], sizes[1][1]);
	if (report_model_calls(&b) != 0)
		goto done;
	rc = EXIT_SUCCESS;
done:
	cleanup(&b);
	if (rc != EXIT_SUCCESS)
		fprintf(stderr, "bench_tui failed\n");
	return rc;
}

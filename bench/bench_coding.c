/* The coding benchmark of issue 4 (Speed).  In a temporary database it
 * builds a session of 500 generated German minutes of 400 lines each
 * (200,000 lines) and 50,000 codings by three coders on 50 codes, through
 * the functions the command line uses, and reports: the import rate, the
 * time to open the largest document and to jump to its last line, two
 * searches, the hinge export beside `sqlite3 -csv` running the same query
 * on the same file, and the peak memory.  Figures, not pass/fail: the
 * program fails only when something breaks (an error, a wrong count, or
 * two hinge tables that differ); a missed target is printed as such. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "exports/csv_reader.h"
#include "exports/csv_writer.h"
#include "exports/doc_import.h"
#include "exports/hinge_csv.h"
#include "exports/refi.h"
#include "model/agreement.h"
#include "model/coding.h"
#include "model/compare.h"
#include "model/db.h"
#include "model/document.h"
#include "model/hinge.h"
#include "model/item.h"
#include "model/search.h"
#include "model/session.h"
#include "util/sha256.h"

enum {
	DOCS = 500,
	LINES = 400,
	BATCH = 50,            /* files per import, as a person would pass them */
	COMPONENTS = 5,
	CODINGS = 50000,
	SCREEN = 50,           /* lines of a reader screen */
	READ_RUNS = 20,
	SEARCH_RUNS = 10,
	EXPORT_RUNS = 5,
	LINE_BYTES = 120,      /* generated lines are 60..120 bytes */
	MAX_CODES = 64,
	HINGE_COLUMNS = 17,
	MEMORY_TARGET_MIB = 64,
	AGREE_RUNS = 5,
	AGREE_ALL_TARGET_MS = 1000,
	AGREE_ONE_TARGET_MS = 100,
	COMPARE_LINES = 100000,
	COMPARE_CODINGS = 4000,    /* per coder */
	COMPARE_MOVES = 50,
};
#define EXPORT_TARGET 1.5     /* export time at most this times sqlite3's */

#define MIB (1024.0 * 1024.0)
#define LEN(a) (sizeof (a) / sizeof (a)[0])

/* Frequent words first: word_pick() favours the start of the list, so
 * that, as in real minutes, function words are common and most nouns
 * rare, and FTS has long and short posting lists. */
static const char *const words[] = {
	"die", "der", "und", "das", "in", "zu", "den", "nicht", "von", "mit", "sich", "des",
	"auf", "für", "ist", "im", "dem", "ein", "auch", "es", "an", "werden", "aus", "hat",
	"dass", "sie", "nach", "wird", "bei", "einer", "um", "am", "sind", "noch", "wie",
	"einem", "über", "so", "zum", "oder", "aber", "vor", "zur", "bis", "mehr", "durch",
	"man", "dann", "soll", "müssen", "können", "wir", "unsere", "ihre", "sehr", "schon",
	"wenn", "weil", "damit", "gegen", "ohne", "zwischen", "während", "hätte", "würde",
	"wäre", "dafür", "darüber", "außerdem", "größer", "später", "künftig", "häufig",
	"natürlich", "möglich", "nötig", "schwierig", "wichtig", "öffentlich", "gemeinsam",
	"regional", "digital", "vernetzt", "sicher", "schnell", "ländlich",
	"Daten", "Unternehmen", "Betrieb", "Beschäftigte", "Geschäftsführung", "Führung",
	"Kunden", "Zulieferer", "Lieferkette", "Maschine", "Maschinen", "Maschinendaten",
	"Sensor", "Steuerung", "Fernwartung", "Wartungsvertrag", "Vertrag", "Verträge",
	"Datenschutz", "Datensouveränität", "Datennutzung", "Datenabfluss",
	"Datenvereinbarung", "Eigentum", "Schnittstelle", "Standard", "Standards", "Cloud",
	"Server", "Rechenzentrum", "Ausfall", "Sicherheit", "Angriff", "Schadsoftware",
	"Erpressung", "Verschlüsselung", "Passwort", "Schulung", "Weiterbildung",
	"Qualifizierung", "Kompetenz", "Digitalkompetenz", "Ausbildung", "Auszubildende",
	"Fachkräfte", "Fachkräftemangel", "Arbeitsplatz", "Arbeitsplätze", "Arbeitszeit",
	"Homeoffice", "Mitbestimmung", "Betriebsrat", "Gewerkschaft", "Kündigung",
	"Überwachung", "Leistungskontrolle", "Vertrauen", "Verantwortung", "Haftung", "Recht",
	"Gesetz", "Verordnung", "Förderung", "Fördermittel", "Förderprogramm", "Kammer",
	"Verband", "Verwaltung", "Behörde", "Hochschule", "Forschung", "Transfer", "Beratung",
	"Berater", "Netzwerk", "Kooperation", "Wettbewerb", "Wettbewerber", "Markt", "Preis",
	"Preise", "Kosten", "Investition", "Investitionen", "Rendite", "Umsatz", "Gewinn",
	"Risiko", "Risiken", "Chance", "Chancen", "Abhängigkeit", "Anbieter", "Marktplatz",
	"Algorithmus", "Algorithmen", "künstliche", "Intelligenz", "Automatisierung",
	"Roboter", "Produktion", "Fertigung", "Qualität", "Prüfung", "Zertifizierung",
	"Innovation", "Innovationsfähigkeit", "Geschäftsmodell", "Geschäftsmodelle",
	"Dienstleistung", "Produkt", "Produkte", "Entwicklung", "Strategie", "Planung",
	"Entscheidung", "Entscheidungen", "Prozess", "Prozesse", "Abläufe", "Organisation",
	"Kultur", "Wandel", "Veränderung", "Änderung", "Übergang", "Zukunft", "Region",
	"Standort", "Infrastruktur", "Breitband", "Glasfaser", "Mobilfunk", "Energie",
	"Plattform", "Energieverbrauch", "Nachhaltigkeit", "Klima", "Ressourcen", "Material",
	"Lager", "Logistik", "Transport", "Bestellung", "Rechnung", "Buchhaltung", "Steuer",
	"Plattformen", "Software", "Hardware", "Lizenz", "Lizenzen", "Update", "Wartung",
	"Störung", "Fehler", "Ausfallzeit", "Notfallplan", "Sicherung", "Zugriff",
	"Zugriffsrechte", "Kontrolle", "Transparenz", "Offenheit", "Beteiligung", "Teilhabe",
	"Plattformbetreiber", "Gerechtigkeit", "Gleichstellung", "Alter", "Generation",
	"Nachfolge", "Familie", "Eigentümer", "Inhaber", "Mittelstand", "Handwerk",
	"Industrie", "Konzern", "Größe", "Stärke", "Schwäche", "Anpassung",
	"Anpassungsfähigkeit", "Widerstandsfähigkeit", "Resilienz", "Vulnerabilität",
	"Plattformökonomie", "Nebenwirkung", "Folgen", "Auswirkung", "Wirkung", "Ursache",
	"Ursachen", "Maßnahme", "Maßnahmen", "Ziel", "Ziele", "Zielkonflikt", "Orientierung",
	"Empfehlung", "Empfehlungen", "Leitfrage", "Workshop", "Untergruppe", "Protokoll",
	"Diskussion", "Beispiel", "Erfahrung", "Erfahrungen", "Problem", "Probleme", "Lösung",
	"Lösungen", "Frage", "Fragen", "Antwort", "Überblick", "Überlegung", "Einschätzung",
	"Bewertung", "Studie", "Umfrage", "Ergebnis", "Ergebnisse", "Gespräch", "Moderation",
	"Teilnehmende", "Praxis", "Wissenschaft", "Gesellschaft", "Politik", "Bürger",
	"Öffentlichkeit", "Medien", "Bildung", "Schule", "Gesundheit", "Pflege", "Mobilität",
	"Verkehr", "Wohnen", "Straße", "Gemeinde", "Kommune", "Land", "Bund", "Europa",
	"Weltmarkt", "Globalisierung", "Export", "Import", "Zoll", "Währung", "Bank",
	"Kredit", "Versicherung", "Schaden", "Schadensfall", "Prämie", "Rücklage",
	"Bürokratie", "Dokumentation", "Nachweis", "Pflicht", "Pflichten", "Freiheit",
	"Selbstbestimmung", "Souveränität", "Datentreuhänder", "Musterverträge",
	"Gütesiegel", "Prüfsiegel",
};

/* Searches as people type them: a prefix over a word family, and two
 * words that must both occur in a line. */
static const char *const queries[] = { "Plattform*", "Fernwartung Kündigung" };

static const char *const coders[] = { "Anna", "Jörg", "Lea" };

/* Memos as coders write them; the = one goes through the formula guard. */
static const char *const memos[] = {
	"Kernaussage", "zitierfähig", "=Summe? Nein: wörtliches Zitat",
	"Widerspruch zu Protokoll 3, sagt \"nie wieder Cloud\"",
	"Rückfrage an die Moderation; unklar, wer das gesagt hat",
};

/* The query of model/hinge.c with its filters bound to "all" (?1 the
 * session, ?2 0, ?3 NULL, ?4 NULL, ?5 0) and the columns named as the
 * CSV header names them, so that both tables can be compared whole.
 * Keep it in step with hinge.c: the comparison fails when they drift. */
static const char hinge_sql_format[] =
	"WITH RECURSIVE path(id, path) AS ("
	" SELECT id, name FROM code WHERE session_id = %" PRId64 " AND type = 'free'"
	"  AND parent_id IS NULL"
	" UNION ALL SELECT c.id, p.path || '/' || c.name FROM code c JOIN path p ON c.parent_id = p.id)"
	" SELECT g.id AS coding_id, s.title AS session, coalesce(comp.number, '') AS component,"
	"  l.type AS code_type, l.id AS code_id, coalesce(path.path, '') AS code_path,"
	"  l.name AS code, d.title AS document, d.kind AS document_kind,"
	"  g.first_line AS first_line, g.last_line AS last_line,"
	"  (SELECT group_concat(text, char(10)) FROM (SELECT text FROM line"
	"    WHERE document_id = g.document_id AND number BETWEEN g.first_line AND g.last_line"
	"    ORDER BY number)) AS quote,"
	"  k.name AS coder, coalesce(g.memo, '') AS memo, g.created AS coded_at,"
	"  (SELECT printed FROM line WHERE document_id = g.document_id AND number = g.first_line)"
	"   AS printed_first_line,"
	"  (SELECT printed FROM line WHERE document_id = g.document_id AND number = g.last_line)"
	"   AS printed_last_line"
	" FROM coding g"
	" JOIN session s ON s.id = g.session_id"
	" JOIN code_label l ON l.id = g.code_id"
	" JOIN document d ON d.id = g.document_id"
	" JOIN coder k ON k.id = g.coder_id"
	" LEFT JOIN component comp ON comp.id = coalesce(l.component_id, d.component_id)"
	" LEFT JOIN path ON path.id = l.id"
	" WHERE g.session_id = %" PRId64
	"  AND (0 = 0 OR comp.number = 0)"
	"  AND (NULL IS NULL OR l.type = NULL)"
	"  AND (NULL IS NULL OR k.name = NULL)"
	"  AND (0 = 0 OR g.document_id = 0)"
	" ORDER BY comp.number IS NULL, comp.number,"
	"  CASE l.type WHEN 'unseen' THEN 1 WHEN 'goal' THEN 2 WHEN 'measure' THEN 3"
	"  WHEN 'soro' THEN 4 WHEN 'stakeholder' THEN 5 WHEN 'variable' THEN 6 ELSE 7 END,"
	"  coalesce(path.path, l.name), l.id, d.id, g.first_line, g.last_line, g.id;";

struct bench {
	struct db *db;
	char db_path[64], dir[64];
	char export_path[96], sqlite_path[96];
	bool db_made, dir_made;
	int64_t session;
	int64_t components[COMPONENTS];
	int64_t docs[DOCS];
	int64_t codes[MAX_CODES];
	size_t ncodes;
	uint64_t text_bytes;
	/* The process that starts sqlite3 (see spawner_start). */
	pid_t spawner;
	int to_spawner, from_spawner;
};

/* What the spawner reports for one run of sqlite3. */
struct spawn_result {
	double ms;
	int status;            /* as waitpid() gives it */
	long maxrss_kib;
};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* Prints a row's label, padded to the figures' column by characters,
 * not bytes. */
static void row_label(const char *text)
{
	int pad = 40;
	for (const char *p = text; *p; p++)
		pad += (*p & 0xC0) == 0x80;
	printf("  %-*s", pad, text);
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Sorts TIMES in place. */
static double median(double *times, size_t n)
{
	qsort(times, n, sizeof *times, compare_doubles);
	return times[n / 2];
}

static double worst(const double *times, size_t n)
{
	double w = times[0];
	for (size_t i = 1; i < n; i++)
		if (times[i] > w)
			w = times[i];
	return w;
}

static uint64_t rng_state = 20260312;

static uint32_t rng_next(void)
{
	rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(rng_state >> 33);
}

static uint32_t rng_below(uint32_t n)
{
	return rng_next() % n;
}

/* A word, the start of the list squared-more likely than its end. */
static const char *word_pick(void)
{
	double u = rng_next() / 2147483648.0;
	return words[(size_t)(u * u * LEN(words))];
}

/* A line of 60..120 bytes into BUF (LINE_BYTES + 1): words with now and
 * then a comma, a capital first letter, a full stop.  Returns its length. */
static size_t line_make(char *buf)
{
	size_t target = 60 + rng_below(61), len = 0;
	while (len < target) {
		const char *w = word_pick();
		size_t n = strlen(w);
		bool comma = len > 0 && rng_below(10) == 0;
		/* The longest word is far below 60 bytes, so this stops only
		 * once the line is long enough. */
		if (len + (len ? 1 : 0) + comma + n + 1 > LINE_BYTES)
			break;
		if (comma)
			buf[len++] = ',';
		if (len)
			buf[len++] = ' ';
		memcpy(buf + len, w, n);
		len += n;
	}
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	buf[len++] = '.';
	buf[len] = '\0';
	return len;
}

static void doc_path(const struct bench *b, int i, char *path, size_t size)
{
	snprintf(path, size, "%s/protokoll-%03d.txt", b->dir, i + 1);
}

static int fail(const struct bench *b, const char *what, enum status rc)
{
	fprintf(stderr, "bench_coding: %s: %s: %s\n", what, status_text(rc),
		b->db ? db_error(b->db) : "");
	return 1;
}

/* Writes the DOCS text files (not timed). */
static int docs_write(struct bench *b)
{
	char line[LINE_BYTES + 1], path[128];
	for (int i = 0; i < DOCS; i++) {
		doc_path(b, i, path, sizeof path);
		FILE *fp = fopen(path, "w");
		if (!fp) {
			fprintf(stderr, "bench_coding: %s: %s\n", path, strerror(errno));
			return 1;
		}
		for (int l = 0; l < LINES; l++) {
			size_t n = line_make(line);
			line[n++] = '\n';
			fwrite(line, 1, n, fp);
			b->text_bytes += n;
		}
		if (fclose(fp) != 0) {
			fprintf(stderr, "bench_coding: %s: %s\n", path, strerror(errno));
			return 1;
		}
	}
	return 0;
}

/* The session, its components (documents and items refer to them). */
static enum status session_make(struct bench *b)
{
	struct session s = {
		.title = (char *)"Benchmark: Kodierung von 500 Protokollen",
		.date = (char *)"2026-03-05",
		.question = (char *)"Wie können KMU sich an die Risiken der digitalen Transformation "
			"anpassen?",
	};
	enum status rc = session_create(b->db, &s);
	b->session = s.id;
	static const char *const names[COMPONENTS] = {
		"IoT und Daten", "Plattformen", "Cloud", "Organisation", "Beschäftigte",
	};
	for (int i = 0; i < COMPONENTS && rc == STATUS_OK; i++) {
		struct component c = {
			.session_id = b->session, .number = i + 1, .name = (char *)names[i],
		};
		rc = item_create(b->db, item_type(ITEM_COMPONENT), &c);
		b->components[i] = c.id;
	}
	return rc;
}

/* As `didat import-doc SESSION FILE...` does it: one transaction for the
 * batch, each file through doc_import_file(). */
static enum status import_batch(struct bench *b, int first)
{
	struct doc_import_options opt = {
		.date = "2026-03-12",
		.component_id = b->components[first / BATCH % COMPONENTS],
	};
	char path[128];
	enum status rc = db_begin(b->db);
	for (int i = first; i < first + BATCH && rc == STATUS_OK; i++) {
		struct doc_import_result res = { 0 };
		doc_path(b, i, path, sizeof path);
		rc = doc_import_file(b->db, b->session, path, &opt, &res);
		if (rc == STATUS_OK && res.lines != LINES)
			rc = db_fail(b->db, STATUS_INVALID, "%s: %" PRId64 " lines imported, %d written",
				path, res.lines, LINES);
		b->docs[i] = res.id;
	}
	return db_end(b->db, rc);
}

static int collect_code(void *ctx, const struct code_info *info)
{
	struct bench *b = ctx;
	if (b->ncodes < MAX_CODES)
		b->codes[b->ncodes] = info->id;
	b->ncodes++;
	return 0;
}

/* 15 unseens, 10 goals, 10 measures (each is a code) and 15 free codes
 * in five categories: 50 codes, named with words of the list (the
 * indices only spread them over it). */
static enum status codes_make(struct bench *b)
{
	char text[160];
	enum status rc = STATUS_OK;
	for (int i = 0; i < 15 && rc == STATUS_OK; i++) {
		snprintf(text, sizeof text, "Unseen %d: %s und %s", i + 1, words[100 + i * 7],
			words[101 + i * 11]);
		struct unseen u = {
			.session_id = b->session, .title = text,
			.component_id = b->components[i % COMPONENTS],
			.likelihood = 1 + i % 5, .impact = 1 + (i * 3) % 5, .capacity = 1 + (i * 2) % 5,
		};
		rc = item_create(b->db, item_type(ITEM_UNSEEN), &u);
	}
	for (int i = 0; i < 10 && rc == STATUS_OK; i++) {
		snprintf(text, sizeof text, "Ziel %d: %s für %s sichern", i + 1, words[150 + i * 5],
			words[120 + i * 3]);
		/* Every third goal without a component: its codings take the
		 * document's. */
		struct goal g = {
			.session_id = b->session, .text = text,
			.component_id = i % 3 ? b->components[i % COMPONENTS] : 0,
		};
		rc = item_create(b->db, item_type(ITEM_GOAL), &g);
	}
	for (int i = 0; i < 10 && rc == STATUS_OK; i++) {
		snprintf(text, sizeof text, "Maßnahme %d: %s und %s fördern", i + 1, words[200 + i * 4],
			words[130 + i * 6]);
		struct measure m = { .session_id = b->session, .text = text, .priority = 1 + i % 5 };
		rc = item_create(b->db, item_type(ITEM_MEASURE), &m);
	}
	static const char *const categories[] = {
		"Daten", "Plattformen", "Arbeit", "Recht", "Kompetenz",
	};
	for (size_t i = 0; i < LEN(categories) && rc == STATUS_OK; i++) {
		int64_t parent = 0, child = 0;
		rc = code_create_free(b->db, b->session, categories[i], 0, "#3b7dd8",
			"Kategorie des Codebuchs", &parent);
		for (int k = 0; k < 2 && rc == STATUS_OK; k++)
			rc = code_create_free(b->db, b->session, words[110 + i * 13 + (size_t)k * 5], parent,
				NULL, NULL, &child);
	}
	if (rc == STATUS_OK)
		rc = code_list(b->db, b->session, collect_code, b);
	if (rc == STATUS_OK && b->ncodes != 50)
		rc = db_fail(b->db, STATUS_INVALID, "%zu codes in the session, 50 made", b->ncodes);
	return rc;
}

/* The codings, drawn before the clock starts: mostly 1..6 lines, one in
 * twenty 10..30 lines, over all documents, codes and coders.  A twin of a
 * drawn one (same lines, code and coder: coding_create refuses it) is
 * drawn again, found through an open-addressing set of their hashes. */
#define TWIN_SLOTS (4 * CODINGS)

static uint64_t coding_hash(const struct coding *c)
{
	uint64_t h = 1469598103934665603u;
	int64_t key[] = { c->document_id, c->first_line, c->last_line, c->code_id,
		(int64_t)(uintptr_t)c->coder };
	for (size_t i = 0; i < LEN(key); i++)
		h = (h ^ (uint64_t)key[i]) * 1099511628211u;
	return h ? h : 1;
}

/* Enters C's hash into SLOTS; false when it was there (a twin, or a
 * collision of two hashes, which only costs a redraw). */
static bool first_of_its_kind(uint64_t *slots, const struct coding *c)
{
	uint64_t h = coding_hash(c);
	for (size_t i = h % TWIN_SLOTS; ; i = (i + 1) % TWIN_SLOTS) {
		if (slots[i] == h)
			return false;
		if (!slots[i]) {
			slots[i] = h;
			return true;
		}
	}
}

static enum status codings_draw(struct bench *b, struct coding *out)
{
	uint64_t *slots = calloc(TWIN_SLOTS, sizeof *slots);
	if (!slots)
		return db_fail(b->db, STATUS_NOMEM, "out of memory");
	for (int i = 0; i < CODINGS; i++) {
		do {
			int64_t first = 1 + rng_below(LINES);
			int64_t span = rng_below(20) == 0 ? 10 + rng_below(21) : 1 + rng_below(6);
			out[i] = (struct coding){
				.session_id = b->session,
				.document_id = b->docs[rng_below(DOCS)],
				.first_line = first,
				.last_line = first + span - 1 > LINES ? LINES : first + span - 1,
				.code_id = b->codes[rng_below((uint32_t)b->ncodes)],
				.coder = coders[rng_below(LEN(coders))],
				.memo = rng_below(10) == 0 ? memos[rng_below(LEN(memos))] : NULL,
			};
		} while (!first_of_its_kind(slots, &out[i]));
	}
	free(slots);
	return STATUS_OK;
}

/* The drawn codings in one transaction: what the benchmark times. */
static enum status codings_make(struct bench *b, struct coding *codings)
{
	enum status rc = db_begin(b->db);
	for (int i = 0; i < CODINGS && rc == STATUS_OK; i++)
		rc = coding_create(b->db, &codings[i]);
	return db_end(b->db, rc);
}

struct largest {
	int64_t id, lines;
};

static int find_largest(void *ctx, const struct document *doc, int64_t codings)
{
	struct largest *l = ctx;
	(void)codings;
	if (doc->line_count > l->lines) {
		l->id = doc->id;
		l->lines = doc->line_count;
	}
	return 0;
}

/* What a reader screen keeps of the lines it is given. */
struct screen {
	int64_t first, last, count;
	char text[SCREEN][LINE_BYTES + 1];
};

static int screen_line(void *ctx, int64_t number, const char *text)
{
	struct screen *s = ctx;
	if (s->count == 0)
		s->first = number;
	s->last = number;
	snprintf(s->text[s->count % SCREEN], sizeof s->text[0], "%s", text);
	s->count++;
	return 0;
}

/* Lines FIRST..FIRST+SCREEN-1 of DOC into S; checks that they came. */
static enum status screen_fill(struct bench *b, int64_t doc, int64_t first, struct screen *s)
{
	s->count = 0;
	enum status rc = document_lines(b->db, doc, first, first + SCREEN - 1, screen_line, s);
	if (rc == STATUS_OK && (s->count != SCREEN || s->first != first
		|| s->last != first + SCREEN - 1 || !*s->text[0]))
		rc = db_fail(b->db, STATUS_INVALID, "document %" PRId64 ": lines %" PRId64 "..%" PRId64
			" read as %" PRId64 " lines %" PRId64 "..%" PRId64, doc, first,
			first + SCREEN - 1, s->count, s->first, s->last);
	return rc;
}

/* Opening the largest document (its metadata and first screen) and
 * jumping to its end, READ_RUNS times each. */
static int bench_reader(struct bench *b)
{
	struct largest l = { 0, 0 };
	enum status rc = document_list(b->db, b->session, find_largest, &l);
	if (rc != STATUS_OK)
		return fail(b, "document_list", rc);
	static struct screen s;
	double open[READ_RUNS], jump[READ_RUNS];
	for (int r = 0; r < READ_RUNS; r++) {
		struct document doc;
		double start = now_ms();
		rc = document_read(b->db, l.id, &doc);
		if (rc == STATUS_OK)
			rc = screen_fill(b, l.id, 1, &s);
		open[r] = now_ms() - start;
		int64_t lines = doc.line_count;
		document_clear(&doc);
		if (rc != STATUS_OK)
			return fail(b, "open the largest document", rc);
		start = now_ms();
		rc = screen_fill(b, l.id, lines - SCREEN + 1, &s);
		jump[r] = now_ms() - start;
		if (rc != STATUS_OK)
			return fail(b, "jump to the last line", rc);
	}
	row_label("open the largest document");
	printf("median %8.3f ms  worst %8.3f ms  (%d runs; document_read + lines 1-%d)\n",
		median(open, READ_RUNS), worst(open, READ_RUNS), READ_RUNS, SCREEN);
	row_label("jump to its last line");
	printf("median %8.3f ms  worst %8.3f ms  (lines %" PRId64 "-%" PRId64 " of document %"
		PRId64 ")\n", median(jump, READ_RUNS), worst(jump, READ_RUNS), l.lines - SCREEN + 1,
		l.lines, l.id);
	return 0;
}

struct hits {
	int64_t lines, items;
	size_t bytes;
};

static int count_hit(void *ctx, const struct search_hit *hit)
{
	struct hits *h = ctx;
	if (hit->place == SEARCH_LINE)
		h->lines++;
	else
		h->items++;
	h->bytes += strlen(hit->text);
	return 0;
}

static int bench_search(struct bench *b, const char *query)
{
	double times[SEARCH_RUNS];
	struct hits first = { 0, 0, 0 };
	for (int r = 0; r < SEARCH_RUNS; r++) {
		struct hits h = { 0, 0, 0 };
		double start = now_ms();
		enum status rc = search_run(b->db, b->session, query, count_hit, &h);
		times[r] = now_ms() - start;
		if (rc != STATUS_OK)
			return fail(b, query, rc);
		if (r == 0)
			first = h;
		/* Every query names words the text is made of. */
		if (h.lines == 0 || h.lines != first.lines || h.items != first.items) {
			fprintf(stderr, "bench_coding: search \"%s\": %" PRId64 " hits, then %" PRId64 "\n",
				query, first.lines, h.lines);
			return 1;
		}
	}
	char label[64];
	snprintf(label, sizeof label, "search \"%s\"", query);
	row_label(label);
	printf("median %8.3f ms  worst %8.3f ms  (%d runs; %" PRId64 " lines, %" PRId64 " items)\n",
		median(times, SEARCH_RUNS), worst(times, SEARCH_RUNS), SEARCH_RUNS, first.lines,
		first.items);
	return 0;
}

/* Counts agree_run()'s rows and checks that each compared every line. */
struct agree_count {
	int rows;
	int64_t lines;
	bool bad;
};

static int count_row(void *ctx, const struct agree_row *row)
{
	struct agree_count *c = ctx;
	if (row->code_id && row->tally->units != c->lines)
		c->bad = true;
	c->rows++;
	return 0;
}

/* agree on every code at once and on one code, two coders of three. */
static int bench_agree(struct bench *b)
{
	static const char *const pair[] = { "Anna", "Jörg" };
	const struct agree_options every = { .coders = pair, .ncoders = 2 };
	const struct agree_options one = { .coders = pair, .ncoders = 2, .codes = &b->codes[0],
		.ncodes = 1 };
	const struct { const char *label; const struct agree_options *o; int64_t target; } runs[] = {
		{ "agree, every code", &every, AGREE_ALL_TARGET_MS },
		{ "agree, one code", &one, AGREE_ONE_TARGET_MS },
	};
	for (size_t i = 0; i < LEN(runs); i++) {
		double times[AGREE_RUNS];
		struct agree_count c = { 0, (int64_t)DOCS * LINES, false };
		for (int r = 0; r < AGREE_RUNS; r++) {
			c.rows = 0;
			double start = now_ms();
			enum status rc = agree_run(b->db, b->session, runs[i].o, count_row, &c);
			times[r] = now_ms() - start;
			if (rc != STATUS_OK)
				return fail(b, runs[i].label, rc);
		}
		if (c.bad) {
			fprintf(stderr, "bench_coding: %s: a code did not compare every line\n",
				runs[i].label);
			return 1;
		}
		row_label(runs[i].label);
		printf("median %8.3f ms  worst %8.3f ms  (%d runs; %d rows; target < %" PRId64
			" ms): %s\n", median(times, AGREE_RUNS), worst(times, AGREE_RUNS), AGREE_RUNS,
			c.rows, runs[i].target, median(times, AGREE_RUNS) < (double)runs[i].target ? "ok"
			: "MISSED");
	}
	return 0;
}

/* The comparison view on a 100,000-line document: its first screen with
 * the codings on it and the first difference, then n from difference to
 * difference.  Anna and Jörg code it; Jörg takes most of Anna's passages
 * as they are and shifts the rest. */
static int count_coding(void *ctx, const struct coding_row *row)
{
	(void)row;
	++*(int64_t *)ctx;
	return 0;
}

static int bench_compare(struct bench *b)
{
	char path[160], line[LINE_BYTES + 1];
	snprintf(path, sizeof path, "%s/lang.txt", b->dir);
	FILE *fp = fopen(path, "w");
	if (!fp)
		return fprintf(stderr, "bench_coding: %s: %s\n", path, strerror(errno)), 1;
	for (int l = 0; l < COMPARE_LINES; l++) {
		size_t n = line_make(line);
		line[n++] = '\n';
		fwrite(line, 1, n, fp);
	}
	if (fclose(fp) != 0)
		return fprintf(stderr, "bench_coding: %s: %s\n", path, strerror(errno)), 1;
	struct doc_import_options opt = { .title = "Langes Protokoll" };
	struct doc_import_result res = { 0 };
	enum status rc = db_begin(b->db);
	if (rc == STATUS_OK)
		rc = doc_import_file(b->db, b->session, path, &opt, &res);
	for (int k = 0; rc == STATUS_OK && k < COMPARE_CODINGS; k++) {
		int64_t first = (int64_t)k * (COMPARE_LINES / COMPARE_CODINGS) + 1 + rng_below(5);
		int64_t last = first + rng_below(20);
		int64_t code = b->codes[rng_below(10)];
		struct coding a = { .session_id = b->session, .document_id = res.id,
			.first_line = first, .last_line = last, .code_id = code, .coder = "Anna" };
		struct coding j = a;
		j.coder = "Jörg";
		if (rng_below(10) < 3)
			j.last_line += 1 + rng_below(3);
		rc = coding_create(b->db, &a);
		if (rc == STATUS_OK)
			rc = coding_create(b->db, &j);
	}
	rc = db_end(b->db, rc);
	if (rc != STATUS_OK)
		return fail(b, "the 100,000-line document", rc);
	struct compare c = { res.id, "Anna", "Jörg", 0 };
	double open[READ_RUNS], moves[COMPARE_MOVES];
	static struct screen scr;
	int64_t at = 0;
	for (int r = 0; r < READ_RUNS; r++) {
		int64_t shown = 0;
		double start = now_ms();
		rc = screen_fill(b, res.id, 1, &scr);
		if (rc == STATUS_OK)
			rc = coding_list_range(b->db, res.id, 1, SCREEN, NULL, count_coding, &shown);
		if (rc == STATUS_OK)
			rc = compare_next_difference(b->db, &c, 0, false, &at);
		open[r] = now_ms() - start;
		if (rc != STATUS_OK)
			return fail(b, "open the comparison", rc);
	}
	for (int m = 0; m < COMPARE_MOVES; m++) {
		double start = now_ms();
		rc = compare_next_difference(b->db, &c, at, false, &at);
		moves[m] = now_ms() - start;
		if (rc != STATUS_OK)
			return fail(b, "next difference", rc);
	}
	row_label("compare: open, 100,000 lines");
	printf("median %8.3f ms  worst %8.3f ms  (%d runs; first screen, its codings, first "
		"difference; target < 16 ms): %s\n", median(open, READ_RUNS), worst(open, READ_RUNS),
		READ_RUNS, median(open, READ_RUNS) < 16 ? "ok" : "MISSED");
	row_label("compare: next difference (n)");
	printf("median %8.3f ms  worst %8.3f ms  (%d moves, %d codings per coder, now at l. %" PRId64
		"; target < 16 ms): %s\n", median(moves, COMPARE_MOVES), worst(moves, COMPARE_MOVES),
		COMPARE_MOVES, COMPARE_CODINGS, at, median(moves, COMPARE_MOVES) < 16 ? "ok" : "MISSED");
	return 0;
}

/* The child side of the spawner: for each session id read from IN, runs
 * sqlite3 on the hinge query into the sqlite3 output file and writes a
 * spawn_result to OUT. */
static void spawner_run(const struct bench *b, int in, int out)
{
	int64_t session;
	while (read(in, &session, sizeof session) == (ssize_t)sizeof session) {
		char sql[sizeof hinge_sql_format + 64];
		snprintf(sql, sizeof sql, hinge_sql_format, session, session);
		struct spawn_result res = { 0, 0, 0 };
		double start = now_ms();
		pid_t pid = fork();
		if (pid == 0) {
			close(in);
			close(out);
			int fd = open(b->sqlite_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
			int null = open("/dev/null", O_RDONLY);
			if (fd < 0 || null < 0 || dup2(fd, STDOUT_FILENO) < 0
				|| dup2(null, STDIN_FILENO) < 0)
				_exit(126);
			execlp("sqlite3", "sqlite3", "-init", "/dev/null", "-readonly", "-header", "-csv",
				b->db_path, sql, (char *)NULL);
			_exit(127);
		}
		struct rusage ru;
		memset(&ru, 0, sizeof ru);
		if (pid < 0 || wait4(pid, &res.status, 0, &ru) != pid)
			res.status = -1;
		res.ms = now_ms() - start;
		res.maxrss_kib = ru.ru_maxrss;
		if (write(out, &res, sizeof res) != (ssize_t)sizeof res)
			break;
	}
	_exit(0);
}

/* Starts the process that runs sqlite3, while this one is still small.
 * Linux hands a process's peak memory on to the program it execs, so a
 * sqlite3 forked from the full benchmark would report the benchmark's
 * peak as its own; forked from this small one, RUSAGE_CHILDREN tells
 * sqlite3's. */
static int spawner_start(struct bench *b)
{
	int down[2], up[2];
	if (pipe(down) != 0 || pipe(up) != 0) {
		perror("bench_coding: pipe");
		return 1;
	}
	fflush(NULL);
	b->spawner = fork();
	if (b->spawner < 0) {
		perror("bench_coding: fork");
		return 1;
	}
	if (b->spawner == 0) {
		close(down[1]);
		close(up[0]);
		spawner_run(b, down[0], up[1]);
	}
	close(down[0]);
	close(up[1]);
	b->to_spawner = down[1];
	b->from_spawner = up[0];
	return 0;
}

static void spawner_stop(struct bench *b)
{
	if (b->spawner <= 0)
		return;
	close(b->to_spawner);
	close(b->from_spawner);
	waitpid(b->spawner, NULL, 0);
	b->spawner = 0;
}

static int sqlite_once(struct bench *b, struct spawn_result *res)
{
	if (write(b->to_spawner, &b->session, sizeof b->session) != (ssize_t)sizeof b->session
		|| read(b->from_spawner, res, sizeof *res) != (ssize_t)sizeof *res) {
		fprintf(stderr, "bench_coding: the process that runs sqlite3 is gone\n");
		return 1;
	}
	if (WIFEXITED(res->status) && WEXITSTATUS(res->status) == 127) {
		fprintf(stderr, "bench_coding: sqlite3 not found (make deps installs it)\n");
		return 1;
	}
	if (!WIFEXITED(res->status) || WEXITSTATUS(res->status) != 0) {
		fprintf(stderr, "bench_coding: sqlite3 failed (status %d) on %s\n", res->status,
			b->db_path);
		return 1;
	}
	return 0;
}

/* As `didat export hinge SESSION -o FILE` writes it. */
static int export_once(struct bench *b, double *ms)
{
	struct hinge_filter filter = { 0, NULL, NULL, 0 };
	struct csv_options csv = { 0, false, false };
	double start = now_ms();
	FILE *fp = fopen(b->export_path, "wb");
	if (!fp) {
		fprintf(stderr, "bench_coding: %s: %s\n", b->export_path, strerror(errno));
		return 1;
	}
	enum status rc = hinge_csv_write(b->db, b->session, &filter, fp, &csv);
	if (fclose(fp) != 0 && rc == STATUS_OK)
		rc = STATUS_IO;
	*ms = now_ms() - start;
	return rc == STATUS_OK ? 0 : fail(b, "hinge_csv_write", rc);
}

/* A digest of a CSV file's cells, row by row, for comparing two tables
 * that quote differently. */
struct table_digest {
	struct sha256_ctx sha;
	bool unguard;          /* ours: undo the formula guard */
	size_t rows, bad_row;
};

static int digest_row(void *ctx, size_t row, size_t ncells, const char *const *cells)
{
	struct table_digest *t = ctx;
	if (ncells != HINGE_COLUMNS && !t->bad_row)
		t->bad_row = row;
	for (size_t i = 0; i < ncells; i++) {
		const char *cell = t->unguard ? csv_unguard(cells[i]) : cells[i];
		uint64_t len = strlen(cell);
		sha256_update(&t->sha, &len, sizeof len);
		sha256_update(&t->sha, cell, len);
	}
	sha256_update(&t->sha, "\n", 1);
	t->rows++;
	return 0;
}

static int table_read(const char *path, bool unguard, struct table_digest *t,
	unsigned char digest[SHA256_SIZE])
{
	char err[512] = "";
	memset(t, 0, sizeof *t);
	sha256_init(&t->sha);
	t->unguard = unguard;
	enum status rc = csv_reader_read_file(path, ',', digest_row, t, NULL, err, sizeof err);
	sha256_final(&t->sha, digest);
	if (rc != STATUS_OK) {
		fprintf(stderr, "bench_coding: %s\n", err[0] ? err : status_text(rc));
		return 1;
	}
	if (t->bad_row) {
		fprintf(stderr, "bench_coding: %s: row %zu has not %d cells\n", path, t->bad_row,
			HINGE_COLUMNS);
		return 1;
	}
	return 0;
}

static double file_mib(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? st.st_size / MIB : 0.0;
}

/* The hinge export and sqlite3 on the same query, EXPORT_RUNS times each
 * in turn; then both tables are read back and compared cell by cell. */
static int bench_export(struct bench *b, long *sqlite_kib)
{
	double ours[EXPORT_RUNS], theirs[EXPORT_RUNS];
	*sqlite_kib = 0;
	for (int r = 0; r < EXPORT_RUNS; r++) {
		struct spawn_result res;
		if (export_once(b, &ours[r]) != 0 || sqlite_once(b, &res) != 0)
			return 1;
		theirs[r] = res.ms;
		if (res.maxrss_kib > *sqlite_kib)
			*sqlite_kib = res.maxrss_kib;
	}
	struct table_digest a, c;
	unsigned char da[SHA256_SIZE], dc[SHA256_SIZE];
	if (table_read(b->export_path, true, &a, da) != 0
		|| table_read(b->sqlite_path, false, &c, dc) != 0)
		return 1;
	double m_ours = median(ours, EXPORT_RUNS), m_theirs = median(theirs, EXPORT_RUNS);
	double ratio = m_ours / m_theirs;
	row_label("hinge export (hinge_csv_write)");
	printf("median %8.1f ms  worst %8.1f ms  (%d runs; %zu rows with header, %.1f MiB)\n",
		m_ours, worst(ours, EXPORT_RUNS), EXPORT_RUNS, a.rows, file_mib(b->export_path));
	row_label("sqlite3 -csv, the same query");
	printf("median %8.1f ms  worst %8.1f ms  (%d runs; %zu rows with header, %.1f MiB)\n",
		m_theirs, worst(theirs, EXPORT_RUNS), EXPORT_RUNS, c.rows, file_mib(b->sqlite_path));
	row_label("export / sqlite3");
	printf("%.2fx (target <= %.1fx): %s\n", ratio, EXPORT_TARGET,
		ratio <= EXPORT_TARGET ? "ok" : "MISSED");
	if (a.rows != CODINGS + 1 || a.rows != c.rows || memcmp(da, dc, sizeof da) != 0) {
		fprintf(stderr, "bench_coding: the hinge export (%zu rows) and sqlite3 (%zu rows) differ;"
			" is the query in bench_coding.c still the one of model/hinge.c?\n", a.rows, c.rows);
		return 1;
	}
	return 0;
}

/* export qdpx of the whole session and import qdpx of that file into a
 * new session, once each (each writes or reads 200,000 lines). */
static int bench_qdpx(struct bench *b)
{
	char path[160];
	snprintf(path, sizeof path, "%s/bench.qdpx", b->dir);
	FILE *fp = fopen(path, "wb");
	if (!fp)
		return fprintf(stderr, "bench_coding: %s: %s\n", path, strerror(errno)), 1;
	double start = now_ms();
	enum status rc = refi_write_qdpx(b->db, b->session, fp);
	if (fclose(fp) != 0 && rc == STATUS_OK)
		rc = STATUS_IO;
	double exported = now_ms() - start;
	if (rc != STATUS_OK)
		return fail(b, "export qdpx", rc);
	struct refi_import_result r;
	start = now_ms();
	rc = refi_import_qdpx(b->db, 0, path, NULL, NULL, &r);
	double imported = now_ms() - start;
	if (rc != STATUS_OK)
		return fail(b, "import qdpx", rc);
	if (r.codings != CODINGS || r.sources != DOCS || r.widened) {
		fprintf(stderr, "bench_coding: import qdpx: %" PRId64 " codings of %d, %" PRId64
			" sources of %d, %" PRId64 " widened\n", r.codings, CODINGS, r.sources, DOCS, r.widened);
		return 1;
	}
	row_label("export qdpx (whole session)");
	printf("%.2f s  (%.1f MiB; target < 3 s): %s\n", exported / 1e3, file_mib(path),
		exported < 3000 ? "ok" : "MISSED");
	row_label("import qdpx (as a new session)");
	printf("%.2f s  (%" PRId64 " sources, %" PRId64 " codings; target < 5 s): %s\n",
		imported / 1e3, r.sources, r.codings, imported < 5000 ? "ok" : "MISSED");
	remove(path);
	return 0;
}

static int run(struct bench *b)
{
	double t0 = now_ms();
	if (docs_write(b) != 0)
		return 1;
	double written = now_ms();
	enum status rc = db_open(&b->db, b->db_path, DB_READWRITE);
	if (rc == STATUS_OK)
		rc = session_make(b);
	if (rc != STATUS_OK)
		return fail(b, b->db_path, rc);

	double start = now_ms();
	for (int i = 0; i < DOCS; i += BATCH)
		if ((rc = import_batch(b, i)) != STATUS_OK)
			return fail(b, "import", rc);
	double import_s = (now_ms() - start) / 1e3;
	double mib = b->text_bytes / MIB;

	if ((rc = codes_make(b)) != STATUS_OK)
		return fail(b, "codes", rc);
	static struct coding drawn[CODINGS];
	if ((rc = codings_draw(b, drawn)) != STATUS_OK)
		return fail(b, "codings", rc);
	start = now_ms();
	if ((rc = codings_make(b, drawn)) != STATUS_OK)
		return fail(b, "codings", rc);
	double coding_s = (now_ms() - start) / 1e3;

	printf("coding benchmark: %d documents x %d lines = %d lines (%.1f MiB of text, written"
		" in %.1f s), %zu codes, %d codings by %zu coders\n", DOCS, LINES, DOCS * LINES, mib,
		(written - t0) / 1e3, b->ncodes, CODINGS, LEN(coders));
	char label[64];
	snprintf(label, sizeof label, "import-doc, %d batches of %d files", DOCS / BATCH, BATCH);
	row_label(label);
	printf("%.2f s  %.2f MiB/s  %.3f s per MiB\n", import_s, mib / import_s, import_s / mib);
	snprintf(label, sizeof label, "%d x coding_create, one transaction", CODINGS);
	row_label(label);
	printf("%.2f s  %.0f codings/s\n", coding_s, CODINGS / coding_s);
	fflush(stdout);

	if (bench_reader(b) != 0)
		return 1;
	for (size_t i = 0; i < LEN(queries); i++)
		if (bench_search(b, queries[i]) != 0)
			return 1;
	if (bench_agree(b) != 0)
		return 1;

	fflush(stdout);
	long sqlite_kib = 0;
	if (bench_export(b, &sqlite_kib) != 0)
		return 1;
	if (bench_qdpx(b) != 0)
		return 1;
	fflush(stdout);
	/* last: its document and codings would change the figures above */
	if (bench_compare(b) != 0)
		return 1;

	struct rusage self;
	getrusage(RUSAGE_SELF, &self);
	double self_mib = self.ru_maxrss / 1024.0;
	row_label("peak memory (maxrss)");
	printf("%.1f MiB (target < %d MiB): %s; sqlite3 %.1f MiB\n", self_mib, MEMORY_TARGET_MIB,
		self_mib < MEMORY_TARGET_MIB ? "ok" : "MISSED", sqlite_kib / 1024.0);
	row_label("whole run");
	printf("%.1f s\n", (now_ms() - t0) / 1e3);
	return 0;
}

/* Removes what the run made; the database with its WAL files. */
static void cleanup(struct bench *b)
{
	char path[128];
	db_close(b->db);
	b->db = NULL;
	if (b->db_made) {
		unlink(b->db_path);
		snprintf(path, sizeof path, "%s-wal", b->db_path);
		unlink(path);
		snprintf(path, sizeof path, "%s-shm", b->db_path);
		unlink(path);
	}
	if (b->dir_made) {
		for (int i = 0; i < DOCS; i++) {
			doc_path(b, i, path, sizeof path);
			unlink(path);
		}
		unlink(b->export_path);
		unlink(b->sqlite_path);
		rmdir(b->dir);
	}
}

int main(void)
{
	static struct bench b;
	snprintf(b.db_path, sizeof b.db_path, "/tmp/didat-bench-XXXXXX");
	snprintf(b.dir, sizeof b.dir, "/tmp/didat-bench-docs-XXXXXX");
	int fd = mkstemp(b.db_path);
	if (fd < 0) {
		perror("bench_coding: mkstemp");
		return EXIT_FAILURE;
	}
	close(fd);
	b.db_made = true;
	int rc = 1;
	if (!mkdtemp(b.dir)) {
		perror("bench_coding: mkdtemp");
		goto done;
	}
	b.dir_made = true;
	snprintf(b.export_path, sizeof b.export_path, "%s/hinge.csv", b.dir);
	snprintf(b.sqlite_path, sizeof b.sqlite_path, "%s/hinge-sqlite3.csv", b.dir);
	if (spawner_start(&b) != 0)
		goto done;
	rc = run(&b);
done:
	spawner_stop(&b);
	cleanup(&b);
	if (rc != 0)
		fprintf(stderr, "bench_coding failed\n");
	return rc == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

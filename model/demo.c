#include "model/demo.h"

#include <stdio.h>
#include <string.h>

#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"
#include "model/impact.h"
#include "model/item.h"
#include "model/session.h"
#include "util/sha256.h"

/* The content is a set of tables, one per kind of item, in the order of
 * the five steps.  Tables refer to each other by the names a person would
 * type (component number, actor letter, titles and texts), and every
 * reference is resolved through the model API when the session is built:
 * the names below are spelled once and shared by all tables that use
 * them.  Everything is invented; the structure follows the SME chapter of
 * the DiDaT white paper. */

#define LEN(a) (sizeof (a) / sizeof (a)[0])

/* ---- Step 1: guiding question and system boundaries ---------------- */

#define DEMO_TITLE "DiDaT KMU – Demo-Workshop"

static const struct {
	const char *date, *place, *facilitator, *participants, *notes;
	const char *question, *inside, *outside, *region, *horizon;
} demo_session = {
	.date = "2026-03-05",
	.place = "Kassel, Seminarraum der Hochschule",
	.facilitator = "Dr. Miriam Vogt",
	.participants = "Zwölf Personen: vier Geschäftsführende von KMU, zwei Beschäftigte, "
		"IHK, Gewerkschaft, Berufsschule, drei aus der Wissenschaft",
	.notes = "Demo-Sitzung zum Ausprobieren von didat. Alle Personen, Betriebe und "
		"Aussagen sind erfunden; die Gliederung folgt dem DiDaT-Vulnerabilitätsraum KMU.",
	.question = "Wie können produzierende KMU den Risiken der digitalen Transformation "
		"begegnen und ihre Anpassungsfähigkeit stärken?",
	.inside = "Familiengeführte produzierende KMU mit bis zu 1000 Beschäftigten, ihre "
		"Beschäftigten und ihre direkten Geschäftspartner",
	.outside = "Konzerne und Konzerntöchter, Soloselbstständige, reine Handels- und "
		"Dienstleistungsbetriebe, Betreiber kritischer Infrastrukturen",
	.region = "Deutschland, mit Blick auf ländliche Regionen",
	.horizon = "2026 bis 2035",
};

struct demo_component {
	int number;
	const char *name, *question;
};

static const struct demo_component demo_components[] = {
	{ 1, "IoT und Daten", "Wie behalten KMU die Kontrolle über die Daten, die ihre "
		"vernetzten Maschinen und Produkte erzeugen?" },
	{ 2, "Produktionsnetzwerke", "Wie können KMU in digital vernetzten Lieferketten "
		"zusammenarbeiten, ohne ihr Know-how preiszugeben?" },
	{ 3, "Plattformen", "Wie nutzen KMU digitale Plattformen, ohne von deren Betreibern "
		"abhängig zu werden?" },
	{ 4, "Cloud", "Unter welchen Bedingungen können KMU Cloud-Dienste sicher und "
		"selbstbestimmt nutzen?" },
	{ 5, "Organisation", "Wie müssen Führung und Abläufe im KMU sich ändern, damit der "
		"Betrieb die Digitalisierung gestaltet, statt ihr hinterherzulaufen?" },
	{ 6, "Beschäftigte", "Wie können alle Beschäftigten an der digitalen Transformation "
		"teilhaben und sich weiterqualifizieren?" },
};

/* ---- Step 3 (named first, step 2 refers to them): stakeholder groups - */

#define SH_KMU        "Familiengeführte KMU"
#define SH_STAFF      "Beschäftigte in KMU"
#define SH_UNIONS     "Gewerkschaften und Betriebsräte"
#define SH_VENDORS    "IT-Anbieter und Plattformbetreiber"
#define SH_NETWORK    "Kunden und Zulieferer im Netzwerk"
#define SH_STATE      "Landes- und Bundesverwaltung"
#define SH_SCIENCE    "Hochschulen und Forschung"
#define SH_CHAMBERS   "Kammern und Verbände"

struct demo_stakeholder {
	const char *name, *kind, *description;
};

static const struct demo_stakeholder demo_stakeholders[] = {
	{ SH_KMU, "business", "Inhabergeführte Betriebe des verarbeitenden Gewerbes, "
		"vertreten durch ihre Geschäftsführung" },
	{ SH_STAFF, "other", "Fachkräfte, Angelernte, Auszubildende und Teilzeitkräfte" },
	{ SH_UNIONS, "civil_society", "Vertretungen der Beschäftigten im Betrieb und in der Branche" },
	{ SH_VENDORS, "business", "Maschinenhersteller, Softwarehäuser, Cloud-Anbieter und "
		"Betreiber von B2B-Plattformen" },
	{ SH_NETWORK, "business", "Großkunden, Zulieferer und Logistikpartner in der "
		"Wertschöpfungskette" },
	{ SH_STATE, "government", "Wirtschafts- und Digitalministerien, Förderbanken, "
		"Aufsichtsbehörden" },
	{ SH_SCIENCE, "science", "Hochschulen für angewandte Wissenschaften, "
		"Forschungsinstitute, Transferstellen" },
	{ SH_CHAMBERS, "other", "Industrie- und Handelskammern, Handwerkskammern, "
		"Branchenverbände" },
};

/* ---- Step 2: unseens -------------------------------------------------- */

#define U_OUTFLOW     "Datenabfluss über vernetzte Maschinen"
#define U_RIGHTS      "Unklare Datennutzungsrechte"
#define U_KNOWHOW     "Know-how-Verlust in der Lieferkette"
#define U_CASCADE     "Kaskadeneffekte bei Ausfällen im Netzwerk"
#define U_PLATFORM    "Abhängigkeit von Plattformbetreibern"
#define U_CLOUD       "Kontrollverlust über Daten in der Cloud"
#define U_OVERLOAD    "Überforderung der Führung"
#define U_SECURITY    "Fehlende IT-Sicherheitsorganisation"
#define U_EXPERIENCE  "Entwertung von Erfahrungswissen"
#define U_TRAINING    "Ungleicher Zugang zu Weiterbildung"

struct demo_unseen {
	int component;
	const char *title, *description, *causes;
	int likelihood, impact, capacity, votes;
	const char *stakeholders[4];
};

/* Ratings chosen so that vulnerability = L x I x (6 - C) / 5 ranges from
 * 3.6 (U_EXPERIENCE) to 16 (U_KNOWHOW, U_SECURITY). */
static const struct demo_unseen demo_unseens[] = {
	{ 1, U_OUTFLOW,
		"Über Fernwartung und Sensorik gelangen Betriebsdaten laufend zum Maschinenhersteller. "
		"Aus Laufzeiten, Parametern und Ausschussquoten lässt sich das Prozesswissen des "
		"Betriebs ablesen.",
		"Standardverträge mit weit gefassten Datenklauseln; niemand im Betrieb überblickt, "
		"welche Daten das Werk verlassen; Fernzugänge ohne Protokollierung.",
		4, 4, 2, 9, { SH_KMU, SH_VENDORS, SH_STAFF } },
	{ 1, U_RIGHTS,
		"Wem die Daten aus gemeinsam genutzten Anlagen zustehen, ist selten geregelt. "
		"Der Streit bricht erst aus, wenn ein Partner die Daten anders nutzt als erwartet.",
		"Rechtslage zum Dateneigentum offen; Verträge werden ohne juristische Beratung "
		"unterschrieben; Verhandlungsmacht liegt beim Anbieter.",
		3, 3, 3, 5, { SH_KMU, SH_VENDORS, SH_CHAMBERS } },
	{ 2, U_KNOWHOW,
		"Großkunden verlangen Einblick in Produktionsdaten, etwa für Qualitätsnachweise oder "
		"die CO2-Bilanz, und können damit Preise drücken oder Aufträge an Wettbewerber "
		"verlagern.",
		"Abhängigkeit von wenigen Großkunden; Transparenzpflichten in der Lieferkette; "
		"fehlende Regeln, wofür übermittelte Daten verwendet werden dürfen.",
		4, 5, 2, 11, { SH_KMU, SH_NETWORK } },
	{ 2, U_CASCADE,
		"Ein Cyberangriff oder Systemausfall bei einem Partner legt eng gekoppelte "
		"Lieferketten binnen Stunden lahm; kleine Glieder der Kette trifft das am härtesten.",
		"Just-in-time-Kopplung ohne Puffer; uneinheitliche Sicherheitsstandards der "
		"Partner; keine abgestimmten Notfallwege.",
		3, 5, 1, 7, { SH_KMU, SH_NETWORK, SH_STATE } },
	{ 3, U_PLATFORM,
		"Wer über eine Plattform verkauft, überlässt deren Betreiber Konditionen, Ranking "
		"und die Daten über die Kundschaft. Ein Wechsel wird mit jedem Jahr teurer.",
		"Netzwerkeffekte großer Plattformen; eigener Vertrieb zu teuer; Bewertungen und "
		"Historie lassen sich nicht mitnehmen.",
		4, 4, 2, 8, { SH_KMU, SH_VENDORS } },
	{ 4, U_CLOUD,
		"Konstruktions- und Geschäftsdaten liegen bei Anbietern außerhalb der EU. Zugriffe "
		"Dritter sind schwer auszuschließen, und ein vollständiger Rückzug der Daten ist "
		"aufwendig.",
		"Proprietäre Formate und Schnittstellen; unklare Rechtslage bei Zugriffen ausländischer "
		"Behörden; fehlende eigene Sicherungen.",
		3, 4, 3, 6, { SH_KMU, SH_VENDORS, SH_STATE } },
	{ 5, U_OVERLOAD,
		"Die Geschäftsführung verantwortet Einkauf, Personal und IT zugleich. Entscheidungen "
		"über Software fallen nebenbei und oft auf Zuruf von Anbietern.",
		"Kein Zeitbudget für Digitalisierung; fehlende Fachleute im Betrieb; "
		"Tagesgeschäft hat immer Vorrang.",
		4, 3, 3, 5, { SH_KMU, SH_STAFF } },
	{ 5, U_SECURITY,
		"Niemand ist für IT-Sicherheit zuständig, einen Notfallplan gibt es nicht. Ein "
		"Verschlüsselungsangriff kann den Betrieb wochenlang stilllegen.",
		"IT-Sicherheit gilt als Kostenfaktor; Zuständigkeit liegt beim externen Dienstleister; "
		"Beschäftigte nicht geschult.",
		5, 4, 2, 10, { SH_KMU, SH_STAFF, SH_VENDORS } },
	{ 6, U_EXPERIENCE,
		"Erfahrene Fachkräfte fühlen sich durch Assistenzsysteme übergangen; ihr Wissen über "
		"Störungen und Materialeigenheiten fließt nicht in die Systeme ein und geht mit dem "
		"Ruhestand verloren.",
		"Einführung neuer Systeme ohne Beteiligung; Anbieter konfigurieren nach Standard; "
		"Wissen ist nicht dokumentiert.",
		3, 3, 4, 4, { SH_STAFF, SH_UNIONS, SH_SCIENCE } },
	{ 6, U_TRAINING,
		"Schulungen zu neuen Systemen erhalten vor allem Fachkräfte in Vollzeit; Angelernte "
		"und Teilzeitkräfte bleiben zurück und verlieren den Anschluss.",
		"Weiterbildung außerhalb der Arbeitszeit; Förderprogramme setzen Abschlüsse voraus; "
		"Vertretung im Schichtbetrieb schwer zu organisieren.",
		4, 3, 2, 6, { SH_STAFF, SH_UNIONS, SH_CHAMBERS, SH_STATE } },
};

/* ---- Step 3: system variables and the impact matrix ------------------- */

struct demo_variable {
	const char *name, *short_name, *description;
};

static const struct demo_variable demo_variables[] = {
	{ "Digitalkompetenz der Führung", "Führ",
		"Wissen, Zeit und Wille der Geschäftsführung, die Digitalisierung zu steuern" },
	{ "Qualifikation der Beschäftigten", "Qual",
		"Digitale Fähigkeiten und Weiterbildungsstand der Belegschaft" },
	{ "Datensouveränität", "DSouv",
		"Kontrolle des KMU darüber, wer seine Daten wofür nutzt" },
	{ "IT-Sicherheitsniveau", "ITSich",
		"Schutz der Systeme und Daten vor Angriffen und Ausfällen" },
	{ "Abhängigkeit von Plattform- und Cloud-Anbietern", "Abh",
		"Wie schwer ein Wechsel oder Verzicht auf einzelne Anbieter fiele" },
	{ "Kooperation im Produktionsnetzwerk", "Koop",
		"Umfang und Vertrauen der digitalen Zusammenarbeit mit Partnern" },
	{ "Innovationsfähigkeit", "Innov",
		"Fähigkeit, neue Produkte, Verfahren und Geschäftsmodelle zu entwickeln" },
	{ "Wettbewerbsfähigkeit", "Wettb",
		"Marktposition, Erträge und Auftragslage des KMU" },
	{ "Staatliche Förderung und Beratung", "Förd",
		"Förderprogramme, Beratungsangebote und Transferstellen für KMU" },
};

/* Direct influence of the row variable on the column variable, 0..3, in
 * the order of demo_variables; the diagonal (-1) is never rated.
 *
 *   AS (row sums)    18 12  8  5  8 11 12  6 11   total 91, mean 10.1
 *   PS (column sums)  6  9 12 11  9 12 15 15  2
 *
 * Vester roles (AS or PS above the mean, compared as sum * 9 > 91):
 *   active    Führ, Qual, Förd      critical   Koop, Innov
 *   reactive  DSouv, ITSich, Wettb  buffering  Abh */
static const int demo_impacts[LEN(demo_variables)][LEN(demo_variables)] = {
	/*          Führ Qual DSouv ITSich Abh Koop Innov Wettb Förd */
	/* Führ   */ { -1,  3,   2,    3,   2,   2,   3,    2,    1 },
	/* Qual   */ {  1, -1,   2,    2,   1,   1,   3,    2,    0 },
	/* DSouv  */ {  0,  0,  -1,    1,   2,   2,   1,    2,    0 },
	/* ITSich */ {  0,  0,   2,   -1,   0,   2,   0,    1,    0 },
	/* Abh    */ {  0,  0,   3,    1,  -1,   1,   1,    2,    0 },
	/* Koop   */ {  1,  1,   1,    1,   1,  -1,   3,    3,    0 },
	/* Innov  */ {  1,  2,   1,    1,   1,   2,  -1,    3,    1 },
	/* Wettb  */ {  1,  1,   0,    0,   1,   1,   2,   -1,    0 },
	/* Förd   */ {  2,  2,   1,    2,   1,   1,   2,    0,   -1 },
};

/* ---- Step 4: goals and goal conflicts --------------------------------- */

#define Z_KNOW_DATA    "KMU wissen, welche Daten ihre Maschinen erzeugen und wohin sie fließen."
#define Z_DATA_RIGHTS  "Nutzungsrechte an Maschinendaten sind vertraglich klar geregelt."
#define Z_PROTECT      "KMU schützen ihr Prozess-Know-how gegenüber Kunden und Partnern."
#define Z_COOPERATE    "KMU arbeiten im Netzwerk offen zusammen, auch mit Wettbewerbern."
#define Z_RESILIENT    "Das Produktionsnetzwerk bleibt arbeitsfähig, wenn ein Partner ausfällt."
#define Z_CUSTOMERS    "KMU behalten den direkten Zugang zu ihrer Kundschaft."
#define Z_REACH        "KMU erschließen über Plattformen neue Märkte."
#define Z_CLOUD_CTRL   "KMU behalten die Kontrolle über ihre Daten in der Cloud."
#define Z_SWITCH       "KMU können den Cloud-Anbieter ohne großen Aufwand wechseln."
#define Z_BOSS         "Digitalisierung ist Chefsache, mit klarer Zuständigkeit und Zeitbudget."
#define Z_EMERGENCY    "Jedes KMU hat einen geübten Notfallplan für IT-Sicherheitsvorfälle."
#define Z_EXPERIENCE   "Das Erfahrungswissen der Beschäftigten fließt in digitale Systeme ein."
#define Z_TRAINING     "Alle Beschäftigten können sich in der Arbeitszeit weiterbilden."

struct demo_goal {
	int component;
	const char *text;
	const char *unseens[3];
};

static const struct demo_goal demo_goals[] = {
	{ 1, Z_KNOW_DATA, { U_OUTFLOW } },
	{ 1, Z_DATA_RIGHTS, { U_OUTFLOW, U_RIGHTS } },
	{ 2, Z_PROTECT, { U_KNOWHOW } },
	{ 2, Z_COOPERATE, { U_KNOWHOW, U_CASCADE } },
	{ 2, Z_RESILIENT, { U_CASCADE } },
	{ 3, Z_CUSTOMERS, { U_PLATFORM } },
	{ 3, Z_REACH, { U_PLATFORM } },
	{ 4, Z_CLOUD_CTRL, { U_CLOUD } },
	{ 4, Z_SWITCH, { U_CLOUD, U_PLATFORM } },
	{ 5, Z_BOSS, { U_OVERLOAD, U_SECURITY } },
	{ 5, Z_EMERGENCY, { U_SECURITY, U_CASCADE } },
	{ 6, Z_EXPERIENCE, { U_EXPERIENCE } },
	{ 6, Z_TRAINING, { U_TRAINING } },
};

struct demo_conflict {
	const char *goal_a, *goal_b, *description;
};

static const struct demo_conflict demo_conflicts[] = {
	{ Z_PROTECT, Z_COOPERATE,
		"Wer sein Know-how schützt, gibt wenig Daten heraus; offene Zusammenarbeit im "
		"Netzwerk lebt aber gerade davon, Prozessdaten und Erfahrungen mit Partnern und "
		"sogar mit Wettbewerbern zu teilen." },
	{ Z_REACH, Z_CUSTOMERS,
		"Plattformen bringen Reichweite, schieben sich aber zwischen Betrieb und Kundschaft: "
		"je mehr Umsatz über die Plattform läuft, desto weniger direkter Kontakt bleibt." },
};

/* ---- Step 5: measures per actor group and SoRO ------------------------ */

#define M_INVENTORY    "Ein Dateninventar führen: welche Maschine erzeugt welche Daten, wer erhält sie."
#define M_EXIT         "Vor dem Umstieg in die Cloud den Ausstieg planen und Daten regelmäßig in " \
	"offenen Formaten außerhalb der Cloud sichern."
#define M_OWNER        "Eine verantwortliche Person für Digitalisierung und IT-Sicherheit benennen " \
	"und ihr feste Stunden im Monat dafür geben."
#define M_DRILL        "Den Notfallplan für IT-Ausfälle einmal im Jahr mit der Belegschaft üben."
#define M_MENTORS      "Erfahrene Beschäftigte begleiten als Patinnen und Paten die Einführung " \
	"neuer Assistenzsysteme."
#define M_REPORTING    "Auffälligkeiten und Phishing-Versuche sofort melden, ohne Schuldzuweisung " \
	"befürchten zu müssen."
#define M_SUPPLY_DEAL  "In Lieferverträgen festhalten, welche Produktionsdaten wofür genutzt " \
	"werden dürfen."
#define M_STANDARDS    "Gemeinsame Mindeststandards für IT-Sicherheit im Netzwerk vereinbaren."
#define M_FUNDING      "Förderprogramme für Digitalisierung um Beratung zu Datenverträgen und " \
	"IT-Sicherheit erweitern."
#define M_PORTABILITY  "Den Wechsel des Cloud-Anbieters durch verbindliche Regeln zu Schnittstellen " \
	"und Datenmitnahme erleichtern."
#define M_LEAVE        "Bildungsurlaub und Qualifizierungszuschüsse für Angelernte und " \
	"Teilzeitkräfte öffnen."
#define M_DISCLOSE     "Datenflüsse von Maschinen und Cloud-Diensten offenlegen und für die " \
	"Kundschaft abschaltbar machen."
#define M_FAIR_TERMS   "Standardverträge mit fairen, verständlichen Klauseln zur Datennutzung anbieten."
#define M_MODEL_DEALS  "Musterverträge und eine Sprechstunde zu Datenrechten für Mitgliedsbetriebe " \
	"anbieten."
#define M_LEARNING     "Regionale Lernfabriken von Hochschulen und Betrieben für die Weiterbildung " \
	"einrichten."
#define M_BUYING       "Über Verbände gemeinsam mit Plattformbetreibern verhandeln, um bessere " \
	"Konditionen zu erreichen."

struct demo_measure {
	const char *actor;     /* letter A-G */
	const char *text;
	const char *horizon;   /* short, medium, long */
	int priority;          /* 1 most urgent .. 5 */
	const char *goals[3];
};

static const struct demo_measure demo_measures[] = {
	{ "A", M_INVENTORY, "short", 1, { Z_KNOW_DATA, Z_DATA_RIGHTS } },
	{ "A", M_EXIT, "medium", 2, { Z_CLOUD_CTRL, Z_SWITCH } },
	{ "B", M_OWNER, "short", 1, { Z_BOSS, Z_EMERGENCY } },
	{ "B", M_DRILL, "short", 2, { Z_EMERGENCY, Z_RESILIENT } },
	{ "C", M_MENTORS, "medium", 2, { Z_EXPERIENCE } },
	{ "C", M_REPORTING, "short", 3, { Z_EMERGENCY } },
	{ "D", M_SUPPLY_DEAL, "medium", 1, { Z_DATA_RIGHTS, Z_PROTECT } },
	{ "D", M_STANDARDS, "medium", 2, { Z_RESILIENT, Z_COOPERATE } },
	{ "E", M_FUNDING, "medium", 2, { Z_DATA_RIGHTS, Z_EMERGENCY } },
	{ "E", M_PORTABILITY, "long", 3, { Z_SWITCH, Z_CLOUD_CTRL } },
	{ "E", M_LEAVE, "long", 3, { Z_TRAINING } },
	{ "F", M_DISCLOSE, "medium", 2, { Z_KNOW_DATA, Z_CLOUD_CTRL } },
	{ "F", M_FAIR_TERMS, "medium", 3, { Z_DATA_RIGHTS, Z_CUSTOMERS } },
	{ "G", M_MODEL_DEALS, "short", 2, { Z_DATA_RIGHTS, Z_PROTECT } },
	{ "G", M_LEARNING, "long", 4, { Z_TRAINING, Z_EXPERIENCE } },
	{ "G", M_BUYING, "medium", 3, { Z_CUSTOMERS, Z_REACH } },
};

#define S_IOT          "Vernetzte Maschinen dürfen kein Prozesswissen unbemerkt aus dem Betrieb " \
	"tragen. KMU wissen, welche Daten ihre Anlagen erzeugen, und regeln vertraglich, wer sie " \
	"wofür nutzen darf; Anbieter legen Datenflüsse offen, Kammern und Verbände helfen mit " \
	"Musterverträgen."
#define S_NETWORK      "Zusammenarbeit im Produktionsnetzwerk lohnt sich für KMU, wenn ihr " \
	"Know-how geschützt bleibt und der Ausfall eines Partners nicht die ganze Kette lahmlegt: " \
	"Lieferverträge begrenzen die Nutzung von Produktionsdaten, gemeinsame Sicherheitsstandards " \
	"machen das Netzwerk robust."
#define S_PLATFORM     "Plattformen öffnen KMU neue Märkte, ohne dass sie den direkten Draht zu " \
	"ihrer Kundschaft verlieren, wenn sie gemeinsam verhandeln und faire Standardbedingungen " \
	"einfordern."
#define S_CLOUD        "KMU nutzen Cloud-Dienste selbstbestimmt, wenn sie vor dem Umstieg den " \
	"Ausstieg planen, ihre Daten in offenen Formaten sichern und verbindliche Regeln den " \
	"Anbieterwechsel erleichtern."
#define S_ORGANISATION "Digitalisierung und IT-Sicherheit brauchen im KMU eine benannte " \
	"Verantwortung mit Zeitbudget und einen Notfallplan, der geübt wird; Förderprogramme " \
	"tragen die nötige Beratung, die Belegschaft meldet Auffälligkeiten ohne Angst."
#define S_STAFF        "Die digitale Transformation gelingt mit den Beschäftigten: ihr " \
	"Erfahrungswissen fließt in neue Systeme ein, und Weiterbildung steht allen offen, auch " \
	"Angelernten und Teilzeitkräften."

struct demo_soro {
	int component;
	const char *text;
	const char *unseens[3], *goals[3], *measures[4];
};

static const struct demo_soro demo_soros[] = {
	{ 1, S_IOT, { U_OUTFLOW, U_RIGHTS }, { Z_KNOW_DATA, Z_DATA_RIGHTS },
		{ M_INVENTORY, M_DISCLOSE, M_MODEL_DEALS } },
	{ 2, S_NETWORK, { U_KNOWHOW, U_CASCADE }, { Z_PROTECT, Z_COOPERATE, Z_RESILIENT },
		{ M_SUPPLY_DEAL, M_STANDARDS } },
	{ 3, S_PLATFORM, { U_PLATFORM }, { Z_CUSTOMERS, Z_REACH },
		{ M_BUYING, M_FAIR_TERMS } },
	{ 4, S_CLOUD, { U_CLOUD }, { Z_CLOUD_CTRL, Z_SWITCH },
		{ M_EXIT, M_PORTABILITY, M_DISCLOSE } },
	{ 5, S_ORGANISATION, { U_OVERLOAD, U_SECURITY }, { Z_BOSS, Z_EMERGENCY },
		{ M_OWNER, M_DRILL, M_FUNDING, M_REPORTING } },
	{ 6, S_STAFF, { U_EXPERIENCE, U_TRAINING }, { Z_EXPERIENCE, Z_TRAINING },
		{ M_MENTORS, M_LEAVE, M_LEARNING } },
};

/* ---- Documents: two subgroup minutes ---------------------------------- */

static const char *const minutes_ug1[] = {
	/*  1 */ "Protokoll der Untergruppe 1 „IoT und Daten“",
	/*  2 */ "Vulnerabilitätsraum KMU – Demo-Workshop",
	/*  3 */ "Datum: 12. März 2026, 14:00–16:30 Uhr, Videokonferenz",
	/*  4 */ "Teilnehmende: Dr. Miriam Vogt (Moderation), Jonas Albrecht (Metallbau Albrecht),",
	/*  5 */ "Petra Lindner (Kammer), Prof. Dr. Sven Haas (Hochschule), Aylin Demir (Betriebsrat),",
	/*  6 */ "Markus Weiß (Softwarehaus); Protokoll: Anna Roth",
	/*  7 */ "",
	/*  8 */ "TOP 1 Begrüßung und Leitfrage",
	/*  9 */ "Frau Vogt stellt die Leitfrage der Untergruppe vor: „Wie behalten KMU die Kontrolle",
	/* 10 */ "über die Daten, die ihre vernetzten Maschinen und Produkte erzeugen?“",
	/* 11 */ "",
	/* 12 */ "TOP 2 Erfahrungen aus den Betrieben",
	/* 13 */ "Herr Albrecht berichtet, dass die neue Laserschneidanlage per Fernwartung ständig",
	/* 14 */ "Betriebsdaten an den Hersteller sendet. Welche Daten genau übertragen werden, weiß",
	/* 15 */ "im Betrieb niemand; der Wartungsvertrag erlaubt dem Hersteller „die Auswertung zur",
	/* 16 */ "Produktverbesserung“.",
	/* 17 */ "Frau Demir ergänzt, dass aus Laufzeiten und Ausschussquoten auch Rückschlüsse auf",
	/* 18 */ "die Arbeitsleistung einzelner Schichten möglich sind.",
	/* 19 */ "Herr Haas weist darauf hin, dass sich aus solchen Daten das Prozesswissen des Betriebs",
	/* 20 */ "rekonstruieren lässt – genau das, was ein KMU von seinen Mitbewerbern unterscheidet.",
	/* 21 */ "",
	/* 22 */ "TOP 3 Wem gehören die Daten?",
	/* 23 */ "Einigkeit besteht, dass die Frage nach dem „Eigentum“ an Maschinendaten rechtlich",
	/* 24 */ "offen ist. Entscheidend sei, wer Zugang hat und wofür die Daten genutzt werden dürfen.",
	/* 25 */ "Frau Lindner: Viele Betriebe unterschreiben Standardverträge, ohne die Datenklauseln",
	/* 26 */ "zu lesen; im Streitfall ist es dann zu spät.",
	/* 27 */ "Herr Weiß gibt zu bedenken, dass Anbieter die Daten für vorausschauende Wartung",
	/* 28 */ "brauchen; ein vollständiges Abschalten schade auch den Betrieben selbst.",
	/* 29 */ "",
	/* 30 */ "TOP 4 Ziele und Maßnahmen",
	/* 31 */ "Ziel: Jeder Betrieb weiß, welche Daten seine Maschinen erzeugen und wohin sie fließen.",
	/* 32 */ "Maßnahme: Die Betriebe legen ein einfaches Dateninventar an (Maschine, Datenart, Empfänger).",
	/* 33 */ "Maßnahme: Die Kammer prüft, ob sie Musterklauseln und eine Sprechstunde anbieten kann.",
	/* 34 */ "Die Anbieterseite sagt zu, Datenflüsse künftig in einer Übersicht offenzulegen.",
	/* 35 */ "",
	/* 36 */ "Nächster Termin: 26. März 2026. Frau Roth verschickt das Protokoll bis Freitag.",
};

static const char *const minutes_ug5[] = {
	/*  1 */ "Protokoll der Untergruppe 5 „Organisation“",
	/*  2 */ "Vulnerabilitätsraum KMU – Demo-Workshop",
	/*  3 */ "Datum: 19. März 2026, 10:00–12:30 Uhr, Besprechungsraum der Kerber Kunststofftechnik",
	/*  4 */ "Teilnehmende: Dr. Miriam Vogt (Moderation), Claudia Kerber (Geschäftsführerin),",
	/*  5 */ "Thomas Brandt (IT-Dienstleister), Dr. Lena Fuchs (Hochschule), Erik Sommer",
	/*  6 */ "(Gewerkschaft), Sabine Großmann (Landesministerium); Protokoll: Ben Keller",
	/*  7 */ "",
	/*  8 */ "TOP 1 Rückblick",
	/*  9 */ "Frau Vogt fasst die Ergebnisse der letzten Sitzung zusammen. Die Gruppe bestätigt die",
	/* 10 */ "Leitfrage und ergänzt: Digitalisierung „passiert“ in vielen Betrieben nebenbei.",
	/* 11 */ "",
	/* 12 */ "TOP 2 Führung und Zuständigkeiten",
	/* 13 */ "Frau Kerber schildert, dass sie als Geschäftsführerin zugleich Einkauf, Personal und",
	/* 14 */ "IT verantwortet. Entscheidungen über neue Software fallen oft auf Zuruf des Anbieters.",
	/* 15 */ "Herr Brandt bestätigt: In vielen Kundenbetrieben ist niemand für IT-Sicherheit",
	/* 16 */ "zuständig, und einen Notfallplan für einen Verschlüsselungsangriff gibt es fast nie.",
	/* 17 */ "Frau Fuchs empfiehlt, eine verantwortliche Person zu benennen und ihr feste Stunden",
	/* 18 */ "im Monat zu geben; „Chefsache“ heiße nicht, dass die Chefin alles selbst macht.",
	/* 19 */ "",
	/* 20 */ "TOP 3 Cloud und Datensicherung",
	/* 21 */ "Der Betrieb hat Buchhaltung und Konstruktionsdaten in die Cloud verlagert. Unklar ist,",
	/* 22 */ "wie man die Daten bei einem Anbieterwechsel vollständig zurückbekommt.",
	/* 23 */ "Herr Brandt rät, vor jedem Umstieg den Ausstieg zu planen und regelmäßig",
	/* 24 */ "Sicherungen in offenen Formaten außerhalb der Cloud anzulegen.",
	/* 25 */ "Frau Großmann verweist auf das Landesprogramm „Werkstatt Digital“; Beratung zu",
	/* 26 */ "Datenverträgen sei dort bisher nicht förderfähig – das solle sich ändern.",
	/* 27 */ "",
	/* 28 */ "TOP 4 Beschäftigte mitnehmen",
	/* 29 */ "Herr Sommer berichtet, dass erfahrene Maschinenführer sich durch das neue",
	/* 30 */ "Assistenzsystem übergangen fühlen. Ihr Wissen über Störungen fehle im System.",
	/* 31 */ "Vorschlag: Erfahrene Beschäftigte begleiten als Patinnen und Paten die Einführung.",
	/* 32 */ "Außerdem sollen Angelernte und Teilzeitkräfte Schulungen in der Arbeitszeit erhalten.",
	/* 33 */ "",
	/* 34 */ "TOP 5 Vereinbarungen",
	/* 35 */ "Frau Kerber benennt bis Ende April eine Verantwortliche für Digitalisierung.",
	/* 36 */ "Der Notfallplan wird im Herbst gemeinsam mit der Belegschaft geübt.",
	/* 37 */ "Nächster Termin: 2. April 2026; das Protokoll führt Herr Keller.",
};

#define DOC_UG1 "Protokoll UG 1 „IoT und Daten“, 12.03.2026"
#define DOC_UG5 "Protokoll UG 5 „Organisation“, 19.03.2026"

struct demo_document {
	const char *title, *date, *filename, *participants, *memo;
	int component;
	const char *const *lines;
	size_t nlines;
};

static const struct demo_document demo_documents[] = {
	{ DOC_UG1, "2026-03-12", "protokoll-ug1-2026-03-12.txt",
		"Miriam Vogt, Jonas Albrecht, Petra Lindner, Sven Haas, Aylin Demir, Markus Weiß, "
		"Anna Roth", "Demo-Protokoll (erfunden)", 1, minutes_ug1, LEN(minutes_ug1) },
	{ DOC_UG5, "2026-03-19", "protokoll-ug5-2026-03-19.txt",
		"Miriam Vogt, Claudia Kerber, Thomas Brandt, Lena Fuchs, Erik Sommer, "
		"Sabine Großmann, Ben Keller", "Demo-Protokoll (erfunden)", 5, minutes_ug5,
		LEN(minutes_ug5) },
};

/* ---- Codebook: free codes and codings --------------------------------- */

struct demo_free_code {
	const char *parent;    /* path of the parent, NULL at the top */
	const char *name, *colour, *definition;
};

static const struct demo_free_code demo_free_codes[] = {
	{ NULL, "Daten", "#2e86ab", "Aussagen über Daten als Ressource des Betriebs" },
	{ "Daten", "Eigentum", "#a23b72", "Wem Daten gehören oder rechtlich zustehen" },
	{ "Daten", "Zugang", "#f18f01", "Wer Daten sehen, nutzen oder abschalten kann" },
};

struct demo_coding {
	const char *document;  /* title */
	int first, last;
	const char *code;      /* an item's title or text, or a free code's path */
	const char *coder, *memo;
};

/* anna and ben code both minutes; they agree on some passages, differ in
 * range or code on others, and each codes a few passages alone. */
static const struct demo_coding demo_codings[] = {
	{ DOC_UG1, 13, 16, U_OUTFLOW, "anna", NULL },
	{ DOC_UG1, 13, 18, U_OUTFLOW, "ben", "Schichtdaten gehören dazu" },
	{ DOC_UG1, 19, 20, U_KNOWHOW, "anna", "Prozesswissen als Wettbewerbsvorteil" },
	{ DOC_UG1, 23, 26, U_RIGHTS, "anna", NULL },
	{ DOC_UG1, 23, 24, "Daten/Eigentum", "ben", NULL },
	{ DOC_UG1, 24, 24, "Daten/Zugang", "anna", NULL },
	{ DOC_UG1, 27, 28, "Daten/Zugang", "ben", "Gegenposition der Anbieter" },
	{ DOC_UG1, 31, 31, Z_KNOW_DATA, "anna", NULL },
	{ DOC_UG1, 31, 31, Z_KNOW_DATA, "ben", NULL },
	{ DOC_UG1, 32, 32, M_INVENTORY, "anna", NULL },
	{ DOC_UG1, 32, 32, M_INVENTORY, "ben", NULL },
	{ DOC_UG1, 33, 33, M_MODEL_DEALS, "anna", NULL },
	{ DOC_UG1, 34, 34, M_DISCLOSE, "ben", NULL },
	{ DOC_UG1, 31, 34, S_IOT, "anna", "Beleg für die SoRO der Komponente 1" },
	{ DOC_UG5, 13, 14, U_OVERLOAD, "anna", NULL },
	{ DOC_UG5, 13, 14, U_OVERLOAD, "ben", NULL },
	{ DOC_UG5, 15, 16, U_SECURITY, "anna", NULL },
	{ DOC_UG5, 15, 16, U_SECURITY, "ben", NULL },
	{ DOC_UG5, 17, 18, Z_BOSS, "anna", NULL },
	{ DOC_UG5, 17, 18, M_OWNER, "ben", NULL },
	{ DOC_UG5, 21, 22, U_CLOUD, "ben", NULL },
	{ DOC_UG5, 21, 22, "Daten/Zugang", "anna", NULL },
	{ DOC_UG5, 23, 24, M_EXIT, "ben", NULL },
	{ DOC_UG5, 25, 26, M_FUNDING, "anna", "Förderlücke laut Ministerium" },
	{ DOC_UG5, 29, 30, U_EXPERIENCE, "ben", NULL },
	{ DOC_UG5, 29, 30, U_EXPERIENCE, "anna", NULL },
	{ DOC_UG5, 31, 31, M_MENTORS, "anna", NULL },
	{ DOC_UG5, 32, 32, Z_TRAINING, "anna", NULL },
	{ DOC_UG5, 35, 36, S_ORGANISATION, "ben", "Vereinbarungen stützen die SoRO" },
};

/* ---- Building the session --------------------------------------------- */

struct demo {
	struct db *db;
	int64_t session;
	int64_t variables[LEN(demo_variables)];  /* ids, in the table's order */
};

/* The item structs hold char * because item_read() fills them with
 * malloc'd copies; item_create() only reads them, so the tables' string
 * constants are lent to it and never freed. */
static char *lend(const char *text)
{
	return (char *)text;
}

static enum status find_item(struct demo *d, enum item_kind kind, const char *key, int64_t *id)
{
	return item_find(d->db, item_type(kind), d->session, key, id);
}

static enum status find_component(struct demo *d, int number, int64_t *id)
{
	char key[16];
	snprintf(key, sizeof key, "%d", number);
	return find_item(d, ITEM_COMPONENT, key, id);
}

/* Links FROM to each item named in KEYS (up to N, NULL ends early); the
 * target kind comes from the link type. */
static enum status link_keys(struct demo *d, enum link_kind kind, int64_t from,
	const char *const *keys, size_t n)
{
	enum item_kind to_kind = link_type(kind)->to;
	for (size_t i = 0; i < n && keys[i]; i++) {
		int64_t to = 0;
		enum status rc = find_item(d, to_kind, keys[i], &to);
		if (rc == STATUS_OK)
			rc = link_add(d->db, kind, from, to);
		if (rc != STATUS_OK)
			return rc;
	}
	return STATUS_OK;
}

/* "DiDaT KMU – Demo-Workshop", or the first "... (N)" not yet taken. */
static enum status free_title(struct demo *d, char *title, size_t size)
{
	snprintf(title, size, "%s", DEMO_TITLE);
	for (int n = 2;; n++) {
		int64_t id = 0;
		enum status rc = session_find(d->db, title, &id);
		if (rc == STATUS_NOT_FOUND)
			return STATUS_OK;
		if (rc != STATUS_OK && rc != STATUS_CONFLICT)
			return rc;
		snprintf(title, size, "%s (%d)", DEMO_TITLE, n);
	}
}

static enum status add_session(struct demo *d)
{
	char title[128];
	enum status rc = free_title(d, title, sizeof title);
	if (rc != STATUS_OK)
		return rc;
	struct session s = {
		.title = title,
		.date = lend(demo_session.date),
		.place = lend(demo_session.place),
		.facilitator = lend(demo_session.facilitator),
		.participants = lend(demo_session.participants),
		.notes = lend(demo_session.notes),
		.question = lend(demo_session.question),
		.inside = lend(demo_session.inside),
		.outside = lend(demo_session.outside),
		.region = lend(demo_session.region),
		.horizon = lend(demo_session.horizon),
		.scale = 3,
	};
	rc = session_create(d->db, &s);
	if (rc == STATUS_OK)
		d->session = s.id;
	return rc;
}

static enum status add_components(struct demo *d)
{
	for (size_t i = 0; i < LEN(demo_components); i++) {
		const struct demo_component *t = &demo_components[i];
		struct component c = {
			.session_id = d->session,
			.number = t->number,
			.name = lend(t->name),
			.question = lend(t->question),
		};
		enum status rc = item_create(d->db, item_type(ITEM_COMPONENT), &c);
		if (rc != STATUS_OK)
			return rc;
	}
	return STATUS_OK;
}

static enum status add_stakeholders(struct demo *d)
{
	for (size_t i = 0; i < LEN(demo_stakeholders); i++) {
		const struct demo_stakeholder *t = &demo_stakeholders[i];
		struct stakeholder s = {
			.session_id = d->session,
			.name = lend(t->name),
			.kind = lend(t->kind),
			.description = lend(t->description),
		};
		enum status rc = item_create(d->db, item_type(ITEM_STAKEHOLDER), &s);
		if (rc != STATUS_OK)
			return rc;
	}
	return STATUS_OK;
}

static enum status add_unseen(struct demo *d, const struct demo_unseen *t)
{
	struct unseen u = {
		.session_id = d->session,
		.title = lend(t->title),
		.description = lend(t->description),
		.causes = lend(t->causes),
		.likelihood = t->likelihood,
		.impact = t->impact,
		.capacity = t->capacity,
		.votes = t->votes,
	};
	enum status rc = find_component(d, t->component, &u.component_id);
	if (rc == STATUS_OK)
		rc = item_create(d->db, item_type(ITEM_UNSEEN), &u);
	if (rc == STATUS_OK)
		rc = link_keys(d, LINK_UNSEEN_STAKEHOLDER, u.id, t->stakeholders,
			LEN(t->stakeholders));
	return rc;
}

static enum status add_unseens(struct demo *d)
{
	enum status rc = STATUS_OK;
	for (size_t i = 0; rc == STATUS_OK && i < LEN(demo_unseens); i++)
		rc = add_unseen(d, &demo_unseens[i]);
	return rc;
}

static enum status add_variables(struct demo *d)
{
	for (size_t i = 0; i < LEN(demo_variables); i++) {
		const struct demo_variable *t = &demo_variables[i];
		struct variable v = {
			.session_id = d->session,
			.name = lend(t->name),
			.short_name = lend(t->short_name),
			.description = lend(t->description),
		};
		enum status rc = item_create(d->db, item_type(ITEM_VARIABLE), &v);
		if (rc != STATUS_OK)
			return rc;
		d->variables[i] = v.id;
	}
	return STATUS_OK;
}

static enum status add_impacts(struct demo *d)
{
	for (size_t i = 0; i < LEN(demo_variables); i++)
		for (size_t j = 0; j < LEN(demo_variables); j++) {
			if (i == j)
				continue;
			enum status rc = impact_set(d->db, d->variables[i], d->variables[j],
				demo_impacts[i][j], NULL);
			if (rc != STATUS_OK)
				return rc;
		}
	return STATUS_OK;
}

static enum status add_goal(struct demo *d, const struct demo_goal *t)
{
	struct goal g = { .session_id = d->session, .text = lend(t->text) };
	enum status rc = find_component(d, t->component, &g.component_id);
	if (rc == STATUS_OK)
		rc = item_create(d->db, item_type(ITEM_GOAL), &g);
	if (rc == STATUS_OK)
		rc = link_keys(d, LINK_GOAL_UNSEEN, g.id, t->unseens, LEN(t->unseens));
	return rc;
}

static enum status add_goals(struct demo *d)
{
	enum status rc = STATUS_OK;
	for (size_t i = 0; rc == STATUS_OK && i < LEN(demo_goals); i++)
		rc = add_goal(d, &demo_goals[i]);
	return rc;
}

static enum status add_conflicts(struct demo *d)
{
	for (size_t i = 0; i < LEN(demo_conflicts); i++) {
		const struct demo_conflict *t = &demo_conflicts[i];
		struct conflict c = { .session_id = d->session, .description = lend(t->description) };
		enum status rc = find_item(d, ITEM_GOAL, t->goal_a, &c.goal_a);
		if (rc == STATUS_OK)
			rc = find_item(d, ITEM_GOAL, t->goal_b, &c.goal_b);
		if (rc == STATUS_OK)
			rc = item_create(d->db, item_type(ITEM_CONFLICT), &c);
		if (rc != STATUS_OK)
			return rc;
	}
	return STATUS_OK;
}

static enum status add_measure(struct demo *d, const struct demo_measure *t)
{
	struct measure m = {
		.session_id = d->session,
		.text = lend(t->text),
		.horizon = lend(t->horizon),
		.priority = t->priority,
	};
	enum status rc = find_item(d, ITEM_ACTOR, t->actor, &m.actor_id);
	if (rc == STATUS_OK)
		rc = item_create(d->db, item_type(ITEM_MEASURE), &m);
	if (rc == STATUS_OK)
		rc = link_keys(d, LINK_MEASURE_GOAL, m.id, t->goals, LEN(t->goals));
	return rc;
}

static enum status add_measures(struct demo *d)
{
	enum status rc = STATUS_OK;
	for (size_t i = 0; rc == STATUS_OK && i < LEN(demo_measures); i++)
		rc = add_measure(d, &demo_measures[i]);
	return rc;
}

static enum status add_soro(struct demo *d, const struct demo_soro *t)
{
	struct soro s = { .session_id = d->session, .text = lend(t->text) };
	enum status rc = find_component(d, t->component, &s.component_id);
	if (rc == STATUS_OK)
		rc = item_create(d->db, item_type(ITEM_SORO), &s);
	if (rc == STATUS_OK)
		rc = link_keys(d, LINK_SORO_UNSEEN, s.id, t->unseens, LEN(t->unseens));
	if (rc == STATUS_OK)
		rc = link_keys(d, LINK_SORO_GOAL, s.id, t->goals, LEN(t->goals));
	if (rc == STATUS_OK)
		rc = link_keys(d, LINK_SORO_MEASURE, s.id, t->measures, LEN(t->measures));
	return rc;
}

static enum status add_soros(struct demo *d)
{
	enum status rc = STATUS_OK;
	for (size_t i = 0; rc == STATUS_OK && i < LEN(demo_soros); i++)
		rc = add_soro(d, &demo_soros[i]);
	return rc;
}

/* The SHA-256 the document would have as a file: its lines, each ended
 * by "\n". */
static void document_hash(const struct demo_document *t, char hex[SHA256_HEX_SIZE])
{
	struct sha256_ctx ctx;
	unsigned char digest[SHA256_SIZE];
	sha256_init(&ctx);
	for (size_t i = 0; i < t->nlines; i++) {
		sha256_update(&ctx, t->lines[i], strlen(t->lines[i]));
		sha256_update(&ctx, "\n", 1);
	}
	sha256_final(&ctx, digest);
	sha256_hex(digest, hex);
}

static enum status add_document(struct demo *d, const struct demo_document *t)
{
	char hex[SHA256_HEX_SIZE];
	document_hash(t, hex);
	struct document doc = {
		.session_id = d->session,
		.title = lend(t->title),
		.kind = lend("minutes"),
		.date = lend(t->date),
		.filename = lend(t->filename),
		.sha256 = hex,
		.participants = lend(t->participants),
		.memo = lend(t->memo),
	};
	enum status rc = find_component(d, t->component, &doc.component_id);
	if (rc == STATUS_OK)
		rc = document_create(d->db, &doc);
	for (size_t i = 0; rc == STATUS_OK && i < t->nlines; i++)
		rc = document_add_line(d->db, doc.id, (int64_t)i + 1, t->lines[i]);
	if (rc == STATUS_OK)
		rc = document_finish(d->db, doc.id, (int64_t)t->nlines);
	return rc;
}

static enum status add_documents(struct demo *d)
{
	enum status rc = STATUS_OK;
	for (size_t i = 0; rc == STATUS_OK && i < LEN(demo_documents); i++)
		rc = add_document(d, &demo_documents[i]);
	return rc;
}

static enum status add_free_codes(struct demo *d)
{
	for (size_t i = 0; i < LEN(demo_free_codes); i++) {
		const struct demo_free_code *t = &demo_free_codes[i];
		int64_t parent = 0, id = 0;
		enum status rc = t->parent ? code_find(d->db, d->session, t->parent, &parent) : STATUS_OK;
		if (rc == STATUS_OK)
			rc = code_create_free(d->db, d->session, t->name, parent, t->colour,
				t->definition, &id);
		if (rc != STATUS_OK)
			return rc;
	}
	return STATUS_OK;
}

static enum status add_coding(struct demo *d, const struct demo_coding *t)
{
	struct coding c = {
		.session_id = d->session,
		.first_line = t->first,
		.last_line = t->last,
		.coder = t->coder,
		.memo = t->memo,
	};
	enum status rc = document_find(d->db, d->session, t->document, &c.document_id);
	if (rc == STATUS_OK)
		rc = code_find(d->db, d->session, t->code, &c.code_id);
	if (rc == STATUS_OK)
		rc = coding_create(d->db, &c);
	return rc;
}

static enum status add_codings(struct demo *d)
{
	enum status rc = STATUS_OK;
	for (size_t i = 0; rc == STATUS_OK && i < LEN(demo_codings); i++)
		rc = add_coding(d, &demo_codings[i]);
	return rc;
}

/* In the order of the steps; later steps resolve what earlier ones made. */
static enum status (*const demo_steps[])(struct demo *) = {
	add_session, add_components, add_stakeholders, add_unseens, add_variables,
	add_impacts, add_goals, add_conflicts, add_measures, add_soros, add_documents,
	add_free_codes, add_codings,
};

enum status demo_create(struct db *db, int64_t *session_id)
{
	struct demo d = { .db = db };
	enum status rc = db_begin(db);
	if (rc != STATUS_OK)
		return rc;
	for (size_t i = 0; rc == STATUS_OK && i < LEN(demo_steps); i++)
		rc = demo_steps[i](&d);
	rc = db_end(db, rc);
	if (rc == STATUS_OK)
		*session_id = d.session;
	return rc;
}

#ifndef DIDAT_CLI_CLI_H
#define DIDAT_CLI_CLI_H

/* The scriptable command line.  Each command is a function taking the
 * opened database and its own arguments (argv[0] is the command's name);
 * it returns the exit status: 0 done, 1 usage error, 2 bad data or a
 * failed operation.  A command that creates something prints the new id
 * alone on the first line of standard output; messages go to standard
 * error. */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "util/status.h"

struct db;
struct option;

enum { EXIT_DONE = 0, EXIT_USAGE = 1, EXIT_FAILED = 2 };

struct cli {
	struct db *db;
	const char *db_path;
	const char *command;
};

/* Runs the program: global options, then a command or the screen. */
int cli_main(int argc, char **argv);

/* Prints "didat COMMAND: message" and a hint to --help; returns EXIT_USAGE. */
int cli_usage(const struct cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints the database's last error (or STATUS's text); returns EXIT_FAILED. */
int cli_fail(const struct cli *cli, enum status status);
/* Prints "didat: message"; returns EXIT_FAILED. */
int cli_error(const struct cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "didat COMMAND: note" on standard error, for what is not an error. */
void cli_note(const struct cli *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* "Label:" padded to one column, then VALUE made safe (its newlines
 * kept), on standard output; a NULL or empty VALUE gives the label alone.
 * For the commands that show one record field by field. */
void cli_print_field(const char *label, const char *value);

/* Parses the options of ARGV (argv[0] is the command) with getopt_long:
 * options may follow operands, "--" ends them, -o is --output.  Calls
 * ON_OPTION for each (VAL is the option's val; a non-zero return stops
 * with -1), then points *OPERANDS at the operands and returns their
 * number; -1 after a usage message. */
typedef int (*cli_option_fn)(void *ctx, const struct option *opt, int val, const char *arg);
int cli_parse(const struct cli *cli, int argc, char **argv, const struct option *options,
	cli_option_fn on_option, void *ctx, char ***operands);

/* A cli_option_fn for a command whose one option is a flag (--yes): sets
 * the bool that CTX points to. */
int cli_flag(void *ctx, const struct option *opt, int val, const char *arg);

/* For commands without options: expects MIN..MAX operands, else prints
 * USAGE ("erwartet: ...").  Returns the number of operands, -1 after a
 * usage message. */
int cli_operands(const struct cli *cli, int argc, char **argv, int min, int max,
	const char *usage, char ***operands);

/* Resolves SESSION (number or unique title); prints the error itself. */
bool cli_session(const struct cli *cli, const char *key, int64_t *id);
/* Parses a whole number within MIN..MAX; prints a usage error naming WHAT. */
bool cli_number(const struct cli *cli, const char *what, const char *text, int64_t min,
	int64_t max, int64_t *out);

/* Opens PATH for writing, or standard output for NULL or "-".  Output to
 * a file goes to PATH.tmp first and is renamed by cli_output_close() when
 * everything went well, so that a failure never leaves half a file. */
struct cli_output {
	FILE *fp;
	char *path, *tmp;
};
bool cli_output_open(const struct cli *cli, struct cli_output *out, const char *path);
/* Finishes OUT; with OK false removes the temporary file.  Returns false
 * (after a message) when writing failed. */
bool cli_output_close(const struct cli *cli, struct cli_output *out, bool ok);

/* The commands (cli/cmd_*.c). */
#define CLI_COMMANDS(X) \
	X("sessions",   cmd_sessions,   "", "alle Sitzungen: Nummer, Titel, Datum, Zähler") \
	X("new",        cmd_new,        "TITEL [--date D] [--question Q] [--FELD WERT]...", \
	  "neue Sitzung (mit den Akteursgruppen A–G)") \
	X("show",       cmd_show,       "SITZUNG", "die ganze Sitzung als lesbarer Text") \
	X("duplicate",  cmd_duplicate,  "SITZUNG [TITEL]", "vollständige Kopie einer Sitzung") \
	X("delete",     cmd_delete,     "SITZUNG --yes", "Sitzung mit allem, was dazugehört, löschen") \
	X("add",        cmd_add,        "ART SITZUNG TEXT [--FELD WERT]...", \
	  "Eintrag anlegen; ART: unseen goal measure component stakeholder variable soro conflict actor code") \
	X("edit",       cmd_edit,       "ART SITZUNG ID [--FELD WERT]...", "Felder eines Eintrags ändern") \
	X("remove",     cmd_remove,     "ART SITZUNG ID", "Eintrag löschen (mit seinen Kodierungen)") \
	X("list",       cmd_list,       "ART SITZUNG", "Einträge einer Art auflisten") \
	X("impact",     cmd_impact,     "SITZUNG VON NACH STÄRKE [--note N]", \
	  "Einfluss in der Matrix setzen (STÄRKE - macht die Zelle unbewertet)") \
	X("import-doc", cmd_import_doc, "SITZUNG DATEI... [--kind K] [--title T] [--date D] [--component N]", \
	  "Textdateien als Dokumente importieren") \
	X("docs",       cmd_docs,       "SITZUNG", "Dokumente einer Sitzung") \
	X("code",       cmd_code,       "SITZUNG DOK ERSTE[-LETZTE] CODE [--coder NAME] [--memo TEXT]", \
	  "eine Passage kodieren") \
	X("codes",      cmd_codes,      "SITZUNG [--by code|document|coder]", \
	  "Häufigkeiten: Kodierungen je Code, Dokument oder Kodierer") \
	X("export",     cmd_export,     "hinge|report|matrix|dot|unseens|goals|measures|stakeholders|" \
	  "components|codes SITZUNG [-o DATEI] [--sep ,|;] [--bom] [--raw] [...]", \
	  "Scharniertabelle (CSV), Bericht (Markdown), Matrix (CSV), Graph (DOT), Elemente (CSV)") \
	X("analyse",    cmd_analyse,    "SITZUNG [--power K] [--format table|csv]", \
	  "Systemmodell: Vester-Sensitivitätsmodell und MICMAC") \
	X("import-csv", cmd_import_csv, "SITZUNG matrix|unseens|goals|measures|stakeholders|components|" \
	  "codes DATEI", "Einflussmatrix oder Elemente aus einer Tabelle lesen (alles oder nichts)") \
	X("search",     cmd_search,     "SITZUNG ANFRAGE [--mark]", "Volltextsuche in Dokumenten und Einträgen") \
	X("log",        cmd_log,        "SITZUNG [--since N]", "Änderungsprotokoll") \
	X("undo",       cmd_undo,       "SITZUNG", "die letzte Änderung der Sitzung zurücknehmen") \
	X("redo",       cmd_redo,       "SITZUNG", "die zuletzt zurückgenommene Änderung wiederherstellen") \
	X("drafts",     cmd_drafts,     "SITZUNG [--delete ID]", \
	  "Entwürfe: Texte aus Editoren, die nicht gespeichert wurden") \
	X("codebook",   cmd_codebook,   "SITZUNG [show|rename|move|merge|delete|define|colour|memo CODE [WERT]] " \
	  "[--yes]", "Codebuch zeigen und pflegen: umbenennen, verschieben, zusammenführen, löschen") \
	X("coding",     cmd_coding,     "SITZUNG ID [--lines A-B] [--code C] [--memo T] [--delete]", \
	  "eine Kodierung ändern oder löschen") \
	X("doc",        cmd_doc,        "SITZUNG DOK [--title T] [--kind K] [--date D] [--component N] " \
	  "[--participants P] [--memo M]", "Metadaten eines Dokuments zeigen oder ändern") \
	X("demo",       cmd_demo,       "", "die Demo-Sitzung anlegen")

#define CLI_DECLARE(name, fn, args, help) int fn(struct cli *cli, int argc, char **argv);
CLI_COMMANDS(CLI_DECLARE)
#undef CLI_DECLARE

#endif

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

#include "util/i18n.h"
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

/* The item kinds `add`, `list`, `edit` and `remove` take, joined by SEP
 * (ITEM_SESSION aside; WITH_CODE: and "code"). */
const char *cli_kind_names(char *buf, size_t size, const char *sep, bool with_code);

/* Flushes standard output; false (after a message) when that failed,
 * else OK.  Files are written through export_to_path(). */
bool cli_stdout_done(const struct cli *cli, bool ok);

/* Where a command writes text that holds names and texts from the
 * database or a file (an export, CSV): standard output, or, when that is
 * a terminal, a temporary file, so that a cell's escape sequence never
 * reaches the terminal raw.  NULL when the temporary file cannot be made. */
FILE *cli_text_out(void);
/* Ends OUT from cli_text_out(): a temporary file is shown on the terminal
 * made safe (display_copy: line ends and tabs kept) and closed.  False
 * when it cannot be read back. */
bool cli_text_done(FILE *out);

/* The commands (cli/cmd_*.c). */
#define CLI_COMMANDS(X) \
	X("sessions",   cmd_sessions,   "", N_("all sessions: number, title, date, counts")) \
	X("new",        cmd_new,        N_("TITLE [--date D] [--question Q] [--FIELD VALUE]..."), \
	  N_("new session (with the actor groups A–G)")) \
	X("show",       cmd_show,       N_("SESSION"), N_("the whole session as readable text")) \
	X("duplicate",  cmd_duplicate,  N_("SESSION [TITLE]"), N_("complete copy of a session")) \
	X("delete",     cmd_delete,     N_("SESSION --yes"), \
	  N_("delete a session with everything that belongs to it")) \
	X("add",        cmd_add,        N_("KIND SESSION TEXT [--FIELD VALUE]..."), \
	  N_("create an item (KIND: see below)")) \
	X("edit",       cmd_edit,       N_("KIND SESSION ID [--FIELD VALUE]..."), \
	  N_("change fields of an item")) \
	X("remove",     cmd_remove,     N_("KIND SESSION ID"), N_("delete an item (with its codings)")) \
	X("list",       cmd_list,       N_("KIND SESSION"), N_("list the items of a kind")) \
	X("impact",     cmd_impact,     N_("SESSION FROM TO STRENGTH [--note N]"), \
	  N_("set an influence in the matrix (STRENGTH - makes the cell unrated)")) \
	X("import-doc", cmd_import_doc, N_("SESSION FILE... [--kind K] [--title T] [--date D] [--component N] " \
	  "[--wrap COLUMNS] [--printed-numbers yes|no]"), \
	  N_("import text files as documents")) \
	X("docs",       cmd_docs,       N_("SESSION"), N_("the documents of a session")) \
	X("code",       cmd_code,       N_("SESSION DOC FIRST[-LAST] CODE [--coder NAME] [--memo TEXT]"), \
	  N_("code a passage")) \
	X("codes",      cmd_codes,      N_("SESSION [--by code|document|coder] [--format table|csv]"), \
	  N_("frequencies: codings per code, document, or code and coder side by side")) \
	X("agree",      cmd_agree,      N_("SESSION [--coders A,B,...] [--code C]... [--document DOC]... " \
	  "[--domain PARENT] [--format table|csv] [-o FILE]"), \
	  N_("intercoder agreement: percent, Cohen's and Fleiss' kappa, Krippendorff's alpha")) \
	X("export",     cmd_export, \
	  N_("FORMAT SESSION [-o FILE] [--sep ,|;] [--bom] [--raw] [...]"), \
	  N_("hinge table (CSV), report (Markdown), matrix (CSV), graph (DOT), items (CSV)")) \
	X("import",     cmd_import,     N_("qdc SESSION FILE | qdpx FILE [--session SESSION]"), \
	  N_("read a REFI-QDA codebook or project from another QDA program (all or nothing)")) \
	X("analyse",    cmd_analyse,    N_("SESSION [--power K] [--format table|csv]"), \
	  N_("system model: Vester's sensitivity model and MICMAC")) \
	X("import-csv", cmd_import_csv, N_("SESSION TABLE FILE"), \
	  N_("read the impact matrix or items from a table (all or nothing)")) \
	X("search",     cmd_search,     N_("SESSION QUERY [--mark]"), \
	  N_("full-text search in documents and items")) \
	X("log",        cmd_log,        N_("SESSION [--since N]"), N_("change log")) \
	X("checklist",  cmd_checklist,  N_("SESSION"), \
	  N_("what is still open in each step: step, kind, id, what is open")) \
	X("undo",       cmd_undo,       N_("SESSION [--anyone]"), \
	  N_("take back your last change in the session (--anyone: anyone's)")) \
	X("redo",       cmd_redo,       N_("SESSION [--anyone]"), \
	  N_("restore the change you took back last (--anyone: anyone's)")) \
	X("drafts",     cmd_drafts,     N_("SESSION [--delete ID]"), \
	  N_("drafts: texts from editors that were not saved")) \
	X("codebook",   cmd_codebook,   N_("SESSION [show|rename|move|merge|delete|define|colour|memo CODE " \
	  "[VALUE]] [--yes] [--force]"), N_("show and maintain the codebook: rename, move, merge, delete")) \
	X("coding",     cmd_coding,     N_("SESSION ID [--lines A-B] [--code C] [--memo T] [--delete] " \
	  "[--force]"), \
	  N_("change or delete a coding")) \
	X("doc",        cmd_doc,        N_("SESSION DOC [--title T] [--kind K] [--date D] [--component N] " \
	  "[--participants P] [--memo M]"), N_("show or change the metadata of a document")) \
	X("demo",       cmd_demo,       "", N_("create the demo session"))

#define CLI_DECLARE(name, fn, args, help) int fn(struct cli *cli, int argc, char **argv);
CLI_COMMANDS(CLI_DECLARE)
#undef CLI_DECLARE

#endif

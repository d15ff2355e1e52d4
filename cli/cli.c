#include "cli/cli.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "exports/exporter.h"
#include "exports/importer.h"
#include "model/db.h"
#include "model/item.h"
#include "model/session.h"
#include "tui/tui.h"
#include "util/display.h"
#include "util/i18n.h"
#include "util/join.h"

static const struct cli_command {
	const char *name;
	int (*run)(struct cli *cli, int argc, char **argv);
	const char *args, *help;
} commands[] = {
#define CLI_ENTRY(name, fn, args, help) { name, fn, args, help },
	CLI_COMMANDS(CLI_ENTRY)
#undef CLI_ENTRY
};

static void vmessage(const struct cli *cli, const char *fmt, va_list ap)
{
	fflush(stdout);
	if (cli && cli->command)
		fprintf(stderr, "didat %s: ", cli->command);
	else
		fputs("didat: ", stderr);
	/* Messages quote names and texts from the database and from files:
	 * they reach the terminal through the display function too. */
	char buf[4096];
	vsnprintf(buf, sizeof buf, fmt, ap);
	display_fputs(stderr, buf, -1, 0, true);
	fputc('\n', stderr);
}

int cli_usage(const struct cli *cli, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(cli, fmt, ap);
	va_end(ap);
	fprintf(stderr, _("Help: didat --help\n"));
	return EXIT_USAGE;
}

int cli_error(const struct cli *cli, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(cli, fmt, ap);
	va_end(ap);
	return EXIT_FAILED;
}

void cli_note(const struct cli *cli, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(cli, fmt, ap);
	va_end(ap);
}

void cli_print_field(const char *label, const char *value)
{
	if (!value || !*value) {
		printf("%s\n", label);
		return;
	}
	display_fputs(stdout, label, -1, 14, false);
	display_fputs(stdout, value, -1, 0, true);
	fputc('\n', stdout);
}

int cli_fail(const struct cli *cli, enum status status)
{
	const char *msg = cli->db ? db_error(cli->db) : "";
	return cli_error(cli, "%s", *msg ? msg : status_text(status));
}

static bool is_negative_number(const char *arg)
{
	return arg[0] == '-' && arg[1] >= '0' && arg[1] <= '9';
}

/* Does the option in ARG ("--name" or "-o") take the next argument? */
static bool takes_argument(const char *arg, const struct option *options)
{
	if (strcmp(arg, "-o") == 0)
		return true;
	if (strncmp(arg, "--", 2) != 0 || strchr(arg, '='))
		return false;
	/* as getopt_long: the exact name, else the one name it abbreviates */
	const struct option *found = NULL;
	size_t len = strlen(arg + 2), matches = 0;
	for (const struct option *o = options; o->name; o++) {
		if (strcmp(o->name, arg + 2) == 0)
			return o->has_arg == required_argument;
		if (strncmp(o->name, arg + 2, len) == 0) {
			found = o;
			matches++;
		}
	}
	return matches == 1 && found->has_arg == required_argument;
}

/* Moves the options (and their arguments) of ARGV[1..] before the
 * operands, keeping both in order, and returns how many there are.
 * getopt would take a negative number ("-1") for an option: here it
 * stays an operand, so "impact S A B -1" is refused as a bad strength. */
static int options_first(int argc, char **argv, const struct option *options)
{
	char **operands = malloc((size_t)argc * sizeof *operands);
	int nopt = 0, nops = 0;
	if (!operands)
		return argc - 1;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		bool option = arg[0] == '-' && arg[1] && !is_negative_number(arg);
		if (!option) {
			operands[nops++] = argv[i];
			continue;
		}
		argv[1 + nopt++] = argv[i];
		if (strcmp(arg, "--") == 0) {
			while (++i < argc)
				operands[nops++] = argv[i];
		} else if (takes_argument(arg, options) && i + 1 < argc) {
			argv[1 + nopt++] = argv[++i];
		}
	}
	memcpy(argv + 1 + nopt, operands, (size_t)nops * sizeof *operands);
	free(operands);
	return nopt;
}

int cli_parse(const struct cli *cli, int argc, char **argv, const struct option *options,
	cli_option_fn on_option, void *ctx, char ***operands)
{
	int nopt = options_first(argc, argv, options);
	opterr = 0;
	optind = 0;  /* glibc: start afresh, argv differs from the last call */
	for (;;) {
		int index = -1;
		int c = getopt_long(nopt + 1, argv, "+:o:", options, &index);
		if (c == -1)
			break;
		if (c == '?' || c == ':') {
			char shortopt[3] = { '-', (char)optopt, '\0' };
			const char *bad = optopt ? shortopt : argv[optind - 1];
			if (c == ':')
				return cli_usage(cli, _("%s needs a value"), bad), -1;
			return cli_usage(cli, _("unknown option %s (a text that starts with - goes "
				"after --)"), bad), -1;
		}
		if (on_option(ctx, index >= 0 ? &options[index] : NULL, c, optarg) != 0)
			return -1;
	}
	*operands = argv + 1 + nopt;
	return argc - 1 - nopt;
}

static int no_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	(void)ctx;
	(void)opt;
	(void)val;
	(void)arg;
	return 0;
}

int cli_flag(void *ctx, const struct option *opt, int val, const char *arg)
{
	(void)opt;
	(void)val;
	(void)arg;
	*(bool *)ctx = true;
	return 0;
}

int cli_operands(const struct cli *cli, int argc, char **argv, int min, int max,
	const char *usage, char ***operands)
{
	static const struct option none[] = { { 0, 0, 0, 0 } };
	int n = cli_parse(cli, argc, argv, none, no_option, NULL, operands);
	if (n >= 0 && (n < min || n > max))
		return cli_usage(cli, _("expected: %s"), usage), -1;
	return n;
}

bool cli_session(const struct cli *cli, const char *key, int64_t *id)
{
	enum status rc = session_find(cli->db, key, id);
	if (rc == STATUS_OK)
		return true;
	cli_fail(cli, rc);
	return false;
}

bool cli_number(const struct cli *cli, const char *what, const char *text, int64_t min,
	int64_t max, int64_t *out)
{
	char *end;
	errno = 0;
	long long v = strtoll(text, &end, 10);
	if (errno || end == text || *end || v < min || v > max) {
		cli_error(cli, _("%s: \"%s\" is not a whole number from %" PRId64 " to %" PRId64),
			what, text, min, max);
		return false;
	}
	*out = v;
	return true;
}

FILE *cli_text_out(void)
{
	return isatty(STDOUT_FILENO) ? tmpfile() : stdout;
}

bool cli_text_done(FILE *out)
{
	if (out == stdout)
		return true;
	bool ok = fflush(out) == 0 && fseek(out, 0, SEEK_SET) == 0 && display_copy(out, stdout);
	fclose(out);
	return ok;
}

bool cli_stdout_done(const struct cli *cli, bool ok)
{
	if (fflush(stdout) != 0 || ferror(stdout))
		return cli_error(cli, "%s", _("standard output: write error")), false;
	return ok;
}

static const char *kind_name(size_t i)
{
	/* the item kinds but the session itself, then free codes */
	return i + 1 < ITEM_KIND_COUNT ? item_type((enum item_kind)(i + 1))->name : "code";
}

const char *cli_kind_names(char *buf, size_t size, const char *sep, bool with_code)
{
	return join_names(buf, size, sep, ITEM_KIND_COUNT - 1 + with_code, kind_name);
}

static void print_help(void)
{
	printf("%s", _("didat – run DiDaT workshops and code their minutes\n\n"
		"Usage: didat [--db FILE] [COMMAND ...]\n"
		"       didat [--db FILE] [SESSION]   workspace (full screen)\n\n"
		"Commands:\n"));
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		/* _("") would be the catalogue's header */
		const char *args = *commands[i].args ? _(commands[i].args) : "";
		printf("  %-11s %s\n", commands[i].name, args);
		printf("              %s\n", _(commands[i].help));
	}
	char names[512];
	printf("\n%-9s %s\n", _("KIND:"), cli_kind_names(names, sizeof names, ", ", true));
	printf("%-9s %s\n", _("FORMAT:"), exporter_names(names, sizeof names, ", "));
	printf("%-9s %s\n", _("TABLE:"), importer_names(names, sizeof names, ", "));
	printf("%s", _("\nSessions are named by number or unique title.\n"
		"Items by ID or unique title (components by their number,\n"
		"actor groups by their letter); always unambiguous with kind and ID:\n"
		"unseen:11, goal:3, measure:5, soro:2, stakeholder:4, variable:6, component:7,\n"
		"actor:8, conflict:1; a CODE also as code:12 (a bare number is the\n"
		"code number from didat codes) or as the path of a free code (Data/Ownership).\n"
		"A text that starts with - goes after --, which ends the options:\n"
		"  didat add goal 1 -- \"-Reduce dependencies\"\n"
		"Database: --db FILE, else $DIDAT_DB, else $XDG_DATA_HOME/didat/didat.db\n"
		"          (without XDG_DATA_HOME: ~/.local/share/didat/didat.db).\n"
		"Coder:    --coder NAME, else $DIDAT_CODER, else the login name.\n"
		"Exit status: 0 done, 1 usage error, 2 bad data or failed operation.\n"));
}

/* mkdir -p for the folders of PATH. */
static bool make_parents(const char *path)
{
	char *copy = strdup(path);
	if (!copy)
		return false;
	for (char *p = copy + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0700) != 0 && errno != EEXIST) {
			free(copy);
			return false;
		}
		*p = '/';
	}
	free(copy);
	return true;
}

/* The database path: --db, $DIDAT_DB, then the XDG data folder (whose
 * folders are created on first use).  Malloc'd. */
static char *database_path(const char *option)
{
	const char *env = getenv("DIDAT_DB");
	if (option)
		return strdup(option);
	if (env && *env)
		return strdup(env);
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char buf[4096];
	if (xdg && *xdg == '/')
		snprintf(buf, sizeof buf, "%s/didat/didat.db", xdg);
	else
		snprintf(buf, sizeof buf, "%s/.local/share/didat/didat.db", home && *home ? home : ".");
	if (!make_parents(buf))
		return NULL;
	return strdup(buf);
}

static const struct cli_command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int cli_main(int argc, char **argv)
{
	struct cli cli = { 0 };
	const char *db_option = NULL, *coder = NULL;
	int i = 1;

	i18n_init();
	display_init();
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			print_help();
			return EXIT_DONE;
		} else if (strcmp(a, "--version") == 0) {
			printf("didat %s\n", DIDAT_VERSION);
			return EXIT_DONE;
		} else if ((strcmp(a, "--db") == 0 || strcmp(a, "--coder") == 0) && i + 1 < argc) {
			*(a[2] == 'd' ? &db_option : &coder) = argv[++i];
		} else if (strncmp(a, "--db=", 5) == 0) {
			db_option = a + 5;
		} else if (strncmp(a, "--coder=", 8) == 0) {
			coder = a + 8;
		} else if (strcmp(a, "--") == 0) {
			i++;
			break;
		} else {
			return cli_usage(&cli, _("unknown option %s"), a);
		}
	}

	const struct cli_command *command = i < argc ? find_command(argv[i]) : NULL;
	if (i < argc && !command && i + 1 < argc)
		return cli_usage(&cli, _("unknown command \"%s\""), argv[i]);

	char *path = database_path(db_option);
	if (!path)
		return cli_error(&cli, "%s", _("cannot create the database folder"));
	cli.db_path = path;
	cli.command = command ? command->name : NULL;
	enum status rc = db_open(&cli.db, path, DB_READWRITE);
	int status;
	if (rc != STATUS_OK) {
		status = cli_fail(&cli, rc);
	} else {
		if (*db_notice(cli.db))
			cli_note(NULL, "%s", db_notice(cli.db));
		if (coder && *coder)
			db_set_user(cli.db, coder);
		if (command) {
			status = command->run(&cli, argc - i, argv + i);
		} else {
			int64_t session = 0;
			if (i < argc && !cli_session(&cli, argv[i], &session))
				status = EXIT_FAILED;
			else
				status = tui_run(cli.db, session);
		}
	}
	db_close(cli.db);
	free(path);
	return status;
}

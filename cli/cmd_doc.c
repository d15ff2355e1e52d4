/* import-doc, docs, code, codes, import-csv: documents, codes, codings. */
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "exports/doc_import.h"
#include "exports/items_csv.h"
#include "exports/matrix_csv.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"
#include "model/item.h"
#include "util/display.h"
#include "util/i18n.h"

struct doc_args {
	const char *title, *kind, *date, *component, *participants;
};

static int on_doc_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	struct doc_args *a = ctx;
	(void)val;
	const char **slot = strcmp(opt->name, "title") == 0 ? &a->title
		: strcmp(opt->name, "kind") == 0 ? &a->kind
		: strcmp(opt->name, "date") == 0 ? &a->date
		: strcmp(opt->name, "component") == 0 ? &a->component : &a->participants;
	*slot = arg;
	return 0;
}

int cmd_import_doc(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "title", required_argument, NULL, 0 },
		{ "kind", required_argument, NULL, 0 },
		{ "date", required_argument, NULL, 0 },
		{ "component", required_argument, NULL, 0 },
		{ "participants", required_argument, NULL, 0 },
		{ 0, 0, 0, 0 },
	};
	struct doc_args a = { 0 };
	char **ops;
	int n = cli_parse(cli, argc, argv, options, on_doc_option, &a, &ops);
	if (n < 0)
		return EXIT_USAGE;
	if (n < 2)
		return cli_usage(cli, "%s", _("erwartet: didat import-doc SITZUNG DATEI..."));
	if (a.title && n > 2)
		return cli_usage(cli, "%s", _("--title gilt nur für eine einzelne Datei"));
	if (a.kind && !document_kind_valid(a.kind))
		return cli_usage(cli, _("--kind %s: erlaubt sind minutes, paper, draft, other"), a.kind);
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	struct doc_import_options opt = { a.title, a.kind, a.date, a.participants, 0 };
	enum status rc = STATUS_OK;
	if (a.component)
		rc = item_find(cli->db, item_type(ITEM_COMPONENT), session, a.component, &opt.component_id);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);

	/* All files or none: the ids are printed only once all are in. */
	struct doc_import_result *results = calloc((size_t)n, sizeof *results);
	if (!results)
		return cli_error(cli, "%s", _("kein Speicher"));
	rc = db_begin(cli->db);
	for (int i = 1; i < n && rc == STATUS_OK; i++)
		rc = doc_import_file(cli->db, session, ops[i], &opt, &results[i]);
	rc = db_end(cli->db, rc);
	if (rc == STATUS_OK) {
		for (int i = 1; i < n; i++) {
			printf("%" PRId64 "\n", results[i].id);
			cli_note(cli, _("%s: Dokument %" PRId64 ", %" PRId64 " Zeilen"), ops[i], results[i].id,
				results[i].lines);
			/* A UTF-8 file with one stray byte is converted whole: say where,
			 * so that the person can check the text. */
			if (results[i].converted)
				cli_note(cli, _("%s: kein gültiges UTF-8 (zuerst in Zeile %" PRId64 "); als "
					"Windows-1252 gelesen und nach UTF-8 umgewandelt"), ops[i],
					results[i].first_bad_line);
		}
	}
	free(results);
	if (rc != STATUS_OK) {
		cli_fail(cli, rc);
		if (n > 2)
			cli_note(cli, "%s", _("keine der Dateien wurde importiert"));
		return EXIT_FAILED;
	}
	return EXIT_DONE;
}

static const char *kind_label(const char *kind)
{
	return strcmp(kind, "minutes") == 0 ? _("Protokoll")
		: strcmp(kind, "paper") == 0 ? _("Ergänzungspapier")
		: strcmp(kind, "draft") == 0 ? _("Weißbuch-Entwurf") : _("Sonstiges");
}

static int print_doc(void *ctx, const struct document *d, int64_t codings)
{
	(void)ctx;
	printf("%4" PRId64 "  ", d->id);
	display_fputs(stdout, d->title, 36, 36, false);
	printf("  ");
	display_fputs(stdout, kind_label(d->kind), 16, 16, false);
	printf("  %-10.10s  %6" PRId64 " %5" PRId64 "\n", d->date ? d->date : "", d->line_count,
		codings);
	return 0;
}

int cmd_docs(struct cli *cli, int argc, char **argv)
{
	char **ops;
	int n = cli_operands(cli, argc, argv, 1, 1, "didat docs SITZUNG", &ops);
	if (n < 0)
		return EXIT_USAGE;
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	printf("%4s  ", "Nr.");
	display_fputs(stdout, _("Titel"), 36, 36, false);
	printf("  ");
	display_fputs(stdout, _("Art"), 16, 16, false);
	printf("  %-10s  %6s %5s\n", _("Datum"), _("Zeilen"), _("Kod."));
	enum status rc = document_list(cli->db, session, print_doc, NULL);
	return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
}

struct code_args {
	const char *coder, *memo;
};

static int on_code_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	struct code_args *a = ctx;
	(void)val;
	*(strcmp(opt->name, "coder") == 0 ? &a->coder : &a->memo) = arg;
	return 0;
}

/* "12" or "12-15" into FIRST and LAST. */
static bool parse_range(struct cli *cli, const char *text, int64_t *first, int64_t *last)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%s", text);
	char *dash = strchr(buf, '-');
	if (dash)
		*dash = '\0';
	if (!cli_number(cli, _("erste Zeile"), buf, 1, INT64_MAX, first))
		return false;
	if (!dash) {
		*last = *first;
		return true;
	}
	return cli_number(cli, _("letzte Zeile"), dash + 1, 1, INT64_MAX, last);
}

int cmd_code(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "coder", required_argument, NULL, 0 },
		{ "memo", required_argument, NULL, 0 },
		{ 0, 0, 0, 0 },
	};
	struct code_args a = { NULL, NULL };
	char **ops;
	int n = cli_parse(cli, argc, argv, options, on_code_option, &a, &ops);
	if (n < 0)
		return EXIT_USAGE;
	if (n != 4)
		return cli_usage(cli, "%s", _("erwartet: didat code SITZUNG DOK ERSTE[-LETZTE] CODE"));
	int64_t session;
	struct coding c = { .coder = a.coder ? a.coder : db_user(cli->db), .memo = a.memo };
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	c.session_id = session;
	if (!parse_range(cli, ops[2], &c.first_line, &c.last_line))
		return EXIT_FAILED;
	enum status rc = document_find(cli->db, session, ops[1], &c.document_id);
	if (rc == STATUS_OK)
		rc = code_find(cli->db, session, ops[3], &c.code_id);
	if (rc == STATUS_OK)
		rc = coding_create(cli->db, &c);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	printf("%" PRId64 "\n", c.id);
	return EXIT_DONE;
}

static int print_code(void *ctx, const struct code_info *c)
{
	(void)ctx;
	printf("%5" PRId64 "  %-11s  %5" PRId64 "  ", c->id, c->type, c->codings);
	display_fputs(stdout, *c->path ? c->path : c->name, 100, 0, false);
	fputc('\n', stdout);
	return 0;
}

int cmd_codes(struct cli *cli, int argc, char **argv)
{
	char **ops;
	int n = cli_operands(cli, argc, argv, 1, 1, "didat codes SITZUNG", &ops);
	if (n < 0)
		return EXIT_USAGE;
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	printf("%5s  %-11s  %5s  %s\n", "Code", _("Art"), _("Kod."), _("Name"));
	enum status rc = code_list(cli->db, session, print_code, NULL);
	return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
}

int cmd_import_csv(struct cli *cli, int argc, char **argv)
{
	char **ops;
	if (cli_operands(cli, argc, argv, 3, 3, "didat import-csv SITZUNG matrix|" ITEMS_CSV_KINDS
		" DATEI", &ops) < 0)
		return EXIT_USAGE;
	bool items = items_csv_known(ops[1]);
	if (strcmp(ops[1], "matrix") != 0 && !items)
		return cli_usage(cli, _("import-csv kennt \"%s\" nicht (matrix, unseens, goals, measures, "
			"stakeholders, components, codes)"), ops[1]);
	int64_t session, count = 0;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	enum status rc = items ? items_csv_import(cli->db, session, ops[1], ops[2], &count)
		: matrix_csv_import(cli->db, session, ops[2], &count);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	if (items)
		cli_note(cli, _("%s: %" PRId64 " Zeilen importiert"), ops[2], count);
	else
		cli_note(cli, _("%s: %" PRId64 " Zellen bewertet"), ops[2], count);
	return EXIT_DONE;
}

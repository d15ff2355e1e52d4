/* import-doc, docs, doc, code, coding, codes, import-csv: documents, codes,
 * codings. */
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "exports/doc_import.h"
#include "exports/importer.h"
#include "exports/items_csv.h"
#include "exports/matrix_csv.h"
#include "exports/csv_writer.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"
#include "model/item.h"
#include "util/display.h"
#include "util/i18n.h"

/* The metadata options of import-doc and doc (import-doc has no --memo). */
struct doc_args {
	const char *title, *kind, *date, *component, *participants, *memo;
	const char *wrap, *printed;   /* import-doc only */
};

/* Refuses a text option that is not UTF-8, naming it; false after the
 * message. */
static bool doc_options_utf8(struct cli *cli, const struct doc_args *a)
{
	const char *const given[][2] = {
		{ "--title", a->title }, { "--date", a->date }, { "--participants", a->participants },
		{ "--memo", a->memo },
	};
	for (size_t i = 0; i < sizeof given / sizeof given[0]; i++)
		if (db_check_utf8(cli->db, given[i][0], given[i][1]) != STATUS_OK)
			return cli_fail(cli, STATUS_INVALID), false;
	return true;
}

static int on_doc_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	struct doc_args *a = ctx;
	(void)val;
	const char **slot = strcmp(opt->name, "title") == 0 ? &a->title
		: strcmp(opt->name, "kind") == 0 ? &a->kind
		: strcmp(opt->name, "date") == 0 ? &a->date
		: strcmp(opt->name, "component") == 0 ? &a->component
		: strcmp(opt->name, "participants") == 0 ? &a->participants
		: strcmp(opt->name, "wrap") == 0 ? &a->wrap
		: strcmp(opt->name, "printed-numbers") == 0 ? &a->printed : &a->memo;
	*slot = arg;
	return 0;
}

/* The metadata options import-doc and doc share (on_doc_option reads them). */
#define DOC_OPTIONS \
	{ "title", required_argument, NULL, 0 }, \
	{ "kind", required_argument, NULL, 0 }, \
	{ "date", required_argument, NULL, 0 }, \
	{ "component", required_argument, NULL, 0 }, \
	{ "participants", required_argument, NULL, 0 },

int cmd_import_doc(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		DOC_OPTIONS
		{ "wrap", required_argument, NULL, 0 },
		{ "printed-numbers", required_argument, NULL, 0 },
		{ 0, 0, 0, 0 },
	};
	struct doc_args a = { 0 };
	char **ops;
	int n = cli_parse(cli, argc, argv, options, on_doc_option, &a, &ops);
	if (n < 0)
		return EXIT_USAGE;
	if (n < 2)
		return cli_usage(cli, "%s", _("expected: didat import-doc SESSION FILE..."));
	if (a.printed && strcmp(a.printed, "yes") != 0 && strcmp(a.printed, "no") != 0)
		return cli_usage(cli, _("--printed-numbers %s: allowed are yes and no"), a.printed);
	if (a.title && n > 2)
		return cli_usage(cli, "%s", _("--title applies only to a single file"));
	if (a.kind && !document_kind_valid(a.kind))
		return cli_usage(cli, _("--kind %s: allowed are minutes, paper, draft, other"), a.kind);
	int64_t session;
	if (!cli_session(cli, ops[0], &session) || !doc_options_utf8(cli, &a))
		return EXIT_FAILED;
	struct doc_import_options opt = { a.title, a.kind, a.date, a.participants, 0, 0,
		!a.printed ? PRINTED_DETECT : strcmp(a.printed, "yes") == 0 ? PRINTED_YES : PRINTED_NO };
	if (a.wrap && !cli_number(cli, "--wrap", a.wrap, 10, 100000, &opt.wrap))
		return EXIT_FAILED;
	enum status rc = STATUS_OK;
	if (a.component)
		rc = item_find(cli->db, item_type(ITEM_COMPONENT), session, a.component, &opt.component_id);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);

	/* All files or none: the ids are printed only once all are in. */
	struct doc_import_result *results = calloc((size_t)n, sizeof *results);
	if (!results)
		return cli_error(cli, "%s", _("out of memory"));
	rc = doc_import_files(cli->db, session, ops + 1, (size_t)n - 1, &opt, results + 1);
	if (rc == STATUS_OK) {
		for (int i = 1; i < n; i++) {
			printf("%" PRId64 "\n", results[i].id);
			cli_note(cli, P_("%s: document %" PRId64 ", %" PRId64 " line",
				"%s: document %" PRId64 ", %" PRId64 " lines", (unsigned long)results[i].lines),
				ops[i], results[i].id, results[i].lines);
			if (results[i].wrapped)
				cli_note(cli, P_("%s: %" PRId64 " paragraph wider than %" PRId64 " columns "
					"split into lines", "%s: %" PRId64 " paragraphs wider than %" PRId64
					" columns split into lines", (unsigned long)results[i].wrapped), ops[i],
					results[i].wrapped, opt.wrap);
			if (results[i].printed)
				cli_note(cli, "%s: %s", ops[i], _("the lines' printed numbers are kept apart "
					"from their text (--printed-numbers no keeps them in it)"));
			/* A UTF-8 file with one stray byte is converted whole: say where,
			 * so that the person can check the text. */
			if (results[i].converted)
				cli_note(cli, _("%s: not valid UTF-8 (first in line %" PRId64 "); read as "
					"Windows-1252 and converted to UTF-8"), ops[i],
					results[i].first_bad_line);
		}
	}
	free(results);
	return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
}

static int print_doc(void *ctx, const struct document *d, int64_t codings)
{
	(void)ctx;
	printf("%4" PRId64 "  ", d->id);
	display_fputs(stdout, d->title, 36, 36, false);
	printf("  ");
	display_fputs(stdout, document_kind_label(d->kind), 16, 16, false);
	fputs("  ", stdout);
	display_fputs(stdout, d->date ? d->date : "", 10, 10, false);
	printf("  %6" PRId64 " %5" PRId64 "\n", d->line_count, codings);
	return 0;
}

int cmd_docs(struct cli *cli, int argc, char **argv)
{
	char **ops;
	int n = cli_operands(cli, argc, argv, 1, 1, _("didat docs SESSION"), &ops);
	if (n < 0)
		return EXIT_USAGE;
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	printf("%4s  ", _("No."));
	display_fputs(stdout, _("Title"), 36, 36, false);
	printf("  ");
	display_fputs(stdout, _("Kind"), 16, 16, false);
	printf("  %-10s  %6s %5s\n", _("Date"), _("Lines"), _("Cod."));
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

/* TEXT as a line range (coding_parse_lines), or a refusal that says why. */
static bool parse_range(struct cli *cli, const char *text, int64_t *first, int64_t *last)
{
	if (coding_parse_lines(text, first, last))
		return true;
	cli_error(cli, _("Lines “%s”: expected a line or a range such as 12, 12-15 "
		"or 12–15 (lines from 1)"), text);
	return false;
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
		return cli_usage(cli, "%s", _("expected: didat code SESSION DOC FIRST[-LAST] CODE"));
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

static void print_number(const char *label, int64_t value)
{
	char text[32];
	snprintf(text, sizeof text, "%" PRId64, value);
	cli_print_field(label, text);
}

struct coding_args {
	const char *lines, *code, *memo;
	bool delete, force;
};

static int on_coding_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	struct coding_args *a = ctx;
	(void)val;
	if (strcmp(opt->name, "delete") == 0)
		a->delete = true;
	else if (strcmp(opt->name, "force") == 0)
		a->force = true;
	else
		*(strcmp(opt->name, "lines") == 0 ? &a->lines
			: strcmp(opt->name, "code") == 0 ? &a->code : &a->memo) = arg;
	return 0;
}

static int print_code_line(void *ctx, const struct code_info *c)
{
	char text[32];
	(void)ctx;
	display_fputs(stdout, _("Code:"), -1, 14, false);
	snprintf(text, sizeof text, "%" PRId64 " ", c->id);
	fputs(text, stdout);
	display_fputs(stdout, *c->path ? c->path : c->name, -1, 0, false);
	printf(" (%s)\n", c->type);
	return 0;
}

static int print_quote_line(void *ctx, int64_t number, const char *text)
{
	(void)ctx;
	printf("%6" PRId64 "  ", number);
	display_fputs(stdout, text, -1, 0, false);
	fputc('\n', stdout);
	return 0;
}

static enum status print_coding(struct db *db, const struct coding *c)
{
	struct document doc;
	char text[64];
	enum status rc = document_read(db, c->document_id, &doc);
	if (rc != STATUS_OK)
		return rc;
	print_number(_("Coding:"), c->id);
	display_fputs(stdout, _("Document:"), -1, 14, false);
	printf("%" PRId64 " ", doc.id);
	display_fputs(stdout, doc.title, -1, 0, false);
	fputc('\n', stdout);
	document_clear(&doc);
	snprintf(text, sizeof text, "%" PRId64 "–%" PRId64, c->first_line, c->last_line);
	cli_print_field(_("Lines:"), text);
	rc = code_read(db, c->code_id, print_code_line, NULL);
	if (rc != STATUS_OK)
		return rc;
	cli_print_field(_("Coder:"), c->coder);
	cli_print_field(_("Memo:"), c->memo);
	return document_lines(db, c->document_id, c->first_line, c->last_line, print_quote_line, NULL);
}

int cmd_coding(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "lines", required_argument, NULL, 0 },
		{ "code", required_argument, NULL, 0 },
		{ "memo", required_argument, NULL, 0 },
		{ "delete", no_argument, NULL, 0 },
		{ "force", no_argument, NULL, 0 },
		{ 0, 0, 0, 0 },
	};
	struct coding_args a = { NULL, NULL, NULL, false, false };
	char **ops;
	int n = cli_parse(cli, argc, argv, options, on_coding_option, &a, &ops);
	if (n < 0)
		return EXIT_USAGE;
	if (n != 2)
		return cli_usage(cli, "%s", _("expected: didat coding SESSION ID [--lines A-B] [--code C] "
			"[--memo T] [--delete] [--force]"));
	bool edit = a.lines || a.code || a.memo;
	if (a.delete && edit)
		return cli_usage(cli, "%s", _("--delete does not go with --lines, --code, --memo"));
	int64_t session, id;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	if (!cli_number(cli, _("coding"), ops[1], 1, INT64_MAX, &id))
		return EXIT_FAILED;
	struct coding c;
	enum status rc = coding_read(cli->db, id, &c);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	if (c.session_id != session) {
		coding_clear(&c);
		return cli_error(cli, _("there is no coding %" PRId64 " in session %" PRId64), id,
			session);
	}
	int status = EXIT_DONE;
	if ((a.delete || edit) && !a.force && strcmp(c.coder, db_user(cli->db)) != 0)
		status = cli_error(cli, _("coding %" PRId64 " is by %s, not by you (%s); --force changes "
			"another coder's coding"), id, c.coder, db_user(cli->db));
	else if (a.delete)
		rc = coding_delete(cli->db, id);
	else if (!edit)
		rc = print_coding(cli->db, &c);
	else {
		const char *old_memo = c.memo;
		if (a.lines && !parse_range(cli, a.lines, &c.first_line, &c.last_line))
			status = EXIT_FAILED;
		if (status == EXIT_DONE && a.code)
			rc = code_find(cli->db, session, a.code, &c.code_id);
		if (status == EXIT_DONE && rc == STATUS_OK) {
			if (a.memo)
				c.memo = a.memo;
			rc = coding_update(cli->db, &c);
			c.memo = old_memo;
		}
	}
	coding_clear(&c);
	if (status == EXIT_DONE && rc != STATUS_OK)
		status = cli_fail(cli, rc);
	return status;
}

static enum status print_document(struct db *db, const struct document *d)
{
	char text[64];
	int64_t codings = 0;
	enum status rc = document_count_codings(db, d->id, &codings);
	if (rc != STATUS_OK)
		return rc;
	print_number(_("Document:"), d->id);
	cli_print_field(_("Title:"), d->title);
	snprintf(text, sizeof text, "%s (%s)", d->kind, document_kind_label(d->kind));
	cli_print_field(_("Kind:"), text);
	cli_print_field(_("Date:"), d->date);
	if (d->component_id) {
		struct component comp;
		rc = item_read(db, item_type(ITEM_COMPONENT), d->component_id, &comp);
		if (rc != STATUS_OK)
			return rc;
		display_fputs(stdout, _("Component:"), -1, 14, false);
		printf("%" PRId64 " ", comp.number);
		display_fputs(stdout, comp.name, -1, 0, false);
		fputc('\n', stdout);
		item_clear(item_type(ITEM_COMPONENT), &comp);
	} else
		cli_print_field(_("Component:"), NULL);
	cli_print_field(_("Participants:"), d->participants);
	cli_print_field(_("Memo:"), d->memo);
	cli_print_field(_("File:"), d->filename);
	print_number(_("Lines:"), d->line_count);
	print_number(_("Codings:"), codings);
	cli_print_field(_("Imported:"), d->imported);
	return STATUS_OK;
}

/* Sets *SLOT to a copy of VALUE ("" becomes none); false when memory ran out. */
static bool replace_text(char **slot, const char *value)
{
	char *copy = *value ? strdup(value) : NULL;
	if (*value && !copy)
		return false;
	free(*slot);
	*slot = copy;
	return true;
}

/* Applies the options of A to D; returns EXIT_DONE or the exit status
 * after a message naming the option. */
static int apply_doc_options(struct cli *cli, const struct doc_args *a, struct document *d)
{
	if (!doc_options_utf8(cli, a))
		return EXIT_FAILED;
	if (a->title && !*a->title)
		return cli_error(cli, "%s", _("--title: the title must not be empty"));
	if (a->kind && !document_kind_valid(a->kind))
		return cli_error(cli, _("--kind %s: allowed are minutes, paper, draft, other"), a->kind);
	if (a->component) {
		d->component_id = 0;
		/* "-" or "" removes the component */
		if (*a->component && strcmp(a->component, "-") != 0 &&
		    item_find(cli->db, item_type(ITEM_COMPONENT), d->session_id, a->component,
			    &d->component_id) != STATUS_OK)
			return cli_error(cli, "--component %s: %s", a->component, db_error(cli->db));
	}
	bool ok = (!a->title || replace_text(&d->title, a->title)) &&
		(!a->kind || replace_text(&d->kind, a->kind)) &&
		(!a->date || replace_text(&d->date, a->date)) &&
		(!a->participants || replace_text(&d->participants, a->participants)) &&
		(!a->memo || replace_text(&d->memo, a->memo));
	return ok ? EXIT_DONE : cli_error(cli, "%s", _("out of memory"));
}

int cmd_doc(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		DOC_OPTIONS
		{ "memo", required_argument, NULL, 0 },
		{ 0, 0, 0, 0 },
	};
	struct doc_args a = { 0 };
	char **ops;
	int n = cli_parse(cli, argc, argv, options, on_doc_option, &a, &ops);
	if (n < 0)
		return EXIT_USAGE;
	if (n != 2)
		return cli_usage(cli, "%s", _("expected: didat doc SESSION DOC [--title T] [--kind K] "
			"[--date D] [--component N] [--participants P] [--memo M]"));
	int64_t session, id;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	struct document d;
	enum status rc = document_find(cli->db, session, ops[1], &id);
	if (rc == STATUS_OK)
		rc = document_read(cli->db, id, &d);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	unsigned fields = (a.title ? DOC_TITLE : 0) | (a.kind ? DOC_KIND : 0) |
		(a.date ? DOC_DATE : 0) | (a.component ? DOC_COMPONENT : 0) |
		(a.participants ? DOC_PARTICIPANTS : 0) | (a.memo ? DOC_MEMO : 0);
	int status = EXIT_DONE;
	if (!fields)
		rc = print_document(cli->db, &d);
	else if ((status = apply_doc_options(cli, &a, &d)) == EXIT_DONE)
		rc = document_update_fields(cli->db, id, &d, fields);
	document_clear(&d);
	if (status == EXIT_DONE && rc != STATUS_OK)
		status = cli_fail(cli, rc);
	return status;
}

static int print_code(void *ctx, const struct code_info *c)
{
	(void)ctx;
	printf("%5" PRId64 "  %-11s  %5" PRId64 "  ", c->id, c->type, c->codings);
	display_fputs(stdout, *c->path ? c->path : c->name, 100, 0, false);
	fputc('\n', stdout);
	return 0;
}

static int print_count(void *ctx, const struct coding_count *c)
{
	if (*(const enum coding_by *)ctx == CODING_BY_DOCUMENT)
		printf("%5" PRId64 "  ", c->id);
	printf("%5" PRId64 "  ", c->count);
	display_fputs(stdout, c->key, 100, 0, false);
	fputc('\n', stdout);
	return 0;
}

struct codes_args {
	const char *by, *format;
};

static int on_codes_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	struct codes_args *a = ctx;
	(void)val;
	*(strcmp(opt->name, "by") == 0 ? &a->by : &a->format) = arg;
	return 0;
}

/* The columns a coder's count takes: the name's, 5 to 12. */
static int coder_columns(const char *name)
{
	int w = display_width(name);
	return w < 5 ? 5 : w > 12 ? 12 : w;
}

static int print_coder_row(void *ctx, const char *const *coders, size_t ncoders,
	const struct coder_table_row *row)
{
	bool *header = ctx;
	char cut[64];
	if (!*header) {
		printf("%5s  ", _("Code"));
		for (size_t k = 0; k < ncoders; k++) {
			int w = coder_columns(coders[k]);
			display_cut(cut, sizeof cut, coders[k], w);
			printf("%*s%s  ", w - display_width(cut), "", cut);
		}
		printf("%5s  %s\n", _("Total"), _("Name"));
		*header = true;
	}
	if (row->code)
		printf("%5" PRId64 "  ", row->code->id);
	else
		printf("%5s  ", "");
	for (size_t k = 0; k < ncoders; k++)
		printf("%*" PRId64 "  ", coder_columns(coders[k]), row->counts[k]);
	printf("%5" PRId64 "  ", row->total);
	const char *name = !row->code ? _("Total") : *row->code->path ? row->code->path
		: row->code->name;
	display_fputs(stdout, name, 100, 0, false);
	fputc('\n', stdout);
	return ferror(stdout) != 0;
}

struct coder_csv {
	struct csv_writer *w;
	bool header;
	enum status rc;
};

static int csv_coder_row(void *ctx, const char *const *coders, size_t ncoders,
	const struct coder_table_row *row)
{
	struct coder_csv *c = ctx;
	enum status rc = STATUS_OK;
	if (!c->header) {
		static const char *const first[] = { "code_id", "type", "code" };
		for (size_t i = 0; rc == STATUS_OK && i < 3; i++)
			rc = csv_writer_cell(c->w, first[i]);
		for (size_t k = 0; rc == STATUS_OK && k < ncoders; k++)
			rc = csv_writer_cell(c->w, coders[k]);
		if (rc == STATUS_OK)
			rc = csv_writer_cell(c->w, "total");
		if (rc == STATUS_OK)
			rc = csv_writer_end_row(c->w);
		c->header = true;
	}
	if (rc == STATUS_OK)
		rc = row->code ? csv_writer_cell_int(c->w, row->code->id) : csv_writer_cell(c->w, "");
	if (rc == STATUS_OK)
		rc = csv_writer_cell(c->w, row->code ? row->code->type : "");
	if (rc == STATUS_OK)
		rc = csv_writer_cell(c->w, !row->code ? _("Total") : *row->code->path ? row->code->path
			: row->code->name);
	for (size_t k = 0; rc == STATUS_OK && k < ncoders; k++)
		rc = csv_writer_cell_int(c->w, row->counts[k]);
	if (rc == STATUS_OK)
		rc = csv_writer_cell_int(c->w, row->total);
	if (rc == STATUS_OK)
		rc = csv_writer_end_row(c->w);
	c->rc = rc;
	return rc != STATUS_OK;
}

/* codes --by coder: per code the codings of each coder side by side. */
static enum status codes_by_coder(struct db *db, int64_t session, bool csv)
{
	if (!csv) {
		bool header = false;
		return coding_table_by_coder(db, session, print_coder_row, &header);
	}
	FILE *out = cli_text_out();
	if (!out)
		return STATUS_IO;
	struct coder_csv c = { NULL, false, STATUS_OK };
	enum status rc = csv_writer_open(&c.w, out, NULL);
	if (rc == STATUS_OK)
		rc = coding_table_by_coder(db, session, csv_coder_row, &c);
	if (rc == STATUS_OK)
		rc = c.rc;
	enum status closed = csv_writer_close(c.w);
	if (!cli_text_done(out) && closed == STATUS_OK)
		closed = STATUS_IO;
	return rc != STATUS_OK ? rc : closed;
}

int cmd_codes(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "by", required_argument, NULL, 0 },
		{ "format", required_argument, NULL, 0 },
		{ 0, 0, 0, 0 },
	};
	struct codes_args a = { "code", NULL };
	char **ops;
	int n = cli_parse(cli, argc, argv, options, on_codes_option, &a, &ops);
	if (n < 0)
		return EXIT_USAGE;
	if (n != 1)
		return cli_usage(cli, "%s", _("expected: didat codes SESSION [--by code|document|coder] "
			"[--format table|csv]"));
	enum coding_by by = strcmp(a.by, "code") == 0 ? CODING_BY_CODE
		: strcmp(a.by, "document") == 0 ? CODING_BY_DOCUMENT : CODING_BY_CODER;
	if (by == CODING_BY_CODER && strcmp(a.by, "coder") != 0)
		return cli_usage(cli, _("--by %s: allowed are code, document, coder"), a.by);
	bool csv = a.format && strcmp(a.format, "csv") == 0;
	if (a.format && !csv && strcmp(a.format, "table") != 0)
		return cli_usage(cli, _("--format %s: allowed are table and csv"), a.format);
	if (csv && by != CODING_BY_CODER)
		return cli_usage(cli, "%s", _("--format csv goes with --by coder (export codes writes "
			"the codebook)"));
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	enum status rc;
	if (by == CODING_BY_CODE) {
		/* the code table as it always was, with its type column */
		printf("%5s  %-11s  %5s  %s\n", _("Code"), _("Type"), _("Cod."), _("Name"));
		rc = code_list(cli->db, session, print_code, NULL);
	} else if (by == CODING_BY_DOCUMENT) {
		printf("%5s  %5s  %s\n", _("Doc."), _("Cod."), _("Title"));
		rc = coding_frequencies(cli->db, session, by, print_count, &by);
	} else
		rc = codes_by_coder(cli->db, session, csv);
	if (rc == STATUS_IO)
		return cli_error(cli, "%s", _("write error"));
	return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
}

int cmd_import_csv(struct cli *cli, int argc, char **argv)
{
	char **ops, names[256], usage[320];
	importer_names(names, sizeof names, "|");
	snprintf(usage, sizeof usage, _("didat import-csv SESSION %s FILE"), names);
	if (cli_operands(cli, argc, argv, 3, 3, usage, &ops) < 0)
		return EXIT_USAGE;
	const struct importer *im = importer_find(ops[1]);
	if (!im)
		return cli_usage(cli, _("import-csv does not know \"%s\" (%s)"), ops[1],
			importer_names(names, sizeof names, ", "));
	int64_t session, count = 0;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	enum status rc = im->read(im, cli->db, session, ops[2], &count);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	cli_note(cli, importer_done(im, count), ops[2], (long long)count);
	return EXIT_DONE;
}

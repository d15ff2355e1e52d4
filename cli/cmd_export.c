/* export, agree and analyse: what leaves didat as files or figures. */
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exports/csv_writer.h"
#include "exports/dot.h"
#include "exports/exporter.h"
#include "exports/refi.h"
#include "model/analysis.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"
#include "model/hinge.h"
#include "model/impact.h"
#include "util/display.h"
#include "util/i18n.h"

struct export_args {
	struct cli *cli;
	const char *output, *svg, *png, *component, *type, *coder, *document, *format, *power;
	const char *chapter;
	struct csv_options csv;
	bool bad;
};

static int on_export_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	struct export_args *a = ctx;
	const char *name = val == 'o' ? "output" : opt->name;
	if (strcmp(name, "sep") == 0) {
		if (strcmp(arg, ",") != 0 && strcmp(arg, ";") != 0 && strcmp(arg, "\\t") != 0 &&
		    strcmp(arg, "\t") != 0) {
			a->bad = true;
			return cli_usage(a->cli, _("--sep %s: allowed are ',' and ';' (and '\\t')"), arg);
		}
		a->csv.sep = arg[0] == '\\' ? '\t' : arg[0];
		return 0;
	}
	if (strcmp(name, "bom") == 0 || strcmp(name, "raw") == 0) {
		*(name[0] == 'b' ? &a->csv.bom : &a->csv.raw) = true;
		return 0;
	}
	const char **slot = strcmp(name, "output") == 0 ? &a->output
		: strcmp(name, "svg") == 0 ? &a->svg
		: strcmp(name, "png") == 0 ? &a->png
		: strcmp(name, "component") == 0 ? &a->component
		: strcmp(name, "type") == 0 ? &a->type
		: strcmp(name, "coder") == 0 ? &a->coder
		: strcmp(name, "document") == 0 ? &a->document
		: strcmp(name, "format") == 0 ? &a->format
		: strcmp(name, "chapter") == 0 ? &a->chapter : &a->power;
	*slot = arg;
	return 0;
}

static const struct option export_options[] = {
	{ "output", required_argument, NULL, 0 },
	{ "sep", required_argument, NULL, 0 },
	{ "bom", no_argument, NULL, 0 },
	{ "raw", no_argument, NULL, 0 },
	{ "svg", required_argument, NULL, 0 },
	{ "png", required_argument, NULL, 0 },
	{ "component", required_argument, NULL, 0 },
	{ "type", required_argument, NULL, 0 },
	{ "coder", required_argument, NULL, 0 },
	{ "document", required_argument, NULL, 0 },
	{ "format", required_argument, NULL, 0 },
	{ "power", required_argument, NULL, 0 },
	{ "chapter", required_argument, NULL, 0 },
	{ 0, 0, 0, 0 },
};

/* Returns EXIT_DONE, or the exit status after a message. */
static int hinge_filter_from(struct export_args *a, int64_t session, struct hinge_filter *f)
{
	memset(f, 0, sizeof *f);
	if (a->component && !cli_number(a->cli, "--component", a->component, 1, 999, &f->component))
		return EXIT_FAILED;
	if (a->type) {
		if (!code_type_known(a->type)) {
			char types[128] = "";
			for (size_t i = 0, len = 0; code_type_at(i) && len < sizeof types; i++)
				len += (size_t)snprintf(types + len, sizeof types - len, "%s%s", i ? ", " : "",
					code_type_at(i));
			return cli_usage(a->cli, _("--type %s: allowed are %s"), a->type, types);
		}
		f->type = a->type;
	}
	f->coder = a->coder;
	if (a->document) {
		enum status rc = document_find(a->cli->db, session, a->document, &f->document_id);
		if (rc != STATUS_OK)
			return cli_fail(a->cli, rc);
	}
	return EXIT_DONE;
}

/* Runs E into standard output (made safe for a terminal). */
static enum status write_to_stdout(const struct exporter *e, const struct export_request *r)
{
	FILE *out = cli_text_out();
	if (!out)
		return STATUS_IO;
	enum status rc = e->write(e, r, out);
	if (!cli_text_done(out) && rc == STATUS_OK)
		rc = STATUS_IO;
	return rc;
}

/* Runs E into the output of A; a failure leaves no file behind. */
static int write_export(struct export_args *a, const struct exporter *e, int64_t session,
	int64_t document, const struct agree_options *agree)
{
	struct cli *cli = a->cli;
	bool to_stdout = !a->output || strcmp(a->output, "-") == 0;
	struct export_request r = { .db = cli->db, .session = session, .csv = a->csv,
		.document = document, .agree = agree, .path = to_stdout ? NULL : a->output };
	if (e->flags & EXPORT_FILTERS) {
		int status = hinge_filter_from(a, session, &r.filter);
		if (status != EXIT_DONE)
			return status;
		/* the draft is checked before any file is opened */
		enum status rc = STATUS_OK;
		if (a->chapter)
			rc = document_find(cli->db, session, a->chapter, &r.chapter);
		if (rc == STATUS_OK && r.chapter)
			rc = hinge_chapter_check(cli->db, session, r.chapter);
		if (rc != STATUS_OK)
			return cli_fail(cli, rc);
	}
	if (to_stdout) {
		if ((e->flags & EXPORT_BINARY) && isatty(STDOUT_FILENO))
			return cli_error(cli, _("export %s is a zip, not text for the terminal: give -o FILE "
				"(or redirect standard output)"), e->name);
		enum status rc = write_to_stdout(e, &r);
		if (!cli_stdout_done(cli, true))
			return EXIT_FAILED;
		if (rc == STATUS_IO)
			return cli_error(cli, "%s", _("write error"));
		return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
	}
	struct atomic_file file;
	enum status rc = export_to_path(e, &r, a->output, &file);
	if (rc != STATUS_OK && file.stage != ATOMIC_OK) {
		char why[PATH_MAX + 128];
		return cli_error(cli, "%s", atomic_failure(&file, a->output, why, sizeof why));
	}
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	cli_note(cli, _("written: %s"), a->output);
	return EXIT_DONE;
}

int cmd_export(struct cli *cli, int argc, char **argv)
{
	struct export_args a = { .cli = cli };
	char **ops;
	int n = cli_parse(cli, argc, argv, export_options, on_export_option, &a, &ops);
	if (n < 0 || a.bad)
		return EXIT_USAGE;
	char names[256];
	const struct exporter *e = n >= 1 ? exporter_find(ops[0]) : NULL;
	if (n >= 1 && !e)
		return cli_usage(cli, _("unknown export \"%s\" (%s)"), ops[0],
			exporter_names(names, sizeof names, ", "));
	if (e && (e->flags & EXPORT_DOCUMENT) && n != 3)
		return cli_usage(cli, _("expected: didat export %s SESSION DOC"), e->name);
	if (n != 2 && !(e && (e->flags & EXPORT_DOCUMENT)))
		return cli_usage(cli, _("expected: didat export %s SESSION"),
			exporter_names(names, sizeof names, "|"));
	if ((a.svg || a.png) && !(e->flags & EXPORT_PICTURE))
		return cli_usage(cli, "%s", _("--svg and --png apply only to export dot"));
	if (a.chapter && !(e->flags & EXPORT_FILTERS))
		return cli_usage(cli, "%s", _("--chapter applies only to export hinge"));
	if (!exporter_takes_path(e, a.output))
		return cli_usage(cli, _("%s: export %s writes a file ending in %s"), a.output, e->name,
			exporter_endings(e));
	int64_t session;
	if (!cli_session(cli, ops[1], &session))
		return EXIT_FAILED;
	int64_t document = 0;
	if (e->flags & EXPORT_DOCUMENT) {
		enum status rc = document_find(cli->db, session, ops[2], &document);
		if (rc != STATUS_OK)
			return cli_fail(cli, rc);
	}
	if (a.svg || a.png) {
		enum status rc = dot_render(cli->db, session, a.svg ? "svg" : "png", a.svg ? a.svg : a.png);
		if (rc != STATUS_OK)
			return cli_fail(cli, rc);
		cli_note(cli, _("written: %s"), a.svg ? a.svg : a.png);
		if (!a.output)
			return EXIT_DONE;
	}
	return write_export(&a, e, session, document, NULL);
}

/* agree's options: those of export, and the lists it compares. */
struct agree_args {
	struct export_args e;
	const char *coders, *domain;
	const char **codes, **documents;   /* room for argc each */
	size_t ncodes, ndocuments;
};

static int on_agree_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	struct agree_args *a = ctx;
	if (val == 0 && strcmp(opt->name, "coders") == 0)
		a->coders = arg;
	else if (val == 0 && strcmp(opt->name, "domain") == 0)
		a->domain = arg;
	else if (val == 0 && strcmp(opt->name, "code") == 0)
		a->codes[a->ncodes++] = arg;
	else if (val == 0 && strcmp(opt->name, "document") == 0)
		a->documents[a->ndocuments++] = arg;
	else
		return on_export_option(&a->e, opt, val, arg);
	return 0;
}

/* Splits LIST ("Anna, Ben") at its commas into NAMES (room for as many
 * as LIST has characters), spaces around each name trimmed; false after
 * a message when a name is empty. */
static bool split_coders(struct cli *cli, char *list, const char **names, size_t *n)
{
	*n = 0;
	for (char *name = list, *next; name; name = next) {
		next = strchr(name, ',');
		if (next)
			*next++ = '\0';
		while (*name == ' ')
			name++;
		for (char *end = name + strlen(name); end > name && end[-1] == ' '; )
			*--end = '\0';
		if (!*name) {
			cli_usage(cli, "%s", _("--coders: expected names separated by commas"));
			return false;
		}
		names[(*n)++] = name;
	}
	return true;
}

/* Finds the codes, documents and domain of A in SESSION into O (whose
 * arrays have room for them); the exit status after a message, or
 * EXIT_DONE. */
static int agree_options_from(struct agree_args *a, int64_t session, struct agree_options *o,
	int64_t *codes, int64_t *documents)
{
	struct cli *cli = a->e.cli;
	enum status rc = STATUS_OK;
	const char *key = NULL;
	for (size_t i = 0; rc == STATUS_OK && i < a->ncodes; i++)
		rc = code_find(cli->db, session, key = a->codes[i], &codes[i]);
	for (size_t i = 0; rc == STATUS_OK && i < a->ndocuments; i++)
		rc = document_find(cli->db, session, key = a->documents[i], &documents[i]);
	if (rc == STATUS_OK && a->domain)
		rc = code_find(cli->db, session, key = a->domain, &o->domain);
	if (rc != STATUS_OK)
		return cli_error(cli, "%s: %s", key, db_error(cli->db));
	o->codes = codes;
	o->ncodes = a->ncodes;
	o->documents = documents;
	o->ndocuments = a->ndocuments;
	return EXIT_DONE;
}

static int run_agree(struct agree_args *a, char **ops)
{
	struct cli *cli = a->e.cli;
	bool csv = a->e.format && strcmp(a->e.format, "csv") == 0;
	if (a->e.format && !csv && strcmp(a->e.format, "table") != 0)
		return cli_usage(cli, _("--format %s: allowed are table and csv"), a->e.format);
	if (a->domain && a->ncodes)
		return cli_usage(cli, "%s", _("--code does not go with --domain: a domain's values are "
			"its child codes"));
	size_t room = a->coders ? strlen(a->coders) + 1 : 1;
	char *list = a->coders ? strdup(a->coders) : NULL;
	const char **names = calloc(room, sizeof *names);
	int64_t *codes = calloc(a->ncodes + 1, sizeof *codes);
	int64_t *documents = calloc(a->ndocuments + 1, sizeof *documents);
	struct agree_options o = { 0 };
	int64_t session;
	int status = EXIT_DONE;
	if (!names || !codes || !documents || (a->coders && !list))
		status = cli_error(cli, "%s", _("out of memory"));
	else if (list && !split_coders(cli, list, names, &o.ncoders))
		status = EXIT_USAGE;
	else if (!cli_session(cli, ops[0], &session))
		status = EXIT_FAILED;
	else
		status = agree_options_from(a, session, &o, codes, documents);
	if (status == EXIT_DONE) {
		o.coders = names;
		a->e.output = a->e.output ? a->e.output : "-";
		status = write_export(&a->e, exporter_find(csv ? "agreement" : "agreement-table"),
			session, 0, &o);
	}
	free(documents);
	free(codes);
	free(names);
	free(list);
	return status;
}

int cmd_agree(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "coders", required_argument, NULL, 0 },
		{ "code", required_argument, NULL, 0 },
		{ "document", required_argument, NULL, 0 },
		{ "domain", required_argument, NULL, 0 },
		{ "format", required_argument, NULL, 0 },
		{ "output", required_argument, NULL, 0 },
		{ "sep", required_argument, NULL, 0 },
		{ "bom", no_argument, NULL, 0 },
		{ "raw", no_argument, NULL, 0 },
		{ 0, 0, 0, 0 },
	};
	struct agree_args a = { .e = { .cli = cli } };
	a.codes = calloc((size_t)argc, sizeof *a.codes);
	a.documents = calloc((size_t)argc, sizeof *a.documents);
	char **ops;
	int status;
	if (!a.codes || !a.documents)
		status = cli_error(cli, "%s", _("out of memory"));
	else {
		int n = cli_parse(cli, argc, argv, options, on_agree_option, &a, &ops);
		if (n < 0 || a.e.bad)
			status = EXIT_USAGE;
		else if (n != 1)
			status = cli_usage(cli, "%s", _("expected: didat agree SESSION [--coders A,B,...] "
				"[--code C]... [--document DOC]... [--domain PARENT] [--format table|csv] "
				"[-o FILE]"));
		else
			status = run_agree(&a, ops);
	}
	free(a.codes);
	free(a.documents);
	return status;
}

/* What an import of PATH did, on standard error; the session's id on
 * standard output when it is new. */
static void import_said(struct cli *cli, const char *path, const struct refi_import_result *r,
	bool new_session)
{
	char said[1200];
	if (new_session)
		printf("%" PRId64 "\n", r->session_id);
	cli_note(cli, "%s", refi_import_said(r, path, said, sizeof said));
}

static int on_session_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	(void)opt;
	(void)val;
	*(const char **)ctx = arg;
	return 0;
}

int cmd_import(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "session", required_argument, NULL, 0 },
		{ 0, 0, 0, 0 },
	};
	const char *into = NULL;
	char **ops;
	int n = cli_parse(cli, argc, argv, options, on_session_option, &into, &ops);
	if (n < 0)
		return EXIT_USAGE;
	bool qdc = n >= 1 && strcmp(ops[0], "qdc") == 0, qdpx = n >= 1 && strcmp(ops[0], "qdpx") == 0;
	if (!(qdc && n == 3 && !into) && !(qdpx && n == 2))
		return cli_usage(cli, "%s", _("expected: didat import qdc SESSION FILE, or didat import "
			"qdpx FILE [--session SESSION]"));
	int64_t session = 0;
	if ((qdc || into) && !cli_session(cli, qdc ? ops[1] : into, &session))
		return EXIT_FAILED;
	const char *path = ops[n - 1];
	struct refi_import_result r;
	enum status rc = qdc ? refi_import_qdc(cli->db, session, path, &r)
		: refi_import_qdpx(cli->db, session, path, NULL, NULL, &r);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	import_said(cli, path, &r, session == 0);
	return EXIT_DONE;
}

static void print_analysis_table(const struct impact_matrix *m, const struct analysis_result *r)
{
	printf("%5s  ", "id");
	display_fputs(stdout, _("Variable"), 28, 28, false);
	printf(" %5s %5s %6s %7s  %-9s %10s %10s  %-9s %s\n", "AS", "PS", "P", "Q", _("Role"),
		_("Influence"), _("Dependence"), _("indirect"), _("changed"));
	for (size_t i = 0; i < m->n; i++) {
		const struct analysis_variable *v = &r->vars[i];
		char q[16];
		if (v->q_infinite)
			snprintf(q, sizeof q, "∞");
		else
			snprintf(q, sizeof q, "%.2f", v->q);
		printf("%5" PRId64 "  ", m->ids[i]);
		display_fputs(stdout, m->names[i], 28, 28, false);
		printf(" %5ld %5ld %6ld %*s  %-9s %10.4f %10.4f  %-9s %s\n", v->as, v->ps, v->p,
			v->q_infinite ? 9 : 7, q, analysis_role_label(v->role), v->influence, v->dependence,
			analysis_role_label(v->indirect_role), v->role_changed ? _("yes") : "");
	}
}

static enum status write_analysis_csv(const struct impact_matrix *m,
	const struct analysis_result *r)
{
	FILE *out = cli_text_out();
	if (!out)
		return STATUS_IO;
	static const char *const columns[] = { "id", "variable", "as", "ps", "p", "q", "role",
		"influence", "dependence", "indirect_role", "role_changed" };
	struct csv_writer *w;
	enum status rc = csv_writer_open(&w, out, NULL);
	for (size_t i = 0; i < sizeof columns / sizeof columns[0] && rc == STATUS_OK; i++)
		rc = csv_writer_cell(w, columns[i]);
	if (rc == STATUS_OK)
		rc = csv_writer_end_row(w);
	for (size_t i = 0; i < m->n && rc == STATUS_OK; i++) {
		const struct analysis_variable *v = &r->vars[i];
		char num[3][32];
		snprintf(num[0], sizeof num[0], "%.6f", v->q);
		snprintf(num[1], sizeof num[1], "%.6f", v->influence);
		snprintf(num[2], sizeof num[2], "%.6f", v->dependence);
		rc = csv_writer_cell_int(w, m->ids[i]);
		if (rc == STATUS_OK) rc = csv_writer_cell(w, m->names[i]);
		if (rc == STATUS_OK) rc = csv_writer_cell_int(w, v->as);
		if (rc == STATUS_OK) rc = csv_writer_cell_int(w, v->ps);
		if (rc == STATUS_OK) rc = csv_writer_cell_int(w, v->p);
		if (rc == STATUS_OK) rc = csv_writer_cell(w, v->q_infinite ? "inf" : num[0]);
		if (rc == STATUS_OK) rc = csv_writer_cell(w, analysis_role_name(v->role));
		if (rc == STATUS_OK) rc = csv_writer_cell(w, num[1]);
		if (rc == STATUS_OK) rc = csv_writer_cell(w, num[2]);
		if (rc == STATUS_OK) rc = csv_writer_cell(w, analysis_role_name(v->indirect_role));
		if (rc == STATUS_OK) rc = csv_writer_cell(w, v->role_changed ? "yes" : "no");
		if (rc == STATUS_OK) rc = csv_writer_end_row(w);
	}
	enum status closed = csv_writer_close(w);
	if (!cli_text_done(out) && closed == STATUS_OK)
		closed = STATUS_IO;
	return rc != STATUS_OK ? rc : closed;
}

/* The line after the table: power, whether the rankings settled, and the
 * unrated cells.  It never claims a stability the run did not reach. */
static void print_analysis_summary(FILE *out, const struct analysis_result *r)
{
	if (r->became_zero)
		fprintf(out, _("Power %d: the matrix has no cycle and becomes zero at power %d; "
			"the last power that is not zero is evaluated"), r->power, r->power + 1);
	else if (r->settled)
		fprintf(out, _("Power %d: the rankings are stable (the same as at power %d)"),
			r->power, r->power - 1);
	else
		fprintf(out, _("Power %d: the rankings did NOT become stable; stopped at "
			"power %d"), r->power, r->power);
	fprintf(out, _("; unrated cells: %zu\n"), r->unrated);
}

int cmd_analyse(struct cli *cli, int argc, char **argv)
{
	struct export_args a = { .cli = cli };
	char **ops;
	int n = cli_parse(cli, argc, argv, export_options, on_export_option, &a, &ops);
	if (n < 0 || a.bad)
		return EXIT_USAGE;
	if (n != 1)
		return cli_usage(cli, "%s", _("expected: didat analyse SESSION [--power K] [--format table|csv]"));
	bool csv = a.format && strcmp(a.format, "csv") == 0;
	if (a.format && !csv && strcmp(a.format, "table") != 0)
		return cli_usage(cli, _("--format %s: allowed are table and csv"), a.format);
	struct analysis_options opt = { 0, 0 };
	int64_t power = 0;
	if (a.power && !cli_number(cli, "--power", a.power, 1, ANALYSIS_POWER_LIMIT, &power))
		return EXIT_FAILED;
	opt.fixed_power = (int)power;
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	struct impact_matrix m;
	struct analysis_result r;
	enum status rc = impact_matrix_load(cli->db, session, &m);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	rc = analysis_run(m.cells, m.n, &opt, &r);
	if (rc != STATUS_OK) {
		impact_matrix_free(&m);
		return cli_error(cli, "%s", status_text(rc));
	}
	if (csv) {
		rc = write_analysis_csv(&m, &r);
		print_analysis_summary(stderr, &r);
	} else {
		print_analysis_table(&m, &r);
		print_analysis_summary(stdout, &r);
	}
	analysis_free(&r);
	impact_matrix_free(&m);
	return rc == STATUS_OK ? EXIT_DONE : cli_error(cli, "%s", _("write error"));
}

/* The agreement table and CSV: see agreement_out.h. */
#include "exports/agreement_out.h"

#include <inttypes.h>
#include <string.h>

#include "util/display.h"
#include "util/i18n.h"

#define CODE_COLUMNS 32
#define MAX_REASONS 8

struct table {
	FILE *out;
	bool started, domain;
	/* the reasons of undefined figures, numbered in the order met */
	const char *reason[MAX_REASONS];
	size_t nreasons;
};

static const char *const superscript[MAX_REASONS] = { "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸" };

static size_t reason_number(struct table *t, const char *why)
{
	for (size_t i = 0; i < t->nreasons; i++)
		if (t->reason[i] == why)
			return i;
	if (t->nreasons < MAX_REASONS)
		t->reason[t->nreasons++] = why;
	return t->nreasons - 1;
}

/* A figure right-aligned in WIDTH columns. */
static void put_figure(struct table *t, struct agree_figure f, int width)
{
	char text[48];
	if (f.state == AGREE_VALUE)
		i18n_decimals(text, sizeof text, f.value, 4);
	else if (f.state == AGREE_NOT_APPLICABLE)
		snprintf(text, sizeof text, "–");
	else
		snprintf(text, sizeof text, "%s%s", _("undef."), superscript[reason_number(t, f.why)]);
	fprintf(t->out, "%*s", width - display_width(text), "");
	fputs(text, t->out);
}

/* TEXT right-aligned in WIDTH columns, after two spaces. */
static void put_heading(FILE *out, const char *text, int width)
{
	fprintf(out, "  %*s%s", width - display_width(text), "", text);
}

static bool two_coders_binary(const struct agree_row *row)
{
	return row->ncoders == 2 && row->tally->values == 2;
}

static const char *kappa_heading(const struct agree_row *row)
{
	return row->ncoders == 2 ? _("Cohen κ") : _("Fleiss κ");
}

static void table_start(struct table *t, const struct agree_row *row)
{
	fputs(_("Coders:"), t->out);
	for (size_t k = 0; k < row->ncoders; k++) {
		fputs(k ? ", " : " ", t->out);
		if (row->ncoders == 2)
			fprintf(t->out, "%c = ", k ? 'B' : 'A');
		display_fputs(t->out, row->coders[k], 60, 0, false);
	}
	fputc('\n', t->out);
	fprintf(t->out, P_("%" PRId64 " document compared, %" PRId64 " lines", "%" PRId64 " documents "
		"compared, %" PRId64 " lines", row->documents), row->documents, row->tally->units);
	fputs("\n\n", t->out);
	display_fputs(t->out, t->domain ? _("Domain") : _("Code"), CODE_COLUMNS, CODE_COLUMNS, false);
	put_heading(t->out, _("Lines"), 7);
	if (t->domain)
		put_heading(t->out, _("Pairable"), 8);
	put_heading(t->out, _("Agreement"), 10);
	put_heading(t->out, kappa_heading(row), 8);
	put_heading(t->out, _("Kripp. α"), 8);
	if (two_coders_binary(row)) {
		put_heading(t->out, _("both"), 7);
		put_heading(t->out, _("A only"), 7);
		put_heading(t->out, _("B only"), 7);
		put_heading(t->out, _("neither"), 7);
	}
	fputc('\n', t->out);
	t->started = true;
}

static struct agree_figure kappa(const struct agree_row *row)
{
	return row->ncoders == 2 ? agree_cohen(row->tally) : agree_fleiss(row->tally);
}

static int table_row(void *ctx, const struct agree_row *row)
{
	struct table *t = ctx;
	t->domain = row->tally->values != 2 || t->domain;
	if (!t->started)
		table_start(t, row);
	const struct agree_tally *y = row->tally;
	display_fputs(t->out, row->code_id ? row->code : _("All codes"), CODE_COLUMNS, CODE_COLUMNS,
		false);
	fprintf(t->out, "  %7" PRId64, y->units);
	if (t->domain)
		fprintf(t->out, "  %8" PRId64, y->pairable);
	fputs("  ", t->out);
	put_figure(t, agree_percent(y), 10);
	fputs("  ", t->out);
	put_figure(t, kappa(row), 8);
	fputs("  ", t->out);
	put_figure(t, agree_alpha(y), 8);
	if (two_coders_binary(row))
		fprintf(t->out, "  %7" PRId64 "  %7" PRId64 "  %7" PRId64 "  %7" PRId64,
			agree_cross(y, 1, 1), agree_cross(y, 1, 0), agree_cross(y, 0, 1),
			agree_cross(y, 0, 0));
	fputc('\n', t->out);
	return ferror(t->out) != 0;
}

enum status agreement_write_table(struct db *db, int64_t session, const struct agree_options *o,
	FILE *out)
{
	struct table t = { .out = out, .domain = o->domain != 0 };
	enum status rc = agree_run(db, session, o, table_row, &t);
	if (rc != STATUS_OK)
		return rc;
	if (t.nreasons)
		fputc('\n', out);
	for (size_t i = 0; i < t.nreasons; i++)
		fprintf(out, "%s %s\n", superscript[i], _(t.reason[i]));
	return ferror(out) ? STATUS_IO : STATUS_OK;
}

struct csv {
	struct csv_writer *w;
	char notes[512];
	enum status rc;
};

/* A figure's cell: the value, or empty with its reason added to the notes. */
static enum status figure_cell(struct csv *c, const char *name, struct agree_figure f)
{
	if (f.state == AGREE_VALUE)
		return csv_writer_cell_double(c->w, f.value, 6);
	if (f.state == AGREE_UNDEFINED) {
		size_t used = strlen(c->notes);
		snprintf(c->notes + used, sizeof c->notes - used, "%s%s: %s", used ? "; " : "", name,
			_(f.why));
	}
	return csv_writer_cell(c->w, "");
}

static enum status count_cell(struct csv *c, const struct agree_row *row, int a, int b)
{
	if (!two_coders_binary(row))
		return csv_writer_cell(c->w, "");
	return csv_writer_cell_int(c->w, agree_cross(row->tally, a, b));
}

static int csv_row(void *ctx, const struct agree_row *row)
{
	struct csv *c = ctx;
	const struct agree_tally *y = row->tally;
	char coders[512] = "";
	for (size_t k = 0; k < row->ncoders; k++) {
		size_t used = strlen(coders);
		snprintf(coders + used, sizeof coders - used, "%s%s", k ? ", " : "", row->coders[k]);
	}
	c->notes[0] = '\0';
	enum status rc = row->code_id ? csv_writer_cell_int(c->w, row->code_id)
		: csv_writer_cell(c->w, "");
	if (rc == STATUS_OK)
		rc = csv_writer_cell(c->w, row->code_id ? row->code : _("All codes"));
	if (rc == STATUS_OK)
		rc = csv_writer_cell(c->w, coders);
	if (rc == STATUS_OK)
		rc = csv_writer_cell_int(c->w, row->documents);
	if (rc == STATUS_OK)
		rc = csv_writer_cell_int(c->w, y->units);
	if (rc == STATUS_OK)
		rc = csv_writer_cell_int(c->w, y->pairable);
	if (rc == STATUS_OK)
		rc = figure_cell(c, "percent_agreement", agree_percent(y));
	if (rc == STATUS_OK)
		rc = figure_cell(c, "cohen_kappa", agree_cohen(y));
	if (rc == STATUS_OK)
		rc = figure_cell(c, "fleiss_kappa", agree_fleiss(y));
	if (rc == STATUS_OK)
		rc = figure_cell(c, "krippendorff_alpha", agree_alpha(y));
	if (rc == STATUS_OK)
		rc = count_cell(c, row, 1, 1);
	if (rc == STATUS_OK)
		rc = count_cell(c, row, 1, 0);
	if (rc == STATUS_OK)
		rc = count_cell(c, row, 0, 1);
	if (rc == STATUS_OK)
		rc = count_cell(c, row, 0, 0);
	if (rc == STATUS_OK)
		rc = csv_writer_cell(c->w, c->notes);
	if (rc == STATUS_OK)
		rc = csv_writer_end_row(c->w);
	c->rc = rc;
	return rc != STATUS_OK;
}

static const char *const csv_columns[] = {
	"code_id", "code", "coders", "documents", "units", "pairable_units", "percent_agreement",
	"cohen_kappa", "fleiss_kappa", "krippendorff_alpha", "both", "only_first", "only_second",
	"neither", "notes",
};

enum status agreement_write_csv(struct db *db, int64_t session, const struct agree_options *o,
	FILE *out, const struct csv_options *options)
{
	struct csv c = { .rc = STATUS_OK };
	enum status rc = csv_writer_open(&c.w, out, options);
	if (rc != STATUS_OK)
		return rc;
	for (size_t i = 0; rc == STATUS_OK && i < sizeof csv_columns / sizeof *csv_columns; i++)
		rc = csv_writer_cell(c.w, csv_columns[i]);
	if (rc == STATUS_OK)
		rc = csv_writer_end_row(c.w);
	if (rc == STATUS_OK)
		rc = agree_run(db, session, o, csv_row, &c);
	if (rc == STATUS_OK)
		rc = c.rc;
	enum status closed = csv_writer_close(c.w);
	return rc != STATUS_OK ? rc : closed;
}

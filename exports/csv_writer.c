#include "exports/csv_writer.h"

#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct csv_writer {
	FILE *out;
	char sep;
	bool raw;
	size_t ncells;	/* cells written in the current row */
	bool last_empty;	/* the last cell written was empty */
	char *scratch;	/* a guarded cell that needs quoting */
	size_t scratch_cap;
};

static enum status writer_status(const struct csv_writer *w)
{
	return ferror(w->out) ? STATUS_IO : STATUS_OK;
}

enum status csv_writer_open(struct csv_writer **w, FILE *out,
	const struct csv_options *opt)
{
	*w = NULL;
	char sep = opt != NULL && opt->sep != 0 ? opt->sep : ',';
	if (sep != ',' && sep != ';' && sep != '\t')
		return STATUS_INVALID;
	struct csv_writer *cw = calloc(1, sizeof *cw);
	if (cw == NULL)
		return STATUS_NOMEM;
	cw->out = out;
	cw->sep = sep;
	cw->raw = opt != NULL && opt->raw;
	if (opt != NULL && opt->bom && fwrite("\xEF\xBB\xBF", 1, 3, out) != 3) {
		free(cw);
		return STATUS_IO;
	}
	*w = cw;
	return STATUS_OK;
}

/* Characters that let a spreadsheet take a cell for a formula (OWASP
 * "CSV injection"); tab and CR because some strip them first. */
static bool is_formula_start(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t'
		|| c == '\r';
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Whether the cell text, written after prefix (0 for none), must be
 * quoted to survive a reader. */
static bool needs_quotes(const struct csv_writer *w, char prefix,
	const char *text, size_t len)
{
	if (len == 0)
		return false;
	if ((prefix == 0 && is_blank(text[0])) || is_blank(text[len - 1]))
		return true;
	for (size_t i = 0; i < len; i++) {
		char c = text[i];
		if (c == w->sep || c == '"' || c == '\r' || c == '\n')
			return true;
	}
	return false;
}

/* Writes the separator before every cell but the first of a row. */
static enum status begin_cell(struct csv_writer *w)
{
	if (w->ncells++ > 0 && fputc(w->sep, w->out) == EOF)
		return STATUS_IO;
	return STATUS_OK;
}

enum status csv_writer_cell(struct csv_writer *w, const char *text)
{
	enum status st = begin_cell(w);
	if (st != STATUS_OK)
		return st;
	if (text == NULL)
		text = "";
	size_t len = strlen(text);
	w->last_empty = len == 0;
	if (len == 0)
		return writer_status(w);

	char prefix = !w->raw && is_formula_start(text[0]) ? '\'' : 0;
	if (!needs_quotes(w, prefix, text, len)) {
		if (prefix != 0 && fputc(prefix, w->out) == EOF)
			return STATUS_IO;
		if (fwrite(text, 1, len, w->out) != len)
			return STATUS_IO;
		return writer_status(w);
	}

	const char *cell = text;
	if (prefix != 0) {
		/* libcsv quotes one buffer, so the prefix must join the text. */
		if (len > SIZE_MAX - 2)
			return STATUS_NOMEM;
		if (w->scratch_cap < len + 1) {
			char *p = realloc(w->scratch, len + 1);
			if (p == NULL)
				return STATUS_NOMEM;
			w->scratch = p;
			w->scratch_cap = len + 1;
		}
		w->scratch[0] = prefix;
		memcpy(w->scratch + 1, text, len);
		cell = w->scratch;
		len++;
	}
	if (csv_fwrite2(w->out, cell, len, '"') != 0)
		return STATUS_IO;
	return writer_status(w);
}

enum status csv_writer_cell_int(struct csv_writer *w, long long v)
{
	enum status st = begin_cell(w);
	if (st != STATUS_OK)
		return st;
	w->last_empty = false;
	if (fprintf(w->out, "%lld", v) < 0)
		return STATUS_IO;
	return writer_status(w);
}

enum status csv_writer_end_row(struct csv_writer *w)
{
	/* A lone empty cell would be a blank line, which readers skip. */
	if ((w->ncells == 0 || (w->ncells == 1 && w->last_empty))
		&& csv_fwrite2(w->out, "", 0, '"') != 0)
		return STATUS_IO;
	w->ncells = 0;
	if (fwrite("\r\n", 1, 2, w->out) != 2)
		return STATUS_IO;
	return writer_status(w);
}

enum status csv_writer_close(struct csv_writer *w)
{
	if (w == NULL)
		return STATUS_OK;
	enum status st = STATUS_OK;
	if (w->ncells > 0)
		st = csv_writer_end_row(w);
	if (fflush(w->out) != 0 || ferror(w->out))
		st = STATUS_IO;
	free(w->scratch);
	free(w);
	return st;
}

const char *csv_unguard(const char *cell)
{
	if (cell[0] == '\'' && cell[1] && strchr("=+-@\t\r", cell[1]))
		return cell + 1;
	return cell;
}

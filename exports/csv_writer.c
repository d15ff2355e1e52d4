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

static bool is_ascii_letter(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A cell reference standing alone or before an operator: "A1", "ab12"
 * (one to three letters, then digits), the N characters at NAME. */
static bool is_cell_reference(const char *name, size_t n, char next)
{
	size_t letters = 0;
	while (letters < n && is_ascii_letter(name[letters]))
		letters++;
	if (letters == 0 || letters > 3 || letters == n)
		return false;
	for (size_t i = letters; i < n; i++)
		if (!is_digit(name[i]))
			return false;
	return next == '\0' || strchr("+-*/^&=<>:;,)%", next) != NULL;
}

/* What a sign (+ or -) must be followed by to make a formula or a
 * number: see csv_formula_like(). */
static bool sign_starts_formula(const char *rest)
{
	if (is_digit(rest[0]) || (rest[0] && strchr(".,(=+-@$\"", rest[0])))
		return true;
	if (!is_ascii_letter(rest[0]) && rest[0] != '_')
		return false;
	size_t n = 0;
	while (is_ascii_letter(rest[n]) || is_digit(rest[n]) || rest[n] == '_' || rest[n] == '.')
		n++;
	char next = rest[n];
	if (next == '(' || next == '|')
		return true;    /* -SUM(A1), +HYPERLINK("…"), -cmd|' /C calc'!A0 */
	if (next == '!' && (is_ascii_letter(rest[n + 1]) || rest[n + 1] == '$'))
		return true;    /* +Tabelle1!A1 */
	return is_cell_reference(rest, n, next);
}

bool csv_formula_like(const char *text)
{
	switch (text[0]) {
	case '=':
	case '@':
	case '\t':
	case '\r':
		return true;
	case '+':
	case '-':
		return sign_starts_formula(text + 1);
	default:
		return false;
	}
}

/* After TEXT's leading 's, one of the characters earlier versions
 * guarded whatever followed: what csv_unguard() takes a ' away from. */
static bool quotes_before_guard_start(const char *text)
{
	while (text[0] == '\'')
		text++;
	return text[0] != '\0' && strchr("=+-@\t\r", text[0]) != NULL;
}

bool csv_needs_guard(const char *text)
{
	/* "'- x" is written "''- x": csv_unguard() gives back what was
	 * written, whatever it was */
	return csv_formula_like(text) || (text[0] == '\'' && quotes_before_guard_start(text));
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

	char prefix = !w->raw && csv_needs_guard(text) ? '\'' : 0;
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

enum status csv_writer_cell_double(struct csv_writer *w, double v, int digits)
{
	enum status st = begin_cell(w);
	if (st != STATUS_OK)
		return st;
	w->last_empty = false;
	if (fprintf(w->out, "%.*f", digits, v) < 0)
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
	/* the ' before any of = + - @ tab CR goes, as earlier versions
	 * guarded them all: their files read back as they were written */
	if (cell[0] == '\'' && quotes_before_guard_start(cell + 1))
		return cell + 1;
	return cell;
}

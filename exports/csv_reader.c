#include "exports/csv_reader.h"

#include <csv.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"

#define READ_BUFFER_SIZE 65536

/* The record being collected, and what the libcsv callbacks need. */
struct reader {
	char *text;	/* the cells, each NUL-terminated */
	size_t text_len;
	size_t text_cap;
	size_t *offsets;	/* where each cell starts in text */
	const char **cells;	/* built from offsets at the end of a record */
	size_t ncells;
	size_t cells_cap;

	enum text_encoding enc;
	csv_row_fn row_cb;
	void *ctx;
	struct csv_read_info *info;

	size_t line;	/* physical line being parsed */
	size_t record_line;	/* line where the current record started */
	bool in_record;
	enum status status;	/* NOMEM in a callback, or STATUS_OK */
	int stop;	/* row_cb's non-zero result */
};

static void set_error(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void set_error(char *err, size_t errlen, const char *fmt, ...)
{
	if (err == NULL || errlen == 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* Spaces belong to the cell (RFC 4180); libcsv would trim them. */
static int no_space(unsigned char c)
{
	(void)c;
	return 0;
}

static bool text_reserve(struct reader *r, size_t extra)
{
	if (extra > SIZE_MAX - r->text_len)
		return false;
	size_t need = r->text_len + extra;
	if (need <= r->text_cap)
		return true;
	size_t cap = r->text_cap > 0 ? r->text_cap : 1024;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *p = realloc(r->text, cap);
	if (p == NULL)
		return false;
	r->text = p;
	r->text_cap = cap;
	return true;
}

static bool cells_reserve(struct reader *r)
{
	if (r->ncells < r->cells_cap)
		return true;
	size_t cap = r->cells_cap > 0 ? r->cells_cap * 2 : 16;
	if (cap > SIZE_MAX / sizeof *r->offsets)
		return false;
	size_t *o = realloc(r->offsets, cap * sizeof *o);
	if (o == NULL)
		return false;
	r->offsets = o;
	const char **c = realloc(r->cells, cap * sizeof *c);
	if (c == NULL)
		return false;
	r->cells = c;
	r->cells_cap = cap;
	return true;
}

/* CRLF and lone CR in the NUL-terminated cell at TEXT become LF, in
 * place: a quoted multi-line cell from Windows would keep its CRs in the
 * database, where every text ends its lines with LF.  Returns the new
 * length. */
static size_t normalise_line_ends(char *text, size_t len)
{
	size_t out = 0;
	for (size_t i = 0; i < len; i++) {
		if (text[i] != '\r')
			text[out++] = text[i];
		else if (i + 1 >= len || text[i + 1] != '\n')
			text[out++] = '\n';
	}
	text[out] = '\0';
	return out;
}

/* libcsv: one field; s holds len bytes, valid during this call only. */
static void on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	if (r->stop != 0 || r->status != STATUS_OK)
		return;
	size_t room = r->enc == TEXT_CP1252 ? TEXT_CP1252_MAX(len) : len + 1;
	if (len > (SIZE_MAX - 1) / 3 || !text_reserve(r, room)
		|| !cells_reserve(r)) {
		r->status = STATUS_NOMEM;
		return;
	}
	char *dst = r->text + r->text_len;
	r->offsets[r->ncells++] = r->text_len;
	size_t n = len;
	if (r->enc == TEXT_CP1252) {
		n = text_convert_cp1252(s, len, dst);
	} else {
		if (len > 0)
			memcpy(dst, s, len);
		dst[len] = '\0';
	}
	if (memchr(dst, '\r', n))
		n = normalise_line_ends(dst, n);
	r->text_len += n + 1;
}

/* libcsv: end of a record. */
static void on_record(int c, void *data)
{
	(void)c;
	struct reader *r = data;
	r->in_record = false;
	if (r->stop != 0 || r->status != STATUS_OK)
		return;
	for (size_t i = 0; i < r->ncells; i++)
		r->cells[i] = r->text + r->offsets[i];
	r->info->records++;
	r->info->line = r->record_line;
	r->stop = r->row_cb(r->ctx, r->info->records, r->ncells,
		(const char *const *)r->cells);
	r->ncells = 0;
	r->text_len = 0;
}

/* The separator found most often outside quotes on the first line. */
static enum status detect_sep(FILE *f, unsigned char *buf, char *sep)
{
	static const char candidates[] = { ';', '\t', ',' };	/* tie order */
	size_t count[3] = { 0, 0, 0 };
	bool quoted = false, done = false;
	size_t n;
	while (!done && (n = fread(buf, 1, READ_BUFFER_SIZE, f)) > 0) {
		for (size_t i = 0; i < n && !done; i++) {
			char c = (char)buf[i];
			if (c == '"')
				quoted = !quoted;	/* "" toggles twice */
			else if (quoted)
				continue;
			else if (c == '\r' || c == '\n')
				done = true;
			for (int k = 0; k < 3; k++)
				count[k] += c == candidates[k];
		}
	}
	if (ferror(f))
		return STATUS_IO;
	*sep = ',';
	size_t best = 0;
	for (int k = 0; k < 3; k++) {
		if (count[k] > best) {
			best = count[k];
			*sep = candidates[k];
		}
	}
	return fseek(f, 0, SEEK_SET) == 0 ? STATUS_OK : STATUS_IO;
}

/* Message and status for a libcsv error; at_end: found by csv_fini. */
static enum status parse_error(const struct reader *r, struct csv_parser *p,
	const char *path, bool at_end, char *err, size_t errlen)
{
	size_t record = r->info->records + 1;
	switch (csv_error(p)) {
	case CSV_ENOMEM:
		return STATUS_NOMEM;
	case CSV_ETOOBIG:
		set_error(err, errlen, _("%s: record %zu (from line %zu): "
			"field too large."), path, record, r->record_line);
		return STATUS_BAD_FILE;
	default:
		if (at_end)
			set_error(err, errlen, _("%s: record %zu (from line "
				"%zu): quotation mark not closed."),
				path, record, r->record_line);
		else
			set_error(err, errlen, _("%s: record %zu (from line "
				"%zu): quotation mark in the wrong place in "
				"line %zu."), path, record, r->record_line, r->line);
		return STATUS_BAD_FILE;
	}
}

enum status csv_reader_read_file(const char *path, char sep, csv_row_fn row_cb,
	void *ctx, struct csv_read_info *info, char *err, size_t errlen)
{
	struct csv_read_info local;
	if (info == NULL)
		info = &local;
	memset(info, 0, sizeof *info);
	if (sep != 0 && sep != ',' && sep != ';' && sep != '\t')
		return STATUS_INVALID;

	/* First pass: encoding, BOM, and the refusals of text_scan_file. */
	enum status st = text_scan_file(path, &info->file, err, errlen);
	if (st != STATUS_OK)
		return st;

	struct reader r;
	memset(&r, 0, sizeof r);
	r.enc = info->file.encoding;
	r.row_cb = row_cb;
	r.ctx = ctx;
	r.info = info;
	r.line = 1;

	struct csv_parser parser;
	bool parser_ready = false;
	unsigned char *buf = NULL;
	FILE *f = text_open(path, err, errlen);
	if (f == NULL)
		return STATUS_IO;
	buf = malloc(READ_BUFFER_SIZE);
	if (buf == NULL) {
		st = STATUS_NOMEM;
		goto cleanup;
	}
	if (sep == 0 && (st = detect_sep(f, buf, &sep)) != STATUS_OK)
		goto io_error;
	info->sep = sep;

	if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL)
		!= 0) {
		st = STATUS_NOMEM;
		goto cleanup;
	}
	parser_ready = true;
	csv_set_delim(&parser, (unsigned char)sep);
	csv_set_space_func(&parser, no_space);
	/* libcsv grows its field buffer linearly, by 128 bytes by default. */
	csv_set_blk_size(&parser, READ_BUFFER_SIZE);

	/* Fed one physical line at a time, so that the callbacks and the
	 * error messages know the line number. */
	bool first = true, prev_cr = false;
	size_t n;
	while ((n = fread(buf, 1, READ_BUFFER_SIZE, f)) > 0) {
		size_t i = 0;
		if (first && info->file.bom)
			i = 3;	/* fread filled the buffer: the BOM is whole */
		first = false;
		while (i < n) {
			size_t j = i;
			while (j < n && buf[j] != '\r' && buf[j] != '\n')
				j++;
			size_t end = j < n ? j + 1 : n;
			if (!r.in_record && j > i) {
				r.in_record = true;
				r.record_line = r.line;
			}
			if (csv_parse(&parser, buf + i, end - i, on_field,
				on_record, &r) != end - i) {
				st = parse_error(&r, &parser, path, false, err,
					errlen);
				goto cleanup;
			}
			if (r.status != STATUS_OK || r.stop != 0)
				goto stopped;
			if (j < n) {
				if (buf[j] == '\r' || !(prev_cr && j == i))
					r.line++;	/* LF of a CRLF counts no more */
				prev_cr = buf[j] == '\r';
			} else {
				prev_cr = false;
			}
			i = end;
		}
	}
	if (ferror(f))
		goto io_error;
	if (csv_fini(&parser, on_field, on_record, &r) != 0) {
		st = parse_error(&r, &parser, path, true, err, errlen);
		goto cleanup;
	}

stopped:
	if (r.status != STATUS_OK)
		st = r.status;
	else
		st = (enum status)r.stop;
	goto cleanup;

io_error:
	set_error(err, errlen, "%s: %s", path, strerror(errno));
	st = STATUS_IO;

cleanup:
	if (parser_ready)
		csv_free(&parser);
	free(r.text);
	free(r.offsets);
	free(r.cells);
	free(buf);
	fclose(f);
	return st;
}

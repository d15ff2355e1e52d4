/* A document as numbered lines: see doc_text.h. */
#include "exports/doc_text.h"

#include <inttypes.h>

#include "model/db.h"
#include "model/document.h"
#include "util/i18n.h"

struct numbered {
	FILE *out;
	int width, printed_width;   /* columns of the file and the printed numbers */
};

static int digits(int64_t n)
{
	int d = 1;
	for (; n >= 10; n /= 10)
		d++;
	return d;
}

static int put_line(void *ctx, const struct doc_line *line)
{
	struct numbered *n = ctx;
	if (n->printed_width && line->printed && !line->part)
		fprintf(n->out, "%*" PRId64 "  ", n->printed_width, line->printed);
	else if (n->printed_width)
		fprintf(n->out, "%*s  ", n->printed_width, "");
	fprintf(n->out, "%*" PRId64 "%s %s\n", n->width, line->number, line->part ? "↳" : " ",
		line->text);
	return ferror(n->out) != 0;
}

enum status doc_text_write(struct db *db, int64_t session_id, int64_t doc_id, FILE *out)
{
	struct document d;
	enum status rc = document_read(db, doc_id, &d);
	if (rc != STATUS_OK)
		return rc;
	if (d.session_id != session_id) {
		document_clear(&d);
		return db_fail(db, STATUS_NOT_FOUND, _("Document %" PRId64 " does not exist in session "
			"%" PRId64), doc_id, session_id);
	}
	int64_t printed_max = 0;
	rc = document_printed_max(db, doc_id, &printed_max);
	struct numbered n = { out, digits(d.line_count), printed_max ? digits(printed_max) : 0 };
	if (rc == STATUS_OK) {
		fprintf(out, P_("%s (document %" PRId64 ", %" PRId64 " line", "%s (document %" PRId64
			", %" PRId64 " lines", (unsigned long)d.line_count), d.title, d.id, d.line_count);
		if (d.wrap)
			fprintf(out, _(", paragraphs wrapped at %" PRId64 " columns"), d.wrap);
		if (printed_max)
			fputs(_(", printed line numbers before the file's"), out);
		fputs(")\n\n", out);
		rc = document_lines_full(db, doc_id, 1, d.line_count, put_line, &n);
	}
	document_clear(&d);
	if (rc == STATUS_OK && ferror(out))
		rc = STATUS_IO;
	return rc;
}

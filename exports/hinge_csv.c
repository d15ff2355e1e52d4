#include "exports/hinge_csv.h"

static const char *const hinge_columns[] = {
	"coding_id", "session", "component", "code_type", "code_id", "code_path", "code",
	"document", "document_kind", "first_line", "last_line", "quote", "coder", "memo", "coded_at",
	"printed_first_line", "printed_last_line",
};

/* A printed line number, or an empty cell where the line has none. */
static enum status printed_cell(struct csv_writer *w, int64_t printed)
{
	return printed ? csv_writer_cell_int(w, printed) : csv_writer_cell(w, "");
}

struct hinge_sink {
	struct csv_writer *w;
	enum status rc;
};

static int write_row(void *ctx, const struct hinge_row *r)
{
	struct hinge_sink *s = ctx;
	struct csv_writer *w = s->w;
	enum status rc = csv_writer_cell_int(w, r->coding_id);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, r->session);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, r->component);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, r->code_type);
	if (rc == STATUS_OK) rc = csv_writer_cell_int(w, r->code_id);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, r->code_path);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, r->code);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, r->document);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, r->document_kind);
	if (rc == STATUS_OK) rc = csv_writer_cell_int(w, r->first_line);
	if (rc == STATUS_OK) rc = csv_writer_cell_int(w, r->last_line);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, r->quote);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, r->coder);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, r->memo);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, r->coded_at);
	if (rc == STATUS_OK) rc = printed_cell(w, r->printed_first);
	if (rc == STATUS_OK) rc = printed_cell(w, r->printed_last);
	if (rc == STATUS_OK) rc = csv_writer_end_row(w);
	s->rc = rc;
	return rc != STATUS_OK;
}

enum status hinge_csv_write(struct db *db, int64_t session_id, const struct hinge_filter *filter,
	FILE *out, const struct csv_options *options)
{
	struct hinge_sink sink = { NULL, STATUS_OK };
	enum status rc = csv_writer_open(&sink.w, out, options);
	if (rc != STATUS_OK)
		return rc;
	for (size_t i = 0; i < sizeof hinge_columns / sizeof hinge_columns[0] && rc == STATUS_OK; i++)
		rc = csv_writer_cell(sink.w, hinge_columns[i]);
	if (rc == STATUS_OK)
		rc = csv_writer_end_row(sink.w);
	if (rc == STATUS_OK)
		rc = hinge_list(db, session_id, filter, write_row, &sink);
	if (rc == STATUS_OK)
		rc = sink.rc;
	enum status closed = csv_writer_close(sink.w);
	return rc != STATUS_OK ? rc : closed;
}

/* The draft's file lines first; its own printed numbers (where it has
 * them) and its coders at the end, so that older readers keep their
 * columns. */
static const char *const chapter_columns[] = {
	"draft_first_line", "draft_last_line", "draft_quote", "code_type", "code",
	"source_document", "source_kind", "source_first_line", "source_last_line", "source_quote",
	"coder", "draft_printed_first_line", "draft_printed_last_line", "draft_coder",
};

static int write_pair(void *ctx, const struct hinge_pair *p)
{
	struct hinge_sink *s = ctx;
	struct csv_writer *w = s->w;
	enum status rc = csv_writer_cell_int(w, p->draft_first_line);
	if (rc == STATUS_OK) rc = csv_writer_cell_int(w, p->draft_last_line);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, p->draft_quote);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, p->code_type);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, p->code);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, p->source_document);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, p->source_kind);
	if (rc == STATUS_OK) rc = csv_writer_cell_int(w, p->source_first_line);
	if (rc == STATUS_OK) rc = csv_writer_cell_int(w, p->source_last_line);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, p->source_quote);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, p->coder);
	if (rc == STATUS_OK) rc = printed_cell(w, p->draft_printed_first);
	if (rc == STATUS_OK) rc = printed_cell(w, p->draft_printed_last);
	if (rc == STATUS_OK) rc = csv_writer_cell(w, p->draft_coder);
	if (rc == STATUS_OK) rc = csv_writer_end_row(w);
	s->rc = rc;
	return rc != STATUS_OK;
}

enum status hinge_csv_write_chapter(struct db *db, int64_t session_id, int64_t draft_id,
	const struct hinge_filter *filter, FILE *out, const struct csv_options *options)
{
	/* a refused draft leaves nothing written, not even the BOM */
	enum status rc = hinge_chapter_check(db, session_id, draft_id);
	if (rc != STATUS_OK)
		return rc;
	struct hinge_sink sink = { NULL, STATUS_OK };
	rc = csv_writer_open(&sink.w, out, options);
	if (rc != STATUS_OK)
		return rc;
	for (size_t i = 0; i < sizeof chapter_columns / sizeof chapter_columns[0] && rc == STATUS_OK;
	     i++)
		rc = csv_writer_cell(sink.w, chapter_columns[i]);
	if (rc == STATUS_OK)
		rc = csv_writer_end_row(sink.w);
	if (rc == STATUS_OK)
		rc = hinge_chapter_list(db, session_id, draft_id, filter, write_pair, &sink);
	if (rc == STATUS_OK)
		rc = sink.rc;
	enum status closed = csv_writer_close(sink.w);
	return rc != STATUS_OK ? rc : closed;
}

/* The export formats: see exporter.h. */
#include "exports/exporter.h"

#include <errno.h>
#include <string.h>
#include <strings.h>

#include "exports/agreement_out.h"
#include "exports/doc_text.h"
#include "exports/dot.h"
#include "exports/hinge_csv.h"
#include "exports/items_csv.h"
#include "exports/matrix_csv.h"
#include "exports/poster.h"
#include "exports/refi.h"
#include "exports/report.h"
#include "model/db.h"
#include "model/item.h"
#include "util/i18n.h"
#include "util/join.h"

static enum status write_hinge(const struct exporter *self, const struct export_request *r,
	FILE *out)
{
	(void)self;
	if (r->chapter) {
		enum status rc = hinge_chapter_check(r->db, r->session, r->chapter);
		if (rc != STATUS_OK)
			return rc;
		return hinge_csv_write_chapter(r->db, r->session, r->chapter, &r->filter, out, &r->csv);
	}
	return hinge_csv_write(r->db, r->session, &r->filter, out, &r->csv);
}

static enum status write_report(const struct exporter *self, const struct export_request *r,
	FILE *out)
{
	(void)self;
	return report_write(r->db, r->session, out);
}

static enum status write_matrix(const struct exporter *self, const struct export_request *r,
	FILE *out)
{
	(void)self;
	return matrix_csv_write(r->db, r->session, out, &r->csv);
}

static enum status write_dot(const struct exporter *self, const struct export_request *r,
	FILE *out)
{
	(void)self;
	return dot_write(r->db, r->session, out);
}

static enum status write_agreement(const struct exporter *self, const struct export_request *r,
	FILE *out)
{
	static const struct agree_options everyone;
	const struct agree_options *o = r->agree ? r->agree : &everyone;
	if (self->flags & EXPORT_CSV)
		return agreement_write_csv(r->db, r->session, o, out, &r->csv);
	return agreement_write_table(r->db, r->session, o, out);
}

static enum status write_doc(const struct exporter *self, const struct export_request *r,
	FILE *out)
{
	(void)self;
	return doc_text_write(r->db, r->session, r->document, out);
}

static enum status write_qdc(const struct exporter *self, const struct export_request *r,
	FILE *out)
{
	(void)self;
	return refi_write_qdc(r->db, r->session, out);
}

static enum status write_qdpx(const struct exporter *self, const struct export_request *r,
	FILE *out)
{
	(void)self;
	return refi_write_qdpx(r->db, r->session, out);
}

/* The format follows the ending of the file asked for. */
static enum status write_poster(const struct exporter *self, const struct export_request *r,
	FILE *out)
{
	enum poster_format format;
	if (!poster_format_of(r->path, &format))
		return db_fail(r->db, STATUS_INVALID, _("%s: the poster is written as %s"), r->path,
			exporter_endings(self));
	return poster_write(r->db, r->session, format, out);
}

/* The item tables: items_csv knows them by the format's name. */
static enum status write_items(const struct exporter *self, const struct export_request *r,
	FILE *out)
{
	return items_csv_write(r->db, r->session, self->name, out, &r->csv);
}

/* The formats that are not an item kind's table, then the free codes. */
static const struct exporter formats[] = {
	{ "hinge", N_("Hinge table (CSV)"), "scharniertabelle.csv", EXPORT_CSV | EXPORT_FILTERS,
	  write_hinge },
	{ "report", N_("Report (Markdown)"), "bericht.md", 0, write_report },
	{ "agreement", N_("Intercoder agreement (CSV)"), "uebereinstimmung.csv", EXPORT_CSV,
	  write_agreement },
	{ "agreement-table", N_("Intercoder agreement (table)"), "uebereinstimmung.txt", 0,
	  write_agreement },
	{ "doc", N_("A document as numbered lines (text)"), "dokument.txt", EXPORT_DOCUMENT,
	  write_doc },
	{ "qdc", N_("Codebook for other QDA programs (REFI-QDA .qdc)"), "codebuch.qdc", 0,
	  write_qdc },
	{ "qdpx", N_("Coding project for other QDA programs (REFI-QDA .qdpx)"), "projekt.qdpx",
	  EXPORT_BINARY, write_qdpx },
	{ "matrix", N_("Impact matrix (CSV)"), "matrix.csv", EXPORT_CSV, write_matrix },
	{ "dot", N_("System model as graph (Graphviz DOT)"), "systemmodell.dot", EXPORT_PICTURE,
	  write_dot },
	{ "poster", N_("Poster of the workshop, a page per step (SVG, HTML or PDF)"), "poster.svg",
	  EXPORT_ENDINGS, write_poster },
};
static const struct exporter free_codes =
	{ "codes", N_("Table of free codes (CSV)"), "codes.csv", EXPORT_CSV, write_items };
#define NFORMATS (sizeof formats / sizeof formats[0])

/* The formats, then a table per item kind with a csv name (kinds.def),
 * then the free codes: filled on first use. */
static struct exporter exporters[NFORMATS + ITEM_KIND_COUNT + 1];
static size_t nexporters;

static void fill_exporters(void)
{
	static char files[ITEM_KIND_COUNT][40];
	if (nexporters)
		return;
	for (size_t i = 0; i < NFORMATS; i++)
		exporters[nexporters++] = formats[i];
	for (int k = 0; k < ITEM_KIND_COUNT; k++) {
		const struct item_type *t = item_type((enum item_kind)k);
		if (!t->csv)
			continue;
		snprintf(files[k], sizeof files[k], "%s.csv", t->csv);
		exporters[nexporters++] = (struct exporter){ t->csv, t->csv_label, files[k],
			EXPORT_CSV, write_items };
	}
	exporters[nexporters++] = free_codes;
}

size_t exporter_count(void)
{
	fill_exporters();
	return nexporters;
}

const struct exporter *exporter_at(size_t i)
{
	return i < exporter_count() ? &exporters[i] : NULL;
}

const struct exporter *exporter_find(const char *name)
{
	for (size_t i = 0; name && i < exporter_count(); i++)
		if (strcmp(exporters[i].name, name) == 0)
			return &exporters[i];
	return NULL;
}

/* The poster is the one format chosen by the file's ending so far. */
const char *exporter_endings(const struct exporter *e)
{
	return e->flags & EXPORT_ENDINGS ? POSTER_ENDINGS : NULL;
}

bool exporter_takes_path(const struct exporter *e, const char *path)
{
	const char *endings = exporter_endings(e);
	if (!endings || !path || strcmp(path, "-") == 0)
		return true;
	const char *dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	if (!dot || (slash && dot < slash))
		return false;
	size_t len = strlen(dot);
	for (const char *p = endings; *p; p += strspn(p, " ")) {
		size_t n = strcspn(p, " ");
		if (n == len && strncasecmp(p, dot, n) == 0)
			return true;
		p += n;
	}
	return false;
}

static const char *exporter_name(size_t i)
{
	return exporters[i].name;
}

const char *exporter_names(char *buf, size_t size, const char *sep)
{
	return join_names(buf, size, sep, exporter_count(), exporter_name);
}

enum status export_to_path(const struct exporter *e, const struct export_request *r,
	const char *path, struct atomic_file *file)
{
	if (!atomic_open(file, path))
		return STATUS_IO;
	errno = 0;
	enum status rc = e->write(e, r, file->fp);
	if (rc == STATUS_IO) {
		file->stage = ATOMIC_WRITE;
		file->error = errno;
	}
	bool kept = atomic_close(file, rc == STATUS_OK);
	return rc != STATUS_OK ? rc : kept ? STATUS_OK : STATUS_IO;
}

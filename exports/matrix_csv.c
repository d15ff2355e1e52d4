#include "exports/matrix_csv.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "exports/csv_reader.h"
#include "model/db.h"
#include "model/impact.h"
#include "model/item.h"
#include "util/i18n.h"

enum status matrix_csv_write(struct db *db, int64_t session_id, FILE *out,
	const struct csv_options *options)
{
	struct impact_matrix m;
	struct csv_writer *w;
	enum status rc = impact_matrix_load(db, session_id, &m);
	if (rc != STATUS_OK)
		return rc;
	rc = csv_writer_open(&w, out, options);
	if (rc != STATUS_OK) {
		impact_matrix_free(&m);
		return rc;
	}
	rc = csv_writer_cell(w, "");
	for (size_t j = 0; j < m.n && rc == STATUS_OK; j++)
		rc = csv_writer_cell(w, m.names[j]);
	if (rc == STATUS_OK)
		rc = csv_writer_end_row(w);
	for (size_t i = 0; i < m.n && rc == STATUS_OK; i++) {
		rc = csv_writer_cell(w, m.names[i]);
		for (size_t j = 0; j < m.n && rc == STATUS_OK; j++) {
			int v = m.cells[i * m.n + j];
			rc = v < 0 || i == j ? csv_writer_cell(w, "") : csv_writer_cell_int(w, v);
		}
		if (rc == STATUS_OK)
			rc = csv_writer_end_row(w);
	}
	enum status closed = csv_writer_close(w);
	impact_matrix_free(&m);
	return rc != STATUS_OK ? rc : closed;
}

struct matrix_import {
	struct db *db;
	const char *path;
	int64_t session_id, scale;
	int64_t *ids;          /* variable id per column */
	size_t n;
	int64_t rated;
	enum status rc;
};

static enum status fail_at(struct matrix_import *im, size_t row, size_t col, const char *what,
	const char *value)
{
	return im->rc = db_fail(im->db, STATUS_INVALID, _("%s: row %zu, column %zu: %s \"%s\"; "
		"nothing was imported"), im->path, row, col, what, value);
}

/* The header row: one variable per column, found or created. */
static enum status read_header(struct matrix_import *im, size_t ncells, const char *const *cells)
{
	if (ncells < 2)
		return im->rc = db_fail(im->db, STATUS_INVALID, _("%s: the first row names no "
			"variables"), im->path);
	im->n = ncells - 1;
	im->ids = calloc(im->n, sizeof *im->ids);
	if (!im->ids)
		return im->rc = db_fail(im->db, STATUS_NOMEM, "%s", _("out of memory"));
	const struct item_type *type = item_type(ITEM_VARIABLE);
	for (size_t j = 0; j < im->n; j++) {
		const char *name = csv_unguard(cells[j + 1]);
		if (!*name)
			return fail_at(im, 1, j + 2, _("empty variable name"), name);
		for (size_t k = 0; k < j; k++) {
			struct variable v;
			if (item_read(im->db, type, im->ids[k], &v) != STATUS_OK)
				return im->rc = STATUS_DB;
			bool same = strcmp(v.name, name) == 0;
			item_clear(type, &v);
			if (same)
				return fail_at(im, 1, j + 2, _("duplicate variable name"), name);
		}
		enum status rc = item_find(im->db, type, im->session_id, name, &im->ids[j]);
		if (rc == STATUS_NOT_FOUND) {
			struct variable v = { .session_id = im->session_id, .name = (char *)name };
			rc = item_create(im->db, type, &v);
			im->ids[j] = v.id;
		}
		if (rc != STATUS_OK)
			return im->rc = rc;
	}
	return STATUS_OK;
}

static enum status read_cell(struct matrix_import *im, size_t row, size_t col, const char *text)
{
	size_t i = row - 2, j = col - 2;
	char *end;
	if (i == j)
		return STATUS_OK;
	if (!*text) {
		enum status rc = impact_clear(im->db, im->ids[i], im->ids[j]);
		return rc == STATUS_OK ? rc : (im->rc = rc);
	}
	long v = strtol(text, &end, 10);
	if (*end || v < 0 || v > im->scale) {
		char what[64];
		snprintf(what, sizeof what, _("not a strength from 0 to %" PRId64), im->scale);
		return fail_at(im, row, col, what, text);
	}
	im->rated++;
	enum status rc = impact_set(im->db, im->ids[i], im->ids[j], v, NULL);
	return rc == STATUS_OK ? rc : (im->rc = rc);
}

static int import_row(void *ctx, size_t row, size_t ncells, const char *const *cells)
{
	struct matrix_import *im = ctx;
	if (row == 1)
		return read_header(im, ncells, cells) != STATUS_OK;
	if (row - 1 > im->n)
		return fail_at(im, row, 1, _("more rows than variables"), cells[0]) != STATUS_OK;
	if (ncells != im->n + 1) {
		char what[64];
		snprintf(what, sizeof what, _("%zu instead of %zu cells in the row"), ncells, im->n + 1);
		return fail_at(im, row, ncells, what, "") != STATUS_OK;
	}
	struct variable v;
	const struct item_type *type = item_type(ITEM_VARIABLE);
	if (item_read(im->db, type, im->ids[row - 2], &v) != STATUS_OK)
		return (im->rc = STATUS_DB) != STATUS_OK;
	bool same = strcmp(v.name, csv_unguard(cells[0])) == 0;
	item_clear(type, &v);
	if (!same)
		return fail_at(im, row, 1, _("the row must be named like the column, not"), cells[0]);
	for (size_t col = 2; col <= ncells; col++)
		if (read_cell(im, row, col, csv_unguard(cells[col - 1])) != STATUS_OK)
			return 1;
	return 0;
}

enum status matrix_csv_import(struct db *db, int64_t session_id, const char *path,
	int64_t *cells_rated)
{
	struct matrix_import im = { db, path, session_id, 3, NULL, 0, 0, STATUS_OK };
	struct csv_read_info info;
	char err[512] = "";
	enum status rc = db_begin_bulk(db);
	if (rc != STATUS_OK)
		return rc;
	struct session session;
	rc = item_read(db, item_type(ITEM_SESSION), session_id, &session);
	if (rc == STATUS_OK) {
		im.scale = session.scale;
		item_clear(item_type(ITEM_SESSION), &session);
	}
	if (rc == STATUS_OK)
		rc = csv_reader_read_file(path, 0, import_row, &im, &info, err, sizeof err);
	if (im.rc != STATUS_OK)
		rc = im.rc;
	else if (rc != STATUS_OK)
		rc = db_fail(db, rc, "%s", err);
	else if (im.n == 0)
		rc = db_fail(db, STATUS_INVALID, _("%s: the file contains no matrix"), path);
	else if (info.records != im.n + 1)
		rc = db_fail(db, STATUS_INVALID, _("%s: %zu variables, but %zu rows; the matrix "
			"must be square"), path, im.n, info.records - 1);
	free(im.ids);
	if (rc == STATUS_OK)
		*cells_rated = im.rated;
	return db_end(db, rc);
}

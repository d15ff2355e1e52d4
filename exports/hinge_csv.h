#ifndef DIDAT_EXPORTS_HINGE_CSV_H
#define DIDAT_EXPORTS_HINGE_CSV_H

/* The hinge table as CSV: one header row, then one row per coded passage
 * (model/hinge.h) with the columns coding_id, session, component,
 * code_type, code_id, code_path, code, document, document_kind,
 * first_line, last_line, quote, coder, memo, coded_at. */

#include <stdint.h>
#include <stdio.h>

#include "exports/csv_writer.h"
#include "model/hinge.h"

struct db;

enum status hinge_csv_write(struct db *db, int64_t session_id, const struct hinge_filter *filter,
	FILE *out, const struct csv_options *options);

#endif

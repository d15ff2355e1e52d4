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

/* The chapter hinge table of draft DRAFT_ID (model/hinge.h,
 * hinge_chapter_list) with the same writer: one header row, then one row
 * per pair with the columns draft_first_line, draft_last_line,
 * draft_quote, code_type, code, source_document, source_kind,
 * source_first_line, source_last_line, source_quote, coder. */
enum status hinge_csv_write_chapter(struct db *db, int64_t session_id, int64_t draft_id,
	const struct hinge_filter *filter, FILE *out, const struct csv_options *options);

#endif

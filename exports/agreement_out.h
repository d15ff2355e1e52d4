#ifndef DIDAT_EXPORTS_AGREEMENT_OUT_H
#define DIDAT_EXPORTS_AGREEMENT_OUT_H

/* The agreement of coders (model/agreement.h) as a table to read or as
 * CSV with one row per code and every figure and count, for R or a
 * spreadsheet.  An undefined figure is "undefined" with its reason in
 * the table and an empty cell with the reason in the CSV's notes. */

#include <stdint.h>
#include <stdio.h>

#include "exports/csv_writer.h"
#include "model/agreement.h"

struct db;

enum status agreement_write_table(struct db *db, int64_t session, const struct agree_options *o,
	FILE *out);
enum status agreement_write_csv(struct db *db, int64_t session, const struct agree_options *o,
	FILE *out, const struct csv_options *csv);

#endif

#ifndef DIDAT_EXPORTS_MATRIX_CSV_H
#define DIDAT_EXPORTS_MATRIX_CSV_H

/* The impact matrix as spreadsheets hold it: variable names as the first
 * row and the first column, cell (i, j) the influence of row i on
 * column j; an empty cell is unrated, the diagonal stays empty. */

#include <stdint.h>
#include <stdio.h>

#include "exports/csv_writer.h"

struct db;

enum status matrix_csv_write(struct db *db, int64_t session_id, FILE *out,
	const struct csv_options *options);

/* Reads such a matrix from PATH into the session in one transaction:
 * names are matched to the session's variables (new names become new
 * variables), the row names must be the column names in the same order,
 * and each cell must be empty (unrated) or a rating of the session's
 * scale.  A bad cell names its row and column and imports nothing. */
enum status matrix_csv_import(struct db *db, int64_t session_id, const char *path,
	int64_t *cells_rated);

#endif

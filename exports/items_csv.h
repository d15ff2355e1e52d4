#ifndef DIDAT_EXPORTS_ITEMS_CSV_H
#define DIDAT_EXPORTS_ITEMS_CSV_H

/* The items of a session as spreadsheet tables, both ways: `didat export
 * KIND` and `didat import-csv SESSION KIND FILE`.  One header row, then
 * one row per item; the columns (the names of model/item.h's fields and
 * link columns) are, per KIND:
 *
 *   unseens       id, title, description, causes, component, stakeholders,
 *                 likelihood, impact, adaptive_capacity, vulnerability, votes
 *   goals         id, text, component, unseens
 *   measures      id, text, actor, horizon, priority, goals
 *   stakeholders  id, name, kind, description
 *   components    id, number, name, question
 *   codes         id, path, colour, definition        (free codes only)
 *
 * Values: a component by its number, an actor by its letter, a linked
 * item (stakeholders, unseens, goals) by its title, several joined with
 * "; " (ITEMS_CSV_JOINER); a rating left empty when unrated; vulnerability
 * with one decimal and a point ("12.0"), empty while a rating is missing;
 * a free code by its path from the top ("Daten/Eigentum").  `position` is
 * not exported (rows come in list order).
 *
 * Limits of the text form: a linked title that contains "; " is written
 * as it is and does not read back as one link; a linked title made only
 * of digits is looked up as an id first (item_find); linked titles must
 * be unique in the session. */

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "exports/csv_writer.h"

struct db;

#define ITEMS_CSV_JOINER "; "
/* True when WHAT is a table items_csv reads and writes: the csv name of
 * an item kind (kinds.def) or "codes". */
bool items_csv_known(const char *what);

/* Writes the items WHAT of the session to OUT (which stays the caller's).
 * Returns STATUS_IO on a write error, a model status (message in
 * db_error()), STATUS_INVALID for an unknown WHAT, or STATUS_OK. */
enum status items_csv_write(struct db *db, int64_t session_id, const char *what, FILE *out,
	const struct csv_options *options);

/* Reads a table of items WHAT from PATH (exports/csv_reader: separator,
 * BOM and Windows-1252 detected) into the session as new items, in one
 * transaction.  The header names the columns above, in any order; `id`
 * and `vulnerability` are ignored, an item's other fields (such as
 * `position`) are accepted, empty header cells are skipped when their
 * column is empty; the title column (title, text or name; for codes
 * path) is required.  A cell starting with ' followed by = + - @ tab or
 * CR loses the ' (the writer's formula guard).  Any unknown or doubled
 * column, and any bad row (missing title, unknown component, actor or
 * linked title, rating out of range, invalid choice) fails with a
 * message in db_error() naming file, row (the spreadsheet's row, the
 * header is row 1) and column, and nothing is imported.  Codes: the
 * parents of a path are created as needed; a path that exists already is
 * refused.  *IMPORTED (may be NULL) receives the number of rows read. */
enum status items_csv_import(struct db *db, int64_t session_id, const char *what,
	const char *path, int64_t *imported);

#endif

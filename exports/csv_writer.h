#ifndef DIDAT_EXPORTS_CSV_WRITER_H
#define DIDAT_EXPORTS_CSV_WRITER_H

/* The one CSV writer of the project (RFC 4180, over libcsv's writer).
 * Rows end with CRLF.  A cell is quoted only when it must be: when it
 * contains the separator, a quote, CR or LF, or starts or ends with a
 * space or tab (which many readers trim from unquoted cells).  A row
 * holding a single empty cell is written as "" so that readers do not
 * skip it as a blank line.  Text is written as given (UTF-8). */

#include <stdbool.h>
#include <stdio.h>

#include "util/status.h"

struct csv_options {
	char sep;	/* ',' or ';' or '\t'; 0 means ',' */
	bool bom;	/* write the UTF-8 BOM first (for Excel) */
	bool raw;	/* no formula guard (--raw) */
};

/* Opaque; between csv_writer_open() and csv_writer_close(). */
struct csv_writer;

/* Starts writing CSV to out, which stays the caller's (opened "wb" or
 * "w"; the writer never closes it).  opt may be NULL for the defaults
 * (',', no BOM, guarded).  On success *w is the caller's until
 * csv_writer_close().  Returns STATUS_INVALID for another separator,
 * STATUS_NOMEM, STATUS_IO when the BOM cannot be written, or STATUS_OK. */
enum status csv_writer_open(struct csv_writer **w, FILE *out,
	const struct csv_options *opt);

/* The formula guard.  A spreadsheet opening the CSV evaluates a cell
 * that starts with = or @ (and some strip a leading tab or CR first), and
 * one that starts with + or - when what follows reads as a formula or a
 * number (OWASP "CSV injection").  So TEXT is formula-like when it starts
 *   - with =, @, tab or CR, always;
 *   - with + or -, followed by a digit or one of . , ( = + - @ $ "
 *     ("-1", "+49 30", "-.5", "-(A1)", "--1", "+$A$1"), or by a name
 *     followed by ( | or !letter (a function, DDE or another sheet:
 *     "-SUM(A1)", "+cmd|…", "-Tabelle1!A1"), or by a cell reference
 *     alone or before an operator ("-A1", "+B2*3").
 * Not formula-like, and written exactly as they are: "- 10.30 Uhr",
 * "-Abbau von Abhängigkeiten", "+Tempo @Leute", "– Gedankenstrich", "-",
 * and "004" or "2019/09", which a spreadsheet may read as numbers or
 * dates but does not run (its import dialog can keep them as text). */
bool csv_formula_like(const char *text);
/* TEXT gets a ' in front: it is formula-like, or starts with 's that
 * csv_unguard() would take for a guard (a ' and then = + - @ tab or CR:
 * "'- x" is written "''- x"), so that reading undoes exactly what the
 * writing did. */
bool csv_needs_guard(const char *text);

/* Appends a text cell to the current row; NULL is an empty cell.  Unless
 * raw, a cell that csv_needs_guard() gets a ' in front so that a
 * spreadsheet shows it instead of running it as a formula.  Returns
 * STATUS_IO on a write error, STATUS_NOMEM, or STATUS_OK. */
enum status csv_writer_cell(struct csv_writer *w, const char *text);

/* Appends a number cell, never guarded: -5 stays a number. */
enum status csv_writer_cell_int(struct csv_writer *w, long long v);

/* A number cell with DIGITS decimals and a point, never guarded. */
enum status csv_writer_cell_double(struct csv_writer *w, double v, int digits);

/* Ends the current row with CRLF.  A row without cells is written as one
 * empty cell.  Returns STATUS_IO on a write error, or STATUS_OK. */
enum status csv_writer_end_row(struct csv_writer *w);

/* Ends an unfinished row, flushes out (so that a full disk shows here)
 * and frees w, whatever the result; does not fclose(out).  Returns
 * STATUS_IO when anything written since open failed, or STATUS_OK.
 * w may be NULL. */
enum status csv_writer_close(struct csv_writer *w);

/* The inverse of the formula guard, for readers of what we wrote: a
 * ' before = + - @ tab or CR (after any further 's) goes: "'=x" reads
 * as "=x", "''- x" as "'- x", and "'- 10.30 Uhr", which earlier versions
 * wrote for "- 10.30 Uhr", as that.  Any other cell stays ("'schon").
 * Returns a pointer into CELL. */
const char *csv_unguard(const char *cell);

#endif

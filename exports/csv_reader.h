#ifndef DIDAT_EXPORTS_CSV_READER_H
#define DIDAT_EXPORTS_CSV_READER_H

/* The one CSV reader of the project, over libcsv's strict parser, streamed
 * through a fixed buffer.  Accepts what exports/csv_writer writes and what
 * spreadsheets export: separator ',' ';' or tab, UTF-8 with or without
 * BOM, or Windows-1252 (converted to UTF-8).  Spaces in unquoted cells are
 * kept (RFC 4180); blank lines are skipped.  Line ends inside a (quoted)
 * cell, CRLF or a lone CR, are handed out as LF, the line end of every
 * text in the database. */

#include <stddef.h>

#include "util/status.h"
#include "util/text.h"

/* Called once per record; row counts records from 1 (the header), not
 * physical lines.  cells[0..ncells-1] are NUL-terminated UTF-8 and, like
 * the array, valid only during the call: copy what you keep.
 * Return 0 (STATUS_OK) to go on; anything else stops the read and is
 * returned by csv_reader_read_file(). */
typedef int (*csv_row_fn)(void *ctx, size_t row, size_t ncells,
	const char *const *cells);

struct csv_read_info {
	struct text_info file;	/* size, sha256, encoding, BOM, ... */
	char sep;	/* the separator used */
	size_t records;	/* records passed to the callback so far */
	size_t line;	/* physical line (from 1) where the record being
			 * passed starts; kept up to date before each call,
			 * so a callback holding a pointer to this struct can
			 * name it in its messages */
};

/* Reads the CSV file at path and calls row_cb for every record.
 * sep is ',' ';' or '\t', or 0 to detect it from the header line: the
 * candidate found most often outside quotes wins, ties going to ';' then
 * tab then ','; a header without any is ','.  info (may be NULL) is
 * filled in as the read goes.  err (may be NULL) receives a German
 * message naming the file when the result is an error status.
 * Returns
 *   STATUS_IO       the file cannot be opened or read;
 *   STATUS_BAD_FILE empty, NUL bytes (see text_scan_file()), or not
 *                   valid CSV, such as an unclosed quote or a quote in
 *                   the middle of an unquoted cell (the message names
 *                   the record and its line);
 *   STATUS_INVALID  sep is not one of the above;
 *   STATUS_NOMEM;
 *   the first non-zero value row_cb returned;
 *   STATUS_OK       all records were passed. */
enum status csv_reader_read_file(const char *path, char sep, csv_row_fn row_cb,
	void *ctx, struct csv_read_info *info, char *err, size_t errlen);

#endif

#ifndef DIDAT_EXPORTS_DOC_IMPORT_H
#define DIDAT_EXPORTS_DOC_IMPORT_H

/* Reads a text file (.txt, .md; UTF-8 with or without BOM, or
 * Windows-1252 as Word exports German text) into a session's documents,
 * streamed line by line.  Empty files, files with NUL bytes, missing
 * files and files already imported into the session are refused, and so
 * are files whose first bytes show that they are no text: PDF, RTF, zip
 * (Word .docx, OpenDocument, Excel .xlsx, ...), old Office (.doc), PNG,
 * JPEG, GIF, gzip, and UTF-16 or UTF-32 text with or without BOM; the
 * message names the kind and, where there is one, the way to the text
 * (pandoc, LibreOffice, pdftotext, iconv). */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/status.h"

struct db;

struct doc_import_options {
	const char *title;         /* NULL: the file name without folder and extension */
	const char *kind;          /* NULL: minutes */
	const char *date;
	const char *participants;
	int64_t component_id;      /* 0: none */
	int64_t wrap;              /* > 0: paragraphs wider than this many columns are split at
	                            * spaces into lines of at most this width */
	enum doc_printed { PRINTED_DETECT, PRINTED_NO, PRINTED_YES } printed;
	                           /* lines that begin with their own printed number (a draft's
	                            * line numbers): DETECT looks for them in drafts only */
};

struct doc_import_result {
	int64_t id, lines;         /* lines as stored: more than the file's when wrapped */
	int64_t file_lines, wrapped;   /* the file's lines, and how many of them were split */
	bool printed;              /* the lines' printed numbers were kept apart */
	bool converted;            /* was Windows-1252, stored as UTF-8 */
	int64_t first_bad_line;    /* when converted: the first line that was not UTF-8 */
};

/* Imports PATH into SESSION_ID inside a transaction the caller holds
 * (db_begin), so that several files go in all or none.  The message of a
 * refusal names the file and, where it helps, the line (db_error). */
enum status doc_import_file(struct db *db, int64_t session_id, const char *path,
	const struct doc_import_options *opt, struct doc_import_result *result);
/* Imports the N files PATHS into SESSION_ID, all or none, in one
 * transaction; RESULTS[i] says what became of PATHS[i].  A refusal names
 * the file and, with more than one, says that none was imported. */
enum status doc_import_files(struct db *db, int64_t session_id, char *const *paths, size_t n,
	const struct doc_import_options *opt, struct doc_import_result *results);

#endif

#ifndef DIDAT_UTIL_TEXT_H
#define DIDAT_UTIL_TEXT_H

/* Decoding of imported text files: German minutes, often Word exports in
 * Windows-1252.  Files are streamed through a fixed buffer and never held
 * in memory whole.  The usual sequence is text_scan_file() (size, hash,
 * encoding, line count), then text_read_lines() with the encoding found. */

#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>

#include "util/sha256.h"
#include "util/status.h"

/* Read buffer size of both passes.  Exported so that tests can place a
 * multibyte character or a CRLF across a buffer boundary. */
#define TEXT_BUFFER_SIZE 65536

enum text_encoding {
	TEXT_UTF8,	/* valid UTF-8 (plain ASCII included) */
	TEXT_CP1252,	/* anything else: read as Windows-1252 */
};

struct text_info {
	uint64_t size;	/* bytes, BOM included */
	char sha256[SHA256_HEX_SIZE];	/* of the raw bytes, lower-case hex */
	size_t lines;	/* CRLF, CR and LF each end a line; a final
			 * line without terminator counts; a BOM alone
			 * is no line */
	bool utf8;	/* the whole file is valid UTF-8 */
	bool bom;	/* starts with the UTF-8 BOM EF BB BF */
	bool nul;	/* contains a NUL byte */
	size_t nul_line;	/* line of the first NUL byte, 0 if none */
	size_t bad_utf8_line;	/* line of the first invalid UTF-8, 0 if none */
	enum text_encoding encoding;	/* TEXT_UTF8 if utf8, else TEXT_CP1252 */
};

/* First pass over the file at path: fills *info.  err (may be NULL)
 * receives a German message naming the file when the result is not OK.
 * Returns
 *   STATUS_IO       the file cannot be opened or read (strerror text);
 *   STATUS_NOMEM    no memory for the read buffer;
 *   STATUS_BAD_FILE the file is empty (no line; a BOM alone is empty) or
 *                   contains a NUL byte (the message names the line and
 *                   suspects UTF-16 when the file starts with its BOM);
 *   STATUS_OK       otherwise.
 * On BAD_FILE *info is still complete, so a caller may look closer. */
/* Opens PATH for reading when it is a regular file; a folder, a device
 * or a pipe is refused (it could block or never end).  NULL with the
 * reason in ERR. */
FILE *text_open(const char *path, char *err, size_t errlen);

enum status text_scan_file(const char *path, struct text_info *info,
	char *err, size_t errlen);

/* Called for every line: lineno counts from 1, utf8 holds len bytes
 * without the line terminator (empty lines have len 0) and is
 * NUL-terminated as well.  utf8 is valid only during the call.
 * Return 0 (STATUS_OK) to go on; anything else stops the read. */
typedef int (*text_line_fn)(void *ctx, size_t lineno, const char *utf8,
	size_t len);

/* Second pass: calls line_cb for every line of the file, the same lines
 * that text_scan_file() counts.  A leading UTF-8 BOM is dropped whatever
 * enc says; with TEXT_CP1252 each line is converted to UTF-8, with
 * TEXT_UTF8 the bytes are passed unchanged.  Lines of any length are
 * passed whole.  Returns STATUS_IO (message in err) when the file cannot
 * be read, STATUS_NOMEM, the first non-zero value line_cb returned
 * (callbacks usually return an enum status), or STATUS_OK. */
enum status text_read_lines(const char *path, enum text_encoding enc,
	text_line_fn line_cb, void *ctx, char *err, size_t errlen);

/* Converts len bytes of Windows-1252 to UTF-8 in a new NUL-terminated
 * string; *out is the caller's to free().  The five bytes undefined in
 * Windows-1252 (0x81 0x8D 0x8F 0x90 0x9D) become U+FFFD.  Returns
 * STATUS_OK or STATUS_NOMEM (then *out is NULL). */
enum status text_from_cp1252(const char *in, size_t len, char **out);

/* Converts without allocating: out must hold TEXT_CP1252_MAX(len) bytes.
 * Writes a NUL-terminated string and returns its length. */
#define TEXT_CP1252_MAX(len) (3 * (len) + 1)
size_t text_convert_cp1252(const char *in, size_t len, char *out);

/* Whether len bytes at s are valid UTF-8: no overlong forms, no
 * surrogates, nothing above U+10FFFF, no truncated sequence at the end. */
bool text_is_utf8(const char *s, size_t len);
/* Where S may be cut at byte POS (at most its length) without splitting
 * a character: POS, or the start of the character POS falls inside. */
size_t text_cut_boundary(const char *s, size_t pos);

/* How many of the len bytes at s are valid UTF-8 from the start, whole
 * characters only: len when text_is_utf8() holds, else the offset of the
 * first character that is invalid or cut off. */
size_t text_utf8_prefix(const char *s, size_t len);

/* Whether TEXT contains NEEDLE, ignoring case the way people expect in
 * German ("ÄRGER" contains "ärg"); an empty NEEDLE is always contained.
 * Needs a UTF-8 LC_CTYPE (display_init). */
/* The bytes of the first piece of TEXT that fits in COLUMNS display
 * columns, ending before a space: the whole text when it fits, else up
 * to the last space that keeps the piece within COLUMNS, else (a word
 * longer than COLUMNS) the first word whole.  Needs a UTF-8 LC_CTYPE. */
size_t text_wrap_piece(const char *text, int columns);

bool text_contains_folded(const char *text, const char *needle);

#endif

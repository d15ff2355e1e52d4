#include "exports/doc_import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/db.h"
#include "model/document.h"
#include "util/i18n.h"
#include "util/text.h"

/* A line's own printed number at its start ("127 text", "84\ttext",
 * "12"): its value and where the text after it begins; 0 when there is
 * none. */
static int64_t printed_number(const char *line, const char **text)
{
	const char *p = line;
	while (*p == ' ')
		p++;
	int64_t n = 0;
	const char *digits = p;
	while (*p >= '0' && *p <= '9' && p - digits < 9)
		n = n * 10 + (*p++ - '0');
	if (p == digits || (*p && *p != ' ' && *p != '\t'))
		return 0;
	while (*p == ' ' || *p == '\t')
		p++;
	*text = p;
	return n;
}

/* Whether the file's lines carry printed numbers: at least three, rising,
 * on at least 60 % of the lines that are not blank (headings may go
 * without). */
struct numbering {
	int64_t lines, numbered, last;
};

static int count_numbered(void *ctx, size_t lineno, const char *utf8, size_t len)
{
	struct numbering *c = ctx;
	const char *text;
	(void)lineno;
	(void)len;
	if (!*utf8 || strspn(utf8, " \t") == strlen(utf8))
		return 0;
	c->lines++;
	int64_t n = printed_number(utf8, &text);
	if (n > c->last) {
		c->numbered++;
		c->last = n;
	}
	return 0;
}

static enum status has_printed_numbers(struct db *db, const char *path, enum text_encoding enc,
	bool *yes)
{
	struct numbering c = { 0, 0, 0 };
	char err[512] = "";
	enum status rc = text_read_lines(path, enc, count_numbered, &c, err, sizeof err);
	if (rc != STATUS_OK)
		return db_fail(db, rc, "%s", err);
	*yes = c.numbered >= 3 && c.numbered * 10 >= c.lines * 6;
	return STATUS_OK;
}

struct line_sink {
	struct db *db;
	int64_t doc_id;
	int64_t wrap;          /* 0: lines as they are */
	bool printed;          /* keep the printed numbers apart */
	int64_t stored, wrapped;
	enum status rc;
};

static int store_line(void *ctx, size_t lineno, const char *utf8, size_t len)
{
	struct line_sink *sink = ctx;
	(void)lineno;
	(void)len;
	const char *text = utf8;
	int64_t printed = sink->printed ? printed_number(utf8, &text) : 0;
	if (!printed)
		text = utf8;
	int64_t part = 0;
	do {
		size_t piece = sink->wrap ? text_wrap_piece(text, (int)sink->wrap) : strlen(text);
		char *copy = strndup(text, piece);
		sink->rc = copy ? document_add_piece(sink->db, sink->doc_id, ++sink->stored, copy, part,
			printed) : db_fail(sink->db, STATUS_NOMEM, "%s", _("out of memory"));
		free(copy);
		text += piece;
		/* the space the line was split at goes; the paragraph is the
		 * pieces joined by one space */
		if (*text == ' ')
			text++;
		part++;
	} while (sink->rc == STATUS_OK && *text);
	sink->wrapped += part > 1;
	return sink->rc != STATUS_OK;
}

/* "folder/Protokoll 3.txt" -> "Protokoll 3" (malloc'd). */
static char *title_from_path(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	char *title = strdup(base);
	char *dot = title ? strrchr(title, '.') : NULL;
	if (dot && dot != title)
		*dot = '\0';
	return title;
}

/* Kinds of files that are recognisably not text by their first bytes
 * (or, for UTF-16 and UTF-32, text in an encoding we do not read). */
enum file_kind {
	FILE_TEXT,
	FILE_PDF, FILE_RTF, FILE_DOCX, FILE_ODT, FILE_DOC,
	FILE_XLSX, FILE_ODS, FILE_XLS, FILE_PPTX, FILE_ODP, FILE_OFFICE,
	FILE_ZIP, FILE_PNG, FILE_JPEG, FILE_GIF, FILE_GZIP,
	FILE_UTF16, FILE_UTF16LE, FILE_UTF16BE, FILE_UTF32, FILE_UTF32LE, FILE_UTF32BE,
};

/* How much of a file the sniffing reads: enough for the first entries
 * of an Office zip. */
#define SNIFF_SIZE 8192

static const char *file_kind_label(enum file_kind kind)
{
	switch (kind) {
	case FILE_TEXT: return _("a text file");
	case FILE_PDF: return _("a PDF file");
	case FILE_RTF: return _("an RTF file");
	case FILE_DOCX: return _("a Word document (.docx)");
	case FILE_ODT: return _("an OpenDocument text (.odt)");
	case FILE_DOC: return _("a Word document in the old format (.doc)");
	case FILE_XLSX: return _("an Excel spreadsheet (.xlsx)");
	case FILE_ODS: return _("an OpenDocument spreadsheet (.ods)");
	case FILE_XLS: return _("an Excel spreadsheet in the old format (.xls)");
	case FILE_PPTX: return _("a PowerPoint presentation (.pptx)");
	case FILE_ODP: return _("an OpenDocument presentation (.odp)");
	case FILE_OFFICE: return _("an Office document in the old format (.doc, .xls or .ppt)");
	case FILE_ZIP: return _("a ZIP archive");
	case FILE_PNG: return _("a PNG image");
	case FILE_JPEG: return _("a JPEG image");
	case FILE_GIF: return _("a GIF image");
	case FILE_GZIP: return _("a gzip archive");
	case FILE_UTF16: return _("UTF-16");
	case FILE_UTF16LE: return _("UTF-16 (little-endian, without BOM)");
	case FILE_UTF16BE: return _("UTF-16 (big-endian, without BOM)");
	case FILE_UTF32: return _("UTF-32");
	case FILE_UTF32LE: return _("UTF-32 (little-endian, without BOM)");
	case FILE_UTF32BE: return _("UTF-32 (big-endian, without BOM)");
	}
	return "";
}

/* iconv's name of an encoding we do not read; NULL for the rest. */
static const char *file_kind_iconv(enum file_kind kind)
{
	switch (kind) {
	case FILE_UTF16: return "UTF-16";
	case FILE_UTF16LE: return "UTF-16LE";
	case FILE_UTF16BE: return "UTF-16BE";
	case FILE_UTF32: return "UTF-32";
	case FILE_UTF32LE: return "UTF-32LE";
	case FILE_UTF32BE: return "UTF-32BE";
	default: return NULL;
	}
}

static bool has_prefix(const unsigned char *head, size_t n, const char *magic, size_t len)
{
	return n >= len && memcmp(head, magic, len) == 0;
}

static bool contains(const unsigned char *head, size_t n, const char *needle)
{
	size_t len = strlen(needle);
	for (size_t i = 0; i + len <= n; i++)
		if (memcmp(head + i, needle, len) == 0)
			return true;
	return false;
}

/* True when PATH ends in EXT (".docx"), in any case. */
static bool has_extension(const char *path, const char *ext)
{
	size_t n = strlen(path), len = strlen(ext);
	if (n < len)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = path[n - len + i];
		if ((c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c) != ext[i])
			return false;
	}
	return true;
}

/* A zip: OpenDocument names its type in the stored first entry
 * "mimetype" (its content starts at offset 38); Office Open XML has
 * folders word/, xl/ or ppt/ among the first entries.  Best effort: the
 * file name decides when the first bytes do not. */
static enum file_kind zip_kind(const unsigned char *head, size_t n, const char *path)
{
	static const char odf[] = "mimetypeapplication/vnd.oasis.opendocument.";
	if (n > 30 && has_prefix(head + 30, n - 30, odf, sizeof odf - 1)) {
		const unsigned char *type = head + 30 + sizeof odf - 1;
		size_t left = n - 30 - (sizeof odf - 1);
		if (has_prefix(type, left, "text", 4))
			return FILE_ODT;
		if (has_prefix(type, left, "spreadsheet", 11))
			return FILE_ODS;
		if (has_prefix(type, left, "presentation", 12))
			return FILE_ODP;
	}
	if (contains(head, n, "word/") || has_extension(path, ".docx"))
		return FILE_DOCX;
	if (contains(head, n, "xl/") || has_extension(path, ".xlsx"))
		return FILE_XLSX;
	if (contains(head, n, "ppt/") || has_extension(path, ".pptx"))
		return FILE_PPTX;
	if (has_extension(path, ".odt"))
		return FILE_ODT;
	if (has_extension(path, ".ods"))
		return FILE_ODS;
	return FILE_ZIP;
}

/* UTF-16 and UTF-32 without a BOM, by where the NUL bytes are: text in
 * a Latin script has a NUL in the high byte of (nearly) every unit and
 * none in the low byte.  Any text file with a NUL is refused anyway;
 * this only names what it is. */
static enum file_kind wide_kind(const unsigned char *head, size_t n)
{
	size_t nul[4] = { 0, 0, 0, 0 }, total = n / 4 * 4;
	if (total < 4)
		return FILE_TEXT;
	for (size_t i = 0; i < total; i++)
		nul[i % 4] += head[i] == '\0';
	size_t units = total / 4;  /* bytes per position mod 4 */
	if (nul[2] == units && nul[3] == units && nul[0] * 4 < units)
		return FILE_UTF32LE;
	if (nul[0] == units && nul[1] == units && nul[3] * 4 < units)
		return FILE_UTF32BE;
	size_t even = nul[0] + nul[2], odd = nul[1] + nul[3];
	if (odd * 2 >= 2 * units && even * 10 <= 2 * units && odd > 0)
		return FILE_UTF16LE;
	if (even * 2 >= 2 * units && odd * 10 <= 2 * units && even > 0)
		return FILE_UTF16BE;
	return FILE_TEXT;
}

/* What the first N bytes of PATH say the file is. */
static enum file_kind sniff(const unsigned char *head, size_t n, const char *path)
{
	if (has_prefix(head, n, "%PDF-", 5))
		return FILE_PDF;
	if (has_prefix(head, n, "{\\rtf", 5))
		return FILE_RTF;
	if (has_prefix(head, n, "PK\3\4", 4) || has_prefix(head, n, "PK\5\6", 4))
		return zip_kind(head, n, path);
	if (has_prefix(head, n, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
		return has_extension(path, ".doc") ? FILE_DOC
			: has_extension(path, ".xls") ? FILE_XLS : FILE_OFFICE;
	if (has_prefix(head, n, "\x89PNG\r\n\x1A\n", 8))
		return FILE_PNG;
	if (has_prefix(head, n, "\xFF\xD8\xFF", 3))
		return FILE_JPEG;
	if (has_prefix(head, n, "GIF87a", 6) || has_prefix(head, n, "GIF89a", 6))
		return FILE_GIF;
	if (has_prefix(head, n, "\x1F\x8B", 2))
		return FILE_GZIP;
	/* the BOMs; UTF-32LE's starts with UTF-16LE's */
	if (has_prefix(head, n, "\xFF\xFE\0\0", 4) || has_prefix(head, n, "\0\0\xFE\xFF", 4))
		return FILE_UTF32;
	if (has_prefix(head, n, "\xFF\xFE", 2) || has_prefix(head, n, "\xFE\xFF", 2))
		return FILE_UTF16;
	return memchr(head, '\0', n) ? wide_kind(head, n) : FILE_TEXT;
}

/* PATH for a shell command: as it is when that is safe, else in single
 * quotes; "./" before a leading "-", which would read as an option. */
static void shell_word(char *out, size_t size, const char *path)
{
	bool plain = *path != '\0';
	for (const char *p = path; *p && plain; p++)
		plain = (unsigned char)*p >= 0x80 || strchr("abcdefghijklmnopqrstuvwxyz"
			"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/+-,:@%=", *p);
	size_t len = 0;
	const char *lead = path[0] == '-' ? "./" : "";
	if (plain) {
		snprintf(out, size, "%s%s", lead, path);
		return;
	}
	len = (size_t)snprintf(out, size, "'%s", lead);
	for (const char *p = path; *p && len + 5 < size; p++) {
		if (*p == '\'') {
			memcpy(out + len, "'\\''", 4);
			len += 4;
		} else {
			out[len++] = *p;
		}
	}
	if (len + 2 <= size) {
		out[len++] = '\'';
		out[len] = '\0';
	}
}

/* PATH with its extension replaced by ".txt" ("Protokoll.docx" ->
 * "Protokoll.txt"), or by SUFFIX when that would be PATH itself. */
static void text_name(char *out, size_t size, const char *path, const char *suffix)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	int stem = (int)(dot && dot != base ? (size_t)(dot - path) : strlen(path));
	snprintf(out, size, "%.*s.txt", stem, path);
	if (strcmp(out, path) == 0)
		snprintf(out, size, "%.*s%s", stem, path, suffix);
}

/* Refuses PATH, which is of KIND, naming it and, where there is one,
 * the way to its text. */
static enum status refuse_kind(struct db *db, const char *path, enum file_kind kind)
{
	char in[600], out[600], txt[520];
	const char *from = file_kind_iconv(kind);
	shell_word(in, sizeof in, path);
	text_name(txt, sizeof txt, path, from ? "-utf8.txt" : "-text.txt");
	shell_word(out, sizeof out, txt);
	if (from)
		return db_fail(db, STATUS_BAD_FILE, _("%s is encoded in %s; didat reads UTF-8 and "
			"Windows-1252.  To convert: iconv -f %s -t UTF-8 %s -o %s"), path,
			file_kind_label(kind), from, in, out);
	switch (kind) {
	case FILE_DOCX:
	case FILE_ODT:
	case FILE_RTF:
		return db_fail(db, STATUS_BAD_FILE, _("%s is %s, not a text file.  To get its text: "
			"pandoc -t plain %s -o %s or in LibreOffice “File › Save As › Text "
			"(.txt)”"), path, file_kind_label(kind), in, out);
	case FILE_DOC:
	case FILE_OFFICE:
		return db_fail(db, STATUS_BAD_FILE, _("%s is %s, not a text file.  To get its text: in "
			"LibreOffice “File › Save As › Text (.txt)”"), path, file_kind_label(kind));
	case FILE_PDF:
		return db_fail(db, STATUS_BAD_FILE, _("%s is %s, not a text file.  To get its text: "
			"pdftotext %s %s"), path, file_kind_label(kind), in, out);
	case FILE_XLSX:
	case FILE_ODS:
	case FILE_XLS:
		return db_fail(db, STATUS_BAD_FILE, _("%s is %s, not a text file.  Tables are read by "
			"didat import-csv: save as CSV in the spreadsheet program"), path,
			file_kind_label(kind));
	default:
		return db_fail(db, STATUS_BAD_FILE, _("%s is %s, not a text file"), path,
			file_kind_label(kind));
	}
}

/* Refuses PATH when its first bytes show that it is not text. */
static enum status check_is_text(struct db *db, const char *path)
{
	char err[512] = "";
	FILE *f = text_open(path, err, sizeof err);
	if (!f)
		return db_fail(db, STATUS_IO, "%s", err);
	unsigned char *head = malloc(SNIFF_SIZE);
	if (!head) {
		fclose(f);
		return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	}
	size_t n = fread(head, 1, SNIFF_SIZE, f);
	fclose(f);
	enum file_kind kind = sniff(head, n, path);
	free(head);
	return kind == FILE_TEXT ? STATUS_OK : refuse_kind(db, path, kind);
}

enum status doc_import_file(struct db *db, int64_t session_id, const char *path,
	const struct doc_import_options *opt, struct doc_import_result *result)
{
	struct text_info info;
	char err[512] = "";
	enum status rc = check_is_text(db, path);
	if (rc != STATUS_OK)
		return rc;
	rc = text_scan_file(path, &info, err, sizeof err);
	if (rc != STATUS_OK)
		return db_fail(db, rc, "%s", err);

	const char *base = strrchr(path, '/');
	char *title = opt->title ? strdup(opt->title) : title_from_path(path);
	if (!title)
		return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	struct document doc = {
		.session_id = session_id,
		.title = title,
		.kind = (char *)(opt->kind ? opt->kind : "minutes"),
		.date = (char *)opt->date,
		.component_id = opt->component_id,
		.filename = (char *)(base ? base + 1 : path),
		.sha256 = info.sha256,
		.participants = (char *)opt->participants,
		.wrap = opt->wrap,
	};
	bool printed = opt->printed == PRINTED_YES;
	if (opt->printed == PRINTED_DETECT && doc.kind && strcmp(doc.kind, "draft") == 0) {
		rc = has_printed_numbers(db, path, info.encoding, &printed);
		if (rc != STATUS_OK) {
			free(title);
			return rc;
		}
	}
	rc = document_create(db, &doc);
	free(title);
	if (rc != STATUS_OK)
		return rc;

	struct line_sink sink = { db, doc.id, opt->wrap, printed, 0, 0, STATUS_OK };
	rc = text_read_lines(path, info.encoding, store_line, &sink, err, sizeof err);
	if (sink.rc != STATUS_OK) {
		snprintf(err, sizeof err, "%s", db_error(db));
		return db_fail(db, sink.rc, "%s: %s", path, err);
	}
	if (rc != STATUS_OK)
		return db_fail(db, rc, "%s", err);
	rc = document_finish(db, doc.id, sink.stored);
	if (rc != STATUS_OK)
		return rc;
	result->id = doc.id;
	result->lines = sink.stored;
	result->file_lines = (int64_t)info.lines;
	result->wrapped = sink.wrapped;
	result->printed = printed;
	result->converted = info.encoding == TEXT_CP1252;
	result->first_bad_line = (int64_t)info.bad_utf8_line;
	return STATUS_OK;
}

enum status doc_import_files(struct db *db, int64_t session_id, char *const *paths, size_t n,
	const struct doc_import_options *opt, struct doc_import_result *results)
{
	enum status rc = db_begin_bulk(db);
	for (size_t i = 0; i < n && rc == STATUS_OK; i++)
		rc = doc_import_file(db, session_id, paths[i], opt, &results[i]);
	rc = db_end(db, rc);
	if (rc != STATUS_OK && n > 1) {
		char message[1024];
		snprintf(message, sizeof message, "%s", db_error(db));
		db_fail(db, rc, _("%s — none of the %zu files was imported"), message, n);
	}
	return rc;
}

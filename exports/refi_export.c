/* REFI-QDA export: see refi.h.  Both files are streamed: the codebook
 * and project.qde through xmlTextWriter, the sources line by line; only
 * one document's line offsets are held at a time. */
#include "exports/refi.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/xmlwriter.h>
#include <zip.h>

#include "exports/refi_common.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"
#include "util/grow.h"
#include "util/i18n.h"

#define NS_CODEBOOK "urn:QDA-XML:codebook:1.0"
#define NS_PROJECT "urn:QDA-XML:project:1.0"
#define ORIGIN "didat " DIDAT_VERSION

/* The writer and where it writes; the first failure sticks. */
struct out {
	struct db *db;
	xmlTextWriterPtr w;
	bool project;           /* project.qde: codes carry their memos as notes */
	int64_t session;
	char *session_created;
	enum status rc;
};

#define X(s) ((const xmlChar *)(s))

static void fail_write(struct out *o)
{
	if (o->rc == STATUS_OK)
		o->rc = db_fail(o->db, STATUS_IO, "%s", _("writing the REFI-QDA XML failed"));
}

static void start(struct out *o, const char *name)
{
	if (o->rc == STATUS_OK && xmlTextWriterStartElement(o->w, X(name)) < 0)
		fail_write(o);
}

static void end(struct out *o)
{
	if (o->rc == STATUS_OK && xmlTextWriterEndElement(o->w) < 0)
		fail_write(o);
}

static void attr(struct out *o, const char *name, const char *value)
{
	if (o->rc == STATUS_OK && value && xmlTextWriterWriteAttribute(o->w, X(name), X(value)) < 0)
		fail_write(o);
}

static void attr_int(struct out *o, const char *name, int64_t value)
{
	char text[32];
	snprintf(text, sizeof text, "%" PRId64, value);
	attr(o, name, text);
}

/* <NAME>TEXT</NAME>, when TEXT is not empty. */
static void text_element(struct out *o, const char *name, const char *text)
{
	if (o->rc == STATUS_OK && text && *text &&
	    xmlTextWriterWriteElement(o->w, X(name), X(text)) < 0)
		fail_write(o);
}

static void ref(struct out *o, const char *element, const char *guid)
{
	start(o, element);
	attr(o, "targetGUID", guid);
	end(o);
}

/* The note of a memo: its GUID follows from its owner's. */
static void memo_guid(const char *owner, char guid[REFI_GUID_SIZE])
{
	refi_guid_from("memo", owner, guid);
}

/* <Code> with its attributes, description and (in a project) memo; its
 * children follow before end(). */
static void code_start(struct out *o, const char *guid, const char *name, bool codable,
	const char *colour, const char *definition, const char *memo)
{
	char hex[8], note[REFI_GUID_SIZE];
	start(o, "Code");
	attr(o, "guid", guid);
	attr(o, "name", name);
	attr(o, "isCodable", codable ? "true" : "false");
	attr(o, "color", refi_colour_hex(colour, hex));
	text_element(o, "Description", definition);
	if (o->project && memo && *memo) {
		memo_guid(guid, note);
		ref(o, "NoteRef", note);
	}
}

/* The free codes in their tree: pre-order, siblings by name. */
static enum status write_free_codes(struct out *o, int64_t *written)
{
	struct db_stmt *st = db_prepare(o->db, "WITH RECURSIVE t(id, key, depth) AS ("
		" SELECT id, name, 1 FROM code WHERE session_id = ?1 AND type = 'free'"
		"  AND parent_id IS NULL"
		" UNION ALL SELECT c.id, t.key || char(1) || c.name, t.depth + 1 FROM code c"
		"  JOIN t ON c.parent_id = t.id)"
		" SELECT c.guid, c.name, coalesce(c.colour, ''), coalesce(c.definition, ''),"
		"  coalesce(c.memo, ''), t.depth FROM t JOIN code c ON c.id = t.id ORDER BY t.key");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, o->session);
	int64_t open = 0;
	enum db_step step = DB_DONE;
	while (o->rc == STATUS_OK && (step = db_step(st)) == DB_ROW) {
		int64_t depth = db_column_int(st, 5);
		for (; open >= depth; open--)
			end(o);
		code_start(o, db_column_text(st, 0), db_column_text(st, 1), true, db_column_text(st, 2),
			db_column_text(st, 3), db_column_text(st, 4));
		open = depth;
		++*written;
	}
	db_reset(st);
	for (; open > 0; open--)
		end(o);
	if (o->rc == STATUS_OK && step == DB_ERROR)
		return db_step_status(st);
	return o->rc;
}

/* The item codes, each kind under a code of its own that is not codable;
 * that code's GUID follows from the session and the kind. */
static enum status write_item_codes(struct out *o, int64_t *written)
{
	struct db_stmt *st = db_prepare(o->db, "SELECT c.type, c.guid, l.name,"
		" coalesce(c.colour, ''), coalesce(c.definition, ''), coalesce(c.memo, '')"
		" FROM code c JOIN code_label l ON l.id = c.id"
		" WHERE c.session_id = ?1 AND c.type <> 'free' ORDER BY c.type, c.item_id");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, o->session);
	/* in the order of the code types, one query per type */
	enum status rc = STATUS_OK;
	for (size_t i = 0; rc == STATUS_OK && o->rc == STATUS_OK && code_type_at(i); i++) {
		const char *type = code_type_at(i);
		if (strcmp(type, "free") == 0)
			continue;
		bool opened = false;
		enum db_step step = DB_DONE;
		while (o->rc == STATUS_OK && (step = db_step(st)) == DB_ROW) {
			if (strcmp(db_column_text(st, 0), type) != 0)
				continue;
			if (!opened) {
				char guid[REFI_GUID_SIZE], seed[160];
				snprintf(seed, sizeof seed, "%s/%" PRId64 "/%s", o->session_created, o->session,
					type);
				refi_guid_from("kind", seed, guid);
				code_start(o, guid, code_type_plural(type), false, NULL, NULL, NULL);
				opened = true;
			}
			code_start(o, db_column_text(st, 1), db_column_text(st, 2), true,
				db_column_text(st, 3), db_column_text(st, 4), db_column_text(st, 5));
			end(o);
			++*written;
		}
		db_reset(st);
		if (step == DB_ERROR)
			rc = db_step_status(st);
		if (opened)
			end(o);
	}
	return rc != STATUS_OK ? rc : o->rc;
}

static enum status write_codes(struct out *o, int64_t *written)
{
	*written = 0;
	start(o, "Codes");
	enum status rc = write_free_codes(o, written);
	if (rc == STATUS_OK)
		rc = write_item_codes(o, written);
	end(o);
	return rc != STATUS_OK ? rc : o->rc;
}

static enum status count_codes(struct db *db, int64_t session, int64_t *n)
{
	return db_query_int(db, n, "SELECT count(*) FROM code WHERE session_id = ?1", "i", session);
}

static enum status out_open(struct out *o, struct db *db, int64_t session, FILE *fp)
{
	*o = (struct out){ .db = db, .session = session, .rc = STATUS_OK };
	struct db_stmt *st = db_prepare(db, "SELECT created FROM session WHERE id = ?1");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, session);
	if (db_step(st) != DB_ROW) {
		db_reset(st);
		return db_fail(db, STATUS_NOT_FOUND, _("Session %" PRId64 " does not exist"), session);
	}
	o->session_created = db_column_strdup(st, 0);
	db_reset(st);
	xmlOutputBufferPtr buf = o->session_created ? xmlOutputBufferCreateFile(fp, NULL) : NULL;
	o->w = buf ? xmlNewTextWriter(buf) : NULL;
	if (!o->w) {
		if (buf)
			xmlOutputBufferClose(buf);
		free(o->session_created);
		return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	}
	xmlTextWriterSetIndent(o->w, 1);
	xmlTextWriterSetIndentString(o->w, X("  "));
	if (xmlTextWriterStartDocument(o->w, "1.0", "UTF-8", NULL) < 0)
		fail_write(o);
	return o->rc;
}

static enum status out_close(struct out *o)
{
	if (o->w) {
		if (o->rc == STATUS_OK && xmlTextWriterEndDocument(o->w) < 0)
			fail_write(o);
		xmlFreeTextWriter(o->w);
	}
	free(o->session_created);
	return o->rc;
}

enum status refi_write_qdc(struct db *db, int64_t session_id, FILE *fp)
{
	int64_t codes = 0;
	enum status rc = count_codes(db, session_id, &codes);
	if (rc == STATUS_OK && !codes)
		return db_fail(db, STATUS_INVALID, _("Session %" PRId64 " has no codes: a REFI-QDA "
			"codebook needs at least one"), session_id);
	struct out o;
	if (rc == STATUS_OK)
		rc = out_open(&o, db, session_id, fp);
	if (rc != STATUS_OK)
		return rc;
	start(&o, "CodeBook");
	if (o.rc == STATUS_OK && xmlTextWriterWriteAttribute(o.w, X("xmlns"), X(NS_CODEBOOK)) < 0)
		fail_write(&o);
	attr(&o, "origin", ORIGIN);
	int64_t written = 0;
	rc = write_codes(&o, &written);
	end(&o);
	enum status closed = out_close(&o);
	return rc != STATUS_OK ? rc : closed;
}

/* ---- the project ---- */

/* Where the project is put together before it is zipped. */
struct folder {
	char dir[64];
	char **files;          /* the names inside the zip, relative to DIR */
	size_t n, cap;
};

static enum status folder_add(struct db *db, struct folder *f, const char *name)
{
	char **grown = grow(f->files, f->n, &f->cap, sizeof *f->files, 16);
	char *copy = grown ? strdup(name) : NULL;
	if (grown)
		f->files = grown;
	if (!copy)
		return db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	f->files[f->n++] = copy;
	return STATUS_OK;
}

static void folder_path(const struct folder *f, const char *name, char *path, size_t size)
{
	snprintf(path, size, "%s/%s", f->dir, name);
}

static void folder_remove(struct folder *f)
{
	char path[256];
	for (size_t i = 0; i < f->n; i++) {
		folder_path(f, f->files[i], path, sizeof path);
		unlink(path);
		free(f->files[i]);
	}
	free(f->files);
	folder_path(f, "sources", path, sizeof path);
	rmdir(path);
	folder_path(f, "project.qdpx", path, sizeof path);
	unlink(path);
	rmdir(f->dir);
}

static enum status write_users(struct out *o)
{
	struct db_stmt *st = db_prepare(o->db, "SELECT guid, name FROM coder WHERE id IN"
		" (SELECT coder_id FROM coding WHERE session_id = ?1) ORDER BY name");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, o->session);
	bool any = false;
	enum db_step step = DB_DONE;
	while (o->rc == STATUS_OK && (step = db_step(st)) == DB_ROW) {
		if (!any)
			start(o, "Users");
		any = true;
		start(o, "User");
		attr(o, "guid", db_column_text(st, 0));
		attr(o, "name", db_column_text(st, 1));
		end(o);
	}
	db_reset(st);
	if (any)
		end(o);
	if (o->rc == STATUS_OK && step == DB_ERROR)
		return db_step_status(st);
	return o->rc;
}

/* One document's text as a file, and where each of its lines starts, in
 * code points of that text. */
struct source_text {
	FILE *fp;
	int64_t *start;        /* start[i]: line i + 1 */
	size_t n, cap;
	int64_t length;        /* code points so far */
	bool nomem;
};

static int64_t code_points(const char *s)
{
	int64_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int keep_source_line(void *ctx, const struct doc_line *line)
{
	struct source_text *t = ctx;
	int64_t *grown = grow(t->start, t->n, &t->cap, sizeof *t->start, 256);
	if (!grown) {
		t->nomem = true;
		return 1;
	}
	t->start = grown;
	t->start[t->n++] = t->length;
	fputs(line->text, t->fp);
	fputc('\n', t->fp);
	t->length += code_points(line->text) + 1;
	return 0;
}

/* The end of line N (from 1): just past its last character. */
static int64_t line_end(const struct source_text *t, int64_t n)
{
	return ((size_t)n < t->n ? t->start[n] : t->length) - 1;
}

/* A document's description: what REFI-QDA has no place for. */
static void source_description(struct out *o, const struct document *d)
{
	char text[2048];
	int len = snprintf(text, sizeof text, "didat-kind: %s\n", d->kind);
	if (d->date && *d->date && len > 0 && (size_t)len < sizeof text)
		len += snprintf(text + len, sizeof text - (size_t)len, "didat-date: %s\n", d->date);
	if (d->participants && *d->participants && len > 0 && (size_t)len < sizeof text)
		len += snprintf(text + len, sizeof text - (size_t)len, "didat-participants: %s\n",
			d->participants);
	if (d->wrap && len > 0 && (size_t)len < sizeof text)
		snprintf(text + len, sizeof text - (size_t)len, "didat-wrap: %" PRId64 "\n", d->wrap);
	text_element(o, "Description", text);
}

static enum status write_selections(struct out *o, const struct document *d,
	const struct source_text *t)
{
	struct db_stmt *st = db_prepare(o->db, "SELECT g.guid, g.first_line, g.last_line, k.guid,"
		" g.created, c.guid, coalesce(g.memo, '') FROM coding g JOIN coder k ON k.id = g.coder_id"
		" JOIN code c ON c.id = g.code_id WHERE g.document_id = ?1"
		" ORDER BY g.first_line, g.last_line, g.id");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, d->id);
	enum db_step step = DB_DONE;
	while (o->rc == STATUS_OK && (step = db_step(st)) == DB_ROW) {
		const char *guid = db_column_text(st, 0), *user = db_column_text(st, 3);
		const char *created = db_column_text(st, 4);
		int64_t first = db_column_int(st, 1), last = db_column_int(st, 2);
		int64_t from = t->start[first - 1], to = line_end(t, last), s_mark, e_mark;
		char coding[REFI_GUID_SIZE], note[REFI_GUID_SIZE], *memo = NULL;
		/* a selection the import widened gets its exact positions back */
		if (refi_split_mark(db_column_text(st, 6), &s_mark, &e_mark, &memo) && s_mark >= from &&
		    e_mark <= to && s_mark <= e_mark) {
			from = s_mark;
			to = e_mark;
		}
		if (!memo) {
			o->rc = db_fail(o->db, STATUS_NOMEM, "%s", _("out of memory"));
			break;
		}
		start(o, "PlainTextSelection");
		attr(o, "guid", guid);
		attr_int(o, "startPosition", from);
		attr_int(o, "endPosition", to);
		attr(o, "creatingUser", user);
		attr(o, "creationDateTime", created);
		start(o, "Coding");
		refi_guid_from("coding", guid, coding);
		attr(o, "guid", coding);
		attr(o, "creatingUser", user);
		attr(o, "creationDateTime", created);
		ref(o, "CodeRef", db_column_text(st, 5));
		end(o);
		if (*memo) {
			memo_guid(guid, note);
			ref(o, "NoteRef", note);
		}
		free(memo);
		end(o);
	}
	db_reset(st);
	if (o->rc == STATUS_OK && step == DB_ERROR)
		return db_step_status(st);
	return o->rc;
}

/* Document D as a TextSource, its text into the folder. */
static enum status write_source(struct out *o, struct folder *f, const struct document *d)
{
	char *guid = NULL, name[64], path[256], note[REFI_GUID_SIZE];
	enum status rc = db_query_text(o->db, &guid, "SELECT guid FROM document WHERE id = ?1", d->id);
	if (rc != STATUS_OK)
		return rc;
	snprintf(name, sizeof name, "sources/%s.txt", guid);
	folder_path(f, name, path, sizeof path);
	struct source_text t = { fopen(path, "w"), NULL, 0, 0, 0, false };
	if (!t.fp)
		rc = db_fail(o->db, STATUS_IO, "%s: %s", path, strerror(errno));
	if (rc == STATUS_OK)
		rc = folder_add(o->db, f, name);
	if (rc == STATUS_OK)
		rc = document_lines_full(o->db, d->id, 1, d->line_count, keep_source_line, &t);
	if (rc == STATUS_OK && t.nomem)
		rc = db_fail(o->db, STATUS_NOMEM, "%s", _("out of memory"));
	if (t.fp && fclose(t.fp) != 0 && rc == STATUS_OK)
		rc = db_fail(o->db, STATUS_IO, "%s: %s", path, strerror(errno));
	if (rc == STATUS_OK) {
		char internal[64];
		snprintf(internal, sizeof internal, "internal://%s.txt", guid);
		start(o, "TextSource");
		attr(o, "guid", guid);
		attr(o, "name", d->title);
		attr(o, "plainTextPath", internal);
		attr(o, "creationDateTime", d->imported);
		source_description(o, d);
		rc = write_selections(o, d, &t);
		if (d->memo && *d->memo) {
			memo_guid(guid, note);
			ref(o, "NoteRef", note);
		}
		end(o);
	}
	free(t.start);
	free(guid);
	return rc != STATUS_OK ? rc : o->rc;
}

struct sources {
	struct out *o;
	struct folder *f;
	enum status rc;
	bool any;
};

static int on_document(void *ctx, const struct document *d, int64_t codings)
{
	struct sources *s = ctx;
	(void)codings;
	if (!s->any)
		start(s->o, "Sources");
	s->any = true;
	s->rc = write_source(s->o, s->f, d);
	return s->rc != STATUS_OK;
}

/* Every memo as a note: the codes', the documents', the codings'. */
static enum status write_notes(struct out *o)
{
	struct db_stmt *st = db_prepare(o->db,
		"SELECT guid, memo FROM code WHERE session_id = ?1 AND coalesce(memo, '') <> ''"
		" UNION ALL SELECT guid, memo FROM document WHERE session_id = ?1"
		"  AND coalesce(memo, '') <> ''"
		" UNION ALL SELECT guid, memo FROM coding WHERE session_id = ?1"
		"  AND coalesce(memo, '') <> ''");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, o->session);
	bool any = false;
	enum db_step step = DB_DONE;
	while (o->rc == STATUS_OK && (step = db_step(st)) == DB_ROW) {
		char note[REFI_GUID_SIZE], *memo = NULL;
		int64_t from, to;
		refi_split_mark(db_column_text(st, 1), &from, &to, &memo);
		if (!memo) {
			o->rc = db_fail(o->db, STATUS_NOMEM, "%s", _("out of memory"));
			break;
		}
		if (*memo) {
			if (!any)
				start(o, "Notes");
			any = true;
			memo_guid(db_column_text(st, 0), note);
			start(o, "Note");
			attr(o, "guid", note);
			attr(o, "name", _("Memo"));
			text_element(o, "PlainTextContent", memo);
			end(o);
		}
		free(memo);
	}
	db_reset(st);
	if (any)
		end(o);
	if (o->rc == STATUS_OK && step == DB_ERROR)
		return db_step_status(st);
	return o->rc;
}

/* The session's own fields and components, as the project's description. */
static enum status write_description(struct out *o, char **title)
{
	struct db_stmt *st = db_prepare(o->db, "SELECT title, coalesce(question, ''),"
		" coalesce(date, ''), coalesce(place, ''), coalesce(facilitator, ''),"
		" coalesce(inside, ''), coalesce(outside, ''), coalesce(region, ''),"
		" coalesce(horizon, ''), coalesce(notes, ''),"
		" coalesce((SELECT group_concat(number || ' ' || name, char(10)) FROM (SELECT number, name"
		"  FROM component WHERE session_id = ?1 ORDER BY number)), '')"
		" FROM session WHERE id = ?1");
	if (!st)
		return STATUS_DB;
	db_bind_int(st, 1, o->session);
	if (db_step(st) != DB_ROW)
		return db_step_status(st);
	static const char *const labels[] = {
		N_("Guiding question"), N_("Date"), N_("Place"), N_("Facilitator"),
		N_("Inside the system"), N_("Outside the system"), N_("Region"), N_("Time horizon"),
		N_("Notes"), N_("Components"),
	};
	char text[8192] = "";
	size_t len = 0;
	for (int i = 0; i < 10 && len < sizeof text; i++) {
		const char *value = db_column_text(st, i + 1);
		if (*value)
			len += (size_t)snprintf(text + len, sizeof text - len, "%s%s:%s%s", len ? "\n" : "",
				_(labels[i]), i == 9 ? "\n" : " ", value);
	}
	*title = db_column_strdup(st, 0);
	db_reset(st);
	text_element(o, "Description", text);
	return *title ? o->rc : db_fail(o->db, STATUS_NOMEM, "%s", _("out of memory"));
}

/* project.qde into the folder. */
static enum status write_project(struct db *db, int64_t session, struct folder *f)
{
	char path[256];
	folder_path(f, "project.qde", path, sizeof path);
	FILE *fp = fopen(path, "w");
	if (!fp)
		return db_fail(db, STATUS_IO, "%s: %s", path, strerror(errno));
	struct out o;
	enum status rc = out_open(&o, db, session, fp);
	if (rc == STATUS_OK)
		rc = folder_add(db, f, "project.qde");
	int64_t codes = 0;
	char *title = NULL;
	o.project = true;
	/* the name goes first; the description is written last */
	if (rc == STATUS_OK)
		rc = db_query_text(db, &title, "SELECT title FROM session WHERE id = ?1", session);
	start(&o, "Project");
	if (o.rc == STATUS_OK && xmlTextWriterWriteAttribute(o.w, X("xmlns"), X(NS_PROJECT)) < 0)
		fail_write(&o);
	attr(&o, "name", title);
	attr(&o, "origin", ORIGIN);
	attr(&o, "creationDateTime", o.session_created);
	free(title);
	title = NULL;
	if (rc == STATUS_OK)
		rc = write_users(&o);
	if (rc == STATUS_OK)
		rc = count_codes(db, session, &codes);
	if (rc == STATUS_OK && codes) {
		int64_t written = 0;
		start(&o, "CodeBook");
		rc = write_codes(&o, &written);
		end(&o);
	}
	struct sources s = { &o, f, STATUS_OK, false };
	if (rc == STATUS_OK)
		rc = document_list(db, session, on_document, &s);
	if (rc == STATUS_OK)
		rc = s.rc;
	if (s.any)
		end(&o);
	if (rc == STATUS_OK)
		rc = write_notes(&o);
	if (rc == STATUS_OK)
		rc = write_description(&o, &title);
	free(title);
	end(&o);
	enum status closed = out_close(&o);
	if (fclose(fp) != 0 && closed == STATUS_OK)
		closed = db_fail(db, STATUS_IO, "%s: %s", path, strerror(errno));
	return rc != STATUS_OK ? rc : closed;
}

/* The folder's files zipped into folder/project.qdpx. */
static enum status zip_folder(struct db *db, struct folder *f, char *zip_path, size_t size)
{
	folder_path(f, "project.qdpx", zip_path, size);
	int err = 0;
	zip_t *z = zip_open(zip_path, ZIP_CREATE | ZIP_TRUNCATE, &err);
	if (!z)
		return db_fail(db, STATUS_IO, _("%s: cannot create the zip (libzip error %d)"), zip_path,
			err);
	for (size_t i = 0; i < f->n; i++) {
		char path[256];
		folder_path(f, f->files[i], path, sizeof path);
		zip_source_t *src = zip_source_file(z, path, 0, -1);
		if (!src || zip_file_add(z, f->files[i], src, ZIP_FL_ENC_UTF_8) < 0) {
			if (src)
				zip_source_free(src);
			enum status rc = db_fail(db, STATUS_IO, "%s: %s", f->files[i], zip_strerror(z));
			zip_discard(z);
			return rc;
		}
	}
	if (zip_close(z) < 0) {
		enum status rc = db_fail(db, STATUS_IO, "%s: %s", zip_path, zip_strerror(z));
		zip_discard(z);
		return rc;
	}
	return STATUS_OK;
}

static enum status copy_file(struct db *db, const char *path, FILE *out)
{
	FILE *in = fopen(path, "rb");
	if (!in)
		return db_fail(db, STATUS_IO, "%s: %s", path, strerror(errno));
	char buf[65536];
	size_t n;
	bool ok = true;
	while (ok && (n = fread(buf, 1, sizeof buf, in)) > 0)
		ok = fwrite(buf, 1, n, out) == n;
	ok = ok && !ferror(in);
	fclose(in);
	return ok ? STATUS_OK : STATUS_IO;
}

enum status refi_write_qdpx(struct db *db, int64_t session_id, FILE *out)
{
	struct folder f = { .n = 0 };
	const char *tmp = getenv("TMPDIR");
	snprintf(f.dir, sizeof f.dir, "%s/didat-qdpx-XXXXXX", tmp && *tmp && strlen(tmp) < 40
		? tmp : "/tmp");
	if (!mkdtemp(f.dir))
		return db_fail(db, STATUS_IO, "%s: %s", f.dir, strerror(errno));
	char sources[128], zip_path[256];
	folder_path(&f, "sources", sources, sizeof sources);
	enum status rc = mkdir(sources, 0700) == 0 ? STATUS_OK
		: db_fail(db, STATUS_IO, "%s: %s", sources, strerror(errno));
	if (rc == STATUS_OK)
		rc = write_project(db, session_id, &f);
	if (rc == STATUS_OK)
		rc = zip_folder(db, &f, zip_path, sizeof zip_path);
	if (rc == STATUS_OK)
		rc = copy_file(db, zip_path, out);
	folder_remove(&f);
	return rc;
}

/* REFI-QDA import: see refi.h.  project.qde is read with libxml2's
 * streaming reader straight out of the zip and validated against the
 * schema as it is read; everything goes into one transaction, so that a
 * refusal anywhere leaves the database as it was.  The parser runs
 * without network access, without substituting entities and without
 * loading a DTD; a document with a DOCTYPE is refused. */
#include "exports/refi.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>
#include <zip.h>

#include "exports/refi_common.h"
#include "exports/refi_xsd.h"
#include "model/coding.h"
#include "model/db.h"
#include "model/document.h"
#include "model/exchange.h"
#include "model/session.h"
#include "util/grow.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/text.h"

#define X(s) ((const xmlChar *)(s))

/* GUIDs to ids: an open-addressing table of malloc'd keys. */
struct guid_map {
	char **keys;
	int64_t *ids;
	size_t cap, used;
};

static int tolower_ascii(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static size_t guid_hash(const char *s)
{
	size_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)tolower_ascii(*s)) * 1099511628211u;
	return h;
}


static bool guid_equal(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower_ascii((unsigned char)*a) != tolower_ascii((unsigned char)*b))
			return false;
	return *a == *b;
}

static size_t map_slot(const struct guid_map *m, const char *key)
{
	size_t i = guid_hash(key) & (m->cap - 1);
	while (m->keys[i] && !guid_equal(m->keys[i], key))
		i = (i + 1) & (m->cap - 1);
	return i;
}

/* The id of KEY, or 0. */
static int64_t map_get(const struct guid_map *m, const char *key)
{
	if (!m->cap)
		return 0;
	size_t i = map_slot(m, key);
	return m->keys[i] ? m->ids[i] : 0;
}

static bool map_put(struct guid_map *m, const char *key, int64_t id)
{
	if ((m->used + 1) * 2 > m->cap) {
		struct guid_map bigger = { calloc(m->cap ? m->cap * 2 : 64, sizeof *bigger.keys),
			calloc(m->cap ? m->cap * 2 : 64, sizeof *bigger.ids), m->cap ? m->cap * 2 : 64, 0 };
		if (!bigger.keys || !bigger.ids) {
			free(bigger.keys);
			free(bigger.ids);
			return false;
		}
		for (size_t i = 0; i < m->cap; i++)
			if (m->keys[i]) {
				size_t j = map_slot(&bigger, m->keys[i]);
				bigger.keys[j] = m->keys[i];
				bigger.ids[j] = m->ids[i];
				bigger.used++;
			}
		free(m->keys);
		free(m->ids);
		*m = bigger;
	}
	size_t i = map_slot(m, key);
	if (!m->keys[i]) {
		if (!(m->keys[i] = strdup(key)))
			return false;
		m->used++;
	}
	m->ids[i] = id;
	return true;
}

static void map_free(struct guid_map *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->ids);
	*m = (struct guid_map){ 0 };
}

/* What a note is for: NoteRefs come before the notes they name. */
struct target {
	enum exchange_row kind;
	int64_t id;
	int64_t next;          /* the next target of the same note, + 1; 0: none */
};

struct import {
	struct db *db;
	const char *path;
	zip_t *zip;
	xmlTextReaderPtr reader;
	struct refi_import_result *r;
	refi_progress_fn progress;
	void *progress_ctx;
	int64_t session;
	bool new_session;
	enum status rc;
	char error[512];       /* the parser's or the schema's first complaint */
	int error_line;
	/* the codebook */
	struct guid_map codes;
	int64_t code_stack[64];
	int code_depth[64];
	int ncode;
	/* the users: GUID to coder (by the coder's id) */
	struct guid_map users;
	/* the source being read */
	int source_depth;      /* 0: none */
	char *source_guid, *source_name, *source_text, *source_meta;
	int64_t source_doc;    /* 0: not made yet */
	int64_t *line_start;   /* in code points, per line */
	int64_t *line_stop;    /* just past each line's last character */
	int64_t *stored_start; /* where each starts in the lines as stored, joined by LF */
	size_t nlines, line_cap;
	int64_t text_length;
	/* the selection being read */
	int selection_depth;
	char *selection_guid, *selection_user, *selection_created;
	int64_t first_line, last_line, start, end;
	bool widened;
	int64_t *made;         /* its codings */
	size_t nmade, made_cap;
	char *coding_user, *coding_created;
	/* notes */
	struct guid_map notes; /* note GUID to the first target + 1 */
	struct target *targets;
	size_t ntargets, target_cap;
	int note_depth;
	char *note_guid;
	int skip_depth;        /* inside a source that is skipped: its depth; else -1 */
	/* notes no one had named yet, for a project's NoteRef after them */
	struct guid_map orphans;   /* note GUID to its text's index + 1 */
	char **orphan_text;
	size_t norphans, orphan_cap;
};

static enum status refuse(struct import *im, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A refusal naming the file and the line in project.qde. */
static enum status refuse(struct import *im, const char *fmt, ...)
{
	char what[700];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	xmlNodePtr node = im->reader ? xmlTextReaderCurrentNode(im->reader) : NULL;
	int line = node ? (int)xmlGetLineNo(node) : 0;
	if (im->rc == STATUS_OK)
		im->rc = line ? db_fail(im->db, STATUS_BAD_FILE, _("%s, line %d: %s; nothing imported"),
			im->path, line, what) : db_fail(im->db, STATUS_BAD_FILE, _("%s: %s; nothing imported"),
			im->path, what);
	return im->rc;
}

static void nomem(struct import *im)
{
	if (im->rc == STATUS_OK)
		im->rc = db_fail(im->db, STATUS_NOMEM, "%s", _("out of memory"));
}

static void on_xml_error(void *ctx, xmlErrorPtr e)
{
	struct import *im = ctx;
	if (!im->error[0] && e) {
		snprintf(im->error, sizeof im->error, "%s", e->message ? e->message : "?");
		size_t n = strlen(im->error);
		while (n && (im->error[n - 1] == '\n' || im->error[n - 1] == ' '))
			im->error[--n] = '\0';
		im->error_line = e->line;
	}
}

/* An attribute's value (malloc'd), or NULL. */
static char *attribute(struct import *im, const char *name)
{
	xmlChar *v = xmlTextReaderGetAttribute(im->reader, X(name));
	if (!v)
		return NULL;
	char *copy = strdup((const char *)v);
	xmlFree(v);
	if (!copy)
		nomem(im);
	return copy;
}

/* The text inside the current element (malloc'd). */
static char *element_text(struct import *im)
{
	xmlChar *v = xmlTextReaderReadString(im->reader);
	char *copy = strdup(v ? (const char *)v : "");
	xmlFree(v);
	if (!copy)
		nomem(im);
	return copy;
}

/* ---- the zip ---- */

/* Refuses an entry name that could leave the folder it is unpacked to. */
static bool entry_name_safe(const char *name)
{
	if (name[0] == '/' || name[0] == '\\' || strchr(name, '\\'))
		return false;
	for (const char *p = name; *p; ) {
		const char *slash = strchr(p, '/');
		size_t len = slash ? (size_t)(slash - p) : strlen(p);
		if (len == 2 && p[0] == '.' && p[1] == '.')
			return false;
		p += len + (slash != NULL);
	}
	return true;
}

static enum status zip_check(struct import *im)
{
	zip_int64_t n = zip_get_num_entries(im->zip, 0);
	for (zip_int64_t i = 0; i < n; i++) {
		const char *name = zip_get_name(im->zip, (zip_uint64_t)i, ZIP_FL_ENC_GUESS);
		if (!name || !entry_name_safe(name))
			return refuse(im, _("the zip entry \"%s\" leaves its folder (.. or an absolute "
				"path)"), name ? name : "?");
	}
	return STATUS_OK;
}

/* The whole entry NAME (malloc'd, NUL-terminated). */
static char *zip_read_all(struct import *im, const char *name, size_t *len)
{
	zip_stat_t st;
	if (zip_stat(im->zip, name, 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE)) {
		refuse(im, _("the zip has no entry \"%s\""), name);
		return NULL;
	}
	zip_file_t *f = zip_fopen(im->zip, name, 0);
	char *buf = f && st.size < SIZE_MAX ? malloc((size_t)st.size + 1) : NULL;
	zip_int64_t got = buf ? zip_fread(f, buf, st.size) : -1;
	if (f)
		zip_fclose(f);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		free(buf);
		refuse(im, _("the zip entry \"%s\" cannot be read"), name);
		return NULL;
	}
	buf[got] = '\0';
	*len = (size_t)got;
	return buf;
}

/* A source's plainTextPath: internal://NAME is sources/NAME in the zip. */
static char *source_from_path(struct import *im, const char *path)
{
	static const char internal[] = "internal://";
	if (strncmp(path, internal, sizeof internal - 1) != 0) {
		refuse(im, _("source \"%s\" lies outside the project (%s); only internal:// sources "
			"are read"), im->source_name ? im->source_name : "", path);
		return NULL;
	}
	char name[512];
	snprintf(name, sizeof name, "sources/%s", path + sizeof internal - 1);
	size_t len = 0;
	char *text = zip_read_all(im, name, &len);
	if (text && strlen(text) != len) {
		free(text);
		refuse(im, _("source \"%s\" holds NUL bytes: not plain text"), name);
		return NULL;
	}
	return text;
}

/* ---- codes ---- */

static void code_start(struct import *im)
{
	char *guid = attribute(im, "guid"), *name = attribute(im, "name");
	char *colour = attribute(im, "color");
	int depth = xmlTextReaderDepth(im->reader);
	while (im->ncode && im->code_depth[im->ncode - 1] >= depth)
		im->ncode--;
	int64_t parent = im->ncode ? im->code_stack[im->ncode - 1] : 0, id = 0;
	if (im->rc == STATUS_OK && (!guid || !name))
		refuse(im, "%s", _("a Code without guid or name"));
	if (im->rc == STATUS_OK && map_get(&im->codes, guid))
		refuse(im, _("code %s appears twice"), guid);
	/* didat's paths use "/": a name with one keeps it as "∕" */
	for (char *p = name; im->rc == STATUS_OK && p && (p = strchr(p, '/')); ) {
		size_t at = (size_t)(p - name);
		char *longer = malloc(strlen(name) + 3);
		if (!longer) {
			nomem(im);
			break;
		}
		memcpy(longer, name, at);
		strcpy(longer + at, "∕");
		strcpy(longer + at + 3, name + at + 1);
		free(name);
		name = longer;
		p = name + at + 3;
	}
	char hex[8];
	if (colour && colour[0] == '#' && strlen(colour) == 4) {
		snprintf(hex, sizeof hex, "#%c%c%c%c%c%c", colour[1], colour[1], colour[2], colour[2],
			colour[3], colour[3]);
		free(colour);
		colour = strdup(hex);
	}
	if (im->rc == STATUS_OK) {
		enum status rc = code_create_free(im->db, im->session, name, parent, colour, NULL, &id);
		if (rc != STATUS_OK)
			refuse(im, _("code %s \"%s\": %s"), guid, name, db_error(im->db));
	}
	if (im->rc == STATUS_OK && exchange_set_guid(im->db, EXCHANGE_CODE, id, guid) != STATUS_OK)
		im->rc = STATUS_DB;
	if (im->rc == STATUS_OK && !map_put(&im->codes, guid, id))
		nomem(im);
	if (im->rc == STATUS_OK && !xmlTextReaderIsEmptyElement(im->reader) &&
	    im->ncode < (int)(sizeof im->code_stack / sizeof im->code_stack[0])) {
		im->code_stack[im->ncode] = id;
		im->code_depth[im->ncode++] = depth;
	}
	im->r->codes += im->rc == STATUS_OK;
	free(guid);
	free(name);
	free(colour);
}

/* The code the current element sits in directly (a Description or NoteRef child). */
static int64_t enclosing_code(struct import *im)
{
	int depth = xmlTextReaderDepth(im->reader);
	return im->ncode && im->code_depth[im->ncode - 1] == depth - 1
		? im->code_stack[im->ncode - 1] : 0;
}

/* ---- notes ---- */

static void note_apply(struct import *im, const char *guid, const char *text);

static void note_ref(struct import *im, enum exchange_row kind, int64_t id)
{
	char *guid = attribute(im, "targetGUID");
	if (!guid)
		return;
	struct target *grown = grow(im->targets, im->ntargets, &im->target_cap, sizeof *grown, 64);
	if (!grown) {
		nomem(im);
		free(guid);
		return;
	}
	im->targets = grown;
	im->targets[im->ntargets] = (struct target){ kind, id, map_get(&im->notes, guid) };
	if (!map_put(&im->notes, guid, (int64_t)++im->ntargets))
		nomem(im);
	int64_t orphan = map_get(&im->orphans, guid);
	if (orphan && im->rc == STATUS_OK)
		note_apply(im, guid, im->orphan_text[orphan - 1]);
	free(guid);
}

/* A note no one has named yet: kept for a NoteRef that comes after it. */
static void note_keep(struct import *im, const char *guid, const char *text)
{
	char **grown = grow(im->orphan_text, im->norphans, &im->orphan_cap, sizeof *grown, 8);
	char *copy = grown ? strdup(text) : NULL;
	if (grown)
		im->orphan_text = grown;
	if (!copy) {
		nomem(im);
		return;
	}
	im->orphan_text[im->norphans++] = copy;
	if (!map_put(&im->orphans, guid, (int64_t)im->norphans))
		nomem(im);
}

/* TEXT becomes the memo of everything that named note GUID. */
static void note_apply(struct import *im, const char *guid, const char *text)
{
	if (!map_get(&im->notes, guid)) {
		note_keep(im, guid, text);
		return;
	}
	for (int64_t t = map_get(&im->notes, guid); t && im->rc == STATUS_OK;
	     t = im->targets[t - 1].next)
		if (exchange_add_note(im->db, im->targets[t - 1].kind, im->targets[t - 1].id, text)
		    != STATUS_OK)
			im->rc = STATUS_DB;
}

/* ---- sources ---- */

static void source_clear(struct import *im)
{
	free(im->source_guid);
	free(im->source_name);
	free(im->source_text);
	free(im->source_meta);
	im->source_guid = im->source_name = im->source_text = im->source_meta = NULL;
	im->source_doc = 0;
	im->source_depth = 0;
	im->nlines = 0;
	im->text_length = 0;
}

/* A line of the source's Description ("didat-kind: draft"), or NULL. */
static char *meta(const struct import *im, const char *key, char *buf, size_t size)
{
	for (const char *p = im->source_meta; p && *p; ) {
		const char *eol = strchr(p, '\n');
		size_t len = eol ? (size_t)(eol - p) : strlen(p), klen = strlen(key);
		if (len > klen + 2 && strncmp(p, key, klen) == 0 && p[klen] == ':' && p[klen + 1] == ' ') {
			snprintf(buf, size, "%.*s", (int)(len - klen - 2), p + klen + 2);
			return buf;
		}
		p += len + (eol != NULL);
	}
	return NULL;
}

/* Room for one more line's offsets. */
static bool line_room(struct import *im)
{
	size_t cap = im->line_cap, cap2 = im->line_cap;
	int64_t *a = grow(im->line_start, im->nlines, &cap, sizeof *a, 256);
	if (a)
		im->line_start = a;
	int64_t *b = a ? grow(im->line_stop, im->nlines, &cap2, sizeof *b, 256) : NULL;
	if (b)
		im->line_stop = b;
	int64_t *c = b ? grow(im->stored_start, im->nlines, &im->line_cap, sizeof *c, 256) : NULL;
	if (c)
		im->stored_start = c;
	if (!c)
		nomem(im);
	return c != NULL;
}

/* Splits the source's text into lines at LF, CRLF or a lone CR, noting
 * where each starts and ends in the text's code points and where it
 * starts in the text as stored (its lines joined by LF). */
static void store_lines(struct import *im)
{
	const char *text = im->source_text;
	int64_t cp = 0, stored = 0, number = 0;
	for (const char *p = text; im->rc == STATUS_OK && *p; ) {
		size_t len = strcspn(p, "\r\n");
		if (!line_room(im))
			return;
		im->line_start[im->nlines] = cp;
		im->stored_start[im->nlines] = stored;
		int64_t n = 0;
		for (size_t i = 0; i < len; i++)
			n += ((unsigned char)p[i] & 0xC0) != 0x80;
		cp += n;
		stored += n + 1;
		im->line_stop[im->nlines++] = cp;
		char *line = strndup(p, len);
		if (!line) {
			nomem(im);
			return;
		}
		if (document_add_line(im->db, im->source_doc, ++number, line) != STATUS_OK)
			im->rc = STATUS_DB;
		free(line);
		p += len;
		/* the line's end: CRLF, CR or LF, one or two code points */
		if (p[0] == '\r' && p[1] == '\n')
			p += 2, cp += 2;
		else if (*p)
			p++, cp++;
	}
	im->text_length = cp;
	if (im->rc == STATUS_OK && document_finish(im->db, im->source_doc, number) != STATUS_OK)
		im->rc = STATUS_DB;
}

/* Makes the document of the source being read, once. */
static void source_document(struct import *im)
{
	if (im->source_doc || im->rc != STATUS_OK)
		return;
	if (!im->source_text)
		im->source_text = strdup("");
	if (!im->source_text) {
		nomem(im);
		return;
	}
	if (!text_is_utf8(im->source_text, strlen(im->source_text))) {
		refuse(im, _("source %s \"%s\" is not UTF-8"), im->source_guid, im->source_name);
		return;
	}
	char hex[SHA256_HEX_SIZE], kind[32], date[64], participants[512], wrap[16];
	sha256_data_hex(im->source_text, strlen(im->source_text), hex);
	const char *given_kind = meta(im, "didat-kind", kind, sizeof kind);
	struct document d = {
		.session_id = im->session,
		.title = im->source_name && *im->source_name ? im->source_name : im->source_guid,
		.kind = given_kind && document_kind_valid(given_kind) ? kind : (char *)"minutes",
		.date = meta(im, "didat-date", date, sizeof date),
		.filename = im->source_name,
		.sha256 = hex,
		.participants = meta(im, "didat-participants", participants, sizeof participants),
	};
	if (meta(im, "didat-wrap", wrap, sizeof wrap))
		d.wrap = strtoll(wrap, NULL, 10);
	if (document_create(im->db, &d) != STATUS_OK) {
		refuse(im, _("source %s: %s"), im->source_guid, db_error(im->db));
		return;
	}
	im->source_doc = d.id;
	if (exchange_set_guid(im->db, EXCHANGE_DOCUMENT, d.id, im->source_guid) != STATUS_OK)
		im->rc = STATUS_DB;
	store_lines(im);
	im->r->sources++;
	if (im->progress && im->r->sources % REFI_PROGRESS_EVERY == 0)
		im->progress(im->progress_ctx, im->r);
}

static void source_start(struct import *im)
{
	source_clear(im);
	im->source_depth = xmlTextReaderDepth(im->reader);
	im->source_guid = attribute(im, "guid");
	im->source_name = attribute(im, "name");
	char *path = attribute(im, "plainTextPath");
	if (path && im->rc == STATUS_OK)
		im->source_text = source_from_path(im, path);
	free(path);
	if (xmlTextReaderIsEmptyElement(im->reader)) {
		source_document(im);
		source_clear(im);
	}
}

/* The line (from 1) that code point POS of the source falls in. */
static int64_t line_of(const struct import *im, int64_t pos)
{
	size_t lo = 0, hi = im->nlines;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (im->line_start[mid] <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return (int64_t)lo + 1;
}

static int64_t line_end(const struct import *im, int64_t line)
{
	return im->line_stop[line - 1];
}

static void selection_clear(struct import *im)
{
	free(im->selection_guid);
	free(im->selection_user);
	free(im->selection_created);
	im->selection_guid = im->selection_user = im->selection_created = NULL;
	im->selection_depth = 0;
	im->nmade = 0;
}

static void selection_start(struct import *im)
{
	source_document(im);
	selection_clear(im);
	im->selection_depth = xmlTextReaderDepth(im->reader);
	im->selection_guid = attribute(im, "guid");
	im->selection_user = attribute(im, "creatingUser");
	im->selection_created = attribute(im, "creationDateTime");
	char *s = attribute(im, "startPosition"), *e = attribute(im, "endPosition");
	im->start = s ? strtoll(s, NULL, 10) : -1;
	im->end = e ? strtoll(e, NULL, 10) : -1;
	free(s);
	free(e);
	if (im->rc != STATUS_OK)
		return;
	if (im->start < 0 || im->end < im->start || im->end > im->text_length || !im->nlines) {
		refuse(im, _("selection %s (%" PRId64 "–%" PRId64 ") lies outside its source \"%s\" of %"
			PRId64 " characters"), im->selection_guid, im->start, im->end, im->source_name,
			im->text_length);
		return;
	}
	im->first_line = line_of(im, im->start);
	im->last_line = im->end > im->start ? line_of(im, im->end - 1) : im->first_line;
	/* an end on the line's line break is its end */
	im->widened = im->start != im->line_start[im->first_line - 1] ||
		im->end < line_end(im, im->last_line);
	im->r->selections++;
	im->r->widened += im->widened;
}

/* The coder of a Coding: its creatingUser, else its selection's, else
 * the person importing. */
static const char *coder_of(struct import *im, char *name, size_t size)
{
	const char *user = im->coding_user ? im->coding_user : im->selection_user;
	if (!user) {
		snprintf(name, size, "%s", db_user(im->db));
		return name;
	}
	int64_t coder = map_get(&im->users, user);
	char *found = NULL;
	if (!coder) {
		refuse(im, _("user %s is not among the project's users"), user);
		return NULL;
	}
	if (coder_name(im->db, coder, &found) != STATUS_OK) {
		im->rc = STATUS_DB;
		return NULL;
	}
	snprintf(name, size, "%s", found);
	free(found);
	return name;
}

/* A CodeRef in a selection's Coding: the coding. */
static void code_ref(struct import *im)
{
	char *target = attribute(im, "targetGUID"), name[256];
	int64_t code = target ? map_get(&im->codes, target) : 0;
	if (im->rc == STATUS_OK && !code)
		refuse(im, _("CodeRef %s names no code of the codebook"), target ? target : "?");
	const char *coder = im->rc == STATUS_OK ? coder_of(im, name, sizeof name) : NULL;
	if (coder && im->selection_depth) {
		struct coding c = { .session_id = im->session, .document_id = im->source_doc,
			.first_line = im->first_line, .last_line = im->last_line, .code_id = code,
			.coder = coder, .guid = im->nmade ? NULL : im->selection_guid };
		enum status rc = coding_create(im->db, &c);
		int64_t *grown = grow(im->made, im->nmade, &im->made_cap, sizeof *grown, 4);
		if (rc == STATUS_CONFLICT)
			im->r->merged++;   /* widened onto a coding that is there */
		else if (rc != STATUS_OK)
			refuse(im, _("selection %s: %s"), im->selection_guid, db_error(im->db));
		else if (!grown)
			nomem(im);
		else {
			im->made = grown;
			im->made[im->nmade++] = c.id;
			im->r->codings++;
		}
	}
	free(target);
}

/* Position POS of the source, in line LINE, in the text as stored and as
 * the export writes it again (its line breaks are LF). */
static int64_t stored_position(const struct import *im, int64_t line, int64_t pos)
{
	int64_t in_line = pos - im->line_start[line - 1];
	int64_t width = im->line_stop[line - 1] - im->line_start[line - 1];
	return im->stored_start[line - 1] + (in_line < width ? in_line : width);
}

/* The end of a selection: a widened one says where it was in its memo. */
static void selection_end(struct import *im)
{
	if (im->widened && im->rc == STATUS_OK) {
		char memo[160];
		/* a mark of its own, read back by the export (refi_export.c) */
		snprintf(memo, sizeof memo, REFI_POSITION_MARK, stored_position(im, im->first_line,
			im->start), stored_position(im, im->last_line, im->end));
		for (size_t i = 0; i < im->nmade && im->rc == STATUS_OK; i++)
			if (exchange_add_mark(im->db, im->made[i], memo) != STATUS_OK)
				im->rc = STATUS_DB;
	}
	selection_clear(im);
}

static void skip_source(struct import *im, const char *kind)
{
	char *name = attribute(im, "name");
	size_t len = strlen(im->r->skipped_names);
	if (len < sizeof im->r->skipped_names - 1)
		snprintf(im->r->skipped_names + len, sizeof im->r->skipped_names - len, "%s%s (%s)",
			len ? ", " : "", name ? name : "?", kind);
	im->r->skipped++;
	free(name);
}

static void user_start(struct import *im)
{
	char *guid = attribute(im, "guid"), *name = attribute(im, "name");
	int64_t id = 0;
	if (!guid) {
		refuse(im, "%s", _("a User without guid"));
		free(name);
		return;
	}
	const char *who = name && *name ? name : guid;
	/* a coder of that name is that coder; a new one keeps the file's GUID */
	if (im->rc == STATUS_OK && coder_ensure(im->db, who, &id) != STATUS_OK)
		im->rc = STATUS_DB;
	if (im->rc == STATUS_OK && exchange_set_guid(im->db, EXCHANGE_CODER, id, guid) != STATUS_OK)
		im->rc = STATUS_DB;
	if (im->rc == STATUS_OK && !map_put(&im->users, guid, id))
		nomem(im);
	free(guid);
	free(name);
}

static void project_start(struct import *im)
{
	if (!im->new_session)
		return;
	char *name = attribute(im, "name");
	struct session s = { .title = name && *name ? name : (char *)_("Imported project") };
	if (im->rc == STATUS_OK && session_create(im->db, &s) != STATUS_OK)
		refuse(im, "%s", db_error(im->db));
	im->session = s.id;
	im->r->session_id = s.id;
	free(name);
}

/* ---- the walk ---- */

static const char *parent_name(int depth, char *const *names)
{
	return depth > 0 && names[depth - 1] ? names[depth - 1] : "";
}

static void on_element(struct import *im, const char *name, int depth, char **names)
{
	const char *parent = parent_name(depth, names);
	if (strcmp(name, "Project") == 0)
		project_start(im);
	else if (strcmp(name, "User") == 0)
		user_start(im);
	else if (strcmp(name, "Code") == 0 && !im->source_depth)
		code_start(im);
	else if (strcmp(name, "TextSource") == 0)
		source_start(im);
	else if (strcmp(name, "PDFSource") == 0 || strcmp(name, "PictureSource") == 0 ||
	         strcmp(name, "AudioSource") == 0 || strcmp(name, "VideoSource") == 0) {
		skip_source(im, name);
		/* its children are not read; walk() skips to its end */
		if (!xmlTextReaderIsEmptyElement(im->reader))
			im->skip_depth = depth;
	} else if (strcmp(name, "PlainTextContent") == 0 && strcmp(parent, "TextSource") == 0 &&
	           im->source_depth) {
		free(im->source_text);
		im->source_text = element_text(im);
	} else if (strcmp(name, "PlainTextContent") == 0 && im->note_depth && im->note_guid) {
		char *text = element_text(im);
		if (text)
			note_apply(im, im->note_guid, text);
		free(text);
	} else if (strcmp(name, "Description") == 0 && strcmp(parent, "TextSource") == 0) {
		free(im->source_meta);
		im->source_meta = element_text(im);
	} else if (strcmp(name, "Description") == 0 && strcmp(parent, "Code") == 0) {
		char *text = element_text(im);
		int64_t code = enclosing_code(im);
		if (text && code && code_set_definition(im->db, code, text) != STATUS_OK)
			im->rc = STATUS_DB;
		free(text);
	} else if (strcmp(name, "Description") == 0 && strcmp(parent, "Project") == 0 &&
	           im->new_session) {
		char *text = element_text(im);
		if (text && exchange_add_note(im->db, EXCHANGE_SESSION, im->session, text) != STATUS_OK)
			im->rc = STATUS_DB;
		free(text);
	} else if (strcmp(name, "PlainTextSelection") == 0) {
		selection_start(im);
		if (xmlTextReaderIsEmptyElement(im->reader))
			selection_end(im);
	} else if (strcmp(name, "Coding") == 0 && im->selection_depth) {
		free(im->coding_user);
		free(im->coding_created);
		im->coding_user = attribute(im, "creatingUser");
		im->coding_created = attribute(im, "creationDateTime");
	} else if (strcmp(name, "CodeRef") == 0 && strcmp(parent, "Coding") == 0) {
		if (im->selection_depth)
			code_ref(im);
		else
			refuse(im, "%s", _("a Coding of a whole source is not read: didat codes lines"));
	} else if (strcmp(name, "NoteRef") == 0) {
		if (strcmp(parent, "PlainTextSelection") == 0)
			for (size_t i = 0; i < im->nmade; i++)
				note_ref(im, EXCHANGE_CODING, im->made[i]);
		else if (strcmp(parent, "TextSource") == 0) {
			source_document(im);
			note_ref(im, EXCHANGE_DOCUMENT, im->source_doc);
		} else if (strcmp(parent, "Code") == 0 && enclosing_code(im))
			note_ref(im, EXCHANGE_CODE, enclosing_code(im));
		else if (strcmp(parent, "Project") == 0)
			note_ref(im, EXCHANGE_SESSION, im->session);
	} else if (strcmp(name, "Note") == 0) {
		free(im->note_guid);
		im->note_guid = attribute(im, "guid");
		im->note_depth = depth;
		char *path = attribute(im, "plainTextPath");
		if (path && im->note_guid && im->rc == STATUS_OK) {
			char *text = source_from_path(im, path);
			if (text)
				note_apply(im, im->note_guid, text);
			free(text);
		}
		free(path);
	}
}

static void on_end(struct import *im, const char *name, int depth)
{
	if (strcmp(name, "TextSource") == 0 && depth == im->source_depth) {
		source_document(im);
		source_clear(im);
	} else if (strcmp(name, "PlainTextSelection") == 0) {
		selection_end(im);
	} else if (strcmp(name, "Coding") == 0) {
		free(im->coding_user);
		free(im->coding_created);
		im->coding_user = im->coding_created = NULL;
	} else if (strcmp(name, "Note") == 0) {
		im->note_depth = 0;
	}
}

#define MAX_DEPTH 128

/* Reads the whole document, element by element. */
static void walk(struct import *im)
{
	char *names[MAX_DEPTH] = { 0 };
	int ret = 0;
	while (im->rc == STATUS_OK && (ret = xmlTextReaderRead(im->reader)) == 1 && !im->error[0]) {
		int type = xmlTextReaderNodeType(im->reader), depth = xmlTextReaderDepth(im->reader);
		const char *name = (const char *)xmlTextReaderConstLocalName(im->reader);
		if (type == XML_READER_TYPE_DOCUMENT_TYPE) {
			refuse(im, "%s", _("the XML has a DOCTYPE, which REFI-QDA does not use: refused, so "
				"that no entity reads files or the network"));
			break;
		}
		if (depth >= MAX_DEPTH) {
			refuse(im, "%s", _("the XML nests too deep"));
			break;
		}
		if (im->skip_depth >= 0) {
			if (type == XML_READER_TYPE_END_ELEMENT && depth == im->skip_depth)
				im->skip_depth = -1;
			continue;
		}
		if (type == XML_READER_TYPE_ELEMENT) {
			free(names[depth]);
			names[depth] = strdup(name ? name : "");
			bool empty = xmlTextReaderIsEmptyElement(im->reader);
			on_element(im, name ? name : "", depth, names);
			if (empty && strcmp(name, "Coding") == 0)
				on_end(im, name, depth);
		} else if (type == XML_READER_TYPE_END_ELEMENT)
			on_end(im, name ? name : "", depth);
	}
	for (int i = 0; i < MAX_DEPTH; i++)
		free(names[i]);
	if (im->rc != STATUS_OK)
		return;
	if (ret < 0 || im->error[0] || xmlTextReaderIsValid(im->reader) != 1) {
		char what[600];
		snprintf(what, sizeof what, _("not well-formed or not valid against the REFI-QDA "
			"schema: %s"), im->error[0] ? im->error : "?");
		im->reader = NULL;   /* the line is the parser's, below */
		im->rc = db_fail(im->db, STATUS_BAD_FILE, _("%s, line %d: %s; nothing imported"),
			im->path, im->error_line, what);
	}
}

/* xmlReaderForIO over an entry of the zip. */
static int zip_read_cb(void *ctx, char *buf, int len)
{
	zip_int64_t n = zip_fread(ctx, buf, (zip_uint64_t)len);
	return n < 0 ? -1 : (int)n;
}

static int zip_close_cb(void *ctx)
{
	return zip_fclose(ctx) == 0 ? 0 : -1;
}

static void import_free(struct import *im)
{
	source_clear(im);
	selection_clear(im);
	free(im->line_start);
	free(im->line_stop);
	free(im->stored_start);
	free(im->made);
	free(im->coding_user);
	free(im->coding_created);
	free(im->note_guid);
	free(im->targets);
	map_free(&im->codes);
	map_free(&im->users);
	map_free(&im->notes);
	map_free(&im->orphans);
	for (size_t i = 0; i < im->norphans; i++)
		free(im->orphan_text[i]);
	free(im->orphan_text);
}

/* Whether the XML's first bytes declare a DOCTYPE (whose entities could
 * read files or the network): such a file is refused before parsing. */
static bool has_doctype(struct import *im, const char *entry)
{
	char head[4097];
	zip_int64_t n = 0;
	if (entry) {
		zip_file_t *f = zip_fopen(im->zip, entry, 0);
		if (f) {
			n = zip_fread(f, head, sizeof head - 1);
			zip_fclose(f);
		}
	} else {
		FILE *f = fopen(im->path, "rb");
		if (f) {
			n = (zip_int64_t)fread(head, 1, sizeof head - 1, f);
			fclose(f);
		}
	}
	head[n > 0 ? n : 0] = '\0';
	return strstr(head, "<!DOCTYPE") != NULL;
}

/* Reads XML (from the zip's ENTRY, or the file PATH when ENTRY is NULL)
 * against SCHEMA (SIZE bytes). */
static void read_xml(struct import *im, const char *entry, const unsigned char *schema_text,
	size_t size)
{
	xmlSchemaParserCtxtPtr pc = xmlSchemaNewMemParserCtxt((const char *)schema_text, (int)size);
	xmlSchemaPtr schema = pc ? xmlSchemaParse(pc) : NULL;
	if (pc)
		xmlSchemaFreeParserCtxt(pc);
	if (!schema) {
		nomem(im);
		return;
	}
	int options = XML_PARSE_NONET;   /* no XML_PARSE_NOENT, no XML_PARSE_DTDLOAD */
	if (has_doctype(im, entry)) {
		refuse(im, "%s", _("the XML has a DOCTYPE, which REFI-QDA does not use: refused, so that "
			"no entity reads files or the network"));
	} else if (entry) {
		zip_file_t *f = zip_fopen(im->zip, entry, 0);
		if (!f)
			refuse(im, _("the zip has no entry \"%s\""), entry);
		else
			im->reader = xmlReaderForIO(zip_read_cb, zip_close_cb, f, entry, NULL, options);
	} else
		im->reader = xmlReaderForFile(im->path, NULL, options);
	if (im->rc == STATUS_OK && !im->reader)
		refuse(im, "%s", _("cannot be read as XML"));
	if (im->reader) {
		xmlTextReaderSetStructuredErrorHandler(im->reader, on_xml_error, im);
		if (xmlTextReaderSetSchema(im->reader, schema) != 0)
			refuse(im, "%s", _("the REFI-QDA schema cannot be used"));
		else
			walk(im);
		if (im->reader)
			xmlFreeTextReader(im->reader);
		im->reader = NULL;
	}
	xmlSchemaFree(schema);
}

enum status refi_import_qdpx(struct db *db, int64_t session_id, const char *path,
	refi_progress_fn progress, void *ctx, struct refi_import_result *result)
{
	struct import im = { .db = db, .path = path, .r = result, .session = session_id,
		.progress = progress, .progress_ctx = ctx, .skip_depth = -1,
		.new_session = session_id == 0, .rc = STATUS_OK };
	*result = (struct refi_import_result){ .session_id = session_id };
	int err = 0;
	im.zip = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &err);
	if (!im.zip) {
		zip_error_t ze;
		zip_error_init_with_code(&ze, err);
		enum status rc = db_fail(db, STATUS_BAD_FILE, _("%s: not a REFI-QDA project (.qdpx): "
			"%s; nothing imported"), path, zip_error_strerror(&ze));
		zip_error_fini(&ze);
		return rc;
	}
	enum status rc = db_begin_bulk(db);
	if (rc == STATUS_OK)
		im.rc = zip_check(&im);
	if (rc == STATUS_OK && im.rc == STATUS_OK)
		read_xml(&im, "project.qde", refi_project_xsd, refi_project_xsd_size);
	if (rc == STATUS_OK)
		rc = db_end(db, im.rc);
	import_free(&im);
	zip_discard(im.zip);
	return rc;
}

enum status refi_import_qdc(struct db *db, int64_t session_id, const char *path,
	struct refi_import_result *result)
{
	struct import im = { .db = db, .path = path, .r = result, .session = session_id,
		.skip_depth = -1, .rc = STATUS_OK };
	*result = (struct refi_import_result){ .session_id = session_id };
	enum status rc = db_begin_bulk(db);
	if (rc == STATUS_OK)
		read_xml(&im, NULL, refi_codebook_xsd, refi_codebook_xsd_size);
	if (rc == STATUS_OK)
		rc = db_end(db, im.rc);
	import_free(&im);
	return rc;
}

const char *refi_import_said(const struct refi_import_result *r, const char *path, char *buf,
	size_t size)
{
	int len = snprintf(buf, size, _("%s: session %" PRId64 ": %" PRId64 " codes, %" PRId64
		" sources, %" PRId64 " codings"), path, r->session_id, r->codes, r->sources, r->codings);
	if (r->widened && len > 0 && (size_t)len < size)
		len += snprintf(buf + len, size - (size_t)len, P_("; %" PRId64 " selection did not begin or "
			"end with its lines and was widened to whole lines (its memo keeps the exact "
			"positions)", "; %" PRId64 " selections did not begin or end with their lines and were "
			"widened to whole lines (their memos keep the exact positions)",
			(unsigned long)r->widened), r->widened);
	if (r->merged && len > 0 && (size_t)len < size)
		len += snprintf(buf + len, size - (size_t)len, P_("; %" PRId64 " selection, widened, was a "
			"coding already there and was merged into it", "; %" PRId64 " selections, widened, "
			"were codings already there and were merged into them", (unsigned long)r->merged),
			r->merged);
	if (r->skipped && len > 0 && (size_t)len < size)
		snprintf(buf + len, size - (size_t)len, P_("; %" PRId64 " source is not text and was "
			"skipped: %s", "; %" PRId64 " sources are not text and were skipped: %s",
			(unsigned long)r->skipped), r->skipped, r->skipped_names);
	return buf;
}

/* REFI-QDA export: see refi.h.  Both files are streamed: the codebook
 * and project.qde through xmlTextWriter, the sources line by line; only
 * one document's line offsets are held at a time. */
#include "exports/refi.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
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
#include "model/exchange.h"
#include "model/item.h"
#include "model/sqlbuf.h"
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
	struct session s;       /* its title, creation and fields */
	bool have_session;
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

/* The free codes in their tree: an exchange_code_cb. */
struct tree {
	struct out *o;
	int64_t open;          /* the elements open: the last code's depth */
};

static int on_free_code(void *ctx, const struct exchange_code *c)
{
	struct tree *t = ctx;
	for (; t->open >= c->depth; t->open--)
		end(t->o);
	code_start(t->o, c->guid, c->name, true, c->colour, c->definition, c->memo);
	t->open = c->depth;
	return t->o->rc != STATUS_OK;
}

/* The item codes in code order, each kind under a code of its own that
 * is not codable, whose GUID follows from the session and the kind: a
 * code_cb. */
struct kinds {
	struct out *o;
	const char *open;      /* the kind whose code is open; NULL: none */
};

static int on_item_code(void *ctx, const struct code_info *c)
{
	struct kinds *k = ctx;
	if (strcmp(c->type, "free") == 0)
		return 0;
	if (!k->open || strcmp(k->open, c->type) != 0) {
		char guid[REFI_GUID_SIZE], seed[160];
		if (k->open)
			end(k->o);
		snprintf(seed, sizeof seed, "%s/%" PRId64 "/%s", k->o->s.created, k->o->session,
			c->type);
		refi_guid_from("kind", seed, guid);
		code_start(k->o, guid, code_type_plural(c->type), false, NULL, NULL, NULL);
		/* C->TYPE lives only during the call; the table's name stays */
		for (size_t i = 0; code_type_at(i); i++)
			if (strcmp(code_type_at(i), c->type) == 0)
				k->open = code_type_at(i);
	}
	code_start(k->o, c->guid, c->name, true, c->colour, c->definition, c->memo);
	end(k->o);
	return k->o->rc != STATUS_OK;
}

static enum status write_codes(struct out *o)
{
	start(o, "Codes");
	struct tree t = { o, 0 };
	enum status rc = exchange_free_codes(o->db, o->session, on_free_code, &t);
	for (; t.open > 0; t.open--)
		end(o);
	struct kinds k = { o, NULL };
	if (rc == STATUS_OK && o->rc == STATUS_OK)
		rc = code_list(o->db, o->session, on_item_code, &k);
	if (k.open)
		end(o);
	end(o);
	return rc != STATUS_OK ? rc : o->rc;
}

static int count_code(void *ctx, const struct code_info *c)
{
	(void)c;
	++*(int64_t *)ctx;
	return 0;
}

static enum status count_codes(struct db *db, int64_t session, int64_t *n)
{
	*n = 0;
	return code_list(db, session, count_code, n);
}

static enum status out_open(struct out *o, struct db *db, int64_t session, FILE *fp)
{
	*o = (struct out){ .db = db, .session = session, .rc = STATUS_OK };
	enum status rc = item_read(db, item_type(ITEM_SESSION), session, &o->s);
	if (rc != STATUS_OK)
		return rc;
	o->have_session = true;
	xmlOutputBufferPtr buf = xmlOutputBufferCreateFile(fp, NULL);
	o->w = buf ? xmlNewTextWriter(buf) : NULL;
	if (!o->w) {
		if (buf)
			xmlOutputBufferClose(buf);
		item_clear(item_type(ITEM_SESSION), &o->s);
		o->have_session = false;
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
	if (o->have_session)
		item_clear(item_type(ITEM_SESSION), &o->s);
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
	rc = write_codes(&o);
	end(&o);
	enum status closed = out_close(&o);
	return rc != STATUS_OK ? rc : closed;
}

/* ---- the project ---- */

/* Where the project is put together before it is zipped. */
struct folder {
	char dir[PATH_MAX / 2];     /* so that a file's path in it fits PATH_MAX */
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
	/* names are GUIDs or fixed: too long cannot happen, but is no path either */
	if ((size_t)snprintf(path, size, "%s/%s", f->dir, name) >= size)
		path[0] = '\0';
}

static void folder_remove(struct folder *f)
{
	char path[PATH_MAX];
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

/* The Users element, opened at the first: an exchange_user_cb. */
struct users {
	struct out *o;
	bool any;
};

static int on_user(void *ctx, const char *guid, const char *name)
{
	struct users *u = ctx;
	if (!u->any)
		start(u->o, "Users");
	u->any = true;
	start(u->o, "User");
	attr(u->o, "guid", guid);
	attr(u->o, "name", name);
	end(u->o);
	return u->o->rc != STATUS_OK;
}

static enum status write_users(struct out *o)
{
	struct users u = { o, false };
	enum status rc = exchange_users(o->db, o->session, on_user, &u);
	if (u.any)
		end(o);
	return rc != STATUS_OK ? rc : o->rc;
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

/* A coding as a PlainTextSelection of its source T: an exchange_selection_cb. */
struct selections {
	struct out *o;
	const struct source_text *t;
};

static int on_selection(void *ctx, const struct exchange_selection *sel)
{
	struct selections *x = ctx;
	struct out *o = x->o;
	int64_t from = x->t->start[sel->first_line - 1], to = line_end(x->t, sel->last_line);
	int64_t s_mark, e_mark;
	char coding[REFI_GUID_SIZE], note[REFI_GUID_SIZE], *memo = NULL;
	/* a selection the import widened gets its exact positions back */
	if (refi_split_mark(sel->memo, &s_mark, &e_mark, &memo) && s_mark >= from && e_mark <= to &&
	    s_mark <= e_mark) {
		from = s_mark;
		to = e_mark;
	}
	if (!memo) {
		o->rc = db_fail(o->db, STATUS_NOMEM, "%s", _("out of memory"));
		return 1;
	}
	start(o, "PlainTextSelection");
	attr(o, "guid", sel->guid);
	attr_int(o, "startPosition", from);
	attr_int(o, "endPosition", to);
	attr(o, "creatingUser", sel->user);
	attr(o, "creationDateTime", sel->created);
	start(o, "Coding");
	refi_guid_from("coding", sel->guid, coding);
	attr(o, "guid", coding);
	attr(o, "creatingUser", sel->user);
	attr(o, "creationDateTime", sel->created);
	ref(o, "CodeRef", sel->code);
	end(o);
	if (*memo) {
		memo_guid(sel->guid, note);
		ref(o, "NoteRef", note);
	}
	free(memo);
	end(o);
	return o->rc != STATUS_OK;
}

/* Document D as a TextSource, its text into the folder. */
static enum status write_source(struct out *o, struct folder *f, const struct document *d)
{
	char *guid = NULL, name[64], path[PATH_MAX], note[REFI_GUID_SIZE];
	enum status rc = exchange_document_guid(o->db, d->id, &guid);
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
		struct selections x = { o, &t };
		rc = exchange_selections(o->db, d->id, on_selection, &x);
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

/* Every memo as a note (a position mark aside): an exchange_memo_cb. */
static int on_memo(void *ctx, const char *owner, const char *text)
{
	struct users *notes = ctx;   /* the Notes element, opened at the first */
	struct out *o = notes->o;
	char note[REFI_GUID_SIZE], *memo = NULL;
	int64_t from, to;
	refi_split_mark(text, &from, &to, &memo);
	if (!memo) {
		o->rc = db_fail(o->db, STATUS_NOMEM, "%s", _("out of memory"));
		return 1;
	}
	if (*memo) {
		if (!notes->any)
			start(o, "Notes");
		notes->any = true;
		memo_guid(owner, note);
		start(o, "Note");
		attr(o, "guid", note);
		attr(o, "name", _("Memo"));
		text_element(o, "PlainTextContent", memo);
		end(o);
	}
	free(memo);
	return o->rc != STATUS_OK;
}

static enum status write_notes(struct out *o)
{
	struct users notes = { o, false };
	enum status rc = exchange_memos(o->db, o->session, on_memo, &notes);
	if (notes.any)
		end(o);
	return rc != STATUS_OK ? rc : o->rc;
}

/* The components, a line each: an item_cb. */
static int on_component(void *ctx, const void *item)
{
	const struct component *c = item;
	struct sqlbuf *b = ctx;
	sqlbuf_addf(b, "\n%" PRId64 " %s", c->number, c->name);
	return 0;
}

/* The session's own fields and components, as the project's description. */
static enum status write_description(struct out *o)
{
	const struct session *s = &o->s;
	const struct { const char *label, *value; } fields[] = {
		{ N_("Guiding question"), s->question }, { N_("Date"), s->date },
		{ N_("Place"), s->place }, { N_("Facilitator"), s->facilitator },
		{ N_("Participants"), s->participants },
		{ N_("Inside the system"), s->inside }, { N_("Outside the system"), s->outside },
		{ N_("Region"), s->region }, { N_("Time horizon"), s->horizon },
		{ N_("Notes"), s->notes },
	};
	struct sqlbuf text = { 0 }, components = { 0 };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (fields[i].value && *fields[i].value)
			sqlbuf_addf(&text, "%s%s: %s", text.text ? "\n" : "", _(fields[i].label),
				fields[i].value);
	enum status rc = item_list(o->db, item_type(ITEM_COMPONENT), o->session, on_component,
		&components);
	if (rc == STATUS_OK && components.text)
		sqlbuf_addf(&text, "%s%s:%s", text.text ? "\n" : "", _("Components"), components.text);
	if (rc == STATUS_OK && (text.failed || components.failed))
		rc = db_fail(o->db, STATUS_NOMEM, "%s", _("out of memory"));
	if (rc == STATUS_OK)
		text_element(o, "Description", text.text);
	sqlbuf_free(&text);
	sqlbuf_free(&components);
	return rc != STATUS_OK ? rc : o->rc;
}

/* project.qde into the folder. */
static enum status write_project(struct db *db, int64_t session, struct folder *f)
{
	char path[PATH_MAX];
	folder_path(f, "project.qde", path, sizeof path);
	FILE *fp = fopen(path, "w");
	if (!fp)
		return db_fail(db, STATUS_IO, "%s: %s", path, strerror(errno));
	struct out o;
	enum status rc = out_open(&o, db, session, fp);
	if (rc == STATUS_OK)
		rc = folder_add(db, f, "project.qde");
	if (rc != STATUS_OK) {
		if (o.w)
			out_close(&o);
		fclose(fp);
		return rc;
	}
	int64_t codes = 0;
	o.project = true;
	/* the name goes first; the description is written last */
	start(&o, "Project");
	if (o.rc == STATUS_OK && xmlTextWriterWriteAttribute(o.w, X("xmlns"), X(NS_PROJECT)) < 0)
		fail_write(&o);
	attr(&o, "name", o.s.title);
	attr(&o, "origin", ORIGIN);
	attr(&o, "creationDateTime", o.s.created);
	rc = write_users(&o);
	if (rc == STATUS_OK)
		rc = count_codes(db, session, &codes);
	if (rc == STATUS_OK && codes) {
		start(&o, "CodeBook");
		rc = write_codes(&o);
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
		rc = write_description(&o);
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
		char path[PATH_MAX];
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
	/* a mkdtemp(3) template: the six X become the folder's own name */
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp || (size_t)snprintf(f.dir, sizeof f.dir, "%s/didat-qdpx-XXXXXX", tmp)
	    >= sizeof f.dir)
		snprintf(f.dir, sizeof f.dir, "/tmp/didat-qdpx-XXXXXX");
	if (!mkdtemp(f.dir))
		return db_fail(db, STATUS_IO, "%s: %s", f.dir, strerror(errno));
	char sources[PATH_MAX], zip_path[PATH_MAX];
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

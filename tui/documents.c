/* The "Dokumente" step: the session's documents with kind, date, lines
 * and codings; import through a file prompt that completes names (the
 * import the command line uses, all files or none), metadata, delete,
 * and the ways into the reader, the full-text search and the hinge view. */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exports/doc_import.h"
#include "exports/refi.h"
#include "model/db.h"
#include "model/document.h"
#include "tui/app.h"
#include "tui/code_picker.h"
#include "tui/codebook_view.h"
#include "tui/dialog.h"
#include "tui/hinge_view.h"
#include "tui/listpos.h"
#include "tui/panel.h"
#include "tui/reader.h"
#include "tui/search_view.h"
#include "util/complete.h"
#include "util/display.h"
#include "util/i18n.h"
#include "util/grow.h"


enum {
	D_OPEN = 1, D_IMPORT, D_EDIT, D_DELETE, D_SEARCH, D_HINGE, D_CODEBOOK, D_IMPORT_QDC,
};

static const struct binding documents_keys[] = {
	PANEL_MOVE_KEYS,
	{ '\r', D_OPEN, "Enter", N_("open the document in the reader (read and code)") },
	{ '\n', D_OPEN, "Enter", NULL },
	{ UI_FN(KEY_ENTER), D_OPEN, "Enter", NULL },
	{ 'i', D_IMPORT, "i", N_("import text files (Tab completes file names)") },
	{ 'e', D_EDIT, "e", N_("edit the metadata: title, kind, date, component, participants, memo") },
	{ 'd', D_DELETE, N_("d/Del"), N_("delete the document (asks)") },
	{ UI_FN(KEY_DC), D_DELETE, N_("Del"), NULL },
	{ '/', D_SEARCH, N_("/ Ctrl-F"), N_("full-text search in documents and items") },
	{ UI_CTRL('f'), D_SEARCH, N_("Ctrl-F"), NULL },
	{ 'h', D_HINGE, "h", N_("hinge view: choose a code") },
	{ 'b', D_CODEBOOK, "b", N_("codebook: codes, frequencies") },
	{ 'R', D_IMPORT_QDC, "R", N_("import a REFI-QDA codebook (.qdc) into the codebook") },
};

/* R: a codebook from another QDA program, all or nothing. */
static void import_qdc(struct app *app)
{
	char *path = NULL, said[1200];
	if (!app_ask_file(app, _("Import a REFI-QDA codebook"), _("File (.qdc):"), &path))
		return;
	struct refi_import_result r;
	if (refi_import_qdc(app_db(app), app_session(app), path, &r) != STATUS_OK)
		app_error(app);
	else
		app_status(app, "%s", refi_import_said(&r, path, said, sizeof said));
	app_changed(app);
	free(path);
}

/* The document kinds the picker offers (the model's list ends in NULL). */
static size_t kind_count(void)
{
	size_t n = 0;
	while (document_kind_at(n))
		n++;
	return n;
}

struct doc_row {
	int64_t id, lines, codings, component_id;
	char *title, *kind, *date, *filename, *participants, *memo, *imported;
};

static struct {
	struct doc_row *rows;
	size_t n, cap;          /* rows loaded */
	struct list_pos pos;
	bool nomem;
} dl;

static void row_free(struct doc_row *r)
{
	free(r->title);
	free(r->kind);
	free(r->date);
	free(r->filename);
	free(r->participants);
	free(r->memo);
	free(r->imported);
}

static char *copy(const char *s)
{
	return strdup(s ? s : "");
}

static int keep_document(void *ctx, const struct document *d, int64_t codings)
{
	(void)ctx;
	struct doc_row *grown = grow(dl.rows, dl.n, &dl.cap, sizeof *dl.rows, 32);
	if (!grown) {
		dl.nomem = true;
		return 1;
	}
	dl.rows = grown;
	struct doc_row *r = &dl.rows[dl.n];
	*r = (struct doc_row){ d->id, d->line_count, codings, d->component_id, copy(d->title),
		copy(d->kind), copy(d->date), copy(d->filename), copy(d->participants), copy(d->memo),
		copy(d->imported) };
	if (!r->title || !r->kind || !r->date || !r->filename || !r->participants || !r->memo
	    || !r->imported) {
		row_free(r);
		dl.nomem = true;
		return 1;
	}
	dl.n++;
	return 0;
}

static int64_t current_id(void)
{
	return dl.pos.cursor < dl.n ? dl.rows[dl.pos.cursor].id : 0;
}

static void select_id(int64_t id)
{
	for (size_t i = 0; i < dl.n; i++)
		if (dl.rows[i].id == id)
			dl.pos.cursor = i;
}

static void documents_open(struct app *app)
{
	int64_t keep = current_id();
	for (size_t i = 0; i < dl.n; i++)
		row_free(&dl.rows[i]);
	dl.n = 0;
	dl.nomem = false;
	if (document_list(app_db(app), app_session(app), keep_document, NULL) != STATUS_OK)
		app_error(app);
	else if (dl.nomem)
		app_status(app, "%s", _("out of memory: not all documents are shown"));
	list_set_count(&dl.pos, dl.n);
	select_id(keep);
}

/* ---- drawing ---- */

/* The columns that fit W: the title takes what the others leave. */
struct columns {
	bool kind, date;
	int title_w;
};

static struct columns columns_for(int w)
{
	struct columns c = { true, true, 0 };
	/* "  3 " number, " Zeilen" 7, "  Kod." 6 */
	int fixed = 4 + 7 + 6;
	if (w - fixed - 17 - 11 < 20)
		c.kind = false;
	if (w - fixed - (c.kind ? 17 : 0) - 11 < 14)
		c.date = false;
	c.title_w = w - fixed - (c.kind ? 17 : 0) - (c.date ? 11 : 0);
	return c;
}

static void draw_columns(int y, int x, int w, const struct columns *c, const char *number,
	const char *title, const char *kind, const char *date, const char *lines,
	const char *codings, attr_t a, attr_t figures)
{
	ui_text_pad(y, x, w, "", a);
	int cx = x;
	ui_text(y, cx, 4, number, figures);
	cx += 4;
	ui_text(y, cx, c->title_w - 1, title, a);
	cx += c->title_w;
	if (c->kind) {
		ui_text(y, cx, 16, kind, a);
		cx += 17;
	}
	if (c->date) {
		ui_text(y, cx, 10, date, a);
		cx += 11;
	}
	char buf[16];
	snprintf(buf, sizeof buf, "%6s", lines);
	ui_text(y, cx, 7, buf, figures);
	cx += 7;
	snprintf(buf, sizeof buf, "%5s", codings);
	ui_text(y, cx, 6, buf, figures);
}

/* Below the list: the selected document's file, component, participants
 * and memo. */
static void draw_detail(struct app *app, struct rect r)
{
	if (dl.pos.cursor >= dl.n || r.h < 1)
		return;
	const struct doc_row *d = &dl.rows[dl.pos.cursor];
	char text[4096], comp[300];
	dialog_label_of(app, ITEM_COMPONENT, d->component_id, comp, sizeof comp);
	snprintf(text, sizeof text, _("File: %s · imported %s\nComponent: %s\nParticipants: %s\n"
		"Memo: %s"), *d->filename ? d->filename : "—", d->imported, *comp ? comp : "—",
		*d->participants ? d->participants : "—", *d->memo ? d->memo : "—");
	ui_wrap(r, 0, text, ui_attr(UI_DIM));
}

static void documents_draw(struct app *app, struct rect r)
{
	r.x++;
	r.w -= 2;
	char head[128];
	snprintf(head, sizeof head, _("Documents (%zu)"), dl.n);
	ui_text_pad(r.y, r.x, r.w, head, ui_attr(UI_TITLE));
	int detail_h = r.h >= 16 ? 5 : 0;
	struct columns c = columns_for(r.w);
	draw_columns(r.y + 1, r.x, r.w, &c, _("No."), _("Title"), _("Kind"), _("Date"), _("Lines"),
		_("Cod."), ui_attr(UI_DIM), ui_attr(UI_DIM));
	list_place(&dl.pos, (struct rect){ r.y + 2, r.x, r.h - 2 - detail_h, r.w });
	const struct rect *list = &dl.pos.area;
	if (dl.n == 0) {
		ui_wrap((struct rect){ list->y, r.x, list->h, r.w }, 0,
			_("No documents yet. i imports text files (.txt, .md; UTF-8 or "
			  "Windows-1252), e.g. the subgroups' minutes."), ui_attr(UI_DIM));
		return;
	}
	for (int i = 0; i < list->h && dl.pos.top + (size_t)i < dl.n; i++) {
		size_t index = dl.pos.top + (size_t)i;
		const struct doc_row *d = &dl.rows[index];
		bool cur = index == dl.pos.cursor;
		attr_t a = cur ? ui_attr(UI_CURSOR) : ui_attr(UI_NORMAL);
		char number[16], lines[24], codings[24];
		snprintf(number, sizeof number, "%3" PRId64 " ", d->id);
		snprintf(lines, sizeof lines, "%" PRId64, d->lines);
		snprintf(codings, sizeof codings, "%" PRId64, d->codings);
		draw_columns(list->y + i, r.x, r.w, &c, number, d->title, document_kind_label(d->kind), d->date,
			lines, codings, a, cur ? a : ui_attr(UI_ACCENT));
	}
	if (detail_h) {
		int y = r.y + r.h - detail_h;
		attrset(ui_attr(UI_BORDER));
		mvhline(y, r.x, ACS_HLINE, r.w);
		attrset(A_NORMAL);
		draw_detail(app, (struct rect){ y + 1, r.x, detail_h - 1, r.w });
	}
}

/* ---- commands ---- */

static void import_files(struct app *app)
{
	char *line = NULL, **files = NULL;
	size_t n = 0;
	if (!app_ask_files(app, _("Import files"), _("File(s), separated by spaces (.txt, .md):"), &line))
		return;
	if (complete_split(line, &files, &n) != STATUS_OK) {
		app_status(app, "%s", _("out of memory"));
		free(line);
		return;
	}
	free(line);
	if (n == 0) {
		app_status(app, "%s", _("No file given."));
		return;
	}
	struct db *db = app_db(app);
	app_busy(app, _("Importing …"));
	struct doc_import_result *results = calloc(n, sizeof *results);
	struct doc_import_options opt = { NULL, NULL, NULL, NULL, 0, 0, PRINTED_DETECT };
	enum status rc = results ? doc_import_files(db, app_session(app), files, n, &opt, results)
		: db_fail(db, STATUS_NOMEM, "%s", _("out of memory"));
	if (rc != STATUS_OK) {
		app_error(app);
	} else {
		int64_t lines = 0;
		size_t converted = 0;
		for (size_t i = 0; i < n; i++) {
			lines += results[i].lines;
			converted += results[i].converted;
		}
		char note[256] = "";
		if (converted == 1 && n == 1)
			snprintf(note, sizeof note, _("; not UTF-8 (first at l. %" PRId64 "): read as "
				"Windows-1252"), results[0].first_bad_line);
		else if (converted)
			snprintf(note, sizeof note, _("; %zu of them read as Windows-1252"), converted);
		if (n == 1)
			app_status(app, _("Document %" PRId64 " imported: %" PRId64 " lines%s · e changes "
				"kind and date"), results[0].id, lines, note);
		else
			app_status(app, _("%zu documents imported: %" PRId64 " lines%s"), n, lines, note);
		app_changed(app);
		select_id(results[n - 1].id);
	}
	free(results);
	complete_free(files, n);
}

static const char *const meta_fields[] = {
	N_("Title"), N_("Kind"), N_("Date"), N_("Component"), N_("Participants"), N_("Memo"),
};
#define NMETA (sizeof meta_fields / sizeof meta_fields[0])

static void meta_label(void *ctx, size_t i, char *buf, size_t size)
{
	(void)ctx;
	snprintf(buf, size, "%s", _(meta_fields[i]));
}

static void kind_choice(void *ctx, size_t i, char *buf, size_t size)
{
	(void)ctx;
	snprintf(buf, size, "%s", document_kind_label(document_kind_at(i)));
}

struct component_choices {
	int64_t ids[256];
	char labels[256][200];
	size_t n;
};

static int keep_component(void *ctx, const void *item)
{
	struct component_choices *c = ctx;
	if (c->n == sizeof c->ids / sizeof c->ids[0])
		return 1;
	c->ids[c->n] = ((const struct component *)item)->id;
	dialog_item_label(item_type(ITEM_COMPONENT), item, c->labels[c->n], sizeof c->labels[0]);
	c->n++;
	return 0;
}

static void component_choice(void *ctx, size_t i, char *buf, size_t size)
{
	struct component_choices *c = ctx;
	snprintf(buf, size, "%s", i == 0 ? _("(none)") : c->labels[i - 1]);
}

/* Replaces *FIELD with VALUE (taken over). */
static void take(char **field, char *value)
{
	free(*field);
	*field = value;
}

/* Asks for field F of D; true when D holds a new value. */
static bool ask_meta(struct app *app, struct document *d, size_t f)
{
	char title[300], *answer = NULL;
	snprintf(title, sizeof title, _("Document %" PRId64 ": %s"), d->id, _(meta_fields[f]));
	switch (f) {
	case 0:
		if (!app_prompt(app, title, d->title, &answer))
			return false;
		take(&d->title, answer);
		return true;
	case 1: {
		int initial = 0;
		size_t nkinds = kind_count();
		for (size_t i = 0; i < nkinds; i++)
			if (strcmp(d->kind, document_kind_at(i)) == 0)
				initial = (int)i;
		int pick = app_pick(app, title, nkinds, kind_choice, NULL, initial, NULL);
		if (pick < 0)
			return false;
		answer = strdup(document_kind_at((size_t)pick));
		if (!answer)
			return false;
		take(&d->kind, answer);
		return true;
	}
	case 2:
		if (!app_prompt(app, title, d->date ? d->date : "", &answer))
			return false;
		take(&d->date, *answer ? answer : NULL);
		if (!d->date)
			free(answer);
		return true;
	case 3: {
		struct component_choices *c = calloc(1, sizeof *c);
		if (!c)
			return false;
		int initial = 0;
		item_list(app_db(app), item_type(ITEM_COMPONENT), app_session(app), keep_component, c);
		for (size_t i = 0; i < c->n; i++)
			if (c->ids[i] == d->component_id)
				initial = (int)i + 1;
		int pick = app_pick(app, title, c->n + 1, component_choice, c, initial, NULL);
		if (pick >= 0)
			d->component_id = pick == 0 ? 0 : c->ids[pick - 1];
		free(c);
		return pick >= 0;
	}
	case 4:
	case 5: {
		char **field = f == 4 ? &d->participants : &d->memo;
		if (!app_edit(app, title, *field ? *field : "", true, NULL, &answer))
			return false;
		take(field, answer);
		return true;
	}
	}
	return false;
}

static void edit_metadata(struct app *app, int64_t id)
{
	char title[128];
	snprintf(title, sizeof title, _("Edit document %" PRId64), id);
	int f = app_pick(app, title, NMETA, meta_label, NULL, 0, NULL);
	if (f < 0)
		return;
	struct db *db = app_db(app);
	struct document d;
	if (document_read(db, id, &d) != STATUS_OK) {
		app_error(app);
		return;
	}
	if (ask_meta(app, &d, (size_t)f)) {
		/* only the field asked for: meta_fields is in document_field order */
		if (document_update_fields(db, id, &d, 1u << f) != STATUS_OK)
			app_error(app);
		else
			app_status(app, _("Document %" PRId64 ": %s saved"), id, _(meta_fields[f]));
		app_changed(app);
	}
	document_clear(&d);
}

static void delete_document(struct app *app)
{
	if (dl.pos.cursor >= dl.n)
		return;
	const struct doc_row *d = &dl.rows[dl.pos.cursor];
	int64_t id = d->id;
	char question[1024];
	snprintf(question, sizeof question, _("Delete document %" PRId64 " “%s” (%" PRId64 " lines)? "
		"%" PRId64 " codings go with it. This cannot be undone."), id,
		d->title, d->lines, d->codings);
	if (!app_confirm(app, question))
		return;
	if (document_delete(app_db(app), id) != STATUS_OK)
		app_error(app);
	else
		app_status(app, _("Document %" PRId64 " deleted"), id);
	app_changed(app);
}

static int documents_command(struct app *app, int command, int key)
{
	(void)key;
	int64_t id = current_id();
	if (list_command(&dl.pos, command))
		return VIEW_HANDLED;
	switch (command) {
	case D_OPEN:
		if (id)
			reader_show(app, id, 0);
		return VIEW_HANDLED;
	case D_IMPORT: import_files(app); return VIEW_HANDLED;
	case D_IMPORT_QDC: import_qdc(app); return VIEW_HANDLED;
	case D_EDIT:
		if (id)
			edit_metadata(app, id);
		return VIEW_HANDLED;
	case D_DELETE: delete_document(app); return VIEW_HANDLED;
	case D_SEARCH: search_view_start(app, &documents_view); return VIEW_HANDLED;
	case D_HINGE: {
		int64_t code = 0;
		if (code_picker_run(app, _("Hinge view of code"), false, 0, &code))
			hinge_view_show(app, code, &documents_view);
		return VIEW_HANDLED;
	}
	case D_CODEBOOK: app_show(app, &codebook_view); return VIEW_HANDLED;
	default:
		return VIEW_UNHANDLED;
	}
}

static int documents_click(struct app *app, int y, int x, bool double_click)
{
	long row = list_row_at(&dl.pos, y, x);
	if (row < 0)
		return VIEW_UNHANDLED;
	dl.pos.cursor = (size_t)row;
	if (double_click)
		reader_show(app, dl.rows[row].id, 0);
	return VIEW_HANDLED;
}

static void documents_wheel(struct app *app, int delta)
{
	(void)app;
	list_move(&dl.pos, delta);
}

static void documents_current(struct app *app, char *head, size_t head_size, char *text,
	size_t text_size)
{
	(void)app;
	if (dl.pos.cursor >= dl.n)
		return;
	const struct doc_row *d = &dl.rows[dl.pos.cursor];
	snprintf(head, head_size, "%s", d->title);
	snprintf(text, text_size, _("%s · %s · %" PRId64 " lines · %" PRId64 " codings%s%s"),
		document_kind_label(d->kind), *d->date ? d->date : "—", d->lines, d->codings,
		*d->participants ? "\n" : "", d->participants);
}

const struct view documents_view = {
	.title = N_("Documents"),
	.keys = documents_keys,
	.nkeys = sizeof documents_keys / sizeof documents_keys[0],
	.open = documents_open,
	.draw = documents_draw,
	.command = documents_command,
	.click = documents_click,
	.wheel = documents_wheel,
	.current = documents_current,
};

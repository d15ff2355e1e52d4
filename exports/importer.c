#include "exports/importer.h"

#include <string.h>

#include "exports/items_csv.h"
#include "exports/matrix_csv.h"
#include "model/item.h"
#include "util/i18n.h"
#include "util/join.h"

static enum status read_items(const struct importer *self, struct db *db, int64_t session,
	const char *path, int64_t *count)
{
	return items_csv_import(db, session, self->name, path, count);
}

static enum status read_matrix(const struct importer *self, struct db *db, int64_t session,
	const char *path, int64_t *count)
{
	(void)self;
	return matrix_csv_import(db, session, path, count);
}

#define ROWS_IMPORTED NP_("%s: %lld row imported", "%s: %lld rows imported")

/* A table per item kind with a csv name (kinds.def), in the kinds' order,
 * which is the order of what refers to what: a table's references come
 * before it.  Then the free codes and the matrix.  Filled on first use. */
static const struct importer others[] = {
	{ "codes", N_("Codes"), ROWS_IMPORTED, read_items },
	{ "matrix", N_("Impact matrix"), NP_("%s: %lld cell rated", "%s: %lld cells rated"),
		read_matrix },
};
#define NOTHERS (sizeof others / sizeof others[0])
static struct importer importers[ITEM_KIND_COUNT + NOTHERS];
static size_t nimporters;

size_t importer_count(void)
{
	if (nimporters)
		return nimporters;
	for (int k = 0; k < ITEM_KIND_COUNT; k++) {
		const struct item_type *t = item_type((enum item_kind)k);
		if (t->csv)
			importers[nimporters++] = (struct importer){ t->csv, t->plural,
				ROWS_IMPORTED, read_items };
	}
	for (size_t i = 0; i < NOTHERS; i++)
		importers[nimporters++] = others[i];
	return nimporters;
}

const struct importer *importer_at(size_t i)
{
	return i < importer_count() ? &importers[i] : NULL;
}

const struct importer *importer_find(const char *name)
{
	for (size_t i = 0; name && i < importer_count(); i++)
		if (strcmp(importers[i].name, name) == 0)
			return &importers[i];
	return NULL;
}

const char *importer_done(const struct importer *im, int64_t count)
{
	return P_(im->done_one, im->done_many, (unsigned long)count);
}

static const char *importer_name(size_t i)
{
	return importers[i].name;
}

const char *importer_names(char *buf, size_t size, const char *sep)
{
	return join_names(buf, size, sep, importer_count(), importer_name);
}

#include "exports/importer.h"

#include <string.h>

#include "exports/items_csv.h"
#include "exports/matrix_csv.h"
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

/* In the order of what refers to what: a table's references come before it. */
static const struct importer importers[] = {
	{ "components", N_("Components"), ROWS_IMPORTED, read_items },
	{ "stakeholders", N_("Stakeholder groups"), ROWS_IMPORTED, read_items },
	{ "unseens", N_("Unseens"), ROWS_IMPORTED, read_items },
	{ "goals", N_("Goals"), ROWS_IMPORTED, read_items },
	{ "measures", N_("Measures"), ROWS_IMPORTED, read_items },
	{ "codes", N_("Codes"), ROWS_IMPORTED, read_items },
	{ "matrix", N_("Impact matrix"), NP_("%s: %lld cell rated", "%s: %lld cells rated"),
		read_matrix },
};
#define NIMPORTERS (sizeof importers / sizeof importers[0])

const struct importer *importer_at(size_t i)
{
	return i < NIMPORTERS ? &importers[i] : NULL;
}

size_t importer_count(void)
{
	return NIMPORTERS;
}

const struct importer *importer_find(const char *name)
{
	for (size_t i = 0; i < NIMPORTERS; i++)
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
	return join_names(buf, size, sep, NIMPORTERS, importer_name);
}

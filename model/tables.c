#include "model/tables.h"

#include <stdio.h>
#include <string.h>

#include "util/i18n.h"

/* The tables that are neither an item kind nor a link. */
static const struct {
	const char *name, *label, *session;
	const char *key[2];
} other_tables[] = {
	{ "impact", N_("Influence"), "(SELECT session_id FROM variable WHERE id = R.from_id)",
		{ "from_id", "to_id" } },
	{ "document", N_("Document"), "R.session_id", { NULL, NULL } },
	{ "code", N_("Code"), "R.session_id", { NULL, NULL } },
	{ "coding", N_("Coding"), "R.session_id", { NULL, NULL } },
};
#define NOTHER (sizeof other_tables / sizeof other_tables[0])

#define NTABLES (ITEM_KIND_COUNT + LINK_KIND_COUNT + NOTHER)

/* Fills *T from the kinds, the links or the other tables. */
static void describe(size_t i, struct data_table *t)
{
	t->item = ITEM_KIND_COUNT;
	if (i < ITEM_KIND_COUNT) {
		const struct item_type *type = item_type((enum item_kind)i);
		t->name = type->table;
		t->label = type->label;
		t->item = type->kind;
		snprintf(t->session, sizeof t->session, "%s",
			type->kind == ITEM_SESSION ? "R.id" : "R.session_id");
		return;
	}
	i -= ITEM_KIND_COUNT;
	if (i < LINK_KIND_COUNT) {
		const struct link_type *link = link_type((enum link_kind)i);
		t->name = link->table;
		t->label = link->label;
		t->link = link;
		t->key[0] = link->from_column;
		t->key[1] = link->to_column;
		snprintf(t->session, sizeof t->session, "(SELECT session_id FROM %s WHERE id = R.%s)",
			item_type(link->from)->table, link->from_column);
		return;
	}
	i -= LINK_KIND_COUNT;
	t->name = other_tables[i].name;
	t->label = other_tables[i].label;
	t->key[0] = other_tables[i].key[0];
	t->key[1] = other_tables[i].key[1];
	snprintf(t->session, sizeof t->session, "%s", other_tables[i].session);
}

const struct data_table *data_table_at(size_t i)
{
	static struct data_table tables[NTABLES];
	static bool described;
	if (!described) {
		for (size_t j = 0; j < NTABLES; j++)
			describe(j, &tables[j]);
		described = true;
	}
	return i < NTABLES ? &tables[i] : NULL;
}

const struct data_table *data_table_find(const char *name)
{
	const struct data_table *t;
	for (size_t i = 0; name && (t = data_table_at(i)); i++)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

#ifndef DIDAT_MODEL_TABLES_H
#define DIDAT_MODEL_TABLES_H

/* The tables that hold a session's data, once: the table of each item
 * kind and of each link (from model/item.c's tables, which come from
 * model/kinds.def), then the impact matrix, the documents, the codes and
 * the codings.  The change-log triggers, undo and the session copy all
 * walk this list, so that a new kind is logged, undone and copied
 * without a line of its own. */

#include <stdbool.h>
#include <stddef.h>

#include "model/item.h"

struct data_table {
	const char *name;
	const char *label;        /* what a person reads (a msgid) */
	/* SQL that finds a row's session from the trigger's row R */
	char session[160];
	/* the two columns that name a row of a table without ids; NULL: its id */
	const char *key[2];
	enum item_kind item;      /* its item kind, or ITEM_KIND_COUNT */
	const struct link_type *link;  /* its link, or NULL */
};

/* Table I; NULL past the last. */
const struct data_table *data_table_at(size_t i);
/* The table NAME; NULL when NAME holds no session data. */
const struct data_table *data_table_find(const char *name);

#endif

#ifndef DIDAT_MODEL_LISTING_H
#define DIDAT_MODEL_LISTING_H

/* The ids of a session's items in the order and selection a screen shows
 * them.  Only ids are loaded (8 bytes a row); a screen reads the few rows
 * it draws with item_read(). */

#include <stddef.h>
#include <stdint.h>

#include "model/item.h"

struct db;

enum listing_order {
	LISTING_DEFAULT,        /* the kind's own order (item_type.order) */
	LISTING_VOTES,          /* unseens: most dot votes first */
	LISTING_VULNERABILITY,  /* unseens: most vulnerable first, unrated last */
	LISTING_RANKED,         /* unseens: most votes first, then most vulnerable (the wall) */
	LISTING_COMPONENT,      /* goals, SoRO: by component number (none last) */
	LISTING_ACTOR,          /* measures: by actor group A-G (none last), then priority */
};

struct listing_query {
	enum item_kind kind;
	int64_t session_id;
	enum listing_order order;
	int64_t component_id;   /* > 0: only items of that component */
};

/* Sets *IDS (malloc'd, the caller frees it) and *N. */
enum status listing_ids(struct db *db, const struct listing_query *q, int64_t **ids, size_t *n);

/* Sessions, newest date first; with TEXT only those whose title contains
 * it (ignoring case) or whose items or documents contain a word starting
 * with it (full-text search). */
enum status listing_sessions(struct db *db, const char *text, int64_t **ids, size_t *n);

#endif

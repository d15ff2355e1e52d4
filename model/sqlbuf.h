#ifndef DIDAT_MODEL_SQLBUF_H
#define DIDAT_MODEL_SQLBUF_H

/* Generated SQL (change-log triggers, undo, the session copy), grown on
 * the heap.  A failed allocation sets .failed instead of aborting; the
 * caller checks it once at the end and frees .text either way. */

#include <stdbool.h>
#include <stddef.h>

struct sqlbuf {
	char *text;
	size_t len, cap;
	bool failed;
};

void sqlbuf_addf(struct sqlbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends TEXT with every "R." replaced by ROW "." (NEW. or OLD.). */
void sqlbuf_add_row(struct sqlbuf *b, const char *text, const char *row);
void sqlbuf_free(struct sqlbuf *b);

#endif

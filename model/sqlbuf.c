#include "model/sqlbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sqlbuf_addf(struct sqlbuf *b, const char *fmt, ...)
{
	if (b->failed)
		return;
	for (;;) {
		va_list ap;
		va_start(ap, fmt);
		int n = vsnprintf(b->text ? b->text + b->len : NULL, b->text ? b->cap - b->len : 0, fmt, ap);
		va_end(ap);
		if (n < 0) {
			b->failed = true;
			return;
		}
		if (b->text && b->len + (size_t)n < b->cap) {
			b->len += (size_t)n;
			return;
		}
		size_t cap = (b->cap ? b->cap : 256) * 2 + (size_t)n;
		char *text = realloc(b->text, cap);
		if (!text) {
			b->failed = true;
			return;
		}
		b->text = text;
		b->cap = cap;
	}
}

void sqlbuf_add_row(struct sqlbuf *b, const char *text, const char *row)
{
	const char *p;
	while ((p = strstr(text, "R.")) != NULL) {
		sqlbuf_addf(b, "%.*s%s.", (int)(p - text), text, row);
		text = p + 2;
	}
	sqlbuf_addf(b, "%s", text);
}

void sqlbuf_free(struct sqlbuf *b)
{
	free(b->text);
	b->text = NULL;
	b->len = b->cap = 0;
}

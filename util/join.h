#ifndef DIDAT_UTIL_JOIN_H
#define DIDAT_UTIL_JOIN_H

#include <stddef.h>

/* NAME(0) .. NAME(N - 1) joined by SEP into BUF ("hinge|report|..."),
 * cut at a whole name when BUF is too small.  Returns BUF. */
const char *join_names(char *buf, size_t size, const char *sep, size_t n,
	const char *(*name)(size_t i));

#endif

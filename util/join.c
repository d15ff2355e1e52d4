#include "util/join.h"

#include <stdio.h>

const char *join_names(char *buf, size_t size, const char *sep, size_t n,
	const char *(*name)(size_t i))
{
	size_t len = 0;
	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		int w = snprintf(buf + len, size - len, "%s%s", i ? sep : "", name(i));
		if (w < 0 || (size_t)w >= size - len) {
			buf[len] = '\0';
			break;
		}
		len += (size_t)w;
	}
	return buf;
}

/* Growing arrays: see grow.h. */
#include "util/grow.h"

#include <stdint.h>
#include <stdlib.h>

void *grow(void *array, size_t n, size_t *cap, size_t size, size_t first)
{
	if (n < *cap)
		return array;
	size_t want = *cap ? *cap : (first ? first : 1);
	if (*cap) {
		if (*cap > SIZE_MAX / 2)
			return NULL;
		want = *cap * 2;
	}
	if (size == 0 || want > SIZE_MAX / size)
		return NULL;
	void *grown = realloc(array, want * size);
	if (grown)
		*cap = want;
	return grown;
}

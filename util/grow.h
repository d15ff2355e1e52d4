#ifndef DIDAT_UTIL_GROW_H
#define DIDAT_UTIL_GROW_H

/* The one way an array grows by one element at a time. */

#include <stddef.h>

/* Room for element N of ARRAY, which has room for *CAP elements of SIZE
 * bytes: ARRAY itself while N < *CAP, else ARRAY reallocated to twice
 * the capacity (FIRST the first time) with *CAP updated.  NULL when
 * memory is short or the size would overflow; ARRAY and *CAP are then
 * as they were, still the caller's to free. */
void *grow(void *array, size_t n, size_t *cap, size_t size, size_t first);

#endif

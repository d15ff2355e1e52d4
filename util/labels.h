#ifndef DIDAT_UTIL_LABELS_H
#define DIDAT_UTIL_LABELS_H

/* Short labels for a column of names where space is short (the matrix's
 * headers, the analysis table): each at most COLUMNS display columns,
 * made safe as display_fit makes text, and distinct from each other so
 * that two variables never both read "Abh".
 *
 * A name that fits is itself; else its short name (SHORTS[i], may be
 * NULL or empty) or the name, cut.  Where two labels collide, the words
 * the names share are reduced to initials ("Abhängigkeit von Plattformen"
 * and "Abhängigkeit von Förderung" become "AvP" and "AvF" in three
 * columns); where they still collide, the label ends in its 1-based
 * position (the number the matrix shows above it). */

#include <stddef.h>

/* N labels, or NULL without memory.  Free with labels_free. */
char **labels_distinct(const char *const *names, const char *const *shorts, size_t n,
	int columns);
void labels_free(char **labels, size_t n);

#endif

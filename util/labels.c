/* Distinct short labels: see labels.h. */
#include "util/labels.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "util/display.h"

/* Bytes for a label of COLUMNS columns: a column is at most four bytes
 * (a UTF-8 character, or the visible form "<9B>" of one control). */
static size_t label_size(int columns)
{
	return (size_t)(columns > 0 ? columns : 0) * 4 + 1;
}

static const char *name_at(const char *const *names, size_t i)
{
	return names[i] ? names[i] : "";
}

/* Whether label I must change: another reads the same, and I is not a
 * short name the user gave that only derived labels collide with (those
 * yield to it). */
static bool must_change(char **labels, const bool *given, size_t n, size_t i)
{
	for (size_t j = 0; j < n; j++)
		if (j != i && strcmp(labels[i], labels[j]) == 0 && (!given[i] || given[j]))
			return true;
	return false;
}

/* The byte offset of word K of TEXT (words are separated by spaces), or
 * NULL when TEXT has fewer words. */
static const char *word_at(const char *text, size_t k)
{
	const char *p = text;
	while (*p == ' ')
		p++;
	for (; k > 0 && *p; k--) {
		while (*p && *p != ' ')
			p++;
		while (*p == ' ')
			p++;
	}
	return *p ? p : NULL;
}

static size_t word_length(const char *w)
{
	size_t len = 0;
	while (w[len] && w[len] != ' ')
		len++;
	return len;
}

/* How many leading words A and B share. */
static size_t shared_words(const char *a, const char *b)
{
	size_t k = 0;
	for (;; k++) {
		const char *wa = word_at(a, k), *wb = word_at(b, k);
		if (!wa || !wb)
			return k;
		size_t la = word_length(wa), lb = word_length(wb);
		if (la != lb || memcmp(wa, wb, la) != 0)
			return k;
	}
}

/* NAME with its first SKIP words reduced to their first characters:
 * "AvPlattformen" (or "Av Plattformen" when there is room for a space). */
static void initials_then_rest(char *out, size_t size, const char *name, size_t skip,
	int columns)
{
	char buf[512];
	size_t len = 0;
	for (size_t k = 0; k < skip; k++) {
		const char *w = word_at(name, k);
		mbstate_t state;
		memset(&state, 0, sizeof state);
		size_t n = mbrlen(w, word_length(w), &state);
		if (n == 0 || n > MB_LEN_MAX)
			n = 1;
		if (len + n + 2 >= sizeof buf)
			break;
		memcpy(buf + len, w, n);
		len += n;
	}
	if (columns >= 8)
		buf[len++] = ' ';
	snprintf(buf + len, sizeof buf - len, "%s", word_at(name, skip));
	display_cut(out, size, buf, columns);
}

/* Makes label I of a colliding group tell its name from the others'. */
static void skip_shared_words(char **labels, const char *const *names, size_t n, size_t i,
	int columns, char *const *first)
{
	size_t skip = 0;
	for (size_t j = 0; j < n; j++) {
		if (j == i || strcmp(first[i], first[j]) != 0)
			continue;
		size_t k = shared_words(name_at(names, i), name_at(names, j));
		skip = k > skip ? k : skip;
	}
	if (skip == 0 || !word_at(name_at(names, i), skip))
		return;
	initials_then_rest(labels[i], label_size(columns), name_at(names, i), skip, columns);
}

static void end_in_number(char *label, const char *base, size_t i, int columns)
{
	char number[24];
	int nw = snprintf(number, sizeof number, "%zu", i + 1);
	if (nw > columns) {
		display_cut(label, label_size(columns), number, columns);
		return;
	}
	display_cut(label, label_size(columns), base, columns - nw);
	strcat(label, number);
}

void labels_free(char **labels, size_t n)
{
	for (size_t i = 0; labels && i < n; i++)
		free(labels[i]);
	free(labels);
}

char **labels_distinct(const char *const *names, const char *const *shorts, size_t n,
	int columns)
{
	char **labels = calloc(n ? n : 1, sizeof *labels);
	char **first = calloc(n ? n : 1, sizeof *first);
	const char **base = calloc(n ? n : 1, sizeof *base);
	bool *given = calloc(n ? n : 1, sizeof *given);
	bool ok = labels && first && base && given;
	for (size_t i = 0; ok && i < n; i++) {
		const char *name = name_at(names, i);
		bool has_short = shorts && shorts[i] && *shorts[i];
		given[i] = has_short && display_width(name) > columns;
		base[i] = given[i] ? shorts[i] : name;
		labels[i] = malloc(label_size(columns));
		first[i] = malloc(label_size(columns));
		ok = labels[i] && first[i];
		if (ok) {
			display_cut(labels[i], label_size(columns), base[i], columns);
			strcpy(first[i], labels[i]);
		}
	}
	for (size_t i = 0; ok && i < n; i++)
		if (must_change(first, given, n, i))
			skip_shared_words(labels, names, n, i, columns, first);
	/* Still the same: the position decides.  A copy, so that every label
	 * of a group is numbered, not only the first that is checked. */
	for (size_t i = 0; ok && i < n; i++)
		strcpy(first[i], labels[i]);
	for (size_t i = 0; ok && i < n; i++)
		if (must_change(first, given, n, i))
			end_in_number(labels[i], base[i], i, columns);
	labels_free(first, n);
	free(base);
	free(given);
	if (!ok) {
		labels_free(labels, n);
		return NULL;
	}
	return labels;
}

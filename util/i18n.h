#ifndef DIDAT_UTIL_I18N_H
#define DIDAT_UTIL_I18N_H

/* Every user-facing string passes through _() so that the translation
 * issue can switch the interface language in one place.  German is the
 * interface language for now: the strings are written in German and
 * returned unchanged. */
const char *i18n_text(const char *msgid);
#define _(msgid) i18n_text(msgid)
/* Marks a msgid in a table; _() translates it where it is shown. */
#define N_(msgid) msgid
/* A message with a count: ONE for N = 1, else MANY (ngettext's rule
 * until a catalogue gives the language's own). */
const char *i18n_plural(const char *one, const char *many, unsigned long n);
#define P_(one, many, n) i18n_plural(one, many, n)

#include <stddef.h>

/* V with one decimal and the interface language's decimal mark (German:
 * a comma, whatever LC_NUMERIC says), for the screen and the report
 * alike; CSV keeps the point.  Returns BUF. */
char *i18n_decimal(char *buf, size_t size, double v);

#endif

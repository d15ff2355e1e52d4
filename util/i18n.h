#ifndef DIDAT_UTIL_I18N_H
#define DIDAT_UTIL_I18N_H

/* Every string a user reads passes through gettext: the message ids are
 * English, po/de.po holds the German the users know.  The language
 * follows LANGUAGE / LC_ALL / LC_MESSAGES / LANG as in every gettext
 * program. */
#include <libintl.h>
#include <stddef.h>

/* Sets the locale from the environment and binds the catalogues: those
 * beside the binary (a build folder) first, else the installed ones.
 * LC_NUMERIC stays "C" for the C library, so that CSV keeps its point;
 * the reader's decimal mark is kept for i18n_decimal. */
void i18n_init(void);

#define _(msgid) gettext(msgid)
/* Marks a msgid in a table; _() translates it where it is shown. */
#define N_(msgid) msgid
/* Marks a plural pair in a table (two initializers); P_() where shown. */
#define NP_(one, many) one, many
/* A message with a count, in the language's plural form. */
#define P_(one, many, n) ngettext(one, many, n)

/* V with one decimal and the decimal mark of the reader's LC_NUMERIC,
 * for the screen and the report alike; CSV keeps the point.  Returns BUF. */
char *i18n_decimal(char *buf, size_t size, double v);
/* The same with DIGITS decimals (0..18). */
char *i18n_decimals(char *buf, size_t size, double v, int digits);

#endif

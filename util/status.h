#ifndef DIDAT_UTIL_STATUS_H
#define DIDAT_UTIL_STATUS_H

/* Status codes returned by model/, exports/ and util/ functions.  The
 * interface decides how to show them; the detail (which file, line, id)
 * travels beside the code, see model/db.h db_error(). */
#define STATUS_LIST(X) \
	X(OK,         N_("ok")) \
	X(NOT_FOUND,  N_("not found")) \
	X(INVALID,    N_("invalid value")) \
	X(CONFLICT,   N_("contradicts existing data")) \
	X(IO,         N_("input/output error")) \
	X(BAD_FILE,   N_("unusable file")) \
	X(DB,         N_("database error")) \
	X(BUSY,       N_("database locked")) \
	X(READONLY,   N_("database read-only")) \
	X(NOMEM,      N_("out of memory"))

enum status {
#define STATUS_ENUM(name, text) STATUS_##name,
	STATUS_LIST(STATUS_ENUM)
#undef STATUS_ENUM
};

/* A short, translatable description of a status; static storage. */
const char *status_text(enum status status);

#endif

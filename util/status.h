#ifndef DIDAT_UTIL_STATUS_H
#define DIDAT_UTIL_STATUS_H

/* Status codes returned by model/, exports/ and util/ functions.  The
 * interface decides how to show them; the detail (which file, line, id)
 * travels beside the code, see model/db.h db_error(). */
#define STATUS_LIST(X) \
	X(OK,         "ok") \
	X(NOT_FOUND,  "nicht gefunden") \
	X(INVALID,    "ungültiger Wert") \
	X(CONFLICT,   "widerspricht vorhandenen Daten") \
	X(IO,         "Ein-/Ausgabefehler") \
	X(BAD_FILE,   "unbrauchbare Datei") \
	X(DB,         "Datenbankfehler") \
	X(BUSY,       "Datenbank gesperrt") \
	X(READONLY,   "Datenbank nur lesbar") \
	X(NOMEM,      "kein Speicher")

enum status {
#define STATUS_ENUM(name, text) STATUS_##name,
	STATUS_LIST(STATUS_ENUM)
#undef STATUS_ENUM
};

/* A short, translatable description of a status; static storage. */
const char *status_text(enum status status);

#endif

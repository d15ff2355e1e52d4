#ifndef DIDAT_UTIL_SETTINGS_H
#define DIDAT_UTIL_SETTINGS_H

/* What a person's screen remembers between runs: the colour scheme, and
 * per session the step and the row it was left on.  One small text file per user,
 * $XDG_CONFIG_HOME/didat/settings (else ~/.config/didat/settings), a
 * line per setting: "theme<TAB>NAME" and "step<TAB>DATABASE<TAB>SESSION<TAB>N",
 * the last with "<TAB>KIND:ID" when a row was chosen there.
 * Settings are a convenience: a missing, unreadable or garbled file is
 * the defaults, and a file that cannot be written is left as it was. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SETTINGS_STEPS_MAX 200   /* sessions remembered; the oldest go first */

/* The settings file's path into BUF; false when neither
 * $XDG_CONFIG_HOME nor $HOME names a place for it. */
bool settings_path(char *buf, size_t size);

/* The remembered theme's name into BUF; false when none is. */
bool settings_theme(char *buf, size_t size);
bool settings_set_theme(const char *name);

/* The step session SESSION of database DB_PATH was left on, or -1. */
int settings_step(const char *db_path, int64_t session);
bool settings_set_step(const char *db_path, int64_t session, int step);
/* The row ("unseen:12") chosen on that step into BUF; false when none is kept. */
bool settings_row(const char *db_path, int64_t session, char *buf, size_t size);
/* The step and the row (NULL or "": none). */
bool settings_set_place(const char *db_path, int64_t session, int step, const char *row);

#endif

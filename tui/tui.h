#ifndef DIDAT_TUI_TUI_H
#define DIDAT_TUI_TUI_H

/* The full-screen interface. */

#include <stdint.h>

struct db;

/* Runs the screen on DB, showing session SESSION (0: the session list)
 * until the user quits; returns the exit status (2 without a terminal). */
int tui_run(struct db *db, int64_t session);

#endif

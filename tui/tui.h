#ifndef DIDAT_TUI_TUI_H
#define DIDAT_TUI_TUI_H

/* The full-screen interface. */

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct db;

/* Runs the screen on DB, showing session SESSION (0: the session list)
 * until the user quits; returns the exit status (2 without a terminal). */
int tui_run(struct db *db, int64_t session);

/* A probe drives the interface without a person, for the redraw
 * benchmark and screen dumps: a virtual LINES x COLS terminal whose
 * output goes to OUT. */
struct app;
struct app *tui_probe_open(struct db *db, int64_t session, int lines, int cols, FILE *out);
/* Handles KEY (a character, or UI_FN(KEY_...) from tui/ui.h) and redraws. */
void tui_probe_key(struct app *app, int key);
/* Handles the N KEYS one after another, the dialogs they open taking
 * theirs from the same list (a dialog still open at the end gets Esc),
 * then redraws. */
void tui_probe_keys(struct app *app, const int *keys, size_t n);
/* Writes the screen's text, one line per row, to OUT. */
void tui_probe_dump(struct app *app, FILE *out);
void tui_probe_close(struct app *app);

#endif

#ifndef DIDAT_TUI_CODE_PICKER_H
#define DIDAT_TUI_CODE_PICKER_H

/* Codes on screen: the picker every coding dialog uses (all codes of the
 * session grouped by type, filtered as one types, with an entry that
 * creates a free code), a code's label ("Unseen: …", "Frei: Daten/
 * Eigentum") and the colour its bars are drawn in. */

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct app;

/* "Unseen", "Ziel", … for a code type; the type itself when unknown. */
const char *code_picker_type_label(const char *type);
/* "Unseen: Datenabfluss …" or "Frei: Daten/Eigentum" into BUF. */
void code_picker_label(const char *type, const char *name, const char *path, char *buf,
	size_t size);
/* The attribute of a code's bar: its COLOUR (a curses colour name or
 * #RRGGBB, mapped to the nearest of the eight), else one per TYPE; on a
 * terminal without colour, bold. */
attr_t code_picker_attr(const char *colour, const char *type);

/* Lets the user pick a code of the open session, the cursor starting on
 * INITIAL (0: the first).  With ALLOW_NEW the first entry asks for a new
 * free code (name, then its parent by path) and creates it.  True with
 * *CODE_ID set when one was chosen or created. */
bool code_picker_run(struct app *app, const char *title, bool allow_new, int64_t initial,
	int64_t *code_id);

#endif

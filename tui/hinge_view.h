#ifndef DIDAT_TUI_HINGE_VIEW_H
#define DIDAT_TUI_HINGE_VIEW_H

/* The hinge view of one code: every passage coded with it across the
 * session's documents, with document, lines, coder and the quoted text
 * wrapped to be read aloud; Enter opens the reader at the passage, `m`
 * edits the code's memo. */

#include <stdint.h>

#include "tui/app.h"

extern const struct view hinge_view;

/* Shows the hinge view of code CODE_ID; `q` there returns to BACK. */
void hinge_view_show(struct app *app, int64_t code_id, const struct view *back);

#endif

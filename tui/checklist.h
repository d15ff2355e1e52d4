#ifndef DIDAT_TUI_CHECKLIST_H
#define DIDAT_TUI_CHECKLIST_H

/* The checklist screen: the session's open points, step by step (`!`). */

#include "tui/app.h"

extern const struct view checklist_view;

/* Shows the checklist; q goes back to BACK. */
void checklist_show(struct app *app, const struct view *back);

#endif

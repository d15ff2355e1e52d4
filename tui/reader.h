#ifndef DIDAT_TUI_READER_H
#define DIDAT_TUI_READER_H

/* The document reader: numbered lines read a screen at a time, codings
 * as coloured bars in a margin, a selection that the code picker codes,
 * the codes of the cursor's line in a pane below, editing and deleting
 * codings, one coder's codings or all, and the hits of the last search. */

#include <stdint.h>

#include "tui/app.h"

extern const struct view reader_view;

/* Shows document DOC_ID in the reader with the cursor on LINE (0: where
 * it was when the reader last showed that document, else line 1). */
void reader_show(struct app *app, int64_t doc_id, int64_t line);

#endif

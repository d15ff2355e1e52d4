#ifndef DIDAT_TUI_CODEBOOK_VIEW_H
#define DIDAT_TUI_CODEBOOK_VIEW_H

/* The codebook screen, opened with `b` from the document list: every code
 * of the session (item codes grouped by type, the free codes as a tree)
 * with its colour and number of codings, the selected code's definition
 * and memo, the codebook's changes (new, rename, move, merge, delete,
 * definition, colour, memo) and the frequencies of codings per code, per
 * document and per coder.  `q` returns to the document list. */

#include "tui/app.h"

extern const struct view codebook_view;

#endif

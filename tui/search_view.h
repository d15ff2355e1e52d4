#ifndef DIDAT_TUI_SEARCH_VIEW_H
#define DIDAT_TUI_SEARCH_VIEW_H

/* Full-text search from the screen (Ctrl-F anywhere in the documents
 * step, `/` in the document list): the hits in the session's document
 * lines and item texts with the matched words highlighted and their
 * place; Enter jumps there. */

#include "tui/app.h"

extern const struct view search_view;

/* Asks for a query (starting from the last one), runs it and shows the
 * hits; `q` there returns to BACK.  Without hits the view stays and the
 * status line says so. */
void search_view_start(struct app *app, const struct view *back);
/* The last query, NULL before the first: `n` and `N` in the reader look
 * for it.  Valid until the next search. */
const char *search_view_query(void);
/* Makes QUERY (copied) the last query, as the reader's `/` does. */
void search_view_set_query(const char *query);

#endif

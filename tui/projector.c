/* placeholder */
#include "tui/projector.h"
#include "tui/ui.h"
void projector_draw(struct db *db, int64_t session, const char *head, const char *text) { (void)db; (void)session; ui_text(2, 2, COLS - 4, head, A_BOLD); ui_text(4, 2, COLS - 4, text, A_NORMAL); }

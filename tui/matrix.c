/* placeholder */
#include "tui/matrix.h"
static void m_draw(struct app *app, struct rect r) { (void)app; ui_text(r.y, r.x, r.w, "Matrix", A_NORMAL); }
static int m_command(struct app *app, int c, int k) { (void)app; (void)c; (void)k; return VIEW_UNHANDLED; }
const struct view matrix_view = { .title = "Einflussmatrix", .draw = m_draw, .command = m_command };

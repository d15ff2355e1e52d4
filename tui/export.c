/* placeholder */
#include "tui/app.h"
static void d_draw(struct app *app, struct rect r) { (void)app; ui_text(r.y, r.x, r.w, "Export", A_NORMAL); }
static int d_command(struct app *app, int c, int k) { (void)app; (void)c; (void)k; return VIEW_UNHANDLED; }
const struct view export_view = { .title = "Export", .draw = d_draw, .command = d_command };

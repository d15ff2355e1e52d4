#ifndef DIDAT_TUI_EDITOR_H
#define DIDAT_TUI_EDITOR_H

/* The one text editor widget of the interface: word-wrapped, UTF-8
 * correct, control characters shown visibly.  The caller opens it in a
 * box, feeds it the keys of its own loop, and draws it; the layout is
 * computed at each draw, so the editor survives any resize (KEY_RESIZE
 * is the caller's: redraw).  The editing logic is util/textbuf.h.
 *
 * Keys (editor_key):
 *   printable characters   insert; other control characters do nothing
 *   Tab                    two spaces in a multi-line editor, else nothing
 *   Left, Right            a character
 *   Ctrl-Left, Ctrl-Right  a word (also Alt-Left/Right, and Ctrl-B/Ctrl-F
 *                          for terminals that send neither; Alt-b/Alt-f
 *                          arrive as Esc and a letter, and Esc cancels)
 *   Up, Down               a visual line, keeping the column
 *   PgUp, PgDn             the height of the last draw
 *   Home, End, Ctrl-A/E    start and end of the visual line
 *   Ctrl-Home, Ctrl-End    start and end of the text
 *   Backspace, Delete      the character before or after the cursor
 *   Ctrl-W                 the word before the cursor
 *   Ctrl-K                 to the end of the line (at its end: the newline)
 *   Ctrl-U                 to the start of the line
 *   Enter                  a new line; in a single-line editor: save
 *   F2, Ctrl-S             save (Ctrl-S needs raw(), or IXON off)
 *   Esc                    cancel: the caller asks first when
 *                          editor_changed() is true
 * A single-line editor never holds a '\n': one in a text given to it
 * becomes a space. */

#include <curses.h>
#include <stdbool.h>
#include <wchar.h>

struct editor;

/* An editor holding a copy of TEXT (NULL: empty) with the cursor at its
 * end; NULL when out of memory.  Free with editor_free(). */
struct editor *editor_new(const char *text, bool multiline);
void editor_free(struct editor *ed);

enum editor_result { EDITOR_CONTINUE, EDITOR_SAVE, EDITOR_CANCEL };

/* One key as returned by wget_wch: KIND is OK (a character) or
 * KEY_CODE_YES (a function key); anything else is ignored. */
enum editor_result editor_key(struct editor *ed, int kind, wint_t key);

/* Draws the text wrapped into the rectangle (Y, X, HEIGHT, WIDTH) of WIN
 * with ATTR, scrolled so that the cursor is visible, and leaves the
 * window's cursor at the editing position.  A single-line editor uses
 * the first line of the rectangle and scrolls sideways instead.  The
 * window's attributes are restored afterwards. */
void editor_draw(struct editor *ed, WINDOW *win, int y, int x, int height, int width, attr_t attr);

/* Whether the text differs from the one the editor was made with. */
bool editor_changed(const struct editor *ed);
/* The text, NUL-terminated; valid until the next editor_key(),
 * editor_set_text() or editor_free(). */
const char *editor_text(const struct editor *ed);
/* Replaces the text (e.g. restoring a draft) and puts the cursor at its
 * end; editor_changed() still compares with the first text.  Out of
 * memory, the text stays as it was. */
void editor_set_text(struct editor *ed, const char *text);

#endif

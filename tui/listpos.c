#include "tui/listpos.h"

#include "tui/panel.h"

void list_set_count(struct list_pos *l, size_t n)
{
	l->n = n;
	if (l->cursor >= n)
		l->cursor = n ? n - 1 : 0;
	if (l->top > l->cursor)
		l->top = l->cursor;
}

bool list_move(struct list_pos *l, long delta)
{
	long c = (long)l->cursor + delta;
	if (c >= (long)l->n)
		c = (long)l->n - 1;
	if (c < 0)
		c = 0;
	bool moved = (size_t)c != l->cursor;
	l->cursor = (size_t)c;
	return moved;
}

bool list_command(struct list_pos *l, int command)
{
	long page = l->area.h > 1 ? l->area.h - 1 : 1;
	switch (command) {
	case PANEL_UP: list_move(l, -1); break;
	case PANEL_DOWN: list_move(l, 1); break;
	case PANEL_PAGE_UP: list_move(l, -page); break;
	case PANEL_PAGE_DOWN: list_move(l, page); break;
	case PANEL_HOME: list_move(l, -(long)l->n); break;
	case PANEL_END: list_move(l, (long)l->n); break;
	default: return false;
	}
	return true;
}

int list_key_command(int key)
{
	switch (key) {
	case UI_FN(KEY_UP): return PANEL_UP;
	case UI_FN(KEY_DOWN): return PANEL_DOWN;
	case UI_FN(KEY_PPAGE): return PANEL_PAGE_UP;
	case UI_FN(KEY_NPAGE): return PANEL_PAGE_DOWN;
	case UI_FN(KEY_HOME): return PANEL_HOME;
	case UI_FN(KEY_END): return PANEL_END;
	}
	return 0;
}

void list_place(struct list_pos *l, struct rect area)
{
	l->area = area;
	if (l->cursor < l->top)
		l->top = l->cursor;
	if (area.h > 0 && l->cursor >= l->top + (size_t)area.h)
		l->top = l->cursor - (size_t)area.h + 1;
}

long list_row_at(const struct list_pos *l, int y, int x)
{
	const struct rect *r = &l->area;
	if (y < r->y || y >= r->y + r->h || x < r->x || x >= r->x + r->w)
		return -1;
	size_t row = l->top + (size_t)(y - r->y);
	return row < l->n ? (long)row : -1;
}

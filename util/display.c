#include "util/display.h"

#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

void display_init(void)
{
	setlocale(LC_CTYPE, "");
	const char *codeset = nl_langinfo(CODESET);
	if (!codeset || strcmp(codeset, "UTF-8") != 0)
		setlocale(LC_CTYPE, "C.UTF-8");
}

/* The visible form of a control character into BUF; its width. */
static int visible_control(wchar_t wc, char *buf, size_t size)
{
	if (wc < 0x20)
		snprintf(buf, size, "^%c", (char)(wc + 0x40));
	else if (wc == 0x7f)
		snprintf(buf, size, "^?");
	else
		snprintf(buf, size, "<%02X>", (unsigned)wc & 0xffffu);
	return (int)strlen(buf);
}

void display_decode(const char *text, display_char_fn fn, void *ctx)
{
	mbstate_t state;
	size_t len = strlen(text);
	memset(&state, 0, sizeof state);
	while (len > 0) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, text, len, &state);
		if (n == (size_t)-1 || n == (size_t)-2) {
			memset(&state, 0, sizeof state);
			wc = 0xFFFD;
			n = 1;
		} else if (n == 0) {
			break;
		}
		text += n;
		len -= n;
		if (fn(ctx, wc))
			break;
	}
}

struct walk {
	bool keep_newlines;
	display_emit emit;
	void *ctx;
};

static int walk_char(void *ctx, wchar_t wc)
{
	const struct walk *w = ctx;
	if (wc == L'\n' && w->keep_newlines)
		return w->emit(w->ctx, wc, NULL, 0);
	if (wc == L'\t')
		return w->emit(w->ctx, L' ', NULL, 1);
	if (!iswprint((wint_t)wc)) {
		char buf[16];
		int width = wc == L'\n' ? 1 : visible_control(wc, buf, sizeof buf);
		return w->emit(w->ctx, 0, wc == L'\n' ? "\xe2\x86\xb5" : buf, width);
	}
	int width = wcwidth(wc);
	return w->emit(w->ctx, wc, NULL, width < 0 ? 1 : width);
}

void display_walk(const char *text, bool keep_newlines, display_emit emit, void *ctx)
{
	struct walk w = { keep_newlines, emit, ctx };
	display_decode(text, walk_char, &w);
}

static int add_width(void *ctx, wchar_t wc, const char *visible, int width)
{
	(void)wc;
	(void)visible;
	*(int *)ctx += width;
	return 0;
}

int display_width(const char *text)
{
	int width = 0;
	display_walk(text, false, add_width, &width);
	return width;
}

struct print_state {
	FILE *out;
	int max, used;
};

static int print_unit(void *ctx, wchar_t wc, const char *visible, int width)
{
	struct print_state *p = ctx;
	if (p->max >= 0 && p->used + width > p->max)
		return 1;
	if (visible) {
		fputs(visible, p->out);
	} else {
		char buf[MB_LEN_MAX];
		mbstate_t state;
		memset(&state, 0, sizeof state);
		size_t n = wcrtomb(buf, wc, &state);
		if (n != (size_t)-1)
			fwrite(buf, 1, n, p->out);
	}
	p->used += width;
	return 0;
}

int display_fputs(FILE *out, const char *text, int max_columns, int pad, bool keep_newlines)
{
	struct print_state p = { out, max_columns, 0 };
	display_walk(text ? text : "", keep_newlines, print_unit, &p);
	for (; p.used < pad; p.used++)
		fputc(' ', out);
	return p.used;
}

bool display_copy(FILE *from, FILE *out)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	while ((len = getline(&line, &cap, from)) > 0) {
		/* the line's end, LF or CRLF, stays; a CR elsewhere is shown */
		size_t body = (size_t)len;
		const char *end = "";
		if (body && line[body - 1] == '\n') {
			end = body > 1 && line[body - 2] == '\r' ? "\r\n" : "\n";
			body -= strlen(end);
		}
		line[body] = '\0';
		for (char *piece = line, *tab; ; piece = tab + 1) {
			tab = strchr(piece, '\t');
			if (tab)
				*tab = '\0';
			display_fputs(out, piece, -1, 0, false);
			if (!tab)
				break;
			fputc('\t', out);
		}
		fputs(end, out);
	}
	free(line);
	return !ferror(from);
}

struct fit_state {
	char *out;
	size_t size, len;
	int max, used;
};

size_t display_unit_bytes(wchar_t wc, const char *visible, char *buf, size_t size)
{
	if (visible) {
		size_t n = strlen(visible);
		if (n > size)
			return 0;
		memcpy(buf, visible, n);
		return n;
	}
	char mb[MB_LEN_MAX];
	mbstate_t state;
	memset(&state, 0, sizeof state);
	size_t n = wcrtomb(mb, wc, &state);
	if (n == (size_t)-1 || n > size)
		return 0;
	memcpy(buf, mb, n);
	return n;
}

static int fit_unit(void *ctx, wchar_t wc, const char *visible, int width)
{
	struct fit_state *f = ctx;
	char buf[MB_LEN_MAX];
	if (f->used + width > f->max)
		return 1;
	size_t n = display_unit_bytes(wc, visible, buf, sizeof buf);
	if (n == 0)
		return 0;
	if (f->len + n >= f->size)
		return 1;
	memcpy(f->out + f->len, buf, n);
	f->len += n;
	f->used += width;
	return 0;
}

static struct fit_state cut_into(char *out, size_t size, const char *text, int columns)
{
	struct fit_state f = { out, size, 0, columns, 0 };
	if (size > 0) {
		display_walk(text ? text : "", false, fit_unit, &f);
		out[f.len] = '\0';
	}
	return f;
}

char *display_cut(char *out, size_t size, const char *text, int columns)
{
	cut_into(out, size, text, columns);
	return out;
}

char *display_fit(char *out, size_t size, const char *text, int columns)
{
	struct fit_state f = cut_into(out, size, text, columns);
	if (size == 0)
		return out;
	for (; f.used < columns && f.len + 1 < size; f.used++)
		out[f.len++] = ' ';
	out[f.len] = '\0';
	return out;
}

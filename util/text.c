#include "util/text.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>
#include <wctype.h>

#include "util/i18n.h"

/* Windows-1252 bytes 0x80-0x9F; the rest of the upper half is Latin-1.
 * The five bytes Windows-1252 leaves undefined map to U+FFFD. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
	0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

/* Validation state carried from one byte (and one buffer) to the next, so
 * that a sequence split across a read boundary is judged whole. */
struct utf8_state {
	uint32_t cp;	/* code point collected so far */
	uint32_t min;	/* smallest code point this length may encode */
	unsigned need;	/* continuation bytes still expected */
};

static void set_error(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void set_error(char *err, size_t errlen, const char *fmt, ...)
{
	if (err == NULL || errlen == 0)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* Feeds one byte; false when it makes the text invalid. */
static bool utf8_step(struct utf8_state *st, unsigned char c)
{
	if (st->need == 0) {
		if (c < 0x80)
			return true;
		if (c >= 0xC2 && c <= 0xDF) {	/* C0, C1 only start overlongs */
			st->cp = c & 0x1F;
			st->need = 1;
			st->min = 0x80;
		} else if (c >= 0xE0 && c <= 0xEF) {
			st->cp = c & 0x0F;
			st->need = 2;
			st->min = 0x800;
		} else if (c >= 0xF0 && c <= 0xF4) {
			st->cp = c & 0x07;
			st->need = 3;
			st->min = 0x10000;
		} else {
			return false;
		}
		return true;
	}
	if ((c & 0xC0) != 0x80) {
		st->need = 0;
		return false;
	}
	st->cp = st->cp << 6 | (c & 0x3F);
	if (--st->need > 0)
		return true;
	return st->cp >= st->min && st->cp <= 0x10FFFF
		&& !(st->cp >= 0xD800 && st->cp <= 0xDFFF);
}

bool text_is_utf8(const char *s, size_t len)
{
	return text_utf8_prefix(s, len) == len;
}

size_t text_cut_boundary(const char *s, size_t pos)
{
	while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80)
		pos--;
	return pos;
}

size_t text_utf8_prefix(const char *s, size_t len)
{
	struct utf8_state st = { 0, 0, 0 };
	size_t start = 0;   /* of the character being read */
	for (size_t i = 0; i < len; i++) {
		if (st.need == 0)
			start = i;
		if (!utf8_step(&st, (unsigned char)s[i]))
			return start;
	}
	return st.need == 0 ? len : start;
}

size_t text_convert_cp1252(const char *in, size_t len, char *out)
{
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)in[i];
		uint32_t cp = c >= 0x80 && c < 0xA0 ? cp1252_high[c - 0x80] : c;
		if (cp < 0x80) {
			out[o++] = (char)cp;
		} else if (cp < 0x800) {
			out[o++] = (char)(0xC0 | cp >> 6);
			out[o++] = (char)(0x80 | (cp & 0x3F));
		} else {
			out[o++] = (char)(0xE0 | cp >> 12);
			out[o++] = (char)(0x80 | (cp >> 6 & 0x3F));
			out[o++] = (char)(0x80 | (cp & 0x3F));
		}
	}
	out[o] = '\0';
	return o;
}

enum status text_from_cp1252(const char *in, size_t len, char **out)
{
	*out = NULL;
	if (len > (SIZE_MAX - 1) / 3)
		return STATUS_NOMEM;
	char *s = malloc(TEXT_CP1252_MAX(len));
	if (s == NULL)
		return STATUS_NOMEM;
	size_t n = text_convert_cp1252(in, len, s);
	/* Give back the reserve when most of the text was ASCII. */
	char *shrunk = realloc(s, n + 1);
	if (shrunk != NULL)
		s = shrunk;
	*out = s;
	return STATUS_OK;
}

FILE *text_open(const char *path, char *err, size_t errlen)
{
	/* O_NONBLOCK: a FIFO must not block the open; cleared once it is
	 * known to be a regular file. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		set_error(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	struct stat st;
	FILE *f = NULL;
	if (fstat(fd, &st) != 0) {
		set_error(err, errlen, "%s: %s", path, strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		set_error(err, errlen, _("%s: not a regular file (a folder, a device or "
			"a pipe)"), path);
	} else if (fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0 ||
	           (f = fdopen(fd, "rb")) == NULL) {
		set_error(err, errlen, "%s: %s", path, strerror(errno));
	}
	if (f == NULL)
		close(fd);
	return f;
}

static bool starts_with_bom(const unsigned char *p, size_t n)
{
	return n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF;
}

enum status text_scan_file(const char *path, struct text_info *info,
	char *err, size_t errlen)
{
	memset(info, 0, sizeof *info);
	FILE *f = text_open(path, err, errlen);
	if (f == NULL)
		return STATUS_IO;
	enum status st = STATUS_OK;
	unsigned char *buf = malloc(TEXT_BUFFER_SIZE);
	if (buf == NULL) {
		st = STATUS_NOMEM;
		goto cleanup;
	}

	struct sha256_ctx sha;
	struct utf8_state u8 = { 0, 0, 0 };
	unsigned char head[3] = { 0, 0, 0 };	/* first bytes, for BOMs */
	uint64_t off = 0, line_start = 0;
	bool prev_cr = false;
	info->utf8 = true;
	sha256_init(&sha);

	size_t n;
	/* The scan stops at a NUL byte: such a file is refused anyway, and
	 * an endless one (a device) would never end. */
	while (!info->nul && (n = fread(buf, 1, TEXT_BUFFER_SIZE, f)) > 0) {
		sha256_update(&sha, buf, n);
		for (size_t i = 0; i < n; i++, off++) {
			unsigned char c = buf[i];
			if (off < sizeof head)
				head[off] = c;
			if (info->utf8 && !utf8_step(&u8, c)) {
				info->utf8 = false;
				info->bad_utf8_line = info->lines + 1;
			}
			if (c == '\0') {
				info->nul = true;
				info->nul_line = info->lines + 1;
				break;
			}
			if (c == '\r') {
				info->lines++;
				line_start = off + 1;
			} else if (c == '\n') {
				if (!prev_cr)	/* the LF of a CRLF ends nothing new */
					info->lines++;
				line_start = off + 1;
			}
			prev_cr = c == '\r';
		}
	}
	if (ferror(f)) {
		set_error(err, errlen, "%s: %s", path, strerror(errno));
		st = STATUS_IO;
		goto cleanup;
	}

	info->size = off;
	info->bom = starts_with_bom(head, off < 3 ? (size_t)off : 3);
	if (info->utf8 && u8.need > 0) {	/* truncated at the end */
		info->utf8 = false;
		info->bad_utf8_line = info->lines + 1;
	}
	/* A final line without terminator; the BOM is not content. */
	uint64_t content = line_start == 0 && info->bom ? 3 : line_start;
	if (off > content)
		info->lines++;
	info->encoding = info->utf8 ? TEXT_UTF8 : TEXT_CP1252;
	unsigned char digest[SHA256_SIZE];
	sha256_final(&sha, digest);
	sha256_hex(digest, info->sha256);

	if (info->lines == 0) {
		set_error(err, errlen, _("%s: The file is empty."), path);
		st = STATUS_BAD_FILE;
	} else if (info->nul) {
		bool utf16 = off >= 2 && ((head[0] == 0xFF && head[1] == 0xFE)
			|| (head[0] == 0xFE && head[1] == 0xFF));
		if (utf16)
			set_error(err, errlen, _("%s: UTF-16 file; please save it as "
				"UTF-8 or Windows-1252."), path);
		else
			set_error(err, errlen, _("%s: line %zu contains a "
				"NUL byte; not a text file?"), path, info->nul_line);
		st = STATUS_BAD_FILE;
	}

cleanup:
	free(buf);
	fclose(f);
	return st;
}

/* The line being collected, already in UTF-8. */
struct line_buf {
	char *data;
	size_t len;
	size_t cap;
};

/* Room for extra more bytes and a NUL; false when out of memory. */
static bool line_reserve(struct line_buf *b, size_t extra)
{
	if (extra > SIZE_MAX - 1 - b->len)
		return false;
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return true;
	size_t cap = b->cap > 0 ? b->cap : 256;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *p = realloc(b->data, cap);
	if (p == NULL)
		return false;
	b->data = p;
	b->cap = cap;
	return true;
}

static bool line_append(struct line_buf *b, const unsigned char *p, size_t n,
	enum text_encoding enc)
{
	if (enc == TEXT_CP1252) {
		if (n > (SIZE_MAX - 1) / 3 || !line_reserve(b, 3 * n))
			return false;
		b->len += text_convert_cp1252((const char *)p, n, b->data + b->len);
		return true;
	}
	if (!line_reserve(b, n))
		return false;
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
	return true;
}

enum status text_read_lines(const char *path, enum text_encoding enc,
	text_line_fn line_cb, void *ctx, char *err, size_t errlen)
{
	FILE *f = text_open(path, err, errlen);
	if (f == NULL)
		return STATUS_IO;
	enum status st = STATUS_OK;
	struct line_buf line = { NULL, 0, 0 };
	unsigned char *buf = malloc(TEXT_BUFFER_SIZE);
	if (buf == NULL || !line_reserve(&line, 0)) {
		st = STATUS_NOMEM;
		goto cleanup;
	}
	line.data[0] = '\0';

	size_t lineno = 0, n;
	bool first = true, prev_cr = false, open = false;
	while ((n = fread(buf, 1, TEXT_BUFFER_SIZE, f)) > 0) {
		size_t i = 0;
		/* fread fills the buffer unless at the end, so a BOM is whole
		 * in the first one. */
		if (first && starts_with_bom(buf, n))
			i = 3;
		first = false;
		while (i < n) {
			if (prev_cr) {	/* the LF of a CRLF, maybe in the next buffer */
				prev_cr = false;
				if (buf[i] == '\n') {
					i++;
					continue;
				}
			}
			size_t j = i;
			while (j < n && buf[j] != '\r' && buf[j] != '\n')
				j++;
			if (!line_append(&line, buf + i, j - i, enc)) {
				st = STATUS_NOMEM;
				goto cleanup;
			}
			open = open || j > i;
			if (j == n)	/* the line goes on in the next buffer */
				break;
			int rc = line_cb(ctx, ++lineno, line.data, line.len);
			if (rc != 0) {
				st = (enum status)rc;
				goto cleanup;
			}
			line.len = 0;
			line.data[0] = '\0';
			open = false;
			prev_cr = buf[j] == '\r';
			i = j + 1;
		}
	}
	if (ferror(f)) {
		set_error(err, errlen, "%s: %s", path, strerror(errno));
		st = STATUS_IO;
		goto cleanup;
	}
	if (open) {	/* final line without terminator */
		int rc = line_cb(ctx, ++lineno, line.data, line.len);
		if (rc != 0)
			st = (enum status)rc;
	}

cleanup:
	free(line.data);
	free(buf);
	fclose(f);
	return st;
}

size_t text_wrap_piece(const char *text, int columns)
{
	size_t len = strlen(text), i = 0, last_space = 0;
	int width = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	while (i < len) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, text + i, len - i, &st);
		if (n == 0 || n == (size_t)-1 || n == (size_t)-2) {
			wc = 0xFFFD;
			n = 1;
			memset(&st, 0, sizeof st);
		}
		int w = wc == L'\t' ? 1 : wcwidth(wc);
		if (w < 0)
			w = 2;   /* a control character, shown as ^X */
		if (wc == L' ') {
			if (i > 0)
				last_space = i;
		} else if (width + w > columns) {
			if (last_space)
				return last_space;
			/* a word longer than the width stays whole */
			const char *space = strchr(text + i, ' ');
			return space ? (size_t)(space - text) : len;
		}
		width += w;
		i += n;
	}
	return len;
}

/* The next character of *S folded to lower case; 0 at the end.  An
 * invalid byte stands for itself. */
static wint_t next_folded(const char **s)
{
	wchar_t wc;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t n = mbrtowc(&wc, *s, MB_CUR_MAX, &st);
	if (n == 0)
		return 0;
	if (n == (size_t)-1 || n == (size_t)-2) {
		wc = (wchar_t)(0xDC00 + (unsigned char)**s);
		n = 1;
	}
	*s += n;
	return towlower((wint_t)wc);
}

bool text_contains_folded(const char *text, const char *needle)
{
	if (!needle || !*needle)
		return true;
	for (const char *start = text ? text : ""; *start; ) {
		const char *h = start, *n = needle;
		wint_t nc;
		while ((nc = next_folded(&n)) != 0 && nc == next_folded(&h))
			;
		if (nc == 0)
			return true;
		next_folded(&start);
	}
	return false;
}

/* util/text: scanning and line reading of imported files. */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/text.h"

/* A temporary file holding given bytes; removed by tmp_drop(). */
struct tmp {
	char path[64];
};

static void tmp_write(struct tmp *t, const void *data, size_t len)
{
	strcpy(t->path, "/tmp/didat-text-XXXXXX");
	int fd = mkstemp(t->path);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "wb");
	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
}

static void tmp_drop(struct tmp *t)
{
	unlink(t->path);
}

/* Lines collected by collect_line(). */
struct lines {
	size_t n;
	char *text[64];
	size_t len[64];
	size_t stop_at;	/* return 99 at this line number; 0: never */
	int error;	/* a line number out of order */
};

static int collect_line(void *ctx, size_t lineno, const char *utf8, size_t len)
{
	struct lines *l = ctx;
	if (lineno != l->n + 1 || utf8[len] != '\0')
		l->error = 1;
	if (l->n < 64) {
		l->text[l->n] = strndup(utf8, len);
		l->len[l->n] = len;
	}
	l->n++;
	return l->stop_at == lineno ? 99 : 0;
}

static void lines_free(struct lines *l)
{
	for (size_t i = 0; i < l->n && i < 64; i++)
		free(l->text[i]);
}

/* Scans and reads data; checks the line count of both passes agree. */
static enum status scan_read(const char *data, size_t len,
	struct text_info *info, struct lines *l)
{
	struct tmp t;
	char err[256] = "";
	tmp_write(&t, data, len);
	enum status st = text_scan_file(t.path, info, err, sizeof err);
	if (st == STATUS_OK) {
		memset(l, 0, sizeof *l);
		st = text_read_lines(t.path, info->encoding, collect_line, l,
			err, sizeof err);
		ck_assert_int_eq(l->error, 0);
		ck_assert_uint_eq(l->n, info->lines);
	}
	tmp_drop(&t);
	return st;
}

START_TEST(test_text_utf8_plain)
{
	static const char data[] = "Müller sagt: „Straße“ – 5 €\nzweite Zeile\n";
	struct text_info info;
	struct lines l;
	ck_assert_int_eq(scan_read(data, strlen(data), &info, &l), STATUS_OK);
	ck_assert(info.utf8);
	ck_assert(!info.bom);
	ck_assert(!info.nul);
	ck_assert_int_eq(info.encoding, TEXT_UTF8);
	ck_assert_uint_eq(info.size, strlen(data));
	ck_assert_uint_eq(info.lines, 2);
	ck_assert_str_eq(l.text[0], "Müller sagt: „Straße“ – 5 €");
	ck_assert_str_eq(l.text[1], "zweite Zeile");
	lines_free(&l);
}
END_TEST

START_TEST(test_text_utf8_bom)
{
	static const char data[] = "\xEF\xBB\xBF" "erste\r\nzweite";
	struct text_info info;
	struct lines l;
	ck_assert_int_eq(scan_read(data, strlen(data), &info, &l), STATUS_OK);
	ck_assert(info.utf8);
	ck_assert(info.bom);
	ck_assert_uint_eq(info.lines, 2);
	ck_assert_str_eq(l.text[0], "erste");	/* no BOM in line 1 */
	ck_assert_str_eq(l.text[1], "zweite");
	lines_free(&l);
}
END_TEST

START_TEST(test_text_line_ends)
{
	static const struct {
		const char *data;
		size_t lines;
		const char *joined;	/* lines joined with '|' */
	} cases[] = {
		{ "a\nb\n", 2, "a|b" },
		{ "a\r\nb\r\n", 2, "a|b" },
		{ "a\rb\r", 2, "a|b" },
		{ "a\r\nb\rc\nd", 4, "a|b|c|d" },	/* mixed, last unterminated */
		{ "a", 1, "a" },
		{ "a\n\nb\n\n", 4, "a||b|" },	/* empty lines kept */
		{ "\n", 1, "" },
		{ "\r\n\r\n", 2, "|" },
		{ "\n\r", 2, "|" },	/* LF CR is two line ends */
		{ "\xEF\xBB\xBF\n", 1, "" },
		{ "x\r\r\ny", 3, "x||y" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct text_info info;
		struct lines l;
		ck_assert_int_eq(scan_read(cases[i].data, strlen(cases[i].data),
			&info, &l), STATUS_OK);
		ck_assert_msg(info.lines == cases[i].lines, "case %zu: %zu lines",
			i, info.lines);
		char joined[64] = "";
		for (size_t k = 0; k < l.n; k++) {
			if (k > 0)
				strcat(joined, "|");
			strcat(joined, l.text[k]);
		}
		ck_assert_msg(strcmp(joined, cases[i].joined) == 0,
			"case %zu: %s", i, joined);
		lines_free(&l);
	}
}
END_TEST

START_TEST(test_text_cp1252)
{
	/* „Anführungszeichen“, ß, ä, € as Word writes them in Windows-1252 */
	static const char data[] =
		"\x84" "Anf\xFChrungszeichen\x93 \xDF \xE4 \x80\r\n"
		"\x96 \x97 \x85 \x91x\x92 \x99 \x8A\x9A\x8E\x9E\x9F\r\n"
		"undefiniert:\x81\x8D\x8F\x90\x9D";
	struct text_info info;
	struct lines l;
	ck_assert_int_eq(scan_read(data, strlen(data), &info, &l), STATUS_OK);
	ck_assert(!info.utf8);
	ck_assert_uint_eq(info.bad_utf8_line, 1);
	ck_assert_int_eq(info.encoding, TEXT_CP1252);
	ck_assert_uint_eq(info.lines, 3);
	ck_assert_str_eq(l.text[0], "„Anführungszeichen“ ß ä €");
	ck_assert_str_eq(l.text[1], "– — … ‘x’ ™ ŠšŽžŸ");
	ck_assert_str_eq(l.text[2], "undefiniert:\xEF\xBF\xBD\xEF\xBF\xBD"
		"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	lines_free(&l);
}
END_TEST

/* Mostly UTF-8 but one stray Latin-1 byte in line 3: the whole file is
 * Windows-1252, and the first bad line is named. */
START_TEST(test_text_invalid_utf8_is_cp1252)
{
	static const char data[] = "Gr\xC3\xBC\xC3\x9F" "e\nok\nStra\xDF" "e\n";
	struct text_info info;
	struct lines l;
	ck_assert_int_eq(scan_read(data, strlen(data), &info, &l), STATUS_OK);
	ck_assert(!info.utf8);
	ck_assert_uint_eq(info.bad_utf8_line, 3);
	ck_assert_int_eq(info.encoding, TEXT_CP1252);
	ck_assert_str_eq(l.text[2], "Straße");
	lines_free(&l);
}
END_TEST

START_TEST(test_text_is_utf8)
{
	ck_assert(text_is_utf8("", 0));
	ck_assert(text_is_utf8("abc", 3));
	ck_assert(text_is_utf8("\xC3\xA4", 2));	/* ä */
	ck_assert(text_is_utf8("\xE2\x82\xAC", 3));	/* € */
	ck_assert(text_is_utf8("\xF0\x9F\x98\x80", 4));	/* U+1F600 */
	ck_assert(text_is_utf8("\xF4\x8F\xBF\xBF", 4));	/* U+10FFFF */
	ck_assert(text_is_utf8("\xED\x9F\xBF", 3));	/* U+D7FF */
	ck_assert(text_is_utf8("\xEE\x80\x80", 3));	/* U+E000 */
	ck_assert(!text_is_utf8("\xC0\xAF", 2));	/* overlong '/' */
	ck_assert(!text_is_utf8("\xC1\xBF", 2));	/* overlong */
	ck_assert(!text_is_utf8("\xE0\x80\xAF", 3));	/* overlong */
	ck_assert(!text_is_utf8("\xE0\x9F\xBF", 3));	/* overlong U+07FF */
	ck_assert(!text_is_utf8("\xF0\x8F\xBF\xBF", 4));	/* overlong U+FFFF */
	ck_assert(!text_is_utf8("\xED\xA0\x80", 3));	/* surrogate U+D800 */
	ck_assert(!text_is_utf8("\xED\xBF\xBF", 3));	/* surrogate U+DFFF */
	ck_assert(!text_is_utf8("\xF4\x90\x80\x80", 4));	/* U+110000 */
	ck_assert(!text_is_utf8("\xF5\x80\x80\x80", 4));
	ck_assert(!text_is_utf8("\xFF", 1));
	ck_assert(!text_is_utf8("\x80", 1));	/* lone continuation */
	ck_assert(!text_is_utf8("\xC3", 1));	/* truncated */
	ck_assert(!text_is_utf8("\xE2\x82", 2));	/* truncated */
	ck_assert(!text_is_utf8("\xC3" "a", 2));
	ck_assert(!text_is_utf8("\xE4", 1));	/* Latin-1 ä */
}
END_TEST

/* Where valid UTF-8 ends: at the start of the first bad or cut-off
 * character, never inside one. */
START_TEST(test_text_utf8_prefix)
{
	ck_assert_uint_eq(text_utf8_prefix("", 0), 0);
	ck_assert_uint_eq(text_utf8_prefix("M\xC3\xBCller", 7), 7);
	ck_assert_uint_eq(text_utf8_prefix("M\xFCller", 6), 1);	/* Latin-1 ü */
	ck_assert_uint_eq(text_utf8_prefix("\xC3\xA4\xE2\x82", 5), 2);	/* "ä", then € cut off */
	ck_assert_uint_eq(text_utf8_prefix("\xC3\xA4\xE2\x82" "a", 6), 2);
	ck_assert_uint_eq(text_utf8_prefix("ab\x80", 3), 2);	/* lone continuation */
	ck_assert_uint_eq(text_utf8_prefix("a\xED\xA0\x80", 4), 1);	/* surrogate */
	ck_assert_uint_eq(text_utf8_prefix("\xF0\x9F\x98\x80!", 5), 5);
}
END_TEST

START_TEST(test_text_cut_boundary)
{
	const char *s = "a\xC3\xA4\xF0\x9F\x98\x80" "b";   /* a ä U+1F600 b */
	static const size_t want[] = { 0, 1, 1, 3, 3, 3, 3, 7, 8 };
	for (size_t pos = 0; pos < sizeof want / sizeof want[0]; pos++)
		ck_assert_msg(text_cut_boundary(s, pos) == want[pos], "pos %zu: %zu", pos,
			text_cut_boundary(s, pos));
}
END_TEST

START_TEST(test_text_from_cp1252)
{
	char *out = NULL;
	ck_assert_int_eq(text_from_cp1252("\x84Sch\xF6n\x93 \x80", 9, &out),
		STATUS_OK);
	ck_assert_str_eq(out, "„Schön“ €");
	free(out);
	ck_assert_int_eq(text_from_cp1252("", 0, &out), STATUS_OK);
	ck_assert_str_eq(out, "");
	free(out);
}
END_TEST

/* A file of TEXT_BUFFER_SIZE - before bytes of 'a', then tail: puts tail
 * across the boundary of the read buffer. */
static char *boundary_file(size_t before, const char *tail, size_t *len)
{
	size_t tl = strlen(tail);
	*len = TEXT_BUFFER_SIZE - before + tl;
	char *data = malloc(*len);
	ck_assert_ptr_nonnull(data);
	memset(data, 'a', TEXT_BUFFER_SIZE - before);
	memcpy(data + TEXT_BUFFER_SIZE - before, tail, tl);
	return data;
}

START_TEST(test_text_split_utf8)
{
	static const struct {
		size_t before;
		const char *tail;
		bool utf8;
	} cases[] = {
		{ 1, "\xC3\xA4\n", true },	/* ä split 1|1 */
		{ 1, "\xE2\x82\xAC\n", true },	/* € split 1|2 */
		{ 2, "\xE2\x82\xAC\n", true },	/* € split 2|1 */
		{ 1, "\xF0\x9F\x98\x80", true },	/* 4 bytes split 1|3 */
		{ 3, "\xF0\x9F\x98\x80", true },	/* split 3|1 */
		{ 1, "\xC3" "a\n", false },	/* broken across the boundary */
		{ 2, "\xED\xA0\x80", false },	/* surrogate across it */
		{ 1, "\xC3", false },	/* truncated at the very end */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		size_t len;
		char *data = boundary_file(cases[i].before, cases[i].tail, &len);
		struct text_info info;
		struct lines l;
		ck_assert_int_eq(scan_read(data, len, &info, &l), STATUS_OK);
		ck_assert_msg(info.utf8 == cases[i].utf8, "case %zu", i);
		ck_assert_uint_eq(info.lines, 1);
		if (cases[i].utf8) {
			ck_assert_uint_eq(l.len[0], len - (data[len - 1] == '\n'));
			ck_assert_int_eq(memcmp(l.text[0], data, l.len[0]), 0);
		}
		lines_free(&l);
		free(data);
	}
}
END_TEST

/* A CRLF whose LF starts the second buffer is one line end, and a CR at
 * the end of one buffer before a non-LF is one too. */
START_TEST(test_text_split_crlf)
{
	size_t len;
	char *data = boundary_file(1, "\r\nb\r", &len);
	struct text_info info;
	struct lines l;
	ck_assert_int_eq(scan_read(data, len, &info, &l), STATUS_OK);
	ck_assert_uint_eq(info.lines, 2);
	ck_assert_str_eq(l.text[1], "b");
	lines_free(&l);
	free(data);

	/* "\r" ends buffer 1, then "x" + "\n" where the LF is a new line end. */
	data = boundary_file(1, "\rx\n", &len);
	ck_assert_int_eq(scan_read(data, len, &info, &l), STATUS_OK);
	ck_assert_uint_eq(info.lines, 2);
	ck_assert_str_eq(l.text[1], "x");
	lines_free(&l);
	free(data);

	/* CR, then a line running over the boundary, then LF: the LF must
	 * not be taken for the rest of a CRLF. */
	data = boundary_file(4, "\rxyz\nw", &len);
	ck_assert_int_eq(scan_read(data, len, &info, &l), STATUS_OK);
	ck_assert_uint_eq(info.lines, 3);
	ck_assert_str_eq(l.text[1], "xyz");
	ck_assert_str_eq(l.text[2], "w");
	lines_free(&l);
	free(data);
}
END_TEST

START_TEST(test_text_nul_refused)
{
	static const char data[] = "eins\nzwei\ndr\0ei\n";
	struct tmp t;
	struct text_info info;
	char err[256] = "";
	tmp_write(&t, data, sizeof data - 1);
	ck_assert_int_eq(text_scan_file(t.path, &info, err, sizeof err),
		STATUS_BAD_FILE);
	ck_assert(info.nul);
	ck_assert_uint_eq(info.nul_line, 3);
	ck_assert_uint_eq(info.lines, 3);	/* info complete all the same */
	ck_assert_ptr_nonnull(strstr(err, t.path));
	ck_assert_ptr_nonnull(strstr(err, "Zeile 3"));
	tmp_drop(&t);

	/* UTF-16 (as Notepad writes "Unicode") is named as such. */
	static const char utf16[] = "\xFF\xFE" "a\0b\0\n\0";
	tmp_write(&t, utf16, sizeof utf16 - 1);
	ck_assert_int_eq(text_scan_file(t.path, &info, err, sizeof err),
		STATUS_BAD_FILE);
	ck_assert_ptr_nonnull(strstr(err, "UTF-16"));
	tmp_drop(&t);
}
END_TEST

START_TEST(test_text_empty_refused)
{
	struct tmp t;
	struct text_info info;
	char err[256] = "";
	tmp_write(&t, "", 0);
	ck_assert_int_eq(text_scan_file(t.path, &info, err, sizeof err),
		STATUS_BAD_FILE);
	ck_assert_uint_eq(info.size, 0);
	ck_assert_uint_eq(info.lines, 0);
	ck_assert_ptr_nonnull(strstr(err, t.path));
	ck_assert_str_eq(info.sha256,
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	tmp_drop(&t);

	/* A BOM alone is empty too. */
	tmp_write(&t, "\xEF\xBB\xBF", 3);
	ck_assert_int_eq(text_scan_file(t.path, &info, err, sizeof err),
		STATUS_BAD_FILE);
	ck_assert(info.bom);
	ck_assert_uint_eq(info.lines, 0);
	tmp_drop(&t);
}
END_TEST

START_TEST(test_text_missing_file)
{
	struct text_info info;
	char err[256] = "";
	const char *path = "/tmp/didat-does-not-exist/protokoll.txt";
	ck_assert_int_eq(text_scan_file(path, &info, err, sizeof err), STATUS_IO);
	ck_assert_ptr_nonnull(strstr(err, path));
	ck_assert_ptr_nonnull(strstr(err, strerror(ENOENT)));
	err[0] = '\0';
	ck_assert_int_eq(text_read_lines(path, TEXT_UTF8, collect_line, NULL,
		err, sizeof err), STATUS_IO);
	ck_assert_ptr_nonnull(strstr(err, path));
	/* No message buffer is fine too. */
	ck_assert_int_eq(text_scan_file(path, &info, NULL, 0), STATUS_IO);
}
END_TEST

/* Lines much longer than the read buffer arrive whole. */
START_TEST(test_text_long_line)
{
	size_t big = 1024 * 1024;
	char *data = malloc(big + 8);
	ck_assert_ptr_nonnull(data);
	memcpy(data, "kurz\n", 5);
	for (size_t i = 0; i < big; i++)
		data[5 + i] = (char)('a' + i % 26);
	memcpy(data + 5 + big, "\r\nz", 3);
	size_t len = big + 8;

	struct text_info info;
	struct lines l;
	ck_assert_int_eq(scan_read(data, len, &info, &l), STATUS_OK);
	ck_assert_uint_eq(info.lines, 3);
	ck_assert_uint_eq(l.len[1], big);
	ck_assert_int_eq(memcmp(l.text[1], data + 5, big), 0);
	ck_assert_str_eq(l.text[2], "z");
	lines_free(&l);

	/* The same in Windows-1252, where every byte grows. */
	memset(data + 5, '\xE4', big);	/* ä */
	ck_assert_int_eq(scan_read(data, len, &info, &l), STATUS_OK);
	ck_assert_int_eq(info.encoding, TEXT_CP1252);
	ck_assert_uint_eq(l.len[1], 2 * big);
	ck_assert_int_eq(memcmp(l.text[1], "ää", 4), 0);
	ck_assert_int_eq(memcmp(l.text[1] + 2 * big - 4, "ää", 4), 0);
	lines_free(&l);
	free(data);
}
END_TEST

START_TEST(test_text_sha256_of_file)
{
	size_t len = 3 * TEXT_BUFFER_SIZE + 17;	/* several buffers */
	char *data = malloc(len);
	ck_assert_ptr_nonnull(data);
	for (size_t i = 0; i < len; i++)
		data[i] = i % 80 == 79 ? '\n' : (char)('0' + i % 10);
	char hex[SHA256_HEX_SIZE];
	sha256_data_hex(data, len, hex);

	struct tmp t;
	struct text_info info;
	tmp_write(&t, data, len);
	ck_assert_int_eq(text_scan_file(t.path, &info, NULL, 0), STATUS_OK);
	ck_assert_str_eq(info.sha256, hex);
	ck_assert_uint_eq(info.size, len);
	tmp_drop(&t);
	free(data);
}
END_TEST

START_TEST(test_text_callback_stops)
{
	static const char data[] = "1\n2\n3\n4\n";
	struct tmp t;
	struct lines l;
	memset(&l, 0, sizeof l);
	l.stop_at = 2;
	tmp_write(&t, data, strlen(data));
	ck_assert_int_eq(text_read_lines(t.path, TEXT_UTF8, collect_line, &l,
		NULL, 0), 99);
	ck_assert_uint_eq(l.n, 2);
	lines_free(&l);
	tmp_drop(&t);
}
END_TEST

extern Suite *text_suite(void);
Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_text_utf8_plain);
	tcase_add_test(tc, test_text_utf8_bom);
	tcase_add_test(tc, test_text_line_ends);
	tcase_add_test(tc, test_text_cp1252);
	tcase_add_test(tc, test_text_invalid_utf8_is_cp1252);
	tcase_add_test(tc, test_text_is_utf8);
	tcase_add_test(tc, test_text_utf8_prefix);
	tcase_add_test(tc, test_text_cut_boundary);
	tcase_add_test(tc, test_text_from_cp1252);
	tcase_add_test(tc, test_text_split_utf8);
	tcase_add_test(tc, test_text_split_crlf);
	tcase_add_test(tc, test_text_nul_refused);
	tcase_add_test(tc, test_text_empty_refused);
	tcase_add_test(tc, test_text_missing_file);
	tcase_add_test(tc, test_text_long_line);
	tcase_add_test(tc, test_text_sha256_of_file);
	tcase_add_test(tc, test_text_callback_stops);
	suite_add_tcase(s, tc);
	return s;
}

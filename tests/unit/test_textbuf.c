/* util/textbuf: the editing logic of the editor widget, without curses. */
#include <check.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/textbuf.h"

static void textbuf_locale(void)
{
	/* characters and widths come from the locale, as display_init()
	 * sets it in the program */
	ck_assert_ptr_nonnull(setlocale(LC_CTYPE, "C.UTF-8"));
}

static struct textbuf *tb_new(const char *text)
{
	struct textbuf *tb = textbuf_new(text);
	ck_assert_ptr_nonnull(tb);
	return tb;
}

/* Moves the cursor to the byte offset just after PREFIX, which must
 * start the text. */
static void tb_after(struct textbuf *tb, const char *prefix)
{
	ck_assert(strncmp(textbuf_text(tb), prefix, strlen(prefix)) == 0);
	textbuf_set_cursor(tb, strlen(prefix));
	ck_assert_uint_eq(textbuf_cursor(tb), strlen(prefix));
}

/* The layout written as "TEXT:COLUMNS" per visual line, joined by '|'. */
struct layout_text {
	const char *text;
	char out[1024];
	size_t used;
	size_t last_end;
	int lines;
};

static int layout_line(void *ctx, size_t start, size_t end, int columns)
{
	struct layout_text *l = ctx;
	ck_assert_uint_le(start, end);
	ck_assert_uint_ge(start, l->last_end);	/* in order, no overlap */
	l->last_end = end;
	int n = snprintf(l->out + l->used, sizeof l->out - l->used, "%s%.*s:%d",
		l->lines ? "|" : "", (int)(end - start), l->text + start, columns);
	ck_assert(n > 0 && (size_t)n < sizeof l->out - l->used);
	l->used += (size_t)n;
	l->lines++;
	return 0;
}

static void check_layout(const struct textbuf *tb, int width, const char *expect)
{
	struct layout_text l = { textbuf_text(tb), "", 0, 0, 0 };
	textbuf_layout(tb, width, layout_line, &l);
	ck_assert_str_eq(l.out, expect);
}

static void check_rowcol(const struct textbuf *tb, int width, int row, int col, int rows)
{
	int r = -1, c = -1;
	ck_assert_int_eq(textbuf_cursor_rowcol(tb, width, &r, &c), rows);
	ck_assert_int_eq(r, row);
	ck_assert_int_eq(c, col);
}

START_TEST(test_textbuf_umlauts)
{
	struct textbuf *tb = tb_new("Grüße");
	ck_assert_uint_eq(textbuf_length(tb), 7);
	ck_assert_uint_eq(textbuf_cursor(tb), 7);	/* at the end */
	ck_assert(textbuf_move_left(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), 6);	/* before e */
	ck_assert(textbuf_move_left(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), 4);	/* before ß: two bytes */
	ck_assert(textbuf_delete_before(tb));	/* ü, both bytes */
	ck_assert_str_eq(textbuf_text(tb), "Grße");
	ck_assert_uint_eq(textbuf_cursor(tb), 2);
	ck_assert_int_eq(textbuf_insert_char(tb, L'ö'), STATUS_OK);
	ck_assert_str_eq(textbuf_text(tb), "Größe");
	ck_assert_uint_eq(textbuf_cursor(tb), 4);
	ck_assert(textbuf_delete_after(tb));	/* ß */
	ck_assert_str_eq(textbuf_text(tb), "Gröe");
	ck_assert_int_eq(textbuf_insert(tb, "ßß"), STATUS_OK);
	ck_assert_str_eq(textbuf_text(tb), "Größße");
	ck_assert_uint_eq(textbuf_cursor(tb), 8);
	ck_assert(textbuf_move_right(tb));
	ck_assert(!textbuf_move_right(tb));	/* at the end */
	ck_assert(!textbuf_delete_after(tb));
	ck_assert(textbuf_move_start(tb));
	ck_assert(!textbuf_move_left(tb));
	ck_assert(!textbuf_delete_before(tb));
	ck_assert(textbuf_move_right(tb));
	ck_assert(textbuf_move_right(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), 2);
	ck_assert(textbuf_move_right(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), 4);	/* over ö */
	textbuf_free(tb);
}
END_TEST

START_TEST(test_textbuf_quotes_and_cjk)
{
	struct textbuf *tb = tb_new("„Zitat“");
	ck_assert(textbuf_move_start(tb));
	ck_assert(textbuf_move_right(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), 3);	/* „ is three bytes */
	ck_assert(textbuf_delete_before(tb));
	ck_assert_str_eq(textbuf_text(tb), "Zitat“");
	ck_assert_uint_eq(textbuf_cursor(tb), 0);
	ck_assert(textbuf_move_end(tb));
	ck_assert(textbuf_delete_before(tb));
	ck_assert_str_eq(textbuf_text(tb), "Zitat");
	textbuf_free(tb);

	tb = tb_new("漢字");
	ck_assert_uint_eq(textbuf_cursor(tb), 6);
	ck_assert(textbuf_move_left(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), 3);
	ck_assert_int_eq(textbuf_insert_char(tb, L'x'), STATUS_OK);
	ck_assert_str_eq(textbuf_text(tb), "漢x字");
	ck_assert_uint_eq(textbuf_cursor(tb), 4);
	ck_assert(textbuf_delete_before(tb));
	ck_assert(textbuf_delete_before(tb));
	ck_assert_str_eq(textbuf_text(tb), "字");
	ck_assert_uint_eq(textbuf_cursor(tb), 0);
	ck_assert_int_eq(textbuf_insert_char(tb, L'漢'), STATUS_OK);
	ck_assert_str_eq(textbuf_text(tb), "漢字");
	ck_assert_uint_eq(textbuf_cursor(tb), 3);
	/* a position inside a character is moved back to its start */
	textbuf_set_cursor(tb, 5);
	ck_assert_uint_eq(textbuf_cursor(tb), 3);
	textbuf_set_cursor(tb, 99);
	ck_assert_uint_eq(textbuf_cursor(tb), 6);
	textbuf_free(tb);
}
END_TEST

START_TEST(test_textbuf_insert_lines)
{
	struct textbuf *tb = tb_new(NULL);
	ck_assert_str_eq(textbuf_text(tb), "");
	ck_assert_uint_eq(textbuf_length(tb), 0);
	ck_assert_int_eq(textbuf_insert(tb, "ab"), STATUS_OK);
	textbuf_set_cursor(tb, 1);
	ck_assert_int_eq(textbuf_insert(tb, "Maß\n„x“\n"), STATUS_OK);
	ck_assert_str_eq(textbuf_text(tb), "aMaß\n„x“\nb");
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("aMaß\n„x“\n"));
	ck_assert_int_eq(textbuf_insert_char(tb, L'\0'), STATUS_INVALID);
	ck_assert_int_eq(textbuf_insert_char(tb, (wchar_t)0x110000), STATUS_INVALID);
	ck_assert_int_eq(textbuf_insert_char(tb, (wchar_t)0xD800), STATUS_INVALID);
	ck_assert_str_eq(textbuf_text(tb), "aMaß\n„x“\nb");
	textbuf_free(tb);
}
END_TEST

START_TEST(test_textbuf_invalid_bytes)
{
	/* each invalid byte is one character: a lone lead, a lone
	 * continuation byte, a sequence cut off at the end */
	struct textbuf *tb = tb_new("a\xFF\x80" "b\xE6\xBC");
	ck_assert_uint_eq(textbuf_cursor(tb), 6);
	size_t expect[] = { 5, 4, 3, 2, 1, 0 };
	for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++) {
		ck_assert(textbuf_move_left(tb));
		ck_assert_uint_eq(textbuf_cursor(tb), expect[i]);
	}
	check_layout(tb, 0, "a\xFF\x80" "b\xE6\xBC:6");	/* each one column */
	/* the last byte completes the character: it becomes one */
	textbuf_move_end(tb);
	ck_assert_int_eq(textbuf_insert(tb, "\xA2"), STATUS_OK);
	ck_assert_str_eq(textbuf_text(tb), "a\xFF\x80" "b漢");
	ck_assert(textbuf_move_left(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), 4);
	textbuf_free(tb);

	/* deleting what stood between a lead and a continuation byte makes
	 * one character of them: the cursor goes to its start */
	tb = tb_new("\xC3x\xA4z");
	tb_after(tb, "\xC3x");
	ck_assert(textbuf_delete_before(tb));
	ck_assert_str_eq(textbuf_text(tb), "äz");
	ck_assert_uint_eq(textbuf_cursor(tb), 0);
	ck_assert(textbuf_move_right(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), 2);
	textbuf_free(tb);

	/* a lead byte inserted before continuation bytes completes a
	 * character with them: the cursor goes after it, never inside */
	tb = tb_new("x\xBC\xA2y");
	tb_after(tb, "x");
	ck_assert_int_eq(textbuf_insert(tb, "\xE6"), STATUS_OK);
	ck_assert_str_eq(textbuf_text(tb), "x漢y");
	ck_assert_uint_eq(textbuf_cursor(tb), 4);
	textbuf_free(tb);

	/* a run of continuation bytes longer than any sequence */
	char run[32];
	memset(run, 0x80, 20);
	strcpy(run + 20, "ä");
	tb = tb_new(run);
	ck_assert(textbuf_move_left(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), 20);
	ck_assert(textbuf_move_left(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), 19);
	textbuf_set_cursor(tb, 21);	/* inside ä */
	ck_assert_uint_eq(textbuf_cursor(tb), 20);
	textbuf_free(tb);
}
END_TEST

START_TEST(test_textbuf_words)
{
	static const char text[] = "Größe, „Übermaß“ – Ärger!";
	struct textbuf *tb = tb_new(text);
	ck_assert(textbuf_move_start(tb));
	ck_assert(textbuf_move_word_right(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("Größe"));
	ck_assert(textbuf_move_word_right(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("Größe, „Übermaß"));
	ck_assert(textbuf_move_word_right(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("Größe, „Übermaß“ – Ärger"));
	ck_assert(textbuf_move_word_right(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), strlen(text));	/* no word left */
	ck_assert(!textbuf_move_word_right(tb));
	ck_assert(textbuf_move_word_left(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("Größe, „Übermaß“ – "));
	ck_assert(textbuf_move_word_left(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("Größe, „"));
	tb_after(tb, "Größe, „Über");	/* inside a word: to its start */
	ck_assert(textbuf_move_word_left(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("Größe, „"));
	ck_assert(textbuf_move_word_left(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), 0);
	ck_assert(!textbuf_move_word_left(tb));
	textbuf_free(tb);

	/* words run across lines; digits are word characters */
	tb = tb_new("Ziel 42\nneu");
	tb_after(tb, "Ziel 42");
	ck_assert(textbuf_move_word_right(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("Ziel 42\nneu"));
	ck_assert(textbuf_move_word_left(tb));
	ck_assert(textbuf_move_word_left(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("Ziel "));
	textbuf_free(tb);
}
END_TEST

START_TEST(test_textbuf_delete_words_lines)
{
	struct textbuf *tb = tb_new("Straße; Grüße");
	ck_assert(textbuf_delete_word_before(tb));
	ck_assert_str_eq(textbuf_text(tb), "Straße; ");
	ck_assert(textbuf_delete_word_before(tb));	/* "; " and the word */
	ck_assert_str_eq(textbuf_text(tb), "");
	ck_assert(!textbuf_delete_word_before(tb));
	textbuf_free(tb);

	tb = tb_new("Maß „drin“ außen");
	tb_after(tb, "Maß „dr");
	ck_assert(textbuf_delete_word_before(tb));
	ck_assert_str_eq(textbuf_text(tb), "Maß „in“ außen");
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("Maß „"));
	textbuf_free(tb);

	tb = tb_new("eins\nzwei drei\nvier");
	tb_after(tb, "eins\nzwei ");
	ck_assert(textbuf_delete_to_line_start(tb));
	ck_assert_str_eq(textbuf_text(tb), "eins\ndrei\nvier");
	ck_assert_uint_eq(textbuf_cursor(tb), 5);
	ck_assert(!textbuf_delete_to_line_start(tb));	/* no joining */
	ck_assert(textbuf_delete_to_line_end(tb));
	ck_assert_str_eq(textbuf_text(tb), "eins\n\nvier");
	ck_assert(textbuf_delete_to_line_end(tb));	/* the newline: joins */
	ck_assert_str_eq(textbuf_text(tb), "eins\nvier");
	ck_assert_uint_eq(textbuf_cursor(tb), 5);
	ck_assert(textbuf_delete_to_line_end(tb));
	ck_assert_str_eq(textbuf_text(tb), "eins\n");
	ck_assert(!textbuf_delete_to_line_end(tb));	/* at the very end */
	textbuf_free(tb);
}
END_TEST

START_TEST(test_textbuf_wrap_spaces)
{
	struct textbuf *tb = tb_new("Die Straße ist lang");
	/* the last space that fits ends the line and stays on it */
	check_layout(tb, 12, "Die Straße :11|ist lang:8");
	check_layout(tb, 8, "Die :4|Straße :7|ist lang:8|:0");
	/* a space just past the edge hangs there: not counted */
	check_layout(tb, 10, "Die Straße :10|ist lang:8");
	check_layout(tb, 0, "Die Straße ist lang:19");	/* no wrapping */
	check_layout(tb, 40, "Die Straße ist lang:19");
	textbuf_free(tb);

	tb = tb_new("„Größe“ und Maß");
	check_layout(tb, 9, "„Größe“ :8|und Maß:7");
	textbuf_free(tb);
}
END_TEST

START_TEST(test_textbuf_wrap_long_word)
{
	struct textbuf *tb = tb_new("Donaudampfschifffahrt ja");
	check_layout(tb, 8, "Donaudam:8|pfschiff:8|fahrt ja:8|:0");
	check_layout(tb, 1, "D:1|o:1|n:1|a:1|u:1|d:1|a:1|m:1|p:1|f:1|s:1|c:1|h:1|"
		"i:1|f:1|f:1|f:1|a:1|h:1|r:1|t :1|j:1|a:1|:0");
	textbuf_free(tb);

	tb = tb_new("Übermäßigkeit");	/* cut on character boundaries */
	check_layout(tb, 5, "Überm:5|äßigk:5|eit:3");
	textbuf_free(tb);
}
END_TEST

START_TEST(test_textbuf_wrap_wide_edge)
{
	/* a double-width character never straddles the edge */
	struct textbuf *tb = tb_new("abcd漢字");
	check_layout(tb, 5, "abcd:4|漢字:4");
	check_layout(tb, 6, "abcd漢:6|字:2");
	textbuf_free(tb);

	tb = tb_new("ab漢字x");
	check_layout(tb, 5, "ab漢:4|字x:3");
	check_layout(tb, 3, "ab:2|漢:2|字x:3|:0");
	/* wider than the whole line: alone on it */
	check_layout(tb, 1, "a:1|b:1|漢:2|字:2|x:1|:0");
	textbuf_free(tb);

	/* control characters count as their visible forms, "^[" and "<9B>" */
	tb = tb_new("a\x1b[1mb\xC2\x9B" "c");
	check_layout(tb, 4, "a\x1b[:4|1mb:3|\xC2\x9B:4|c:1");
	textbuf_free(tb);
}
END_TEST

START_TEST(test_textbuf_hard_breaks)
{
	struct textbuf *tb = tb_new("eins\n\nzwei drei\n");
	check_layout(tb, 6, "eins:4|:0|zwei :5|drei:4|:0");
	check_layout(tb, 0, "eins:4|:0|zwei drei:9|:0");
	textbuf_free(tb);

	tb = tb_new(NULL);
	check_layout(tb, 10, ":0");
	check_rowcol(tb, 10, 0, 0, 1);
	textbuf_free(tb);

	tb = tb_new("\n");
	check_layout(tb, 10, ":0|:0");
	check_rowcol(tb, 10, 1, 0, 2);
	textbuf_move_start(tb);
	check_rowcol(tb, 10, 0, 0, 2);
	textbuf_free(tb);
}
END_TEST

START_TEST(test_textbuf_rowcol_exact)
{
	/* a line that fills the width exactly: the cursor after it stands
	 * at the start of an empty visual line, never past the edge */
	struct textbuf *tb = tb_new("abcde");
	check_layout(tb, 5, "abcde:5|:0");
	check_rowcol(tb, 5, 1, 0, 2);
	textbuf_move_left(tb);
	check_rowcol(tb, 5, 0, 4, 2);
	check_rowcol(tb, 6, 0, 4, 1);
	textbuf_free(tb);

	tb = tb_new("abcdefgh");	/* cut: the cut position starts line 2 */
	tb_after(tb, "abcde");
	check_rowcol(tb, 5, 1, 0, 2);
	tb_after(tb, "abcd");
	check_rowcol(tb, 5, 0, 4, 2);
	textbuf_free(tb);

	tb = tb_new("abcde\nx");
	check_layout(tb, 5, "abcde:5|:0|x:1");
	tb_after(tb, "abcde");
	check_rowcol(tb, 5, 1, 0, 3);
	textbuf_move_to_rowcol(tb, 5, 0, INT_MAX);	/* End of line 1 */
	ck_assert_uint_eq(textbuf_cursor(tb), 4);
	textbuf_move_to_rowcol(tb, 5, 1, INT_MAX);
	ck_assert_uint_eq(textbuf_cursor(tb), 5);
	textbuf_move_to_rowcol(tb, 5, 2, 0);
	ck_assert_uint_eq(textbuf_cursor(tb), 6);
	textbuf_free(tb);

	tb = tb_new("Grüße 漢字");	/* columns, not bytes */
	check_rowcol(tb, 20, 0, 10, 1);
	tb_after(tb, "Grüße 漢");
	check_rowcol(tb, 20, 0, 8, 1);
	textbuf_free(tb);

	tb = tb_new("hello world");	/* before a hanging space */
	check_layout(tb, 5, "hello :5|world:5|:0");
	tb_after(tb, "hello");
	check_rowcol(tb, 5, 0, 5, 3);
	tb_after(tb, "hello ");
	check_rowcol(tb, 5, 1, 0, 3);
	textbuf_move_to_rowcol(tb, 5, 0, INT_MAX);
	ck_assert_uint_eq(textbuf_cursor(tb), 5);
	textbuf_free(tb);
}
END_TEST

START_TEST(test_textbuf_up_down)
{
	struct textbuf *tb = tb_new("abcdef\n漢字xy\nab\nabcdef");
	tb_after(tb, "abc");
	int goal = -1;
	ck_assert(textbuf_move_rows(tb, 20, 1, &goal));
	ck_assert_int_eq(goal, 3);
	/* column 3 is the right half of 字: the cursor goes before it */
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("abcdef\n漢"));
	check_rowcol(tb, 20, 1, 2, 4);
	ck_assert(textbuf_move_rows(tb, 20, 1, &goal));	/* a short line */
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("abcdef\n漢字xy\nab"));
	ck_assert(textbuf_move_rows(tb, 20, 1, &goal));	/* the column again */
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("abcdef\n漢字xy\nab\nabc"));
	ck_assert(!textbuf_move_rows(tb, 20, 1, &goal));	/* the last line */
	ck_assert(textbuf_move_rows(tb, 20, -3, &goal));
	ck_assert_uint_eq(textbuf_cursor(tb), 3);
	ck_assert(!textbuf_move_rows(tb, 20, -1, &goal));	/* the first */
	ck_assert_uint_eq(textbuf_cursor(tb), 3);
	ck_assert(textbuf_move_rows(tb, 20, 99, &goal));	/* clamped */
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("abcdef\n漢字xy\nab\nabc"));

	/* from the left half of a wide character upwards */
	tb_after(tb, "abcdef\n漢");
	goal = -1;
	ck_assert(textbuf_move_rows(tb, 20, -1, &goal));
	ck_assert_int_eq(goal, 2);
	ck_assert_uint_eq(textbuf_cursor(tb), 2);
	textbuf_free(tb);

	/* over soft breaks, with the width changed between moves */
	tb = tb_new("aaaa bbbb cccc");
	tb_after(tb, "aa");
	goal = -1;
	ck_assert(textbuf_move_rows(tb, 5, 2, &goal));
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("aaaa bbbb cc"));
	ck_assert(textbuf_move_rows(tb, 10, -1, &goal));
	ck_assert_uint_eq(textbuf_cursor(tb), 2);
	/* End of a soft-broken line stops before its space */
	textbuf_move_to_rowcol(tb, 5, 1, INT_MAX);
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("aaaa bbbb"));
	textbuf_move_to_rowcol(tb, 5, 1, 0);
	ck_assert_uint_eq(textbuf_cursor(tb), strlen("aaaa "));
	textbuf_free(tb);
}
END_TEST

START_TEST(test_textbuf_changed)
{
	struct textbuf *tb = tb_new("Maß");
	ck_assert(!textbuf_changed(tb));
	ck_assert_int_eq(textbuf_insert_char(tb, L'e'), STATUS_OK);
	ck_assert(textbuf_changed(tb));
	ck_assert(textbuf_delete_before(tb));
	ck_assert(!textbuf_changed(tb));	/* back to the original */
	ck_assert(textbuf_delete_before(tb));
	ck_assert(textbuf_changed(tb));	/* "Ma": shorter */
	ck_assert_int_eq(textbuf_insert_char(tb, L'ß'), STATUS_OK);
	ck_assert(!textbuf_changed(tb));
	/* a new text is compared with the first one, not the one before */
	ck_assert_int_eq(textbuf_set_text(tb, "Mass"), STATUS_OK);
	ck_assert(textbuf_changed(tb));
	ck_assert_uint_eq(textbuf_cursor(tb), 4);
	ck_assert_int_eq(textbuf_set_text(tb, "Maß"), STATUS_OK);
	ck_assert(!textbuf_changed(tb));
	ck_assert_int_eq(textbuf_set_text(tb, NULL), STATUS_OK);
	ck_assert(textbuf_changed(tb));
	ck_assert_str_eq(textbuf_text(tb), "");
	textbuf_free(tb);

	tb = tb_new(NULL);	/* empty and NULL are the same original */
	ck_assert(!textbuf_changed(tb));
	ck_assert_int_eq(textbuf_insert(tb, ""), STATUS_OK);
	ck_assert(!textbuf_changed(tb));
	ck_assert_int_eq(textbuf_insert_char(tb, L' '), STATUS_OK);
	ck_assert(textbuf_changed(tb));
	textbuf_free(tb);
}
END_TEST

extern Suite *textbuf_suite(void);

Suite *textbuf_suite(void)
{
	Suite *s = suite_create("textbuf");
	TCase *tc = tcase_create("textbuf");
	tcase_add_checked_fixture(tc, textbuf_locale, NULL);
	tcase_add_test(tc, test_textbuf_umlauts);
	tcase_add_test(tc, test_textbuf_quotes_and_cjk);
	tcase_add_test(tc, test_textbuf_insert_lines);
	tcase_add_test(tc, test_textbuf_invalid_bytes);
	tcase_add_test(tc, test_textbuf_words);
	tcase_add_test(tc, test_textbuf_delete_words_lines);
	tcase_add_test(tc, test_textbuf_wrap_spaces);
	tcase_add_test(tc, test_textbuf_wrap_long_word);
	tcase_add_test(tc, test_textbuf_wrap_wide_edge);
	tcase_add_test(tc, test_textbuf_hard_breaks);
	tcase_add_test(tc, test_textbuf_rowcol_exact);
	tcase_add_test(tc, test_textbuf_up_down);
	tcase_add_test(tc, test_textbuf_changed);
	suite_add_tcase(s, tc);
	return s;
}

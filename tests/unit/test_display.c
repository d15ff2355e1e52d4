/* display_fit: "%-N.Ns" in display columns. */
#include <check.h>
#include <string.h>

#include "util/display.h"

static void display_locale(void)
{
	display_init();
}

START_TEST(test_display_fit_pads_multibyte)
{
	char buf[32];
	/* "–" is three bytes, one column: padded, never cut into bytes. */
	ck_assert_str_eq(display_fit(buf, sizeof buf, "–", 2), "– ");
	ck_assert_str_eq(display_fit(buf, sizeof buf, "Ä", 3), "Ä  ");
	ck_assert_int_eq(display_width(display_fit(buf, sizeof buf, "ßx", 5)), 5);
}
END_TEST

START_TEST(test_display_fit_cuts_on_characters)
{
	char buf[32];
	ck_assert_str_eq(display_fit(buf, sizeof buf, "Größe", 3), "Grö");
	/* A wide character that would straddle the edge is left out. */
	ck_assert_str_eq(display_fit(buf, sizeof buf, "a漢字", 2), "a ");
	ck_assert_str_eq(display_fit(buf, sizeof buf, "漢字", 4), "漢字");
	ck_assert_str_eq(display_fit(buf, sizeof buf, NULL, 2), "  ");
}
END_TEST

START_TEST(test_display_fit_controls_visible)
{
	char buf[32];
	ck_assert_str_eq(display_fit(buf, sizeof buf, "\x1b[2Jx", 4), "^[[2");
	ck_assert_ptr_null(strchr(buf, 0x1b));
}
END_TEST

START_TEST(test_display_fit_small_buffer)
{
	char buf[4];
	/* Never writes beyond SIZE, never splits "ä" (two bytes). */
	ck_assert_str_eq(display_fit(buf, sizeof buf, "aää", 3), "aä");
	ck_assert_str_eq(display_fit(buf, sizeof buf, "", 10), "   ");
}
END_TEST

/* What display_copy makes of TEXT. */
static char *copied(const char *text, char *buf, size_t size)
{
	FILE *from = fmemopen((void *)text, strlen(text), "r");
	FILE *to = fmemopen(buf, size, "w");
	ck_assert_ptr_nonnull(from);
	ck_assert_ptr_nonnull(to);
	ck_assert(display_copy(from, to));
	fclose(from);
	fclose(to);
	return buf;
}

START_TEST(test_display_copy_keeps_lines_and_tabs)
{
	char buf[128];
	/* CSV's CRLF, a TSV's tabs, an umlaut and a last line without end */
	ck_assert_str_eq(copied("a\tÄ\r\nb\n\nc", buf, sizeof buf), "a\tÄ\r\nb\n\nc");
}
END_TEST

START_TEST(test_display_copy_shows_controls)
{
	char buf[128];
	/* an escape sequence from a minute, a lone CR, a C1 control and an
	 * invalid byte never reach the terminal as they are */
	copied("\x1b]0;owned\x07x\ry\r\n\xc2\x9b" "2J \xff\n", buf, sizeof buf);
	ck_assert_str_eq(buf, "^[]0;owned^Gx^My\r\n<9B>2J \xef\xbf\xbd\n");
	/* a CR at the very end, without LF, is shown too */
	ck_assert_str_eq(copied("b\r", buf, sizeof buf), "b^M");
	ck_assert_str_eq(copied("\r\n", buf, sizeof buf), "\r\n");
}
END_TEST

Suite *display_suite(void);
Suite *display_suite(void)
{
	Suite *s = suite_create("display");
	TCase *tc = tcase_create("fit");
	tcase_add_checked_fixture(tc, display_locale, NULL);
	tcase_add_test(tc, test_display_fit_pads_multibyte);
	tcase_add_test(tc, test_display_fit_cuts_on_characters);
	tcase_add_test(tc, test_display_fit_controls_visible);
	tcase_add_test(tc, test_display_fit_small_buffer);
	suite_add_tcase(s, tc);
	tc = tcase_create("copy");
	tcase_add_checked_fixture(tc, display_locale, NULL);
	tcase_add_test(tc, test_display_copy_keeps_lines_and_tabs);
	tcase_add_test(tc, test_display_copy_shows_controls);
	suite_add_tcase(s, tc);
	return s;
}

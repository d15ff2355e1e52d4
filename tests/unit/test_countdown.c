/* util/countdown: the timer rings once at its end and flashes briefly. */
#include <check.h>

#include "util/countdown.h"

START_TEST(test_countdown_left)
{
	struct countdown c = { 0 };
	countdown_start(&c, 1000, 60);
	ck_assert_int_eq(countdown_left(&c, 1000), 60);
	ck_assert_int_eq(countdown_left(&c, 1059), 1);
	ck_assert_int_eq(countdown_left(&c, 1100), 0);
}
END_TEST

START_TEST(test_countdown_rings_once)
{
	struct countdown c = { 0 };
	countdown_start(&c, 1000, 60);
	ck_assert(!countdown_ring(&c, 1059));
	ck_assert(!countdown_flashing(&c, 1059));
	ck_assert(countdown_ring(&c, 1060));
	/* every tick after: no second bell */
	ck_assert(!countdown_ring(&c, 1060));
	ck_assert(!countdown_ring(&c, 1200));
	/* started again, it rings again */
	countdown_start(&c, 1200, 1);
	ck_assert(!countdown_ring(&c, 1200));
	ck_assert(countdown_ring(&c, 1201));
}
END_TEST

START_TEST(test_countdown_flash)
{
	struct countdown c = { 0 };
	countdown_start(&c, 1000, 10);
	ck_assert(countdown_ring(&c, 1011));
	ck_assert(countdown_flashing(&c, 1011));
	ck_assert(countdown_flashing(&c, 1011 + COUNTDOWN_FLASH_SECONDS - 1));
	ck_assert(!countdown_flashing(&c, 1011 + COUNTDOWN_FLASH_SECONDS));
	/* a stopped timer does not flash, nor ring */
	countdown_start(&c, 2000, 10);
	countdown_stop(&c);
	ck_assert(!countdown_ring(&c, 2010));
	ck_assert(!countdown_flashing(&c, 2010));
}
END_TEST

START_TEST(test_countdown_parse)
{
	static const struct { const char *text; long seconds; } good[] = {
		{ "5", 300 }, { "180", 10800 }, { "1:30", 90 }, { "0:30", 30 }, { "0:01", 1 },
		{ "179:59", 10799 }, { "180:00", 10800 }, { "01", 60 }, { " 5", 300 }, { "1:30  ", 90 },
	};
	static const char *const bad[] = {
		"", "0", "0:00", "181", "180:01", "1:5", "1:60", "1:300", "-1", "+5", "5m", "1 :30", "1: 30", "   ",
		"1:3x", ":30", "1:", "1::30", "99999", "1,5",
	};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		long seconds = -1;
		ck_assert_msg(countdown_parse(good[i].text, &seconds), "\"%s\" refused", good[i].text);
		ck_assert_int_eq(seconds, good[i].seconds);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		long seconds = -1;
		ck_assert_msg(!countdown_parse(bad[i], &seconds), "\"%s\" taken", bad[i]);
		ck_assert_int_eq(seconds, -1);
	}
}
END_TEST

START_TEST(test_countdown_format_reads_back)
{
	char buf[16];
	countdown_format(600, buf, sizeof buf);
	ck_assert_str_eq(buf, "10");
	countdown_format(90, buf, sizeof buf);
	ck_assert_str_eq(buf, "1:30");
	countdown_format(5, buf, sizeof buf);
	ck_assert_str_eq(buf, "0:05");
	for (long s = 1; s <= COUNTDOWN_MAX_SECONDS; s += 37) {
		long back = 0;
		countdown_format(s, buf, sizeof buf);
		ck_assert(countdown_parse(buf, &back));
		ck_assert_int_eq(back, s);
	}
}
END_TEST

extern Suite *countdown_suite(void);

Suite *countdown_suite(void)
{
	Suite *s = suite_create("countdown");
	TCase *tc = tcase_create("countdown");
	tcase_add_test(tc, test_countdown_left);
	tcase_add_test(tc, test_countdown_rings_once);
	tcase_add_test(tc, test_countdown_flash);
	tcase_add_test(tc, test_countdown_parse);
	tcase_add_test(tc, test_countdown_format_reads_back);
	suite_add_tcase(s, tc);
	return s;
}

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

extern Suite *countdown_suite(void);

Suite *countdown_suite(void)
{
	Suite *s = suite_create("countdown");
	TCase *tc = tcase_create("countdown");
	tcase_add_test(tc, test_countdown_left);
	tcase_add_test(tc, test_countdown_rings_once);
	tcase_add_test(tc, test_countdown_flash);
	suite_add_tcase(s, tc);
	return s;
}

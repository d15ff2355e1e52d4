/* i18n_decimal: one decimal, the interface language's mark. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "util/i18n.h"

START_TEST(test_decimal_comma_and_rounding)
{
	char buf[32];
	ck_assert_str_eq(i18n_decimal(buf, sizeof buf, 12.8), "12,8");
	ck_assert_str_eq(i18n_decimal(buf, sizeof buf, 12.84), "12,8");
	ck_assert_str_eq(i18n_decimal(buf, sizeof buf, 12.86), "12,9");
	ck_assert_str_eq(i18n_decimal(buf, sizeof buf, 0.0), "0,0");
	ck_assert_str_eq(i18n_decimal(buf, sizeof buf, 125.0), "125,0");
	ck_assert_str_eq(i18n_decimal(buf, sizeof buf, -2.25), "-2,3");
	ck_assert_str_eq(i18n_decimal(buf, sizeof buf, -0.01), "0,0");
	ck_assert_str_eq(i18n_decimals(buf, sizeof buf, -0.13043, 4), "-0,1304");
	ck_assert_str_eq(i18n_decimals(buf, sizeof buf, 1.0, 4), "1,0000");
	ck_assert_str_eq(i18n_decimals(buf, sizeof buf, 0.00006, 4), "0,0001");
}
END_TEST

START_TEST(test_decimal_follows_lc_numeric)
{
	char buf[32];
	setenv("LC_ALL", "en_US.UTF-8", 1);
	i18n_init();
	ck_assert_str_eq(i18n_decimal(buf, sizeof buf, 3.5), "3.5");
	/* the C library keeps the point, whatever the reader's locale: CSV */
	snprintf(buf, sizeof buf, "%.1f", 3.5);
	ck_assert_str_eq(buf, "3.5");
	setenv("LC_ALL", "de_DE.UTF-8", 1);
	i18n_init();
	ck_assert_str_eq(i18n_decimal(buf, sizeof buf, 3.5), "3,5");
	snprintf(buf, sizeof buf, "%.1f", 3.5);
	ck_assert_str_eq(buf, "3.5");
}
END_TEST

START_TEST(test_language_follows_locale)
{
	/* a message the program shows, in both languages */
	setenv("LC_ALL", "en_US.UTF-8", 1);
	i18n_init();
	ck_assert_str_eq(P_("Timer: %d minute.", "Timer: %d minutes.", 2), "Timer: %d minutes.");
	setenv("LC_ALL", "de_DE.UTF-8", 1);
	i18n_init();
	ck_assert_str_eq(P_("Timer: %d minute.", "Timer: %d minutes.", 2), "Timer: %d Minuten.");
	ck_assert_str_eq(P_("Timer: %d minute.", "Timer: %d minutes.", 1), "Timer: %d Minute.");
}
END_TEST

Suite *i18n_suite(void);
Suite *i18n_suite(void)
{
	Suite *s = suite_create("i18n");
	TCase *tc = tcase_create("decimal");
	tcase_add_test(tc, test_decimal_comma_and_rounding);
	tcase_add_test(tc, test_decimal_follows_lc_numeric);
	tcase_add_test(tc, test_language_follows_locale);
	suite_add_tcase(s, tc);
	return s;
}

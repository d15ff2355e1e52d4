/* i18n_decimal: one decimal, the interface language's mark. */
#include <check.h>
#include <locale.h>

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
}
END_TEST

START_TEST(test_decimal_ignores_lc_numeric)
{
	char buf[32];
	/* Whatever the C library would print, the screen and the report agree. */
	setlocale(LC_NUMERIC, "C");
	ck_assert_str_eq(i18n_decimal(buf, sizeof buf, 3.5), "3,5");
}
END_TEST

Suite *i18n_suite(void);
Suite *i18n_suite(void)
{
	Suite *s = suite_create("i18n");
	TCase *tc = tcase_create("decimal");
	tcase_add_test(tc, test_decimal_comma_and_rounding);
	tcase_add_test(tc, test_decimal_ignores_lc_numeric);
	suite_add_tcase(s, tc);
	return s;
}

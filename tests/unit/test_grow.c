/* grow: doubling with an overflow check. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>

#include "util/grow.h"

START_TEST(test_grow_doubles_from_first)
{
	int *a = NULL;
	size_t cap = 0;
	for (size_t n = 0; n < 1000; n++) {
		int *g = grow(a, n, &cap, sizeof *a, 8);
		ck_assert_ptr_nonnull(g);
		a = g;
		a[n] = (int)n;
		ck_assert_uint_gt(cap, n);
	}
	ck_assert_uint_eq(cap, 1024);  /* 8, 16, ..., 1024 */
	for (size_t n = 0; n < 1000; n++)
		ck_assert_int_eq(a[n], (int)n);
	/* While there is room the array stays where it is. */
	ck_assert_ptr_eq(grow(a, 999, &cap, sizeof *a, 8), a);
	free(a);
}
END_TEST

START_TEST(test_grow_refuses_overflow)
{
	char buf[4];
	size_t cap = SIZE_MAX / 2 + 1;
	ck_assert_ptr_null(grow(buf, cap, &cap, 1, 8));
	ck_assert_uint_eq(cap, SIZE_MAX / 2 + 1);
	cap = SIZE_MAX / 16;
	ck_assert_ptr_null(grow(buf, cap, &cap, 32, 8));
	ck_assert_uint_eq(cap, SIZE_MAX / 16);
}
END_TEST

Suite *grow_suite(void);
Suite *grow_suite(void)
{
	Suite *s = suite_create("grow");
	TCase *tc = tcase_create("grow");
	tcase_add_test(tc, test_grow_doubles_from_first);
	tcase_add_test(tc, test_grow_refuses_overflow);
	suite_add_tcase(s, tc);
	return s;
}

/* labels_distinct: short labels that never read the same. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "util/display.h"
#include "util/labels.h"

static void labels_locale(void)
{
	display_init();
}

static void assert_distinct(char **labels, size_t n, int columns)
{
	for (size_t i = 0; i < n; i++) {
		ck_assert_int_le(display_width(labels[i]), columns);
		for (size_t j = i + 1; j < n; j++)
			ck_assert_msg(strcmp(labels[i], labels[j]) != 0, "labels %zu and %zu both read \"%s\"",
				i, j, labels[i]);
	}
}

START_TEST(test_labels_fitting_names_stay)
{
	const char *names[] = { "Qualität", "IT", "Förderung" };
	char **l = labels_distinct(names, NULL, 3, 9);
	ck_assert_ptr_nonnull(l);
	ck_assert_str_eq(l[0], "Qualität");
	ck_assert_str_eq(l[1], "IT");
	ck_assert_str_eq(l[2], "Förderung");
	labels_free(l, 3);
}
END_TEST

START_TEST(test_labels_short_names_first)
{
	const char *names[] = { "Digitalkompetenz der Führung", "Qualifikation" };
	const char *shorts[] = { "Führ", NULL };
	char **l = labels_distinct(names, shorts, 2, 3);
	ck_assert_str_eq(l[0], "Füh");
	ck_assert_str_eq(l[1], "Qua");
	labels_free(l, 2);
}
END_TEST

START_TEST(test_labels_shared_words_become_initials)
{
	const char *names[] = { "Abhängigkeit von Plattformen", "Abhängigkeit von Förderung",
		"Innovationsfähigkeit" };
	char **l = labels_distinct(names, NULL, 3, 3);
	ck_assert_str_eq(l[0], "AvP");
	ck_assert_str_eq(l[1], "AvF");
	ck_assert_str_eq(l[2], "Inn");
	labels_free(l, 3);
	/* With room, a space after the initials. */
	l = labels_distinct(names, NULL, 3, 14);
	ck_assert_str_eq(l[0], "Av Plattformen");
	ck_assert_str_eq(l[1], "Av Förderung");
	ck_assert_str_eq(l[2], "Innovationsfäh");
	labels_free(l, 3);
}
END_TEST

START_TEST(test_labels_given_short_names_win)
{
	/* A short name the user chose stays; cut names that read the same yield. */
	const char *names[] = { "Abhängigkeit von Plattform- und Cloud-Anbietern",
		"Abhängigkeit von Plattformen", "Abhängigkeit von Förderung", "Kosten A", "Kosten B" };
	const char *shorts[] = { "Abh", NULL, NULL, "K", "K" };
	char **l = labels_distinct(names, shorts, 5, 3);
	ck_assert_str_eq(l[0], "Abh");
	ck_assert_str_eq(l[1], "AvP");
	ck_assert_str_eq(l[2], "AvF");
	/* Two given short names alike: both change. */
	assert_distinct(l, 5, 3);
	labels_free(l, 5);
}
END_TEST

START_TEST(test_labels_numbers_as_last_resort)
{
	/* Same first word, same name twice, a name that is a prefix of another. */
	const char *names[] = { "Digitalisierungsgrad", "Digitalisierungskosten", "Kosten",
		"Kosten", "Kosten der Cloud" };
	char **l = labels_distinct(names, NULL, 5, 4);
	assert_distinct(l, 5, 4);
	ck_assert_str_eq(l[0], "Dig1");
	ck_assert_str_eq(l[1], "Dig2");
	ck_assert_str_eq(l[2], "Kos3");
	labels_free(l, 5);
}
END_TEST

START_TEST(test_labels_many_alike_stay_distinct)
{
	enum { N = 120 };
	char store[N][48];
	const char *names[N];
	for (int i = 0; i < N; i++) {
		snprintf(store[i], sizeof store[i], "Anteil der Betriebe mit Stufe %d", i % 60);
		names[i] = store[i];
	}
	for (int w = 3; w <= 12; w++) {
		char **l = labels_distinct(names, NULL, N, w);
		ck_assert_ptr_nonnull(l);
		assert_distinct(l, N, w);
		labels_free(l, N);
	}
}
END_TEST

START_TEST(test_labels_wide_and_controls)
{
	const char *names[] = { "漢字漢字", "漢字かな", "\x1b[2J Angriff", NULL };
	char **l = labels_distinct(names, NULL, 4, 3);
	assert_distinct(l, 4, 3);
	ck_assert_ptr_null(strchr(l[2], 0x1b));
	ck_assert_str_eq(l[3], "");
	labels_free(l, 4);
}
END_TEST

Suite *labels_suite(void);
Suite *labels_suite(void)
{
	Suite *s = suite_create("labels");
	TCase *tc = tcase_create("distinct");
	tcase_add_unchecked_fixture(tc, labels_locale, NULL);
	tcase_add_test(tc, test_labels_fitting_names_stay);
	tcase_add_test(tc, test_labels_short_names_first);
	tcase_add_test(tc, test_labels_shared_words_become_initials);
	tcase_add_test(tc, test_labels_given_short_names_win);
	tcase_add_test(tc, test_labels_numbers_as_last_resort);
	tcase_add_test(tc, test_labels_many_alike_stay_distinct);
	tcase_add_test(tc, test_labels_wide_and_controls);
	suite_add_tcase(s, tc);
	return s;
}

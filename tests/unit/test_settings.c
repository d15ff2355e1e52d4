/* util/settings: the theme and each session's step and row are kept per user,
 * a garbled or missing file is the defaults, and an unwritable place
 * leaves the file as it was. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/settings.h"

static char home[64];

static void home_setup(void)
{
	snprintf(home, sizeof home, "%s", "/tmp/didat-settings-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(home));
	setenv("XDG_CONFIG_HOME", home, 1);
}

static void home_teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", home);
	ck_assert_int_eq(system(cmd), 0);
	unsetenv("XDG_CONFIG_HOME");
}

static void write_file(const char *text)
{
	char path[4096];
	ck_assert(settings_path(path, sizeof path));
	FILE *fp = fopen(path, "w");
	ck_assert_ptr_nonnull(fp);
	fputs(text, fp);
	fclose(fp);
}

START_TEST(test_settings_theme_and_steps)
{
	char theme[32];
	ck_assert(!settings_theme(theme, sizeof theme));
	ck_assert_int_eq(settings_step("/srv/a.db", 7), -1);
	ck_assert(settings_set_theme("light"));
	ck_assert(settings_set_step("/srv/a.db", 7, 3));
	ck_assert(settings_set_step("/srv/a.db", 8, 4));
	ck_assert(settings_set_step("/srv/b.db", 7, 1));
	ck_assert(settings_theme(theme, sizeof theme));
	ck_assert_str_eq(theme, "light");
	/* the same session number in another database is another session */
	ck_assert_int_eq(settings_step("/srv/a.db", 7), 3);
	ck_assert_int_eq(settings_step("/srv/a.db", 8), 4);
	ck_assert_int_eq(settings_step("/srv/b.db", 7), 1);
	ck_assert_int_eq(settings_step("/srv/a.db", 70), -1);
	/* a new value replaces the old one, and the others stay */
	ck_assert(settings_set_step("/srv/a.db", 7, 0));
	ck_assert(settings_set_theme("contrast"));
	ck_assert_int_eq(settings_step("/srv/a.db", 7), 0);
	ck_assert_int_eq(settings_step("/srv/b.db", 7), 1);
	ck_assert(settings_theme(theme, sizeof theme));
	ck_assert_str_eq(theme, "contrast");
	char path[4096], line[4200];
	ck_assert(settings_path(path, sizeof path));
	ck_assert(strncmp(path, home, strlen(home)) == 0);
	FILE *fp = fopen(path, "r");
	ck_assert_ptr_nonnull(fp);
	int lines = 0;
	while (fgets(line, sizeof line, fp))
		lines++;
	fclose(fp);
	ck_assert_int_eq(lines, 4);
	/* a tab would break the line: not kept */
	ck_assert(!settings_set_step("/srv/a\tb.db", 1, 2));
	ck_assert(!settings_set_theme("a\nb"));
}
END_TEST

START_TEST(test_settings_garbled_file)
{
	ck_assert(settings_set_theme("light"));
	write_file("theme\n\nstep\t/srv/a.db\nstep\t/srv/a.db\t7\tdrei\nstep\t/srv/a.db\t8\t99999\n"
		"\x01\x02 Müll ä\n");
	char theme[32];
	ck_assert(!settings_theme(theme, sizeof theme));
	ck_assert_int_eq(settings_step("/srv/a.db", 7), -1);
	ck_assert_int_eq(settings_step("/srv/a.db", 8), -1);
	/* writing again keeps going */
	ck_assert(settings_set_step("/srv/a.db", 7, 2));
	ck_assert_int_eq(settings_step("/srv/a.db", 7), 2);
}
END_TEST

START_TEST(test_settings_oldest_steps_go)
{
	for (int i = 1; i <= SETTINGS_STEPS_MAX + 5; i++)
		ck_assert(settings_set_step("/srv/a.db", i, i % 5));
	ck_assert_int_eq(settings_step("/srv/a.db", 1), -1);
	ck_assert_int_eq(settings_step("/srv/a.db", 5), -1);
	ck_assert_int_eq(settings_step("/srv/a.db", 6), 6 % 5);
	ck_assert_int_eq(settings_step("/srv/a.db", SETTINGS_STEPS_MAX + 5), (SETTINGS_STEPS_MAX + 5) % 5);
	/* the theme is no step: it stays */
	ck_assert(settings_set_theme("light"));
	for (int i = 1; i <= SETTINGS_STEPS_MAX + 1; i++)
		ck_assert(settings_set_step("/srv/b.db", i, 1));
	char theme[32];
	ck_assert(settings_theme(theme, sizeof theme));
}
END_TEST

START_TEST(test_settings_unwritable)
{
	ck_assert(settings_set_step("/srv/a.db", 1, 3));
	char dir[4096];
	snprintf(dir, sizeof dir, "%s/didat", home);
	ck_assert_int_eq(chmod(dir, 0500), 0);
	if (access(dir, W_OK) == 0) {
		/* root writes anyway: there is nothing to refuse */
		chmod(dir, 0700);
		return;
	}
	ck_assert(!settings_set_step("/srv/a.db", 1, 4));
	ck_assert_int_eq(settings_step("/srv/a.db", 1), 3);
	chmod(dir, 0700);
}
END_TEST

START_TEST(test_settings_no_home)
{
	unsetenv("XDG_CONFIG_HOME");
	const char *old = getenv("HOME");
	char *keep = old ? strdup(old) : NULL;
	unsetenv("HOME");
	char path[64];
	ck_assert(!settings_path(path, sizeof path));
	ck_assert(!settings_set_theme("light"));
	ck_assert_int_eq(settings_step("/srv/a.db", 1), -1);
	setenv("XDG_CONFIG_HOME", "relative/is/ignored", 1);
	setenv("HOME", home, 1);
	ck_assert(settings_path(path, sizeof path));
	ck_assert(strstr(path, "/.config/didat/settings") != NULL);
	if (keep)
		setenv("HOME", keep, 1);
	free(keep);
}
END_TEST

START_TEST(test_settings_row)
{
	char row[64];
	ck_assert(!settings_row("/srv/a.db", 7, row, sizeof row));
	ck_assert(settings_set_place("/srv/a.db", 7, 2, "unseen:12"));
	ck_assert(settings_set_place("/srv/a.db", 8, 3, "variable:5"));
	ck_assert_int_eq(settings_step("/srv/a.db", 7), 2);
	ck_assert(settings_row("/srv/a.db", 7, row, sizeof row));
	ck_assert_str_eq(row, "unseen:12");
	ck_assert(settings_row("/srv/a.db", 8, row, sizeof row));
	ck_assert_str_eq(row, "variable:5");
	/* a step without a row forgets the row, not the other session's */
	ck_assert(settings_set_step("/srv/a.db", 7, 4));
	ck_assert_int_eq(settings_step("/srv/a.db", 7), 4);
	ck_assert(!settings_row("/srv/a.db", 7, row, sizeof row));
	ck_assert(settings_row("/srv/a.db", 8, row, sizeof row));
	/* a row that would split the line is refused, and nothing changes */
	ck_assert(!settings_set_place("/srv/a.db", 8, 1, "unseen:1\tx"));
	ck_assert_int_eq(settings_step("/srv/a.db", 8), 3);
	/* a row too long for the buffer is not half read */
	ck_assert(!settings_row("/srv/a.db", 8, row, 4));
}
END_TEST

extern Suite *settings_suite(void);
Suite *settings_suite(void)
{
	Suite *s = suite_create("settings");
	TCase *tc = tcase_create("settings");
	tcase_add_checked_fixture(tc, home_setup, home_teardown);
	tcase_add_test(tc, test_settings_theme_and_steps);
	tcase_add_test(tc, test_settings_garbled_file);
	tcase_add_test(tc, test_settings_oldest_steps_go);
	tcase_add_test(tc, test_settings_unwritable);
	tcase_add_test(tc, test_settings_no_home);
	tcase_add_test(tc, test_settings_row);
	suite_add_tcase(s, tc);
	return s;
}

/* util/complete: file names of the screen's import prompt. */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/complete.h"

static char dir[PATH_MAX];

static void touch(const char *name)
{
	char path[PATH_MAX + 64];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
}

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/didat-complete-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	touch("alpha.txt");
	touch("alpine.md");
	touch("beta file.txt");
	touch(".hidden.txt");
	char sub[PATH_MAX + 8];
	snprintf(sub, sizeof sub, "%s/sub", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	snprintf(sub, sizeof sub, "%s/umlaut", dir);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
}

static void teardown(void)
{
	char cmd[PATH_MAX + 16];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* Completes LINE and checks the new line and the number of candidates. */
static void expect(const char *line, const char *want, size_t candidates)
{
	struct complete_result r;
	ck_assert_int_eq(complete_path(line, &r), STATUS_OK);
	ck_assert_str_eq(r.line, want);
	ck_assert_uint_eq(r.ncandidates, candidates);
	complete_result_clear(&r);
}

START_TEST(test_complete_prefix_and_single)
{
	char line[PATH_MAX + 64], want[PATH_MAX + 64];
	/* two fit: up to what they share, both offered */
	snprintf(line, sizeof line, "%s/al", dir);
	snprintf(want, sizeof want, "%s/alp", dir);
	struct complete_result r;
	ck_assert_int_eq(complete_path(line, &r), STATUS_OK);
	ck_assert_str_eq(r.line, want);
	ck_assert_uint_eq(r.ncandidates, 2);
	ck_assert_str_eq(r.candidates[0], "alpha.txt");
	ck_assert_str_eq(r.candidates[1], "alpine.md");
	complete_result_clear(&r);
	/* one fits: whole, with a space for the next name */
	snprintf(line, sizeof line, "%s/alph", dir);
	snprintf(want, sizeof want, "%s/alpha.txt ", dir);
	expect(line, want, 1);
	/* a folder gets its slash and no space */
	snprintf(line, sizeof line, "%s/s", dir);
	snprintf(want, sizeof want, "%s/sub/", dir);
	expect(line, want, 1);
	/* a space in the name is escaped */
	snprintf(line, sizeof line, "%s/b", dir);
	snprintf(want, sizeof want, "%s/beta\\ file.txt ", dir);
	expect(line, want, 1);
	/* nothing fits: the line stays */
	snprintf(line, sizeof line, "%s/zzz", dir);
	expect(line, line, 0);
	/* hidden files only for a name that starts with a dot */
	snprintf(line, sizeof line, "%s/", dir);
	struct complete_result all;
	ck_assert_int_eq(complete_path(line, &all), STATUS_OK);
	ck_assert_uint_eq(all.ncandidates, 5);
	for (size_t i = 0; i < all.ncandidates; i++)
		ck_assert_msg(all.candidates[i][0] != '.', "%s offered", all.candidates[i]);
	complete_result_clear(&all);
	snprintf(line, sizeof line, "%s/.h", dir);
	snprintf(want, sizeof want, "%s/.hidden.txt ", dir);
	expect(line, want, 1);
}
END_TEST

START_TEST(test_complete_last_name_only)
{
	char line[PATH_MAX * 2 + 64], want[PATH_MAX * 2 + 64];
	/* earlier names, escaped spaces among them, stay as typed */
	snprintf(line, sizeof line, "%s/beta\\ file.txt %s/alph", dir, dir);
	snprintf(want, sizeof want, "%s/beta\\ file.txt %s/alpha.txt ", dir, dir);
	expect(line, want, 1);
	/* completing inside an escaped name */
	snprintf(line, sizeof line, "%s/beta\\ f", dir);
	snprintf(want, sizeof want, "%s/beta\\ file.txt ", dir);
	expect(line, want, 1);
	/* after a space: a new, empty name, so the folder's entries */
	char cwd[PATH_MAX];
	ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
	ck_assert_int_eq(chdir(dir), 0);
	expect("alpha.txt ", "alpha.txt ", 5);
	expect("alpha.txt al", "alpha.txt alp", 2);
	expect("su", "sub/", 1);
	ck_assert_int_eq(chdir(cwd), 0);
}
END_TEST

START_TEST(test_complete_utf8_boundary)
{
	char udir[PATH_MAX + 16];
	snprintf(udir, sizeof udir, "%s/umlaut", dir);
	char a[PATH_MAX + 32], b[PATH_MAX + 32];
	/* "ä" is C3 A4 and "ö" C3 B6: they share a byte, not a character */
	snprintf(a, sizeof a, "%s/\xc3\xa4.txt", udir);
	snprintf(b, sizeof b, "%s/\xc3\xb6.txt", udir);
	FILE *f = fopen(a, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	f = fopen(b, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	char line[PATH_MAX + 32];
	snprintf(line, sizeof line, "%s/", udir);
	expect(line, line, 2);
	snprintf(line, sizeof line, "%s/\xc3\xb6", udir);
	char want[PATH_MAX + 32];
	snprintf(want, sizeof want, "%s/\xc3\xb6.txt ", udir);
	expect(line, want, 1);
}
END_TEST

START_TEST(test_complete_home)
{
	char *old = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	setenv("HOME", dir, 1);
	/* looked up in $HOME, written as typed */
	expect("~/alph", "~/alpha.txt ", 1);
	char **words;
	size_t n;
	ck_assert_int_eq(complete_split("~/alpha.txt", &words, &n), STATUS_OK);
	ck_assert_uint_eq(n, 1);
	char want[PATH_MAX + 16];
	snprintf(want, sizeof want, "%s/alpha.txt", dir);
	ck_assert_str_eq(words[0], want);
	complete_free(words, n);
	if (old)
		setenv("HOME", old, 1);
	else
		unsetenv("HOME");
	free(old);
}
END_TEST

START_TEST(test_complete_split)
{
	char **words;
	size_t n;
	ck_assert_int_eq(complete_split("  a.txt b\\ c.md   d\\\\e.txt ", &words, &n), STATUS_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(words[0], "a.txt");
	ck_assert_str_eq(words[1], "b c.md");
	ck_assert_str_eq(words[2], "d\\e.txt");
	complete_free(words, n);
	ck_assert_int_eq(complete_split("   ", &words, &n), STATUS_OK);
	ck_assert_uint_eq(n, 0);
	complete_free(words, n);
	/* a trailing backslash is kept as it is */
	ck_assert_int_eq(complete_split("x\\", &words, &n), STATUS_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(words[0], "x\\");
	complete_free(words, n);
	/* "~" alone and "~name" are not expanded */
	ck_assert_int_eq(complete_split("~ ~anna/x", &words, &n), STATUS_OK);
	ck_assert_uint_eq(n, 2);
	ck_assert_str_eq(words[0], "~");
	ck_assert_str_eq(words[1], "~anna/x");
	complete_free(words, n);
}
END_TEST

extern Suite *complete_suite(void);
Suite *complete_suite(void)
{
	Suite *suite = suite_create("complete");
	TCase *tc = tcase_create("complete");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_complete_prefix_and_single);
	tcase_add_test(tc, test_complete_last_name_only);
	tcase_add_test(tc, test_complete_utf8_boundary);
	tcase_add_test(tc, test_complete_home);
	tcase_add_test(tc, test_complete_split);
	suite_add_tcase(suite, tc);
	return suite;
}

/* fatal: the terminal first, then the reason, then exit status 2. */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "util/fatal.h"

static void say_restored(void)
{
	fputs("restored\n", stderr);
}

START_TEST(test_fatal_restores_then_exits_2)
{
	int fd[2];
	ck_assert_int_eq(pipe(fd), 0);
	fflush(NULL);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		dup2(fd[1], STDERR_FILENO);
		close(fd[0]);
		fatal_on_exit(say_restored);
		fatal("kein Speicher für %d Bytes", 12);
	}
	close(fd[1]);
	char buf[256] = "";
	size_t len = 0;
	ssize_t got;
	while (len + 1 < sizeof buf && (got = read(fd[0], buf + len, sizeof buf - 1 - len)) > 0)
		len += (size_t)got;
	buf[len] = '\0';
	close(fd[0]);
	int status = 0;
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 2);
	ck_assert_str_eq(buf, "restored\ndidat: kein Speicher für 12 Bytes\n");
}
END_TEST

Suite *fatal_suite(void);
Suite *fatal_suite(void)
{
	Suite *s = suite_create("fatal");
	TCase *tc = tcase_create("fatal");
	tcase_add_test(tc, test_fatal_restores_then_exits_2);
	suite_add_tcase(s, tc);
	return s;
}

#include "util/i18n.h"

#include <limits.h>
#include <stdbool.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef DIDAT_LOCALEDIR
#define DIDAT_LOCALEDIR "/usr/local/share/locale"
#endif

static char decimal_mark[8] = ".";

static bool is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The catalogue folder: DIDAT_LOCALEDIR from the environment, else
 * "locale" beside the binary or in its build folder (a binary run where
 * it was built), else the installed one. */
static const char *locale_dir(char *buf, size_t size)
{
	const char *env = getenv("DIDAT_LOCALEDIR");
	if (env && *env)
		return env;
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash) {
			*slash = '\0';
			static const char *const beside[] = { "locale", "build/locale" };
			for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++) {
				int len = snprintf(buf, size, "%s/%s", exe, beside[i]);
				if (len > 0 && (size_t)len < size && is_dir(buf))
					return buf;
			}
		}
	}
	return DIDAT_LOCALEDIR;
}

void i18n_init(void)
{
	setlocale(LC_ALL, "");
	const char *mark = localeconv()->decimal_point;
	snprintf(decimal_mark, sizeof decimal_mark, "%s", mark && *mark ? mark : ".");
	setlocale(LC_NUMERIC, "C");
	char buf[PATH_MAX];
	bindtextdomain("didat", locale_dir(buf, sizeof buf));
	bind_textdomain_codeset("didat", "UTF-8");
	textdomain("didat");
}

char *i18n_decimals(char *buf, size_t size, double v, int digits)
{
	digits = digits < 0 ? 0 : digits > 18 ? 18 : digits;
	long long scale = 1;
	for (int i = 0; i < digits; i++)
		scale *= 10;
	const char *sign = v < 0 ? "-" : "";
	long long units = (long long)((v < 0 ? -v : v) * (double)scale + 0.5);
	if (units == 0)
		sign = "";
	if (digits > 0)
		snprintf(buf, size, "%s%lld%s%0*lld", sign, units / scale, decimal_mark, digits,
			units % scale);
	else
		snprintf(buf, size, "%s%lld", sign, units);
	return buf;
}

char *i18n_decimal(char *buf, size_t size, double v)
{
	return i18n_decimals(buf, size, v, 1);
}

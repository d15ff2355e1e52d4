#include "util/i18n.h"

#include <libintl.h>
#include <stdio.h>

const char *i18n_text(const char *msgid)
{
	return msgid;
}

const char *i18n_plural(const char *one, const char *many, unsigned long n)
{
	return ngettext(one, many, n);
}

char *i18n_decimal(char *buf, size_t size, double v)
{
	const char *sign = v < 0 ? "-" : "";
	long long tenths = (long long)((v < 0 ? -v : v) * 10.0 + 0.5);
	if (tenths == 0)
		sign = "";
	snprintf(buf, size, "%s%lld,%lld", sign, tenths / 10, tenths % 10);
	return buf;
}

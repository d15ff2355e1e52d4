#include "util/i18n.h"

#include <libintl.h>

const char *i18n_text(const char *msgid)
{
	return msgid;
}

const char *i18n_plural(const char *one, const char *many, unsigned long n)
{
	return ngettext(one, many, n);
}

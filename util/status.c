#include "util/status.h"
#include "util/i18n.h"

const char *status_text(enum status status)
{
	static const char *const texts[] = {
#define STATUS_TEXT(name, text) text,
		STATUS_LIST(STATUS_TEXT)
#undef STATUS_TEXT
	};
	if ((unsigned)status >= sizeof texts / sizeof texts[0])
		return "?";
	return _(texts[status]);
}

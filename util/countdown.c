/* The workshop timer's state: see countdown.h. */
#include "util/countdown.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

void countdown_start(struct countdown *c, time_t now, long seconds)
{
	c->end = now + seconds;
	c->running = true;
	c->rang = false;
	c->rang_at = 0;
}

void countdown_stop(struct countdown *c)
{
	c->running = false;
}

long countdown_left(const struct countdown *c, time_t now)
{
	long left = (long)difftime(c->end, now);
	return left > 0 ? left : 0;
}

bool countdown_ring(struct countdown *c, time_t now)
{
	if (!c->running || c->rang || now < c->end)
		return false;
	c->rang = true;
	c->rang_at = now;
	return true;
}

bool countdown_flashing(const struct countdown *c, time_t now)
{
	return c->running && c->rang && now - c->rang_at < COUNTDOWN_FLASH_SECONDS;
}

/* Digits only (no sign, no space, which strtol would take), at most 4. */
static bool digits(const char *s, size_t len, long *value)
{
	if (len == 0 || len > 4)
		return false;
	*value = 0;
	for (size_t i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return false;
		*value = *value * 10 + (s[i] - '0');
	}
	return true;
}

bool countdown_parse(const char *text, long *seconds)
{
	/* spaces around it, as typed, do not count */
	text += strspn(text, " ");
	size_t len = strlen(text);
	while (len > 0 && text[len - 1] == ' ')
		len--;
	const char *colon = memchr(text, ':', len);
	size_t head = colon ? (size_t)(colon - text) : len;
	long minutes, secs = 0;
	if (!digits(text, head, &minutes))
		return false;
	if (colon && (len - head - 1 != 2 || !digits(colon + 1, 2, &secs) || secs > 59))
		return false;
	long total = minutes * 60 + secs;
	if (total < 1 || total > COUNTDOWN_MAX_SECONDS)
		return false;
	*seconds = total;
	return true;
}

void countdown_format(long seconds, char *buf, size_t size)
{
	if (seconds % 60 == 0)
		snprintf(buf, size, "%ld", seconds / 60);
	else
		snprintf(buf, size, "%ld:%02ld", seconds / 60, seconds % 60);
}

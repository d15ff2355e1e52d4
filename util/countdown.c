/* The workshop timer's state: see countdown.h. */
#include "util/countdown.h"

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

#ifndef DIDAT_UTIL_COUNTDOWN_H
#define DIDAT_UTIL_COUNTDOWN_H

/* The workshop timer as plain state, without a screen: it counts down
 * to its end, rings once when the end has come, and flashes for a
 * moment after.  Times are time(NULL) seconds, handed in by the caller
 * so that tests can move the clock. */

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#define COUNTDOWN_FLASH_SECONDS 2   /* the flash lasts from 1 to 2 seconds */
#define COUNTDOWN_MAX_SECONDS (180 * 60)

struct countdown {
	time_t end, rang_at;
	bool running, rang;
};

void countdown_start(struct countdown *c, time_t now, long seconds);
void countdown_stop(struct countdown *c);
/* Seconds left, 0 once the end has passed. */
long countdown_left(const struct countdown *c, time_t now);
/* True once, at the first call at or after the end of a running countdown. */
bool countdown_ring(struct countdown *c, time_t now);
/* Whether the end's flash shows at NOW. */
bool countdown_flashing(const struct countdown *c, time_t now);

/* A length as a facilitator types it: minutes ("5") or minutes and
 * seconds ("1:30", "0:30"), from 1 second to 180 minutes, spaces around
 * it ignored.  False for anything else (then *SECONDS is untouched). */
bool countdown_parse(const char *text, long *seconds);
/* SECONDS as countdown_parse reads it back: "5", or "1:30". */
void countdown_format(long seconds, char *buf, size_t size);

#endif

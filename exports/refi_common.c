/* What the REFI-QDA writer and reader share: see refi_common.h. */
#include "exports/refi_common.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "util/sha256.h"

void refi_guid_from(const char *kind, const char *seed, char guid[REFI_GUID_SIZE])
{
	struct sha256_ctx ctx;
	unsigned char d[SHA256_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, "didat:", 6);
	sha256_update(&ctx, kind, strlen(kind));
	sha256_update(&ctx, ":", 1);
	sha256_update(&ctx, seed, strlen(seed));
	sha256_final(&ctx, d);
	d[6] = (unsigned char)((d[6] & 0x0F) | 0x50);   /* version 5: name-based */
	d[8] = (unsigned char)((d[8] & 0x3F) | 0x80);   /* the RFC 4122 variant */
	snprintf(guid, REFI_GUID_SIZE, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
		"%02x%02x%02x%02x%02x%02x", d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9],
		d[10], d[11], d[12], d[13], d[14], d[15]);
}

bool refi_guid_valid(const char *text)
{
	static const int groups[] = { 8, 4, 4, 4, 12 };
	size_t n = strlen(text);
	bool braced = n == 38 && text[0] == '{' && text[37] == '}';
	if (n != 36 && !braced)
		return false;
	const char *p = text + braced;
	for (int g = 0; g < 5; g++) {
		for (int i = 0; i < groups[g]; i++, p++)
			if (!isxdigit((unsigned char)*p))
				return false;
		if (g < 4 && *p++ != '-')
			return false;
	}
	return true;
}

const char *refi_colour_hex(const char *colour, char buf[8])
{
	static const struct { const char *name, *hex; } names[] = {
		{ "black", "#000000" }, { "red", "#CC0000" }, { "green", "#4E9A06" },
		{ "yellow", "#C4A000" }, { "blue", "#3465A4" }, { "magenta", "#75507B" },
		{ "cyan", "#06989A" }, { "white", "#D3D7CF" },
	};
	if (!colour || !*colour)
		return NULL;
	if (colour[0] == '#' && strlen(colour) == 7) {
		for (int i = 0; i < 7; i++)
			buf[i] = (char)toupper((unsigned char)colour[i]);
		buf[7] = '\0';
		return buf;
	}
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcasecmp(colour, names[i].name) == 0)
			return strcpy(buf, names[i].hex);
	return NULL;
}


bool refi_split_mark(const char *memo, int64_t *start, int64_t *end, char **rest)
{
	static const char mark[] = "REFI-QDA: startPosition=";
	const char *at = memo;
	while ((at = strstr(at, mark)) && at != memo && at[-1] != '\n')
		at++;
	bool found = at && sscanf(at, REFI_POSITION_MARK, start, end) == 2;
	size_t len = strlen(memo);
	*rest = malloc(len + 1);
	if (!*rest)
		return found;
	if (!found) {
		memcpy(*rest, memo, len + 1);
		return false;
	}
	/* the mark's line goes, with the blank lines around it */
	const char *eol = strchr(at, '\n');
	size_t before = (size_t)(at - memo);
	while (before && memo[before - 1] == '\n')
		before--;
	memcpy(*rest, memo, before);
	const char *tail = eol ? eol + 1 : memo + len;
	while (*tail == '\n')
		tail++;
	if (before && *tail) {
		(*rest)[before++] = '\n';
		(*rest)[before++] = '\n';
	}
	memcpy(*rest + before, tail, strlen(tail) + 1);
	return true;
}

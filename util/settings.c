/* The person's remembered settings: see settings.h. */
#include "util/settings.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/atomic_file.h"

#define LINE_MAX_BYTES 4200   /* a database path of PATH_MAX and the rest */

bool settings_path(char *buf, size_t size)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	int n;
	if (xdg && xdg[0] == '/')
		n = snprintf(buf, size, "%s/didat/settings", xdg);
	else if (home && *home)
		n = snprintf(buf, size, "%s/.config/didat/settings", home);
	else
		return false;
	return n > 0 && (size_t)n < size;
}

/* Makes the folders above PATH, as mkdir -p would. */
static bool make_parents(char *path)
{
	for (char *p = strchr(path + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		bool ok = mkdir(path, 0700) == 0 || errno == EEXIST;
		*p = '/';
		if (!ok)
			return false;
	}
	return true;
}

/* Calls FN for each line of the file without its line end, until FN
 * returns true.  A missing file has no lines. */
static void each_line(bool (*fn)(void *ctx, char *line), void *ctx)
{
	char path[4096], line[LINE_MAX_BYTES];
	if (!settings_path(path, sizeof path))
		return;
	FILE *fp = fopen(path, "r");
	if (!fp)
		return;
	while (fgets(line, sizeof line, fp)) {
		line[strcspn(line, "\n")] = '\0';
		if (fn(ctx, line))
			break;
	}
	fclose(fp);
}

/* The field after the first I tabs of LINE (cut at the next tab), or NULL. */
static const char *field(char *line, int i, char *buf, size_t size)
{
	const char *p = line;
	for (; i > 0 && p; i--)
		if ((p = strchr(p, '\t')))
			p++;
	if (!p)
		return NULL;
	size_t n = strcspn(p, "\t");
	if (n >= size)
		return NULL;
	memcpy(buf, p, n);
	buf[n] = '\0';
	return buf;
}

struct lookup {
	const char *kind, *db;
	int64_t session;
	char *value;
	size_t size;
	bool found;
	int column;   /* of a session's line: 0 the step, 1 the row */
};

/* Whether LINE is the setting L looks for: "theme", or "step" of L's
 * database and session. */
static bool line_matches(const struct lookup *l, char *line)
{
	char kind[16], db[4096], session[32];
	if (!field(line, 0, kind, sizeof kind) || strcmp(kind, l->kind) != 0)
		return false;
	if (!l->db)
		return true;
	return field(line, 1, db, sizeof db) && strcmp(db, l->db) == 0
		&& field(line, 2, session, sizeof session)
		&& strtoll(session, NULL, 10) == l->session;
}

static bool find_value(void *ctx, char *line)
{
	struct lookup *l = ctx;
	if (line_matches(l, line))
		l->found = field(line, l->db ? 3 + l->column : 1, l->value, l->size) != NULL;
	return false;   /* the last such line counts */
}

struct rewrite {
	const struct lookup *drop;
	FILE *out;
	size_t steps, skip;   /* the first SKIP other step lines are dropped */
};

static bool count_steps(void *ctx, char *line)
{
	struct rewrite *w = ctx;
	w->steps += strncmp(line, "step\t", 5) == 0 && !line_matches(w->drop, line);
	return false;
}

static bool copy_other(void *ctx, char *line)
{
	struct rewrite *w = ctx;
	if (!*line || line_matches(w->drop, line))
		return false;
	if (strncmp(line, "step\t", 5) == 0 && w->skip) {
		w->skip--;
		return false;
	}
	fprintf(w->out, "%s\n", line);
	return false;
}

/* Rewrites the file with the settings L names replaced by NEW_LINE, the
 * oldest steps dropped past SETTINGS_STEPS_MAX. */
static bool replace(const struct lookup *l, const char *new_line)
{
	char path[4096];
	if (!settings_path(path, sizeof path) || !make_parents(path))
		return false;
	struct rewrite w = { l, NULL, 0, 0 };
	each_line(count_steps, &w);
	if (w.steps >= SETTINGS_STEPS_MAX && l->db)
		w.skip = w.steps - SETTINGS_STEPS_MAX + 1;
	struct atomic_file f;
	if (!atomic_open(&f, path))
		return false;
	w.out = f.fp;
	each_line(copy_other, &w);
	fprintf(f.fp, "%s\n", new_line);
	return atomic_close(&f, !ferror(f.fp));
}

/* Tabs and line ends would split a line: such values are not kept. */
static bool plain(const char *s)
{
	return s && *s && !strpbrk(s, "\t\r\n");
}

bool settings_theme(char *buf, size_t size)
{
	struct lookup l = { "theme", NULL, 0, buf, size, false, 0 };
	each_line(find_value, &l);
	return l.found;
}

bool settings_set_theme(const char *name)
{
	char line[128];
	if (!plain(name) || snprintf(line, sizeof line, "theme\t%s", name) >= (int)sizeof line)
		return false;
	struct lookup l = { "theme", NULL, 0, NULL, 0, false, 0 };
	return replace(&l, line);
}

int settings_step(const char *db_path, int64_t session)
{
	char value[16];
	struct lookup l = { "step", db_path, session, value, sizeof value, false, 0 };
	if (!plain(db_path))
		return -1;
	each_line(find_value, &l);
	char *end;
	long step = l.found ? strtol(value, &end, 10) : -1;
	return l.found && *end == '\0' && step >= 0 && step < 100 ? (int)step : -1;
}

bool settings_row(const char *db_path, int64_t session, char *buf, size_t size)
{
	struct lookup l = { "step", db_path, session, buf, size, false, 1 };
	if (!plain(db_path))
		return false;
	each_line(find_value, &l);
	return l.found && plain(buf);
}

bool settings_set_step(const char *db_path, int64_t session, int step)
{
	return settings_set_place(db_path, session, step, NULL);
}

bool settings_set_place(const char *db_path, int64_t session, int step, const char *row)
{
	char line[LINE_MAX_BYTES];
	if (!plain(db_path) || (row && *row && !plain(row)) ||
	    snprintf(line, sizeof line, "step\t%s\t%" PRId64 "\t%d%s%s", db_path, session, step,
		row && *row ? "\t" : "", row ? row : "") >= (int)sizeof line)
		return false;
	struct lookup l = { "step", db_path, session, NULL, 0, false, 0 };
	return replace(&l, line);
}

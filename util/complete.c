#include "util/complete.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/text.h"

/* A growing string; on failure OK turns false and the text is dropped. */
struct buf {
	char *s;
	size_t len, cap;
	bool ok;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (!b->ok)
		return;
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		char *grown = realloc(b->s, cap);
		if (!grown) {
			free(b->s);
			b->s = NULL;
			b->ok = false;
			return;
		}
		b->s = grown;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Where the last name of LINE starts: after the last unescaped space. */
static size_t last_word_start(const char *line)
{
	size_t start = 0;
	for (size_t i = 0; line[i]; i++) {
		if (line[i] == '\\' && line[i + 1])
			i++;
		else if (line[i] == ' ')
			start = i + 1;
	}
	return start;
}

/* Unescapes N bytes of S; "~/" at the start becomes $HOME/ when EXPAND. */
static char *unescape(const char *s, size_t n, bool expand)
{
	struct buf b = { NULL, 0, 0, true };
	const char *home = getenv("HOME");
	if (expand && n >= 2 && s[0] == '~' && s[1] == '/' && home && *home) {
		buf_adds(&b, home);
		s++;
		n--;
	}
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n)
			i++;
		buf_add(&b, s + i, 1);
	}
	buf_add(&b, "", 0);
	return b.s;
}

static void add_escaped(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == ' ' || *s == '\\')
			buf_add(b, "\\", 1);
		buf_add(b, s, 1);
	}
}

void complete_free(char **words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(words[i]);
	free(words);
}

enum status complete_split(const char *line, char ***words, size_t *n)
{
	*words = NULL;
	*n = 0;
	size_t cap = 0;
	for (size_t i = 0; line[i];) {
		if (line[i] == ' ') {
			i++;
			continue;
		}
		size_t start = i;
		while (line[i] && line[i] != ' ') {
			if (line[i] == '\\' && line[i + 1])
				i++;
			i++;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 4;
			char **grown = realloc(*words, cap * sizeof *grown);
			if (!grown)
				goto nomem;
			*words = grown;
		}
		char *word = unescape(line + start, i - start, true);
		if (!word)
			goto nomem;
		(*words)[(*n)++] = word;
	}
	return STATUS_OK;
nomem:
	complete_free(*words, *n);
	*words = NULL;
	*n = 0;
	return STATUS_NOMEM;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void complete_result_clear(struct complete_result *r)
{
	free(r->line);
	complete_free(r->candidates, r->ncandidates);
	memset(r, 0, sizeof *r);
}

/* The entries of folder DIR (unexpanded: for the names) that start with
 * BASE, into R->candidates, folders marked with "/". */
static enum status list_matches(const char *dir, const char *base, struct complete_result *r)
{
	DIR *d = opendir(*dir ? dir : ".");
	if (!d)
		return STATUS_OK;
	size_t cap = 0, blen = strlen(base);
	enum status rc = STATUS_OK;
	struct dirent *e;
	while (rc == STATUS_OK && (e = readdir(d)) != NULL) {
		const char *name = e->d_name;
		if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
			continue;
		if (name[0] == '.' && base[0] != '.')
			continue;
		if (strncmp(name, base, blen) != 0)
			continue;
		struct buf path = { NULL, 0, 0, true }, entry = { NULL, 0, 0, true };
		buf_adds(&path, *dir ? dir : "./");
		buf_adds(&path, name);
		struct stat sb;
		bool folder = path.ok && stat(path.s, &sb) == 0 && S_ISDIR(sb.st_mode);
		free(path.s);
		buf_adds(&entry, name);
		if (folder)
			buf_add(&entry, "/", 1);
		if (!entry.ok) {
			rc = STATUS_NOMEM;
			break;
		}
		if (r->ncandidates == cap) {
			cap = cap ? cap * 2 : 16;
			char **grown = realloc(r->candidates, cap * sizeof *grown);
			if (!grown) {
				free(entry.s);
				rc = STATUS_NOMEM;
				break;
			}
			r->candidates = grown;
		}
		r->candidates[r->ncandidates++] = entry.s;
	}
	closedir(d);
	if (rc == STATUS_OK && r->ncandidates > 1)
		qsort(r->candidates, r->ncandidates, sizeof *r->candidates, compare_names);
	return rc;
}

/* The bytes all candidates share, not ending inside a UTF-8 sequence. */
static size_t common_prefix(char *const *names, size_t n)
{
	size_t len = strlen(names[0]);
	for (size_t i = 1; i < n; i++) {
		size_t k = 0;
		while (k < len && names[i][k] == names[0][k])
			k++;
		len = k;
	}
	/* a multibyte character is whole only when the next byte starts one */
	return text_cut_boundary(names[0], len);
}

enum status complete_path(const char *line, struct complete_result *r)
{
	memset(r, 0, sizeof *r);
	size_t start = last_word_start(line);
	char *word = unescape(line + start, strlen(line + start), false);
	char *expanded = unescape(line + start, strlen(line + start), true);
	if (!word || !expanded) {
		free(word);
		free(expanded);
		return STATUS_NOMEM;
	}
	/* The folder part keeps its slash; the base is what is completed. */
	char *slash = strrchr(word, '/'), *xslash = strrchr(expanded, '/');
	const char *base = slash ? slash + 1 : word;
	char *dir = NULL;
	if (xslash) {
		dir = strndup(expanded, (size_t)(xslash - expanded) + 1);
	} else {
		dir = strdup("");
	}
	enum status rc = dir ? list_matches(dir, base, r) : STATUS_NOMEM;
	struct buf out = { NULL, 0, 0, true };
	buf_add(&out, line, start);
	if (rc == STATUS_OK && r->ncandidates > 0) {
		struct buf done = { NULL, 0, 0, true };
		buf_add(&done, word, slash ? (size_t)(slash - word) + 1 : 0);
		if (r->ncandidates == 1)
			buf_adds(&done, r->candidates[0]);
		else
			buf_add(&done, r->candidates[0], common_prefix(r->candidates, r->ncandidates));
		if (done.ok)
			add_escaped(&out, done.s);
		else
			out.ok = false;
		size_t dl = done.ok ? done.len : 0;
		if (r->ncandidates == 1 && dl > 0 && done.s[dl - 1] != '/')
			buf_add(&out, " ", 1);
		free(done.s);
	} else {
		buf_adds(&out, line + start);
	}
	if (rc == STATUS_OK && !out.ok)
		rc = STATUS_NOMEM;
	free(word);
	free(expanded);
	free(dir);
	if (rc != STATUS_OK) {
		free(out.s);
		complete_result_clear(r);
		return rc;
	}
	r->line = out.s;
	return STATUS_OK;
}

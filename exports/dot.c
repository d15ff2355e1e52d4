#include "exports/dot.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "model/analysis.h"
#include "model/db.h"
#include "model/impact.h"
#include "util/i18n.h"

/* Writes TEXT as a DOT quoted string: quotes and backslashes escaped,
 * control characters dropped (a label is no place for them). */
static void put_quoted(FILE *out, const char *text)
{
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if (*p == '"' || *p == '\\')
			fputc('\\', out);
		if (*p >= 0x20 && *p != 0x7f)
			fputc(*p, out);
	}
	fputc('"', out);
}

const char *dot_role_colour(enum analysis_role role)
{
	switch (role) {
	case ANALYSIS_ACTIVE: return "#f4a582";
	case ANALYSIS_REACTIVE: return "#92c5de";
	case ANALYSIS_CRITICAL: return "#d6604d";
	case ANALYSIS_BUFFERING: return "#e0e0e0";
	}
	return "white";
}

static void write_graph(FILE *out, const struct impact_matrix *m, const struct analysis_result *r)
{
	fputs("digraph systemmodell {\n  rankdir=LR;\n"
		"  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n", out);
	for (size_t i = 0; i < m->n; i++) {
		fprintf(out, "  v%zu [label=", i);
		put_quoted(out, m->names[i]);
		fprintf(out, ", fillcolor=\"%s\", tooltip=\"%s\"];\n", dot_role_colour(r->vars[i].role),
			analysis_role_label(r->vars[i].role));
	}
	for (size_t i = 0; i < m->n; i++)
		for (size_t j = 0; j < m->n; j++) {
			int v = m->cells[i * m->n + j];
			if (i != j && v > 0)
				fprintf(out, "  v%zu -> v%zu [penwidth=%d, weight=%d];\n", i, j, v, v);
		}
	fputs("}\n", out);
}

enum status dot_write(struct db *db, int64_t session_id, FILE *out)
{
	struct impact_matrix m;
	struct analysis_result r;
	enum status rc = impact_matrix_load(db, session_id, &m);
	if (rc != STATUS_OK)
		return rc;
	rc = analysis_run(m.cells, m.n, NULL, &r);
	if (rc == STATUS_OK) {
		write_graph(out, &m, &r);
		analysis_free(&r);
		if (ferror(out))
			rc = db_fail(db, STATUS_IO, "%s", _("write error"));
	} else {
		db_fail(db, rc, "%s", _("analysis of the matrix failed"));
	}
	impact_matrix_free(&m);
	return rc;
}

static bool dot_installed(void)
{
	const char *path = getenv("PATH");
	if (!path)
		return false;
	char *copy = strdup(path);
	bool found = false;
	for (char *dir = strtok(copy, ":"); copy && dir && !found; dir = strtok(NULL, ":")) {
		char file[4096];
		snprintf(file, sizeof file, "%s/dot", dir);
		found = access(file, X_OK) == 0;
	}
	free(copy);
	return found;
}

enum status dot_render(struct db *db, int64_t session_id, const char *format, const char *path)
{
	if (!dot_installed())
		return db_fail(db, STATUS_NOT_FOUND, "%s", _("Graphviz is not installed: the program "
			"dot is missing (Debian: apt-get install graphviz); the DOT file is written by "
			"didat export dot SESSION -o FILE"));
	int fds[2];
	if (pipe(fds) != 0)
		return db_fail(db, STATUS_IO, "pipe: %s", strerror(errno));
	pid_t pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return db_fail(db, STATUS_IO, "fork: %s", strerror(errno));
	}
	if (pid == 0) {
		char type[16];
		snprintf(type, sizeof type, "-T%s", format);
		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		close(fds[1]);
		execlp("dot", "dot", type, "-o", path, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	/* dot may exit before reading everything: a write error, not a kill */
	void (*old_handler)(int) = signal(SIGPIPE, SIG_IGN);
	FILE *out = fdopen(fds[1], "w");
	enum status rc = out ? dot_write(db, session_id, out) : STATUS_IO;
	if (out)
		fclose(out);
	else
		close(fds[1]);
	int wstatus = 0;
	while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
		;
	signal(SIGPIPE, old_handler);
	if (rc == STATUS_OK && !(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0))
		rc = db_fail(db, STATUS_IO, _("%s: dot could not create the picture (status %d)"),
			path, WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : -1);
	return rc;
}

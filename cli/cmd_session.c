/* sessions, new, show, duplicate, delete, demo, log: whole sessions. */
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "exports/report.h"
#include "model/changelog.h"
#include "model/db.h"
#include "model/demo.h"
#include "model/item.h"
#include "model/progress.h"
#include "model/session.h"
#include "util/display.h"
#include "util/i18n.h"

static int print_summary(void *ctx, const struct session_summary *s)
{
	(void)ctx;
	printf("%4" PRId64 "  ", s->id);
	display_fputs(stdout, s->title, 40, 40, false);
	fputs("  ", stdout);
	display_fputs(stdout, s->date, 10, 10, false);
	printf("  %4" PRId64 " %4" PRId64 " %4" PRId64 " %4" PRId64 " %4" PRId64 "\n",
		s->unseens, s->goals, s->measures, s->documents, s->codings);
	return 0;
}

int cmd_sessions(struct cli *cli, int argc, char **argv)
{
	char **ops;
	if (cli_operands(cli, argc, argv, 0, 0, _("no arguments"), &ops) < 0)
		return EXIT_USAGE;
	/* TRANSLATORS: column headers of didat sessions, 4 columns each
	 * (number; unseens, goals, measures, documents, codings) */
	printf("%4s  ", _("No."));
	display_fputs(stdout, _("Title"), 40, 40, false);
	printf("  %-10s  %4s %4s %4s %4s %4s\n", _("Date"), _("Uns."), _("Goal"), _("Meas"),
		_("Doc."), _("Cod."));
	enum status rc = session_list(cli->db, print_summary, NULL);
	return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
}

/* `new` takes every session field as an option. */
struct new_args {
	struct cli *cli;
	struct session s;
	enum status rc;
};

static int on_new_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	struct new_args *a = ctx;
	const struct item_type *type = item_type(ITEM_SESSION);
	(void)val;
	a->rc = item_parse(a->cli->db, type, &a->s, item_field_by_name(type, opt->name), arg);
	return a->rc != STATUS_OK;
}

int cmd_new(struct cli *cli, int argc, char **argv)
{
	const struct item_type *type = item_type(ITEM_SESSION);
	struct option options[24] = { { 0, 0, 0, 0 } };
	for (size_t i = 0, k = 0; i < type->nfields && k + 1 < 24; i++)
		if (strcmp(type->fields[i].name, "title") != 0)
			options[k++] = (struct option){ type->fields[i].name, required_argument, NULL, 0 };
	struct new_args a = { cli, { 0 }, STATUS_OK };
	char **ops;
	int n = cli_parse(cli, argc, argv, options, on_new_option, &a, &ops);
	int status = EXIT_DONE;
	if (n < 0 || a.rc != STATUS_OK) {
		status = a.rc != STATUS_OK ? cli_fail(cli, a.rc) : EXIT_USAGE;
	} else if (n != 1) {
		status = cli_usage(cli, "%s", _("expected: didat new TITLE [--date D] [--question Q]"));
	} else {
		enum status rc = item_parse(cli->db, type, &a.s, item_field_by_name(type, "title"), ops[0]);
		if (rc == STATUS_OK)
			rc = session_create(cli->db, &a.s);
		if (rc == STATUS_OK)
			printf("%" PRId64 "\n", a.s.id);
		else
			status = cli_fail(cli, rc);
	}
	item_clear(type, &a.s);
	return status;
}

int cmd_show(struct cli *cli, int argc, char **argv)
{
	char **ops;
	int n = cli_operands(cli, argc, argv, 1, 1, _("didat show SESSION"), &ops);
	if (n < 0)
		return EXIT_USAGE;
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	enum status rc = report_write(cli->db, session, stdout);
	return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
}

int cmd_duplicate(struct cli *cli, int argc, char **argv)
{
	char **ops;
	int n = cli_operands(cli, argc, argv, 1, 2, _("didat duplicate SESSION [TITLE]"), &ops);
	if (n < 0)
		return EXIT_USAGE;
	int64_t session, copy;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	enum status rc = session_duplicate(cli->db, session, n == 2 ? ops[1] : NULL, &copy);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	printf("%" PRId64 "\n", copy);
	return EXIT_DONE;
}

int cmd_delete(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "yes", no_argument, NULL, 'y' },
		{ 0, 0, 0, 0 },
	};
	bool yes = false;
	char **ops;
	int n = cli_parse(cli, argc, argv, options, cli_flag, &yes, &ops);
	if (n < 0)
		return EXIT_USAGE;
	if (n != 1)
		return cli_usage(cli, "%s", _("expected: didat delete SESSION --yes"));
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	if (!yes)
		return cli_usage(cli, _("session %" PRId64 " will be deleted with everything that belongs to "
			"it; confirm with --yes"), session);
	enum status rc = session_delete(cli->db, session);
	return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
}

int cmd_demo(struct cli *cli, int argc, char **argv)
{
	char **ops;
	if (cli_operands(cli, argc, argv, 0, 0, _("no arguments"), &ops) < 0)
		return EXIT_USAGE;
	int64_t session;
	enum status rc = demo_create(cli->db, &session);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	printf("%" PRId64 "\n", session);
	return EXIT_DONE;
}

static int print_change(void *ctx, const struct change *c)
{
	(void)ctx;
	printf("%" PRId64 "\t%" PRId64 "\t%s\t", c->id, c->change_group, c->at);
	display_fputs(stdout, c->who, -1, 0, false);
	printf("\t%s\t%s\t%" PRId64 "\t", c->op, c->table, c->row_id);
	display_fputs(stdout, *c->new_json ? c->new_json : c->old_json, 200, 0, false);
	fputc('\n', stdout);
	return 0;
}

struct log_args {
	struct cli *cli;
	int64_t since;
	bool ok;
};

static int on_log_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	struct log_args *a = ctx;
	(void)opt;
	(void)val;
	a->ok = cli_number(a->cli, "--since", arg, 0, INT64_MAX, &a->since);
	return !a->ok;
}

int cmd_log(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "since", required_argument, NULL, 's' },
		{ 0, 0, 0, 0 },
	};
	struct log_args a = { cli, 0, true };
	char **ops;
	int n = cli_parse(cli, argc, argv, options, on_log_option, &a, &ops);
	if (!a.ok)
		return EXIT_FAILED;
	if (n < 0)
		return EXIT_USAGE;
	if (n != 1)
		return cli_usage(cli, "%s", _("expected: didat log SESSION [--since N]"));
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	enum status rc = changelog_list(cli->db, session, a.since, print_change, NULL);
	return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
}

static int print_open_point(void *ctx, const struct open_point *p)
{
	(void)ctx;
	printf("%d\t%s\t%" PRId64 "\t", progress_check_step(p->check) + 1, item_type(p->kind)->name,
		p->id);
	display_fputs(stdout, _(progress_check_problem(p->check)), -1, 0, false);
	fputc('\n', stdout);
	return 0;
}

int cmd_checklist(struct cli *cli, int argc, char **argv)
{
	char **ops;
	if (cli_operands(cli, argc, argv, 1, 1, _("didat checklist SESSION"), &ops) < 0)
		return EXIT_USAGE;
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	enum status rc = progress_each(cli->db, session, print_open_point, NULL);
	if (rc != STATUS_OK)
		return cli_fail(cli, rc);
	return cli_stdout_done(cli, true) ? EXIT_DONE : EXIT_FAILED;
}

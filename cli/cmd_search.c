/* search: full-text search over a session's documents and items. */
#include "cli/cli.h"

#include <getopt.h>
#include <inttypes.h>
#include <string.h>

#include "model/search.h"
#include "util/display.h"
#include "util/i18n.h"

struct search_args {
	bool mark;
};

static int on_search_option(void *ctx, const struct option *opt, int val, const char *arg)
{
	struct search_args *a = ctx;
	(void)opt;
	(void)val;
	(void)arg;
	a->mark = true;
	return 0;
}

/* Writes TEXT made safe, its markers as "[" "]" with MARK or dropped. */
static void print_marked(const char *text, bool mark)
{
	char buf[4096];
	while (*text) {
		size_t n = strcspn(text, SEARCH_MARK_OPEN SEARCH_MARK_CLOSE);
		while (n > 0) {
			size_t chunk = n < sizeof buf - 1 ? n : sizeof buf - 1;
			/* Do not split a UTF-8 sequence between two chunks. */
			while (chunk < n && chunk > 0 && ((unsigned char)text[chunk] & 0xc0) == 0x80)
				chunk--;
			memcpy(buf, text, chunk);
			buf[chunk] = '\0';
			display_fputs(stdout, buf, -1, 0, false);
			text += chunk;
			n -= chunk;
		}
		if (*text) {
			if (mark)
				fputc(*text == SEARCH_MARK_OPEN[0] ? '[' : ']', stdout);
			text++;
		}
	}
}

static int print_hit(void *ctx, const struct search_hit *hit)
{
	const struct search_args *a = ctx;
	if (hit->place == SEARCH_LINE) {
		display_fputs(stdout, hit->title, -1, 0, false);
		printf(":%" PRId64, hit->line);
	} else {
		printf("%s %" PRId64 " ", hit->kind, hit->item_id);
		display_fputs(stdout, hit->title, 60, 0, false);
	}
	fputc('\t', stdout);
	print_marked(hit->text, a->mark);
	fputc('\n', stdout);
	return 0;
}

int cmd_search(struct cli *cli, int argc, char **argv)
{
	static const struct option options[] = {
		{ "mark", no_argument, NULL, 0 },
		{ 0, 0, 0, 0 },
	};
	struct search_args a = { false };
	char **ops;
	int n = cli_parse(cli, argc, argv, options, on_search_option, &a, &ops);
	if (n < 0)
		return EXIT_USAGE;
	if (n != 2)
		return cli_usage(cli, "%s", _("expected: didat search SESSION QUERY"));
	int64_t session;
	if (!cli_session(cli, ops[0], &session))
		return EXIT_FAILED;
	enum status rc = search_run(cli->db, session, ops[1], print_hit, &a);
	return rc == STATUS_OK ? EXIT_DONE : cli_fail(cli, rc);
}

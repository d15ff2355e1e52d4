/* exports/poster: text made safe for XML and wrapped by display width,
 * the file endings, and pages that continue rather than drop items; the
 * SVG is read back with libxml2's parser. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "exports/poster.h"
#include "model/demo.h"
#include "model/item.h"
#include "util/display.h"
#include "tests/unit/fixture.h"

extern Suite *poster_suite(void);

START_TEST(controls_become_visible_and_xml_safe)
{
	char *c = poster_clean("a\033[31mb\x01" "c\x7f" "d\xc2\x9b" "e\xff" "f\tg\nÄß„x“");
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c, "a␛[31mb␁c␡d\xef\xbf\xbd" "e\xef\xbf\xbd" "f g\nÄß„x“");
	free(c);
	c = poster_clean(NULL);
	ck_assert_str_eq(c, "");
	free(c);
}
END_TEST

struct lines {
	int columns;
	size_t n;
	char joined[4096];   /* the lines without their spaces */
	char lines[4096];    /* the lines as they are, each ended by "|" */
	bool too_wide;
};

static int take_line(void *ctx, const char *line, size_t len)
{
	struct lines *l = ctx;
	char *copy = strndup(line, len);
	ck_assert_ptr_nonnull(copy);
	if (display_width(copy) > l->columns)
		l->too_wide = true;
	/* a hyphen at a cut is not part of the text (the texts have none) */
	size_t n = strlen(copy);
	if (n && copy[n - 1] == '-')
		copy[n - 1] = '\0';
	for (const char *p = copy; *p; p++)
		if (*p != ' ' && strlen(l->joined) + 1 < sizeof l->joined)
			strncat(l->joined, p, 1);
	if (strlen(l->lines) + len + 2 < sizeof l->lines) {
		strncat(l->lines, line, len);
		strcat(l->lines, "|");
	}
	free(copy);
	l->n++;
	return 0;
}

static void without_spaces(const char *text, char *out)
{
	for (; *text; text++)
		if (*text != ' ' && *text != '\n')
			*out++ = *text;
	*out = '\0';
}

START_TEST(wrapping_keeps_every_character_within_the_width)
{
	static const char *const texts[] = {
		"Familiengeführte produzierende KMU mit bis zu 1000 Beschäftigten, ihre "
		"Beschäftigten und ihre „direkten“ Geschäftspartner",
		"Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen ist ein langes Wort",
		"データ主権 と クラウド の 依存 関係 について 話し合う ワークショップ",
		"erste Zeile\n\nzweite Zeile nach einer leeren",
	};
	for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
		for (int columns = 3; columns <= 40; columns += 37 / 3) {
			struct lines l = { .columns = columns };
			size_t n = poster_wrap(texts[i], columns, take_line, &l);
			char want[4096];
			without_spaces(texts[i], want);
			ck_assert_uint_eq(n, l.n);
			ck_assert_msg(!l.too_wide, "text %zu: a line wider than %d", i, columns);
			ck_assert_str_eq(l.joined, want);
		}
	struct lines l = { .columns = 20 };
	ck_assert_uint_eq(poster_wrap("", 20, take_line, &l), 1);
	ck_assert_uint_eq(poster_wrap("a\n\nb", 20, NULL, NULL), 3);
	/* "Beschäftigten" counts as 13 columns, not as its 14 bytes */
	ck_assert_uint_eq(poster_wrap("Beschäftigten und", 13, NULL, NULL), 2);
	ck_assert_uint_eq(poster_wrap("Beschäftigten", 13, NULL, NULL), 1);
}
END_TEST

/* A word cut between letters gets a hyphen, within the width; ideographs
 * and a cut beside punctuation get none. */
START_TEST(wrapping_hyphenates_a_cut_word)
{
	static const struct { const char *text; int columns; const char *lines; } cases[] = {
		{ "Beschäftigten", 6, "Besch-|äftig-|ten|" },
		{ "Digitalisierungsverantwortliche sind", 18,
		  "Digitalisierungsv-|erantwortliche|sind|" },
		{ "データ主権", 4, "デー|タ主|権|" },
		{ "„Chefsache“", 5, "„Che-|fsac-|he“|" },
		{ "ab.cdefgh", 3, "ab.|cd-|ef-|gh|" },
		{ "ab", 1, "a|b|" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct lines l = { .columns = cases[i].columns };
		poster_wrap(cases[i].text, cases[i].columns, take_line, &l);
		ck_assert_str_eq(l.lines, cases[i].lines);
		ck_assert(!l.too_wide);
	}
}
END_TEST

START_TEST(the_ending_chooses_the_format)
{
	enum poster_format f;
	ck_assert(poster_format_of(NULL, &f) && f == POSTER_SVG);
	ck_assert(poster_format_of("-", &f) && f == POSTER_SVG);
	ck_assert(poster_format_of("a/b.SVG", &f) && f == POSTER_SVG);
	ck_assert(poster_format_of("x.html", &f) && f == POSTER_HTML);
	ck_assert(poster_format_of("x.htm", &f) && f == POSTER_HTML);
	ck_assert(poster_format_of("x.pdf", &f) && f == POSTER_PDF);
	ck_assert(!poster_format_of("x.png", &f));
	ck_assert(!poster_format_of("poster", &f));
	ck_assert(!poster_format_of("dir.svg/poster", &f));
}
END_TEST

/* The poster of SESSION as SVG, read back whole (malloc'd). */
static char *poster_svg(struct db *db, int64_t session)
{
	char path[FIXTURE_PATH_MAX];
	fixture_temp_path(path);
	FILE *out = fopen(path, "w");
	ck_assert_ptr_nonnull(out);
	ck_assert_int_eq(poster_write(db, session, POSTER_SVG, out), STATUS_OK);
	ck_assert_int_eq(fclose(out), 0);
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
	ck_assert_msg(doc != NULL, "the SVG is not well-formed XML");
	xmlFreeDoc(doc);
	size_t len;
	char *svg = fixture_read_file(path, &len);
	fixture_remove(path);
	return svg;
}

static int occurrences(const char *haystack, const char *needle)
{
	int n = 0;
	for (const char *p = haystack; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

START_TEST(a_full_page_continues_on_the_next)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Viele Unseens");
	int empty;
	ck_assert_int_eq(poster_count_pages(db, s, &empty), STATUS_OK);
	ck_assert_int_eq(empty, 5);   /* a page per step */
	for (int i = 1; i <= 60; i++) {
		char title[64];
		snprintf(title, sizeof title, "Unseen Nummer %02d", i);
		fixture_unseen(db, s, title, 0);
	}
	int pages;
	ck_assert_int_eq(poster_count_pages(db, s, &pages), STATUS_OK);
	ck_assert_int_gt(pages, 6);
	char *svg = poster_svg(db, s);
	ck_assert_int_eq(occurrences(svg, "<svg x=\"0\""), pages);
	ck_assert_int_ge(occurrences(svg, ">2 Unseens"), 2);   /* continued */
	for (int i = 1; i <= 60; i++) {
		char title[64];
		snprintf(title, sizeof title, ">Unseen Nummer %02d<", i);
		ck_assert_msg(occurrences(svg, title) == 1, "%s: %d times", title,
			occurrences(svg, title));
	}
	free(svg);
	fixture_close(db, path);
}
END_TEST

START_TEST(many_measures_of_one_actor_group_continue_in_their_column)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s = fixture_session(db, "Viele Maßnahmen");
	int64_t a = fixture_actor(db, s, "A");
	for (int i = 1; i <= 40; i++) {
		char text[128];
		snprintf(text, sizeof text, "Maßnahme %02d mit einem etwas längeren Text, der umbricht", i);
		fixture_measure(db, s, text, i % 10 ? a : 0);
	}
	char *svg = poster_svg(db, s);
	ck_assert_int_ge(occurrences(svg, ">5 Maßnahmen"), 3);   /* the board continued */
	for (int i = 1; i <= 40; i++) {
		char text[64];
		snprintf(text, sizeof text, ">Maßnahme %02d", i);
		ck_assert_msg(occurrences(svg, text) == 1, "%s: %d times", text, occurrences(svg, text));
	}
	/* the last column, its heading wrapped in its narrow box */
	ck_assert_int_ge(occurrences(svg, ">Ohne"), 1);
	ck_assert_int_ge(occurrences(svg, "Akteursgruppe<"), 1);
	free(svg);
	fixture_close(db, path);
}
END_TEST

START_TEST(the_demo_poster_is_well_formed)
{
	char path[FIXTURE_PATH_MAX];
	struct db *db = fixture_open(path);
	int64_t s;
	ck_assert_int_eq(demo_create(db, &s), STATUS_OK);
	char *svg = poster_svg(db, s);
	ck_assert(strstr(svg, "width=\"420mm\""));
	ck_assert(strstr(svg, "1 Leitfrage und Systemgrenzen"));
	ck_assert(strstr(svg, "3 Systemmodell"));
	free(svg);
	fixture_close(db, path);
}
END_TEST

Suite *poster_suite(void)
{
	Suite *s = suite_create("poster");
	TCase *tc = tcase_create("poster");
	tcase_add_unchecked_fixture(tc, fixture_dir_setup, fixture_dir_teardown);
	tcase_add_test(tc, controls_become_visible_and_xml_safe);
	tcase_add_test(tc, wrapping_keeps_every_character_within_the_width);
	tcase_add_test(tc, wrapping_hyphenates_a_cut_word);
	tcase_add_test(tc, the_ending_chooses_the_format);
	tcase_add_test(tc, a_full_page_continues_on_the_next);
	tcase_add_test(tc, many_measures_of_one_actor_group_continue_in_their_column);
	tcase_add_test(tc, the_demo_poster_is_well_formed);
	suite_add_tcase(s, tc);
	return s;
}

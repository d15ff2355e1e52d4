#ifndef DIDAT_MODEL_AGREEMENT_H
#define DIDAT_MODEL_AGREEMENT_H

/* Intercoder agreement.  The unit is a line of a document.  A tally
 * holds the reliability data's sufficient statistics: Krippendorff's
 * coincidence matrix (his 2011 paper, "Computing Krippendorff's
 * Alpha-Reliability") and, for two coders, their cross table, so that
 * per-code tallies add up to a pooled one and no figure needs the data
 * again.  agree_run() streams a session's codings into tallies, one
 * document of one code at a time. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/status.h"

struct db;

struct agree_tally {
	size_t coders, values;
	double *coincidence;   /* values × values: o_ck */
	double *cross;         /* values × values: the first coder's value by the second's */
	double *scratch;       /* values: a unit's counts */
	int64_t units;         /* every unit added */
	int64_t pairable;      /* units with at least two values */
	int64_t paired;        /* units where the first two coders both gave a value */
	bool incomplete;       /* a pairable unit lacked a coder's value */
};
/* An empty tally for CODERS coders and VALUES values (categories 0..VALUES-1). */
enum status agree_tally_init(struct agree_tally *t, size_t coders, size_t values);
void agree_tally_free(struct agree_tally *t);
void agree_tally_clear(struct agree_tally *t);
/* WEIGHT units where coder K gave VALUE[K] (-1: none). */
void agree_tally_add(struct agree_tally *t, const int *value, int64_t weight);
/* Adds T to INTO (the same coders and values). */
void agree_tally_merge(struct agree_tally *into, const struct agree_tally *t);

/* A figure, or why it is not there. */
enum agree_state { AGREE_VALUE, AGREE_UNDEFINED, AGREE_NOT_APPLICABLE };
struct agree_figure {
	enum agree_state state;
	double value;
	const char *why;       /* a msgid, unless AGREE_VALUE */
};
/* The share of agreeing pairs of values within units (for two coders:
 * the share of units where they agree). */
struct agree_figure agree_percent(const struct agree_tally *t);
/* Cohen's κ: exactly two coders, over the units both gave a value. */
struct agree_figure agree_cohen(const struct agree_tally *t);
/* Fleiss' κ: more than two coders, each unit with every coder's value. */
struct agree_figure agree_fleiss(const struct agree_tally *t);
/* Krippendorff's α for nominal data (binary when VALUES is 2). */
struct agree_figure agree_alpha(const struct agree_tally *t);
/* The cross table's cell: units the first coder gave A and the second B. */
int64_t agree_cross(const struct agree_tally *t, int a, int b);

/* What to compare. */
struct agree_options {
	const char *const *coders;   /* names; none: everyone who coded in the documents */
	size_t ncoders;
	const int64_t *codes;        /* none: every code a chosen coder applied */
	size_t ncodes;
	const int64_t *documents;    /* none: every document of the session */
	size_t ndocuments;
	int64_t domain;              /* a free code: its children as one nominal variable */
};

/* A row of the result: a code, the domain, or all codes pooled. */
struct agree_row {
	int64_t code_id;             /* 0 for the pooled row */
	const char *code;            /* the code's path or name; "" for the pooled row */
	const char *const *coders;   /* the coders compared, by name */
	size_t ncoders;
	int64_t documents;           /* the documents compared */
	const struct agree_tally *tally;
};
typedef int (*agree_cb)(void *ctx, const struct agree_row *row);

/* Compares the coders of O in SESSION.  Binary: per code a row, in
 * codebook order, then the pooled row; each document that two chosen
 * coders coded (with any code) gives all its lines, a coder's value for
 * a line is 1 when the coder applied the code to it.  With O->domain:
 * one row, the value of a line is the child (with its subtree) that the
 * coder applied, none when the coder applied none.  Refuses, naming
 * them, an unknown coder, a coder without codings in the documents,
 * fewer than two coders, a domain without children and a coder who gave
 * one line two children of the domain. */
enum status agree_run(struct db *db, int64_t session, const struct agree_options *o,
	agree_cb cb, void *ctx);

#endif

#ifndef DIDAT_MODEL_ANALYSIS_H
#define DIDAT_MODEL_ANALYSIS_H

/* Analysis of an impact matrix (step 3, system model): Vester's direct
 * sums and roles, and Godet's MICMAC indirect influence and dependence.
 * Pure computation on arrays: no storage, no screen, no printing.
 *
 * The input is a dense row-major matrix of N*N ints: cells[i*n + j] is
 * the rated direct influence of variable i (row) on variable j (column).
 * A negative cell means "unrated" (-1 by convention) and counts as 0 in
 * every sum; the diagonal is ignored whatever it holds.  The scale (0..3
 * for Vester, 0..2 for Scholz & Tietje) is the storage's business: any
 * int is accepted and nothing overflows (see `p`).
 *
 * Rules decided here:
 *  - Direct roles split at the mean of AS (= the mean of PS), compared
 *    exactly in integers (AS*n against the total): a sum equal to the
 *    mean counts as "at or below".
 *  - Indirect influence and dependence of order k are the row and column
 *    sums of M^k (M = the matrix with unrated and diagonal as 0), each
 *    vector scaled to sum 1.  They are computed as M^k·1 = M·(M^(k-1)·1)
 *    and 1ᵀM^k = (1ᵀM^(k-1))·M, rescaled to sum 1 at every step: the same
 *    numbers as the sums of the matrix powers, in O(n²) per power instead
 *    of O(n³), and nothing can overflow.
 *  - Ranking: a variable's rank is 1 + the number of variables whose
 *    value exceeds its own by more than ANALYSIS_TOLERANCE relative to
 *    the larger value; values closer than that share a rank (1 = highest).
 *  - Indirect roles split at the mean 1/n with the same tolerance: above
 *    the mean means value*n > 1 + ANALYSIS_TOLERANCE.  An all-zero vector
 *    is at or below everywhere (buffering).
 *  - Powers are raised from k = 2 until both rankings at k equal those at
 *    k-1 (settled), or up to max_power, or exactly to fixed_power.
 *  - A matrix without cycles becomes zero at the power L+1, where L is its
 *    longest path (found exactly by a topological sort, not by testing
 *    floats for zero): the run stops at power L and sets became_zero.
 *    The all-zero matrix (and n = 1) has L = 0: power 1, all influence and
 *    dependence 0, all variables buffering. */

#include <stdbool.h>
#include <stddef.h>

#include "util/status.h"

#define ANALYSIS_DEFAULT_MAX_POWER 12
/* Larger max_power or fixed_power values are clamped to this. */
#define ANALYSIS_POWER_LIMIT 1000
/* Larger matrices are refused with STATUS_NOMEM; below it no integer sum
 * can overflow (n * n * INT_MAX < 2^63). */
#define ANALYSIS_MAX_N 65535
#define ANALYSIS_TOLERANCE 1e-9

enum analysis_role {
	ANALYSIS_ACTIVE,     /* influences much, is influenced little: lever */
	ANALYSIS_REACTIVE,   /* influences little, is influenced much: indicator */
	ANALYSIS_CRITICAL,   /* both above the mean */
	ANALYSIS_BUFFERING,  /* both at or below the mean */
};

/* "active", "reactive", "critical", "buffering": machine names for CSV
 * and scripts, never translated; "?" for a value outside the enum.
 * Static storage. */
const char *analysis_role_name(enum analysis_role role);
/* The role as people read it (screen, report, the table of `analyse`);
 * CSV keeps analysis_role_name's stable key. */
const char *analysis_role_label(enum analysis_role role);

struct analysis_variable {
	/* Direct (Vester).  as = row sum, ps = column sum, p = as * ps;
	 * saturated at LONG_MAX, which only absurd ratings can reach. */
	long as, ps, p;
	/* q = as / ps.  When ps = 0 and as > 0, q_infinite is set and q is 0
	 * (q never holds inf or NaN).  When as = ps = 0 (an isolated
	 * variable), q is 0 and q_infinite is false. */
	double q;
	bool q_infinite;
	enum analysis_role role;
	/* Indirect (MICMAC) at the result's `power`: each vector sums to 1
	 * over all variables, or is all 0 for the all-zero matrix. */
	double influence, dependence;
	size_t influence_rank, dependence_rank;  /* 1 = highest, ties share */
	enum analysis_role indirect_role;
	bool role_changed;                       /* indirect_role != role */
};

struct analysis_result {
	size_t n;
	struct analysis_variable *vars;  /* n entries (NULL when n = 0); owned
	                                  * by the result, see analysis_free() */
	/* The power k whose sums are reported: >= 1 when n >= 1, 0 when n = 0. */
	int power;
	/* The rankings at `power` equal those at power-1 (so never at power 1).
	 * False when the search stopped at max_power without that. */
	bool settled;
	/* M^(power+1) is zero: the matrix has no cycle and `power` is its
	 * longest path (1 for the all-zero matrix, whose M^1 is zero too). */
	bool became_zero;
	size_t unrated;    /* off-diagonal cells < 0 */
	double mean_sum;   /* mean of AS (= mean of PS); 0 when n = 0 */
};

struct analysis_options {
	int max_power;    /* <= 0: ANALYSIS_DEFAULT_MAX_POWER */
	int fixed_power;  /* <= 0: search for a stable ranking; else exactly
	                   * this power (or the last nonzero one, see
	                   * became_zero) */
};

/* Analyses the N*N matrix CELLS (read only during the call, may be NULL
 * when n = 0) with options OPT (NULL: defaults) into *OUT.  On success
 * the caller owns out->vars and releases it with analysis_free().  On
 * failure *OUT is zeroed, so analysis_free() is still safe.
 * Returns STATUS_OK; STATUS_INVALID when OUT is NULL or CELLS is NULL
 * with n > 0; STATUS_NOMEM when memory runs out or n > ANALYSIS_MAX_N.
 * Makes two allocations: the result, and one block for all work. */
enum status analysis_run(const int *cells, size_t n,
	const struct analysis_options *opt, struct analysis_result *out);

/* Frees result->vars and zeroes *RESULT; NULL and repeated calls are safe. */
void analysis_free(struct analysis_result *result);

/* PRODUCT = A · B for N*N row-major doubles; PRODUCT must not overlap A
 * or B (A and B may be the same matrix).  analysis_multiply() runs the
 * cache-friendly i-k-j loop order, analysis_multiply_naive() the textbook
 * i-j-k one.  analysis_run() needs neither (see above); they are kept for
 * the benchmark and as the tests' independent check of the indirect sums. */
void analysis_multiply(const double *restrict a, const double *restrict b,
	double *restrict product, size_t n);
void analysis_multiply_naive(const double *restrict a,
	const double *restrict b, double *restrict product, size_t n);

#endif

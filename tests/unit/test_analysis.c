/* model/analysis: Vester's direct sums and roles, MICMAC powers.  Every
 * expected figure is worked out by hand in the comment above its test. */
#include <check.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "model/analysis.h"

#define EPS 1e-12

enum { A, B, C, D };

static struct analysis_result run(const int *cells, size_t n, int max_power,
	int fixed_power)
{
	struct analysis_options opt = { max_power, fixed_power };
	struct analysis_result res;
	ck_assert_int_eq(analysis_run(cells, n, &opt, &res), STATUS_OK);
	ck_assert_uint_eq(res.n, n);
	return res;
}

/* Deterministic pseudo-random numbers (64-bit LCG, high bits). */
static unsigned lcg_next(uint64_t *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(*state >> 33);
}

static void assert_sums_to_one(const struct analysis_result *res)
{
	double infl = 0.0, dep = 0.0;
	for (size_t i = 0; i < res->n; i++) {
		ck_assert(isfinite(res->vars[i].influence));
		ck_assert(isfinite(res->vars[i].dependence));
		infl += res->vars[i].influence;
		dep += res->vars[i].dependence;
	}
	ck_assert_double_eq_tol(infl, 1.0, 1e-9);
	ck_assert_double_eq_tol(dep, 1.0, 1e-9);
}

/* Hand example.  Off the diagonal (which holds junk on purpose):
 *
 *          A   B   C   D    AS
 *     A    .   1   1   0     2
 *     B    1   .   0   3     4
 *     C   -1   0   .   0     0     C->A unrated
 *     D    0   1  -5   .     1     D->C unrated (any negative)
 *     PS   1   2   1   3   total 7, mean 7/4 = 1.75, unrated 2
 *
 * Direct: P = AS*PS = 2, 8, 0, 3; Q = AS/PS = 2, 2, 0, 1/3.
 *   A: 2 > 1.75, 1 <= 1.75  active      B: 4 >, 2 >      critical
 *   C: 0, 1                 buffering   D: 1 <=, 3 >     reactive
 *
 * Indirect, r_k = M r_(k-1) (row sums of M^k), c_k = c_(k-1) M:
 *   r1 = (2, 4, 0, 1)    ranks B1 A2 D3 C4
 *   r2 = (4, 5, 0, 4)    A: B+C = 4+0, B: A+3D = 2+3, D: B = 4;  B1 A2 D2 C4
 *   r3 = (5, 16, 0, 5)   A: 5+0, B: 4+12, D: 5;   ranks B1 A2 D2 C4 = r2's
 *   c1 = (1, 2, 1, 3)    ranks D1 B2 A3 C3
 *   c2 = (2, 4, 1, 6)    A: B = 2, B: A+D = 1+3, C: A = 1, D: 3B = 6; D1 B2 A3 C4
 *   c3 = (4, 8, 2, 12)   A: 4, B: 2+6, C: 2, D: 12;  ranks = c2's
 * Both rankings equal their predecessors at k = 3: settled, power 3.
 * Sums 26: influence (5, 16, 0, 5)/26, dependence (4, 8, 2, 12)/26.
 * Mean 1/4 means a sum above 26/4 = 6.5:
 *   A: 5, 4 buffering (was active: changed)   B: 16, 8 critical
 *   C: 0, 2 buffering                         D: 5, 12 reactive */
static const int hand4[16] = {
	 3,  1,  1,  0,
	 1, -1,  0,  3,
	-1,  0,  7,  0,
	 0,  1, -5, -1,
};

START_TEST(test_analysis_hand_direct)
{
	struct analysis_result res = run(hand4, 4, 0, 0);
	const struct analysis_variable *v = res.vars;
	ck_assert_uint_eq(res.unrated, 2);
	ck_assert_double_eq(res.mean_sum, 1.75);

	ck_assert_int_eq(v[A].as, 2);
	ck_assert_int_eq(v[B].as, 4);
	ck_assert_int_eq(v[C].as, 0);
	ck_assert_int_eq(v[D].as, 1);
	ck_assert_int_eq(v[A].ps, 1);
	ck_assert_int_eq(v[B].ps, 2);
	ck_assert_int_eq(v[C].ps, 1);
	ck_assert_int_eq(v[D].ps, 3);
	ck_assert_int_eq(v[A].p, 2);
	ck_assert_int_eq(v[B].p, 8);
	ck_assert_int_eq(v[C].p, 0);
	ck_assert_int_eq(v[D].p, 3);
	ck_assert_double_eq(v[A].q, 2.0);
	ck_assert_double_eq(v[B].q, 2.0);
	ck_assert_double_eq(v[C].q, 0.0);
	ck_assert_double_eq_tol(v[D].q, 1.0 / 3.0, EPS);
	for (int i = A; i <= D; i++)
		ck_assert(!v[i].q_infinite);

	ck_assert_int_eq(v[A].role, ANALYSIS_ACTIVE);
	ck_assert_int_eq(v[B].role, ANALYSIS_CRITICAL);
	ck_assert_int_eq(v[C].role, ANALYSIS_BUFFERING);
	ck_assert_int_eq(v[D].role, ANALYSIS_REACTIVE);
	analysis_free(&res);
}
END_TEST

START_TEST(test_analysis_hand_indirect)
{
	struct analysis_result res = run(hand4, 4, 0, 0);
	const struct analysis_variable *v = res.vars;
	ck_assert_int_eq(res.power, 3);
	ck_assert(res.settled);
	ck_assert(!res.became_zero);

	ck_assert_double_eq_tol(v[A].influence, 5.0 / 26, EPS);
	ck_assert_double_eq_tol(v[B].influence, 16.0 / 26, EPS);
	ck_assert_double_eq_tol(v[C].influence, 0.0, EPS);
	ck_assert_double_eq_tol(v[D].influence, 5.0 / 26, EPS);
	ck_assert_double_eq_tol(v[A].dependence, 4.0 / 26, EPS);
	ck_assert_double_eq_tol(v[B].dependence, 8.0 / 26, EPS);
	ck_assert_double_eq_tol(v[C].dependence, 2.0 / 26, EPS);
	ck_assert_double_eq_tol(v[D].dependence, 12.0 / 26, EPS);

	ck_assert_uint_eq(v[A].influence_rank, 2);
	ck_assert_uint_eq(v[B].influence_rank, 1);
	ck_assert_uint_eq(v[C].influence_rank, 4);
	ck_assert_uint_eq(v[D].influence_rank, 2);
	ck_assert_uint_eq(v[A].dependence_rank, 3);
	ck_assert_uint_eq(v[B].dependence_rank, 2);
	ck_assert_uint_eq(v[C].dependence_rank, 4);
	ck_assert_uint_eq(v[D].dependence_rank, 1);

	ck_assert_int_eq(v[A].indirect_role, ANALYSIS_BUFFERING);
	ck_assert_int_eq(v[B].indirect_role, ANALYSIS_CRITICAL);
	ck_assert_int_eq(v[C].indirect_role, ANALYSIS_BUFFERING);
	ck_assert_int_eq(v[D].indirect_role, ANALYSIS_REACTIVE);
	ck_assert(v[A].role_changed);
	ck_assert(!v[B].role_changed);
	ck_assert(!v[C].role_changed);
	ck_assert(!v[D].role_changed);
	analysis_free(&res);
}
END_TEST

/* The hand example at fixed power 2: r2 = (4, 5, 0, 4), c2 = (2, 4, 1, 6),
 * sums 13, above the mean when > 13/4 = 3.25: A active, B critical,
 * C buffering, D critical.  The ranking changed from k = 1 (D3 -> D2),
 * so not settled.  Fixed power 1 gives the direct sums over 7. */
START_TEST(test_analysis_fixed_power)
{
	struct analysis_result res = run(hand4, 4, 0, 2);
	const struct analysis_variable *v = res.vars;
	ck_assert_int_eq(res.power, 2);
	ck_assert(!res.settled);
	ck_assert(!res.became_zero);
	ck_assert_double_eq_tol(v[A].influence, 4.0 / 13, EPS);
	ck_assert_double_eq_tol(v[B].influence, 5.0 / 13, EPS);
	ck_assert_double_eq_tol(v[C].influence, 0.0, EPS);
	ck_assert_double_eq_tol(v[D].influence, 4.0 / 13, EPS);
	ck_assert_double_eq_tol(v[A].dependence, 2.0 / 13, EPS);
	ck_assert_double_eq_tol(v[B].dependence, 4.0 / 13, EPS);
	ck_assert_double_eq_tol(v[C].dependence, 1.0 / 13, EPS);
	ck_assert_double_eq_tol(v[D].dependence, 6.0 / 13, EPS);
	ck_assert_int_eq(v[A].indirect_role, ANALYSIS_ACTIVE);
	ck_assert_int_eq(v[B].indirect_role, ANALYSIS_CRITICAL);
	ck_assert_int_eq(v[C].indirect_role, ANALYSIS_BUFFERING);
	ck_assert_int_eq(v[D].indirect_role, ANALYSIS_CRITICAL);
	ck_assert(!v[A].role_changed);
	ck_assert(v[D].role_changed);
	analysis_free(&res);

	/* A fixed power past the settling point is still computed: k = 4 gives
	 * r4 = M r3 = (16, 5+15, 0, 16) = (16, 20, 0, 16), sum 52. */
	res = run(hand4, 4, 0, 4);
	ck_assert_int_eq(res.power, 4);
	ck_assert(res.settled);  /* ranks B1 A2 D2 C4, as at k = 3 */
	ck_assert_double_eq_tol(res.vars[B].influence, 20.0 / 52, EPS);
	analysis_free(&res);

	res = run(hand4, 4, 0, 1);
	ck_assert_int_eq(res.power, 1);
	ck_assert(!res.settled);
	ck_assert_double_eq_tol(res.vars[B].influence, 4.0 / 7, EPS);
	ck_assert_double_eq_tol(res.vars[D].dependence, 3.0 / 7, EPS);
	analysis_free(&res);
}
END_TEST

/* Ties exactly at the mean count as "at or below":
 *          A  B  C   AS
 *     A    .  2  1    3
 *     B    1  .  1    2   = mean
 *     C    0  1  .    1
 *     PS   1  3  2   total 6, mean 2   (C's PS = mean)
 * A active; B reactive (AS tie: not critical); C buffering (PS tie: not
 * reactive). */
START_TEST(test_analysis_ties_at_mean)
{
	static const int cells[9] = {
		0, 2, 1,
		1, 0, 1,
		0, 1, 0,
	};
	struct analysis_result res = run(cells, 3, 0, 0);
	ck_assert_double_eq(res.mean_sum, 2.0);
	ck_assert_int_eq(res.vars[A].role, ANALYSIS_ACTIVE);
	ck_assert_int_eq(res.vars[B].role, ANALYSIS_REACTIVE);
	ck_assert_int_eq(res.vars[C].role, ANALYSIS_BUFFERING);
	analysis_free(&res);
}
END_TEST

/* Values equal in exact arithmetic but not in floats share a rank.
 *   a->Z 1, b->Z 2, c->Z 3, X->a 1, X->b 1, Y->c 1, Z->a 1
 *   r1 = (a 1, b 2, c 3, X 2, Y 1, Z 1), sum 10, so scaled by 1/10
 *   r2: a = Z = 0.1, b = 2*0.1, c = 3*0.1, X = 0.1 + 0.2, Y = 0.3, Z = 0.1
 * In doubles 0.1 + 0.2 != 0.3, yet c, X and Y are all 3/13 after scaling:
 * ranks c1 X1 Y1 b4 a5 Z5. */
START_TEST(test_analysis_rank_tolerance)
{
	enum { a, b, c, X, Y, Z, N };
	int cells[N * N] = { 0 };
	cells[a * N + Z] = 1;
	cells[b * N + Z] = 2;
	cells[c * N + Z] = 3;
	cells[X * N + a] = 1;
	cells[X * N + b] = 1;
	cells[Y * N + c] = 1;
	cells[Z * N + a] = 1;
	struct analysis_result res = run(cells, N, 0, 2);
	const struct analysis_variable *v = res.vars;
	ck_assert_double_eq_tol(v[X].influence, 3.0 / 13, EPS);
	ck_assert_uint_eq(v[c].influence_rank, 1);
	ck_assert_uint_eq(v[X].influence_rank, 1);
	ck_assert_uint_eq(v[Y].influence_rank, 1);
	ck_assert_uint_eq(v[b].influence_rank, 4);
	ck_assert_uint_eq(v[a].influence_rank, 5);
	ck_assert_uint_eq(v[Z].influence_rank, 5);
	analysis_free(&res);
}
END_TEST

/* No rating at all (zeros and unrated): power 1, flagged as zero, all
 * sums 0, all buffering, Q 0 and finite, no NaN. */
START_TEST(test_analysis_zero_matrix)
{
	int cells[25];
	for (int i = 0; i < 25; i++)
		cells[i] = i % 3 == 0 ? -1 : 0;
	struct analysis_result res = run(cells, 5, 0, 0);
	ck_assert_int_eq(res.power, 1);
	ck_assert(res.became_zero);
	ck_assert(!res.settled);
	ck_assert_double_eq(res.mean_sum, 0.0);
	/* i % 3 == 0 off the diagonal: 3, 9, 15, 21 (0, 6, 12, 18, 24 are
	 * diagonal) */
	ck_assert_uint_eq(res.unrated, 4);
	for (size_t i = 0; i < 5; i++) {
		const struct analysis_variable *v = &res.vars[i];
		ck_assert_int_eq(v->as, 0);
		ck_assert_int_eq(v->ps, 0);
		ck_assert_double_eq(v->q, 0.0);
		ck_assert(!v->q_infinite);
		ck_assert_double_eq(v->influence, 0.0);
		ck_assert_double_eq(v->dependence, 0.0);
		ck_assert_uint_eq(v->influence_rank, 1);
		ck_assert_int_eq(v->role, ANALYSIS_BUFFERING);
		ck_assert_int_eq(v->indirect_role, ANALYSIS_BUFFERING);
		ck_assert(!v->role_changed);
	}
	analysis_free(&res);
}
END_TEST

/* The chain A -2-> B -1-> C -3-> D (a DAG, longest path 3).
 *   AS (2, 1, 3, 0), PS (0, 2, 1, 3), total 6, mean 1.5
 *   A: PS 0, AS 2: Q infinite; D: AS 0, PS 3: Q 0.
 *   Roles: A active, B reactive, C active, D reactive. */
static const int chain4[16] = {
	0, 2, 0, 0,
	0, 0, 1, 0,
	0, 0, 0, 3,
	0, 0, 0, 0,
};

START_TEST(test_analysis_q_infinite)
{
	struct analysis_result res = run(chain4, 4, 0, 0);
	const struct analysis_variable *v = res.vars;
	ck_assert(v[A].q_infinite);
	ck_assert_double_eq(v[A].q, 0.0);
	ck_assert_int_eq(v[A].p, 0);
	ck_assert(!v[B].q_infinite);
	ck_assert_double_eq(v[B].q, 0.5);
	ck_assert(!v[D].q_infinite);
	ck_assert_double_eq(v[D].q, 0.0);
	ck_assert_int_eq(v[A].role, ANALYSIS_ACTIVE);
	ck_assert_int_eq(v[B].role, ANALYSIS_REACTIVE);
	ck_assert_int_eq(v[C].role, ANALYSIS_ACTIVE);
	ck_assert_int_eq(v[D].role, ANALYSIS_REACTIVE);
	analysis_free(&res);
}
END_TEST

/* The chain again: r1 = (2,1,3,0), r2 = (2*1, 1*3, 0, 0) = (2,3,0,0),
 * r3 = (2*3, 0, 0, 0), r4 = 0.  c1 = (0,2,1,3), c2 = (0,0,2,3),
 * c3 = (0,0,0,6).  So power 3 (the longest path), became_zero, and not
 * settled (a DAG never settles: at each power the variables whose
 * longest path is k-1 drop to 0 and the sinks move up in rank).
 * Influence (1,0,0,0), dependence (0,0,0,1): A active, D reactive,
 * B and C buffering (both changed). */
START_TEST(test_analysis_dag_becomes_zero)
{
	struct analysis_result res = run(chain4, 4, 0, 0);
	const struct analysis_variable *v = res.vars;
	ck_assert_int_eq(res.power, 3);
	ck_assert(res.became_zero);
	ck_assert(!res.settled);
	ck_assert_double_eq(v[A].influence, 1.0);
	ck_assert_double_eq(v[B].influence, 0.0);
	ck_assert_double_eq(v[D].dependence, 1.0);
	ck_assert_double_eq(v[C].dependence, 0.0);
	ck_assert_int_eq(v[A].indirect_role, ANALYSIS_ACTIVE);
	ck_assert_int_eq(v[B].indirect_role, ANALYSIS_BUFFERING);
	ck_assert_int_eq(v[C].indirect_role, ANALYSIS_BUFFERING);
	ck_assert_int_eq(v[D].indirect_role, ANALYSIS_REACTIVE);
	ck_assert(!v[A].role_changed);
	ck_assert(v[B].role_changed);
	ck_assert(v[C].role_changed);
	ck_assert(!v[D].role_changed);
	analysis_free(&res);

	/* A fixed power beyond the longest path stops at it too. */
	res = run(chain4, 4, 0, 5);
	ck_assert_int_eq(res.power, 3);
	ck_assert(res.became_zero);
	analysis_free(&res);

	/* Stopped by max_power before the end: r2 = (2,3,0,0)/5. */
	res = run(chain4, 4, 2, 0);
	ck_assert_int_eq(res.power, 2);
	ck_assert(!res.became_zero);
	ck_assert(!res.settled);
	ck_assert_double_eq_tol(res.vars[B].influence, 0.6, EPS);
	analysis_free(&res);
}
END_TEST

/* A -3-> B, B -1-> A.  M² = 3I, so r_k = 3^(k/2) (1, 1) for even k and
 * 3^((k-1)/2) (3, 1) for odd k: the ranking flips between "A above B"
 * and "tie" for ever.  Direct: AS (3,1), PS (1,3), mean 2: A active,
 * B reactive.
 *   default (max 12): power 12 (even), influence = dependence = (1/2, 1/2),
 *     exactly the mean: both buffering, both changed.
 *   max_power 7: influence (3/4, 1/4), dependence (1/4, 3/4): roles kept. */
START_TEST(test_analysis_cycle_oscillates)
{
	static const int cells[4] = { 0, 3, 1, 0 };
	struct analysis_result res = run(cells, 2, 0, 0);
	ck_assert_int_eq(res.power, 12);
	ck_assert(!res.settled);
	ck_assert(!res.became_zero);
	ck_assert_double_eq_tol(res.vars[A].influence, 0.5, EPS);
	ck_assert_double_eq_tol(res.vars[B].dependence, 0.5, EPS);
	ck_assert_uint_eq(res.vars[A].influence_rank, 1);
	ck_assert_uint_eq(res.vars[B].influence_rank, 1);
	ck_assert_int_eq(res.vars[A].indirect_role, ANALYSIS_BUFFERING);
	ck_assert_int_eq(res.vars[B].indirect_role, ANALYSIS_BUFFERING);
	ck_assert(res.vars[A].role_changed);
	ck_assert(res.vars[B].role_changed);
	analysis_free(&res);

	res = run(cells, 2, 7, 0);
	ck_assert_int_eq(res.power, 7);
	ck_assert(!res.settled);
	ck_assert_double_eq_tol(res.vars[A].influence, 0.75, EPS);
	ck_assert_double_eq_tol(res.vars[A].dependence, 0.25, EPS);
	ck_assert_int_eq(res.vars[A].indirect_role, ANALYSIS_ACTIVE);
	ck_assert_int_eq(res.vars[B].indirect_role, ANALYSIS_REACTIVE);
	ck_assert(!res.vars[A].role_changed);
	analysis_free(&res);
}
END_TEST

/* 50x50, every cell 3: every row and column of M^k is alike, so each
 * influence is 1/50, exactly the mean: all buffering (the tolerance
 * absorbs 50 * fl(1/50) != 1), one shared rank.  Power 12 would be
 * 3^12 * 49^12 ~ 1e26 unscaled; power 1000 (the clamp) ~ 1e2167. */
START_TEST(test_analysis_normalisation)
{
	enum { N = 50 };
	static int cells[N * N];
	for (size_t i = 0; i < N * N; i++)
		cells[i] = 3;
	struct analysis_result res = run(cells, N, 0, 12);
	ck_assert_int_eq(res.power, 12);
	ck_assert(res.settled);
	assert_sums_to_one(&res);
	for (size_t i = 0; i < N; i++) {
		ck_assert_double_eq_tol(res.vars[i].influence, 1.0 / N, EPS);
		ck_assert_uint_eq(res.vars[i].influence_rank, 1);
		ck_assert_int_eq(res.vars[i].role, ANALYSIS_BUFFERING);
		ck_assert_int_eq(res.vars[i].indirect_role, ANALYSIS_BUFFERING);
	}
	analysis_free(&res);

	res = run(cells, N, 0, 0);
	ck_assert_int_eq(res.power, 2);  /* all tied at k = 1 and 2 */
	ck_assert(res.settled);
	analysis_free(&res);

	res = run(cells, N, 0, 1000000);
	ck_assert_int_eq(res.power, ANALYSIS_POWER_LIMIT);
	assert_sums_to_one(&res);
	analysis_free(&res);
}
END_TEST

/* Ratings far outside any scale must not overflow: with every cell
 * INT_MAX, AS = PS = 49 * INT_MAX, P saturates, Q = 1, and the powers
 * stay finite. */
START_TEST(test_analysis_huge_values)
{
	enum { N = 50 };
	static int cells[N * N];
	for (size_t i = 0; i < N * N; i++)
		cells[i] = INT_MAX;
	struct analysis_result res = run(cells, N, 0, 12);
	long long as = 49LL * INT_MAX;
	ck_assert(res.vars[0].as == (as > LONG_MAX ? LONG_MAX : (long)as));
	ck_assert(res.vars[0].p == LONG_MAX);
	ck_assert_double_eq(res.vars[0].q, 1.0);
	ck_assert_double_eq(res.mean_sum, (double)as);
	assert_sums_to_one(&res);
	analysis_free(&res);
}
END_TEST

/* Unrated cells (any negative, INT_MIN too) count as 0 but are counted;
 * the diagonal is never counted.  The same matrix with 0 in their place
 * gives the same figures. */
START_TEST(test_analysis_unrated)
{
	static const int rated[9] = {
		-1, 2, 0,
		 0, 5, 3,
		 1, 0, -1,
	};
	static const int unrated[9] = {
		-1, 2, -1,
		INT_MIN, 5, 3,
		 1, -7, -1,
	};
	struct analysis_result a = run(rated, 3, 0, 0);
	struct analysis_result b = run(unrated, 3, 0, 0);
	ck_assert_uint_eq(a.unrated, 0);
	ck_assert_uint_eq(b.unrated, 3);
	ck_assert_int_eq(a.power, b.power);
	for (size_t i = 0; i < 3; i++) {
		ck_assert_int_eq(a.vars[i].as, b.vars[i].as);
		ck_assert_int_eq(a.vars[i].ps, b.vars[i].ps);
		ck_assert_int_eq(a.vars[i].role, b.vars[i].role);
		ck_assert_double_eq(a.vars[i].influence, b.vars[i].influence);
		ck_assert_double_eq(a.vars[i].dependence, b.vars[i].dependence);
	}
	/* The diagonal 5 is ignored: B's AS is 0 + 3. */
	ck_assert_int_eq(b.vars[B].as, 3);
	analysis_free(&a);
	analysis_free(&b);
}
END_TEST

/* Both multiplications against a 2x2 by hand, then against each other on
 * a random 37x37 matrix:  (1 2; 3 4)(5 6; 7 8) = (19 22; 43 50). */
START_TEST(test_analysis_multiply_agree)
{
	static const double a2[4] = { 1, 2, 3, 4 }, b2[4] = { 5, 6, 7, 8 };
	double p2[4];
	analysis_multiply(a2, b2, p2, 2);
	ck_assert_double_eq(p2[0], 19);
	ck_assert_double_eq(p2[1], 22);
	ck_assert_double_eq(p2[2], 43);
	ck_assert_double_eq(p2[3], 50);
	analysis_multiply_naive(a2, b2, p2, 2);
	ck_assert_double_eq(p2[0], 19);
	ck_assert_double_eq(p2[3], 50);

	enum { N = 37 };
	static double a[N * N], b[N * N], fast[N * N], naive[N * N];
	uint64_t seed = 42;
	for (size_t i = 0; i < N * N; i++) {
		a[i] = (lcg_next(&seed) % 1000) / 100.0;
		b[i] = (lcg_next(&seed) % 1000) / 100.0;
	}
	analysis_multiply(a, b, fast, N);
	analysis_multiply_naive(a, b, naive, N);
	for (size_t i = 0; i < N * N; i++)
		ck_assert_double_eq_tol(fast[i], naive[i], 1e-9 * naive[i] + EPS);
}
END_TEST

/* The shipped run (vectors, O(n²) per power) against the definition:
 * row and column sums of M^k computed with full matrix products, on a
 * random 30x30 matrix with unrated cells, k = 1..8. */
START_TEST(test_analysis_matches_matrix_powers)
{
	enum { N = 30 };
	static int cells[N * N];
	static double m[N * N], p[N * N], q[N * N];
	uint64_t seed = 7;
	for (size_t i = 0; i < N * N; i++) {
		unsigned r = lcg_next(&seed) % 10;
		cells[i] = r == 9 ? -1 : (int)(r % 4);
	}
	for (size_t i = 0; i < N; i++)
		for (size_t j = 0; j < N; j++) {
			int v = cells[i * N + j];
			m[i * N + j] = p[i * N + j] = i == j || v < 0 ? 0.0 : v;
		}
	for (int k = 1; k <= 8; k++) {
		if (k > 1) {
			analysis_multiply(p, m, q, N);
			for (size_t i = 0; i < N * N; i++)
				p[i] = q[i];
		}
		double row[N] = { 0 }, col[N] = { 0 }, total = 0.0;
		for (size_t i = 0; i < N; i++)
			for (size_t j = 0; j < N; j++) {
				row[i] += p[i * N + j];
				col[j] += p[i * N + j];
				total += p[i * N + j];
			}
		struct analysis_result res = run(cells, N, 0, k);
		ck_assert_int_eq(res.power, k);
		for (size_t i = 0; i < N; i++) {
			ck_assert_double_eq_tol(res.vars[i].influence,
				row[i] / total, 1e-12);
			ck_assert_double_eq_tol(res.vars[i].dependence,
				col[i] / total, 1e-12);
		}
		analysis_free(&res);
	}
}
END_TEST

START_TEST(test_analysis_small_and_bad_input)
{
	struct analysis_result res;
	ck_assert_int_eq(analysis_run(NULL, 0, NULL, &res), STATUS_OK);
	ck_assert_uint_eq(res.n, 0);
	ck_assert_ptr_null(res.vars);
	ck_assert_int_eq(res.power, 0);
	analysis_free(&res);

	static const int one[1] = { 3 };  /* only a diagonal: nothing rated */
	ck_assert_int_eq(analysis_run(one, 1, NULL, &res), STATUS_OK);
	ck_assert_int_eq(res.power, 1);
	ck_assert(res.became_zero);
	ck_assert_int_eq(res.vars[0].as, 0);
	ck_assert_int_eq(res.vars[0].role, ANALYSIS_BUFFERING);
	ck_assert_int_eq(res.vars[0].indirect_role, ANALYSIS_BUFFERING);
	analysis_free(&res);
	analysis_free(&res);  /* twice is safe */
	analysis_free(NULL);

	ck_assert_int_eq(analysis_run(one, 1, NULL, NULL), STATUS_INVALID);
	ck_assert_int_eq(analysis_run(NULL, 2, NULL, &res), STATUS_INVALID);
	ck_assert_ptr_null(res.vars);
	ck_assert_int_eq(analysis_run(one, (size_t)ANALYSIS_MAX_N + 1, NULL,
		&res), STATUS_NOMEM);
	ck_assert_ptr_null(res.vars);
}
END_TEST

START_TEST(test_analysis_role_names)
{
	ck_assert_str_eq(analysis_role_name(ANALYSIS_ACTIVE), "active");
	ck_assert_str_eq(analysis_role_name(ANALYSIS_REACTIVE), "reactive");
	ck_assert_str_eq(analysis_role_name(ANALYSIS_CRITICAL), "critical");
	ck_assert_str_eq(analysis_role_name(ANALYSIS_BUFFERING), "buffering");
	ck_assert_str_eq(analysis_role_name((enum analysis_role)99), "?");
}
END_TEST

extern Suite *analysis_suite(void);
Suite *analysis_suite(void)
{
	Suite *s = suite_create("analysis");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, test_analysis_hand_direct);
	tcase_add_test(tc, test_analysis_hand_indirect);
	tcase_add_test(tc, test_analysis_fixed_power);
	tcase_add_test(tc, test_analysis_ties_at_mean);
	tcase_add_test(tc, test_analysis_rank_tolerance);
	tcase_add_test(tc, test_analysis_zero_matrix);
	tcase_add_test(tc, test_analysis_q_infinite);
	tcase_add_test(tc, test_analysis_dag_becomes_zero);
	tcase_add_test(tc, test_analysis_cycle_oscillates);
	tcase_add_test(tc, test_analysis_normalisation);
	tcase_add_test(tc, test_analysis_huge_values);
	tcase_add_test(tc, test_analysis_unrated);
	tcase_add_test(tc, test_analysis_multiply_agree);
	tcase_add_test(tc, test_analysis_matches_matrix_powers);
	tcase_add_test(tc, test_analysis_small_and_bad_input);
	tcase_add_test(tc, test_analysis_role_names);
	suite_add_tcase(s, tc);
	return s;
}

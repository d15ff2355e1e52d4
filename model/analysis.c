#include "model/analysis.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "util/i18n.h"

/* The size_t arrays follow the doubles in one block. */
_Static_assert(sizeof(double) % _Alignof(size_t) == 0,
	"size_t arrays must be aligned after the doubles");
_Static_assert(sizeof(long long) == sizeof(double),
	"the long long arrays share the doubles' alignment");

const char *analysis_role_label(enum analysis_role role)
{
	switch (role) {
	case ANALYSIS_ACTIVE:    return _("active");
	case ANALYSIS_REACTIVE:  return _("reactive");
	case ANALYSIS_CRITICAL:  return _("critical");
	case ANALYSIS_BUFFERING: return _("buffering");
	}
	return "?";
}

const char *analysis_role_name(enum analysis_role role)
{
	switch (role) {
	case ANALYSIS_ACTIVE:    return "active";
	case ANALYSIS_REACTIVE:  return "reactive";
	case ANALYSIS_CRITICAL:  return "critical";
	case ANALYSIS_BUFFERING: return "buffering";
	}
	return "?";
}

/* Everything a run needs beside its result, carved out of one block. */
struct work {
	void *block;
	double *m;                      /* n*n: ratings, unrated and diagonal 0 */
	double *infl, *dep;             /* sums at the current power, sum 1 */
	double *infl_next, *dep_next;
	long long *as, *ps;             /* exact direct sums */
	size_t *infl_rank, *dep_rank;   /* rankings at the current power */
	size_t *infl_rank_prev, *dep_rank_prev;
	size_t *indeg, *depth, *queue;  /* topological sort */
};

static bool size_mul(size_t a, size_t b, size_t *out)
{
	if (b != 0 && a > SIZE_MAX / b)
		return false;
	*out = a * b;
	return true;
}

static bool size_add(size_t a, size_t b, size_t *out)
{
	if (a > SIZE_MAX - b)
		return false;
	*out = a + b;
	return true;
}

static bool work_alloc(struct work *w, size_t n)
{
	enum { N_VECTORS = 6, N_INDEXES = 7 };  /* n-sized arrays of each kind */
	size_t cells, eights, eight_bytes, index_bytes, bytes;
	if (!size_mul(n, n, &cells)
	    || !size_add(cells, N_VECTORS * n, &eights)
	    || !size_mul(eights, sizeof(double), &eight_bytes)
	    || !size_mul(N_INDEXES * n, sizeof(size_t), &index_bytes)
	    || !size_add(eight_bytes, index_bytes, &bytes))
		return false;
	char *p = malloc(bytes);
	if (!p)
		return false;
	w->block = p;
	w->m = (double *)p;
	w->infl = w->m + cells;
	w->dep = w->infl + n;
	w->infl_next = w->dep + n;
	w->dep_next = w->infl_next + n;
	w->as = (long long *)(w->dep_next + n);
	w->ps = w->as + n;
	w->infl_rank = (size_t *)(w->ps + n);
	w->dep_rank = w->infl_rank + n;
	w->infl_rank_prev = w->dep_rank + n;
	w->dep_rank_prev = w->infl_rank_prev + n;
	w->indeg = w->dep_rank_prev + n;
	w->depth = w->indeg + n;
	w->queue = w->depth + n;
	return true;
}

static long saturate_long(long long v)
{
	return v > LONG_MAX ? LONG_MAX : (long)v;
}

static enum analysis_role role_of(bool high_influence, bool high_dependence)
{
	if (high_influence)
		return high_dependence ? ANALYSIS_CRITICAL : ANALYSIS_ACTIVE;
	return high_dependence ? ANALYSIS_REACTIVE : ANALYSIS_BUFFERING;
}

/* Fills w->m, w->as, w->ps and the direct figures; returns the total of
 * all ratings.  With n <= ANALYSIS_MAX_N no sum and no AS*n can exceed
 * n * n * INT_MAX < 2^63. */
static long long direct_sums(const int *cells, size_t n, struct work *w,
	struct analysis_variable *vars, size_t *unrated)
{
	long long total = 0;
	*unrated = 0;
	for (size_t j = 0; j < n; j++)
		w->ps[j] = 0;
	for (size_t i = 0; i < n; i++) {
		long long as = 0;
		for (size_t j = 0; j < n; j++) {
			int v = cells[i * n + j];
			double *m = &w->m[i * n + j];
			*m = 0.0;
			if (i == j)
				continue;
			if (v < 0) {
				(*unrated)++;
				continue;
			}
			*m = (double)v;
			as += v;
			w->ps[j] += v;
		}
		w->as[i] = as;
		total += as;
	}
	for (size_t i = 0; i < n; i++) {
		long long as = w->as[i], ps = w->ps[i];
		long long p = as != 0 && ps > LLONG_MAX / as ? LLONG_MAX : as * ps;
		struct analysis_variable *var = &vars[i];
		var->as = saturate_long(as);
		var->ps = saturate_long(ps);
		var->p = saturate_long(p);
		var->q_infinite = ps == 0 && as > 0;
		var->q = ps > 0 ? (double)as / (double)ps : 0.0;
		/* Exact: a sum equal to the mean is "at or below". */
		var->role = role_of(as * (long long)n > total,
			ps * (long long)n > total);
	}
	return total;
}

/* The longest path (in edges) of the graph of positive cells, by Kahn's
 * topological sort; false when the graph has a cycle.  M^k is zero
 * exactly when k exceeds it, which no float test could tell for sure. */
static bool longest_path(const double *m, size_t n, struct work *w,
	size_t *longest)
{
	size_t head = 0, tail = 0;
	for (size_t j = 0; j < n; j++) {
		w->indeg[j] = 0;
		w->depth[j] = 0;
	}
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			w->indeg[j] += m[i * n + j] > 0.0;
	for (size_t j = 0; j < n; j++)
		if (w->indeg[j] == 0)
			w->queue[tail++] = j;
	*longest = 0;
	while (head < tail) {
		size_t u = w->queue[head++];
		if (w->depth[u] > *longest)
			*longest = w->depth[u];
		for (size_t v = 0; v < n; v++) {
			if (!(m[u * n + v] > 0.0))
				continue;
			if (w->depth[u] + 1 > w->depth[v])
				w->depth[v] = w->depth[u] + 1;
			if (--w->indeg[v] == 0)
				w->queue[tail++] = v;
		}
	}
	return head == n;
}

/* Scales V to sum 1.  Returns false and leaves V as it is when the sum is
 * 0 or not finite (only float underflow can cause that on a matrix that
 * longest_path() calls nonzero). */
static bool vector_normalise(double *v, size_t n)
{
	double sum = 0.0;
	for (size_t i = 0; i < n; i++)
		sum += v[i];
	if (!(sum > 0.0) || !isfinite(sum))
		return false;
	for (size_t i = 0; i < n; i++)
		v[i] /= sum;
	return true;
}

/* Rank = 1 + the number of values above V[i] by more than the tolerance
 * relative to the larger one (values are >= 0, so for V[j] > V[i] that
 * is V[j] * (1 - tol) > V[i]).  O(n²) but allocation-free, and small
 * beside a power step. */
static void vector_rank(const double *v, size_t n, size_t *rank)
{
	for (size_t i = 0; i < n; i++) {
		size_t above = 0;
		for (size_t j = 0; j < n; j++)
			above += v[j] * (1.0 - ANALYSIS_TOLERANCE) > v[i];
		rank[i] = 1 + above;
	}
}

/* One power further: INFL_NEXT = M · INFL (row sums of M^k from those of
 * M^(k-1)) and DEP_NEXT = DEP · M (column sums), in one row-wise pass. */
static void power_step(const double *m, size_t n, const double *infl,
	const double *dep, double *infl_next, double *dep_next)
{
	for (size_t j = 0; j < n; j++)
		dep_next[j] = 0.0;
	for (size_t i = 0; i < n; i++) {
		const double *row = m + i * n;
		double di = dep[i], s = 0.0;
		for (size_t j = 0; j < n; j++) {
			s += row[j] * infl[j];
			dep_next[j] += di * row[j];
		}
		infl_next[i] = s;
	}
}

static void swap_doubles(double **a, double **b)
{
	double *t = *a;
	*a = *b;
	*b = t;
}

static void swap_sizes(size_t **a, size_t **b)
{
	size_t *t = *a;
	*a = *b;
	*b = t;
}

static bool ranks_equal(const size_t *a, const size_t *b, size_t n)
{
	return memcmp(a, b, n * sizeof *a) == 0;
}

/* Raises powers as the options say; leaves the reported vectors and
 * rankings in w->infl, w->dep, w->infl_rank, w->dep_rank. */
static void indirect_sums(size_t n, const struct analysis_options *opt,
	struct work *w, struct analysis_result *out)
{
	int max_power = ANALYSIS_DEFAULT_MAX_POWER, fixed = 0;
	if (opt && opt->max_power > 0)
		max_power = opt->max_power < ANALYSIS_POWER_LIMIT
			? opt->max_power : ANALYSIS_POWER_LIMIT;
	if (opt && opt->fixed_power > 0)
		fixed = opt->fixed_power < ANALYSIS_POWER_LIMIT
			? opt->fixed_power : ANALYSIS_POWER_LIMIT;
	int last = fixed ? fixed : max_power;

	size_t longest;
	bool acyclic = longest_path(w->m, n, w, &longest);
	if (acyclic && longest < (size_t)last)
		last = (int)longest;

	/* Power 1: the direct sums, exact in doubles (below 2^53). */
	for (size_t i = 0; i < n; i++) {
		w->infl[i] = (double)w->as[i];
		w->dep[i] = (double)w->ps[i];
	}
	out->power = 1;
	out->settled = false;
	if (acyclic && longest == 0) {
		/* No positive cell: M itself is zero; report zeros, not NaN. */
		for (size_t i = 0; i < n; i++)
			w->infl[i] = w->dep[i] = 0.0;
		vector_rank(w->infl, n, w->infl_rank);
		vector_rank(w->dep, n, w->dep_rank);
		out->became_zero = true;
		return;
	}
	vector_normalise(w->infl, n);
	vector_normalise(w->dep, n);
	vector_rank(w->infl, n, w->infl_rank);
	vector_rank(w->dep, n, w->dep_rank);

	while (out->power < last) {
		power_step(w->m, n, w->infl, w->dep, w->infl_next, w->dep_next);
		if (!vector_normalise(w->infl_next, n)
		    || !vector_normalise(w->dep_next, n))
			break;  /* underflow: keep the last power we could represent */
		swap_doubles(&w->infl, &w->infl_next);
		swap_doubles(&w->dep, &w->dep_next);
		swap_sizes(&w->infl_rank, &w->infl_rank_prev);
		swap_sizes(&w->dep_rank, &w->dep_rank_prev);
		vector_rank(w->infl, n, w->infl_rank);
		vector_rank(w->dep, n, w->dep_rank);
		out->power++;
		out->settled = ranks_equal(w->infl_rank, w->infl_rank_prev, n)
			&& ranks_equal(w->dep_rank, w->dep_rank_prev, n);
		if (out->settled && !fixed)
			break;
	}
	out->became_zero = acyclic && (size_t)out->power == longest;
}

enum status analysis_run(const int *cells, size_t n,
	const struct analysis_options *opt, struct analysis_result *out)
{
	if (!out)
		return STATUS_INVALID;
	*out = (struct analysis_result){ 0 };
	if (n > 0 && !cells)
		return STATUS_INVALID;
	if (n > ANALYSIS_MAX_N)
		return STATUS_NOMEM;
	if (n == 0) {
		out->became_zero = true;  /* the empty matrix is a zero matrix */
		return STATUS_OK;
	}

	struct analysis_variable *vars = calloc(n, sizeof *vars);
	struct work w;
	if (!vars || !work_alloc(&w, n)) {
		free(vars);
		return STATUS_NOMEM;
	}

	long long total = direct_sums(cells, n, &w, vars, &out->unrated);
	out->mean_sum = (double)total / (double)n;
	indirect_sums(n, opt, &w, out);

	/* Above the mean 1/n means value * n > 1 beyond the tolerance; an
	 * all-zero vector stays at or below. */
	const double above = 1.0 + ANALYSIS_TOLERANCE;
	for (size_t i = 0; i < n; i++) {
		struct analysis_variable *var = &vars[i];
		var->influence = w.infl[i];
		var->dependence = w.dep[i];
		var->influence_rank = w.infl_rank[i];
		var->dependence_rank = w.dep_rank[i];
		var->indirect_role = role_of(w.infl[i] * (double)n > above,
			w.dep[i] * (double)n > above);
		var->role_changed = var->indirect_role != var->role;
	}
	free(w.block);

	out->n = n;
	out->vars = vars;
	return STATUS_OK;
}

void analysis_free(struct analysis_result *result)
{
	if (!result)
		return;
	free(result->vars);
	*result = (struct analysis_result){ 0 };
}

void analysis_multiply(const double *restrict a, const double *restrict b,
	double *restrict product, size_t n)
{
	/* i-k-j: the inner loop walks rows of B and of PRODUCT contiguously
	 * instead of striding down a column of B.  Four rows of B per pass
	 * halve the loads and stores of the PRODUCT row (-O2 does not
	 * vectorise this loop, so the saved memory traffic is the gain). */
	for (size_t i = 0; i < n; i++) {
		const double *arow = a + i * n;
		double *out = product + i * n;
		size_t k = 0;
		for (size_t j = 0; j < n; j++)
			out[j] = 0.0;
		for (; k + 4 <= n; k += 4) {
			double a0 = arow[k], a1 = arow[k + 1];
			double a2 = arow[k + 2], a3 = arow[k + 3];
			const double *b0 = b + k * n, *b1 = b0 + n;
			const double *b2 = b1 + n, *b3 = b2 + n;
			for (size_t j = 0; j < n; j++)
				out[j] += a0 * b0[j] + a1 * b1[j] + a2 * b2[j]
					+ a3 * b3[j];
		}
		for (; k < n; k++) {
			double aik = arow[k];
			const double *brow = b + k * n;
			for (size_t j = 0; j < n; j++)
				out[j] += aik * brow[j];
		}
	}
}

void analysis_multiply_naive(const double *restrict a,
	const double *restrict b, double *restrict product, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			double s = 0.0;
			for (size_t k = 0; k < n; k++)
				s += a[i * n + k] * b[k * n + j];
			product[i * n + j] = s;
		}
}

/* Times analysis_run() on deterministic pseudo-random 200x200 and
 * 1000x1000 impact matrices (ratings 0..3, about 10 % unrated) at fixed
 * power 12, and beside it one run of the same 12 powers done the
 * textbook way, as full matrix products: with the shipped i-k-j
 * analysis_multiply() and with the naive i-j-k loop.  Both must agree
 * with analysis_run(); the program fails when they do not. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model/analysis.h"

enum { POWER = 12 };

typedef void multiply_fn(const double *, const double *, double *, size_t);

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int *matrix_make(size_t n, uint64_t seed)
{
	int *cells = malloc(n * n * sizeof *cells);
	if (!cells)
		return NULL;
	for (size_t i = 0; i < n * n; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		unsigned r = (unsigned)(seed >> 33) % 10;
		cells[i] = r == 9 ? -1 : (int)(r % 4);
	}
	return cells;
}

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Row sums of M^POWER scaled to sum 1 into INFL, through full matrix
 * products rescaled at every step; returns the time in ms (setup
 * included, as in analysis_run()), or -1 when memory runs out. */
static double matrix_powers(const int *cells, size_t n, multiply_fn *mul,
	double *infl)
{
	double start = now_ms();
	double *m = malloc(3 * n * n * sizeof *m);
	if (!m)
		return -1.0;
	double *p = m + n * n, *q = p + n * n;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int v = cells[i * n + j];
			m[i * n + j] = i == j || v < 0 ? 0.0 : v;
		}
	memcpy(p, m, n * n * sizeof *p);
	for (int k = 2; k <= POWER; k++) {
		mul(p, m, q, n);
		double total = 0.0;
		for (size_t i = 0; i < n * n; i++)
			total += q[i];
		for (size_t i = 0; i < n * n; i++)
			q[i] /= total;
		double *t = p;
		p = q;
		q = t;
	}
	double total = 0.0;
	for (size_t i = 0; i < n; i++) {
		infl[i] = 0.0;
		for (size_t j = 0; j < n; j++)
			infl[i] += p[i * n + j];
		total += infl[i];
	}
	for (size_t i = 0; i < n; i++)
		infl[i] /= total;
	free(m);
	return now_ms() - start;
}

static double max_difference(const double *infl,
	const struct analysis_result *res)
{
	double worst = 0.0;
	for (size_t i = 0; i < res->n; i++)
		worst = fmax(worst, fabs(infl[i] - res->vars[i].influence));
	return worst;
}

static int bench(size_t n, int runs)
{
	int *cells = matrix_make(n, n);
	double *times = malloc(runs * sizeof *times);
	double *infl = malloc(n * sizeof *infl);
	struct analysis_options opt = { 0, POWER };
	struct analysis_result res = { 0 };
	int rc = 1;
	if (!cells || !times || !infl)
		goto cleanup;

	for (int r = 0; r < runs; r++) {
		analysis_free(&res);
		double start = now_ms();
		if (analysis_run(cells, n, &opt, &res) != STATUS_OK)
			goto cleanup;
		times[r] = now_ms() - start;
	}
	qsort(times, runs, sizeof *times, compare_doubles);

	double ikj = matrix_powers(cells, n, analysis_multiply, infl);
	double ikj_diff = max_difference(infl, &res);
	double naive = matrix_powers(cells, n, analysis_multiply_naive, infl);
	double naive_diff = max_difference(infl, &res);
	if (ikj < 0 || naive < 0)
		goto cleanup;

	printf("analysis %zux%zu power %d: median %.2f ms, worst %.2f ms "
		"(%d runs; as matrix products: i-k-j %.1f ms, naive loop %.1f ms)\n",
		n, n, res.power, times[runs / 2], times[runs - 1], runs, ikj, naive);
	if (ikj_diff > 1e-12 || naive_diff > 1e-12) {
		fprintf(stderr, "matrix products disagree: %g, %g\n",
			ikj_diff, naive_diff);
		goto cleanup;
	}
	rc = 0;
cleanup:
	if (rc != 0)
		fprintf(stderr, "bench_analysis %zux%zu failed\n", n, n);
	analysis_free(&res);
	free(infl);
	free(times);
	free(cells);
	return rc;
}

int main(void)
{
	if (bench(200, 51) != 0 || bench(1000, 11) != 0)
		return EXIT_FAILURE;
	return EXIT_SUCCESS;
}

/* suggest.c: "did you mean" for misspelt keys and values. */
#include <string.h>
#include <strings.h>

#include "case_internal.h"

/* Longer words are not typos of our vocabulary (the longest rule-base ids
 * are about 90 characters); skipping them also bounds the work on hostile
 * input. */
#define WORD_MAX 128

/* Edit distance counting a swap of two neighbours as one edit (optimal
 * string alignment): "yse" is one edit from "yes". Three rows. */
static size_t distance(const char *a, size_t m, const char *b, size_t n)
{
	size_t row[3][WORD_MAX + 1];
	size_t i, j, cost, best;

	for (j = 0; j <= n; j++)
		row[0][j] = j;
	for (i = 1; i <= m; i++) {
		size_t *prev = row[(i - 1) % 3], *cur = row[i % 3];
		size_t *before = row[(i + 1) % 3]; /* row i - 2 */

		cur[0] = i;
		for (j = 1; j <= n; j++) {
			cost = a[i - 1] == b[j - 1] ? 0 : 1;
			best = prev[j - 1] + cost;
			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    before[j - 2] + 1 < best)
				best = before[j - 2] + 1;
			cur[j] = best;
		}
	}
	return row[m % 3][n];
}

const char *onco_suggest(const char *given, const char *const *candidates)
{
	const char *best = NULL;
	size_t m = strlen(given), n, d, best_distance = (size_t)-1;

	if (m == 0 || m > WORD_MAX)
		return NULL;
	for (; *candidates != NULL; candidates++) {
		/* "pd-l1" for "PD-L1", "Radiation" for "radiation" */
		if (strcasecmp(given, *candidates) == 0)
			return *candidates;
		n = strlen(*candidates);
		if (n > WORD_MAX)
			continue;
		d = distance(given, m, *candidates, n);
		if (d < best_distance) {
			best_distance = d;
			best = *candidates;
		}
	}
	/* Close: two edits at most (one more per ten characters past twenty,
	 * for long rule-base ids), and fewer than half the word, so that "ct"
	 * is not offered for "mr". */
	n = best != NULL ? strlen(best) : 0;
	if (best != NULL && best_distance <= (n > 20 ? 2 + (n - 20) / 10 : 2) &&
	    best_distance * 2 < n)
		return best;
	return NULL;
}

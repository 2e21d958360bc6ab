/*
 * fhir_drug.c: which drug of our list a medication name means.
 *
 * A name ("10 ML Doxorubicin Hydrochloride 2 MG/ML Injection", "leuprolide
 * Injectable Product", "Herceptin") is cut into lowercase words (anything
 * that is not a letter or digit separates words, so "5-FU" is "5 fu" and
 * "trastuzumab-anns" is "trastuzumab anns"). At each word the longest known
 * name that starts there is taken: each drug of the list by its own name
 * (hyphens as spaces) and the other names the source documents give it,
 * from the one table of them (facts/near_miss.c, the rows whose value is a
 * drug; docs/case-format.md, Near misses). The name
 * means a drug when it names exactly one drug and no word is left that
 * makes it another drug (rows FK_DRUG_MODIFIER: "paclitaxel albumin-bound",
 * "trastuzumab deruxtecan", "doxorubicin liposome" are not the plain drug,
 * and not a drug of the list). A word that says the drug is not given
 * (rows FK_DRUG_NEGATION: "no bevacizumab", "bevacizumab (held)") makes
 * the name not understood: it is listed, never read as the drug taken. A
 * word longer than any known name's word names nothing; a name of more
 * than WORDS_MAX words is too long to judge.
 */
#include <string.h>

#include "../vocabulary.h"
#include "fhir_internal.h"

#define WORDS_MAX 64
#define WORD_MAX 48

typedef struct words {
	char w[WORDS_MAX][WORD_MAX + 1];
	size_t n;
	bool overflow; /* too many or too long words to judge */
} words;

static bool alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static void split(const char *s, words *out)
{
	size_t len;

	out->n = 0;
	out->overflow = false;
	while (*s != '\0') {
		while (*s != '\0' && !alnum(*s))
			s++;
		if (*s == '\0')
			break;
		for (len = 0; alnum(s[len]); len++)
			;
		if (out->n == WORDS_MAX) {
			out->overflow = true;
			return;
		}
		if (len > WORD_MAX) {
			/* longer than any known name's word: a word that names
			 * nothing (kept empty, which matches no known word) */
			out->w[out->n++][0] = '\0';
			s += len;
			continue;
		}
		for (size_t i = 0; i < len; i++)
			out->w[out->n][i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
		out->w[out->n][len] = '\0';
		out->n++;
		s += len;
	}
}

/* How many words of `name` match `known` (a known name, split) from word
 * `at`; 0 when it does not start there. */
static size_t match_at(const words *name, size_t at, const words *known)
{
	size_t i;

	if (known->n == 0 || at + known->n > name->n)
		return 0;
	for (i = 0; i < known->n; i++)
		if (strcmp(name->w[at + i], known->w[i]) != 0)
			return 0;
	return known->n;
}

/* The longest known name at word `at`: its length and drug. */
static size_t longest_at(const words *name, size_t at, const char **drug)
{
	const char *const *drugs, *const *row;
	size_t count, i, best = 0, n;
	words known;

	drugs = onco_vocabulary_drugs(&count);
	for (i = 0; i < count; i++) {
		split(drugs[i], &known);
		n = match_at(name, at, &known);
		if (n > best) {
			best = n;
			*drug = drugs[i];
		}
	}
	for (i = 0; (row = onco_vocabulary_near_miss_row(i)) != NULL; i++) {
		if (!onco_vocabulary_allows(drugs, row[1]))
			continue; /* a stage, a sex, a kind of treatment */
		split(row[0], &known);
		n = match_at(name, at, &known);
		if (n > best) {
			best = n;
			*drug = row[1];
		}
	}
	return best;
}

static bool modifier(const char *word)
{
	return fhir_map_find(FK_DRUG_MODIFIER, "word", word) != NULL;
}

static bool negation(const char *word)
{
	return fhir_map_find(FK_DRUG_NEGATION, "word", word) != NULL;
}

const char *fhir_drug_by_name(const char *name, int *ambiguous)
{
	words w;
	bool covered[WORDS_MAX] = { false };
	const char *found = NULL, *drug = NULL;
	size_t i, n, j;

	*ambiguous = 0;
	split(name, &w);
	if (w.overflow) {
		*ambiguous = 3; /* too many words to judge */
		return NULL;
	}
	for (i = 0; i < w.n;) {
		n = longest_at(&w, i, &drug);
		if (n == 0) {
			i++;
			continue;
		}
		if (found != NULL && strcmp(found, drug) != 0) {
			*ambiguous = 1; /* two drugs in one name */
			return NULL;
		}
		found = drug;
		for (j = i; j < i + n; j++)
			covered[j] = true;
		i += n;
	}
	for (i = 0; i < w.n; i++)
		if (!covered[i] && negation(w.w[i])) {
			*ambiguous = 4; /* "no bevacizumab", "bevacizumab (held)" */
			return NULL;
		}
	if (found == NULL)
		return NULL;
	for (i = 0; i < w.n; i++)
		if (!covered[i] && modifier(w.w[i])) {
			*ambiguous = 2; /* another drug, built on one of ours */
			return NULL;
		}
	return found;
}

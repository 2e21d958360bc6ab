/*
 * near_miss.c: what a case author most likely meant by a value the
 * vocabulary does not have (onco_vocabulary_near_miss in vocabulary.h).
 *
 * One table, one row per name people type: stage groups written with
 * digits, sex as a letter, short names of treatment types, and the
 * abbreviations and brand names of drugs that the five source documents
 * themselves give (rules/sources/: "fluorouracil (Adrucil, 5-FU)",
 * "trastuzumab emtansine (Kadcyla or T-DM1)", ...). A row only ever
 * suggests: the case is still refused until the author writes the value.
 * docs/case-format.md ("Near misses") lists the same rows; a unit test
 * keeps the two equal.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "vocabulary.h"

static const char *const rows[][2] = {
	/* stage groups at diagnosis, Roman in the vocabulary */
	{"1", "I"}, {"1A", "IA"}, {"1B", "IB"},
	{"2", "II"}, {"2A", "IIA"}, {"2B", "IIB"},
	{"3", "III"}, {"3A", "IIIA"}, {"3B", "IIIB"}, {"3C", "IIIC"},
	{"4", "IV"}, {"4A", "IVA"}, {"4B", "IVB"},
	/* sex */
	{"F", "female"}, {"M", "male"}, {"woman", "female"}, {"man", "male"},
	/* kinds of treatment */
	{"chemo", "chemotherapy"}, {"radiotherapy", "radiation"},
	{"EBRT", "radiation"}, {"chemoradiotherapy", "chemoradiation"},
	/* drugs: the names the sources give beside the INN */
	{"5-FU", "fluorouracil"}, {"5-fluorouracil", "fluorouracil"},
	{"Adrucil", "fluorouracil"},
	{"Herceptin", "trastuzumab"},
	{"T-DM1", "trastuzumab-emtansine"}, {"Kadcyla", "trastuzumab-emtansine"},
	{"Perjeta", "pertuzumab"},
	{"Avastin", "bevacizumab"},
	{"Keytruda", "pembrolizumab"},
	{"Libtayo", "cemiplimab"},
	{"Taxol", "paclitaxel"},
	{"Abraxane", "paclitaxel-protein-bound"},
	{"protein-bound paclitaxel", "paclitaxel-protein-bound"},
	{"Taxotere", "docetaxel"},
	{"Xeloda", "capecitabine"},
	{"Halaven", "eribulin"},
	{"Navelbine", "vinorelbine"},
	{"Gemzar", "gemcitabine"},
	{"Hycamtin", "topotecan"},
	{"Ifex", "ifosfamide"},
	{"Camptosar", "irinotecan"},
	{"Mutamycin", "mitomycin"},
	{"Adriamycin", "doxorubicin"},
	{"Pharmorubicin", "epirubicin"},
	{"Vepesid", "etoposide"},
	{"Cytoxan", "cyclophosphamide"}, {"Procytox", "cyclophosphamide"},
	{"Paraplatin", "carboplatin"}, {"Paraplatin AQ", "carboplatin"},
	{"Platinol", "cisplatin"}, {"Platinol AQ", "cisplatin"},
	{"Nolvadex", "tamoxifen"}, {"Tamofen", "tamoxifen"},
	{"Femara", "letrozole"},
	{"Arimidex", "anastrozole"},
	{"Aromasin", "exemestane"},
	{"Zoladex", "goserelin"},
	{"leuprolide", "leuprorelin"}, {"Lupron", "leuprorelin"},
	{"Lupron Depot", "leuprorelin"}, {"Eligard", "leuprorelin"},
	{"Suprefact", "buserelin"},
	{"pamidronate", "pamidronic-acid"}, {"Aredia", "pamidronic-acid"},
	{"clodronate", "clodronic-acid"}, {"Bonefos", "clodronic-acid"},
	{"Zometa", "zoledronic-acid"}, {"Aclasta", "zoledronic-acid"},
};

#define N_ROWS (sizeof(rows) / sizeof(rows[0]))

const char *const *onco_vocabulary_near_miss_row(size_t i)
{
	return i < N_ROWS ? rows[i] : NULL;
}

/* Letters and digits only, lowercase, without a leading "stage":
 * "Stage 4", "stage-4" and "4" read alike; "T-DM1" as "tdm1". */
static void fold(char *out, size_t size, const char *s)
{
	size_t n = 0;

	for (; *s != '\0' && n + 1 < size; s++)
		if (isalnum((unsigned char)*s))
			out[n++] = (char)tolower((unsigned char)*s);
	out[n] = '\0';
	if (strncmp(out, "stage", 5) == 0 && out[5] != '\0')
		memmove(out, out + 5, strlen(out + 5) + 1);
}

static const char *allowed(const char *const *values, const char *v)
{
	for (; *values != NULL; values++)
		if (strcmp(*values, v) == 0)
			return *values;
	return NULL;
}

/* `given` ends with `value` after a separator ("invasive-ductal-carcinoma"
 * ends with "ductal-carcinoma"), case ignored. */
static int ends_with_word(const char *given, const char *value)
{
	size_t n = strlen(given), m = strlen(value);

	return n > m + 1 && strchr(" -_", given[n - m - 1]) != NULL &&
	       strcasecmp(given + n - m, value) == 0;
}

const char *onco_vocabulary_near_miss(const char *given, const char *const *values)
{
	char g[128], v[128];
	const char *const *p, *best = NULL;
	size_t i;

	if (strlen(given) >= sizeof(g))
		return NULL;
	fold(g, sizeof(g), given);
	if (g[0] == '\0')
		return NULL;
	for (p = values; *p != NULL; p++) {
		fold(v, sizeof(v), *p);
		if (strcmp(g, v) == 0)
			return *p;
	}
	for (i = 0; i < N_ROWS; i++) {
		fold(v, sizeof(v), rows[i][0]);
		if (strcmp(g, v) == 0 && allowed(values, rows[i][1]) != NULL)
			return allowed(values, rows[i][1]);
	}
	for (p = values; *p != NULL; p++)
		if (strlen(*p) >= 6 && ends_with_word(given, *p) &&
		    (best == NULL || strlen(*p) > strlen(best)))
			best = *p;
	return best;
}

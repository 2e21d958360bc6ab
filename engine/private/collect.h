/*
 * collect.h: turning the facts of a finished run into the result document.
 * Private to engine/.
 */
#ifndef ONCO_COLLECT_H
#define ONCO_COLLECT_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "private/engine_internal.h"

/* Kinds of facts a run concludes: the conclusions, then the marks gates
 * put on recommendations (rules/schema.clp). */
enum { ONCO_C_RECOMMENDATION, ONCO_C_WARNING, ONCO_C_EXCLUSION, ONCO_C_NOTE,
       ONCO_C_MISSING, ONCO_C_PENDING, ONCO_C_HISTORY, ONCO_C_LEAD, ONCO_C_KINDS };

/* The facts of a finished run, sorted into what the result needs. */
typedef struct onco_run_facts {
	void **scopes;
	size_t n_scopes;
	void **findings;
	size_t n_findings;
	/* By ONCO_C_* kind: the conclusions, and the gate marks. */
	void **conclusions[ONCO_C_KINDS];
	size_t n_conclusions[ONCO_C_KINDS];
	/* Option ids a gate holds back (named by an exclusion's or a pending
	 * mark's `option`), sorted, unique: such a recommendation is not listed
	 * as one. Valid while the run's facts live. */
	const char **held;
	size_t n_held;
	void *cancer; /* the cancer fact, for the not-covered reason */
	/* Finding name -> values present (bit 0 yes, 1 no, 2 unknown), sorted
	 * by name: judging a rule's conditions looks up each finding once. */
	struct onco_finding_entry *finding_index;
	size_t n_finding_index;
} onco_run_facts;

typedef struct onco_finding_entry {
	const char *name; /* valid while the run's facts live */
	unsigned values;
} onco_finding_entry;


/* Walks working memory once: sorts facts into `run` and counts the firings
 * of each rule into engine->firings. */
int onco_run_facts_gather(onco_engine *engine, onco_run_facts *run);
void onco_run_facts_release(onco_run_facts *run);

/* because.c: the "because" statements of a conclusion fact, appended to
 * `because` (merging statements already there), and its evidence. */
int onco_because_add(onco_engine *engine, void *fact, cJSON *because);
/* Orders the entries of a finished `because` (see because.c). 0, or
 * ONCO_ENOMEM (the list is then unfinished: drop it). */
int onco_because_finish(cJSON *because);
int onco_evidence_add(onco_engine *engine, void *fact, cJSON *evidence);
/* A readable statement for one case fact: "prior treatment: type ...". */
char *onco_case_fact_statement(void *env, void *fact);

/* conclusions.c: the items of one conclusion kind, grouped by id, sorted. */
cJSON *onco_conclusions_json(onco_engine *engine, onco_run_facts *run, int kind);

/* missing.c: missing information: `missing` facts, the findings of pending
 * marks, and the fields of unknown findings that alone block a
 * recommendation no rule concluded and no exclusion rules out. */
cJSON *onco_missing_json(onco_engine *engine, onco_run_facts *run);

/* Finding values present in working memory for `name`: bit 0 yes, 1 no,
 * 2 unknown. */
unsigned onco_run_finding_values(onco_engine *engine, const onco_run_facts *run,
				 const char *name);
int onco_run_has_scope(onco_engine *engine, const onco_run_facts *run,
		       const char *guideline);
/* Whether a gate holds option `id` back (see onco_run_facts.held). */
int onco_run_is_held(const onco_run_facts *run, const char *id);

/* Whether `fact` (a warning, note or missing fact) rests on a
 * recommendation that a gate holds back: a caution about, or a fact needed
 * for, an option that is not offered after all. Such facts are not listed. */
int onco_run_rests_on_held(onco_engine *engine, const onco_run_facts *run, void *fact);

/* conditions.c */
typedef enum onco_condition_state {
	ONCO_COND_MET,
	ONCO_COND_NOT_MET,
	ONCO_COND_UNKNOWN,  /* the finding is valued unknown in this case */
	ONCO_COND_UNJUDGED  /* not a scope or finding pattern */
} onco_condition_state;

onco_condition_state onco_condition_eval(onco_engine *engine, const onco_run_facts *run,
					 const onco_condition *c);

/* json_sort.c: detaches the items of a cJSON array, sorts them with
 * `compare` (qsort on cJSON pointers), puts them back. 0, or ONCO_ENOMEM
 * with the array as it was. */
int onco_json_sort(cJSON *array, int (*compare)(const void *, const void *));

#endif

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
 * put on recommendations (rules/schema.clp), then the options the host
 * asserted as possible (recommendation facts with status possible). */
enum { ONCO_C_RECOMMENDATION, ONCO_C_WARNING, ONCO_C_EXCLUSION, ONCO_C_NOTE,
       ONCO_C_MISSING, ONCO_C_PENDING, ONCO_C_HISTORY, ONCO_C_LEAD, ONCO_C_POSSIBLE,
       ONCO_C_KINDS };

/* The facts of a finished run, sorted into what the result needs. */
typedef struct onco_run_facts {
	void **scopes;
	size_t n_scopes;
	void **findings;
	size_t n_findings;
	/* By ONCO_C_* kind: the conclusions, and the gate marks. */
	void **conclusions[ONCO_C_KINDS];
	size_t n_conclusions[ONCO_C_KINDS];
	/* Option ids named by an exclusion's `option` (ruled out) and by a
	 * pending mark's (held back until a fact is known), each sorted and
	 * unique: such a recommendation is not listed as one. Valid while the
	 * run's facts live. */
	const char **excluded;
	size_t n_excluded;
	const char **pending;
	size_t n_pending;
	/* The ids of the recommendation facts, sorted (onco_run_is_concluded):
	 * made when first asked (concluded_made), again when a walk adds
	 * recommendations. */
	const char **concluded;
	size_t n_concluded;
	int concluded_made;
	void *cancer; /* the cancer fact, for the not-covered reason */
	/* `finding-gap` facts: the exact field behind an unknown finding, as
	 * the rule that found it unknown names it (rules/schema.clp). */
	void **gaps;
	size_t n_gaps;
	/* The case, to tell a field it does not record from one it records
	 * that does not decide a finding (HER2 "unknown"); NULL: every field
	 * reads as not recorded. */
	const onco_case *kase;
	/* Building the summary form (ONCO_JSON_SUMMARY): items need no
	 * because or evidence, which the summary drops. */
	int lean;
	/* Building an answer printed as one line (no ONCO_JSON_PRETTY): its
	 * evidence refers to citations printed once (citation_json.c). */
	int one_line;
	/* Finding name -> values present (bit 0 yes, 1 no, 2 unknown), sorted
	 * by name (strcmp), each name once: judging a rule's conditions looks
	 * up each finding once. */
	struct onco_finding_entry *finding_index;
	size_t n_finding_index;
	/* Every finding fact with its name and value, sorted by name and then
	 * by its place in `findings`: onco_run_findings_named. */
	struct onco_named_finding *by_name;
	/* onco_run_blocked_rules: the recommendation rules blocked only by
	 * findings valued unknown (every condition met or, for one at least,
	 * unknown: onco_condition_eval), in definition order, each with how
	 * many of its conditions are unknown. Made when
	 * first asked (blocked_made); dropped when a walk adds findings or
	 * scopes. */
	struct onco_blocked_rule *blocked;
	size_t n_blocked;
	int blocked_made;
	/* What they were judged on (blocked.c): the values present per
	 * finding, and which guidelines are in scope, by the numbers the
	 * engine gave their names. */
	unsigned char *present;
	/* Where the last walk ended, for onco_run_facts_gather_more: the last
	 * fact walked, the count of facts and the next fact index then, the
	 * support log entries already counted. */
	void *last;
	int indexed; /* the indexes above describe the facts walked */
	unsigned long n_facts;
	long long next_index;
	size_t n_entries_counted;
} onco_run_facts;

typedef struct onco_named_finding {
	const char *name, *value; /* valid while the run's facts live */
	void *fact;
	size_t order; /* its index in run->findings */
	unsigned values; /* the bit of its value, as finding_index's (0: another) */
} onco_named_finding;

/* The finding facts named `name`, in working-memory order: their count,
 * and *first pointing at the first of them. */
size_t onco_run_findings_named(const onco_run_facts *run, const char *name,
			       const onco_named_finding **first);

typedef struct onco_blocked_rule {
	size_t rule;	/* its index in kb.rules */
	size_t unknown; /* its conditions left unknown, 1 or more */
} onco_blocked_rule;

typedef struct onco_finding_entry {
	const char *name; /* valid while the run's facts live */
	unsigned values;
} onco_finding_entry;


/* Walks working memory once: sorts facts into `run` and counts the firings
 * of each rule into engine->firings. */
int onco_run_facts_gather(onco_engine *engine, onco_run_facts *run);
/* Adds to `run` what the rules asserted since it was gathered (all of it
 * again when a fact was retracted): the same as gathering anew. */
int onco_run_facts_gather_more(onco_engine *engine, onco_run_facts *run);
void onco_run_facts_release(onco_run_facts *run);

/* because.c: the "because" statements of an item, gathered in C and
 * written once: `add` each conclusion fact behind it (a statement made
 * twice is one entry; pointers repeat freely), then `json` appends the
 * entries to the array `because`, ordered as the rule reads and each with
 * its pointers sorted and unique, and `release` frees the lot, whether
 * json ran or not. The pointers are the run's strings: use it while the
 * run's facts live. 0 or ONCO_ENOMEM (after which only release: a failed
 * json leaves `because` unfinished, to be dropped). */
typedef struct onco_because_entry {
	cJSON *statement; /* a string item; json moves it into the document */
	size_t order;	  /* the earliest pattern position it came from */
	size_t first, count; /* its pointers in the sorted list, during json */
} onco_because_entry;
typedef struct onco_because_pointer {
	size_t entry;
	const char *pointer;
} onco_because_pointer;
typedef struct onco_because {
	onco_because_entry *entries;
	size_t n_entries, cap_entries;
	/* The pointers of all entries in one list: one allocation, one sort. */
	onco_because_pointer *pointers;
	size_t n_pointers, cap_pointers;
} onco_because;
/* What the basis facts of a list's conclusions say, kept so that a fact
 * many items rest on (a guideline's scope, a finding) is explained once:
 * pass the same memo to each onco_because_add of a list (or NULL), release
 * it once the list is made, while the run's facts live. */
typedef struct onco_because_memo_fact {
	void *fact;
	onco_because lines; /* as added at position 0 */
} onco_because_memo_fact;
typedef struct onco_because_memo {
	onco_because_memo_fact *facts;
	size_t n, cap;
} onco_because_memo;
int onco_because_add(onco_engine *engine, onco_because_memo *memo, void *fact,
		     onco_because *because);
/* As onco_because_add, with the place of the fact's `basis` slot in its
 * template already found (onco_slot_position, -1: none): a list reads the
 * basis of many facts of one template. */
int onco_because_add_at(onco_engine *engine, onco_because_memo *memo, void *fact,
			long basis_place, onco_because *because);
int onco_because_json(onco_because *because, cJSON *array);
void onco_because_release(onco_because *because);
void onco_because_memo_release(onco_because_memo *memo);
int onco_evidence_add(onco_engine *engine, void *fact, cJSON *evidence);
/* The evidence of an item whose facts are many, gathered in C and written
 * once: `add` the citations of each fact (a quote once, from the first
 * citation that gives it), then `json` appends them to `evidence` sorted
 * by ref and quote, and `release` frees the list. 0 or ONCO_ENOMEM. `add`
 * takes the place of the fact's `cite` slot in its template
 * (onco_slot_position, -1: none). */
typedef struct onco_cites {
	const onco_citation **items;
	size_t n, cap;
} onco_cites;
int onco_cites_add(onco_engine *engine, void *fact, long cite, onco_cites *cites);
int onco_cites_json(onco_engine *engine, onco_cites *cites, cJSON *evidence, int one_line);
void onco_cites_release(onco_cites *cites);
/* citation_json.c: a citation as {"source", "ref", "quote"}: `json` as
 * nodes; `item` as nodes too, or, for an answer printed as one line
 * (`one_line`), as a cJSON_Raw node that refers to the object printed once
 * per engine (made on first use; onco_citation_texts_free): NULL when memory
 * runs out. The raw node is for printing with onco_json_print_append
 * (cJSON_Print would not indent it). `onco_evidence_source` is the source
 * of a piece of evidence made either way, NULL when it has none or is a
 * raw node `item` did not make for this engine (a copy of one included). */
cJSON *onco_citation_json(const onco_citation *c);
cJSON *onco_citation_item(onco_engine *engine, const onco_citation *c, int one_line);
const char *onco_evidence_source(const onco_engine *engine, const cJSON *e);
/* A readable statement for one case fact: "prior treatment: type ...". */
char *onco_case_fact_statement(void *env, void *fact);

/* conclusions.c: the items of one conclusion kind, grouped by id, sorted.
 * ONCO_C_RECOMMENDATION lists the options offered; ONCO_C_POSSIBLE the
 * "possible if" options (host-asserted, or offered and held by a pending
 * mark), each with its `if` list. NULL when memory runs out. The
 * items reference the text of the conclusion facts' symbols rather than
 * copy it: print or delete the list before the next EnvReset, EnvRun or
 * retraction in the engine's environment (conclusions.c, clips_text). */
cJSON *onco_conclusions_json(onco_engine *engine, onco_run_facts *run, int kind);

/* missing.c: the fields behind an unknown finding, added (once each) to
 * the array of strings `fields`; a finding derived from other unknown
 * findings gives theirs. A field the case records (it does not decide the
 * finding) also gets, in the object `undecided` (field -> text, may be
 * NULL), what it holds and why it decides nothing. The fields are those
 * the rule's `finding-gap` facts name, else the finding-def's. 0 or
 * ONCO_ENOMEM. */
int onco_unknown_fields(onco_engine *engine, const onco_run_facts *run, const char *finding,
			cJSON *fields, cJSON *undecided);

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
/* Whether an exclusion rules option `id` out, a pending mark holds it
 * back, or either (see onco_run_facts.excluded). */
int onco_run_is_excluded(const onco_run_facts *run, const char *id);
int onco_run_is_pending(const onco_run_facts *run, const char *id);
int onco_run_is_held(const onco_run_facts *run, const char *id);
/* Whether some rule concluded option `id` in this run (a recommendation
 * fact, listed or held back by a gate): 1 or 0, or ONCO_ENOMEM. */
int onco_run_is_concluded(onco_engine *engine, onco_run_facts *run, const char *id);

/* possible.c: asserts the "possible" options of a finished run (see
 * possible.c); *count says how many. 0, ONCO_ENOMEM or ONCO_EINTERNAL. The
 * caller runs the rules again, then gathers the facts anew. */
int onco_possible_assert(onco_engine *engine, onco_run_facts *run, size_t *count);

/* The second pass of an evaluation: gathers the run just ended into
 * `run`, asserts its possible options and, when there are some and no
 * limit was hit, runs the rules again (adding the firings to *fired) and
 * gathers anew. On return `run` holds working memory as the answer reads
 * it (gathered once when nothing was asserted, which is most cases); the
 * caller releases it, whatever the result. 0, ONCO_ENOMEM or
 * ONCO_EINTERNAL. A function of its own so that profiles show the pass. */
int onco_possible_run(onco_engine *engine, long long *fired, onco_run_facts *run);

/* cards.c: adds "cards" to the result document `doc`, from its lists
 * (recommendations, possible, warnings, exclusions, missing_information,
 * notes), the rule base's card definitions and the case facts of the run.
 * 0 or ONCO_ENOMEM (doc unchanged). */
int onco_cards_add(onco_engine *engine, const onco_run_facts *run, cJSON *doc);

/* Cuts each card of `cards` down to its id, kind, title and the lists that
 * hold something, for the summary form. 0. */
int onco_cards_summarize(cJSON *cards);

/* patient.c: the status card's lines about the patient, from the case
 * facts in working memory: {"topic", "text", "pointers"} items appended to
 * `out`; and whether the case says she declines, or cannot have, cancer
 * treatment: *stop_reason says which in a sentence, else NULL (one walk
 * over working memory for both). 0 or ONCO_ENOMEM. */
int onco_patient_lines(onco_engine *engine, cJSON *out, const char **stop_reason);

/* Whether `fact` (a warning, note or missing fact) rests on a
 * recommendation that an exclusion rules out: a caution about, or a fact
 * needed for, an option that is not offered after all. Such facts are not
 * listed. (An option held back by a pending mark is shown as possible, and
 * keeps its warnings, like the options the host asserts as possible.) */
int onco_run_rests_on_held(onco_engine *engine, const onco_run_facts *run, void *fact);

/* firing.c: what one firing of a rule matched, read from the `basis` of
 * the fact it asserted (`conclusion`, which must outlive the firing). A
 * firing is opened and freed by its caller (NULL frees nothing). */
typedef struct onco_firing onco_firing;
int onco_firing_open(onco_firing **out, onco_engine *engine, void *conclusion);
void onco_firing_free(onco_firing *f);
/* The basis fact that condition `c` matched in *fact (NULL: it is negated,
 * not a single pattern, or no basis fact matches it), and the variables
 * standing alone in one of its slots added to object `bound` with their
 * values (a string; an array for a multislot). Call it for the rule's
 * conditions in order: the variables an earlier one bound constrain the
 * later ones. 0, or ONCO_ENOMEM. */
int onco_firing_match(onco_firing *f, const onco_condition *c, void **fact, cJSON *bound);

/* conditions.c */
typedef enum onco_condition_state {
	ONCO_COND_MET,
	ONCO_COND_NOT_MET,
	ONCO_COND_UNKNOWN,  /* the finding is valued unknown in this case */
	ONCO_COND_UNJUDGED  /* not a scope or finding pattern */
} onco_condition_state;

/* The state of a finding condition: `present` the values the run holds
 * of its finding, `accepted` those it accepts (bits as in
 * onco_finding_entry), `negated` when it asks for their absence. */
onco_condition_state onco_finding_state(unsigned present, unsigned accepted, int negated);
onco_condition_state onco_condition_eval(onco_engine *engine, const onco_run_facts *run,
					 const onco_condition *c);


/* blocked.c: fills run->blocked (see onco_run_facts) unless it is made:
 * the possible pass and the missing information share the answer. 0 or
 * ONCO_ENOMEM. */
int onco_run_blocked_rules(onco_engine *engine, onco_run_facts *run);
/* blocked.c: onco_condition_eval for condition `k` of recommendation rule
 * `rule` (its index in kb.rules), once onco_run_blocked_rules has judged
 * the run. */
onco_condition_state onco_run_rule_condition(const onco_engine *engine, const onco_run_facts *run,
					     size_t rule, size_t k);
/* blocked.c: the first recommendation rule (in definition order) that
 * concludes option `id`, or NULL. */
const onco_rule_info *onco_option_rule(onco_engine *engine, const char *id);

/* json_sort.c: detaches the items of a cJSON array, sorts them with
 * `compare` (onco_sort on cJSON pointers, private/sort.h), puts them back. 0, or ONCO_ENOMEM
 * with the array as it was. */
int onco_json_sort(cJSON *array, int (*compare)(const void *, const void *));

#endif

/*
 * engine_internal.h: what the files of engine/ share. Not installed, not
 * used outside engine/ (tests may include it to check internals).
 */
#ifndef ONCO_ENGINE_INTERNAL_H
#define ONCO_ENGINE_INTERNAL_H

#include <setjmp.h>
#include <stddef.h>

#include "arena.h"
#include "kb_files.h"
#include "onco.h"
#include "rule_info.h"

/* A passage of a source document, declared by a `citation` fact. */
typedef struct onco_citation {
	char *id;
	char *source;
	char *label;
	char *quote;
} onco_citation;

/* What a finding means and which case fields decide it (`finding-def`). */
typedef struct onco_finding_def {
	char *name;
	char *text;
	char **fields;
	size_t n_fields;
} onco_finding_def;

/* A guideline of the rule base (`guideline` fact). */
typedef struct onco_guideline {
	char *id;
	char *title;
	char *source;
	char *covers;
} onco_guideline;

/* A decision card of a guideline (`card-def` fact): options name it in
 * their `card` slot (docs/output-format.md, "Cards"). */
typedef struct onco_card_def {
	char *id;
	char *guideline;
	char *kind;  /* supportive-care, curative-local, systemic, ... */
	char *title;
	long order;  /* orders cards of one kind */
} onco_card_def;

/* The rule base as loaded: its files and what was read from them. */
typedef struct onco_kb {
	onco_kb_file *files; /* owned copies: name, data, length */
	size_t n_files;
	char *origin; /* the folder the files came from; "rules" when built in */
	char version[64];
	char sha256[65];
	onco_citation *citations; /* sorted by id */
	size_t n_citations;
	onco_finding_def *finding_defs; /* sorted by name */
	size_t n_finding_defs;
	onco_guideline *guidelines; /* sorted by id */
	size_t n_guidelines;
	onco_card_def *card_defs; /* sorted by id */
	size_t n_card_defs;
	onco_rule_info *rules; /* in definition order */
	size_t n_rules;
	/* Rules read from a compiled image (rules_from_image): every array of
	 * `rules`, and every string unless borrowed, in one arena, freed at
	 * once. Rules read from text: each field is its own allocation
	 * (onco_rule_info_release), and the arena is empty. */
	onco_arena rule_memory;
	int rules_from_image;
	/* Every string (files, origin, knowledge tables, rules) points into
	 * a compiled image built into the program (opts.kb_image_data), which
	 * outlives the engine: used where they are, never freed. */
	int borrowed;
} onco_kb;

/* symbol_index.c: a hash table from the address of a CLIPS symbol's text
 * to an item, for texts read from facts (symbols are interned once per
 * environment, so while a symbol lives its text's address stands for that
 * text alone). Whoever puts a text keeps its symbol alive as long as the
 * index. `init` makes room for n items (0 or ONCO_ENOMEM); `put` adds one
 * (-1 when the text is there already or there is no room); `get` gives the
 * item of that very address, or NULL. */
typedef struct onco_symbol_index {
	struct onco_symbol_slot {
		const char *text; /* NULL: an empty slot */
		const void *item;
	} *slots;
	size_t cap, n; /* cap a power of two, n at most half of it */
} onco_symbol_index;

int onco_symbol_index_init(onco_symbol_index *index, size_t n);
int onco_symbol_index_put(onco_symbol_index *index, const char *text, const void *item);
const void *onco_symbol_index_get(const onco_symbol_index *index, const char *text);
void onco_symbol_index_free(onco_symbol_index *index);

/* Captured CLIPS output (error and warning routers), per engine. */
typedef struct onco_capture {
	char text[4096];
	size_t length;
	long first_error_line; /* scanner line when werror was first written */
	int has_error;
} onco_capture;

/* Which limit stopped the last phase watched by limits.c. */
typedef enum onco_limit_kind {
	ONCO_LIMIT_NONE = 0,
	ONCO_LIMIT_FACTS,  /* opts.max_facts */
	ONCO_LIMIT_TIME,   /* opts.max_seconds */
	ONCO_LIMIT_MEMORY  /* opts.max_memory */
} onco_limit_kind;

/* The phase limits.c watches: evaluating one case, or loading the rule
 * base. */
typedef struct onco_watch {
	int active;
	double deadline;  /* CLOCK_MONOTONIC, in seconds */
	long memory_base; /* EnvMemUsed when the phase began */
	long memory_max;  /* bytes the phase may add to it */
	unsigned ticks;   /* calls of the periodic check: the clock is read
			   * at one in ONCO_CLOCK_EVERY (limits.c) */
	onco_limit_kind hit;
} onco_watch;

/* support.c: one firing of a rule that asserts a finding: the rule and the
 * facts that matched its conditions (supports.facts[first .. first+count)).
 * env and facts are set while the log is sorted (qsort passes nothing
 * else to the comparison). */
typedef struct onco_support_entry {
	const onco_rule_info *rule;
	unsigned rank; /* engine->support_rank of the rule */
	size_t first, count;
	size_t seq; /* firing order */
	void *env;
	void *const *facts;
} onco_support_entry;

/* The log of those firings for the case in working memory (support.c). */
typedef struct onco_supports {
	onco_support_entry *entries;
	size_t n_entries, cap_entries;
	void **facts;
	size_t n_facts, cap_facts;
	int sorted; /* entries sorted by finding name and value */
	int nomem;  /* a firing could not be recorded: the run fails */
	/* Made at open (onco_support_ranks_build), so that a finding's
	 * entries are found by the addresses of its name and value symbols
	 * and the rank of the pair: the finding names rules conclude, by
	 * their symbol, each with its ranks (support_rank) [first, first +
	 * count); the value symbol's text of each rank (NULL: not a symbol
	 * of the environment). */
	onco_symbol_index names;
	struct onco_rank_range {
		unsigned first, count;
	} *ranges;
	const char **rank_values;
	/* The finding template last read and the places of its name and
	 * value slots. */
	const void *finding_template;
	long name_place, value_place;
} onco_supports;

struct onco_engine {
	void *env; /* the CLIPS environment; its context points back here */
	onco_engine_options opts;
	onco_kb kb;
	onco_capture capture;
	int evaluated; /* working memory holds the last case's facts */
	/* The rule base has every template and slot a case needs
	 * (onco_case_check_rule_base passed once). */
	int schema_checked;
	onco_watch watch;
	/* guard.c: where CLIPS's out-of-memory function jumps while an engine
	 * call runs inside CLIPS; `lost` once it has jumped (the environment
	 * is abandoned, every later call fails). */
	jmp_buf *guard;
	int lost;
	/* Firings of the last evaluation per rule, parallel to kb.rules. */
	unsigned long *firings;
	onco_rule_info **rules_by_name; /* kb.rules sorted by name */
	/* rule_index.c: the rules by their name symbol, the citations by
	 * their id symbol. */
	onco_symbol_index rules_by_symbol, citations_by_symbol;
	/* The texts of the symbols yes, no and unknown (onco_finding_values,
	 * in that order), kept from open on, so that a finding's value is
	 * told by its address (gather.c); NULL when the environment had no
	 * such symbol at open (the text is compared then). */
	const char *value_symbols[3];
	onco_supports supports; /* the firings behind each finding of the run */
	/* Per rule, parallel to kb.rules: the place of its (concludes, value)
	 * among those of all rules in text order, equal for equal pairs, so
	 * that sorting the log compares two numbers, not two pairs of
	 * strings. */
	unsigned *support_rank;
	/* missing.c: per rule, parallel to kb.rules, the weight of its
	 * option (0 until first used); NULL until first used. */
	unsigned char *option_weights;
	/* possible.c: per rule, parallel to kb.rules, its option made ready
	 * to assert as a possible one (on first use; NULL until then). */
	struct onco_possible_prep **possible_preps;
	/* gather.c: what a walk of working memory does with the facts of
	 * each template met so far, a hash table by the template's address
	 * (an entry made on first meeting). */
	struct onco_walk_template *walk_templates;
	size_t n_walk_templates, cap_walk_templates;
	/* missing.c: the fields of the unknown findings traced for the
	 * current run (onco_unknown_fields); NULL until first used. */
	struct onco_fields_memo *fields_memo;
	/* possible.c: the recommendation template when it has a status slot,
	 * else NULL; looked up once (possible_template_sought). */
	void *possible_template;
	int possible_template_sought;
	/* patient.c: the templates the status card's lines read and the
	 * places of their slots, found on first use. */
	struct onco_patient_index *patient_index;
	/* blocked.c: the recommendation rules' conditions compiled for
	 * judging, made on first use (onco_run_blocked_rules). */
	struct onco_blocked_index *blocked_index;
	/* citation_json.c: per citation, parallel to kb.citations, its JSON
	 * object printed once for one-line answers (NULL until first cited;
	 * the array NULL until a first citation is printed). */
	char **citation_texts;
	/* The cJSON allocations of one evaluation (facts/json_alloc.c). */
	onco_json_arena *arena;
};

/* rule_index.c: the indexes of rules by name and citations by id, built
 * once at open (after the rule base is loaded; 0 or ONCO_ENOMEM), look-ups
 * in them (NULL when no rule has that name, no citation that id; fastest
 * with the text of a CLIPS symbol) and their release. */
const onco_citation *onco_citation_by_id(const onco_engine *engine, const char *id);
int onco_rules_by_name_build(onco_engine *engine);
void onco_rules_by_name_free(onco_engine *engine);
const onco_rule_info *onco_rule_by_name(const onco_engine *engine, const char *name);

/* support.c: the firings behind each finding (see support.c). `record` is
 * called by (onco-support) while a rule fires; on a failed allocation it
 * sets supports.nomem, which ends the run with ONCO_ENOMEM. `clear` empties
 * the log at each reset. `of` gives the entries of a finding fact (its
 * name and value): *first and the count, 0 when none was recorded; valid
 * until the next record or clear. */
void onco_support_record(onco_engine *engine, const char *rule, void *const *facts, size_t n);
void onco_support_clear(onco_engine *engine);
void onco_support_free(onco_engine *engine);
void onco_support_sort(onco_engine *engine);
size_t onco_support_of(onco_engine *engine, void *finding, const onco_support_entry **first);
void *onco_support_fact(const onco_engine *engine, const onco_support_entry *entry, size_t i);
/* Adds each firing recorded from entry `from` on to engine->firings. */
void onco_support_count_firings(onco_engine *engine, size_t from);
/* Builds engine->support_rank, once at open. 0 or ONCO_ENOMEM. */
int onco_support_ranks_build(onco_engine *engine);

/* possible.c: frees engine->possible_preps (their CLIPS values go with the
 * environment). */
typedef struct onco_possible_prep onco_possible_prep;
void onco_possible_preps_free(onco_engine *engine);

/* gather.c: frees engine->walk_templates. */
typedef struct onco_walk_template onco_walk_template;
void onco_walk_templates_free(onco_engine *engine);

/* missing.c: empties engine->fields_memo (each walk of working memory
 * does), frees it. */
typedef struct onco_fields_memo onco_fields_memo;
void onco_fields_memo_clear(onco_engine *engine);
void onco_fields_memo_free(onco_engine *engine);

/* patient.c: frees engine->patient_index. */
typedef struct onco_patient_index onco_patient_index;
void onco_patient_index_free(onco_engine *engine);

/* citation_json.c: frees engine->citation_texts. */
void onco_citation_texts_free(onco_engine *engine);

/* blocked.c: frees engine->blocked_index. */
typedef struct onco_blocked_index onco_blocked_index;
void onco_blocked_index_free(onco_engine *engine);

/* kb.c: read the rule-base files (built in or from a directory), load them
 * into engine->env, hash them. */
int onco_kb_read_files(onco_kb *kb, const char *dir, onco_error *err);
/* Reads a whole regular file of at most `max` bytes into a NUL-terminated
 * buffer the caller frees; a directory, a FIFO, a device or a larger file
 * is refused (ONCO_EIO with the reason in `err`), as is ONCO_ENOMEM. */
int onco_read_regular_file(const char *path, size_t max, char **out, size_t *length,
			   onco_error *err);
/* Appends a copy of one file (a NUL is added after its bytes). 0 or
 * ONCO_ENOMEM. */
int onco_kb_add_file(onco_kb *kb, const char *name, const char *data, size_t length);
/* Appends one file as it is, without a copy (kb->borrowed: `name` and
 * `data`, NUL-terminated, outlive kb). 0 or ONCO_ENOMEM. */
int onco_kb_refer_file(onco_kb *kb, const char *name, const char *data, size_t length);
int onco_kb_load(onco_engine *engine, onco_error *err);
void onco_kb_release(onco_kb *kb);

/* image.c: whether the options name a compiled rule base (a file or bytes
 * in memory); onco_image_load loads it into engine->env instead of
 * onco_kb_read_files + onco_kb_load + onco_knowledge_index: version, hash,
 * rule index and knowledge tables too. */
int onco_image_wanted(const onco_engine_options *opts);
int onco_image_load(onco_engine *engine, onco_error *err);

/* knowledge.c: index citations, finding definitions and guidelines from the
 * deffacts of the loaded rule base (after a reset). */
int onco_knowledge_index(onco_engine *engine, onco_error *err);
/* Removes the deffacts that hold only what onco_knowledge_index read, so
 * that resets between cases do not re-assert them. */
void onco_knowledge_unload(onco_engine *engine);
const onco_citation *onco_kb_citation(const onco_kb *kb, const char *id);
const onco_finding_def *onco_kb_finding_def(const onco_kb *kb, const char *name);
const onco_guideline *onco_kb_guideline(const onco_kb *kb, const char *id);
const onco_card_def *onco_kb_card_def(const onco_kb *kb, const char *id);
/* The guideline whose `source` is this file, or NULL: for document titles. */
const onco_guideline *onco_kb_guideline_of_source(const onco_kb *kb, const char *source);
int onco_kb_rule_index(const onco_kb *kb, const char *name);

/* capture.c: the router that keeps CLIPS output away from the terminal. */
int onco_capture_install(onco_engine *engine);
void onco_capture_reset(onco_capture *capture);

/* limits.c: the limits of a phase (a case: firings, facts, time, memory;
 * loading the rule base: time, memory), checked by CLIPS run and periodic
 * functions that halt execution. onco_limits_start begins watching a phase,
 * onco_limits_stop ends it. onco_limits_reached says whether the run just
 * ended hit a limit, and writes the message for the error document. */
int onco_limits_install(onco_engine *engine);
void onco_limits_start(onco_engine *engine, int loading);
void onco_limits_stop(onco_engine *engine);
int onco_limits_reached(onco_engine *engine, long long fired, char *message,
			size_t size);

/* guard.c: CLIPS running out of memory. onco_guard_install sets the
 * environment's out-of-memory function; onco_guarded runs `work` so that
 * running out of memory inside CLIPS returns ONCO_ENOMEM from it (and marks
 * the engine lost) instead of exiting or crashing. Every engine call that
 * enters CLIPS goes through it. */
void onco_guard_install(onco_engine *engine);
int onco_guarded(onco_engine *engine, int (*work)(onco_engine *, void *), void *arg,
		 onco_error *err);

/* basis.c: the user functions onco-rule, onco-basis and onco-support of
 * schema.clp. */
int onco_basis_install(void *env);

/* sha256.c */
void onco_sha256_hex(const void *data, size_t length, char out[65]);
typedef struct onco_sha256 {
	unsigned int state[8];
	unsigned long long bits;
	unsigned char block[64];
	size_t used;
} onco_sha256;
void onco_sha256_init(onco_sha256 *ctx);
void onco_sha256_update(onco_sha256 *ctx, const void *data, size_t length);
void onco_sha256_final(onco_sha256 *ctx, char out[65]);

/* Small helpers of the engine. */
char *onco_strdup(const char *s);
/* Room in *array (elements of `size` bytes, *cap of them) for `need`:
 * the capacity doubles (from 8) until it is enough. 0, or ONCO_ENOMEM
 * with the array and *cap as they were. */
int onco_grow(void **array, size_t *cap, size_t need, size_t size);

#endif

/*
 * onco_facts.h: the case layer. Reads a case from JSON text, validates it
 * against the vocabulary, and asserts it into a CLIPS environment through
 * the fact-builder API.
 *
 * Ownership: every pointer returned through an `out` parameter belongs to
 * the caller and is released with the matching onco_*_free function, which
 * accepts NULL. Strings passed in are only read, never kept.
 *
 * No CLIPS or cJSON type appears here: the CLIPS environment is passed as
 * an opaque `void *`, as CLIPS's own Env* API does.
 */
#ifndef ONCO_FACTS_H
#define ONCO_FACTS_H

#include <stddef.h>

#include "onco_error.h"

typedef struct onco_case onco_case;

/* Limits that keep a hostile or broken case from exhausting the engine.
 * Exceeding one is a validation issue with the pointer where it happened. */
typedef struct onco_case_limits {
	size_t max_bytes;  /* whole case text */
	int max_depth;     /* JSON nesting of objects and arrays */
	size_t max_string; /* bytes in one string value */
	size_t max_list;   /* items in one array */
} onco_case_limits;

/* Fills `limits` with the defaults: 1 MiB, depth 16, 4096 bytes, 256 items. */
void onco_case_limits_default(onco_case_limits *limits);

/* One problem of a case: where (a JSON pointer, "" for the whole document)
 * and what. */
typedef struct onco_case_issue {
	char *pointer;
	char *message;
} onco_case_issue;

/* Every problem of a case, in document order, and the case id when the text
 * held a string id (NULL otherwise), so that an error report can name it. */
typedef struct onco_case_issues {
	onco_case_issue *items;
	size_t count;
	size_t capacity;
	char *case_id;
} onco_case_issues;

/* Releases what `issues` holds and zeroes it (NULL is a no-op). */
void onco_case_issues_free(onco_case_issues *issues);

/*
 * Parses and validates a case. `text` need not be NUL-terminated.
 * `limits` may be NULL for the defaults. `issues` must be zeroed (or freed)
 * before the call.
 *
 * Returns 0 and sets *out to the validated case; or ONCO_EINVALID, *out
 * NULL, and every problem in `issues` (text that is not JSON gives one
 * issue naming the byte offset; past 100 problems one last issue says the
 * list was cut); or ONCO_ENOMEM. docs/case-format.md describes the checks.
 */
int onco_case_read(onco_case **out, const char *text, size_t length,
		   const onco_case_limits *limits, onco_case_issues *issues);

/*
 * Installs, once per process, the allocation hooks cJSON allocates through
 * (malloc and free, counting failures per thread, or an arena), so that running out of
 * memory while parsing a case is ONCO_ENOMEM, never "not valid JSON".
 * onco_case_read and onco_engine_open call it; a program that uses cJSON
 * from several threads calls it (or opens an engine) before starting them.
 */
void onco_json_hooks_install(void);

/* How many cJSON allocations of the calling thread have failed since it
 * started (once the hooks are installed). A function that builds a JSON
 * document reads it before and after: any change means the document may
 * lack something, and the answer is ONCO_ENOMEM. */
unsigned long onco_json_alloc_failures(void);

/*
 * An arena for the cJSON allocations of one piece of work (json_alloc.c):
 * between enter and leave, the calling thread's cJSON allocations are cut
 * from it and freeing them does nothing; leave releases them all and keeps
 * some memory for the next time. Nothing allocated inside may be used
 * after leave: a text that must outlive it goes through export. An arena
 * entered while one is in use (on this thread) leaves that one in use.
 * The engine owns one and enters it around each evaluation.
 */
typedef struct onco_json_arena onco_json_arena;
int onco_json_arena_new(onco_json_arena **out); /* 0 or ONCO_ENOMEM */
void onco_json_arena_free(onco_json_arena *arena);
void onco_json_arena_enter(onco_json_arena *arena);
void onco_json_arena_leave(onco_json_arena *arena);
/* How many times `arena` (NULL: none) is entered on this thread and not
 * yet left; unwind leaves it until that is `depth` again. A longjmp out
 * of the work between enter and leave (CLIPS out of memory, engine/guard.c)
 * skips leave: the code it lands in unwinds to the depth it had read. */
int onco_json_arena_depth(const onco_json_arena *arena);
void onco_json_arena_unwind(onco_json_arena *arena, int depth);
/* Whether an arena is in use on this thread. */
int onco_json_arena_active(void);
/* A copy in malloc'd memory of `text` (NUL-terminated) when the arena in
 * use holds it, after which the caller owns the copy; `text` itself
 * otherwise. NULL when the copy cannot be made (counted as a cJSON
 * allocation failure). */
char *onco_json_arena_export(char *text);

/* Whether a validated case records a value (not null) at JSON pointer
 * `pointer` ("/biomarkers/HER2", "/prior_treatments/1/region"): 1 or 0.
 * When it does, `text` (of `size` bytes, may be 0) gets a short form of
 * the value: a string or scalar as written, "N items" for a list,
 * "recorded" for an object. Allocates nothing. */
int onco_case_recorded(const onco_case *c, const char *pointer, char *text, size_t size);

/* The case's id. Valid while the case lives. */
const char *onco_case_id(const onco_case *c);

/* Releases a case (NULL is a no-op). */
void onco_case_free(onco_case *c);

/*
 * Asserts every fact of a validated case into `clips_env`, whose rule base
 * must already hold the templates of rules/schema.clp. Only the CLIPS
 * fact-builder API is used: no case string is ever parsed by CLIPS.
 *
 * Returns 0, or ONCO_ERULES when a template or slot the case needs is
 * missing from the rule base (message names it), or ONCO_ENOMEM.
 */
int onco_case_assert(const onco_case *c, void *clips_env, onco_error *err);

/* onco_case_assert in two steps, for a caller that asserts many cases into
 * one environment (whose templates do not change): the rule-base check
 * once (0, or ONCO_ERULES naming the template or slot), then each case
 * without it. */
int onco_case_check_rule_base(void *clips_env, onco_error *err);
int onco_case_assert_checked(const onco_case *c, void *clips_env, onco_error *err);

/* A drug the case records by name because the controlled list does not
 * have it ("agent": "other" with "name"; "other" in "agents" with
 * "other_agents"): its name and the JSON pointer of the name. The rule base
 * does not assess it. */
typedef struct onco_named_drug {
	char *name;
	char *pointer;
} onco_named_drug;

/* The drugs a validated case records by name, in document order. *out
 * (freed with onco_named_drugs_free) holds *count of them, NULL when none.
 * 0 or ONCO_ENOMEM. */
int onco_case_named_drugs(const onco_case *c, onco_named_drug **out, size_t *count);
void onco_named_drugs_free(onco_named_drug *drugs, size_t count);

/* The JSON Schema of the case, generated from the vocabulary the validator
 * uses, as pretty-printed JSON text. Caller frees with free(). NULL when out
 * of memory. */
char *onco_case_schema_json(void);

/* "Did you mean": the candidate closest to `given` by edit distance (case
 * ignored for an exact match) when it is close enough to be a likely typo,
 * else NULL. `candidates` is NULL-terminated. Used for case values and
 * keys, and by the engine and the command for rule-base names. */
const char *onco_suggest(const char *given, const char *const *candidates);

/* The controlled list of drug names (lowercase INN, hyphens for spaces),
 * sorted, as a static array of `*count` strings. */
const char *const *onco_vocabulary_drugs(size_t *count);

#endif

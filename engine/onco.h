/*
 * onco.h: libonco, the oncorules engine. One engine owns one CLIPS
 * environment holding the rule base; it evaluates one case at a time and
 * answers in JSON text (docs/output-format.md).
 *
 * Ownership: what comes back through an `out` parameter belongs to the
 * caller; strings are released with free(), engines with onco_engine_free()
 * (NULL is a no-op). An engine is used by one thread at a time; run one
 * engine per thread for parallel work.
 *
 * Nothing here prints or exits: failures come back as ONCO_E* codes with
 * details in a caller-owned onco_error.
 */
#ifndef ONCO_H
#define ONCO_H

#include <stddef.h>

#include "onco_error.h"
#include "onco_facts.h"
#include "onco_fhir.h"

typedef struct onco_engine onco_engine;

/* Conflict-resolution strategy of the CLIPS agenda. Results must not
 * depend on it; the regression suite runs under several to prove it. */
typedef enum onco_strategy {
	ONCO_STRATEGY_DEPTH = 0,
	ONCO_STRATEGY_BREADTH,
	ONCO_STRATEGY_RANDOM,
	ONCO_STRATEGY_LEX,
	ONCO_STRATEGY_MEA,
	ONCO_STRATEGY_SIMPLICITY,
	ONCO_STRATEGY_COMPLEXITY
} onco_strategy;

typedef struct onco_engine_options {
	const char *kb_dir;          /* NULL: the rule base built into the binary */
	const char *kb_image;        /* non-NULL: load this compiled rule base
	                              * (onco_engine_save_image) instead of parsing
	                              * rule text; kb_dir is then ignored */
	const void *kb_image_data;   /* or the same bytes in memory (a rule base
	                              * compiled into the program at build time,
	                              * part of the program's code: its checksum
	                              * is not checked, a file's is), only read,
	                              * and kept by the caller while
	                              * the engine lives: it uses the rules' text
	                              * and files where they are; */
	size_t kb_image_size;        /* used when kb_image is NULL */
	const char *kb_image_sha256; /* with kb_image: the SHA-256 (64 hex digits,
	                              * as `oncorules compile` prints it) the file
	                              * must have; an image is code, so a file
	                              * image is refused without it (image.c) */
	onco_strategy strategy;      /* default ONCO_STRATEGY_DEPTH */
	long long max_firings;       /* rule firings per case; reaching it is an error */
	long long max_facts;         /* facts in working memory per case (knowledge,
	                              * case and derived); over it is an error */
	double max_seconds;          /* wall time for one case, and for loading the
	                              * rule base; over it is an error */
	size_t max_memory;           /* bytes CLIPS may allocate for one case (or
	                              * the load) beyond what it held before */
	onco_case_limits limits;     /* case size limits */
} onco_engine_options;

/* Fills `opts` with the defaults: built-in rule base, depth strategy,
 * 100000 firings, 50000 facts, 10 s, 256 MiB, default case limits. */
void onco_engine_options_default(onco_engine_options *opts);

/* Parses an onco_strategy from its lowercase name; 0 or ONCO_EINVALID. */
int onco_strategy_parse(onco_strategy *out, const char *name);

/*
 * Creates an engine: a CLIPS environment with the rule base loaded and its
 * knowledge (citations, finding definitions, guidelines) indexed.
 * Returns 0, or ONCO_ERULES with the file and line of the first rule-base
 * error in `err`, or ONCO_EIO, or ONCO_ENOMEM.
 */
int onco_engine_open(onco_engine **out, const onco_engine_options *opts,
		     onco_error *err);

/* Releases an engine and its CLIPS environment (NULL is a no-op). */
void onco_engine_free(onco_engine *engine);

/*
 * Writes the engine's rule base to `path` as a compiled image: the CLIPS
 * binary image (bsave) plus what the engine reads from the rule text and a
 * binary image drops (what each rule tests and concludes, read from its
 * pretty-print form, its file and line; the rule base's version and hash),
 * so that opening from it parses nothing. An engine opened with opts.kb_image set to
 * that file (and opts.kb_image_sha256 to its SHA-256, onco_image_sha256)
 * skips parsing and answers with the same bytes. The image is tied to the
 * CLIPS build that wrote it. `path` must be absent or a regular file (a
 * link, a device or a directory is refused); the image is written to a new
 * file in the same directory, synced, and renamed over `path`.
 * Returns 0, ONCO_EINVALID (the engine was itself opened from an image),
 * ONCO_EIO with details in `err`, or ONCO_ENOMEM.
 */
int onco_engine_save_image(onco_engine *engine, const char *path, onco_error *err);

/* The SHA-256 (64 lowercase hex digits and a NUL) of the bytes of file
 * `path`, as `sha256sum` gives it: the value that makes an image trusted.
 * 0, ONCO_EIO or ONCO_ENOMEM. */
int onco_image_sha256(const char *path, char out[65], onco_error *err);

/* Output flags for onco_engine_evaluate. ONCO_JSON_SUMMARY gives the
 * summary form: case, knowledge base, scope, guidelines and the cards with
 * the ids they hold, nothing else (docs/output-format.md, "Batch"). */
#define ONCO_JSON_PRETTY 0x1
#define ONCO_JSON_SUMMARY 0x2

/*
 * Evaluates one case given as JSON text (need not be NUL-terminated).
 *
 * Returns 0 with the result document in *out; or ONCO_EINVALID with the
 * error document {"case", "errors": [{"pointer", "message"}]} in *out; or
 * ONCO_ELIMIT (a run limit hit: firings, facts, time, memory) with an error
 * document in *out; or another negative code with *out NULL and details in
 * `err`: ONCO_ENOMEM when memory ran out anywhere (never a partial or
 * different document), ONCO_EINTERNAL for a rule error. After ONCO_ENOMEM
 * from inside CLIPS the engine is lost: later calls fail with ONCO_ENOMEM
 * and it can only be freed. The same case and rule base always give the
 * same bytes.
 */
int onco_engine_evaluate(onco_engine *engine, const char *case_text,
			 size_t length, int flags, char **out, onco_error *err);

/*
 * A growable text the caller owns: `text` is malloc'd (NULL while
 * `capacity` is 0), `length` bytes of it in use. Free `text` with free().
 */
typedef struct onco_text {
	char *text;
	size_t length;
	size_t capacity;
} onco_text;

/*
 * As onco_engine_evaluate, but the answer is written straight after the
 * out->length bytes `out` holds, as a caller that gathers answers (batch)
 * keeps them, instead of in a text of its own: no copy. `out` grows by
 * realloc as needed and is followed by a NUL that the length does not
 * count. When onco_engine_evaluate would give a document (0, ONCO_EINVALID,
 * ONCO_ELIMIT), out->length has grown by its length; otherwise out->length
 * is unchanged (the buffer may have moved or grown, text and capacity say
 * where it is). Without ONCO_JSON_PRETTY the answer is one line: it holds
 * no newline (a string's control characters are escaped).
 */
int onco_engine_evaluate_append(onco_engine *engine, const char *case_text, size_t length,
				int flags, onco_text *out, onco_error *err);

/*
 * Evaluates a FHIR R4 bundle (onco_fhir.h): reads it into a case,
 * evaluates that case as onco_engine_evaluate does, and adds the "source"
 * object (docs/output-format.md) to the answer. `fhir` may be NULL for the
 * defaults (no evaluation date but the bundle's own). Returns what
 * onco_engine_evaluate returns; a bundle that cannot be read, or from which
 * no case can be made, is ONCO_EINVALID with an error document (with
 * "source" when the bundle could be read).
 */
int onco_engine_evaluate_fhir(onco_engine *engine, const char *bundle, size_t length,
			      const onco_fhir_options *fhir, int flags, char **out,
			      onco_error *err);

/* The rule base's version (rules/VERSION) and the SHA-256 of its files. */
const char *onco_engine_kb_version(const onco_engine *engine);
const char *onco_engine_kb_sha256(const onco_engine *engine);

/*
 * The rule catalogue as JSON: every rule with its kind (scope, finding,
 * recommendation, exclusion, warning, note, missing), its comment, what it
 * concludes, its conditions and its citations with their labels; and every
 * knowledge-map label with the rules that implement it.
 */
int onco_engine_catalogue(onco_engine *engine, int flags, char **out,
			  onco_error *err);

/*
 * Explains one case (`oncorules explain`). Evaluates it, then judges the
 * conditions of concluding rules against the run: each condition "met",
 * "not met", "unknown" (the finding it needs is valued unknown in this
 * case) or "not judged" (not a scope or finding pattern), with the finding
 * values present, the rule that derived each, and the case facts behind
 * them with their JSON pointers.
 *
 * With `why_not` NULL, *out is {"case", "scope", "conclusions": [{"kind",
 * "id", "text", "derivation": RULE}]}: every conclusion and its rule.
 * With `why_not` an option (a recommendation id, a modality, an agent or a
 * procedure; case, spaces and hyphens ignored), *out is {"case", "scope",
 * "why_not", "rules": [RULE...], "exclusions": [...]}: every rule that can
 * conclude it, and the exclusions that fired against it.
 * RULE is {"rule", "file", "line", "comment", "kind", "concludes",
 * "modality"?, "procedure"?, "agents", "fired", "conditions": [{"condition",
 * "state", "negated", "kind", "name", "statement", "needs", "values":
 * [{"value", "rule", "because": [{"statement", "pointer"}]}], "fields"}],
 * "evidence"}.
 *
 * Returns 0; or what onco_engine_evaluate returns for a case it cannot
 * evaluate, with its error document in *out.
 */
int onco_engine_explain(onco_engine *engine, const char *case_text, size_t length,
			const char *why_not, int flags, char **out, onco_error *err);

/* Options of onco_kb_lint. */
typedef struct onco_lint_options {
	const char *kb_dir;   /* NULL: the rule base built into the binary */
	const char *kb_image; /* non-NULL: the rule text carried by this
				 compiled image (onco_engine_save_image),
				 named as in the folder it was compiled from;
				 kb_dir is then ignored */
	const char *map_path; /* a knowledge map whose [LABEL]s citations may
				 use; NULL: the rule base's own
				 knowledge-map.md */
} onco_lint_options;

/*
 * Checks a rule base without running it (`oncorules lint`): citations
 * (cite ids, sources, verbatim quotes, labels), finding definitions,
 * templates, slots and allowed symbols, I/O and salience in rules, `not`
 * over derived facts, conditions no rule can satisfy, duplicate rules,
 * concluding rules on raw case facts.
 *
 * Each mistake gives one finding, in the author's terms (the template,
 * the slot, the value, what is allowed, the closest name): a rule that
 * CLIPS cannot load is loaded once to get its error, which is reported
 * only when no check of lint's own explains the same construct.
 *
 * Returns 0 with *out the JSON text
 *   {"findings": [{"file", "line", "column", "severity": "error"|"warning",
 *                  "check", "message"}], "errors": N, "warnings": N}
 * sorted by file, line and column (the caller frees it); or ONCO_EIO when
 * a file cannot be read, or ONCO_ENOMEM, with *out NULL. "file" is the
 * path as the rule base was named: DIR/x.clp for --kb DIR, rules/x.clp for
 * the built-in rule base, the folder an image was compiled from.
 */
int onco_kb_lint(char **out, const onco_lint_options *opts, onco_error *err);

/* The rules of the rule base, in definition order, and how often each
 * fired in the last evaluation (0 before any): for coverage reports. */
size_t onco_engine_rule_count(const onco_engine *engine);
const char *onco_engine_rule_name(const onco_engine *engine, size_t index);
unsigned long onco_engine_rule_firings(const onco_engine *engine, size_t index);

/* A file of the loaded rule base ("knowledge-map.md", "schema.clp",
 * "sources/x.txt"), NUL-terminated, valid while the engine lives; NULL when
 * the rule base has no such file. */
const char *onco_engine_kb_text(const onco_engine *engine, const char *name,
				size_t *length);

/* The files of the loaded rule base, in load order ("schema.clp" first),
 * whether read from text or carried by an image: their count, and the
 * name of the i-th (NULL past the end), to read with onco_engine_kb_text. */
size_t onco_engine_kb_file_count(const onco_engine *engine);
const char *onco_engine_kb_file_name(const onco_engine *engine, size_t index);

/* The labels ("C4-1", "CR-7", ...) written [LABEL] in a knowledge map, in
 * order of first appearance, each once. *out (freed with
 * onco_map_labels_free) holds *count strings. 0 or ONCO_ENOMEM. */
int onco_map_labels(const char *map_text, char ***out, size_t *count);
void onco_map_labels_free(char **labels, size_t count);

#endif

/*
 * evaluate.c: one case, end to end: read and validate, reset, assert
 * through the fact builder, run with a firing limit, collect the result
 * document. Same case and rule base, same bytes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <clips.h>

#include "fact_read.h"
#include "private/collect.h"
#include "private/json_out.h"

static const char disclaimer[] =
	"Options for discussion by the treating team, not orders. They come from "
	"the guidance documents cited with each item and do not replace clinical "
	"judgement.";

/* One {"pointer", "message"} object appended to `errors`. */
static int add_error(cJSON *errors, const char *pointer, const char *message)
{
	cJSON *e = cJSON_CreateObject();

	if (e == NULL || ONCO_JSON_ADD(e, "pointer", cJSON_CreateString(pointer)) != 0 ||
	    ONCO_JSON_ADD(e, "message", cJSON_CreateString(message)) != 0) {
		cJSON_Delete(e);
		return ONCO_ENOMEM;
	}
	return onco_json_append(errors, e);
}

/* {"case": id|null, "errors": [{"pointer", "message"}]} appended to `out`:
 * 0, or ONCO_ENOMEM. */
static int error_document(const char *case_id, const onco_case_issues *issues,
			  const char *pointer, const char *message, int flags, onco_text *out)
{
	unsigned long failures = onco_json_alloc_failures();
	cJSON *doc = cJSON_CreateObject(), *errors = NULL;
	size_t i;
	int rc = doc == NULL ? ONCO_ENOMEM : 0;

	if (rc == 0)
		rc = ONCO_JSON_ADD(doc, "case", case_id != NULL ? cJSON_CreateString(case_id)
								: cJSON_CreateNull());
	if (rc == 0)
		rc = ONCO_JSON_ADD(doc, "errors", errors = cJSON_CreateArray());
	for (i = 0; rc == 0 && issues != NULL && i < issues->count; i++)
		rc = add_error(errors, issues->items[i].pointer, issues->items[i].message);
	if (rc == 0 && message != NULL)
		rc = add_error(errors, pointer, message);
	if (rc != 0) {
		cJSON_Delete(doc);
		return rc;
	}
	return onco_json_finish_append(doc, flags, failures, out);
}

static const char *cancer_slot(void *env, void *cancer, const char *slot)
{
	const char *s = cancer != NULL ? onco_fact_text(env, cancer, slot) : NULL;

	return s != NULL ? s : "not recorded";
}

static int compare_text(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Appends to the not-covered reason the facts that decide whether a
 * guideline covers the case and that the case does not record (`missing`
 * facts with decides-scope TRUE), sorted, each once: it is not covered
 * until they are. Returns the new length. */
static size_t scope_fields(onco_engine *engine, const onco_run_facts *run, char *reason,
			   size_t size, size_t used)
{
	const char *fields[8];
	size_t i, n = 0;

	for (i = 0; i < run->n_conclusions[ONCO_C_MISSING] && n < 8; i++) {
		void *fact = run->conclusions[ONCO_C_MISSING][i];
		const char *scope = onco_fact_text(engine->env, fact, "decides-scope");
		const char *field = onco_fact_text(engine->env, fact, "field");

		if (scope != NULL && strcmp(scope, "TRUE") == 0 && field != NULL)
			fields[n++] = field;
	}
	qsort(fields, n, sizeof(fields[0]), compare_text);
	for (i = 0; i < n && used < size; i++)
		if (i == 0 || strcmp(fields[i - 1], fields[i]) != 0)
			used += (size_t)snprintf(reason + used, size - used, "%s%s",
						 i ? ", " : " It is not covered until the case records ",
						 fields[i]);
	if (n > 0 && used < size)
		used += (size_t)snprintf(reason + used, size - used,
					 " (what decides whether a guideline applies; see the missing information).");
	return used;
}

/* "scope", "guidelines" and, when not covered, "scope_reason". */
static int add_scope(onco_engine *engine, onco_run_facts *run, cJSON *doc)
{
	cJSON *guidelines;
	char reason[4096];
	size_t i, used;
	int rc = 0;

	if (run->n_scopes == 0) {
		used = (size_t)snprintf(
			reason, sizeof(reason),
			"No guideline of the rule base covers this case (site %s, histology %s, stage %s, recurrent %s).",
			cancer_slot(engine->env, run->cancer, "site"),
			cancer_slot(engine->env, run->cancer, "histology"),
			cancer_slot(engine->env, run->cancer, "stage"),
			cancer_slot(engine->env, run->cancer, "recurrent"));
		used = scope_fields(engine, run, reason, sizeof(reason), used);
		if (used < sizeof(reason))
			used += (size_t)snprintf(reason + used, sizeof(reason) - used,
						 " The rule base covers:");
		for (i = 0; i < engine->kb.n_guidelines && used < sizeof(reason); i++)
			used += (size_t)snprintf(reason + used, sizeof(reason) - used, "%s %s.",
						 i ? "" : "", engine->kb.guidelines[i].covers);
		if (ONCO_JSON_ADD(doc, "scope", cJSON_CreateStringReference("not covered")) != 0 ||
		    ONCO_JSON_ADD(doc, "scope_reason", cJSON_CreateString(reason)) != 0 ||
		    ONCO_JSON_ADD(doc, "guidelines", cJSON_CreateArray()) != 0)
			return ONCO_ENOMEM;
		return 0;
	}
	if (ONCO_JSON_ADD(doc, "scope", cJSON_CreateStringReference("covered")) != 0 ||
	    ONCO_JSON_ADD(doc, "guidelines", guidelines = cJSON_CreateArray()) != 0)
		return ONCO_ENOMEM;
	/* Scope facts are few; keep the ids sorted and unique. The ids are
	 * the rule base's, which outlives the document (printed before the
	 * evaluation returns): referenced, not copied. */
	for (i = 0; i < engine->kb.n_guidelines && rc == 0; i++)
		if (onco_run_has_scope(engine, run, engine->kb.guidelines[i].id))
			rc = onco_json_append(guidelines,
					      cJSON_CreateStringReference(engine->kb.guidelines[i].id));
	return rc;
}

/* Adds `items` (NULL: memory ran out) under `key`. */
static int add_list(cJSON *doc, const char *key, cJSON *items)
{
	if (items == NULL)
		return ONCO_ENOMEM;
	if (!cJSON_AddItemToObject(doc, key, items)) {
		cJSON_Delete(items);
		return ONCO_ENOMEM;
	}
	return 0;
}

/* The summary form (ONCO_JSON_SUMMARY): case, knowledge base, scope,
 * guidelines and the cards with their ids, nothing else. Takes `doc`;
 * NULL when memory runs out. */
static cJSON *summary_of(cJSON *doc)
{
	static const char *const keep[] = {"case", "knowledge_base", "scope", "guidelines",
					   "cards"};
	cJSON *summary = cJSON_CreateObject();
	size_t i;

	for (i = 0; summary != NULL && i < sizeof(keep) / sizeof(keep[0]); i++) {
		cJSON *item = cJSON_DetachItemFromObjectCaseSensitive(doc, keep[i]);

		if (item != NULL && !cJSON_AddItemToObject(summary, keep[i], item)) {
			cJSON_Delete(item);
			cJSON_Delete(summary);
			summary = NULL;
		}
	}
	cJSON_Delete(doc);
	if (summary == NULL || onco_cards_summarize(cJSON_GetObjectItemCaseSensitive(summary, "cards")) != 0) {
		cJSON_Delete(summary);
		return NULL;
	}
	return summary;
}

/* "not_assessed": the drugs the case records by name, outside the list
 * the rule base knows ({"name", "pointer"}), so that the board sees what
 * no rule checked (docs/output-format.md). */
static int add_not_assessed(const onco_case *c, cJSON *doc)
{
	cJSON *list = NULL;
	onco_named_drug *drugs;
	size_t i, n;

	if (ONCO_JSON_ADD(doc, "not_assessed", list = cJSON_CreateArray()) != 0 ||
	    onco_case_named_drugs(c, &drugs, &n) != 0)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		/* an item added to the list is freed with the document */
		cJSON *item = cJSON_CreateObject();

		if (item == NULL || !cJSON_AddItemToArray(list, item) ||
		    ONCO_JSON_ADD(item, "name", cJSON_CreateString(drugs[i].name)) != 0 ||
		    ONCO_JSON_ADD(item, "pointer", cJSON_CreateString(drugs[i].pointer)) != 0) {
			onco_named_drugs_free(drugs, n);
			return ONCO_ENOMEM;
		}
	}
	onco_named_drugs_free(drugs, n);
	return 0;
}

/* The result document from `run`, the facts of the finished run, appended
 * to `out`: 0, or ONCO_ENOMEM. */
static int result_document(onco_engine *engine, const onco_case *c, onco_run_facts *run,
			   int flags, onco_text *out)
{
	unsigned long failures = onco_json_alloc_failures();
	cJSON *doc = NULL, *kb;
	size_t k;
	int rc;
	static const struct {
		const char *key;
		int kind;
	} lists[] = {{"recommendations", ONCO_C_RECOMMENDATION},
		     {"possible", ONCO_C_POSSIBLE},
		     {"warnings", ONCO_C_WARNING},
		     {"exclusions", ONCO_C_EXCLUSION}};

	run->lean = (flags & ONCO_JSON_SUMMARY) != 0;
	run->one_line = (flags & ONCO_JSON_PRETTY) == 0;
	run->kase = c;
	rc = (doc = cJSON_CreateObject()) == NULL ? ONCO_ENOMEM : 0;
	/* The case's strings are copied; the rule base's, which outlives the
	 * document, are referenced. */
	if (rc == 0)
		rc = ONCO_JSON_ADD(doc, "case", cJSON_CreateString(onco_case_id(c)));
	if (rc == 0)
		rc = ONCO_JSON_ADD(doc, "knowledge_base", kb = cJSON_CreateObject());
	if (rc == 0)
		rc = ONCO_JSON_ADD(kb, "version", cJSON_CreateStringReference(engine->kb.version));
	if (rc == 0)
		rc = ONCO_JSON_ADD(kb, "sha256", cJSON_CreateStringReference(engine->kb.sha256));
	if (rc == 0)
		rc = add_scope(engine, run, doc);
	for (k = 0; k < sizeof(lists) / sizeof(lists[0]) && rc == 0; k++)
		rc = add_list(doc, lists[k].key,
			      onco_conclusions_json(engine, run, lists[k].kind));
	if (rc == 0)
		rc = add_list(doc, "missing_information", onco_missing_json(engine, run));
	if (rc == 0)
		rc = add_list(doc, "notes", onco_conclusions_json(engine, run, ONCO_C_NOTE));
	if (rc == 0)
		rc = add_not_assessed(c, doc);
	if (rc == 0)
		rc = onco_cards_add(engine, run, doc);
	if (rc == 0)
		rc = ONCO_JSON_ADD(doc, "disclaimer", cJSON_CreateStringReference(disclaimer));
	if (rc != 0) {
		cJSON_Delete(doc);
		return rc;
	}
	if (flags & ONCO_JSON_SUMMARY)
		doc = summary_of(doc);
	return onco_json_finish_append(doc, flags, failures, out);
}

/* The arguments of one evaluation, for the guarded call. */
typedef struct evaluation {
	const char *text;
	size_t length;
	int flags;
	onco_text *out; /* the answer is appended here */
	onco_error *err;
} evaluation;

/* Reset, assert, run: everything between the case and its facts in
 * working memory, watched by the limits (a deffacts or a rule may loop).
 * Two passes: the rules, then, when some option is possible if the case
 * recorded more, the rules again so that the gates judge it. Returns 0 or
 * an error code with `err` filled; *stopped is set when a limit stopped
 * it, with the message. */
static int run_case(onco_engine *engine, const onco_case *c, onco_run_facts *run,
		    onco_error *err, int *stopped, char *message, size_t size)
{
	long long fired = 0;
	int rc;

	onco_capture_reset(&engine->capture);
	onco_limits_start(engine, 0);
	onco_support_clear(engine);
	EnvReset(engine->env);
	engine->evaluated = 1;
	/* The rule base's templates do not change: checked until it passes. */
	rc = engine->schema_checked ? 0 : onco_case_check_rule_base(engine->env, err);
	engine->schema_checked = rc == 0;
	if (rc == 0 && engine->watch.hit == ONCO_LIMIT_NONE)
		rc = onco_case_assert_checked(c, engine->env, err);
	if (rc == 0 && engine->watch.hit == ONCO_LIMIT_NONE) {
		fired = EnvRun(engine->env, engine->opts.max_firings + 1);
		/* A firing the support log could not record: the explanation
		 * would miss facts, so the run fails. */
		if (engine->supports.nomem)
			rc = onco_error_set(err, ONCO_ENOMEM, "out of memory");
		else if (!engine->capture.has_error &&
			 !onco_limits_reached(engine, fired, message, size)) {
			rc = onco_possible_run(engine, &fired, run);
			if (rc != 0)
				onco_error_set(err, rc, rc == ONCO_ENOMEM ? "out of memory"
								  : "could not assert the possible options of case %s",
					       onco_case_id(c));
			else if (engine->supports.nomem)
				rc = onco_error_set(err, ONCO_ENOMEM, "out of memory");
		}
	}
	onco_limits_stop(engine);
	if (rc != 0)
		return rc;
	/* A limit halts execution, which CLIPS reports as an error of the rule
	 * it stopped: the limit is the answer. */
	*stopped = onco_limits_reached(engine, fired, message, size);
	if (!*stopped && engine->capture.has_error)
		return onco_error_set(err, ONCO_EINTERNAL, "rule error while evaluating case %s: %s",
				      onco_case_id(c), engine->capture.text);
	return 0;
}

static int evaluate_in_clips(onco_engine *engine, void *arg)
{
	evaluation *e = arg;
	onco_case_issues issues = {0};
	onco_case *c = NULL;
	onco_run_facts run = {0};
	char message[256];
	int rc, stopped = 0;

	rc = onco_case_read(&c, e->text, e->length, &engine->opts.limits, &issues);
	if (rc == ONCO_EINVALID) {
		rc = error_document(issues.case_id, &issues, NULL, NULL, e->flags, e->out);
		onco_case_issues_free(&issues);
		return rc == 0 ? ONCO_EINVALID
			       : onco_error_set(e->err, ONCO_ENOMEM, "out of memory");
	}
	onco_case_issues_free(&issues);
	if (rc != 0)
		return onco_error_set(e->err, rc, "cannot read the case: out of memory");

	rc = run_case(engine, c, &run, e->err, &stopped, message, sizeof(message));
	if (rc == 0 && stopped) {
		rc = error_document(onco_case_id(c), NULL, "", message, e->flags, e->out) == 0
			     ? onco_error_set(e->err, ONCO_ELIMIT, "%s", message)
			     : onco_error_set(e->err, ONCO_ENOMEM, "out of memory");
	} else if (rc == 0) {
		rc = result_document(engine, c, &run, e->flags, e->out);
		if (rc != 0)
			rc = onco_error_set(e->err, rc, rc == ONCO_ENOMEM ? "out of memory"
								  : "could not build the answer of case %s",
					    onco_case_id(c));
	}
	onco_run_facts_release(&run);
	onco_case_free(c);
	return rc;
}

int onco_engine_evaluate_append(onco_engine *engine, const char *case_text, size_t length,
				int flags, onco_text *out, onco_error *err)
{
	evaluation e = {case_text, length, flags, out, err};
	size_t start = out->length;
	int rc;

	onco_error_clear(err);
	/* Every cJSON allocation of the evaluation comes from the arena; the
	 * answer is printed outside it, into `out` (onco_json_finish_append). */
	onco_json_arena_enter(engine->arena);
	rc = onco_guarded(engine, evaluate_in_clips, &e, err);
	onco_json_arena_leave(engine->arena);
	if (rc != 0 && rc != ONCO_EINVALID && rc != ONCO_ELIMIT && out->length != start) {
		out->length = start;
		out->text[start] = '\0';
	}
	return rc;
}

int onco_engine_evaluate(onco_engine *engine, const char *case_text, size_t length,
			 int flags, char **out, onco_error *err)
{
	onco_text answer = {NULL, 0, 0};
	int rc = onco_engine_evaluate_append(engine, case_text, length, flags, &answer, err);

	*out = NULL;
	if (rc == 0 || rc == ONCO_EINVALID || rc == ONCO_ELIMIT)
		*out = answer.text;
	else
		free(answer.text);
	return rc;
}

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

static const char disclaimer[] =
	"Options for discussion by the treating team, not orders. They come from "
	"the guidance documents cited with each item and do not replace clinical "
	"judgement.";

static char *print(cJSON *doc, int flags)
{
	char *text = (flags & ONCO_JSON_PRETTY) ? cJSON_Print(doc) : cJSON_PrintUnformatted(doc);

	cJSON_Delete(doc);
	return text;
}

/* {"case": id|null, "errors": [{"pointer", "message"}]} */
static char *error_document(const char *case_id, const onco_case_issues *issues,
			    const char *pointer, const char *message, int flags)
{
	cJSON *doc = cJSON_CreateObject(), *errors;
	size_t i;

	if (doc == NULL)
		return NULL;
	if (case_id != NULL)
		cJSON_AddStringToObject(doc, "case", case_id);
	else
		cJSON_AddNullToObject(doc, "case");
	errors = cJSON_AddArrayToObject(doc, "errors");
	for (i = 0; issues != NULL && i < issues->count; i++) {
		cJSON *e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "pointer", issues->items[i].pointer);
		cJSON_AddStringToObject(e, "message", issues->items[i].message);
		cJSON_AddItemToArray(errors, e);
	}
	if (message != NULL) {
		cJSON *e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "pointer", pointer);
		cJSON_AddStringToObject(e, "message", message);
		cJSON_AddItemToArray(errors, e);
	}
	return print(doc, flags);
}

static const char *cancer_slot(void *env, void *cancer, const char *slot)
{
	const char *s = cancer != NULL ? onco_fact_text(env, cancer, slot) : NULL;

	return s != NULL ? s : "not recorded";
}

/* "scope", "guidelines" and, when not covered, "scope_reason". */
static int add_scope(onco_engine *engine, onco_run_facts *run, cJSON *doc)
{
	cJSON *guidelines;
	char reason[4096];
	size_t i, used;

	if (run->n_scopes == 0) {
		used = (size_t)snprintf(
			reason, sizeof(reason),
			"No guideline of the rule base covers this case (site %s, stage %s, recurrent %s). The rule base covers:",
			cancer_slot(engine->env, run->cancer, "site"),
			cancer_slot(engine->env, run->cancer, "stage"),
			cancer_slot(engine->env, run->cancer, "recurrent"));
		for (i = 0; i < engine->kb.n_guidelines && used < sizeof(reason); i++)
			used += (size_t)snprintf(reason + used, sizeof(reason) - used, "%s %s.",
						 i ? "" : "", engine->kb.guidelines[i].covers);
		cJSON_AddStringToObject(doc, "scope", "not covered");
		cJSON_AddStringToObject(doc, "scope_reason", reason);
		return cJSON_AddArrayToObject(doc, "guidelines") ? 0 : ONCO_ENOMEM;
	}
	cJSON_AddStringToObject(doc, "scope", "covered");
	guidelines = cJSON_AddArrayToObject(doc, "guidelines");
	if (guidelines == NULL)
		return ONCO_ENOMEM;
	/* Scope facts are few; keep the ids sorted and unique. */
	for (i = 0; i < engine->kb.n_guidelines; i++)
		if (onco_run_has_scope(engine, run, engine->kb.guidelines[i].id))
			cJSON_AddItemToArray(guidelines,
					     cJSON_CreateString(engine->kb.guidelines[i].id));
	return 0;
}

/* Asserts the "possible if" options of the run just ended (possible.c). */
static int possible_options(onco_engine *engine, size_t *count)
{
	onco_run_facts run;
	int rc = onco_run_facts_gather(engine, &run);

	*count = 0;
	if (rc == 0)
		rc = onco_possible_assert(engine, &run, count);
	onco_run_facts_release(&run);
	return rc;
}

/* The summary form (ONCO_JSON_SUMMARY): case, knowledge base, scope,
 * guidelines and the cards with their ids, nothing else. */
static char *print_summary(cJSON *doc, int flags)
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
	return print(summary, flags);
}

/* "not_assessed": the drugs the case records by name, outside the list
 * the rule base knows ({"name", "pointer"}), so that the board sees what
 * no rule checked (docs/output-format.md). */
static int add_not_assessed(const onco_case *c, cJSON *doc)
{
	cJSON *list = cJSON_AddArrayToObject(doc, "not_assessed");
	onco_named_drug *drugs;
	size_t i, n;

	if (list == NULL || onco_case_named_drugs(c, &drugs, &n) != 0)
		return ONCO_ENOMEM;
	for (i = 0; i < n; i++) {
		/* an item added to the list is freed with the document */
		cJSON *item = cJSON_CreateObject();

		if (item == NULL || !cJSON_AddItemToArray(list, item) ||
		    cJSON_AddStringToObject(item, "name", drugs[i].name) == NULL ||
		    cJSON_AddStringToObject(item, "pointer", drugs[i].pointer) == NULL) {
			onco_named_drugs_free(drugs, n);
			return ONCO_ENOMEM;
		}
	}
	onco_named_drugs_free(drugs, n);
	return 0;
}

static char *result_document(onco_engine *engine, const onco_case *c, int flags)
{
	onco_run_facts run;
	cJSON *doc = NULL, *kb, *missing;
	int k, rc;
	static const struct {
		const char *key;
		int kind;
	} lists[] = {{"recommendations", ONCO_C_RECOMMENDATION},
		     {"possible", ONCO_C_POSSIBLE},
		     {"warnings", ONCO_C_WARNING},
		     {"exclusions", ONCO_C_EXCLUSION}};

	rc = onco_run_facts_gather(engine, &run);
	run.lean = (flags & ONCO_JSON_SUMMARY) != 0;
	if (rc != 0 || (doc = cJSON_CreateObject()) == NULL)
		goto fail;
	kb = cJSON_AddStringToObject(doc, "case", onco_case_id(c)) != NULL
		     ? cJSON_AddObjectToObject(doc, "knowledge_base")
		     : NULL;
	if (kb == NULL || !cJSON_AddStringToObject(kb, "version", engine->kb.version) ||
	    !cJSON_AddStringToObject(kb, "sha256", engine->kb.sha256))
		goto fail;
	if (add_scope(engine, &run, doc) != 0)
		goto fail;
	for (k = 0; k < (int)(sizeof(lists) / sizeof(lists[0])); k++) {
		cJSON *items = onco_conclusions_json(engine, &run, lists[k].kind);
		if (items == NULL || !cJSON_AddItemToObject(doc, lists[k].key, items)) {
			cJSON_Delete(items);
			goto fail;
		}
	}
	missing = onco_missing_json(engine, &run);
	if (missing == NULL || !cJSON_AddItemToObject(doc, "missing_information", missing)) {
		cJSON_Delete(missing);
		goto fail;
	}
	{
		cJSON *notes = onco_conclusions_json(engine, &run, ONCO_C_NOTE);
		if (notes == NULL || !cJSON_AddItemToObject(doc, "notes", notes)) {
			cJSON_Delete(notes);
			goto fail;
		}
	}
	if (add_not_assessed(c, doc) != 0 || onco_cards_add(engine, &run, doc) != 0 ||
	    !cJSON_AddStringToObject(doc, "disclaimer", disclaimer))
		goto fail;
	onco_run_facts_release(&run);
	if (flags & ONCO_JSON_SUMMARY)
		return print_summary(doc, flags);
	return print(doc, flags);
fail:
	onco_run_facts_release(&run);
	cJSON_Delete(doc);
	return NULL;
}

int onco_engine_evaluate(onco_engine *engine, const char *case_text, size_t length,
			 int flags, char **out, onco_error *err)
{
	onco_case_issues issues = {0};
	onco_case *c = NULL;
	long long fired;
	char message[256];
	int rc, pass;

	*out = NULL;
	onco_error_clear(err);
	rc = onco_case_read(&c, case_text, length, &engine->opts.limits, &issues);
	if (rc == ONCO_EINVALID) {
		*out = error_document(issues.case_id, &issues, NULL, NULL, flags);
		onco_case_issues_free(&issues);
		return *out != NULL ? ONCO_EINVALID
				    : onco_error_set(err, ONCO_ENOMEM, "out of memory");
	}
	onco_case_issues_free(&issues);
	if (rc != 0)
		return onco_error_set(err, rc, "cannot read the case: out of memory");

	onco_capture_reset(&engine->capture);
	onco_support_clear(engine);
	EnvReset(engine->env);
	engine->evaluated = 1;
	rc = onco_case_assert(c, engine->env, err);
	if (rc != 0)
		goto done;
	engine->fact_limit_hit = 0;
	fired = 0;
	/* Two passes: the rules, then, when some option is possible if the
	 * case recorded more, the rules again so that the gates judge it. */
	for (pass = 0; pass < 2; pass++) {
		size_t possible = 0;

		fired += EnvRun(engine->env, engine->opts.max_firings + 1 - fired);
		if (engine->capture.has_error) {
			rc = onco_error_set(err, ONCO_EINTERNAL,
					    "rule error while evaluating case %s: %s",
					    onco_case_id(c), engine->capture.text);
			goto done;
		}
		if (engine->supports.nomem) {
			rc = onco_error_set(err, ONCO_ENOMEM, "out of memory");
			goto done;
		}
		if (onco_limits_reached(engine, fired, message, sizeof(message))) {
			*out = error_document(onco_case_id(c), NULL, "", message, flags);
			rc = *out != NULL ? ONCO_ELIMIT
					  : onco_error_set(err, ONCO_ENOMEM, "out of memory");
			if (rc == ONCO_ELIMIT)
				onco_error_set(err, ONCO_ELIMIT, "%s", message);
			goto done;
		}
		if (pass == 1)
			break;
		rc = possible_options(engine, &possible);
		if (rc != 0) {
			onco_error_set(err, rc, rc == ONCO_ENOMEM ? "out of memory"
						  : "could not assert the possible options of case %s",
				       onco_case_id(c));
			goto done;
		}
		if (possible == 0)
			break;
	}
	*out = result_document(engine, c, flags);
	rc = *out != NULL ? 0 : onco_error_set(err, ONCO_ENOMEM, "out of memory");
done:
	onco_case_free(c);
	return rc;
}

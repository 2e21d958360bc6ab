/*
 * cds_cards.c: the CDS Hooks response of a patient-view call, card by
 * card (cds.h): summary, indicator, source and uuid here; the detail in
 * cds_detail.c and cds_record.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <openssl/evp.h>

#include "cds.h"

#define SUMMARY_MAX 139  /* "summary ... SHALL be less than 140 characters" */
#define TITLE_MAX 90     /* of the summary; the rest names the card's first item */
#define TOPIC_SYSTEM "urn:oncorules:guideline"

/* The namespace of our name-based (version 5, RFC 4122 section 4.3)
 * uuids; drawn once at random for oncorules, never to change. */
static const unsigned char uuid_namespace[16] = {0x6b, 0x1f, 0x3c, 0x52, 0x9e, 0x0d, 0x4a, 0x7b,
						 0xa3, 0x58, 0x2c, 0xe1, 0x70, 0x94, 0xd6, 0x0f};

/* ------------------------------------------------------------- uuid */

/* A version 5 uuid of the card's content and the patient: the same
 * answer gives the same uuid, feedback names the card it was about. */
static int content_uuid(char out[37], const char *patient, const char *summary,
			const char *indicator, const char *label, const char *detail)
{
	const char *parts[] = {patient, summary, indicator, label, detail};
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	size_t i;
	int ok;

	ok = md != NULL && EVP_DigestInit_ex(md, EVP_sha1(), NULL) == 1 &&
	     EVP_DigestUpdate(md, uuid_namespace, sizeof(uuid_namespace)) == 1;
	for (i = 0; ok && i < sizeof(parts) / sizeof(parts[0]); i++)
		ok = EVP_DigestUpdate(md, parts[i], strlen(parts[i]) + 1) == 1; /* with its NUL */
	ok = ok && EVP_DigestFinal_ex(md, digest, &n) == 1 && n >= 16;
	EVP_MD_CTX_free(md);
	if (!ok)
		return -1;
	digest[6] = (unsigned char)((digest[6] & 0x0F) | 0x50); /* version 5 */
	digest[8] = (unsigned char)((digest[8] & 0x3F) | 0x80); /* RFC 4122 variant */
	for (i = 0, n = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[n++] = '-';
		snprintf(out + n, 3, "%02x", digest[i]);
		n += 2;
	}
	out[n] = '\0';
	return 0;
}

/* ---------------------------------------------------------- summary */

/* The lists of a card, in card order, and the text each item shows in a
 * summary: the result list that holds the item and its field (missing:
 * the card holds the field itself), after a prefix. */
static const struct {
	const char *list, *items, *text, *prefix;
} lists[] = {
	{"options", "recommendations", "summary", ""},
	{"possible", "possible", "summary", "possible: "},
	{"warnings", "warnings", "text", ""},
	{"exclusions", "exclusions", "reason", ""},
	{"missing", NULL, NULL, "not recorded: "},
	{"notes", "notes", "text", ""},
};
#define N_LISTS (sizeof(lists) / sizeof(lists[0]))

/* The text of the first item of the card's list `k`; NULL when empty. */
static const char *item_text(const cJSON *result, const cJSON *card, size_t k)
{
	const cJSON *first = cJSON_GetArrayItem(cds_list(card, lists[k].list), 0), *item;

	if (!cJSON_IsString(first))
		return NULL;
	if (lists[k].items == NULL)
		return first->valuestring;
	item = cds_item(result, lists[k].items, first);
	return item != NULL ? cds_str(item, lists[k].text) : first->valuestring;
}

static int item_count(const cJSON *card)
{
	size_t k;
	int n = 0;

	for (k = 0; k < N_LISTS; k++)
		n += cJSON_GetArraySize(cds_list(card, lists[k].list));
	return n;
}

/* "TITLE: FIRST ITEM (+N more)", under 140 bytes (so under 140
 * characters). The row's lead list first, then the others in card order:
 * a card of options whose options are all possible names a possible one. */
static void lead_summary(cds_text *t, const cds_card_row *row, const cJSON *card,
			 const cJSON *result)
{
	const char *text = NULL, *prefix = "";
	char more[32] = "";
	size_t k, used;
	int n = item_count(card);

	for (k = 0; text == NULL && k < N_LISTS; k++)
		if (strcmp(lists[k].list, row->lead) == 0 &&
		    (text = item_text(result, card, k)) != NULL)
			prefix = lists[k].prefix;
	for (k = 0; text == NULL && k < N_LISTS; k++)
		if ((text = item_text(result, card, k)) != NULL)
			prefix = lists[k].prefix;
	cds_plain_cut(t, cds_str(card, "title"), TITLE_MAX);
	if (text == NULL)
		return;
	if (n > 1)
		snprintf(more, sizeof(more), " (+%d more)", n - 1);
	cds_puts(t, ": ");
	cds_puts(t, prefix);
	used = t->length + strlen(more);
	cds_plain_cut(t, text, used < SUMMARY_MAX ? SUMMARY_MAX - used : 0);
	cds_puts(t, more);
}

static void status_summary(cds_text *t, const cJSON *card, const cJSON *result,
			   const cds_context *ctx)
{
	size_t used;
	int options = cJSON_GetArraySize(cds_list(result, "recommendations"));
	int possible = cJSON_GetArraySize(cds_list(result, "possible"));
	char counts[96];

	snprintf(counts, sizeof(counts), ", as of %s: %d option%s, %d possible", ctx->as_of,
		 options, options == 1 ? "" : "s", possible);
	cds_plain_cut(t, cds_str(card, "title"), TITLE_MAX);
	cds_puts(t, counts);
	if (cJSON_IsString(cds_list(card, "reason"))) {
		cds_puts(t, "; ");
		used = t->length;
		cds_plain_cut(t, cds_str(card, "reason"), used < SUMMARY_MAX ? SUMMARY_MAX - used : 0);
	}
}

/* ------------------------------------------------------------ source */

/* The guideline a card rests on: its own, else the case's only one. */
static const cJSON *guideline_of(const cJSON *card, const cJSON *result)
{
	const cJSON *status = cJSON_GetArrayItem(cds_list(result, "cards"), 0);
	const cJSON *all = cds_list(status, "guidelines");

	if (cds_str(card, "guideline")[0] != '\0')
		return cds_find(status, "guidelines", "id", cds_str(card, "guideline"));
	return cJSON_GetArraySize(all) == 1 ? cJSON_GetArrayItem(all, 0) : NULL;
}

static int add_source(cJSON *cds, const cds_card_row *row, const cJSON *card,
		      const cJSON *result, char *label, size_t size)
{
	const cJSON *g = row->source == CDS_SOURCE_GUIDELINE ? guideline_of(card, result) : NULL;
	const cJSON *kb = cds_list(result, "knowledge_base");
	cJSON *source = cJSON_AddObjectToObject(cds, "source"), *topic;

	if (row->source == CDS_SOURCE_RECORD)
		snprintf(label, size, "oncorules: the record the EHR sent, as its FHIR reader read it");
	else if (g != NULL)
		snprintf(label, size, "oncorules: %s (%s)", cds_str(g, "title"), cds_str(g, "source"));
	else
		snprintf(label, size, "oncorules rule base %s", cds_str(kb, "version"));
	if (source == NULL || !cJSON_AddStringToObject(source, "label", label))
		return -1;
	if (g == NULL)
		return 0;
	topic = cJSON_AddObjectToObject(source, "topic");
	return topic != NULL && cJSON_AddStringToObject(topic, "system", TOPIC_SYSTEM) &&
			       cJSON_AddStringToObject(topic, "code", cds_str(g, "id")) &&
			       cJSON_AddStringToObject(topic, "display", cds_str(g, "title"))
		       ? 0
		       : -1;
}

/* ------------------------------------------------------------- cards */

static cds_indicator card_indicator(const cds_card_row *row, const cJSON *card,
				    const cJSON *result)
{
	cds_indicator worst = row->indicator, i;
	const cJSON *id, *w;

	cJSON_ArrayForEach(id, cds_list(card, "warnings")) {
		w = cds_item(result, "warnings", id);
		i = cds_severity_indicator(w != NULL ? cds_str(w, "severity") : NULL);
		if (i > worst)
			worst = i;
	}
	return worst;
}

/* Adds {"uuid", "summary", "indicator", "source", "detail"}; takes the
 * texts (freed here). */
static int add_card(cJSON *cards, const cds_context *ctx, const cds_card_row *row,
		    const cJSON *card, const cJSON *result, cds_indicator indicator,
		    cds_text *summary, cds_text *detail)
{
	cJSON *cds = cJSON_CreateObject(), *uuid;
	char id[37], label[512];
	int rc = -1;

	if (cds == NULL || !cJSON_AddItemToArray(cards, cds) || summary->failed ||
	    detail->failed || summary->data == NULL || detail->data == NULL)
		goto done;
	if ((uuid = cJSON_AddStringToObject(cds, "uuid", "")) == NULL ||
	    !cJSON_AddStringToObject(cds, "summary", summary->data) ||
	    !cJSON_AddStringToObject(cds, "indicator", cds_indicator_name(indicator)) ||
	    add_source(cds, row, card, result, label, sizeof(label)) != 0 ||
	    !cJSON_AddStringToObject(cds, "detail", detail->data))
		goto done;
	/* Set in place: cJSON's Replace keeps a member whose name it could not
	 * copy (a card with no "uuid", and success) and leaks the new item
	 * when it fails. */
	if (content_uuid(id, ctx->patient_id, summary->data, cds_indicator_name(indicator),
			 label, detail->data) != 0 ||
	    cJSON_SetValuestring(uuid, id) == NULL)
		goto done;
	rc = 0;
done:
	cds_text_free(summary);
	cds_text_free(detail);
	return rc;
}

static int decision_card(cJSON *cards, const cJSON *card, const cJSON *result,
			 const cds_context *ctx)
{
	const cds_card_row *row = cds_row(cds_str(card, "kind"));
	cds_text summary = {0}, detail = {0};

	if (row == NULL || row->source == CDS_SOURCE_RECORD ||
	    strcmp(row->kind, "not-covered") == 0)
		row = cds_row("unknown-kind");
	if (row->lead == NULL)
		status_summary(&summary, card, result, ctx);
	else
		lead_summary(&summary, row, card, result);
	cds_md_card(&detail, card, result, ctx);
	return add_card(cards, ctx, row, card, result, card_indicator(row, card, result),
			&summary, &detail);
}

/* In place of the status card of a case the rules do not cover. */
static int not_covered_card(cJSON *cards, const cJSON *card, const cJSON *result,
			    const cds_context *ctx)
{
	const cds_card_row *row = cds_row("not-covered");
	cds_text summary = {0}, detail = {0};

	cds_puts(&summary, "Not covered by the oncorules guidelines: ");
	cds_plain_cut(&summary, cds_str(result, "scope_reason"), SUMMARY_MAX - summary.length);
	cds_puts(&detail, "**No guidance: the rules do not cover this case.** ");
	cds_md(&detail, cds_str(result, "scope_reason"));
	cds_puts(&detail, "\n\n");
	cds_md_card(&detail, card, result, ctx);
	return add_card(cards, ctx, row, card, result, row->indicator, &summary, &detail);
}

/* The error document of a record from which no case could be made. */
static int no_case_card(cJSON *cards, const cJSON *result, const cds_context *ctx)
{
	const cds_card_row *row = cds_row("no-case");
	const cJSON *errors = cds_list(result, "errors"), *e;
	cds_text summary = {0}, detail = {0};
	char where[512];

	cds_puts(&summary, "No guidance from oncorules: ");
	cds_plain_cut(&summary, cds_str(cJSON_GetArrayItem(errors, 0), "message"),
		      SUMMARY_MAX - summary.length);
	cds_puts(&detail, "**No case could be made of the record: no guidance was computed.**\n\n");
	cJSON_ArrayForEach(e, errors) {
		cds_request_pointer(ctx->prefetch, cds_str(e, "pointer"), where, sizeof(where));
		cds_puts(&detail, "- ");
		cds_md(&detail, where);
		cds_puts(&detail, ": ");
		cds_md(&detail, cds_str(e, "message"));
		cds_puts(&detail, "\n");
	}
	return add_card(cards, ctx, row, NULL, result, row->indicator, &summary, &detail);
}

static int record_card(cJSON *cards, const cJSON *result, const cds_context *ctx)
{
	const cds_card_row *row = cds_row("source-record");
	const cJSON *source = cds_list(result, "source");
	int conflicts = cJSON_GetArraySize(cds_list(source, "conflicts"));
	int unread = cJSON_GetArraySize(cds_list(source, "not_understood"));
	cds_text summary = {0}, detail = {0};

	if (conflicts == 0 && unread == 0)
		return 0;
	cds_printf(&summary, "Record: %d conflicting result%s left out, %d element%s not "
			     "understood or not used",
		   conflicts, conflicts == 1 ? "" : "s", unread, unread == 1 ? "" : "s");
	cds_md_record(&detail, source, ctx->prefetch);
	return add_card(cards, ctx, row, NULL, result,
			conflicts > 0 && row->indicator < CDS_WARNING ? CDS_WARNING : row->indicator,
			&summary, &detail);
}

char *cds_response(const char *result_text, const cds_context *ctx)
{
	cJSON *result = cJSON_Parse(result_text), *response = cJSON_CreateObject(), *cards;
	const cJSON *card;
	int covered, rc = 0;
	char *out = NULL;

	if (result == NULL || response == NULL ||
	    (cards = cJSON_AddArrayToObject(response, "cards")) == NULL)
		goto done;
	if (cJSON_IsArray(cds_list(result, "errors"))) {
		rc = no_case_card(cards, result, ctx);
	} else if (cJSON_IsArray(cds_list(result, "cards"))) {
		covered = strcmp(cds_str(result, "scope"), "covered") == 0;
		cJSON_ArrayForEach(card, cds_list(result, "cards")) {
			if (rc != 0)
				break;
			rc = !covered && strcmp(cds_str(card, "kind"), "status") == 0
				     ? not_covered_card(cards, card, result, ctx)
				     : decision_card(cards, card, result, ctx);
		}
	} else {
		goto done;
	}
	rc = rc ? rc : record_card(cards, result, ctx);
	if (rc == 0)
		out = cJSON_PrintUnformatted(response);
done:
	cJSON_Delete(result);
	cJSON_Delete(response);
	return out;
}

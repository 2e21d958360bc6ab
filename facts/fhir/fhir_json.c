/*
 * fhir_json.c: the helpers every resource reader uses: members read once
 * and checked (type, length, duplicate keys), codings looked up in the
 * mapping table, pointers into the bundle, notes and provenance.
 *
 * Text copied from the bundle into the output (codes, displays, resource
 * references) goes through fhir_clean: bounded, so that no view can be
 * flooded by a record; control characters are kept as written and escaped
 * by the view that prints them (cli/printable.h), never driving a
 * terminal.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fhir_internal.h"

/* Text copied into notes is cut here: enough to recognise a display. */
#define NOTE_TEXT_MAX 200
/* Codes shown per not-understood concept. */
#define NOTE_CODES_MAX 4

void fhir_nomem(fhir_reader *r)
{
	r->rc = ONCO_ENOMEM;
}

char *fhir_clean(const char *s, size_t max)
{
	size_t n = strlen(s), keep = n, len;
	char *out;

	if (n > max) {
		keep = max;
		/* back to the start of a UTF-8 sequence */
		while (keep > 0 && ((unsigned char)s[keep] & 0xc0) == 0x80)
			keep--;
	}
	out = malloc(keep + 4);
	if (out == NULL)
		return NULL;
	/* Kept as written: the JSON writer escapes control characters, and
	 * every text view escapes them on its one printable path
	 * (cli/printable.h), so a name reads alike in both. */
	memcpy(out, s, keep);
	len = keep;
	if (keep < n) {
		memcpy(out + len, "...", 3);
		len += 3;
	}
	out[len] = '\0';
	return out;
}

const char *fhir_at(fhir_reader *r, const char *fmt, ...)
{
	va_list args;
	char tail[256];

	va_start(args, fmt);
	vsnprintf(tail, sizeof(tail), fmt, args);
	va_end(args);
	onco_buf_truncate(&r->at, 0);
	if (onco_buf_puts(&r->at, onco_buf_text(&r->base)) != 0 ||
	    onco_buf_puts(&r->at, tail) != 0)
		fhir_nomem(r);
	return onco_buf_text(&r->at);
}

/* A note is an object in source.not_understood. */
static void note_string(fhir_reader *r, cJSON *note, const char *key,
			const char *value)
{
	char *clean;

	if (value == NULL)
		return;
	clean = fhir_clean(value, NOTE_TEXT_MAX);
	if (clean == NULL || cJSON_AddStringToObject(note, key, clean) == NULL)
		fhir_nomem(r);
	free(clean);
}

/* "system|code" of each coding (a few), and the concept's text or the
 * first display. */
static void note_codes(fhir_reader *r, cJSON *note, const cJSON *concept)
{
	const cJSON *codings, *coding, *system, *code, *display, *text;
	cJSON *codes;
	const char *shown = NULL;
	char buf[2 * NOTE_TEXT_MAX + 2];
	size_t n = 0;

	if (!cJSON_IsObject(concept))
		return;
	codings = cJSON_GetObjectItemCaseSensitive(concept, "coding");
	codes = NULL;
	if (cJSON_IsArray(codings) && (codes = cJSON_CreateArray()) == NULL)
		fhir_nomem(r);
	cJSON_ArrayForEach(coding, codings) {
		if (n++ >= NOTE_CODES_MAX || codes == NULL)
			break;
		system = cJSON_GetObjectItemCaseSensitive(coding, "system");
		code = cJSON_GetObjectItemCaseSensitive(coding, "code");
		display = cJSON_GetObjectItemCaseSensitive(coding, "display");
		snprintf(buf, sizeof(buf), "%.*s|%.*s", NOTE_TEXT_MAX,
			 cJSON_IsString(system) ? system->valuestring : "",
			 NOTE_TEXT_MAX,
			 cJSON_IsString(code) ? code->valuestring : "");
		{
			char *clean = fhir_clean(buf, NOTE_TEXT_MAX);
			cJSON *one = clean != NULL ? cJSON_CreateString(clean) : NULL;

			if (one == NULL)
				fhir_nomem(r);
			else
				cJSON_AddItemToArray(codes, one);
			free(clean);
		}
		if (shown == NULL && cJSON_IsString(display))
			shown = display->valuestring;
	}
	/* A Coding given directly (not a CodeableConcept). */
	code = cJSON_GetObjectItemCaseSensitive(concept, "code");
	if (codes == NULL && cJSON_IsString(code)) {
		system = cJSON_GetObjectItemCaseSensitive(concept, "system");
		snprintf(buf, sizeof(buf), "%.*s|%.*s", NOTE_TEXT_MAX,
			 cJSON_IsString(system) ? system->valuestring : "",
			 NOTE_TEXT_MAX, code->valuestring);
		codes = cJSON_CreateArray();
		if (codes != NULL) {
			char *clean = fhir_clean(buf, NOTE_TEXT_MAX);
			cJSON *one = clean != NULL ? cJSON_CreateString(clean) : NULL;

			if (one == NULL)
				fhir_nomem(r);
			else
				cJSON_AddItemToArray(codes, one);
			free(clean);
		}
		display = cJSON_GetObjectItemCaseSensitive(concept, "display");
		if (cJSON_IsString(display))
			shown = display->valuestring;
	}
	if (codes != NULL && !cJSON_AddItemToObject(note, "codes", codes)) {
		cJSON_Delete(codes);
		fhir_nomem(r);
	}
	text = cJSON_GetObjectItemCaseSensitive(concept, "text");
	if (cJSON_IsString(text))
		shown = text->valuestring;
	note_string(r, note, "text", shown);
}

void fhir_note(fhir_reader *r, const char *at, const cJSON *concept,
	       const char *fmt, ...)
{
	char reason[512];
	va_list args;
	cJSON *note;

	va_start(args, fmt);
	vsnprintf(reason, sizeof(reason), fmt, args);
	va_end(args);
	note = cJSON_CreateObject();
	if (note == NULL) {
		fhir_nomem(r);
		return;
	}
	note_string(r, note, "resource", r->ref);
	note_string(r, note, "pointer", at);
	note_codes(r, note, concept);
	note_string(r, note, "reason", reason);
	cJSON_AddItemToArray(r->not_understood, note);
	r->noted++;
}

void fhir_note_ref(fhir_reader *r, const fhir_ref *ref, const char *fmt, ...)
{
	char reason[512];
	char *current = r->ref;
	va_list args;

	va_start(args, fmt);
	vsnprintf(reason, sizeof(reason), fmt, args);
	va_end(args);
	r->ref = ref->resource;
	fhir_note(r, ref->pointer, NULL, "%s", reason);
	r->ref = current;
}

const cJSON *fhir_get(fhir_reader *r, const cJSON *object, const char *key,
		      const char *at)
{
	const cJSON *member, *found = NULL;

	if (!cJSON_IsObject(object))
		return NULL;
	cJSON_ArrayForEach(member, object) {
		if (member->string == NULL || strcmp(member->string, key) != 0)
			continue;
		if (found != NULL) {
			fhir_note(r, at, NULL, "\"%s\" appears twice in one object: "
				  "neither is read", key);
			return NULL;
		}
		found = member;
	}
	return found;
}

const char *fhir_string(fhir_reader *r, const cJSON *object, const char *key,
			const char *at)
{
	const cJSON *v = fhir_get(r, object, key, at);

	if (v == NULL)
		return NULL;
	if (!cJSON_IsString(v)) {
		fhir_note(r, at, NULL, "\"%s\" is not a string: not read", key);
		return NULL;
	}
	if (strlen(v->valuestring) > r->limits->max_string) {
		fhir_note(r, at, NULL, "\"%s\" is longer than the limit of %zu bytes: not read",
			  key, r->limits->max_string);
		return NULL;
	}
	return v->valuestring;
}

const cJSON *fhir_array(fhir_reader *r, const cJSON *object, const char *key,
			const char *at)
{
	const cJSON *v = fhir_get(r, object, key, at);

	if (v == NULL)
		return NULL;
	if (!cJSON_IsArray(v)) {
		fhir_note(r, at, NULL, "\"%s\" is not a list: not read", key);
		return NULL;
	}
	if ((size_t)cJSON_GetArraySize(v) > r->limits->max_list) {
		fhir_note(r, at, NULL, "\"%s\" has more than %zu items: not read", key,
			  r->limits->max_list);
		return NULL;
	}
	return v;
}

/* The system and code of a Coding, when both are strings in the limit. */
static bool coding_parts(fhir_reader *r, const cJSON *coding,
			 const char **system, const char **code)
{
	const cJSON *s = cJSON_GetObjectItemCaseSensitive(coding, "system");
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(coding, "code");

	if (!cJSON_IsString(s) || !cJSON_IsString(c) ||
	    strlen(s->valuestring) > r->limits->max_string ||
	    strlen(c->valuestring) > r->limits->max_string)
		return false;
	*system = s->valuestring;
	*code = c->valuestring;
	return true;
}

const fhir_row *fhir_concept(fhir_reader *r, const cJSON *concept,
			     fhir_kind kind, const char *at, size_t *coding,
			     bool *ambiguous)
{
	const cJSON *codings, *item;
	const fhir_row *row, *found = NULL;
	const char *system, *code;
	size_t i = 0;

	*ambiguous = false;
	*coding = 0;
	codings = fhir_array(r, concept, "coding", at);
	cJSON_ArrayForEach(item, codings) {
		if (coding_parts(r, item, &system, &code) &&
		    (row = fhir_map_find(kind, system, code)) != NULL) {
			if (found == NULL) {
				found = row;
				*coding = i;
			} else if ((found->value == NULL) != (row->value == NULL) ||
				   (found->value != NULL &&
				    strcmp(found->value, row->value) != 0)) {
				*ambiguous = true;
				return NULL;
			}
		}
		i++;
	}
	return found;
}

const fhir_row *fhir_coded(fhir_reader *r, const cJSON *concept, fhir_kind kind,
			   const char *at, const char *what, size_t *coding)
{
	const fhir_row *row;
	bool ambiguous;

	row = fhir_concept(r, concept, kind, at, coding, &ambiguous);
	if (row == NULL)
		fhir_note(r, at, concept, ambiguous ? "the codings of the %s name different "
			  "things: not read" : "%s not understood", what);
	return row;
}

const fhir_row *fhir_status(fhir_reader *r, const cJSON *object,
			    const char *key, fhir_kind kind,
			    const char *element, bool *present)
{
	const char *code = fhir_string(r, object, key, fhir_at(r, "/%s", key));

	*present = code != NULL;
	return code != NULL ? fhir_map_find(kind, element, code) : NULL;
}

int fhir_ref_here(fhir_reader *r, fhir_ref *ref, const char *at)
{
	ref->resource = strdup(r->ref);
	ref->pointer = strdup(at);
	if (ref->resource == NULL || ref->pointer == NULL) {
		fhir_ref_free(ref);
		fhir_nomem(r);
		return ONCO_ENOMEM;
	}
	return 0;
}

void fhir_ref_free(fhir_ref *ref)
{
	free(ref->resource);
	free(ref->pointer);
	ref->resource = ref->pointer = NULL;
}

void fhir_fact(fhir_reader *r, const char *case_pointer, const fhir_ref *ref)
{
	cJSON *list = cJSON_GetObjectItemCaseSensitive(r->facts, case_pointer);
	cJSON *entry;

	if (list == NULL) {
		list = cJSON_AddArrayToObject(r->facts, case_pointer);
		if (list == NULL) {
			fhir_nomem(r);
			return;
		}
	}
	entry = cJSON_CreateObject();
	if (entry == NULL || cJSON_AddStringToObject(entry, "resource", ref->resource) == NULL ||
	    cJSON_AddStringToObject(entry, "pointer", ref->pointer) == NULL) {
		cJSON_Delete(entry);
		fhir_nomem(r);
		return;
	}
	cJSON_AddItemToArray(list, entry);
}

/* Whether `reference` names the patient (one of its known references, or
 * an absolute URL that ends with "/Patient/<id>"). */
static bool names_patient(const fhir_reader *r, const char *reference)
{
	size_t i, n, m;

	for (i = 0; i < 3; i++) {
		if (r->patient_refs[i] == NULL)
			continue;
		if (strcmp(reference, r->patient_refs[i]) == 0)
			return true;
		/* "http://host/fhir/Patient/x" for "Patient/x" */
		n = strlen(reference);
		m = strlen(r->patient_refs[i]);
		if (i == 0 && n > m && reference[n - m - 1] == '/' &&
		    strcmp(reference + n - m, r->patient_refs[i]) == 0)
			return true;
	}
	return false;
}

bool fhir_about_patient(fhir_reader *r)
{
	const cJSON *subject;
	const char *reference, *at;

	subject = fhir_get(r, r->resource, "subject", fhir_at(r, "/subject"));
	if (subject == NULL)
		return true; /* in a bundle of one patient's record */
	at = fhir_at(r, "/subject/reference");
	reference = fhir_string(r, subject, "reference", at);
	if (reference == NULL) {
		fhir_note(r, fhir_at(r, "/subject"), NULL, "the subject is not a reference "
			  "(an identifier or a display only): it cannot be resolved to the "
			  "bundle's Patient: not read");
		return false;
	}
	if (r->patient_refs[0] == NULL && r->patient_refs[1] == NULL) {
		/* No Patient resource: the first subject is the patient. */
		if (r->first_subject == NULL) {
			r->first_subject = strdup(reference);
			if (r->first_subject == NULL)
				fhir_nomem(r);
			return true;
		}
		if (strcmp(reference, r->first_subject) == 0)
			return true;
	} else if (names_patient(r, reference)) {
		return true;
	}
	fhir_note(r, at, NULL, "about another patient than the bundle's: not read");
	return false;
}

/* Whether `reference` names a resource of the bundle ("Type/id", an
 * absolute URL ending with it, or a fullUrl); its resourceType in *type. */
static bool in_bundle(const fhir_reader *r, const char *reference, const char **type)
{
	const cJSON *entry, *resource, *id, *t, *url;
	char key[512];
	size_t n = strlen(reference), m;

	cJSON_ArrayForEach(entry, cJSON_GetObjectItemCaseSensitive(r->bundle, "entry")) {
		resource = cJSON_GetObjectItemCaseSensitive(entry, "resource");
		t = cJSON_GetObjectItemCaseSensitive(resource, "resourceType");
		id = cJSON_GetObjectItemCaseSensitive(resource, "id");
		url = cJSON_GetObjectItemCaseSensitive(entry, "fullUrl");
		if (!cJSON_IsString(t))
			continue;
		*type = t->valuestring;
		if (cJSON_IsString(url) && strcmp(url->valuestring, reference) == 0)
			return true;
		if (!cJSON_IsString(id))
			continue;
		snprintf(key, sizeof(key), "%s/%s", t->valuestring, id->valuestring);
		m = strlen(key);
		if (strcmp(key, reference) == 0 ||
		    (n > m && reference[n - m - 1] == '/' && strcmp(reference + n - m, key) == 0))
			return true;
	}
	*type = NULL;
	return false;
}

bool fhir_focus_on_patient(fhir_reader *r)
{
	const cJSON *focus, *item;
	const char *reference, *type = NULL;
	char at[256];
	size_t i = 0;

	focus = fhir_array(r, r->resource, "focus", fhir_at(r, "/focus"));
	cJSON_ArrayForEach(item, focus) {
		snprintf(at, sizeof(at), "%s", fhir_at(r, "/focus/%zu", i++));
		reference = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(item, "reference"));
		if (reference != NULL && names_patient(r, reference))
			continue;
		if (reference != NULL && in_bundle(r, reference, &type) &&
		    strcmp(type, "Patient") != 0)
			continue;
		if (reference != NULL && type == NULL &&
		    (strncmp(reference, "Patient/", 8) == 0 || strstr(reference, "/Patient/") != NULL))
			type = "Patient";
		fhir_note(r, at, NULL, "the observation is about its focus, which is %s: not read",
			  reference == NULL ? "not given by a reference (it cannot be resolved "
					      "to the bundle's Patient)"
			  : type != NULL && strcmp(type, "Patient") == 0
				  ? "another patient than the bundle's"
				  : "not a resource of the bundle (it cannot be resolved to the "
				    "bundle's Patient)");
		return false;
	}
	return true;
}

bool fhir_after_as_of(fhir_reader *r, long day, const char *at)
{
	if (r->as_of < 0 || day <= r->as_of)
		return false;
	fhir_note(r, at, NULL, "dated after the evaluation date %s: not read", r->as_of_text);
	return true;
}

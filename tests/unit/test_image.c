/*
 * test_image.c: the compiled rule base carries what the engine read from
 * each rule's text (engine/image_rules.c), so that an engine opened from an
 * image does not parse the rules again: every field of every rule must be
 * what parsing the text gives, and a payload whose kinds or flags are out
 * of range must be refused as damaged.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <CUnit/Basic.h>

#include "onco.h"
#include "private/engine_internal.h"
#include "private/image.h"
#include "suite.h"

#define FIXTURES ONCO_SOURCE_DIR "/tests/fixtures"

/* A rule base opened from text (kb_dir, NULL: the built-in text), written
 * as an image, and the same opened from that image file (its strings
 * copied) and from its bytes in memory, as the image built into the
 * program is (its strings used where they are). */
typedef struct text_and_image {
	onco_engine *text, *image, *memory;
	unsigned char *bytes;
	char path[64];
} text_and_image;

/* An image's bytes, read whole (the caller frees them). */
static unsigned char *image_bytes(const char *path, size_t *size)
{
	unsigned char *data = NULL;
	onco_error err;

	CU_ASSERT_EQUAL_FATAL(onco_image_read_file(path, &data, size, &err), 0);
	return data;
}

static void open_both(text_and_image *t, const char *kb_dir)
{
	onco_engine_options opts;
	onco_error err;
	char pin[65];
	size_t size;
	int fd;

	memset(t, 0, sizeof(*t));
	snprintf(t->path, sizeof(t->path), "/tmp/onco-test-image-XXXXXX");
	fd = mkstemp(t->path);
	CU_ASSERT_FATAL(fd >= 0);
	close(fd);
	onco_engine_options_default(&opts);
	opts.kb_dir = kb_dir;
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&t->text, &opts, &err), 0);
	CU_ASSERT_EQUAL_FATAL(onco_engine_save_image(t->text, t->path, &err), 0);
	CU_ASSERT_EQUAL_FATAL(onco_image_sha256(t->path, pin, &err), 0);
	onco_engine_options_default(&opts);
	opts.kb_image = t->path;
	opts.kb_image_sha256 = pin;
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&t->image, &opts, &err), 0);
	t->bytes = image_bytes(t->path, &size);
	onco_engine_options_default(&opts);
	opts.kb_image_data = t->bytes;
	opts.kb_image_size = size;
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&t->memory, &opts, &err), 0);
}

static void close_both(text_and_image *t)
{
	onco_engine_free(t->text);
	onco_engine_free(t->image);
	onco_engine_free(t->memory);
	free(t->bytes);
	unlink(t->path);
}

/* Both NULL, or both the same text. */
static int same_text(const char *a, const char *b)
{
	return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

static int same_strings(char *const *a, size_t na, char *const *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (!same_text(a[i], b[i]))
			return 0;
	return 1;
}

static int same_conditions(const onco_rule_info *a, const onco_rule_info *b)
{
	size_t i;

	if (a->n_conditions != b->n_conditions)
		return 0;
	for (i = 0; i < a->n_conditions; i++) {
		const onco_condition *x = &a->conditions[i], *y = &b->conditions[i];

		if (x->kind != y->kind || x->negated != y->negated || !same_text(x->name, y->name) ||
		    memcmp(x->accepts, y->accepts, sizeof(x->accepts)) != 0 ||
		    !same_text(x->text, y->text))
			return 0;
	}
	return 1;
}

static int same_decls(const onco_rule_info *a, const onco_rule_info *b)
{
	size_t i, j;

	if (a->n_decls != b->n_decls)
		return 0;
	for (i = 0; i < a->n_decls; i++) {
		const onco_decl *x = &a->decls[i], *y = &b->decls[i];

		if (!same_text(x->slot, y->slot) || x->n_values != y->n_values)
			return 0;
		for (j = 0; j < x->n_values; j++)
			if (x->values[j].type != y->values[j].type ||
			    !same_text(x->values[j].text, y->values[j].text))
				return 0;
	}
	return 1;
}

/* Every field of onco_rule_info (rule_info.h), compared. */
static int same_rule(const onco_rule_info *a, const onco_rule_info *b)
{
	return same_text(a->name, b->name) && same_text(a->comment, b->comment) &&
	       same_text(a->file, b->file) && a->line == b->line && a->kind == b->kind &&
	       same_text(a->concludes, b->concludes) && same_text(a->id_pattern, b->id_pattern) &&
	       same_text(a->value, b->value) && same_text(a->option, b->option) &&
	       same_text(a->modality, b->modality) && same_text(a->procedure, b->procedure) &&
	       same_text(a->summary, b->summary) &&
	       same_strings(a->agents, a->n_agents, b->agents, b->n_agents) &&
	       same_strings(a->cites, a->n_cites, b->cites, b->n_cites) &&
	       same_conditions(a, b) && same_decls(a, b) && a->decls_literal == b->decls_literal &&
	       a->has_salience == b->has_salience && a->has_io == b->has_io;
}

/* The rule-base files an engine carries, as the text engine has them:
 * same names in the same order, same bytes, NUL-terminated. */
static void check_same_files(const onco_engine *text, const onco_engine *other)
{
	size_t i, n = onco_engine_kb_file_count(text);

	CU_ASSERT_TRUE(n > 0);
	CU_ASSERT_EQUAL(onco_engine_kb_file_count(other), n);
	for (i = 0; i < n && i < onco_engine_kb_file_count(other); i++) {
		const char *name = onco_engine_kb_file_name(text, i);
		size_t a = 0, b = 0;
		const char *x = onco_engine_kb_text(text, name, &a);
		const char *y = onco_engine_kb_text(other, name, &b);

		CU_ASSERT_STRING_EQUAL(onco_engine_kb_file_name(other, i), name);
		CU_ASSERT_PTR_NOT_NULL_FATAL(y);
		CU_ASSERT_EQUAL(a, b);
		CU_ASSERT_TRUE(a == b && memcmp(x, y, a) == 0 && y[b] == '\0');
	}
}

static void check_same_rules(const char *kb_dir)
{
	text_and_image t;
	size_t i, kinds[ONCO_RULE_LEAD + 1] = {0}, comments = 0, decls = 0;

	open_both(&t, kb_dir);
	CU_ASSERT_TRUE(t.text->kb.n_rules > 0);
	CU_ASSERT_EQUAL(t.text->kb.n_rules, t.image->kb.n_rules);
	CU_ASSERT_EQUAL(t.text->kb.n_rules, t.memory->kb.n_rules);
	CU_ASSERT_FALSE(t.image->kb.borrowed);
	CU_ASSERT_TRUE(t.memory->kb.borrowed);
	for (i = 0; i < t.text->kb.n_rules && i < t.image->kb.n_rules &&
		    i < t.memory->kb.n_rules;
	     i++) {
		const onco_rule_info *a = &t.text->kb.rules[i];

		if (!same_rule(a, &t.image->kb.rules[i]) || !same_rule(a, &t.memory->kb.rules[i])) {
			fprintf(stderr, "\nrule %s differs between text and image\n", a->name);
			CU_FAIL("a rule's info differs between text and image");
		}
		kinds[a->kind]++;
		comments += a->comment != NULL;
		decls += a->n_decls;
	}
	/* The comparison saw what it is meant to compare. */
	CU_ASSERT_TRUE(kinds[ONCO_RULE_RECOMMENDATION] > 0);
	CU_ASSERT_TRUE(kinds[ONCO_RULE_FINDING] > 0);
	CU_ASSERT_TRUE(comments > 0);
	CU_ASSERT_TRUE(decls > 0);
	check_same_files(t.text, t.image);
	check_same_files(t.text, t.memory);
	close_both(&t);
}

static void test_image_gives_every_rule_as_the_text_does(void)
{
	check_same_rules(NULL); /* the built-in rule base: every kind of rule */
	check_same_rules(FIXTURES "/kb-mini");
}

static uint64_t u64_at(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < 8; i++)
		v |= (uint64_t)p[i] << (8 * i);
	return v;
}

static void set_u64_at(unsigned char *p, uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++)
		p[i] = (unsigned char)(v >> (8 * i));
}

/* Past one string field: its length, its bytes and a NUL (an optional
 * one written as NULL is its length field alone). */
static const unsigned char *skip_str(const unsigned char *p)
{
	uint64_t n = u64_at(p);

	return p + 8 + (n == UINT64_MAX ? 0 : n + 1);
}

/* Where the first rule's kind is in the image: the payload (offset in the
 * footer) holds version, hash, rule count, then the rule: CLIPS name,
 * file, line, name, comment, kind (image_rules.c). */
static size_t first_kind_at(const unsigned char *image, size_t size)
{
	const unsigned char *p = image + u64_at(image + size - 40);

	p = skip_str(skip_str(p)) + 8;    /* version, sha256, rule count */
	p = skip_str(skip_str(p)) + 8;    /* CLIPS name, file, line */
	p = skip_str(skip_str(p));        /* name, comment */
	return (size_t)(p - image);
}

static void test_image_with_a_rule_kind_out_of_range_is_damaged(void)
{
	text_and_image t;
	onco_image_payload payload;
	onco_error err;
	unsigned char *image;
	size_t size, at;

	open_both(&t, FIXTURES "/kb-mini");
	image = image_bytes(t.path, &size);
	at = first_kind_at(image, size);
	/* The walk found the kind the rule has. */
	CU_ASSERT_EQUAL(u64_at(image + at), (uint64_t)t.text->kb.rules[0].kind);
	CU_ASSERT_EQUAL(onco_image_read_payload(image, size, "test", 0, 0, &payload, &err), 0);
	onco_image_payload_release(&payload);

	set_u64_at(image + at, ONCO_RULE_LEAD + 1);
	CU_ASSERT_EQUAL(onco_image_read_payload(image, size, "test", 0, 0, &payload, &err),
			ONCO_ERULES);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "damaged"));
	CU_ASSERT_PTR_NULL(payload.rules);
	set_u64_at(image + at, UINT64_MAX);
	CU_ASSERT_EQUAL(onco_image_read_payload(image, size, "test", 0, 0, &payload, &err),
			ONCO_ERULES);
	free(image);
	close_both(&t);
}

static void test_image_with_a_count_past_the_end_is_damaged(void)
{
	text_and_image t;
	onco_image_payload payload;
	onco_error err;
	unsigned char *image;
	const unsigned char *p;
	size_t size;

	open_both(&t, FIXTURES "/kb-mini");
	image = image_bytes(t.path, &size);
	/* After the kind: seven optional strings, then the agents' count. */
	p = image + first_kind_at(image, size) + 8;
	for (int i = 0; i < 7; i++)
		p = skip_str(p);
	CU_ASSERT_EQUAL(u64_at(p), (uint64_t)t.text->kb.rules[0].n_agents);
	set_u64_at(image + (p - image), (uint64_t)1 << 40);
	CU_ASSERT_EQUAL(onco_image_read_payload(image, size, "test", 0, 0, &payload, &err),
			ONCO_ERULES);
	free(image);
	close_both(&t);
}

/* The footer's checksum (engine/image.c): FNV-1a over 64-bit words, then
 * the bytes left, of everything before the footer. */
static void reseal(unsigned char *image, size_t size)
{
	uint64_t h = 0xcbf29ce484222325ULL, w;
	size_t n = size - 40, i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, image + i, 8);
		h = (h ^ w) * 0x100000001b3ULL;
	}
	for (; i < n; i++)
		h = (h ^ image[i]) * 0x100000001b3ULL;
	set_u64_at(image + size - 24, h);
}

/* Where the string field `text` (its length, bytes and NUL) first is in
 * the payload, or 0. */
static size_t field_at(const unsigned char *image, size_t size, const char *text)
{
	size_t n = strlen(text), at = (size_t)u64_at(image + size - 40);
	unsigned char field[256];

	if (n + 9 > sizeof(field))
		return 0;
	set_u64_at(field, n);
	memcpy(field + 8, text, n + 1);
	for (; at + n + 9 <= size - 40; at++)
		if (memcmp(image + at, field, n + 9) == 0)
			return at;
	return 0;
}

/* Opens `image` from memory, and from a file with its pin: both refused
 * as damaged. */
static void check_refused(const unsigned char *image, size_t size)
{
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;
	char path[] = "/tmp/onco-test-image-XXXXXX", pin[65];
	int fd;

	onco_engine_options_default(&opts);
	opts.kb_image_data = image;
	opts.kb_image_size = size;
	CU_ASSERT_EQUAL(onco_engine_open(&engine, &opts, &err), ONCO_ERULES);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "damaged"));
	onco_engine_free(engine);

	fd = mkstemp(path);
	CU_ASSERT_FATAL(fd >= 0);
	CU_ASSERT_EQUAL_FATAL(write(fd, image, size), (ssize_t)size);
	close(fd);
	onco_sha256_hex(image, size, pin);
	onco_engine_options_default(&opts);
	opts.kb_image = path;
	opts.kb_image_sha256 = pin;
	engine = NULL;
	CU_ASSERT_EQUAL(onco_engine_open(&engine, &opts, &err), ONCO_ERULES);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "damaged"));
	onco_engine_free(engine);
	unlink(path);
}

/* An image whose payload names another rule than its CLIPS part holds (a
 * trusted image, wrongly built) is refused once CLIPS has loaded it, from
 * memory (the rules' strings borrowed) and from a file (copied); what was
 * read before the mismatch, the rules before the last, is released once
 * (the sanitizer build sees a double or invalid free). */
static void test_image_whose_rules_do_not_match_clips_is_refused(void)
{
	text_and_image t;
	const onco_rule_info *last;
	unsigned char *image;
	size_t size, at;

	open_both(&t, FIXTURES "/kb-mini");
	CU_ASSERT_FATAL(t.text->kb.n_rules > 1);
	last = &t.text->kb.rules[t.text->kb.n_rules - 1];
	image = image_bytes(t.path, &size);
	at = field_at(image, size, last->name); /* its CLIPS name comes first */
	CU_ASSERT_FATAL(at > 0);
	image[at + 8] ^= 0x20; /* another name, same length */
	reseal(image, size);
	check_refused(image, size);
	free(image);
	close_both(&t);
}

/* An image of an earlier format (its magic ends in "3\n") is refused
 * with what to do, not read as this format. */
static void test_image_of_another_format_says_compile_again(void)
{
	text_and_image t;
	onco_image_payload payload;
	onco_error err;
	unsigned char *image;
	size_t size;

	open_both(&t, FIXTURES "/kb-mini");
	image = image_bytes(t.path, &size);
	CU_ASSERT_EQUAL(image[size - 2], '4');
	image[size - 2] = '3';
	CU_ASSERT_EQUAL(onco_image_read_payload(image, size, "old.img", 0, 0, &payload, &err),
			ONCO_ERULES);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "old.img is of another format"));
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "compile it again"));
	image[size - 16] = 'x'; /* no magic at all */
	CU_ASSERT_EQUAL(onco_image_read_payload(image, size, "old.img", 0, 0, &payload, &err),
			ONCO_ERULES);
	CU_ASSERT_PTR_NOT_NULL(strstr(err.message, "is not an oncorules rule image"));
	free(image);
	close_both(&t);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_image_gives_every_rule_as_the_text_does),
		ONCO_TEST(test_image_with_a_rule_kind_out_of_range_is_damaged),
		ONCO_TEST(test_image_with_a_count_past_the_end_is_damaged),
		ONCO_TEST(test_image_whose_rules_do_not_match_clips_is_refused),
		ONCO_TEST(test_image_of_another_format_says_compile_again),
	};

	return ONCO_RUN_SUITE("image", tests);
}

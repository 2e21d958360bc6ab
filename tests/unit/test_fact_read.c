/*
 * test_fact_read.c: finding a template's slot by name (engine/fact_read.c):
 * its place is its field in a fact of the template, the slot says whether
 * it is a multislot, as CLIPS's own look-ups say; no slot and no place for
 * a name the template lacks. Uses the built-in rule base's schema.
 */
#include <string.h>

#include <clips.h>

#include "private/fact_read.h"
#include "onco.h"
#include "private/engine_internal.h"
#include "suite.h"

static void test_a_slot_is_found_with_its_place_and_kind(void)
{
	static const char *const slots[] = {"id", "basis", "status", "rule", "agents", "no-such-slot"};
	onco_engine_options opts;
	onco_engine *engine = NULL;
	onco_error err;
	struct deftemplate *tmpl;
	size_t i;

	onco_engine_options_default(&opts);
	CU_ASSERT_EQUAL_FATAL(onco_engine_open(&engine, &opts, &err), 0);
	tmpl = EnvFindDeftemplate(engine->env, "recommendation");
	CU_ASSERT_PTR_NOT_NULL_FATAL(tmpl);
	for (i = 0; i < sizeof(slots) / sizeof(slots[0]); i++) {
		long position = 99;
		const struct templateSlot *s = onco_template_slot(tmpl, slots[i], &position);
		const struct templateSlot *walk = tmpl->slotList;
		long k;

		if (!EnvDeftemplateSlotExistP(engine->env, tmpl, slots[i])) {
			CU_ASSERT_PTR_NULL(s);
			CU_ASSERT_EQUAL(position, -1);
			CU_ASSERT_EQUAL(onco_slot_position(tmpl, slots[i]), -1);
			continue;
		}
		CU_ASSERT_PTR_NOT_NULL_FATAL(s);
		CU_ASSERT_STRING_EQUAL(ValueToString(s->slotName), slots[i]);
		CU_ASSERT_EQUAL(s->multislot != 0,
				EnvDeftemplateSlotMultiP(engine->env, tmpl, slots[i]) != 0);
		CU_ASSERT_EQUAL(onco_slot_position(tmpl, slots[i]), position);
		for (k = 0; k < position && walk != NULL; k++)
			walk = walk->next;
		CU_ASSERT_PTR_EQUAL(walk, s);
	}
	/* the schema has both kinds */
	CU_ASSERT_TRUE(EnvDeftemplateSlotMultiP(engine->env, tmpl, "basis"));
	CU_ASSERT_FALSE(EnvDeftemplateSlotMultiP(engine->env, tmpl, "id"));
	onco_engine_free(engine);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_a_slot_is_found_with_its_place_and_kind),
	};

	return ONCO_RUN_SUITE("fact_read", tests);
}

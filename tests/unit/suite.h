/*
 * suite.h: the main() every CUnit suite here needs: register the tests of
 * one suite, run them verbosely, exit 0 only when all passed.
 */
#ifndef ONCO_TEST_SUITE_H
#define ONCO_TEST_SUITE_H

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <CUnit/Basic.h>

typedef struct onco_test {
	const char *name;
	CU_TestFunc fn;
} onco_test;

/* The whole file at `path`, NUL-terminated (the caller frees it); NULL
 * when it cannot be read. */
static inline char *onco_slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	long size;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (text = calloc((size_t)size + 1, 1)) != NULL &&
	    fread(text, 1, (size_t)size, f) != (size_t)size) {
		free(text);
		text = NULL;
	}
	fclose(f);
	return text;
}

/* A test named after its function, so the report shows the behaviour. */
#define ONCO_TEST(f) { #f, f }
#define ONCO_RUN_SUITE(name, tests) \
	onco_run_suite(name, tests, sizeof(tests) / sizeof((tests)[0]))

static inline int onco_run_suite(const char *name, const onco_test *tests,
				 size_t count)
{
	CU_pSuite suite;
	unsigned failed;
	size_t i;

	if (CU_initialize_registry() != CUE_SUCCESS)
		return 2;
	suite = CU_add_suite(name, NULL, NULL);
	for (i = 0; suite != NULL && i < count; i++)
		CU_add_test(suite, tests[i].name, tests[i].fn);
	CU_basic_set_mode(CU_BRM_VERBOSE);
	CU_basic_run_tests();
	failed = CU_get_number_of_failures() + CU_get_number_of_tests_failed();
	CU_cleanup_registry();
	return suite != NULL && failed == 0 ? 0 : 1;
}

#endif

/*
 * fuzz_case_read.c: libFuzzer harness over the case reader: any bytes go
 * through onco_case_read with the default limits, then everything is
 * released. Besides the sanitizers, it checks the reader's contract:
 * success gives a case with an id and no issue; failure gives no case and
 * at least one issue, each with a JSON pointer ("" or starting with '/')
 * and a message.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "onco_facts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	onco_case_issues issues;
	onco_case_limits limits;
	onco_case *c = NULL;
	size_t i;
	int rc;

	memset(&issues, 0, sizeof(issues));
	onco_case_limits_default(&limits);
	rc = onco_case_read(&c, (const char *)data, size, &limits, &issues);
	if (rc == 0) {
		if (c == NULL || issues.count != 0 || onco_case_id(c) == NULL)
			abort();
	} else if (rc == ONCO_EINVALID) {
		if (c != NULL || issues.count == 0)
			abort();
		for (i = 0; i < issues.count; i++) {
			const onco_case_issue *is = &issues.items[i];

			if (is->pointer == NULL || is->message == NULL ||
			    (is->pointer[0] != '\0' && is->pointer[0] != '/') ||
			    is->message[0] == '\0')
				abort();
		}
	} else if (rc != ONCO_ENOMEM) {
		abort();
	}
	onco_case_issues_free(&issues);
	onco_case_free(c);
	return 0;
}

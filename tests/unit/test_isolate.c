/*
 * test_isolate.c: the helper process that draws the report's graphs
 * (cli/isolate.c) answers requests in turn; when it fails, crashes or
 * calls exit() the caller is told how, every later call fails the same
 * way, and nothing of the caller's runs or is written twice (its stdio
 * buffers, exit handlers); what the helper prints never reaches the
 * caller's standard output.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "isolate.h"
#include "suite.h"

/* Answers "upper TEXT" with TEXT in capitals, "fail" with status 7,
 * "exit" by calling exit(1), "kill" by dying of SIGKILL, "print" by
 * writing to standard output and answering "printed". */
static int answer(void *arg, const char *request, size_t n, cli_buf *out)
{
	size_t i;

	(void)arg;
	if (n > 6 && memcmp(request, "upper ", 6) == 0) {
		for (i = 6; i < n; i++) {
			char c = request[i] >= 'a' && request[i] <= 'z' ? (char)(request[i] - 32)
									: request[i];

			cli_buf_append(out, &c, 1);
		}
		return 0;
	}
	if (n == 4 && memcmp(request, "fail", 4) == 0)
		return 7;
	if (n == 4 && memcmp(request, "exit", 4) == 0)
		exit(1);
	if (n == 4 && memcmp(request, "kill", 4) == 0)
		raise(SIGKILL);
	if (n == 5 && memcmp(request, "print", 5) == 0) {
		fputs("from the helper\n", stdout);
		fflush(stdout);
		cli_buf_puts(out, "printed");
		return 0;
	}
	return 9;
}

static int call(cli_isolate *h, const char *request, cli_buf *out, char *why, size_t size)
{
	out->length = 0;
	return cli_isolate_call(h, request, strlen(request), out, why, size);
}

static void test_answers_requests_in_turn(void)
{
	cli_buf out = CLI_BUF_INIT;
	char why[160];
	cli_isolate *h = cli_isolate_start(answer, NULL, why, sizeof(why));

	CU_ASSERT_PTR_NOT_NULL_FATAL(h);
	CU_ASSERT_EQUAL(call(h, "upper graph", &out, why, sizeof(why)), 0);
	CU_ASSERT_STRING_EQUAL(cli_buf_text(&out), "GRAPH");
	CU_ASSERT_EQUAL(call(h, "upper again", &out, why, sizeof(why)), 0);
	CU_ASSERT_STRING_EQUAL(cli_buf_text(&out), "AGAIN");
	cli_isolate_stop(h);
	cli_buf_free(&out);
}

/* A new helper asked `request`, then "upper x" when `again`: the status
 * of each call (*then: of the second), why of the last. */
static int ask(const char *request, int again, int *then, char *why, size_t size)
{
	cli_buf out = CLI_BUF_INIT;
	cli_isolate *h = cli_isolate_start(answer, NULL, why, size);
	int status;

	CU_ASSERT_PTR_NOT_NULL_FATAL(h);
	status = call(h, request, &out, why, size);
	if (again)
		*then = call(h, "upper x", &out, why, size);
	cli_isolate_stop(h);
	cli_buf_free(&out);
	return status;
}

static void test_a_failed_answer_ends_the_helper_with_its_status_for_good(void)
{
	char why[160];
	int then = 0;

	CU_ASSERT_EQUAL(ask("fail", 1, &then, why, sizeof(why)), 7);
	CU_ASSERT_EQUAL(then, 7);
	CU_ASSERT_STRING_EQUAL(why, "the process ended with status 7");
}

static void test_a_signal_is_told_as_such(void)
{
	char why[160];

	CU_ASSERT_EQUAL(ask("kill", 0, NULL, why, sizeof(why)), -1);
	CU_ASSERT_PTR_NOT_NULL(strstr(why, "killed by signal 9"));
}

/* A library's exit() in the helper: status 1 for the caller, and the
 * caller's unwritten buffer is written once, by the caller. */
static void test_exit_in_the_helper_flushes_nothing_of_the_caller(void)
{
	char why[160], text[32] = {0};
	FILE *f = tmpfile();

	CU_ASSERT_PTR_NOT_NULL_FATAL(f);
	fputs("once", f); /* buffered: the helper inherits the buffer */
	CU_ASSERT_EQUAL(ask("exit", 0, NULL, why, sizeof(why)), 1);
	CU_ASSERT_STRING_EQUAL(why, "the process ended with status 1");
	rewind(f);
	CU_ASSERT(fread(text, 1, sizeof(text) - 1, f) > 0);
	CU_ASSERT_STRING_EQUAL(text, "once");
	fclose(f);
}

static void test_the_helpers_standard_output_goes_nowhere(void)
{
	cli_buf out = CLI_BUF_INIT;
	char why[160], path[] = "/tmp/test_isolate_XXXXXX", *seen;
	int file = mkstemp(path), saved;
	cli_isolate *h;

	CU_ASSERT_FATAL(file >= 0);
	fflush(stdout);
	saved = dup(STDOUT_FILENO);
	CU_ASSERT_FATAL(saved >= 0 && dup2(file, STDOUT_FILENO) >= 0);
	h = cli_isolate_start(answer, NULL, why, sizeof(why));
	CU_ASSERT_PTR_NOT_NULL(h);
	if (h != NULL) {
		CU_ASSERT_EQUAL(call(h, "print", &out, why, sizeof(why)), 0);
		CU_ASSERT_STRING_EQUAL(cli_buf_text(&out), "printed");
		cli_isolate_stop(h);
	}
	dup2(saved, STDOUT_FILENO);
	close(saved);
	close(file);
	seen = onco_slurp(path);
	CU_ASSERT_PTR_NOT_NULL(seen);
	if (seen != NULL)
		CU_ASSERT_STRING_EQUAL(seen, "");
	free(seen);
	unlink(path);
	cli_buf_free(&out);
}

int main(void)
{
	static const onco_test tests[] = {
		ONCO_TEST(test_answers_requests_in_turn),
		ONCO_TEST(test_a_failed_answer_ends_the_helper_with_its_status_for_good),
		ONCO_TEST(test_a_signal_is_told_as_such),
		ONCO_TEST(test_exit_in_the_helper_flushes_nothing_of_the_caller),
		ONCO_TEST(test_the_helpers_standard_output_goes_nowhere),
	};

	return ONCO_RUN_SUITE("isolate", tests);
}

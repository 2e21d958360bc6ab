/*
 * fault_inject.c: one failed allocation, at every allocation point, never
 * gives a different answer.
 *
 * The test opens the engine once (built-in rule base, as the command does),
 * then, for each allocation point of the work that follows, forks a child
 * in which that allocation (the Nth malloc, calloc, realloc, strdup or
 * open_memstream) fails, and checks the child's answer:
 *
 *   evaluate (--json or the text summary), one case: either the exact
 *   output of the run without failure and exit 0, or exit 3 with nothing on
 *   standard output and a message on standard error;
 *
 *   batch, one file of the cases (and an empty and an invalid line): either
 *   the exact output and exit 0, or exit 3 with nothing written (the run
 *   could not start), or exit 3 with one record per input line, in order,
 *   each the record of the run without failure or an internal-error record,
 *   and a summary whose counts add up; batch-summary the same with
 *   --summary (the cards and ids only);
 *
 *   report, one case to its HTML page (report -o FILE): either the exact
 *   page of the run without failure and exit 0, or exit 3 with no page at
 *   all (and no temporary file left beside it), a message on standard
 *   error; nothing on standard output either way.
 *
 *   report-result, the same page from the case's result document saved as
 *   `evaluate --json` prints it (report --result FILE -o FILE, the whole
 *   verb: reading the file too);
 *
 *   batch-html, batch --html DIR over the batch file: the records checked
 *   as batch's (on exit 3 they may all be right: a page that could not be
 *   written fails the run, with a message), and the pages: on exit 0
 *   exactly the pages and index.html of the run without failure; on exit 3
 *   only pages that are the same, or the page of a line's internal-error
 *   record; never a temporary file left. Its sweep starts where the last
 *   line's evaluation ends (the batch sweep covers what comes before).
 *
 *   patient-view, the CDS Hooks service's answer to one patient-view
 *   request (CASE is the request body), as a worker of oncorules-serve
 *   computes it, without sockets: body, prefetch, the Bundle, evaluation,
 *   CDS cards; tests/fi/patient-view/ has one request per kind of answer.
 *   Either the exact answer of the run without failure (status, the access
 *   log's reason, body), or a 5xx whose body is an OperationOutcome and
 *   whose log has a reason (exit 3); any other status or body (a 4xx that
 *   blames the request, a 200 with other cards, a 5xx that does not say
 *   what failed) fails. No cli_finish net under it: the service has none.
 *
 *   http, one HTTP request to the service (tests/fi/http/, fi_http.h):
 *   the server started (keys, logs, discovery), the request through its
 *   HTTP layer with a fake libmicrohttpd (fi_mhd.h: no socket, no thread),
 *   the token check, the endpoint, the access log, the server stopped.
 *   Either the exact answer (status, response headers, body, access log
 *   line, feedback log; times masked), or the same with the access log
 *   line replaced by the line that says it could not be written whole, or
 *   a 5xx that says what failed with no feedback stored, or a server that
 *   could not start and says so with exit 3.
 *
 * With --fhir the input is a FHIR Bundle (evaluate --fhir, batch --fhir,
 * report --fhir, the bundle's own date; report-result: the result of
 * evaluate --fhir, with its source record): the reader (facts/fhir) and the
 * source record joined to the answer are swept too.
 *
 * What is counted: every call to those functions from our code, CLIPS
 * (linked statically) and cJSON (which allocates through our hooks): the
 * test is linked with -Wl,--wrap for them; and OpenSSL's allocations (the
 * service's tokens, keys and card uuids), which it makes through the
 * functions CRYPTO_set_mem_functions gives it. Allocations inside the C
 * library itself (stdio buffers, qsort) are not. A child is also a crash check (a
 * signal fails the test) and, in the ASan build, a leak check of every
 * error path (the child frees everything and exits normally).
 *
 * With --persistent, every allocation from the Nth on fails (a sample of
 * points): the path where CLIPS itself runs out of memory (engine/guard.c).
 * With --no-arena, the engine's cJSON arena (facts/json_alloc.c) is never
 * entered: cJSON allocates every node and string with malloc, so that each
 * one is a point. With the arena, cJSON's allocations are cut from a few
 * chunks and only the two or three chunk mallocs of a case are points: the
 * error path of each place that builds the answer is reached only this
 * way (in production a chunk can run out at any of them).
 * With --leak-every K (ASan builds), one child in K frees everything and
 * exits normally, so that LeakSanitizer checks its path; the others end
 * with _exit (a leak check per child would triple the time).
 *
 * --only N runs the work once, in the process itself (under a debugger),
 * with allocation N failing, and prints what it printed.
 *
 * Usage: fault_inject [--fhir] [--persistent] [--no-arena] [--every K] [--leak-every K]
 *                     [--only N] evaluate-json|evaluate-text|batch|batch-summary|report|
 *                     report-result|batch-html|patient-view|http CASE...
 * The work of each mode is in fi_work.c.
 * CASE is a case or a regression case file (its "input"). Prints the number
 * of points, the outcomes and the time.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <dirent.h>

#include <openssl/crypto.h>

#include "casefiles.h"
#include "cli.h"
#include "fi_http.h"
#include "fi_work.h"
#include "serve.h"

/* ------------------------------------------------------ the allocator */

typedef struct fi_state {
	long count;   /* allocations counted in this process since enabled */
	long evaluated; /* the count when onco_engine_evaluate returned */
	long fail_at; /* 0: none fails */
	int persistent;
	int enabled;
} fi_state;

static fi_state *fi; /* shared with the children (MAP_SHARED) */

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
char *__real_strdup(const char *s);
FILE *__real_open_memstream(char **p, size_t *size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);
char *__wrap_strdup(const char *s);
FILE *__wrap_open_memstream(char **p, size_t *size);

static int fail_now(void)
{
	long n;

	if (fi == NULL || !__atomic_load_n(&fi->enabled, __ATOMIC_RELAXED))
		return 0;
	n = __atomic_add_fetch(&fi->count, 1, __ATOMIC_RELAXED);
	if (fi->fail_at == 0 || n < fi->fail_at || (n > fi->fail_at && !fi->persistent))
		return 0;
	errno = ENOMEM;
	return 1;
}

void *__wrap_malloc(size_t size)
{
	return fail_now() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
	return fail_now() ? NULL : __real_realloc(p, size);
}

char *__wrap_strdup(const char *s)
{
	return fail_now() ? NULL : __real_strdup(s);
}

FILE *__wrap_open_memstream(char **p, size_t *size)
{
	return fail_now() ? NULL : __real_open_memstream(p, size);
}

/* OpenSSL allocates through these (CRYPTO_set_mem_functions): each of its
 * allocations is a point too. Given them, it calls them for every size,
 * NULL and 0 included. */
static void *crypto_malloc(size_t size, const char *file, int line)
{
	(void)file;
	(void)line;
	return __wrap_malloc(size);
}

static void *crypto_realloc(void *p, size_t size, const char *file, int line)
{
	(void)file;
	(void)line;
	if (p == NULL)
		return __wrap_malloc(size);
	if (size == 0) {
		free(p);
		return NULL;
	}
	return __wrap_realloc(p, size);
}

static void crypto_free(void *p, const char *file, int line)
{
	(void)file;
	(void)line;
	free(p);
}

/* --no-arena: entering and leaving the engine's arena do nothing. */
static int no_arena;

void __real_onco_json_arena_enter(onco_json_arena *arena);
void __real_onco_json_arena_leave(onco_json_arena *arena);
void __wrap_onco_json_arena_enter(onco_json_arena *arena);
void __wrap_onco_json_arena_leave(onco_json_arena *arena);

void __wrap_onco_json_arena_enter(onco_json_arena *arena)
{
	if (!no_arena)
		__real_onco_json_arena_enter(arena);
}

void __wrap_onco_json_arena_leave(onco_json_arena *arena)
{
	if (!no_arena)
		__real_onco_json_arena_leave(arena);
}

/* The text summary evaluates the case exactly as --json does (same calls,
 * same flags), then prints: its sweep starts where the evaluation ends,
 * which the --json sweep has covered up to there. So does the report's (the
 * same evaluation, its result printed without indentation). */
int __real_onco_engine_evaluate(onco_engine *engine, const char *case_text, size_t length,
				int flags, char **out, onco_error *err);
int __wrap_onco_engine_evaluate(onco_engine *engine, const char *case_text, size_t length,
				int flags, char **out, onco_error *err);

int __wrap_onco_engine_evaluate(onco_engine *engine, const char *case_text, size_t length,
				int flags, char **out, onco_error *err)
{
	int rc = __real_onco_engine_evaluate(engine, case_text, length, flags, out, err);

	if (fi != NULL)
		fi->evaluated = __atomic_load_n(&fi->count, __ATOMIC_RELAXED);
	return rc;
}

/* Batch evaluates each line into its chunk: the last line's evaluation ends
 * where batch --html's sweep starts (its pages). */
int __real_onco_engine_evaluate_append(onco_engine *engine, const char *case_text, size_t length,
				       int flags, onco_text *out, onco_error *err);
int __wrap_onco_engine_evaluate_append(onco_engine *engine, const char *case_text, size_t length,
				       int flags, onco_text *out, onco_error *err);

int __wrap_onco_engine_evaluate_append(onco_engine *engine, const char *case_text, size_t length,
				       int flags, onco_text *out, onco_error *err)
{
	int rc = __real_onco_engine_evaluate_append(engine, case_text, length, flags, out, err);

	if (fi != NULL)
		fi->evaluated = __atomic_load_n(&fi->count, __ATOMIC_RELAXED);
	return rc;
}

/* ----------------------------------------------------------- children */

/* The sweep starts after the evaluation (see above). */
#define AFTER_EVALUATION(m) ((m) == FI_TEXT || (m) == FI_REPORT || (m) == FI_BATCH_HTML)

static void clear_pages(const fi_job *j);

/* Runs the work in a child with allocation `fail_at` failing (0: none);
 * returns its wait status, output in job->out, stderr in job->err, and
 * with `count` the number of allocations and where the evaluation ended. */
static int run_child(fi_job *j, long fail_at, long *count, long *evaluated)
{
	pid_t pid;
	int status;

	if (FI_WRITES_PAGES(j->mode))
		clear_pages(j);
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		int out = open(j->out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int err = open(j->err, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int in = FI_IS_BATCH(j->mode) ? open(j->input, O_RDONLY) : -1;

		if (out < 0 || err < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0 ||
		    (FI_IS_BATCH(j->mode) && (in < 0 || dup2(in, 0) < 0)))
			_exit(100);
		close(out);
		close(err);
		if (in >= 0)
			close(in);
		fi->count = 0;
		fi->fail_at = fail_at;
		__atomic_store_n(&fi->enabled, 1, __ATOMIC_RELAXED);
		status = fi_work_run(j);
		__atomic_store_n(&fi->enabled, 0, __ATOMIC_RELAXED);
		if (j->leak_every == 0 || fail_at % j->leak_every != 0)
			_exit(status);
		/* Everything freed, a normal exit: LeakSanitizer checks the path. */
		onco_engine_free(j->engine);
		free((char *)j->text);
		exit(status);
	}
	if (waitpid(pid, &status, 0) != pid) {
		perror("waitpid");
		exit(2);
	}
	if (count != NULL)
		*count = fi->count;
	if (evaluated != NULL)
		*evaluated = fi->evaluated;
	return status;
}

static char *slurp(const char *path, size_t *length)
{
	char *text = cli_read_file(path, (size_t)64 << 20, length);

	if (text == NULL) {
		fprintf(stderr, "fault_inject: cannot read %s: %s\n", path, strerror(errno));
		exit(2);
	}
	return text;
}

/* ---------------------------------------------------------- the checks */

/* The next line of `text` from *at: its length (without the newline);
 * -1 at the end. */
static long next_line(const char *text, size_t length, size_t *at, const char **line)
{
	const char *nl;
	size_t start = *at;

	if (start >= length)
		return -1;
	nl = memchr(text + start, '\n', length - start);
	*line = text + start;
	*at = nl != NULL ? (size_t)(nl - text) + 1 : length;
	return nl != NULL ? (long)(nl - text - (long)start) : (long)(length - start);
}

/* The summary line of batch on stderr: "N cases, V valid, E errors (I
 * invalid, R run limits, X internal)": whether its counts add up to
 * `lines`, `internal` of them internal errors. */
static int summary_adds_up(const char *err, long lines, long internal)
{
	const char *s = strstr(err, "oncorules batch: ");
	long n, v, e, i, r, x;

	while (s != NULL && sscanf(s, "oncorules batch: %ld cases, %ld valid, %ld errors (%ld "
				      "invalid, %ld run limits, %ld internal)",
				   &n, &v, &e, &i, &r, &x) != 6)
		s = strstr(s + 1, "oncorules batch: ");
	if (s == NULL)
		return 0;
	return n == lines && v + i + r + x == n && e == i + r + x && x == internal;
}

static const char internal_error[] =
	"\"errors\":[{\"pointer\":\"\",\"message\":\"internal error";

/* Batch output after a failure: a record per line, each the reference's
 * or an internal-error record, and a summary that counts those. With
 * `pages` (batch --html) every record may be the reference's: a page that
 * could not be written is the failure then, and stderr must say so. */
static const char *check_batch(const char *out, size_t out_len, const char *ref,
			       size_t ref_len, const char *err, int pages)
{
	size_t a = 0, b = 0;
	const char *got, *want;
	long got_len, want_len, lines = 0, internal = 0;
	char head[48];

	while ((want_len = next_line(ref, ref_len, &b, &want)) >= 0) {
		lines++;
		got_len = next_line(out, out_len, &a, &got);
		if (got_len < 0)
			return "a line has no record";
		snprintf(head, sizeof(head), "{\"line\":%ld,", lines);
		if (strncmp(got, head, strlen(head)) != 0)
			return "records out of order";
		if (got_len == want_len && memcmp(got, want, (size_t)got_len) == 0)
			continue;
		if (memmem(got, (size_t)got_len, internal_error, strlen(internal_error)) == NULL)
			return "a record differs and is not an internal-error record";
		internal++;
	}
	if (next_line(out, out_len, &a, &got) >= 0)
		return "more records than lines";
	if (!summary_adds_up(err, lines, internal))
		return "the summary does not add up";
	if (internal == 0 && !pages)
		return "exit 3 with every record right";
	if (internal == 0 && strstr(err, "oncorules batch: --html") == NULL &&
	    strstr(err, "out of memory") == NULL)
		return "exit 3 with every record right, and no message on the pages";
	return NULL;
}

/* ------------------------------------------------------------- pages */

/* The files in the job's folder: the pages (report, batch --html). */
typedef struct page_file {
	char *name, *text;
	size_t length;
} page_file;

typedef struct page_files {
	page_file *items;
	size_t count;
} page_files;

static int by_name(const void *a, const void *b)
{
	return strcmp(((const page_file *)a)->name, ((const page_file *)b)->name);
}

static void read_pages(const fi_job *j, page_files *p)
{
	DIR *d = opendir(j->folder);
	struct dirent *e;
	char path[sizeof(j->folder) + 260];

	p->items = NULL;
	p->count = 0;
	if (d == NULL) {
		perror("fault_inject: opendir");
		exit(2);
	}
	while ((e = readdir(d)) != NULL) {
		page_file *f;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		p->items = realloc(p->items, (p->count + 1) * sizeof(*p->items));
		if (p->items == NULL) {
			perror("fault_inject");
			exit(2);
		}
		f = &p->items[p->count++];
		snprintf(path, sizeof(path), "%s/%s", j->folder, e->d_name);
		f->name = strdup(e->d_name);
		f->text = slurp(path, &f->length);
	}
	closedir(d);
	if (p->count > 1)
		qsort(p->items, p->count, sizeof(*p->items), by_name);
}

static void free_pages(page_files *p)
{
	size_t i;

	for (i = 0; i < p->count; i++) {
		free(p->items[i].name);
		free(p->items[i].text);
	}
	free(p->items);
	p->items = NULL;
	p->count = 0;
}

/* Empties the folder before a run (and at the end). */
static void clear_pages(const fi_job *j)
{
	page_files p;
	char path[sizeof(j->folder) + 260];
	size_t i;

	read_pages(j, &p);
	for (i = 0; i < p.count; i++) {
		snprintf(path, sizeof(path), "%s/%s", j->folder, p.items[i].name);
		unlink(path);
	}
	free_pages(&p);
}

static const page_file *find_page(const page_files *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->count; i++)
		if (strcmp(p->items[i].name, name) == 0)
			return &p->items[i];
	return NULL;
}

/* The pages of a run that exits `exit_ok` (0) or not (3) against the
 * reference's: exit 0, exactly the reference's pages; exit 3, no page
 * (report), or (batch --html) only pages that are the reference's of the
 * same name or the page of an internal-error record (a line the reference
 * answered has one of those two records); never a temporary file left. */
static const char *check_pages(const fi_job *j, const page_files *got, const page_files *ref,
			       int exit_ok)
{
	size_t i;

	for (i = 0; i < got->count; i++) {
		const page_file *g = &got->items[i], *r = find_page(ref, g->name);
		int same = r != NULL && r->length == g->length &&
			   memcmp(r->text, g->text, g->length) == 0;

		if (g->name[0] == '.')
			return "a temporary file is left beside the pages";
		if (exit_ok && !same)
			return "exit 0 with a different page";
		if (!exit_ok && j->mode != FI_BATCH_HTML)
			return "exit 3 with a page written";
		if (!exit_ok && !same &&
		    (r != NULL || memmem(g->text, g->length, "internal error", 14) == NULL))
			return "exit 3 with a page that is neither the reference's nor an internal "
			       "error's";
	}
	if (exit_ok && got->count != ref->count)
		return "exit 0 with a page missing";
	return NULL;
}

/* ------------------------------------------------------------ a point */

typedef struct tally {
	long points, same, refused, started_not; /* exit 0 same; exit 3; exit 3 before any output */
	long failures;
} tally;

/* What the run without failure gave. */
typedef struct reference {
	char *out; /* standard output */
	size_t out_len;
	page_files pages;
} reference;

static int check_one(fi_job *j, long point, const reference *ref, tally *t)
{
	int status = run_child(j, point, NULL, NULL);
	size_t out_len, err_len;
	char *out = slurp(j->out, &out_len), *err = slurp(j->err, &err_len);
	int report = FI_WRITES_PAGES(j->mode) && !FI_IS_BATCH(j->mode);
	page_files pages = {NULL, 0};
	const char *problem = NULL;

	if (FI_WRITES_PAGES(j->mode))
		read_pages(j, &pages);
	t->points++;
	if (WIFSIGNALED(status)) {
		problem = "killed by a signal";
	} else if (report && out_len != 0) {
		problem = "report writes on standard output";
	} else if (WEXITSTATUS(status) == 0) {
		if (out_len == ref->out_len && memcmp(out, ref->out, out_len) == 0) {
			if ((problem = check_pages(j, &pages, &ref->pages, 1)) == NULL)
				t->same++;
		} else if (j->mode != FI_HTTP) {
			problem = "exit 0 with a different answer";
		} else if ((problem = fi_http_compare(out, out_len, ref->out, ref->out_len)) ==
			   NULL) {
			t->refused++; /* the answer, and a log line that says it is cut */
		}
	} else if (WEXITSTATUS(status) != 3) {
		problem = "exit status neither 0 nor 3";
	} else if (j->mode == FI_BATCH_HTML && strstr(err, "is not a JSON object") != NULL) {
		problem = "a record batch wrote is said not to be JSON";
	} else if (err_len == 0) {
		problem = "exit 3 without a message";
	} else if ((problem = check_pages(j, &pages, &ref->pages, 0)) != NULL) {
		;
	} else if (report) {
		t->refused++;
	} else if (!FI_IS_BATCH(j->mode) || out_len == 0) {
		if (out_len != 0)
			problem = "exit 3 with a document on standard output";
		else if (FI_IS_BATCH(j->mode))
			t->started_not++;
		else
			t->refused++;
	} else if ((problem = check_batch(out, out_len, ref->out, ref->out_len, err,
					  j->mode == FI_BATCH_HTML)) == NULL) {
		t->refused++;
	}
	if (problem != NULL) {
		t->failures++;
		fprintf(stderr, "FAIL at allocation %ld: %s (status %d)\n--- %s:\n%.600s\n--- stderr:\n%.600s\n",
			point, problem, WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status),
			report ? "page" : "stdout",
			report ? (pages.count > 0 ? pages.items[0].text : "(none)") : out, err);
	}
	free(out);
	free(err);
	free_pages(&pages);
	return problem != NULL;
}

/* Every point of one piece of work (or every `every`th). */
static void sweep(fi_job *j, const char *what, long every, tally *total)
{
	tally t = {0};
	reference ref = {NULL, 0, {NULL, 0}};
	size_t err_len;
	long count = 0, evaluated = 0, point, first = 1;
	int status = run_child(j, 0, &count, &evaluated);
	char *err = slurp(j->err, &err_len);

	ref.out = slurp(j->out, &ref.out_len);
	if (FI_WRITES_PAGES(j->mode))
		read_pages(j, &ref.pages);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    (FI_WRITES_PAGES(j->mode) && ref.pages.count == 0)) {
		fprintf(stderr, "FAIL %s: the run without failure exits %d:\n%s\n", what, status, err);
		total->failures++;
		free(ref.out);
		free_pages(&ref.pages);
		free(err);
		return;
	}
	/* Batch threads interleave: the count varies a little; go past it. */
	if (FI_IS_BATCH(j->mode))
		count += count / 20 + 10;
	if (AFTER_EVALUATION(j->mode))
		first = evaluated + 1;
	for (point = first; point <= count && t.failures < 5; point += every)
		check_one(j, point, &ref, &t);
	printf("%-40s %6ld points: %6ld same answer (exit 0), %6ld exit 3, %4ld exit 3 before any "
	       "output%s\n",
	       what, t.points, t.same, t.refused, t.started_not, t.failures ? "  FAILED" : "");
	total->points += t.points;
	total->same += t.same;
	total->refused += t.refused;
	total->started_not += t.started_not;
	total->failures += t.failures;
	free(ref.out);
	free_pages(&ref.pages);
	free(err);
}

static const char usage[] =
	"usage: fault_inject [--fhir] [--persistent] [--no-arena] [--every K] [--leak-every K]\n"
	"                    [--only N] evaluate-json|evaluate-text|batch|batch-summary|report|\n"
	"                    report-result|batch-html|patient-view|http CASE...\n";

int main(int argc, char **argv)
{
	cli_engine_args eargs = {0};
	onco_fhir_options fhir;
	tally total = {0};
	fi_job j;
	struct timespec t0, t1;
	char dir[] = "/tmp/fault-inject-XXXXXX", path[80]; /* path: the input file */
	long every = 1, leak_every = 1, only = 0;
	int i = 1, status, m, persistent = 0, use_fhir = 0;

	for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		if (strcmp(argv[i], "--persistent") == 0)
			persistent = 1;
		else if (strcmp(argv[i], "--no-arena") == 0)
			no_arena = 1;
		else if (strcmp(argv[i], "--fhir") == 0)
			use_fhir = 1;
		else if (strcmp(argv[i], "--every") == 0 && i + 1 < argc)
			every = atol(argv[++i]);
		else if (strcmp(argv[i], "--leak-every") == 0 && i + 1 < argc)
			leak_every = atol(argv[++i]);
		else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
			only = atol(argv[++i]);
	}
	for (m = 0; m < FI_MODES && i < argc && strcmp(argv[i], fi_mode_names[m]) != 0; m++)
		;
	if (m == FI_MODES || i + 1 >= argc || every < 1 || leak_every < 1) {
		fputs(usage, stderr);
		return 2;
	}
	if (!CRYPTO_set_mem_functions(crypto_malloc, crypto_realloc, crypto_free)) {
		fputs("fault_inject: OpenSSL allocated before its allocator was set\n", stderr);
		return 2;
	}
	fi = mmap(NULL, sizeof(*fi), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (fi == MAP_FAILED || mkdtemp(dir) == NULL) {
		perror("fault_inject");
		return 2;
	}
	fi->persistent = persistent;
	memset(&j, 0, sizeof(j));
	j.mode = (fi_mode)m;
	onco_fhir_options_default(&fhir);
	j.fhir = use_fhir ? &fhir : NULL;
#if defined(__SANITIZE_ADDRESS__)
	j.leak_every = persistent ? 0 : leak_every; /* a lost engine is leaked by design */
#else
	j.leak_every = 0; /* nothing would check */
#endif
	snprintf(j.out, sizeof(j.out), "%s/out", dir);
	snprintf(j.err, sizeof(j.err), "%s/err", dir);
	/* The page alone in a folder: a temporary file left is seen. */
	snprintf(j.folder, sizeof(j.folder), "%s/page", dir);
	snprintf(j.page, sizeof(j.page), "%s/report.html", j.folder);
	if (FI_WRITES_PAGES(j.mode) && mkdir(j.folder, 0700) != 0) {
		perror("fault_inject");
		return 2;
	}
	j.engine = cli_engine_open(&eargs, &status);
	if (j.engine == NULL)
		return 2;
	/* A worker answers once the server has started: OpenSSL's state is
	 * made by then (serve_server_init). */
	if (j.mode == FI_PATIENT_VIEW && serve_crypto_init() != 0) {
		fputs("fault_inject: OpenSSL did not start\n", stderr);
		return 2;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i++; i < argc; i++) {
		char what[300];
		const char *name = strrchr(argv[i], '/') != NULL ? strrchr(argv[i], '/') + 1 : argv[i];

		j.text = cli_case_input(argv[i]);
		if (j.text == NULL) {
			fprintf(stderr, "fault_inject: cannot read %s\n", argv[i]);
			return 2;
		}
		j.length = strlen(j.text);
		snprintf(what, sizeof(what), "%s%s %s", fi_mode_names[m], use_fhir ? " --fhir" : "",
			 name);
		snprintf(path, sizeof(path), "%s/%s", dir,
			 FI_IS_BATCH(j.mode) ? "cases.ndjson" : "result.json");
		if ((FI_IS_BATCH(j.mode) && fi_work_batch_input(&j, path) != 0) ||
		    (j.mode == FI_REPORT_RESULT && fi_work_result_input(&j, path) != 0)) {
			perror("fault_inject");
			return 2;
		}
		if (j.mode == FI_HTTP && (j.http = fi_http_prepare(argv[i], j.text, dir)) == NULL)
			return 2;
		if (only > 0) {
			int in = FI_IS_BATCH(j.mode) ? open(j.input, O_RDONLY) : -1;

			if (FI_IS_BATCH(j.mode) && (in < 0 || dup2(in, 0) < 0)) {
				perror("fault_inject");
				return 2;
			}
			fi->fail_at = only;
			fi->enabled = 1;
			status = fi_work_run(&j);
			fi->enabled = 0;
			fprintf(stderr, "%s: allocation %ld failed: exit %d\n", what, only, status);
			return status;
		}
		sweep(&j, what, every, &total);
		free((char *)j.text);
		fi_http_free(j.http);
		j.http = NULL;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%s%s%s%s: %ld points, %ld same answer, %ld exit 3 (%ld before any output), "
	       "%ld failures, %.1f s\n",
	       fi_mode_names[m], use_fhir ? " --fhir" : "", persistent ? " (persistent)" : "",
	       no_arena ? " (no arena)" : "", total.points, total.same,
	       total.refused + total.started_not, total.started_not, total.failures,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	onco_engine_free(j.engine);
	unlink(j.out);
	unlink(j.err);
	if (FI_WRITES_PAGES(j.mode))
		clear_pages(&j);
	rmdir(j.folder);
	if (j.input != NULL)
		unlink(j.input);
	if (j.mode == FI_HTTP)
		fi_http_remove_files(dir);
	rmdir(dir);
	return total.failures == 0 && total.points > 0 ? 0 : 1;
}

/*
 * batch.c: `oncorules batch`: NDJSON cases in, NDJSON results out.
 *
 * One result line per input line, in input order, whatever the number of
 * worker threads; every record carries the input line number ("line"). A
 * line that is empty, over the case size limit, not JSON or not a valid
 * case gets an error record: invalid lines are data, not a failure.
 *
 * Pipeline: the main thread reads lines into chunks (at most CHUNK_LINES
 * lines or CHUNK_BYTES bytes each) held in a ring of 2N+2 slots; N workers,
 * each with its own engine (one CLIPS environment per thread), evaluate
 * whole chunks; a writer thread writes the chunks' results in sequence
 * order. The reader waits when the ring is full, so memory stays flat
 * whatever the length of the input, and a line longer than the case limit
 * is counted and skipped, never buffered.
 *
 * Engines are created and destroyed in the main thread only: CLIPS 6.30
 * keeps its table of environments in globals (envrnmnt.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "cli.h"
#include "printable.h"
#include "report_dir.h"

#define CHUNK_LINES 64
#define CHUNK_BYTES (256 * 1024)
#define READ_SIZE (64 * 1024)
#define MAX_JOBS 256
/* Buffers grown past this by one odd line are released after use, so one
 * huge result does not stay resident for the rest of the run. */
#define KEEP_BYTES (4 * 1024 * 1024)

/* One input line of a chunk. */
typedef struct batch_line {
	size_t offset;   /* into the chunk's text */
	size_t length;   /* bytes kept (0 when oversize) */
	size_t oversize; /* > 0: the line had this many bytes, over the limit */
} batch_line;

typedef enum chunk_state {
	CHUNK_FREE = 0, /* empty, the reader may fill it */
	CHUNK_READY,    /* filled, waiting for a worker */
	CHUNK_BUSY,     /* a worker evaluates it */
	CHUNK_DONE      /* results ready for the writer */
} chunk_state;

typedef struct batch_chunk {
	chunk_state state;
	unsigned long long first_line; /* number of its first line, from 1 */
	batch_line lines[CHUNK_LINES];
	size_t count;
	char *text; /* the lines, back to back, without newlines */
	size_t text_len, text_cap;
	char *out; /* the result records, one line each */
	size_t out_len, out_cap;
	unsigned long long valid, invalid, limit, internal;
	int out_of_memory; /* a record could not be built */
} batch_chunk;

typedef struct batch_run {
	pthread_mutex_t lock;
	pthread_cond_t can_fill;  /* the reader waits for a free slot */
	pthread_cond_t can_work;  /* workers wait for a ready chunk */
	pthread_cond_t can_write; /* the writer waits for a done chunk */
	batch_chunk *ring;
	size_t slots;
	/* Sequence numbers of chunks: filled < read_seq, handed out <
	 * take_seq, written < write_seq; chunk s lives in ring[s % slots]. */
	unsigned long long read_seq, take_seq, write_seq;
	int eof;         /* the reader has submitted its last chunk */
	int write_error; /* errno of a failed write, 0 if none */
	size_t max_line; /* case size limit in bytes */
	int flags;       /* onco_engine_evaluate flags: ONCO_JSON_SUMMARY */
	cli_report_dir *html; /* --html DIR: a page per record, or NULL */
	int progress;    /* print a progress line (stderr is a terminal) */
	struct timespec start;
	unsigned long long lines_written, valid, invalid, limit, internal;
} batch_run;

typedef struct batch_worker {
	batch_run *run;
	onco_engine *engine;
	pthread_t thread;
} batch_worker;

static void batch_usage(FILE *out)
{
	fputs("usage: oncorules batch [-j N] [--summary | --html DIR] [--kb DIR | --kb-image FILE]\n"
	      "                       [--strategy NAME] [FILES...]\n"
	      "\n"
	      "Evaluates NDJSON cases, one per line, from FILES in order or from\n"
	      "standard input, and writes one JSON result per input line, in input\n"
	      "order, each with its line number (\"line\"). Invalid lines get an\n"
	      "error record. --summary writes the cards and the ids they hold, not\n"
	      "the whole result (docs/output-format.md, \"Batch\"). --html DIR also\n"
	      "writes a report page per line and DIR/index.html (docs/report.md).\n"
	      "-j N runs N\n"
	      "worker threads (0: one per processor; default 1). A summary of the\n"
	      "run goes to standard error, and a progress line\n"
	      "when standard error is a terminal.\n"
	      "Exit status: 0 the run completed (invalid cases included), 2 usage,\n"
	      "3 internal error.\n",
	      out);
}

static double seconds_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - start->tv_sec) +
	       (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* Ensures room for `more` bytes after `*len` in a growable buffer. */
static int buf_reserve(char **buf, size_t *cap, size_t len, size_t more)
{
	size_t want = len + more, grown;
	char *p;

	if (want <= *cap)
		return 0;
	grown = *cap ? *cap : 4096;
	while (grown < want)
		grown *= 2;
	p = realloc(*buf, grown);
	if (p == NULL)
		return ONCO_ENOMEM;
	*buf = p;
	*cap = grown;
	return 0;
}

static int buf_append(char **buf, size_t *len, size_t *cap, const char *data,
		      size_t n)
{
	if (buf_reserve(buf, cap, *len, n) != 0)
		return ONCO_ENOMEM;
	memcpy(*buf + *len, data, n);
	*len += n;
	return 0;
}

/* ------------------------------------------------------------- records */

/* Appends `{"line":N,` and the rest of the JSON object `doc` (which starts
 * with '{') to the chunk's output, ending the record with a newline. */
static int record_splice(batch_chunk *chunk, unsigned long long line,
			 const char *doc)
{
	char head[48];
	size_t doc_len = strlen(doc);
	int n;

	if (doc_len < 2 || doc[0] != '{' || memchr(doc, '\n', doc_len) != NULL)
		return ONCO_EINTERNAL;
	n = snprintf(head, sizeof(head), doc[1] == '}' ? "{\"line\":%llu" : "{\"line\":%llu,",
		     line);
	if (buf_reserve(&chunk->out, &chunk->out_cap, chunk->out_len,
			(size_t)n + doc_len) != 0)
		return ONCO_ENOMEM;
	memcpy(chunk->out + chunk->out_len, head, (size_t)n);
	chunk->out_len += (size_t)n;
	memcpy(chunk->out + chunk->out_len, doc + 1, doc_len - 1);
	chunk->out_len += doc_len - 1;
	chunk->out[chunk->out_len++] = '\n';
	return 0;
}

/* Appends an error record {"line", "case": null, "errors": [{"pointer":
 * "", "message"}]} for a line the engine did not answer. */
static int record_error(batch_chunk *chunk, unsigned long long line,
			const char *message)
{
	cJSON *doc = cJSON_CreateObject(), *errors, *item;
	char *text = NULL;
	int rc = ONCO_ENOMEM;

	if (doc == NULL)
		return ONCO_ENOMEM;
	if (cJSON_AddNullToObject(doc, "case") == NULL ||
	    (errors = cJSON_AddArrayToObject(doc, "errors")) == NULL ||
	    (item = cJSON_CreateObject()) == NULL)
		goto done;
	cJSON_AddItemToArray(errors, item);
	if (cJSON_AddStringToObject(item, "pointer", "") == NULL ||
	    cJSON_AddStringToObject(item, "message", message) == NULL)
		goto done;
	text = cJSON_PrintUnformatted(doc);
	if (text != NULL)
		rc = record_splice(chunk, line, text);
done:
	free(text);
	cJSON_Delete(doc);
	return rc;
}

static int is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

/* Evaluates one line and appends its record. Returns 0 or ONCO_ENOMEM /
 * ONCO_EINTERNAL when not even an error record could be written. */
static int evaluate_line(batch_run *run, onco_engine *engine,
			 batch_chunk *chunk, size_t i)
{
	const batch_line *ln = &chunk->lines[i];
	unsigned long long number = chunk->first_line + i;
	const char *text = chunk->text + ln->offset;
	char message[ONCO_ERROR_MESSAGE_MAX + 64];
	char *doc = NULL;
	onco_error err;
	int rc;

	if (ln->oversize > 0) {
		chunk->invalid++;
		snprintf(message, sizeof(message),
			 "case of %zu bytes is larger than the limit of %zu",
			 ln->oversize, run->max_line);
		return record_error(chunk, number, message);
	}
	if (is_blank(text, ln->length)) {
		chunk->invalid++;
		return record_error(chunk, number, "empty line: no case");
	}
	onco_error_clear(&err);
	rc = onco_engine_evaluate(engine, text, ln->length, run->flags, &doc, &err);
	if (doc != NULL) {
		if (rc == 0)
			chunk->valid++;
		else if (rc == ONCO_EINVALID)
			chunk->invalid++;
		else if (rc == ONCO_ELIMIT)
			chunk->limit++;
		else
			chunk->internal++;
		rc = record_splice(chunk, number, doc);
		free(doc);
		if (rc != ONCO_EINTERNAL)
			return rc;
		return record_error(chunk, number,
				    "internal error: the engine's answer is not one JSON object on one line");
	}
	chunk->internal++;
	snprintf(message, sizeof(message), "internal error (%d): %s", rc,
		 err.message[0] ? err.message : "no details");
	return record_error(chunk, number, message);
}

/* ------------------------------------------------------------- threads */

static void *worker_main(void *arg)
{
	batch_worker *w = arg;
	batch_run *run = w->run;
	batch_chunk *chunk;
	size_t i;

	for (;;) {
		pthread_mutex_lock(&run->lock);
		while (run->take_seq == run->read_seq && !run->eof)
			pthread_cond_wait(&run->can_work, &run->lock);
		if (run->take_seq == run->read_seq) {
			pthread_mutex_unlock(&run->lock);
			return NULL;
		}
		chunk = &run->ring[run->take_seq++ % run->slots];
		chunk->state = CHUNK_BUSY;
		pthread_mutex_unlock(&run->lock);

		for (i = 0; i < chunk->count; i++)
			if (evaluate_line(run, w->engine, chunk, i) != 0)
				chunk->out_of_memory = 1;

		pthread_mutex_lock(&run->lock);
		chunk->state = CHUNK_DONE;
		pthread_cond_broadcast(&run->can_write);
		pthread_mutex_unlock(&run->lock);
	}
}

static int write_all(int fd, const char *p, size_t n)
{
	ssize_t k;

	while (n > 0) {
		k = write(fd, p, n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

static void print_progress(batch_run *run, int final)
{
	double s = seconds_since(&run->start);

	fprintf(stderr, "\roncorules batch: %llu cases, %llu errors, %.0f cases/s%s",
		run->lines_written, run->invalid + run->limit + run->internal,
		s > 0 ? (double)run->lines_written / s : 0.0, final ? "\n" : "");
}

static void *writer_main(void *arg)
{
	batch_run *run = arg;
	batch_chunk *chunk;
	struct timespec last = run->start;
	int rc;

	for (;;) {
		pthread_mutex_lock(&run->lock);
		for (;;) {
			if (run->write_seq < run->read_seq &&
			    run->ring[run->write_seq % run->slots].state == CHUNK_DONE)
				break;
			if (run->eof && run->write_seq == run->read_seq) {
				pthread_mutex_unlock(&run->lock);
				return NULL;
			}
			pthread_cond_wait(&run->can_write, &run->lock);
		}
		chunk = &run->ring[run->write_seq % run->slots];
		pthread_mutex_unlock(&run->lock);

		/* A failed write (a closed pipe with SIGPIPE ignored, a full
		 * disk) ends the output; the run still drains so that every
		 * thread ends. */
		if (run->write_error == 0) {
			rc = write_all(STDOUT_FILENO, chunk->out, chunk->out_len);
			if (rc != 0)
				run->write_error = rc;
		}
		/* The pages are drawn here, in one thread: Graphviz is not
		 * reentrant. */
		if (run->html != NULL)
			cli_report_dir_add(run->html, chunk->out, chunk->out_len);
		if (chunk->out_of_memory)
			run->internal++;
		run->lines_written += chunk->count;
		run->valid += chunk->valid;
		run->invalid += chunk->invalid;
		run->limit += chunk->limit;
		run->internal += chunk->internal;
		if (run->progress && seconds_since(&last) >= 0.5) {
			clock_gettime(CLOCK_MONOTONIC, &last);
			print_progress(run, 0);
		}

		chunk->count = 0;
		chunk->text_len = 0;
		chunk->out_len = 0;
		chunk->valid = chunk->invalid = chunk->limit = chunk->internal = 0;
		chunk->out_of_memory = 0;
		if (chunk->out_cap > KEEP_BYTES) {
			free(chunk->out);
			chunk->out = NULL;
			chunk->out_cap = 0;
		}
		if (chunk->text_cap > KEEP_BYTES) {
			free(chunk->text);
			chunk->text = NULL;
			chunk->text_cap = 0;
		}

		pthread_mutex_lock(&run->lock);
		chunk->state = CHUNK_FREE;
		run->write_seq++;
		pthread_cond_signal(&run->can_fill);
		pthread_mutex_unlock(&run->lock);
	}
}

/* -------------------------------------------------------------- reader */

typedef struct batch_reader {
	batch_run *run;
	batch_chunk *chunk;           /* being filled; NULL when none */
	unsigned long long next_line; /* number of the next line to start */
	size_t line_start;            /* offset of the current line in text */
	size_t line_len;              /* bytes of the current line so far */
	int in_line;                  /* a line has started and not ended */
} batch_reader;

/* Waits for a free slot and makes it the chunk being filled. */
static batch_chunk *reader_take_slot(batch_reader *rd)
{
	batch_run *run = rd->run;
	batch_chunk *chunk;

	pthread_mutex_lock(&run->lock);
	while (run->read_seq - run->write_seq >= run->slots)
		pthread_cond_wait(&run->can_fill, &run->lock);
	chunk = &run->ring[run->read_seq % run->slots];
	pthread_mutex_unlock(&run->lock);
	chunk->first_line = rd->next_line;
	chunk->count = 0;
	chunk->text_len = 0;
	rd->chunk = chunk;
	return chunk;
}

/* Hands the chunk being filled (if it holds lines) to the workers. */
static void reader_submit(batch_reader *rd)
{
	batch_run *run = rd->run;

	if (rd->chunk == NULL || rd->chunk->count == 0)
		return;
	pthread_mutex_lock(&run->lock);
	rd->chunk->state = CHUNK_READY;
	run->read_seq++;
	pthread_cond_signal(&run->can_work);
	pthread_mutex_unlock(&run->lock);
	rd->chunk = NULL;
}

/* Ends the current line (which may be empty) in the chunk being filled. */
static void reader_end_line(batch_reader *rd)
{
	batch_chunk *chunk = rd->chunk;
	batch_line *ln;

	if (chunk == NULL)
		chunk = reader_take_slot(rd);
	ln = &chunk->lines[chunk->count++];
	if (rd->line_len > rd->run->max_line) {
		ln->offset = rd->line_start;
		ln->length = 0;
		ln->oversize = rd->line_len;
		chunk->text_len = rd->line_start;
	} else {
		ln->offset = rd->line_start;
		ln->length = rd->line_len;
		ln->oversize = 0;
	}
	rd->next_line++;
	rd->in_line = 0;
	rd->line_len = 0;
	if (chunk->count == CHUNK_LINES || chunk->text_len >= CHUNK_BYTES)
		reader_submit(rd);
}

/* Adds `n` bytes (no newline among them) to the current line. */
static int reader_add(batch_reader *rd, const char *p, size_t n)
{
	batch_chunk *chunk = rd->chunk;

	if (chunk == NULL)
		chunk = reader_take_slot(rd);
	if (!rd->in_line) {
		rd->in_line = 1;
		rd->line_start = chunk->text_len;
		rd->line_len = 0;
	}
	rd->line_len += n;
	if (rd->line_len > rd->run->max_line) {
		/* Over the limit: keep counting, drop what was kept. */
		chunk->text_len = rd->line_start;
		return 0;
	}
	return buf_append(&chunk->text, &chunk->text_len, &chunk->text_cap, p, n);
}

/* Reads `fd` to its end, line by line. The end of the input ends a line
 * that has no newline. Returns 0, or an errno value. */
static int reader_feed(batch_reader *rd, int fd, char *buf)
{
	const char *p, *end, *nl;
	ssize_t n;

	for (;;) {
		n = read(fd, buf, READ_SIZE);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return errno;
		}
		if (n == 0)
			break;
		p = buf;
		end = buf + n;
		while (p < end) {
			nl = memchr(p, '\n', (size_t)(end - p));
			if (nl == NULL) {
				if (reader_add(rd, p, (size_t)(end - p)) != 0)
					return ENOMEM;
				break;
			}
			if (nl > p || !rd->in_line) {
				if (reader_add(rd, p, (size_t)(nl - p)) != 0)
					return ENOMEM;
			}
			reader_end_line(rd);
			p = nl + 1;
		}
		/* Nothing more at hand: let the workers start on what is
		 * read, so that a line-by-line producer gets its answers. */
		if (!rd->in_line)
			reader_submit(rd);
	}
	if (rd->in_line)
		reader_end_line(rd);
	return 0;
}

/* ---------------------------------------------------------------- verb */

static int parse_jobs(const char *s, int *jobs)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 0 || v > MAX_JOBS)
		return -1;
	if (v == 0) {
		v = sysconf(_SC_NPROCESSORS_ONLN);
		if (v < 1)
			v = 1;
		if (v > MAX_JOBS)
			v = MAX_JOBS;
	}
	*jobs = (int)v;
	return 0;
}

/* "oncorules batch: NAME: what", the name escaped (printable.h). */
static void file_error(const char *name, const char *what)
{
	char *shown = cli_printable(name);

	fprintf(stderr, "oncorules batch: %s: %s\n", shown, what);
	free(shown);
}

static void run_destroy(batch_run *run)
{
	size_t i;

	if (run->ring != NULL)
		for (i = 0; i < run->slots; i++) {
			free(run->ring[i].text);
			free(run->ring[i].out);
		}
	free(run->ring);
	pthread_mutex_destroy(&run->lock);
	pthread_cond_destroy(&run->can_fill);
	pthread_cond_destroy(&run->can_work);
	pthread_cond_destroy(&run->can_write);
}

int cli_batch(int argc, char **argv)
{
	cli_engine_args eargs = {0};
	onco_case_limits limits;
	batch_worker *workers = NULL;
	batch_reader rd;
	batch_run run;
	pthread_t writer;
	char **files = NULL, *readbuf = NULL;
	const char *html_dir = NULL;
	int nfiles = 0, jobs = 1, started = 0, writer_started = 0;
	int status = CLI_EXIT_OK, i, r, fd, rc = 0;
	double secs;

	memset(&run, 0, sizeof(run));
	pthread_mutex_init(&run.lock, NULL);
	pthread_cond_init(&run.can_fill, NULL);
	pthread_cond_init(&run.can_work, NULL);
	pthread_cond_init(&run.can_write, NULL);

	files = calloc((size_t)argc, sizeof(*files));
	if (files == NULL) {
		fputs("oncorules batch: out of memory\n", stderr);
		status = CLI_EXIT_INTERNAL;
		goto done;
	}
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		r = cli_engine_arg(&eargs, argc, argv, &i);
		if (r < 0) {
			status = CLI_EXIT_USAGE;
			goto done;
		}
		if (r > 0)
			continue;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			batch_usage(stdout);
			goto done;
		}
		if (strcmp(a, "--summary") == 0) {
			run.flags |= ONCO_JSON_SUMMARY;
			continue;
		}
		if (strcmp(a, "--html") == 0 && i + 1 < argc) {
			html_dir = argv[++i];
			continue;
		}
		if (strncmp(a, "-j", 2) == 0) {
			const char *v = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);

			if (v == NULL || parse_jobs(v, &jobs) != 0) {
				fprintf(stderr, "oncorules batch: -j needs a number from 0 to %d\n",
					MAX_JOBS);
				status = CLI_EXIT_USAGE;
				goto done;
			}
			continue;
		}
		if (a[0] == '-' && a[1] != '\0') {
			file_error(a, "unknown option");
			batch_usage(stderr);
			status = CLI_EXIT_USAGE;
			goto done;
		}
		files[nfiles++] = argv[i];
	}
	/* Every file must open before any output is written. */
	for (i = 0; i < nfiles; i++) {
		if (strcmp(files[i], "-") == 0)
			continue;
		fd = open(files[i], O_RDONLY);
		if (fd < 0) {
			file_error(files[i], strerror(errno));
			status = CLI_EXIT_USAGE;
			goto done;
		}
		close(fd);
	}

	if (html_dir != NULL && (run.flags & ONCO_JSON_SUMMARY)) {
		fputs("oncorules batch: --html draws its pages from the whole results: it does not "
		      "go with --summary\n",
		      stderr);
		status = CLI_EXIT_USAGE;
		goto done;
	}
	if (html_dir != NULL && (run.html = cli_report_dir_open(html_dir)) == NULL) {
		status = CLI_EXIT_USAGE;
		goto done;
	}
	onco_case_limits_default(&limits);
	run.max_line = limits.max_bytes;
	run.slots = 2 * (size_t)jobs + 2;
	run.ring = calloc(run.slots, sizeof(*run.ring));
	workers = calloc((size_t)jobs, sizeof(*workers));
	readbuf = malloc(READ_SIZE);
	if (run.ring == NULL || workers == NULL || readbuf == NULL) {
		fputs("oncorules batch: out of memory\n", stderr);
		status = CLI_EXIT_INTERNAL;
		goto done;
	}
	/* Engines are made here, in the main thread, one per worker. */
	for (i = 0; i < jobs; i++) {
		workers[i].run = &run;
		workers[i].engine = cli_engine_open(&eargs, &status);
		if (workers[i].engine == NULL)
			goto done;
	}

	run.progress = isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &run.start);
	if (pthread_create(&writer, NULL, writer_main, &run) != 0) {
		fputs("oncorules batch: cannot start a thread\n", stderr);
		status = CLI_EXIT_INTERNAL;
		goto done;
	}
	writer_started = 1;
	for (started = 0; started < jobs; started++)
		if (pthread_create(&workers[started].thread, NULL, worker_main,
				   &workers[started]) != 0)
			break;
	if (started == 0) {
		fputs("oncorules batch: cannot start a thread\n", stderr);
		status = CLI_EXIT_INTERNAL;
	} else {
		memset(&rd, 0, sizeof(rd));
		rd.run = &run;
		rd.next_line = 1;
		if (nfiles == 0)
			rc = reader_feed(&rd, STDIN_FILENO, readbuf);
		for (i = 0; i < nfiles && rc == 0; i++) {
			fd = strcmp(files[i], "-") == 0 ? STDIN_FILENO
							: open(files[i], O_RDONLY);
			if (fd < 0) {
				file_error(files[i], strerror(errno));
				status = CLI_EXIT_USAGE;
				break;
			}
			rc = reader_feed(&rd, fd, readbuf);
			if (fd != STDIN_FILENO)
				close(fd);
			if (rc != 0)
				file_error(files[i], strerror(rc));
		}
		if (nfiles == 0 && rc != 0)
			fprintf(stderr, "oncorules batch: standard input: %s\n", strerror(rc));
		if (rc != 0)
			status = CLI_EXIT_INTERNAL;
		reader_submit(&rd);
	}
	pthread_mutex_lock(&run.lock);
	run.eof = 1;
	pthread_cond_broadcast(&run.can_work);
	pthread_cond_broadcast(&run.can_write);
	pthread_mutex_unlock(&run.lock);

done:
	for (i = 0; i < started; i++)
		pthread_join(workers[i].thread, NULL);
	if (writer_started) {
		pthread_join(writer, NULL);
		secs = seconds_since(&run.start);
		if (run.progress)
			print_progress(&run, 1);
		fprintf(stderr,
			"oncorules batch: %llu cases, %llu valid, %llu errors "
			"(%llu invalid, %llu run limits, %llu internal), %.3f s, %.0f cases/s\n",
			run.lines_written, run.valid, run.invalid + run.limit + run.internal,
			run.invalid, run.limit, run.internal, secs,
			secs > 0 ? (double)run.lines_written / secs : 0.0);
		if (run.write_error != 0) {
			fprintf(stderr, "oncorules batch: writing the results: %s\n",
				strerror(run.write_error));
			status = CLI_EXIT_INTERNAL;
		} else if (run.internal > 0 && status == CLI_EXIT_OK) {
			fprintf(stderr,
				"oncorules batch: %llu cases could not be evaluated (internal error)\n",
				run.internal);
			status = CLI_EXIT_INTERNAL;
		}
	}
	/* The index lists every line: written once the run answered them all. */
	if (run.html != NULL && cli_report_dir_close(run.html, writer_started && status == CLI_EXIT_OK) != 0 &&
	    status == CLI_EXIT_OK)
		status = CLI_EXIT_INTERNAL;
	if (workers != NULL)
		for (i = 0; i < jobs; i++)
			onco_engine_free(workers[i].engine);
	free(workers);
	free(readbuf);
	free(files);
	run_destroy(&run);
	return status;
}

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
 *
 * Every line gets exactly one record, even when memory runs out: each
 * chunk's output buffer always keeps room for a fixed-size error record per
 * line still to answer, written without allocating, and a line whose bytes
 * could not be kept is answered with one. The summary counts each line once
 * (valid, invalid, run limit or internal). A write error stops the reading;
 * SIGINT or SIGTERM stops it too, after which every line read is answered,
 * whole records only, and the run ends with status 3.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
/* Buffers grown past this by one odd line are shrunk after use, so one
 * huge result does not stay resident for the rest of the run. */
#define KEEP_BYTES (4 * 1024 * 1024)
/* Room for one fallback record (record_fallback): every chunk's output
 * buffer keeps this much per line still to answer. */
#define FALLBACK_BYTES 160
#define FALLBACK_ROOM (CHUNK_LINES * FALLBACK_BYTES)
/* Stacks of the threads, whatever `ulimit -s` says: CLIPS recurses. */
#define WORKER_STACK (8u << 20)
#define WRITER_STACK (1u << 20)

/* One input line of a chunk. */
typedef struct batch_line {
	size_t offset;   /* into the chunk's text */
	size_t length;   /* bytes kept (0 when oversize or lost) */
	size_t oversize; /* > 0: the line had this many bytes, over the limit */
	int lost;        /* its bytes could not be kept (out of memory) */
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
	unsigned long long records_written; /* lines whose records reached stdout */
	size_t max_line; /* case size limit in bytes */
	int flags;       /* onco_engine_evaluate flags: ONCO_JSON_SUMMARY */
	const onco_fhir_options *fhir; /* --fhir: lines are FHIR bundles */
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

/* The signal that asked the run to stop (SIGINT, SIGTERM), 0 if none. Set
 * by the handler, read by the reader: the one process-wide state of batch,
 * as a signal handler can reach nothing else. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
	stop_signal = sig;
}

static void batch_usage(FILE *out)
{
	fputs("usage: oncorules batch [-j N] [--summary | --html DIR] [--kb DIR | --kb-image FILE\n"
	      "                       --kb-image-sha256 HEX] [--strategy NAME]\n"
	      "                       [--time-limit SECONDS] [--memory-limit MIB]\n"
	      "                       [--fhir [--as-of DATE]] [FILES...]\n"
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
	      "when standard error is a terminal. With --fhir each line is a FHIR R4\n"
	      "Bundle, answered as evaluate --fhir answers (docs/fhir-mapping.md).\n"
	      "Exit status: 0 the run completed (invalid cases included), 2 usage,\n"
	      "3 internal error (a line could not be evaluated, the output could not\n"
	      "be written, or SIGINT/SIGTERM stopped the run: every line read is\n"
	      "still answered, whole records only).\n",
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

/*
 * A record is `{"line":N,` and the answer, a JSON object, without its '{'.
 * The answer is appended to the chunk's output after a gap one byte
 * shorter than that head, so that the head written over the gap takes the
 * answer's '{' too: the answer is never copied (the engine writes it
 * there, onco_engine_evaluate_append).
 */

/* The head of line `line`'s record, `{"line":N,`, into `head`; its length. */
static size_t record_head(char head[48], unsigned long long line)
{
	return (size_t)snprintf(head, 48, "{\"line\":%llu,", line);
}

/* Ends the record that starts at `start` of the chunk's output, its answer
 * appended after the gap for `head` (head_len bytes), up to out_len: writes
 * the head and the newline. `after` lines of the chunk remain to be
 * answered after this one: the room for their fallback records is kept.
 * ONCO_EINTERNAL when the answer is not one JSON object on one line,
 * ONCO_ENOMEM; the output ends at `start` then. */
static int record_close(batch_chunk *chunk, size_t start, const char *head, size_t head_len,
			size_t after)
{
	size_t at = start + head_len - 1, doc_len = chunk->out_len - at;
	const char *doc = chunk->out + at;

	if (doc_len < 2 || doc[0] != '{' || memchr(doc, '\n', doc_len) != NULL) {
		chunk->out_len = start;
		return ONCO_EINTERNAL;
	}
	if (buf_reserve(&chunk->out, &chunk->out_cap, chunk->out_len,
			1 + after * FALLBACK_BYTES) != 0) {
		chunk->out_len = start;
		return ONCO_ENOMEM;
	}
	memcpy(chunk->out + start, head, head_len);
	if (doc_len == 2) { /* {}: {"line":N} */
		chunk->out[at] = '}';
		chunk->out_len = at + 1;
	}
	chunk->out[chunk->out_len++] = '\n';
	return 0;
}

/* Appends line `line`'s record for the JSON object `doc` (NUL-terminated):
 * as record_close. */
static int record_splice(batch_chunk *chunk, unsigned long long line, const char *doc,
			 size_t after)
{
	char head[48];
	size_t start = chunk->out_len, head_len = record_head(head, line), doc_len = strlen(doc);

	if (buf_reserve(&chunk->out, &chunk->out_cap, start,
			head_len + doc_len + after * FALLBACK_BYTES) != 0)
		return ONCO_ENOMEM;
	memcpy(chunk->out + start + head_len - 1, doc, doc_len);
	chunk->out_len = start + head_len - 1 + doc_len;
	return record_close(chunk, start, head, head_len, after);
}

/* Appends an error record {"line", "case": null, "errors": [{"pointer":
 * "", "message"}]} for a line the engine did not answer. */
static int record_error(batch_chunk *chunk, unsigned long long line,
			const char *message, size_t after)
{
	char *text = cli_error_document("", message, 0);
	int rc = text != NULL ? record_splice(chunk, line, text, after) : ONCO_ENOMEM;

	free(text);
	return rc;
}

/* The record of a line nothing else could answer: written into the room
 * every chunk keeps for it, without allocating. */
static void record_fallback(batch_chunk *chunk, unsigned long long line)
{
	int n = snprintf(chunk->out + chunk->out_len, FALLBACK_BYTES,
			 "{\"line\":%llu,\"case\":null,\"errors\":[{\"pointer\":\"\","
			 "\"message\":\"internal error: out of memory\"}]}\n",
			 line);

	chunk->out_len += (size_t)n;
}

static int is_blank(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

typedef enum outcome { OUTCOME_VALID, OUTCOME_INVALID, OUTCOME_LIMIT, OUTCOME_INTERNAL } outcome;

/* What an evaluation that gave a document was. */
static outcome outcome_of(int rc)
{
	return rc == 0		     ? OUTCOME_VALID
	       : rc == ONCO_EINVALID ? OUTCOME_INVALID
	       : rc == ONCO_ELIMIT   ? OUTCOME_LIMIT
				     : OUTCOME_INTERNAL;
}

/* Evaluates the case `text` of line `line` with its answer written straight
 * into the chunk's output, after the gap for its record's head; the record
 * is closed when there is an answer (*answered set, *what said). Returns
 * what record_close returns then, and the engine's code otherwise. */
static int evaluate_in_place(batch_run *run, onco_engine *engine, batch_chunk *chunk,
			     unsigned long long line, const char *text, size_t length,
			     size_t after, onco_error *err, int *answered, outcome *what)
{
	char head[48];
	size_t start = chunk->out_len, head_len = record_head(head, line);
	onco_text out;
	int rc;

	/* The fallback room of this line holds the gap: this cannot fail. */
	if (buf_reserve(&chunk->out, &chunk->out_cap, start, head_len) != 0)
		return ONCO_ENOMEM;
	out = (onco_text){chunk->out, start + head_len - 1, chunk->out_cap};
	rc = onco_engine_evaluate_append(engine, text, length, run->flags, &out, err);
	chunk->out = out.text;
	chunk->out_cap = out.capacity;
	*answered = out.length > start + head_len - 1;
	if (!*answered)
		return rc;
	*what = outcome_of(rc);
	chunk->out_len = out.length;
	return record_close(chunk, start, head, head_len, after);
}

/* Evaluates line i, appends its record (the engine's answer, or an error
 * record) and says what it was; 0, or ONCO_ENOMEM when not even the error
 * record could be made (the caller writes the fallback then). */
static int answer_line(batch_run *run, onco_engine *engine, batch_chunk *chunk, size_t i,
		       outcome *what)
{
	const batch_line *ln = &chunk->lines[i];
	unsigned long long number = chunk->first_line + i;
	size_t after = chunk->count - i - 1;
	const char *text = chunk->text + ln->offset;
	char message[ONCO_ERROR_MESSAGE_MAX + 64];
	char *doc = NULL;
	onco_error err;
	int rc, answered = 0;

	*what = OUTCOME_INVALID;
	if (ln->lost) {
		*what = OUTCOME_INTERNAL;
		return record_error(chunk, number, "internal error: out of memory while reading this line",
				    after);
	}
	if (ln->oversize > 0) {
		snprintf(message, sizeof(message),
			 "case of %zu bytes is larger than the limit of %zu",
			 ln->oversize, run->max_line);
		return record_error(chunk, number, message, after);
	}
	if (is_blank(text, ln->length))
		return record_error(chunk, number, "empty line: no case", after);
	onco_error_clear(&err);
	if (run->fhir != NULL) {
		rc = onco_engine_evaluate_fhir(engine, text, ln->length, run->fhir, run->flags,
					       &doc, &err);
		if ((answered = doc != NULL)) {
			*what = outcome_of(rc);
			rc = record_splice(chunk, number, doc, after);
			free(doc);
		}
	} else {
		rc = evaluate_in_place(run, engine, chunk, number, text, ln->length, after, &err,
				       &answered, what);
	}
	if (answered) {
		if (rc != ONCO_EINTERNAL)
			return rc;
		*what = OUTCOME_INTERNAL;
		return record_error(chunk, number,
				    "internal error: the engine's answer is not one JSON object on one line",
				    after);
	}
	*what = OUTCOME_INTERNAL;
	snprintf(message, sizeof(message), "internal error (%d): %s", rc,
		 err.message[0] ? err.message : "no details");
	return record_error(chunk, number, message, after);
}

/* Answers line i: its record, or the fallback record; counts it once. */
static void evaluate_line(batch_run *run, onco_engine *engine, batch_chunk *chunk, size_t i)
{
	outcome what;

	if (answer_line(run, engine, chunk, i, &what) != 0) {
		record_fallback(chunk, chunk->first_line + i);
		what = OUTCOME_INTERNAL;
	}
	switch (what) {
	case OUTCOME_VALID:
		chunk->valid++;
		break;
	case OUTCOME_INVALID:
		chunk->invalid++;
		break;
	case OUTCOME_LIMIT:
		chunk->limit++;
		break;
	case OUTCOME_INTERNAL:
		chunk->internal++;
		break;
	}
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
			evaluate_line(run, w->engine, chunk, i);

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
			pthread_mutex_lock(&run->lock);
			if (rc != 0)
				run->write_error = rc;
			else
				run->records_written += chunk->count;
			pthread_mutex_unlock(&run->lock);
		}
		/* Kept for their pages, drawn once every record is written
		 * (report_dir.h). */
		if (run->html != NULL)
			cli_report_dir_add(run->html, chunk->out, chunk->out_len);
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
		if (chunk->out_cap > KEEP_BYTES) {
			/* Shrunk, never below the fallback room: a failed realloc
			 * keeps the large buffer. */
			char *smaller = realloc(chunk->out, FALLBACK_ROOM);
			if (smaller != NULL) {
				chunk->out = smaller;
				chunk->out_cap = FALLBACK_ROOM;
			}
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
	int line_lost;                /* its bytes could not be kept */
	int last_cr;                  /* the last byte kept is a CR */
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

/* Ends the current line (which may be empty) in the chunk being filled.
 * A CR before the newline is no part of the case: CRLF input gives the
 * same records, and the size limit counts the case only. */
static void reader_end_line(batch_reader *rd)
{
	batch_chunk *chunk = rd->chunk;
	batch_line *ln;

	if (chunk == NULL)
		chunk = reader_take_slot(rd);
	ln = &chunk->lines[chunk->count++];
	if (rd->in_line && rd->last_cr) {
		rd->line_len--;
		if (rd->line_len <= rd->run->max_line && !rd->line_lost)
			chunk->text_len--;
	}
	ln->offset = rd->line_start;
	ln->length = 0;
	ln->oversize = 0;
	ln->lost = rd->line_lost;
	if (rd->line_len > rd->run->max_line)
		ln->oversize = rd->line_len;
	else if (!rd->line_lost)
		ln->length = rd->line_len;
	if (ln->length == 0)
		chunk->text_len = rd->line_start;
	rd->next_line++;
	rd->in_line = 0;
	rd->line_len = 0;
	rd->line_lost = 0;
	rd->last_cr = 0;
	if (chunk->count == CHUNK_LINES || chunk->text_len >= CHUNK_BYTES)
		reader_submit(rd);
}

/* Adds `n` bytes (no newline among them) to the current line. A line
 * longer than the limit (plus its CR) is counted, not kept; one whose
 * bytes cannot be kept (out of memory) is answered with an error record. */
static void reader_add(batch_reader *rd, const char *p, size_t n)
{
	batch_chunk *chunk = rd->chunk;

	if (chunk == NULL)
		chunk = reader_take_slot(rd);
	if (!rd->in_line) {
		rd->in_line = 1;
		rd->line_start = chunk->text_len;
		rd->line_len = 0;
	}
	if (n == 0)
		return;
	rd->line_len += n;
	rd->last_cr = p[n - 1] == '\r';
	if (rd->line_len > rd->run->max_line + 1 || rd->line_lost) {
		chunk->text_len = rd->line_start;
		return;
	}
	if (buf_append(&chunk->text, &chunk->text_len, &chunk->text_cap, p, n) != 0) {
		chunk->text_len = rd->line_start;
		rd->line_lost = 1;
	}
}

/* Whether the run must stop reading: the output failed, or a signal. */
static int reader_stopped(batch_reader *rd)
{
	int failed;

	pthread_mutex_lock(&rd->run->lock);
	failed = rd->run->write_error != 0;
	pthread_mutex_unlock(&rd->run->lock);
	return failed || stop_signal != 0;
}

/* Reads `fd` to its end, line by line. The end of the input ends a line
 * that has no newline. Returns 0 (also when stopped: see reader_stopped),
 * or an errno value. */
static int reader_feed(batch_reader *rd, int fd, char *buf)
{
	const char *p, *end, *nl;
	ssize_t n;

	for (;;) {
		if (reader_stopped(rd))
			return 0;
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
				reader_add(rd, p, (size_t)(end - p));
				break;
			}
			reader_add(rd, p, (size_t)(nl - p));
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

/* The ring, each slot's output buffer holding the fallback room from the
 * start. 0 or ONCO_ENOMEM. */
static int run_ring(batch_run *run, int jobs)
{
	size_t i;

	run->slots = 2 * (size_t)jobs + 2;
	run->ring = calloc(run->slots, sizeof(*run->ring));
	if (run->ring == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < run->slots; i++) {
		run->ring[i].out = malloc(FALLBACK_ROOM);
		if (run->ring[i].out == NULL)
			return ONCO_ENOMEM;
		run->ring[i].out_cap = FALLBACK_ROOM;
	}
	return 0;
}

/* Starts a thread with `stack` bytes of stack. 0 or an errno value. */
static int start_thread(pthread_t *thread, size_t stack, void *(*main_fn)(void *), void *arg)
{
	pthread_attr_t attr;
	int rc = pthread_attr_init(&attr);

	if (rc != 0)
		return rc;
	rc = pthread_attr_setstacksize(&attr, stack);
	if (rc == 0)
		rc = pthread_create(thread, &attr, main_fn, arg);
	pthread_attr_destroy(&attr);
	return rc;
}

/* SIGINT and SIGTERM end the reading, not the process (once: a second one
 * has the default effect). Only the reading thread takes them: the others
 * are started with both blocked. */
static void catch_stop_signals(int on)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on ? on_stop_signal : SIG_DFL;
	sa.sa_flags = on ? SA_RESETHAND : 0; /* no SA_RESTART: read returns EINTR */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
}

static void block_stop_signals(sigset_t *saved)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, saved);
}

/* Feeds every input (files, or standard input) to the pipeline. */
static int read_inputs(batch_reader *rd, char **files, int nfiles, char *readbuf)
{
	int i, fd, rc = 0;

	if (nfiles == 0) {
		rc = reader_feed(rd, STDIN_FILENO, readbuf);
		if (rc != 0)
			fprintf(stderr, "oncorules batch: standard input: %s\n", strerror(rc));
		return rc;
	}
	for (i = 0; i < nfiles && rc == 0 && !reader_stopped(rd); i++) {
		fd = strcmp(files[i], "-") == 0 ? STDIN_FILENO
						: open(files[i], O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			rc = errno;
		} else {
			rc = reader_feed(rd, fd, readbuf);
			if (fd != STDIN_FILENO)
				close(fd);
		}
		if (rc != 0)
			file_error(files[i], strerror(rc));
	}
	return rc;
}

/* The summary, the reason the run stopped early, and the exit status. */
static int report(batch_run *run, int status)
{
	double secs = seconds_since(&run->start);

	if (run->write_error != 0) {
		/* The summary would count records nobody received: only this. */
		fprintf(stderr,
			"oncorules batch: writing the results: %s (after %llu records)\n",
			strerror(run->write_error), run->records_written);
		return CLI_EXIT_INTERNAL;
	}
	if (run->progress)
		print_progress(run, 1);
	fprintf(stderr,
		"oncorules batch: %llu cases, %llu valid, %llu errors "
		"(%llu invalid, %llu run limits, %llu internal), %.3f s, %.0f cases/s\n",
		run->lines_written, run->valid, run->invalid + run->limit + run->internal,
		run->invalid, run->limit, run->internal, secs,
		secs > 0 ? (double)run->lines_written / secs : 0.0);
	if (stop_signal != 0) {
		fprintf(stderr,
			"oncorules batch: stopped by %s: the output answers lines 1 to %llu only\n",
			stop_signal == SIGINT ? "SIGINT" : "SIGTERM", run->lines_written);
		return CLI_EXIT_INTERNAL;
	}
	if (run->internal > 0 && status == CLI_EXIT_OK) {
		fprintf(stderr,
			"oncorules batch: %llu cases could not be evaluated (internal error)\n",
			run->internal);
		return CLI_EXIT_INTERNAL;
	}
	return status;
}

int cli_batch_run(onco_engine **engines, int jobs, char **files, int nfiles, int flags,
		  const onco_fhir_options *fhir, cli_report_dir *html)
{
	onco_case_limits limits;
	batch_worker *workers = NULL;
	batch_reader rd;
	batch_run run;
	pthread_t writer;
	sigset_t saved;
	char *readbuf = NULL;
	int started = 0, writer_started = 0, status = CLI_EXIT_OK, i;

	memset(&run, 0, sizeof(run));
	pthread_mutex_init(&run.lock, NULL);
	pthread_cond_init(&run.can_fill, NULL);
	pthread_cond_init(&run.can_work, NULL);
	pthread_cond_init(&run.can_write, NULL);
	stop_signal = 0;
	onco_case_limits_default(&limits);
	run.fhir = fhir;
	run.max_line = fhir != NULL ? fhir->limits.max_bytes : limits.max_bytes;
	run.flags = flags;
	run.html = html;
	workers = calloc((size_t)jobs, sizeof(*workers));
	readbuf = malloc(READ_SIZE);
	if (workers == NULL || readbuf == NULL || run_ring(&run, jobs) != 0) {
		fputs("oncorules batch: out of memory\n", stderr);
		status = CLI_EXIT_INTERNAL;
		goto done;
	}
	for (i = 0; i < jobs; i++) {
		workers[i].run = &run;
		workers[i].engine = engines[i];
	}
	run.progress = isatty(STDERR_FILENO);
	clock_gettime(CLOCK_MONOTONIC, &run.start);
	block_stop_signals(&saved);
	if (start_thread(&writer, WRITER_STACK, writer_main, &run) == 0) {
		writer_started = 1;
		for (started = 0; started < jobs; started++)
			if (start_thread(&workers[started].thread, WORKER_STACK, worker_main,
					 &workers[started]) != 0)
				break;
	}
	pthread_sigmask(SIG_SETMASK, &saved, NULL);
	if (started == 0) {
		fputs("oncorules batch: cannot start a thread\n", stderr);
		status = CLI_EXIT_INTERNAL;
	} else {
		catch_stop_signals(1);
		memset(&rd, 0, sizeof(rd));
		rd.run = &run;
		rd.next_line = 1;
		if (read_inputs(&rd, files, nfiles, readbuf) != 0)
			status = CLI_EXIT_INTERNAL;
		/* Stopped by a signal: a line half read gets no record. */
		if (stop_signal == 0 && rd.in_line)
			reader_end_line(&rd);
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
		status = report(&run, status);
	}
	catch_stop_signals(0);
	free(workers);
	free(readbuf);
	run_destroy(&run);
	return status;
}

/* Every file must open, as a file that can be read, before any output is
 * written: 0, or -1 after a message. */
static int check_files(char **files, int nfiles)
{
	struct stat st;
	int i, fd, error;

	for (i = 0; i < nfiles; i++) {
		if (strcmp(files[i], "-") == 0)
			continue;
		fd = open(files[i], O_RDONLY | O_CLOEXEC | O_NONBLOCK);
		error = fd < 0 ? errno : fstat(fd, &st) != 0 ? errno
					 : S_ISDIR(st.st_mode) ? EISDIR : 0;
		if (fd >= 0)
			close(fd);
		if (error != 0) {
			file_error(files[i], strerror(error));
			return -1;
		}
	}
	return 0;
}

int cli_batch(int argc, char **argv)
{
	cli_engine_args eargs = {0};
	cli_fhir_args fargs = {0};
	onco_fhir_options fhir_opts;
	onco_engine **engines = NULL;
	char **files = NULL;
	const char *html_dir = NULL;
	cli_report_dir *html = NULL;
	int nfiles = 0, jobs = 1, opened = 0, flags = 0;
	int status = CLI_EXIT_OK, i, r;

	files = calloc((size_t)argc, sizeof(*files));
	if (files == NULL) {
		fputs("oncorules batch: out of memory\n", stderr);
		return CLI_EXIT_INTERNAL;
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
		r = cli_fhir_arg(&fargs, argc, argv, &i);
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
			flags |= ONCO_JSON_SUMMARY;
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
	if (check_files(files, nfiles) != 0) {
		status = CLI_EXIT_USAGE;
		goto done;
	}
	if (html_dir != NULL && (flags & ONCO_JSON_SUMMARY)) {
		fputs("oncorules batch: --html draws its pages from the whole results: it does not "
		      "go with --summary\n",
		      stderr);
		status = CLI_EXIT_USAGE;
		goto done;
	}
	if (html_dir != NULL && (html = cli_report_dir_open(html_dir)) == NULL) {
		status = CLI_EXIT_USAGE;
		goto done;
	}
	if (fargs.as_of != NULL && !fargs.fhir) {
		fputs("oncorules batch: --as-of goes with --fhir\n", stderr);
		status = CLI_EXIT_USAGE;
		goto done;
	}
	onco_fhir_options_default(&fhir_opts);
	fhir_opts.as_of = fargs.as_of;
	engines = calloc((size_t)jobs, sizeof(*engines));
	if (engines == NULL) {
		fputs("oncorules batch: out of memory\n", stderr);
		status = CLI_EXIT_INTERNAL;
		goto done;
	}
	/* Engines are made here, in the main thread, one per worker. */
	for (opened = 0; opened < jobs; opened++)
		if ((engines[opened] = cli_engine_open(&eargs, &status)) == NULL)
			goto done;
	status = cli_batch_run(engines, jobs, files, nfiles, flags,
			       fargs.fhir ? &fhir_opts : NULL, html);
done:
	/* The index lists every line: written once the run answered them all. */
	if (html != NULL)
		status = cli_report_dir_finish(html, status);
	for (i = 0; i < opened; i++)
		onco_engine_free(engines[i]);
	free(engines);
	free(files);
	return status;
}

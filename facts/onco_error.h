/*
 * onco_error.h: error codes and the error record shared by every layer.
 *
 * A function that can fail returns 0 or one of the negative ONCO_E* codes
 * and, when the caller passes one, fills an onco_error it owns. Nothing is
 * printed and nothing is kept in global or thread-local state.
 */
#ifndef ONCO_ERROR_H
#define ONCO_ERROR_H

enum {
	ONCO_OK = 0,
	ONCO_EINVALID = -1, /* the input (case, options) is invalid */
	ONCO_ERULES = -2,   /* the rule base failed to load or is inconsistent */
	ONCO_ENOMEM = -3,   /* out of memory */
	ONCO_ELIMIT = -4,   /* a run limit was reached (rule firings, facts) */
	ONCO_EIO = -5,      /* a file could not be read or written */
	ONCO_EINTERNAL = -6 /* a bug: an invariant of the engine did not hold */
};

#define ONCO_ERROR_MESSAGE_MAX 1024
#define ONCO_ERROR_PATH_MAX 512

/* Details of a failure. Fields that do not apply are empty strings / 0. */
typedef struct onco_error {
	int code;
	char message[ONCO_ERROR_MESSAGE_MAX];
	char file[ONCO_ERROR_PATH_MAX]; /* rule file, for rule-base errors */
	long line;                      /* line in `file`, 0 when unknown */
} onco_error;

/* Clears `err` (NULL is a no-op). */
void onco_error_clear(onco_error *err);

/* Fills `err` (NULL is a no-op) with `code` and a printf-style message, and
 * returns `code` so that callers can write `return onco_error_set(...)`. */
int onco_error_set(onco_error *err, int code, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 3, 4)))
#endif
	;

#endif

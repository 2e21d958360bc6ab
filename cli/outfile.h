/*
 * outfile.h: writing a whole output file the command line makes (an HTML
 * report, a page of batch --html) so that it is there complete or not at
 * all: written to a new temporary file in the same folder (mkstemp,
 * O_EXCL: nothing planted there is followed), checked at every write, at
 * fsync and at close, then renamed over the name. What stands at the name
 * must be absent or a regular file: a link, a folder or a device there is
 * refused, never replaced.
 */
#ifndef ONCO_CLI_OUTFILE_H
#define ONCO_CLI_OUTFILE_H

#include <stddef.h>

/* Why a write failed, for the caller's one message. */
typedef enum cli_outfile_error {
	CLI_OUTFILE_OK = 0,
	CLI_OUTFILE_PLACE, /* the name cannot be written there (no such folder,
			    * not a regular file, no permission): bad usage */
	CLI_OUTFILE_WRITE  /* a write, sync, close or rename failed: internal */
} cli_outfile_error;

/* Whether the file is synced to disk before it gets its name. */
typedef enum cli_outfile_sync {
	CLI_OUTFILE_NO_SYNC, /* a page among many (batch --html): rewritten by a rerun */
	CLI_OUTFILE_SYNC     /* a file on its own: there whole after a crash */
} cli_outfile_sync;

/*
 * Writes `n` bytes of `data` to `path` as described above. On failure the
 * temporary file is removed, `why` (of `why_size` bytes) says what failed
 * ("cannot write x.html: No space left on device") and the kind of failure
 * is returned; the file at `path`, if any, is untouched.
 */
cli_outfile_error cli_outfile_write(const char *path, const char *data, size_t n,
				    cli_outfile_sync sync, char *why, size_t why_size);

#endif

/*
 * report_dir.h: `batch --html DIR` (report_dir.c): one report page per
 * result record and an index.html of them all. The pages are extra: batch
 * writes its records whatever happens here.
 *
 * Ownership: cli_report_dir_open gives a handle that cli_report_dir_finish
 * frees. Every page and the index are written to a temporary name and
 * renamed when complete (outfile.h); after the first page that cannot be
 * written, one message is printed and no more pages are written.
 */
#ifndef ONCO_CLI_REPORT_DIR_H
#define ONCO_CLI_REPORT_DIR_H

#include <stddef.h>

typedef struct cli_report_dir cli_report_dir;

/* Makes DIR when it does not exist. NULL after a message when it cannot
 * be made or is not a folder (bad usage). */
cli_report_dir *cli_report_dir_open(const char *dir);

/* Keeps `n` bytes of result records (NDJSON, each with its "line", as
 * batch writes them) for their pages, drawn by cli_report_dir_finish once
 * every record is written: drawing a page can exit when memory runs out
 * (strbuf.h). Returns 0, or -1 once they cannot be kept (the message is
 * printed once; no pages then). */
int cli_report_dir_add(cli_report_dir *d, const char *records, size_t n);

/* The end of the run whose exit status so far is `status`: draws the
 * page of every record kept, writes index.html (when `status` is 0: every
 * line answered, and every page was written) and frees `d`. Returns `status`, or 3 (internal error) instead
 * of 0 when a page or the index could not be written. */
int cli_report_dir_finish(cli_report_dir *d, int status);

#endif

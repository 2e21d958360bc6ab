/*
 * report_dir.c: `batch --html DIR`: a report page per input line (the
 * result records batch writes, report.h) and an index.html listing every
 * line with its case, guideline, scope and number of critical warnings.
 * Pages are extra: the NDJSON records stay the batch's answer, one per
 * line, whatever happens here. So the pages are drawn once every record is
 * written: batch's writer thread only copies the records to an unnamed
 * temporary file (the spool, on disk: memory stays flat), and
 * cli_report_dir_finish draws the pages from it in the main thread (one
 * thread: Graphviz is not reentrant). Drawing a page exits with status 3
 * when memory runs out (strbuf.h): drawn during the run, in the writer
 * thread, that exit lost the records of every line not yet written.
 */
#include "report_dir.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "outfile.h"
#include "printable.h"
#include "report.h"
#include "textview.h"

/* What the index says of one line. */
typedef struct index_row {
	unsigned long long line;
	char *page;       /* file name in DIR */
	char *case_id;    /* NULL: none */
	char *guidelines; /* titles, "; "-separated */
	char *scope;      /* "covered", "not covered", "invalid" */
	int critical;     /* critical warnings */
	int options;      /* options recommended, possible */
	int possible;
} index_row;

struct cli_report_dir {
	char *dir;
	cli_graphs *graphs;
	FILE *spool; /* the records, in order; NULL until the first */
	index_row *rows;
	size_t count, capacity;
	int failed; /* a page could not be written: no more are */
};

cli_report_dir *cli_report_dir_open(const char *dir)
{
	cli_report_dir *d;
	struct stat st;
	char *shown, why[256];

	if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
		shown = cli_printable(dir);
		fprintf(stderr, "oncorules batch: --html %s: %s\n", shown, strerror(errno));
		free(shown);
		return NULL;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		shown = cli_printable(dir);
		fprintf(stderr, "oncorules batch: --html %s: not a folder\n", shown);
		free(shown);
		return NULL;
	}
	d = cli_xrealloc(NULL, sizeof(*d));
	memset(d, 0, sizeof(*d));
	d->dir = cli_xstrdup(dir);
	d->graphs = cli_graphs_open(why, sizeof(why));
	if (d->graphs == NULL)
		fprintf(stderr,
			"oncorules batch: Graphviz did not start (%s): the pages have no graphs\n", why);
	return d;
}

/* "000042-rc-001.html": the line number (sorts as the input does) and
 * the case id reduced to letters, digits, '.', '-' and '_'. */
static char *page_name(unsigned long long line, const char *case_id)
{
	cli_buf b = CLI_BUF_INIT;
	size_t i;

	cli_buf_printf(&b, "%06llu", line);
	if (case_id != NULL && case_id[0] != '\0') {
		cli_buf_puts(&b, "-");
		for (i = 0; case_id[i] != '\0' && i < 60; i++) {
			char c = case_id[i];
			int plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
				    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';

			cli_buf_append(&b, plain ? &c : "_", 1);
		}
	}
	cli_buf_puts(&b, ".html");
	return cli_buf_take(&b);
}

static int count_critical(const cJSON *doc)
{
	const cJSON *w;
	int n = 0;

	cJSON_ArrayForEach(w, cJSON_GetObjectItemCaseSensitive(doc, "warnings"))
		n += strcmp(cli_str_or(w, "severity", ""), "critical") == 0;
	return n;
}

static char *guideline_titles(const cJSON *doc)
{
	const cJSON *status = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "cards"), 0);
	const cJSON *g;
	cli_buf b = CLI_BUF_INIT;

	cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(status, "guidelines"))
		cli_buf_printf(&b, "%s%s", b.length ? "; " : "",
			       cli_str_or(g, "title", cli_str_or(g, "id", "")));
	if (b.length == 0)
		cJSON_ArrayForEach(g, cJSON_GetObjectItemCaseSensitive(doc, "guidelines"))
			if (cJSON_IsString(g))
				cli_buf_printf(&b, "%s%s", b.length ? "; " : "", g->valuestring);
	return cli_buf_take(&b);
}

/* One record: its page, and its row of the index. */
static int add_record(cli_report_dir *d, const char *record)
{
	int out_of_memory;
	cJSON *doc = cli_json_parse(record, strlen(record), NULL, &out_of_memory);
	const cJSON *line;
	index_row *row;
	html_out page = HTML_OUT_INIT;
	char *path, *shown, why[512];
	cli_buf b = CLI_BUF_INIT;
	int rc;

	line = cJSON_GetObjectItemCaseSensitive(doc, "line");
	if (!cJSON_IsObject(doc) || !cJSON_IsNumber(line)) {
		cJSON_Delete(doc);
		fputs(out_of_memory ? "oncorules batch: --html: out of memory\n"
			      : "oncorules batch: --html: a result record is not a JSON object with its "
				"line\n",
		      stderr);
		return -1;
	}
	if (d->count == d->capacity) {
		d->capacity = d->capacity ? d->capacity * 2 : 256;
		d->rows = cli_xrealloc(d->rows, d->capacity * sizeof(*d->rows));
	}
	row = &d->rows[d->count++];
	memset(row, 0, sizeof(*row));
	row->line = (unsigned long long)line->valuedouble;
	row->case_id = cli_str(doc, "case") ? cli_xstrdup(cli_str(doc, "case")) : NULL;
	row->page = page_name(row->line, row->case_id);
	if (cJSON_GetObjectItemCaseSensitive(doc, "errors") != NULL) {
		row->scope = cli_xstrdup("invalid");
		row->guidelines = cli_xstrdup("");
	} else {
		row->scope = cli_xstrdup(cli_str_or(doc, "scope", ""));
		row->guidelines = guideline_titles(doc);
		row->critical = count_critical(doc);
		row->options = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "recommendations"));
		row->possible = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(doc, "possible"));
	}
	rc = cli_report_render(&page, doc, d->graphs);
	cJSON_Delete(doc);
	cli_buf_printf(&b, "%s/%s", d->dir, row->page);
	path = cli_buf_take(&b);
	if (rc != 0) {
		shown = cli_printable(path);
		fprintf(stderr, "oncorules batch: --html: %s: %s; no page written\n", shown,
			cli_graphs_failure(d->graphs));
		free(shown);
	} else if (cli_outfile_write(path, html_page(&page), html_length(&page), CLI_OUTFILE_NO_SYNC,
				     why, sizeof(why)) != CLI_OUTFILE_OK) {
		fprintf(stderr, "oncorules batch: --html: %s\n", why);
		rc = -1;
	}
	free(path);
	html_free(&page);
	return rc;
}

/* "oncorules batch: --html: WHAT: the error", and no more pages. */
static int spool_failed(cli_report_dir *d, const char *what, int error)
{
	fprintf(stderr, "oncorules batch: --html: %s: %s\n", what, strerror(error));
	d->failed = 1;
	return -1;
}

int cli_report_dir_add(cli_report_dir *d, const char *records, size_t n)
{
	if (d->failed)
		return -1;
	if (d->spool == NULL && (d->spool = tmpfile()) == NULL)
		return spool_failed(d, "cannot keep the records for the pages", errno);
	if (fwrite(records, 1, n, d->spool) != n)
		return spool_failed(d, "cannot keep the records for the pages", errno);
	return 0;
}

/* Draws the page of every record in the spool, in order, until one
 * cannot be written. */
static void draw_pages(cli_report_dir *d)
{
	char *record = NULL;
	size_t size = 0;
	ssize_t len;

	if (fflush(d->spool) != 0 || fseek(d->spool, 0, SEEK_SET) != 0) {
		spool_failed(d, "cannot read the records back", errno);
		return;
	}
	errno = 0;
	while (!d->failed && (len = getline(&record, &size, d->spool)) >= 0) {
		if (len > 0 && record[len - 1] == '\n')
			record[len - 1] = '\0';
		if (add_record(d, record) != 0)
			d->failed = 1;
		errno = 0;
	}
	if (!d->failed && (ferror(d->spool) || errno != 0))
		spool_failed(d, "cannot read the records back", errno ? errno : EIO);
	free(record);
}

/* ------------------------------------------------------------ index */

static void index_page(html_out *h, const cli_report_dir *d)
{
	size_t i;
	int critical = 0, invalid = 0, not_covered = 0;

	for (i = 0; i < d->count; i++) {
		critical += d->rows[i].critical > 0;
		invalid += strcmp(d->rows[i].scope, "invalid") == 0;
		not_covered += strcmp(d->rows[i].scope, "not covered") == 0;
	}
	report_page_start(h, "Batch", NULL);
	html_markup(h, "<header class=\"masthead\"><p class=\"brand\">oncorules &#183; batch</p><h1>");
	html_int(h, (long)d->count);
	html_markup(h, " cases</h1><p class=\"kb\">");
	html_int(h, critical);
	html_markup(h, " with critical warnings &#183; ");
	html_int(h, not_covered);
	html_markup(h, " not covered &#183; ");
	html_int(h, invalid);
	html_markup(h, " invalid</p></header><main><table class=\"index\"><thead><tr><th>Line</th>"
		       "<th>Case</th><th>Guideline</th><th>Scope</th><th>Critical warnings</th>"
		       "<th>Options</th></tr></thead><tbody>");
	for (i = 0; i < d->count; i++) {
		const index_row *r = &d->rows[i];

		html_markup(h, "<tr");
		if (r->critical > 0)
			html_markup(h, " class=\"has-critical\"");
		html_markup(h, "><td class=\"n\">");
		html_int(h, (long)r->line);
		html_markup(h, "</td><td><a href=\"");
		html_text(h, r->page);
		html_markup(h, "\">");
		html_text(h, r->case_id != NULL ? r->case_id : "(no case id)");
		html_markup(h, "</a></td><td>");
		html_text(h, r->guidelines);
		html_markup(h, "</td><td>");
		html_text(h, r->scope);
		html_markup(h, "</td><td class=\"n\">");
		html_int(h, r->critical);
		html_markup(h, "</td><td class=\"n\">");
		html_int(h, r->options);
		if (r->possible > 0) {
			html_markup(h, " + ");
			html_int(h, r->possible);
			html_markup(h, " possible");
		}
		html_markup(h, "</td></tr>");
	}
	html_markup(h, "</tbody></table></main>");
	report_page_end(h, NULL);
}

int cli_report_dir_finish(cli_report_dir *d, int status)
{
	html_out page = HTML_OUT_INIT;
	cli_buf b = CLI_BUF_INIT;
	char *path, why[512];
	int rc;
	size_t i;

	if (d->spool != NULL && !d->failed)
		draw_pages(d);
	rc = d->failed ? -1 : 0;
	if (status == CLI_EXIT_OK && !d->failed) {
		index_page(&page, d);
		cli_buf_printf(&b, "%s/index.html", d->dir);
		path = cli_buf_take(&b);
		if (cli_outfile_write(path, html_page(&page), html_length(&page), CLI_OUTFILE_SYNC,
				      why, sizeof(why)) != CLI_OUTFILE_OK) {
			fprintf(stderr, "oncorules batch: --html: %s\n", why);
			rc = -1;
		}
		free(path);
		html_free(&page);
	}
	for (i = 0; i < d->count; i++) {
		free(d->rows[i].page);
		free(d->rows[i].case_id);
		free(d->rows[i].guidelines);
		free(d->rows[i].scope);
	}
	free(d->rows);
	if (d->spool != NULL)
		fclose(d->spool);
	cli_graphs_free(d->graphs);
	free(d->dir);
	free(d);
	return rc != 0 && status == CLI_EXIT_OK ? CLI_EXIT_INTERNAL : status;
}

/* junit.c: writing the JUnit XML report of `oncorules test --junit`. */
#include "junit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Length of the valid UTF-8 sequence at s, 0 when invalid. */
static size_t utf8_length(const unsigned char *s)
{
	size_t n, i;
	unsigned long c;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2, c = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3, c = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4, c = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && (c < 0x800 || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE ||
			c == 0xFFFF)) ||
	    (n == 4 && (c < 0x10000 || c > 0x10FFFF)))
		return 0;
	return n;
}

void cli_xml_escape(cli_buf *out, const char *s, int attribute)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p != '\0') {
		size_t n = utf8_length(p);

		if (n == 0) {
			cli_buf_puts(out, "\xEF\xBF\xBD"); /* U+FFFD */
			p++;
			continue;
		}
		switch (*p) {
		case '&': cli_buf_puts(out, "&amp;"); break;
		case '<': cli_buf_puts(out, "&lt;"); break;
		case '>': cli_buf_puts(out, "&gt;"); break;
		case '"': cli_buf_puts(out, "&quot;"); break;
		case '\'': cli_buf_puts(out, "&apos;"); break;
		case '\n': cli_buf_puts(out, attribute ? "&#10;" : "\n"); break;
		case '\t': cli_buf_puts(out, attribute ? "&#9;" : "\t"); break;
		case '\r': cli_buf_puts(out, "&#13;"); break;
		default:
			if (*p < 0x20)
				cli_buf_puts(out, "\xEF\xBF\xBD");
			else
				cli_buf_append(out, (const char *)p, n);
		}
		p += n;
	}
}

/* The first line of a report, without its indent, escaped for an attribute. */
static void first_line(cli_buf *out, const char *report)
{
	cli_buf line = CLI_BUF_INIT;
	size_t n;

	while (*report == ' ')
		report++;
	n = strcspn(report, "\n");
	cli_buf_append(&line, report, n);
	cli_xml_escape(out, cli_buf_text(&line), 1);
	cli_buf_free(&line);
}

void cli_junit_add(cli_junit *j, const char *classname, const char *name,
		   double seconds, const char *description, int outcome,
		   const char *report)
{
	cli_buf *b = &j->cases;
	const char *element = outcome == CLI_JUNIT_ERROR ? "error" : "failure";

	j->tests++;
	j->seconds += seconds;
	cli_buf_puts(b, "    <testcase classname=\"");
	cli_xml_escape(b, classname, 1);
	cli_buf_puts(b, "\" name=\"");
	cli_xml_escape(b, name, 1);
	cli_buf_printf(b, "\" time=\"%.3f\">\n", seconds);
	if (outcome != CLI_JUNIT_PASS) {
		if (outcome == CLI_JUNIT_ERROR)
			j->errors++;
		else
			j->failures++;
		cli_buf_printf(b, "      <%s type=\"%s\" message=\"", element,
			       outcome == CLI_JUNIT_ERROR ? "case-file" : "expectation");
		first_line(b, report);
		cli_buf_puts(b, "\">");
		cli_xml_escape(b, report, 0);
		cli_buf_printf(b, "</%s>\n", element);
	}
	if (description != NULL) {
		cli_buf_puts(b, "      <system-out>");
		cli_xml_escape(b, description, 0);
		cli_buf_puts(b, "</system-out>\n");
	}
	cli_buf_puts(b, "    </testcase>\n");
}

int cli_junit_writable(const char *path)
{
	char *dir;
	const char *slash = strrchr(path, '/');
	int rc;

	if (access(path, F_OK) == 0)
		return access(path, W_OK);
	if (slash == NULL)
		return access(".", W_OK | X_OK);
	dir = cli_xstrdup(path);
	dir[slash == path ? 1 : slash - path] = '\0';
	rc = access(dir, W_OK | X_OK);
	free(dir);
	return rc;
}

int cli_junit_write(const cli_junit *j, const char *path, const char *suite,
		    const char *timestamp)
{
	FILE *f = fopen(path, "wb");
	cli_buf head = CLI_BUF_INIT;
	int ok;

	if (f == NULL)
		return -1;
	cli_buf_printf(&head,
		       "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		       "<testsuites tests=\"%d\" failures=\"%d\" errors=\"%d\" time=\"%.3f\">\n"
		       "  <testsuite name=\"",
		       j->tests, j->failures, j->errors, j->seconds);
	cli_xml_escape(&head, suite, 1);
	cli_buf_printf(&head,
		       "\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"0\" time=\"%.3f\" timestamp=\"%s\">\n",
		       j->tests, j->failures, j->errors, j->seconds, timestamp);
	ok = fputs(cli_buf_text(&head), f) >= 0 &&
	     fputs(cli_buf_text(&j->cases), f) >= 0 &&
	     fputs("  </testsuite>\n</testsuites>\n", f) >= 0;
	cli_buf_free(&head);
	return fclose(f) == 0 && ok ? 0 : -1;
}

void cli_junit_free(cli_junit *j)
{
	cli_buf_free(&j->cases);
}

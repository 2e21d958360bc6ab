/* body.c: the request body as JSON, strictly. */
#include <ctype.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "serve.h"

/* 1 when every \u escape has four hex digits and none is \u0000. */
int serve_json_escapes_ok(const char *s, size_t n)
{
	size_t i, k;

	for (i = 0; i < n; i++) {
		if (s[i] != '\\')
			continue;
		if (i + 1 >= n)
			return 0;
		if (s[i + 1] == 'u') {
			if (i + 5 >= n)
				return 0;
			for (k = 2; k < 6; k++)
				if (!isxdigit((unsigned char)s[i + k]))
					return 0;
			if (strncmp(s + i + 2, "0000", 4) == 0)
				return 0;
		}
		i++; /* skip the escaped character */
	}
	return 1;
}

/* 1 when s[0..n) is UTF-8 (RFC 3629: no overlong form, no surrogate,
 * nothing above U+10FFFF). */
static int utf8_ok(const unsigned char *s, size_t n)
{
	size_t i = 0, len, k;
	unsigned long cp;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		len = s[i] >= 0xc2 && s[i] <= 0xdf ? 2 : s[i] >= 0xe0 && s[i] <= 0xef ? 3
			: s[i] >= 0xf0 && s[i] <= 0xf4 ? 4 : 0;
		if (len == 0 || i + len > n)
			return 0;
		cp = s[i] & (0xff >> (len + 1));
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += len;
	}
	return 1;
}

cJSON *serve_body_parse(serve_request *req)
{
	const char *end = NULL;
	int out_of_memory;
	cJSON *doc;

	req->log.reason = "invalid JSON"; /* unless it parses (or memory runs out) */

	if (req->body_length == 0) {
		serve_respond_error(req, 400, "invalid", "the request has no body");
		return NULL;
	}
	if (memchr(req->body, '\0', req->body_length) != NULL ||
	    !serve_json_escapes_ok(req->body, req->body_length)) {
		serve_respond_error(req, 400, "invalid",
				    "the body has a NUL character or a broken \\u escape");
		return NULL;
	}
	if (!utf8_ok((const unsigned char *)req->body, req->body_length)) {
		serve_respond_error(req, 400, "invalid",
				    "the body is not valid UTF-8 (RFC 8259)");
		return NULL;
	}
	doc = cli_json_parse(req->body, req->body_length, &end, &out_of_memory);
	if (out_of_memory) {
		/* ours, not the client's (never a 400 "not valid JSON") */
		req->log.reason = "out of memory";
		serve_respond_error(req, 500, "exception", "out of memory");
		return NULL;
	}
	if (doc != NULL) {
		while (end < req->body + req->body_length && isspace((unsigned char)*end))
			end++;
		if (end != req->body + req->body_length) {
			cJSON_Delete(doc);
			doc = NULL;
		}
	}
	if (doc == NULL) {
		serve_respond_error(req, 400, "invalid", "the body is not valid JSON");
		return NULL;
	}
	if (!cJSON_IsObject(doc)) {
		cJSON_Delete(doc);
		serve_respond_error(req, 400, "invalid",
				    "the body is not a JSON object");
		return NULL;
	}
	req->log.reason = NULL;
	return doc;
}

/* fi_http.c: fault_inject's http mode (fi_http.h). */
#define _GNU_SOURCE

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "fi_http.h"
#include "fi_mhd.h"

#define BASE_URL "https://cds.test"
#define ISSUER "https://ehr.test"       /* ES256, key in a PEM file */
#define ISSUER_JWKS "https://ehr2.test" /* ES384, key in a JWK Set, kid "jwks" */
#define ISSUER_RSA "https://ehr3.test"  /* PS256, an RSA key in a PEM file */
#define ARGS_MAX 40

struct fi_http {
	cJSON *doc;          /* the request file; header strings point into it */
	char *args[ARGS_MAX]; /* the server's command line (--trust cuts its own) */
	int argc;
	serve_config cfg;
	fi_exchange request;
	int sweep_start;     /* the server starts in each run, else once, here */
	serve_server srv;    /* made here once (without sweep_start) */
	int started;
	char *authorization; /* "Bearer <token>" when the file asks for a token */
	char *body;
	char access_log[256], feedback_log[256];
};

/* ------------------------------------------------------------ tokens */

static char *b64url(const unsigned char *data, size_t n)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
	char *out = malloc(n * 4 / 3 + 4), *p = out;
	size_t i;

	if (out == NULL)
		return NULL;
	for (i = 0; i + 2 < n; i += 3) {
		*p++ = abc[data[i] >> 2];
		*p++ = abc[((data[i] & 3) << 4) | (data[i + 1] >> 4)];
		*p++ = abc[((data[i + 1] & 15) << 2) | (data[i + 2] >> 6)];
		*p++ = abc[data[i + 2] & 63];
	}
	if (n - i == 1) {
		*p++ = abc[data[i] >> 2];
		*p++ = abc[(data[i] & 3) << 4];
	} else if (n - i == 2) {
		*p++ = abc[data[i] >> 2];
		*p++ = abc[((data[i] & 3) << 4) | (data[i + 1] >> 4)];
		*p++ = abc[(data[i + 1] & 15) << 2];
	}
	*p = '\0';
	return out;
}

/* The test's keys, made once per process: the three trusted ones and a
 * stranger's. */
static EVP_PKEY *key_es256, *key_es384, *key_rsa, *key_stranger;

static int make_keys(void)
{
	if (key_es256 != NULL)
		return 0;
	key_es256 = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
	key_es384 = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-384");
	key_rsa = EVP_PKEY_Q_keygen(NULL, NULL, "RSA", (size_t)2048);
	key_stranger = EVP_PKEY_Q_keygen(NULL, NULL, "EC", "P-256");
	return key_es256 != NULL && key_es384 != NULL && key_rsa != NULL && key_stranger != NULL
		       ? 0
		       : -1;
}

/* header.claims.signature: RSASSA-PSS with SHA-256 (PS256, `half` 0), or
 * ECDSA with R || S, each `half` bytes (RFC 7518 sections 3.4 and 3.5). */
static char *sign(EVP_PKEY *key, const EVP_MD *md, size_t half, const char *header,
		  const char *claims)
{
	char *h = b64url((const unsigned char *)header, strlen(header));
	char *c = b64url((const unsigned char *)claims, strlen(claims));
	char *input = NULL, *s = NULL, *token = NULL;
	unsigned char der[512], raw[132];
	const unsigned char *p = der;
	size_t der_len = sizeof(der);
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	EVP_PKEY_CTX *pctx = NULL;
	ECDSA_SIG *sig = NULL;
	const BIGNUM *r, *sv;

	if (h == NULL || c == NULL || ctx == NULL || (input = malloc(strlen(h) + strlen(c) + 2)) == NULL)
		goto done;
	sprintf(input, "%s.%s", h, c);
	if (EVP_DigestSignInit(ctx, &pctx, md, NULL, key) != 1 ||
	    (half == 0 && (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
			   EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) <= 0)) ||
	    EVP_DigestSign(ctx, der, &der_len, (const unsigned char *)input, strlen(input)) != 1)
		goto done;
	if (half == 0) {
		s = b64url(der, der_len);
	} else {
		if ((sig = d2i_ECDSA_SIG(NULL, &p, (long)der_len)) == NULL)
			goto done;
		ECDSA_SIG_get0(sig, &r, &sv);
		if (BN_bn2binpad(r, raw, (int)half) < 0 || BN_bn2binpad(sv, raw + half, (int)half) < 0)
			goto done;
		s = b64url(raw, 2 * half);
	}
	if (s == NULL || (token = malloc(strlen(input) + strlen(s) + 2)) == NULL)
		goto done;
	sprintf(token, "%s.%s", input, s);
done:
	ECDSA_SIG_free(sig);
	EVP_MD_CTX_free(ctx);
	free(h);
	free(c);
	free(input);
	free(s);
	return token;
}

/* "Bearer <token>" as the request file's "token" asks. */
static char *bearer(const cJSON *spec, const char *path)
{
	const char *issuer = cJSON_GetStringValue(cJSON_GetObjectItem(spec, "issuer"));
	const char *signer = cJSON_GetStringValue(cJSON_GetObjectItem(spec, "signed_by"));
	const cJSON *exp_in = cJSON_GetObjectItem(spec, "exp_in");
	const cJSON *iat_in = cJSON_GetObjectItem(spec, "iat_in"), *m;
	int tampered = cJSON_IsTrue(cJSON_GetObjectItem(spec, "tampered"));
	int jwks = issuer != NULL && strcmp(issuer, "jwks") == 0;
	int rsa = issuer != NULL && strcmp(issuer, "rsa") == 0;
	double now = (double)time(NULL);
	cJSON *claims = cJSON_CreateObject();
	char aud[512], *text, *token, *out = NULL;

	snprintf(aud, sizeof(aud), "%s%s", BASE_URL, path);
	cJSON_AddStringToObject(claims, "iss", jwks ? ISSUER_JWKS : rsa ? ISSUER_RSA : ISSUER);
	cJSON_AddStringToObject(claims, "aud", aud);
	cJSON_AddNumberToObject(claims, "iat", now + (cJSON_IsNumber(iat_in) ? iat_in->valuedouble : 0));
	cJSON_AddNumberToObject(claims, "exp",
				now + (cJSON_IsNumber(exp_in) ? exp_in->valuedouble : 3600));
	cJSON_AddStringToObject(claims, "jti", "fi-1");
	cJSON_ArrayForEach(m, spec)
		if (strcmp(m->string, "issuer") != 0 && strcmp(m->string, "signed_by") != 0 &&
		    strcmp(m->string, "exp_in") != 0 && strcmp(m->string, "iat_in") != 0 &&
		    strcmp(m->string, "tampered") != 0) {
			cJSON_DeleteItemFromObject(claims, m->string);
			cJSON_AddItemToObject(claims, m->string, cJSON_Duplicate(m, 1));
		}
	text = cJSON_PrintUnformatted(claims);
	cJSON_Delete(claims);
	if (text == NULL)
		return NULL;
	if (jwks)
		token = sign(key_es384, EVP_sha384(), 48,
			     "{\"alg\":\"ES384\",\"typ\":\"JWT\",\"kid\":\"jwks\"}", text);
	else if (rsa)
		token = sign(key_rsa, EVP_sha256(), 0, "{\"alg\":\"PS256\",\"typ\":\"JWT\"}", text);
	else
		token = sign(signer != NULL ? key_stranger : key_es256, EVP_sha256(), 32,
			     "{\"alg\":\"ES256\",\"typ\":\"JWT\"}", text);
	free(text);
	if (token != NULL && tampered) {
		/* one character in the middle of the signature: still base64url */
		char *c = strrchr(token, '.') + strlen(strrchr(token, '.')) / 2;

		*c = *c == 'A' ? 'B' : 'A';
	}
	if (token != NULL && (out = malloc(strlen(token) + 8)) != NULL)
		sprintf(out, "Bearer %s", token);
	free(token);
	return out;
}

static int write_pem(const char *dir, const char *name, EVP_PKEY *key)
{
	char path[300];
	FILE *f;
	int ok;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	ok = f != NULL && PEM_write_PUBKEY(f, key) == 1;
	if (f != NULL && fclose(f) != 0)
		ok = 0;
	return ok;
}

/* The trusted keys as the server reads them: PEM files and a JWK Set. */
static int write_keys(const char *dir)
{
	char path[300], *x = NULL, *y = NULL;
	unsigned char bx[48], by[48];
	BIGNUM *bnx = NULL, *bny = NULL;
	FILE *f;
	int ok;

	ok = write_pem(dir, "ehr.pem", key_es256) && write_pem(dir, "ehr3.pem", key_rsa);
	ok = ok && EVP_PKEY_get_bn_param(key_es384, OSSL_PKEY_PARAM_EC_PUB_X, &bnx) == 1 &&
	     EVP_PKEY_get_bn_param(key_es384, OSSL_PKEY_PARAM_EC_PUB_Y, &bny) == 1 &&
	     BN_bn2binpad(bnx, bx, 48) == 48 && BN_bn2binpad(bny, by, 48) == 48 &&
	     (x = b64url(bx, 48)) != NULL && (y = b64url(by, 48)) != NULL;
	snprintf(path, sizeof(path), "%s/ehr2.jwks.json", dir);
	f = ok ? fopen(path, "w") : NULL;
	ok = f != NULL &&
	     fprintf(f, "{\"keys\": [{\"kty\": \"EC\", \"crv\": \"P-384\", \"kid\": \"jwks\", "
			"\"use\": \"sig\", \"alg\": \"ES384\", \"x\": \"%s\", \"y\": \"%s\"}]}\n",
		     x, y) > 0;
	if (f != NULL && fclose(f) != 0)
		ok = 0;
	BN_free(bnx);
	BN_free(bny);
	free(x);
	free(y);
	return ok ? 0 : -1;
}

/* ----------------------------------------------------- request files */

/* Adds `a` and `b` joined as one argument. */
static int add_arg(fi_http *h, const char *a, const char *b)
{
	char text[600];

	if (h->argc + 1 >= ARGS_MAX)
		return -1;
	snprintf(text, sizeof(text), "%s%s", a, b);
	h->args[h->argc] = strdup(text);
	return h->args[h->argc++] != NULL ? 0 : -1;
}

static int server_args(fi_http *h, const char *dir, const cJSON *more)
{
	char pem[300], jwks[300], rsa[300];
	const cJSON *m;
	int ok;

	snprintf(h->access_log, sizeof(h->access_log), "%s/access.log", dir);
	snprintf(h->feedback_log, sizeof(h->feedback_log), "%s/feedback.ndjson", dir);
	snprintf(pem, sizeof(pem), "--trust=" ISSUER "=%s/ehr.pem", dir);
	snprintf(jwks, sizeof(jwks), "--trust=" ISSUER_JWKS "=%s/ehr2.jwks.json", dir);
	snprintf(rsa, sizeof(rsa), "--trust=" ISSUER_RSA "=%s/ehr3.pem", dir);
	ok = add_arg(h, "serve", "") == 0 && add_arg(h, "--base-url=", BASE_URL "/") == 0 &&
	     add_arg(h, pem, "") == 0 && add_arg(h, jwks, "") == 0 && add_arg(h, rsa, "") == 0 &&
	     add_arg(h, "--cors-origin=", "https://app.test") == 0 &&
	     add_arg(h, "--jti-cache=", "16") == 0 &&
	     add_arg(h, "--max-token-lifetime=", "86400") == 0 &&
	     add_arg(h, "--access-log=", h->access_log) == 0 &&
	     add_arg(h, "--feedback-log=", h->feedback_log) == 0;
	cJSON_ArrayForEach(m, more)
		ok = ok && cJSON_IsString(m) && add_arg(h, m->valuestring, "") == 0;
	return ok && serve_config_parse(&h->cfg, h->argc, h->args) == 0 ? 0 : -1;
}

/* The body: "body" (JSON, sent as its text) or "body_file", then
 * "body_pad". */
static int request_body(fi_http *h, const char *path, const cJSON *doc)
{
	const cJSON *json = cJSON_GetObjectItem(doc, "body");
	const char *file = cJSON_GetStringValue(cJSON_GetObjectItem(doc, "body_file"));
	const cJSON *pad = cJSON_GetObjectItem(doc, "body_pad");
	const char *slash = strrchr(path, '/');
	char where[600], *grown;
	size_t length = 0, want;

	if (json != NULL) {
		h->body = cJSON_PrintUnformatted(json);
	} else if (file != NULL) {
		snprintf(where, sizeof(where), "%.*s%s", slash != NULL ? (int)(slash - path + 1) : 0,
			 path, file);
		h->body = cli_read_file(where, (size_t)64 << 20, &length);
		if (h->body == NULL)
			fprintf(stderr, "fault_inject: %s: cannot read %s\n", path, where);
	} else {
		return 0;
	}
	if (h->body == NULL)
		return -1;
	length = strlen(h->body);
	want = cJSON_IsNumber(pad) && pad->valuedouble > (double)length ? (size_t)pad->valuedouble
									 : length;
	if (want > length) {
		grown = realloc(h->body, want + 1);
		if (grown == NULL)
			return -1;
		memset(grown + length, ' ', want - length);
		grown[want] = '\0';
		h->body = grown;
	}
	h->request.body = h->body;
	h->request.body_length = want;
	return 0;
}

fi_http *fi_http_prepare(const char *path, const char *text, const char *dir)
{
	fi_http *h = calloc(1, sizeof(*h));
	const cJSON *headers, *m, *token, *chunk;
	const char *authorization;
	fi_exchange *x;
	int status;

	if (h == NULL || make_keys() != 0 || write_keys(dir) != 0) {
		fprintf(stderr, "fault_inject: %s: cannot make the test's keys\n", path);
		fi_http_free(h);
		return NULL;
	}
	x = &h->request;
	h->doc = cJSON_Parse(text);
	x->method = cJSON_GetStringValue(cJSON_GetObjectItem(h->doc, "method"));
	x->path = cJSON_GetStringValue(cJSON_GetObjectItem(h->doc, "path"));
	if (x->method == NULL || x->path == NULL) {
		fprintf(stderr, "fault_inject: %s: a request file needs \"method\" and \"path\"\n",
			path);
		fi_http_free(h);
		return NULL;
	}
	headers = cJSON_GetObjectItem(h->doc, "headers");
	cJSON_ArrayForEach(m, headers)
		if (cJSON_IsString(m) && x->header_count < FI_MHD_HEADERS_MAX - 1) {
			x->headers[x->header_count].name = m->string;
			x->headers[x->header_count++].value = m->valuestring;
		}
	token = cJSON_GetObjectItem(h->doc, "token");
	authorization = cJSON_GetStringValue(cJSON_GetObjectItem(h->doc, "authorization"));
	if (cJSON_IsObject(token))
		authorization = h->authorization = bearer(token, x->path);
	if (authorization != NULL) {
		x->headers[x->header_count].name = "Authorization";
		x->headers[x->header_count++].value = authorization;
	}
	chunk = cJSON_GetObjectItem(h->doc, "chunk");
	x->chunk = cJSON_IsNumber(chunk) && chunk->valuedouble >= 1 ? (size_t)chunk->valuedouble
								    : 4096;
	h->sweep_start = cJSON_IsTrue(cJSON_GetObjectItem(h->doc, "sweep_start"));
	if ((cJSON_IsObject(token) && h->authorization == NULL) ||
	    request_body(h, path, h->doc) != 0 ||
	    server_args(h, dir, cJSON_GetObjectItem(h->doc, "serve")) != 0) {
		fprintf(stderr, "fault_inject: %s: cannot prepare the request\n", path);
		fi_http_free(h);
		return NULL;
	}
	h->srv.cfg = h->cfg;
	if (!h->sweep_start && serve_server_init(&h->srv, &status) != 0) {
		fi_http_free(h);
		return NULL;
	}
	h->started = !h->sweep_start;
	return h;
}

void fi_http_free(fi_http *h)
{
	int i;

	if (h == NULL)
		return;
	if (h->started)
		serve_server_free(&h->srv);
	for (i = 0; i < h->argc; i++)
		free(h->args[i]);
	cJSON_Delete(h->doc);
	free(h->authorization);
	free(h->body);
	free(h);
}

void fi_http_remove_files(const char *dir)
{
	static const char *const names[] = {"ehr.pem", "ehr2.jwks.json", "ehr3.pem",
					    "access.log", "feedback.ndjson"};
	char path[300];
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
}

/* ------------------------------------------------------------ a run */

/* A file's text into `buf` (at most size - 1 bytes, then cut); "" when
 * there is none. */
static void read_log(const char *path, char *buf, size_t size)
{
	FILE *f = fopen(path, "r");
	size_t n = f != NULL ? fread(buf, 1, size - 1, f) : 0;

	buf[n] = '\0';
	if (f != NULL)
		fclose(f);
}

/* Writes `s` with what changes from run to run masked: the random prefix
 * of request ids, times of day (2026-11-27T19:06:23.045Z) and "ms". */
static void put_masked(FILE *out, const char *s, const char *boot_id)
{
	static const char time_shape[] = "dddd-dd-ddTdd:dd:dd.dddZ";
	size_t boot = strlen(boot_id), i;

	while (*s != '\0') {
		for (i = 0; time_shape[i] != '\0' && s[i] != '\0'; i++)
			if (time_shape[i] == 'd' ? !isdigit((unsigned char)s[i]) : s[i] != time_shape[i])
				break;
		if (time_shape[i] == '\0') {
			fputs("TIME", out);
			s += i;
		} else if (boot > 0 && strncmp(s, boot_id, boot) == 0) {
			fputs("BOOT", out);
			s += boot;
		} else if (strncmp(s, "\"ms\":", 5) == 0) {
			fputs("\"ms\":0", out);
			for (s += 5; isdigit((unsigned char)*s) || *s == '.' || *s == 'e' || *s == '-';)
				s++;
		} else {
			fputc(*s++, out);
		}
	}
}

static const char outcome_head[] =
	"{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",";

/* A 5xx: the clean failure when it says what failed (exit 3), else 1. */
static int judge_failure(const fi_exchange *x, const char *log, const char *feedback)
{
	char status[32];
	const char *problem = NULL;

	snprintf(status, sizeof(status), "\"status\":%u,", x->status);
	if (x->response_body == NULL || x->response_length < sizeof(outcome_head) ||
	    strncmp(x->response_body, outcome_head, strlen(outcome_head)) != 0)
		problem = "a 5xx whose body is not an OperationOutcome";
	else if (strstr(log, status) == NULL)
		problem = "a 5xx whose access log line does not say so";
	else if (strstr(log, "\"reason\":") == NULL && strstr(log, "\"log\":") == NULL)
		problem = "a 5xx whose access log line gives no reason";
	else if (feedback[0] != '\0')
		problem = "a 5xx, and the feedback stored all the same (the EHR sends it again)";
	fprintf(stderr, "oncorules-serve: HTTP %u: %.*s\naccess log: %s%s%s\n", x->status,
		(int)x->response_length, x->response_body != NULL ? x->response_body : "",
		log, problem != NULL ? "FAILS: " : "", problem != NULL ? problem : "");
	return problem != NULL ? CLI_EXIT_FINDINGS : CLI_EXIT_INTERNAL;
}

/* The server of a run: made each time (sweep_start) in `own`, or the one
 * made once, its logs emptied. 0, or an exit status. */
static int start(fi_http *h, serve_server *own, serve_server **srv)
{
	int status = CLI_EXIT_OK;

	if (!h->sweep_start) {
		*srv = &h->srv;
		return fflush(h->srv.log_file) != 0 || ftruncate(fileno(h->srv.log_file), 0) != 0 ||
			       ftruncate(h->srv.feedback_fd, 0) != 0
		       ? CLI_EXIT_USAGE
		       : 0;
	}
	*srv = own;
	unlink(h->access_log);
	unlink(h->feedback_log);
	memset(own, 0, sizeof(*own));
	own->cfg = h->cfg;
	if (serve_server_init(own, &status) == 0)
		return 0;
	serve_server_free(own);
	if (status == CLI_EXIT_INTERNAL)
		return status; /* it said why */
	fprintf(stderr, "fault_inject: the server did not start, exit %d (not 3)\n", status);
	return CLI_EXIT_FINDINGS;
}

int fi_http_run(fi_http *h, onco_engine *engine)
{
	static char log[65536], feedback[65536];
	serve_server own, *srv;
	fi_exchange x = h->request;
	int status, rc;

	status = start(h, &own, &srv);
	if (status != 0)
		return status;
	if (serve_http_start(srv) != 0) {
		fputs("fault_inject: the fake libmicrohttpd did not start\n", stderr);
		return CLI_EXIT_FINDINGS;
	}
	rc = fi_mhd_exchange(srv, engine, &x);
	serve_http_stop(srv);
	if (h->sweep_start)
		serve_server_free(srv); /* the logs closed */
	else
		fflush(srv->log_file);
	read_log(h->access_log, log, sizeof(log));
	read_log(h->feedback_log, feedback, sizeof(feedback));
	if (rc != 0) {
		fprintf(stderr, "fault_inject: the HTTP layer: %s\n", x.problem);
		status = CLI_EXIT_FINDINGS;
	} else if (!x.answered) {
		fprintf(stderr, "oncorules-serve: the connection closed with no answer\naccess log: %s\n",
			log);
		status = CLI_EXIT_FINDINGS;
	} else if (x.status >= 500) {
		status = judge_failure(&x, log, feedback);
	} else {
		printf("HTTP %u\n", x.status);
		put_masked(stdout, x.response_headers, srv->boot_id);
		putchar('\n');
		if (x.response_body != NULL)
			fwrite(x.response_body, 1, x.response_length, stdout);
		fputs("\n--- access log\n", stdout);
		put_masked(stdout, log, srv->boot_id);
		fputs("--- feedback log\n", stdout);
		put_masked(stdout, feedback, srv->boot_id);
	}
	fi_mhd_exchange_free(&x);
	return fflush(stdout) != 0 ? CLI_EXIT_INTERNAL : status;
}

/* ------------------------------------------------------- comparison */

/* The value of "name": in `line` up to the next , or }, in `out`. */
static void member(const char *line, const char *name, char *out, size_t size)
{
	const char *p = strstr(line, name);
	size_t n = 0;

	if (p != NULL)
		for (p += strlen(name); p[n] != '\0' && p[n] != ',' && p[n] != '}' && p[n] != '\n';)
			n++;
	snprintf(out, size, "%.*s", (int)n, p != NULL ? p : "");
}

const char *fi_http_compare(const char *out, size_t out_len, const char *ref, size_t ref_len)
{
	static const char mark[] = "\n--- access log\n", feedback_mark[] = "--- feedback log\n";
	const char *o = memmem(out, out_len, mark, strlen(mark));
	const char *r = memmem(ref, ref_len, mark, strlen(mark));
	const char *of, *rf;
	char a[128], b[128];

	if (o == NULL || r == NULL || o - out != r - ref || memcmp(out, ref, (size_t)(o - out)) != 0)
		return "exit 0 with a different answer";
	of = strstr(o, feedback_mark);
	rf = strstr(r, feedback_mark);
	if (of == NULL || rf == NULL || strcmp(of, rf) != 0)
		return "exit 0 with a different feedback log";
	if (strstr(o, "\"log\":\"out of memory") == NULL)
		return "exit 0 with a different access log line";
	member(o, "\"request\":", a, sizeof(a));
	member(r, "\"request\":", b, sizeof(b));
	if (strcmp(a, b) != 0 || a[0] == '\0')
		return "an access log line that could not be written whole, for another request";
	member(o, "\"status\":", a, sizeof(a));
	member(r, "\"status\":", b, sizeof(b));
	if (strcmp(a, b) != 0 || a[0] == '\0')
		return "an access log line that could not be written whole, with another status";
	return NULL;
}

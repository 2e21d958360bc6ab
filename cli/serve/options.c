/* options.c: the command line of `oncorules serve`, one row per option. */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "serve.h"

typedef enum opt_kind {
	OPT_FLAG,   /* int set to 1 */
	OPT_STRING, /* const char * */
	OPT_UINT,   /* unsigned, within [min, max] */
	OPT_LONG,   /* long, within [min, max] */
	OPT_SIZE,   /* size_t, within [min, max] */
	OPT_TRUST,  /* ISS=FILE, repeated */
	OPT_ORIGIN  /* repeated */
} opt_kind;

typedef struct opt_row {
	const char *name;
	opt_kind kind;
	size_t offset;
	unsigned long long min, max;
	const char *help;
} opt_row;

#define AT(field) offsetof(serve_config, field)

static const opt_row options[] = {
	{"--listen", OPT_STRING, AT(listen), 0, 0,
	 "ADDR:PORT to listen on (default 127.0.0.1:8080; [::1]:PORT for IPv6; port 0: any)"},
	{"--base-url", OPT_STRING, AT(base_url), 0, 0,
	 "the service's public URL as the EHR calls it, e.g. https://cds.example.org\n"
	 "(tokens' aud must be BASE/cds-services[/ID]); required with tokens"},
	{"--trust", OPT_TRUST, 0, 0, 0,
	 "ISS=FILE: accept tokens from issuer ISS signed by a key in FILE\n"
	 "(PEM public keys or a JWK Set; repeatable; never fetched)"},
	{"--insecure-no-auth", OPT_FLAG, AT(insecure_no_auth), 0, 0,
	 "no token checks, for local testing only (loopback addresses only)"},
	{"--cors-origin", OPT_ORIGIN, 0, 0, 0,
	 "ORIGIN allowed to call from a browser (repeatable; \"*\" for any)"},
	{"--feedback-log", OPT_STRING, AT(feedback_log), 0, 0,
	 "append-only file of the feedback received (default oncorules-feedback.ndjson)"},
	{"--access-log", OPT_STRING, AT(access_log), 0, 0,
	 "file for the access log, one JSON line per request (default standard error)"},
	{"--log-phi", OPT_FLAG, AT(log_phi), 0, 0,
	 "also log patient ids and hookInstance (patient data: off by default)"},
	{"--workers", OPT_UINT, AT(workers), 1, 256,
	 "worker threads, one engine each (default: one per processor)"},
	{"--io-threads", OPT_UINT, AT(io_threads), 1, 64, "network threads (default 1)"},
	{"--queue", OPT_UINT, AT(queue), 1, 100000,
	 "requests that may wait for a worker; more get 503 (default 256)"},
	{"--max-body", OPT_SIZE, AT(max_body), 1024, 256ULL * 1024 * 1024,
	 "largest request body in bytes; larger gets 413 (default 1048576)"},
	{"--max-connections", OPT_UINT, AT(max_connections), 1, 100000,
	 "open connections (default 256)"},
	{"--max-per-ip", OPT_UINT, AT(max_per_ip), 0, 100000,
	 "open connections per client address, 0: no limit (default 0)"},
	{"--header-timeout", OPT_UINT, AT(header_timeout), 1, 3600,
	 "seconds to send the request line and headers (default 10)"},
	{"--body-timeout", OPT_UINT, AT(body_timeout), 1, 3600,
	 "seconds to send the body after the headers (default 30)"},
	{"--idle-timeout", OPT_UINT, AT(idle_timeout), 1, 3600,
	 "seconds a connection may stay silent (default 30)"},
	{"--clock-skew", OPT_LONG, AT(clock_skew), 0, 600,
	 "seconds of tolerance on a token's exp, iat and nbf (default 60)"},
	{"--max-token-lifetime", OPT_LONG, AT(max_token_lifetime), 1, 86400,
	 "largest exp - iat of a token in seconds (default 600)"},
	{"--jti-cache", OPT_SIZE, AT(jti_cache), 16, 1ULL << 26,
	 "token ids remembered until they expire; when full, 503 (default 262144)"},
};

void serve_usage(FILE *out)
{
	size_t i;
	const char *h, *nl;

	fputs("usage: oncorules serve [options] [--kb DIR | --kb-image FILE --kb-image-sha256 HEX]\n"
	      "                       [--strategy NAME]\n"
	      "\n"
	      "Runs the CDS Hooks 2.0 service (GET /cds-services, POST /cds-services/patient-view,\n"
	      "POST /cds-services/patient-view/feedback) until SIGINT or SIGTERM.\n"
	      "Put it behind a TLS reverse proxy: docs/service.md.\n\noptions:\n",
	      out);
	for (i = 0; i < sizeof(options) / sizeof(options[0]); i++) {
		fprintf(out, "  %s\n", options[i].name);
		for (h = options[i].help; *h != '\0'; h = *nl ? nl + 1 : nl) {
			nl = strchr(h, '\n');
			if (nl == NULL)
				nl = h + strlen(h);
			fprintf(out, "      %.*s\n", (int)(nl - h), h);
		}
	}
	fputs("Exit status: 0 stopped by a signal, 2 usage, 3 could not start.\n", out);
}

static void set_defaults(serve_config *cfg)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	memset(cfg, 0, sizeof(*cfg));
	cfg->listen = "127.0.0.1:8080";
	cfg->feedback_log = "oncorules-feedback.ndjson";
	cfg->max_body = 1024 * 1024;
	cfg->header_timeout = 10;
	cfg->body_timeout = 30;
	cfg->idle_timeout = 30;
	cfg->workers = n < 1 ? 1 : n > 256 ? 256 : (unsigned)n;
	cfg->io_threads = 1;
	cfg->queue = 256;
	cfg->max_connections = 256;
	cfg->clock_skew = 60;
	cfg->max_token_lifetime = 600;
	cfg->jti_cache = 262144;
}

static int set_value(serve_config *cfg, const opt_row *o, const char *v)
{
	unsigned long long n;
	char *end, *eq;

	switch (o->kind) {
	case OPT_FLAG:
		*(int *)((char *)cfg + o->offset) = 1;
		return 0;
	case OPT_STRING:
		*(const char **)((char *)cfg + o->offset) = v;
		return 0;
	case OPT_TRUST:
		eq = strrchr(v, '='); /* issuer URLs may hold "=" */
		if (eq == NULL || eq == v || eq[1] == '\0' || cfg->trust_count >= SERVE_MAX_LIST)
			return -1;
		*eq = '\0'; /* argv is ours to cut */
		cfg->trust_issuer[cfg->trust_count] = v;
		cfg->trust_file[cfg->trust_count++] = eq + 1;
		return 0;
	case OPT_ORIGIN:
		if (v[0] == '\0' || cfg->cors_count >= SERVE_MAX_LIST)
			return -1;
		cfg->cors_origin[cfg->cors_count++] = v;
		return 0;
	default:
		break;
	}
	errno = 0;
	n = strtoull(v, &end, 10);
	if (errno != 0 || end == v || *end != '\0' || v[0] == '-' || n < o->min || n > o->max)
		return -1;
	if (o->kind == OPT_UINT)
		*(unsigned *)((char *)cfg + o->offset) = (unsigned)n;
	else if (o->kind == OPT_LONG)
		*(long *)((char *)cfg + o->offset) = (long)n;
	else
		*(size_t *)((char *)cfg + o->offset) = (size_t)n;
	return 0;
}

int serve_config_parse(serve_config *cfg, int argc, char **argv)
{
	const opt_row *o;
	const char *value;
	size_t i, n;
	int a, r;

	set_defaults(cfg);
	for (a = 1; a < argc; a++) {
		r = cli_engine_arg(&cfg->engine, argc, argv, &a);
		if (r < 0)
			return -1;
		if (r > 0)
			continue;
		if (strcmp(argv[a], "--help") == 0 || strcmp(argv[a], "-h") == 0) {
			serve_usage(stdout);
			return 1;
		}
		for (i = 0, o = NULL; i < sizeof(options) / sizeof(options[0]); i++) {
			n = strlen(options[i].name);
			if (strncmp(argv[a], options[i].name, n) == 0 &&
			    (argv[a][n] == '\0' || argv[a][n] == '=')) {
				o = &options[i];
				break;
			}
		}
		if (o == NULL) {
			fprintf(stderr, "oncorules serve: unknown option '%s'\n", argv[a]);
			serve_usage(stderr);
			return -1;
		}
		n = strlen(o->name);
		if (o->kind == OPT_FLAG) {
			if (argv[a][n] != '\0') {
				fprintf(stderr, "oncorules serve: %s takes no value\n", o->name);
				return -1;
			}
			value = "";
		} else if (argv[a][n] == '=') {
			value = argv[a] + n + 1;
		} else if (a + 1 < argc) {
			value = argv[++a];
		} else {
			fprintf(stderr, "oncorules serve: %s needs a value\n", o->name);
			return -1;
		}
		if (set_value(cfg, o, (char *)value) != 0) {
			if (o->kind == OPT_TRUST)
				fprintf(stderr, "oncorules serve: %s needs ISS=FILE (at most %d)\n",
					o->name, SERVE_MAX_LIST);
			else if (o->kind == OPT_ORIGIN)
				fprintf(stderr, "oncorules serve: %s needs an origin (at most %d)\n",
					o->name, SERVE_MAX_LIST);
			else
				fprintf(stderr, "oncorules serve: %s needs a number from %llu to %llu\n",
					o->name, o->min, o->max);
			return -1;
		}
	}
	return 0;
}

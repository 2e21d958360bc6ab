/*
 * serve.c: `oncorules serve`: builds the server, runs it until SIGINT or
 * SIGTERM, and takes it down in order (no new connections; every queued
 * request answered; daemon stopped; engines freed in this thread).
 *
 * Signals are blocked in every thread (they inherit this one's mask) and
 * taken here with sigwait: no handler, no global flag.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "deadline.h"
#include "jwt.h"
#include "pool.h"
#include "replay.h"
#include "serve.h"

/* Checks the options that depend on each other. */
static int check_config(const serve_config *cfg)
{
	if (!serve_listen_valid(cfg->listen)) {
		fprintf(stderr, "oncorules serve: --listen %s: not ADDR:PORT\n", cfg->listen);
		return -1;
	}
	if (cfg->insecure_no_auth) {
		if (!serve_listen_is_loopback(cfg->listen)) {
			fputs("oncorules serve: --insecure-no-auth listens on loopback addresses "
			      "only (127.0.0.0/8, ::1)\n",
			      stderr);
			return -1;
		}
		return 0;
	}
	if (cfg->base_url == NULL || cfg->trust_count == 0) {
		fputs("oncorules serve: tokens are checked: give --base-url URL and at least one "
		      "--trust ISS=FILE\n(or --insecure-no-auth for local testing)\n",
		      stderr);
		return -1;
	}
	if (strncmp(cfg->base_url, "https://", 8) != 0 &&
	    strncmp(cfg->base_url, "http://", 7) != 0) {
		fprintf(stderr, "oncorules serve: --base-url %s: not an http(s) URL\n",
			cfg->base_url);
		return -1;
	}
	return 0;
}

static int server_init(serve_server *srv, int *status)
{
	unsigned char rnd[4];
	char why[512];
	size_t i, n;
	int ok = 0;

	pthread_mutex_init(&srv->log_lock, NULL);
	pthread_mutex_init(&srv->feedback_lock, NULL);
	pthread_mutex_init(&srv->id_lock, NULL);
	srv->feedback_fd = -1;
	*status = CLI_EXIT_INTERNAL;

	/* Request ids: a random prefix, so ids of two runs do not meet. */
	if (getrandom(rnd, sizeof(rnd), 0) != (ssize_t)sizeof(rnd))
		memset(rnd, 0, sizeof(rnd));
	snprintf(srv->boot_id, sizeof(srv->boot_id), "%02x%02x%02x%02x", rnd[0], rnd[1], rnd[2],
		 rnd[3]);

	n = srv->cfg.base_url != NULL ? strlen(srv->cfg.base_url) : 0;
	while (n > 0 && srv->cfg.base_url[n - 1] == '/')
		n--;
	if (n >= sizeof(srv->base_url)) {
		fputs("oncorules serve: --base-url is too long\n", stderr);
		*status = CLI_EXIT_USAGE;
		return -1;
	}
	if (n > 0)
		memcpy(srv->base_url, srv->cfg.base_url, n);
	srv->base_url[n] = '\0';

	/* Keys first: a bad key file leaves no log file behind. */
	for (i = 0; i < srv->cfg.trust_count; i++) {
		int rc = serve_keyring_load(&srv->keys, srv->cfg.trust_issuer[i],
					    srv->cfg.trust_file[i], why, sizeof(why));

		if (rc != 0) {
			fprintf(stderr, "oncorules serve: --trust %s=%s: %s\n",
				srv->cfg.trust_issuer[i], srv->cfg.trust_file[i], why);
			*status = rc == -2 ? CLI_EXIT_INTERNAL : CLI_EXIT_USAGE;
			return -1;
		}
	}
	srv->log_file = stderr;
	if (srv->cfg.access_log != NULL &&
	    (srv->log_file = fopen(srv->cfg.access_log, "a")) == NULL) {
		fprintf(stderr, "oncorules serve: %s: %s\n", srv->cfg.access_log, strerror(errno));
		srv->log_file = stderr;
		*status = CLI_EXIT_USAGE;
		return -1;
	}
	srv->feedback_fd = open(srv->cfg.feedback_log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
				0600);
	if (srv->feedback_fd < 0) {
		fprintf(stderr, "oncorules serve: %s: %s\n", srv->cfg.feedback_log, strerror(errno));
		*status = CLI_EXIT_USAGE;
		return -1;
	}
	if (serve_replay_new(&srv->replay, srv->cfg.jti_cache) != 0) {
		fputs("oncorules serve: out of memory for the jti cache\n", stderr);
		return -1;
	}
	serve_discovery_build(srv, &ok);
	if (!ok) {
		fputs("oncorules serve: out of memory\n", stderr);
		return -1;
	}
	*status = CLI_EXIT_OK;
	return 0;
}

static void server_free(serve_server *srv)
{
	serve_pool_free(srv->pool);
	serve_reaper_free(srv->reaper);
	serve_replay_free(srv->replay);
	serve_keyring_free(srv->keys);
	free(srv->discovery);
	if (srv->feedback_fd >= 0)
		close(srv->feedback_fd);
	if (srv->log_file != NULL && srv->log_file != stderr)
		fclose(srv->log_file);
	pthread_mutex_destroy(&srv->log_lock);
	pthread_mutex_destroy(&srv->feedback_lock);
	pthread_mutex_destroy(&srv->id_lock);
}

int serve_main(int argc, char **argv)
{
	serve_server srv;
	struct sigaction ignore;
	sigset_t stop_signals;
	int status = CLI_EXIT_OK, sig = 0, r;

	memset(&srv, 0, sizeof(srv));
	r = serve_config_parse(&srv.cfg, argc, argv);
	if (r != 0)
		return r > 0 ? CLI_EXIT_OK : CLI_EXIT_USAGE;
	if (check_config(&srv.cfg) != 0)
		return CLI_EXIT_USAGE;

	/* A client that leaves while we write must not kill the process. */
	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ignore, NULL);
	sigemptyset(&stop_signals);
	sigaddset(&stop_signals, SIGINT);
	sigaddset(&stop_signals, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop_signals, NULL);

	if (server_init(&srv, &status) != 0)
		goto done;
	if (serve_pool_start(&srv.pool, srv.cfg.workers, srv.cfg.queue, &srv.cfg.engine,
			     serve_http_run, &srv, &status) != 0)
		goto done;
	if (serve_reaper_start(&srv.reaper) != 0) {
		fputs("oncorules serve: cannot start the deadline thread\n", stderr);
		status = CLI_EXIT_INTERNAL;
		goto done;
	}
	if (serve_http_start(&srv) != 0) {
		status = CLI_EXIT_INTERNAL;
		goto done;
	}
	if (srv.cfg.insecure_no_auth)
		fputs("oncorules serve: WARNING: --insecure-no-auth: requests are NOT "
		      "authenticated; for local testing only, never with patient data\n",
		      stderr);
	if (!serve_listen_is_loopback(srv.cfg.listen))
		fputs("oncorules serve: note: listening beyond loopback; CDS Hooks requires TLS: "
		      "put a TLS reverse proxy in front (docs/service.md)\n",
		      stderr);
	fprintf(stderr,
		"oncorules serve: listening on port %u (%s), %u workers, base URL %s, "
		"feedback log %s\n",
		serve_http_port(&srv), srv.cfg.listen, srv.cfg.workers,
		srv.base_url[0] ? srv.base_url : "(none: no tokens checked)", srv.cfg.feedback_log);

	if (sigwait(&stop_signals, &sig) != 0)
		sig = 0;
	fprintf(stderr, "oncorules serve: %s: stopping\n",
		sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "signal");
	serve_http_quiesce(&srv);
	serve_pool_stop(srv.pool); /* every queued request answered */
	serve_http_stop(&srv);
	fputs("oncorules serve: stopped\n", stderr);
done:
	serve_http_stop(&srv);
	server_free(&srv);
	return status;
}

/*
 * serve.c: `oncorules serve`: builds the server (server.c), runs it until
 * SIGINT or SIGTERM, and takes it down in order (no new connections; every queued
 * request answered; daemon stopped; engines freed in this thread).
 *
 * Signals are blocked in every thread (they inherit this one's mask) and
 * taken here with sigwait: no handler, no global flag.
 */
#include <signal.h>
#include <string.h>

#include "deadline.h"
#include "pool.h"
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

	if (serve_server_init(&srv, &status) != 0)
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
	serve_server_free(&srv);
	return status;
}

/*
 * server.c: the state of `oncorules serve` that lives from start to stop,
 * made before the daemon starts and freed after it stops (serve.h): the
 * trusted keys, the logs, the jti cache, the discovery document, the
 * request ids. The workers, the reaper and the daemon are started by
 * serve.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "deadline.h"
#include "jwt.h"
#include "pool.h"
#include "replay.h"
#include "serve.h"

int serve_crypto_init(void)
{
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int n;

	return OPENSSL_init_crypto(0, NULL) == 1 &&
			       OSSL_LIB_CTX_get0_global_default() != NULL &&
			       EVP_Digest("", 0, digest, &n, EVP_sha1(), NULL) == 1 &&
			       EVP_Digest("", 0, digest, &n, EVP_sha256(), NULL) == 1
		       ? 0
		       : -1;
}

int serve_server_init(serve_server *srv, int *status)
{
	unsigned char rnd[4];
	char why[512];
	size_t i, n;
	int ok = 0, rc;

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

	if (serve_crypto_init() != 0) {
		fputs("oncorules serve: OpenSSL could not start (out of memory)\n", stderr);
		return -1;
	}
	/* Keys first: a bad key file leaves no log file behind. */
	for (i = 0; i < srv->cfg.trust_count; i++) {
		rc = serve_keyring_load(&srv->keys, srv->cfg.trust_issuer[i],
					srv->cfg.trust_file[i], why, sizeof(why));
		if (rc != 0) {
			fprintf(stderr, "oncorules serve: --trust %s=%s: %s\n",
				srv->cfg.trust_issuer[i], srv->cfg.trust_file[i], why);
			*status = rc == ONCO_ENOMEM ? CLI_EXIT_INTERNAL : CLI_EXIT_USAGE;
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

void serve_server_free(serve_server *srv)
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

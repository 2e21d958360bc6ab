/*
 * replay.h: the token ids (jti) already accepted, kept until their token
 * expires, so that a captured token cannot be sent twice (CDS Hooks 2.0:
 * "jti ... used to protect against replay attacks").
 *
 * The cache holds at most `capacity` live ids; when it is full of tokens
 * that have not expired, a new token is refused (the caller answers 503),
 * never accepted unchecked. Entries are SHA-256 digests of iss and jti,
 * so memory per entry is fixed whatever the token sends.
 *
 * Ownership: serve_replay_free releases it (NULL: no-op). Thread-safe.
 */
#ifndef ONCO_SERVE_REPLAY_H
#define ONCO_SERVE_REPLAY_H

#include <stddef.h>

#include "jwt.h"

typedef struct serve_replay serve_replay;

int serve_replay_new(serve_replay **out, size_t capacity);
void serve_replay_free(serve_replay *cache);

/* Records the token's (issuer, jti) until `expires` (+ skew): returns
 * SERVE_TOKEN_OK the first time, SERVE_TOKEN_REPLAYED after,
 * SERVE_TOKEN_CACHE_FULL or SERVE_TOKEN_NOMEM when it cannot remember. */
serve_token_status serve_replay_check(serve_replay *cache, const char *issuer,
				      const char *jti, long long expires, long long now);

#endif

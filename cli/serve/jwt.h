/*
 * jwt.h: checks the JSON Web Token a CDS Client (the EHR) sends as its
 * bearer token (CDS Hooks 2.0, "Trusting CDS Clients"), with OpenSSL.
 *
 * Keys are public keys configured per issuer, read from PEM or JWK Set
 * files at start; nothing is ever fetched (a token's jku, x5u, jwk or x5c
 * header is not used). The algorithm is pinned by the key: an RSA key
 * verifies only RS256/384/512 and PS256/384/512, an EC key only the ES
 * algorithm of its curve; "none" and the HMAC algorithms are refused, so
 * the token cannot choose how it is checked.
 *
 * Ownership: the keyring owns its keys; serve_keyring_free releases it
 * (NULL is a no-op). Verification only reads the keyring, so workers share
 * it without a lock.
 */
#ifndef ONCO_SERVE_JWT_H
#define ONCO_SERVE_JWT_H

#include <stddef.h>

typedef struct serve_keyring serve_keyring;

typedef enum serve_token_status {
	SERVE_TOKEN_OK = 0,
	SERVE_TOKEN_MISSING,    /* no "Authorization: Bearer" header */
	SERVE_TOKEN_MALFORMED,  /* not header.payload.signature of JSON objects */
	SERVE_TOKEN_ALG,        /* alg none, symmetric or unknown; typ; crit */
	SERVE_TOKEN_ISSUER,     /* iss missing or not trusted */
	SERVE_TOKEN_KEY,        /* no key of the issuer fits kid and alg */
	SERVE_TOKEN_SIGNATURE,  /* the signature does not verify */
	SERVE_TOKEN_AUDIENCE,   /* aud is not this endpoint's URL */
	SERVE_TOKEN_EXPIRED,    /* exp passed */
	SERVE_TOKEN_TIMES,      /* exp or iat missing, iat ahead, nbf, lifetime */
	SERVE_TOKEN_JTI,        /* jti missing, empty or too long */
	SERVE_TOKEN_REPLAYED,   /* jti seen before */
	SERVE_TOKEN_CACHE_FULL, /* no room to remember the jti: refused */
	SERVE_TOKEN_NOMEM       /* memory ran out checking it: refused (503), neither
				 * accepted nor blamed on the token */
} serve_token_status;

/* A short name of a status, for the access log ("expired", ...). */
const char *serve_token_status_name(serve_token_status status);

typedef struct serve_token_policy {
	long long now;        /* seconds since the epoch */
	long clock_skew;      /* tolerance on exp, iat and nbf */
	long max_lifetime;    /* largest exp - iat accepted */
	const char *audience; /* the URL of the endpoint called */
} serve_token_policy;

#define SERVE_JTI_MAX 128

typedef struct serve_token_claims {
	char issuer[128];
	char jti[SERVE_JTI_MAX + 1];
	long long exp;
} serve_token_claims;

/* Adds the public keys in `path` (PEM "PUBLIC KEY" blocks, or a JWK Set)
 * as trusted for `issuer`; *ring is created on first use. Returns 0, or
 * with a message in `why`: ONCO_EINVALID (a private key, an HMAC key, an
 * RSA key under 2048 bits, an unknown curve or a file with no key are
 * refused), ONCO_EIO (the file cannot be read) or ONCO_ENOMEM. */
int serve_keyring_load(serve_keyring **ring, const char *issuer, const char *path,
		       char *why, size_t why_size);
void serve_keyring_free(serve_keyring *ring);

/* Checks `authorization` (the whole header value, NULL when absent).
 * On SERVE_TOKEN_OK, `claims` holds iss, jti and exp; the caller then
 * checks the jti against replays. */
serve_token_status serve_token_verify(const serve_keyring *ring, const char *authorization,
				      const serve_token_policy *policy,
				      serve_token_claims *claims);

#endif

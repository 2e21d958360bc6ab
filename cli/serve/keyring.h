/*
 * keyring.h: the trusted keys of `oncorules serve`, as jwt.c reads them
 * (inside cli/serve only, hence the OpenSSL type). keys.c builds them from
 * PEM and JWK Set files; the keyring owns every EVP_PKEY and string in it
 * (serve_keyring_free). Read-only once built: workers share it unlocked.
 */
#ifndef ONCO_SERVE_KEYRING_H
#define ONCO_SERVE_KEYRING_H

#include <stddef.h>

#include <openssl/evp.h>

#include "jwt.h"

#define KID_MAX 128

/* The JWS algorithms accepted (RFC 7518 section 3), each tied to a key
 * type and, for ECDSA, a curve and a signature size (R || S). */
typedef struct jws_alg {
	const char *name;
	int key_type;       /* EVP_PKEY_RSA or EVP_PKEY_EC */
	const char *digest;
	int pss;
	const char *curve;  /* EC group name */
	size_t sig_size;    /* ECDSA: bytes of R || S */
} jws_alg;

/* The algorithm named `name`, or NULL when it is not accepted. */
const jws_alg *serve_jws_alg(const char *name);

typedef struct ring_key {
	EVP_PKEY *pkey;
	int key_type;
	char group[32];     /* EC group name */
	char kid[KID_MAX];  /* "" : any kid */
	char alg[8];        /* "" : any algorithm the key type allows */
} ring_key;

typedef struct ring_issuer {
	char *issuer;
	ring_key *keys;
	size_t count;
} ring_issuer;

struct serve_keyring {
	ring_issuer *issuers;
	size_t count;
};

/* The keys trusted for `issuer`, or NULL. */
const ring_issuer *serve_keyring_issuer(const serve_keyring *ring, const char *issuer);

/* Decodes unpadded base64url (RFC 7515 section 2) strictly: no padding, no
 * other characters, unused bits zero. 0 with *out a malloc'd buffer
 * holding a NUL after the `*out_len` bytes; or ONCO_EINVALID, or
 * ONCO_ENOMEM, with *out NULL. */
int serve_b64url_decode(const char *in, size_t len, unsigned char **out, size_t *out_len);


#endif

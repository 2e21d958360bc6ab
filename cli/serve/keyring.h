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

/* What OpenSSL read when one of its calls failed. */
typedef enum serve_openssl_read { SERVE_READ_KEY, SERVE_READ_SIGNATURE } serve_openssl_read;

/* After an OpenSSL call that failed: 1 when OpenSSL itself failed (memory
 * ran out), 0 when what it read is to blame (a damaged key, a signature
 * that does not verify), from OpenSSL's error queue (this thread's; it is
 * emptied). OpenSSL 3.0 seldom says "out of memory" where it runs out (a
 * decoder says "unsupported", a digest "not able to copy ctx"): so the
 * input is blamed only when OpenSSL names its fault in the words it uses
 * for that (keys.c), and any other error is OpenSSL's failure. Called with
 * an empty queue: the input's fault (ECDSA says nothing of a bad
 * signature). */
int serve_openssl_failed(serve_openssl_read what);

/* The keys trusted for `issuer`, or NULL. */
const ring_issuer *serve_keyring_issuer(const serve_keyring *ring, const char *issuer);

/* Decodes unpadded base64url (RFC 7515 section 2) strictly: no padding, no
 * other characters, unused bits zero. 0 with *out a malloc'd buffer
 * holding a NUL after the `*out_len` bytes; or ONCO_EINVALID, or
 * ONCO_ENOMEM, with *out NULL. */
int serve_b64url_decode(const char *in, size_t len, unsigned char **out, size_t *out_len);


#endif

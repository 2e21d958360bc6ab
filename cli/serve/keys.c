/*
 * keys.c: the keyring of `oncorules serve`: public keys from PEM blocks or
 * JWK Sets (RFC 7517), checked as they are read (type, size, curve, no
 * private or symmetric key), each bound to the issuer it was given for.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>

#include "cli.h"
#include "keyring.h"

/* One row per accepted algorithm (keyring.h). */
static const jws_alg jws_algs[] = {
	{"RS256", EVP_PKEY_RSA, "SHA256", 0, NULL, 0},
	{"RS384", EVP_PKEY_RSA, "SHA384", 0, NULL, 0},
	{"RS512", EVP_PKEY_RSA, "SHA512", 0, NULL, 0},
	{"PS256", EVP_PKEY_RSA, "SHA256", 1, NULL, 0},
	{"PS384", EVP_PKEY_RSA, "SHA384", 1, NULL, 0},
	{"PS512", EVP_PKEY_RSA, "SHA512", 1, NULL, 0},
	{"ES256", EVP_PKEY_EC, "SHA256", 0, "prime256v1", 64},
	{"ES384", EVP_PKEY_EC, "SHA384", 0, "secp384r1", 96},
	{"ES512", EVP_PKEY_EC, "SHA512", 0, "secp521r1", 132},
};

/* JWK "crv" names and OpenSSL's group names. */
static const struct {
	const char *jwk;
	const char *group;
	size_t coord; /* bytes of x and y */
} jwk_curves[] = {
	{"P-256", "prime256v1", 32},
	{"P-384", "secp384r1", 48},
	{"P-521", "secp521r1", 66},
};

/* ------------------------------------------------------------ base64url */

static int b64url_value(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '-')
		return 62;
	if (c == '_')
		return 63;
	return -1;
}

int serve_b64url_decode(const char *in, size_t len, unsigned char **out, size_t *out_len)
{
	unsigned char *bytes;
	uint32_t acc = 0;
	size_t i, n = 0;
	int bits = 0, v;

	*out = NULL;
	*out_len = 0;
	if (len % 4 == 1)
		return ONCO_EINVALID;
	bytes = malloc(len * 3 / 4 + 2);
	if (bytes == NULL)
		return ONCO_ENOMEM;
	for (i = 0; i < len; i++) {
		v = b64url_value((unsigned char)in[i]);
		if (v < 0) {
			free(bytes);
			return ONCO_EINVALID;
		}
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			bytes[n++] = (unsigned char)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	if (acc != 0) { /* non-canonical: leftover bits set */
		free(bytes);
		return ONCO_EINVALID;
	}
	bytes[n] = '\0';
	*out = bytes;
	*out_len = n;
	return 0;
}

/* What OpenSSL's error queue says after it failed (each a count of its
 * entries); the queue is emptied. Which reasons blame the input was found
 * by fault injection (tests/fi/http/start-discovery.json, with single and
 * lasting allocation failures) and by keys that are broken
 * (tests/scripts/serve_test.py). "internal error" is not counted: OpenSSL
 * gives it when memory ran out. */
typedef struct openssl_errors {
	int out_of_memory; /* ERR_R_MALLOC_FAILURE */
	int common;        /* other common reasons: "unsupported", "EC lib" */
	int specific;      /* reasons of one library: "point is not on curve" */
} openssl_errors;

static openssl_errors openssl_errors_take(void)
{
	openssl_errors q = {0, 0, 0};
	unsigned long e;
	int reason;

	while ((e = ERR_get_error()) != 0) {
		reason = ERR_GET_REASON(e);
		if (reason == ERR_R_MALLOC_FAILURE)
			q.out_of_memory++;
		else if (ERR_SYSTEM_ERROR(e) || (reason & ERR_RFLAG_COMMON) == 0)
			q.specific++;
		else if (reason != ERR_R_INTERNAL_ERROR)
			q.common++;
	}
	return q;
}

/* After an OpenSSL call failed: whether an allocation failed in it. */
static int openssl_out_of_memory(void)
{
	return openssl_errors_take().out_of_memory > 0;
}

/* After OpenSSL refused to make a key of a JWK's numbers: ONCO_EINVALID
 * when a reason names what is wrong with them ("point is not on curve")
 * and no allocation failed (OpenSSL follows one with reasons such as
 * "unknown group"); ONCO_ENOMEM otherwise: its common reasons alone
 * ("internal error", "EC lib") or none are what it gives when an
 * allocation failed, or memory is so short that its queue cannot grow. */
static int jwk_failure(void)
{
	openssl_errors q = openssl_errors_take();

	return q.specific > 0 && q.out_of_memory == 0 ? ONCO_EINVALID : ONCO_ENOMEM;
}

/* After OpenSSL could not read a PUBLIC KEY block: ONCO_ENOMEM when an
 * allocation failed, or its queue holds only "internal error" or nothing
 * (memory ran out for good); ONCO_EINVALID otherwise (a block that is not
 * base64 gives "unsupported" alone). */
static int pem_failure(void)
{
	openssl_errors q = openssl_errors_take();

	return q.out_of_memory > 0 || q.common + q.specific == 0 ? ONCO_ENOMEM : ONCO_EINVALID;
}

static const char *member_string(const cJSON *obj, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* ------------------------------------------------------------------ keys */

const jws_alg *serve_jws_alg(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(jws_algs) / sizeof(jws_algs[0]); i++)
		if (strcmp(jws_algs[i].name, name) == 0)
			return &jws_algs[i];
	return NULL;
}

static ring_issuer *issuer_find(const serve_keyring *ring, const char *issuer)
{
	size_t i;

	if (ring == NULL)
		return NULL;
	for (i = 0; i < ring->count; i++)
		if (strcmp(ring->issuers[i].issuer, issuer) == 0)
			return &ring->issuers[i];
	return NULL;
}

static int out_of_memory(char *why, size_t why_size)
{
	snprintf(why, why_size, "out of memory");
	return ONCO_ENOMEM;
}

/* Checks a key's type and size and adds it to `iss` (which takes it).
 * 0, ONCO_EINVALID or ONCO_ENOMEM, with `why`. */
static int issuer_add_key(ring_issuer *iss, EVP_PKEY *pkey, const char *kid,
			  const char *alg, char *why, size_t why_size)
{
	ring_key *grown, key;
	const jws_alg *a = NULL;
	size_t glen = 0;

	memset(&key, 0, sizeof(key));
	key.pkey = pkey;
	key.key_type = EVP_PKEY_get_base_id(pkey);
	if (key.key_type == EVP_PKEY_RSA) {
		if (EVP_PKEY_get_bits(pkey) == 0) {
			/* an RSA key has bits: OpenSSL could not tell (memory) */
			EVP_PKEY_free(pkey);
			return out_of_memory(why, why_size);
		}
		if (EVP_PKEY_get_bits(pkey) < 2048) {
			snprintf(why, why_size, "an RSA key of %d bits (at least 2048 needed)",
				 EVP_PKEY_get_bits(pkey));
			goto bad;
		}
	} else if (key.key_type == EVP_PKEY_EC) {
		if (!EVP_PKEY_get_group_name(pkey, key.group, sizeof(key.group), &glen)) {
			if (openssl_out_of_memory()) {
				EVP_PKEY_free(pkey);
				return out_of_memory(why, why_size);
			}
			snprintf(why, why_size, "an EC key without a named curve");
			goto bad;
		}
	} else {
		snprintf(why, why_size, "a key that is neither RSA nor EC");
		goto bad;
	}
	if (kid != NULL) {
		if (strlen(kid) >= sizeof(key.kid)) {
			snprintf(why, why_size, "a kid longer than %d bytes", KID_MAX - 1);
			goto bad;
		}
		strcpy(key.kid, kid);
	}
	if (alg != NULL) {
		a = serve_jws_alg(alg);
		if (a == NULL || a->key_type != key.key_type ||
		    (a->curve != NULL && strcmp(a->curve, key.group) != 0)) {
			snprintf(why, why_size, "a key whose alg \"%.16s\" is not allowed for it", alg);
			goto bad;
		}
		strcpy(key.alg, a->name);
	}
	if (key.key_type == EVP_PKEY_EC) {
		size_t i, known = 0;

		for (i = 0; i < sizeof(jwk_curves) / sizeof(jwk_curves[0]); i++)
			known |= strcmp(jwk_curves[i].group, key.group) == 0;
		if (!known) {
			snprintf(why, why_size, "an EC key on curve %s (P-256, P-384, P-521 only)",
				 key.group);
			goto bad;
		}
	}
	grown = realloc(iss->keys, (iss->count + 1) * sizeof(*grown));
	if (grown == NULL) {
		EVP_PKEY_free(pkey);
		return out_of_memory(why, why_size);
	}
	iss->keys = grown;
	iss->keys[iss->count++] = key;
	return 0;
bad:
	EVP_PKEY_free(pkey);
	return ONCO_EINVALID;
}

/* A JWK's member `name` (base64url) as a number into *bn. 0,
 * ONCO_EINVALID or ONCO_ENOMEM. */
static int jwk_bignum(const cJSON *jwk, const char *name, BIGNUM **bn)
{
	const char *s = member_string(jwk, name);
	unsigned char *raw;
	size_t len;
	int rc;

	*bn = NULL;
	if (s == NULL)
		return ONCO_EINVALID;
	rc = serve_b64url_decode(s, strlen(s), &raw, &len);
	if (rc == 0 && len == 0)
		rc = ONCO_EINVALID;
	if (rc == 0 && (*bn = BN_bin2bn(raw, (int)len, NULL)) == NULL)
		rc = ONCO_ENOMEM;
	free(raw);
	return rc;
}

/* An RSA public key from a JWK's n and e into *out. 0, ONCO_EINVALID or
 * ONCO_ENOMEM. */
static int jwk_rsa(const cJSON *jwk, EVP_PKEY **out)
{
	BIGNUM *n = NULL, *e = NULL;
	OSSL_PARAM_BLD *bld = NULL;
	OSSL_PARAM *params = NULL;
	EVP_PKEY_CTX *ctx = NULL;
	int rc;

	*out = NULL;
	rc = jwk_bignum(jwk, "n", &n);
	if (rc == 0)
		rc = jwk_bignum(jwk, "e", &e);
	if (rc == 0 && (bld = OSSL_PARAM_BLD_new()) == NULL)
		rc = ONCO_ENOMEM;
	if (rc == 0 && (!OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n) ||
			!OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e) ||
			(params = OSSL_PARAM_BLD_to_param(bld)) == NULL ||
			(ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL)) == NULL ||
			EVP_PKEY_fromdata_init(ctx) <= 0 ||
			EVP_PKEY_fromdata(ctx, out, EVP_PKEY_PUBLIC_KEY, params) <= 0)) {
		*out = NULL;
		rc = jwk_failure();
	}
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	BN_free(n);
	BN_free(e);
	return rc;
}

/* An EC public key from a JWK's crv, x and y, checked to lie on the curve,
 * into *out. 0, ONCO_EINVALID or ONCO_ENOMEM. */
static int jwk_ec(const cJSON *jwk, EVP_PKEY **out)
{
	const char *crv = member_string(jwk, "crv"), *xs = member_string(jwk, "x"),
		   *ys = member_string(jwk, "y"), *group = NULL;
	unsigned char *x = NULL, *y = NULL, point[1 + 2 * 66];
	size_t xl = 0, yl = 0, coord = 0, i;
	OSSL_PARAM_BLD *bld = NULL;
	OSSL_PARAM *params = NULL;
	EVP_PKEY_CTX *ctx = NULL, *check = NULL;
	EVP_PKEY *pkey = NULL;
	int rc = ONCO_EINVALID;

	*out = NULL;
	for (i = 0; crv != NULL && i < sizeof(jwk_curves) / sizeof(jwk_curves[0]); i++)
		if (strcmp(crv, jwk_curves[i].jwk) == 0) {
			group = jwk_curves[i].group;
			coord = jwk_curves[i].coord;
		}
	if (group == NULL || xs == NULL || ys == NULL ||
	    (rc = serve_b64url_decode(xs, strlen(xs), &x, &xl)) != 0 ||
	    (rc = serve_b64url_decode(ys, strlen(ys), &y, &yl)) != 0 ||
	    (rc = (xl != coord || yl != coord) ? ONCO_EINVALID : 0) != 0)
		goto done;
	point[0] = 0x04; /* uncompressed point */
	memcpy(point + 1, x, coord);
	memcpy(point + 1 + coord, y, coord);
	if ((bld = OSSL_PARAM_BLD_new()) == NULL ||
	    !OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_GROUP_NAME, group, 0) ||
	    !OSSL_PARAM_BLD_push_octet_string(bld, OSSL_PKEY_PARAM_PUB_KEY, point,
					      1 + 2 * coord) ||
	    (params = OSSL_PARAM_BLD_to_param(bld)) == NULL ||
	    (ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL)) == NULL ||
	    EVP_PKEY_fromdata_init(ctx) <= 0 ||
	    EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) <= 0 ||
	    (check = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL)) == NULL ||
	    EVP_PKEY_public_check(check) != 1) {
		rc = bld == NULL ? ONCO_ENOMEM : jwk_failure();
		EVP_PKEY_free(pkey);
		goto done;
	}
	*out = pkey;
done:
	EVP_PKEY_CTX_free(check);
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	free(x);
	free(y);
	return rc;
}

static int load_jwks(ring_issuer *iss, const char *text, size_t len, char *why,
		     size_t why_size)
{
	cJSON *doc, *keys, *jwk;
	const char *kty, *use;
	EVP_PKEY *pkey;
	int rc = ONCO_EINVALID, index = 0, no_memory;

	doc = cli_json_parse(text, len, NULL, &no_memory);
	if (no_memory)
		return out_of_memory(why, why_size);
	keys = cJSON_GetObjectItemCaseSensitive(doc, "keys");
	if (!cJSON_IsArray(keys)) {
		snprintf(why, why_size, "not a JWK Set (no \"keys\" array)");
		goto done;
	}
	cJSON_ArrayForEach(jwk, keys) {
		kty = member_string(jwk, "kty");
		use = member_string(jwk, "use");
		if (cJSON_GetObjectItemCaseSensitive(jwk, "d") != NULL) {
			snprintf(why, why_size, "key %d is a private key: give public keys only",
				 index);
			goto done;
		}
		if (use != NULL && strcmp(use, "sig") != 0) {
			snprintf(why, why_size, "key %d has \"use\": \"%.16s\", not \"sig\"", index,
				 use);
			goto done;
		}
		if (kty != NULL && strcmp(kty, "RSA") == 0)
			rc = jwk_rsa(jwk, &pkey);
		else if (kty != NULL && strcmp(kty, "EC") == 0)
			rc = jwk_ec(jwk, &pkey);
		else {
			snprintf(why, why_size,
				 "key %d has kty \"%.16s\": only RSA and EC keys are accepted "
				 "(symmetric keys are not allowed by CDS Hooks)",
				 index, kty ? kty : "");
			goto done;
		}
		if (rc == ONCO_ENOMEM) {
			out_of_memory(why, why_size);
			goto done;
		}
		if (rc != 0) {
			snprintf(why, why_size, "key %d is not a valid %s public key", index, kty);
			goto done;
		}
		rc = issuer_add_key(iss, pkey, member_string(jwk, "kid"), member_string(jwk, "alg"),
				    why, why_size);
		if (rc != 0) {
			char detail[256];

			snprintf(detail, sizeof(detail), "%s", why);
			snprintf(why, why_size, "key %d: %s", index, detail);
			goto done;
		}
		rc = ONCO_EINVALID; /* what the refusals above return */
		index++;
	}
	if (index == 0) {
		snprintf(why, why_size, "no key in the JWK Set");
		goto done;
	}
	rc = 0;
done:
	cJSON_Delete(doc);
	return rc;
}

/* The key of the PEM block from `block` to `end`, read a second time
 * when the first fails: OpenSSL 3.0's decoder answers "unsupported" alone
 * both for a block that is not base64 and for an allocation that failed
 * inside it (tests/fi/lib_sweep.py, serve-token), so only a block that
 * fails twice is blamed, and then by the queue of the second failure. NULL
 * with *failure ONCO_EINVALID or ONCO_ENOMEM. */
static EVP_PKEY *read_block(const char *block, const char *end, int *failure)
{
	EVP_PKEY *pkey = NULL;
	BIO *bio;
	int attempt;

	for (attempt = 0; attempt < 2 && pkey == NULL; attempt++) {
		ERR_clear_error();
		bio = BIO_new_mem_buf(block, (int)(end - block));
		if (bio == NULL) {
			*failure = ONCO_ENOMEM;
			return NULL;
		}
		pkey = PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL);
		BIO_free(bio);
	}
	if (pkey == NULL)
		*failure = pem_failure();
	return pkey;
}

/* The keys of the "PUBLIC KEY" blocks of a PEM file: each must be read. */
static int load_pem(ring_issuer *iss, const char *text, size_t len, char *why,
		    size_t why_size)
{
	static const char begin[] = "-----BEGIN PUBLIC KEY-----";
	const char *block, *next;
	EVP_PKEY *pkey;
	int count = 0, rc = 0, failure = 0;

	if (strstr(text, "PRIVATE KEY") != NULL) {
		snprintf(why, why_size, "the file holds a private key: give public keys only");
		return ONCO_EINVALID;
	}
	for (block = strstr(text, begin); rc == 0 && block != NULL; block = next) {
		/* Each block on its own: a decoder that fails on one goes on to
		 * the next block of what it is given, and a key read twice for
		 * one left out looks like every key read. */
		next = strstr(block + 1, begin);
		pkey = read_block(block, next != NULL ? next : text + len, &failure);
		if (pkey == NULL) {
			/* Never a key left out, nor the file blamed, because memory
			 * ran out. */
			if (failure == ONCO_ENOMEM)
				return out_of_memory(why, why_size);
			snprintf(why, why_size, "PUBLIC KEY block %d is not a valid public key",
				 count + 1);
			return ONCO_EINVALID;
		}
		rc = issuer_add_key(iss, pkey, NULL, NULL, why, why_size);
		count += rc == 0;
	}
	if (rc != 0)
		return rc;
	if (count == 0) {
		snprintf(why, why_size, "no PEM public key (BEGIN PUBLIC KEY) and not a JWK Set");
		return ONCO_EINVALID;
	}
	return 0;
}

int serve_keyring_load(serve_keyring **ring, const char *issuer, const char *path,
		       char *why, size_t why_size)
{
	ring_issuer *iss, *grown;
	size_t len, i;
	char *text;
	int rc;

	ERR_clear_error(); /* what the queue says after a failure is this file's */
	if (*ring == NULL && (*ring = calloc(1, sizeof(**ring))) == NULL)
		return out_of_memory(why, why_size);
	text = cli_read_file(path, CLI_FILE_MAX, &len);
	if (text == NULL) {
		snprintf(why, why_size, "%s", strerror(errno));
		return errno == ENOMEM ? ONCO_ENOMEM : ONCO_EIO;
	}
	iss = issuer_find(*ring, issuer);
	if (iss == NULL) {
		grown = realloc((*ring)->issuers, ((*ring)->count + 1) * sizeof(*grown));
		if (grown == NULL) {
			free(text);
			return out_of_memory(why, why_size);
		}
		(*ring)->issuers = grown;
		iss = &grown[(*ring)->count];
		memset(iss, 0, sizeof(*iss));
		iss->issuer = strdup(issuer);
		if (iss->issuer == NULL) {
			free(text);
			return out_of_memory(why, why_size);
		}
		(*ring)->count++;
	}
	for (i = 0; i < len && isspace((unsigned char)text[i]); i++)
		;
	rc = i < len && text[i] == '{' ? load_jwks(iss, text, len, why, why_size)
				       : load_pem(iss, text, len, why, why_size);
	free(text);
	return rc;
}

void serve_keyring_free(serve_keyring *ring)
{
	size_t i, k;

	if (ring == NULL)
		return;
	for (i = 0; i < ring->count; i++) {
		for (k = 0; k < ring->issuers[i].count; k++)
			EVP_PKEY_free(ring->issuers[i].keys[k].pkey);
		free(ring->issuers[i].keys);
		free(ring->issuers[i].issuer);
	}
	free(ring->issuers);
	free(ring);
}

const ring_issuer *serve_keyring_issuer(const serve_keyring *ring, const char *issuer)
{
	return issuer_find(ring, issuer);
}

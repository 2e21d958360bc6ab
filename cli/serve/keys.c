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

unsigned char *serve_b64url_decode(const char *in, size_t len, size_t *out_len)
{
	unsigned char *out;
	uint32_t acc = 0;
	size_t i, n = 0;
	int bits = 0, v;

	if (len % 4 == 1)
		return NULL;
	out = malloc(len * 3 / 4 + 2);
	if (out == NULL)
		return NULL;
	for (i = 0; i < len; i++) {
		v = b64url_value((unsigned char)in[i]);
		if (v < 0) {
			free(out);
			return NULL;
		}
		acc = (acc << 6) | (uint32_t)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[n++] = (unsigned char)(acc >> bits);
			acc &= (1u << bits) - 1;
		}
	}
	if (acc != 0) { /* non-canonical: leftover bits set */
		free(out);
		return NULL;
	}
	out[n] = '\0';
	*out_len = n;
	return out;
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

/* Checks a key's type and size and adds it to `iss` (which takes it). */
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
		if (EVP_PKEY_get_bits(pkey) < 2048) {
			snprintf(why, why_size, "an RSA key of %d bits (at least 2048 needed)",
				 EVP_PKEY_get_bits(pkey));
			goto bad;
		}
	} else if (key.key_type == EVP_PKEY_EC) {
		ERR_clear_error();
		if (!EVP_PKEY_get_group_name(pkey, key.group, sizeof(key.group), &glen)) {
			if (serve_openssl_failed(SERVE_READ_KEY)) {
				EVP_PKEY_free(pkey);
				snprintf(why, why_size, "OpenSSL failed to read an EC key's curve "
							"(out of memory?)");
				return -2;
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
		snprintf(why, why_size, "out of memory");
		return -2;
	}
	iss->keys = grown;
	iss->keys[iss->count++] = key;
	return 0;
bad:
	EVP_PKEY_free(pkey);
	return -1;
}

/* Whether one error of OpenSSL's queue blames what was read: a key, when
 * the ASN.1, PEM, EC or RSA routines say what is wrong with it (a damaged
 * block, a point off its curve); a signature that does not verify, when
 * the RSA routines say which check failed or the provider that RSA did
 * (ECDSA says nothing). */
static int blames_input(serve_openssl_read what, unsigned long e)
{
	int lib = ERR_GET_LIB(e), reason = ERR_GET_REASON(e);

	if (what == SERVE_READ_KEY)
		return !ERR_COMMON_ERROR(e) && (lib == ERR_LIB_ASN1 || lib == ERR_LIB_PEM ||
						lib == ERR_LIB_EC || lib == ERR_LIB_RSA);
	return (lib == ERR_LIB_RSA && !ERR_COMMON_ERROR(e)) ||
	       (lib == ERR_LIB_PROV && reason == ERR_R_RSA_LIB);
}

int serve_openssl_failed(serve_openssl_read what)
{
	unsigned long e;
	int blamed = 0, other = 0, out_of_memory = 0;

	while ((e = ERR_get_error()) != 0) {
		if (ERR_GET_REASON(e) == ERR_R_MALLOC_FAILURE)
			out_of_memory = 1;
		else if (blames_input(what, e))
			blamed = 1;
		else
			other = 1;
	}
	return out_of_memory || (other && (what == SERVE_READ_SIGNATURE || !blamed));
}

static BIGNUM *jwk_bignum(const cJSON *jwk, const char *name)
{
	const char *s = member_string(jwk, name);
	unsigned char *raw;
	size_t len;
	BIGNUM *bn;

	if (s == NULL || (raw = serve_b64url_decode(s, strlen(s), &len)) == NULL)
		return NULL;
	bn = len > 0 ? BN_bin2bn(raw, (int)len, NULL) : NULL;
	free(raw);
	return bn;
}

/* An RSA public key from a JWK's n and e. */
static EVP_PKEY *jwk_rsa(const cJSON *jwk)
{
	BIGNUM *n = jwk_bignum(jwk, "n"), *e = jwk_bignum(jwk, "e");
	OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
	OSSL_PARAM *params = NULL;
	EVP_PKEY_CTX *ctx = NULL;
	EVP_PKEY *pkey = NULL;

	if (n == NULL || e == NULL || bld == NULL ||
	    !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, n) ||
	    !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, e) ||
	    (params = OSSL_PARAM_BLD_to_param(bld)) == NULL ||
	    (ctx = EVP_PKEY_CTX_new_from_name(NULL, "RSA", NULL)) == NULL ||
	    EVP_PKEY_fromdata_init(ctx) <= 0 ||
	    EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) <= 0)
		pkey = NULL;
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	BN_free(n);
	BN_free(e);
	return pkey;
}

/* An EC public key from a JWK's crv, x and y, checked to lie on the curve. */
static EVP_PKEY *jwk_ec(const cJSON *jwk)
{
	const char *crv = member_string(jwk, "crv"), *xs = member_string(jwk, "x"),
		   *ys = member_string(jwk, "y"), *group = NULL;
	unsigned char *x = NULL, *y = NULL, point[1 + 2 * 66];
	size_t xl = 0, yl = 0, coord = 0, i;
	OSSL_PARAM_BLD *bld = NULL;
	OSSL_PARAM *params = NULL;
	EVP_PKEY_CTX *ctx = NULL, *check = NULL;
	EVP_PKEY *pkey = NULL;

	for (i = 0; crv != NULL && i < sizeof(jwk_curves) / sizeof(jwk_curves[0]); i++)
		if (strcmp(crv, jwk_curves[i].jwk) == 0) {
			group = jwk_curves[i].group;
			coord = jwk_curves[i].coord;
		}
	if (group == NULL || xs == NULL || ys == NULL ||
	    (x = serve_b64url_decode(xs, strlen(xs), &xl)) == NULL ||
	    (y = serve_b64url_decode(ys, strlen(ys), &yl)) == NULL || xl != coord || yl != coord)
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
	    EVP_PKEY_fromdata(ctx, &pkey, EVP_PKEY_PUBLIC_KEY, params) <= 0) {
		pkey = NULL;
		goto done;
	}
	check = EVP_PKEY_CTX_new_from_pkey(NULL, pkey, NULL);
	if (check == NULL || EVP_PKEY_public_check(check) != 1) {
		EVP_PKEY_free(pkey);
		pkey = NULL;
	}
done:
	EVP_PKEY_CTX_free(check);
	EVP_PKEY_CTX_free(ctx);
	OSSL_PARAM_free(params);
	OSSL_PARAM_BLD_free(bld);
	free(x);
	free(y);
	return pkey;
}

static int load_jwks(ring_issuer *iss, const char *text, size_t len, char *why,
		     size_t why_size)
{
	cJSON *doc = cJSON_ParseWithLength(text, len), *keys, *jwk;
	const char *kty, *use;
	EVP_PKEY *pkey;
	int rc = -1, index = 0, added;

	keys = cJSON_GetObjectItemCaseSensitive(doc, "keys");
	if (!cJSON_IsArray(keys)) {
		snprintf(why, why_size, "not a JWK Set (no \"keys\" array)");
		goto done;
	}
	ERR_clear_error();
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
			pkey = jwk_rsa(jwk);
		else if (kty != NULL && strcmp(kty, "EC") == 0)
			pkey = jwk_ec(jwk);
		else {
			snprintf(why, why_size,
				 "key %d has kty \"%.16s\": only RSA and EC keys are accepted "
				 "(symmetric keys are not allowed by CDS Hooks)",
				 index, kty ? kty : "");
			goto done;
		}
		if (pkey == NULL) {
			if (serve_openssl_failed(SERVE_READ_KEY)) {
				snprintf(why, why_size,
					 "OpenSSL failed to read key %d (out of memory?)", index);
				rc = -2;
			} else {
				snprintf(why, why_size, "key %d is not a valid %s public key", index,
					 kty);
			}
			goto done;
		}
		added = issuer_add_key(iss, pkey, member_string(jwk, "kid"),
				       member_string(jwk, "alg"), why, why_size);
		if (added != 0) {
			char detail[256];

			snprintf(detail, sizeof(detail), "%s", why);
			if (added == -1)
				snprintf(why, why_size, "key %d: %s", index, detail);
			rc = added;
			goto done;
		}
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

/* Every PEM block of the file must be read: PEM_read_bio_PUBKEY answers
 * NULL at the end of the text and when it fails (a damaged block, memory
 * that ran out), and a key dropped unnoticed would refuse that key's
 * tokens. */
static int load_pem(ring_issuer *iss, const char *text, size_t len, char *why,
		    size_t why_size)
{
	static const char begin[] = "-----BEGIN PUBLIC KEY-----";
	BIO *bio = BIO_new_mem_buf(text, (int)len);
	EVP_PKEY *pkey;
	const char *p;
	int count = 0, blocks = 0, rc = 0;

	if (bio == NULL) {
		snprintf(why, why_size, "out of memory");
		return -2;
	}
	if (strstr(text, "PRIVATE KEY") != NULL) {
		snprintf(why, why_size, "the file holds a private key: give public keys only");
		BIO_free(bio);
		return -1;
	}
	for (p = strstr(text, begin); p != NULL; p = strstr(p + 1, begin))
		blocks++;
	ERR_clear_error();
	while ((pkey = PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL)) != NULL) {
		rc = issuer_add_key(iss, pkey, NULL, NULL, why, why_size);
		if (rc != 0)
			break;
		count++;
	}
	BIO_free(bio);
	if (rc == 0 && count < blocks) {
		rc = serve_openssl_failed(SERVE_READ_KEY) ? -2 : -1;
		snprintf(why, why_size,
			 rc == -2 ? "OpenSSL failed to read public key %d (out of memory?)"
				  : "public key %d cannot be read",
			 count + 1);
	} else if (rc == 0 && count == 0) {
		snprintf(why, why_size, "no PEM public key (BEGIN PUBLIC KEY) and not a JWK Set");
		rc = -1;
	}
	return rc;
}

int serve_keyring_load(serve_keyring **ring, const char *issuer, const char *path,
		       char *why, size_t why_size)
{
	ring_issuer *iss, *grown;
	size_t len, i;
	char *text;
	int rc;

	if (*ring == NULL && (*ring = calloc(1, sizeof(**ring))) == NULL) {
		snprintf(why, why_size, "out of memory");
		return -2;
	}
	text = cli_read_file(path, CLI_FILE_MAX, &len);
	if (text == NULL) {
		snprintf(why, why_size, "%s", strerror(errno));
		return errno == ENOMEM ? -2 : -1;
	}
	iss = issuer_find(*ring, issuer);
	if (iss == NULL) {
		grown = realloc((*ring)->issuers, ((*ring)->count + 1) * sizeof(*grown));
		if (grown == NULL) {
			free(text);
			snprintf(why, why_size, "out of memory");
			return -2;
		}
		(*ring)->issuers = grown;
		iss = &grown[(*ring)->count];
		memset(iss, 0, sizeof(*iss));
		iss->issuer = strdup(issuer);
		if (iss->issuer == NULL) {
			free(text);
			snprintf(why, why_size, "out of memory");
			return -2;
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

/*
 * jwt.c: bearer-token checks for `oncorules serve` with OpenSSL (libcrypto).
 *
 * Why not libjwt: Debian 12's libjwt 1.10 verifies with the algorithm the
 * token names (an HS256 token "signed" with our public key as the HMAC
 * secret passes: libjwt issues #33 and #200) and reads no JWK Sets, so
 * the alg pinning and the JWK decoding would be ours anyway. Here OpenSSL
 * does all the cryptography; this file only frames it: split the token,
 * decode base64url, read the JSON with cJSON, and pick the digest and
 * padding from the key's own type.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include "cli.h"
#include "jwt.h"

#define TOKEN_MAX 16384   /* bytes of a token; headers are bounded anyway */
#define MEMBERS_MAX 64    /* members of the JOSE header or the claims */
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

static const char *const status_names[] = {
	[SERVE_TOKEN_OK] = "ok",
	[SERVE_TOKEN_MISSING] = "no bearer token",
	[SERVE_TOKEN_MALFORMED] = "malformed token",
	[SERVE_TOKEN_ALG] = "algorithm refused",
	[SERVE_TOKEN_ISSUER] = "issuer not trusted",
	[SERVE_TOKEN_KEY] = "no key for kid and alg",
	[SERVE_TOKEN_SIGNATURE] = "bad signature",
	[SERVE_TOKEN_AUDIENCE] = "wrong audience",
	[SERVE_TOKEN_EXPIRED] = "expired",
	[SERVE_TOKEN_TIMES] = "bad iat, nbf or lifetime",
	[SERVE_TOKEN_JTI] = "bad jti",
	[SERVE_TOKEN_REPLAYED] = "replayed jti",
	[SERVE_TOKEN_CACHE_FULL] = "jti cache full",
	[SERVE_TOKEN_NOMEM] = "out of memory",
};

const char *serve_token_status_name(serve_token_status s)
{
	if ((size_t)s < sizeof(status_names) / sizeof(status_names[0]) && status_names[s])
		return status_names[s];
	return "refused";
}

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

/* Decodes unpadded base64url (RFC 7515 section 2) strictly: no padding, no
 * other characters, unused bits zero. Returns a malloc'd buffer with a NUL
 * after the `*out_len` bytes, or NULL. */
static unsigned char *b64url_decode(const char *in, size_t len, size_t *out_len)
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

/* ----------------------------------------------------------------- JSON */

/* Parses a decoded JOSE part: one JSON object, no NUL inside, no member
 * name twice (parsers disagree on which one wins). */
static cJSON *parse_object(const unsigned char *text, size_t len)
{
	const char *end = NULL;
	cJSON *doc, *a, *b;
	int members = 0;

	if (memchr(text, '\0', len) != NULL)
		return NULL;
	doc = cJSON_ParseWithOpts((const char *)text, &end, 1);
	if (doc == NULL)
		return NULL;
	if (!cJSON_IsObject(doc))
		goto bad;
	for (a = doc->child; a != NULL; a = a->next) {
		if (++members > MEMBERS_MAX)
			goto bad;
		for (b = doc->child; b != a; b = b->next)
			if (strcmp(a->string, b->string) == 0)
				goto bad;
	}
	return doc;
bad:
	cJSON_Delete(doc);
	return NULL;
}

static const char *member_string(const cJSON *obj, const char *name)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* A NumericDate (RFC 7519 section 2) as whole seconds; 0 when absent or
 * not a sane number. */
static int member_time(const cJSON *obj, const char *name, long long *out)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);

	if (!cJSON_IsNumber(v) || !(v->valuedouble > 0) || v->valuedouble > 1e11)
		return 0;
	*out = (long long)v->valuedouble;
	return 1;
}

/* ------------------------------------------------------------------ keys */

static const jws_alg *alg_find(const char *name)
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
		if (!EVP_PKEY_get_group_name(pkey, key.group, sizeof(key.group), &glen)) {
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
		a = alg_find(alg);
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
		snprintf(why, why_size, "out of memory");
		goto bad;
	}
	iss->keys = grown;
	iss->keys[iss->count++] = key;
	return 0;
bad:
	EVP_PKEY_free(pkey);
	return -1;
}

static BIGNUM *jwk_bignum(const cJSON *jwk, const char *name)
{
	const char *s = member_string(jwk, name);
	unsigned char *raw;
	size_t len;
	BIGNUM *bn;

	if (s == NULL || (raw = b64url_decode(s, strlen(s), &len)) == NULL)
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
	    (x = b64url_decode(xs, strlen(xs), &xl)) == NULL ||
	    (y = b64url_decode(ys, strlen(ys), &yl)) == NULL || xl != coord || yl != coord)
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
	int rc = -1, index = 0;

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
			snprintf(why, why_size, "key %d is not a valid %s public key", index, kty);
			goto done;
		}
		if (issuer_add_key(iss, pkey, member_string(jwk, "kid"),
				   member_string(jwk, "alg"), why, why_size) != 0) {
			char detail[256];

			snprintf(detail, sizeof(detail), "%s", why);
			snprintf(why, why_size, "key %d: %s", index, detail);
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

static int load_pem(ring_issuer *iss, const char *text, size_t len, char *why,
		    size_t why_size)
{
	BIO *bio = BIO_new_mem_buf(text, (int)len);
	EVP_PKEY *pkey;
	int count = 0, rc = 0;

	if (bio == NULL) {
		snprintf(why, why_size, "out of memory");
		return -1;
	}
	if (strstr(text, "PRIVATE KEY") != NULL) {
		snprintf(why, why_size, "the file holds a private key: give public keys only");
		BIO_free(bio);
		return -1;
	}
	while ((pkey = PEM_read_bio_PUBKEY(bio, NULL, NULL, NULL)) != NULL) {
		if (issuer_add_key(iss, pkey, NULL, NULL, why, why_size) != 0) {
			rc = -1;
			break;
		}
		count++;
	}
	BIO_free(bio);
	if (rc == 0 && count == 0) {
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
		return -1;
	}
	text = cli_read_file(path, &len);
	if (text == NULL) {
		snprintf(why, why_size, "%s", strerror(errno));
		return -1;
	}
	iss = issuer_find(*ring, issuer);
	if (iss == NULL) {
		grown = realloc((*ring)->issuers, ((*ring)->count + 1) * sizeof(*grown));
		if (grown == NULL) {
			free(text);
			snprintf(why, why_size, "out of memory");
			return -1;
		}
		(*ring)->issuers = grown;
		iss = &grown[(*ring)->count];
		memset(iss, 0, sizeof(*iss));
		iss->issuer = strdup(issuer);
		if (iss->issuer == NULL) {
			free(text);
			snprintf(why, why_size, "out of memory");
			return -1;
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

/* ---------------------------------------------------------- verification */

/* ECDSA signatures travel as R || S (RFC 7518 section 3.4); OpenSSL wants
 * DER. Returns the DER length in *der (malloc'd), or 0. */
static size_t ecdsa_raw_to_der(const unsigned char *sig, size_t len, unsigned char **der)
{
	ECDSA_SIG *es = ECDSA_SIG_new();
	BIGNUM *r = BN_bin2bn(sig, (int)(len / 2), NULL);
	BIGNUM *s = BN_bin2bn(sig + len / 2, (int)(len / 2), NULL);
	int n = 0;

	*der = NULL;
	if (es == NULL || r == NULL || s == NULL || !ECDSA_SIG_set0(es, r, s)) {
		BN_free(r);
		BN_free(s);
		ECDSA_SIG_free(es);
		return 0;
	}
	n = i2d_ECDSA_SIG(es, der); /* es owns r and s now */
	ECDSA_SIG_free(es);
	return n > 0 ? (size_t)n : 0;
}

static int verify_with(const ring_key *key, const jws_alg *alg, const char *input,
		       size_t input_len, const unsigned char *sig, size_t sig_len)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	EVP_PKEY_CTX *pctx = NULL;
	unsigned char *der = NULL;
	size_t der_len;
	int ok = 0;

	if (md == NULL)
		return 0;
	if (EVP_DigestVerifyInit_ex(md, &pctx, alg->digest, NULL, NULL, key->pkey, NULL) != 1)
		goto done;
	if (alg->pss && (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
			 EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) <= 0))
		goto done;
	if (alg->key_type == EVP_PKEY_EC) {
		if (sig_len != alg->sig_size ||
		    (der_len = ecdsa_raw_to_der(sig, sig_len, &der)) == 0)
			goto done;
		ok = EVP_DigestVerify(md, der, der_len, (const unsigned char *)input,
				      input_len) == 1;
	} else {
		ok = EVP_DigestVerify(md, sig, sig_len, (const unsigned char *)input,
				      input_len) == 1;
	}
done:
	OPENSSL_free(der);
	EVP_MD_CTX_free(md);
	return ok;
}

/* The bearer token in an Authorization header value, or NULL. */
static const char *bearer_token(const char *authorization, size_t *len)
{
	const char *p = authorization, *t;

	if (p == NULL || strncasecmp(p, "Bearer", 6) != 0 || (p[6] != ' ' && p[6] != '\t'))
		return NULL;
	p += 6;
	while (*p == ' ' || *p == '\t')
		p++;
	t = p;
	while (*p != '\0' && *p != ' ' && *p != '\t')
		p++;
	if (*p != '\0' || p == t)
		return NULL;
	*len = (size_t)(p - t);
	return *len <= TOKEN_MAX ? t : NULL;
}

static int audience_matches(const cJSON *claims, const char *audience)
{
	const cJSON *aud = cJSON_GetObjectItemCaseSensitive(claims, "aud"), *item;

	if (cJSON_IsString(aud))
		return strcmp(aud->valuestring, audience) == 0;
	if (!cJSON_IsArray(aud))
		return 0;
	cJSON_ArrayForEach(item, aud)
		if (cJSON_IsString(item) && strcmp(item->valuestring, audience) == 0)
			return 1;
	return 0;
}

serve_token_status serve_token_verify(const serve_keyring *ring, const char *authorization,
				      const serve_token_policy *policy,
				      serve_token_claims *out)
{
	const char *token, *dot1, *dot2, *s, *kid;
	unsigned char *head_raw = NULL, *body_raw = NULL, *sig = NULL;
	size_t token_len, head_len, body_len, sig_len, i;
	cJSON *head = NULL, *claims = NULL;
	const ring_issuer *iss;
	const jws_alg *alg;
	long long exp, iat, nbf;
	serve_token_status st;
	int candidates = 0;

	memset(out, 0, sizeof(*out));
	token = bearer_token(authorization, &token_len);
	if (token == NULL)
		return authorization == NULL ? SERVE_TOKEN_MISSING : SERVE_TOKEN_MALFORMED;
	dot1 = memchr(token, '.', token_len);
	dot2 = dot1 ? memchr(dot1 + 1, '.', token_len - (size_t)(dot1 + 1 - token)) : NULL;
	if (dot1 == NULL || dot2 == NULL ||
	    memchr(dot2 + 1, '.', token_len - (size_t)(dot2 + 1 - token)) != NULL)
		return SERVE_TOKEN_MALFORMED;
	st = SERVE_TOKEN_MALFORMED;
	head_raw = b64url_decode(token, (size_t)(dot1 - token), &head_len);
	body_raw = b64url_decode(dot1 + 1, (size_t)(dot2 - dot1 - 1), &body_len);
	sig = b64url_decode(dot2 + 1, token_len - (size_t)(dot2 + 1 - token), &sig_len);
	if (head_raw == NULL || body_raw == NULL || sig == NULL ||
	    (head = parse_object(head_raw, head_len)) == NULL ||
	    (claims = parse_object(body_raw, body_len)) == NULL)
		goto done;

	/* The JOSE header: an asymmetric algorithm we know, a JWT, and no
	 * extension we would have to understand. */
	st = SERVE_TOKEN_ALG;
	s = member_string(head, "alg");
	if (s == NULL || (alg = alg_find(s)) == NULL)
		goto done;
	s = member_string(head, "typ");
	if ((cJSON_GetObjectItemCaseSensitive(head, "typ") != NULL &&
	     (s == NULL || strcasecmp(s, "JWT") != 0)) ||
	    cJSON_GetObjectItemCaseSensitive(head, "crit") != NULL)
		goto done;
	kid = member_string(head, "kid");
	if (cJSON_GetObjectItemCaseSensitive(head, "kid") != NULL && kid == NULL)
		goto done;

	st = SERVE_TOKEN_ISSUER;
	s = member_string(claims, "iss");
	if (s == NULL || (iss = issuer_find(ring, s)) == NULL)
		goto done;
	snprintf(out->issuer, sizeof(out->issuer), "%s", s);

	st = SERVE_TOKEN_AUDIENCE;
	if (!audience_matches(claims, policy->audience))
		goto done;

	st = SERVE_TOKEN_TIMES;
	if (!member_time(claims, "exp", &exp) || !member_time(claims, "iat", &iat) ||
	    iat > policy->now + policy->clock_skew || exp <= iat ||
	    exp - iat > policy->max_lifetime)
		goto done;
	if (cJSON_GetObjectItemCaseSensitive(claims, "nbf") != NULL &&
	    (!member_time(claims, "nbf", &nbf) || nbf > policy->now + policy->clock_skew))
		goto done;
	st = SERVE_TOKEN_EXPIRED;
	if (policy->now > exp + policy->clock_skew)
		goto done;
	out->exp = exp;

	st = SERVE_TOKEN_JTI;
	s = member_string(claims, "jti");
	if (s == NULL || s[0] == '\0' || strlen(s) > SERVE_JTI_MAX)
		goto done;
	strcpy(out->jti, s);

	/* The signature, with each of the issuer's keys that fits. */
	st = SERVE_TOKEN_SIGNATURE;
	for (i = 0; i < iss->count; i++) {
		const ring_key *key = &iss->keys[i];

		if (key->key_type != alg->key_type ||
		    (alg->curve != NULL && strcmp(alg->curve, key->group) != 0) ||
		    (key->alg[0] != '\0' && strcmp(key->alg, alg->name) != 0) ||
		    (key->kid[0] != '\0' && kid != NULL && strcmp(key->kid, kid) != 0))
			continue;
		candidates++;
		if (verify_with(key, alg, token, (size_t)(dot2 - token), sig, sig_len)) {
			st = SERVE_TOKEN_OK;
			break;
		}
	}
	if (candidates == 0)
		st = SERVE_TOKEN_KEY;
done:
	if (st != SERVE_TOKEN_OK)
		memset(out, 0, sizeof(*out));
	cJSON_Delete(head);
	cJSON_Delete(claims);
	free(head_raw);
	free(body_raw);
	free(sig);
	return st;
}

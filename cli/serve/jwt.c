/*
 * jwt.c: bearer-token checks for `oncorules serve` with OpenSSL (libcrypto).
 *
 * Why not libjwt: Debian 12's libjwt 1.10 verifies with the algorithm the
 * token names (an HS256 token "signed" with our public key as the HMAC
 * secret passes: libjwt issues #33 and #200) and reads no JWK Sets, so
 * the alg pinning and the JWK decoding would be ours anyway. Here OpenSSL
 * does all the cryptography; this file only frames it: split the token,
 * decode base64url, read the JSON with cJSON, check the claims, and pick
 * the digest and padding from the key's own type (keys.c reads the keys).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include "keyring.h"
#include "serve.h"

#define TOKEN_MAX 16384   /* bytes of a token; headers are bounded anyway */
#define MEMBERS_MAX 64    /* members of the JOSE header or the claims */

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

/* ----------------------------------------------------------------- JSON */

/* Parses a decoded JOSE part into *out: one JSON object, no NUL inside
 * (raw or \u0000), every \u escape whole, no member name twice (parsers
 * disagree on which one wins). SERVE_TOKEN_OK, SERVE_TOKEN_MALFORMED or
 * SERVE_TOKEN_NOMEM (never a token refused because memory ran out). */
static serve_token_status parse_object(const unsigned char *text, size_t len, cJSON **out)
{
	const char *end = NULL;
	cJSON *doc, *a, *b;
	int members = 0, no_memory;

	*out = NULL;
	/* cJSON would cut a string at \u0000 or a broken \u escape: "r1\u0000A"
	 * and "r1\u0000B" would be one jti, "iss\u0000x" the trusted iss */
	if (memchr(text, '\0', len) != NULL || !serve_json_escapes_ok((const char *)text, len))
		return SERVE_TOKEN_MALFORMED;
	doc = cli_json_parse((const char *)text, len, &end, &no_memory);
	if (no_memory)
		return SERVE_TOKEN_NOMEM;
	if (doc == NULL)
		return SERVE_TOKEN_MALFORMED;
	while (end < (const char *)text + len && isspace((unsigned char)*end))
		end++;
	if (end != (const char *)text + len || !cJSON_IsObject(doc))
		goto bad;
	for (a = doc->child; a != NULL; a = a->next) {
		if (++members > MEMBERS_MAX)
			goto bad;
		for (b = doc->child; b != a; b = b->next)
			if (strcmp(a->string, b->string) == 0)
				goto bad;
	}
	*out = doc;
	return SERVE_TOKEN_OK;
bad:
	cJSON_Delete(doc);
	return SERVE_TOKEN_MALFORMED;
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

/* After EVP_PKEY_verify answered 0: 1 when the signature does not match,
 * 0 when it could not be checked. ECDSA says nothing more when it does
 * not match, RSA names a reason of its own ("bad signature", "padding
 * check failed"); when memory ran out, OpenSSL's error queue holds an
 * allocation failure, only its common reasons ("RSA lib") or an error of
 * another library (a digest that could not start), as fault injection
 * found (tests/fi/http/token-*.json). Empties the queue. */
static int signature_mismatch(void)
{
	unsigned long e;
	int errors = 0, rsa = 0, out_of_memory = 0;

	while ((e = ERR_get_error()) != 0) {
		errors++;
		if (ERR_GET_REASON(e) == ERR_R_MALLOC_FAILURE)
			out_of_memory = 1;
		else if (ERR_GET_LIB(e) == ERR_LIB_RSA && (ERR_GET_REASON(e) & ERR_RFLAG_COMMON) == 0)
			rsa = 1;
	}
	return !out_of_memory && (errors == 0 || rsa);
}

/* 1 when the signature verifies, 0 when it does not, -1 when it could not
 * be checked (memory ran out, here or inside OpenSSL): never a token
 * refused, nor one accepted, for want of memory. The digest is made
 * apart from the check: EVP_DigestVerify answers 0 both for a signature
 * that does not match and for a copy of its state that failed. */
static int verify_with(const ring_key *key, const jws_alg *alg, const char *input,
		       size_t input_len, const unsigned char *sig, size_t sig_len)
{
	const EVP_MD *md = EVP_get_digestbyname(alg->digest);
	unsigned char digest[EVP_MAX_MD_SIZE], *der = NULL;
	unsigned int digest_len = 0;
	EVP_PKEY_CTX *pctx = NULL;
	size_t der_len;
	int ok = -1;

	/* The key and the algorithm were checked at start: a failure to set
	 * them up is ours, not the token's. */
	if (md == NULL || EVP_Digest(input, input_len, digest, &digest_len, md, NULL) != 1 ||
	    (pctx = EVP_PKEY_CTX_new_from_pkey(NULL, key->pkey, NULL)) == NULL ||
	    EVP_PKEY_verify_init(pctx) <= 0 || EVP_PKEY_CTX_set_signature_md(pctx, md) <= 0)
		goto done;
	if (alg->pss && (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
			 EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) <= 0))
		goto done;
	if (alg->key_type == EVP_PKEY_EC) {
		if (sig_len != alg->sig_size) {
			ok = 0;
			goto done;
		}
		if ((der_len = ecdsa_raw_to_der(sig, sig_len, &der)) == 0)
			goto done;
		ok = EVP_PKEY_verify(pctx, der, der_len, digest, digest_len);
	} else {
		ok = EVP_PKEY_verify(pctx, sig, sig_len, digest, digest_len);
	}
	if (ok < 0 || (ok == 0 && !signature_mismatch()))
		ok = -1;
done:
	OPENSSL_free(der);
	EVP_PKEY_CTX_free(pctx);
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

/* A part of the token decoded (serve_b64url_decode's answer). */
static serve_token_status decoded(int rc)
{
	return rc == 0 ? SERVE_TOKEN_OK : rc == ONCO_ENOMEM ? SERVE_TOKEN_NOMEM : SERVE_TOKEN_MALFORMED;
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
	int candidates = 0, verified;

	memset(out, 0, sizeof(*out));
	token = bearer_token(authorization, &token_len);
	if (token == NULL)
		return authorization == NULL ? SERVE_TOKEN_MISSING : SERVE_TOKEN_MALFORMED;
	dot1 = memchr(token, '.', token_len);
	dot2 = dot1 ? memchr(dot1 + 1, '.', token_len - (size_t)(dot1 + 1 - token)) : NULL;
	if (dot1 == NULL || dot2 == NULL ||
	    memchr(dot2 + 1, '.', token_len - (size_t)(dot2 + 1 - token)) != NULL)
		return SERVE_TOKEN_MALFORMED;
	ERR_clear_error(); /* what the queue says after a failure is this token's */
	if ((st = decoded(serve_b64url_decode(token, (size_t)(dot1 - token), &head_raw,
					      &head_len))) != SERVE_TOKEN_OK ||
	    (st = decoded(serve_b64url_decode(dot1 + 1, (size_t)(dot2 - dot1 - 1), &body_raw,
					      &body_len))) != SERVE_TOKEN_OK ||
	    (st = decoded(serve_b64url_decode(dot2 + 1, token_len - (size_t)(dot2 + 1 - token),
					      &sig, &sig_len))) != SERVE_TOKEN_OK ||
	    (st = parse_object(head_raw, head_len, &head)) != SERVE_TOKEN_OK ||
	    (st = parse_object(body_raw, body_len, &claims)) != SERVE_TOKEN_OK)
		goto done;

	/* The JOSE header: an asymmetric algorithm we know, a JWT, and no
	 * extension we would have to understand. */
	st = SERVE_TOKEN_ALG;
	s = member_string(head, "alg");
	if (s == NULL || (alg = serve_jws_alg(s)) == NULL)
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
	if (s == NULL || (iss = serve_keyring_issuer(ring, s)) == NULL)
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
		verified = verify_with(key, alg, token, (size_t)(dot2 - token), sig, sig_len);
		if (verified != 0) {
			st = verified > 0 ? SERVE_TOKEN_OK : SERVE_TOKEN_NOMEM;
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

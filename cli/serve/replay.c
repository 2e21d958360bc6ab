/* replay.c: the jti cache: open addressing over SHA-256 digests. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/evp.h>

#include "replay.h"

typedef struct replay_entry {
	unsigned char key[16]; /* first bytes of SHA-256(iss NUL jti) */
	long long expires;     /* 0: never used */
} replay_entry;

struct serve_replay {
	pthread_mutex_t lock;
	replay_entry *slots;
	size_t size;      /* slots, a power of two, at least twice capacity */
	size_t used;      /* slots ever filled since the last rebuild */
	size_t capacity;  /* live entries allowed */
};

int serve_replay_new(serve_replay **out, size_t capacity)
{
	serve_replay *c;
	size_t size = 16;

	*out = NULL;
	if (capacity == 0 || capacity > ((size_t)1 << 28))
		return -1;
	while (size < 2 * capacity)
		size *= 2;
	c = calloc(1, sizeof(*c));
	if (c == NULL || (c->slots = calloc(size, sizeof(*c->slots))) == NULL) {
		free(c);
		return -1;
	}
	pthread_mutex_init(&c->lock, NULL);
	c->size = size;
	c->capacity = capacity;
	*out = c;
	return 0;
}

void serve_replay_free(serve_replay *c)
{
	if (c == NULL)
		return;
	pthread_mutex_destroy(&c->lock);
	free(c->slots);
	free(c);
}

static size_t slot_of(const serve_replay *c, const unsigned char *key)
{
	uint64_t h;

	memcpy(&h, key, sizeof(h));
	return (size_t)h & (c->size - 1);
}

/* Drops expired entries by moving the live ones into a clean table, so
 * probe chains stay short. Returns the number of live entries. */
static size_t rebuild(serve_replay *c, long long now)
{
	replay_entry *old = c->slots, *fresh;
	size_t i, j, live = 0;

	fresh = calloc(c->size, sizeof(*fresh));
	if (fresh == NULL)
		return (size_t)-1;
	for (i = 0; i < c->size; i++) {
		if (old[i].expires == 0 || old[i].expires < now)
			continue;
		for (j = slot_of(c, old[i].key); fresh[j].expires != 0; j = (j + 1) & (c->size - 1))
			;
		fresh[j] = old[i];
		live++;
	}
	free(old);
	c->slots = fresh;
	c->used = live;
	return live;
}

serve_token_status serve_replay_check(serve_replay *c, const char *issuer, const char *jti,
				      long long expires, long long now)
{
	unsigned char digest[EVP_MAX_MD_SIZE];
	unsigned int dlen = 0;
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	serve_token_status st = SERVE_TOKEN_OK;
	size_t i, free_slot = (size_t)-1;

	if (md == NULL || EVP_DigestInit_ex(md, EVP_sha256(), NULL) != 1 ||
	    EVP_DigestUpdate(md, issuer, strlen(issuer) + 1) != 1 ||
	    EVP_DigestUpdate(md, jti, strlen(jti)) != 1 ||
	    EVP_DigestFinal_ex(md, digest, &dlen) != 1) {
		EVP_MD_CTX_free(md);
		return SERVE_TOKEN_NOMEM;
	}
	EVP_MD_CTX_free(md);

	pthread_mutex_lock(&c->lock);
	if (c->used >= c->size / 2 + c->size / 4 && rebuild(c, now) == (size_t)-1) {
		st = SERVE_TOKEN_NOMEM;
		goto done;
	}
	for (i = slot_of(c, digest); c->slots[i].expires != 0; i = (i + 1) & (c->size - 1)) {
		if (c->slots[i].expires < now) {
			if (free_slot == (size_t)-1)
				free_slot = i;
			continue;
		}
		if (memcmp(c->slots[i].key, digest, sizeof(c->slots[i].key)) == 0) {
			st = SERVE_TOKEN_REPLAYED;
			goto done;
		}
	}
	if (free_slot == (size_t)-1) {
		/* A never-used slot: the table grows in use. Past the
		 * capacity of live entries, refuse rather than forget. */
		if (c->used >= c->capacity && rebuild(c, now) >= c->capacity) {
			st = SERVE_TOKEN_CACHE_FULL;
			goto done;
		}
		for (i = slot_of(c, digest); c->slots[i].expires != 0 &&
					     c->slots[i].expires >= now;
		     i = (i + 1) & (c->size - 1))
			;
		if (c->slots[i].expires == 0)
			c->used++;
		free_slot = i;
	}
	memcpy(c->slots[free_slot].key, digest, sizeof(c->slots[free_slot].key));
	c->slots[free_slot].expires = expires;
done:
	pthread_mutex_unlock(&c->lock);
	return st;
}

/*
 * sha256.c: SHA-256 (FIPS 180-4), to name a rule base by its content.
 * Written here rather than linking a crypto library for one hash of a few
 * hundred kilobytes at start-up; tests check the FIPS example vectors.
 */
#include <stdio.h>
#include <string.h>

#include "private/engine_internal.h"

static const unsigned int K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

static unsigned int rotr(unsigned int x, int n)
{
	return (x >> n) | (x << (32 - n));
}

/* One 64-byte block into the state. The eight working variables are
 * named, not an array shifted by one at every round: that shift (a
 * memmove per round) made the hash cost 76 instructions a byte, and an
 * image of 1.5 MB is hashed at every start with --kb-image. */
static void compress(unsigned int state[8], const unsigned char *p)
{
	unsigned int w[64], a, b, c, d, e, f, g, h, t1, t2;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (unsigned int)p[4 * i] << 24 | (unsigned int)p[4 * i + 1] << 16 |
		       (unsigned int)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (i = 16; i < 64; i++)
		w[i] = (rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)) +
		       w[i - 7] +
		       (rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)) +
		       w[i - 16];
	a = state[0];
	b = state[1];
	c = state[2];
	d = state[3];
	e = state[4];
	f = state[5];
	g = state[6];
	h = state[7];
	for (i = 0; i < 64; i++) {
		t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] +
		     w[i];
		t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
		h = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	state[0] += a;
	state[1] += b;
	state[2] += c;
	state[3] += d;
	state[4] += e;
	state[5] += f;
	state[6] += g;
	state[7] += h;
}

void onco_sha256_init(onco_sha256 *ctx)
{
	static const unsigned int h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372,
					   0xa54ff53a, 0x510e527f, 0x9b05688c,
					   0x1f83d9ab, 0x5be0cd19};
	memcpy(ctx->state, h0, sizeof(h0));
	ctx->bits = 0;
	ctx->used = 0;
}

void onco_sha256_update(onco_sha256 *ctx, const void *data, size_t length)
{
	const unsigned char *p = data;

	ctx->bits += (unsigned long long)length * 8;
	while (length > 0) {
		size_t n = 64 - ctx->used;

		/* Whole blocks straight from the data, not through ctx->block. */
		if (ctx->used == 0 && length >= 64) {
			compress(ctx->state, p);
			p += 64;
			length -= 64;
			continue;
		}
		if (n > length)
			n = length;
		memcpy(ctx->block + ctx->used, p, n);
		ctx->used += n;
		p += n;
		length -= n;
		if (ctx->used == 64) {
			compress(ctx->state, ctx->block);
			ctx->used = 0;
		}
	}
}

void onco_sha256_final(onco_sha256 *ctx, char out[65])
{
	unsigned long long bits = ctx->bits;
	unsigned char pad = 0x80, len[8];
	int i;

	for (i = 0; i < 8; i++)
		len[i] = (unsigned char)(bits >> (56 - 8 * i));
	onco_sha256_update(ctx, &pad, 1);
	pad = 0;
	while (ctx->used != 56)
		onco_sha256_update(ctx, &pad, 1);
	onco_sha256_update(ctx, len, 8);
	for (i = 0; i < 8; i++)
		snprintf(out + 8 * i, 9, "%08x", ctx->state[i]);
}

void onco_sha256_hex(const void *data, size_t length, char out[65])
{
	onco_sha256 ctx;

	onco_sha256_init(&ctx);
	onco_sha256_update(&ctx, data, length);
	onco_sha256_final(&ctx, out);
}

/*
 * json_print.c: a cJSON document as compact text (see private/json_out.h).
 *
 * The bytes are those of cJSON_PrintUnformatted (cJSON 1.7.15, the version
 * Debian 12 ships): the same escapes, the same numbers. It is written here
 * because printing took a third of the cost of building an answer: cJSON
 * scans every string twice and measures everything it has printed again
 * with strlen after each value (bench/README.md). One pass into a buffer
 * that doubles (a string with a byte to escape is copied a second time);
 * the text is in malloc'd memory, outside any arena.
 */
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "onco_compiler.h"
#include "private/json_out.h"

typedef struct out {
	char *text;
	size_t used, size;
	int failed;
} out;

/* The slow half of reserve: a larger buffer, or failed set. */
static int grow(out *o, size_t n)
{
	size_t size = o->size;
	char *grown;

	if (o->failed)
		return 0;
	while (size < o->used + n + 1)
		size = size * 2;
	grown = realloc(o->text, size);
	if (grown == NULL) {
		o->failed = 1;
		return 0;
	}
	o->text = grown;
	o->size = size;
	return 1;
}

/* Room for `n` more bytes and the final NUL. Once printing has failed the
 * buffer may still take bytes; the text is thrown away at the end. */
static int reserve(out *o, size_t n)
{
	return o->used + n + 1 <= o->size || grow(o, n);
}

static void put(out *o, const char *s, size_t n)
{
	if (reserve(o, n)) {
		memcpy(o->text + o->used, s, n);
		o->used += n;
	}
}

/* One byte of structure (brackets, commas): most of the calls, so without
 * the memcpy call. */
static void put_char(out *o, char c)
{
	if (reserve(o, 1))
		o->text[o->used++] = c;
}

/* The bytes cJSON escapes: controls, the quote and the backslash. */
static const unsigned char escaped[256] = {
	[0] = 1, [1] = 1, [2] = 1, [3] = 1, [4] = 1, [5] = 1, [6] = 1, [7] = 1,
	[8] = 1, [9] = 1, [10] = 1, [11] = 1, [12] = 1, [13] = 1, [14] = 1, [15] = 1,
	[16] = 1, [17] = 1, [18] = 1, [19] = 1, [20] = 1, [21] = 1, [22] = 1, [23] = 1,
	[24] = 1, [25] = 1, [26] = 1, [27] = 1, [28] = 1, [29] = 1, [30] = 1, [31] = 1,
	['"'] = 1, ['\\'] = 1};

/* The bytes of `w` that need an escape, each as its high bit: a byte below
 * 0x20, a quote, a backslash (the tricks of "Bit Twiddling Hacks": a byte
 * below n, a byte equal to zero; both exact as tests of "any"). Zero when
 * none does. */
static uint64_t escapes_in_word(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');

	return (((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
		((backslash - ones) & ~backslash)) & highs;
}

/* Copies the 8 bytes at `p` to `d`; those that need an escape, as
 * escapes_in_word gives them. */
static uint64_t copy_word(char *d, const unsigned char *p)
{
	uint64_t w;

	memcpy(&w, p, sizeof(w));
	memcpy(d, &w, sizeof(w));
	return escapes_in_word(w);
}

/*
 * Finding the end of a string while copying it. A string's length is not
 * stored: printing measured each one with strlen, then copied it in a
 * second pass that looked for bytes to escape. Those bytes include the
 * ones below 0x20, and so the NUL: one pass that copies and stops at the
 * first of them does both.
 *
 * That pass reads whole aligned blocks (16 bytes with SSE2, 8 without):
 * the block that holds the NUL holds bytes after it, and with SSE2 the
 * first block holds bytes before the string. An aligned block lies within
 * one page (a page is a multiple of 16 bytes), the page that holds the
 * string's own bytes, so reading it cannot fault; the bytes outside the
 * string are masked off or never looked at, as glibc's strlen does. No
 * read ever crosses into the next aligned block past the NUL.
 *
 * AddressSanitizer would report those bytes (they belong to no object):
 * the two functions that load blocks are not instrumented (a function
 * with another sanitizer attribute is never inlined into one without),
 * and put_string checks the string itself with the sanitizer's strlen
 * instead. The stores into the buffer stay checked.
 */
#ifdef ONCO_ASAN
#define READS_PAST_END __attribute__((no_sanitize_address))
#else
#define READS_PAST_END
#endif

/* Returned by copy_string when the string must be written by put_escaped. */
#define NOT_PLAIN SIZE_MAX

/* ONCO_JSON_PRINT_WORDS forces the portable path on x86 too, for its test. */
#if defined(__SSE2__) && !defined(ONCO_JSON_PRINT_WORDS)
/* The bytes of the 16 at `v` that stop a plain copy (below 0x20, the NUL
 * among them; a quote; a backslash), each as bit i for byte i. */
static unsigned stops16(__m128i v)
{
	const __m128i below = _mm_set1_epi8(0x1f), quote = _mm_set1_epi8('"'),
		      backslash = _mm_set1_epi8('\\');
	/* unsigned v <= 0x1f exactly when max(v, 0x1f) is 0x1f */
	__m128i stop = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, below), below),
				    _mm_or_si128(_mm_cmpeq_epi8(v, quote),
						 _mm_cmpeq_epi8(v, backslash)));

	return (unsigned)_mm_movemask_epi8(stop);
}

/* Copies the `n` bytes at `p` to `d`, n at most 16, reading none past
 * them: two words that overlap, or single bytes below 4 (no memcpy call,
 * whose dispatch costs more than these strings). */
static void copy_short(char *d, const unsigned char *p, size_t n)
{
	if (n >= 8) {
		uint64_t first, last;

		memcpy(&first, p, 8);
		memcpy(&last, p + n - 8, 8);
		memcpy(d, &first, 8);
		memcpy(d + n - 8, &last, 8);
	} else if (n >= 4) {
		uint32_t first, last;

		memcpy(&first, p, 4);
		memcpy(&last, p + n - 4, 4);
		memcpy(d, &first, 4);
		memcpy(d + n - 4, &last, 4);
	} else if (n > 0) {
		/* 1 to 3 bytes: p[0], p[n / 2] and p[n - 1] are all of them */
		d[0] = (char)p[0];
		d[n / 2] = (char)p[n / 2];
		d[n - 1] = (char)p[n - 1];
	}
}

/* The aligned block of 16 bytes at `block`. */
static READS_PAST_END __m128i load_block(const unsigned char *block)
{
	return _mm_load_si128((const __m128i *)(const void *)block);
}

/* The number of the lowest bit set in `mask` (not 0). */
static size_t first_bit(unsigned mask)
{
#if defined(__GNUC__)
	return (size_t)__builtin_ctz(mask);
#else
	size_t i = 0;

	while ((mask & 1u) == 0) {
		mask >>= 1;
		i++;
	}
	return i;
#endif
}

/* Copies the string `s` to `d`, which has room for `room` bytes, while no
 * byte needs an escape. Returns its length when all of it was copied (the
 * bytes after it in its last block were stored too, within `room`), or
 * NOT_PLAIN when a byte needs an escape or the room ran out. */
static size_t copy_string(char *d, size_t room, const unsigned char *s)
{
	size_t skew = (uintptr_t)s & 15, n = 0;
	const unsigned char *block = s - skew;
	unsigned stops;

	if (room < 16)
		return NOT_PLAIN;
	if (skew != 0) {
		/* the block that holds s, its bytes before s shifted out */
		stops = stops16(load_block(block)) >> skew;
		if (stops != 0) {
			n = first_bit(stops);
			if (s[n] != '\0')
				return NOT_PLAIN;
			copy_short(d, s, n);
			return n;
		}
		n = 16 - skew;
		copy_short(d, s, n);
		block += 16;
	}
	for (;;) {
		__m128i v;

		if (room - n < 16)
			return NOT_PLAIN;
		v = load_block(block);
		_mm_storeu_si128((__m128i *)(void *)(d + n), v);
		stops = stops16(v);
		if (stops != 0) {
			size_t i = first_bit(stops);

			return block[i] == '\0' ? n + i : NOT_PLAIN;
		}
		n += 16;
		block += 16;
	}
}
#else
/* The aligned word of 8 bytes at `word`. */
static READS_PAST_END uint64_t load_word(const unsigned char *word)
{
	uint64_t w;

	memcpy(&w, word, sizeof(w));
	return w;
}

/* The same in words of 8 bytes: byte by byte up to the first aligned
 * word, then a word at a time. Within the word that holds a stop, the
 * bytes are looked at in order: the word's high bits need not say which
 * byte comes first (the byte order, and the borrows of escapes_in_word
 * above its first match). */
static size_t copy_string(char *d, size_t room, const unsigned char *s)
{
	size_t n = 0;

	for (; ((uintptr_t)(s + n) & 7) != 0; n++) {
		if (s[n] == '\0')
			return n;
		if (escaped[s[n]] || n == room)
			return NOT_PLAIN;
		d[n] = (char)s[n];
	}
	for (;;) {
		uint64_t w;

		if (room - n < 8)
			return NOT_PLAIN;
		w = load_word(s + n);
		memcpy(d + n, &w, sizeof(w));
		if (escapes_in_word(w) != 0) {
			for (; s[n] != '\0'; n++)
				if (escaped[s[n]])
					return NOT_PLAIN;
			return n;
		}
		n += 8;
	}
}
#endif

/* `n` bytes at `p` into `d`, escaped as cJSON escapes them; the end of what
 * was written. Eight bytes at a time while they need no escape, byte by
 * byte around an escape. */
static char *copy_escaped(char *d, const unsigned char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *end = p + n;

	while (p < end) {
		if (end - p >= 8 && copy_word(d, p) == 0) {
			d += 8;
			p += 8;
			continue;
		}
		if (!escaped[*p]) {
			*d++ = (char)*p++;
			continue;
		}
		*d++ = '\\';
		switch (*p) {
		case '"': *d++ = '"'; break;
		case '\\': *d++ = '\\'; break;
		case '\b': *d++ = 'b'; break;
		case '\f': *d++ = 'f'; break;
		case '\n': *d++ = 'n'; break;
		case '\r': *d++ = 'r'; break;
		case '\t': *d++ = 't'; break;
		default:
			*d++ = 'u';
			*d++ = '0';
			*d++ = '0';
			*d++ = hex[*p >> 4];
			*d++ = hex[*p & 15];
			break;
		}
		p++;
	}
	return d;
}

/* The slow half of put_string, kept out of line so that the usual half
 * saves no registers. */

/* `length` bytes at `p` quoted and escaped, followed by a colon when they
 * are a `key`. Room for the worst case (every byte a \u00XX escape) is
 * reserved once. */
static ONCO_NOINLINE void put_escaped(out *o, const unsigned char *p, size_t length, int key)
{
	char *d;

	if (length > (SIZE_MAX - 3) / 6 || !reserve(o, length * 6 + 3)) {
		o->failed = 1;
		return;
	}
	d = o->text + o->used;
	*d++ = '"';
	d = copy_escaped(d, p, length);
	*d++ = '"';
	if (key)
		*d++ = ':';
	o->used = (size_t)(d - o->text);
}

/* The string `s` (NULL: empty) quoted, followed by a colon when it is a
 * `key`. Strings here are short keys and sentences that almost never need
 * an escape and fit the buffer: copy_string copies them in one pass that
 * also finds their end; only when a byte needs an escape, or the buffer
 * must grow, are they measured and written (again) by put_escaped. The
 * room given to copy_string leaves the two quotes, the colon and the
 * final NUL. */
static void put_string(out *o, const char *s, int key)
{
	const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");
	size_t room = o->size - o->used, n = NOT_PLAIN;
	char *d;

#ifdef ONCO_ASAN
	{
		/* every byte of the string readable (see READS_PAST_END) */
		volatile size_t checked = strlen((const char *)p);

		(void)checked;
	}
#endif
	if (room >= 4)
		n = copy_string(o->text + o->used + 1, room - 4, p);
	if (n == NOT_PLAIN) {
		put_escaped(o, p, strlen((const char *)p), key);
		return;
	}
	d = o->text + o->used;
	d[0] = '"';
	d += n + 1;
	*d++ = '"';
	if (key)
		*d++ = ':';
	o->used = (size_t)(d - o->text);
}

/* As cJSON's print_number: %1.15g unless that does not read back as the
 * same double, then %1.17g; the locale's decimal point written as '.'. An
 * integer below 10^15 prints as its digits either way, without printf. */
static void put_number(out *o, double d)
{
	char buf[32];
	const char *point;
	double back = 0;
	int n, i;

	if (isnan(d) || isinf(d)) {
		put(o, "null", 4);
		return;
	}
	if (d == floor(d) && fabs(d) < 1e15 && !(d == 0 && signbit(d))) {
		long long v = (long long)d;
		unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;

		i = sizeof(buf);
		do {
			buf[--i] = (char)('0' + u % 10);
			u /= 10;
		} while (u > 0);
		if (v < 0)
			buf[--i] = '-';
		put(o, buf + i, sizeof(buf) - (size_t)i);
		return;
	}
	n = snprintf(buf, sizeof(buf), "%1.15g", d);
	if (sscanf(buf, "%lg", &back) != 1 || fabs(back - d) > fmax(fabs(back), fabs(d)) * DBL_EPSILON)
		n = snprintf(buf, sizeof(buf), "%1.17g", d);
	if (n < 0 || (size_t)n >= sizeof(buf)) {
		o->failed = 1;
		return;
	}
	point = localeconv()->decimal_point;
	for (i = 0; i < n; i++)
		if (buf[i] == point[0])
			buf[i] = '.';
	put(o, buf, (size_t)n);
}

static void put_value(out *o, const cJSON *item);

/* A member or element: strings, the commonest, without the dispatch. */
static void put_child(out *o, const cJSON *child)
{
	if ((child->type & 0xFF) == cJSON_String)
		put_string(o, child->valuestring, 0);
	else
		put_value(o, child);
}

static void put_value(out *o, const cJSON *item)
{
	const cJSON *child;

	switch (item->type & 0xFF) {
	case cJSON_NULL: put(o, "null", 4); break;
	case cJSON_False: put(o, "false", 5); break;
	case cJSON_True: put(o, "true", 4); break;
	case cJSON_Number: put_number(o, item->valuedouble); break;
	case cJSON_Raw:
		if (item->valuestring == NULL)
			o->failed = 1;
		else
			put(o, item->valuestring, strlen(item->valuestring));
		break;
	case cJSON_String:
		put_string(o, item->valuestring, 0);
		break;
	case cJSON_Array:
		put_char(o, '[');
		for (child = item->child; child != NULL; child = child->next) {
			put_child(o, child);
			if (child->next != NULL)
				put_char(o, ',');
		}
		put_char(o, ']');
		break;
	case cJSON_Object:
		put_char(o, '{');
		for (child = item->child; child != NULL; child = child->next) {
			put_string(o, child->string, 1);
			put_child(o, child);
			if (child->next != NULL)
				put_char(o, ',');
		}
		put_char(o, '}');
		break;
	default: /* cJSON_Invalid: cJSON prints nothing */
		o->failed = 1;
		break;
	}
}

int onco_json_print_append(const cJSON *doc, char **text, size_t *length, size_t *capacity)
{
	out o = {*text, *length, *capacity, 0};

	if (doc == NULL)
		return 0;
	/* An empty buffer starts at 32 KB, the size of most answers. */
	if (o.size == 0) {
		o.text = malloc(32 << 10);
		if (o.text == NULL)
			return 0;
		o.size = 32 << 10;
	}
	put_value(&o, doc);
	/* Grown or not, the buffer is the caller's again. */
	*text = o.text;
	*capacity = o.size;
	if (o.failed)
		return 0;
	o.text[o.used] = '\0';
	*length = o.used;
	return 1;
}

char *onco_json_print_compact(const cJSON *doc)
{
	char *text = NULL;
	size_t length = 0, capacity = 0;

	if (!onco_json_print_append(doc, &text, &length, &capacity)) {
		free(text);
		return NULL;
	}
	return text;
}

/*
 * json_print.c: a cJSON document as compact text (see private/json_out.h).
 *
 * The bytes are those of cJSON_PrintUnformatted (cJSON 1.7.15, the version
 * Debian 12 ships): the same escapes, the same numbers. It is written here
 * because printing took a third of the cost of building an answer: cJSON
 * scans every string twice and measures everything it has printed again
 * with strlen after each value (bench/README.md). One pass into a buffer
 * that doubles; the text is in malloc'd memory, outside any arena.
 */
#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "private/json_out.h"

typedef struct out {
	char *text;
	size_t used, size;
	int failed;
} out;

/* Room for `n` more bytes and the final NUL. */
static int reserve(out *o, size_t n)
{
	size_t size = o->size;
	char *grown;

	if (o->failed)
		return 0;
	if (o->used + n + 1 <= size)
		return 1;
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

static void put(out *o, const char *s, size_t n)
{
	if (reserve(o, n)) {
		memcpy(o->text + o->used, s, n);
		o->used += n;
	}
}

/* One byte of structure (brackets, commas, colons): most of the calls, so
 * without the memcpy call. */
static void put_char(out *o, char c)
{
	if (o->used + 2 <= o->size || reserve(o, 1))
		o->text[o->used++] = c;
}

/* The bytes cJSON escapes: controls, the quote and the backslash. */
static const unsigned char escaped[256] = {
	[0] = 1, [1] = 1, [2] = 1, [3] = 1, [4] = 1, [5] = 1, [6] = 1, [7] = 1,
	[8] = 1, [9] = 1, [10] = 1, [11] = 1, [12] = 1, [13] = 1, [14] = 1, [15] = 1,
	[16] = 1, [17] = 1, [18] = 1, [19] = 1, [20] = 1, [21] = 1, [22] = 1, [23] = 1,
	[24] = 1, [25] = 1, [26] = 1, [27] = 1, [28] = 1, [29] = 1, [30] = 1, [31] = 1,
	['"'] = 1, ['\\'] = 1};

/* Whether none of the 8 bytes of `w` needs an escape: no byte below 0x20,
 * no quote, no backslash (the bit tricks of "Bit Twiddling Hacks": a byte
 * below n, a byte equal to zero; both exact as tests of "any"). */
static int plain_word(uint64_t w)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');

	return ((((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) |
		 ((backslash - ones) & ~backslash)) & highs) == 0;
}

/* Room for the worst case (every byte a \u00XX escape) is reserved once;
 * the string is then copied eight bytes at a time while they need no
 * escape, byte by byte around an escape. Strings here are short keys and
 * sentences: one memcpy call per run of plain bytes cost more than the
 * copy. */
static void put_string(out *o, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)(s != NULL ? s : "");
	size_t length = strlen((const char *)p);
	const unsigned char *end = p + length;
	char *d;

	if (length > (SIZE_MAX - 2) / 6 || !reserve(o, length * 6 + 2)) {
		o->failed = 1;
		return;
	}
	d = o->text + o->used;
	*d++ = '"';
	while (p < end) {
		uint64_t w;

		if (end - p >= 8) {
			memcpy(&w, p, 8);
			if (plain_word(w)) {
				memcpy(d, &w, 8);
				d += 8;
				p += 8;
				continue;
			}
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
	*d++ = '"';
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
		put_string(o, item->valuestring);
		break;
	case cJSON_Array:
		put_char(o, '[');
		for (child = item->child; child != NULL; child = child->next) {
			put_value(o, child);
			if (child->next != NULL)
				put_char(o, ',');
		}
		put_char(o, ']');
		break;
	case cJSON_Object:
		put_char(o, '{');
		for (child = item->child; child != NULL; child = child->next) {
			put_string(o, child->string);
			put_char(o, ':');
			put_value(o, child);
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

char *onco_json_print_compact(const cJSON *doc)
{
	out o = {NULL, 0, 32 << 10, 0};

	if (doc == NULL)
		return NULL;
	o.text = malloc(o.size);
	if (o.text == NULL)
		return NULL;
	put_value(&o, doc);
	if (o.failed) {
		free(o.text);
		return NULL;
	}
	o.text[o.used] = '\0';
	return o.text;
}

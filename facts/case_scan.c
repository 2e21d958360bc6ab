/*
 * case_scan.c: stage 1 of reading a case, on the raw text (see
 * onco_case_scan in case_internal.h).
 *
 * It is not a parser: it follows only brackets, commas, colons and strings,
 * which is enough to know the depth and the JSON pointer of every string,
 * and it never recurses, so any depth costs one frame per level and stops
 * at the limit. Syntax errors are left to cJSON, which runs only when this
 * stage has found the text shallow enough.
 */
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "buf.h"
#include "case_internal.h"

/* No key yet: the pointer token is "" (as for the empty key). */
#define NO_KEY ((size_t)-1)

typedef struct frame {
	char kind;       /* '{' or '[' */
	bool expect_key; /* object: the next string is a key */
	size_t index;    /* array: index of the current item */
	size_t key_at;   /* object: where the current key's quote is, or NO_KEY;
			  * decoded only for a pointer (current_pointer) */
} frame;

typedef struct scanner {
	const unsigned char *s;
	size_t n, i;
	frame *frames;
	size_t depth, capacity;
	onco_buf pointer, message;
	onco_buf key; /* a key decoded for a pointer */
} scanner;

static int scan_string(scanner *sc, onco_buf *key, onco_buf *message, bool *problem,
		       bool *closed);

/* The key whose opening quote is at `at` (NO_KEY: ""), decoded into
 * sc->key. */
static int decode_key(scanner *sc, size_t at)
{
	size_t resume = sc->i;
	bool problem, closed;
	int rc;

	onco_buf_truncate(&sc->key, 0);
	if (at == NO_KEY)
		return 0;
	sc->i = at;
	rc = scan_string(sc, &sc->key, NULL, &problem, &closed);
	sc->i = resume;
	return rc;
}

/* The pointer of the value (or key) being scanned, into sc->pointer. */
static int current_pointer(scanner *sc)
{
	size_t d;
	int rc = 0;

	onco_buf_truncate(&sc->pointer, 0);
	for (d = 0; rc == 0 && d < sc->depth; d++) {
		if (sc->frames[d].kind == '[')
			rc = onco_buf_pointer_index(&sc->pointer,
						    sc->frames[d].index);
		else if ((rc = decode_key(sc, sc->frames[d].key_at)) == 0)
			rc = onco_buf_pointer_key(&sc->pointer, onco_buf_text(&sc->key));
	}
	return rc;
}

static int push_frame(scanner *sc, char kind)
{
	frame *frames;
	size_t capacity;

	if (sc->depth == sc->capacity) {
		capacity = sc->capacity != 0 ? sc->capacity * 2 : 16;
		frames = realloc(sc->frames, capacity * sizeof(*frames));
		if (frames == NULL)
			return ONCO_ENOMEM;
		sc->frames = frames;
		sc->capacity = capacity;
	}
	sc->frames[sc->depth].kind = kind;
	sc->frames[sc->depth].expect_key = kind == '{';
	sc->frames[sc->depth].index = 0;
	sc->frames[sc->depth].key_at = NO_KEY;
	sc->depth++;
	return 0;
}

static int hex4(const unsigned char *s, size_t n, unsigned long *out)
{
	size_t i;
	unsigned long v = 0;

	if (n < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		v <<= 4;
		if (s[i] >= '0' && s[i] <= '9')
			v |= s[i] - '0';
		else if (s[i] >= 'a' && s[i] <= 'f')
			v |= s[i] - 'a' + 10;
		else if (s[i] >= 'A' && s[i] <= 'F')
			v |= s[i] - 'A' + 10;
		else
			return -1;
	}
	*out = v;
	return 0;
}

static int put_utf8(onco_buf *b, unsigned long cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | (cp >> 6));
		u[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | (cp >> 12));
		u[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		u[0] = (char)(0xf0 | (cp >> 18));
		u[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		u[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	return onco_buf_append(b, u, n);
}

/* Decodes the escape at s[i] == '\\'. Returns how many bytes it takes;
 * *cp gets the code point (for \u0000). *bad_hex is set for a \u not
 * followed by four hex digits: cJSON 1.7 reads those digits as 0, which
 * would cut the string short without an error, so the scanner must refuse
 * them itself. Other bad escapes (\x) cJSON rejects. */
static size_t escape(const unsigned char *s, size_t n, size_t i,
		     unsigned long *cp, bool *bad_hex)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *hit;
	unsigned long low;

	*cp = 0xfffd;
	*bad_hex = false;
	if (i + 1 >= n)
		return 1;
	if (s[i + 1] != 'u') {
		hit = s[i + 1] != '\0' ? strchr(from, s[i + 1]) : NULL;
		if (hit != NULL)
			*cp = (unsigned char)to[hit - from];
		return 2;
	}
	if (hex4(s + i + 2, n - i - 2, cp) != 0) {
		*cp = 0xfffd;
		*bad_hex = true;
		return 2;
	}
	if (*cp >= 0xd800 && *cp <= 0xdbff && i + 11 < n &&
	    s[i + 6] == '\\' && s[i + 7] == 'u' &&
	    hex4(s + i + 8, n - i - 8, &low) == 0 && low >= 0xdc00 &&
	    low <= 0xdfff) {
		*cp = 0x10000 + ((*cp - 0xd800) << 10) + (low - 0xdc00);
		return 12;
	}
	if (*cp >= 0xd800 && *cp <= 0xdfff)
		*cp = 0xfffd;
	return 6;
}

/* Where the run of plain ASCII (no control, no quote, no backslash, no
 * byte of a longer UTF-8 sequence) that starts at s[i] ends: 16 bytes at a
 * time where SSE2 is (bytes 0x80 and up are negative as signed bytes, so
 * one comparison finds them and the controls), then byte by byte. */
static size_t plain_run(const unsigned char *s, size_t i, size_t n)
{
#ifdef __SSE2__
	const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'),
		      backslash = _mm_set1_epi8('\\');

	while (n - i >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		unsigned stop = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			_mm_cmplt_epi8(v, space),
			_mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash))));

		if (stop != 0)
			return i + (size_t)__builtin_ctz(stop);
		i += 16;
	}
#endif
	while (i < n && s[i] >= 0x20 && s[i] < 0x80 && s[i] != '"' && s[i] != '\\')
		i++;
	return i;
}

/*
 * Scans the string whose opening quote is at sc->i and leaves sc->i after
 * its closing quote (or at the end of the text). Decodes it into `key`
 * when not NULL. The first encoding problem goes into `message` (when not
 * NULL).
 */
static int scan_string(scanner *sc, onco_buf *key, onco_buf *message, bool *problem,
		       bool *closed)
{
	const unsigned char *s = sc->s;
	size_t i = sc->i + 1, len;
	unsigned long cp;
	bool bad_hex;
	int rc = 0;

	/* Without a message, nothing is reported: as if a problem already
	 * had been (the text is decoded all the same). */
	*problem = message == NULL;
	*closed = false;
	if (key != NULL)
		onco_buf_truncate(key, 0);
	if (message != NULL)
		onco_buf_truncate(message, 0);
	while (rc == 0 && i < sc->n && s[i] != '"') {
		if (s[i] == '\\') {
			len = escape(s, sc->n, i, &cp, &bad_hex);
			if (bad_hex && !*problem) {
				*problem = true;
				rc = onco_buf_printf(message,
					"has an invalid escape at byte %zu: \\u "
					"must be followed by four hex digits", i);
			} else if (cp == 0 && !*problem) {
				*problem = true;
				rc = onco_buf_printf(message,
					"contains \\u0000 (NUL) at byte %zu; "
					"text may not hold NUL characters", i);
			}
			if (rc == 0 && key != NULL)
				rc = put_utf8(key, cp);
		} else if (s[i] < 0x20) {
			len = 1;
			if (!*problem) {
				*problem = true;
				rc = onco_buf_printf(message,
					"contains the control character 0x%02x "
					"at byte %zu; write it escaped",
					s[i], i);
			}
		} else if (s[i] < 0x80) {
			/* A run of plain ASCII (most of any case) at once. */
			size_t start = i;

			i = plain_run(s, i, sc->n);
			if (key != NULL)
				rc = onco_buf_append(key, (const char *)s + start, i - start);
			continue;
		} else {
			len = onco_utf8_sequence(s + i, sc->n - i);
			if (len == 0) {
				len = 1;
				if (!*problem) {
					*problem = true;
					rc = onco_buf_printf(message,
						"is not valid UTF-8 (byte 0x%02x "
						"at byte %zu)", s[i], i);
				}
				if (rc == 0 && key != NULL)
					rc = put_utf8(key, 0xfffd);
			} else if (key != NULL) {
				rc = onco_buf_append(key, (const char *)s + i,
						     len);
			}
		}
		i += len;
	}
	if (i < sc->n) {
		*closed = true;
		i++;
	}
	sc->i = i < sc->n ? i : sc->n;
	return rc;
}

static int report(scanner *sc, onco_case_issues *issues,
		  onco_scan_result *out, const char *message)
{
	int rc = current_pointer(sc);

	if (rc == 0)
		rc = onco_issues_add(issues, onco_buf_text(&sc->pointer),
				     message);
	out->problems++;
	return rc;
}

/* One structural byte outside strings. */
static int step(scanner *sc, const onco_case_limits *limits,
		onco_case_issues *issues, onco_scan_result *out)
{
	frame *top = sc->depth > 0 ? &sc->frames[sc->depth - 1] : NULL;
	unsigned char c = sc->s[sc->i++];
	int rc = 0;

	if (c == '{' || c == '[') {
		if (limits->max_depth < 0 ||
		    sc->depth >= (size_t)limits->max_depth) {
			onco_buf_truncate(&sc->message, 0);
			rc = onco_buf_printf(&sc->message,
				"nested deeper than the limit of %d levels",
				limits->max_depth);
			if (rc == 0)
				rc = report(sc, issues, out,
					    onco_buf_text(&sc->message));
			out->too_deep = true;
			return rc;
		}
		return push_frame(sc, (char)c);
	}
	if ((c == '}' || c == ']') && sc->depth > 0)
		sc->depth--;
	else if (c == ',' && top != NULL && top->kind == '[')
		top->index++;
	else if (c == ',' && top != NULL)
		top->expect_key = true;
	else if (c == ':' && top != NULL)
		top->expect_key = false;
	return 0;
}

int onco_case_scan(onco_scan_result *out, const char *text, size_t length,
		   const onco_case_limits *limits, onco_case_issues *issues)
{
	scanner sc = { (const unsigned char *)text, length, 0, NULL, 0, 0,
		       ONCO_BUF_INIT, ONCO_BUF_INIT, ONCO_BUF_INIT };
	frame *top;
	bool problem, closed = true;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	while (rc == 0 && !out->too_deep && sc.i < sc.n) {
		if (sc.s[sc.i] != '"') {
			rc = step(&sc, limits, issues, out);
			continue;
		}
		top = sc.depth > 0 ? &sc.frames[sc.depth - 1] : NULL;
		if (top != NULL && top->kind == '{' && top->expect_key)
			top->key_at = sc.i;
		rc = scan_string(&sc, NULL, &sc.message, &problem, &closed);
		if (rc == 0 && problem)
			rc = report(&sc, issues, out,
				    onco_buf_text(&sc.message));
	}
	out->incomplete = !out->too_deep && (sc.depth > 0 || !closed);
	free(sc.frames);
	onco_buf_free(&sc.key);
	onco_buf_free(&sc.pointer);
	onco_buf_free(&sc.message);
	return rc;
}

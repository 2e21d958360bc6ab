/*
 * json_alloc.c: what cJSON allocates through (see onco_facts.h).
 *
 * The failure count. cJSON answers NULL both for text that is not JSON and
 * for an allocation that failed while parsing; only the second is an
 * internal error. cJSON allocates through hooks that are process-wide, so
 * the hook counts the failures of the calling thread: a parse that
 * returned NULL while the count moved ran out of memory.
 *
 * The arena. Building one answer makes some 2,300 small cJSON allocations
 * (nodes, strings, the printed text) that all die together once the answer
 * is printed; through malloc and free they cost an eighth of an evaluation
 * and most of its fresh memory traffic (bench/README.md). An engine
 * therefore owns an arena: while it evaluates a case, its thread's cJSON
 * allocations are cut from the arena's chunks and freeing one does
 * nothing; leaving the arena releases them all at once and keeps the
 * chunks for the next case.
 *
 * cJSON's hooks take no context, so the count and the arena in use are
 * thread-local: the only state outside the caller's structs in the case
 * layer. The count carries no error details; the arena pointer is set and
 * cleared by the engine around one call.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "onco_compiler.h"
#include "onco_facts.h"

/* Under AddressSanitizer a block's size sits in front of it, so that
 * freeing it poisons it and a use after free is still caught; chunks are
 * poisoned until cut and again when the arena is left. */
#ifdef ONCO_ASAN
#include <sanitizer/asan_interface.h>
#define BLOCK_HEADER ((size_t)16)
#else
#define ASAN_POISON_MEMORY_REGION(a, s) ((void)(a), (void)(s))
#define ASAN_UNPOISON_MEMORY_REGION(a, s) ((void)(a), (void)(s))
#define BLOCK_HEADER ((size_t)0)
#endif

#define ALIGN ((size_t)16)
/* One answer takes about 100 KB of blocks (bench/phases.py). */
#define CHUNK_SIZE ((size_t)64 << 10)
/* Chunks kept for the next case: more than the usual answer needs, little
 * next to an engine (a few MB). */
#define KEEP_BYTES ((size_t)1 << 20)

typedef struct chunk {
	struct chunk *next;
	size_t size; /* bytes of data */
	size_t used;
	_Alignas(16) unsigned char data[];
} chunk;

struct onco_json_arena {
	chunk *chunks; /* cut from, newest first */
	chunk *spare;  /* kept from earlier cases, KEEP_BYTES at most */
	size_t bytes;  /* data bytes of `chunks` */
	int nested;    /* entered while another arena (or this one) was in use */
};

static _Thread_local unsigned long json_alloc_failures;
static _Thread_local onco_json_arena *current;

static int arena_owns(const onco_json_arena *a, const void *p)
{
	uintptr_t at = (uintptr_t)p;
	const chunk *c;

	for (c = a->chunks; c != NULL; c = c->next)
		if (at >= (uintptr_t)c->data && at < (uintptr_t)c->data + c->size)
			return 1;
	return 0;
}

/* A chunk with room for `need` bytes: the first spare one that fits, or a
 * new one. Past KEEP_BYTES in use, a new chunk is as large as everything
 * cut so far, so that a huge answer needs few chunks and the walk in
 * arena_owns stays short. NULL when malloc fails. */
static chunk *arena_grow(onco_json_arena *a, size_t need)
{
	chunk **link = &a->spare, *c;
	size_t size;

	while (*link != NULL && (*link)->size < need)
		link = &(*link)->next;
	c = *link;
	if (c != NULL) {
		*link = c->next;
	} else {
		if (need > SIZE_MAX - sizeof(*c))
			return NULL;
		size = need > CHUNK_SIZE ? need : CHUNK_SIZE;
		if (a->bytes > KEEP_BYTES && a->bytes > size)
			size = a->bytes;
		c = malloc(sizeof(*c) + size);
		if (c == NULL)
			return NULL;
		c->size = size;
		ASAN_POISON_MEMORY_REGION(c->data, c->size);
	}
	c->used = 0;
	c->next = a->chunks;
	a->chunks = c;
	a->bytes += c->size;
	return c;
}

/* A block of `size` bytes cut from `c`, which has room for `need`. */
static void *cut(chunk *c, size_t size, size_t need)
{
	unsigned char *block = c->data + c->used;

	c->used += need;
	ASAN_UNPOISON_MEMORY_REGION(block, BLOCK_HEADER + size);
	if (BLOCK_HEADER > 0)
		memcpy(block, &size, sizeof(size));
	return block + BLOCK_HEADER;
}

/* Kept out of line, so that hook_malloc's usual path saves no registers
 * (a third of its instructions when inlined). */

/* A block cut from a new chunk, or malloc's when no arena is in use; NULL
 * (and a failure counted) when memory runs out. */
static ONCO_NOINLINE void *alloc_slow(size_t size)
{
	onco_json_arena *a = current;
	size_t need = (size + BLOCK_HEADER + ALIGN - 1) & ~(ALIGN - 1);
	void *block = NULL;
	chunk *c;

	if (a == NULL) {
		block = malloc(size);
	} else if (need >= size && need <= SIZE_MAX - sizeof(chunk)) {
		/* size near SIZE_MAX: rounding it up, or adding the chunk
		 * header in arena_grow, would wrap round to a small block */
		c = arena_grow(a, need);
		if (c != NULL)
			block = cut(c, size, need);
	}
	if (block == NULL)
		json_alloc_failures++;
	return block;
}

/* Most blocks are cut from the newest chunk: a test and an addition, with
 * the rest (a new chunk, no arena, a size that would wrap) left to
 * alloc_slow. */
static void *hook_malloc(size_t size)
{
	onco_json_arena *a = current;
	size_t need = (size + BLOCK_HEADER + ALIGN - 1) & ~(ALIGN - 1);
	chunk *c;

	if (a == NULL || (c = a->chunks) == NULL || need < size || c->size - c->used < need)
		return alloc_slow(size);
	return cut(c, size, need);
}

static void hook_free(void *p)
{
	if (p != NULL && current != NULL && arena_owns(current, p)) {
#ifdef ONCO_ASAN
		size_t size;

		memcpy(&size, (unsigned char *)p - BLOCK_HEADER, sizeof(size));
		ASAN_POISON_MEMORY_REGION((unsigned char *)p - BLOCK_HEADER, BLOCK_HEADER + size);
#endif
		return;
	}
	free(p);
}

static pthread_once_t hooks_once = PTHREAD_ONCE_INIT;

static void install_hooks(void)
{
	cJSON_Hooks hooks = { hook_malloc, hook_free };

	cJSON_InitHooks(&hooks);
}

void onco_json_hooks_install(void)
{
	pthread_once(&hooks_once, install_hooks);
}

unsigned long onco_json_alloc_failures(void)
{
	return json_alloc_failures;
}

int onco_json_arena_new(onco_json_arena **out)
{
	*out = calloc(1, sizeof(**out));
	return *out != NULL ? 0 : ONCO_ENOMEM;
}

static void free_chunks(chunk *c)
{
	while (c != NULL) {
		chunk *next = c->next;

		ASAN_UNPOISON_MEMORY_REGION(c->data, c->size);
		free(c);
		c = next;
	}
}

void onco_json_arena_free(onco_json_arena *a)
{
	if (a == NULL)
		return;
	/* never leave the thread pointing at freed memory */
	if (current == a)
		current = NULL;
	free_chunks(a->chunks);
	free_chunks(a->spare);
	free(a);
}

void onco_json_arena_enter(onco_json_arena *a)
{
	onco_json_hooks_install();
	if (current != NULL)
		a->nested++;
	else
		current = a;
}

void onco_json_arena_leave(onco_json_arena *a)
{
	size_t kept = 0;
	chunk *c, *next, *gone = NULL;

	if (a->nested > 0) {
		a->nested--;
		return;
	}
	/* not in use on this thread: nothing to leave, and the arena that is
	 * in use stays so */
	if (current != a)
		return;
	current = NULL;
	for (c = a->spare; c != NULL; c = c->next)
		kept += c->size;
	for (c = a->chunks; c != NULL; c = next) {
		next = c->next;
		ASAN_POISON_MEMORY_REGION(c->data, c->size);
		if (kept + c->size <= KEEP_BYTES) {
			c->next = a->spare;
			a->spare = c;
			kept += c->size;
		} else {
			c->next = gone;
			gone = c;
		}
	}
	free_chunks(gone);
	a->chunks = NULL;
	a->bytes = 0;
}

int onco_json_arena_depth(const onco_json_arena *a)
{
	if (a == NULL)
		return 0;
	return a->nested + (current == a);
}

void onco_json_arena_unwind(onco_json_arena *a, int depth)
{
	while (onco_json_arena_depth(a) > depth)
		onco_json_arena_leave(a);
}

int onco_json_arena_active(void)
{
	return current != NULL;
}

char *onco_json_arena_export(char *text)
{
	char *copy;
	size_t n;

	if (text == NULL || current == NULL || !arena_owns(current, text))
		return text;
	n = strlen(text) + 1;
	copy = malloc(n);
	if (copy == NULL) {
		json_alloc_failures++;
		return NULL;
	}
	return memcpy(copy, text, n);
}

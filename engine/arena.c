/* arena.c: memory handed out in blocks, freed at once (see arena.h). */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

/* A block; pieces are taken from its start, in order. */
typedef struct onco_arena_block {
	struct onco_arena_block *next;
	size_t used, size;
	max_align_t data[]; /* size bytes */
} onco_arena_block;

/* Large enough that a block holds a few hundred pieces, small enough that
 * a small tree does not hold much unused memory. */
enum { BLOCK_MIN = 16384 };

void *onco_arena_alloc(onco_arena *arena, size_t size)
{
	onco_arena_block *b = arena->blocks;
	size_t need = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);

	if (need < size)
		return NULL; /* size so large that rounding it up overflowed */
	if (b == NULL || b->size - b->used < need) {
		size_t block = need > BLOCK_MIN ? need : BLOCK_MIN;

		if (block > (size_t)-1 - sizeof(*b))
			return NULL;
		b = malloc(sizeof(*b) + block);
		if (b == NULL)
			return NULL;
		b->next = arena->blocks;
		b->used = 0;
		b->size = block;
		arena->blocks = b;
	}
	b->used += need;
	return (char *)b->data + b->used - need;
}

char *onco_arena_strndup(onco_arena *arena, const char *s, size_t length)
{
	char *copy = length < (size_t)-1 ? onco_arena_alloc(arena, length + 1) : NULL;

	if (copy != NULL) {
		memcpy(copy, s, length);
		copy[length] = '\0';
	}
	return copy;
}

void onco_arena_free(onco_arena *arena)
{
	onco_arena_block *b = arena->blocks;

	while (b != NULL) {
		onco_arena_block *next = b->next;

		free(b);
		b = next;
	}
	arena->blocks = NULL;
}

/*
 * arena.h: memory handed out in blocks and freed all at once (arena.c),
 * for structures made of many small pieces that live and die together: an
 * S-expression tree (sexpr.c), the rules' info read from a compiled image
 * (image_rules.c). One allocation per block instead of one per piece: at
 * start-up, reading nine thousand strings one malloc each cost more than
 * reading the image itself.
 *
 * Ownership: an arena owns every piece it handed out; onco_arena_free frees
 * them all (and leaves the arena empty, ready for use again). A zeroed
 * onco_arena is an empty arena. Not thread-safe: one owner at a time.
 */
#ifndef ONCO_ARENA_H
#define ONCO_ARENA_H

#include <stddef.h>

struct onco_arena_block;

typedef struct onco_arena {
	struct onco_arena_block *blocks; /* the newest first */
} onco_arena;

/* `size` bytes aligned for any type, uninitialised; NULL when memory runs
 * out (the arena is unchanged). */
void *onco_arena_alloc(onco_arena *arena, size_t size);

/* A NUL-terminated copy of the `length` bytes at `s`; NULL when memory
 * runs out. */
char *onco_arena_strndup(onco_arena *arena, const char *s, size_t length);

/* Frees every piece of the arena at once. */
void onco_arena_free(onco_arena *arena);

#endif

/*
 * heap.c: one system call instead of a thousand page faults at start-up.
 *
 * Opening an engine touches about 3 MB of fresh heap (the CLIPS symbol and
 * fact hash tables, the rule base), one page fault per 4 KiB page. Where a
 * page fault is dear (about 10 us in the virtual machines we measured, a
 * third of a single `evaluate`), growing the heap once by 4 MB and
 * populating it with MADV_POPULATE_WRITE (Linux 5.14) is much cheaper; see
 * docs/performance.md. Without glibc or that madvise flag this does nothing
 * and costs nothing.
 */
#define _GNU_SOURCE

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.h"

#define HEAP_RESERVE (4 << 20)

void cli_heap_prefault(void)
{
#if defined(__GLIBC__) && defined(MADV_POPULATE_WRITE)
	static int done; /* once per process; the CLI's main thread only */
	uintptr_t start;
	char *top;
	void *p;

	if (done)
		return;
	done = 1;
	/* Keep the large tables on the heap rather than in mmaps of their
	 * own, and do not hand freed heap back to the system early; then grow
	 * the heap by one block, populate it, and free it for later use. */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	p = malloc(HEAP_RESERVE);
	if (p == NULL)
		return;
	top = sbrk(0);
	start = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
	if (top != (char *)-1 && (uintptr_t)top > start)
		(void)madvise((void *)start, (size_t)((uintptr_t)top - start),
			      MADV_POPULATE_WRITE);
	free(p);
#endif
}

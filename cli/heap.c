/*
 * heap.c: the process's memory policy, set once before the first engine.
 *
 * - A reserve for CLIPS. CLIPS 6.30 cannot create an environment when
 *   malloc fails (it prints [MEMORY1] to standard output and exits 1, or
 *   crashes; engine.c): before each engine the command takes 4 MB of heap
 *   and frees it with the heap kept (no trimming, large blocks on the
 *   heap), so that the environment's tables come out of it. If even that
 *   cannot be had, the command stops with "out of memory" before it opens
 *   the engine.
 * - One system call instead of a thousand page faults at start-up. Opening
 *   an engine touches about 3 MB of fresh heap, one page fault per 4 KiB
 *   page. Where a page fault is dear (about 10 us in the virtual machines
 *   we measured, a third of a single `evaluate`), populating the reserve
 *   with MADV_POPULATE_WRITE (Linux 5.14) is much cheaper; see
 *   docs/performance.md.
 * - One malloc arena under an address-space limit (ulimit -v). Each thread
 *   would try to reserve an arena of 64 MB of address space; when the limit
 *   refuses it, glibc tries again at every allocation, and `batch` ran 77
 *   times slower. With a limit set, all threads share the main arena.
 * Without glibc this only checks the reserve.
 */
#define _GNU_SOURCE

#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli.h"

#define HEAP_RESERVE (4 << 20)

int cli_heap_prefault(void)
{
	static int done; /* the policy once per process; the CLI's main thread only */
	struct rlimit limit;
	void *p;

	if (done) {
		/* Every further engine (batch opens one per worker) gets its
		 * reserve too: freed, it stays in the heap for its tables. */
		p = malloc(HEAP_RESERVE);
		free(p);
		return p != NULL ? 0 : -1;
	}
#ifdef __GLIBC__
	/* Keep the large tables on the heap rather than in mmaps of their own,
	 * and do not hand freed heap back to the system early. */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY)
		mallopt(M_ARENA_MAX, 1);
#else
	(void)limit;
#endif
	p = malloc(HEAP_RESERVE);
	if (p == NULL)
		return -1;
	done = 1;
#if defined(__GLIBC__) && defined(MADV_POPULATE_WRITE)
	{
		uintptr_t start = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
		char *top = sbrk(0);

		if (top != (char *)-1 && (uintptr_t)top > start)
			(void)madvise((void *)start, (size_t)((uintptr_t)top - start),
				      MADV_POPULATE_WRITE);
	}
#endif
	free(p);
	return 0;
}

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
 * - Two huge pages instead of a thousand small ones at start-up. Opening
 *   an engine touches about 3.6 MB of fresh heap, one page fault per 4 KiB
 *   page. Where a page fault is dear (about 10 us in the virtual machines
 *   we measured, a third of a single `evaluate`), populating the reserve
 *   with MADV_POPULATE_WRITE (Linux 5.14) is much cheaper, and cheaper
 *   still in 2 MB pages: the reserve starts at a 2 MB boundary (the bytes
 *   below it are left to a block never touched) and is advised
 *   MADV_HUGEPAGE before it is populated. Where transparent huge pages are
 *   off, the populate is done in 4 KiB pages as before. See
 *   docs/performance.md for the figures and the kernel's setting that
 *   decides whether a huge page may wait for compaction.
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
#define HUGE_PAGE ((uintptr_t)2 << 20)

/* The reserve where it falls; *end where the populate should stop. */
static void *plain_reserve(uintptr_t *end)
{
	void *p = malloc(HEAP_RESERVE);

	*end = p != NULL ? (uintptr_t)p + HEAP_RESERVE : 0;
	return p;
}

/* Where the heap can be grown in huge pages (glibc's malloc on Linux, not
 * a sanitizer's allocator), the reserve starts at a huge page boundary and
 * the two huge pages above it are advised MADV_HUGEPAGE before anything
 * touches them. *skipped receives the block below the boundary, which stays
 * allocated and untouched (address space only); *end, where the populate
 * should stop. Aligning needs 2 MB more address space; when that cannot be
 * had, the plain reserve does (NULL only when not even that can). */
static void *reserve_on_boundary(void **skipped, uintptr_t *end)
{
	void *p = malloc(HEAP_RESERVE + HUGE_PAGE);
	uintptr_t boundary, below;
	char *top;

	*skipped = NULL;
	if (p == NULL)
		return plain_reserve(end);
	*end = (uintptr_t)p + HEAP_RESERVE;
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE) && !defined(__SANITIZE_ADDRESS__)
	/* Only for the heap proper: the block must end where the heap does. */
	top = sbrk(0);
	if (top == (char *)-1 || (uintptr_t)p + HEAP_RESERVE + HUGE_PAGE > (uintptr_t)top)
		return p;
	boundary = ((uintptr_t)p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
	below = boundary - (uintptr_t)p;
	free(p);
	/* glibc puts the freed block back on top of the heap and cuts the next
	 * requests from its start: the block below the boundary (64 bytes
	 * short, for the reserve's header), then the reserve, one page longer
	 * than the huge pages so that the header glibc writes after it lands
	 * beyond them (a small page mapped inside a huge page's range keeps
	 * that range in small pages). */
	if (below >= 4096 && (*skipped = malloc(below - 64)) == NULL)
		return plain_reserve(end);
	p = malloc(HEAP_RESERVE + 4096);
	if (p == NULL) {
		free(*skipped);
		*skipped = NULL;
		return plain_reserve(end);
	}
	*end = (uintptr_t)p + HEAP_RESERVE;
	if ((uintptr_t)p > boundary || boundary - (uintptr_t)p >= 4096)
		return p; /* not where glibc was expected to put it: small pages */
	(void)madvise((void *)boundary, HEAP_RESERVE, MADV_HUGEPAGE);
	*end = boundary + HEAP_RESERVE;
#else
	(void)boundary;
	(void)below;
	(void)top;
#endif
	return p;
}

int cli_heap_prefault(void)
{
	static int done; /* the policy once per process; the CLI's main thread only */
	static void *skipped; /* the block below the reserve, kept for the process */
	struct rlimit limit;
	uintptr_t end;
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
	p = reserve_on_boundary(&skipped, &end);
	if (p == NULL)
		return -1;
	done = 1;
#if defined(__GLIBC__) && defined(MADV_POPULATE_WRITE)
	{
		uintptr_t start = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
		char *top = sbrk(0);

		end = (end + 4095) & ~(uintptr_t)4095;
		if (top != (char *)-1 && (uintptr_t)top >= end && end > start)
			(void)madvise((void *)start, (size_t)(end - start), MADV_POPULATE_WRITE);
	}
#endif
	free(p);
	return 0;
}

/*
 * fail_big.c: an LD_PRELOAD module that makes one or two of a process's
 * large allocations fail, for tests/scripts/test_heap_reserve.sh.
 *
 * The command's start-up heap reserve (cli/heap.c) is taken before any
 * engine exists, so tests/fi/fault_inject.c, which opens the engine first,
 * never reaches it. This module counts the calls to malloc of 4000 bytes or
 * more from process start and returns NULL (errno ENOMEM) for the one
 * numbered FAIL_BIG and the one numbered FAIL_BIG_B (environment; counted
 * from 1). With FAIL_BIG_LOG set it lists each counted call on standard
 * error, so that a test can see the failure happened. Every other call goes
 * to glibc's allocator (__libc_malloc); calloc, realloc and free are
 * glibc's own. Not built with the sanitizers (their runtime must come
 * first in a process).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

extern void *__libc_malloc(size_t size);

static int counted;

static void say(int number, size_t size, int refused)
{
	char line[80];
	int n = snprintf(line, sizeof(line), "[fail_big #%d: %zu bytes%s]\n", number, size,
			 refused ? " refused" : "");

	if (n > 0 && write(2, line, (size_t)n) < 0)
		return; /* nothing to do about a failed write to stderr */
}

static int chosen(const char *name, int number)
{
	const char *value = getenv(name);

	return value != NULL && atoi(value) == number;
}

void *malloc(size_t size)
{
	int number;

	if (size < 4000)
		return __libc_malloc(size);
	number = ++counted;
	if (chosen("FAIL_BIG", number) || chosen("FAIL_BIG_B", number)) {
		if (getenv("FAIL_BIG_LOG") != NULL)
			say(number, size, 1);
		errno = ENOMEM;
		return NULL;
	}
	if (getenv("FAIL_BIG_LOG") != NULL)
		say(number, size, 0);
	return __libc_malloc(size);
}

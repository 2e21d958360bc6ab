/*
 * lib_fail.c: fails the Nth allocation made inside chosen shared libraries
 * (Graphviz, OpenSSL, libjwt, ...): an rtld-audit module, loaded with
 * LD_AUDIT, for tests/fi/lib_sweep.py.
 *
 * tests/fi/fault_inject.c counts the allocations of our code, CLIPS and
 * cJSON, which are linked statically and wrapped at link time; a shared
 * library calls malloc through its own relocations, which no --wrap
 * reaches. The dynamic linker tells an audit module of each object it
 * loads (la_objopen) and of each symbol binding it makes (la_symbind64,
 * for lazy and immediate binding alike since glibc 2.35), and takes the
 * address the module returns in place of the symbol's. So a library whose
 * file name is chosen has its references to malloc, calloc, realloc,
 * strdup, ... bound to the counting functions below, which call the
 * definition the binding would have used (glibc's, or the sanitizers'
 * runtime in an ASan build); every other object keeps its bindings. What
 * is counted is decided by the link map a call was bound from, not by
 * guessing from return addresses, and no malloc is defined here, so the
 * module works under AddressSanitizer too (an LD_PRELOAD allocator cannot
 * come before the sanitizers' runtime). Not counted: what the C library
 * allocates inside the functions a chosen library calls (fopen, qsort,
 * regcomp): those are the C library's allocations.
 *
 * The count lives in a shared mapping, so a process and the children it
 * forks (cli/graph.c draws in a child) number their calls in one sequence.
 *
 * Environment (read when the process starts):
 *   LIB_FAIL_OBJECTS  the chosen objects: file-name prefixes separated by
 *                     ':' (libcgraph.so:libgvplugin_); required
 *   LIB_FAIL_AT       N: the Nth counted call fails (NULL, errno ENOMEM);
 *                     0 or unset: none does
 *   LIB_FAIL_PERSISTENT  set: every call from the Nth on fails
 *   LIB_FAIL_STATE    a file that holds the count (made, reset at start,
 *                     left for the caller to read: the number of calls)
 *   LIB_FAIL_TRACE    a file that gets a line per counted call:
 *                     "N FUNCTION SIZE OBJECT+0xOFFSET [SYMBOL]" with the
 *                     calling object and the return address in it, and
 *                     " FAILED" at the end of the call that failed
 *   LIB_FAIL_HIDE     file-name prefixes (':'-separated) of objects that
 *                     cannot be found (la_objsearch): a library that is
 *                     not installed
 *
 * The module runs in a link namespace of its own, with its own copy of the
 * C library: it allocates nothing (mmap, write and snprintf on the stack
 * only) and never calls the program's allocator except on a counted call's
 * behalf.
 */
#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* ------------------------------------------------------------ settings */

#define MAX_PREFIXES 16
#define PREFIX_BYTES 64

typedef struct prefixes {
	char items[MAX_PREFIXES][PREFIX_BYTES];
	int count;
} prefixes;

static prefixes chosen, hidden;
static long fail_at;
static int persistent;
static int trace_fd = -1;
static long *count; /* shared mapping */

static void parse_prefixes(prefixes *p, const char *list)
{
	const char *s = list;

	while (s != NULL && *s != '\0' && p->count < MAX_PREFIXES) {
		const char *end = strchr(s, ':');
		size_t n = end != NULL ? (size_t)(end - s) : strlen(s);

		if (n > 0 && n < PREFIX_BYTES) {
			memcpy(p->items[p->count], s, n);
			p->items[p->count][n] = '\0';
			p->count++;
		}
		s = end != NULL ? end + 1 : NULL;
	}
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? slash + 1 : path;
}

static int matches(const prefixes *p, const char *path)
{
	const char *name = base_name(path);
	int i;

	for (i = 0; i < p->count; i++)
		if (strncmp(name, p->items[i], strlen(p->items[i])) == 0)
			return 1;
	return 0;
}

static void say(int fd, const char *text, size_t n)
{
	if (fd >= 0 && write(fd, text, n) < 0)
		return; /* nothing to do about a lost trace line */
}

/* The shared count: in LIB_FAIL_STATE, or anonymous (still shared with
 * forked children). */
static void map_count(const char *path)
{
	int fd = -1;
	void *p;

	if (path != NULL && *path != '\0') {
		fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd < 0 || ftruncate(fd, sizeof(long)) != 0) {
			say(2, "lib_fail: cannot make LIB_FAIL_STATE\n", 37);
			_exit(125);
		}
	}
	p = mmap(NULL, sizeof(long), PROT_READ | PROT_WRITE,
		 fd >= 0 ? MAP_SHARED : MAP_SHARED | MAP_ANONYMOUS, fd, 0);
	if (fd >= 0)
		close(fd);
	if (p == MAP_FAILED) {
		say(2, "lib_fail: cannot map the count\n", 31);
		_exit(125);
	}
	count = p;
}

unsigned int la_version(unsigned int version)
{
	const char *at = getenv("LIB_FAIL_AT"), *trace = getenv("LIB_FAIL_TRACE");

	parse_prefixes(&chosen, getenv("LIB_FAIL_OBJECTS"));
	parse_prefixes(&hidden, getenv("LIB_FAIL_HIDE"));
	fail_at = at != NULL ? strtol(at, NULL, 10) : 0;
	persistent = getenv("LIB_FAIL_PERSISTENT") != NULL;
	map_count(getenv("LIB_FAIL_STATE"));
	if (trace != NULL && *trace != '\0')
		trace_fd = open(trace, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
	return version < LAV_CURRENT ? version : LAV_CURRENT;
}

/* ------------------------------------------------------------ counting */

/* Counts one call from a chosen object; 1 when it is to fail. `caller` is
 * the return address, in the object that made the call. */
static int fail_now(const char *function, size_t size, const void *caller)
{
	long n = __atomic_add_fetch(count, 1, __ATOMIC_RELAXED);
	int fail = fail_at > 0 && (n == fail_at || (persistent && n > fail_at));

	if (trace_fd >= 0) {
		Dl_info info;
		char line[256];
		int k;

		if (dladdr(caller, &info) == 0 || info.dli_fname == NULL)
			memset(&info, 0, sizeof(info));
		k = snprintf(line, sizeof(line), "%ld %s %zu %s+0x%lx %s%s\n", n, function, size,
			     info.dli_fname ? base_name(info.dli_fname) : "?",
			     (unsigned long)((const char *)caller - (const char *)info.dli_fbase),
			     info.dli_sname ? info.dli_sname : "-", fail ? " FAILED" : "");
		if (k > 0)
			say(trace_fd, line, (size_t)k < sizeof(line) ? (size_t)k : sizeof(line) - 1);
	}
	if (fail)
		errno = ENOMEM;
	return fail;
}

#define CALLER __builtin_return_address(0)

static void *(*real_malloc)(size_t);
static void *(*real_calloc)(size_t, size_t);
static void *(*real_realloc)(void *, size_t);
static void *(*real_reallocarray)(void *, size_t, size_t);
static char *(*real_strdup)(const char *);
static char *(*real_strndup)(const char *, size_t);
static int (*real_posix_memalign)(void **, size_t, size_t);
static void *(*real_aligned_alloc)(size_t, size_t);

static void *fail_malloc(size_t size)
{
	return fail_now("malloc", size, CALLER) ? NULL : real_malloc(size);
}

static void *fail_calloc(size_t n, size_t size)
{
	return fail_now("calloc", n * size, CALLER) ? NULL : real_calloc(n, size);
}

/* realloc(p, 0) frees p: it cannot fail, and is not counted. */
static void *fail_realloc(void *p, size_t size)
{
	if (p != NULL && size == 0)
		return real_realloc(p, size);
	return fail_now("realloc", size, CALLER) ? NULL : real_realloc(p, size);
}

static void *fail_reallocarray(void *p, size_t n, size_t size)
{
	if (p != NULL && (n == 0 || size == 0))
		return real_reallocarray(p, n, size);
	return fail_now("reallocarray", n * size, CALLER) ? NULL : real_reallocarray(p, n, size);
}

static char *fail_strdup(const char *s)
{
	return fail_now("strdup", strlen(s) + 1, CALLER) ? NULL : real_strdup(s);
}

static char *fail_strndup(const char *s, size_t n)
{
	return fail_now("strndup", strnlen(s, n) + 1, CALLER) ? NULL : real_strndup(s, n);
}

static int fail_posix_memalign(void **p, size_t alignment, size_t size)
{
	return fail_now("posix_memalign", size, CALLER) ? ENOMEM
							: real_posix_memalign(p, alignment, size);
}

static void *fail_aligned_alloc(size_t alignment, size_t size)
{
	return fail_now("aligned_alloc", size, CALLER) ? NULL : real_aligned_alloc(alignment, size);
}

/* Each function rebound: its name, the counting function, and where the
 * definition the binding would have used is kept. */
static const struct {
	const char *name;
	void *counted;
	void **real;
} rebound[] = {
	{"malloc", (void *)fail_malloc, (void **)&real_malloc},
	{"calloc", (void *)fail_calloc, (void **)&real_calloc},
	{"realloc", (void *)fail_realloc, (void **)&real_realloc},
	{"reallocarray", (void *)fail_reallocarray, (void **)&real_reallocarray},
	{"strdup", (void *)fail_strdup, (void **)&real_strdup},
	{"__strdup", (void *)fail_strdup, (void **)&real_strdup},
	{"strndup", (void *)fail_strndup, (void **)&real_strndup},
	{"__strndup", (void *)fail_strndup, (void **)&real_strndup},
	{"posix_memalign", (void *)fail_posix_memalign, (void **)&real_posix_memalign},
	{"aligned_alloc", (void *)fail_aligned_alloc, (void **)&real_aligned_alloc},
};

/* ------------------------------------------------------------ the audit */

/* The cookie of an object says whether it is chosen. */
enum { OTHER = 0, CHOSEN = 1 };

unsigned int la_objopen(struct link_map *map, Lmid_t lmid, uintptr_t *cookie)
{
	(void)lmid;
	/* The main program's name is "": never chosen. */
	if (map->l_name != NULL && map->l_name[0] != '\0' && matches(&chosen, map->l_name)) {
		*cookie = CHOSEN;
		return LA_FLG_BINDFROM | LA_FLG_BINDTO;
	}
	*cookie = OTHER;
	return LA_FLG_BINDTO;
}

char *la_objsearch(const char *name, uintptr_t *cookie, unsigned int flag)
{
	(void)cookie;
	if (flag == LA_SER_ORIG && hidden.count > 0 && matches(&hidden, name))
		return NULL;
	return (char *)name;
}

uintptr_t la_symbind64(Elf64_Sym *sym, unsigned int ndx, uintptr_t *refcook, uintptr_t *defcook,
		       unsigned int *flags, const char *symname)
{
	size_t i;

	(void)ndx;
	(void)defcook;
	(void)flags;
	if (*refcook != CHOSEN)
		return sym->st_value;
	for (i = 0; i < sizeof(rebound) / sizeof(rebound[0]); i++)
		if (strcmp(symname, rebound[i].name) == 0) {
			*rebound[i].real = (void *)sym->st_value;
			return (uintptr_t)rebound[i].counted;
		}
	return sym->st_value;
}

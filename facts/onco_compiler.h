/*
 * onco_compiler.h: what the layers need to know of the compiler, said
 * once: whether the build runs under AddressSanitizer (code that keeps its
 * own allocator or reads whole blocks must then tell the sanitizer), and
 * how to keep a function out of line (the slow half of a hot function, so
 * that its usual half saves no registers). No declarations; macros only.
 */
#ifndef ONCO_COMPILER_H
#define ONCO_COMPILER_H

/* ONCO_ASAN: defined when built with AddressSanitizer (GCC says so with
 * __SANITIZE_ADDRESS__, Clang with __has_feature). */
#if defined(__SANITIZE_ADDRESS__)
#define ONCO_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ONCO_ASAN 1
#endif
#endif

#if defined(__GNUC__)
#define ONCO_NOINLINE __attribute__((noinline))
#else
#define ONCO_NOINLINE
#endif

#endif

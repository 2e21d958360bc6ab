/*
 * pool.h: the workers of `oncorules serve`: N threads, each with its own
 * engine (engines are single-threaded), fed by one bounded FIFO queue.
 *
 * Engines are opened and freed by the thread that calls start and free
 * (CLIPS 6.30 keeps its table of environments in globals); each is then
 * used by its worker only. A job is a serve_request; the pool never frees
 * one.
 */
#ifndef ONCO_SERVE_POOL_H
#define ONCO_SERVE_POOL_H

#include "serve.h"

/* Runs one job in a worker with that worker's engine. */
typedef void (*serve_job_fn)(void *ctx, onco_engine *engine, void *job);

/* Opens `workers` engines and starts their threads. Returns 0, or -1
 * after printing why, with *status the exit status to use. */
int serve_pool_start(serve_pool **out, unsigned workers, unsigned capacity,
		     const cli_engine_args *engine_args, serve_job_fn run, void *ctx,
		     int *status);

/* Takes a place in the queue: 0, or -1 when the queue is full or the pool
 * is stopping (the caller answers 503). A place taken must be used by
 * exactly one serve_pool_submit. */
int serve_pool_reserve(serve_pool *pool);

/* Queues a job for a place taken by serve_pool_reserve. */
void serve_pool_submit(serve_pool *pool, serve_request *job);

/* Refuses new places, runs every job already queued or reserved, and joins
 * the workers. */
void serve_pool_stop(serve_pool *pool);

/* Frees the engines and the pool (after serve_pool_stop; NULL: no-op). */
void serve_pool_free(serve_pool *pool);

#endif

/* pool.c: workers with one engine each, fed by a bounded FIFO queue. */
#include <stdlib.h>

#include "pool.h"

typedef struct serve_worker {
	serve_pool *pool;
	onco_engine *engine;
	pthread_t thread;
} serve_worker;

struct serve_pool {
	pthread_mutex_t lock;
	pthread_cond_t can_work;  /* a job is queued, or the pool stops */
	serve_request *head, *tail;
	unsigned waiting;         /* queued jobs */
	unsigned reserved;        /* places taken, not yet submitted */
	unsigned capacity;
	int stopping;
	serve_job_fn run;
	void *ctx;
	serve_worker *workers;
	unsigned count, started;
};

static void *worker_main(void *arg)
{
	serve_worker *w = arg;
	serve_pool *p = w->pool;
	serve_request *job;

	for (;;) {
		pthread_mutex_lock(&p->lock);
		while (p->head == NULL && !(p->stopping && p->reserved == 0))
			pthread_cond_wait(&p->can_work, &p->lock);
		job = p->head;
		if (job == NULL) { /* stopping, and nothing left to run */
			pthread_mutex_unlock(&p->lock);
			return NULL;
		}
		p->head = job->queue_next;
		if (p->head == NULL)
			p->tail = NULL;
		p->waiting--;
		pthread_mutex_unlock(&p->lock);
		job->queue_next = NULL;
		p->run(p->ctx, w->engine, job);
	}
}

int serve_pool_start(serve_pool **out, unsigned workers, unsigned capacity,
		     const cli_engine_args *engine_args, serve_job_fn run, void *ctx,
		     int *status)
{
	serve_pool *p;
	unsigned i;

	*out = NULL;
	p = calloc(1, sizeof(*p));
	if (p == NULL || (p->workers = calloc(workers, sizeof(*p->workers))) == NULL) {
		free(p);
		fputs("oncorules serve: out of memory\n", stderr);
		*status = CLI_EXIT_INTERNAL;
		return -1;
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->can_work, NULL);
	p->capacity = capacity;
	p->run = run;
	p->ctx = ctx;
	p->count = workers;
	*out = p;
	for (i = 0; i < workers; i++) {
		p->workers[i].pool = p;
		p->workers[i].engine = cli_engine_open(engine_args, status);
		if (p->workers[i].engine == NULL)
			return -1;
	}
	for (i = 0; i < workers; i++) {
		if (pthread_create(&p->workers[i].thread, NULL, worker_main, &p->workers[i]) != 0) {
			fputs("oncorules serve: cannot start a worker thread\n", stderr);
			*status = CLI_EXIT_INTERNAL;
			return -1;
		}
		p->started++;
	}
	*status = CLI_EXIT_OK;
	return 0;
}

int serve_pool_reserve(serve_pool *p)
{
	int rc = -1;

	pthread_mutex_lock(&p->lock);
	if (!p->stopping && p->waiting + p->reserved < p->capacity) {
		p->reserved++;
		rc = 0;
	}
	pthread_mutex_unlock(&p->lock);
	return rc;
}

void serve_pool_submit(serve_pool *p, serve_request *job)
{
	job->queue_next = NULL;
	pthread_mutex_lock(&p->lock);
	p->reserved--;
	if (p->tail != NULL)
		p->tail->queue_next = job;
	else
		p->head = job;
	p->tail = job;
	p->waiting++;
	/* While stopping, idle workers wait for the last reserved place to
	 * be used before they end: wake them all. */
	if (p->stopping)
		pthread_cond_broadcast(&p->can_work);
	else
		pthread_cond_signal(&p->can_work);
	pthread_mutex_unlock(&p->lock);
}

void serve_pool_stop(serve_pool *p)
{
	unsigned i;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->lock);
	p->stopping = 1;
	pthread_cond_broadcast(&p->can_work);
	pthread_mutex_unlock(&p->lock);
	for (i = 0; i < p->started; i++)
		pthread_join(p->workers[i].thread, NULL);
	p->started = 0;
}

void serve_pool_free(serve_pool *p)
{
	unsigned i;

	if (p == NULL)
		return;
	serve_pool_stop(p);
	for (i = 0; i < p->count; i++)
		onco_engine_free(p->workers[i].engine);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->can_work);
	free(p->workers);
	free(p);
}

/* deadline.c: the reaper that closes connections past their deadline. */
#include <errno.h>
#include <stdlib.h>
#include <sys/socket.h>

#include "deadline.h"

/* How often the reaper looks: a deadline is kept to within this. */
#define REAPER_PERIOD_MS 100

struct serve_conn {
	serve_conn *prev, *next;
	int fd;
	double deadline; /* 0: none */
	int killed;
	unsigned requests;
};

struct serve_reaper {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	serve_conn *head;
	int stop;
	pthread_t thread;
	int started;
};

double serve_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void *reaper_main(void *arg)
{
	serve_reaper *r = arg;
	struct timespec until;
	serve_conn *c;
	double now;

	pthread_mutex_lock(&r->lock);
	while (!r->stop) {
		now = serve_now();
		for (c = r->head; c != NULL; c = c->next)
			if (c->deadline > 0 && now >= c->deadline && !c->killed) {
				/* The socket stays open (libmicrohttpd closes
				 * it); reads and writes on it now fail. */
				shutdown(c->fd, SHUT_RDWR);
				c->killed = 1;
			}
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_nsec += REAPER_PERIOD_MS * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&r->wake, &r->lock, &until);
	}
	pthread_mutex_unlock(&r->lock);
	return NULL;
}

int serve_reaper_start(serve_reaper **out)
{
	pthread_condattr_t attr;
	serve_reaper *r;

	*out = NULL;
	r = calloc(1, sizeof(*r));
	if (r == NULL)
		return -1;
	pthread_mutex_init(&r->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&r->wake, &attr);
	pthread_condattr_destroy(&attr);
	if (pthread_create(&r->thread, NULL, reaper_main, r) != 0) {
		serve_reaper_free(r);
		return -1;
	}
	r->started = 1;
	*out = r;
	return 0;
}

void serve_reaper_free(serve_reaper *r)
{
	serve_conn *c, *next;

	if (r == NULL)
		return;
	if (r->started) {
		pthread_mutex_lock(&r->lock);
		r->stop = 1;
		pthread_cond_signal(&r->wake);
		pthread_mutex_unlock(&r->lock);
		pthread_join(r->thread, NULL);
	}
	for (c = r->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	pthread_mutex_destroy(&r->lock);
	pthread_cond_destroy(&r->wake);
	free(r);
}

serve_conn *serve_reaper_add(serve_reaper *r, int fd, double deadline)
{
	serve_conn *c = calloc(1, sizeof(*c));

	if (c == NULL)
		return NULL;
	c->fd = fd;
	c->deadline = deadline;
	pthread_mutex_lock(&r->lock);
	c->next = r->head;
	if (r->head != NULL)
		r->head->prev = c;
	r->head = c;
	pthread_mutex_unlock(&r->lock);
	return c;
}

void serve_reaper_set(serve_reaper *r, serve_conn *c, double deadline)
{
	if (c == NULL)
		return;
	pthread_mutex_lock(&r->lock);
	c->deadline = deadline;
	pthread_mutex_unlock(&r->lock);
}

int serve_reaper_killed(serve_reaper *r, serve_conn *c)
{
	int killed;

	if (c == NULL)
		return 0;
	pthread_mutex_lock(&r->lock);
	killed = c->killed;
	pthread_mutex_unlock(&r->lock);
	return killed;
}

unsigned serve_reaper_next_request(serve_reaper *r, serve_conn *c)
{
	unsigned n;

	if (c == NULL)
		return 0;
	pthread_mutex_lock(&r->lock);
	n = ++c->requests;
	pthread_mutex_unlock(&r->lock);
	return n;
}

int serve_reaper_remove(serve_reaper *r, serve_conn *c)
{
	int killed;

	if (c == NULL)
		return 0;
	pthread_mutex_lock(&r->lock);
	if (c->prev != NULL)
		c->prev->next = c->next;
	else
		r->head = c->next;
	if (c->next != NULL)
		c->next->prev = c->prev;
	killed = c->killed;
	pthread_mutex_unlock(&r->lock);
	free(c);
	return killed;
}

/* SIGALRM tick for the KVM_RUN loop. */
#include <signal.h>
#include <stdbool.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include "tick.h"

static volatile sig_atomic_t fired;

static void on_tick(int sig)
{
	(void)sig; /* there to interrupt KVM_RUN, and to say it did */
	fired = 1;
}

bool tick_fired(void)
{
	bool was = fired;

	fired = 0;
	return was;
}

int tick_start(unsigned period_ms, uint64_t first_us)
{
	struct sigaction sa;
	struct itimerval it = {
		.it_interval = { .tv_sec = period_ms / 1000, .tv_usec = (period_ms % 1000) * 1000 },
	};

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_tick; /* no SA_RESTART: KVM_RUN must return EINTR */
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGALRM, &sa, NULL) < 0)
		return -1;
	it.it_value = it.it_interval;
	if (first_us)
		it.it_value = (struct timeval){ .tv_sec = (time_t)(first_us / 1000000),
						.tv_usec = (suseconds_t)(first_us % 1000000) };
	return setitimer(ITIMER_REAL, &it, NULL);
}

void tick_stop(void)
{
	struct itimerval off;

	memset(&off, 0, sizeof(off));
	setitimer(ITIMER_REAL, &off, NULL);
}

uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

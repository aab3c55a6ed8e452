/* The secondary vCPUs and their threads (vcpu.h). */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>
#include "arch.h"
#include "err.h"
#include "ioctl_trace.h"
#include "vcpu.h"

#define KICK_EVERY_NS 2000000 /* while joining: re-kick a thread not out yet */

struct vcpu_thread {
	pthread_t tid;
	struct vm view; /* the VM as this vCPU sees it: its own vcpu_fd and run */
	struct run_state rs;
	int rc;
	atomic_bool finished;
	atomic_uint power_seq; /* the vcpu_all_off round its power state answers */
	atomic_bool stopped;   /* KVM_MP_STATE_STOPPED at that read */
};

static struct vcpu_thread threads[BOARD_MAX_CPUS];
static pthread_t main_tid;
static pthread_mutex_t exit_lock = PTHREAD_MUTEX_INITIALIZER;
static bool smp;		 /* more than one vCPU: lock, kick */
static atomic_bool over;	 /* some vCPU ended the run */
static int ender = -1;		 /* which one (under exit_lock) */
static atomic_uint power_round;	 /* vcpu_all_off's current round */
static struct vm *vm_all;	 /* the real VM, for kicks */
static int tids[BOARD_MAX_CPUS]; /* gettid() of each vCPU's thread */

int vcpu_create_secondaries(struct vm *vm)
{
	for (unsigned n = 1; n < vm->ncpus; n++) {
		struct kvm_vcpu_init init = vm->init; /* vCPU 0's target and features */
		int fd = kvm_ioctl_val(vm->vm_fd, KVM_CREATE_VCPU, n);

		if (fd < 0)
			return fail(EXIT_KVMFAIL, "KVM_CREATE_VCPU %u: %s", n, strerror(errno));
		ioctl_trace_fd(fd, (enum fd_role)(FD_VCPU + n));
		vm->vcpu_fds[n] = fd;
		/* off until the guest's PSCI CPU_ON (kvm_psci_vcpu_on) */
		arch_vcpu_power_off(&init);
		if (kvm_ioctl(fd, KVM_ARM_VCPU_INIT, &init) < 0)
			return fail(EXIT_KVMFAIL, "KVM_ARM_VCPU_INIT of vCPU %u (POWER_OFF): %s", n,
				    strerror(errno));
		vm->runs[n] = kvm_mmap_run(fd, vm->run_size);
		if (vm->runs[n] == MAP_FAILED) {
			vm->runs[n] = NULL;
			return fail(EXIT_KVMFAIL, "mmap of vCPU %u's kvm_run: %s", n,
				    strerror(errno));
		}
		ioctl_trace_run(fd, vm->runs[n]);
	}
	return 0;
}

void vcpu_lock(void)
{
	if (smp)
		pthread_mutex_lock(&exit_lock);
}

void vcpu_unlock(void)
{
	if (smp)
		pthread_mutex_unlock(&exit_lock);
}

const int *vcpu_tids(void)
{
	tids[0] = (int)getpid(); /* vCPU 0 runs on the main thread */
	return tids;
}

bool vcpu_run_over(void) { return smp && atomic_load(&over); }

static void on_kick(int sig) { (void)sig; /* there to end KVM_RUN with EINTR */ }

/* Out of KVM_RUN: at once if it is entering (immediate_exit), by signal if in. */
static void kick(unsigned n, bool for_good)
{
	if (for_good && vm_all->runs[n])
		vm_all->runs[n]->immediate_exit = 1;
	pthread_kill(n == 0 ? main_tid : threads[n].tid, SIGUSR1);
}

/* A loop ended: the first one that ended the run decides; the others are told. */
static void end_run(unsigned cpu, const struct run_state *rs, int rc)
{
	if (!rs->done && rc == 0)
		return; /* it left because another ended the run */
	pthread_mutex_lock(&exit_lock);
	if (ender < 0)
		ender = (int)cpu;
	atomic_store(&over, true);
	pthread_mutex_unlock(&exit_lock);
	for (unsigned n = 0; n < vm_all->ncpus; n++)
		if (n != cpu)
			kick(n, true);
}

static void *thread_main(void *arg)
{
	struct vcpu_thread *t = arg;
	sigset_t alrm;

	tids[t->rs.cpu] = (int)gettid();
	sigemptyset(&alrm); /* the tick is vCPU 0's */
	sigaddset(&alrm, SIGALRM);
	pthread_sigmask(SIG_BLOCK, &alrm, NULL);
	t->rc = run_loop(&t->rs);
	end_run(t->rs.cpu, &t->rs, t->rc);
	atomic_store(&t->finished, true);
	return NULL;
}

static int start_threads(struct run_state *rs0)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_kick; /* no SA_RESTART: KVM_RUN must return EINTR */
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR1, &sa, NULL) < 0)
		return fail(EXIT_KVMFAIL, "SIGUSR1 for the vCPU kicks: %s", strerror(errno));
	for (unsigned n = 1; n < vm_all->ncpus; n++) {
		struct vcpu_thread *t = &threads[n];
		int err;

		t->view = *vm_all;
		t->view.vcpu_fd = vm_all->vcpu_fds[n];
		t->view.run = vm_all->runs[n];
		t->rs = (struct run_state){
			.vm = &t->view,
			.traps = rs0->traps,
			.log = rs0->log,
			.strict = rs0->strict,
			.deadline_ns = rs0->deadline_ns,
			.cpu = n,
		};
		err = pthread_create(&t->tid, NULL, thread_main, t);
		if (err)
			return fail(EXIT_KVMFAIL, "the thread of vCPU %u: %s", n, strerror(err));
	}
	return 0;
}

/* Every secondary out of its loop and joined: kicked until it is out. */
static void join_threads(unsigned started)
{
	struct timespec pause = { .tv_nsec = KICK_EVERY_NS };

	atomic_store(&over, true);
	for (unsigned n = 1; n < started; n++) {
		while (!atomic_load(&threads[n].finished)) {
			kick(n, true);
			nanosleep(&pause, NULL);
		}
		pthread_join(threads[n].tid, NULL);
	}
}

int vcpu_run_all(struct run_state *rs0)
{
	int rc;

	if (rs0->vm->ncpus <= 1)
		return run_loop(rs0);
	vm_all = rs0->vm;
	main_tid = pthread_self();
	smp = true;
	ioctl_trace_threads();
	rc = start_threads(rs0);
	if (rc == 0) {
		rc = run_loop(rs0);
		end_run(0, rs0, rc);
	}
	join_threads(vm_all->ncpus);
	if (ender > 0) { /* a secondary ended it: its verdict is the run's */
		struct run_state *e = &threads[ender].rs;

		rs0->done = e->done;
		rs0->status = e->status;
		rc = threads[ender].rc;
	}
	return rc;
}

void vcpu_note_power(struct run_state *rs)
{
	struct vcpu_thread *t = &threads[rs->cpu];
	unsigned round = atomic_load(&power_round);
	struct kvm_mp_state mp = { 0 };

	if (!smp || rs->cpu == 0 || atomic_load(&t->power_seq) == round)
		return;
	if (kvm_ioctl(rs->vm->vcpu_fd, KVM_GET_MP_STATE, &mp) < 0)
		return;
	atomic_store(&t->stopped, mp.mp_state == KVM_MP_STATE_STOPPED);
	atomic_store(&t->power_seq, round);
}

bool vcpu_all_off(struct run_state *rs0)
{
	unsigned round = atomic_load(&power_round);
	bool all = round != 0;

	for (unsigned n = 1; n < rs0->vm->ncpus; n++)
		all = all && atomic_load(&threads[n].power_seq) == round &&
			atomic_load(&threads[n].stopped);
	if (all)
		return true;
	atomic_store(&power_round, round + 1); /* ask again: each reads its own fd */
	for (unsigned n = 1; n < rs0->vm->ncpus; n++)
		kick(n, false);
	return false;
}

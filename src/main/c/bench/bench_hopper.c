/*
 * bench_hopper.c: Hopper-v4 environment steps per second in plain C, the baseline for the JNI
 * bridge (dev.ablate4j.env.mujoco.MujocoBench measures the same loop from Java).
 *
 * The loop is the Java environment's step, written in C: uniform random actions in [-1, 1],
 * ctrl <- action, 4 x mj_step, observation (qpos[1:], qvel clipped to +-10), reward
 * (forward + healthy - control cost) and the health test; an unhealthy state or 1000 steps
 * resets the model (mj_resetData, uniform +-0.005 noise on qpos and qvel, mj_forward). The
 * generator (xorshift64) is shared with the Java side, so both simulate the same trajectory.
 *
 * usage: bench_hopper <hopper.xml> [steps=200000] [warmup=20000]
 *   prints one line: c_steps_per_second <v> steps <n> seconds <wall> episodes <e> cpu_seconds <cpu>
 * usage: bench_hopper <hopper.xml> --serve
 *   reads step counts from stdin, one per line; runs that many more steps of the same trajectory
 *   and answers each with: chunk <n> seconds <wall> cpu_seconds <cpu> episodes <total episodes>
 *   (lets the Java side alternate short chunks with this loop, so machine load hits both alike)
 * cpu = this thread's CPU time.
 *
 * Build: gcc -O2 bench_hopper.c -o bench_hopper -lmujoco -lm (the Maven profile "mujoco" does it).
 */
#include <math.h>
#include <mujoco/mujoco.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static unsigned long long rng_state = 0x9E3779B97F4A7C15ULL;

static double uniform01(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return (double)(rng_state >> 11) * (1.0 / 9007199254740992.0);
}

typedef struct {
  const mjModel* m;
  mjData* d;
  long episodes;
  long length;
  double sink;
} Loop;

static void reset(Loop* l) {
  const mjModel* m = l->m;
  mjData* d = l->d;
  mj_resetData(m, d);
  for (int i = 0; i < m->nq; i++) d->qpos[i] = m->qpos0[i] + (uniform01() * 0.01 - 0.005);
  for (int i = 0; i < m->nv; i++) d->qvel[i] = uniform01() * 0.01 - 0.005;
  mj_forward(m, d);
}

static int healthy(const mjData* d, int nq, int nv) {
  double z = d->qpos[1], angle = d->qpos[2];
  for (int i = 2; i < nq; i++) {
    if (!(d->qpos[i] > -100 && d->qpos[i] < 100)) return 0;
  }
  for (int i = 0; i < nv; i++) {
    if (!(d->qvel[i] > -100 && d->qvel[i] < 100)) return 0;
  }
  return z > 0.7 && angle > -0.2 && angle < 0.2;
}

static void start(Loop* l) {
  l->episodes = 1;
  l->length = 0;
  reset(l);
}

/* n more environment steps of the loop's trajectory. */
static void run(Loop* l, long n) {
  const mjModel* m = l->m;
  mjData* d = l->d;
  const double dt = m->opt.timestep * 4;
  double obs[64];
  for (long t = 0; t < n; t++) {
    double ctrl_cost = 0;
    for (int u = 0; u < m->nu; u++) {
      double a = uniform01() * 2 - 1;
      d->ctrl[u] = a;
      ctrl_cost += a * a;
    }
    double x_before = d->qpos[0];
    for (int k = 0; k < 4; k++) mj_step(m, d);
    double x_velocity = (d->qpos[0] - x_before) / dt;
    int k = 0;
    for (int i = 1; i < m->nq; i++) obs[k++] = d->qpos[i];
    for (int i = 0; i < m->nv; i++) obs[k++] = fmin(fmax(d->qvel[i], -10), 10);
    int ok = healthy(d, m->nq, m->nv);
    l->sink += x_velocity + 1.0 - 1e-3 * ctrl_cost + obs[0];
    l->length++;
    if (!ok || l->length == 1000) {
      reset(l);
      l->episodes++;
      l->length = 0;
    }
  }
}

static double clock_seconds(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: %s <hopper.xml> [steps] [warmup] | %s <hopper.xml> --serve\n", argv[0], argv[0]);
    return 2;
  }
  char err[1000] = "";
  mjModel* m = mj_loadXML(argv[1], NULL, err, sizeof err);
  if (m == NULL) {
    fprintf(stderr, "could not load %s: %s\n", argv[1], err);
    return 1;
  }
  Loop loop = {m, mj_makeData(m), 0, 0, 0.0};
  start(&loop);

  if (argc > 2 && strcmp(argv[2], "--serve") == 0) {
    char line[64];
    while (fgets(line, sizeof line, stdin) != NULL) {
      long n = atol(line);
      double t0 = clock_seconds(CLOCK_MONOTONIC);
      double c0 = clock_seconds(CLOCK_THREAD_CPUTIME_ID);
      run(&loop, n);
      double cpu = clock_seconds(CLOCK_THREAD_CPUTIME_ID) - c0;
      double wall = clock_seconds(CLOCK_MONOTONIC) - t0;
      printf("chunk %ld seconds %.6f cpu_seconds %.6f episodes %ld\n", n, wall, cpu, loop.episodes);
      fflush(stdout);
    }
  } else {
    long steps = argc > 2 ? atol(argv[2]) : 200000;
    long warmup = argc > 3 ? atol(argv[3]) : 20000;
    run(&loop, warmup);
    start(&loop);
    double t0 = clock_seconds(CLOCK_MONOTONIC);
    double c0 = clock_seconds(CLOCK_THREAD_CPUTIME_ID);
    run(&loop, steps);
    double cpu = clock_seconds(CLOCK_THREAD_CPUTIME_ID) - c0;
    double wall = clock_seconds(CLOCK_MONOTONIC) - t0;
    printf("c_steps_per_second %.0f steps %ld seconds %.3f episodes %ld cpu_seconds %.3f (checksum %.3f)\n",
           (double)steps / wall, steps, wall, loop.episodes, cpu, loop.sink);
  }
  mj_deleteData(loop.d);
  mj_deleteModel(m);
  return 0;
}

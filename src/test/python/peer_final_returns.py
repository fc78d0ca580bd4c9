#!/usr/bin/env python3
"""Final returns of another implementation's runs, scored as ablate4j scores its own, for
`ablate4j report --reference LABEL=FILE` and `ablate4j compare`.

Input: run folders, each holding the episode log of one run as `episodes.csv` with the columns
`global_step,return` (the step count at which an episode ended, counted from 1, and its undiscounted
return: what CleanRL logs as `charts/episodic_return`), and the run's seed in the folder name: `seed-<n>`, or
as CleanRL names its runs (`<env>__<exp_name>__<seed>__<time>`).

Score: ablate4j's final return (docs/reports.md): the mean, over the last 5 iterations in which at
least one episode ended, of the mean return of the episodes that ended in the iteration; iteration i
holds the steps i*T+1 ... (i+1)*T of a run with T environment steps per iteration (CleanRL's
`num_steps` times `num_envs`; 2048 for its defaults). A run counts only if it reached the number of
steps it was asked for, rounded down to whole iterations (CleanRL trains total_timesteps // T of
them): its last episode must end in the last iteration, and when its `stdout.log` has a line
`TRAIN_LOOP_DONE: global_step=N ...` (the peer scripts print one), N must reach that count.

Output: CSV `env,seed,final_return` (sorted by seed, 12 significant digits), after comment lines
(`# ...`) that say what the sample is: the --source text and how the score was computed.

Usage:
  peer_final_returns.py --env Hopper-v4 --steps 1000000 --iteration 2048 \
      --source "CleanRL ppo_continuous_action.py fe8d8a03, ..." --out FILE RUN_DIR...
"""
import argparse
import csv
import os
import re
import sys

LAST = 5


def seed_of(run_dir):
    name = os.path.basename(os.path.normpath(run_dir))
    m = re.search(r"__(\d+)__\d+(__pid\d+)?$", name) or re.fullmatch(r"seed-(\d+)", name)
    if not m:
        sys.exit(f"error: {run_dir}: no seed in the folder name (expected seed-<n> or <env>__<exp>__<seed>__<time>)")
    return int(m.group(1))


def steps_done(run_dir):
    """The steps the run's stdout.log says it trained, or None without that line."""
    log = os.path.join(run_dir, "stdout.log")
    if os.path.exists(log):
        done = [l for l in open(log) if l.startswith("TRAIN_LOOP_DONE: ")]
        if done:
            return int(re.search(r"global_step=(\d+)", done[-1]).group(1))
    return None


def final_return(episodes, iteration):
    by_iteration = {}
    for step, ret in episodes:
        by_iteration.setdefault((step - 1) // iteration, []).append(ret)
    last = sorted(by_iteration)[-LAST:]
    if len(last) < LAST:
        return None
    return sum(sum(by_iteration[i]) / len(by_iteration[i]) for i in last) / LAST


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--env", required=True)
    p.add_argument("--steps", type=int, required=True, help="steps each run was asked for (total_timesteps)")
    p.add_argument("--iteration", type=int, default=2048, help="environment steps per iteration")
    p.add_argument("--source", required=True, help="what the runs are: code, commit, versions")
    p.add_argument("--out", required=True)
    p.add_argument("runs", nargs="+")
    a = p.parse_args()
    expected = (a.steps // a.iteration) * a.iteration
    rows = {}
    for d in a.runs:
        path = os.path.join(d, "episodes.csv")
        episodes = [(int(r["global_step"]), float(r["return"])) for r in csv.DictReader(open(path))]
        done = steps_done(d)
        last_iteration = (episodes[-1][0] - 1) // a.iteration if episodes else -1
        if (done is not None and done < expected) or last_iteration != expected // a.iteration - 1:
            sys.exit(f"error: {d}: run not finished (trained {done if done is not None else 'unknown'} of {expected}"
                     f" steps; last episode in iteration {last_iteration} of {expected // a.iteration})")
        seed = seed_of(d)
        if seed in rows:
            sys.exit(f"error: {d}: a second run of seed {seed}")
        score = final_return(episodes, a.iteration)
        if score is None:
            sys.exit(f"error: {d}: fewer than {LAST} iterations with a finished episode")
        rows[seed] = score
    with open(a.out, "w", newline="") as f:
        f.write(f"# {a.source}\n")
        f.write(f"# final_return: mean of the last {LAST} iterations' ({a.iteration} steps each) mean return of the"
                f" episodes that ended in them; {len(rows)} runs of {expected} steps\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["env", "seed", "final_return"])
        for seed in sorted(rows):
            w.writerow([a.env, seed, f"{rows[seed]:.12g}"])
    print(f"{a.out}: {len(rows)} runs, seeds {sorted(rows)}")


if __name__ == "__main__":
    main()

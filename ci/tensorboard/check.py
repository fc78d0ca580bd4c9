#!/usr/bin/env python3
"""Checks a TensorBoard log directory written by ablate4j against the result tree it came from,
with TensorBoard's own reader and HParams plugin:

  python3 check.py RESULTS LOGDIR

- every run directory under RESULTS (one holding config.json) is a TensorBoard run
  LOGDIR/<spec>/<cell label>/<env>/seed-<n>;
- EventAccumulator reads, for every metrics.csv, trust_region.csv and episodes.csv column, one scalar
  per CSV row with a value (NaN cells are left out), at step = env steps, equal to the CSV value as a
  float32; plus charts/final_return (mean of the last 5 finite mean returns) and charts/max_return on
  finished runs; and no other tag;
- a TensorBoard server started on 127.0.0.1 answers the HParams plugin's experiment and
  session-groups requests listing the ten switches, each session's switch values as in config.json
  and its final return.

Prints one line per problem and exits 1 if there is any; the last line is "N passed, M failed".
"""
import csv
import json
import math
import os
import re
import sys
import time
import urllib.request

import numpy as np
from tensorboard.backend.event_processing import event_accumulator

SWITCHES = ["value-clip", "reward-scale", "ortho-init", "lr-anneal", "reward-clip", "obs-norm", "obs-clip",
            "tanh", "grad-clip", "adv-norm"]
METRIC_TAGS = {
    "iteration": "charts/iteration", "mean_return": "charts/mean_return", "episodes": "charts/episodes",
    "policy_lr": "charts/policy_lr", "value_lr": "charts/value_lr", "policy_loss": "losses/policy_loss",
    "value_loss": "losses/value_loss", "entropy": "losses/entropy", "approx_kl": "losses/approx_kl",
    "mean_kl": "losses/mean_kl", "max_ratio": "losses/max_ratio", "clip_fraction": "losses/clip_fraction",
    "explained_variance": "losses/explained_variance", "policy_grad_norm": "losses/policy_grad_norm",
}
EPISODE_TAGS = {"return": "charts/episodic_return", "length": "charts/episodic_length"}

passed = 0
failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print("FAIL: " + what)


def segment(text):
    s = re.sub(r"[^A-Za-z0-9._+=-]+", "_", text or "")
    s = re.sub(r"^[_.]+|_+$", "", s)
    return s or "_"


def number(cell):
    c = cell.strip().lower()
    if c in ("", "nan"):
        return math.nan
    if c in ("inf", "+inf", "infinity"):
        return math.inf
    if c in ("-inf", "-infinity"):
        return -math.inf
    return float(c)


def table(path):
    if not os.path.isfile(path):
        return None, []
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    return rows[0], [[number(c) for c in r] for r in rows[1:]]


def f32(x):
    return float(np.float32(x))


def run_dirs(root):
    out = []
    for d, _, files in os.walk(root):
        if "config.json" in files:
            out.append(d)
    return sorted(out)


def expected_series(run):
    """tag -> list of (step, float32 value) the CSVs call for, and the final return."""
    want = {}
    header, rows = table(os.path.join(run, "metrics.csv"))
    step_of = {}
    for r in rows:
        row = dict(zip(header, r))
        step = int(row["env_steps"])
        step_of[int(row["iteration"])] = step
        for col, v in row.items():
            if col == "env_steps" or math.isnan(v):
                continue
            want.setdefault(METRIC_TAGS.get(col, "metrics/" + col), []).append((step, f32(v)))
    header, trows = table(os.path.join(run, "trust_region.csv"))
    for r in trows:
        row = dict(zip(header, r))
        step = step_of.get(int(row["iteration"]))
        if step is None:
            continue
        for col, v in row.items():
            if col != "iteration" and not math.isnan(v):
                want.setdefault("trust_region/" + col, []).append((step, f32(v)))
    header, erows = table(os.path.join(run, "episodes.csv"))
    last_step = max(step_of.values()) if step_of else 0
    for r in erows:
        row = dict(zip(header, r))
        if row["env_steps"] > last_step:
            continue
        for col, v in row.items():
            if col != "env_steps" and not math.isnan(v):
                want.setdefault(EPISODE_TAGS.get(col, "episodes/" + col), []).append((int(row["env_steps"]), f32(v)))
    mean_col = table(os.path.join(run, "metrics.csv"))[0].index("mean_return")
    finite = [r[mean_col] for r in rows if math.isfinite(r[mean_col])]
    final = math.nan
    if os.path.exists(os.path.join(run, "DONE")) and finite:
        total = 0.0
        for x in reversed(finite[-5:]):  # summed last value first, as the Java side does
            total += x
        final = total / len(finite[-5:])
        want["charts/final_return"] = [(last_step, f32(final))]
        want["charts/max_return"] = [(last_step, f32(max(finite)))]
    return want, final


def name_of(run):
    with open(os.path.join(run, "config.json")) as f:
        config = json.load(f)
    cell_file = os.path.join(run, "cell.json")
    if os.path.isfile(cell_file):
        with open(cell_file) as f:
            cell = json.load(f)
        return "/".join([segment(cell["spec"]), segment(cell["label"]), segment(config["env"]),
                         "seed-%d" % config["seed"]]), config
    label = os.path.basename(os.path.abspath(run))
    return "/".join([segment(label), segment(config["env"]), "seed-%d" % config["seed"]]), config


def check_scalars(results, logdir):
    runs = {}
    for run in run_dirs(results):
        name, config = name_of(run)
        want, final = expected_series(run)
        acc = event_accumulator.EventAccumulator(os.path.join(logdir, name),
                                                 size_guidance={event_accumulator.SCALARS: 0})
        acc.Reload()
        tags = set(acc.Tags()["scalars"])
        check(tags == set(want), "%s: tags %s, expected %s" % (name, sorted(tags ^ set(want)), "the CSV columns"))
        for tag, series in want.items():
            if tag not in tags:
                continue
            got = [(e.step, e.value) for e in acc.Scalars(tag)]
            detail = "%d values, the CSVs %d" % (len(got), len(series))
            if len(got) == len(series):
                detail += "; first difference (step, value) read %s, CSV %s" % next(
                    ((g, w) for g, w in zip(got, series) if g != w), (None, None))
            check(got == series, "%s: %s: %s" % (name, tag, detail))
        runs[name] = (config, final, os.path.exists(os.path.join(run, "DONE")))
    check(len(runs) > 0, "no run directory under " + results)
    return runs


def post(url, path, body):
    req = urllib.request.Request(url.rstrip("/") + path, data=json.dumps(body).encode(),
                                 headers={"Content-Type": "application/json", "X-XSRF-Protected": "1"})
    with urllib.request.urlopen(req, timeout=60) as r:
        return json.loads(r.read())


def loaded(entry, done):
    """Whether the server has read a session completely (a finished one up to its end and final return)."""
    if entry is None:
        return False
    session = entry[1]
    tags = {m["name"]["tag"] for m in session.get("metricValues", [])}
    return not done or (session.get("status") == "STATUS_SUCCESS" and "charts/final_return" in tags)


def check_hparams(logdir, runs):
    from tensorboard import program
    tb = program.TensorBoard()
    tb.configure(argv=[None, "--logdir", logdir, "--port", "0", "--host", "127.0.0.1", "--load_fast", "false"])
    url = tb.launch()
    deadline = time.time() + 120
    experiment, sessions = {}, {}
    while time.time() < deadline:
        experiment = post(url, "/data/plugin/hparams/experiment", {"experimentName": ""})
        cols = [{"hparam": h["name"], "includeInResult": True} for h in experiment.get("hparamInfos", [])]
        cols += [{"metric": m["name"], "includeInResult": True} for m in experiment.get("metricInfos", [])]
        groups = post(url, "/data/plugin/hparams/session_groups", {
            "experimentName": "", "colParams": cols, "startIndex": 0, "sliceSize": 100000,
            "allowedStatuses": ["STATUS_UNKNOWN", "STATUS_SUCCESS", "STATUS_FAILURE", "STATUS_RUNNING"]})
        sessions = {s["name"]: (g["hparams"], s) for g in groups.get("sessionGroups", []) for s in g["sessions"]}
        if all(loaded(sessions.get(name), done) for name, (_, _, done) in runs.items()):
            break
        time.sleep(2)
    names = [h["name"] for h in experiment.get("hparamInfos", [])]
    for s in SWITCHES:
        check(s in names, "HParams experiment lacks switch %s (has %s)" % (s, names))
    metrics = [m["name"]["tag"] for m in experiment.get("metricInfos", [])]
    check("charts/final_return" in metrics, "HParams experiment lacks the final return (has %s)" % metrics)
    for name, (config, final, done) in runs.items():
        if name not in sessions:
            check(False, "HParams plugin has no session %s" % name)
            continue
        hparams, session = sessions[name]
        for s in SWITCHES:
            check(hparams.get(s) == config[s], "%s: HParams %s = %s, config.json %s" % (name, s, hparams.get(s), config[s]))
        values = {m["name"]["tag"]: m["value"] for m in session.get("metricValues", [])}
        if done:
            check(session.get("status") == "STATUS_SUCCESS", "%s: HParams status %s" % (name, session.get("status")))
        if done and math.isfinite(final):
            check(values.get("charts/final_return") == f32(final),
                  "%s: HParams final return %s, CSVs %s" % (name, values.get("charts/final_return"), f32(final)))


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    results, logdir = sys.argv[1], sys.argv[2]
    runs = check_scalars(results, logdir)
    check_hparams(logdir, runs)
    print("%s: %d runs checked" % (logdir, len(runs)))
    print("tensorboard-check: %d passed, %d failed" % (passed, failed))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()

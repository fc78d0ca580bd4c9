"""Writes scipy-t-interval.json: 95% Student-t intervals of the mean that ReturnSummaryTest checks.

Run: python scipy-t-interval.py > scipy-t-interval.json   (needs numpy and scipy)
Each case: returns, then mean, sample std (ddof=1) and scipy.stats.t.interval(0.95, n - 1, loc=mean,
scale=std / sqrt(n)), numbers printed with repr (exact doubles).
"""
import json

import numpy as np
import scipy
import scipy.stats

rng = np.random.default_rng(32)
cases = [
    ("two", [-152.5, -140.25]),
    ("three", [100.0, 250.0, 175.5]),
    ("pendulum-like-10", list(np.round(rng.normal(-160.0, 25.0, 10), 6))),
    ("hopper-like-30", list(np.round(rng.normal(2400.0, 400.0, 30), 6))),
    ("bimodal-8", [300.0, 2500.0, 2450.0, 280.0, 2600.0, 2550.0, 2480.0, 310.0]),
]
out = {"source": f"scipy {scipy.__version__}, numpy {np.__version__}", "cases": []}
for name, x in cases:
    x = [float(v) for v in x]
    a = np.asarray(x)
    n = len(a)
    mean = float(a.mean())
    std = float(a.std(ddof=1))
    lo, hi = scipy.stats.t.interval(0.95, n - 1, loc=mean, scale=std / np.sqrt(n))
    out["cases"].append({"name": name, "returns": x, "mean": mean, "std": std, "lo": float(lo), "hi": float(hi)})
print(json.dumps(out, indent=1))

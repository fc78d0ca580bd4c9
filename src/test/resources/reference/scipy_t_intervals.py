"""Generates scipy-t-intervals.json: reference values for ablate4j's t intervals (TIntervals,
FactorialEffects.tIntervals). Run from this directory with python3 and scipy (>= 1.11 for
TtestResult.confidence_interval):

    python3 scipy_t_intervals.py > scipy-t-intervals.json

Intervals are 95%. Mean: scipy.stats.t.interval(0.95, n - 1, loc=mean, scale=sem). Difference of
means: scipy.stats.ttest_ind(x, y, equal_var=False).confidence_interval(0.95) (Welch), with its df.
Factorial: a main effect mean(on) - mean(off) and an interaction 1/2[(m11 - m01) - (m10 - m00)] as
linear contrasts of the runs, variance sum over cells of s_c^2 * sum of squared weights, Welch-
Satterthwaite df, quantile from scipy.stats.t.ppf: an independent numpy implementation.
"""
import json
import numpy as np
from scipy import stats

rng = np.random.default_rng(20261207)
cases = []
samples = {
    "n2": [1.0, 4.0],
    "n3": [-1234.5, -1201.25, -1260.0],
    "n5_skewed": list(np.round(rng.lognormal(0, 1, 5) * 1000, 3)),
    "n10_bimodal": list(np.round(np.where(rng.random(10) < 0.25, rng.normal(300, 80, 10), rng.normal(2500, 300, 10)), 3)),
    "n40_normal": list(np.round(rng.normal(3000, 700, 40), 3)),
}
for name, x in samples.items():
    x = np.asarray(x, dtype=float)
    lo, hi = stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=stats.sem(x))
    cases.append({"name": "mean_" + name, "x": x.tolist(), "lo": lo, "hi": hi})
pairs = [("n3", "n2"), ("n5_skewed", "n10_bimodal"), ("n40_normal", "n10_bimodal"), ("n3", "n5_skewed")]
welch = []
for a, b in pairs:
    x = np.asarray(samples[a], dtype=float)
    y = np.asarray(samples[b], dtype=float)
    r = stats.ttest_ind(x, y, equal_var=False)
    ci = r.confidence_interval(0.95)
    welch.append({"name": a + "_vs_" + b, "x": x.tolist(), "y": y.tolist(), "lo": ci.low, "hi": ci.high, "df": r.df})
quantiles = [{"df": df, "p": 0.975, "q": stats.t.ppf(0.975, df)} for df in [1, 2, 2.5, 4, 9, 17.3, 39, 250]]

# A 2x2 factorial (factors a, b), 3 runs per cell, unequal variances, plus one 4-run cell.
cells = {(0, 0): [100.0, 140.0, 90.0], (0, 1): [210.0, 180.0, 260.0], (1, 0): [150.0, 155.0, 149.0],
         (1, 1): [400.0, 310.0, 350.0, 330.0]}
runs = [(a, b, y) for (a, b), ys in cells.items() for y in ys]


def contrast(weights):
    est = sum(w * y for w, (_, _, y) in zip(weights, runs))
    se2, den = 0.0, 0.0
    for key, ys in cells.items():
        wsq = sum(w * w for w, (a, b, _) in zip(weights, runs) if (a, b) == key)
        if wsq == 0:
            continue
        part = np.var(ys, ddof=1) * wsq
        se2 += part
        den += part * part / (len(ys) - 1)
    df = se2 * se2 / den
    h = stats.t.ppf(0.975, df) * np.sqrt(se2)
    return {"estimate": est, "lo": est - h, "hi": est + h, "df": df}


def main_weights(f):
    on = sum(1 for r in runs if r[f] == 1)
    off = len(runs) - on
    return [1.0 / on if r[f] == 1 else -1.0 / off for r in runs]


n = {k: len(v) for k, v in cells.items()}
inter_w = [(1 if (a, b) in [(1, 1), (0, 0)] else -1) * 0.5 / n[(a, b)] for a, b, _ in runs]
factorial = {"runs": [{"a": a, "b": b, "score": y} for a, b, y in runs],
             "main_a": contrast(main_weights(0)), "main_b": contrast(main_weights(1)),
             "interaction": contrast(inter_w)}

print(json.dumps({"scipy": __import__("scipy").__version__, "confidence": 0.95, "mean": cases, "welch": welch,
                  "t_quantiles": quantiles, "factorial": factorial}, indent=1))

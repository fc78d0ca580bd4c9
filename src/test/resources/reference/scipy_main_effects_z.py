"""Generates scipy-main-effects-z.json: reference values for the main-effects target of adaptive
seeds (Rounds, FactorialEffects.mainEffectTests, GroupSequential.zFromT). Run from this directory
with python3, numpy and scipy:

    python3 scipy_main_effects_z.py > scipy-main-effects-z.json

A 2^3 factorial (factors a, b, c), 4 seeds per cell, unequal spreads by cell; one run of one cell
is left out (diverged), so that cell has 3 values. Each main effect is mean(on) - mean(off) over the
runs, a linear contrast with weights 1/n_on and -1/n_off; its variance is the sum over cells of
s_c^2 * (sum of the cell's squared weights), its df Welch-Satterthwaite (an unequal-variance ANOVA
contrast, as the report's t interval of a factorial effect); t = estimate / se, the two-sided
p = 2 * scipy.stats.t.sf(|t|, df), and z = sign(t) * scipy.stats.norm.isf(p / 2). The one-factor
case (two cells) is checked against scipy.stats.ttest_ind(on, off, equal_var=False): the contrast
is then Welch's test. An independent numpy implementation; nothing here comes from ablate4j.
"""
import json
import itertools
import numpy as np
from scipy import stats

rng = np.random.default_rng(20261207)
factors = ["a", "b", "c"]
size = {"a": 300.0, "b": 60.0, "c": 0.0}
cells = []
for k, levels in enumerate(itertools.product([True, False], repeat=3)):
    mean = 1000.0 + sum(size[f] for f, on in zip(factors, levels) if on)
    sd = 40.0 + 30.0 * k
    values = [round(float(v), 3) for v in rng.normal(mean, sd, 4)]
    cells.append({"levels": dict(zip(factors, levels)), "values": values, "left_out": []})
cells[5]["left_out"] = [2]  # seed 2 of the sixth cell diverged: its value does not enter


def used(cell):
    return [v for s, v in enumerate(cell["values"]) if s not in cell["left_out"]]


def main_effect(factor):
    n_on = sum(len(used(c)) for c in cells if c["levels"][factor])
    n_off = sum(len(used(c)) for c in cells if not c["levels"][factor])
    est, se2, den = 0.0, 0.0, 0.0
    for c in cells:
        ys = np.asarray(used(c))
        w = 1.0 / n_on if c["levels"][factor] else -1.0 / n_off
        est += w * ys.sum()
        part = np.var(ys, ddof=1) * w * w * len(ys)
        se2 += part
        den += part * part / (len(ys) - 1)
    se = np.sqrt(se2)
    df = se2 * se2 / den
    t = est / se
    p = 2 * stats.t.sf(abs(t), df)
    z = np.sign(t) * stats.norm.isf(p / 2)
    return {"factor": factor, "estimate": est, "se": se, "df": df, "t": t, "p": p, "z": z}


on = [3.1, 4.7, 2.2, 5.0, 3.3]
off = [1.0, 2.5, 0.4, 1.9]
w = stats.ttest_ind(on, off, equal_var=False)
one = {"on": on, "off": off, "t": w.statistic, "df": w.df, "p": w.pvalue,
       "z": np.sign(w.statistic) * stats.norm.isf(w.pvalue / 2)}

print(json.dumps({"scipy": __import__("scipy").__version__, "factors": factors, "cells": cells,
                  "main_effects": [main_effect(f) for f in factors], "one_factor_welch": one},
                 indent=1, default=float))

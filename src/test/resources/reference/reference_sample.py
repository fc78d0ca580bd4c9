"""Reference values for `report --reference` (ReferenceOptionTest): the baseline of a tiny results tree
against reference samples, computed with scipy only. Regenerate from the project root with python3 and
scipy (>= 1.11 for TtestResult.confidence_interval):

    python3 src/test/resources/reference/reference_sample.py > src/test/resources/reference/reference-sample.json

Each case: x = the baseline's final returns (the test writes runs whose last five iterations all
return exactly these values), y = the reference sample's final_return column. Welch: scipy.stats.
ttest_ind(x, y, equal_var=False), two-sided p and its 95% confidence_interval of mean x - mean y.
TOST at +-margin: ttest_ind(x + m, y, alternative="greater") and ttest_ind(x - m, y, alternative=
"less"), p = max. Smallest margin: |diff| + t.ppf(0.95, df) * se. Mean of y: t.interval(0.95,
n - 1, loc=mean, scale=sem).
"""
import json
import math
import sys

import numpy as np
from scipy import stats

MARGIN = 100.0


def case(env, label, x, y):
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    w = stats.ttest_ind(x, y, equal_var=False)
    ci = w.confidence_interval(0.95)
    lo = stats.ttest_ind(x + MARGIN, y, equal_var=False, alternative="greater")
    hi = stats.ttest_ind(x - MARGIN, y, equal_var=False, alternative="less")
    vx = x.var(ddof=1) / len(x)
    vy = y.var(ddof=1) / len(y)
    se = math.sqrt(vx + vy)
    df = (vx + vy) ** 2 / (vx ** 2 / (len(x) - 1) + vy ** 2 / (len(y) - 1))
    diff = x.mean() - y.mean()
    mlo, mhi = stats.t.interval(0.95, len(y) - 1, loc=y.mean(), scale=stats.sem(y))
    return {"env": env, "label": label, "x": x.tolist(), "y": y.tolist(), "diff": float(diff),
            "welch_p": float(w.pvalue), "ci_lo": float(ci.low), "ci_hi": float(ci.high),
            "tost_p": float(max(lo.pvalue, hi.pvalue)),
            "smallest_margin": float(abs(diff) + stats.t.ppf(0.95, df) * se),
            "y_mean": float(y.mean()), "y_mean_lo": float(mlo), "y_mean_hi": float(mhi)}


PENDULUM = [-180.25, -150.5, -210.75, -165.0, -190.5]
MOUNTAIN_CAR = [92.5, 90.25, 93.75, 91.0, 94.5]
cases = [
    case("Pendulum-v1", "CleanRL script", PENDULUM, [-175.5, -160.25, -200.0, -185.75, -170.5, -158.0]),
    case("MountainCarContinuous-v0", "CleanRL script", MOUNTAIN_CAR, [-10.5, -5.25, 0.0, -8.75, -2.5]),
    case("Pendulum-v1", "SB3", PENDULUM, [-400.5, -380.25, -420.0]),
]
json.dump({"generated_by": "src/test/resources/reference/reference_sample.py", "scipy": __import__("scipy").__version__,
           "margin": MARGIN, "cases": cases}, sys.stdout, indent=1)
print()

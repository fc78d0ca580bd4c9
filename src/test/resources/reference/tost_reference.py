"""Reference values for dev.ablate4j.stats.Tost (TostTest) and Wilson (WilsonTest).

Regenerate from the project root with python3 and scipy (statsmodels optional, used as a cross-check):

    python3 src/test/resources/reference/tost_reference.py > src/test/resources/reference/tost-reference.json

TOST = two one-sided Welch t-tests, computed with scipy.stats.ttest_ind(equal_var=False, alternative=...)
on shifted data: H0- (diff <= -m) via ttest_ind(x + m, y, alternative="greater"), H0+ (diff >= m) via
ttest_ind(x - m, y, alternative="less"); p = max. When statsmodels is importable, its
ttost_ind(x, y, -m, m, usevar="unequal") must agree (asserted here). The smallest margin is the
upper end of the 90% Welch interval of |diff|: |diff| + t_{0.95, df} * se. The Hopper case holds the
committed final returns of paper:ppo-noclip and paper:ppo (reports/paper-noclip-hopper-exact/summary
inputs: the final_return column of runs.csv of `ablate4j report` on
reports/paper-noclip-hopper-exact/results/paper-noclip-hopper-exact, copied here).
"""
import json
import math
import sys

import numpy as np
from scipy import stats


def tost(x, y, m):
    x = np.asarray(x, float)
    y = np.asarray(y, float)
    lo = stats.ttest_ind(x + m, y, equal_var=False, alternative="greater")
    hi = stats.ttest_ind(x - m, y, equal_var=False, alternative="less")
    vx = x.var(ddof=1) / len(x)
    vy = y.var(ddof=1) / len(y)
    se = math.sqrt(vx + vy)
    df = (vx + vy) ** 2 / (vx ** 2 / (len(x) - 1) + vy ** 2 / (len(y) - 1))
    diff = x.mean() - y.mean()
    smallest = abs(diff) + stats.t.ppf(0.95, df) * se
    try:
        from statsmodels.stats.weightstats import ttost_ind
        p_sm = ttost_ind(x, y, -m, m, usevar="unequal")[0]
        assert abs(p_sm - max(lo.pvalue, hi.pvalue)) < 1e-12, (p_sm, lo.pvalue, hi.pvalue)
    except ImportError:
        pass
    return {"margin": m, "diff": diff, "se": se, "df": df, "p_lower": float(lo.pvalue),
            "p_upper": float(hi.pvalue), "p": float(max(lo.pvalue, hi.pvalue)), "smallest_margin": float(smallest)}


def wilson(k, n):
    z = stats.norm.ppf(0.975)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    try:
        from statsmodels.stats.proportion import proportion_confint
        lo, hi = proportion_confint(k, n, alpha=0.05, method="wilson")
        assert abs(lo - max(0, centre - half)) < 1e-12 and abs(hi - min(1, centre + half)) < 1e-12
    except ImportError:
        pass
    return {"k": k, "n": n, "lo": max(0.0, centre - half), "hi": min(1.0, centre + half)}


rng = np.random.default_rng(20261207)
cases = []
for name, nx, ny, shift, sx, sy, margins in [
        ("normal-5-5", 5, 5, 0.3, 1.0, 1.0, [0.5, 1.0, 3.0]),
        ("unequal-10-4", 10, 4, -2.0, 1.0, 4.0, [1.0, 5.0, 20.0]),
        ("close-40-40", 40, 40, 0.05, 2.0, 1.5, [0.2, 1.0]),
        ("large-scale-10-10", 10, 10, 150.0, 600.0, 300.0, [100.0, 500.0, 1000.0])]:
    x = (rng.normal(shift, sx, nx)).round(6).tolist()
    y = (rng.normal(0.0, sy, ny)).round(6).tolist()
    cases.append({"name": name, "x": x, "y": y, "tests": [tost(x, y, m) for m in margins]})
HOPPER_NOCLIP = [2749.57652305, 2685.25021152, 2734.3488888, 2148.80376511, 2576.5349693, 2350.15959195, 2541.27795881, 2595.15058349, 2746.38986258, 2508.00518814]
HOPPER_PPO = [2421.34031984, 1904.2903725, 2693.15810336, 3169.58537541, 1787.14659025, 2204.63648259, 2830.64948638, 2549.53134318, 2908.04404451, 3258.24844531]
cases.append({"name": "hopper-ppo-noclip-vs-ppo", "x": HOPPER_NOCLIP, "y": HOPPER_PPO,
              "tests": [tost(HOPPER_NOCLIP, HOPPER_PPO, m) for m in [100.0, 311.0, 312.0]]})
json.dump({"generated_by": "src/test/resources/reference/tost_reference.py", "scipy": __import__("scipy").__version__,
           "tost": cases, "wilson": [wilson(k, n) for k, n in [(0, 100), (5, 100), (100, 2000), (176, 2000), (50, 50)]]},
          sys.stdout, indent=1)
print()

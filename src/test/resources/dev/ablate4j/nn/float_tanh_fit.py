# How nn/FloatTanh's coefficients were made (python3, numpy): tanh(x) ~ x * P(u) / Q(u), u = x^2 / 9.1^2,
# P of degree 7 and Q of degree 4 (Q(0) = 1), fitted on [0, 9.1] for the smallest maximum relative error by
# Sanathanan-Koerner iterations (linearized least squares) with Lawson-like reweighting. Printed: the
# largest relative error on the fitting grid (about 7.5e-12) and the coefficients as Java double literals.
# Run: python3 float_tanh_fit.py
import numpy as np

X = 9.1
NP, NQ = 7, 4
x = np.unique(np.concatenate([np.linspace(1e-5, 1, 6000), np.linspace(1, X, 12000)]))
f = np.tanh(x)
u = x * x / (X * X)
g = f / x
Q = np.ones_like(u)
w = np.ones_like(u)
best = (1.0, None)
for it in range(200):
    A = np.hstack([np.vstack([u ** k for k in range(NP + 1)]).T,
                   -(g[:, None]) * np.vstack([u ** k for k in range(1, NQ + 1)]).T])
    s = np.sqrt(w) / (Q * g)
    coef, *_ = np.linalg.lstsq(A * s[:, None], g * s, rcond=None)
    p = coef[:NP + 1]
    q = np.concatenate([[1.0], coef[NP + 1:]])
    P = np.polyval(p[::-1], u)
    Q = np.polyval(q[::-1], u)
    err = (x * P / Q - f) / f
    m = np.abs(err).max()
    if m < best[0]:
        best = (m, (p.copy(), q.copy()))
    w = w * (np.abs(err) / m) ** 0.3 + 1e-14
    w /= w.max()
print("largest relative error on the grid:", best[0])
print("P:", ", ".join(repr(float(v)) for v in best[1][0]))
print("Q:", ", ".join(repr(float(v)) for v in best[1][1]))

#!/usr/bin/env python3
"""High-precision reference values for chapter 1.1 (one-unit chains).

Regenerate the fixture with

    python3 tests/reference/one-unit-chain.py

which writes tests/reference/one-unit-chain.json beside this file. It needs
about 25 s of CPU time on the development machine (Python 3.11; under a
minute of wall-clock time on a busy machine), most of it in the 100 000-layer
tanh chain in 80-digit arithmetic and the nested bisection for w_c. The
output is deterministic: rerunning it must leave the JSON unchanged.

Only the Python 3 standard library is used: `decimal` at 80 significant
digits with exp/ln from Decimal itself, and `fractions` for the exact series
coefficients. Nothing here reads or imports the TypeScript library; every
value is a straight product, sum or root of the defining equations:

  chain      a_1 = x, a_{l+1} = act(w a_l + b), f'(x) = prod_{l=1..n} w act'(w a_l + b),
             formed as a plain Decimal product (Decimal's exponent range
             reaches 10^-999999, so nothing underflows) and logged at the end;
  roots      bisection to 1e-75 on brackets found by scanning a grid, or a
             long iteration of the map polished by Newton's method (the
             TypeScript code finds its brackets analytically instead);
  C(x)       the constant of the tanh power law, through the Fatou
             coordinate of tanh at 0 (see tanh_power_law_constant), checked
             by computing it from three different depths.

Each case records `value` with 45 significant digits (the last few are
guard digits; at least 40 are correct, and the self-checks below assert
this where a second method exists). For a value that is log10 of a
gradient, `antilog` holds the gradient itself in scientific notation with
45 significant digits, so that the digits a page prints (the mantissa) can
be checked by exact decimal rounding.
"""

from __future__ import annotations

import json
import math
import sys
import time
from decimal import Decimal, getcontext, localcontext
from fractions import Fraction
from pathlib import Path

getcontext().prec = 80
D = Decimal
ZERO = D(0)
ONE = D(1)
TWO = D(2)
HALF = D("0.5")
LN10 = D(10).ln()
OUT_DIGITS = 45
ROOT_TOL = D("1e-75")

# --------------------------------------------------------------------------
# Elementary functions in Decimal


def exp(z: Decimal) -> Decimal:
    return z.exp()


def ln(z: Decimal) -> Decimal:
    return z.ln()


def log10(z: Decimal) -> Decimal:
    return z.ln() / LN10


def sigmoid(z: Decimal) -> Decimal:
    # e^{-|z|} never overflows; both branches are free of cancellation.
    if z >= 0:
        return ONE / (ONE + exp(-z))
    e = exp(z)
    return e / (ONE + e)


def sigmoid_prime(z: Decimal) -> Decimal:
    e = exp(-abs(z))
    return e / ((ONE + e) * (ONE + e))


def tanh(z: Decimal) -> Decimal:
    if z == 0:
        return ZERO
    az = abs(z)
    if az < D("0.01"):
        # 1 - e^{-2z} would cancel; the odd Taylor series of sinh and cosh
        # converges fast here (each term is at most 1e-4 times the previous).
        z2 = az * az
        sh = az
        ch = ONE
        term_s = az
        term_c = ONE
        k = 1
        while True:
            term_s = term_s * z2 / ((2 * k) * (2 * k + 1))
            term_c = term_c * z2 / ((2 * k - 1) * (2 * k))
            if term_s < D("1e-100") * sh:
                break
            sh += term_s
            ch += term_c
            k += 1
        t = sh / ch
    else:
        e = exp(-2 * az)
        t = (ONE - e) / (ONE + e)
    return t if z > 0 else -t


def tanh_prime(z: Decimal) -> Decimal:
    # sech^2 z = 4e^{-2|z|}/(1 + e^{-2|z|})^2: no cancellation for any z.
    e = exp(-2 * abs(z))
    return 4 * e / ((ONE + e) * (ONE + e))


ACT = {"sigmoid": (sigmoid, sigmoid_prime), "tanh": (tanh, tanh_prime)}

# --------------------------------------------------------------------------
# Chains


def chain(act: str, x, depth: int, w=ONE, b=ZERO, keep=()):
    """Runs the chain; returns {depth: product} for depth in keep plus 'final',
    and the index and value of the largest |product| over depths 1..depth."""
    f, fp = ACT[act]
    x, w, b = D(x), D(w), D(b)
    keep = set(keep)
    a = x
    p = ONE
    snapshots = {}
    best_n, best_p = 0, None
    for n in range(1, depth + 1):
        z = w * a + b
        p *= w * fp(z)
        a = f(z)
        ap = abs(p)
        if best_p is None or ap > best_p:
            best_n, best_p = n, ap
        if n in keep:
            snapshots[n] = abs(p)
            snapshots[("a", n)] = a
    snapshots["final"] = abs(p)
    snapshots["a_final"] = a
    return snapshots, best_n, best_p


def bisect(g, lo: Decimal, hi: Decimal, tol: Decimal = ROOT_TOL) -> Decimal:
    glo = g(lo)
    ghi = g(hi)
    if glo == 0:
        return lo
    if ghi == 0:
        return hi
    if (glo > 0) == (ghi > 0):
        raise ValueError(f"no sign change on [{lo}, {hi}]")
    while hi - lo > tol:
        mid = (lo + hi) / 2
        gm = g(mid)
        if gm == 0:
            return mid
        if (gm > 0) == (glo > 0):
            lo, glo = mid, gm
        else:
            hi = mid
    return (lo + hi) / 2


def roots_by_scan(g, lo: Decimal, hi: Decimal, steps: int = 4000):
    """All sign changes of g on a uniform grid of [lo, hi], each refined by bisection."""
    out = []
    h = (hi - lo) / steps
    prev_x = lo
    prev_g = g(lo)
    for i in range(1, steps + 1):
        x = lo + h * i
        gx = g(x)
        if prev_g == 0:
            out.append(prev_x)
        elif gx != 0 and (gx > 0) != (prev_g > 0):
            out.append(bisect(g, prev_x, x))
        prev_x, prev_g = x, gx
    if prev_g == 0:
        out.append(prev_x)
    return out


def fixed_points(act: str, w, b=ZERO):
    f, fp = ACT[act]
    w, b = D(w), D(b)
    lo, hi = (D("1e-30"), ONE - D("1e-30")) if act == "sigmoid" else (-ONE + D("1e-30"), ONE - D("1e-30"))
    pts = roots_by_scan(lambda a: f(w * a + b) - a, lo, hi)
    return [(p, w * fp(w * p + b)) for p in pts]


def two_cycle(act: str, w, b=ZERO, start=D("0.3"), warmup: int = 20000):
    """Attracting 2-cycle of a -> act(w a + b): iterate, then Newton on g(g(p)) - p."""
    f, fp = ACT[act]
    w, b = D(w), D(b)
    a = D(start)
    for _ in range(warmup):
        a = f(w * a + b)
    for _ in range(60):
        q = f(w * a + b)
        r = f(w * q + b)
        gr = r - a
        dg = w * fp(w * q + b) * w * fp(w * a + b) - 1
        step = gr / dg
        a -= step
        if abs(step) < D("1e-78"):
            break
    p = a
    q = f(w * p + b)
    assert abs(f(w * q + b) - p) < D("1e-75"), "2-cycle did not close"
    assert abs(p - q) > D("1e-3"), "iteration fell onto the fixed point"
    lo, hi = min(p, q), max(p, q)
    mult = w * fp(w * lo + b) * w * fp(w * hi + b)
    return lo, hi, mult


# --------------------------------------------------------------------------
# The tanh power law constant C(x) = lim n^{3/2} |f'_n(x)| (w = 1, b = 0)
#
# The Fatou coordinate Phi of tanh at its parabolic fixed point 0 satisfies
# Phi(tanh a) = Phi(a) + 1 and has the asymptotic expansion
#     Phi(a) = 3/(2a^2) + (3/10) ln a + sum_{k>=1} c_k a^{2k}.
# Differentiating Phi(a_{n+1}) = Phi(x) + n gives Phi'(x) = Phi'(a_{n+1}) f'_n(x)
# EXACTLY for every n, and Phi'(a) ~ -3/a^3 with a_{n+1}^2 ~ 3/(2n), so
#     C(x) = |Phi'(x)| (3/2)^{3/2} / 3 = sqrt(3/2)/2 * |Phi'(a_{N+1})| * |f'_N(x)|
# for any N, up to the truncation of the series at a_{N+1}. The coefficients
# c_k come from matching powers of a^2 in Phi(tanh a) - Phi(a) = 1 with exact
# rational arithmetic.

SERIES_TERMS = 14


def _series_ops(n: int):
    def mul(p, q):
        r = [Fraction(0)] * n
        for i, x in enumerate(p):
            if x == 0:
                continue
            for j, y in enumerate(q):
                if i + j < n:
                    r[i + j] += x * y
        return r

    def inv(p):
        r = [Fraction(0)] * n
        r[0] = 1 / p[0]
        for m in range(1, n):
            r[m] = -sum(p[k] * r[m - k] for k in range(1, m + 1)) / p[0]
        return r

    def log1(p):  # log of a series with constant term 1
        e = [Fraction(0)] + p[1:]
        r = [Fraction(0)] * n
        t = [Fraction(1)] + [Fraction(0)] * (n - 1)
        for k in range(1, n):
            t = mul(t, e)
            r = [r[i] + Fraction((-1) ** (k + 1), k) * t[i] for i in range(n)]
        return r

    def exp0(p):  # exp of a series with constant term 0
        r = [Fraction(1)] + [Fraction(0)] * (n - 1)
        t = [Fraction(1)] + [Fraction(0)] * (n - 1)
        for k in range(1, n):
            t = [c / k for c in mul(t, p)]
            r = [r[i] + t[i] for i in range(n)]
        return r

    return mul, inv, log1, exp0


def fatou_coefficients(terms: int = SERIES_TERMS):
    """(alpha, beta, [c_1..c_terms]) with Phi(a) = alpha/a^2 + beta ln a + sum c_k a^{2k}."""
    n = terms + 3
    mul, inv, log1, exp0 = _series_ops(n)
    # tanh(a)/a = (sinh a / a)/cosh a as a series in s = a^2.
    sinh_a = [Fraction(1, math.factorial(2 * k + 1)) for k in range(n)]
    cosh_ = [Fraction(1, math.factorial(2 * k)) for k in range(n)]
    t = mul(sinh_a, inv(cosh_))
    lt = log1(t)

    def power(e):
        return exp0([e * c for c in lt])

    tm2 = power(-2)
    tp = [None] + [power(2 * k) for k in range(1, terms + 1)]
    # Coefficient of s^0 fixes alpha: alpha * tm2[1] = 1.
    alpha = 1 / tm2[1]
    # s^1: alpha tm2[2] + beta lt[1] = 0.
    beta = -alpha * tm2[2] / lt[1]
    c = {}
    for m in range(2, terms + 2):
        rest = alpha * tm2[m + 1] + beta * lt[m] + sum(c[k] * tp[k][m - k] for k in range(1, m - 1))
        c[m - 1] = -rest / tp[m - 1][1]
    assert alpha == Fraction(3, 2) and beta == Fraction(3, 10)
    return alpha, beta, [c[k] for k in range(1, terms + 1)]


ALPHA, BETA, FATOU_C = fatou_coefficients()


def fatou_prime(a: Decimal) -> Decimal:
    s = a * a
    total = -2 * D(ALPHA.numerator) / D(ALPHA.denominator) / (a * s) + D(BETA.numerator) / D(BETA.denominator) / a
    apow = a  # a^{2k-1}
    for k, ck in enumerate(FATOU_C, start=1):
        total += 2 * k * D(ck.numerator) / D(ck.denominator) * apow
        apow *= s
    return total


def power_law_constant_from(gradient: Decimal, a_next: Decimal) -> Decimal:
    """C(x) from |f'_N(x)| and the iterate a_{N+1} after the same N layers."""
    return (D(3) / 2).sqrt() / 2 * abs(fatou_prime(a_next)) * gradient


def tanh_power_law_constant(x, depth: int) -> Decimal:
    snaps, _, _ = chain("tanh", x, depth)
    return power_law_constant_from(snaps["final"], snaps["a_final"])


# --------------------------------------------------------------------------
# Output


def fmt(v: Decimal) -> str:
    """45 significant digits; plain notation for 1e-6 <= |v| < 1e21, else scientific."""
    if v == 0:
        return "0"
    with localcontext() as ctx:
        ctx.prec = OUT_DIGITS
        # normalize() drops trailing zeros, so exact values such as 0.5 print short.
        r = (+v).normalize()
    if D("1e-6") <= abs(r) < D("1e21"):
        s = format(r, "f")
    else:
        s = format(r, f".{OUT_DIGITS - 1}e")
    return s


def sci(v: Decimal) -> str:
    return format(v, f".{OUT_DIGITS - 1}e")


CASES: list[dict] = []
_names: set[str] = set()


def case(name: str, inputs: dict, value, what: str, antilog=None, exact: bool = False) -> Decimal:
    assert name not in _names, name
    _names.add(name)
    entry = {"name": name, "inputs": inputs}
    if isinstance(value, int):
        entry["value"] = str(value)
        exact = True
    else:
        entry["value"] = fmt(value)
        if not exact:
            digits = entry["value"].lstrip("-").split("e")[0].replace(".", "").lstrip("0")
            assert len(digits) >= 40, (name, entry["value"])
    if exact:
        entry["exact"] = True
    if antilog is not None:
        entry["antilog"] = sci(antilog)
    entry["what"] = what
    CASES.append(entry)
    return value


def log_case(name, inputs, product: Decimal, what: str) -> Decimal:
    """A case whose value is log10 of a positive product (which is stored as antilog)."""
    return case(name, inputs, log10(product), what, antilog=product)


def agree(a: Decimal, b: Decimal, rel: str, label: str) -> None:
    if abs(a - b) > D(rel) * abs(b):
        sys.exit(f"self-check failed: {label}: {a} vs {b}")


# --------------------------------------------------------------------------


def main() -> None:
    t0 = time.time()
    four = D(4)

    # ---- Sigmoid with w = 1 ---------------------------------------------
    case("sigmoidPrime.0", {"x": 0}, sigmoid_prime(ZERO), "sigma'(0) = 1/4", exact=True)
    for n in (10, 100, 1000):
        log_case(f"sigmoid.bound.depth{n}", {"depth": n}, four ** -n, f"log10 of 4^-{n}, the sigmoid bound after {n} layers")
    case("log10.4", {}, log10(four), "log10 4: decimal digits lost per layer at the sigmoid bound 1/4")

    xs1 = bisect(lambda x: sigmoid(x) - x, HALF, ONE)
    case("sigmoid.fixedPoint.w1", {"weight": 1}, xs1, "x* = sigma(x*)")
    rate1 = sigmoid_prime(xs1)
    agree(rate1, xs1 * (1 - xs1), "1e-70", "sigma'(x*) = x*(1-x*)")
    case("sigmoid.fixedPoint.rate.w1", {"weight": 1}, rate1, "sigma'(x*), the asymptotic per-layer factor for w = 1")
    case("sigmoid.fixedPoint.rate.w1.negLog10", {"weight": 1}, -log10(rate1), "-log10 sigma'(x*): decimal digits lost per layer")

    snaps, _, _ = chain("sigmoid", 1, 1000)
    log_case("sigmoid.chain.x1.depth1000", {"activation": "sigmoid", "x": 1, "depth": 1000, "weight": 1}, snaps["final"], "log10 |f'(1)| after 1000 sigmoid layers")

    log_case("double.minPositive", {}, D(2) ** -1074, "log10 of the smallest positive double 2^-1074")

    # ---- Tanh with w = 1 --------------------------------------------------
    case("tanhPrime.0", {"x": 0}, tanh_prime(ZERO), "tanh'(0) = 1", exact=True)
    snaps, _, _ = chain("tanh", 0, 100000)
    case("tanh.chain.x0.depth100000", {"activation": "tanh", "x": 0, "depth": 100000, "weight": 1}, log10(snaps["final"]), "log10 |f'(0)| after 100 000 tanh layers (every factor is 1)", antilog=snaps["final"], exact=True)
    t_run = time.time()
    snaps, _, _ = chain("tanh", 1, 100000, keep=(1000, 10000))
    print(f"tanh chain x = 1, 100 000 layers: {time.time() - t_run:.1f} s", file=sys.stderr)
    g3, g4, g5 = snaps[1000], snaps[10000], snaps["final"]
    log_case("tanh.chain.x1.depth1000", {"activation": "tanh", "x": 1, "depth": 1000, "weight": 1}, g3, "log10 |f'(1)| after 1000 tanh layers")
    log_case("tanh.chain.x1.depth10000", {"activation": "tanh", "x": 1, "depth": 10000, "weight": 1}, g4, "log10 |f'(1)| after 10 000 tanh layers")
    log_case("tanh.chain.x1.depth100000", {"activation": "tanh", "x": 1, "depth": 100000, "weight": 1}, g5, "log10 |f'(1)| after 100 000 tanh layers")
    case("tanh.logLogSlope.x1.n10000.n100000", {"x": 1, "n1": 10000, "n2": 100000}, (log10(g5) - log10(g4)) / (log10(D(100000)) - log10(D(10000))), "slope of log10|f'| against log10 n between n = 10^4 and 10^5 (x = 1)")
    case("tanh.iterateAsymptote.n10000", {"n": 10000}, (D(3) / D(20000)).sqrt(), "sqrt(3/(2n)) at n = 10^4")
    n = D(100000)
    asym = (1 + 2 * n / 3) ** D("-1.5")
    case("tanh.asymptoteRatio.x1.n100000", {"x": 1, "n": 100000}, g5 / asym, "|f'_n(1)| / (1 + 2n/3)^{-3/2} at n = 10^5: true gradient over the approximation")
    for nn, g in ((1000, g3), (10000, g4), (100000, g5)):
        case(f"tanh.powerLawEstimate.x1.n{nn}", {"x": 1, "n": nn}, D(nn) ** D("1.5") * g, f"n^(3/2) |f'_n(1)| at n = {nn}")

    # C(x): from three depths for x = 1 (they must agree to the output digits).
    c_vals = {
        1000: power_law_constant_from(g3, snaps[("a", 1000)]),
        10000: power_law_constant_from(g4, snaps[("a", 10000)]),
        100000: power_law_constant_from(g5, snaps["a_final"]),
    }
    agree(c_vals[1000], c_vals[100000], "1e-44", "C(1) at N = 1000 vs 100000")
    agree(c_vals[10000], c_vals[100000], "1e-50", "C(1) at N = 10000 vs 100000")
    case("tanh.powerLawConstant.x1", {"x": 1}, c_vals[100000], "C(1) = lim n^(3/2) |f'_n(1)| (tanh, w = 1)")
    for x in ("0.5", "2", "6", "0.01"):
        c_a = tanh_power_law_constant(D(x), 2000)
        c_b = tanh_power_law_constant(D(x), 4000)
        agree(c_a, c_b, "1e-44", f"C({x}) at N = 2000 vs 4000")
        case(f"tanh.powerLawConstant.x{x}", {"x": float(x)}, c_b, f"C({x}) = lim n^(3/2) |f'_n({x})| (tanh, w = 1)")

    # ---- Weight other than 1 ---------------------------------------------
    xs6 = bisect(lambda x: sigmoid(6 * x) - x, HALF, ONE)
    case("sigmoid.fixedPoint.w6", {"weight": 6}, xs6, "x* = sigma(6 x*)")
    r6 = 6 * sigmoid_prime(6 * xs6)
    case("sigmoid.fixedPoint.rate.w6", {"weight": 6}, r6, "6 sigma'(6 x*): per-layer factor at the fixed point, w = 6")
    log_case("sigmoid.fixedPoint.rate.w6.log10", {"weight": 6}, r6, "log10 of that factor")

    log_case("tanh.chain.x0.depth100.w2", {"activation": "tanh", "x": 0, "depth": 100, "weight": 2}, TWO ** 100, "2^100: the tanh chain at x = 0, w = 2, 100 layers")
    snaps, _, _ = chain("tanh", D("0.5"), 100, TWO)
    log_case("tanh.chain.x0.5.depth100.w2", {"activation": "tanh", "x": 0.5, "depth": 100, "weight": 2}, snaps["final"], "log10 |f'(0.5)| after 100 tanh layers with w = 2")

    # Flip bifurcation of the sigmoid fixed point: w such that w sigma'(w x*(w)) = -1.
    # Outer bisection on w, inner bisection for x*(w): no reduction to one variable.
    def fixed_point_neg(w):
        return bisect(lambda x: sigmoid(w * x) - x, ZERO, HALF, D("1e-78"))

    def flip_gap(w):
        xw = fixed_point_neg(w)
        return w * xw * (1 - xw) + 1  # multiplier + 1

    wc = bisect(flip_gap, D(-7), D(-5), D("1e-72"))
    xc = fixed_point_neg(wc)
    # Second route: (1 - x) ln(x/(1 - x)) = -1 and w = ln(x/(1-x))/x.
    xc2 = bisect(lambda x: (1 - x) * ln(x / (1 - x)) + 1, D("0.1"), D("0.4"))
    agree(wc, ln(xc2 / (1 - xc2)) / xc2, "1e-65", "w_c by two routes")
    case("sigmoid.flipWeight", {}, wc, "w_c: below it the sigmoid fixed point repels (w sigma'(w x*) = -1)")
    case("sigmoid.flipWeight.fixedPoint", {}, xc, "x*(w_c)")

    xsm6 = fixed_point_neg(D(-6))
    case("sigmoid.fixedPoint.w-6", {"weight": -6}, xsm6, "x* = sigma(-6 x*)")
    case("sigmoid.fixedPoint.multiplier.w-6", {"weight": -6}, -6 * sigmoid_prime(-6 * xsm6), "-6 sigma'(-6 x*): signed multiplier, below -1 (repelling)")
    xsm5 = fixed_point_neg(D(-5))
    case("sigmoid.fixedPoint.w-5", {"weight": -5}, xsm5, "x* = sigma(-5 x*)")
    case("sigmoid.fixedPoint.multiplier.w-5", {"weight": -5}, -5 * sigmoid_prime(-5 * xsm5), "-5 sigma'(-5 x*): above -1 (attracting)")

    p, q, m = two_cycle("sigmoid", -6)
    case("sigmoid.twoCycle.w-6.low", {"weight": -6}, p, "lower point of the sigmoid 2-cycle, w = -6")
    case("sigmoid.twoCycle.w-6.high", {"weight": -6}, q, "upper point of the sigmoid 2-cycle, w = -6")
    case("sigmoid.twoCycle.w-6.multiplier", {"weight": -6}, m, "36 sigma'(-6p) sigma'(-6q): below 1, the cycle attracts")
    case("sigmoid.twoCycle.w-6.perLayerLog10", {"weight": -6}, log10(m) / 2, "log10 of the per-layer factor sqrt(multiplier) along the cycle")
    case("sigmoid.twoCycle.w-6.perLayerFactor", {"weight": -6}, m.sqrt(), "sqrt(multiplier): the per-layer factor along the cycle")
    p, q, m = two_cycle("sigmoid", -10)
    case("sigmoid.twoCycle.w-10.low", {"weight": -10}, p, "lower point of the sigmoid 2-cycle, w = -10")
    case("sigmoid.twoCycle.w-10.high", {"weight": -10}, q, "upper point of the sigmoid 2-cycle, w = -10")
    case("sigmoid.twoCycle.w-10.multiplier", {"weight": -10}, m, "multiplier of the sigmoid 2-cycle, w = -10")

    snaps, best_n, best_p = chain("sigmoid", D("0.22"), 10000, D(-6), keep=(100, 171, 173, 5000))
    # The argmax is only meaningful if its neighbours are clearly lower.
    gap = min(log10(best_p) - log10(snaps[171]), log10(best_p) - log10(snaps[173]))
    assert best_n == 172 and gap > D("1e-6"), gap
    inp = {"activation": "sigmoid", "x": 0.22, "weight": -6}
    log_case("sigmoid.chain.x0.22.w-6.depth100", {**inp, "depth": 100}, snaps[100], "log10 |f'| after 100 layers (about 3.8: growth)")
    case("sigmoid.chain.x0.22.w-6.peakDepth", {**inp, "depth": 10000}, best_n, "depth n in 1..10 000 with the largest |f'|")
    log_case("sigmoid.chain.x0.22.w-6.peak", {**inp, "depth": 10000}, best_p, "log10 of the largest |f'| over depths 1..10 000")
    log_case("sigmoid.chain.x0.22.w-6.depth10000", {**inp, "depth": 10000}, snaps["final"], "log10 |f'| after 10 000 layers")
    case("sigmoid.chain.x0.22.w-6.slope5000.10000", {**inp, "n1": 5000, "n2": 10000}, (log10(snaps["final"]) - log10(snaps[5000])) / 5000, "mean log10 change per layer between depths 5000 and 10 000")

    # Just above w_c the fixed point attracts, with |multiplier| close to 1.
    xs585 = fixed_point_neg(D("-5.85"))
    r585 = abs(D("-5.85") * sigmoid_prime(D("-5.85") * xs585))
    case("sigmoid.fixedPoint.rate.w-5.85", {"weight": -5.85}, r585, "|w sigma'(w x*)| at w = -5.85: attracting, barely")
    case("sigmoid.fixedPoint.layers.w-5.85", {"weight": -5.85}, 1 / (1 - r585), "1/(1 - |multiplier|) at w = -5.85: layers per factor e of decay")
    # Just below w_c: transient growth near the repelling x*, then the cycle.
    snaps, best_n, best_p = chain("sigmoid", D("0.22"), 10000, D("-5.9"))
    snaps_nb, _, _ = chain("sigmoid", D("0.22"), best_n + 1, D("-5.9"), keep=(best_n - 1, best_n + 1))
    gap = min(log10(best_p) - log10(snaps_nb[best_n - 1]), log10(best_p) - log10(snaps_nb[best_n + 1]))
    assert gap > D("1e-6"), gap
    inp = {"activation": "sigmoid", "x": 0.22, "weight": -5.9}
    case("sigmoid.chain.x0.22.w-5.9.peakDepth", {**inp, "depth": 10000}, best_n, "depth n in 1..10 000 with the largest |f'|")
    log_case("sigmoid.chain.x0.22.w-5.9.peak", {**inp, "depth": 10000}, best_p, "log10 of the largest |f'| over depths 1..10 000")

    snaps, best_n, best_p = chain("tanh", D("0.01"), 100, TWO, keep=(5, 7))
    gap = min(log10(best_p) - log10(snaps[5]), log10(best_p) - log10(snaps[7]))
    assert best_n == 6 and gap > D("1e-3"), gap
    inp = {"activation": "tanh", "x": 0.01, "weight": 2}
    case("tanh.chain.x0.01.w2.peakDepth", {**inp, "depth": 100}, best_n, "depth n in 1..100 with the largest |f'|")
    log_case("tanh.chain.x0.01.w2.peak", {**inp, "depth": 100}, best_p, "log10 of the largest |f'| over depths 1..100")
    log_case("tanh.chain.x0.01.w2.depth100", {**inp, "depth": 100}, snaps["final"], "log10 |f'| after 100 layers")

    # tanh w = +-2: the nonzero fixed point and the factor there.
    fps = fixed_points("tanh", 2)
    assert len(fps) == 3 and abs(fps[1][0]) < D("1e-70"), fps
    a2 = fps[2][0]
    case("tanh.fixedPoint.w2", {"weight": 2}, a2, "a* > 0 with a* = tanh(2a*)")
    f2 = 2 * (1 - a2 * a2)
    agree(f2, fps[2][1], "1e-70", "2(1 - a*^2) = 2 tanh'(2a*)")
    case("tanh.fixedPoint.factor.w2", {"weight": 2}, f2, "2(1 - a*^2): per-layer factor at a*")
    case("tanh.fixedPoint.factor.w2.log10", {"weight": 2}, log10(f2), "its log10: the slope per layer of log10|f'| at large depth")
    snaps, _, _ = chain("tanh", 1, 10000, TWO, keep=(5000,))
    case("tanh.chain.x1.w2.slope5000.10000", {"activation": "tanh", "x": 1, "weight": 2, "n1": 5000, "n2": 10000}, (log10(snaps["final"]) - log10(snaps[5000])) / 5000, "measured log10 change per layer between 5000 and 10 000 layers")
    p, q, m = two_cycle("tanh", -2)
    agree(q, a2, "1e-70", "tanh w=-2 cycle is {-a*, a*}")
    case("tanh.twoCycle.w-2.multiplier", {"weight": -2}, m, "4 tanh'(2a*)^2 = (2(1 - a*^2))^2: multiplier of the 2-cycle {-a*, a*}, w = -2")

    # The knife edge: w = 0.99, w = 1.01, and w = 1 with bias 0.01.
    knife = (("w0.99", D("0.99"), ZERO), ("w1.01", D("1.01"), ZERO), ("w1.b0.01", ONE, D("0.01")))
    for label, w, b in knife:
        fps = fixed_points("tanh", w, b)
        if label == "w0.99":
            assert len(fps) == 1 and abs(fps[0][0]) < D("1e-70")
            pt, mult = ZERO, w
        else:
            attracting = [(p_, m_) for p_, m_ in fps if abs(m_) < 1 and p_ > 0]
            assert len(attracting) == 1, fps
            pt, mult = attracting[0]
        exact = label == "w0.99"  # the fixed point 0 and its multiplier w
        case(f"tanh.{label}.fixedPoint", {"weight": float(w), "bias": float(b)}, pt, "the attracting fixed point the chain from x = 1 settles on", exact=exact)
        case(f"tanh.{label}.factor", {"weight": float(w), "bias": float(b)}, mult, "w tanh'(w a* + b): the per-layer factor there", exact=exact)
        case(f"tanh.{label}.factor.log10", {"weight": float(w), "bias": float(b)}, log10(mult), "its log10")
        snaps, _, _ = chain("tanh", 1, 10000, w, b, keep=(5000,))
        inp = {"activation": "tanh", "x": 1, "weight": float(w), "bias": float(b)}
        log_case(f"tanh.{label}.chain.x1.depth10000", {**inp, "depth": 10000}, snaps["final"], "log10 |f'(1)| after 10 000 layers")
        case(f"tanh.{label}.chain.x1.slope5000.10000", {**inp, "n1": 5000, "n2": 10000}, (log10(snaps["final"]) - log10(snaps[5000])) / 5000, "measured log10 change per layer between 5000 and 10 000 layers")

    # Marginal fixed points away from 0: for |w| > 1 the bias at which
    # a -> tanh(w a + b) has a fixed point of slope +1 (w = 2: two fixed
    # points merge) or -1 (w = -1.05: the fixed point flips). The slope
    # condition gives a*^2 = 1 - 1/|w|, the fixed-point equation then gives b;
    # both equations are checked on the result.
    for label, w in (("w2", TWO), ("w-1.05", D("-1.05"))):
        a = (1 - 1 / abs(w)).sqrt()
        b = (ln((1 + a) / (1 - a))) / 2 - w * a
        agree(tanh(w * a + b), a, "1e-70", f"marginal fixed point, {label}")
        agree(w * tanh_prime(w * a + b), ONE if w > 0 else -ONE, "1e-70", f"marginal slope, {label}")
        case(f"tanh.marginalBias.{label}", {"weight": float(w)}, abs(b), "|b| at which a -> tanh(w a + b) has a fixed point of slope +-1")

    # w = -1 with bias 0.01: off the flip curve only at second order, so the
    # factor at the attracting fixed point (near b/2) is about 1 - b^2/4.
    w, b = -ONE, D("0.01")
    fps = [(p_, m_) for p_, m_ in fixed_points("tanh", w, b) if abs(m_) < 1]
    assert len(fps) == 1, fps
    pt, mult = fps[0]
    inp = {"weight": -1, "bias": 0.01}
    case("tanh.w-1.b0.01.fixedPoint", inp, pt, "the attracting fixed point a* = tanh(-a* + 0.01)")
    case("tanh.w-1.b0.01.factor", inp, abs(mult), "|w tanh'(w a* + b)|: the per-layer factor there")
    case("tanh.w-1.b0.01.layers", inp, 1 / (1 - abs(mult)), "1/(1 - factor): layers per factor e of decay")
    snaps, _, _ = chain("tanh", 1, 10000, w, b)
    log_case("tanh.w-1.b0.01.chain.x1.depth10000", {**inp, "activation": "tanh", "x": 1, "depth": 10000}, snaps["final"], "log10 |f'(1)| after 10 000 layers")

    # General fixed points (several roots) and a biased 2-cycle.
    for act, w, b in (("sigmoid", 8, -4), ("tanh", 3, D("0.5")), ("sigmoid", -8, 2)):
        fps = fixed_points(act, w, b)
        for i, (pt, mult) in enumerate(fps):
            inp = {"activation": act, "weight": float(w), "bias": float(b), "index": i, "count": len(fps)}
            # sigma(8a - 4) = a at a = 1/2 exactly (sigma(0) = 1/2), multiplier 8/4 = 2;
            # the grid hits that root exactly, so these two are exact.
            exact = act == "sigmoid" and w == 8 and i == 1
            if exact:
                assert pt == HALF and mult == 2, (pt, mult)
            case(f"{act}.fixedPoints.w{w}.b{b}.{i}", inp, pt, f"fixed point {i} (ascending) of a -> {act}({w} a + {b})", exact=exact)
            case(f"{act}.fixedPoints.w{w}.b{b}.{i}.multiplier", inp, mult, "its multiplier w act'(w a + b)", exact=exact)
    p, q, m = two_cycle("sigmoid", -8, 2)
    case("sigmoid.twoCycle.w-8.b2.low", {"weight": -8, "bias": 2}, p, "lower point of the 2-cycle of a -> sigma(-8a + 2)")
    case("sigmoid.twoCycle.w-8.b2.high", {"weight": -8, "bias": 2}, q, "upper point")
    case("sigmoid.twoCycle.w-8.b2.multiplier", {"weight": -8, "bias": 2}, m, "its multiplier")

    # The largest fixed-point factor over positive weights (b = 0). Route 1:
    # golden-section search on r(w) = w x*(w)(1 - x*(w)) with x*(w) bisected;
    # route 2: the one-variable condition x ln(x/(1 - x)) = 1, w = 1/x^2.
    def fixed_point_pos(w):
        return bisect(lambda x: sigmoid(w * x) - x, HALF, ONE, D("1e-78"))

    def rate_pos(w):
        xw = fixed_point_pos(w)
        return w * xw * (1 - xw)

    lo_, hi_ = ONE, TWO
    phi = (D(5).sqrt() - 1) / 2
    c1, c2 = hi_ - phi * (hi_ - lo_), lo_ + phi * (hi_ - lo_)
    r1, r2 = rate_pos(c1), rate_pos(c2)
    while hi_ - lo_ > D("1e-32"):
        if r1 > r2:
            hi_, c2, r2 = c2, c1, r1
            c1 = hi_ - phi * (hi_ - lo_)
            r1 = rate_pos(c1)
        else:
            lo_, c1, r1 = c1, c2, r2
            c2 = lo_ + phi * (hi_ - lo_)
            r2 = rate_pos(c2)
    w_golden = (lo_ + hi_) / 2
    xm = bisect(lambda x: x * ln(x / (1 - x)) - 1, HALF, D("0.99"))
    wm = 1 / (xm * xm)
    rm = (1 - xm) / xm
    agree(w_golden, wm, "1e-25", "rate maximum: golden section vs x ln(x/(1-x)) = 1")
    agree(rate_pos(w_golden), rm, "1e-60", "largest rate by two routes")
    agree(fixed_point_pos(wm), xm, "1e-70", "x*(w_m) = x_m")
    case("sigmoid.positiveWeight.rateMax", {}, rm, "max over w > 0 of w sigma'(w x*(w)), b = 0")
    case("sigmoid.positiveWeight.rateMax.weight", {}, wm, "the weight w_m where it is reached")
    case("sigmoid.positiveWeight.rateMax.fixedPoint", {}, xm, "x*(w_m)")

    # ---- Exercises ----------------------------------------------------------
    # 2: maximise |f'(x)| = sigma'(x) sigma'(sigma(x)). d/dx ln|f'| =
    # (1 - 2 sigma(x)) + (1 - 2 sigma(sigma(x))) sigma'(x), solved in x by bisection.
    def dlog(x):
        return (1 - 2 * sigmoid(x)) + (1 - 2 * sigmoid(sigmoid(x))) * sigmoid_prime(x)

    xm = bisect(dlog, D(-1), D(1))
    # Golden-section search on |f'| itself confirms the location to ~1e-35
    # (a maximum is only determined to sqrt(precision) that way).
    def grad2(x):
        return sigmoid_prime(x) * sigmoid_prime(sigmoid(x))

    lo_, hi_ = D(-1), D(1)
    phi = (D(5).sqrt() - 1) / 2
    for _ in range(400):
        c1 = hi_ - phi * (hi_ - lo_)
        c2 = lo_ + phi * (hi_ - lo_)
        if grad2(c1) > grad2(c2):
            hi_ = c2
        else:
            lo_ = c1
    if abs((lo_ + hi_) / 2 - xm) > D("1e-30"):
        sys.exit("self-check failed: golden section vs derivative root")
    case("sigmoid.twoLayer.argmax", {}, xm, "x maximising the two-layer sigmoid gradient sigma'(x) sigma'(sigma(x))")
    gm = grad2(xm)
    case("sigmoid.twoLayer.max", {}, gm, "the largest two-layer gradient")
    case("sigmoid.twoLayer.maxOverBound", {}, 16 * gm, "that gradient over the bound 1/16")
    case("sigmoid.twoLayer.at0OverBound", {}, 16 * grad2(ZERO), "the gradient at x = 0 over the bound 1/16")

    # 3: a -> a - a^3 (factor 1 - 3a^2), from x = 0.5.
    a = HALF
    p = ONE
    p4 = None
    for n_ in range(1, 100001):
        p *= 1 - 3 * a * a
        a = a - a * a * a
        if n_ == 10000:
            p4 = abs(p)
    p5 = abs(p)
    log_case("cubic.chain.x0.5.depth10000", {"x": 0.5, "depth": 10000}, p4, "log10 |f'| after 10^4 layers of a -> a - a^3")
    log_case("cubic.chain.x0.5.depth100000", {"x": 0.5, "depth": 100000}, p5, "log10 |f'| after 10^5 layers of a -> a - a^3")
    case("cubic.logLogSlope.x0.5.n10000.n100000", {"x": 0.5, "n1": 10000, "n2": 100000}, log10(p5) - log10(p4), "log-log slope between 10^4 and 10^5 for a -> a - a^3")

    elapsed = time.time() - t0
    out = {
        "generator": "tests/reference/one-unit-chain.py",
        "precision": getcontext().prec,
        "digits": OUT_DIGITS,
        "fatouCoefficients": [f"{c.numerator}/{c.denominator}" for c in FATOU_C],
        "cases": CASES,
    }
    path = Path(__file__).with_suffix(".json")
    path.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {path} in {elapsed:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()

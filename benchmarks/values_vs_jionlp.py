"""Money and date normalisers, zhfin against JioNLP; value-recognition throughput.

    .venv/bin/pip install -e '.[bench]'          # JioNLP, for this script only
    .venv/bin/python benchmarks/values_vs_jionlp.py [../shared/data/news/finnl_news.jsonl]

Part 1 runs the table-driven test cases (tests/test_money.py, tests/test_dates.py)
through `money.parse` / `dates.parse` and through `jionlp.parse_money` /
`jionlp.parse_time` with the same reference date, and compares the fields both
can express:

- money: value, value_max, currency. JioNLP cannot say "no currency" (it
  defaults to 元), so where our table expects None its currency is not checked;
  it cannot say "vague amount" either, so where we expect vague (value None) any
  answer JioNLP marks `blur` with the right currency counts as correct. Its
  ranges for 十余亿 / 300多万 (over n) count as correct when the lower bound is n.
- dates: start and end day (granularity and `inferred` are ours only).
- tables of non-values (NOT_MONEY, vague/invalid dates): correct means no
  value; a JioNLP exception counts as "no value" there. Everywhere else a
  JioNLP exception counts as wrong.
JioNLP reads simplified, half-width text only, so it is also scored on each
surface after zhfin's `normalise` (column "normalised"; accuracy only).

Part 2 times value recognition (`money.find`, `dates.find` + `dates.parse` on
each span, `values.find_*`) over every text of a JSONL corpus, single process,
on the raw text and with `nlp.text.normalise.normalise` first.
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlp.entities import dates, money, values  # noqa: E402
from nlp.text.normalise import normalise  # noqa: E402
try:
    from tests import test_dates, test_money  # the case tables; they need the test extra (hypothesis)
except ImportError as exc:
    sys.exit(f"cannot import the test tables ({exc}): .venv/bin/pip install -e '.[test]'")

DEFAULT_CORPUS = ROOT.parent / "shared/data/news/finnl_news.jsonl"

# JioNLP's `case` (currency word) -> ISO 4217
JIO_CURRENCY = {
    "元": "CNY", "人民币": "CNY", "美元": "USD", "港元": "HKD", "港币": "HKD", "欧元": "EUR",
    "英镑": "GBP", "日元": "JPY", "韩元": "KRW", "新台币": "TWD", "台币": "TWD", "新加坡元": "SGD",
    "新元": "SGD", "澳元": "AUD", "澳大利亚元": "AUD", "加元": "CAD", "加拿大元": "CAD",
    "瑞士法郎": "CHF", "法郎": "CHF", "卢比": "INR", "印度卢比": "INR", "澳门元": "MOP",
    "泰铢": "THB", "美金": "USD", "日圆": "JPY", "卢布": "RUB",
}
JIO_QUALIFIER = {"accurate": None, "blur": "approx", "blur+": "over", "blur-": "under"}


def load_jionlp():
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp  # prints a banner on import
    except ImportError:
        print("jionlp is not installed: .venv/bin/pip install -e '.[bench]'", file=sys.stderr)
        sys.exit(2)
    return jionlp


# ---------------------------------------------------------------- money

def jio_money(jio, surface: str) -> dict | None:
    r = jio.parse_money(surface)
    if not r:
        return None
    num = r["num"]
    lo, hi = (num[0], num[1]) if isinstance(num, list) else (num, None)
    return {"value": float(lo), "value_max": float(hi) if hi is not None else None,
            "currency": JIO_CURRENCY.get(r.get("case"), r.get("case")),
            "qualifier": JIO_QUALIFIER.get(r.get("definition")), "definition": r.get("definition")}


def _close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def ours_money_ok(got: dict | None, exp: dict) -> bool:
    return got is not None and all(got.get(k) == v if k not in ("value", "value_max") else _close(got[k], v)
                                   for k, v in exp.items())


def jio_money_ok(got: dict | None, exp: dict) -> bool:
    if got is None:
        return False
    if exp["currency"] is not None and got["currency"] != exp["currency"]:
        return False
    if exp["vague"]:
        return got["definition"] != "accurate"
    if _close(got["value"], exp["value"]) and _close(got["value_max"], exp["value_max"]):
        return True
    # 十余亿 -> [1e9, 2e9]: a range starting at n is a fair reading of "over n"
    return (exp["qualifier"] in ("over", "at_least") and exp["value_max"] is None
            and _close(got["value"], exp["value"]))


# ---------------------------------------------------------------- dates

def jio_date(jio, surface: str, ref: dt.date) -> dict | None:
    base = time.mktime(dt.datetime(ref.year, ref.month, ref.day).timetuple())
    r = jio.parse_time(surface, time_base=base)
    if not r or not r.get("time"):
        return None
    t = r["time"]
    if not isinstance(t, list) or len(t) != 2 or not all(isinstance(x, str) for x in t):
        return None  # time_delta / time_period: not a date span
    return {"start": t[0][:10], "end": t[1][:10]}


def date_ok(got: dict | None, exp: dict) -> bool:
    return got is not None and got["start"] == exp["start"] and got["end"] == exp["end"]


# ---------------------------------------------------------------- part 1

def run_table(name, cases, ours, ours_ok, theirs, theirs_ok, repeat=3):
    """cases: [(surface, expected, ref)]; expected None means "no value"."""
    ours_fail, n_ours, n_theirs, n_norm = [], 0, 0, 0
    for surface, exp, ref in cases:
        got = ours(surface, ref)
        ok = got is None if exp is None else ours_ok(got, exp)
        n_ours += ok
        if not ok:
            ours_fail.append((surface, exp, got))
        for i, s in enumerate((surface, normalise(surface)[0])):
            try:
                their = theirs(s, ref)
            except Exception:  # noqa: BLE001 - JioNLP raises on surfaces it cannot read
                their = "error"
            ok = (their in (None, "error")) if exp is None else (their != "error" and theirs_ok(their, exp))
            if i == 0:
                n_theirs += ok
            else:
                n_norm += ok

    def speed(fn):
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            for surface, _, ref in cases:
                try:
                    fn(surface, ref)
                except Exception:  # noqa: BLE001
                    pass
            best = min(best, time.perf_counter() - t0)
        return len(cases) / best

    n = len(cases)
    row = (name, n, 100 * n_ours / n, 100 * n_theirs / n, 100 * n_norm / n, speed(ours), speed(theirs))
    return row, ours_fail


def part1(jio) -> list:
    ref = test_dates.REF
    m_ours = lambda s, r: money.parse(s)  # noqa: E731
    m_theirs = lambda s, r: jio_money(jio, s)  # noqa: E731
    d_ours = lambda s, r: dates.parse(s, r)  # noqa: E731
    d_theirs = lambda s, r: jio_date(jio, s, r)  # noqa: E731
    tables = [
        ("money: values", [(s, e, None) for s, e in test_money.PARSE], m_ours, ours_money_ok, m_theirs, jio_money_ok),
        ("money: not money", [(s, None, None) for s in test_money.NOT_MONEY], m_ours, ours_money_ok, m_theirs,
         jio_money_ok),
        ("dates: absolute", [(s, e, ref) for s, e in test_dates.ABSOLUTE], d_ours, date_ok, d_theirs, date_ok),
        ("dates: relative", [(s, e, ref) for s, e in test_dates.RELATIVE], d_ours, date_ok, d_theirs, date_ok),
        ("dates: nearest year", [(s, {"start": st, "end": st}, r) for s, r, st in test_dates.NEAREST],
         d_ours, date_ok, d_theirs, date_ok),
        ("dates: vague/invalid", [(s, None, ref) for s in test_dates.VAGUE + test_dates.INVALID], d_ours, date_ok,
         d_theirs, date_ok),
    ]
    rows, failures = [], []
    for name, cases, ours, ours_ok, theirs, theirs_ok in tables:
        row, fails = run_table(name, cases, ours, ours_ok, theirs, theirs_ok)
        rows.append(row)
        failures.extend((name, *f) for f in fails)

    def total(prefix):
        sel = [r for r in rows if r[0].startswith(prefix)]
        n = sum(r[1] for r in sel)
        return (f"{prefix} (all)", n, *(sum(r[1] * r[i] for r in sel) / n for i in (2, 3, 4)),
                *(n / sum(r[1] / r[i] for r in sel) for i in (5, 6)))

    rows += [total("money"), total("dates")]
    print(f"{'table':<22}{'cases':>6}{'zhfin %':>9}{'JioNLP %':>10}{'(normalised)':>13}"
          f"{'zhfin cases/s':>15}{'JioNLP cases/s':>16}")
    for name, n, a, b, c, sa, sb in rows:
        print(f"{name:<22}{n:>6}{a:>9.1f}{b:>10.1f}{c:>13.1f}{sa:>15,.0f}{sb:>16,.0f}")
    print("(normalised: JioNLP given the surface after zhfin's normalise(), i.e. simplified, half-width)")
    print(f"\nzhfin failures: {len(failures)}" + (" (first 20)" if len(failures) > 20 else ""))
    for name, surface, exp, got in failures[:20]:
        print(f"  [{name}] {surface!r}: expected {exp}, got {got}")
    return rows


# ---------------------------------------------------------------- part 2

FINDERS = (values.find_percent, values.find_shares, values.find_tickers, values.find_rounds,
           values.find_round_counts, values.find_exchanges)


def recognise(text: str, ref: dt.date) -> int:
    n = len(money.find(text))
    for s, e in dates.find(text):
        dates.parse(text[s:e], ref)
        n += 1
    for finder in FINDERS:
        n += len(finder(text))
    return n


def part2(path: Path) -> None:
    texts = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                texts.append(rec.get("text") or rec.get("content") or "")
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)
    n_chars = sum(len(t) for t in texts)
    ref = test_dates.REF
    print(f"\nthroughput: {path.name}, {len(texts):,} texts, {n_bytes / 1e6:.2f} MB UTF-8, {n_chars:,} chars, "
          "1 process")
    normalise(texts[0])  # load OpenCC outside the timing
    runs = (
        ("values, raw text", lambda t: recognise(t, ref)),
        ("normalise only", lambda t: normalise(t)),
        ("normalise + values", lambda t: recognise(normalise(t)[0], ref)),
    )
    for name, fn in runs:
        best, found = float("inf"), 0
        for _ in range(2):
            t0 = time.perf_counter()
            out = [fn(t) for t in texts]
            best = min(best, time.perf_counter() - t0)
        found = sum(out) if isinstance(out[0], int) else 0
        extra = f", {found:,} values" if found else ""
        print(f"  {name:<20} {n_bytes / 1e6 / best:6.2f} MB/s  {n_chars / best:>12,.0f} chars/s  "
              f"({best:.2f} s{extra})")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, help="JSONL with a text field")
    args = ap.parse_args(argv)
    jio = load_jionlp()
    print(f"zhfin vs JioNLP {jio.__version__}; dates resolved against {test_dates.REF} "
          "(NEAREST cases: their own reference)\n")
    part1(jio)
    if args.corpus.exists():
        part2(args.corpus)
    else:
        print(f"\nthroughput: {args.corpus} not found, skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The company ranker: of the names in a clause with a funding or listing trigger,
how likely is each the company the event is about?

A logistic regression over features of (clause, name, event type): the role the
rule cues give the name, whether the rules chose it, where it stands against the
triggers, the words and characters around it, how it was found, its shape. It
learns from gold events which of these to trust, so it can overrule the rules'
subject (a broker before the trigger, the investor named first) and pick every
company of a market report. Weights are plain JSON (models/ranker/ranker.json),
rebuilt by `zhfin train ranker`."""
from __future__ import annotations

import functools
import json
import math
import re
from bisect import bisect_right
from pathlib import Path

from ..entities.span import Entity
from . import triggers as trig
from .clauses import ClauseView, segment_end
from .context import NAMES, Context

MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "ranker"
MODEL_FILE = "ranker.json"
FORMAT = "zhfin.company_ranker/1"
REBUILD = "zhfin train ranker --data ../shared/data --out models/ranker"

_INVESTOR_LIKE = re.compile(r"(?:资本|基金|创投|投资|银行|证券|Capital|Ventures|Partners|Fund)$", re.I)
_TICKER_AFTER = re.compile(r"(?:-[A-Z]{1,2})?\s?\((?:\d|[A-Z]{2,5}[.,:])")
_PARENT_AFTER = re.compile(r"(?:\([^()]{1,12}\))?(?:旗下|下属|控股的|的子公司|的全资子公司)")
_DESCRIBED_BEFORE = re.compile(r"(?:商|企业|公司|平台|品牌|巨头|龙头|独角兽|厂商|机构|集团旗下|旗下)$")


def _bucket(n: int, edges: tuple[int, ...]) -> int:
    return bisect_right(edges, n)


def _words_around(ctx: Context, ent: Entity, words: dict[int, str], ends: dict[int, str]) -> tuple[str, str]:
    return ends.get(ent.start, "^"), words.get(ent.end, "$")


def features(ctx: Context, view: ClauseView, ent: Entity, event: str, triggers: list, rule_subjects: set[int],
             words: dict[int, str], ends: dict[int, str]) -> list[str]:
    text, clause = ctx.text, view.clause
    first = min(t.start for t in triggers)
    nearest = min(triggers, key=lambda t: min(abs(ent.start - t.end), abs(t.start - ent.end)))
    before = ent.end <= nearest.start
    dist = (nearest.start - ent.end) if before else (ent.start - nearest.end)
    seg_start = trig.segment_start(text, nearest.start, clause.start)
    seg_end = segment_end(text, nearest.end, clause.end)
    same_seg = seg_start <= ent.start and ent.end <= seg_end
    names = ctx.within(clause.start, clause.end, *NAMES)
    index = next((i for i, e in enumerate(names) if e is ent), 0)
    between = sum(1 for e in names if (before and ent.end <= e.start and e.end <= nearest.start)
                  or (not before and nearest.end <= e.start and e.end <= ent.start))
    role = next((r for r, group in (("lead", view.leads), ("investor", view.investors), ("source", view.sources),
                                    ("other", view.others)) if any(e is ent for e in group)), "none")
    value = ent.value or {}
    how = value.get("found_by") or ("weak" if value.get("weak") else "known" if value.get("canonical")
                                    else "alias" if value.get("alias_of") else "rule")
    w_before, w_after = _words_around(ctx, ent, words, ends)
    cluster = ctx.cluster(ent)
    mentions = len(ctx.clusters[cluster]) if cluster is not None else 1
    stages = sorted({t.stage or "-" for t in triggers})
    base = [
        "bias", f"role={role}", f"rule={id(ent) in rule_subjects}", f"label={ent.label}", f"how={how}",
        f"side={'before' if before else 'after'}", f"seg={same_seg}", f"dist={_bucket(dist, (1, 3, 6, 12, 25, 50))}",
        f"between={min(between, 3)}", f"first={index == 0}", f"last={index == len(names) - 1}",
        f"names={min(len(names), 5)}", f"len={min(len(ent.text), 10)}", f"latin={ent.text.isascii()}",
        f"investor_like={bool(_INVESTOR_LIKE.search(ent.text))}", f"ticker_after={bool(_TICKER_AFTER.match(text, ent.end))}",
        f"parent={bool(_PARENT_AFTER.match(text, ent.end))}",
        f"described={bool(_DESCRIBED_BEFORE.search(text, max(clause.start, ent.start - 4), ent.start))}",
        f"mentions={min(mentions, 5)}", f"sentence={min(clause.sentence, 3)}",
        f"wb={w_before}", f"wa={w_after}", f"cb={text[max(0, ent.start - 1):ent.start]}",
        f"ca={text[ent.end:ent.end + 1]}", f"ca2={text[ent.end:ent.end + 2]}", f"cb2={text[max(0, ent.start - 2):ent.start]}",
        f"first_trigger_after={first >= ent.end}",
    ] + [f"stage={s}" for s in stages]
    return [f"{event}|{f}" for f in base] + [f"any|{f}" for f in base]


def candidates(ctx: Context, view: ClauseView) -> list[Entity]:
    return [e for e in ctx.within(view.clause.start, view.clause.end, *NAMES)]


def word_maps(tokens: list[tuple[str, int]]) -> tuple[dict[int, str], dict[int, str]]:
    """start offset -> word starting there; end offset -> word ending there."""
    starts = {s: w for w, s in tokens}
    ends = {s + len(w): w for w, s in tokens}
    return starts, ends


class CompanyRanker:
    def __init__(self, data: dict):
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model: format={data.get('format')!r}")
        self.weights: dict[str, float] = data["weights"]
        self.bias: float = data["bias"]
        self.min_p: float = float(data.get("min_p", 0.5))

    def probability(self, feats: list[str]) -> float:
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(feats))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@functools.cache
def load(model_dir: str | None = None) -> CompanyRanker:
    path = Path(model_dir or MODEL_DIR) / MODEL_FILE
    if not path.exists():
        raise FileNotFoundError(f"company ranker not found at {path}; rebuild it with: {REBUILD}")
    return CompanyRanker(json.loads(path.read_text(encoding="utf-8")))

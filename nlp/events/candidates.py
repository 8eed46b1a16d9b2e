"""Per-clause event candidates: a trigger, the company it is about, and the
values around it. Document-level merging happens in merge.py."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..entities.span import Entity
from ..segment.sentences import clauses
from . import stage_model
from . import triggers as trig
from .context import PRONOUN, Context, cues, is_calendar, name_lists, roles_of_names

_ROUND_COUNT = re.compile(r"(\d+|[一二两三四五六七八九十]+)轮(?:融资|投资)")
_CUMULATIVE = re.compile(r"累计|总额|共计|合计|总计|共完成|累积|先后|已完成\d+轮|已融资\d+轮")
_SEGMENT_END = re.compile(r"[,，。；;!?！？:：\n]")
_OWN_VALUES = ("ticker", "offer_price", "shares_offered", "proceeds", "market_cap")
_LIST_ITEM = re.compile(r"\s*\d{1,2}[.、)]\D")
_TICKER_OPENS = re.compile(r"(?:-[A-Z]{1,2})?\s?[(（]\s?")
# 其中A终止IPO,其余6家均顺利登陆科创板: that segment is about other companies
_THE_OTHERS = re.compile(r"(?:其余|其他|另外|另有)[^,，。；;]{0,4}(?:家|只)")
# 再度受理, 重启IPO: a new attempt, so a termination told with it is history
_RESTART = re.compile(r"重启|再度|再次|重新(?:递交|提交|申报|递表)|卷土重来|第二次|二次递表|二度")
_INVESTOR_NAME = re.compile(r"资本|创投|基金|投资|Capital|Ventures|Partners", re.I)
_LATEST = re.compile(r"最新一轮|最近一轮|本轮|此轮|这一轮")
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
# Later stages win; a withdrawal is the cause of the termination that follows it.
STAGE_ORDER = ("planned", "filed", "hearing_passed", "subscription", "priced", "listed",
               "suspended", "terminated", "withdrawn")


@dataclass
class Step:
    """A listing stage a clause reports. firm: reported as done or under way
    (filed, listed, a tutoring filing …), not only intended (拟上市)."""
    stage: str
    date: Entity | None
    trigger: trig.Trigger
    firm: bool

    @property
    def classified(self) -> bool:
        """The stage comes from the sentence classifier, not from trigger words."""
        return self.trigger.stage is None and not self.trigger.modal


@dataclass
class Candidate:
    type: str
    company: Entity
    sentences: set[int]
    evidence: list[tuple[int, int]]
    args: dict = field(default_factory=dict)  # role -> Entity | list[Entity] | plain value
    triggers: list[trig.Trigger] = field(default_factory=list)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word in _CN_DIGITS:
        return _CN_DIGITS[word]
    return None


def _segment_end(text: str, pos: int, ceiling: int) -> int:
    m = _SEGMENT_END.search(text, pos, ceiling)
    return m.start() if m else ceiling


def _segment(text: str, pos: int, floor: int, ceiling: int) -> tuple[int, int]:
    """The comma-separated segment that holds `pos`, within floor..ceiling."""
    return trig.segment_start(text, pos, floor), _segment_end(text, pos, ceiling)


def _usable_date(d: Entity) -> bool:
    """Resolved, or a calendar date (7月22日) whose year nothing gives: it keeps its text."""
    return d.value is not None or is_calendar(d.text)


def _usable_triggers(ctx: Context, start: int, end: int) -> list[trig.Trigger]:
    """The clause's triggers, less those its context rules out: hearsay, a funding
    only planned, margin trading, a product launch called 上市, a bond that lists,
    a segment about other companies (其余6家)."""
    found = [t for t in trig.find(ctx.text, start, end) if not t.rumour and not (t.event == "funding" and t.modal)
             and not _THE_OTHERS.match(ctx.text, trig.segment_start(ctx.text, t.start, start))]
    if trig.context_pattern("margin").search(ctx.text, start, end):
        return []
    if trig.context_pattern("not_listing").search(ctx.text, start, end) and not ctx.within(start, end, "EXCHANGE", "TICKER"):
        found = [t for t in found if t.event != "listing"]
    bond = trig.context_pattern("bond")
    found = [t for t in found if t.event != "listing"
             or not bond.search(ctx.text, trig.segment_start(ctx.text, t.start, start), _segment_end(ctx.text, t.end, end))]
    return found


def _spun_off(ctx: Context, start: int, end: int) -> Entity | None:
    """In 京东拟分拆京东健康独立上市 the company that lists is the part spun off."""
    from .discover import role_zones

    for role, zs, ze in role_zones(ctx.text, start, end):
        if role == "spinoff":
            names = ctx.within(zs, ze, "COMPANY")
            if names:
                return names[0]
    return None


class ClauseReader:
    """Walks the sentences and clauses of a document and yields candidates,
    keeping the company in focus for 该公司 / 其 and argument-only clauses."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.topic: tuple[Entity, int] | None = None  # (company, sentence index)

    def run(self) -> list[Candidate]:
        out: list[Candidate] = []
        for si, (s, e) in enumerate(self.ctx.sentences):
            for cs, ce in clauses(self.ctx.text, s, e):
                out.extend(self._clause(si, s, cs, ce))
        return out

    def _subject(self, si: int, start: int, end: int, others: list[Entity], live: list[trig.Trigger],
                 has_args: bool) -> Entity | None:
        """The company the clause is about, among its names that play no other role
        (organisations are regulators and sources, never the subject): in a
        trigger's own comma segment the name nearest before the trigger, else the
        segment's first; else the clause's first."""
        others = [e for e in others if e.label == "COMPANY"]
        for t in live:  # 奇信股份公告,嘉元科技股票在科创板上市; 受A、B青睐 印度电商C获D轮融资
            seg_start, seg_end = _segment(self.ctx.text, t.start, start, end)
            named = [e for e in others if seg_start <= e.start and e.end <= seg_end]
            ordered = [e for e in reversed(named) if e.end <= t.start] + [e for e in named if e.end > t.start]
            if ordered:  # 三顿半完成红杉资本战略融资: an investment firm is the subject only when alone
                return next((e for e in ordered if not _INVESTOR_NAME.search(e.text)), ordered[0])
        if others:
            return others[0]
        clause = self.ctx.text[start:end]
        if _LIST_ITEM.match(clause):  # 8.驿公里获C+轮…: each item of a list has its own subject
            return None
        if self.topic and si - self.topic[1] <= 2 and (PRONOUN.search(clause) or has_args):
            return self.topic[0]
        return None

    def _clause(self, si: int, sent_start: int, start: int, end: int) -> list[Candidate]:
        ctx = self.ctx
        found = _usable_triggers(ctx, start, end)
        others, investors, leads, _sources = roles_of_names(ctx, start, end)
        investor_clusters = {ctx.cluster(i) for i in investors}
        others = [o for o in others if ctx.cluster(o) not in investor_clusters]
        values = ctx.within(start, end, "MONEY", "ROUND", "TICKER", "SHARES")  # of one company, not a market
        live = [t for t in found if not t.negated]
        subject = self._subject(si, start, end, others, live, bool(live) and bool(values or investors))
        spun_off = _spun_off(ctx, start, end)
        out = []
        if subject is not None and subject in others:
            self.topic = (subject, si)
        if subject is None:
            return out
        for event in ("funding", "listing"):
            ev_triggers = [t for t in found if t.event == event]
            if not ev_triggers:
                continue
            if event == "listing" and spun_off is not None:
                companies = [spun_off]
            elif event == "listing":
                companies = self._listed_together(subject, others, start, end)
            else:
                companies = [subject]
            for company in companies:
                cand = Candidate(event, company, {si}, [(start, end)], triggers=ev_triggers)
                if all(t.negated for t in ev_triggers):
                    cand.args["negated"] = True
                    out.append(cand)
                    continue
                if all(t.stage == "attach" for t in ev_triggers if not t.negated):
                    cand.args["attach"] = True
                if event == "funding":
                    self._funding_args(cand, start, end, investors, leads, sent_start)
                else:
                    self._listing_args(cand, start, end, sent_start)
                    if len(companies) > 1:  # a ticker or a price belongs to one of them, which is not said
                        for key in _OWN_VALUES:
                            cand.args.pop(key, None)
                out.append(cand)
        return out

    def _listed_together(self, subject: Entity, others: list[Entity], start: int, end: int) -> list[Entity]:
        """上交所受理A、B、C科创板IPO申请: every company of the subject's list."""
        for group in name_lists(self.ctx, start, end):
            if subject in group:
                together = [e for e in group if e in others and e.label == "COMPANY"]
                return together if subject in together else [subject]
        return [subject]

    # --- dates ---------------------------------------------------------------

    def _date_for(self, pos: int, start: int, end: int, sent_start: int) -> Entity | None:
        """The date in the comma segment of `pos` ('as of' dates only when there
        is no other), else a date standing alone before it in the sentence
        ("12月19日，港交所官网显示，…")."""
        ctx = self.ctx
        seg, seg_end = _segment(ctx.text, pos, sent_start, end)
        dates = [d for d in ctx.within(seg, seg_end, "DATE") if _usable_date(d) and not ctx.is_dateline(d)
                 and not cues("date_not", "before").search(ctx.text[max(seg, d.start - 4) : d.start])]
        as_of = trig.context_pattern("as_of")
        plain = [d for d in dates if not as_of.search(ctx.text[max(seg, d.start - 3) : d.start])]
        if plain or dates:
            return (plain or dates)[0]
        for d in ctx.within(sent_start, seg, "DATE"):
            d_seg = _segment(ctx.text, d.start, sent_start, seg)
            if _usable_date(d) and not ctx.is_dateline(d) and not trig.find(ctx.text, *d_seg):
                return d
        return None

    # --- funding --------------------------------------------------------------

    def _funding_args(self, cand: Candidate, start: int, end: int, investors, leads, sent_start: int) -> None:
        ctx = self.ctx
        text = ctx.text[start:end]
        latest = bool(_LATEST.search(text))
        for money in ctx.within(start, end, "MONEY"):
            if (money.value or {}).get("per_share"):
                continue
            if ctx.cue_near(money, "valuation", start, end):
                cand.args.setdefault("valuation", money)
            elif not ctx.cue_near(money, "amount_not", start, end):
                cand.args.setdefault("amount", money)
        rounds = ctx.within(start, end, "ROUND")
        specific = [r for r in rounds if (r.value or {}).get("name") not in ("new", "latest", None)]
        if specific or rounds:
            cand.args["round"] = (specific or rounds)[0]
        m = _ROUND_COUNT.search(text)
        if m and not latest:
            cand.args["rounds_count"] = _count(m.group(1))
        cand.args["cumulative"] = not latest and bool(_CUMULATIVE.search(text) or (cand.args.get("rounds_count") or 0) > 1)
        cand.args["investors"] = [i for i in investors if i is not cand.company]
        cand.args["lead_investors"] = [i for i in leads if i is not cand.company]
        first = next(t for t in cand.triggers if not t.negated)
        date = self._date_for(first.start, start, end, sent_start)
        if date is not None:
            cand.args["date"] = date

    # --- listing ---------------------------------------------------------------

    def _stage(self, t: trig.Trigger) -> tuple[str | None, bool]:
        """The stage a trigger reports. A plain 上市 / IPO says nothing of the
        stage by itself; the listing-stage classifier reads its sentence then."""
        if t.modal and t.stage not in ("withdrawn", "terminated"):
            return "planned", False
        if t.stage is not None:
            return t.stage, True
        return stage_model.listing_stage(self.ctx.text[slice(*self.ctx.sentence_of(t.start))]), False

    def _ticker_is_of(self, ticker: Entity, company: Entity) -> bool:
        """奇信股份(002781)公告,嘉元科技…上市: a ticker printed after another company's
        name is that company's."""
        ctx = self.ctx
        for name in ctx.within(max(0, ticker.start - 30), ticker.start, "COMPANY"):
            if _TICKER_OPENS.fullmatch(ctx.text, name.end, ticker.start):
                return name is company or ctx.cluster(name) == ctx.cluster(company) is not None
        return True

    def _listing_args(self, cand: Candidate, start: int, end: int, sent_start: int) -> None:
        ctx = self.ctx
        if _RESTART.search(ctx.text, start, end):
            cand.args["restarted"] = True
        for t in cand.triggers:
            if t.negated or t.stage == "attach":
                continue
            stage, firm = self._stage(t)
            if stage is None:
                continue
            date = self._date_for(t.start, start, end, sent_start)
            cand.args.setdefault("stages", []).append(Step(stage, date, t, firm))
            if t.stage == "listed" and date is not None:  # also a planned listing date
                cand.args.setdefault("listing_date", date)
        exchanges = ctx.within(start, end, "EXCHANGE")
        if exchanges:
            cand.args["exchange"] = exchanges[0]
        tickers = [t for t in ctx.within(start, end, "TICKER") if self._ticker_is_of(t, cand.company)]
        if tickers:
            cand.args["ticker"] = tickers[0]
        for shares in ctx.within(start, end, "SHARES"):
            if ctx.cue_near(shares, "shares_offered", start, end):
                cand.args.setdefault("shares_offered", shares)
        for money in ctx.within(start, end, "MONEY"):
            if cues("quote", "before").search(ctx.text[max(start, money.start - 3) : money.start]):
                continue
            if (money.value or {}).get("per_share") or ctx.cue_near(money, "offer_price", start, end):
                role = "offer_price"
            elif ctx.cue_near(money, "market_cap", start, end):
                role = "market_cap"
            elif ctx.cue_near(money, "proceeds", start, end):
                role = "proceeds"
            else:
                continue
            cand.args.setdefault(role, money)

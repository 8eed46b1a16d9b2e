"""What the event extractors see of a document: the analysis text, its
sentences and clauses, the entities and the party clusters, plus the role cues."""
from __future__ import annotations

import datetime as dt
import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, field

from .. import resources
from ..entities.span import Entity
from .triggers import segment_start

NAMES = ("COMPANY", "ORG")
_SEPARATORS = re.compile(r"^[、,，和与及跟以及\s]*$")
_TICKER_PAREN = re.compile(r"^\([^()]{1,20}\)")  # 腾讯控股(00700.HK)投资的…
PRONOUN = re.compile(r"该公司|这家公司|该企业|其|公司")
# A name with a weak suffix (科技, 智能 …) counts only in a role: in an investor
# list, or as the subject right before the verb of an event.
_SUBJECT_VERB = re.compile(r"^(?:宣布|完成|获|已|正式|成功|于|今日|近日|日前|将|拟|通过|向|在|再|又|此前|近期|也|"
                           r"登陆|挂牌|上市|赴|递交|递表|启动|冲刺|撤回|终止|本次|此次|主动|公告|发布|首次|首发|IPO|"
                           r"创业板|科创板|主板|港股|美股|A股|成功|\([A-Za-z])")


_CALENDAR = re.compile(r"\d\s*[年月日号]")
_DAY = re.compile(r"\d\s*[日号]")  # a dateline names a day


def is_calendar(text: str) -> bool:
    """8月16日, 2020年4月22日; not 近日 or 今天."""
    return bool(_CALENDAR.search(text))


@functools.cache
def cues(role: str, where: str) -> re.Pattern:
    rows = [r["pattern"] for r in resources.table("role_cues.tsv") if r["role"] == role and r["where"] == where]
    return re.compile("|".join(f"(?:{p})" for p in rows))


@dataclass
class Context:
    text: str
    entities: list[Entity]
    sentences: list[tuple[int, int]]
    cluster_of: dict[int, int] = field(default_factory=dict)  # id(entity) -> cluster index
    cluster_names: list[str] = field(default_factory=list)
    clusters: list[list[Entity]] = field(default_factory=list)
    confirmed: set[str] = field(default_factory=set)  # weak names (text) that play a role
    reference: dt.date | None = None  # the date "today" means in this document

    def __post_init__(self):
        self._starts = [e.start for e in self.entities]

    def within(self, start: int, end: int, *labels: str) -> list[Entity]:
        i = bisect_left(self._starts, start)
        out = []
        while i < len(self.entities) and self.entities[i].start < end:
            e = self.entities[i]
            if e.end <= end and (not labels or e.label in labels):
                out.append(e)
            i += 1
        return out

    def sentence_index(self, pos: int) -> int:
        return max(bisect_left(self.sentences, (pos + 1,)) - 1, 0)

    def sentence_of(self, pos: int) -> tuple[int, int]:
        return self.sentences[self.sentence_index(pos)]

    def cluster(self, ent: Entity) -> int | None:
        return self.cluster_of.get(id(ent))

    def near_before(self, ent: Entity, floor: int, width: int = 12) -> str:
        """Text of the same comma segment before `ent`, at most `width` characters."""
        seg = segment_start(self.text, ent.start, floor)
        return self.text[max(seg, ent.start - width) : ent.start]

    def near_after(self, ent: Entity, ceiling: int, width: int = 8) -> str:
        end = min(ceiling, ent.end + width)
        m = re.search(r"[,，。；;!?！？\n]", self.text[ent.end : end])
        return self.text[ent.end : ent.end + m.start()] if m else self.text[ent.end : end]

    def is_dateline(self, date: Entity) -> bool:
        """A date that says when the news came out (6月3日消息, 7月30日晚间公告,
        8月25日，XX宣布): DuEE-Fin's 披露时间, not the time of the event."""
        return date.label == "DATE" and bool(_DAY.search(date.text)) and \
            bool(cues("disclosed", "after").match(self.text, date.end, min(len(self.text), date.end + 24)))

    def cue_near(self, ent: Entity, role: str, floor: int, ceiling: int) -> bool:
        """A 'near' cue in the same segment just before or just after the entity."""
        pattern = cues(role, "near")
        return bool(pattern.search(self.near_before(ent, floor, 10)) or
                    pattern.match(self.near_after(ent, ceiling, 6)))


def name_lists(ctx: Context, start: int, end: int) -> list[list[Entity]]:
    """Names in text[start:end] grouped into lists joined only by 、 和 与 及."""
    groups: list[list[Entity]] = []
    for ent in ctx.within(start, end, *NAMES):
        if groups and _SEPARATORS.match(ctx.text[groups[-1][-1].end : ent.start]):
            groups[-1].append(ent)
        else:
            groups.append([ent])
    return groups


def roles_of_names(ctx: Context, start: int, end: int) -> tuple[list[Entity], list[Entity], list[Entity], list[Entity]]:
    """Split the names of a clause into (others, investors, leads, sources)."""
    from .discover import role_zones

    others, investors, leads, sources = [], [], [], []
    zones = [z for z in role_zones(ctx.text, start, end) if z[0] in ("lead", "investor")]
    for group in name_lists(ctx, start, end):
        zone_roles = {role for role, zs, ze in zones if zs <= group[0].start and group[-1].end <= ze}
        if zone_roles:  # inside 由……领投 / 投资方包括……
            # 由淡马锡旗下专项医疗基金Sheares领投: the parent does not invest
            group = [e for e in group if not _PARENT_OF_NEXT.match(ctx.text, e.end)]
            if not group:
                continue
            investors.extend(group)
            # 投资方为倚锋资本(领投)、贵阳创投: the mark names the lead inside the list
            leads.extend(group if "lead" in zone_roles else [e for e in group if _LEAD_MARK.match(ctx.text, e.end)])
            ctx.confirmed.update(e.text for e in group if _weak(e))
            continue
        before = ctx.text[max(start, group[0].start - 10) : group[0].start]
        after = _TICKER_PAREN.sub("", ctx.text[group[-1].end : min(end, group[-1].end + 30)], count=1)[:16]
        if cues("nickname", "after").match(after):
            continue
        if cues("source", "after").match(after) or cues("source", "before").search(before) \
                or cues("advisor", "before").search(before) or cues("advisor", "after").match(after) \
                or cues("affiliation", "after").match(after):
            sources.extend(group)
        elif cues("investee", "before").search(before) and _PUT_INTO.match(after):
            others.extend(group)  # 软银向Rappi注资: the receiver, not an investor
            continue
        elif cues("lead", "after").match(after):
            leads.extend(group)
            investors.extend(group)
        elif cues("investor", "after").match(after) or cues("investor", "before").search(before):
            investors.extend(group)
        elif cues("partner", "before").search(before):
            continue  # 与中金公司合作: a partner, not the subject
        else:
            others.extend(e for e in group if not _weak(e) or e.text in ctx.confirmed
                          or _SUBJECT_VERB.match(ctx.text[e.end : e.end + 4]))
            continue
        ctx.confirmed.update(e.text for e in group if _weak(e))
    ctx.confirmed.update(e.text for e in others if _weak(e))
    return others, investors, leads, sources


# 向Rappi注资: the money goes into the name; 向东莞信托融资: the name lends it
_PUT_INTO = re.compile(r"(?:进行了?|追加)?(?:注资|增资|战略投资|投资)")
_PARENT_OF_NEXT = re.compile(r"(?:\([^()]{1,12}\))?(?:旗下|下属|控股的|的子公司)")
_LEAD_MARK = re.compile(r"\s?\((?:联合)?领投(?:方)?\)")


def _weak(ent: Entity) -> bool:
    return bool(ent.value and ent.value.get("weak"))

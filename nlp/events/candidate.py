"""What the proposers propose and what the assembler builds from it.

A Proposal says: in this clause, for this event type, this span (or plain value)
may fill this role, with this score, says this proposer. A Candidate is one event
of one clause, assembled from proposals; merge.py joins candidates across the
document."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..entities.span import Entity
from . import triggers as trig


@dataclass(slots=True)
class Proposal:
    clause: int  # index into Context.clauses
    event: str  # an event type name (funding, listing)
    role: str  # "company", an argument role (amount, investors …) or a flag (negated, attach …)
    entity: Entity | None = None
    score: float = 1.0
    source: str = "rules"
    value: object = None  # a plain value: a Step, a count, a flag
    owner: Entity | None = None  # a ticker printed right after this name belongs to it


@dataclass
class Step:
    """A listing stage a clause reports. firm: reported as done or under way
    (filed, listed, a tutoring filing …), not only intended (拟上市). scheduled: a listing
    set for a day ahead (定于9月12日挂牌, 股份本月十五日挂牌), not done yet. past: told as once
    taken (曾被暂缓审议), before what the company does now."""
    stage: str
    date: Entity | None
    trigger: trig.Trigger
    firm: bool
    scheduled: bool = False
    past: bool = False

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
    args: dict = field(default_factory=dict)  # role -> Entity | list | plain value
    triggers: list[trig.Trigger] = field(default_factory=list)
    # role -> keys of the items of a list argument, so that merging stays linear
    list_keys: dict[str, set] = field(default_factory=dict, repr=False, compare=False)

    def add_unique(self, role: str, items: list) -> None:
        have = self.args.setdefault(role, [])
        keys = self.list_keys.get(role)
        if keys is None:
            keys = self.list_keys[role] = {_item_key(v) for v in have}
        for v in items:
            if _item_key(v) not in keys:
                keys.add(_item_key(v))
                have.append(v)


def _item_key(value):
    """Entities are the same mention when label and span agree."""
    if isinstance(value, Entity):
        return value.label, value.start, value.end
    return value if value.__hash__ is not None else repr(value)

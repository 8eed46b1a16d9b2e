"""Invented company names of the same shape as real ones, for two uses: the benchmark that measures what known
names carry (benchmarks/renamed_names.py) and the party tagger's training copies (nlp/train/tagger.py), where a
renamed company leaves the tagger only the clause around it to learn from, as a name no lexicon knows does.

A name keeps its ending (科技, 集团, 股份有限公司 …) and a leading place; the rest becomes characters drawn from a
pool (`rare`: characters that make no dictionary word; `common`: characters of real company names, which jieba
may join into words). Latin names get invented Latin ones."""
from __future__ import annotations

import random
import re

from .. import resources
from ..text.normalise import to_simplified

POOLS = {"rare": "澜舟汀岚霁珩昱骁曜屹翎岫沅芮璟琮湛溯砚桉榆杉槿蔚朔渚涣曦",
         "common": "华安盛达恒信鼎泰嘉和瑞丰源通宏远博创晟汇联金新光明正元亿天海云德富康力美宁"}
PLACE = re.compile(r"^(?:北京|上海|深圳|广州|杭州|南京|苏州|成都|武汉|天津|重庆|西安|香港|中国|江苏|浙江|广东|山东)")


class Renamer:
    def __init__(self, pool: str, seed: int):
        self.pool, self.rnd = pool, random.Random(seed)
        self.suffixes = sorted({r["suffix"] for r in resources.table("name_suffixes.tsv")}, key=len, reverse=True)

    def invent(self, name: str) -> tuple[str, str] | None:
        """(the part of name that is renamed, what it becomes): the whole of a Latin name, the Han characters between
        a leading place and the ending of another; None where that part is no plain Han string."""
        if name.isascii():
            syllables = max(2, len(name.replace(" ", "")) // 2)
            return name, "".join(self.rnd.choice("bcdfghklmnprstvz") + self.rnd.choice("aeiou")
                                 for _ in range(syllables)).capitalize()
        simple = to_simplified(name)  # one character for one: the ending's length holds in the raw name
        ending = next((len(s) for s in self.suffixes if simple.endswith(s) and len(name) - len(s) >= 2), 0)
        place = PLACE.match(simple)
        stem = name[place.end() if place else 0 : len(name) - ending]
        if not re.fullmatch(r"[\u4e00-\u9fff]+", stem):
            return None
        return stem, "".join(self.rnd.choice(self.pool) for _ in stem)

    def rename(self, text: str, names) -> tuple[str, dict[str, str]]:
        """text with each of names that occurs in it renamed; the renamed parts, old -> new. A name's stem is renamed
        wherever it stands, so that its short forms (燊辉 for 燊辉珠宝) stay the same company."""
        stems = {}
        # longest first, then by the name itself: a set's order changes from run to run, and so would the draws
        for name in sorted(set(names), key=lambda n: (-len(n), n)):
            hit = self.invent(name) if name in text else None
            if hit and hit[0] not in stems and hit[1] not in text:
                stems[hit[0]] = hit[1]
        return self.apply(text, stems), stems

    @staticmethod
    def apply(value: str, stems: dict[str, str]) -> str:
        for old, new in stems.items():
            value = value.replace(old, new)
        return value

    def passage(self, record: dict, role: str = "company") -> dict:
        """A gold passage (realnews_dev format) with every gold company renamed, in the text and in the gold (the
        investors that hold a renamed stem too); role "investors": every gold investor instead (and the companies
        that hold a renamed stem)."""
        names = [e["company"] for e in record["gold"] if e.get("company")] if role == "company" else \
            [n for e in record["gold"] for k in ("investors", "lead_investors") for n in _flat(e.get(k))]
        text, stems = self.rename(record["text"], names)

        def renamed(value):
            if isinstance(value, str):
                return self.apply(value, stems)
            return [renamed(v) for v in value] if isinstance(value, list) else value

        fields = ("company", "investors", "lead_investors")
        return dict(record, text=text,
                    gold=[{k: renamed(v) if k in fields else v for k, v in e.items()} for e in record["gold"]],
                    must_not=[dict(e, company=renamed(e.get("company"))) for e in record.get("must_not", [])])


def _flat(value) -> list[str]:
    """The names of a gold slot: a name, or a list of names and lists of alternatives."""
    if isinstance(value, str):
        return [value]
    return [n for v in value for n in _flat(v)] if isinstance(value, list) else []

"""One cluster per real-world party in a document.

Two mentions belong together when they share a gazetteer entry, when one is
defined as the short name of the other (以下简称“云帆智能”), when one is a legal
name and the other its short name, or when one extends the other by a generic
tail (智谱 / 智谱AI, MiniMax / 稀宇MiniMax).

Canonical name of a cluster (what events report): its most frequent surface
form, ties broken by a defined short name, then by the earliest mention. Different gazetteer entries never
merge (阿里巴巴 and 阿里云 stay apart).
"""
from __future__ import annotations

import re
from collections import Counter

from .span import Entity

# Trailing parts that do not change which company is meant.
_LEGAL_TAIL = re.compile(
    r"(?:\([\u4e00-\u9fff]{2,6}\))?(?:股份有限公司|有限责任公司|有限公司|集团股份|集团|控股|股份|公司)$"
)
_GENERIC_TAIL = re.compile(r"(?:AI|ai|Ai|科技|智能|技术|网络|信息|材料|新材料|电子|微电子|生物|医药|企业|实业|能源|新能源|"
                           r"半导体|机器人|医疗|健康|物流)$")
_PLACE_HEAD = re.compile(
    r"^(?:北京|上海|深圳|广州|杭州|南京|苏州|成都|武汉|合肥|西安|天津|重庆|香港|厦门|长沙|珠海|无锡|宁波|"
    r"江苏|浙江|广东|山东|福建|安徽|湖北|湖南|四川|河南|河北|江西|辽宁|陕西|山西|云南|贵州|广西|海南|吉林|"
    r"黑龙江|内蒙古|新疆|甘肃|宁夏|青海|西藏|台湾|澳门)(?:市|省)?"
)


# N钜芯, C澄科: the mark an A share's short name carries in its first trading days (N: the first day)
_NEW_SHARE_MARK = re.compile(r"^[NC](?=[\u4e00-\u9fff])")


def _core(name: str) -> str:
    core = _LEGAL_TAIL.sub("", _NEW_SHARE_MARK.sub("", name))
    core = re.sub(r"\([^)]*\)", "", core)
    return core.lower() if core.isascii() else core


def _compatible(a: str, b: str) -> bool:
    """Is the shorter core a short name of the longer one?"""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    if len(short) < 2:
        return False
    if short.isascii():  # Latin names inside longer names: 稀宇MiniMax
        return re.search(rf"(?<![a-z0-9]){re.escape(short)}(?![a-z0-9])", long_.lower()) is not None
    if len(short) >= 4 and long_[2:].startswith(short) and _place_then_brand(long_, short):
        return True  # (the cheap test first: this runs for every pair of names in a document)
    for candidate in {long_, _PLACE_HEAD.sub("", long_)}:
        if candidate == short:
            return True
        if candidate.startswith(short):
            rest = candidate[len(short):]
            if _GENERIC_TAIL.fullmatch(rest) or len(short) >= 3 or rest.isascii():
                return True
        # 钽曜科技 for 钽曜光电科技: the brand and the trade word of the name, what lies between left out
        if candidate[:2] == short[:2] and len(candidate) > len(short):
            tail = _GENERIC_TAIL.search(short)
            if tail and tail.start() >= 2 and candidate.startswith(short[:tail.start()]) and candidate.endswith(tail.group()):
                return True
    return False


# a group's arms that invest or hold (浍河投资 beside 浍河股份): another party of the same brand
_HOLDING_ARM = re.compile(r"投资|产投|资本|创投|基金|控股|集团|银行|证券|资管|投控|金控|财务")


def _brand_of(brand: str, core: str) -> bool:
    """榀汀 for 浙江榀汀精工股份有限公司 (core 榀汀精工, its place left out): a name told as a bare brand of two
    characters the dictionary does not know, and a name that is that brand and a trade word that ends company names
    (精工, 出行: the suffix lexicon's, weak ones too), not an arm that invests or holds. (珂湾集团 is no bare brand:
    its group's 珂湾水务 is another company.)"""
    from .names import _suffix_of, _word_tags

    rest = core[len(brand):]
    hit = _suffix_of(rest) if len(rest) >= 2 else None
    return hit is not None and hit[0] == rest and not _HOLDING_ARM.fullmatch(rest) and brand not in _word_tags()


def _place_then_brand(long_: str, short: str) -> bool:
    """常州璞昕精密机械 for 璞昕精密: a legal name that opens on a place of two characters (jieba's place tag; no list
    holds every city), before a brand the dictionary does not know (not 华夏基金管理 for a stray 基金管理)."""
    from .names import _word_tags

    tags = _word_tags()
    return tags.get(long_[:2]) == "ns" and short[:2] not in tags


# Words that describe a company (抗体 新药, 电源 大厂, 跨境 电商), not a place, person or brand of its name
_DESCRIPTION_TAGS = frozenset("n vn v a an".split())


def _described(long_: str, short: str) -> bool:
    """抗体新药永沛生技 against 永沛生技: the longer name is the shorter one with a description before it,
    every word of which is a common dictionary word (jieba's tags) of two characters or more, and the
    shorter is no dictionary word itself. A name of four characters or more may follow two dictionary words or
    more whatever their tags (养老护理机器人翛鹿科技: jieba tags 养老 as a person's name)."""
    if len(short) < 2 or len(long_) - len(short) < 2 or not long_.endswith(short):  # asked of every pair: cheap first
        return False
    from ..segment.tokenizer import segment, word_tags

    tags = word_tags()
    words = segment(long_[:-len(short)])
    # 晶格半导体 against 半导体: a dictionary word alone is no name to describe
    if short in tags or not all(len(w) >= 2 for w in words):
        return False
    return all(tags.get(w) in _DESCRIPTION_TAGS for w in words) \
        or (len(short) >= 4 and len(words) >= 2 and all(w in tags for w in words))


def _abbreviates(short: str, full: str) -> bool:
    """椤湾农科 for 山东椤湾农业科技股份有限公司: a legal name cut to its brand and the first characters of its trade
    words, in order. The brand must be no dictionary word (中国银行 is no short form of 中国建设银行股份有限公司)."""
    if not 4 <= len(short) <= 6 or len(full) < len(short) + 4 or not _LEGAL_NAME.search(full):  # cheap first
        return False
    core = _PLACE_HEAD.sub("", _LEGAL_TAIL.sub("", full))
    if core[:2] != short[:2] or core.startswith(short):
        return False
    from .names import _word_tags

    if short[:2] in _word_tags():
        return False
    rest = iter(core[2:])
    return all(ch in rest for ch in short[2:])  # each one found after the one before


def _gazetteer(ent: Entity) -> str | None:
    return (ent.value or {}).get("canonical")


# 歌尔股份分拆所属子公司歌尔微电子: a subsidiary shares its parent's head but is
# another company
_SUBSIDIARY_BEFORE = re.compile(r"(?:子公司|分拆|拆分|旗下)$")


def _introduced_as_subsidiary(text: str, start: int) -> bool:
    return bool(_SUBSIDIARY_BEFORE.search(text, max(0, start - 3), start))


# 星川股份拟向控股股东星川集团发行股票: the shareholder shares the head, but is another company
_PARENT_BEFORE = re.compile(r"(?:控股股东|大股东|母公司|实际控制人)$")


def _introduced_as_parent(text: str, start: int) -> bool:
    return bool(_PARENT_BEFORE.search(text, max(0, start - 5), start))


# 星川股份 and 星川集团: the listed company and the group that holds it share the head, not the company
_LISTED_OR_GROUP = re.compile(r"(?<!集团)(股份|集团)$")


def _listed_and_its_group(a: str, b: str) -> bool:
    ma, mb = _LISTED_OR_GROUP.search(a), _LISTED_OR_GROUP.search(b)
    return bool(ma and mb and ma.group(1) != mb.group(1))


# 锂衡能源(Lithera Energy Corp.), Korvo Robotics Limited(可沃机械人，下称“Korvo”), 「律衡智能」（LexBalance AI）,
# Tandora（中文名：苏州檀朵智能科技有限公司）, 穹序智能（原名“觅瞳视觉”）: the first name in a bracket right after a name is
# that party's other name (or its former one)
_FORMERLY = r"(?:原名|原称|曾用名|前身为?|前称|时名)(?:为|是)?\s?[:：]?\s?[“\"「]?"
_GLOSS_OPEN = re.compile(rf"\s?[(（]\s?(?:(?:中文|英文)(?:名称?|全称)?\s?[:：]\s?|品牌(?:名称?)?\s?[:：]?\s?|{_FORMERLY})?")
_FORMER_GLOSS_OPEN = re.compile(rf"\s?[(（]\s?{_FORMERLY}")
_QUOTED_GLOSS_OPEN = re.compile(r"[」”\"』]\s?[(（]\s?")  # 「律衡智能」（LexBalance AI）: in the other script
_GLOSS_CLOSE = re.compile(r"[”\"」]?\s?[)）,，;；]")
# 原“觅瞳视觉”更名穹序智能, X正式更名为Y: a company's former name and its new one
_RENAMED = re.compile(r"[”\"」]?\s?(?:已经|已)?(?:正式)?(?:更名|改名)(?:为)?\s?[“\"「]?")


# 深圳玥珩科技有限公司的控股公司Yueheng Tech Holdings Ltd: the offshore vehicle that lists is the company, by its
# name in the other script
# (低代码平台Brisca的运营主体广州蓠码信息科技有限公司: the company behind a brand is the brand's company)
_HOLDING = re.compile(r"\s?的?(?:(?:境外|海外|开曼|离岸)?(?:控股公司|上市主体|控股主体|发行主体)|运营主体|经营主体|运营方)\s?")
# 杭州椽衡科技有限公司（下称“椽衡科技”，品牌名Quenlo）: a brand named next in the bracket that defines the short name
_BRAND_GLOSS = re.compile(r"[”\"」]?\s?[，,、；;]\s?(?:品牌名称?|品牌|英文名称?|英文品牌)\s?[:：为是]?\s?[“\"「]?")


def _glosses(text: str, a: Entity, b: Entity) -> bool:
    if not text or a.text == b.text:
        return False
    if _GLOSS_OPEN.fullmatch(text, a.end, b.start) or (
            a.text.isascii() != b.text.isascii() and _QUOTED_GLOSS_OPEN.fullmatch(text, a.end, b.start)):
        return bool(_GLOSS_CLOSE.match(text, b.end))
    if a.end <= b.start and _RENAMED.fullmatch(text, a.end, b.start):
        return True
    if a.end <= b.start and _BRAND_GLOSS.fullmatch(text, a.end, b.start) and _GLOSS_CLOSE.match(text, b.end):
        return True
    if a.end <= b.start and a.text.isascii() != b.text.isascii() and _HOLDING.fullmatch(text, a.end, b.start):
        return True
    if a.end > b.start or a.text.isascii() == b.text.isascii():
        return False
    gap = text[a.end:b.start]
    # Korvo Robotics 可沃机械人: two scripts side by side; a filing's head, each name on a line of its own
    on_lines = gap == "\n" and (a.start == 0 or text[a.start - 1] == "\n") and text.startswith("\n", b.end)
    return gap in ("", " ") or on_lines


def former_names(mentions: list[Entity], text: str) -> set[str]:
    """The names a company had before it was renamed (原“觅瞳视觉”更名穹序智能, 穹序智能（原名“觅瞳视觉”）): the
    company is reported by its name now."""
    mentions = sorted(mentions, key=lambda e: e.start)
    former = set()
    for a, b in zip(mentions, mentions[1:]):
        if a.end > b.start:
            continue
        if _RENAMED.fullmatch(text, a.end, b.start):
            former.add(a.text)
        elif _FORMER_GLOSS_OPEN.fullmatch(text, a.end, b.start) and _GLOSS_CLOSE.match(text, b.end):
            former.add(b.text)
    return former


def cluster(mentions: list[Entity], text: str = "") -> list[list[Entity]]:
    """Group COMPANY/ORG mentions; returns clusters in order of first mention.
    `text` (the analysis text) lets a name introduced as a subsidiary stay apart
    from the names it extends."""
    mentions = sorted(mentions, key=lambda e: e.start)
    texts = list(dict.fromkeys(e.text for e in mentions))  # distinct surfaces, first seen first
    subsidiaries = {e.text for e in mentions if _introduced_as_subsidiary(text, e.start)}
    parents = {e.text for e in mentions if _introduced_as_parent(text, e.start)}
    for e in mentions:  # 控股股东杭州澜汐投资控股有限公司（以下简称“澜汐控股”）: the short name is the parent too
        alias_of = (e.value or {}).get("alias_of")
        for group in (subsidiaries, parents):
            if alias_of in group:
                group.add(e.text)
    parent = {t: t for t in texts}
    gaz = {t: set() for t in texts}
    for e in mentions:
        if _gazetteer(e):
            gaz[e.text].add(_gazetteer(e))

    def find(t: str) -> str:
        while parent[t] != t:
            parent[t] = parent[parent[t]]
            t = parent[t]
        return t

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb and not (gaz[ra] and gaz[rb] and not gaz[ra] & gaz[rb]):
            parent[rb] = ra
            gaz[ra] |= gaz[rb]

    for e in mentions:  # defined short names first: they are certain
        alias_of = (e.value or {}).get("alias_of")
        if alias_of in parent:
            union(alias_of, e.text)
    for a, b in zip(mentions, mentions[1:]):  # so are names glossed in brackets, or side by side in two scripts
        if _glosses(text, a, b):
            union(a.text, b.text)
    cores = {t: _core(t) for t in texts}  # once per surface: the pairs below are quadratic
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            if _extends_parent(a, b, subsidiaries, cores) or _extends_parent(b, a, subsidiaries, cores) \
                    or (a in parents) != (b in parents) or _listed_and_its_group(a, b):
                continue
            if (gaz[a] & gaz[b]) or _compatible(cores[a], cores[b]) or _described(a, b) or _described(b, a) \
                    or _abbreviates(a, b) or _abbreviates(b, a) or _first_day_name(a, b, cores) or _first_day_name(b, a, cores):
                union(a, b)
    brands = [t for t in texts if len(t) == 2]
    unplaced = {t: _PLACE_HEAD.sub("", cores[t]) for t in texts} if brands else {}  # (once per surface, not per pair)
    for brand in brands:  # a bare brand joins the one name it opens, never one of two (珂湾 of 珂湾城投 and 珂湾水务)
        opened = [t for t in texts if t != brand and unplaced[t].startswith(brand)]
        if len(opened) == 1 and _brand_of(brand, unplaced[opened[0]]) and not (
                brand in subsidiaries or opened[0] in subsidiaries or (brand in parents) != (opened[0] in parents)):
            union(opened[0], brand)  # (星城公告，公司分拆所属子公司星城信息: the parent and its child stay two)
    groups: dict[str, list[Entity]] = {}
    for e in mentions:
        groups.setdefault(find(e.text), []).append(e)
    return list(groups.values())


def _first_day_name(marked: str, other: str, cores: dict[str, str]) -> bool:
    """N渚岫 for 渚岫环保: a new share's first-day name is the stock's short name however short its core."""
    return bool(_NEW_SHARE_MARK.match(marked)) and len(cores[marked]) >= 2 and cores[other].startswith(cores[marked]) \
        and not _NEW_SHARE_MARK.match(other)


def _extends_parent(sub: str, other: str, subsidiaries: set[str], cores: dict[str, str]) -> bool:
    """歌尔微电子, introduced as a subsidiary, against 歌尔 or 歌尔股份: the name
    extends another's head, so it is another company."""
    return sub in subsidiaries and other not in subsidiaries and len(cores[sub]) > len(cores[other])


# Korro Bio（下称Korro公司）, 星河科技（下称星河公司）: a short name that only adds 公司 to a name that is no legal
# one says "the company", it is not the name the press uses for it
_LEGAL_NAME = re.compile(r"(?:有限公司|有限责任公司|股份公司|Limited|Ltd\.?|Inc\.?|Corp(?:oration)?\.?|LLC|PLC|AG|SE|N\.V\.)$", re.I)


def _only_the_company(short: str, full: str) -> bool:
    return short.endswith("公司") and not _LEGAL_NAME.search(full.strip())


def canonical_name(group: list[Entity], former: set[str] = frozenset()) -> str:
    """Not a contract's word for the party (标的公司, 乙方), nor a name the company had before (`former`); then the
    short name the text defines (以下简称“金力股份”) or uses for a legal name, with no new-share mark (N潆岫), else
    the most frequent form; then a short form of the
    legal name (椤湾农科); then a Chinese form before a Latin one (Luma Pet（露玛宠物）:
    Chinese press names it 露玛宠物); then the earliest. A brand cut short (云栢 for 云栢医疗) and a name with a
    description before it (抗体新药永沛生技) are never preferred."""
    counts = Counter(e.text for e in group if not (e.value or {}).get("shortened")) or Counter(e.text for e in group)
    for e in group:  # 縈序 for 縈序軟體: a brand cut short is one more mention of the name it shortens
        if (e.value or {}).get("shortened") and e.value.get("alias_of") in counts:
            counts[e.value["alias_of"]] += 1
    first: dict[str, int] = {}
    defined = {e.text for e in group if (e.value or {}).get("alias_of")
               and not _only_the_company(e.text, e.value["alias_of"])}
    for e in group:
        first.setdefault(e.text, e.start)
    described = {t for t in counts if any(_described(t, o) for o in counts)}
    abbreviations = {t for t in counts if any(_abbreviates(t, o) for o in counts)}
    renamed = {t for t in counts if any(f in t for f in former)}  # a former name, and its legal form
    roles = {e.text for e in group if (e.value or {}).get("role_word")}  # 标的公司, 乙方: what a contract calls it
    return max(counts, key=lambda t: (t not in roles, t not in renamed, t not in described, t in defined,
                                      not _NEW_SHARE_MARK.match(t), counts[t], t in abbreviations, _chinese(t), -first[t]))


def _chinese(name: str) -> bool:
    """A Chinese form of the name (Korro公司 is a Latin name with "company" after it)."""
    return not name.removesuffix("公司").isascii()

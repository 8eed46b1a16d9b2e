"""DuEE-Fin interchange format: docs records -> one DuEE-Fin line per document.

Arguments are raw-text surface strings, as DuEE-Fin annotates them. 环节 maps
the listing stage: planned…priced -> 筹备上市, listed -> 正式上市, suspended ->
暂停上市, terminated and withdrawn -> 终止上市."""
from __future__ import annotations

FUNDING = "企业融资"
LISTING = "公司上市"

STAGE_TO_DUEE = {
    "planned": "筹备上市", "filed": "筹备上市", "hearing_passed": "筹备上市",
    "subscription": "筹备上市", "priced": "筹备上市", "listed": "正式上市",
    "suspended": "暂停上市", "terminated": "终止上市", "withdrawn": "终止上市",
}


def _party_text(party: dict) -> str:
    """DuEE-Fin names a party by the fullest form the text gives (the legal name)."""
    forms = party.get("aliases") or [party["mention"]["text"]]
    return max(forms, key=len)


def _args(pairs) -> list[dict]:
    seen, out = set(), []
    for role, value in pairs:
        if value and (role, value) not in seen:
            seen.add((role, value))
            out.append({"role": role, "argument": value})
    return out


def _text(value: dict | None) -> str | None:
    return value["text"] if value else None


def _round_text(value: dict | None) -> str | None:
    """DuEE-Fin writes rounds without 轮: A+, 天使, Pre-A."""
    return value["text"].removesuffix("轮").removesuffix("輪") if value else None


def _price_text(value: dict | None) -> str | None:
    return value["text"].removesuffix("/股") if value else None


def event_to_duee(event: dict) -> dict:
    if event["type"] == "funding":
        pairs = [("被投资方", _party_text(event["company"]))]
        pairs += [("投资方", _party_text(p)) for p in event["investors"]]
        pairs += [("领投方", _party_text(p)) for p in event["lead_investors"]]
        pairs += [("融资金额", _text(event["amount"])), ("融资轮次", _round_text(event["round"])),
                  ("事件时间", _text(event["date"] or event.get("date_vague"))),
                  ("披露时间", _text(event.get("disclosed")))]
        return {"event_type": FUNDING, "arguments": _args(pairs)}
    pairs = [("上市公司", _party_text(event["company"])), ("证券代码", event.get("ticker_text") or event["ticker"]),
             ("环节", STAGE_TO_DUEE[event["stage"]]), ("发行价格", _price_text(event["offer_price"])),
             ("市值", _text(event["market_cap"])), ("募资金额", _text(event["proceeds"])),
             ("事件时间", _text(event["date"] or event["listing_date"] or event.get("date_vague"))),
             ("披露时间", _text(event.get("disclosed")))]
    return {"event_type": LISTING, "arguments": _args(pairs)}


def record_to_duee(record: dict) -> dict:
    return {"id": record["doc_id"], "event_list": [event_to_duee(e) for e in record["events"]]}

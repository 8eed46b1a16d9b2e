"""Market of a text (HK / TW / CN press) and the currency of a bare 元 there."""
import re

import pytest
from hypothesis import given, settings, strategies as st

from nlp.entities import find_values, money
from nlp.entities.market import MarketContext
from nlp.resources import table
from nlp.text.normalise import normalise

MARKETS = [
    # text, strict market at the start, loose market (enough for a ticker)
    ("星河科工孖展超购三百倍,今日截飞。", "HK", "HK"),
    ("星河科工招股价每股1.2元,暗盘升两成。", "HK", "HK"),
    ("云帆智能计划赴港交所上市,去年营收3亿元。", None, "HK"),  # named in passing: no HK press
    ("云帆智能登陆上交所科创板,A股首日大涨。", "CN", None),
    ("台交所公告,兴柜股云代下周上市,承销价每股90元。", "TW", "TW"),
    ("星河科技完成5亿元B轮融资。", None, None),
    ("中国星河回归A股,此前已在港交所上市,港股今日微跌。", None, "HK"),
    ("联合早报 财经\n澜汀物流在新交所主板挂牌首日收涨。", "SG", "SG"),  # the paper's name outweighs 挂牌首日
    ("曾在新交所上市的星河控股今日在港交所主板挂牌,较招股价升两成。", "HK", "HK"),  # Singapore named in passing
]


@pytest.mark.parametrize("text,strict,loose", MARKETS)
def test_market(text, strict, loose):
    ctx = MarketContext(text)
    assert (ctx.market_at(0), ctx.market_at(0, strict=False)) == (strict, loose)


def test_a_paragraph_with_its_own_cues_decides_for_itself():
    text = "星河科工孖展超购三百倍,暗盘大升。\n另有A股公司云帆电子登陆上交所。\n星河科工今日挂牌。"
    ctx = MarketContext(text)
    assert [ctx.market_at(text.index(s)) for s in ("星河科工孖展", "另有", "星河科工今日")] == ["HK", "CN", "HK"]


HK = "星河科工孖展超购三百倍,暗盘大升。"
TW = "台交所公告,兴柜股云代下周上市。"
BARE_YUAN = [
    # text, money surface, currency, inferred
    (HK + "每股招股价介乎0.45元至0.65元", "0.45元至0.65元", "HKD", True),
    (HK + "集资近6.1亿元", "近6.1亿元", "HKD", True),
    (HK + "招股价每股2.3港元", "每股2.3港元", "HKD", False),  # written: nothing to infer
    (HK + "集资1亿美元", "1亿美元", "USD", False),
    (HK + "公司去年收入(人民币,下同)3亿元", "3亿元", "CNY", False),
    (HK + "公司收入分别为3亿元、4亿元和5亿元人民币", "3亿元", "CNY", False),  # 人民币 in the clause
    (HK + "另外,云帆电子A股(沪:600699)收报20元。", "20元", "CNY", False),  # an A-share quote
    (HK + "云帆电子A股收报20元,H股收报15元。", "15元", "HKD", True),
    (TW + "承销价每股90元", "每股90元", "TWD", True),
    (TW + "募资逾40亿元", "逾40亿元", "TWD", True),
    ("联合早报 财经\n澜汀物流在新交所凯利板挂牌,发售价0.25元,筹得600万元。", "600万元", "SGD", True),
    (HK + "\n名称｜招股价(元)\n澜汀物流｜8.00", "8.00", "HKD", True),  # a column's bare 元, on a Hong Kong page
    ("新股一览\n简称｜发行价(元)\n澜汀物流｜8.00", "8.00", "CNY", True),
    ("星河科技完成5亿元B轮融资。", "5亿元", "CNY", False),
    ("云帆智能计划赴港交所上市,去年营收30亿元。", "30亿元", "CNY", False),
    ("星河科技公布业绩(港元,下同),收入3亿元。", "3亿元", "HKD", True),  # declared
    (HK.replace("。", "") + "\n" + "另有A股公司云帆电子登陆上交所,募资10亿元。", "10亿元", "CNY", False),
    # no currency word at all: the amount before it in the sentence, else the local currency
    ("星瞳医疗获数千万A轮融资。", "数千万", "CNY", True),
    ("星河科技完成5亿融资。", "5亿", "CNY", True),
    (HK + "澄岭医疗集资约4.68亿", "约4.68亿", "HKD", True),
    ("星澜科技完成3亿美元B轮融资,其中1亿,来自老股东。", "1亿", "USD", True),
    ("星澜科技完成3亿美元B轮融资。另有1亿,来自老股东。", "1亿", "CNY", True),
]


@pytest.mark.parametrize("text,surface,currency,inferred", BARE_YUAN)
def test_bare_yuan_currency(text, surface, currency, inferred):
    text = normalise(text)[0]
    [ent] = [e for e in find_values(text, None, True) if e.label == "MONEY" and e.text == surface]
    assert ent.value["currency"] == currency
    assert ent.value.get("currency_inferred", False) is inferred


def test_traditional_script_report():
    text = normalise("星河科工孖展超購三百倍。每股招股價介乎0.45元至0.65元,集資近6.1億元。")[0]
    found = [e for e in find_values(text, None, True) if e.label == "MONEY"]
    assert [(e.value["value"], e.value["currency"]) for e in found] == [(0.45, "HKD"), (6.1e8, "HKD")]


def test_every_cue_compiles_and_finds_itself():
    for row in table("market_cues.tsv"):
        assert row["market"] in ("HK", "TW", "SG", "CN") and row["weight"] in ("1", "2", "4")
        re.compile(row["pattern"])
        for literal in re.sub(r"\(\?<?[!=].*?\)", "", row["pattern"]).split("|"):
            ctx = MarketContext(f"据悉,{literal}。")
            assert ctx._doc.weight[row["market"]] == int(row["weight"]), literal


@pytest.mark.parametrize("surface,word", [("近6.1亿元", "元"), ("人民币1.5亿元", "人民币"), ("3亿元人民币", "元人民币"),
                                          ("每股2.3港元", "港元"), ("5亿", None), ("US$3 million", "US$")])
def test_written_currency(surface, word):
    assert money.written_currency(surface) == word


CURRENCY_WORDS = [r["surface"] for r in table("currencies.tsv") if r["position"] in ("suf", "both")
                  and r["surface"] not in money.BARE_YUAN and not r["surface"].isascii()]


@settings(max_examples=200)
@given(st.decimals(min_value="0.01", max_value="9999", places=2), st.sampled_from(CURRENCY_WORDS),
       st.sampled_from([HK, TW, ""]))
def test_a_written_currency_is_never_replaced(amount, word, context):
    text = f"{context}集资{amount}亿{word}。"
    found = [e for e in find_values(text, None, True) if e.label == "MONEY"]
    assert found and all(e.value["currency"] == money.CURRENCY[word] and "currency_inferred" not in e.value
                         for e in found)


@settings(max_examples=200)
@given(st.text(alphabet="孖展暗盘招股价港交所台柜买兴人民币A股上交所元亿0123456789.,。\n(下同)", max_size=60))
def test_market_context_any_text(text):
    ctx = MarketContext(text)
    for pos in range(0, len(text) + 1, 7):
        assert ctx.market_at(pos) in ("HK", "TW", "CN", None)
        assert ctx.bare_yuan_currency(pos, pos) in ("HKD", "TWD", "USD", None)


BOARDS = [
    (HK + "五只创业板新股今日截飞", {"code": "HKEX", "board": "GEM"}),
    ("星河科技登陆深交所创业板", {"code": "SZSE", "board": "ChiNext"}),
    ("星河科技登陆创业板,A股首日大涨", {"code": "SZSE", "board": "ChiNext"}),
]


@pytest.mark.parametrize("text,expected", BOARDS)
def test_gem_in_hong_kong_press(text, expected):
    text = normalise(text)[0]
    [ent] = [e for e in find_values(text, None, True) if e.label == "EXCHANGE" and "创业板" in e.text]
    assert {k: ent.value[k] for k in expected} == expected

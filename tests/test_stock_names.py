"""COMPANY short names printed before a ticker or a price quote."""
import pytest

from nlp.entities import find_known_names, find_values, resolve_overlaps, stock_names
from nlp.segment.tokenizer import segment, with_offsets
from nlp.text.normalise import normalise

HK = "港股孖展超购,暗盘大升。"
TW = "台交所公告,兴柜股下周上市。"


def stock_names_in(raw: str) -> list[str]:
    text = normalise(raw)[0]
    found = resolve_overlaps(find_values(text, None, True) + find_known_names(text))
    tokens = with_offsets(segment(text, [(e.start, e.end) for e in found]))
    return [e.text for e in stock_names.find_stock_names(text, tokens, found)]


CASES = [
    # raw text, short names found before brackets
    ("华翔股份(603112.SH)今日公告", ["华翔股份"]),
    ("星河圣诺-B(02257.HK)今日公告", ["星河圣诺"]),
    (HK + "昨日中午截飞的折叠床垫商星河科工(2543)申购热潮空前", ["星河科工"]),
    (HK + "本地机电工程承建商金云国际(8549),为今年首家", ["金云国际"]),
    (HK + "另外,两只新股星河护老(01989)及云帆工程(01627)今日截招", ["星河护老", "云帆工程"]),
    (HK + "內地電動車充電樁開發商摯星科技(2650)正同時招股", ["挚星科技"]),  # traditional script
    (HK + "生物科技公司云帆医药-B(2617)今日招股", ["云帆医药"]),
    (HK + "星河健康-SW(9688)今日招股", ["星河健康"]),
    (HK + "市传国际配售超购3倍;汇聚金融(03623)录得20倍超购", ["汇聚金融"]),
    (HK + "升20倍的K W Starlight(08411)及升19倍的星河娱乐(08052)", ["K W Starlight", "星河娱乐"]),
    (HK + "首日升1.3倍的中国星河能源(01573)", ["中国星河能源"]),
    ("星河控股(01592-HK)获超购", ["星河控股"]),
    # a numbered item opening its line: the number is no part of the name
    (HK + "本周打新日历:\n01 栩衡新能(02726)\n今日起招股", ["栩衡新能"]),
    ("云帆智能(港股代码:02057)今日上市", ["云帆智能"]),
    ("截至昨日收市,云帆电子A股(沪:600699)收报20元", []),  # A股 is no part of a name
    ("截至昨日收市,云帆电子(沪:600699)收报20元", ["云帆电子"]),
    (TW + "台新证券承销的兴柜股后云代(7750)初上市", ["云代"]),
    ("台湾证券交易所表示,F-星胜(5264)订下周五上市,承销价90元。", ["F-星胜"]),
    (HK + "公司成立于(2018)", []),
    ("大行科技(2543)", []),  # no market: (2543) is no ticker, so no name either
    ("北京星华通(187.120,110.47,144.12%)科技股份有限公司(证券代码:688999)在上交所上市", ["星华通"]),
    # an announcement's header names the company
    ("证券代码：002999　证券简称：澜海重工　公告编号：2025-027", ["澜海重工"]),
    ("证券代码:600999 证券简称:*ST星美 公告编号:临2024-01", ["*ST星美"]),
    ("股票简称：星岫电子，股票代码：300999", ["星岫电子"]),
    # a company's own short name with its A-share code: past four characters when a brand opens it
    ("上交所官网显示，星衡半导体（688799.SH）今日开启申购", ["星衡半导体"]),
    ("澄源新能源科技（301799）今日上市", ["澄源新能源科技"]),
    ("全球领先的光伏企业澄岭绿能（601999）发布公告", ["澄岭绿能"]),
    ("原标题：两连板澄新传媒(5.970,-0.26,-4.17%)：公司投资", ["澄新传媒"]),  # four characters already
]


@pytest.mark.parametrize("raw,expected", CASES)
def test_stock_names(raw, expected):
    assert stock_names_in(raw) == expected


NAME_ENDS = [
    ("大行科工(", True), ("星河控股-B(", True), ("HSSP(", True), ("成立于(", False), ("公司成立(", False),
    ("业绩较去年(", False), ("上市后(", False), ("(", False), ("2025(", False),
]


@pytest.mark.parametrize("text,ok", NAME_ENDS)
def test_name_ends_at(text, ok):
    assert stock_names.name_ends_at(text, len(text) - 1) is ok

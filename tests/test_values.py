"""PERCENT, SHARES, TICKER, ROUND, EXCHANGE recognisers."""
import pytest
from hypothesis import given, settings, strategies as st

from nlp.entities import values
from nlp.text.normalise import normalise


def only(finder, text):
    found = finder(text)
    assert len(found) == 1, found
    s, e, value = found[0]
    return text[s:e], value


PERCENT = [
    ("增长14.58%", "14.58%", {"value": 14.58}),
    ("占比42%", "42%", {"value": 42.0}),
    ("增长30%以上", "30%以上", {"value": 30.0, "qualifier": "over"}),
    ("百分之五", "百分之五", {"value": 5.0}),
    ("百分之十二点五", "百分之十二点五", {"value": 12.5}),
    ("百分之三十", "百分之三十", {"value": 30.0}),
    ("持股0.5%", "0.5%", {"value": 0.5}),
    ("增长 8 %", "8 %", {"value": 8.0}),
    ("约10%左右", "10%左右", {"value": 10.0, "qualifier": "approx"}),
    ("下降5%以内", "5%以内", {"value": 5.0, "qualifier": "at_most"}),
    ("10%-20%", "10%-20%", {"value": 10.0, "value_max": 20.0}),
    ("10-20%", "10-20%", {"value": 10.0, "value_max": 20.0}),
    ("100%", "100%", {"value": 100.0}),
]


@pytest.mark.parametrize("text,surface,value", PERCENT)
def test_percent(text, surface, value):
    assert only(values.find_percent, text) == (surface, value)


SHARES = [
    ("发行37,419,500股H股", "37,419,500股H股", 37419500.0, "H"),
    ("发行9500万股", "9500万股", 9.5e7, None),
    ("862万股美国存托股", "862万股美国存托股", 8.62e6, "ADS"),
    ("1.5亿股A股", "1.5亿股A股", 1.5e8, "A"),
    ("1,871,000股", "1,871,000股", 1871000.0, None),
    ("3000万股B股", "3000万股B股", 3e7, "B"),
    ("1000万股ADS", "1000万股ADS", 1e7, "ADS"),
    ("500万股普通股", "500万股普通股", 5e6, "ordinary"),
    ("一亿股", "一亿股", 1e8, None),
    ("两千万股", "两千万股", 2e7, None),
    ("2000 股", "2000 股", 2000.0, None),
    ("862万股美国存托凭证", "862万股美国存托凭证", 8.62e6, "ADS"),
]


@pytest.mark.parametrize("text,surface,value,cls", SHARES)
def test_shares(text, surface, value, cls):
    assert only(values.find_shares, text) == (surface, {"value": value, "share_class": cls})


NOT_SHARES = ["3万股东", "5000万股权", "每股116港元", "一股热潮", "股价上涨", "港股", "A股上市",
              "发行量（万股）", "发行数量(亿股)"]  # a column's unit in brackets


@pytest.mark.parametrize("text", NOT_SHARES)
def test_not_shares(text):
    assert values.find_shares(text) == []


TICKERS = [
    ("大叶股份(300879)首次公开发行", "300879", "SZSE"),
    ("申购代码为301869，上市后不再变更", "301869", "SZSE"),  # Shenzhen subscribes under the stock code
    ('分别以"GUYQ"和"GUYQW"为代码在纳斯达克交易', "GUYQ", None),  # the shares', then the warrants'
    ("星翔股份(603999)披露", "603999", "SSE"),
    ('股票代码"2513"', "2513", None),
    ("股票代码为2513", "2513", None),
    ("证券代码:688068", "688068", "SSE"),
    ("证券代码:300750", "300750", "SZSE"),
    ("股票代码:000001", "000001", "SZSE"),
    ("证券代码430047", "430047", "BSE"),
    ("腾讯控股(00700.HK)", "00700.HK", "HKEX"),
    ("0700.HK", "0700.HK", "HKEX"),
    ("688068.SH", "688068.SH", "SSE"),
    ("600519.SS", "600519.SS", "SSE"),
    ("300750.SZ", "300750.SZ", "SZSE"),
    ("430047.BJ", "430047.BJ", "BSE"),
    ("小牛电动(NASDAQ: NIU)", "NIU", "NASDAQ"),
    ("小鹏汽车(纳斯达克:XPEV)", "XPEV", "NASDAQ"),
    ("蔚来(NYSE:NIO)", "NIO", "NYSE"),
    ("纽交所代码XPEV", "XPEV", "NYSE"),
    ('在纽交所上市,代码为"NIO"', "NIO", "NYSE"),
    ("拟在纳斯达克全球市场挂牌，股票代码暂定“JCSH”", "JCSH", "NASDAQ"),  # a code told as tentative
    ("拟登陆纽交所，交易代码拟定为“PYMZ”", "PYMZ", "NYSE"),
    ('在港交所上市,股票代码"2513"', "2513", "HKEX"),
    ("港股代码:9866", "9866", "HKEX"),
    ("(HKEX: 9866)", "9866", "HKEX"),
    ("(港交所:9866)", "9866", "HKEX"),
    ("股票代码:BABA.N", "BABA.N", "NYSE"),
    ("股票代码为“1810”", "1810", None),
    ("股份代号02617", "02617", None),  # Hong Kong's word (股份代號)
    ("在上交所科创板挂牌，股份代号688802", "688802", "SSE"),
    ('拟以"YBLG"为代码在纳斯达克挂牌', "YBLG", None),
    # Singapore's and Tokyo's codes mix letters and digits
    ("在新交所主板挂牌，股票代码Q4M", "Q4M", "SGX"),
    ("在东证Growth市场上市，证券代码为“398A”", "398A", "TSE"),
]


@pytest.mark.parametrize("text,code_surface,exchange", TICKERS)
def test_tickers(text, code_surface, exchange):
    surface, value = only(values.find_tickers, text)
    assert surface == code_surface
    assert value == {"code": code_surface.split(".")[0], "exchange": exchange}


def test_latin_letters_alone_in_brackets_beside_a_us_exchange_are_a_bare_ticker():
    """澄川出行(TJMX)…登陆纳斯达克: a ticker, marked bare (it names the share, it tells no step of its own)."""
    assert only(values.find_tickers, "澄川出行(TJMX):美东时间3月17日登陆纳斯达克") == \
        ("TJMX", {"code": "TJMX", "exchange": None, "bare": True})


def test_several_tickers_in_parentheses():
    text = "蔚来(NYSE: NIO; HKEX: 9866)"
    assert [(text[s:e], v["exchange"]) for s, e, v in values.find_tickers(text)] == [("NIO", "NYSE"), ("9866", "HKEX")]


NOT_TICKERS = ["申购代码787736", "申购代码732219", "营收2513万元", "共2513人", "2025年", "NIU", "(2513)", "688068", "编号(300001)", "截至(201912)",
               "新三板挂牌(原证券代码873596)", "原代码为873596"]  # a former code is no ticker


@pytest.mark.parametrize("text", NOT_TICKERS)
def test_not_tickers(text):
    assert values.find_tickers(text) == []


HK_TEXT = "港股孖展超购,暗盘大升。"
TW_TEXT = "台交所公告,兴柜股下周上市。"
MARKET_TICKERS = [
    # text (raw), code, surface, exchange
    (HK_TEXT + "昨日截飞的折叠床垫商星河科工(2543)申购热潮空前", "2543", "2543", "HKEX"),
    (HK_TEXT + "星河科工 (2543) 今日挂牌", "2543", "2543", "HKEX"),
    (HK_TEXT + "星河护老(01989)及云帆工程(01627)今日截招", "01989", "01989", "HKEX"),
    (HK_TEXT + "招股价1元的星河(580)今日挂牌", "580", "580", "HKEX"),
    (HK_TEXT + "云帆医药-B(2617)今日招股", "2617", "2617", "HKEX"),
    (HK_TEXT + "星河健康-SW(9688)今日招股", "9688", "9688", "HKEX"),
    (HK_TEXT + "升二十倍的K W Starlight(08411)", "08411", "08411", "HKEX"),
    (HK_TEXT + "创业板新股星河(08411)升二十倍", "08411", "08411", "HKEX"),  # 创业板 here is GEM: no SZSE code
    (HK_TEXT + "星河控股股票代码为“1810”", "1810", "1810", "HKEX"),
    ("星河控股(01592-HK)获超购", "01592", "01592-HK", "HKEX"),
    ("星河控股(01592.HK)获超购", "01592", "01592.HK", "HKEX"),
    ("星河控股(HK:0388)", "0388", "0388", "HKEX"),
    ("云帆智能(港股代码:02057)", "02057", "02057", "HKEX"),
    ("云帆电子A股(沪:600699)收报20元", "600699", "600699", "SSE"),
    ("星河银行(深:000001)", "000001", "000001", "SZSE"),
    ("云帆電子A股(滬：600699)", "600699", "600699", "SSE"),
    ("星河半导体(2330.TW)", "2330", "2330.TW", "TWSE"),
    ("在纽交所上市的星河教育(EDU,US)", "EDU", "EDU,US", "NYSE"),
    ("星河教育(EDU.US)", "EDU", "EDU.US", None),
    ("台湾证券交易所公告,兴柜股后云代(7750)初上市", "7750", "7750", "TWSE"),
    ("证交所指出,云帆生医(6733)初次上柜,竞拍底价24元", "6733", "6733", "TPEX"),
    ("台湾证券交易所表示,F-星胜(5264)订下周五上市,承销价90元。", "5264", "5264", "TWSE"),
    ("柜买中心指出,云帆生医(6733)14日竞拍", "6733", "6733", "TPEX"),
    (HK_TEXT + "国货彩妆品牌「星雅美妆」(02622)今日挂牌", "02622", "02622", "HKEX"),  # the name in quotes
    ("创业板新股星拓新能（301617）和北交所新股星越精工（920198）同日挂牌", "920198", "920198", "BSE"),
]


@pytest.mark.parametrize("text,code,surface,exchange", MARKET_TICKERS)
def test_tickers_by_market(text, code, surface, exchange):
    text = normalise(text)[0]
    found = [(text[s:e], v) for s, e, v in values.find_tickers(text)]
    assert (surface, {"code": code, "exchange": exchange}) in found


NOT_MARKET_TICKERS = [
    HK_TEXT + "公司成立于(2018)",
    HK_TEXT + "公司成立(2018)",
    HK_TEXT + "见表(1)",
    HK_TEXT + "星河科工(2023年)",
    HK_TEXT + "查询电话(852) 2345 6789",
    HK_TEXT + "星河科工(2020-2022)",
    HK_TEXT + "业绩较去年(2022)",
    HK_TEXT + "上市后(2543)",
    HK_TEXT + "(2543)",
    "大行科技(2543)",  # no market cue at all
    "云帆电子登陆上交所科创板,此前星河(2543)",  # mainland cues only
    TW_TEXT + "星河(580)",  # Taiwan codes have four digits
    "澄川出行(TJMX)今日发布新品",  # Latin letters in brackets with no US exchange near
    "星河科技(IPO)项目登陆纳斯达克",  # a word in capitals, no ticker
    "澄川音乐(NYSE)今日发布财报,其在纽交所上市已满五年",  # the exchange's own abbreviation
]


@pytest.mark.parametrize("text", NOT_MARKET_TICKERS)
def test_not_tickers_by_market(text):
    text = normalise(text)[0]
    assert values.find_tickers(text) == []


@settings(max_examples=300)
@given(st.text(alphabet="孖展暗盘港股台交所兴柜星河科工(0123456789)-HKB于年 .", max_size=40))
def test_tickers_in_market_text(text):
    _check(HK_TEXT + text)


ROUNDS = [
    ("天使轮", "angel"), ("天使+轮", "angel+"), ("种子轮", "seed"), ("种子+轮", "seed+"),
    ("Pre-A轮", "pre-A"), ("pre-A+轮", "pre-A+"), ("PreA轮", "pre-A"), ("Pre-B轮", "pre-B"),
    ("A轮", "A"), ("A+轮", "A+"), ("A++轮", "A++"), ("A++++轮", "A++++"), ("B轮", "B"), ("B+轮", "B+"),
    ("B1轮", "B1"), ("B2轮", "B2"), ("C轮", "C"), ("C+轮", "C+"), ("D轮", "D"), ("E轮", "E"), ("F轮", "F"),
    ("Pre-IPO轮", "pre-IPO"), ("pre-IPO轮", "pre-IPO"), ("战略融资", "strategic"), ("战略投资", "strategic"),
    ("战略轮", "strategic"), ("新一轮", "new"), ("最新一轮", "latest"), ("首轮", "first"),
    ("a轮", "A"), ("Series B", "B"), ("A系列", "A"), ("B 轮", "B"),
    # set with blanks around the sign
    ("天使 + 轮", "angel+"), ("A + 轮", "A+"), ("Pre-A 轮", "pre-A"), ("种子 + 轮", "seed+"),
    # traditional / full-width
    ("Ａ輪", "A"), ("天使輪", "angel"), ("戰略融資", "strategic"), ("Ｐｒｅ－Ａ輪", "pre-A"),
]


@pytest.mark.parametrize("surface,name", ROUNDS)
def test_rounds(surface, name):
    assert values.parse_round(surface) == {"name": name}
    text = f"公司完成{surface}融资"
    if surface.isascii() or all(ord(c) < 0x3000 or "\u4e00" <= c <= "\u9fff" for c in surface):
        assert values.find_rounds(values.fold(text)) == [(4, 4 + len(surface), {"name": name})]


# a letter round right before 融资, without 轮
ROUNDS_BEFORE_FUNDING = [("Pre-A", "pre-A"), ("pre-B+", "pre-B+"), ("B+", "B+"), ("A1", "A1"), ("C", "C")]


@pytest.mark.parametrize("surface,name", ROUNDS_BEFORE_FUNDING)
def test_rounds_before_funding(surface, name):
    assert values.find_rounds(f"星河科技获{surface}融资") == [(5, 5 + len(surface), {"name": name})]


NOT_ROUNDS = ["完成4轮融资", "累计五轮融资", "引入战略投资者", "首轮问询", "IPO上市", "一轮", "8轮", "A股融资", "H股融资",
              "IPO融资", "ABC融资"]


@pytest.mark.parametrize("text", NOT_ROUNDS)
def test_not_rounds(text):
    assert values.find_rounds(text) == []


@pytest.mark.parametrize("text,count", [("完成4轮融资", 4), ("累计五轮融资", 5), ("共8轮", 8), ("先后两轮", 2)])
def test_round_counts(text, count):
    assert [v["count"] for _, _, v in values.find_round_counts(text)] == [count]


def test_round_count_is_not_named_round():
    assert values.find_round_counts("新一轮融资,最新一轮,A轮") == []


EXCHANGES = [
    ("港交所", "HKEX", None), ("香港联交所", "HKEX", None), ("联交所", "HKEX", None),
    ("香港交易所", "HKEX", None), ("港股", "HKEX", None), ("香港联合交易所", "HKEX", None),
    ("联交所主板", "HKEX", "main"), ("港交所主板", "HKEX", "main"), ("香港联交所主板", "HKEX", "main"),
    ("港交所GEM", "HKEX", "GEM"), ("联交所创业板", "HKEX", "GEM"),
    ("上交所", "SSE", None), ("上海证券交易所", "SSE", None), ("科创板", "SSE", "STAR"),
    ("上交所科创板", "SSE", "STAR"), ("上交所主板", "SSE", "main"),
    ("深交所", "SZSE", None), ("深圳证券交易所", "SZSE", None), ("创业板", "SZSE", "ChiNext"),
    ("深交所创业板", "SZSE", "ChiNext"), ("深交所主板", "SZSE", "main"),
    ("北交所", "BSE", None), ("北京证券交易所", "BSE", None), ("新三板", "NEEQ", None),
    ("纳斯达克", "NASDAQ", None), ("NASDAQ", "NASDAQ", None), ("纳斯达克全球精选市场", "NASDAQ", "Global Select"),
    ("纳斯达克资本市场", "NASDAQ", "Capital Market"),
    ("纽交所", "NYSE", None), ("纽约证券交易所", "NYSE", None), ("NYSE", "NYSE", None),
    ("伦交所", "LSE", None), ("伦敦证券交易所", "LSE", None), ("新交所", "SGX", None),
    ("东京证券交易所", "TSE", None), ("东证", "TSE", None), ("瑞士证券交易所", "SIX", None),
    ("美股", None, None),
]


@pytest.mark.parametrize("surface,code,board", EXCHANGES)
def test_exchanges(surface, code, board):
    text = f"公司在{surface}上市"
    found = values.find_exchanges(text)
    assert [(text[s:e], v["code"], v["board"]) for s, e, v in found] == [(surface, code, board)]


def test_exchange_names_are_canonical():
    names = {v["name"] for s in ("港交所", "香港联交所", "联交所主板") for _, _, v in values.find_exchanges(s)}
    assert names == {"香港联合交易所"}
    assert values.find_exchanges("美股")[0][2]["market"] == "US"


@pytest.mark.parametrize("text", ["主板", "东证期货", "香港", "交易所"])
def test_not_exchanges(text):
    assert values.find_exchanges(text) == []


FINDERS = [values.find_percent, values.find_shares, values.find_tickers, values.find_rounds,
           values.find_exchanges, values.find_round_counts]
ALPHABET = "0123456789.,:;()%\"+-万亿股HADS港交所主板创业科深上纽纳斯达克代码为轮天使种子战略融资新一最首PreIPOABCNYSE百分之五 "


def _check(text):
    for finder in FINDERS:
        prev = 0
        for s, e, value in finder(text):
            assert 0 <= prev <= s < e <= len(text)
            assert isinstance(value, dict)
            prev = e


@given(st.text())
def test_finders_any_text(text):
    _check(text)


@settings(max_examples=400)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_finders_chinese_heavy(text):
    _check(text)


@given(st.integers(1, 10**9))
def test_shares_roundtrip(n):
    assert values.find_shares(f"发行{n:,}股H股") == [(2, 2 + len(f"{n:,}股H股"), {"value": float(n), "share_class": "H"})]


@given(st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False))
def test_percent_roundtrip(d):
    text = f"增长{d}%"
    assert values.find_percent(text)[0][2]["value"] == pytest.approx(float(d))


CALENDAR = ("申购日｜简称｜股票代码｜申购代码｜发行价（元）｜发行量（万股）\n"
            "12月15日｜岷澧股份｜688931｜787931｜18.20｜2,000\n"
            "12月17日｜湄岙科技｜301421｜301421｜22.50｜1,800.5\n"
            "另有1只新股下周申购。")


def test_a_calendar_s_columns_give_the_codes_and_counts_of_shares_in_its_rows():
    """股票代码 over 688931 is a ticker (申购代码's 787931 is not); 发行量（万股） over 2,000 is 20 million shares."""
    tickers = [(CALENDAR[s:e], v["exchange"]) for s, e, v in values.find_tickers(CALENDAR)]
    assert tickers == [("688931", "SSE"), ("301421", "SZSE")]
    shares = [(CALENDAR[s:e], v["value"]) for s, e, v in values.find_shares(CALENDAR)]
    assert shares == [("2,000", 2e7), ("1,800.5", 18005000.0)]


def test_a_code_column_ends_with_its_table():
    """A line of another width ends the table: the count under it is no cell."""
    assert values.find_tickers("简称｜股票代码\n星河科技｜688001\n\n星河科技 688002") == [(13, 19, {"code": "688001", "exchange": "SSE"})]

"""MONEY: table of surfaces -> values, recogniser cases, property tests."""
import pytest
from hypothesis import given, settings, strategies as st

from nlp.entities import money

N = None


def M(value, currency, qualifier=None, value_max=None, vague=False, **extra):
    return {"value": value, "value_max": value_max, "currency": currency,
            "qualifier": qualifier, "vague": vague, **extra}


PARSE = [
    # units and currencies
    ("3亿美元", M(3e8, "USD")),
    ("30亿美元", M(3e9, "USD")),
    ("243.77亿元", M(2.4377e10, "CNY")),
    ("5000万元", M(5e7, "CNY")),
    ("1000万美元", M(1e7, "USD")),
    ("2,000万元", M(2e7, "CNY")),
    ("3千万元", M(3e7, "CNY")),
    ("5百万美元", M(5e6, "USD")),
    ("1.2万亿元", M(1.2e12, "CNY")),
    ("8千元", M(8e3, "CNY")),
    ("一亿元", M(1e8, "CNY")),
    ("两千万元", M(2e7, "CNY")),
    ("五千万美元", M(5e7, "USD")),
    ("十亿元", M(1e9, "CNY")),
    ("百亿元", M(1e10, "CNY")),
    ("千万美元", M(1e7, "USD")),
    ("百万美元", M(1e6, "USD")),
    ("一亿五千万元", M(1.5e8, "CNY")),
    ("3亿5000万元", M(3.5e8, "CNY")),
    ("1.86 亿美元", M(1.86e8, "USD")),
    ("1.5 billion美元", M(1.5e9, "USD")),
    ("US$300 million", M(3e8, "USD")),
    ("US$ 300 million", M(3e8, "USD")),
    ("$3.5 billion", M(3.5e9, "USD")),
    # a single letter multiplies right after digits a currency sign opens
    ("US$5M", M(5e6, "USD")),
    ("US$1.5M", M(1.5e6, "USD")),
    ("$2B", M(2e9, "USD")),
    ("HK$800K", M(8e5, "HKD")),
    ("NT$30m", M(3e7, "TWD")),
    ("US$3-5M", M(3e6, "USD", value_max=5e6)),
    ("HK$1.2 billion", M(1.2e9, "HKD")),
    ("300 million美元", M(3e8, "USD")),
    ("人民币1.5亿元", M(1.5e8, "CNY")),
    ("人民币3000万", M(3e7, "CNY")),
    ("人民币约21亿元", M(2.1e9, "CNY", "approx")),
    ("3亿元人民币", M(3e8, "CNY")),
    ("3亿人民币", M(3e8, "CNY")),
    ("100万人民币元", M(1e6, "CNY")),
    ("RMB 5000万", M(5e7, "CNY")),
    ("5000万RMB", M(5e7, "CNY")),
    ("¥500万", M(5e6, "CNY")),
    ("5亿美金", M(5e8, "USD")),
    ("USD 200 million", M(2e8, "USD")),
    ("10亿港元", M(1e9, "HKD")),
    ("1,500亿元新台币", M(1.5e11, "TWD")),  # the country's word after a bare 元 names the currency
    ("10亿港币", M(1e9, "HKD")),
    ("港币10亿元", M(1e9, "HKD")),
    ("2亿欧元", M(2e8, "EUR")),
    ("€20 million", M(2e7, "EUR")),
    ("5000万英镑", M(5e7, "GBP")),
    ("£5 million", M(5e6, "GBP")),
    ("100亿日元", M(1e10, "JPY")),
    ("100亿日圆", M(1e10, "JPY")),
    ("500亿韩元", M(5e10, "KRW")),
    ("450 億韓圜", M(4.5e10, "KRW")),  # Taiwan writes the won 韓圜
    ("30亿韩币", M(3e9, "KRW")),
    ("3亿新台币", M(3e8, "TWD")),
    ("1亿新加坡元", M(1e8, "SGD")),
    ("1亿新元", M(1e8, "SGD")),
    ("S$50 million", M(5e7, "SGD")),
    ("2000万澳元", M(2e7, "AUD")),
    ("2000万加元", M(2e7, "CAD")),
    ("1000万瑞士法郎", M(1e7, "CHF")),
    ("50亿卢比", M(5e9, "INR")),
    ("50亿印度卢比", M(5e9, "INR")),
    ("1亿澳门元", M(1e8, "MOP")),
    ("500万葡币", M(5e6, "MOP")),
    ("2500万令吉", M(2.5e7, "MYR")),  # Malaysian Chinese papers' word for the ringgit
    ("0.32令吉", M(0.32, "MYR")),
    ("800万马币", M(8e6, "MYR")),
    ("RM25 million", M(2.5e7, "MYR")),
    ("1亿泰铢", M(1e8, "THB")),
    ("三十元", M(30.0, "CNY")),
    ("100元", M(100.0, "CNY")),
    # qualifiers
    ("约43亿港元", M(4.3e9, "HKD", "approx")),
    ("超过511亿港元", M(5.11e10, "HKD", "over")),
    ("超83亿元", M(8.3e9, "CNY", "over")),
    ("超50亿元", M(5e9, "CNY", "over")),
    ("约300亿元", M(3e10, "CNY", "approx")),
    ("约合2亿美元", M(2e8, "USD", "approx")),
    ("大约5亿元", M(5e8, "CNY", "approx")),
    ("近10亿元", M(1e9, "CNY", "approx")),
    ("接近10亿美元", M(1e9, "USD", "approx")),
    ("将近1亿元", M(1e8, "CNY", "approx")),
    ("5亿元左右", M(5e8, "CNY", "approx")),
    ("逾10亿元", M(1e9, "CNY", "over")),
    ("突破100亿元", M(1e10, "CNY", "over")),
    ("1亿元以上", M(1e8, "CNY", "over")),
    ("十余亿元", M(1e9, "CNY", "over")),
    ("5000余万元", M(5e7, "CNY", "over")),
    ("300多万元", M(3e6, "CNY", "over")),
    ("3亿多元", M(3e8, "CNY", "over")),
    ("1亿余元", M(1e8, "CNY", "over")),
    ("不低于5000万元", M(5e7, "CNY", "at_least")),
    ("至少1亿美元", M(1e8, "USD", "at_least")),
    ("不少于3亿元", M(3e8, "CNY", "at_least")),
    ("不超过2亿元", M(2e8, "CNY", "at_most")),
    ("不超5亿元", M(5e8, "CNY", "at_most")),  # not 超5亿元, "over"
    ("最多5000万美元", M(5e7, "USD", "at_most")),
    ("1.86 亿美元以内", M(1.86e8, "USD", "at_most")),
    ("1亿元以下", M(1e8, "CNY", "at_most")),
    ("不到1亿元", M(1e8, "CNY", "under")),
    ("低于10港元", M(10.0, "HKD", "under")),
    ("不足5000万元", M(5e7, "CNY", "under")),
    ("近亿元", M(1e8, "CNY", "approx")),
    ("超亿元", M(1e8, "CNY", "over")),
    ("过亿元", M(1e8, "CNY", "over")),
    ("逾千万美元", M(1e7, "USD", "over")),
    # ranges
    ("3–5亿元", M(3e8, "CNY", value_max=5e8)),
    ("3-5亿元", M(3e8, "CNY", value_max=5e8)),
    ("3~5亿元", M(3e8, "CNY", value_max=5e8)),
    ("3至5亿元", M(3e8, "CNY", value_max=5e8)),
    ("8-10美元", M(8.0, "USD", value_max=10.0)),
    ("3000万元至5000万元", M(3e7, "CNY", value_max=5e7)),
    ("3000万至5000万元", M(3e7, "CNY", value_max=5e7)),
    ("12.1–13.7港元", M(12.1, "HKD", value_max=13.7)),
    ("3~5亿", M(3e8, None, value_max=5e8)),
    ("1亿元到2亿元", M(1e8, "CNY", value_max=2e8)),
    ("5亿-10亿美元", M(5e8, "USD", value_max=1e9)),
    ("三至五亿元", M(3e8, "CNY", value_max=5e8)),
    ("1-2 billion美元", M(1e9, "USD", value_max=2e9)),
    # vague: the bounds of the order of magnitude
    ("数百万元", M(1e6, "CNY", "approx", value_max=9e6, vague=True)),
    ("数千万元", M(1e7, "CNY", "approx", value_max=9e7, vague=True)),
    ("数亿元", M(1e8, "CNY", "approx", value_max=9e8, vague=True)),
    ("数十亿元", M(1e9, "CNY", "approx", value_max=9e9, vague=True)),
    ("数亿美元", M(1e8, "USD", "approx", value_max=9e8, vague=True)),
    ("亿级美元", M(1e8, "USD", "approx", vague=True)),
    ("千万级", M(1e7, None, "approx", vague=True)),
    ("亿元级", M(1e8, "CNY", "approx", vague=True)),
    ("上亿元", M(1e8, "CNY", "over", vague=True)),
    ("上千万元", M(1e7, "CNY", "over", vague=True)),
    ("几千万元", M(1e7, "CNY", "approx", value_max=9e7, vague=True)),
    ("十几亿元", M(1.1e9, "CNY", "approx", value_max=1.9e9, vague=True)),
    ("亿元", M(1e8, "CNY", "approx", vague=True)),
    # per share
    ("每股116.2港元", M(116.2, "HKD", per_share=True)),
    ("29.60元/股", M(29.6, "CNY", per_share=True)),
    ("17元每股", M(17.0, "CNY", per_share=True)),
    ("每股8-10美元", M(8.0, "USD", value_max=10.0, per_share=True)),
    ("不超过每股188.00港元", M(188.0, "HKD", "at_most", per_share=True)),
    ("17元", M(17.0, "CNY")),
    ("发行价为17元", M(17.0, "CNY")),
    # without currency: never guessed
    ("5亿", M(5e8, None)),
    ("超30亿", M(3e9, None, "over")),
    ("1.2万亿", M(1.2e12, None)),
    # traditional script and full-width forms
    ("約43億港元", M(4.3e9, "HKD", "approx")),
    ("超過511億港元", M(5.11e10, "HKD", "over")),
    ("３億美元", M(3e8, "USD")),
    ("１．８６億美元以內", M(1.86e8, "USD", "at_most")),
    ("人民幣1.5億元", M(1.5e8, "CNY")),
    ("10億港幣", M(1e9, "HKD")),
    ("5000萬圓", M(5e7, "CNY")),
    ("數億元", M(1e8, "CNY", "approx", value_max=9e8, vague=True)),
    ("兩千萬美元", M(2e7, "USD")),
    ("十餘億元", M(1e9, "CNY", "over")),
    ("3億新臺幣", M(3e8, "TWD")),
    ("2億歐元", M(2e8, "EUR")),
    ("500億韓元", M(5e10, "KRW")),
    ("ＵＳ＄300 million", M(3e8, "USD")),
    ("每股１１６．２港元", M(116.2, "HKD", per_share=True)),
    ("３－５億元", M(3e8, "CNY", value_max=5e8)),
    ("￥500萬", M(5e6, "CNY")),
    # spoken: a 个 before the unit, 点 for the decimal point, a price in 块 and 毛 (its currency the market's)
    ("三个亿", M(3e8, None)),
    ("五个亿人民币", M(5e8, "CNY")),
    ("四点五个亿", M(4.5e8, None)),
    ("一点五亿元", M(1.5e8, "CNY")),
    ("1.5个亿", M(1.5e8, None)),
    ("九块八", M(9.8, None)),
    ("二十一块五毛", M(21.5, None)),
]

NOT_MONEY = [
    "2513", "37,419,500", "2025年", "30%", "3倍", "9500万股", "1.5亿股", "三", "一二三",
    "", "元", "万元", "abc", "2024-2025", "3.5", "5M", "300m", "20K",
    "三个", "三点钟", "一块屏幕", "一块八角形",
]


@pytest.mark.parametrize("surface,expected", PARSE)
def test_parse(surface, expected):
    got = money.parse(surface)
    assert got is not None, surface
    for key in ("value", "value_max"):
        assert got[key] == pytest.approx(expected[key]) if expected[key] is not None else got[key] is None
    assert {k: v for k, v in got.items() if k not in ("value", "value_max")} == \
        {k: v for k, v in expected.items() if k not in ("value", "value_max")}


@pytest.mark.parametrize("surface", NOT_MONEY)
def test_not_money(surface):
    assert money.parse(surface) is None


# text -> the money surfaces `find` must report, in order
FIND = [
    ("公司完成3亿美元B轮融资", ["3亿美元"]),
    ("融了将近三个亿，发行价十二块三到十三块五", ["将近三个亿", "十二块三", "十三块五"]),
    ("两块业务一点一滴做起来", []),
    ("本次发行募资约43亿港元,每股116.2港元", ["约43亿港元", "每股116.2港元"]),
    ("发行价为17元,募资总额5.1亿元", ["17元", "5.1亿元"]),
    ("融资5亿,估值超30亿。", ["5亿", "超30亿"]),
    ("股票代码2513,共37,419,500股", []),
    ("发行9500万股H股", []),
    ("拥有5亿用户", []),
    ("营收增长30%,是去年的3倍", []),
    ("2025年1月1日元旦", []),
    ("三元锂电池出货量", []),
    ("多元化发展", []),
    ("30日内完成", []),
    ("获得数千万元天使轮融资", ["数千万元"]),
    ("完成亿级美元C轮融资", ["亿级美元"]),
    ("拟募资3–5亿元", ["3–5亿元"]),
    ("发行价区间为8-10美元", ["8-10美元"]),
    ("募资不超过1.86 亿美元以内", ["不超过1.86 亿美元以内"]),
    ("投资3000万元至5000万元", ["3000万元至5000万元"]),
    ("A轮融资1亿元,B轮融资2亿元", ["1亿元", "2亿元"]),
    ("以29.60元/股的价格", ["29.60元/股"]),
    ("约合人民币21亿元", ["约合人民币21亿元"]),
    ("折合人民币约21亿元", ["人民币约21亿元"]),
    ("获得千万级融资", ["千万级"]),
    ("千万级用户", []),
    ("获数千万A轮融资", ["数千万"]),  # a round's name may follow a currency-less amount
    ("拟发行11亿债券", ["11亿"]),  # so may a bond
    ("背负11亿债务", []),  # not a debt owed
    ("完成近亿元Pre-A+轮融资", ["近亿元"]),
    ("完成千万级天使轮融资", ["千万级"]),
    ("发行5000万A股", []),
    ("US$300 million IPO", ["US$300 million"]),
    ("完成US$5M種子輪融資，跑道长300m。", ["US$5M"]),  # a letter after a bare number is no multiplier
    ("市值1.2万亿元", ["1.2万亿元"]),
    ("投资1亿元到2025年", ["1亿元"]),
    ("募资5亿元至2026年底", ["5亿元"]),
    ("营收分别为9.8亿元、11.6亿元和12.3亿元", ["9.8亿元", "11.6亿元", "12.3亿元"]),
    ("定价区间14至16美元", ["14至16美元"]),
    ("以不超过3亿元、不低于1.5亿元的资金", ["不超过3亿元", "不低于1.5亿元"]),
    ("单笔过亿元的融资", ["过亿元"]),
    ("拥有200余家客户,约650人", []),
    ("年产能可达1.5万台", []),
    ("5000万元人民币的", ["5000万元人民币"]),
]


@pytest.mark.parametrize("text,surfaces", FIND)
def test_find(text, surfaces):
    assert [text[s:e] for s, e, _ in money.find(text)] == surfaces


# a table's bare numbers under a header that gives their unit: (cell, value, currency) for each; a bare 元 in the
# header leaves the currency to the page's market (None here: entities.local_currency makes it CNY, HKD …)
COLUMN_SUMS = [
    ("公司｜轮次｜金额（万元）｜投资方\n鲸屿｜A轮｜5000｜某资本\n岚栖｜天使轮｜800.5｜某创投", [("5000", 5e7, None), ("800.5", 8.005e6, None)]),
    ("企业 | 拟募资(亿元)\n澜湾股份 | 12.30\n汀舟科技 | 8", [("12.30", 1.23e9, None), ("8", 8e8, None)]),
    ("项目｜融资额（亿美元）\n星桥｜1,200\n月港｜未披露", [("1,200", 1.2e11, "USD")]),
    ("名称｜规模（单位：亿港元）\n港澜｜3.2", [("3.2", 3.2e8, "HKD")]),
    # a share count, a row of another width, a cell with words: no sum
    ("简称｜发行价（元）\n澜湾｜9.88\n汀舟｜待定", [("9.88", 9.88, None)]),  # a price per share
    ("简称｜招股价(港元)\n澜湾｜3.20", [("3.20", 3.2, "HKD")]),
    ("对象｜获配股数（万股）\n某基金｜300", []),
    ("平台｜用户数（万）\n某应用｜300", []),
    ("获配对象｜获配金额（万元）\n某基金｜31,620.00", []),
    ("公司｜金额（万元）\n鲸屿｜5000｜另列\n岚栖｜约5000", []),
    ("融资5000万元，团队50人", []),
]


@pytest.mark.parametrize("text,expected", COLUMN_SUMS)
def test_column_sums(text, expected):
    found = money.find_column_sums(text)
    assert [(text[s:e], v["value"], v["currency"]) for s, e, v in found] == expected
    assert all(bool(v.get("per_share")) == ("价" in text.split("\n")[0]) for _, _, v in found)


CHINESE_ALPHABET = "0123456789.,-–~ %$¥万亿千百十一二三四五六七八九零两数几余多约超近逾元美港币人民股年月日轮级以上内左右每/H股" \
                   "欧英镑日韩新台加澳瑞士法郎卢比RMBUSHK至到"


def _check_find(text):
    found = money.find(text)
    prev = 0
    for s, e, value in found:
        assert 0 <= prev <= s < e <= len(text)
        prev = e
        assert money.parse(text[s:e]) == value, text[s:e]


@given(st.text())
def test_find_any_text(text):
    _check_find(text)


@settings(max_examples=400)
@given(st.text(alphabet=CHINESE_ALPHABET, max_size=40))
def test_find_chinese_heavy(text):
    _check_find(text)


@given(st.integers(1, 99999), st.sampled_from(["万", "亿", "千万", "百万", "万亿"]),
       st.sampled_from([("元", "CNY"), ("美元", "USD"), ("港元", "HKD"), ("欧元", "EUR"), ("日元", "JPY")]))
def test_amount_roundtrip(n, unit, cur):
    got = money.parse(f"{n}{unit}{cur[0]}")
    assert got["currency"] == cur[1] and got["value"] > 0 and not got["vague"]
    assert money.find(f"融资{n}{unit}{cur[0]},")[0][2] == got

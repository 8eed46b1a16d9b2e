"""DATE: absolute, year-less, relative and period expressions; find; infer_reference."""
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

from nlp.entities import dates

REF = dt.date(2025, 12, 30)  # a Tuesday


def D(start, end=None, gran="day", inferred=False):
    return {"start": start, "end": end or start, "granularity": gran, "inferred": inferred}


ABSOLUTE = [
    ("2026年1月8日", D("2026-01-08")),
    ("北京时间2026年1月8日晚间", D("2026-01-08")),
    ("2026年01月08日", D("2026-01-08")),
    ("2026 年 1 月 8 日", D("2026-01-08")),
    ("2026年1月8号", D("2026-01-08")),
    ("2026-01-08", D("2026-01-08")),
    ("2026-1-8", D("2026-01-08")),
    ("2026/1/8", D("2026-01-08")),
    ("2026.1.8", D("2026-01-08")),
    ("2024年2月29日", D("2024-02-29")),
    ("二〇二五年三月", D("2025-03-01", "2025-03-31", "month")),
    ("二〇二五年十二月三十一日", D("2025-12-31")),
    ("二零二四年", D("2024-01-01", "2024-12-31", "year")),
    # Taiwan's 民国 years: with 民国 before them, or a month after them
    ("民国114年3月5日", D("2025-03-05")),
    ("民国113年", D("2024-01-01", "2024-12-31", "year")),
    ("114年3月", D("2025-03-01", "2025-03-31", "month")),
    ("在113年", D("2024-01-01", "2024-12-31", "year")),
    ("2025年12月", D("2025-12-01", "2025-12-31", "month")),
    ("2025年2月", D("2025-02-01", "2025-02-28", "month")),
    ("2025年12月份", D("2025-12-01", "2025-12-31", "month")),
    ("2025年", D("2025-01-01", "2025-12-31", "year")),
    ("2025年度", D("2025-01-01", "2025-12-31", "year")),
    ("2025年上半年", D("2025-01-01", "2025-06-30", "half")),
    ("2025年下半年", D("2025-07-01", "2025-12-31", "half")),
    ("2025年H1", D("2025-01-01", "2025-06-30", "half")),
    ("2025年第二季度", D("2025-04-01", "2025-06-30", "quarter")),
    ("2025年二季度", D("2025-04-01", "2025-06-30", "quarter")),
    ("2025年第4季度", D("2025-10-01", "2025-12-31", "quarter")),
    ("2025年Q3", D("2025-07-01", "2025-09-30", "quarter")),
    ("2025年前三季度", D("2025-01-01", "2025-09-30", "quarter")),
    ("2024年内", D("2024-01-01", "2024-12-31", "year")),
    ("2024年底", D("2024-12-01", "2024-12-31", "month")),
    ("2024年末", D("2024-12-01", "2024-12-31", "month")),
    ("2024年初", D("2024-01-01", "2024-01-31", "month")),
    ("2025年12月底", D("2025-12-21", "2025-12-31")),
    ("2025年3月上旬", D("2025-03-01", "2025-03-10")),
    ("2025年3月中旬", D("2025-03-11", "2025-03-20")),
    ("2025年2月下旬", D("2025-02-21", "2025-02-28")),
    # traditional / full-width
    ("２０２６年１月８日", D("2026-01-08")),
    ("２０２６－０１－０８", D("2026-01-08")),
    ("2025年上半年", D("2025-01-01", "2025-06-30", "half")),
    ("2024年內", D("2024-01-01", "2024-12-31", "year")),
    ("2026年1月8號", D("2026-01-08")),
]

RELATIVE = [  # reference 2025-12-30 (Tuesday)
    ("12月19日", D("2025-12-19")),
    ("1月5日", D("2026-01-05")),
    ("1月8日", D("2026-01-08")),
    ("9月1日", D("2025-09-01")),
    ("6月1日", D("2026-06-01")),  # nearest wins, even in the future
    ("12月", D("2025-12-01", "2025-12-31", "month")),
    ("1月", D("2026-01-01", "2026-01-31", "month")),
    ("3月", D("2026-03-01", "2026-03-31", "month")),
    ("12月下旬", D("2025-12-21", "2025-12-31")),
    ("十二月十九日", D("2025-12-19")),
    ("30日", D("2025-12-30")),
    ("21日", D("2025-12-21")),
    ("2日", D("2026-01-02")),
    ("31日", D("2025-12-31")),
    ("今天", D("2025-12-30")),
    ("今日", D("2025-12-30")),
    ("昨日", D("2025-12-29")),
    ("昨天", D("2025-12-29")),
    ("前天", D("2025-12-28")),
    ("明天", D("2025-12-31")),
    ("明日", D("2025-12-31")),
    ("上周五", D("2025-12-26")),
    ("上周一", D("2025-12-22")),
    ("本周五", D("2026-01-02")),
    ("下周一", D("2026-01-05")),
    ("上星期五", D("2025-12-26")),
    ("星期一", D("2025-12-29")),
    ("周三", D("2025-12-31")),
    ("周日", D("2025-12-28")),
    ("本周", D("2025-12-29", "2026-01-04")),
    ("上周", D("2025-12-22", "2025-12-28")),
    ("下周", D("2026-01-05", "2026-01-11")),
    ("本月", D("2025-12-01", "2025-12-31", "month")),
    ("上月", D("2025-11-01", "2025-11-30", "month")),
    ("上个月", D("2025-11-01", "2025-11-30", "month")),
    ("下个月", D("2026-01-01", "2026-01-31", "month")),
    ("本月8日", D("2025-12-08")),
    ("上月底", D("2025-11-21", "2025-11-30")),
    ("本季度", D("2025-10-01", "2025-12-31", "quarter")),
    ("上季度", D("2025-07-01", "2025-09-30", "quarter")),
    ("今年", D("2025-01-01", "2025-12-31", "year")),
    ("去年", D("2024-01-01", "2024-12-31", "year")),
    ("前年", D("2023-01-01", "2023-12-31", "year")),
    ("明年", D("2026-01-01", "2026-12-31", "year")),
    ("今年10月", D("2025-10-01", "2025-10-31", "month")),
    ("今年10月8日", D("2025-10-08")),
    ("去年3月", D("2024-03-01", "2024-03-31", "month")),
    ("去年年底", D("2024-12-01", "2024-12-31", "month")),
    ("去年底", D("2024-12-01", "2024-12-31", "month")),
    ("今年年初", D("2025-01-01", "2025-01-31", "month")),
    ("明年上半年", D("2026-01-01", "2026-06-30", "half")),
    ("今年一季度", D("2025-01-01", "2025-03-31", "quarter")),
    ("今年前三季度", D("2025-01-01", "2025-09-30", "quarter")),
    ("年初", D("2025-01-01", "2025-01-31", "month")),
    ("年底", D("2025-12-01", "2025-12-31", "month")),
    ("年末", D("2025-12-01", "2025-12-31", "month")),
    ("年内", D("2025-01-01", "2025-12-31", "year")),
    ("上半年", D("2025-01-01", "2025-06-30", "half")),
    ("下半年", D("2025-07-01", "2025-12-31", "half")),
    ("二季度", D("2025-04-01", "2025-06-30", "quarter")),
    ("第二季度", D("2025-04-01", "2025-06-30", "quarter")),
    ("第四季度", D("2025-10-01", "2025-12-31", "quarter")),
    ("前三季度", D("2025-01-01", "2025-09-30", "quarter")),
    ("前两季度", D("2025-01-01", "2025-06-30", "quarter")),
    # traditional / full-width
    ("上週五", D("2025-12-26")),
    ("１２月１９日", D("2025-12-19")),
    ("本週", D("2025-12-29", "2026-01-04")),
    ("上個月", D("2025-11-01", "2025-11-30", "month")),
    ("年內", D("2025-01-01", "2025-12-31", "year")),
]

VAGUE = ["近日", "日前", "近期", "近来", "此前", "当天", "次日", "同年"]
INVALID = ["2025年13月", "2025年2月30日", "2026-13-01", "", "abc", "32日", "12月32日", "113年"]  # (113年 alone: a span of years)


@pytest.mark.parametrize("surface,expected", ABSOLUTE)
def test_absolute(surface, expected):
    assert dates.parse(surface) == expected
    assert dates.parse(surface, REF, True) == expected  # no reference needed: never inferred


@pytest.mark.parametrize("surface,expected", RELATIVE)
def test_relative(surface, expected):
    assert dates.parse(surface, REF) == expected
    assert dates.parse(surface, REF, reference_inferred=True) == {**expected, "inferred": True}
    assert dates.parse(surface) is None  # needs a reference


@pytest.mark.parametrize("surface", VAGUE)
def test_vague(surface):
    assert dates.parse(surface, REF) is None
    assert [(0, len(surface))] == dates.find(surface)


@pytest.mark.parametrize("surface", INVALID)
def test_invalid(surface):
    assert dates.parse(surface, REF) is None


NEAREST = [  # (surface, reference, expected start)
    ("1月5日", dt.date(2025, 12, 30), "2026-01-05"),
    ("12月28日", dt.date(2026, 1, 3), "2025-12-28"),
    ("12月19日", dt.date(2025, 12, 30), "2025-12-19"),
    ("7月4日", dt.date(2025, 1, 1), "2024-07-04"),
    ("7月2日", dt.date(2025, 1, 1), "2025-07-02"),
    ("30日", dt.date(2026, 1, 2), "2025-12-30"),
    ("3日", dt.date(2026, 1, 30), "2026-02-03"),
    ("29日", dt.date(2026, 3, 2), "2026-03-29"),  # no 29 February 2026
    ("2月29日", dt.date(2025, 3, 1), "2024-02-29"),
]


@pytest.mark.parametrize("surface,ref,start", NEAREST)
def test_nearest_candidate(surface, ref, start):
    assert dates.parse(surface, ref)["start"] == start


FIND = [
    ("公司于2025年7月完成融资", ["2025年7月"]),
    # a time zone before and a time of day after belong to the expression
    ("美东时间9月4日，星河科技登陆纳斯达克", ["美东时间9月4日"]),
    ("美国东部时间10月7日，星河在纽交所上市", ["美国东部时间10月7日"]),
    ("9月1日晚间，星河科技发布公告", ["9月1日晚间"]),
    ("7月22日晚，上交所受理了申请", ["7月22日晚"]),
    ("5月9日凌晨消息", ["5月9日凌晨"]),
    ("营收增速7月1日晚于预期", ["7月1日"]),
    ("8月27日初步询价", ["8月27日"]),  # 初 of 初步, not the start of a month
    ("截至2025年12月,累计融资", ["2025年12月"]),
    ("到2025年7月", ["2025年7月"]),
    ("新华社北京1月8日电", ["1月8日"]),
    ("近日,公司宣布", ["近日"]),
    ("12月19日至21日招股", ["12月19日至21日"]),  # a range is one span
    ("今日起至12月21日招股", ["今日起至12月21日"]),  # 起至 joins a range's two parts too
    ("12月19日起至12月21日招股", ["12月19日起至12月21日"]),
    ("新规自今日起实施", []),  # 今日起 alone is "from now on", no date
    ("今日起至周四(16日)招股", ["今日起至周四", "16日"]),  # today to a later weekday: one range
    ("今天至下周一停牌", ["今天至下周一"]),
    ("周一至周四", ["周一", "周四"]),  # two weekdays: no day of the reference to start from
    ("2026-01-08 10:30发布", ["2026-01-08 10:30"]),
    ("上周五在港交所上市", ["上周五"]),
    ("去年年底完成B轮", ["去年年底"]),
    ("2025年上半年营收", ["2025年上半年"]),
    ("今年一季度", ["今年一季度"]),
    ("2024年中国市场", ["2024年"]),
    ("公司在113年完成A轮", ["在113年"]),  # 民国 years after 在 / 于 told alone
    ("於112年度募得資金", ["於112年度"]),
    ("在110年代", []),
    ("成立至今已有113年", []),
    ("在113年间累计投资", []),
    ("2023年内地市场", ["2023年"]),
    ("今日头条", []),
    ("30日内完成", []),
    ("1日元兑换", []),
    ("6个月", []),
    ("周期性", []),
    ("3.5亿元", []),
    ("2025年1月1日元旦", ["2025年1月1日"]),
    ("本周期", []),
    ("本周一级市场共披露融资87起", ["本周"]),  # 一级市场, not Monday
    ("周二级别会议", []),
    ("低空经济一周三家拿钱", []),  # 一周三家: three in one week, not Wednesday
    ("每周五更新", []),  # every Friday: no one day
    ("周三起招股", ["周三"]),
    ("营收增长14.58%", []),
    ("三年内完成上市", []),
    ("5年内", []),
    ("预计年内完成", ["年内"]),
    ("2026年1月8日至10日", ["2026年1月8日至10日"]),
    ("今年9月底", ["今年9月底"]),
    ("需在T-2日前20个交易日内持有市值，T+1日公布中签结果", []),  # days counted from a trading day T
    ("日前公告", ["日前"]),
    # a day written 2/9 in a table's cell or in brackets (Taiwan's press); not a fraction in running text
    ("日期｜新創\n2/9｜炘晁半導體", ["2/9"]),
    ("申購期間｜3/12~3/16｜掛牌", ["3/12~3/16"]),
    ("心元資本出資。(11/20)", ["11/20"]),
    ("公司持有其1/3的股份", []),
    ("日期｜新創\n13/9｜澜汀", []),
]


@pytest.mark.parametrize("text,surfaces", FIND)
def test_find(text, surfaces):
    assert [text[s:e] for s, e in dates.find(text)] == surfaces


INFER = [
    ("2026年1月8日,公司在2025年12月宣布", dt.date(2026, 1, 8)),
    ("发布于2026-01-08,数据截至2025-12-31", dt.date(2026, 1, 8)),
    ("2026/1/8", dt.date(2026, 1, 8)),
    ("2026.1.8", dt.date(2026, 1, 8)),
    ("公司在2025年12月和2025年3月", dt.date(2025, 12, 1)),
    ("2024年和2025年", dt.date(2025, 7, 1)),
    ("12月19日", None),
    ("计划于2026年1月8日上市,截至2025年12月共完成5轮融资", dt.date(2025, 12, 1)),
    ("认购期将持续至2026年1月5日", dt.date(2026, 1, 5)),
    ("2025年12月30日消息,公司拟于2026年3月1日挂牌", dt.date(2025, 12, 30)),
    ("没有日期", None),
    ("", None),
]


@pytest.mark.parametrize("text,expected", INFER)
def test_infer_reference(text, expected):
    assert dates.infer_reference(text) == expected


ALPHABET = "0123456789-/.年月日号周上下本今去明前后近一二三四五六七八九十〇季度半初底末内旬星期天昨,元 "


def _check(text):
    prev = 0
    for s, e in dates.find(text):
        assert 0 <= prev <= s < e <= len(text)
        prev = e
        v = dates.parse(text[s:e], REF)
        assert v is None or v["start"] <= v["end"]
    dates.infer_reference(text)


@given(st.text())
def test_find_any_text(text):
    _check(text)


@settings(max_examples=400)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_find_chinese_heavy(text):
    _check(text)


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_full_date_roundtrip(d):
    for s in (f"{d.year}年{d.month}月{d.day}日", d.isoformat(), f"{d.year}/{d.month}/{d.day}"):
        assert dates.parse(s) == {"start": d.isoformat(), "end": d.isoformat(), "granularity": "day", "inferred": False}
        assert dates.find(f"于{s}发布") == [(1, 1 + len(s))]


@given(st.dates(min_value=dt.date(1950, 2, 1), max_value=dt.date(2099, 11, 30)),
       st.integers(-150, 150))
def test_yearless_is_nearest(ref, delta):
    d = ref + dt.timedelta(days=delta)
    if d.month == 2 and d.day == 29:
        return
    assert dates.parse(f"{d.month}月{d.day}日", ref)["start"] == d.isoformat()

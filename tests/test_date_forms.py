"""DATE forms beyond the plain day: time of day, ranges, odd numerals; and the whole path from raw text."""
import datetime as dt

import pytest
from hypothesis import given, settings, strategies as st

import nlp
from nlp.entities import clock, dates, timeline

REF = dt.date(2025, 12, 30)  # a Tuesday


def D(start, end=None, gran="day", time=None):
    v = {"start": start, "end": end or start, "granularity": gran, "inferred": False}
    return {**v, "time": time} if time else v


TIME_OF_DAY = [  # the span is the whole surface; the value is the day, plus "time" for a clock time
    ("2020年7月3日上午9:30", D("2020-07-03", time="09:30")),
    ("2020年7月3日 上午9:30", D("2020-07-03", time="09:30")),
    ("2020年7月3日9时30分", D("2020-07-03", time="09:30")),
    ("2020年7月3日9点30分", D("2020-07-03", time="09:30")),
    ("2020年7月3日9点30", D("2020-07-03", time="09:30")),
    ("2020年7月3日10点半", D("2020-07-03", time="10:30")),
    ("2020年7月3日下午3点", D("2020-07-03", time="15:00")),
    ("2020年7月3日下午13:35", D("2020-07-03", time="13:35")),
    ("2020年7月3日晚8点", D("2020-07-03", time="20:00")),
    ("2020年7月3日晚上8时", D("2020-07-03", time="20:00")),
    ("2020年7月3日中午12点", D("2020-07-03", time="12:00")),
    ("2020年7月3日中午1点", D("2020-07-03", time="13:00")),
    ("2020年7月3日凌晨1点", D("2020-07-03", time="01:00")),
    ("2020年7月3日凌晨12点", D("2020-07-03", time="00:00")),
    ("2020年7月3日晚上12点", D("2020-07-03")),  # midnight of which day: no time
    ("2020年7月3日上午九时正", D("2020-07-03", time="09:00")),
    ("2020年7月3日上午十时三十分", D("2020-07-03", time="10:30")),
    ("2020年7月3日20时", D("2020-07-03", time="20:00")),
    ("2020年7月3日15:00", D("2020-07-03", time="15:00")),
    ("2020年7月3日10:29:09", D("2020-07-03", time="10:29")),
    ("2020年7月3日(星期五)上午9时", D("2020-07-03", time="09:00")),
    ("2020-07-03 10:30", D("2020-07-03", time="10:30")),
    ("2020年7月3日晚间", D("2020-07-03")),
    ("2020年7月3日午间", D("2020-07-03")),
    ("2020年7月3日早上", D("2020-07-03")),
    ("美东时间2020年7月3日上午", D("2020-07-03")),
    ("12月19日下午3点", D("2025-12-19", time="15:00")),
    ("19日上午10点", D("2025-12-19", time="10:00")),
    ("昨日下午", D("2025-12-29")),
    ("昨晚", D("2025-12-29")),
    ("昨晚8点", D("2025-12-29", time="20:00")),
    ("今晨", D("2025-12-30")),
    ("今天上午10:00", D("2025-12-30", time="10:00")),
    ("周四上午", D("2026-01-01")),
    ("美东时间周四上午", D("2026-01-01")),
    ("上周五晚间", D("2025-12-26")),
]


@pytest.mark.parametrize("surface,expected", TIME_OF_DAY)
def test_time_of_day(surface, expected):
    assert dates.find(surface) == [(0, len(surface))]
    assert dates.parse(surface, REF) == expected


FIND = [  # what is and is not a time of day after a date
    ("星河科技7月22日晚间发布公告", ["7月22日晚间"]),
    ("星河科技7月22日晚发布公告", ["7月22日晚"]),
    ("7月22日晚于预期", ["7月22日"]),
    ("7月22日深夜发布公告", ["7月22日"]),  # DuEE-Fin ends the date before 深夜
    ("8月26日9时起停牌", ["8月26日9时"]),
    ("3日一时兴起", ["3日"]),  # Chinese-numeral hours need a part of the day before them
    ("7月3日时间紧迫", ["7月3日"]),
    ("7月3日3点建议", ["7月3日"]),
    ("7月3日10点评", ["7月3日"]),
    ("7月3日24小时内", ["7月3日"]),
    ("7月3日 30:45", ["7月3日"]),  # no such clock time
    ("2020年6月8日(星期一)公告", ["2020年6月8日", "星期一"]),  # a bracketed weekday joins only before a time
    ("7月22日晚间 星河", ["7月22日晚间"]),  # no trailing space
    ("10月2日下午5时多", ["10月2日下午5时"]),
]


@pytest.mark.parametrize("text,surfaces", FIND)
def test_find(text, surfaces):
    assert [text[s:e] for s, e in dates.find(text)] == surfaces


RANGES = [  # one span; start of the first part .. end of the second
    ("7月3日至5日", D("2025-07-03", "2025-07-05")),
    ("7月18日至7月20日", D("2025-07-18", "2025-07-20")),
    ("2020年7月3日-5日", D("2020-07-03", "2020-07-05")),
    ("2020年7月3日~5日", D("2020-07-03", "2020-07-05")),
    ("2020年7月3日—5日", D("2020-07-03", "2020-07-05")),
    ("2020年7月3日到7月5日", D("2020-07-03", "2020-07-05")),
    ("2019年8月8日至2024年1月29日", D("2019-08-08", "2024-01-29")),
    ("2016年至2018年", D("2016-01-01", "2018-12-31", "year")),
    ("2025年3月至6月", D("2025-03-01", "2025-06-30", "month")),
    ("2025年3月1日至6月", D("2025-03-01", "2025-06-30")),  # the finer granularity
    ("2025年3月至年底", D("2025-03-01", "2025-12-31", "month")),
    ("12月28日至1月3日", D("2025-12-28", "2026-01-03")),  # rolls over into the next year
    ("2019年12月28日至1月3日", D("2019-12-28", "2020-01-03")),
    ("1月1日至12月31日", D("2026-01-01", "2026-12-31")),  # the end never comes before the start
    ("12月28日至3日", D("2025-12-28", "2026-01-03")),
    ("2020年7月3日上午9时至5日", D("2020-07-03", "2020-07-05", time="09:00")),
    ("2020年7月20日至5日", D("2020-07-20", "2020-08-05")),
]


@pytest.mark.parametrize("surface,expected", RANGES)
def test_range(surface, expected):
    assert dates.find(surface) == [(0, len(surface))]
    assert dates.parse(surface, REF) == expected


NOT_RANGES = [
    ("12月19日-星期五", ["12月19日", "星期五"]),  # a weekday is no end of a range
    ("近日至12月19日", ["近日", "12月19日"]),
    ("12月19日至今", ["12月19日"]),
    ("12月19日至少3家", ["12月19日"]),
    ("1日至2日至3日", ["1日至2日", "3日"]),
]


@pytest.mark.parametrize("text,surfaces", NOT_RANGES)
def test_not_range(text, surfaces):
    assert [text[s:e] for s, e in dates.find(text)] == surfaces


NUMERALS = [
    ("二O一九年八月八日", D("2019-08-08")),  # a Latin O typed for 〇
    ("二0一九年八月八日", D("2019-08-08")),
    ("二○二○年六月二十九日", D("2020-06-29")),
    ("2025年6月中", D("2025-06-11", "2025-06-20")),
]


@pytest.mark.parametrize("surface,expected", NUMERALS)
def test_numerals(surface, expected):
    assert dates.find(surface) == [(0, len(surface))]
    assert dates.parse(surface, REF) == expected


def test_month_middle_needs_a_break():
    assert [(0, 2)] == dates.find("6月中国市场")


RAW = [  # raw text -> (DATE text as in the raw text, value start, time); published 2020-07-10
    ("星河科技于２０２０年７月３日上午９：３０发布公告。", "２０２０年７月３日上午９：３０", "2020-07-03", "09:30"),
    ("二〇二〇年七月三日，星河科技上市。", "二〇二〇年七月三日", "2020-07-03", None),
    ("星河科技二Ｏ一九年八月八日公告。", "二Ｏ一九年八月八日", "2019-08-08", None),
    ("星河科技2020 年 7 月 3 日上市。", "2020 年 7 月 3 日", "2020-07-03", None),
    ("云帆智能２０２０年７月３日－５日招股。", "２０２０年７月３日－５日", "2020-07-03", None),
    ("云帆智能7月3日～5日招股。", "7月3日～5日", "2020-07-03", None),
    ("港灣智醫7月3日晚間公告。", "7月3日晚間", "2020-07-03", None),
    ("港灣智醫昨晚8時公告。", "昨晚8時", "2020-07-09", "20:00"),
    ("美東時間週四上午，港灣智醫在紐交所上市。", "美東時間週四上午", "2020-07-09", None),
    ("港灣智醫將於6月18日(星期四)上午九時(shí)正在港交所上市。", "6月18日(星期四)上午九時(shí)正", "2020-06-18", "09:00"),
    ("港灣智醫將於6月18日（星期四）上午九時正上市。", "6月18日（星期四）上午九時正", "2020-06-18", "09:00"),
]


@pytest.mark.parametrize("raw,surface,start,time", RAW)
def test_raw_text(raw, surface, start, time):
    found = [e for e in nlp.extract(raw, published="2020-07-10")["entities"] if e["label"] == "DATE"]
    assert [e["text"] for e in found] == [surface]
    e = found[0]
    assert raw[e["start"]:e["end"]] == surface
    assert e["value"]["start"] == start
    assert e["value"].get("time") == time


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(["", " ", "上午", "下午", "晚上"]))
def test_clock_time(hour, minute, daytime):
    surface = f"2020年7月3日{daytime}{hour}:{minute:02d}"
    assert dates.find(surface) == [(0, len(surface))]
    time = dates.parse(surface).get("time")
    if daytime == "晚上" and hour == 12:
        assert time is None  # midnight or noon: not said
        return
    pm = daytime in ("下午", "晚上") and 1 <= hour < 12
    assert time == f"{hour + 12 if pm else hour:02d}:{minute:02d}"


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)), st.integers(0, 400))
def test_range_is_ordered(first, days):
    last = first + dt.timedelta(days=days)
    surface = f"{first.year}年{first.month}月{first.day}日至{last.month}月{last.day}日"
    if days > 365 or (last.month, last.day) in ((2, 29), (first.month, first.day)):
        return  # a second part without a year cannot say it is a year or more on
    v = dates.parse(surface)
    assert (v["start"], v["end"]) == (first.isoformat(), last.isoformat())


def test_time_of_ignores_days_without_clock():
    assert clock.time_of({"t_tod": "下午"}) is None


ALPHABET = "0123456789:-~ ()年月日号周上下午晚间早凌晨时点分半正至到同当今昨一二三四五六七八九十〇O季度初底末中,。\n"


@settings(max_examples=400)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_find_and_timeline_on_any_text(text):
    """Spans are ordered and disjoint; every value is ordered; time is HH:MM; fast (hypothesis deadline)."""
    spans = dates.find(text)
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        prev = e
    for v in timeline.values(text, spans, REF, False):
        if v is not None:
            assert v["start"] <= v["end"]
            assert "time" not in v or (len(v["time"]) == 5 and "00:00" <= v["time"] <= "24:00")

"""A year-less date takes the year of the date told just before it (nlp/entities/timeline.py)."""
import datetime as dt

import pytest
from hypothesis import given, strategies as st

import nlp
from nlp.entities import dates, timeline

PUB = dt.date(2021, 5, 10)


def starts(text, reference=PUB, inferred=False):
    spans = dates.find(text)
    return [(text[s:e], (v or {}).get("start")) for (s, e), v in
            zip(spans, timeline.values(text, spans, reference, inferred))]


CASES = [  # text (published 2021-05-10) -> the year-less date's start
    ("星河科技2019年3月1日递交申请，4月2日通过聆讯。", "4月2日", "2019-04-02"),
    ("星河科技2019年12月28日递交申请。1月3日获受理。", "1月3日", "2020-01-03"),  # rolls over
    ("云帆智能2019年12月28日递交申请，1月3日获受理，2月5日通过聆讯。", "2月5日", "2020-02-05"),  # a chain
    ("2019年3月，星河科技递交申请，15日获受理。", "15日", "2019-03-15"),
    ("2019年1-6月营收增长。", "6月", "2019-06-01"),  # a bare year lends itself within its clause …
    ("2019年，云帆智能递交申请，4月通过聆讯。", "4月", "2021-04-01"),  # … only
    ("星河科技成立于2015年，4月2日宣布完成B轮融资。", "4月2日", "2021-04-02"),
    ("星河科技2019年3月1日递交申请，年底获批。", "年底", "2019-12-01"),
    ("云帆智能2019年6月完成B轮，此前1月完成A轮。", "1月", "2019-01-01"),  # nearest, even backwards
    ("港湾智医去年3月递交申请，4月通过聆讯。", "4月", "2020-04-01"),  # 去年 is an anchor too
    ("星河科技2019年3月1日递交申请。当天公司公告。次日公告称4月2日上市。", "4月2日", "2019-04-02"),
    ("2019年12月28日至1月3日，星河科技招股，1月10日上市。", "1月10日", "2020-01-10"),
    ("星河科技2019年3月收购云帆，同年11月完成交割。", "同年11月", "2019-11-01"),  # 同年: the anchor's year
    ("2018年12月，港湾智医当年底完成交割。", "当年底", "2018-12-01"),
    ("星河科技同年11月完成交割。", "同年11月", None),  # no anchor: no year
    # where the story ends, the reference takes over again
    ("星河科技2019年3月1日递交申请。\n4月2日，公司宣布完成B轮融资。", "4月2日", "2021-04-02"),  # new paragraph
    ("星河科技2019年3月1日递交申请。公司主营芯片。4月2日完成融资。", "4月2日", "2021-04-02"),  # two sentences on
    ("星河科技2019年3月1日递交申请。近日，公司于4月2日通过聆讯。", "4月2日", "2021-04-02"),  # 近日: now
    ("星河科技营收与去年同期持平。一季度营收3亿元。", "一季度", "2021-01-01"),  # a comparison base
    ("2019年公司成立，15日完成融资。", "15日", "2021-05-15"),  # a bare day needs a month
    # a wire's dateline dates its sentence's 今日 / 昨日 (a release goes up on the site a day late); others keep the page's
    ("苏州2021年5月9日 /美通社/ -- 星河科技今日宣布完成B轮融资。", "今日", "2021-05-09"),
    ("新华社北京5月8日电 星河科技昨日宣布完成B轮融资。", "昨日", "2021-05-07"),
    ("苏州2021年5月9日 /美通社/ -- 星河科技宣布完成B轮。公司今日另行公告。", "今日", "2021-05-10"),
    ("云帆智能4月2日通过聆讯，1月10日递交申请。", "1月10日", "2021-01-10"),  # year-less: no anchor
]


TOLD_AGAIN = [  # 同日, 当天, 次日, 同月, 同年: the date just told (the same or the next sentence, one paragraph);
    ("上交所4月9日晚间披露，星河存储的IPO申请获受理。同日，云帆科技办理了辅导备案。", "同日", "2021-04-09"),
    ("星河科技4月2日通过聆讯，当天公布配售结果，次日招股。", "次日", "2021-04-03"),
    ("美东时间1月21日晚间，星河科技公布定价。一天之后，公司在纳斯达克开始交易。", "一天之后", "2021-01-22"),
    ("星河科技4月2日通过聆讯，隔天招股。", "隔天", "2021-04-03"),
    ("2019年3月，星河科技完成B轮融资。同月，云帆智能完成A轮融资。", "同月", "2019-03-01"),
    ("2019年，星河科技完成B轮融资，同年获批。", "同年", "2019-01-01"),
    ("10月30日，星河科技完成B轮融资。同月，云帆智能完成A轮融资。", "同月", "2021-10-01"),  # a day's month
    ("· 10月30日，星河科技完成B轮融资。\n· 同月，云帆智能完成A轮融资。", "同月", "2021-10-01"),
    ("2019年3月，星河科技完成B轮融资，同年获批。", "同年", "2019-01-01"),  # a month's year
    ("融资浪潮可以追溯到2016年。在这一年，星河茶饮获得了首轮融资。", "这一年", "2016-01-01"),
    ("星河科技2019年完成A轮融资，当年营收翻番。", "当年", "2019-01-01"),
    ("星河科技2019年3月完成B轮融资。当天公司公告。", "当天", None),  # a month is no day
    ("近日，星河科技完成B轮融资。当天，云帆智能完成A轮融资。", "当天", None),  # nothing dated before
    # further on, one that opens its sentence is the first day of the last paragraph that told one: its
    # story's day (later days there are background)
    ("星河科技4月2日通过聆讯。\n当天，云帆智能递交申请。", "当天", "2021-04-02"),  # a new paragraph
    ("星河科技4月2日通过聆讯。公司主营芯片。营收增长。当天，云帆智能递交申请。", "当天", "2021-04-02"),  # far
    ("4月9日，星河存储获受理，其于3月2日递交申请。\n公司主营芯片。\n同日，云帆科技办理辅导备案。", "同日", "2021-04-09"),
    ("2. 4月9日，星河存储获受理。\n3. 同日，云帆科技完成A轮融资。", "同日", "2021-04-09"),  # a list item
    ("4月9日，星河存储在纳斯达克上市。\n公司成立于2018年。\n同一天在纽交所上市的云帆科技则破发。", "同一天", "2021-04-09"),
    ("星河存储4月9日获受理。\n近日，云帆科技完成A轮融资。同日，澄湖智能递交申请。", "同日", None),  # 近日 ends it
    ("星河存储4月9日获受理。公司主营芯片。营收增长。云帆科技同日递交申请。", "同日", None),  # not opening
    # a list item goes on from the item just above it; a line that is no item starts a new story
    ("▍聆讯\n• 星河存储12月16日通过聆讯；\n• 云帆科技同日刊发聆讯后资料集。", "同日", "2020-12-16"),
    ("1. 星河存储4月9日获受理；\n2. 云帆科技次日递交申请。", "次日", "2021-04-10"),
    # 同日 is the last day told, not a year told after it (a bond's 2020年度 series)
    ("1. 星河存储4月9日完成2020年度第三期超短期融资券发行；\n2. 云帆科技同日发行中期票据。", "同日", "2021-04-09"),
    # a year-less month months ahead of the page, told as done (曾发行): the one before
    ("9月，星河科技曾发行一期8亿元公司债。", "9月", "2020-09-01"),
    ("9月，星河科技将发行一期8亿元公司债。", "9月", "2021-09-01"),
    ("星河存储4月9日获受理。\n公司主营芯片。云帆科技同日递交申请。", "同日", None),
]


WEEK_TOLD = [  # a bare weekday after a week word is that week's (published on Sunday 2021-05-16 unless told)
    ("IPO周报｜上周3家获受理\n\n周三，星河存储获受理。", "周三", "2021-05-05", "2021-05-16"),
    ("上周（5月10日—5月14日）共3家获受理。\n\n▍受理\n周二，星河存储获受理。", "周二", "2021-05-11", "2021-05-16"),
    ("下周新股日历：\n周四 云帆科技申购", "周四", "2021-05-20", "2021-05-12"),  # published on a Wednesday
    ("本周共有2家上会。\n周一，星河存储过会；周五，云帆科技过会。", "周五", "2021-05-14", "2021-05-16"),
    # no week told: the weekday nearest the publication
    ("周三，星河存储获受理。", "周三", "2021-05-19", "2021-05-16"),
    ("上周五星河存储获受理，周三上会。", "周三", "2021-05-19", "2021-05-16"),  # a day, not a week
    # a day of the month in brackets after it says which week's
    ("星河存储周一（10日）登陆主板。", "周一", "2021-05-10", "2021-05-15"),  # published on a Saturday
    ("星河存储周四（20日）起招股。", "周四", "2021-05-20", "2021-05-16"),
    ("星河存储周二（30日）上会。", "周二", "2021-05-18", "2021-05-16"),  # no such week near: the nearest
]


@pytest.mark.parametrize("text,surface,start,published", WEEK_TOLD)
def test_weekday_of_the_week_told(text, surface, start, published):
    assert dict(starts(text, dt.date.fromisoformat(published)))[surface] == start


@pytest.mark.parametrize("text,surface,start", TOLD_AGAIN)
def test_the_date_told_again(text, surface, start):
    assert dict(starts(text))[surface] == start


@pytest.mark.parametrize("text,surface,start", CASES)
def test_year_from_anchor(text, surface, start):
    assert dict(starts(text))[surface] == start


def test_same_year_words_alone():
    assert starts("当年实现营收3亿元，同年获批。") == [("当年", None), ("同年", None)]


def test_without_reference():
    assert starts("星河科技2019年3月1日递交申请，4月2日通过聆讯。", None) == \
        [("2019年3月1日", "2019-03-01"), ("4月2日", "2019-04-02")]
    assert starts("星河科技4月2日通过聆讯。", None) == [("4月2日", None)]


INFERRED = [  # (text, reference inferred?) -> inferred flag of the year-less date
    ("星河科技2019年3月1日递交申请，4月2日通过聆讯。", True, False),  # the year came from the text
    ("港湾智医去年3月递交申请，4月通过聆讯。", True, True),  # … from a guessed reference
    ("港湾智医去年3月递交申请，4月通过聆讯。", False, False),
    ("星河科技4月2日通过聆讯。", True, True),
]


@pytest.mark.parametrize("text,ref_inferred,inferred", INFERRED)
def test_inferred(text, ref_inferred, inferred):
    spans = dates.find(text)
    assert timeline.values(text, spans, PUB, ref_inferred)[-1]["inferred"] is inferred


def test_whole_path():
    raw = "星河科技於2019年12月28日遞交申請，1月3日獲受理。\n\n1月3日，雲帆智能完成B輪融資。"
    found = [(e["text"], e["value"]["start"]) for e in nlp.extract(raw, published="2021-01-20")["entities"]
             if e["label"] == "DATE"]
    assert found == [("2019年12月28日", "2019-12-28"), ("1月3日", "2020-01-03"), ("1月3日", "2021-01-03")]


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)),
       st.integers(1, 12), st.integers(1, 28),
       st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_never_far_from_its_anchor(anchor, month, day, reference):
    """Whatever the reference, a year-less date after an anchor lands within half a year of it."""
    text = f"{anchor.year}年{anchor.month}月{anchor.day}日递交申请，{month}月{day}日通过聆讯。"
    got = dt.date.fromisoformat(starts(text, reference)[1][1])
    assert (got.month, got.day) == (month, day)
    assert abs((got - anchor).days) <= 184

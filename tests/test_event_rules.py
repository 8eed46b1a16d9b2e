"""Event rules, one sentence a case: what must fire, what must not (false friends)."""
from __future__ import annotations

import pytest

import nlp
import nlp.text.normalise

from .helpers import party_matches, party_texts

PUBLISHED = "2025-12-30"

NO_EVENT = [
    "截至12月29日，沪深两市融资融券余额为2.5万亿元，融资买入额为1200亿元。",
    "星河科技当日融资净买入3.2亿元，融资余额升至58亿元。",
    "一季度AI领域融资额同比下降30%，融资事件数量同比减少。",
    "恒瑞医药的创新药获批上市，预计明年一季度开始销售。",
    "作为一家上市公司，星河科技去年营收120亿元，净利润8亿元。",
    "星河科技宣布斥资5亿元回购公司股份。",
    "星河科技否认了近期关于完成新一轮融资的传闻。",
    "月之暗面至今仍未明确启动IPO流程。",
    "市场消息：星河科技寻求于明年赴港上市，筹资约5亿美元。",
    "星河科技计划明年启动新一轮融资。",
    "广汽新款车型今日正式上市，售价12.98万元起。",
    "生猪期货上市一周年，累计成交量超600万手。",
    "星河证券39%股权在产权交易所挂牌转让，挂牌价约12亿元。",
    "农业银行计划向科技企业提供1000亿元意向性融资额度。",
    "沙利文数据显示，2025年上半年AI赛道融资额同比下降42%。",
]


@pytest.mark.parametrize("text", NO_EVENT)
def test_false_friends_give_no_event(text):
    assert nlp.extract(text, published=PUBLISHED)["events"] == []


def only_event(text):
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert len(events) == 1, [(e["type"], e["company"]["name"]) for e in events]
    return events[0]


FUNDING = [
    # text, company, round, amount, currency, leads, investors
    ("12月3日，云帆智能宣布完成5亿元B+轮融资，由澄湖资本领投，松涧创投跟投。",
     "云帆智能", "B+", 5e8, "CNY", {"澄湖资本"}, {"澄湖资本", "松涧创投"}),
    ("杭州星图科技有限公司近日完成数千万元天使轮融资，投资方为青松基金。",
     "杭州星图科技有限公司", "angel", None, "CNY", set(), {"青松基金"}),
    ("Korro Bio宣布完成了9150万美元的A轮融资，本轮融资由Wu Capital领投。",
     "Korro Bio", "A", 9.15e7, "USD", {"Wu Capital"}, {"Wu Capital"}),
    ("據悉，港灣智醫已完成１．５億港元A輪融資，由嘉禾灣創投領投。",
     "港湾智医", "A", 1.5e8, "HKD", {"嘉禾湾创投"}, {"嘉禾湾创投"}),
    ("蓝湖机器人获得高瓴创投3亿元战略投资。",
     "蓝湖机器人", "strategic", 3e8, "CNY", set(), {"高瓴创投"}),
]


@pytest.mark.parametrize("text, company, round_, amount, currency, leads, investors", FUNDING)
def test_funding(text, company, round_, amount, currency, leads, investors):
    ev = only_event(text)
    assert ev["type"] == "funding"
    assert company in (ev["company"]["name"], nlp.text.normalise.to_simplified(ev["company"]["mention"]["text"]))
    assert (ev["round"] or {}).get("name") == round_
    assert ev["amount"]["currency"] == currency and ev["amount"]["value"] == amount
    assert {p["name"] for p in ev["lead_investors"]} == leads
    assert {p["name"] for p in ev["investors"]} == investors


LISTING = [
    # text, company, stage, exchange, board, ticker
    ("12月8日，芯衡微在上交所科创板正式上市，证券代码688792。", "芯衡微", "listed", "SSE", "STAR", "688792"),
    ("星河科技已通过港交所聆讯，计划下月在主板挂牌。", "星河科技", "hearing_passed", "HKEX", None, None),
    ("12月21日，星河科技正式向港交所递交招股书。", "星河科技", "filed", "HKEX", None, None),
    ("星河科技主动撤回在深交所创业板上市的申请。", "星河科技", "withdrawn", "SZSE", "ChiNext", None),
    ("途灵科技今日登陆纳斯达克，股票代码为“TLRB”。", "途灵科技", "listed", "NASDAQ", None, "TLRB"),
    ("星河科技拟于明年在香港联交所主板上市。", "星河科技", "planned", "HKEX", "main", None),
]


@pytest.mark.parametrize("text, company, stage, exchange, board, ticker", LISTING)
def test_listing(text, company, stage, exchange, board, ticker):
    ev = only_event(text)
    assert ev["type"] == "listing"
    assert ev["company"]["name"] == company
    assert ev["stage"] == stage
    assert (ev["exchange"] or {}).get("code") == exchange
    assert ev["board"] == board
    assert ev["ticker"] == ticker


MORE_NO_EVENT = [
    "2019年5月28日晚，奇瑞2019款瑞虎8正式上市。",
    "科创板股票自上市首日起可作为融资买入及融券卖出标的证券。",
    "兆泰集团21亿ABS终止发行。",
    "星河银行定增方案被否后，新方案前途未卜。",
    "今年前三季度港股IPO融资大约1248亿港元，同比跌49%。",
    "星河财经《基金直播间》，邀请基金经理在线路演解读市场。",
    "星河家居可转债上市首日，大股东减持套现近1.9亿元。",
    "已在主板上市多年的星河电气发布三季度报告，营收同比增长12.7%。",
    "据不完全统计，星河医疗所属领域医疗健康本年度共有56笔融资。",
    "星瑞股份欲登陆A股市场，募资8亿元用于补充流动资金。",  # 欲 / 试图: a wish
    # a convertible bond that lists, shares unlocked for trading, a listing long ago
    "9月4日，星派转债(113999)正式登陆上海证券交易所开始公开交易。",
    "此次股东减持的股份来源均为星阳科技IPO前取得的股份，且已于2020年11月6日解除限售并上市流通。",
    "本人减持数量合计不超过本人在公司首次公开上市之日持股数量的70%。",
    "同日，星丰股份的可转换公司债券停牌交易，将由深交所决定其是否实施暂停上市。",
    "王方表示，我们会在今年下半年尽快提交IPO材料，也争取在今年底实现上市。",  # 我们会 is no name
    # margin loans; an IPO allotment to strategic investors
    "长创投资向星信证券提前偿还了部分(1000万元)融资本金，对应融资馀额3500万元。",
    "发行方式：采用向战略投资者定向配售、网下向符合条件的投资者询价配售相结合的方式进行。",
    # a planned capital increase, then referred to as 本次增资 / 增资资金: still a plan
    "星创新源公告，公司拟对控股子公司星泰克进行增资，本次增资合计金额预计不超过1亿元。",
    "星动插电混动版今日正式上市 纯电续航达85公里",  # a car model
    "星文造纸发布公告，该公司已向香港联合交易所申请批准以向专业投资者发行债务证券的方式上市及买卖。",  # bonds
    "据英国《金融时报》，星银证券成为首家为科创板IPO提供保荐业务的外资投行。",  # a sponsor
    "在重新向港交所更新招股书40天后，他们通过了聆讯，预计将于7月16日正式挂牌上市。",  # 在重新 is no name
    "星风科技同意为全资子公司星风国际控股(香港)有限公司下属项目公司融资提供连带责任保证担保。",  # a loan guarantee
    "星里巴巴正考虑最早于明年下半年申请在香港上市，以港股融资200亿美元。",  # IPO proceeds, no round
    "星达集团4亿美元有担保票据上市交易 利率7.50%",  # notes, not shares
]


@pytest.mark.parametrize("text", MORE_NO_EVENT)
def test_more_false_friends(text):
    assert nlp.extract(text, published=PUBLISHED)["events"] == []


# Funding is equity, placement or debt (round-2 decisions): bonds, notes, loans, credit
# lines and a listed company's placements are events, announced plans with terms included.
INSTRUMENTS = [
    # text, company, instrument, amount, lenders / subscribers
    ("星阳科技股份有限公司向湖北星商银行融资借款3000万元。", "星阳科技股份有限公司", "debt", 3e7, {"湖北星商银行"}),
    ("星龙股份公告称，公司以所持星莞证券股权的收益权向星莞信托融资不超过10亿元。", "星龙股份", "debt", 1e9, set()),
    ("星源药业公告，拟定增募资不超过1.6亿元，拟用于增资控股同星海源，增资资金用于生产基地建设。",
     "星源药业", "placement", 1.6e8, set()),
    ("星河集团成功发行10亿元超短期融资券，期限270日。", "星河集团", "debt", 1e9, set()),
    ("星河科技拟发行不超过20亿元公司债券，用于偿还有息负债。", "星河科技", "debt", 2e9, set()),
    ("星海置业拟于12月10日发行2亿元中期票据，用于补充流动资金。", "星海置业", "debt", 2e8, set()),
    ("12月3日，星光股份完成定增，募资12亿元，认购对象包括星辰基金、明月资本。", "星光股份", "placement", 1.2e9,
     {"星辰基金", "明月资本"}),
    ("星盛银行股份有限公司计划以供股方式发行A股和H股，融资不超过600亿元。", "星盛银行股份有限公司", "placement", 6e10, set()),
    ("星城路桥全资子公司星城高速公路有限公司(以下简称“星城高速公司”)与国家开发银行山西省分行签署借款合同，"
     "国家开发银行山西省分行向星城高速公司提供总计人民币442,790万元的贷款。", "星城高速公司", "debt", 4.4279e9,
     {"国家开发银行山西省分行"}),
    ("星辉集团发布公告称，中国银行深圳分行为公司提供伍拾亿元的授信支持。", "星辉集团", "debt", 5e9, {"中国银行深圳分行"}),
]


@pytest.mark.parametrize("text, company, instrument, amount, lenders", INSTRUMENTS)
def test_placements_and_debt_are_funding_with_their_instrument(text, company, instrument, amount, lenders):
    ev = only_event(text)
    assert ev["type"] == "funding" and party_matches(ev["company"], company), ev["company"]
    assert ev["instrument"] == instrument and ev["amount"]["value"] == amount
    assert party_texts(ev["investors"]) >= lenders


NOT_AN_ISSUE = [
    "星汇创意拟以发行股份、可转换公司债券及支付现金相结合的方式，购买星佰网络90%股权。",  # pays for an acquisition
    "星睿集团非公开发行可交换公司债券，以所持星睿能源股份作质押担保。",  # exchangeable bonds of a shareholder
    "星派家居此前共发行可转债1495万张，发行总金额14.95亿元，控股股东拟减持。",  # the company's past
    "星邦国际曾于2018年7月17日与星信银行深圳分行签订综合授信合同，后者为其提供综合授信人民币3亿元。",
]


@pytest.mark.parametrize("text", NOT_AN_ISSUE)
def test_issues_that_raise_no_money_now_are_no_event(text):
    assert [e for e in nlp.extract(text, published=PUBLISHED)["events"] if e["type"] == "funding"] == []


def test_a_generic_word_defined_as_short_name_names_no_one():
    text = ("星河开发股份有限公司(以下简称“公司”)董事会审议通过发行超短期融资券的议案。"
            "2022年3月18日，公司发行2022年度第一期超短期融资券，本期实际发行金额9亿元。")
    record = nlp.extract(text, published="2022-03-23")
    [ev] = record["events"]
    assert ev["company"]["name"] == "星河开发股份有限公司" and ev["instrument"] == "debt"
    assert ev["amount"]["value"] == 9e8
    assert "公司" not in {e["text"] for e in record["entities"]}


ROLE_CASES = [
    # text, type, expected company
    ("京东拟分拆京东健康在香港联交所主板独立上市。", "listing", "京东健康"),
    ("继特斯拉、蔚来之后，理想汽车今日正式登陆纳斯达克。", "listing", "理想汽车"),
]


@pytest.mark.parametrize("text, type_, company", ROLE_CASES)
def test_the_company_of_the_event(text, type_, company):
    ev = only_event(text)
    assert ev["type"] == type_ and ev["company"]["name"] == company


def test_an_old_round_told_as_background_is_no_news():
    assert nlp.extract("软银中国资本从2017年开始成为安脉盛种子轮投资者。", published="2019-10-16")["events"] == []


HISTORICAL_LISTINGS = [
    # text, company
    ("贵州茅台今年以来上涨75%，2001年贵州茅台登陆A股市场，发行价格仅为31.39元。", "贵州茅台"),
    ("星河控股于2010年在港交所主板挂牌上市，如今市值已跌去九成。", "星河控股"),
]


@pytest.mark.parametrize("text, company", HISTORICAL_LISTINGS)
def test_a_listing_told_as_history_is_kept_and_flagged(text, company):
    [ev] = nlp.extract(text, published="2019-10-16")["events"]
    assert ev["type"] == "listing" and ev["company"]["name"] == company
    assert ev["historical"] is True and ev["stage"] == "listed"


def test_a_recent_listing_is_not_historical():
    [ev] = nlp.extract("星河控股于2019年9月在港交所主板挂牌上市。", published="2019-10-16")["events"]
    assert ev["historical"] is False


LEGAL_NAMES = [
    ("10月9日早上，深圳市房多多网络科技有限公司正式向美国证券交易委员会递交招股书。", "深圳市房多多网络科技有限公司"),
    ("公告称，山东星石集团股份有限公司股票将于9月3日在上交所上市。", "山东星石集团股份有限公司"),
    ("此前折戟的科创板拟上市公司广东星河智能装备股份有限公司重新发起冲刺。", "广东星河智能装备股份有限公司"),
    ("7月16日，安克创新科技股份有限公司首发申请获通过。", "安克创新科技股份有限公司"),
    ("因江苏澜禾新材料股份有限公司及其保荐人主动撤回申请。", "江苏澜禾新材料股份有限公司"),
    ("公司拟收购星河智能科技有限公司100%股权。", "星河智能科技有限公司"),
    ("证监会同意以下企业首次公开发行股票注册：中星媒新材料股份有限公司、北京星工导航股份有限公司。", "中星媒新材料股份有限公司"),
    ("在此过程中星河科技有限公司发布公告。", "星河科技有限公司"),
]


@pytest.mark.parametrize("text, name", LEGAL_NAMES)
def test_legal_names_are_found_whole(text, name):
    companies = [e["text"] for e in nlp.extract(text, published=PUBLISHED)["entities"] if e["label"] == "COMPANY"]
    assert name in companies


def test_a_company_that_completes_a_strategic_investment_round_is_the_investee():
    ev = only_event("6月9日消息，财产保险服务提供商泰山财险完成战略投资8.82亿人民币融资，投资方为德国安顾集团。")
    assert ev["company"]["name"] == "泰山财险"
    assert ev["amount"]["value"] == 8.82e8
    assert [p["name"] for p in ev["investors"]] == ["德国安顾集团"]


SUBJECTS = [
    ("11月2日消息，高端动物蛋白药研发商伟杰信生物完成B轮1亿人民币融资，投资方为国投创业。", "伟杰信生物"),
    ("9月7日消息，医疗大数据解决方案提供者零氪科技完成D+轮7亿人民币融资，投资方为中金资本。", "零氪科技"),
    ("身份云PaaS平台Authing近日宣布在疫情期间完成千万元级的天使轮融资，本轮融资由华创资本领投。", "Authing"),
    ("2019年，Moka(智能化招聘管理系统)完成了由高瓴资本领投的B轮融资，义柏资本担任本次融资的独家财务顾问。", "Moka"),
    ("9月4日，生物科技公司“应世生物”宣布近日已完成1.3亿元人民币的A+轮融资。", "应世生物"),
    ("亿邦动力获悉，医院管理机构星矿医院完成战略投资融资，投资方为星矿投资、中信资本。", "星矿医院"),
    ("3.恒星达生获B+轮2亿人民币融资。", "恒星达生"),
    ("8.驿公里获C+轮3000万美元融资。", "驿公里"),
]


@pytest.mark.parametrize("text, company", SUBJECTS)
def test_subjects_behind_descriptors_and_quotes(text, company):
    events = nlp.extract(text, published="2020-11-30")["events"]
    assert [e["company"]["name"] for e in events] == [company]


LISTING_SUBJECTS = [
    ("杰瑞股份公告，拟分拆所属子公司德州联合石油科技股份有限公司至创业板上市。", "德州联合石油科技股份有限公司", "planned"),
    ("美东时间9月4日，美国证券交易委员会公开披露三彩家有限公司的上市招股书，三彩家计划在纳斯达克挂牌上市。",
     "三彩家有限公司", "planned"),
    ("7月23日晚间，上交所科创板上市委发布审议会议的结果公告，星河科技股份有限公司成功通过。",
     "星河科技股份有限公司", "hearing_passed"),
    ("就在有消息称对手将上市的时候，11月5日晚，快手向港交所提交了招股书。", "快手", "filed"),
    ("深交所官网显示，星河移动创业板IPO审核状态变更为已问询。", "星河移动", "filed"),
    ("据云南证监局官网信息，星河生物科技集团股份有限公司完成上市辅导备案。", "星河生物科技集团股份有限公司", "planned"),
    ("星翔股份(603999.SH)首次公开发行股票并在主板上市网上路演将于8月27日举行。", "星翔股份", "subscription"),
    ("巴蜀地区又一银行发起A股IPO冲击，近日星峡银行发布了招股书。", "星峡银行", "filed"),
    # 控股 is a verb to jieba, yet it closes the name; the ticker is no obstacle
    ("星峰控股(02999.HK)将于明日正式于港交所挂牌上市，发行价43.6港元/股。", "星峰控股", "planned"),
    ("“电动工具第一股”星峰控股(02999.HK)首日登陆港交所，开涨近19%。", "星峰控股", "listed"),
    # …医药 is a company, and 挂牌上市 is never a product launch
    ("港股星诺医药短线拉升，涨近13%，星诺医药今日挂牌上市，每股发售价为65.9港元。", "星诺医药", "listed"),
    # the company that announces is not the company that lists
    ("原标题：奇星股份：嘉星科技今日在科创板上市", "嘉星科技", "listed"),
    ("奇星股份(002999)7月22日晚公告，嘉星科技股票在上交所科创板上市。", "嘉星科技", "listed"),
    # a share-class mark between the name and its ticker
    ("星诺医药-B(02999.HK)将于明日正式于港交所挂牌上市，发行价65.9港元/股。", "星诺医药", "planned"),
    # registration by the regulator, and the subsidiary that lists
    ("星美控股公告，所属子公司星讯传媒广告股份有限公司首次公开发行股票并在创业板上市获中国证监会注册。",
     "星讯传媒广告股份有限公司", "registered"),
    ("大星激光公告，中国证监会已同意公司控股子公司大星数控首次公开发行股票并在创业板上市的注册申请。", "大星数控", "registered"),
    ("星城公告，公司分拆所属子公司星城信息至创业板上市申请获深交所受理。", "星城信息", "filed"),
    # a name no lexicon knows, behind a descriptor or with an English gloss
    ("北交所注册制第一股星博液压今日上市，集合竞价大涨190.5%。", "星博液压", "listed"),
    ("供应链咨询服务商星弘(Xinghong International Group)已申请在纳斯达克上市，计划发行375万股股票。", "星弘", "filed"),
    ("1月5日，中国移动IPO在上海证券交易所敲锣。", "中国移动", "listed"),
    ("星盈控股申请香港IPO，拟全球发售1.2亿股，预计将于2022年1月17日上市。", "星盈控股", "filed"),
    # 预期发行价 is expected, not set
    ("供应链咨询服务商星弘已申请在纳斯达克上市，计划发行375万股股票，预期发行价为每股4.00美元。", "星弘", "filed"),
    # the subsidiary that lists, not its parent; a bank that 宣告 (a noun to jieba)
    ("星烟总公司下属子公司星烟国际(香港)有限公司于昨日(6月12日)在港交所挂牌上市。", "星烟国际(香港)有限公司", "listed"),
    ("6月27日，城商行——晋星银行宣告通过港交所聆讯，成为又一家赴港上市的内资银行。", "晋星银行", "hearing_passed"),
    # a nickname in quotes is no party
    ("素有“小碧桂园”之称的星梁控股于5月17日再度向港交所递交上市申请，并最终于近日通过聆讯。", "星梁控股", "hearing_passed"),
    # a source's dateline is no party; 首次公开招股 glosses IPO and starts no subscription
    ("新浪科技讯 北京时间10月29日上午消息，荔星今天向美国证券交易委员会(SEC)提交了在美国市场IPO(首次公开招股)的F-1招股书。",
     "荔星", "filed"),
    # a known group's subsidiary named after its business
    ("保利物业申请港交所主板上市 物业服务百强排名前五", "保利物业", "filed"),
    # 丨 separates a dateline from the name; an application accepted in other words
    ("格隆汇5月29日丨星邦集团(2999.HK)上周二(21日)于港交所上市，发行价0.45港元。", "星邦集团", "listed"),
    ("10月30日，路星环境科技股份有限公司IPO申请材料被上交所受理。", "路星环境科技股份有限公司", "filed"),
    # the name a hearing document is about; 离上市敲钟不远 is no listing yet
    ("6月24日，港交所披露了港星中国聆讯后资料集，这意味着港星离上市敲钟已经不远了。", "港星中国", "hearing_passed"),
    # a name behind a descriptor, two adverbs, an exchange named only by its name; a headline 上市首日
    ("5月9日凌晨消息，独立云服务商金山星今晚正式登陆纳斯达克，开涨约20%。", "金山星", "listed"),
    ("金山星上市首日 收盘股价暴涨40.24%", "金山星", "listed"),
    ("2020年11月24日，e签星强势登陆纳斯达克巨幕大屏。", "e签星", "listed"),
    # a new attempt: the termination told with it is history; 其余6家 are other companies
    ("9月22日晚，上交所再度受理了广东星元亨智能装备股份有限公司的科创板上市申请。此前星元亨曾终止IPO申请，其余6家均顺利登陆科创板。",
     "广东星元亨智能装备股份有限公司", "filed"),
]


STOCK_NAMES = [
    # text, the short name printed with its ticker or price quote
    ("格隆汇8月25日丨星翔股份(603999.SH)披露发行安排。", "星翔股份"),
    ("资本邦讯，*ST星美(002999.SZ)发布第三季度报告。", "*ST星美"),
    ("6月16日，800彩云网(WBXY.US)发布公告称无法按时提交年报。", "800彩云网"),
    ("A股公司之一星园股份（600999.SH）继续加码扩张。", "星园股份"),
    ("原标题：星讯精密(54.970,-1.29,-2.29%)半年盈利25亿", "星讯精密"),
]


@pytest.mark.parametrize("text, name", STOCK_NAMES)
def test_stock_names_next_to_their_ticker(text, name):
    companies = [e["text"] for e in nlp.extract(text, published=PUBLISHED)["entities"] if e["label"] == "COMPANY"]
    assert companies == [name]


@pytest.mark.parametrize("text, company, stage", LISTING_SUBJECTS)
def test_listing_companies_and_stages(text, company, stage):
    events = [e for e in nlp.extract(text, published="2020-11-30")["events"] if e["type"] == "listing"]
    assert len(events) == 1
    assert company in events[0]["company"]["aliases"] and events[0]["stage"] == stage


def test_hearsay_heading_a_clause_covers_the_whole_clause():
    text = "市场消息：星河电力拟将旗下可再生能源部门进行香港IPO，筹资20亿美元。"
    assert nlp.extract(text, published=PUBLISHED)["events"] == []


def test_subject_announcing_then_receiving_from_investors():
    ev = only_event("国内半导体智能制造服务先行者埃克斯工业日前宣布，已于近期获得来自于中芯聚源、达晨财智等机构数千万元的A轮融资。")
    assert ev["company"]["name"] == "埃克斯工业"
    assert {p["name"] for p in ev["investors"]} == {"中芯聚源", "达晨财智"}


INVESTOR_LISTS = [
    # text, investors, leads
    ("星河医疗完成A+轮数千万人民币融资，投资方为倚锋资本（领投）、贵阳创投、彭年创投。",
     {"倚锋资本", "贵阳创投", "彭年创投"}, {"倚锋资本"}),
    ("星河能源完成Pre-A轮融资，投资方为蓝驰创投（领投）。", {"蓝驰创投"}, {"蓝驰创投"}),
    ("星河生物完成A轮融资，长江国弘（Grand Yangtze Capital）参与投资。", {"长江国弘"}, set()),
    ("星河空间完成B1轮融资，投资方为德商资本和招商局创投。", {"德商资本", "招商局创投"}, set()),
    ("星河工业获得A轮融资，现有股东红杉资本中国基金继续加码跟投。", {"红杉资本中国基金"}, set()),
]


@pytest.mark.parametrize("text, investors, leads", INVESTOR_LISTS)
def test_investor_lists_with_marks_and_glosses(text, investors, leads):
    ev = only_event(text)
    assert {p["name"] for p in ev["investors"]} == investors
    assert {p["name"] for p in ev["lead_investors"]} == leads


def test_a_convertible_bond_quoted_with_its_price_is_no_company():
    text = "控股股东合计认购星派转债(124.570,-0.59,-0.47%)9226710张。"
    assert [e for e in nlp.extract(text, published=PUBLISHED)["entities"] if e["label"] == "COMPANY"] == []


def test_investors_listed_in_their_own_clause_are_found_by_their_role():
    ev = only_event("星矿医院完成战略投资融资，投资方为星矿投资、中信资本、环宇医疗。")
    assert {p["name"] for p in ev["investors"]} == {"星矿投资", "中信资本", "环宇医疗"}


def test_the_company_nearest_the_trigger_is_the_subject_and_investment_firms_come_last():
    [ev] = nlp.extract("受Naspers、Facebook(FB.US)等多家巨头青睐 印度电商Meeshu获D轮融资1.25亿美元", published=PUBLISHED)["events"]
    assert ev["company"]["name"] == "Meeshu"
    [ev] = nlp.extract("3月25日，精品咖啡品牌三顿星完成红杉资本战略融资。", published=PUBLISHED)["events"]
    assert ev["company"]["name"] == "三顿星"


def test_an_investor_list_ends_at_a_comma_and_a_parent_does_not_invest():
    [ev] = nlp.extract("星哲教育宣布完成亿元战略融资。本轮融资的投资方为中星资管，该公司创立于2016年，拥有覆盖全国的合伙人网络，"
                       "成为全球并购、中国整合与跨境并购和资产运营的落脚点。", published=PUBLISHED)["events"]
    assert [p["name"] for p in ev["investors"]] == ["中星资管"]
    [ev] = nlp.extract("星医骨科宣布完成1亿美元B轮融资，此次融资由淡马锡旗下星海资本领投，腾讯跟投。", published=PUBLISHED)["events"]
    assert [p["name"] for p in ev["lead_investors"]] == ["星海资本"]


def test_an_investor_that_takes_part_is_named_without_the_verb():
    [ev] = nlp.extract("5月29日获悉，蜂星已完成总额1000万美元的A轮融资，本轮融资由SIG海星亚洲参与投资。", published=PUBLISHED)["events"]
    assert [p["name"] for p in ev["investors"]] == ["SIG海星亚洲"]


def test_an_advisor_and_a_relative_are_named_for_what_they_are():
    [ev] = nlp.extract("星医骨科宣布完成1亿美元B轮融资，腾讯跟投，此次融资由华兴资本担当独家财务顾问。", published=PUBLISHED)["events"]
    assert [p["name"] for p in ev["investors"]] == ["腾讯"]
    [ev] = nlp.extract("星车多多宣布完成A轮融资，李书星之子李小星参与了其A轮融资。", published=PUBLISHED)["events"]
    assert "李小星" in [p["name"] for p in ev["investors"]]


def test_the_company_money_is_put_into_is_the_investee():
    [ev] = nlp.extract("【星银宣布向拉美外卖应用Rappo注资10亿美元】5月1日讯，星银集团周二宣布，将向拉美外卖应用Rappo注资10亿美元。",
                       published="2019-05-02")["events"]
    assert ev["type"] == "funding" and ev["company"]["name"] == "Rappo"


def test_a_market_delisting_roundup_names_no_company():
    assert nlp.extract("近日，A股市场在暂停上市以及终止上市身上明显下功夫，宣布了多家暂停上市以及终止上市的企业名单。",
                       published=PUBLISHED)["events"] == []


def test_a_ticker_printed_after_another_company_is_not_the_listing_company_s():
    [ev] = nlp.extract("奇星股份(002999)7月22日晚公告，7月22日，嘉星科技股票在上交所科创板上市，证券代码“688999”。",
                       published="2019-07-23")["events"]
    assert ev["company"]["name"] == "嘉星科技" and ev["ticker"] == "688999"


def test_a_trading_price_is_no_offer_price():
    [ev] = nlp.extract("北交所注册制第一股星博液压今日上市，集合竞价大涨190.5%，报28.12元/股。", published=PUBLISHED)["events"]
    assert ev["offer_price"] is None


def test_both_sides_sign_a_strategic_investment_agreement():
    """The headline says who leads; the agreement both sign makes neither the investor."""
    [ev] = nlp.extract("【长城汽车战略领投同星股份 布局第三代半导体】长城汽车与河北同星半导体股份有限公司签署战略投资协议。",
                       published=PUBLISHED)["events"]
    assert ev["type"] == "funding" and "同星股份" in ev["company"]["aliases"]
    assert [p["name"] for p in ev["lead_investors"]] == ["长城汽车"]


def test_a_legal_form_after_a_stock_quote_is_no_second_company():
    text = "2020年8月10日，北京星华通(187.120,110.47,144.12%)科技股份有限公司(证券代码:688999)在上交所举行上市仪式。"
    record = nlp.extract(text, published="2020-08-11")
    [ev] = record["events"]
    assert "星华通" in ev["company"]["name"]
    assert "科技股份有限公司" not in [e["text"] for e in record["entities"]]


def test_a_legal_form_alone_is_no_company():
    text = "股份有限公司发布公告称，星河数码科技(6.740,0.64,10.49%)股份有限公司股票将于明日上市。"
    companies = [e["text"] for e in nlp.extract(text, published=PUBLISHED)["entities"] if e["label"] == "COMPANY"]
    assert companies == ["星河数码科技(6.740,0.64,10.49%)股份有限公司"]  # the raw text, quote and all


LISTED_TOGETHER = [
    # text, the companies, their stage
    ("上交所受理星芯科技、北京星美、星杰科技科创板IPO上市申请。", {"星杰科技"}, "filed"),
    ("【创业板上市委：星万密封、北路星控首发获通过】", {"星万密封", "北路星控"}, "hearing_passed"),
    ("证监会近日按法定程序同意以下企业创业板首次公开发行股票注册：深圳市星族数控科技股份有限公司、星讯传媒广告股份有限公司。",
     {"深圳市星族数控科技股份有限公司", "星讯传媒广告股份有限公司"}, "registered"),
    ("据美国证交会文件：山东星力异型钢管有限公司申请在纳斯达克上市。", {"山东星力异型钢管有限公司"}, "filed"),
    ("消息面上，星科能源科创板IPO注册获批，拟募资60亿元。", {"星科能源"}, "registered"),
    ("证监会同意星控科技股份有限公司、北京星图信息技术股份有限公司、广东星元科技股份有限公司3家公司科创板IPO注册。",
     {"星控科技股份有限公司", "北京星图信息技术股份有限公司", "广东星元科技股份有限公司"}, "registered"),
]


@pytest.mark.parametrize("text, companies, stage", LISTED_TOGETHER)
def test_companies_listed_together_each_get_an_event(text, companies, stage):
    events = [e for e in nlp.extract(text, published="2021-09-01")["events"] if e["type"] == "listing"]
    assert {e["company"]["name"] for e in events} == companies
    assert {e["stage"] for e in events} == {stage}
    assert all(e["ticker"] is None for e in events)


def test_a_lead_named_after_its_description_keeps_its_whole_name():
    [ev] = nlp.extract("星睿基因宣布完成6000万美元B轮融资。本轮融资由战略投资方尚星投资领投，元禾控股跟投。",
                       published=PUBLISHED)["events"]
    assert [p["name"] for p in ev["lead_investors"]] == ["尚星投资"]


def test_the_local_government_is_no_name():
    entities = nlp.extract("当地政府为了引进新的战略投资人四处奔走。辽源市人民政府表示支持。", published=PUBLISHED)["entities"]
    assert [e["text"] for e in entities if e["label"] in ("COMPANY", "ORG")] == ["辽源市人民政府"]


@pytest.mark.parametrize("text, company", [
    ("科创板上市委：中微半导体（深圳）股份有限公司首发获通过。", "中微半导体(深圳)股份有限公司"),
    ("据港交所文件：星迈德医疗有限公司-B向港交所提交上市申请书。", "星迈德医疗有限公司"),
])
def test_legal_names_with_a_place_or_a_share_class_stay_whole(text, company):
    events = nlp.extract(text, published="2021-09-01")["events"]
    assert [e["company"]["name"] for e in events] == [company]


def test_a_calendar_date_without_a_year_is_the_event_date_with_its_text_kept():
    """No publication date and no year in the text: 7月22日 still dates the listing."""
    [ev] = nlp.extract("奇星股份(002999)7月22日晚公告，7月22日，嘉星科技股票在上交所科创板上市。")["events"]
    assert ev["date"]["text"] == "7月22日" and ev["date"]["start_date"] is None

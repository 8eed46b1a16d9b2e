"""Event rules, one sentence a case, for what a rule corpus row cannot say: the company names
found among the entities, and a record without a publication date. The cases that say which
events a text gives (and which it must not) live beside the rules, in
nlp/events/types/*.corpus.tsv (run by tests/test_rule_corpus.py)."""
from __future__ import annotations

import pytest

import nlp

PUBLISHED = "2025-12-30"


def rounds_of(text: str, published: str) -> dict:
    """The funding events of a text by the name of their round."""
    return {ev["round"]["name"]: ev for ev in nlp.extract(text, published=published)["events"]}


def stages_of(text: str, published: str) -> dict:
    """The listing stage of each event's company."""
    return {ev["company"]["name"]: ev["stage"] for ev in nlp.extract(text, published=published)["events"]}

LEGAL_NAMES = [
    ("10月9日早上，深圳市房多多网络科技有限公司正式向美国证券交易委员会递交招股书。", "深圳市房多多网络科技有限公司"),
    ("公告称，山东星石集团股份有限公司股票将于9月3日在上交所上市。", "山东星石集团股份有限公司"),
    ("此前折戟的科创板拟上市公司广东星河智能装备股份有限公司重新发起冲刺。", "广东星河智能装备股份有限公司"),
    ("7月16日，安克创新科技股份有限公司首发申请获通过。", "安克创新科技股份有限公司"),
    ("因江苏澜禾新材料股份有限公司及其保荐人主动撤回申请。", "江苏澜禾新材料股份有限公司"),
    ("公司拟收购星河智能科技有限公司100%股权。", "星河智能科技有限公司"),
    ("证监会同意以下企业首次公开发行股票注册：中星媒新材料股份有限公司、北京星工导航股份有限公司。", "中星媒新材料股份有限公司"),
    ("在此过程中星河科技有限公司发布公告。", "星河科技有限公司"),
    # a gazetteer name (腾讯, 复星, 阿里巴巴) inside a legal name, after its places
    ("本轮融资由深圳市腾讯星河计算机系统有限公司领投。", "深圳市腾讯星河计算机系统有限公司"),
    ("复星医药子公司上海复星星耀投资管理有限公司领投。", "上海复星星耀投资管理有限公司"),
    ("星河科技获阿里巴巴（中国）星河网络技术有限公司战略投资。", "阿里巴巴（中国）星河网络技术有限公司"),
    ("本轮由星河创业投资有限公司领投。", "星河创业投资有限公司"),
    # 商 opening a word (商业银行) is no descriptor's end (研发商|伟杰信生物 is)
    ("江苏澄南农村商业银行股份有限公司发行20亿元二级资本债券。", "江苏澄南农村商业银行股份有限公司"),
    # a verb of the sentence before a proper word ends what comes before it (拟向, 接受, 组建, 增资) …
    ("星泰香港拟向恒衡银行有限公司申请4000万美元综合授信。", "恒衡银行有限公司"),
    ("子公司星景房地产开发有限公司接受澄湖国际信托有限公司提供7亿元的融资。", "澄湖国际信托有限公司"),
    ("子公司星景房地产开发有限公司接受澄湖国际信托有限公司提供7亿元的融资。", "星景房地产开发有限公司"),
    ("审议通过了公司投资组建盾石科技(北京)有限公司的议案。", "盾石科技(北京)有限公司"),
    ("公司与关联人共同增资上海星工申贝融资租赁有限公司。", "上海星工申贝融资租赁有限公司"),
    # … not a verb the name holds, nor one before suffix words only
    ("星河控股拟向招商银行股份有限公司申请贷款。", "招商银行股份有限公司"),
    ("本次由重庆产业引导股权投资基金有限责任公司领投。", "重庆产业引导股权投资基金有限责任公司"),
]


@pytest.mark.parametrize("text, name", LEGAL_NAMES)
def test_legal_names_are_found_whole(text, name):
    companies = [e["text"] for e in nlp.extract(text, published=PUBLISHED)["entities"] if e["label"] == "COMPANY"]
    assert name in companies


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


def test_a_convertible_bond_quoted_with_its_price_is_no_company():
    text = "控股股东合计认购星派转债(124.570,-0.59,-0.47%)9226710张。"
    assert [e for e in nlp.extract(text, published=PUBLISHED)["entities"] if e["label"] == "COMPANY"] == []


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


def test_the_local_government_is_no_name():
    entities = nlp.extract("当地政府为了引进新的战略投资人四处奔走。辽源市人民政府表示支持。", published=PUBLISHED)["entities"]
    assert [e["text"] for e in entities if e["label"] in ("COMPANY", "ORG")] == ["辽源市人民政府"]


def test_a_calendar_date_without_a_year_is_the_event_vague_date_with_its_text_kept():
    """No publication date and no year in the text: 7月22日 is no date with a value, but the text
    says when; with a publication date it is the event's date."""
    text = "奇星股份(002999)7月22日晚公告，7月22日，嘉星科技股票在上交所科创板上市。"
    [ev] = nlp.extract(text)["events"]
    assert ev["date"] is None and ev["date_vague"]["text"] == "7月22日"
    [ev] = nlp.extract(text, published="2025-07-23")["events"]
    assert ev["date"]["start_date"] == "2025-07-22" and ev["date_vague"] is None


def test_a_generic_word_defined_as_short_name_is_no_entity():
    text = ("星河开发股份有限公司(以下简称“公司”)董事会审议通过发行超短期融资券的议案。"
            "2022年3月18日，公司发行2022年度第一期超短期融资券，本期实际发行金额9亿元。")
    record = nlp.extract(text, published="2022-03-23")
    assert "公司" not in {e["text"] for e in record["entities"]}


def test_each_companys_event_in_one_sentence_keeps_its_own_evidence_and_views_stay_numbered():
    """星澜科技…，蓝川生物…: the sentence is cut into one view per subject; a proposal names its
    view by index, so the views are numbered in order, and each event's evidence is its own part."""
    from nlp import events
    from nlp.pipeline import Pipeline
    from nlp.document import Document

    text = "本周，星澜科技完成1亿元A轮融资，蓝川生物获得5000万元天使轮融资。星澜科技表示将扩大产能。"
    ctx = Pipeline().analyse(Document("d", text, published=PUBLISHED)).context
    views = events.analyse_clauses(ctx)
    assert [v.clause.index for v in views] == list(range(len(views)))
    assert [text[v.clause.start:v.clause.end] for v in views][:2] == ["本周，星澜科技完成1亿元A轮融资，", "蓝川生物获得5000万元天使轮融资。"]
    evidence = {ev["company"]["name"]: [e["text"] for e in ev["evidence"]]
                for ev in nlp.extract(text, published=PUBLISHED)["events"]}
    assert evidence == {"星澜科技": ["本周，星澜科技完成1亿元A轮融资，"], "蓝川生物": ["蓝川生物获得5000万元天使轮融资。"]}


def test_another_round_in_a_later_comma_segment_is_the_same_companys_other_event():
    """A past round told with its investor or its figures is an event of its own (realnews_dev's definition)."""
    text = ("澜算云图近日完成8亿元B轮融资。公司成立于2021年，此前曾获红杉中国种子轮投资，"
            "并于2023年6月完成由高瓴创投领投的3亿元A轮融资。")
    events = nlp.extract(text, published="2025-09-16")["events"]
    rounds = {ev["round"]["name"]: ev for ev in events}
    assert sorted(rounds) == ["A", "B", "seed"] and {ev["company"]["name"] for ev in events} == {"澜算云图"}
    assert [i["name"] for i in rounds["seed"]["investors"]] == ["红杉中国"] and rounds["seed"]["amount"] is None
    assert rounds["A"]["amount"]["value"] == 3e8 and rounds["A"]["date"]["start_date"].startswith("2023-06")


def test_rounds_of_different_years_in_the_comma_segments_of_one_sentence_are_events_of_their_own():
    """A history told in one sentence (2020年拿到X的天使投资，2022年完成A轮，今年5月又获得Y的战略投资): each year's
    round keeps its own investor, figure and date."""
    text = "回看澄溪科技的融资路径，公司2020年拿到岚山创投数百万元天使投资，2022年完成由澄湖资本领投的1亿元A轮，今年5月又获得星河集团的战略投资。"
    events = nlp.extract(text, published="2025-11-27")["events"]
    assert sorted(((ev["date"] or {}).get("start_date", "")[:4], [i["name"] for i in ev["investors"]]) for ev in events) == [
        ("2020", ["岚山创投"]), ("2022", ["澄湖资本"]), ("2025", ["星河集团"])]


def test_rounds_listed_after_a_count_and_a_colon_are_events_of_their_own():
    """已完成两轮融资：2024年…，2025年…: the count sums the list up; the first item is no total over rounds."""
    text = "岫川医疗已完成两轮融资：2024年3月获澄湖资本数千万元投资，2025年2月获岚桥资本1亿元投资。"
    events = nlp.extract(text, published="2025-06-10")["events"]
    assert sorted(((ev["date"] or {}).get("start_date", "")[:7], [i["name"] for i in ev["investors"]]) for ev in events) == [
        ("2024-03", ["澄湖资本"]), ("2025-02", ["岚桥资本"])]


def test_a_weak_name_before_a_plain_word_is_the_company_its_pronoun_stands_for():
    """汀岚科技顺势推出…, 汀岚科技节奏并不快, then 公司拿到…天使轮投资: the profile's company, found whole before the words
    of its sentence, named once or more; a phrase of dictionary words (数字科技) never is one."""
    rounds = "2022年，公司拿到澄湖资本数百万元天使轮投资；2024年，公司又拿下了由岚桥资本领投的1亿元A轮。"
    profile = "汀岚科技专做跨境卖家的对账软件。五年来，汀岚科技顺势推出税务模块。融资方面，汀岚科技节奏并不快。"
    events = nlp.extract(profile + rounds, published=PUBLISHED)["events"]
    assert sorted((ev["company"]["name"], ev["round"]["name"]) for ev in events) == [("汀岚科技", "A"), ("汀岚科技", "angel")]
    once = nlp.extract("融资方面，汀岚科技节奏并不快。" + rounds, published=PUBLISHED)["events"]
    assert sorted((ev["company"]["name"], ev["round"]["name"]) for ev in once) == [("汀岚科技", "A"), ("汀岚科技", "angel")]
    generic = "数字科技发展很快，数字科技企业众多，数字科技行业火热。"
    assert nlp.extract(generic + rounds, published=PUBLISHED)["events"] == []


def test_a_dated_round_told_by_who_put_money_in_it_is_an_earlier_round():
    """2023年3月的B轮则引入了X, 2024年初的B轮中，X等机构入股, 2023年的B轮则由X和Y出资: a round of an earlier date, told
    by its investors alone, is a round of the company in focus of its own."""
    news = "澄岚科技近日完成3亿元C轮融资。2021年，公司拿到深创投领投的1.2亿元A轮；"
    for told, investors in [("2023年3月的B轮则引入了岚桥产业基金，金额未披露。", ["岚桥产业基金"]),
                            ("2024年初的B轮中，岚桥产业基金等机构入股。", ["岚桥产业基金"]),
                            ("2023年的B轮则由启明创投和倚锋资本两家机构出资。", ["启明创投", "倚锋资本"])]:
        rounds = rounds_of(news + told, "2025-06-10")
        assert sorted(rounds) == ["A", "B", "C"], told
        assert [i["name"] for i in rounds["B"]["investors"]] == investors, told


def test_a_question_number_is_no_company():
    """问题2：关于增资价格。回复：…公司完成Pre-IPO轮融资: an inquiry's numbered question names no one; 公司 is the
    applicant."""
    text = ("澄芯微电子对首轮审核问询函的回复已披露。问题2：关于最近一次增资。"
            "回复：2024年12月，公司完成Pre-IPO轮融资，合计引入资金3亿元，国投创新领投。")
    doc = nlp.extract(text, published="2025-06-10")
    assert [(ev["type"], ev["company"]["name"]) for ev in doc["events"]] == [("listing", "澄芯微电子"), ("funding", "澄芯微电子")]
    assert not [e for e in doc["entities"] if e["text"] == "问题2"]


def test_a_sentences_only_company_is_the_one_a_round_after_it_tells_of():
    """…注册了澄灵科技，做AGV导航模组。第二年，澄湖资本给了他500万元天使轮: the company the sentence before names alone,
    wherever it stands; not where 公司 puts money into a party no rule names (…并拟向澄臻公司增资5亿元: it gives)."""
    text = "2018年，郑岩在苏州注册了澄灵科技，做AGV导航模组。第二年，澄湖资本给了他500万元天使轮。"
    assert [(ev["company"]["name"], ev["round"]["name"]) for ev in nlp.extract(text, published=PUBLISHED)["events"]] == [
        ("澄灵科技", "angel")]
    gives = ("【澄星药业：拟5亿元增资下属澄臻公司】澄星药业公告，公司下属二级全资子公司拟将澄臻公司100%股权无偿转让给公司。"
             "转让完成后，公司直接持有澄臻公司100%股权，并拟向澄臻公司增资5亿元。")
    assert nlp.extract(gives, published=PUBLISHED)["events"] == []
    # the 公司 that ends a name no rule found is no pronoun for the investor (向澄臻公司投资)
    assert "澄星药业" not in [ev["company"]["name"] for ev in nlp.extract("澄星药业宣布向澄臻公司投资5亿元。")["events"]]
    assert "澄星药业" not in [ev["company"]["name"] for ev in nlp.extract("澄星药业公告，拟向澄臻公司增资5亿元。")["events"]]
    # 向公司增资: the company in focus receives
    received = nlp.extract("澄星科技公告，高瓴资本拟向公司增资5亿元。")["events"]
    assert [(ev["company"]["name"], [i["name"] for i in ev["investors"]]) for ev in received] == [("澄星科技", ["高瓴资本"])]


def test_an_investor_said_again_takes_no_focus_from_the_company_that_raised():
    """…已获得汐岚汽车战略投资。…汐岚汽车既是新股东，也是公司第一大客户。公司上一轮融资为…B轮: the investor, named again in a
    clause that tells no deal, is not what the next 公司 stands for."""
    text = ("【获汐岚汽车战略投资　功率器件商珀渊电子完成新一轮融资】这家功率器件厂商已获得汐岚汽车战略投资，金额达数亿元。"
            "公司相关负责人表示，汐岚汽车既是新股东，也是公司第一大客户。公司上一轮融资为2024年12月完成的2亿元B轮，由澄湖资本领投。")
    events = rounds_of(text, "2025-10-29")
    assert sorted(events) == ["B", "strategic"]
    assert {ev["company"]["name"] for ev in events.values()} == {"珀渊电子"}
    assert [i["name"] for i in events["B"]["investors"]] == ["澄湖资本"]


@pytest.mark.parametrize("text, company", [
    ("澄星机器人备受资本青睐。继今年3月完成A轮后，公司近日又拿下B轮融资。", "澄星机器人"),  # 公司: the company in focus
    ("澄星科技继去年8月拿下A轮后，近日又完成B轮融资。", "澄星科技"),  # the name before 继 is the subject of both
])
def test_a_round_told_after_继_and_the_next_round_are_two_events(text, company):
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert sorted((ev["company"]["name"], ev["round"]["name"]) for ev in events) == [(company, "A"), (company, "B")]


def test_new_money_added_to_a_round_told_before_is_a_deal_of_its_own():
    """在…B轮融资基础上，额外获得共计1.5亿美元的新投资: the added money has its own sum (its 共计 sums this deal, not the
    rounds); an investor following on in the round (追加投资) adds no deal."""
    text = "澜幸咖啡宣布，在去年12月完成的2亿美元B轮融资基础上，额外获得共计1.5亿美元的新投资。"
    events = nlp.extract(text, published="2025-06-10")["events"]
    assert sorted(ev["amount"]["value"] for ev in events) == [1.5e8, 2e8]
    assert len(nlp.extract("星河科技完成B轮融资，老股东澄湖资本追加投资。", published="2025-06-10")["events"]) == 1


def test_an_investor_told_in_the_companys_earlier_named_round_gives_that_round():
    """澄溪科技完成B轮融资。2022年，岚山创投以2000万元参与了公司的天使轮: the investor's round is the company's
    angel round, with its sum and year."""
    text = "澄溪科技近日完成B轮融资。2022年，岚山创投以2000万元参与了公司的天使轮。"
    events = {ev["round"]["name"]: ev for ev in nlp.extract(text, published="2025-11-27")["events"]}
    assert sorted(events) == ["B", "angel"] and [i["name"] for i in events["angel"]["investors"]] == ["岚山创投"]
    assert events["angel"]["amount"]["value"] == 2e7 and events["angel"]["date"]["start_date"].startswith("2022")


def test_a_segment_that_opens_on_the_other_party_takes_the_date_of_the_segment_before():
    """2021年公司曾引入战略投资者X，后者以2亿元认购公司新增股份: the subscription is the 2021 deal (not the date
    that opens the paragraph's first sentence)."""
    text = ("澄星控制上市前曾进行过多轮融资。2018年，公司完成A轮融资1亿元，由紫澄创投领投。值得一提的是，2021年公司曾"
            "引入战略投资者岚拓装备，后者以2亿元认购公司新增股份。")
    deal = next(ev for ev in nlp.extract(text, published="2024-05-30")["events"] if ev["amount"]["value"] == 2e8)
    assert deal["date"]["start_date"].startswith("2021") and [i["name"] for i in deal["investors"]] == ["岚拓装备"]


def test_deals_counted_in_a_weeks_comment_are_no_round_of_the_company_in_focus():
    """本周两笔过亿元的储能交易都投向了…: a count of deals is a statistic, not the listed company's round."""
    text = ("▍IPO动态\n· 8月14日，钠电储能企业澄锂储能通过港交所上市聆讯，有望于本月底挂牌。\n▍本周观点\n"
            "储能赛道的融资正在向头部集中，本周两笔过亿元的储能交易都投向了已有量产能力的企业；早期项目则更多来自AI应用。")
    assert [ev["type"] for ev in nlp.extract(text, published="2025-08-18")["events"]] == ["listing"]


def test_a_summarys_bullets_and_citation_marks_end_sentences():
    """融资与估值 - … [1] - …: a summary's bullets are sentences, so the round told last is its own event."""
    text = ("融资与估值 - 澜星茶饮完成了数千万元的A轮融资 [1] - 本轮融资的独家投资方为澜汽资本 [1] - "
            "这是公司继2021年获得星商集团数千万天使轮投资后的又一次融资 [1]")
    events = nlp.extract(text, published="2026-01-15")["events"]
    rounds = {ev["round"]["name"]: ev for ev in events}
    assert sorted(rounds) == ["A", "angel"] and {ev["company"]["name"] for ev in events} == {"澜星茶饮"}
    assert [i["name"] for i in rounds["A"]["investors"]] == ["澜汽资本"]
    assert [i["name"] for i in rounds["angel"]["investors"]] == ["星商集团"]
    assert rounds["angel"]["date"]["start_date"].startswith("2021")


def test_a_headlines_round_figure_is_the_texts_exact_one():
    """澜德股份7亿元定增 (headline) … 募集资金总额不超过7.2亿元: one placement, with the exact figure."""
    text = "澜德股份7亿元定增落地\n公司拟向特定对象澜疆投资发行股票，募集资金总额不超过7.2亿元。"
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert [(ev["company"]["name"], ev["amount"]["value"]) for ev in events] == [("澜德股份", 7.2e8)]


def test_rounds_listed_together_then_told_one_by_one_are_two_events():
    """连续完成天使 + 轮和Pre-A轮融资，其中天使 + 轮由X领投，而Pre-A轮由Y领投: each round with its own leads."""
    text = "澜算科技宣布连续完成天使 + 轮和Pre-A轮融资，其中天使 + 轮由澄湖资本领投，而Pre-A轮由星河创投、云帆资本联合领投。"
    events = nlp.extract(text, published=PUBLISHED)["events"]
    leads = {ev["round"]["name"]: sorted(i["name"] for i in ev["lead_investors"]) for ev in events}
    assert leads == {"angel+": ["澄湖资本"], "pre-A": ["云帆资本", "星河创投"]}
    assert {ev["company"]["name"] for ev in events} == {"澜算科技"}


def test_an_investor_that_leads_again_in_a_round_raises_nothing():
    """A轮注资的X将继续在B轮联合领投: X leads (在…轮 between the name and 领投), it raises no round."""
    text = "星河汽车宣布完成10亿元B轮融资。A轮注资的澄湖集团将继续在B轮联合领投，松涧创投跟投。"
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert {ev["company"]["name"] for ev in events} == {"星河汽车"}
    assert "澄湖集团" in {i["name"] for ev in events for i in ev["lead_investors"]}


def test_the_bank_a_loan_is_asked_from_is_no_borrower():
    """X拟向Y银行申请贷款: the bank lends, even where the party tagger names only it (X is no name known here)."""
    text = "1、星疆纺织拟向澄湖农业发展银行申请短期流动资金贷款4.5亿元，期限1年。"
    assert "澄湖农业发展银行" not in {ev["company"]["name"] for ev in nlp.extract(text, published=PUBLISHED)["events"]}


def test_a_strategic_investors_role_is_no_deal_of_its_own():
    """作为战略投资方，X…: the role word 战略投资方 makes X raise nothing."""
    events = nlp.extract("作为战略投资方，澄湖集团此次向澜能电池投资12亿元。", published=PUBLISHED)["events"]
    assert "澄湖集团" not in {ev["company"]["name"] for ev in events}


def test_an_ipo_digests_section_heading_gives_each_applicant_under_it_its_stage():
    """【受理】 / · X（首发）：科创板 …: the heading names the step the lines under it took; another heading ends it."""
    text = ("IPO周报｜本周受理2家、终止1家\n【受理】\n· 无锡澜衡半导体设备股份有限公司（首发）：科创板，拟募资15亿元。\n"
            "· 山东澜岳食品股份有限公司（首发）：深市主板。\n【终止】\n· 厦门澜晟家居股份有限公司（首发）：沪市主板。\n"
            "【基金】\n澜山资本新一期基金完成募集，投向科创板企业。")
    events = nlp.extract(text, published=PUBLISHED)["events"]
    got = {(ev["company"]["name"], ev["stage"], ev["exchange"]["code"], ev["exchange"]["board"]) for ev in events}
    assert got == {("无锡澜衡半导体设备股份有限公司", "filed", "SSE", "STAR"), ("山东澜岳食品股份有限公司", "filed", "SZSE", "main"),
                   ("厦门澜晟家居股份有限公司", "terminated", "SSE", "main")}


def test_a_new_share_calendars_lines_each_give_a_subscription():
    """· X　申购代码787512　发行价29.86元/股: each line of the calendar is a company's subscription, with its price."""
    text = ("本周新股申购安排如下：\n· 澄岳智控　申购代码787512　发行价29.86元/股　科创板\n"
            "· 星钧电气　申购代码001329　发行价18.20元/股　深市主板\n风险提示：新股上市初期波动较大。")
    events = nlp.extract(text, published=PUBLISHED)["events"]
    got = {(ev["company"]["name"], ev["stage"], ev["offer_price"]["value"]) for ev in events}
    assert got == {("澄岳智控", "subscription", 29.86), ("星钧电气", "subscription", 18.2)}


def test_a_list_item_without_a_date_happened_on_the_day_or_month_its_introduction_tells():
    """周二（11月4日）\n· X…, 据统计，10月…：\n‧ X完成…: an undated item takes the date of the line that introduces the
    list; not a byline's (the day the article came out), not a week of a month, not one over an item that has
    its own."""
    calendar = ("本周新股申购一览\n澄文证券　2025-11-05\n周二（11月4日）\n· 澄岳智控　申购代码787512　发行价29.86元/股　科创板\n"
                "周三（11月5日）\n· 星钧电气　申购代码001329　发行价18.20元/股　深市主板")
    roundup = ("【港創月報】據統計，10月本港初創企業共披露融資 9 宗。\n‧ 生物科技公司「澄源生物」完成 2.2 億港元 B 輪，由港投公司領投；\n"
               "‧ 冷鏈平台「星運通」完成 3,000 萬港元 Pre-A 輪；\n‧ 11月2日，長者科技初創「澄家」獲天使輪注資。")
    weekly = ("创投周报｜11月第1周融资一览\n◆ 芯片：澄微获得战略融资，投资方为比亚迪。\n"
              "澄文资讯　2025-11-05\n◆ 软件：星返科技完成1000万元天使轮。")
    digest = ("IPO日报｜11月4日\n来源：澄文证券　整理：星岚\n【注册】证监会同意安徽澄钧动力科技股份有限公司在北交所公开发行股票的注册申请。\n"
              "【提交注册】苏州星岭传感股份有限公司科创板IPO当日进入提交注册环节。")
    one_by_one = ("港股周报\n• 澄川新能11月3日通过聆讯；\n• 星航科技同步刊发聆讯后资料集。")
    bonds = ("信用债速递｜11月4日\n1. 澄江城投2025年面向专业投资者公开发行公司债券（第一期）发行完毕，规模8亿元。\n"
             "2. 星溪能源集团股份有限公司2025年度第二期中期票据发行完毕，发行金额10亿元。")
    scheduled = ("IPO日报｜11月4日\n【过会】深交所上市委当日召开审议会议，澄禾医疗的创业板首发申请获得通过。\n"
                 "【上会安排】上交所上市委定于11月12日审议星垚电力的主板首发申请。\n【中止】北交所在审企业星岑新材因财务资料过期，审核状态变更为中止。")
    dated = {}
    for text in (calendar, roundup, weekly, digest, one_by_one, bonds, scheduled):
        for ev in nlp.extract(text, published="2025-11-05")["events"]:
            dated[ev["company"]["name"]] = ev["date"] and (ev["date"]["start_date"], ev["date"]["granularity"])
    assert dated == {"澄岳智控": ("2025-11-04", "day"), "星钧电气": ("2025-11-05", "day"),
                     "澄源生物": ("2025-10-01", "month"), "星运通": ("2025-10-01", "month"),
                     "澄家": ("2025-11-02", "day"), "澄微": None, "星返科技": None,
                     # 【…】 lines in a run are items; a byline without a date is passed over; 当日 is the list's day
                     "安徽澄钧动力科技股份有限公司": ("2025-11-04", "day"), "苏州星岭传感股份有限公司": ("2025-11-04", "day"),
                     # items dated one by one: an undated one is not the list's day
                     "澄川新能": ("2025-11-03", "day"), "星航科技": None,
                     # a year in an item names its bond (2025年度第二期中期票据): it does not date the item
                     "澄江城投": ("2025-11-04", "day"), "星溪能源集团股份有限公司": ("2025-11-04", "day"),
                     # one item above names a day of its own (a hearing scheduled): the list is not dated item by item
                     "澄禾医疗": ("2025-11-04", "day"), "星岑新材": ("2025-11-04", "day")}


def test_the_numbered_list_after_a_sentence_about_the_following_companies_takes_its_step():
    """证监会同意以下企业首次公开发行股票注册：1. X（科创板）…: each item was registered; the list ends at its last item."""
    text = ("证监会近日同意以下企业首次公开发行股票注册：\n1. 澄思达医疗器械股份有限公司（科创板）\n"
            "2. 安徽星禾种业股份有限公司（深市主板）\n\n上述企业将与交易所协商确定发行日程。澜岳科技则在创业板上市。")
    events = nlp.extract(text, published=PUBLISHED)["events"]
    got = {(ev["company"]["name"], ev["stage"]) for ev in events}
    assert got == {("澄思达医疗器械股份有限公司", "registered"), ("安徽星禾种业股份有限公司", "registered"),
                   ("澜岳科技", "listed")}


def test_the_previous_round_told_with_its_specifics_is_an_event_of_its_own():
    """公司上一輪為2023年的天使輪，由X投資200萬港元: the earlier round beside this one."""
    text = "香港寵物健康初創「澜孩守護」宣佈完成天使+輪融資，集資800萬港元。公司上一輪為2023年的天使輪，由澄湖天使基金投資200萬港元。"
    events = nlp.extract(text, published="2025-06-01")["events"]
    rounds = {ev["round"]["name"]: ev for ev in events}
    assert sorted(rounds) == ["angel", "angel+"] and {ev["company"]["name"] for ev in events} == {"澜孩守护"}
    assert rounds["angel"]["amount"]["value"] == 2e6 and [i["name"] for i in rounds["angel"]["investors"]] == ["澄湖天使基金"]
    assert rounds["angel"]["date"]["start_date"].startswith("2023")


def test_a_sentence_opening_on_the_companys_pronoun_keeps_it_in_focus():
    """…保荐机构为X。这家成立于2016年的企业此前获得过多轮融资。2021年6月，公司完成B轮融资: 公司 is still the issuer,
    and its round of 2023 is another round."""
    text = ("凌岳热控本次拟募资9亿元。保荐机构为青川证券。这家成立于2016年的企业此前获得过多轮融资。"
            "2021年6月，公司完成B轮融资，金额1.5亿元。2023年，凌岳热控又获得晨湖资本的战略投资。")
    events = [ev for ev in nlp.extract(text, published="2025-09-05")["events"] if ev["type"] == "funding"]
    assert {ev["company"]["name"] for ev in events} == {"凌岳热控"}
    assert sorted(ev["date"]["start_date"][:7] for ev in events) == ["2021-06", "2023-01"]
    b_round = next(ev for ev in events if ev["round"] and ev["round"]["name"] == "B")
    assert b_round["amount"]["value"] == 1.5e8 and b_round["investors"] == []


def test_an_investor_sentence_naming_another_dated_round_tells_that_round():
    """2023年的A轮中，X是唯一的机构投资方 after a B1 round: the A round with its investor, the B1 round without it."""
    text = "睿澜感知刚完成约5亿元的B1轮融资，本轮由澄川资本领投。2023年的A轮中，松涧创投是唯一的机构投资方。"
    events = nlp.extract(text, published="2025-03-27")["events"]
    rounds = {ev["round"]["name"]: ev for ev in events}
    assert sorted(rounds) == ["A", "B1"]
    assert [i["name"] for i in rounds["A"]["investors"]] == ["松涧创投"] and rounds["B1"]["date"] is None
    assert [i["name"] for i in rounds["B1"]["investors"]] == ["澄川资本"]


def test_rounds_told_by_month_after_a_round_told_by_its_investors_are_earlier_rounds():
    """这轮融资由X、Y联合投资 … 2023年4月完成天使轮 … 2024年4月完成数亿元的一轮融资: three rounds, and the two
    dated ones a year apart."""
    text = ("壁岩智能这轮融资由青松基金和澄湖资本联合投资。2023年4月，壁岩智能完成天使轮融资，由知远创投领投；"
            "2024年4月，壁岩智能完成数亿元的一轮融资，由春川创投领投。")
    events = nlp.extract(text, published="2025-05-22")["events"]
    assert len(events) == 3 and {ev["company"]["name"] for ev in events} == {"壁岩智能"}
    investors = sorted(sorted(i["name"] for i in ev["investors"]) for ev in events)
    assert investors == [["春川创投"], ["澄湖资本", "青松基金"], ["知远创投"]]


def test_a_lettered_round_with_a_digit_is_no_count_of_rounds():
    """C3轮融资 is the round C3, not three rounds in all: it stays beside the company's C1 round."""
    text = "澄衡智医今日宣布完成C3轮融资，金额逾3亿元，由松涧资本领投。今年3月，公司完成由澄湖资本领投的2亿元C1轮。"
    events = nlp.extract(text, published="2025-11-05")["events"]
    assert sorted(ev["round"]["name"] for ev in events) == ["C1", "C3"]


def test_an_ordinal_round_is_no_count_of_rounds():
    """这已是它年内的第三轮融资——今年3月的A+轮由X领投: the third round is one round, told as a round of its own."""
    text = "灵巧手厂商「澄衡灵巧」10月9日宣布完成A++轮，金额近亿元。这已是它年内的第三轮融资——今年3月的A+轮由线性资本领投。"
    events = nlp.extract(text, published="2025-10-13")["events"]
    rounds = {ev["round"]["name"]: ev for ev in events}
    assert sorted(rounds) == ["A+", "A++"]
    assert [i["name"] for i in rounds["A+"]["lead_investors"]] == ["线性资本"]


def test_a_clause_told_before_its_subject_is_about_the_name_after_it():
    """继去年8月拿下A轮后，X上周又获近亿元A+轮: the A round is X's too, not the company told before."""
    text = ("■ 储能：做储能系统的「澜储能源」3月12日宣布完成2.6亿元B+轮。\n"
            "■ 半导体：继去年8月拿下A轮后，衬底企业晶垣新材上周又获近亿元A+轮。")
    events = nlp.extract(text, published="2025-03-17")["events"]
    by_round = {ev["round"]["name"]: ev["company"]["name"] for ev in events}
    assert by_round == {"B+": "澜储能源", "A": "晶垣新材", "A+": "晶垣新材"}


def test_a_round_named_in_an_earlier_segment_is_the_companys_earlier_round():
    """继去年完成A轮融资后，X近日完成2亿元B轮融资: the B round keeps its own figures, the A round is told with its year."""
    events = nlp.extract("继去年完成A轮融资后，星岫科技近日完成2亿元B轮融资。", published=PUBLISHED)["events"]
    rounds = {ev["round"]["name"]: ev for ev in events}
    assert sorted(rounds) == ["A", "B"] and {ev["company"]["name"] for ev in events} == {"星岫科技"}
    assert rounds["B"]["amount"]["value"] == 2e8 and rounds["A"]["amount"] is None
    assert rounds["A"]["date"]["start_date"].startswith("2024")


def test_a_common_noun_heading_a_section_is_no_company():
    """数据：本周A股共有2只新股上市: the section's heading takes no listing step."""
    text = ("【IPO一周看点】\n\n上会：11月25日，深交所上市委审议了两家企业，澄川检测获通过。\n\n"
            "数据：本周A股共有2只新股上市，首日平均涨幅162%；11月全月IPO募资合计约78亿元。")
    events = nlp.extract(text, published="2025-12-01")["events"]
    assert [ev["company"]["name"] for ev in events] == ["澄川检测"]


def test_new_shares_and_a_convertible_bond_in_one_headline_are_two_deals():
    """拟配售新股 同步发行可换股债券: each instrument is its own event, of the same company."""
    text = "星澜医疗（以下简称“星澜”，02388.HK）公告，拟先旧后新配售3000万股集资3.78亿港元 同步发行6亿港元可换股债券。"
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert sorted((ev["company"]["name"], ev["instrument"]) for ev in events) == [("星澜", "debt"), ("星澜", "placement")]
    assert next(ev for ev in events if ev["instrument"] == "debt")["amount"]["value"] == 6e8


def test_an_english_name_in_brackets_is_the_same_party():
    """锂澜能源（Lithlan Energy Corp.）: the gloss is no second company, and no second event."""
    text = "固态电池新创锂澜能源（Lithlan Energy Corp.）8日宣布完成B轮融资新台币15亿元，由鼎岚创投领投。"
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert [ev["company"]["name"] for ev in events] == ["锂澜能源"]


def test_a_short_name_defined_after_an_english_gloss_is_found_again():
    """新创公司澜舟科技（Lanzhou Tech，以下简称「澜舟」）…澜舟于2021年完成A轮: the short name is the company."""
    text = ("边缘AI芯片新创公司澜舟科技（Lanzhou Tech，以下简称「澜舟」）今日宣布完成B轮融资1200万美元。"
            "回顾融资历程，澜舟于2021年6月完成A轮450万美元融资，当时由鸿岚创投领投。")
    events = nlp.extract(text, published="2025-03-18")["events"]
    assert sorted(ev["round"]["name"] for ev in events) == ["A", "B"]
    assert {ev["company"]["name"] for ev in events} == {"澜舟"}


@pytest.mark.parametrize("title, company", [
    ("向特定对象发行A股股票发行结果暨股本变动公告", "星澜精机"),  # (its 证券简称: the name the press uses)
    ("关于全资子公司签署银行借款合同的公告", None),  # the child takes the step, unnamed there
])
def test_an_announcements_title_is_about_the_company_on_the_line_above(title, company):
    text = f"证券代码：688999　　证券简称：星澜精机\n\n星澜精密机械股份有限公司\n{title}\n\n特此公告。"
    names = [ev["company"]["name"] for ev in nlp.extract(text, published=PUBLISHED)["events"] if ev["type"] == "funding"]
    assert names == ([company] if company else [])


def test_a_filings_bullet_points_complete_the_event_of_its_title():
    """重要内容提示：● 募集资金总额…: the bullets, several lines below the title, are about its company."""
    text = ("证券代码：688999　　证券简称：星澜精机\n\n星澜精密机械股份有限公司\n"
            "向特定对象发行A股股票发行结果暨股本变动公告\n\n重要内容提示：\n● 发行数量：30,000,000股\n"
            "● 发行价格：26.00元/股\n● 募集资金总额：人民币780,000,000.00元\n\n特此公告。")
    [event] = [ev for ev in nlp.extract(text, published=PUBLISHED)["events"] if ev["type"] == "funding"]
    assert event["instrument"] == "placement" and event["amount"]["value"] == 7.8e8


def test_a_round_up_item_names_its_company_on_a_header_line():
    """1. 澜泊智能（香港）｜停车场自动化 / 2月11日宣布完成…: the item's header line names the company."""
    text = ("以下为编辑部整理的重点交易：\n\n1. 澜泊智能（香港）｜停车场自动化\n"
            "2月11日宣布完成800万美元Pre-A轮融资，由星创工场领投。\n\n"
            "2. 港澜通（香港）｜跨境支付\n获上市公司鸿澜控股策略性投资，金额未有披露。")
    names = {ev["company"]["name"] for ev in nlp.extract(text, published="2025-02-15")["events"]}
    assert names == {"澜泊智能", "港澜通"}


def test_a_round_up_table_gives_each_row_its_company_and_investors():
    text = ("被投企业 | 轮次 | 金额 | 投资方\n芯澜科技 | A+轮 | 1.2亿元 | 卓澜电子（领投）、深创投\n"
            "氢澜动力 | 战略融资 | 未披露 | 华澜环保\nMoonlane AI | 天使轮 | 2000万元 | 星澜传媒")
    events = {ev["company"]["name"]: ev for ev in nlp.extract(text, published=PUBLISHED)["events"]}
    assert sorted(events) == ["Moonlane AI", "氢澜动力", "芯澜科技"]
    assert [i["name"] for i in events["芯澜科技"]["lead_investors"]] == ["卓澜电子"]
    assert [i["name"] for i in events["氢澜动力"]["investors"]] == ["华澜环保"]


def test_a_markdown_tables_rows_with_outer_bars_and_semicolon_lists():
    """| 公司 | 轮次 | 金额 | 投资方 |: outer bars open and close each row; a cell lists names with ；."""
    text = ("| 公司 | 轮次 | 金额 | 投资方 |\n| 曜川智算 | B轮 | 7亿元 | 澄泉资本、松涧创投（领投） |\n"
            "| 澜鲸航天 | A+轮 | 3.5亿元 | 星禾基金；蓝澈创投；元澄资本 |")
    events = {ev["company"]["name"]: ev for ev in nlp.extract(text, published=PUBLISHED)["events"]}
    assert sorted(events) == ["曜川智算", "澜鲸航天"]
    assert [i["name"] for i in events["曜川智算"]["lead_investors"]] == ["松涧创投"]
    assert [i["name"] for i in events["澜鲸航天"]["investors"]] == ["星禾基金", "蓝澈创投", "元澄资本"]


def test_the_company_in_focus_carries_over_a_section_heading():
    """…成立于2016年。2022年公司营业收入…。二、融资历程 / 公司2021年完成B轮融资: a heading is no sentence."""
    text = ("澜微半导体科创板IPO申请获受理。\n一、主攻车规芯片\n招股书显示，澜微半导体成立于2016年，主营电源管理芯片。"
            "2024年公司营业收入为6.9亿元。\n二、两年内完成两轮融资\n招股书披露，公司2021年完成2.5亿元B轮融资，深创投领投。")
    funding = [ev for ev in nlp.extract(text, published="2025-03-14")["events"] if ev["type"] == "funding"]
    assert [(ev["company"]["name"], ev["round"]["name"]) for ev in funding] == [("澜微半导体", "B")]


def test_a_hong_kong_filing_is_about_its_issuer_and_its_lenders_invest():
    """The head names the issuer (Chinese and English name on lines of their own, then 股份代號); 本公司
    further down is the issuer; the banks that 为该融资之委任牽頭安排行 lead, 參與貸款人 lend."""
    text = ("滙澜物流控股有限公司\nWAVELAN LOGISTICS HOLDINGS LIMITED\n（股份代號：1863）\n訂立融資協議\n"
            "董事會（「董事會」）宣佈，本公司與一組銀行訂立融資協議，貸款人同意向本公司提供35億港元之定期貸款。"
            "中國銀行（香港）有限公司及恒生銀行有限公司為該融資之委任牽頭安排行，大華銀行有限公司亦為參與貸款人。")
    [event] = nlp.extract(text, published="2025-03-14")["events"]
    assert event["company"]["name"] == "汇澜物流控股有限公司" and event["amount"]["value"] == 3.5e9
    assert {i["name"] for i in event["lead_investors"]} == {"中国银行(香港)有限公司", "恒生银行有限公司"}
    assert "大华银行有限公司" in {i["name"] for i in event["investors"]}


def test_a_short_name_before_group_is_not_that_company():
    """证券简称：澜桥路桥 … 澜桥路桥集团X有限公司: the group is another company, its name no mention of the issuer."""
    text = "证券代码：000999　证券简称：澜桥路桥。公司全资子公司澜桥路桥集团星和高速有限公司签署借款合同。澜桥路桥表示支持。"
    mentions = [e["start"] for e in nlp.extract(text, published=PUBLISHED)["entities"] if e["text"] == "澜桥路桥"]
    assert mentions == [text.index("澜桥路桥"), text.rindex("澜桥路桥")]


def test_a_weak_guess_that_says_what_the_next_name_is_is_no_name():
    """工业软件企业澜拓科技: 工业软件 (a weak …软件 guess) followed by 企业 describes the name after it."""
    text = "近日，工业软件企业澜拓科技完成1亿元A轮融资。"
    companies = [e["text"] for e in nlp.extract(text, published=PUBLISHED)["entities"] if e["label"] == "COMPANY"]
    assert "工业软件" not in companies


def test_a_rounds_own_total_is_no_total_over_rounds():
    """B轮融资总额为6亿元 is the B round's size: it stays an event beside the A round told after it."""
    text = ("锂岫新能源股份有限公司完成B轮融资，B轮融资总额为6亿元，由宁岫电气领投。"
            "此前，锂岫新能源股份有限公司曾于2022年完成3亿元A轮融资。")
    rounds = {ev["round"]["name"]: ev["amount"]["value"] for ev in nlp.extract(text, published=PUBLISHED)["events"]}
    assert rounds == {"B": 6e8, "A": 3e8}


def test_listings_on_two_markets_are_two_attempts():
    """An A-share IPO withdrawn, then a Hong Kong filing: two listing events, each with its own stage."""
    text = "6月4日，深圳拓岫科技股份有限公司向港交所主板递交上市申请。2023年6月，公司创业板IPO获受理，但于2024年8月撤回申请。"
    stages = {ev["exchange"]["code"]: ev["stage"] for ev in nlp.extract(text, published="2025-06-05")["events"]}
    assert stages == {"HKEX": "filed", "SZSE": "withdrawn"}


def test_investors_told_on_the_line_below_a_round_up_item_join_its_round():
    """星链机器人（2025年5月，A轮）： / 由…联合投资: the line below only says who invested."""
    text = "新近的机器人项目：\n星链机器人（2025年5月，A轮）：\n由星团及其旗下星珠资本联合投资，主攻工业级搬运机器人。"
    [event] = nlp.extract(text, published=PUBLISHED)["events"]
    assert event["company"]["name"] == "星链机器人"
    assert [i["name"] for i in event["investors"]] == ["星团", "星珠资本"]


def test_a_later_list_of_investors_completes_the_round_that_named_none():
    """跟投方包括…, sentences after the round: it completes the round, it is no second event."""
    text = ("星河智能正式宣布完成3亿美元的C轮融资，估值达到30亿美元。公司将把资金用于芯片研发。"
            "市场人士认为，这是今年规模最大的一笔芯片融资。星河智能创始人称，公司将继续扩大团队。"
            "星河智能此次融资的跟投方包括澄湖资本、松涧创投。")
    [event] = nlp.extract(text, published=PUBLISHED)["events"]
    assert event["round"]["name"] == "C"
    assert [i["name"] for i in event["investors"]] == ["澄湖资本", "松涧创投"]


@pytest.mark.parametrize("lines", [
    ["澄泉资本", "松涧创投", "星禾基金"],
    ["1. 澄泉资本（领投）", "2. 松涧创投", "3. 星禾基金"],
])
def test_investors_listed_one_a_line_below_a_colon_join_the_round(lines):
    """本轮投资方包括：⏎A⏎B⏎C: a list head's colon keeps the short lines under it in its sentence; a blank
    line ends the list, so the next story is not one of its items."""
    text = "云栖智造宣布完成2亿元B轮融资。本轮投资方包括：\n" + "\n".join(lines) + "\n\n蓝湾生物完成A轮融资"
    events = {e["company"]["name"]: e for e in nlp.extract(text, published=PUBLISHED)["events"]}
    assert [i["name"] for i in events["云栖智造"]["investors"]] == ["澄泉资本", "松涧创投", "星禾基金"]
    assert events["蓝湾生物"]["investors"] == []


def test_the_services_on_a_share_bar_are_no_companies():
    """分享：Facebook WhatsApp 列印: the page's share bar names no party, so the related-news headline below
    it (…累计获投逾20亿元) is about no company of the page."""
    text = "澄源基因今日宣布完成1.2亿港元A轮融资。\n分享：Facebook WhatsApp 列印\n相关新闻：\n港科院初创今年累计获投逾20亿元"
    result = nlp.extract(text, published=PUBLISHED)
    assert [e["company"]["name"] for e in result["events"]] == ["澄源基因"]
    assert "Facebook" not in [e["text"] for e in result["entities"]]


def test_the_date_opening_the_sentence_before_dates_the_story_it_goes_on_with():
    """6月5日下午，上市委审议A、B、C三家企业的申请。三家公司全部通过审议: the sentence right after goes on
    with that day; a sentence further down does not."""
    text = ("6月5日下午，上交所科创板上市委举行审议会议，审议澄星生物、澜湖科技、曜帆智能3家企业发行上市申请。"
            "三家公司全部通过审议。\n公司主营芯片设计。\n澄星生物此前已完成B轮融资。")
    events = nlp.extract(text, published="2025-06-06")["events"]
    listings = [e for e in events if e["type"] == "listing"]
    assert len(listings) == 3 and all(e["date"]["start_date"] == "2025-06-05" for e in listings)
    assert [e["date"] for e in events if e["type"] == "funding"] == [None]


def test_a_placement_told_in_the_headline_and_again_in_the_body_is_one():
    """The headline gives the sum, the body (lines below) the terms: one placement; a count of other companies'
    placements (本月已有至少四家公司宣布配售新股) is none."""
    text = ("澜汐医疗折让近一成配股　净筹2.55亿港元\n\n2025年6月12日　来源：港股直击\n\n"
            "澜汐医疗今早开市前公布，与配售代理订立配售协议，以每股3.82港元配售最多6800万股新股。\n\n"
            "市场人士指出，近月医药股配股个案明显增加，单是本月已有至少四家公司宣布配售新股。")
    [event] = nlp.extract(text, published="2025-06-12")["events"]
    assert event["instrument"] == "placement" and event["amount"]["value"] == 255000000


def test_a_defined_short_name_found_on_its_own_too_stays_the_legal_names():
    """华溯控股集团有限公司（简称“华溯控股”）: the short name, also found by itself (headline, 华溯控股旗下), is the
    legal name's alias, so the issue told with each name is one event."""
    text = ("华汐控股发行15亿元中期票据\n华汐控股集团有限公司（简称“华汐控股”）8月26日披露，公司2025年度第三期中期票据"
            "已于8月25日发行完毕，实际发行金额15亿元。华汐控股旗下子公司华汐物流当日还获得建设银行20亿元综合授信。")
    events = nlp.extract(text, published="2025-08-27")["events"]
    assert sorted(e["company"]["name"] for e in events) == ["华汐控股", "华汐物流"]


def test_a_controlling_shareholders_defined_short_name_stays_apart_from_the_company():
    """控股股东杭州澜汐投资控股有限公司（以下简称“澜汐控股”）: the short name is the parent too, so it is no other name
    of 澜汐生物 (the same head), and it subscribes."""
    text = ("9月2日晚间，澜汐生物（300982）发布向特定对象发行A股股票预案。公司拟向包括控股股东杭州澜汐投资控股有限公司"
            "（以下简称“澜汐控股”）在内的不超过35名特定对象发行股票，募集资金总额不超过15亿元。其中，澜汐控股承诺以现金认购。")
    [event] = nlp.extract(text, published="2024-09-03")["events"]
    assert event["company"]["name"] == "澜汐生物"
    assert [i["name"] for i in event["investors"]] == ["澜汐控股"]


def test_the_sponsors_listed_after_the_listing_are_no_listing_companies():
    """联席保荐人为X及Y: every name of the list is an advisor, the first (after the cue) and the rest."""
    text = ("家居品牌星筑家居公布招股结果。按此计算，集资净额约4.2亿港元，股份将于明日在港交所主板挂牌，"
            "联席保荐人为中信里昂及招银国际。")
    names = {e["company"]["name"] for e in nlp.extract(text, published=PUBLISHED)["events"]}
    assert not names & {"中信里昂", "招银国际"}


def test_a_digest_s_numbered_heading_is_no_company():
    """1. 注册生效：A、B获同意注册 is a heading and its list; 1. 星驰视觉（机器视觉）：… is a company."""
    text = ("本周A股IPO动态\n1. 注册生效：星河半导体、澜舟电子获证监会同意注册。\n"
            "2. 上会结果：星禾智控首发获通过。")
    names = [e["company"]["name"] for e in nlp.extract(text, published=PUBLISHED)["events"]]
    assert sorted(names) == sorted(["星河半导体", "澜舟电子", "星禾智控"])


def test_a_round_told_before_the_money_it_raised_is_a_round_of_its_own():
    text = "星途科技完成A轮融资。2023年的种子轮，星途筹得230万美元，出手的是天使平台星峰天使。"
    rounds = {e["round"]["name"]: e for e in nlp.extract(text, published=PUBLISHED)["events"]}
    assert set(rounds) == {"A", "seed"}
    assert rounds["seed"]["amount"]["value"] == 2.3e6 and rounds["seed"]["date"]["start_date"].startswith("2023")


def test_a_broker_lending_ipo_margin_is_no_listing_company():
    text = ("星栢集团今起招股，集资最多约12亿港元。综合多家券商资料，星栢集团首日孖展认购约103亿元，"
            "较公开发售部分超购逾80倍，其中星立证券借出约45亿元。")
    names = {e["company"]["name"] for e in nlp.extract(text, published=PUBLISHED)["events"]}
    assert names == {"星栢集团"}


@pytest.mark.parametrize("text, company", [
    ("10月15日晚，工业视觉检测企业星石智造在港交所披露易刊发聆讯后资料集，正式通过主板上市聆讯。", "星石智造"),
    ("3月27日，A股上市公司星川股份（002781）发布公告，公司发行的全球存托凭证（GDR）已于当地时间3月26日在瑞士证券交易所"
     "挂牌交易，证券代码“HCGN”。", "星川股份"),
])
def test_words_of_the_step_are_no_company(text, company):
    """易刊发 (披露易 + 刊发), 全球存托凭证: what is published or listed, not who."""
    assert {e["company"]["name"] for e in nlp.extract(text, published=PUBLISHED)["events"]} == {company}


def test_a_research_firm_cited_is_not_what_the_company_pronoun_means():
    """按弗若斯特沙利文的数据，公司…: the firm is a source; 公司 in the next sentence is the listing company."""
    text = ("10月15日晚，工业视觉检测企业星石智造正式通过主板上市聆讯。按弗若斯特沙利文的数据，公司在国内市场的份额约为"
            "6.8%，排名第三。公司2023年完成的C轮融资金额为4.5亿元，由小米长江产业基金领投。")
    funding = [e for e in nlp.extract(text, published=PUBLISHED)["events"] if e["type"] == "funding"]
    assert [e["company"]["name"] for e in funding] == ["星石智造"]


def test_the_body_tells_the_headlines_deal_again():
    """A headline's stake (战略入股) and the body's first telling of it (认购新增注册资本, with the sum) are one
    round; the past round told after them is another."""
    text = ("澄远化学战略入股国产电子胶企业星澈材料\n2026年04月23日 09:12　来源：材料周刊\n"
            "国产电子胶企业星澈材料今日披露，澄远化学通过其全资子公司以约2.2亿元认购星澈材料新增注册资本，完成后持股10%。\n"
            "星澈材料此前于2023年完成B轮融资，由澜禾资本领投。")
    events = nlp.extract(text, published="2026-04-23")["events"]
    assert sorted((ev["company"]["name"], (ev["round"] or {}).get("name")) for ev in events) == [
        ("星澈材料", "B"), ("星澈材料", "strategic")]
    deal = next(ev for ev in events if ev["round"]["name"] == "strategic")
    assert deal["amount"]["value"] == 2.2e8


def test_a_headline_above_a_blank_line_is_told_again_by_the_body_but_not_by_a_round_of_an_earlier_year():
    """The headline's stake (中石化资本入股X) and the body's telling of it with its sum are one round, a blank line
    between them or not; a round of an earlier year told first in the body (2023年，公司曾获…) is no telling of a
    headline that names no date."""
    retold = ("岚石资本入股制氢设备商澄禾动力，双方还签了一份合作协议\n\n2025-03-25 16:40　来源：能源观察\n\n"
              "记者获悉，澄禾动力已于3月21日与岚石资本签署增资协议，后者以约1.5亿元认购公司新增股份，成为其第二大机构股东。")
    assert [(ev["company"]["name"], ev["amount"]["value"]) for ev in nlp.extract(retold, published="2025-03-25")["events"]] \
        == [("澄禾动力", 1.5e8)]
    earlier = ("澄泓控股入股溪岚生物\n\n【港澳财经】主板上市的澄泓控股昨晚公布，已与溪岚生物签订认购协议，入股后将派一名代表加入"
               "董事会。2023年，溪岚生物曾获岚山创投基金800万港元种子轮投资。")
    events = nlp.extract(earlier, published="2025-09-17")["events"]
    assert sorted([i["name"] for i in ev["investors"]] for ev in events if ev["company"]["name"] == "溪岚生物") == [
        ["岚山创投基金"], ["澄泓控股"]]


def test_the_total_told_right_after_the_round_is_that_rounds_size_and_joins_the_headlines_round():
    """已完成C轮融资，融资总额超过1亿美元: no sum over rounds, so the body's round (with its investors) is the
    headline's."""
    text = "澄枢生物完成超1亿美元C轮融资\n澄枢生物已完成C轮融资，融资总额超过1亿美元，由岚山资本领投，澄湖创投跟投。"
    [ev] = nlp.extract(text, published="2025-09-23")["events"]
    assert not ev["cumulative"] and [i["name"] for i in ev["investors"]] == ["岚山资本", "澄湖创投"]


def test_an_interview_headed_with_the_guest_after_the_company_gives_the_guests_turns_to_that_company():
    """对话X张三：… (no title between company and guest): 张三's turns tell X's rounds, however far below."""
    text = ("对话澄蓝生物顾予宁：我们只做能量产的分子\n\n编者按：杭州澄蓝生物科技有限公司（澄蓝生物）今年5月刚完成B轮融资。"
            "以下为访谈整理，有删节。\n\n问：先说说这轮融资。\n\n顾予宁：B轮一共1.8亿元，岚石创业领投，澄湖资本跟投。")
    [ev] = nlp.extract(text, published="2025-06-01")["events"]
    assert ev["amount"]["value"] == 1.8e8 and [i["name"] for i in ev["lead_investors"]] == ["岚石创业"]


@pytest.mark.parametrize("text, company, amount", [
    ("对话澜屿储能陈洲：拿到B轮之后\n记者：这一轮是怎么落定的？\n陈洲（澜屿储能创始人兼CEO）：这一轮总共2亿元，"
     "星辰集团旗下的星辰资本领投，老股东澄湖创投继续加码。", "澜屿储能", 2e8),
    ("创业邦专访｜米澜智造CEO孔澄：先把产线建起来\n创业邦：今年的融资情况怎么样？\n孔澄：今年年初我们拿到了A轮，5000万元，"
     "澄湖创投领的投。\n创业邦：有上市打算吗？\n孔澄：三年内不考虑。", "米澜智造", 5e7),
])
def test_an_interview_guests_turns_speak_for_their_company(text, company, amount):
    """The guest named beside their company at the top (米澜智造CEO孔澄, 陈洲（澜屿储能创始人兼CEO）) tells the
    round in their turn; the interviewer's questions (…怎么样？, …吗？) tell nothing, and the parent of an
    investor is not the company."""
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert [(ev["type"], ev["company"]["name"], ev["amount"]["value"]) for ev in events] == [("funding", company, amount)]


def test_an_interview_s_answers_labelled_da_speak_for_the_company_of_the_leader_the_lede_names():
    """问：… / 答：… with the leader named by title in the lede (财务总监X接受专访): a round told in an answer that names no
    company is the lede's company's, not the cornerstone investor's named in the answer before it; a listing word in an
    answer (视乎首日表现) is talk and takes no step."""
    text = ("【新股专访】澄屿医疗财务总监：招股反应好过预期\n"
            "手术耗材商澄屿医疗（2719）今日起招股，预计12月10日在港交所主板挂牌，集资最多25.9亿港元。"
            "财务总监黎澄琳昨日接受本报专访。\n"
            "问：基石投资者有哪几家？\n答：有三家，泰康人寿、高毅资产和一家中东主权基金。\n"
            "问：上市前最近一次融资是什么时候？\n答：2023年的C轮，由启明创投领投，筹得人民币6亿元。\n"
            "问：有没有超额配股权？\n答：有，15%，由稳定价格操作人视乎首日表现决定是否行使。")
    events = nlp.extract(text, published="2025-12-02")["events"]
    assert sorted((ev["type"], ev["company"]["name"], ev.get("stage")) for ev in events) == [
        ("funding", "澄屿医疗", None), ("listing", "澄屿医疗", "subscription")]


def test_a_taiwan_title_is_no_name_and_the_round_its_holder_tells_is_the_page_s_company_s():
    """執行長X表示，2022年的種子輪是Y投的: 執行長 is a title, no company; the seed round is the one the page is about."""
    text = "液冷新創瀞澜科技日前完成新台幣2億元A輪募資，中華開發資本領投。執行長尤柏翰表示，2022年的種子輪是AppWorks投的。"
    assert _rounds_told(text, "2025-07-08") == [("瀞澜科技", "A", None, ["中华开发资本"]),
                                                 ("瀞澜科技", "seed", "2022-01-01", ["AppWorks"])]


def test_an_a_share_notice_s_numbered_points_are_about_the_issuer_its_head_names_by_short_name():
    """证券代码：X　证券简称：Y heads the notice: its numbered points, however many tell no deal word between the title
    and the sum (定价基准日…, 报价…), give Y's placement its sum, and the allottees' table its investors."""
    text = ("澜岭电子：向特定对象发行A股股票发行情况报告书（摘要）\n"
            "证券代码：603719　证券简称：澜岭电子　公告编号：2025-018\n\n一、发行概况\n"
            "（一）发行价格：定价基准日为发行期首日（2025年3月3日），发行底价16.50元/股。"
            "3月5日报价时段内共收到25份申购报价单，均为有效报价。最终确定发行价格为18.30元/股。\n"
            "（二）发行数量：40,000,000股。\n"
            "（三）募集资金：募集资金总额为人民币732,000,000.00元。\n"
            "二、获配明细\n序号｜发行对象名称｜获配股数（股）｜获配金额（元）\n"
            "1｜财通基金管理有限公司｜9,000,000｜164,700,000.00\n2｜诺德基金管理有限公司｜8,000,000｜146,400,000.00\n")
    [ev] = nlp.extract(text, published="2025-03-11")["events"]
    assert ev["company"]["name"] == "澜岭电子" and ev["amount"]["value"] == 7.32e8
    assert [i["name"] for i in ev["investors"]] == ["财通基金管理有限公司", "诺德基金管理有限公司"]


def test_a_rounds_table_s_rows_take_their_sums_from_the_header_s_unit_and_no_company_from_the_row_above():
    """公司｜轮次｜金额（万元）｜投资方: each row is its own company's round, its bare number a sum in the header's unit;
    a row whose company cell the rules cannot read as the whole name is no round of the company in the row above."""
    text = ("本周融资事件一览\n公司｜轮次｜金额（万元）｜投资方\n栖木科技｜A轮｜5000｜红杉中国\n"
            "岚图智造｜天使轮｜800｜奇绩创坛\n北辰医疗｜B轮｜未披露｜高瓴创投、启明创投")
    events = nlp.extract(text, published="2026-03-06")["events"]
    rounds = {(e["company"]["name"], e["round"]["name"]): e.get("amount") for e in events}
    assert rounds[("栖木科技", "A")]["value"] == 5e7 and rounds[("北辰医疗", "B")] is None
    assert ("栖木科技", "angel") not in rounds


def test_a_rounds_table_s_follow_on_column_names_investors_beside_the_lead_column():
    """领投方｜跟投方 columns: the lead cell's name leads, the follow-on cell's names invest too."""
    text = ("本周大额融资榜\n序号｜公司｜轮次｜融资额（亿元）｜领投方｜跟投方\n"
            "1｜蚨屿航空｜B+轮｜6.0｜深创投｜合肥产投、蔚来资本\n2｜雩屿科技｜A轮｜1.5｜中金资本｜—")
    events = {e["company"]["name"]: e for e in nlp.extract(text, published="2026-02-01")["events"]}
    first = events["蚨屿航空"]
    assert [i["name"] for i in first["investors"]] == ["深创投", "合肥产投", "蔚来资本"]
    assert [i["name"] for i in first["lead_investors"]] == ["深创投"] and first["amount"]["value"] == 6e8
    assert [i["name"] for i in events["雩屿科技"]["investors"]] == ["中金资本"]


def test_a_weekly_digest_s_item_header_gives_its_code_to_the_step_told_on_the_line_below():
    """2月10日（周二）｜X（SYUK） over 在纳斯达克资本市场挂牌…: the Latin code printed after the header's name is the
    ticker of the listing its item tells."""
    text = ("中概股赴美IPO周报\n▍上市\n2月10日（周二）｜熵澄科技（SYUA）\n在纳斯达克资本市场挂牌，发行价每股4美元，"
            "募资800万美元，首日收跌9.5%。")
    [event] = nlp.extract(text, published="2026-02-15")["events"]
    assert event["company"]["name"] == "熵澄科技" and event["ticker"] == "SYUA" and event["stage"] == "listed"


def test_a_dotted_chronicle_line_heads_no_item_of_its_own():
    """· 2019年　天使轮　X投资500万元 over · 2021年　A轮…: each dotted line is a round of the company in focus; the
    investor on the line above is no company of the lines below."""
    text = ("星屿智能完成3亿元B轮融资，蓝驰创投领投。\n▍融资历程\n· 2019年　天使轮　奇绩创坛投资500万元\n"
            "· 2021年　A轮　6000万元，经纬创投领投，险峰长青跟投\n· 2023年7月　A+轮　1.2亿元，国投创合独家投资")
    events = nlp.extract(text, published="2025-09-16")["events"]
    assert {e["company"]["name"] for e in events} == {"星屿智能"} and len(events) == 4


def test_a_subscription_calendar_s_price_column_gives_each_new_share_its_offer_price():
    """申购日｜简称｜申购代码｜发行价（元）｜板块: each row subscribes its new share, the bare number under 发行价（元） is
    its offer price per share (待定: none yet)."""
    text = ("本周打新日历\n申购日｜简称｜申购代码｜发行价（元）｜板块\n3月16日（周一）｜楝屿科技｜787611｜32.18｜科创板\n"
            "3月18日（周三）｜槭屿股份｜732726｜待定｜沪主板")
    events = {e["company"]["name"]: e for e in nlp.extract(text, published="2026-03-16")["events"]}
    assert events["楝屿科技"]["offer_price"]["value"] == 32.18 and events["楝屿科技"]["stage"] == "subscription"
    assert events["槭屿股份"].get("offer_price") is None


def test_an_allottees_table_names_each_product_s_manager_however_far_below_the_placement_s_sum():
    """序号｜发行对象｜… under a placement's figures, two prose sentences between: each row's allottee invests in the
    placement; a product (管理人-托管行-产品名) is its manager's, the custodian bank and the product's name invest nothing."""
    text = ("澜屿光电：向特定对象发行股票发行情况报告书（摘录）\n二、发行结果\n"
            "本次发行价格为27.35元/股，募集资金总额为879,999,979.70元。截至2025年10月22日，获配对象认购资金已全部到账。\n"
            "三、发行对象及获配情况\n本次发行最终配售对象共3个（以资产管理产品参与认购的，按产品列示）：\n"
            "序号｜发行对象｜获配股数（股）｜获配金额（元）\n"
            "1｜财通基金-光大银行-财通基金玉泉1号单一资产管理计划｜5,118,829｜139,999,973.15\n"
            "2｜华泰资产管理有限公司-华泰优选三号股票型养老金产品｜3,290,676｜89,999,988.60\n"
            "3｜中信证券股份有限公司｜3,656,307｜99,999,996.45\n")
    [ev] = nlp.extract(text, published="2025-10-29")["events"]
    assert [i["name"] for i in ev["investors"]] == ["财通基金", "华泰资产管理有限公司", "中信证券股份有限公司"]


def test_bookrunners_named_with_a_partner_between_them_and_their_role_take_no_listing_step():
    """X与Y & Z担任拟议发行的联席账簿管理人: X advises, though a long partner's name stands between it and 担任; the
    company's earlier step told after (公司此前…) is not X's."""
    text = (
            "澜邈科技公开提交拟议首次公开发行的F-1注册声明\n"
            "\n"
            "纽约2025年6月3日 /美通社/ -- 车载芯片设计商澜邈科技控股有限公司（“澜邈科技”或“公司”）今日宣布，已向美国证券交易委员会公开提交F-1表格注册声明，拟申请其美国存托股在纳斯达克全球市场上市，股票代码为“LMKJ”。\n"
            "\n"
            "拟发行的ADS数量及价格区间尚未确定。Northvale Securities与Harlow & Finch担任拟议发行的联席账簿管理人。\n"
            "\n"
            "公司此前已于2025年3月向SEC秘密提交注册声明草案。")
    events = nlp.extract(text, published="2025-06-04")["events"]
    assert {ev["company"]["name"] for ev in events} == {"澜邈科技"}


def test_a_commenter_s_handle_opening_a_reply_takes_no_step():
    """@老韭菜不割：过会≠注册… under a post: the commenter's handle is no company that passed the hearing."""
    text = ("$沅湾新材$ 昨天上会，结果出来了：创业板上市委审议会议结果公告，沅湾新材符合发行条件，就是过会了。\n"
            "评论（34）\n@老韭菜不割：过会≠注册，后面还有证监会那一关\n　└ 沅湾研究所 回复 @ROE信徒：观点不同\n")
    events = nlp.extract(text, published="2025-08-22")["events"]
    assert [(ev["company"]["name"], ev["stage"]) for ev in events] == [("沅湾新材", "hearing_passed")]


def test_in_a_notice_the_company_that_pays_for_a_part_of_a_round_is_its_issuer():
    """证券简称：X heads the notice; 公司以自有资金3,000万元参与Y的A+轮融资: 公司 is X, and X invests in Y's round."""
    text = ("证券代码：688353　证券简称：燊澜股份　公告编号：2025-039\n燊澜智能装备股份有限公司关于对外投资的公告\n"
            "公司以自有资金3,000万元参与深圳翎澜机器人有限公司A+轮融资。\n")
    [ev] = nlp.extract(text, published="2025-06-10")["events"]
    assert ev["company"]["name"] == "深圳翎澜机器人有限公司" and ev["round"]["name"] == "A+"
    assert [i["name"] for i in ev["investors"]] == ["燊澜股份"]


def test_an_answer_that_names_no_round_tells_the_round_the_question_asks_about():
    """36氪：A轮呢？ 张三：2021年，2000万元，X领投: the guest's answer is the A round the interviewer asked about."""
    text = ("对话澄川智造创始人邵澄：六年三轮\n工业控制器厂商澄川智造7月底完成B轮融资。我们请创始人邵澄聊了聊。\n"
            "36氪：A轮呢？\n邵澄：2021年，2000万元，梅花创投领投。\n36氪：为什么隔了四年？\n邵澄：中间我们靠利润活着。")
    rounds = rounds_of(text, "2025-08-05")
    assert rounds["A"]["amount"]["value"] == 2e7 and rounds["A"]["company"]["name"] == "澄川智造"


def test_a_bond_notice_s_underwriter_field_names_an_adviser_not_a_borrower():
    """主承销商｜X in a bond's field table: X underwrites the issue; it raises nothing of its own, even where the
    notice's next line tells that the issuer and the underwriter bought none of it."""
    text = ("鋆澜交通2025年度第一期超短期融资券发行情况公告\n实际发行总额｜8亿元\n主承销商｜中国光大银行股份有限公司\n"
            "本期超短期融资券发行过程中，发行人及其关联方未直接或间接认购；主承销商及其关联方未参与认购。")
    events = nlp.extract(text, published="2025-04-16")["events"]
    assert [(ev["company"]["name"], ev["instrument"]) for ev in events] == [("鋆澜交通", "debt")]


def test_hearsay_in_a_post_denied_further_down_by_the_company_s_own_account_is_no_round():
    """#X融资# 网传X已完成10亿元C轮融资… then, past the post's counts and a rule, X（官方微博）：关于网络流传的“X完成C轮融资”
    等信息…均不属实: the topic tag tells nothing of its own, and the denial that names X, however far down, denies it."""
    text = ("车圈爆料君\n#翯澜汽车融资# 网传翯澜汽车已完成10亿元C轮融资，由菀澜资本领投，投后估值超百亿。"
            "据知情人士透露，这笔钱主要用于量产。真假自辨\n转发 512 ｜ 评论 233 ｜ 赞 1893\n—————\n"
            "翯澜汽车（官方微博）：\n关于近日网络流传的“翯澜汽车完成C轮融资”等信息，特此说明：上述消息均不属实，"
            "公司目前没有新一轮融资安排。\n请以官方渠道发布的信息为准。")
    assert nlp.extract(text, published="2025-10-09")["events"] == []


def test_a_roundtable_s_guests_each_speak_for_their_own_company():
    """A公司CEO张三、B公司创始人李四同台对话: each guest's turn tells their own company's round."""
    text = ("圆桌实录｜两位机器人创业者：从Demo到订单\n"
            "7月19日的论坛上，澄衡智能CEO祁澄、岚川科技创始人施澜同台对话，主持人为本刊主编。\n"
            "主持人：先讲讲公司最近的进展。\n"
            "祁澄：我们上个月刚完成A+轮，一共1.5亿元，蓝驰创投领的投。\n"
            "施澜：我们今年3月做完了一轮Pre-A，数千万元，是经纬创投投的。")
    events = nlp.extract(text, published="2025-07-22")["events"]
    assert sorted((ev["company"]["name"], ev["round"]["name"]) for ev in events) == [("岚川科技", "pre-A"), ("澄衡智能", "A+")]


def test_an_interview_guest_the_lede_names_by_title_only_speaks_for_the_lede_s_company():
    """X的工程师正在调试…。创始人张三此前… (the company named, the guest only by title, in the lede), then 张三：…: the
    guest's turns tell X's rounds, not an investor's; the interviewer's label is no company."""
    text = ("对话廖澄衡：一块控制器，我们磨了三年\n澄岚资讯 2025-06-18\n"
            "在苏州工业园区的一栋厂房里，苏州沃澜智控科技有限公司的工程师正在调试控制柜。创始人廖澄衡此前在一家自动化企业"
            "做了十一年研发。我们和他聊了聊。\n澄岚资讯：最早找钱难不难？\n廖澄衡：很难。前后见了四十多家机构。"
            "到2023年做A轮就顺一些了，岚石创投领投5000万元。\n澄岚资讯：团队现在多大？\n廖澄衡：两百人出头。")
    events = nlp.extract(text, published="2025-06-18")["events"]
    assert [(ev["company"]["name"], ev["amount"]["value"]) for ev in events] == [("苏州沃澜智控科技有限公司", 5e7)]


@pytest.mark.parametrize("sentence, company, stage", [
    ("周一上会的两家都过了：创业板的澄岭股份（计划募资11亿，保荐澄海证券）。", "澄岭股份", "hearing_passed"),
    ("周二深市主板受理了一家岚屿食品，计划募资6.5亿，估计要排很久。", "岚屿食品", "filed"),
    ("周四沪主板的杭澄股份撤回了，状态变终止，原计划募8亿。", "杭澄股份", "terminated"),
])
def test_a_forum_s_spoken_words_for_the_review_steps(sentence, company, stage):
    """上会的两家都过了, 受理了一家X, 状态变终止: a forum post or a flash tells the steps in spoken words."""
    text = "本周A股IPO小结\n作者：打新老澄　来源：雪球\n本周节奏还行，简单记一下：\n" + sentence
    events = nlp.extract(text, published="2025-11-22")["events"]
    assert [(ev["company"]["name"], ev["stage"]) for ev in events] == [(company, stage)]


def test_it_that_tells_a_round_is_the_company_in_focus_and_keeps_it_there():
    """8月12日，它对外宣布完成B轮融资: 它 (and its adverb 对外) is no name but the headline's company, and a clause
    that tells its round through 它 keeps it in focus for the earlier rounds told next (该公司…完成了三轮融资)."""
    text = ("澄翎航空一年拿下两轮融资\n这家成立于2021年的无人机物流公司，又拿钱了。\n"
            "8月12日，它对外宣布完成B轮融资，合肥产投领投。"
            "算上今年2月澄湖资本领投的近亿元A+轮，以及去年10月由昆仲资本领投的A轮，该公司在不到一年里完成了三轮融资。")
    rounds = rounds_of(text, "2025-08-14")
    assert {"B", "A+"} <= set(rounds) and {ev["company"]["name"] for ev in rounds.values()} == {"澄翎航空"}


@pytest.mark.parametrize("text, told", [
    ("如何看待澄云算力完成10亿元B轮融资？", True),  # asks what one thinks of the round: it tells it
    ("怎么评价澄云算力完成10亿元B轮融资？", True),
    ("澄云算力如何完成B轮融资？", False),  # asks how: tells nothing
    ("如果澄云算力完成B轮融资，将扩产。", False),
])
def test_a_question_page_that_asks_what_one_thinks_of_a_round_tells_it(text, told):
    events = nlp.extract(text, published="2025-08-14")["events"]
    assert [ev["company"]["name"] for ev in events] == (["澄云算力"] if told else [])


def test_an_interview_headline_names_the_guest_s_company_no_lexicon_knows():
    """对话X张三：… with 张三's turns below: X is the guest's company, a name no suffix rule knows (…机器人), and the
    rounds the guest tells are its own."""
    text = ("首页 > 创投\n对话澄渡机器人程澄：人形机器人进家庭，至少还要五年\n来源：澄岚资讯\n\n"
            "澄岚资讯：融资节奏怎么样？\n程澄：第一笔外部的钱是2023年9月进来的，岚驰创投投了我们的天使轮。"
            "今年年初做了A轮，高瓴创投领投，规模2亿多。\n澄岚资讯：会考虑上市吗？\n程澄：现在谈这个太早。")
    events = nlp.extract(text, published="2025-06-18")["events"]
    assert {ev["company"]["name"] for ev in events} == {"澄渡机器人"}
    assert {ev["round"]["name"] for ev in events} == {"angel", "A"}


def test_a_medium_that_learned_of_a_round_is_its_source_not_its_company():
    """36氪了解到，今年7月公司完成了…: the medium reports (as 36氪获悉 does); it raised nothing."""
    text = "36氪了解到，今年7月公司完成了1.2亿元A轮融资，由启明创投领投。"
    events = nlp.extract(text, published="2025-10-09")["events"]
    assert all(ev["company"]["name"] != "36氪" for ev in events)


@pytest.mark.parametrize("quote, company", [
    ("“我们2024年11月拿到的Pre-A轮，元禾控股投了数千万元。”澄岱医疗联合创始人陆明澄说。", "澄岱医疗"),
    ("“2024年11月拿到的Pre-A轮，元禾控股投了数千万元。”澄岱医疗联合创始人陆明澄说。", "瑞澄医疗"),  # no 我们
])
def test_a_quote_that_speaks_as_we_tells_the_round_of_the_speaker_s_company(quote, company):
    """“我们…拿到的Pre-A轮…”X联合创始人张三说: the speaker's company raised it, not the company the paragraph
    before was about."""
    text = "资本也在往园区走。今年3月，做骨科手术机器人的瑞澄医疗拿下1.5亿元B轮。\n" + quote
    rounds = rounds_of(text, "2025-06-01")
    assert rounds["pre-A"]["company"]["name"] == company


def test_a_whitespace_table_row_whose_sum_is_untold_is_a_round():
    """企业名称　融资轮次　融资金额　主要投资方 / X　A+轮　未披露　Y: the row tells X's round and its investor."""
    text = ("今年以来园区企业融资情况如下：\n企业名称　融资轮次　融资金额　主要投资方\n澄屹生物　Pre-A轮　5000万元　达晨财智\n"
            "钛澄精密　A+轮　未披露　小米产投\n管委会负责人介绍了下一步安排。")
    rounds = rounds_of(text, "2025-05-15")
    assert rounds["A+"]["company"]["name"] == "钛澄精密" and rounds["A+"]["amount"] is None
    assert [i["name"] for i in rounds["A+"]["investors"]] == ["小米产投"]


@pytest.mark.parametrize("text, issued", [
    ("澄峰控股(01872.HK)公布，公司就发行2028年到期、本金总额3亿美元的优先票据订立购买协议。", True),
    ("澄峰股份公告，公司拟发行股份购买澄湖科技100%股权，并与交易对方签订购买协议。", False),
])
def test_notes_told_by_their_purchase_agreement_are_issued(text, issued):
    """就发行…优先票据订立购买协议: a Hong Kong issuer's notes, sold to the banks; shares issued to buy a company
    raise no money, whatever agreement is signed."""
    events = nlp.extract(text, published="2025-10-10")["events"]
    assert [(ev["instrument"], ev["amount"]["value"]) for ev in events] == ([("debt", 3e8)] if issued else [])


def test_each_row_of_a_review_table_tells_its_company_s_step():
    """序号 | 企业简称 | 拟上市板块 | 审议日期 | 审议结果: each row's result cell is the step of its row's company, on the
    row's day (通过 passes, 未通过 ends the review, 暂缓审议 holds it)."""
    text = ("IPO审核周报：本周3家企业上会\n本周三大交易所上市委共审议3家企业的首发申请。上会情况见下表：\n"
            "序号 | 企业简称 | 拟上市板块 | 审议日期 | 审议结果 | 保荐机构\n"
            "1 | 澄岍光学 | 科创板 | 10月21日 | 通过 | 中信建投证券\n"
            "2 | 汀澄股份 | 创业板 | 10月22日 | 未通过 | 国金证券\n"
            "3 | 钜澄科技 | 北交所 | 10月23日 | 暂缓审议 | 开源证券\n（数据来源：交易所网站）")
    events = nlp.extract(text, published="2025-10-24")["events"]
    steps = {ev["company"]["name"]: (ev["stage"], ev["date"]["start_date"]) for ev in events}
    assert steps == {"澄岍光学": ("hearing_passed", "2025-10-21"), "汀澄股份": ("terminated", "2025-10-22"),
                     "钜澄科技": ("suspended", "2025-10-23")}


def test_a_notice_s_issuer_subscribes_to_the_round_its_target_tells_further_down():
    """(以下简称“X”或“标的公司”), 公司拟以自有资金…认购标的公司新增注册资本 under a notice's head: the target raises and
    the issuer pays its part; the signing day told between and the round told after are the same round, one event."""
    text = ("证券代码：688420　证券简称：澄栎科技　公告编号：2025-061\n\n澄栎科技股份有限公司关于对外投资的公告\n\n"
            "重要内容提示：\n● 投资标的名称：苏州澜晟微电子有限公司（以下简称“澜晟微电子”或“标的公司”）\n"
            "● 投资金额：公司拟以自有资金3,000万元认购标的公司新增注册资本120万元\n● 风险提示：标的公司产品尚处于验证阶段\n\n"
            "一、对外投资概述\n公司于2025年10月9日召开董事会，审议通过《关于对外投资的议案》，当日与标的公司及其现有股东"
            "签署了《增资协议》。澜晟微电子本次为A轮融资，融资总额人民币2亿元，深创投出任领投方。")
    [event] = nlp.extract(text, published="2025-10-10")["events"]
    assert (event["company"]["name"], event["round"]["name"], event["amount"]["value"]) == ("澜晟微电子", "A", 2e8)
    assert {i["name"] for i in event["investors"]} == {"澄栎科技", "深创投"}


def test_each_row_of_a_table_of_applications_takes_the_step_its_day_column_names():
    """公司｜板块｜保荐机构｜受理日: each row's company took that step on the row's day (its title tells none); the same
    rows under a column of no step's day (成立日) give none."""
    rows = "澪岙科技｜科创板｜中信证券｜14.60｜12月29日\n溁瀚材料｜创业板｜招商证券｜7.20｜12月30日\n"
    text = "两天新增2家IPO申请，基本信息如下：\n公司｜板块｜保荐机构｜拟募资（亿元）｜{}\n" + rows + "（数据截至12月30日）"
    steps = {ev["company"]["name"]: (ev["stage"], ev["date"]["start_date"])
             for ev in nlp.extract(text.format("受理日"), published="2025-12-31")["events"]}
    assert steps == {"澪岙科技": ("filed", "2025-12-29"), "溁瀚材料": ("filed", "2025-12-30")}
    assert nlp.extract(text.format("成立日"), published="2025-12-31")["events"] == []


def test_an_earlier_round_told_by_who_led_it_in_a_spoken_word_is_a_round():
    """去年3月那轮2亿元的B轮，正是X领的投: the company's earlier round, X its lead (no company of its own)."""
    text = "澄野户外宣布完成5亿元C轮融资。去年3月那轮2亿元的B轮，正是黑蚁资本领的投。"
    rounds = rounds_of(text, "2025-03-27")
    assert rounds["B"]["company"]["name"] == "澄野户外" and rounds["B"]["amount"]["value"] == 2e8
    assert [i["name"] for i in rounds["B"]["lead_investors"]] == ["黑蚁资本"]


@pytest.mark.parametrize("again, events", [
    ("其中，晶澄能源今年3月完成的B轮是上半年唯一超过新台币10亿元的案子。", 1),  # within the bound: the same round
    ("其中，晶澄能源今年3月完成的B轮融资金额超过新台币15亿元。", 2),  # beyond it: two tellings that disagree
])
def test_a_round_told_again_with_a_bound_its_sum_keeps_is_the_same_round(again, events):
    """…B 轮｜新台幣 12 億元 … 唯一超过新台币10亿元的案子: a sum told only as a bound the first figure lies within
    tells the same round again."""
    text = "上半年台湾新创募资前五名如下：\n晶澄能源完成新台币12亿元B轮募资，由国发基金领投。\n" + again
    found = [ev for ev in nlp.extract(text, published="2025-07-02")["events"] if ev["company"]["name"] == "晶澄能源"]
    assert len(found) == events and found[0]["amount"]["value"] == 1.2e9


def test_a_placement_s_price_is_no_listing_and_an_over_allotment_option_no_placement():
    """公司拟向控股股东X发行A股股票，发行价格为10.36元/股: the placement's price, no listing step; an IPO's
    超额配股权 is no 配股, so the IPO's pricing stays a listing."""
    text = ("晨澄股份拟向控股股东定增募资不超过5亿元\n"
            "晨澄股份（603357）公告称，公司拟向控股股东杭州晨澄控股集团有限公司发行A股股票，发行价格为10.36元/股，"
            "募集资金总额不超过5亿元。")
    events = nlp.extract(text, published="2025-02-27")["events"]
    assert [(ev["type"], ev.get("instrument")) for ev in events] == [("funding", "placement")]
    text = ("总部位于杭州的医美连锁禾澄医美（HXMB）周三晚以每股4美元定价，发行200万股普通股，集资800万美元；"
            "若包销商全数行使超额配股权，集资额将增至920万美元。该股周四起在纳斯达克资本市场买卖。")
    events = nlp.extract(text, published="2025-12-05")["events"]
    assert [(ev["type"], ev["company"]["name"]) for ev in events] == [("listing", "禾澄医美")]


def test_a_round_up_items_sector_label_is_no_company():
    """1. 智算芯片：星芯科技官宣…: the label before the colon says the sector, the company follows it."""
    text = "融资周报\n1. 智算芯片：星芯科技10月9日官宣近5亿元B+轮融资，澄湖创投领投。\n2. 澜禾生物：10月10日完成1.2亿元A轮。"
    events = nlp.extract(text, published="2026-10-13")["events"]
    assert sorted(ev["company"]["name"] for ev in events) == ["星芯科技", "澜禾生物"]


def test_a_round_told_with_when_it_was_done_is_the_earlier_round():
    """禾润生技上一轮A轮在2022年完成: the earlier round beside today's, with its own sum and year."""
    text = "禾润生技今日宣布完成B轮募资新台币9.6亿元。禾润生技上一轮A轮在2022年完成，金额新台币3亿元。"
    rounds = rounds_of(text, "2025-04-08")
    assert set(rounds) == {"A", "B"} and rounds["A"]["amount"]["value"] == 3e8
    assert rounds["A"]["date"]["start_date"].startswith("2022")


@pytest.mark.parametrize("period, day", [
    ("10月9日（周五），", "2026-10-09"),
    ("昨日（10月12日）", "2026-10-12"),
    ("最近一周(10月6日-10月12日)，", None),  # a week: the item's own day is not told
    ("上周，", None),
])
def test_a_round_ups_items_happened_on_the_day_its_opening_counts(period, day):
    """X日，有3家公司…: each item that tells no date of its own gets the opening's day; the opening is the
    first sentences below the breadcrumb and the byline."""
    text = ("首页 > 新股 > 港股\n港股新股动态\n来源：澄江财经　作者：林澜　2026-10-13 08:05\n"
            f"据港交所披露，{period}有3家公司上市或通过聆讯。\n"
            "星美医疗科技正式上市，首日破发。\n澄牛智能完成招股，预计于10月16日在港交所挂牌上市。\n星平线通过聆讯。")
    events = nlp.extract(text, published="2026-10-13")["events"]
    dates = {ev["company"]["name"]: (ev["date"] or {}).get("start_date") for ev in events}
    assert dates["星美医疗科技"] == dates["星平线"] == day


def test_a_heading_s_bullet_and_description_are_no_part_of_the_company_s_name():
    """▍星澜生物…, 抗体新药澜沛生技…: the heading's event is the body's, one event each, under the body's name;
    X宣布获得Y战略投资: X receives the money."""
    text = ("创投周报\n\n▍星澜生物B轮融资2亿元：澄湖资本领投。\n\n"
            "▍锐澜航天获松涧创投战略投资：5月27日，火箭发动机企业锐澜航天宣布获得松涧创投战略投资。\n\n"
            "抗体新药澜沛生技完成C轮募资3亿元\n抗体药物开发商澜沛生技今日宣布完成C轮募资3亿元。")
    events = nlp.extract(text, published="2025-05-30")["events"]
    assert sorted(ev["company"]["name"] for ev in events) == ["星澜生物", "澜沛生技", "锐澜航天"]
    investors = {ev["company"]["name"]: [i["name"] for i in ev["investors"]] for ev in events}
    assert investors["锐澜航天"] == ["松涧创投"]


def test_an_earlier_round_told_with_its_investor_and_sum_before_its_name():
    """继2023年获得X新台币5,000万元天使轮后: 获得 … 天使轮 with an investor and a sum between is a round."""
    text = "星医云完成3亿元A轮。星医云创办人陈冠廷表示，这是公司继2023年获得澜基创投新台币5,000万元天使轮后的第二次募资。"
    rounds = rounds_of(text, "2025-07-15")
    assert set(rounds) == {"A", "angel"}
    assert rounds["angel"]["amount"]["value"] == 5e7 and [i["name"] for i in rounds["angel"]["investors"]] == ["澜基创投"]


def test_a_board_that_approves_investments_invests_in_the_rounds_it_joins():
    """X董事会通过两笔策略性投资，…参与「Y」B轮: X invests (the board decides); Y, named before its round, raises."""
    text = ("星翔电(2417)昨日董事会通过两笔策略性投资，将分别以新台币1.5亿元及新台币8,000万元，"
            "参与氮化镓新创「镓澜科技」B轮与储能软体新创「储澜云」A轮募资。")
    events = {ev["company"]["name"]: ev for ev in nlp.extract(text, published="2025-10-30")["events"]}
    assert "星翔电" not in events
    assert events["镓澜科技"]["round"]["name"] == "B"
    assert [i["name"] for i in events["镓澜科技"]["investors"]] == ["星翔电"]


def test_each_bullet_line_of_a_company_card_is_a_round_of_its_company():
    """【企业名片】X … ▍融资历程 · 2023年 A轮 近2亿元 领投：Y: a middle dot opens a bullet line, which keeps
    the card's company."""
    text = ("【企业名片】澜川储能\n\n所属行业：新型储能　｜　成立时间：2019年　｜　总部：江苏常州\n"
            "核心产品：工商业液冷储能柜、储能变流器\n创始人：邵景川（曾任某光伏企业储能事业部总经理）\n\n▍融资历程\n"
            "· 2021年　Pre-A轮　2000万元　投资方：澄州产投\n· 2023年　A轮　近2亿元　领投：星金资本；跟投：澄州产投\n"
            "· 2024年　B轮　超5亿元　投资方：星投创合、星金资本\n\n▍最新动态\n"
            "澜川储能再融一轮。据了解，公司近日完成新一轮数亿元融资（B+轮），新进投资方为深创投。")
    events = nlp.extract(text, published="2025-06-01")["events"]
    assert sorted(ev["round"]["name"] for ev in events) == ["A", "B", "B+", "pre-A"]
    assert {ev["company"]["name"] for ev in events} == {"澜川储能"}


def test_a_company_database_cited_is_a_source():
    """企查查信息显示，…: the database the reporter cites is no company raising money."""
    text = "企查查信息显示，澄光电池7月7日新进一名股东澜驰资本。公司方面确认，此次变更对应其C轮融资，融资金额为6亿元，澜驰资本领投。"
    assert "企查查" not in {ev["company"]["name"] for ev in nlp.extract(text, published="2025-07-08")["events"]}


def test_a_segment_opening_on_the_company_pronoun_is_about_the_company_in_focus():
    """2023年，公司拿到…天使投资，…在小红书上卖断了货: 公司 is the company in focus, not the name after it."""
    text = ("野栎的运营主体为上海野栎户外用品有限公司，2022年由苏棣创立。2023年，公司拿到一位连续创业者的300万元天使投资，"
            "第一批帐篷在小红书上卖断了货。2025年2月，野栎完成数千万元A轮融资，黑蚁资本独家投资。")
    events = nlp.extract(text, published="2025-06-01")["events"]
    assert {ev["company"]["name"] for ev in events} == {"野栎"}
    assert len(events) == 2


def test_an_investor_s_two_decisions_in_one_sentence_are_two_events():
    """拟对X增资5亿元，对Y投资2亿元: each company after 对 raises its own sum; a part is never more than a named
    round, so X's 3亿元 C轮 stays another event."""
    text = ("澜江产业基金19日披露，其投资决策委员会已审议通过两项投资议案：拟对星锋数控增资5亿元，对澄驰精工投资2亿元。"
            "今年4月，星锋数控完成由深创投领投的3亿元C轮。")
    events = nlp.extract(text, published="2025-11-20")["events"]
    amounts = {(ev["company"]["name"], ev["amount"]["value"]) for ev in events}
    assert len(events) == 3 and amounts == {("澄驰精工", 2e8), ("星锋数控", 3e8), ("星锋数控", 5e8)}


@pytest.mark.parametrize("text", [
    # the headline's investor pays part of the round the body tells
    "地方国资出手硅光赛道：恒澜产投2亿元领投澜曜光子B轮\n8月27日，硅光芯片企业澜曜光子宣布完成5亿元B轮融资，恒澜产投领投，星科创投跟投。",
    # an investor's subscription beside the round's size
    "星河股份全资子公司星河创投以自有资金3,000万元认购澜测微电子新增注册资本。澜测微电子本轮融资总额5亿元，星科创投领投。",
    # a second investor's part, told after the round
    "澜衡智能宣布完成5亿元融资，星科创投领投。本轮融资中，元禾星点同时以2,000万元参与增资。",
])
def test_the_sum_one_investor_pays_is_part_of_the_round_told_beside_it(text):
    events = nlp.extract(text, published="2025-08-29")["events"]
    assert len(events) == 1 and events[0]["amount"]["value"] == 5e8


def test_a_round_s_total_is_no_cumulative_sum_and_a_subsidiary_s_sum_is_its_part():
    """子公司8000万元入股X (headline); …属于X B轮融资的一部分，该轮合计募资3亿元: one B round of 3亿元; the A round
    of 2024 told after it stays apart."""
    text = ("澜升股份：子公司8000万元入股氢澜能源\n澜升股份6月12日晚间发布公告，全资子公司澜升创投当日与氢澜能源签署增资协议，"
            "拟出资8,000万元认购氢澜能源新增注册资本。据公告，上述增资属于氢澜能源B轮融资的一部分，该轮合计募资3亿元，"
            "星投创业领投。氢澜能源2024年曾完成1.2亿元A轮融资，投资方为星科创星。")
    events = nlp.extract(text, published="2025-06-12")["events"]
    rounds = {ev["round"]["name"]: ev for ev in events}
    assert len(events) == 2 and set(rounds) == {"A", "B"}
    assert rounds["B"]["amount"]["value"] == 3e8 and not rounds["B"]["cumulative"]


@pytest.mark.parametrize("text, cumulative", [
    ("澄昶科技B轮合计募得新台币5亿元，其中澄毅创投出资2亿元并担任领投。", False),  # the B round's own total
    ("澄昶科技两轮合计募得新台币5亿元，其中澄毅创投出资2亿元并担任领投。", True),  # a sum over two rounds
])
def test_a_named_round_s_total_is_no_sum_over_rounds(text, cumulative):
    [ev] = nlp.extract(text, published="2025-09-04")["events"]
    assert ev["amount"]["value"] == 5e8 and ev["cumulative"] is cumulative


def test_a_company_listed_on_one_market_that_files_on_another_has_two_listings():
    """2020年登陆深交所主板 … 昨日向港交所递交H股上市申请: the A-share listing is history, the Hong Kong filing news."""
    text = ("A股上市的沛澜环境（002968）昨日公告，已向港交所递交H股上市申请，拟于主板挂牌。"
            "沛澜环境主要从事工业废水处理，2020年登陆深交所主板。")
    events = nlp.extract(text, published="2025-04-29")["events"]
    stages = {(ev["stage"], bool(ev.get("historical"))) for ev in events}
    assert len(events) == 2 and ("filed", False) in stages and ("listed", True) in stages


@pytest.mark.parametrize("text, companies", [
    # a list one of whose names ends in a suffix: the others are names of the same kind, in quotes or not
    ("本周新增递表企业2家，包括“唯禾咖啡”、星晟储能。", {"唯禾咖啡", "星晟储能"}),
    ("本周新增递表企业2家，包括“唯禾咖啡”、“星晟储能”（二次递表）。", {"唯禾咖啡", "星晟储能"}),
    # items made of dictionary words only are no names
    ("本周新增递表企业2家，包括星晟储能、光伏电站。", {"星晟储能"}),
])
def test_the_items_of_a_list_with_a_company_in_it_are_companies(text, companies):
    assert {ev["company"]["name"] for ev in nlp.extract(text, published="2025-12-18")["events"]} == companies


def test_the_sum_raised_to_date_told_beside_a_round_leaves_the_round_its_own_sum():
    """完成1.2億元Pre-A+輪募資，…累計募資金額達2億元: the round of the day, not a cumulative figure; the earlier
    rounds told after it are rounds of their own."""
    text = ("新創「沛澜智控」今（14）日宣布完成新台幣1.2億元Pre-A+輪募資，由中華開發資本領投，累計募資金額達新台幣2億元。"
            "回顧募資歷程，沛澜2023年獲之初創投獨家投資新台幣2,000萬元種子輪；2024年5月再完成新台幣6,000萬元Pre-A輪。")
    rounds = rounds_of(text, "2025-10-14")
    assert set(rounds) == {"pre-A+", "pre-A", "seed"}
    assert rounds["pre-A+"]["amount"]["value"] == 1.2e8 and not rounds["pre-A+"]["cumulative"]


def test_an_earlier_round_told_in_an_interview_is_a_round_of_its_own():
    """天使轮是2021年拿的，X给的第一笔钱: the guest's company took an earlier round from X."""
    text = ("对话极澜储能陈泊：拿到B轮之后\n记者：本月初这一轮是怎么落定的？\n"
            "陈泊（极澜储能创始人兼CEO）：这一轮总共2亿元，星道资本领投。天使轮是2021年拿的，奇澜创投给的第一笔钱。")
    rounds = rounds_of(text, "2025-03-18")
    assert set(rounds) == {"B", "angel"}
    assert [i["name"] for i in rounds["angel"]["investors"]] == ["奇澜创投"]


def test_an_interview_guest_tells_the_company_s_rounds_in_their_own_words():
    """对话X创始人林栩 (对话 is no part of the name); 是一轮1.8亿元的B轮, 天使轮是Y给的几百万元, A轮拿了5000万元，Z投的."""
    text = ("对话氪澜科技创始人林栩：电池回收的钱要花在看得见的地方\n\n问：先说说这轮融资？\n"
            "林栩：上个月刚交割，是一轮1.8亿元的B轮。达晨财智领投。\n\n问：前面几轮是怎么走过来的？\n"
            "林栩：2022年天使轮是奇绩创坛给的几百万元。2023年的A轮拿了5000万元，钟鼎资本投的。")
    rounds = rounds_of(text, "2025-10-14")
    assert set(rounds) == {"B", "A", "angel"}
    assert {ev["company"]["name"] for ev in rounds.values()} == {"氪澜科技"}
    assert [i["name"] for i in rounds["A"]["investors"]] == ["钟鼎资本"]
    assert [i["name"] for i in rounds["angel"]["investors"]] == ["奇绩创坛"]


# text, publication date, the stage each company takes: lists, digests and tables that tell several companies' steps
STAGES_TOLD_OF_SEVERAL = [
    # 上会：…，拟在创业板上市的A、B均获通过，拟登陆深市主板的C则被暂缓审议: a heading's step told over commas belongs to
    # the list at its end; A and B passed, C was put off
    ("上会：11月25日，深交所上市委审议了三家企业，拟在创业板上市的科澜检测、泽澜医疗均获通过，"
     "拟登陆深市主板的远澜建材则被暂缓审议。", "2025-12-01",
     {"科澜检测": "hearing_passed", "泽澜医疗": "hearing_passed", "远澜建材": "suspended"}),
    # a bare result column beside a board column gives each row its review result
    ("本周上会情况如下。\n日期｜企业｜板块｜结果\n6月17日｜苏州琮曜光电股份有限公司｜创业板｜通过\n"
     "6月18日｜杭州澈帆数控股份有限公司｜北交所｜通过\n", "2025-06-21",
     {"苏州琮曜光电股份有限公司": "hearing_passed", "杭州澈帆数控股份有限公司": "hearing_passed"}),
    # a sentence counting the new shares listed introduces the items under it
    ("先说本周上市的两只：\n- 周二 琨曜科技，创业板，发行价19.80，开盘就涨了230%；\n"
     "- 周四 澈晟精工，沪主板，发行价11.05，首日收在33.6。\n\n个人看法，仅供参考。", "2025-07-12",
     {"琨曜科技": "listed", "澈晟精工": "listed"}),
    # companies counted, then listed after the step's colon, each take the step
    ("本周3家企业上会获通过：澈岚精密、珂澜科技、琨桥股份。", PUBLISHED,
     dict.fromkeys(["澈岚精密", "珂澜科技", "琨桥股份"], "hearing_passed")),
    ("深交所上市委昨日审议的两家公司均获通过：琨桥股份、澈岚精密。", PUBLISHED,
     dict.fromkeys(["琨桥股份", "澈岚精密"], "hearing_passed")),
    # 1、2025.9.22（周一）沪主板 盛澜股份 / 申购代码732386…: a numbered item's line naming one company owns the line below
    ("【打新】下周新股申购汇总\n\n1、2025.9.22（周一）沪主板 盛澜股份\n申购代码732386，股票代码603386，发行价22.15元。\n\n"
     "2、2025.9.24（周三）北交所 禾溪农机\n申购代码920671，发行价8.66元。", "2025-09-21",
     {"盛澜股份": "subscription", "禾溪农机": "subscription"}),
    # a digest's section heading (▍新递表, 【递表】) names no one; each dashed or dotted item names its company before
    # the colon, whatever step its line tells (公开了F-1, 再次递表)
    ("IPO周览\n▍新递表\n· 沅岳教育：3月18日在SEC网站公开了F-1，目标纳斯达克。\n【递表】\n- 溟嵘科技：3月19日递表主板；\n"
     "- 溟峦乳业：3月20日再次递表主板，其首次申请已于去年8月失效；", "2026-03-21",
     {"沅岳教育": "filed", "溟嵘科技": "filed", "溟峦乳业": "filed"}),
    # a review status told with its day before the new status (审核状态于3月24日更新为“已问询”); the board that
    # welcomes a name with its code lists it
    ("▪ 科创板：瑷屹电子审核状态于3月24日更新为“已问询”，公司拟募资7.8亿元。\n■ 3月20日，科创板迎来嶙恒科技（688791）。",
     "2026-03-25", {"瑷屹电子": "filed", "嶙恒科技": "listed"}),
]


@pytest.mark.parametrize("text, published, expected", STAGES_TOLD_OF_SEVERAL)
def test_each_company_of_a_list_digest_or_table_takes_its_own_step(text, published, expected):
    assert stages_of(text, published) == expected


@pytest.mark.parametrize("text, company, investor", [
    ("上櫃光學元件廠澄采光電（6512）董事會昨（6）日通過，將以新台幣1.5億元參與矽光子新創旭澜科技的A輪增資，取得約9%股權。", "旭澜科技", "澄采光电"),
    ("康澜電子昨（6）日董事會通過，將以新台幣1.5億元參與碳化矽新創「碩澜半導體」A輪增資，取得約12%股權。", "硕澜半导体", "康澜电子"),
    ("其中，星碩科技將以新台幣3億元參與矽光子新創矽澜科技的現金增資，完成後持股約12%。", "矽澜科技", "星硕科技"),
])
def test_the_company_whose_capital_increase_an_investor_joins_raises(text, company, investor):
    """将以X元参与Y的(A轮)增资: an investor's announced decision (将以 like 拟以); Y raises, Y's 增资 makes Y no investor."""
    events = nlp.extract(text, published="2025-05-07")["events"]
    assert [ev["company"]["name"] for ev in events] == [company]
    assert investor in [i["name"] for i in events[0]["investors"]]


def test_a_company_s_rounds_told_one_by_one_in_a_profile():
    """X投下5,000万元天使轮, A轮规模拉高到2.8亿元, 刚完成的B轮: each is a round; the one who 投下 invests."""
    text = ("星禾科技成立于2019年，已三度对外募资。2021年，星华资本向星禾科技投下5,000万元天使轮；"
            "2023年，星禾科技的A轮规模拉高到2.8亿元，国发基金领投；今年初星禾科技刚完成的B轮，金额逾6亿元。")
    rounds = rounds_of(text, "2025-06-01")
    assert set(rounds) == {"angel", "A", "B"}
    assert [i["name"] for i in rounds["angel"]["investors"]] == ["星华资本"]


@pytest.mark.parametrize("tail", [
    "\n\n相关阅读：\n· 星澜科技完成3亿元B轮融资\n· 澄湖生物获高瓴创投领投A轮",
    "\n\n延伸閱讀 ►星澜科技完成新台幣3億元B輪募資\n分享到：Facebook LINE",
    "\n\n【往期回顾】\n7月25日：两家预制菜企业获战略投资\n7月24日：澄湖生物完成A轮融资",
    "\n▍往期回顾\n· 北交所观察｜上周2家过会，1家终止",
    "\n你可能还想看\n· 舣澄物流宣布完成D轮融资，估值超百亿\n· 2025年企业服务投融资年报",
])
def test_a_page_s_list_of_other_articles_tells_no_event(tail):
    text = "禾岫咖啡今日宣布完成1.5亿元A轮融资，黑蚁资本领投。" + tail
    events = nlp.extract(text, published="2025-07-28")["events"]
    assert [ev["company"]["name"] for ev in events] == ["禾岫咖啡"]


def test_a_rumoured_round_the_company_denies_is_no_event():
    """有自媒体称X已完成C轮融资 … X回应称：“该消息不实，公司目前并无新的融资交割。”"""
    text = ("星舰澜行否认完成20亿元C轮融资\n3月4日晚，有自媒体称，自动驾驶公司星舰澜行已完成20亿元C轮融资，由一家中东主权基金领投。"
            "对此，星舰澜行相关负责人今日上午回应称：“该消息不实，公司目前并无新的融资交割。”")
    assert nlp.extract(text, published="2025-03-05")["events"] == []


def test_a_seed_stage_told_before_the_money_put_in_is_a_round():
    """她透露，在种子阶段，X投了150万美元: the company in focus took a seed round from X."""
    text = ("冷链初创「冻澜科技」昨日宣布完成A轮融资，集资1,200万美元，由港投公司领投。\n"
            "冻澜科技创办人黄芷晴受访时指，新资金会用于东南亚扩张。她透露，在种子阶段，数码港投资创业基金投了150万美元。")
    rounds = rounds_of(text, "2025-03-05")
    assert set(rounds) == {"A", "seed"} and rounds["seed"]["amount"]["value"] == 1.5e6


def test_a_name_cut_short_of_both_trade_words_is_the_company():
    """曜澄电池材料 … 曜澄成立于2018年，2022年曾完成A轮: reporters drop both trade words (电池, 材料)."""
    text = ("正极材料厂曜澄电池材料今日宣布完成现金增资，募得新台币12亿元，电池模组厂鑫钰动能跟进。"
            "鑫钰动能同时与曜澄签订三年长约。曜澄成立于2018年，2022年曾完成新台币3.5亿元A轮募资。")
    events = nlp.extract(text, published="2025-07-16")["events"]
    assert sorted((ev["company"]["name"], (ev.get("round") or {}).get("name", "")) for ev in events) == [
        ("曜澄电池材料", ""), ("曜澄电池材料", "A")]


def test_an_a_share_ipo_s_strategic_placement_is_no_round():
    """其相关子公司X证券投资有限公司参与战略配售跟投: the sponsor's arm takes part of the IPO, as a cornerstone would."""
    text = ("珂川医疗此次发行价格为28.60元/股，公开发行4,000万股，预计募资总额11.44亿元。"
            "保荐人为澄海证券，其相关子公司澄海证券投资有限公司参与战略配售跟投。")
    events = nlp.extract(text, published="2025-07-03")["events"]
    assert [ev["type"] for ev in events if ev["type"] == "funding"] == []


def test_a_mainland_headline_s_chinext_is_the_shenzhen_board():
    """创业板新股首日大涨 … 在深交所创业板挂牌交易: mainland press says 新股首日 too; one listing, on ChiNext."""
    text = ("创业板新股首日大涨151%　蔚川电子收盘市值超百亿\n"
            "6月12日，深圳蔚川电子科技股份有限公司正式在深交所创业板挂牌交易，证券简称：蔚川电子，证券代码：301625。")
    events = nlp.extract(text, published="2025-06-12")["events"]
    assert [(ev["type"], ev["exchange"]["code"], ev["exchange"]["board"]) for ev in events] == [("listing", "SZSE", "ChiNext")]


@pytest.mark.parametrize("text,shares", [
    ("承销商表示，澄川控股将4.202亿股IPO价格定在每股3.70港元，募集15.5亿港元。", 420_200_000),
    ("星澜医疗今日起招股，国际配售1,800万股H股，招股价每股12港元。", 18_000_000),
])
def test_the_shares_an_ipo_offers_are_told_beside_ipo_or_placing(text, shares):
    """X股IPO价格定在…, 国际配售X股: the shares the offering sells, as 发行 / 发售 tell them."""
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert [ev["shares_offered"]["value"] for ev in events] == [shares]


def test_a_round_ups_items_numbered_with_a_bar_name_the_company_of_the_lines_under_them():
    """01｜X（sector） on a line of its own, the round on the next line without a name: the round is X's."""
    text = ("▍早期投资周报\n\n01｜澄芯微电子（模拟芯片）\n6月3日完成Pre-A轮融资，金额5,000万元，由元禾原点领投。\n\n"
            "02｜墨岚科技（AI工具）\n获得天使轮，数百万美元，投资方为奇绩创坛。\n\n"
            "03｜岚汐宠物（宠物医疗）\n６月５日宣布完成A轮，2亿元，黑蚁资本领投。")
    events = nlp.extract(text, published=PUBLISHED)["events"]
    rounds = {ev["company"]["name"]: ev["round"]["name"] for ev in events}
    assert rounds == {"澄芯微电子": "pre-A", "墨岚科技": "angel", "岚汐宠物": "A"}


def test_a_count_of_companies_before_a_colon_is_the_list_after_it_never_a_list_before():
    """共有两家公司递表：A…；B则…: the companies are the ones after the colon (A named by no rule here), never the
    two sponsors of the sentence before; 则 after B is no part of its name, nor is 特专科技 (a kind of company)."""
    text = ("栩禾健康通过聆讯，中信证券与高盛为联席保荐人。昨日共有两家公司递表：芯砺微根据18C章向港交所提交上市申请，"
            "属特专科技公司；茶饮品牌甬茶记则第二次向港交所主板递表。")
    companies = {ev["company"]["name"] for ev in nlp.extract(text, published=PUBLISHED)["events"]}
    assert "甬茶记" in companies
    assert not companies & {"中信证券", "高盛", "甬茶记则", "特专科技"}


def test_a_pages_title_under_its_breadcrumb_and_the_short_form_of_a_legal_name_told_later():
    """The title under 首页 > 金融 > 银行 tells the body's loan again (one event); 赣江锂业 is the short form of
    江西赣江锂业科技股份有限公司 (a place, 赣江, after the province), told as X全称Y, so no guess cutting across
    it (锂业新材料) takes the title's company."""
    text = ("首页 > 金融 > 银行\n\n28亿元银团贷款签约 助力赣江锂业新材料项目\n\n9月11日，赣江锂业新材料产业园项目银团贷款签约仪式"
            "在南昌举行。本次银团贷款总额28亿元，由中国建设银行江西省分行担任牵头行，九江银行作为参贷行。"
            "赣江锂业全称江西赣江锂业科技股份有限公司，是省属重点企业。")
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert [ev["company"]["name"] for ev in events] == ["赣江锂业"]
    assert {i["name"] for i in events[0]["investors"]} == {"中国建设银行江西省分行", "九江银行"}


@pytest.mark.parametrize("legal, short", [
    ("江西赣江锂业科技股份有限公司", "赣江锂业"),  # province, then a place that opens the name
    ("广东利元亨智能装备股份有限公司", "利元亨"),
    ("宁波大叶园林设备股份有限公司", "大叶股份"),
    ("浙江霁舟纺织机械股份有限公司", "霁舟纺机"),  # the brand and the initials of the words after it
])
def test_short_forms_of_a_legal_name(legal, short):
    from nlp.entities.names import _short_forms

    assert short in _short_forms(legal)


def test_a_headlines_joint_capital_increase_names_the_company_after_the_verb():
    """A与B共同增资X in the headline, X defined by its legal name in the body: X receives the money, never A."""
    text = ("岚禾股份与控股股东共同增资霁岑半导体 合计1.5亿元\n\n岚禾股份（603917）晚间公告，公司拟与控股股东岚禾集团共同向"
            "宁波霁岑半导体科技有限公司（简称“霁岑半导体”）增资1.5亿元。")
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert [(ev["company"]["name"], ev["amount"]["value"]) for ev in events] == [("霁岑半导体", 150_000_000)]


def test_a_bulleted_list_of_investors_completes_the_round_told_above_it():
    """本轮投资方一览： then one line per role (领投：, 跟投：, 老股东：): every line's investors join the round."""
    text = "帆岚科技完成1.5亿元B轮融资。\n\n本轮投资方一览：\n- 领投：源码资本\n- 跟投：云九资本、祥峰投资\n- 老股东：高榕创投（加仓）"
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert len(events) == 1
    assert [i["name"] for i in events[0]["investors"]] == ["源码资本", "云九资本", "祥峰投资", "高榕创投"]
    assert [i["name"] for i in events[0]["lead_investors"]] == ["源码资本"]


def test_an_allottee_list_keeps_a_latin_name_with_a_comma_and_a_person_after_it():
    """获配对象共4家：…、X Bank, National Association，以及自然人Y: the Latin name's comma ends neither the name nor the
    list, and the person at its end subscribes (no company of an event of its own)."""
    text = ("澄岚半导（688417）披露向特定对象发行股票上市公告书，募资总额约12亿元。\n\n获配对象共4家：中欧基金、广发基金、"
            "Brightwater Trust Bank, National Association，以及自然人何建明。")
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert [ev["company"]["name"] for ev in events] == ["澄岚半导"]
    investors = [i["name"] for i in events[0]["investors"]]
    assert investors[:2] == ["中欧基金", "广发基金"] and investors[-1] == "何建明" and len(investors) == 4
    assert investors[2].startswith("Brightwater Trust Bank")  # the part after the comma is no investor of its own


@pytest.mark.parametrize("table", [
    "| 获配对象 | 获配金额（万元） |\n| 澄海基金管理有限公司 | 31,620.00 |\n| Brightwater Capital AG | 18,500.00 |\n"
    "| 南京澄川创业投资合伙企业（有限合伙） | 14,000.00 |\n| 何建明 | 12,000.00 |",
    "认购对象｜认购金额（元）\n澄海基金管理有限公司｜316,200,000\nBrightwater Capital AG｜185,000,000\n"
    "南京澄川创业投资合伙企业（有限合伙）｜140,000,000\n何建明｜120,000,000",
])
def test_each_row_of_an_allottee_table_subscribes_to_the_placement_above(table):
    """获配对象｜获配金额 and a row per subscriber: each row names an investor of the placement told above it (a deal
    word inside a name, 创业投资, opens no event), and no row is an event of its own."""
    text = ("首页 > 公司 > 再融资\n澄岚新材定增落地\n"
            "澄岚新材（688417）昨晚披露向特定对象发行股票发行结果，募资总额约12.8亿元。\n\n从获配名单看，共有4名对象入围：\n"
            + table + "\n\n公司控股股东未参与认购。")
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert [ev["company"]["name"] for ev in events] == ["澄岚新材"]
    investors = [i["name"] for i in events[0]["investors"]]
    assert investors[0] == "澄海基金管理有限公司" and investors[-1] == "何建明" and len(investors) == 4
    assert investors[2].startswith("南京澄川创业投资合伙企业")


def test_the_allottees_counted_then_listed_and_a_latin_name_with_a_space_subscribe():
    """最终获配的6名对象分别是：A、B…以及自然人Y; 此外，Brightwater Capital AG、Z等也获得配售: both lists are the
    placement's investors; the Latin name keeps its second word."""
    text = ("澄宇新材（688473）11月20日晚间披露向特定对象发行A股股票发行情况报告书，募集资金总额5.99亿元。\n"
            "最终获配的3名对象分别是：澄海基金、岚山基金以及自然人姚启川。")
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert [i["name"] for i in events[0]["investors"]] == ["澄海基金", "岚山基金", "姚启川"]
    text = ("澄宇新材（688473）披露向特定对象发行A股股票发行情况报告书，募集资金总额5.99亿元。"
            "从获配名单看，澄海基金获配金额居前；此外，Brightwater Capital AG、岚山资本等也获得配售。")
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert [ev["company"]["name"] for ev in events] == ["澄宇新材"]
    assert [i["name"] for i in events[0]["investors"]] == ["澄海基金", "Brightwater Capital AG", "岚山资本"]


def test_a_clause_that_tells_the_deal_of_the_company_in_focus_by_pronoun_keeps_it_in_focus():
    """X披露…报告书。公告显示，公司本次以每股15.2元…募集资金总额约25亿元。保荐人为Z。从获配名单看，A、B获配金额居前:
    公司 with the deal's figures renews the focus, so the allottees two sentences below still join X's placement."""
    text = ("4月19日晚间，澄拓化工披露向特定对象发行A股股票发行情况报告书。公告显示，公司本次以每股15.20元的价格向16名特定对象"
            "发行1.65亿股，募集资金总额约25.08亿元。本次发行的保荐人（主承销商）为澄海证券。"
            "从获配名单看，岚山基金、澄湖基金获配金额居前，分别获配4.12亿元和3.38亿元。")
    events = nlp.extract(text, published="2024-04-19")["events"]
    assert [ev["company"]["name"] for ev in events] == ["澄拓化工"]
    assert [i["name"] for i in events[0]["investors"]] == ["岚山基金", "澄湖基金"]


def test_shares_an_ipo_allots_in_its_strategic_placement_fund_no_one():
    """战略配售方面，X的跟投子公司Y获配200万股: part of the IPO, as 网下投资者获配 is; no funding event."""
    text = ("9月26日，科创板的澄岚微电子（688795）挂牌。此次公司公开发行4,000万股，募资总额11.14亿元，保荐机构为澄海证券。"
            "战略配售方面，澄海证券的跟投子公司澄海证券投资有限公司获配200万股。")
    events = nlp.extract(text, published="2025-09-26")["events"]
    assert [ev["type"] for ev in events] == ["listing"]


def test_an_earlier_round_told_by_its_word_month_and_sum_is_a_round_of_its_own():
    """X的A轮在去年8月，金额8,000万元，由Y一家投出 (the short name, the round word, no verb of raising): the earlier round
    beside the new one, with its sum and its one investor."""
    text = "砾岚能源11月3日宣布完成近3亿元B轮融资。砾岚的A轮在去年8月，金额8,000万元，由IDG资本一家投出。"
    events = nlp.extract(text, published="2025-11-04")["events"]
    rounds = {ev["round"]["name"]: (ev["amount"]["value"], [i["name"] for i in ev["investors"]]) for ev in events}
    assert rounds == {"B": (300_000_000, []), "A": (80_000_000, ["IDG资本"])}


def test_a_person_named_by_a_title_is_no_company_where_another_mention_opens_a_round():
    """董事长纪承远…；纪承远表示，公司2023年完成…A轮: the company is the one the page is about, never the person."""
    text = ("开发眼科缓释剂型的新创昱澜生医今日宣布完成B轮募资，总额新台币6.5亿元。董事长纪承远指出，现行疗法需每月注射一次。"
            "纪承远表示，公司2023年完成新台币2亿元A轮，由富邦创投领投。")
    events = nlp.extract(text, published="2025-10-30")["events"]
    assert {ev["company"]["name"] for ev in events} == {"昱澜生医"}


def test_an_investors_round_told_as_a_noun_is_an_earlier_round():
    """X的数百万元种子轮投资，是这家公司拿到的第一笔钱: the seed round of the company in focus, X its investor."""
    text = "今年5月，柘岚新材完成近亿元A轮融资。2023年，中科创星的数百万元种子轮投资，是这家公司拿到的第一笔钱。"
    events = nlp.extract(text, published="2025-06-23")["events"]
    seed = [ev for ev in events if ev["round"] and ev["round"]["name"] == "seed"]
    assert len(events) == 2 and len(seed) == 1
    assert seed[0]["company"]["name"] == "柘岚新材" and [i["name"] for i in seed[0]["investors"]] == ["中科创星"]


def test_a_writers_verb_before_a_name_and_a_conjunction_after_it_are_no_part_of_it():
    """回看X的IPO之路 (the writer looks back), Y虽已在科创板上市 (though): X and Y, never 回看X or Y虽."""
    text = ("回看澜岫汽车电子的IPO之路：2022年12月，公司申请获受理；2023年6月，公司上会获通过。"
            "同行中，汉岫科技虽已在科创板上市，但今年上半年毛利率仅为14.2%。")
    companies = {ev["company"]["name"] for ev in nlp.extract(text, published="2025-08-20")["events"]}
    assert "澜岫汽车电子" in companies
    assert not any(name.startswith("回看") or name.endswith("虽") for name in companies)


def test_a_flattened_tables_investor_column_names_each_rows_investors():
    """公司｜领域｜轮次｜金额｜投资方 above rows: the investor cell of each row holds its investors, (领投) its lead;
    a row under a header with no investor column names none."""
    text = ("▍融资一览\n公司｜领域｜轮次｜金额｜投资方\n澜鲸科技｜AI应用｜天使轮｜2000万元｜青岩资本（领投）、松涧创投\n"
            "澈岚微电子｜光芯片｜Pre-A轮｜近亿元｜澄湖资本、岚峰创投\n栖岚机器人｜具身智能｜天使+轮｜数千万元｜峰屿资本（独家）\n"
            "▍本周观察\n早期项目估值明显分化。")
    events = {ev["company"]["name"]: ev for ev in nlp.extract(text, published=PUBLISHED)["events"]}
    # a row's first cell is its company, not a column label before a bar (36氪|…)
    assert set(events) == {"澜鲸科技", "澈岚微电子", "栖岚机器人"}
    assert [i["name"] for i in events["澜鲸科技"]["investors"]] == ["青岩资本", "松涧创投"]
    assert [i["name"] for i in events["澜鲸科技"]["lead_investors"]] == ["青岩资本"]
    assert [i["name"] for i in events["澈岚微电子"]["investors"]] == ["澄湖资本", "岚峰创投"]
    assert [i["name"] for i in events["栖岚机器人"]["investors"]] == ["峰屿资本"]


def test_a_bond_results_advisers_and_insiders_are_neither_issuer_nor_investors():
    """簿记管理人：X / 主承销商：X、Y lines name advisers, who issue nothing; 发行人董事、监事未参与认购 names people's
    roles, no investors."""
    text = ("澄江港航集团有限公司2025年度第二期中期票据发行情况公告\n计划发行总额：10亿元｜实际发行总额：8亿元\n"
            "簿记管理人：岚湖银行股份有限公司\n主承销商：岚湖银行股份有限公司、星澄银行股份有限公司\n"
            "本期中期票据发行过程中，发行人董事、监事、高级管理人员及其他关联方未参与认购。")
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert {ev["company"]["name"] for ev in events} == {"澄江港航集团有限公司"}
    assert not [i for ev in events for i in ev["investors"]]


def test_a_numbered_lists_item_line_tells_the_round_and_the_line_under_it_the_investors():
    """1. X　Pre-A 輪　新台幣 8,000 萬元 / 做…，A、B共同領投: the item's line names the company, its round and
    sum (a space between them); the line under it its investors."""
    text = ("本週新創募資整理\n\n1. 澄悅醫電　Pre-A 輪　新台幣 8,000 萬元\n   做居家監測貼片，青岩資本、岚峰創投共同領投\n\n"
            "2. 昇岚能源　A 輪　1,000 萬美元\n   電池儲能 EMS，澄湖資本領投，松澗創投跟投")
    events = {ev["company"]["name"]: ev for ev in nlp.extract(text, published=PUBLISHED)["events"]}
    assert {name: (ev["round"]["name"], ev["amount"]["value"]) for name, ev in events.items()} == {
        "澄悦医电": ("pre-A", 8e7), "升岚能源": ("A", 1e7)}
    assert [i["name"] for i in events["升岚能源"]["lead_investors"]] == ["澄湖资本"]


@pytest.mark.parametrize("text, company, rounds", [
    # 公司即拿到…: 即 ends no name; …的存算一体芯片已流片 (a clause with no deal) leaves the company in focus, so 公司
    # three sentences on is still that company
    ("澄矽微电子近日宣布完成2亿元A轮融资。澄矽微电子成立于2023年，总部位于上海。公司首颗面向端侧推理的存算一体芯片已于"
     "2024年9月流片成功，目前正与多家厂商联合调试。创始人曾在一家存储大厂任职十余年。成立当年，公司即拿到奇绩创坛、"
     "英诺天使基金数千万元天使轮投资。", "澄矽微电子", {"A": [], "angel": ["奇绩创坛", "英诺天使基金"]}),
    # its investor (这并非岚汐资本第一次押注这家公司) or a regulator (获得国家药监局批准) named between takes no place
    ("澄栩医疗完成超3亿元C轮融资，本轮由岚汐资本领投。该公司成立于2017年，核心产品今年1月获得国家药监局批准上市。"
     "创始人说，结构心赛道已经进入拼临床证据的阶段。医生培训仍是难点。\n\n这并非岚汐资本第一次押注这家公司。"
     "2022年11月，公司完成1.5亿元B轮融资，正是由岚汐资本领投。", "澄栩医疗", {"C": ["岚汐资本"], "B": ["岚汐资本"]}),
])
def test_the_company_in_focus_stays_so_until_another_company_is_named(text, company, rounds):
    """公司 far on in a feature stands for the company in focus: a weak guess in a clause with no deal, an investor
    or a regulator named between do not take its place."""
    found = rounds_of(text, PUBLISHED)
    assert {ev["company"]["name"] for ev in found.values()} == {company}
    assert {name: [i["name"] for i in ev["investors"]] for name, ev in found.items()} == rounds


def test_a_placements_price_told_in_its_own_paragraph_is_no_listing():
    """发行价格为…，不低于定价基准日前20个交易日…: the pricing rule of new shares a listed company issues; the
    paragraph names no company, and the price is the placement's, not an IPO's."""
    text = ("岱汀股份（002917）11月20日晚间公告，公司拟向特定对象发行A股股票，募集资金总额不超过6亿元。本次发行对象为"
            "公司控股股东岱汀集团，其将以现金方式全额认购。\n\n发行价格为8.20元/股，不低于定价基准日前20个交易日公司股票"
            "交易均价的80%；发行数量不超过7,300万股。")
    events = nlp.extract(text, published="2025-11-21")["events"]
    assert [(ev["type"], ev["company"]["name"], ev.get("instrument")) for ev in events] == [
        ("funding", "岱汀股份", "placement")]




def test_an_items_label_before_its_name_leaves_the_name_in_focus_for_the_lines_under_it():
    """【已定价】X（JLBO）\\n这家…公司上周五完成定价: the label is the item's, the name (a weak guess) heads the item."""
    text = ("美股IPO周历：两只中概股排队\n\n【已定价】岚澜生物（LLBO）\n这家做宠物诊断试剂的苏州公司上周五完成定价，以每股6美元"
            "发行150万股普通股，4月7日起在纳斯达克挂牌交易。\n\n【本周待定价】澄沐物流（CMLG）\n拟发行200万股普通股，价格区间"
            "4至5美元，计划登陆纳斯达克。")
    events = nlp.extract(text, published="2025-04-09")["events"]
    assert {ev["company"]["name"] for ev in events if ev["type"] == "listing"} == {"岚澜生物", "澄沐物流"}


@pytest.mark.parametrize("text, latest, earlier", [
    ("澄岭储能上月完成C轮融资。2021年，钟屿资本投了2亿元A轮，那一年钒价暴涨。", "C",
     {"A": (2e8, "钟屿资本", "2021")}),
    ("岚澈科技今年完成了B轮融资。天使轮是2019年，澄湖资本投了1,000万元；2020年底做A轮，松涧创投领投了6,000万元。", "B",
     {"angel": (1e7, "澄湖资本", "2019"), "A": (6e7, "松涧创投", "2020")}),
])
def test_an_earlier_round_told_by_who_put_the_money_in_is_a_round_of_its_own(text, latest, earlier):
    """X投了2亿元A轮, 天使轮是2019年，X投了1,000万元: the company's earlier rounds, each with its figure, investor and
    year."""
    rounds = rounds_of(text, PUBLISHED)
    assert set(rounds) == {latest, *earlier}
    for name, (amount, investor, year) in earlier.items():
        ev = rounds[name]
        assert ev["amount"]["value"] == amount
        assert [i["name"] for i in ev["investors"]] == [investor]
        assert ev["date"]["start_date"].startswith(year)


@pytest.mark.parametrize("middle", [
    "创始人此前在亚马逊做了六年推荐算法。它的融资节奏一直很快。",  # an employer; 它 goes on about the company
    "产品已接入独立站、亚马逊和TikTok后台，替卖家处理退换货。",  # customers' platforms in a list
])
def test_a_name_in_a_clause_that_tells_no_deal_and_stands_after_a_preposition_or_a_list_comma_takes_no_focus(middle):
    """The earlier round told after such a clause, with no name of its own, is still the company's in focus."""
    text = (f"去年12月底，深圳澄询科技完成了一轮1亿美元的C轮融资，领投的是云杉创投。{middle}"
            "2022年初的A轮由线性资本领投，金额2,000万美元。")
    rounds = rounds_of(text, "2025-01-09")
    assert set(rounds) == {"C", "A"}
    assert {ev["company"]["name"] for ev in rounds.values()} == {"深圳澄询科技"}
    assert [i["name"] for i in rounds["A"]["lead_investors"]] == ["线性资本"]


def test_an_interviewers_label_opening_the_turns_is_no_company():
    """晚点：…那轮融资 / 张宁：…: a medium that labels two turns or more asks; it raises nothing."""
    text = ("晚点对话｜「澄岚咖啡」张宁：县城门店的生意\n文｜晚点团队\n晚点：去年年底那轮融资，外界说谈了很久。\n"
            "张宁：最后是云杉创投领投，总共2亿多元，我们对外叫B轮。\n晚点：最早一笔钱是谁给的？\n"
            "张宁：2022年的天使轮，松涧创投投了500万元。")
    assert all(ev["company"]["name"] != "晚点" for ev in nlp.extract(text, published=PUBLISHED)["events"])


def test_a_review_meetings_items_told_under_check_mark_headers_take_their_stage_and_the_meetings_day():
    """✔ X（创业板） / 审议结果：同意其发行上市（首发） / 拟募资…: each item's result line under its header, the day
    the introduction tells."""
    text = ("8月21日，深交所上市审核委员会召开审议会议，三家企业上会。\n\n✔ 澄川科技（创业板）\n审议结果：同意其发行上市（首发）\n"
            "拟发行不超过2,580万股，拟募资6.9亿元；保荐机构：招商证券\n\n✔ 岚桥股份（深市主板）\n审议结果：同意其发行上市（首发）\n"
            "主营汽车热交换器，拟募资10.05亿元\n\n✘ 朔岚医疗（创业板）\n审议结果：不同意其发行上市（首发）\n"
            "上市委关注其经销模式下收入确认的准确性。")
    events = {ev["company"]["name"]: ev for ev in nlp.extract(text, published="2025-08-22")["events"]}
    assert {name: ev["stage"] for name, ev in events.items()} == {
        "澄川科技": "hearing_passed", "岚桥股份": "hearing_passed", "朔岚医疗": "terminated"}
    assert {ev["date"]["start_date"] for ev in events.values()} == {"2025-08-21"}


def test_a_timelines_date_lines_date_the_rounds_told_on_the_lines_below():
    """发展历程 / 2020年6月 / 获得X天使轮投资 / …: each date alone on its line dates the step below it; an old investor that
    继续追加 invests (it is no company of its own)."""
    text = ("澄汐智能　让每一台叉车都能自己干活\n\n发展历程\n\n2019年\n公司于上海张江成立\n\n2020年6月\n获得岚绩创坛天使轮投资\n\n"
            "2022年11月\n完成A轮融资1.5亿元，高岚创投领投，松纬创投继续追加\n\n2024年9月\n完成B轮融资，本轮金额4亿元，由澄屿资本领投")
    rounds = rounds_of(text, PUBLISHED)
    assert set(rounds) == {"angel", "A", "B"}
    assert {ev["company"]["name"] for ev in rounds.values()} == {"澄汐智能"}
    assert {name: ev["date"]["start_date"][:7] for name, ev in rounds.items()} == {
        "angel": "2020-06", "A": "2022-11", "B": "2024-09"}
    assert sorted(i["name"] for i in rounds["A"]["investors"]) == ["松纬创投", "高岚创投"]


def test_a_page_time_alone_on_its_line_dates_no_step_below():
    """2025-11-25 13:40 / 11月24日，X宣布完成A轮融资: the time the page came out is no timeline's date."""
    text = "来源：高工储能　作者：翟渝\n2025-11-25 13:40\n\n11月24日，储能温控方案商澄序科技宣布完成近亿元A轮融资。联想创投领投了这一轮。"
    assert rounds_of(text, "2025-11-25")["A"]["date"]["start_date"] == "2025-11-24"


@pytest.mark.parametrize("text, expected", [
    ("岚光医疗成立于2020年。公司先后获得元禾原点的种子轮（2020年）、礼来亚洲基金领投的A轮（2022年，1.5亿元），"
     "以及通和毓承和高特佳投资共同领投的B轮（2023年，3亿元）。",
     {"seed": ("元禾原点", "2020"), "A": ("礼来亚洲基金", "2022"), "B": ("通和毓承", "2023")}),
    ("星河智驾此前已完成两轮融资，分别为2021年由线性资本投资的数千万元天使轮和2022年由高瓴创投领投的1亿元A轮。",
     {"angel": ("线性资本", "2021"), "A": ("高瓴创投", "2022")}),
    ("成立三年来，星河智驾先后获得奇点资本的种子轮、云杉创投领投的天使轮以及红杉中国独家投资的A轮融资。",
     {"seed": ("奇点资本", None), "angel": ("云杉创投", None), "A": ("红杉中国", None)}),
])
def test_rounds_listed_in_one_segment_each_with_its_investors_are_one_event_each(text, expected):
    """X的种子轮（2020年）、Y领投的A轮（2022年，1.5亿元）: each round of the list keeps its own investors and date (先后
    and 两轮 count the list; they add up no rounds)."""
    rounds = rounds_of(text, "2025-10-01")
    assert set(rounds) == set(expected)
    for name, (investor, year) in expected.items():
        assert investor in [i["name"] for i in rounds[name]["investors"]]
        assert (rounds[name]["date"] or {}).get("start_date", "")[:4] == (year or "")


def test_rounds_listed_without_their_own_investors_stay_one_told_event():
    """获得A轮、A+轮融资 / 连续完成天使轮和A轮融资: no owner phrase (…的) before the later round, no list of rounds."""
    assert set(rounds_of("星河智驾获得A轮、A+轮融资，投资方为云杉创投。", PUBLISHED)) == {"A"}


def test_a_loans_total_is_the_facilitys_size_beside_a_note_issue_of_the_same_borrower():
    """签订总额35亿港元的银团贷款协议 … 同时宣布完成发行3亿美元优先票据: two debt events; 总额 sums no rounds."""
    text = ("澄峰控股今早公布，已与11家银行签订一项为期三年、总额35亿港元的银团贷款协议，星展银行为协调安排行。"
            "集团同时宣布，昨日已完成发行本金总额3亿美元、于2030年到期的优先票据。")
    events = nlp.extract(text, published="2025-07-22")["events"]
    assert sorted((ev["instrument"], ev["amount"]["value"]) for ev in events) == [("debt", 3e8), ("debt", 3.5e9)]


def test_it_stands_for_the_company_in_focus_and_the_name_after_a_receiving_verb_gave_the_round():
    """2023年，它拿到了X的天使轮投资: 它 is the company no other company was named after (a medium that reports, 36氪获悉,
    is none); X的天使轮 after 拿到 is the round X gave, not X's own."""
    text = ("36氪首发｜精品咖啡连锁「栗岚咖啡」完成数千万元A轮融资，黑蚁资本领投\n\n36氪获悉，一家主打社区精品咖啡的连锁品牌"
            "本月初敲定了一轮数千万元的A轮融资。该品牌2021年从杭州一家社区小店起步。目前共有门店146家，客单价约18元。"
            "2023年，它拿到了险峰长青的天使轮投资，此后一年内门店数扩到了100家以上。")
    rounds = rounds_of(text, "2025-03-18")
    assert set(rounds) == {"A", "angel"}
    assert {ev["company"]["name"] for ev in rounds.values()} == {"栗岚咖啡"}
    assert [i["name"] for i in rounds["angel"]["investors"]] == ["险峰长青"]


def test_a_related_search_line_names_no_party_of_the_event():
    """相关搜索：X 融资 | Y 投资企业: a page's related searches under the story are no investors of its round."""
    text = ("9月16日，苏州砚岚半导体材料有限公司发生工商变更，新增澄江资本为股东。\n"
            "相关搜索：砚岚半导体 融资 | 松涧资本 投资企业")
    events = nlp.extract(text, published="2025-09-18")["events"]
    assert [[i["name"] for i in ev["investors"]] for ev in events] == [["澄江资本"]]


def test_an_investors_part_announced_in_a_taiwan_filing_is_part_of_the_round():
    """X同日发布重大讯息指出，董事会通过以新台币1亿元认购Y特别股: X's part of Y's round told the day before, no event
    of its own."""
    text = ("国内新药开发公司昶岚生技昨天宣布完成新台币8亿元B轮募资，由富邦创投领投，上柜药厂永岚制药参与。"
            "永岚制药同日发布重大讯息指出，董事会通过以新台币1亿元认购昶岚生技特别股，取得约3.1%股权。")
    events = nlp.extract(text, published="2025-03-12")["events"]
    assert [(ev["company"]["name"], ev["amount"]["value"]) for ev in events] == [("昶岚生技", 8e8)]


def _views(text: str) -> list:
    from nlp import events
    from nlp.pipeline import Pipeline
    from nlp.document import Document

    ctx = Pipeline().analyse(Document("d", text, published=PUBLISHED)).context
    return events.analyse_clauses(ctx)


def test_a_round_called_strategic_investment_is_raised_by_the_name_before_it():
    """康岳医院完成战略投资3亿元融资: 战略投资 names the round here, so the name before it raised the money."""
    views = _views("医疗服务商康岳医院完成战略投资3亿元融资，投资方为星澜投资。")
    assert "康岳医院" not in {e.text for v in views for e in v.investors + v.leads}
    assert "星澜投资" in {e.text for v in views for e in v.investors}


@pytest.mark.parametrize("line", ["2025年09月22日 07:05　东方财富Choice数据", "东方财富Choice数据显示，本月新股平均中签率下降。"])
def test_a_data_terminal_named_after_its_vendor_is_a_source(line):
    assert "东方财富" in {e.text for v in _views(line + "\n琨桥股份今日开启申购。") for e in v.sources}


def test_a_joint_stock_companys_two_character_brand_is_cited_with_gufen():
    """宁波琨桥股份有限公司 -> 琨桥股份, found where a board word runs into it (沪主板琨桥股份)."""
    text = "今日1只新股申购：沪主板琨桥股份。资料显示，宁波琨桥股份有限公司主营汽车座椅调角器。"
    companies = [e["text"] for e in nlp.extract(text, published=PUBLISHED)["entities"] if e["label"] == "COMPANY"]
    assert "琨桥股份" in companies


def test_a_result_column_without_a_board_column_is_no_review():
    text = "日期｜项目｜结果\n6月17日｜苏州琮曜光电股份有限公司｜通过\n6月18日｜杭州澈帆数控股份有限公司｜通过\n"
    assert nlp.extract(text, published="2025-06-21")["events"] == []


def test_a_new_share_whose_subscription_closes_is_no_subscriber():
    """「琨桥物流」明日截止认购: the offer's subscription period ends; the name subscribes to nothing."""
    views = _views("另一只新股「琨桥物流」明日截止认购，孖展亦录得约2亿港元。")
    assert "琨桥物流" not in {e.text for v in views for e in v.investors}


@pytest.mark.parametrize("text, company, listing_date", [
    # a bare 挂牌 on a day set (预计…, 明日, 将于下周…), in a subscription or a pricing report
    ("澜晶能源股份有限公司今日起招股，招股價介乎每股12.5至14.2港元，預計11月28日掛牌。", "澜晶能源股份有限公司", "2025-11-28"),
    ("星航物流股份有限公司公布招股結果，最終定價每股8港元，明日掛牌。", "星航物流股份有限公司", "2025-11-21"),
    # 定于 is cut by the trigger's 于: the name keeps none of it
    ("星河科技股份有限公司定于12月3日在深交所创业板上市。", "星河科技股份有限公司", "2025-12-03"),
])
def test_the_day_a_listing_is_set_for(text, company, listing_date):
    [event] = nlp.extract(text, published="2025-11-20")["events"]
    assert event["company"]["name"] == company and event["listing_date"]["start_date"] == listing_date


def test_a_name_before_a_day_set_keeps_no_part_of_its_verb():
    [event] = nlp.extract("澜舟科技定于12月3日在深交所创业板上市。", published="2025-11-20")["events"]
    assert event["company"]["name"] == "澜舟科技"


def test_a_market_tables_row_header_with_its_code_owns_the_figures_below_it():
    """星河(1234) alone on a line, 招股價:0.60元 on the next: the row's offer price is that company's."""
    text = ("港股新股暗盤熱炒。\n今年新股暗盤與首日表現比較\n星瀚(1234)\n招股價:0.60元 暗盤價:1元(+67%) 首日收報:--\n"
            "澜帆(5678)\n招股價:4.98元 暗盤價:7.15元(+44%) 首日收報:7.02元(+41%)\n")
    prices = {ev["company"]["name"]: (ev["offer_price"] or {}).get("value")
              for ev in nlp.extract(text, published=PUBLISHED)["events"]}
    assert prices == {"星瀚": 0.6, "澜帆": 4.98}


@pytest.mark.parametrize("text, field, value", [
    # a label and its value parted by a colon only (招股价：3.20港元), as in a fact box
    ("星河科技（2345）今日起招股，招股价：3.20港元，一手中签率12%。", "offer_price", 3.2),
    ("星河科技今日起招股，发行价： 18.5港元。", "offer_price", 18.5),
    ("星河科技今日起招股，招股价3.20港元。", "offer_price", 3.2),
])
def test_a_listing_figure_after_its_label_and_a_colon(text, field, value):
    [event] = nlp.extract(text, published=PUBLISHED)["events"]
    assert event[field]["value"] == value


def test_a_count_of_rounds_after_the_rounds_told_sums_them_up():
    """…以及去年10月由X领投的A轮，该公司…完成了三轮融资: the count after the A round's segment makes it no total."""
    text = ("星岚航空8月12日宣布完成B轮融资，由合肥产投领投。算上今年2月澄湖资本领投的近亿元A+轮，"
            "以及去年10月由松涧资本领投的A轮，该公司在不到一年里完成了三轮融资。")
    rounds = rounds_of(text, "2025-08-14")
    assert {name: [p["name"] for p in ev["lead_investors"]] for name, ev in rounds.items()} == \
        {"B": ["合肥产投"], "A+": ["澄湖资本"], "A": ["松涧资本"]}
    assert rounds["A"]["date"]["start_date"] == "2024-10-01"


def test_the_outlet_a_founder_talks_to_is_not_the_company_in_focus():
    """他告诉36氪，公司…。36氪了解到，今年7月公司完成了…: 公司 is not the outlet told."""
    text = ("星瞳科技创始人韦栩此前在一家外资公司做了9年算法。他告诉36氪，公司把光学设计和缺陷模型打包成一套设备。"
            "36氪了解到，今年7月公司完成了1.2亿元A轮融资，由启明创投领投。")
    assert "36氪" not in [ev["company"]["name"] for ev in nlp.extract(text, published="2025-10-09")["events"]]


def test_what_a_company_does_before_its_name_is_no_company():
    """一个是做SiC驱动芯片的璞曜微电子: the product it makes, before 的 and its name, names no one."""
    text = "上半年我们签了两个项目。一个是做SiC驱动芯片的璞曜微电子，2025年4月交割，我们领投了它的B轮，整轮2.8亿元。"
    assert [ev["company"]["name"] for ev in nlp.extract(text, published="2025-09-01")["events"]] == ["璞曜微电子"]


@pytest.mark.parametrize("text", [
    # rounds listed after the count: each names its own round and sum
    "鹭汀量子近日连续完成两轮融资：A轮1.2亿元，星岩资本领投，合肥产投跟投；A+轮1.5亿元，由皖江引导基金独家投资。",
    # this time's total, then an earlier round told with an order of magnitude the total lies outside
    "公告显示，鹭汀量子此番融资总额为3亿元，投后估值约35亿元。鹭汀量子成立于2021年，2023年曾获星岩资本独家投资的数千万元A轮。",
])
def test_a_company_s_two_rounds_with_sums_of_their_own_stay_two(text):
    events = nlp.extract(text, published="2025-11-12")["events"]
    assert sorted((ev["amount"] or {}).get("text") for ev in events) in (["1.2亿元", "1.5亿元"], ["3亿元", "数千万元"])
    assert {ev["company"]["name"] for ev in events} == {"鹭汀量子"}


def test_a_round_told_with_an_order_of_magnitude_holds_the_exact_sum_within_it():
    """数亿元的B轮 … B轮3亿元: one round told twice."""
    text = "鹭汀量子宣布完成数亿元B轮融资。据悉，本轮融资金额为3亿元，由星岩资本领投。"
    [event] = nlp.extract(text, published="2025-11-12")["events"]
    assert event["amount"]["value"] == 3e8


def test_a_price_already_set_is_no_plan():
    """已将发行价定为12美元: 将 of the disposal form, not of the future."""
    text = "鹭汀医疗已将首次公开募股发行价定为每股12美元，位于区间中部。"
    [event] = nlp.extract(text, published="2025-11-12")["events"]
    assert event["stage"] == "priced"


def test_not_the_first_time_an_investor_puts_money_in_is_no_denial():
    """这已经不是X第一次投资Y：2024年1月的A轮，它就出资了8000万元: an earlier round, not a negation."""
    text = ("9月24日，砺衡微宣布B轮融资落定，金额2亿元，领投方是骁航产投。"
            "这已经不是骁航产投第一次投资砺衡微：2024年1月的A轮，它就出资了8000万元。")
    rounds = rounds_of(text, "2025-09-25")
    assert {name: ev["amount"]["value"] for name, ev in rounds.items()} == {"B": 2e8, "A": 8e7}
    assert [p["name"] for p in rounds["A"]["investors"]] == ["骁航产投"]


@pytest.mark.parametrize("text, earlier, investor, year", [
    ("澄穹科技近日完成超2亿元A+轮融资，由高榕创投领投；天使轮时就进来的奇绩创坛，这次又补了一笔。", "angel", "奇绩创坛", None),
    ("钛澄科技宣布完成5.6亿元A轮融资，国发基金领投。心元资本是在2023年的种子轮进场，当时的金额并未披露。",
     "seed", "心元资本", "2023"),
    ("钛澄科技宣布完成5.6亿元B轮融资，红杉中国则在A轮时就已入股。", "A", "红杉中国", None),
])
def test_an_investor_told_by_the_round_it_came_in_gives_that_earlier_round(text, earlier, investor, year):
    rounds = rounds_of(text, "2025-11-12")
    assert set(rounds) == {earlier, "A+" if earlier == "angel" else ("A" if earlier == "seed" else "B")}
    assert [p["name"] for p in rounds[earlier]["investors"]] == [investor]
    assert year is None or rounds[earlier]["date"]["start_date"].startswith(year)


@pytest.mark.parametrize("text", [
    "华岚新能源发行10亿元碳中和债。据不完全统计，5月以来交易所市场已发行科创债超过400亿元。",
    "蓝岚能源获得20亿元银团贷款。今年以来省内银团贷款明显放量，前11个月全省新发放银团贷款超过2600亿元。",
])
def test_a_market_s_sum_after_a_company_s_issue_is_no_second_issue(text):
    """据不完全统计…交易所市场已发行, 全省新发放…: a market statistic, not the company in focus's money."""
    [event] = nlp.extract(text, published="2025-11-12")["events"]
    assert event["amount"]["value"] in (1e9, 2e9)


@pytest.mark.parametrize("text, published, stage", [
    # a listing set for a day ahead, told with a step under way: the step under way
    ("澄翎医疗昨天中午已经截止认购，公司定于9月12日（周五）挂牌。", "2025-09-10", "subscription"),
    ("澄海物流发售价定为每股9.2港元，周五挂牌。", "2025-11-12", "priced"),
    ("鑫澜半导体通过聆讯，最快下周招股，9月26日挂牌。", "2025-09-10", "hearing_passed"),
    # told alone: the listing, dated ahead
    ("澄翎医疗定于9月12日在港交所挂牌。", "2025-09-10", "listed"),
    ("澄翎医疗将于9月12日在港交所挂牌。", "2025-09-10", "listed"),
    # a month told, no day: still a plan
    ("澄翎医疗计划于明年3月在港交所挂牌。", "2025-09-10", "planned"),
    # a step once taken yields to the one told now
    ("12月8日，深交所上市委审议会议结果显示，江西赣澄储运股份有限公司首发申请获通过。赣澄储运10月曾被暂缓审议，上市委要求其补充说明客户集中度。",
     "2025-12-09", "hearing_passed"),
    ("证监会同意嘉澄鲜食主板IPO注册申请。嘉澄鲜食曾于2017年向证监会报送IPO申请，后于2018年被发审委否决。", "2025-12-09", "registered"),
    # told alone, it is the company's step
    ("嘉澄鲜食曾于2017年向证监会报送IPO申请，后于2018年被发审委否决。", "2025-12-09", "terminated"),
    # an offer opening a week ahead yields to the hearing passed yesterday
    ("「星澄医疗」传下周招股 集资5亿美元\n\n消息指，手术机械人开发商「星澄医疗科技」已于昨日通过港交所上市聆讯，计划下周招股，"
     "集资约5亿美元，最快10月17日挂牌。", "2025-11-17", "hearing_passed"),
    # told alone, it is the offer
    ("星澄医疗下周招股，集资约5亿美元。", "2025-11-17", "subscription"),
    # a hearing last week that only describes the name is behind it: the offer opening tomorrow
    ("上周通过聆讯的琮汀新能源（02786）将于明日（18日）起招股，最快下月初上市。", "2025-11-17", "subscription"),
])
def test_a_step_set_ahead_or_once_taken_yields_to_the_step_of_now(text, published, stage):
    [event] = nlp.extract(text, published=published)["events"]
    assert event["stage"] == stage


def test_a_listing_set_ahead_keeps_its_day():
    [event] = nlp.extract("澄翎医疗定于9月12日在港交所挂牌。", published="2025-09-10")["events"]
    assert event["listing_date"]["start_date"] == "2025-09-12"


@pytest.mark.parametrize("text, old_exchange", [
    # 创业板上市公司X…把H股上市申请递到了港交所主板: its board describes the company; the filing is in Hong Kong
    ("创业板上市公司泓澄科技（300926）同日也把H股上市申请递到了港交所主板。泓澄科技2020年登陆深交所创业板，主营工业机器人减速器。",
     "SZSE"),
    # 遞交H股上市申請，擬在主板上市: Hong Kong's 主板, not the 上交所主板 the A shares listed on
    ("A股上市公司灃澄乳業亦遞交H股上市申請，擬在主板上市，獨家保薦人為摩根士丹利。灃澄乳業2019年已於上交所主板上市（603877.SH），主要生產低溫鮮奶。",
     "SSE"),
])
def test_a_listed_company_filing_in_hong_kong_is_a_filing_beside_its_old_listing(text, old_exchange):
    events = nlp.extract(text, published="2025-09-30")["events"]
    assert sorted((ev["stage"], ev["historical"], ev["exchange"]["code"]) for ev in events) == \
        [("filed", False, "HKEX"), ("listed", True, old_exchange)]


@pytest.mark.parametrize("text, new_exchange", [
    # 由北交所转板至科创板: the market it leaves is not the step's; its old listing there is history beside the step
    ("10月29日，上交所上市委审议通过了星芃电子由北交所转板至科创板上市的申请。星芃电子（北交所证券代码：832916）2022年在北交所上市。", "SSE"),
    ("昨日（10月29日），深交所上市委审议同意澄渠科技从北交所转板到创业板上市。澄渠科技2021年在北交所挂牌上市，主营储能温控。", "SZSE"),
])
def test_a_transfer_between_boards_is_a_step_on_the_new_board_beside_the_old_listing(text, new_exchange):
    events = nlp.extract(text, published="2025-10-30")["events"]
    assert sorted((ev["stage"], ev["historical"], ev["exchange"]["code"]) for ev in events) == \
        [("hearing_passed", False, new_exchange), ("listed", True, "BSE")]


def test_a_named_round_told_with_a_year_only_is_an_earlier_round_beside_a_deal_told_with_a_sum():
    """公司拟以3000万元认购X新增注册资本 … 2023年，Y参与了X的天使轮: two deals, not one named by the other."""
    text = ("星鑫股份9月15日晚间公告，公司拟以自有资金3000万元认购星珈电子新增注册资本。增资完成后，公司将取得星珈电子12%股权。"
            "本次增资前，2023年，中科创星以独家投资方身份参与了星珈电子的天使轮。")
    events = nlp.extract(text, published="2025-09-16")["events"]
    assert sorted((ev["date"]["start_date"], (ev["round"] or {}).get("name"), (ev["amount"] or {}).get("value"))
                  for ev in events) == [("2023-01-01", "angel", None), ("2025-09-15", None, 30000000)]


@pytest.mark.parametrize("text, company", [
    # a name with no suffix, described, then 此前已获得… (no pronoun: the segment goes on about it)
    ("禾宁杰瑞是一家生物制药企业，此前已获得A轮1亿美元、B轮约6000万美元的融资。", "禾宁杰瑞"),
    ("星宁生物先后获得A轮1亿美元和B轮6000万美元融资。", "星宁生物"),
])
def test_rounds_listed_each_with_its_own_sum_are_events_of_their_own(text, company):
    events = nlp.extract(text, published="2025-10-18")["events"]
    assert sorted((ev["company"]["name"], ev["round"]["name"], ev["amount"]["value"]) for ev in events) == \
        [(company, "A", 100000000), (company, "B", 60000000)]


def test_rounds_told_in_an_interviews_spoken_answers_are_the_guests_companys():
    """中科创星领的投, 峰瑞一家出的钱: spoken answers name who led and who paid; the round is the guest's company's."""
    text = ("对话松拓机器人蒋一衡：B轮的钱到了\n做巡检机器人的松拓机器人，是今年少数拿到大额融资的硬件公司。\n"
            "记者：这轮落地了没有？\n蒋一衡：落地了。是B轮，总额2.6亿元，中科创星领的投。\n"
            "记者：上一次融资是什么时候？\n蒋一衡：2023年11月，A轮，8000万元，峰瑞一家出的钱。")
    events = nlp.extract(text, published="2025-09-16")["events"]
    assert sorted((ev["company"]["name"], ev["round"]["name"], [i["name"] for i in ev["lead_investors"]],
                   [i["name"] for i in ev["investors"]]) for ev in events) == [
        ("松拓机器人", "A", [], ["峰瑞"]), ("松拓机器人", "B", ["中科创星"], ["中科创星"])]


def test_a_mediums_byline_brings_no_company_into_focus():
    """36氪　文｜X: the byline names the medium; the 公司 after it is the headline's company, not 36氪."""
    text = ("「星音AI」完成数亿元B轮融资，晨道资本领投\n36氪　文｜茅雪　编辑｜苏见川\n\n"
            "36氪获悉，公司近日完成了新一轮融资——数亿元人民币的B轮，本轮由晨道资本领投，源码资本跟投。")
    events = nlp.extract(text, published="2025-09-10")["events"]
    assert [(ev["company"]["name"], ev["round"]["name"]) for ev in events] == [("星音AI", "B")]


def test_a_sum_told_right_after_a_round_done_is_that_rounds_size_not_a_total():
    """A轮募资已经完成，总额新台币2.2亿元: the body's round, told again after the headline, keeps its own followers,
    day and valuation (a total over rounds would have been dropped beside the headline's round)."""
    text = ("星硯科技 A 輪募得新台幣 2.2 億元，中華開發資本領投\n"
            "星硯科技今（16）日宣布，A 輪募資已經完成，總額新台幣 2.2 億元，中華開發資本擔任領投，富邦創投與玉山創投跟進，"
            "據了解投後估值約新台幣 12 億元。")
    [event] = nlp.extract(text, published="2025-09-16")["events"]
    assert sorted(i["name"] for i in event["investors"]) == ["中华开发资本", "富邦创投", "玉山创投"]
    assert event["date"]["start_date"] == "2025-09-16" and event["valuation"]["value"] == 1200000000


def test_a_headline_date_dates_only_its_own_statement_and_a_finer_body_date_wins():
    """澄屿智能再度递表港交所 去年B轮…: the headline's blank parts two statements, so 去年 dates the round, not the
    filing (the body's 6月30日 does); the body's 2024年3月 lies inside 去年 and is the round's finer date."""
    text = ("澄屿智能再度递表港交所 去年B轮估值超10亿美元\n据港交所披露，AI视频公司澄屿智能已于6月30日在港交所主板递表。\n"
            "2024年3月，澄屿智能的B轮拿到1.5亿美元，岚湖资本领投。")
    events = {ev["type"]: ev for ev in nlp.extract(text, published="2025-07-01")["events"]}
    assert events["listing"]["date"]["start_date"] == "2025-06-30"
    assert events["funding"]["date"]["start_date"] == "2024-03-01" and events["funding"]["date"]["granularity"] == "month"


def test_investment_firms_named_as_holders_do_not_take_the_focus():
    """星瓴创投和澄创投分别持股…: a clause that tells no deal brings no investment firm into focus, so the rounds the
    filing lists after it stay the applicant's."""
    text = ("9月26日，深交所创业板受理了杭州澄禾医疗科技股份有限公司（简称“澄禾医疗”）的首发申请。本次发行前，董事长谢知远"
            "合计控制公司约38%的表决权，星瓴创投和澄创投分别持股9.6%和7.2%。招股书披露的历次融资如下：2020年的A轮由澄创投"
            "领投，金额5000万元；2022年3月，星瓴创投领投3亿元B轮。")
    events = nlp.extract(text, published="2025-09-30")["events"]
    rounds = {ev["round"]["name"]: ev for ev in events if ev["type"] == "funding"}
    assert set(rounds) == {"A", "B"} and {ev["company"]["name"] for ev in events} == {"澄禾医疗"}
    assert [i["name"] for i in rounds["A"]["lead_investors"]] == ["澄创投"]


def test_a_headline_s_sum_after_斥资_is_the_investor_s_part_of_the_round_the_body_sizes():
    """X策略投资Y 斥资新台币2亿元: 斥资 says what the investor spends; the round is one, sized in the body."""
    text = ("澄旸电子策略投资AI芯片新创Vectora 斥资新台币2亿元\n澄旸电子今日经董事会决议，将投入新台币2亿元参与美国AI芯片新创"
            "Vectora Inc.的B轮增资。Vectora本轮合计募得8,000万美元，由星澜创投领投。")
    [event] = nlp.extract(text, published="2025-11-13")["events"]
    assert event["amount"]["value"] == 8e7 and event["amount"]["currency"] == "USD"
    assert [i["name"] for i in event["investors"]] == ["澄旸电子", "星澜创投"]


def test_in_an_undated_text_a_listing_day_ahead_and_the_named_first_day_leave_the_offer_on():
    """其首挂日跨越周末 names the day; 10月8日(下周三)才会挂牌上市 lies ahead, told so where no article's date resolves
    the day: the offer is what is under way."""
    text = ("长澄药业今日起招股，今次发行4119.8万股H股，发售价每股14.75元。由于其首挂日跨越周末和中秋假期，"
            "预计10月6日公布整体分配结果，10月8日(下周三)才会挂牌上市。")
    [event] = nlp.extract(text)["events"]
    assert event["stage"] == "subscription"


def test_a_code_in_the_bracket_after_a_long_latin_name_is_that_name_s():
    """特殊目的收购公司Harrowmere Acquisition Corp.（纳斯达克代码：HRMC）: the SPAC's code, not the company that lists
    under its own new code."""
    text = ("速递｜Tolvane完成与SPAC合并 首日收跌18.8%\n美东时间4月15日，换电运营商Tolvane Mobility Inc.（下称“Tolvane”）与特殊目的收购公司Harrowmere "
            "Acquisition Corp.（纳斯达克代码：HRMC）的业务合并正式完成，合并后的公司当天起以代码“TLVN”在纳斯达克交易。")
    events = [ev for ev in nlp.extract(text, published="2025-04-16")["events"] if ev["company"]["name"] == "Tolvane"]
    assert [ev["ticker"] for ev in events] == ["TLVN"]


def test_listed_companies_in_general_give_the_company_in_focus_no_listing():
    """对成功上市的企业给予奖励, a paragraph after the company's review: the reward is for companies that list, the
    company in focus has passed its review only."""
    text = ("常州澄泓科技股份有限公司的北交所IPO申请昨日获上市委审议通过，拟募资2.4亿元。澄泓科技主要生产电抗器产品。\n\n"
            "市金融办相关负责人表示，将继续做好后备企业梯队培育，对成功上市的企业给予最高600万元的奖励。")
    events = nlp.extract(text, published="2025-09-25")["events"]
    assert [(ev["type"], ev["stage"]) for ev in events] == [("listing", "hearing_passed")]


def test_a_calendar_of_new_shares_gives_each_row_its_subscription():
    """申购日｜简称｜代码｜发行价｜板块: each row's company subscribes on the row's day (no deal word in the row), at
    the price in its 发行价 column."""
    text = ("新股申购日历｜下周3只新股可申购\n下周A股有3只新股开启申购，具体安排如下：\n\n申购日｜简称｜代码｜发行价｜板块\n"
            "11月10日（周一）｜澄屹电子｜688613｜31.50元｜科创板\n11月12日（周三）｜岚溪科技｜301738｜18.06元｜创业板\n"
            "11月14日（周五）｜汀岩新材｜920571｜7.45元｜北交所\n\n按照规则，新股申购需要在T-2日前20个交易日内日均持有市值1万元以上。")
    events = nlp.extract(text, published="2025-11-09")["events"]
    assert sorted((ev["company"]["name"], ev["stage"], ev["exchange"]["code"], ev["date"]["start_date"],
                   ev["offer_price"]["value"]) for ev in events) == [
        ("岚溪科技", "subscription", "SZSE", "2025-11-12", 18.06), ("汀岩新材", "subscription", "BSE", "2025-11-14", 7.45),
        ("澄屹电子", "subscription", "SSE", "2025-11-10", 31.5)]


@pytest.mark.parametrize("text, published, expected", [
    # Hong Kong's 招股 is the subscription: 招股日期 is the subscription's column
    ("港股新股日程（12月8日更新）\n名称（代码）｜招股日期｜招股价（港元）｜每手（股）｜上市日期\n"
     "澜屹食品（02391）｜12月8日至12月11日｜4.10-4.60｜1,000｜12月16日\n"
     "岷汀物流（02452）｜12月5日至12月10日｜10.50｜500｜12月15日", "2025-12-08",
     [("岷汀物流", "subscription", "2025-12-05", "2025-12-15"), ("澜屹食品", "subscription", "2025-12-08", "2025-12-16")]),
    # a 上市日 column gives the listing date, never the subscription's day
    ("本周新股申购一览\n简称｜代码｜申购日｜发行价｜上市日\n澄屹电子｜301391｜12月8日｜4.10元｜12月16日", "2025-12-07",
     [("澄屹电子", "subscription", "2025-12-08", "2025-12-16")]),
])
def test_a_calendars_listing_day_column_is_the_listing_date(text, published, expected):
    events = nlp.extract(text, published=published)["events"]
    assert sorted((ev["company"]["name"], ev["stage"], ev["date"]["start_date"], ev["listing_date"]["start_date"])
                  for ev in events) == expected


def test_a_place_that_heads_a_region_s_items_is_no_company():
    """▍香港 over an item whose company no rule finds: the region is no company."""
    text = "【周报】本周亚洲新创融资\n\n▍香港\n• 一家跨境支付新创取得1,200万美元B轮，澄湖资本领投。"
    assert [ev["company"]["name"] for ev in nlp.extract(text, published="2025-06-07")["events"]] == []


def test_a_heading_of_answered_questions_marks_a_filing():
    """【问询回复】X…交出创业板第二轮问询的答卷: the applicant under the heading is under review (filed)."""
    text = ("IPO审核动态｜10月23日\n\n【问询回复】澄川材料10月23日晚间交出创业板第二轮问询的答卷，回复文件已在深交所网站挂出。")
    events = nlp.extract(text, published="2025-10-24")["events"]
    assert [(ev["company"]["name"], ev["stage"]) for ev in events] == [("澄川材料", "filed")]


def test_an_item_s_company_before_a_bar_and_its_deal_is_no_byline():
    """【2】星河｜1.2亿元增资扩股: the item's company and its deal (星河网丨 before a headline is a byline)."""
    text = ("产业资本周报｜上周三笔战投落地\n\n【1】澄舟储能｜数亿元战略融资\n8月12日，澄舟储能宣布完成数亿元战略融资，资金来自岚驰产投。\n\n"
            "【2】桐澄新材｜1.2亿元增资扩股\n8月14日，桐澄新材完成增资扩股，引入澄翀资本作为战略投资者。")
    events = nlp.extract(text, published="2025-08-18")["events"]
    assert sorted(((ev["company"]["name"], ev["amount"]["value"]) for ev in events)) == [("桐澄新材", 1.2e8), ("澄舟储能", 1e8)]


@pytest.mark.parametrize("text, published, this_round, seed", [
    # 2023年X那轮新台币3,000万元的种子轮，钱全部来自Y: an earlier round told by its sum is a round of its own, and the name
    # the money came from invests in it
    ("澄硕智造今日宣布，A轮融资募得新台币2.8亿元，台杉投资担任领投者。对之初创投来说，这已是第二次出手："
     "2023年澄硕那轮新台币3,000万元的种子轮，钱全部来自之初创投。", "2025-03-12", ("A", 2.8e8), 3e7),
    # 公司2023年的种子轮当时只有X一家出手，投入新台币6,000万元: a dated round, then its only investor
    ("铠川半导体今日宣布完成新台币4.5亿元A轮募资，台杉投资领投。"
     "回头看，公司2023年的种子轮当时只有之初创投一家出手，投入新台币6,000万元。", "2025-09-17", ("A", 4.5e8), 6e7),
])
def test_an_earlier_seed_round_told_after_this_round_is_a_round_of_its_own(text, published, this_round, seed):
    events = nlp.extract(text, published=published)["events"]
    assert sorted((ev["round"]["name"], ev["amount"]["value"], [i["name"] for i in ev["investors"]]) for ev in events) == [
        (*this_round, ["台杉投资"]), ("seed", seed, ["之初创投"])]


def test_a_count_of_companies_and_a_colon_give_each_numbered_item_the_step_even_one_that_names_no_board():
    """本周有三家企业完成辅导备案登记：1. X，拟上市板块为创业板 … 3. Z，拟上市板块为“境内证券交易所”: every item."""
    text = ("据浙江证监局官网更新的公示，本周辖区内有三家企业完成首次公开发行股票辅导备案登记：\n"
            "1. 宁波星溪电子股份有限公司，辅导机构为甬兴证券，拟上市板块为深交所创业板；\n"
            "2. 绍兴星岙纺织股份有限公司，辅导机构为财通证券，拟上市板块为北交所；\n"
            "3. 湖州星城生物科技股份有限公司，辅导机构为浙商证券，拟上市板块一栏填写为“境内证券交易所”。")
    assert stages_of(text, PUBLISHED) == {"宁波星溪电子股份有限公司": "planned", "绍兴星岙纺织股份有限公司": "planned",
                                         "湖州星城生物科技股份有限公司": "planned"}


@pytest.mark.parametrize("text", [
    "新浪财经 > 新股 > 辅导备案\n辅导备案周观察｜浙江辖区本周情况\n浙江证监局公示了辖区的辅导备案名单。",  # a breadcrumb
    "星海证券研究所观点汇总：本周市场震荡。\n上一篇：沪市主板再添一家过会企业\n下一篇：三季度北交所新增受理数量环比增长",
])
def test_page_furniture_names_no_company_and_tells_no_step(text):
    assert nlp.extract(text, published=PUBLISHED)["events"] == []


def test_a_medium_on_its_breadcrumb_and_dated_line_is_no_company_in_focus():
    """同花顺 > 新股 / 同花顺　2025-07-18 20:36 / 同花顺（300033）…7月18日讯，…同意了三家企业的首发注册: the outlet reports."""
    text = ("星花顺 > 新股 > 快讯\n证监会同意三家企业IPO注册\n星花顺　2025-07-18 20:36\n"
            "星花顺（300033）金融研究中心7月18日讯，证监会网站今晚发布消息，按法定程序同意了三家企业的首发注册。")
    assert nlp.extract(text, published="2025-07-18")["events"] == []


def test_a_day_column_beside_a_subscription_code_column_gives_each_row_its_subscription():
    """日期｜申购代码｜新股｜上市板块: a new-share calendar whose day column is named 日期."""
    text = ("本周新股｜3只新股可申购\n日期｜申购代码｜新股｜上市板块｜发行价（元）\n"
            "11月24日（周一）｜301865｜星航科技｜创业板｜26.30\n11月27日（周四）｜920188｜星澄生物｜北交所｜12.58")
    events = nlp.extract(text, published="2025-11-23")["events"]
    assert {(ev["company"]["name"], ev["stage"], ev["date"]["start_date"]) for ev in events} == {
        ("星航科技", "subscription", "2025-11-24"), ("星澄生物", "subscription", "2025-11-27")}


def test_a_feed_item_s_bracketed_company_before_its_deal_is_no_byline():
    """【Norvelle】完成2000万美元A轮: a feed's item head whose company takes the step right after the bracket (not the
    previous item's company, which would get this round's sum)."""
    text = ("创投早报\n【许阿岚】获天使轮\n卤味品牌许阿岚完成数百万元天使轮。\n"
            "【Corvelle】完成2000万美元A轮\n家居品牌Corvelle宣布A轮融资落地。")
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert {(ev["company"]["name"], (ev["amount"] or {}).get("text")) for ev in events} == {
        ("许阿岚", "数百万元"), ("Corvelle", "2000万美元")}


def test_a_strategic_investment_told_with_a_sum_and_an_earlier_round_told_by_its_year_are_two_rounds():
    """拟以6000万元对X进行战略投资 … X于2024年完成由Y领投的A轮融资: the A round told with its year is an earlier round, not
    the name of the strategic investment told now."""
    text = ("星泺股份公告，公司拟以自有资金6000万元对澄钰半导体进行战略投资，交易完成后持有其5.66%股权。"
            "公告显示，澄钰半导体成立于2021年，2024年完成由深创投领投的A轮融资。")
    events = nlp.extract(text, published="2025-09-03")["events"]
    assert sorted(((ev["round"] or {}).get("name"), (ev["amount"] or {}).get("value")) for ev in events) == [
        ("A", None), ("strategic", 6e7)]


def test_a_sum_right_after_the_deal_s_investors_adds_up_their_parts_not_rounds():
    """成功引入A、B和C三家战略投资者，合计募集资金8.6亿元: the sum of this capital increase (the headline told it first)."""
    text = ("澄江新材增资扩股项目圆满收官　成功引入三家战略投资者\n9月26日，集团所属澄江新材料有限公司（简称“澄江新材”）增资扩股项目"
            "在上海联合产权交易所完成签约，成功引入中国国有企业混合所有制改革基金、晗屿产业投资有限公司和苍澜新材料控股有限公司"
            "三家战略投资者，合计募集资金8.6亿元。")
    events = nlp.extract(text, published="2025-09-29")["events"]
    assert [(ev["company"]["name"], ev["amount"]["value"], ev["cumulative"]) for ev in events] == [
        ("澄江新材", 8.6e8, False)]


def test_a_keywords_line_names_no_company():
    """关键词：定增　审核通过: the page's keywords under a story are no company taking a step."""
    text = "鞍岚股份向特定对象发行股票的申请获审核通过，拟募资不超过15亿元。\n关键词：定增　审核通过　注册批复"
    assert [ev["company"]["name"] for ev in nlp.extract(text, published="2025-06-12")["events"]] == ["鞍岚股份"]


def test_an_allottee_table_with_a_number_column_gives_every_row_to_the_placement():
    """序号｜发行对象｜获配股数（股）｜获配金额（元）: the header names no investor (获配股数 is no 配股, 获配金额 no name), and
    a numbered row is no item header over the next row (1｜X｜… does not make X the company of row 2)."""
    text = ("澄岚新材（688417）昨晚披露向特定对象发行股票发行结果，募资总额约12.8亿元。\n本次发行共有4名投资者获配，部分名单如下：\n"
            "序号｜发行对象｜获配股数（股）｜获配金额（元）\n1｜澄海基金管理有限公司｜4,267,425｜179,999,986.50\n"
            "2｜Brightwater Capital AG｜2,370,791｜99,999,964.38")
    events = nlp.extract(text, published="2025-11-07")["events"]
    assert [(ev["company"]["name"], [i["name"] for i in ev["investors"]]) for ev in events] == [
        ("澄岚新材", ["澄海基金管理有限公司", "Brightwater Capital AG"])]


def test_a_renamed_company_is_one_party_reported_by_its_new_name():
    """原“觅岚视觉”更名穹岚智能 / 穹岚智能（原名“觅岚视觉”）: the former name and the new one are one company, and its rounds,
    those closed under the old name too, are reported by the name it has now."""
    text = ("原“觅岚视觉”更名穹岚智能，宣布完成近2亿元B轮融资\n今年5月，公司主体由“苏州觅岚视觉科技有限公司”变更为“苏州穹岚智能科技有限公司”。"
            "工业视觉检测企业穹岚智能（原名“觅岚视觉”）宣布，已于7月22日完成近2亿元B轮融资，由深创投领投。"
            "觅岚视觉2023年完成A轮融资，线性资本领投，金额未披露。")
    events = nlp.extract(text, published="2025-07-24")["events"]
    assert sorted((ev["company"]["name"], ev["round"]["text"]) for ev in events) == [("穹岚智能", "A轮"), ("穹岚智能", "B轮")]


def test_a_table_of_bond_issues_gives_each_row_s_issuer_its_bond():
    """日期｜发行人｜品种｜规模（亿元）: each row's kind of bond (中票, 超短融) is an issue by the row's issuer (发行人 is no
    subscriber's column); a row whose issue is put off (推迟发行) gives none."""
    text = ("上周信用债一级市场共发行342只。以下摘录几只我们跟踪的地方国企及产业债：\n日期｜发行人｜品种｜规模（亿元）｜期限｜票面（%）\n"
            "6月9日｜洧岚城投｜中票｜10.00｜3年｜1.98\n6月10日｜郯岚电力｜超短融｜5.00｜180天｜1.62\n6月13日｜汨岚城发｜中票｜—｜推迟发行｜—")
    events = nlp.extract(text, published="2025-06-16")["events"]
    assert [(ev["company"]["name"], ev["instrument"], ev["date"]["start_date"]) for ev in events] == [
        ("洧岚城投", "debt", "2025-06-09"), ("郯岚电力", "debt", "2025-06-10")]


def test_a_table_of_placements_gives_each_row_s_company_its_placement_and_allottees():
    """公司｜发行日｜募资总额｜主要获配对象 under a title of 定增: each row's company placed its new shares with the row's
    allottees, on the row's day; a name in the company's cell is no allottee, though a verb in the last cell
    (控股股东X全额认购) would reach back over the bars."""
    text = ("上周定增发行回顾：三家公司合计募资19.4亿元\n公司｜发行日｜募资总额｜主要获配对象\n"
            "岷洲电子（300917）｜3月10日｜9.6亿元｜财通基金、诺德基金\n"
            "沣屿材料（603528）｜3月12日｜6.2亿元｜华夏基金、中信证券\n"
            "渼川药业（688219）｜3月14日｜3.6亿元｜控股股东渼川控股全额认购")
    events = nlp.extract(text, published="2025-03-17")["events"]
    assert [(ev["company"]["name"], ev["instrument"], ev["amount"]["value"], [p["name"] for p in ev["investors"]],
             ev["date"]["start_date"]) for ev in events] == [
        ("岷洲电子", "placement", 9.6e8, ["财通基金", "诺德基金"], "2025-03-10"),
        ("沣屿材料", "placement", 6.2e8, ["华夏基金", "中信证券"], "2025-03-12"),
        ("渼川药业", "placement", 3.6e8, ["渼川控股"], "2025-03-14")]


def test_a_breadcrumb_s_site_name_is_no_company_in_focus():
    """新浪财经 > 港股 > 港股回A above a headline that names no company (港股公司回A科创板过会): the site's sections
    name no company, so the headline's step is the body's company's alone."""
    text = ("新浪财经 > 港股 > 港股回A\n港股公司回A科创板过会 红筹企业CDR申请同日获受理\n"
            "2025年10月16日，港股上市公司岷弈生物（2683.HK）的科创板首发申请在上交所上市委会议上获得通过。")
    events = nlp.extract(text, published="2025-10-16")["events"]
    assert [(ev["company"]["name"], ev["stage"]) for ev in events] == [("岷弈生物", "hearing_passed")]


def test_a_breadcrumb_that_ends_on_a_stock_code_names_no_company_in_focus():
    """东方财富网 > 股吧 > X股份吧(300917): the site and the forum on the breadcrumb are no company of the post's deal
    (定增落地了), even with the code after the last crumb."""
    text = ("东方财富网 > 股吧 > 澴川股份吧(300917)\n定增落地了，6个亿到账\n"
            "昨晚公告了发行情况报告书，发行价12.40元/股，募资总额6亿元。\n全部评论(12)")
    assert [ev["company"]["name"] for ev in nlp.extract(text, published="2025-06-11")["events"]] == []


def test_a_rounds_history_under_its_heading_is_the_page_s_company_s():
    """▍融资历程 and its dated lines (2025年5月　A轮　1.2亿元　…) tell the rounds of the company the page is about, not of
    the investor's parent named in the section above it; and a margin-trading ad (孖展认购，融资利率低至0%) is no round."""
    text = ("沅川灵巧完成数亿元A+轮融资，澜禾创新领投\n近日，灵巧手企业沅川灵巧完成数亿元A+轮融资，本轮由澜禾集团旗下"
            "投资平台澜禾创新领投。\n▍投资人说\n澜禾创新合伙人：澜禾集团的工厂可以为沅川提供验证场景。\n▍融资历程\n"
            "2024年9月　天使轮　数千万元　险峰长青独家投资\n2025年5月　A轮　1.2亿元　枫翎资本领投\n"
            "📊 某券商App已开放孖展认购，融资利率低至0%")
    events = nlp.extract(text, published="2026-01-20")["events"]
    assert sorted((ev["company"]["name"], ev["round"]["text"]) for ev in events) == [
        ("沅川灵巧", "A+轮"), ("沅川灵巧", "A轮"), ("沅川灵巧", "天使轮")]


def test_a_rounds_history_table_under_its_heading_is_the_page_s_company_s():
    """▍融资历程 over a table's rows (2023年5月｜A轮｜1.1亿元｜X领投) is the page's company's, as its dated lines are, not the
    rounds of the listed parent of an investor quoted in the section above it."""
    text = ("官宣｜澹屿生物完成2亿元增资扩股\n3月2日，杭州澹屿生物医药有限公司（简称“澹屿生物”）与沄澈资本签署增资协议，"
            "完成2亿元增资扩股。沄澈资本是上市公司沄澈药业（300933）旗下的产业投资平台。\n▍投资人说\n"
            "沄澈资本合伙人：沄澈药业在肿瘤领域有成熟的销售团队。\n▍融资历程\n2021年｜天使轮｜数千万元｜个人投资人\n"
            "2023年5月｜A轮｜1.1亿元｜楹川资本领投\n")
    events = nlp.extract(text, published="2026-03-05")["events"]
    assert sorted((ev["company"]["name"], (ev["round"] or {}).get("text", "")) for ev in events) == [
        ("澹屿生物", ""), ("澹屿生物", "A轮"), ("澹屿生物", "天使轮")]


def test_a_digest_s_tagged_item_names_the_company_of_the_line_below():
    """【新股】X：凯利板挂牌 above a line that tells the listing of 'a maker' (本地粥品制造商今天在新交所凯利板挂牌): the
    item's company lists, on the exchange's board."""
    text = ("企业短讯\n【新股】澴汀食品：凯利板挂牌\n本地即食粥品制造商今天在新交所凯利板挂牌，股票代码“1QY”。\n"
            "【业绩】某酒店集团第三季转亏\n")
    events = [ev for ev in nlp.extract(text, published="2025-12-10")["events"] if ev["type"] == "listing"]
    assert [(ev["company"]["name"], ev["stage"], ev["exchange"]["code"]) for ev in events] == [("澴汀食品", "listed", "SGX")]


def test_a_subscription_table_with_a_new_share_s_short_name_and_a_section_heading():
    """申购日｜新股简称｜申购代码 names each row's company in its 新股简称 column; a section's heading (三、排队情况) above
    a market count is no company."""
    text = ("本周新股：两只申购\n二、本周申购一览\n申购日｜新股简称｜申购代码｜发行价（元）｜上市板块\n"
            "12月23日｜渼沔科技｜301858｜22.18｜创业板\n12月25日｜柘岫智能｜787869｜待定｜科创板\n"
            "三、排队情况\n截至12月19日，沪深北三市在审企业共261家，其中已问询182家，提交注册14家。")
    events = nlp.extract(text, published="2025-12-22")["events"]
    assert [(ev["company"]["name"], ev["stage"]) for ev in events] == [("渼沔科技", "subscription"), ("柘岫智能", "subscription")]


def test_a_company_s_own_site_is_about_the_owner_its_copyright_line_names():
    """A company's news page that speaks of itself (集团, 本公司, 我司) and names itself only in the footer
    (版权所有 © … 股份有限公司): its steps are the owner's, and a product word (特种工程材料) is no company."""
    text = ("首页 > 新闻中心 > 集团要闻\n喜讯｜集团首发上市申请获深交所上市委审议通过\n发布时间：2025-11-04\n"
            "11月3日，深圳证券交易所上市审核委员会召开审议会议，本公司首次公开发行股票并在主板上市的申请顺利获得审议通过。\n"
            "集团成立于2008年，专注于特种工程材料的研发和生产。我司将继续坚持双轮驱动。\n"
            "版权所有 © 2025 浙江岷越新材料集团股份有限公司　浙ICP备08000000号")
    events = nlp.extract(text, published="2025-11-04")["events"]
    assert [(ev["company"]["name"], ev["stage"]) for ev in events] == [("浙江岷越新材料集团股份有限公司", "hearing_passed")]


def test_a_site_that_does_not_speak_of_itself_has_no_owner_in_focus():
    """A copyright line alone (a portal's footer) puts no company in focus: 公司 in a story about another company
    is that company's."""
    text = ("星河科技完成2亿元B轮融资\n星河科技今日宣布完成2亿元B轮融资，澄湖资本领投。公司成立于2019年。\n"
            "版权所有 © 2025 岷川网络科技有限公司")
    events = nlp.extract(text, published="2025-11-04")["events"]
    assert [ev["company"]["name"] for ev in events] == ["星河科技"]


def test_a_numbered_row_that_tells_its_own_round_names_its_company_first():
    """01｜X｜A轮｜1.2亿元 then a line of who invested: a WeChat review's items, each its own company's round (a
    company no lexicon knows, 馥岭香料, too)."""
    text = ("澄岭资本10月投资速览\n01｜锆岭激光｜A轮｜1.2亿元\n10月9日，澄岭资本领投。\n"
            "02｜馥岭香料｜战略融资｜5000万元\n10月30日，澄岭资本与一家产业方共同投资。")
    events = nlp.extract(text, published="2025-11-03")["events"]
    assert [(ev["company"]["name"], ev["amount"]["value"]) for ev in events] == [("锆岭激光", 1.2e8), ("馥岭香料", 5e7)]


def test_a_table_of_an_investor_s_deals_under_its_title_gives_each_row_that_investor():
    """一个月连投3笔，X押注… above 公司｜轮次｜金额｜时间 with no investor column: each row is one of X's deals; a title
    that names no spree (X完成B轮融资) gives its rows no investor."""
    table = ("\n据统计，4月该机构连续出手3次：\n公司｜轮次｜金额｜时间\n钴岭机器人｜A轮｜1.5亿元｜4月3日\n"
             "翾岭科技｜天使轮｜数千万元｜4月11日\n汧岭传感｜B轮｜2.8亿元｜4月25日")
    spree = nlp.extract("一个月连投3笔，枢屿资本押注具身智能上游" + table, published="2025-05-06")["events"]
    assert [(ev["company"]["name"], [p["name"] for p in ev["investors"]]) for ev in spree] == [
        ("钴岭机器人", ["枢屿资本"]), ("翾岭科技", ["枢屿资本"]), ("汧岭传感", ["枢屿资本"])]
    plain = nlp.extract("具身智能上游四月融资一览" + table, published="2025-05-06")["events"]
    assert len(plain) == 3 and all(not ev["investors"] for ev in plain)


def test_a_card_of_fields_names_its_company_in_its_name_field():
    """① 项目名称：X / 所属领域：Y / 融资轮次：…: each card's round is X's, never its field's words."""
    text = ("今日获投｜两个项目完成新一轮融资\n"
            "① 项目名称：砚溪视觉\n所属领域：工业视觉检测\n融资轮次：天使+轮\n融资金额：数千万元人民币\n"
            "投资方：汀岚创投（领投）/ 栖木资本\n"
            "② 项目名称：犇岚医疗\n所属领域：宠物专科医院连锁\n融资轮次：Pre-A轮\n融资金额：5000万元\n")
    events = nlp.extract(text, published=PUBLISHED)["events"]
    assert sorted((ev["company"]["name"], ev["round"]["name"]) for ev in events) == [
        ("犇岚医疗", "pre-A"), ("砚溪视觉", "angel+")]


def test_a_product_the_money_is_used_for_is_no_company_of_a_timeline_below():
    """资金将用于助浴机器人: a product; the timeline's rounds are the company in focus's."""
    text = ("3月5日，稔川智护宣布完成数千万元天使+轮融资，由联想创投领投。这是公司成立以来的第三轮融资，"
            "资金将用于助浴机器人和移位机的小批量生产。\n\n"
            "融资时间线：\n· 2024年10月，种子轮，数百万元，出资方为红杉中国种子基金；\n"
            "· 2025年5月，天使轮，1500万元，奇绩创坛领投；\n")
    rounds = rounds_of(text, "2025-03-06")
    assert {name: ev["company"]["name"] for name, ev in rounds.items()} == {
        "angel+": "稔川智护", "seed": "稔川智护", "angel": "稔川智护"}


def test_a_placements_subscribers_listed_with_their_sums_between_bars_are_its_investors():
    """获配对象及获配金额依次为：A（2.46亿元）｜B（1.98亿元）｜…: each subscriber invests; each sum is its part, not the
    placement's size."""
    text = ("11月18日晚间，翯川新材（688417）公告向特定对象发行A股股票发行情况报告书。本次发行价格为23.60元/股，"
            "募集资金总额约12.37亿元。\n最终获配的6名对象及获配金额依次为：财通基金管理有限公司（2.46亿元）｜"
            "诺德基金管理有限公司（1.98亿元）｜济南瀛川产业投资基金合伙企业（有限合伙）（1.5亿元）｜申屠岚（0.9亿元）｜"
            "广发证券股份有限公司（0.74亿元）。")
    (event,) = nlp.extract(text, published="2025-11-19")["events"]
    assert event["company"]["name"] == "翯川新材"
    assert event["amount"]["value"] == 1.237e9
    assert {i["name"] for i in event["investors"]} == {
        "财通基金管理有限公司", "诺德基金管理有限公司", "济南瀛川产业投资基金合伙企业(有限合伙)", "广发证券股份有限公司"}


PAGE_FURNITURE = [
    # 〔延伸閱讀〕 heads other articles' headlines: the fund's bet there is no event
    ("苧川生醫去年底完成新台幣 1.1 億元 Pre-A 輪，由心川資本領投。\n\n〔延伸閱讀〕\n‧ 心川資本：為什麼我們押注動物醫療\n", ["苎川生医"]),
    # 发布人：融资管理部 under a headline: the department's 融资 is no trigger, and 发布人 no company
    ("集团成功发行10亿元科技创新公司债券\n发布人：融资管理部　　浏览次数：1326\n\n2025年8月21日，澄泷城建投资集团有限公司（以下简称“集团”）"
     "在上海证券交易所成功发行公司债券，发行规模10亿元，期限3年。", ["澄泷城建投资集团有限公司"]),
    # a stage word heading a digest's item (▍首挂：X…) is no company
    ("港股新股周报｜一只新股首挂\n\n▍首挂：调味品企业汨澄食品1月13日（周二）在港交所主板上市，发售价9.80港元。", ["汨澄食品"]),
    # a site's column heading (【X美股IPO专题】) tells no company's step
    ("隽澄教育于美东时间10日晚间完成定价，发行价9美元。\n\n【财联社美股IPO专题】\n", ["隽澄教育"]),
    # a related-reading heading between bars (| 延伸阅读 |), and 出海企业 (companies going abroad) is no name
    ("岍澄科技向美SEC公开递交F-1，拟登陆纳斯达克。\n\n| 延伸阅读 |\n出海企业赴美IPO回暖：三季度已有14家递表\n", ["岍澄科技"]),
    # … between dashes or after an emoji, as reposting platforms print it
    ("沭岚储能上周完成2亿元B轮融资。\n—— 相关推荐 ——\n溆川飞控拿下数千万元天使轮\n澴岭电驱拟冲刺科创板\n", ["沭岚储能"]),
    ("沭岚储能上周完成2亿元B轮融资，老股东继续加注。\n📌 相关阅读\n· 溆川飞控数亿元A轮落定\n", ["沭岚储能"]),
]


@pytest.mark.parametrize("text, companies", PAGE_FURNITURE)
def test_page_furniture_names_no_company(text, companies):
    events = nlp.extract(text, published="2026-01-17")["events"]
    assert sorted(ev["company"]["name"] for ev in events) == companies


def test_a_scope_word_inside_a_legal_name_is_part_of_it():
    """兴证全球基金管理有限公司: 全球 after the name's first word is inside it (全球领先的X still describes X)."""
    text = "本次定增获配对象为华夏基金管理有限公司、兴证全球基金管理有限公司，募资总额3亿元。"
    assert "兴证全球基金管理有限公司" in {e["text"] for e in nlp.extract(text, published=PUBLISHED)["entities"]}


def test_a_listing_card_s_day_and_the_offering_s_shares_belong_to_the_listing_told_before():
    """【上市資料】 … 上市日期：… under a grey-market report, 是次發售…股 after it: the listing day and the shares
    offered are the listing's (a field line names no company)."""
    text = ("溯岚电子昨晚在暗盘交易，收报7.6元。是次发售8,000万股，集资净额约4.2亿港元。\n\n"
            "【上市资料】\n股份代号：2519\n每手股数：1,000股\n上市日期：2025年11月21日\n")
    [event] = nlp.extract(text, published="2025-11-21")["events"]
    assert (event["company"]["name"], event["shares_offered"]["value"], event["listing_date"]["start_date"]) \
        == ("溯岚电子", 80_000_000, "2025-11-21")


def test_a_listing_card_belongs_to_the_company_of_its_code_not_to_the_last_one_named():
    """【招股資料】 under a paragraph about another company: its 股份代號 names whose card it is."""
    text = ("澜屿医疗（02731）今日起招股，招股价每股18元。\n"
            "另外，物流企业泓川物流今日向联交所主板递表。\n\n"
            "【招股资料】\n股份代号：02731\n每手股数：200股\n预计上市日期：12月9日\n")
    events = nlp.extract(text, published="2025-12-01")["events"]
    assert {ev["company"]["name"]: (ev["listing_date"] or {}).get("start_date") for ev in events} \
        == {"澜屿医疗": "2025-12-09", "泓川物流": None}


def test_a_subscription_calendar_s_lines_name_their_company_and_day():
    """周一（12月8日）｜X｜科创板 over the lines of that day's new share: X subscribes that day (a name between bars is
    a cell, no byline), and 顶格申购需配沪市市值 is what a subscriber must hold, not the company's worth."""
    text = ("新股申购日历｜下周2只新股可申购\n"
            "据Choice数据统计，下周共有2只新股开启申购，具体安排如下：\n"
            "周一（12月8日）｜澜星半导体｜科创板\n"
            "申购代码787784，挂牌后的股票代码将是688784；发行价28.60元/股，顶格申购需配沪市市值8.5万元。\n"
            "周四（12月11日）｜禾赉农业｜沪主板\n"
            "申购代码732538，股票代码603538；发行价9.36元/股。\n")
    events = nlp.extract(text, published="2025-12-07")["events"]
    assert [(ev["company"]["name"], ev["date"]["start_date"], ev["ticker"], ev["market_cap"]) for ev in events] \
        == [("澜星半导体", "2025-12-08", "688784", None), ("禾赉农业", "2025-12-11", "603538", None)]


def test_a_funding_timeline_s_lines_are_rounds_of_the_company_in_focus():
    """▍融资历程 / · 2019年　天使轮　X投资500万元 / 1.2022年6月，B轮融资5亿元…: each line of a timeline, bulleted or
    numbered, is a round of the company the article is about, however many lines down."""
    text = ("澜衡智能完成3亿元C轮融资\n"
            "澜衡智能成立于2018年，主营关节模组。\n"
            "公司披露了此前的融资：\n"
            "· 2019年　天使轮　岫石创坛投资500万元\n"
            "1.2021年6月，A轮融资6000万元，澄湖资本领投；\n"
            "2.2022年9月，A+轮融资8000万元，领投方为岚峰创投；\n"
            "3.2023年12月，B轮融资2亿元，泓川资本全额认购。\n")
    events = nlp.extract(text, published="2025-09-16")["events"]
    assert [(ev["company"]["name"], ev["round"]["name"]) for ev in events] \
        == [("澜衡智能", "C"), ("澜衡智能", "angel"), ("澜衡智能", "A"), ("澜衡智能", "A+"), ("澜衡智能", "B")]


def test_a_listing_denied_leaves_the_party_s_rounds_be():
    """公司短期内没有上市安排: no listing, and the round told without a sum still stands."""
    text = ("澜舟机器人昨天宣布完成B轮融资，金额约2亿元。今年1月，公司刚完成一轮A+轮，当时未披露金额与投资方。"
            "创始人说，公司短期内没有上市安排。")
    events = nlp.extract(text, published="2025-07-22")["events"]
    assert [(ev["type"], ev["round"]["name"]) for ev in events] == [("funding", "B"), ("funding", "A+")]


def test_an_investor_s_verb_on_the_company_pronoun_is_a_round_of_the_company_in_focus():
    """那一年它领投了公司的B轮: the investor (它) led a round of the company the article is about, not of itself."""
    text = ("钴峰新能董事长程牧远在投产仪式上发言。公司于今年3月完成C轮融资，领投方为国投创合。"
            "达晨财智与钴峰新能的缘分始于2023年，那一年它领投了公司的B轮。")
    events = nlp.extract(text, published="2025-06-12")["events"]
    assert [(ev["company"]["name"], ev["round"]["name"]) for ev in events] == [("钴峰新能", "C"), ("钴峰新能", "B")]


def test_a_company_renamed_raises_under_its_new_name_and_its_old_round_too():
    """"X"已正式更名为"Y"，并于…宣布完成B轮; 2023年，公司（时名X）完成A轮: both rounds are Y's."""
    text = ("猎云网获悉，企业服务公司“芷岚软件”已正式更名为“曦岭智能”，并于10月13日宣布完成2亿元B轮融资。"
            "本轮由君联资本领投。\n这并不是公司第一次获得经纬创投的支持。2023年，公司（时名芷岚软件）完成A轮融资，由经纬创投独家投资。")
    events = nlp.extract(text, published="2025-10-14")["events"]
    assert [(ev["company"]["name"], ev["round"]["name"]) for ev in events] == [("曦岭智能", "B"), ("曦岭智能", "A")]


def test_this_round_a_few_sentences_under_a_round_header_completes_that_round():
    """X（2025年3月，A轮）：/ 这家…公司…。本轮融资1.5亿元，由Y领投: one round, its sum and investors told under it."""
    text = ("今年以来，小米长江产业基金在具身智能方向的出手明显加密。\n\n"
            "棽岭传动（2025年3月，A轮）：\n"
            "这家做精密谐波减速器的公司，产品已进入多家机器人本体厂的供应链。本轮融资1.5亿元，由小米长江产业基金领投，元禾璞华跟投。\n")
    events = nlp.extract(text, published="2025-09-30")["events"]
    assert [(ev["company"]["name"], ev["round"]["name"], ev["amount"]["value"], [i["name"] for i in ev["investors"]])
            for ev in events] == [("棽岭传动", "A", 1.5e8, ["小米长江产业基金", "元禾璞华"])]


def test_a_quote_before_its_speaker_says_the_speaker_s_firm_led_and_others_were_in_the_round_too():
    """“这一轮是我们领投的，”X合伙人Y说: X leads; A和老股东B也在这一轮里: A and B invest."""
    text = ("5月14日，具身智能数据服务商蟠岭智能宣布完成2亿元A轮融资。\n"
            "“这一轮是我们领投的，”蓝驰创投合伙人闻溯在接受采访时说，“我们看了十几家团队，最后选它。”\n"
            "他补充说，联想创投和老股东峰瑞资本也在这一轮里。")
    [event] = nlp.extract(text, published="2025-05-20")["events"]
    assert [i["name"] for i in event["investors"]] == ["蓝驰创投", "联想创投", "峰瑞资本"]
    assert [i["name"] for i in event["lead_investors"]] == ["蓝驰创投"]


def test_an_investor_named_between_leaves_the_company_in_focus():
    """X受理… / 2024年12月，Y认购公司新增股份… / 2022年8月，公司完成B轮: Y invests, it is no rival; 公司 is still X."""
    text = ("6月23日晚间，深交所受理了浙江岨岭电缆股份有限公司（简称“岨岭电缆”）的创业板上市申请。\n"
            "翻开招股书，有两处细节值得多看一眼。\n"
            "一是突击入股。2024年12月，元禾原点以每股16.8元认购公司新增股份，出资6,000万元。这部分股份锁定36个月。\n"
            "二是对赌。2022年8月，公司完成3亿元B轮融资，毅达资本领投，深创投跟投。")
    funding = [ev for ev in nlp.extract(text, published="2025-06-25")["events"] if ev["type"] == "funding"]
    assert [(ev["company"]["name"], ev["amount"]["value"]) for ev in funding] == [("岨岭电缆", 6e7), ("岨岭电缆", 3e8)]


def test_a_named_round_with_its_sum_and_investors_in_a_turn_is_a_round_of_the_guest_s_company():
    """对话X创始人 / 林湛：这是我们的B轮，金额1.8亿元，领投方是Y: a round told with its name, sum and investors is one,
    though no clause before told it (the question about it asks)."""
    text = ("腾讯新闻　硬核创始人　2026-02-24 08:00\n"
            "对话星岭科技创始人：B轮1.8亿元，三年内不考虑上市\n"
            "原标题：《对话｜星岭科技林湛：做工业视觉，先把一个行业吃透》\n"
            "问：最近市场上有传言说你们完成了新一轮融资，能确认一下吗？\n"
            "林湛：可以确认。这是我们的B轮，金额1.8亿元，领投方是元禾原点，老股东蓝驰创投也跟了一部分。\n")
    [event] = [ev for ev in nlp.extract(text, published="2026-02-24")["events"] if ev["type"] == "funding"]
    assert (event["company"]["name"], event["round"]["name"], event["amount"]["value"]) == ("星岭科技", "B", 1.8e8)


def test_a_placement_the_headline_says_ended_is_no_event_however_the_body_tells_its_plan():
    """X宣布终止7亿元定增 / …该定增方案于2024年9月推出，拟…募资不超过7亿元: the plan told is the one that ended."""
    text = ("拿到注册批文两个月后 郯岭精工宣布终止7亿元定增\n"
            "郯岭精工（603519）昨晚公告，公司决定终止2024年度向特定对象发行A股股票事项。"
            "据了解，该定增方案于2024年9月推出，拟向控股股东郯岭控股发行股票募资不超过7亿元。\n")
    assert nlp.extract(text, published="2025-07-22")["events"] == []


def test_the_investee_named_after_an_investor_s_verb_is_the_company_not_the_outlet_that_reports_it():
    """来源：X网 / …页面注明Y于2024年参与了Z的A轮投资: Z raised the round, Y invested; the outlet did neither."""
    text = ("2025-08-05 16:42　来源：亿欧大健康　作者：许望舒\n"
            "瑄岭医疗一直较少对外披露融资信息。亿欧大健康查阅元禾原点官网的投资组合页面发现，瑄岭医疗被列为其医疗健康板块的"
            "被投企业，页面注明元禾原点于2024年参与了瑄岭医疗的A轮投资。")
    [event] = nlp.extract(text, published="2025-08-05")["events"]
    assert (event["company"]["name"], [i["name"] for i in event["investors"]]) == ("瑄岭医疗", ["元禾原点"])


def test_rounds_compared_or_averaged_are_no_round():
    """X融资对比：他们拿十亿美元… / 单轮融资动辄以亿美元计 / 单笔融资多在数亿元: only the rounds told are events."""
    text = ("中美具身智能融资对比：他们拿十亿美元，我们拿亿元人民币\n"
            "在大洋彼岸，人形机器人公司的单轮融资动辄以亿美元计。2025年2月，加州的Vantorra Robotics完成6亿美元B轮融资，"
            "由Thrive Capital领投；同年4月，波士顿的Helixon Dynamics拿到3.5亿美元C轮，投资方包括General Catalyst。\n"
            "相比之下，国内头部公司的单笔融资多在数亿元人民币。")
    events = nlp.extract(text, published="2025-06-01")["events"]
    assert [(ev["company"]["name"], ev["amount"]["value"]) for ev in events] \
        == [("Vantorra Robotics", 6e8), ("Helixon Dynamics", 3.5e8)]


def test_shares_issued_for_staff_incentives_raise_no_money():
    """限制性股票激励计划，股票来源为公司向激励对象定向发行的A股: no placement."""
    text = ("邶岭软件推出限制性股票激励计划 拟定向发行1200万股\n"
            "邶岭软件（300812）3月25日晚间公告，公司拟实施2026年限制性股票激励计划，股票来源为公司向激励对象定向发行的"
            "A股普通股，拟授予数量1200万股。激励对象共计286人，均以自有资金认购。\n"
            "机构人士指出，股权激励中的“定向发行”和“认购”与定增并不相同，激励对象的缴款金额有限，"
            "主要目的在于绑定核心团队，而非为公司募集资金。")
    assert nlp.extract(text, published="2026-03-26")["events"] == []


def test_an_interview_turn_names_the_investors_that_followed_on_and_came_in():
    """边若澄：…B轮，一共4亿元，领投的是X，Y作为老股东又跟了一笔，新进来的还有Z: X, Y and Z invest in the guest's company."""
    text = ("晚点对话｜芪岭生物创始人边若澄：自免赛道的下一个十年\n"
            "边若澄在一家跨国药企做了十二年免疫学研究，2021年回国创办芪岭生物。以下是对话节选：\n\n"
            "晚点：外界注意到你们最近又融了一轮。\n"
            "边若澄：对，上个月底刚交割完。B轮，一共4亿元人民币，领投的是国投创合，礼来亚洲基金作为老股东又跟了一笔，"
            "新进来的还有元禾原点。\n")
    [event] = nlp.extract(text, published="2025-10-15")["events"]
    assert (event["company"]["name"], event["round"]["name"]) == ("芪岭生物", "B")
    assert [i["name"] for i in event["investors"]] == ["国投创合", "礼来亚洲基金", "元禾原点"]


def test_a_valuation_told_as_falling_from_one_figure_to_another_is_the_second():
    """估值从30亿美元跌到12亿美元: the round's valuation is the one it fell to; 比2022年的高点 dates no round."""
    text = ("估值从30亿美元跌到12亿美元 美国支付新创Ledgerly完成C轮\n"
            "美国B2B支付新创Ledgerly于9月30日宣布完成1亿美元C轮募资，由Ribbit Capital领投。"
            "不过本轮投后估值仅12亿美元，比2022年的高点下滑六成。\n")
    [event] = nlp.extract(text, published="2025-10-01")["events"]
    assert (event["company"]["name"], event["valuation"]["value"], event["date"]["start_date"]) \
        == ("Ledgerly", 1.2e9, "2025-09-30")


def test_a_review_tables_status_cells_give_each_row_its_step():
    """公司｜板块｜状态 with 已受理 / 中止（…） / 终止（…） in the status column: each row's company is at that step."""
    text = ("IPO审核进度跟踪表（截至2025年9月26日）\n"
            "公司｜板块｜状态｜保荐机构｜更新日期\n"
            "睿岭电子｜创业板｜已问询｜招商证券｜2025-09-23\n"
            "舜岭医药｜科创板｜中止（财务资料过期）｜中金公司｜2025-09-25\n"
            "禾岭食品｜沪市主板｜终止（主动撤回）｜民生证券｜2025-09-26\n")
    events = nlp.extract(text, published="2025-09-27")["events"]
    assert [(ev["company"]["name"], ev["stage"]) for ev in events] \
        == [("睿岭电子", "filed"), ("舜岭医药", "suspended"), ("禾岭食品", "terminated")]


def test_an_items_header_line_dates_the_round_told_under_it():
    """▍X（9月17日） over the item's paragraph: the header's date is the round's."""
    text = ("9月硬科技融资盘点\n"
            "▍楠岭科技（2025年9月）\n"
            "工业视觉检测企业楠岭科技拿下1.5亿元B轮，中金资本领投、国投招商跟投。\n"
            "▍铧岭半导体（9月17日）\n"
            "功率器件设计企业铧岭半导体获2亿元A轮融资，由中芯聚源领投。\n")
    events = nlp.extract(text, published="2025-10-13")["events"]
    assert [(ev["company"]["name"], ev["date"]["start_date"], ev["date"]["end_date"]) for ev in events] \
        == [("楠岭科技", "2025-09-01", "2025-09-30"), ("铧岭半导体", "2025-09-17", "2025-09-17")]


def test_a_partner_that_stayed_out_of_the_rounds_denies_none_of_them():
    """RISC-V AI芯片公司X…；但Y并未参与这两轮融资: X's rounds stand, and RISC-V AI is no company."""
    text = ("RISC-V AI芯片公司荻岭科技连续完成两轮融资\n"
            "荻岭科技近日宣布，公司已连续完成Pre-A轮和A轮两笔融资。其中，Pre-A轮由峰瑞资本领投；A轮由小米长江产业基金领投。\n"
            "荻岭科技已与三家机器人整机厂签署供货协议，其中包括战略合作伙伴芰岚机器人，但芰岚机器人并未参与这两轮融资。")
    events = nlp.extract(text, published="2025-06-12")["events"]
    assert [(ev["company"]["name"], ev["round"]["name"]) for ev in events] == [("荻岭科技", "pre-A"), ("荻岭科技", "A")]


def _rounds_told(text: str, published: str) -> list[tuple]:
    return [(ev["company"]["name"], ev["round"]["name"], ev["date"]["start_date"] if ev.get("date") else None,
             sorted(i["name"] for i in ev.get("investors") or []))
            for ev in nlp.extract(text, published=published)["events"]]


def test_an_entrys_chronicle_tells_the_rounds_of_the_company_it_is_about():
    """An encyclopedia entry: its chronicle's lines name no company (2020年8月，天使轮由X投出), the shareholders'
    lines between name others; each round is the entry's company's, dated by its own line (not by the line before
    that ends on 成立); the reference list under 参考资料 tells no round."""
    text = ("澄岭智能\n编辑\n"
            "杭州澄岭智能装备有限公司（简称“澄岭智能”）成立于2019年，主营仓储机器人。\n"
            "股东信息\n宁波澈川创业投资合伙企业（有限合伙）　持股比例12.00%\n其他股东　持股比例30.00%\n"
            "发展历程\n2019年5月，公司在杭州登记成立。\n2020年8月，天使轮由奇绩创坛投出。\n"
            "2021年11月，A轮融资落地，金额8000万元，高榕创投为领投方。\n"
            "2024年7月，获得湖州苕溪产业投资基金的战略投资。\n"
            "参考资料\n[1] 澄岭智能B轮融资公告\n")
    assert _rounds_told(text, "2025-09-18") == [
        ("澄岭智能", "angel", "2020-08-01", ["奇绩创坛"]),
        ("澄岭智能", "A", "2021-11-01", ["高榕创投"]),
        ("澄岭智能", "strategic", "2024-07-01", ["湖州苕溪产业投资基金"])]


def test_a_table_of_rounds_reads_each_column_by_its_header():
    """A company page's table of rounds under the site's breadcrumb: an empty cell (-) ends no row, the 投资方
    column's names invest, the 新闻来源 column's report."""
    text = ("天眼查 > 企业 > 北京澈羽科技有限公司\n北京澈羽科技有限公司\n融资历程（2）\n"
            "披露日期 | 交易金额 | 融资轮次 | 估值 | 投资方 | 新闻来源\n"
            "2025-06-18 | 1.2亿人民币 | A+轮 | - | 元禾璞华（领投）、黉川资本 | 企业官微\n"
            "2024-09-03 | 未披露 | A轮 | - | 中科创星 | 36氪\n")
    assert _rounds_told(text, "2025-10-01") == [
        ("北京澈羽科技有限公司", "A+", "2025-06-18", ["元禾璞华", "黉川资本"]),
        ("北京澈羽科技有限公司", "A", "2024-09-03", ["中科创星"])]


def test_keycap_numbered_items_name_their_company_on_the_header_line():
    """1️⃣ X｜Series A｜1500万美元 over the item's line: the item's round is X's."""
    text = ("本周出海融资\n"
            "1️⃣ Mendora｜Series A｜1500万美元\n新加坡心理健康SaaS，11月19日官宣A轮，Vertex Ventures领投。\n"
            "2️⃣ Drivelane｜Series B｜€20M\n柏林跨境物流数据平台，Insight Partners领投，Accel参投。\n")
    events = nlp.extract(text, published="2025-11-22")["events"]
    assert [(ev["company"]["name"], sorted(i["name"] for i in ev["investors"])) for ev in events] \
        == [("Mendora", ["Vertex Ventures"]), ("Drivelane", ["Accel", "Insight Partners"])]


def test_an_issuers_notice_names_no_verb_as_a_company():
    """…此次拿到注册批复，标志着IPO进入发行准备阶段: 标志着 is no company planning a listing."""
    text = ("近日，浙江星沣电气股份有限公司（以下简称“星沣电气”“公司”）收到证监会同意注册的批复。7月3日的上交所上市委会议上，"
            "公司首发申请已顺利获得通过；此次拿到注册批复，标志着IPO进入发行准备阶段。根据招股说明书，公司拟在上交所主板发行"
            "不超过5,100万股，募集资金9.6亿元。")
    events = nlp.extract(text, published="2025-10-17")["events"]
    assert {ev["company"]["name"] for ev in events} == {"星沣电气"}


def test_a_field_table_has_no_columns_to_read_down():
    """项目 | 内容 and a field a row (网上申购日 | 2025年8月19日): the label is no column's header, so the rows under it
    (保荐机构 | 中信建投证券) are no subscriptions of their own."""
    text = ("星湉家居股份有限公司\n首次公开发行股票并在主板上市发行公告（摘要）\n本次发行基本情况如下：\n项目 | 内容\n"
            "每股发行价格 | 18.62元\n网上申购日 | 2025年8月19日（T日）\n申购代码 | 001319\n保荐机构 | 中信建投证券\n"
            "发行市盈率 | 21.37倍\n")
    events = nlp.extract(text, published="2025-08-18")["events"]
    assert "中信建投证券" not in {ev["company"]["name"] for ev in events}


def test_a_rounds_row_without_a_header_names_its_investors_after_the_round():
    """▍融资历程 then 2022年｜天使轮（数千万元）｜X: the cell after the round's (its sum in brackets) names who invested,
    and the round is the page's company's, not X's."""
    text = "澄镡科技\n▍融资历程\n2022年｜天使轮（数千万元）｜奇绩创坛\n2024年｜Pre-A轮｜蓝驰创投独家投资\n"
    assert _rounds_told(text, "2025-09-02") == [("澄镡科技", "angel", "2022-01-01", ["奇绩创坛"]),
                                                 ("澄镡科技", "pre-A", "2024-01-01", ["蓝驰创投"])]


def test_this_offering_and_a_price_told_back_then_go_to_their_own_listings():
    """此次香港全球发售…: "this" offering is the Hong Kong listing of the day, not the US one of 2019 told just before
    it; 当时ADS发行价为…: the price of the listing whose year the sentence has just told."""
    text = ("澄伽科技今日在港交所主板挂牌。该公司2019年在纳斯达克上市，当时ADS发行价为每股16美元。"
            "此次香港全球发售共1800万股新股，募资净额约11.9亿港元。")
    events = {ev["exchange"]["code"]: ev for ev in nlp.extract(text, published="2026-03-27")["events"]}
    assert sorted(events) == ["HKEX", "NASDAQ"]
    assert events["HKEX"]["proceeds"]["value"] == 1.19e9 and not events["HKEX"]["historical"]
    assert events["NASDAQ"]["historical"] and events["NASDAQ"]["date"]["start_date"] == "2019-01-01"
    assert events["NASDAQ"]["offer_price"]["value"] == 16 and events["NASDAQ"]["proceeds"] is None


def test_a_listed_company_said_to_be_the_rounds_only_industrial_investor_invests():
    """禚澄电子是唯一的产业方: the listed company that announced its stake is the round's investor, not its company."""
    text = ("禚澄电子（300917）9月23日晚间披露，公司同意以自有资金8000万元对苏州砜澄新材料有限公司（下称“砜澄新材”）进行增资。"
            "砜澄新材这一轮的盘子并不小。据公告，本轮增资总额为3亿元，由元禾璞华牵头，国投创合亦参与其中，禚澄电子是唯一的产业方。")
    events = nlp.extract(text, published="2025-09-24")["events"]
    assert {ev["company"]["name"] for ev in events} == {"砜澄新材"}
    assert any("禚澄电子" in [i["name"] for i in ev["investors"]] for ev in events)


@pytest.mark.parametrize("text", [
    # (36氪曾独家报道): the medium that once reported the round, in a note; 栎澄半年内: the span after the name
    "36氪获悉，栎澄智能近日完成2亿元A+轮融资。这是栎澄半年内的第二次融资。今年5月，公司刚拿下九合创投独家投资的数千万元A轮（36氪曾独家报道）。",
    # 彼时椴澄完成…: the time word that opens the clause is no part of the name
    "9月8日晚间，栎澄智能宣布完成1.2亿美元A+轮融资。其上一轮融资要追溯到2023年：彼时栎澄智能完成5000万元A轮，领投方为峰瑞资本。",
])
def test_an_earlier_round_told_after_the_news_is_the_same_companys(text):
    assert {(ev["company"]["name"], ev["round"]["name"]) for ev in nlp.extract(text, published="2025-11-18")["events"]} \
        == {("栎澄智能", "A+"), ("栎澄智能", "A")}


def test_an_investor_that_put_money_into_the_companys_round_names_the_company_in_focus():
    """奇绩创坛以3000万元投下了公司的天使轮: the investor's verb, then 公司的 round: the company in focus raised it."""
    text = ("琰澄机器人拿下数亿元B轮。往前看，琰澄的融资节奏并不慢。2023年，奇绩创坛以3000万元投下了公司的天使轮；"
            "2024年7月，公司又拿下1.2亿元A轮，那一轮由蓝驰创投领投。")
    events = nlp.extract(text, published="2025-06-18")["events"]
    assert {ev["company"]["name"] for ev in events} == {"琰澄机器人"}
    angel = next(ev for ev in events if ev["round"]["name"] == "angel")
    assert [i["name"] for i in angel["investors"]] == ["奇绩创坛"]


def test_the_post_money_valuation_wins_where_both_are_told():
    """以投前估值19亿元为定价基础，对应投后估值25亿元: the round's valuation is the post-money one."""
    [event] = nlp.extract("铱澄氢能宣布完成6亿元战略融资。本次增资以投前估值19亿元为定价基础，对应投后估值25亿元。",
                          published="2025-06-24")["events"]
    assert event["valuation"]["value"] == 2.5e9



@pytest.mark.parametrize("text, published, want", [
    # 【楦岫科技｜B轮】2亿元落定: a round in the bracket heads an item of a daily feed, it is no outlet's byline
    ("投融资日报｜7月15日国内一级市场共披露5起融资。【霁岭医疗｜A轮】手术导航企业霁岭医疗完成1.2亿元A轮融资，"
     "礼来亚洲基金领投。【楦岫科技｜B轮】2亿元落定：高瓴创投领投，老股东源码资本跟进。",
     "2025-07-16", [("楦岫科技", "B"), ("霁岭医疗", "A")]),
    # ■ 蒔原食研（10/15）：…取得種子輪: each item of a weekly round-up is about the name that opens it, a name no lexicon
    # knows included
    ("數位時代｜新創募資週報（10/13－10/17）\n文／數位時代編輯部\n\n本週共有四則新創募資與基金訊息，整理如下：\n\n"
     "■ 岫光智造（10/13）：工業 AI 視覺檢測新創，宣布完成 Pre-A 輪，募得新台幣 1.1 億元，心元資本領投，國發基金跟進。\n\n"
     "■ 澈川創投（10/14）：第二號基金首次關帳，規模新台幣 25 億元，LP 包括國發基金與兩家壽險公司。\n\n"
     "■ 蒔原食研（10/15）：植物基蛋白新創，取得種子輪資金 120 萬美元，投資方為新加坡的 Lumacrest Capital。\n\n"
     "■ 舷羽航電（10/16）：無人機航電模組商，A 輪新台幣 2.4 億元落袋，由台杉投資與華登國際共同領投。\n",
     "2025-10-17", [("岫光智造", "pre-A"), ("舷羽航电", "A"), ("莳原食研", "seed")]),
])
def test_each_item_of_a_round_up_is_about_the_name_that_heads_it(text, published, want):
    events = nlp.extract(text, published=published)["events"]
    assert sorted((ev["company"]["name"], ev["round"]["name"]) for ev in events) == want



def test_a_review_told_as_one_passed_one_put_off_gives_each_its_step():
    """钜川电子过会，湓汐环保被暂缓 … 另一家湓汐环保则被暂缓审议: 另一家 is no part of the name, so the body's suspended
    review is the headline's company's."""
    text = ("深交所上市委昨日审议两家企业：钜川电子过会，湓汐环保被暂缓\n2025年09月19日 08:15　东方财富网\n\n"
            "东方财富网讯，深交所上市审核委员会9月18日召开2025年第24次审议会议，一过一暂缓。\n"
            "其中，钜川电子（创业板）首发获通过。\n另一家湓汐环保（深市主板）则被暂缓审议。湓汐环保原拟募资5.2亿元。")
    events = nlp.extract(text, published="2025-09-19")["events"]
    assert sorted((ev["company"]["name"], ev["stage"]) for ev in events) == [
        ("湓汐环保", "suspended"), ("钜川电子", "hearing_passed")]


def test_a_sectors_deal_size_growing_is_no_round_of_the_company_in_focus():
    """国内AI芯片初创公司今年以来的单笔融资规模明显放大: statistics of a sector, not a second round of X."""
    text = ("【芮川智算完成约1.5亿美元C轮】\n财联社10月21日电，AI推理芯片初创公司芮川智算本月早些时候已完成约1.5亿美元的C轮融资，"
            "高瓴资本领投。\n芮川智算的推理芯片已在两家国内云厂商的数据中心小规模部署，今年收入有望突破5亿元。"
            "受算力需求推动，国内AI芯片初创公司今年以来的单笔融资规模明显放大，多家公司投后估值已超过10亿美元。")
    events = [ev for ev in nlp.extract(text, published="2025-10-21")["events"] if ev["type"] == "funding"]
    assert [(ev["company"]["name"], ev["round"]["name"]) for ev in events] == [("芮川智算", "C")]



@pytest.mark.parametrize("text, published, want", [
    # 泰州市…委员会 / 首页 > 国资动态 / 鹭川国投战略入股钴川新能源: the headline's round and the body's retelling are one
    ("泰州市人民政府国有资产监督管理委员会\n首页 > 国资动态 > 企业动态\n鹭川国投战略入股钴川新能源 助力固态电池项目落地\n"
     "发布时间：2025-07-09　来源：鹭川国投\n\n"
     "7月7日上午，泰州鹭川国有资本投资运营集团有限公司（以下简称“鹭川国投”）与泰州钴川新能源科技有限公司（以下简称"
     "“钴川新能源”）签署增资协议。按照协议，鹭川国投所属泰州鹭川产业投资基金合伙企业（有限合伙）将拿出1.5亿元，"
     "以战略入股方式进入钴川新能源，交易完成后持有其约12%股权。",
     "2025-07-09", [("钴川新能源", "strategic", 150_000_000)]),
    # 邯川钢铁集团有限公司 / 首页 > 新闻中心 / 集团战略投资焱川科技: a company's own site, its name above the breadcrumbs
    ("邯川钢铁集团有限公司\n首页 > 新闻中心 > 集团要闻\n集团战略投资焱川科技 氢冶金布局再落一子\n发布者：集团办公室\n\n"
     "2025年9月12日，集团全资子公司邯川产业投资有限公司（以下简称“邯川投资”）与北京焱川科技有限公司（以下简称“焱川科技”）"
     "在邯郸签署增资协议，邯川投资出资8000万元，作为战略投资者入股焱川科技，持有其10%股份。",
     "2025-09-13", [("焱川科技", "strategic", 80_000_000)]),
])
def test_the_title_is_found_below_a_sites_name_and_its_breadcrumbs(text, published, want):
    events = nlp.extract(text, published=published)["events"]
    assert [(ev["company"]["name"], ev["round"]["name"], ev["amount"]["value"]) for ev in events] == want


def test_a_rumoured_spin_off_denied_as_no_plan_is_no_listing():
    """市場傳出…將分拆、獨立申請上市 … 「沒有分拆上市的規劃」: hearsay denied; 上市櫃公司 (listed and OTC companies) tells no
    step that would keep it."""
    text = ("經濟日報 > 證券 > 上市櫃\n10月營收放榜　瑾川法說會澄清不分拆\n\n"
            "IC設計廠瑾川科技（5288）同日召開法說會，針對市場傳出旗下車用晶片事業將分拆、獨立申請上市，"
            "總經理明確表示「沒有分拆上市的規劃」。\n台股10月整體營收表現亮眼，上市櫃公司合計營收年增約17%。")
    assert nlp.extract(text, published="2025-11-11")["events"] == []



def test_a_citys_short_form_in_its_papers_masthead_is_no_company():
    """岱州日报 over a headline that opens with its figure and names no company: 岱州 is the city whose paper it is,
    not the short form of 岱州城投 (a party further down), so the headline's loan is the one the body tells."""
    text = ("岱州日报　2025年08月27日　第A03版：要闻\n\n36亿元！我市最大风电项目拿到银团贷款\n\n"
            "本报讯（记者 严岚）8月26日下午，项目银团贷款签约仪式在市行政中心举行。项目业主澜岳新能源有限公司（以下简称"
            "“澜岳新能源”）与银行团签署合同，获得36亿元银团贷款，期限18年。\n\n"
            "据介绍，澜岳新能源由市属国企岱州能源集团控股，除银团贷款外，岱州城投将以项目资本金形式注入12亿元。")
    events = [(ev["company"]["name"], (ev.get("amount") or {}).get("value"))
              for ev in nlp.extract(text, published="2025-08-27")["events"]]
    assert ("澜岳新能源", 3_600_000_000) in events
    assert not any(company.startswith("岱州") for company, _ in events)


# A digest whose lines open with the item's company in brackets: each bracket names its item's company (an outlet
# cited for the count, 据X不完全统计, is none); one bracket alone stays an outlet's byline.
BRACKET_DIGESTS = [
    ("12月1日，据岚讯网不完全统计，国内一级市场共披露14起融资事件：\n"
     "【旸舟航空】eVTOL整机研发商，数亿元B轮融资落地，深创投领投，合肥产投跟投。\n"
     "【炘硅微电子】车规级MCU设计公司，拿到1.2亿元Pre-A轮，中芯聚源领投。",
     {"旸舟航空": "B", "炘硅微电子": "pre-A"}),
    ("【星澜网】溯川科技今日宣布完成2亿元B轮融资，由红杉中国领投。", {"溯川科技": "B"}),
]


@pytest.mark.parametrize("text, rounds", BRACKET_DIGESTS)
def test_a_bracketed_digest_item_names_its_company(text, rounds):
    events = nlp.extract(text, published="2025-12-02")["events"]
    assert {ev["company"]["name"]: ev["round"]["name"] for ev in events} == rounds


@pytest.mark.parametrize("text", ["溯嶢半導體12日在那斯達克掛牌，股票代碼SYAO。", "溯峣半导体12日在纳斯达克挂牌，股票代码SYAO。"])
def test_taiwans_name_for_nasdaq_tells_the_listing(text):
    (event,) = nlp.extract(text, published="2025-06-13")["events"]
    assert (event["stage"], event["exchange"]["code"], event["date"]["start_date"]) == ("listed", "NASDAQ", "2025-06-12")


@pytest.mark.parametrize("text, companies", [
    # a digest's column (债市早报：…) heads the page, the items name the issuers
    ("债市早报：资金面均衡偏松 两家发行人完成超短融和中票发行\n1. 蕤屿电子12月2日完成2025年度第三期超短期融资券发行，发行规模5亿元。",
     {"蕤屿电子"}),
    # 公告筹划发行H股: the verbs after 公司 name no one
    ("珂溆电子2019年在深交所创业板上市。公司去年7月公告筹划发行H股，今年3月中旬通过港交所聆讯。", {"珂溆电子"}),
    # 人形机器人零部件企业: a sector before a trade word describes the company, it is no name
    ("上月，岵岚智能向港交所主板递交了上市申请，成为今年首家递表的人形机器人零部件企业。", {"岵岚智能"}),
    # 董秘回复：: the secretary's answer on an investor forum names no company
    ("棂岙科技（920839）昨晚发了业绩快报。\n一是会不会转板去科创板。董秘回复：“公司暂无转板计划，将继续立足北交所。”\n"
     "二是子公司棂岙材料是不是要去新三板挂牌。董秘回复：“相关传闻不属实，子公司无挂牌安排。”\n另外，公司去年底推出的新型导热凝胶已经正式上市。",
     set()),
    # 迎来一波递表小高峰, 港股再添18A递表: a wave of filings, no filer
    ("【港股】本周港交所迎来一波递表小高峰。\n6月30日，栩岙医疗向联交所递表，冲刺主板。", {"栩岙医疗"}),
    ("IPO日报｜2026年3月25日：一家辅导备案，一家提交注册，港股再添18A递表", set()),
])
def test_words_that_name_no_company(text, companies):
    assert {ev["company"]["name"] for ev in nlp.extract(text, published="2026-03-31")["events"]} == companies


def test_a_sum_right_after_the_investors_is_the_rounds_own():
    """获得A、B合计12亿元投资: 合计 adds up the investors' parts of this round, it sums no rounds told before."""
    rounds = rounds_of("瑷岚储能2022年7月的A轮融资5亿元由高瓴创投领投；2024年1月的B轮中，公司获得中金资本、国投招商合计12亿元投资。",
                       "2026-03-20")
    assert set(rounds) == {"A", "B"}
    assert rounds["B"]["amount"]["value"] == 1.2e9
    assert {p["name"] for p in rounds["B"]["investors"]} == {"中金资本", "国投招商"}


def test_a_history_table_belongs_to_the_company_its_head_names():
    """星河科技融资历程： over rows of dates, rounds, sums and investors: each row is that company's round, not the
    round of the outlet named on the page's first line."""
    text = ("垣岙汽车\n充电运营商「荻汀科技」获数亿元B轮融资\n垣岙汽车获悉，超充网络运营商荻汀科技日前完成数亿元B轮融资，由蔚来资本领投。\n"
            "荻汀科技融资历程：\n2023年6月｜天使轮｜过亿元｜线性资本\n2024年12月｜A轮｜3亿元｜国投招商（领投）、蜀沣产投（跟投）\n"
            "注：以上信息来自企业披露。")
    rounds = rounds_of(text, "2026-01-20")
    assert {ev["company"]["name"] for ev in rounds.values()} == {"荻汀科技"}
    assert {"angel", "A", "B"} <= set(rounds)


def test_a_table_of_new_listings_lists_each_row():
    """公司｜交易所｜代码｜上市日｜发行价 over one row per company: each company listed on its row's day (a calendar with
    a subscription day's column tells the subscription instead)."""
    text = ("中概股赴美IPO月报｜10月\n公司｜交易所｜代码｜上市日｜发行价｜募资额\n"
            "漷岙医疗｜纳斯达克｜HFMX｜10月8日｜4.50美元｜900万美元\n钫岙储能｜纽交所｜FYEX｜10月21日｜12.00美元｜4200万美元")
    events = {ev["company"]["name"]: ev for ev in nlp.extract(text, published="2026-11-02")["events"]}
    assert set(events) == {"漷岙医疗", "钫岙储能"}
    assert {name: (ev["stage"], ev["date"]["start_date"]) for name, ev in events.items()} == \
        {"漷岙医疗": ("listed", "2026-10-08"), "钫岙储能": ("listed", "2026-10-21")}


@pytest.mark.parametrize("text", [
    # the controlling holder lends to the staff of a share plan: the company raises nothing
    "11月25日晚间，科创板公司箖澈智能披露2025年限制性股票激励计划（草案）。\n公司同时推出第二期员工持股计划，筹资规模不超过1.2亿元。"
    "控股股东孚澈投资拟按1:1比例向参与员工提供借款，借款期限不超过36个月。",
    # a tender offer that keeps the company listed, paid with the bidder's acquisition loan
    "觌澈集团拟部分要约收购轸澈股份15%股份　不以终止上市为目的\n轸澈股份8月7日晚间公告，收到觌澈集团发来的《要约收购报告书摘要》。\n"
    "资金来源方面，觌澈集团表示，将使用自有资金及兴业银行提供的并购贷款，不存在直接或间接来源于轸澈股份的情形。",
])
def test_corporate_actions_that_raise_and_list_nothing(text):
    assert nlp.extract(text, published="2025-12-05")["events"] == []


def test_a_digest_item_headed_by_its_company_in_brackets():
    """【X】 alone on its line heads the item below it: 该公司… / 这家…企业… / a sector's words there are X's round."""
    text = ("本周融资精选\n【瞿澈机器人】\n该公司月初完成B轮融资，金额3亿元。领投方为君联资本。\n"
            "【荇岙生物】\n这家做细胞治疗的企业9月15日宣布完成1.8亿元A轮，由礼来亚洲基金领投。\n"
            "【Brindlewick】\n海外仓机器人初创，今日宣布完成800万美元Pre-A轮融资。投资方为真格基金。")
    rounds = rounds_of(text, "2026-09-18")
    assert {name: ev["company"]["name"] for name, ev in rounds.items()} == \
        {"B": "瞿澈机器人", "A": "荇岙生物", "pre-A": "Brindlewick"}


def test_the_round_before_is_a_deal_of_its_own():
    """公司上一次融资在2024年8月，那一轮拿了1.5亿元: the round before the one the headline tells, never merged into it
    (even where an investor of both and a vague sum would let them)."""
    text = ("36氪首发｜「骎岙智能」完成数千万美元B轮融资\n苏州骎岙智能科技有限公司（以下简称“骎岙智能”）近日完成新一轮融资，金额为数千万美元。"
            "本轮由源码资本领投，老股东元禾原点继续跟投。公司上一次融资在2024年8月，那一轮拿了1.5亿元人民币，由元禾原点领投。")
    events = nlp.extract(text, published="2026-03-12")["events"]
    assert {((ev["round"] or {}).get("name", "-"), (ev["date"] or {}).get("start_date", "-")) for ev in events} == \
        {("B", "-"), ("-", "2024-08-01")}


def test_a_committee_list_of_results_by_legal_name():
    """审议结果 / （一）X股份有限公司：审议通过。 / （二）Y股份有限公司：暂缓审议。: each line a company and its result."""
    text = ("上海证券交易所上市审核委员会2025年第38次审议会议于2025年9月25日召开，现将会议审议情况公告如下：\n一、审议结果\n"
            "（一）祎岙智能科技股份有限公司：审议通过。\n（二）浙江骍澈科技股份有限公司：暂缓审议。")
    assert stages_of(text, "2025-09-26") == {"祎岙智能科技股份有限公司": "hearing_passed", "浙江骍澈科技股份有限公司": "suspended"}


def test_a_lettered_round_among_the_rounds_counted_before_is_an_event_apart_from_the_new_one():
    text = ("藟屿智驾已在月初敲定新一轮融资，金额超6亿元人民币。藟屿智驾成立于2019年，此前已完成四轮融资，"
            "其中2024年3月的C轮为8亿元人民币，由红杉中国领投。")
    rounds = rounds_of(text, "2026-09-09")
    assert set(rounds) == {"new", "C"}
    assert rounds["new"]["amount"]["value"] == 6e8 and rounds["C"]["amount"]["value"] == 8e8
    assert not rounds["C"]["cumulative"] and [i["name"] for i in rounds["C"]["lead_investors"]] == ["红杉中国"]


def test_a_guarantor_takes_no_focus_from_the_issuer_whose_next_bond_公司_tells():
    text = ("阗岙城市建设投资集团有限公司（简称“阗岙城投”）披露，公司债券已于10月21日完成簿记建档，最终发行规模12亿元。"
            "本期债券由阗岙国有资本运营集团提供全额无条件不可撤销连带责任保证担保。这已是阗岙城投年内第二次在交易所发债。"
            "今年3月，公司发行8亿元公司债。")
    events = nlp.extract(text, published="2025-10-23")["events"]
    assert sorted((ev["company"]["name"], ev["amount"]["value"]) for ev in events) == [("阗岙城投", 8e8), ("阗岙城投", 1.2e9)]


def test_a_past_round_told_by_who_put_all_of_it_in_is_an_event_of_its_own():
    """天使轮全部由X出资: a round and the one investor that put in all of it, after the company's new round."""
    text = ("鼻腔给药平台公司沐岭生物4月9日完成数千万美元A轮融资，红杉中国领投。\n"
            "2024年10月，公司的800万美元天使轮全部由Monolith砺思资本出资。")
    rounds = rounds_of(text, "2026-04-13")
    assert sorted(rounds) == ["A", "angel"]
    assert [i["name"] for i in rounds["angel"]["investors"]] == ["Monolith砺思资本"]
    assert rounds["angel"]["amount"]["value"] == 8e6 and rounds["angel"]["date"]["start_date"].startswith("2024-10")


def test_a_loan_the_placed_money_repays_is_no_debt_event():
    """拟用于偿还一笔…银团贷款: the loan named after 偿还 is the one repaid, not a new one."""
    text = ("岙川集团公告，与配售代理订立配售协议，配售所得款项净额约3.1亿港元，"
            "拟用于偿还一笔将于明年到期的银团贷款及补充营运资金。")
    events = nlp.extract(text, published="2026-04-20")["events"]
    assert [ev for ev in events if ev.get("instrument") == "debt"] == []

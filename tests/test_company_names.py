"""Chinese company names closed by an ending (name_suffixes.tsv): where a name starts and ends."""
import pytest

from nlp.document import Document
from nlp.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def companies(pipeline, text):
    return [e.text for e in pipeline.analyse(Document("d", text)).context.entities if e.label == "COMPANY"]


@pytest.mark.parametrize("text, name", [
    ("星河科技有限公司于今日公告。", "星河科技有限公司"),
    # a state capital platform: jieba's pieces after 国有资本 / 国资 / 国有资产 end one legal name
    ("控股股东星河市国有资本运营有限公司以现金认购。", "星河市国有资本运营有限公司"),
    ("本轮由澜屹市国有资本投资运营有限公司领投。", "澜屹市国有资本投资运营有限公司"),
    ("投资方包括澜屹国资运营有限公司。", "澜屹国资运营有限公司"),
    # … and with 集团 before its legal form (jieba: 国有资本|投资|运营|集团|有限公司)
    ("发行人全称为汶岭国有资本投资运营集团有限公司。", "汶岭国有资本投资运营集团有限公司"),
    ("认购方为澜屹市国有资产经营集团有限公司。", "澜屹市国有资产经营集团有限公司"),
    # jieba cuts 有限责任公司 into 有限责任 + 公司: still one legal form
    ("星河科技有限责任公司于今日公告。", "星河科技有限责任公司"),
    ("控股股东宜岭兴澜集团有限责任公司于11月20日将2000万股进行质押。", "宜岭兴澜集团有限责任公司"),
    # 企业 before a strong ending is part of the name, not a description of what follows
    ("澜城影视文化企业集团有限公司股票质押式回购合同违约。", "澜城影视文化企业集团有限公司"),
    # a known name inside a longer legal name, after a place and a word no dictionary knows
    ("南京澜屹汇丰股份有限公司今日在上交所主板上市。", "南京澜屹汇丰股份有限公司"),
    # … and before nothing but endings up to a legal form
    ("据悉，澜屹企业股份有限公司今日发布公告。", "澜屹企业股份有限公司"),
    ("澜屹企业发展集团有限公司今日发布公告。", "澜屹企业发展集团有限公司"),
    # a word jieba tags as a verb, adverb or time word, between a proper word and an ending
    ("北京未来科技有限公司完成融资。", "北京未来科技有限公司"),
    ("沛星互动科技完成C轮融资。", "沛星互动科技"),
    ("沛星互动科技今日宣布完成C轮融资。", "沛星互动科技"),
    ("AI新創沛星互動科技今日宣布完成C輪融資。", "沛星互动科技"),  # names are read in simplified script
    # a sector's ending, as A-share short names and retail brands have, outside the subject too
    ("腾讯出资9.6亿元认购澄岚超市非公开发行股份。", "澄岚超市"),
    ("澄湖资本拟认购星岚钨业定增股份。", "星岚钨业"),
    ("星岚百货向澄湖资本非公开发行股份，募资3亿元。", "星岚百货"),
    # a weak ending, then a plain word of the sentence, after a word no dictionary knows
    ("融资方面，帆栖科技节奏并不快。", "帆栖科技"),
    ("翎隼科技想让AI替老师傅找缺陷。", "翎隼科技"),  # a brand jieba cuts into single characters
    # a known name's holding company
    ("澄湖资本向奇瑞控股集团增资5亿元。", "奇瑞控股集团"),
    ("青岛澄湖向奇瑞控股投资7亿元。", "奇瑞控股"),
    # the short form of a legal name whose last word jieba cuts to one character (澄|航电|气)
    ("常州澄航电气股份有限公司的北交所IPO申请获上市委审议通过。澄航电气主要生产电抗器。", "澄航电气"),
    # a brand of time or direction words (秋叶 间) between the place and the trade: the place opens the name
    ("品牌晚秋的运营主体为上海秋叶间餐饮管理有限公司。", "上海秋叶间餐饮管理有限公司"),
    ("运营方为杭州春分里茶饮管理有限公司。", "杭州春分里茶饮管理有限公司"),
])
def test_a_legal_name_is_found_whole(pipeline, text, name):
    assert name in companies(pipeline, text)


@pytest.mark.parametrize("text, name, not_name", [
    # a description before a name is no part of it
    ("工业软件企业迈拓软件完成融资。", "迈拓软件", "工业软件企业迈拓软件"),
    ("物流企业星河集团完成融资。", "星河集团", "物流企业星河集团"),
    # 公司 then a plain word and endings up to a legal form: 公司 describes, unlike 企业 (澜屹企业发展集团有限公司)
    ("城市互联网公司澜云国际有限公司今日宣布获得战略投资。", "澜云国际有限公司", "城市互联网公司澜云国际有限公司"),
    ("城市互联网公司澜云科技有限公司今日宣布获得战略投资。", "澜云科技有限公司", "城市互联网公司澜云科技有限公司"),
    # a preposition jieba glues to the name after a plain word (市场 对澄星 科技 有限公司)
    ("资本市场对澄星科技有限公司青睐有加。", "澄星科技有限公司", "资本市场对澄星科技有限公司"),
    # 综企 / 药企 (a conglomerate, a drug maker) that jieba glues to the name after it
    ("本地上市綜企嵩澄集團（01892）旗下創投平台今日宣佈注資一家初創。", "嵩澄集团", "综企嵩澄集团"),
])
def test_a_description_stays_out_of_the_name(pipeline, text, name, not_name):
    found = companies(pipeline, text)
    assert name in found and not_name not in found


@pytest.mark.parametrize("text, not_name", [
    # a verb after a plain noun, or right after the name, is the sentence's, not the name's
    ("加快推进科技创新。", "推进科技"),
    ("星河集团完成科技改造。", "完成科技"),
    ("推动资本市场发展。", "资本市场"),
    ("数字科技发展迅速。", "数字科技"),
    # 控股 the verb after a known name
    ("阿里巴巴控股的澄岚零售获得增资。", "阿里巴巴控股"),
    ("奇瑞控股股东澄湖集团今日公告。", "奇瑞控股"),
    # a kind of shares ends in 股份 as brands do (星河股份), and names no one
    ("湛溯集团建议以每两股获发一股供股股份之基准进行供股。", "供股股份"),
    ("公司将向卖方配发代价股份。", "代价股份"),
    # a connective that opens the clause (至于, 此外) is no part of the name after it
    ("至於星航物流（09876）則公布招股結果，一手中籤率30%。", "至于星航物流"),
    ("至于澜汀科技则完成B轮融资。", "至于澜汀科技"),
    # 向 that jieba's HMM glues to the unknown name after it (向澄邦) opens no name
    ("协议签署后，银行方合计向澄邦国际发放了9笔经营贷款共2亿元。", "方合计向澄邦国际"),
    # a verb and its aspect mark that jieba's guesser glues (签了) end the name before them
    ("同期，锃循还和澈程汽车签了电池回收合作框架协议。", "签了"),
])
def test_a_verb_of_the_sentence_is_no_part_of_a_name(pipeline, text, not_name):
    assert not any(not_name in name for name in companies(pipeline, text))


@pytest.mark.parametrize("text, not_name", [
    # a time word (隔年), a count (还有一只), a page's kind (周历) or its readers (投资者) in a subject's place are
    # words of the sentence, not a brand
    ("岚霁医材2022年成立，隔年拿到之初创投新台币3,000万元的种子轮资金。", "隔年"),
    ("本周打新日历：一只值得关注，还有一只今天上市。", "还有一只"),
    ("美股IPO周历：三只中概股排队 一家推迟发行", "周历"),
    ("打新提醒：投资者需在T-2日前20个交易日日均持有相应市场非限售A股股份一定市值，方可参与网上申购。", "投资者需"),
    # a sector word before a weak ending makes an industry phrase, even where a bet on it reads as an investment
    ("星岚资本新基金首关，继续押注工业软件和商业航天。", "工业软件"),
    ("星岚资本新基金首关，继续押注工业软件和商业航天。", "商业航天"),
    ("该基金将重点投资消费电子和数字医疗。", "消费电子"),
    ("工商业储能的调度之争：澜川能科获数千万元A轮融资。", "工商业储能"),
    # a column's heading (行业观察, 周记), 仅次于, and 做 (does: 做工业视觉检测的 says what someone does)
    ("▍行业观察\n2025年开年以来，具身智能赛道融资持续升温。", "行业观察"),
    ("新股周记：这周两只上市，下周两只申购", "周记"),
    ("这是今年第二大的美股IPO，仅次于9月在纽交所上市的一家物流企业。", "仅次"),
    ("泽澄科技代码301658，发行价38.90元。做工业视觉检测的，这个必打。", "做工业视觉检测"),
    # a thing counted by its measure word, and what a company makes, is a product
    ("砝澄芯能：一颗电池管理芯片背后的近亿元", "电池管理芯片"),
    ("这家成立三年的公司做电池管理芯片，去年出货突破200万颗。", "电池管理芯片"),
    # the city's investment group, told by its level only, refers to a firm named elsewhere
    ("市城投集团成功发行10亿元公司债券。", "市城投集团"),
    ("区交投公司获得国家开发银行20亿元贷款。", "区交投公司"),
    # … and so are the region's, or 'more', city-investment firms in general
    ("内地城投再来港发行点心债。", "内地城投"),
    ("▶ 查看更多城投债发行数据\n澜岭城投今年2月发行10亿元公司债。", "更多城投"),
])
def test_words_of_the_sentence_and_industry_phrases_are_no_name(pipeline, text, not_name):
    assert not_name not in companies(pipeline, text)


@pytest.mark.parametrize("text, name", [
    # … but a brand before the sector word is a name
    ("灵犀商业航天科技完成2亿元A轮融资。", "灵犀商业航天科技"),
    ("凌云消费电子完成1亿元B轮融资。", "凌云消费电子"),
    # a quoted name after what the company is, its Latin name inside the quotes after it
    ("水饺新创「澜饺坊 DumplingHub」的三次募资", "澜饺坊"),
    ("储能新创「澜储云」的A轮募资", "澜储云"),
])
def test_a_brand_before_a_sector_word_is_a_name(pipeline, text, name):
    assert name in companies(pipeline, text)


@pytest.mark.parametrize("text, name", [
    # the kind of stock said before a name (物流股, 消费股, 港股), or what the company is (新锐), is no part of it
    ("相反，物流股嶠藍物流（2617）今日再跌5.1%至3.36元。", "峤蓝物流"),
    ("消费股沐禾茶饮（2606）今日在港交所挂牌上市，首日收涨12%。", "沐禾茶饮"),
    ("医药股澄霆生物（2613）宣布完成配售，集资5亿港元。", "澄霆生物"),
    ("【明報專訊】醫療器械股瀚岚醫療（2159）昨晚公布先舊後新配股。", "瀚岚医疗"),
    ("双抗ADC新锐澈岚生物完成2.3亿元B轮融资。", "澈岚生物"),
])
def test_the_kind_of_stock_or_company_before_a_name_is_no_part_of_it(pipeline, text, name):
    found = companies(pipeline, text)
    assert name in found and not any(n.endswith(name) and n != name for n in found)


# --- the trained recogniser, where the rules name no party of an event clause ---

from nlp import entities  # noqa: E402
from nlp.entities import ner_model  # noqa: E402
from nlp.entities.span import Entity  # noqa: E402
from nlp.events import clauses  # noqa: E402

needs_model = pytest.mark.skipif(not (ner_model.MODEL_DIR / "config.cfg").exists(), reason="models/ner not built")


def clause_names(text, taken=()):
    return [(e.text, e.weak) for e in entities.find_clause_names(text, clauses.split(text), list(taken))]


@needs_model
def test_the_recogniser_names_the_party_of_a_bare_event_clause_as_a_weak_guess():
    assert clause_names("蓝湖控股完成增资。") == [("蓝湖控股", True)]


@needs_model
def test_an_investor_named_after_the_verb_leaves_the_subject_to_the_recogniser():
    text = "蓝湖控股完成增资，由红杉中国领投。"
    investor = Entity("COMPANY", text.index("红杉中国"), text.index("红杉中国") + 4, "红杉中国", None)
    assert clause_names(text, [investor]) == [("蓝湖控股", True)]


@needs_model
@pytest.mark.parametrize("text, taken", [
    ("蓝湖控股今日发布年报。", []),  # no event clause: the recogniser is not asked
    ("蓝湖控股完成增资。", [Entity("COMPANY", 0, 4, "蓝湖控股", None)]),  # the rules named the party
    # a short form of a name found elsewhere in the text
    ("蓝湖控股完成增资。母公司澜蓝湖控股集团发布公告。", [Entity("COMPANY", 12, 19, "澜蓝湖控股集团", None)]),
])
def test_the_recogniser_adds_no_name_where_the_rules_have_one(text, taken):
    assert clause_names(text, taken) == []


@pytest.mark.parametrize("short, name, expected", [
    ("中行", "中国银行", True),
    ("重庆行", "重庆银行", True),
    ("行中", "中国银行", False),
    ("中国银行", "中国银行", False),
    ("工行", "中国银行", False),
])
def test_a_short_form_keeps_the_order_of_the_name_s_characters(short, name, expected):
    assert entities._abbreviates(short, name) is expected


@pytest.mark.parametrize("words, described", [
    ("方案解决商智汐股份", "方案解决商"),
    ("行业先行者澜汐科技", "行业先行者"),
    ("江苏江南农村商业银行", None),  # 商 opening 商业 ends no descriptor
    ("澜汐跨境商贸集团", None),
])
def test_a_makers_word_before_a_name_describes_it_in_both_name_finders(words, described):
    """The suffix rules (names._DESCRIBED) and role discovery (discover._DESCRIPTOR) cut the same maker's words."""
    from nlp.entities import names
    from nlp.events import discover

    for pattern in (names._DESCRIBED, discover._DESCRIPTOR):
        m = pattern.match(words)
        assert (m.group() if m else None) == described


# --- names a role finds: stretches of a sentence that are no company --------------------------------------
from nlp.events.discover import plausible_name  # noqa: E402


@pytest.mark.parametrize("stretch", [
    "部分企业会",  # 部分企业会在更新财务数据后重新递表: some companies, none named
    "一些企业",
    "已有两家",  # 此前已有两家登陆科创板：…: a count
    "者身份出资",  # 以战略投资者身份出资: the tail of 投资者
])
def test_a_stretch_of_a_sentence_is_no_name(stretch):
    assert not plausible_name(stretch)


@pytest.mark.parametrize("name", ["岍骁智能", "榀汀精工", "Tervaline Robotics"])
def test_a_name_is_plausible(name):
    assert plausible_name(name)

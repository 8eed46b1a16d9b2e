"""Names found by the role they play in an event clause: the subject of
完成…融资, the list after 由 … 领投, the investors after 投资方包括. These catch
parties that no lexicon or suffix rule knows (Korro Bio, 澄湖资本). When the
clause calls its company only 该公司 / 其, the company that sentence or the one
before describes (云帆智能是一家…企业, …成立于2018年) is the name."""
from __future__ import annotations

import bisect
import functools
import re

from .. import resources
from ..entities.span import Entity, Occupied
from ..segment.sentences import sentences
from ..text.columns import BAR, cells
from .clauses import Clause
from .columns import ALLOTTEE_COLUMN
from .context import (BRACKET_HEAD, BREADCRUMBS, CAME_IN, DESCRIBED_PRONOUN, ITEM_HEADER, ITEM_LEAD, PARTY_COUNT, TAG_LEAD, WRITERS_VERB,
                      card_name, line_above)
from ..entities.names import HELPS_OR_GREETS, MAKER_WORD, SECTOR_FIRM, _stop_tokens, _word_tags, names_no_one, stock_kind_end
from .literal_gate import LiteralGate

_SUBJECT_ADVERB = re.compile(r"主动|正式|已经|已|将|拟|计划|今日|近日|日前|宣布|披露|公告|发布|表示|完成|获|成功|再次|首次|也|又|对外|悄悄|悄然|低调|默默")
_INVESTOR_END = re.compile(r"(?:资本|创投|基金|投资|集团|控股|银行|证券|合伙企业)$")
_LATIN_BEFORE = re.compile(r"(?<![A-Za-z0-9&.\-])(?:(?!(?:led|by|with|from|participation|and|backed|joined) )[A-Za-z][A-Za-z0-9&.\-]* )+$")  # (not led by)
# PayLantern兰灯支付: a Latin brand of four letters or more before a Chinese name of three characters or more (not
# TCL科技, IDG资本: one name)
_LATIN_BRAND_BEFORE = re.compile(r"[A-Za-z][A-Za-z0-9&.'\-]{3,}(?: [A-Za-z0-9&.'\-]+)* ?(?=[\u4e00-\u9fff]{3})")
# 和 opening a name (和硕创投, 和泰兴业: first, or right after another joiner) joins nothing
_SPLIT = re.compile(r"、|以及|(?<=[^、,，与及和跟])和|及|与|跟|,(?! [A-Z])|，|(?<=[A-Za-z]) and (?=[A-Z])")  # JPMorgan Chase Bank, National Association: one name
_LIST_SPLIT = re.compile(r"、")
_ONE_LEGAL_NAME = re.compile(r"^[^、,，]*(?:股份有限公司|有限责任公司|有限公司)(?:\([^()]*\))?$")
# 由和硕旗下和硕创投与台湾大哥大各认购, X旗下投资平台Y入股: the parent (and what its arm is) before the party named
_PARENT_BEFORE = re.compile(r"和?[^、,，与及和跟]{1,20}?旗下(?:的)?(?:(?:投资|产业|基金|创投)?平台|投资机构|投资主体)?(?=.{2})")
_JOINED = re.compile(r"和|与|及")  # 星河科技和云帆智能: two names when each part ends in a suffix
# 对冲基金 Coatue Management, 某某创办的 Founders Fund, 新加坡Ocean Energy: what a Latin name is, before it
_INVESTOR_KIND = r"基金|机构|巨头|公司|企业|集团|的|旗下|银行|平台|[商方者]"
_LATIN_AFTER_DESCRIPTION = re.compile(
    rf"(?:{_INVESTOR_KIND}|新加坡|美国|日本|韩国|英国|法国|德国|欧洲|中东|沙特|阿联酋|"
    r"卡塔尔|阿布扎比|香港|硅谷|海外|国际|全球)\s*(?P<name>[A-Za-z][A-Za-z0-9&.'\- ]*[A-Za-z0-9.)])$")
# 综合商社三井物产, 日本创投JAFCO, 主权基金X: what an investor is (a venture firm only with its country), before its name
_INVESTOR_IS = re.compile(r"^(?:(?:日本|韩国|美国|新加坡|欧洲|英国|法国|德国|中东|沙特|阿联酋|卡塔尔|印度|东南亚|海外|本土)"
                          r"(?:创投|风投|创投公司|风投公司|创投机构|风投机构|投资公司|投资机构)|(?:综合)?商社|主权基金|对冲基金|家族办公室)"
                          r"(?=[A-Za-z\u4e00-\u9fff]{2})")
# 对冲基金 星桥, 量化交易巨头 澄湖, 某某创办的 星河: what an investor is, a blank, then its name
_NAME_AFTER_SPACE = re.compile(rf"(?:{_INVESTOR_KIND})\s+(?P<name>[\u4e00-\u9fff]{{2,12}})$")
# context.PRONOUN, but 公司 and 集团 only where they open a comma segment: elsewhere they may end a name (星河公司)
_PRONOUN = re.compile(rf"该公司|{DESCRIBED_PRONOUN}|该企业|该集团|发行人|本公司|其|(?:^|[,，])(?:公司|集团)")
# Words before a name that describe it (成套自动化装备方案解决商智云股份, 新玩家X, 黑马X).
_DESCRIPTOR = re.compile(rf"^.*(?:{MAKER_WORD}|[\u4e00-\u9fff]{{2}}厂|巨头|龙头|服务商|提供商|解决商|供应商|制造商|运营商|开发商|平台|企业|公司|业务|品牌|初创|新创|新锐|独角兽|项目|中概股|概念股|厂商|应用|工具|管理机构|集团旗下|旗下|第一股|竞争对手|玩家|选手|黑马|新秀|新星|[药车房险]企|{SECTOR_FIRM}|的)")
# what an investor that is no investment firm is, before its name: 上市药厂, 电机厂, 药企, 汽车巨头, 设备商
_INVESTOR_DESCRIPTOR = re.compile(rf"^(?:上市|知名|头部|老牌)?(?P<what>[\u4e00-\u9fff]{{1,6}}厂|[药车房险]企|[\u4e00-\u9fff]{{2}}(?:巨头|龙头|品牌)|{MAKER_WORD})"
                                  r"(?=[\u4e00-\u9fffA-Za-z]{2})(?!社)")  # 日本商社X: 商社 is a trading house
# Words a role may find that are no party: generic words, figures, verbs, and an exchange or a regulator
# (证交所董事会通过X上市案: the exchange is the subject, X the company)
_BAD = re.compile(r"(?:合计|共计|累计|总计|获批|获准|(?<=[\u4e00-\u9fff]{2})注)$|^(?:后者|前者|相关|有关)|^(?:资本|基金|创投|投资|集团|控股|科技|证券|银行|券商|同行|险企|房企|车企|药企|股份|股价|市值|公司股价|中概股|概念股|增资扩股|混改|天使|种子|战略|战略性|策略|策略性|产业|财务|风险)$|(?:新创|初创)(?:公司|企业)?$|出海(?:公司|企业)$|^(?:首挂|聆讯|暗盘)$|^回[AH港]股?$|^回归(?:A股|H股|港股)?$|独角兽$|(?:巨头|龙头|大厂|品牌|(?<!合伙)企业)$|^(?:互联网|电商|内容|社交|出行|本地生活|线上|线下)平台$|^(?:产业)?(?:投资)?平台$|^拟|刊发|刊登|存托凭证|注册|生效|上会|受理|问询|过会|撤回|撤单|结果$|动态$|板块$|业务$|^(?:关键词|关键字|标签|话题)$|(?:情况|概况|动态|回顾|一览)$|[^控]股$|产业链$|金额$|股数$|名称$|^序号|赛道$|领域$|行业$|(?:设备|服务|供应|提供|运营|制造|开发|方案|材料|零部件|芯片|器件)商$|^[\u4e00-\u9fff]{1,2}厂$|^(?:沪深|深沪|沪深北)?[两三]市$|终止|^[中外国央民港美台日韩房车药险券]企$|债券$|转债$|票据$|本轮|此轮|本次|融资|资金|投资方|投资人$|投资者$|机构$|公司$|创始人|创办人|(?<![A-Za-z])C[EFTO]O(?![A-Za-z])|董事长|总经理|^(?:亲口|亲自|当场|当众)$|最大$|^板块|^(?:上|下)?半?(?:年|季|月)(?:末|初|底|中)$|成功$|产能$|团队|管理层|员工|中签|股东$|董事$|监事$|高级管理人员$|高管$|关联方$|其|该|多家|多名|多位|知名|董事会|监事会|股东大会|股东会|^一组|^一批|^现金|^还有|^投资(?:者|人)|[一两二三四五六七八九十几多]只$|^(?:供股|配售|认购|代价|新增|新|换股)股份|(?:定增|增发|配股|增资)$|"
                  r"(?:证交所|交易所|柜买中心|证监会|金管会|有条件)$|^\d|\d+(?:\.\d+)?\s?(?:亿|万|元|年|月|日|%|轮|家|个)|^" + PARTY_COUNT + r"|^[一二两三四五六七八九十百千几数多]+(?:单|项|笔|起|宗)$|亿(?:元|美元|港元|人民币)|[\d一二三四五六七八九十百千两数几多]亿|万元|美元|[\d一二三四五六七八九十百千万亿两数几多]元$|轮|宣布|完成|获得|^等|等$|消息|获悉|报道|记者|日讯|(?<![通视资])讯$|^本报|^(?:企业|名单|项目|新股|股票|标的|产品|终止|审核|申请)|名单$|审核$|^(?:这|那|此|每|各|某|是次|以下|以上|上述|下列)|新股$|(?<![A-Za-z])[AHBN]股$|(?:年|月|日|天|周)[前后内]$|^(?:计划|同时)$|^(?:公告|筹划|属于)|作价$|(?:回复|答复)$|^(?:一[波批轮拨]$|再添|新添|又添)|^原(?:计划|定|本|拟)|据悉|发行|上市|IPO|挂牌|招股|申购|股票|^无一|^本公|(?:议案|预案|方案|公告|报告)$|(?:工厂|项目|基地|园区|工程)$|^成为|^作为|一家|市场$|我们|他们|^也|^会|^(?:在|向|于|对|从|被|把|通过|过|了)|标题$|^(?:来源|作者|编辑|责编)|^代表$|递表$|^(?:公开)?(?:递交|提交|更新)|(?:仪式|签约|论坛|峰会|大会|大赛|比赛|竞赛|赛事)$|^网上|(?<!小)说$|(?:起家|发家|起步|出身|为主|为生|见长|著称|闻名)$|^(?:往届|历届|本届|上届|首届|每届|各届)|^一事$|(?<![东西南北])方$|伙伴$|^地方|^(?:同等|相同|等额|其余|剩余)|数[量目]$|^(?:贷款|借款|授信|期限)|^它(?:对外|已|将|也|又|再|正式|宣布|完成|今|近|日前|同时|先后|分别|还|则|曾|随后|此前|这次|一口气|连续|接连|陆续|相继)|^(?:预期|预计)|^主要|(?<!的)申请$|背景$|(?:周报|日报|月报|早报|晚报|晨报|午报|快报|简报|要闻|周历|日历|速递|一览|盘点|汇总|周记|观察)$|(?:领投|跟投|参投)$|^仅次|^做[^,，。]{2,}|(?:片|胶囊|注射液|颗粒|口服液|软膏|滴眼液|喷雾剂|混悬液)$|^(?:问题|附件|附表|图|表|注)\s?\d{1,3}$|^(?:入股|参股|增资|注资)|继$|^(?:目标|目的|愿景)(?:是|为)?$|来自$|^(?:内地|本地|境内|境外|海外|国内|国外|本港|当地|岛内)$|(?:您|你)好|(?:情况)?汇报$|^标志着?$"
                  r"|(?:新股|公司|企业|个股|股票)中$|^(?:一般|通常|往往|可能|或许|也许|大概|应该|必须|仍然|依然|已经|正在)|通知书$|^(?:部分|一些|不少|多数|大多数|少数|有些|有的|许多|众多)|^(?:已有|已经有|共有|另有)[\d一二两三四五六七八九十数几多]+(?:家|个|只|名|位)|^者|散户|韭菜|球友|网友|股民|网传")  # (散户老李, 打新老韭菜, 球友: a post's people, no company; 董秘您好: a greeting; 情况汇报, 标志着; 在美上市的中概新股中; 公司一般会…; 部分企业会…: some, not one; 已有两家: a count; 者身份出资: the tail of 投资者)


@functools.cache
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    return tuple((r["role"], re.compile(r["pattern"])) for r in resources.table("role_patterns.tsv"))


@functools.cache
def _gate() -> LiteralGate:
    return LiteralGate([p.pattern for _, p in _patterns()])


def _live_patterns(text: str, start: int, end: int) -> list[tuple[str, re.Pattern]]:
    """The role patterns, in order, whose required literals text[start:end] holds."""
    patterns = _patterns()
    return [patterns[i] for i in _gate().rows(text, start, end)]


def role_zones(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """(role, start, end) of the stretches of a clause that list investors or leads,
    or name the part of a company that is spun off to list."""
    clause = text[start:end]
    return [(role, _cell_start(text, start + m.start("names"), start + m.end("names")), start + m.end("names"))
            for role, pattern in _live_patterns(text, start, end) if role not in ("subject", "antecedent")
            for m in pattern.finditer(clause)] + table_zones(text, start, end)


def _cell_start(text: str, start: int, end: int) -> int:
    """A zone runs over no bar of a flattened table (葳棠生物｜6月27日｜3.5亿元｜控股股东葳棠控股全额认购: only the last
    cell's name subscribes): it starts after the last bar in it."""
    bar = max(text.rfind("|", start, end), text.rfind("｜", start, end))
    return start if bar < 0 else bar + 1


_COLUMN_ROLES = (("subject", re.compile(r"(?:股票|证券|公司|企业|新股)?(?:简称|名称)|公司|企业|发行人")),
                 ("lead", re.compile(r"(?:领投方?|领投机构)")),
                 ("investor", re.compile(rf"(?:本轮|其他|主要)?(?:投资方|投资机构|投资人|投资者|资方|参投方|参投机构|跟投方|跟投机构|出资方|出资人)"
                                         rf"|{ALLOTTEE_COLUMN.pattern}")))
_TABLE_LINES = 30  # how far above a row its header may be
_ROUND_CELL = re.compile(r"\s*(?:[A-H]\d?\+{0,2}|Pre-[A-H]\+?|天使\+*|种子\+*|Pre-IPO)轮\s?(?:\([^()]{1,12}\))?\s*")


def _line(text: str, pos: int) -> tuple[int, int]:
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def table_zones(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    """A flattened table's row (知鲸科技｜AI应用｜天使轮｜2000万元｜险峰长青（领投）、九合创投) under a header with as
    many cells (公司｜领域｜轮次｜金额｜投资方): the cells of its company, investor and lead columns, as role zones."""
    if not BAR.search(text, start, end):
        return []
    row_start, row_end = _line(text, start)
    row = cells(text, row_start, row_end)
    line_start = row_start
    for _ in range(_TABLE_LINES):
        if line_start == 0:
            break
        line_start, line_end = _line(text, line_start - 1)
        header = cells(text, line_start, line_end)
        if len(header) != len(row):
            break
        roles = [next((role for role, column in _COLUMN_ROLES if column.fullmatch(text[a:b].strip())), None)
                 for a, b in header]
        if any(roles):
            return [(role, max(a, start), min(b, end)) for role, (a, b) in zip(roles, row)
                    if role and a < end and start < b]
    # no header: 2022年｜天使轮（数千万元）｜奇绩创坛, the cells after a round's cell name who put money in it
    at = next((k for k, (a, b) in enumerate(row) if _ROUND_CELL.fullmatch(text, a, b)), None)
    return [] if at is None else [("investor", max(a, start), min(b, end)) for a, b in row[at + 1:] if a < end and start < b]


# 早: 星河早于2017年上市; 昨 / 今: 星河生技昨宣布 (Taiwan press); 拟: 星河股份拟对X增资; 则: X则向港交所递表; 这次: X这次赴美IPO;
# 即 / 便 / 就: 成立当年，公司即拿到…; 是: 公司是2015年在创业板挂牌的: words that follow a name and are no part of it
TRAILING_WORDS = re.compile(r"(?:等机构|等|这类|这样|此类|之类|一类|是|股票|第[一二三四五六七八九十\d]+次|首次|再次|这一?次|此次|本次|这回|曾|也|则|将|拟|已|早|于|昨|今|即|便|就|做)+$")  # (淇臻做领投: X does the lead)


_HELPER_BEFORE = re.compile(rf"^.{{0,10}}?(?:{HELPS_OR_GREETS})(?=.{{2}})")


def _clean(name: str) -> str:
    name = re.sub(r"^[\s(（]*(?:以下简称|以下称|下称|简称)[:：]?", "", name)  # (简称"蓉川生物"): the short name defined
    name = re.sub(r"(?<=[\u4e00-\u9fffA-Za-z]{2})[“\"「][^”\"」]{1,4}[”\"」]$", "", name)  # 滘川制药“回A”: a tag in quotes after the name
    name = name.strip(" \"'“”「」《》()（）")
    name = re.sub(r"^(?:\d{1,2}[.、)]|[①-⑳⑴-⒇⒈-⒛])\s*", "", name)  # an item number: 2.Menxlab漫仕获…, ③ 墨汀智能
    name = re.sub(r"^.*[|｜丨]\s*", "", name)  # 新闻稿|诺安基因, 快讯|星河科技, 晚点独家丨X: a column's label before the bar (喜报|热烈祝贺X)
    name = _HELPER_BEFORE.sub("", name)  # 热烈祝贺X在创业板成功上市, (律所)助力X完成B轮: the company after the verb
    # 2021年茗岩茶饮完成A轮: the time that opens the clause, before the name (no comma between)
    name = re.sub(r"^(?:\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?|\d{1,2}月\d{1,2}日|(?:今|去|前)年(?:\d{1,2}月)?)"
                  r"(?:初|底|中|末|上半年|下半年)?(?:时|间)?(?=[^\d\s,，]{2})", "", name)
    name = re.sub(r"\s*\([^()]*\)?$", "", name)  # 倚锋资本(领投), 长江国弘(Grand Yangtze Capital)
    name = re.sub(r"^[\u4e00-\u9fff]{1,6}\)(?=[\u4e00-\u9fff])", "", name)  # 三)星河生物, （记者 张三)星河…: a bracket's tail
    # (说钿柯刚刚完成了B轮, 听说X拿到了A轮: a rumour's verb said before the name)
    name = re.sub(r"^(?:(?:听|都|有人|据|(?:看到|看)?(?:新闻|报道|消息))?说(?=.{2}))", "", name)  # (看到新闻说X完成了B轮)
    name = re.sub(r"^像(?=.{2})", "", name)  # 像X这样拿到A轮的有12家: X is an example
    name = re.sub(r"^(?:公司|其)?(?:据|除了?|加上|战略投资方|战略投资者|财务投资方|投资方|投资机构|老股东|新股东|控股股东|大股东|股东|机构|包括|(?:项目)?业主|借款人|(?:已经|已)?(?:获得|获|由)|为)", "", name)
    # 天使轮投资方楠沅此次再度出手, 种子轮投资人X也加码: the round it came in and its party word, before its name
    name = re.sub(r"^(?:天使|种子|Pre-[A-H]\+?|[A-H]\d?\+{0,2})\+*轮(?:的)?(?:投资方|投资人|投资者|老股东|股东)(?=.{2})", "", name)
    name = re.sub(r"^(?:[^\w(（*]|\*(?!ST))+", "", name)  # ▍星河科技, 包括“X: a bullet or quote is no part of a name (*ST赫美 is)
    name = re.sub(r"^(?:TOP|Top|top|NO\.|No\.)\s?\d{1,3}\s*(?=\S{2})", "", name)  # TOP1 砻澈医疗: a ranking's place
    name = re.sub(r"^.{1,12}?(?:之子|之女|之妻|之父)", "", name)  # 李书福之子李星星: the son invests
    name = re.sub(r"^(?:[\d一两二三四五六七八九十几多]+(?:位|名))?(?:自然人|个人投资者|天使投资人|策略性?投资人|战略投资者|(?:原|新进|现有|既有|原有)投资人)(?=.{2})",
                  "", name)  # 以及自然人周澈, 两位天使投资人X: a person subscribes
    name = re.sub(r"^是(?=.{4})", "", name)  # …，是澂穹科技在7月完成的A+轮 (是德科技 keeps its 是)
    name = re.sub(r"^.{2,20}?旗下(?:的)?(?=.{2})", "", name)  # 淡马锡旗下Vertex: the part named is the party
    name = re.sub(r"^.{2,24}?的(?:创投|投资|风投|创业投资|企业创投)(?:部门|平台|机构|基金|子公司)(?=.{2})", "", name)  # X的创投部门Y: so is its arm
    name = _INVESTOR_IS.sub("", name)  # 综合商社三井物产, 日本创投JAFCO: what the investor is, before its name
    name = name[stock_kind_end(name):]  # 医疗器械股瀚晞医疗: the kind of stock is no part of the name
    # 种子轮时就进场的之初创投: when the investor came in, before its name
    name = re.sub(rf"^.{{0,12}}?{CAME_IN}(?=.{{2}})", "", name)
    name = re.sub(r"^.{0,20}?(?:全资|控股)?(?:子公司|附属公司)(?=.{2})", "", name)  # 全资子公司星宇创投: so is a child
    name = re.sub(r"^.{0,12}?工作室(?=.{2})", "", name)  # 独立游戏工作室青瓷数码: what the company is, before its name
    name = re.sub(r"^(?:国际|国内|海外|知名|头部|老牌)(?:投资)?机构", "", name)  # 由国际投资机构X领投
    # 近日星河科技也递交了招股书: a time word before a name (not 今日资本, 今日头条)
    name = re.sub(r"^(?:近日|日前|今日|昨日|今天|昨天|目前|此前|随后|同时|最近|当天|当日|彼时|当时|那时|届时|此时)(?!资本|创投|基金|投资|集团|控股|头条)", "", name)
    name = re.sub(r"^(?:至于|此外|另外|其中|尤其是?)(?=.{2})", "", name)  # 至于星航物流则…: a connective opens the clause
    name = re.sub(r"^(?:股份|股票)", "", name)  # 股份预期于7月29日起买卖: the shares of the company just told, no name
    name = re.sub(r"(?<=.{2})定$", "", name)  # 星河科技定于12月3日上市: 定于 (set for) is cut by the trigger's 于
    # 回看X的IPO之路, X虽已在科创板上市: a verb of the writer's before a name, a conjunction after it
    name = re.sub(r"^.{0,8}?(?:迎来|迎接)(?=.{2})", "", name)  # 沪深两市迎来X、Y两只新股: the market welcomes them
    lead = WRITERS_VERB.match(name)
    name = name[lead.end():] if lead and len(name) - lead.end() >= 2 else name
    name = re.sub(r"(?<=.{2})(?:虽然|虽|尽管|即便)$", "", name)
    name = re.sub(r"(?<=.{2})(?:共|(?:上市|上柜|挂牌|IPO)前)$", "", name)  # 上市前，X共完成四轮融资; X上柜前办理…
    name = re.sub(r"(?:拟|将|已|计划)(?:以|出资|斥资|使用).*$", "", name)  # 星宇创投拟以1亿元(对X增资): the money it puts in
    name = TRAILING_WORDS.sub("", name)
    return name.strip(" \"'“”「」《》")


def _cut_at_verb(name: str, subject: bool = False) -> str:
    """星河科技主动撤回 -> 星河科技: a name ends before the first verb, adverb or
    function word in it (jieba's dictionary tags). subject: the name is a trigger's subject,
    which an adverb may follow (斗鱼直播终于成功在美国上市)."""
    from ..entities.names import _NON_NAME_TAGS, _stop_tokens, _word_tags, bridges
    from ..segment.tokenizer import segment

    tags, stop = _word_tags(), _stop_tokens()
    kept = ""
    words = segment(name)
    for k, word in enumerate(words):
        if kept and len(word) >= 2 and (tags.get(word) in _NON_NAME_TAGS or word in stop
                                         or (subject and _SUBJECT_ADVERB.fullmatch(word))) \
                and not (k + 1 < len(words) and bridges(words[k - 1], word, words[k + 1])):
            # only a verb of the subject's own sentence, or an adverb, may follow a name (主动撤回, 正式登陆)
            return kept if _SUBJECT_ADVERB.match(name, len(kept)) or (subject and tags.get(word) == "d") else ""
        kept += word
    return kept


_JUNK_TAGS = frozenset("d p c u uj ul".split())
# Conjunctions that open many names (和铂医药, 和辉光电): first in a name, they join nothing
_NAME_OPENERS = frozenset({"和"})
# 之 between two words links them inside a name (汽车之家, 乐融儿童之家)
_NAME_LINKS = frozenset({"之"})


# the news's time words (not 未来, 天天, 今日, which open brands: 未来资本, 天天有货, 今日资本)
_NEWS_TIME = frozenset("正在 现正 近年 近年来 近几年 早期 初期 前期 中期 后期 早年 当年 目前 此前 此后 之前 之后 以来 近期 同期 当时 以往 过去 "
                        "年初 年底 年内 今年 去年 明年 前年 隔年 次年 翌年 同年".split())


# 上一年度实际获得…, 子基金19支: a stretch that opens on a reporting period or ends on a count
_PERIOD_OR_COUNT = re.compile(r"^(?:上一?|下一?|本|当|该|每)个?(?:年度|季度|财年|会计年度|月度)|\d+(?:支|只|家|个|笔|起|项)$")


def _is_junk(name: str) -> bool:
    """蚂蚁将分别, 目前正, 未透露: an adverb, or a one-character preposition, conjunction or
    particle inside, is the stretch of a sentence, not a name (jieba's dictionary tags); so is a
    stretch that opens or ends on the news's time word, or is one (国内早期, 近年频繁, 隔年), or that
    opens on a conjunction (如果不能)."""
    from ..entities.names import _word_tags, bridges, rare_characters
    from ..segment.tokenizer import segment

    tags = _word_tags()
    words = segment(name)
    if words[0] in _NEWS_TIME or words[-1] in _NEWS_TIME or _PERIOD_OR_COUNT.search(name):
        return True
    if tags.get(words[0]) == "c" and words[0] not in _NAME_OPENERS:  # 如果不能, 或者不能: a clause's conjunction
        return True
    if rare_characters(words):
        return False
    # 股价既有, 芮湖内部: a name ends on no conjunction and no word of place (内部, 方面)
    if len(words) > 1 and len(words[-1]) >= 2 and tags.get(words[-1]) in ("c", "f"):
        return True
    return any(tags.get(w) in _JUNK_TAGS and (len(w) == 1 or tags.get(w) == "d")
               and not (0 < k < len(words) - 1 and (w in _NAME_LINKS or bridges(words[k - 1], w, words[k + 1])))
               and not (k == 0 and w in _NAME_OPENERS)
               for k, w in enumerate(words))


def _is_plain_word(name: str) -> bool:
    """A dictionary word that is no name (预计, 公司): jieba's tag is not a noun's."""
    from ..entities.names import _word_tags

    tag = _word_tags().get(name)
    return tag is not None and not tag.startswith(("n", "j", "eng", "x"))


def _is_common_noun(name: str) -> bool:
    """数据：本周A股共有2只新股上市: a two-character noun in everyday use (jieba counts it a thousand times
    or more) heads a section, it is no company taking the step; brand names that are words (小米) are known
    names, and investors may be told by such a word (大众)."""
    from ..entities.names import _word_tags
    from ..segment.tokenizer import jieba_tokenizer

    return len(name) == 2 and _word_tags().get(name) == "n" and jieba_tokenizer().FREQ.get(name, 0) >= 1000


def _is_description(words: str) -> bool:
    """电子零组件厂, 家电巨头: nouns only (助切入国际车厂 is a stretch of a sentence)."""
    from ..entities.names import _NON_NAME_TAGS, _word_tags
    from ..segment.tokenizer import segment

    tags = _word_tags()
    return not any(tags.get(w) in _NON_NAME_TAGS for w in segment(words))


_KIND_END = re.compile(r"(?:厂|商)$")


def _is_kind_description(name: str) -> bool:
    """锂电池负极材料厂, 储能电池供应商, 深圳晶片设计商: common nouns closed by a maker's word, what a company is, not its
    name (a place alone before one word, or a word no dictionary knows, makes a name: 江南造船厂)."""
    from ..entities.names import _word_tags, rare_characters
    from ..segment.tokenizer import segment

    if not _KIND_END.search(name):
        return False
    tags = _word_tags()
    words = segment(name)
    if len(words) >= 4 and tags.get(words[0]) == "ns":  # 深圳晶片设计商: a city's kind of maker (江南造船厂 is one word)
        words = words[1:]
    return len(words) >= 2 and not rare_characters(words) \
        and all((tags.get(w, "").startswith("n") or tags.get(w) == "vn") and tags[w] not in ("nr", "ns", "nt", "nrt")
                for w in words)


def plausible_name(name: str) -> bool:
    """Not too short or long, no word of the deal (融资, 本轮, 招股), no plain word or stretch of a sentence, no
    Latin tail of a bracket (Smartlink Inc.) of 星河智联(Huchuan Smartlink Inc.)于…)."""
    return 2 <= len(name) <= 30 and not _BAD.search(name) and not (name[0].isascii() and ")" in name and "(" not in name) \
        and len(re.findall(r"[\u4e00-\u9fffA-Za-z]", name)) >= 2 \
        and not _is_plain_word(name) and (name.isascii() or not _is_junk(name)) \
        and not names_no_one(name) and name not in _stop_tokens() and not _only_an_ending(name) \
        and name not in resources.words("party_pronouns.txt") \
        and not _product_kind(name)  # 产业基金, 特专科技, 小结, 我司: words, no names


_PRODUCT_KIND = re.compile(r"(?P<words>[\u4e00-\u9fff]{2,})(?:SaaS|PaaS|App|APP)")


def _product_kind(name: str) -> bool:
    """面向日本中小企业的AI客服SaaS: everyday words before a product's Latin word tell what is sold, not who sells it (a
    rare character makes a brand: 鲸岚App)."""
    from ..entities.names import rare_characters
    from ..segment.tokenizer import segment

    m = _PRODUCT_KIND.fullmatch(name)
    return m is not None and not rare_characters(segment(m["words"]))


def _only_an_ending(name: str) -> bool:
    """半导体, 机器人: a company name's ending alone (参投半导体B轮) is a sector, no name; so is a weak ending after
    sector words only (骨科手术机器人完成2亿元B轮: the headline's sector, its company named in the text)."""
    from ..entities.names import _industry_phrase, _suffix_of

    hit = _suffix_of(name)
    return hit is not None and (hit[0] == name or (not hit[2] and _industry_phrase(name[: -len(hit[0])])))


class _Named:
    """Where the names found so far are, sorted by start: asked once per clause, so not a scan."""
    def __init__(self, names: list[Entity]):
        self.spans = sorted((n.start, n.end) for n in names)

    def add(self, names: list[Entity]) -> list[Entity]:
        for n in names:
            bisect.insort(self.spans, (n.start, n.end))
        return names

    def starts_in(self, lo: int, hi: int) -> bool:
        i = bisect.bisect_left(self.spans, (lo,))
        return i < len(self.spans) and self.spans[i][0] < hi

    def inside(self, lo: int, hi: int) -> bool:
        i = bisect.bisect_left(self.spans, (lo,))
        while i < len(self.spans) and self.spans[i][0] < hi:
            if self.spans[i][1] <= hi:
                return True
            i += 1
        return False


def discover(text: str, found: list[Entity], clauses: list[Clause]) -> list[Entity]:
    """New COMPANY entities for names in event roles that nothing found yet."""
    # a weak guess (…生物) gives way to a name with a role
    busy = Occupied(len(text), [e for e in found if not e.weak])
    named = _Named([e for e in found if e.label in ("COMPANY", "ORG")])
    company_spans = sorted((e.start, e.end) for e in found if e.label == "COMPANY")
    weak_spans = {(e.start, e.end) for e in found if e.weak}
    out: list[Entity] = []
    spans = sentences(text)
    for clause in clauses:
        triggers = [t for t in clause.triggers if not t.negated]
        if not triggers:
            continue
        cs, ce = clause.start, clause.end
        # a clause that only completes an event told nearby (投资方为X、Y) names investors, no subject
        attach_only = all(t.stage == "attach" for t in triggers)
        text_of_clause = text[cs:ce]
        for role, pattern in _live_patterns(text, cs, ce):
            if role == "antecedent" or (attach_only and role == "subject"):
                continue
            for m in pattern.finditer(text_of_clause):
                out.extend(named.add(_names(text, cs + m.start("names"), m.group("names"), role, busy)))
        for role, zs, ze in table_zones(text, cs, ce):
            out.extend(named.add(_names(text, zs, text[zs:ze], role, busy)))
        out.extend(named.add(_list_mates(text, cs, ce, company_spans, busy)))
        first = min(t.start for t in triggers)
        # a clause that opens a line with no name (2月11日宣布完成…, 获X投资) under an item's header
        if not attach_only and cs and text[cs - 1] == "\n" and not named.starts_in(cs, cs + 2):
            above = line_above(text, cs)
            header = ITEM_HEADER.match(text, *above) or BRACKET_HEAD.fullmatch(text, *above)
            if header:  # (▍香港 heads a region's items: a place is no company)
                out.extend(named.add(_names(text, header.start("name"), header.group("name"), "subject", busy,
                                            keep=lambda name: _word_tags().get(name) != "ns")))
            elif card := card_name(text, cs):  # 融资轮次：天使轮 under 项目名称：X
                out.extend(named.add(_names(text, card[0], text[card[0]:card[1]], "subject", busy)))
        # 05｜馥辰香料｜战略融资｜5000万元, ■ 琉光智造(10/13):…完成Pre-A轮: a numbered or bulleted item's row that tells
        # its own round names its company first
        if not attach_only and (cs == 0 or text[cs - 1] == "\n"):
            row = ITEM_HEADER.match(text, cs, ce)
            lead = None if row else ITEM_LEAD.match(text, cs, ce) or TAG_LEAD.match(text, cs, ce)
            if lead and lead.group("name") not in _word_tags():  # (■ 半导体：…: a sector labels the item)
                row = lead
            # (a weak guess of just that name, 鸱吻科技 by its suffix alone, gives way: the item's place names it)
            if row and text[row.end() - 1] in "|:：" and (not named.starts_in(row.start("name"), row.end("name"))
                                                       or row.span("name") in weak_spans):
                out.extend(named.add(_names(text, row.start("name"), row.group("name"), "subject", busy)))
        if not attach_only and _refers_back(text, cs, first, named):
            si = clause.sentence
            before = len(out)
            for ps, pe in (spans[si - 1], spans[si]) if si else (spans[si],):
                out.extend(named.add(_antecedents(text, ps, pe, busy)))
            if len(out) == before:  # 做冻干猫零食的「咕噜造物」，又拿到一笔钱 / 这家…品牌近日完成了A+轮融资
                out.extend(named.add(_headline_quoted(text, busy)))
    out.extend(named.add(_interview_guest_company(text, busy)))
    return out


# 对话栩渡机器人程越：…, 专访｜X张三: an interview's headline names the guest's company right before the guest
_INTERVIEW_HEADLINE = re.compile(r"(?:对话|专访|独家对话)\s?[｜|丨:：]?\s?(?P<both>[^\s:：｜|丨,，。]{4,16}?)\s?[:：｜|丨]")


def _interview_guest_company(text: str, busy: Occupied) -> list[Entity]:
    """The company of the headline 对话X张三：…, when 张三's turns follow (张三：…): a name no lexicon may know."""
    headline = _INTERVIEW_HEADLINE.match(text, BREADCRUMBS.match(text).end())
    if headline is None:
        return []
    both = headline.group("both")
    for size in (3, 2):
        person = both[-size:]
        if len(both) - size >= 2 and re.search(rf"\n[ \t]*{re.escape(person)}[:：]", text):
            return _names(text, headline.start("both"), both[:-size], "subject", busy)
    return []


# a headline's quoted name (…的「X」，又拿到一笔钱): the company a feature then calls only 这家…品牌 / 它
# (described right before: 做冻干猫零食的「X」, 咖啡品牌「X」; a quoted word alone, “国家队”, 「暗盘王」, is a nickname)
_HEADLINE_QUOTED = re.compile(r"(?:的|品牌|公司|企业|平台|连锁)\s?[「『“\"](?P<name>[^」』”\"\n,，。]{2,12})[」』”\"]")


def _headline_quoted(text: str, busy: Occupied) -> list[Entity]:
    end = text.find("\n")
    end = len(text) if end < 0 else end
    quoted = list(_HEADLINE_QUOTED.finditer(text, 0, end))
    if len(quoted) != 1:  # (two brands quoted: no telling which the body means)
        return []
    return _names(text, quoted[0].start("name"), quoted[0].group("name"), "subject", busy)


# 包括“唯禾咖啡”、“熠晟储能”, 恒屹化工、青峦环境: a list of names joined by 、 up to the clause's punctuation
_LIST_RUN = re.compile(r"(?<![^,，。；;:：!?！？\n\s])[^,，。；;:：!?！？\n、]{2,14}(?:、[^,，。；;:：!?！？\n、]{2,14})+"
                       r"(?=[,，。；;:：!?！？\n]|$)")


def _list_mates(text: str, start: int, end: int, companies: list[tuple[int, int]], busy: Occupied) -> list[Entity]:
    """The other items of a list (A、B、C) one of which is a company name (a weak guess included): names of the
    same kind. An item made of dictionary words only (手机, 中长期贷款, 光伏电站, 联合领投) is none."""
    from ..segment.tokenizer import segment, word_tags

    tags = word_tags()

    def proper(name: str) -> bool:
        return not all(w in tags for w in segment(name))

    out = []
    for run in _LIST_RUN.finditer(text, start, end):
        i = bisect.bisect_left(companies, (run.start(),))
        if i < len(companies) and companies[i][1] <= run.end():
            out += _names(text, run.start(), run.group(), "list", busy, keep=proper)
    return out


# 品牌星河，凭借…起家，目前已宣布完成融资: a comma segment that opens on a time word or an adverb
# has no subject of its own; it goes on about the topic of its sentence
_ZERO_SUBJECT = re.compile(r"[,，]\s?(?:目前|如今|现已|近日|日前|近期|最近|今年|去年|刚刚|随后|此后|此前|早前|曾经|曾|并|还|也|又|已经|已)")


def _refers_back(text: str, start: int, trigger_start: int, named: _Named) -> bool:
    """该公司近日完成B轮融资: the trigger's subject is a pronoun, or none, with no name after it
    (星河资本加注老项目澜汀科技：这家储能企业完成C轮融资)."""
    head = text[start:trigger_start]  # sliced: 公司 opens a pronoun's segment at the clause's start too
    m = next(reversed(list(_PRONOUN.finditer(head))), None) or _ZERO_SUBJECT.search(head)
    return m is not None and not named.inside(start + m.start(), trigger_start)


def _antecedents(text: str, start: int, end: int, busy: Occupied) -> list[Entity]:
    """The company a sentence describes (云帆智能是一家…企业, …成立于2018年)."""
    return [name for role, pattern in _live_patterns(text, start, end) if role == "antecedent"
            for m in pattern.finditer(text[start:end])
            for name in _names(text, start + m.start("names"), m.group("names"), "subject", busy)]


def _joined_names(group: str) -> bool:
    from ..entities.names import _suffix_of

    parts = _JOINED.split(group)
    return len(parts) > 1 and all(len(p) >= 4 and _suffix_of(p) is not None for p in parts)


# 宠物医院连锁“瑞宠医疗, 跨境支付SaaS汇通宝, (跨境电商)SaaS鲸岚科技: a description, then the name after an opening quote or a
# generic Latin word (latin_generic_words.txt)
def _alt(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@functools.cache
def _described_before() -> re.Pattern:
    generic = _alt(resources.words("latin_generic_words.txt"))
    return re.compile(rf"^.*[“「『\"]|^[\u4e00-\u9fff]{{2,}}(?:{generic})(?=[\u4e00-\u9fff]{{2}})|^{generic_latin_before().pattern}")


@functools.cache
def generic_latin_before() -> re.Pattern:
    """SaaS鲸岚科技: a generic Latin word right before a Chinese name, no part of it (a person's title, CEO, opens a
    person's name, not a company's: never taken off)."""
    titles = set(resources.words("person_titles.txt"))
    things = _alt(w for w in resources.words("latin_generic_words.txt") if w not in titles)
    return re.compile(rf"(?:{things})(?=[\u4e00-\u9fff]{{2}})")


_VERBS_OF_GAIN = frozenset(("收获", "斩获", "荣获", "喜获", "捕获", "俘获"))


def _names(text: str, offset: int, group: str, role: str, busy: Occupied, keep=None) -> list[Entity]:
    if role in ("subject", "spinoff"):
        for described in (_DESCRIPTOR, _described_before()):
            d = described.match(group)
            if d and len(group) - d.end() >= 2 and not d.group().endswith("有限公司"):  # 润迈德医疗有限公司-B
                offset, group = offset + d.end(), group[d.end():]
    # 唯万密封、北路智控首发获通过: each of a list is a subject; 和/与 may be part of a subject's name
    split = _LIST_SPLIT if role in ("subject", "spinoff") else _SPLIT
    if role in ("investor", "lead"):  # 由和硕旗下和硕创投与台湾大哥大各认购: the part named is the party
        parent = _PARENT_BEFORE.match(group)
        if parent:
            offset, group = offset + parent.end(), group[parent.end():]
    if role == "subject" and not _LIST_SPLIT.search(group) and _joined_names(group):
        split = _JOINED  # 星河科技和云帆智能分别于…: two names, each with its suffix
    if role in ("investor", "lead") and _ONE_LEGAL_NAME.match(group):
        split = _LIST_SPLIT  # 台湾晋和制药股份有限公司(以下简称「晋和制药」): 和 inside one legal name joins nothing
    parts, last = [], 0
    for m in split.finditer(group):
        parts.append((last, group[last:m.start()]))
        last = m.end()
    parts.append((last, group[last:]))
    out = []
    for rel, part in parts:
        name = _clean(part)
        d = _DESCRIPTOR.match(name) if role == "list" else None
        # 子公司巨昕光电, 电池模组厂鑫钰动能: each item after what it is (IDG资本的联合领投 is no name at all)
        if d and d.group().endswith("的"):
            continue
        if d and len(name) - d.end() >= 2:
            name = name[d.end():]
        d = _INVESTOR_DESCRIPTOR.match(name) if role in ("lead", "investor") else None
        if d and _is_description(d.group("what")):  # 上市药厂永蓁药业跟进: the maker that invests, after what it is
            name = name[d.end():]
        described = (_LATIN_AFTER_DESCRIPTION.search(name) or _NAME_AFTER_SPACE.search(name)) \
            if role in ("lead", "investor") else None
        if described:
            name = described.group("name")
        # 跨境支付新创PayLantern兰灯支付: a Latin brand and the Chinese name after it, one name whose Chinese part
        # may hold a verb (支付)
        brand = role == "subject" and _LATIN_BRAND_BEFORE.match(name)
        # a shorter group has no room for a name and a verb; an investor's name may hold a verb (中华开发资本)
        if not name.isascii() and len(name) > 5 and not (role in ("lead", "investor") and _INVESTOR_END.search(name)) \
                and not (brand and len(name) - brand.end() <= 5):
            name = TRAILING_WORDS.sub("", _cut_at_verb(name, subject=role == "subject"))  # 星河智能拟|首次公开发行
        if not plausible_name(name) or (role == "subject" and (_is_common_noun(name) or _is_kind_description(name))) \
                or (keep and not keep(name)):
            continue
        start = offset + rel + part.find(name)
        end = start + len(name)
        if role == "subject" and len(name) > 3 and end < len(text) and (text[end - 1] + text[end]) in _VERBS_OF_GAIN:
            end -= 1  # 渟湃动力收|获战略融资: the pattern cut 收获 in two, its first character is no part of the name
            name = name[:-1]
        latin = _LATIN_BEFORE.search(text, 0, start) if name[0].isascii() else None
        if latin and not busy.any(latin.start(), start):  # Qraft Technologies: the pattern stopped at the space
            start = latin.start()
        if busy.any(start, end) and role != "spinoff":  # a spun-off part may extend its parent's name (京东健康)
            continue
        busy.take(start, end)
        out.append(Entity("COMPANY", start, end, text[start:end], {"found_by": role}))
    return out

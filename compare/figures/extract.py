"""Stage 5, figures: extract `Figure` values from a `Report`.

`extract_figures` takes a `Report` and returns every quantity its body states — a number with its
unit (4.87亿元, 99.7%, 3至4个, 60余场, 百分之五, $2.3 billion, 1,234 employees) — with what it
measures (a label from the noun phrase before it), the period when one is stated, and the value in
a base unit (亿元 -> 元, 万人 -> 人, $ billion -> $) for comparison. Years, dates, document numbers,
phone and hotline numbers, slogans, ordinals and text in `report.stripped` are not figures.

Each figure also gets a `PeriodKind`: the stretch of time it covers, read from its sentence, then the
scope of its paragraph (a 过去五年，… / "Over the past five years," opening), then its section heading
(一、过去五年工作回顾): a several-year amount or average (五年来, 累计, 年均增长), one year's (2017年,
今年), a level reached (提高到57.5%, 总里程, 占…比重), or unstated.

Matching the figures across years is `compare.figures.match`.

Cost: one regular-expression scan of the text, one pass for paragraph scopes, plus a bounded
look-around per figure.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Set
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from ..lazy import lazy_pattern
from ..model import ZH_QUALIFIERS_BEFORE, Bound, Figure, FigureKind, PeriodKind, Report, Role, Section, Span
from ..text.cjk import count_cjk, detect_language, is_cjk
from ..text.cues import announces_intent
from ..text.numerals import (
    EN_NUMBER_WORDS,
    PER_QUANTITY_UNITS,
    NumeralError,
    en_tokens,
    normalise_digits,
    parse_number,
    zh_tokens,
)
from ..text.sentences import ZH_CLAUSE_STOPS, ZH_SENTENCE_ENDS, ZH_SENTENCE_STOPS, split_sentences
from .respective import relabel_respective

__all__ = [
    "FROM_QUALIFIER",
    "extract_figures",
    "extract_figures_from_text",
    "period_kind",
]

# Qualifier of the "from" end of 从X到Y / 由X提高到Y; such a figure loses ties against the "to" end.
FROM_QUALIFIER = "从"

_LABEL_MAX = 20  # characters of a Chinese label; longer noun phrases are cut at a verb
_LOOKBACK = 40  # characters looked at before a figure for its label
_SENTENCE_LOOKBACK = 120  # characters looked at before a figure for its period
_PARAGRAPH_OPENING = 12  # 刚刚过去的2017年，… : the period stands within the paragraph's first words
_EN_PARAGRAPH_OPENING = 48  # "Over the past five years, …", "In the first half of 2020, …"
_CARRY_PARAGRAPHS = 2  # paragraphs a fiscal year stated at the end of a paragraph runs on into
_PARAGRAPH_LOOKBACK = 3000  # a paragraph that opens with 五年来 or 2020年 gives its period to all it says

_MAGNITUDE: dict[str, Decimal] = {
    "": Decimal(1), "万": Decimal(10) ** 4, "亿": Decimal(10) ** 8, "万亿": Decimal(10) ** 12,
    "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6,
}
_EN_SCALE: dict[str, tuple[str, Decimal]] = {
    "thousand": ("thousand", Decimal(10) ** 3), "k": ("thousand", Decimal(10) ** 3),
    "million": ("million", Decimal(10) ** 6), "m": ("million", Decimal(10) ** 6),
    "mn": ("million", Decimal(10) ** 6), "billion": ("billion", Decimal(10) ** 9),
    "bn": ("billion", Decimal(10) ** 9), "trillion": ("trillion", Decimal(10) ** 12),
}
_RATE_UNITS = ("%", "pp")

# Plan names and political slogans whose numerals carry a measure word (四个意识 is not 4 个).
_SLOGANS: tuple[str, ...] = (
    "四个意识", "四个自信", "两个维护", "四个全面", "两个确立", "两个一百年", "一个统筹", "三个代表",
    "五位一体", "三项制度", "四个最严", "两个毫不动摇", "三个有利于", "一次办好", "四到位", "十公开",
    "三个一批", "五个一批", "八项规定", "中央八项规定", "五项原则", "八项主张", "三次产业",
    "两个积极性", "两个市场", "两种资源", "两个大局", "两个轮子", "两个责任", "三个区分开来", "四个坚持", "六个一", "一件事",
    # words whose numeral is part of the word: redevelopment, secondary water supply, redistribution, dual structure
    "二次开发", "二次供水", "二次分配", "二次创业", "二元结构",
)
_SLOGAN_AT = lazy_pattern("|".join(re.escape(x) for x in sorted(_SLOGANS, key=lambda x: (-len(x), x))))
_CN_WEAK_ONE = lazy_pattern(r"^(?:一|零|〇)$")  # 一批, 一次, 一个时期; 零部件, 零售: words, not counts
_YEAR_FOLLOW = "来内前后度级间代底初末中"  # 五年来, 2020年度, 三年内: not a duration figure
# A count of years is a figure only as the value of a measure of time (平均受教育年限11.2年, 合同
# 期限3年); otherwise it is how long something lasted or will (连续9年居全国首位, 历时8年, 用3年时间,
# 建区20年, 长达2600年): no quantity a reader compares across years, and 连续8年 → 连续9年 is no change.
_YEARS_MEASURED = lazy_pattern(r"年限|寿命|期限|时长|周期|学制|工龄|工期")
_YEARS_MEASURED_REACH = 12  # characters before the number searched for the measure
_ARABIC_START = "0123456789０１２３４５６７８９"
_MINUS = "-－−﹣"
_NOT_BEFORE_SIGN = set("%％‰0123456789０１２３４５６７８９.．)）]】")  # 6%－6.5%: a range, not a sign
# Numerals that name a thing (issue 19): a project phase, a session of a congress, a policy package.
_ZH_PHASE = lazy_pattern(r"[一二三四五六七八九十]+期")
_ZH_SESSION_AFTER = lazy_pattern(r"(?:会议|全会|全体会议|常委会|常务会议|代表大会|党代会|人代会|职代会|团代会)")
# What a count of the speech's own parts is followed by (八个方面工作, 五件事, 以下几项工作).
_ZH_OUTLINE_COUNT = lazy_pattern(r"[一二三四五六七八九十两几]+(?:个)?(?:方面|件(?:大)?事(?!项)|项(?:重点)?工作(?!任务))")
# 3个多月, 五个月, 40天: how long, after 过去
_MONTHS_PAST = lazy_pattern(r"[^，,。；]*?(?:个多?月|个月|天|周)")
# The rest of a list of sessions after one of them (「七次、八次、九次全会」: the 七次 before 全会).
_ZH_SESSION_LIST = lazy_pattern(r"(?:[、和及][一二三四五六七八九十]+次)+(?:会议|全会|全体会议|常委会|常务会议)")
_ZH_PACKAGE_AFTER = lazy_pattern(r"(?:措施|举措|硬措施|意见|规定|政策|若干措施)")
_JOINERS = "+＋/／.．@_#-－—"

_ZH_PREFIX_Q = lazy_pattern("(?:" + "|".join(ZH_QUALIFIERS_BEFORE) + ")$")
# Qualifier words -> how the figure bounds its quantity (issue 19): 超 / 逾 / 以上 / 不低于 / 至少 a floor,
# 以内 / 不超过 / 控制在 a ceiling, 左右 / 约 a value about which the truth lies.
_FLOOR_WORDS = frozenset({"超", "超过", "逾", "以上", "不低于", "不少于", "至少", "突破", "高于", "多", "余",
                          "over", "more than", "at least", "just over"})
_CEILING_WORDS = frozenset({"以内", "以下", "不超过", "控制在", "不到", "不足", "低于",
                            "less than", "up to", "under", "just under"})
_ABOUT_WORDS = frozenset({"左右", "上下", "约", "大约", "近", "将近", "接近", "about", "around",
                          "approximately", "nearly", "almost", "roughly", "some"})
# The end of the words before a change (增长7%, 下降0.5个百分点, 比去年预算低0.4个百分点, 增速为-9.9%).
# Words of change, one list for every question figures ask about them (is this a change, a fall,
# a clause with only its verb; what a change measures without its verb: rules.label_key).
ZH_RISE_WORDS = ("增长", "增加", "提高", "上升", "上涨", "提升", "扩大", "回升")
ZH_FALL_WORDS = ("下降", "减少", "降低", "缩小", "缩减", "压减", "回落", "下跌", "下滑")
ZH_RATE_WORDS = ("增长率", "增速", "增幅", "涨幅", "降幅")
EN_RISE_WORDS = ("rose", "grew", "increased", "climbed", "gained", "up", "increase", "growth", "rise")
EN_FALL_WORDS = ("fell", "declined", "decreased", "dropped", "down", "decline", "decrease", "fall")
_RISE = "|".join(ZH_RISE_WORDS)
_FALL = "|".join(ZH_FALL_WORDS)
_RATE_WORD = "|".join(ZH_RATE_WORDS)
_ZH_FALL_RATES = frozenset({"降幅"})
_ZH_CHANGE_BEFORE = lazy_pattern(
    rf"(?:(?P<up>{_RISE}|增|涨|升|比[^，。；]{{0,8}}?(?:高|多))"
    rf"|(?P<down>{_FALL}|降|减|跌|比[^，。；]{{0,8}}?(?:低|少))"
    rf"|(?P<rate>{_RATE_WORD}))(?:了|为|达|达到)?$")
_EN_CHANGE_BEFORE = lazy_pattern(
    rf"\b(?:(?P<up>{'|'.join(EN_RISE_WORDS)})|(?P<down>{'|'.join(EN_FALL_WORDS)}))"
    r"(?: of| by)?\s*(?:about |around |some |nearly )?$",
    re.I)
# A label that opens with its verb of change (再减少农村贫困人口1000万): the amount is a change.
_ZH_CHANGE_LEAD = lazy_pattern(r"^(?:(?P<up>增加|提高|扩大|提升)(?!值)|(?P<down>减少|降低|压减|缩减))")
_ZH_RATE_LABEL = lazy_pattern(rf"(?P<rate>{_RATE_WORD})$")
# Lead-ins that start a clause without naming the measure (issue 19): 从2017年的…, 预计全年…, 分别…
_ZH_LEAD_IN = lazy_pattern(r"^(?:从|预计|预期|分别|其中[：:，,]?|同比|比上年[末底]|比去年[末底]|比年初|比上年|比去年|同口径|全年|"
                          r"初步核算)+")
# A label that is only a verb of change, or nothing: the clause elides its subject, which is the
# previous figure's (全市地区生产总值3.24万亿元，增长3.3%; 分别增长12.7%、15.9%).
_ZH_VERB_ONLY = lazy_pattern(rf"(?:{_RATE_WORD}|{_RISE}|{_FALL}|增|涨|升|降|减|跌)?(?:了|为|达|达到|至|到)?")
_ZH_PAREN = lazy_pattern(r"[（(][^（）()]{0,10}[）)]")  # （下同）, (含税): asides inside a label
_ZH_ASIDE = lazy_pattern(r"(?:[（(][^（）()]{0,10}[）)]|“[^“”]{1,10}”)$")
# A label that names no measure of its own: a share (占…比重) or a stock (总量) of the clause before's subject.
_ZH_OF_SUBJECT = lazy_pattern(r"^(?:占|总量|总数|总额|总规模|总计|规模)")
_ZH_SUBJECT_END = lazy_pattern(r"[\d０-９]|(?:近|约|超过|超|逾)?[一二两三四五六七八九十百千万亿]+(?:多|余)?[万亿]")
# (frozensets, as every set of stops given to `_clause_start`: its pattern cache keys on the set)
_ZH_NO_NEWLINE_STOP = frozenset("，。；：！？,;:!?（）()、|｜")
_EN_CLAUSE_STOPS = frozenset(".;:\n,()")
_EN_SENTENCE_STOPS = frozenset(".;\n")
# Words that name the area a figure covers. The issuer's own (the 全X it says most) is scope "".
_ZH_OWN_SCOPES = ("全国", "全省", "全市", "全区", "全县")
_ZH_OWN_OR_TOWN = (*_ZH_OWN_SCOPES, "全镇")
_ZH_ZONE_SUFFIXES = ("特别合作区", "合作区", "自贸片区", "自贸区")
_ZH_ZONE_FIRST = frozenset(w[0] for w in _ZH_ZONE_SUFFIXES)
_ZH_YEARS = r"(?:[两二三四五六七八九十]|十[一二三四五六七八九]|(?<!\d)\d{1,2})"  # 五, 十五, 10: not 一
# Several years: 过去五年, 五年来, 十三五以来, 党的十八大以来, 2013年以来, 2016-2020年. Tried before
# the one-year forms so that 2013年以来 is read whole.
# (compiled once, inside _ZH_PERIOD as its group "multi": each class of Chinese characters costs
# about a millisecond to compile, and this pattern holds several)
_ZH_MULTI_YEAR = (
    rf"(?:过去|近|今后|未来|前){_ZH_YEARS}年(?:来|间|中|里)?|{_ZH_YEARS}年(?:来|间|中|里|以来|内|(?=累计|共|新增|新设|新建|合计))"
    r"|这些年|这几年|近几年|近年来|多年来|“?十[一二三四五六七八九]五”?(?:期间|时期|以来)"
    r"|党的十[六七八九]大以来|(?:19|20)\d{2}年以来|(?:19|20)\d{2}年?[-－—~～至到](?:19|20)\d{2}年"
)
# Every match of _ZH_PERIOD holds one of these characters (年 of the years, 月 of the months, 季 of
# 季度, 目 of 目前, 五 of “十三五”, 大 of 党的十八大以来): a stretch of text without them states no period,
# and the period scans ask this one character class (in C) before the pattern of many branches.
_ZH_PERIOD_CUE = lazy_pattern("[年月季目五大]")
_ZH_YEAR_COUNT_TENS = frozenset("一二三四五六七八九")
_ZH_YEAR_COUNT_ONE = frozenset("两二三四五六七八九十")
_ZH_PERIOD = lazy_pattern(
    rf"(?:(?P<multi>{_ZH_MULTI_YEAR})"
    # (1990年价 / 1990年不变价: a price base, no period; 2019年价格总水平 is 2019's)
    r"|(?:19|20)\d{2}年(?!不变价|价(?!格))(?:度)?(?:\d{1,2}(?:[-－—~～至到]\d{1,2})?月(?:份)?)?"
    r"|(?<!\d)\d{1,2}[-－—~～至到]\d{1,2}月"
    r"|今年(?:以来)?|去年|上年|过去(?:的)?一年(?:来|里|中)?|一年来|全年|截至目前|截止目前|目前"
    r"|前三季度|第?[一二三四]季度|上半年|下半年|前(?:\d{1,2}|[二三四五六七八九十]{1,2})个月)"
)
# Part of a year from its start: 1-9月, 2020年1-10月, 一季度, 上半年 (YEAR_TO_DATE).
_ZH_PART_YEAR = lazy_pattern(r"月|季度|半年")
_EN_FISCAL = lazy_pattern(r"\bFY\s?((?:19|20)\d{2})\b", re.I)
# 累计 with no other period stated sums several years (五年来累计, or the whole life of a programme).
_ZH_CUMULATIVE = "累计"
# 年均增长7.1%, 平均每年减少1000万: an average over several years (but 年均浓度 is one year's mean).
_ZH_AVERAGE = lazy_pattern(r"(?:年均|平均每年|每年平均)(?:实际)?(?:增长|上涨|下降|提高|增加|减少|降低|递增|递减|增速)")
# The figure after these is a level reached (从9000公里增加到2万5千公里, 提高到58.5%), not an amount of
# the period: comparable whatever the period. 达到 is left out: 累计达到 and 减税达到 are amounts.
_ZH_LEVEL_BEFORE = lazy_pattern(
    r"(?:提高|增加|增长|上升|上涨|下降|减少|降低|扩大|缩小|缩减|缩短|提升|回落|回升|跃升|攀升|压缩|压减|上调|下调"
    r"|升|降|增|减)(?:到|至)$")
_FROM_TO_GAP = lazy_pattern(r"[^，。；,;、\n]{0,6}(?:到|至)")  # 从54万亿元增加到82.7万亿元: between the two
_ZH_STOCK_LABEL = lazy_pattern(r"(?:里程|总量|总额|总规模|余额|保有量|存量|总数|积累)$")
# A per-head or per-day measure (人均纯收入达到5919元, 日均新设企业) is a level of its year, unless a
# change is what is measured (人均纯收入增长, 年均增长).
_ZH_PER_UNIT_LABEL = lazy_pattern(r"人均|日均|户均|平均每")
_ZH_CHANGE_END = lazy_pattern(r"(?:增长|增加|提高|上升|上涨|提升|扩大|下降|减少|降低|缩小|缩减|压减|增|降)$")
# A percentage whose label ends in a share or ratio (占…比例, 服务业比重, 城镇化率) is a level, like
# 4% of GDP kept every year of five; a percentage after a verb (增长7.1%) is a change over its period.
_ZH_RATIO_LABEL = lazy_pattern(r"(?:比例|比重|占比|率)$")
_ZH_SHARE_CLAUSE = lazy_pattern(r"占[^，。；、\d]{0,6}$")  # 重建占14.8%, 占世界的60%
_DURATION_UNITS = frozenset({"年", "个月", "月", "天", "日", "小时", "个小时", "分钟", "周", "个工作日", "工作日"})
_ZH_ADDITION_LEAD = lazy_pattern(r"^(?:新增|净增)")
# Words that make a label an addition (新增高速铁路运营里程); a level of the same thing is a stock.
_ADDITION = lazy_pattern(r"新增|净增|新建|改建|扩建|新开工|\bnew\b|\badditional\b|\bnet\b", re.I)
_EN_MULTI_YEAR = lazy_pattern(
    r"\b(?:(?:over|in|during|for) the (?:past|last|next|coming) (?:\w+ )?(?:years|decade)"
    r"|(?:over|across) (?:\w+ )?(?:years|decade)|since (?:FY\s?)?(?:19|20)\d{2}"
    r"|cumulative(?:ly)?|(?:two|three|four|five|ten|\d+)-year|(?:19|20)\d{2}\s?(?:-|–|to)\s?(?:19|20)\d{2})\b",
    re.I)
_EN_PERIOD = lazy_pattern(rf"(?:{_EN_MULTI_YEAR.pattern}|\b(?:FY\s?)?(?:19|20)\d{{2}}\b"
                        r"|\b(?:this|last|next) (?:financial )?year\b)", re.I)
# Every match of _EN_PERIOD holds a digit or one of these words, in the same case folding (see
# _ZH_PERIOD_CUE).
_EN_PERIOD_CUE = lazy_pattern(r"\d|year|decade|cumulative", re.I)
# Words a label may carry or leave out without naming another measure: periods (去年 / 上年) and
# adverbs (继续提高, 要下降, 再增加); dropped before labels are compared for substitutions.
_LABEL_NOISE = lazy_pattern(
    r"今年|去年|上年|全年|当年|本年|同期|继续|持续|进一步|分别|同比|预期|^[再要拟将]|总(?=里程|量|额|数|规模)"
    r"|[再又要均都也将已还](?=增长|增加|提高|上升|上涨|提升|扩大|下降|减少|降低|缩小|缩减|压减|完成|安排|达到|实现)")
_EN_LEVEL_BEFORE = lazy_pattern(
    r"\b(?:rose|fell|increased|decreased|grew|declined|climbed|dropped|risen|fallen|reduced|raised|cut|lowered)"
    r" to\s*(?:about |around |over |nearly )?$", re.I)
# Verbs, copulas and prepositions trimmed from the end of a label (longest first).
_ZH_TRAIL = tuple(sorted({
    "达到", "达", "为", "是", "共计", "共", "累计", "合计", "总计", "约", "近", "超过", "逾", "实现",
    "完成", "增长到", "提高到", "增加到", "上升到", "下降到", "减少到", "降低到", "扩大到", "缩减到",
    "缩减至", "缩短到", "缩短至", "降到", "降至", "升至", "达至", "突破", "有", "了", "在",
    "提升到", "压缩到", "压缩至", "等", "保持", "维持", "提升至", "提高至", "增长至", "增加至", "上升至", "下降至", "降低至",
    "减少至", "扩大至",
    "稳定在", "保持在", "控制在", "占", "分别", "均", "已", "全部", "都", "由", "从", "原来", "接近",
    "不到", "不足", "以", "超", "计", "仅", "将近", "大约", "高于", "低于", "不低于", "不少于",
    "不超过", "拟按", "按", "其中", "新增的", "的", "和", "及", "与", "共有", "已有", "达到了",
}, key=lambda w: (-len(w), w)))
_ZH_TRAIL_END = lazy_pattern("(?:" + "|".join(re.escape(w) for w in _ZH_TRAIL) + ")$")
# Words after which the rest of a long label is kept (共排查出各类矛盾纠纷 -> 排查出各类矛盾纠纷).
_ZH_CUT = lazy_pattern(r".*(?P<cut>共计|累计|(?<!公)共|其中|实现了|实现|完成了|由原来|由|从|通过对|向|将|把|被|通过)")
_ZH_NOUN_AFTER_MAX = 16  # Chinese characters read after a number for its counted noun (at least 2)
_ZH_NOUN_AFTER_CUT = lazy_pattern(
    r"(?:实现|进行|的|已|全部|均|正在|作出|由|被|受益|得到|成为|中|在|和|与|并|等|以上|就|参加|缩减|增加|减少|提高|下降)")
# Verbs that put the counted noun after the number: 共聘请2名法律顾问 -> 聘请法律顾问.
_ZH_COUNT_VERB = lazy_pattern(
    r"(?:聘请|收到|举办|开展|成立|设立|新设|建成|建设|培训|办理|受理|查处|制定|抽取|选派|组建|新建|打造|创建|"
    r"推出|发放|解决|提供|接待|化解|审查|出台|印发|签署|新签|组织|整治|关停|淘汰|修订|制定修订|培育|认定|"
    r"评选|表彰|引进|招收|资助|救助|帮扶|安置|改造|新开工|开工|完成|实施|推动|吸引|新登记|登记|办好|办成)$")
# How a count was done, at the head of its label (高质量完成, 扎实办好, 高标准打造), never a term that
# starts so (高标准农田, 精准脱贫).
_ZH_MANNER = lazy_pattern(r"^(?:高质量|高标准(?!农田)|高水平|全面|扎实|顺利|圆满|积极|大力|全力|着力)+")
# The verb a count's label may open with (废止规范性文件6件、修改3件: 修改 counts 规范性文件 too).
_ZH_LEAD_COUNT_VERB = lazy_pattern(_ZH_COUNT_VERB.pattern[:-1].replace("(?:", "^(?:废止|修改|审结|办结|", 1))
_EN_STOP = {
    "between",  # "from between 0.5% and 2.5%": the range is the figure, not its name
    "larger", "smaller", "higher", "lower", "bigger",  # "a larger basic deficit" is a basic deficit
    "of", "was", "were", "is", "are", "to", "by", "at", "about", "around", "approximately", "nearly",
    "over", "some", "more", "than", "a", "an", "the", "reached", "totalled", "totaled", "rose", "fell",
    "grew", "increased", "decreased", "amounted", "amounting", "stood", "up", "down", "and", "or",
    "with", "for", "in", "on", "from", "almost", "be", "been", "will", "would", "roughly",
    "just", "only", "another", "additional", "least", "most", "flat", "remained", "stayed", "improved",
    "declined", "jumped", "dropped", "climbed", "rising", "falling", "growing",
}
# Pronouns and auxiliaries: they name no measure ("I will set aside" is "set aside").
_EN_FILLER = {
    "i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those", "our", "my", "its",
    "their", "will", "would", "shall", "can", "could", "may", "might", "expect", "expected", "also",
    "has", "have", "had", "s", "us",
}
_EN_ADJ_STOP = {"of", "to", "in", "for", "on", "at", "by", "from", "the", "a", "an", "than", "per", "was",
                "were", "is", "are", "with", "which", "that", "this", "its", "our", "their", "it", "be"}
# Verbs that say what is done with an amount, not what it is: the measure follows the figure.
_EN_GENERIC = {"set", "aside", "provide", "provides", "cost", "costs", "spend", "invest", "pay", "give",
               "allocate", "earmark", "earmarked", "commit", "committed", "receive", "inject", "top",
               "introduce", "launch", "announce"}
# Words a noun phrase does not cross (determiners, pronouns, prepositions, auxiliaries, verbs that
# say what happened to a measure): "we will grow Software annual recurring revenue to" ends at grow.
_EN_BREAK = {
    "the", "a", "an", "this", "that", "these", "those", "our", "its", "their", "my", "your", "his",
    "her", "each", "every", "any", "all", "both", "which", "who", "whose", "what", "where", "when",
    "i", "we", "you", "he", "she", "it", "they", "us", "them", "to", "in", "for", "on", "at", "by",
    "from", "with", "over", "under", "into", "than", "about", "around", "between", "across",
    "during", "through", "per", "as", "via", "after", "before", "since", "until", "against",
    "and", "or", "but", "while", "because", "if", "so", "then", "not", "no", "is", "are", "was",
    "were", "be", "been", "being", "will", "would", "shall", "can", "could", "may", "might", "must",
    "has", "have", "had", "do", "does", "did", "grow", "lift", "raise", "raised", "cut", "reduce",
    "boost", "keep", "kept", "hold", "held", "reach", "hit", "bring", "brought", "take", "took",
    "make", "made", "served", "shipped", "introduced", "ended", "closed", "opened", "added",
    "earn", "pay", "paid", "exceed", "exceeded", "double", "doubled", "expect", "estimate",
    "budgeted", "expects", "estimated", "including", "includes", "included", "excluding",
}
# Determiners dropped between "of" and its noun ("market value of our shares" -> market value of shares).
_EN_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "our", "its", "their", "my", "your",
                   "his", "her"}
# Words of _EN_STOP that belong to a measure's name when they stand inside it ("additional
# funding" is an addition, "net debt" is not debt).
_EN_KEEP = {"additional", "net"}
_EN_LABEL_WORDS = 6  # a longer run of capitalised or table words names no single measure
_EN_TIME_TAIL = lazy_pattern(
    r"\b(?:(?:for|in|during|over|on|at|of|by) (?:(?:the|that|this|each|a|its|our) )?)?"
    r"(?:(?:financial|fiscal|calendar|full|whole|last|next|same|first|second|third|fourth) )?"
    r"(?:year|quarter|half|month|period|date|day|week|yearend)s?$", re.I)
_EN_PER = lazy_pattern(r"\s*(?:a|per|each) (share|year|annum|month|person|head|household)\b", re.I)
_EN_PER_UNIT = {"annum": "year", "head": "person"}
_EN_PER_SUFFIX = lazy_pattern(r" per (?:share|year|month|person|household)$")
# A second figure for the same measure, after the first: "$0.12 per share, or $0.48", "$1.2 billion or 0.3%".
_EN_ALT = lazy_pattern(r"^(?:\s*(?:a|per) \w+)?\s*,?\s*(?:or|i\.e\.|equal to|equivalent to|about)\s*$", re.I)
_EN_YEAR_TAIL = lazy_pattern(r"\s*(?:for the (?:full |whole )?year|a year|per year|per annum|annually)\b", re.I)
_EN_SUB_ANNUAL = lazy_pattern(r"^(?:quarterly|monthly|interim|half-year(?:ly)?) ", re.I)
_EN_OF_TAIL = lazy_pattern(r"\s*of (GDP|GNP|revenue|revenues|sales|income|earnings)\b")
_EN_Q = lazy_pattern(r"\b(about|around|approximately|nearly|almost|over|more than|less than|up to|"
                   r"at least|some|roughly|just over|just under)\s*$", re.I)
_EN_NOT_BEFORE = lazy_pattern(r"\b(?:S&P|Fortune|FTSE|Russell|section|paragraph|chapter|part|item|note|page|"
                            r"article|clause|figure|table|schedule|annex|appendix|no\.|number)\s*$", re.I)
_EN_FOR_THE_YEAR = lazy_pattern(r"\b(?:for|in) the (?:full |whole |financial |fiscal )?year\b", re.I)
_EN_OF_PHRASE = lazy_pattern(r"\s+of\s+((?:(?!the\b|a\b|an\b|our\b|its\b|their\b)[a-z][\w'-]*\s?){1,4})(?=[,.;:)]|\s+and\b)")
_EN_COPULA_END = lazy_pattern(r"\b(?:are|is|were|was|includes?|included|comprising|comprises?|totall?ed)\s*$", re.I)
# Verbs that end the noun phrase opening a clause ("real median income grew by …").
_EN_VERB_HINT = {"grew", "rose", "fell", "increased", "decreased", "declined", "was", "were", "is", "are",
                 "reached", "stood", "remained", "will", "would", "has", "have", "had", "climbed", "dropped"}
_EN_ACRONYM = lazy_pattern(r"\b[A-Z]{2,}[- ]$")


@dataclass(frozen=True, slots=True)
class _Parsed:
    value: Decimal
    value_high: Decimal | None
    unit: str
    qualifier: str
    base_value: Decimal
    base_unit: str
    span: Span
    numeral_start: int  # where the digits start (a prefix qualifier sits before it)


# --- extraction ----------------------------------------------------------------------------


def extract_figures(report: Report) -> tuple[Figure, ...]:
    """Every figure in the body of `report`, in document order.

    Skips text in `report.stripped` (metadata, contact lines). Each figure gets the id of the
    deepest section that contains it.
    """
    text = report.source.text
    language = report.metadata.language or detect_language(text)
    excluded = [(s.span.start, s.span.end) for s in report.stripped]
    sections = report.sections
    pattern, cue = (_EN_PERIOD, _EN_PERIOD_CUE) if language == "en" else (_ZH_PERIOD, _ZH_PERIOD_CUE)
    heading_periods = {s.id: _heading_period(title, pattern) if cue.search(title := _title_of(text, s)) else ""
                       for s in sections}
    inherited: dict[str | None, str] = {}  # section id -> the period of its nearest heading stating one
    year = report.metadata.year
    own = _own_scope(report.metadata.issuer or "", text) if language == "zh" else ""
    since_the_year = f"{year}年以来" if year is not None else None
    plan_year = report.metadata.plan_year
    plan_year_heading = f"{plan_year}年" if plan_year is not None and plan_year != year else ""

    def place(fig: Figure, kind: FigureKind) -> tuple[str | None, str, PeriodKind, FigureKind]:
        """What the report adds to a figure (its `kind` as its words tell it): the section, the
        heading's period when its own words state none, and TARGET in the plan part."""
        holder = report.section_at(fig.span.start)
        section_id = holder.id if holder is not None else fig.section_id
        period, p_kind = fig.period, fig.period_kind
        if not period:
            # a figure whose sentence and paragraph state no period takes the nearest heading's (the
            # period and its kind)
            heading = inherited.get(section_id)
            if heading is None:
                heading = inherited[section_id] = next(
                    (p for sid in report.lineage(section_id or "") if (p := heading_periods.get(sid, ""))), "")
            if heading:
                period = heading
                p_kind = period_kind(heading) if fig.period_kind is PeriodKind.UNSTATED else fig.period_kind
        if p_kind is PeriodKind.MULTI_YEAR and period == since_the_year:
            period, p_kind = f"{year}年", PeriodKind.YEAR  # 「2024年以来工作回顾」 of the 2024 report: its year
        if (kind is FigureKind.OUTCOME and section_id in report.plan_ids
                and not _names_past_year(period, report.metadata.plan_year)):
            kind = FigureKind.TARGET  # the plan part states what is aimed at
        elif (kind is FigureKind.OUTCOME and plan_year_heading and period == plan_year_heading
              and section_id is not None and report.effective_role(section_id) is Role.APPENDIX):
            kind = FigureKind.TARGET  # an appendix of the plan year (「附件2 2019年民生实事」): what is planned
        return section_id, period, p_kind, kind

    return _extract(text, language, excluded, year, own, place)


# Longest line under an appendix's bare heading that is read as its title (「附件2」, then
# 「龙岗区政府2014年民生实事」 on the next line, then the table).
_APPENDIX_TITLE_MAX = 40


def _title_of(text: str, section: Section) -> str:
    """The heading of a section, or for an appendix headed only 「附件2」 the title on its next line
    when that line is short and no sentence: the title says which year the table plans."""
    if section.role is not Role.APPENDIX or section.paragraph_count == 0 or count_cjk(section.heading) > 3:
        return section.heading
    end = section.heading_span.end
    nl = text.find("\n", end, section.span.end)
    if nl == -1:
        return section.heading
    stop = text.find("\n", nl + 1, section.span.end)
    line = text[nl + 1 : stop if stop != -1 else section.span.end].strip()
    if not line or len(line) > _APPENDIX_TITLE_MAX or any(c in line for c in "。；;，,："):
        return section.heading
    return f"{section.heading} {line}"


def _own_scope(issuer: str, text: str) -> str:
    """The 全X that means the issuer's own area: from the level its name ends in (深圳市龙岗区人民政府 ->
    全区, 国务院 -> 全国), else the smallest level the text names at least twice (a district's report
    says 全市 more often than 全区, about the city it belongs to)."""
    name = issuer.replace("人民政府", "").replace("管委会", "")
    if "国务院" in name:
        return "全国"
    levels = [c for c in name if c in "省市区县"]
    if levels:
        return "全" + levels[-1]
    for word in ("全县", "全区", "全市", "全省", "全国"):
        if text.count(word) >= 2:
            return word
    return ""


def _names_past_year(period: str, plan_year: int | None) -> bool:
    """A plan part may recall a figure of an earlier year (2018年完成…, 过去一年…国内生产总值增长10.3%,
    去年…): that one is an outcome."""
    if looks_back_a_year(period):
        return True
    m = re.search(r"(?:19|20)\d{2}", period)
    return bool(m and plan_year and int(m.group()) < plan_year)


# The year just past as the topic of a passage (过去一年，… / 一年来，…): unlike 去年 and 上年, which
# a plan says of a base (由上年18亿元增加到95亿元) or in passing, these only look back.
_ZH_YEAR_PAST = lazy_pattern(r"过去(?:的)?一年|一年来")


def looks_back_a_year(period: str) -> bool:
    """Whether a figure's period is the year just past as a passage's topic (过去一年, 一年来): a plan
    part that says so recalls an outcome."""
    return _ZH_YEAR_PAST.match(period) is not None


def _heading_period(heading: str, pattern: re.Pattern[str]) -> str:
    """The period a heading states (一、过去五年工作回顾 -> 过去五年); "" when it states none, or
    periods of both kinds (2015年工作和“十二五”时期发展回顾: its paragraphs say which is which)."""
    found = [m.group() for m in pattern.finditer(heading)]
    if not found or len({period_kind(p) for p in found}) > 1:
        return ""
    return found[0]


def extract_figures_from_text(
    text: str, *, language: str = "zh", excluded: Iterable[tuple[int, int]] = (), year: int | None = None,
    own_scope: str | None = None,
) -> tuple[Figure, ...]:
    """Every figure in `text` (no sections); `excluded` spans are skipped. `year` is the year the
    text was delivered in: a fiscal year from it on is a budget or forecast (FORECAST). `own_scope`
    is the 全X that means the issuer's own area (default: read from the text)."""
    own = _own_scope("", text) if own_scope is None else own_scope
    return _extract(text, language, excluded, year, own, None)


# The fields `_Semantics._read` writes when it makes a figure anew: every field of Figure (a test
# keeps the two in step, so that a field added to Figure is not dropped there).
_READ_FIELDS = ("value", "unit", "label", "span", "section_id", "value_high", "qualifier", "period", "base_value",
                "base_unit", "period_kind", "kind", "bound", "change", "down", "scope", "sentence")
# (figure, its kind as its words tell it) -> section id, period, period kind and kind in its report
_Place = Callable[[Figure, FigureKind], tuple[str | None, str, PeriodKind, FigureKind]]


def _extract(text: str, language: str, excluded: Iterable[tuple[int, int]], year: int | None, own: str,
             place: _Place | None) -> tuple[Figure, ...]:
    blocked = _Blocked(text, excluded, language)
    figs = _extract_en(text, blocked) if language == "en" else _extract_zh(text, blocked)
    return tuple(_Semantics(text, language, year, own, place).read(figs))


class _Semantics:
    """The facts a reader needs to compare a figure (issue 19), read from the words around it:
    how it bounds its quantity, whether it is a change (and a fall), the area it covers, what kind
    of figure it is and the sentence that states it."""

    def __init__(self, text: str, language: str, year: int | None, own: str, place: _Place | None = None) -> None:
        self.text = text
        self.place = place  # what a report adds to each figure (see `extract_figures`), if any
        self.language = language
        self.year = year
        # each line is split into sentences on its own, so only the lines that hold a figure are
        # split, once, when a figure asks
        self._lines = [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        self._line_starts = [line.start for line in self._lines]
        self._split: dict[int, tuple[list[int], tuple[Span, ...]]] = {}  # line -> sentence starts, sentences
        self.own = own

    def read(self, figs: Iterable[Figure]) -> list[Figure]:
        return [self._read(fig) for fig in figs]

    def sentence(self, pos: int) -> Span | None:
        """The sentence that holds offset `pos`, if any (sentences never cross a line end)."""
        k = bisect.bisect_right(self._line_starts, pos) - 1
        if k < 0 or pos >= self._lines[k].end:
            return None
        found = self._split.get(k)
        if found is None:
            sentences = split_sentences(self.text, (self._lines[k],))
            found = self._split[k] = ([s.start for s in sentences], sentences)
        starts, sentences = found
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and sentences[i].start <= pos < sentences[i].end:
            return sentences[i]
        return None

    def _read(self, fig: Figure) -> Figure:
        sentence = self.sentence(fig.span.start)
        text = self.text
        lead = text[sentence.start if sentence else max(0, fig.span.start - _SENTENCE_LOOKBACK):fig.span.start]
        bound = _bound(fig.qualifier)
        # (both read only the end of the lead: a match ends there and is at most _FLOOR_BEFORE_MAX long)
        if bound is Bound.EXACT and _FLOOR_BEFORE.search(lead, max(0, len(lead) - _FLOOR_BEFORE_MAX)):
            bound = Bound.FLOOR  # 至少建成200家: the floor stands before the verb
        elif bound is Bound.EXACT and lead.rstrip().endswith(_CEILING_BEFORE):
            bound = Bound.CEILING  # 控制在3%
        label, scope = fig.label, ""
        if self.language == "zh":
            before = _ZH_PREFIX_Q.sub("", _ZH_PAREN.sub("", lead)).rstrip()
            # 增长7%, 减少农村贫困人口1000万, 居民消费价格涨幅控制在3%: a change by its verb or its rate word
            change = (_ZH_CHANGE_BEFORE.search(before) or _ZH_CHANGE_LEAD.match(label)
                      or _ZH_RATE_LABEL.search(label))
            is_change = fig.period_kind is not PeriodKind.POINT and (change is not None or fig.base_unit == "pp")
            # 降幅4.25% is a fall of 4.25 %, written as its size
            down = is_change and change is not None and (change.groupdict().get("down") is not None
                                                         or change.groupdict().get("rate") in _ZH_FALL_RATES)
            area = _zh_scope(label)
            if area:
                scope = "" if area == self.own else area
                if not scope and len(label) > len(area) + 1:
                    label = label[len(area):]  # 全市地区生产总值 in the city's report: its own area
            target = _ZH_TARGET_CUE.search(lead) is not None or announces_intent(lead.lstrip(), "zh")
        else:
            before = _EN_Q.sub("", lead).rstrip()
            change = _EN_CHANGE_BEFORE.search(before)
            is_change = fig.period_kind is not PeriodKind.POINT and change is not None
            down = is_change and change is not None and change.groupdict().get("down") is not None
            target = announces_intent(lead, "en")
        kind = FigureKind.TARGET if target else FigureKind.OUTCOME
        if FROM_QUALIFIER in fig.qualifier.split("、"):
            kind = FigureKind.BASELINE
        fiscal = _EN_FISCAL.search(fig.period)
        if fiscal and self.year is not None:
            # a budget speech of 2020 budgets FY2020 and revises its estimate for FY2019
            kind = FigureKind.FORECAST if int(fiscal.group(1)) >= self.year else FigureKind.OUTCOME
        section_id, period, period_kind = fig.section_id, fig.period, fig.period_kind
        if self.place is not None:
            section_id, period, period_kind, kind = self.place(fig, kind)
        # one new figure with all the fields (dataclasses.replace, field by field, was the costly step)
        return Figure(value=fig.value, unit=fig.unit, label=label, span=fig.span, section_id=section_id,
                      value_high=fig.value_high, qualifier=fig.qualifier, period=period,
                      base_value=fig.base_value, base_unit=fig.base_unit, period_kind=period_kind, kind=kind,
                      bound=bound, change=is_change, down=down, scope=scope, sentence=sentence)


# A floor written before the verb (至少建成200家) and a ceiling just before the figure (控制在3%).
_FLOOR_BEFORE = lazy_pattern(r"(?:至少|不少于|不低于)[^，。；、]{0,8}$")
_FLOOR_BEFORE_MAX = 3 + 8 + 1  # the longest word, eight characters, and a final newline `$` may stand before
_CEILING_BEFORE = ("控制在", "不超过", "以内")
# Words before a figure that make it a target outside the plan part: 主要预期目标是：…, 目标为…
_ZH_TARGET_CUE = lazy_pattern(r"预期目标|目标(?:是|为|：|:)|力争|争取")


def _bound(qualifier: str) -> Bound:
    words = set(qualifier.split("、"))
    if words & _CEILING_WORDS:
        return Bound.CEILING
    if words & _FLOOR_WORDS:
        return Bound.FLOOR
    if words & _ABOUT_WORDS:
        return Bound.ABOUT
    return Bound.EXACT


class _Blocked:
    """Regions that hold no figures: stripped text, 《titles》, 〔doc numbers〕, short “slogans”."""

    _QUOTE_MAX = 10  # a quoted phrase this short is a name or slogan (“四个意识”, “12348”)

    def __init__(self, text: str, excluded: Iterable[tuple[int, int]], language: str) -> None:
        spans = list(excluded)
        if language == "zh":
            for opener, closer, limit in (("《", "》", 60), ("〔", "〕", 8), ("[", "]", 8),
                                          ("“", "”", self._QUOTE_MAX), ("‘", "’", self._QUOTE_MAX),
                                          ('"', '"', self._QUOTE_MAX)):
                spans.extend(_bracketed(text, opener, closer, limit))
        spans.sort()
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]
        # running maximum of ends so one bisect answers "is position p inside any span"
        self._reach: list[int] = []
        best = -1
        for e in self._ends:
            best = max(best, e)
            self._reach.append(best)

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self._starts, pos) - 1
        return i >= 0 and self._reach[i] > pos


def _bracketed(text: str, opener: str, closer: str, limit: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = text.find(opener)
    while pos != -1:
        end = text.find(closer, pos + 1, pos + 1 + limit + 1)
        if end != -1:
            out.append((pos, end + 1))
            pos = text.find(opener, end + 1)
        else:
            pos = text.find(opener, pos + 1)
    return out


def _extract_zh(text: str, blocked: _Blocked) -> list[Figure]:
    figs: list[Figure] = []
    prev: Figure | None = None
    subject: Figure | None = None  # the latest figure that counts a thing rather than a span of time
    scopes = _Scopes(text, _ZH_PERIOD, _ZH_PERIOD_CUE, re.compile(f"[{ZH_SENTENCE_ENDS}]"), _PARAGRAPH_OPENING)
    for m in zh_tokens(text):
        parsed = _parse_zh(text, m)
        if parsed is None or parsed.numeral_start in blocked:
            continue
        parsed = _per_before(text, parsed)
        label, to_end = _zh_label(text, parsed, prev, subject)
        if to_end and prev is not None and figs and figs[-1] is prev:
            # the "from" end of 从X到Y is last year's or an earlier value, not the current one
            prev = replace(prev, qualifier="、".join(x for x in (FROM_QUALIFIER, prev.qualifier) if x))
            figs[-1] = prev
        period = _period(text, parsed.numeral_start, _ZH_PERIOD, _ZH_PERIOD_CUE, ZH_SENTENCE_STOPS, scopes)
        fig = Figure(
            value=parsed.value, unit=parsed.unit, label=label, span=parsed.span,
            value_high=parsed.value_high, qualifier=parsed.qualifier, period=period,
            base_value=parsed.base_value, base_unit=parsed.base_unit,
            period_kind=_zh_period_kind(text, parsed, label, period, prev),
        )
        figs.append(fig)
        prev = fig
        if fig.base_unit not in _DURATION_UNITS:
            subject = fig
    # a count of years still bounds the labels after it (above), but is a figure only as a measure
    return [f for f in relabel_respective(text, figs) if f.unit != "年" or _YEARS_MEASURED.search(
        text, max(0, f.span.start - _YEARS_MEASURED_REACH), f.span.start)]


# 「浓度由每立方米19.1微克降至17.2微克」: the quantity the unit is of, written before the number
_PER = "|".join(PER_QUANTITY_UNITS)
_PER_BEFORE = lazy_pattern(rf"每({_PER})$")
_PER_BEFORE_FROM = lazy_pattern(rf"每({_PER})[\d.]+([^\d.，,。；;]{{1,4}}?)"
                                r"(?:下降|降|上升|升|提高|增加|减少)?(?:至|到)$")
_PER_IN_LABEL = lazy_pattern(rf"(?:由|从)?每(?:{_PER})$")


def _per_before(text: str, parsed: _Parsed) -> _Parsed:
    """`parsed` with a unit written as 「每立方米…微克」 read as 微克/立方米, like 「…微克/立方米」."""
    if "/" in parsed.unit or not parsed.unit:
        return parsed
    m = _PER_BEFORE.search(text, max(0, parsed.numeral_start - 6), parsed.numeral_start)
    if m is None:  # the second value of 「由每立方米19.1微克降至17.2微克」
        m = _PER_BEFORE_FROM.search(text, max(0, parsed.numeral_start - 30), parsed.numeral_start)
        if m is None or m.group(2) != parsed.unit:
            return parsed
    per = "/" + m.group(1)
    return replace(parsed, unit=parsed.unit + per, base_unit=parsed.base_unit + per)


def _split_magnitude(num: str) -> tuple[str, str, str]:
    """'4.87亿' -> ('4.87', '', '亿'); '620多万' -> ('620', '多', '万'); '60余' -> ('60', '余', '')."""
    mag = ""
    approx = ""
    core = num
    for _ in range(3):
        if core.endswith(("多", "余")):
            approx = approx or core[-1]
            core = core[:-1]
        elif len(core) > 2 and (core.endswith("万亿") or core.endswith(("千万", "百万"))
                                and core[-3] in _ARABIC_START):  # 1.2千万, but 两千三百万 is 2300万
            mag = core[-2:] + mag
            core = core[:-2]
        elif len(core) > 1 and core[-1] in "万亿":
            mag = core[-1] + mag
            core = core[:-1]
        else:
            break
    if mag not in _MAGNITUDE:
        # 万万 and the like: keep the whole thing in the numeral
        return num.rstrip("多余"), approx, ""
    return core, approx, mag


def _zh_unit(measure: str) -> tuple[str, str, Decimal]:
    """Measure word -> (unit as shown, base unit, factor to base) for % and friends."""
    if measure in ("%", "％"):
        return "%", "%", Decimal(1)
    if measure == "‰":
        return "‰", "%", Decimal("0.1")
    if measure in ("个百分点", "百分点"):
        return "个百分点", "pp", Decimal(1)
    return measure, measure, Decimal(1)


def _parse_zh(text: str, m: re.Match[str]) -> _Parsed | None:
    parsed = _parse_zh_token(text, m)
    if parsed is None or _names_a_thing(text, m, parsed):
        return None
    sign = _zh_sign(text, m.start())
    if sign:
        # 增长-2.5%, 增长负0.3%, 一季度-9.9%: the sign is part of the figure as written
        start = m.start() - len(sign)
        high = -parsed.value_high if parsed.value_high is not None else None
        return replace(parsed, value=-parsed.value, value_high=high, base_value=-parsed.base_value,
                       span=Span(start, parsed.span.end), numeral_start=start)
    return parsed


# Characters that make 负 the end of a word (减负, 降负, 担负, 抱负, 胜负, 自负) rather than a minus sign.
_BEFORE_FU_WORD = "减降担抱胜自欺辜"


def _zh_sign(text: str, start: int) -> str:
    """"-" / "−" / "负" written right before a numeral as its sign, not as a joiner (1-9月, 6%－6.5%,
    A-3) or a word (负债, 减负)."""
    before = text[start - 1] if start else ""
    if before == "负":
        # the end of a word is no sign: 为企业减负1369亿元 (burdens cut by 1369), 抱负, 胜负
        return "" if start >= 2 and text[start - 2] in _BEFORE_FU_WORD else before
    if before in _MINUS:
        prior = text[start - 2] if start >= 2 else ""
        if not prior or not (prior.isascii() and prior.isalnum()) and prior not in _NOT_BEFORE_SIGN:
            return before
    return ""


def _names_a_thing(text: str, m: re.Match[str], parsed: _Parsed) -> bool:
    """A numeral that names a thing rather than counts it: 8号线二期 (a project phase), 四次全会 /
    三次会议 (an ordinal session), 20条措施 (a policy package's name)."""
    written = text[m.start():m.end()]
    after = text[m.end():m.end() + 6]
    if _ZH_PHASE.fullmatch(written) or (written.endswith("位") and after[:1] == "数"):
        return True  # 8号线二期; 两位数增长 (double-digit)
    if written.endswith("次") and not written[0].isdigit() and (
            _ZH_SESSION_AFTER.match(after) or text[max(0, m.start() - 1):m.start()] == "届"
            or _ZH_SESSION_LIST.match(text, m.end())):
        return True  # 四次全会; 十二届七次、八次、九次全会: sessions, the first ones listed before their 全会
    if not written[0].isdigit() and _ZH_OUTLINE_COUNT.match(text, m.start()):
        return True  # 重点做好以下八个方面工作, 抓好五件事: how the speech is laid out, no quantity
    if m.end() < len(text) and text[m.end()] == "级" and not written[0].isdigit():
        return True  # 十亿级项目, 百亿级企业, 三级医院: a class, not a count or an amount
    if text[max(0, m.start() - 2):m.start()] == "过去" and _MONTHS_PAST.match(text, m.start(), m.end() + 2):
        return True  # 今年已经过去3个多月: how far into the year the report is, no quantity
    if text[max(0, m.start() - 2):m.start()] == "连续" and written[-1:] in ("次", "届", "轮"):
        return True  # 连续五次获…称号: a streak, as 连续9年 is how long, not a quantity
    return written.endswith("条") and _ZH_PACKAGE_AFTER.match(after) is not None


def _parse_zh_token(text: str, m: re.Match[str]) -> _Parsed | None:  # noqa: C901 - one pass of ordered rules
    start, end = m.span()
    before = text[start - 1] if start else ""
    if before == "第" or (before and before in _JOINERS and start >= 2 and text[start - 2].isalnum()
                          and not _zh_sign(text, start)):
        return None
    if before.isascii() and before.isalnum():  # ND01100, PM2.5, A3
        return None
    if end < len(text) and text[end] in "+＋":  # 1+X
        return None
    if _SLOGAN_AT.match(text, start):
        return None
    qualifier_parts: list[str] = []
    q = m.group("q") or ""
    if m.group("pct"):
        return _parse_zh_percent(text, m, q)
    if m.group("frac"):
        try:
            value = parse_number(m.group("frac"))
        except NumeralError:
            return None
        return _Parsed(value, None, "", _prefix_q(text, start), value * 100, "%", Span(start, end), start)
    num = m.group("num")
    measure = m.group("unit1") or m.group("unit2a") or m.group("unit2b") or ""
    num2 = m.group("num2a") or m.group("num2b")
    core, approx, mag = _split_magnitude(num)
    if not core:
        return None
    chinese_only = core[0] not in _ARABIC_START
    if chinese_only and (_CN_WEAK_ONE.match(core) or core in ("百", "千") or (core == "十" and not mag)):
        return None  # 十万元 is a figure, 十项 of 十项措施 a word
    if not measure and not mag:
        return None
    try:
        value = parse_number(core)
    except NumeralError:
        return None
    value_high = None
    if num2:
        core2, approx2, mag2 = _split_magnitude(num2)
        try:
            value_high = parse_number(core2)
        except NumeralError:
            return None
        mag = mag or mag2
        approx = approx or approx2
        if value_high < value:
            return None  # 5-3 is not a range
    if measure == "年":
        follow = text[end] if end < len(text) else ""
        if chinese_only or follow in _YEAR_FOLLOW or _year_like(value, core):
            return None
    if measure in ("周岁", "岁") and chinese_only:
        return None
    unit, base_unit, factor = _zh_unit(measure)
    if unit in ("%", "‰", "个百分点") and mag:
        return None  # 5万% is not a figure
    factor *= _MAGNITUDE[mag]
    if approx:
        qualifier_parts.append(approx)
    pre = _prefix_q(text, start)
    if pre:
        qualifier_parts.insert(0, pre)
    if q:
        qualifier_parts.append(q)
    if unit not in ("%", "‰", "个百分点"):
        unit = mag + unit
    return _Parsed(value, value_high, unit, "、".join(qualifier_parts), value * factor,
                   base_unit, Span(start, end), start)


def _parse_zh_percent(text: str, m: re.Match[str], q: str) -> _Parsed | None:
    raw = m.group("pct")
    per_mille = raw.startswith("千分之")
    parts = re.split(r"至|到", raw, maxsplit=1)
    try:
        values = [parse_number(re.sub(r"^(?:百分之|千分之)", "", p)) for p in parts]
    except NumeralError:
        return None
    unit, factor = ("‰", Decimal("0.1")) if per_mille else ("%", Decimal(1))
    value = values[0]
    high = values[1] if len(values) > 1 else None
    if high is not None and high < value:
        return None
    qual = "、".join(x for x in (_prefix_q(text, m.start()), q) if x)
    return _Parsed(value, high, unit, qual, value * factor, "%", Span(*m.span()), m.start())


def _year_like(value: Decimal, core: str) -> bool:
    return value == value.to_integral() and 1000 <= value <= 2200 and len(normalise_digits(core)) == 4


def _prefix_q(text: str, start: int) -> str:
    m = _ZH_PREFIX_Q.search(text, max(0, start - 4), start)
    return m.group() if m else ""


def _clause_start(text: str, pos: int, stops: Set[str], limit: int) -> int:
    """Where the clause that ends at `pos` starts: after the last of `stops` at most `limit`
    characters before it (a point or comma between two digits is none), else `limit` back.

    The last stop is found by searching the reversed window: one regular expression in C rather
    than a step of Python per character."""
    lo = max(0, pos - limit)
    last = _stop_class(frozenset(stops)).search
    i = pos
    while i > lo:
        m = last(text[lo:i][::-1])
        if m is None:
            return lo
        i -= m.start()  # just after the stop
        if not _inside_number(text, i - 1):
            return i
        i -= 1
    return i


@lru_cache(maxsize=16)
def _stop_class(stops: frozenset[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(stops)) + "]")


def _inside_number(text: str, i: int) -> bool:
    """The point of $27.5 billion or the comma of 1,200: between two digits, not a stop."""
    return (text[i] in ".," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())


class _Scopes:
    """Periods that scope the rest of their paragraph, found in one pass over the text.

    A paragraph's opening (刚刚过去的2017年，… / 2015年是…) gives its period to everything the
    paragraph says; so does a later sentence that opens with a period (…。过去五年，… / …。今年要…),
    until the next such sentence. A later sentence opens a several-year or part-of-year scope only
    with a comma after the period (五年来，… / 上半年，…), not in passing (五年来的实践证明, 「10号线上半年
    开通」). A figure takes the latest scope of its own paragraph.
    """

    def __init__(self, text: str, pattern: re.Pattern[str], cue: re.Pattern[str], boundary: re.Pattern[str],
                 window: int, *, carry: re.Pattern[str] | None = None) -> None:
        self._paragraphs: list[int] = []
        self._at: list[int] = []
        self._period: list[str] = []
        carried, carried_for = "", 0
        for para in re.finditer(r"[^\n]+", text):
            self._paragraphs.append(para.start())
            opening = True
            start = para.start()
            if carry is not None and carried and carried_for < _CARRY_PARAGRAPHS:
                # "For FY2020, … deficit of $12.3 billion." / "On the whole, we expect an overall
                # deficit of $10.9 billion.": a fiscal year runs on into the next paragraphs
                self._at.append(start)
                self._period.append(carried)
                carried_for += 1
            for stop in [*boundary.finditer(text, para.start(), para.end()), None]:
                end = stop.end() if stop else para.end()
                # `cue` first: most sentences open with no period, and then no match of `pattern` can
                # lie in the window
                found = (self._opening(text, start, min(end, start + window), pattern, first=opening)
                         if cue.search(text, start, min(end, start + window)) else "")
                if found:
                    self._at.append(start)
                    self._period.append(found)
                opening = False
                start = end
            if carry is not None:
                named = carry.findall(text, para.start(), para.end())
                if named:  # the last fiscal year the paragraph names runs on
                    carried, carried_for = f"FY{named[-1]}", 0

    @staticmethod
    def _opening(text: str, start: int, end: int, pattern: re.Pattern[str], *, first: bool) -> str:
        while start < end and text[start] in " \t\u3000":
            start += 1
        m = next((m for m in pattern.finditer(text, start, end) if not _comparison_base(text, m.start(), m.end())),
                 None)
        if m is None:
            return ""
        if _written_base(text, m.start(), m.end()):
            # 「与2010年相比，主要指标实现…」: what the paragraph says next is since that year
            return m.group() + _SINCE
        if (not first and period_kind(m.group()) in (PeriodKind.MULTI_YEAR, PeriodKind.YEAR_TO_DATE)
                and text[m.end():m.end() + 1] not in ("，", ",")):
            # several years or a part of one open a later sentence's scope only as its topic, with a
            # comma (五年来，… / 1—11月，…), not in passing: 「推动轨道10号线上半年开通」 says when one line
            # opens, and the sentences after it are not of the first half
            return ""
        return m.group()

    def at(self, pos: int) -> str:
        """The period scoping position `pos` within its paragraph, or ""."""
        i = bisect.bisect_right(self._at, pos - 1) - 1
        if i < 0:
            return ""
        p = bisect.bisect_right(self._paragraphs, pos) - 1
        if p >= 0 and self._at[i] < self._paragraphs[p]:
            return ""  # the latest scope belongs to an earlier paragraph
        return self._period[i]


def _period(text: str, pos: int, pattern: re.Pattern[str], cue: re.Pattern[str], stops: Set[str],
            scopes: _Scopes) -> str:
    """The period of the figure at `pos`: the last one its sentence states before it, else the
    period scoping its paragraph there. A bare 累计 counts only when nothing else is stated.
    `cue` finds a character every match of `pattern` holds: without one, no period is stated."""
    start = _clause_start(text, pos, stops, _SENTENCE_LOOKBACK)
    last, last_single, compared, base = "", "", False, ""
    for m in (pattern.finditer(text, start, pos) if cue.search(text, start, pos) else ()):
        if _comparison_base(text, m.start(), m.end()):
            compared = True
        elif _written_base(text, m.start(), m.end()):
            base = m.group()
        else:
            last = m.group()
            if period_kind(last) is not PeriodKind.MULTI_YEAR:
                last_single = last
    # a change on the year before is one year's: a several-year period said in passing
    # (…近年来首次出现双下降，比上年分别下降3.14%) is not its period
    if compared:
        last = last_single
    # a change on a base year written out is a change since that year, whatever year it reaches
    # (与2010年相比，预计2015年…增长299%: five years' growth), unless it reaches the next year
    # (2015年…比2014年增长8%: one year's)
    if base and not (_YEAR_WRITTEN.fullmatch(last) and _next_year(base, last)):
        return base + _SINCE
    if last:
        return last
    scoped = scopes.at(pos)
    if scoped:
        return scoped
    return _ZH_CUMULATIVE if text.find(_ZH_CUMULATIVE, start, pos) != -1 else ""


# 比上年增长8% / 较去年下降 / 高于上年 / 与上年相比 / 同上年持平: the year before, named as the base
# of a comparison, is not the period a figure is of (the 8% is this year's growth). A base year
# written out stays the period (比2002年增长65.5% is five years' growth, not one year's).
_RELATIVE_BASES = ("上年", "去年")
_BASE_BEFORE = "比较于"
_BASE_AROUND = ("与", "同", "和")
_BASE_AFTER = ("相比", "比较", "持平", "相当", "同期相比")


def _written_base(text: str, start: int, end: int) -> bool:
    """Whether the year written at text[start:end] (2010年) is the base of a comparison: 比2010年,
    较2010年, 与2010年相比."""
    if not start or not _YEAR_WRITTEN.fullmatch(text, start, end):
        return False
    before = text[start - 1]
    return before in _BASE_BEFORE or (before in _BASE_AROUND and text.startswith(_BASE_AFTER, end))


_YEAR_WRITTEN = lazy_pattern(r"(?:19|20)\d\d年")
# The period of a change on a base year written out (比2002年增长65.5%, 与2010年相比…下降19.5%): the
# years since then, several of them, not the base year itself.
_SINCE = "以来"


def _next_year(base: str, period: str) -> bool:
    """Whether `period` is the single year after the written year `base` (2014年 -> 2015年)."""
    later = _YEAR_WRITTEN.fullmatch(period)
    return later is not None and int(period[:4]) == int(base[:4]) + 1


def _comparison_base(text: str, start: int, end: int) -> bool:
    """Whether the period written at text[start:end] is the base of a comparison."""
    if not start or text[start:end] not in _RELATIVE_BASES:
        return False
    before = text[start - 1]
    return before in _BASE_BEFORE or (before in _BASE_AROUND and text.startswith(_BASE_AFTER, end))


def _is_zh_multi_year(period: str) -> bool:
    """The whole of `period` is one of the several-year forms (_ZH_MULTI_YEAR)."""
    m = _ZH_PERIOD.fullmatch(period)
    return m is not None and m.group("multi") is not None


def _is_zh_n_years(period: str) -> bool:
    """五年, 十五年, 10年 (五年 of 五年累计, 两年 of 两年新增): a number of years, not 一年."""
    if not period.endswith("年"):
        return False
    n = period[:-1]
    return ((len(n) == 1 and n in _ZH_YEAR_COUNT_ONE) or (len(n) == 2 and n[0] == "十" and n[1] in _ZH_YEAR_COUNT_TENS)
            or (1 <= len(n) <= 2 and n.isdecimal()))


def _strip_leading_periods(text: str) -> str:
    """`text` without the periods it opens with, each with its comma (2017年，今年以来，…)."""
    pos = 0
    while (m := _ZH_PERIOD.match(text, pos)) is not None:
        pos = m.end()
        if text[pos:pos + 1] in ("，", ",", "、"):
            pos += 1
    return text[pos:]


def _zh_scope(label: str) -> str:
    """The area a Chinese label opens with: 全国 … 全镇, or two to ten characters ending in a
    zone word (深汕特别合作区, 前海自贸片区), the shortest first; "" when none."""
    for word in _ZH_OWN_OR_TOWN:
        if label.startswith(word):
            return word
    if not any(c in _ZH_ZONE_FIRST for c in label[2:11]):
        return ""  # no zone word can start in reach (the common case)
    n = 0
    while n < 10 and n < len(label) and is_cjk(label[n]):
        n += 1
        if n >= 2:
            for suffix in _ZH_ZONE_SUFFIXES:
                if label.startswith(suffix, n):
                    return label[:n + len(suffix)]
    return ""


def _cjk_run(text: str, pos: int, limit: int) -> str:
    """The Chinese characters from `pos` on, at most `limit`."""
    end, stop = pos, min(len(text), pos + limit)
    while end < stop and is_cjk(text[end]):
        end += 1
    return text[pos:end]


@lru_cache(maxsize=1 << 12)  # a few dozen distinct periods, asked for every sentence and figure
def period_kind(period: str) -> PeriodKind:
    """The kind of a period as `_period` finds it: several years, one year, or none stated."""
    if not period:
        return PeriodKind.UNSTATED
    if (period == _ZH_CUMULATIVE or _is_zh_multi_year(period) or _is_zh_n_years(period)
            or _EN_MULTI_YEAR.fullmatch(period)):
        return PeriodKind.MULTI_YEAR
    if _EN_FISCAL.search(period):
        return PeriodKind.FISCAL_YEAR
    if _ZH_PART_YEAR.search(period):
        return PeriodKind.YEAR_TO_DATE
    return PeriodKind.YEAR


def _zh_period_kind(text: str, parsed: _Parsed, label: str, period: str, prev: Figure | None) -> PeriodKind:
    """POINT for a level reached (…提高到57.5%, 总里程), MULTI_YEAR for an average over years
    (年均增长7.1%) or a figure in a several-year scope, else by the period stated."""
    pos = parsed.numeral_start - len(_prefix_q(text, parsed.numeral_start))
    clause = text[_clause_start(text, pos, ZH_CLAUSE_STOPS, _LOOKBACK):pos]
    if _ZH_AVERAGE.search(clause):
        return PeriodKind.MULTI_YEAR
    to_end = prev is not None and prev.span.end <= pos and _FROM_TO_GAP.fullmatch(text, prev.span.end, pos)
    if to_end or _ZH_LEVEL_BEFORE.search(clause) or (_ZH_STOCK_LABEL.search(label) and not _ADDITION.search(label)):
        return PeriodKind.POINT
    bare = _LABEL_NOISE.sub("", label)
    if parsed.base_unit == "%" and (_ZH_RATIO_LABEL.search(bare) or _ZH_SHARE_CLAUSE.search(clause)):
        return PeriodKind.POINT  # 服务业比重51.6%, 灾后恢复重建占14.8%: shares are levels
    if _ZH_PER_UNIT_LABEL.search(bare) and not _ZH_CHANGE_END.search(bare):
        return PeriodKind.POINT
    return period_kind(period)


# Verbs that end the lead-in of a long Chinese label (全年主持召开|区政府常务会议…): cutting right
# after one keeps whole words, where cutting at a fixed length splits 召开 into 召|开.
_ZH_LEAD_VERB = lazy_pattern(r"召开|开展|组织|主持|举办|完成|实施|推动|推进|建立|办理|审查|开通|发放|培训|接待|受理")


def _shorten_zh(label: str) -> str:
    """The last `_LABEL_MAX` characters of a long label, moved to start after a lead-in verb when
    one ends a little before that point."""
    cut = len(label) - _LABEL_MAX
    best = None
    for m in _ZH_LEAD_VERB.finditer(label, max(0, cut - 6), len(label) - 4):
        if m.end() >= cut - 6:
            best = m.end()
            if m.end() >= cut:
                break
    if best is not None and len(label) - best >= 4:
        return label[best:]
    return label[-_LABEL_MAX:]


def _trim_zh(label: str) -> str:
    # one regular expression of all trailing words (longest first) instead of a loop over them
    while label:
        m = _ZH_TRAIL_END.search(label)
        if m is None:
            break
        label = label[: m.start()]
    return label


def _clause_subject(text: str, cstart: int) -> str:
    """The words before the first number of the clause before `cstart` (its subject), or ""."""
    if cstart < 2 or text[cstart - 1] not in "，,、":
        return ""
    start = _clause_start(text, cstart - 1, _ZH_NO_NEWLINE_STOP, _LOOKBACK)
    clause = text[start:cstart - 1]
    m = _ZH_SUBJECT_END.search(clause)
    clause = clause[: m.start()] if m else clause  # no number: the clause is what the verb counts
    for _ in range(3):
        clause = _ZH_LEAD_IN.sub("", _strip_leading_periods(clause.strip()))
    subject = _trim_zh(clause)
    if len(subject) > _LABEL_MAX:
        subject = _shorten_zh(subject)
    return subject if len(subject) >= 2 and "\n" not in subject else ""


def _zh_label(text: str, parsed: _Parsed, prev: Figure | None, subject_fig: Figure | None) -> tuple[str, bool]:
    """The label of a figure, and whether it is the "to" end of 从X到Y (the label of X)."""
    pos = parsed.numeral_start
    pos -= len(_prefix_q(text, pos))
    cstart = _label_clause_start(text, pos, prev)
    clause = _ZH_PAREN.sub("", text[cstart:pos]).strip(" \t\u3000\n")  # an indent opens no label
    # 从X到Y joins two figures of one measure; 提升10个百分点至75.1% joins a change and a level
    from_to = (bool(re.search(r"(?:到|至)$", clause)) and prev is not None and prev.span.end == cstart
               and prev.base_unit == parsed.base_unit)
    for _ in range(3):  # 预计全年…, 其中：2017年…: lead-ins and periods, in any order
        clause = _ZH_LEAD_IN.sub("", _strip_leading_periods(clause))
    clause = re.sub(r"^[\d０-９]+年(?![度均])", "", clause)  # 3年突破两个千亿大关: how long, not what
    clause = _PER_IN_LABEL.sub("", clause)  # 浓度由每立方米: the unit, not the measure
    # 12315平台…: a number opening the clause is a code, not the label; GDP, PM2.5 and 5G are names
    clause = re.sub(r"^[\d０-９.．%％\s]+(?![A-Za-z\d０-９.．])", "", clause)
    label = _zh_measure_words(clause)
    if label.startswith("比") and prev is not None and 0 <= cstart - prev.span.end <= 6 and prev.label:
        return prev.label + label, False  # 安排5376亿元，比上年增加300亿元: the increase of that amount
    # 医患纠纷、消费维权等8个调解组织 / 法律援助、法律咨询3项基本职能: a list, then the counted noun
    enumerated = clause.rstrip().endswith("等") or (cstart > 0 and text[cstart - 1] == "、")
    if from_to and not label and prev is not None:
        return prev.label, True  # 从54万亿元增加到82.7万亿元: same measure
    elided = _elided_subject(text, label, cstart, pos, subject_fig)
    if elided is not None:
        return elided, False
    after = _cjk_run(text, parsed.span.end, _ZH_NOUN_AFTER_MAX)
    # 高质量完成27项年度民生实事: the count's verb may have been trimmed off the label already
    counted = bool(_ZH_COUNT_VERB.search(label) or _ZH_COUNT_VERB.search(clause.rstrip()))
    if len(after) >= 2 and (len(label) <= 2 or enumerated or counted):
        noun = after
        cut = _ZH_NOUN_AFTER_CUT.search(noun)
        if cut:
            noun = noun[: cut.start()]
        if len(noun) >= 2:
            label = noun if enumerated else label + noun
            label = label[-_LABEL_MAX:]
    if counted and len(bare := _ZH_MANNER.sub("", label)) >= 2:
        label = bare  # how it was done names nothing: 年度民生实事, not 高质量年度民生实事
    return label, False


def _label_clause_start(text: str, pos: int, prev: Figure | None) -> int:
    """Where the clause naming the figure at `pos` starts."""
    cstart = _clause_start(text, pos, ZH_CLAUSE_STOPS, _LOOKBACK)
    while 1 < cstart < len(text) and text[cstart - 1] == "—" and text[cstart - 2].isdigit() and text[cstart].isdigit():
        cstart = _clause_start(text, cstart - 1, ZH_CLAUSE_STOPS, _LOOKBACK)  # 1—11月: a range of months, no dash
    while cstart > 1 and text[cstart - 1] in "）)”" and _ZH_ASIDE.search(text, max(0, cstart - 14), cstart):
        # 同比（下同）增长5.3%, 专精特新“小巨人”企业742家: an aside or a short name does not end the clause
        opened = max(text.rfind("（", 0, cstart), text.rfind("(", 0, cstart), text.rfind("“", 0, cstart))
        cstart = _clause_start(text, opened, ZH_CLAUSE_STOPS, _LOOKBACK)
    if prev is not None and cstart < prev.span.end <= pos:
        cstart = prev.span.end  # 由原来5个缩减到3至4个: the clause of the second figure starts after the first
    return cstart


def _zh_measure_words(clause: str) -> str:
    """The clause cut to the words that name the measure: trailing verbs off, a lead-in cut away."""
    label = _trim_zh(clause.strip())
    if len(label) > 2:
        cut = _ZH_CUT.match(label)
        if cut and len(label) - cut.end() >= 2:
            rest = _trim_zh(_strip_leading_periods(label[cut.end():]).lstrip("的"))
            # 研发投入强度从2017年的2.1%: what follows 从 is a period, the measure stands before it
            label = rest if len(rest) >= 2 else _trim_zh(label[: cut.start("cut")]) or rest
    if len(label) > _LABEL_MAX:
        label = _shorten_zh(label)
    while label[:1] in ("为", "对", "要", "拟", "再") and len(label) >= 4:  # 为消费者挽回经济损失
        label = label[1:]
    return label


def _elided_subject(text: str, label: str, cstart: int, pos: int, subject_fig: Figure | None) -> str | None:
    """The label of a clause that elides its subject, or None when the clause names its own.

    The subject is that of the latest figure in the sentence that counts a thing (not a duration:
    连续9年保持两位数增长，…，占地区生产总值比重6.46% is the share of the first subject), else the
    words opening the clause before."""
    same_sentence = (subject_fig is not None and bool(subject_fig.label) and subject_fig.span.end <= pos
                     and not any(c in ZH_SENTENCE_STOPS for c in text[subject_fig.span.end:pos]))
    bare_verb = len(label) == 2 and is_cjk(label[0]) and is_cjk(label[1])
    if same_sentence and subject_fig is not None:
        if _ZH_VERB_ONLY.fullmatch(label) or _ZH_OF_SUBJECT.match(label):
            # 全市地区生产总值3.24万亿元，增长3.3% / 分别增长12.7%、15.9% / 研发投入…，占地区生产总值比重
            if not label:
                return subject_fig.label
            subject = _ZH_CHANGE_BEFORE.sub("", _ZH_ADDITION_LEAD.sub("", subject_fig.label))  # 覆盖率提升…至75.1%
            return (subject + re.sub(r"(?:至|到)$", "", label))[-_LABEL_MAX:]
        verb = _ZH_LEAD_COUNT_VERB.match(subject_fig.label)
        if bare_verb and verb and len(subject_fig.label) - verb.end() >= 2:
            return label + subject_fig.label[verb.end():]  # 收到行政复议申请38件，受理34件
        return None
    if label and (bare_verb or _ZH_VERB_ONLY.fullmatch(label)):
        # 组织网上学法考试，参考3418人 (a bare verb counts what the clause before names) /
        # 国内生产总值达到74.4万亿元，增长6.7% (the amount not read as a figure)
        subject = _clause_subject(text, cstart)
        if subject:
            return (subject + label)[-_LABEL_MAX:]
    return None


def _extract_en(text: str, blocked: _Blocked) -> list[Figure]:
    figs: list[Figure] = []
    # the boundary is not the point of $1.7 billion
    scopes = _Scopes(text, _EN_PERIOD, _EN_PERIOD_CUE, re.compile(r"[.;!?](?=\s)"), _EN_PARAGRAPH_OPENING,
                     carry=_EN_FISCAL)
    for m in en_tokens(text):
        start, end = m.span()
        if start in blocked:
            continue
        parsed = _parse_en(text, m)
        if parsed is None:
            continue
        low = _en_range_low(text, start, parsed)
        if low is not None:  # "between 1% and 3%", "2% to 3%", "3 to 4%", "2.0-3.0%": one range
            low_start, low_value = low
            if figs and figs[-1].span.start >= low_start:
                figs.pop()  # its low end, read as a figure of its own
            parsed = replace(parsed, value=low_value, value_high=parsed.value, base_value=low_value,
                             span=Span(low_start, parsed.span.end), numeral_start=low_start)
        period = _period(text, start, _EN_PERIOD, _EN_PERIOD_CUE, _EN_SENTENCE_STOPS, scopes)
        # "Revenue for the year rose to $112.9 million" is the year's amount, not a level reached
        level = (_EN_LEVEL_BEFORE.search(text, max(0, start - 40), start) is not None
                 and _EN_FOR_THE_YEAR.search(text, max(0, start - 60), start) is None)
        figs.append(Figure(
            value=parsed.value, unit=parsed.unit,
            label=(_en_count_label(text, parsed, m, figs[-1] if figs else None) if m.group("noun")
                   else _en_label(text, parsed, figs[-1] if figs else None)),
            span=parsed.span, qualifier=parsed.qualifier, period=period, value_high=parsed.value_high,
            base_value=parsed.base_value, base_unit=parsed.base_unit,
            period_kind=PeriodKind.POINT if level else period_kind(period),
        ))
    return figs


# The low end of an English range of rates written before its high end: "between 1% and 3%", "0.5 and
# 1.5 per cent" after "between", "of 2% to 3%", "3 to 4%", "2.0-3.0%" (a dash between two numbers,
# not "16.5% -22.3%", two cells of a table). Never a change: "from 13.7% to 14.2%", "from the
# current 4% to 16%", "by 2% to" (`_EN_FROM_OR_BY`).
_EN_BETWEEN = lazy_pattern(r"\bbetween\s+(?P<low>\d+(?:\.\d+)?)\s*(?:%|per\s?cent)?\s+and\s+$")
_EN_RANGE_TO = lazy_pattern(r"(?<![\d.,-])(?P<low>\d+(?:\.\d+)?)(?:(?:\s*(?:%|per\s?cent))?\s+to\s+|%?[-–—])$")
_EN_FROM_OR_BY = lazy_pattern(r"\b(?:from|by)\b[^,.;:]{0,24}$")


def _en_range_low(text: str, start: int, high: _Parsed) -> tuple[int, Decimal] | None:
    """Where the low end of a range of rates starts and its value, when the rate at `start` is its
    high end; None otherwise (a low end not below the high end is no range)."""
    if high.unit != "%":
        return None
    m = _EN_BETWEEN.search(text, max(0, start - 30), start) or _EN_RANGE_TO.search(text, max(0, start - 16), start)
    if m is None or _EN_FROM_OR_BY.search(text, max(0, m.start("low") - 30), m.start("low")):
        return None
    value = Decimal(m.group("low"))
    return (m.start("low"), value) if value < high.value else None


def _parse_en(text: str, m: re.Match[str]) -> _Parsed | None:
    start, end = m.span()
    qm = _EN_Q.search(text, max(0, start - 20), start)
    qual = qm.group(1).lower() if qm else ""
    if m.group("cur"):
        cur = m.group("cur")
        value = Decimal(m.group("cnum").replace(",", ""))
        scale_word = (m.group("cscale") or "").lower()
        name, factor = _EN_SCALE.get(scale_word, ("", Decimal(1)))
        unit = f"{cur} {name}" if name else cur
        return _Parsed(value, None, unit, qual, value * factor, cur, Span(start, end), start)
    if m.group("pnum"):
        value = Decimal(m.group("pnum").replace(",", ""))
        kind = m.group("pct").lower()
        if kind.startswith("percentage point"):
            return _Parsed(value, None, "percentage points", qual, value, "pp", Span(start, end), start)
        return _Parsed(value, None, "%", qual, value, "%", Span(start, end), start)
    if m.group("snum"):
        value = Decimal(m.group("snum").replace(",", ""))
        name, factor = _EN_SCALE[m.group("sscale").lower()]
        return _Parsed(value, None, name, qual, value * factor, "", Span(start, end), start)
    raw = m.group("qnum")
    word = raw.lower() in EN_NUMBER_WORDS
    value = Decimal(EN_NUMBER_WORDS[raw.lower()]) if word else Decimal(raw.replace(",", ""))
    if not word and "," not in raw and "." not in raw and 1800 <= value <= 2200:
        return None  # a year ("2019 results")
    if _EN_NOT_BEFORE.search(text, max(0, start - 12), start) or _EN_ACRONYM.search(text, max(0, start - 12), start):
        return None  # Section 3 states; ISO 9001, COVID 19: names, not counts
    if re.search(r"\d\s(?:and|or|to)\s$", text[max(0, start - 8):start]):
        return None  # Scope 1 and 2 emissions: the second of two numbered names
    if "." in raw and raw.count(".") == 1 and text[max(0, start - 1):start] == "\n":
        return None  # 3.1 Results: a section number at the start of a line
    adjectives = m.group("adj").split()
    if any(a in _EN_ADJ_STOP for a in adjectives):
        return None  # "2 of the companies", "3 to 5 years": not one counted noun
    noun = m.group("noun")
    if noun in _EN_STOP or noun in ("years", "days", "months", "weeks", "hours", "times", "decades"):
        return None
    scale = (m.group("qscale") or "").lower()
    name, factor = _EN_SCALE.get(scale, ("", Decimal(1)))
    unit = f"{name} {noun}" if name else noun
    # with words between, the figure as written is the number ("28" of "28 new apprentices")
    span_end = m.end("qscale") if adjectives and scale else m.end("qnum") if adjectives else end
    return _Parsed(value, None, unit, qual, value * factor, noun, Span(start, span_end), start)


def _en_words(chunk: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'&-]*", chunk) if w.lower() not in _EN_FILLER]


def _en_count_label(text: str, parsed: _Parsed, m: re.Match[str], prev: Figure | None) -> str:
    """The counted noun and its adjectives: "took in 28 new apprentices" -> "new apprentices",
    "We served 1,850 customers in 41 countries" -> "customers", "countries". A bare noun keeps the
    content words before it in its clause, back to the previous number ("the Budget takes major
    steps in four areas" -> "Budget takes major steps areas"): "areas" alone would pair with any
    other count of areas in a long report."""
    counted = m.group("adj").split() + [m.group("noun")]
    if len(counted) > 1 and counted[-2:] not in (["percentage", "points"], ["basis", "points"]):
        return " ".join(counted)
    cstart = _clause_start(text, parsed.span.start, _EN_CLAUSE_STOPS, 80)
    if prev is not None and cstart <= prev.span.end <= parsed.span.start:
        cstart = prev.span.end
    chunk = text[cstart:parsed.span.start]
    words = [w for w in _en_words(chunk) if w.lower() not in _EN_STOP and w.lower() not in _EN_BREAK
             and not _EN_TIME_TAIL.fullmatch(w)]
    return " ".join(words[-3:] + counted)


def _en_noun_phrase(chunk: str) -> list[str]:
    """The noun phrase that ends `chunk`: "we raised the quarterly dividend to" -> quarterly dividend,
    "Revenue for the year was flat at" -> Revenue, "the market value of our shares" -> market value of
    shares. Trailing verbs and prepositions are dropped, then words are taken back to a determiner,
    pronoun, preposition or verb; one "of" joins two nouns (Bank of America)."""
    words = re.findall(r"[A-Za-z][A-Za-z'&-]*|\d[\d,.]*", chunk)
    while words and (words[-1].lower() in _EN_STOP or words[-1].lower() in _EN_FILLER
                     or words[-1].lower() in _EN_BREAK):
        words.pop()
    joined = " ".join(words)
    cut = _EN_TIME_TAIL.search(joined)
    if cut and cut.start() > 0:  # "Revenue for the year": the time is the figure's period, not its name
        words = joined[: cut.start()].split()
        while words and (words[-1].lower() in _EN_STOP or words[-1].lower() in _EN_BREAK):
            words.pop()
    phrase: list[str] = []
    joined_of = False
    i = len(words) - 1
    while i >= 0:
        w = words[i]
        low = w.lower()
        if (low in _EN_DETERMINERS and phrase and not joined_of and i > 1 and words[i - 1].lower() == "of"
                and _en_content(words[i - 2])):
            i -= 1  # "value of our shares": the determiner goes, "of" joins
            continue
        if low == "of" and phrase and not joined_of and i > 0 and _en_content(words[i - 1]):
            joined_of = True
            phrase.insert(0, w)
            i -= 1
            continue
        if not _en_content(w):
            break
        phrase.insert(0, w)
        i -= 1
    return phrase[-_EN_LABEL_WORDS:]


def _en_content(word: str) -> bool:
    low = word.lower()
    return not (word[0].isdigit() or low in _EN_BREAK or low in _EN_FILLER
                or (low in _EN_STOP and low not in _EN_KEEP))


def _en_earlier_subject(text: str, cstart: int) -> str:
    """The noun phrase that opens the nearest earlier clause of the same sentence, or ""."""
    sentence_start = max(text.rfind(". ", 0, cstart), text.rfind("\n", 0, cstart), cstart - 200, 0)
    end = cstart - 1  # the stop that ends the earlier clause
    while end > sentence_start + 1:
        prev_stop = max(text.rfind(",", sentence_start, end), text.rfind(";", sentence_start, end), sentence_start)
        clause = text[prev_stop + (0 if prev_stop == sentence_start else 1): end]
        words = re.findall(r"[A-Za-z][A-Za-z'&‑-]*|\d[\d,.]*", clause)
        phrase: list[str] = []
        for w in words:
            if not _en_content(w) or w.lower() in _EN_VERB_HINT:
                if phrase:
                    break
                if w.lower() not in _EN_DETERMINERS:
                    break  # "as measured by", "Between 2016 and 2019": the clause opens with no noun
                continue
            phrase.append(w)
        if phrase and len(phrase) <= _EN_LABEL_WORDS:
            return " ".join(phrase)
        if words and words[0].lower() in _EN_FILLER:
            # "We will raise the monthly grant for …, from $300 to $600" (an invented sentence):
            # the clause before names the measure last
            tail = _en_noun_phrase(clause)
            if tail:
                return " ".join(tail)
        end = prev_stop
    return ""


_EN_TO_LEVEL = lazy_pattern(r"\s+to\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|over\s+|more than\s+)?")


def _en_level_after_change(text: str, parsed: _Parsed, prev: Figure | None) -> str:
    """`prev`'s label when the figure is the level a change just before it reached, in another unit
    ("Revenue grew 13% to $468.3 million", "rose 2.5 percentage points to 18.1%"); else "". A level in
    the change's own unit ("from 13.7% to 14.2%") keeps its own label: it may be last year's end."""
    if prev is None or not prev.label or prev.span.end > parsed.span.start or prev.base_unit == parsed.base_unit:
        return ""
    if _EN_TO_LEVEL.fullmatch(text, prev.span.end, parsed.span.start) is None:
        return ""
    return prev.label if _EN_CHANGE_BEFORE.search(text, max(0, prev.span.start - 40), prev.span.start) else ""


def _en_label(text: str, parsed: _Parsed, prev: Figure | None) -> str:
    return _en_level_after_change(text, parsed, prev) or _en_own_label(text, parsed, prev)


def _en_own_label(text: str, parsed: _Parsed, prev: Figure | None) -> str:
    """The noun phrase before the figure ("Operating margin improved to 14.2%" -> Operating
    margin); a second figure for the same thing ("$0.12 per share, or $0.48 for the year", "$1.2
    billion or 0.3% of GDP") takes the first one's label; when the words before are too few to
    name a measure ("set aside", "cost"), the words after the figure are added."""
    start, end = parsed.span.start, parsed.span.end
    after = text[end : end + 40]
    per = _EN_PER.match(after)
    if prev is not None and prev.label and prev.span.end <= start and _EN_ALT.match(text[prev.span.end:start]):
        base = _EN_PER_SUFFIX.sub("", prev.label)
        if _EN_YEAR_TAIL.match(after):
            base = _EN_SUB_ANNUAL.sub("", base)
            return base if base.lower().startswith("annual ") else "annual " + base
        of = _EN_OF_TAIL.match(after)
        if of:
            return f"{base} to {of.group(1)}"
        return base
    cstart = _clause_start(text, start, _EN_CLAUSE_STOPS, 80)
    of_phrase = _EN_OF_PHRASE.match(text, end)
    if of_phrase and (_EN_COPULA_END.search(text, cstart, start) or not text[cstart:start].strip()):
        # "Its two parts are $7.1 billion of rental income and $2.3 billion of fees" (invented):
        # what the amount is of names it
        return of_phrase.group(1).strip()
    words = _en_noun_phrase(text[cstart:start])
    before = _en_words(text[cstart:start])
    # one word with more before it ("cost the Government", "the bottom 20%") names too little to
    # match on in a long report; a label that is the whole clause ("Revenue grew 6%") is kept
    weak = len(words) == 1 and len([w for w in before if w.lower() not in _EN_STOP
                                    and not _EN_TIME_TAIL.fullmatch(w)]) > 1
    if words and not weak and not all(w.lower() in _EN_GENERIC for w in words):
        label = " ".join(words)
        if per:  # "$0.12 per share", "$1,900 a month": an amount per unit is not a total
            unit = _EN_PER_UNIT.get(per.group(1).lower(), per.group(1).lower())
            if unit not in label.lower():
                label += f" per {unit}"
        return label
    # "set aside $2 billion for the Rainy Day Fund", "will cost the Government $80 million":
    # the verb and what follows
    words = before
    while words and words[-1].lower() in _EN_STOP:
        words.pop()
    words = words[-5:]
    while words and words[0].lower() in _EN_STOP:
        words.pop(0)
    if len(words) > 1 and not all(w.lower() in _EN_GENERIC for w in words):
        return " ".join(words)
    if not words:
        # "labour productivity, as measured by …, rose by 2.6% per year": the clause holding the
        # figure has only its verb; the subject is the noun phrase opening an earlier clause
        subject = _en_earlier_subject(text, cstart)
        if subject:
            return subject
    stop = re.search(r"[.;:,()\n]", text[end : end + 80])
    tail = _en_words(text[end : end + (stop.start() if stop else 80)])
    while tail and tail[0].lower() in _EN_STOP:
        tail.pop(0)
    tail = tail[:4]
    while tail and tail[-1].lower() in _EN_STOP:
        tail.pop()
    return " ".join(words + tail)

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
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal

from ..model import Figure, PeriodKind, Report, Span
from ..text.cjk import CJK, detect_language
from ..text.numerals import EN_NUMBER_WORDS, EN_TOKEN, ZH_TOKEN, NumeralError, normalise_digits, parse_number
from ..text.sentences import ZH_SENTENCE_ENDS

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
)
_CN_WEAK_ONE = re.compile(r"^一$")  # 一批, 一次, 一个时期: words, not counts
_YEAR_FOLLOW = "来内前后度级间代底初末中"  # 五年来, 2020年度, 三年内: not a duration figure
_ARABIC_START = "0123456789０１２３４５６７８９"
_JOINERS = "+＋/／.．@_#-－—"

_ZH_PREFIX_Q = re.compile(r"(?:不少于|不低于|不超过|不到|不足|超过|大约|将近|接近|约|近|逾|超)$")
_ZH_YEARS = r"(?:[两二三四五六七八九十]|十[一二三四五六七八九]|(?<!\d)\d{1,2})"  # 五, 十五, 10: not 一
# Several years: 过去五年, 五年来, 十三五以来, 党的十八大以来, 2013年以来, 2016-2020年. Tried before
# the one-year forms so that 2013年以来 is read whole.
_ZH_MULTI_YEAR = re.compile(
    rf"(?:(?:过去|近|今后|未来|前){_ZH_YEARS}年(?:来|间|中|里)?|{_ZH_YEARS}年(?:来|间|中|里|以来|内|(?=累计|共|新增|合计))"
    r"|这些年|这几年|近几年|近年来|多年来|“?十[一二三四五六七八九]五”?(?:期间|时期|以来)"
    r"|党的十[六七八九]大以来|(?:19|20)\d{2}年以来|(?:19|20)\d{2}年?[-－—~～至到](?:19|20)\d{2}年)"
)
_ZH_N_YEARS = re.compile(rf"{_ZH_YEARS}年")  # 五年 of 五年累计, 两年 of 两年新增 (matched before 累计)
_ZH_PERIOD = re.compile(
    rf"(?:{_ZH_MULTI_YEAR.pattern[3:-1]}"
    r"|(?:19|20)\d{2}年(?:度)?(?:\d{1,2}(?:[-－—~～至到]\d{1,2})?月(?:份)?)?"
    r"|(?<!\d)\d{1,2}[-－—~～至到]\d{1,2}月"
    r"|今年(?:以来)?|去年|上年|全年|截至目前|截止目前|目前)"
)
_LEADING_PERIOD = re.compile(rf"^(?:(?:{_ZH_PERIOD.pattern})[，,、]?)+")
# 累计 with no other period stated sums several years (五年来累计, or the whole life of a programme).
_ZH_CUMULATIVE = "累计"
# 年均增长7.1%, 平均每年减少1000万: an average over several years (but 年均浓度 is one year's mean).
_ZH_AVERAGE = re.compile(r"(?:年均|平均每年|每年平均)(?:实际)?(?:增长|上涨|下降|提高|增加|减少|降低|递增|递减|增速)")
# The figure after these is a level reached (从9000公里增加到2万5千公里, 提高到58.5%), not an amount of
# the period: comparable whatever the period. 达到 is left out: 累计达到 and 减税达到 are amounts.
_ZH_LEVEL_BEFORE = re.compile(
    r"(?:提高|增加|增长|上升|上涨|下降|减少|降低|扩大|缩小|缩减|缩短|提升|回落|回升|跃升|攀升|压缩|压减|上调|下调"
    r"|升|降|增|减)(?:到|至)$")
_FROM_TO_GAP = re.compile(r"[^，。；,;、\n]{0,6}(?:到|至)")  # 从54万亿元增加到82.7万亿元: between the two
_ZH_STOCK_LABEL = re.compile(r"(?:里程|总量|总额|总规模|余额|保有量|存量|总数|积累)$")
# A per-head or per-day measure (人均纯收入达到5919元, 日均新设企业) is a level of its year, unless a
# change is what is measured (人均纯收入增长, 年均增长).
_ZH_PER_UNIT_LABEL = re.compile(r"人均|日均|户均|平均每")
_ZH_CHANGE_END = re.compile(r"(?:增长|增加|提高|上升|上涨|提升|扩大|下降|减少|降低|缩小|缩减|压减|增|降)$")
# A percentage whose label ends in a share or ratio (占…比例, 服务业比重, 城镇化率) is a level, like
# 4% of GDP kept every year of five; a percentage after a verb (增长7.1%) is a change over its period.
_ZH_RATIO_LABEL = re.compile(r"(?:比例|比重|占比|率)$")
_ZH_SHARE_CLAUSE = re.compile(r"占[^，。；、\d]{0,6}$")  # 重建占14.8%, 占世界的60%
# Words that make a label an addition (新增高速铁路运营里程); a level of the same thing is a stock.
_ADDITION = re.compile(r"新增|净增|新建|改建|扩建|新开工|\bnew\b|\badditional\b|\bnet\b", re.I)
_EN_MULTI_YEAR = re.compile(
    r"\b(?:(?:over|in|during|for) the (?:past|last|next|coming) (?:\w+ )?(?:years|decade)"
    r"|(?:over|across) (?:\w+ )?(?:years|decade)|since (?:FY\s?)?(?:19|20)\d{2}"
    r"|cumulative(?:ly)?|(?:two|three|four|five|ten|\d+)-year|(?:19|20)\d{2}\s?(?:-|–|to)\s?(?:19|20)\d{2})\b",
    re.I)
_EN_PERIOD = re.compile(rf"(?:{_EN_MULTI_YEAR.pattern}|\b(?:FY\s?)?(?:19|20)\d{{2}}\b"
                        r"|\b(?:this|last|next) (?:financial )?year\b)", re.I)
# Words a label may carry or leave out without naming another measure: periods (去年 / 上年) and
# adverbs (继续提高, 要下降, 再增加); dropped before labels are compared for substitutions.
_LABEL_NOISE = re.compile(
    r"今年|去年|上年|全年|当年|本年|同期|继续|持续|进一步|分别|同比|预期|^[再要拟将]|总(?=里程|量|额|数|规模)"
    r"|[再又要均都也将已还](?=增长|增加|提高|上升|上涨|提升|扩大|下降|减少|降低|缩小|缩减|压减|完成|安排|达到|实现)")
_EN_LEVEL_BEFORE = re.compile(
    r"\b(?:rose|fell|increased|decreased|grew|declined|climbed|dropped|risen|fallen|reduced|raised|cut|lowered)"
    r" to\s*(?:about |around |over |nearly )?$", re.I)
_ZH_CLAUSE_STOP = set("，。；：！？\n,;:!?（）()“”‘’《》、——|｜")
_ZH_SENTENCE_STOP = set(ZH_SENTENCE_ENDS + "\n")
# Verbs, copulas and prepositions trimmed from the end of a label (longest first).
_ZH_TRAIL = tuple(sorted({
    "达到", "达", "为", "是", "共计", "共", "累计", "合计", "总计", "约", "近", "超过", "逾", "实现",
    "完成", "增长到", "提高到", "增加到", "上升到", "下降到", "减少到", "降低到", "扩大到", "缩减到",
    "缩减至", "缩短到", "缩短至", "降到", "降至", "升至", "达至", "突破", "有", "了", "在", "提升到", "压缩到", "压缩至", "等",
    "稳定在", "保持在", "控制在", "占", "分别", "均", "已", "全部", "都", "由", "从", "原来", "接近",
    "不到", "不足", "以", "超", "计", "仅", "将近", "大约", "高于", "低于", "不低于", "不少于",
    "不超过", "拟按", "按", "其中", "新增的", "的", "和", "及", "与", "共有", "已有", "达到了",
}, key=lambda w: (-len(w), w)))
# Words after which the rest of a long label is kept (共排查出各类矛盾纠纷 -> 排查出各类矛盾纠纷).
_ZH_CUT = re.compile(r".*(?:共计|累计|共|其中|实现了|实现|完成了|由原来|由|从|通过对|向|将|把|被|通过)")
_ZH_NOUN_AFTER = re.compile(f"[{CJK}]{{2,16}}")
_ZH_NOUN_AFTER_CUT = re.compile(
    r"(?:实现|进行|的|已|全部|均|正在|作出|由|被|受益|得到|成为|中|在|和|与|并|等|以上|就|参加|缩减|增加|减少|提高|下降)")
# Verbs that put the counted noun after the number: 共聘请2名法律顾问 -> 聘请法律顾问.
_ZH_COUNT_VERB = re.compile(
    r"(?:聘请|收到|举办|开展|成立|设立|新设|建成|建设|培训|办理|受理|查处|制定|抽取|选派|组建|新建|打造|创建|"
    r"推出|发放|解决|提供|接待|化解|审查|出台|印发|签署|新签|组织|整治|关停|淘汰|修订|制定修订|培育|认定|"
    r"评选|表彰|引进|招收|资助|救助|帮扶|安置|改造|新开工|开工|完成|实施|推动|吸引|新登记|登记)$")
_EN_STOP = {
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
_EN_TIME_TAIL = re.compile(
    r"\b(?:(?:for|in|during|over|on|at|of|by) (?:(?:the|that|this|each|a|its|our) )?)?"
    r"(?:(?:financial|fiscal|calendar|full|whole|last|next|same|first|second|third|fourth) )?"
    r"(?:year|quarter|half|month|period|date|day|week|yearend)s?$", re.I)
_EN_PER = re.compile(r"\s*(?:a|per|each) (share|year|annum|month|person|head|household)\b", re.I)
_EN_PER_UNIT = {"annum": "year", "head": "person"}
_EN_PER_SUFFIX = re.compile(r" per (?:share|year|month|person|household)$")
# A second figure for the same measure, after the first: "$0.12 per share, or $0.48", "$1.2 billion or 0.3%".
_EN_ALT = re.compile(r"^(?:\s*(?:a|per) \w+)?\s*,?\s*(?:or|i\.e\.|equal to|equivalent to|about)\s*$", re.I)
_EN_YEAR_TAIL = re.compile(r"\s*(?:for the (?:full |whole )?year|a year|per year|per annum|annually)\b", re.I)
_EN_SUB_ANNUAL = re.compile(r"^(?:quarterly|monthly|interim|half-year(?:ly)?) ", re.I)
_EN_OF_TAIL = re.compile(r"\s*of (GDP|GNP|revenue|revenues|sales|income|earnings)\b")
_EN_Q = re.compile(r"\b(about|around|approximately|nearly|almost|over|more than|less than|up to|"
                   r"at least|some|roughly|just over|just under)\s*$", re.I)
_EN_NOT_BEFORE = re.compile(r"\b(?:S&P|Fortune|FTSE|Russell|section|paragraph|chapter|part|item|note|page|"
                            r"article|clause|figure|table|schedule|annex|appendix|no\.|number)\s*$", re.I)
_EN_ACRONYM = re.compile(r"\b[A-Z]{2,}[- ]$")


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
    pattern = _EN_PERIOD if language == "en" else _ZH_PERIOD
    heading_periods = {s.id: _heading_period(s.heading, pattern) for s in sections}
    figs: list[Figure] = []
    for fig in extract_figures_from_text(text, language=language, excluded=excluded):
        holder = report.section_at(fig.span.start)
        if holder is not None:
            fig = replace(fig, section_id=holder.id)
        if not fig.period:
            fig = _with_heading_period(fig, report, heading_periods)
        figs.append(fig)
    return tuple(figs)


def _heading_period(heading: str, pattern: re.Pattern[str]) -> str:
    """The period a heading states (一、过去五年工作回顾 -> 过去五年); "" when it states none, or
    periods of both kinds (2015年工作和“十二五”时期发展回顾: its paragraphs say which is which)."""
    found = [m.group() for m in pattern.finditer(heading)]
    if not found or len({period_kind(p) for p in found}) > 1:
        return ""
    return found[0]


def _with_heading_period(fig: Figure, report: Report, heading_periods: dict[str, str]) -> Figure:
    """A figure whose sentence and paragraph state no period takes the nearest heading's."""
    for section_id in report.lineage(fig.section_id or ""):
        period = heading_periods.get(section_id, "")
        if period:
            kind = period_kind(period) if fig.period_kind is PeriodKind.UNSTATED else fig.period_kind
            return replace(fig, period=period, period_kind=kind)
    return fig


def extract_figures_from_text(
    text: str, *, language: str = "zh", excluded: Iterable[tuple[int, int]] = ()
) -> tuple[Figure, ...]:
    """Every figure in `text` (no sections); `excluded` spans are skipped."""
    blocked = _Blocked(text, excluded, language)
    if language == "en":
        return tuple(_extract_en(text, blocked))
    return tuple(_extract_zh(text, blocked))


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
    scopes = _Scopes(text, _ZH_PERIOD, re.compile(f"[{ZH_SENTENCE_ENDS}]"), _PARAGRAPH_OPENING)
    for m in ZH_TOKEN.finditer(text):
        parsed = _parse_zh(text, m)
        if parsed is None or parsed.numeral_start in blocked:
            continue
        label, to_end = _zh_label(text, parsed, prev)
        if to_end and prev is not None and figs and figs[-1] is prev:
            # the "from" end of 从X到Y is last year's or an earlier value, not the current one
            prev = replace(prev, qualifier="、".join(x for x in (FROM_QUALIFIER, prev.qualifier) if x))
            figs[-1] = prev
        period = _period(text, parsed.numeral_start, _ZH_PERIOD, _ZH_SENTENCE_STOP, scopes)
        fig = Figure(
            value=parsed.value, unit=parsed.unit, label=label, span=parsed.span,
            value_high=parsed.value_high, qualifier=parsed.qualifier, period=period,
            base_value=parsed.base_value, base_unit=parsed.base_unit,
            period_kind=_zh_period_kind(text, parsed, label, period, prev),
        )
        figs.append(fig)
        prev = fig
    return figs


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


def _parse_zh(text: str, m: re.Match[str]) -> _Parsed | None:  # noqa: C901 - one pass of ordered rules; splitting it is left to the figures work (issue 12)
    start, end = m.span()
    before = text[start - 1] if start else ""
    if before == "第" or (before and before in _JOINERS and start >= 2 and text[start - 2].isalnum()):
        return None
    if before.isascii() and before.isalnum():  # ND01100, PM2.5, A3
        return None
    if end < len(text) and text[end] in "+＋":  # 1+X
        return None
    if any(text.startswith(s, start) for s in _SLOGANS):
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
    if chinese_only and (_CN_WEAK_ONE.match(core) or core in ("百", "千", "十")):
        return None
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


def _clause_start(text: str, pos: int, stops: set[str], limit: int) -> int:
    lo = max(0, pos - limit)
    i = pos
    while i > lo and (text[i - 1] not in stops or _inside_number(text, i - 1)):
        i -= 1
    return i


def _inside_number(text: str, i: int) -> bool:
    """The point of $27.5 billion or the comma of 1,200: between two digits, not a stop."""
    return (text[i] in ".," and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())


class _Scopes:
    """Periods that scope the rest of their paragraph, found in one pass over the text.

    A paragraph's opening (刚刚过去的2017年，… / 2015年是…) gives its period to everything the
    paragraph says; so does a later sentence that opens with a period (…。过去五年，… / …。今年要…),
    until the next such sentence. A later sentence opens a several-year scope only with a comma
    after the period (五年来，…), not in passing (五年来的实践证明). A figure takes the latest scope
    of its own paragraph.
    """

    def __init__(self, text: str, pattern: re.Pattern[str], boundary: re.Pattern[str], window: int) -> None:
        self._paragraphs: list[int] = []
        self._at: list[int] = []
        self._period: list[str] = []
        for para in re.finditer(r"[^\n]+", text):
            self._paragraphs.append(para.start())
            opening = True
            start = para.start()
            for stop in [*boundary.finditer(text, para.start(), para.end()), None]:
                end = stop.end() if stop else para.end()
                found = self._opening(text, start, min(end, start + window), pattern, first=opening)
                if found:
                    self._at.append(start)
                    self._period.append(found)
                opening = False
                start = end

    @staticmethod
    def _opening(text: str, start: int, end: int, pattern: re.Pattern[str], *, first: bool) -> str:
        while start < end and text[start] in " \t\u3000":
            start += 1
        m = pattern.search(text, start, end)
        if m is None:
            return ""
        if (not first and period_kind(m.group()) is PeriodKind.MULTI_YEAR
                and text[m.end():m.end() + 1] not in ("，", ",")):
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


def _period(text: str, pos: int, pattern: re.Pattern[str], stops: set[str], scopes: _Scopes) -> str:
    """The period of the figure at `pos`: the last one its sentence states before it, else the
    period scoping its paragraph there. A bare 累计 counts only when nothing else is stated."""
    start = _clause_start(text, pos, stops, _SENTENCE_LOOKBACK)
    last = ""
    for m in pattern.finditer(text, start, pos):
        last = m.group()
    if last:
        return last
    scoped = scopes.at(pos)
    if scoped:
        return scoped
    return _ZH_CUMULATIVE if text.find(_ZH_CUMULATIVE, start, pos) != -1 else ""


def period_kind(period: str) -> PeriodKind:
    """The kind of a period as `_period` finds it: several years, one year, or none stated."""
    if not period:
        return PeriodKind.UNSTATED
    if (period == _ZH_CUMULATIVE or _ZH_MULTI_YEAR.fullmatch(period) or _ZH_N_YEARS.fullmatch(period)
            or _EN_MULTI_YEAR.fullmatch(period)):
        return PeriodKind.MULTI_YEAR
    return PeriodKind.YEAR


def _zh_period_kind(text: str, parsed: _Parsed, label: str, period: str, prev: Figure | None) -> PeriodKind:
    """POINT for a level reached (…提高到57.5%, 总里程), MULTI_YEAR for an average over years
    (年均增长7.1%) or a figure in a several-year scope, else by the period stated."""
    pos = parsed.numeral_start - len(_prefix_q(text, parsed.numeral_start))
    clause = text[_clause_start(text, pos, _ZH_CLAUSE_STOP, _LOOKBACK):pos]
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
_ZH_LEAD_VERB = re.compile(r"召开|开展|组织|主持|举办|完成|实施|推动|推进|建立|办理|审查|开通|发放|培训|接待|受理")


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
    changed = True
    while changed and label:
        changed = False
        for word in _ZH_TRAIL:
            if label.endswith(word) and len(label) > len(word) - 1:
                label = label[: -len(word)]
                changed = True
                break
    return label


def _zh_label(text: str, parsed: _Parsed, prev: Figure | None) -> tuple[str, bool]:
    """The label of a figure, and whether it is the "to" end of 从X到Y (the label of X)."""
    pos = parsed.numeral_start
    pre = _prefix_q(text, pos)
    pos -= len(pre)
    cstart = _clause_start(text, pos, _ZH_CLAUSE_STOP, _LOOKBACK)
    if prev is not None and cstart < prev.span.end <= pos:
        cstart = prev.span.end  # 由原来5个缩减到3至4个: the clause of the second figure starts after the first
    clause = text[cstart:pos]
    from_to = bool(re.search(r"(?:到|至)$", clause)) and prev is not None and prev.span.end == cstart
    clause = _LEADING_PERIOD.sub("", clause)
    clause = re.sub(r"^[\d０-９.．%％\sA-Za-z]+", "", clause)  # 12315平台… : the code is not the label
    label = _trim_zh(clause.strip())
    if len(label) > 2:
        cut = _ZH_CUT.match(label)
        if cut and len(label) - cut.end() >= 2:
            label = _trim_zh(label[cut.end():])
    if len(label) > _LABEL_MAX:
        label = _shorten_zh(label)
    while label[:1] in ("为", "对", "要", "拟", "再") and len(label) >= 4:  # 为消费者挽回经济损失
        label = label[1:]
    if label.startswith("比") and prev is not None and 0 <= cstart - prev.span.end <= 6 and prev.label:
        return prev.label + label, False  # 安排5376亿元，比上年增加300亿元: the increase of that amount
    # 医患纠纷、消费维权等8个调解组织 / 法律援助、法律咨询3项基本职能: a list, then the counted noun
    enumerated = clause.rstrip().endswith("等") or (cstart > 0 and text[cstart - 1] == "、")
    if from_to and not label and prev is not None:
        return prev.label, True  # 从54万亿元增加到82.7万亿元: same measure
    after = _ZH_NOUN_AFTER.match(text, parsed.span.end)
    if after and (len(label) <= 2 or enumerated or _ZH_COUNT_VERB.search(label)):
        noun = after.group()
        cut = _ZH_NOUN_AFTER_CUT.search(noun)
        if cut:
            noun = noun[: cut.start()]
        if len(noun) >= 2:
            label = noun if enumerated else label + noun
            label = label[-_LABEL_MAX:]
    return label, False


def _extract_en(text: str, blocked: _Blocked) -> list[Figure]:
    figs: list[Figure] = []
    scopes = _Scopes(text, _EN_PERIOD, re.compile(r"[.;!?](?=\s)"), _EN_PARAGRAPH_OPENING)  # not the point of $1.7 billion
    for m in EN_TOKEN.finditer(text):
        start, end = m.span()
        if start in blocked:
            continue
        parsed = _parse_en(text, m)
        if parsed is None:
            continue
        period = _period(text, start, _EN_PERIOD, set(".;\n"), scopes)
        level = _EN_LEVEL_BEFORE.search(text, max(0, start - 40), start) is not None
        figs.append(Figure(
            value=parsed.value, unit=parsed.unit,
            label=(_en_count_label(text, parsed, m, figs[-1] if figs else None) if m.group("noun")
                   else _en_label(text, parsed, figs[-1] if figs else None)),
            span=parsed.span, qualifier=parsed.qualifier, period=period,
            base_value=parsed.base_value, base_unit=parsed.base_unit,
            period_kind=PeriodKind.POINT if level else period_kind(period),
        ))
    return figs


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
    cstart = _clause_start(text, parsed.span.start, set(".;:\n,()"), 80)
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


def _en_label(text: str, parsed: _Parsed, prev: Figure | None) -> str:
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
    cstart = _clause_start(text, start, set(".;:\n,()"), 80)
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
    stop = re.search(r"[.;:,()\n]", text[end : end + 80])
    tail = _en_words(text[end : end + (stop.start() if stop else 80)])
    while tail and tail[0].lower() in _EN_STOP:
        tail.pop(0)
    tail = tail[:4]
    while tail and tail[-1].lower() in _EN_STOP:
        tail.pop()
    return " ".join(words + tail)

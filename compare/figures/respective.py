"""Stage 5 helper, figures listed with 分别 ("respectively"): which measure each figure of the list is.

「万元GDP能耗、水耗分别下降4.3%、2.0%」 lists its measures before 分别; 「存款余额7070亿元，贷款余额
5434亿元，分别比年初增长19.5%、23.4%」 names them with figures of their own. Either way the k-th figure
after 分别 is the k-th measure's, not the last one's. Used by figure extraction (labels) and by the
plan items and evidence of the follow-through (targets written the same way).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lazy import lazy_pattern
from ..model import Figure
from ..text.sentences import ZH_CLAUSE_STOPS, ZH_SENTENCE_STOPS

__all__ = ["respective_label", "relabel_respective"]

# A noun of the list this short is bare (水耗 after 万元GDP能耗): it shares the first noun's qualifier.
_BARE_NOUN_MAX = 4
_PER_OUTPUT = lazy_pattern(r"(?:万元|单位)\s*(?:GDP|国内生产总值|地区生产总值|生产总值|工业增加值)\s*")
# How far back a sentence start is looked for (a sentence listing measures is shorter).
_SENTENCE_LOOKBACK = 300

# The nouns of a list: parted by 、, or by 和 / 及 where they are no part of a word (普及率, 和谐).
_LIST_SPLIT = lazy_pattern(r"、|(?<![普以涉波顾危触企论])及(?![时格早])|(?<![总温平缓柔饱暖调])和(?![谐睦平])")
_COPULA_END = lazy_pattern(r"(?:为|是|达到|达)$")
# What a list of nouns is measured by, written once after the last noun (「互联网、家庭宽带普及率」,
# 「化学需氧量、二氧化硫排放量」, 「教育、医疗财政支出」, 「生产安全事故、道路交通事故死亡人数」).
_MEASURE_HEAD = lazy_pattern(
    r"(?:零售额|销售额|营业额|进出口额|出口额|进口额|交易额|普及率|覆盖率|合格率|增加值|排放总量|排放量|财政支出|支出|"
    r"收入|进出口|出口|进口|死亡人数|产值|产业|投资|贷款|存款|能耗|水耗|用地|申请量|授权量|警情|案件|用电成本|成本)$")
# A noun that names a measure already (事故宗数, 化学需氧量, 用电量): it takes no shared head.
_MEASURE_END = lazy_pattern(r"(?:数|量|额|率|值|比重|比例|指数|面积|里程|外资|GDP|总值|产出)$")
# Words opening a list that name no measure (其中教育、医疗支出: 教育支出).
_LEAD_IN = lazy_pattern(r"^(?:其中[：:，,]?|对|安排|预计|全年|同比|(?:19|20)\d\d年度?|\d{1,2}[-－—~～至到]\d{1,2}月份?)+")
_RESPECTIVE = lazy_pattern(r"分别(?:为|是|比上年|同比|较上年)?再?"
                           r"(?:(?:增长|提高|提升|下降|降低|减少|增加|降|增)(?:至|到)?|达到|达|为|是)?$")
# a figure of the run and what joins it to the next (4.3%、 / 2360元/月、: a rate per month too)
_RUN_MEMBER = lazy_pattern(r"[\d.．]+[%％万亿千百元个项家人吨户套所座条次张]*(?:/[月年日天人])?(?:左右|以上|以下|以内)?(?:、|和|及)$")


def respective_label(text: str, fig: Figure, sentence_start: int) -> str:
    """The label of the k-th figure after 「A、B分别下降」: 「万元GDP能耗、水耗分别下降4.3%、2.0%」 gives
    「万元GDP能耗下降」 for 4.3% and 「万元GDP水耗下降」 for 2.0%; "" when the figure is in no such run."""
    k = 0
    pos = fig.span.start
    while True:  # walk back over earlier figures of the run: "4.3%、" before "2.0%"
        m = _RUN_MEMBER.search(text, max(sentence_start, pos - 24), pos)
        if not m or m.end() != pos:
            break
        pos = m.start()
        k += 1
    before = text[sentence_start:pos]
    r = _RESPECTIVE.search(before)
    if not r:
        return ""
    head = before[: r.start()]
    head = head[max(head.rfind(c) for c in "，,；;：:") + 1 :]
    items = [i for i in _LIST_SPLIT.split(head) if i]
    if len(items) < 2 or k >= len(items):
        return ""
    # the verb without a copula: 「分别达83%和80.8%」 labels 互联网普及率, not 互联网普及率达
    verb = _COPULA_END.sub("", re.sub(r"^分别(?:为|是|比上年|同比|较上年)?再?", "", r.group()))
    if verb.endswith(("至", "到")):
        verb = ""  # 分别提升至2360元、1300元: levels reached, labelled by what they measure (最低工资标准)
    items[0] = _LEAD_IN.sub("", items[0]) or items[0]
    item = items[k]
    shared = _MEASURE_HEAD.search(items[-1])
    if shared and k < len(items) - 1 and not _MEASURE_HEAD.search(item) and not _MEASURE_END.search(item):
        # the measure the last noun names is every noun's (新能源汽车、通讯器材零售额: 新能源汽车零售额)
        item += shared.group()
    # a per-output qualifier written once is every noun's (万元GDP建设用地、能耗和水耗: 万元GDP水耗)
    if k and len(items[k]) <= _BARE_NOUN_MAX:
        item = _with_qualifier(items[0], item)
    return item + verb



# 「存款余额7070亿元，贷款余额5434亿元，分别比年初增长19.5%、23.4%」: the figures after 分别, in a list,
# go one to each subject before it, in order.
_RESPECTIVELY = "分别"
_PER_TIME = lazy_pattern(r"^/[月年日天人]")  # 2360元/月、1300元/月: a figure per month
_LIST_JOINERS = frozenset({"、", "和", "及", "，", ","})


def relabel_respective(text: str, figs: list[Figure]) -> list[Figure]:
    """Relabel each run of figures listed after 分别: with the subjects of the same sentence that
    have figures of their own, one each in order, or else with the measures listed before 分别
    (`respective_label`). A run is kept as labelled when the counts differ (no guessing)."""
    out = list(figs)
    i = 0
    while i < len(out):
        start = out[i].span.start
        clause = text[max(0, start - 16):start]
        at = clause.rfind(_RESPECTIVELY)
        if at == -1 or any(c in ZH_CLAUSE_STOPS and c != "、" for c in clause[at:]):
            i += 1
            continue
        run = [i]
        while run[-1] + 1 < len(out) and _PER_TIME.sub(
                "", text[out[run[-1]].span.end:out[run[-1] + 1].span.start]) in _LIST_JOINERS:
            run.append(run[-1] + 1)
        if len(run) >= 2 and len({out[j].label for j in run}) == 1:
            # a run read on past its list through a comma (「分别下降5.6%和4%，74个重点城市…」) is
            # tried shorter, down to two figures
            for n in range(len(run), 1, -1):
                labels = _by_subjects(text, out, run[:n]) or _by_listed_measures(text, out, run[:n])
                if labels:
                    for j, label in zip(run, labels):
                        out[j] = replace(out[j], label=label)
                    break
        i = run[-1] + 1
    return out


def _by_subjects(text: str, figs: list[Figure], run: list[int]) -> list[str]:
    """「存款余额7070亿元，贷款余额5434亿元，分别比年初增长19.5%、23.4%」: the figures just before the run,
    in its sentence, one per member, each of another unit than the run's; [] when they do not fit."""
    first = text.rfind(_RESPECTIVELY, 0, figs[run[0]].span.start)
    subjects: list[Figure] = []
    for k in range(run[0] - 1, -1, -1):
        if len(subjects) == len(run) or any(c in ZH_SENTENCE_STOPS for c in text[figs[k].span.end:first]):
            break
        subjects.append(figs[k])
    subjects.reverse()
    shared = figs[run[0]].label
    last = subjects[-1].label if subjects else ""
    if (len(subjects) != len(run) or not last or not shared.startswith(last)
            or len({f.label for f in subjects}) != len(subjects)
            or any(f.base_unit == figs[run[0]].base_unit for f in subjects)):
        return []
    verb = shared[len(last):]
    return [_with_qualifier(subjects[0].label, f.label) + verb for f in subjects]


def _with_qualifier(first: str, noun: str) -> str:
    """`noun` with the per-output qualifier `first` opens with, when it lacks one and is bare
    (万元GDP能耗0.402吨标准煤、水耗6.33立方米: 万元GDP水耗)."""
    qualifier = _PER_OUTPUT.match(first)
    if qualifier and not _PER_OUTPUT.match(noun) and len(noun) <= _BARE_NOUN_MAX:
        return qualifier.group() + noun
    return noun


def _by_listed_measures(text: str, figs: list[Figure], run: list[int]) -> list[str]:
    """「万元GDP能耗、水耗、建设用地分别下降4.3%、14.5%、8.3%」: the measures listed before 分别, in order;
    [] when the list and the run differ."""
    start = figs[run[0]].span.start
    sentence_start = max(text.rfind(c, max(0, start - _SENTENCE_LOOKBACK), start) for c in ZH_SENTENCE_STOPS) + 1
    labels = [respective_label(text, figs[j], sentence_start) for j in run]
    return labels if all(labels) and len(set(labels)) == len(labels) else []

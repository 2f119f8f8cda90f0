"""Stage 6a, plan items: the old report's plan, task and target parts -> `PlanItem`s.

Takes a `Report` (sections with roles) and the figures extracted from it; returns one item per
distinct commitment (a sentence or clause with an action, or one part of 一是…二是…) and one item
per quantitative target (国内生产总值增长6.5%左右). Every item's span points into the old text;
its `section_id` is the deepest section holding it, so items group under their numbered item.

Cost: one pass over the plan parts' paragraphs; figures are looked up by position.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..figures.extract import looks_back_a_year
from ..figures.respective import respective_label
from ..lazy import lazy_pattern
from ..model import Figure, PeriodKind, PlanItem, PlanItemKind, Report, Span, TargetDirection
from ..text.cjk import CJK_CHAR
from ..text.cues import EN_COMMITMENT, NOT_TARGET_LEAD, names_task
from ..text.sentences import full_sentences, split_clauses
from .targets import (
    clause_label,
    direction_of,
    indicator_core,
    noun_after,
    qualifier_after,
)

__all__ = [
    "extract_plan_items",
    "text_units",
]

_ORDINAL_PART = lazy_pattern(r"(?:^|(?<=[。；，：,;:\s]))(?:[一二三四五六七八九十]+是|首先|其次|最后|第[一二三四五六七八九十]+[，,])")
_LEAD_MARKER = lazy_pattern(
    r"\s*(?:[（(]?[一二三四五六七八九十]{1,3}[)）、．.]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.．、)）](?!\d)"
    r"|[①②③④⑤⑥⑦⑧⑨⑩]|[)）]|[-—•·*#]+\s*|[IVX]{1,4}\.\s|[A-Za-z]\.\s)\s*"
)
_CLAUSE_SPLIT = lazy_pattern(r"[，,：:、]")
_CJK = CJK_CHAR


@dataclass(frozen=True, slots=True)
class _Unit:
    span: Span
    section_id: str


@dataclass(frozen=True, slots=True)
class _Piece:
    span: Span
    list_member: bool  # part of a sentence listing several targets: kept even without a verb


def text_units(report: Report) -> tuple[tuple[Span, str], ...]:
    """(span, section id) of every paragraph and of every heading no paragraph holds, in order.

    A heading standing alone on its line ("（一）建设智慧法院示范中心。") can itself state a
    commitment or an outcome, so plan items and evidence are looked for there too.
    """
    units = [(p.span, p.section_id) for p in report.paragraphs]
    for sec in report.sections:
        h = sec.heading_span
        if h.end <= h.start or report.paragraph_at(h.start) is not None:
            continue
        units.append((h, sec.id))
    units.sort(key=lambda u: (u[0].start, u[0].end))
    return tuple(units)


def _trimmed(text: str, start: int, end: int) -> Iterable[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield Span(start, end)


def extract_plan_items(report: Report, figures: Sequence[Figure] = ()) -> tuple[PlanItem, ...]:
    """Every commitment and quantitative target of `report`'s plan and target parts, in order."""
    text = report.source.text
    language = report.metadata.language
    parts = [report.by_id[i] for i in report.plan_parts]
    figs = sorted((f for f in figures if f.unit), key=lambda f: f.span.start)
    starts = [f.span.start for f in figs]
    items: list[PlanItem] = []
    units = text_units(report)
    for part in parts:
        for para_span, para_section in units:
            para = _Unit(para_span, para_section)
            if not (part.span.start <= para.span.start < part.span.end):
                continue
            if _is_heading_only(report, para.section_id, para.span):
                # a part's own heading ("三、下一步工作计划") states no commitment
                sec = report.by_id.get(para.section_id)
                if sec is None or sec.id == part.id or sec.level <= part.level:
                    continue
            para_items: list[PlanItem] = []
            rejected: list[Span] = []
            for piece in _pieces(text, para.span, language):
                lo = bisect_left(starts, piece.span.start)
                inside = []
                for f in figs[lo:]:
                    if f.span.start >= piece.span.end:
                        break
                    inside.append(f)
                para_items.extend(_items_of_piece(text, piece, para.section_id, inside, language, rejected))
            # A sentence listing several targets ("预期目标是：…；…；居民收入增长和经济增长基本同步。")
            # keeps its members without a figure or verb too: they are targets in words.
            for full in full_sentences(text, para.span.start, para.span.end):
                n_targets = sum(1 for i in para_items if i.kind == PlanItemKind.TARGET
                                and full.start <= i.span.start < full.end)
                if n_targets >= 2:
                    para_items.extend(
                        PlanItem(sp, para.section_id, PlanItemKind.COMMITMENT) for sp in rejected
                        if full.start <= sp.start < full.end
                        and _is_commitment(text[sp.start:sp.end], language, lenient=True)
                        and not _LEAD_IN_END.search(text, sp.start, sp.end))
            items.extend(para_items)
    items = list(dict.fromkeys(items))
    items.sort(key=lambda i: (i.span.start, i.span.end))
    return tuple(items)


# The end of the lead-in of a list (「今年发展主要预期目标是」, 「重点为」, 「具体如下」); 行为 and 作为 are nouns
# (「严厉打击伪造票据…等违法行为」 is a task).
_LEAD_IN_END = lazy_pattern(r"(?:是|(?<![行作])为|如下)$")
# The words that announce a list before its colon: 「重点做好以下工作：」「抓好以下五个方面：」「突出抓好几项工作：」.
_LIST_LEAD = lazy_pattern(r"(?:以下|下列|如下|几)[^，,。；;：:]{0,8}$")
_LIST_LEAD_ALONE = lazy_pattern(r"(?:(?:以下|下列|如下)[一二三四五六七八九十两几\d]*|几)(?:个|项|条)?(?:方面|点)?(?:的)?"
                                r"(?:工作|任务|原则|关系|重点|事情|要求|措施)?$")


def _announces_list(text: str, span: Span) -> bool:
    """Whether `span` is a clause that announces the list its colon, or the paragraphs after it,
    open: no commitment of its own."""
    after = span.end
    while after < len(text) and text[after] in " \u3000":
        after += 1
    if after >= len(text) or _LIST_LEAD.search(text, span.start, span.end) is None:
        return False
    if text[after] in "：:":
        return True
    # a full stop ending the paragraph the list follows, after words that can only announce one
    # (「重点做好以下十个方面工作。」, not 「取消县及县以下相关资金配套要求。」)
    return (text[after] in "。." and text[after + 1 : after + 2] in ("", "\n", "\r")
            and _LIST_LEAD_ALONE.search(text, span.start, span.end) is not None)


def _is_heading_only(report: Report, sid: str, span: Span) -> bool:
    sec = report.by_id.get(sid)
    if sec is None or sec.heading_span.end <= sec.heading_span.start:
        return False
    return span.start <= sec.heading_span.start and sec.heading_span.end >= span.end - 1


def _pieces(text: str, para: Span, language: str) -> Iterable[_Piece]:
    """Sentences of a paragraph, with 一是…二是… parts cut apart and a leading marker removed."""
    for sent in split_clauses(text, para.start, para.end, language=language):
        s = sent.start
        m = _LEAD_MARKER.match(text, s, sent.end)
        if m and m.end() > s:
            s = m.end()
        if s >= sent.end:
            continue
        cuts = [s]
        if language == "zh":
            cuts += [m.start() for m in _ORDINAL_PART.finditer(text, s, sent.end) if m.start() > s]
        cuts.append(sent.end)
        sub = [sp for a, b in zip(cuts, cuts[1:]) for sp in _trimmed(text, a, b)]
        for sp in sub:
            yield _Piece(sp, False)


def _reports_progress(text: str, fig: Figure) -> bool:
    """Whether a figure of the plan part reports the year so far: its sentence opens with the part of
    the year it covers, as a topic with its comma (「今年一季度，我们…地区生产总值增长9.6%」)."""
    if fig.period_kind is not PeriodKind.YEAR_TO_DATE or fig.sentence is None or not fig.period:
        return False
    head = text[fig.sentence.start : fig.sentence.start + len(fig.period) + 6]
    at = head.find(fig.period)
    return at >= 0 and head[at + len(fig.period) : at + len(fig.period) + 1] in ("，", ",")


def _items_of_piece(text: str, piece: _Piece, section_id: str, figs: Sequence[Figure],
                    language: str, rejected: list[Span]) -> list[PlanItem]:
    """Targets for the figure clauses of a piece; the rest of the piece is a commitment."""
    targets: list[tuple[Span, Figure, TargetDirection]] = []
    for f in figs:
        if _reports_progress(text, f):
            continue  # 「今年一季度，…增长40.1%」: what the year has done so far, no target
        if looks_back_a_year(f.period):
            continue  # 「过去一年，…国内生产总值增长10.3%」: the year just past, recalled in the plan; no target
        found = _target_clause(text, piece.span, f, language)
        if found is not None and not any(t[0].start <= found[0].start < t[0].end for t in targets):
            targets.append(found)
    out: list[PlanItem] = []
    rest: list[Span] = []
    pos = piece.span.start
    prev_end = -1
    for clause, fig, direction in targets:
        own = clause_label(text, clause.start, fig.span.start)
        between = text[prev_end:clause.start].strip(" ，,；;、") if prev_end >= 0 else "x"
        if _DELTA.match(own) and not between and not respective_label(text, fig, piece.span.start):
            # "农村危房改造366万户，增加100万户": the second figure is the rise over last year,
            # part of the target before it, not a target of its own
            pos = clause.end
            prev_end = clause.end
            continue
        rest.extend(_trimmed(text, pos, clause.start))
        # 「能耗、水耗分别下降4%、3%」: each figure its own indicator; 「打通5条断头路」: the counted
        # noun after the figure
        label = respective_label(text, fig, piece.span.start) \
            or clause_label(text, clause.start, fig.span.start, piece.span.start)
        if label and (not indicator_core(label) or label.endswith("等")):
            label += noun_after(text, fig)
        out.append(PlanItem(clause, section_id, PlanItemKind.TARGET,
                            target=replace(fig, label=label or fig.label), direction=direction))
        pos = clause.end
        prev_end = clause.end
    rest.extend(_trimmed(text, pos, piece.span.end))
    list_sentence = len(targets) >= 2
    for sp in _merge_rests(text, rest):
        if _LEAD_IN_END.search(text, sp.start, sp.end) or _announces_list(text, sp):
            continue  # the lead-in of a list ("今年发展主要预期目标是", "重点做好以下工作：")
        if _is_commitment(text[sp.start:sp.end], language, lenient=list_sentence):
            kind = PlanItemKind.COMMITMENT
            if language != "zh" and _EN_WORD_TARGET.search(text, sp.start, sp.end):
                kind = PlanItemKind.TARGET
            out.append(PlanItem(sp, section_id, kind))
        else:
            rejected.append(sp)
    return out


def _merge_rests(text: str, rests: Sequence[Span]) -> Iterable[Span]:
    """Trim the punctuation left between target clauses off each remaining run."""
    for sp in rests:
        a, b = sp.start, sp.end
        while a < b and text[a] in "，,；;：:、。 ":
            a += 1
        while b > a and text[b - 1] in "，,；;：:、。！？!? ":
            b -= 1
        if b > a:
            yield Span(a, b)


def _is_commitment(s: str, language: str, *, lenient: bool = False) -> bool:
    """A task of the plan (the one test in `text.cues.names_task`): slogans, the guiding
    ideology and long preambles are not plan items (issue 17)."""
    return names_task(s, language, lenient=lenient)


def _target_clause(text: str, sent: Span, fig: Figure, language: str) -> tuple[Span, Figure, TargetDirection] | None:
    """The clause of `sent` stating `fig` as a target, or None when the figure only describes.

    A target ends with its figure: "城镇新增就业1100万人以上" and "赤字率拟按2.6%安排" are targets,
    "淘汰30万千瓦以下煤电机组" is not (the figure qualifies the noun after it).
    """
    if not (sent.start <= fig.span.start and fig.span.end <= sent.end):
        return None
    qual, qual_end = qualifier_after(text, fig)
    # clause around the figure
    a = fig.span.start
    while a > sent.start and not _is_clause_break(text, a - 1, language):
        a -= 1
    b = qual_end
    while b < sent.end and not _is_clause_break(text, b, language):
        b += 1
    tail = text[qual_end:b].strip()
    if fig.unit in _DURATION_UNITS or tail.startswith("的"):
        return None  # "延长30年的政策": the figure describes, it is not an amount to reach
    if language == "zh":
        if len(_CJK.findall(tail)) > _MAX_TAIL_CHARS or re.search(r"\d", tail):
            return None
        label = text[a:fig.span.start]
        if (len(_CJK.findall(label)) < 2 and not respective_label(text, fig, sent.start)) \
                or label.lstrip().startswith(NOT_TARGET_LEAD):
            return None
    else:
        tail = _EN_TIME_TAIL.sub("", tail).strip()
        if len(tail.split()) > 3:
            return None
        # an English target names the move to the figure: "grow … to $70 million", "cut … by 40%";
        # "will cost close to $200 million" or "up from 2.4%" only describe
        if not _EN_GOAL.search(text, a, fig.span.start) or not EN_COMMITMENT.search(text, sent.start, sent.end):
            return None
    while b > a and text[b - 1] in "。；;.!?":
        b -= 1
    span = next(iter(_trimmed(text, a, b)), None)
    if span is None:
        return None
    return span, replace(fig, qualifier=fig.qualifier or qual), direction_of(text[a:b], fig, qual)


_DURATION_UNITS = ("年", "周年")
_DELTA = lazy_pattern(r"^(?:比上年|比去年|同比)?(?:增加|减少|提高|降低|增长|下降)?$")
# "…to $70 million by the end of 2021": a deadline after the figure does not make it descriptive.
_EN_TIME_TAIL = lazy_pattern(r"\b(?:by|before|in|within)\s+(?:the\s+end\s+of\s+)?(?:\d{4}|the\s+year|year-end|"
                           r"next\s+year|this\s+year)\b.*$", re.I)
_EN_GOAL = lazy_pattern(
    r"\b(?:grow|raise|lift|increase|reduce|cut|lower|reach|achieve|bring|double|halve|hit|improve|expand|"
    r"boost|keep|hold|maintain|limit|cap|take)\w*\b[^.;]*?\b(?:to|by|at|below|under|above|of)\s+"
    r"(?:at\s+least\s+|under\s+|below\s+|about\s+|around\s+|more\s+than\s+|less\s+than\s+)?$", re.I)
# A goal stated in words the figures stage does not read ("cut lead time to under four weeks"):
# a target with no figure, so its outcome is `unknown` unless a later stage reads the number.
_EN_WORD_TARGET = lazy_pattern(
    r"\b(?:to|at|below|under|above|over|within)\s+(?:under\s+|below\s+|less\s+than\s+|at\s+least\s+)?"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"half|a\s+third|a\s+quarter)\s+(?:weeks?|days?|months?|hours?|years?|percent|per\s+cent|times)\b", re.I)
# A target clause may end with a few characters after its figure ("安排", "的目标"); more than this
# means the figure describes something else. Set on the 2016–2019 government work reports.
_MAX_TAIL_CHARS = 3


def _is_clause_break(text: str, i: int, language: str) -> bool:
    c = text[i]
    if c in "，,；;：:。！？!?\n":
        return True
    if c in "和及" and i + 1 < len(text) and text[i + 1].isdigit():
        c = "、"  # 「分别下降4%和3%」: one figure of a run after another
    if c == "、":
        # "、" separates targets ("铁路投资7320亿元、公路水运投资1.8万亿元") only after a figure
        # a unit or qualifier of up to six characters (万平方米, 公里, 张, 以上) after the digits
        j = i - 1
        while j >= 0 and i - j <= 7 and not text[j].isdigit() and text[j] not in "，,；;：:。、":
            j -= 1
        return j >= 0 and text[j].isdigit()
    return False

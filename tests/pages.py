"""Hand-built `Comparison` values with every kind of change, for the renderer and browser tests.

The stages that produce renamed/moved sections, plan checks and figure pairs are being deepened
elsewhere; these values are built directly from the model so the page can be tested on all of them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from decimal import Decimal

from compare.model import (
    ChangeKind,
    Comparison,
    Evidence,
    Figure,
    FigurePair,
    Op,
    PairStatus,
    PlanCheck,
    PlanItem,
    PlanItemKind,
    PlanStatus,
    Reason,
    ReasonCode,
    Removed,
    SectionDiff,
    SectionPair,
    Segment,
    SentenceRow,
    SourceText,
    Span,
    Stripped,
)
from compare.structure.parse import parse_report

__all__ = ["OLD_ZH", "NEW_ZH", "zh_comparison", "en_comparison", "span_of", "segments"]

OLD_ZH = """示例区门户网站 第1页
一、主要举措和成效
全年办理行政复议案件15件，调处成功率为90%。
区财政投入法治建设资金4.87亿元。
开展普法活动30场次。
二、存在问题
部分执法人员业务能力不足。
三、下一步工作计划
加强行政执法队伍建设，年内培训执法人员500人。
推进政务公开标准化建设。
四、其他事项
本节内容保持不变。
"""

NEW_ZH = """一、主要做法和成效
全年办理行政复议案件18件，调处成功率为95%。
区财政投入法治建设资金5.2亿元。
开展普法活动30场次。
培训执法人员520人，执法队伍建设得到加强。
二、其他事项
本节内容保持不变。
三、存在问题
部分执法人员业务能力不足。
四、2022年工作安排
全面推行行政执法公示制度。
"""


def span_of(text: str, needle: str, start: int = 0) -> Span:
    i = text.index(needle, start)
    return Span(i, i + len(needle))


def segments(a: str, b: str) -> tuple[Segment, ...]:
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out.append(Segment(Op.EQUAL, a[i1:i2]))
            continue
        if i2 > i1:
            out.append(Segment(Op.DELETE, a[i1:i2]))
        if j2 > j1:
            out.append(Segment(Op.INSERT, b[j1:j2]))
    return tuple(out)


def _line(text: str, needle: str) -> Span:
    """The whole line holding `needle`, without its newline."""
    s = span_of(text, needle)
    start = text.rfind("\n", 0, s.start) + 1
    end = text.find("\n", s.end)
    return Span(start, end if end >= 0 else len(text))


def _row(old_t: str, new_t: str, old_n: str | None, new_n: str | None,
         kind: ChangeKind | None) -> SentenceRow:
    o = _line(old_t, old_n) if old_n else None
    n = _line(new_t, new_n) if new_n else None
    segs: tuple[Segment, ...] = ()
    if o and n and kind is not None:
        segs = segments(o.slice(old_t), n.slice(new_t))
    return SentenceRow(o, n, kind, segs, 0.8 if kind else 1.0)


def _sec_id(report, heading: str) -> str:  # type: ignore[no-untyped-def]
    return next(s.id for s in report.sections if s.heading == heading)


def zh_comparison(old_text: str = OLD_ZH, new_text: str = NEW_ZH, *, title: str = "法治政府建设年度报告",
                  issuer: str = "示例区人民政府") -> Comparison:
    """A Chinese comparison with every pair status, change kind, a figure pair and plan checks."""
    old_src = SourceText("2020.txt", old_text, "utf-8",
                         removed=(Removed("网站首页 > 政务公开", "navigation"),))
    new_src = SourceText("2021.txt", new_text, "utf-8")
    old = parse_report(old_src)
    new = parse_report(new_src)
    chrome = (Stripped(span_of(old_text, "示例区门户网站 第1页"), "page_chrome"),) if "示例区门户网站" in old_text else ()
    old = replace(old, metadata=replace(old.metadata, year=2020, title=title, issuer=issuer, language="zh"),
                  stripped=chrome)
    new = replace(new, metadata=replace(new.metadata, year=2021, title=title, issuer=issuer, language="zh",
                                        doc_number="示政发〔2021〕1号"))
    o, n = old_text, new_text
    pairs = (
        SectionPair(_sec_id(old, "主要举措和成效"), _sec_id(new, "主要做法和成效"), PairStatus.RENAMED, 0.8),
        SectionPair(_sec_id(old, "存在问题"), _sec_id(new, "存在问题"), PairStatus.MOVED, 1.0),
        SectionPair(_sec_id(old, "下一步工作计划"), None, PairStatus.REMOVED, 0.0),
        SectionPair(None, _sec_id(new, "2022年工作安排"), PairStatus.ADDED, 0.0),
        SectionPair(_sec_id(old, "其他事项"), _sec_id(new, "其他事项"), PairStatus.MATCHED, 1.0),
    )
    diffs = (
        SectionDiff(0, (
            _row(o, n, "全年办理行政复议案件15件", "全年办理行政复议案件18件", ChangeKind.CHANGED_FIGURE),
            _row(o, n, "4.87亿元", "5.2亿元", ChangeKind.REWORDED),
            _row(o, n, "开展普法活动30场次", "开展普法活动30场次", None),
            _row(o, n, None, "培训执法人员520人", ChangeKind.NEW_COMMITMENT),
        ), 0.5),
        SectionDiff(1, (_row(o, n, "部分执法人员业务能力不足", "部分执法人员业务能力不足", None),), 0.0),
        SectionDiff(2, (
            _row(o, n, "加强行政执法队伍建设", None, ChangeKind.DROPPED),
            _row(o, n, "推进政务公开标准化建设", None, ChangeKind.REMOVED),
        ), 1.0),
        SectionDiff(3, (_row(o, n, None, "全面推行行政执法公示制度", ChangeKind.ADDED),), 1.0),
        SectionDiff(4, (_row(o, n, "本节内容保持不变", "本节内容保持不变", None),), 0.0),
    )
    f_old = Figure(Decimal("4.87"), "亿元", "法治建设资金", span_of(o, "4.87亿元"), _sec_id(old, "主要举措和成效"),
                   base_value=Decimal("487000000"), base_unit="元")
    f_new = Figure(Decimal("5.2"), "亿元", "法治建设资金", span_of(n, "5.2亿元"), _sec_id(new, "主要做法和成效"),
                   base_value=Decimal("520000000"), base_unit="元")
    r_old = Figure(Decimal("90"), "%", "调处成功率", span_of(o, "90%"), _sec_id(old, "主要举措和成效"))
    r_new = Figure(Decimal("95"), "%", "调处成功率", span_of(n, "95%"), _sec_id(new, "主要做法和成效"))
    c_old = Figure(Decimal("15"), "件", "行政复议案件", span_of(o, "15件"), _sec_id(old, "主要举措和成效"))
    c_new = Figure(Decimal("18"), "件", "行政复议案件", span_of(n, "18件"), _sec_id(new, "主要做法和成效"))
    figure_pairs = (
        FigurePair(c_old, c_new, 1.0, Decimal("3"), Decimal("20"), None),
        FigurePair(r_old, r_new, 1.0, Decimal("5"), Decimal("5.555"), Decimal("5")),
        FigurePair(f_old, f_new, 1.0, Decimal("0.33"), Decimal("6.776"), None),
        FigurePair(Figure(Decimal("30"), "场", "普法活动", span_of(o, "30场"), None),
                   Figure(Decimal("30"), "场", "普法活动", span_of(n, "30场"), None), 1.0, Decimal("0"),
                   Decimal("0"), None),
    )
    target = Figure(Decimal("500"), "人", "培训执法人员", span_of(o, "500人"), _sec_id(old, "下一步工作计划"))
    actual = Figure(Decimal("520"), "人", "培训执法人员", span_of(n, "520人"), _sec_id(new, "主要做法和成效"))
    plan_checks = (
        PlanCheck(PlanItem(_line(o, "加强行政执法队伍建设"), _sec_id(old, "下一步工作计划"), PlanItemKind.TARGET,
                           target, "floor"),
                  PlanStatus.MET,
                  (Evidence(_line(n, "培训执法人员520人"), _sec_id(new, "主要做法和成效"), 0.72, "fuzzy"),),
                  actual, Reason(ReasonCode.TARGET_JUDGED, (("target", "500人"), ("direction", "floor"),
                                                              ("actual", "520人"), ("rule", "at_least")))),
        PlanCheck(PlanItem(_line(o, "推进政务公开标准化建设"), _sec_id(old, "下一步工作计划"),
                           PlanItemKind.COMMITMENT),
                  PlanStatus.NOT_FOUND, (), None, Reason(ReasonCode.NO_PASSAGE, (("review", "0.10"), ("partly", "0.25")))),
    )
    return Comparison(old, new, pairs, diffs, figure_pairs, plan_checks)


OLD_EN = """Dear shareholders,
Our earnings were $24.8 billion last year.
# Insurance
Float grew to $129 billion.
We wrote more policies than ever.
"""

NEW_EN = """Dear shareholders,
Our earnings were $42.5 billion this year.
# Insurance
Float grew to $138 billion.
We wrote more policies than ever.
# Railroad
BNSF carried more freight.
"""


def en_comparison() -> Comparison:
    from compare.pipeline import compare_texts

    c = compare_texts(OLD_EN, NEW_EN, old_name="2019.txt", new_name="2020.txt")
    old = replace(c.old, metadata=replace(c.old.metadata, year=2019, language="en", issuer="Example Holdings"))
    new = replace(c.new, metadata=replace(c.new.metadata, year=2020, language="en", issuer="Example Holdings"))
    return replace(c, old=old, new=new)


def visible_text(html: str) -> str:
    """Page text without tags, CSS and JS, for simple 'the reader sees this' checks."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", "", html)

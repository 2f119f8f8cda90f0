"""Issue 14's reading view and highlights, on small hand-made rows: paragraphs, runs, moved text, ranking."""

from __future__ import annotations

import re
from dataclasses import replace

from compare.model import (
    ChangeKind,
    Comparison,
    Metadata,
    Op,
    PairStatus,
    Paragraph,
    Report,
    Role,
    Section,
    SectionDiff,
    SectionPair,
    Segment,
    SentenceRow,
    SourceText,
    Span,
)
from compare.render.blocks import Marks, group_blocks, merged_pieces, moved_away_slots, paragraph_index, runs_of
from compare.render.context import build_context

from pages import zh_comparison


def _report(text: str) -> Report:
    """One section; one paragraph per line."""
    paras, pos = [], 0
    for line in text.split("\n"):
        if line:
            paras.append(Paragraph(Span(pos, pos + len(line)), "s1"))
        pos += len(line) + 1
    sec = Section("s1", None, 1, "甲", Span(0, 0), Span(0, len(text)), Role.OTHER)
    return Report(SourceText("r.txt", text, "utf-8"), Metadata(year=2020, language="zh"), (sec,), tuple(paras), ())


def _span(text: str, needle: str) -> Span:
    i = text.index(needle)
    return Span(i, i + len(needle))


OLD = "甲一。甲二。甲三。\n乙一。\n"
NEW = "甲一。甲二改。丙新。\n乙一。\n"


def _rows() -> tuple[Report, Report, tuple[SentenceRow, ...]]:
    old, new = _report(OLD), _report(NEW)
    rows = (
        SentenceRow(_span(OLD, "甲一。"), _span(NEW, "甲一。"), None),
        SentenceRow(_span(OLD, "甲二。"), _span(NEW, "甲二改。"), ChangeKind.REWORDED,
                    (Segment(Op.EQUAL, "甲二"), Segment(Op.INSERT, "改"), Segment(Op.EQUAL, "。")), 0.8),
        SentenceRow(None, _span(NEW, "丙新。"), ChangeKind.NEW_COMMITMENT),
        SentenceRow(_span(OLD, "甲三。"), None, ChangeKind.DROPPED),
        SentenceRow(_span(OLD, "乙一。"), _span(NEW, "乙一。"), None),
    )
    return old, new, rows


def test_rows_of_one_paragraph_form_one_block() -> None:
    old, new, rows = _rows()
    assert group_blocks(rows, paragraph_index(old, new)) == [[0, 1, 2, 3], [4]]


def test_one_sided_neighbours_form_runs_and_changed_pairs_stay_rows() -> None:
    _, _, rows = _rows()
    items = runs_of([0, 1, 2, 3], rows, lambda r: r.kind is not None)
    assert items == [("row", [0]), ("row", [1]), ("new", [2]), ("old", [3])]
    two_new = rows[:2] + (rows[2], replace(rows[2], new=_span(NEW, "甲一。")))
    assert runs_of([0, 1, 2, 3], two_new, lambda r: r.kind is not None)[-1] == ("new", [2, 3])


def test_merged_pieces_rebuild_both_sides() -> None:
    old, new, rows = _rows()
    pieces = merged_pieces(rows[1], old, new, Marks(()), Marks(()))
    assert [(p["op"], p["text"]) for p in pieces] == [("equal", "甲二"), ("insert", "改"), ("equal", "。")]


def test_moved_sentence_gets_a_marker_at_its_old_place() -> None:
    text_old = "一。二。三。\n"
    text_new = "三。一。二。\n"
    rows = (
        SentenceRow(_span(text_old, "三。"), _span(text_new, "三。"), ChangeKind.MOVED),
        SentenceRow(_span(text_old, "一。"), _span(text_new, "一。"), None),
        SentenceRow(_span(text_old, "二。"), _span(text_new, "二。"), None),
    )
    # in the old text "三。" came after "二。" (row 2): its marker goes after row 2
    assert moved_away_slots(rows) == {2: [0]}
    old, new = _report(text_old), _report(text_new)
    c = Comparison(old, new, (SectionPair("s1", "s1", PairStatus.MATCHED, 0.9),), (SectionDiff(0, rows),))
    ctx = build_context(c)
    parts = ctx["pairs"][0]["blocks"][0]["parts"]
    assert [p["side"] for p in parts] == ["row", "row", "row", "moved_away"]
    assert parts[-1]["rows"][0]["anchor"] == "r0-0" and parts[-1]["label"] == "此句移至前文"
    assert ctx["pairs"][0]["rows"][0]["moved_label"] == "自后文移来"
    # the same words moved: nothing struck, nothing inserted
    assert {p["op"] for p in ctx["pairs"][0]["rows"][0]["pieces"]} == {"equal"}


def test_highlights_rank_sentences_stating_a_figure_first_and_skip_items_done() -> None:
    ctx = build_context(zh_comparison())
    groups = {g["key"]: g for g in ctx["highlights"]}
    assert [e["text"] for e in groups["new_commitment"]["entries"]] == ["培训执法人员520人，执法队伍建设得到加强。"]
    # the dropped "加强行政执法队伍建设…" was met as a target: not a dropped commitment to flag
    assert groups["dropped"]["entries"] == []
    assert [e["href"] for e in groups["figures"]["entries"]] == ["#fig-0", "#fig-2", "#fig-1"]  # +20%, +6.8%, +5.6%
    assert {e["text"] for e in groups["sections"]["entries"]} == {"三、下一步工作计划", "四、2022年工作安排"}


def test_unknown_enum_members_get_a_label_not_an_error() -> None:
    from enum import Enum

    from compare.render.labels import enum_label, stripped_label

    class Future(str, Enum):
        LATER = "later_kind"

    assert enum_label(Future.LATER, "zh", "ChangeKind") == "其他"
    assert enum_label(Future.LATER, "en", "ChangeKind") == "later kind"
    assert enum_label("restated", "zh", "PlanStatus") == "再次部署"
    assert stripped_label("never_seen", "zh") == "其他版式内容"


def test_members_other_branches_add_render_everywhere_without_crashing() -> None:
    """Issues 13/17/19 add enum members (change kind `completed`, plan status `restated`, roles);
    the page iterates what it finds and labels it generically: it must never fail on one."""
    from enum import Enum

    from compare.model import ChangeKind, PlanStatus
    from compare.render import render

    class Later(str, Enum):
        SOMETHING = "something_new"

    c = zh_comparison()
    d0 = c.diffs[0]
    rows = (replace(d0.rows[0], kind=ChangeKind.COMPLETED), replace(d0.rows[1], kind=Later.SOMETHING)) + d0.rows[2:]
    checks = (replace(c.plan_checks[0], status=PlanStatus.RESTATED),) + c.plan_checks[1:]
    odd = replace(c, diffs=(replace(d0, rows=rows),) + c.diffs[1:], plan_checks=checks)
    for fmt in ("html", "md", "csv"):  # the views of this page (JSON counts the members the model has)
        assert render(odd, fmt)  # type: ignore[arg-type]
    html = render(odd, "html")
    assert "已完成" in html and "再次部署" in html and "其他" in html
    from pages import visible_text

    assert "something_new" not in visible_text(html)  # the wire name is no label
    ids = set(re.findall(r' id="([^"]+)"', html))
    assert all(h in ids for h in re.findall(r' href="#([^"]+)"', html))  # no link to a view that is not there


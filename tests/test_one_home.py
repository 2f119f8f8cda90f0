"""One home per idea (issue 12): each question the pipeline asks more than once is answered in one
file, the model answers tree questions, and render reads the model only.

These read the source files; a second copy of a lexicon or a range fails here before the diff and
the follow-through start telling readers different things.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from compare.model import Comparison, Paragraph, Report, Role, Section, SourceText, Span
from compare.pipeline import compare_texts

PACKAGE = Path(__file__).resolve().parent.parent / "compare"
# ingest reads bytes and formats (PDF glyph ranges, HTML): its own character classes are not
# the text layer's, and other work owns that package.
SOURCES = sorted(p for p in PACKAGE.rglob("*.py") if "ingest" not in p.parts)


def _files_matching(pattern: str) -> list[str]:
    rx = re.compile(pattern)
    return sorted(str(p.relative_to(PACKAGE)) for p in SOURCES if rx.search(p.read_text(encoding="utf-8")))


def test_the_cjk_range_is_spelled_in_one_file() -> None:
    assert _files_matching(r"\\u4e00|\\u3400|\\u9fff|[\u4e00]-[\u9fff]") == ["text/cjk.py"]


def test_the_sentence_end_sets_are_defined_in_one_file() -> None:
    # a character class or string holding the full stop together with ！ and ？
    assert _files_matching(r"[\"'\[]。！？|[\"'\[]。；！？") == ["text/sentences.py"]


def test_the_chinese_numeral_parser_lives_in_one_file() -> None:
    # the digit table 一:1 … 九:9 is the parser's; nobody else keeps one
    assert _files_matching(r"[\"']九[\"']\s*:\s*9") == ["text/numerals.py"]


def test_the_unit_list_and_english_number_words_live_in_one_file() -> None:
    # the counters that follow a number (平方公里 …) and the English number words (nineteen …)
    assert _files_matching(r"平方公里") == ["text/numerals.py"]
    assert _files_matching(r"nineteen") == ["text/numerals.py"]


def test_the_commitment_lexicon_lives_in_one_file() -> None:
    # verbs that make a commitment (推进, 落实 …) and English "will / plan to" cues
    assert _files_matching(r"\"推进\", \"完善\"|推进\|推动|plan\(\?:s\)\? to") == ["text/cues.py"]


def test_no_stage_rebuilds_the_section_index() -> None:
    # the model builds the index once (Report.by_id); nobody rebuilds it
    assert _files_matching(r"\{s\.id: s for s in") == []
    assert _files_matching(r"\.id: \w+ for \w+ in (?:self|report|old|new)\.sections\}") == ["model.py"]


def test_the_page_words_live_in_one_table() -> None:
    """One home per label (issue 12): no second table that overrides some entries of the first
    (a `page_labels` module once re-worded 27 of them, so a fix in one place did not show)."""
    from compare.render.labels import LABELS

    # a page word as a dict entry, e.g. "dash_sec_removed": "…", written anywhere but labels.py
    assert _files_matching(r"[\"']dash_sec_removed[\"']\s*:") == ["render/labels.py"]
    assert _files_matching(r"[\"']plan_commitment_line[\"']\s*:") == ["render/labels.py"]
    assert _files_matching(r"\*\*LABELS\[") == []  # no merge of the table with another
    assert sorted(LABELS["en"]) == sorted(LABELS["zh"])  # every word in both languages


def test_every_reason_for_removed_text_has_words() -> None:
    # bug: the words for a removed bidi control sat in a second, unused table; the page said
    # "other layout text"
    from compare.ingest.normalise import normalise_text, removed_controls
    from compare.render.labels import stripped_label

    removed_all = removed_controls(normalise_text("a\u202eb\u200fc")[1])
    assert len(removed_all) == 2
    for removed in removed_all:
        assert stripped_label(removed.reason, "en").startswith("bidirectional control")
        assert stripped_label(removed.reason, "zh").startswith("双向文字控制符")


def test_render_imports_nothing_above_the_model() -> None:
    allowed = {"model", "errors", "lazy"}  # lazy: the packages' lazy-attribute helper, no stage
    for path in sorted((PACKAGE / "render").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level >= 2:
                top = (node.module or "").split(".")[0]
                assert top in allowed, f"{path.name} imports compare.{node.module}"
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("compare"):
                raise AssertionError(f"{path.name} imports {node.module}")


def _tree() -> Report:
    text = "前言\n一、回顾\n（一）甲\n甲段。\n二、计划\n（一）乙\n乙段。\n"
    src = SourceText("t.txt", text, "utf-8")

    def span(a: str, b: str | None = None) -> Span:
        start = text.index(a)
        return Span(start, len(text) if b is None else text.index(b))

    sections = (
        Section("s1", None, 1, "回顾", span("回顾", "\n（一）甲"), span("一、", "二、"), Role.REVIEW),
        Section("s1.1", "s1", 2, "甲", span("甲\n", "\n甲段"), span("（一）甲", "二、"), Role.OTHER),
        Section("s2", None, 1, "计划", span("计划", "\n（一）乙"), span("二、"), Role.PLAN),
        Section("s2.1", "s2", 2, "乙", span("乙\n", "\n乙段"), span("（一）乙"), Role.OTHER),
    )
    paragraphs = (Paragraph(span("甲段", "\n二、"), "s1.1"), Paragraph(span("乙段", None), "s2.1"))
    from compare.model import Metadata

    return Report(src, Metadata(), sections, paragraphs, (), plan_parts=("s2",))


def test_report_answers_tree_questions() -> None:
    r = _tree()
    assert r.by_id["s2.1"].heading == "乙"
    assert [s.id for s in r.ancestors("s2.1")] == ["s2"]
    assert r.lineage("s2.1") == ("s2.1", "s2")
    assert r.effective_role("s2.1") is Role.PLAN and r.effective_role("s1.1") is Role.REVIEW
    assert r.plan_ids == frozenset({"s2", "s2.1"})
    assert r.plan_role("s2.1") is Role.PLAN and r.plan_role("s1.1") is None
    at = r.source.text.index("乙段")
    assert r.section_at(at) is not None and r.section_at(at).id == "s2.1"  # type: ignore[union-attr]
    para = r.paragraph_at(at + 1)
    assert para is not None and para.section_id == "s2.1"
    assert r.paragraph_at(r.source.text.index("二、")) is None  # a heading is in no paragraph
    assert r.section_at(0) is None  # the untitled opening here is in no section


def test_a_comparison_shows_itself_in_a_notebook() -> None:
    c: Comparison = compare_texts("一、回顾\n去年完成了任务。\n", "一、回顾\n今年完成了任务。\n")
    page = c._repr_html_()
    assert page.startswith("<!DOCTYPE html>") or page.lstrip().lower().startswith("<!doctype html>")
    # the changed word is highlighted inside the sentence
    # (issue 14: drawn once, in one paragraph, the deletion and the insertion side by side)
    assert "<del>去</del><ins>今</ins>年完成了任务" in page

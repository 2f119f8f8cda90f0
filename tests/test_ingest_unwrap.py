"""Hard-wrapped English text (saved from a PDF) is joined per paragraph; every edit is traceable."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from compare.ingest import read_bytes
from compare.model import SourceText

PARAS = [
    "Our small company had a steady year: revenue grew by nine percent and every plant stayed open "
    "through the winter storms, which tested the crews and the new heating system alike.",
    "We paid our crews fair compensation for the overtime, and the pay of managers was tied to the "
    "safety record of each site, which improved for the third year in a row.",
    "Next year we plan to open a repair shop in the harbour town and to train forty new apprentices "
    "in welding and machining, with the first class starting in the spring.",
]


def _layout(paras: list[str], width: int = 60, newline: str = "\n") -> str:
    out = []
    for p in paras:
        line, lines = "", []
        for w in p.split():
            if line and len(line) + 1 + len(w) > width:
                lines.append(line)
                line = w
            else:
                line = f"{line} {w}" if line else w
        lines.append(line)
        lines[0] = "     " + lines[0]
        out.append(newline.join(lines))
    table = newline.join(f"{year} . . . . . . . . . .      {n}.5        {n + 3}.1" for year, n in ((2019, 4), (2020, 7)))
    return (newline * 2).join(out * 3) + newline * 2 + "Revenue by year" + newline * 2 + table + newline


def _original(src: SourceText) -> str:
    """Undo every edit: the text the user gave, before normalisation."""
    out, pos = [], 0
    for e in sorted(src.edits, key=lambda e: e.span.start):
        out.append(src.text[pos : e.span.start])
        out.append(e.original)
        pos = e.span.end
    out.append(src.text[pos:])
    return "".join(out)


def test_wrapped_paragraphs_become_one_line_each() -> None:
    src = read_bytes(_layout(PARAS).encode("utf-8"), "letter.txt")
    paragraphs = [p.strip() for p in src.text.split("\n\n")]
    assert paragraphs[:3] == PARAS
    assert "Revenue by year" in paragraphs  # a title stays on its own
    assert "2019 … 4.5 7.1" in src.text.split("\n")  # leader and column padding made plain
    assert {e.reason for e in src.edits} >= {"line_join", "dot_leader", "layout_space"}


def test_chinese_text_is_not_unwrapped() -> None:
    text = "\n".join(["全年共办理行政复议案件二十四件，同比增长百分之十二，依法纠正违法行为三件。"] * 30) + "\n\n结束。\n"
    src = read_bytes(text.encode("utf-8"), "zh.txt")
    assert src.text == text and not src.edits


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PARAS), min_size=2, max_size=6), st.integers(40, 90), st.sampled_from(["\n", "\r\n"]))
def test_edits_give_back_the_input(paras: list[str], width: int, newline: str) -> None:
    raw = _layout(paras, width, newline)
    src = read_bytes(raw.encode("utf-8"), "letter.txt")
    assert _original(src) == raw


def test_indented_paragraph_start_gets_a_blank_line() -> None:
    # the second paragraph starts with a first-line indent and no blank line before it
    raw = _layout(PARAS).replace("\n\n     We paid", "\n     We paid", 1)
    src = read_bytes(raw.encode("utf-8"), "letter.txt")
    assert [p.strip() for p in src.text.split("\n\n")][:3] == PARAS
    assert any(e.reason == "paragraph_break" and e.original == "\n" for e in src.edits)
    assert _original(src) == raw

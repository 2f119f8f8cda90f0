"""Typeset Chinese PDFs read by position: headings on their own line, sentences joined across
line ends, tables as rows, spaced figures read (issue 18).

The PDFs are written here with fpdf2 and Debian's Noto CJK font (`_typeset.py`); the tests skip
with the reason when the font or fpdf2 is missing.
"""

from __future__ import annotations

import pytest
from _typeset import Item, fill, heading, para, table, typeset

from compare.figures.extract import extract_figures
from compare.ingest import read_bytes
from compare.model import SourceText
from compare.structure.parse import parse_report

# Invented text in the style of a county statistical communiqué.
OPENING = ("初步核算，全年全县地区生产总值约 4.4 万亿元，比上年增长 5.2%。全年新建城市道路 2315 万平方米，"
           "新增规模以上工业企业 115 家，城乡居民收入稳步增长，农业生产取得实效。")
# broken by hand after the figure, well short of the right margin (a typesetter kept 20.4 and
# its unit apart): the old reader ended the paragraph there
BROKEN = ("全年城市更新持续推进，老旧小区改造完成年度任务，拆除违法建设并腾退 20.4",
          "万平方米，城市面貌明显改善。全年居民消费价格比上年下降0.5%。")
FARM = "全年粮食产量 133.77 万吨，比上年下降 2.2%。其中夏粮和秋粮产量见下表。"
ROWS = (("指标", "产量（万吨）", "比上年增长%"), ("#夏粮", "16.38", "-1.7"), ("秋粮", "117.39", "-2.4"))
PRICES = (("指标", "价格指数"), ("一、食品烟酒", "99.6"), ("二、衣着", "101.3"), ("三、居住", "100.2"))
AFTER = "全年蔬菜产量稳中有升，肉类总产量比上年增长 3.1%。"


@pytest.fixture(scope="module")
def source() -> SourceText:
    items = [
        heading("青溪县2023年国民经济和社会发展统计公报", size=18, space_before=0),
        para(*fill(OPENING)),
        heading("一、综 合"),
        para(*BROKEN),
        heading("二、农 业"),
        para(*fill(FARM)),
        table(*ROWS),
        para(*fill(AFTER), space_before=12),
        heading("三、价 格"),
        para(*fill("全年居民消费价格比上年上涨 0.4%，各类价格指数见下表。")),
        table(*PRICES),
    ]
    return read_bytes(typeset(items), "communique.pdf")


def _lines(src: SourceText) -> list[str]:
    return [ln.strip() for ln in src.text.split("\n") if ln.strip()]


def test_centred_heading_below_a_paragraph_is_its_own_line_and_part(source: SourceText) -> None:
    lines = _lines(source)
    assert "一、综合" in lines and "二、农业" in lines and "三、价格" in lines
    report = parse_report(source)
    parts = [s.heading for s in report.sections if s.level == 1 and s.heading]
    assert parts == ["综合", "农业", "价格"]


def test_sentence_broken_at_a_line_end_is_one_paragraph(source: SourceText) -> None:
    report = parse_report(source)
    texts = [p.span.slice(source.text).strip() for p in report.paragraphs]
    joined = "".join(BROKEN).replace(" ", "")
    assert joined in texts
    assert "腾退20.4万平方米" in source.text


def test_table_of_aligned_numbers_gives_rows_not_headings(source: SourceText) -> None:
    lines = _lines(source)
    assert "| 指标 | 产量（万吨） | 比上年增长% |" in lines
    assert "| #夏粮 | 16.38 | -1.7 |" in lines
    assert "| 秋粮 | 117.39 | -2.4 |" in lines  # its own line, not glued to the row above
    assert "| 二、衣着 | 101.3 |" in lines
    report = parse_report(source)
    headings = [s.heading for s in report.sections]
    assert not any("衣着" in h or "食品烟酒" in h or "夏粮" in h for h in headings), headings
    # the paragraph after the table is prose again, not a row
    assert AFTER.replace(" ", "") in lines


def test_spaced_figures_are_read_and_the_spaces_recorded(source: SourceText) -> None:
    figures = {(str(f.value), f.unit) for f in extract_figures(parse_report(source))}
    for expected in [("4.4", "万亿元"), ("2315", "万平方米"), ("115", "家"), ("20.4", "万平方米"),
                     ("133.77", "万吨"), ("3.1", "%")]:
        assert expected in figures, (expected, sorted(figures))
    closed = [e for e in source.edits if e.reason == "typographic_space"]
    assert closed and all(e.original.strip() == "" and len(e.span) == 0 for e in closed)
    # undoing the edits gives the spaced text the PDF shows
    out, pos = [], 0
    for e in sorted(source.edits, key=lambda e: e.span.start):
        out += [source.text[pos : e.span.start], e.original]
        pos = e.span.end
    original = "".join(out) + source.text[pos:]
    assert "约 4.4 万亿元" in original and "一、综 合" in original


def test_page_numbers_are_removed(source: SourceText) -> None:
    assert ("pdf_page_number", "- 1 -") in [(r.reason, r.text) for r in source.removed]
    assert "- 1 -" not in source.text


# A paragraph whose last line is full: nothing in its own lines says where it ends.
FULL = "全年全县经济运行总体平稳，重点项目建设有序推进，城乡居民收入稳步增长，社会事业全面发展，" * 3


def _full_paragraph() -> Item:
    lines = fill(FULL)
    return para(*lines[:-1])  # drop the short remainder: the last line reaches the margin


def test_heading_set_larger_at_the_margin_stands_alone() -> None:
    # no marker, no extra space, flush left: only its 16 pt size over 12 pt body text sets it apart
    items = [_full_paragraph(), Item("para", lines=("工业生产情况",), size=16, indent=False),
             para(*fill("全年规模以上工业增加值比上年增长 6.1%，工业生产保持平稳增长。"))]
    src = read_bytes(typeset(items), "size.pdf")
    assert "工业生产情况" in _lines(src)


def test_centred_heading_at_the_body_size_stands_alone() -> None:
    # a long centred heading without marker or final stop, at the body size and leading, over a
    # paragraph set without indent: only centring says the paragraph does not go on from it
    title = "全县工业和建筑业生产经营总体情况与主要指标"
    items = [_full_paragraph(), heading(title, size=12, space_before=0),
             Item("para", lines=fill("全年规模以上工业增加值比上年增长 6.1%，工业生产保持平稳增长。", first_indent=0),
                  indent=False)]
    src = read_bytes(typeset(items), "centred.pdf")
    assert title in _lines(src)

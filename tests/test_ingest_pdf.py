"""PDF input: text in reading order, page chrome removed and listed, paragraphs rebuilt."""

from __future__ import annotations

import io

import pytest

from compare.errors import InputError
from compare.ingest import read_bytes

from _formats import layout, make_pdf

EN = [
    "Our small company had a steady year: revenue grew by nine percent and every plant stayed open through the winter storms.",
    "We paid our crews fair compensation for the overtime, and compensation of managers was tied to the safety record of each site.",
    "Next year we plan to open a repair shop in the harbour town and to train forty new apprentices in welding and machining.",
    "The board will meet in May to approve the budget for the new shop and the training program for the apprentices.",
]
ZH = [
    "一、主要举措和成效",
    "全年共办理行政复议案件二十四件，同比增长百分之十二，依法纠正违法或者不当行政行为三件，有效化解了一批行政争议。",
    "二、下一步工作计划",
    "加快推进行政执法三项制度落实，健全行政裁量权基准制度，组织执法人员开展专题培训不少于四次。",
]


def test_english_paragraphs_joined_and_chrome_removed() -> None:
    pages = layout(EN, chars=44, header="Harbour Works Annual Letter 2021", per_page=7)
    src = read_bytes(make_pdf(pages), "letter.pdf")
    assert src.kind == "pdf" and src.encoding == "pdf"
    assert [p.strip() for p in src.text.split("\n\n")] == EN  # first lines keep their indent
    removed = [(r.reason, r.text) for r in src.removed]
    assert ("pdf_page_number", "1") in removed and ("pdf_page_number", "2") in removed
    assert ("pdf_running_header", "Harbour Works Annual Letter 2021") in removed


def test_line_end_hyphen_dropped_only_for_a_known_word() -> None:
    lines = [(60, 700, "We paid our crews fair compen-"), (60, 685, "sation for the overtime and kept"),
             (60, 670, "the long-term plan and a follow-"), (60, 655, "up review. Compensation was fair.")]
    src = read_bytes(make_pdf([lines]), "h.pdf")
    assert "fair compensation for" in src.text  # "compensation" occurs elsewhere
    assert "follow-up review" in src.text  # "followup" does not: the hyphen stays


def test_chinese_lines_joined_without_spaces() -> None:
    src = read_bytes(make_pdf(layout(ZH, chars=30, per_page=30)), "zh.pdf")
    assert src.text.split("\n\n") == ZH


def test_no_text_layer_needs_ocr() -> None:
    with pytest.raises(InputError, match=r"scan\.pdf: .*needs OCR"):
        read_bytes(make_pdf([[], []]), "scan.pdf")


def test_encrypted_pdf_is_a_clear_error() -> None:
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(make_pdf(layout(EN, chars=44))))
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(InputError, match=r"locked\.pdf: the PDF is encrypted with a password"):
        read_bytes(out.getvalue(), "locked.pdf")


@pytest.mark.parametrize("cut", [0.1, 0.5, 0.9])
def test_truncated_pdf_is_a_clean_error_or_text(cut: float) -> None:
    data = make_pdf(layout(EN, chars=44))
    try:
        src = read_bytes(data[: int(len(data) * cut)], "cut.pdf")
    except InputError as exc:
        assert str(exc).startswith("cut.pdf: ")
    else:  # PDFium repairs what it can; then the text it found is real text of the file
        assert src.text and src.text in "\n\n".join(EN)


def test_pdf_detected_by_content_not_name() -> None:
    src = read_bytes(make_pdf(layout(EN, chars=44)), "letter.txt")
    assert src.kind == "pdf"


def test_bullet_set_apart_from_its_text_is_a_paragraph_not_a_row() -> None:
    # regression: a bullet 2 ems from its text was read as a two-cell table row, and the
    # paragraph broke after its first line
    # (every character of this test font is one em wide: lines of 35 characters fill the page)
    lines = [(60, 700, "•"), (100, 700, "The harbour shop opened in May and"),
             (60, 685, "took on twelve apprentices from the town"),
             (60, 670, "school, who finish their training soon."),
             (84, 655, "The board thanks the crews for a safe"),
             (60, 640, "year without a single lost day at work.")]
    src = read_bytes(make_pdf([lines]), "bullet.pdf")
    assert [p.strip() for p in src.text.split("\n\n")] == [
        "• The harbour shop opened in May and took on twelve apprentices from the town school, "
        "who finish their training soon.",
        "The board thanks the crews for a safe year without a single lost day at work."]

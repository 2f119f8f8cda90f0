"""The Berkshire letters read from their PDFs compare with the text renderings as almost unchanged."""

from __future__ import annotations

import re

import pytest
from conftest import CORPUS, need_shared

from compare.ingest import read_source
from compare.model import Comparison
from compare.pipeline import compare_sources

LETTERS = CORPUS / "berkshire-letters"
_LEADER = re.compile(r"(?:\.\s?){4,}|…")

# Measured on 2017/2018/2019 (ingest branch, foundation diff): 1.5 %, 1.8 %, 0.4 % of all
# characters are reported changed, and 1.2 %, 1.4 %, 0.0 % outside table rows. What is left: the
# page numbers that the text renderings keep (the structure stage strips page chrome), table
# headers that wrap differently, and "..." written ". . ." by pdftotext. The bounds are about
# twice that: a reader that loses or garbles prose, or stops joining wrapped lines, goes far past
# them (before dot leaders and column padding were made alike, table rows alone gave 13-15 %).
MAX_CHANGED_SHARE = 0.04
MAX_PROSE_CHANGED_SHARE = 0.03


def _shares(c: Comparison) -> tuple[float, float]:
    total = sum(len(p.span) for rep in (c.old, c.new) for p in rep.paragraphs)
    changed = prose = 0
    for diff in c.diffs:
        for row in diff.rows:
            if row.kind is None:
                continue
            old = c.old.text_of(row.old) if row.old else ""
            new = c.new.text_of(row.new) if row.new else ""
            if row.segments:
                n = sum(len(s.text) for s in row.segments if s.op.value != "equal")
            else:
                n = len(old) + len(new)
            changed += n
            if not (_LEADER.search(old) or _LEADER.search(new) or len((old + new).split()) < 12):
                prose += n
    return changed / total, prose / total


@pytest.mark.corpus
@pytest.mark.parametrize("year", [2017, 2018, 2019])
def test_pdf_reads_like_its_text_rendering(year: int) -> None:
    pdf = need_shared(LETTERS / "raw" / f"{year}.pdf")
    txt = need_shared(LETTERS / f"{year}.txt")
    from_pdf = read_source(str(pdf))
    assert from_pdf.kind == "pdf"
    assert any(r.reason == "pdf_page_number" for r in from_pdf.removed)
    assert "To the Shareholders of Berkshire Hathaway Inc.:" in from_pdf.text.split("\n")
    changed, prose = _shares(compare_sources(from_pdf, read_source(str(txt))))
    assert changed <= MAX_CHANGED_SHARE, f"{year}: {changed:.1%} of characters reported changed"
    assert prose <= MAX_PROSE_CHANGED_SHARE, f"{year}: {prose:.1%} of prose characters reported changed"

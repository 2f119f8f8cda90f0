"""The Berkshire letters read from their PDFs compare with the text renderings as almost unchanged."""

from __future__ import annotations

import difflib

import pytest

from compare.ingest import read_source
from compare.model import Comparison
from compare.pipeline import compare_sources

from conftest import CORPUS, need_shared

LETTERS = CORPUS / "berkshire-letters"

# Reader level, words in order (difflib over whitespace-split words). Measured 2017/2018/2019:
# 0.17 %, 0.07 %, 0.04 % of the PDF's words and 0.5 %, 0.3 %, 0.3 % of the text's are unmatched;
# the text keeps its page numbers (one word a page, 13-16 pages), which the PDF reader removes.
# A reader that drops a paragraph, garbles a font or mis-joins lines goes far past 1 %.
MAX_UNMATCHED_WORDS = 0.01
# Whole pipeline (`compare_sources`), share of characters in rows reported changed. Measured
# 3.0 %, 3.1 %, 3.5 % with the structure and diff stages of main at dab4fcd: what is left is how
# table blocks group ("(in millions)" and the rows under it) and "..." written ". . ." by
# pdftotext. Before the readers made leaders, column padding, table headers and paragraph breaks
# alike it was 13-51 %. The bound leaves room for later stages to move the number.
MAX_CHANGED_SHARE = 0.06


def _unmatched_words(a: list[str], b: list[str]) -> tuple[float, float]:
    same = sum(m.size for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return 1 - same / len(a), 1 - same / len(b)


def _changed_share(c: Comparison) -> float:
    total = sum(len(p.span) for rep in (c.old, c.new) for p in rep.paragraphs)
    changed = 0
    for diff in c.diffs:
        for row in diff.rows:
            if row.kind is None:
                continue
            if row.segments:
                changed += sum(len(s.text) for s in row.segments if s.op.value != "equal")
            else:
                changed += (len(row.old) if row.old else 0) + (len(row.new) if row.new else 0)
    return changed / total


@pytest.mark.corpus
@pytest.mark.parametrize("year", [2017, 2018, 2019])
def test_pdf_reads_like_its_text_rendering(year: int) -> None:
    from_pdf = read_source(str(need_shared(LETTERS / "raw" / f"{year}.pdf")))
    from_txt = read_source(str(need_shared(LETTERS / f"{year}.txt")))
    assert from_pdf.kind == "pdf"
    assert sum(r.reason == "pdf_page_number" for r in from_pdf.removed) >= 10
    # the salutation line of the text rendering stands alone on a line of the PDF text too
    salutation = next(ln.strip() for ln in from_txt.text.split("\n") if ln.strip().startswith("To the Shareholders"))
    assert salutation in [ln.strip() for ln in from_pdf.text.split("\n")]
    pdf_side, txt_side = _unmatched_words(from_pdf.text.split(), from_txt.text.split())
    assert pdf_side <= MAX_UNMATCHED_WORDS and txt_side <= MAX_UNMATCHED_WORDS, (year, pdf_side, txt_side)
    changed = _changed_share(compare_sources(from_pdf, from_txt))
    assert changed <= MAX_CHANGED_SHARE, f"{year}: {changed:.1%} of characters reported changed"

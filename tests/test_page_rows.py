"""The sentence rows drawn in Python (render/rows.py) escape exactly as the templates' autoescape."""

from __future__ import annotations

from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup
from markupsafe import escape as markupsafe_escape

from compare.render.rows import _escape_str, block_parts, escape, segments

HOSTILE = ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "' onmouseover='x", "&amp;", "a&b<c>d\"e'f")


@given(st.text())
def test_escape_is_markupsafes(text: str) -> None:
    assert escape(text) == str(markupsafe_escape(text))
    # the pure-Python escaping used where markupsafe has no C speedups escapes the same
    assert _escape_str(text) == str(markupsafe_escape(text))


class _Parse(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(html: str) -> _Parse:
    p = _Parse()
    p.feed(html)
    p.close()
    return p


def _row(text: str, **kw: object) -> dict[str, object]:
    row: dict[str, object] = {"anchor": "r0-0", "kind": "reworded", "label": "改写", "badge": True, "both": True,
                              "moved_label": "", "figures": [],
                              "pieces": [{"op": "delete", "text": text, "anchors": [], "cls": ""},
                                         {"op": "insert", "text": text, "anchors": [], "cls": ""},
                                         {"op": "equal", "text": text, "anchors": [], "cls": ""}]}
    row.update(kw)
    return row


def test_hostile_text_in_a_row_stays_text() -> None:
    for text in HOSTILE:
        html = block_parts([{"side": "row", "rows": [_row(text, figures=[text], label=text)]}], " ", text)
        assert isinstance(html, Markup)
        page = _parse(str(html))
        assert set(page.tags) <= {"span", "a", "ins", "del"}
        assert "".join(page.text).count(text) == 5  # label, the three pieces, the figure
        assert ("title", text) in page.attrs and ("aria-label", text) in page.attrs


def test_hostile_marks_and_run_badges_stay_in_their_attributes() -> None:
    for text in HOSTILE:
        pieces = [{"op": "equal", "text": "x", "anchors": [text], "cls": text}]
        page = _parse(str(segments(pieces)))
        assert page.tags == ["span", "span"] and ("id", text) in page.attrs and ("class", text) in page.attrs
        run = {"side": "new", "kind": "added", "badge": text, "rows": [_row("y"), _row("z")]}
        page = _parse(str(block_parts([run], text, "#")))
        assert "".join(page.text).count(text) == 2  # the run's badge and the separator between its rows


def test_hostile_plan_rows_stay_text() -> None:
    from compare.render.plan_table import plan_rows

    labels = {k: "L" for k in ("col_item", "col_status", "col_evidence", "in_new_plan", "basis", "basis_rule", "colon",
                               "basis_similarity", "basis_method")}
    for text in HOSTILE:
        ev = {"text": text, "href": "#ev0-0", "in_plan": True, "score": "0.50", "matched_by": text}
        item = {"anchor": "plan-0", "status": "addressed", "kind_label": text, "item": text, "item_href": "#pi0",
                "status_label": text, "reason": text, "basis": text, "evidence": [ev, {**ev, "href": ""}]}
        page = _parse(str(plan_rows([item, {**item, "evidence": [], "item_href": ""}], labels)))
        assert set(page.tags) <= {"tr", "td", "span", "a", "p", "details", "summary"}
        # per row: kind, item, status, reason, basis; the first row's two passages and two methods
        assert "".join(page.text).count(text) == 5 * 2 + 4

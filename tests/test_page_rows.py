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


# the loops of templates/_figures.html.j2 that render/figure_table.py replaced, kept here to check
# that the Python rows are what the templates drew, byte for byte
_FIGURE_LOOP = """{% for f in figures %}
<tr id="{{ f.anchor }}" class="{{ 'up' if f.rising else 'down' }}" data-order="{{ f.order }}">
<td data-label="{{ labels.col_what }}">{% if f.old_sentence or f.new_sentence %}<details class="src"><summary>{{ f.label }}</summary>{% if f.old_sentence %}<p class="old"><span class="y">{{ years.old }}</span> {{ f.old_sentence }}</p>{% endif %}{% if f.new_sentence %}<p class="new"><span class="y">{{ years.new }}</span> {{ f.new_sentence }}</p>{% endif %}</details>{% else %}{{ f.label }}{% endif %}</td>
<td data-label="{{ labels.col_period }}">{{ f.period }}</td>
<td data-label="{{ labels.col_kind }}">{{ f.kind }}</td>
<td data-label="{{ years.old }}" data-sort="{{ f.sort_old }}">{% if f.old_href %}<a href="{{ f.old_href }}">{{ f.old }}</a>{% else %}{{ f.old }}{% endif %}</td>
<td data-label="{{ years.new }}" data-sort="{{ f.sort_new }}">{% if f.new_href %}<a href="{{ f.new_href }}">{{ f.new }}</a>{% else %}{{ f.new }}{% endif %}</td>
<td data-label="{{ labels.col_change }}" data-sort="{{ f.sort_change }}"><span class="dir" aria-hidden="true">{{ '▲' if f.rising else '▼' }}</span> {{ f.change }}</td>
<td data-label="{{ labels.col_where }}">{{ f.section }}</td>
</tr>
{% endfor %}
"""
_UNPAIRED_LOOP = """{% for f in rows %}
<tr><td data-label="{{ labels.col_what }}">{{ f.label }} <b>{{ f.text }}</b></td><td data-label="{{ labels.col_kind }}">{{ f.kind }}</td><td data-label="{{ labels.col_sentence }}">{{ f.sentence }}</td></tr>
{% endfor %}
"""


def _figure(text: str, order: int, **kw: object) -> dict[str, object]:
    row: dict[str, object] = {
        "anchor": f"fig-{order}", "order": order, "rising": order % 2 == 0, "label": text, "period": text, "kind": text,
        "old": text, "new": text, "old_href": f"#fo{order}", "new_href": "", "old_sentence": text, "new_sentence": "",
        "change": text, "section": text, "sort_old": "1.5", "sort_new": "", "sort_change": "-0.25"}
    row.update(kw)
    return row


def test_figure_rows_are_the_template_loops_byte_for_byte() -> None:
    import jinja2

    from compare.render.figure_table import figure_rows, unpaired_figure_rows

    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined)
    for text in (*HOSTILE, "新增就业1100万人以上", ""):
        labels = {k: text or "L" for k in ("col_what", "col_period", "col_kind", "col_change", "col_where",
                                           "col_sentence")}
        years = {"old": text or "2020", "new": "2021"}
        figures = [_figure(text, 0), _figure(text, 1, old_sentence="", new_sentence=text, new_href="#fn1"),
                   _figure(text, 2, old_sentence="", old_href=""), _figure(text, 13, new_sentence=text)]
        drawn = figure_rows(figures, labels, years)
        assert isinstance(drawn, Markup)
        assert str(drawn) == env.from_string(_FIGURE_LOOP).render(figures=figures, labels=labels, years=years)
        rows = [{"label": text, "text": text, "kind": text, "sentence": text}, {"label": "—", "text": "5%", "kind": "",
                                                                                "sentence": text}]
        assert str(unpaired_figure_rows(rows, labels)) == env.from_string(_UNPAIRED_LOOP).render(rows=rows, labels=labels)


def test_hostile_figure_rows_stay_text() -> None:
    from compare.render.figure_table import figure_rows

    for text in HOSTILE:
        page = _parse(str(figure_rows([_figure(text, 0)], {k: "L" for k in ("col_what", "col_period", "col_kind",
                                                                            "col_change", "col_where")},
                                      {"old": "2020", "new": "2021"})))
        assert set(page.tags) <= {"tr", "td", "details", "summary", "p", "span", "a"}
        # label, old sentence, period, kind, the two values, change, part
        assert "".join(page.text).count(text) == 8


# the loop of templates/_section_pair.html.j2 that render/rows.section_pairs replaced
_PAIR_LOOP = """{% for p in pairs %}
<article class="pair lvl-{{ p.level if p.level < 4 else 4 }} st-{{ p.status }} {{ 'changed' if p.changed else 'same' }}{{ ' heading-only' if p.heading_only else '' }}{% for k in p.kinds %} has-{{ k }}{% endfor %}" id="{{ p.anchor }}">
{% if p.heading_only %}
<h3 class="pair-head">{% if p.status_label %}<span class="badge st-{{ p.status }}">{{ p.status_label }}</span> {% endif %}{% if p.both_headings %}<span class="old">{{ p.old_heading }}</span> <span class="arrow" aria-hidden="true">→</span> <span class="new">{{ p.new_heading }}</span>{% else %}{{ p.new_heading or p.old_heading }}{% endif %}</h3>
{% else %}
<details{{ ' open' if open_sections and not p.collapsed else '' }}>
<summary class="pair-head"><h3>{% if p.status_label %}<span class="badge st-{{ p.status }}">{{ p.status_label }}</span> {% endif %}{% if p.both_headings %}<span class="heads"><span class="old">{{ p.old_heading }}</span><span class="arrow" aria-hidden="true"> → </span><span class="new">{{ p.new_heading }}</span></span>{% else %}<span class="heads one">{{ p.new_heading or p.old_heading }}</span>{% endif %}{% if p.n_changes %} <span class="nchg">{{ p.n_changes }}</span>{% endif %}</h3></summary>
{% if p.note %}<p class="note">{{ p.note }}</p>{% endif %}
<div class="blocks">
{{ blocks(p.blocks, sep, permalink) }}</div>
</details>
{% endif %}
</article>
{% endfor %}
"""


def _pair(text: str, k: int, **kw: object) -> dict[str, object]:
    row = _row(text, anchor=f"r{k}-0")
    block = {"anchor": f"b{k}-0", "changed": True, "whole": "", "heading_line": k % 2 == 1, "kinds": ["reworded"],
             "parts": [{"side": "row", "rows": [row]}]}
    pair: dict[str, object] = {
        "anchor": f"p{k}", "level": k + 1, "status": "renamed", "status_label": text, "changed": True,
        "heading_only": False, "kinds": ["reworded", "added"], "both_headings": True, "old_heading": text,
        "new_heading": text + "2", "collapsed": False, "n_changes": f"{k} changes", "note": text, "blocks": [block]}
    pair.update(kw)
    return pair


def test_section_pairs_are_the_template_loop_byte_for_byte() -> None:
    import jinja2

    from compare.render.rows import blocks, section_pairs

    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                             undefined=jinja2.StrictUndefined)
    loop = env.from_string(_PAIR_LOOP)
    for text in (*HOSTILE, "二、2019年工作回顾"):
        pairs = [_pair(text, 0), _pair(text, 1, heading_only=True, blocks=[], status_label=""),
                 _pair(text, 2, heading_only=True, both_headings=False, new_heading=""),
                 _pair(text, 3, both_headings=False, old_heading="", status_label="", note="", n_changes="",
                       changed=False, kinds=[], collapsed=True),
                 _pair(text, 5, status="matched", level=9)]
        for open_sections in (True, False):
            drawn = section_pairs(pairs, open_sections, " ", text)
            assert isinstance(drawn, Markup)
            assert str(drawn) == loop.render(pairs=pairs, open_sections=open_sections, sep=" ", permalink=text,
                                             blocks=blocks)

"""Stage 7, render: the view model. `Comparison` -> plain dicts and strings for the templates.

Counting, sorting, labelling and number formatting happen here, once, for the HTML and Markdown
views alike. Nothing in here is HTML: report text stays plain text and the templates escape it.
Ids come from positions (`p3`, `r3-5`, `fig-2`, `ev4-0`), never from titles.

Cost: each row, figure and plan item is looked up by bisection over the rows of its side, so the
whole view model is O(n log n) in the number of rows.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Any, Literal

from ..model import (
    ZH_QUALIFIERS_BEFORE,
    ChangeKind,
    Comparison,
    Evidence,
    Figure,
    FigureKind,
    FigurePair,
    FollowUp,
    Metadata,
    Op,
    PairStatus,
    PeriodKind,
    PlanCheck,
    PlanItemKind,
    PlanStatus,
    ReasonCode,
    Report,
    Role,
    Section,
    SentenceRow,
    Span,
)
from .blocks import (
    RUN_ORDER,
    Mark,
    Marks,
    group_blocks,
    merged_pieces,
    moved_away_slots,
    paragraph_index,
    runs_of,
    side_pieces,
)
from .highlights import GROUP_ORDER, as_dicts, highlight_groups, neutral_label, opposite_changes, opposite_figures
from .labels import LABELS, enum_label, reason_text, stripped_label
from .summary import in_appendix

__all__ = ["build_context", "View", "header_years", "format_figure_change", "LABELS", "CHANGE_KINDS", "SECTION_STATUSES",
           "PLAN_STATUSES", "EVIDENCE_PREVIEW_CHARS", "plan_view", "plan_reason_words", "page_labels", "js_payload",
           "OPEN_PLAN_MAX_ITEMS"]

CHANGE_KINDS: tuple[str, ...] = tuple(k.value for k in ChangeKind)
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# Statuses a reader may want to list; "matched" is the normal case and gets no dashboard card.
SECTION_STATUSES: tuple[str, ...] = tuple(s.value for s in PairStatus if s is not PairStatus.MATCHED)
PLAN_STATUSES: tuple[str, ...] = tuple(s.value for s in PlanStatus)
# The three kinds a first-time reader looks for; the rest of the dashboard is smaller.
_HEADLINE_KINDS = ("new_commitment", "dropped")
# Evidence passages are whole paragraphs; the scorecard shows the start and links to the rest.
EVIDENCE_PREVIEW_CHARS = 160
# Up to this many changes every section starts open; a bigger comparison starts with them closed,
# so its page stays a few screens long (issue 14: 1,160 open rows made 110,671 px).
OPEN_SECTIONS_MAX_CHANGES = 150
# The full plan table starts open up to this many items (the status bars and lists lead above it).
OPEN_PLAN_MAX_ITEMS = 40
# The not-found list shows this many items before "n more".
NOT_FOUND_SHOWN = 8
# Characters of the sentence shown beside a figure that disappeared or appeared (a long paragraph-
# sentence of a scraped report is cut, the figure stays in the first part it was read from).
UNPAIRED_SENTENCE_CHARS = 200


# --------------------------------------------------------------------------- numbers


def _plain(value: Decimal, places: int = 2) -> str:
    """A Decimal as a reader writes it: at most `places` decimals, no trailing zeros, no exponent."""
    q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = format(q, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _signed(value: Decimal, places: int) -> str:
    text = _plain(value, places)
    return text if text.startswith("-") or text == "0" else "+" + text


def format_figure_change(fp: FigurePair, old: Report, new: Report, lang: str) -> str:
    """`4.87亿元 → 5.2亿元 (+6.8%)`; rates give their change in percentage points."""
    old_text = figure_written(fp.old, old, fp.new) if fp.old else "—"
    new_text = figure_written(fp.new, new, fp.old) if fp.new else "—"
    change = _change_text(fp, lang)
    if not change:
        return f"{old_text} → {new_text}"
    return f"{old_text} → {new_text}" + (f"（{change}）" if lang == "zh" else f" ({change})")


def figure_written(fig: Figure, report: Report, other: Figure | None) -> str:
    """The figure as written; a fall next to a rise of the other year is shown negative
    (增长1.1% → 下降7.6% reads 1.1% → -7.6%, which its change of -8.7 points says)."""
    text = report.text_of(fig.span)
    if other is not None and fig.down and opposite_figures(fig, other) and not text.startswith(("-", "−")):
        return "-" + text
    return text


def _change_text(fp: FigurePair, lang: str) -> str:
    if fp.ratio is not None:  # over +100 %: 1.35万亿元 -> 2.15万亿元 reads ×1.59, not +59%… (figures.rules)
        return "×" + _plain(fp.ratio, 2)
    if fp.pp_change is not None:
        return _signed(fp.pp_change, 2) + ("个百分点" if lang == "zh" else " pp")
    if fp.pct_change is not None:
        return _signed(fp.pct_change, 1) + "%"
    if fp.delta is not None and fp.new is not None:
        return _signed(fp.delta, 2) + ("" if lang == "zh" else " ") + fp.new.unit
    return ""


def _sort_number(value: Decimal | None) -> str:
    return "" if value is None else _plain(value, 6)


def _sibling_positions(report: Report) -> dict[str, int]:
    """Each section's place among its siblings, 1-based, for all sections at once (one sort, not a
    scan of every section per moved section: a report of thousands of parts stays linear)."""
    # the preamble is a level-1 section without a heading; readers do not count it as a part
    starts: dict[tuple[str | None, int], list[int]] = {}
    for s in report.sections:
        if s.role is not Role.PREAMBLE:
            starts.setdefault((s.parent, s.level), []).append(s.span.start)
    for group in starts.values():
        group.sort()
    return {s.id: 1 + bisect.bisect_left(starts.get((s.parent, s.level), []), s.span.start)
            for s in report.sections}


def _marked(section: Section) -> str:
    """The heading as a reader knows it: with "一、" or "(二)", without Markdown's "##"."""
    # a marker damaged in the source ("二)") shows as the outline recovered it ("（二）")
    written = section.recovered_marker or section.marker
    marker = "" if written.strip().strip("#") == "" else written
    return (marker + section.heading).strip()


def _heading(section: Section | None, labels: dict[str, str]) -> str:
    if section is None:
        return ""
    return _marked(section) or labels["preamble"]


# --------------------------------------------------------------------------- the context

# Which view a context is built for: a row's merged pieces are read by the page only, its two
# sides by the Markdown only; "all" builds both.
View = Literal["html", "md", "all"]


def build_context(c: Comparison, *, lang: str | None = None, view: View = "all") -> dict[str, Any]:
    """Everything the HTML and Markdown templates show, already counted, sorted and labelled.

    `view` "html" or "md" leaves out the rows' parts only the other view reads (their lists empty).
    """
    language = "zh" if (lang or c.new.metadata.language) == "zh" else "en"
    basis = _year_basis(c)
    years = {"old": _year(c.old, language, "old", basis), "new": _year(c.new, language, "new", basis)}
    labels = page_labels(language, years)
    old_plan, new_plan = c.old.plan_ids, c.new.plan_ids

    figure_rows = [i for i, fp in enumerate(c.figure_pairs) if _is_changed(fp)]
    old_marks, new_marks = _collect_marks(c, figure_rows)
    pairs, old_rows, new_rows = _pairs(c, labels, language, old_marks, new_marks, view)
    figures = _figures(c, figure_rows, language, labels, old_rows, new_rows)
    plan = plan_view(c, labels, language, new_plan,
                     item_href=lambda i, pc: f"#pi{i}" if old_rows.find(pc.item.span) else "",
                     evidence_href=lambda i, j, e: f"#ev{i}-{j}" if new_rows.find(e.span) else "")
    counts = _counts(c)
    n_changes = sum(counts["changes"].values())

    return {
        "lang": language,
        "labels": labels,
        "years": years,
        "heading": _page_heading(c, years, labels),
        "issuer_note": labels["different_issuers"] if c.issuer_warning else "",
        "years_note": _years_note(c, basis, labels),
        "old": _doc(c.old, years["old"], basis, labels),
        "new": _doc(c.new, years["new"], basis, labels),
        "summary": counts,
        "highlights": _highlights(c, labels, language, figures, plan, pairs, old_plan, new_plan),
        "dashboard": _dashboard(counts, labels, language, len(c.plan_checks) > 0),
        "change_kinds": list(CHANGE_KINDS),
        "section_statuses": list(SECTION_STATUSES),
        "plan_statuses": list(PLAN_STATUSES),
        "pairs": pairs,
        "sep": "" if language == "zh" else " ",  # between sentences drawn in one paragraph
        "open_plan": len(c.plan_checks) <= OPEN_PLAN_MAX_ITEMS,
        # big comparisons start with every section closed: the outline and highlights lead in
        "open_sections": n_changes <= OPEN_SECTIONS_MAX_CHANGES,
        "outline": [{"anchor": p["anchor"], "level": p["level"], "heading": p["new_heading"] or p["old_heading"],
                     "status": p["status"], "status_label": p["status_label"], "count": p["count"]}
                    for p in pairs],
        "figures": figures["changed"],
        "figure_chart": figures["chart"],
        "figure_groups": [g for g in (
            _figure_group("figures-gone", labels["figures_gone"], _unpaired(c, language, old_side=True)),
            _figure_group("figures-appeared", labels["figures_appeared"], _unpaired(c, language, old_side=False)),
        ) if g["rows"]],
        "figures_note": labels["figures_note"].format(
            changed=len(figure_rows), same=sum(1 for fp in c.figure_pairs if fp.old and fp.new) - len(figure_rows),
            only_old=len(figures["gone"]), only_new=len(figures["new_only"])),
        "plan": plan["rows"],
        "plan_groups": plan["groups"],
        "plan_bars": plan["bars"],
        "plan_lines": plan["lines"],
        "plan_not_found": plan["not_found"],
        "stripped": _stripped(c, language, labels, years),
        "focus": _focus_labels(labels),
        "payload": js_payload(language, labels),
    }


def page_labels(language: str, years: dict[str, str]) -> dict[str, str]:
    """The labels of a page in `language`, with the years filled in."""
    # most labels name no year: only those with a "{" are filled in
    return {k: _fill_years(v, years) if "{" in v else v for k, v in LABELS[language].items()}


def js_payload(language: str, labels: dict[str, str]) -> dict[str, Any]:
    """What report.js reads from the page's JSON data block."""
    return {"lang": language, "labels": {k: labels[k] for k in _JS_LABELS},
            # a list: tojson sorts keys; a kind another branch adds reads its generic label
            "kinds": [[k, _label(labels, k, k, language, "ChangeKind")] for k in CHANGE_KINDS],
            "focus": _focus_labels(labels)}


_JS_LABELS = ("show", "unchanged", "collapse", "prev", "next", "view", "view_merged", "view_side", "view_grid",
              "showing_only", "show_all", "sort", "no_more", "search", "search_placeholder", "menu", "expand_all",
              "collapse_all", "print_summary", "no_changes_in_view", "prev_short", "next_short")


def _fill_years(label: str, years: dict[str, str]) -> str:
    """Put the years into a label; "{old}年" becomes "2020年", or "上年" when the year is unknown."""
    for side in ("old", "new"):
        year = years[side]
        label = label.replace("{%s}年" % side, f"{year}年" if year.isdigit() else year)
        label = label.replace("{%s}" % side, year)
    return label


# ------------------------------------------------------------------ the header: which years


def _known_by_plan_year(m: Metadata) -> bool:
    """Whether readers know this document by the year it plans rather than the year it reports on.

    A 政府工作报告 delivered in March 2019 reviews 2018 and plans 2019, calls 2019 今年, and is "the
    2019 report". A report whose title names the year reported on ("关于2020年法治政府建设情况的报告")
    is known by that year whatever its plan says; so is a letter whose plan is for next year.
    """
    if m.plan_year is None or not m.plan_year_is_current or m.plan_year == m.year:
        return False
    return not (m.title and m.year is not None and str(m.year) in m.title.translate(_FULLWIDTH_DIGITS))


def _year_basis(c: Comparison | FollowUp) -> str:
    """"plan" when both documents are known by the year they plan, else "reported".

    Mixed pairs fall back to the years reported on for both, so the two header years are always
    of the same kind and the arrow never joins a plan year to a review year.
    """
    both = _known_by_plan_year(c.old.metadata) and _known_by_plan_year(c.new.metadata)
    return "plan" if both else "reported"


def header_years(c: Comparison | FollowUp) -> dict[str, int | None]:
    """The years the page header names the two documents by ("old"/"new"), None when unknown."""
    basis = _year_basis(c)
    return {side: (r.metadata.plan_year if basis == "plan" else r.metadata.year)
            for side, r in (("old", c.old), ("new", c.new))}


def _year(report: Report, language: str, side: str, basis: str = "reported") -> str:
    m = report.metadata
    year = m.plan_year if basis == "plan" else m.year
    if year:
        return str(year)
    return LABELS[language][side]


def _years_note(c: Comparison, basis: str, labels: dict[str, str]) -> str:
    """One sentence under the page heading saying what its two years are."""
    if basis == "plan":
        return labels["years_by_plan"].format(old_review=c.old.metadata.year, new_review=c.new.metadata.year)
    if c.old.metadata.year is None and c.new.metadata.year is None:
        return ""
    return labels["years_by_report"]


def _doc_years(m: Metadata, basis: str, labels: dict[str, str]) -> str:
    """What the document's years are, when more than the card's year: "回顾2018年，部署2019年工作",
    "2020; plan for 2021"."""
    if m.year is None:
        return ""
    if basis == "plan" and m.plan_year is not None:
        return labels["doc_years_plan"].format(review=m.year, plan=m.plan_year)
    if m.plan_year is not None and m.plan_year != m.year:
        return labels["doc_years_report_plan"].format(review=m.year, plan=m.plan_year)
    return ""  # the year alone: the card's year already says it


def _page_heading(c: Comparison, years: dict[str, str], labels: dict[str, str]) -> str:
    """Issuer (or, without one, the title) and the two years; the cards below say what they are."""
    issuer = c.new.metadata.issuer or c.old.metadata.issuer or c.new.metadata.title or ""
    if c.issuer_warning:
        issuer = f"{c.old.metadata.issuer} / {c.new.metadata.issuer}"
    span = f"{years['old']} → {years['new']}"
    return f"{issuer} {span}" if issuer else span


def _doc(report: Report, year: str, basis: str, labels: dict[str, str]) -> dict[str, str]:
    m = report.metadata
    return {"year": year, "years": _doc_years(m, basis, labels), "title": m.title or "",
            "issuer": m.issuer or "", "date": m.date or "", "doc_number": m.doc_number or "",
            "path": report.source.path}


def _is_changed(fp: FigurePair) -> bool:
    return fp.old is not None and fp.new is not None and bool(fp.delta)


def _collect_marks(c: Comparison, figure_rows: Sequence[int]) -> tuple[Marks, Marks]:
    old: list[Mark] = []
    new: list[Mark] = []
    for i in figure_rows:
        fp = c.figure_pairs[i]
        assert fp.old is not None and fp.new is not None
        old.append(Mark(fp.old.span, f"fo{i}", "fig"))
        new.append(Mark(fp.new.span, f"fn{i}", "fig"))
    for i, pc in enumerate(c.plan_checks):
        old.append(Mark(pc.item.span, f"pi{i}", "plan-item"))
        for j, e in enumerate(pc.evidence):
            new.append(Mark(e.span, f"ev{i}-{j}", "evidence"))
    return Marks(old), Marks(new)


class _RowIndex:
    """Rows of one side sorted by position, to find the row that holds a passage."""

    def __init__(self) -> None:
        self.items: list[tuple[int, int, str]] = []
        self.starts: list[int] = []

    def freeze(self) -> None:
        self.items.sort()
        self.starts = [s for s, _, _ in self.items]

    def find(self, span: Span) -> str:
        """Anchor of the first row overlapping `span` ("" when no row shows it)."""
        hit = self.find_span(span)
        return hit[2] if hit else ""

    def find_span(self, span: Span) -> tuple[int, int, str] | None:
        """(start, end, anchor) of the first row overlapping `span`, or None."""
        start, end = span.start, span.end
        items = self.items
        for j in range(max(bisect.bisect_right(self.starts, start) - 1, 0), len(items)):
            hit = items[j]
            if hit[0] >= end:
                break
            if hit[1] > start:
                return hit
        return None


def _label(labels: dict[str, str], key: str, member: Any, language: str, enum_name: str) -> str:
    """A label from the page's table, else the generic enum label (an unknown member never fails)."""
    return labels.get(key) or enum_label(member, language, enum_name)


def _pairs(c: Comparison, labels: dict[str, str], language: str, old_marks: Marks, new_marks: Marks,
           view: View) -> tuple[list[dict[str, Any]], _RowIndex, _RowIndex]:
    old_rows, new_rows = _RowIndex(), _RowIndex()
    old_items, new_items = old_rows.items, new_rows.items
    make_row = _RowMaker(c, labels, language, old_marks, new_marks, view).row
    where = paragraph_index(c.old, c.new)
    pairs: list[dict[str, Any]] = []
    diffs = {d.pair_index: d for d in c.diffs}
    positions: dict[str, dict[str, int]] = {}
    for i, pair in enumerate(c.section_pairs):
        diff = diffs.get(i)
        srows = diff.rows if diff else ()
        old_sec = _section(c.old, pair.old_id)
        new_sec = _section(c.new, pair.new_id)
        one_sided = pair.status in (PairStatus.ADDED, PairStatus.REMOVED)

        def badged(r: SentenceRow) -> bool:
            # "added" on every sentence of an added section says nothing the section badge does not
            return r.kind is not None and not (one_sided and r.kind in (ChangeKind.ADDED, ChangeKind.REMOVED))

        rows: list[dict[str, Any]] = []
        for k, r in enumerate(srows):
            anchor = f"r{i}-{k}"
            if r.old is not None:
                old_items.append((r.old.start, r.old.end, anchor))
            if r.new is not None:
                new_items.append((r.new.start, r.new.end, anchor))
            rows.append(make_row(r, anchor, badged(r)))
        slots = moved_away_slots(srows)
        blocks = _blocks(i, srows, rows, group_blocks(srows, where), slots, badged, labels, one_sided,
                         old_sec.heading_span if old_sec else None, new_sec.heading_span if new_sec else None)
        for after, moved in slots.items():  # a moved sentence says from which way it came
            for m in moved:
                rows[m]["moved_label"] = labels["moved_from"] if after < m else labels["moved_from_later"]
        present = {r["kind"] for r in rows}
        kinds = [k for k in CHANGE_KINDS if k in present]
        shown = new_sec or old_sec
        n_changes = sum(1 for r in rows if r["kind"])
        old_heading, new_heading = _heading(old_sec, labels), _heading(new_sec, labels)
        pairs.append({
            "anchor": f"p{i}",
            "status": pair.status.value,
            "status_label": _label(labels, f"sec_{pair.status.value}", pair.status, language, "PairStatus")
            if pair.status is not PairStatus.MATCHED else "",
            "level": shown.level if shown else 1,
            "old_heading": old_heading,
            "new_heading": new_heading,
            "both_headings": bool(old_sec and new_sec and old_heading != new_heading),
            "note": _pair_note(c, pair.status, old_sec, new_sec, labels, positions),
            "changed": n_changes > 0 or pair.status is not PairStatus.MATCHED,
            "count": n_changes,
            "n_changes": labels["n_changes"].replace("{n}", str(n_changes)) if n_changes else "",
            "kinds": kinds,
            "rows": rows,
            "blocks": blocks,
            "heading_only": not rows,
            # an appendix (glossary, attachment list, table) is shown, folded
            "collapsed": shown is not None and (c.new if new_sec else c.old).effective_role(shown.id) is Role.APPENDIX,
        })
    old_rows.freeze()
    new_rows.freeze()
    return pairs, old_rows, new_rows


def _blocks(i: int, srows: Sequence[SentenceRow], rows: list[dict[str, Any]], grouped: list[list[int]],
            slots: dict[int, list[int]], badged: Callable[[SentenceRow], bool], labels: dict[str, str],
            one_sided: bool, old_head: Span | None, new_head: Span | None) -> list[dict[str, Any]]:
    """The paragraph blocks of section pair `i`: its rows as runs, single sentences and "moved away"
    markers (render/blocks.py), with what the page's filters read off each block."""
    blocks: list[dict[str, Any]] = []
    for b, block in enumerate(grouped):
        items = []
        for side, ks in runs_of(block, srows, badged):
            if side == "row":  # one sentence, no run badge
                items.append({"side": side, "rows": [rows[ks[0]]], "badge": "", "kind": rows[ks[0]]["kind"]})
            else:
                kinds: list[str] = list(dict.fromkeys(str(rows[k]["kind"]) for k in ks))
                ordered = [k for k in RUN_ORDER if k in kinds] + [k for k in kinds if k not in RUN_ORDER]
                items.append({"side": side, "rows": [rows[k] for k in ks],
                              "badge": " · ".join(labels.get(k, k) for k in ordered),
                              "kind": ordered[0] if ordered else ""})
            for k in ks if slots else ():
                for m in slots.get(k, []):
                    items.append({"side": "moved_away", "rows": [rows[m]], "badge": "", "kind": "moved",
                                  "label": labels["moved_to"] if m > k else labels["moved_to_earlier"]})
        if -1 in slots and b == 0:
            items[:0] = [{"side": "moved_away", "rows": [rows[m]], "badge": "", "kind": "moved",
                          "label": labels["moved_to"]} for m in slots[-1]]
        kinds_in = [kind for kind in (rows[k]["kind"] for k in block) if kind]
        # the section's own heading line: the sticky header shows it already, so it is drawn small
        heading_line = all(_inside(srows[k].old, old_head) and _inside(srows[k].new, new_head) for k in block)
        whole = ""
        if kinds_in and not one_sided:
            sides = {("new" if srows[k].old is None else "old" if srows[k].new is None else "both") for k in block}
            if len(sides) == 1 and sides != {"both"}:
                whole = next(iter(sides))
        blocks.append({
            "anchor": f"b{i}-{b}",
            "parts": items,
            "kinds": list(dict.fromkeys(kinds_in)),
            "changed": bool(kinds_in),
            "whole": whole,
            "heading_line": heading_line,
        })
    return blocks


def _inside(span: Span | None, outer: Span | None) -> bool:
    """True when there is no span, or it lies within `outer` (False when `outer` is None)."""
    if span is None:
        return True
    return outer is not None and outer.start <= span.start and span.end <= outer.end and len(outer) > 0


def _section(report: Report, sid: str | None) -> Section | None:
    if not sid:
        return None
    try:
        return report.section(sid)
    except KeyError:
        return None


def _pair_note(c: Comparison, status: PairStatus, old_sec: Section | None, new_sec: Section | None,
               labels: dict[str, str], positions: dict[str, dict[str, int]]) -> str:
    """The line under a pair's headings; `positions` keeps each side's sibling positions once
    computed ("old", "new")."""
    if status is PairStatus.RENAMED and old_sec and new_sec:
        return (labels["note_renamed"].replace("{old_heading}", _heading(old_sec, labels))
                .replace("{new_heading}", _heading(new_sec, labels)))
    if status is PairStatus.MOVED and old_sec and new_sec:
        if not positions:
            positions.update(old=_sibling_positions(c.old), new=_sibling_positions(c.new))
        return (labels["note_moved"].replace("{old_pos}", str(positions["old"][old_sec.id]))
                .replace("{new_pos}", str(positions["new"][new_sec.id])))
    notes = {"added": "note_added", "removed": "note_removed", "split": "note_split", "merged": "note_merged"}
    return labels.get(notes.get(status.value, ""), "")


class _RowMaker:
    """Draws the sentence rows of one page: what every row reads (texts, marks, labels, the changed
    figures by position) is looked up once per page, not once per row."""

    def __init__(self, c: Comparison, labels: dict[str, str], language: str, old_marks: Marks, new_marks: Marks,
                 view: View) -> None:
        self.c, self.labels, self.language, self.view = c, labels, language, view
        self.old_marks, self.new_marks = old_marks, new_marks
        self.fig_old = sorted((fp.old.span.start, i) for i, fp in enumerate(c.figure_pairs)
                              if _is_changed(fp) and fp.old is not None)
        self.fig_starts = [s for s, _ in self.fig_old]
        self.kind_labels: dict[ChangeKind, str] = {}

    def row(self, r: SentenceRow, anchor: str, badge: bool) -> dict[str, Any]:
        c, view = self.c, self.view
        old, new, kind = r.old, r.new, r.kind
        figures: list[str] = []
        if kind is None:
            value = label = ""
        else:
            value = kind._value_
            label = self.kind_labels.get(kind) or self.kind_labels.setdefault(
                kind, _label(self.labels, value, kind, self.language, "ChangeKind"))
            if old is not None and new is not None:
                fig_starts = self.fig_starts
                lo = bisect.bisect_left(fig_starts, old.start)
                hi = bisect.bisect_left(fig_starts, old.end, lo)
                for _, i in self.fig_old[lo:hi]:
                    fp = c.figure_pairs[i]
                    if fp.new is not None and new.start <= fp.new.span.start < new.end:
                        figures.append(format_figure_change(fp, c.old, c.new, self.language))
        return {
            "anchor": anchor,
            "kind": value,
            "label": label,
            "badge": badge,
            "pieces": merged_pieces(r, c.old, c.new, self.old_marks, self.new_marks) if view != "md" else [],
            "old": side_pieces(r, c.old, Op.DELETE) if view != "html" else [],
            "new": side_pieces(r, c.new, Op.INSERT) if view != "html" else [],
            "both": old is not None and new is not None,
            "figures": figures,
            "moved_label": "",
        }


def _figures(c: Comparison, figure_rows: Sequence[int], language: str, labels: dict[str, str],
             old_rows: _RowIndex, new_rows: _RowIndex) -> dict[str, Any]:
    changed = []
    for order, i in enumerate(figure_rows):
        fp = c.figure_pairs[i]
        assert fp.old is not None and fp.new is not None
        old_hit, new_hit = old_rows.find_span(fp.old.span), new_rows.find_span(fp.new.span)
        changed.append({
            "anchor": f"fig-{i}",
            "order": order,
            "label": neutral_label(_figure_label(fp.new, language)) if opposite_changes(fp)
            else _figure_label(fp.new, language),
            "period": _period(fp.new, labels, language),
            "kind": _figure_kind(c, fp, labels, language),
            "old": _figure_cell(fp.old, c.old, language, fp.new),
            "new": _figure_cell(fp.new, c.new, language, fp.old),
            "old_href": f"#fo{i}" if old_hit else "",
            "new_href": f"#fn{i}" if new_hit else "",
            "old_sentence": " ".join(c.old.source.text[old_hit[0]:old_hit[1]].split()) if old_hit else "",
            "new_sentence": " ".join(c.new.source.text[new_hit[0]:new_hit[1]].split()) if new_hit else "",
            "change": _change_text(fp, language),
            "section": _section_heading(c.new, fp.new),
            "sort_old": _sort_number(fp.old.base_value if fp.old.base_value is not None else fp.old.value),
            "sort_new": _sort_number(fp.new.base_value if fp.new.base_value is not None else fp.new.value),
            # unit-aware: by relative change, which compares 亿元 with 万人; pp only for rates
            "sort_change": _sort_number(fp.pct_change if fp.pct_change is not None
                                        else fp.pp_change if fp.pp_change is not None else fp.delta),
            "rising": bool(fp.delta is not None and fp.delta > 0),
        })
    gone = [_one_sided_figure(fp.old, c.old, old_rows, labels, language)
            for fp in c.figure_pairs if fp.old is not None and fp.new is None]
    new_only = [_one_sided_figure(fp.new, c.new, new_rows, labels, language)
                for fp in c.figure_pairs if fp.new is not None and fp.old is None]
    return {"changed": changed, "chart": _chart(c, figure_rows, changed), "gone": gone, "new_only": new_only}


def _one_sided_figure(fig: Figure, report: Report, rows: _RowIndex, labels: dict[str, str],
                      language: str) -> dict[str, str]:
    """A figure only one side has, with a link to the row that shows it ("" when none does)."""
    anchor = rows.find(fig.span)
    return {"label": fig.label or "—", "value": report.text_of(fig.span), "period": _period(fig, labels, language),
            "section": _section_heading(report, fig), "href": f"#{anchor}" if anchor else ""}


def _period(fig: Figure, labels: dict[str, str], language: str) -> str:
    if fig.period:
        return fig.period
    return enum_label(fig.period_kind, language, "PeriodKind")


def _figure_kind(c: Comparison, fp: FigurePair, labels: dict[str, str], language: str) -> str:
    """What the figure is: its own kind when the figures stage names one, else the part it sits in."""
    fig = fp.new or fp.old
    kind = getattr(fig, "kind", None)
    if isinstance(kind, Enum):
        return labels.get(f"figure_kind_{kind.value}") or enum_label(kind, language, type(kind).__name__)
    sec = _section(c.new, fig.section_id) if fig is not None and fp.new is not None else None
    if sec is None:
        return labels["kind_other"]
    if sec.role in (Role.PLAN, Role.TARGETS):
        return labels["kind_target"]
    if sec.role is Role.REVIEW:
        return labels["kind_outcome"]
    return labels["kind_other"]


CHART_BAR_H = 18  # px per bar of the inline SVG chart
CHART_LABEL_W = 190
CHART_W = 560
CHART_MAX = 16  # bars: the largest moves; the table lists all


def _chart(c: Comparison, figure_rows: Sequence[int], changed: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars of relative change (pp for rates) for the changed figures, largest first, as numbers
    the template draws into an inline SVG. A bar past the scale is cut and marked."""
    items = []
    for row, i in zip(changed, figure_rows):
        fp = c.figure_pairs[i]
        value = fp.pct_change if fp.pct_change is not None else fp.pp_change
        if value is None:
            continue
        items.append((abs(value), row["order"], value, row))
    items.sort(key=lambda t: (-t[0], t[1]))
    items = items[:CHART_MAX]
    if not items:
        return {}
    scale = min(max(t[0] for t in items), Decimal(100)) or Decimal(1)
    half = (CHART_W - CHART_LABEL_W) / 2
    zero = CHART_LABEL_W + half
    bars = []
    for n, (_, _, value, row) in enumerate(items):
        length = float(min(abs(value), scale) / scale) * (half - 40)
        x = zero if value >= 0 else zero - length
        bars.append({"y": n * CHART_BAR_H + 4, "x": round(x, 1), "w": round(max(length, 1.0), 1),
                     "label": row["label"][:14], "text": row["change"], "cut": abs(value) > scale,
                     "text_x": round(zero + length + 4 if value >= 0 else zero - length - 4, 1),
                     "anchor": "start" if value >= 0 else "end", "href": "#" + row["anchor"]})
    return {"bars": bars, "width": CHART_W, "height": len(bars) * CHART_BAR_H + 8, "zero": zero,
            "label_x": CHART_LABEL_W - 6}


def _figure_label(fig: Figure, language: str) -> str:
    """The label, with the kind when it is not an outcome: the same measure can stand twice in a
    table, once as last year's result and once as this year's target (issue 19)."""
    if fig.kind is FigureKind.OUTCOME:
        return fig.label
    kind = LABELS[language][f"figure_kind_{fig.kind.value}"]
    return f"{fig.label}（{kind}）" if language == "zh" else f"{fig.label} ({kind})"


def _unpaired(c: Comparison, language: str, *, old_side: bool) -> list[dict[str, str]]:
    """Figures of one side that pair with none of the other's, in document order, each with its
    sentence, so a reader sees what disappeared or appeared (issue 19)."""
    report = c.old if old_side else c.new
    figs = [fp.old if old_side else fp.new for fp in c.figure_pairs
            if (fp.old is None) != (fp.new is None) and (fp.old if old_side else fp.new) is not None]
    out = []
    for fig in sorted((f for f in figs if f is not None), key=lambda f: (f.span.start, f.span.end)):
        sentence = report.text_of(fig.sentence) if fig.sentence else report.text_of(fig.span)
        out.append({"label": fig.label, "text": report.text_of(fig.span),
                    "kind": LABELS[language].get(f"figure_kind_{fig.kind.value}", fig.kind.value),
                    "sentence": _preview(sentence, UNPAIRED_SENTENCE_CHARS)})
    return out


def _figure_group(anchor: str, title: str, rows: list[dict[str, str]]) -> dict[str, Any]:
    return {"id": anchor, "title": f"{title}（{len(rows)}）" if title[-1:] > "\u2e7f" else f"{title} ({len(rows)})",
            "rows": rows}


def _figure_cell(fig: Figure, report: Report, language: str, other: Figure) -> str:
    """The figure as written, plus its period when it covers several years and its counterpart
    does not (1.9%（五年来） next to one year's 2.1%), so the reader sees what is compared."""
    text = figure_written(fig, report, other)
    if fig.period_kind is PeriodKind.MULTI_YEAR and other.period_kind is not PeriodKind.MULTI_YEAR and fig.period:
        return f"{text}（{fig.period}）" if language == "zh" else f"{text} ({fig.period})"
    return text


def _section_heading(report: Report, fig: Figure) -> str:
    sec = _section(report, fig.section_id)
    return _marked(sec) if sec else ""


def _preview(text: str, limit: int = 0) -> str:
    """The start of `text`, its whitespace folded, cut after `limit` characters ("…" when cut)."""
    limit = limit or EVIDENCE_PREVIEW_CHARS
    if len(text) > 2 * limit:
        # a long passage (an evidence paragraph): folding its start gives the start of the folded whole
        head = " ".join(text[:2 * limit].split())
        if len(head) > limit:
            return head[:limit].rstrip() + "…"
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


# Reason codes whose words differ from the status's own words (render/labels words every code
# with its numbers for the 「依据」 disclosure; these are the words shown without numbers).
_REASON_WORDS: dict[ReasonCode, str] = {
    ReasonCode.REVIEW_PASSAGE_BEGUN: "reason_partly_begun",
    ReasonCode.RESTATED: "reason_restated",
    ReasonCode.TARGET_RESTATED: "reason_restated",
    ReasonCode.TARGET_SET_AGAIN: "reason_restated",
    ReasonCode.TARGET_IN_WORDS: "reason_unknown_words",
    ReasonCode.TARGET_MULTI_YEAR: "reason_unknown_years",
    ReasonCode.NO_OUTCOME: "reason_unknown",
}


# Bound words a report writes before the number (超过900亿元, 不低于11.1%, and every English one: over
# $5 billion); the others follow it (11%以上).
_QUALIFIER_BEFORE = frozenset(ZH_QUALIFIERS_BEFORE)


def _as_said(fig: Figure) -> str:
    """A figure with its bound words where the report writes them: 「超过900亿元」, 「11%以上」."""
    words = [w for w in fig.qualifier.split("、") if w]
    before = "".join(w + " " if w.isascii() else w for w in words if w in _QUALIFIER_BEFORE or w.isascii())
    after = "".join(w for w in words if w not in _QUALIFIER_BEFORE and not w.isascii())
    value = format(fig.value.normalize(), "f")
    if fig.value_high is not None:
        value += "–" + format(fig.value_high.normalize(), "f")
    return f"{before}{value}{fig.unit}{after}"


def plan_reason_words(pc: PlanCheck, old: Report, new: Report, labels: dict[str, str]) -> str:
    """The reason of a plan check in words a reader uses, stating the result (never a rule or a score)."""
    status = pc.status.value
    if pc.item.kind is PlanItemKind.TARGET and pc.status in (PlanStatus.MET, PlanStatus.NOT_MET):
        target = old.text_of(pc.item.target.span) if pc.item.target else ""
        actual = new.text_of(pc.actual.span) if pc.actual else ""
        signed = str(pc.reason.get("actual") or "") if pc.reason else ""
        if signed.startswith("-") and not actual.startswith(("-", "−")):
            actual = "-" + actual  # a fall against a growth target (下降2.1% for 增长5%): -2.1%
        if pc.actual is not None:
            actual += pc.actual.months_covered  # the months so far, not the whole year
        key = f"reason_target_{status}_{pc.item.direction}"
        template = labels.get(key) or labels[f"reason_target_{status}"]
        return template.format(actual=actual, target=target)
    code = pc.reason.code if pc.reason else None
    if code is ReasonCode.TARGET_DUE_LATER and pc.reason is not None:
        return labels["reason_unknown_year"].format(year=pc.reason.get("year"))
    if code is ReasonCode.TARGET_BOUND_ONLY and pc.reason is not None and pc.actual is not None \
            and pc.item.target is not None:
        return labels["reason_unknown_bound"].format(actual=_as_said(pc.actual) + pc.actual.months_covered,
                                                     target=_as_said(pc.item.target))
    if code in _REASON_WORDS:
        return labels[_REASON_WORDS[code]]
    return labels.get(f"reason_{status}", "")


def plan_view(c: Comparison | FollowUp, labels: dict[str, str], language: str, in_plan: frozenset[str], *,
              item_href: Callable[[int, PlanCheck], str], evidence_href: Callable[[int, int, Evidence], str],
              ) -> dict[str, Any]:
    """The plan checks as rows, grouped by the old plan's parts, with the status bars, the two
    honest lines and the not-found list. The caller says where items and evidence link to."""
    rows: list[dict[str, Any]] = []
    for i, pc in enumerate(c.plan_checks):
        rows.append({
            "anchor": f"plan-{i}",
            "status": pc.status.value,
            "status_label": _label(labels, pc.status.value, pc.status, language, "PlanStatus"),
            "kind": pc.item.kind.value,
            "kind_label": enum_label(pc.item.kind, language, "PlanItemKind"),
            "section": pc.item.section_id,
            "item": " ".join(c.old.text_of(pc.item.span).split()),
            "item_href": item_href(i, pc),
            "target": c.old.text_of(pc.item.target.span) if pc.item.target else "",
            "actual": c.new.text_of(pc.actual.span) if pc.actual else "",
            "reason": plan_reason_words(pc, c.old, c.new, labels),
            "basis": reason_text(pc.reason, language),
            "evidence": [
                {"text": _preview(c.new.text_of(e.span)), "score": f"{e.score:.2f}", "matched_by": e.matched_by,
                 "href": evidence_href(i, j, e),
                 # a passage of the new plan says the work is still to do, not that it was done
                 "in_plan": e.section_id in in_plan}
                for j, e in enumerate(pc.evidence)
            ],
        })
    groups: list[dict[str, Any]] = []
    for row in rows:
        if not groups or groups[-1]["section"] != row["section"]:
            sec = _section(c.old, row["section"])
            groups.append({"section": row["section"], "rows": [],
                           "heading": (sec.marker + sec.heading.split("。")[0]).strip() if sec
                           else labels["plan_other_part"]})
        groups[-1]["rows"].append(row)
    return {"rows": rows, "groups": groups, **plan_summary(c.plan_checks, labels, language),
            "not_found": [r for r in rows if r["status"] == PlanStatus.NOT_FOUND.value]}


def plan_summary(checks: Sequence[PlanCheck], labels: dict[str, str], language: str) -> dict[str, Any]:
    """Status bars (one per status present, widths in per cent of all items) and the two honest
    lines: commitments by status, targets met over those that could be judged."""
    total = len(checks)
    counts = Counter(pc.status.value for pc in checks)
    order = list(PLAN_STATUSES) + sorted(s for s in counts if s not in PLAN_STATUSES)
    bars = [{"status": s, "label": _label(labels, s, s, language, "PlanStatus"), "count": counts[s],
             "width": f"{100 * counts[s] / total:.1f}", "href": f"#only-plan-{s}" if s in PLAN_STATUSES else "#plan"}
            for s in order if counts.get(s)]
    commitments = [pc for pc in checks if pc.item.kind is PlanItemKind.COMMITMENT]
    targets = [pc for pc in checks if pc.item.kind is PlanItemKind.TARGET]
    cc = Counter(pc.status.value for pc in commitments)
    tc = Counter(pc.status.value for pc in targets)
    judged = tc["met"] + tc["not_met"]
    lines = []
    if commitments:
        lines.append({"title": labels["plan_commitments"], "text": labels["plan_commitment_line"].format(
            total=len(commitments), addressed=cc["addressed"], partly=cc["partly"], not_found=cc["not_found"])})
    if targets:
        text = (labels["plan_target_line"].format(met=tc["met"], judged=judged, unknown=tc["unknown"]) if judged
                else labels["plan_target_none"].format(unknown=tc["unknown"]))
        lines.append({"title": labels["plan_targets"], "text": text})
    return {"bars": bars, "lines": lines}


def _highlights(c: Comparison, labels: dict[str, str], language: str, figures: dict[str, Any],
                plan: dict[str, Any], pairs: list[dict[str, Any]], old_plan: frozenset[str],
                new_plan: frozenset[str]) -> list[dict[str, Any]]:
    def heading(i: int) -> str:
        p = pairs[i]
        return str(p["new_heading"] or p["old_heading"])

    def target(i: int) -> str:
        row = plan["rows"][i]
        return f"{row['item']}（{row['reason']}）" if language == "zh" else f"{row['item']} ({row['reason']})"

    groups = highlight_groups(
        c, in_old_plan=lambda sid: sid in old_plan, in_new_plan=lambda sid: sid in new_plan,
        figure_text=lambda fp: format_figure_change(fp, c.old, c.new, language),
        figure_href=lambda i: f"#fig-{i}", section_heading=heading, target_text=target)
    out = []
    for key in GROUP_ORDER:
        items, more = groups[key]
        if key == "not_met" and not c.plan_checks:
            continue
        more_href = {"new_commitment": "#only-new_commitment", "dropped": "#only-dropped",
                     "figures": "#figures", "not_met": "#only-plan-not_met", "sections": "#outline"}[key]
        title = labels[f"hl_{key}"]
        if key in ("new_commitment", "dropped") and not groups[f"{key}_scope"][1]:
            title = labels[f"hl_{key}_any"]  # no plan part: the group covers the whole report
        empty, unjudged = labels["hl_none"], ""
        if key == "not_met":
            empty, unjudged = _not_met_notes(c, labels)
        out.append({"key": key, "title": title, "entries": as_dicts(items),
                    "more": labels["hl_more"].format(n=more) if more else "", "more_href": more_href,
                    "empty": empty, "unjudged": unjudged, "unjudged_href": "#only-plan-unknown"})
    return out


def _not_met_notes(c: Comparison, labels: dict[str, str]) -> tuple[str, str]:
    """What the targets-not-met group says when it lists none, and how many targets could not be
    judged: 「无」 beside 11 targets nobody could judge would read as "all met" (issue 14)."""
    # only targets are judged met or not; every "could not be judged" is counted, as the link shows them
    met = sum(1 for pc in c.plan_checks if pc.status is PlanStatus.MET)
    unknown = sum(1 for pc in c.plan_checks if pc.status is PlanStatus.UNKNOWN)
    if met:
        empty = labels["hl_not_met_all_met"].format(met=met)
    elif unknown:
        empty = labels["hl_not_met_none_judged"]
    else:
        empty = labels["hl_none"]
    return empty, labels["hl_unjudged"].format(n=unknown) if unknown else ""


def _stripped(c: Comparison, language: str, labels: dict[str, str], years: dict[str, str],
              ) -> list[dict[str, str]]:
    out = []
    for side, rep in (("old", c.old), ("new", c.new)):
        for s in sorted(rep.stripped, key=lambda s: (s.span.start, s.span.end)):
            out.append({"side": side, "year": years[side], "reason": stripped_label(s.reason, language),
                        "text": rep.text_of(s.span)})
        for r in rep.source.removed:
            out.append({"side": side, "year": years[side],
                        "reason": f"{stripped_label(r.reason, language)}（{labels['removed_by_reader']}）"
                        if language == "zh" else f"{stripped_label(r.reason, language)} ({labels['removed_by_reader']})",
                        "text": r.text})
    return out


def _counts(c: Comparison) -> dict[str, dict[str, int]]:
    """Counts by enum member, every member present in the model included (unknown ones too)."""
    # `_value_`: the member's value without Enum's `value` property (a Python call per row)
    changes = Counter(r.kind._value_ for d in c.diffs for r in d.rows if r.kind is not None)
    sections = Counter(p.status.value for p in c.section_pairs)
    # entries of an appendix (a glossary term added or gone) are counted, and said apart: on a
    # district's reports they were most of the sections "added" and "removed"
    appendix = Counter(p.status.value for p in c.section_pairs if in_appendix(c, p))
    plan = Counter(pc.status.value for pc in c.plan_checks)
    return {
        "changes": {k: changes[k] for k in list(CHANGE_KINDS) + sorted(set(changes) - set(CHANGE_KINDS))},
        "sections": {s: sections[s] for s in list(SECTION_STATUSES) + sorted(set(sections) - set(SECTION_STATUSES)
                                                                            - {PairStatus.MATCHED.value})},
        "appendix_sections": dict(sorted(appendix.items())),
        "plan": {s: plan[s] for s in list(PLAN_STATUSES) + sorted(set(plan) - set(PLAN_STATUSES))},
        "figures": {"changed": sum(1 for fp in c.figure_pairs if _is_changed(fp)),
                    "gone": sum(1 for fp in c.figure_pairs if fp.old is not None and fp.new is None),
                    "new_only": sum(1 for fp in c.figure_pairs if fp.new is not None and fp.old is None)},
    }


def _dashboard(counts: dict[str, dict[str, int]], labels: dict[str, str], language: str,
               has_plan: bool) -> list[dict[str, Any]]:
    """One line per group: each count with its term and a link to the filtered view."""
    known = {*CHANGE_KINDS, *SECTION_STATUSES, *PLAN_STATUSES}

    def item(prefix: str, key: str, n: int, href: str, enum_name: str) -> dict[str, Any]:
        # a filtered view exists for each member the page was built with, not for one it does not know
        return {"key": key, "label": _label(labels, f"{prefix}{key}", key, language, enum_name), "count": n,
                "href": href if n and key in known else "", "note": ""}

    changes = [item("dash_", k, n, f"#only-{k}", "ChangeKind") for k, n in counts["changes"].items()
               if n or k in _HEADLINE_KINDS]
    # measures whose value changed (the rows of the figures table) are not sentences: their own group
    n_figures = counts["figures"]["changed"]
    figures = [{"key": "figures_changed", "label": labels["dash_figures_changed"], "count": n_figures,
                "href": "#figures" if n_figures else "", "note": ""}]
    sections = [item("dash_sec_", s, n, f"#only-sec-{s}", "PairStatus") for s, n in counts["sections"].items() if n]
    for card in sections:
        if n_appendix := counts["appendix_sections"].get(card["key"], 0):
            card["note"] = labels["dash_sec_appendix_note"].format(n=n_appendix)
    plan = [item("dash_plan_", s, n, f"#only-plan-{s}", "PlanStatus") for s, n in counts["plan"].items() if n]
    return [
        {"key": "changes", "title": labels["group_changes"], "cards": changes, "empty": ""},
        {"key": "figures", "title": labels["group_figures"], "cards": figures, "empty": ""},
        {"key": "sections", "title": labels["group_sections"], "cards": sections, "empty": "" if sections else "—"},
        {"key": "plan", "title": labels["group_plan"], "cards": plan if has_plan else [],
         "empty": "" if has_plan else labels["no_plan"]},
    ]


def _focus_labels(labels: dict[str, str]) -> dict[str, str]:
    """What the "showing only" banner says for each `#only-…` target."""
    c = labels["colon"]
    out = {k: f"{labels['group_changes']}{c}{labels.get(f'dash_{k}', labels.get(k, k))}" for k in CHANGE_KINDS}
    out.update({f"sec-{s}": f"{labels['group_sections']}{c}{labels.get(f'dash_sec_{s}', s)}" for s in SECTION_STATUSES})
    out.update({f"plan-{s}": f"{labels['group_plan']}{c}{labels.get(f'dash_plan_{s}', s)}" for s in PLAN_STATUSES})
    return out

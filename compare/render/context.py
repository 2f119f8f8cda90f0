"""Stage 7, render: the view model. `Comparison` -> plain dicts and strings for the templates.

Counting, sorting, labelling and number formatting happen here, once, for the HTML and Markdown
views alike. Nothing in here is HTML: report text stays plain text and the templates escape it.
Ids come from positions (`p3`, `r3-5`, `fig-2`, `ev4-0`), never from titles.

Cost: each row, figure and plan item is looked up by bisection over the rows of its side, so the
whole view model is O(n log n) in the number of rows.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..model import (
    ChangeKind,
    Comparison,
    Figure,
    FigureKind,
    FigurePair,
    FollowUp,
    Metadata,
    Op,
    PairStatus,
    PeriodKind,
    PlanStatus,
    Report,
    Role,
    Section,
    SentenceRow,
    Span,
)
from .labels import LABELS, REASONS, reason_text
from .summary import summary_counts

__all__ = ["build_context", "header_years", "format_figure_change", "LABELS", "CHANGE_KINDS", "SECTION_STATUSES",
           "PLAN_STATUSES", "EVIDENCE_PREVIEW_CHARS"]

CHANGE_KINDS: tuple[str, ...] = tuple(k.value for k in ChangeKind)
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
# Statuses a reader may want to list; "matched" is the normal case and gets no dashboard card.
SECTION_STATUSES: tuple[str, ...] = ("added", "removed", "renamed", "moved", "split", "merged")
PLAN_STATUSES: tuple[str, ...] = tuple(s.value for s in PlanStatus)
# The three kinds a first-time reader looks for; the rest of the dashboard is smaller.
_HEADLINE_KINDS = ("new_commitment", "dropped")
# Evidence passages are whole paragraphs; the scorecard shows the start and links to the rest.
EVIDENCE_PREVIEW_CHARS = 160
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
    old_text = old.text_of(fp.old.span) if fp.old else "—"
    new_text = new.text_of(fp.new.span) if fp.new else "—"
    change = _change_text(fp, lang)
    return f"{old_text} → {new_text}" + (f" ({change})" if change else "")


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


# --------------------------------------------------------------------------- marks


@dataclass(frozen=True, slots=True)
class _Mark:
    """A passage to make addressable: `span` in one side's text, `id` for links, `cls` for looks."""

    span: Span
    id: str
    cls: str


class _Marks:
    """The marks of one side; each id is placed once, on the first piece it covers."""

    def __init__(self, marks: Iterable[_Mark]) -> None:
        self.marks = sorted(marks, key=lambda m: (m.span.start, m.span.end, m.id))
        self.starts = [m.span.start for m in self.marks]
        self.placed: set[str] = set()
        self.longest = max((len(m.span) for m in self.marks), default=0)

    def overlapping(self, span: Span) -> list[_Mark]:
        # marks starting at most `longest` before the span can still reach into it
        lo = bisect.bisect_left(self.starts, span.start - self.longest)
        hi = bisect.bisect_left(self.starts, span.end)
        return [m for m in self.marks[lo:hi] if m.span.end > span.start and m.span.start < span.end]


def _pieces(segs: Sequence[tuple[str, str]], base: int, marks: _Marks) -> list[dict[str, Any]]:
    """Split the segments of one side at mark boundaries; each piece knows its marks and anchors.

    `base` is the offset of the row's text, so segment offsets are absolute positions.
    """
    total = sum(len(t) for _, t in segs)
    hits = marks.overlapping(Span(base, base + total)) if marks.marks else []
    out: list[dict[str, Any]] = []
    pos = base
    for op, text in segs:
        if not text:
            continue
        end = pos + len(text)
        cuts = sorted({pos, end} | {b for m in hits for b in (m.span.start, m.span.end) if pos < b < end})
        for a, b in zip(cuts, cuts[1:]):
            covering = [m for m in hits if m.span.start < b and m.span.end > a]
            anchors = [m.id for m in covering if m.id not in marks.placed]
            marks.placed.update(anchors)
            out.append({
                "op": op,
                "text": text[a - pos : b - pos],
                "anchors": anchors,
                "cls": " ".join(dict.fromkeys([m.cls for m in covering] + [f"m-{m.id}" for m in covering])),
            })
        pos = end
    return out


# --------------------------------------------------------------------------- rows and pairs


def _side_segments(row: SentenceRow, text: str, keep: Op) -> list[tuple[str, str]]:
    """The row's segments for one side, or the side's text as one run when they do not rebuild it."""
    if row.segments:
        segs = [(s.op.value, s.text) for s in row.segments if s.op in (Op.EQUAL, keep)]
        if "".join(t for _, t in segs) == text:
            return segs
    if not text:
        return []
    if row.kind is None:
        return [("equal", text)]
    return [("delete" if keep is Op.DELETE else "insert", text)]


class _RowIndex:
    """Rows of one side sorted by position, to find the row that holds a passage."""

    def __init__(self) -> None:
        self.items: list[tuple[int, int, str]] = []

    def add(self, span: Span | None, anchor: str) -> None:
        if span is not None:
            self.items.append((span.start, span.end, anchor))

    def freeze(self) -> None:
        self.items.sort()
        self.starts = [s for s, _, _ in self.items]

    def find(self, span: Span) -> str:
        """Anchor of the first row overlapping `span` ("" when no row shows it)."""
        i = bisect.bisect_right(self.starts, span.start) - 1
        for j in range(max(i, 0), len(self.items)):
            s, e, anchor = self.items[j]
            if s >= span.end:
                break
            if e > span.start and s < span.end:
                return anchor
        return ""


def _sibling_position(report: Report, section: Section) -> int:
    # the preamble is a level-1 section without a heading; readers do not count it as a part
    return 1 + sum(1 for s in report.sections
                   if s.parent == section.parent and s.span.start < section.span.start
                   and s.level == section.level and s.role is not Role.PREAMBLE)


def _marked(section: Section) -> str:
    """The heading as a reader knows it: with "一、" or "(二)", without Markdown's "##"."""
    marker = "" if section.marker.strip().strip("#") == "" else section.marker
    return (marker + section.heading).strip()


def _heading(section: Section | None, labels: dict[str, str]) -> str:
    if section is None:
        return ""
    return _marked(section) or labels["preamble"]


# --------------------------------------------------------------------------- the context


def build_context(c: Comparison, *, lang: str | None = None) -> dict[str, Any]:
    """Everything the HTML and Markdown templates show, already counted, sorted and labelled."""
    language = "zh" if (lang or c.new.metadata.language) == "zh" else "en"
    basis = _year_basis(c)
    years = {"old": _year(c.old, language, "old", basis), "new": _year(c.new, language, "new", basis)}
    labels = {k: _fill_years(v, years) for k, v in LABELS[language].items()}

    figure_rows = [i for i, fp in enumerate(c.figure_pairs) if _is_changed(fp)]
    old_marks, new_marks = _collect_marks(c, figure_rows)

    pairs, old_rows, new_rows = _pairs(c, labels, language, old_marks, new_marks)
    figures = _figures(c, figure_rows, language, old_rows, new_rows)
    plan = _plan(c, labels, old_rows, new_rows, language)
    summary = summary_counts(c)

    return {
        "lang": language,
        "labels": labels,
        "years": years,
        "heading": _page_heading(c, years, labels),
        "issuer_note": labels["different_issuers"] if c.issuer_warning else "",
        "years_note": _years_note(c, basis, labels),
        "old": _doc(c.old, years["old"], basis, labels),
        "new": _doc(c.new, years["new"], basis, labels),
        "summary": summary,
        "dashboard": _dashboard(summary, labels, len(c.plan_checks) > 0),
        "change_kinds": list(CHANGE_KINDS),
        "section_statuses": list(SECTION_STATUSES),
        "plan_statuses": list(PLAN_STATUSES),
        "filters": [{"key": k, "label": labels[k], "count": summary[f"changes_{k}"]} for k in CHANGE_KINDS],
        "pairs": pairs,
        "figures": figures,
        "figure_groups": [g for g in (
            _figure_group("figures-gone", labels["figures_gone"], _unpaired(c, language, old_side=True)),
            _figure_group("figures-appeared", labels["figures_appeared"], _unpaired(c, language, old_side=False)),
        ) if g["rows"]],
        "figures_note": labels["figures_note"].format(
            changed=summary["figures_changed"],
            same=summary["figures_paired"] - summary["figures_changed"],
            only_old=summary["figures_dropped"], only_new=summary["figures_new"]),
        "plan": plan,
        "stripped": _stripped(c, language, labels, years),
        "focus": _focus_labels(labels),
        "payload": {"lang": language, "labels": {k: labels[k] for k in _JS_LABELS},
                    "kinds": [[k, labels[k]] for k in CHANGE_KINDS],  # a list: tojson sorts keys
                    "focus": _focus_labels(labels)},
    }


_JS_LABELS = ("show", "unchanged", "collapse", "prev", "next", "view", "side_by_side", "inline",
              "showing_only", "show_all", "sort", "no_more")


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


def _collect_marks(c: Comparison, figure_rows: Sequence[int]) -> tuple[_Marks, _Marks]:
    old: list[_Mark] = []
    new: list[_Mark] = []
    for i in figure_rows:
        fp = c.figure_pairs[i]
        assert fp.old is not None and fp.new is not None
        old.append(_Mark(fp.old.span, f"fo{i}", "fig"))
        new.append(_Mark(fp.new.span, f"fn{i}", "fig"))
    for i, pc in enumerate(c.plan_checks):
        old.append(_Mark(pc.item.span, f"pi{i}", "plan-item"))
        for j, e in enumerate(pc.evidence):
            new.append(_Mark(e.span, f"ev{i}-{j}", "evidence"))
    return _Marks(old), _Marks(new)


def _pairs(c: Comparison, labels: dict[str, str], language: str, old_marks: _Marks, new_marks: _Marks,
           ) -> tuple[list[dict[str, Any]], _RowIndex, _RowIndex]:
    old_rows, new_rows = _RowIndex(), _RowIndex()
    fig_old = sorted((fp.old.span.start, i) for i, fp in enumerate(c.figure_pairs)
                     if _is_changed(fp) and fp.old is not None)
    fig_starts = [s for s, _ in fig_old]
    pairs: list[dict[str, Any]] = []
    diffs = {d.pair_index: d for d in c.diffs}
    for i, pair in enumerate(c.section_pairs):
        diff = diffs.get(i)
        old_sec = c.old.section(pair.old_id) if pair.old_id else None
        new_sec = c.new.section(pair.new_id) if pair.new_id else None
        rows: list[dict[str, Any]] = []
        for k, r in enumerate(diff.rows if diff else ()):
            anchor = f"r{i}-{k}"
            old_rows.add(r.old, anchor)
            new_rows.add(r.new, anchor)
            row = _row(c, r, anchor, labels, language, old_marks, new_marks, fig_old, fig_starts)
            # "added" on every sentence of an added section says nothing the section badge does not
            row["badge"] = bool(row["kind"]) and not (
                (pair.status is PairStatus.ADDED and row["kind"] == ChangeKind.ADDED.value)
                or (pair.status is PairStatus.REMOVED and row["kind"] == ChangeKind.REMOVED.value))
            rows.append(row)
        kinds = [k for k in CHANGE_KINDS if any(r["kind"] == k for r in rows)]
        shown = new_sec or old_sec
        n_changes = sum(1 for r in rows if r["kind"])
        pairs.append({
            "anchor": f"p{i}",
            "status": pair.status.value,
            "status_label": labels[f"sec_{pair.status.value}"],
            "level": shown.level if shown else 1,
            "old_heading": _heading(old_sec, labels),
            "new_heading": _heading(new_sec, labels),
            "both_headings": bool(old_sec and new_sec
                                  and _heading(old_sec, labels) != _heading(new_sec, labels)),
            "note": _pair_note(c, pair.status, old_sec, new_sec, labels),
            "changed": n_changes > 0 or pair.status is not PairStatus.MATCHED,
            "n_changes": labels["n_changes"].replace("{n}", str(n_changes)) if n_changes else "",
            "kinds": kinds,
            "rows": rows,
            # an appendix (glossary, attachment list, table) is shown, folded
            "collapsed": shown is not None and (c.new if new_sec else c.old).effective_role(shown.id) is Role.APPENDIX,
        })
    old_rows.freeze()
    new_rows.freeze()
    return pairs, old_rows, new_rows


def _pair_note(c: Comparison, status: PairStatus, old_sec: Section | None, new_sec: Section | None,
               labels: dict[str, str]) -> str:
    if status is PairStatus.RENAMED and old_sec and new_sec:
        return (labels["note_renamed"].replace("{old_heading}", _heading(old_sec, labels))
                .replace("{new_heading}", _heading(new_sec, labels)))
    if status is PairStatus.MOVED and old_sec and new_sec:
        return (labels["note_moved"].replace("{old_pos}", str(_sibling_position(c.old, old_sec)))
                .replace("{new_pos}", str(_sibling_position(c.new, new_sec))))
    return {PairStatus.ADDED: labels["note_added"], PairStatus.REMOVED: labels["note_removed"],
            PairStatus.SPLIT: labels["note_split"], PairStatus.MERGED: labels["note_merged"]}.get(status, "")


def _row(c: Comparison, r: SentenceRow, anchor: str, labels: dict[str, str], language: str,
         old_marks: _Marks, new_marks: _Marks, fig_old: list[tuple[int, int]], fig_starts: list[int],
         ) -> dict[str, Any]:
    old_text = c.old.text_of(r.old) if r.old else ""
    new_text = c.new.text_of(r.new) if r.new else ""
    old_pieces = _pieces(_side_segments(r, old_text, Op.DELETE), r.old.start, old_marks) if r.old else []
    new_pieces = _pieces(_side_segments(r, new_text, Op.INSERT), r.new.start, new_marks) if r.new else []
    figures: list[str] = []
    if r.old is not None and r.new is not None and r.kind is not None:
        lo = bisect.bisect_left(fig_starts, r.old.start)
        hi = bisect.bisect_left(fig_starts, r.old.end)
        for _, i in fig_old[lo:hi]:
            fp = c.figure_pairs[i]
            if fp.new is not None and r.new.start <= fp.new.span.start < r.new.end:
                figures.append(format_figure_change(fp, c.old, c.new, language))
    return {
        "anchor": anchor,
        "kind": r.kind.value if r.kind else "",
        "label": labels[r.kind.value] if r.kind else "",
        "reason": r.reason,
        "old": old_pieces,
        "new": new_pieces,
        "badge_side": "new" if r.new is not None else "old",
        "figures": figures,
    }


def _figures(c: Comparison, figure_rows: Sequence[int], language: str, old_rows: _RowIndex,
             new_rows: _RowIndex) -> list[dict[str, Any]]:
    out = []
    for order, i in enumerate(figure_rows):
        fp = c.figure_pairs[i]
        assert fp.old is not None and fp.new is not None
        section = _section_heading(c.new, fp.new)
        out.append({
            "anchor": f"fig-{i}",
            "order": order,
            "label": _figure_label(fp.new, language),
            "old": _figure_cell(fp.old, c.old, language, fp.new),
            "new": _figure_cell(fp.new, c.new, language, fp.old),
            "old_href": f"#fo{i}" if old_rows.find(fp.old.span) else "",
            "new_href": f"#fn{i}" if new_rows.find(fp.new.span) else "",
            "change": _change_text(fp, language),
            "text": format_figure_change(fp, c.old, c.new, language),
            "section": section,
            "sort_old": _sort_number(fp.old.base_value if fp.old.base_value is not None else fp.old.value),
            "sort_new": _sort_number(fp.new.base_value if fp.new.base_value is not None else fp.new.value),
            "sort_change": _sort_number(fp.pp_change if fp.pp_change is not None
                                        else fp.pct_change if fp.pct_change is not None else fp.delta),
            "rising": bool(fp.delta is not None and fp.delta > 0),
        })
    return out


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
    return {"id": anchor, "title": f"{title} ({len(rows)})", "rows": rows}


def _figure_cell(fig: Figure, report: Report, language: str, other: Figure) -> str:
    """The figure as written, plus its period when it covers several years and its counterpart
    does not (1.9%（五年来） next to one year's 2.1%), so the reader sees what is compared."""
    text = report.text_of(fig.span)
    if fig.period_kind is PeriodKind.MULTI_YEAR and other.period_kind is not PeriodKind.MULTI_YEAR and fig.period:
        return f"{text}（{fig.period}）" if language == "zh" else f"{text} ({fig.period})"
    return text


def _section_heading(report: Report, fig: Figure) -> str:
    if not fig.section_id:
        return ""
    try:
        sec = report.section(fig.section_id)
    except KeyError:
        return ""
    return _marked(sec)


def _preview(text: str, limit: int = 0) -> str:
    limit = limit or EVIDENCE_PREVIEW_CHARS
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def _plan(c: Comparison, labels: dict[str, str], old_rows: _RowIndex, new_rows: _RowIndex, language: str,
          ) -> list[dict[str, Any]]:
    out = []
    in_plan = c.new.plan_ids if c.plan_checks else frozenset()
    for i, pc in enumerate(c.plan_checks):
        out.append({
            "anchor": f"plan-{i}",
            "status": pc.status.value,
            "status_label": labels[pc.status.value],
            "kind": pc.item.kind.value,
            "kind_label": labels[pc.item.kind.value],
            "item": c.old.text_of(pc.item.span),
            "item_href": f"#pi{i}" if old_rows.find(pc.item.span) else "",
            "target": c.old.text_of(pc.item.target.span) if pc.item.target else "",
            "actual": c.new.text_of(pc.actual.span) if pc.actual else "",
            "reason": reason_text(pc.reason, language),
            "evidence": [
                {"text": _preview(c.new.text_of(e.span)), "score": f"{e.score:.2f}",
                 "href": f"#ev{i}-{j}" if new_rows.find(e.span) else "",
                 # a passage of the new plan says the work is still to do, not that it was done
                 "in_plan": e.section_id in in_plan}
                for j, e in enumerate(pc.evidence)
            ],
        })
    return out


def _stripped(c: Comparison, language: str, labels: dict[str, str], years: dict[str, str],
              ) -> list[dict[str, str]]:
    reasons = REASONS[language]
    out = []
    for side, rep in (("old", c.old), ("new", c.new)):
        for s in sorted(rep.stripped, key=lambda s: (s.span.start, s.span.end)):
            out.append({"side": side, "year": years[side], "reason": reasons.get(s.reason, s.reason),
                        "text": rep.text_of(s.span)})
        for r in rep.source.removed:
            out.append({"side": side, "year": years[side],
                        "reason": f"{reasons.get(r.reason, r.reason)} ({labels['removed_by_reader']})",
                        "text": r.text})
    return out


def _card(key: str, count: int, labels: dict[str, str], href_key: str, tone: str) -> dict[str, Any]:
    return {"key": key, "label": labels[f"dash_{key}"], "count": count,
            "href": f"#{href_key}" if count else "", "tone": tone}


def _dashboard(summary: dict[str, int], labels: dict[str, str], has_plan: bool) -> list[dict[str, Any]]:
    changes = [_card(k, summary[f"changes_{k}"], labels, f"only-{k}", "main" if k in _HEADLINE_KINDS else "minor")
               for k in CHANGE_KINDS]
    changes.insert(2, _card("figures_changed", summary["figures_changed"], labels, "figures", "main"))
    # a zero is news for the headline counts ("no new commitments"), noise for the minor ones
    changes = [card for card in changes if card["count"] or card["tone"] == "main"]
    sections = [_card(f"sec_{s}", summary[f"sections_{s}"], labels, f"only-sec-{s}", "main")
                for s in SECTION_STATUSES if s in ("added", "removed", "renamed", "moved")
                or summary[f"sections_{s}"]]
    plan = [_card(f"plan_{s}", summary[f"plan_{s}"], labels, f"only-plan-{s}", "main")
            for s in PLAN_STATUSES
            if s in ("addressed", "partly", "not_found") or summary[f"plan_{s}"]]
    return [
        {"key": "changes", "title": labels["group_changes"], "cards": changes, "empty": ""},
        {"key": "sections", "title": labels["group_sections"], "cards": sections, "empty": ""},
        {"key": "plan", "title": labels["group_plan"], "cards": plan if has_plan else [],
         "empty": "" if has_plan else labels["no_plan"]},
    ]


def _focus_labels(labels: dict[str, str]) -> dict[str, str]:
    """What the "showing only" banner says for each `#only-…` target."""
    c = labels["colon"]
    out = {k: f"{labels['group_changes']}{c}{labels[f'dash_{k}']}" for k in CHANGE_KINDS}
    out.update({f"sec-{s}": f"{labels['group_sections']}{c}{labels[f'dash_sec_{s}']}" for s in SECTION_STATUSES})
    out.update({f"plan-{s}": f"{labels['group_plan']}{c}{labels[f'dash_plan_{s}']}" for s in PLAN_STATUSES})
    return out

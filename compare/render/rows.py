"""Render, HTML: the markup of the page's sentence rows, written in Python.

A section's paragraphs hold thousands of sentences, each cut into pieces (unchanged words,
deletions, insertions, marks); as jinja macros they were half the cost of a page (a macro call
and a dozen escapes per sentence). The page's structure stays in templates/ (_section_pair.html.j2
draws each section: its heading, note and the box of its paragraphs); these functions draw the
paragraph blocks in that box and the passages of the follow-up page, as the templates did, byte
for byte.

Every piece of report text, label and id goes through `escape`, which is markupsafe's escaping
(`&` `<` `>` `'` `"`); the result is `Markup`, so the template does not escape it again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from markupsafe import Markup

__all__ = ["escape", "segments", "blocks", "block_parts", "section_pairs", "TEMPLATE_GLOBALS"]


def _escape_str(text: str, /) -> str:
    """Exactly markupsafe's escaping of a str (jinja's autoescape), as a plain str."""
    return (text.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")
            .replace("'", "&#39;").replace('"', "&#34;"))


try:
    # the same escaping in C: what markupsafe.escape calls (markupsafe 3), without the Markup it
    # wraps the result in; a page escapes some ten thousand strings, a tenth of its render time
    from markupsafe._speedups import _escape_inner as escape
except ImportError:  # markupsafe 2, or built without its C speedups
    escape = _escape_str


def _pieces(pieces: Iterable[Mapping[str, Any]], out: list[str]) -> None:
    """A row's pieces in reading order: anchors first, then the text in <ins>, <del> or a span."""
    for s in pieces:
        for a in s["anchors"]:
            out.append(f'<span class="anchor" id="{escape(a)}"></span>')
        op, cls, text = s["op"], s["cls"], escape(s["text"])
        if op == "insert":
            out.append(f'<ins class="{escape(cls)}">{text}</ins>' if cls else f"<ins>{text}</ins>")
        elif op == "delete":
            out.append(f'<del class="{escape(cls)}">{text}</del>' if cls else f"<del>{text}</del>")
        elif cls:
            out.append(f'<span class="{escape(cls)}">{text}</span>')
        else:
            out.append(text)


def segments(pieces: Iterable[Mapping[str, Any]]) -> Markup:
    """The pieces of one passage (render/blocks.merged_pieces) as inline markup."""
    out: list[str] = []
    _pieces(pieces, out)
    return Markup("".join(out))


def _sentence(r: Mapping[str, Any], permalink: str, in_run: bool, out: list[str]) -> None:
    """One sentence row: its badge (none inside a run, which has one badge), pieces, changed
    figures and, when changed, a permalink."""
    kind, anchor = escape(r["kind"]), escape(r["anchor"])
    classes = (kind or "same") + (" chg" if kind else "") + ("" if r["both"] else " one")
    out.append(f'<span class="s {classes}" id="{anchor}">')
    if kind == "moved":
        out.append(f'<a class="badge k-moved" href="#mo-{anchor}">{escape(r["moved_label"] or r["label"])}</a> ')
    elif r["badge"] and not in_run:
        out.append(f'<span class="badge k-{kind}">{escape(r["label"])}</span> ')
    _pieces(r["pieces"], out)
    for f in r["figures"]:
        out.append(f' <span class="figchg">{escape(f)}</span>')
    if kind:
        out.append(f'<a class="pl" href="#{anchor}" title="{permalink}" aria-label="{permalink}">#</a>')
    out.append("</span>")


def _parts(parts: Sequence[Mapping[str, Any]], sep: str, permalink: str, out: list[str]) -> None:
    """`block_parts` into `out`, `sep` and `permalink` escaped already."""
    for n, it in enumerate(parts):
        if n:
            out.append(sep)
        side = it["side"]
        if side == "row":
            for r in it["rows"]:
                _sentence(r, permalink, False, out)
        elif side == "moved_away":
            anchor = escape(it["rows"][0]["anchor"])
            out.append(f'<a class="moved-away" id="mo-{anchor}" href="#{anchor}">{escape(it["label"])}</a>')
        else:
            kind = escape(it["kind"])
            out.append(f'<span class="run {escape(side)} run-{kind}"><span class="badge k-{kind}">'
                       f'{escape(it["badge"])}</span> ')
            for m, r in enumerate(it["rows"]):
                if m:
                    out.append(sep)
                _sentence(r, permalink, True, out)
            out.append("</span>")


def block_parts(parts: Sequence[Mapping[str, Any]], sep: str, permalink: str) -> Markup:
    """What one paragraph block holds (render/context._pairs): sentences on both sides, runs of
    one-sided sentences under one badge, and the "moved away" markers, `sep` between them."""
    out: list[str] = []
    _parts(parts, escape(sep), escape(permalink), out)
    return Markup("".join(out))


def blocks(items: Iterable[Mapping[str, Any]], sep: str, permalink: str) -> Markup:
    """A section's paragraph blocks (render/context._pairs), one <div> a line: its classes say
    whether it changed, whether it is wholly one side's, whether it is the heading line, and
    which kinds of change it holds (the filters of report.js and the no-JS CSS read them)."""
    out: list[str] = []
    sep, permalink = escape(sep), escape(permalink)
    for b in items:
        _block(b, sep, permalink, out)
    return Markup("".join(out))


def _block(b: Mapping[str, Any], sep: str, permalink: str, out: list[str]) -> None:
    """One paragraph block of `blocks` into `out`, `sep` and `permalink` escaped already."""
    classes = "block " + ("chg" if b["changed"] else "same")
    if b["whole"]:
        classes += " whole-" + b["whole"]
    if b["heading_line"]:
        classes += " hrow"
    for k in b["kinds"]:
        classes += " has-" + k
    out.append(f'<div class="{escape(classes)}" id="{escape(b["anchor"])}">')
    _parts(b["parts"], sep, permalink, out)
    out.append("</div>\n")


def _text(value: object) -> str:
    """A value as jinja prints it: str() of a non-string, then escaped."""
    return escape(value if type(value) is str else str(value))


def _pair_heads(p: Mapping[str, Any], out: list[str], *, summary: bool) -> None:
    """A pair's status badge and its heading: both reports' when they differ (in a summary line,
    wrapped for the sticky header), else the one."""
    if p["status_label"]:
        out.append(f'<span class="badge st-{_text(p["status"])}">{_text(p["status_label"])}</span> ')
    if p["both_headings"]:
        old, new = _text(p["old_heading"]), _text(p["new_heading"])
        out.append(f'<span class="heads"><span class="old">{old}</span><span class="arrow" aria-hidden="true"> → '
                   f'</span><span class="new">{new}</span></span>' if summary else
                   f'<span class="old">{old}</span> <span class="arrow" aria-hidden="true">→</span> '
                   f'<span class="new">{new}</span>')
    else:
        heading = _text(p["new_heading"] or p["old_heading"])
        out.append(f'<span class="heads one">{heading}</span>' if summary else heading)


def section_pairs(pairs: Iterable[Mapping[str, Any]], open_sections: bool, sep: str, permalink: str) -> Markup:
    """Every section pair (render/context._pairs) as an <article>: a heading-only pair is its
    heading line; any other is a disclosure (open on a small comparison, unless an appendix)
    with the count of changes, the note and its paragraph blocks."""
    out: list[str] = []
    esc_sep, esc_permalink = escape(sep), escape(permalink)
    for p in pairs:
        level = p["level"]
        classes = "".join(f" has-{_text(k)}" for k in p["kinds"])
        out.append(f'<article class="pair lvl-{_text(level if level < 4 else 4)} st-{_text(p["status"])} '
                   f'{"changed" if p["changed"] else "same"}{" heading-only" if p["heading_only"] else ""}{classes}" '
                   f'id="{_text(p["anchor"])}">\n')
        if p["heading_only"]:
            out.append('<h3 class="pair-head">')
            _pair_heads(p, out, summary=False)
            out.append("</h3>\n")
        else:
            out.append(f'<details{" open" if open_sections and not p["collapsed"] else ""}>\n'
                       '<summary class="pair-head"><h3>')
            _pair_heads(p, out, summary=True)
            if p["n_changes"]:
                out.append(f' <span class="nchg">{_text(p["n_changes"])}</span>')
            out.append("</h3></summary>\n")
            if p["note"]:
                out.append(f'<p class="note">{_text(p["note"])}</p>')
            out.append('<div class="blocks">\n')
            for b in p["blocks"]:
                _block(b, esc_sep, esc_permalink, out)
            out.append("</div>\n</details>\n")
        out.append("</article>\n")
    return Markup("".join(out))


# what the HTML environment offers every template (render/environment.html_environment)
TEMPLATE_GLOBALS = {"segments": segments, "blocks": blocks, "section_pairs": section_pairs}

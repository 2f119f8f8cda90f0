"""Stage 1, ingest: join the hard-wrapped lines of plain-text paragraphs (English text from PDFs).

Text saved from a PDF (`pdftotext -layout`, copy and paste) breaks every paragraph into lines of
the page's width, with blank lines between paragraphs. Joined, the same report compares equal to
its PDF, which the PDF reader returns one paragraph per line. Only text that is clearly like that is
touched: mostly Latin letters, many lines near one common width, blank lines between paragraphs.
Chinese text is left alone (one paragraph a line already; stray breaks are the structure stage's).
Table rows (dot leaders, column gaps) and heading or list lines are never joined. Each join is an
`Edit` with reason "line_join" whose `original` is the newline and indentation it replaced.
A paragraph that starts with a first-line indent (or a title line) but no blank line before it
gets one (reason "paragraph_break"), so paragraphs are blank-line separated throughout, as the
PDF reader writes them.

In such text the layout's typography goes too, as it does in the PDF reader: a dot leader
(". . . . ." or ".....") becomes " … " (reason "dot_leader") and a run of spaces inside a line
(column padding, justification) one space (reason "layout_space").
"""

from __future__ import annotations

from ..lazy import lazy_pattern
from ..model import Edit
from .edits import apply_replacements

__all__ = ["unwrap_hard_wrapped", "canonical_layout", "LEADER"]

# A dot leader as PDF renderings write it, with the spaces around it; "…" stands for any of them.
LEADER = lazy_pattern(r" *(?:\. ?){4,} *")
_LEADER_TEXT = " … "
_LAYOUT = lazy_pattern(r"(?P<leader> *(?:\. ?){4,} *)|(?P<gap> {2,})")

_MIN_LINES = 20  # fewer lines say nothing reliable about wrapping
# A line is "full" (wrapped, the paragraph goes on) at 70 % of the wrap width; a paragraph's
# last line is usually shorter. Wrapped text has at least 40 % full lines among its non-blank lines.
_FULL_SHARE = 0.7
_MIN_FULL_LINES = 0.4
_MAX_CJK_SHARE = 0.05  # of letters: above it the text is Chinese and left alone
_MIN_CONTENT_SHARE = 0.5  # of the wrap width: less text than that on a "full" line is right-aligned
_INDENT_STEP = 2  # columns: a deeper indent on the next line starts a new paragraph
_CLOSERS = (".", "!", "?", ":", ";", ",", "\"", "”", ")", "’", "'")
_CJK_EXT_A_AND_UNIFIED = lazy_pattern("[\u3400-\u9fff]")
_BULLET_GAP = lazy_pattern(r"^\S\s{2,}")
_TABLE_ROW = lazy_pattern(r"(?:\.\s?){4,}|\S {3,}\S")
_LIST_START = lazy_pattern(r"^\s*(?:[-•*●▪]\s|\(?\d{1,2}[.)]\s|\(?[a-z][.)]\s|[IVX]{1,5}\.\s)")


def unwrap_hard_wrapped(text: str, edits: tuple[Edit, ...]) -> tuple[str, tuple[Edit, ...]]:
    """Return `text` with wrapped paragraph lines joined, and the edits remapped onto it."""
    lines = text.split("\n")
    if not _looks_hard_wrapped(lines):
        return text, edits
    width = _wrap_width(lines)
    joins: list[tuple[int, int, str, str]] = []  # (start, end, replacement, reason) in `text`
    pos = 0
    for i, line in enumerate(lines[:-1]):
        nxt = lines[i + 1]
        end_of_line = pos + len(line)
        joins.extend(_layout_edits(line, pos))
        after = lines[i + 2] if i + 2 < len(lines) else ""
        if _joinable(line, nxt, width) and not _is_title(nxt, after, width):
            body = line.rstrip()
            start = pos + len(body)
            stop = end_of_line + 1 + (len(nxt) - len(nxt.lstrip()))
            hyphen = body.endswith("-") and len(body) > 1 and body[-2].isalpha() and nxt.lstrip()[:1].islower()
            joins.append((start, stop, "" if hyphen else " ", "line_join"))
        elif _starts_paragraph(line, nxt, after, width):
            joins.append((end_of_line, end_of_line + 1, "\n\n", "paragraph_break"))
        pos = end_of_line + 1
    joins.extend(_layout_edits(lines[-1], pos))
    if not joins:
        return text, edits
    return apply_replacements(text, edits, joins)


def canonical_layout(line: str) -> str:
    """A line without its layout typography: dot leaders as " … ", space runs as one space."""
    return _LAYOUT.sub(lambda m: _LEADER_TEXT if m.group("leader") else " ", line)


def _layout_edits(line: str, pos: int) -> list[tuple[int, int, str, str]]:
    """Leader and space-run replacements inside the line's text (not its indent or line end)."""
    start = len(line) - len(line.lstrip(" "))
    end = len(line.rstrip())
    out = []
    for m in _LAYOUT.finditer(line, start, end):
        repl, reason = (_LEADER_TEXT, "dot_leader") if m.group("leader") else (" ", "layout_space")
        if m.group() != repl:
            out.append((pos + m.start(), pos + m.end(), repl, reason))
    return out


def _looks_hard_wrapped(lines: list[str]) -> bool:
    nonblank = [ln.strip() for ln in lines if ln.strip()]
    if len(nonblank) < _MIN_LINES or len(nonblank) == len(lines):
        return False
    sample = "".join(nonblank[:400])
    letters = sum(map(str.isalpha, sample))
    cjk = len(_CJK_EXT_A_AND_UNIFIED.findall(sample))
    if not letters or cjk > _MAX_CJK_SHARE * letters:
        return False
    width = _wrap_width(lines)
    full = sum(1 for ln in lines if ln.strip() and len(ln.rstrip()) >= _FULL_SHARE * width)
    return full >= _MIN_FULL_LINES * len(nonblank)


def _wrap_width(lines: list[str]) -> float:
    lengths = sorted(len(ln.rstrip()) for ln in lines if ln.strip() and not _is_table_row(ln.strip()))
    if not lengths:
        return 0.0
    return float(lengths[int(0.9 * (len(lengths) - 1))])


def _joinable(line: str, nxt: str, width: float) -> bool:
    body, following = line.strip(), nxt.strip()
    if not body or not following:
        return False
    if len(line.rstrip()) < _FULL_SHARE * width or len(body) < _MIN_CONTENT_SHARE * width:
        return False  # a short line ends its paragraph; a right-aligned page number is not prose
    if _indent(nxt) > _indent(line) + _INDENT_STEP:
        return False  # the next line starts a paragraph with a first-line indent
    if _is_table_row(body) or _is_table_row(following) or _LIST_START.match(nxt):
        return False
    return True


def _starts_paragraph(line: str, nxt: str, after: str, width: float) -> bool:
    """`nxt` begins a paragraph (a first-line indent, or a title) with no blank line before it."""
    if not line.strip() or not nxt.strip() or _is_table_row(line.strip()) or _is_table_row(nxt.strip()):
        return False
    return _indent(nxt) > _indent(line) + _INDENT_STEP or _is_title(nxt, after, width)


def _is_title(line: str, after: str, width: float) -> bool:
    """A short line without closing punctuation, standing alone before a blank or indented line."""
    body = line.strip()
    return (len(body) < _MIN_CONTENT_SHARE * width and not body.endswith(_CLOSERS)
            and (not after.strip() or _indent(after) > _indent(line) + _INDENT_STEP))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_table_row(body: str) -> bool:
    if "   " not in body and body.count(".") < 4:
        return False  # neither branch of _TABLE_ROW can match (a quick test: most lines are prose)
    # a one-character bullet may be followed by a tab stop ("Š        Clayton Homes …")
    return bool(_TABLE_ROW.search(_BULLET_GAP.sub("", body, count=1)))

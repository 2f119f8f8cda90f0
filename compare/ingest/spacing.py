"""Stage 1, ingest: close the typographic spaces of typeset Chinese text, recorded as edits.

Typeset reports (PDF exports, some web pages) put a thin space between Chinese and digits
("约 4.4 万亿元", "2023 年工作回顾", "新增 115 家") and spread the characters of short headings
("二、农 业", "目 录"). A reader sees "4.4万亿元" and "农业"; so must figures and heading matching,
and a .docx of the same report, which has no such spaces, must read the same. Closed here:

- spaces between a Chinese character and a figure on either side of it ("4.4", "-1.7", "5.2%";
  not a code, date or time such as "QX01200-0301", "2020-12-16", "09:40"), except after a full
  stop, where a space is a break (a report copied as one line: "…新进展。 2019年是…"), and before a
  number that a colon follows, which is a term or an entry ("名词解释 1.1310：…"), not an amount;
- in a short line without sentence punctuation (a heading or a title), spaces between two Chinese
  characters when one of the two is a single character standing alone ("农 业", "综 合").
  Two longer words ("指标 单位") stay apart: they may be table column headers.

Lines of a metadata table ("生成日期 2020-12-16") keep their spaces. Only Chinese text is touched
(Chinese characters are a fair share of its letters); table rows
written by `tables.format_row` keep their " | " separators, which stand between a cell and a
pipe, never between a character and a figure. Each closed space is an `Edit` with reason
"typographic_space": an empty span in the new text whose `original` is the space.
"""

from __future__ import annotations

from ..lazy import lazy_pattern
from ..model import Edit, Language
from ..text.cjk import detect_language
from .edits import apply_replacements
from .labels import METADATA_LINE

__all__ = ["close_typographic_spaces", "is_chinese"]

_IDEO = "\u3400-\u4dbf\u4e00-\u9fff"
# A figure standing alone between spaces: digits with a decimal point or thousands separators, a
# sign, a percent sign. Not part of a code, a date or a time ("QX01200-0301", "2020-12-16", "09:40").
_FIGURE = lazy_pattern(r"(?<![A-Za-z0-9_.\-/:])[-+−]?\d+(?:[.,]\d+)*[%‰]?(?![A-Za-z0-9_\-/:])")
# What a figure's space is closed against: Chinese characters and full-width punctuation
# ("比为 6.1 ∶40.7", "增长 5.2% ，").
_CLOSES_FIGURE = lazy_pattern(rf"[{_IDEO}\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\u2236]")
# A heading or title line: short, no sentence punctuation.
_SPACED_LINE_MAX = 30
_SENTENCE_PUNCT = lazy_pattern(r"[，。；！？,;!?|]")
_HEADING_SPACE = lazy_pattern(rf"(?<=[{_IDEO}])[ \u3000]+(?=[{_IDEO}])")
_IDEO_RUN = lazy_pattern(rf"[{_IDEO}]+")
# A space after a full stop (and its closing quote) is a break between sentences or paragraphs, not
# typesetting: a report copied as one line keeps its paragraph breaks as single spaces there
# ("…取得新进展。 2019年是…").
_AFTER_FULL_STOP = lazy_pattern(r"[。！？][”’」』）)]*$")
# (searched in the few characters before the space: a search from the line start would make a
# one-line report with thousands of figures quadratic)
_FULL_STOP_LOOKBACK = 8


def close_typographic_spaces(
    text: str, edits: tuple[Edit, ...], *, chinese: bool | None = None,
) -> tuple[str, tuple[Edit, ...]]:
    """Return `text` with typographic spaces closed, and the edits remapped onto it.

    `chinese` says whether the document is Chinese (a reader of many blocks decides once for
    all of them); None decides on `text` itself.
    """
    if not (is_chinese(text) if chinese is None else chinese):
        return text, edits
    cuts: list[tuple[int, int, str, str]] = []
    pos = 0
    for line in text.split("\n"):
        body = line.strip(" \t\u3000")
        if METADATA_LINE.match(body):  # its spaces part a label from its value
            pos += len(line) + 1
            continue
        found = _figure_spaces(line)
        if len(body) <= _SPACED_LINE_MAX and not _SENTENCE_PUNCT.search(body):
            found.extend(_heading_spaces(line))
        for start, end in sorted(set(found)):
            cuts.append((pos + start, pos + end, "", "typographic_space"))
        pos += len(line) + 1
    if not cuts:
        return text, edits
    return apply_replacements(text, edits, cuts)


def _figure_spaces(line: str) -> list[tuple[int, int]]:
    """Runs of spaces between a Chinese character and a figure, on either side of the figure."""
    out = []
    for m in _FIGURE.finditer(line):
        a = m.start()
        while a > 0 and line[a - 1] == " ":
            a -= 1
        if (a < m.start() and a > 0 and _CLOSES_FIGURE.match(line[a - 1])
                and not _AFTER_FULL_STOP.search(line, max(0, a - _FULL_STOP_LOOKBACK), a)
                and not line.startswith(("：", ":"), m.end())):
            out.append((a, m.start()))
        b = m.end()
        while b < len(line) and line[b] == " ":
            b += 1
        if b > m.end() and b < len(line) and _CLOSES_FIGURE.match(line[b]):
            out.append((m.end(), b))
    return out


def _heading_spaces(line: str) -> list[tuple[int, int]]:
    runs = {m.end(): m.end() - m.start() for m in _IDEO_RUN.finditer(line)}
    starts = {m.start(): m.end() - m.start() for m in _IDEO_RUN.finditer(line)}
    out = []
    for m in _HEADING_SPACE.finditer(line):
        if runs.get(m.start()) == 1 or starts.get(m.end()) == 1:
            out.append((m.start(), m.end()))
    return out


def is_chinese(text: str) -> bool:
    """Whether Chinese characters are a fair share of the letters of the text's start (the one
    language guess, `text.cjk.detect_language`)."""
    return detect_language(text) is Language.ZH

"""Stage 2 helper, run-in items: enumerations written inside paragraphs (`一是…二是…三是…`,
`第一，…第二，…`, "First, … Second, …") found as items with spans.

Takes the text and the paragraph spans of one section (a review or plan part) and returns the
items in document order: where each starts (its marker as written) and where its heading runs.
The parser turns them into sections one level below the section they stand in, so a review
written as run-in items can pair with the numbered sections of another year and serve as evidence.

A run is only an enumeration when it counts up from one without a gap (一是, 二是, 三是 …): a lone
`二是` or `一是…三是` is a phrase, not a list. Cost is linear in the length of the paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..lazy import lazy_pattern
from ..model import Span
from ..text.numerals import parse_ordinal
from ..text.sentences import ASCII_SENTENCE_ENDS, ZH_FULL_STOPS, ZH_SENTENCE_ENDS

__all__ = ["RunInItem", "find_run_in_items", "RUN_IN_HEADING_MAX", "RUN_IN_MIN_ITEMS"]

# An item's heading is its first sentence when it is this short (the national reviews' items open
# with a 12–30 character summary sentence); otherwise its first clause.
RUN_IN_HEADING_MAX = 60
# An enumeration has at least two items (一是 and 二是).
RUN_IN_MIN_ITEMS = 2

_CN = "一二三四五六七八九十"
_EN_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# (kind, pattern, characters an item may follow inside a paragraph)
_PATTERNS: tuple[tuple[str, re.Pattern[str], str], ...] = (
    ("shi", lazy_pattern(rf"(?P<n>[{_CN}]{{1,3}})是(?=[^，。；、：\s])"), ZH_SENTENCE_ENDS + "：:;"),
    ("di", lazy_pattern(rf"第(?P<n>[{_CN}]{{1,3}})[，,、]"), ZH_SENTENCE_ENDS + "：:;"),
    ("en", lazy_pattern(r"\b(?P<n>First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)(?:ly)?,(?=\s)"),
     ".!?:;"),
)
_SPACE = " \t\u3000\u00a0\n"
_HEADING_END = lazy_pattern(rf"[{ZH_SENTENCE_ENDS}{ASCII_SENTENCE_ENDS};]|\.(?=\s|$)")
_CLAUSE_END = lazy_pattern(r"[，,：:]")


@dataclass(frozen=True, slots=True)
class RunInItem:
    """One item of a run-in enumeration. `start` is the offset of its marker; `heading_span` is
    its opening sentence (or clause), without the marker."""

    kind: str  # "shi" (一是), "di" (第一，), "en" (First,)
    number: int
    marker: str  # as written: "一是", "第一，", "First,"
    start: int
    heading_span: Span


def _number(kind: str, raw: str) -> int | None:
    if kind == "en":
        return _EN_ORDINALS.index(raw.lower()) + 1
    return parse_ordinal(raw)


def _opens_clause(text: str, para: Span, at: int, enders: str) -> bool:
    """Whether `at` starts its paragraph or follows a sentence/clause end (spaces between)."""
    k = at - 1
    while k >= para.start and text[k] in _SPACE:
        k -= 1
    return k < para.start or text[k] in enders


def _heading(text: str, start: int, limit: int) -> Span:
    m = _HEADING_END.search(text, start, limit)
    if m is not None and m.start() - start <= RUN_IN_HEADING_MAX:
        return Span(start, m.start())
    c = _CLAUSE_END.search(text, start, min(limit, start + RUN_IN_HEADING_MAX))
    end = c.start() if c is not None else min(limit, start + RUN_IN_HEADING_MAX // 2)
    return Span(start, max(start, end))


# How many characters before a run's first item are read as its lead-in.
_LEAD_IN = 60


def _lead_in(text: str, para: Span, previous: Span | None, at: int) -> str:
    """The sentence just before `at` (in its paragraph, or closing the paragraph before)."""
    if at > para.start:
        window = text[max(para.start, at - _LEAD_IN) : at]
    elif previous is not None:
        window = text[max(previous.start, previous.end - _LEAD_IN) : previous.end]
    else:
        return ""
    body = window.rstrip(_SPACE + ZH_FULL_STOPS + "." + ASCII_SENTENCE_ENDS)
    cut = max(body.rfind(c) for c in ZH_FULL_STOPS + ASCII_SENTENCE_ENDS)
    return body[cut + 1 :]


def find_run_in_items(text: str, paragraphs: Sequence[Span], *,
                      problems: re.Pattern[str] | None = None) -> list[RunInItem]:
    """The run-in items of one section's paragraphs, in document order.

    One family per section (the first that forms a run counting up from one): 第一… inside a
    一是 item is a detail of that item, not its sibling. A run whose lead-in (the words before its
    first item, in its paragraph or closing the paragraph before) matches `problems` lists
    shortcomings ("还存在一些问题：一是…") and is left as prose.
    """
    for kind, pattern, enders in _PATTERNS:
        runs: list[list[RunInItem]] = []
        dropped: set[int] = set()
        previous: Span | None = None
        for para in paragraphs:
            for m in pattern.finditer(text, para.start, para.end):
                n = _number(kind, m.group("n"))
                if n is None or not _opens_clause(text, para, m.start(), enders):
                    continue
                if n == 1:
                    runs.append([])
                    lead = _lead_in(text, para, previous, m.start())
                    if problems is not None and problems.search(lead):
                        dropped.add(len(runs) - 1)
                elif not runs or not runs[-1] or n != runs[-1][-1].number + 1:
                    continue
                head = m.end()
                while head < para.end and text[head] in _SPACE:
                    head += 1
                marker = m.group().rstrip(_SPACE)
                runs[-1].append(RunInItem(kind, n, marker, m.start(), _heading(text, head, para.end)))
            previous = para
        found = [item for k, run in enumerate(runs) if len(run) >= RUN_IN_MIN_ITEMS and k not in dropped
                 for item in run]
        if found:
            return found
    return []

"""Stage 2 helper, collapsed text: recover paragraph and heading lines when line breaks are gone.

A report copied from a web page often arrives on one line (or a few): `…取得新进展。二、2014年工作任务
2014年是…`. Takes the text and one long line's span and returns the spans of the lines the report
had, so the outline does not depend on line breaks:

1. runs of two or more spaces (a paragraph indent that survived) are breaks;
2. a heading marker (`一、` `（一）` `1.` `（1）`) right after a sentence end starts a new line;
3. a heading without final punctuation glued to its body ends where a heading word of the genre
   (回顾, 任务, 安排, 重点, 要求, 目标, 建设, 名词解释 …) meets a paragraph opener (a year, 今年, 过去,
   各位代表, “十…五”, 根据 …) or the next marker; an unmarked part heading (`2019年工作回顾`) between
   two sentences is cut out the same way when it names a part's role.

English text is cut at step 1 and before a Markdown heading marker (`… a simpler company. ## 2021
in Review …`); only Chinese text is cut at steps 2 and 3. Every character stays in exactly one returned span
(spans are trimmed of spaces). Cost is linear in the length of the line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from ..ingest.labels import LABELS
from ..lazy import lazy_pattern
from ..model import Span
from ..text.sentences import ASCII_SENTENCE_ENDS, CLOSERS, ZH_FULL_STOPS, ZH_SENTENCE_ENDS

__all__ = ["is_collapsed", "split_collapsed_line", "COLLAPSED_CHARS_PER_LINE", "HEADING_REGION_MAX", "PART_HEADING_MIN",
           "SUB_HEADING_MAX"]

# A text whose non-blank lines average this many characters has lost its line breaks: the
# one-paragraph-per-line reports of the corpus average 250–600 characters a line, a page copied
# as one line is the whole report (10,000+).
COLLAPSED_CHARS_PER_LINE = 1500
# Pieces between runs of spaces this long on average are paragraphs (the corpus's average
# paragraph is 250–600 characters); longer, the runs are stray and the breaks are lost.
PARAGRAPH_CHARS_MAX = 800
# A paragraph longer than this is rare (the corpus's longest is 1,694 characters): a piece
# this long between single spaces still holds lost breaks.
LONG_PARAGRAPH_CHARS = 2400
# A heading glued to its body ends within this many characters of its marker (the longest part
# heading of the corpus is 46 characters).
HEADING_REGION_MAX = 48
# An unmarked part heading names more than its role word (「2019年工作回顾」, not 「回顾」 opening a
# sentence such as 「回顾过去五年」).
PART_HEADING_MIN = 4

_WS = " \t\u3000\u00a0"
_SPACE_RUN = lazy_pattern(r"[ \t\u3000\u00a0]{2,}")
_CN = "一二三四五六七八九十"
# A heading starts a line after a full stop (never after ；, which runs a list inside a paragraph)
_SENTENCE_END = ZH_FULL_STOPS + ASCII_SENTENCE_ENDS
_CLOSERS = CLOSERS + "」』"
# markers that start a heading line (not 第一， or ①, which also run inside paragraphs)
_MARKER = lazy_pattern(rf"[{_CN}]{{1,3}}、(?![{_CN}]、)|第[{_CN}]{{1,3}}，|[（(][{_CN}]{{1,3}}[）)]"
                     rf"|\d{{1,2}}[.．、](?!\d)|[（(]\d{{1,2}}[）)]")
_TOP_MARKER = lazy_pattern(rf"[{_CN}]{{1,3}}、")
# Last words of part and section headings of the genre (counted over the corpus's 220 part
# headings: 回顾 68, 工作 31, 任务 23, 安排 19, 建设 12, 部署 7, 重点 6 …).
_HEAD_END = lazy_pattern(
    r"(?:回顾|工作|任务|安排|建设|部署|重点|建议|情况|思路|成就|成绩|取向|方针|目标|举措|成效|计划|打算|要求|"
    r"问题|不足|挑战|形势|政策|措施|职责|注释|解释|名词|附件|附表|一览表|实事|发展|改革|开放|水平|能力|政府)"
)
# First words of the paragraph after a heading (counted the same way: a year 79, 今年 35, 过去 16,
# 各位代表 12, “十…五” 8 …), and a marker (a heading directly followed by its first item).
_OPENER = lazy_pattern(
    rf"(?:(?:19|20|２０)\d\d年|[一二〇○]{{4}}年|今年|明年|过去|各位代表|[“\"]?[十九八][一二三四五六七八九十]?五|"
    rf"第[{_CN}]+届|根据|按照|党的|刚刚|一年来|[两三四五]年来|这[是一]|当前|面对|我们|展望|今后|未来|本届|"
    rf"[市区省县]委|党中央|国务院|全[市区省县国]|"
    rf"实践证明|综合|新的一年|一是|{_MARKER.pattern})"
)


def is_collapsed(text: str) -> bool:
    """Whether `text` has lost its line breaks: its non-blank lines are very long on average, or
    it is one line holding several sentences."""
    lines = sum(1 for line in text.split("\n") if line.strip(_WS))
    if lines == 1:
        return sum(text.count(c) for c in ZH_FULL_STOPS) >= 2 or _EN_SENTENCE_BREAK.search(text, 0) is not None
    return lines > 0 and len(text) / lines >= COLLAPSED_CHARS_PER_LINE


# A Markdown heading marker inside running English text: hashes after a space, then a space and a
# capital or a digit ("## 2021 in Review", "### Software"); "issue #12" or "C# code" are not.
_EN_MARKDOWN_MARKER = lazy_pattern(r"(?<=\s)#{1,6}[ \t]+(?=[A-Z0-9“\"'‘])")


def _pieces(text: str, start: int, end: int, gaps: Iterable[tuple[int, int]]) -> list[Span]:
    """text[start:end] cut at `gaps` ((from, to) in order, the text between left out), as
    trimmed non-empty spans in order."""
    out: list[Span] = []
    for a, b in gaps:
        part = _trim(text, start, a)
        if part:
            out.append(part)
        start = b
    last = _trim(text, start, end)
    if last:
        out.append(last)
    return out


# Two English sentence breaks on one line ("… 2019. This year … growth. We will …"): a lower-case
# letter or a digit, a full stop, a space, a capital, twice.
_EN_SENTENCE_BREAK = lazy_pattern(r"[a-z0-9][.!?][\"”’)]?\s+[A-Z“\"‘][^\n]*?[a-z0-9][.!?][\"”’)]?\s+[A-Z“\"‘]")


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return Span(start, end) if end > start else None


def _after_sentence_end(text: str, start: int, at: int, *, colon: bool = False) -> bool:
    """Whether `at` follows a full stop (or, with `colon`, a colon that introduces a list)."""
    k = at - 1
    while k >= start and text[k] in _WS:
        k -= 1
    if _FILE_NAME_END.search(text, max(start, k - 5), k + 1):
        return True  # an attachment list: 「1．附件1：名词解释.doc2．附件2：…」
    while k >= start and text[k] in _CLOSERS:
        k -= 1
    return k < start or text[k] in _SENTENCE_END or (colon and text[k] in "：:")


_FILE_NAME_END = lazy_pattern(r"\.(?:docx?|pdf|xlsx?|wps)$", re.I)
# A heading word followed by one of these goes on ("工作回顾和…", "目标与任务").
_CONTINUES = "的和与及、并暨，"
# The last words of a part heading without a marker, and starts that open sentences instead.
# Openers that never stand inside a part heading: a year with 是 / 以来, 今年, and the openers of a
# statistical communiqué's paragraphs (初步核算, 全年, 年末).
_STRONG_OPENER = lazy_pattern(r"(?:19|20)\d\d年(?:是|以来|，)|今年|初步核算|全年|年末|各位代表")
_PART_END = lazy_pattern(r"(?:回顾|任务|安排|要求|取向|计划|重点|情况|注释|解释|附件\d*|附表\d*|一览表|打算|建议|部署|成就|"
                       r"目标|工作|政府自身建设)$")
_CLOSING_WORDS = lazy_pattern(r"(?:结束语|结语)(?=[^，。、的]|$)")
# A sub-heading line without a marker before the first item of a run ("三个突破" + "第一，…").
SUB_HEADING_MAX = 24
_SHORT_RUN = lazy_pattern(rf"[^{ZH_SENTENCE_ENDS}{ASCII_SENTENCE_ENDS}：:，,、“”（）()\s]{{2,{SUB_HEADING_MAX}}}")
_FULL_STOP = lazy_pattern(rf"[{_SENTENCE_END}]")
_ITEM_MARKER = lazy_pattern(rf"第[{_CN}]{{1,3}}，|[（(][{_CN}]{{1,3}}[）)]")
_ATTACHMENT = lazy_pattern(r"附[件表]\d*$")
_NOT_A_PART_START = lazy_pattern(r"——|今年|明年|去年|我们|同时|此外|另外|其中")
_STOP = lazy_pattern(rf"[{ZH_SENTENCE_ENDS}{ASCII_SENTENCE_ENDS}：:，,]")
_AFTER_END = lazy_pattern(rf"[{_SENTENCE_END}][{_CLOSERS}]*")


def _long_enough(run: str) -> bool:
    return len(run) >= PART_HEADING_MIN or bool(_ATTACHMENT.match(run))


def _part_name(run: str, names_a_part: Callable[[str], bool]) -> bool:
    """An unmarked run between two sentences is a part heading only when it reads as one: it ends
    with a part's word (回顾, 任务, 要求, 注释 …), opens with no sentence opener or dash, and names a
    role; 「今年政府」 or 「——产业兴盐成效」 open sentences, they are not headings."""
    run = run.rstrip("：:")
    if not _PART_END.search(run) or _NOT_A_PART_START.match(run) or run.count("“") != run.count("”"):
        return False
    return names_a_part(run)


def _heading_end(text: str, start: int, end: int,
                 names_a_part: Callable[[str], bool] | None = None, *, loose: bool = True) -> int | None:
    """Where a heading without final punctuation that starts at `start` meets its body.

    A heading word followed by a paragraph opener ends it; failing that, with `names_a_part`, the
    first heading word after which the heading names a part's role and the text does not go on
    ("2004年的主要工作" + "市委三届…"), or a part's name that runs to a colon or to the end.
    """
    limit = min(end, start + HEADING_REGION_MAX)
    stop = _STOP.search(text, start, limit)
    region_end = stop.start() if stop else limit
    if loose and region_end == end and not stop and end - start <= HEADING_REGION_MAX:
        return None  # the marked heading runs to the end of its piece: it is a line already
    fallback: int | None = None
    for m in _HEAD_END.finditer(text, start, region_end):
        c = m.end()
        # 「工作回顾」: a heading word followed by another one is not the end yet
        if c >= region_end or _HEAD_END.match(text, c):
            continue
        if _OPENER.match(text, c):
            return c
        # the last place the words so far name a part and do not go on ("2009年工作总体部署")
        if loose and names_a_part is not None and text[c] not in _CONTINUES and names_a_part(text[start:c]):
            fallback = c
    if fallback is not None:
        return fallback
    if loose:
        # a topical part heading (「综合」「农业」 of a 统计公报) meets a strong paragraph opener
        strong = _STRONG_OPENER.search(text, start + 2, region_end)
        if strong is not None:
            return strong.start()
    # 「附件：」「…名词解释」 as the last words before a colon or the end of the line
    closes = region_end == end or (stop is not None and text[stop.start()] in "：:")
    if names_a_part is not None and closes and _long_enough(text[start:region_end]) and names_a_part(
            text[start:region_end]):
        return region_end + (1 if region_end < end and text[region_end] in "：:" else 0)
    return None


def _cut_points(text: str, span: Span, names_a_part: Callable[[str], bool], *, tail_only: bool) -> list[int]:
    """Where `span` (one piece of a collapsed line) is cut into lines. With `tail_only` (the
    paragraph indents survived, so each piece is a paragraph), only a heading glued to the end
    of a paragraph is cut off: a marker inside a paragraph stays inline."""
    cuts: list[int] = []
    # the last full stop before the piece's final character: a marker after it opens the tail
    last_stop = max((m.start() for m in _FULL_STOP.finditer(text, span.start, span.end - 1)), default=-1)
    for m in _MARKER.finditer(text, span.start, span.end):
        if m.start() == span.start:
            continue
        if tail_only and last_stop >= m.start():
            continue
        top = _TOP_MARKER.match(text, m.start()) is not None
        if not _after_sentence_end(text, span.start, m.start(), colon=not top):
            # a part heading right after a sentence that lost its stop: 「…提出意见一、2011年工作回顾」
            c = _heading_end(text, m.end(), span.end, names_a_part, loose=False) if top else None
            if c is None or not names_a_part(text[m.end():c]):
                continue
        cuts.append(m.start())
    heads: list[int] = []
    for at in [span.start, *cuts]:
        marker = _MARKER.match(text, at)
        if marker is not None:
            top = _TOP_MARKER.match(text, at) is not None
            c = _heading_end(text, marker.end(), span.end, names_a_part if top else None)
        else:  # the piece opens with an unmarked run: only a part heading is cut off
            c = _heading_end(text, at, span.end, names_a_part, loose=False)
            if c is not None and not (_long_enough(text[at:c].rstrip("：:")) and _part_name(text[at:c], names_a_part)):
                c = None
        if c is not None:
            heads.append(c)
    more_cuts, more_heads = _unmarked_cuts(text, span, names_a_part, tail_only=tail_only)
    return sorted(set(cuts + heads + more_cuts + more_heads))


def _unmarked_cuts(text: str, span: Span, names_a_part: Callable[[str], bool], *,
                   tail_only: bool) -> tuple[list[int], list[int]]:
    """Lines without a marker between two sentences: an unmarked part heading, the closing words
    「结束语」, a short sub-heading before its first item. Returns (line starts, heading ends)."""
    cuts: list[int] = []
    heads: list[int] = []
    # unmarked part headings between two sentences: 「…。2019年工作回顾过去一年，…」
    for m in _AFTER_END.finditer(text, span.start, span.end):
        at = m.end()
        if at >= span.end or _MARKER.match(text, at):
            continue
        closing = _CLOSING_WORDS.match(text, at)
        if closing:  # 「结束语」 before the closing words
            cuts.append(at)
            heads.append(closing.end())
            continue
        item = _ITEM_MARKER.search(text, at + 2, min(span.end, at + SUB_HEADING_MAX + 1))
        if item and _SHORT_RUN.fullmatch(text, at, item.start()):
            cuts.append(at)  # 「三个突破」 standing before its first item 「第一，…」
            cuts.append(item.start())
            continue
        if tail_only and _SHORT_RUN.fullmatch(text, at, span.end):
            cuts.append(at)  # the same line glued to the end of the paragraph before its item
            continue
        c = _heading_end(text, at, span.end, names_a_part, loose=False)
        if c is not None and _long_enough(text[at:c].rstrip("：:")) and _part_name(text[at:c], names_a_part):
            cuts.append(at)
            heads.append(c)
    return cuts, heads


# One space (or a longer run) with a non-ASCII character on either side: in Chinese running text
# only a lost line break leaves one there.
_CJK_SPACE = lazy_pattern(r"(?<=[^\x00-\x7f])[ \t\u3000\u00a0]+|[ \t\u3000\u00a0]+(?=[^\x00-\x7f])")


_MARKER_BEFORE = lazy_pattern(rf"(?:{_MARKER.pattern})$")


_METADATA_LABEL = lazy_pattern(LABELS)


def _single_space_breaks(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Spaces beside a Chinese character in text[start:end], except the space after a heading
    marker ("1. 规划国土综合改革", "一、 总体要求"), which stays with its heading, and the spaces
    inside and after a label of a metadata table ("索 引 号 QX…", "发布机构 青溪区人民政府")."""
    for m in _CJK_SPACE.finditer(text, start, end):
        a, b = m.span()
        if text[a - 1] == "|" or text[b:b + 1] == "|":  # a cell of a table row ("| 全市 |")
            continue
        if _MARKER_BEFORE.search(text, max(start, a - 6), a):
            continue
        if any(label.start() < a <= label.end()
               for label in _METADATA_LABEL.finditer(text, max(start, a - 8), min(end, m.end() + 8))):
            continue
        yield m.span()


def _paragraph_sized(text: str, pieces: list[Span], *, by_length: bool = False) -> bool:
    """Whether `pieces` are paragraphs: at least three, paragraph-sized on average, and most of them
    close a sentence (runs of spaces after a comma are stray spacing, not paragraph indents).

    `by_length` counts "most" in characters: single spaces also part the short cells of a
    metadata table ("索 引 号", "发布机构 青溪区人民政府"), which must not outvote the paragraphs."""
    total = sum(len(p) for p in pieces)
    if by_length:  # (a piece longer than a long paragraph holds breaks that were not found)
        closed = sum(len(p) for p in pieces if text[p.end - 1] in _SENTENCE_END + _CLOSERS
                     and len(p) <= LONG_PARAGRAPH_CHARS) / max(1, total)
    else:
        closed = sum(1 for p in pieces if text[p.end - 1] in _SENTENCE_END + _CLOSERS) / max(1, len(pieces))
    return len(pieces) >= 3 and total / len(pieces) <= PARAGRAPH_CHARS_MAX and closed >= 0.5


def split_collapsed_line(text: str, span: Span, *, language: str,
                         names_a_part: Callable[[str], bool]) -> list[Span]:
    """The lines a collapsed `span` of `text` held, as trimmed spans in order.

    `names_a_part(heading)` says whether an unmarked short run names a part's role (the roles
    module answers it), so only part headings are cut out of running text.
    """
    pieces = _pieces(text, span.start, span.end, (m.span() for m in _SPACE_RUN.finditer(text, span.start, span.end)))
    if language == "en":  # before each Markdown marker, which stays with its heading
        return [p for piece in pieces for p in _pieces(text, piece.start, piece.end, (
            (m.start(), m.start()) for m in _EN_MARKDOWN_MARKER.finditer(text, piece.start + 1, piece.end)))]
    if language != "zh":
        return pieces
    # the indents survived when the pieces are paragraph-sized and most of them close a sentence
    # (runs of spaces after a comma are stray spacing, not paragraph indents): then each piece is
    # a paragraph
    indented = _paragraph_sized(text, pieces)
    if not indented:
        # an indent that shrank to one space ("…取得新进展。 二、2014年工作任务 2014年是…"): a single
        # space beside a Chinese character is a break when the pieces it makes are paragraphs
        # (Chinese running text has no spaces; spaces between Latin words and digits stay)
        single = _pieces(text, span.start, span.end, _single_space_breaks(text, span.start, span.end))
        if _paragraph_sized(text, single, by_length=True):
            pieces, indented = single, True
    out: list[Span] = []
    for piece in pieces:
        start = piece.start
        for c in _cut_points(text, piece, names_a_part, tail_only=indented):
            if c <= start:
                continue
            part = _trim(text, start, c)
            if part:
                out.append(part)
            start = c
        part = _trim(text, start, piece.end)
        if part:
            out.append(part)
    return out

"""Stage 2, structure: `SourceText` -> `Report` (section tree with spans, paragraphs, stripped text).

Steps, each linear in the length of the text:
1. lines (an explicit `\\n` split); a very long line whose paragraph breaks were collapsed into
   runs of spaces is cut at those runs;
2. boilerplate lines (`boilerplate.py`) become `Stripped` records;
3. the remaining lines group into blocks: runs of lines without a blank line between them when
   the text separates paragraphs by blank lines (wiki scrapes break lines inside words), else
   one block per line;
4. each block is a heading (a marker from `headings.py`, a damaged marker, a heading line that
   lost its marker where a sibling heading is expected, a wiki lead sentence, an English title
   line) or a paragraph;
5. heading families become levels with a stack (a family ranked above the top of the stack pops
   it), numbers lost with damaged markers are recovered from the siblings, roles come from
   `roles.py` and metadata from `metadata.py`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import InputError
from ..lazy import lazy_pattern
from ..model import Metadata, Paragraph, Report, Role, Section, SourceText, Span, Stripped, StrippedReason
from ..text.cjk import detect_language
from ..text.sentences import ASCII_SENTENCE_ENDS, ZH_SENTENCE_ENDS
from .boilerplate import classify_lines
from .collapsed import is_collapsed, split_collapsed_line
from .headings import FAMILY_RANK, Marker, format_marker, is_title_line, markdown_heading_end, match_marker, split_heading
from .metadata import extract_metadata
from .next_steps import find_next_steps
from .roles import (
    PROBLEM_CUE,
    heading_plan_year,
    is_statistics,
    names_a_plan,
    plan_part_ids,
    role_of_body,
    role_of_heading,
    subsection_role,
)
from .runin import find_run_in_items
from .topics import TOPIC_RUN_MIN, find_topics

__all__ = ["parse_report", "uncovered", "COLLAPSED_LINE_MIN", "LOST_MARKER_MAX", "MAX_SECTIONS"]

# More headings than this is no report (a 300-page report has a few hundred; a list exported
# as numbered paragraphs, or 200,000 Word list items, has tens of thousands): refused with a
# sentence, since aligning and rendering that many sections is what an input limit is for.
# 10,000 parts still compare in seconds (bench/stress.py).
MAX_SECTIONS = 20_000
# A line this long with runs of 2+ spaces inside is a report whose paragraph breaks were
# collapsed into spaces; no real paragraph of the corpus reaches it while holding such runs
# except pdftotext tables, which are English and excluded.
COLLAPSED_LINE_MIN = 400
_COLLAPSED_BREAK = lazy_pattern(r"[ \t\u3000\u00a0]{2,}")
# A heading that lost its marker is a short line: the seed's four are 24–31 characters.
LOST_MARKER_MAX = 40
# A sub-heading without a marker before a run of numbered items is short ("三个突破", "强力推进八项工作").
SUB_HEADING_MAX = 24
_ITEM_FAMILIES = frozenset({"paren_cn", "ordinal_di", "arabic", "paren_arabic", "circled"})
# An unmarked part heading names more than its role word ("2019年工作回顾", never "回顾").
PART_HEADING_MIN = 4
# A heading never holds the punctuation of a sentence or a clause.
_CLAUSE_PUNCT = ZH_SENTENCE_ENDS + "：:;" + ASCII_SENTENCE_ENDS + "，,"
# Leading whitespace that marks the first line of a paragraph (two full-width or ASCII spaces).
PARAGRAPH_INDENT = 2
# An unmarked top-level heading in the opening ("首先报告２００１年的工作") is a short line.
PROMOTED_HEADING_MAX = 20
# Headings of pdftotext letters start at the left margin; table column headers are indented far.
EN_HEADING_INDENT_MAX = 8
_EN_DATE_LINE = lazy_pattern(r"^[A-Z][a-z]+ \d{1,2}, \d{4}\b")
# An English heading line is followed directly by prose; a table's title and column headers
# (one per line in text read from PDF) are followed by more table.
_PROSE_LOOKAHEAD = 1
# A wiki lead sentence (bold in the original, then a line break) is short.
LEAD_SENTENCE_MAX = 30
# Paragraphs are separated by blank lines when at least this share of line gaps is blank;
# the scraped and PDF texts of the corpus are all above 0.5, one-paragraph-per-line texts near 0.
_BLANK_SEPARATED = 0.3
_WS = " \t\u3000\u00a0"
_REPORT_TITLE = lazy_pattern(r"关于.*(报告|情况)$|报告$")
_SENTENCE_END = ZH_SENTENCE_ENDS + "”」』"
_HEADING_NEVER_ENDS = ZH_SENTENCE_ENDS + "：:;" + ASCII_SENTENCE_ENDS + "，,"  # a heading never ends so
_CLOSING = lazy_pattern(r"^(结束语|结语)$")


@dataclass(slots=True)
class _Head:
    family: str
    number: int | None
    marker: str
    rule: str
    heading: str
    heading_span: Span
    inline: bool
    level: int = 0
    recovered: str = ""


@dataclass(slots=True)
class _Block:
    span: Span
    first_line: Span
    single_line: bool
    head: _Head | None = None
    open_heading: bool = False  # a heading line whose brackets are still open
    continued_heading: bool = False  # the whole block is one heading over several lines
    indent: int = 0  # leading whitespace of the first line


def parse_report(source: SourceText) -> Report:
    """Split `source` into a section tree, body paragraphs and stripped boilerplate.

    Cost is linear in the length of the text: every step is one pass over lines or blocks.
    """
    text = source.text
    language = detect_language(text)
    lines, blank_gap, indents, after_indent = _lines(text, language, collapsed=is_collapsed(text))
    reasons = classify_lines(text, lines, language=language)
    stripped = _merge_stripped(text, lines, reasons)
    hints = {span.start: level for span, level in source.heading_hints}
    blocks = _blocks(text, lines, reasons, blank_gap, indents, after_indent, language, hints)
    _find_heads(text, blocks, language, hints)
    heads = sum(1 for b in blocks if b.head is not None)
    if heads > MAX_SECTIONS:
        raise InputError(f"{source.path}: {heads:,} headings found, over the {MAX_SECTIONS:,} limit; "
                         "is this one report? Give the report itself, not a list or an export.")
    _assign_levels(text, blocks, language)
    sections, paragraphs = _build_tree(text, blocks, language,
                                       statistics=language == "zh" and is_statistics(text))
    if language == "zh":
        sections, paragraphs = _add_next_steps(text, sections, paragraphs)
    # headings that may name the year reported on: parts, and the sections one level down
    # (English letters put "## 2020 in Review" under a "# Letter" title)
    top = [(s.heading, s.role if s.level == 1 and language == "zh" else role_of_heading(s.heading, language=language))
           for s in sections if s.level <= 2 and s.heading]
    review = next((s for s in sections if s.level == 1 and s.role is Role.REVIEW), None)
    preamble = sections[0] if sections and sections[0].role is Role.PREAMBLE else None
    plan_parts = plan_part_ids(sections, language=language)
    by_id = {sec.id: sec for sec in sections}
    plan = "\n".join(by_id[i].span.slice(text) for i in plan_parts)
    metadata = extract_metadata(
        text,
        language=language,
        metadata_lines=[lines[i].slice(text) for i, r in enumerate(reasons)
                        if r in (StrippedReason.METADATA_BLOCK, StrippedReason.DUPLICATE_METADATA)],
        signature_lines=[lines[i].slice(text) for i, r in enumerate(reasons) if r is StrippedReason.SIGNATURE],
        top_headings=top,
        preamble=text[: preamble.span.end] if preamble else text[: min(len(text), 300)],
        review=review.span.slice(text) if review else "",
        plan=plan,
        file_year=_file_year(source.path),
    )
    stripped, kept = _strip_title(text, stripped, paragraphs, sections, metadata)
    if kept is not None:
        paragraphs = kept
    sections, paragraphs = _add_run_in_items(text, sections, paragraphs)
    sections, paragraphs = _add_topics(text, sections, paragraphs)
    sections = _recount(sections, paragraphs)
    return Report(source=source, metadata=metadata, sections=tuple(sections),
                  paragraphs=tuple(paragraphs), stripped=stripped,
                  plan_parts=plan_parts)  # _recount keeps ids and roles: the plan is decided once


_FILE_YEAR = lazy_pattern(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def _file_year(path: str) -> int | None:
    """A year in the file's name ("2021.txt", "report_2021a.txt"), used only when the text names none."""
    m = _FILE_YEAR.search(path.replace("\\", "/").rsplit("/", 1)[-1])
    return int(m.group(1)) if m else None


def uncovered(report: Report) -> list[Span]:
    """Runs of non-whitespace characters covered by no paragraph, heading or stripped span,
    and runs covered more than once. Empty when nothing is lost (the contract of this stage)."""
    text = report.source.text
    spans: list[Span] = [p.span for p in report.paragraphs] + [s.span for s in report.stripped]
    para_spans = sorted(p.span for p in report.paragraphs)
    starts = [s.start for s in para_spans]
    for sec in report.sections:
        if len(sec.heading_span) and not _inside(sec.heading_span, para_spans, starts):
            spans.append(sec.heading_span)
    cover = [0] * (len(text) + 1)
    for sp in spans:
        cover[sp.start] += 1
        cover[sp.end] -= 1
    bad: list[Span] = []
    depth = 0
    run_start = last_bad = -1
    for i, ch in enumerate(text):
        depth += cover[i]
        if ch.isspace():
            continue
        if depth != 1:
            if run_start < 0:
                run_start = i
            last_bad = i
        elif run_start >= 0:
            bad.append(Span(run_start, last_bad + 1))
            run_start = -1
    if run_start >= 0:
        bad.append(Span(run_start, last_bad + 1))
    return bad


def _inside(span: Span, sorted_spans: list[Span], starts: list[int]) -> bool:
    """Whether `span` lies inside one of `sorted_spans` (sorted, non-overlapping)."""
    k = bisect.bisect_right(starts, span.start) - 1
    return k >= 0 and sorted_spans[k].start <= span.start and span.end <= sorted_spans[k].end


# --- 1. lines ------------------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return Span(start, end) if end > start else None


def _lines(text: str, language: str, *, collapsed: bool = False) -> tuple[list[Span], list[bool], list[int], list[bool]]:
    """Non-blank lines (trimmed spans); for each, whether a blank line (or a collapsed break)
    precedes it, its indentation, and whether the line before it held only an indent (a wiki
    scrape puts the indent of a paragraph that opens with a bold lead sentence on a line of its own).

    In a `collapsed` text (its line breaks gone) a long line is cut into the lines it had
    (`collapsed.split_collapsed_line`); otherwise only at runs of spaces."""
    out: list[Span] = []
    gap: list[bool] = []
    indents: list[int] = []
    after_indent: list[bool] = []
    indent_only = False
    pos = 0
    blank_before = True
    for raw in text.split("\n"):
        end = pos + len(raw)
        span = _trim(text, pos, end)
        if span is None:
            blank_before = True
            indent_only = end > pos
        elif (language == "zh" and ((collapsed and len(span) > LOST_MARKER_MAX) or (
                len(span) >= COLLAPSED_LINE_MIN and _COLLAPSED_BREAK.search(text, span.start, span.end)))) or (
                language != "zh" and collapsed and len(span) >= COLLAPSED_LINE_MIN):
            pieces = split_collapsed_line(text, span, language=language if collapsed else "",
                                          names_a_part=_names_a_part)
            out.extend(pieces)
            gap.extend([True] * len(pieces))
            indents.extend([0] * len(pieces))
            after_indent.extend([False] * len(pieces))
            blank_before = indent_only = False
        else:
            out.append(span)
            gap.append(blank_before)
            indents.append(span.start - pos)
            after_indent.append(indent_only)
            blank_before = indent_only = False
        pos = end + 1
    return out, gap, indents, after_indent


def _merge_stripped(text: str, lines: Sequence[Span], reasons: Sequence[StrippedReason | None]) -> tuple[Stripped, ...]:
    out: list[Stripped] = []
    for i, r in enumerate(reasons):
        if r is None:
            continue
        if out and out[-1].reason == r and reasons[i - 1] == r and r is not StrippedReason.SIGNATURE:
            out[-1] = Stripped(Span(out[-1].span.start, lines[i].end), r)
        else:
            out.append(Stripped(lines[i], r))
    return tuple(out)


# --- 3. blocks -----------------------------------------------------------------------------


def _blocks(text: str, lines: Sequence[Span], reasons: Sequence[StrippedReason | None], blank_gap: Sequence[bool],
            indents: Sequence[int], after_indent: Sequence[bool], language: str,
            hints: dict[int, int]) -> list[_Block]:
    body = [i for i, r in enumerate(reasons) if r is None]
    gaps = sum(1 for i in body if blank_gap[i])
    by_blank = len(body) > 0 and gaps >= _BLANK_SEPARATED * len(body)
    blocks: list[_Block] = []
    prev = -2
    for i in body:
        ln = lines[i]
        s = ln.slice(text)
        marker = match_marker(s, language=language)
        # a damaged marker (a bare `)`) inside a run of lines is a wiki line break, not a heading
        starts_head = (marker is not None and (blank_gap[i] or not marker.rule.startswith("recovered:"))) or (
            language == "en" and is_title_line(s)) or ln.start in hints
        if blocks and blocks[-1].open_heading and prev == i - 1:
            b = blocks[-1]
            b.span = Span(b.span.start, ln.end)
            b.single_line = False
            b.open_heading = _unbalanced(b.span.slice(text))
            prev = i
            continue
        # an indented line opens a paragraph even without a blank line before it (letters whose
        # wrapped lines ingest has joined keep one paragraph per indented line)
        indented = indents[i] >= PARAGRAPH_INDENT
        joins = (by_blank and blocks and not blank_gap[i] and prev == i - 1 and not starts_head
                 and not indented and not _ends_block(text, blocks[-1], language)
                 and blocks[-1].first_line.start not in hints
                 and not (language == "zh" and _ends_paragraph(text, lines[prev], blocks[-1], after_indent[prev])))
        if joins:
            b = blocks[-1]
            b.span = Span(b.span.start, ln.end)
            b.single_line = False
        else:
            b = _Block(ln, ln, True, indent=indents[i])
            if marker is not None and by_blank and not split_heading(s[marker.end:])[2] and _unbalanced(s):
                # a heading cut by a wiki link ("三、关于《" + title + "》的说明") goes on
                b.open_heading = b.continued_heading = True
            blocks.append(b)
        prev = i
    return blocks


def _ends_paragraph(text: str, line: Span, block: _Block, after_indent: bool) -> bool:
    """A Chinese line that ends a sentence ends its paragraph, unless it is a short lead
    sentence that a wiki scrape split from the paragraph it opens (after an indent-only line)."""
    if text[line.end - 1] not in _SENTENCE_END:
        return False
    return not (block.single_line and len(line) <= LEAD_SENTENCE_MAX and after_indent)


def _unbalanced(s: str) -> bool:
    return s.count("《") > s.count("》") or s.count("“") > s.count("”") or s.count("（") > s.count("）")


def _ends_block(text: str, block: _Block, language: str) -> bool:
    """A heading line ends its block: the lines after it are body, not more heading."""
    if block.continued_heading:
        return True
    if not block.single_line:
        return False
    s = block.first_line.slice(text)
    m = match_marker(s, language=language)
    if m is not None:
        return not split_heading(s[m.end:])[2]
    if language == "en":
        return is_title_line(s) or s.startswith("#")
    return bool(_CLOSING.match(s))


# --- 4. headings ---------------------------------------------------------------------------


def _find_heads(text: str, blocks: list[_Block], language: str, hints: dict[int, int]) -> None:
    seen_marked = False
    part_family = _part_family(text, blocks, language)
    for k, b in enumerate(blocks):
        s = b.first_line.slice(text)
        base = b.first_line.start
        m = match_marker(s, language=language)
        if m is not None and b.continued_heading:
            whole = b.span.slice(text)
            heading = re.sub(r"\s", "", whole[m.end:])
            b.head = _Head(m.family, m.number, m.text, m.rule, heading, b.span, False)
        elif m is not None:
            b.head = _head_from_marker(s, base, m)
        elif base in hints and b.single_line and not (language == "zh" and _REPORT_TITLE.search(s)):
            # (the <h1> title of a Chinese report stays in the preamble: it is the title, not a part)
            # a heading style of a .docx or an <h1>–<h6> of a web page
            level = min(max(hints[base], 1), 6)
            b.head = _Head(f"markdown{level}", None, "", "hint:heading_style", s, b.first_line, False)
        elif language == "zh" and b.single_line and not seen_marked and _promotable(s):
            b.head = _Head("closing", None, "", "recovered:no_marker", s, b.first_line, False)
        elif language == "zh" and b.single_line and _appendix_heading(s):
            b.head = _Head(part_family, None, "", "line:appendix", s.rstrip("：:"), b.first_line, False)
        elif language == "zh" and b.single_line and _unmarked_part(s):
            b.head = _Head(part_family, None, "", "line:part_heading", s, b.first_line, False)
        elif language == "zh" and _CLOSING.match(s) and b.single_line:
            b.head = _Head("closing", None, "", "keyword:closing", s, b.first_line, False)
        elif (language == "en" and b.single_line and is_title_line(s) and _en_heading_layout(b.indent, s)
              and _prose_follows(text, blocks, k)):
            b.head = _Head("title_line", None, "", "line:title_case", s, b.first_line, False)
        elif (language == "zh" and not b.single_line and len(s) <= LEAD_SENTENCE_MAX
              and s.endswith("。") and s.count("。") == 1):
            b.head = _Head("lead", None, "", "line:lead_sentence", s[:-1], Span(base, base + len(s) - 1), True)
        if b.head is not None and b.head.family != "lead":
            seen_marked = True


def _en_heading_layout(indent: int, s: str) -> bool:
    """English heading lines start at the margin; indented or spaced-out short lines are the
    column headers of pdftotext tables, and dot leaders are table rows."""
    return indent <= EN_HEADING_INDENT_MAX and "   " not in s and ". ." not in s and not _EN_DATE_LINE.match(s)


_PROSE = lazy_pattern(r"[a-z][.!?][\"”’)]?(\s|$)")


def _prose_follows(text: str, blocks: list[_Block], k: int) -> bool:
    """An English heading line introduces prose; table column headers introduce more table."""
    for nxt in blocks[k + 1 : k + 1 + _PROSE_LOOKAHEAD]:
        s = nxt.span.slice(text)
        if _PROSE.search(s):
            return True
    return False


def _names_a_part(s: str) -> bool:
    """Whether a short unmarked run of text names a part's role (and is not the report's title)."""
    return not _REPORT_TITLE.search(s) and role_of_heading(s, language="zh") not in (Role.OTHER, Role.PREAMBLE)


def _unmarked_part(s: str) -> bool:
    """A part heading written without `一、`: a short standalone line with no punctuation of a
    sentence or clause that names a part's role ("2019年工作回顾", "“十三五”规划的主要思路及2016年工作计划")."""
    if not PART_HEADING_MIN <= len(s) <= LOST_MARKER_MAX or any(c in _CLAUSE_PUNCT for c in s):
        return False
    return _names_a_part(s)


def _appendix_heading(s: str) -> bool:
    """名词解释, 附件1, 附件：…, 附表, …一览表 on a line of its own."""
    return len(s) <= LOST_MARKER_MAX and "。" not in s and role_of_heading(s, language="zh") is Role.APPENDIX


def _part_family(text: str, blocks: Sequence[_Block], language: str) -> str:
    """The family of unmarked part headings: above `一、` ("part") when the `一、` headings are not
    the report's parts (a report that heads its parts "2019年工作回顾" and numbers its tasks 一、二、
    inside them), else beside them ("closing"). The `一、` headings are the parts when one of them
    names the review or the problems."""
    if language != "zh":
        return "closing"
    for b in blocks:
        s = b.first_line.slice(text)
        m = match_marker(s, language=language)
        if m is not None and m.family == "cn_comma" and role_of_heading(
                _head_from_marker(s, 0, m).heading, language="zh") in (Role.REVIEW, Role.PROBLEMS):
            return "closing"
    return "part"


def _promotable(s: str) -> bool:
    """A short unmarked line before the first marked heading that names a part's role
    ("首先报告2001年的工作"): a top-level heading whose marker was never written."""
    if len(s) > PROMOTED_HEADING_MAX or s[-1] in _HEADING_NEVER_ENDS or "。" in s:
        return False
    return role_of_heading(s, language="zh") not in (Role.OTHER, Role.PREAMBLE)


def _head_from_marker(s: str, base: int, m: Marker) -> _Head:
    rest = s[m.end:]
    if m.family.startswith("markdown"):
        h_end, inline = markdown_heading_end(rest, language=m.language)
    else:
        h_end, _, inline = split_heading(rest)
    heading = rest[:h_end].strip(_WS)
    if inline:
        span = Span(base + m.end, base + m.end + h_end)
    else:
        span = Span(base, base + len(s))
    return _Head(m.family, m.number, m.text, m.rule, heading, span, inline)


def _assign_levels(text: str, blocks: list[_Block], language: str) -> None:
    """Turn families into levels, recover headings that lost their marker and lost numbers."""
    stack: list[str] = []  # families, outermost first
    last_number: dict[tuple[int, str], int] = {}  # (level, family) -> number of the last sibling
    for k, b in enumerate(blocks):
        head = b.head
        if head is None and language == "zh":
            head = _lost_marker(text, blocks, k, stack, last_number)
            b.head = head
        if head is None:
            continue
        rank = FAMILY_RANK[head.family]
        if head.family in stack:
            del stack[stack.index(head.family) + 1:]
        else:
            while stack and FAMILY_RANK[stack[-1]] >= rank:
                stack.pop()
            stack.append(head.family)
        head.level = len(stack)
        # siblings deeper than this heading are finished
        for key in [key for key in last_number if key[0] > head.level]:
            del last_number[key]
        key = (head.level, head.family)
        if head.number is None and head.rule.startswith("recovered:"):
            head.number = last_number.get(key, 0) + 1
        if head.rule.startswith("recovered:") and head.number is not None:
            head.recovered = format_marker(head.family, head.number)
        if head.number is not None:
            last_number[key] = head.number


def _lost_marker(text: str, blocks: list[_Block], k: int, stack: list[str],
                 last_number: dict[tuple[int, str], int]) -> _Head | None:
    """A short line without a final stop where a sibling heading is expected.

    Two rules: the next block restarts the numbering of the current deepest family at 1 (the
    line is a new heading one level up, like the seed's unmarked （五）–（八） between runs of
    `1.` `2.` items), or the next block skips one number of a family on the stack (the line
    is the missing sibling). A line that would so become a new top-level part without naming a
    part's role, or that stands before the first item of a deeper family ("三个突破" before
    "第一，…"), is a sub-heading of the current part: the level its children imply.
    """
    b = blocks[k]
    s = b.first_line.slice(text)
    if not b.single_line or len(s) > LOST_MARKER_MAX or s[-1] in _HEADING_NEVER_ENDS or "。" in s:
        return None
    if k + 1 >= len(blocks) or blocks[k + 1].head is None or not stack:
        return None
    nxt = blocks[k + 1].head
    assert nxt is not None
    sub = _Head("sub", None, "", "line:sub_heading", s, b.first_line, False)
    if nxt.family == stack[-1] and nxt.number == 1 and len(stack) >= 2:
        family = stack[-2]
        level = len(stack) - 1
        if family == "sub" or (level == 1 and not _names_a_part(s)):
            return sub
        if last_number.get((level, family)) is None:
            return None
        return _Head(family, None, "", "recovered:no_marker", s, b.first_line, False)
    if nxt.family in stack and nxt.number is not None:
        level = stack.index(nxt.family) + 1
        prev = last_number.get((level, nxt.family))
        if prev is not None and nxt.number == prev + 2:
            return _Head(nxt.family, None, "", "recovered:no_marker", s, b.first_line, False)
    if (nxt.number == 1 and nxt.family in _ITEM_FAMILIES and nxt.family not in stack
            and FAMILY_RANK[nxt.family] > FAMILY_RANK[stack[-1]] and len(s) <= SUB_HEADING_MAX):
        return sub
    return None


# --- 5. tree -------------------------------------------------------------------------------


def _build_tree(  # noqa: C901 - one pass of ordered rules
        text: str, blocks: list[_Block], language: str, *,
        statistics: bool = False) -> tuple[list[Section], list[Paragraph]]:
    """Sections with spans and roles, and the paragraphs attributed to them. In a statistical
    communiqué (`statistics`) every part but the title block and appendices has role STATISTICS."""
    body_start = blocks[0].span.start if blocks else 0
    body_end = blocks[-1].span.end if blocks else 0
    # raw sections: (level, start, head or None for the preamble)
    raw: list[tuple[int, int, _Head | None]] = []
    if blocks and blocks[0].head is None:
        raw.append((1, body_start, None))
    for b in blocks:
        if b.head is not None:
            raw.append((b.head.level, b.span.start, b.head))
    ids: list[str] = []
    parents: list[str | None] = []
    path: list[tuple[int, str]] = []
    children: dict[str | None, int] = {}
    for level, _, _ in raw:
        while path and path[-1][0] >= level:
            path.pop()
        parent = path[-1][1] if path else None
        children[parent] = children.get(parent, 0) + 1
        sid = f"{parent}.{children[parent]}" if parent else f"s{children[parent]}"
        ids.append(sid)
        parents.append(parent)
        path.append((level, sid))
    # ends: next raw section with level <= this one (a stack keeps it linear)
    ends = [body_end] * len(raw)
    open_: list[int] = []
    for j, (level, start, _) in enumerate(raw):
        while open_ and raw[open_[-1]][0] >= level:
            ends[open_.pop()] = start
        open_.append(j)
    # paragraphs, attributed to the deepest open section
    paragraphs: list[Paragraph] = []
    counts = [0] * len(raw)
    j = -1
    for b in blocks:
        while j + 1 < len(raw) and raw[j + 1][1] <= b.span.start:
            j += 1
        if b.head is not None and not b.head.inline:
            if b.single_line or b.continued_heading:
                continue
            # a heading line followed by body lines in one block: the rest is a paragraph
            rest = _trim(text, b.first_line.end, b.span.end)
            if rest is None:
                continue
            paragraphs.append(Paragraph(rest, ids[j]))
        else:
            paragraphs.append(Paragraph(b.span, ids[max(j, 0)]))
        counts[max(j, 0)] += 1
    # roles; a year-named 主要工作 plans when its year is the latest the part headings name
    plan_year = heading_plan_year([h.heading for level, _, h in raw if h is not None and level == 1]) \
        if language == "zh" else None
    sections: list[Section] = []
    role_of: dict[str, Role] = {}
    for j, (level, start, head) in enumerate(raw):
        if head is None:
            role = Role.PREAMBLE
            sections.append(Section(ids[j], parents[j], 1, "", Span(start, start), Span(start, ends[j]),
                                    role, paragraph_count=counts[j]))
            continue
        if level == 1:
            role = role_of_heading(head.heading, language=language, plan_year=plan_year)
            if (role is not Role.APPENDIX and language == "zh" and _REPORT_TITLE.search(head.heading)
                    and len(head.heading) <= LOST_MARKER_MAX):
                role = Role.PREAMBLE  # the report's own title (a .docx title style) is the title block
            elif statistics and role is not Role.APPENDIX:
                role = Role.STATISTICS
            elif role is Role.OTHER and head.family != "closing":
                role = role_of_body(text[start:ends[j]], language=language)
        else:
            inherited = role_of.get(parents[j] or "", Role.OTHER)
            role, _ = subsection_role(head.heading, inherited, language=language)
            if role is Role.OTHER and language == "en":
                # a letter under one title ("# Letter to Shareholders") has its parts one level down
                role = role_of_heading(head.heading, language=language)
        role_of[ids[j]] = role
        sections.append(Section(
            id=ids[j], parent=parents[j], level=level, heading=head.heading, heading_span=head.heading_span,
            span=Span(start, ends[j]), role=role, marker=head.marker, recovered_marker=head.recovered,
            number=head.number, matched_by=head.rule, paragraph_count=counts[j],
        ))
    return sections, paragraphs


# Run-in items are found in parts that review or plan; an enumeration of problems stays prose.
_ITEM_ROLES = frozenset({Role.REVIEW, Role.PLAN, Role.TARGETS, Role.GOVERNMENT})
# Topic segments are found in a report without headings: one section holds this share of its paragraphs.
_HEADINGLESS_SHARE = 0.5


def _split_paragraphs(paragraphs: list[Paragraph], cuts: Sequence[int], text: str) -> list[Paragraph]:
    """Paragraphs cut at `cuts` (offsets inside them), each piece trimmed; document order kept."""
    if not cuts:
        return paragraphs
    wanted = sorted(set(cuts))
    out: list[Paragraph] = []
    k = 0
    for p in sorted(paragraphs, key=lambda p: p.span.start):
        start = p.span.start
        while k < len(wanted) and wanted[k] <= p.span.start:
            k += 1
        while k < len(wanted) and wanted[k] < p.span.end:
            piece = _trim(text, start, wanted[k])
            if piece:
                out.append(Paragraph(piece, p.section_id))
            start = wanted[k]
            k += 1
        piece = _trim(text, start, p.span.end)
        if piece:
            out.append(Paragraph(piece, p.section_id))
    return out


def _insert_children(sections: list[Section], paragraphs: list[Paragraph],
                     children: dict[str, list[Section]]) -> tuple[list[Section], list[Paragraph]]:
    """Put new child sections right after their (leaf) parent and hand each paragraph to the
    child it starts in."""
    if not children:
        return sections, paragraphs
    out: list[Section] = []
    for sec in sections:
        out.append(sec)
        out.extend(children.get(sec.id, ()))
    owner: dict[str, list[Section]] = {pid: sorted(kids, key=lambda c: c.span.start) for pid, kids in children.items()}
    starts = {pid: [c.span.start for c in kids] for pid, kids in owner.items()}
    moved: list[Paragraph] = []
    for p in paragraphs:
        kids = owner.get(p.section_id)
        if kids is None:
            moved.append(p)
            continue
        i = bisect.bisect_right(starts[p.section_id], p.span.start) - 1
        moved.append(Paragraph(p.span, kids[i].id) if i >= 0 else p)
    return out, moved


def _leaf_paragraphs(sections: Sequence[Section], paragraphs: Sequence[Paragraph]) -> dict[str, list[Span]]:
    parents = {s.parent for s in sections if s.parent}
    out: dict[str, list[Span]] = {s.id: [] for s in sections if s.id not in parents}
    for p in paragraphs:
        if p.section_id in out:
            out[p.section_id].append(p.span)
    return out


def _add_next_steps(text: str, sections: list[Section],
                    paragraphs: list[Paragraph]) -> tuple[list[Section], list[Paragraph]]:
    """The next steps written inside a problems part (「三、存在的问题和下一步工作打算」 … 「下一步，
    我区将…」) become a plan section one level down, from where they open to the part's end
    (`next_steps.find_next_steps`), so the plan is read as a plan. Only a problems section without
    sub-sections is searched: a sub-section 「（二）下一步工作打算」 has its own role already."""
    by_id = {sec.id: sec for sec in sections}
    children: dict[str, list[Section]] = {}
    cuts: list[int] = []
    for sid, spans in _leaf_paragraphs(sections, paragraphs).items():
        sec = by_id[sid]
        top = sec
        while top.parent is not None:
            top = by_id[top.parent]
        if sec.role is not Role.PROBLEMS or not spans:
            continue
        names_plan = names_a_plan(sec.heading) or names_a_plan(top.heading)
        found = find_next_steps(text, [s for s in spans if s.start >= sec.heading_span.end],
                                heading_names_plan=names_plan)
        if found is None:
            continue
        children[sid] = [Section(
            id=f"{sid}.1", parent=sid, level=sec.level + 1, heading=found.heading_span.slice(text),
            heading_span=found.heading_span, span=Span(found.start, sec.span.end), role=Role.PLAN,
            matched_by="runin:next_steps",
        )]
        cuts.append(found.start)
    if not children:
        return sections, paragraphs
    return _insert_children(sections, _split_paragraphs(paragraphs, cuts, text), children)


def _add_run_in_items(text: str, sections: list[Section],
                      paragraphs: list[Paragraph]) -> tuple[list[Section], list[Paragraph]]:
    """Run-in items (一是…二是…, 第一，…, First, …) of review and plan sections without sub-sections
    become sections one level down, from their marker to the next item or the section's end."""
    by_id = {sec.id: sec for sec in sections}  # the Report (and its index) does not exist yet
    children: dict[str, list[Section]] = {}
    cuts: list[int] = []
    for sid, spans in _leaf_paragraphs(sections, paragraphs).items():
        sec = by_id[sid]
        role = sec.role
        parent = by_id.get(sec.parent or "")
        while role is Role.OTHER and parent is not None:
            role, parent = parent.role, by_id.get(parent.parent or "")
        if role not in _ITEM_ROLES or not spans:
            continue
        # an item never starts inside its section's own (inline) heading
        items = [it for it in find_run_in_items(text, spans, problems=PROBLEM_CUE) if it.start >= sec.heading_span.end]
        if not items:
            continue
        kids: list[Section] = []
        for n, item in enumerate(items):
            end = items[n + 1].start if n + 1 < len(items) else sec.span.end
            kids.append(Section(
                id=f"{sid}.{n + 1}", parent=sid, level=sec.level + 1, heading=item.heading_span.slice(text),
                heading_span=item.heading_span, span=Span(item.start, end), role=sec.role, marker=item.marker,
                number=item.number, matched_by=f"runin:{item.kind}",
            ))
            cuts.append(item.start)
        children[sid] = kids
    if not children:
        return sections, paragraphs
    return _insert_children(sections, _split_paragraphs(paragraphs, cuts, text), children)


def _add_topics(text: str, sections: list[Section],
                paragraphs: list[Paragraph]) -> tuple[list[Section], list[Paragraph]]:
    """A report without headings (one section holds most of its paragraphs, as a budget speech
    under its one title does) gets topic sections inside that section (`topics.find_topics`)."""
    leaves = _leaf_paragraphs(sections, paragraphs)
    if not leaves or not paragraphs:
        return sections, paragraphs
    sid, spans = max(leaves.items(), key=lambda kv: (len(kv[1]), kv[0]))
    if len(spans) < TOPIC_RUN_MIN or len(spans) < _HEADINGLESS_SHARE * len(paragraphs):
        return sections, paragraphs
    sec = next(s for s in sections if s.id == sid)
    if sec.role is Role.APPENDIX:
        return sections, paragraphs
    spans = sorted(spans)
    topics = find_topics(text, spans)
    if len(topics) < 2:
        return sections, paragraphs
    kids: list[Section] = []
    for n, topic in enumerate(topics):
        start = spans[topic.start].start
        end = spans[topics[n + 1].start].start if n + 1 < len(topics) else sec.span.end
        kids.append(Section(
            id=f"{sid}.{n + 1}", parent=sid, level=sec.level + 1, heading=topic.heading_span.slice(text),
            heading_span=topic.heading_span, span=Span(start, end), role=sec.role, number=n + 1,
            matched_by=f"topic:{topic.cue}",
        ))
    return _insert_children(sections, paragraphs, {sid: kids})


def _strip_title(text: str, stripped: tuple[Stripped, ...], paragraphs: list[Paragraph],
                 sections: list[Section], metadata: Metadata) -> tuple[tuple[Stripped, ...], list[Paragraph] | None]:
    """Take the title line out of the preamble when it repeats the metadata title; the second
    value is the paragraphs without it, or None when nothing changed."""
    if not metadata.title or not sections or sections[0].role is not Role.PREAMBLE:
        return stripped, None
    pre = sections[0].id
    title = re.sub(r"\s", "", metadata.title)
    for k, p in enumerate(paragraphs):
        if p.section_id != pre:
            break
        if re.sub(r"\s", "", p.span.slice(text)) == title:
            new = sorted((*stripped, Stripped(p.span, StrippedReason.TITLE_LINE)), key=lambda s: s.span)
            return tuple(new), paragraphs[:k] + paragraphs[k + 1:]
    return stripped, None


def _recount(sections: list[Section], paragraphs: list[Paragraph]) -> list[Section]:
    from dataclasses import replace

    counts: dict[str, int] = {}
    for p in paragraphs:
        counts[p.section_id] = counts.get(p.section_id, 0) + 1
    return [replace(s, paragraph_count=counts.get(s.id, 0)) for s in sections]

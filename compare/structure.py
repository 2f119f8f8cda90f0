"""Stage 2, structure: `SourceText` -> `Report` (section tree with spans, paragraphs, stripped text).

Foundation version: clean heading markers only (一、 （一） 1. and Markdown #). The structure issue
replaces this with damaged-marker recovery, boilerplate and roles.
"""

from __future__ import annotations

import re

from .model import Metadata, Paragraph, Report, Role, Section, SourceText, Span

__all__ = ["parse_report"]

_LEVELS: tuple[tuple[re.Pattern[str], int, str], ...] = (
    (re.compile(r"^[一二三四五六七八九十]+、"), 1, "marker:cn_comma"),
    (re.compile(r"^[（(][一二三四五六七八九十]+[）)]"), 2, "marker:paren_cn"),
    (re.compile(r"^#{1,6}\s"), 1, "marker:markdown"),
)


def parse_report(source: SourceText) -> Report:
    """Split `source` into sections by heading markers and into paragraphs by lines."""
    text = source.text
    lines: list[Span] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append(Span(pos, pos + len(raw)))
        pos += len(raw) + 1
    heads: list[tuple[int, int, Span, str, str]] = []  # (line index, level, heading span, marker, rule)
    for i, ln in enumerate(lines):
        s = ln.slice(text)
        lead = len(s) - len(s.lstrip())
        body = s.strip()
        for pattern, level, rule in _LEVELS:
            m = pattern.match(body)
            if m and len(body) <= 80:
                start = ln.start + lead
                heads.append((i, level, Span(start + m.end(), start + len(body)), m.group(), rule))
                break
    sections: list[Section] = []
    first_line_start = 0
    preamble_end = lines[heads[0][0]].start if heads else len(text)
    sections_raw: list[tuple[int, Span, str, str, Span, str, int]] = []
    sections_raw.append((1, Span(first_line_start, preamble_end), "", "", Span(0, 0), "preamble", 0))
    for k, (i, level, hspan, marker, rule) in enumerate(heads):
        start = lines[i].start
        sections_raw.append((level, Span(start, start), marker, hspan.slice(text), hspan, rule, i))
    # compute ends: a section ends where the next section of the same or higher level starts
    starts = [r[1].start for r in sections_raw]
    ids: list[str] = []
    parents: list[str | None] = []
    stack: list[tuple[int, str]] = []
    counters: dict[str | None, int] = {}
    for idx, r in enumerate(sections_raw):
        level = r[0]
        while stack and stack[-1][0] >= level:
            stack.pop()
        parent = stack[-1][1] if stack else None
        counters[parent] = counters.get(parent, 0) + 1
        sid = (f"{parent}.{counters[parent]}" if parent else f"s{counters[parent]}")
        ids.append(sid)
        parents.append(parent)
        stack.append((level, sid))
    ends: list[int] = []
    for idx, r in enumerate(sections_raw):
        end = len(text)
        for j in range(idx + 1, len(sections_raw)):
            if sections_raw[j][0] <= r[0]:
                end = starts[j]
                break
        ends.append(end)
    # paragraphs: non-empty lines, attributed to the deepest section that starts at or before them
    paragraphs: list[Paragraph] = []
    counts: dict[str, int] = {}
    sec_idx = 0
    for ln in lines:
        while sec_idx + 1 < len(starts) and starts[sec_idx + 1] <= ln.start:
            sec_idx += 1
        s = ln.slice(text)
        if not s.strip():
            continue
        lead = len(s) - len(s.lstrip())
        trail = len(s) - len(s.rstrip())
        span = Span(ln.start + lead, ln.end - trail)
        paragraphs.append(Paragraph(span, ids[sec_idx]))
        counts[ids[sec_idx]] = counts.get(ids[sec_idx], 0) + 1
    for idx, r in enumerate(sections_raw):
        level, span, marker, heading, hspan, rule, _ = r
        role = Role.PREAMBLE if idx == 0 else _role(heading) if level == 1 else Role.OTHER
        sections.append(
            Section(
                id=ids[idx], parent=parents[idx], level=level, heading=heading,
                heading_span=hspan, span=Span(span.start, ends[idx]), role=role, marker=marker,
                matched_by=rule, paragraph_count=counts.get(ids[idx], 0),
            )
        )
    if sections and sections[0].span.start == sections[0].span.end:
        sections.pop(0)
    language = "zh" if sum(1 for c in text[:5000] if "\u4e00" <= c <= "\u9fff") > 20 else "en"
    year_m = re.search(r"(19|20)\d\d", text[:2000])
    meta = Metadata(year=int(year_m.group()) if year_m else None, language=language)
    return Report(source=source, metadata=meta, sections=tuple(sections),
                  paragraphs=tuple(paragraphs), stripped=())


def _role(heading: str) -> Role:
    for words, role in (
        (("问题", "不足", "短板"), Role.PROBLEMS),
        (("下一步", "工作计划", "工作安排", "主要任务", "工作任务"), Role.PLAN),
        (("成效", "回顾", "举措"), Role.REVIEW),
    ):
        if any(w in heading for w in words):
            return role
    return Role.OTHER

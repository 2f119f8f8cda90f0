"""Stage 2 helper, next steps: where the plan opens inside a part about problems.

A 法治政府建设 report often closes with one part for both its shortcomings and its plan
(「三、存在的问题和下一步工作打算」), or with a problems part whose last paragraph turns to the next
steps (「下一步，我区将…」). Without a heading of its own that plan is read as problems: the
follow-through checks none of it and the diff calls none of it a commitment. Takes the text, the
paragraph spans of one problems section and whether its heading also names a plan; returns where
the plan opens and the words that head it (「下一步」), or None.

- A paragraph that opens with 下一步 / 下步 / 下阶段 / 今后， opens the plan in any problems part.
- Where the heading names a plan too, so does a sentence inside a paragraph that opens with those
  words, with 针对上述问题 / 为此 / 对此, or with a year, 明年 or 新的一年 and says what will be done
  (将, 要, 继续, 计划 …).

Cost: one search per paragraph and per sentence start, linear in the length of the paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..lazy import lazy_pattern
from ..model import Span
from ..text.sentences import ZH_SENTENCE_ENDS

__all__ = ["NextSteps", "find_next_steps", "NEXT_STEPS_HEADING_MAX"]

# The words that head the plan run to the first comma or colon, within this many characters
# (「下一步」, 「针对上述问题」, 「2022年」); a longer lead is cut to its opening words.
NEXT_STEPS_HEADING_MAX = 16

# Words that open the next steps wherever they start a paragraph.
# (今后 only before a comma: 「今后仍需加强」 still states a shortcoming)
_STRONG = lazy_pattern(r"(?:下一步|下步|下一阶段|下阶段)(?:工作中?|工作上|我们|我[区县市局委])?[，,：:]?"
                       r"|今后(?:一个时期|一段时间|工作中)?[，,]")
# Words that open them inside a part whose heading names a plan, when the sentence says what will be done.
_WEAK = lazy_pattern(r"(?:针对(?:上述|以上|这些|存在的)(?:问题|不足)|为此|对此|新的一年|明年|(?:19|20)\d\d年(?:度)?)[，,：:]?")
_FUTURE = lazy_pattern(r"将|要|继续|持续|计划|拟|着力|力争|进一步")
_HEAD_END = lazy_pattern(rf"[，,：:{ZH_SENTENCE_ENDS}]")
_SENTENCE_START = lazy_pattern(rf"(?<=[{ZH_SENTENCE_ENDS}])[”’」』）)]*\s*")
_STOP = lazy_pattern(rf"[{ZH_SENTENCE_ENDS}]")
_SPACE = " \t\u3000\u00a0\n"


@dataclass(frozen=True, slots=True)
class NextSteps:
    """Where the plan opens (`start`) and its heading words (`heading_span`, inside the text)."""

    start: int
    heading_span: Span


def find_next_steps(text: str, paragraphs: Sequence[Span], *, heading_names_plan: bool) -> NextSteps | None:
    """The first place in `paragraphs` (in order) where the next steps open, or None."""
    for p in sorted(paragraphs):
        start = p.start
        while start < p.end and text[start] in _SPACE:
            start += 1
        if _STRONG.match(text, start, p.end):
            return _at(text, start, p.end)
        if not heading_names_plan:
            continue
        for at in [start, *(m.end() for m in _SENTENCE_START.finditer(text, start, p.end))]:
            if at >= p.end:
                continue
            if _STRONG.match(text, at, p.end):
                return _at(text, at, p.end)
            if _WEAK.match(text, at, p.end) and _FUTURE.search(text, at, _sentence_end(text, at, p.end)):
                return _at(text, at, p.end)
    return None


def _sentence_end(text: str, start: int, end: int) -> int:
    m = _STOP.search(text, start, end)
    return m.end() if m else end


def _at(text: str, start: int, end: int) -> NextSteps:
    stop = _HEAD_END.search(text, start, min(end, start + NEXT_STEPS_HEADING_MAX + 1))
    head_end = stop.start() if stop else start + len(_lead(text, start, end))
    return NextSteps(start, Span(start, max(head_end, start + 1)))


def _lead(text: str, start: int, end: int) -> str:
    m = _STRONG.match(text, start, end) or _WEAK.match(text, start, end)
    return m.group().rstrip("，,：:") if m else text[start : start + 1]

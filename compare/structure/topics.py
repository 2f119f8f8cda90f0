"""Stage 2 helper, topics: topic segments of a long run of paragraphs without headings.

A budget speech is one heading over 150 paragraphs; without sections nothing pairs across years
and every change lands in one block. Takes the text and the paragraph spans of such a run and
returns where topics begin, each with a heading taken from the text:

1. the speaker's own signposts at a paragraph's start ("Let me now turn to …", "I will now move
   on to …", "Turning to …", 下面, 接下来) mark a topic change;
2. lexical cohesion (TextTiling): the similarity of the paragraphs before and after each gap
   (one weighted n-gram vector per paragraph, from the one similarity module); a deep valley
   is a topic change.

Boundaries are the strongest gaps (a signpost adds to its gap's depth), at least
`TOPIC_PARAGRAPHS_MIN` paragraphs apart, about one per `PARAGRAPHS_PER_TOPIC` paragraphs and never
fewer than `TOPICS_MIN` when the run is long enough. Cost: one vector per paragraph and one pass
over the gaps.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..lazy import lazy_pattern
from ..model import Span
from ..text.sentences import ASCII_SENTENCE_ENDS, ZH_FULL_STOPS

__all__ = ["Topic", "find_topics", "TOPICS_MIN", "TOPIC_RUN_MIN", "PARAGRAPHS_PER_TOPIC", "TOPIC_PARAGRAPHS_MIN"]

# A run of paragraphs is segmented when it holds at least this many paragraphs (a short letter
# section is one topic; the budget speeches hold 120–330 paragraphs).
TOPIC_RUN_MIN = 40
# Issue 13: every speech gets at least 8 topic sections.
TOPICS_MIN = 8
# One topic per this many paragraphs. The speeches' own signposts ("Let me now turn to …") come
# every 10–40 paragraphs; at 20 or fewer a subject is cut in two and the halves of consecutive
# years pair poorly, at 30 unrelated subjects merge (measured on sg-budget-speech 2012–2025).
PARAGRAPHS_PER_TOPIC = 25
# No topic is shorter than this many paragraphs (an enumeration "First, … Second, …" stays whole).
TOPIC_PARAGRAPHS_MIN = 4
# Paragraphs on each side of a gap whose vocabulary is compared (TextTiling's block size).
_WINDOW = 3
# Depth added to a gap whose next paragraph opens with a signpost (depths are cosines, 0–1).
_SIGNPOST_BONUS = 0.5
# A heading taken from a paragraph is cut to this many characters.
TOPIC_HEADING_MAX = 60

_EN_SIGNPOST = lazy_pattern(
    r"^(?:(?:Mr|Madam) Speaker,? (?:Sir,? )?)?(?:(?:Let me|Allow me to|I will|I shall|I would like to|I now|Now,? let me|"
    r"Next,? let me|Finally,? let me|Let us)\s+(?:now\s+|first\s+|next\s+|also\s+)?"
    r"(?:turn|move on|move|go on|come|speak|talk|start|begin|focus|touch|elaborate|outline|update|explain|"
    r"conclude|summarise|summarize|highlight|address)|Turning(?: now)? to|Moving on to|I turn now to|"
    r"On the (?:revenue|expenditure|spending) side)\b",
    re.I,
)
_ZH_SIGNPOST = lazy_pattern(r"^(?:下面|接下来|以下|再次|最后)[，,]?")
_SIGNPOST_TOPIC = lazy_pattern(
    r"\b(?:to|about|on|with|of)\s+(?:our\s+|the\s+|how\s+we\s+will\s+|what\s+we\s+will\s+do\s+(?:for|to)\s+)?"
    r"(?P<topic>[^.,;:!?]{3,80})"
)
_SENTENCE = lazy_pattern(rf"[^.{ASCII_SENTENCE_ENDS}{ZH_FULL_STOPS}]+[.{ASCII_SENTENCE_ENDS}{ZH_FULL_STOPS}]?")


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic that begins at paragraph `start` (index into the run) with a heading from the text."""

    start: int
    heading_span: Span  # the words that name the topic, inside the paragraph's text
    cue: str  # "signpost" or "cohesion"
    score: float  # depth of the gap before it (0–1.5)


def _signpost(text: str, para: Span) -> bool:
    s = text[para.start : para.end]
    return bool(_EN_SIGNPOST.match(s) or _ZH_SIGNPOST.match(s))


def _heading_span(text: str, para: Span, signpost: bool) -> Span:
    """The signpost's topic ("… turn to [private transport measures].") or the opening clause."""
    s = text[para.start : para.end]
    first = _SENTENCE.match(s)
    sentence_end = first.end() if first else len(s)
    if signpost:
        m = _SIGNPOST_TOPIC.search(s, 0, sentence_end)
        if m:
            start, end = m.start("topic"), m.end("topic")
            return Span(para.start + start, para.start + min(end, start + TOPIC_HEADING_MAX))
    end = min(sentence_end, TOPIC_HEADING_MAX)
    cut = s.rfind(" ", 0, end) if end < sentence_end else -1
    end = cut if cut > 0 else end
    while end > 0 and s[end - 1] in " ,;:.!?。，；：":
        end -= 1
    return Span(para.start, para.start + max(end, 0))


def _cohesion(paragraphs: Sequence[str]) -> list[float]:
    """Per gap (before paragraph `gap`), the cosine of the summed vectors of the `_WINDOW`
    paragraphs before it and of the `_WINDOW` paragraphs from it (0 before paragraph 0).

    A window's sum is never built: its dot products are sums of the paragraphs' own, so only
    paragraphs fewer than 2 × `_WINDOW` apart are multiplied, once each (exactly rounded sums).
    """
    # imported here: only a report without headings is segmented, and the scorers' module loads
    # rapidfuzz, which `yoy outline` of a headed report has no use for (issue 16: start-up)
    from ..text.similarity import sparse_content_vectors, sparse_dot

    n = len(paragraphs)
    vectors, _ = sparse_content_vectors(paragraphs, [])
    reach = 2 * _WINDOW
    # dots[a][d]: dot product of paragraphs a and a + d
    dots = [[sparse_dot(vectors[a], vectors[b]) for b in range(a, min(n, a + reach))] for a in range(n)]

    def dot(a: int, b: int) -> float:
        return dots[a][b - a] if a <= b else dots[b][a - b]

    cohesion = [0.0] * n
    for gap in range(1, n):
        left = range(max(0, gap - _WINDOW), gap)
        right = range(gap, min(n, gap + _WINDOW))
        between = math.fsum(dot(a, b) for a in left for b in right)
        denom = math.sqrt(math.fsum(dot(a, b) for a in left for b in left)) * \
            math.sqrt(math.fsum(dot(a, b) for a in right for b in right))
        cohesion[gap] = between / denom if denom else 0.0
    return cohesion


def find_topics(text: str, paragraphs: Sequence[Span]) -> list[Topic]:
    """Topic starts in a run of paragraphs (the first topic starts at paragraph 0), or [] when the
    run is too short to segment."""
    n = len(paragraphs)
    if n < TOPIC_RUN_MIN:
        return []
    cohesion = _cohesion([text[p.start : p.end] for p in paragraphs])
    depth = [0.0] * n
    for gap in range(1, n):
        lo, hi = max(1, gap - _WINDOW), min(n - 1, gap + _WINDOW)
        depth[gap] = (max(cohesion[lo : gap + 1]) - cohesion[gap]) + (max(cohesion[gap : hi + 1]) - cohesion[gap])
    signposts = [_signpost(text, p) for p in paragraphs]
    score = [depth[g] + (_SIGNPOST_BONUS if signposts[g] else 0.0) for g in range(n)]
    want = max(TOPICS_MIN, round(n / PARAGRAPHS_PER_TOPIC)) - 1  # boundaries besides paragraph 0
    chosen: list[int] = []
    # strongest first; ties by position so the result does not depend on sort stability
    for gap in sorted(range(TOPIC_PARAGRAPHS_MIN, n - TOPIC_PARAGRAPHS_MIN + 1), key=lambda g: (-score[g], g)):
        if len(chosen) >= want:
            break
        if all(abs(gap - c) >= TOPIC_PARAGRAPHS_MIN for c in chosen):
            chosen.append(gap)
    starts = [0, *sorted(chosen)]
    return [Topic(s, _heading_span(text, paragraphs[s], signposts[s]), "signpost" if signposts[s] else "cohesion",
                  min(1.5, max(0.0, score[s]))) for s in starts]

"""Text layer: where a sentence ends. The one home of the sentence-end sets and splitters.

`split_sentences` is the splitter every stage uses for display sentences (diff rows); the
plan-item and evidence stages cut finer, at `；` too (`split_clauses`: task lists separate items
with it), and look at whole sentences with `full_sentences` / `sentence_around`. All of them are
built from the end sets below, so a new sentence end is added in one place.

Boundaries:
- Chinese sentence ends `。！？；` (and `!?`), with any closing quotes or brackets after them;
- English sentence ends `.`, `!`, `?` followed by space and a capital, digit, quote or bracket,
  except after common abbreviations (Mr., U.S., Inc., …);
- paragraph breaks (a blank line) always;
- a single line end only where it is a real break: after a line that looks like a table row or
  page layout (runs of spaces, dot leaders), before a line that starts with a list or heading
  marker, or after a short first line of a paragraph (a heading-like line). Other single line
  ends are wrapped lines (PDF layout, wiki scrapes with `政府工作报\\n告`) and stay inside the
  sentence.

Spans never include leading or trailing whitespace. Lines are found with an explicit `\\n` search,
never `str.splitlines()`, so every character keeps its offset. Cost is linear in the text length.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..lazy import lazy_pattern
from ..model import Span

__all__ = [
    "MAX_SENTENCE_CHARS",
    "SHORT_FIRST_LINE_MAX",
    "ZH_FULL_STOPS",
    "ZH_SENTENCE_ENDS",
    "ASCII_SENTENCE_ENDS",
    "CLOSERS",
    "ZH_CLAUSE_STOPS",
    "ZH_SENTENCE_STOPS",
    "split_sentences",
    "split_clauses",
    "full_sentences",
    "sentence_around",
    "subtract_spans",
]

# A first line of a paragraph this short with no sentence end is a heading-like line of its own.
# Chosen from the corpus: Chinese headings run to about 30 characters, English title lines to 60.
SHORT_FIRST_LINE_MAX = 40

# A display sentence longer than this is cut into pieces before anything scores it: comparing two
# sentences (ratio, intraline diff) costs their lengths multiplied, and a 1.5 MB run of numbers
# without a full stop took minutes. The longest sentence in the corpus has 1,396 characters (a
# scraped menu line); real sentences stay far below. Pieces end after a comma, colon or space in
# the second half of the window when there is one, else at the cap.
MAX_SENTENCE_CHARS = 2000
_SOFT_BREAKS = frozenset("，,、：:；; \t\u3000")

# The sentence-end sets: full stops, the Chinese semicolon that ends a sentence too, ASCII ends,
# and the closing quotes and brackets that stay with the sentence they close.
ZH_FULL_STOPS = "。！？"
ZH_SENTENCE_ENDS = ZH_FULL_STOPS + "；"
ASCII_SENTENCE_ENDS = "!?"
CLOSERS = "”’」』）)"
# What ends a clause or a sentence of Chinese text when a figure's label is looked for.
ZH_CLAUSE_STOPS = frozenset("，。；：！？\n,;:!?（）()“”‘’《》、——|｜")
ZH_SENTENCE_STOPS = frozenset(ZH_SENTENCE_ENDS + "\n")

# The patterns searched for in long texts open with a character class, never a repeat or a
# lookbehind (`[x][x]*` for `[x]+`; `[x](?<=[y][x])` for `(?<=[y])[x]`): the same matches, but only
# then does `re` scan ahead for the first character in C instead of trying a match at every
# position (a sentence split of a report costs half as many instructions).
_ZH_END = lazy_pattern(rf"[{ZH_SENTENCE_ENDS}{ASCII_SENTENCE_ENDS}][{ZH_SENTENCE_ENDS}{ASCII_SENTENCE_ENDS}]*"
                       rf"[{CLOSERS}\"']*")
# Finer cut for plan items and evidence: ASCII ";" too; an English end needs a space or the end after it.
_ZH_CLAUSE_END = lazy_pattern(rf"[{ZH_SENTENCE_ENDS};{ASCII_SENTENCE_ENDS}][{ZH_SENTENCE_ENDS};{ASCII_SENTENCE_ENDS}]*"
                              rf"[{CLOSERS}]*")
_EN_CLAUSE_END = lazy_pattern(r"[.!?;](?<=[a-z0-9%)\"'”’][.!?;])[.!?;]*[\"'”’)]*(?=\s|$)")
_FULL_STOP = lazy_pattern(rf"[{ZH_FULL_STOPS}{ASCII_SENTENCE_ENDS}][{ZH_FULL_STOPS}{ASCII_SENTENCE_ENDS}]*")
_EN_END = lazy_pattern(r"[.!?](?<=[A-Za-z0-9\)\]%”’\"'][.!?])[.!?]*[”’\"'\)\]]*(?=\s+[\"“‘'(\[A-Z0-9])")
_ABBREV = frozenset(
    "mr mrs ms dr st no vs etc inc co corp ltd jr sr u.s u.k e.g i.e fig al jan feb mar apr jun "
    "jul aug sep sept oct nov dec mt ft rev gen gov sen rep".split()
)
_LAYOUT_LINE = lazy_pattern(r"\S(?: {3,}|\t)\S|(?:\. ){3,}|\.{4,}")
_MARKER_LINE = lazy_pattern(
    r"[ \t\u3000]*(?:[一二三四五六七八九十]+[、)）]|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]{1,2}[.、．)]"
    r"|[①-⑳]|——|[-•*#]\s|[IVX]+\.\s|[A-H]\.\s)"
)
_TERMINAL = ZH_SENTENCE_ENDS + ASCII_SENTENCE_ENDS + ".:：" + CLOSERS + "\"'"


def subtract_spans(outer: Iterable[Span], holes: Sequence[Span]) -> list[Span]:
    """`outer` ranges minus `holes` (sorted by start, may overlap), as sorted non-empty spans."""
    out: list[Span] = []
    holes_sorted = sorted(holes)
    for span in outer:
        pos = span.start
        for h in holes_sorted:
            if h.end <= pos:
                continue
            if h.start >= span.end:
                break
            if h.start > pos:
                out.append(Span(pos, h.start))
            pos = max(pos, h.end)
        if pos < span.end:
            out.append(Span(pos, span.end))
    return out


def _line_breaks(text: str, start: int, end: int) -> list[int]:
    """Offsets (of a `\\n`) inside [start, end) where a sentence must end."""
    cuts: list[int] = []
    para_start = True
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl < 0 else nl
        line = text[pos:line_end]
        stripped = line.strip()
        if nl < 0:
            break
        nxt = text.find("\n", nl + 1, end)
        next_line = text[nl + 1 : end if nxt < 0 else nxt]
        cut = False
        if not stripped:
            cut = True
        elif not next_line.strip():
            cut = True  # paragraph break follows
        elif stripped[-1] in _TERMINAL:
            cut = True
        elif _LAYOUT_LINE.search(line) or _LAYOUT_LINE.search(next_line):
            cut = True
        elif _MARKER_LINE.match(next_line):
            cut = True
        elif para_start and len(stripped) <= SHORT_FIRST_LINE_MAX and len(next_line.strip()) > len(stripped):
            cut = True
        if cut:
            cuts.append(nl)
        para_start = not stripped or stripped[-1] in _TERMINAL
        pos = nl + 1
    return cuts


def _en_break_ok(text: str, dot_start: int, lo: int) -> bool:
    """False after an abbreviation such as `Mr.` or `U.S.`, or an initial like `J.`."""
    if text[dot_start] != ".":
        return True
    k = dot_start
    while k > lo and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:dot_start].lower()
    if word in _ABBREV:
        return False
    if len(word) == 1 and word.isalpha() and text[k].isupper():
        return False  # an initial: "Warren E. Buffett"
    return True


def _split_range(text: str, start: int, end: int) -> list[Span]:
    cuts = set(_line_breaks(text, start, end))
    for m in _ZH_END.finditer(text, start, end):
        cuts.add(m.end() - 1)
    for m in _EN_END.finditer(text, start, end):
        if _en_break_ok(text, m.start(), start):
            cuts.add(m.end() - 1)
    spans: list[Span] = []
    pos = start
    for c in sorted(cuts):
        piece_end = c + 1
        if text[c] == "\n":
            piece_end = c
        spans.extend(_trim(text, pos, piece_end))
        pos = c + 1
    spans.extend(_trim(text, pos, end))
    return _cap_length(text, _merge_punctuation(text, spans))


def _cap_length(text: str, spans: list[Span]) -> list[Span]:
    """Spans longer than MAX_SENTENCE_CHARS cut into pieces (linear: each window is read once)."""
    out: list[Span] = []
    for sp in spans:
        if sp.end - sp.start <= MAX_SENTENCE_CHARS:  # the usual case: kept as it is (already trimmed)
            out.append(sp)
            continue
        start = sp.start
        while sp.end - start > MAX_SENTENCE_CHARS:
            cut = start + MAX_SENTENCE_CHARS
            for k in range(cut - 1, start + MAX_SENTENCE_CHARS // 2, -1):
                if text[k] in _SOFT_BREAKS:
                    cut = k + 1
                    break
            out.extend(_trim(text, start, cut))
            start = cut
        out.extend(_trim(text, start, sp.end))
    return out


def _trim(text: str, start: int, end: int) -> list[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [Span(start, end)] if end > start else []


def _merge_punctuation(text: str, spans: list[Span]) -> list[Span]:
    """A piece with no letter, digit or CJK character joins the sentence before it."""
    out: list[Span] = []
    for sp in spans:
        if out and not any(map(str.isalnum, text[sp.start : sp.end])):  # a letter, digit or CJK character
            out[-1] = Span(out[-1].start, sp.end)
        else:
            out.append(sp)
    return out


def split_sentences(text: str, ranges: Iterable[Span]) -> tuple[Span, ...]:
    """Sentence spans of `text` inside `ranges` (each range is split on its own), in order."""
    out: list[Span] = []
    for r in ranges:
        out.extend(_split_range(text, r.start, r.end))
    return tuple(out)


def split_clauses(text: str, start: int, end: int, *, language: str = "zh") -> Iterable[Span]:
    """Sentences of text[start:end] cut at `；`/`;` too, trimmed of spaces; ends stay with their piece.

    Plan items and evidence work on these: a task list separates its items with semicolons.
    """
    pattern = _ZH_CLAUSE_END if language == "zh" else _EN_CLAUSE_END
    pos = start
    for m in pattern.finditer(text, start, end):
        yield from _trim(text, pos, m.end())
        pos = m.end()
    yield from _trim(text, pos, end)


def full_sentences(text: str, start: int, end: int) -> Iterable[Span]:
    """Spans of text[start:end] up to each full stop (。！？!?), untrimmed; the rest as the last one."""
    pos = start
    for m in _FULL_STOP.finditer(text, start, end):
        yield Span(pos, m.end())
        pos = m.end()
    if pos < end:
        yield Span(pos, end)


def sentence_around(text: str, span: Span) -> Span:
    """The full sentence (between full stops or line ends) that holds `span`."""
    stops = ZH_FULL_STOPS + "\n"
    a = span.start
    while a > 0 and text[a - 1] not in stops:
        a -= 1
    b = span.end
    while b < len(text) and text[b] not in stops:
        b += 1
    return Span(a, b)

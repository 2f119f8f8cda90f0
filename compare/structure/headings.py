"""Stage 2 helper, headings: recognise the heading marker at the start of one line.

Takes the text of one line (leading whitespace already removed) and returns a `Marker`: the
family of the marker (第一部分 / 第一章 above them; 一、 / （一） / 1. / （1） / ① / 第一， for Chinese documents per GB/T 9704;
Markdown `#`, Roman, lettered and numbered markers for English), its number, and — for damaged
markers such as `一)`, `()` or a bare `)` — the rule that recognised it. Levels are not decided
here: `parse.py` turns families into levels with a stack, because documents skip levels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lazy import lazy_pattern
from ..text.numerals import parse_ordinal, to_chinese
from ..text.sentences import ASCII_SENTENCE_ENDS, ZH_SENTENCE_ENDS

__all__ = [
    "Marker",
    "match_marker",
    "format_marker",
    "FAMILY_RANK",
    "HEADING_LINE_MAX",
    "INLINE_HEADING_MAX",
    "MARKDOWN_HEADING_MAX",
    "markdown_heading_end",
    "split_heading",
    "is_title_line",
]

# A heading line that is longer than this is body text that happens to start with a marker (or
# an inline heading). 60 covers every heading line of the seed and the State Council corpus
# (longest: 39 characters) with room for long district headings.
HEADING_LINE_MAX = 60
# An inline heading (`（一）推进改革。正文…`) ends at the first `。` when it comes this early; a
# later `。` means the heading runs to the first clause break instead (seed item （三） of 三).
INLINE_HEADING_MAX = 60
# A Markdown heading is one line. A `#` line longer than this is a heading glued to its body (a
# page whose line breaks were lost: `# Budget Speech --- **The Minister…** : Mr Speaker, …`), so
# the heading ends at its first break (`markdown_heading_end`). Headings of annual reports run to
# about 90 characters ("Management's Discussion and Analysis of Financial Condition and …").
MARKDOWN_HEADING_MAX = 120

_CN = "一二三四五六七八九十"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
          "X": 10, "XI": 11, "XII": 12}

# Families, outermost first; a family's rank orders it against the others when a document
# skips a level (一、 then 1. directly: 1. is still one level below 一、).
FAMILY_RANK: dict[str, float] = {
    "markdown1": 1, "markdown2": 2, "markdown3": 3, "markdown4": 4, "markdown5": 5, "markdown6": 6,
    "part": 0.5, "chapter": 0.5, "cn_comma": 1, "closing": 1, "sub": 1.9, "paren_cn": 2, "ordinal_di": 2.5, "arabic": 3,
    "paren_arabic": 4, "circled": 5, "lead": 6,
    "roman": 1.2, "title_line": 1.5, "letter": 2.2, "en_number": 3.2,
}


@dataclass(frozen=True, slots=True)
class Marker:
    """A heading marker at the start of a line: `end` is where the heading text may begin."""

    family: str  # key of FAMILY_RANK
    number: int | None  # as written; None when the numeral was lost
    text: str  # the marker as written, e.g. "（一）", "一)", "()", ")"
    end: int  # offset after the marker (and the spaces after it) in the line
    rule: str  # "marker:paren_cn", "recovered:lost_left_paren", …
    language: str = "zh"


def _cn_numeral(n: int) -> str:
    # markers are written in Chinese up to 99 (九十九、); larger or non-positive numbers stay digits
    return to_chinese(n) if 0 < n < 100 else str(n)


def format_marker(family: str, number: int) -> str:
    """The marker a heading of `family` numbered `number` should carry: ("paren_cn", 3) -> "（三）"."""
    if family == "cn_comma":
        return f"{_cn_numeral(number)}、"
    if family == "paren_cn":
        return f"（{_cn_numeral(number)}）"
    if family == "ordinal_di":
        return f"第{_cn_numeral(number)}，"
    if family == "arabic":
        return f"{number}."
    if family == "paren_arabic":
        return f"（{number}）"
    if family == "circled" and 1 <= number <= len(_CIRCLED):
        return _CIRCLED[number - 1]
    if family in ("letter",) and 1 <= number <= 26:
        return f"{chr(64 + number)}."
    if family == "en_number":
        return f"{number}."
    return ""


_SP = r"[ \t\u3000]*"
_PATTERNS: tuple[tuple[re.Pattern[str], str, str, str], ...] = (
    # (pattern, family, rule, language); group "n" is the numeral when present
    (lazy_pattern(rf"第(?P<n>[{_CN}]{{1,3}})(?:部分|章|篇)[：:、．.]?{_SP}"), "chapter", "marker:chapter", "zh"),
    (lazy_pattern(rf"(?P<n>[{_CN}百]{{1,3}})[、．.]{_SP}"), "cn_comma", "marker:cn_comma", "zh"),
    (lazy_pattern(rf"[（(]{_SP}(?P<n>[{_CN}]{{1,3}}){_SP}[）)]{_SP}"), "paren_cn", "marker:paren_cn", "zh"),
    (lazy_pattern(rf"(?P<n>[{_CN}]{{1,3}})[）)]{_SP}"), "paren_cn", "recovered:lost_left_paren", "zh"),
    (lazy_pattern(rf"[（(]{_SP}[）)]{_SP}"), "paren_cn", "recovered:lost_numeral", "zh"),
    (lazy_pattern(rf"[）)](?![）)]){_SP}"), "paren_cn", "recovered:bare_paren", "zh"),
    (lazy_pattern(rf"第(?P<n>[{_CN}]{{1,3}})[，,、]{_SP}"), "ordinal_di", "marker:ordinal_di", "zh"),
    (lazy_pattern(rf"(?P<n>\d{{1,2}})(?:[．、]|\.(?!\d)){_SP}"), "arabic", "marker:arabic", "zh"),
    (lazy_pattern(rf"[（(]{_SP}(?P<n>\d{{1,2}}){_SP}[）)]{_SP}"), "paren_arabic", "marker:paren_arabic", "zh"),
    (lazy_pattern(rf"(?P<n>[{_CIRCLED}]){_SP}"), "circled", "marker:circled", "zh"),
)
_MARKDOWN = lazy_pattern(r"(?P<hashes>#{1,6})[ \t]+")
_EN_PATTERNS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (lazy_pattern(r"(?P<n>(?:X|IX|IV|V?I{1,3}|VI{0,3}|XI{1,2}))[.)][ \t]+"), "roman", "marker:roman"),
    (lazy_pattern(r"(?P<n>[A-Z])[.)][ \t]+"), "letter", "marker:letter"),
    (lazy_pattern(r"(?P<n>\d{1,2})[.)][ \t]+"), "en_number", "marker:en_number"),
)
_FINAL_STOP = ZH_SENTENCE_ENDS + "：:;" + ASCII_SENTENCE_ENDS


def match_marker(line: str, *, language: str) -> Marker | None:
    """The heading marker `line` starts with, or None. `line` has no leading whitespace."""
    m = _MARKDOWN.match(line)
    if m and len(line) > m.end():
        level = len(m.group("hashes"))
        return Marker(f"markdown{level}", None, m.group().rstrip(), m.end(), "marker:markdown", language)
    if language == "zh":
        for pattern, family, rule, lang in _PATTERNS:
            m = pattern.match(line)
            if m is None or m.end() >= len(line):
                continue
            raw = m.groupdict().get("n")
            number = _CIRCLED.index(raw) + 1 if raw and raw in _CIRCLED else (parse_ordinal(raw) if raw else None)
            if raw and number is None:
                continue
            # a Chinese numeral past 50 is no heading's; Arabic numbers go up to 99 (the pattern stops
            # there): district reports number their tasks through the whole plan (…50. 51. … 58.)
            # and glossaries run to 67 entries (`1.5万` is kept out by the pattern itself)
            if number is not None and number > 50 and family not in ("arabic", "paren_arabic"):
                continue
            return Marker(family, number, m.group().rstrip(" \t\u3000"), m.end(), rule, lang)
        return None
    for pattern, family, rule in _EN_PATTERNS:
        m = pattern.match(line)
        if m is None:
            continue
        rest = line[m.end():]
        # English list items are sentences; only short unpunctuated lines are headings
        if not rest or len(rest) > HEADING_LINE_MAX or rest[-1] in ".,;:" or not rest[0].isupper():
            continue
        raw = m.group("n")
        number = _ROMAN[raw] if family == "roman" else (ord(raw) - 64 if family == "letter" else int(raw))
        return Marker(family, number, m.group().rstrip(), m.end(), rule, "en")
    return None


_CLAUSE = lazy_pattern(r"[，,；;：:]")


def split_heading(rest: str) -> tuple[int, int, bool]:
    """Where the heading in `rest` (the line after its marker) ends.

    Returns (heading_end, body_start, inline): for a heading line, heading_end drops a final
    stop and body_start is len(rest); for an inline heading the body starts after the `。`.
    """
    stop = rest.find("。")
    if (stop == -1 or stop == len(rest) - 1) and len(rest) <= HEADING_LINE_MAX:
        end = len(rest)
        while end and rest[end - 1] in _FINAL_STOP + "。 \u3000":
            end -= 1
        return end, len(rest), False
    if 0 < stop <= INLINE_HEADING_MAX:
        return stop, stop + 1, True
    m = _CLAUSE.search(rest, 0, INLINE_HEADING_MAX)
    cut = m.start() if m else min(len(rest), 30)
    return cut, cut, True


# Where a Markdown heading glued to its body ends at the latest: a thematic break, bold text, the
# next `#` marker, or punctuation that ends a sentence or a clause.
_MARKDOWN_BREAK = lazy_pattern(r"\s+(?:-{3,}|\*{3,}|_{3,}|\*\*|#{1,6}\s)|[.!?:;,。！？：；，](?=\s|$)")


def markdown_heading_end(rest: str, *, language: str) -> tuple[int, bool]:
    """Where the heading in `rest` (a `#` line after its marker) ends, and whether body text
    follows on the same line.

    A line of at most MARKDOWN_HEADING_MAX characters is all heading. A longer one is a heading
    glued to its body: a Chinese one ends like an inline `一、` heading (`split_heading`); an
    English one at its first break, and there at the end of its run of Title Case words, less
    the capitalised word that opens the body's first sentence ("2021 in Review Revenue grew …"
    → "2021 in Review").
    """
    if len(rest) <= MARKDOWN_HEADING_MAX:
        return len(rest), False
    if language == "zh":
        return split_heading(rest)[0], True
    m = _MARKDOWN_BREAK.search(rest, 0, MARKDOWN_HEADING_MAX)
    limit = m.start() if m else MARKDOWN_HEADING_MAX
    return _title_run_end(rest, limit), True


_WORD = lazy_pattern(r"\S+")


def _title_run_end(rest: str, limit: int) -> int:
    """The end of the Title Case words that open `rest[:limit]` (all of it when every word is)."""
    ends: list[int] = []  # end offsets of the title words kept so far
    capitalised_last = False
    for m in _WORD.finditer(rest, 0, limit):
        word = m.group()
        if not (word[0].isalnum() or word[0] in _OPENING_QUOTES):
            break  # a list bullet ("- Bring …"): the body began
        if word[0].islower() and word.lower() not in _SMALL_WORDS:
            # a lowercase word: the body began, with the capitalised word before it when there is one
            if capitalised_last and len(ends) > 1:
                ends.pop()
            break
        ends.append(m.end())
        capitalised_last = word[0].isupper()
    return ends[-1] if ends else limit


_OPENING_QUOTES = "“\"'‘("


_SMALL_WORDS = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the",
                "to", "vs", "vs.", "with", "our", "its", "is", "&", "–", "-"}


def is_title_line(line: str) -> bool:
    """A short English line in Title Case or ALL CAPS, without final punctuation."""
    bare = line.rstrip("”’\"')")
    if not 2 <= len(line) <= HEADING_LINE_MAX or not bare or bare[-1] in ".,;:!?*" or not line[0].isupper():
        return False
    words = line.split()
    if len(words) > 9 or not any(c.isalpha() for c in line):
        return False
    # table rows and column headers: figures, leaders, footnote stars, a dangling "of"
    if any(c in line for c in "%$…*|[]") or len(re.findall(r"\d+", line)) >= 2:
        return False
    if words[-1].lower() in _SMALL_WORDS - {"&"}:
        return False
    if line.isupper():
        return True
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper() or not w[0].isalpha())
    return capitalised == len(significant)

"""Text layer: one sentence -> tokens for the intraline diff.

Chinese is diffed by characters, English by words, and a number with its unit is ONE token, so
`1100万人 → 1200万人` shows as one changed figure rather than `1[-1-][+2+]00万人`. Tokens are
`(start, end)` offsets into the sentence string; every character is in exactly one token, so the
tokens always rebuild the sentence.

Number spans come from `text.numerals.number_token_spans` (the one number grammar), extended over
a counter it leaves outside.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

from ..lazy import lazy_pattern
from .numerals import CN_UNITS_ZH, EN_NUMBER_TOKENS, number_token_spans

__all__ = [
    "EN_STOP",
    "word_stems","Token", "tokenize", "token_texts", "number_spans", "is_number_token", "is_year_token"]

Token = tuple[int, int]

_YEAR = lazy_pattern(r"(?:19|20)[0-9]{2}年?")


# Units the numerals stage may leave outside its span (counters of the fixtures and reports:
# 180卷, 416台, 1.2 million); a number token runs on over them.
# The numerals' unit list first (longest first), then counters it does not hold.
_UNIT_AFTER = lazy_pattern(
    r"\s?(?:million|billion|trillion|thousand|percent|per cent)\b|(?:"
    + "|".join(re.escape(u) for u in CN_UNITS_ZH) + r"|万亿|亿|万|千|队|届|村|镇)"
)


def number_spans(text: str) -> list[Token]:
    """Number tokens of `text`: the numerals' spans, run on over a unit they leave outside."""
    out: list[Token] = []
    for a, b in number_token_spans(text):
        m = _UNIT_AFTER.match(text, b)
        if m and m.end() > b and not any(ch.isdigit() for ch in text[b : m.end()]):
            b = m.end()
        if out and a < out[-1][1]:
            continue
        out.append((a, b))
    return out


@lru_cache(maxsize=1 << 14)
def is_number_token(text: str) -> bool:
    """True for a token that is one number with its unit (`1100万人`, `十二场`, `$2.3 billion`, `three`)."""
    if text.lower() in EN_NUMBER_TOKENS:
        return True
    spans = number_spans(text)
    return len(spans) == 1 and spans[0] == (0, len(text))


def is_year_token(text: str) -> bool:
    return _YEAR.fullmatch(text.strip()) is not None


# Between numbers: a run of whitespace, a word, or one character (a CJK character is a token of its own)
_PIECE = lazy_pattern(r"\s+|[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)*|.", re.DOTALL)
# What makes a token longer than one character: in a text without any (Chinese without spaces or
# Latin words) the stretches between numbers are cut into their characters by `list`, not by a
# regex match per character.
_LONG_TOKEN_CHAR = lazy_pattern(r"[\sA-Za-z\u00c0-\u024f]")


def _characters(text: str, start: int, end: int) -> list[str]:
    """`_PIECE.findall(text, start, end)` for a stretch without whitespace and letters."""
    return list(text[start:end])


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens: numbers with units, CJK characters, words, whitespace, others.

    Cost is linear in `len(text)`: number spans are sorted and disjoint, and the text between two
    of them is cut by one regular expression.
    """
    ends = list(accumulate(map(len, token_texts(text))))
    return list(zip([0, *ends[:-1]], ends))


def token_texts(text: str) -> list[str]:
    """The text of each token of `tokenize(text)`, in order (what the diff compares): the pieces
    between numbers come from `findall`, as strings, without a match object per token."""
    tokens: list[str] = []
    pos = 0
    pieces = _PIECE.findall if text.isascii() or _LONG_TOKEN_CHAR.search(text) else _characters
    for a, b in sorted(number_spans(text)):
        if b <= pos:
            continue
        if a > pos:
            tokens.extend(pieces(text, pos, a))
            pos = a
        if b > a:
            tokens.append(text[a:b])
            pos = b
    if pos < len(text):
        tokens.extend(pieces(text, pos, len(text)))
    return tokens


EN_STOP = frozenset(
    "the a an and or of to in on for with by at from as is are was were be been will shall we our us "
    "it its this that these those have has had not but also more than into over under per which who "
    "their they them his her he she all any can could would should may might year years end".split()
)


def _stem(w: str) -> str:
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ed", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


def word_stems(s: str) -> list[str]:
    """Lower-cased stems of the Latin words of `s`, stop words left out, in order."""
    out: list[str] = []
    for w in re.findall(r"[A-Za-z][A-Za-z0-9'’-]*", s):
        w = w.lower().strip("'’-")
        if w in EN_STOP or len(w) < 2:
            continue
        out.append(_stem(w))
    return out

"""Stage 4 helper, diff: one sentence -> tokens for the intraline diff.

Chinese is diffed by characters, English by words, and a number with its unit is ONE token, so
`1100万人 → 1200万人` shows as one changed figure rather than `1[-1-][+2+]00万人`. Tokens are
`(start, end)` offsets into the sentence string; every character is in exactly one token, so the
tokens always rebuild the sentence.

When the figures stage provides `compare.numerals.number_token_spans`, its number spans are used;
until then a small regex of our own finds numbers with their units.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .cjk import CJK_WIDE

__all__ = [
    "EN_STOP",
    "word_stems","Token", "tokenize", "number_spans", "is_number_token", "is_year_token"]

Token = tuple[int, int]

# Units that belong to the number before them (longest first, so 万亿元 wins over 万).
_ZH_UNITS = (
    "个百分点|百分点|万亿元|亿美元|万美元|亿元|万元|千元|元|万亿|亿|万人次|万人|万户|万套|万吨|万千瓦|万公里|"
    "万平方米|平方公里|平方米|公里|千米|千瓦|吨|人次|人|户|套|家|件|个|项|起|场|次|宗|所|座|条|批|倍|岁|天|"
    "小时|分钟|万|千|%|％|‰"
)
_EN_UNITS = r"(?:\s?(?:%|percent|per cent|million|billion|trillion|thousand|bn|m)\b|%)"
_NUMBER = re.compile(
    r"(?:US\$|S\$|[$€£¥])?"  # currency before the number
    r"[0-9０-９]+(?:[,，][0-9]{3})*(?:[.．][0-9０-９]+)?"  # 1,234.5  ６.６
    r"(?:\s?(?:" + _ZH_UNITS + r")|" + _EN_UNITS + r")?"
)
_YEAR = re.compile(r"(?:19|20)[0-9]{2}年?")
_CJK = re.compile(f"[{CJK_WIDE}]")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['’][A-Za-z]+)*")
_SPACE = re.compile(r"\s+")


def _own_number_spans(text: str) -> list[Token]:
    return [(m.start(), m.end()) for m in _NUMBER.finditer(text)]


# Units the numerals stage may leave outside its span (counters of the fixtures and reports:
# 180卷, 416台, 1.2 million); a number token runs on over them.
_UNIT_AFTER = re.compile(
    r"\s?(?:million|billion|trillion|thousand|percent|per cent)\b|(?:个工作日|工作日|学时|批次|人次|"
    + _ZH_UNITS + r"|卷|台|份|条|批|名|辆|册|篇|部|种|支|队|期|轮|届|例|栋|宗|处|村|镇)"
)


def _numerals_number_spans() -> Callable[[str], list[Token]]:
    try:  # the figures stage owns numerals; use its spans once it has landed
        from .numerals import number_token_spans
    except ImportError:
        return _own_number_spans

    def spans(text: str) -> list[Token]:
        out: list[Token] = []
        for a, b in number_token_spans(text):
            m = _UNIT_AFTER.match(text, b)
            if m and m.end() > b and not any(ch.isdigit() for ch in text[b : m.end()]):
                b = m.end()
            if out and a < out[-1][1]:
                continue
            out.append((a, b))
        return out

    return spans


number_spans: Callable[[str], list[Token]] = _numerals_number_spans()


# English number words: `two → three calibrators` is a changed figure too.
_EN_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand million billion trillion dozen half double twice".split()
)


def is_number_token(text: str) -> bool:
    """True for a token that is one number with its unit (`1100万人`, `十二场`, `$2.3 billion`, `three`)."""
    if text.lower() in _EN_NUMBER_WORDS:
        return True
    spans = number_spans(text)
    return len(spans) == 1 and spans[0] == (0, len(text))


def is_year_token(text: str) -> bool:
    return _YEAR.fullmatch(text.strip()) is not None


def tokenize(text: str) -> list[Token]:
    """Split `text` into tokens: numbers with units, CJK characters, words, whitespace, others.

    Cost is linear in `len(text)`.
    """
    numbers = sorted(number_spans(text))
    tokens: list[Token] = []
    pos = 0
    n = len(text)
    k = 0
    while pos < n:
        while k < len(numbers) and numbers[k][1] <= pos:
            k += 1
        if k < len(numbers) and numbers[k][0] == pos and numbers[k][1] > pos:
            tokens.append((pos, numbers[k][1]))
            pos = numbers[k][1]
            continue
        limit = numbers[k][0] if k < len(numbers) and numbers[k][0] > pos else n
        ch = text[pos]
        m = None
        if ch.isspace():
            m = _SPACE.match(text, pos, limit)
        elif not _CJK.match(ch):
            m = _WORD.match(text, pos, limit)
        end = m.end() if m and m.end() > pos else pos + 1
        tokens.append((pos, end))
        pos = end
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

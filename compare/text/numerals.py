"""Text layer: the one number parser (Chinese numerals included): number strings -> `Decimal`, and back.

Takes numerals as written in Chinese and English reports — Arabic digits (thousand separators,
decimals, full-width digits), Chinese numerals (一百二十, 两千三百万, 十余), mixed forms (1.5万,
4.87亿, 1万6千, 13万2), fractions (三分之一, 百分之五, 千分之三) — and returns exact `Decimal`
values. `to_chinese` writes a number back in Chinese numerals (used by the round-trip property
test). `number_token_spans` finds every number-with-unit token in a text so that the intraline diff
keeps a number and its unit together.

Everything here is a regular-expression scan or a left-to-right fold: cost is linear in the length
of the text. Nothing rewrites running text (unlike `cn2an.transform`, which turns 一是 into 1是).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..lazy import lazy_pattern

__all__ = [
    "EN_NUMBER_TOKENS",
    "parse_ordinal",
    "CN_DIGITS",
    "CN_UNITS_ZH",
    "EN_UNIT_PATTERN",
    "NumeralError",
    "ZH_TOKEN",
    "zh_tokens",
    "EN_TOKEN",
    "en_tokens",
    "EN_NUMBER_WORDS",
    "parse_number",
    "to_chinese",
    "number_token_spans",
    "normalise_digits",
]


class NumeralError(ValueError):
    """A string handed to `parse_number` is not a numeral."""


CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_SMALL_MULT: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
_BIG_MULT: dict[str, int] = {"万": 10**4, "亿": 10**8}

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")


def normalise_digits(text: str) -> str:
    """Full-width digits, point, comma and percent sign -> ASCII (same length, offsets kept)."""
    return text.translate(_FULLWIDTH)


# --- parsing -----------------------------------------------------------------------------------

_ARABIC_RUN = lazy_pattern(r"\d+(?:,\d{3})*(?:\.\d+)?")
_CN_CHARS = "".join(CN_DIGITS) + "十百千万亿"
_CN_FRACTION = lazy_pattern(r"^(?P<den>.+?)分之(?P<num>.+)$")
# Capital (financial) numerals, traditional forms and signs, written the common way before parsing;
# 廿 / 卅 / 卌 are 二十 / 三十 / 四十 (廿五 = 25).
_CAPITALS = str.maketrans({
    "壹": "一", "贰": "二", "貳": "二", "叁": "三", "參": "三", "肆": "四", "伍": "五", "陆": "六",
    "陸": "六", "柒": "七", "捌": "八", "玖": "九", "拾": "十", "佰": "百", "仟": "千", "萬": "万",
    "億": "亿", "兩": "两", "〇": "零", "○": "零", "０": "0", "１": "1", "２": "2", "３": "3", "４": "4",
    "５": "5", "６": "6", "７": "7", "８": "8", "９": "9", "．": ".", "，": ",", "−": "-", "－": "-",
    "﹣": "-", "廿": "二十", "卅": "三十", "卌": "四十",
})
_SIGNS = ("负", "-")
# A bare 百 / 千 / 万 is a denominator only: 百分之五, 千分之三, 万分之一.
_BARE_DENOMINATOR = {"百": Decimal(100), "千": Decimal(1000), "万": Decimal(10**4)}
_CN_WHOLE_DIGITS = "零一二两三四五六七八九"


@lru_cache(maxsize=1 << 12)  # the same numerals come back figure after figure (a Decimal is immutable)
def parse_number(text: str) -> Decimal:
    """Parse one numeral: "1,234.5", "１２", "一百二十", "两千三百万", "1.5万", "13万2", "三分之一".

    Also signs (负0.3, −2.5), 点 (零点五, 一点五万, 一千二百三十四点五六亿), capitals (壹佰贰拾叁),
    廿 / 卅, 兩, digits written position by position (二〇二〇) and colloquial endings (三万五 = 35000,
    一百二 = 120). "百分之五" is 0.05 and "千分之三" 0.003 (the fraction itself; figures keep them as
    5 % and 3 ‰). Raises `NumeralError` for anything that is not one well-formed numeral: 十一十二,
    百十一, 零点, 点一, 1百01, 10.1万零100.
    """
    s = text.strip().translate(_CAPITALS)
    negative = s.startswith(_SIGNS)
    if negative:
        s = s[1:]
    if not s:
        raise NumeralError(f"{text!r}: not a numeral")
    value = _unsigned(s, text)
    return -value if negative else value


def _unsigned(s: str, original: str) -> Decimal:
    m = _CN_FRACTION.match(s)
    if m:
        den_text = m.group("den")
        den = _BARE_DENOMINATOR.get(den_text) or _unsigned(den_text, original)
        num = _unsigned(m.group("num"), original)
        if den == 0:
            raise NumeralError(f"{original!r}: zero denominator")
        return num / den
    if "点" in s:
        whole, _, rest = s.partition("点")
        frac = rest.rstrip("万亿")
        mag = rest[len(frac):]
        if not whole or not frac or "点" in rest or any(c not in CN_DIGITS and not c.isdigit() for c in frac):
            raise NumeralError(f"{original!r}: not a numeral")
        if mag not in ("", "万", "亿", "万亿"):
            raise NumeralError(f"{original!r}: {mag!r} is not a magnitude")
        digits = "".join(str(CN_DIGITS[c]) if c in CN_DIGITS else c for c in frac)
        value = _integer(whole, original) + Decimal("0." + digits)
        return value * {"": 1, "万": 10**4, "亿": 10**8, "万亿": 10**12}[mag]
    return _integer(s, original)


def _integer(s: str, original: str) -> Decimal:
    """A numeral without 点: splits at the last 亿, then the last 万, and checks each part's size."""
    for big, size in (("亿", 10**8), ("万", 10**4)):
        i = s.rfind(big)
        if i == -1:
            continue
        head, tail = s[:i], s[i + 1 :]
        if not head:
            raise NumeralError(f"{original!r}: {big} with no number before it")
        high = _integer(head, original) if big == "亿" else _section(head, original)
        if "." in head and tail:
            raise NumeralError(f"{original!r}: a decimal before {big} takes nothing after it")
        return high * size + _after_big(tail, size, original)
    return _section(s, original)


def _after_big(tail: str, size: int, original: str) -> Decimal:
    """What follows 万 or 亿: 零 + a smaller number, a full lower part, or one colloquial digit."""
    if not tail:
        return Decimal(0)
    if tail[0] == "零":
        low = _integer(tail[1:], original) if tail[1:] else None
        if low is None or low >= size // 10:
            raise NumeralError(f"{original!r}: 零 must be followed by a smaller number")
        return low
    if len(tail) == 1 and (tail in CN_DIGITS or tail.isdigit()):
        return Decimal(int(CN_DIGITS.get(tail, 0) if tail in CN_DIGITS else tail)) * (size // 10)  # 三万五
    low = _integer(tail, original)
    if low >= size:
        raise NumeralError(f"{original!r}: the part after the multiplier is too large")
    return low


_Token = tuple[str, Decimal, str]  # (kind: "num" | "zero" | "mult", value, text)


def _tokens(s: str, original: str) -> list[_Token]:
    out: list[_Token] = []
    i = 0
    while i < len(s):
        c = s[i]
        if c.isdigit():
            m = _ARABIC_RUN.match(s, i)
            if not m or (m.end() < len(s) and s[m.end()] in ".,"):
                raise NumeralError(f"{original!r}: not a numeral")
            try:
                out.append(("num", Decimal(m.group().replace(",", "")), m.group()))
            except InvalidOperation:  # pragma: no cover - the pattern only admits valid digits
                raise NumeralError(f"{original!r}: not a numeral") from None
            i = m.end()
        elif c in CN_DIGITS:
            out.append(("zero", Decimal(0), c) if CN_DIGITS[c] == 0 else ("num", Decimal(CN_DIGITS[c]), c))
            i += 1
        elif c in _SMALL_MULT:
            out.append(("mult", Decimal(_SMALL_MULT[c]), c))
            i += 1
        else:
            raise NumeralError(f"{original!r}: {c!r} is not part of a numeral")
    return out


def _section(s: str, original: str) -> Decimal:
    """A number below 万 written with 十 / 百 / 千 (or Arabic digits, or digit by digit)."""
    toks = _tokens(s, original)
    if not any(kind == "mult" for kind, _, _ in toks):
        return _digit_run(toks, original)
    total = Decimal(0)
    last = Decimal(10**4)
    pending: _Token | None = None
    gap = False
    for tok in toks:
        kind, value, text = tok
        if kind == "num":
            if pending is not None:
                raise NumeralError(f"{original!r}: two numbers with no multiplier between them")
            pending = tok
        elif kind == "zero":
            if pending is not None or total == 0:
                raise NumeralError(f"{original!r}: 零 out of place")
            gap = True
        else:
            if value >= last:
                raise NumeralError(f"{original!r}: {text} after a smaller or equal multiplier")
            total += _coefficient(pending, value, text, first=total == 0 and not gap, original=original) * value
            last, pending, gap = value, None, False
    if pending is not None:
        total += _units(pending, last, gap, original)
    return total


def _digit_run(toks: list[_Token], original: str) -> Decimal:
    """No multiplier: one number (7, 1720, 10.1, 零) or digits position by position (一七二零, 二〇二〇)."""
    if len(toks) == 1:
        return toks[0][1]
    if all(kind == "zero" or (kind == "num" and text in CN_DIGITS) for kind, _, text in toks):
        return Decimal("".join(str(int(v)) for _, v, _ in toks))
    raise NumeralError(f"{original!r}: two numbers with no multiplier between them")


def _coefficient(pending: _Token | None, mult: Decimal, text: str, *, first: bool, original: str) -> Decimal:
    """The digit before a multiplier: 1–9, or nothing before a leading 十 (十一 = 11; 百十一 is wrong)."""
    if pending is None:
        if mult == 10 and first:
            return Decimal(1)
        raise NumeralError(f"{original!r}: {text} with no digit before it")
    coef = pending[1]
    if not (0 < coef < 10) or (pending[2][0].isdigit() and pending[2].startswith("0")):
        raise NumeralError(f"{original!r}: {pending[2]}{text} is not a numeral")
    return coef


def _units(pending: _Token, last: Decimal, gap: bool, original: str) -> Decimal:
    """The number after the last multiplier: units after 十 or 零 (一百零一), an Arabic group that fills
    the places below (四千230), or one colloquial digit (一百二 = 120, 两千六 = 2600)."""
    value, text = pending[1], pending[2]
    if gap or last == 10:
        if value >= (last / 10 if gap else last):
            raise NumeralError(f"{original!r}: {text} is too large for its place")
        if text[0].isdigit() and text.startswith("0"):
            raise NumeralError(f"{original!r}: {text} has a leading zero")
        return value
    if text[0].isdigit() and len(text) > 1:
        if text.startswith("0") or len(text) != len(str(int(last))) - 1 or "." in text:
            raise NumeralError(f"{original!r}: {text} does not fit after {int(last)}")
        return value
    if value == value.to_integral() and value < 10:
        return value * (last / 10)
    raise NumeralError(f"{original!r}: {text} does not fit after {int(last)}")


def parse_ordinal(numeral: str) -> int | None:
    """A whole number as headings and dates write it: `三十二` -> 32, `十` -> 10, `7` -> 7, else None.

    Digits written position by position (`一二三四`) and fractions are not ordinals.
    """
    if numeral.isdigit():
        return int(numeral)
    if not numeral or any(c not in CN_DIGITS and c not in _SMALL_MULT for c in numeral):
        return None
    if len(numeral) > 1 and not any(c in _SMALL_MULT for c in numeral):
        return None
    try:
        value = parse_number(numeral)
    except NumeralError:
        return None
    return int(value) if value == value.to_integral() else None


# --- writing -----------------------------------------------------------------------------------

_CN_WRITE = "零一二三四五六七八九"


def _four(n: int, leading: bool) -> str:
    """0 < n < 10000 in Chinese; `leading` drops 一 before 十 (十二, not 一十二)."""
    out: list[str] = []
    zero = False
    for mult, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d, n = divmod(n, mult)
        if d:
            if zero:
                out.append("零")
                zero = False
            if not (leading and not out and d == 1 and mult == 10):
                out.append(_CN_WRITE[d])
            out.append(name)
        elif out:
            zero = True
    return "".join(out)


def _cn_int(n: int, leading: bool = True) -> str:
    if n < 10**4:
        return _four(n, leading)
    if n < 10**8:
        high, low = divmod(n, 10**4)
        s = _four(high, leading) + "万"
        if low:
            s += ("零" if low < 1000 else "") + _four(low, False)
        return s
    high, low = divmod(n, 10**8)
    s = _cn_int(high, leading) + "亿"
    if low:
        s += ("零" if low < 10**7 else "") + _cn_int(low, False)
    return s


def to_chinese(value: int | Decimal) -> str:
    """Write a non-negative number in Chinese numerals: 120 -> 一百二十, 3.25 -> 三点二五."""
    d = Decimal(value)
    if d < 0 or not d.is_finite():
        raise ValueError(f"to_chinese needs a finite non-negative number, got {value}")
    whole = int(d)
    s = "零" if whole == 0 else _cn_int(whole)
    frac = d - whole
    if frac:
        digits = format(frac.normalize(), "f").split(".")[1]
        s += "点" + "".join(_CN_WRITE[int(c)] for c in digits)
    return s


# --- tokens: a number and its unit -----------------------------------------------------------

# Units that may follow a Chinese-report number, longest first so 个百分点 wins over 个.
CN_UNITS_ZH: tuple[str, ...] = tuple(sorted({
    "个百分点", "百分点", "个工作日", "工作日", "个月", "个小时", "小时", "分钟", "人次", "户次", "件次",
    "平方公里", "平方米", "立方米", "公里", "千米", "公顷", "千瓦时", "千瓦", "兆瓦", "标箱", "公斤",
    "千克", "周岁", "美元", "港元", "欧元", "日元", "元", "个", "人", "名", "位", "户", "家", "项", "件",
    "起", "宗", "场", "次", "批", "所", "座", "套", "辆", "台", "部", "条", "张", "份", "篇", "期", "支",
    "只", "头", "册", "本", "间", "栋", "处", "类", "种", "款", "块", "艘", "架", "趟", "亩", "吨", "米",
    "度", "斤", "克", "微克/立方米", "微克", "升", "株", "棵", "岁", "天", "倍", "番", "年", "例", "%", "‰", "％", "卷", "批次",
    "架次", "车次", "场次", "班次", "课时", "学时", "笔", "单", "轮", "堂", "门", "剂次", "剂", "家次", "艘次",
}, key=lambda u: (-len(u), u)))

# What a unit may be per, written before the number (「每立方米19.1微克」 is 19.1 微克/立方米).
PER_QUANTITY_UNITS: tuple[str, ...] = ("平方公里", "千瓦时", "立方米", "平方米", "公里", "千米", "万元", "人", "吨")

# full-width digits take a full-width comma as thousands separator (１２，３４５); ASCII ones do not
_AR = r"(?:[0-9]+(?:,[0-9]{3})*|[０-９]+(?:[，,][０-９]{3})*)(?![0-9０-９])(?:[.．][0-9０-９]+)?"
# Chinese digits and multipliers, with capitals (壹贰叁…拾佰仟), traditional 兩 and 廿 / 卅.
_CN_DIGIT_CHARS = "零〇一二两三四五六七八九十百千壹贰貳叁參肆伍陆陸柒捌玖拾佰仟兩廿卅"
_CN_NUM = rf"[{_CN_DIGIT_CHARS}]"
# A numeral: Arabic or Chinese digits, mixed with multipliers (1万6千, 4.87亿, 两千三百万), and a
# Chinese decimal point followed by a digit (零点五, 一点五万, 一千二百三十四点五六亿).
_NUMERAL = (rf"(?:{_AR}|{_CN_NUM})(?:{_AR}|[{_CN_DIGIT_CHARS}万亿萬億]"
            rf"|点(?=[零〇一二三四五六七八九0-9０-９]))*")
_MAG = r"(?:千万|百万|万亿|亿|万)"
_APPROX = r"(?:多|余)"
_UNIT = "|".join(re.escape(u) for u in CN_UNITS_ZH)
_SUFFIX_Q = r"(?:左右|以上|以下|以内|上下)"
_ONE = rf"{_NUMERAL}{_APPROX}?{_MAG}?{_APPROX}?"
_RANGE_SEP = r"(?:至|到|-|－|—|–|~|～)"
_RANGE_SEP_AFTER_UNIT = r"(?:至|-|－|—|–|~|～)"

# One Chinese figure token. Groups: pct (百分之…), frac (三分之一), or num/unit with an optional
# range end (num2/unit2) and a trailing qualifier.
ZH_TOKEN = lazy_pattern(
    rf"(?P<pct>(?:百分之|千分之)(?:{_NUMERAL})(?:点[零〇一二三四五六七八九0-9]+)?"
    rf"(?:(?:至|到)(?:百分之|千分之)?{_NUMERAL}(?:点[零〇一二三四五六七八九0-9]+)?)?)"
    rf"|(?P<frac>{_NUMERAL}分之{_NUMERAL})"
    rf"|(?P<num>{_ONE})(?:(?P<unit1>{_UNIT})(?:{_RANGE_SEP_AFTER_UNIT}(?P<num2a>{_ONE})(?P<unit2a>(?P=unit1)))?"
    rf"|{_RANGE_SEP}(?P<num2b>{_ONE})(?P<unit2b>{_UNIT}))?"
    rf"(?P<q>{_SUFFIX_Q})?"
)
# Every ZH_TOKEN match opens with one of these (百分之 / 千分之, or a numeral's first digit), so
# `zh_tokens` tries the big pattern only there: the same matches, five times faster than
# `ZH_TOKEN.finditer` on a report, where most characters open no number.
_ZH_TOKEN_START = lazy_pattern(f"[百千0-9０-９{_CN_DIGIT_CHARS}]")


def zh_tokens(text: str) -> Iterator[re.Match[str]]:
    """The matches of `ZH_TOKEN.finditer(text)`, found by trying ZH_TOKEN only where one can start."""
    pos = 0
    match = ZH_TOKEN.match
    for start in _ZH_TOKEN_START.finditer(text):
        at = start.start()
        if at < pos:
            continue
        m = match(text, at)
        if m is not None:
            yield m
            pos = m.end()  # never empty: every alternative reads at least one character

EN_UNIT_PATTERN = r"(?:trillion|billion|million|thousand|bn|mn|m|k)"
_EN_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
# One English figure token: currency amounts, percentages, counts with a plural noun.
# English number words that count things ("two new calibrators"); "one" is left out: it is a word.
EN_NUMBER_WORDS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}
# Every English word that is a number in a diff token: `two → three calibrators` is a changed figure.
EN_NUMBER_TOKENS: frozenset[str] = frozenset(EN_NUMBER_WORDS) | frozenset(
    "zero one hundred thousand million billion trillion half double twice".split())
_EN_WORD_NUM = "(?i:" + "|".join(sorted(EN_NUMBER_WORDS, key=lambda w: (-len(w), w))) + ")"
# One English figure token: currency amounts, percentages, counts with a plural noun (up to three
# words between: "1.2 million pressure and flow sensors"), and bare "5.7 million".
EN_TOKEN = lazy_pattern(
    rf"(?P<cur>(?:S\$|US\$|HK\$|A\$|C\$|\$|£|€|¥))\s?(?P<cnum>{_EN_NUM})"
    rf"(?:\s?(?P<cscale>{EN_UNIT_PATTERN})\b)?"
    rf"|(?<![\w.$])(?P<pnum>{_EN_NUM})\s?(?P<pct>%|per\s?cent\b|percent\b|percentage points?\b)"
    rf"|(?<![\w.$/-])(?P<qnum>{_EN_NUM}|\b{_EN_WORD_NUM}\b)(?:\s(?P<qscale>trillion|billion|million|thousand)\b)?"
    rf"(?P<adj>(?:\s[a-z][a-z-]*){{0,3}}?)\s(?P<noun>[a-z]{{2,}}s)\b"
    rf"|(?<![\w.$/-])(?P<snum>{_EN_NUM})\s(?P<sscale>trillion|billion|million)\b"
)

# Where an EN_TOKEN match can begin: a run of digits, a currency sign (a match may start at the
# letters of S$ / US$ / HK$ / A$ / C$ before it) or a number word. Python's `re` tries every branch
# of EN_TOKEN at every character of a text (0.1 s on a Berkshire letter); these patterns begin
# with a character class, which `re` scans for in C, so finding the starts first is 20× faster.
# Digit runs and currency signs are found by one scan: a run of digits whole (as \d+ finds it), a
# sign alone. (Written to open with a class, not \d+: `re` scans ahead for a pattern's first
# character only when it opens with a class, not with a repeat; twice as fast on a report.)
_DIGIT_RUN_OR_SIGN = lazy_pattern(r"[\d$£€¥](?:(?<=\d)\d*)?")


def _number_word_start() -> str:
    """A number word at a word boundary, as `\\b{_EN_WORD_NUM}\\b` finds it (the same matches),
    written to begin with its first letter as a class: the letters any number word begins with, in
    both cases, and "ſ", which case-insensitive matching takes for "s" (tests/test_numerals.py
    checks the class against every character)."""
    words = sorted(EN_NUMBER_WORDS, key=lambda w: (-len(w), w))
    firsts = sorted({w[0] for w in words})
    rests = "|".join(f"(?<={c})(?:" + "|".join(w[1:] for w in words if w[0] == c) + ")" for c in firsts)
    letters = "".join(c + c.upper() for c in firsts) + "ſ"
    return rf"[{letters}](?<!\w.)(?i:{rests})\b"


_NUMBER_WORD_START = lazy_pattern(_number_word_start())


def en_tokens(text: str) -> Iterator[re.Match[str]]:
    """The matches of `EN_TOKEN.finditer(text)`, in order and without overlap as `finditer` gives
    them, found by trying EN_TOKEN only where a match can begin (see `_DIGIT_RUN_OR_SIGN` above)."""
    starts: set[int] = {m.start() for m in _NUMBER_WORD_START.finditer(text)}
    for m in _DIGIT_RUN_OR_SIGN.finditer(text):  # digit runs, and currency signs (with S$, US$, HK$ …)
        p = m.start()
        if text[p] == "$":
            starts.update((p - 2, p - 1, p))
        else:
            starts.add(p)
    end = 0
    for q in sorted(starts):
        if q < end or q < 0:
            continue
        hit = EN_TOKEN.match(text, q)
        if hit is not None:
            end = hit.end()
            yield hit


# (opening with a class, not a repeat, for the same reason as _DIGIT_RUN_OR_SIGN: 7× faster on a Chinese report)
_BARE_ARABIC = lazy_pattern(r"[0-9０-９][0-9０-９]*(?:,[0-9]{3})*(?![0-9０-９])(?:[.．][0-9０-９]+)?")


# Every number token holds a digit (\d holds ０-９), a Chinese numeral or a currency sign, or is an
# English number word: a text with none (half of the diff's texts are words between figures, or
# single tokens) has no token, known after a few searches instead of five scans. A text with no
# digit, sign or number word (most Chinese sentences: their numerals are 一是, 进一步, 十四五) has
# no English token and no bare number: only its Chinese numerals can make tokens.
_DIGIT_OR_SIGN = lazy_pattern(r"[\d$£€¥]")
_CN_DIGIT = lazy_pattern(f"[{_CN_DIGIT_CHARS}]")


def _zh_kept(m: re.Match[str]) -> bool:
    """Whether a ZH_TOKEN match is a number token: a percentage, a fraction, a number with a unit
    or an Arabic number (a bare Chinese numeral is a word)."""
    pct, frac, unit1, unit2b, num = m.group("pct", "frac", "unit1", "unit2b", "num")
    return bool(pct or frac or unit1 or unit2b or (num and num[0] in "0123456789０１２３４５６７８９"))


def number_token_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every number token in `text`, a number and its unit together.

    `1100万人`, `4.87亿元`, `99.7%`, `3至4个`, `十二个`, `6.5个百分点`, `$2.3 billion`, `12%` are one
    span each. Arabic numbers without a unit (2020, 12345) are spans too, so a diff never splits
    digits; Chinese numerals without a unit (一是, 十四五) are not, because they are words.
    Spans are sorted and do not overlap. Linear in the length of `text`.
    """
    if _DIGIT_OR_SIGN.search(text) is None and _NUMBER_WORD_START.search(text) is None:
        # only Chinese tokens, which `zh_tokens` finds in order and without overlap: nothing to sort
        if _CN_DIGIT.search(text) is None:
            return []
        return [m.span() for m in zh_tokens(text) if _zh_kept(m)]
    found: list[tuple[int, int]] = []  # (start, -end): sorted in C by start, the longest first
    for m in zh_tokens(text):
        if _zh_kept(m):
            found.append((m.start(), -m.end()))
    for m in en_tokens(text):
        if m.group("adj"):  # "28 new apprentices": the number (and scale) is the token
            found.append((m.start(), -(m.end("qscale") if m.group("qscale") else m.end("qnum"))))
        else:
            found.append((m.start(), -m.end()))
    for m in _BARE_ARABIC.finditer(text):
        found.append((m.start(), -m.end()))
    found.sort()
    out: list[tuple[int, int]] = []
    for start, neg_end in found:
        end = -neg_end
        if out and start < out[-1][1]:
            if end > out[-1][1] and start == out[-1][0]:  # pragma: no cover - sorted longest first
                out[-1] = (start, end)
            continue
        out.append((start, end))
    return out

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
from decimal import Decimal, InvalidOperation

__all__ = [
    "EN_NUMBER_TOKENS",
    "parse_ordinal",
    "CN_DIGITS",
    "CN_UNITS_ZH",
    "EN_UNIT_PATTERN",
    "NumeralError",
    "ZH_TOKEN",
    "EN_TOKEN",
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

_ARABIC_RUN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_CN_CHARS = "".join(CN_DIGITS) + "十百千万亿"
_CN_FRACTION = re.compile(r"^(?P<den>.+?)分之(?P<num>.+)$")


def parse_number(text: str) -> Decimal:
    """Parse one numeral: "1,234.5", "１２", "一百二十", "两千三百万", "1.5万", "13万2", "三分之一".

    "百分之五" is 0.05 and "千分之三" 0.003 (the fraction itself; figures keep them as 5 % and
    3 ‰). Raises `NumeralError` for anything that is not a numeral.
    """
    s = normalise_digits(text.strip())
    if not s:
        raise NumeralError("empty numeral")
    m = _CN_FRACTION.match(s)
    if m:
        den = parse_number(m.group("den"))
        num = parse_number(m.group("num"))
        if den == 0:
            raise NumeralError(f"{text!r}: zero denominator")
        return num / den
    if "点" in s:
        whole, _, frac = s.partition("点")
        if not frac or any(c not in CN_DIGITS and not c.isdigit() for c in frac):
            raise NumeralError(f"{text!r}: not a numeral")
        digits = "".join(str(CN_DIGITS[c]) if c in CN_DIGITS else c for c in frac)
        return parse_number(whole or "零") + Decimal("0." + digits)
    return _fold(s, text)


def _tokens(s: str, original: str) -> list[Decimal | str]:
    """Split "1万6千" into [1, "万", 6, "千"]; Chinese digits become Decimals, multipliers stay str."""
    out: list[Decimal | str] = []
    i = 0
    while i < len(s):
        c = s[i]
        if c.isdigit():
            m = _ARABIC_RUN.match(s, i)
            if not m:
                raise NumeralError(f"{original!r}: not a numeral")
            try:
                out.append(Decimal(m.group().replace(",", "")))
            except InvalidOperation:  # pragma: no cover - the pattern only admits valid digits
                raise NumeralError(f"{original!r}: not a numeral") from None
            i = m.end()
        elif c in CN_DIGITS:
            # a Chinese zero only keeps place (一百零二); it is a marker, not a number
            out.append("零" if CN_DIGITS[c] == 0 else Decimal(CN_DIGITS[c]))
            i += 1
        elif c in _SMALL_MULT or c in _BIG_MULT:
            out.append(c)
            i += 1
        else:
            raise NumeralError(f"{original!r}: {c!r} is not part of a numeral")
    return out


def _fold(s: str, original: str) -> Decimal:
    toks = _tokens(s, original)
    # Digits written position by position with no multiplier: 二〇二〇, 一九九八.
    if len(toks) > 1 and not any(isinstance(t, str) and t != "零" for t in toks):
        if all(t == "零" or (isinstance(t, Decimal) and t == t.to_integral() and t < 10) for t in toks):
            return Decimal("".join("0" if t == "零" else str(t) for t in toks))
        raise NumeralError(f"{original!r}: two numbers with no multiplier between them")
    high = Decimal(0)  # completed parts of 亿 and above
    wan = Decimal(0)  # completed part of 万
    section = Decimal(0)  # part below 万
    number: Decimal | None = None
    last_mult = 1
    after_zero = False
    for t in toks:
        if isinstance(t, Decimal):
            if t == 0 and number is None and (section or wan or high):
                after_zero = True  # 一百零二: a bare 零 only keeps place
                continue
            if number is not None:
                raise NumeralError(f"{original!r}: two numbers with no multiplier between them")
            number = t
        elif t == "零":
            after_zero = True
        elif t in _SMALL_MULT:
            mult = _SMALL_MULT[t]
            section += (number if number is not None else Decimal(1)) * mult
            number, last_mult, after_zero = None, mult, False
        elif t == "万":
            lower = section + (number or 0)
            wan = (lower if lower else Decimal(1)) * 10**4
            section, number, last_mult, after_zero = Decimal(0), None, 10**4, False
        else:  # 亿
            lower = wan + section + (number or 0)
            high = (high + lower if (high + lower) else Decimal(1)) * 10**8
            wan = section = Decimal(0)
            number, last_mult, after_zero = None, 10**8, False
    if number is not None:
        # Colloquial abbreviation: 一百二 = 120, 两万三 = 23000, 13万2 = 132000 (not after 零).
        if last_mult >= 100 and not after_zero and number == number.to_integral() and number < 10:
            number *= last_mult // 10
        section += number
    return high + wan + section


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
    "度", "斤", "克", "升", "株", "棵", "岁", "天", "倍", "番", "年", "例", "%", "‰", "％", "卷", "批次",
    "架次", "车次", "场次", "班次", "课时", "学时", "笔", "单", "轮", "堂", "门",
}, key=lambda u: (-len(u), u)))

_AR = r"[0-9０-９]+(?:,[0-9]{3})*(?![0-9０-９])(?:[.．][0-9０-９]+)?"
_CN_NUM = r"[零〇一二两三四五六七八九十百千]"
# A numeral: Arabic or Chinese digits, mixed with multipliers (1万6千, 4.87亿, 两千三百万).
_NUMERAL = rf"(?:{_AR}|{_CN_NUM})(?:{_AR}|[零〇一二两三四五六七八九十百千万亿])*"
_MAG = r"(?:千万|百万|万亿|亿|万)"
_APPROX = r"(?:多|余)"
_UNIT = "|".join(re.escape(u) for u in CN_UNITS_ZH)
_SUFFIX_Q = r"(?:左右|以上|以下|以内|上下)"
_ONE = rf"{_NUMERAL}{_APPROX}?{_MAG}?{_APPROX}?"
_RANGE_SEP = r"(?:至|到|-|－|—|–|~|～)"
_RANGE_SEP_AFTER_UNIT = r"(?:至|-|－|—|–|~|～)"

# One Chinese figure token. Groups: pct (百分之…), frac (三分之一), or num/unit with an optional
# range end (num2/unit2) and a trailing qualifier.
ZH_TOKEN = re.compile(
    rf"(?P<pct>(?:百分之|千分之)(?:{_NUMERAL})(?:点[零〇一二三四五六七八九0-9]+)?"
    rf"(?:(?:至|到)(?:百分之|千分之)?{_NUMERAL}(?:点[零〇一二三四五六七八九0-9]+)?)?)"
    rf"|(?P<frac>{_NUMERAL}分之{_NUMERAL})"
    rf"|(?P<num>{_ONE})(?:(?P<unit1>{_UNIT})(?:{_RANGE_SEP_AFTER_UNIT}(?P<num2a>{_ONE})(?P<unit2a>{_UNIT}))?"
    rf"|{_RANGE_SEP}(?P<num2b>{_ONE})(?P<unit2b>{_UNIT}))?"
    rf"(?P<q>{_SUFFIX_Q})?"
)

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
EN_TOKEN = re.compile(
    rf"(?P<cur>(?:S\$|US\$|HK\$|A\$|C\$|\$|£|€|¥))\s?(?P<cnum>{_EN_NUM})"
    rf"(?:\s?(?P<cscale>{EN_UNIT_PATTERN})\b)?"
    rf"|(?<![\w.$])(?P<pnum>{_EN_NUM})\s?(?P<pct>%|per\s?cent\b|percent\b|percentage points?\b)"
    rf"|(?<![\w.$/-])(?P<qnum>{_EN_NUM}|\b{_EN_WORD_NUM}\b)(?:\s(?P<qscale>trillion|billion|million|thousand)\b)?"
    rf"(?P<adj>(?:\s[a-z][a-z-]*){{0,3}}?)\s(?P<noun>[a-z]{{2,}}s)\b"
    rf"|(?<![\w.$/-])(?P<snum>{_EN_NUM})\s(?P<sscale>trillion|billion|million)\b"
)

_BARE_ARABIC = re.compile(r"[0-9０-９]+(?:,[0-9]{3})*(?![0-9０-９])(?:[.．][0-9０-９]+)?")


def number_token_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every number token in `text`, a number and its unit together.

    `1100万人`, `4.87亿元`, `99.7%`, `3至4个`, `十二个`, `6.5个百分点`, `$2.3 billion`, `12%` are one
    span each. Arabic numbers without a unit (2020, 12345) are spans too, so a diff never splits
    digits; Chinese numerals without a unit (一是, 十四五) are not, because they are words.
    Spans are sorted and do not overlap. Linear in the length of `text`.
    """
    found: list[tuple[int, int]] = []
    for m in ZH_TOKEN.finditer(text):
        if m.group("pct") or m.group("frac") or m.group("unit1") or m.group("unit2b"):
            found.append(m.span())
        elif m.group("num") and m.group("num")[0] in "0123456789０１２３４５６７８９":
            found.append(m.span())
    for m in EN_TOKEN.finditer(text):
        if m.group("adj"):  # "28 new apprentices": the number (and scale) is the token
            found.append((m.start(), m.end("qscale") if m.group("qscale") else m.end("qnum")))
        else:
            found.append(m.span())
    for m in _BARE_ARABIC.finditer(text):
        found.append(m.span())
    found.sort(key=lambda s: (s[0], -s[1]))
    out: list[tuple[int, int]] = []
    for start, end in found:
        if out and start < out[-1][1]:
            if end > out[-1][1] and start == out[-1][0]:  # pragma: no cover - sorted longest first
                out[-1] = (start, end)
            continue
        out.append((start, end))
    return out

"""Stage 2 helper, metadata: issuer, year reported on, plan year, date, document number, title, language.

Takes the normalised text plus what structure found (the stripped metadata/signature lines, the
top-level headings with their roles, the text of the review and plan parts) and returns a
`Metadata`. Everything is read from the text; a field that cannot be found is None rather than
guessed from the file name.

Two years: `year` is the year reported on (2018 for the 政府工作报告 delivered in March 2019, whose
first part is "一、2018年工作回顾"); `plan_year` is the year its plan and targets address (2019), and
`plan_year_is_current` says the plan calls that year 今年 / "this year", i.e. the document was
delivered in the year it plans and is known by it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..lazy import lazy_pattern
from ..model import PLAN_ROLES, Language, Metadata, Role
from ..text.cjk import CJK
from ..text.numerals import parse_ordinal
from .boilerplate import DATE_LINE, ORG_SUFFIX
from .headings import markdown_heading_end

__all__ = ["extract_metadata", "iso_date", "issuer_warning"]

# Share of CJK characters among letters above which a text is Chinese; Chinese reports quote
# English names and numbers, English ones hardly any CJK, so the split is wide.
_DOC_NUMBER = lazy_pattern(rf"[{CJK}]{{1,12}}[〔\[［【(（]\s*(19|20)\d\d\s*[〕\]］】)）]\s*\d{{1,4}}\s*号")
_FIELD = {
    "title": lazy_pattern(r"^标\s*题[\s:：]+(.+)$", re.M),
    "org": lazy_pattern(r"发布机构[\s:：]+(\S+)"),
    "date": lazy_pattern(r"(?:生成日期|成文日期|发文日期|发布日期)[\s:：]+(\d{4}-\d{1,2}-\d{1,2})"),
}
_ISO = lazy_pattern(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_CN_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}
_TITLE_MAX = 60
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_TITLE_YEAR = lazy_pattern(r"关于\s*((?:19|20)\d\d)\s*年|((?:19|20)\d\d)\s*年\s*(?:国民经济和社会发展)?统计公报")
# A title ends with the genre's name: a report, or a statistical communiqué.
_TITLE_ENDS = ("报告", "公报")
# The issuing office on a line of its own under a title ("云州市统计局"), before the text begins.
_ZH_ISSUER_LINE = lazy_pattern(rf"(?m)^[ \t\u3000]*([{CJK}]{{2,20}}(?:人民政府|统计局|委员会|办公室|办公厅))[ \t\u3000]*$")
# Only the first lines after a title can hold it.
_ISSUER_LINE_WINDOW = 200
_ANY_YEAR = lazy_pattern(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_SPEECH_DATE = lazy_pattern(r"——\s*((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_EN_MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
_EN_DATE = lazy_pattern(r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|"
                      r"October|November|December) ((?:19|20)\d\d)\b|\b(January|February|March|April|"
                      r"May|June|July|August|September|October|November|December) (\d{1,2}), ((?:19|20)\d\d)\b")
_EN_ISSUER = (
    lazy_pattern(r"To the (?:Shareholders|Stockholders|Members) of ([A-Z][\w.,&' ]{2,60}?):"),
    lazy_pattern(r"\*\*The (?:[A-Z][\w ]{0,40} and )?(Minister for Finance)\b"),
)
# The year an English report is about: "net worth during 2015", "earned $4.0 billion in 2018",
# "for the financial year 1 April 2031 to 31 March 2032".
_EN_YEAR = lazy_pattern(r"(?:net worth during|earned [^.]{0,60}? in|(?i:financial year) (?:\d{1,2} [A-Z][a-z]+ )?|"
                      r"\bBudget (?:for )?|^\s*In )((?:19|20)\d\d)\b", re.M)
# The first paragraph of a letter names its year ("increased by 13% in 2010").
_EN_OPENING = 400
_EN_OPENING_YEAR = lazy_pattern(r"\b(?:in|during) ((?:19|20)\d\d)\b")
_GOV_ISSUER = lazy_pattern(rf"^([{CJK}]{{2,30}}?(?:人民政府|政府|委员会|办公室|办公厅))关于")
# A work report delivered to a congress opens with who speaks for whom and what is delivered:
# "现在，我代表国务院，向大会作政府工作报告" / "…向大会报告政府工作" / "…向大会报告过去五年政府工作".
# The State Council reports of 2000–2019 state no title line except in 2017, but every one says on
# whose behalf it is delivered, and 15 of 20 name themselves 政府工作报告 / 报告…政府工作 there
# (2001, 2003 and 2008 only say 作报告 / 报告…工作, and get no title).
_OPENING = 1000
# A new area's government speaks as its administrative committee or its preparatory group before it
# has a people's government (我代表坪山新区管委会 / 我代表坪山区政府筹备组).
_ZH_SPEAKS_FOR = lazy_pattern(rf"我代表\s*(国务院|[{CJK}]{{2,20}}?(?:人民政府|管委会|管理委员会|政府筹备组))")
# The speaker line under a report's title: "某省人民政府省长　张三", "某市人民政府代市长 李四".
_ZH_SPEAKER_LINE = lazy_pattern(
    rf"(?m)^[ \t\u3000]*([{CJK}]{{2,20}}?人民政府)(?:代理?)?(?:省长|市长|区长|县长|州长|主席|旗长)[ \t\u3000]*[{CJK}]{{2,4}}[ \t\u3000]*$")
_ZH_SELF_TITLE = lazy_pattern(r"作\s*政府工作报告|报告\s*(?:过去五年的?|本届政府)?\s*政府工作")
# "今年" in a plan part: the plan addresses the year the document is delivered in. "今年以来" is the
# review's "so far this year" of a report written in December, not a plan's year. A plan is taken
# to be for "this year" when it says so at least this often and more often than 明年; the State
# Council plans say 今年 9–29 times, the district reports' 下一步 parts never.
_ZH_THIS_YEAR = lazy_pattern(r"今年(?!以来)")
_EN_THIS_YEAR = lazy_pattern(r"\bthis year\b", re.I)
_EN_NEXT_YEAR = lazy_pattern(r"\bnext year\b", re.I)
_CURRENT_MIN = 3
# "2006年是实施“十一五”规划的第一年" opens the plan of a report that calls its plan year 今年.
_YEAR_IS = lazy_pattern(r"((?:19|20)\d\d)\s*年是")
# How far after "YYYY年是" a "今年" still names the same year ("2000年是世纪交替之年，…做好今年政府工作").
_YEAR_IS_WINDOW = 150
# A signed date stands on its own line just above the signature name in some letters
# ("February 28, 2014" / "Warren E. Buffett" / "Chairman of the Board").
_EN_DATE_ABOVE = 2
# When the signature was not found (a letter followed by a second letter, as Berkshire's 2014 one by
# the Vice Chairman's), a date line, a name line and a chairman's title in a row are still a signature.
_EN_SIGNED = lazy_pattern(r"^[ \t]*(\w+ \d{1,2}, (?:19|20)\d\d|\d{1,2} \w+ (?:19|20)\d\d)[ \t]*\n(?:[ \t]*\n)*"
                        r"[ \t]*[A-Z][^\n]{1,60}\n(?:[ \t]*\n)*[ \t]*(?:Chairman|Chair|Chief Executive|President)\b", re.M)


def iso_date(s: str) -> str | None:
    """`2020年12月18日`, `2020-12-18`, `二〇二〇年十二月十八日` -> "2020-12-18"."""
    s = s.strip()
    m = _ISO.search(s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
        return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= mo <= 12 and 1 <= d <= 31 else None
    m = re.match(r"([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日", s)
    if m:
        year = int("".join(_CN_DIGIT[c] for c in m.group(1)))
        month, day = parse_ordinal(m.group(2)), parse_ordinal(m.group(3))
        if month and day:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def extract_metadata(  # noqa: C901 - one pass of ordered rules; splitting it is left to the structure work (issue 12)
    text: str,
    *,
    language: Language,
    metadata_lines: Sequence[str],
    signature_lines: Sequence[str],
    top_headings: Sequence[tuple[str, Role]],
    preamble: str,
    review: str = "",
    plan: str = "",
    file_year: int | None = None,
) -> Metadata:
    """Read the metadata of one report from its stripped blocks, headings and opening text.

    `review` is the text of the review part, `plan` the text of the plan and targets parts;
    `file_year` (a year in the file's name) is used only when the text names no year at all.
    """
    block = "\n".join(metadata_lines)
    title = _first(_FIELD["title"], block)
    doc_number_m = _DOC_NUMBER.search(block) or _DOC_NUMBER.search(text[:3000])
    doc_number = re.sub(r"\s", "", doc_number_m.group()) if doc_number_m else None
    issuer: str | None = None
    date: str | None = None
    for s in signature_lines:
        if DATE_LINE.match(s):
            date = iso_date(s)
        elif ORG_SUFFIX.search(s):
            issuer = s
    if language == "zh":
        if title is None:
            title = _zh_title(preamble)
        if title is None and _ZH_SELF_TITLE.search(preamble[:_OPENING]):
            title = "政府工作报告"
        if issuer is None and title:
            m = _GOV_ISSUER.match(title)
            issuer = m.group(1) if m else None
        if issuer is None:
            issuer = _first(_FIELD["org"], block)
        if issuer is None:
            m = _ZH_SPEAKER_LINE.search(preamble[:_OPENING])
            issuer = m.group(1) if m else None
        if issuer is None and title:
            at = preamble.find(title)
            m = _ZH_ISSUER_LINE.search(preamble, max(at, 0), max(at, 0) + len(title) + _ISSUER_LINE_WINDOW) \
                if at >= 0 else None
            issuer = m.group(1) if m else None
        if issuer is None:
            m = _ZH_SPEAKS_FOR.search(preamble[:_OPENING])
            issuer = m.group(1) if m else None
        if issuer is None and "国务院总理" in text[:3000]:
            issuer = "国务院"
        if date is None:
            found = _first(_FIELD["date"], block)
            date = iso_date(found) if found else None
        if date is None:
            m = _SPEECH_DATE.search(text[:3000])
            date = iso_date("-".join(m.groups())) if m else None
        if date is None and title:
            # a communiqué dates itself on a line of its own under the title and the issuer
            at = preamble.find(title)
            window = preamble[at: at + len(title) + _ISSUER_LINE_WINDOW] if at >= 0 else ""
            found = next((ln.strip() for ln in window.split("\n") if DATE_LINE.match(ln.strip())), None)
            date = iso_date(found) if found else None
        year, year_source = _zh_year(title, top_headings, review, text)
        plan_year, current, plan_year_source = _zh_plan_year(top_headings, year, plan, text)
    else:
        for pattern in _EN_ISSUER:
            m = pattern.search(text[:20000])
            if m:
                issuer = m.group(1).strip()
                break
        if title is None:
            m = re.match(r"\s*#\s+(.+)", text)
            # the heading alone when the title line runs on into the body (line breaks lost)
            title = m.group(1)[:markdown_heading_end(m.group(1), language="en")[0]].strip() if m else None
        # only a signed date: other dates in a speech are of financial years and sittings
        if date is None:
            date = _en_date("\n".join(signature_lines)) or _en_date(_lines_above(text, signature_lines))
        if date is None:
            m = _EN_SIGNED.search(text)
            date = _en_date(m.group(1)) if m else None
        letter = text.find("To the Shareholders")
        opening = max(letter, 0)
        m = (_EN_OPENING_YEAR.search(text, opening, opening + _EN_OPENING) if letter >= 0 else None) or _EN_YEAR.search(
            text, opening, opening + 20000)
        year = _heading_year(top_headings)
        year_source = "text:heading" if year is not None else ""
        if year is None and m:
            year, year_source = int(m.group(1)), "text:opening"
        if year is None and date and letter >= 0:
            # a letter on year N is signed early in N+1
            year, year_source = int(date[:4]) - 1, "derived:signature"
        if year is None:
            year = _common_year(text[:8000])
            year_source = "text:body" if year is not None else ""
        plan_year = _named_year(top_headings, year)
        plan_year_source = "text:heading" if plan_year is not None else ""
        this_year = len(_EN_THIS_YEAR.findall(plan))
        current = plan_year is not None and this_year >= _CURRENT_MIN and this_year > len(_EN_NEXT_YEAR.findall(plan))
    if year is None and plan_year is None and file_year is not None:
        # the text states no year at all: the file name's year, said as such
        year, year_source = file_year, "filename"
    return Metadata(issuer=issuer, year=year, date=date, doc_number=doc_number, title=title, language=language,
                    plan_year=plan_year, plan_year_is_current=current, year_source=year_source,
                    plan_year_source=plan_year_source)


def _en_date(s: str) -> str | None:
    m = _EN_DATE.search(s)
    if not m:
        return None
    day, month, yr = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
    return f"{int(yr):04d}-{_EN_MONTHS[month.lower()]:02d}-{int(day):02d}"


def _lines_above(text: str, signature_lines: Sequence[str]) -> str:
    """The last non-blank lines above the signature, where a letter's date may stand alone."""
    if not signature_lines:
        return ""
    at = text.rfind(signature_lines[0])
    if at < 0:
        return ""
    above = [ln.strip() for ln in text[max(0, at - 400):at].split("\n") if ln.strip()]
    return "\n".join(ln for ln in above[-_EN_DATE_ABOVE:] if _EN_DATE.fullmatch(ln))


def _named_year(top_headings: Sequence[tuple[str, Role]], year: int | None) -> int | None:
    """The year a plan heading names ("2019年政府工作任务"), else the year a targets heading names.

    Only the year reported on or the one after it: "到2035年的远景目标" names a horizon, not the
    year the plan is for.
    """
    for roles in ((Role.PLAN,), (Role.TARGETS,)):
        for h, role in top_headings:
            if role not in roles:
                continue
            for m in _ANY_YEAR.finditer(h.translate(_FULLWIDTH_DIGITS)):
                if year is None or int(m.group(1)) in (year, year + 1):
                    return int(m.group(1))
    return None


# A plan names the year it is for near its opening; a year further in is often a horizon.
_PLAN_OPENING = 400
_YEAR_IS_NAMED = lazy_pattern(r"((?:19|20)\d\d)年(?![底末])")


def _zh_plan_year(top_headings: Sequence[tuple[str, Role]], year: int | None, plan: str,
                  text: str) -> tuple[int | None, bool, str]:
    """The year the plan addresses, whether the plan calls it 今年, and where the year comes from.

    A plan heading naming a year decides; a plan that only says 今年 ("对今年政府工作的建议",
    "今年主要任务", or task parts with no year at all) is for the year a "YYYY年是…" sentence names
    next to 今年, else for the year after the one reported on (its review is of 去年).
    """
    plan = plan.translate(_FULLWIDTH_DIGITS)
    says_now = any("今年" in h for h, role in top_headings if role in PLAN_ROLES)
    now = len(_ZH_THIS_YEAR.findall(plan))
    current = says_now or (now >= _CURRENT_MIN and now > plan.count("明年"))
    named = _named_year(top_headings, year)
    if named is not None:
        return named, current, "text:heading"

    def plausible(ys: list[int]) -> list[int]:
        # 今年 is the year reported on (a report written in December) or the one after it
        return [y for y in ys if year is None or y in (year, year + 1)]

    # the plan itself says which year is 今年 ("2001年是…的第一年。…做好今年的各项工作")
    stated = plausible([int(m.group(1)) for m in _YEAR_IS.finditer(plan)
                        if "今年" in plan[m.end():m.end() + _YEAR_IS_WINDOW]])
    if stated:
        return stated[0], True, "text:plan"
    whole = text.translate(_FULLWIDTH_DIGITS)
    if not current:
        # A report that calls the year after the one it reviews 今年 anywhere was delivered in that
        # year, and so was its plan (2001: the plan parts are the five-year plan's tasks and say 今年
        # once, the year is fixed in a closing "2001年是…做好今年的各项工作").
        after = [int(m.group(1)) for m in _YEAR_IS.finditer(whole)
                 if year is not None and int(m.group(1)) == year + 1
                 and "今年" in whole[m.end():m.end() + _YEAR_IS_WINDOW]]
        if plan and after:
            return after[0], True, "text:今年"
        # a year-end report's plan that names the coming year ("2022年，我区将…")
        coming = [int(m.group(1)) for m in _YEAR_IS_NAMED.finditer(plan[:_PLAN_OPENING])
                  if year is not None and int(m.group(1)) == year + 1]
        return (coming[0], False, "text:plan") if coming else (None, False, "")
    candidates = plausible([int(m.group(1)) for m in _YEAR_IS.finditer(plan)]
                           + [int(m.group(1)) for m in _YEAR_IS.finditer(whole)
                              if "今年" in whole[m.end():m.end() + _YEAR_IS_WINDOW]])
    if candidates:
        return candidates[0], True, "text:今年"
    if year is None:
        return None, False, ""
    return year + 1, True, "derived:year+1"


def _first(pattern: re.Pattern[str], s: str) -> str | None:
    m = pattern.search(s)
    return m.group(1).strip() if m else None


def _zh_title(preamble: str) -> str | None:
    for line in preamble[:2000].split("\n"):
        line = line.strip()
        if line.endswith(_TITLE_ENDS) and len(line) <= _TITLE_MAX:
            return line
    # Wiki scrapes break titles across lines ("政府工作报\n告"): join the lines of each block.
    for chunk in re.split(r"\n[ \t\u3000]*\n", preamble[:2000]):
        joined = re.sub(r"\s", "", chunk)
        if joined.endswith(_TITLE_ENDS) and len(joined) <= _TITLE_MAX:
            return joined
    return None


def _zh_year(title: str | None, top_headings: Sequence[tuple[str, Role]], review: str,
             text: str) -> tuple[int | None, str]:
    """The year reported on and where it comes from (title, a part heading, the review, the body)."""
    if title:
        m = _TITLE_YEAR.search(title)
        if m:
            return int(m.group(1) or m.group(2)), "text:title"
    for found, source in ((_heading_year(top_headings), "text:heading"), (_latest_year(review), "text:review"),
                          (_common_year(text[:3000]), "text:body")):
        if found is not None:
            return found, source
    return None, ""


def _heading_year(top_headings: Sequence[tuple[str, Role]]) -> int | None:
    """The year a review heading names, or the year before the one a plan heading names."""
    top_headings = [(h.translate(_FULLWIDTH_DIGITS), role) for h, role in top_headings]
    for h, role in top_headings:
        m = _ANY_YEAR.search(h)
        if m and role is Role.REVIEW:
            return int(m.group(1))
    for h, role in top_headings:
        m = _ANY_YEAR.search(h)
        if m and role in PLAN_ROLES:
            return int(m.group(1)) - 1  # a plan for YYYY is delivered with the report on YYYY-1
    # "过去五年工作回顾": the caller falls back to the latest year the review names repeatedly
    return None


def _latest_year(s: str) -> int | None:
    """The latest year a review names more than once (a single mention may be a far target)."""
    counts = Counter(int(y) for y in _ANY_YEAR.findall(s))
    repeated = [y for y, n in counts.items() if n >= 2]
    return max(repeated) if repeated else None


def _common_year(s: str) -> int | None:
    counts = Counter(int(y) for y in _ANY_YEAR.findall(s))
    if not counts:
        return None
    return max(counts.items(), key=lambda kv: (kv[1], kv[0]))[0]


def issuer_warning(old: Metadata, new: Metadata) -> tuple[str, str] | None:
    """The two issuers when both reports name one and the names differ, else None.

    Comparing two issuers' reports is usually a mistake (a wrong file picked), so the CLI warns
    and the page says so; it still runs, since a reader may want it on purpose.
    """
    a, b = old.issuer, new.issuer
    if not a or not b:
        return None
    pa, pb = _place("".join(a.split()).lower()), _place("".join(b.split()).lower())
    if pa == pb or (pa and pb and (pa.endswith(pb) or pb.endswith(pa))):
        # one place's government under another name (坪山新区管委会 → 坪山区政府筹备组 → 坪山区人民政府,
        # 坪山区人民政府 / 深圳市坪山区人民政府)
        return None
    return a, b


_GOVERNMENT_OF = lazy_pattern(r"(?:新区|区|市|县|省|自治区|州)?(?:人民政府|政府筹备组|管委会|管理委员会)$")


def _place(issuer: str) -> str:
    """The place an issuer governs: 坪山新区管委会 and 坪山区人民政府 -> 坪山."""
    return _GOVERNMENT_OF.sub("", issuer)

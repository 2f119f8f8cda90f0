"""Stage 2 helper, boilerplate: which lines of a report are not part of its body, and why.

Takes the text and its non-blank lines (spans with surrounding whitespace removed) and returns a
reason for each line that is boilerplate, or None: government page chrome and metadata blocks
(also duplicated ones), publication time, the signature block, contact lines, `(此件主动公开)`,
wiki licence footers, PDF page numbers and running headers, and Hansard procedural lines.
`parse.py` records every one as a `Stripped` span; nothing is dropped silently.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..lazy import lazy_pattern
from ..model import Span, StrippedReason

__all__ = ["classify_lines", "METADATA_KEY", "DATE_LINE", "ORG_SUFFIX"]

# Labels of the metadata table government portals put above a document.
METADATA_KEY = lazy_pattern(
    r"(索\s*引\s*号|文\s*号|发文字号|发布机构|发文机关|生成日期|成文日期|发文日期|发布日期|"
    r"标\s*题|内容概述|主题分类|所属机构|公文种类|有\s*效\s*性|主\s*题\s*词|信息来源)"
)
_METADATA_LINE = lazy_pattern(rf"^{METADATA_KEY.pattern}[\s:：]")
_PUBLISH_TIME = lazy_pattern(r"^(发布时间|发布日期|来源|浏览次数|访问次数|点击数|字号)[:：\s]")
_CHROME = lazy_pattern(
    r"附件下载|扫一扫在手机打开|打印本页|关闭窗口|网站地图|ICP备|公网安备|【打印】|【关闭】|"
    r"分享到[:：]?|上一篇|下一篇|相关链接|版权所有|主办单位|技术支持"
)
_ONLY_PUNCT = lazy_pattern(r"^[|\-_=*·•.\s]+$")  # "| | | |", "---", "************"
_PAGE_NUMBER = lazy_pattern(r"^[-–—]?\s*(\d{1,3}|[ivxlc]{1,5})\s*[-–—]?$")
_CONTACT = lazy_pattern(r"^[（(]?\s*(联系人|联系电话|联系方式|电\s*话)\s*[:：]")
_PUBLIC_NOTICE = lazy_pattern(r"^[（(]\s*此件[^）)]{0,8}公开\s*[）)]$")
DATE_LINE = lazy_pattern(
    r"^(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d〇一二三四五六七八九十]{1,3}\s*月\s*"
    r"[\d〇一二三四五六七八九十]{1,3}\s*日$"
)
ORG_SUFFIX = lazy_pattern(r"(人民政府|政府|委员会|办公室|办公厅|局|厅|委|院|部|署|会|公司|中心|办)$")
_LICENCE_START = lazy_pattern(r"^(本作品(是|在|来自|属于)|Public domain$|这部作品)")
_SPEAKER = lazy_pattern(r"^\*\*[^*]{1,120}\*\*(\s.{0,60})?$")  # **Mr Speaker**, **Time:** 3.30 pm
_HANSARD_COLON = lazy_pattern(r"^: ")
# A Hansard ": " line longer than this is speech, not procedure (the longest procedural line in
# the Singapore budget speeches is about 300 characters).
_PROCEDURE_MAX = 600
# Running headers of PDF letters repeat on every page; 3 repeats of a short line is the least
# seen in the Berkshire letters, and body sentences do not repeat verbatim that often.
RUNNING_HEADER_REPEATS = 3
_RUNNING_HEADER_MAX = 60
# The licence footer of a wiki scrape sits in the last part of the text.
_FOOTER_ZONE = 0.6
# The signature (issuer + date) is among the last few body lines.
_SIGNATURE_LOOKBACK = 4
_SIGNATURE_ISSUER_MAX = 30
_TOP_ZONE = 40  # metadata tables and publication times sit in the first lines


def classify_lines(text: str, lines: Sequence[Span], *, language: str) -> list[StrippedReason | None]:
    """A boilerplate reason for each line in `lines` (non-blank, trimmed spans), or None."""
    texts = [ln.slice(text) for ln in lines]
    reasons: list[StrippedReason | None] = [None] * len(lines)
    seen_keys: set[str] = set()
    in_duplicate = False
    last_meta = -2
    for i, s in enumerate(texts[:_TOP_ZONE]):
        if _METADATA_LINE.match(s):
            keys = {re.sub(r"\s", "", k.group()) for k in METADATA_KEY.finditer(s)}
            if last_meta != i - 1:
                in_duplicate = False
            if keys & seen_keys:
                in_duplicate = True
                seen_keys = set()
            seen_keys |= keys
            reasons[i] = StrippedReason.DUPLICATE_METADATA if in_duplicate else StrippedReason.METADATA_BLOCK
            last_meta = i
        elif _PUBLISH_TIME.match(s) and len(s) <= 80:
            reasons[i] = StrippedReason.PUBLISH_TIME
    counts = Counter(s for s in texts if len(s) <= _RUNNING_HEADER_MAX) if language == "en" else Counter()
    for i, s in enumerate(texts):
        if reasons[i]:
            continue
        if len(s) <= 60 and (_CHROME.search(s) or _ONLY_PUNCT.match(s)):
            reasons[i] = StrippedReason.PAGE_CHROME
        elif _CONTACT.match(s) and len(s) <= 80:
            reasons[i] = StrippedReason.CONTACT
        elif _PUBLIC_NOTICE.match(s):
            reasons[i] = StrippedReason.PUBLIC_NOTICE
        elif language == "en" and _PAGE_NUMBER.match(s):
            reasons[i] = StrippedReason.PAGE_CHROME
        elif language == "en" and (_SPEAKER.match(s) or (_HANSARD_COLON.match(s) and len(s) <= _PROCEDURE_MAX)):
            reasons[i] = StrippedReason.SPEAKER_PROCEDURE
        elif (language == "en" and counts[s] >= RUNNING_HEADER_REPEATS and not s.startswith("#")
              and (s.isupper() or s[-1:] not in ".!?")):
            reasons[i] = StrippedReason.PAGE_CHROME
    _mark_licence(text, lines, texts, reasons)
    if language == "en":
        _mark_en_signature(texts, reasons)
    else:
        _mark_signature(texts, reasons)
    return reasons


def _mark_licence(text: str, lines: Sequence[Span], texts: list[str], reasons: list[StrippedReason | None]) -> None:
    zone = int(len(text) * _FOOTER_ZONE)
    for i, s in enumerate(texts):
        if lines[i].start >= zone and _LICENCE_START.match(s):
            for j in range(i, len(texts)):
                reasons[j] = reasons[j] if reasons[j] in (StrippedReason.PAGE_CHROME,) else StrippedReason.LICENCE_FOOTER
            return


def _mark_signature(texts: list[str], reasons: list[StrippedReason | None]) -> None:
    body = [i for i, r in enumerate(reasons) if r is None]
    for k in range(len(body) - 1, max(-1, len(body) - 1 - _SIGNATURE_LOOKBACK), -1):
        i = body[k]
        if DATE_LINE.match(texts[i]):
            reasons[i] = StrippedReason.SIGNATURE
            if k > 0:
                prev = texts[body[k - 1]]
                if len(prev) <= _SIGNATURE_ISSUER_MAX and "。" not in prev and ORG_SUFFIX.search(prev):
                    reasons[body[k - 1]] = StrippedReason.SIGNATURE
            return


_EN_SIGNOFF = lazy_pattern(r"^(Chairman of the Board|Chairman and CEO|Chief Executive Officer|President)$")
_EN_SIGNATURE_ZONE = 60  # the sign-off is among the last lines of a letter, before any photo captions


def _mark_en_signature(texts: list[str], reasons: list[StrippedReason | None]) -> None:
    for i in range(len(texts) - 1, max(-1, len(texts) - 1 - _EN_SIGNATURE_ZONE), -1):
        if reasons[i] is None and _EN_SIGNOFF.match(texts[i]):
            reasons[i] = StrippedReason.SIGNATURE
            if i > 0 and reasons[i - 1] is None and len(texts[i - 1]) <= 80 and not texts[i - 1].endswith("."):
                reasons[i - 1] = StrippedReason.SIGNATURE
            return

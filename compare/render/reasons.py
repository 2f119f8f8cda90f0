"""Render: the reason of a plan check in the reader's language.

The follow-through stage writes each reason as one English line with its numbers ("best review
passage scored 0.79", "target 6.5%左右 (point), actual 6.6%: |actual − target| ≤ 0.2pp"); JSON keeps
that line as it is. A Chinese page shows the same statement in Chinese: each known form is a
pattern with a Chinese template. A line of no known form is shown as written, never dropped.
"""

from __future__ import annotations

import re

__all__ = ["plan_reason"]

_DIRECTIONS_ZH = {"floor": "下限", "ceiling": "上限", "point": "点目标", "range": "区间"}

# (English rule as judge_target writes it, Chinese) — longest first, so "≥ target − 0.2pp" is
# not read as "≥ target".
_RULES_ZH: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^actual ≥ target − (\S+?)(pp)?$"), "实际 ≥ 目标 − {0}{1}"),
    (re.compile(r"^\|actual − target\| ≤ (\S+?)(pp)?$"), "|实际 − 目标| ≤ {0}{1}"),
    (re.compile(r"^actual ≥ low end of range$"), "实际 ≥ 区间下限"),
    (re.compile(r"^actual ≤ high end of range$"), "实际 ≤ 区间上限"),
    (re.compile(r"^actual within range$"), "实际在区间内"),
    (re.compile(r"^actual ≥ target$"), "实际 ≥ 目标"),
    (re.compile(r"^actual ≤ target$"), "实际 ≤ 目标"),
)

_TARGET = re.compile(r"^target (.+) \((floor|ceiling|point|range)\), actual (.+?): (.+)$")

_SIMPLE_ZH: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^best review passage scored ([\d.]+) < ([\d.]+); a passage of the new plan or "
                r"another part scored ([\d.]+) < ([\d.]+)$"),
     "回顾部分最相关段落相似度{0} < {1}；本年计划等部分的相关表述相似度{2} < {3}"),
    (re.compile(r"^best review passage scored ([\d.]+) < ([\d.]+)$"), "回顾部分最相关段落相似度{0} < {1}"),
    (re.compile(r"^best review passage scored ([\d.]+), but it says the work is only begun \((.+)\)$"),
     "回顾部分最相关段落相似度{0}，但原文表明工作尚在起步（“{1}”）"),
    (re.compile(r"^best review passage scored ([\d.]+)$"), "回顾部分最相关段落相似度{0}"),
    (re.compile(r"^not in the review; the new plan or another part restates it \(scored ([\d.]+)\)$"),
     "回顾部分未提及；本年计划等部分再次提出（相似度{0}）"),
    (re.compile(r"^no reported outcome found in the new report$"), "本年报告未报告实际完成值"),
    (re.compile(r"^the target's figure is written in words the figures stage does not read$"),
     "目标数值的写法未能识别"),
    (re.compile(r"^a target for (\d{4}); the new report does not close it$"), "{0}年的目标，本年报告尚未到期"),
    (re.compile(r"^a target over several years; the new report does not close it$"), "多年期目标，本年报告尚未到期"),
)


def _rule_zh(rule: str) -> str:
    for pattern, template in _RULES_ZH:
        m = pattern.match(rule)
        if m:
            groups = [g or "" for g in m.groups()]
            return template.format(*("个百分点" if g == "pp" else g for g in groups))
    return rule


def plan_reason(reason: str, language: str) -> str:
    """The reason line of a plan check, in Chinese for a Chinese page; otherwise as written."""
    if language != "zh":
        return reason
    m = _TARGET.match(reason)
    if m:
        target, direction, actual, rule = m.groups()
        return f"目标{target}（{_DIRECTIONS_ZH[direction]}），实际{actual}：{_rule_zh(rule)}"
    for pattern, template in _SIMPLE_ZH:
        m = pattern.match(reason)
        if m:
            return template.format(*m.groups())
    return reason

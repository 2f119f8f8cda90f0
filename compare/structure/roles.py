"""Stage 2 helper, roles: what a top-level part is for (review, problems, plan, targets, duty).

Takes a heading (and, when the heading says nothing, the opening of the part's body) and returns
a `Role` by keywords, never by position: the same part can open or close a report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import PLAN_ROLES, Role, Section
from ..text.cues import count_plan_cues, count_review_cues

__all__ = ["role_of_heading", "role_of_body", "subsection_role", "plan_part_ids"]

# Order matters: the first rule whose keywords a heading contains wins
# ("存在问题与下一步打算" is about problems first; "工作回顾" beats the year in "2019年").
_ZH_RULES: tuple[tuple[re.Pattern[str], Role], ...] = (
    (re.compile(r"第一责任人|主要负责人.{0,6}职责|履行.{0,8}职责情况"), Role.DUTY),
    (re.compile(r"存在.{0,4}问题|问题和不足|问题与不足|不足|短板|差距|困难和问题|问题与挑战"), Role.PROBLEMS),
    (re.compile(r"回顾|主要举措|成效|过去.{0,4}年|工作情况|工作总结|取得.{0,4}成[绩就]|主要工作|报告.{0,10}年的?工作"), Role.REVIEW),
    (re.compile(r"预期目标|总体要求|总体部署|政策取向|奋斗目标|指导方针|主要目标"), Role.TARGETS),
    (re.compile(r"下一步|工作计划|打算|工作安排|主要任务|工作任务|重点工作|工作建议|政府工作的建议|"
                r"(19|20)\d\d年.{0,6}工作|今年|思路|工作要点"), Role.PLAN),
)
# An English heading that names the whole document's genre ("# Budget Speech", "Letter to
# Shareholders", "2020 Annual Report") is its title, not a part: its words say nothing about what
# the text under it does. The Singapore budget speeches are one such title over the whole speech,
# which "budget" used to make a plan.
_EN_TITLE = re.compile(
    r"^\s*(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?:budget\s+(?:speech|statement)s?|(?:annual\s+)?letters?\s+to\s+"
    r"(?:our\s+|the\s+)?(?:fellow\s+)?(?:share|stock)holders|(?:chairman|ceo)['’]s\s+(?:letter|statement)|"
    r"annual\s+report|shareholder\s+letter)(?:\s+(?:for\s+)?(?:19|20)\d\d)?\s*$", re.I)
# "budget" is not a plan word: the budget speeches use it for the whole document, and a part named
# for a budget may as well report its outturn. "The Year at Berkshire" opens the Berkshire letters
# of 2013–2015 with what happened last year. Outlooks over decades ("The Road Ahead" on succession,
# "The Next 50 Years at Berkshire") set no plan the next letter could report on, so "ahead" alone
# is not a plan word; only "the year ahead" is.
_EN_RULES: tuple[tuple[re.Pattern[str], Role], ...] = (
    (re.compile(r"\b(risks?|challenges|problems|shortcomings|mistakes|weakness)", re.I), Role.PROBLEMS),
    (re.compile(r"\b(review|performance|results|achievements|looking back|the past year|highlights|"
                r"the year at)\b", re.I),
     Role.REVIEW),
    (re.compile(r"\b(targets?|goals|objectives|outlook|forecast)\b", re.I), Role.TARGETS),
    (re.compile(r"\b(plans?|priorities|the year ahead|next steps|looking ahead|going forward)\b", re.I),
     Role.PLAN),
)
# A sub-section keeps its part's role unless its own heading says plainly what it is; "问题"
# alone is too common in sub-headings ("解决“三农”问题") to override.
_ZH_SUB_RULES: tuple[tuple[re.Pattern[str], Role], ...] = (
    (re.compile(r"^(存在的?问题|问题和不足|不足和问题|主要问题)"), Role.PROBLEMS),
    (re.compile(r"^(下一步|今后工作|(19|20)\d\d年工作(计划|安排|打算))"), Role.PLAN),
)
# Body cue: a part whose heading names no role but whose body is written in the future tense of
# a plan (要 / 将 / 继续 …) outnumbering the perfective 了 of a review. Counted on the first
# characters only, so the cost stays linear.
_BODY_SAMPLE = 1500
# Plan cues must outnumber review cues by this factor; 2.0 separates the task parts of the
# 2000–2002 State Council reports (ratios 3–9) from their review parts (below 1).
_PLAN_CUE_RATIO = 2.0


def role_of_heading(heading: str, *, language: str) -> Role:
    """The role a top-level heading names, or OTHER (also for a document title such as "Budget Speech")."""
    if language != "zh" and _EN_TITLE.match(heading):
        return Role.OTHER
    for pattern, role in _ZH_RULES if language == "zh" else _EN_RULES:
        if pattern.search(heading):
            return role
    return Role.OTHER


def role_of_body(body: str, *, language: str) -> Role:
    """PLAN when the opening of a part reads as a plan, else OTHER (only for Chinese text)."""
    if language != "zh":
        return Role.OTHER
    sample = body[:_BODY_SAMPLE]
    plan = count_plan_cues(sample)
    review = count_review_cues(sample)
    return Role.PLAN if plan >= 3 and plan >= _PLAN_CUE_RATIO * max(review, 1) else Role.OTHER


def subsection_role(heading: str, inherited: Role, *, language: str) -> tuple[Role, bool]:
    """The role of a sub-section: its own when its heading says so plainly, else `inherited`."""
    if language == "zh":
        for pattern, role in _ZH_SUB_RULES:
            if pattern.search(heading):
                return role, True
    return inherited, False


# Fallback when the structure stage found no PLAN/TARGETS part (crude structure, an unusual
# report): top-level headings with these words are plan parts. Kept short on purpose: the roles
# rules above are the real keyword lists.
_PLAN_HEADING_WORDS = ("工作任务", "工作计划", "工作安排", "工作的建议", "工作思路", "工作打算", "下一步",
                       "总体要求", "预期目标", "主要目标", "目标任务", "总体部署", "重点工作", "主要任务",
                       "outlook", "plan", "priorit", "year ahead",
                       "looking ahead", "the future")


def plan_part_ids(sections: Sequence[Section], *, language: str) -> tuple[str, ...]:
    """The ids of a report's plan and target parts: the sections whose role is PLAN or TARGETS.

    The one place the plan is decided: the diff (commitments), the follow-through (plan items,
    evidence zones) and the page (passages still planned) all read `Report.plan_parts` /
    `Report.plan_ids`. Nested matches are dropped (a PLAN section inside a PLAN part is already
    covered). When no section has such a role, top-level headings naming a plan or targets are used.
    """
    chosen = [s for s in sections if s.role in PLAN_ROLES]
    if not chosen:
        named = [s for s in sections if any(w in s.heading.lower() for w in _PLAN_HEADING_WORDS)]
        top = [s for s in sections if s.level == 1]
        first = next((i for i, s in enumerate(top) if s in named), None)
        chosen = named
        if first is not None and language == "zh":
            # A Chinese work report puts its plan after the review; the task parts that follow
            # the first plan heading ("三、把改革开放扎实推向纵深") carry no keyword of their own.
            chosen = [s for s in top[first:] if s.role in (Role.OTHER, Role.PLAN, Role.TARGETS)]
    ids = {s.id for s in chosen}
    # pre-order: a section is nested when its parent is chosen or nested itself
    covered: set[str] = set()
    for s in sections:
        if s.parent is not None and (s.parent in ids or s.parent in covered):
            covered.add(s.id)
    return tuple(s.id for s in chosen if s.id not in covered)

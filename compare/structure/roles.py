"""Stage 2 helper, roles: what a top-level part is for (review, problems, plan, targets, duty).

Takes a heading (and, when the heading says nothing, the opening of the part's body) and returns
a `Role` by keywords, never by position: the same part can open or close a report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..lazy import lazy_pattern
from ..model import PLAN_LIKE_ROLES, Role, Section
from ..text.cues import count_plan_cues, count_review_cues

__all__ = ["role_of_heading", "role_of_body", "subsection_role", "plan_part_ids", "heading_plan_year", "PROBLEM_CUE",
           "is_statistics", "names_a_plan"]

# Order matters: the first rule whose keywords a heading contains wins
# ("存在问题与下一步打算" is about problems first; "工作回顾" beats the year in "2019年").
# 主要工作 / YYYY年…工作 is not here: whether it reviews or plans depends on its year (`_year_role`).
_ZH_APPENDIX = lazy_pattern(
    r"^(?:附件\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?.{0,40}|附表\s*[0-9０-９]*.{0,40}|附[：:].{0,40}|"
    r"附录\s*[0-9０-９一二三四五六七八九十]*\s*[：:]?.{0,40}|注[：:]?|备注|"
    r".{0,20}(?:名词解释|名词注释|术语注释|名词、术语注释|词语解释|名词术语解释|(?:名词|术语|用语|词语)(?:说明|解释|注解)|"
    r"注释|相关术语)|.{2,40}一览表)$")
_ZH_RULES: tuple[tuple[re.Pattern[str], Role], ...] = (
    (_ZH_APPENDIX, Role.APPENDIX),
    (lazy_pattern(r"第一责任人|主要负责人.{0,6}职责|履行.{0,8}职责情况"), Role.DUTY),
    # what stands in the way: 存在的问题 / 不足 / 短板, and difficulties named as the part's subject
    # (「面临的困难和挑战」「工作中存在的困难」「薄弱环节」), never 困难 alone (「困难群众帮扶」 is a task)
    (lazy_pattern(r"存在.{0,4}问题|问题和不足|问题与不足|不足|短板|差距|困难和问题|问题与挑战|存在的?困难|面临的?困难|"
                  r"困难[和与]挑战|挑战[和与]困难|薄弱环节"), Role.PROBLEMS),
    # a heading that ends in 情况 reports how things stand or went (「2020年工作开展情况」「重点工作推进情况」
    # 「预算执行情况」), whatever work it names
    (lazy_pattern(r"回顾|主要举措|成效|成就|过去.{0,4}年|工作情况|基本情况|发展情况|工作总结|取得.{0,4}成[绩就]|"
                r"报告.{0,10}年的?工作|以来的?工作$|情况$|做法|工作进展|进展情况|主要成绩|工作成绩|亮点|一年来|本年度"),
     Role.REVIEW),
)
# A part that names both its targets and its tasks ("未来五年奋斗目标和主要任务", "主要目标任务和2026年
# 工作安排") is mostly tasks: plan. Targets alone: targets.
_ZH_PLAN = lazy_pattern(r"下一步|工作计划|打算|工作安排|主要任务|工作任务|重点任务|目标任务|目标和任务|目标与任务|"
                      r"重点工作|工作建议|工作的建议|工作思路|工作要点|主要工作|今年|明年|思路|(?:19|20)\d\d年.{0,6}工作|"
                      r"预算草案|预算安排|安排$|今后|展望|努力方向")
_ZH_TARGETS = lazy_pattern(r"预期目标|总体要求|总体部署|政策取向|奋斗目标|指导方针|指导思想|主要目标|发展目标|新的目标|基本思路")
# 加强政府自身建设, 建设人民满意政府, 提升政府治理能力: what the government will do about itself.
_ZH_GOVERNMENT = lazy_pattern(r"政府自身建设|(?:建设|打造|建成).{0,10}政府$|政府.{0,12}(?:治理能力|执行力|公信力)|"
                            r"(?:从严治政|依法行政|勤政廉政).{0,12}(?:建设|政府)")
# Words that open the problems of a part inside a paragraph ("还存在不少困难和问题：一是…"): an
# enumeration after them lists shortcomings, not work done or planned.
PROBLEM_CUE = lazy_pattern(r"问题|不足|困难|差距|短板|挑战|薄弱|有待")
_ZH_TASKS = lazy_pattern(r"任务|安排|计划|主要工作|重点工作")
_ZH_YEAR = lazy_pattern(r"(19|20)\d\d(?=年)")
_ZH_FIVE_YEAR_AHEAD = lazy_pattern(r"未来五年|今后五年|“?十[一二三四五六七八九]?五”?(?:时期|期间|规划)?(?:的)?"
                                 r"(?:主要|奋斗|发展)?(?:目标|思路|任务)")
# An English heading that names the whole document's genre ("# Budget Speech", "Letter to
# Shareholders", "2020 Annual Report") is its title, not a part: its words say nothing about what
# the text under it does. The Singapore budget speeches are one such title over the whole speech,
# which "budget" used to make a plan.
_EN_TITLE = lazy_pattern(
    r"^\s*(?:the\s+)?(?:(?:19|20)\d\d\s+)?(?:budget\s+(?:speech|statement)s?|(?:annual\s+)?letters?\s+to\s+"
    r"(?:our\s+|the\s+)?(?:fellow\s+)?(?:share|stock)holders|(?:chairman|ceo)['’]s\s+(?:letter|statement)|"
    r"annual\s+report|shareholder\s+letter)(?:\s+(?:for\s+)?(?:19|20)\d\d)?\s*$", re.I)
# "budget" is not a plan word: the budget speeches use it for the whole document, and a part named
# for a budget may as well report its outturn. "The Year at Berkshire" opens the Berkshire letters
# of 2013–2015 with what happened last year. Outlooks over decades ("The Road Ahead" on succession,
# "The Next 50 Years at Berkshire") set no plan the next letter could report on, so "ahead" alone
# is not a plan word; only "the year ahead" is.
_EN_RULES: tuple[tuple[re.Pattern[str], Role], ...] = (
    # what follows the report: an appendix, an annex, a glossary, the notes (never a plan, even
    # when an entry names one)
    (lazy_pattern(r"^\s*(?:appendix|appendices|annex(?:es)?|glossary|definitions|endnotes|footnotes)\b", re.I),
     Role.APPENDIX),
    (lazy_pattern(r"\b(risks?|challenges|problems|shortcomings|mistakes|weakness|areas? for improvement)", re.I),
     Role.PROBLEMS),
    (lazy_pattern(r"\b(review|performance|results|achievements|looking back|the past year|highlights|"
                r"the year at)\b", re.I),
     Role.REVIEW),
    (lazy_pattern(r"\b(targets?|goals|objectives|outlook|forecast)\b", re.I), Role.TARGETS),
    (lazy_pattern(r"\b(plans?|priorities|the year ahead|next steps|looking ahead|going forward|looking forward|"
                r"moving forward|the (?:coming|next) year|commitments|(?:agenda|strategy) for (?:19|20)\d\d|"
                r"what we will do)\b", re.I),
     Role.PLAN),
)
# A sub-section keeps its part's role unless its own heading says plainly what it is; "问题"
# alone is too common in sub-headings ("解决“三农”问题") to override.
_ZH_SUB_RULES: tuple[tuple[re.Pattern[str], Role], ...] = (
    (lazy_pattern(r"^(存在的?问题|问题和不足|不足和问题|主要问题)"), Role.PROBLEMS),
    (lazy_pattern(r"^(下一步|今后工作|(19|20)\d\d年工作(计划|安排|打算))"), Role.PLAN),
)
# Inside a problems part, a short sub-heading that ends naming a plan (「（二）工作打算」「（二）2021年工作
# 思路」「（二）整改措施」) heads the plan, unless it names a shortcoming (「缺乏统筹安排」).
_ZH_SUB_PLAN = lazy_pattern(r"(?:下一步|下步|下一阶段|下阶段|今后|(?:19|20)\d\d年度?|明年|新的一年)?.{0,8}?"
                            r"(?:工作)?(?:计划|安排|打算|思路|重点|措施|举措|方向)")
_SHORTCOMING = lazy_pattern(rf"{PROBLEM_CUE.pattern}|缺乏|不够|不到位|不强|滞后|欠缺")
# Body cue: a part whose heading names no role but whose body is written in the future tense of
# a plan (要 / 将 / 继续 …) outnumbering the perfective 了 of a review. Counted on the first
# characters only, so the cost stays linear.
_BODY_SAMPLE = 1500
# A targets part states them in so many words near its opening ("总体要求是", "主要预期目标是").
_TARGETS_BODY = lazy_pattern(r"总体要求是|主要预期目标|预期目标是|发展目标是|总体思路是")
# A review counts what was done in a year that has passed, or over the past years.
_PAST_TIME = lazy_pattern(r"过去一年|一年来|五年来|过去五年|去年|(?:19|20)\d\d年(?:以来|全年|，|,)")
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
# Plan cues must outnumber review cues by this factor; 2.0 separates the task parts of the
# 2000–2002 State Council reports (ratios 3–9) from their review parts (below 1).
_PLAN_CUE_RATIO = 2.0


def role_of_heading(heading: str, *, language: str, plan_year: int | None = None) -> Role:
    """The role a top-level heading names, or OTHER (also for a document title such as "Budget Speech").

    `plan_year` is the latest year the report's part headings name: "2024年主要工作" plans when 2024
    is that year and reviews when it is earlier ("“十四五”时期发展成就和2025年主要工作" in a report
    that plans 2026). Without it, a year-named 主要工作 plans.
    """
    if language != "zh":
        if _EN_TITLE.match(heading):
            return Role.OTHER
        for pattern, role in _EN_RULES:
            if pattern.search(heading):
                return role
        return Role.OTHER
    for pattern, role in _ZH_RULES:
        if pattern.search(heading):
            return role
    years = [int(m.group()) for m in _ZH_YEAR.finditer(heading.translate(_FULLWIDTH))]
    if years and plan_year is not None and max(years) < plan_year and "主要工作" in heading:
        return Role.REVIEW
    planned = _ZH_PLAN.search(heading)
    if _ZH_TARGETS.search(heading) and not _ZH_TASKS.search(heading):
        return Role.TARGETS
    if _ZH_GOVERNMENT.search(heading):
        return Role.GOVERNMENT
    if planned or _ZH_FIVE_YEAR_AHEAD.search(heading):
        return Role.PLAN
    return Role.OTHER


# A statistical communiqué (国民经济和社会发展统计公报) names itself, or reads like one: 初步核算 and
# the year-on-year comparisons 比上年 that fill it (a work report's review says 增长 but rarely 比上年).
_STATISTICS_TITLE = lazy_pattern(r"统计公报")
_STATISTICS_MIN_COMPARISONS = 5


def is_statistics(text: str) -> bool:
    """Whether a Chinese text is a statistical communiqué: its opening names the genre, or it states
    初步核算 and compares with the year before (比上年) throughout."""
    opening = text[:_BODY_SAMPLE]
    if _STATISTICS_TITLE.search(opening):
        return True
    return "初步核算" in text and text.count("比上年") >= _STATISTICS_MIN_COMPARISONS


def heading_plan_year(headings: Sequence[str]) -> int | None:
    """The latest year the part headings of a Chinese report name (the year its plan addresses
    when any part plans), or None."""
    years = [int(m.group()) for h in headings for m in _ZH_YEAR.finditer(h.translate(_FULLWIDTH))]
    return max(years) if years else None


def names_a_plan(heading: str) -> bool:
    """Whether a Chinese heading names a plan, whatever else it names first
    (「存在的问题和下一步工作打算」 is a problems part that also holds the plan)."""
    return _ZH_PLAN.search(heading) is not None


def role_of_body(body: str, *, language: str) -> Role:
    """The role the opening of a part reads as when its heading says nothing (Chinese text only):
    TARGETS when it states 总体要求 / 主要预期目标, PLAN when plan cues (要, 将, 今年 …) outnumber
    review cues, REVIEW when review cues (完成, 实现, 取得 …) outnumber plan cues and it names a
    time that has passed, else OTHER."""
    if language != "zh":
        return Role.OTHER
    sample = body[:_BODY_SAMPLE]
    if _TARGETS_BODY.search(sample):
        return Role.TARGETS
    plan = count_plan_cues(sample)
    review = count_review_cues(sample)
    if plan >= 3 and plan >= _PLAN_CUE_RATIO * max(review, 1):
        return Role.PLAN
    if review >= 3 and review >= _PLAN_CUE_RATIO * max(plan, 1) and _PAST_TIME.search(sample):
        return Role.REVIEW
    return Role.OTHER


def subsection_role(heading: str, inherited: Role, *, language: str) -> tuple[Role, bool]:
    """The role of a sub-section: its own when its heading says so plainly, else `inherited`.

    Everything inside an appendix is appendix (a glossary entry may name a plan: it is not one)."""
    if inherited in (Role.APPENDIX, Role.STATISTICS):
        return inherited, False
    if language == "zh":
        for pattern, role in _ZH_SUB_RULES:
            if pattern.search(heading):
                return role, True
        if inherited is Role.PROBLEMS and _ZH_SUB_PLAN.fullmatch(heading) and not _SHORTCOMING.search(heading):
            return Role.PLAN, True  # 「三、存在问题和工作打算」 … 「（二）工作打算」
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
    if any(s.role is Role.STATISTICS for s in sections):
        return ()  # a statistical communiqué has no plan, whatever its words
    chosen = [s for s in sections if s.role in PLAN_LIKE_ROLES]
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

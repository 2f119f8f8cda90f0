"""Text layer: the one lexicon of commitment, intent and plan cues, Chinese and English.

"Is this a commitment?" is asked by the diff (new commitments, dropped measures), by plan items
(what the old report promised), by the evidence search (does a review sentence still announce an
intention?) and by roles (does a part read as a plan?). Every one of those asks here, so a verb
added for one is seen by all. The questions differ in how strict they are, and each function says
which it answers:

- `future_cue` / `opening_action`: a sentence anywhere in a report speaks of the future or opens
  with an action (diff);
- `ZH_ACTIONS`, `ZH_STRONG_ACTIONS`, `ZH_CLAUSE_LEAD`, `EN_COMMITMENT`, `ZH_SCENE_SETTING`: the
  lexicon plan items read a clause of a plan part with;
- `announces_intent`: a sentence states what is to be done (evidence);
- `count_plan_cues` / `count_review_cues`: the tense of a part's opening (roles).
"""

from __future__ import annotations

import re

__all__ = [
    "ZH_ACTIONS",
    "ZH_STRONG_ACTIONS",
    "ZH_CLAUSE_LEAD",
    "EN_COMMITMENT",
    "ZH_SCENE_SETTING",
    "future_cue",
    "opening_action",
    "announces_intent",
    "count_plan_cues",
    "count_review_cues",
]

# --- the verbs ------------------------------------------------------------------------------------

# Action verbs that make a Chinese clause a commitment when they open it (推进, 完善, 落实, 保持…
# from the issue, plus the verbs that open task clauses in 政府工作报告 and 法治政府建设年度报告).
# A verb must open a clause, after the words in ZH_CLAUSE_LEAD: "发展" inside "中国的发展成就" is a
# noun, "发展农产品加工业" is a task.
ZH_ACTIONS = (
    "推进", "完善", "落实", "保持", "加强", "加快", "实施", "推动", "深化", "建立", "健全", "开展", "提高",
    "扩大", "降低", "减少", "支持", "促进", "发展", "建设", "制定", "出台", "优化", "提升", "强化",
    "规范", "继续", "坚持", "确保", "做好", "抓好", "创建", "启动", "取消", "清理", "压减", "推广", "鼓励",
    "引导", "严格", "实行", "执行", "组织", "构建", "打造", "培育", "增强", "巩固", "拓展", "加大", "稳定",
    "改善", "保障", "整治", "治理", "防范", "化解", "打好", "打赢", "解决", "淘汰", "退出", "设立", "设置",
    "部署", "放宽", "下调", "调整", "修订", "修改", "废止", "制修订", "编制", "发挥", "筑牢", "守住",
    "增加", "新增", "完成", "实现", "安排", "发行", "提供", "扶持", "整合", "改革", "改进", "探索", "促",
    "抓", "办好", "用好", "管好", "稳", "降", "提", "减", "补", "防", "建", "办", "推", "加", "深入", "全面",
    "大力", "着力", "积极", "持续", "努力", "力争", "严厉", "依法", "认真", "切实", "扎实", "坚决",
    "统筹", "聚焦", "围绕", "瞄准", "实行", "坚守", "维护", "营造", "畅通", "开通", "召开", "举办",
    "承接", "配齐", "配强", "整顿", "遏制", "严控", "严禁", "杜绝", "落细", "压实", "督促",
    "推开", "压缩", "缩短", "精简", "下放", "减轻", "延长", "开工", "新建", "改建", "增设", "试点", "推行",
    "做强", "做大", "做优", "严把", "严查", "打击", "查处", "惩处", "保护", "开发", "引进", "兑现",
)
# Verbs that mark a commitment wherever they stand in a clause ("在全国推开“证照分离”改革"):
# rarely used as nouns in these reports.
ZH_STRONG_ACTIONS = ("推进", "推开", "落实", "实施", "完善", "加强", "建立", "健全", "开展", "推动", "深化",
                      "加快", "推行", "出台", "启动", "取消", "压减", "扩大")
# Words that may come before the verb at the head of a clause: subjects, time, modals, adverbs.
ZH_CLAUSE_LEAD = re.compile(
    r"^(?:我们|我区|我市|我县|各级政府|政府|各地|各部门|今年|明年|全年|年内|下一步|同时|此外|并|还|也|"
    r"要|将|必须|应|应当|需要|拟|再|更|更加|进一步|不断|逐步|稳步|大幅|明显|重点|着重|首先|其次|最后|"
    r"[一二三四五六七八九十]+是)+"
)
EN_COMMITMENT = re.compile(
    r"\b(?:will|shall|plan(?:s|ned)? to|intend(?:s)? to|aim(?:s)? to|expect(?:s)? to|commit(?:ted)? to|"
    r"going to|we'll|goal is|target is|priority|priorities|continue to|seek to|propose to)\b",
    re.I,
)
# A sentence that opens by saying what the year or the situation is ("今年是…的开局之年",
# "世界经济有望继续复苏", "实践表明…") sets the scene; it promises nothing.
ZH_SCENE_SETTING = re.compile(r"^(?:今年|明年|\d{4}年|这|当前|目前|实践|综合分析|世界经济|我国经济|经济全球化)[^，,。]{0,10}?"
                         r"(?:是|有望|表明|面临|正处|处在|仍然|依然)")

# --- anywhere in a report (diff) ------------------------------------------------------------------

# Verbs of a measure or commitment (issue #4 names 将, 推进, 加强, 建立, 完善, 实施, 力争). Narrower
# than ZH_STRONG_ACTIONS on purpose: the diff reads review text too, where 出台 / 启动 / 取消 report
# what was done. (Using ZH_STRONG_ACTIONS here turned the zh-district review sentence 出台《…办法》
# into a new commitment, against fixtures/zh-district/EXPECTED.md.)
_ZH_ACTION = "推进|推动|推行|加强|建立|健全|完善|实施|落实|深化|加快|确保|着力|强化|构建|开展|扩大|促进|力争"
# Words about the future: a sentence with one commits to act wherever it stands. 将 and 要 count
# only before a verb or adverb (将部分事项交由… and 主要/要求 are not about the future).
_FUTURE = re.compile(
    r"(?:将|要)(?=继续|进一步|加快|全面|持续|深入|着力|大力|积极|不断|坚持|重点|围绕|以|按照|努力|切实|聚焦|"
    + _ZH_ACTION + r")|力争|下一步|明年|计划(?:于|在|到)|预计将|"
    # English: the issuer speaking of itself (we, I, the Government) within a few words of
    # will / plan to …; "others will over-deliver" and "BNSF will require" are not commitments.
    r"\b(?:we|i|the government|government)\b(?:\s+[\w’']+){0,3}?\s+"
    r"(?:will|shall|plans? to|intends? to|aims? to|are going to|commit(?:s|ted)? to|expects? to)\b",
    re.IGNORECASE,
)
# A sentence that opens with an action states a measure (推行“容缺受理”机制,… / We closed our
# Leeds line…): removed, it is a dropped measure; added, a new one. A sentence that only tells
# what happened (“证照分离”改革全覆盖在全区落地… / In July we sold…) is plain added or removed text.
_OPENS_WITH_ACTION = re.compile(
    r"^\s*(?:[0-9]+[.、．)]|[（(][0-9一二三四五六七八九十]+[)）]|[一二三四五六七八九十]是)?\s*"
    r"(?:(?:全面|持续|进一步|深入|积极|认真|大力|继续|切实|不断|扎实|稳步|加快)?(?:" + _ZH_ACTION + r")"
    # English: "We" (the issuer, not the narrating "I") and a verb in the past tense
    r"|we\s+(?:also\s+|then\s+|again\s+)?(?:[a-z]+ed|sold|bought|built|made|cut|set|began|won|led|"
    r"took|brought|spent|paid|raised|grew|rose|kept|held|sent|put|shut|hired)\b)",
    re.IGNORECASE,
)


def future_cue(text: str) -> str:
    """The word that puts a sentence in the future (将进一步, 力争, "we will"), or ""."""
    m = _FUTURE.search(text)
    return m.group() if m else ""


def opening_action(text: str) -> str:
    """The action a sentence opens with (推行, 进一步加强, "we closed"), stripped, or ""."""
    m = _OPENS_WITH_ACTION.match(text)
    return m.group().strip() if m else ""


# --- intent (evidence) ----------------------------------------------------------------------------

_EN_INTENT = re.compile(r"\b(?:will|shall|plan(?:s)? to|aim(?:s)? to|intend(?:s)? to|expect(?:s)? to|"
                        r"going to|we'll|set (?:our|a) (?:first )?(?:\w+ )?targets?)\b", re.I)
_ZH_INTENT = re.compile(r"^(?:[一二三四五六七八九十]+是)?(?:今年|明年|下一步|我们)?(?:将|要|拟|计划|力争)")


def announces_intent(sentence: str, language: str) -> bool:
    """Whether a sentence announces what is to be done rather than reporting what was done."""
    if language == "zh":
        return bool(_ZH_INTENT.match(sentence))
    return bool(_EN_INTENT.search(sentence))


# --- the tense of a part (roles) ------------------------------------------------------------------

# A plan is written in the future tense (要 / 将 / 继续 …), a review in the perfective (了).
_PLAN_CUES = re.compile(r"要|将|继续|今年|进一步|加快|抓好")
_REVIEW_CUES = re.compile(r"了|去年|过去|取得|完成|实现")


def count_plan_cues(text: str) -> int:
    return len(_PLAN_CUES.findall(text))


def count_review_cues(text: str) -> int:
    return len(_REVIEW_CUES.findall(text))

"""Text layer: the one lexicon of commitment, intent and plan cues, Chinese and English.

"Is this a commitment?" is asked by the diff (new commitments, dropped measures), by plan items
(what the old report promised), by the evidence search (does a review sentence still announce an
intention?) and by roles (does a part read as a plan?). Every one of those asks here, so a verb
added for one is seen by all. The questions differ in how strict they are, and each function says
which it answers:

- `commits_to_future`: a word about the future followed by an action on a concrete object, and
  not meeting logistics nor speech navigation (diff: a new commitment outside the plan);
- `names_task` / `frames_plan`: a sentence of a plan part names a checkable task, or only frames
  the plan (the guiding ideology, a slogan, a long preamble) (diff and plan items);
- `ZH_ACTIONS`, `ZH_STRONG_ACTIONS`, `ZH_CLAUSE_LEAD`, `EN_COMMITMENT`, `ZH_SCENE_SETTING`: the
  lexicon plan items read a clause of a plan part with;
- `announces_intent`: a sentence states what is to be done (evidence);
- `states_problem`: a sentence tells a shortcoming (evidence: never counted);
- `count_plan_cues` / `count_review_cues`: the tense of a part's opening (roles).
"""

from __future__ import annotations

import re

from ..lazy import lazy_pattern
from .cjk import count_cjk

__all__ = [
    "ZH_ACTIONS",
    "ZH_ACTION_WORDS",
    "ZH_STRONG_ACTIONS",
    "ZH_CLAUSE_LEAD",
    "EN_COMMITMENT",
    "ZH_SCENE_SETTING",
    "commits_to_future",
    "names_task",
    "frames_plan",
    "announces_intent",
    "states_problem",
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
# More verbs a task of a plan part opens with (壮大新兴消费, 采取…方式, 筹备…论坛, 研究制定…政策, 改造提升…),
# after words of manner (全力维护…, 充分发挥…, 高水平筹备…, 全方位深层次优化…, 更好地发挥…, 联合香港做好…)
# or an ordinal with its 要 (三要大力发展循环经济).
# Read by `names_task` only: many of them are nouns too (技术改造, 基础研究, 综合发展规划), so labels and
# key terms, which cut ZH_ACTIONS off, keep them.
_ZH_MORE_TASK_VERBS = (
    "壮大", "采取", "确定", "筹备", "研究", "搞好", "谋划", "组建", "筹建", "兴建", "扩建", "改造", "规划",
    "争取", "争创", "打通", "修建", "贯彻", "践行", "织密", "重视", "关心", "繁荣", "突出", "利用", "发放",
    "筹集", "推出", "研发", "引入", "拆除", "关停", "搬迁", "培训", "做实", "做细", "释放", "激发", "弘扬",
    "传承", "加速", "带动", "吸引", "申办", "承办", "举行", "盘活", "拓宽", "夯实", "补齐", "兜牢", "兜住",
    "守牢", "树立", "倾斜", "保证", "简化", "放开", "统一", "开拓", "给予",
)
_ZH_TASK_OPENERS = ZH_ACTIONS + _ZH_MORE_TASK_VERBS
_ZH_MANNER_LEAD = lazy_pattern(
    r"^(?:[一二三四五六七八九十]+要|全力|倾力|合力|充分|主动|合理|高水平|高标准|高质量|高起点|高效|全方位|深层次|多渠道|更好地?|坚定不移地?|"
    r"毫不动摇地?|千方百计|联合[^，,、]{1,4}(?=[做推加建开]))+")
# ZH_ACTIONS of two characters or more as one regular-expression alternation, longest first: how
# labels, key terms and lists cut a leading verb off (新改扩建 before 新建, 引进 before 引).
ZH_ACTION_WORDS = "|".join(sorted((w for w in ZH_ACTIONS if len(w) >= 2), key=len, reverse=True))
# Verbs that mark a commitment wherever they stand in a clause ("在全国推开“证照分离”改革"):
# rarely used as nouns in these reports.
ZH_STRONG_ACTIONS = ("推进", "推开", "落实", "实施", "完善", "加强", "建立", "健全", "开展", "推动", "深化",
                      "加快", "推行", "出台", "启动", "取消", "压减", "扩大")
# Words that may come before the verb at the head of a clause: subjects, time, modals, adverbs.
ZH_CLAUSE_LEAD = lazy_pattern(
    r"^(?:我们|我区|我市|我县|各级政府|政府|各地|各部门|今年|明年|全年|年内|下一步|同时|此外|并|还|也|"
    r"要|将|必须|应|应当|需要|拟|再|更|更加|进一步|不断|逐步|稳步|大幅|明显|重点|着重|首先|其次|最后|"
    r"[一二三四五六七八九十]+是)+"
)
EN_COMMITMENT = lazy_pattern(
    r"\b(?:will|shall|plan(?:s|ned)? to|intend(?:s)? to|aim(?:s)? to|expect(?:s)? to|commit(?:ted)? to|"
    r"going to|we'll|goal is|target is|priority|priorities|continue to|seek to|propose to)\b",
    re.I,
)
# A sentence that opens by saying what the year or the situation is ("今年是…的开局之年",
# "世界经济有望继续复苏", "实践表明…") sets the scene; it promises nothing.
ZH_SCENE_SETTING = lazy_pattern(r"^(?:(?:同时|但是|然而|当然)[，,]?)?"
                         r"(?:今年|明年|\d{4}年|这|当前|目前|实践|综合分析|世界经济|我国经济|经济全球化)[^，,。]{0,10}?"
                         r"(?:是|有望|表明|面临|正处|处在|仍然|依然)")

# --- the future, anywhere in a report (diff) ----------------------------------------------------------------

# Verbs of a measure or commitment (issue #4 names 将, 推进, 加强, 建立, 完善, 实施, 力争). Narrower
# than ZH_STRONG_ACTIONS on purpose: the diff reads review text too, where 出台 / 启动 / 取消 report
# what was done. (Using ZH_STRONG_ACTIONS here turned the zh-district review sentence 出台《…办法》
# into a new commitment, against fixtures/zh-district/EXPECTED.md.)
_ZH_ACTION = "推进|推动|推行|加强|建立|健全|完善|实施|落实|深化|加快|确保|着力|强化|构建|开展|扩大|促进|力争"
# Words about the future: a sentence with one commits to act wherever it stands. 将 and 要 count
# only before a verb or adverb (将部分事项交由… and 主要/要求 are not about the future).
_FUTURE = lazy_pattern(
    r"(?:将|要)(?=继续|进一步|加快|全面|持续|深入|着力|大力|积极|不断|坚持|重点|围绕|以|按照|努力|切实|聚焦|"
    + _ZH_ACTION + r")|力争|下一步|明年|计划(?:于|在|到)|预计将|"
    # English: the issuer speaking of itself (we, I, the Government) within a few words of
    # will / plan to …; "others will over-deliver" and "BNSF will require" are not commitments.
    r"\b(?:we|i|the government|government)\b(?:\s+[\w’']+){0,3}?\s+"
    r"(?:will|shall|plans? to|intends? to|aims? to|are going to|commit(?:s|ted)? to|expects? to)\b",
    re.IGNORECASE,
)
# --- a commitment outside a plan part (diff) ------------------------------------------------------

# The verb after "we will" must act on something: speech navigation ("I will discuss …", "we
# will review 2017 acquisition activity"), being and having ("We will have fun"), hoping and
# seeing announce nothing to check.
_EN_NOT_ACTS = frozenset(
    "be have discuss explain talk turn describe tell cover elaborate outline highlight touch return "
    "come get say mention show give summarise summarize conclude end begin start look see hope "
    "find know need want like love enjoy let remember try never always probably likely again "
    "continue review add answer note repeat update cite list report".split())
_EN_FUTURE_VERB = lazy_pattern(
    r"\b(?:we|i|the government|government)\b(?:\s+[\w’']+){0,3}?\s+"
    r"(?:will|shall|plans? to|intends? to|aims? to|are going to|commit(?:s|ted)? to)\s+"
    r"(?:(?:also|continue to|further|then|now|soon|again|not)\s+)*([a-z]+)", re.IGNORECASE)
# Meeting logistics and letter navigation: not commitments whatever their verb (Berkshire's
# annual-meeting pages, "later in this letter", the webcast partners).
_EN_LOGISTICS = lazy_pattern(
    r"annual meeting|shareholders(?:’|')? meeting|the meeting|meeting will|will be held|doors|webcast|"
    r"live ?stream|\bQ&A\b|question[- ]and[- ]answer|exhibit(?:ion)? hall|\bhotels?\b|\bairport|"
    r"\btickets?\b|credentials|broadcast|later in this letter|in this letter|on page|below\b|"
    r"the appendix|next year’s letter|next year's letter|in this section|\bYahoo\b|\bCNBC\b|your questions|"
    r"\bmistakes?\b|\bsometimes\b", re.IGNORECASE)
# CJK characters after the future word: 「我们将继续努力」 names no object.
_CONCRETE_CJK = 4


def commits_to_future(text: str) -> str:
    """The future word of a sentence that commits to act on a concrete object, or "".

    Chinese: a future word (将进一步, 力争, 下一步) followed by at least four characters, in a
    sentence that names a task (`names_task`). English: the issuer's "we will <verb>" with an
    acting verb and an object, outside meeting logistics and letter navigation.
    """
    m = _FUTURE.search(text)
    if m and not m.group().isascii():
        after = text[m.end():]
        if count_cjk(after) >= _CONCRETE_CJK and names_task(text, "zh"):
            return m.group()
    e = _EN_FUTURE_VERB.search(text)
    if e and e.group(1).lower() not in _EN_NOT_ACTS and not _EN_LOGISTICS.search(text) \
            and len(re.findall(r"[A-Za-z]{3,}", text[e.end():])) >= 2:
        return e.group().strip()
    return ""


# --- a task of a plan part (diff, plan items) -----------------------------------------------------

# The guiding-ideology sentence and slogans of a work report frame the plan; no one can check them
# done ("以习近平新时代中国特色社会主义思想为指导…", "撸起袖子加油干", "以…为统领").
ZH_FRAMING = lazy_pattern(r"为指导|指导思想|习近平[^，,。]{0,12}思想|为统领|为引领|总基调|“四个意识”|“四个自信”|"
                        r"“两个维护”|“五位一体”|“四个全面”|初心|使命|伟大旗帜|精神为指引|奋斗目标|中华民族伟大复兴|"
                        r"撸起袖子|加油干|不忘|牢记")
# A sentence this long (CJK characters) lists a whole programme: a preamble, not one task (the
# 300-character opening sentence of a work report's tasks).
MAX_TASK_CHARS = 200
_MIN_ZH_CHARS = 5  # a commitment shorter than this (e.g. "为此。") carries no checkable content
_MIN_EN_WORDS = 5
_ZH_CLAUSE = lazy_pattern(r"[^，,；;：:。！？!?]+")


# A principle, not a task: "做好今年工作，必须…" / "加快实现高质量发展，必须…" / "要实现上述目标，必须做到"
# (a goal of the whole plan, then what it takes; "建设新农村，必须加强农村基础设施建设" names a task
# and stays), a maxim ("改革开放只有进行时，没有完成时", "改革永远在路上", short sentences only) and
# a parallel exhortation ("思想要再解放，改革要再深化，开放要再扩大") or what the year's work means
# ("做好今年工作意义重大、责任重大").
ZH_PRINCIPLE = lazy_pattern(
    r"^(?:要|为)?(?:全面|加快|更好地?)?(?:做好|实现|完成)[^，,。；]{0,14}(?:工作|目标|任务|发展)[，,](?:就?必须|关键在于|根本在于)"
    r"|(?:[^，,。；]{1,4}要再[^，,。；]{1,4}(?:[，,]|$)){2}"
    # what the year's work means (「今年将召开…，做好今年工作意义重大、责任重大」)
    r"|(?:意义|责任|使命)(?:十分|特别|尤为|极其|更加)?重大[。；;！!]?\s*$|至关重要[。；;！!]?\s*$"
    # what a task is (「保障人民群众安居乐业，是政府应尽的责任」, 「…，是社会主义制度的内在要求」)
    r"|[，,]是[^，,。；]{0,16}(?:责任|要求|前提|基础|根本|途径|方向|所在|必由之路)[。；;！!]?\s*$")
# Why a target was set, not a task (「这里要着重说明，提出8%左右的…增长目标，综合考虑了发展的需要和可能」,
# 「把增长预期目标定在7.5%左右，兼顾了需要和可能」, 「…，是充分考虑各方面因素后作出的选择」).
_ZH_EXPLAINS = lazy_pattern(r"这里要[^，,。；]{0,4}说明|综合考虑了|兼顾了|后作出的选择|^总的考虑是|^总体考虑是"
                            r"|^主要是(?:强调|考虑|为了|要与)")
# The situation a plan answers, not a task (「当前，世界经济贸易形势总体趋好…」, 「从国内看，我国发展的有利条件…
# 没有改变」, 「回顾…发展历程，…实现了一次次突破」): a sentence opening so, with no word
# of what is to be done (「目前城镇还有几千万人居住在…棚户区，要持续进行改造」 stays a task).
_ZH_SITUATION = lazy_pattern(r"^(?:(?:同时|但是|然而|当然)[，,]?)?"
                             r"(?:当前|目前|眼下|从国内看|从国际看|从全局看|从外部看|从内部看|总的看|总体看|总的来看|综合来看|"
                             r"回顾|我国经济|我国发展|世界经济|国际形势|外部环境)")
# A report delivered months into its year turns to the rest of it in a vow, whatever it says after
# (「今年已经过去3个多月，我们将坚定信心、迎难而上…确保完成全年目标任务」): the tasks are those listed after it.
_ZH_YEAR_UNDER_WAY = lazy_pattern(r"^(?:各位代表[，,！!]\s*)?今年已经?过去")
_ZH_OBLIGATION = lazy_pattern(r"(?<![重主纲概摘简])要|必须|需要|应当|应该|务必|将|力争|坚持|着力|努力|切实|确保|拟|计划")
# The lead of a list, counting its parts (「今年重点抓好三件事」, 「要着重抓好九个方面的工作：」, 「强力推进八项工作」):
# the tasks are the parts.
_ZH_OUTLINE_LEAD = lazy_pattern(r"[一二三四五六七八九十两几]+(?:个)?(?:方面(?:的?工作)?|件(?:大)?事|项(?:重点)?工作)[：:。；;]?\s*$")
_OUTLINE_TAIL = 16  # the characters at the end of a sentence such a lead can take
_ZH_MAXIM = lazy_pattern(r"只有进行时|没有完成时|永远在路上")
_MAXIM_CHARS = 40


def _may_state_principle(s: str) -> bool:
    """False when ZH_PRINCIPLE cannot match `s`: each of its branches holds one of these words (必须 or
    在于; 要再; 重大; 至关重要; a comma then 是). A few substring tests cost a tenth of the pattern,
    which tries its branches at every character (a third of `names_task`; 7 % of the sentences it
    asks about pass)."""
    return ("必须" in s or "在于" in s or "要再" in s or "重大" in s or "重要" in s or "，是" in s
            or ",是" in s)


def frames_plan(s: str) -> bool:
    """Whether a Chinese sentence only frames a plan: guiding ideology, a slogan, a principle, a
    long preamble, a scene-setting opening (今年是…) or the situation the plan answers (当前，…)."""
    return _frames_plan(s, count_cjk(s))


def _frames_plan(s: str, n: int) -> bool:
    """`frames_plan` of `s`, which holds `n` CJK characters (`names_task` has counted them)."""
    return n > MAX_TASK_CHARS or bool(ZH_FRAMING.search(s) or ZH_SCENE_SETTING.match(s)
                                      or (_may_state_principle(s) and ZH_PRINCIPLE.search(s.lstrip()))
                                      or _ZH_EXPLAINS.search(s)
                                      or (_ZH_SITUATION.match(s.lstrip()) and not _ZH_OBLIGATION.search(s))
                                      or _ZH_YEAR_UNDER_WAY.match(s.lstrip())
                                      or _ZH_OUTLINE_LEAD.search(s, max(0, len(s) - _OUTLINE_TAIL))
                                      or (n <= _MAXIM_CHARS and _ZH_MAXIM.search(s)))


def names_task(s: str, language: str, *, lenient: bool = False, states_figure: bool = False) -> bool:
    """Whether a sentence (or clause) of a plan part names a checkable task: a clause opening with
    an action verb (or holding a strong one), or a figure to reach (`states_figure`); never a
    framing sentence (`frames_plan`). `lenient`: a member of a target list, kept without a verb
    unless it only qualifies the target before it (比去年…, 其中…)."""
    if language == "zh":
        n = count_cjk(s)
        if n < _MIN_ZH_CHARS or _frames_plan(s, n):
            return False
        if lenient:
            return not s.startswith(NOT_TARGET_LEAD)
        if states_figure:
            return True
        for m in _ZH_CLAUSE.finditer(s):
            head = ZH_CLAUSE_LEAD.sub("", m.group().strip())
            manner = _ZH_MANNER_LEAD.match(head)
            if manner is not None:
                head = ZH_CLAUSE_LEAD.sub("", head[manner.end():])
            if head.startswith(_ZH_TASK_OPENERS) and not head.startswith(("发展是", "改革是", "建设是")):
                return True
        return any(v in s for v in ZH_STRONG_ACTIONS)
    if len(s.split()) < _MIN_EN_WORDS:
        return False
    return lenient or states_figure or bool(EN_COMMITMENT.search(s))


# A clause opening with these compares or looks back ("比去年预算低0.4个百分点", "去年居民消费价格
# 涨幅回落到2.6%"): it states no target of its own.
NOT_TARGET_LEAD = ("比", "较", "同比", "其中", "去年", "上年", "过去", "前年")


# --- intent (evidence) ----------------------------------------------------------------------------

_EN_INTENT = lazy_pattern(r"\b(?:will|shall|plan(?:s)? to|aim(?:s)? to|intend(?:s)? to|expect(?:s)? to|"
                        r"going to|we'll|set (?:our|a) (?:first )?(?:\w+ )?targets?|"
                        r"(?:is|are) (?:expected|forecast|projected) to|"
                        r"(?:our|the) (?:goal|target|aim|objective|ambition) is to)\b", re.I)
_ZH_INTENT = lazy_pattern(r"^(?:[一二三四五六七八九十]+是)?(?:今年|明年|下一步|我们)?(?:将|要|拟|计划|力争)")


# A sentence that tells a shortcoming (「…融资难融资贵问题尚未有效缓解」, 「…占比偏低」).
_ZH_PROBLEM = lazy_pattern(r"(?:问题|短板|不足|差距|困难|隐患|压力)[^。；]{0,12}(?:尚未|仍然|仍|还|较多|突出|有待|亟待|不少|较大)|"
                         r"(?:尚未|有待|亟待)[^。；]{0,10}(?:解决|缓解|提高|加强|完善|改善)|(?:不够|不足|偏低|偏弱)[。；]?$")


def states_problem(sentence: str, language: str) -> bool:
    """Whether a sentence tells a shortcoming rather than a deed (evidence never counts it)."""
    return language == "zh" and bool(_ZH_PROBLEM.search(sentence))


def announces_intent(sentence: str, language: str) -> bool:
    """Whether a sentence announces what is to be done rather than reporting what was done."""
    if language == "zh":
        return bool(_ZH_INTENT.match(sentence))
    return bool(_EN_INTENT.search(sentence))


# --- the tense of a part (roles) ------------------------------------------------------------------

# A plan is written in the future tense (要 / 将 / 继续 …), a review in the perfective (了).
_PLAN_CUES = lazy_pattern(r"要|将|继续|今年|进一步|加快|抓好")
_REVIEW_CUES = lazy_pattern(r"了|去年|过去|取得|完成|实现")


def count_plan_cues(text: str) -> int:
    return len(_PLAN_CUES.findall(text))


def count_review_cues(text: str) -> int:
    return len(_REVIEW_CUES.findall(text))

"""A work report's principles and maxims frame its plan; they are no task to check (issue 17 item 4).

The sentences are invented in the genre's wording.
"""

from __future__ import annotations

import pytest

from compare.pipeline import followup_texts
from compare.text.cues import names_task


@pytest.mark.parametrize("sentence", [
    "做好今年工作，必须坚持稳中求进，统筹发展和安全",
    "加快实现高质量发展，必须厚植制造业优势，夯实发展根基",
    "要实现上述目标，必须做到",
    "全面做好明年的工作，关键在于狠抓落实",
    "在新的起点上，观念要再更新，改革要再深化，开放要再扩大",
    "优化营商环境只有进行时，没有完成时",
    # why a target was set (the national reports explain the growth target this way every year)
    "这里要着重说明，提出7%左右的增长目标，综合考虑了发展的需要和可能",
    "把增长预期目标定在6.5%左右，兼顾了需要和可能",
    "主要是强调好字当头，引导各方面把工作重点放到调整结构上来",
    "上述预期目标，既综合考虑了外部经济形势，又兼顾了科技竞争的压力",
    # the situation the plan answers, with nothing to be done in it
    "当前，全球贸易形势总体向好，区域合作进程加快",
    "从国内看，发展的有利条件没有改变，市场需求潜力巨大，加快转型的基础更加扎实",
    "目前库存粮食供给充足，是推进退耕还林的良好时机",
    "回顾建区历程，一代又一代建设者发扬特区精神，加快发展，实现了一次次跨越",
    "同时，我国经济发展进入新常态，正处在爬坡过坎的关口，不深化改革就难以实现平稳健康发展",
    "同时，世界经济复苏的基础仍然脆弱，金融领域风险没有完全消除",
    # a report delivered months into its year turns to the rest of it in a vow
    "今年已经过去3个多月，我们将坚定信心、迎难而上，确保完成全年目标任务",
    "各位代表，今年已经过去5个月，我们要全力完成今年目标任务",
    # the lead of a list, counting its parts: the tasks are the parts
    "今年重点抓好三件事",
    "为完成以上目标任务，要着重抓好九个方面的工作：",
    "强力推进八项工作",
])
def test_a_principle_is_not_a_task(sentence: str) -> None:
    assert not names_task(sentence, "zh")


@pytest.mark.parametrize("sentence", [
    "建设美丽乡村，必须加强农村公路和供水设施建设",  # a goal of one field, then a task: kept
    "对超标排放的企业，必须依法查处",
    "推进老旧小区改造，完成加装电梯一百台",
    "综合考虑各方面因素，全面推进老旧小区改造",  # the lead of a target list or task: kept
    "目前全区还有上万户居民住在老旧小区，要持续推进改造",  # the situation, then what is to be done
    # tasks opening with a verb of the genre, or with words of manner before the verb
    "壮大智能家居、个性时尚等新兴消费",
    "研究制定鼓励社会资本参与老旧小区改造的政策",
    "全力维护社会稳定",
    "高水平筹备国际低碳城论坛",
    "全方位深层次优化营商环境",
    "联合香港做好西部铁路规划建设工作",
    "争取国家级博物馆分馆项目落户",
    "三要大力发展循环经济",  # an ordinal with its 要, as 三是
    "统一内外资企业和个人城建税制度",
    "当前财政收支矛盾突出，各部门仍要坚持过紧日子，严控一般性支出",
])
def test_a_task_after_a_comma_stays_a_task(sentence: str) -> None:
    assert names_task(sentence, "zh")


OLD = """某区2021年政府工作报告

一、2020年工作回顾
过去一年，全区地区生产总值增长5%。

二、2021年主要工作
做好今年工作，必须坚持稳中求进，统筹发展和安全。改革创新只有进行时，没有完成时。
（一）推进老旧小区改造，完成加装电梯一百台。
"""

NEW = """某区2022年政府工作报告

一、2021年工作回顾
过去一年，我们完成老旧小区改造，加装电梯一百零五台。

二、2022年主要工作
（一）推进城市更新。
"""


def test_principles_are_not_counted_as_plan_items() -> None:
    follow = followup_texts(OLD, NEW, old_name="2021.txt", new_name="2022.txt")
    items = [OLD[c.item.span.start:c.item.span.end] for c in follow.plan_checks]
    assert not any("必须" in i or "进行时" in i for i in items), items
    assert any("电梯" in i for i in items)

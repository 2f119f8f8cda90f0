"""A glossary or attached list of the new report is never evidence that last year's plan was done."""

from __future__ import annotations

from compare.pipeline import followup_texts

OLD = """某区2021年政府工作报告

一、2020年工作回顾
过去一年，全区地区生产总值增长5%。

二、2021年主要工作
（一）实施青苗人才培育工程，建设技能大师工作室三个。
（二）推进老旧小区改造，完成加装电梯一百台。
"""

NEW = """某区2022年政府工作报告

一、2021年工作回顾
过去一年，我们完成老旧小区改造，加装电梯一百零五台。

二、2022年主要工作
（一）推进城市更新。

附件：名词解释
1.青苗人才培育工程：指我区针对青年技能人才实施的培育工程。主要内容包括实施青苗人才培育工程，建设技能大师工作室，开展技能竞赛，
给予培训补贴等，是我区人才政策体系的组成部分。
2.城市更新：指对城市建成区内功能不完善的区域进行综合整治、功能改变或者拆除重建的活动。
"""


def test_a_glossary_entry_is_not_the_deed() -> None:
    follow = followup_texts(OLD, NEW, old_name="2021.txt", new_name="2022.txt")
    talent = next(c for c in follow.plan_checks if "青苗" in OLD[c.item.span.start:c.item.span.end])
    glossary_start = NEW.index("附件")
    assert all(e.span.start < glossary_start for e in talent.evidence), talent.evidence
    assert talent.status.value in ("not_found", "unknown"), talent.status
    lifts = next(c for c in follow.plan_checks if "电梯" in OLD[c.item.span.start:c.item.span.end])
    assert lifts.status.value != "not_found"  # the review's own sentence still counts

"""The 「本年计划新增的举措」 highlights: a target set again with another value, written as a list of its
own, is a figure that moved (the figures group shows it), not a new commitment."""

from __future__ import annotations

from compare.pipeline import compare_texts
from compare.render.context import build_context

OLD = """一、2030年工作回顾
全区经济平稳运行。
二、2031年工作安排
今年主要预期目标是：地区生产总值增长6%左右，规上工业增加值增长4.5%，居民收入与经济增长基本同步。
推进老旧小区改造。
"""

NEW = """一、2031年工作回顾
地区生产总值增长5.1%，规上工业增加值增长3.2%。
二、2032年工作安排
地区生产总值增长6.5%左右；
规上工业增加值增长6%左右；
新建智慧停车场20个。
推进老旧小区改造。
"""


def test_a_target_set_again_is_no_new_commitment() -> None:
    ctx = build_context(compare_texts(OLD, NEW, old_name="2031.txt", new_name="2032.txt"))
    group = next(g for g in ctx["highlights"] if g["key"] == "new_commitment")
    assert [e["text"] for e in group["entries"]] == ["新建智慧停车场20个。"]

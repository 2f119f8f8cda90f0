"""Words of the series page and the batch index, in Chinese and English."""

from __future__ import annotations

__all__ = ["SERIES_LABELS", "REVIEW_MARKS"]

SERIES_LABELS: dict[str, dict[str, str]] = {
    "zh": {
        "title": "多年对比",
        "reports": "报告",
        "year": "年份",
        "file": "文件",
        "doc_title": "标题",
        "pairwise": "逐年对比",
        "no_page": "（未生成逐年对比页）",
        "warnings": "提示",
        "trends": "数字走势",
        "trends_note": "按逐年数字配对规则逐年串联，同一行为同一指标；空格表示该年未配对。",
        "measure": "指标",
        "line": "走势",
        "lineage": "承诺沿革",
        "lineage_note": "每项计划承诺：首次提出的年份、此后各年计划中的重复表述，以及下一年回顾是否报告完成。",
        "flagged": "连续{n}年以上写入计划、从未报告完成",
        "commitment": "承诺",
        "outcome": "结果",
        "outcome_done": "{year}年报告完成",
        "outcome_never": "从未报告完成",
        "outcome_pending": "尚待回顾",
        "once": "只出现一年的承诺（{n}项）",
        "legend": "● 写入当年计划　✓ 当年回顾报告完成　◐ 部分提及　✗ 回顾未提及　? 无法判断",
        "targets": "目标与完成情况",
        "targets_note": "每年计划中设定的目标，与下一年回顾报告的实际值；列为设定目标的年份。",
        "structure": "结构变化",
        "structure_note": "各部分及一级标题逐年的对应：新增、改名、移动、消失。",
        "counts": "变化",
        "none": "无",
        "status_met": "完成", "status_not_met": "未完成", "status_unknown": "无法判断",
        "st_first": "首次出现", "st_matched": "相同", "st_renamed": "改名", "st_moved": "移动",
        "st_split": "拆分", "st_merged": "合并", "st_new": "新增", "st_gone": "此后不再出现",
        "count_new_commitment": "新承诺", "count_dropped": "删去", "count_changed_figure": "数字变化",
        "count_addressed": "计划已落实", "count_not_found": "计划未提及", "count_met": "目标完成",
        "count_not_met": "目标未完成",
    },
    "en": {
        "title": "Series",
        "reports": "Reports",
        "year": "Year",
        "file": "File",
        "doc_title": "Title",
        "pairwise": "Year-on-year comparisons",
        "no_page": "(no pairwise page written)",
        "warnings": "Warnings",
        "trends": "Figure trends",
        "trends_note": "Each row is one measure, chained across consecutive years by the figure pairing rules; "
                       "an empty cell means no pair that year.",
        "measure": "Measure",
        "line": "Trend",
        "lineage": "Commitment lineage",
        "lineage_note": "Each plan commitment: the year it first appears, the later plans that restate it, and "
                        "whether the next review reports it done.",
        "flagged": "In {n} or more plans, never reported done",
        "commitment": "Commitment",
        "outcome": "Outcome",
        "outcome_done": "reported done in {year}",
        "outcome_never": "never reported done",
        "outcome_pending": "not yet reviewed",
        "once": "Commitments stated in one plan only ({n})",
        "legend": "● in that year's plan   ✓ that year's review reports it done   ◐ partly   ✗ not found in "
                  "the review   ? unknown",
        "targets": "Targets over the years",
        "targets_note": "Each plan's targets and the outcome the next review reports; the column is the year "
                        "whose plan set the target.",
        "structure": "Structure over the years",
        "structure_note": "Parts and first-level sections matched year to year: new, renamed, moved, gone.",
        "counts": "Changes",
        "none": "none",
        "status_met": "met", "status_not_met": "not met", "status_unknown": "unknown",
        "st_first": "first", "st_matched": "same", "st_renamed": "renamed", "st_moved": "moved",
        "st_split": "split", "st_merged": "merged", "st_new": "new", "st_gone": "gone",
        "count_new_commitment": "new commitments", "count_dropped": "dropped", "count_changed_figure":
        "changed figures", "count_addressed": "plan addressed", "count_not_found": "plan not found",
        "count_met": "targets met", "count_not_met": "targets not met",
    },
}

# One character per review status in a lineage cell (the legend above says what they mean).
REVIEW_MARKS: dict[str, str] = {"addressed": "✓", "partly": "◐", "not_found": "✗", "unknown": "?",
                                "met": "✓", "not_met": "✗"}

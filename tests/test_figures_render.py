"""What the page shows of figures (issue 19): figures only in one report are listed with their
sentence, a change over 100 % is a ratio, a target's row says it is a target."""

from __future__ import annotations

import json

from compare import compare_texts, render

OLD = ("一、2023年工作回顾\n全区地区生产总值增长5.1%，新建公园12个。全年举办招聘会30场。\n"
       "二、2024年工作安排\n地区生产总值增长6%左右。\n")
NEW = ("一、2024年工作回顾\n全区地区生产总值增长5.6%，新建公园30个。全年新增绿道45公里。\n"
       "二、2025年工作安排\n地区生产总值增长5.5%左右。\n")


def test_figures_only_in_one_report_are_listed_with_their_sentence() -> None:
    c = compare_texts(OLD, NEW)
    md = render(c, "md")
    gone = md.split("### 仅见于")[1]
    assert "**30场**" in gone and "全年举办招聘会30场。" in gone
    appeared = md.split("### 仅见于")[2]
    assert "**45公里**" in appeared and "全年新增绿道45公里。" in appeared
    data = json.loads(render(c, "json"))
    dropped = [f for f in data["figures"] if f["status"] == "dropped"]
    assert [f["old"]["sentence"] for f in dropped] == ["全年举办招聘会30场。"]
    html = render(c, "html")
    assert 'id="figures-gone"' in html and "全年新增绿道45公里。" in html


def test_a_change_over_100_percent_is_a_ratio_and_a_target_row_says_so() -> None:
    c = compare_texts(OLD, NEW)
    rows = [line for line in render(c, "md").splitlines() if line.startswith("| ")]
    parks = next(r for r in rows if "12个" in r)
    assert "×2.5" in parks and "+150%" not in parks
    target = next(r for r in rows if "6%左右" in r)
    assert "（目标）" in target and "-0.5个百分点" in target
    outcome = next(r for r in rows if "5.1%" in r)
    assert "（目标）" not in outcome and "+0.5个百分点" in outcome

"""Stage 1, ingest: the labels of the 信息公开 metadata table government portals put above a document.

One list for the readers: the HTML reader finds the table by them and writes its fields as
"label：value" lines; the plain-text steps leave a line that starts with one alone (its spaces
part a label from its value, its tabs are not table cells). The structure stage strips these
lines and reads title, issuer and date from the labels of `KNOWN_LABELS`.
"""

from __future__ import annotations

from ..lazy import lazy_pattern

__all__ = ["LABELS", "KNOWN_LABELS", "METADATA_LINE"]

# Spaces inside a label are padding ("索 引 号").
LABELS = (r"索\s*引\s*号|主题分类|主\s*题\s*词|体裁分类|组配分类|服务对象|信息分类|发文机关|发布机构|所属机构|"
          r"公开方式|公开范围|公开时限|有\s*效\s*性|成文日期|发文日期|发布日期|发布时间|生成日期|实施日期|废止日期|"
          r"发文字号|文\s*号|标\s*题|名\s*称|内容概述|公文种类|信息来源|来\s*源|责任部门")
# The labels whose lines the structure stage strips and mines (compare/boilerplate.py METADATA_KEY).
KNOWN_LABELS = lazy_pattern(r"^(?:索引号|文号|发文字号|发布机构|发文机关|生成日期|成文日期|发文日期|发布日期|标题|"
                          r"内容概述|主题分类|所属机构|公文种类|有效性|主题词|信息来源)$")
# A line of a metadata table: it starts with a label.
METADATA_LINE = lazy_pattern(rf"^[ \t\u3000]*(?:{LABELS})\s*(?:[:：\s]|$)")

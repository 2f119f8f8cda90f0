"""Boilerplate is taken out of the body, recorded with a reason, and never lost."""

from __future__ import annotations

from compare.ingest import source_from_string
from compare.model import Report
from compare.structure.parse import parse_report, uncovered


def parse(text: str) -> Report:
    return parse_report(source_from_string(text))


def reasons(r: Report) -> list[tuple[str, str]]:
    return [(x.reason, r.text_of(x.span)) for x in r.stripped]


PORTAL = """\
索 引 号 XX001-0001-2030-00001 文号 某区政文〔2030〕12号
发布机构 某区人民政府 生成日期 2030-12-20
标题 某市某区人民政府关于2030年依法行政工作情况的报告
内容概述 关于2030年依法行政工作情况的报告
索 引 号 XX001-0001-2030-00001
文号 某区政文〔2030〕12号
发布机构 某区人民政府
生成日期 2030-12-20

某市某区人民政府关于2030年依法行政工作情况的报告

发布时间:2031-01-05 09:30
| | | |

  市人民政府:

  一、主要举措和成效

  全年办理行政复议案件二十件。

  二、下一步工作计划

  继续推进依法行政。

  某市某区人民政府

  2030年12月20日

  (联系人:王五  电话:13800000000)

  (此件主动公开)

附件下载:

扫一扫在手机打开当前页

打印本页 关闭窗口

网站地图 | 京ICP备00000000号 | 京公网安备00000000000号
"""


def test_portal_chrome_metadata_signature_contact_notice() -> None:
    r = parse(PORTAL)
    got = reasons(r)
    assert [g[0] for g in got] == [
        "metadata_block", "duplicate_metadata", "title_line", "publish_time", "page_chrome",
        "signature", "signature", "contact", "public_notice", "page_chrome",
    ]
    assert got[0][1].startswith("索 引 号") and got[0][1].endswith("情况的报告")
    assert got[5][1] == "某市某区人民政府" and got[6][1] == "2030年12月20日"
    assert got[7][1].startswith("(联系人")
    assert got[-1][1].endswith("京公网安备00000000000号")
    body = "".join(r.text_of(p.span) for p in r.paragraphs)
    assert "13800000000" not in body and "索 引 号" not in body
    assert uncovered(r) == []


def test_signature_needs_a_date_at_the_end() -> None:
    r = parse("一、工作回顾\n\n全年完成任务。\n\n某县人民政府\n\n继续做好工作。\n")
    assert r.stripped == ()


def test_wiki_licence_footer_is_stripped_to_the_end() -> None:
    body = "一、工作回顾\n\n" + "全年完成各项任务，经济平稳运行。\n\n" * 20
    footer = "本作品是某国的\n法律\n、\n法规\n，属于\n公有领域\n。\n\nPublic domain\nfalse\n"
    r = parse(body + footer)
    assert [x.reason for x in r.stripped] == ["licence_footer"]
    assert r.text_of(r.stripped[0].span).endswith("false")
    assert uncovered(r) == []


def test_hansard_procedure_and_page_numbers() -> None:
    text = (
        "# Budget Speech\n\n---\n\n**The Minister for Finance (Mr Example)**\n\n"
        ": Mr Speaker, I beg to move.\n\n"
        + "We will invest in our people and our firms this year.\n\n" * 5
        + "12\n\n**Mr Speaker**\n\n: So be it.\n"
    )
    r = parse(text)
    # neighbouring lines with the same reason are one record
    assert reasons(r) == [
        ("page_chrome", "---"),
        ("speaker_procedure", "**The Minister for Finance (Mr Example)**\n\n: Mr Speaker, I beg to move."),
        ("page_chrome", "12"),
        ("speaker_procedure", "**Mr Speaker**\n\n: So be it."),
    ]
    assert r.sections[0].heading == "Budget Speech"
    assert r.sections[0].paragraph_count == 5
    assert uncovered(r) == []


def test_running_headers_of_pdf_letters() -> None:
    page = "EXAMPLE HOLDINGS INC.\n\n" + "Our businesses did well this year, and we expect more.\n\n" * 3
    r = parse(page * 3)
    assert [x.reason for x in r.stripped] == ["page_chrome"] * 3

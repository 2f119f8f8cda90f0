"""Issuer, year reported on, date, document number, title and language come from the text."""

from __future__ import annotations

from compare.ingest import source_from_string
from compare.structure.metadata import iso_date
from compare.structure.parse import parse_report
from compare.text.cjk import detect_language


def meta(text: str):  # noqa: ANN201 - Metadata
    return parse_report(source_from_string(text)).metadata


def test_district_report_metadata() -> None:
    m = meta(
        "文号 某区政文〔2030〕12号\n标题 某市某区人民政府关于2030年依法行政工作情况的报告\n\n"
        "一、主要举措和成效\n\n全年完成任务。\n\n某市某区人民政府\n\n2030年12月20日\n"
    )
    assert (m.issuer, m.year, m.date, m.doc_number, m.language) == (
        "某市某区人民政府", 2030, "2030-12-20", "某区政文〔2030〕12号", "zh")
    assert m.title == "某市某区人民政府关于2030年依法行政工作情况的报告"


def test_year_reported_on_is_the_review_year_not_the_publication_year() -> None:
    m = meta("各位代表：\n\n一、2030年工作回顾\n\n去年完成任务。\n\n二、2031年工作任务\n\n今年要继续努力。\n")
    assert m.year == 2030
    m = meta("各位代表：\n\n一、过去一年的工作\n\n去年完成任务。\n\n二、2031年主要任务\n\n今年要继续努力。\n")
    assert m.year == 2030


def test_title_broken_across_lines_is_joined() -> None:
    m = meta("\n\n工作报\n告\n\n——2030年3月5日在大会上\n\n各位代表：\n\n一、2029年工作回顾\n\n完成任务。\n")
    assert m.title == "工作报告"
    assert m.date == "2030-03-05"
    assert m.year == 2029


def test_english_letter_metadata() -> None:
    m = meta(
        "To the Shareholders of Example Holdings Inc.:\n\n     Our gain in net worth during 2030 was large.\n\n"
        "Insurance\n\n     Float grew.\n\nFebruary 24, 2031                    Jane Doe\n"
        "                                     Chairman of the Board\n"
    )
    assert (m.issuer, m.year, m.date, m.language) == ("Example Holdings Inc.", 2030, "2031-02-24", "en")


def test_iso_dates_and_language() -> None:
    assert iso_date("2020年12月18日") == "2020-12-18"
    assert iso_date("2020-1-8") == "2020-01-08"
    assert iso_date("二〇二〇年十二月十八日") == "2020-12-18"
    assert iso_date("no date") is None
    assert detect_language("一、工作回顾 GDP增长6%") == "zh"
    assert detect_language("The year in review, with 6% growth.") == "en"


def test_contact_numbers_are_not_left_in_the_body() -> None:
    r = parse_report(source_from_string("一、工作回顾\n\n全年完成任务。\n\n联系电话：0591-12345678\n"))
    assert "12345678" not in "".join(r.text_of(p.span) for p in r.paragraphs)


# --- plan year: the year a plan addresses, and whether the document was delivered in it -----------

def test_work_report_opening_names_issuer_and_genre_and_plan_year() -> None:
    m = meta(
        "各位代表：\n\n现在，我代表某省人民政府，向大会作政府工作报告，请予审议。\n\n"
        "一、2030年工作回顾\n\n过去一年，全省完成了各项任务。\n\n"
        "二、2031年主要任务\n\n今年要稳住增长。今年要扩大开放。今年要办好民生实事。\n"
    )
    assert (m.issuer, m.title, m.year, m.plan_year, m.plan_year_is_current) == (
        "某省人民政府", "政府工作报告", 2030, 2031, True)
    assert m.date is None  # the opening states no date


def test_opening_that_only_reports_work_states_no_title() -> None:
    m = meta("各位代表：\n\n现在，我代表某省人民政府向大会作报告。\n\n一、2030年工作回顾\n\n完成了任务。\n")
    assert m.issuer == "某省人民政府"
    assert m.title is None


def test_plan_that_says_only_this_year_is_for_the_year_after_the_review() -> None:
    m = meta("各位代表：\n\n一、去年工作回顾\n\n2030年，全省完成了各项任务，2030年收入增长。\n\n"
             "二、今年主要任务\n\n要稳住增长，要扩大开放。\n")
    assert (m.year, m.plan_year, m.plan_year_is_current) == (2030, 2031, True)


def test_plan_parts_without_a_year_take_it_from_the_sentence_naming_this_year() -> None:
    m = meta("各位代表：\n\n一、2030年工作回顾\n\n完成了任务。\n\n"
             "二、坚持扩大内需\n\n2031年是新规划的第一年，做好今年工作意义重大。今年要扩大内需，今年要稳定就业。\n")
    assert (m.plan_year, m.plan_year_is_current) == (2031, True)


def test_plan_for_next_year_is_not_the_documents_own_year() -> None:
    # a year-end district report: the plan names next year and speaks of 明年, not 今年
    m = meta("标题 某区人民政府关于2030年法治政府建设情况的报告\n\n一、主要举措和成效\n\n今年以来完成了任务。\n\n"
             "二、2031年工作打算\n\n明年将继续推进改革。\n\n某区人民政府\n\n2030年12月20日\n")
    assert (m.year, m.plan_year, m.plan_year_is_current) == (2030, 2031, False)
    m = meta("标题 某区人民政府关于2030年法治政府建设情况的报告\n\n一、主要举措和成效\n\n完成了任务。\n\n"
             "二、下一步工作计划\n\n继续推进改革。\n")
    assert (m.plan_year, m.plan_year_is_current) == (None, False)


def test_english_plan_year_and_this_year() -> None:
    letter = ("# Letter to Shareholders\n\n## 2030 in Review\n\nRevenue grew in 2030.\n\n"
              "## Priorities for 2031\n\n- We will open a plant.\n")
    m = meta(letter)
    assert (m.year, m.plan_year, m.plan_year_is_current) == (2030, 2031, False)
    m = meta(letter.replace("We will open a plant.", "This year we will open a plant. This year we hire. "
                            "This year we ship."))
    assert (m.plan_year, m.plan_year_is_current) == (2031, True)


def test_letter_date_on_its_own_line_above_the_signature() -> None:
    m = meta(
        "To the Shareholders of Example Holdings Inc.:\n\n     Our gain in net worth during 2030 was large.\n\n"
        "Insurance\n\n     Float grew.\n\nFebruary 24, 2031\n                    Jane Q. Doe\n"
        "                    Chairman of the Board\n"
    )
    assert (m.year, m.date) == (2030, "2031-02-24")


def test_letter_signed_before_a_second_letter_still_has_its_date() -> None:
    second = "".join(f"     Our partner adds thought number {i} on the matter at hand.\n\n" for i in range(80))
    m = meta(
        "To the Shareholders of Example Holdings Inc.:\n\n     Our gain in net worth during 2030 was large.\n\n"
        "February 24, 2031\n\n                    Jane Q. Doe\n\n                    Chairman of the Board\n\n"
        "Vice Chairman's Thoughts\n\n" + second
    )
    assert m.date == "2031-02-24"


def test_a_far_horizon_in_a_targets_heading_is_not_the_plan_year() -> None:
    m = meta("各位代表：\n\n一、2030年工作回顾\n\n完成了任务。\n\n二、到2045年的远景目标\n\n要建成强省。\n\n"
             "三、今年主要任务\n\n今年要稳住增长。\n")
    assert (m.plan_year, m.plan_year_is_current) == (2031, True)


def test_a_new_areas_government_names_itself_and_stays_one_issuer() -> None:
    # before it has a people's government a new district speaks as its committee or preparatory group;
    # the same place under another name is no second issuer, another place is
    from compare.model import Metadata
    from compare.structure.metadata import issuer_warning

    for speaker, issuer in (("我代表坪山新区管委会", "坪山新区管委会"), ("我代表坪山区政府筹备组", "坪山区政府筹备组")):
        text = f"各位代表：\n　　现在，{speaker}向大会作工作报告，请予审议。\n一、2016年工作回顾\n推进依法行政。\n"
        assert parse_report(source_from_string(text, "2017.txt")).metadata.issuer == issuer
    old, new = Metadata(issuer="坪山新区管委会"), Metadata(issuer="坪山区人民政府")
    assert issuer_warning(old, new) is None
    assert issuer_warning(Metadata(issuer="坪山区人民政府"), Metadata(issuer="深圳市坪山区人民政府")) is None
    assert issuer_warning(Metadata(issuer="坪山区人民政府"), Metadata(issuer="龙岗区人民政府")) is not None

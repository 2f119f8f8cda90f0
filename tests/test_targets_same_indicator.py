"""Targets judged against the same indicator (issue 17), on an invented district pair: the outcome a
reader would quote, or unknown when the report does not say which thing a figure counts.

Each target is written the way district reports write it: a dimension after the clause naming the
thing (推进海绵城市建设，新增建设面积), the number before its noun in a list (完成…、96座垃圾转运站升级
改造), one land activity in two words (供应 / 出让), a coverage rate and its rate (签约服务覆盖率 /
签约率), a designation that is the sentence's topic and part of the measure's name (国家高新区 /
国家级高新技术企业), and a class noun qualified only by the clause before (新办幼儿园，增加学位).
"""

from __future__ import annotations

from decimal import Decimal

from compare.followthrough.evidence import check_followthrough
from compare.ingest import source_from_string
from compare.model import PlanCheck, PlanItemKind, PlanStatus, Report
from compare.structure.parse import parse_report

OLD = """某区人民政府2030年政府工作报告

一、2029年工作回顾
过去一年，全区经济运行平稳，地区生产总值增长6%。

二、2030年工作安排
（一）完善城区功能。大力推进海绵城市建设，新增建设面积8平方公里。改造垃圾转运站120座。
（二）保障发展空间。完成产业用地供应30万平方米以上。
（三）办好民生实事。新办4所公办幼儿园，增加学位900个。重点人群签约服务覆盖率提高至70%以上。
（四）壮大创新主体。新增国家级高新技术企业300家以上。
"""

NEW = """某区人民政府2031年政府工作报告

一、2030年工作回顾
城区功能持续完善。完成1.5平方公里较大面积产业空间整备。建成海绵城市9.2平方公里、综合管廊3公里。完成410座公厕、96座垃圾转运站升级改造。出让产业用地34万平方米。新增公办学位2600个。重点人群家庭医生签约率达到72%。国家高新区实现扩容提质，新增国家级高新技术企业340家。

二、2031年工作安排
（一）持续完善城区功能。推进综合管廊建设。
"""


def _checks() -> tuple[Report, tuple[PlanCheck, ...]]:
    old = parse_report(source_from_string(OLD, "2030.txt"))
    new = parse_report(source_from_string(NEW, "2031.txt"))
    return old, check_followthrough(old, new)


def _target(needle: str) -> PlanCheck:
    old, checks = _checks()
    hits = [c for c in checks if c.item.kind == PlanItemKind.TARGET and c.item.target is not None
            and needle in old.text_of(c.item.span)
            and old.text_of(c.item.span).index(needle) <= c.item.target.span.start - c.item.span.start
            <= old.text_of(c.item.span).index(needle) + len(needle)]
    assert len(hits) == 1, (needle, [old.text_of(c.item.span) for c in hits])
    return hits[0]


def _judged(needle: str) -> tuple[PlanStatus, Decimal | None]:
    check = _target(needle)
    return check.status, check.actual.value if check.actual else None


def test_a_dimension_is_judged_against_the_thing_named_before_it() -> None:
    # not against the 1.5 km² of another area in the same review
    assert _judged("新增建设面积8") == (PlanStatus.MET, Decimal("9.2"))


def test_a_number_before_its_noun_counts_that_noun() -> None:
    assert _judged("改造垃圾转运站120") == (PlanStatus.NOT_MET, Decimal("96"))


def test_one_land_activity_in_two_words() -> None:
    assert _judged("产业用地供应30") == (PlanStatus.MET, Decimal("34"))


def test_a_coverage_rate_and_its_rate() -> None:
    assert _judged("签约服务覆盖率提高至70") == (PlanStatus.MET, Decimal("72"))


def test_a_designation_named_by_the_measure_is_no_scope() -> None:
    assert _judged("新增国家级高新技术企业300") == (PlanStatus.MET, Decimal("340"))


def test_a_class_noun_qualified_elsewhere_stays_unknown() -> None:
    # 「增加学位900个」 are the new kindergartens' places; 「新增公办学位2600个」 is every school's
    assert _judged("增加学位900") == (PlanStatus.UNKNOWN, None)

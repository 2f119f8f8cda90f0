"""Figure pairing reads both reports alike (issue 16, item 5): swapping old and new swaps the pairs.

bug: the fiscal-year rule took the argument order for the time order (FY2019 → FY2020 paired one
way, refused the other), the label rule aligned the words of the two labels in one direction only
(重大技术攻关项目 / 高技术重大攻关项目 agreed one way), a "from" value lost points only when it
was old, and a label bigram too common to look candidates up by was counted on the old report only.
The corpus-wide check is tests/test_figure_mirror.py (slow); these run in the fast suite.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compare.figures import match
from compare.figures.match import match_figures
from compare.figures.rules import in_time_order, refusal
from compare.model import Figure, FigureKind, FigurePair, Metadata, PeriodKind, Span

FY = PeriodKind.FISCAL_YEAR


def _fig(label: str, value: str, start: int, *, period: str = "", unit: str = "$ billion",
         kind: FigureKind = FigureKind.OUTCOME, section: str | None = None, qualifier: str = "") -> Figure:
    return Figure(Decimal(value), unit, label, Span(start, start + 3), section, None, qualifier, period,
                  Decimal(value), unit, FY if period else PeriodKind.UNSTATED, kind)


def _pairs(pairs: tuple[FigurePair, ...]) -> set[tuple[int, int]]:
    return {(p.old.span.start, p.new.span.start) for p in pairs if p.old and p.new}


def _mirrored(old: list[Figure], new: list[Figure], old_is_earlier: bool) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    there = _pairs(match_figures(old, new, old_is_earlier=old_is_earlier))
    back = {(n, o) for o, n in _pairs(match_figures(new, old, old_is_earlier=not old_is_earlier))}
    return there, back


def test_in_time_order_reads_the_years_not_the_argument_order() -> None:
    y2019, y2020 = Metadata(year=2018, plan_year=2019), Metadata(year=2019, plan_year=2020)
    assert in_time_order(y2019, y2020) and not in_time_order(y2020, y2019)
    assert in_time_order(Metadata(), y2019) and in_time_order(y2019, Metadata())  # unknown: as given


def test_fiscal_years_must_follow_each_other_in_time_not_in_argument_order() -> None:
    fy19 = _fig("overall deficit", "3.5", 0, period="FY2019")
    fy20 = _fig("overall deficit", "10.9", 0, period="FY2020")
    assert refusal(fy19, fy20) is None
    assert refusal(fy20, fy19, old_is_earlier=False) is None  # `yoy compare 2020 2019`
    assert refusal(fy20, fy19) == "consecutive"  # a later report's year cannot come before
    assert refusal(fy19, _fig("overall deficit", "2", 0, period="FY2021")) == "consecutive"


def test_the_label_rule_holds_whichever_label_comes_first() -> None:
    a = _fig("组织实施重大技术攻关项目", "50", 0, unit="项", kind=FigureKind.TARGET)
    b = _fig("组织实施高技术重大攻关项目", "50", 0, unit="项", kind=FigureKind.TARGET)
    assert refusal(a, b) == refusal(b, a, old_is_earlier=False)


def test_a_baseline_pairs_with_nothing_on_either_side() -> None:
    base = _fig("森林覆盖率", "41.3", 0, unit="%", qualifier="从", kind=FigureKind.BASELINE)
    level = _fig("森林覆盖率", "47.8", 0, unit="%")
    assert refusal(base, level) == refusal(level, base) == "baseline"


def test_a_bigram_too_common_on_either_side_finds_no_candidates(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(match, "MAX_POSTING", 1)
    two = [_fig("城镇新增就业", "1351", 0, unit="人"), _fig("城镇新增就业", "1100", 10, unit="人")]
    one = [_fig("城镇新增就业", "1361", 0, unit="人")]
    there, back = _mirrored(two, one, True)
    assert there == back == set()


_LABELS = ("overall deficit", "overall Budget deficit", "basic deficit to GDP", "组织实施重大技术攻关项目",
           "组织实施高技术重大攻关项目", "城镇新增就业")
_figure = st.builds(
    lambda label, value, period, section, qualifier: (label, value, period, section, qualifier),
    st.sampled_from(_LABELS), st.sampled_from(("3", "3.5", "10.9", "50")),
    st.sampled_from(("", "FY2019", "FY2020", "FY2021")), st.sampled_from((None, "s1", "s2")),
    st.sampled_from(("", "从")))


def _build(specs: list[tuple[str, str, str, str | None, str]], offset: int) -> list[Figure]:
    return [_fig(label, value, offset + 7 * k, period=period, section=section, qualifier=qualifier)
            for k, (label, value, period, section, qualifier) in enumerate(specs)]


@settings(max_examples=300, deadline=None)
@given(st.lists(_figure, max_size=6), st.lists(_figure, max_size=6), st.booleans(), st.integers(0, 6))
def test_swapping_old_and_new_swaps_the_pairs(old_specs: list[tuple[str, str, str, str | None, str]],
                                              new_specs: list[tuple[str, str, str, str | None, str]],
                                              old_is_earlier: bool, offset: int) -> None:
    old, new = _build(old_specs, 0), _build(new_specs, offset)
    there, back = _mirrored(old, new, old_is_earlier)
    assert there == back

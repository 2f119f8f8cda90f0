"""English figure labels name what a number measures (issue #5): the counted noun after a count,
else the noun phrase before the figure without its verb, article or preposition. Invented text."""

from __future__ import annotations

import pytest

from compare.figures.extract import extract_figures_from_text
from compare.figures.match import match_figures


def _labels(text: str) -> dict[str, str]:
    return {text[f.span.start:f.span.end]: f.label for f in extract_figures_from_text(text, language="en")}


@pytest.mark.parametrize(("text", "figure", "label"), [
    ("We raised the monthly stipend to $0.40 per share.", "$0.40", "monthly stipend per share"),
    ("Gross margin improved to 31.5%, helped by pricing.", "31.5%", "Gross margin"),
    ("The clinic ended the year with patient satisfaction of 92%.", "92%", "patient satisfaction"),
    ("We will grow Cloud bookings to $15 million by next spring.", "$15 million", "Cloud bookings"),
    ("Net sales for the year were $8.1 million.", "$8.1 million", "Net sales"),
    ("Our bakery in Leeds hired 19 new bakers.", "19", "new bakers"),
    ("We served 3,400 members in 12 towns and ended the year with 57 volunteers.",
     "3,400 members", "members"),
    ("We served 3,400 members in 12 towns and ended the year with 57 volunteers.", "12 towns", "towns"),
    ("We served 3,400 members in 12 towns and ended the year with 57 volunteers.",
     "57 volunteers", "volunteers"),
    ("We will cut the garden club membership fee to $12 a month.", "$12", "garden club membership fee per month"),
    ("The market value of our bonds on that date was $2.2 billion.", "$2.2 billion", "market value of bonds"),
    # the level a change reached, in another unit, is of the measure that changed
    ("Revenue grew 13% to $468.3 million.", "$468.3 million", "Revenue"),
    ("Operating margin rose 2.5 percentage points to 18.1%.", "18.1%", "Operating margin"),
])
def test_label_is_the_noun_phrase(text: str, figure: str, label: str) -> None:
    assert _labels(text)[figure] == label


def test_second_figure_for_the_same_measure_takes_the_first_label() -> None:
    labels = _labels("The board raised the quarterly payout to $0.25 per share, or $1.00 for the year.")
    assert labels["$0.25"] == "quarterly payout per share"
    assert labels["$1.00"] == "annual payout"
    labels = _labels("We paid an annual bonus of $300 a person, or $9,000 for the year.")
    assert labels["$9,000"] == "annual bonus"
    labels = _labels("We expect a primary surplus of $3.0 billion or 0.6% of GDP.")
    assert labels["$3.0 billion"] == "primary surplus"
    assert labels["0.6%"] == "primary surplus to GDP"


def test_a_bare_count_keeps_its_clause_so_unrelated_counts_do_not_pair() -> None:
    old = extract_figures_from_text("The plan rests on pillars in three areas. The museum added galleries "
                                    "in two areas.", language="en")
    new = extract_figures_from_text("The festival will expand its stages in four areas.", language="en")
    assert all(p.old is None or p.new is None for p in match_figures(old, new))


def test_quarterly_and_annual_figures_pair_with_their_own_kind() -> None:
    old = extract_figures_from_text("We raised the quarterly payout to $0.25 per share, or $1.00 for the year.",
                                    language="en")
    new = extract_figures_from_text("We raised the quarterly payout to $0.30 per share, or $1.20 for the year.",
                                    language="en")
    pairs = {(p.old.value, p.new.value) for p in match_figures(old, new) if p.old and p.new}
    assert {(o, n) for o, n in pairs} == {(old[0].value, new[0].value), (old[1].value, new[1].value)}


def test_time_counts_are_not_figures() -> None:
    assert "three decades" not in _labels("Three decades ago the firm had one plant.")


@pytest.mark.parametrize(("text", "written", "low", "high"), [
    ("We expect growth to be between 1% and 3% this year.", "1% and 3%", "1", "3"),
    ("Our aim is productivity growth of 2% to 3% a year.", "2% to 3%", "2", "3"),
    ("Inflation came in within our range of 3 to 4%.", "3 to 4%", "3", "4"),
    ("Core inflation should average 2.0-3.0% next year.", "2.0-3.0%", "2.0", "3.0"),
])
def test_a_range_of_rates_is_one_figure(text: str, written: str, low: str, high: str) -> None:
    [fig] = [f for f in extract_figures_from_text(text, language="en") if f.unit == "%"]
    assert text[fig.span.start:fig.span.end] == written
    assert (str(fig.value), str(fig.value_high)) == (low, high)


def test_a_change_from_one_rate_to_another_is_no_range() -> None:
    figs = extract_figures_from_text("Our stake in the bakery grew from 8.9% to 9.1% this year.", language="en")
    assert [(str(f.value), f.value_high) for f in figs] == [("8.9", None), ("9.1", None)]

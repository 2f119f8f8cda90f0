"""Chinese numerals against cn2an's own test cases and issue 19's cases (fixtures/numerals).

The fixture names the repository, path and commit the cn2an cases were read from; conventions no
report uses are listed there as out of scope, with why.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest

from compare.text.numerals import NumeralError, parse_number

from conftest import FIXTURES

CASES: dict[str, Any] = json.loads((FIXTURES / "numerals" / "cn2an_cases.json").read_text(encoding="utf-8"))
VALUES = sorted({**CASES["strict"], **CASES["normal"], **CASES["smart"], **CASES["issue19"]["values"]}.items())
REJECT = sorted(set(CASES["must_reject"]) | set(CASES["issue19"]["must_reject"]))


def test_fixture_names_its_source() -> None:
    src = CASES["source"]
    assert src["repository"] == "Ailln/cn2an" and src["path"] == "cn2an/cn2an_test.py"
    assert len(src["commit"]) == 40
    assert all(item["why"] for item in CASES["out_of_scope"])


@pytest.mark.parametrize(("text", "value"), VALUES)
def test_value_case_parses_exactly(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", REJECT)
def test_must_reject_case_is_rejected(text: str) -> None:
    with pytest.raises(NumeralError):
        parse_number(text)


def test_a_sign_is_never_lost() -> None:
    for text in ("负0.3", "−0.3", "-0.3", "－0.3", "负零点三"):
        assert parse_number(text) == Decimal("-0.3"), text

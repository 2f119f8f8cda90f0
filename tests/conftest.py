"""Shared test helpers: where the repository, the fixtures and ../shared are."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "fixtures"
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SEED = SHARED / "seeds" / "000_7f564c0039794e89.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden files")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def need_shared(path: Path) -> Path:
    """Skip the calling test when the real reports beside the repository are absent."""
    if not path.exists():
        pytest.skip(f"{path} is absent: ../shared (seeds and corpus) is not beside this checkout")
    return path


def expected(case: str) -> dict[str, Any]:
    """The json block of fixtures/<case>/EXPECTED.md."""
    text = (FIXTURES / case / "EXPECTED.md").read_text(encoding="utf-8")
    m = re.search(r"```json\n(.*?)\n```", text, re.S)
    assert m, f"fixtures/{case}/EXPECTED.md has no json block"
    return json.loads(m.group(1))

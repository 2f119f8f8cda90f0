"""Each fixture pair through the whole pipeline, against the golden JSON, Markdown and HTML.

On a mismatch the actual output is written to tests/golden/_actual/<case>/ (git-ignored);
`pytest --update-golden` rewrites the golden files. Read the diff before committing them.
"""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

import pytest

from compare import compare_files, render

from conftest import FIXTURES

GOLDEN = Path(__file__).resolve().parent / "golden"
CASES = ["zh-district", "en-letters"]
FILES = {"json": "comparison.json", "md": "report.md", "html": "report.html"}

_ASSET_BODIES = re.compile(r"(<style>|<script>)(.*?)(</style>|</script>)", re.S)


def _strip_assets(html: str) -> str:
    """Compare HTML without the inlined CSS and JS bodies; other tests check the assets are inlined."""
    return _ASSET_BODIES.sub(lambda m: m.group(1) + "…" + m.group(3), html)



@pytest.mark.parametrize("case", CASES)
def test_fixture_pair_matches_golden(case: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES.parent)
    c = compare_files(f"fixtures/{case}/2020.txt", f"fixtures/{case}/2021.txt")
    actual = {fmt: render(c, fmt) for fmt in FILES}
    folder = GOLDEN / case
    if update_golden:
        folder.mkdir(parents=True, exist_ok=True)
        for fmt, name in FILES.items():
            # the inlined CSS and JS are our own files, not output to pin: keep them out of the goldens
            text = _strip_assets(actual[fmt]) if fmt == "html" else actual[fmt]
            (folder / name).write_text(text, encoding="utf-8", newline="\n")
        return
    problems: list[str] = []
    for fmt, name in FILES.items():
        path = folder / name
        if not path.exists():
            problems.append(f"{path} is missing; run pytest --update-golden")
            continue
        want = path.read_text(encoding="utf-8")
        got = actual[fmt]
        if fmt == "json":
            same = json.loads(want) == json.loads(got)
        elif fmt == "html":
            same = _strip_assets(want) == _strip_assets(got)
        else:
            same = want == got
        if not same:
            out = GOLDEN / "_actual" / case
            out.mkdir(parents=True, exist_ok=True)
            (out / name).write_text(got, encoding="utf-8", newline="\n")
            diff = "".join(list(difflib.unified_diff(
                want.splitlines(True), got.splitlines(True), str(path), str(out / name), n=1))[:60])
            problems.append(f"{name} differs from the golden file:\n{diff}")
    assert not problems, "\n".join(problems)

"""Inputs for the series and batch tests: a third year made from our own fixtures, small corpus folders."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import CORPUS, FIXTURES


def zh_district_2022(text_2021: str) -> str:
    """The invented 2021 report moved one year on (a plan restated word for word, figures kept)."""
    return text_2021.replace("2022年", "2023年").replace("2021", "2022")


def fixture_years(folder: Path) -> list[Path]:
    """fixtures/zh-district 2020, 2021 and a 2022 made from 2021, written into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for year in ("2020", "2021"):
        target = folder / f"{year}.txt"
        shutil.copyfile(FIXTURES / "zh-district" / f"{year}.txt", target)
        out.append(target)
    third = folder / "2022.txt"
    third.write_text(zh_district_2022(out[1].read_text(encoding="utf-8")), encoding="utf-8")
    out.append(third)
    return out


def small_batch_folder(root: Path, *, with_corpus: bool) -> Path:
    """<issuer>/<year>.txt: three invented district years, two invented letters, a binary and an
    empty input, and notes that are not reports; with the corpus, two district reports of Yantian."""
    fixture_years(root / "qingxi")
    (root / "qingxi" / "SOURCE.md").write_text("notes, not a report\n", encoding="utf-8")
    (root / "qingxi" / "2019.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 4)
    letters = root / "northwind"
    letters.mkdir()
    for year in ("2020", "2021"):
        shutil.copyfile(FIXTURES / "en-letters" / f"{year}.txt", letters / f"{year}.txt")
    (letters / "2022.txt").write_text("", encoding="utf-8")
    if with_corpus and (CORPUS / "sz-yantian-gwr").exists():
        yantian = root / "yantian"
        yantian.mkdir()
        for year in ("2019", "2020"):
            shutil.copyfile(CORPUS / "sz-yantian-gwr" / f"{year}.txt", yantian / f"{year}.txt")
    return root

"""Time how fast `yoy compare` turns bad or extreme inputs into one error line (or a result).

Run: python bench/ingest_bad_inputs.py   (prints seconds and the first words of stderr per case)
Speed is measured here, never asserted in tests. Each case should finish within seconds.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES: dict[str, bytes | int] = {
    "huge_200mb.pdf": 200 * 1024 * 1024,  # sparse file: size only
    "one_char_3mb.txt": ("一" * 1_000_000).encode("utf-8"),
    "one_letter_40mb.txt": b"a" * 40_000_000,
    "png_renamed.txt": b"\x89PNG\r\n\x1a\n" + bytes(4096),
    "truncated.pdf": b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog",
    "boilerplate.html": ('<html><body><div class="nav"><a href="/">首页</a></div>'
                         '<div class="footer">闽ICP备00000000号</div></body></html>').encode("utf-8"),
    "many_paragraphs.html": ("<html><body><div>" + "<p>全年办理案件十二件。</p>" * 200_000
                             + "</div></body></html>").encode("utf-8"),
}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        good = Path(tmp) / "good.txt"
        good.write_text("一、主要举措和成效\n全年办理案件十二件。\n", encoding="utf-8")
        for name, content in CASES.items():
            path = Path(tmp) / name
            if isinstance(content, int):
                with path.open("wb") as fh:
                    fh.truncate(content)
            else:
                path.write_bytes(content)
            start = time.perf_counter()
            run = subprocess.run([sys.executable, "-m", "compare.cli", "compare", str(path), str(good),
                                  "-o", str(Path(tmp) / "out.html")], capture_output=True, text=True)
            took = time.perf_counter() - start
            print(f"{name:24} {took:6.2f} s  exit {run.returncode}  {run.stderr.strip()[:90]}")


if __name__ == "__main__":
    main()

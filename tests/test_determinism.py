"""The same inputs give the same bytes under any hash seed: every consecutive corpus pair, three seeds.

Each seed needs its own interpreter (the seed is fixed at start-up), so tests/corpus_digests.py runs
once per seed in a subprocess and prints one digest of the HTML, JSON and Markdown per pair.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, need_shared

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

SCRIPT = Path(__file__).with_name("corpus_digests.py")


def _digests(seed: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    return subprocess.Popen([sys.executable, str(SCRIPT)], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_every_corpus_pair_is_byte_identical_under_three_hash_seeds() -> None:
    need_shared(CORPUS)
    runs = {seed: _digests(seed) for seed in ("0", "1", "4242")}
    outputs = {}
    for seed, proc in runs.items():
        out, err = proc.communicate(timeout=1800)
        assert proc.returncode == 0, err[-2000:]
        outputs[seed] = dict(line.split(" ", 1) for line in out.splitlines())
    pairs = outputs["0"]
    assert len(pairs) >= 90, f"only {len(pairs)} corpus pairs were compared"
    for seed in ("1", "4242"):
        differing = sorted(p for p in pairs if outputs[seed].get(p) != pairs[p])
        assert differing == [], f"PYTHONHASHSEED={seed} changes the output of {differing}"

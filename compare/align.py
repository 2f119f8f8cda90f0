"""Stage 3, align: `Report` x `Report` -> section pairs.

Foundation version: top-level sections paired in order by `difflib` over their headings, with a
rapidfuzz content score. The alignment issue replaces this with whole-tree fuzzy alignment.
"""

from __future__ import annotations

import difflib
import re

from rapidfuzz import fuzz

from .model import PairStatus, Report, SectionPair

__all__ = ["align_sections"]

_YEAR = re.compile(r"(19|20)\d\d")


def _key(heading: str) -> str:
    return _YEAR.sub("YYYY", heading)


def align_sections(old: Report, new: Report) -> tuple[SectionPair, ...]:
    """Pair the sections of `old` and `new`; unpaired ones become removed / added."""
    old_secs = [s for s in old.sections if s.level == 1]
    new_secs = [s for s in new.sections if s.level == 1]
    sm = difflib.SequenceMatcher(
        None, [_key(s.heading) for s in old_secs], [_key(s.heading) for s in new_secs], autojunk=False
    )
    pairs: list[SectionPair] = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for o, n in zip(old_secs[i1:i2], new_secs[j1:j2]):
                score = fuzz.ratio(old.text_of(o.span), new.text_of(n.span)) / 100
                pairs.append(SectionPair(o.id, n.id, PairStatus.MATCHED, score, "heading"))
        else:
            for o in old_secs[i1:i2]:
                pairs.append(SectionPair(o.id, None, PairStatus.REMOVED, 0.0, "unmatched"))
            for n in new_secs[j1:j2]:
                pairs.append(SectionPair(None, n.id, PairStatus.ADDED, 0.0, "unmatched"))
    return tuple(pairs)

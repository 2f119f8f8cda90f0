"""Stage 6, follow-through: plan items of year N checked against the report of year N+1.

Foundation version: each paragraph of a PLAN part is an item; evidence is the most similar
paragraph of the new report by rapidfuzz ratio.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from .model import Evidence, PlanCheck, PlanItem, PlanItemKind, PlanStatus, Report, Role

__all__ = ["check_followthrough"]

# Provisional, set on the fixtures by eye; the follow-through issue calibrates these.
ADDRESSED_CUTOFF = 0.5
PARTLY_CUTOFF = 0.3


def check_followthrough(old: Report, new: Report) -> tuple[PlanCheck, ...]:
    plan_spans = [s.span for s in old.sections if s.level == 1 and s.role == Role.PLAN]
    items = [p for p in old.paragraphs
             if any(sp.start <= p.span.start < sp.end for sp in plan_spans)]
    new_texts = [new.text_of(p.span) for p in new.paragraphs]
    checks: list[PlanCheck] = []
    for p in items:
        item = PlanItem(p.span, p.section_id, PlanItemKind.COMMITMENT)
        best = process.extractOne(old.text_of(p.span), new_texts, scorer=fuzz.ratio) if new_texts else None
        if best is None:
            checks.append(PlanCheck(item, PlanStatus.NOT_FOUND))
            continue
        _, score, idx = best
        score = score / 100
        status = (PlanStatus.ADDRESSED if score >= ADDRESSED_CUTOFF
                  else PlanStatus.PARTLY if score >= PARTLY_CUTOFF else PlanStatus.NOT_FOUND)
        ev = (Evidence(new.paragraphs[idx].span, new.paragraphs[idx].section_id, score, "ratio"),)
        checks.append(PlanCheck(item, status, ev if status != PlanStatus.NOT_FOUND else ()))
    return tuple(checks)

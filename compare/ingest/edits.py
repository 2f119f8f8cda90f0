"""Stage 1, ingest: replacing ranges of the normalised text while keeping every `Edit` honest."""

from __future__ import annotations

from ..model import Edit, Span

__all__ = ["apply_replacements"]


def apply_replacements(
    text: str, edits: tuple[Edit, ...], joins: list[tuple[int, int, str, str]],
) -> tuple[str, tuple[Edit, ...]]:
    """Replace each `(start, stop, replacement, reason)` of `joins` (sorted, not overlapping, offsets
    in `text`) and return the new text with one `Edit` per replacement plus `edits` remapped.

    An earlier edit inside a replaced range is folded into the new edit's `original`, so undoing
    the edits still gives the text the user gave.
    """
    out: list[str] = []
    new_edits: list[Edit] = []
    old = sorted(edits, key=lambda e: e.span.start)
    k = 0  # next old edit
    pos = 0
    shift = 0  # new offset - old offset
    for start, stop, repl, reason in joins:
        # old edits before this join keep their text, shifted
        while k < len(old) and old[k].span.end <= start:
            e = old[k]
            new_edits.append(Edit(Span(e.span.start + shift, e.span.end + shift), e.original, e.reason))
            k += 1
        original = text[start:stop]
        inner: list[Edit] = []
        while k < len(old) and old[k].span.start < stop:
            inner.append(old[k])
            k += 1
        for e in reversed(inner):  # put back what the normaliser replaced inside the joined gap
            a, b = e.span.start - start, e.span.end - start
            original = original[:max(a, 0)] + e.original + original[max(b, 0):]
        out.append(text[pos:start])
        new_start = start + shift
        out.append(repl)
        new_edits.append(Edit(Span(new_start, new_start + len(repl)), original, reason))
        shift += len(repl) - (stop - start)
        pos = stop
    out.append(text[pos:])
    for e in old[k:]:
        new_edits.append(Edit(Span(e.span.start + shift, e.span.end + shift), e.original, e.reason))
    return "".join(out), tuple(new_edits)

"""Composes the stages: ingest -> structure -> align -> diff -> figures -> follow-through."""

from __future__ import annotations

from .align import align_sections
from .diff import diff_sections
from .figures.extract import extract_figures
from .figures.match import match_figures
from .followthrough.evidence import check_followthrough
from .ingest import read_source, source_from_string
from .model import Comparison, SourceText
from .structure.parse import parse_report

__all__ = ["different_issuers", "compare_files", "compare_texts", "compare_sources", "followup_sources", "followup_files"]


def compare_sources(old: SourceText, new: SourceText) -> Comparison:
    """Run every stage on two already-read inputs."""
    old_report = parse_report(old)
    new_report = parse_report(new)
    pairs = align_sections(old_report, new_report)
    diffs = diff_sections(old_report, new_report, pairs)
    old_figs = extract_figures(old_report)
    new_figs = extract_figures(new_report)
    return Comparison(
        old=old_report,
        new=new_report,
        section_pairs=pairs,
        diffs=diffs,
        figure_pairs=match_figures(old_figs, new_figs, section_pairs=pairs),
        plan_checks=check_followthrough(old_report, new_report, old_figures=old_figs,
                                        new_figures=new_figs, section_pairs=pairs),
        old_figures=old_figs,
        new_figures=new_figs,
    )


def followup_sources(old: SourceText, new: SourceText) -> Comparison:
    """Only the stages follow-through needs: structure, alignment, figures, plan checks.

    The result has no sentence diffs and no figure pairs.
    """
    old_report = parse_report(old)
    new_report = parse_report(new)
    pairs = align_sections(old_report, new_report)
    old_figs = extract_figures(old_report)
    new_figs = extract_figures(new_report)
    checks = check_followthrough(old_report, new_report, old_figures=old_figs, new_figures=new_figs,
                                 section_pairs=pairs)
    return Comparison(old=old_report, new=new_report, section_pairs=pairs, diffs=(),
                      plan_checks=checks, old_figures=old_figs, new_figures=new_figs)


def followup_files(old_path: str, new_path: str) -> Comparison:
    """Check last year's plan (OLD) against this year's report (NEW); "-" reads standard input."""
    return followup_sources(read_source(old_path), read_source(new_path))


def compare_files(old_path: str, new_path: str) -> Comparison:
    """Compare two report files ("-" reads one of them from standard input)."""
    return compare_sources(read_source(old_path), read_source(new_path))


def compare_texts(old_text: str, new_text: str, *, old_name: str = "old", new_name: str = "new") -> Comparison:
    """Compare two reports given as strings."""
    return compare_sources(source_from_string(old_text, old_name), source_from_string(new_text, new_name))


def different_issuers(c: Comparison) -> tuple[str, str] | None:
    """The two issuers when both reports name one and the names differ, else None.

    Comparing two issuers' reports is usually a mistake (a wrong file picked), so the CLI warns
    and the page says so; it still runs, since a reader may want it on purpose.
    """
    a, b = c.old.metadata.issuer, c.new.metadata.issuer
    if not a or not b:
        return None
    if "".join(a.split()).lower() == "".join(b.split()).lower():
        return None
    return a, b

"""Composes the stages: ingest -> structure -> align -> figures -> follow-through -> diff.

The diff runs last because it asks the follow-through which old plan items were done
(`completed`) and which were dropped.
"""

from __future__ import annotations

from .align import align_sections
from .diff import diff_sections
from .figures.extract import extract_figures
from .figures.match import match_figures
from .figures.rules import in_time_order, with_headlines
from .followthrough.evidence import check_followthrough, score_followthrough
from .ingest import read_source, source_from_string
from .model import Comparison, FollowUp, Report, SourceText
from .reading import read_report, report_file
from .structure.metadata import issuer_warning

__all__ = ["read_report", "report_file", "compare_files", "compare_texts", "compare_sources", "compare_reports",
           "followup_sources", "followup_files", "followup_texts"]


def compare_sources(old: SourceText, new: SourceText, *, require_text: bool = False,
                    sentences: bool = True) -> Comparison:
    """Run every stage on two already-read inputs.

    Files (`compare_files`) are refused when they are not reports (`require_text`); strings given
    to the API are taken as they are, whatever they hold. `sentences=False` skips the sentence
    diff (its `diffs` stay empty): what a series or a batch summary needs of a pair is its figures
    and plan checks, and the diff is a costly stage.
    """
    return compare_reports(read_report(old, require_text=require_text), read_report(new, require_text=require_text),
                           sentences=sentences)


def compare_reports(old_report: Report, new_report: Report, *, sentences: bool = True) -> Comparison:
    """Run the stages after the structure on two parsed reports (see `compare_sources`)."""
    pairs = align_sections(old_report, new_report)
    old_figs = extract_figures(old_report)
    new_figs = extract_figures(new_report)
    # the diff consults the follow-through: "dropped" and "completed" rows and the plan scorecard
    # come from one result (issue 17)
    checks = check_followthrough(old_report, new_report, old_figures=old_figs, new_figures=new_figs,
                                 section_pairs=pairs)
    diffs = diff_sections(old_report, new_report, pairs, old_figures=old_figs, new_figures=new_figs,
                          plan_checks=checks) if sentences else ()
    return Comparison(
        old=old_report,
        new=new_report,
        section_pairs=pairs,
        diffs=diffs,
        figure_pairs=with_headlines(
            match_figures(old_figs, new_figs, section_pairs=pairs,
                          old_is_earlier=in_time_order(old_report.metadata, new_report.metadata),
                          texts=(old_report.source.text, new_report.source.text)),
            old_report.metadata, new_report.metadata),
        plan_checks=checks,
        old_figures=old_figs,
        new_figures=new_figs,
        issuer_warning=issuer_warning(old_report.metadata, new_report.metadata),
    )


def followup_sources(old: SourceText, new: SourceText, *, require_text: bool = False) -> FollowUp:
    """Only the stages follow-through needs: structure, alignment, figures, plan checks."""
    old_report = read_report(old, require_text=require_text)
    new_report = read_report(new, require_text=require_text)
    pairs = align_sections(old_report, new_report)
    old_figs = extract_figures(old_report)
    new_figs = extract_figures(new_report)
    checks = check_followthrough(old_report, new_report, old_figures=old_figs, new_figures=new_figs,
                                 section_pairs=pairs)
    return FollowUp(old=old_report, new=new_report, section_pairs=pairs, plan_checks=checks,
                    scorecard=score_followthrough(checks),
                    issuer_warning=issuer_warning(old_report.metadata, new_report.metadata))


def followup_files(old_path: str, new_path: str) -> FollowUp:
    """Check last year's plan (OLD) against this year's report (NEW); "-" reads standard input."""
    return followup_sources(read_source(old_path), read_source(new_path), require_text=True)


def compare_files(old_path: str, new_path: str) -> Comparison:
    """Compare two report files ("-" reads one of them from standard input)."""
    return compare_sources(read_source(old_path), read_source(new_path), require_text=True)


def compare_texts(old_text: str, new_text: str, *, old_name: str = "old", new_name: str = "new") -> Comparison:
    """Compare two reports given as strings."""
    return compare_sources(source_from_string(old_text, old_name), source_from_string(new_text, new_name))


def followup_texts(old_text: str, new_text: str, *, old_name: str = "old", new_name: str = "new") -> FollowUp:
    """Check the plan of one report given as a string against the next one."""
    return followup_sources(source_from_string(old_text, old_name), source_from_string(new_text, new_name))

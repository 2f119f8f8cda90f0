"""The `yoy` command: parse arguments, call the API, map results and errors to output and exit codes.

Exit codes: 0 success; 1 bad input or a failed comparison (one `Error:` line on stderr; for
`yoy batch`: some pair or input failed, the others were written); 2 usage error (wrong options or
arguments, reported by click); 3 `yoy compare --fail-on`: a listed finding is present (the output
was written); 130 / 143 Ctrl-C / SIGTERM, 141 standard output closed by its reader (both handled in
`compare.entry`, the process's entry point).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

import click

from .entry import PIPE_CLOSED_EXIT
from .errors import CompareError, PipeClosed

if TYPE_CHECKING:  # the model is imported only when a command runs: `yoy --help` stays fast
    from .model import Comparison, FollowUp

__all__ = ["main"]

_CONTEXT = {"help_option_names": ["-h", "--help"]}


def _fail(exc: BaseException, debug: bool) -> NoReturn:
    if isinstance(exc, PipeClosed):  # `yoy … | head`: the reader has what it wanted; no message
        sys.exit(PIPE_CLOSED_EXIT)
    if debug:
        raise exc
    if isinstance(exc, CompareError):
        raise click.ClickException(str(exc)) from None
    message = f"internal error: {type(exc).__name__}: {exc}".replace("\n", " ")
    raise click.ClickException(f"{message} (run with --debug for details)") from None


def _format_for(output: str, fmt: str | None) -> str:
    if fmt:
        return fmt
    ext = os.path.splitext(output)[1].lower()
    return {".html": "html", ".htm": "html", ".json": "json", ".md": "md", ".markdown": "md",
            ".csv": "csv"}.get(ext, "html")


def _pair_options(command: Callable[..., None]) -> Callable[..., None]:
    """OLD NEW -o --format --lang --full-paths --debug: the arguments of every command that reads two years."""
    for decorator in reversed((
        click.argument("old", type=click.Path(allow_dash=True, readable=False)),
        click.argument("new", type=click.Path(allow_dash=True, readable=False)),
        click.option("-o", "--output", default="-", show_default=True,
                     help="Output file; its extension (.html, .json, .md, .csv) picks the format. '-' is stdout."),
        click.option("--format", "fmt", type=click.Choice(["html", "json", "md", "csv"]), default=None,
                     help="Output format (default: from the output extension, else html); csv: one row per "
                          "change and per plan check."),
        click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
                     help="Language of the page's labels (default: the reports' language)."),
        click.option("--full-paths", is_flag=True,
                     help="Name the inputs by their full paths (default: file names only, so a shared page "
                          "does not show your folders)."),
        click.option("--debug", is_flag=True, help="Show the traceback of an internal error."),
    )):
        command = decorator(command)
    return command


@click.group(context_settings=_CONTEXT)
@click.version_option(package_name="yoy-compare")
def main() -> None:
    """Compare yearly reports of one issuer and show what changed.

    Example: yoy compare 2020.txt 2021.txt -o report.html
    """
    # every command loads the model and the pipeline after this: their classes' methods come
    # compiled from the cache (compare/compile_cache.py)
    from .compile_cache import cache_dataclass_code

    cache_dataclass_code()


FAIL_ON_EXIT = 3


def _fail_on(ctx: click.Context, param: click.Parameter, value: str | None) -> object:
    if value is None:
        return None
    from .findings import parse_findings

    try:
        return parse_findings(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command(context_settings=_CONTEXT)
@_pair_options
@click.option("--fail-on", "fail_on", callback=_fail_on, metavar="FINDING,…", default=None,
              help="Exit 3 (after writing the output) when any of these findings is present, e.g. "
                   "dropped,not_met. Findings: change kinds (new_commitment, dropped, changed_figure, …), "
                   "plan statuses (not_found, not_met, …), section_<status>, figure_<changed|new|dropped>.")
def compare(old: str, new: str, output: str, fmt: str | None, lang: str | None, full_paths: bool, debug: bool,
            fail_on: tuple[object, ...] | None) -> None:
    """Compare OLD (last year's report) with NEW (this year's) and write the comparison.

    Example: yoy compare 2020.txt 2021.txt -o report.html --fail-on dropped,not_met
    """
    from .pipeline import compare_files
    from .render import render, write_output
    from .render.write import check_output

    if old == "-" and new == "-":
        raise click.UsageError("only one of OLD and NEW can be '-' (standard input).")
    try:
        check_output(output, (old, new))
        comparison = compare_files(old, new)
        content = render(comparison, _format_for(output, fmt), lang=lang, full_paths=full_paths)
        write_output(content, output)
    except Exception as exc:  # one line for the user; --debug shows the traceback
        _fail(exc, debug)
    _warn_issuers(comparison)
    if fail_on:
        from .findings import present_findings
        from .series.adapter import summary_counts

        found = present_findings(summary_counts(comparison), fail_on)  # type: ignore[arg-type]
        if found:
            click.echo("Found: " + ", ".join(f"{f.value} ({n})" for f, n in found), err=True)
            sys.exit(FAIL_ON_EXIT)


def _warn_issuers(comparison: Comparison | FollowUp) -> None:
    names = comparison.issuer_warning
    if names:
        click.echo(f"Warning: the reports name different issuers ({names[0]} / {names[1]}); "
                   "check that you picked two years of the same issuer.", err=True)


@main.command(context_settings=_CONTEXT)
@_pair_options
def followup(old: str, new: str, output: str, fmt: str | None, lang: str | None, full_paths: bool,
             debug: bool) -> None:
    """Check each item of OLD's plan and targets against NEW's report: addressed, met, not found…

    Example: yoy followup 2018.txt 2019.txt --format md
    """
    from .pipeline import followup_files
    from .render import write_output
    from .render.followup import render_followup
    from .render.write import check_output

    if old == "-" and new == "-":
        raise click.UsageError("only one of OLD and NEW can be '-' (standard input).")
    try:
        check_output(output, (old, new))
        comparison = followup_files(old, new)
        content = render_followup(comparison, _format_for(output, fmt), lang=lang, full_paths=full_paths)
        write_output(content, output)
    except Exception as exc:  # one line for the user; --debug shows the traceback
        _fail(exc, debug)


@main.command(context_settings=_CONTEXT)
@click.argument("file", type=click.Path(allow_dash=True, readable=False))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
              help="Output format: one CSV row per figure, or a JSON list.")
@click.option("-o", "--output", default="-", show_default=True, help="Output file; '-' is stdout.")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def figures(file: str, fmt: str, output: str, debug: bool) -> None:
    """List the figures FILE states: value, unit, what it measures, period, where it stands.

    Example: yoy figures 2020.txt --format json
    """
    from .figures.extract import extract_figures
    from .reading import report_file
    from .render import write_output
    from .render.figure_list import render_figures
    from .render.write import check_output

    try:
        check_output(output, (file,))
        report = report_file(file)
        write_output(render_figures(report, extract_figures(report), fmt), output)
    except Exception as exc:  # one line for the user; --debug shows the traceback
        _fail(exc, debug)


@main.command(context_settings=_CONTEXT)
@click.argument("file", type=click.Path(allow_dash=True, readable=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: an indented tree; json: the same as data.")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def outline(file: str, fmt: str, debug: bool) -> None:
    """Print the outline FILE parses into: sections (level, marker as written, recovered marker,
    heading, role, span, paragraphs), metadata and the stripped boilerplate.

    Example: yoy outline 2020.txt --format json
    """
    from .reading import report_file
    from .render.outline import render_outline_json, render_outline_text
    from .render.write import write_output

    try:
        report = report_file(file)
        content = render_outline_json(report) if fmt == "json" else render_outline_text(report)
        write_output(content, "-")
    except Exception as exc:  # one line for the user; --debug shows the traceback
        _fail(exc, debug)


@main.command(context_settings=_CONTEXT)
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", default="-", show_default=True,
              help="Output file; its extension (.html, .json, .md) picks the format. '-' is stdout. "
                   "Pairwise pages named <old>-<new>.html in its folder are linked.")
@click.option("--format", "fmt", type=click.Choice(["html", "json", "md"]), default=None,
              help="Output format (default: from the output extension, else html).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Language of the page's labels (default: the reports' language).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes computing the pairs (default: the CPU count).")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def series(files: tuple[str, ...], output: str, fmt: str | None, lang: str | None, jobs: int | None,
           debug: bool) -> None:
    """Follow 3 or more reports of one issuer over the years: figure trends, commitment lineage,
    targets and structure. FILES are ordered by the year each report is about, not by argument order.

    Example: yoy series 2017.txt 2018.txt 2019.txt -o series.html
    """
    from .series import render_series, series_files
    from .series.adapter import write_output

    if "-" in files:
        raise click.UsageError("a series reads files only, not standard input ('-').")
    pages_dir = None if output == "-" else os.path.dirname(os.path.abspath(output))
    try:
        result = series_files(list(files), jobs=jobs or os.cpu_count() or 1, pages_dir=pages_dir)
        content = render_series(result, _format_for(output, fmt), lang=lang)
        write_output(content, output)
    except Exception as exc:  # one line for the user; --debug shows the traceback
        _fail(exc, debug)
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)


@main.command(context_settings=_CONTEXT)
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True))
@click.option("-o", "--output", "outdir", required=True, type=click.Path(file_okay=False),
              help="Folder to write into (created if missing).")
@click.option("--json", "with_json", is_flag=True, help="Also write each pair's JSON beside its page.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the CPU count).")
@click.option("--dask", "dask_address", metavar="ADDRESS", default=None,
              help="Run the pairs on this Dask scheduler (tcp://host:8786) instead of local processes; "
                   "needs yoy-compare[dask] and INPUT and OUTDIR on a filesystem the workers share.")
@click.option("--force", is_flag=True, help="Compare every pair again, even when its output is up to date.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def batch(input_path: str, outdir: str, with_json: bool, jobs: int | None, dask_address: str | None,
          force: bool, quiet: bool, debug: bool) -> None:
    """Compare every consecutive pair of every issuer in INPUT and write an index.

    INPUT is a folder of <issuer>/<year>.<ext> files or a CSV manifest with the columns
    issuer,year,path. Writes OUTDIR/<issuer>/<old>-<new>.html, a series page per issuer
    (OUTDIR/<issuer>/series.html), OUTDIR/index.html and OUTDIR/index.csv. A failed input or pair
    is a row with its error in the index, and the exit code is 1 at the end.

    Example: yoy batch reports/ -o out/ --jobs 4
    """
    from .batch import run_batch
    from .batch.progress import Progress

    progress = Progress(enabled=not quiet and sys.stderr.isatty())
    try:
        result = run_batch(input_path, outdir, jobs=jobs or os.cpu_count() or 1, dask_address=dask_address,
                           with_json=with_json, force=force, progress=progress)
    except Exception as exc:  # one line for the user; --debug shows the traceback
        _fail(exc, debug)
    finally:
        progress.close()
    for warning in result.warnings:
        click.echo(f"Warning: {warning}", err=True)
    if not quiet:
        click.echo(f"{result.computed} pairs compared, {result.skipped} up to date; index: {result.index_html}",
                   err=True)
    if result.failed:
        click.echo(f"Error: {result.failed} of {result.total} rows failed; see {result.index_csv}", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    from .entry import run

    run()

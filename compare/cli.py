"""The `yoy` command: parse arguments, call the API, map results and errors to output and exit codes.

Exit codes: 0 success; 1 bad input or a failed comparison (one `Error:` line on stderr);
2 usage error (wrong options or arguments, reported by click).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, NoReturn

import click

from .errors import CompareError

if TYPE_CHECKING:  # the model is imported only when a command runs: `yoy --help` stays fast
    from .model import Comparison, FollowUp

__all__ = ["main"]

_CONTEXT = {"help_option_names": ["-h", "--help"]}


def _fail(exc: BaseException, debug: bool) -> NoReturn:
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
    return {".html": "html", ".htm": "html", ".json": "json", ".md": "md", ".markdown": "md"}.get(ext, "html")


def _pair_options(command: Callable[..., None]) -> Callable[..., None]:
    """OLD NEW -o --format --lang --debug: the arguments of every command that reads two years."""
    for decorator in reversed((
        click.argument("old", type=click.Path(allow_dash=True)),
        click.argument("new", type=click.Path(allow_dash=True)),
        click.option("-o", "--output", default="-", show_default=True,
                     help="Output file; its extension (.html, .json, .md) picks the format. '-' is stdout."),
        click.option("--format", "fmt", type=click.Choice(["html", "json", "md"]), default=None,
                     help="Output format (default: from the output extension, else html)."),
        click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
                     help="Language of the page's labels (default: the reports' language)."),
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


@main.command(context_settings=_CONTEXT)
@_pair_options
def compare(old: str, new: str, output: str, fmt: str | None, lang: str | None, debug: bool) -> None:
    """Compare OLD (last year's report) with NEW (this year's) and write the comparison.

    Example: yoy compare 2020.txt 2021.txt -o report.html
    """
    from .pipeline import compare_files
    from .render import render, write_output
    from .render.write import check_output

    if old == "-" and new == "-":
        raise click.UsageError("only one of OLD and NEW can be '-' (standard input).")
    try:
        check_output(output, (old, new))
        comparison = compare_files(old, new)
        content = render(comparison, _format_for(output, fmt), lang=lang)
        write_output(content, output)
    except Exception as exc:  # one line for the user; --debug shows the traceback
        _fail(exc, debug)
    _warn_issuers(comparison)


def _warn_issuers(comparison: Comparison | FollowUp) -> None:
    names = comparison.issuer_warning
    if names:
        click.echo(f"Warning: the reports name different issuers ({names[0]} / {names[1]}); "
                   "check that you picked two years of the same issuer.", err=True)


@main.command(context_settings=_CONTEXT)
@_pair_options
def followup(old: str, new: str, output: str, fmt: str | None, lang: str | None, debug: bool) -> None:
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
        content = render_followup(comparison, _format_for(output, fmt), lang=lang)
        write_output(content, output)
    except Exception as exc:  # one line for the user; --debug shows the traceback
        _fail(exc, debug)


@main.command(context_settings=_CONTEXT)
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["csv", "json"]), default="csv", show_default=True,
              help="Output format: one CSV row per figure, or a JSON list.")
@click.option("-o", "--output", default="-", show_default=True, help="Output file; '-' is stdout.")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def figures(file: str, fmt: str, output: str, debug: bool) -> None:
    """List the figures FILE states: value, unit, what it measures, period, where it stands.

    Example: yoy figures 2020.txt --format json
    """
    from .figures.extract import extract_figures
    from .pipeline import report_file
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
@click.argument("file", type=click.Path(allow_dash=True))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: an indented tree; json: the same as data.")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
def outline(file: str, fmt: str, debug: bool) -> None:
    """Print the outline FILE parses into: sections (level, marker as written, recovered marker,
    heading, role, span, paragraphs), metadata and the stripped boilerplate.

    Example: yoy outline 2020.txt --format json
    """
    from .pipeline import report_file
    from .render.outline import render_outline_json, render_outline_text

    try:
        report = report_file(file)
        content = render_outline_json(report) if fmt == "json" else render_outline_text(report)
    except Exception as exc:  # one line for the user; --debug shows the traceback
        _fail(exc, debug)
    click.echo(content, nl=False)


def run() -> None:  # pragma: no cover - console entry point
    # SIGTERM unwinds like Ctrl-C, so a write in progress removes its temp file; Ctrl-C is one line.
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        main(prog_name="yoy")
    except _Interrupted as stop:
        click.echo("Error: interrupted; no output was written.", err=True)
        sys.exit(128 + stop.signum)


class _Interrupted(BaseException):
    """Raised by SIGINT/SIGTERM; a BaseException so that click and `except Exception` let it through."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _interrupt(signum: int, frame: object) -> NoReturn:
    raise _Interrupted(signum)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

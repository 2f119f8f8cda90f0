"""The `yoy` process: Ctrl-C, SIGTERM and a closed pipe end it the way a shell user expects.

`run` is the console entry point (and `python -m compare`). It installs its signal handlers before
anything else is imported (click, the commands, the pipeline), so Ctrl-C during start-up is handled
like Ctrl-C during the work: one line on stderr, exit 130 (SIGTERM: 143); the exception it raises
unwinds through `write_output`, which removes its temp file. When the reader of standard output
goes away (`yoy compare A B | head -3`) the process ends quietly with 141, the exit of a program
stopped by SIGPIPE, after pointing descriptor 1 at /dev/null as the Python documentation advises
(so that the interpreter's own flush at exit does not fail again).

This module imports nothing but the standard library's `atexit` (built into the interpreter) and the
already-loaded `gc`, `os`, `signal` and `sys`: importing it must not widen the start-up window in
which Python's default handler still runs.
"""

from __future__ import annotations

import atexit
import gc
import os
import signal
import sys
from typing import NoReturn

__all__ = ["run", "PIPE_CLOSED_EXIT"]

PIPE_CLOSED_EXIT = 128 + signal.SIGPIPE  # 141, what a shell shows for a writer stopped by SIGPIPE
_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class _Interrupted(BaseException):
    """Raised by SIGINT/SIGTERM; a BaseException so that click and `except Exception` let it through."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _interrupt(signum: int, frame: object) -> NoReturn:
    # A second Ctrl-C while the first unwinds (temp file removal, the message) must not interrupt
    # the unwinding itself: from here on both signals are ignored.
    for sig in _SIGNALS:
        signal.signal(sig, signal.SIG_IGN)
    raise _Interrupted(signum)


# The cyclic garbage collector's first-generation threshold for the `yoy` process (CPython's is 700).
# A job allocates millions of short-lived objects, freed by reference counting, while the
# collector's passes walk the hundreds of thousands that imports keep alive: each pass finds next
# to nothing. 10,000 ran it about 14 times less often than 700 (1.5 % fewer instructions per corpus
# job); at 10,000 a job still spent 0.02–0.05 s in 15 collections, at 100,000 in one or two: CPU
# 2.4 % less per corpus job (A/B over 50 pairs, twice), peak memory the same on the corpus and on
# bench/stress.py's cases (a job's objects rarely form cycles), the same output.
_GC_THRESHOLD = 100_000


def run() -> None:  # pragma: no cover - runs in a child process in the tests
    gc.set_threshold(_GC_THRESHOLD, *gc.get_threshold()[1:])
    for sig in _SIGNALS:
        signal.signal(sig, _interrupt)
    try:
        _command()
        status: object = 0
    except _Interrupted as stop:  # also when it comes while a closed pipe or an exit is handled
        _say("Error: interrupted.")
        sys.exit(128 + stop.signum)
    except SystemExit as done:  # click ends every command this way, its status in `code`
        status = done.code
    finally:
        # the work is over: a signal now must not raise while the interpreter shuts down
        for sig in _SIGNALS:
            signal.signal(sig, signal.SIG_IGN)
    _leave(status)


def _leave(status: object) -> NoReturn:
    """End the process with `status` without tearing the interpreter down.

    Python's own exit frees every object one by one (the modules, the caches, the reports just
    compared): about a tenth of a `yoy compare` job's CPU time, for memory the system takes back
    at once anyway. What an exit must still do is done here first: the exit hooks run (the regular
    expression cache is saved, temporary folders are removed) and standard output and error are
    flushed. Where another thread or a worker process may still be running (`yoy batch`, `yoy
    series --jobs`), or the status is not a number, or a flush fails, the interpreter exits as usual.
    """
    code = 0 if status is None else status
    threading = sys.modules.get("threading")
    if (not isinstance(code, int) or "multiprocessing" in sys.modules
            or (threading is not None and threading.active_count() > 1)):
        raise SystemExit(status)
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        raise SystemExit(status) from None
    os._exit(code)


def _command() -> None:
    try:
        from .cli import main  # click and every command load only now, under the handlers

        try:
            main(prog_name="yoy")
        finally:
            _flush_stdout()
    except BrokenPipeError:
        _pipe_closed()
    except OSError as exc:  # click printing --help or --version onto a full disk (`> /dev/full`)
        _stdout_to_devnull()
        _say(f"Error: -: cannot write to standard output ({exc.strerror or exc}).")
        sys.exit(1)
    except SystemExit as done:
        if sys.stdout is not sys.__stdout__:
            # click's own handling of EPIPE (while printing --help or --version) swaps sys.stdout
            # for a wrapper and exits 1; only that path replaces sys.stdout in this process
            _pipe_closed()
        raise done from None


def _flush_stdout() -> None:
    """Flush now, where a closed pipe can be told apart, rather than in the interpreter's exit."""
    stream = sys.__stdout__
    if stream is not None and sys.stdout is stream:
        stream.flush()


def _pipe_closed() -> NoReturn:
    _stdout_to_devnull()
    sys.exit(PIPE_CLOSED_EXIT)


def _stdout_to_devnull() -> None:
    """Point descriptor 1 at /dev/null, so the interpreter's flush at exit does not fail again with
    the bytes still buffered (and print a second error)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def _say(line: str) -> None:
    try:
        print(line, file=sys.stderr, flush=True)
    except (OSError, ValueError, AttributeError):  # stderr closed too: the exit code still says it
        pass

"""Write an output safely: never onto an input, atomically onto a regular file, directly onto a device."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable

from ..errors import PipeClosed, RenderError, printable_path

__all__ = ["check_output", "write_output"]


def check_output(path: str, inputs: Iterable[str]) -> None:
    """Refuse an output path that is one of the inputs (the same file after resolving links).

    Called before any work, so that `yoy compare 2020.txt 2021.txt -o 2021.txt` fails at once and
    the report is left as it was.
    """
    if path == "-":
        return
    try:
        out = os.stat(path)
    except (OSError, ValueError):
        return  # no such file yet (or a name the OS refuses, reported when writing)
    if not stat.S_ISREG(out.st_mode):
        return  # a device or FIFO (-o /dev/null): written directly, never replaced
    for name in inputs:
        if name == "-":
            continue
        try:
            if os.path.samefile(path, name):
                raise RenderError(f"{_shown(path)}: this is also an input; choose another output file "
                                  "so that the report is not overwritten.")
        except (OSError, ValueError):
            continue


def write_output(content: str, path: str) -> None:
    """Write `content` to `path` ("-" = stdout). A failure leaves the old file, or none.

    A regular file (or a link to one) is replaced atomically: a temp file beside the real target,
    then `os.replace`, so the link stays a link. A device, FIFO or `/dev/stdout` is written to
    directly: renaming over it would turn `/dev/null` into a regular file.
    """
    if path == "-":
        _write_stdout(content)
        return
    target = os.path.realpath(path)
    try:
        existing = os.stat(target)
    except (OSError, ValueError):
        existing = None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        if stat.S_ISDIR(existing.st_mode):
            raise RenderError(f"{_shown(path)}: is a folder; name a file to write.")
        _write_direct(content, path)
        return
    directory = os.path.dirname(target)
    if not os.path.isdir(directory):
        raise RenderError(f"{_shown(path)}: the folder {_shown(directory)} does not exist; create it first.")
    import tempfile  # here: it loads shutil and random, which `yoy outline` to stdout never needs

    try:
        fd, tmp = tempfile.mkstemp(prefix=".yoy-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise RenderError(f"{_shown(path)}: cannot write here ({exc.strerror}).") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
        # mkstemp creates the file 0600; give the report the mode any new file of the user gets
        mode = stat.S_IMODE(existing.st_mode) if existing is not None else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise RenderError(f"{_shown(path)}: cannot write the output ({exc.strerror}).") from None
        raise


def _write_stdout(content: str) -> None:
    stream = sys.stdout
    if stream is None:  # started with descriptor 1 closed (`yoy … >&-`)
        raise RenderError("-: standard output is closed; write the output to a file with -o FILE.")
    try:
        stream.write(content)
        stream.flush()
    except BrokenPipeError:  # the reader went away (`| head`): not the user's mistake, no advice
        _silence_stdout()
        raise PipeClosed("-: standard output was closed by the program reading it.") from None
    except (OSError, ValueError) as exc:  # a full disk, a closed descriptor
        _silence_stdout()
        raise RenderError(f"-: cannot write to standard output ({getattr(exc, 'strerror', None) or exc}); "
                          "write the output to a file with -o FILE.") from None


def _silence_stdout() -> None:
    """Point descriptor 1 at /dev/null, so the interpreter's own flush at exit does not fail again
    and print a second error (the unwritten page stays in the buffer)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _write_direct(content: str, path: str) -> None:
    try:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
    except OSError as exc:
        raise RenderError(f"{_shown(path)}: cannot write the output ({exc.strerror}).") from None


def _shown(path: str) -> str:
    return printable_path(path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

"""Write an output atomically: temp file beside the target, then `os.replace`."""

from __future__ import annotations

import os
import sys
import tempfile

from ..errors import RenderError

__all__ = ["write_output"]


def write_output(content: str, path: str) -> None:
    """Write `content` to `path` ("-" = stdout). A failure leaves the old file, or none."""
    if path == "-":
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise RenderError(f"{path}: the folder {directory} does not exist; create it first.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=".yoy-", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise RenderError(f"{path}: cannot write here ({exc.strerror}).") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(content)
        # mkstemp creates the file 0600; give the report the mode any new file of the user gets
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise RenderError(f"{path}: cannot write the output ({exc.strerror}).") from None
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask

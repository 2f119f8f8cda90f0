"""Find the templates folder, in the source tree or inside an installed wheel."""

from __future__ import annotations

from pathlib import Path

__all__ = ["templates_dir"]


def templates_dir() -> Path:
    """The wheel ships `templates/` as `compare/templates`; a source checkout has it beside the package."""
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "templates", package.parent / "templates"):
        if (candidate / "report.html.j2").is_file():
            return candidate
    raise FileNotFoundError(f"templates not found beside {package}; reinstall yoy-compare")

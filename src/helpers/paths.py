"""Where things are. Code (notebooks, template) lives with the package; data and reports under the
data root, which is the project folder unless NAMNDRAPPORT_ROOT points elsewhere (tests use that)."""

from __future__ import annotations

import os
from pathlib import Path

PROJEKT = Path(__file__).resolve().parents[2]
NOTEBOOKS = PROJEKT / "notebooks"
MALLAR = Path(__file__).resolve().parent / "templates"


def rot() -> Path:
    return Path(os.environ.get("NAMNDRAPPORT_ROOT") or PROJEKT).resolve()


def raw(kommun: str | None = None) -> Path:
    base = rot() / "data" / "raw"
    return base / kommun if kommun else base


def processed(kommun: str | None = None) -> Path:
    base = rot() / "data" / "processed"
    return base / kommun if kommun else base


def reports() -> Path:
    return rot() / "reports"


def build() -> Path:
    """Executed section notebooks, kept for debugging a failed section."""
    return rot() / "build"

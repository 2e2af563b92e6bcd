"""Where things are. Code (notebooks, template) lives with the package; data and reports under the
data root, which is the project folder unless NAMNDRAPPORT_ROOT points elsewhere (tests use that)."""

from __future__ import annotations

import os
from pathlib import Path

PROJEKT = Path(__file__).resolve().parents[3]
NOTEBOOKS = PROJEKT / "notebooks"
MALLAR = Path(__file__).resolve().parents[1] / "presentation" / "templates"


_ROT: Path | None = None


def anvand_rot(rot: Path | None) -> None:
    """Use this data root in this process (a notebook's ``datarot`` parameter)."""
    global _ROT
    _ROT = None if rot is None else Path(rot).resolve()


def rot() -> Path:
    """The project folder: set by ``anvand_rot``, else NAMNDRAPPORT_ROOT, else the nearest folder at or above
    the working directory that has ``data/raw``, else the folder this package was installed from."""
    if _ROT is not None:
        return _ROT
    if os.environ.get("NAMNDRAPPORT_ROOT"):
        return Path(os.environ["NAMNDRAPPORT_ROOT"]).resolve()
    cwd = Path.cwd().resolve()
    for mapp in (cwd, *cwd.parents):
        if (mapp / "data" / "raw").is_dir():
            return mapp
    return PROJEKT


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

"""Where things are. Data and reports live under the project root (``rot()``); the template lives with the
package; the section notebooks come from ``<root>/notebooks/`` when the project has them (so analysts can
edit them), else from the copy a non-editable install ships inside the package (``helpers/notebooks/``)."""

from __future__ import annotations

import os
from pathlib import Path

PROJEKT = Path(__file__).resolve().parents[3]  # the source checkout, for an editable install
PAKETETS_NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"  # copied in by setup.py at build time
MALLAR = Path(__file__).resolve().parents[1] / "presentation" / "templates"


_ROT: Path | None = None


def anvand_rot(rot: Path | None) -> None:
    """Use this data root in this process (a notebook's ``datarot`` parameter)."""
    global _ROT
    _ROT = None if rot is None else Path(rot).resolve()


def rot() -> Path:
    """The project folder: set by ``anvand_rot``, else NAMNDRAPPORT_ROOT, else the nearest folder at or above
    the working directory that has ``data/raw``, else the source checkout of an editable install, else the
    working directory."""
    if _ROT is not None:
        return _ROT
    if os.environ.get("NAMNDRAPPORT_ROOT"):
        return Path(os.environ["NAMNDRAPPORT_ROOT"]).resolve()
    cwd = Path.cwd().resolve()
    for mapp in (cwd, *cwd.parents):
        if (mapp / "data" / "raw").is_dir():
            return mapp
    # An editable install falls back to its checkout; an installed package's parents are site-packages, so
    # there the working directory is the root (and a missing data/raw is reported there, where it is looked for).
    return PROJEKT if (PROJEKT / "pyproject.toml").is_file() else cwd


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


def notebooks() -> Path:
    """The section notebooks: ``<root>/notebooks/``, else the installed package's copy, else the checkout's."""
    for mapp in (rot() / "notebooks", PAKETETS_NOTEBOOKS, PROJEKT / "notebooks"):
        if any(mapp.glob("*.ipynb")):
            return mapp
    raise FileNotFoundError(f"Hittar inga notebooks i {rot() / 'notebooks'} eller i paketet. "
                            "(Section notebooks not found; reinstall namndrapport.)")

"""Fingerprints: everything a report depends on, hashed, so an unchanged report is found without
rebuilding it (and without importing pandas: a no-op build must take a fraction of a second).

A report depends on
- its nämnd's rows of each raw table of the period (a CSV is filtered on its namnd column, so a change
  to another nämnd's rows does not rebuild this report; tables without a namnd column and xlsx files
  count whole),
- the nämnd's commentary files, kommun.yaml and period.yaml,
- the notebooks of its sections,
- the code and templates in helpers, and the versions of the packages that render it.

Each component is hashed on its own, so ``namndrapport build --dry-run`` can say what changed.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from functools import lru_cache
from pathlib import Path

from helpers.filer import MAX_TABELL, OsakerFil, las_sakert
from helpers.indata.kodning import avkoda
from helpers.indata.scheman import normalisera_kolumnnamn

# Packages whose version changes what a report looks like.
PAKET = ("pandas", "numpy", "matplotlib", "seaborn", "nbconvert", "nbclient", "papermill", "ipykernel", "jinja2",
         "markdown-it-py", "nh3", "pyarrow", "openpyxl", "pyyaml")


def _sha(*delar: bytes | str) -> str:
    h = hashlib.sha256()
    for d in delar:
        h.update(d.encode("utf-8") if isinstance(d, str) else d)
        h.update(b"\0")
    return h.hexdigest()


@lru_cache(maxsize=1)
def kod() -> str:
    """The library: its Python code, YAML defaults and the report template — the whole package, not just
    this folder (a change in presentation/ must rebuild the reports)."""
    bas = Path(__file__).resolve().parents[1]
    filer = sorted(p for p in bas.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".j2", ".css", ".json")
                   and "__pycache__" not in p.parts)
    return _sha(*(f"{p.relative_to(bas)}:{_sha(p.read_bytes())}" for p in filer))


@lru_cache(maxsize=1)
def paket() -> str:
    from importlib.metadata import PackageNotFoundError, version

    versioner = []
    for namn in PAKET:
        try:
            versioner.append(f"{namn}=={version(namn)}")
        except PackageNotFoundError:
            versioner.append(f"{namn}==saknas")
    return _sha(sys.version, *versioner)


def _las(fil: Path, rot: Path | None) -> bytes:
    """A file's bytes, read the way validation reads it (regular file inside the kommun folder, bounded
    size). A file validation will refuse hashes as a marker: the build then fails on validation."""
    try:
        return las_sakert(fil, rot if rot is not None else fil.parent.parent, MAX_TABELL)
    except OsakerFil as e:
        return f"osäker fil: {e}".encode()


def tabell(fil: Path, namnd: str, rot: Path | None = None) -> str:
    """A raw table as far as one nämnd's report is concerned."""
    hashar = _tabellhashar(fil, rot)
    return hashar if isinstance(hashar, str) else hashar.get(namnd, hashar[None])


# A period's tables hashed once for all its nämnder, not once per report: the no-op build of a thousand reports
# parsed every CSV twelve times. Keyed on the file's (inode, size, mtime_ns) without following links.
_CACHE: dict[tuple, str | dict] = {}
_NYLIGEN_ANDRAD_NS = 2_000_000_000  # a file written within 2 s may change again within its mtime's granularity


def _tabellhashar(fil: Path, rot: Path | None) -> str | dict:
    """The whole file's hash, or {nämnd: hash, None: hash for a nämnd without rows}."""
    import os
    import time

    try:
        st = os.lstat(fil)
        nyckel = (str(fil), str(rot), st.st_ino, st.st_size, st.st_mtime_ns)
    except OSError:
        nyckel = None
    if nyckel is not None and nyckel in _CACHE:
        return _CACHE[nyckel]
    hashar = _berakna_tabellhashar(fil, rot)
    if nyckel is not None and time.time_ns() - nyckel[-1] > _NYLIGEN_ANDRAD_NS:
        _CACHE[nyckel] = hashar
    return hashar


def _berakna_tabellhashar(fil: Path, rot: Path | None) -> str | dict:
    data = _las(fil, rot)
    if fil.suffix.lower() != ".csv":
        return _sha(data)
    try:
        text = avkoda(data, None)
    except ValueError:
        return _sha(data)  # unreadable: any change counts, validation will say what is wrong
    forsta = text.split("\n", 1)[0]
    rader = csv.reader(io.StringIO(text, newline=""), delimiter=max((";", ",", "\t"), key=forsta.count))
    rubrik = next(rader, [])
    namn = [normalisera_kolumnnamn(c) for c in rubrik]
    if "namnd" not in namn:
        return _sha(data)
    i = namn.index("namnd")
    # Row numbers matter for error messages, but a report depends only on its nämnd's values; a malformed
    # row (no namnd cell) concerns every nämnd, in its place among the rows.
    poster = []
    for rad in rader:
        if len(rad) > i:
            poster.append((rad[i].strip(), b"\x1e" + "\x1f".join(rad).encode()))
        elif any(c.strip() for c in rad):
            poster.append((None, b"\x1e" + "\x1f".join(rad).encode()))
    bas = hashlib.sha256("\x1f".join(rubrik).encode())
    hashar: dict = {}
    if all(k is not None for k, _ in poster):  # the usual case: one pass
        for k, b in poster:
            if k not in hashar:
                hashar[k] = bas.copy()
            hashar[k].update(b)
        return {**{k: h.hexdigest() for k, h in hashar.items()}, None: bas.hexdigest()}
    for namnd in {k for k, _ in poster if k is not None} | {None}:
        h = bas.copy()
        for k, b in poster:
            if k == namnd or k is None:
                h.update(b)
        hashar[namnd] = h.hexdigest()
    return hashar


def rapport(kommun_mapp: Path, period_mapp: Path, namnd: str, notebooks: dict[str, Path]) -> dict[str, str]:
    """Component fingerprints of one report: {'data:drift.csv': …, 'kommentarer': …, 'notebook:ekonomi': …}."""
    komponenter = {"konfiguration": _sha((kommun_mapp / "kommun.yaml").read_bytes(),
                                         (period_mapp / "period.yaml").read_bytes()),
                   "kod": kod(), "paket": paket()}
    for fil in sorted(period_mapp.iterdir()):
        if fil.is_file() and fil.suffix.lower() in (".csv", ".xlsx"):
            komponenter[f"data:{fil.name}"] = tabell(fil, namnd, kommun_mapp)
    kommentarer = period_mapp / "kommentarer" / namnd
    filer = sorted(p for p in kommentarer.rglob("*") if p.is_file()) if kommentarer.is_dir() else []
    for p in filer:  # one component per file: a section depends only on its own commentary
        komponenter[f"kommentar:{p.relative_to(kommentarer).as_posix()}"] = _sha(_las(p, kommun_mapp))
    for sid, nb in notebooks.items():
        komponenter[f"notebook:{sid}"] = _sha(nb.read_bytes())
    komponenter["kolada"] = kolada(kommun_mapp)
    return komponenter


def kolada(kommun_mapp: Path) -> str:
    """The Kolada cache (or, without one, the recorded responses it will be read from)."""
    from helpers.konfig import sokvagar as paths

    cache = paths.processed() / "kolada" / kommun_mapp.name
    inspelat = kommun_mapp / "kolada"
    hamtat = False
    try:  # a cache fetched from the API counts itself; one read in from recordings is the recordings
        hamtat = json.loads((cache / "kpi.json").read_text(encoding="utf-8")).get("kalla") == "api.kolada.se"
    except (OSError, ValueError):
        pass
    filer = [cache / "varden.parquet"] if hamtat else sorted(inspelat.glob("*.json")) if inspelat.is_dir() else []
    return _sha(*(_sha(f.read_bytes()) for f in filer))


GEMENSAMMA = ("konfiguration", "kod", "paket", "läge")


def sektion(komponenter: dict[str, str], sektion_id: str, tabeller: tuple[str, ...]) -> str:
    """A section depends on the shared components, its own notebook and commentary, and only the tables it
    declares (``helpers.avsnitt``): a change to personal.csv re-runs only the sections that read personnel.
    A declared table the period lacks counts as 'saknas', so adding the file later re-runs the section."""
    valda = {k: komponenter[k] for k in GEMENSAMMA if k in komponenter}
    valda[f"notebook:{sektion_id}"] = komponenter.get(f"notebook:{sektion_id}", "saknas")
    for namn in tabeller:
        valda[f"data:{namn}"] = komponenter.get(f"data:{namn}.csv") or komponenter.get(f"data:{namn}.xlsx") or "saknas"
    valda.update({k: v for k, v in komponenter.items()
                  if k in (f"kommentar:{sektion_id}.md",) or k.startswith(f"kommentar:{sektion_id}-")})
    if "indikatorer" in tabeller:  # indicator sections fill and compare values from the Kolada cache
        valda["kolada"] = komponenter.get("kolada", "")
    return summa(valda)


def summa(komponenter: dict[str, str]) -> str:
    return _sha(json.dumps(komponenter, sort_keys=True))


def andringar(gamla: dict[str, str], nya: dict[str, str]) -> list[str]:
    """Which components differ: ['data:drift.csv', 'kod'] — for --dry-run and the build log."""
    return sorted(k for k in set(gamla) | set(nya) if gamla.get(k) != nya.get(k))

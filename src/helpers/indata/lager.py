"""Validated, typed tables for the notebooks.

``tabell(kommun, period, namn)`` returns a table from data/processed (Parquet). The processed files are
rebuilt from data/raw whenever any raw file of the period or the kommun.yaml changed (by content hash),
so an analyst never reads stale or unvalidated data. Invalid data raises ``DataFel``.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pandas as pd
from filelock import FileLock

from helpers.fel import DataFel, Problem, visningsnamn
from helpers.filer import MAX_TABELL, OsakerFil, las_sakert, skriv_atomiskt
from helpers.indata.scheman import TABELLER
from helpers.indata.validering import validera_period
from helpers.konfig import kommun as config
from helpers.konfig import sokvagar as paths


def raw_hash(kommun: config.Kommun, period: config.Period) -> str:
    """Raw files of the period, kommun.yaml, and the code that reads and validates them: a change to how
    a column is parsed must re-validate, not serve a table parsed by the old code."""
    h = hashlib.sha256()
    for kod in sorted([*Path(__file__).parent.glob("*.py"), *Path(__file__).parents[1].joinpath("konfig").glob("*")]):
        if kod.is_file():
            h.update(kod.read_bytes())
    for fil in [kommun.mapp / "kommun.yaml", *sorted(p for p in period.mapp.rglob("*") if p.is_file())]:
        h.update(str(fil.relative_to(kommun.mapp)).encode())
        try:  # a link outside the kommun folder is not read here either; validation reports it
            h.update(las_sakert(fil, kommun.mapp, MAX_TABELL))
        except OsakerFil as e:
            h.update(f"osäker fil: {e}".encode())
    return h.hexdigest()


# Per-process caches: a section calls tabell() several times, and a warm kernel renders many sections
# of the same period, so re-hashing the raw folder and re-reading Parquet each time is pure overhead.
# Keyed on each file's (path, inode, size, mtime_ns); a file modified within RACY_NS of when it was read
# is not trusted (file-system clocks are coarse: a rewrite in the same tick keeps size and mtime).
RACY_NS = 2_000_000_000
HOGST = 64  # entries per cache: a worker renders many kommuner in turn; keep the recent ones
_HASHAR: dict[tuple[str, str], tuple[tuple, int, str]] = {}
_TABELLER: dict[str, tuple[tuple, int, pd.DataFrame]] = {}


_KODFILER = tuple(sorted(str(p) for p in [*Path(__file__).parent.glob("*.py"),
                                           *Path(__file__).parents[1].joinpath("konfig").glob("*")] if p.is_file()))


def _stat(fil: str) -> tuple:
    st = os.stat(fil)
    return fil, st.st_ino, st.st_size, st.st_mtime_ns


def _giltig(nyckel: tuple, last_ns: int) -> bool:
    return all(mtime < last_ns - RACY_NS for *_, mtime in nyckel)


def _trimma(cache: dict) -> None:
    while len(cache) > HOGST:
        del cache[next(iter(cache))]  # oldest first (dicts keep insertion order)


def raw_hash_cachad(kommun: config.Kommun, period: config.Period) -> str:
    """``raw_hash``, recomputed only when a file of the period (or kommun.yaml) changed."""
    # os.walk, not Path.rglob: listing the folder was most of the cost of an unchanged period.
    filer = [str(kommun.mapp / "kommun.yaml"), *sorted(os.path.join(d, f) for d, _, fs in os.walk(period.mapp) for f in fs),
             *_KODFILER]  # raw_hash covers the reading code too
    nyckel = tuple(_stat(f) for f in filer)
    post = _HASHAR.get((str(kommun.mapp), str(period.mapp)))
    if post and post[0] == nyckel and _giltig(nyckel, post[1]):
        return post[2]
    last = time.time_ns()
    h = raw_hash(kommun, period)
    _HASHAR[(str(kommun.mapp), str(period.mapp))] = (nyckel, last, h)
    _trimma(_HASHAR)
    return h


def _las_parquet(fil: Path) -> pd.DataFrame:
    """A processed table, read once per process while the file is unchanged; callers get a copy."""
    nyckel = (_stat(str(fil)),)
    post = _TABELLER.get(str(fil))
    if post and post[0] == nyckel and _giltig(nyckel, post[1]):
        return post[2].copy()
    last = time.time_ns()
    df = pd.read_parquet(fil)
    _TABELLER[str(fil)] = (nyckel, last, df)
    _trimma(_TABELLER)
    return df.copy()


def _redan_forberedd(ut: Path, aktuell: str) -> bool:
    """Up to date without taking the lock: _kalla.json is written atomically, and last, by the writer."""
    try:
        kalla = json.loads((ut / "_kalla.json").read_text())
    except (OSError, ValueError):
        return False
    return kalla.get("hash") == aktuell and all((ut / f"{t}.parquet").exists() for t in kalla.get("tabeller", ()))


def forbered(kommun_id: str, period_id: str) -> Path:
    """Validate the period's raw tables and (re)write data/processed/<kommun>/<period>/ if needed."""
    kommun = config.las_kommun(kommun_id)
    period = config.las_period(kommun, period_id)
    ut = paths.processed(kommun.id) / period.id
    ut.mkdir(parents=True, exist_ok=True)
    if _redan_forberedd(ut, raw_hash_cachad(kommun, period)):
        return ut
    with FileLock(str(ut) + ".lock"):
        kontroll = ut / "_kalla.json"
        aktuell = raw_hash_cachad(kommun, period)
        if kontroll.exists():
            kalla = json.loads(kontroll.read_text())
            # A listed table whose file was removed is rewritten, never read as an empty table.
            if kalla["hash"] == aktuell and all((ut / f"{t}.parquet").exists() for t in kalla.get("tabeller", ())):
                return ut
        tabeller, problem = validera_period(kommun, period)
        if any(not p.varning for p in problem):
            raise DataFel([p for p in problem if not p.varning])
        for gammal in ut.glob("*.parquet"):
            gammal.unlink()
        for namn, df in tabeller.items():
            skriv_atomiskt(ut / f"{namn}.parquet", df.to_parquet(index=False))
        # Warnings (published totals that do not add up, kept as printed) go with the snapshot, so the
        # report can list them next to the corrections.
        varningar = [{"fil": p.fil, "rad": None if p.rad is None else int(p.rad), "text": str(p),
                      "namnd": _namnd_for(tabeller, p)} for p in problem if p.varning]
        skriv_atomiskt(kontroll, json.dumps({"hash": aktuell, "tabeller": sorted(tabeller), "varningar": varningar},
                                            ensure_ascii=False))
    return ut


def _namnd_for(tabeller: dict[str, pd.DataFrame], p: Problem) -> str | None:
    """The nämnd of the row a warning names, so each nämnd's report lists only its own."""
    df = tabeller.get(Path(p.fil).stem)
    if df is None or p.rad is None or "namnd" not in df.columns:
        return None
    rad = df[df["radnr"] == p.rad]
    return str(rad["namnd"].iloc[0]) if len(rad) else None


def varningar(kommun_id: str, period_id: str) -> list[dict]:
    """The validation warnings of the period's snapshot: fil, rad and the message."""
    ut = forbered(kommun_id, period_id)
    with FileLock(str(ut) + ".lock"):
        return json.loads((ut / "_kalla.json").read_text()).get("varningar", [])


def ogonblick(kommun_id: str, period_id: str) -> str | None:
    """The raw hash of the snapshot in data/processed now (None if there is none): a build compares it
    before and after its sections, so one report never mixes two versions of the data."""
    try:
        return json.loads((paths.processed(kommun_id) / period_id / "_kalla.json").read_text())["hash"]
    except (OSError, ValueError, KeyError):
        return None


def tabell(kommun_id: str, period_id: str, namn: str, namnd: str | None = None) -> pd.DataFrame:
    """One validated table, optionally only one nämnd's rows. A table the period does not have comes back
    empty; a table the validated snapshot lists but whose file is gone is an error, never an empty table."""
    if namn not in TABELLER:
        raise KeyError(f"Okänd tabell {namn!r}; kända: {', '.join(TABELLER)}")
    ut = forbered(kommun_id, period_id)
    fil = ut / f"{namn}.parquet"
    # Read under the lock, so a concurrent forbered() never swaps the files between the check and the read.
    with FileLock(str(ut) + ".lock"):
        try:
            listade = json.loads((ut / "_kalla.json").read_text())["tabeller"]
        except (OSError, ValueError, KeyError):
            listade = None  # the snapshot vanished after forbered(): data/processed was removed meanwhile
        if listade is None or (namn in listade and not fil.exists()):
            raise DataFel([Problem(visningsnamn(fil), None, None, None,
                                   f"tabellen {namn!r} saknas i data/processed fast den validerade ögonblicksbilden "
                                   "listar den (processed table missing from snapshot): data/processed ändrades "
                                   "under bygget; bygg om")])
        if namn not in listade:
            return pd.DataFrame(columns=[*TABELLER[namn].kolumnnamn, "radnr"])
        df = _las_parquet(fil)
    if namnd is not None and TABELLER[namn].namnd_kolumn:
        df = df[df[TABELLER[namn].namnd_kolumn] == namnd].reset_index(drop=True)
    return df


MAX_KOMMENTAR = 1024 * 1024  # a commentary longer than this is a wrong file, not text for a report


def kommentar(kommun_id: str, period_id: str, namnd: str, sektion: str) -> str | None:
    """The analyst's Markdown commentary for a section, if written. It must be a regular file inside
    the kommun's folder: a symlink to /etc/passwd must not end up in the report."""
    kommun = config.las_kommun(kommun_id)
    fil = kommun.mapp / period_id / "kommentarer" / namnd / f"{sektion}.md"
    if not fil.exists() and not fil.is_symlink():
        return None
    try:
        data = las_sakert(fil, kommun.mapp, MAX_KOMMENTAR)
    except OsakerFil as e:
        raise DataFel([Problem(visningsnamn(fil), None, None, None, str(e))]) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1252")  # saved by an editor that does not write UTF-8
        except UnicodeDecodeError:
            pass
        raise DataFel([Problem(visningsnamn(fil), None, None, None,
                               "kommentaren är inte text i UTF-8 eller Windows-1252 (not a text file)")]) from None

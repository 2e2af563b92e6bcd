"""Read a table the way an export gives it (CSV text), for the data-model tests: one helper, so every test
reads through the same reader, schema and (optionally) sign convention."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from helpers.indata import tecken
from helpers.indata.lasare import las_tabell
from helpers.indata.scheman import TABELLER


def las_csv(tmp_path: Path, tabell: str, text: str, installning: dict | None = None, *,
            varningar_tillatna: bool = False, normalisera: bool = False) -> pd.DataFrame:
    """``text`` written to ``<tabell>.csv`` and read with the table's schema. Any problem fails the test
    (``varningar_tillatna``: warnings do not); ``normalisera``: amounts in tkr and internal signs."""
    fil = tmp_path / f"{tabell}.csv"
    fil.write_text(text, encoding="utf-8")
    installning = installning or {}
    df, problem = las_tabell(fil, TABELLER[tabell], installning)
    fel = [p for p in problem if not p.varning] if varningar_tillatna else problem
    assert not fel, problem
    return tecken.normalisera(df, tabell, installning, TABELLER[tabell].belopp) if normalisera else df

"""Problems found in input data, and the exception that carries them.

Every problem names the file, the row (as Excel numbers it: header = row 1), the column, the bad value
and what was expected, so an analyst can open the file and fix it without reading Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    fil: str
    rad: int | None
    kolumn: str | None
    varde: str | None
    forvantat: str
    varning: bool = False  # a warning (e.g. a published total that does not add up) does not stop the build

    def __str__(self) -> str:
        plats = [self.fil]
        if self.rad is not None:
            plats.append(f"rad {self.rad}")
        if self.kolumn:
            plats.append(f"kolumn '{self.kolumn}'")
        varde = f" värde {self.varde!r}:" if self.varde not in (None, "") else ""
        return f"{', '.join(plats)}:{varde} {self.forvantat}"

    @property
    def niva(self) -> str:
        return "VARNING" if self.varning else "FEL"


class DataFel(Exception):
    """Invalid input. ``problem`` lists everything found, not just the first."""

    def __init__(self, problem: list[Problem]):
        self.problem = list(problem)
        antal = len(self.problem)
        rubrik = f"{antal} problem i indata (invalid input)" if antal != 1 else "1 problem i indata (invalid input)"
        super().__init__(rubrik + ":\n" + "\n".join(f"  - {p}" for p in self.problem))


def visningsnamn(fil: Path | str) -> str:
    """Path as the analyst knows it: relative to the project's data folder when possible."""
    fil = Path(fil)
    delar = fil.parts
    if "data" in delar:
        return str(Path(*delar[delar.index("data"):]))
    return str(fil)


class TillaggSaknas(ImportError):
    """An optional feature's package is not installed; the message names the pip extra that adds it."""


def importera_tillagg(modul: str, tillagg: str):
    """Import ``modul`` from the optional extra ``tillagg`` (pdf, dask, kolada), or say how to install it."""
    import importlib

    try:
        return importlib.import_module(modul)
    except ImportError as e:
        raise TillaggSaknas(f"{modul.split('.')[0]} saknas; installera tillägget med: pip install 'namndrapport[{tillagg}]' "
                            f"(missing optional dependency '{e.name or modul}')") from e

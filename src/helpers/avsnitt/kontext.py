"""A section's context: which kommun, nämnd, period and report type it renders, in which mode, and its data.

A notebook creates one ``Kontext`` from its papermill parameters and asks it for tables and commentary.
The data root and draft/final mode are parameters (the build injects them like any papermill parameter),
never environment variables.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pandas as pd

from helpers.avsnitt import har_tabell
from helpers.fel import DataFel, Problem, visningsnamn
from helpers.indata import lager
from helpers.konfig import kommun as konfig
from helpers.konfig import sokvagar
from helpers.presentation import diagram, visning

LAGEN = ("utkast", "slutlig")


class SaknadTabell(KeyError):
    """A section asked for a table it has not declared (a programming error in helpers.avsnitt)."""


@dataclass
class Kontext:
    kommun_id: str
    namnd_id: str
    period_id: str
    rapporttyp_id: str
    avsnitt_id: str
    datarot: str | None = None  # the project folder; None: found from the working directory
    lage: str = "utkast"  # "slutlig": a missing commentary is an error, not a marker

    def __post_init__(self):
        if self.lage not in LAGEN:
            raise ValueError(f"lage måste vara en av {LAGEN}, inte {self.lage!r}")
        if self.datarot:
            sokvagar.anvand_rot(Path(self.datarot))
        kommun = konfig.las_kommun(self.kommun_id)
        self.period = konfig.las_period(kommun, str(self.period_id))
        self.kommun = konfig.for_period(kommun, self.period)
        self.namnd = self.kommun.namnd(self.namnd_id)
        self.rapporttyp = self.kommun.rapporttyper[self.rapporttyp_id]
        self.typ = self.kommun.sektioner[self.avsnitt_id]["notebook"].removesuffix(".ipynb")
        diagram.tema(self.kommun.palett)  # also undoes chart settings an earlier section changed

    @cached_property
    def definition(self):
        from helpers.avsnitt import definition

        return definition(self.typ)

    def tabell(self, namn: str) -> pd.DataFrame:
        """The nämnd's rows of a table the section declared. A required table that the period lacks is an
        error; an optional one comes back empty (the period simply has no such data)."""
        d = self.definition
        if namn not in (*d.KRAVER, *d.KAN_ANVANDA):
            raise SaknadTabell(f"avsnittet {self.typ!r} har inte deklarerat tabellen {namn!r} i KRAVER eller KAN_ANVANDA")
        if namn in d.KRAVER and not har_tabell(self.period, namn):
            raise DataFel([Problem(visningsnamn(self.period.mapp / f"{namn}.csv"), None, None, None,
                                   f"tabellen {namn!r} saknas men avsnittet {self.avsnitt_id!r} kräver den")])
        return lager.tabell(self.kommun.id, self.period.id, namn, self.namnd.id)

    def kommentar(self, del_: str | None = None) -> str | None:
        return lager.kommentar(self.kommun.id, self.period.id, self.namnd.id,
                               self.avsnitt_id if del_ is None else f"{self.avsnitt_id}-{del_}")

    def visa_kommentar(self, del_: str | None = None, *, rubrik: str | None = None, valfri: bool = False) -> None:
        visning.kommentar(self.kommentar(del_), sektion=rubrik or self.titel, valfri=valfri,
                          slutlig=self.lage == "slutlig")

    @property
    def ar(self) -> int:
        return self.period.ar

    @property
    def utfallsar(self) -> int:
        """The last year with outcomes: the period's year, or the year before in a budget report."""
        return self.ar - 1 if self.rapporttyp.planering else self.ar

    @property
    def titel(self) -> str:
        return self.kommun.sektioner.get(self.avsnitt_id, {}).get("titel", self.avsnitt_id)

    def enhet(self, tabell: str) -> str:
        """The unit the municipality prints this table in (tkr unless kommun.yaml says otherwise)."""
        installning = self.kommun.tabellinstallning(tabell)
        return installning.get("visas_i", installning.get("enhet", "tkr"))

    def decimaler(self, tabell: str) -> int | None:
        """Decimals a period's report prints for a table (period.yaml ``visning``); None = the unit's default."""
        return self.period.visning.get(tabell, {}).get("decimaler")

    @cached_property
    def kolada(self):
        """Cached Kolada values for the municipality, riket and comparison groups (never the network)."""
        from helpers.kolada import klient

        return klient.las(self.kommun.id)[0]

    @property
    def min_antal(self) -> int:
        return int(self.kommun.tabellinstallning("personal").get("min_antal", 5))

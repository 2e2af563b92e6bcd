"""A section's context: which kommun, nämnd, period and report type it renders, and its data.

A notebook creates one ``Sektion`` from its papermill parameters and asks it for tables and commentary.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from . import config, data, diagram


@dataclass
class Sektion:
    kommun_id: str
    namnd_id: str
    period_id: str
    rapporttyp_id: str
    sektion_id: str

    def __post_init__(self):
        kommun = config.las_kommun(self.kommun_id)
        self.period = config.las_period(kommun, str(self.period_id))
        self.kommun = config.for_period(kommun, self.period)
        self.namnd = self.kommun.namnd(self.namnd_id)
        self.rapporttyp = self.kommun.rapporttyper[self.rapporttyp_id]
        diagram.tema(self.kommun.palett)  # also undoes chart settings an earlier section changed

    def tabell(self, namn: str) -> pd.DataFrame:
        return data.tabell(self.kommun.id, self.period.id, namn, self.namnd.id)

    def kommentar(self, del_: str | None = None) -> str | None:
        return data.kommentar(self.kommun.id, self.period.id, self.namnd.id,
                              self.sektion_id if del_ is None else f"{self.sektion_id}-{del_}")

    @cached_property
    def ar(self) -> int:
        return self.period.ar

    @property
    def utfallsar(self) -> int:
        """The last year with outcomes: the period's year, or the year before in a budget report."""
        return self.ar - 1 if self.rapporttyp.planering else self.ar

    @property
    def titel(self) -> str:
        return self.kommun.sektioner.get(self.sektion_id, {}).get("titel", self.sektion_id)

    def enhet(self, tabell: str) -> str:
        """The unit the municipality prints this table in (tkr unless kommun.yaml says otherwise)."""
        return self.kommun.tabellinstallning(tabell).get("visas_i", self.kommun.tabellinstallning(tabell).get("enhet", "tkr"))

    def decimaler(self, tabell: str) -> int | None:
        """Decimals a period's report prints for a table (period.yaml ``visning``); None = the unit's default."""
        return self.period.visning.get(tabell, {}).get("decimaler")

    @cached_property
    def kolada(self):
        """Cached Kolada values for the municipality, riket and comparison groups (never the network)."""
        from . import kolada

        return kolada.las(self.kommun.id)[0]

    @property
    def min_antal(self) -> int:
        return int(self.kommun.tabellinstallning("personal").get("min_antal", 5))

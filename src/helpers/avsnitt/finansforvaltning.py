"""Finansförvaltning: intäkter, kostnader and netto per post and group, for the budget year and the year before."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.avsnitt import rattelser
from helpers.avsnitt.kontext import Kontext
from helpers.berakning import budget
from helpers.presentation import budget as vis
from helpers.presentation import visning

KRAVER = ("finansforvaltning",)
KAN_ANVANDA = ("rattelser",)


@dataclass
class Finansforvaltning:
    rader: pd.DataFrame
    sammanstallning: pd.DataFrame


def berakna(k: Kontext) -> Finansforvaltning:
    return Finansforvaltning(*budget.finansforvaltning(k.tabell("finansforvaltning"), k.ar))


def meningar(k: Kontext, d: Finansforvaltning) -> list[str]:
    return []


def visa_tabeller(k: Kontext, d: Finansforvaltning) -> None:
    k.visa_kommentar(valfri=True)
    if len(d.rader):
        for t in vis.finansforvaltning_tabeller(d.rader, d.sammanstallning, k.ar, k.enhet("finansforvaltning")):
            t.fotnoter += rattelser.noter(k, "finansforvaltning")
            visning.tabell(t)

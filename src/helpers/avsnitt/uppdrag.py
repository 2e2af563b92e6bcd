"""Uppdrag: the political assignments with their status in the kommun's own scale, counted and listed."""

from __future__ import annotations

import pandas as pd

from helpers.avsnitt.kontext import Kontext
from helpers.presentation import uppdrag as vis
from helpers.presentation import visning

KRAVER = ("uppdrag",)
KAN_ANVANDA: tuple[str, ...] = ()


def berakna(k: Kontext) -> pd.DataFrame:
    return k.tabell("uppdrag")


def meningar(k: Kontext, d: pd.DataFrame) -> list[str]:
    return [vis.sammanfattning(k.kommun, d) or "Nämnden har inga uppdrag att rapportera för perioden."]


def visa_sammanfattning(k: Kontext, d: pd.DataFrame) -> None:
    visning.stycke(*meningar(k, d))
    k.visa_kommentar()
    if not d.empty:
        visning.tabell(vis.statustabell(k.kommun, d))


def visa_lista(k: Kontext, d: pd.DataFrame) -> None:
    if not d.empty:
        visning.tabell(vis.tabell(k.kommun, d))

"""Intern kontroll: the control plan's points with risk, kontrollmoment, result, deviations and actions."""

from __future__ import annotations

import pandas as pd

from helpers.avsnitt.kontext import Kontext
from helpers.presentation import internkontroll as vis
from helpers.presentation import visning

KRAVER = ("internkontroll",)
KAN_ANVANDA: tuple[str, ...] = ()


def berakna(k: Kontext) -> pd.DataFrame:
    return k.tabell("internkontroll")


def meningar(k: Kontext, d: pd.DataFrame) -> list[str]:
    return [m for m in [vis.sammanfattning(d, k.ar, k.kommun.skala("internkontroll"))] if m]


def visa_plan(k: Kontext, d: pd.DataFrame) -> None:
    visning.stycke(*meningar(k, d))
    k.visa_kommentar()
    if len(d):
        per_status = vis.statustabell(d, k.kommun.skala("internkontroll"))
        if per_status is not None:
            visning.tabell(per_status)
        visning.tabell(vis.tabell(d, k.kommun.skala("internkontroll")))

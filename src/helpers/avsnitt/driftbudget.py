"""Driftbudget: budget per verksamhet against the year before, with the ramförändring."""

from __future__ import annotations

import pandas as pd

from helpers.avsnitt import rattelser
from helpers.avsnitt.kontext import Kontext
from helpers.berakning import budget
from helpers.presentation import budget as vis
from helpers.presentation import visning

KRAVER = ("drift",)
KAN_ANVANDA = ("rattelser",)


def berakna(k: Kontext) -> pd.DataFrame:
    return budget.driftbudget(k.tabell("drift"), k.ar)


def meningar(k: Kontext, d: pd.DataFrame) -> list[str]:
    return [m for m in [vis.driftbudget_mening(k.namnd.genitiv, d, k.ar, k.period.beslut)] if m]


def visa_driftbudget(k: Kontext, d: pd.DataFrame) -> None:
    visning.stycke(*meningar(k, d))
    k.visa_kommentar()
    t = vis.driftbudget_tabell(d, k.ar, k.enhet("drift"))
    t.fotnoter += rattelser.noter(k, "drift")
    visning.tabell(t)

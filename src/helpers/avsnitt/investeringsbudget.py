"""Investeringsbudget: budget and plan per project over the plan years, and the exploateringsbudget."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.avsnitt.kontext import Kontext
from helpers.berakning import budget
from helpers.presentation import budget as vis
from helpers.presentation import visning

KRAVER = ("investeringsbudget",)
KAN_ANVANDA = ("exploatering",)


@dataclass
class Investeringsbudget:
    rader: pd.DataFrame
    kolumner: list[str]
    exploatering: pd.DataFrame


def berakna(k: Kontext) -> Investeringsbudget:
    rader, kolumner = budget.investeringsbudget(k.tabell("investeringsbudget"), k.ar)
    expl = k.tabell("exploatering")
    return Investeringsbudget(rader, kolumner, budget.exploatering(expl, k.ar) if len(expl) else expl)


def meningar(k: Kontext, d: Investeringsbudget) -> list[str]:
    return []


def visa_investeringsbudget(k: Kontext, d: Investeringsbudget) -> None:
    k.visa_kommentar()
    visning.tabell(vis.investeringsbudget_tabell(d.rader, d.kolumner, k.enhet("investeringsbudget")))


def visa_exploatering(k: Kontext, d: Investeringsbudget) -> None:
    if len(d.exploatering):
        visning.rubrik(f"Exploateringsbudget {k.ar}")
        visning.tabell(vis.exploatering_tabell(d.exploatering, k.ar, k.enhet("exploatering")))

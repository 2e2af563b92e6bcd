"""Investeringar: utfall per project against budget, utilisation, prognos and överföring, with a chart."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.avsnitt.kontext import Kontext
from helpers.berakning import ekonomi, investering
from helpers.presentation import diagram, visning
from helpers.presentation import ekonomi as ekonomivisning
from helpers.presentation import investering as vis

KRAVER = ("investeringar",)
KAN_ANVANDA: tuple[str, ...] = ("resultatoverforing",)


@dataclass
class Investeringar:
    investeringar: pd.DataFrame
    per_projekt: pd.DataFrame
    resultatoverforing: pd.DataFrame | None = None  # the investering part of resultatoverforing


def berakna(k: Kontext) -> Investeringar:
    inv = k.tabell("investeringar")
    return Investeringar(inv, investering.per_projekt(inv, k.ar),
                         ekonomi.resultatoverforing(k.tabell("resultatoverforing"), k.ar, "investering"))


def _helar(k: Kontext) -> bool:
    return k.period.till_manad == 12


def meningar(k: Kontext, d: Investeringar) -> list[str]:
    return [m for m in (*vis.sammanfattning(d.investeringar, k.ar, k.period.namn, _helar(k)),
                        vis.storsta(d.investeringar, k.ar),
                        ekonomivisning.resultatoverforing(d.resultatoverforing, "investering")
                        if d.resultatoverforing is not None else None) if m]


def visa_sammanfattning(k: Kontext, d: Investeringar) -> None:
    visning.stycke(*vis.sammanfattning(d.investeringar, k.ar, k.period.namn, _helar(k)))
    visning.stycke(vis.storsta(d.investeringar, k.ar))
    k.visa_kommentar()


def visa_tabell(k: Kontext, d: Investeringar) -> None:
    if len(d.per_projekt):
        for tabell in vis.tabeller(d.per_projekt, k.period.namn, k.ar, k.enhet("investeringar"),
                                   k.decimaler("investeringar"), helar=_helar(k),
                                   rubriker=k.kommun.tabellinstallning("investeringar").get("rubriker")):
            visning.tabell(tabell)
        visning.figur(diagram.investeringar(d.per_projekt, k.kommun.palett, ar=k.ar))


def visa_resultatoverforing(k: Kontext, d: Investeringar) -> None:
    """The investment budget carried over, and the analyst's reasons (investeringar-resultatoverforing.md)."""
    if d.resultatoverforing is not None and len(d.resultatoverforing):
        visning.rubrik("Resultatöverföring investeringsmedel")
        visning.stycke(ekonomivisning.resultatoverforing(d.resultatoverforing, "investering"))
        visning.tabell(ekonomivisning.resultatoverforing_tabell(
            d.resultatoverforing, "investering", k.enhet("resultatoverforing"), k.decimaler("resultatoverforing")))
        k.visa_kommentar("resultatoverforing", rubrik="Resultatöverföring investeringsmedel", valfri=True)

"""Investeringar: utfall per project against budget, utilisation, prognos and överföring, with a chart."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.avsnitt import rattelser
from helpers.avsnitt.kontext import Kontext
from helpers.berakning import ekonomi, investering
from helpers.indata import tecken
from helpers.presentation import diagram, visning
from helpers.presentation import ekonomi as ekonomivisning
from helpers.presentation import investering as vis

KRAVER = ("investeringar",)
KAN_ANVANDA = ("rattelser", "resultatoverforing")


@dataclass
class Investeringar:
    investeringar: pd.DataFrame
    per_projekt: pd.DataFrame
    resultatoverforing: pd.DataFrame | None = None  # the investering part of resultatoverforing


def berakna(k: Kontext) -> Investeringar:
    inv = k.tabell("investeringar")
    installning = k.kommun.tabellinstallning("investeringar")
    return Investeringar(inv, investering.per_projekt(inv, k.ar, tecken.halv_enhet(installning),
                                                      sammanstallningar(installning)),
                         ekonomi.resultatoverforing(k.tabell("resultatoverforing"), k.ar, "investering"))


def sammanstallningar(installning: dict) -> dict[str, list[dict]]:
    """Per printed table, its rows that sum whole tables (``visas.per_tabell.<tabell>.sammanstallning``)."""
    per_tabell = (installning.get("visas") or {}).get("per_tabell") or {}
    return {t: v["sammanstallning"] for t, v in per_tabell.items() if (v or {}).get("sammanstallning")}


def _aterger(k: Kontext) -> set[str]:
    """Tables that restate projects of the others (kommun.yaml ``tabeller.investeringar.aterger``)."""
    return set(k.kommun.tabellinstallning("investeringar").get("aterger") or ())


def sammanfattande_meningar(k: Kontext, inv: pd.DataFrame) -> list[str]:
    """The investment sentences, here and in Sammanfattning (which repeats them word for word)."""
    return [m for m in (*_sammanfattning(k, inv), vis.storsta(inv, k.ar, aterger=_aterger(k))) if m]


def _sammanfattning(k: Kontext, inv: pd.DataFrame) -> list[str]:
    return vis.sammanfattning(inv, k.ar, k.period.namn, _helar(k), k.enhet("investeringar"), aterger=_aterger(k))


def _nycklar(k: Kontext) -> list[str]:
    d = k.tabell("rattelser")
    return list(d.loc[d["tabell"] == "investeringar", "nyckel"])


def _helar(k: Kontext) -> bool:
    return k.period.till_manad == 12


def meningar(k: Kontext, d: Investeringar) -> list[str]:
    overforing = (ekonomivisning.resultatoverforing(d.resultatoverforing, "investering")
                  if d.resultatoverforing is not None else None)
    return [*sammanfattande_meningar(k, d.investeringar), *([overforing] if overforing else [])]


def visa_sammanfattning(k: Kontext, d: Investeringar) -> None:
    visning.stycke(*_sammanfattning(k, d.investeringar))
    visning.stycke(vis.storsta(d.investeringar, k.ar, aterger=_aterger(k)))
    k.visa_kommentar()


def visa_tabell(k: Kontext, d: Investeringar) -> None:
    if len(d.per_projekt):
        for tabell in vis.tabeller(d.per_projekt, k.period.namn, k.ar, k.enhet("investeringar"),
                                   k.decimaler("investeringar"), helar=_helar(k),
                                   rubriker=k.kommun.tabellinstallning("investeringar").get("rubriker"),
                                   layout=k.kommun.tabellinstallning("investeringar").get("visas")):
            # corrections of this table's rows (the key's third part is the printed table, when there are several)
            egen = tabell.id.removeprefix("investeringar-") if tabell.id else ""
            tabell.fotnoter += [n for n, nyckel in zip(rattelser.noter(k, "investeringar"), _nycklar(k))
                                if not egen or nyckel.split("/")[2:3] in ([egen], [])]
            visning.tabell(tabell)
        visning.figur(diagram.investeringar(investering.egna(d.per_projekt, _aterger(k)), k.kommun.palett, ar=k.ar))


def visa_resultatoverforing(k: Kontext, d: Investeringar) -> None:
    """The investment budget carried over, and the analyst's reasons (investeringar-resultatoverforing.md)."""
    if d.resultatoverforing is not None and len(d.resultatoverforing):
        visning.rubrik("Resultatöverföring investeringsmedel")
        visning.stycke(ekonomivisning.resultatoverforing(d.resultatoverforing, "investering"))
        visning.tabell(ekonomivisning.resultatoverforing_tabell(
            d.resultatoverforing, "investering", k.enhet("resultatoverforing"), k.decimaler("resultatoverforing")))
        k.visa_kommentar("resultatoverforing", rubrik="Resultatöverföring investeringsmedel", valfri=True)

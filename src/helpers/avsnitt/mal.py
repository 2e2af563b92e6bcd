"""Mål och resultat: the goal hierarchy at any depth with the nämnd's assessments in the kommun's own
scale, and per goal its indicator table (with trend and source), charts and the analyst's text."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.avsnitt.kontext import Kontext
from helpers.berakning import indikatorer, mal
from helpers.presentation import indikatorer as indikatorvisning
from helpers.presentation import mal as malvisning
from helpers.presentation import visning

KRAVER = ("mal",)
KAN_ANVANDA = ("indikatorer", "indikatorvarden", "malbedomning")


@dataclass
class Mal:
    maltrad: list[mal.Mal]
    indikatorer: pd.DataFrame
    varden: pd.DataFrame  # raw values first, Kolada's (from the cache) only where raw has none


def berakna(k: Kontext) -> Mal:
    alla = k.tabell("indikatorer")
    varden = k.tabell("indikatorvarden")
    if k.period.kolada_komplettering:
        varden = indikatorer.med_kolada(alla, varden, k.kolada, k.kommun.kod)
    return Mal(mal.maltrad(k.kommun, k.tabell("mal"), alla, k.tabell("malbedomning"), k.namnd.id), alla, varden)


def meningar(k: Kontext, d: Mal) -> list[str]:
    return malvisning.sammanfattning(k.namnd.namn, k.kommun, d.maltrad)


def visa_sammandrag(k: Kontext, d: Mal) -> None:
    k.visa_kommentar()
    visning.stycke(*meningar(k, d))
    visning.tabell(malvisning.skaltabell(k.kommun, d.maltrad))


def visa_mal(k: Kontext, d: Mal) -> None:
    for m in mal.i_ordning(d.maltrad):
        visning.rubrik(m.rubrik(k.kommun), niva=min(3 + m.djup, 6))
        visning.stycke(m.beskrivning)
        if m.bedomning:
            visning.bedomning(m.bedomning, m.motivering)
        if m.indikatorer:
            rader, kolumner, noter = indikatorvisning.tabellrader(d.indikatorer, d.varden, m.indikatorer, k.utfallsar)
            visning.tabell(indikatorvisning.tabell(rader, kolumner, noter, f"Indikatorer: {m.titel}"))
            for iid in m.indikatorer:
                visning.figur(indikatorvisning.diagram(d.indikatorer, d.varden, iid, k.kommun.palett))
                jamforelse, notis = indikatorvisning.jamforelse(d.indikatorer, d.varden, iid, k.kolada, k.kommun,
                                                               k.kommun.palett)
                visning.figur(jamforelse)
                visning.stycke(notis)
        k.visa_kommentar(m.id, rubrik=m.titel, valfri=True)

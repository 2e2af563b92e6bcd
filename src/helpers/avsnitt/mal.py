"""Mål och resultat: the goal hierarchy at any depth with the nämnd's assessments in the kommun's own
scale, and per goal its indicator table (with trend and source), charts and the analyst's text."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.avsnitt.kontext import Kontext
from helpers.berakning import indikatorer, mal
from helpers.presentation import format as fmt
from helpers.presentation import indikatorer as indikatorvisning
from helpers.presentation import mal as malvisning
from helpers.presentation import uppdrag as uppdragsvisning
from helpers.presentation import visning

KRAVER = ("mal",)
KAN_ANVANDA = ("indikatorer", "indikatorvarden", "malbedomning", "uppdrag")


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
    return Mal(mal.maltrad(k.kommun, k.tabell("mal"), alla, k.tabell("malbedomning"), k.namnd.id,
                           k.tabell("uppdrag")), alla, varden)


def meningar(k: Kontext, d: Mal) -> list[str]:
    alla = [i for m in mal.i_ordning(d.maltrad) for i in m.indikatorer]
    indikatorsats = indikatorvisning.malsats(d.indikatorer, d.varden, alla, k.utfallsar,
                                             indikatorvisning.indikatorord(k.kommun))
    return [*malvisning.sammanfattning(k.namnd.namn, k.kommun, d.maltrad), *([indikatorsats] if indikatorsats else [])]


def visa_sammandrag(k: Kontext, d: Mal) -> None:
    k.visa_kommentar()
    visning.stycke(*meningar(k, d))
    if mal.bedomda(d.maltrad):  # a budget has no assessed goals: no table of zeros
        visning.tabell(malvisning.skaltabell(k.kommun, d.maltrad))
    kopplade = [u for m in mal.i_ordning(d.maltrad) for u in m.uppdrag]
    if kopplade:  # uppdrag reported under their goals: their status counted here, once
        visning.tabell(uppdragsvisning.statustabell(k.kommun, pd.DataFrame(kopplade)))


def visa_mal(k: Kontext, d: Mal) -> None:
    for m in mal.i_ordning(d.maltrad):
        visning.rubrik(m.rubrik(k.kommun), niva=min(3 + m.djup, 6), klass=malvisning.rubrikklass(m))
        visning.stycke(m.beskrivning)
        if m.bedomning:
            visning.bedomning(m.bedomning, m.motivering)
        if m.indikatorer:
            rader, kolumner, noter = indikatorvisning.tabellrader(d.indikatorer, d.varden, m.indikatorer, k.utfallsar,
                                                                    trendskala=k.kommun.skala("trend"),
                                                                    antal_ar=_antal_ar(k))
            visning.tabell(indikatorvisning.tabell(rader, kolumner, noter,
                                                   f"{k.kommun.term('indikatorer', 'Indikatorer')}: {m.titel}",
                                                   k.kommun.term("indikator", "Indikator")))
            delrader, delkolumner, delar = indikatorvisning.delrader(d.indikatorer, d.varden, m.indikatorer,
                                                                    _visade_ar(kolumner))
            if len(delrader):
                visning.tabell(indikatorvisning.deltabell(
                    delrader, delkolumner,
                    f"{k.kommun.term('indikatorer', 'Indikatorer')} per {fmt.upprakning(delar)}: {m.titel}"))
            if len(m.indikatorer) > 1:
                visning.stycke(indikatorvisning.malsats(d.indikatorer, d.varden, m.indikatorer, k.utfallsar,
                                                        indikatorvisning.indikatorord(k.kommun)))
            for iid in m.indikatorer:
                jamforelse, notis = indikatorvisning.jamforelse(d.indikatorer, d.varden, iid, k.kolada, k.kommun,
                                                               k.kommun.palett)
                # One chart per message: the Kolada comparison already shows the municipality's own line.
                visning.figur(jamforelse or indikatorvisning.diagram(d.indikatorer, d.varden, iid, k.kommun.palett))
                visning.stycke(notis)
        if m.uppdrag:
            visning.tabell(uppdragsvisning.tabell(k.kommun, pd.DataFrame(m.uppdrag), f"{k.kommun.term('uppdrag', 'Uppdrag')}: {m.titel}",
                                                  kommentar=False))
        k.visa_kommentar(m.id, rubrik=m.titel, valfri=True)


def _visade_ar(kolumner: list[str]) -> list[int]:
    """The outcome years the measure table shows ('Utfall 2019' …), for the table of parts beside it."""
    return [int(c.split()[-1]) for c in kolumner if c.startswith("Utfall ")]


def _antal_ar(k: Kontext) -> int | str:
    """How many outcome years an indicator table shows: ``tabeller.indikatorvarden.visas.antal_ar``."""
    return (k.kommun.tabellinstallning("indikatorvarden").get("visas") or {}).get("antal_ar", 4)

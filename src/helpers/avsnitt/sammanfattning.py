"""Sammanfattning: the other sections' main sentences, word for word as they print them, and the
analyst's summary. It declares the union of what those sentences read."""

from __future__ import annotations

from dataclasses import dataclass

from helpers.avsnitt import ekonomi as ekonomiavsnitt
from helpers.avsnitt import investeringar as investeringsavsnitt
from helpers.avsnitt.kontext import Kontext
from helpers.berakning import ekonomi, indikatorer
from helpers.berakning import mal as malberakning
from helpers.presentation import ekonomi as ekonomivisning
from helpers.presentation import indikatorer as indikatorvisning
from helpers.presentation import mal as malvisning
from helpers.presentation import uppdrag as uppdragsvisning
from helpers.presentation import visning

KRAVER = ("drift",)
KAN_ANVANDA = ("investeringar", "resultat", "sarskilda_poster", "mal", "indikatorer", "indikatorvarden", "malbedomning",
               "uppdrag")


@dataclass
class Sammanfattning:
    drift: list[str]
    investeringar: list[str]
    sarskilda_poster: list[str]
    mal: list[str]
    uppdrag: list[str]


def _utan_tomma(*meningar) -> list[str]:
    return [m for m in meningar if m]


def _indikatorvarden(k: Kontext):
    """The values the mål section judges, Kolada's included, so the sentence is word for word the same."""
    varden = k.tabell("indikatorvarden")
    if k.period.kolada_komplettering:
        varden = indikatorer.med_kolada(k.tabell("indikatorer"), varden, k.kolada, k.kommun.kod)
    return varden


def berakna(k: Kontext) -> Sammanfattning:
    totalt = ekonomi.totalt(ekonomiavsnitt.per_verksamhet_med_totalt(k, k.tabell("drift"))[0])
    poster = k.tabell("sarskilda_poster")
    poster = poster[poster["ar"] == k.ar]
    inv = k.tabell("investeringar")
    maltrad = malberakning.maltrad(k.kommun, k.tabell("mal"), k.tabell("indikatorer"), k.tabell("malbedomning"),
                                   k.namnd.id)
    return Sammanfattning(
        drift=_utan_tomma(ekonomivisning.drift_ackumulerat(totalt), ekonomivisning.prognos(totalt)),
        investeringar=investeringsavsnitt.sammanfattande_meningar(k, inv) if len(inv) else [],
        sarskilda_poster=ekonomivisning.sarskilda_poster(poster, k.enhet("sarskilda_poster")) if len(poster) else [],
        mal=_utan_tomma(*malvisning.sammanfattning(k.namnd.namn, k.kommun, maltrad),
                        indikatorvisning.malsats(k.tabell("indikatorer"), _indikatorvarden(k),
                                                 [i for m in malberakning.i_ordning(maltrad) for i in m.indikatorer],
                                                 k.utfallsar, indikatorvisning.indikatorord(k.kommun))),
        uppdrag=_utan_tomma(uppdragsvisning.sammanfattning(k.kommun, k.tabell("uppdrag"))))


def meningar(k: Kontext, d: Sammanfattning) -> list[str]:
    return [*d.drift, *d.investeringar, *d.sarskilda_poster, *d.mal, *d.uppdrag]


def visa_ekonomi(k: Kontext, d: Sammanfattning) -> None:
    visning.stycke(*d.drift)
    visning.stycke(*d.investeringar)
    visning.stycke(*d.sarskilda_poster)


def visa_mal_och_uppdrag(k: Kontext, d: Sammanfattning) -> None:
    visning.stycke(*d.mal)
    visning.stycke(*d.uppdrag)


def visa_kommentar(k: Kontext, d: Sammanfattning) -> None:
    k.visa_kommentar()

"""Ekonomi: the result against budget for the period, the resultaträkning, the result per verksamhet with
subtotals, särskilda poster, prognossäkerhet and (with monthly data) the accumulated result per month."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.avsnitt import rattelser
from helpers.avsnitt.kontext import Kontext
from helpers.berakning import ekonomi
from helpers.indata import tecken
from helpers.presentation import diagram, visning
from helpers.presentation import ekonomi as vis

KRAVER = ("drift",)
KAN_ANVANDA = ("resultat", "resultatposter", "sarskilda_poster", "prognoser", "resultatoverforing", "rattelser",
               "eget_kapital")


@dataclass
class Ekonomi:
    drift: pd.DataFrame
    per_verksamhet: pd.DataFrame
    totalt: ekonomi.Resultat
    resultatrakning: pd.DataFrame
    sarskilda_poster: pd.DataFrame
    prognossakerhet: pd.DataFrame
    per_manad: pd.DataFrame
    periodisering: tuple[str, ...] = ()  # the rules the period budget used (berakning.ekonomi.PERIODISERINGAR)
    resultatposter: pd.DataFrame | None = None
    eget_kapital: pd.DataFrame | None = None
    raderna_summerar: dict = None  # {utfall|budget: what the rows add up to} when Totalt is the printed net
    resultatoverforing: pd.DataFrame | None = None  # the drift part of resultatoverforing (the result row first)


def per_verksamhet_med_totalt(k: Kontext, drift: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, float]]:
    """The result per verksamhet, its Totalt from the printed resultaträkning where that is as precise
    (and what the rows add up to, for the note); Sammanfattning uses the same."""
    return ekonomi.tryckt_totalt(
        ekonomi.per_verksamhet(drift, k.ar, k.period.till_manad), k.tabell("resultat"), k.ar, k.period.till_manad,
        tecken.ENHETER_TILL_TKR[k.kommun.tabellinstallning("drift").get("enhet", "tkr")],
        tecken.ENHETER_TILL_TKR[k.kommun.tabellinstallning("resultat").get("enhet", "tkr")])


def berakna(k: Kontext) -> Ekonomi:
    drift = k.tabell("drift")
    per_verksamhet, raderna = per_verksamhet_med_totalt(k, drift)
    totalt = ekonomi.totalt(per_verksamhet)
    poster = k.tabell("sarskilda_poster")
    return Ekonomi(drift, per_verksamhet, totalt,
                   ekonomi.resultatrakning(k.tabell("resultat"), drift, totalt, k.ar),
                   poster[poster["ar"] == k.ar],
                   ekonomi.prognossakerhet(k.tabell("prognoser"), totalt, k.ar),
                   ekonomi.ackumulerat_per_manad(drift, k.ar, k.period.till_manad),
                   ekonomi.periodisering(drift, k.ar, k.period.till_manad),
                   ekonomi.resultatposter(k.tabell("resultatposter"), k.ar, k.tabell("resultat"),
                                          k.period.till_manad),
                   k.tabell("eget_kapital"), raderna,
                   ekonomi.resultatoverforing(k.tabell("resultatoverforing"), k.ar, "drift"))


def huvudmeningar(d: Ekonomi) -> list[str]:
    """The result against budget and the prognosis (Sammanfattning repeats them word for word)."""
    return [m for m in (vis.drift_ackumulerat(d.totalt), vis.prognos(d.totalt)) if m]


def sarskilda_poster_meningar(k: Kontext, d: Ekonomi) -> list[str]:
    return vis.sarskilda_poster(d.sarskilda_poster, k.enhet("sarskilda_poster")) if len(d.sarskilda_poster) else []


def meningar(k: Kontext, d: Ekonomi) -> list[str]:
    return [*huvudmeningar(d), *vis.resultat_per_omrade(d.per_verksamhet), *sarskilda_poster_meningar(k, d),
            *(vis.eget_kapital(d.eget_kapital, k.ar) if d.eget_kapital is not None and len(d.eget_kapital) else []),
            *([vis.prognossakerhet(d.prognossakerhet)] if len(d.prognossakerhet) else []),
            *resultatoverforing_meningar(d)]


def resultatoverforing_meningar(d: Ekonomi) -> list[str]:
    m = vis.resultatoverforing(d.resultatoverforing, "drift") if d.resultatoverforing is not None else None
    return [m] if m else []


def visa_driftredovisning(k: Kontext, d: Ekonomi) -> None:
    visning.rubrik("Driftredovisning")
    visning.stycke(*huvudmeningar(d))
    k.visa_kommentar()


def _negativa(k: Kontext, tabell: str) -> bool:
    return vis.kostnader_negativa(k.kommun.tabellinstallning(tabell))


def visa_resultatrakning(k: Kontext, d: Ekonomi) -> None:
    poster = d.resultatposter is not None and not d.resultatposter.empty
    # The resultaträkning per kostnadsslag prints the same totals and result: the short table would repeat it.
    if not d.resultatrakning.empty and not poster:
        visning.tabell(vis.resultat_tabell(d.resultatrakning, k.period, k.enhet("resultat"),
                                           negativa=_negativa(k, "resultat")))
    if poster:
        visning.tabell(vis.resultatposter_tabell(
            d.resultatposter, k.period, k.enhet("resultatposter"), negativa=_negativa(k, "resultatposter"),
            layout=k.kommun.tabellinstallning("resultatposter").get("visas")))
    if d.eget_kapital is not None and len(d.eget_kapital):
        visning.stycke(*vis.eget_kapital(d.eget_kapital, k.ar))
        t = vis.eget_kapital_tabell(d.eget_kapital, k.period, k.enhet("eget_kapital"))
        t.fotnoter += rattelser.noter(k, "eget_kapital")
        visning.tabell(t)


def visa_per_verksamhet(k: Kontext, d: Ekonomi) -> None:
    t = vis.per_verksamhet_tabell(d.per_verksamhet, k.period, k.enhet("drift"), negativa=_negativa(k, "drift"),
                                  periodisering=d.periodisering,
                                  layout=k.kommun.tabellinstallning("drift").get("visas"))
    if d.raderna_summerar:
        t.fotnoter.append(vis.tryckt_totalt_not(d.raderna_summerar, k.enhet("drift"), k.ar))
    t.fotnoter += rattelser.noter(k, "drift")
    visning.tabell(t)
    visning.stycke(*vis.resultat_per_omrade(d.per_verksamhet))


def visa_sarskilda_poster(k: Kontext, d: Ekonomi) -> None:
    if len(d.sarskilda_poster):
        visning.rubrik("Särskilda poster")
        visning.stycke(*sarskilda_poster_meningar(k, d))
        visning.tabell(vis.sarskilda_poster_tabell(d.sarskilda_poster, k.enhet("sarskilda_poster")))


def visa_prognossakerhet(k: Kontext, d: Ekonomi) -> None:
    if len(d.prognossakerhet):
        visning.rubrik("Prognossäkerhet")
        visning.tabell(vis.prognossakerhet_tabell(d.prognossakerhet, d.totalt))
        visning.stycke(vis.prognossakerhet(d.prognossakerhet))


def visa_per_manad(k: Kontext, d: Ekonomi) -> None:
    visning.figur(diagram.ackumulerat_utfall(d.per_manad, k.kommun.palett, namnd=k.namnd.namn, ar=k.ar,
                                             prognos_tkr=d.totalt.prognos))


def visa_resultatoverforing(k: Kontext, d: Ekonomi) -> None:
    """The drift result carried over or repaid, and the analyst's reasons (ekonomi-resultatoverforing.md)."""
    if d.resultatoverforing is not None and len(d.resultatoverforing):
        visning.rubrik("Resultatöverföring driftmedel")
        visning.stycke(*resultatoverforing_meningar(d))
        visning.tabell(vis.resultatoverforing_tabell(d.resultatoverforing, "drift", k.enhet("resultatoverforing"),
                                                     k.decimaler("resultatoverforing")))
        k.visa_kommentar("resultatoverforing", rubrik="Resultatöverföring driftmedel", valfri=True)


def visa_budgetandel(k: Kontext, d: Ekonomi) -> None:
    """Share of the budget per verksamhet, when period.yaml asks for it (visning: {drift: {budgetandel: true}})."""
    if k.period.visning.get("drift", {}).get("budgetandel"):
        visning.figur(diagram.budgetandel(ekonomi.budgetandel(d.per_verksamhet), k.kommun.palett,
                                          namnd=k.namnd.namn, ar=k.ar))

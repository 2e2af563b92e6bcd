"""The economy tables as the reports print them: Tabell resultat and Tabell resultat per verksamhet."""

from __future__ import annotations

import pandas as pd

from .config import MANADER_KORT, Period
from .tabeller import Kolumn, Tabell, belopp, procent


def resultat(rakning: pd.DataFrame, period: Period) -> Tabell:
    """Tabell resultat: one column per (year, bokslut/budget), rows intäkter, kostnader, nettokostnader, resultat."""
    rader = pd.DataFrame({"post": ["Verksamhetens intäkter", "Verksamhetens kostnader", "*Nettokostnader", "Resultat"]})
    kolumner = [Kolumn("Ekonomi, mnkr", "post")]
    for i, k in rakning.iterrows():
        nyckel = f"k{i}"
        rader[nyckel] = [k["intakter"], k["kostnader"], k["nettokostnad"], k["resultat"]]
        etikett = ("Budget" if k["typ"] == "budget" else ("Bokslut" if period.till_manad == 12 or k["ar"] < period.ar
                                                          else f"Utfall jan–{MANADER_KORT[period.till_manad - 1].lower()}"))
        kolumner.append(Kolumn(f"{etikett} {k['ar']}", nyckel, belopp("mnkr")))
    return Tabell("Tabell resultat", kolumner, rader, fotnoter=["*Budgeterade nettokostnader motsvarar ram enligt fullmäktige."],
                  id="tabell-resultat")


def per_verksamhet(tabell: pd.DataFrame, period: Period) -> Tabell:
    """Tabell resultat per verksamhet, with subtotals; for part-year periods also helårsprognos."""
    ar = period.ar
    delar = period.till_manad < 12
    utfall = f"Utfall jan–{MANADER_KORT[period.till_manad - 1].lower()} {ar}" if delar else f"Utfall {ar}"
    budget = f"Budget jan–{MANADER_KORT[period.till_manad - 1].lower()} {ar}" if delar else f"Budget {ar}"
    kolumner = [
        Kolumn("Enhet (belopp i tkr, nettokostnader)", "verksamhet"),
        Kolumn(utfall, "utfall", belopp("tkr")),
        Kolumn(budget, "budget", belopp("tkr")),
        Kolumn("Avvikelse", "avvikelse", belopp("tkr")),
        Kolumn("Avvikelse, %", "avvikelse_procent", procent(1)),
    ]
    if tabell["prognos"].notna().any():
        kolumner += [
            Kolumn(f"Budget helår {ar}", "budget_helar", belopp("tkr")),
            Kolumn(f"Prognos helår {ar}", "prognos", belopp("tkr")),
            Kolumn("Prognosavvikelse", "prognosavvikelse", belopp("tkr")),
        ]
    return Tabell("Tabell resultat per verksamhet", kolumner, tabell, enhet="tkr",
                  fotnoter=["Avvikelse = budget − utfall; positivt belopp är ett överskott."],
                  id="tabell-resultat-per-verksamhet")


def prognossakerhet(sakerhet: pd.DataFrame, r, enhet: str = "mnkr") -> Tabell:
    """Prognossäkerhet: the year's result and each forecast, one row per forecast."""
    rader = sakerhet.assign(utfall=r.utfall, budget=r.budget, avvikelse=r.avvikelse)
    return Tabell("Prognossäkerhet", [
        Kolumn("Prognostillfälle", "tillfalle"), Kolumn("Nettokostnader, utfall", "utfall", belopp(enhet)),
        Kolumn("Budget", "budget", belopp(enhet)), Kolumn("Avvikelse", "avvikelse", belopp(enhet)),
        Kolumn("Prognos, avvikelse", "prognosavvikelse", belopp(enhet)),
        Kolumn("Differens prognos mot utfall", "differens", belopp(enhet)),
        Kolumn("Differens, % av budget", "differens_procent", procent(1))], rader, enhet=enhet,
        fotnoter=["Differens = årets avvikelse − prognostiserad avvikelse; positivt: utfallet blev bättre än prognosen."])


def sarskilda_poster(poster: pd.DataFrame, enhet: str = "tkr") -> Tabell:
    return Tabell("Särskilda poster", [Kolumn("Post", "post"), Kolumn("Belopp", "belopp", belopp(enhet)),
                                       Kolumn("Kommentar", "kommentar")], poster, enhet=enhet)

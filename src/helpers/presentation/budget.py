"""Strategi och budget: driftbudget per verksamhet with the ramförändring from the year before,
investeringsbudget over the plan years and exploateringsbudget."""

from __future__ import annotations

import pandas as pd

from helpers.presentation import format as fmt


def driftbudget_mening(namnd_genitiv: str, budget: pd.DataFrame, ar: int, beslut: str | None = None) -> str | None:
    """'Kommunstyrelsens driftbudget för 2021 är 247,0 mnkr enligt kommunfullmäktiges beslut 2020-11-09 § 185.'"""
    tot = budget[budget["radtyp"] == "totalt"]
    if tot.empty:
        return None
    text = f"{namnd_genitiv} driftbudget för {ar} är {fmt.mnkr(tot['budget'].iloc[0])}"
    if beslut:
        text += f" enligt {beslut}"
    f = tot["forandring"].iloc[0]
    if not fmt.saknas(f):
        text += (f". Det är {fmt.mnkr(abs(f))} {'mer' if f > 0 else 'mindre'} än budgeten för {ar - 1}"
                 if fmt.avrunda(f / 1000, 1) != 0 else f". Det är samma nivå som budgeten för {ar - 1}")
    return text + "."


def driftbudget_tabell(rader: pd.DataFrame, ar: int, enhet: str = "tkr"):
    from helpers.presentation.tabell import Kolumn, Tabell, belopp, procent

    return Tabell("Driftbudget per verksamhet", [
        Kolumn("Verksamhet (nettokostnad)", "verksamhet"), Kolumn(f"Budget {ar - 1}", "budget_fore", belopp(enhet)),
        Kolumn(f"Budget {ar}", "budget", belopp(enhet)), Kolumn("Förändring", "forandring", belopp(enhet)),
        Kolumn("Förändring, %", "forandring_procent", procent(1))], rader, enhet=enhet)


def investeringsbudget_tabell(rader: pd.DataFrame, kolumner: list[str], enhet: str = "tkr"):
    from helpers.presentation.tabell import Kolumn, Tabell, belopp

    return Tabell("Investeringsbudget", [Kolumn("Investeringsprojekt", "projekt")]
                  + [Kolumn(k, k, belopp(enhet)) for k in kolumner], rader, enhet=enhet)


def exploatering_tabell(rader: pd.DataFrame, ar: int, enhet: str = "tkr"):
    """Costs printed negative, as exploateringsbudgetar do (nettoresultat = intäkt + kostnad)."""
    from helpers.presentation.tabell import Kolumn, Tabell, belopp

    visning = rader.assign(kostnad_visad=-rader["kostnad"],
                           etikett=[f"{n} {p}".strip() for n, p in zip(rader["projektnr"].fillna(""), rader["projekt"])])
    return Tabell(f"Exploateringsbudget {ar}", [
        Kolumn("Projekt", "etikett"), Kolumn("Intäkt", "intakt", belopp(enhet)),
        Kolumn("Kostnad", "kostnad_visad", belopp(enhet)), Kolumn("Nettoresultat", "netto", belopp(enhet))],
        visning, enhet=enhet, fotnoter=["Kostnader redovisas med minustecken."])


def finansforvaltning_tabeller(rader: pd.DataFrame, sammanstallning: pd.DataFrame, ar: int, enhet: str = "tkr"):
    """Shown as the ledger prints it: intäkter with a minus sign, kostnader without."""
    from helpers.presentation.tabell import Kolumn, Tabell, belopp

    visade = rader.copy()
    intakt = visade["post"] == "Intäkter"
    for y in (ar - 1, ar):
        visade.loc[intakt, f"budget_{y}"] = -visade.loc[intakt, f"budget_{y}"]
    kol = [Kolumn("Belopp i tkr", "post")] + [Kolumn(f"Budget {y}", f"budget_{y}", belopp(enhet)) for y in (ar - 1, ar)]
    noter = ["Intäkter redovisas med minustecken och kostnader utan; netto = kostnader − intäkter."]
    return (Tabell("Finansförvaltning", kol, visade, enhet=enhet, fotnoter=noter),
            Tabell("Sammanställning finansförvaltningen", [Kolumn("Netto", "post")] + kol[1:], sammanstallning,
                   enhet=enhet))


"""Investment follow-up: per project utfall against budget helår, utilisation and överföring."""

from __future__ import annotations

import pandas as pd

from helpers.berakning.investering import totalt
from helpers.presentation import format as fmt
from helpers.presentation.format import NBSP


def sammanfattning(investeringar: pd.DataFrame, ar: int, period_namn: str) -> list[str]:
    """'Det sammanlagda utfallet på investeringarna 2020 är 62,1 mnkr. Utfallet innebär att 55 % av
    investeringsbudgeten är förbrukad.' plus the proposed överföring."""
    if investeringar[investeringar["ar"] == ar].empty:
        return []
    t = totalt(investeringar, ar)
    meningar = [f"Det sammanlagda utfallet på investeringarna {period_namn} är {fmt.kronor(t['utfall'])}."]
    if t["utnyttjande"] is not None:
        meningar.append(f"Utfallet innebär att {fmt.procent(t['utnyttjande'], 0)} av investeringsbudgeten "
                        f"({fmt.kronor(t['budget'])}) är förbrukad.")
    if not fmt.saknas(t["prognos"]):
        meningar.append(f"Prognosen för helåret är {fmt.mnkr(t['prognos'])}.")
    if not fmt.saknas(t["overforing"]) and t["overforing"] > 0:
        meningar.append(f"För projekt som fortfarande pågår föreslås sammanlagt {fmt.tal(t['overforing'])}{NBSP}tkr "
                        f"att överföras till {ar + 1} års investeringsbudget.")
    return meningar


def storsta(investeringar: pd.DataFrame, ar: int, antal: int = 3) -> str | None:
    """'De största investeringarna under året är IT investeringar (24,4 mnkr av budgeterade 15,0 mnkr), …'"""
    inv = investeringar[(investeringar["ar"] == ar) & investeringar["utfall"].notna() & (investeringar["utfall"] > 0)]
    if inv.empty:
        return None
    delar = []
    for r in inv.nlargest(antal, "utfall").itertuples():
        budget = "" if fmt.saknas(r.budget) or not r.budget else f" av budgeterade {fmt.kronor(r.budget)}"
        delar.append(f"{r.projekt} ({fmt.kronor(r.utfall)}{budget})")
    return f"De största investeringarna under året är {fmt.upprakning(delar)}."


def tabell(rader: pd.DataFrame, period_namn: str, ar: int, enhet: str = "tkr", decimaler: int | None = None):
    from helpers.presentation.tabell import Kolumn, Tabell, belopp, procent

    kol = [Kolumn("Projekt", "projekt"), Kolumn(f"Utfall {period_namn}", "utfall", belopp(enhet, decimaler)),
           Kolumn(f"Budget helår {ar}", "budget", belopp(enhet, decimaler)),
           Kolumn("Avvikelse", "avvikelse", belopp(enhet, decimaler)),
           Kolumn("Utfall i % av budget helår", "utnyttjande", procent(0))]
    if rader["prognos"].notna().any():
        kol.append(Kolumn(f"Prognos helår {ar}", "prognos", belopp(enhet, decimaler)))
    if rader["overforing"].notna().any():
        kol.append(Kolumn(f"Överföras till {ar + 1}", "overforing", belopp(enhet, decimaler)))
    return Tabell("Tabell investeringar", kol, rader, enhet=enhet)


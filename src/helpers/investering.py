"""Investment follow-up: per project utfall against budget helår, utilisation and överföring."""

from __future__ import annotations

import pandas as pd

from . import format as fmt
from .format import NBSP

GRUPPRUBRIK = {"projekt": None, "pagaende": "Pågående projekt", "fardigstallt": "Färdigställda investeringar",
               "reserv": None}


def per_projekt(investeringar: pd.DataFrame, ar: int) -> pd.DataFrame:
    """Project rows with utnyttjande (utfall in % of budget) and a Summa row per group, reserves last.
    Amounts in tkr; the sign convention is the internal one (spending positive)."""
    inv = investeringar[investeringar["ar"] == ar].copy()
    inv["grupp"] = inv["grupp"].fillna("projekt")
    rader = []
    for grupp, df in inv[inv["grupp"] != "reserv"].groupby("grupp", sort=False):
        if GRUPPRUBRIK.get(grupp):
            rader.append({"projekt": GRUPPRUBRIK[grupp], "radtyp": "rubrik"})
        for r in df.itertuples():
            rader.append({"projekt": f"{r.projektnr} - {r.projekt}" if not fmt.saknas(r.projektnr) and r.projektnr else r.projekt, "utfall": r.utfall, "budget": r.budget, "prognos": r.prognos,
                          "overforing": r.overforing, "radtyp": "rad"})
        rader.append({"projekt": "Summa", "utfall": df["utfall"].sum(min_count=1), "budget": df["budget"].sum(min_count=1),
                      "prognos": df["prognos"].sum(min_count=1), "overforing": df["overforing"].sum(min_count=1),
                      "radtyp": "summa"})
    reserv = inv[inv["grupp"] == "reserv"]
    for r in reserv.itertuples():
        rader.append({"projekt": r.projekt, "utfall": r.utfall, "budget": r.budget, "radtyp": "rad"})
    if len(reserv):
        rader.append({"projekt": "Summa investeringsprojekt", "utfall": inv["utfall"].sum(min_count=1),
                      "budget": inv["budget"].sum(min_count=1), "radtyp": "totalt"})
        rader.append({"projekt": "Återstår av budget", "budget": inv["budget"].sum() - inv["utfall"].sum(),
                      "radtyp": "rad"})
    ut = pd.DataFrame(rader)
    for kol in ("utfall", "budget", "prognos", "overforing"):
        if kol not in ut:
            ut[kol] = pd.NA
    ut["avvikelse"] = ut["budget"] - ut["utfall"]  # positive = budget left (helpers.tecken)
    ut["utnyttjande"] = [u / b * 100 if not fmt.saknas(u) and not fmt.saknas(b) and b else None
                         for u, b in zip(ut["utfall"], ut["budget"])]
    return ut


def totalt(investeringar: pd.DataFrame, ar: int) -> dict:
    inv = investeringar[investeringar["ar"] == ar]
    utfall, budget = inv["utfall"].sum(), inv["budget"].sum()
    return {"utfall": utfall, "budget": budget, "overforing": inv["overforing"].sum(min_count=1),
            "utnyttjande": utfall / budget * 100 if budget else None,
            "prognos": inv["prognos"].sum(min_count=1)}


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
    from .tabeller import Kolumn, Tabell, belopp, procent

    kol = [Kolumn("Projekt", "projekt"), Kolumn(f"Utfall {period_namn}", "utfall", belopp(enhet, decimaler)),
           Kolumn(f"Budget helår {ar}", "budget", belopp(enhet, decimaler)),
           Kolumn("Avvikelse", "avvikelse", belopp(enhet, decimaler)),
           Kolumn("Utfall i % av budget helår", "utnyttjande", procent(0))]
    if rader["prognos"].notna().any():
        kol.append(Kolumn(f"Prognos helår {ar}", "prognos", belopp(enhet, decimaler)))
    if rader["overforing"].notna().any():
        kol.append(Kolumn(f"Överföras till {ar + 1}", "overforing", belopp(enhet, decimaler)))
    return Tabell("Tabell investeringar", kol, rader, enhet=enhet)

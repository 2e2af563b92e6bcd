"""Investment follow-up: per project utfall against budget helår, utilisation and överföring."""

from __future__ import annotations

import pandas as pd

from helpers.indata.tal import saknas

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
            rader.append({"projekt": f"{r.projektnr} - {r.projekt}" if not saknas(r.projektnr) and r.projektnr else r.projekt, "utfall": r.utfall, "budget": r.budget, "prognos": r.prognos,
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
    ut["avvikelse"] = ut["budget"] - ut["utfall"]  # positive = budget left (helpers.indata.tecken)
    ut["utnyttjande"] = [u / b * 100 if not saknas(u) and not saknas(b) and b else None
                         for u, b in zip(ut["utfall"], ut["budget"])]
    return ut


def totalt(investeringar: pd.DataFrame, ar: int) -> dict:
    inv = investeringar[investeringar["ar"] == ar]
    utfall, budget = inv["utfall"].sum(), inv["budget"].sum()
    return {"utfall": utfall, "budget": budget, "overforing": inv["overforing"].sum(min_count=1),
            "utnyttjande": utfall / budget * 100 if budget else None,
            "prognos": inv["prognos"].sum(min_count=1)}


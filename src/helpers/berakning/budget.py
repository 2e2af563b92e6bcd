"""Strategi och budget: driftbudget per verksamhet with the ramförändring from the year before,
investeringsbudget over the plan years and exploateringsbudget."""

from __future__ import annotations

import pandas as pd

from helpers.berakning import ekonomi
from helpers.indata.tal import saknas


def driftbudget(drift: pd.DataFrame, ar: int) -> pd.DataFrame:
    """Budget ``ar`` against budget ``ar - 1`` per verksamhet, with subtotals (the drift table's hierarchy)."""
    nu = ekonomi.per_verksamhet(drift, ar)
    fore = ekonomi.per_verksamhet(drift[drift["ar"] == ar - 1], ar - 1)
    nyckel = ["verksamhet", "radtyp", "grupp"]
    fore = fore[nyckel + ["budget"]].rename(columns={"budget": "budget_fore"})
    ut = nu[nyckel + ["djup", "budget"]].merge(fore, on=nyckel, how="left", sort=False)
    ut["forandring"] = ut["budget"] - ut["budget_fore"]
    ut["forandring_procent"] = [d / f * 100 if not saknas(d) and not saknas(f) and f else None
                                for d, f in zip(ut["forandring"], ut["budget_fore"])]
    return ut


def investeringsbudget(inv: pd.DataFrame, ar: int) -> tuple[pd.DataFrame, list[str]]:
    """Projects × years: 'Budget tom <ar-1>' (granted before), 'Budget <ar>', then 'Plan <år>'; Summa last."""
    kolumner = {}
    for r in inv.sort_values("ar").itertuples():
        namn = (f"Budget tom {ar - 1}" if r.typ == "tidigare" else
                f"{'Budget' if r.typ == 'budget' else 'Plan'} {r.ar}")
        kolumner.setdefault(namn, (0 if r.typ == "tidigare" else 1, r.ar))
    ordning = sorted(kolumner, key=lambda k: kolumner[k])
    rader = []
    for projekt, df in inv.groupby("projekt", sort=False):
        rad = {"projekt": projekt, "radtyp": "rad"}
        for r in df.itertuples():
            namn = (f"Budget tom {ar - 1}" if r.typ == "tidigare" else
                    f"{'Budget' if r.typ == 'budget' else 'Plan'} {r.ar}")
            rad[namn] = r.belopp
        rader.append(rad)
    ut = pd.DataFrame(rader)
    summa = {"projekt": "Summa", "radtyp": "totalt", **{k: ut[k].sum(min_count=1) for k in ordning}}
    return pd.concat([ut, pd.DataFrame([summa])], ignore_index=True), ordning


def exploatering(expl: pd.DataFrame, ar: int) -> pd.DataFrame:
    """Per project: intäkt, kostnad and nettoresultat (intäkt − kostnad), then Totalsumma."""
    d = expl[expl["ar"] == ar].copy()
    d["netto"] = d["intakt"].fillna(0) - d["kostnad"].fillna(0)
    d["radtyp"] = "rad"
    summa = {"projektnr": "", "projekt": "Totalsumma", "radtyp": "totalt",
             **{k: d[k].sum() for k in ("intakt", "kostnad", "netto")}}
    return pd.concat([d, pd.DataFrame([summa])], ignore_index=True)


def finansforvaltning(finans: pd.DataFrame, ar: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per post (Intäkter, Kostnader, Netto for budget ``ar - 1`` and ``ar``) with a Summa per group of
    more than one post, and the Sammanställning per group. Netto = kostnader − intäkter."""
    d = finans[finans["ar"].isin([ar - 1, ar])].copy()
    d["netto"] = d["kostnader"].fillna(0) - d["intakter"].fillna(0)
    rader, sammanstallning = [], []

    def block(etikett, df, radtyp, djup=0):
        rader.append({"post": etikett, "radtyp": "rubrik", "djup": djup})
        for del_, kolumn in (("Intäkter", "intakter"), ("Kostnader", "kostnader"), ("Netto", "netto")):
            varden = {y: df.loc[df["ar"] == y, kolumn].sum(min_count=1) for y in (ar - 1, ar)}
            if del_ != "Netto" and all(saknas(v) for v in varden.values()):
                continue
            rader.append({"post": del_, "radtyp": radtyp if del_ == "Netto" else "rad", "djup": djup + 1,
                          f"budget_{ar - 1}": varden[ar - 1], f"budget_{ar}": varden[ar]})

    for grupp, g in d.groupby("grupp", sort=False):
        poster = list(dict.fromkeys(g["post"]))
        for post in poster:
            block(post, g[g["post"] == post], "summa")
        if len(poster) > 1:
            block(f"Summa {grupp[:1].lower()}{grupp[1:]}", g, "totalt")
        sammanstallning.append({"post": grupp, "radtyp": "rad",
                                **{f"budget_{y}": g.loc[g["ar"] == y, "netto"].sum() for y in (ar - 1, ar)}})
    return pd.DataFrame(rader), pd.DataFrame(sammanstallning)


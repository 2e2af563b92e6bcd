"""Strategi och budget: driftbudget per verksamhet with the ramförändring from the year before,
investeringsbudget over the plan years and exploateringsbudget."""

from __future__ import annotations

import pandas as pd

from . import ekonomi
from . import format as fmt


def driftbudget(drift: pd.DataFrame, ar: int) -> pd.DataFrame:
    """Budget ``ar`` against budget ``ar - 1`` per verksamhet, with subtotals (the drift table's hierarchy)."""
    nu = ekonomi.per_verksamhet(drift, ar)
    fore = ekonomi.per_verksamhet(drift[drift["ar"] == ar - 1], ar - 1)
    nyckel = ["verksamhet", "radtyp", "grupp"]
    fore = fore[nyckel + ["budget"]].rename(columns={"budget": "budget_fore"})
    ut = nu[nyckel + ["djup", "budget"]].merge(fore, on=nyckel, how="left", sort=False)
    ut["forandring"] = ut["budget"] - ut["budget_fore"]
    ut["forandring_procent"] = [d / f * 100 if not fmt.saknas(d) and not fmt.saknas(f) and f else None
                                for d, f in zip(ut["forandring"], ut["budget_fore"])]
    return ut


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
    from .tabeller import Kolumn, Tabell, belopp, procent

    return Tabell("Driftbudget per verksamhet", [
        Kolumn("Verksamhet (nettokostnad)", "verksamhet"), Kolumn(f"Budget {ar - 1}", "budget_fore", belopp(enhet)),
        Kolumn(f"Budget {ar}", "budget", belopp(enhet)), Kolumn("Förändring", "forandring", belopp(enhet)),
        Kolumn("Förändring, %", "forandring_procent", procent(1))], rader, enhet=enhet)


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


def investeringsbudget_tabell(rader: pd.DataFrame, kolumner: list[str], enhet: str = "tkr"):
    from .tabeller import Kolumn, Tabell, belopp

    return Tabell("Investeringsbudget", [Kolumn("Investeringsprojekt", "projekt")]
                  + [Kolumn(k, k, belopp(enhet)) for k in kolumner], rader, enhet=enhet)


def exploatering(expl: pd.DataFrame, ar: int) -> pd.DataFrame:
    """Per project: intäkt, kostnad and nettoresultat (intäkt − kostnad), then Totalsumma."""
    d = expl[expl["ar"] == ar].copy()
    d["netto"] = d["intakt"].fillna(0) - d["kostnad"].fillna(0)
    d["radtyp"] = "rad"
    summa = {"projektnr": "", "projekt": "Totalsumma", "radtyp": "totalt",
             **{k: d[k].sum() for k in ("intakt", "kostnad", "netto")}}
    return pd.concat([d, pd.DataFrame([summa])], ignore_index=True)


def exploatering_tabell(rader: pd.DataFrame, ar: int, enhet: str = "tkr"):
    """Costs printed negative, as exploateringsbudgetar do (nettoresultat = intäkt + kostnad)."""
    from .tabeller import Kolumn, Tabell, belopp

    visning = rader.assign(kostnad_visad=-rader["kostnad"],
                           etikett=[f"{n} {p}".strip() for n, p in zip(rader["projektnr"].fillna(""), rader["projekt"])])
    return Tabell(f"Exploateringsbudget {ar}", [
        Kolumn("Projekt", "etikett"), Kolumn("Intäkt", "intakt", belopp(enhet)),
        Kolumn("Kostnad", "kostnad_visad", belopp(enhet)), Kolumn("Nettoresultat", "netto", belopp(enhet))],
        visning, enhet=enhet, fotnoter=["Kostnader redovisas med minustecken."])


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
            if del_ != "Netto" and all(fmt.saknas(v) for v in varden.values()):
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


def finansforvaltning_tabeller(rader: pd.DataFrame, sammanstallning: pd.DataFrame, ar: int, enhet: str = "tkr"):
    """Shown as the ledger prints it: intäkter with a minus sign, kostnader without."""
    from .tabeller import Kolumn, Tabell, belopp

    visade = rader.copy()
    intakt = visade["post"] == "Intäkter"
    for y in (ar - 1, ar):
        visade.loc[intakt, f"budget_{y}"] = -visade.loc[intakt, f"budget_{y}"]
    kol = [Kolumn("Belopp i tkr", "post")] + [Kolumn(f"Budget {y}", f"budget_{y}", belopp(enhet)) for y in (ar - 1, ar)]
    noter = ["Intäkter redovisas med minustecken och kostnader utan; netto = kostnader − intäkter."]
    return (Tabell("Finansförvaltning", kol, visade, enhet=enhet, fotnoter=noter),
            Tabell("Sammanställning finansförvaltningen", [Kolumn("Netto", "post")] + kol[1:], sammanstallning,
                   enhet=enhet))

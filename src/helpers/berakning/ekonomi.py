"""Economy computations: result per verksamhet with subtotals, the resultaträkning, monthly accumulation.

All arithmetic runs on unrounded tkr; rounding happens once, when ``helpers.presentation.format`` prints.
Signs follow ``helpers.indata.tecken`` (avvikelse = budget − utfall, positive = överskott).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.indata import tecken

BELOPP = ["budget", "budget_helar", "utfall", "prognos"]


def _summa(serie: pd.Series):
    return serie.sum(min_count=1)


def per_verksamhet_belopp(drift: pd.DataFrame, ar: int, till_manad: int = 12) -> pd.DataFrame:
    """Accumulated budget and utfall to the period's end, plus helårsbudget and helårsprognos, per verksamhet.

    Helår rows (no month) carry annual amounts; for a part-year period their budget is periodised
    linearly (budget × månader/12), since no monthly budget says otherwise.
    """
    d = drift[drift["ar"] == ar].copy()
    manad = pd.to_numeric(d["manad"], errors="coerce")
    helar = manad.isna()
    inom = helar | (manad <= till_manad)
    d["budget_helar"] = d["budget"]
    d["budget"] = d["budget"].where(~helar, d["budget"] * till_manad / 12).where(inom)
    d["utfall"] = d["utfall"].where(inom)
    ordning = list(dict.fromkeys(d["verksamhet"]))
    belopp = d.groupby("verksamhet", sort=False)[BELOPP].agg(_summa).reindex(ordning)
    foralder = d.groupby("verksamhet", sort=False)["overordnad"].first().reindex(ordning)
    belopp["overordnad"] = [None if pd.isna(f) or f == "" else f for f in foralder]
    belopp["overordnad"] = belopp["overordnad"].astype(object)
    return belopp


def per_verksamhet(drift: pd.DataFrame, ar: int, till_manad: int = 12, *, totalt: str = "Totalt",
                   summa: str = "Summa") -> pd.DataFrame:
    """Rows in display order: verksamheter grouped under their parent with a Summa row, then Totalt.

    Columns: verksamhet, radtyp (rad | rubrik | summa | totalt), djup, budget, utfall, avvikelse,
    avvikelse_procent, budget_helar, prognos, prognosavvikelse. Any depth of parents works.
    """
    belopp = per_verksamhet_belopp(drift, ar, till_manad)
    barn: dict[str | None, list[str]] = {}
    for namn, rad in belopp.iterrows():
        foralder = rad["overordnad"]
        if not pd.isna(foralder):
            barn.setdefault(foralder, []).append(namn)
    # Top level, in file order of the first row under each root. A heading with no row of its own
    # cannot declare a parent, so it is a root.
    toppnivaa: list[str] = []
    for namn in belopp.index:
        rot = namn
        while rot in belopp.index and not pd.isna(belopp.at[rot, "overordnad"]):
            rot = belopp.at[rot, "overordnad"]
        if rot not in toppnivaa:
            toppnivaa.append(rot)

    rader: list[dict] = []

    def lov(namn) -> pd.DataFrame:
        under = [lov(b) for b in barn.get(namn, [])]
        egen = belopp.loc[[namn], BELOPP] if namn in belopp.index else None
        delar = [u for u in under if not u.empty] + ([egen] if egen is not None else [])
        return pd.concat(delar) if delar else pd.DataFrame(columns=BELOPP)

    def skriv(namn, djup):
        if namn in barn:
            rader.append({"verksamhet": namn, "radtyp": "rubrik", "djup": djup})
            if namn in belopp.index:
                rader.append({"verksamhet": namn, "radtyp": "rad", "djup": djup + 1, **belopp.loc[namn, BELOPP]})
            for b in barn[namn]:
                skriv(b, djup + 1)
            rader.append({"verksamhet": summa, "radtyp": "summa", "djup": djup, "grupp": namn,
                          **lov(namn).agg(_summa)})
        else:
            rader.append({"verksamhet": namn, "radtyp": "rad", "djup": djup, **belopp.loc[namn, BELOPP]})

    for namn in toppnivaa:
        skriv(namn, 0)
    rader.append({"verksamhet": totalt, "radtyp": "totalt", "djup": 0, **belopp[BELOPP].agg(_summa)})
    ut = pd.DataFrame(rader)
    for k in BELOPP:
        ut[k] = pd.to_numeric(ut.get(k), errors="coerce")
    ut["avvikelse"] = tecken.avvikelse(ut["budget"], ut["utfall"])
    ut["avvikelse_procent"] = [tecken.avvikelse_procent(a, b) for a, b in zip(ut["avvikelse"], ut["budget"])]
    ut["prognosavvikelse"] = tecken.avvikelse(ut["budget_helar"], ut["prognos"])
    if "grupp" not in ut:
        ut["grupp"] = None
    return ut


@dataclass(frozen=True)
class Resultat:
    """Headline figures of a nämnd's drift for the period, in tkr."""

    utfall: float
    budget: float
    budget_helar: float
    prognos: float | None

    @property
    def avvikelse(self) -> float:
        return tecken.avvikelse(self.budget, self.utfall)

    @property
    def avvikelse_procent(self) -> float | None:
        return tecken.avvikelse_procent(self.avvikelse, self.budget)

    @property
    def andel_av_budget(self) -> float | None:
        """Utfallets andel av årsbudget, in percent."""
        return None if not self.budget_helar else self.utfall / self.budget_helar * 100

    @property
    def prognosavvikelse(self) -> float | None:
        return None if self.prognos is None else tecken.avvikelse(self.budget_helar, self.prognos)


def totalt(tabell: pd.DataFrame) -> Resultat:
    rad = tabell[tabell["radtyp"] == "totalt"].iloc[0]
    prognos = rad["prognos"]
    return Resultat(float(rad["utfall"]), float(rad["budget"]), float(rad["budget_helar"]),
                    None if pd.isna(prognos) else float(prognos))


def resultatrakning(resultat: pd.DataFrame, drift: pd.DataFrame, innevarande: Resultat, ar: int) -> pd.DataFrame:
    """The 'Tabell resultat' columns: earlier years' bokslut, this year's budget and utfall.

    Nettokostnad comes from the drift table when it has the year (tkr precision: the published figure
    is the drift total, not kostnader − intäkter of rounded components), else from the resultat table,
    else kostnader − intäkter. For the report year the budget column is the helårsbudget (the ram) and
    the utfall column the accumulated utfall; Resultat = accumulated budget − accumulated utfall. For
    earlier years without a budget in the data, Resultat is the resultat column as given.
    ``innevarande`` is the report year's drift total (``totalt(per_verksamhet(...))``), computed once by
    the caller.
    """
    if resultat.empty:
        return pd.DataFrame(columns=["ar", "typ", "intakter", "kostnader", "nettokostnad", "resultat"])
    if not (drift["ar"] == ar).any():
        innevarande = None
    kolumner = []
    for r in resultat.itertuples(index=False):
        netto = None
        if r.ar == ar and innevarande is not None:
            netto = innevarande.budget_helar if r.typ == "budget" else innevarande.utfall
        elif (drift["ar"] == r.ar).any():
            netto = _summa(drift.loc[drift["ar"] == r.ar, r.typ])
        if netto is None or pd.isna(netto):
            netto = r.nettokostnad if not pd.isna(r.nettokostnad) else r.kostnader - r.intakter
        if r.typ == "budget":
            res = None
        elif r.ar == ar and innevarande is not None:
            res = innevarande.avvikelse
        else:
            budget = resultat[(resultat["ar"] == r.ar) & (resultat["typ"] == "budget")]
            res = r.resultat if budget.empty else None
        kolumner.append({"ar": int(r.ar), "typ": r.typ, "intakter": r.intakter, "kostnader": r.kostnader,
                         "nettokostnad": netto, "resultat": res})
    ut = pd.DataFrame(kolumner)
    ut["_ordning"] = [(a, 0 if t == "budget" else 1) for a, t in zip(ut["ar"], ut["typ"])]
    return ut.sort_values("_ordning").drop(columns="_ordning").reset_index(drop=True)


def ackumulerat_per_manad(drift: pd.DataFrame, ar: int) -> pd.DataFrame:
    """Accumulated utfall, budget and (flat) prognos per month, for the chart. Empty without monthly data."""
    d = drift[(drift["ar"] == ar) & pd.to_numeric(drift["manad"], errors="coerce").notna()]
    if d.empty:
        return pd.DataFrame(columns=["manad", "utfall", "budget"])
    per_manad = d.groupby("manad")[["budget", "utfall"]].agg(_summa).reindex(range(1, 13))
    ack = per_manad.cumsum()
    ack["utfall"] = ack["utfall"].where(per_manad["utfall"].notna())
    ack.index.name = "manad"
    return ack.reset_index()


def prognossakerhet(prognoser: pd.DataFrame, r: Resultat, ar: int) -> pd.DataFrame:
    """Each earlier forecast of the year against the outcome: differens = avvikelse − prognosavvikelse
    (positive: the year ended better than forecast)."""
    p = prognoser[prognoser["ar"] == ar]
    return pd.DataFrame([{"tillfalle": t.tillfalle, "prognosavvikelse": t.prognosavvikelse,
                          "differens": r.avvikelse - t.prognosavvikelse,
                          "differens_procent": tecken.avvikelse_procent(r.avvikelse - t.prognosavvikelse, r.budget)}
                         for t in p.itertuples()])

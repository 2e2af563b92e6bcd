"""Economy computations: result per verksamhet with subtotals, the resultaträkning, monthly accumulation.

All arithmetic runs on unrounded tkr; rounding happens once, when ``helpers.presentation.format`` prints.
Signs follow ``helpers.indata.tecken`` (avvikelse = budget − utfall, positive = överskott).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.indata import tecken
from helpers.indata.scheman import ARETS_RESULTAT, BALANSRESULTAT, VERKSAMHETENS_INTAKTER, VERKSAMHETENS_KOSTNADER

BELOPP = ["budget", "budget_helar", "utfall", "prognos", "utfall_fore"]


def _summa(serie: pd.Series):
    return serie.sum(min_count=1)


PERIODISERINGAR = ("angiven", "manad", "linjar")  # the rules for the period budget, most precise first


def _ar_varav(serie: pd.Series) -> pd.Series:
    """Rows that are a "varav" part of another row: never summed."""
    return serie.notna() & (serie.astype(str).str.strip() != "")


def _utan_varav(d: pd.DataFrame) -> pd.DataFrame:
    return d[~_ar_varav(d["varav_till"])] if "varav_till" in d else d


def ackumulerad_budget(drift: pd.DataFrame, ar: int, till_manad: int = 12) -> tuple[pd.DataFrame, dict]:
    """Accumulated budget per verksamhet (rows, file order) and month (columns 1–12), and the rule used per
    verksamhet. The table's period budget is column ``till_manad``; the monthly chart uses the same numbers.

    Rules, most precise first: ``angiven`` — the helår row's ``budget_period`` (the export's own
    periodisation; months before it are spread evenly up to it, months after it evenly up to the
    årsbudget); ``manad`` — the monthly rows' budget, accumulated (plus any helår budget, linearly);
    ``linjar`` — the årsbudget × månader/12, the documented fallback when the export says nothing more.
    """
    d = drift[drift["ar"] == ar]
    manad = pd.to_numeric(d["manad"], errors="coerce")
    manader = list(range(1, 13))
    ack, regler = {}, {}
    for namn, r in d.groupby("verksamhet", sort=False):
        m = manad[r.index]
        helar, per = r[m.isna()], r[m.notna()]
        arsbudget = _summa(helar["budget"])
        manadsbudget = per.groupby(m[per.index])["budget"].agg(_summa).reindex(manader)
        angiven = _summa(helar["budget_period"]) if "budget_period" in helar else float("nan")
        linjar = pd.Series([(0.0 if pd.isna(arsbudget) else arsbudget) * k / 12 for k in manader], index=manader)
        if pd.notna(angiven):
            total = _summa(r["budget"])
            total = angiven if pd.isna(total) else total
            t = till_manad
            varden = [angiven * k / t if k <= t else angiven + (total - angiven) * (k - t) / (12 - t) for k in manader]
            ack[namn], regler[namn] = pd.Series(varden, index=manader), "angiven"
        elif manadsbudget.notna().any():
            ack[namn], regler[namn] = manadsbudget.fillna(0).cumsum() + linjar, "manad"
        elif pd.notna(arsbudget):
            ack[namn], regler[namn] = linjar, "linjar"
        else:
            ack[namn], regler[namn] = pd.Series(float("nan"), index=manader), None
    tabell = pd.DataFrame(ack).T.reindex(columns=manader) if ack else pd.DataFrame(columns=manader)
    return tabell, regler


def periodisering(drift: pd.DataFrame, ar: int, till_manad: int) -> tuple[str, ...]:
    """The rules the period budget used, in PERIODISERINGAR order (empty for a full year: nothing periodised)."""
    if till_manad >= 12:
        return ()
    d = _utan_varav(drift)
    _, regler = ackumulerad_budget(d, ar, till_manad)
    anvanda = set(regler.values())
    return tuple(r for r in PERIODISERINGAR if r in anvanda)


def per_verksamhet_belopp(drift: pd.DataFrame, ar: int, till_manad: int = 12) -> pd.DataFrame:
    """Accumulated budget and utfall to the period's end, plus helårsbudget, helårsprognos and last year's
    full-year utfall (``utfall_fore``), per verksamhet.

    The period budget follows ``ackumulerad_budget`` (given, monthly, or linear). Column ``varav_till``
    names the row a "varav" row is part of (None for ordinary rows).
    """
    d = drift[drift["ar"] == ar].copy()
    manad = pd.to_numeric(d["manad"], errors="coerce")
    inom = manad.isna() | (manad <= till_manad)
    d["budget_helar"] = d["budget"]
    d["utfall"] = d["utfall"].where(inom)
    ordning = list(dict.fromkeys(d["verksamhet"]))
    belopp = d.groupby("verksamhet", sort=False)[["budget_helar", "utfall", "prognos"]].agg(_summa).reindex(ordning)
    # Last year's full-year outcome of the same verksamhet (the reports' "Utfall helår <år − 1>"); a
    # verksamhet that only existed last year has no row this year, so it is not shown.
    fore = drift[drift["ar"] == ar - 1]
    belopp["utfall_fore"] = (fore.groupby("verksamhet", sort=False)["utfall"].agg(_summa).reindex(ordning)
                             if len(fore) else float("nan"))
    periodbudget, _ = ackumulerad_budget(d, ar, till_manad)
    belopp["budget"] = periodbudget[till_manad].reindex(ordning) if len(periodbudget) else float("nan")
    belopp = belopp[BELOPP]
    foralder = d.groupby("verksamhet", sort=False)["overordnad"].first().reindex(ordning)
    belopp["overordnad"] = [None if pd.isna(f) or f == "" else f for f in foralder]
    belopp["overordnad"] = belopp["overordnad"].astype(object)
    varav = (d.groupby("verksamhet", sort=False)["varav_till"].first().reindex(ordning)
             if "varav_till" in d else pd.Series(None, index=ordning, dtype=object))
    belopp["varav_till"] = [None if pd.isna(v) or str(v).strip() == "" else str(v).strip() for v in varav]
    belopp["varav_till"] = belopp["varav_till"].astype(object)
    # a printed avvikelse (from unrounded figures), on the annual row
    belopp["tryckt_avvikelse"] = (d[manad.isna()].groupby("verksamhet", sort=False)["avvikelse"].agg(_summa)
                                  .reindex(ordning) if "avvikelse" in d else float("nan"))
    return belopp


def per_verksamhet(drift: pd.DataFrame, ar: int, till_manad: int = 12, *, totalt: str = "Totalt",
                   summa: str = "Summa") -> pd.DataFrame:
    """Rows in display order: verksamheter grouped under their parent with a Summa row, then Totalt.

    Columns: verksamhet, radtyp (rad | rubrik | summa | totalt), djup, budget, utfall, avvikelse,
    avvikelse_procent, budget_helar, prognos, prognosavvikelse, utfall_fore (last year's full-year utfall;
    NaN without last year's rows). Any depth of parents works.
    """
    alla = per_verksamhet_belopp(drift, ar, till_manad)
    varav_rader = alla[alla["varav_till"].notna()]
    belopp = alla[alla["varav_till"].isna()]
    varav: dict[str, list[str]] = {}
    for namn, rad in varav_rader.iterrows():
        varav.setdefault(rad["varav_till"], []).append(namn)
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

    def skriv_varav(namn, djup):
        # A "varav" row sits directly under the row it is part of, one step in; it never enters a sum.
        for v in varav.pop(namn, []):
            rader.append({"verksamhet": v, "radtyp": "varav", "djup": djup + 1, "grupp": namn,
                          **varav_rader.loc[v, BELOPP]})

    def skriv(namn, djup):
        if namn in barn:
            rader.append({"verksamhet": namn, "radtyp": "rubrik", "djup": djup})
            if namn in belopp.index:
                rader.append({"verksamhet": namn, "radtyp": "rad", "djup": djup + 1, **belopp.loc[namn, BELOPP]})
                skriv_varav(namn, djup + 1)
            for b in barn[namn]:
                skriv(b, djup + 1)
            rader.append({"verksamhet": summa, "radtyp": "summa", "djup": djup, "grupp": namn,
                          **lov(namn).agg(_summa)})
            skriv_varav(namn, djup)
        else:
            rader.append({"verksamhet": namn, "radtyp": "rad", "djup": djup, **belopp.loc[namn, BELOPP]})
            skriv_varav(namn, djup)

    for namn in toppnivaa:
        skriv(namn, 0)
    rader.append({"verksamhet": totalt, "radtyp": "totalt", "djup": 0, **belopp[BELOPP].agg(_summa)})
    skriv_varav(totalt, 0)
    ut = pd.DataFrame(rader)
    for k in BELOPP:
        ut[k] = pd.to_numeric(ut.get(k), errors="coerce")
    ut["avvikelse"] = tecken.avvikelse(ut["budget"], ut["utfall"])
    tryckt = alla["tryckt_avvikelse"].dropna()
    if len(tryckt):  # the row's printed avvikelse wins over the one computed from rounded amounts
        egen = ut["radtyp"].isin(["rad", "varav"]) & ut["verksamhet"].isin(tryckt.index)
        ut.loc[egen, "avvikelse"] = ut.loc[egen, "verksamhet"].map(tryckt)
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


_TYPORDNING = {"budget": 0, "budget_period": 1, "utfall": 2, "avvikelse_period": 3, "prognos": 4,
               "avvikelse_helar": 5}


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
            netto = {"budget": innevarande.budget_helar, "budget_period": innevarande.budget,
                     "prognos": innevarande.prognos}.get(r.typ, innevarande.utfall)
        elif r.typ in ("budget", "utfall") and (drift["ar"] == r.ar).any():
            netto = _summa(_utan_varav(drift).loc[drift["ar"] == r.ar, r.typ])
        if netto is None or pd.isna(netto):
            netto = r.nettokostnad if not pd.isna(r.nettokostnad) else r.kostnader - r.intakter
        if r.typ in ("budget", "budget_period", "prognos"):
            res = None
        elif r.ar == ar and innevarande is not None:
            res = innevarande.avvikelse
        else:
            budget = resultat[(resultat["ar"] == r.ar) & (resultat["typ"] == "budget")]
            res = r.resultat if budget.empty else None
        kolumner.append({"ar": int(r.ar), "typ": r.typ, "intakter": r.intakter, "kostnader": r.kostnader,
                         "nettokostnad": netto, "resultat": res})
    ut = pd.DataFrame(kolumner)
    # Avvikelse columns, computed (positive = better than budget): the period's utfall against the period
    # budget, the helårsprognos against the helårsbudget. Only when the resultat table has the columns.
    typer = set(ut.loc[ut["ar"] == ar, "typ"])
    for avv, budget, mot in (("avvikelse_period", "budget_period", "utfall"), ("avvikelse_helar", "budget", "prognos")):
        if {budget, mot} <= typer:
            b = ut[(ut["ar"] == ar) & (ut["typ"] == budget)].iloc[0]
            u = ut[(ut["ar"] == ar) & (ut["typ"] == mot)].iloc[0]
            ut = pd.concat([ut, pd.DataFrame([{
                "ar": ar, "typ": avv, "intakter": tecken.avvikelse_intakt(b["intakter"], u["intakter"]),
                "kostnader": tecken.avvikelse(b["kostnader"], u["kostnader"]),
                "nettokostnad": tecken.avvikelse(b["nettokostnad"], u["nettokostnad"]), "resultat": None}])],
                ignore_index=True)
    ut["_ordning"] = [(a, _TYPORDNING.get(t, 9)) for a, t in zip(ut["ar"], ut["typ"])]
    return ut.sort_values("_ordning").drop(columns="_ordning").reset_index(drop=True)


def ackumulerat_per_manad(drift: pd.DataFrame, ar: int, till_manad: int = 12) -> pd.DataFrame:
    """Accumulated utfall, budget and (flat) prognos per month, for the chart. Empty without monthly data.

    The budget line is ``ackumulerad_budget`` summed over the verksamheter with monthly rows, so it uses
    the same period budget as the table, whichever rule made it."""
    drift = _utan_varav(drift)
    d = drift[(drift["ar"] == ar) & pd.to_numeric(drift["manad"], errors="coerce").notna()]
    if d.empty:
        return pd.DataFrame(columns=["manad", "utfall", "budget"])
    per_manad = d.groupby("manad")[["utfall"]].agg(_summa).reindex(range(1, 13))
    ack = per_manad.cumsum()
    ack["utfall"] = ack["utfall"].where(per_manad["utfall"].notna())
    # Only the verksamheter with monthly rows: the utfall line has no others either.
    budget, _ = ackumulerad_budget(drift, ar, till_manad)
    budget = budget.loc[[v for v in budget.index if v in set(d["verksamhet"])]]
    ack["budget"] = budget.sum(min_count=1) if len(budget) else float("nan")
    ack.index.name = "manad"
    return ack[["budget", "utfall"]].reset_index()


def resultatposter(poster: pd.DataFrame, ar: int, resultat: pd.DataFrame | None = None,
                   till_manad: int = 12) -> pd.DataFrame:
    """The resultaträkning per kostnadsslag, in the file's order, with computed subtotals.

    Every node of ``overordnad`` (a /-path) becomes a Summa row after its posts; after the roots
    "Årets resultat" = Verksamhetens intäkter − Verksamhetens kostnader (internal signs: both positive).
    "Varav" rows follow the row they are part of and are never summed; when "Årets resultat" has varav
    rows (an uttag ur eget kapital), "Balansresultat" = Årets resultat − them follows. Columns: post,
    radtyp (rad | summa | resultat | varav), djup, kostnad (bool: printed sign setting applies), one column
    per (ar, typ) named ``<typ>_<ar>`` and ``avvikelse_<ar>`` for the report year when it has budget and utfall.
    In a part-year report (``till_manad`` < 12) the helårsbudget is never set against the period's utfall:
    ``avvikelse_period_<ar>`` = budget_period − utfall and ``avvikelse_helar_<ar>`` = budget − prognos, as in
    Tabell resultat, each where its two columns exist.

    Printed (rounded) figures: where ``resultat`` (resultat.csv) gives intäkter/kostnader for a column, the
    two totals and Årets resultat are those figures, not the sum of rounded posts (validate checks that they
    agree up to rounding); rows with ``typ = avvikelse`` give a post's printed avvikelse.
    """
    if poster.empty:
        return pd.DataFrame(columns=["post", "radtyp", "djup", "kostnad"])
    p = poster.copy()
    angiven_avvikelse = p[p["typ"] == "avvikelse"]
    p = p[p["typ"] != "avvikelse"]
    p["_kolumn"] = [f"{t}_{int(a)}" for t, a in zip(p["typ"], p["ar"])]
    kolumner = [f"{t}_{a}" for a, t in sorted({(int(a), t) for a, t in zip(p["ar"], p["typ"])},
                                              key=lambda at: (at[0], _TYPORDNING.get(at[1], 9)))]
    varav_mask = _ar_varav(p["varav_till"]) if "varav_till" in p else pd.Series(False, index=p.index)
    vanliga, varav = p[~varav_mask], p[varav_mask]

    def stig(v) -> tuple[str, ...]:
        return tuple(x.strip() for x in str(v).split("/")) if not pd.isna(v) and str(v).strip() else ()

    # The tree in file order: node path → children (sub-node paths or post names).
    barn: dict[tuple, list] = {(): []}
    for r in vanliga.itertuples(index=False):
        s = stig(r.overordnad)
        for i in range(len(s)):
            if s[: i + 1] not in barn:
                barn[s[: i + 1]] = []
                barn[s[:i]].append(("nod", s[: i + 1]))
        if ("post", r.post) not in barn[s]:
            barn[s].append(("post", r.post))

    def varden(delmangd: pd.DataFrame) -> dict:
        return {k: _summa(delmangd.loc[delmangd["_kolumn"] == k, "belopp"]) for k in kolumner}

    def under(nod: tuple) -> pd.DataFrame:
        return vanliga[[stig(o)[: len(nod)] == nod for o in vanliga["overordnad"]]]

    rader: list[dict] = []

    def skriv_varav(namn: str, djup: int, kostnad: bool):
        for r in varav[varav["varav_till"].astype(str).str.strip() == namn]["post"].drop_duplicates():
            rader.append({"post": r, "radtyp": "varav", "djup": djup + 1, "kostnad": kostnad,
                          **varden(varav[varav["post"] == r])})

    def skriv(nod: tuple, djup: int):
        kostnad = nod[0] == VERKSAMHETENS_KOSTNADER
        for slag, namn in barn[nod]:
            if slag == "nod":
                skriv(namn, djup + 1)
            else:
                rader.append({"post": namn, "radtyp": "rad", "djup": djup + 1, "kostnad": kostnad,
                              **varden(vanliga[(vanliga["post"] == namn)
                                               & (vanliga["overordnad"].map(stig) == nod)])})
                skriv_varav(namn, djup + 1, kostnad)
        rader.append({"post": nod[-1], "radtyp": "summa", "djup": djup, "kostnad": kostnad, **varden(under(nod))})
        skriv_varav(nod[-1], djup, kostnad)

    for slag, namn in barn[()]:
        if slag == "nod":
            skriv(namn, 0)
        else:  # a post with no parent: shown as is, not part of a subtotal
            rader.append({"post": namn, "radtyp": "rad", "djup": 0, "kostnad": False,
                          **varden(vanliga[(vanliga["post"] == namn) & (vanliga["overordnad"].map(stig) == ())])})
    intakter = (VERKSAMHETENS_INTAKTER,) in barn
    kostnader = (VERKSAMHETENS_KOSTNADER,) in barn
    tryckt = _tryckta_summor(resultat, kolumner)
    for rad in rader:
        if rad["radtyp"] == "summa" and rad["djup"] == 0:
            rad.update({c: v for c, v in tryckt.get(rad["post"], {}).items() if pd.notna(v)})
    if intakter or kostnader:
        i = next((r for r in rader if r["radtyp"] == "summa" and r["post"] == VERKSAMHETENS_INTAKTER), {})
        k = next((r for r in rader if r["radtyp"] == "summa" and r["post"] == VERKSAMHETENS_KOSTNADER), {})
        # Årets resultat = intäkter − kostnader; a column with neither is not reported (empty, not 0)
        resultat = {c: pd.Series([i.get(c), -k[c] if pd.notna(k.get(c)) else None], dtype="float64").sum(min_count=1)
                    for c in kolumner}
        arets = {c: pd.Series([i.get(c), -k[c] if pd.notna(k.get(c)) else None], dtype="float64").sum(min_count=1)
                 for c in kolumner}
        rader.append({"post": ARETS_RESULTAT, "radtyp": "resultat", "djup": 0, "kostnad": False, **arets})
        fore = len(rader)
        skriv_varav(ARETS_RESULTAT, 0, False)
        if len(rader) > fore:  # part of the result is taken from eget kapital: the balanskrav result excludes it
            uttag = rader[fore:]
            rader.append({"post": BALANSRESULTAT, "radtyp": "resultat", "djup": 0, "kostnad": False,
                          **{c: arets[c] - sum(0.0 if pd.isna(u.get(c)) else u[c] for u in uttag)
                             if pd.notna(arets[c]) else None for c in kolumner}})
    ut = pd.DataFrame(rader)
    for c in kolumner:
        ut[c] = pd.to_numeric(ut[c], errors="coerce")
    if till_manad < 12:
        for namn, budget, utfall in (("avvikelse_period", "budget_period", "utfall"),
                                     ("avvikelse_helar", "budget", "prognos")):
            if f"{budget}_{ar}" in kolumner and f"{utfall}_{ar}" in kolumner:
                ut[f"{namn}_{ar}"] = [tecken.avvikelse(b, u) if kost else tecken.avvikelse_intakt(b, u)
                                      for b, u, kost in zip(ut[f"{budget}_{ar}"], ut[f"{utfall}_{ar}"], ut["kostnad"])]
        varden = sorted((c for c in ut.columns if "_" in c and c.rsplit("_", 1)[1].isdigit()),
                        key=lambda c: (int(c.rsplit("_", 1)[1]), _TYPORDNING.get(c.rsplit("_", 1)[0], 9)))
        return ut[["post", "radtyp", "djup", "kostnad", *varden]]
    if f"budget_{ar}" in kolumner and f"utfall_{ar}" in kolumner:
        # positive = better than budget: more revenue, lower cost, a larger result
        ut[f"avvikelse_{ar}"] = [tecken.avvikelse(b, u) if kost else tecken.avvikelse_intakt(b, u)
                                 for b, u, kost in zip(ut[f"budget_{ar}"], ut[f"utfall_{ar}"], ut["kostnad"])]
        # a printed avvikelse (from unrounded figures) replaces the one computed from rounded posts
        for r in angiven_avvikelse[angiven_avvikelse["ar"] == ar].itertuples(index=False):
            traff = (ut["post"] == r.post) & (ut["radtyp"] != "summa")
            ut.loc[traff, f"avvikelse_{ar}"] = r.belopp
    return ut


def _tryckta_summor(resultat: pd.DataFrame | None, kolumner: list[str]) -> dict[str, dict[str, float]]:
    """{'Verksamhetens intäkter': {'budget_2019': …}, …} from resultat.csv, for the columns the posts have."""
    if resultat is None or resultat.empty:
        return {}
    ut: dict[str, dict[str, float]] = {VERKSAMHETENS_INTAKTER: {}, VERKSAMHETENS_KOSTNADER: {}}
    for r in resultat.itertuples(index=False):
        c = f"{r.typ}_{int(r.ar)}"
        if c in kolumner:
            ut[VERKSAMHETENS_INTAKTER][c] = r.intakter
            ut[VERKSAMHETENS_KOSTNADER][c] = r.kostnader
    return ut


def prognossakerhet(prognoser: pd.DataFrame, r: Resultat, ar: int) -> pd.DataFrame:
    """Each earlier forecast of the year against the outcome: differens = avvikelse − prognosavvikelse
    (positive: the year ended better than forecast)."""
    p = prognoser[prognoser["ar"] == ar]
    return pd.DataFrame([{"tillfalle": t.tillfalle, "prognosavvikelse": t.prognosavvikelse,
                          "differens": r.avvikelse - t.prognosavvikelse,
                          "differens_procent": tecken.avvikelse_procent(r.avvikelse - t.prognosavvikelse, r.budget)}
                         for t in p.itertuples()])


def tryckt_totalt(per_verksamhet: pd.DataFrame, resultat: pd.DataFrame, ar: int, till_manad: int,
                  drift_faktor: float, resultat_faktor: float) -> tuple[pd.DataFrame, dict[str, float]]:
    """The Totalt row from the resultaträkning's printed net (kostnader − intäkter) when that is at least as
    precise as the drift rows: n rows each rounded to half a unit can be n half-units off, a printed total
    only one (Huddinge prints both in mnkr with one decimal). Returns the table and, per replaced column,
    what the rows themselves add up to (for the note under the table); unchanged when the drift table is
    finer (Haninge's tkr rows against a resultaträkning in mnkr)."""
    if resultat is None or resultat.empty or resultat_faktor > drift_faktor:
        return per_verksamhet, {}
    budgettyp = "budget" if till_manad == 12 else "budget_period"
    netto = {}
    for kolumn, typ, ar_ in (("utfall", "utfall", ar), ("budget", budgettyp, ar), ("utfall_fore", "utfall", ar - 1)):
        if kolumn not in per_verksamhet or per_verksamhet[kolumn].isna().all():
            continue
        r = resultat[(resultat["ar"] == ar_) & (resultat["typ"] == typ)]
        if len(r) == 1 and pd.notna(r["kostnader"].iloc[0]) and pd.notna(r["intakter"].iloc[0]):
            netto[kolumn] = float(r["kostnader"].iloc[0] - r["intakter"].iloc[0])
    if not netto:
        return per_verksamhet, {}
    ut = per_verksamhet.copy()
    rad = ut.index[ut["radtyp"] == "totalt"][0]
    raderna = {k: float(ut.at[rad, k]) for k in netto}
    for k, v in netto.items():
        ut.at[rad, k] = v
        if k == "budget" and till_manad == 12:
            ut.at[rad, "budget_helar"] = v
    ut.at[rad, "avvikelse"] = tecken.avvikelse(ut.at[rad, "budget"], ut.at[rad, "utfall"])
    ut.at[rad, "avvikelse_procent"] = tecken.avvikelse_procent(ut.at[rad, "avvikelse"], ut.at[rad, "budget"])
    return ut, {k: raderna[k] for k in netto if abs(raderna[k] - netto[k]) > 1e-6}


def resultatoverforing(tabell: pd.DataFrame, ar: int, slag: str) -> pd.DataFrame:
    """The year's resultatöverföring of one kind (drift | investering): the result row first, then the parts
    in file order. The parts need not add up to the result: what is neither carried over nor repaid is
    simply not mentioned, as in the reports."""
    if tabell.empty:
        return tabell
    d = tabell[(tabell["ar"] == ar) & (tabell["slag"] == slag)]
    return pd.concat([d[d["typ"] == "resultat"], d[d["typ"] != "resultat"]]).reset_index(drop=True)


def budgetandel(per_verksamhet: pd.DataFrame) -> pd.DataFrame:
    """Each top-level verksamhet's share of the nämnd's årsbudget, in percent (columns verksamhet, budget,
    andel; table order). Empty when a share would mislead: a top-level budget of zero or below, or fewer
    than two parts."""
    topp = per_verksamhet[(per_verksamhet["djup"] == 0) & per_verksamhet["radtyp"].isin(["rad", "summa"])]
    namn = [g if t == "summa" else v for v, g, t in zip(topp["verksamhet"], topp["grupp"], topp["radtyp"])]
    ut = pd.DataFrame({"verksamhet": namn, "budget": topp["budget_helar"].to_numpy()})
    if len(ut) < 2 or ut["budget"].isna().any() or (ut["budget"] <= 0).any():
        return ut.iloc[0:0].assign(andel=[])
    ut["andel"] = ut["budget"] / ut["budget"].sum() * 100
    return ut

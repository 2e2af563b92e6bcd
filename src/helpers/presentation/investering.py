"""Investment follow-up: per project utfall against budget helår, utilisation and överföring."""

from __future__ import annotations

import pandas as pd

from helpers.berakning.investering import egna, totalt
from helpers.presentation import format as fmt
from helpers.presentation.format import NBSP


def sammanfattning(investeringar: pd.DataFrame, ar: int, period_namn: str, helar: bool = True,
                   enhet: str = "tkr", aterger=()) -> list[str]:
    """'Det sammanlagda utfallet på investeringarna 2020 är 62,1 mnkr. Utfallet innebär att 55 % av
    investeringsbudgeten är förbrukad.' plus the proposed överföring. ``aterger``: tables that restate
    projects of the others (see ``berakning.investering.egna``)."""
    if investeringar[investeringar["ar"] == ar].empty:
        return []
    t = totalt(investeringar, ar, aterger)
    meningar = [f"Det sammanlagda utfallet på investeringarna {period_namn} är {fmt.kronor(t['utfall'])}."]
    if t["utnyttjande"] is not None:
        meningar.append(f"Utfallet innebär att {fmt.procent(t['utnyttjande'], 0)} av investeringsbudgeten "
                        f"({fmt.kronor(t['budget'])}) är förbrukad.")
    if not fmt.saknas(t["prognos"]):
        mening = f"Prognosen för helåret är {fmt.mnkr(t['prognos'])}"
        avv = t["budget"] - t["prognos"]
        if not helar and not fmt.saknas(avv) and t["budget"]:
            # avvikelse prognos = budget − prognos; positive = the year is forecast to end under budget
            mening += (", i nivå med budget" if fmt.avrunda(avv / 1000, 1) == 0 else
                       f", {fmt.mnkr(abs(avv))} {'lägre' if avv > 0 else 'högre'} än budget")
        meningar.append(mening + ".")
    if not fmt.saknas(t["overforing"]) and t["overforing"] > 0:
        meningar.append(f"För projekt som fortfarande pågår föreslås sammanlagt "
                        f"{fmt.belopp(t['overforing'], enhet)}{NBSP}{enhet} "
                        f"att överföras till {ar + 1} års investeringsbudget.")
    return meningar


def storsta(investeringar: pd.DataFrame, ar: int, antal: int = 3, aterger=()) -> str | None:
    """'De största investeringarna under året är IT investeringar (24,4 mnkr av budgeterade 15,0 mnkr), …'"""
    inv = egna(investeringar, aterger)
    inv = inv[(inv["ar"] == ar) & inv["utfall"].notna() & (inv["utfall"] > 0)]
    if inv.empty:
        return None
    delar = []
    # A name used under several groups ("Bostäder" among both genomförande- and planeringsprojekt) says
    # which group it is.
    dubbla = set(inv.loc[inv["projekt"].duplicated(), "projekt"]) if "overordnad" in inv else set()
    for r in inv.nlargest(antal, "utfall").itertuples():
        budget = "" if fmt.saknas(r.budget) or not r.budget else f" av budgeterade {fmt.kronor(r.budget)}"
        namn = r.projekt
        if r.projekt in dubbla and not fmt.saknas(r.overordnad) and str(r.overordnad).strip():
            stig = [g.strip() for g in str(r.overordnad).split("/") if g.strip()]
            namn = f"{r.projekt} under {', '.join(fmt.gemen(g) for g in (stig[1:] or stig))}"
        delar.append(f"{namn} ({fmt.kronor(r.utfall)}{budget})")
    return f"De största investeringarna under året är {fmt.upprakning(delar)}."


# visas.kolumner tokens of an investment table → the column they show
KOLUMNTECKEN = {"utfall": "utfall", "budget": "budget", "avvikelse": "avvikelse", "andel": "utnyttjande",
                "prognos": "prognos", "overforing": "overforing", "budget_period": "budget_period"}


def tabell(rader: pd.DataFrame, period_namn: str, ar: int, enhet: str = "tkr", decimaler: int | None = None,
           *, helar: bool = True, rubrik: str = "Tabell investeringar", layout: dict | None = None):
    """An årsredovisning compares utfall with budget helår. A delårsrapport shows utfall for the period,
    budget (period and helår), prognos helår and avvikelse prognos = budget − prognos: budget helår minus a
    part-year utfall is a figure no report prints."""
    from helpers.presentation.tabell import Kolumn, Tabell, arsfalt, belopp, enligt_layout, procent

    b = belopp(enhet, decimaler)
    har = {k: k in rader and rader[k].notna().any() for k in ("prognos", "overforing", "budget_period")}
    kol = [Kolumn("Projekt", "projekt"), Kolumn(f"Utfall {period_namn}", "utfall", b)]
    if helar:
        kol += [Kolumn(f"Budget helår {ar}", "budget", b), Kolumn("Avvikelse", "avvikelse", b),
                Kolumn("Utfall i % av budget helår", "utnyttjande", procent(0))]
        if har["prognos"]:
            kol.append(Kolumn(f"Prognos helår {ar}", "prognos", b))
    else:
        if har["budget_period"]:
            kol += [Kolumn(f"Budget {period_namn}", "budget_period", b),
                    Kolumn("Avvikelse perioden", "periodavvikelse", b)]
        kol.append(Kolumn(f"Budget helår {ar}", "budget", b))
        if har["prognos"]:
            kol += [Kolumn(f"Prognos helår {ar}", "prognos", b), Kolumn("Avvikelse prognos", "prognosavvikelse", b)]
        kol.append(Kolumn("Utfall i % av budget helår", "utnyttjande", procent(0)))
    if har["overforing"]:
        kol.append(Kolumn(f"Överföras till {ar + 1}", "overforing", b))
    layout = layout or {}
    noter = []
    if (layout.get("utgifter") or layout.get("kostnader")) == "negativa":
        # expenditure printed with a minus sign (a revenue positive); avvikelse and överföring keep theirs
        rader = rader.copy()
        for k in ("utfall", "budget", "budget_period", "prognos"):
            if k in rader:
                rader[k] = -rader[k]
        noter.append("Utgifter redovisas med minustecken och intäkter utan; avvikelse: positivt belopp är under budget.")
    noter += _summanoter(rader, enhet, decimaler, negativ=bool(noter))
    return Tabell(rubrik, enligt_layout(kol, layout, KOLUMNTECKEN, **arsfalt(ar)), rader, enhet=enhet,
                  fotnoter=noter)


def _summanoter(rader: pd.DataFrame, enhet: str, decimaler: int | None, *, negativ: bool) -> list[str]:
    """'Känt fel i källan: Summa investeringsprojekt, avvikelse tryckt 42,1; raderna ger 86,0.' for each printed
    total that the rows do not give (the table prints the rows' figure)."""
    if "summanot" not in rader:
        return []
    ut = []
    for projekt, noter in zip(rader["projekt"], rader["summanot"]):
        if not isinstance(noter, list):
            continue
        delar = []
        for ord_, tryckt, raknad in noter:
            tecken = -1 if negativ and ord_ in ("budget", "utfall") else 1
            kalla = "budget − utfall ger" if ord_ == "avvikelse" else "raderna ger"
            delar.append(f"{ord_} tryckt {fmt.belopp(tecken * tryckt, enhet, decimaler)}, {kalla} "
                         f"{fmt.belopp(tecken * raknad, enhet, decimaler)}")
        ut.append(f"Känt fel i källan: {projekt}: {'; '.join(delar)}. Tabellen visar det beräknade värdet.")
    return ut


def _tabellens_layout(layout: dict | None, namn: str) -> dict | None:
    """One printed table's layout: ``visas.per_tabell.<namn>`` (its columns, its labels over the shared ones)
    on top of the shared ``visas``."""
    egen = ((layout or {}).get("per_tabell") or {}).get(namn)
    if not egen:
        return layout
    return {**layout, **egen, "etiketter": {**(layout.get("etiketter") or {}), **(egen.get("etiketter") or {})}}


def tabeller(rader: pd.DataFrame, period_namn: str, ar: int, enhet: str = "tkr", decimaler: int | None = None,
             *, helar: bool = True, rubriker: dict | None = None, layout: dict | None = None) -> list:
    """One table per printed investment table (column ``tabell``); captions from kommun.yaml
    ``tabeller.investeringar.rubriker``, else 'Investeringar – <tabell>'."""
    if "tabell" not in rader or not rader["tabell"].fillna("").astype(str).str.strip().any():
        return [tabell(rader, period_namn, ar, enhet, decimaler, helar=helar, layout=layout)]
    from helpers.presentation.tabell import arsfalt

    rubriker = rubriker or {}
    ut = []
    for namn, df in rader.groupby(rader["tabell"].fillna(""), sort=False):
        # a caption may name the year: {ar} = the report year, {nasta_ar} = the year a transfer goes to
        rubrik = (rubriker[namn].format(**arsfalt(ar)) if rubriker.get(namn)
                  else f"Investeringar – {namn}" if namn else "Tabell investeringar")
        t = tabell(df.reset_index(drop=True), period_namn, ar, enhet, decimaler, helar=helar, rubrik=rubrik,
                   layout=_tabellens_layout(layout, namn))
        t.id = t.id or f"investeringar-{namn}"  # lets the section put each correction under its own table
        ut.append(t)
    return ut

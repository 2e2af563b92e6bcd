"""Ekonomi as the report shows it: data-driven Swedish sentences and the economy tables.

Sentences: Each sentence is generated once, here, and reused by every section
that prints it (Sammanfattning repeats the Ekonomi sentence word for word, as the reports do)."""

from __future__ import annotations

import pandas as pd

from helpers.berakning.ekonomi import Resultat
from helpers.konfig.kommun import MANADER, MANADER_KORT, Period
from helpers.presentation import format as fmt
from helpers.presentation.format import NBSP
from helpers.presentation.tabell import Kolumn, Tabell, arsfalt, belopp, enligt_layout, procent


def _mnkr_noll(tkr: float) -> bool:
    """'nollresultat' when the deviation rounds to 0,0 mnkr."""
    return fmt.avrunda(tkr / 1000, 1) == 0


def drift_ackumulerat(r: Resultat) -> str:
    """'Det ackumulerade utfallet för perioden är 221,6 mnkr, vilket är 8,4 mnkr (3,7 %) lägre än …'"""
    borjan = f"Det ackumulerade utfallet för perioden är {fmt.mnkr(r.utfall)}"
    if _mnkr_noll(r.avvikelse):
        return f"{borjan}, vilket motsvarar den ackumulerade budgeten {fmt.mnkr(r.budget)}."
    riktning = "lägre" if r.avvikelse > 0 else "högre"
    procent = f" ({fmt.procent(abs(r.avvikelse_procent))})" if r.avvikelse_procent is not None else ""
    return (f"{borjan}, vilket är {fmt.mnkr(abs(r.avvikelse))}{procent} {riktning} än den ackumulerade "
            f"budgeten {fmt.mnkr(r.budget)}.")


def resultat_for(enhet: str, avvikelse_tkr: float, *, jamfort_med_budget: bool = False) -> str:
    """'Kommunstyrelseförvaltning har ett överskott på 15,5 mnkr.' / '… har ett nollresultat …'"""
    tillagg = " jämfört med budget" if jamfort_med_budget else ""
    if _mnkr_noll(avvikelse_tkr):
        return f"{enhet} har ett nollresultat{tillagg}."
    ord_ = "överskott" if avvikelse_tkr > 0 else "underskott"
    return f"{enhet} har ett {ord_} på {fmt.mnkr(abs(avvikelse_tkr))}{tillagg}."


def prognos(r: Resultat) -> str | None:
    """'Prognosen för helåret är ett överskott på 4,0 mnkr jämfört med budget.'"""
    if r.prognosavvikelse is None:
        return None
    if _mnkr_noll(r.prognosavvikelse):
        return f"Prognosen för helåret är ett nollresultat; helårsprognosen är {fmt.mnkr(r.prognos)}."
    ord_ = "överskott" if r.prognosavvikelse > 0 else "underskott"
    return (f"Prognosen för helåret är en nettokostnad på {fmt.mnkr(r.prognos)}, vilket motsvarar ett {ord_} "
            f"på {fmt.mnkr(abs(r.prognosavvikelse))} mot årsbudgeten {fmt.mnkr(r.budget_helar)}.")


def andel_av_budget(r: Resultat) -> str | None:
    if r.andel_av_budget is None:
        return None
    return f"Utfallets andel av årsbudget är {fmt.tal(r.andel_av_budget, 1)}{NBSP}procent."


def resultat_per_omrade(per_verksamhet: pd.DataFrame) -> list[str]:
    """One sentence per top-level area: its Summa row, or the row itself when it has no sub-rows."""
    meningar = []
    for rad in per_verksamhet.itertuples():
        if rad.radtyp == "summa" and rad.djup == 0:
            meningar.append(resultat_for(rad.grupp, rad.avvikelse))
        elif rad.radtyp == "rad" and rad.djup == 0:
            meningar.append(resultat_for(rad.verksamhet, rad.avvikelse))
    return meningar


def prognossakerhet(sakerhet: pd.DataFrame) -> str | None:
    """'Utfallet blev 11,6 mnkr bättre än prognosen i T2.' — against the latest forecast."""
    if sakerhet.empty:
        return None
    senaste = sakerhet.iloc[-1]
    if _mnkr_noll(senaste["differens"]):
        return f"Utfallet blev i nivå med prognosen i {senaste['tillfalle']}."
    ord_ = "bättre" if senaste["differens"] > 0 else "sämre"
    return f"Utfallet blev {fmt.mnkr(abs(senaste['differens']))} {ord_} än prognosen i {senaste['tillfalle']}."


def sarskilda_poster(poster: pd.DataFrame, enhet: str = "tkr") -> list[str]:
    """'Kostnader relaterade till coronapandemin är 1 909 tkr.' — one sentence per post, in the unit the
    table declares (as the reports print such items), not rounded to mnkr."""
    return [f"{r.post} är {fmt.belopp(r.belopp, enhet)}{NBSP}{enhet}." for r in poster.itertuples()]


def kostnader_negativa(installning: dict) -> bool:
    """A table's print setting ``visas: {kostnader: negativa}``: costs printed with a minus sign. Only the
    printed numbers change; avvikelse keeps "positive = better than budget" and sentences are unaffected."""
    return (installning.get("visas") or {}).get("kostnader") == "negativa"


def _jan_till(period: Period) -> str:
    return f"jan–{MANADER_KORT[period.till_manad - 1].lower()}"


def _kolumnetikett(typ: str, ar: int, period: Period) -> str:
    if typ == "budget":
        return f"Budget {ar}"
    if typ == "budget_period":
        return f"Budget {_jan_till(period)} {ar}"
    if typ == "prognos":
        return f"Prognos helår {ar}"
    if typ == "avvikelse_period":
        return f"Avvikelse {_jan_till(period)} {ar}" if period.till_manad < 12 else f"Avvikelse {ar}"
    if typ == "avvikelse_helar":
        return f"Avvikelse helår {ar}"
    if typ == "avvikelse":
        return f"Avvikelse {ar}"
    if period.till_manad == 12 or ar < period.ar:
        return f"Bokslut {ar}"
    return f"Utfall {_jan_till(period)} {ar}"


def resultat_tabell(rakning: pd.DataFrame, period: Period, enhet: str = "mnkr", *, negativa: bool = False) -> Tabell:
    """Tabell resultat: one column per (year, bokslut/budget/periodbudget/prognos/avvikelse), rows intäkter,
    kostnader, nettokostnader, resultat. ``negativa``: costs printed negative (avvikelse columns unchanged)."""
    rader = pd.DataFrame({"post": ["Verksamhetens intäkter", "Verksamhetens kostnader", "*Nettokostnader", "Resultat"]})
    kolumner = [Kolumn(f"Ekonomi, {enhet}", "post")]
    for i, k in rakning.iterrows():
        nyckel = f"k{i}"
        kostnad = -1 if negativa and not str(k["typ"]).startswith("avvikelse") else 1
        rader[nyckel] = [k["intakter"], kostnad * k["kostnader"], kostnad * k["nettokostnad"], k["resultat"]]
        kolumner.append(Kolumn(_kolumnetikett(k["typ"], k["ar"], period), nyckel, belopp(enhet)))
    fotnoter = ["*Budgeterade nettokostnader motsvarar ram enligt fullmäktige."]
    if rakning["typ"].astype(str).str.startswith("avvikelse").any():
        fotnoter.append("Avvikelse: positivt belopp är bättre än budget (högre intäkter, lägre kostnader).")
    return Tabell("Tabell resultat", kolumner, rader, fotnoter=fotnoter, id="tabell-resultat")


def valda_kolumner(tillgangliga: list[str], ar: int, layout: dict | None) -> list[tuple[str, str | None]]:
    """[(column, printed label or None)] in the order ``visas.kolumner`` gives ("utfall-1" = the year
    before), or all available columns in their order. A listed column the data lacks is left out: its
    data is not there, and the table says nothing it cannot show."""
    layout = layout or {}
    etiketter = {t: e.format(**arsfalt(ar)) for t, e in (layout.get("etiketter") or {}).items()}
    if not layout.get("kolumner"):
        return [(c, etiketter.get(c.rsplit("_", 1)[0])) for c in tillgangliga]
    ut = []
    for token in layout["kolumner"]:
        typ, _, bakat = token.partition("-")
        kolumn = f"{typ}_{ar - int(bakat or 0)}"
        if kolumn in tillgangliga:
            ut.append((kolumn, etiketter.get(token)))
    return ut


def resultatposter_tabell(rader: pd.DataFrame, period: Period, enhet: str = "mnkr", *,
                          negativa: bool = False, layout: dict | None = None) -> Tabell:
    """The resultaträkning per kostnadsslag, in the file's order, with its subtotals. ``layout``: the
    table's ``visas`` setting (rubrik, kolumner, etiketter)."""
    layout = layout or {}
    vardekolumner = [c for c in rader.columns if "_" in c and c.rsplit("_", 1)[1].isdigit()]
    visas = rader.copy()
    visas["post"] = [f"varav {p}" if t == "varav" else p for p, t in zip(rader["post"], rader["radtyp"])]
    if negativa:
        for c in vardekolumner:
            if not c.startswith("avvikelse"):
                visas[c] = [-v if kostnad else v for v, kostnad in zip(visas[c], visas["kostnad"])]
    kolumner = [Kolumn(f"Resultaträkning, {enhet}", "post")]
    for c, etikett in valda_kolumner(vardekolumner, period.ar, layout):
        typ, ar = c.rsplit("_", 1)
        kolumner.append(Kolumn(etikett or _kolumnetikett(typ, int(ar), period), c, belopp(enhet)))
    fotnoter = ["Summaraderna är beräknade ur posterna, utom där resultaträkningens tryckta summor finns "
                "(de kontrolleras mot posterna); varav-rader ingår redan i raden ovanför."]
    if any(c.startswith("avvikelse") for c in vardekolumner):
        fotnoter.append("Avvikelse: positivt belopp är bättre än budget (högre intäkter, lägre kostnader).")
    if negativa:
        fotnoter.append("Kostnader redovisas med minustecken.")
    return Tabell(layout.get("rubrik") or "Resultaträkning per kostnadsslag", kolumner, visas, enhet=enhet,
                  fotnoter=fotnoter,
                  id="tabell-resultatposter")


def periodiseringsnot(regler: tuple[str, ...], period: Period) -> list[str]:
    """How the period budget was made, as a note under the table (nothing for a full year)."""
    if period.till_manad >= 12:
        return []
    manader = f"januari–{MANADER[period.till_manad - 1]}" if period.till_manad > 1 else "januari"
    text = {
        "angiven": "är den periodiserade budgeten ur ekonomisystemet (kolumnen budget_period)",
        "manad": f"är summan av månadsbudgetarna {manader}",
        "linjar": f"är linjärt periodiserad: årsbudgeten × {period.till_manad}/12 ({manader}), "
                  "eftersom underlaget saknar periodiserad budget",
    }
    if len(regler) == 1:
        return [f"Periodens budget {text[regler[0]]}."]
    return [f"För en del verksamheter {text[r].replace('är ', 'är periodens budget ', 1)}." for r in regler]


# visas.kolumner tokens of the per-verksamhet table → its columns
VERKSAMHET_KOLUMNER = {"utfall": "utfall", "budget": "budget", "avvikelse": "avvikelse", "utfall-1": "utfall_fore",
                       "avvikelse_procent": "avvikelse_procent", "budget_helar": "budget_helar",
                       "prognos": "prognos", "avvikelse_helar": "prognosavvikelse"}


def per_verksamhet_tabell(tabell: pd.DataFrame, period: Period, enhet: str = "tkr", *, negativa: bool = False,
                          periodisering: tuple[str, ...] = (), layout: dict | None = None) -> Tabell:
    """Tabell resultat per verksamhet, with subtotals and "varav" rows; last year's full-year utfall when the
    drift data has last year's rows; for part-year periods also
    helårsprognos and a note on how the period budget was made. ``negativa``: net costs printed negative
    (avvikelse keeps positive = överskott)."""
    ar = period.ar
    delar = period.till_manad < 12
    utfall = f"Utfall {_jan_till(period)} {ar}" if delar else f"Utfall {ar}"
    budget = f"Budget {_jan_till(period)} {ar}" if delar else f"Budget {ar}"
    rader = tabell.copy()
    rader["verksamhet"] = [f"varav {v}" if t == "varav" else v for v, t in zip(rader["verksamhet"], rader["radtyp"])]
    if negativa:
        for k in ("utfall", "budget", "budget_helar", "prognos", "utfall_fore"):
            if k in rader:
                rader[k] = -rader[k]
    kolumner = [
        Kolumn(f"Enhet (belopp i {enhet}, {'kostnader negativa' if negativa else 'nettokostnader'})", "verksamhet"),
        Kolumn(utfall, "utfall", belopp(enhet)),
        Kolumn(budget, "budget", belopp(enhet)),
        Kolumn("Avvikelse", "avvikelse", belopp(enhet)),
    ]
    # Last year's full-year outcome right after Avvikelse, where the reports print it ("Föregående år").
    if "utfall_fore" in tabell and tabell["utfall_fore"].notna().any():
        kolumner.append(Kolumn(f"Utfall helår {ar - 1}", "utfall_fore", belopp(enhet)))
    kolumner.append(Kolumn("Avvikelse, %", "avvikelse_procent", procent(1)))
    if tabell["prognos"].notna().any():
        kolumner += [
            Kolumn(f"Budget helår {ar}", "budget_helar", belopp(enhet)),
            Kolumn(f"Prognos helår {ar}", "prognos", belopp(enhet)),
            Kolumn("Prognosavvikelse", "prognosavvikelse", belopp(enhet)),
        ]
    fotnot = ("Avvikelse: positivt belopp är ett överskott (bättre än budget)." if negativa
              else "Avvikelse = budget − utfall; positivt belopp är ett överskott.")
    # The kommun's printed layout (tabeller.drift.visas): column order and labels ({ar}, {fore} = the year
    # before), the total row's label and the caption. A listed column the data lacks is left out.
    layout = layout or {}
    kolumner = enligt_layout(kolumner, layout, VERKSAMHET_KOLUMNER, **arsfalt(ar))
    if (layout.get("etiketter") or {}).get("totalt"):
        rader.loc[rader["radtyp"] == "totalt", "verksamhet"] = layout["etiketter"]["totalt"].format(**arsfalt(ar))
    return Tabell(layout.get("rubrik") or "Tabell resultat per verksamhet", kolumner, rader, enhet=enhet,
                  fotnoter=[fotnot, *periodiseringsnot(periodisering, period)],
                  id="tabell-resultat-per-verksamhet")


def prognossakerhet_tabell(sakerhet: pd.DataFrame, r, enhet: str = "mnkr") -> Tabell:
    """Prognossäkerhet: the year's result and each forecast, one row per forecast."""
    rader = sakerhet.assign(utfall=r.utfall, budget=r.budget, avvikelse=r.avvikelse)
    return Tabell("Prognossäkerhet", [
        Kolumn("Prognostillfälle", "tillfalle"), Kolumn("Nettokostnader, utfall", "utfall", belopp(enhet)),
        Kolumn("Budget", "budget", belopp(enhet)), Kolumn("Avvikelse", "avvikelse", belopp(enhet)),
        Kolumn("Prognos, avvikelse", "prognosavvikelse", belopp(enhet)),
        Kolumn("Differens prognos mot utfall", "differens", belopp(enhet)),
        Kolumn("Differens, % av budget", "differens_procent", procent(1))], rader, enhet=enhet,
        fotnoter=["Differens = årets avvikelse − prognostiserad avvikelse; positivt: utfallet blev bättre än prognosen."])


def sarskilda_poster_tabell(poster: pd.DataFrame, enhet: str = "tkr") -> Tabell:
    return Tabell("Särskilda poster", [Kolumn("Post", "post"), Kolumn("Belopp", "belopp", belopp(enhet)),
                                       Kolumn("Kommentar", "kommentar")], poster, enhet=enhet)


EGET_KAPITAL_RADER = (("ingaende", "Ingående balanserat resultat (IB)"), ("utgaende", "Utgående balanserat resultat (UB)"),
                      ("max_utgaende", "Högsta tillåtna balanserade resultat"),
                      ("resultatoverforing", "Begärd resultatöverföring"))


def eget_kapital_tabell(ek: pd.DataFrame, period: Period, enhet: str = "mnkr") -> Tabell:
    """The nämnd's balanced result per year (eget_kapital.csv): one column per year, a row per figure
    the data has (a figure no year reports is left out, never shown as 0)."""
    ar = sorted(int(a) for a in ek["ar"].unique())
    rader = []
    for nyckel, etikett in EGET_KAPITAL_RADER:
        varden = {f"ar_{a}": ek.loc[ek["ar"] == a, nyckel].iloc[0] for a in ar}
        if any(pd.notna(v) for v in varden.values()):
            rader.append({"post": etikett, **varden})
    kolumner = [Kolumn(f"Eget kapital, {enhet}", "post")] + [
        Kolumn(_kolumnetikett("utfall", a, period), f"ar_{a}", belopp(enhet)) for a in ar]
    return Tabell("Eget kapital (balanserat resultat)", kolumner, pd.DataFrame(rader), enhet=enhet,
                  id="tabell-eget-kapital")


def eget_kapital(ek: pd.DataFrame, ar: int) -> list[str]:
    """'Maximalt belopp för nämnden att balansera 2019 är 15,3 mnkr, vilket är 0,2 mnkr mindre än ingående
    balans.' and the requested change, from the year's row; nothing the row does not give."""
    rad = ek[ek["ar"] == ar]
    if rad.empty:
        return []
    r = rad.iloc[0]
    meningar = []
    if pd.notna(r["max_utgaende"]):
        mening = f"Maximalt belopp för nämnden att balansera {ar} är {fmt.mnkr(r['max_utgaende'])}"
        if pd.notna(r["ingaende"]):
            skillnad = r["max_utgaende"] - r["ingaende"]
            if _mnkr_noll(skillnad):
                mening += ", samma som ingående balans"
            else:
                mening += f", vilket är {fmt.mnkr(abs(skillnad))} {'mindre' if skillnad < 0 else 'mer'} än ingående balans"
        meningar.append(mening + ".")
    if pd.notna(r["resultatoverforing"]) and not _mnkr_noll(r["resultatoverforing"]):
        riktning = "minskas" if r["resultatoverforing"] < 0 else "ökas"
        meningar.append(f"Nämnden begär att det balanserade resultatet {riktning} med "
                        f"{fmt.mnkr(abs(r['resultatoverforing']))}.")
    return meningar


def tryckt_totalt_not(raderna: dict[str, float], enhet: str, ar: int) -> str:
    """The note when Totalt is the resultaträkning's printed net and the rounded rows add up differently."""
    namn = {"utfall": f"utfall {ar}", "budget": f"budget {ar}", "utfall_fore": f"utfall {ar - 1}"}
    summor = fmt.upprakning([f"{namn[k]} {fmt.belopp(v, enhet)}{NBSP}{enhet}" for k, v in raderna.items()])
    return f"Summaraden är resultaträkningens tryckta nettokostnad; de avrundade raderna summerar till {summor}."


RESULTATOVERFORING_RUBRIK = {"drift": "Resultatöverföring driftmedel", "investering": "Resultatöverföring investeringsmedel"}


def _till_ar(rad) -> str:
    return "" if fmt.saknas(rad.till_ar) or not str(rad.till_ar).strip() else f" till {str(rad.till_ar).strip()}"


def resultatoverforing(rader: pd.DataFrame, slag: str) -> str | None:
    """'Av nämndens överskott på 17,6 mnkr återbetalas 0,9 mnkr, och 16,7 mnkr föreslås föras över till
    2023–2024.' Only the amounts of the data: a remainder the data does not name is not invented."""
    delar = rader[rader["typ"] != "resultat"] if len(rader) else rader
    if delar.empty:
        return None
    resultat = rader[rader["typ"] == "resultat"]
    b = resultat["belopp"].iloc[0] if len(resultat) else None
    texter = []
    for i, r in enumerate(delar.itertuples()):
        # "Av nämndens underskott på 2,0 mnkr föreslås 2,0 mnkr …": a part with the result's sign reads unsigned.
        x = fmt.mnkr(abs(r.belopp) if b is not None and (r.belopp < 0) == (b < 0) else r.belopp)
        if r.typ == "aterbetalas":
            texter.append(f"återbetalas {x}" if i == 0 else f"{x} återbetalas")
        else:
            texter.append(f"föreslås {x} föras över{_till_ar(r)}" if i == 0 else f"{x} föreslås föras över{_till_ar(r)}")
    if b is not None:
        ord_ = "överskott" if b >= 0 else "underskott"
        galler = " gällande investeringar" if slag == "investering" else ""
        borjan = f"Av nämndens {ord_} på {fmt.mnkr(abs(b))}{galler}"
    else:
        borjan = "Av nämndens resultat" + (" gällande investeringar" if slag == "investering" else "")
    return f"{borjan} {', och '.join(texter)}."


def resultatoverforing_tabell(rader: pd.DataFrame, slag: str, enhet: str = "tkr",
                              decimaler: int | None = None) -> Tabell:
    """Post, belopp and what happens to it: the year's result first, then what is carried over or repaid."""
    hantering = {"resultat": "Årets resultat", "aterbetalas": "Återbetalas"}
    visas = rader.assign(hantering=[hantering.get(r.typ) or f"Förs över{_till_ar(r)}" for r in rader.itertuples()])
    return Tabell(RESULTATOVERFORING_RUBRIK[slag],
                  [Kolumn("Post", "post"), Kolumn("Belopp", "belopp", belopp(enhet, decimaler)),
                   Kolumn("Hantering", "hantering")], visas, enhet=enhet,
                  fotnoter=["Positivt belopp är ett överskott."], id=f"tabell-resultatoverforing-{slag}")

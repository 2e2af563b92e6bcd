"""Validate a period's raw tables: types and keys (readers), then the checks across tables and config.

``validera_period`` returns the typed, sign-normalised tables and every problem found. Nothing is
rendered from a period that has problems.
"""

from __future__ import annotations

import re

import pandas as pd

from helpers.fel import Problem, visningsnamn
from helpers.indata import rattelser, rimlighet, tecken
from helpers.indata.lasare import hitta_fil, las_tabell
from helpers.indata.scheman import (ARETS_RESULTAT, TABELLER, VERKSAMHETENS_INTAKTER, VERKSAMHETENS_KOSTNADER,
                                    ar_summarad)
from helpers.indata.tal import saknas
from helpers.konfig import kommun as config
from helpers.konfig.kommun import Kommun, Period


def validera_period(kommun: Kommun, period: Period) -> tuple[dict[str, pd.DataFrame], list[Problem]]:
    kommun = config.for_period(kommun, period)
    tabeller: dict[str, pd.DataFrame] = {}
    filer: dict[str, str] = {}
    problem: list[Problem] = []
    for namn, schema in TABELLER.items():
        fil = hitta_fil(period.mapp, namn)
        if fil is None:
            continue
        installning = kommun.tabellinstallning(namn)
        for fel in tecken.giltig_installning(namn, installning) + tecken.oanvanda_installningar(namn, installning):
            problem.append(Problem(visningsnamn(kommun.mapp / "kommun.yaml"), None, f"tabeller.{namn}", None, fel))
        df, fel = las_tabell(fil, schema, installning)
        problem += fel
        filer[namn] = visningsnamn(fil)
        if schema.belopp and not tecken.giltig_installning(namn, installning):
            df = tecken.normalisera(df, namn, installning, schema.belopp)
        tabeller[namn] = df

    for namn, df in tabeller.items():
        schema = TABELLER[namn]
        if schema.namnd_kolumn and not df.empty:
            problem += _kanda_namnder(df, filer[namn], kommun)
    kontroller = {
        "drift": _kontrollera_drift,
        "investeringar": _kontrollera_investeringar,
        "mal": _kontrollera_mal,
        "indikatorer": _kontrollera_indikatorer,
        "indikatorvarden": _kontrollera_indikatorvarden,
        "malbedomning": _kontrollera_malbedomning,
        "uppdrag": _kontrollera_uppdrag,
        "resultat": _kontrollera_resultat,
        "resultatposter": _kontrollera_resultatposter,
        "personal": _kontrollera_ar,
        "internkontroll": _kontrollera_internkontroll,
        "statistik": _kontrollera_statistik,
    }
    for namn, kontroll in kontroller.items():
        if namn in tabeller and not tabeller[namn].empty:
            problem += kontroll(tabeller[namn], filer[namn], kommun, period, tabeller)
    problem += rimlighet.kontrollera(kommun, period, tabeller, filer)
    if "rattelser" in tabeller:
        problem += rattelser.kontrollera(tabeller["rattelser"], filer["rattelser"], tabeller, kommun.tabeller)
    return tabeller, problem


def _har(varde) -> bool:
    """A cell with a value (empty cells arrive as None or NaN)."""
    return not saknas(varde) and varde != ""


def _kanda_namnder(df, fil, kommun: Kommun):
    return [
        Problem(fil, rad.Index, "namnd", rad.namnd, f"en nämnd ur kommun.yaml ({', '.join(kommun.namnder)})")
        for rad in df.set_index("radnr").itertuples()
        if rad.namnd not in kommun.namnder
    ]


def _kontrollera_ar(df, fil, kommun, period: Period, _tabeller):
    """Outcomes can only be known up to the report's period."""
    problem = []
    for rad in df.itertuples(index=False):
        if rad.ar > period.ar and any(_har(getattr(rad, k)) for k in ("utfall", "prognos", "varde") if k in df.columns) \
                and getattr(rad, "typ", "utfall") == "utfall":
            problem.append(Problem(fil, rad.radnr, "ar", str(rad.ar),
                                   f"ett år till och med periodens år {period.ar} (utfall kan inte ligga efter perioden)"))
    return problem


def _kontrollera_drift(df, fil, kommun, period: Period, tabeller):
    problem = _kontrollera_ar(df, fil, kommun, period, tabeller)
    for rad in df.itertuples(index=False):
        if rad.ar == period.ar and _har(rad.manad) and rad.manad > period.till_manad and _har(rad.utfall):
            problem.append(Problem(fil, rad.radnr, "manad", str(int(rad.manad)),
                                   f"en månad till och med {period.till_manad} (periodens slut)"))
        if all(pd.isna(getattr(rad, k)) for k in ("budget", "utfall", "prognos")):
            problem.append(Problem(fil, rad.radnr, "budget", None, "minst ett belopp: budget, utfall eller prognos"))
        if SUMMARAD.match(str(rad.verksamhet)):
            problem.append(Problem(fil, rad.radnr, "verksamhet", rad.verksamhet,
                                   "en verksamhet, inte en summarad från exporten: ta bort raden, rapporten räknar "
                                   "summorna själv (a total row would be counted twice)"))
    # a printed avvikelse comes from unrounded figures: within one unit of the last digit of budget − utfall
    installning = kommun.tabellinstallning("drift") if kommun is not None else {}
    namn = installning.get("enhet", "tkr")
    steg = 2 * tecken.halv_enhet(installning)  # one unit of the last digit
    if "avvikelse" in df.columns:
        problem += _decimaler(df[df["avvikelse"].map(_har)], ("budget", "utfall", "avvikelse"), installning, fil, "drift")
        for rad in df.itertuples(index=False):
            if not _har(rad.avvikelse):
                continue
            if _har(rad.manad) or not (_har(rad.budget) and _har(rad.utfall)):
                problem.append(Problem(fil, rad.radnr, "avvikelse", None, "en helårsrad med budget och utfall "
                                       "(a printed avvikelse belongs on the annual row it compares)"))
            elif abs(tecken.avvikelse(rad.budget, rad.utfall) - rad.avvikelse) > steg + 0.001:
                problem.append(Problem(fil, rad.radnr, "avvikelse", f"{rad.avvikelse / tecken.ENHETER_TILL_TKR[namn]:g}",
                                       f"budget − utfall = {tecken.avvikelse(rad.budget, rad.utfall) / tecken.ENHETER_TILL_TKR[namn]:.1f}"
                                       " (skillnaden är större än avrundning kan förklara; positiv = överskott)"))
    har_varav = "varav_till" in df.columns
    for rad in df.itertuples(index=False):
        if "budget_period" in df.columns and _har(rad.budget_period) and _har(rad.manad):
            problem.append(Problem(fil, rad.radnr, "budget_period", None,
                                   "budget_period på helårsraden (tom manad); en månadsrad har redan sin "
                                   "egen budget (the period budget belongs on the annual row)"))
    for _, grupp in df.groupby(["namnd", "ar"]):
        if har_varav:
            namn = set(grupp["verksamhet"]) | set(grupp["overordnad"].dropna())
            for rad in grupp.itertuples(index=False):
                if not _har(rad.varav_till):
                    continue
                if rad.varav_till == rad.verksamhet or rad.varav_till not in namn:
                    problem.append(Problem(fil, rad.radnr, "varav_till", rad.varav_till,
                                           "en annan verksamhet (eller rubrik) samma år som raden är en del av "
                                           "(a 'varav' row must name its parent row)"))
                if _har(rad.overordnad):
                    problem.append(Problem(fil, rad.radnr, "overordnad", rad.overordnad,
                                           "tom: en varav-rad ligger redan under raden i varav_till och "
                                           "summeras inte (a 'varav' row is never summed)"))
        foralder = {}
        for rad in grupp.itertuples(index=False):
            if _har(rad.overordnad):
                if rad.overordnad == rad.verksamhet:
                    problem.append(Problem(fil, rad.radnr, "overordnad", rad.overordnad,
                                           "en annan verksamhet än raden själv (cycle)"))
                    continue
                foralder[rad.verksamhet] = (rad.overordnad, rad.radnr)
        for start, (_, radnr) in foralder.items():
            sedda, nod = {start}, start
            while nod in foralder:
                nod = foralder[nod][0]
                if nod in sedda:
                    problem.append(Problem(fil, radnr, "overordnad", foralder[start][0],
                                           f"en hierarki utan cirkel; '{start}' leder tillbaka till sig själv (cycle)"))
                    break
                sedda.add(nod)
    return problem


def _kontrollera_mal(df, fil, kommun: Kommun, period, tabeller):
    problem = []
    ids = set(df["id"])
    nivaer = [n["id"] for n in kommun.malnivaer]
    foralder = dict(zip(df["id"], df["overordnad"]))
    for rad in df.itertuples(index=False):
        if _har(rad.overordnad) and rad.overordnad not in ids:
            problem.append(Problem(fil, rad.radnr, "overordnad", rad.overordnad, "id för ett mål i samma tabell"))
        if nivaer and rad.niva not in nivaer:
            problem.append(Problem(fil, rad.radnr, "niva", rad.niva, f"en målnivå ur kommun.yaml ({', '.join(nivaer)})"))
        sedda, nod = {rad.id}, rad.overordnad
        while _har(nod):
            if nod in sedda:
                problem.append(Problem(fil, rad.radnr, "overordnad", rad.overordnad,
                                       "en målhierarki utan cirkel (cycle)"))
                break
            sedda.add(nod)
            nod = foralder.get(nod)
    return problem


def _kontrollera_indikatorer(df, fil, kommun, period, tabeller):
    mal = set(tabeller.get("mal", pd.DataFrame(columns=["id"]))["id"])
    problem = [Problem(fil, r.radnr, "mal", r.mal, "id för ett mål i mal-tabellen")
               for r in df.itertuples(index=False) if r.mal not in mal]
    ind = set(df["id"])
    # A "varav" measure is printed under its parent: the parent must exist and must not itself be the child.
    problem += [Problem(fil, r.radnr, "varav_till", r.varav_till, "id för ett annat mått i indikatorer-tabellen")
                for r in df.itertuples(index=False)
                if _har(r.varav_till) and (r.varav_till not in ind or r.varav_till == r.id)]
    return problem


def _kontrollera_indikatorvarden(df, fil, kommun, period, tabeller):
    ind = set(tabeller.get("indikatorer", pd.DataFrame(columns=["id"]))["id"])
    problem = []
    for r in df.itertuples(index=False):
        if r.indikator not in ind:
            problem.append(Problem(fil, r.radnr, "indikator", r.indikator, "id för en indikator i indikatorer-tabellen"))
        # A text target ("Öka", "Länssnitt") needs no number.
        if pd.isna(r.varde) and not _har(r.saknas) and not (r.typ in ("mal", "etappmal") and _har(r.malvarde_text)):
            problem.append(Problem(fil, r.radnr, "varde", None,
                                   "ett värde, en orsak i kolumnen 'saknas' eller ett textmål i 'malvarde_text'"))
        if r.typ == "ranking" and _har(r.ranking_av) and _har(r.varde) and not 1 <= r.varde <= r.ranking_av:
            problem.append(Problem(fil, r.radnr, "varde", r.varde,
                                   f"en placering mellan 1 och ranking_av ({int(r.ranking_av)})"))
        if _har(r.ranking_av) and r.typ != "ranking":
            problem.append(Problem(fil, r.radnr, "ranking_av", r.ranking_av, "tom cell utom när typ är ranking"))
    trendskala = kommun.skala("trend") if kommun is not None else ()
    if df["trend"].map(_har).any() and not trendskala:
        radnr = next(r.radnr for r in df.itertuples(index=False) if _har(r.trend))
        problem.append(Problem(fil, radnr, "trend", None, "en trendskala skalor.trend i kommun.yaml, eller tom "
                                                          "kolumn (trend needs a scale in kommun.yaml)"))
    elif trendskala:
        problem += _kod_i_skala(df, fil, kommun, "trend", "trend")
    return problem


def _kod_i_skala(df, fil, kommun: Kommun, kolumn: str, skala: str):
    koder = [s.kod for s in kommun.skala(skala)]
    return [Problem(fil, r.radnr, kolumn, getattr(r, kolumn), f"en kod ur skalan '{skala}' i kommun.yaml ({', '.join(koder)})")
            for r in df.itertuples(index=False) if _har(getattr(r, kolumn)) and getattr(r, kolumn) not in koder]


def _kontrollera_malbedomning(df, fil, kommun, period, tabeller):
    mal = set(tabeller.get("mal", pd.DataFrame(columns=["id"]))["id"])
    problem = [Problem(fil, r.radnr, "mal", r.mal, "id för ett mål i mal-tabellen")
               for r in df.itertuples(index=False) if r.mal not in mal]
    return problem + _kod_i_skala(df, fil, kommun, "bedomning", "mal")


def _kontrollera_uppdrag(df, fil, kommun, period, tabeller):
    mal = set(tabeller.get("mal", pd.DataFrame(columns=["id"]))["id"])
    problem = [Problem(fil, r.radnr, "mal_id", r.mal_id, "id för ett mål i mal-tabellen")
               for r in df.itertuples(index=False) if _har(r.mal_id) and r.mal_id not in mal]
    return problem + _kod_i_skala(df, fil, kommun, "status", "uppdrag")


def _kontrollera_internkontroll(df, fil, kommun, period, tabeller):
    if "status" not in df or not df["status"].map(_har).any():
        return []
    if not kommun.skala("internkontroll"):
        radnr = next(r.radnr for r in df.itertuples(index=False) if _har(r.status))
        return [Problem(fil, radnr, "status", None, "en statusskala skalor.internkontroll i kommun.yaml, eller tom "
                                                     "kolumn (status needs a scale in kommun.yaml)")]
    return _kod_i_skala(df, fil, kommun, "status", "internkontroll")


def _kontrollera_resultat(df, fil, kommun, period, tabeller):
    """Nettokostnad, where given, must equal kostnader − intäkter up to the rounding of the printed
    components (two values each rounded to 0,1 mnkr can differ by 0,1 mnkr)."""
    problem = _kontrollera_ar(df, fil, kommun, period, tabeller)
    tolerans = 150.0  # tkr
    for r in df.itertuples(index=False):
        if all(_har(v) for v in (r.intakter, r.kostnader, r.nettokostnad)):
            differens = r.kostnader - r.intakter - r.nettokostnad
            if abs(differens) > tolerans:
                problem.append(Problem(fil, r.radnr, "nettokostnad", f"{r.nettokostnad / 1000:.1f} mnkr",
                                       f"kostnader − intäkter = {(r.kostnader - r.intakter) / 1000:.1f} mnkr "
                                       "(skillnaden är större än avrundning kan förklara)"))
    return problem


def _kontrollera_investeringar(df, fil, kommun, period, tabeller):
    """A printed avvikelse comes from unrounded figures: within one unit of the last digit of budget − utfall."""
    problem = _kontrollera_ar(df, fil, kommun, period, tabeller)
    installning = kommun.tabellinstallning("investeringar")
    enhet = tecken.ENHETER_TILL_TKR[installning.get("enhet", "tkr")]
    steg = 2 * tecken.halv_enhet(installning)  # one unit of the last digit
    # a printed group total must name a group of the same table (its figures are checked in the report,
    # which prints the rows' sum with a note where the source's total is wrong)
    def stig(v) -> tuple[str, ...]:
        return tuple(d.strip() for d in str(v).split("/") if d.strip()) if _har(v) else ()

    tabell = df["tabell"] if "tabell" in df else pd.Series("", index=df.index)
    grupp = df["grupp"] if "grupp" in df else pd.Series("projekt", index=df.index)
    overordnad = df["overordnad"] if "overordnad" in df else pd.Series(None, index=df.index, dtype=object)
    rader = pd.DataFrame({"tabell": tabell.map(lambda t: str(t).strip() if _har(t) else ""), "grupp": grupp,
                          "overordnad": overordnad, "projekt": df["projekt"], "radnr": df["radnr"]})
    grupper = {(r.tabell, stig(r.overordnad)[:i])
               for r in rader.itertuples(index=False) if r.grupp != "summa"
               for i in range(len(stig(r.overordnad)) + 1)}
    # rows that sum whole tables (kommun.yaml visas.per_tabell.<t>.sammanstallning): the tables must exist in
    # each year the host table has, and a summing row must not take the name of a group or of the table's total
    kfil = visningsnamn(kommun.mapp / "kommun.yaml")
    projekt = rader[rader["grupp"] != "summa"]
    ar_per_tabell = {t: set(d["ar"]) for t, d in df.assign(_t=rader["tabell"]).groupby("_t")}
    egna_grupper = set(grupper)
    per_tabell = (installning.get("visas") or {}).get("per_tabell") or {}
    for t, egen in per_tabell.items():
        nyckel = f"tabeller.investeringar.visas.per_tabell.{t}"
        if t not in ar_per_tabell:
            problem.append(Problem(kfil, None, nyckel, t, f"ett värde i {fil}s kolumn tabell (no such table in this "
                                   "period's file: its settings are not used)", varning=True))
            continue
        toppar = {stig(o)[0] if stig(o) else None for o in projekt.loc[projekt["tabell"] == t, "overordnad"]}
        egen_summa = len(toppar) > 1 or None in toppar
        tidigare: set[str] = set()
        for rad in (egen or {}).get("sammanstallning") or ():
            namn = str(rad["rad"]).strip()
            hel = (*stig(rad.get("under")), namn)
            if (t, hel) in egna_grupper or (namn.lower() == "summa" and egen_summa):
                problem.append(Problem(kfil, None, f"{nyckel}.sammanstallning", namn, "ett namn som ingen grupp "
                                       "eller summarad i tabellen redan har (a summing row needs its own name)"))
            grupper.add((str(t), hel))
            if rad.get("under") and str(rad["under"]).strip() not in tidigare:
                problem.append(Problem(kfil, None, f"{nyckel}.sammanstallning", rad["under"],
                                       "namnet på en rad tidigare i samma sammanstallning "
                                       "(under names an earlier summing row)"))
            tidigare.add(namn)
            for x in rad["tabeller"]:
                saknas_ar = sorted(int(a) for a in ar_per_tabell[t] - ar_per_tabell.get(str(x), set()))
                if saknas_ar:
                    problem.append(Problem(kfil, None, f"{nyckel}.sammanstallning", x,
                                           f"en tabell i {fil}s kolumn tabell med rader för "
                                           f"{', '.join(map(str, saknas_ar))} (raden {namn} summerar den; "
                                           "a missing table would add nothing)"))
    for r in rader[rader["grupp"] == "summa"].itertuples(index=False):
        egen = stig(r.overordnad) + (() if str(r.projekt).strip().lower() == "summa" else (str(r.projekt).strip(),))
        if (r.tabell, egen) not in grupper:
            problem.append(Problem(fil, r.radnr, "projekt", r.projekt, "namnet på en grupp (eller Summa för hela "
                                   "tabellen) som projektrader i samma tabell ligger under (a printed total names "
                                   "its group)"))
    kontrollerade = (rader["grupp"] == "summa") | (df["avvikelse"].map(_har) if "avvikelse" in df else False)
    problem += _decimaler(df[kontrollerade], ("budget", "utfall", "avvikelse", "overforing"), installning, fil,
                          "investeringar")
    if "avvikelse" not in df:
        return problem
    for r in df.itertuples(index=False):
        if not _har(r.avvikelse) or r.grupp == "summa":
            continue
        if not (_har(r.budget) and _har(r.utfall)):
            problem.append(Problem(fil, r.radnr, "avvikelse", None, "budget och utfall på samma rad "
                                   "(a printed avvikelse needs the budget and utfall it compares)"))
        elif abs((r.budget - r.utfall) - r.avvikelse) > steg + 0.001:
            problem.append(Problem(fil, r.radnr, "avvikelse", f"{r.avvikelse / enhet:g}",
                                   f"budget − utfall = {(r.budget - r.utfall) / enhet:.1f} (skillnaden är större än "
                                   "avrundning kan förklara; positiv = under budget)"))
    return problem


def _kontrollera_resultatposter(df, fil, kommun, period, tabeller):
    """Each post sits under a summary row or is a 'varav' of one; where resultat.csv prints the totals
    (intäkter, kostnader) the posts must add up to them up to rounding (each printed value may be off by
    half a unit of its last digit)."""
    problem = _kontrollera_ar(df, fil, kommun, period, tabeller)
    noder = {ARETS_RESULTAT}
    for o in df["overordnad"].dropna():
        delar = [x.strip() for x in str(o).split("/")]
        noder |= {"/".join(delar[: i + 1]) for i in range(len(delar))} | set(delar)
    for r in df.itertuples(index=False):
        varav = _har(r.varav_till)
        if varav and r.varav_till not in noder | set(df["post"]):
            problem.append(Problem(fil, r.radnr, "varav_till", r.varav_till,
                                   f"en summarad eller post i filen, t.ex. {ARETS_RESULTAT} (a 'varav' row names its parent)"))
        if not varav and not _har(r.overordnad):
            problem.append(Problem(fil, r.radnr, "overordnad", None,
                                   f"summaraden som posten ingår i, t.ex. {VERKSAMHETENS_KOSTNADER} "
                                   "(every post belongs to a subtotal)"))
    installning = kommun.tabellinstallning("resultatposter")
    halv = tecken.halv_enhet(installning)
    resultat = tabeller.get("resultat")
    if (df["typ"] == "avvikelse").any() or (resultat is not None and not resultat.empty):
        problem += _decimaler(df, ("belopp",), installning, fil, "resultatposter")
    # A printed avvikelse comes from unrounded figures: it may differ from budget − utfall of the rounded
    # posts by one unit of the last digit, not more. Costs are positive inside, so the sign follows the root.
    varde = {(r.namnd, r.ar, r.typ, r.post): r.belopp for r in df.itertuples(index=False)}
    for r in df[df["typ"] == "avvikelse"].itertuples(index=False):
        b, u = varde.get((r.namnd, r.ar, "budget", r.post)), varde.get((r.namnd, r.ar, "utfall", r.post))
        if b is None or u is None or pd.isna(b) or pd.isna(u):
            problem.append(Problem(fil, r.radnr, "typ", "avvikelse", "budget och utfall för samma post och år "
                                   "(a printed avvikelse needs the budget and utfall it compares)"))
            continue
        kostnad = tecken.resultatpost_rot(r.overordnad) == VERKSAMHETENS_KOSTNADER
        beraknad = tecken.avvikelse(b, u) if kostnad else tecken.avvikelse_intakt(b, u)
        if abs(beraknad - r.belopp) > 2 * halv + 0.001:
            problem.append(Problem(fil, r.radnr, "belopp", f"{r.belopp / 1000:.1f} mnkr",
                                   f"budget − utfall = {beraknad / 1000:.1f} mnkr (skillnaden är större än "
                                   "avrundning kan förklara)"))
    resultat = tabeller.get("resultat")
    if resultat is None or resultat.empty:
        return problem
    rot = df["overordnad"].map(tecken.resultatpost_rot)
    for r in resultat.itertuples(index=False):
        for kolumn, rubrik in (("intakter", VERKSAMHETENS_INTAKTER), ("kostnader", VERKSAMHETENS_KOSTNADER)):
            poster = df[(df["namnd"] == r.namnd) & (df["ar"] == r.ar) & (df["typ"] == r.typ) & (rot == rubrik)
                        & ~df["varav_till"].map(_har)]
            tryckt = getattr(r, kolumn)
            if poster.empty or not _har(tryckt):
                continue
            summa = poster["belopp"].sum()
            if abs(summa - tryckt) > halv * (len(poster) + 1) + 0.001:
                problem.append(Problem(fil, int(poster["radnr"].iloc[0]), "belopp", f"{summa / 1000:.1f} mnkr",
                                       f"att posterna under {rubrik} {int(r.ar)} ({r.typ}) summerar till "
                                       f"resultat.csv:s {kolumn} {tryckt / 1000:.1f} mnkr "
                                       "(skillnaden är större än avrundning kan förklara)"))
    return problem


def _decimaler(df: pd.DataFrame, kolumner: tuple[str, ...], installning: dict, fil: str, tabell: str) -> list[Problem]:
    """A warning when rows checked within rounding carry more decimals than ``decimaler`` says: the tolerance,
    half a unit of the last digit per row, would then let a real difference through unseen."""
    enhet = installning.get("enhet", "tkr")
    for r in df.itertuples(index=False):
        for k in kolumner:
            v = getattr(r, k, None)
            if _har(v) and tecken.fler_decimaler(v, installning):
                return [Problem(fil, r.radnr, k, f"{v / tecken.ENHETER_TILL_TKR[enhet]:g}",
                                f"högst {tecken.exportdecimaler(installning)} decimaler i {enhet}, som "
                                f"tabeller.{tabell}.decimaler i kommun.yaml säger (standard 1 för mnkr, 0 för tkr); "
                                "ange exportens decimaler, annars blir avrundningskontrollen för generös "
                                "(more decimals than declared)", varning=True)]
    return []


SUMMARAD = re.compile(r"^\s*(summa|totalt|total|delsumma|totalsumma)\b", re.IGNORECASE)


def _kontrollera_statistik(df, fil, kommun, period, tabeller):
    """Published statistics are kept as printed, but checked: a 'Totalt' row that is not the sum of the
    other rows, or a printed 'Förändring' that the year columns do not give, is reported as a warning."""
    problem = []
    for (_namnd, tabell), t in df.groupby(["namnd", "tabell"], sort=False):
        kolumner = list(dict.fromkeys(t["kolumn"]))
        rader = list(dict.fromkeys(t["rad"]))
        varde = {(r.rad, r.kolumn): r for r in t.itertuples()}
        summarader = [r for r in rader if ar_summarad(r)]
        ovriga = [r for r in rader if r not in summarader]
        for summarad in summarader:
            for k in kolumner:
                if str(k).lower().startswith("förändring") or (summarad, k) not in varde:
                    continue
                delar = [varde[(r, k)].varde for r in ovriga if (r, k) in varde and _har(varde[(r, k)].varde)]
                cell = varde[(summarad, k)]
                # Each printed row may be rounded by up to half a unit; more than that is a real mismatch.
                if delar and _har(cell.varde) and abs(sum(delar) - cell.varde) > 0.5 * len(delar) + 1e-6:
                    problem.append(Problem(fil, cell.radnr, "varde", f"{cell.varde:g}",
                                           f"tabell {tabell}, {summarad}, {k}: raderna summerar till {sum(delar):g} "
                                           "(publicerad summa stämmer inte)", varning=True))
        arskolumner = [k for k in kolumner if str(k).rstrip("*").isdigit()]
        for k in kolumner:
            if not str(k).lower().startswith("förändring") or len(arskolumner) < 2:
                continue
            fore, nu = arskolumner[-2], arskolumner[-1]
            for r in rader:
                if (r, k) not in varde or (r, fore) not in varde or (r, nu) not in varde:
                    continue
                a, b, tryckt = varde[(r, fore)].varde, varde[(r, nu)].varde, varde[(r, k)]
                if not all(_har(v) for v in (a, b, tryckt.varde)) or not a:
                    continue
                beraknad = (b / a - 1) * 100
                if abs(beraknad - tryckt.varde) > 1.0:  # printed changes are rounded to whole or tenth percent
                    problem.append(Problem(fil, tryckt.radnr, "varde", f"{tryckt.varde:g}",
                                           f"tabell {tabell}, {r}: {fore}→{nu} ger {beraknad:.1f} % "
                                           "(publicerad förändring stämmer inte)", varning=True))
    return problem

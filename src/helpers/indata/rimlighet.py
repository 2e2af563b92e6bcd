"""Plausibility rules as data (konfig/rimlighet.yaml, tightened per kommun in data/raw/<kommun>/rimlighet.yaml):
ranges per table and column, prognos against budget, months after the period, the period folder's name
and the sign-convention setting. A rule at niva 'fel' stops the build; 'varning' is shown by validate and
in draft reports."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
import yaml

from helpers.fel import Problem, visningsnamn
from helpers.indata import tecken
from helpers.indata.scheman import TABELLER
from helpers.konfig.kommun import Kommun, Period

STANDARD = Path(__file__).resolve().parents[1] / "konfig" / "rimlighet.yaml"


@lru_cache(maxsize=1)
def _standard() -> dict:
    return yaml.safe_load(STANDARD.read_text(encoding="utf-8"))


def regler(kommun: Kommun) -> tuple[dict, list[Problem]]:
    """The default rules with the kommun's overrides applied."""
    r = {k: (list(v) if isinstance(v, list) else dict(v)) for k, v in _standard().items()}
    fil = kommun.mapp / "rimlighet.yaml"
    if not fil.is_file():
        return r, []
    try:
        egna = yaml.safe_load(fil.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        return r, [Problem(visningsnamn(fil), None, None, None, f"giltig YAML (invalid YAML): {e}")]
    if not isinstance(egna, dict) or set(egna) - set(r):
        return r, [Problem(visningsnamn(fil), None, None, None,
                           f"nycklar bland {', '.join(r)} (unknown rule)")]
    for nyckel, varde in egna.items():
        if nyckel == "intervall":
            def id_(regel):
                return regel.get("tabell"), regel.get("kolumn"), str(regel.get("nar"))
            egna_id = {id_(x) for x in varde}
            r["intervall"] = [x for x in r["intervall"] if id_(x) not in egna_id] + list(varde)
        else:
            r[nyckel] = {**r[nyckel], **varde}
    return r, []


def kontrollera(kommun: Kommun, period: Period, tabeller: dict[str, pd.DataFrame],
                filer: dict[str, str]) -> list[Problem]:
    r, problem = regler(kommun)
    problem += _periodmapp(period, r["periodmapp"])
    for namn, df in tabeller.items():
        if df.empty or namn not in filer:
            continue
        problem += _intervall(namn, df, filer[namn], r["intervall"])
        problem += _prognos(namn, df, filer[namn], r["prognos_mot_budget"])
        problem += _manader(namn, df, filer[namn], period, r["manader_efter_perioden"])
        problem += _tecken(namn, df, kommun, r["teckenkonvention"])
    return problem


def _problem(fil, rad, kolumn, varde, text, niva) -> Problem:
    return Problem(fil, rad, kolumn, varde, text, varning=niva == "varning")


def _periodmapp(period: Period, regel: dict) -> list[Problem]:
    fil = visningsnamn(period.mapp / "period.yaml")
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", period.id)
    if not m:
        return []
    fel = []
    if int(m.group(1)) != period.ar:
        fel.append(_problem(fil, None, "ar", str(period.ar), f"ar: {m.group(1)}, som mappens namn {period.id!r} "
                            "(period folder name and ar disagree)", regel["niva"]))
    if m.group(2) and int(m.group(2)) != period.till_manad:
        fel.append(_problem(fil, None, "till_manad", str(period.till_manad),
                            f"till_manad: {int(m.group(2))}, som mappens namn {period.id!r} "
                            "(period folder name and till_manad disagree)", regel["niva"]))
    return fel


def _intervall(namn: str, df: pd.DataFrame, fil: str, intervall: list[dict]) -> list[Problem]:
    fel = []
    for regel in intervall:
        if regel["tabell"] not in ("*", namn):
            continue
        kolumner = TABELLER[namn].belopp if regel["kolumn"] == "belopp" else (regel["kolumn"],)
        urval = df
        for k, v in (regel.get("nar") or {}).items():
            urval = urval[urval[k] == v] if k in urval.columns else urval.iloc[0:0]
        for k in kolumner:
            if k not in urval.columns:
                continue
            for rad in urval[urval[k].notna() & ((urval[k] < regel["min"]) | (urval[k] > regel["max"]))].itertuples():
                fel.append(_problem(fil, rad.radnr, k, f"{getattr(rad, k):g}",
                                    f"ett värde från {regel['min']:g} till {regel['max']:g} (rimlighetsregel; "
                                    "implausible value)", regel["niva"]))
    return fel


def _prognos(namn, df, fil, regel) -> list[Problem]:
    if not {"prognos", "budget"} <= set(df.columns):
        return []
    d = df[df["prognos"].notna() & df["budget"].notna() & (df["budget"].abs() > 0)]
    if "manad" in d.columns:  # a month's budget against the full-year prognos says nothing
        d = d[d["manad"].isna()]
    d = d[(d["prognos"] / d["budget"]).abs() > regel["max_kvot"]]
    return [_problem(fil, r.radnr, "prognos", f"{r.prognos:g}",
                     f"en prognos högst {regel['max_kvot']:g} gånger budgeten {r.budget:g} (rimlighetsregel; "
                     "forecast implausibly far from budget, unit error?)", regel["niva"]) for r in d.itertuples()]


def _manader(namn, df, fil, period: Period, regel) -> list[Problem]:
    # drift has its own check in validering (same rule, older message)
    if namn == "drift" or not {"manad", "ar", "varde"} <= set(df.columns):
        return []
    d = df[(df["ar"] == period.ar) & df["manad"].notna() & (df["manad"] > period.till_manad) & df["varde"].notna()]
    niva = (regel.get("undantag") or {}).get(namn, regel["niva"])
    if niva == "av":
        return []
    return [_problem(fil, r.radnr, "manad", str(int(r.manad)),
                     f"en månad till och med {period.till_manad} (periodens slut; month after the period)",
                     niva) for r in d.itertuples()]


def _tecken(namn, df, kommun: Kommun, regel) -> list[Problem]:
    installning = kommun.tabellinstallning(namn)
    fel = []
    for slag, kolumner in tecken._VAND.get(namn, {}).items():
        if installning.get(slag) != "negativa":
            continue
        varden = pd.concat([df[k] for k in kolumner if k in df.columns]).dropna()
        varden = varden[varden != 0]
        # after normalisation the amounts of a correct setting are mostly positive
        if len(varden) >= 3 and (varden < 0).mean() > regel["andel"]:
            fel.append(_problem(visningsnamn(kommun.mapp / "kommun.yaml"), None, f"tabeller.{namn}.{slag}", "negativa",
                                f"{slag}: positiva, eller data med negativa {slag}: {(varden > 0).mean():.0%} av "
                                f"beloppen i {namn} är positiva i filen (sign convention setting contradicts the data)",
                                regel["niva"]))
    return fel

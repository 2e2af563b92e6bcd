"""Personnel key figures, with suppression of small groups.

Figures about fewer than ``min_antal`` persons (default 5, ``tabeller.personal.min_antal`` in kommun.yaml)
are personal data: they are replaced by ``..`` in tables and left out of charts. When exactly one group
of a breakdown (kön, ålder) is suppressed, a second one is too, so the hidden value cannot be worked out
from the total and the other groups (see ``helpers.berakning.personal.rojandeskydd``)."""

from __future__ import annotations

import pandas as pd

from helpers.berakning.personal import (
    _ALDER,
    DOLT,
    STANDARD_MIN_ANTAL,
    _manadstotaler,
    arsvarden,
    nyckeltal,
    rojandeskydd,
)
from helpers.presentation import format as fmt
from helpers.presentation.format import NBSP


def gruppnamn(grupp: str) -> str:
    if grupp in (None, "", "alla"):
        return "Totalt"
    if grupp in ("K", "M"):
        return {"K": "kvinnor", "M": "män"}[grupp]
    if grupp in ("Kvinnor", "Män"):
        return grupp.lower()
    m = _ALDER.match(grupp)
    if m and any(c.isdigit() for c in grupp):
        fran, till = m.groups()
        if fran and till:
            return f"{fran}–{till} år"
        return f"{till} år och yngre" if till else f"{fran} år och äldre"
    return grupp


def matningstext(matning, manad, ar: int, till_manad: int = 12) -> str:
    """What a figure measures, for labels and sentences: 'per 31 augusti', 'januari–augusti',
    'rullande 12 månader t.o.m. augusti'; '' for a whole year. Without a month the period's end applies."""
    import calendar

    from helpers.konfig.kommun import MANADER

    m = int(manad) if not fmt.saknas(manad) else till_manad
    if matning == "ogonblick":
        return f"per {calendar.monthrange(ar, m)[1]} {MANADER[m - 1]}"
    if matning == "rullande_12":
        return f"rullande 12 månader t.o.m. {MANADER[m - 1]}"
    if m < 12:  # ackumulerad, or a year figure in a part-year report
        return "januari" if m == 1 else f"januari–{MANADER[m - 1]}"
    return ""


def _dimensioner(kommun) -> dict | None:
    """The declared personnel dimensions (kommun.yaml tabeller.personal.dimensioner), if any."""
    try:
        dimensioner = kommun.tabellinstallning("personal").get("dimensioner")
    except AttributeError:  # a bare object in tests: the built-in recognition applies
        return None
    return dimensioner if isinstance(dimensioner, dict) and dimensioner else None


def tabell_per_ar(kommun, personal: pd.DataFrame, ar: int, antal_ar: int = 3, min_antal: int = STANDARD_MIN_ANTAL,
                  till_manad: int = 12, rubrik: str = "Personalnyckeltal"):
    """Key figures by group (rows) and year (columns), suppressed where needed. A point-in-time figure is
    labelled with its date ('Antal anställda per 31 augusti'), a part-year one with its months."""
    from helpers.presentation.tabell import Kolumn, Tabell

    definitioner = nyckeltal(kommun)
    dimensioner = _dimensioner(kommun)
    df = rojandeskydd(arsvarden(personal), min_antal, dimensioner)
    ar_lista = [y for y in range(ar - antal_ar + 1, ar + 1) if (df["ar"] == y).any()]
    rader, dolda, periodnoter = [], False, []
    ordning = {k: i for i, k in enumerate(definitioner)}
    nycklar = sorted(df["nyckeltal"].unique(), key=lambda k: ordning.get(k, len(ordning)))
    for nt in nycklar:
        d = definitioner.get(nt, {"namn": nt, "enhet": "", "decimaler": 1})
        # What each year's figure measures: a part-year report compares its months with earlier whole
        # years, so one label for the row would misname the earlier columns.
        nar_per_ar = {}
        for y in ar_lista:
            r = df[(df["nyckeltal"] == nt) & (df["ar"] == y)]
            if not r.empty:
                matning = r["matning"].iloc[0] if "matning" in r else None
                nar_per_ar[y] = matningstext(None if fmt.saknas(matning) else matning, r["manad"].iloc[0], y,
                                             till_manad if y == ar else 12)
        if len(set(nar_per_ar.values())) <= 1:
            nar = next(iter(nar_per_ar.values()), "")
            etikett = f"{d['namn']} {nar}" if nar.startswith("per ") else (f"{d['namn']}, {nar}" if nar else d["namn"])
        else:
            etikett = d["namn"]
            periodnoter.append(_periodnot(d["namn"], nar_per_ar))
        for grupp in dict.fromkeys(df.loc[df["nyckeltal"] == nt, "grupp"]):
            namn = etikett if grupp == "alla" else f"{etikett}, {gruppnamn(grupp)}"
            rad = {"nyckeltal": namn}
            for y in ar_lista:
                r = df[(df["nyckeltal"] == nt) & (df["grupp"] == grupp) & (df["ar"] == y)]
                if r.empty:
                    rad[str(y)] = fmt.SAKNAS
                elif r["dold"].iloc[0]:
                    rad[str(y)], dolda = DOLT, True
                else:
                    rad[str(y)] = fmt.enligt_enhet(r["varde"].iloc[0], d.get("enhet"), d.get("decimaler"))
            rader.append(rad)
    noter = [f"{DOLT} = grupper med färre än {min_antal} personer redovisas inte, av hänsyn till den "
             f"personliga integriteten."] if dolda else []
    noter = periodnoter + noter
    kol = [Kolumn("Nyckeltal", "nyckeltal")] + [Kolumn(str(y), str(y), str) for y in ar_lista]
    return Tabell(rubrik, kol, pd.DataFrame(rader), fotnoter=noter)


def _periodnot(namn: str, nar_per_ar: dict[int, str]) -> str:
    """'Total sjukfrånvaro avser januari–augusti 2024; helår 2022 och 2023.' Years are listed, not spanned:
    '31 december 2022–2023' would read as a period of dates."""
    grupper: dict[str, list[int]] = {}
    for y, nar in sorted(nar_per_ar.items(), reverse=True):
        grupper.setdefault(nar, []).append(y)
    delar = []
    for nar, ar_i in grupper.items():
        artext = fmt.upprakning([str(y) for y in sorted(ar_i)])
        # 'per 31 augusti' reads as a date after 'avser'
        delar.append(f"{nar.removeprefix('per ')} {artext}" if nar else f"helår {artext}")
    return f"{namn} avser {'; '.join(delar)}."


def tabell_per_manad(personal: pd.DataFrame, nyckel: str, ar: int, rubrik: str, min_antal: int = STANDARD_MIN_ANTAL):
    """Monthly values (e.g. sjukfrånvaro) for this year and the year before, totals only."""
    from helpers.konfig.kommun import MANADER_KORT
    from helpers.presentation.tabell import Kolumn, Tabell

    df = _manadstotaler(personal, nyckel, min_antal)
    rader = []
    for y in (ar - 1, ar):
        d = df[df["ar"] == y]
        if d.empty:
            continue
        rad = {"ar": str(y)}
        for r in d.itertuples():
            rad[MANADER_KORT[int(r.manad) - 1]] = DOLT if r.dold else fmt.procent(r.varde, 1)
        rader.append(rad)
    if not rader:
        return None
    kol = [Kolumn("År", "ar")] + [Kolumn(m, m, str) for m in MANADER_KORT if any(m in r for r in rader)]
    return Tabell(rubrik, kol, pd.DataFrame(rader))


def sjukfranvaro_mening(namnd_namn: str, personal: pd.DataFrame, ar: int, min_antal: int = STANDARD_MIN_ANTAL,
                        till_manad: int = 12) -> str | None:
    """'Kommunstyrelsens sjukfrånvaro för 2020 var 3,3 procent, jämfört med 3,7 procent 2019.' A part year
    is named as such: 'sjukfrånvaro under januari–augusti 2024', never 'för 2024'."""
    arsdata = arsvarden(personal)
    df = rojandeskydd(arsdata[arsdata["nyckeltal"] == "sjukfranvaro"], min_antal)
    df = df[(df["grupp"] == "alla") & ~df["dold"]]
    nu, fore = df[df["ar"] == ar], df[df["ar"] == ar - 1]
    if nu.empty:
        return None
    matning = nu["matning"].iloc[0] if "matning" in nu else None
    nar = matningstext(None if fmt.saknas(matning) else matning, nu["manad"].iloc[0], ar, till_manad)
    nar = f"för {ar}" if not nar else (f"{nar} {ar}" if nar.startswith(("per ", "rullande")) else f"under {nar} {ar}")
    text = f"{namnd_namn} sjukfrånvaro {nar} var {fmt.tal(nu['varde'].iloc[0], 1)}{NBSP}procent"
    if not fore.empty:
        diff = nu["varde"].iloc[0] - fore["varde"].iloc[0]
        andring = ("oförändrat" if fmt.avrunda(diff, 1) == 0 else
                   f"en {'ökning' if diff > 0 else 'minskning'} med {fmt.tal(abs(diff), 1)} procentenheter")
        # Name the earlier figure's period when it is not this one's (a whole year against January–August).
        fore_matning = fore["matning"].iloc[0] if "matning" in fore else None
        fore_nar = matningstext(None if fmt.saknas(fore_matning) else fore_matning, fore["manad"].iloc[0], ar - 1)
        nu_nar = matningstext(None if fmt.saknas(matning) else matning, nu["manad"].iloc[0], ar, till_manad)
        jamfort = (f"{ar - 1}" if fore_nar == nu_nar else f"helåret {ar - 1}" if not fore_nar else
                   f"{fore_nar} {ar - 1}")
        text += f", {andring} jämfört med {jamfort} ({fmt.tal(fore['varde'].iloc[0], 1)}{NBSP}procent)"
    return text + "."


"""Indicator tables and trends: utfall per year, målvärden (absolute or relative, e.g. −2 %), trend
with direction AND words (never colour alone), source, and a small chart where there are enough values.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from . import format as fmt
from .format import NBSP, SAKNAS

SAKNAS_TEXT = {
    "ej_publicerat": "värdet är inte publicerat ännu",
    "ej_matt": "inte mätt detta år",
    "metodbyte": "inte jämförbart på grund av ändrat beräkningssätt",
}


@dataclass(frozen=True)
class Trend:
    pil: str  # ↑ ↓ →
    text: str  # "Ökar – bra riktning"

    def __str__(self) -> str:
        return f"{self.pil} {self.text}" if self.pil else self.text


def varde_text(varde, vardetyp: str | None, enhet: str | None, decimaler: int) -> str:
    """One indicator value as printed: '80,5 %', '1,6', '−2 %' (a relative target), '–' when missing."""
    if fmt.saknas(varde):
        return SAKNAS
    if vardetyp == "forandring_procent":
        return fmt.procent(varde, 0 if float(varde).is_integer() else 1, tecken=True)
    text = fmt.tal(varde, decimaler)
    return f"{text}{NBSP}%" if enhet == "procent" else text


def trend(utfall: list[float], polaritet: str) -> Trend:
    """Direction from the last two values; whether that is good depends on the indicator's polarity."""
    varden = [v for v in utfall if not fmt.saknas(v)]
    if len(varden) < 2:
        return Trend("", "För få värden för trend")
    forra, senaste = varden[-2], varden[-1]
    if senaste == forra:
        return Trend("→", "Oförändrad")
    okar = senaste > forra
    pil, ord_ = ("↑", "Ökar") if okar else ("↓", "Minskar")
    if polaritet == "ingen":
        return Trend(pil, ord_)
    bra = okar == (polaritet == "hogre_battre")
    return Trend(pil, f"{ord_} – {'bra' if bra else 'inte bra'} riktning")


def _varden(varden: pd.DataFrame, indikator: str, typ: str, kon: str = "T") -> pd.DataFrame:
    v = varden[(varden["indikator"] == indikator) & (varden["typ"] == typ)]
    kon_kol = v["kon"].fillna("T")
    return v[kon_kol == kon].sort_values("ar")


def tabellrader(indikatorer: pd.DataFrame, varden: pd.DataFrame, ids: list[str], ar: int,
                antal_ar: int = 4) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Wide rows for the indicator table: 'Utfall <år>' for the last ``antal_ar`` years up to ``ar``, 'Mål <år>'
    (and 'Etappmål <år>') for every target year from ``ar`` on, and the trend. Returns rows, the value
    column names and the footnotes."""
    utfallsar = list(range(ar - antal_ar + 1, ar + 1))
    valda = varden[varden["indikator"].isin(ids)]
    malar = sorted(y for y in valda.loc[valda["typ"] == "mal", "ar"].unique() if y >= ar)
    etappar = sorted(y for y in valda.loc[valda["typ"] == "etappmal", "ar"].unique() if y >= ar)
    kolumner = ([f"Utfall {y}" for y in utfallsar] + [f"Mål {y}" for y in malar]
                + [f"Etappmål {y}" for y in etappar])
    rader, noter = [], []
    for iid in ids:
        ind = indikatorer.set_index("id").loc[iid]
        dec = 0 if fmt.saknas(ind["decimaler"]) else int(ind["decimaler"])
        enhet = None if fmt.saknas(ind["enhet"]) else ind["enhet"]
        namn = f"{ind['agare']} {ind['namn']}" if not fmt.saknas(ind["agare"]) else ind["namn"]
        rad = {"indikator": namn, "id": iid}
        utfall = _varden(varden, iid, "utfall")
        for y in utfallsar:
            r = utfall[utfall["ar"] == y]
            rad[f"Utfall {y}"] = (varde_text(r["varde"].iloc[0], r["vardetyp"].iloc[0], enhet, dec)
                                  if len(r) else SAKNAS)
            if len(r) and not fmt.saknas(r["saknas"].iloc[0]):
                rad[f"Utfall {y}"] = "*"
                noter.append(f"* {ind['namn']}, {y}: {SAKNAS_TEXT.get(r['saknas'].iloc[0], r['saknas'].iloc[0])}.")
        for typ, ar_lista, etikett in (("mal", malar, "Mål"), ("etappmal", etappar, "Etappmål")):
            m = _varden(varden, iid, typ)
            for y in ar_lista:
                r = m[m["ar"] == y]
                rad[f"{etikett} {y}"] = (varde_text(r["varde"].iloc[0], r["vardetyp"].iloc[0], enhet, dec)
                                         if len(r) else SAKNAS)
        rad["trend"] = str(trend(utfall[utfall["ar"] <= ar]["varde"].tolist(), ind["polaritet"]))
        kallor = sorted({str(k) for k in utfall["kalla"].dropna()})
        kolada = None if fmt.saknas(ind["kolada_id"]) else ind["kolada_id"]
        rad["kalla"] = ", ".join(kallor + ([f"Kolada {kolada}"] if kolada else [])) or SAKNAS
        if not fmt.saknas(ind["fotnot"]):
            noter.append(f"{ind['namn']}: {ind['fotnot']}")
        rader.append(rad)
    return pd.DataFrame(rader), kolumner, noter


def serie(varden: pd.DataFrame, indikator: str) -> dict[str, pd.DataFrame]:
    """Utfall per gender (T, K, M where present) and the absolute targets, for a chart."""
    ut = {}
    for kon in ("T", "K", "M"):
        v = _varden(varden, indikator, "utfall", kon).dropna(subset=["varde"])
        if len(v):
            ut[kon] = v[["ar", "varde"]]
    mal = _varden(varden, indikator, "mal")
    ut["mal"] = mal[(mal["vardetyp"].fillna("niva") == "niva")].dropna(subset=["varde"])[["ar", "varde"]]
    return ut


def tabell(rader: pd.DataFrame, kolumner: list[str], noter: list[str], rubrik: str):
    """The indicator table as printed under each goal."""
    from .tabeller import Kolumn, Tabell

    kol = ([Kolumn("Indikator", "indikator")] + [Kolumn(k, k, str) for k in kolumner]
           + [Kolumn("Trend", "trend"), Kolumn("Källa", "kalla")])
    return Tabell(rubrik, kol, rader, fotnoter=noter)


def diagram(indikatorer: pd.DataFrame, varden: pd.DataFrame, indikator: str, palett) -> str | None:
    from . import diagram as dia

    ind = indikatorer.set_index("id").loc[indikator]
    dec = 0 if fmt.saknas(ind["decimaler"]) else int(ind["decimaler"])
    return dia.indikator(serie(varden, indikator), palett, namn=ind["namn"],
                         enhet=None if fmt.saknas(ind["enhet"]) else ind["enhet"], decimaler=dec)

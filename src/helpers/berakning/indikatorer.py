"""Indicator tables and trends: utfall per year, målvärden (absolute or relative, e.g. −2 %), trend
with direction AND words (never colour alone), source, and a small chart where there are enough values."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.indata.tal import saknas


@dataclass(frozen=True)
class Trend:
    pil: str  # ↑ ↓ →
    text: str  # "Ökar – bra riktning"

    def __str__(self) -> str:
        return f"{self.pil} {self.text}" if self.pil else self.text


def trend(utfall: list[float], polaritet: str) -> Trend:
    """Direction from the last two values; whether that is good depends on the indicator's polarity."""
    varden = [v for v in utfall if not saknas(v)]
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


def med_kolada(indikatorer: pd.DataFrame, varden: pd.DataFrame, kolada: pd.DataFrame | None,
               kod: str) -> pd.DataFrame:
    """The raw outcomes, plus Kolada's value for the municipality (gender T) wherever the raw data has no
    value of its own for an indicator with a Kolada id. Raw data always wins; the source is kept in `kalla`."""
    if kolada is None or kolada.empty:
        return varden
    tillagg = []
    for ind in indikatorer.dropna(subset=["kolada_id"]).itertuples():
        egna = varden[(varden["indikator"] == ind.id) & (varden["typ"] == "utfall")
                      & (varden["kon"].fillna("T") == "T") & varden["varde"].notna()]
        k = kolada[(kolada["kpi"] == ind.kolada_id) & (kolada["kommun"] == kod) & kolada["varde"].notna()]
        for r in k.itertuples():
            if r.ar in set(egna["ar"]):
                continue
            tillagg.append({"indikator": ind.id, "ar": int(r.ar), "typ": "utfall", "kon": r.kon, "varde": r.varde,
                            "vardetyp": "niva", "saknas": None, "kalla": f"Kolada {ind.kolada_id}"})
    if not tillagg:
        return varden
    # A Kolada value replaces a raw row that only says the value is missing.
    nya = pd.DataFrame(tillagg)
    nycklar = set(zip(nya["indikator"], nya["ar"], nya["typ"], nya["kon"]))
    kvar = varden[[(i, a, t, k if isinstance(k, str) else "T") not in nycklar
                   for i, a, t, k in zip(varden["indikator"], varden["ar"], varden["typ"], varden["kon"])]]
    return pd.concat([kvar, nya], ignore_index=True)


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


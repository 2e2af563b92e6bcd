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
    # values for a part of the population (grupp: an age group) are not the measure's own value
    hela = (v["grupp"].map(lambda g: g is None or pd.isna(g) or str(g).strip() == "").astype(bool)
            if "grupp" in v else True)
    return v[(kon_kol == kon) & hela].sort_values("ar")


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
    # Only numeric targets make a target line: a text target ("Länssnitt") is not a level to draw.
    text = mal["malvarde_text"] if "malvarde_text" in mal else pd.Series(None, index=mal.index)
    mal = mal[(mal["vardetyp"].fillna("niva") == "niva") & text.isna()]
    ut["mal"] = mal.dropna(subset=["varde"])[["ar", "varde"]]
    return ut



# Whether an indicator value reaches its target, in words (the table, the chart and the sentences share it).
UPPNATT, EJ_UPPNATT, KAN_INTE_BEDOMAS = "uppnått", "ej uppnått", "kan inte bedömas"
# Text targets that compare with the year before; other texts ("Länssnitt", "Topp tre i länet") need the
# comparison value in `varde`: without it the target cannot be judged, never guessed.
_MOT_FORRA_ARET = {"öka": ">", "minska": "<"}
_OPERATORER = {"≥": lambda a, b: a >= b, ">": lambda a, b: a > b, "≤": lambda a, b: a <= b,
               "<": lambda a, b: a < b, "=": lambda a, b: a == b}


def _text(v) -> str:
    return "" if saknas(v) else str(v).strip()


def _riktning(polaritet: str, ranking: bool = False) -> str | None:
    """The comparison when the data gives none: reach or pass the target in the good direction
    (a placing is better the lower it is)."""
    if ranking:
        return "≤"
    return {"hogre_battre": "≥", "lagre_battre": "≤"}.get(polaritet)


def bedom(utfall, mal: dict | None, polaritet: str, forra=None) -> str:
    """Uppnått, ej uppnått or kan inte bedömas for one outcome against one target row (``varde``,
    ``vardetyp``, ``malvarde_text``, ``jamforelse``, ``typ`` of the outcome). ``forra`` is the year before's
    outcome, for the targets Öka/Minska/Behåll and for relative targets (−2 %)."""
    if mal is None or saknas(utfall):
        return KAN_INTE_BEDOMAS
    text = _text(mal.get("malvarde_text")).lower()
    op = _text(mal.get("jamforelse"))
    varde = mal.get("varde")
    ranking = mal.get("utfallstyp") == "ranking"
    if not saknas(varde):
        if mal.get("vardetyp") == "forandring_procent":
            if saknas(forra) or forra == 0:
                return KAN_INTE_BEDOMAS
            utfall = (utfall - forra) / abs(forra) * 100
        op = op or _riktning(polaritet, ranking)
        if op not in _OPERATORER:
            return KAN_INTE_BEDOMAS
        return UPPNATT if _OPERATORER[op](float(utfall), float(varde)) else EJ_UPPNATT
    if text in _MOT_FORRA_ARET or text == "behåll":
        if saknas(forra):
            return KAN_INTE_BEDOMAS
        if text == "behåll":
            # Keep the level: not worse than the year before in the indicator's good direction.
            op = {"≥": "≥", "≤": "≤"}.get(_riktning(polaritet, ranking) or "", "=")
        else:
            op = _MOT_FORRA_ARET[text]
        return UPPNATT if _OPERATORER[op](float(utfall), float(forra)) else EJ_UPPNATT
    return KAN_INTE_BEDOMAS


def harmal(mal: dict | None) -> bool:
    """A row that states a target: a number, or a text other than "Indikator" (followed without target)."""
    if mal is None:
        return False
    return not saknas(mal.get("varde")) or _text(mal.get("malvarde_text")).lower() not in ("", "indikator")


def malrad(varden: pd.DataFrame, indikator: str, ar: int) -> dict | None:
    """The target for the year: the etappmål when there is one, else the mål."""
    for typ in ("etappmal", "mal"):
        r = _varden(varden, indikator, typ)
        r = r[r["ar"] == ar]
        if len(r):
            return r.iloc[0].to_dict()
    return None


def bedomning(varden: pd.DataFrame, indikator: str, ar: int, polaritet: str) -> str | None:
    """The year's outcome against the year's target; None when the indicator has no target that year
    (or only "Indikator"). The outcome is utfall, or the placing when the indicator only has rankings."""
    mal = malrad(varden, indikator, ar)
    if not harmal(mal):
        return None
    typ = "utfall"
    u = _varden(varden, indikator, "utfall").dropna(subset=["varde"])
    if u.empty:
        rank = _varden(varden, indikator, "ranking").dropna(subset=["varde"])
        if len(rank):
            typ, u = "ranking", rank
    denna = u[u["ar"] == ar]
    tidigare = u[u["ar"] < ar]
    return bedom(denna["varde"].iloc[0] if len(denna) else None, {**mal, "utfallstyp": typ}, polaritet,
                 tidigare["varde"].iloc[-1] if len(tidigare) else None)


def antal_nar_malet(indikatorer: pd.DataFrame, varden: pd.DataFrame, ids: list[str], ar: int) -> dict[str, int]:
    """Per judgement, how many of the indicators with a target for the year got it."""
    pol = indikatorer.set_index("id")["polaritet"]
    ut = {UPPNATT: 0, EJ_UPPNATT: 0, KAN_INTE_BEDOMAS: 0}
    for iid in ids:
        b = bedomning(varden, iid, ar, pol.get(iid, "ingen"))
        if b:
            ut[b] += 1
    return ut

"""Personnel key figures, with suppression of small groups.

Figures about fewer than ``min_antal`` persons (default 5, ``tabeller.personal.min_antal`` in kommun.yaml)
are personal data: they are replaced by ``..`` in tables and left out of charts. When exactly one cell
of a breakdown (a dimension such as kön or ålder, together with its total) is suppressed, a second one is
too, so the hidden value cannot be worked out from the total and the other groups.

The dimensions are declared in kommun.yaml (``tabeller.personal.dimensioner``: dimension → group labels).
Without a declaration, K/M/Kvinnor/Män are kön and ranges like 30-49, –29 or 50– are ålder."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import yaml

DOLT = ".."


STANDARD_MIN_ANTAL = 5
MINSTA_MIN_ANTAL = 3  # a smaller threshold would publish groups of one or two persons


_NYCKELTAL = yaml.safe_load((Path(__file__).parents[1] / "konfig" / "nyckeltal.yaml").read_text(encoding="utf-8"))


_ALDER = re.compile(r"^\s*(\d+)?\s*[-\u2013\u2212]\s*(\d+)?\s*(?:år)?\s*$")
_KON = {"k": "kon", "m": "kon", "kvinnor": "kon", "män": "kon", "kvinna": "kon", "man": "kon"}


def nyckeltal(kommun) -> dict[str, dict]:
    return {**_NYCKELTAL, **(getattr(kommun, "nyckeltal", None) or {})}


def _partition(grupp: str, dimensioner: dict | None = None) -> str | None:
    """The dimension a group label belongs to, or None (the total, or an unknown label)."""
    if grupp in (None, "", "alla"):
        return None
    if dimensioner:
        return next((d for d, etiketter in dimensioner.items() if grupp in {str(e) for e in etiketter or ()}), None)
    if str(grupp).strip().lower() in _KON:
        return "kon"
    if _ALDER.match(str(grupp)) and any(c.isdigit() for c in str(grupp)):
        return "alder"
    return None


def rojandeskydd(personal: pd.DataFrame, min_antal: int = STANDARD_MIN_ANTAL,
                 dimensioner: dict | None = None) -> pd.DataFrame:
    """Adds ``dold`` (True where the value must not be shown). Rows without ``antal`` are shown.

    Each dimension with its total is one equation, total = sum of groups: an equation with exactly one
    hidden cell gives that cell away, so the smallest visible group (or, failing that, the total) is
    hidden too. Hiding a total touches every dimension, so this repeats until nothing changes."""
    min_antal = max(int(min_antal), MINSTA_MIN_ANTAL)
    df = personal.copy()
    df["grupp"] = df["grupp"].fillna("alla")
    df["dold"] = df["antal"].notna() & (df["antal"] < min_antal)
    dimension = df["grupp"].map(lambda g: _partition(g, dimensioner))
    nycklar = ["ar", "manad", "nyckeltal"]
    for _, idx in df.groupby([df[k].astype(str) for k in nycklar], dropna=False).groups.items():
        total = [i for i in idx if df.at[i, "grupp"] == "alla"]
        ekvationer = [[i for i in idx if dimension[i] == d] for d in dict.fromkeys(dimension[idx].dropna())]
        andrad = True
        while andrad:
            andrad = False
            for grupper in ekvationer:
                celler = grupper + total
                if len(celler) < 2 or sum(bool(df.at[i, "dold"]) for i in celler) != 1:
                    continue
                synliga = [i for i in grupper if not df.at[i, "dold"]] or [i for i in total if not df.at[i, "dold"]]
                extra = min(synliga, key=lambda i: (df.at[i, "antal"] if pd.notna(df.at[i, "antal"]) else float("inf")))
                df.loc[extra, "dold"] = True
                andrad = True
    return df


# ``matning``: what a value with a month describes. ogonblick = the state at the month's end (antal anställda
# per 31 augusti), ackumulerad = January up to the month, rullande_12 = the twelve months up to it; such a
# value is the year's figure. manad (or empty) = the month alone, a point of a monthly series.
ARSMATNINGAR = ("ogonblick", "ackumulerad", "rullande_12")


def _matning(personal: pd.DataFrame) -> pd.Series:
    if "matning" not in personal:
        return pd.Series(None, index=personal.index, dtype=object)
    return personal["matning"]


def arsvarden(personal: pd.DataFrame) -> pd.DataFrame:
    """The rows that are a year's figure: no month, or a month with a point-in-time/cumulative matning.
    When a year has the figure at several months, the latest one counts."""
    df = personal[personal["manad"].isna() | _matning(personal).isin(ARSMATNINGAR)]
    if df["manad"].notna().any():
        df = df.assign(_m=df["manad"].fillna(13)).sort_values("_m", kind="stable")
        df = df.drop_duplicates(["ar", "nyckeltal", "grupp"], keep="last").drop(columns="_m").sort_index()
    return df


def _manadstotaler(personal: pd.DataFrame, nyckel: str, min_antal: int) -> pd.DataFrame:
    """Monthly totals of one key figure, with ``dold`` set where they must not be shown."""
    manadsvarde = personal["manad"].notna() & ~_matning(personal).isin(ARSMATNINGAR)
    df = rojandeskydd(personal[manadsvarde & (personal["nyckeltal"] == nyckel)], min_antal)
    return df[df["grupp"] == "alla"]


def per_manad(personal: pd.DataFrame, nyckel: str, ar: int, min_antal: int = STANDARD_MIN_ANTAL) -> dict[int, pd.DataFrame]:
    """Monthly totals for this year and the year before, suppressed groups left out (for charts)."""
    df = _manadstotaler(personal, nyckel, min_antal)
    df = df[~df["dold"]]
    return {y: df[df["ar"] == y].sort_values("manad")[["manad", "varde"]] for y in (ar - 1, ar)}


"""Personnel key figures, with suppression of small groups.

Figures about fewer than ``min_antal`` persons (default 5, ``tabeller.personal.min_antal`` in kommun.yaml)
are personal data: they are replaced by ``..`` in tables and left out of charts. When exactly one group
of a breakdown (kön, ålder) is suppressed, a second one is too, so the hidden value cannot be worked out
from the total and the other groups."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import yaml

DOLT = ".."


STANDARD_MIN_ANTAL = 5


_NYCKELTAL = yaml.safe_load((Path(__file__).parents[1] / "konfig" / "nyckeltal.yaml").read_text(encoding="utf-8"))


_ALDER = re.compile(r"^(\d+)?-(\d+)?$")


def nyckeltal(kommun) -> dict[str, dict]:
    return {**_NYCKELTAL, **(getattr(kommun, "nyckeltal", None) or {})}


def _partition(grupp: str) -> str | None:
    if grupp in ("K", "M"):
        return "kon"
    if _ALDER.match(grupp or ""):
        return "alder"
    return None


def rojandeskydd(personal: pd.DataFrame, min_antal: int = STANDARD_MIN_ANTAL) -> pd.DataFrame:
    """Adds ``dold`` (True where the value must not be shown). Rows without ``antal`` are shown."""
    df = personal.copy()
    df["grupp"] = df["grupp"].fillna("alla")
    df["dold"] = df["antal"].notna() & (df["antal"] < min_antal)
    nycklar = ["ar", "manad", "nyckeltal"]
    for _, idx in df.groupby([df[k].astype(str) for k in nycklar], dropna=False).groups.items():
        del_ = df.loc[idx]
        for partition in ("kon", "alder"):
            grupper = del_[del_["grupp"].map(_partition) == partition]
            if (grupper["dold"].sum() == 1) and len(grupper) > 1:
                synliga = grupper[~grupper["dold"]]
                extra = synliga["antal"].fillna(float("inf")).idxmin()
                df.loc[extra, "dold"] = True
    return df


def _manadstotaler(personal: pd.DataFrame, nyckel: str, min_antal: int) -> pd.DataFrame:
    """Monthly totals of one key figure, with ``dold`` set where they must not be shown."""
    df = rojandeskydd(personal[personal["manad"].notna() & (personal["nyckeltal"] == nyckel)], min_antal)
    return df[df["grupp"] == "alla"]


def per_manad(personal: pd.DataFrame, nyckel: str, ar: int, min_antal: int = STANDARD_MIN_ANTAL) -> dict[int, pd.DataFrame]:
    """Monthly totals for this year and the year before, suppressed groups left out (for charts)."""
    df = _manadstotaler(personal, nyckel, min_antal)
    df = df[~df["dold"]]
    return {y: df[df["ar"] == y].sort_values("manad")[["manad", "varde"]] for y in (ar - 1, ar)}


"""The audit trail (rattelser.csv): every value that differs from the printed source, and every known
published error kept as printed, checked against the data so the report's note can never drift from it.

A row names a table, a row key (the table's key columns without ``namnd``, joined with ``/``) and a
column; ``anvant`` must be what the validated table holds there. ``summa/<år>`` is the sum of the year's
rows that are not a heading of other rows; for ``drift`` the column ``avvikelse`` is budget − utfall.
"""

from __future__ import annotations

import pandas as pd

from helpers.fel import Problem
from helpers.indata import tecken
from helpers.indata.scheman import TABELLER
from helpers.indata.tal import las_tal, saknas

HARLEDDA = {"avvikelse": lambda df: df["budget"] - df["utfall"]}


def _varde(df: pd.DataFrame, kolumn: str) -> pd.Series | None:
    harledd = HARLEDDA[kolumn](df) if kolumn in HARLEDDA and {"budget", "utfall"} <= set(df.columns) else None
    if kolumn in df.columns:
        # a printed avvikelse where the row gives one, else the derived budget − utfall
        return df[kolumn] if harledd is None else df[kolumn].where(df[kolumn].notna(), harledd)
    if harledd is not None:
        return harledd
    return None


def _tolerans(text: str) -> float:
    """Half a unit of the last printed digit: '−13 050' matches the stored −13 050,1."""
    s = str(text).strip().rstrip("%").strip()
    decimaler = len(s.split(",")[1]) if "," in s else 0
    return 0.5 * 10 ** -decimaler + 1e-9


def kontrollera(rattelser: pd.DataFrame, fil: str, tabeller: dict[str, pd.DataFrame],
                installningar: dict[str, dict] | None = None) -> list[Problem]:
    """A problem for each correction whose ``anvant`` is not what the table holds. ``anvant`` is written as
    the table's own file writes it (its unit and sign, ``installningar`` = kommun.yaml's ``tabeller``) and
    compared after the same conversion. Adds the column ``tabellrad`` (the data row's radnr, when one
    row) so the report can put the note at that row."""
    problem = []
    rader = []
    for r in rattelser.itertuples(index=False):
        rader.append(None)

        def fel(kolumn, varde, forvantat, r=r):
            problem.append(Problem(fil, r.radnr, kolumn, varde, forvantat))

        if r.tabell not in TABELLER or r.tabell == "rattelser":
            fel("tabell", r.tabell, f"en tabell ({', '.join(t for t in TABELLER if t != 'rattelser')})")
            continue
        df = tabeller.get(r.tabell)
        if df is None:
            fel("tabell", r.tabell, f"en tabell som perioden har (ingen {r.tabell}.csv i mappen)")
            continue
        schema = TABELLER[r.tabell]
        if schema.namnd_kolumn:
            df = df[df[schema.namnd_kolumn] == r.namnd]
        delar = str(r.nyckel).split("/")
        nycklar = [k for k in schema.nyckel if k != schema.namnd_kolumn]
        summa = delar[0].strip().lower() == "summa"
        if summa:
            if "overordnad" in df.columns and "verksamhet" in df.columns:
                df = df[~df["verksamhet"].isin(set(df["overordnad"].dropna()))]
            if "varav_till" in df.columns:  # a "varav" row is already inside its parent's amount
                df = df[df["varav_till"].isna() | (df["varav_till"] == "")]
            delar = delar[1:]
            nycklar = [k for k in nycklar if k in ("ar", "manad")]
        if len(delar) > len(nycklar):
            fel("nyckel", r.nyckel, f"högst {len(nycklar)} delar åtskilda med / ({'/'.join(nycklar)})")
            continue
        for k, d in zip(nycklar, delar):
            df = df[df[k].map(lambda v: str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)) == d.strip()]
        serie = _varde(df, r.kolumn)
        if serie is None:
            fel("kolumn", r.kolumn, f"en kolumn i {r.tabell} ({', '.join(schema.kolumnnamn)})")
            continue
        if df.empty or (not summa and len(df) != 1):
            fel("nyckel", r.nyckel, f"nyckeln till exakt en rad i {r.tabell}.csv för nämnden {r.namnd!r} "
                                    f"({'/'.join(nycklar)}; hittade {len(df)} rader)")
            continue
        halls = serie.sum() if summa else serie.iloc[0]
        try:
            anvant = las_tal(r.anvant)
        except ValueError:
            fel("anvant", r.anvant, "ett tal, värdet som tabellen har")
            continue
        tolerans = _tolerans(r.anvant)
        if r.kolumn in schema.belopp and installningar is not None:
            tolerans *= tecken.ENHETER_TILL_TKR[installningar.get(r.tabell, {}).get("enhet", "tkr")]
            # the value as the table holds it inside: tkr and the internal sign convention
            anvant = float(tecken.normalisera(pd.DataFrame({r.kolumn: [anvant]}), r.tabell,
                                              installningar.get(r.tabell, {}), schema.belopp)[r.kolumn].iloc[0])
        if saknas(halls) or abs(float(halls) - anvant) > tolerans:
            fel("anvant", r.anvant, f"det värde som {r.tabell} har vid {r.nyckel}, {r.kolumn}: "
                                    f"{'saknas' if saknas(halls) else f'{float(halls):g}'} (rättelsen stämmer inte "
                                    "med datan; correction does not match the data)")
            continue
        if not summa:
            rader[-1] = int(df["radnr"].iloc[0])
    if len(rattelser):
        rattelser["tabellrad"] = pd.array(rader, dtype="Int64")
    return problem

"""Statistics tables (statistik.csv): any number of small tables of counts, shares and amounts, shown
as the source prints them. ``validering`` checks their totals and printed changes."""

from __future__ import annotations

import pandas as pd

from helpers.indata.scheman import ar_summarad
from helpers.presentation import format as fmt


def tabeller(statistik: pd.DataFrame) -> list[dict]:
    """One entry per table, in file order: id, title, group heading, footnotes and the rendered table."""
    from helpers.presentation.tabell import Kolumn, Tabell

    ut = []
    for tid, t in statistik.groupby("tabell", sort=False):
        kolumner = list(dict.fromkeys(t["kolumn"]))
        rader = []
        for rad, r in t.groupby("rad", sort=False):
            celler = {"rad": rad, "radtyp": "totalt" if ar_summarad(rad) else "rad"}
            for c in r.itertuples():
                celler[c.kolumn] = (str(c.text) if not fmt.saknas(c.text) and c.text
                                  else fmt.enligt_enhet(c.varde, c.enhet, None if fmt.saknas(c.decimaler) else int(c.decimaler)))
            rader.append(celler)
        fotnoter = [str(f) for f in dict.fromkeys(t["fotnot"].dropna()) if str(f).strip()]
        tabell = Tabell(str(t["titel"].iloc[0]), [Kolumn("", "rad")] + [Kolumn(k, k, str) for k in kolumner],
                        pd.DataFrame(rader), fotnoter=fotnoter)
        grupp = t["grupp"].iloc[0]
        ut.append({"id": tid, "grupp": None if fmt.saknas(grupp) or not grupp else grupp, "tabell": tabell})
    return ut


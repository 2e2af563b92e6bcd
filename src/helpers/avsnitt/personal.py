"""Personal: key figures per year and sick leave per month, with small groups suppressed."""

from __future__ import annotations

import pandas as pd

from helpers.avsnitt.kontext import Kontext
from helpers.berakning import personal
from helpers.presentation import diagram, visning
from helpers.presentation import personal as vis

KRAVER = ("personal",)
KAN_ANVANDA: tuple[str, ...] = ()


def berakna(k: Kontext) -> pd.DataFrame:
    return k.tabell("personal")


def meningar(k: Kontext, d: pd.DataFrame) -> list[str]:
    return [m for m in [vis.sjukfranvaro_mening(k.namnd.genitiv, d, k.ar, k.min_antal, k.period.till_manad)] if m]


def visa_nyckeltal(k: Kontext, d: pd.DataFrame) -> None:
    visning.stycke(*meningar(k, d))
    k.visa_kommentar()
    if len(d):
        rubrik = (k.kommun.tabellinstallning("personal").get("visas") or {}).get("rubrik") or "Personalnyckeltal"
        visning.tabell(vis.tabell_per_ar(k.kommun, d, k.ar, min_antal=k.min_antal,
                                         till_manad=k.period.till_manad, rubrik=rubrik))


def visa_per_manad(k: Kontext, d: pd.DataFrame) -> None:
    manadstabell = vis.tabell_per_manad(d, "sjukfranvaro", k.ar, "Sjukfrånvaro per månad", k.min_antal)
    if manadstabell:
        visning.figur(diagram.per_manad(personal.per_manad(d, "sjukfranvaro", k.ar, k.min_antal),
                                        k.kommun.palett, namn="Sjukfrånvaro"))
        visning.tabell(manadstabell)

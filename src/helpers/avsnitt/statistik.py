"""Verksamhetsstatistik: any number of small tables (statistik.csv), shown as the source prints them."""

from __future__ import annotations

from helpers.avsnitt import rattelser
from helpers.avsnitt.kontext import Kontext
from helpers.presentation import statistik as vis
from helpers.presentation import visning

KRAVER = ("statistik",)
KAN_ANVANDA = ("rattelser",)


def berakna(k: Kontext) -> list[dict]:
    return vis.tabeller(k.tabell("statistik"))


def meningar(k: Kontext, d: list[dict]) -> list[str]:
    return []


def visa_tabeller(k: Kontext, d: list[dict]) -> None:
    k.visa_kommentar(valfri=True)
    forra_grupp = None
    for t in d:
        if t["grupp"] and t["grupp"] != forra_grupp:
            visning.rubrik(t["grupp"])
            forra_grupp = t["grupp"]
        t["tabell"].fotnoter += rattelser.noter(k, "statistik", f"{t['id']}/")
        visning.tabell(t["tabell"])
        k.visa_kommentar(t["id"], rubrik=t["tabell"].rubrik, valfri=True)

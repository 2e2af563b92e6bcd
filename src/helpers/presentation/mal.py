"""The goal hierarchy at any depth, the nämnd's assessments and its indicators.

Levels, their headings and the assessment scale come from kommun.yaml (``malnivaer``, ``skalor.mal``):
Haninge has målområde → KF-mål → prioritering, Exempelkommun målområde → KF-mål → nämndmål. Nothing
here names a level."""

from __future__ import annotations

import pandas as pd

from helpers.berakning.mal import Mal, antal_per_bedomning, bedomda
from helpers.konfig.kommun import Kommun
from helpers.presentation import format as fmt


def sammanfattning(namnd_namn: str, kommun: Kommun, rotter: list[Mal]) -> list[str]:
    """'Kommunstyrelsen ansvarar för tre av fullmäktiges mål. Mål 1 om miljö och klimatarbete är på väg att
    uppfyllas. …' — one sentence per assessed goal, in the scale's own words."""
    mal = bedomda(rotter)
    if not mal:
        return []
    # Count per level, in the kommun's level order: goals on several levels are never summed under the
    # name of the first one's level.
    ordning = [n["id"] for n in kommun.malnivaer]
    per_niva = {}
    for m in sorted(mal, key=lambda m: ordning.index(m.niva) if m.niva in ordning else len(ordning)):
        per_niva[m.niva] = per_niva.get(m.niva, 0) + 1
    namn = {n["id"]: n.get("namn", n["id"]) for n in kommun.malnivaer}
    delar = [f"{fmt.antal_i_ord(antal)} mål på nivån {fmt.gemen(namn.get(niva, 'mål'))}" for niva, antal in per_niva.items()]
    meningar = [f"{namnd_namn} har bedömt {fmt.upprakning(delar)}."]
    for m in mal:
        namn = f"Mål {m.nummer}" if m.nummer else f"Målet ”{m.titel}”"
        om = f" om {m.kortnamn}" if m.kortnamn else ""
        meningar.append(f"{namn}{om} {m.bedomning.sats(1)}.")
    return meningar


def skaltabell(kommun: Kommun, rotter: list[Mal]):
    """Number of goals per step of the scale, with each step's symbol and words."""
    from helpers.presentation.tabell import Kolumn, Tabell

    antal = antal_per_bedomning(kommun, rotter)
    antal["etikett"] = (antal["symbol"].fillna("") + " " + antal["bedomning"]).str.strip()
    kolumner = [Kolumn("Bedömning", "etikett")]
    # Goals assessed on several levels: one column per level in the kommun's order, and a total, so a
    # reader sees e.g. the nämndmål apart from the övergripande mål (never summed under one level's name).
    mal = bedomda(rotter)
    nivaer = [n for n in kommun.malnivaer if any(m.niva == n["id"] for m in mal)]
    if len(nivaer) > 1:
        antal["radtyp"] = "rad"
        for n in nivaer:
            antal[f"niva_{n['id']}"] = [sum(m.niva == n["id"] and m.bedomning.kod == kod for m in mal)
                                       for kod in antal["kod"]]
            kolumner.append(Kolumn(n.get("namn") or n["id"], f"niva_{n['id']}", fmt.tal))
        summa = {c: antal[c].sum() for c in antal.columns if c.startswith("niva_") or c == "antal"}
        antal = pd.concat([antal, pd.DataFrame([{"etikett": "Totalt", "radtyp": "summa", **summa}])],
                          ignore_index=True)
    kolumner.append(Kolumn("Antal mål", "antal", fmt.tal))
    return Tabell("Antal mål per bedömning", kolumner, antal)


def rubrikklass(m: Mal) -> str:
    """CSS classes for a goal heading: its depth (a tree deeper than h6 keeps its levels apart) and its
    level id from kommun.yaml (two levels may share a depth, as övergripande and strategiska mål do)."""
    return f"mal-rubrik mal-djup-{m.djup} malniva-{m.niva}"


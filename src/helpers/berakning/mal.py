"""The goal hierarchy at any depth, the nämnd's assessments and its indicators.

Levels, their headings and the assessment scale come from kommun.yaml (``malnivaer``, ``skalor.mal``):
Haninge has målområde → KF-mål → prioritering, Exempelkommun målområde → KF-mål → nämndmål. Nothing
here names a level."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from helpers.indata.tal import saknas
from helpers.konfig.kommun import Kommun, Skalsteg


@dataclass
class Mal:
    id: str
    niva: str
    titel: str
    nummer: str = ""
    kortnamn: str = ""
    beskrivning: str = ""
    djup: int = 0
    barn: list[Mal] = field(default_factory=list)
    bedomning: Skalsteg | None = None
    motivering: str = ""
    indikatorer: list[str] = field(default_factory=list)
    uppdrag: list[dict] = field(default_factory=list)  # the nämnd's uppdrag reported under this goal (mal_id)

    def rubrik(self, kommun: Kommun) -> str:
        mall = next((n.get("rubrik") for n in kommun.malnivaer if n["id"] == self.niva), None)
        if mall and (self.nummer or "{nummer}" not in mall):
            return mall.format(nummer=self.nummer, titel=self.titel)
        niva = next((n.get("namn") for n in kommun.malnivaer if n["id"] == self.niva), "Mål")
        return f"{niva} {self.nummer}: {self.titel}" if self.nummer else self.titel

    def alla(self):
        """This goal and every goal below it, depth first."""
        yield self
        for b in self.barn:
            yield from b.alla()


def _text(v) -> str:
    return "" if saknas(v) else str(v).strip()


def _galler(namnder: str, namnd: str) -> bool:
    return not namnder or namnd in [n.strip() for n in namnder.split(",")]


def maltrad(kommun: Kommun, mal: pd.DataFrame, indikatorer: pd.DataFrame, bedomningar: pd.DataFrame,
            namnd: str, uppdrag: pd.DataFrame | None = None) -> list[Mal]:
    """The goals the nämnd reports on: those it assessed, has indicators or uppdrag for or is named on,
    with every goal above them, as a tree in the data's order."""
    skala = {s.kod: s for s in kommun.skala("mal")}
    noder = {r.id: Mal(r.id, r.niva, _text(r.titel), _text(r.nummer), _text(r.kortnamn), _text(r.beskrivning))
             for r in mal.itertuples()}
    foralder = {r.id: _text(r.overordnad) for r in mal.itertuples()}
    for r in bedomningar.itertuples():
        if r.mal in noder:
            noder[r.mal].bedomning = skala.get(r.bedomning)
            noder[r.mal].motivering = _text(r.motivering)
    for r in indikatorer.itertuples():
        if r.mal in noder:
            noder[r.mal].indikatorer.append(r.id)
    if uppdrag is not None and "mal_id" in uppdrag:
        for r in uppdrag.itertuples():
            if _text(r.mal_id) in noder:
                noder[r.mal_id].uppdrag.append(r._asdict())

    behall = set()
    for r in mal.itertuples():
        n = noder[r.id]
        egen = _text(r.namnd)
        if egen and not _galler(egen, namnd):
            continue  # another nämnd's goal, with its indicators
        if n.bedomning or n.indikatorer or n.uppdrag or egen:
            m = r.id
            while m and m not in behall:
                behall.add(m)
                m = foralder.get(m)
    rotter = []
    for r in mal.itertuples():
        if r.id not in behall:
            continue
        f = foralder[r.id]
        if f and f in noder:
            noder[f].barn.append(noder[r.id])
        else:
            rotter.append(noder[r.id])

    def satt_djup(n: Mal, d: int):
        n.djup = d
        for b in n.barn:
            satt_djup(b, d + 1)

    for r in rotter:
        satt_djup(r, 0)
    return rotter


def bedomda(rotter: list[Mal]) -> list[Mal]:
    return [m for r in rotter for m in r.alla() if m.bedomning]


def antal_per_bedomning(kommun: Kommun, rotter: list[Mal]) -> pd.DataFrame:
    """How many goals are assessed at each step of the scale, in the scale's order (zeros kept)."""
    mal = bedomda(rotter)
    return pd.DataFrame(
        [{"bedomning": s.etikett, "kod": s.kod, "symbol": s.symbol, "antal": sum(m.bedomning.kod == s.kod for m in mal)}
         for s in kommun.skala("mal")])


def i_ordning(rotter: list[Mal]):
    """Every goal of the tree, depth first, as the report prints them."""
    for r in rotter:
        yield from r.alla()



def kallforteckning(rotter: list[Mal], indikatorer: pd.DataFrame) -> pd.DataFrame:
    """Every measure of the nämnd's goals with its source, grouped by the highest level that divides the
    goals (the children of a single root such as a vision, otherwise the roots), in the report's order."""
    toppar = rotter[0].barn if len(rotter) == 1 and rotter[0].barn else rotter
    ind = indikatorer.set_index("id")
    rader = []
    for topp in toppar:
        for m in topp.alla():
            for i in m.indikatorer:
                r = ind.loc[i]
                rader.append({"grupp": topp.titel, "mal": m.titel, "niva": m.niva, "matt": _text(r.get("rad")) or _text(r["namn"]),
                              "kalla": _text(r.get("kalla"))})
    return pd.DataFrame(rader, columns=["grupp", "mal", "niva", "matt", "kalla"])

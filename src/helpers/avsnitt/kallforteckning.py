"""Källförteckning: the source of every measure under the nämnd's goals (indikatorer.kalla), grouped by
goal as the printed reports list them. A measure without a source says so; it is never left blank."""

from __future__ import annotations

import pandas as pd

from helpers.avsnitt.kontext import Kontext
from helpers.berakning import mal as malberakning
from helpers.presentation import visning
from helpers.presentation.tabell import Kolumn, Tabell

KRAVER = ("mal", "indikatorer")
KAN_ANVANDA = ("malbedomning", "uppdrag")

EJ_ANGIVEN = "Källa ej angiven"


def berakna(k: Kontext) -> pd.DataFrame:
    rotter = malberakning.maltrad(k.kommun, k.tabell("mal"), k.tabell("indikatorer"), k.tabell("malbedomning"),
                                  k.namnd.id, k.tabell("uppdrag"))
    return malberakning.kallforteckning(rotter, k.tabell("indikatorer"))


def meningar(k: Kontext, d: pd.DataFrame) -> list[str]:
    if d.empty:
        return ["Nämndens mål har inga mått att redovisa källor för."]
    utan = int((d["kalla"] == "").sum())
    text = f"Källorna till de {len(d)} mått som redovisas under nämndens mål."
    return [text + (f" För {utan} mått är källan inte angiven i underlaget." if utan else "")]


def visa_lista(k: Kontext, d: pd.DataFrame) -> None:
    visning.stycke(*meningar(k, d))
    for grupp, rader in d.groupby("grupp", sort=False):
        rader = rader.assign(kalla=rader["kalla"].replace("", EJ_ANGIVEN))
        # The goal column is named after the goals' level when they share one ("Nämndmål").
        nivaer = set(rader["niva"])
        rubrik = k.kommun.nivanamn(nivaer.pop()) if len(nivaer) == 1 else "Mål"
        visning.tabell(Tabell(f"Källor: {grupp}", [Kolumn("Mått", "matt"), Kolumn(rubrik, "mal"),
                                                    Kolumn("Källa", "kalla")], rader))

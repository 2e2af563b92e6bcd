"""Rättelser och kända fel: every value that differs from the printed source and every known published
error kept as printed (rattelser.csv, checked against the data by validate), and the validation warnings
about published totals that do not add up. Other sections put the same notes under the table concerned
(``noter``), so a reader sees both where the number is and in one list at the end."""

from __future__ import annotations

import pandas as pd

from helpers.avsnitt.kontext import Kontext
from helpers.indata import lager
from helpers.presentation import visning
from helpers.presentation.tabell import Kolumn, Tabell

KRAVER: tuple[str, ...] = ()
KAN_ANVANDA = ("rattelser",)

TYPTEXT = {"rattelse": "Rättelse", "kant_fel": "Känt fel i källan"}


def berakna(k: Kontext) -> pd.DataFrame:
    return k.tabell("rattelser")


def _not(r) -> str:
    """'Rättelse: Samhällsplanering och ledning, utfall: tryckt 13 050, här −13 050. Skäl (källa 000:…).'"""
    var = str(r.nyckel).replace("/", ", ") + ("" if r.kolumn == "varde" else f", {r.kolumn}")
    varde = f"tryckt {r.tryckt}, här {r.anvant}" if r.typ == "rattelse" else f"tryckt {r.tryckt} (återges som tryckt)"
    kalla = f" (källa {r.kalla})" if isinstance(r.kalla, str) and r.kalla.strip() else ""
    return f"{TYPTEXT[r.typ]}: {var}: {varde}. {r.skal}{kalla}"


def noter(k: Kontext, tabell: str, prefix: str | None = None) -> list[str]:
    """The notes for one table (``prefix``: only keys under it, e.g. the statistik table 'T7/'). The
    calling section declares 'rattelser' in KAN_ANVANDA, so a changed note rebuilds it."""
    d = k.tabell("rattelser")
    d = d[d["tabell"] == tabell]
    if prefix:
        d = d[d["nyckel"].str.startswith(prefix)]
    return [_not(r) for r in d.itertuples(index=False)]


def ovriga_varningar(k: Kontext, d: pd.DataFrame) -> list[str]:
    """Validation warnings of the nämnd's rows that no row of rattelser.csv already explains."""
    forklarade = {(f"{t}.csv", int(r)) for t, r in zip(d.get("tabell", []), d.get("tabellrad", [])) if pd.notna(r)}
    ut = []
    for v in lager.varningar(k.kommun.id, k.period.id):
        if v.get("namnd") not in (None, k.namnd.id):
            continue
        if (v["fil"].rsplit("/", 1)[-1], v["rad"]) in forklarade:
            continue
        ut.append(v["text"])
    return ut


def meningar(k: Kontext, d: pd.DataFrame) -> list[str]:
    rattade, kanda = int((d["typ"] == "rattelse").sum()), int((d["typ"] == "kant_fel").sum())
    if not rattade and not kanda:
        return ["Underlaget har inga rättelser eller kända fel i förhållande till de publicerade källorna."]
    return [f"Underlaget avviker från den tryckta källan på {rattade} ställen (rättelser) och återger "
            f"{kanda} kända fel i källan som de trycktes."]


def visa_lista(k: Kontext, d: pd.DataFrame) -> None:
    visning.stycke(*meningar(k, d))
    if len(d):
        rader = d.assign(slag=d["typ"].map(TYPTEXT), var=d["tabell"] + ": " + d["nyckel"].str.replace("/", ", ")
                         + ", " + d["kolumn"], kalla=d["kalla"].fillna(""))
        visning.tabell(Tabell("Rättelser och kända fel", [
            Kolumn("Var", "var"), Kolumn("Slag", "slag"), Kolumn("Tryckt", "tryckt"), Kolumn("Här", "anvant"),
            Kolumn("Skäl", "skal"), Kolumn("Källa", "kalla")], rader))
    varningar = ovriga_varningar(k, d)
    if varningar:
        visning.rubrik("Kontroller av publicerade summor")
        visning.stycke("Följande tryckta värden stämmer inte med tabellernas egna rader och återges som tryckta.")
        for v in varningar:
            visning.stycke(v)

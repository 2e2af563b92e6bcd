"""Intern kontroll: the control plan's points with risk, kontrollmoment, result and actions."""

from __future__ import annotations

import pandas as pd

from helpers.presentation import format as fmt


def sammanfattning(ik: pd.DataFrame, ar: int) -> str | None:
    """'I uppföljningen av 2020 års internkontrollplan har nio moment kontrollerats. I fyra av dessa
    noterades avvikelser.'"""
    if ik.empty:
        return None
    n = len(ik)
    text = (f"I uppföljningen av {ar} års internkontrollplan har {fmt.antal_i_ord(n)} "
            "moment kontrollerats.")
    # Tri-state: an empty avvikelse is "not reported", so "Inga avvikelser" is said only when every
    # moment reports one way or the other.
    rapporterade = ik["avvikelse"].dropna().astype(bool)
    ej = n - len(rapporterade)
    avv = int(rapporterade.sum())
    if ej == n:
        return text + " Uppföljningen anger inte om avvikelser noterades."
    if avv == 0 and ej == 0:
        text += " Inga avvikelser noterades."
    elif avv:
        text += f" I {fmt.antal_i_ord(avv)} av dessa noterades avvikelser."
    else:
        text += f" I {fmt.antal_i_ord(len(rapporterade))} av dessa noterades inga avvikelser."
    if ej:
        text += f" För {fmt.antal_i_ord(ej)} moment är avvikelse inte rapporterad."
    return text


def tabell(ik: pd.DataFrame):
    from helpers.presentation.tabell import Kolumn, Tabell

    rader = ik.assign(avvikelsetext=[("Ej rapporterad" if fmt.saknas(a) else ("Ja" if a else "Nej")) for a in ik["avvikelse"]])
    kol = [Kolumn("Kontrollmoment", "kontrollmoment")]
    for rubrik, nyckel in (("Målkategori", "malkategori"), ("Risk", "risk")):
        if rader[nyckel].notna().any() and (rader[nyckel].astype(str).str.strip() != "").any():
            kol.append(Kolumn(rubrik, nyckel))  # columns the plan leaves empty are left out
    kol += [Kolumn("Resultat", "resultat"), Kolumn("Avvikelse", "avvikelsetext"), Kolumn("Åtgärd", "atgard")]
    return Tabell("Uppföljning av internkontrollplanen", kol, rader)


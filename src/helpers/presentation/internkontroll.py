"""Intern kontroll: the control plan's points with risk, kontrollmoment, result and actions."""

from __future__ import annotations

import pandas as pd

from helpers.presentation import format as fmt


# The plan's parts (column typ), as sub-headings in this order.
TYPRUBRIK = {
    "riskreducerande": "Riskreducerande åtgärder",
    "revision": "Åtgärder utifrån rekommendation från revision eller annan extern granskning",
    "systematisk_kontroll": "Systematiska kontroller",
}
# Optional text columns, shown when some row has them.
TEXTKOLUMNER = (("Bakgrund", "bakgrund"), ("Granskning", "granskning"), ("Diarienummer", "diarienummer"),
                ("Beskrivning av kontroll", "beskrivning"))


def _har(rader: pd.DataFrame, kolumn: str) -> bool:
    return kolumn in rader and rader[kolumn].notna().any() and (rader[kolumn].astype(str).str.strip() != "").any()


def statusmening(ik: pd.DataFrame, skala=()) -> str | None:
    """'Tre är klara och fyra är inte klara i år.' from the status scale (skalor.internkontroll)."""
    if not _har(ik, "status"):
        return None
    delar = []
    for steg in skala:
        n = int((ik["status"] == steg.kod).sum())
        if n:
            delar.append(f"{fmt.antal_i_ord(n)} {steg.sats(n) or 'har status ' + steg.etikett.lower()}")
    ej = int(ik["status"].map(lambda v: fmt.saknas(v) or not str(v).strip()).sum())
    if ej:
        delar.append(f"{fmt.antal_i_ord(ej)} saknar rapporterad status")
    return f"{fmt.versal(fmt.upprakning(delar))}." if delar else None


def sammanfattning(ik: pd.DataFrame, ar: int, skala=()) -> str | None:
    """'I uppföljningen av 2020 års internkontrollplan har nio moment kontrollerats. I fyra av dessa
    noterades avvikelser.' With a status column, the count per status follows."""
    if ik.empty:
        return None
    status = statusmening(ik, skala)
    text = _avvikelser(ik, ar)
    return f"{text} {status}" if status else text


def _avvikelser(ik: pd.DataFrame, ar: int) -> str:
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


def tabell(ik: pd.DataFrame, skala=()):
    """The plan's points. Status is shown with symbol and words (never colour alone); rows are grouped
    under the plan's parts when ``typ`` is given; optional columns appear when some row fills them."""
    from helpers.presentation.tabell import Kolumn, Tabell

    steg = {s.kod: s for s in skala}
    rader = ik.assign(avvikelsetext=[("Ej rapporterad" if fmt.saknas(a) else ("Ja" if a else "Nej")) for a in ik["avvikelse"]])
    if _har(rader, "status"):
        rader["statustext"] = [("Ej rapporterad" if fmt.saknas(s) or not str(s).strip() else
                                f"{steg[s].symbol} {steg[s].etikett}".strip() if s in steg else str(s))
                               for s in rader["status"]]
    kol = [Kolumn("Kontrollmoment", "kontrollmoment")]
    for rubrik, nyckel in (("Målkategori", "malkategori"), ("Risk", "risk")):
        if rader[nyckel].notna().any() and (rader[nyckel].astype(str).str.strip() != "").any():
            kol.append(Kolumn(rubrik, nyckel))  # columns the plan leaves empty are left out
    kol += [Kolumn(rubrik, nyckel) for rubrik, nyckel in TEXTKOLUMNER if _har(rader, nyckel)]
    kol.append(Kolumn("Resultat", "resultat"))
    if "statustext" in rader:
        kol.append(Kolumn("Status", "statustext"))
    # A plan followed up by status alone does not classify deviations: no column of "Ej rapporterad".
    if "statustext" not in rader or rader["avvikelse"].notna().any():
        kol.append(Kolumn("Avvikelse", "avvikelsetext"))
    kol.append(Kolumn("Åtgärd", "atgard"))
    if _har(rader, "typ"):
        delar = []
        typer = [t for t in TYPRUBRIK if (rader["typ"] == t).any()]
        for t in typer + ([None] if rader["typ"].isna().any() else []):
            del_ = rader[rader["typ"].isna()] if t is None else rader[rader["typ"] == t]
            rubrikrad = {"kontrollmoment": TYPRUBRIK[t] if t else "Övriga", "radtyp": "rubrik"}
            delar.append(pd.concat([pd.DataFrame([rubrikrad]), del_.assign(radtyp="rad")], ignore_index=True))
        rader = pd.concat(delar, ignore_index=True)
    return Tabell("Uppföljning av internkontrollplanen", kol, rader)


def statustabell(ik: pd.DataFrame, skala=()):
    """How many points of each part of the plan have each status: one row per part (``typ``), one column
    per step of skalor.internkontroll, and a total. None without both typ and status."""
    from helpers.presentation.tabell import Kolumn, Tabell

    if not (_har(ik, "typ") and _har(ik, "status")) or not skala:
        return None
    rader = []
    for t in [t for t in TYPRUBRIK if (ik["typ"] == t).any()]:
        del_ = ik[ik["typ"] == t]
        rader.append({"del": TYPRUBRIK[t], **{s.kod: int((del_["status"] == s.kod).sum()) for s in skala},
                      "ej": int(del_["status"].map(lambda v: fmt.saknas(v) or not str(v).strip()).sum()),
                      "totalt": len(del_)})
    df = pd.DataFrame(rader)
    kol = [Kolumn("Del av planen", "del")] + [Kolumn(s.etikett, s.kod, fmt.tal) for s in skala]
    if df["ej"].any():
        kol.append(Kolumn("Status ej rapporterad", "ej", fmt.tal))
    kol.append(Kolumn("Totalt", "totalt", fmt.tal))
    return Tabell("Internkontrollplanens delar per status", kol, df)

"""Political assignments (uppdrag): the list with status, the count per status and the summary sentence.
Statuses and their wording come from ``skalor.uppdrag`` in kommun.yaml."""

from __future__ import annotations

import pandas as pd

from helpers.berakning.uppdrag import per_status
from helpers.konfig.kommun import Kommun
from helpers.presentation import format as fmt


def sammanfattning(kommun: Kommun, uppdrag: pd.DataFrame) -> str | None:
    """'Nämnden har 18 uppdrag. Åtta är färdiga och tio pågår.' (zero counts are left out)."""
    if uppdrag.empty:
        return None
    antal = per_status(kommun, uppdrag)
    steg = {s.kod: s for s in kommun.skala("uppdrag")}
    delar = []
    for r in antal.itertuples():
        if r.antal == 0:
            continue
        sats = steg[r.kod].sats(r.antal) if r.kod in steg else "saknar rapporterad status"
        delar.append(f"{fmt.antal_i_ord(r.antal)} {sats}")
    n = len(uppdrag)
    return (f"Nämnden har {fmt.antal_i_ord(n)} {_term(kommun)} att rapportera. "
            f"{fmt.versal(fmt.upprakning(delar))}.")


def _term(kommun: Kommun) -> str:
    """The kommun's word for uppdrag in running text ('utvecklingsåtaganden'), lower case unless an acronym."""
    return fmt.gemen(kommun.term("uppdrag", "uppdrag"))


def tabell(kommun: Kommun, uppdrag: pd.DataFrame, rubrik: str = "Uppdrag och status", *, kommentar: bool = True):
    """All uppdrag with status and comment; under a goal (``kommentar=False``) only title and status."""
    from helpers.presentation.tabell import Kolumn, Tabell

    steg = {s.kod: s for s in kommun.skala("uppdrag")}
    rader = uppdrag.assign(
        uppdrag=uppdrag["id"].astype(str) + ". " + uppdrag["titel"].astype(str),
        statustext=[f"{steg[s].symbol} {steg[s].etikett}".strip() if s in steg else "Ej rapporterad"
                    for s in uppdrag["status"]],
    )
    kolumner = [Kolumn("Uppdrag", "uppdrag")]
    if _ifylld(rader, "atagande"):
        kolumner.append(Kolumn("Åtagande", "atagande"))
    kolumner.append(Kolumn("Status", "statustext"))
    # Under a goal the comment is shown when the nämnd wrote one: the status alone does not say why.
    if kommentar or _ifylld(rader, "kommentar"):
        kolumner.append(Kolumn("Kommentar", "kommentar"))
    return Tabell(rubrik, kolumner, rader)


def _ifylld(rader: pd.DataFrame, kolumn: str) -> bool:
    return kolumn in rader and (rader[kolumn].map(lambda v: not fmt.saknas(v) and str(v).strip() != "")).any()


def statustabell(kommun: Kommun, uppdrag: pd.DataFrame):
    from helpers.presentation.tabell import Kolumn, Tabell

    antal = per_status(kommun, uppdrag)
    antal["etikett"] = (antal["symbol"].fillna("") + " " + antal["status"]).str.strip()
    summa = pd.DataFrame([{"etikett": "Totalt", "antal": int(antal["antal"].sum()), "radtyp": "totalt"}])
    return Tabell(f"Antal {_term(kommun)} per status", [Kolumn("Status", "etikett"), Kolumn("Antal", "antal", fmt.tal)],
                  pd.concat([antal.assign(radtyp="rad"), summa], ignore_index=True))


"""Political assignments (uppdrag): the list with status, the count per status and the summary sentence.
Statuses and their wording come from ``skalor.uppdrag`` in kommun.yaml."""

from __future__ import annotations

import pandas as pd

from helpers.konfig.kommun import Kommun


def per_status(kommun: Kommun, uppdrag: pd.DataFrame) -> pd.DataFrame:
    """Count per status in the scale's order; uppdrag without a status are counted as 'Ej rapporterad'."""
    rader = [{"kod": s.kod, "status": s.etikett, "symbol": s.symbol, "antal": int((uppdrag["status"] == s.kod).sum())}
             for s in kommun.skala("uppdrag")]
    utan = int(uppdrag["status"].isna().sum())
    if utan:
        rader.append({"kod": None, "status": "Ej rapporterad", "symbol": "", "antal": utan})
    return pd.DataFrame(rader)


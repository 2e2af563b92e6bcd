"""The sign convention and units — stated once, applied once, on the way in.

Inside Nämndrapport:
- Amounts are held in **tkr**.
- Drift amounts are **nettokostnader**: a cost is positive, a net revenue (e.g. realisationsvinster,
  a unit financed by internal sales) negative.
- **avvikelse = budget − utfall** for costs; **utfall − budget** for revenues. Either way a positive
  avvikelse is better than budget (överskott), as the published reports print it.
- Investeringsutgifter are positive; avvikelse = budget − utfall (positive = unspent budget).
- In a resultaträkning, intäkter and kostnader are both positive; nettokostnad = kostnader − intäkter.
  In resultatposter a row under "Verksamhetens kostnader" is a cost (positive), one under "Verksamhetens
  intäkter" a revenue (positive); a cost-reducing post (lön fördelad mot investeringar) is a negative cost.

How amounts are *printed* is a presentation setting (``tabeller.<t>.visas: {kostnader: negativa}``), applied
by ``helpers.presentation`` when a table is drawn, never to the data.

Exports differ. A municipality's kommun.yaml declares, per table, how its source signs amounts
(`kostnader: negativa` for a result-perspective export, `intakter: negativa` for a ledger export,
`utgifter: negativa` for investments booked as negative, `overforing:` when the carried-over amount is
signed differently from the expenditure) and the unit (`enhet: kr|tkr|mnkr`);
``normalisera`` converts to the internal convention. Nothing after this module changes a sign.
"""

from __future__ import annotations

import pandas as pd

from helpers.indata.scheman import VERKSAMHETENS_INTAKTER, VERKSAMHETENS_KOSTNADER

ENHETER_TILL_TKR = {"kr": 0.001, "tkr": 1.0, "mnkr": 1000.0}


def halv_enhet(installning: dict) -> float:
    """Half a unit of the last digit of a table's export, in tkr, from the table's kommun.yaml settings
    ``enhet`` and ``decimaler`` (default: 1 for mnkr, 0 for tkr and kr). A figure printed from unrounded
    amounts may differ from one computed from rounded rows by this much per row: 0,05 mnkr = 50 tkr; 0,5 tkr."""
    return 0.5 * 10 ** -exportdecimaler(installning) * ENHETER_TILL_TKR[installning.get("enhet", "tkr")]


def exportdecimaler(installning: dict) -> int:
    """The decimals of a table's export: kommun.yaml ``decimaler``, else 1 for mnkr and 0 for tkr and kr."""
    return int(installning.get("decimaler", 1 if installning.get("enhet", "tkr") == "mnkr" else 0))


def fler_decimaler(varde: float, installning: dict) -> bool:
    """Whether an amount (internal tkr) has more decimals in its export's unit than ``exportdecimaler`` says."""
    x = abs(varde) / ENHETER_TILL_TKR[installning.get("enhet", "tkr")] * 10 ** exportdecimaler(installning)
    return abs(x - round(x)) > 1e-6


# For each table: which sign setting flips which amount columns.
_VAND = {
    "drift": {"kostnader": ("budget", "utfall", "prognos", "budget_period")},
    "resultat": {"intakter": ("intakter",), "kostnader": ("kostnader", "nettokostnad")},
    "investeringar": {"utgifter": ("budget", "utfall", "prognos", "budget_period"), "overforing": ("overforing",)},
    "investeringsbudget": {"utgifter": ("belopp",)},
    "exploatering": {"kostnader": ("kostnad",), "intakter": ("intakt",)},
    "finansforvaltning": {"intakter": ("intakter",), "kostnader": ("kostnader",)},
}
# A setting that, when absent, follows another: överföring is signed like utgifter unless the export
# prints it with its own sign (an unspent amount shown positive beside negative expenditure).
_SOM = {"investeringar": {"overforing": "utgifter"}}


# resultatposter: whether a row is a revenue or a cost follows from the root of its `overordnad`.
_RESULTATPOST_ROT = {"intakter": VERKSAMHETENS_INTAKTER, "kostnader": VERKSAMHETENS_KOSTNADER}


def resultatpost_rot(overordnad) -> str | None:
    """'Verksamhetens kostnader/Personalkostnader, netto' → 'Verksamhetens kostnader'; None for an empty cell."""
    if overordnad is None or (isinstance(overordnad, float) and pd.isna(overordnad)) or str(overordnad).strip() == "":
        return None
    return str(overordnad).split("/")[0].strip()


def avvikelse(budget, utfall):
    """Cost avvikelse: budget − utfall; positive = överskott."""
    return budget - utfall


def avvikelse_intakt(budget, utfall):
    """Revenue avvikelse: utfall − budget; positive = more revenue than budgeted."""
    return utfall - budget


def avvikelse_procent(avv, budget):
    """Avvikelse in percent of budget; None when the budget is zero or missing (nothing to compare with)."""
    # A budget under one krona (0,001 tkr) is no budget: a percentage of it says nothing.
    if budget is None or pd.isna(budget) or abs(budget) < 0.001 or avv is None or pd.isna(avv):
        return None
    return avv / abs(budget) * 100


def normalisera(df: pd.DataFrame, tabell: str, installning: dict, belopp: tuple[str, ...]) -> pd.DataFrame:
    """Convert a raw table's amounts to tkr and to the internal sign convention."""
    df = df.copy()
    faktor = ENHETER_TILL_TKR[installning.get("enhet", "tkr")]
    belopp = tuple(k for k in belopp if k in df)  # an optional amount column may be absent
    for kolumn in belopp:
        df[kolumn] = pd.to_numeric(df[kolumn], errors="coerce").astype("float64") * faktor
    for namn, kolumner in _VAND.get(tabell, {}).items():
        if _installning(tabell, installning, namn) == "negativa":
            for kolumn in kolumner:
                if kolumn in df:
                    df[kolumn] = -df[kolumn]
    if tabell == "resultatposter" and "overordnad" in df:
        rot = df["overordnad"].map(resultatpost_rot)
        # a printed avvikelse is already "positive = better than budget" whatever the export's signs
        belopp_rad = df["typ"] != "avvikelse" if "typ" in df else True
        for namn, rubrik in _RESULTATPOST_ROT.items():
            if installning.get(namn, "positiva") == "negativa":
                valda = (rot == rubrik) & belopp_rad
                df.loc[valda, "belopp"] = -df.loc[valda, "belopp"]
    return df


def _installning(tabell: str, installning: dict, namn: str) -> str:
    if namn in installning:
        return installning[namn]
    forebild = _SOM.get(tabell, {}).get(namn)
    return installning.get(forebild, "positiva") if forebild else "positiva"


# The `visas` keys each table's presentation reads (helpers.presentation/avsnitt); any other is an error,
# never a setting silently ignored.
VISAS_NYCKLAR = {
    "drift": ("kostnader", "rubrik", "kolumner", "etiketter"),
    "resultat": ("kostnader",),
    "resultatposter": ("kostnader", "rubrik", "kolumner", "etiketter"),
    "investeringar": ("utgifter", "kostnader", "kolumner", "etiketter", "per_tabell"),
    "indikatorvarden": ("antal_ar",),
    "personal": ("rubrik",),
}


# Tables whose printed sums and avvikelser are checked within rounding (``halv_enhet``).
DECIMALER_TABELLER = ("drift", "investeringar", "resultatposter")


def oanvanda_installningar(tabell: str, installning: dict) -> list[str]:
    """Print settings of kommun.yaml that this table does not read: an error, never silently ignored. Kept
    apart from ``giltig_installning``, which decides whether the amounts can be normalised at all."""
    fel = []
    for nyckel in installning.get("visas") or {}:
        tillatna = VISAS_NYCKLAR.get(tabell, ())
        if nyckel not in tillatna:
            fel.append(f"visas.{nyckel}: används inte för {tabell} (does not apply to this table); "
                       + (f"förväntade {', '.join(tillatna)}" if tillatna else "tabellen har inga visas-inställningar"))
    if "decimaler" in installning and tabell not in DECIMALER_TABELLER:
        fel.append(f"decimaler: används inte för {tabell} (does not apply to this table); gäller "
                   f"{', '.join(DECIMALER_TABELLER)} (tryckta decimaler anges i period.yaml visning)")
    return fel


def giltig_installning(tabell: str, installning: dict) -> list[str]:
    """Problems with a table's unit/sign settings in kommun.yaml, as readable strings."""
    fel = []
    if installning.get("enhet", "tkr") not in ENHETER_TILL_TKR:
        fel.append(f"enhet: förväntade {', '.join(ENHETER_TILL_TKR)}")
    for namn in _VAND.get(tabell, _RESULTATPOST_ROT if tabell == "resultatposter" else {}):
        if installning.get(namn, "positiva") not in ("positiva", "negativa"):
            fel.append(f"{namn}: förväntade positiva eller negativa")
    return fel

"""Swedish number formatting — the only place numbers become text.

Conventions (Språkrådet / kommunal redovisning):
- thousands separator: non-breaking space (U+00A0), e.g. ``1 234``
- decimal comma, e.g. ``3,7``
- minus sign U+2212 attached to the number, e.g. ``−8,4``
- a non-breaking space between number and unit: ``221,6 mnkr``, ``3,7 %``
- rounding half away from zero, once, at display (Python's round() is half-to-even)
"""

from __future__ import annotations

import math
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, localcontext

import pandas as pd  # noqa: F401

from helpers.indata.tal import saknas  # noqa: F401  (re-exported: presentation code says fmt.saknas)

NBSP = "\u00a0"
MINUS = "\u2212"
SAKNAS = "–"  # printed for a missing value (en dash)


def avrunda(varde: float, decimaler: int = 0, *, trunkera: bool = False) -> Decimal:
    """Round half away from zero (or truncate) via Decimal, exact for the printed digits."""
    d = Decimal(repr(float(varde))) if not isinstance(varde, Decimal) else varde
    steg = Decimal(1).scaleb(-decimaler)
    with localcontext() as c:
        c.prec = max(28, d.adjusted() + decimaler + 3)  # huge values (a % of a near-zero budget) too
        return d.quantize(steg, rounding=ROUND_DOWN if trunkera else ROUND_HALF_UP)


def tal(varde, decimaler: int = 0, *, tecken: bool = False, trunkera: bool = False) -> str:
    """Format a number the Swedish way: ``tal(-8437.4)`` → ``'−8 437'``.

    ``tecken=True`` prints an explicit plus for positive changes (``+28``).
    """
    if saknas(varde) or not math.isfinite(float(varde)):
        return SAKNAS
    d = avrunda(varde, decimaler, trunkera=trunkera)
    if d == 0:
        d = abs(d)  # never print "−0"
    heltal, _, decimal = f"{abs(d):.{decimaler}f}".partition(".")
    grupper = []
    while len(heltal) > 3:
        grupper.insert(0, heltal[-3:])
        heltal = heltal[:-3]
    grupper.insert(0, heltal)
    text = NBSP.join(grupper) + ("," + decimal if decimaler else "")
    if d < 0:
        return MINUS + text
    return ("+" + text) if tecken and d > 0 else text


def tkr(varde_tkr, decimaler: int = 0) -> str:
    """``tkr(8437)`` → ``'8 437 tkr'``."""
    return f"{tal(varde_tkr, decimaler)}{NBSP}tkr"


def mnkr(varde_tkr, decimaler: int = 1, *, enhet: bool = True) -> str:
    """Amounts are held in tkr; ``mnkr(221596)`` → ``'221,6 mnkr'``."""
    text = tal(None if saknas(varde_tkr) else varde_tkr / 1000, decimaler)
    return f"{text}{NBSP}mnkr" if enhet else text


def kronor(varde_tkr) -> str:
    """An amount in prose: mnkr from 1 mnkr up (``'62,1 mnkr'``), otherwise tkr (``'450 tkr'``)."""
    if not saknas(varde_tkr) and abs(varde_tkr) < 1000:
        return tkr(varde_tkr)
    return mnkr(varde_tkr)


def procent(varde, decimaler: int = 1, *, tecken: bool = False, trunkera: bool = False) -> str:
    """``procent(3.67)`` → ``'3,7 %'`` (value already in percent)."""
    return f"{tal(varde, decimaler, tecken=tecken, trunkera=trunkera)}{NBSP}%"


def enligt_enhet(varde, enhet: str | None, decimaler: int | None = None) -> str:
    """A key figure in its unit: ``'7,6 %'`` for procent (1 decimal unless told), else ``'1 234'`` (0)."""
    if saknas(varde):
        return SAKNAS
    if enhet == "procent":
        return procent(varde, 1 if decimaler is None else decimaler)
    return tal(varde, 0 if decimaler is None else decimaler)


def upprakning(delar: list[str]) -> str:
    """``['a', 'b', 'c']`` → ``'a, b och c'``."""
    return delar[0] if len(delar) == 1 else ", ".join(delar[:-1]) + " och " + delar[-1]


def belopp(varde_tkr, enhet: str, decimaler: int | None = None) -> str:
    """Format an amount held in tkr in the unit a table declares ('tkr', 'mnkr' or 'kr'), without the unit."""
    faktor = {"kr": 1000, "tkr": 1, "mnkr": 0.001}[enhet]
    if decimaler is None:
        decimaler = 1 if enhet == "mnkr" else 0
    return tal(None if saknas(varde_tkr) else varde_tkr * faktor, decimaler)


_ORD = ["noll", "ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"]


def antal_i_ord(n: int, *, utrum: bool = False) -> str:
    """Numbers up to twelve as words, as Swedish report prose writes them ("åtta av uppdragen")."""
    if 0 <= n < len(_ORD):
        return "en" if (n == 1 and utrum) else _ORD[n]
    return tal(n)


def gemen(text: str) -> str:
    """A name inside a sentence: 'Nämndmål' → 'nämndmål', but 'KF-mål' and 'IT investeringar' keep their
    capitals (an abbreviation is not lowered)."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def versal(text: str) -> str:
    """Capitalise the first letter only (``'åtta uppdrag'`` → ``'Åtta uppdrag'``)."""
    return text[:1].upper() + text[1:]

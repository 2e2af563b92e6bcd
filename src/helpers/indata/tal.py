"""Reading numbers as Swedish exports write them.

Accepts ``1 234,5`` (space, NBSP or narrow NBSP as thousands separator, decimal comma), ``1.234,5``,
``1234.5``, ``−8,4`` (U+2212) and ``-8,4``, ``(8,4)`` for a negative number, and a trailing ``%``.

Strict where a lenient reading would be silently wrong: ``(-8,4)`` (negative twice), ``37,510.0``
(US thousands separator: would become 37,51), points as thousands separators in groups other than three
digits, and magnitudes of 10^12 or more (no municipal amount in tkr, kr or percent is that large; a
400-digit number is a broken export, not a value).
"""

from __future__ import annotations

import re
import unicodedata

import pandas as pd

_MELLANRUM = re.compile(r"[\s\u00a0\u202f\u2009']")
_TAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_TUSENTAL_PUNKT = re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d*)?$")
STORSTA_BELOPP = 1e12  # |x| must be below this


def las_tal(text: str, decimaltecken: str | None = None, procent: bool = True) -> float:
    """Parse one number; raises ValueError with what was wrong when it is not one.

    ``decimaltecken`` is the file's convention ("," or "."), when known: a value written the other
    way is rejected rather than guessed. ``procent=False`` rejects a trailing ``%`` (amount columns)."""
    s = _MELLANRUM.sub("", str(text)).replace("\u2212", "-").replace("\u2013", "-")
    negativ = s.startswith("(") and s.endswith(")")
    if negativ:
        s = s[1:-1]
        if s[:1] in ("+", "-"):
            raise ValueError("ett tal med ett enda minustecken; (−8,4) och (8,4) båda negativa? (double negative)")
    if s.endswith("%"):
        if not procent:
            raise ValueError("ett belopp utan procenttecken (% in an amount column)")
        s = s[:-1]
    if "," in s and "." in s:
        if s.index(".") > s.index(","):
            raise ValueError("ett tal med decimalkomma; 37,510.0 har komma som tusentalsavgränsare "
                             "(US-style thousands separator)")
        if not _TUSENTAL_PUNKT.match(s):
            raise ValueError("ett tal som 1.234,5: punkter skiljer grupper om tre siffror (malformed number)")
        s = s.replace(".", "")
    elif decimaltecken == "," and "." in s:
        raise ValueError("decimalkomma som i resten av filen; punkten är tvetydig (mixed decimal separators)")
    elif decimaltecken == "." and "," in s:
        raise ValueError("decimalpunkt som i resten av filen; kommat är tvetydigt (mixed decimal separators)")
    if "," in s:
        if s.count(",") > 1:
            raise ValueError("ett tal med högst ett decimalkomma (a number)")
        s = s.replace(",", ".")
    if not _TAL.match(s):
        raise ValueError("ett tal som 1 234,5 eller −8,4 (a number)")
    varde = float(s)
    if not abs(varde) < STORSTA_BELOPP:
        raise ValueError("ett tal mindre än 10^12 till beloppet (implausibly large number)")
    return -varde if negativ else varde


def decimaltecken(varden: list[str]) -> str | None:
    """A file's decimal separator, judged from all its numeric cells: "," or ".", or None when no cell
    shows it. Only unambiguous cells count: ``12,5`` and ``1.234,5`` say comma, ``12.5`` says point."""
    komma = punkt = 0
    for v in varden:
        s = _MELLANRUM.sub("", v)
        if "," in s:
            komma += 1
        elif re.search(r"\.\d{1,2}(%|\))?$|\.\d{4,}(%|\))?$", s):
            punkt += 1  # 12.5 or 3.14159; 1.234 could be either and does not vote
    if komma and punkt:
        return "," if komma >= punkt else "."
    return "," if komma else "." if punkt else None


_OSYNLIGA = re.compile(r"[\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\u00ad]")
_KONTROLL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def normalisera_nyckel(text: str) -> str:
    """A key as a person reads it: Unicode NFC, no zero-width or control characters, single spaces.
    Two verksamheter differing only by a zero-width space are the same verksamhet."""
    s = unicodedata.normalize("NFC", text)
    s = _OSYNLIGA.sub("", s)
    s = _KONTROLL.sub(" ", s)
    return " ".join(s.split())


def saknas(varde) -> bool:
    """True for None, NaN, pd.NA and NaT."""
    if varde is None:
        return True
    try:
        return bool(pd.isna(varde))
    except (TypeError, ValueError):
        return False

"""Reading numbers as Swedish exports write them.

Accepts ``1 234,5`` (space, NBSP or narrow NBSP as thousands separator, decimal comma), ``1234.5``,
``−8,4`` (U+2212) and ``-8,4``, ``(8,4)`` for a negative number, and a trailing ``%``.
"""

from __future__ import annotations

import re

import pandas as pd

_MELLANRUM = re.compile(r"[\s\u00a0\u202f\u2009']")
_TAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")


def las_tal(text: str) -> float:
    """Parse one number; raises ValueError with the original text when it is not one."""
    s = _MELLANRUM.sub("", str(text)).replace("\u2212", "-").replace("\u2013", "-")
    negativ = s.startswith("(") and s.endswith(")")
    if negativ:
        s = s[1:-1]
    s = s.removesuffix("%")
    if "," in s:
        if "." in s:  # 1.234,5 — points are thousands separators
            s = s.replace(".", "")
        if s.count(",") > 1:
            raise ValueError(text)
        s = s.replace(",", ".")
    if not _TAL.match(s):
        raise ValueError(text)
    varde = float(s)
    return -varde if negativ else varde


def saknas(varde) -> bool:
    """True for None, NaN, pd.NA and NaT."""
    if varde is None:
        return True
    try:
        return bool(pd.isna(varde))
    except (TypeError, ValueError):
        return False

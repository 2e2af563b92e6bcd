"""Report titles from the report type's template in kommun.yaml.

Placeholders: ``{namnd}``, ``{kommun}``, ``{rapporttyp}`` (lower case), ``{period}`` ("januari–augusti 2021",
or "2021" for a whole year), ``{ar}`` ("2021"), ``{slutdatum}`` ("31 augusti 2021") and ``{per_datum}``
("per 31 augusti 2021", as delårsrapporter are titled). A template is checked before anything is built:
an unknown placeholder, or one that states the period twice ("per 31 augusti {period}"), is an error.
"""

from __future__ import annotations

import calendar
import re
import string

from helpers.konfig.kommun import MANADER, Period

PLATSHALLARE = ("namnd", "kommun", "rapporttyp", "period", "ar", "slutdatum", "per_datum")
_DATUMORD = "|".join(MANADER)


def slutdatum(period: Period) -> str:
    dag = calendar.monthrange(period.ar, period.till_manad)[1]
    return f"{dag} {MANADER[period.till_manad - 1]} {period.ar}"


def kontrollera_mall(mall: str) -> list[str]:
    """What is wrong with a title template (empty list: nothing)."""
    try:
        falt = [f for _, f, _, _ in string.Formatter().parse(mall) if f is not None]
    except ValueError as e:
        return [f"titeln {mall!r} går inte att läsa ({e}); använd {{namnd}}, {{period}} … (invalid template)"]
    fel = [f"okänd platshållare {{{f}}} i titeln {mall!r}; kända: "
           + ", ".join(f"{{{p}}}" for p in PLATSHALLARE) + " (unknown placeholder)" for f in falt if f not in PLATSHALLARE]
    if re.search(rf"(\bper\s*|\b\d{{1,2}}\s+({_DATUMORD})\s*)\{{(period|slutdatum|per_datum)\}}", mall) or \
            re.search(r"\{(per_datum|slutdatum)\}\s*\{period\}|\{period\}\s*\{(per_datum|slutdatum)\}", mall):
        fel.append(f"titeln {mall!r} anger perioden två gånger (t.ex. 'per 31 augusti {{period}}'); "
                   "skriv {per_datum} för 'per 31 augusti 2021' (the period is stated twice)")
    return fel


def rapporttitel(mall: str, *, namnd: str, kommun: str, rapporttyp: str, period: Period) -> str:
    return mall.format(namnd=namnd, kommun=kommun, rapporttyp=rapporttyp.lower(), period=period.namn,
                       ar=period.ar, slutdatum=slutdatum(period), per_datum=f"per {slutdatum(period)}")

"""Accessible HTML tables: caption, header cells with scope, numbers right-aligned and formatted once.

A table is described declaratively — caption, unit note, columns (label, key, formatter) — and
rendered to a real <table>, so it survives nbconvert, prints well and reads well in a screen reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape
from typing import Callable

import pandas as pd

from helpers.presentation import format as fmt
from helpers.presentation import stil

ENHETSTEXT = {
    "tkr": "Tabellen redovisas i tusentals kronor, tkr.",
    "mnkr": "Tabellen redovisas i miljoner kronor, mnkr.",
    "kr": "Tabellen redovisas i kronor.",
}


_TAL_KLASS = ' class="tal"'


@dataclass(frozen=True)
class Kolumn:
    rubrik: str
    nyckel: str
    format: Callable[[object], str] | None = None  # None: text column
    klass: Callable[[object], str | None] | None = None  # CSS class for a cell's text, e.g. a trend's colour

    def cell(self, varde) -> str:
        if fmt.saknas(varde):
            return ""
        text = escape(str(varde)) if self.format is None else self.format(varde)
        klass = self.klass(varde) if self.klass else None
        return f'<span class="{escape(klass)}">{text}</span>' if klass else text


def belopp(enhet: str, decimaler: int | None = None) -> Callable[[object], str]:
    """Formatter for amounts held in tkr, shown in the table's unit."""
    return lambda v: fmt.belopp(v, enhet, decimaler)


def procent(decimaler: int = 1) -> Callable[[object], str]:
    return lambda v: fmt.procent(v, decimaler)


@dataclass
class Tabell:
    rubrik: str
    kolumner: list[Kolumn]
    rader: pd.DataFrame
    enhet: str | None = None
    fotnoter: list[str] = field(default_factory=list)
    id: str | None = None

    def html(self) -> str:
        huvud = "".join(
            f'<th scope="col"{_TAL_KLASS if k.format else ""}>{escape(k.rubrik)}</th>' for k in self.kolumner
        )
        kropp = []
        for _, rad in self.rader.iterrows():
            radtyp = rad.get("radtyp", "rad") if hasattr(rad, "get") else "rad"
            djup = int(rad.get("djup", 0) or 0)
            forsta, *ovriga = self.kolumner
            rubrikcell = forsta.cell(rad.get(forsta.nyckel))
            if radtyp == "rubrik":
                kropp.append(f'<tr class="rubrik djup-{djup}"><th scope="rowgroup" colspan="{len(self.kolumner)}">'
                             f"{rubrikcell}</th></tr>")
                continue
            celler = "".join(f'<td class="tal">{k.cell(rad.get(k.nyckel))}</td>' if k.format
                             else f"<td>{k.cell(rad.get(k.nyckel))}</td>" for k in ovriga)
            kropp.append(f'<tr class="{escape(str(radtyp))} djup-{djup}"><th scope="row">{rubrikcell}</th>{celler}</tr>')
        noter = [ENHETSTEXT[self.enhet]] if self.enhet in ENHETSTEXT else []
        noter += self.fotnoter
        fot = "".join(f'<p class="tabellnot">{escape(n)}</p>' for n in noter)
        id_attr = f' id="{escape(self.id)}"' if self.id else ""
        # A wide table scrolls sideways on a phone: the scroll box must be reachable by keyboard (WCAG 2.1.1).
        return (f'<div class="tabell" tabindex="0" role="region" aria-label="{escape(self.rubrik)}"{id_attr}>'
                f'<table><caption>{escape(self.rubrik)}</caption>'
                f"<thead><tr>{huvud}</tr></thead><tbody>{''.join(kropp)}</tbody></table>{fot}</div>")

    def _repr_html_(self) -> str:  # shows as the report's table in JupyterLab (stitching strips the style)
        return stil.i_notebook(self.html())

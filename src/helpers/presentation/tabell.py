"""Accessible HTML tables: caption, header cells with scope, numbers right-aligned and formatted once.

A table is described declaratively — caption, unit note, columns (label, key, formatter) — and
rendered to a real <table>, so it survives nbconvert, prints well and reads well in a screen reader.

Escaped by construction: every caption, heading, note and cell is text (data, config, commentary) and is
escaped, unless it is ``Markup`` — markup the project's own code built on purpose (e.g. a formatter's
``<abbr>``). The HTML is assembled with ``Markup.format``, which escapes whatever is not Markup.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pandas as pd
from markupsafe import Markup, escape

from helpers.presentation import format as fmt
from helpers.presentation import stil

ENHETSTEXT = {
    "tkr": "Tabellen redovisas i tusentals kronor, tkr.",
    "mnkr": "Tabellen redovisas i miljoner kronor, mnkr.",
    "kr": "Tabellen redovisas i kronor.",
}



@dataclass(frozen=True)
class Kolumn:
    rubrik: str
    nyckel: str
    format: Callable[[object], str] | None = None  # None: text column
    klass: Callable[[object], str | None] | None = None  # CSS class for a cell's text, e.g. a trend's colour

    def cell(self, varde) -> Markup:
        if fmt.saknas(varde):
            return Markup("")
        # A formatter's str is text too (a `str` formatter once let a statistik.csv cell through as HTML).
        text = escape(varde if self.format is None else self.format(varde))
        klass = self.klass(varde) if self.klass else None
        return Markup('<span class="{}">{}</span>').format(klass, text) if klass else text


def belopp(enhet: str, decimaler: int | None = None) -> Callable[[object], str]:
    """Formatter for amounts held in tkr, shown in the table's unit."""
    return lambda v: fmt.belopp(v, enhet, decimaler)


def procent(decimaler: int = 1) -> Callable[[object], str]:
    return lambda v: fmt.procent(v, decimaler)


def arsfalt(ar: int) -> dict[str, int]:
    """The year placeholders a printed label or caption may use: {ar}, {fore}, {nasta_ar}."""
    return {"ar": ar, "fore": ar - 1, "nasta_ar": ar + 1}


def enligt_layout(kolumner: list[Kolumn], layout: dict | None, tecken: dict[str, str], **falt) -> list[Kolumn]:
    """A table's printed layout (kommun.yaml ``tabeller.<t>.visas``): the columns in the order of
    ``kolumner`` (tokens such as ``utfall-1``, mapped to column keys by ``tecken``; the row-label column
    stays first, and a listed column the table lacks is left out, never filled) and the labels of
    ``etiketter``, formatted with ``falt`` (``{ar}``, ``{fore}``, ``{nasta_ar}``; the kommun.yaml schema allows
    no other placeholder)."""
    layout = layout or {}
    if layout.get("kolumner"):
        per_nyckel = {k.nyckel: k for k in kolumner}
        kolumner = [kolumner[0]] + [per_nyckel[tecken[t]] for t in layout["kolumner"]
                                    if tecken.get(t) in per_nyckel]
    etiketter = layout.get("etiketter") or {}
    token = {nyckel: t for t, nyckel in tecken.items()}
    return [Kolumn(etiketter[token[k.nyckel]].format(**falt), k.nyckel, k.format, k.klass)
            if token.get(k.nyckel) in etiketter else k for k in kolumner]


@dataclass
class Tabell:
    rubrik: str
    kolumner: list[Kolumn]
    rader: pd.DataFrame
    enhet: str | None = None
    fotnoter: list[str] = field(default_factory=list)
    id: str | None = None

    def html(self) -> Markup:
        th_tal = Markup('<th scope="col" class="tal">{}</th>')
        huvud = Markup("").join((th_tal if k.format else Markup('<th scope="col">{}</th>')).format(k.rubrik)
                                for k in self.kolumner)
        kropp = []
        for _, rad in self.rader.iterrows():
            radtyp = rad.get("radtyp", "rad") if hasattr(rad, "get") else "rad"
            djup = int(rad.get("djup", 0) or 0)
            forsta, *ovriga = self.kolumner
            rubrikcell = forsta.cell(rad.get(forsta.nyckel))
            if radtyp == "rubrik":
                kropp.append(Markup('<tr class="rubrik djup-{}"><th scope="rowgroup" colspan="{}">{}</th></tr>')
                             .format(djup, len(self.kolumner), rubrikcell))
                continue
            celler = Markup("").join(
                (Markup('<td class="tal">{}</td>') if k.format else Markup("<td>{}</td>")).format(k.cell(rad.get(k.nyckel)))
                for k in ovriga)
            kropp.append(Markup('<tr class="{} djup-{}"><th scope="row">{}</th>{}</tr>')
                         .format(str(radtyp), djup, rubrikcell, celler))
        noter = [ENHETSTEXT[self.enhet]] if self.enhet in ENHETSTEXT else []
        noter += self.fotnoter
        fot = Markup("").join(Markup('<p class="tabellnot">{}</p>').format(n) for n in noter)
        id_attr = Markup(' id="{}"').format(self.id) if self.id else ""
        # A wide table scrolls sideways on a phone: the scroll box must be reachable by keyboard (WCAG 2.1.1).
        return Markup('<div class="tabell" tabindex="0" role="region" aria-label="{rubrik}"{id}>'
                      "<table><caption>{rubrik}</caption>"
                      "<thead><tr>{huvud}</tr></thead><tbody>{kropp}</tbody></table>{fot}</div>").format(
            rubrik=self.rubrik, id=id_attr, huvud=huvud, kropp=Markup("").join(kropp), fot=fot)

    def _repr_html_(self) -> str:  # shows as the report's table in JupyterLab (stitching strips the style)
        return stil.i_notebook(self.html())

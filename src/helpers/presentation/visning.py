"""What a section shows: headings, paragraphs, commentary, tables and figures as HTML outputs.

Sections print only through these functions, so the stitched report gets the same markup everywhere,
and analyst text is always sanitised (no script, no event handlers, no external resources).
"""

from __future__ import annotations

import re
from html import escape

import nh3
from IPython.display import HTML, display
from markdown_it import MarkdownIt

from helpers.presentation import stil

_MD = MarkdownIt("commonmark", {"html": False}).enable("table")
_TAGGAR = {"p", "em", "strong", "ul", "ol", "li", "h3", "h4", "h5", "blockquote", "table", "thead", "tbody", "tr",
           "th", "td", "br", "code", "a", "abbr"}


def _id(text: str) -> str:
    s = text.lower()
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o")):
        s = s.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def markdown_html(text: str) -> str:
    """Analyst Markdown → safe HTML. Raw HTML in the text is shown as text, never executed."""
    # <!-- … --> is the analyst's note to self (e.g. a source reference): never published.
    html = _MD.render(re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL))
    # Headings in commentary sit below the section heading (h2): shift # → h3.
    for n in range(6, 0, -1):
        html = html.replace(f"<h{n}>", f"<h{min(n + 2, 6)}>").replace(f"</h{n}>", f"</h{min(n + 2, 6)}>")
    return nh3.clean(html, tags=_TAGGAR, attributes={"a": {"href"}, "th": {"scope"}, "abbr": {"title"}},
                     url_schemes={"https", "mailto"}, link_rel="noopener noreferrer")


def rubrik(text: str, niva: int = 3, klass: str | None = None) -> None:
    attr = f' class="{escape(klass)}"' if klass else ""
    display(HTML(f'<h{niva}{attr} id="{_id(text)}">{escape(text)}</h{niva}>'))


def stycke(*meningar: str | None) -> None:
    """One paragraph from generated sentences; missing (None) sentences are skipped."""
    text = " ".join(m for m in meningar if m)
    if text:
        display(HTML(f'<p class="genererad">{escape(text)}</p>'))


class SaknadKommentar(Exception):
    """A final build (`namndrapport build --final`) found a section without the analyst's text."""


def har_text(text: str | None) -> bool:
    """True when commentary has more than headings and <!-- notes --> (an untouched draft has not)."""
    if not text:
        return False
    utan = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    return any(r.strip() and not r.lstrip().startswith("#") for r in utan.splitlines())


def kommentar(text: str | None, *, sektion: str, valfri: bool = False, slutlig: bool = False) -> None:
    """The analyst's commentary; when it is missing, a visible marker in a draft build and an error in a
    final one (``slutlig``: the notebook's ``lage`` parameter, set by `namndrapport build --final`)."""
    if har_text(text):
        display(HTML(f'<div class="kommentar">{markdown_html(text)}</div>'))
    elif valfri:
        return
    elif slutlig:
        raise SaknadKommentar(f"kommentar saknas för avsnittet {sektion}; skriv den (namndrapport new skapar ett "
                              "utkast) eller bygg utan --final")
    else:
        display(HTML(f'<p class="saknas-kommentar" role="note">Kommentar saknas för avsnittet {escape(sektion)}.</p>'))


def tabell(t) -> None:
    # With the report's table style, so JupyterLab shows what the report shows (stitching strips it again).
    display(HTML(stil.i_notebook(t.html())))


def figur(html: str | None) -> None:
    """A figure from ``helpers.presentation.diagram``; nothing when the chart had no data to show."""
    if html:
        display(HTML(stil.i_notebook(html)))


def bedomning(steg, motivering: str | None = None, *, rubrik: str = "Bedömning") -> None:
    """A goal's assessment: symbol and words (never colour alone), then the motivation."""
    if steg is None:
        display(HTML(f'<p class="bedomning"><strong>{escape(rubrik)}:</strong> ej bedömd</p>'))
        return
    symbol = f'<span class="symbol" aria-hidden="true">{escape(steg.symbol)}</span> ' if steg.symbol else ""
    display(HTML(f'<p class="bedomning" style="--farg: {escape(steg.farg)}">{symbol}<strong>{escape(rubrik)}:</strong> '
                 f'{escape(steg.etikett)}</p>'))
    if motivering:
        display(HTML(f'<div class="motivering">{markdown_html(motivering)}</div>'))

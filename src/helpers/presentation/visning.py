"""What a section shows: headings, paragraphs, commentary, tables and figures as HTML outputs.

Sections print only through these functions, so the stitched report gets the same markup everywhere,
and analyst text is always sanitised (no script, no event handlers, no external resources).

Escaped by default: a ``str`` given to any function here is text (data, config, generated sentences) and is
escaped; only ``Markup`` — HTML the project's own code built, such as ``markdown_html``'s sanitised output,
a ``Tabell`` or a figure — is passed through as HTML.
"""

from __future__ import annotations

import re

import nh3
from IPython.display import HTML, display
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from helpers.presentation import stil

_MD = MarkdownIt("commonmark", {"html": False}).enable("table")
_TAGGAR = {"p", "em", "strong", "ul", "ol", "li", "h3", "h4", "h5", "blockquote", "table", "thead", "tbody", "tr",
           "th", "td", "br", "code", "a", "abbr"}


def _id(text: str) -> str:
    s = text.lower()
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o")):
        s = s.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def _visa(html: Markup) -> None:
    display(HTML(str(escape(html))))  # escape() passes Markup through and makes any str plain text


def markdown_html(text: str) -> Markup:
    """Analyst Markdown → safe HTML. Raw HTML in the text is shown as text, never executed."""
    # <!-- … --> is the analyst's note to self (e.g. a source reference): never published.
    html = _MD.render(re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL))
    # Headings in commentary sit below the section heading (h2): shift # → h3.
    for n in range(6, 0, -1):
        html = html.replace(f"<h{n}>", f"<h{min(n + 2, 6)}>").replace(f"</h{n}>", f"</h{min(n + 2, 6)}>")
    return Markup(nh3.clean(html, tags=_TAGGAR, attributes={"a": {"href"}, "th": {"scope"}, "abbr": {"title"}},
                            url_schemes={"https", "mailto"}, link_rel="noopener noreferrer"))


def rubrik(text: str, niva: int = 3, klass: str | None = None) -> None:
    niva = min(max(int(niva), 1), 6)
    _visa(Markup('<h{niva}{klass} id="{id}">{text}</h{niva}>').format(
        niva=niva, klass=Markup(' class="{}"').format(klass) if klass else "", id=_id(str(text)), text=text))


def stycke(*meningar: str | None) -> None:
    """One paragraph from generated sentences; missing (None) sentences are skipped."""
    text = Markup(" ").join(m for m in meningar if m)  # escapes each sentence that is not Markup
    if text:
        _visa(Markup('<p class="genererad">{}</p>').format(text))


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
        _visa(Markup('<div class="kommentar">{}</div>').format(markdown_html(text)))
    elif valfri:
        return
    elif slutlig:
        raise SaknadKommentar(f"kommentar saknas för avsnittet {sektion}; skriv den (namndrapport new skapar ett "
                              "utkast) eller bygg utan --final")
    else:
        _visa(Markup('<p class="saknas-kommentar" role="note">Kommentar saknas för avsnittet {}.</p>').format(sektion))


def tabell(t) -> None:
    # With the report's table style, so JupyterLab shows what the report shows (stitching strips it again).
    _visa(stil.i_notebook(t.html()))


def figur(html: Markup | None) -> None:
    """A figure from ``helpers.presentation.diagram``; nothing when the chart had no data to show."""
    if html:
        _visa(stil.i_notebook(html))


def bedomning(steg, motivering: str | None = None, *, rubrik: str = "Bedömning") -> None:
    """A goal's assessment: symbol and words (never colour alone), then the motivation."""
    if steg is None:
        _visa(Markup('<p class="bedomning"><strong>{}:</strong> ej bedömd</p>').format(rubrik))
        return
    symbol = Markup('<span class="symbol" aria-hidden="true">{}</span> ').format(steg.symbol) if steg.symbol else ""
    # The colour goes into a style attribute: only a #RRGGBB (the schema's form), never other CSS (url(…)).
    farg = steg.farg if re.fullmatch(r"#[0-9A-Fa-f]{3,8}", str(steg.farg or "")) else "currentColor"
    _visa(Markup('<p class="bedomning" style="--farg: {}">{}<strong>{}:</strong> {}</p>')
          .format(farg, symbol, rubrik, steg.etikett))
    if motivering:
        _visa(Markup('<div class="motivering">{}</div>').format(markdown_html(motivering)))

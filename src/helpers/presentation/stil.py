"""The report's look in a notebook: tables and charts in JupyterLab render with the report's own CSS.

The notebook output of a table or chart is wrapped in a container carrying a <style> block: the table and
chart rules of rapport.css, read from that file (never copied by hand) and scoped to the container, so the
analyst sees what the report shows and nothing else in JupyterLab is restyled. The stitched report already
has rapport.css once in its <head>, so stitching unwraps each output again (``i_rapport``): the report's
HTML stays exactly what it was.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape

from helpers.konfig import sokvagar as paths

KLASS = "namndrapport-vy"
# The class twice outranks JupyterLab's own table rules, e.g. ':not(.jp-RenderedMarkdown).jp-RenderedHTMLCommon
# td' (right-aligns every cell); a single class would lose to it.
_PREFIX = f".{KLASS}.{KLASS}"
_BORJAN = f'<div class="{KLASS}"><style>'
_SLUT = "</div>"

# Selectors that style a table or a chart: element names, or the classes tabell.py and diagram.py write.
_DEL = re.compile(r"(?<![\w.#-])(?:table|caption|thead|tbody|tr|th|td|figure|figcaption)(?![\w-])"
                  r"|\.(?:tabell|tabellnot|diagram|trend-[\w-]+)(?![\w-])")

# Only in the notebook: undo JupyterLab's table defaults that rapport.css never needed to set (the browser's
# defaults are what the report relies on). Comes before the report's rules, which win on equal rank.
_NOLLSTALL_JUPYTER = ("table { table-layout: auto; margin: 0; }",
                      "th, td { text-align: left; }",
                      "tbody tr, tbody tr:hover { background: transparent; }")


def _block(css: str):
    """Top-level (prelude, body) pairs of a style sheet; a body may hold nested blocks (@media)."""
    i = 0
    while (j := css.find("{", i)) >= 0:
        djup, k = 1, j + 1
        while djup and k < len(css):
            djup += {"{": 1, "}": -1}.get(css[k], 0)
            k += 1
        yield css[i:j].strip(), css[j + 1:k - 1].strip()
        i = k


def _scopa(css: str) -> list[str]:
    regler = []
    for prelud, kropp in _block(css):
        if prelud.startswith("@media"):
            inre = _scopa(kropp)
            if inre:
                regler.append(f"{prelud} {{ {' '.join(inre)} }}")
        elif prelud == ":root":  # the colour variables the table rules use
            regler.append(f"{_PREFIX} {{ {' '.join(kropp.split())} }}")
        elif not prelud.startswith("@"):
            valda = [s.strip() for s in prelud.split(",") if _DEL.search(s)]
            if valda:
                # One rule per line, whatever the layout of rapport.css (multi-line values included).
                regler.append(f"{', '.join(f'{_PREFIX} {s}' for s in valda)} {{ {' '.join(kropp.split())} }}")
    return regler


@lru_cache(maxsize=1)
def css() -> str:
    """The table and chart rules of rapport.css, scoped to the notebook container."""
    rapport = (paths.MALLAR / "namndrapport" / "rapport.css").read_text(encoding="utf-8")
    rapport = re.sub(r"/\*.*?\*/", "", rapport, flags=re.DOTALL)
    return "\n".join(_scopa("\n".join(_NOLLSTALL_JUPYTER)) + _scopa(rapport))


def i_notebook(html: Markup) -> Markup:
    """A table's or chart's HTML with the report's style, for display in a notebook (a str is text: escaped)."""
    return Markup(f"{_BORJAN}\n{css()}\n</style>{escape(html)}{_SLUT}")


def i_rapport(html: str) -> str:
    """Undo ``i_notebook``: the HTML exactly as the report prints it (the page has rapport.css already).
    Any other output is returned unchanged."""
    if not (html.startswith(_BORJAN) and html.endswith(_SLUT)):
        return html
    slut = html.find("</style>", len(_BORJAN))
    return html[slut + len("</style>"):-len(_SLUT)] if slut >= 0 else html

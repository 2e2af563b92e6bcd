"""Never silently wrong: text from data, config or commentary is text, never markup.

Fast tests: each HTML-producing function escapes what it is given unless it is ``Markup``. Slow test: a
payload in every free-text field of every raw table, every free-text string of kommun.yaml/period.yaml and
every commentary file, one report per sample kommun, opened in real Chromium: no script runs and no request
leaves the page.
"""

from __future__ import annotations

import csv
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pytest
import yaml
from markupsafe import Markup

from helpers.bygg import index
from helpers.bygg import rapport as bygg
from helpers.indata.scheman import TABELLER
from helpers.presentation import diagram, stil, visning
from helpers.presentation.tabell import Kolumn, Tabell

PROJEKT = Path(__file__).resolve().parents[1]
SKRIPT = "<script>window.__xss=1</script>"
BILD = '<img src=x onerror="window.__xss=1">'
LANK = '<a href="javascript:window.__xss=1">j</a>'
EXTERN = '<img src="https://xss.invalid/p.png">'
LAST = f" {BILD}{SKRIPT}{LANK}{EXTERN}"
# Key columns: a rattelser key splits on "/", so a key part cannot hold one (nor a row label it must name).
LAST_NYCKEL = f' {BILD}<a href="javascript:window.__xss=1">j<a><img src="https:xss.invalid">'
# Analyst Markdown: raw HTML, a javascript: link and an external image in Markdown's own syntax.
MD_LAST = f"\n\n{BILD}{SKRIPT}\n\n[länk](javascript:window.__xss=1) ![bild](https://xss.invalid/m.png)\n"


class _Taggar(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fel: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "iframe", "object", "embed", "svg", "link"):
            self.fel.append(tag)
        for namn, varde in attrs:
            varde = (varde or "").strip().lower()
            if namn.startswith("on") or varde.startswith("javascript:") or (namn == "src" and not varde.startswith("data:")):
                self.fel.append(f"{tag} {namn}={varde}")


def _ingen_aktiv_markup(html: str) -> None:
    """No script element, no event handler, no javascript: URL, no resource but an inline data: image."""
    p = _Taggar()
    p.feed(str(html))
    assert not p.fel, p.fel


# --- fast: every function that produces HTML ------------------------------------------------------------------


@pytest.fixture
def visat(monkeypatch):
    ut: list[str] = []
    monkeypatch.setattr(visning, "display", lambda h: ut.append(h.data))
    return ut


def test_kolumn_escapar_text_och_formatterarens_str_men_inte_markup():
    assert Kolumn("A", "a").cell(BILD) == "&lt;img src=x onerror=&#34;window.__xss=1&#34;&gt;"
    assert "<img" not in Kolumn("A", "a", str).cell(BILD)  # the statistik.csv `text` cell
    assert "<script" not in Kolumn("A", "a", lambda v: f"{v}!").cell(SKRIPT)
    assert Kolumn("A", "a", lambda v: Markup("<abbr>{}</abbr>").format(v)).cell("<b>") == "<abbr>&lt;b&gt;</abbr>"
    cell = Kolumn("A", "a", klass=lambda v: 'x" onclick="y').cell("1")
    assert cell == '<span class="x&#34; onclick=&#34;y">1</span>'


def test_tabell_escapar_rubrik_kolumnrubrik_celler_radtyp_fotnoter_och_id():
    rader = pd.DataFrame([{"a": LAST, "b": LAST, "radtyp": f"rad{LAST}"}, {"a": LAST, "radtyp": "rubrik"}])
    t = Tabell(LAST, [Kolumn(LAST, "a"), Kolumn(LAST, "b", str)], rader, enhet="tkr", fotnoter=[LAST], id=f'x"{LAST}')
    html = t.html()
    assert isinstance(html, Markup)
    _ingen_aktiv_markup(html)
    assert html.count("&lt;script&gt;") == 10  # the caption twice, 2 headers, 4 cells, row type, note, id
    _ingen_aktiv_markup(t._repr_html_().replace(stil.css(), ""))


def test_visning_escapar_str_och_slapper_igenom_markup(visat):
    visning.rubrik(LAST)
    visning.stycke(LAST, None, LAST)
    visning.kommentar(None, sektion=LAST)
    visning.tabell(Tabell(LAST, [Kolumn(LAST, "a")], pd.DataFrame([{"a": LAST}])))
    visning.figur(LAST)  # a str is text even here: only diagram's Markup is a figure
    _ingen_aktiv_markup("".join(visat).replace(stil.css(), ""))
    assert all("&lt;script&gt;" in h for h in visat)
    visat.clear()
    visning.stycke(Markup("<em>egen</em>"))
    assert visat == ['<p class="genererad"><em>egen</em></p>']


def test_bedomning_escapar_etikett_symbol_rubrik_och_tar_bara_en_hexfarg(visat):
    class Steg:
        symbol, etikett, farg = LAST, LAST, "red; background: url(https://xss.invalid/f.png)"

    visning.bedomning(Steg(), f"Motivering{MD_LAST}", rubrik=LAST)
    visning.bedomning(None, rubrik=LAST)
    _ingen_aktiv_markup("".join(visat))
    assert "--farg: currentColor" in visat[0]


def test_markdown_html_ar_sanerad_markup(visat):
    html = visning.markdown_html(f"Text{MD_LAST}{LAST}")
    assert isinstance(html, Markup)
    _ingen_aktiv_markup(html)
    assert "<p>Text</p>" in html and "&lt;script&gt;" in html
    visning.kommentar(f"Text{MD_LAST}", sektion="s")
    _ingen_aktiv_markup(visat[0])


def test_diagram_och_stil_escapar_text():
    from matplotlib.figure import Figure

    html = diagram.figur_html(Figure(figsize=(1, 1)), LAST, LAST)
    assert isinstance(html, Markup) and html.startswith('<figure class="diagram"><img src="data:image/png;base64,')
    _ingen_aktiv_markup(html)
    _ingen_aktiv_markup(stil.i_notebook(LAST).replace(stil.css(), ""))
    assert stil.i_rapport(stil.i_notebook(html)) == html


def test_index_escapar_namn_meddelanden_och_ids(monkeypatch):
    monkeypatch.setattr(index, "_namn", lambda *ids: tuple(f"{i}{LAST}" for i in ids))
    poster = [{"kommun": f"k{LAST}", "period": "p", "rapporttyp": t, "namnd": "n", "status": "fel",
               "meddelande": LAST, "tid": LAST} for t in ("a", f"b{LAST}")]
    html = index._html(poster)
    _ingen_aktiv_markup(html)
    assert "</style><script" not in html and "#typ-a:checked" in html and "#typ-b " not in html


def test_numrera_och_mallen_escapar_rubriker_och_forteckning():
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    tabell = Tabell(LAST, [Kolumn("A", "a")], pd.DataFrame([{"a": 1}])).html()
    cell.outputs = [nbformat.v4.new_output("display_data", data={"text/html": str(tabell)})]
    nb.cells.append(cell)
    figurer = bygg.numrera(nb)
    assert figurer[0]["text"] == LAST.strip()  # the caption as text, not stripped as a tag
    nb.metadata["namndrapport"] = {
        "titel": LAST, "kommun": LAST, "namnd": LAST, "rapporttyp": LAST, "period": LAST, "datum": LAST,
        "sektioner": [{"id": f'x"{LAST}', "titel": LAST}], "version": LAST, "syntetisk": True, "beslut": LAST,
        "figurer": figurer}
    html, _ = bygg._exporter().from_notebook_node(nb)
    _ingen_aktiv_markup(html)
    assert html.count("&lt;script&gt;") >= 12


def test_ihopsyningen_slapper_bara_html_png_och_text(monkeypatch):
    from helpers.konfig import kommun as config

    k = config.las_kommun("haninge")
    period = config.las_period(k, "2022")
    executed = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("")
    cell.outputs = [nbformat.v4.new_output("display_data", data={
        "application/javascript": "window.__xss=1", "image/svg+xml": f"<svg>{SKRIPT}</svg>",
        "text/markdown": LAST, "text/plain": "text"})]
    executed.cells.append(cell)
    html = bygg.sy_ihop(k, bygg.Rapport("haninge", "sn", "2022", "arsredovisning"), period,
                        [({"id": "inledning", "titel": LAST}, executed)])
    _ingen_aktiv_markup(html)  # the Javascript, SVG and Markdown outputs are gone
    assert "text/markdown" not in html and html.count("window.__xss") == 2 * 3  # the title in the contents and <h2>


# --- slow: payloads everywhere, real builds, real Chromium --------------------------------------------------------

# Columns that hold ids or codes another table, kommun.yaml or the code looks values up by: they must stay
# valid for the report to build at all. Every other text column of every table gets the payload.
ID_KOLUMNER = {"namnd", "id", "mal", "indikator", "niva", "bedomning", "status", "kolada_id"}
ID_PER_TABELL = {
    "mal": {"overordnad"},  # a mal id
    "indikatorer": {"enhet"},  # a unit the formatter understands (procent, antal …)
    "personal": {"nyckeltal", "grupp"},  # nyckeltal ids; alla/K/M or kommun.yaml's dimension groups
    "statistik": {"tabell"},  # the table's id
    "rattelser": {"tabell", "kolumn", "tryckt", "anvant"},  # a table, a column and values checked against data
}
# kommun.yaml/period.yaml keys whose values are ids, codes, colours, file names or settings.
ID_NYCKLAR = {"id", "kod", "farg", "notebook", "text", "enhet", "visas_i", "kostnader", "intakter", "utgifter",
              "kodning", "avgransare", "blad"}
RAPPORTER = [bygg.Rapport("haninge", "sn", "2022", "arsredovisning"),
             bygg.Rapport("exempel", "ks", "2024", "arsredovisning")]


def _fri_text(tabell: str) -> set[str]:
    t = TABELLER[tabell]
    return {k.namn for k in t.kolumner if k.typ == "text" and not k.tillatna
            and k.namn not in ID_KOLUMNER | ID_PER_TABELL.get(tabell, set())}


def _smittad_nyckel(nyckel: str, tabell: str) -> str:
    """A rattelser key names another table's row by its key columns: the parts in injected columns get the
    same payload as the row itself, so the reference still finds it."""
    t = TABELLER.get(tabell)
    if t is None:
        return nyckel
    kolumner = [c for c in t.nyckel if c != t.namnd_kolumn]
    fri = _fri_text(tabell)
    return "/".join(d + LAST_NYCKEL if c in fri and d and d != "summa" else d
                    for d, c in zip(nyckel.split("/"), kolumner + [""] * 9))


def _smitta_tabell(fil: Path) -> int:
    tabell = fil.stem
    text = fil.read_text(encoding="utf-8-sig")
    tecken = ";" if ";" in text.splitlines()[0] else ","
    rader = list(csv.reader(text.splitlines(), delimiter=tecken))
    rubriker = [c.strip().lower() for c in rader[0]]
    fri = _fri_text(tabell)
    antal = 0
    for rad in rader[1:]:
        for i, kol in enumerate(rubriker):
            if i >= len(rad) or not rad[i]:
                continue
            if tabell == "rattelser" and kol == "nyckel":
                rad[i] = _smittad_nyckel(rad[i], rad[rubriker.index("tabell")])
            elif kol in fri:
                rad[i] += LAST_NYCKEL if kol in TABELLER[tabell].nyckel else LAST
                antal += 1
    with fil.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=tecken, lineterminator="\n").writerows(rader)
    return antal


def _smitta_yaml(v, nyckel: str | None = None):
    """Every free-text string gets the payload; strings in lists are ids, colours or groups."""
    if isinstance(v, dict):
        return {k: _smitta_yaml(x, k) for k, x in v.items()}
    if isinstance(v, list):
        return [_smitta_yaml(x) if isinstance(x, (dict, list)) else x for x in v]
    if isinstance(v, str) and nyckel is not None and nyckel not in ID_NYCKLAR:
        return v + LAST
    return v


def _smitta_kommun(rot: Path, r: bygg.Rapport) -> int:
    from helpers.konfig.kommun import STANDARDSEKTIONER

    mapp = rot / "data" / "raw" / r.kommun
    kfil, pfil = mapp / "kommun.yaml", mapp / r.period / "period.yaml"
    k = yaml.safe_load(kfil.read_text(encoding="utf-8"))
    # Every section's title is a kommun.yaml string too: the <h2> and the table of contents.
    alias = "avsnitt" if "avsnitt" in k else "sektioner"
    egna = k.get(alias) or {}
    standard = yaml.safe_load(STANDARDSEKTIONER.read_text(encoding="utf-8"))
    k[alias] = {sid: {**(egna.get(sid) or {}), "titel": (egna.get(sid) or {}).get("titel", s["titel"])}
                for sid, s in {**standard, **egna}.items()}
    kfil.write_text(yaml.safe_dump(_smitta_yaml(k), allow_unicode=True, sort_keys=False), encoding="utf-8")
    p = yaml.safe_load(pfil.read_text(encoding="utf-8")) or {}
    p["beslut"] = p.get("beslut", "Beslut")
    pfil.write_text(yaml.safe_dump(_smitta_yaml(p), allow_unicode=True, sort_keys=False), encoding="utf-8")
    antal = sum(_smitta_tabell(f) for f in sorted((mapp / r.period).glob("*.csv")))
    for md in sorted((mapp / r.period / "kommentarer").rglob("*.md")):
        md.write_text(md.read_text(encoding="utf-8") + MD_LAST, encoding="utf-8")
    return antal


@pytest.fixture(scope="module")
def smittad_rot(tmp_path_factory):
    rot = tmp_path_factory.mktemp("smittad")
    shutil.copytree(PROJEKT / "data" / "raw", rot / "data" / "raw")
    antal = {r.kommun: _smitta_kommun(rot, r) for r in RAPPORTER}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NAMNDRAPPORT_ROOT", str(rot))
        beslut = [b for r in RAPPORTER for b in bygg.bedom([r])]
        for res in bygg.bygg(beslut, arbetare=1):
            assert res.status == "byggd", res.meddelande
    return rot, antal


@pytest.mark.slow
def test_last_i_varje_textfalt_kor_inget_skript_och_lamnar_inte_sidan(smittad_rot):
    from helpers.bygg.webblasare import webblasare

    rot, antal = smittad_rot
    with webblasare() as b:
        sida = b.new_page()
        utgaende: list[str] = []

        def sparr(route):
            if route.request.url.startswith(("file:", "data:")):
                route.continue_()
            else:
                utgaende.append(route.request.url)
                route.abort()

        sida.route("**/*", sparr)
        # The counter counts: a page that does load an external image is caught.
        kontroll = rot / "kontroll.html"
        kontroll.write_text(f"<!DOCTYPE html><html><body>{EXTERN}</body></html>", encoding="utf-8")
        sida.goto(kontroll.as_uri(), wait_until="load")
        assert utgaende == ["https://xss.invalid/p.png"]
        utgaende.clear()
        for r in RAPPORTER:
            html = rot / "reports" / r.kommun / r.period / r.rapporttyp / f"{r.namnd}.html"
            sida.goto(html.as_uri(), wait_until="load")
            assert sida.evaluate("typeof window.__xss") == "undefined", r.namn
            assert sida.evaluate("document.scripts.length") == 0, r.namn
            assert utgaende == [], (r.namn, utgaende)
            for lank in sida.query_selector_all("a[href]"):  # no link the payload made can run anything
                assert not lank.get_attribute("href").lower().strip().startswith("javascript:"), r.namn
            # The payload is there, as visible text, in many places (not silently dropped).
            text = sida.evaluate("document.body.innerText")
            assert text.count(SKRIPT) >= 20, (r.namn, text.count(SKRIPT))
            assert antal[r.kommun] > 50
            assert re.search(r"<h1>.*?&lt;script&gt;", html.read_text(encoding="utf-8"), re.DOTALL)
        sida.close()

"""PDF copies of the HTML reports, printed by headless Chromium: A4, the print stylesheet (a cover page,
a smaller font for slightly wide tables, landscape pages for wide ones), page numbers in the footer and in
the table of contents, PDF bookmarks from the headings and a tagged (structured) PDF."""

from __future__ import annotations

import io
import logging
import os
import tempfile
from pathlib import Path

SIDFOT = ('<div style="font-family: sans-serif; font-size: 8pt; color: #444; width: 100%; text-align: center;">'
          'Sida <span class="pageNumber"></span> av <span class="totalPages"></span></div>')

# Printable width in CSS px (96 per inch) of A4 with 16 mm side margins, upright and landscape.
STAENDE_PX = (210 - 32) / 25.4 * 96
LIGGANDE_PX = (297 - 32) / 25.4 * 96

# Mark each table wrapper by the width its table needs at its narrowest: "anpassad" (a little too wide)
# stays upright in a smaller font if that makes it fit, since a landscape page for a short table is mostly
# blank; else "bred" gets a landscape page, and "trang" (wider than a landscape page too) also a smaller
# font. Measured, so no column is ever clipped.
MAT_TABELLER = """([staende, liggande]) => {
  for (const d of document.querySelectorAll('.tabell')) {
    const t = d.querySelector('table');
    if (!t) continue;
    d.classList.remove('anpassad', 'bred', 'trang');
    // A fitting table is exactly as wide as its box: allow rounding.
    if (t.scrollWidth <= staende + 2) continue;
    d.classList.add('anpassad');
    if (t.scrollWidth <= staende + 2) continue;
    d.classList.remove('anpassad');
    const bredd = t.scrollWidth;
    d.classList.toggle('bred', bredd > staende + 2);
    d.classList.toggle('trang', bredd > liggande + 2);
  }
  // A heading just before a landscape table goes onto the landscape page with it: a change of page size
  // always breaks the page, and the heading would be left alone at the bottom of the previous one.
  const flode = [...document.querySelectorAll('h2, h3, h4, h5, h6, p, ul, ol, figure, .tabell')];
  flode.forEach((e, i) => {
    if (!e.classList.contains('bred')) return;
    for (let j = i - 1; j >= 0 && /^H[2-6]$/.test(flode[j].tagName); j--) flode[j].classList.add('pa-bred');
  });
}"""

SATT_SIDNUMMER = """(sidor) => {
  for (const s of document.querySelectorAll('nav.innehall .sidnr')) {
    const n = sidor[s.dataset.mal];
    s.textContent = n ? String(n) : '';
  }
}"""


def _sidtexter(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # Chromium's trailer size warnings are harmless
    return [sida.extract_text() or "" for sida in PdfReader(io.BytesIO(pdf)).pages]


def _normalisera(text: str) -> str:
    return " ".join(text.split())


def hitta_sidor(texter: list[str], mal: list[tuple[str, str, bool]]) -> dict[str, int]:
    """Page number (1-based) of each target in reading order. ``mal``: (id, text, at_top) — sections start
    a page, so their title must be among its first lines; captions ("Tabell 3.") anywhere on the page.
    Searches only after the table of contents, which repeats every text."""
    sidor: dict[str, int] = {}
    start = next((i + 1 for i, t in enumerate(texter) if "Innehåll" in t), 0)
    normerade = [_normalisera(t) for t in texter]
    borjan = [_normalisera(" ".join(t.strip().splitlines()[:4])) for t in texter]
    for mid, text, overst in mal:
        text = _normalisera(text)
        for i in range(start, len(texter)):
            if text in (borjan[i] if overst else normerade[i]):
                sidor[mid] = i + 1
                start = i
                break
    return sidor


def ratta_bokmarken(data: bytes, rubriker: list[str]) -> bytes:
    """Chromium builds bookmarks from the laid-out text and drops the space where a heading wraps
    ("strategi ochbudget"): give each bookmark its heading's text back. Keeps the structure tree."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    ratt = {"".join(r.split()): " ".join(r.split()) for r in rubriker}
    skrivare = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    rot = skrivare._root_object.get("/Outlines")
    stack = [rot.get_object().get("/First")] if rot is not None else []
    while stack:
        post = stack.pop()
        if post is None:
            continue
        post = post.get_object()
        titel = str(post.get("/Title", ""))
        if "".join(titel.split()) in ratt:
            post[NameObject("/Title")] = TextStringObject(ratt["".join(titel.split())])
        stack += [post.get("/First"), post.get("/Next")]
    ut = io.BytesIO()
    skrivare.write(ut)
    return ut.getvalue()


def skriv_pdf(blasare, html: Path, pdf: Path) -> None:
    """Print ``html`` to ``pdf`` (written atomically: a failed print leaves the previous PDF). Two passes:
    the first finds each heading's page, the second prints them in the table of contents."""
    # The viewport is the upright printable width, so tables are measured as they would print.
    sida = blasare.new_page(viewport={"width": round(STAENDE_PX), "height": 1100})
    try:
        sida.goto(html.resolve().as_uri())
        sida.emulate_media(media="print")
        sida.evaluate(MAT_TABELLER, [STAENDE_PX, LIGGANDE_PX])
        mal = sida.evaluate("""() => [
          ...[...document.querySelectorAll('h2.sektion')].map(h => [h.id, h.textContent, true]),
          ...[...document.querySelectorAll('caption[id], figcaption[id]')].map(
              c => [c.id, c.dataset.nummer ? c.dataset.nummer + '.' : c.textContent, false])]""")
        # Reading order: sections and captions interleave in the document.
        ordning = sida.evaluate("""() => [...document.querySelectorAll('h2.sektion, caption[id], figcaption[id]')]
                                   .map(e => e.id)""")
        mal.sort(key=lambda m: ordning.index(m[0]) if m[0] in ordning else len(ordning))

        def skriv() -> bytes:
            return sida.pdf(format="A4", prefer_css_page_size=True, print_background=True,
                            display_header_footer=True, header_template="<span></span>", footer_template=SIDFOT,
                            tagged=True, outline=True)

        forsta = skriv()
        sidor = hitta_sidor(_sidtexter(forsta), mal)
        sida.evaluate(SATT_SIDNUMMER, sidor)
        rubriker = sida.evaluate("() => [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => h.textContent)")
        data = ratta_bokmarken(skriv(), rubriker)
        fd, tmp = tempfile.mkstemp(dir=pdf.parent, prefix=f".{pdf.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.chmod(tmp, 0o644)
            os.replace(tmp, pdf)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    finally:
        sida.close()




def _skriv_andel(par: list[tuple[Path, Path]], vid_klar=None) -> list[Path]:
    """Print a share of the reports with one Chromium (in a worker process when printing in parallel)."""
    from helpers.bygg.webblasare import webblasare

    with webblasare() as blasare:
        for html, pdf in par:
            skriv_pdf(blasare, html, pdf)
            if vid_klar:
                vid_klar(pdf)
    return [pdf for _, pdf in par]


def skriv_pdfer(par: list[tuple[Path, Path]], arbetare: int = 1, vid_klar=None) -> None:
    """Print each (html, pdf) pair. With several workers each process starts its own Chromium and prints
    every n-th report: a browser is slow to start, so one per process, not one per report."""
    from concurrent.futures import ProcessPoolExecutor, as_completed

    arbetare = max(1, min(arbetare, len(par)))
    if arbetare == 1:
        _skriv_andel(par, vid_klar)
        return
    with ProcessPoolExecutor(max_workers=arbetare) as pool:
        for f in as_completed([pool.submit(_skriv_andel, par[i::arbetare]) for i in range(arbetare)]):
            for pdf in f.result():
                if vid_klar:
                    vid_klar(pdf)

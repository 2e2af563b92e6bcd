"""The reports in a real browser (Debian's Chromium via Playwright): zero axe-core violations of
WCAG 2.0/2.1 A and AA on every sample report, screenshots at desktop and phone width, and PDF export."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers.bygg.webblasare import webblasare

pytestmark = pytest.mark.slow
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture(scope="module")
def blasare():
    with webblasare() as b:
        yield b


def test_axe_inga_overtradelser_i_nagon_rapport(byggd_rot, blasare):
    from axe_playwright_python.sync_playwright import Axe

    sidor = sorted((byggd_rot / "reports").rglob("*.html"))
    assert len(sidor) >= 37  # 36 reports and the index
    axe, fel = Axe(), []
    sida = blasare.new_page()
    for html in sidor:
        sida.goto(html.as_uri())
        for v in axe.run(sida, options=WCAG).response["violations"]:
            fel.append(f"{html.relative_to(byggd_rot)}: {v['id']} ({len(v['nodes'])}) {v['help']}")
    sida.close()
    assert not fel, "\n".join(fel)


@pytest.mark.parametrize("bredd, hojd", [(1280, 900), (375, 812)], ids=["dator", "telefon"])
def test_skarmbild_och_ingen_sidledsrullning(byggd_rot, blasare, tmp_path, bredd, hojd):
    sida = blasare.new_page(viewport={"width": bredd, "height": hojd})
    sida.goto((byggd_rot / "reports/haninge/2022/arsredovisning/sn.html").as_uri())
    bild = tmp_path / f"sn-{bredd}.png"
    sida.screenshot(path=str(bild), full_page=True)
    # The page itself never scrolls sideways; only wide tables do, inside their own keyboard-reachable box.
    assert sida.evaluate("document.documentElement.scrollWidth") <= bredd
    assert sida.evaluate("document.querySelectorAll('h1').length") == 1
    # The table of contents is keyboard-usable: the first Tab reaches the skip link, then links follow.
    sida.keyboard.press("Tab")
    assert sida.evaluate("document.activeElement.tagName") == "A"
    sida.close()
    assert bild.stat().st_size > 50_000


def test_pdf_med_sidnummer_och_taggar(byggd_rot):
    # A separate process: Playwright's sync API cannot nest inside the browser this module keeps open.
    res = subprocess.run([sys.executable, "-m", "helpers.cli", "pdf", "--kommun", "haninge", "--period", "2020"],
                         env={**os.environ, "NAMNDRAPPORT_ROOT": str(byggd_rot)}, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    pdf = (byggd_rot / "reports/haninge/2020/arsredovisning/ks.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and b"/StructTreeRoot" in pdf and b"/Outlines" in pdf
    assert len(pdf) > 100_000

"""Headless Chromium through Playwright: the system's Chromium (Debian `chromium`), never a download."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager


class IngenWebblasare(RuntimeError):
    pass


def chromium() -> str:
    """Path to Chromium: NAMNDRAPPORT_CHROMIUM, or chromium / chromium-browser on PATH."""
    sokvag = os.environ.get("NAMNDRAPPORT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not sokvag:
        raise IngenWebblasare("Chromium saknas. Installera Debians paket (sudo apt-get install chromium, eller "
                              "`make test`/`make pdf` som gör det), eller ange sökvägen i NAMNDRAPPORT_CHROMIUM. "
                              "(Chromium not found.)")
    return sokvag


@contextmanager
def webblasare():
    from helpers.fel import importera_tillagg

    sync_playwright = importera_tillagg("playwright.sync_api", "pdf").sync_playwright
    with sync_playwright() as p:
        blasare = p.chromium.launch(executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"])
        try:
            yield blasare
        finally:
            blasare.close()

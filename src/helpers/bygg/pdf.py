"""PDF copies of the HTML reports, printed by headless Chromium: A4, the print stylesheet, page numbers
in the footer, PDF bookmarks from the headings and a tagged (structured) PDF."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

SIDFOT = ('<div style="font-family: sans-serif; font-size: 8pt; color: #444; width: 100%; text-align: center;">'
          'Sida <span class="pageNumber"></span> av <span class="totalPages"></span></div>')


def skriv_pdf(blasare, html: Path, pdf: Path) -> None:
    """Print ``html`` to ``pdf`` (written atomically: a failed print leaves the previous PDF)."""
    sida = blasare.new_page()
    try:
        sida.goto(html.resolve().as_uri())
        sida.emulate_media(media="print")
        fd, tmp = tempfile.mkstemp(dir=pdf.parent, prefix=f".{pdf.name}.", suffix=".tmp")
        os.close(fd)
        try:
            sida.pdf(path=tmp, format="A4", print_background=True, display_header_footer=True,
                     header_template="<span></span>", footer_template=SIDFOT,
                     margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                     tagged=True, outline=True)
            os.chmod(tmp, 0o644)
            os.replace(tmp, pdf)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    finally:
        sida.close()

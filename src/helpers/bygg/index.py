"""reports/index.html: every report built in this tree, by kommun, period, report type and nämnd, with
its last build time and status. Rebuilt from the build records after every build, written atomically."""

from __future__ import annotations

import json
from html import escape

from filelock import FileLock

from helpers.filer import skriv_atomiskt
from helpers.konfig import sokvagar as paths

STIL = """body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#1a1a1a;line-height:1.5}table{border-collapse:collapse;width:100%;margin:1rem 0 2rem}
caption{text-align:left;font-weight:700;padding:.4rem 0}th,td{text-align:left;padding:.35rem .6rem;
border-bottom:1px solid #ccc}a{color:#00457c}.fel{color:#a4001d;font-weight:700}"""


def _poster() -> list[dict]:
    bas = paths.build() / "cache"
    poster = []
    for fil in sorted(bas.glob("*/*/*/*.json")) if bas.is_dir() else []:
        try:
            post = json.loads(fil.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        kommun, period, rapporttyp = fil.relative_to(bas).parts[:3]
        post.update(kommun=kommun, period=period, rapporttyp=rapporttyp, namnd=fil.stem)
        poster.append(post)
    return poster


def skriv_index() -> None:
    """Write reports/index.html from the build records (under a lock: builds may run side by side)."""
    ut = paths.reports() / "index.html"
    ut.parent.mkdir(parents=True, exist_ok=True)
    paths.build().mkdir(parents=True, exist_ok=True)
    with FileLock(str(paths.build() / "index.lock")):
        grupper: dict[tuple, list[dict]] = {}
        for p in _poster():
            grupper.setdefault((p["kommun"], p["period"], p["rapporttyp"]), []).append(p)
        delar = []
        for (kommun, period, rapporttyp), poster in sorted(grupper.items()):
            rader = []
            for p in poster:
                lank = f"{kommun}/{period}/{rapporttyp}/{p['namnd']}.html"
                finns = (paths.reports() / lank).exists()
                namn = f'<a href="{escape(lank)}">{escape(p["namnd"])}</a>' if finns else escape(p["namnd"])
                status = ("Byggd" if p.get("status") == "byggd" else
                          f'<span class="fel">Misslyckades:</span> {escape(str(p.get("meddelande", ""))[:300])}')
                rader.append(f"<tr><th scope=\"row\">{namn}</th><td>{status}</td><td>{escape(p.get('tid', ''))}</td>"
                             f"<td>{p.get('sekunder', '')}</td></tr>")
            delar.append(f'<table><caption>{escape(kommun)} · {escape(period)} · {escape(rapporttyp)}</caption>'
                         '<thead><tr><th scope="col">Nämnd</th><th scope="col">Status</th>'
                         '<th scope="col">Senast byggd</th><th scope="col">Sekunder</th></tr></thead>'
                         f'<tbody>{"".join(rader)}</tbody></table>')
        html = ('<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                f'<title>Nämndrapporter</title><style>{STIL}</style></head><body><main><h1>Nämndrapporter</h1>'
                + ("".join(delar) or "<p>Inga rapporter är byggda än.</p>") + "</main></body></html>\n")
        skriv_atomiskt(ut, html)


"""reports/index.html: every report built in this tree for its readers — grouped kommun → period → report
type, with the names from kommun.yaml, Swedish dates and the build status. Folded <details> groups and a
CSS-only filter keep a page of a thousand reports short and quick, without scripts (reports have none).
Rebuilt from the build records after every build, written atomically."""

from __future__ import annotations

import datetime as dt
import json
import re

from filelock import FileLock
from markupsafe import Markup

from helpers.filer import skriv_atomiskt
from helpers.konfig import kommun as config
from helpers.konfig import sokvagar as paths

MANADER = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december")

STIL = """*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;
max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem;color:#1a1a1a;line-height:1.5}
h1{font-size:2rem;margin:0 0 .25rem}.ingress{margin:0 0 1.25rem;color:#4a4a4a}a{color:#00457c}
a:focus,label:focus-within,summary:focus{outline:3px solid #e07b00;outline-offset:2px}
fieldset{border:1px solid #c8c8c8;border-radius:.4rem;margin:0 0 1.5rem;padding:.5rem .75rem}
legend{font-weight:700;padding:0 .25rem}fieldset label{display:inline-block;white-space:nowrap;margin:.15rem 1rem .15rem .25rem}
details.kommun{border-top:3px solid #004b87;margin:0 0 1.25rem}details.kommun>summary{font-size:1.5rem;font-weight:700;
padding:.4rem 0;cursor:pointer}details.period{margin:.25rem 0 .5rem 0;border-bottom:1px solid #c8c8c8}
details.period>summary{font-size:1.2rem;font-weight:700;padding:.3rem 0;cursor:pointer}
.antal{font-weight:400;color:#4a4a4a;font-size:1rem}section.typ{margin:.25rem 0 1rem}
h3{font-size:1.05rem;margin:.75rem 0 .25rem}ul.rapporter{list-style:none;margin:0;padding:0}
ul.rapporter li{display:flex;flex-wrap:wrap;gap:0 1rem;padding:.35rem 0;border-bottom:1px solid #e4e4e4}
ul.rapporter .namn{flex:1 1 14rem;font-weight:600}ul.rapporter .tid{color:#4a4a4a;font-size:.95rem}
.fel{color:#a4001d;font-weight:700}.felmeddelande{flex-basis:100%;overflow-wrap:anywhere;font-size:.9rem}
"""


_SVENSKA = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})  # {|} sort after z


def sorteringsnyckel(namn: str) -> tuple:
    """Swedish order, as a reader looks for a kommun: Å, Ä, Ö after Z (Åre before Älmhult before Örebro), case
    ignored, and numbers by value ('Skalkommun 2' before 'Skalkommun 10')."""
    return tuple(int(d) if d.isdigit() else d for d in re.split(r"(\d+)", namn.lower().translate(_SVENSKA)))


def _datum(tid: str) -> str:
    """"2026-12-01T11:05:00" → "1 december 2026 kl. 11.05" (text: the HTML below escapes it)."""
    try:
        t = dt.datetime.fromisoformat(tid)
    except (TypeError, ValueError):
        return str(tid or "")
    return f"{t.day} {MANADER[t.month - 1]} {t.year} kl. {t:%H.%M}"


def _namn(kommun: str, period: str, rapporttyp: str, namnd: str) -> tuple[str, str, str, str]:
    """The names readers know from kommun.yaml; the ids if the configuration cannot be read any more."""
    try:
        k = config.las_kommun(kommun)
        return (k.namn, config.las_period(k, period).namn, k.rapporttyper[rapporttyp].namn, k.namnd(namnd).namn)
    except Exception:  # noqa: BLE001 — a removed or broken kommun must not hide the other reports
        return kommun, period, rapporttyp, namnd


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


def _rad(p: dict, namnd_namn: str) -> Markup:
    lank = f"{p['kommun']}/{p['period']}/{p['rapporttyp']}/{p['namnd']}.html"
    finns = (paths.reports() / lank).exists()
    namn = Markup('<a href="{}">{}</a>').format(lank, namnd_namn) if finns else namnd_namn
    if p.get("status") == "byggd":
        status = Markup('<span class="tid">Byggd {}</span>').format(_datum(p.get("tid", "")))
    else:
        status = Markup('<span class="tid"><span class="fel">Misslyckades</span> {}</span>'
                        '<span class="felmeddelande">{}</span>').format(_datum(p.get("tid", "")),
                                                                        str(p.get("meddelande", ""))[:300])
    return Markup('<li data-typ="{}"><span class="namn">{}</span>{}</li>').format(p["rapporttyp"], namn, status)


def _html(poster: list[dict]) -> str:
    trad: dict = {}
    typer: dict[str, str] = {}
    for p in poster:
        kn, pn, tn, nn = _namn(p["kommun"], p["period"], p["rapporttyp"], p["namnd"])
        typer[p["rapporttyp"]] = tn
        (trad.setdefault((kn, p["kommun"]), {}).setdefault((p["period"], pn), {})
         .setdefault((tn, p["rapporttyp"]), []).append((nn, p)))
    kommuner = []
    for (kn, kid), perioder in sorted(trad.items(), key=lambda x: sorteringsnyckel(x[0][0])):
        delar = []
        # Newest period first: that is what readers look for.
        for i, ((_pid, pn), grupper) in enumerate(sorted(perioder.items(), reverse=True)):
            antal = sum(len(v) for v in grupper.values())
            avsnitt = Markup("").join(
                Markup('<section class="typ" data-typ="{}"><h3>{}</h3><ul class="rapporter">{}</ul></section>').format(
                    tid, tn, Markup("").join(_rad(p, nn) for nn, p in sorted(rapporter, key=lambda x: sorteringsnyckel(x[0]))))
                for (tn, tid), rapporter in sorted(grupper.items()))
            delar.append(Markup('<details class="period"{}><summary>{} <span class="antal">({} {})</span>'
                                "</summary>{}</details>").format(
                Markup(" open") if i == 0 else "", pn, antal, "rapport" if antal == 1 else "rapporter", avsnitt))
        antal = sum(len(r) for g in perioder.values() for r in g.values())
        kommuner.append(Markup('<details class="kommun" open id="{}"><summary>{} <span class="antal">({})</span>'
                               "</summary>{}</details>").format(kid, kn, antal, Markup("").join(delar)))
    # The filter is radio buttons and :has() — no script. Hidden report types leave their headings out too.
    filter_ = Markup("")
    if len(typer) > 1:
        val = [Markup('<label><input type="radio" name="typ" id="typ-alla" checked> Alla</label>')]
        regler = []
        for tid, tn in sorted(typer.items(), key=lambda x: x[1]):
            val.append(Markup('<label><input type="radio" name="typ" id="typ-{}"> {}</label>').format(tid, tn))
            # Inside <style> HTML escaping does not apply: only an id of the schema's form gets a rule.
            if re.fullmatch(r"[a-z0-9][a-z0-9_-]*", tid):
                regler.append(f'body:has(#typ-{tid}:checked) section.typ:not([data-typ="{tid}"]){{display:none}}')
        filter_ = Markup('<fieldset class="filter"><legend>Visa rapporttyp</legend>{}</fieldset><style>{}</style>').format(
            Markup("").join(val), Markup("".join(regler)))
    innehall = Markup("").join(kommuner) or Markup("<p>Inga rapporter är byggda än.</p>")
    return str(Markup('<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
                      '<meta name="viewport" content="width=device-width, initial-scale=1">'
                      "<title>Nämndrapporter</title><style>{}</style></head><body><main><h1>Nämndrapporter</h1>"
                      '<p class="ingress">{} rapporter, per kommun och period. Nyaste perioden är utfälld.</p>'
                      "{}{}</main></body></html>\n").format(Markup(STIL), len(poster), filter_, innehall))


def skriv_index() -> None:
    """Write reports/index.html from the build records (under a lock: builds may run side by side)."""
    ut = paths.reports() / "index.html"
    ut.parent.mkdir(parents=True, exist_ok=True)
    paths.build().mkdir(parents=True, exist_ok=True)
    with FileLock(str(paths.build() / "index.lock")):
        skriv_atomiskt(ut, _html(_poster()))

"""Drafts of the analyst's commentary (`namndrapport new`): one Markdown file per section that takes
text, with the section's data-driven sentences as a reference and headings to write under. Existing
files are never touched."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from helpers.konfig import kommun as config

INSTRUKTION = """<!-- Utkast skapat av `namndrapport new` {datum} för {namnd}, {rapport} {period}.
Skriv analysen under rubrikerna: orsaker, åtgärder och vad det betyder framåt. Rapporten visar redan
siffrorna nedan, så de behöver inte upprepas. Text i kommentarer som denna publiceras inte. Avsnittet
räknas som skrivet först när det har text utöver rubrikerna; tills dess visar utkastet en markering
och `namndrapport build --final` stoppar.

{meningar}
-->
"""
RUBRIKER = {"sammanfattning": ["Viktigaste händelserna", "Framåt"],
            "inledning": ["Om rapporten"], "risk": ["Risker", "Känslighetsanalys"]}
STANDARDRUBRIKER = ["Analys", "Åtgärder och fortsatt arbete"]


def _meningar(k) -> list[str]:
    """The sentences the section prints itself (from its one definition in helpers.avsnitt), so the
    analyst writes around them, not over them."""
    avsnitt = k.definition
    return [m for m in avsnitt.meningar(k, avsnitt.berakna(k)) if m]


def skapa(kommun_id: str, namnd_id: str, period_id: str, rapporttyp: str) -> list[tuple[Path, bool]]:
    """Create the missing commentary files of one report. Returns (file, created?) for each section."""
    from helpers.avsnitt.kontext import Kontext

    kommun = config.las_kommun(kommun_id)
    period = config.las_period(kommun, period_id)
    mapp = period.mapp / "kommentarer" / namnd_id
    resultat = []
    for sid in kommun.sektionslista(rapporttyp, namnd_id):
        if kommun.sektioner[sid].get("text", "krävs") == "nej":
            continue
        fil = mapp / f"{sid}.md"
        if fil.exists():
            resultat.append((fil, False))
            continue
        s = Kontext(kommun_id, namnd_id, period_id, rapporttyp, sid)
        meningar = "\n".join(f"- {m}" for m in _meningar(s)) or "(Avsnittet har inga genererade meningar.)"
        innehall = INSTRUKTION.format(datum=dt.date.today().isoformat(), namnd=s.namnd.namn,
                                      rapport=s.rapporttyp.namn.lower(), period=s.period.namn, meningar=meningar)
        innehall += "".join(f"\n### {r}\n\n" for r in RUBRIKER.get(sid, STANDARDRUBRIKER))
        mapp.mkdir(parents=True, exist_ok=True)
        fil.write_text(innehall, encoding="utf-8")
        resultat.append((fil, True))
    return resultat

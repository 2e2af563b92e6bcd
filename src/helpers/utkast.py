"""Drafts of the analyst's commentary (`namndrapport new`): one Markdown file per section that takes
text, with the section's data-driven sentences as a reference and headings to write under. Existing
files are never touched."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from . import config

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


def _meningar(s) -> list[str]:
    """The sentences the section prints itself, so the analyst writes around them, not over them."""
    from . import ekonomi, internkontroll, investering, malstyrning, personal, text, uppdrag

    def drift():
        d = s.tabell("drift")
        if d.empty or not (d["ar"] == s.ar).any():
            return []
        tabell = ekonomi.per_verksamhet(d, s.ar, s.period.till_manad)
        r = ekonomi.totalt(tabell)
        return [text.drift_ackumulerat(r), text.prognos(r), *text.resultat_per_omrade(tabell)]

    def mal():
        rotter = malstyrning.maltrad(s.kommun, s.tabell("mal"), s.tabell("indikatorer"), s.tabell("malbedomning"),
                                     s.namnd.id)
        return malstyrning.sammanfattning(s.namnd.namn, s.kommun, rotter)

    inv = lambda: [*investering.sammanfattning(s.tabell("investeringar"), s.ar, s.period.namn),  # noqa: E731
                   investering.storsta(s.tabell("investeringar"), s.ar)]
    kallor = {
        "ekonomi": drift, "mal": mal, "investeringar": inv,
        "uppdrag": lambda: [uppdrag.sammanfattning(s.kommun, s.tabell("uppdrag"))],
        "personal": lambda: [personal.sjukfranvaro_mening(s.namnd.genitiv, s.tabell("personal"), s.ar, s.min_antal)],
        "internkontroll": lambda: [internkontroll.sammanfattning(s.tabell("internkontroll"), s.ar)],
        "sammanfattning": lambda: [*drift(), *inv(), *mal(), uppdrag.sammanfattning(s.kommun, s.tabell("uppdrag"))],
    }
    return [m for m in (kallor[s.sektion_id]() if s.sektion_id in kallor else []) if m]


def skapa(kommun_id: str, namnd_id: str, period_id: str, rapporttyp: str) -> list[tuple[Path, bool]]:
    """Create the missing commentary files of one report. Returns (file, created?) for each section."""
    from .sektion import Sektion

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
        s = Sektion(kommun_id, namnd_id, period_id, rapporttyp, sid)
        meningar = "\n".join(f"- {m}" for m in _meningar(s)) or "(Avsnittet har inga genererade meningar.)"
        innehall = INSTRUKTION.format(datum=dt.date.today().isoformat(), namnd=s.namnd.namn,
                                      rapport=s.rapporttyp.namn.lower(), period=s.period.namn, meningar=meningar)
        innehall += "".join(f"\n### {r}\n\n" for r in RUBRIKER.get(sid, STANDARDRUBRIKER))
        mapp.mkdir(parents=True, exist_ok=True)
        fil.write_text(innehall, encoding="utf-8")
        resultat.append((fil, True))
    return resultat

"""A section that is only the analyst's text (``kommentarer/<nämnd>/<avsnitt>.md``): inledning, risk, …"""

from __future__ import annotations

from helpers.avsnitt.kontext import Kontext

KRAVER: tuple[str, ...] = ()
KAN_ANVANDA: tuple[str, ...] = ()


def berakna(k: Kontext) -> None:
    return None


def meningar(k: Kontext, d: None) -> list[str]:
    return []


def visa_text(k: Kontext, d: None = None) -> None:
    k.visa_kommentar()

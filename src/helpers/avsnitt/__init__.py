"""Report sections, each defined once.

A section *type* is one module here and one notebook in ``notebooks/`` with the same name (``ekonomi`` →
``avsnitt/ekonomi.py`` and ``notebooks/ekonomi.ipynb``). The module declares

- ``KRAVER``: the tables the section cannot be rendered without (a missing one is a validation error
  naming the section, the table and the expected file, never an empty table and a "–"),
- ``KAN_ANVANDA``: tables it shows when the period has them,
- ``berakna(k)``: the section's DataFrames (what an analyst explores in the notebook),
- ``meningar(k, d)``: every sentence the section generates (the commentary draft lists them),
- ``visa_*(k, d)``: the parts the notebook shows, in order.

The notebook, ``namndrapport new``, ``namndrapport validate`` and the build's fingerprints all read these
declarations; nothing else lists which section reads which table. Which section *ids* use which type is
configuration (``konfig/sektioner.yaml`` and ``kommun.yaml``): ``inledning`` and ``risk`` are both of type
``text``.

This package module stays light (no pandas): the build reads the declarations from the modules' source,
so a no-op build never imports the section code.
"""

from __future__ import annotations

import ast
import importlib
from functools import lru_cache
from pathlib import Path
from types import ModuleType

from helpers.fel import Problem, visningsnamn
from helpers.konfig.kommun import Kommun, Period

MAPP = Path(__file__).parent
TABELLFILER = (".csv", ".xlsx")


def typer() -> list[str]:
    """Every section type there is: the modules in this folder that declare KRAVER."""
    return sorted(p.stem for p in MAPP.glob("*.py") if p.stem not in ("__init__", "kontext") and _har_deklaration(p))


def _har_deklaration(fil: Path) -> bool:
    return any(isinstance(n, ast.Assign) and any(getattr(t, "id", None) == "KRAVER" for t in n.targets)
               or isinstance(n, ast.AnnAssign) and getattr(n.target, "id", None) == "KRAVER"
               for n in ast.parse(fil.read_text(encoding="utf-8")).body)


def typ_for(kommun: Kommun, sektion_id: str) -> str:
    """The section type (module and notebook name) of a section id, from its ``notebook:`` setting."""
    return Path(kommun.sektioner[sektion_id]["notebook"]).stem


def deklaration_for(kommun: Kommun, sektion_id: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(KRAVER, KAN_ANVANDA) of a section id. A section whose ``notebook:`` is a notebook of the kommun's
    own with no module here (a notebook-only section) reads no tables through ``Kontext.tabell``."""
    typ = typ_for(kommun, sektion_id)
    if (MAPP / f"{typ}.py").is_file():
        return deklaration(typ)
    return (), ()


@lru_cache(maxsize=None)
def deklaration(typ: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(KRAVER, KAN_ANVANDA) of a section type, read from its module's source without importing it."""
    fil = MAPP / f"{typ}.py"
    if not fil.is_file():
        raise KeyError(f"okänd avsnittstyp {typ!r} (unknown section type): ingen helpers/avsnitt/{typ}.py; "
                       f"kända: {', '.join(typer())}")
    varden = {}
    for n in ast.parse(fil.read_text(encoding="utf-8")).body:
        mal = n.targets[0] if isinstance(n, ast.Assign) else n.target if isinstance(n, ast.AnnAssign) else None
        if getattr(mal, "id", None) in ("KRAVER", "KAN_ANVANDA") and n.value is not None:
            varden[mal.id] = tuple(ast.literal_eval(n.value))
    if "KRAVER" not in varden:
        raise KeyError(f"helpers/avsnitt/{typ}.py deklarerar inte KRAVER (declares no required tables)")
    return varden["KRAVER"], varden.get("KAN_ANVANDA", ())


def tabeller(typ: str) -> tuple[str, ...]:
    """Every table a section type reads: required first, then optional."""
    kraver, kan = deklaration(typ)
    return (*kraver, *kan)


def definition(typ: str) -> ModuleType:
    """The module that defines a section type (imports it, and with it pandas)."""
    deklaration(typ)
    return importlib.import_module(f"helpers.avsnitt.{typ}")


def har_tabell(period: Period, tabell: str) -> bool:
    return any((period.mapp / f"{tabell}{s}").is_file() for s in TABELLFILER)


def saknade_tabeller(kommun: Kommun, period: Period, rapporttyp: str | None = None,
                     namnd: str | None = None) -> list[Problem]:
    """A problem for each section (of the period's reports, or of one report) that needs a table the
    period folder lacks, naming the section, the table and the expected file."""
    problem, sett = [], set()
    for rt in [rapporttyp] if rapporttyp else period.rapporttyper:
        for n in [namnd] if namnd else period.namnder:
            for sid in kommun.sektionslista(rt, n):
                for tabell in deklaration_for(kommun, sid)[0]:
                    if (rt, sid, tabell) in sett or har_tabell(period, tabell):
                        continue
                    sett.add((rt, sid, tabell))
                    problem.append(Problem(
                        visningsnamn(period.mapp / f"{tabell}.csv"), None, None, None,
                        f"filen saknas, men avsnittet {sid!r} i rapporttypen {rt!r} kräver tabellen {tabell!r} "
                        f"(required table missing): lägg {tabell}.csv eller {tabell}.xlsx i periodens mapp, "
                        f"eller ta bort avsnittet ur rapporttypen"))
    return problem

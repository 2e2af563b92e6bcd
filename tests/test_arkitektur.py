"""The package's shape: layers import only downward, every section declares its tables, a missing required
table fails validation naming section, table and file, and a new section needs only a module and a notebook."""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import helpers
from helpers import avsnitt
from helpers.cli import main
from helpers.indata.scheman import TABELLER

SRC = Path(helpers.__file__).parent
# Lowest first. A module may import its own layer and any layer below it, never one above.
LAGER = ["fel", "filer", "konfig", "indata", "kolada", "berakning", "presentation", "avsnitt", "bygg", "cli"]


def _lager(modul: str) -> int | None:
    delar = modul.split(".")
    if delar[0] != "helpers" or len(delar) < 2:
        return None
    return LAGER.index(delar[1]) if delar[1] in LAGER else None


def _importer(fil: Path) -> list[tuple[int, str]]:
    ut = []
    for n in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
        if isinstance(n, ast.ImportFrom) and n.module:
            if n.level:
                raise AssertionError(f"{fil}: relativ import (use absolute helpers.… imports)")
            moduler = [n.module] + ([f"{n.module}.{a.name}" for a in n.names] if n.module == "helpers" else [])
            ut += [(n.lineno, m) for m in moduler]
        elif isinstance(n, ast.Import):
            ut += [(n.lineno, a.name) for a in n.names]
    return ut


def test_lagren_importerar_bara_nedat():
    fel = []
    for fil in sorted(SRC.rglob("*.py")):
        rel = fil.relative_to(SRC)
        eget = LAGER.index(rel.parts[0].removesuffix(".py")) if rel.parts[0] != "__init__.py" else None
        if eget is None:
            continue
        for rad, modul in _importer(fil):
            niva = _lager(modul)
            if niva is not None and niva > eget:
                fel.append(f"{rel}:{rad} importerar {modul} ({LAGER[niva]} ligger över {LAGER[eget]})")
    assert not fel, "\n".join(fel)


def test_mapparna_ar_lagren():
    mappar = sorted(p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    assert mappar == sorted(lager for lager in LAGER if (SRC / lager).is_dir())
    assert set(mappar) == {"konfig", "indata", "kolada", "berakning", "presentation", "avsnitt", "bygg"}


@pytest.mark.parametrize("typ", avsnitt.typer())
def test_varje_avsnitt_deklarerar_kanda_tabeller_och_har_notebook(typ):
    kraver, kan = avsnitt.deklaration(typ)
    assert set(kraver) | set(kan) <= set(TABELLER), (kraver, kan)
    modul = avsnitt.definition(typ)
    assert callable(modul.berakna) and callable(modul.meningar)
    assert [n for n in dir(modul) if n.startswith("visa_")], "a section shows something"
    assert (Path(__file__).parents[1] / "notebooks" / f"{typ}.ipynb").exists()


def test_sektionerna_anvander_bara_deklarerade_tabeller():
    """A section module reads tables only through k.tabell(<literal>) of a table it declares."""
    for typ in avsnitt.typer():
        fil = SRC / "avsnitt" / f"{typ}.py"
        for n in ast.walk(ast.parse(fil.read_text(encoding="utf-8"))):
            if isinstance(n, ast.Call) and getattr(n.func, "attr", None) == "tabell" and n.args \
                    and isinstance(n.args[0], ast.Constant):
                assert n.args[0].value in avsnitt.tabeller(typ), f"{typ} läser {n.args[0].value} utan att deklarera den"


def _rapporter_med_tabell(tabell):
    """(kommun, period folder) pairs whose reports have a section requiring ``tabell``."""
    from helpers.konfig import kommun as konfig

    ut = []
    for kid in konfig.kommuner():
        k = konfig.las_kommun(kid)
        for p in konfig.perioder(k):
            for rt in p.rapporttyper:
                for n in p.namnder:
                    for sid in k.sektionslista(rt, n):
                        if tabell in avsnitt.deklaration_for(k, sid)[0]:
                            ut.append((kid, p.id, sid))
    return ut


KRAVDA = sorted({t for typ in avsnitt.typer() for t in avsnitt.deklaration(typ)[0]})


@pytest.mark.parametrize("tabell", KRAVDA)
def test_saknad_kravd_tabell_ger_fel_med_avsnitt_tabell_och_fil(rot, tabell):
    fall = _rapporter_med_tabell(tabell)
    assert fall, f"no sample report requires {tabell}: the test would prove nothing"
    kommun, period, sid = fall[0]
    fil = rot / "data" / "raw" / kommun / period / f"{tabell}.csv"
    fil.rename(fil.with_name(f"{tabell[:2]}x{tabell[2:]}.csv"))  # 'drift.csv' → 'drxift.csv', a typo
    res = CliRunner().invoke(main, ["validate", "--kommun", kommun])
    assert res.exit_code == 1, res.output
    assert f"data/raw/{kommun}/{period}/{tabell}.csv" in res.output
    assert f"avsnittet {sid!r}" in res.output and f"tabellen {tabell!r}" in res.output
    assert "Traceback" not in res.output


@pytest.mark.slow
def test_saknad_drift_bygger_ingen_rapport_och_skriver_inget_streck(rot):
    from helpers.bygg import rapport as bygg

    (rot / "data/raw/haninge/2020/drift.csv").rename(rot / "data/raw/haninge/2020/drfit.csv")
    resultat = bygg.bygg(bygg.bedom(bygg.planera(kommun="haninge", period="2020")), arbetare=1)
    assert [r.status for r in resultat] == ["fel"]
    assert "drift" in resultat[0].meddelande and "ekonomi" in resultat[0].meddelande
    assert not (rot / "reports/haninge/2020/arsredovisning/ks.html").exists()


@pytest.mark.slow
def test_ett_nytt_avsnitt_ar_en_modul_och_en_notebook(rot, tmp_path):
    """The README's developer guide, followed for a toy section: a module in helpers/avsnitt/ declaring its
    tables, a notebook in notebooks/, and a line in kommun.yaml. Nothing else changes."""
    modul = SRC / "avsnitt" / "leksak.py"
    notebook = Path(__file__).parents[1] / "notebooks" / "leksak.ipynb"
    modul.write_text('''"""Leksak: the number of uppdrag, as a test section."""
from helpers.avsnitt.kontext import Kontext
from helpers.presentation import visning

KRAVER = ("uppdrag",)
KAN_ANVANDA = ()


def berakna(k: Kontext):
    return k.tabell("uppdrag")


def meningar(k, d):
    return [f"Leksaken räknar {len(d)} uppdrag."]


def visa_sammanfattning(k, d):
    visning.stycke(*meningar(k, d))
''', encoding="utf-8")
    mall = json.loads((notebook.parent / "uppdrag.ipynb").read_text(encoding="utf-8"))
    for c in mall["cells"]:
        c["source"] = ["".join(c["source"]).replace("uppdrag.", "leksak.").replace("import uppdrag", "import leksak")]
    mall["cells"] = [c for c in mall["cells"] if "visa_lista" not in c["source"][0]]
    notebook.write_text(json.dumps(mall), encoding="utf-8")
    try:
        kyaml = rot / "data/raw/haninge/kommun.yaml"
        text = kyaml.read_text(encoding="utf-8")
        assert "\nsektioner:\n  trygghetssatsning:" in text
        text = text.replace("\nsektioner:\n  trygghetssatsning:", "\nsektioner:\n  leksak: {titel: Leksak, notebook: leksak.ipynb, text: nej}\n  trygghetssatsning:")
        assert "\n      arsredovisning: [" in text  # ks's own section list
        text = text.replace("\n      arsredovisning: [", "\n      arsredovisning: [leksak, ", 1)
        kyaml.write_text(text, encoding="utf-8")
        from helpers.bygg import rapport as bygg

        avsnitt.deklaration.cache_clear()
        resultat = bygg.bygg(bygg.bedom(bygg.planera(kommun="haninge", period="2020")), arbetare=1)
        assert [r.status for r in resultat] == ["byggd"], [r.meddelande for r in resultat]
        html = (rot / "reports/haninge/2020/arsredovisning/ks.html").read_text(encoding="utf-8")
        assert "Leksaken räknar 18 uppdrag." in html
    finally:
        modul.unlink(missing_ok=True)
        notebook.unlink(missing_ok=True)
        shutil.rmtree(SRC / "avsnitt" / "__pycache__", ignore_errors=True)
        avsnitt.deklaration.cache_clear()


def test_kommentarsutkastet_listar_samma_meningar_som_avsnittet(rot):
    """The draft's sentences come from the section's one definition: SN 2022's ekonomi prints the
    prognossäkerhet sentence, so the draft lists it too (it did not, when drafts had their own copy)."""
    from helpers.avsnitt import ekonomi
    from helpers.avsnitt.kontext import Kontext

    (rot / "data/raw/haninge/2022/kommentarer/sn/ekonomi.md").unlink()
    res = CliRunner().invoke(main, ["new", "--kommun", "haninge", "--namnd", "sn", "--period", "2022",
                                    "--report-type", "arsredovisning"])
    assert res.exit_code == 0, res.output
    utkast = (rot / "data/raw/haninge/2022/kommentarer/sn/ekonomi.md").read_text(encoding="utf-8")
    k = Kontext("haninge", "sn", "2022", "arsredovisning", "ekonomi")
    meningar = ekonomi.meningar(k, ekonomi.berakna(k))
    assert "Utfallet blev 11,6\u00a0mnkr bättre än prognosen i T2." in meningar, meningar
    for m in meningar:
        assert f"- {m}" in utkast

"""CLI conventions: one spelling per option, help on every option, --version, -v, exit status 1 for data
errors and 2 for usage errors, one line and no traceback for any user error, clean asks first."""

from __future__ import annotations

import sys

import click
import pytest
from click.testing import CliRunner

from helpers.cli import Kommandon, main

KANONISKA = {"kommun": ["--kommun"], "namnd": ["--namnd"], "namnder": ["--namnd"], "period": ["--period"],
             "rapporttyp": ["--rapporttyp"]}


def _kommandon(grupp=main, prefix=()):
    for namn, kommando in grupp.commands.items():
        if isinstance(kommando, click.Group):
            yield from _kommandon(kommando, (*prefix, namn))
        else:
            yield (*prefix, namn), kommando


def _kor(*argv, **kw):
    return CliRunner().invoke(main, list(argv), **kw)


def test_en_stavning_per_flagga_och_hjalptext_pa_varje():
    for namn, kommando in _kommandon():
        for p in kommando.params:
            if not isinstance(p, click.Option) or p.hidden:
                continue
            assert p.help, f"{' '.join(namn)} {p.opts[0]} saknar hjälptext"
            if p.name in KANONISKA:
                assert p.opts == KANONISKA[p.name], f"{' '.join(namn)}: {p.opts} ska stavas {KANONISKA[p.name]}"


def test_version_och_verbose(rot):
    res = _kor("--version")
    assert res.exit_code == 0 and res.output.startswith("namndrapport ")
    res = _kor("-v", "list", "--kommun", "exempel")
    assert res.exit_code == 0 and "DEBUG namndrapport: projektrot" in res.output
    assert "DEBUG" not in _kor("list", "--kommun", "exempel").output


@pytest.mark.parametrize("argv", [["validate"], ["list"], ["build", "--dry-run"], ["pdf"],
                                  ["new", "--namnd", "ks", "--period", "2020", "--rapporttyp", "arsredovisning"],
                                  ["kolada", "fetch"]])
def test_okand_kommun_ar_anvandningsfel_utan_traceback(rot, argv):
    res = _kor(*argv, "--kommun", "nope")
    assert res.exit_code == 2, res.output
    assert "okänd kommun 'nope'; kända: exempel, haninge" in res.output
    assert "Traceback" not in res.output and not isinstance(res.exception, KeyError)


def test_okand_namnd_och_rapporttyp_ar_anvandningsfel(rot):
    res = _kor("new", "--kommun", "haninge", "--namnd", "nope", "--period", "2020", "--rapporttyp", "arsredovisning")
    assert res.exit_code == 2 and "FEL: Okänd nämnd 'nope' för haninge" in res.output
    res = _kor("build", "--kommun", "haninge", "--rapporttyp", "nope", "--dry-run")
    assert res.exit_code == 2 and "arsredovisning" in res.output and "Traceback" not in res.output
    assert _kor("new", "--kommun", "haninge", "--namnd", "ks", "--period", "2020").exit_code == 2  # no --rapporttyp


def test_report_type_finns_kvar_som_dold_alias(rot):
    hjalp = _kor("new", "--help").output
    assert "--rapporttyp" in hjalp and "--report-type" not in hjalp
    res = _kor("new", "--kommun", "exempel", "--namnd", "vn", "--period", "2024-08", "--report-type", "delarsrapport")
    assert res.exit_code == 0, res.output


def test_datafel_ger_status_1_och_en_rad(rot):
    (rot / "data/raw/haninge/kommun.yaml").write_text("namn: [trasig\n", encoding="utf-8")
    for argv in (["list", "--kommun", "haninge"], ["validate", "--kommun", "haninge"]):
        res = _kor(*argv)
        assert res.exit_code == 1, res.output
        assert "FEL:" in res.output and "kommun.yaml" in res.output and "Traceback" not in res.output


def test_gemensam_felhantering(monkeypatch):
    from helpers.bygg.webblasare import IngenWebblasare
    from helpers.fel import TillaggSaknas, importera_tillagg

    monkeypatch.setitem(sys.modules, "playwright", None)  # as if the pdf extra were not installed
    with pytest.raises(TillaggSaknas, match=r"pip install 'namndrapport\[pdf\]'"):
        importera_tillagg("playwright.sync_api", "pdf")

    fel = {"fil": FileNotFoundError(2, "No such file", "data/raw/x.csv"), "webb": IngenWebblasare("Chromium saknas."),
           "tillagg": TillaggSaknas("distributed saknas"), "nyckel": KeyError("Okänd nämnd 'x'"),
           "bugg": KeyError("kolumn")}

    @click.group(cls=Kommandon)
    def grupp():
        pass

    @grupp.command()
    @click.argument("vilket")
    def kasta(vilket):
        raise fel[vilket]

    for vilket, kod in {"fil": 1, "webb": 1, "tillagg": 1, "nyckel": 2}.items():
        res = CliRunner().invoke(grupp, ["kasta", vilket])
        assert res.exit_code == kod and res.output.startswith("FEL: ") and res.output.count("\n") == 1, res.output
    assert "data/raw/x.csv" in CliRunner().invoke(grupp, ["kasta", "fil"]).output
    assert isinstance(CliRunner().invoke(grupp, ["kasta", "bugg"]).exception, KeyError)  # a bug stays a bug


def test_clean_fragar_innan_rapporterna_tas_bort(rot):
    rapport = rot / "reports/haninge/x.html"
    cache = rot / "build/cache/x.json"
    for f in (rapport, cache):
        f.parent.mkdir(parents=True, exist_ok=True)
        f.write_text("x")
    res = _kor("clean", input="n\n")
    assert res.exit_code == 1 and rapport.exists() and cache.exists()
    for flagga in ("--cache-only", "--bara-cache"):  # never asks: the reports stay
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text("x")
        res = _kor("clean", flagga)
        assert res.exit_code == 0 and rapport.exists() and not cache.exists(), res.output
    assert "--bara-cache" not in _kor("clean", "--help").output
    assert _kor("clean", input="y\n").exit_code == 0 and not rapport.exists()
    rapport.parent.mkdir(parents=True)
    rapport.write_text("x")
    assert _kor("clean", "--yes").exit_code == 0 and not rapport.exists()

"""The bad-input corpus (tests/bad_inputs/*.yaml): every case must give a clear message naming the file
(and row and column where there is one), a non-zero exit, no Python traceback and no report."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from click.testing import CliRunner

from helpers.cli import main
from helpers.presentation.visning import markdown_html

KORPUS = Path(__file__).parent / "bad_inputs"
FALL = sorted(KORPUS.glob("*.yaml"))


def _las(fil: Path) -> dict:
    return yaml.safe_load(fil.read_text(encoding="utf-8"))


def _tillampa(rot: Path, andring: dict) -> None:
    fil = rot / "data" / "raw" / andring["fil"]
    if "ersatt" in andring:
        gammalt, nytt = andring["ersatt"]
        text = fil.read_text(encoding="utf-8")
        assert gammalt in text, f"fallet passar inte längre exempeldata: {gammalt!r} saknas i {fil.name}"
        fil.write_text(text.replace(gammalt, nytt), encoding="utf-8")
    elif "innehall" in andring:
        fil.write_text(andring["innehall"], encoding="utf-8")
    elif "ta_bort" in andring:  # the file is missing (renamed, say, to a misspelt name)
        fil.rename(fil.with_name(andring["ta_bort"]))
    elif "hex" in andring:
        fil.write_bytes(bytes.fromhex(andring["hex"]))
    elif "ersatt_utf16" in andring:
        gammalt, nytt = andring["ersatt_utf16"]
        fil.write_bytes(fil.read_bytes().decode("utf-16").replace(gammalt, nytt).encode("utf-16"))
    elif "utf16" in andring:
        fil.write_bytes(fil.read_text(encoding="utf-8").encode("utf-16"))
    elif "lagg_till" in andring:
        text = fil.read_text(encoding="utf-8")
        fil.write_text(text.rstrip("\n") + "\n" + andring["lagg_till"] + "\n", encoding="utf-8")
    elif "stor" in andring:
        text = fil.read_text(encoding="utf-8").rstrip("\n")
        rader = [f"ks;Enhet {i};;2020;;1,0;1,0;" for i in range(andring["stor"] - len(text.splitlines()))]
        fil.write_text(text + "\n" + "\n".join(rader) + "\n" + andring["sista"] + "\n", encoding="utf-8")
    elif "symlank" in andring:  # the file becomes a link, e.g. to /etc/passwd or /dev/zero
        fil.unlink()
        fil.symlink_to(andring["symlank"])
    elif "fifo" in andring:  # a named pipe: reading it without care hangs forever
        fil.unlink()
        os.mkfifo(fil)
    elif "xlsx" in andring:  # the CSV replaced by a workbook; cells starting with = are formulas, never computed
        import openpyxl

        bok = openpyxl.Workbook()
        for rad in andring["xlsx"]:
            bok.active.append(rad)
        fil.unlink()
        bok.save(fil.with_suffix(".xlsx"))
    else:
        raise AssertionError(f"okänd ändring {andring}")


def test_korpusen_har_minst_30_fall_i_flera_kategorier():
    kategorier = Counter(_las(f)["kategori"] for f in FALL)
    assert len(FALL) >= 30 and len(kategorier) >= 8, kategorier


@pytest.mark.parametrize("fil", [f for f in FALL if "andringar" in _las(f)], ids=lambda p: p.stem)
def test_fel_indata_ger_tydligt_fel_och_ingen_rapport(rot, fil):
    fall = _las(fil)
    for andring in fall["andringar"]:
        _tillampa(rot, andring)
    kommando = fall.get("kommando") or ["validate", "--kommun", fall["kommun"]]
    res = CliRunner().invoke(main, kommando)
    assert res.exit_code != 0, res.output
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), f"oväntat undantag: {res.exception!r}"
    for text in fall["forvantat"]:
        assert text in res.output, f"{text!r} saknas i:\n{res.output}"
    # The build refuses the broken period (all periods when the config is broken): no report is written.
    if "kommando" not in fall:
        delar = Path(fall["andringar"][0]["fil"]).parts
        period = ["--period", delar[1]] if len(delar) > 2 else []
        bygg = CliRunner().invoke(main, ["build", "--kommun", fall["kommun"], *period, "-j", "1"])
        assert bygg.exit_code != 0 and "Traceback" not in bygg.output
        assert not list((rot / "reports" / fall["kommun"] / (delar[1] if period else "")).rglob("*.html"))


@pytest.mark.parametrize("fil", [f for f in FALL if "kommentar" in _las(f)], ids=lambda p: p.stem)
def test_kommentar_saneras(fil):
    fall = _las(fil)
    soup = BeautifulSoup(markdown_html(fall["kommentar"]), "html.parser")
    assert not soup.find_all(fall["forbjudna_taggar"])
    for tagg in soup.find_all(True):
        assert not any(a.startswith("on") for a in tagg.attrs), tagg
        assert not str(tagg.get("href", "")).startswith("javascript:"), tagg
        assert not tagg.get("src"), tagg

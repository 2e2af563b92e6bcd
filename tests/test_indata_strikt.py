"""Never silently wrong, input side: unsafe files, strict numbers and keys, suppression on declared
personnel dimensions."""

from __future__ import annotations

import os
import threading

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.berakning import personal
from helpers.fel import DataFel
from helpers.filer import OsakerFil, las_sakert
from helpers.indata import lager
from helpers.indata.lasare import las_tabell
from helpers.indata.scheman import TABELLER
from helpers.indata.tal import (
    STORSTA_BELOPP,
    decimaltecken,
    las_tal,
    normalisera_nyckel,
)

# --- files ---------------------------------------------------------------------------------------


def test_vanlig_fil_inom_roten_lases(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"x;y\n")
    assert las_sakert(tmp_path / "a.csv", tmp_path, 100) == b"x;y\n"


def test_symlank_utanfor_roten_avvisas(tmp_path):
    (tmp_path / "a.md").symlink_to("/etc/passwd")
    with pytest.raises(OsakerFil, match="utanför kommunens mapp"):
        las_sakert(tmp_path / "a.md", tmp_path, 10**6)


def test_symlank_inom_roten_ar_tillaten(tmp_path):
    (tmp_path / "b.csv").write_text("hej")
    (tmp_path / "a.csv").symlink_to("b.csv")
    assert las_sakert(tmp_path / "a.csv", tmp_path, 10) == b"hej"


def test_enhet_avvisas_utan_att_lasas():
    with pytest.raises(OsakerFil, match="not a regular file"):
        las_sakert(__import__("pathlib").Path("/dev/zero"), __import__("pathlib").Path("/"), 10**6)


def test_fifo_hanger_inte(tmp_path):
    os.mkfifo(tmp_path / "a.csv")
    fel = []
    trad = threading.Thread(target=lambda: fel.append(pytest.raises(OsakerFil, las_sakert, tmp_path / "a.csv",
                                                                    tmp_path, 100)), daemon=True)
    trad.start()
    trad.join(5)
    assert not trad.is_alive(), "läsningen av en FIFO hängde"
    assert "inte en vanlig fil" in str(fel[0].value)


def test_storleken_galler_lasta_byte(tmp_path):
    (tmp_path / "a.csv").write_bytes(b"x" * 101)
    with pytest.raises(OsakerFil, match="too large"):
        las_sakert(tmp_path / "a.csv", tmp_path, 100)
    assert len(las_sakert(tmp_path / "a.csv", tmp_path, 101)) == 101


def test_kommentar_som_lankar_till_passwd_kommer_inte_med(rot):
    fil = rot / "data" / "raw" / "haninge" / "2020" / "kommentarer" / "ks" / "personal.md"
    fil.unlink()
    fil.symlink_to("/etc/passwd")
    with pytest.raises(DataFel) as e:
        lager.kommentar("haninge", "2020", "ks", "personal")
    assert "kommentarer/ks/personal.md" in str(e.value) and "root:" not in str(e.value)


def test_kommentar_som_ar_fifo_hanger_inte(rot):
    fil = rot / "data" / "raw" / "haninge" / "2020" / "kommentarer" / "ks" / "personal.md"
    fil.unlink()
    os.mkfifo(fil)
    with pytest.raises(DataFel, match="not a regular file"):
        lager.kommentar("haninge", "2020", "ks", "personal")


def test_avtryck_laser_inte_fifo_eller_lank_utanfor(tmp_path):
    from helpers.bygg import avtryck

    (tmp_path / "2020").mkdir()
    (tmp_path / "2020" / "drift.csv").symlink_to("/etc/passwd")
    assert avtryck.tabell(tmp_path / "2020" / "drift.csv", "ks", tmp_path) == avtryck._sha(
        b"os\xc3\xa4ker fil: filen pekar utanf\xc3\xb6r kommunens mapp (symlink outside the kommun folder)")

# --- numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, varde", [("1 234,5", 1234.5), ("1.234,5", 1234.5), ("1.234.567,0", 1234567.0),
                                         ("(8,4)", -8.4), ("−8,4", -8.4), ("12,5 %", 12.5), ("1234.5", 1234.5),
                                         ("999 999 999 999", 999999999999.0)])
def test_giltiga_tal(text, varde):
    assert las_tal(text) == varde


@pytest.mark.parametrize("text, orsak", [("(-13 050,1)", "double negative"), ("(−8,4)", "double negative"),
                                         ("(+8,4)", "double negative"), ("37,510.0", "US-style"),
                                         ("1.23,5", "malformed"), ("1" + "0" * 400, "implausibly large"),
                                         ("1 000 000 000 000", "implausibly large"), ("1,2,3", "a number")])
def test_ogiltiga_tal(text, orsak):
    with pytest.raises(ValueError, match=orsak):
        las_tal(text)


def test_procent_avvisas_i_belopp():
    assert las_tal("5 %") == 5
    with pytest.raises(ValueError, match="% in an amount column"):
        las_tal("5 %", procent=False)


def test_filens_decimaltecken_galler():
    assert decimaltecken(["1 234,5", "12", "3,3"]) == ","
    assert decimaltecken(["1234.5", "12"]) == "."
    assert decimaltecken(["1.234", "12"]) is None  # 1.234 could be either
    with pytest.raises(ValueError, match="mixed decimal separators"):
        las_tal("37.510", ",")
    with pytest.raises(ValueError, match="mixed decimal separators"):
        las_tal("37,5", ".")


def test_gransen_ar_dokumenterad():
    assert STORSTA_BELOPP == 1e12

# --- keys ----------------------------------------------------------------------------------------


def test_nyckel_normaliseras():
    assert normalisera_nyckel("Kommun\u200bdirektör") == "Kommundirektör"
    assert normalisera_nyckel("Fo\u0308rtroende") == "Förtroende"
    assert normalisera_nyckel(" Omvärld  och\u00a0utveckling\t") == "Omvärld och utveckling"
    assert normalisera_nyckel("ks\x07") == "ks"


def test_nollbreddsmellanslag_ger_inte_tva_rader(tmp_path):
    fil = tmp_path / "k" / "2020" / "drift.csv"
    fil.parent.mkdir(parents=True)
    fil.write_text("namnd;verksamhet;overordnad;ar;manad;budget;utfall;prognos\n"
                   "ks;Kommundirektör;;2020;;1,0;1,0;\nks;Kommun\u200bdirektör;;2020;;2,0;2,0;\n", encoding="utf-8")
    df, problem = las_tabell(fil, TABELLER["drift"])
    assert set(df["verksamhet"]) == {"Kommundirektör"}
    assert any(p.varning and p.rad == 3 and p.kolumn == "verksamhet" for p in problem)
    assert any(not p.varning and "dubblett av rad 2" in p.forvantat for p in problem)


def test_referens_med_osynligt_tecken_ger_varning_och_traffar(tmp_path):
    fil = tmp_path / "k" / "2020" / "indikatorer.csv"
    fil.parent.mkdir(parents=True)
    rubrik = ";".join(TABELLER["indikatorer"].kolumnnamn)
    rad = {k: "" for k in TABELLER["indikatorer"].kolumnnamn}
    rad.update(id="I1", mal="M1\u200b", namn="Indikator", polaritet=TABELLER["indikatorer"].kolumner[5].tillatna[0])
    fil.write_text(rubrik + "\n" + ";".join(rad.values()) + "\n", encoding="utf-8")
    df, problem = las_tabell(fil, TABELLER["indikatorer"])
    assert df["mal"].tolist() == ["M1"]
    assert [p.kolumn for p in problem if p.varning] == ["mal"]


def test_xlsx_formel_utan_sparat_varde(tmp_path):
    import openpyxl

    fil = tmp_path / "k" / "2020" / "drift.xlsx"
    fil.parent.mkdir(parents=True)
    bok = openpyxl.Workbook()
    bok.active.append(["namnd", "verksamhet", "overordnad", "ar", "manad", "budget", "utfall", "prognos"])
    bok.active.append(["ks", "A", None, 2020, None, 1.5, "=F2*2", None])
    bok.save(fil)
    _, problem = las_tabell(fil, TABELLER["drift"])
    assert [(p.rad, p.kolumn, p.varde) for p in problem] == [(2, "utfall", "=F2*2")]
    assert "formula without a cached value" in str(problem[0])

# --- personnel suppression ------------------------------------------------------------------------


def _personal(rader):
    return pd.DataFrame([["x", 2024, None, "antal_anstallda", g, float(a), a] for g, a in rader],
                        columns=["namnd", "ar", "manad", "nyckeltal", "grupp", "varde", "antal"])


@pytest.mark.parametrize("dimensioner", [None, {"kon": ["Kvinnor", "Män"]}])
def test_kvinnor_man_som_ord(dimensioner):
    ut = personal.rojandeskydd(_personal([("alla", 47), ("Kvinnor", 3), ("Män", 44)]), 5, dimensioner)
    assert ut.set_index("grupp")["dold"].to_dict() == {"alla": False, "Kvinnor": True, "Män": True}


@pytest.mark.parametrize("dimensioner", [None, {"alder": ["–29", "30–49", "50–"]}])
def test_aldersgrupper_med_tankstreck(dimensioner):
    ut = personal.rojandeskydd(_personal([("alla", 50), ("–29", 3), ("30–49", 27), ("50–", 20)]), 5, dimensioner)
    dolda = ut.set_index("grupp")["dold"]
    assert dolda["–29"] and dolda["50–"] and not dolda["30–49"] and not dolda["alla"]


def test_min_antal_ar_minst_tre():
    ut = personal.rojandeskydd(_personal([("alla", 40), ("K", 2), ("M", 38)]), 1)
    assert ut["dold"].tolist() == [False, True, True]


def test_grupp_ensam_i_sin_dimension_doljer_totalen():
    ut = personal.rojandeskydd(_personal([("alla", 40), ("K", 3), ("-29", 10), ("30-", 30)]), 5)
    dolda = ut.set_index("grupp")["dold"]
    assert dolda["K"] and dolda["alla"]
    assert dolda["-29"] and not dolda["30-"]  # hiding the total opened the age equation: closed again


@st.composite
def _tabeller(draw):
    """One breakdown per dimension, all of the same total, with arbitrary labels."""
    antal_dim = draw(st.integers(1, 3))
    dimensioner, rader, total = {}, [], None
    for d in range(antal_dim):
        antal = draw(st.lists(st.integers(0, 60), min_size=1, max_size=5))
        if total is None:
            total = sum(antal)
        else:  # the same people split another way: the last group takes the remainder
            antal = antal[:-1] + [total - sum(antal[:-1])] if sum(antal[:-1]) <= total else [total]
        etiketter = [f"d{d}:{draw(st.text(min_size=1, max_size=4))}#{i}" for i in range(len(antal))]
        dimensioner[f"dim{d}"] = etiketter
        rader += list(zip(etiketter, antal))
    return dimensioner, [("alla", total)] + rader


@settings(max_examples=300, deadline=None)
@given(_tabeller(), st.integers(0, 12))
def test_inget_dolt_varde_kan_raknas_fram_ur_totalen(tabell, grans):
    """For any counts with a total: after suppression, no hidden value equals the total minus the
    visible values of its dimension (or is a visible sum), whatever the labels are."""
    dimensioner, rader = tabell
    ut = personal.rojandeskydd(_personal(rader), grans, dimensioner).set_index("grupp")["dold"]
    for grupp, a in rader:
        if a < max(grans, 3):
            assert ut[grupp], f"{grupp} ({a}) under gränsen visas"
    for etiketter in dimensioner.values():
        dolda = [g for g in etiketter if ut[g]] + (["alla"] if ut["alla"] else [])
        assert len(dolda) != 1, f"ensam dold cell {dolda} kan räknas fram ur totalen och de andra grupperna"


@pytest.mark.slow
def test_bygget_tar_inte_med_en_kommentar_som_lankar_till_passwd(rot):
    """End to end: the report build stops with the file named, and /etc/passwd is in no report."""
    from click.testing import CliRunner

    from helpers.cli import main

    fil = rot / "data" / "raw" / "haninge" / "2020" / "kommentarer" / "ks" / "personal.md"
    fil.unlink()
    fil.symlink_to("/etc/passwd")
    res = CliRunner().invoke(main, ["build", "--kommun", "haninge", "--period", "2020", "--namnd", "ks", "-j", "1"])
    assert res.exit_code != 0 and "Traceback" not in res.output, res.output
    assert "kommentarer/ks/personal.md" in res.output and "utanför kommunens mapp" in res.output, res.output
    for html in (rot / "reports").rglob("*.html"):
        assert "root:x:" not in html.read_text(encoding="utf-8")


def test_gruppnamn_for_deklarerade_och_inbyggda_etiketter():
    from helpers.presentation.personal import gruppnamn

    assert gruppnamn("–29") == "29 år och yngre" and gruppnamn("30–49") == "30–49 år"
    assert gruppnamn("50-") == "50 år och äldre" and gruppnamn("Kvinnor") == "kvinnor"

"""Plausibility rules: the defaults hold for the sample data; a kommun can loosen a rule to a warning."""

from __future__ import annotations

import pytest
import yaml

from helpers.indata import rimlighet
from helpers.indata.validering import validera_period
from helpers.konfig import kommun as konfig


def test_exempeldatan_ar_rimlig(rot):
    for kid in ("haninge", "exempel"):
        k = konfig.las_kommun(kid)
        for p in konfig.perioder(k):
            _, problem = validera_period(k, p)
            assert not [x for x in problem if not x.varning], (kid, p.id, problem[:3])


def test_kommunen_kan_gora_en_regel_till_varning(rot):
    fil = rot / "data/raw/haninge/2020/personal.csv"
    fil.write_text(fil.read_text(encoding="utf-8").replace("ks;2019;;sjukfranvaro;alla;3,7;",
                                                           "ks;2019;;sjukfranvaro;alla;123,7;"), encoding="utf-8")
    (rot / "data/raw/haninge/rimlighet.yaml").write_text(
        "intervall:\n  - {tabell: personal, kolumn: varde, nar: {nyckeltal: sjukfranvaro}, min: 0, max: 100, "
        "niva: varning}\n", encoding="utf-8")
    k = konfig.las_kommun("haninge")
    regler, fel = rimlighet.regler(k)
    # The kommun's rule replaces the default one with the same tabell/kolumn/nar; it is not added beside it.
    standard = yaml.safe_load(rimlighet.STANDARD.read_text(encoding="utf-8"))["intervall"]
    assert not fel and len(regler["intervall"]) == len(standard)
    _, problem = validera_period(k, konfig.las_period(k, "2020"))
    traffar = [p for p in problem if p.kolumn == "varde" and "från 0 till 100" in p.forvantat]
    assert len(traffar) == 1 and traffar[0].varning


def test_okand_regel_i_kommunens_fil(rot):
    (rot / "data/raw/haninge/rimlighet.yaml").write_text("okand_regel: {niva: fel}\n", encoding="utf-8")
    _, fel = rimlighet.regler(konfig.las_kommun("haninge"))
    assert fel and "rimlighet.yaml" in fel[0].fil


def test_varningar_i_en_ruta_bara_i_utkast():
    from helpers.bygg import rapport as bygg

    k = konfig.las_kommun("haninge")
    period = konfig.las_period(k, "2022")
    r = bygg.Rapport("haninge", "sn", "2022", "arsredovisning")
    med = bygg.sy_ihop(k, r, period, [], ["statistik.csv, rad 274: <b>11</b> stämmer inte"])
    assert 'class="utkast-varningar"' in med and "Utkast: 1 varning från valideringen." in med
    assert "&lt;b&gt;11&lt;/b&gt; stämmer inte" in med  # text from data stays text
    assert 'class="utkast-varningar"' not in bygg.sy_ihop(k, r, period, [], [])


@pytest.mark.slow
def test_utkastet_visar_kommunens_varningar(byggd_rot):
    html = (byggd_rot / "reports/haninge/2022/arsredovisning/sn.html").read_text(encoding="utf-8")
    assert "Utkast: 5 varningar från valideringen." in html
    assert "tabell T7, Aktualiseringar: 2021→2022 ger 32.3 % (publicerad förändring stämmer inte)" in html
    ks = (byggd_rot / "reports/haninge/2020/arsredovisning/ks.html").read_text(encoding="utf-8")
    assert 'class="utkast-varningar"' not in ks  # a period without warnings gets no box

"""The audit trail: rattelser.csv is checked against the data and shown at the table and at the end."""

from __future__ import annotations

import re

import pytest

from helpers.fel import DataFel
from helpers.indata import lager


def test_haninges_rattelser_stammer_med_datan(rot):
    for period in ("2020", "2021", "2022"):
        d = lager.tabell("haninge", period, "rattelser")
        assert len(d) and set(d["typ"]) <= {"rattelse", "kant_fel"}


def test_rattelse_som_inte_stammer_ar_ett_fel_som_namner_raden(rot):
    fil = rot / "data/raw/haninge/2021/rattelser.csv"
    fil.write_text(fil.read_text(encoding="utf-8").replace(";615 000;620 000;", ";615 000;625 000;"), encoding="utf-8")
    with pytest.raises(DataFel) as e:
        lager.tabell("haninge", "2021", "rattelser")
    assert "rattelser.csv, rad 3, kolumn 'anvant'" in str(e.value) and "620000" in str(e.value)


def test_rattelse_for_tabell_som_saknas(rot):
    fil = rot / "data/raw/haninge/2020/rattelser.csv"
    fil.write_text(fil.read_text(encoding="utf-8") + "ks;exploatering;X/2020;intakt;1;1;rattelse;test;\n",
                   encoding="utf-8")
    with pytest.raises(DataFel, match="ingen exploatering.csv"):
        lager.forbered("haninge", "2020")


@pytest.mark.slow
def test_noter_vid_tabellen_och_lista_sist(byggd_rot):
    html = (byggd_rot / "reports/haninge/2022/arsredovisning/sn.html").read_text(encoding="utf-8")
    # The captions, not their lines in the list of tables.
    t7 = re.search(r"<caption[^>]*>Tabell 7\. Antal aktualiseringar", html).start()
    not_ = html.index("Känt fel i källan: T7, Aktualiseringar, Förändring jmf 2021: tryckt 11 %")
    assert t7 < not_ < re.search(r"<caption[^>]*>Tabell 8\.", html).start()  # under the table concerned
    lista = html.index('id="rattelser"')
    assert lista > not_ and "Rättelser och kända fel" in html[lista:]
    assert html.count("Känt fel i källan:") == 7
    ks = (byggd_rot / "reports/haninge/2020/arsredovisning/ks.html").read_text(encoding="utf-8")
    assert "Rättelse: Samhällsplanering och ledning, 2020, utfall: tryckt 13 050, här −13 050." in ks

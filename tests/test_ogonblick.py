"""One consistent data snapshot per build, and --force re-executes every section."""

from __future__ import annotations

import json
import shutil

import pytest

from helpers.bygg import rapport as bygg
from helpers.fel import DataFel
from helpers.indata import lager


def test_listad_tabell_som_saknas_ar_ett_fel_inte_en_tom_tabell(rot, monkeypatch):
    ut = lager.forbered("haninge", "2020")
    assert len(lager.tabell("haninge", "2020", "drift"))
    # data/processed removed between forbered() and the read (another process cleaning up)
    monkeypatch.setattr(lager, "forbered", lambda k, p: ut)
    (ut / "drift.parquet").unlink()
    with pytest.raises(DataFel, match="drift.*saknas i data/processed"):
        lager.tabell("haninge", "2020", "drift")
    shutil.rmtree(rot / "data" / "processed" / "haninge" / "2020")
    with pytest.raises(DataFel, match="ändrades under bygget"):
        lager.tabell("haninge", "2020", "drift")


def test_saknad_parquetfil_skrivs_om_av_forbered(rot):
    ut = lager.forbered("haninge", "2020")
    (ut / "drift.parquet").unlink()
    assert len(lager.tabell("haninge", "2020", "drift"))


def test_tabell_perioden_inte_har_ar_tom(rot):
    ut = lager.forbered("haninge", "2020")
    assert "exploatering" not in json.loads((ut / "_kalla.json").read_text())["tabeller"]
    assert lager.tabell("haninge", "2020", "exploatering").empty


R = bygg.Rapport("exempel", "vn", "2024-08", "delarsrapport")


@pytest.mark.slow
def test_data_som_andras_under_bygget_fallerar_rapporten(rot, monkeypatch):
    riktig = bygg.kor_sektion
    antal = []

    def kor(*a, **kw):
        nb = riktig(*a, **kw)
        antal.append(1)
        if len(antal) == 1:  # raw data edited after the first section: later sections see a new snapshot
            fil = rot / "data/raw/exempel/2024-08/kommentarer/vn/ekonomi.md"
            fil.parent.mkdir(parents=True, exist_ok=True)
            fil.write_text("Ändrad mitt i bygget.\n", encoding="utf-8")
            lager.forbered("exempel", "2024-08")
        return nb

    monkeypatch.setattr(bygg, "kor_sektion", kor)
    res = bygg.bygg(bygg.bedom([R]), arbetare=1)[0]
    assert res.status == "fel" and "ändrades eller togs bort medan rapporten byggdes" in res.meddelande
    assert not R.utfil.exists()


@pytest.mark.slow
def test_processed_som_tas_bort_under_bygget_ger_aldrig_en_byggd_rapport_med_streck(rot, monkeypatch):
    riktig = bygg.kor_sektion

    def kor(*a, **kw):
        nb = riktig(*a, **kw)
        shutil.rmtree(rot / "data" / "processed", ignore_errors=True)  # after every section
        return nb

    monkeypatch.setattr(bygg, "kor_sektion", kor)
    res = bygg.bygg(bygg.bedom([R]), arbetare=1)[0]
    assert res.status == "fel" and "data/processed" in res.meddelande


@pytest.mark.slow
def test_force_kor_om_varje_avsnitt(rot):
    assert bygg.bygg(bygg.bedom([R]), arbetare=1)[0].status == "byggd"
    notebooks = sorted(R.byggmapp.glob("*.ipynb"))
    fore = {p: p.stat().st_mtime_ns for p in notebooks}
    # without --force an unchanged report is not rebuilt; a forced one runs every section again
    assert not bygg.bedom([R])[0].bygg
    res = bygg.bygg(bygg.bedom([R], tvinga=True), arbetare=1)[0]
    assert res.status == "byggd"
    assert bygg.las_post(R)["sektioner_ateranvanda"] == []
    assert all(p.stat().st_mtime_ns > fore[p] for p in notebooks)

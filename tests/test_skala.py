"""National scale: section-level invalidation (a table change re-runs exactly the sections that declare
the table), the per-process table caches, the scale data generator and `namndrapport clean --stale`."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time

import pytest

from helpers.konfig import sokvagar as paths

PROJEKT = paths.PROJEKT
PERIOD = "2024-08"
SEKTIONER = {"sammanfattning", "mal", "uppdrag", "ekonomi", "investeringar", "personal"}  # Exempelkommun's delår


def _andra_rad(fil, rad_ok, kolumn, varde):
    """Set one cell of the first row that rad_ok accepts; the rest of the file stays byte for byte."""
    text = fil.read_bytes().decode("utf-8-sig")
    rader = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    rubrik = rader[0]
    i = next(i for i, r in enumerate(rader[1:], 1) if rad_ok(dict(zip(rubrik, r))))
    assert rader[i][rubrik.index(kolumn)] != varde
    rader[i][rubrik.index(kolumn)] = varde
    ut = io.StringIO()
    csv.writer(ut, delimiter=";", lineterminator="\r\n").writerows(rader)
    fil.write_bytes(b"\xef\xbb\xbf" + ut.getvalue().encode("utf-8"))


def _vn(r):
    return r["namnd"] == "vn"


# table → (the row to change: one of vn's, or for tables without a namnd column one that concerns vn;
# column; new value; the sections that must re-run). vn's goals are VN-KF…, its indicators point at them.
ANDRINGAR = {
    "drift": (lambda r: _vn(r) and r["manad"] == "3", "utfall", "-1,000", {"sammanfattning", "ekonomi"}),
    "resultat": (lambda r: _vn(r) and r["resultat"] != "", "resultat", "1,000", {"ekonomi", "sammanfattning"}),  # the headline uses the printed total
    "resultatposter": (lambda r: _vn(r) and r["post"] == "Övriga kostnader", "post", "Övriga verksamhetskostnader",
                       {"ekonomi"}),  # a renamed post: the totals still add up
    "mal": (_vn, "titel", "Valnämnden har ändrat sitt mål", {"sammanfattning", "mal"}),
    "indikatorer": (lambda r: r["mal"].startswith("VN-"), "namn", "Ändrat indikatornamn (%)", {"sammanfattning", "mal"}),
    "indikatorvarden": (lambda r: r["indikator"] == VN_INDIKATOR[0] and r["ar"] == "2024" and r["typ"] == "utfall",
                        "varde", "12,300", {"sammanfattning", "mal"}),  # "N av M indikatorer når målet"
    "malbedomning": (_vn, "motivering", "Ändrad motivering.", {"sammanfattning", "mal"}),
    "investeringar": (_vn, "utfall", "1,000", {"sammanfattning", "investeringar"}),
    "uppdrag": (_vn, "kommentar", "Ändrad kommentar.", {"sammanfattning", "mal", "uppdrag"}),  # listed under goals
    "personal": (lambda r: _vn(r) and r["nyckeltal"] == "sjukfranvaro" and r["manad"] == "", "varde", "4,200",
                 {"personal"}),
    "internkontroll": (_vn, "atgard", "Ny åtgärd.", set()),  # not a section of the delårsrapport
}
VN_INDIKATOR: list[str] = []


def _bygg_vn():
    from helpers.bygg import rapport as bygg

    resultat = bygg.bygg(bygg.bedom(bygg.planera("exempel", ["vn"], PERIOD, "delarsrapport")), arbetare=1)
    assert [r.status for r in resultat] == ["byggd"], [r.meddelande for r in resultat]
    rapport = resultat[0].rapport
    post = json.loads((paths.build() / "cache/exempel" / PERIOD / "delarsrapport/vn.json").read_text())
    return set(resultat[0].sektioner) - set(post["sektioner_ateranvanda"]), rapport.utfil.read_text(encoding="utf-8")


@pytest.mark.slow
def test_en_tabell_kor_om_exakt_sina_avsnitt(rot):
    """For each raw table of the delårsrapport period: change one row for vn, rebuild, and compare the
    re-executed sections with the sections whose helpers.avsnitt module declares the table."""
    mapp = rot / "data/raw/exempel" / PERIOD
    assert {p.stem for p in mapp.glob("*.csv")} == set(ANDRINGAR), "a table of the period has no case here"
    VN_INDIKATOR[:] = [r["id"] for r in csv.DictReader(io.StringIO((mapp / "indikatorer.csv").read_text("utf-8-sig")),
                                                        delimiter=";") if r["mal"].startswith("VN-")][:1]
    korda, html = _bygg_vn()
    assert korda == SEKTIONER
    faktiskt = {}
    for tabell, (rad_ok, kolumn, varde, _) in ANDRINGAR.items():
        _andra_rad(mapp / f"{tabell}.csv", rad_ok, kolumn, varde)
        korda, ny_html = _bygg_vn()
        faktiskt[tabell] = korda
        if tabell in ("drift", "mal"):  # the new value reaches the report (no stale cached table)
            assert ny_html != html, tabell
        html = ny_html
    assert "Valnämnden har ändrat sitt mål" in html
    assert faktiskt == {t: a[3] for t, a in ANDRINGAR.items()}
    assert faktiskt["personal"] == {"personal"}  # vn is small: its personnel figures are suppressed, so not in the HTML


def test_tabellcachen_ser_en_andrad_fil(rot):
    """The per-process caches of the raw hash and the Parquet tables never hand out stale data, even when
    the file is rewritten at once with the same size (inside one tick of the file-system clock)."""
    from helpers.indata import lager

    fore = lager.tabell("exempel", PERIOD, "personal", "vn")
    assert lager.tabell("exempel", PERIOD, "personal", "vn").equals(fore)
    fil = rot / "data/raw/exempel" / PERIOD / "personal.csv"
    storlek = fil.stat().st_size
    _andra_rad(fil, lambda r: _vn(r) and r["nyckeltal"] == "sjukfranvaro" and r["manad"] == "", "varde", "4,200")
    assert fil.stat().st_size == storlek
    efter = lager.tabell("exempel", PERIOD, "personal", "vn")
    assert not efter.equals(fore)
    assert 4.2 in set(efter["varde"])
    efter["varde"] = 0  # callers get a copy: changing it does not change the cache
    assert 4.2 in set(lager.tabell("exempel", PERIOD, "personal", "vn")["varde"])


def test_tabellcachen_aterhashar_inte_en_oforandrad_period(rot, monkeypatch):
    from helpers.indata import lager

    lager.tabell("exempel", PERIOD, "drift", "vn")
    monkeypatch.setattr(lager, "RACY_NS", 0)  # the files are seconds old at most: trust them in this test
    lager.tabell("exempel", PERIOD, "drift", "vn")
    anrop = []
    monkeypatch.setattr(lager, "raw_hash", lambda *a: anrop.append(a) or "x")
    for _ in range(3):
        lager.tabell("exempel", PERIOD, "drift", "vn")
    assert anrop == []
    os.utime(rot / "data/raw/exempel" / PERIOD / "drift.csv", ns=(time.time_ns(), time.time_ns() + 10**9))
    lager.raw_hash_cachad(*_kommun_period())
    assert len(anrop) == 1


def _kommun_period():
    from helpers.konfig import kommun as config

    k = config.las_kommun("exempel")
    return k, config.las_period(k, PERIOD)


def test_skalkommunerna_ar_deterministiska(tmp_path):
    skript = PROJEKT / "scripts/skapa_skalkommuner.py"
    for ut in ("a", "b"):
        res = subprocess.run([sys.executable, str(skript), "-n", "14", "--ut", str(tmp_path / ut)],
                             capture_output=True, text=True, check=True)
    assert "14 rapporter" in res.stdout
    a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert a and a == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file())
    assert all((tmp_path / "a" / p).read_bytes() == (tmp_path / "b" / p).read_bytes() for p in a)
    # Kommuner differ in their number of nämnder, and the nämnder add up to the reports asked for.
    import yaml

    antal = [len(yaml.safe_load(f.read_text(encoding="utf-8"))["namnder"])
             for f in sorted((tmp_path / "a/data/raw").glob("*/kommun.yaml"))]
    assert sum(antal) == 14 and len(set(antal)) > 1


def test_skalkommunerna_skrivs_aldrig_i_projektets_data_raw():
    res = subprocess.run([sys.executable, str(PROJEKT / "scripts/skapa_skalkommuner.py"), "-n", "1", "--ut", str(PROJEKT)],
                         capture_output=True, text=True)
    assert res.returncode != 0 and "data/raw" in res.stderr


def test_clean_stale_tar_bara_bort_rapporter_som_inte_finns(rot):
    from click.testing import CliRunner

    from helpers.cli import main

    bygg = rot / "build"
    finns = ["exempel/2024-08/delarsrapport/vn", "haninge/2020/arsredovisning/ks"]
    borta = ["exempel/2024-08/delarsrapport/nedlagd", "exempel/2019/arsredovisning/vn", "gammal/2020/arsredovisning/ks"]
    for namn in finns + borta:
        (bygg / "cache" / f"{namn}.json").parent.mkdir(parents=True, exist_ok=True)
        (bygg / "cache" / f"{namn}.json").write_text("{}")
        (bygg / namn).mkdir(parents=True)
        (bygg / namn / "mal.ipynb").write_text("{}")
    (bygg / "las").mkdir()
    (bygg / "las" / "exempel_2024-08_delarsrapport_vn.lock").write_text("")
    rapport = rot / "reports/exempel/2024-08/delarsrapport/nedlagd.html"
    rapport.parent.mkdir(parents=True)
    rapport.write_text("<html></html>")

    res = CliRunner().invoke(main, ["clean", "--stale"])
    assert res.exit_code == 0, res.output
    assert "Tog bort 6 inaktuella" in res.output
    for namn in finns:
        assert (bygg / "cache" / f"{namn}.json").is_file() and (bygg / namn / "mal.ipynb").is_file()
    for namn in borta:
        assert not (bygg / "cache" / f"{namn}.json").exists() and not (bygg / namn).exists()
    assert not (bygg / "gammal").exists() and not (bygg / "cache/gammal").exists()  # empty folders go too
    assert (bygg / "las").is_dir() and rapport.is_file()  # locks and reports/ are not its business


def test_tabellens_avtryck_per_namnd_och_cache(tmp_path):
    """A period's CSV is parsed once for all its nämnder: each nämnd's fingerprint covers the header, its own
    rows and any malformed row; a nämnd without rows gets the header's; a changed file is hashed again (even
    one rewritten at once with the same size), and an older unchanged file comes from the cache."""
    from helpers.bygg import avtryck

    fil = tmp_path / "drift.csv"
    fil.write_text("verksamhet;namnd;budget\nA;ks;1\nB;bun;2\nC;ks;3\n", encoding="utf-8")
    ks, bun, ingen = (avtryck.tabell(fil, n) for n in ("ks", "bun", "vn"))
    assert len({ks, bun, ingen}) == 3
    fil.write_text("verksamhet;namnd;budget\nA;ks;1\nB;bun;9\nC;ks;3\n", encoding="utf-8")  # same size
    assert avtryck.tabell(fil, "ks") == ks and avtryck.tabell(fil, "bun") != bun
    fil.write_text("verksamhet;namnd;budget\nA;ks;1\ntrasig\nB;bun;9\nC;ks;3\n", encoding="utf-8")
    assert avtryck.tabell(fil, "ks") != ks and avtryck.tabell(fil, "vn") != ingen  # a malformed row concerns all
    gammal = time.time() - 60
    os.utime(fil, (gammal, gammal))
    forsta = avtryck.tabell(fil, "ks")
    assert any(k[0] == str(fil) for k in avtryck._CACHE)
    fil.write_text("verksamhet;namnd;budget\nA;ks;2\ntrasig\nB;bun;9\nC;ks;3\n", encoding="utf-8")
    os.utime(fil, (gammal + 1, gammal + 1))  # a later edit, same size: a new key, never the cached hash
    assert avtryck.tabell(fil, "ks") != forsta


def test_oversikten_sorterar_svenskt(monkeypatch):
    """The index of a national run lists kommuner and nämnder in Swedish order (Å, Ä, Ö after Z; numbers by
    value), not by code point (which puts Ä before Å)."""
    from helpers.bygg import index

    namn = ["Örebro", "Älmhult", "Åre", "Ale", "Skalkommun 10", "Skalkommun 2", "Zinkgruvan", "Växjö", "Vänersborg"]
    assert sorted(namn, key=index.sorteringsnyckel) == [
        "Ale", "Skalkommun 2", "Skalkommun 10", "Vänersborg", "Växjö", "Zinkgruvan", "Åre", "Älmhult", "Örebro"]
    monkeypatch.setattr(index, "_namn", lambda k, p, t, n: (k, p, t, n))
    poster = [{"kommun": k, "period": "2024", "rapporttyp": "arsredovisning", "namnd": "ks", "status": "byggd",
               "tid": "2026-12-01T18:00:00"} for k in ("Örebro", "Åre", "Älmhult")]
    html = index._html(poster)
    assert html.index("Åre") < html.index("Älmhult") < html.index("Örebro")

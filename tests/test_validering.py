"""`namndrapport validate` names file, row, column and what was expected; broken data is never rendered."""

from __future__ import annotations

from click.testing import CliRunner

from helpers.bygg import rapport as bygg
from helpers.cli import main


def _validera(kommun="haninge"):
    return CliRunner().invoke(main, ["validate", "--kommun", kommun])


def _ersatt(fil, gammalt, nytt):
    text = fil.read_text(encoding="utf-8")
    assert gammalt in text
    fil.write_text(text.replace(gammalt, nytt), encoding="utf-8")


def test_exempeldata_ar_giltiga(rot):
    for kommun in ("haninge", "exempel"):
        res = _validera(kommun)
        assert res.exit_code == 0, res.output


def test_visas_som_tabellen_inte_anvander_ar_fel_inte_tyst(rot):
    """A print setting a table does not read would be silently ignored: validate names it instead."""
    _ersatt(rot / "data/raw/haninge/kommun.yaml", "resultat: {enhet: mnkr, intakter: positiva, kostnader: positiva}",
            "resultat: {enhet: mnkr, intakter: positiva, kostnader: positiva, visas: {rubrik: Resultat}}")
    res = _validera()
    assert res.exit_code == 1
    assert "tabeller.resultat" in res.output and "visas.rubrik: används inte för resultat" in res.output
    assert "förväntade kostnader" in res.output


def test_trasigt_tal_namnger_fil_rad_och_kolumn(rot):
    _ersatt(rot / "data/raw/haninge/2020/drift.csv", "14 178,9;70 770,9", "14 178,9;70 77O,9")
    res = _validera()
    assert res.exit_code == 1
    assert "data/raw/haninge/2020/drift.csv, rad 6, kolumn 'utfall': värde '70 77O,9': förväntade ett tal" in res.output


def test_felstavad_kolumn_foreslar_ratt_namn(rot):
    _ersatt(rot / "data/raw/haninge/2020/drift.csv", ";utfall;", ";utfal;")
    res = _validera()
    assert res.exit_code == 1
    assert "rad 1, kolumn 'utfal'" in res.output and "menade du 'utfall'?" in res.output


def test_okand_namnd_och_dubblett(rot):
    fil = rot / "data/raw/haninge/2020/drift.csv"
    rader = fil.read_text(encoding="utf-8").splitlines()
    rader.append(rader[1])                                   # duplicate of row 2 → row 10
    rader.append(rader[2].replace("ks;", "../../etc;", 1))   # unknown nämnd (and path-like id) → row 11
    fil.write_text("\n".join(rader) + "\n", encoding="utf-8")
    res = _validera()
    assert "rad 10" in res.output and "dubblett av rad 2" in res.output
    assert "rad 11, kolumn 'namnd': värde '../../etc': en nämnd ur kommun.yaml" in res.output


def test_windows_1252_och_komma_lases(rot):
    fil = rot / "data/raw/haninge/2020/drift.csv"
    text = fil.read_text(encoding="utf-8")
    fil.write_bytes(text.encode("cp1252"))
    assert _validera().exit_code == 0


def test_bygget_vagrar_ogiltiga_data_och_lamnar_inget_halvt(rot):
    _ersatt(rot / "data/raw/haninge/2020/drift.csv", "ks;Kommundirektör", "xx;Kommundirektör")
    res = bygg.bygg_rapport(bygg.Rapport("haninge", "ks", "2020", "arsredovisning"))
    assert res.status == "fel" and "drift.csv, rad 3, kolumn 'namnd'" in res.meddelande
    assert not (rot / "reports").exists() or not any((rot / "reports").rglob("*.html"))


def test_haninges_investeringar_summerar_som_publicerat(rot):
    """Tabell investeringar (KS 2020): the transcribed rows add up to the printed sums."""
    from helpers.indata import lager as data

    inv = data.tabell("haninge", "2020", "investeringar", "ks")
    projekt = inv[inv["grupp"] == "projekt"]
    assert projekt["utfall"].sum() == 62143 and projekt["budget"].sum() == 81349
    assert inv["budget"].sum() == 113349 and inv["overforing"].sum() == 33005
    assert round(inv["utfall"].sum() / inv["budget"].sum() * 100) == 55


def test_nettokostnad_som_inte_stammer_med_intakter_och_kostnader(rot):
    _ersatt(rot / "data/raw/haninge/2020/resultat.csv", "ks;2019;utfall;895,4;1 115,6;220,1;2,9", "ks;2019;utfall;895,4;1 115,6;210,1;2,9")
    res = _validera()
    assert res.exit_code == 1 and "resultat.csv, rad 2, kolumn 'nettokostnad'" in res.output


def test_publicerade_fel_i_statistik_ger_varningar_men_stoppar_inte(rot):
    """The published SN 2022 report has totals and changes that do not add up; validate names each one."""
    res = _validera()
    assert res.exit_code == 0, res.output
    varningar = [r for r in res.output.splitlines() if r.startswith("VARNING")]
    assert len(varningar) == 5, varningar
    assert any("AVD-BIS, Totalt, Utfall 2022: raderna summerar till 516517" in v for v in varningar)
    assert any("T7, Aktualiseringar: 2021→2022 ger 32.3 %" in v for v in varningar)


def test_avrundade_rader_ger_ingen_varning(rot):
    fil = rot / "data/raw/haninge/2022/statistik.csv"
    text = fil.read_text(encoding="utf-8")
    # Biståndsavdelningen's Utfall rows corrected so they add up to the printed Totalt: that warning goes away
    fil.write_text(text.replace(";Insatser enl. LSS;Utfall 2022;368022;", ";Insatser enl. LSS;Utfall 2022;368046;"),
                   encoding="utf-8")
    res = _validera()
    assert "AVD-BIS, Totalt, Utfall 2022" not in res.output


def test_rubrikrad_under_titelrader_hittas(rot):
    """Exports put a title and a date above the header; the reader finds the header below them."""
    fil = rot / "data/raw/haninge/2020/drift.csv"
    fil.write_text("Driftuppföljning Kommunstyrelsen;;;;\nUttag 2021-01-15;;;;\n;;;;\n" + fil.read_text(encoding="utf-8"),
                   encoding="utf-8")
    assert _validera().exit_code == 0
    # Row numbers still point at the file as Excel shows it.
    _ersatt(fil, "14 178,9;70 770,9", "14 178,9;70 77O,9")
    assert "drift.csv, rad 9, kolumn 'utfall'" in _validera().output

"""Data model v2: what the format can say, input form → rendered result."""

from __future__ import annotations

import pandas as pd

from helpers.berakning import mal as malberakning
from helpers.konfig.kommun import las_kommun
from helpers.presentation import internkontroll
from helpers.presentation import mal as malvisning


def _ik(avvikelser):
    return pd.DataFrame({"kontrollmoment": [f"M{i}" for i in range(len(avvikelser))], "avvikelse": avvikelser,
                         "malkategori": None, "risk": None, "resultat": "r", "atgard": None})


def test_tom_avvikelse_ar_ej_rapporterad_aldrig_nej():
    assert internkontroll.sammanfattning(_ik([None, None, None]), 2022).endswith(
        "Uppföljningen anger inte om avvikelser noterades.")
    assert "Inga avvikelser" not in internkontroll.sammanfattning(_ik([False, None]), 2022)
    assert internkontroll.sammanfattning(_ik([False, None]), 2022).endswith(
        "I ett av dessa noterades inga avvikelser. För ett moment är avvikelse inte rapporterad.")
    assert internkontroll.sammanfattning(_ik([False, False]), 2022).endswith("Inga avvikelser noterades.")
    assert "I två av dessa noterades avvikelser." in internkontroll.sammanfattning(_ik([True, True, None]), 2022)
    html = internkontroll.tabell(_ik([True, False, None])).html()
    assert ">Ja<" in html and ">Nej<" in html and ">Ej rapporterad<" in html


def test_tom_bool_i_csv_blir_ej_rapporterad(tmp_path):
    from helpers.indata.lasare import las_tabell
    from helpers.indata.scheman import TABELLER

    fil = tmp_path / "internkontroll.csv"
    fil.write_text("namnd;id;kontrollmoment;resultat;avvikelse\nks;1;A;r;ja\nks;2;B;r;\nks;3;C;r;nej\n", encoding="utf-8")
    df, problem = las_tabell(fil, TABELLER["internkontroll"])
    assert not problem
    assert df["avvikelse"].tolist()[0] is True and df["avvikelse"].tolist()[2] is False
    assert pd.isna(df["avvikelse"].tolist()[1])


def test_mal_pa_flera_nivaer_raknas_per_niva():
    kommun = las_kommun("exempel")
    mal = pd.DataFrame([
        {"id": "O1", "niva": "malomrade", "titel": "Område", "overordnad": None, "nummer": None, "kortnamn": None,
         "beskrivning": None, "namnd": None},
        {"id": "K1", "niva": "kf_mal", "titel": "KF-mål 1", "overordnad": "O1", "nummer": "1", "kortnamn": None,
         "beskrivning": None, "namnd": None},
        {"id": "N1", "niva": "namndmal", "titel": "Nämndmål 1", "overordnad": "K1", "nummer": None, "kortnamn": None,
         "beskrivning": None, "namnd": "bun"},
        {"id": "N2", "niva": "namndmal", "titel": "Nämndmål 2", "overordnad": "K1", "nummer": None, "kortnamn": None,
         "beskrivning": None, "namnd": "bun"},
    ])
    bed = pd.DataFrame([{"mal": m, "bedomning": "uppfyllt", "motivering": None} for m in ("K1", "N1", "N2")])
    ind = pd.DataFrame(columns=["id", "mal"])
    rotter = malberakning.maltrad(kommun, mal, ind, bed, "bun")
    forsta = malvisning.sammanfattning("Barn- och utbildningsnämnden", kommun, rotter)[0]
    assert forsta == ("Barn- och utbildningsnämnden har bedömt ett mål på nivån kommunfullmäktiges mål och "
                      "två mål på nivån nämndmål.")


def test_titel_per_datum_och_kontroll():
    from helpers.konfig.kommun import Period
    from helpers.presentation import titel

    delar = Period("2021-08", 2021, 8, ("delarsrapport",), ("ks",), None)
    assert titel.rapporttitel("Delårsrapport {per_datum} – {namnd}", namnd="Kommunstyrelsen", kommun="K",
                              rapporttyp="Delårsrapport", period=delar) == "Delårsrapport per 31 augusti 2021 – Kommunstyrelsen"
    assert titel.slutdatum(Period("2024-02", 2024, 2, (), (), None)) == "29 februari 2024"
    assert titel.kontrollera_mall("Delårsrapport {per_datum} – {namnd}") == []
    assert titel.kontrollera_mall("{namnd} – årsredovisning {period}") == []
    fel = titel.kontrollera_mall("Delårsrapport per 31 augusti {period}")
    assert fel and "två gånger" in fel[0]
    assert "okänd platshållare {nämnd}" in titel.kontrollera_mall("{nämnd} {period}")[0]
    assert "går inte att läsa" in titel.kontrollera_mall("{namnd")[0]


def test_felaktig_titelmall_stoppar_validate(rot):
    from click.testing import CliRunner

    from helpers.cli import main

    kyaml = rot / "data/raw/exempel/kommun.yaml"
    kyaml.write_text(kyaml.read_text(encoding="utf-8").replace(
        'titel: "Delårsrapport {period} – {namnd}"', 'titel: "Delårsrapport per 31 augusti {period} – {namnd}"'),
        encoding="utf-8")
    res = CliRunner().invoke(main, ["validate", "--kommun", "exempel"])
    assert res.exit_code == 1
    assert "rapporttyper.delarsrapport.titel" in res.output and "två gånger" in res.output

"""Data model v2, personal: a point-in-time figure is labelled as one; a part year is never called the year."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from csvtabell import las_csv
from helpers.presentation import personal as vis

KOMMUN = SimpleNamespace(nyckeltal={})


def _las(tmp_path, text: str) -> pd.DataFrame:
    return las_csv(tmp_path, "personal", text)


def test_ogonblicksbild_visas_med_datum(tmp_path):
    df = _las(tmp_path, "namnd;ar;manad;nyckeltal;grupp;varde;matning\n"
                        "ks;2024;8;antal_anstallda;alla;352;ogonblick\n"
                        "ks;2023;8;antal_anstallda;alla;353;ogonblick\n"
                        "ks;2024;8;personalomsattning;alla;7,5;ackumulerad\n"
                        "ks;2024;8;sjukfranvaro;alla;4,1;rullande_12\n"
                        "ks;2024;3;sjukfranvaro;alla;5,0;manad\n")
    html = vis.tabell_per_ar(KOMMUN, df, 2024, till_manad=8).html()
    assert '<th scope="row">Antal anställda per 31 augusti</th><td class="tal">353</td><td class="tal">352</td>' in html
    assert '<th scope="row">Personalomsättning, januari–augusti</th>' in html
    assert '<th scope="row">Total sjukfrånvaro, rullande 12 månader t.o.m. augusti</th>' in html
    assert ">5,0<" not in html  # the March value is a point of the monthly series, not the year's figure
    assert vis.sjukfranvaro_mening("Kommunstyrelsens", df, 2024, till_manad=8).startswith(
        "Kommunstyrelsens sjukfrånvaro rullande 12 månader t.o.m. augusti 2024 var 4,1")
    assert vis.tabell_per_manad(df, "sjukfranvaro", 2024, "Sjukfrånvaro per månad").rader.to_dict("records") == [
        {"ar": "2024", "Mar": "5,0\u00a0%"}]


def test_delar_av_aret_heter_inte_aret(tmp_path):
    df = _las(tmp_path, "namnd;ar;nyckeltal;grupp;varde\nks;2024;sjukfranvaro;alla;4,2\nks;2023;sjukfranvaro;alla;4,0\n")
    mening = vis.sjukfranvaro_mening("Kommunstyrelsens", df, 2024, till_manad=8)
    assert mening.startswith("Kommunstyrelsens sjukfrånvaro under januari–augusti 2024 var 4,2\u00a0procent")
    assert "för 2024" not in mening
    # a whole year keeps the published wording
    assert vis.sjukfranvaro_mening("Kommunstyrelsens", df, 2024).startswith(
        "Kommunstyrelsens sjukfrånvaro för 2024 var 4,2\u00a0procent")
    # a point-in-time count in a year report: 'per 31 december'
    antal = _las(tmp_path, "namnd;ar;manad;nyckeltal;grupp;varde;matning\nks;2019;12;antal_anstallda;alla;352;ogonblick\n")
    assert '<th scope="row">Antal anställda per 31 december</th><td class="tal">352</td>' in vis.tabell_per_ar(KOMMUN, antal, 2019).html()


def test_delar_av_aret_jamfors_med_helar_under_ratt_namn(tmp_path):
    """A delårsrapport's January–August beside last year's whole year: each column is named for what it is,
    in the table and in the sentence, never one label for both."""
    df = _las(tmp_path, "namnd;ar;manad;nyckeltal;grupp;varde\n"
                        "ks;2024;;sjukfranvaro;alla;5,9\nks;2023;;sjukfranvaro;alla;6,4\nks;2022;;sjukfranvaro;alla;6,1\n")
    tabell = vis.tabell_per_ar(KOMMUN, df, 2024, till_manad=8)
    html = tabell.html()
    assert '<th scope="row">Total sjukfrånvaro</th><td class="tal">6,1' in html
    assert "januari–augusti</th>" not in html
    assert "Total sjukfrånvaro avser januari–augusti 2024; helår 2022 och 2023." in tabell.fotnoter
    mening = vis.sjukfranvaro_mening("Kommunstyrelsens", df, 2024, till_manad=8)
    assert "under januari–augusti 2024 var 5,9\u00a0procent" in mening
    assert "jämfört med helåret 2023 (6,4\u00a0procent)" in mening
    # the same months last year: compared by year alone, and the table keeps one label
    antal = _las(tmp_path, "namnd;ar;manad;nyckeltal;grupp;varde;matning\n"
                           "ks;2024;8;antal_anstallda;alla;344;ogonblick\nks;2023;12;antal_anstallda;alla;350;ogonblick\n")
    tabell = vis.tabell_per_ar(KOMMUN, antal, 2024, till_manad=8)
    assert '<th scope="row">Antal anställda</th><td class="tal">350</td><td class="tal">344</td>' in tabell.html()
    assert "Antal anställda avser 31 augusti 2024; 31 december 2023." in tabell.fotnoter
    lika = _las(tmp_path, "namnd;ar;manad;nyckeltal;grupp;varde;matning\n"
                          "ks;2024;8;sjukfranvaro;alla;5,9;ackumulerad\nks;2023;8;sjukfranvaro;alla;6,4;ackumulerad\n")
    assert "jämfört med 2023 (6,4" in vis.sjukfranvaro_mening("Kommunstyrelsens", lika, 2024, till_manad=8)
    assert '<th scope="row">Total sjukfrånvaro, januari–augusti</th>' in vis.tabell_per_ar(KOMMUN, lika, 2024,
                                                                                            till_manad=8).html()

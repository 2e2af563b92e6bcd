"""Data model v2, intern kontroll: status scale with symbol and words, the plan's parts as sub-headings,
optional text columns; the tri-state avvikelse stays."""

from __future__ import annotations

import pandas as pd

from csvtabell import las_csv
from helpers.konfig.kommun import Skalsteg
from helpers.presentation import internkontroll as vis

SKALA = (Skalsteg("klart", "Klart", "klart", "#1E6B30", "●", 0, "är klara", "är klart"),
         Skalsteg("ej_klart", "Ej klart i år", "ej klart", "#B00020", "○", 1, "är inte klara i år", "är inte klart i år"))

CSV = ("namnd;id;malkategori;risk;kontrollmoment;resultat;atgard;avvikelse;typ;status;bakgrund;granskning;diarienummer;beskrivning\n"
       "ks;RR01;Informationssäkerhet;Läckage.;Ta fram riktlinjer;Pågår.;;;riskreducerande;ej_klart;Sedan 2012.;;;\n"
       "ks;RR02;IT-miljö;Intrång.;Se över lösenord;Justerade.;;;riskreducerande;klart;;;;\n"
       "ks;RE01;Bisysslor;Oredovisade bisysslor.;Inför rutin;Klar.;;;revision;klart;;Granskning av bisysslor;KS-2018/753.912;\n"
       "ks;SK01;Sund ekonomi;Felaktiga utbetalningar.;Stickprov;Inga fel.;;;systematisk_kontroll;klart;;;;Månadsvisa stickprov.\n")


def _las(tmp_path, text=CSV) -> pd.DataFrame:
    return las_csv(tmp_path, "internkontroll", text)


def test_status_typ_och_textkolumner(tmp_path):
    ik = _las(tmp_path)
    assert vis.sammanfattning(ik, 2019, SKALA) == (
        "I uppföljningen av 2019 års internkontrollplan har fyra moment kontrollerats. Uppföljningen anger inte om "
        "avvikelser noterades. Tre är klara och ett är inte klart i år.")
    t = vis.tabell(ik, SKALA)
    html = t.html()
    rubriker = [k.rubrik for k in t.kolumner]
    assert rubriker == ["Kontrollmoment", "Målkategori", "Risk", "Bakgrund", "Granskning", "Diarienummer",
                        "Beskrivning av kontroll", "Resultat", "Status", "Åtgärd"]
    assert "<td>○ Ej klart i år</td>" in html and "<td>● Klart</td>" in html
    assert "Ej rapporterad" not in html  # a plan followed up by status only: no avvikelse column
    rubrikrader = t.rader.loc[t.rader["radtyp"] == "rubrik", "kontrollmoment"].tolist()
    assert rubrikrader == ["Riskreducerande åtgärder",
                           "Åtgärder utifrån rekommendation från revision eller annan extern granskning",
                           "Systematiska kontroller"]
    assert html.index("Systematiska kontroller") < html.index("Månadsvisa stickprov.")
    assert "KS-2018/753.912" in html


def test_utan_nya_kolumner_som_forut(tmp_path):
    ik = _las(tmp_path, "namnd;id;kontrollmoment;resultat;avvikelse\nks;1;A;r;ja\nks;2;B;r;\n")
    t = vis.tabell(ik)
    assert [k.rubrik for k in t.kolumner] == ["Kontrollmoment", "Resultat", "Avvikelse", "Åtgärd"]
    assert "rubrik" not in t.html()
    assert vis.sammanfattning(ik, 2022).endswith("För ett moment är avvikelse inte rapporterad.")


def test_okand_status_stoppas_av_validate(tmp_path):
    from types import SimpleNamespace

    from helpers.indata.validering import _kontrollera_internkontroll

    ik = _las(tmp_path, CSV.replace(";ej_klart;", ";pagar;"))
    kommun = SimpleNamespace(skala=lambda namn: SKALA if namn == "internkontroll" else ())
    problem = _kontrollera_internkontroll(ik, "internkontroll.csv", kommun, None, {})
    assert len(problem) == 1 and problem[0].varde == "pagar" and "internkontroll" in problem[0].forvantat
    utan_skala = SimpleNamespace(skala=lambda namn: ())
    assert "skalor.internkontroll" in _kontrollera_internkontroll(ik, "f", utan_skala, None, {})[0].forvantat

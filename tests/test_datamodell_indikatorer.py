"""Data model v2, goals and indicators: text targets with a comparator, the judgement "Når målet",
rankings and measurement months, uppdrag under their goal. Input form → rendered result."""

from __future__ import annotations

import pandas as pd
import pytest

from csvtabell import las_csv
from helpers.berakning import indikatorer as ib
from helpers.berakning import mal as malberakning
from helpers.indata.lasare import las_tabell
from helpers.indata.scheman import TABELLER
from helpers.konfig.kommun import las_kommun
from helpers.presentation import indikatorer as iv
from helpers.presentation import mal as malvisning

INDIKATORER = """id;mal;namn;agare;enhet;polaritet;decimaler;kolada_id;fotnot
andel;M1;Andel förvärvsarbetande;;procent;hogre_battre;0;;
trygghet;M1;Trygghetsindex;;;hogre_battre;1;;
betyg;M1;Betyg gång- och cykelvägar;;;hogre_battre;0;;
arbetsloshet;M1;Öppen arbetslöshet;;procent;lagre_battre;1;;
lan;M1;Andel med gymnasieexamen;;procent;hogre_battre;1;;
foljs;M1;Tillit;;procent;hogre_battre;0;;
"""

# As an analyst enters them: "≥ 2", "Öka" (needs the year before), a ranking "15/19" against "Topp tre i
# länet", a value measured in October against "< Länssnitt" without the länssnitt (cannot be judged),
# "> Länssnitt" with it in `varde`, and "Indikator" (followed without a target).
VARDEN = """indikator;ar;typ;kon;varde;vardetyp;saknas;kalla;malvarde_text;jamforelse;manad;ranking_av
andel;2018;utfall;T;46;;;;;;;
andel;2019;utfall;T;48;;;;;;;
andel;2019;etappmal;T;2;;;;;≥;;
trygghet;2018;utfall;T;1,5;;;;;;;
trygghet;2019;utfall;T;1,4;;;;;;;
trygghet;2019;etappmal;T;;;;;Öka;;;
betyg;2017;ranking;T;8;;;;;;;19
betyg;2019;ranking;T;15;;;;;;;19
betyg;2019;etappmal;T;3;;;;Topp tre i länet;≤;;
arbetsloshet;2019;utfall;T;7,2;;;;;;10;
arbetsloshet;2019;etappmal;T;;;;;Länssnitt;<;;
lan;2019;utfall;T;75,0;;;;;;;
lan;2019;etappmal;T;72,4;;;;Länssnitt;>;;
foljs;2019;utfall;T;60;;;;;;;
foljs;2019;etappmal;T;;;;;Indikator;;;
"""


def _las(tmp_path, namn, text):
    return las_csv(tmp_path, namn, text, varningar_tillatna=True)


@pytest.fixture
def data(tmp_path):
    return _las(tmp_path, "indikatorer", INDIKATORER), _las(tmp_path, "indikatorvarden", VARDEN)


def test_bedomning_per_malform():
    # Numeric target with and without a comparator; the default follows the polarity.
    assert ib.bedom(48, {"varde": 2, "jamforelse": "≥"}, "hogre_battre") == ib.UPPNATT
    assert ib.bedom(8.1, {"varde": 7.9, "jamforelse": "<"}, "lagre_battre") == ib.EJ_UPPNATT
    assert ib.bedom(7.9, {"varde": 7.9}, "lagre_battre") == ib.UPPNATT
    assert ib.bedom(7.9, {"varde": 7.9, "jamforelse": "<"}, "lagre_battre") == ib.EJ_UPPNATT
    # Öka/Minska/Behåll compare with the year before; without it they cannot be judged.
    assert ib.bedom(5, {"malvarde_text": "Öka"}, "hogre_battre", forra=4) == ib.UPPNATT
    assert ib.bedom(4, {"malvarde_text": "Öka"}, "hogre_battre", forra=4) == ib.EJ_UPPNATT
    assert ib.bedom(3, {"malvarde_text": "Minska"}, "lagre_battre", forra=4) == ib.UPPNATT
    assert ib.bedom(4, {"malvarde_text": "Behåll"}, "hogre_battre", forra=4) == ib.UPPNATT
    assert ib.bedom(3, {"malvarde_text": "Behåll"}, "hogre_battre", forra=4) == ib.EJ_UPPNATT
    assert ib.bedom(5, {"malvarde_text": "Öka"}, "hogre_battre") == ib.KAN_INTE_BEDOMAS
    # A text target that needs a comparison value is never guessed.
    assert ib.bedom(7.2, {"malvarde_text": "Länssnitt", "jamforelse": "<"}, "lagre_battre") == ib.KAN_INTE_BEDOMAS
    assert ib.bedom(7.2, {"malvarde_text": "Länssnitt", "jamforelse": "<", "varde": 7.9},
                    "lagre_battre") == ib.UPPNATT
    # A placing is better the lower it is; a relative target (−2 %) is the change from the year before.
    assert ib.bedom(2, {"varde": 3, "utfallstyp": "ranking"}, "hogre_battre") == ib.UPPNATT
    assert ib.bedom(97, {"varde": -2, "vardetyp": "forandring_procent"}, "lagre_battre", forra=100) == ib.UPPNATT
    assert ib.bedom(99, {"varde": -2, "vardetyp": "forandring_procent"}, "lagre_battre", forra=100) == ib.EJ_UPPNATT
    # No outcome: cannot be judged, never "ej uppnått".
    assert ib.bedom(None, {"varde": 2}, "hogre_battre") == ib.KAN_INTE_BEDOMAS


def test_indikatortabell_visar_malform_placering_och_nar_malet(data):
    ind, varden = data
    rader, kolumner, _ = iv.tabellrader(ind, varden, list(ind["id"]), 2019)
    assert kolumner == ["Utfall 2016", "Utfall 2017", "Utfall 2018", "Utfall 2019", "Placering 2017",
                        "Placering 2019", "Etappmål 2019", "Når målet"]
    r = rader.set_index("id")
    assert r.loc["andel", "Utfall 2019"] == "48\u00a0%"  # decimals follow `decimaler`, never "48,00 %"
    assert r.loc["andel", "Etappmål 2019"] == "≥ 2\u00a0%"
    assert r.loc["andel", "Når målet"] == "Uppnått"
    assert r.loc["trygghet", "Etappmål 2019"] == "Öka"
    assert r.loc["trygghet", "Når målet"] == "Ej uppnått"
    assert (r.loc["betyg", "Placering 2017"], r.loc["betyg", "Placering 2019"]) == ("8/19", "15/19")
    assert r.loc["betyg", "Etappmål 2019"] == "≤ Topp tre i länet (3)"
    assert r.loc["betyg", "Når målet"] == "Ej uppnått"
    assert r.loc["arbetsloshet", "Utfall 2019"] == "7,2\u00a0% (okt)"
    assert r.loc["arbetsloshet", "Etappmål 2019"] == "< Länssnitt"
    assert r.loc["arbetsloshet", "Når målet"] == "Kan inte bedömas"
    assert r.loc["lan", "Etappmål 2019"] == "> Länssnitt (72,4\u00a0%)"
    assert r.loc["lan", "Når målet"] == "Uppnått"
    assert r.loc["foljs", "Etappmål 2019"] == "Indikator"
    assert r.loc["foljs", "Når målet"] == "Inget mål"
    html = iv.tabell(rader, kolumner, [], "Indikatorer").html()
    assert ">Når målet<" in html and ">Kan inte bedömas<" in html and ">15/19<" in html


def test_mening_om_hur_manga_nar_malet(data):
    ind, varden = data
    assert iv.malsats(ind, varden, list(ind["id"]), 2019) == (
        "Två av fem indikatorer når etappmålet; för en kan det inte bedömas.")
    assert iv.malsats(ind, varden, ["andel", "trygghet", "lan"], 2019) == "Två av tre indikatorer når etappmålet."
    assert iv.malsats(ind, varden, ["andel"], 2019) == "Indikatorn når etappmålet."
    assert iv.malsats(ind, varden, ["trygghet", "arbetsloshet"], 2019) == (
        "Ingen av två indikatorer når etappmålet; för en kan det inte bedömas.")
    assert iv.malsats(ind, varden, ["arbetsloshet", "arbetsloshet"], 2019) == (
        "För ingen av de två indikatorerna kan det ännu bedömas om de når etappmålet.")
    assert iv.malsats(ind, varden, ["foljs"], 2019) is None  # "Indikator": followed, no target to reach
    assert iv.malsats(ind, varden, list(ind["id"]), 2020) is None  # a budget year: nothing to judge


def test_kommunens_ord_i_meningen_med_ratt_genus(data):
    """Huddinge's 'mått' is neutrum: 'Inget av två mått', 'Måttet', 'för ett'. A caption word alone
    (no definite forms) leaves the sentences in the standard words rather than inflecting a guess."""
    from types import SimpleNamespace

    ind, varden = data
    matt = iv.indikatorord(SimpleNamespace(termer={"indikatorer": "Mått", "indikatorn": "måttet",
                                                   "indikatorerna": "måtten", "indikator_genus": "neutrum"}))
    assert iv.malsats(ind, varden, ["trygghet", "arbetsloshet"], 2019, matt) == (
        "Inget av två mått når etappmålet; för ett kan det inte bedömas.")
    assert iv.malsats(ind, varden, ["andel"], 2019, matt) == "Måttet når etappmålet."
    assert iv.malsats(ind, varden, ["arbetsloshet", "arbetsloshet"], 2019, matt) == (
        "För inget av de två måtten kan det ännu bedömas om de når etappmålet.")
    assert iv.malsats(ind, varden, list(ind["id"]), 2019, matt).startswith("Två av fem mått når")
    bara_rubrik = iv.indikatorord(SimpleNamespace(termer={"indikatorer": "Mått"}))
    assert iv.malsats(ind, varden, ["andel"], 2019, bara_rubrik) == "Indikatorn når etappmålet."


def test_prognos_och_delar_visas_med_etikett(tmp_path):
    ind = _las(tmp_path, "indikatorer", INDIKATORER)
    varden = _las(tmp_path, "indikatorvarden", """indikator;ar;typ;kon;varde;manad
andel;2023;utfall;T;45;
andel;2024;delar;T;47;8
andel;2024;prognos;T;48;
""")
    rader, kolumner, _ = iv.tabellrader(ind, varden, ["andel"], 2024)
    assert "Delår 2024" in kolumner and "Prognos 2024" in kolumner and "Når målet" not in kolumner
    assert rader.iloc[0]["Delår 2024"] == "47\u00a0% (aug)" and rader.iloc[0]["Prognos 2024"] == "48\u00a0%"


def test_textmal_utan_varde_ar_giltigt_men_inte_annars(tmp_path):
    from helpers.indata.validering import _kontrollera_indikatorvarden

    ind = _las(tmp_path, "indikatorer", INDIKATORER)
    varden = _las(tmp_path, "indikatorvarden", """indikator;ar;typ;varde;malvarde_text;ranking_av
andel;2019;etappmal;;Öka;
andel;2019;utfall;;;
betyg;2019;ranking;21;;19
""")
    problem = _kontrollera_indikatorvarden(varden, "indikatorvarden.csv", None, None, {"indikatorer": ind})
    assert [(p.rad, p.kolumn) for p in problem] == [(3, "varde"), (4, "varde")]
    assert "malvarde_text" in problem[0].forvantat and "mellan 1 och ranking_av (19)" in problem[1].forvantat


def test_okand_jamforelse_stoppas(tmp_path):
    fil = tmp_path / "indikatorvarden.csv"
    fil.write_text("indikator;ar;typ;varde;jamforelse\nandel;2019;mal;2;>=\n", encoding="utf-8")
    _, problem = las_tabell(fil, TABELLER["indikatorvarden"])
    assert any(p.kolumn == "jamforelse" for p in problem)


def _mal(rader):
    bas = {"overordnad": None, "nummer": None, "kortnamn": None, "beskrivning": None, "namnd": None}
    return pd.DataFrame([{**bas, **r} for r in rader])


def test_uppdrag_listas_under_sitt_mal(tmp_path):
    from helpers.presentation import uppdrag as uppdragsvisning

    kommun = las_kommun("exempel")
    mal = _mal([{"id": "O1", "niva": "malomrade", "titel": "Område"},
                {"id": "K1", "niva": "kf_mal", "titel": "Godstrafik", "overordnad": "O1", "nummer": "1"}])
    uppdrag = _las(tmp_path, "uppdrag", "namnd;id;titel;status;kommentar;mal_id\n"
                   f"ks;U1;Ta fram en godstrafikplan;{kommun.skala('uppdrag')[0].kod};Klar i maj.;K1\n"
                   "ks;U2;Utan mål;;;\n")
    rotter = malberakning.maltrad(kommun, mal, pd.DataFrame(columns=["id", "mal"]),
                                  pd.DataFrame(columns=["mal", "bedomning", "motivering"]), "ks", uppdrag)
    k1 = rotter[0].barn[0]  # kept because an uppdrag is reported under it
    assert [u["id"] for u in k1.uppdrag] == ["U1"] and rotter[0].uppdrag == []
    html = uppdragsvisning.tabell(kommun, pd.DataFrame(k1.uppdrag), "Uppdrag: Godstrafik", kommentar=False).html()
    assert "U1. Ta fram en godstrafikplan" in html and kommun.skala("uppdrag")[0].etikett in html
    # Under a goal the comment is shown when the nämnd wrote one (issue 15: uppdrag with their comment); a
    # list where no uppdrag has a comment or an åtagande gets no empty columns.
    assert "Klar i maj." in html and "<th scope=\"col\">Kommentar</th>" in html
    utan = uppdragsvisning.tabell(kommun, pd.DataFrame(k1.uppdrag).assign(kommentar=None), "U", kommentar=False).html()
    assert "Kommentar" not in utan and "Åtagande" not in utan
    assert "Klar i maj." in uppdragsvisning.tabell(kommun, uppdrag).html()
    assert malvisning.rubrikklass(k1) == "mal-rubrik mal-djup-1 malniva-kf_mal"


def test_uppdrag_med_okant_mal_stoppas(tmp_path):
    from helpers.indata.validering import _kontrollera_uppdrag

    kommun = las_kommun("exempel")
    uppdrag = _las(tmp_path, "uppdrag", "namnd;id;titel;mal_id\nks;U1;A;NM99\nks;U2;B;\n")
    problem = _kontrollera_uppdrag(uppdrag, "uppdrag.csv", kommun, None, {"mal": _mal([{"id": "NM01"}])})
    assert [(p.rad, p.kolumn, p.varde) for p in problem] == [(2, "mal_id", "NM99")]


def test_parallella_nivaer_pa_samma_djup():
    kommun = las_kommun("exempel")
    mal = _mal([{"id": "V", "niva": "malomrade", "titel": "Vision"},
                {"id": "A", "niva": "kf_mal", "titel": "Övergripande", "overordnad": "V", "nummer": "1"},
                {"id": "B", "niva": "namndmal", "titel": "Strategiskt", "overordnad": "V"}])
    bed = pd.DataFrame([{"mal": m, "bedomning": kommun.skala("mal")[0].kod, "motivering": None} for m in "AB"])
    rotter = malberakning.maltrad(kommun, mal, pd.DataFrame(columns=["id", "mal"]), bed, "ks")
    a, b = rotter[0].barn
    assert a.djup == b.djup == 1
    assert malvisning.rubrikklass(a) != malvisning.rubrikklass(b)
    assert malvisning.sammanfattning("KS", kommun, rotter)[0] == (
        "KS har bedömt ett mål på nivån kommunfullmäktiges mål och ett mål på nivån nämndmål.")


def test_malrubriker_aldrig_mindre_an_brodtext():
    import re

    from helpers.konfig import sokvagar

    css = (sokvagar.MALLAR / "namndrapport" / "rapport.css").read_text(encoding="utf-8")
    storlekar = {h: float(m) for h, m in re.findall(r"^(h[3-6]) \{ font-size: ([\d.]+)rem", css, flags=re.M)}
    assert set(storlekar) == {"h3", "h4", "h5", "h6"} and min(storlekar.values()) >= 1
    assert re.search(r"\.mal-rubrik\.mal-djup-4[^{]*\{ font-size: 1rem", css)


def test_kolada_jamforelse_med_ett_ar_blir_punktdiagram():
    from helpers.presentation import diagram

    serier = {"Kommunen": pd.DataFrame({"ar": [2019], "varde": [80.5]}),
              "Riket": pd.DataFrame({"ar": [2019], "varde": [78.0]})}
    html = diagram.jamforelse(serier, pd.DataFrame(columns=["ar", "varde"]), ["#123456", "#654321"],
                              namn="Förvärvsarbetande", kpi="N00914", enhet="procent", decimaler=1)
    assert "Punktdiagram som jämför Förvärvsarbetande år 2019" in html and "Linjediagram" not in html
    assert "Kommunen 80,5; Riket 78,0" in html


def test_textmal_ritas_inte_som_mallinje(data):
    _, varden = data
    som_mal = varden.assign(typ=varden["typ"].replace("etappmal", "mal"))
    assert ib.serie(som_mal, "lan")["mal"].empty  # "> Länssnitt (72,4)" is a comparison, not a level
    assert ib.serie(som_mal, "andel")["mal"]["varde"].tolist() == [2]  # "≥ 2" is drawn


def test_decimaler_per_varde_som_tryckt(tmp_path):
    ind = _las(tmp_path, "indikatorer", INDIKATORER.replace("procent;hogre_battre;0;;\nt", "procent;hogre_battre;2;;\nt"))
    varden = _las(tmp_path, "indikatorvarden", """indikator;ar;typ;varde;decimaler
andel;2020;utfall;37,33;
andel;2021;utfall;48;0
""")
    rader, _, _ = iv.tabellrader(ind, varden, ["andel"], 2021)
    assert (rader.iloc[0]["Utfall 2020"], rader.iloc[0]["Utfall 2021"]) == ("37,33\u00a0%", "48\u00a0%")


def test_varden_per_kon_grupp_och_omrade_i_egen_tabell(tmp_path, data):
    """Women, men, an age group and the lowest/highest kommundel are shown beside the measure, per year
    shown, newest first; an empty cell is '–' (not reported), and a goal without such values has no table."""
    indikatorer, _ = data
    indikatorer = indikatorer.assign(omotiverade_skillnader=None)
    indikatorer.loc[indikatorer["id"] == "foljs", "omotiverade_skillnader"] = "Kön, Område"
    indikatorer.loc[indikatorer["id"] == "andel", "omotiverade_skillnader"] = "Nej"
    varden = _las(tmp_path, "indikatorvarden", VARDEN + "foljs;2019;utfall;K;62;;;;;;;\nfoljs;2019;utfall;M;58;;;;;;;\n"
                  "foljs;2017;utfall;K;61;;;;;;;\nfoljs;2019;omrade_lagsta;T;31;;;;;;;\n"
                  "foljs;2019;omrade_hogsta;T;82;;;;;;;\nfoljs;2015;utfall;K;50;;;;;;;\n")
    varden = pd.concat([varden, pd.DataFrame([{"indikator": "foljs", "ar": 2019, "typ": "utfall", "kon": "T",
                                               "varde": 4.0, "grupp": "65-84 år"}])], ignore_index=True)
    rader, kolumner, delar = iv.delrader(indikatorer, varden, ["andel", "foljs"], [2017, 2018, 2019])
    assert kolumner == ["Kvinnor", "Män", "65–84 år", "Lägsta område", "Högsta område"]
    assert delar == ["kön", "grupp", "område"]
    html = iv.deltabell(rader, kolumner, "Indikatorer per kön: M1").html()
    assert '<th scope="rowgroup" colspan="6">Tillit</th>' in html
    assert ('<th scope="row">2019</th><td class="tal">62\u00a0%</td><td class="tal">58\u00a0%</td>'
            '<td class="tal">4\u00a0%</td><td class="tal">31\u00a0%</td><td class="tal">82\u00a0%</td>') in html
    assert '<th scope="row">2017</th><td class="tal">61\u00a0%</td><td class="tal">–</td>' in html
    assert "2015" not in html and "Andel förvärvsarbetande" not in html  # a year not shown; a measure without parts
    # the group's value is never the measure's own: the measure table keeps 60 for 2019
    tabellrader, _, noter = iv.tabellrader(indikatorer, varden, ["andel", "foljs"], 2019, antal_ar=2)
    assert tabellrader.set_index("id").at["foljs", "Utfall 2019"] == "60\u00a0%"
    assert "Omotiverade skillnader mellan grupper: Andel förvärvsarbetande – nej; Tillit – kön, område." in noter
    # a group's or area's value for one kön gets its own column, never the same cell as the whole group's
    extra = pd.DataFrame([{"indikator": "foljs", "ar": 2019, "typ": "utfall", "kon": "K", "varde": 70.0,
                           "grupp": "65-84 år"},
                          {"indikator": "foljs", "ar": 2019, "typ": "omrade_lagsta", "kon": "K", "varde": 20.0}])
    rader, kolumner, _ = iv.delrader(indikatorer, pd.concat([varden, extra], ignore_index=True), ["foljs"], [2019])
    assert kolumner == ["Kvinnor", "Män", "65–84 år", "65–84 år, kvinnor", "Lägsta område", "Högsta område",
                        "Lägsta område, kvinnor"]
    rad = rader[rader["indikator"] == "2019"].iloc[0]
    assert (rad["65–84 år"], rad["65–84 år, kvinnor"]) == ("4\u00a0%", "70\u00a0%")
    assert (rad["Lägsta område"], rad["Lägsta område, kvinnor"]) == ("31\u00a0%", "20\u00a0%")
    tomma, kolumner, delar = iv.delrader(indikatorer, varden, ["andel", "trygghet"], [2018, 2019])
    assert tomma.empty and kolumner == [] and delar == []

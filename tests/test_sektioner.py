"""The computations behind the sections: suppression of small groups, trends, indicator values,
goal and uppdrag roll-ups, investment sums and driftbudget changes."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.berakning import budget, indikatorer, investering, personal
from helpers.berakning import mal as malstyrning
from helpers.konfig.kommun import las_kommun
from helpers.presentation import indikatorer as indikatorer_vis
from helpers.presentation import personal as personal_vis
from helpers.presentation import uppdrag as uppdrag_vis


def _personal(rader):
    return pd.DataFrame(rader, columns=["namnd", "ar", "manad", "nyckeltal", "grupp", "varde", "antal"])


def test_liten_grupp_doljs_och_en_till_sa_att_den_inte_kan_raknas_fram():
    df = _personal([
        ["x", 2024, None, "antal_anstallda", "alla", 40, 40],
        ["x", 2024, None, "antal_anstallda", "K", 37, 37],
        ["x", 2024, None, "antal_anstallda", "M", 3, 3],
        ["x", 2024, None, "antal_anstallda", "-29", 10, 10],
        ["x", 2024, None, "antal_anstallda", "30-49", 20, 20],
        ["x", 2024, None, "antal_anstallda", "50-", 10, 10],
    ])
    dolda = personal.rojandeskydd(df, min_antal=5).set_index("grupp")["dold"]
    assert dolda["M"] and dolda["K"], "M < 5, and K = alla − M would reveal it"
    assert not dolda["alla"] and not dolda[["-29", "30-49", "50-"]].any()


def test_grans_for_rojandeskydd_ar_konfigurerbar():
    df = _personal([["x", 2024, None, "sjukfranvaro", "alla", 5.0, 7], ["x", 2024, None, "sjukfranvaro", "K", 4.0, 6],
                    ["x", 2024, None, "sjukfranvaro", "M", 9.0, 1]])
    assert personal.rojandeskydd(df, 5)["dold"].tolist() == [False, True, True]
    assert personal.rojandeskydd(df, 10)["dold"].tolist() == [True, True, True]


def test_dolda_varden_syns_inte_i_tabellen():
    kommun = las_kommun("exempel")
    df = _personal([["x", 2024, None, "sjukfranvaro", "alla", 5.0, 7], ["x", 2024, None, "sjukfranvaro", "K", 4.0, 6],
                    ["x", 2024, None, "sjukfranvaro", "M", 9.0, 1]])
    html = personal_vis.tabell_per_ar(kommun, df, 2024, min_antal=5).html()
    assert "9,0" not in html and "4,0" not in html and "5,0" in html
    assert "färre än 5 personer" in html


@pytest.mark.parametrize("varden, polaritet, vantat", [
    ([163, 168], "lagre_battre", "↑ Ökar – inte bra riktning"),
    ([168, 163], "lagre_battre", "↓ Minskar – bra riktning"),
    ([80.5, 80.9], "hogre_battre", "↑ Ökar – bra riktning"),
    ([5, 5], "hogre_battre", "→ Oförändrad"),
    ([5, None], "hogre_battre", "För få värden för trend"),
])
def test_trend_har_riktning_och_ord(varden, polaritet, vantat):
    assert str(indikatorer.trend(varden, polaritet)) == vantat


def test_indikatorvarden_som_de_trycks():
    assert indikatorer_vis.varde_text(-2, "forandring_procent", None, 0) == "\u22122\u00a0%"
    assert indikatorer_vis.varde_text(80.5, "niva", "procent", 1) == "80,5\u00a0%"
    assert indikatorer_vis.varde_text(None, "niva", None, 0) == "–"


def test_maltradet_har_godtyckligt_djup_och_bara_namndens_mal():
    kommun = las_kommun("exempel")
    mal = pd.DataFrame([
        ["A", None, "malomrade", "1", "Område", None, None, None],
        ["B", "A", "kf_mal", "1", "KF-mål", None, None, None],
        ["C", "B", "namndmal", None, "Vårt mål", None, None, "bun"],
        ["D", "B", "namndmal", None, "Deras mål", None, None, "ks"],
    ], columns=["id", "overordnad", "niva", "nummer", "titel", "kortnamn", "beskrivning", "namnd"])
    ind = pd.DataFrame([["I1", "D", "x"]], columns=["id", "mal", "namn"])
    bed = pd.DataFrame([["bun", "C", "delvis", "Motivering"]], columns=["namnd", "mal", "bedomning", "motivering"])
    rotter = malstyrning.maltrad(kommun, mal, ind, bed, "bun")
    alla = list(malstyrning.i_ordning(rotter))
    assert [m.id for m in alla] == ["A", "B", "C"] and [m.djup for m in alla] == [0, 1, 2]
    antal = malstyrning.antal_per_bedomning(kommun, rotter).set_index("kod")["antal"]
    assert antal["delvis"] == 1 and antal.sum() == 1


def test_uppdragsmening_raknar_per_status():
    kommun = las_kommun("haninge")
    df = pd.DataFrame({"status": ["fardig"] * 8 + ["paborjad"] * 10})
    assert uppdrag_vis.sammanfattning(kommun, df) == "Nämnden har 18 uppdrag att rapportera. Tio pågår och åtta är färdiga."
    assert "ett är färdigt" in uppdrag_vis.sammanfattning(kommun, pd.DataFrame({"status": ["fardig"]})).lower()


def test_investeringar_summeras_per_grupp_och_utnyttjande():
    df = pd.DataFrame({"projekt": ["a", "b", "Reserv"], "projektnr": [None] * 3, "grupp": ["projekt", "projekt", "reserv"],
                       "ar": [2020] * 3, "budget": [100.0, 300.0, 600.0], "utfall": [50.0, 150.0, None],
                       "prognos": [None] * 3, "overforing": [50.0, None, None]})
    rader = investering.per_projekt(df, 2020).set_index("projekt")
    assert rader.loc["Summa", "budget"] == 400 and rader.loc["Summa", "utnyttjande"] == 50
    assert rader.loc["Summa investeringsprojekt", "budget"] == 1000
    assert rader.loc["Summa investeringsprojekt", "utnyttjande"] == 20
    assert rader.loc["Återstår av budget", "budget"] == 800


def test_driftbudget_visar_ramforandring():
    drift = pd.DataFrame({"namnd": "ks", "verksamhet": ["a", "a", "b", "b"], "overordnad": None, "ar": [2020, 2021] * 2,
                          "manad": None, "budget": [100.0, 110.0, 50.0, 40.0], "utfall": None, "prognos": None})
    rader = budget.driftbudget(drift, 2021).set_index("verksamhet")
    assert rader.loc["Totalt", "budget"] == 150 and rader.loc["Totalt", "budget_fore"] == 150
    assert rader.loc["a", "forandring"] == 10 and rader.loc["b", "forandring_procent"] == -20


def test_trend_farg_foljer_orden():
    rader = pd.DataFrame([{"indikator": "A", "trend": "↓ Minskar – bra riktning", "kalla": "–"},
                          {"indikator": "B", "trend": "↑ Ökar – inte bra riktning", "kalla": "–"}])
    html = indikatorer_vis.tabell(rader, [], [], "Indikatorer").html()
    assert '<span class="trend-bra">↓ Minskar – bra riktning</span>' in html
    assert '<span class="trend-daligt">↑ Ökar – inte bra riktning</span>' in html

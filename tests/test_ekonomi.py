import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.berakning import ekonomi
from helpers.berakning.ekonomi import Resultat
from helpers.indata import tecken
from helpers.presentation import ekonomi as text


def _drift(rader):
    return pd.DataFrame(rader, columns=["namnd", "verksamhet", "overordnad", "ar", "manad", "budget", "utfall", "prognos"])


def test_avvikelse_positiv_ar_overskott():
    assert tecken.avvikelse(budget=230033, utfall=221596) == 8437
    assert tecken.avvikelse_intakt(budget=100, utfall=120) == 20
    assert tecken.avvikelse_procent(0, 0) is None and tecken.avvikelse_procent(5, None) is None


def test_normalisera_resultatperspektiv_och_enhet():
    df = pd.DataFrame({"budget": [-1.5], "utfall": [-2.0], "prognos": [None]})
    ut = tecken.normalisera(df, "drift", {"enhet": "mnkr", "kostnader": "negativa"}, ("budget", "utfall", "prognos"))
    assert ut["budget"].tolist() == [1500.0] and ut["utfall"].tolist() == [2000.0]
    assert math.isnan(ut["prognos"][0])


def test_hierarki_med_tre_nivaer_och_delsummor():
    drift = _drift([
        ["x", "A1", "A", 2024, None, 10, 8, None],
        ["x", "A", "Område", 2024, None, None, None, None],
        ["x", "B1", "Område", 2024, None, 5, 6, None],
        ["x", "C", None, 2024, None, 1, 1, None],
    ])
    drift.loc[1, "budget"] = 0  # A has a row of its own with zero budget
    t = ekonomi.per_verksamhet(drift, 2024)
    assert t["radtyp"].tolist() == ["rubrik", "rubrik", "rad", "rad", "summa", "rad", "summa", "rad", "totalt"]
    summa_a = t[(t["radtyp"] == "summa") & (t["grupp"] == "A")].iloc[0]
    assert summa_a["budget"] == 10 and summa_a["utfall"] == 8
    omrade = t[(t["radtyp"] == "summa") & (t["grupp"] == "Område")].iloc[0]
    assert omrade["budget"] == 15 and omrade["utfall"] == 14 and omrade["avvikelse"] == 1
    assert t.iloc[-1]["budget"] == 16 and t.iloc[-1]["avvikelse"] == 1


def test_delar_periodiserar_helarsbudget_och_summerar_manader():
    drift = _drift([
        ["x", "Månadsvis", None, 2024, m, 10, 11 if m <= 4 else None, 130 if m == 12 else None] for m in range(1, 13)
    ] + [["x", "Helår", None, 2024, None, 120, 30, None]])
    r = ekonomi.totalt(ekonomi.per_verksamhet(drift, 2024, till_manad=4))
    assert r.budget == 40 + 40 and r.utfall == 44 + 30 and r.budget_helar == 240 and r.prognos == 130
    ack = ekonomi.ackumulerat_per_manad(drift, 2024)
    assert ack.loc[3, "utfall"] == 44 and pd.isna(ack.loc[4, "utfall"]) and ack.loc[11, "budget"] == 120


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["A", "B", None]),
                          st.floats(-1e6, 1e6, allow_nan=False), st.floats(-1e6, 1e6, allow_nan=False)),
                min_size=1, max_size=12))
def test_delsummor_adderar_till_totalt(rader):
    drift = _drift([["x", f"v{i}", p, 2024, None, b, u, None] for i, (p, b, u) in enumerate(rader)])
    t = ekonomi.per_verksamhet(drift, 2024)
    rad = t[t["radtyp"] == "rad"]
    total = t.iloc[-1]
    assert total["budget"] == pytest.approx(rad["budget"].sum()) and total["utfall"] == pytest.approx(rad["utfall"].sum())
    assert total["avvikelse"] == pytest.approx(total["budget"] - total["utfall"])
    for grupp in ("A", "B"):
        summa = t[(t["radtyp"] == "summa") & (t["grupp"] == grupp)]
        if not summa.empty:
            del_ = [b for p, b, _ in rader if p == grupp]
            assert summa.iloc[0]["budget"] == pytest.approx(sum(del_))


def test_meningar():
    r = Resultat(utfall=221595.8, budget=230033.2, budget_helar=230033.2, prognos=None)
    assert text.drift_ackumulerat(r).replace("\u00a0", " ") == (
        "Det ackumulerade utfallet för perioden är 221,6 mnkr, vilket är 8,4 mnkr (3,7 %) lägre än den "
        "ackumulerade budgeten 230,0 mnkr.")
    hogre = Resultat(utfall=105_000, budget=100_000, budget_helar=100_000, prognos=None)
    assert "högre än" in text.drift_ackumulerat(hogre)
    assert text.resultat_for("Avdelningen", -34).endswith("har ett nollresultat.")
    assert "underskott på 0,1" in text.resultat_for("Avdelningen", -51).replace("\u00a0", " ")
    assert text.prognos(r) is None

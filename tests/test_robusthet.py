"""Reliability: failures while writing, and properties of the economy and privacy computations."""

from __future__ import annotations

import errno
import os

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.berakning import ekonomi, personal
from helpers.berakning.ekonomi import Resultat
from helpers.bygg import rapport as bygg
from helpers.indata import tecken
from helpers.presentation import ekonomi as text


@pytest.mark.slow
@pytest.mark.parametrize("fel, ord_", [(errno.ENOSPC, "No space left on device"), (errno.EROFS, "Read-only file system")])
def test_full_eller_skrivskyddad_disk_ger_tydligt_fel_och_gamla_rapporten_star_kvar(rot, monkeypatch, fel, ord_):
    r = bygg.Rapport("exempel", "vn", "2024-08", "delarsrapport")
    assert bygg.bygg(bygg.bedom([r]), arbetare=1)[0].status == "byggd"
    gammal = r.utfil.read_bytes()
    (rot / "data/raw/exempel/2024-08/kommentarer/vn").mkdir(parents=True, exist_ok=True)
    (rot / "data/raw/exempel/2024-08/kommentarer/vn/ekonomi.md").write_text("Ny text.\n", encoding="utf-8")
    riktig = os.replace

    def replace(src, dst):
        if str(dst).endswith("vn.html"):
            raise OSError(fel, os.strerror(fel), str(dst))
        return riktig(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    res = bygg.bygg(bygg.bedom([r]), arbetare=1)[0]
    assert res.status == "fel" and f"kan inte skriva {r.utfil}: {ord_}" in res.meddelande
    assert r.utfil.read_bytes() == gammal
    assert not [p for p in r.utfil.parent.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.setattr(os, "replace", riktig)
    assert bygg.bygg(bygg.bedom([r]), arbetare=1)[0].status == "byggd"  # recovers by itself


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 1e7), st.floats(0, 1e7))
def test_avvikelsens_tecken_och_ord(budget, utfall):
    r = Resultat(utfall=utfall, budget=budget, budget_helar=budget, prognos=None)
    assert (r.avvikelse > 0) == (utfall < budget)
    mening = text.drift_ackumulerat(r)
    if fmt_noll(r.avvikelse):
        assert "motsvarar den ackumulerade budgeten" in mening
    else:
        assert ("lägre än" in mening) == (r.avvikelse > 0)
    if budget == 0:
        assert r.avvikelse_procent is None and "%" not in mening


def fmt_noll(tkr):
    from helpers.presentation import format as fmt

    return fmt.avrunda(tkr / 1000, 1) == 0


def test_noll_budget_ger_ingen_procent():
    assert tecken.avvikelse_procent(500, 0) is None
    drift = pd.DataFrame([["x", "A", None, 2024, None, 0.0, 10.0, None]],
                         columns=["namnd", "verksamhet", "overordnad", "ar", "manad", "budget", "utfall", "prognos"])
    t = ekonomi.per_verksamhet(drift, 2024)
    assert t["avvikelse_procent"].isna().all() and (t["avvikelse"] == -10).all()


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 40), min_size=2, max_size=5), st.integers(1, 10))
def test_rojandeskydd_doljer_aldrig_exakt_en_grupp(antal, grans):
    """Within a breakdown, either no group or at least two are hidden, so none can be derived from the total."""
    grupper = ["-29", "30-49", "50-", "60-", "70-"][:len(antal)]
    df = pd.DataFrame([["x", 2024, None, "antal_anstallda", "alla", float(sum(antal)), sum(antal)]]
                      + [["x", 2024, None, "antal_anstallda", g, float(a), a] for g, a in zip(grupper, antal)],
                      columns=["namnd", "ar", "manad", "nyckeltal", "grupp", "varde", "antal"])
    ut = personal.rojandeskydd(df, grans)
    dolda = ut[ut["grupp"] != "alla"]["dold"]
    assert dolda.sum() != 1
    for a, dold in zip(antal, dolda):
        if a < grans:
            assert dold

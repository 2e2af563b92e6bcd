"""The per-process cache of parsed period.yaml files: reused while the file is unchanged, never stale."""

from __future__ import annotations

import os

import pytest

from helpers.fel import DataFel
from helpers.konfig import kommun as konfig


def _aldra(fil, sekunder=10):
    """Backdate the file past the cache's racy window, as a file written earlier would be."""
    st = fil.stat()
    os.utime(fil, ns=(st.st_atime_ns, st.st_mtime_ns - sekunder * 1_000_000_000))


def test_oforandrad_period_tolkas_en_gang(rot):
    k = konfig.las_kommun("haninge")
    _aldra(k.mapp / "2020" / "period.yaml")
    forsta = konfig.las_period(k, "2020")
    assert konfig.las_period(k, "2020") is forsta


def test_andrad_period_lases_om_aven_i_samma_klocktick(rot):
    k = konfig.las_kommun("haninge")
    fil = k.mapp / "2020" / "period.yaml"
    _aldra(fil)
    fore = konfig.las_period(k, "2020")
    st = fil.stat()
    # Same length and same mtime as before: only the inode (a rewrite by rename) tells it apart.
    text = fil.read_text(encoding="utf-8")
    ny = fil.with_name("ny.yaml")
    ny.write_text(text.replace("till_manad: 12", "till_manad: 11") if "till_manad: 12" in text
                  else text + "till_manad: 11\n", encoding="utf-8")
    os.utime(ny, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.replace(ny, fil)
    assert konfig.las_period(k, "2020").till_manad == 11 != fore.till_manad


def test_nyligen_skriven_period_litas_inte_pa(rot):
    """A file modified within the racy window is parsed again: an in-place rewrite in the same clock tick
    keeps inode, size and mtime."""
    k = konfig.las_kommun("haninge")
    fil = k.mapp / "2020" / "period.yaml"
    fil.write_text(fil.read_text(encoding="utf-8"), encoding="utf-8")  # modified just now
    forsta = konfig.las_period(k, "2020")
    assert konfig.las_period(k, "2020") is not forsta
    assert konfig.las_period(k, "2020") == forsta


def test_fel_cachas_inte(rot):
    k = konfig.las_kommun("haninge")
    fil = k.mapp / "2020" / "period.yaml"
    bra = fil.read_text(encoding="utf-8")
    fil.write_text(bra + "till_manad: 13\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(DataFel):
            konfig.las_period(k, "2020")
    fil.write_text(bra, encoding="utf-8")
    assert konfig.las_period(k, "2020").id == "2020"

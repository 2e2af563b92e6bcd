"""Shared fixtures. Tests that build reports work on a copy of data/raw in a temporary root
(NAMNDRAPPORT_ROOT), so they never touch the analyst's data/processed or reports/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJEKT = Path(__file__).resolve().parents[1]


@pytest.fixture
def rot(tmp_path, monkeypatch):
    """An empty project root with a copy of the sample raw data."""
    shutil.copytree(PROJEKT / "data" / "raw", tmp_path / "data" / "raw")
    monkeypatch.setenv("NAMNDRAPPORT_ROOT", str(tmp_path))
    return tmp_path


@pytest.fixture(scope="session")
def byggd_rot(tmp_path_factory):
    """A root where every sample report (Haninge and Exempelkommun) has been built."""
    from helpers.bygg import rapport as bygg

    root = tmp_path_factory.mktemp("byggd")
    shutil.copytree(PROJEKT / "data" / "raw", root / "data" / "raw")
    with pytest.MonkeyPatch.context() as mp:  # a session fixture cannot take the monkeypatch fixture
        mp.setenv("NAMNDRAPPORT_ROOT", str(root))
        for r in bygg.bygg(bygg.bedom(bygg.planera()), arbetare=2):  # every sample report
            assert r.status == "byggd", r.meddelande
    return root


@pytest.fixture(scope="session")
def utskriven_rot(byggd_rot):
    """``byggd_rot`` with every report also printed to PDF (two Chromiums side by side)."""
    res = subprocess.run([sys.executable, "-m", "helpers.cli", "pdf", "-j", "2"], check=False, capture_output=True,
                         text=True, env={**os.environ, "NAMNDRAPPORT_ROOT": str(byggd_rot)})
    assert res.returncode == 0, res.stdout + res.stderr
    return byggd_rot

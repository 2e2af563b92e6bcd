"""`pip install .` (not editable) into a fresh venv gives a working `namndrapport`: the declared dependencies
are complete and the notebooks ship inside the package. The project folder it builds in has only data/raw,
so the packaged notebooks are the ones used (sokvagar.notebooks()). Needs the package index (CI has it)."""

from __future__ import annotations

import os
import shutil
import subprocess
import venv
from pathlib import Path

import pytest

PROJEKT = Path(__file__).resolve().parents[1]


def _las(lock: Path) -> str:
    """name==version lines of a hashed lock: the versions to install, as constraints."""
    return "".join(r.split()[0] + "\n" for r in lock.read_text().splitlines() if "==" in r and not r.startswith("#"))


@pytest.mark.slow
def test_icke_redigerbar_installation_bygger_haninge(tmp_path):
    kalla = tmp_path / "kalla"  # a clean copy of the sources: no build/ or egg-info from the checkout
    kalla.mkdir()
    for del_ in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy2(PROJEKT / del_, kalla / del_)
    for mapp in ("src", "notebooks"):
        shutil.copytree(PROJEKT / mapp, kalla / mapp, ignore=shutil.ignore_patterns("*.egg-info", "__pycache__"))
    (tmp_path / "constraints.txt").write_text(_las(PROJEKT / "requirements.lock"))

    miljo = tmp_path / "venv"
    venv.create(miljo, with_pip=True)
    bin_ = miljo / "bin"
    env = {k: v for k, v in os.environ.items() if k not in ("NAMNDRAPPORT_ROOT", "PYTHONPATH", "VIRTUAL_ENV")}
    installation = subprocess.run([str(bin_ / "python"), "-m", "pip", "install", "--quiet",
                                   "-c", str(tmp_path / "constraints.txt"), str(kalla)],
                                  env=env, capture_output=True, text=True, timeout=900)
    if installation.returncode and "No matching distribution" in installation.stderr and "Network" in installation.stderr:
        pytest.skip("paketindexet kan inte nås (package index unreachable)")
    assert installation.returncode == 0, installation.stderr[-3000:]

    # Installed, not linked to the checkout, and with the notebooks inside the package.
    var = subprocess.run([str(bin_ / "python"), "-c", "import helpers, pathlib; print(pathlib.Path(helpers.__file__).parent)"],
                         env=env, capture_output=True, text=True, cwd=tmp_path, check=True).stdout.strip()
    assert str(miljo) in var and sorted(p.name for p in (Path(var) / "notebooks").glob("*.ipynb")) == \
        sorted(p.name for p in (PROJEKT / "notebooks").glob("*.ipynb"))

    projekt = tmp_path / "projekt"
    shutil.copytree(PROJEKT / "data" / "raw", projekt / "data" / "raw")
    # One report is enough to prove the installed package builds (the other Haninge reports are built from the
    # checkout by the session fixture): the budget report, which also runs sections Haninge adds of its own.
    bygge = subprocess.run([str(bin_ / "namndrapport"), "build", "--kommun", "haninge", "--period", "2021", "-j", "1"],
                           cwd=projekt, env=env, capture_output=True, text=True, timeout=900)
    assert bygge.returncode == 0, bygge.stdout[-2000:] + bygge.stderr[-3000:]
    html = sorted((projekt / "reports" / "haninge").rglob("*.html"))
    assert len(html) == 1 and html[0].stat().st_size > 10_000, html
    assert (projekt / "reports" / "index.html").exists()

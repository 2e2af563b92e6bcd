"""Project hygiene: notebooks stored without outputs, conda and pip name the same packages,
the synthetic municipality is reproducible from its script."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

PROJEKT = Path(__file__).resolve().parents[1]


def _namn(krav: str) -> str:
    return re.split(r"[<>=!~\[; ]", krav.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_notebooks_sparas_utan_utdata():
    notebooks = sorted((PROJEKT / "notebooks").glob("*.ipynb"))
    assert notebooks
    for nb in notebooks:
        celler = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        for c in celler:
            if c["cell_type"] == "code":
                assert not c.get("outputs") and c.get("execution_count") is None, f"{nb.name} har utdata sparade"


def test_varje_notebook_har_parametercell():
    for nb in sorted((PROJEKT / "notebooks").glob("*.ipynb")):
        celler = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        params = [c for c in celler if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(params) == 1 and all(p in "".join(params[0]["source"]) for p in ("kommun", "namnd", "period", "rapporttyp"))


def test_environment_yml_och_requirements_namnger_samma_paket():
    direkta = {_namn(r) for r in (PROJEKT / "requirements.in").read_text().splitlines() if r.strip() and not r.startswith("#")}
    env = yaml.safe_load((PROJEKT / "environment.yml").read_text())
    conda = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            conda |= {_namn(d) for d in dep["pip"] if not d.startswith("-e")}
        elif not dep.startswith("python") and dep != "pip":
            conda.add(_namn(dep))
    assert conda == direkta
    last = {_namn(r): r.split()[0].split("==")[1] for r in (PROJEKT / "requirements.lock").read_text().splitlines()
            if "==" in r and not r.startswith("#")}  # `pkg==1.2 \` lines; the --hash lines follow
    assert direkta <= set(last), f"inte låsta: {direkta - set(last)}"
    for dep in env["dependencies"]:
        for d in (dep["pip"] if isinstance(dep, dict) else [dep]):
            if "==" in d:
                assert last[_namn(d)] == d.split("==")[1].strip(), f"{d} skiljer sig från requirements.lock"


def test_exempelkommun_aterskapas_identiskt(tmp_path):
    subprocess.run([sys.executable, str(PROJEKT / "scripts/skapa_exempelkommun.py"), "--ut", str(tmp_path)], check=True)
    incheckat = PROJEKT / "data/raw/exempel"
    filer = sorted(p.relative_to(incheckat) for p in incheckat.rglob("*") if p.is_file())
    assert filer == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    for f in filer:
        assert (incheckat / f).read_bytes() == (tmp_path / f).read_bytes(), f"{f} skiljer sig: kör scripts/skapa_exempelkommun.py"


def test_exempelkommun_tacker_det_haninge_saknar():
    from helpers.konfig import kommun as config

    k = config.las_kommun("exempel")
    assert len(k.namnder) >= 10 and len(k.malnivaer) + 1 == 4  # + indikator level
    assert {s.kod for s in k.skala("mal")} != {s.kod for s in config.las_kommun("haninge").skala("mal")}
    perioder = config.perioder(k)
    assert any(p.till_manad < 12 for p in perioder) and any("delarsrapport" in p.rapporttyper for p in perioder)

"""Batch builds: incremental (no-op builds nothing, a change rebuilds exactly its reports), fault-isolated,
atomic, and the same on a Dask cluster as locally."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from click.testing import CliRunner

from helpers.bygg import rapport as bygg
from helpers.cli import main

pytestmark = pytest.mark.slow

URVAL = ["build", "--kommun", "exempel", "--period", "2024-08", "--namnd", "bun", "--namnd", "vn", "-j", "2"]


def _bygg(*extra):
    return CliRunner().invoke(main, [*URVAL, *extra])


def _mtider(rot):
    return {p: p.stat().st_mtime_ns for p in (rot / "reports").rglob("*") if p.is_file()}


def _andra_drift(rot, namnd):
    fil = rot / "data/raw/exempel/2024-08/drift.csv"
    rader = fil.read_bytes().decode("utf-8-sig").splitlines()
    i = next(i for i, r in enumerate(rader) if r.startswith(f"{namnd};") and ";2024;3;" in r)
    delar = rader[i].split(";")
    delar[6] = "-1,0"
    rader[i] = ";".join(delar)
    fil.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(rader) + "\r\n").encode())


def test_inkrementellt_bygge(rot):
    res = _bygg()
    assert res.exit_code == 0, res.output
    assert "Byggda: 2, återanvända: 0" in res.output
    fore = _mtider(rot)

    res = _bygg()
    assert res.exit_code == 0 and "Alla 2 rapporter är oförändrade" in res.output
    assert _mtider(rot) == fore, "a no-op build must not touch reports/"

    _andra_drift(rot, "vn")
    plan = _bygg("--dry-run")
    assert "bygg        exempel/2024-08/delarsrapport/vn  (ändrat: data:drift.csv)" in plan.output
    assert "hoppa över  exempel/2024-08/delarsrapport/bun  (oförändrad)" in plan.output
    res = _bygg()
    assert "Byggda: 1, återanvända: 1" in res.output
    efter = _mtider(rot)
    bun = rot / "reports/exempel/2024-08/delarsrapport/bun.html"
    vn = rot / "reports/exempel/2024-08/delarsrapport/vn.html"
    assert efter[bun] == fore[bun] and efter[vn] != fore[vn]

    # A commentary file is an input too, and only its nämnd's report depends on it.
    (rot / "data/raw/exempel/2024-08/kommentarer/bun/ekonomi.md").write_text("Ny text.\n", encoding="utf-8")
    assert "Byggda: 1, återanvända: 1" in _bygg().output
    assert "--force" in _bygg("--force", "--dry-run").output

    index = (rot / "reports/index.html").read_text(encoding="utf-8")
    assert 'href="exempel/2024-08/delarsrapport/bun.html"' in index and "Byggd" in index


def test_trasig_namnd_fallerar_ensam(rot):
    # Commentary saved in an encoding that is neither UTF-8 nor Windows-1252: bun's report fails, vn's is built.
    (rot / "data/raw/exempel/2024-08/kommentarer/bun/ekonomi.md").write_bytes(b"\x81\x8d\xff\xfe trasig")
    res = _bygg()
    assert res.exit_code == 1
    assert "Byggda: 1, återanvända: 0, misslyckade: 1" in res.output
    assert "MISSLYCKADES: exempel/2024-08/delarsrapport/bun" in res.output
    assert "kommentarer/bun/ekonomi.md" in res.output and "Traceback" not in res.output
    assert "Körd notebook för felsökning:" in res.output
    assert (rot / "reports/exempel/2024-08/delarsrapport/vn.html").exists()
    assert not (rot / "reports/exempel/2024-08/delarsrapport/bun.html").exists()
    post = json.loads((rot / "build/cache/exempel/2024-08/delarsrapport/bun.json").read_text())
    assert post["status"] == "fel"

    # Fixed: the next build recovers without manual cleanup and rebuilds only bun.
    (rot / "data/raw/exempel/2024-08/kommentarer/bun/ekonomi.md").write_text("Rättad.\n", encoding="utf-8")
    res = _bygg()
    assert res.exit_code == 0 and "Byggda: 1, återanvända: 1" in res.output


def _med_testsektion(rot, tmp_path, kod: str) -> None:
    """Give the delårsrapport a section whose code misbehaves for bun only."""
    nb = nbformat.v4.new_notebook()
    param = nbformat.v4.new_code_cell('kommun = "exempel"\nnamnd = "bun"\nperiod = "2024-08"\nrapporttyp = ""\nsektion = ""')
    param.metadata["tags"] = ["parameters"]
    nb.cells = [param, nbformat.v4.new_code_cell(f"if namnd == 'bun':\n    {kod}")]
    nbformat.write(nb, tmp_path / "test.ipynb")
    kommun = rot / "data/raw/exempel/kommun.yaml"
    text = kommun.read_text(encoding="utf-8").replace(
        "sektioner: [sammanfattning, mal, uppdrag, ekonomi, investeringar, personal]", "sektioner: [sammanfattning, test]")
    kommun.write_text(text + f"\nsektioner:\n  test: {{titel: Test, notebook: {tmp_path / 'test.ipynb'}}}\n",
                      encoding="utf-8")


def test_avsnitt_som_hanger_avbryts_och_forra_rapporten_star_kvar(rot, tmp_path):
    assert _bygg().exit_code == 0
    gammal = (rot / "reports/exempel/2024-08/delarsrapport/bun.html").read_bytes()
    # The hang (10 minutes) is far longer than the timeout and the timeout far longer than any normal section
    # on a loaded machine (a 5 s timeout failed vn's own sections under load): the build must stop the hang,
    # not wait it out.
    _med_testsektion(rot, tmp_path, "import time; time.sleep(600)")
    start = time.perf_counter()
    res = _bygg("--timeout", "30")
    assert time.perf_counter() - start < 300
    assert res.exit_code == 1 and "sektion test: avbruten efter 30 s (timeout)" in res.output
    assert "Byggda: 1" in res.output  # vn does not hang
    assert (rot / "reports/exempel/2024-08/delarsrapport/bun.html").read_bytes() == gammal


def test_karna_som_dor_fallerar_bara_sin_rapport(rot, tmp_path):
    _med_testsektion(rot, tmp_path, "import os; os._exit(1)")
    res = CliRunner().invoke(main, [*URVAL[:-2], "-j", "1"])  # one worker: vn runs after bun's kernel died
    assert res.exit_code == 1
    assert "sektion test: kärnan dog under körningen (kernel died)" in res.output
    assert "Byggda: 1, återanvända: 0, misslyckade: 1" in res.output


def test_avbrutet_bygge_lamnar_inga_halva_filer(rot):
    miljo = {**os.environ, "NAMNDRAPPORT_ROOT": str(rot)}
    proc = subprocess.Popen([sys.executable, "-m", "helpers.cli", "build", "--kommun", "exempel", "--period", "2024",
                             "-j", "2"], env=miljo, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    rapporter = rot / "reports/exempel/2024/arsredovisning"
    deadline = time.time() + 120
    while time.time() < deadline and not (rapporter.exists() and any(rapporter.glob("*.html"))):
        time.sleep(0.2)
    os.killpg(proc.pid, signal.SIGKILL)  # the whole process group: workers and kernels too
    proc.wait()
    skrivna = list(rapporter.glob("*.html"))
    assert skrivna, "the build should have finished at least one report before the kill"
    assert not [p for p in (rot / "reports").rglob("*") if p.name.endswith(".tmp")]
    for p in skrivna:
        assert p.read_text(encoding="utf-8").rstrip().endswith("</html>"), p
    # The next build picks up where the killed one stopped.
    res = CliRunner().invoke(main, ["build", "--kommun", "exempel", "--period", "2024", "-j", "2"])
    assert res.exit_code == 0, res.output
    assert f"återanvända: {len(skrivna)}" in res.output


def test_dask_ger_samma_html_som_lokalt(rot):
    from distributed import LocalCluster

    r = bygg.Rapport("exempel", "bun", "2024-08", "delarsrapport")
    lokalt = bygg.bygg(bygg.bedom([r]), arbetare=1)
    assert lokalt[0].status == "byggd", lokalt[0].meddelande
    lokal_html = r.utfil.read_text(encoding="utf-8")
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as kluster:
        res = CliRunner().invoke(main, ["build", "--kommun", "exempel", "--period", "2024-08", "--namnd", "bun",
                                        "--force", "--scheduler", kluster.scheduler_address])
    assert res.exit_code == 0, res.output
    assert "Byggda: 1" in res.output
    assert r.utfil.read_text(encoding="utf-8") == lokal_html


def test_tva_samtidiga_byggen_av_samma_katalog(rot):
    miljo = {**os.environ, "NAMNDRAPPORT_ROOT": str(rot)}
    kommando = [sys.executable, "-m", "helpers.cli", *URVAL[:-2], "-j", "1"]
    procs = [subprocess.Popen(kommando, env=miljo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
             for _ in range(2)]
    utdata = [p.communicate(timeout=300)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs), utdata
    for namnd in ("bun", "vn"):
        html = (rot / f"reports/exempel/2024-08/delarsrapport/{namnd}.html").read_text(encoding="utf-8")
        assert html.rstrip().endswith("</html>")
    assert not [p for p in rot.rglob("*.tmp")]
    index = (rot / "reports/index.html").read_text(encoding="utf-8")
    assert index.count("<li data-typ=") == 2  # one entry per report, however the two builds interleave


def test_kommentarsutkast_och_slutlig_version(rot):
    kommentarer = rot / "data/raw/exempel/2024-08/kommentarer/vn"
    (kommentarer / "inledning.md").unlink(missing_ok=True)
    res = CliRunner().invoke(main, ["new", "--kommun", "exempel", "--namnd", "vn", "--period", "2024-08",
                                    "--report-type", "delarsrapport"])
    assert res.exit_code == 0, res.output
    ekonomi = kommentarer / "ekonomi.md"
    utkast = ekonomi.read_text(encoding="utf-8")
    assert "Det ackumulerade utfallet för perioden" in utkast and "### Analys" in utkast
    finns = (kommentarer / "sammanfattning.md").read_text(encoding="utf-8")
    CliRunner().invoke(main, ["new", "--kommun", "exempel", "--namnd", "vn", "--period", "2024-08",
                              "--report-type", "delarsrapport"])
    assert (kommentarer / "sammanfattning.md").read_text(encoding="utf-8") == finns  # never overwritten

    # An untouched draft is still "missing": marked in a draft build, an error in a final one.
    urval = ["build", "--kommun", "exempel", "--period", "2024-08", "--namnd", "vn", "-j", "1"]
    assert CliRunner().invoke(main, urval).exit_code == 0
    html = (rot / "reports/exempel/2024-08/delarsrapport/vn.html").read_text(encoding="utf-8")
    assert "Kommentar saknas för avsnittet Ekonomi." in html and "Utkast skapat av" not in html
    res = CliRunner().invoke(main, [*urval, "--final"])
    assert res.exit_code == 1 and "SaknadKommentar: kommentar saknas för avsnittet Mål och resultat" in res.output
    for fil in kommentarer.glob("*.md"):
        fil.write_text(fil.read_text(encoding="utf-8") + "\nNämnden har följt planen.\n", encoding="utf-8")
    res = CliRunner().invoke(main, [*urval, "--final"])
    assert res.exit_code == 0, res.output
    assert "Kommentar saknas" not in (rot / "reports/exempel/2024-08/delarsrapport/vn.html").read_text(encoding="utf-8")


def test_kodens_avtryck_tacker_hela_paketet(tmp_path, monkeypatch):
    """A change anywhere in the library (a sentence in presentation/, a computation in berakning/) must
    rebuild the reports: the code fingerprint covers every module, not only bygg/."""
    import shutil

    import helpers
    from helpers.bygg import avtryck

    kopia = tmp_path / "helpers"
    shutil.copytree(Path(helpers.__file__).parent, kopia, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(avtryck, "__file__", str(kopia / "bygg" / "avtryck.py"))
    avtryck.kod.cache_clear()
    fore = avtryck.kod()
    for modul in ("presentation/ekonomi.py", "berakning/mal.py", "konfig/sektioner.yaml"):
        fil = kopia / modul
        fil.write_text(fil.read_text(encoding="utf-8") + "\n# ändrad\n", encoding="utf-8")
        avtryck.kod.cache_clear()
        efter = avtryck.kod()
        assert efter != fore, modul
        fore = efter
    avtryck.kod.cache_clear()

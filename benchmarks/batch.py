"""Batch build benchmark (`make bench`; not part of the tests).

On a copy of Exempelkommun's data (all nämnder × sections of one period and report type) it measures,
in one run:
  (a) the naive baseline: one `papermill` CLI call per section notebook in a serial loop, plus one
      `jupyter nbconvert` call per report;
  (b) `namndrapport build`, cold, with the default number of workers;
  (c) the same build again, with nothing changed (no-op);
  (d) a rebuild after changing one nämnd's economy table;
and prints each time, the ratios against (a) and the peak memory of the whole process tree of (b).

Targets on a 2-core machine: (b) ≥ 10× faster than (a); (c) ≥ 50× faster than (b); (d) no more than
the changed reports' share of (b) plus a few seconds; peak memory < 2 GiB.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

PROJEKT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
KOMMUN = "exempel"


def _rapporter(rot: Path, period: str, rapporttyp: str, urval: int | None) -> list[tuple[str, list[tuple[str, str]]]]:
    """(nämnd, [(section id, notebook)…]) for every report of the period and type."""
    os.environ["NAMNDRAPPORT_ROOT"] = str(rot)
    from helpers.konfig import kommun as config

    k = config.las_kommun(KOMMUN)
    p = config.las_period(k, period)
    namnder = list(p.namnder)[:urval] if urval else list(p.namnder)
    return [(n, [(sid, k.sektioner[sid]["notebook"]) for sid in k.sektionslista(rapporttyp, n)]) for n in namnder]


def _naiv(rot: Path, period: str, rapporttyp: str, rapporter) -> float:
    """What an analyst would script by hand: papermill and nbconvert from the shell, one call each."""
    import nbformat

    ut = rot / "naiv"
    miljo = {**os.environ, "NAMNDRAPPORT_ROOT": str(rot)}
    start = time.perf_counter()
    for namnd, sektioner in rapporter:
        korda = []
        for sid, notebook in sektioner:
            mal = ut / namnd / f"{sid}.ipynb"
            mal.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([str(BIN / "papermill"), str(PROJEKT / "notebooks" / notebook), str(mal),
                            "-p", "kommun", KOMMUN, "-p", "namnd", namnd, "-p", "period", period,
                            "-p", "rapporttyp", rapporttyp, "-p", "sektion", sid, "--no-progress-bar"],
                           check=True, env=miljo, capture_output=True, cwd=PROJEKT / "notebooks")
            korda.append(nbformat.read(mal, as_version=4))
        hel = nbformat.v4.new_notebook(cells=[c for nb in korda for c in nb.cells])
        hel.metadata["namndrapport"] = {"titel": namnd, "kommun": KOMMUN, "namnd": namnd, "rapporttyp": rapporttyp,
                                        "period": period, "datum": "", "sektioner": [], "version": "", "syntetisk": True}
        nbformat.write(hel, ut / namnd / "rapport.ipynb")
        subprocess.run([str(BIN / "jupyter"), "nbconvert", "--to", "html", "--no-input", "--template", "namndrapport",
                        f"--TemplateExporter.extra_template_basedirs={PROJEKT / 'src/helpers/templates'}",
                        str(ut / namnd / "rapport.ipynb")], check=True, env=miljo, capture_output=True)
    return time.perf_counter() - start


class Minne:
    """Peak resident memory of a process and all its descendants (workers and kernels), sampled."""

    def __init__(self, pid: int):
        self.rot = psutil.Process(pid)
        self.topp = 0
        self._stopp = threading.Event()
        self._trad = threading.Thread(target=self._mat, daemon=True)
        self._trad.start()

    def _mat(self):
        while not self._stopp.is_set():
            try:
                processer = [self.rot, *self.rot.children(recursive=True)]
                self.topp = max(self.topp, sum(p.memory_info().rss for p in processer if p.is_running()))
            except psutil.Error:
                pass
            time.sleep(0.05)

    def stoppa(self) -> int:
        self._stopp.set()
        self._trad.join()
        return self.topp


def _bygg(rot: Path, period: str, rapporttyp: str, namnder: list[str]) -> tuple[float, int, str]:
    miljo = {**os.environ, "NAMNDRAPPORT_ROOT": str(rot)}
    kommando = [str(BIN / "namndrapport"), "build", "--kommun", KOMMUN, "--period", period, "--rapporttyp", rapporttyp]
    for n in namnder:
        kommando += ["--namnd", n]
    start = time.perf_counter()
    proc = subprocess.Popen(kommando, env=miljo, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    minne = Minne(proc.pid)
    utdata, _ = proc.communicate()
    sekunder = time.perf_counter() - start
    topp = minne.stoppa()
    if proc.returncode != 0:
        raise SystemExit(f"namndrapport build misslyckades:\n{utdata}")
    sammanfattning = next((r for r in utdata.splitlines() if r.startswith(("Byggda:", "Alla "))), "")
    return sekunder, topp, sammanfattning


def _andra_drift(rot: Path, period: str, namnd: str) -> None:
    fil = rot / "data" / "raw" / KOMMUN / period / "drift.csv"
    rader = fil.read_bytes().decode("utf-8-sig").splitlines()
    i = next(i for i, r in enumerate(rader) if r.startswith(f"{namnd};") and r.split(";")[6])
    delar = rader[i].split(";")
    delar[6] = "-1,0"
    rader[i] = ";".join(delar)
    fil.write_bytes(b"\xef\xbb\xbf" + ("\r\n".join(rader) + "\r\n").encode())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--period", default="2024")
    parser.add_argument("--rapporttyp", default="arsredovisning")
    parser.add_argument("--urval", type=int, help="bara de första N nämnderna (snabbare körning)")
    parser.add_argument("--json", type=Path, help="skriv resultaten även som JSON hit")
    args = parser.parse_args()

    rot = Path(tempfile.mkdtemp(prefix="namndrapport-bench-"))
    try:
        shutil.copytree(PROJEKT / "data" / "raw" / KOMMUN, rot / "data" / "raw" / KOMMUN)
        rapporter = _rapporter(rot, args.period, args.rapporttyp, args.urval)
        namnder = [n for n, _ in rapporter]
        antal_notebooks = sum(len(s) for _, s in rapporter)
        print(f"Exempelkommun {args.period} {args.rapporttyp}: {len(rapporter)} rapporter, {antal_notebooks} "
              f"avsnittsnotebooks, {os.cpu_count()} kärnor.", flush=True)

        print("(a) naiv baslinje: papermill + nbconvert per anrop …", flush=True)
        naiv = _naiv(rot, args.period, args.rapporttyp, rapporter)
        for mapp in ("build", "reports", "data/processed"):
            shutil.rmtree(rot / mapp, ignore_errors=True)
        print("(b) namndrapport build, kallt …", flush=True)
        kall, minne, _ = _bygg(rot, args.period, args.rapporttyp, namnder)
        print("(c) namndrapport build, inget ändrat …", flush=True)
        noop, _, _ = _bygg(rot, args.period, args.rapporttyp, namnder)
        print(f"(d) namndrapport build efter ändrad drift.csv för {namnder[0]} …", flush=True)
        _andra_drift(rot, args.period, namnder[0])
        en, _, sammanfattning = _bygg(rot, args.period, args.rapporttyp, namnder)

        andel = kall / len(rapporter)
        resultat = {"rapporter": len(rapporter), "notebooks": antal_notebooks, "a_naiv_s": naiv, "b_kall_s": kall,
                    "c_noop_s": noop, "d_en_andrad_s": en, "topp_minne_mib": minne / 2**20}
        print()
        print(f"{'':38}{'sekunder':>10}{'mot (a)':>10}")
        print(f"{'(a) naiv baslinje':38}{naiv:10.1f}{1:10.1f}×")
        print(f"{'(b) build, kallt':38}{kall:10.1f}{naiv / kall:10.1f}×   mål ≥ 10×")
        print(f"{'(c) build, inget ändrat':38}{noop:10.2f}{naiv / noop:10.0f}×   (b)/(c) = {kall / noop:.0f}×, mål ≥ 50×")
        print(f"{'(d) build, en nämnds drift ändrad':38}{en:10.1f}{naiv / en:10.1f}×   "
              f"en rapports andel av (b) = {andel:.1f} s; mål ≤ andelen + några sekunder")
        print(f"    ({sammanfattning})")
        print(f"Toppminne under (b), alla processer: {minne / 2**20:.0f} MiB (mål < 2048 MiB)")
        if args.json:
            args.json.write_text(json.dumps(resultat, indent=1))
    finally:
        shutil.rmtree(rot, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Scale benchmark (`make bench-scale`; not part of the tests).

For each N (default 10, 100 and 1000 reports) it writes N synthetic reports' data with
scripts/skapa_skalkommuner.py into a temporary root and measures, in one run:
  (a) a cold build with the local process pool (helpers.bygg.rapport.bygg, arbetare workers);
  (b) the same cold build on a distributed.LocalCluster with as many single-threaded worker processes
      (what `namndrapport build --scheduler` does on a real cluster);
  (c) the no-op build (`namndrapport build` with nothing changed);
and prints per-report cost, total time and the peak memory of the whole process tree (CLI or client,
workers, kernels). Ratios are against the smallest N's local per-report cost, measured in the same run.
It also prints (a)'s CPU seconds per report (user + system of the whole process tree, from getrusage of
the reaped children): on a shared machine this moves much less with the load than the wall time does.
``--bara-lokal`` skips (b).

    python benchmarks/skala.py --n 10,100 [--arbetare 2] [--bara-lokal] [--json skala.json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HAR = Path(__file__).resolve().parent
PROJEKT = HAR.parent
BIN = Path(sys.executable).parent
sys.path[:0] = [str(HAR), str(PROJEKT / "scripts")]

from batch import Minne  # noqa: E402  (peak memory of a process tree, sampled)


def _barn(lage: str, arbetare: int) -> None:
    """Runs in the measured subprocess: build every report under NAMNDRAPPORT_ROOT, print the statuses."""
    from helpers.bygg import rapport as bygg

    beslut = bygg.bedom(bygg.planera())
    if lage == "dask":
        from distributed import LocalCluster

        with LocalCluster(n_workers=arbetare, threads_per_worker=1, processes=True, dashboard_address=None) as kluster:
            resultat = bygg.bygg(beslut, scheduler=kluster.scheduler_address)
    else:
        resultat = bygg.bygg(beslut, arbetare=arbetare)
    fel = [r for r in resultat if r.status != "byggd"]
    print(json.dumps({"byggda": len(resultat) - len(fel), "fel": [f"{r.rapport.namn}: {r.meddelande}" for r in fel[:3]]}))


def _cpu_barn() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _mat(kommando: list[str], rot: Path) -> tuple[float, int, str, float]:
    """Wall seconds, peak memory of the process tree, stdout, and CPU seconds of the (reaped) tree."""
    cpu = _cpu_barn()
    start = time.perf_counter()
    proc = subprocess.Popen(kommando, env={**os.environ, "NAMNDRAPPORT_ROOT": str(rot)}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    minne = Minne(proc.pid)
    ut, fel = proc.communicate()
    sekunder = time.perf_counter() - start
    topp = minne.stoppa()
    cpu = _cpu_barn() - cpu  # kernels are reaped by their worker, workers by the measured process
    if proc.returncode not in (0,):
        raise SystemExit(f"{' '.join(kommando)} misslyckades ({proc.returncode}):\n{ut}\n{fel[-3000:]}")
    return sekunder, topp, ut, cpu


def _kall(rot: Path, lage: str, arbetare: int, n: int) -> tuple[float, int, float]:
    for mapp in ("build", "reports", "data/processed"):
        shutil.rmtree(rot / mapp, ignore_errors=True)
    sekunder, topp, ut, cpu = _mat([sys.executable, __file__, "--barn", lage, "--arbetare", str(arbetare)], rot)
    svar = json.loads(ut.strip().splitlines()[-1])
    if svar["byggda"] != n or svar["fel"]:
        # A long series is not thrown away: what was measured is printed with the failures.
        raise SystemExit(f"({lage}) byggde {svar['byggda']} av {n} på {sekunder:.0f} s ({cpu / max(svar['byggda'], 1):.2f} "
                         f"kärnsekunder per byggd rapport, topp {topp:.0f} MiB): {svar['fel']}")
    return sekunder, topp, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", default="10,100,1000", help="antal rapporter per serie, kommaseparerat")
    parser.add_argument("--arbetare", type=int, default=2, help="processer lokalt och Dask-arbetare i klustret")
    parser.add_argument("--bara-lokal", action="store_true", help="mät inte (b), Dask-klustret")
    parser.add_argument("--json", type=Path, help="skriv resultaten även som JSON hit")
    parser.add_argument("--barn", choices=("lokal", "dask"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.barn:
        return _barn(args.barn, args.arbetare)

    import skapa_skalkommuner

    serier = [int(n) for n in args.n.split(",")]
    print(f"Skalbenchmark {time.strftime('%Y-%m-%d %H:%M')}: N = {', '.join(map(str, serier))} rapporter "
          f"(delårsrapport, 6 avsnitt var), {args.arbetare} arbetare, {os.cpu_count()} kärnor.", flush=True)
    resultat = []
    for n in serier:
        rot = Path(tempfile.mkdtemp(prefix=f"namndrapport-skala-{n}-"))
        try:
            kommuner = skapa_skalkommuner.skriv(rot / "data" / "raw", n)
            print(f"N = {n}: {len(kommuner)} kommuner; (a) lokal pool …", flush=True)
            lokal, lokal_minne, lokal_cpu = _kall(rot, "lokal", args.arbetare, n)
            print(f"N = {n}: (c) inget ändrat …", flush=True)
            noop, _, _, _ = _mat([str(BIN / "namndrapport"), "build"], rot)
            dask = dask_minne = float("nan")
            if not args.bara_lokal:
                print(f"N = {n}: (b) Dask LocalCluster …", flush=True)
                dask, dask_minne, _ = _kall(rot, "dask", args.arbetare, n)
            resultat.append({"n": n, "kommuner": len(kommuner), "lokal_s": lokal, "lokal_minne_mib": lokal_minne / 2**20,
                             "lokal_cpu_s": lokal_cpu, "dask_s": dask, "dask_minne_mib": dask_minne / 2**20,
                             "noop_s": noop})
        finally:
            shutil.rmtree(rot, ignore_errors=True)

    bas = resultat[0]["lokal_s"] / resultat[0]["n"]
    print()
    print(f"{'N':>6}{'kommuner':>9} | {'(a) lokal s':>11}{'s/rapport':>10}{'mot bas':>8}{'MiB':>7} | "
          f"{'(b) Dask s':>10}{'s/rapport':>10}{'mot (a)':>8}{'MiB':>7} | {'(c) no-op s':>11}{'(a)/(c)':>8} | "
          f"{'(a) CPU s/rapport':>17}")
    for r in resultat:
        n = r["n"]
        print(f"{n:>6}{r['kommuner']:>9} | {r['lokal_s']:>11.1f}{r['lokal_s'] / n:>10.2f}{r['lokal_s'] / n / bas:>7.2f}×"
              f"{r['lokal_minne_mib']:>7.0f} | {r['dask_s']:>10.1f}{r['dask_s'] / n:>10.2f}{r['dask_s'] / r['lokal_s']:>7.2f}×"
              f"{r['dask_minne_mib']:>7.0f} | {r['noop_s']:>11.2f}{r['lokal_s'] / r['noop_s']:>7.0f}× | "
              f"{r['lokal_cpu_s'] / n:>17.2f}")
    sist = resultat[-1]
    per_rapport_karna = sist["lokal_s"] / sist["n"] * args.arbetare  # one core's seconds per report
    print(f"\nBas: (a) vid N = {resultat[0]['n']}, {bas:.2f} s/rapport. Vid N = {sist['n']}: "
          f"{per_rapport_karna:.2f} kärnsekunder per rapport.")
    if args.json:
        args.json.write_text(json.dumps({"arbetare": args.arbetare, "karnor": os.cpu_count(), "serier": resultat},
                                        indent=1))


if __name__ == "__main__":
    main()

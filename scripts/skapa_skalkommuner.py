"""Generate N synthetic municipalities for the scale benchmark (benchmarks/skala.py). Deterministic: the
same seed and N always write byte-identical files. Written under a separate root, never data/raw, so the
sample data in the repository stays small.

Each kommun is a variant of Exempelkommun (scripts/skapa_exempelkommun.py, whose generator functions
are reused): one delårsrapport period (2024-08) whose number of nämnder (1–11), size (budget frame ×0.05–5),
data volume (units per avdelning ×1–4) and goal depth (1–4 nämndmål per nämnd) vary from kommun to kommun.
Kommuner are added until the period holds exactly N reports (one per nämnd).

    python scripts/skapa_skalkommuner.py --rapporter 100 --ut build/skala
    NAMNDRAPPORT_ROOT=build/skala namndrapport build
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import skapa_exempelkommun as exempel  # noqa: E402

PERIOD, TILL_MANAD = "2024-08", 8
NAMNDER, AVDELNINGAR = list(exempel.NAMNDER), dict(exempel.AVDELNINGAR)  # before skriv_kommun patches them


class _MalRng(random.Random):
    """Exempelkommun gives each nämnd two nämndmål (``rng.sample(kf, 2)``); a scale kommun gives it 1–4."""

    antal_mal = 2

    def sample(self, population, k, **kw):
        return super().sample(population, min(self.antal_mal, len(population)), **kw)


def _variant(rng: random.Random, antal_namnder: int) -> tuple[list, dict]:
    """The nämnder and avdelningar of one kommun: a subset of Exempelkommun's, scaled."""
    storlek = rng.lognormvariate(0, 0.8)  # most kommuner are small, a few are large
    storlek = min(max(storlek, 0.05), 5.0)
    enheter_gange = 1 + min(int(storlek), 3)  # big kommuner split each unit in several
    # Kommunstyrelsen always; the rest drawn without replacement, in Exempelkommun's order.
    valda = {"ks", *rng.sample([n[0] for n in NAMNDER[1:]], antal_namnder - 1)}
    namnder = [(nid, namn, forv, max(round(ram * storlek), 500)) for nid, namn, forv, ram in NAMNDER
               if nid in valda]
    avdelningar = {}
    for nid, *_ in namnder:
        avdelningar[nid] = {avd: [f"{e} {i}" if i else e for e in enheter for i in range(enheter_gange)]
                            for avd, enheter in AVDELNINGAR[nid].items()}
    return namnder, avdelningar


def skriv_kommun(ut: Path, kid: str, namn: str, fro: int, antal_namnder: int) -> int:
    """One scale kommun under ut/<kid>; returns its number of reports."""
    rng = random.Random(f"{fro}-{kid}")
    namnder, avdelningar = _variant(rng, antal_namnder)
    exempel.NAMNDER, exempel.AVDELNINGAR, exempel.FRO = namnder, avdelningar, fro  # the generator reads globals
    mapp = ut / kid
    (mapp / PERIOD).mkdir(parents=True, exist_ok=True)
    yaml = exempel.kommun_yaml().replace("namn: Exempelkommun", f"namn: {namn}", 1)
    (mapp / "kommun.yaml").write_text(yaml.replace("# Exempelkommun:", f"# {namn} (skalkommun):", 1), encoding="utf-8")
    (mapp / PERIOD / "period.yaml").write_text(
        f"# Syntetisk skalperiod. Delår januari–augusti {exempel.AR}.\nar: {exempel.AR}\ntill_manad: {TILL_MANAD}\n"
        "rapporttyper: [delarsrapport]\n", encoding="utf-8")
    prng = _MalRng(f"{fro}-{kid}-{PERIOD}")
    prng.antal_mal = rng.randint(1, 4)
    drift_csv, summor = exempel.drift(prng, TILL_MANAD)
    tabeller = {"drift": drift_csv, "resultat": exempel.resultat(prng, summor, TILL_MANAD)[0],
                **exempel.mal_och_indikatorer(prng, TILL_MANAD), **exempel.ovrigt(prng, TILL_MANAD)}
    for tnamn, text in tabeller.items():
        (mapp / PERIOD / f"{tnamn}.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    exempel.kommentarer(mapp / PERIOD, {"sammanfattning": "Nämnden har i huvudsak bedrivit verksamheten enligt "
                                                          "plan. *Syntetisk exempeltext.*"}, exempel.AR)
    # The Kolada recordings are built from the årsredovisning period's indicators: lend it this period's.
    arsmapp = mapp / str(exempel.AR)
    arsmapp.mkdir(exist_ok=True)
    for fil in ("indikatorer.csv", "indikatorvarden.csv"):
        shutil.copyfile(mapp / PERIOD / fil, arsmapp / fil)
    try:
        exempel.kolada_inspelning(mapp)
    finally:
        shutil.rmtree(arsmapp)
    return len(namnder)


def skriv(ut: Path, rapporter: int, fro: int = 4711) -> list[tuple[str, int]]:
    """Kommuner skala001, skala002, … until they hold ``rapporter`` reports; returns (id, reports) pairs."""
    sparat = exempel.NAMNDER, exempel.AVDELNINGAR, exempel.FRO
    rng = random.Random(fro)
    kommuner, kvar = [], rapporter
    try:
        while kvar > 0:
            antal = min(rng.randint(1, len(NAMNDER)), kvar)
            kid = f"skala{len(kommuner) + 1:03d}"
            kommuner.append((kid, skriv_kommun(ut, kid, f"Skalkommun {len(kommuner) + 1}", fro, antal)))
            kvar -= kommuner[-1][1]
    finally:
        exempel.NAMNDER, exempel.AVDELNINGAR, exempel.FRO = sparat
    return kommuner


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rapporter", "-n", type=int, default=100, help="antal rapporter (nämnder) totalt")
    parser.add_argument("--ut", type=Path, required=True,
                        help="projektrot att skriva till; data hamnar i <ut>/data/raw (aldrig projektets data/raw)")
    parser.add_argument("--fro", type=int, default=4711, help="slumpfrö")
    args = parser.parse_args()
    raw = args.ut.resolve() / "data" / "raw"
    if raw == (Path(__file__).resolve().parents[1] / "data" / "raw"):
        parser.error("skriv inte skalkommunerna i projektets data/raw (välj t.ex. --ut build/skala)")
    if raw.exists():
        shutil.rmtree(raw)
    kommuner = skriv(raw, args.rapporter, args.fro)
    print(f"{len(kommuner)} kommuner, {sum(n for _, n in kommuner)} rapporter → {raw}")


if __name__ == "__main__":
    main()

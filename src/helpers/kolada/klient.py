"""Kolada (API v3): key figures for the municipality, riket and its comparison groups, fetched once and
kept in a cache that builds read — a build never touches the network.

- ``Klient`` talks to https://api.kolada.se/v3/: ids chunked by 25 per path segment, pages followed
  through ``next_url``, a few requests per second, retries with backoff on 429, 5xx and connection
  errors, a clear ``KoladaFel`` on other errors, rows with ``isdeleted`` dropped. HTTP responses are
  cached with requests-cache. (koladapy, the PyPI client, was tried first: it sends the ids as query
  parameters instead of the documented path segments, and it never retries a 5xx; see the README.)
- ``hamta`` fetches every KPI the municipality's indicators name, for the municipality, riket (0000) and
  the comparison groups in kommun.yaml, and writes ``data/processed/kolada/<kommun>/varden.parquet``
  atomically; on failure the previous cache stays.
- ``data/raw/<kommun>/kolada/*.json`` may hold recorded API responses (the sample data does): they are
  read into the cache when there is none, so the sample reports build offline.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from urllib.parse import urljoin

from helpers.konfig import kommun as config
from helpers.konfig import sokvagar as paths

BAS = "https://api.kolada.se/v3/"
RIKET = "0000"
MAX_ID = 25
KOLUMNER = ["kpi", "kommun", "ar", "kon", "varde", "status", "hamtad"]


class KoladaFel(Exception):
    """Kolada could not be reached or answered with an error; the message says which and what to do."""


class Klient:
    def __init__(self, bas: str = BAS, session=None, per_sekund: float = 4.0, forsok: int = 5,
                 vantan: float = 1.0, timeout: float = 30.0):
        if session is None:
            from helpers.fel import importera_tillagg

            requests_cache = importera_tillagg("requests_cache", "kolada")
            cache = paths.processed() / "kolada" / "http"
            cache.parent.mkdir(parents=True, exist_ok=True)
            session = requests_cache.CachedSession(str(cache), backend="sqlite", expire_after=dt.timedelta(days=1))
        self.bas, self.session, self.forsok, self.vantan, self.timeout = bas, session, forsok, vantan, timeout
        self._intervall = 1.0 / per_sekund
        self._senast = 0.0

    def _get(self, url: str) -> dict:
        from helpers.fel import importera_tillagg

        requests = importera_tillagg("requests", "kolada")
        for forsok in range(1, self.forsok + 1):
            paus = self._intervall - (time.monotonic() - self._senast)
            if paus > 0:
                time.sleep(paus)
            self._senast = time.monotonic()
            try:
                svar = self.session.get(url, timeout=self.timeout)
            except requests.exceptions.RequestException as e:
                if forsok == self.forsok:
                    raise KoladaFel(f"ingen kontakt med Kolada ({url}): {e}. Kontrollera nätverket; "
                                    "befintlig cache används.") from None
            else:
                if svar.status_code == 429 or svar.status_code >= 500:
                    if forsok == self.forsok:
                        raise KoladaFel(f"Kolada svarade {svar.status_code} efter {forsok} försök ({url}).")
                    vanta = float(svar.headers.get("Retry-After") or 0)
                    time.sleep(max(vanta, self.vantan * 2 ** (forsok - 1)))
                    continue
                if svar.status_code >= 400:
                    raise KoladaFel(f"Kolada svarade {svar.status_code} för {url}: {svar.text[:200]} "
                                    "(finns id:t? kolada_id i indikatorer.csv)")
                return svar.json()
            time.sleep(self.vantan * 2 ** (forsok - 1))
        raise KoladaFel(f"Kolada kunde inte nås ({url}).")  # pragma: no cover (loop always returns or raises)

    def _alla_sidor(self, sokvag: str) -> list[dict]:
        url, rader = urljoin(self.bas, sokvag), []
        while url:
            svar = self._get(url)
            rader += svar.get("values", [])
            url = svar.get("next_url")  # v3; v2 called it next_page
        return rader

    def kpi(self, ids: list[str]) -> list[dict]:
        return [k for del_ in _bitar(ids) for k in self._alla_sidor(f"kpi/{','.join(del_)}")]

    def kommungrupper(self, titel: str | None = None) -> list[dict]:
        """Municipality groups (e.g. Kolada's "Liknande kommuner" groups), optionally searched by title;
        each with its members, for choosing `kolada.jamforelse` in kommun.yaml."""
        from urllib.parse import quote

        return self._alla_sidor("municipality_groups" + (f"?title={quote(titel)}" if titel else ""))

    def varden(self, kpi: list[str], kommuner: list[str], ar: list[int]) -> list[dict]:
        """Flat rows: kpi, kommun, ar, kon (T/K/M), varde (None when missing), status."""
        rader = []
        for k in _bitar(kpi):
            for m in _bitar(kommuner):
                for a in _bitar([str(x) for x in ar]):
                    sokvag = f"data/kpi/{','.join(k)}/municipality/{','.join(m)}/year/{','.join(a)}?per_page=5000"
                    rader += platta(self._alla_sidor(sokvag))
        return rader


def _bitar(ids: list[str], n: int = MAX_ID) -> list[list[str]]:
    return [ids[i:i + n] for i in range(0, len(ids), n)]


def platta(rader: list[dict]) -> list[dict]:
    """API rows → one row per gender; rows marked isdeleted are dropped."""
    ut = []
    for r in rader:
        for v in r.get("values", []):
            if v.get("isdeleted"):
                continue
            ut.append({"kpi": r["kpi"], "kommun": r["municipality"], "ar": int(r["period"]), "kon": v.get("gender", "T"),
                       "varde": v.get("value"), "status": v.get("status") or None})
    return ut


def _cachemapp(kommun_id: str) -> Path:
    return paths.processed() / "kolada" / kommun_id


def kpi_ids(kommun: config.Kommun) -> list[str]:
    """Every Kolada id named in the municipality's indicator tables, over all periods."""
    import pandas as pd

    from helpers.indata.lasare import las_tabell
    from helpers.indata.scheman import TABELLER

    ids: set[str] = set()
    for period in config.perioder(kommun):
        fil = period.mapp / "indikatorer.csv"
        if fil.exists():
            df, _ = las_tabell(fil, TABELLER["indikatorer"])
            ids |= {str(x).strip() for x in df["kolada_id"] if not pd.isna(x) and str(x).strip()}
    return sorted(ids)


def jamforelser(kommun: config.Kommun) -> list[dict]:
    """Comparison units from kommun.yaml (`kolada: {jamforelse: [{id, namn}]}`), riket first."""
    egna = (kommun.kolada or {}).get("jamforelse") or []
    return [{"id": RIKET, "namn": "Riket"}] + [{"id": str(j["id"]), "namn": j.get("namn", str(j["id"]))} for j in egna]


def hamta(kommun_id: str, ar: list[int] | None = None, klient: Klient | None = None) -> Path:
    """Fetch and write the cache. Raises KoladaFel (and leaves the old cache) when Kolada cannot be used."""
    kommun = config.las_kommun(kommun_id)
    ids = kpi_ids(kommun)
    if not ids:
        raise KoladaFel(f"inga kolada_id i {kommun.id}s indikatorer.csv; inget att hämta")
    ar = ar or list(range(dt.date.today().year - 8, dt.date.today().year + 1))
    klient = klient or Klient()
    enheter = [kommun.kod] + [j["id"] for j in jamforelser(kommun)]
    rader = klient.varden(ids, enheter, ar)
    meta = klient.kpi(ids)
    return _skriv_cache(kommun_id, rader, meta, dt.datetime.now().isoformat(timespec="seconds"), "api.kolada.se")


def _skriv_cache(kommun_id: str, rader: list[dict], meta: list[dict], hamtad: str, kalla: str) -> Path:
    import pandas as pd

    from helpers.filer import skriv_atomiskt

    mapp = _cachemapp(kommun_id)
    mapp.mkdir(parents=True, exist_ok=True)
    df = pd.DataFrame(rader, columns=KOLUMNER[:-1]).assign(hamtad=hamtad)
    df["varde"] = pd.to_numeric(df["varde"], errors="coerce")
    skriv_atomiskt(mapp / "varden.parquet", df.to_parquet(index=False))
    skriv_atomiskt(mapp / "kpi.json", json.dumps({"hamtad": hamtad, "kalla": kalla, "kpi": meta},
                                                  ensure_ascii=False, indent=1))
    return mapp / "varden.parquet"


def inspelning(kommun: config.Kommun) -> Path:
    return kommun.mapp / "kolada"


def las(kommun_id: str):
    """The cached values (a DataFrame, possibly empty) and when they were fetched. Never the network:
    with no cache, recorded responses in data/raw/<kommun>/kolada/ are read in if there are any."""
    import pandas as pd
    from filelock import FileLock

    kommun = config.las_kommun(kommun_id)
    mapp = _cachemapp(kommun_id)
    fil = mapp / "varden.parquet"
    if not fil.exists() and inspelning(kommun).is_dir():
        mapp.mkdir(parents=True, exist_ok=True)
        with FileLock(str(mapp) + ".lock"):
            if not fil.exists():
                _importera(kommun)
    if not fil.exists():
        return pd.DataFrame(columns=KOLUMNER), None
    hamtad = json.loads((mapp / "kpi.json").read_text(encoding="utf-8")).get("hamtad") if (mapp / "kpi.json").exists() else None
    return pd.read_parquet(fil), hamtad


def _importera(kommun: config.Kommun) -> None:
    """Recorded responses (`data/...json` files in the API's shape, `kpi.json` metadata) → the cache."""
    rader, meta, hamtad = [], [], None
    for fil in sorted(inspelning(kommun).glob("*.json")):
        innehall = json.loads(fil.read_text(encoding="utf-8"))
        hamtad = innehall.get("hamtad", hamtad)
        if fil.name == "kpi.json":
            meta = innehall.get("values", [])
        else:
            rader += platta(innehall.get("values", []))
    _skriv_cache(kommun.id, rader, meta, hamtad or "okänt", f"inspelade svar i {inspelning(kommun).name}/")

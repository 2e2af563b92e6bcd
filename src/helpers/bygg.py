"""Build reports: run each section notebook with papermill, stitch the outputs into one HTML page with
nbconvert and the template in helpers/templates/namndrapport, and write it atomically.

One failing report never stops the others: each report is built in its own try, and the error (with
the path to the executed notebook of the failing section) goes into the result.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import __version__, config, data, paths
from .fel import DataFel
from .filer import skriv_atomiskt
from .korning import SektionsFel


@dataclass(frozen=True)
class Rapport:
    kommun: str
    namnd: str
    period: str
    rapporttyp: str

    @property
    def namn(self) -> str:
        return f"{self.kommun}/{self.period}/{self.rapporttyp}/{self.namnd}"

    @property
    def utfil(self) -> Path:
        return paths.reports() / self.kommun / self.period / self.rapporttyp / f"{self.namnd}.html"

    @property
    def byggmapp(self) -> Path:
        return paths.build() / self.kommun / self.period / self.rapporttyp / self.namnd


@dataclass
class Byggresultat:
    rapport: Rapport
    status: str  # byggd | fel
    sekunder: float = 0.0
    meddelande: str = ""
    notebook: str | None = None
    sektioner: list[str] = field(default_factory=list)


def planera(kommun: str | None = None, namnder: list[str] | None = None, period: str | None = None,
            rapporttyp: str | None = None) -> list[Rapport]:
    """Every report the data supports, narrowed by the given filters."""
    rapporter = []
    for kid in [kommun] if kommun else config.kommuner():
        k = config.las_kommun(kid)
        for p in [config.las_period(k, period)] if period else config.perioder(k):
            for rid in p.rapporttyper:
                if rapporttyp and rid != rapporttyp:
                    continue
                for nid in p.namnder:
                    if (namnder and nid not in namnder) or not k.sektionslista(rid, nid):
                        continue
                    rapporter.append(Rapport(k.id, nid, p.id, rid))
    return rapporter


def _titel(k: config.Kommun, rapport: Rapport, period: config.Period) -> str:
    rt = k.rapporttyper[rapport.rapporttyp]
    return rt.titel.format(namnd=k.namnd(rapport.namnd).namn, rapporttyp=rt.namn.lower(), period=period.namn,
                           kommun=k.namn)


def kor_sektion(rapport: Rapport, sektion_id: str, notebook: Path, ut: Path, timeout: int = 600):
    """Execute one section notebook in this process's warm kernel; returns the executed notebook."""
    from .korning import karna

    parametrar = {"kommun": rapport.kommun, "namnd": rapport.namnd, "period": rapport.period,
                  "rapporttyp": rapport.rapporttyp, "sektion": sektion_id}
    return karna(paths.NOTEBOOKS).kor(notebook, parametrar, ut, timeout)


@lru_cache(maxsize=1)
def _exporter():
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="namndrapport", extra_template_basedirs=[str(paths.MALLAR)],
                        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True)


def sy_ihop(k: config.Kommun, rapport: Rapport, period: config.Period, sektioner: list[tuple[dict, object]]) -> str:
    """Stitch executed section notebooks into one HTML page (no code, no prompts, no stderr)."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    innehall = []
    for sektion, executed in sektioner:
        innehall.append({"id": sektion["id"], "titel": sektion["titel"]})
        rubrik = nbformat.v4.new_code_cell("", id=f"{sektion['id']}-rubrik")
        rubrik.outputs = [nbformat.v4.new_output(
            "display_data", data={"text/html": f'<h2 class="sektion" id="{sektion["id"]}">{sektion["titel"]}</h2>'})]
        nb.cells.append(rubrik)
        for cell in executed.cells:
            if cell.cell_type != "code" or "parameters" in cell.metadata.get("tags", []):
                continue
            cell.outputs = [o for o in cell.outputs if o.output_type in ("display_data", "execute_result")]
            if cell.outputs:
                cell.id = f"{sektion['id']}-{len(nb.cells)}"  # one notebook may render several sections
                nb.cells.append(cell)
    namnd = k.namnd(rapport.namnd)
    nb.metadata["namndrapport"] = {
        "titel": _titel(k, rapport, period), "kommun": k.namn, "namnd": namnd.namn,
        "rapporttyp": k.rapporttyper[rapport.rapporttyp].namn, "period": period.namn,
        "datum": dt.date.today().isoformat(), "sektioner": innehall, "version": __version__,
        "syntetisk": k.syntetisk,
    }
    html, _ = _exporter().from_notebook_node(nb)
    return html


def bygg_rapport(rapport: Rapport, timeout: int = 600) -> Byggresultat:
    start = time.perf_counter()
    aktuell_notebook = None
    try:
        k = config.las_kommun(rapport.kommun)
        period = config.las_period(k, rapport.period)
        data.forbered(k.id, period.id)
        executed = []
        sid = None
        for sid in k.sektionslista(rapport.rapporttyp, rapport.namnd):
            s = k.sektioner[sid]
            aktuell_notebook = rapport.byggmapp / f"{sid}.ipynb"
            nb = kor_sektion(rapport, sid, paths.NOTEBOOKS / s["notebook"], aktuell_notebook, timeout)
            executed.append(({"id": sid, "titel": s.get("titel", sid)}, nb))
        html = sy_ihop(k, rapport, period, executed)
        skriv_atomiskt(rapport.utfil, html)
        return Byggresultat(rapport, "byggd", time.perf_counter() - start,
                            sektioner=[s["id"] for s, _ in executed])
    except DataFel as e:
        return Byggresultat(rapport, "fel", time.perf_counter() - start, str(e))
    except SektionsFel as e:
        return Byggresultat(rapport, "fel", time.perf_counter() - start, f"sektion {sid}: {e}", str(e.notebook))
    except Exception as e:  # noqa: BLE001 — one report's failure must not stop the batch
        return Byggresultat(rapport, "fel", time.perf_counter() - start,
                            "".join(traceback.format_exception_only(e)).strip(),
                            str(aktuell_notebook) if aktuell_notebook else None)


def bygg(rapporter: list[Rapport], arbetare: int | None = None, vid_klar=None) -> list[Byggresultat]:
    """Build reports in parallel processes (papermill changes the working directory: not thread-safe)."""
    arbetare = max(1, min(arbetare or os.cpu_count() or 1, len(rapporter) or 1))
    resultat = []
    if arbetare == 1:
        for r in rapporter:
            resultat.append(bygg_rapport(r))
            if vid_klar:
                vid_klar(resultat[-1])
        return resultat
    with ProcessPoolExecutor(max_workers=arbetare) as pool:
        framtider = {pool.submit(bygg_rapport, r): r for r in rapporter}
        for f in as_completed(framtider):
            resultat.append(f.result())
            if vid_klar:
                vid_klar(resultat[-1])
    ordning = {r: i for i, r in enumerate(rapporter)}
    return sorted(resultat, key=lambda x: ordning[x.rapport])

"""Build reports: run each section notebook with papermill, stitch the outputs into one HTML page with
nbconvert and the template in helpers/templates/namndrapport, and write it atomically.

One failing report never stops the others: each report is built in its own try, and the error (with
the path to the executed notebook of the failing section) goes into the result.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import lru_cache
import re
from html import unescape
from pathlib import Path

from markupsafe import Markup

from helpers import __version__, avsnitt
from helpers.bygg import avtryck
from helpers.bygg.karna import SektionsFel
from helpers.fel import DataFel, Problem, visningsnamn
from helpers.filer import skriv_atomiskt
from helpers.konfig import kommun as config
from helpers.konfig import sokvagar as paths
from helpers.presentation import stil


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
    status: str  # byggd | återanvänd | fel
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
    from helpers.presentation import titel

    rt = k.rapporttyper[rapport.rapporttyp]
    fel = titel.kontrollera_mall(rt.titel)
    if fel:
        raise DataFel([Problem(visningsnamn(k.mapp / "kommun.yaml"), None, f"rapporttyper.{rt.id}.titel", None, f)
                       for f in fel])
    return titel.rapporttitel(rt.titel, namnd=k.namnd(rapport.namnd).namn, kommun=k.namn, rapporttyp=rt.namn,
                              period=period)


def kor_sektion(rapport: Rapport, sektion_id: str, notebook: Path, ut: Path, timeout: int = 600,
                lage: str = "utkast"):
    """Execute one section notebook in this process's warm kernel; returns the executed notebook."""
    from helpers.bygg.karna import karna

    parametrar = {"kommun": rapport.kommun, "namnd": rapport.namnd, "period": rapport.period,
                  "rapporttyp": rapport.rapporttyp, "avsnitt": sektion_id, "datarot": str(paths.rot()), "lage": lage}
    return karna(paths.notebooks()).kor(notebook, parametrar, ut, timeout)


@lru_cache(maxsize=1)
def _exporter():
    from nbconvert import HTMLExporter

    # optimistic_validation: validate the stitched notebook once after all preprocessors, not after each of
    # them (a dozen full schema checks of every output per report, images included); invalid still raises.
    return HTMLExporter(template_name="namndrapport", extra_template_basedirs=[str(paths.MALLAR)],
                        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True,
                        optimistic_validation=True)


_BILDTEXT = re.compile(r"<(caption|figcaption)([^>]*)>(.*?)</\1>", re.S)
_EGET_NUMMER = re.compile(r"^\s*(?:Tabell|Diagram|Figur)\s+\d+\s*[.:]\s*")


def numrera(nb) -> list[dict]:
    """Number every table caption "Tabell N" and figure caption "Diagram N" in reading order, give each an
    id, and return the list for the report's list of tables and figures.

    The number is an attribute (``data-nummer``, shown by rapport.css before the caption), so the caption
    text stays the table's own title. A report whose captions carry the published report's own numbers
    ("Tabell 5. …", which its text cross-references) keeps that scheme for that kind of caption: renumbering
    would break the references, so those captions get no second number."""
    figurer, antal = [], {"caption": 0, "figcaption": 0}
    utdata = [o for cell in nb.cells for o in cell.get("outputs", []) if "text/html" in o.get("data", {})]
    for o in utdata:
        html = o["data"]["text/html"]
        o["data"]["text/html"] = "".join(html) if isinstance(html, list) else html
    egna = {tagg for o in utdata for tagg, _, innehall in _BILDTEXT.findall(o["data"]["text/html"])
            if _EGET_NUMMER.match(unescape(re.sub(r"<[^>]+>", "", innehall)))}

    def ersatt(m: re.Match) -> str:
        tagg, attr, innehall = m.groups()
        antal[tagg] += 1
        fid = f"{'tabell' if tagg == 'caption' else 'diagram'}-{antal[tagg]}"
        # Tags off first, then entities: an escaped "&lt;img …&gt;" in a caption stays text in the list of
        # tables (the template escapes it again) instead of being taken for a tag and dropped.
        text = " ".join(unescape(re.sub(r"<[^>]+>", "", innehall)).split())
        if tagg in egna:
            eget = _EGET_NUMMER.match(text)
            etikett = eget.group(0).strip().rstrip(".:") if eget else ""
            text = text[eget.end():] if eget else text
            nummer = ""
        else:
            etikett = f"{'Tabell' if tagg == 'caption' else 'Diagram'} {antal[tagg]}"
            nummer = f' data-nummer="{etikett}"'
        figurer.append({"id": fid, "etikett": etikett, "text": text})
        attr = re.sub(r'\s(id|data-nummer)="[^"]*"', "", attr)
        return f'<{tagg}{attr} id="{fid}"{nummer}>{innehall}</{tagg}>'

    for o in utdata:
        o["data"]["text/html"] = _BILDTEXT.sub(ersatt, o["data"]["text/html"])
    return figurer


_VISADE_TYPER = {"text/html", "image/png", "text/plain"}


def sy_ihop(k: config.Kommun, rapport: Rapport, period: config.Period, sektioner: list[tuple[dict, object]],
            varningar: list[str] | tuple[str, ...] = ()) -> str:
    """Stitch executed section notebooks into one HTML page (no code, no prompts, no stderr). ``varningar``:
    validation warnings to show in a box first (draft builds only; the final build passes none)."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    innehall = []
    if varningar:
        ruta = nbformat.v4.new_code_cell("", id="utkast-varningar")
        ruta.outputs = [nbformat.v4.new_output("display_data", data={"text/html": str(Markup(
            '<aside class="utkast-varningar" role="note" aria-label="Varningar från valideringen">'
            "<p><strong>Utkast: {} från valideringen.</strong> Rutan finns inte i slutversionen "
            "(<code>namndrapport build --final</code>).</p><ul>{}</ul></aside>").format(
                f"{len(varningar)} varning" + ("ar" if len(varningar) != 1 else ""),
                Markup("").join(Markup("<li>{}</li>").format(v) for v in varningar)))})]
        nb.cells.append(ruta)
    for sektion, executed in sektioner:
        innehall.append({"id": sektion["id"], "titel": sektion["titel"]})
        rubrik = nbformat.v4.new_code_cell("", id=f"{sektion['id']}-rubrik")
        h2 = Markup('<h2 class="sektion" id="{}">{}</h2>').format(sektion["id"], sektion["titel"])
        rubrik.outputs = [nbformat.v4.new_output("display_data", data={"text/html": str(h2)})]
        nb.cells.append(rubrik)
        for cell in executed.cells:
            if cell.cell_type != "code" or {"parameters", "utforska"} & set(cell.metadata.get("tags", [])):
                continue
            # Only what the section shows through helpers.presentation.visning (display_data): a bare
            # expression an analyst leaves in a cell (execute_result) is exploration, not report.
            cell.outputs = [o for o in cell.outputs if o.output_type == "display_data"]
            for o in cell.outputs:
                # visning's HTML and plain text only: nbconvert would print a Javascript, SVG or Markdown
                # output (raw HTML passes its Markdown) into the page as live markup.
                o.data = {m: v for m, v in o.get("data", {}).items() if m in _VISADE_TYPER}
            cell.outputs = [o for o in cell.outputs if o.data]
            for o in cell.outputs:  # the page has rapport.css once: drop each table's notebook copy of it
                if "text/html" in o.get("data", {}):
                    o.data["text/html"] = stil.i_rapport(o.data["text/html"])
            if cell.outputs:
                cell.id = f"{sektion['id']}-{len(nb.cells)}"  # one notebook may render several sections
                nb.cells.append(cell)
    namnd = k.namnd(rapport.namnd)
    figurer = numrera(nb)
    nb.metadata["namndrapport"] = {
        "titel": _titel(k, rapport, period), "kommun": k.namn, "namnd": namnd.namn,
        "rapporttyp": k.rapporttyper[rapport.rapporttyp].namn, "period": period.namn,
        "datum": dt.date.today().isoformat(), "sektioner": innehall, "version": __version__,
        "syntetisk": k.syntetisk, "beslut": period.beslut, "figurer": figurer,
    }
    html, _ = _exporter().from_notebook_node(nb)
    return html


def _cachefil(rapport: Rapport) -> Path:
    return paths.build() / "cache" / rapport.kommun / rapport.period / rapport.rapporttyp / f"{rapport.namnd}.json"


def las_post(rapport: Rapport) -> dict | None:
    """The cache record of a report's last build, if any."""
    try:
        return json.loads(_cachefil(rapport).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _skriv_post(rapport: Rapport, post: dict) -> None:
    skriv_atomiskt(_cachefil(rapport), json.dumps(post, ensure_ascii=False, indent=1))


@dataclass
class Beslut:
    """Whether a report must be built, and why."""
    rapport: Rapport
    bygg: bool
    orsak: str
    komponenter: dict = field(default_factory=dict)
    tvinga: bool = False  # --force: run every section again, reuse no cached section notebook


def _notebooks(k: config.Kommun, rapport: Rapport, mapp: Path | None = None) -> dict[str, Path]:
    mapp = mapp or paths.notebooks()  # found once per call, not once per section
    return {sid: mapp / k.sektioner[sid]["notebook"] for sid in k.sektionslista(rapport.rapporttyp, rapport.namnd)}


def bedom(rapporter: list[Rapport], tvinga: bool = False, slutlig: bool = False) -> list[Beslut]:
    """Compare each report's fingerprint with its last good build. Cheap: no pandas, no notebooks.
    ``slutlig``: a final build, which fails on missing commentary instead of marking it."""
    beslut = []
    mapp = paths.notebooks() if rapporter else None
    for r in rapporter:
        k = config.las_kommun(r.kommun)
        period = config.las_period(k, r.period)
        komponenter = avtryck.rapport(k.mapp, period.mapp, r.namnd, _notebooks(k, r, mapp))
        komponenter["läge"] = "slutlig" if slutlig else "utkast"
        post = las_post(r)
        if tvinga:
            beslut.append(Beslut(r, True, "--force", komponenter, tvinga=True))
        elif post is None:
            beslut.append(Beslut(r, True, "ny", komponenter))
        elif post.get("status") != "byggd":
            beslut.append(Beslut(r, True, "förra bygget misslyckades", komponenter))
        elif not r.utfil.exists() or r.utfil.stat().st_size != post.get("storlek"):
            beslut.append(Beslut(r, True, "rapportfilen saknas eller har ändrats", komponenter))
        elif post.get("avtryck") != avtryck.summa(komponenter):
            andrat = avtryck.andringar(post.get("komponenter", {}), komponenter)
            beslut.append(Beslut(r, True, "ändrat: " + ", ".join(andrat), komponenter))
        else:
            beslut.append(Beslut(r, False, "oförändrad", komponenter))
    return beslut


def bygg_rapport(rapport: Rapport, komponenter: dict | None = None, timeout: int = 600,
                 tvinga: bool = False) -> Byggresultat:
    """Build one report; sections whose fingerprint is unchanged reuse their executed notebook (unless
    ``tvinga``, i.e. --force). Holds a lock per report, so two builds of the same tree never write the
    same files at once. The report is built from one snapshot of data/processed: if the snapshot changed
    or vanished while the sections ran, the report fails instead of mixing two versions of the data."""
    from filelock import FileLock

    start = time.perf_counter()
    aktuell_notebook = None
    sid = None
    las = paths.build() / "las" / f"{rapport.namn.replace('/', '_')}.lock"
    las.parent.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(str(las)):
            k = config.las_kommun(rapport.kommun)
            period = config.las_period(k, rapport.period)
            if komponenter is None:
                komponenter = avtryck.rapport(k.mapp, period.mapp, rapport.namnd, _notebooks(k, rapport))
            from helpers.indata import lager as data

            saknade = avsnitt.saknade_tabeller(k, period, rapport.rapporttyp, rapport.namnd)
            if saknade:
                raise DataFel(saknade)
            data.forbered(k.id, period.id)
            fore = data.ogonblick(k.id, period.id)
            executed, ateranvanda = [], []
            for sid in k.sektionslista(rapport.rapporttyp, rapport.namnd):
                s = k.sektioner[sid]
                aktuell_notebook = rapport.byggmapp / f"{sid}.ipynb"
                sektionsavtryck = avtryck.sektion(komponenter, sid, sum(avsnitt.deklaration_for(k, sid), ()))
                nb = None if tvinga else _sektion_fran_cache(aktuell_notebook, sektionsavtryck)
                if nb is None:
                    nb = kor_sektion(rapport, sid, paths.notebooks() / s["notebook"], aktuell_notebook, timeout,
                                     komponenter.get("läge", "utkast"))
                    skriv_atomiskt(aktuell_notebook.with_suffix(".json"),
                                   json.dumps({"avtryck": sektionsavtryck}))
                else:
                    ateranvanda.append(sid)
                executed.append(({"id": sid, "titel": s.get("titel", sid)}, nb))
            sid = None
            if data.ogonblick(k.id, period.id) != fore:
                raise DataFel([Problem(visningsnamn(paths.processed(k.id) / period.id), None, None, None,
                                       "data/processed ändrades eller togs bort medan rapporten byggdes "
                                       "(data snapshot changed during the build): rapporten byggs inte av "
                                       "blandad data; bygg om")])
            # Plausibility and published-total warnings of this nämnd's rows: shown to the analyst in a
            # draft, never printed in the final report.
            varningar = ([v["text"] for v in data.varningar(k.id, period.id) if v.get("namnd") in (None, rapport.namnd)]
                         if komponenter.get("läge", "utkast") == "utkast" else [])
            html = sy_ihop(k, rapport, period, executed, varningar)
            skriv_atomiskt(rapport.utfil, html)
            sekunder = time.perf_counter() - start
            _skriv_post(rapport, {"status": "byggd", "avtryck": avtryck.summa(komponenter), "komponenter": komponenter,
                                  "tid": dt.datetime.now().isoformat(timespec="seconds"), "sekunder": round(sekunder, 2),
                                  "storlek": rapport.utfil.stat().st_size, "sektioner_ateranvanda": ateranvanda})
            return Byggresultat(rapport, "byggd", sekunder, sektioner=[s["id"] for s, _ in executed])
    except DataFel as e:
        return _fel(rapport, start, str(e), None)
    except SektionsFel as e:
        return _fel(rapport, start, f"sektion {sid}: {e}", str(e.notebook))
    except OSError as e:  # disk full, read-only reports/, …: say which file and why
        return _fel(rapport, start, f"kan inte skriva {e.filename or rapport.utfil}: {e.strerror or e} "
                                    "(disken full eller skrivskyddad?)", None)
    except Exception as e:  # noqa: BLE001 — one report's failure must not stop the batch
        return _fel(rapport, start, "".join(traceback.format_exception_only(e)).strip(),
                    str(aktuell_notebook) if aktuell_notebook else None)


def _sektion_fran_cache(notebook: Path, sektionsavtryck: str):
    """The executed notebook of an unchanged section, or None."""
    try:
        if json.loads(notebook.with_suffix(".json").read_text())["avtryck"] != sektionsavtryck:
            return None
    except (OSError, ValueError, KeyError):
        return None
    import nbformat

    return nbformat.read(notebook, as_version=4)


def _fel(rapport: Rapport, start: float, meddelande: str, notebook: str | None) -> Byggresultat:
    sekunder = time.perf_counter() - start
    try:  # the previous good report stays in reports/; the record says this build failed
        _skriv_post(rapport, {"status": "fel", "meddelande": meddelande, "notebook": notebook,
                              "tid": dt.datetime.now().isoformat(timespec="seconds"), "sekunder": round(sekunder, 2)})
    except OSError:
        pass
    return Byggresultat(rapport, "fel", sekunder, meddelande, notebook)


def _i_rot(rapport: Rapport, komponenter: dict, rot: str, timeout: int, tvinga: bool = False) -> Byggresultat:
    """Entry point on a Dask worker: the same tree as the client (shared file system)."""
    os.environ["NAMNDRAPPORT_ROOT"] = rot
    return bygg_rapport(rapport, komponenter, timeout, tvinga)


def bygg(beslut: list[Beslut], arbetare: int | None = None, vid_klar=None, *, scheduler: str | None = None,
         timeout: int = 600) -> list[Byggresultat]:
    """Build what must be built, in parallel processes (or on a Dask cluster), and report the rest as
    reused. Each worker process keeps one warm kernel; papermill-style execution is not thread-safe."""
    resultat = []
    for b in beslut:
        if not b.bygg:
            resultat.append(Byggresultat(b.rapport, "återanvänd", meddelande=b.orsak))
            if vid_klar:
                vid_klar(resultat[-1])
    att_bygga = [b for b in beslut if b.bygg]
    if scheduler:
        resultat += _bygg_dask(att_bygga, scheduler, vid_klar, timeout)
    else:
        resultat += _bygg_lokalt(att_bygga, arbetare, vid_klar, timeout)
    from helpers.bygg.index import skriv_index

    skriv_index()
    ordning = {b.rapport: i for i, b in enumerate(beslut)}
    return sorted(resultat, key=lambda x: ordning[x.rapport])


def _bygg_lokalt(beslut: list[Beslut], arbetare, vid_klar, timeout) -> list[Byggresultat]:
    resultat = []
    if not beslut:
        return resultat
    arbetare = max(1, min(arbetare or os.cpu_count() or 1, len(beslut)))
    if arbetare == 1:
        for b in beslut:
            resultat.append(bygg_rapport(b.rapport, b.komponenter, timeout, b.tvinga))
            if vid_klar:
                vid_klar(resultat[-1])
        return resultat
    with ProcessPoolExecutor(max_workers=arbetare) as pool:
        framtider = [pool.submit(bygg_rapport, b.rapport, b.komponenter, timeout, b.tvinga) for b in beslut]
        for f in as_completed(framtider):
            resultat.append(f.result())
            if vid_klar:
                vid_klar(resultat[-1])
    return resultat


def _bygg_dask(beslut: list[Beslut], adress: str, vid_klar, timeout) -> list[Byggresultat]:
    from helpers.fel import importera_tillagg

    distributed = importera_tillagg("distributed", "dask")
    Client, dask_klara = distributed.Client, distributed.as_completed

    resultat = []
    if not beslut:
        return resultat
    with Client(adress) as klient:
        framtider = [klient.submit(_i_rot, b.rapport, b.komponenter, str(paths.rot()), timeout, b.tvinga, pure=False)
                     for b in beslut]
        for f in dask_klara(framtider):
            resultat.append(f.result())
            if vid_klar:
                vid_klar(resultat[-1])
    return resultat

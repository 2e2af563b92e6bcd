"""Municipality configuration (data/raw/<kommun>/kommun.yaml) and period descriptions (period.yaml).

Everything that differs between municipalities is here as data: nämnder, report types and their
sections, goal levels, assessment scales, palette, and the units and sign conventions of the exports.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import yaml

from helpers.fel import DataFel, Problem, visningsnamn
from helpers.konfig import schemakontroll
from helpers.konfig import sokvagar as paths

SAKERT_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
STANDARDSEKTIONER = Path(__file__).with_name("sektioner.yaml")
STANDARDNYCKELTAL = Path(__file__).with_name("nyckeltal.yaml")


@dataclass(frozen=True)
class Namnd:
    id: str
    namn: str
    forvaltning: str = ""
    sektioner: tuple = ()  # (rapporttyp, (section ids…)) pairs: this nämnd's own section list

    def egna_sektioner(self, rapporttyp: str) -> tuple[str, ...] | None:
        return dict(self.sektioner).get(rapporttyp)

    @property
    def genitiv(self) -> str:
        return self.namn if self.namn.endswith("s") else self.namn + "s"


@dataclass(frozen=True)
class Skalsteg:
    kod: str
    etikett: str
    kort: str
    farg: str
    symbol: str
    ordning: int
    mening: str = ""  # verb phrase for prose, plural: "är på väg att uppfyllas", "pågår"
    mening_en: str = ""  # the same for one item, when it differs: "är färdigt"

    def sats(self, antal: int = 2) -> str:
        if antal == 1 and self.mening_en:
            return self.mening_en
        return self.mening or f"har status {self.kort}"


@dataclass(frozen=True)
class Rapporttyp:
    id: str
    namn: str
    titel: str
    sektioner: tuple[str, ...]
    planering: bool = False  # a budget/plan report: outcomes are known up to the year before


@dataclass(frozen=True)
class Period:
    id: str
    ar: int
    till_manad: int
    rapporttyper: tuple[str, ...]
    namnder: tuple[str, ...]
    mapp: Path
    beslut: str | None = None  # e.g. "kommunfullmäktiges beslut 2020-11-09 § 185" (budget periods)
    visning: dict = field(default_factory=dict, hash=False, compare=False)  # per table: {decimaler: 1}
    skalor: dict = field(default_factory=dict, hash=False, compare=False)  # scales replacing kommun.yaml's
    # False: show only the raw data's indicator values, as a report published before Kolada had newer ones.
    kolada_komplettering: bool = True
    tabeller: dict = field(default_factory=dict, hash=False, compare=False)  # per table: over kommun.yaml's

    @property
    def namn(self) -> str:
        if self.till_manad == 12:
            return str(self.ar)
        return f"januari–{MANADER[self.till_manad - 1]} {self.ar}"


MANADER = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december"]
MANADER_KORT = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"]


@dataclass(frozen=True)
class Kommun:
    id: str
    namn: str
    kod: str
    namnder: dict[str, Namnd]
    rapporttyper: dict[str, Rapporttyp]
    sektioner: dict[str, dict]
    malnivaer: tuple[dict, ...]
    skalor: dict[str, tuple[Skalsteg, ...]]
    palett: tuple[str, ...]
    tabeller: dict[str, dict]
    mapp: Path
    syntetisk: bool = False
    kolada: dict = field(default_factory=dict)  # {jamforelse: [{id: G…, namn: …}]}
    # Personnel key figures: konfig/nyckeltal.yaml with kommun.yaml's `nyckeltal:` merged over it per figure.
    nyckeltal: dict = field(default_factory=dict, hash=False, compare=False)
    termer: dict = field(default_factory=dict, hash=False, compare=False)  # own words in captions

    def namnd(self, namnd_id: str) -> Namnd:
        if namnd_id not in self.namnder:
            raise KeyError(f"Okänd nämnd {namnd_id!r} för {self.id}; kända: {', '.join(self.namnder)}")
        return self.namnder[namnd_id]

    def sektionslista(self, rapporttyp: str, namnd: str) -> tuple[str, ...]:
        """The sections of a report, in order: the nämnd's own list if it has one, else the report type's."""
        egen = self.namnder[namnd].egna_sektioner(rapporttyp) if namnd in self.namnder else None
        return egen if egen is not None else self.rapporttyper[rapporttyp].sektioner

    def skala(self, namn: str) -> tuple[Skalsteg, ...]:
        return self.skalor.get(namn, ())

    def tabellinstallning(self, tabell: str) -> dict:
        return self.tabeller.get(tabell, {})

    def term(self, nyckel: str, standard: str) -> str:
        """The kommun's own word for a concept in captions ("Mått" for indikatorer), else ``standard``."""
        return self.termer.get(nyckel) or standard

    def nivanamn(self, niva: str) -> str:
        """The printed name of a goal level ("Nämndmål"); "Mål" for a level the kommun does not name."""
        return next((n.get("namn") for n in self.malnivaer if n["id"] == niva), None) or "Mål"


# libyaml's C parser where it is installed (PyYAML wheels have it): the pure-Python one spent ~25 ms per
# kommun.yaml, which a no-op build of a thousand reports paid for every kommun and period.
_LADDARE = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _las_yaml(fil: Path) -> dict:
    return _las_yaml_med_nod(fil)[0]


def _las_yaml_med_nod(fil: Path) -> tuple[dict, yaml.Node]:
    """The file's content and its composed YAML (for line numbers). Aliases (*x) are refused before anything is
    built: a few lines of nested aliases expand to billions of nodes (an alias bomb), and a configuration file
    has no need for them."""
    try:
        text = fil.read_text(encoding="utf-8")
        for handelse in yaml.parse(text, Loader=_LADDARE) if "*" in text else ():  # an alias needs a '*'
            if isinstance(handelse, yaml.AliasEvent):
                raise yaml.composer.ComposerError(
                    None, None, f"YAML-alias '*{handelse.anchor}' stöds inte här; skriv ut värdet "
                                f"(YAML aliases are not allowed in this file)", handelse.start_mark)
        laddare = _LADDARE(text)
        try:
            nod = laddare.get_single_node()
            innehall = laddare.construct_document(nod) if nod is not None else None
        finally:
            laddare.dispose()
    except FileNotFoundError:
        raise DataFel([Problem(visningsnamn(fil), None, None, None, "filen saknas (file not found)")]) from None
    except yaml.YAMLError as e:
        rad = getattr(getattr(e, "problem_mark", None), "line", None)
        raise DataFel([Problem(visningsnamn(fil), rad + 1 if rad is not None else None, None, None,
                               f"ogiltig YAML (invalid YAML): {getattr(e, 'problem', e)}")]) from None
    if not isinstance(innehall, dict):
        raise DataFel([Problem(visningsnamn(fil), None, None, None, "förväntade en YAML-mappning (expected a mapping)")])
    return innehall, nod


def kommuner() -> list[str]:
    """Ids of all municipalities with a kommun.yaml under data/raw."""
    return sorted(p.parent.name for p in paths.raw().glob("*/kommun.yaml"))


@lru_cache(maxsize=1024)  # every kommun of a national run (290) stays parsed: 32 made planning parse each twice
def _kommun_cached(mapp: Path, _mtime: float) -> Kommun:
    fil = mapp / "kommun.yaml"
    namn = visningsnamn(fil)
    c, nod = _las_yaml_med_nod(fil)
    c, problem = schemakontroll.kontrollera(c, "kommun.schema.yaml", namn, nod)
    if "avsnitt" in c and "sektioner" in c:
        problem.append(Problem(namn, None, "sektioner", None, "använd bara en av 'avsnitt' och 'sektioner' – "
                                                               "de betyder samma sak (use one of the two)"))
    # Nothing below runs on a file that breaks the schema: the shapes it assumes hold from here on.
    if problem:
        raise DataFel(problem)
    if not re.fullmatch(r"\d{4}", str(c["kod"])):
        problem.append(Problem(namn, None, "kod", str(c["kod"]), "fyrsiffrig kommunkod (SCB), t.ex. '0136'"))

    namnder = {}
    for i, n in enumerate(c["namnder"] or []):
        nid = n["id"]
        if nid in namnder:
            problem.append(Problem(namn, None, f"namnder[{i}].id", nid, "ett id som ingen annan nämnd har (duplicate id)"))
        egna = tuple((rid, tuple(lista)) for rid, lista in (n.get("sektioner") or {}).items())
        namnder[nid] = Namnd(nid, str(n.get("namn", nid)), str(n.get("forvaltning", "")), egna)

    sektioner = _las_yaml(STANDARDSEKTIONER)
    # `avsnitt:` is the preferred spelling; `sektioner:` is the published one and stays.
    for sid, s in (c.get("avsnitt") or c.get("sektioner") or {}).items():
        sektioner[sid] = {**sektioner.get(sid, {}), **(s or {})}
        if "notebook" not in sektioner[sid]:
            problem.append(Problem(namn, None, f"{'avsnitt' if 'avsnitt' in c else 'sektioner'}.{sid}.notebook", None,
                                   "ett nytt avsnitt behöver en notebook, t.ex. text.ipynb (a new section needs one)"))

    nyckeltal = _las_yaml(STANDARDNYCKELTAL)
    for nid, n in (c.get("nyckeltal") or {}).items():
        nyckeltal[nid] = {**nyckeltal.get(nid, {}), **(n or {})}
        if "namn" not in nyckeltal[nid]:
            problem.append(Problem(namn, None, f"nyckeltal.{nid}.namn", None,
                                   "ett nytt nyckeltal behöver ett namn (a new key figure needs a name)"))

    rapporttyper = {}
    for rid, r in (c["rapporttyper"] or {}).items():
        for sid in r.get("sektioner", []):
            if sid not in sektioner:
                problem.append(Problem(namn, None, f"rapporttyper.{rid}.sektioner", sid,
                                       f"en känd sektion ({', '.join(sektioner)})"))
        rapporttyper[rid] = Rapporttyp(rid, r.get("namn", rid), r.get("titel", "{namnd} {rapporttyp} {period}"),
                                       tuple(r.get("sektioner", [])), bool(r.get("planering", False)))

    for n in namnder.values():
        for rid, lista in n.sektioner:
            if rid not in rapporttyper:
                problem.append(Problem(namn, None, f"namnder.{n.id}.sektioner.{rid}", None,
                                       f"en rapporttyp ur rapporttyper ({', '.join(rapporttyper)}) (unknown report type)"))
            for sid in lista:
                if sid not in sektioner:
                    problem.append(Problem(namn, None, f"namnder.{n.id}.sektioner.{rid}", sid,
                                           f"en känd sektion ({', '.join(sektioner)})"))

    skalor = _las_skalor(c.get("skalor") or {}, namn, problem)
    for i, farg in enumerate(c.get("palett") or []):
        _kontrollera_farg(str(farg), namn, f"palett[{i}]", problem)

    if problem:
        raise DataFel(problem)
    return Kommun(
        id=mapp.name, namn=c["namn"], kod=str(c["kod"]), namnder=namnder, rapporttyper=rapporttyper,
        sektioner=sektioner, malnivaer=tuple(c.get("malnivaer") or ()), skalor=skalor,
        palett=tuple(c.get("palett") or ("#1F4E79", "#C55A11", "#548235", "#7F6000")),
        tabeller=c.get("tabeller") or {}, mapp=mapp, syntetisk=bool(c.get("syntetisk", False)),
        kolada=c.get("kolada") or {}, nyckeltal=nyckeltal, termer=c.get("termer") or {},
    )


def kontrast(farg: str, bakgrund: str = "#FFFFFF") -> float:
    """WCAG contrast ratio of two #RRGGBB colours (1–21)."""
    def luminans(hex_: str) -> float:
        kanaler = [int(hex_[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in kanaler]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    ljus, mork = sorted((luminans(farg), luminans(bakgrund)), reverse=True)
    return (ljus + 0.05) / (mork + 0.05)


# Chart lines and status symbols are graphics: WCAG 1.4.11 asks for 3:1 against the white page.
MIN_KONTRAST = 3.0


def _kontrollera_farg(farg: str, namn: str, plats: str, problem: list[Problem]) -> None:
    if not re.fullmatch(r"#[0-9A-Fa-f]{6}", farg):
        problem.append(Problem(namn, None, plats, farg, "en färg som #RRGGBB"))
    elif kontrast(farg) < MIN_KONTRAST:
        problem.append(Problem(namn, None, plats, farg, f"en färg med minst {MIN_KONTRAST:g}:1 kontrast mot vit "
                                                        f"bakgrund (har {kontrast(farg):.1f}:1; WCAG 1.4.11)"))


def _las_skalor(rad: dict, namn: str, problem: list[Problem]) -> dict[str, tuple[Skalsteg, ...]]:
    skalor = {}
    for sk_namn, steg in rad.items():
        lista = []
        for i, s in enumerate(steg):
            farg = str(s.get("farg", "#666666"))
            _kontrollera_farg(farg, namn, f"skalor.{sk_namn}[{i}].farg", problem)
            lista.append(Skalsteg(str(s["kod"]), s["etikett"], s.get("kort", s["etikett"].lower()), farg,
                                  s.get("symbol", ""), i + 1, s.get("mening", ""), s.get("mening_en", "")))
        skalor[sk_namn] = tuple(lista)
    return skalor


def for_period(kommun: Kommun, period: Period) -> Kommun:
    """The municipality as a period sees it: a period.yaml may replace an assessment scale (Haninge
    used six steps in 2020 and three in 2022) and a table's settings, key by key (a verksamhetsberättelse
    exported in mnkr next to a delårsrapport in tkr)."""
    if not period.skalor and not period.tabeller:
        return kommun
    tabeller = {**kommun.tabeller}
    for namn, installning in period.tabeller.items():
        tabeller[namn] = {**tabeller.get(namn, {}), **installning}
    return replace(kommun, skalor={**kommun.skalor, **period.skalor}, tabeller=tabeller)


def las_kommun(kommun_id: str) -> Kommun:
    if not SAKERT_ID.match(kommun_id or ""):
        raise DataFel([Problem("kommun", None, None, kommun_id, "ett kommun-id: mappnamnet under data/raw (a–z, 0–9, -, _)")])
    mapp = paths.raw(kommun_id)
    fil = mapp / "kommun.yaml"
    if not fil.exists():
        raise DataFel([Problem(visningsnamn(fil), None, None, None,
                               f"kommunen '{kommun_id}' finns inte; kända: {', '.join(kommuner()) or 'inga'}")])
    return _kommun_cached(mapp, fil.stat().st_mtime)


def perioder(kommun: Kommun) -> list[Period]:
    return [las_period(kommun, p.parent.name) for p in sorted(kommun.mapp.glob("*/period.yaml"))]


# Parsed periods per process: a section reads its period in Kontext and again in every tabell() call,
# and parsing period.yaml with its schema check costs milliseconds each time. Keyed on the file's
# (inode, size, mtime_ns) and the Kommun object it was checked against; a file modified within RACY_NS
# of when it was read is not trusted (a rewrite in the same clock tick keeps size and mtime).
RACY_NS = 2_000_000_000
_PERIODER: dict[str, tuple[tuple, Kommun, int, Period]] = {}


def las_period(kommun: Kommun, period_id: str) -> Period:
    mapp = kommun.mapp / str(period_id)
    fil = mapp / "period.yaml"
    giltigt_id = re.fullmatch(r"\d{4}(-\d{2})?", str(period_id))
    try:
        st = os.stat(fil) if giltigt_id else None
    except OSError:
        st = None
    if st is not None:
        nyckel = (st.st_ino, st.st_size, st.st_mtime_ns)
        post = _PERIODER.get(str(fil))
        if post and post[0] == nyckel and post[1] is kommun and st.st_mtime_ns < post[2] - RACY_NS:
            return post[3]
        last = time.time_ns()
        period = _las_period(kommun, str(period_id), mapp)
        _PERIODER[str(fil)] = (nyckel, kommun, last, period)
        while len(_PERIODER) > 4096:  # a national run's periods; a few kB each
            del _PERIODER[next(iter(_PERIODER))]
        return period
    return _las_period(kommun, str(period_id), mapp)


def _las_period(kommun: Kommun, period_id: str, mapp: Path) -> Period:
    if not re.fullmatch(r"\d{4}(-\d{2})?", str(period_id)) or not (mapp / "period.yaml").exists():
        kanda = ", ".join(p.parent.name for p in sorted(kommun.mapp.glob("*/period.yaml")))
        raise DataFel([Problem(visningsnamn(mapp), None, None, str(period_id),
                               f"en period med en period.yaml; kända perioder: {kanda or 'inga'}")])
    fil = mapp / "period.yaml"
    p, nod = _las_yaml_med_nod(fil)
    p, problem = schemakontroll.kontrollera(p, "period.schema.yaml", visningsnamn(fil), nod)
    if problem:
        raise DataFel(problem)
    for rid in p.get("rapporttyper", []):
        if rid not in kommun.rapporttyper:
            problem.append(Problem(visningsnamn(fil), None, "rapporttyper", rid,
                                   f"en rapporttyp ur kommun.yaml ({', '.join(kommun.rapporttyper)})"))
    namnder = tuple(p.get("namnder") or kommun.namnder)
    for nid in namnder:
        if nid not in kommun.namnder:
            problem.append(Problem(visningsnamn(fil), None, "namnder", nid,
                                   f"en nämnd ur kommun.yaml ({', '.join(kommun.namnder)})"))
    till = int(p.get("till_manad", 12))
    if not 1 <= till <= 12:
        problem.append(Problem(visningsnamn(fil), None, "till_manad", str(till), "en månad 1–12"))
    skalor = _las_skalor(p.get("skalor") or {}, visningsnamn(fil), problem)
    if problem:
        raise DataFel(problem)
    return Period(str(period_id), int(p.get("ar", str(period_id)[:4])), till,
                  tuple(p.get("rapporttyper", [])), namnder, mapp, p.get("beslut"),
                  p.get("visning") or {}, skalor, bool((p.get("kolada") or {}).get("komplettera", True)),
                  p.get("tabeller") or {})

"""The rendered Haninge report must print exactly the published figures (values, not formatting)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

PUBLICERAT = Path(__file__).parent / "published"
pytestmark = pytest.mark.slow


MANADSMARKERING = re.compile(r"\s*\((jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)\)$")


def tal_fran_text(text: str) -> float | None:
    """Parse a rendered number independently of helpers: '−3 159' → -3159.0, '3,6 % (okt)' → 3.6 (the
    month the value was measured in is our addition), '' → None."""
    if text.strip() in ("–", "*", ".."):  # missing, not yet published, suppressed
        return None
    text = MANADSMARKERING.sub("", text.strip())
    s = text.replace("\u00a0", "").replace(" ", "").replace("\u2212", "-").replace("%", "").replace(",", ".")
    return float(s) if s else None


def cellvarde(text: str, forvantat):
    """A cell as the spec states it: text for a printed text (a target such as 'Indikator'), else a number."""
    if isinstance(forvantat, str):
        return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()
    return tal_fran_text(text)


def tabeller_i_html(html: str) -> dict[str, dict]:
    """{caption: {"kolumner": [...], "rader": [(label, [cells…]), …]}} for every table in the page."""
    soup = BeautifulSoup(html, "html.parser")
    ut = {}
    for t in soup.find_all("table"):
        kolumner = [th.get_text(strip=True) for th in t.thead.find_all("th")]
        rader = []
        for tr in t.tbody.find_all("tr"):
            if "rubrik" in tr.get("class", []):
                continue
            rader.append((tr.th.get_text(strip=True), [td.get_text(strip=True) for td in tr.find_all("td")]))
        rubrik = t.caption.get_text(strip=True)
        # Two tables may share a printed caption (Huddinge's "Driftredovisning, mnkr"): the second is 'rubrik#2'.
        nr = 1
        while (rubrik if nr == 1 else f"{rubrik}#{nr}") in ut:
            nr += 1
        ut[rubrik if nr == 1 else f"{rubrik}#{nr}"] = {"kolumner": kolumner, "rader": rader}
    return ut


def _rad(rader, etikett):
    """Find a row; 'Summa#2' is the second row labelled Summa."""
    namn, _, nr = etikett.partition("#")
    traffar = [r for r in rader if r[0] == namn]
    assert traffar, f"raden {namn!r} saknas"
    return traffar[int(nr) - 1 if nr else 0]


@pytest.mark.parametrize("fil", sorted(PUBLICERAT.glob("*.yaml")), ids=lambda p: p.stem)
def test_tabeller_som_publicerat(byggd_rot, fil):
    spec = yaml.safe_load(fil.read_text(encoding="utf-8"))
    r = spec["rapport"]
    html = (byggd_rot / "reports" / r["kommun"] / r["period"] / r["rapporttyp"] / f"{r['namnd']}.html").read_text()
    tabeller = tabeller_i_html(html)
    kontrollerade = 0
    for rubrik, forvantat in spec["tabeller"].items():
        assert rubrik in tabeller, f"tabellen {rubrik!r} saknas i rapporten"
        t = tabeller[rubrik]
        for etikett, varden in forvantat["rader"].items():
            _, celler = _rad(t["rader"], etikett)
            for kolumn, varde in zip(forvantat["kolumner"], varden):
                index = t["kolumner"].index(kolumn) - 1  # first header is the row label column
                faktiskt = cellvarde(celler[index], varde)
                assert faktiskt == varde, f"{rubrik} / {etikett} / {kolumn}: {celler[index]!r} ≠ {varde}"
                kontrollerade += 1
    forvantade = sum(len(v) for t in spec["tabeller"].values() for v in t["rader"].values())
    assert kontrollerade == forvantade and kontrollerade >= 50


def test_huddinge_spec_foljer_transkriptionen():
    """Every expected value of the Huddinge spec is the transcription's printed value (the count tables,
    restated per goal level, are checked against the transcription's totals)."""
    spec = yaml.safe_load((PUBLICERAT / "huddinge_ks_verksamhetsberattelse_2019.yaml").read_text(encoding="utf-8"))
    full = yaml.safe_load((PUBLICERAT / "huddinge/publicerat.yaml").read_text(encoding="utf-8"))["tabeller"]
    namn = {"Driftredovisning, mnkr": "Driftredovisning, mnkr#resultaträkning",
            "Saldoöverföringar till 2020: investeringar 2019 (mnkr)": "Investeringar 2019 (mnkr)",
            "Driftredovisning, mnkr#2": "Driftredovisning, mnkr#verksamhet"}
    kolumnnamn = {"Budget 2019": "Budget", "Utfall 2019": "Utfall"}
    # the report's row labels say the point in time ("per 31 december") where the transcription's do not
    radnamn = {f"Antal anställda{c} per 31 december{g}": f"Antal anställda{c}{g}"
               for c in ("", " chefer") for g in ("", ", kvinnor", ", män")}
    radnamn["varav politisk verksamhet"] = "- varav politisk verksamhet"
    radnamn["Personalomsättning (exklusive intern rörlighet)"] = \
        "Personalomsättning (exklusive intern rörlighet) ackumulerad"
    jamforda = 0
    tillagda = spec.get("tillagda_celler", {})
    rattade = spec.get("rattade_celler", {})
    kanda = spec.get("kanda_fel", {})
    summarader = spec.get("summarader", {})
    kallor = (Path(__file__).parents[1] / "data/raw/huddinge/SOURCES.md").read_text(encoding="utf-8")
    rattelser = (Path(__file__).parents[1] / "data/raw/huddinge/2019/rattelser.csv").read_text(encoding="utf-8")
    for rubrik, t in spec["tabeller"].items():
        kalla = full.get(namn.get(rubrik, rubrik))
        if kalla is None:
            continue
        for rad, varden in t["rader"].items():
            tryckta = kalla.get("etappmal_tryckt", {})
            for kol, v in zip(t["kolumner"], varden):
                kk = kol if kol in kalla["kolumner"] else kolumnnamn[kol]
                kallrad = summarader.get(rubrik, {}).get(rad) or radnamn.get(rad, rad)
                k = kalla["rader"][kallrad][kalla["kolumner"].index(kk)]
                # a published total the rows do not give: the report prints the computed value with a note, and
                # SOURCES.md lists the error
                kant = kanda.get(rubrik, {}).get(rad, {}).get(kol)
                if kant:
                    assert f"| {kant[1]} |" in kallor, kant
                # a cell the seed states only in its text, with the line it is taken from
                tillagd = tillagda.get(rubrik, {}).get(rad, {}).get(kol)
                # a corrected figure: the spec names the correction, and rattelser.csv has it with the printed value
                rattad = rattade.get(rubrik, {}).get(rad, {}).get(kol)
                if rattad:
                    rader = [r for r in rattelser.splitlines() if f"({rattad[1]} i SOURCES.md)" in r]
                    assert len(rader) == 1 and f";{str(k).replace('.', ',')};" in rader[0], (rubrik, rad, rattad)
                assert v == k or (k is None and v == tryckta.get(rad)) or (tillagd and tillagd[0] == v) \
                    or (rattad and rattad[0] == v) or (kant and kant[0] == v), (rubrik, rad, kol, v, k)
                jamforda += 1
    assert jamforda > 500
    antal = spec["tabeller"]["Antal mål per bedömning"]["rader"]["Totalt"]
    assert antal[3] == full["Antal nämndmål per bedömning"]["rader"]["Totalt"][0]
    assert antal[1] + antal[2] == full["Antal övergripande och strategiska mål per bedömning"]["rader"]["Totalt"][0]
    status = spec["tabeller"]["Antal utvecklingsåtaganden per status"]["rader"]
    assert status["Totalt"] == full["Utvecklingsåtaganden per status"]["rader"]["Totalt"]


@pytest.mark.parametrize("fil", sorted(PUBLICERAT.glob("*.yaml")), ids=lambda p: p.stem)
def test_meningar_som_publicerat(byggd_rot, fil):
    spec = yaml.safe_load(fil.read_text(encoding="utf-8"))
    r = spec["rapport"]
    html = (byggd_rot / "reports" / r["kommun"] / r["period"] / r["rapporttyp"] / f"{r['namnd']}.html").read_text()
    # Only the generated sentences count: the analyst's commentary (transcribed from the same report) would
    # otherwise let a wrong generated sentence pass.
    genererat = " | ".join(re.sub(r"\s+", " ", p.get_text(" ").replace("\u00a0", " "))
                           for p in BeautifulSoup(html, "html.parser").select("p.genererad"))
    for mening in spec.get("meningar", []):
        assert mening in genererat, mening


def test_rapporten_ar_fristaende_och_utan_kod(byggd_rot):
    html = (byggd_rot / "reports/haninge/2020/arsredovisning/ks.html").read_text()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "sv"
    assert len(soup.find_all("h1")) == 1
    assert not soup.find_all("script"), "rapporten ska inte innehålla skript"
    assert not soup.select(".input_area, .jp-InputArea, pre.highlight"), "kodceller läckte in i rapporten"
    assert "import helpers" not in html and "Sektion(" not in html
    for tagg in soup.find_all(["img", "link", "script"]):
        kalla = tagg.get("src") or tagg.get("href") or ""
        assert not kalla.startswith(("http:", "https:", "//")), f"extern resurs: {kalla}"
    for t in soup.find_all("table"):
        assert t.caption and t.thead.find("th", scope="col")


def test_delarsrapport_visar_prognos_och_diagram(byggd_rot):
    html = (byggd_rot / "reports/exempel/2024-08/delarsrapport/bun.html").read_text()
    soup = BeautifulSoup(html, "html.parser")
    tabell = tabeller_i_html(html)["Tabell resultat per verksamhet"]
    assert "Prognos helår 2024" in tabell["kolumner"] and "Prognosavvikelse" in tabell["kolumner"]
    bild = next((b for b in soup.find_all("img") if b["alt"].startswith("Linjediagram över ackumulerat")), None)
    assert bild is not None and "augusti" in bild["alt"] and "mnkr" in bild["alt"]
    assert "Exempeldata" in soup.get_text()


def test_huddinge_kanda_fel_i_summor_sags_i_rapporten(byggd_rot):
    """Each published total the rows do not give is printed as computed and said so under its table."""
    spec = yaml.safe_load((PUBLICERAT / "huddinge_ks_verksamhetsberattelse_2019.yaml").read_text(encoding="utf-8"))
    html = (byggd_rot / "reports/huddinge/2019/verksamhetsberattelse/ks.html").read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", BeautifulSoup(html, "html.parser").get_text(" ").replace("\u00a0", " "))
    for rader in spec["kanda_fel"].values():
        for rad in rader:
            assert f"Känt fel i källan: {rad}:" in text, rad


def test_huddinge_matt_per_kon_och_omrade_som_publicerat(byggd_rot):
    """Huddinge's measure cards print women and men per year and the lowest and highest kommundel: the
    report's tables 'Mått per kön …' give every such published value (the transcription's card table), and
    no row the report did not print."""
    import csv

    kort = yaml.safe_load((PUBLICERAT / "huddinge/publicerat.yaml").read_text(encoding="utf-8"))["tabeller"][
        "Mått per kön och ranking"]
    with (Path(__file__).parents[1] / "data/raw/huddinge/2019/indikatorer.csv").open(encoding="utf-8-sig") as f:
        etikett = {r["id"]: (r["rad"] or "").strip() or r["namn"].strip() for r in csv.DictReader(f, delimiter=";")}
    html = (byggd_rot / "reports/huddinge/2019/verksamhetsberattelse/ks.html").read_text(encoding="utf-8")
    visat: dict[tuple[str, str], dict[str, str]] = {}
    for t in BeautifulSoup(html, "html.parser").find_all("table"):
        if not t.caption.get_text(strip=True).startswith("Mått per "):
            continue
        kolumner = [th.get_text(strip=True) for th in t.thead.find_all("th")][1:]
        matt = None
        for tr in t.tbody.find_all("tr"):
            if "rubrik" in tr.get("class", []):
                matt = tr.th.get_text(strip=True)
                continue
            nyckel = (matt, tr.th.get_text(strip=True))
            assert nyckel not in visat, nyckel
            visat[nyckel] = dict(zip(kolumner, (td.get_text(strip=True) for td in tr.find_all("td")), strict=True))
    # the measure tables ('Mått: <goal>'): row label → {column: cell}; each measure is in one of them
    matt_rader: dict[str, list[dict[str, str]]] = {}
    for rubrik, t in tabeller_i_html(html).items():
        if rubrik.startswith("Mått: "):
            for namn, celler in t["rader"]:
                matt_rader.setdefault(namn, []).append(dict(zip(t["kolumner"][1:], celler, strict=True)))
    kontrollerade, publicerade = 0, set()
    for nyckel, varden in kort["rader"].items():
        iid, ar = nyckel.rsplit(" ", 1)
        forvantat = dict(zip(kort["kolumner"][2:], varden, strict=True))
        placering = forvantat.pop("Ranking")  # in the measure table's Placering columns
        if placering is not None:
            (rad,) = matt_rader[etikett[iid]]  # one row of that name
            assert rad[f"Placering {ar}"] == placering, (iid, ar, rad)
            kontrollerade += 1
        if all(v is None for v in forvantat.values()):
            continue
        publicerade.add((etikett[iid], ar))
        rad = visat.get((etikett[iid], ar))
        assert rad is not None, f"{etikett[iid]} {ar} saknas i tabellerna 'Mått per …'"
        for kolumn, v in forvantat.items():
            faktiskt = tal_fran_text(rad[kolumn]) if kolumn in rad else None
            assert faktiskt == v, f"{etikett[iid]} {ar} / {kolumn}: {rad.get(kolumn)!r} ≠ {v}"
            kontrollerade += 1
    assert set(visat) == publicerade
    assert kontrollerade >= 350

"""Indicator tables and trends: utfall per year, målvärden (absolute or relative, e.g. −2 %), trend
with direction AND words (never colour alone), source, and a small chart where there are enough values."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from helpers.berakning.indikatorer import _varden, bedomning, malrad, serie, trend
from helpers.konfig.kommun import MANADER_KORT
from helpers.presentation import format as fmt
from helpers.presentation.format import SAKNAS

NAR_MALET = "Når målet"

SAKNAS_TEXT = {
    "ej_publicerat": "värdet är inte publicerat ännu",
    "ej_matt": "inte mätt detta år",
    "metodbyte": "inte jämförbart på grund av ändrat beräkningssätt",
}


def varde_text(varde, vardetyp: str | None, enhet: str | None, decimaler: int) -> str:
    """One indicator value as printed: '80,5 %', '1,6', '−2 %' (a relative target), '–' when missing."""
    if fmt.saknas(varde):
        return SAKNAS
    if vardetyp == "forandring_procent":
        return fmt.procent(varde, 0 if float(varde).is_integer() else 1, tecken=True)
    return fmt.enligt_enhet(varde, enhet, decimaler)


def _malcell(r, enhet, dec) -> str:
    """A target as printed: '≥ 2', '< 7,9', 'Länssnitt', '> Länssnitt (7,9)', 'Öka', '850'."""
    text = "" if fmt.saknas(r.get("malvarde_text")) else str(r["malvarde_text"]).strip()
    op = "" if fmt.saknas(r.get("jamforelse")) else str(r["jamforelse"])
    tal = None if fmt.saknas(r.get("varde")) else varde_text(r["varde"], r.get("vardetyp"), enhet, _dec(r, dec))
    if " " in text and text[:1].islower():  # a phrase ("minst hålla tilldelad budget") states the target itself
        return fmt.versal(text)
    if text and tal:
        return f"{op} {text} ({tal})".strip()
    return f"{op} {text or tal or SAKNAS}".strip() if (text or tal) else SAKNAS


def _dec(r, indikatorns: int) -> int:
    """The value's own `decimaler` where given (37,33 % and 48 % under one indicator), else the indicator's."""
    egen = r.get("decimaler") if hasattr(r, "get") else None
    return indikatorns if fmt.saknas(egen) else int(egen)


def _manad(r) -> str:
    """' (okt)' after a value measured in one month rather than over the year."""
    return "" if fmt.saknas(r.get("manad")) else f" ({MANADER_KORT[int(r['manad']) - 1].lower()})"


def placering(r) -> str:
    """A ranking as printed: '15/19', or '15' when the number compared is not given."""
    if fmt.saknas(r.get("varde")):
        return SAKNAS
    av = "" if fmt.saknas(r.get("ranking_av")) else f"/{int(r['ranking_av'])}"
    return f"{int(r['varde'])}{av}"


# Labels for the value types beside utfall, in the table's column order.
TYPETIKETTER = {"delar": "Delår", "prognos": "Prognos"}


def tabellrader(indikatorer: pd.DataFrame, varden: pd.DataFrame, ids: list[str], ar: int,
                antal_ar: int | str = 4, trendskala=()) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Wide rows for the indicator table: 'Utfall <år>' for the last ``antal_ar`` years up to ``ar``
    (``"alla"``: every year up to ``ar`` in which one of the measures has an outcome, as reports of
    biennial surveys print them), 'Mål <år>' (and 'Etappmål <år>') for every target year from ``ar`` on,
    and the trend. Returns rows, the value column names and the footnotes."""
    valda = varden[varden["indikator"].isin(ids)]
    if antal_ar == "alla":
        utfall_alla = valda[(valda["typ"] == "utfall") & (valda["ar"] <= ar)]
        utfallsar = sorted(int(a) for a in utfall_alla["ar"].unique()) or [ar]
    else:
        utfallsar = list(range(ar - int(antal_ar) + 1, ar + 1))
    malar = sorted(y for y in valda.loc[valda["typ"] == "mal", "ar"].unique() if y >= ar)
    etappar = sorted(y for y in valda.loc[valda["typ"] == "etappmal", "ar"].unique() if y >= ar)
    rankar = sorted(y for y in valda.loc[valda["typ"] == "ranking", "ar"].unique() if y in utfallsar)
    ovriga = [(typ, etikett) for typ, etikett in TYPETIKETTER.items()
              if ((valda["typ"] == typ) & (valda["ar"] == ar)).any()]
    kolumner = ([f"Utfall {y}" for y in utfallsar] + [f"{etikett} {ar}" for _, etikett in ovriga]
                + [f"Placering {y}" for y in rankar] + [f"Mål {y}" for y in malar]
                + [f"Etappmål {y}" for y in etappar])
    # "Når målet" only where some indicator has a target for the year (a budget has no outcomes to judge).
    polaritet = indikatorer.set_index("id")["polaritet"]
    bedomningar = {iid: bedomning(varden, iid, ar, polaritet.get(iid, "ingen")) for iid in ids}
    if any(b is not None for b in bedomningar.values()):
        kolumner.append(NAR_MALET)
    rader, noter = [], []
    for iid in ids:
        ind = indikatorer.set_index("id").loc[iid]
        enhet, dec = _enhet_och_decimaler(ind)
        namn = _radnamn(ind)  # the printed label ("- varav (%) småhus") where given; a varav measure is indented
        varav = not fmt.saknas(ind.get("varav_till")) and str(ind.get("varav_till")).strip() != ""
        rad = {"indikator": namn, "id": iid, "djup": 1 if varav else 0}
        utfall = _varden(varden, iid, "utfall")
        for y in utfallsar:
            r = utfall[utfall["ar"] == y]
            rad[f"Utfall {y}"] = (varde_text(r["varde"].iloc[0], r["vardetyp"].iloc[0], enhet, _dec(r.iloc[0], dec))
                                  if len(r) else SAKNAS)
            if len(r) and not fmt.saknas(r["varde"].iloc[0]):
                rad[f"Utfall {y}"] += _manad(r.iloc[0].to_dict())
            if len(r) and not fmt.saknas(r["saknas"].iloc[0]):
                rad[f"Utfall {y}"] = "*"
                noter.append(f"* {ind['namn']}, {y}: {SAKNAS_TEXT.get(r['saknas'].iloc[0], r['saknas'].iloc[0])}.")
        for typ, etikett in ovriga:
            r = _varden(varden, iid, typ)
            r = r[r["ar"] == ar]
            rad[f"{etikett} {ar}"] = (varde_text(r["varde"].iloc[0], r["vardetyp"].iloc[0], enhet, _dec(r.iloc[0], dec))
                                      + _manad(r.iloc[0].to_dict()) if len(r) else SAKNAS)
        rank = _varden(varden, iid, "ranking")
        for y in rankar:
            r = rank[rank["ar"] == y]
            rad[f"Placering {y}"] = placering(r.iloc[0].to_dict()) if len(r) else SAKNAS
        for typ, ar_lista, etikett in (("mal", malar, "Mål"), ("etappmal", etappar, "Etappmål")):
            m = _varden(varden, iid, typ)
            for y in ar_lista:
                r = m[m["ar"] == y]
                rad[f"{etikett} {y}"] = _malcell(r.iloc[0].to_dict(), enhet, dec) if len(r) else SAKNAS
        if NAR_MALET in kolumner:
            b = bedomningar[iid]
            rad[NAR_MALET] = fmt.versal(b) if b else "Inget mål"
        rad["trend"] = _tryckt_trend(utfall[utfall["ar"] <= ar], trendskala) or str(
            trend(utfall[utfall["ar"] <= ar]["varde"].tolist(), ind["polaritet"]))
        # Which source each shown value has: "Kolada N00914 (2020–2021)" for values taken from Kolada.
        visade = utfall[utfall["ar"].isin(utfallsar)]
        kallor = []
        egen = str(ind["kalla"]).strip() if not fmt.saknas(ind.get("kalla")) and str(ind.get("kalla")).strip() \
            else "Egen uppgift"
        for kalla, grupp in visade.groupby(visade["kalla"].fillna(egen), sort=False):
            arlista = sorted(int(a) for a in grupp.loc[grupp["varde"].notna(), "ar"])
            if arlista:
                kallor.append(f"{kalla} ({arlista[0]}–{arlista[-1]})" if len(arlista) > 1 else f"{kalla} ({arlista[0]})")
        kolada = None if fmt.saknas(ind["kolada_id"]) else ind["kolada_id"]
        if kolada and not any(k.startswith("Kolada") for k in kallor):
            kallor.append(f"Kolada-id {kolada}")
        rad["kalla"] = "; ".join(kallor) or SAKNAS
        if not fmt.saknas(ind["fotnot"]):
            noter.append(f"{ind['namn']}: {ind['fotnot']}")
        rader.append(rad)
    skillnader = _omotiverade(indikatorer, ids)
    if skillnader:
        noter.append(skillnader)
    return pd.DataFrame(rader), kolumner, noter


def _enhet_och_decimaler(ind) -> tuple[str | None, int]:
    """An indicator row's unit (None when not given) and decimals (0 when not given)."""
    return (None if fmt.saknas(ind["enhet"]) else ind["enhet"],
            0 if fmt.saknas(ind["decimaler"]) else int(ind["decimaler"]))


def _radnamn(ind) -> str:
    """The measure's row label: the printed one (``rad``) where given, else owner and name."""
    if not fmt.saknas(ind.get("rad")) and str(ind.get("rad")).strip():
        return str(ind["rad"]).strip()
    return f"{ind['agare']} {ind['namn']}" if not fmt.saknas(ind["agare"]) else ind["namn"]


def _omotiverade(indikatorer: pd.DataFrame, ids: list[str]) -> str | None:
    """The report's own judgement of unjustified differences between groups, per measure where given:
    'Omotiverade skillnader: Trivsel … – kön, område; Betygsindex … – nej.' (never a guess where empty)."""
    if "omotiverade_skillnader" not in indikatorer:
        return None
    ind = indikatorer.set_index("id")
    delar = []
    for iid in ids:
        varde = ind.at[iid, "omotiverade_skillnader"]
        if not fmt.saknas(varde) and str(varde).strip():
            dimensioner = ", ".join(fmt.gemen(d.strip()) for d in str(varde).split(",") if d.strip())
            delar.append(f"{_radnamn(ind.loc[iid])} – {dimensioner}")
    return f"Omotiverade skillnader mellan grupper: {'; '.join(delar)}." if delar else None


KOLUMN_KVINNOR, KOLUMN_MAN = "Kvinnor", "Män"
OMRADEN = {"omrade_lagsta": "Lägsta område", "omrade_hogsta": "Högsta område"}


KONSSUFFIX = {"K": ", kvinnor", "M": ", män"}


def _gruppkolumn(grupp) -> str:
    """'65-84 år' is printed with an en dash between the numbers."""
    return re.sub(r"(?<=\d)\s*-\s*(?=\d)", "–", str(grupp).strip())


def delrader(indikatorer: pd.DataFrame, varden: pd.DataFrame, ids: list[str],
             utfallsar: list[int]) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Values for parts of the population beside each measure's own (Huddinge's measure cards): women and
    men, other groups (an age group), and the lowest and highest kommundel, per year shown in the measure
    table, newest first. A group's or area's value for one kön has its own column ('65–84 år, kvinnor'), so
    no two values share a cell. Rows: a heading row per measure, then one row per year with any such value.
    Returns rows, the value columns that have a value somewhere, and what the table is broken down by."""
    ind = indikatorer.set_index("id")
    valda = varden[varden["indikator"].isin(ids) & varden["ar"].isin(utfallsar)]
    hargrupp = (valda["grupp"].map(lambda g: not fmt.saknas(g) and str(g).strip() != "").astype(bool)
                if "grupp" in valda else pd.Series(False, index=valda.index))
    kon = valda["kon"].fillna("T") if "kon" in valda else pd.Series("T", index=valda.index)

    def kolumn(r: dict) -> str | None:
        suffix = KONSSUFFIX.get(r.get("kon") if not fmt.saknas(r.get("kon")) else "T", "")
        if r["typ"] in OMRADEN:
            return OMRADEN[r["typ"]] + suffix
        if r["typ"] == "utfall" and not fmt.saknas(r.get("grupp")) and str(r.get("grupp")).strip():
            return _gruppkolumn(r["grupp"]) + suffix
        if r["typ"] == "utfall" and suffix:
            return {"K": KOLUMN_KVINNOR, "M": KOLUMN_MAN}[r["kon"]]
        return None  # the measure's own value: in the measure table

    delvarden = valda[valda["typ"].isin(OMRADEN) | ((valda["typ"] == "utfall") & (hargrupp | kon.isin(["K", "M"])))]
    poster = [(kolumn(r), r) for r in delvarden.to_dict("records")]
    grupper = list(dict.fromkeys(k for k, r in poster if r["typ"] == "utfall" and k not in (KOLUMN_KVINNOR, KOLUMN_MAN)))
    omraden = [o + s for s in ("", *KONSSUFFIX.values()) for o in OMRADEN.values()]
    rader, anvanda = [], set()
    for iid in ids:
        enhet, dec = _enhet_och_decimaler(ind.loc[iid])
        celler: dict[int, dict[str, str]] = {}
        for k, r in poster:
            if r["indikator"] == iid and not fmt.saknas(r.get("varde")):
                celler.setdefault(int(r["ar"]), {})[k] = (
                    varde_text(r["varde"], r.get("vardetyp"), enhet, _dec(r, dec)) + _manad(r))
                anvanda.add(k)
        if celler:
            rader.append({"indikator": _radnamn(ind.loc[iid]), "radtyp": "rubrik", "id": iid})
            rader += [{"indikator": str(y), "radtyp": "rad", "id": iid, **celler[y]}
                      for y in sorted(celler, reverse=True)]
    kolumner = [k for k in (KOLUMN_KVINNOR, KOLUMN_MAN, *grupper, *omraden) if k in anvanda]
    delar = ((["kön"] if {KOLUMN_KVINNOR, KOLUMN_MAN} & anvanda else [])
             + (["grupp"] if set(grupper) & anvanda else [])
             + (["område"] if set(omraden) & anvanda else []))
    return pd.DataFrame(rader), kolumner, delar


def deltabell(rader: pd.DataFrame, kolumner: list[str], rubrik: str):
    """The table of ``delrader``: a measure's name as a heading row, its years below; an empty cell
    is '–' (not reported), never 0."""
    from helpers.presentation.tabell import Kolumn, Tabell

    rader = rader.copy()
    for k in kolumner:
        rader[k] = rader[k].where(rader[k].notna() | (rader["radtyp"] == "rubrik"), SAKNAS) if k in rader else SAKNAS
    return Tabell(rubrik, [Kolumn("År", "indikator")] + [Kolumn(k, k, str) for k in kolumner], rader)


def _tryckt_trend(utfall: pd.DataFrame, skala) -> str | None:
    """The report's own trend word (indikatorvarden.trend on the latest outcome), in the kommun's
    skalor.trend, instead of the computed direction."""
    if "trend" not in utfall or not skala:
        return None
    satta = utfall[utfall["trend"].map(lambda t: not fmt.saknas(t) and str(t).strip() != "")]
    if satta.empty:
        return None
    steg = {s.kod: s for s in skala}.get(str(satta["trend"].iloc[-1]).strip())
    return f"{steg.symbol or ''} {steg.etikett}".strip() if steg else None


def _trendklass(text: str) -> str | None:
    """Green for a good direction, red for a bad one, as the reports colour their arrows (the words stay)."""
    return "trend-bra" if "– bra riktning" in text else "trend-daligt" if "inte bra riktning" in text else None


def tabell(rader: pd.DataFrame, kolumner: list[str], noter: list[str], rubrik: str, radrubrik: str = "Indikator"):
    """The indicator table as printed under each goal."""
    from helpers.presentation.tabell import Kolumn, Tabell

    kol = ([Kolumn(radrubrik, "indikator")] + [Kolumn(k, k, str) for k in kolumner]
           + [Kolumn("Trend", "trend", klass=_trendklass), Kolumn("Källa", "kalla")])
    return Tabell(rubrik, kol, rader, fotnoter=noter)


def diagram(indikatorer: pd.DataFrame, varden: pd.DataFrame, indikator: str, palett) -> str | None:
    from helpers.presentation import diagram as dia

    ind = indikatorer.set_index("id").loc[indikator]
    enhet, dec = _enhet_och_decimaler(ind)
    return dia.indikator(serie(varden, indikator), palett, namn=ind["namn"], enhet=enhet, decimaler=dec)


def jamforelse(indikatorer: pd.DataFrame, varden: pd.DataFrame, indikator: str, kolada: pd.DataFrame | None,
               kommun, palett) -> tuple[str | None, str | None]:
    """The comparison chart (municipality, riket, comparison groups; by gender where Kolada has it; targets
    drawn) for an indicator with a Kolada id. Returns (figure html, note): the note says when the cache
    has no values, so the report shows the gap instead of failing."""
    from helpers.kolada import klient as kl
    from helpers.presentation import diagram as dia

    ind = indikatorer.set_index("id").loc[indikator]
    if fmt.saknas(ind["kolada_id"]):
        return None, None
    kpi = ind["kolada_id"]
    k = kolada[kolada["kpi"] == kpi] if kolada is not None and not kolada.empty else pd.DataFrame()
    if k.empty or not (k["kommun"] == kommun.kod).any():
        return None, (f"Jämförelse från Kolada ({kpi}) saknas: cachen har inga värden. Kör "
                      f"`namndrapport kolada fetch --kommun {kommun.id}` på en dator med nätverk.")
    serier = {}
    # The municipality's own line is the table's values (raw data first, Kolada where raw has none).
    for kon, etikett in (("T", ""), ("K", ", kvinnor"), ("M", ", män")):
        d = _varden(varden, indikator, "utfall", kon).dropna(subset=["varde"])
        if len(d):
            serier[kommun.namn + etikett] = d[["ar", "varde"]]
    for enhet in kl.jamforelser(kommun):
        d = k[(k["kommun"] == enhet["id"]) & (k["kon"] == "T") & k["varde"].notna()].sort_values("ar")
        if len(d):
            serier[enhet["namn"]] = d[["ar", "varde"]]
    mal = varden[(varden["indikator"] == indikator) & (varden["typ"] == "mal")
                 & (varden["vardetyp"].fillna("niva") == "niva")].dropna(subset=["varde"])[["ar", "varde"]]
    matt_enhet, dec = _enhet_och_decimaler(ind)
    saknade = [j["namn"] for j in kl.jamforelser(kommun) if j["namn"] not in serier]
    html = dia.jamforelse(serier, mal, palett, namn=ind["namn"], kpi=kpi, decimaler=dec, enhet=matt_enhet)
    notis = f"Kolada saknar värden för: {', '.join(saknade)}." if saknade else None
    return html, notis



@dataclass(frozen=True)
class Indikatorord:
    """The word for 'indikator' in sentences, in the forms Swedish needs: Huddinge says 'mått' (neutrum):
    'Inget av sex mått når målet', 'Måttet når målet', 'de två måtten'."""
    plural: str = "indikatorer"
    bestamd: str = "indikatorn"
    plural_bestamd: str = "indikatorerna"
    utrum: bool = True


def indikatorord(kommun) -> Indikatorord:
    """The kommun's word (kommun.yaml ``termer``: indikatorer, indikatorn, indikatorerna, indikator_genus)
    where it gives the definite forms; captions alone ('Mått') do not say how a sentence inflects it."""
    termer = getattr(kommun, "termer", None) or {}
    if not (termer.get("indikatorn") and termer.get("indikatorerna")):
        return Indikatorord()
    return Indikatorord(plural=fmt.gemen(termer.get("indikatorer") or "indikatorer"),
                        bestamd=termer["indikatorn"], plural_bestamd=termer["indikatorerna"],
                        utrum=termer.get("indikator_genus", "utrum") == "utrum")


def malsats(indikatorer: pd.DataFrame, varden: pd.DataFrame, ids: list[str], ar: int,
            ordform: Indikatorord = Indikatorord()) -> str | None:
    """'Fyra av sex indikatorer når etappmålet.' over the indicators with a target for the year; those
    that cannot be judged are said so, never counted as reached or missed."""
    from helpers.berakning.indikatorer import EJ_UPPNATT, KAN_INTE_BEDOMAS, UPPNATT, antal_nar_malet

    antal = antal_nar_malet(indikatorer, varden, ids, ar)
    n = sum(antal.values())
    if not n:
        return None
    typer = {(malrad(varden, i, ar) or {}).get("typ") for i in ids} - {None}
    mal = "etappmålet" if typer == {"etappmal"} else "målet"
    ingen = "ingen" if ordform.utrum else "inget"
    if n == 1:
        b = next(b for b, a in antal.items() if a)
        den = ordform.bestamd
        return {UPPNATT: f"{fmt.versal(den)} når {mal}.", EJ_UPPNATT: f"{fmt.versal(den)} når inte {mal}.",
                KAN_INTE_BEDOMAS: f"Om {den} når {mal} kan inte bedömas."}[b]
    if antal[KAN_INTE_BEDOMAS] == n:
        return f"För {ingen} av de {fmt.antal_i_ord(n)} {ordform.plural_bestamd} kan det ännu bedömas om de når {mal}."
    forsta = fmt.versal(fmt.antal_i_ord(antal[UPPNATT], utrum=ordform.utrum)) if antal[UPPNATT] else fmt.versal(ingen)
    sats = f"{forsta} av {fmt.antal_i_ord(n)} {ordform.plural} når {mal}"
    if antal[KAN_INTE_BEDOMAS]:
        sats += (f"; för {fmt.antal_i_ord(antal[KAN_INTE_BEDOMAS], utrum=ordform.utrum)} kan det inte bedömas")
    return sats + "."

"""Reading raw tables as Swedish exports write them, into typed DataFrames with row numbers.

CSV: `;`, `,` or tab separated; UTF-8 (with or without BOM) or Windows-1252, unless the municipality
declares `kodning` for the table; decimal comma or point. xlsx: the sheet named in config, or the first.
Each row keeps its row number in the file (`radnr`) so later checks can point at it.
"""

from __future__ import annotations

import csv
import difflib
import io
from pathlib import Path

import pandas as pd

from helpers.fel import Problem, visningsnamn
from helpers.filer import MAX_TABELL, OsakerFil, las_sakert
from helpers.indata.kodning import InteText
from helpers.indata.kodning import avkoda as _avkoda
from helpers.indata.scheman import Kolumnschema, Tabellschema, normalisera_kolumnnamn
from helpers.indata.tal import decimaltecken, las_tal, normalisera_nyckel

MAX_STORLEK = MAX_TABELL
SANT = {"ja", "j", "sant", "true", "1", "x"}
FALSKT = {"nej", "n", "falskt", "false", "0"}


def hitta_fil(mapp: Path, tabell: str) -> Path | None:
    for suffix in (".csv", ".xlsx"):
        fil = mapp / f"{tabell}{suffix}"
        if fil.exists():
            return fil
    return None


class FormelUtanVarde(str):
    """An xlsx cell holding a formula whose result was never saved (openpyxl reads it as empty)."""


# Columns that identify or refer to rows: normalised before uniqueness and reference checks.
REFERENSKOLUMNER = {"namnd", "overordnad", "mal", "indikator"}


def _rader_csv(data: bytes, installning: dict) -> list[list[str]]:
    text = _avkoda(data, installning.get("kodning"))
    forsta = text.split("\n", 1)[0]
    avgransare = installning.get("avgransare") or max((";", ",", "\t"), key=forsta.count)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=avgransare))


def _rader_xlsx(data: bytes, installning: dict) -> list[list[str]]:
    import openpyxl

    def blad(data_only: bool):
        bok = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
        b = bok[installning["blad"]] if installning.get("blad") else bok.worksheets[0]
        rader = [list(r) for r in b.iter_rows(values_only=True)]
        bok.close()
        return rader

    varden = blad(True)
    # A formula saved by a program that does not compute (a script, some exports) has no cached value:
    # data_only gives None, which would read as an empty cell. The formulas are read to tell them apart.
    formler = blad(False) if any(v is None for r in varden for v in r) else varden
    rader = []
    for rad, frad in zip(varden, formler):
        ut = []
        for i, v in enumerate(rad):
            f = frad[i] if i < len(frad) else None
            if v is None and isinstance(f, str) and f.startswith("="):
                ut.append(FormelUtanVarde(f))
            else:
                ut.append("" if v is None else (repr(v) if isinstance(v, float) else str(v)))
        rader.append(ut)
    return rader


def _tolka(varde: str, kolumn: Kolumnschema, decimal: str | None = None, belopp: bool = False):
    """Return the typed value, or raise ValueError with what was expected."""
    if kolumn.typ == "text":
        return varde
    if kolumn.typ == "tal":
        return las_tal(varde, decimal, procent=not belopp)
    if kolumn.typ in ("heltal", "ar", "manad"):
        try:
            tal = las_tal(varde, decimal, procent=False)
        except ValueError:
            tal = None
        if tal is None or tal != int(tal):
            raise ValueError({"heltal": "ett heltal (an integer)", "ar": "ett årtal som 2022 (a year)",
                              "manad": "en månad 1–12 (a month)"}[kolumn.typ])
        tal = int(tal)
        if kolumn.typ == "ar" and not 1990 <= tal <= 2100:
            raise ValueError("ett årtal mellan 1990 och 2100 (a year)")
        if kolumn.typ == "manad" and not 1 <= tal <= 12:
            raise ValueError("en månad 1–12 (a month)")
        return tal
    if kolumn.typ == "val":
        if varde not in kolumn.tillatna:
            raise ValueError(f"ett av: {', '.join(kolumn.tillatna)}")
        return varde
    if kolumn.typ == "bool":
        if varde.lower() in SANT:
            return True
        if varde.lower() in FALSKT:
            return False
        raise ValueError("ja eller nej (yes/no)")
    raise AssertionError(kolumn.typ)


def las_tabell(fil: Path, tabell: Tabellschema, installning: dict | None = None,
               rot: Path | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and type-check one raw table. Returns the rows that parsed and every problem found.

    ``rot`` is the folder the file must lie in (default: the kommun folder, data/raw/<kommun>/)."""
    installning = installning or {}
    namn = visningsnamn(fil)
    tom = pd.DataFrame(columns=[*tabell.kolumnnamn, "radnr"])
    try:
        data = las_sakert(fil, rot if rot is not None else fil.parent.parent, MAX_STORLEK)
    except OsakerFil as e:
        return tom, [Problem(namn, None, None, None, str(e))]
    xlsx = fil.suffix == ".xlsx"
    try:
        rader = _rader_xlsx(data, installning) if xlsx else _rader_csv(data, installning)
    except InteText as e:
        return tom, [Problem(namn, None, None, None, f"{e} (not a text file)")]
    except (UnicodeDecodeError, LookupError) as e:
        return tom, [Problem(namn, None, None, None, f"kan inte läsa teckenkodningen (encoding): {e}")]
    except csv.Error as e:
        return tom, [Problem(namn, None, None, None, f"felaktig CSV (malformed CSV): {e}")]
    except KeyError:
        return tom, [Problem(namn, None, None, installning.get("blad"), "ett blad med det namnet i arbetsboken")]
    except Exception as e:  # a corrupt xlsx raises many different things
        return tom, [Problem(namn, None, None, None, f"kan inte läsa filen (unreadable file): {e}")]
    rader = [(nr, r) for nr, r in enumerate(rader, start=1) if any(c.strip() for c in r)]
    if not rader:
        return tom, [Problem(namn, None, None, None, "filen är tom; förväntade en rubrikrad (empty file)")]

    problem: list[Problem] = []
    # Exports often put a title, a date or merged header cells above the real header: the header is the
    # first of the first ten rows that names at least two of the table's columns.
    kanda_namn = set(tabell.kolumnnamn)
    start = next((i for i, (_, r) in enumerate(rader[:10])
                  if len({normalisera_kolumnnamn(c) for c in r} & kanda_namn) >= 2), 0)
    rader = rader[start:]
    rubrikrad, rubrikceller = rader[0]
    rubrik = [normalisera_kolumnnamn(c) for c in rubrikceller]
    kanda = set(tabell.kolumnnamn)
    for i, r in enumerate(rubrik):
        if r and r not in kanda and not r.startswith("_"):
            forslag = difflib.get_close_matches(r, tabell.kolumnnamn, n=1)
            tips = f"; menade du '{forslag[0]}'?" if forslag else ""
            problem.append(Problem(namn, rubrikrad, rubrikceller[i].strip(), None,
                                   f"okänd kolumn (unknown column); kända: {', '.join(tabell.kolumnnamn)}{tips}"))
    dubbletter = {r for r in rubrik if r and rubrik.count(r) > 1}
    for r in sorted(dubbletter):
        problem.append(Problem(namn, rubrikrad, r, None, "kolumnen förekommer två gånger (duplicate column)"))
    for k in tabell.kolumner:
        if k.kravs and k.namn not in rubrik:
            problem.append(Problem(namn, rubrikrad, k.namn, None, f"kolumnen '{k.namn}' saknas (required column missing)"))
    if problem:
        return tom, problem

    index = {r: i for i, r in enumerate(rubrik) if r in kanda}
    # The file's decimal separator, judged once from all its numeric cells, so that 37.510 in a
    # decimal-comma file is rejected rather than read as 37,51 or 37 510 (xlsx cells are numbers already).
    numeriska = [index[k.namn] for k in tabell.kolumner if k.typ in ("tal", "heltal") and k.namn in index]
    decimal = None if xlsx else decimaltecken([r[i] for _, r in rader[1:] for i in numeriska if i < len(r)])
    nycklar = (set(tabell.nyckel) | REFERENSKOLUMNER) & set(index)
    dimensioner = installning.get("dimensioner") if tabell.namn == "personal" else None
    dimensioner = dimensioner if isinstance(dimensioner, dict) else None  # its shape is konfig's to report
    tillatna_grupper = {str(g) for gr in (dimensioner or {}).values() for g in (gr or [])} | {"alla"}
    poster = []
    for radnr, rad in rader[1:]:
        if len(rad) > len(rubrik) and any(c.strip() for c in rad[len(rubrik):]):
            problem.append(Problem(namn, radnr, None, None,
                                   f"raden har {len(rad)} fält men rubriken {len(rubrik)} (too many fields)"))
            continue
        post = {"radnr": radnr}
        for k in tabell.kolumner:
            cell = rad[index[k.namn]] if k.namn in index and index[k.namn] < len(rad) else ""
            if isinstance(cell, FormelUtanVarde):
                problem.append(Problem(namn, radnr, k.namn, str(cell),
                                       "ett värde; cellen har en formel utan sparat resultat: öppna och spara "
                                       "filen i Excel (formula without a cached value)"))
                post[k.namn] = None
                continue
            varde = cell.strip()
            if k.namn in nycklar and k.typ in ("text", "val"):
                normal = normalisera_nyckel(varde)
                if normal != varde:
                    problem.append(Problem(namn, radnr, k.namn, varde,
                                           f"läses som {normal!r}: osynliga tecken, kontrolltecken eller dubbla "
                                           "mellanslag togs bort (key normalised)", varning=True))
                    varde = normal
            if varde == "":
                if k.kravs:
                    problem.append(Problem(namn, radnr, k.namn, None, "värde saknas (required value missing)"))
                post[k.namn] = None  # empty means "not reported", never "no" or 0
                continue
            try:
                post[k.namn] = _tolka(varde, k, decimal, k.namn in tabell.belopp)
            except ValueError as e:
                problem.append(Problem(namn, radnr, k.namn, varde, f"förväntade {e}"))
            if k.namn == "grupp" and dimensioner and varde not in tillatna_grupper:
                problem.append(Problem(namn, radnr, k.namn, varde,
                                       "alla eller en grupp ur tabeller.personal.dimensioner i kommun.yaml "
                                       f"({', '.join(sorted(tillatna_grupper - {'alla'}))}) (undeclared group)"))
        poster.append(post)

    df = pd.DataFrame(poster, columns=[*tabell.kolumnnamn, "radnr"])
    problem += _nyckelkontroll(df, tabell, namn)
    return df, problem


def _nyckelkontroll(df: pd.DataFrame, tabell: Tabellschema, namn: str) -> list[Problem]:
    if df.empty:
        return []
    nyckel = [k for k in tabell.nyckel if k in df.columns]
    sedda: dict[tuple, int] = {}
    problem = []
    for rad in df[[*nyckel, "radnr"]].itertuples(index=False):
        *varden, radnr = rad
        k = tuple(None if pd.isna(v) else v for v in varden)
        if k in sedda:
            beskr = ", ".join(f"{n}={v}" for n, v in zip(nyckel, k) if v is not None)
            problem.append(Problem(namn, radnr, None, beskr,
                                   f"dubblett av rad {sedda[k]}: ({', '.join(nyckel)}) ska vara unik (duplicate key)"))
        else:
            sedda[k] = radnr
    return problem

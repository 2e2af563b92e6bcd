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
from helpers.indata.kodning import InteText
from helpers.indata.kodning import avkoda as _avkoda
from helpers.indata.scheman import Kolumn, Tabell, normalisera_kolumnnamn
from helpers.indata.tal import las_tal

MAX_STORLEK = 50 * 1024 * 1024  # a raw table larger than this is almost certainly the wrong export
SANT = {"ja", "j", "sant", "true", "1", "x"}
FALSKT = {"nej", "n", "falskt", "false", "0"}


def hitta_fil(mapp: Path, tabell: str) -> Path | None:
    for suffix in (".csv", ".xlsx"):
        fil = mapp / f"{tabell}{suffix}"
        if fil.exists():
            return fil
    return None


def _rader_csv(fil: Path, installning: dict) -> list[list[str]]:
    text = _avkoda(fil.read_bytes(), installning.get("kodning"))
    forsta = text.split("\n", 1)[0]
    avgransare = installning.get("avgransare") or max((";", ",", "\t"), key=forsta.count)
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=avgransare))


def _rader_xlsx(fil: Path, installning: dict) -> list[list[str]]:
    import openpyxl

    bok = openpyxl.load_workbook(fil, read_only=True, data_only=True)
    blad = bok[installning["blad"]] if installning.get("blad") else bok.worksheets[0]
    rader = [["" if v is None else (repr(v) if isinstance(v, float) else str(v)) for v in rad]
             for rad in blad.iter_rows(values_only=True)]
    bok.close()
    return rader


def _tolka(varde: str, kolumn: Kolumn):
    """Return the typed value, or raise ValueError with what was expected."""
    if kolumn.typ == "text":
        return varde
    if kolumn.typ == "tal":
        try:
            return las_tal(varde)
        except ValueError:
            raise ValueError("ett tal som 1 234,5 eller −8,4 (a number)") from None
    if kolumn.typ in ("heltal", "ar", "manad"):
        try:
            tal = las_tal(varde)
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


def las_tabell(fil: Path, tabell: Tabell, installning: dict | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """Read and type-check one raw table. Returns the rows that parsed and every problem found."""
    installning = installning or {}
    namn = visningsnamn(fil)
    tom = pd.DataFrame(columns=[*tabell.kolumnnamn, "radnr"])
    if fil.stat().st_size > MAX_STORLEK:
        return tom, [Problem(namn, None, None, None, f"filen är större än {MAX_STORLEK // 2**20} MiB (too large)")]
    try:
        rader = _rader_xlsx(fil, installning) if fil.suffix == ".xlsx" else _rader_csv(fil, installning)
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
    poster = []
    for radnr, rad in rader[1:]:
        if len(rad) > len(rubrik) and any(c.strip() for c in rad[len(rubrik):]):
            problem.append(Problem(namn, radnr, None, None,
                                   f"raden har {len(rad)} fält men rubriken {len(rubrik)} (too many fields)"))
            continue
        post = {"radnr": radnr}
        for k in tabell.kolumner:
            varde = rad[index[k.namn]].strip() if k.namn in index and index[k.namn] < len(rad) else ""
            if varde == "":
                if k.kravs:
                    problem.append(Problem(namn, radnr, k.namn, None, "värde saknas (required value missing)"))
                post[k.namn] = None  # empty means "not reported", never "no" or 0
                continue
            try:
                post[k.namn] = _tolka(varde, k)
            except ValueError as e:
                problem.append(Problem(namn, radnr, k.namn, varde, f"förväntade {e}"))
        poster.append(post)

    df = pd.DataFrame(poster, columns=[*tabell.kolumnnamn, "radnr"])
    problem += _nyckelkontroll(df, tabell, namn)
    return df, problem


def _nyckelkontroll(df: pd.DataFrame, tabell: Tabell, namn: str) -> list[Problem]:
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

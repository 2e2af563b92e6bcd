"""Investment follow-up: per project utfall against budget (helår and period), prognos, utilisation and överföring."""

from __future__ import annotations

import pandas as pd

from helpers.indata.tal import saknas

GRUPPRUBRIK = {"projekt": None, "pagaende": "Pågående projekt", "fardigstallt": "Färdigställda investeringar",
               "reserv": None}


BELOPP = ("utfall", "budget", "prognos", "overforing", "budget_period")


def _har(serie: pd.Series) -> bool:
    return bool(serie.notna().any() and (serie.astype(str).str.strip() != "").any()) if len(serie) else False


def _belopp(df: pd.DataFrame) -> dict:
    return {k: df[k].sum(min_count=1) for k in BELOPP}


def _projektnamn(r) -> str:
    return f"{r.projektnr} - {r.projekt}" if not saknas(r.projektnr) and r.projektnr else r.projekt


def per_projekt(investeringar: pd.DataFrame, ar: int, halv_enhet: float = 0.5,
                sammanstallningar: dict[str, list[dict]] | None = None) -> pd.DataFrame:
    """Project rows with utnyttjande (utfall in % of budget), avvikelser and subtotals, reserves last.
    Amounts in tkr; the sign convention is the internal one (spending positive).

    With the municipality's own groups (``tabell``, ``overordnad``) each printed table and each group level
    gets its rows and a Summa row; without them the fixed groups of ``grupp`` apply. ``reserv`` marks rows
    that are no project (reserves, Återstår av budget), so charts can leave them out.

    Rows with ``grupp = summa`` are a group's printed total (``projekt`` = the group, ``overordnad`` = the
    path above it; ``Summa`` with no path = the table's total): never a project. Where the printed figure
    agrees with the rows up to rounding (``halv_enhet`` = half a unit of the file's last digit, in tkr, per
    row) it is printed; otherwise the computed one is, and column ``summanot`` says what the source printed.

    ``sammanstallningar`` (kommun.yaml ``visas.per_tabell.<tabell>.sammanstallning``) adds rows at the end of a
    printed table that sum whole printed tables: ``{rad, tabeller, under}`` (Huddinge's "IT mm." and "Summa"
    below the samhällsbyggnad table). A printed total for such a row names it like a group
    (``projekt`` = rad, ``overordnad`` = under)."""
    inv = investeringar[investeringar["ar"] == ar].copy()
    tryckta = inv[inv["grupp"] == "summa"] if "grupp" in inv else inv.iloc[0:0]
    inv = inv.drop(tryckta.index)
    for kol in (*BELOPP, "tabell", "overordnad", "projektnr"):
        if kol not in inv:
            inv[kol] = pd.NA
    inv["grupp"] = inv["grupp"].fillna("projekt") if "grupp" in inv else "projekt"
    egna_grupper = _har(inv["tabell"]) or _har(inv["overordnad"])
    rader = _egna_grupper(inv, sammanstallningar or {}) if egna_grupper else _fasta_grupper(inv)
    ut = pd.DataFrame(rader)
    for kol in BELOPP:
        if kol not in ut:
            ut[kol] = pd.NA
    ut["reserv"] = ut["reserv"].fillna(False).astype(bool) if "reserv" in ut else False
    # Positive = better than budget (helpers.indata.tecken): budget left, or a forecast under budget.
    ut["avvikelse"] = ut["budget"] - ut["utfall"]
    if "tryckt_avvikelse" in ut:  # a printed avvikelse (from unrounded figures) on a project row wins
        tryckt = pd.to_numeric(ut["tryckt_avvikelse"], errors="coerce")
        ut["avvikelse"] = tryckt.where(tryckt.notna() & (ut["radtyp"] == "rad"), ut["avvikelse"])
    if len(tryckta) and "stig" in ut:
        ut = _tryckta_summor(ut, tryckta, halv_enhet)
    ut["prognosavvikelse"] = ut["budget"] - ut["prognos"]
    ut["periodavvikelse"] = ut["budget_period"] - ut["utfall"]
    ut["utnyttjande"] = [u / b * 100 if not saknas(u) and not saknas(b) and b else None
                         for u, b in zip(ut["utfall"], ut["budget"])]
    return ut


SUMMAKOLUMNER = {"budget": "budget", "utfall": "utfall", "overforing": "överföring", "avvikelse": "avvikelse"}


def _tryckta_summor(ut: pd.DataFrame, tryckta: pd.DataFrame, halv_enhet: float) -> pd.DataFrame:
    """The printed group totals where they agree with the rows up to rounding; a note where they do not."""
    ut = ut.copy()
    ut["summanot"] = None
    for r in tryckta.itertuples():
        tabell = "" if saknas(r.tabell) else str(r.tabell).strip()
        # a row summing whole tables is named by its full name, 'Summa' included; else a group by its path
        # ('Summa' with no path = the table's own total)
        hel = (*_stig(r.overordnad), str(r.projekt).strip())
        traff = ut.index[(ut["sammanstallning"] == True) & (ut["tabell"] == tabell)  # noqa: E712 (NaN elsewhere)
                         & (ut["stig"].map(lambda s, hel=hel: s == hel))] if "sammanstallning" in ut else []
        stig = _stig(r.overordnad) + (() if str(r.projekt).strip().lower() == "summa" else (str(r.projekt).strip(),))
        if not len(traff):
            traff = ut.index[(ut["radtyp"].isin(["summa", "totalt"])) & (ut["tabell"] == tabell)
                             & (ut["stig"].map(lambda s, st=stig: s == st))]
        if not len(traff):
            continue  # validate names a printed total without its group
        i = traff[0]
        tolerans = halv_enhet * (int(ut.at[i, "antal"]) + 1) + 0.001
        noter = []
        for kolumn, ord_ in SUMMAKOLUMNER.items():
            tryckt = getattr(r, kolumn, None)
            if kolumn == "avvikelse":  # the group's avvikelse follows its (printed) budget and utfall
                ut.at[i, "avvikelse"] = ut.at[i, "budget"] - ut.at[i, "utfall"]
            if saknas(tryckt):
                continue
            raknad = ut.at[i, kolumn]
            if saknas(raknad):
                continue
            if abs(tryckt - raknad) <= tolerans:
                ut.at[i, kolumn] = tryckt
            else:
                noter.append((ord_, tryckt, raknad))
        if noter:
            ut.at[i, "summanot"] = noter
    return ut


def _fasta_grupper(inv: pd.DataFrame) -> list[dict]:
    rader = []
    for grupp, df in inv[inv["grupp"] != "reserv"].groupby("grupp", sort=False):
        if GRUPPRUBRIK.get(grupp):
            rader.append({"projekt": GRUPPRUBRIK[grupp], "radtyp": "rubrik"})
        for r in df.itertuples():
            rader.append({"projekt": _projektnamn(r), **{k: getattr(r, k) for k in BELOPP}, "radtyp": "rad"})
        rader.append({"projekt": "Summa", **_belopp(df), "radtyp": "summa"})
    reserv = inv[inv["grupp"] == "reserv"]
    for r in reserv.itertuples():
        rader.append({"projekt": r.projekt, "utfall": r.utfall, "budget": r.budget, "radtyp": "rad", "reserv": True})
    if len(reserv):
        rader.append({"projekt": "Summa investeringsprojekt", "utfall": inv["utfall"].sum(min_count=1),
                      "budget": inv["budget"].sum(min_count=1), "radtyp": "totalt"})
        rader.append({"projekt": "Återstår av budget", "budget": inv["budget"].sum() - inv["utfall"].sum(),
                      "radtyp": "rad", "reserv": True})
    return rader


def summarubrik(grupp: str) -> str:
    """'Genomförandeprojekt' → 'Summa genomförandeprojekt'; a group already named 'Summa …' keeps its name."""
    if grupp.lower().startswith(("summa", "totalt")):
        return grupp
    # 'IT investeringar' keeps its capitals: only a capitalised ordinary word is lowered
    forsta = grupp[:1].lower() if grupp[1:2].islower() else grupp[:1]
    return f"Summa {forsta}{grupp[1:]}"


def _stig(varde) -> tuple[str, ...]:
    return () if saknas(varde) or not str(varde).strip() else tuple(d.strip() for d in str(varde).split("/") if d.strip())


def _egna_grupper(inv: pd.DataFrame, sammanstallningar: dict[str, list[dict]]) -> list[dict]:
    """One block per printed table (file order); inside it the group path: heading, rows, 'Summa …' per level;
    last, the table's rows that sum whole tables (``sammanstallningar``)."""
    rader = []
    inv = inv.assign(_tabell=inv["tabell"].map(lambda t: "" if saknas(t) else str(t).strip()),
                     _stig=inv["overordnad"].map(_stig))
    for tabell, df in inv.groupby("_tabell", sort=False):
        rader += _niva(df, 0, tabell)
        toppar = {s[0] if s else None for s in df["_stig"]}
        if len(toppar) > 1 or None in toppar:  # one top group: its Summa row is already the table's total
            rader.append({"projekt": "Summa", **_belopp(df), "radtyp": "totalt", "djup": 0, "tabell": tabell,
                          "stig": (), "antal": len(df)})
        for rad in sammanstallningar.get(tabell) or ():
            delar = inv[inv["_tabell"].isin([str(t) for t in rad["tabeller"]])]
            under = _stig(rad.get("under"))
            rader.append({"projekt": rad["rad"], **_belopp(delar), "radtyp": "summa", "djup": len(under),
                          "tabell": tabell, "stig": (*under, str(rad["rad"]).strip()), "antal": len(delar),
                          "sammanstallning": True})
    return rader


def _niva(df: pd.DataFrame, djup: int, tabell: str) -> list[dict]:
    rader = []
    # Rows and groups in file order: a group is placed where its first row is.
    platser = dict.fromkeys(r[djup] if len(r) > djup else None for r in df["_stig"])
    for grupp in platser:
        if grupp is None:
            for r in df[df["_stig"].map(len) == djup].itertuples():
                reserv = r.grupp == "reserv"
                rader.append({"projekt": _projektnamn(r), **{k: getattr(r, k) for k in BELOPP}, "radtyp": "rad",
                              "djup": djup, "tabell": tabell, "reserv": reserv,
                              "tryckt_avvikelse": getattr(r, "avvikelse", None)})
            continue
        del_ = df[df["_stig"].map(lambda s, g=grupp: len(s) > djup and s[djup] == g)]
        if not grupp.lower().startswith(("summa", "totalt")):
            rader.append({"projekt": grupp, "radtyp": "rubrik", "djup": djup, "tabell": tabell})
        rader += _niva(del_, djup + 1, tabell)
        rader.append({"projekt": summarubrik(grupp), **_belopp(del_), "radtyp": "summa", "djup": djup, "tabell": tabell,
                      "stig": del_["_stig"].iloc[0][: djup + 1], "antal": len(del_)})
    return rader


def projektrader(investeringar: pd.DataFrame) -> pd.DataFrame:
    """The rows that are projects or reserves: a printed group total (grupp = summa) is neither."""
    return investeringar[investeringar["grupp"] != "summa"] if "grupp" in investeringar else investeringar


def egna(investeringar: pd.DataFrame, aterger=()) -> pd.DataFrame:
    """The project rows that may be added up: never a printed group total, and never a table that restates
    projects of the others (a list of saldoöverföringar, kommun.yaml ``tabeller.investeringar.aterger``),
    which would count them twice."""
    inv = projektrader(investeringar)
    return inv[~inv["tabell"].isin(set(aterger))] if aterger and "tabell" in inv else inv


def totalt(investeringar: pd.DataFrame, ar: int, aterger=()) -> dict:
    """Totals of the year's own projects. The proposed överföring is theirs; when they give none, a restating
    table's överföring is still the nämnd's proposal (Huddinge 2019 lists it only there)."""
    inv = egna(investeringar, aterger)
    inv = inv[inv["ar"] == ar]
    utfall, budget = inv["utfall"].sum(), inv["budget"].sum()
    overforing = inv["overforing"].sum(min_count=1)
    if pd.isna(overforing) and aterger and "tabell" in investeringar:
        ater = projektrader(investeringar)
        ater = ater[ater["tabell"].isin(set(aterger)) & (ater["ar"] == ar)]
        overforing = ater["overforing"].sum(min_count=1)
    return {"utfall": utfall, "budget": budget, "overforing": overforing,
            "utnyttjande": utfall / budget * 100 if budget else None,
            "prognos": inv["prognos"].sum(min_count=1)}


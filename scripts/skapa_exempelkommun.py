"""Generate the synthetic municipality data/raw/exempel/ ("Exempelkommun"). Deterministic: the same
seed always writes byte-identical files (tests/test_exempelkommun.py checks that).

Exempelkommun differs from Haninge on purpose, to exercise what Haninge's data cannot:
11 nämnder; a delårsrapport (januari–augusti) with monthly data and helårsprognos; an årsredovisning;
a four-level goal model (målområde → KF-mål → nämndmål → indikator with etappmål); a four-step
assessment scale with other codes and colours; a result-perspective drift export (costs negative)
and a ledger-signed resultaträkning (revenues negative); indicators split by kön; personnel groups
small enough to need suppression.

    python scripts/skapa_exempelkommun.py [--ut data/raw/exempel]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
from pathlib import Path

FRO = 20241
AR = 2024

NAMNDER = [
    ("ks", "Kommunstyrelsen", "Kommunledningsförvaltningen", 310_000),
    ("bun", "Barn- och utbildningsnämnden", "Utbildningsförvaltningen", 1_450_000),
    ("gyn", "Gymnasienämnden", "Utbildningsförvaltningen", 420_000),
    ("son", "Socialnämnden", "Socialförvaltningen", 690_000),
    ("aon", "Äldreomsorgsnämnden", "Äldreförvaltningen", 880_000),
    ("kfn", "Kultur- och fritidsnämnden", "Kultur- och fritidsförvaltningen", 160_000),
    ("sbn", "Samhällsbyggnadsnämnden", "Samhällsbyggnadsförvaltningen", 95_000),
    ("mhn", "Miljö- och hälsoskyddsnämnden", "Miljöförvaltningen", 28_000),
    ("tn", "Tekniska nämnden", "Tekniska förvaltningen", 240_000),
    ("ofn", "Överförmyndarnämnden", "Kommunledningsförvaltningen", 9_000),
    ("vn", "Valnämnden", "Kommunledningsförvaltningen", 3_500),
]

AVDELNINGAR = {
    "ks": {"Ledning och stöd": ["Kommundirektörens stab", "Ekonomiavdelningen", "HR-avdelningen"],
           "Samhällsutveckling": ["Näringsliv", "Mark och exploatering"]},
    "bun": {"Förskola": ["Förskolor norra", "Förskolor södra"], "Grundskola": ["Grundskolor F–6", "Grundskolor 7–9"],
            "Elevhälsa och stöd": ["Centrala elevhälsan", "Särskola"]},
    "gyn": {"Gymnasieskola": ["Egen regi", "Interkommunala ersättningar"], "Vuxenutbildning": ["Komvux", "SFI"]},
    "son": {"Individ- och familjeomsorg": ["Barn och unga", "Vuxen", "Ekonomiskt bistånd"],
            "Funktionsnedsättning": ["LSS-boenden", "Personlig assistans"]},
    "aon": {"Hemtjänst": ["Hemtjänst egen regi", "Hemtjänst valfrihet"], "Särskilt boende": ["Boenden", "Korttidsvård"],
            "Hälso- och sjukvård": ["Sjuksköterskor", "Rehab"]},
    "kfn": {"Kultur": ["Bibliotek", "Kulturskola"], "Fritid": ["Idrottsanläggningar", "Fritidsgårdar"]},
    "sbn": {"Plan och bygg": ["Bygglov", "Detaljplaner"], "Trafik": ["Trafikplanering"]},
    "mhn": {"Miljö och hälsa": ["Tillsyn", "Livsmedelskontroll"]},
    "tn": {"Gata och park": ["Gator och vägar", "Parker"], "Fastighet": ["Lokalförsörjning", "Intern service"]},
    "ofn": {"Överförmyndare": ["Ställföreträdare", "Handläggning"]},
    "vn": {"Val": ["Valadministration"]},
}

SKALA = [
    {"kod": "uppfyllt", "mening": "är uppfyllt", "etikett": "Uppfyllt", "farg": "#1B5E20", "symbol": "▲"},
    {"kod": "delvis", "mening": "är delvis uppfyllt", "etikett": "Delvis uppfyllt", "farg": "#7A5300", "symbol": "■"},
    {"kod": "ej_uppfyllt", "mening": "är inte uppfyllt", "etikett": "Ej uppfyllt", "farg": "#A4001D", "symbol": "▼"},
    {"kod": "ej_bedomt", "mening": "har inte bedömts", "etikett": "Ej bedömt", "farg": "#555555", "symbol": "○"},
]


def _csv(rader: list[list], rubrik: list[str]) -> str:
    ut = io.StringIO()
    w = csv.writer(ut, delimiter=";", lineterminator="\r\n")
    w.writerow(rubrik)
    for r in rader:
        w.writerow(["" if v is None else (_sv(v) if isinstance(v, float) else v) for v in r])
    return ut.getvalue()


def _sv(x: float) -> str:
    """Decimal comma, no thousands separator: what Excel writes to a ;-separated CSV."""
    return f"{x:.3f}".replace(".", ",")


def kommun_yaml() -> str:
    rader = ["# Exempelkommun: SYNTETISKA DATA, skapade av scripts/skapa_exempelkommun.py. Ingen verklig kommun.",
             "namn: Exempelkommun", 'kod: "9999"', "syntetisk: true", "", "namnder:"]
    for nid, namn, forv, _ in NAMNDER:
        rader.append(f"  - {{id: {nid}, namn: {namn}, forvaltning: {forv}}}")
    rader += [
        "", "rapporttyper:",
        "  arsredovisning:",
        "    namn: Verksamhetsberättelse",
        "    titel: \"Verksamhetsberättelse {period} – {namnd}\"",
        "    sektioner: [sammanfattning, inledning, mal, uppdrag, ekonomi, investeringar, personal, internkontroll]",
        "  delarsrapport:",
        "    namn: Delårsrapport",
        "    titel: \"Delårsrapport {period} – {namnd}\"",
        "    sektioner: [sammanfattning, mal, uppdrag, ekonomi, investeringar, personal]",
        "  strategi_och_budget:",
        "    namn: Strategi och budget",
        "    titel: \"Strategi och budget {period} – {namnd}\"",
        "    planering: true",
        "    sektioner: [inledning, forutsattningar, mal, driftbudget, investeringsbudget, risk]",
        "", "malnivaer:",
        "  - {id: malomrade, namn: Målområde}",
        "  - {id: kf_mal, namn: Kommunfullmäktiges mål}",
        "  - {id: namndmal, namn: Nämndmål}",
        "", "skalor:", "  mal:",
    ]
    for s in SKALA:
        rader.append(f"    - {{kod: {s['kod']}, etikett: {s['etikett']}, farg: \"{s['farg']}\", symbol: \"{s['symbol']}\", "
                     f"mening: {s['mening']}}}")
    rader += [
        "  uppdrag:",
        "    - {kod: ej_startat, etikett: Ej startat, farg: \"#555555\", symbol: \"○\", mening: har inte startat}",
        "    - {kod: pagar, etikett: Pågår, farg: \"#1F4E79\", symbol: \"◑\", mening: pågår}",
        "    - {kod: klart, etikett: Klart, farg: \"#1B5E20\", symbol: \"●\", mening: är klara, mening_en: är klart}",
        "    - {kod: forsenat, etikett: Försenat, farg: \"#A4001D\", symbol: \"!\", mening: är försenade, mening_en: är försenat}",
        "", 'palett: ["#00558C", "#C8500A", "#2E7D32", "#6A3D9A", "#A4001D"]',
        "", "# The economy system exports drift in result perspective (costs negative) and the",
        "# resultaträkning ledger-style (revenues negative); helpers/tecken.py normalises both.",
        "tabeller:",
        "  drift: {enhet: tkr, kostnader: negativa}",
        "  resultat: {enhet: tkr, intakter: negativa, kostnader: positiva}",
        "  investeringar: {enhet: tkr, utgifter: positiva}",
        "  investeringsbudget: {enhet: tkr, utgifter: positiva}",
        "  personal: {min_antal: 5}",
        "", "# Comparison units for the Kolada charts (riket 0000 is always included).",
        "kolada:", "  jamforelse:", "    - {id: G-EXEMPEL, namn: Liknande kommuner (syntetisk grupp)}",
    ]
    return "\n".join(rader) + "\n"


def drift(rng: random.Random, till_manad: int) -> tuple[str, dict]:
    """Monthly drift per enhet; also returns per nämnd (fg-års utfall, årsbudget, ack. utfall) in tkr."""
    rader, summor = [], {}
    for nid, _, _, ram in NAMNDER:
        enheter = [(avd, enh) for avd, lista in AVDELNINGAR[nid].items() for enh in lista]
        vikter = [rng.uniform(0.5, 1.5) for _ in enheter]
        for (avd, enh), vikt in zip(enheter, vikter):
            arsbudget = ram * vikt / sum(vikter)
            tendens = rng.uniform(-0.04, 0.05)  # > 0: costs above budget
            fg_utfall = arsbudget * rng.uniform(0.93, 1.02)
            rader.append([nid, enh, avd, AR - 1, None, None, -round(fg_utfall, 3), None])
            summa = summor.setdefault(nid, [0.0, 0.0, 0.0])
            summa[0] += round(fg_utfall, 3)
            summa[1] += arsbudget
            sasong = [1.0, 1.0, 1.05, 1.0, 1.0, 1.1, 0.6, 0.85, 1.05, 1.05, 1.05, 1.25]
            for m in range(1, 13):
                budget_m = arsbudget * sasong[m - 1] / sum(sasong)
                utfall_m = budget_m * (1 + tendens + rng.uniform(-0.03, 0.03)) if m <= till_manad else None
                prognos = None
                if till_manad < 12 and m == 12:
                    prognos = -round(arsbudget * (1 + tendens * 0.8), 3)
                summa[2] += round(utfall_m, 3) if utfall_m is not None else 0.0
                rader.append([nid, enh, avd, AR, m, -round(budget_m, 3),
                              None if utfall_m is None else -round(utfall_m, 3), prognos])
    return _csv(rader, ["namnd", "verksamhet", "overordnad", "ar", "manad", "budget", "utfall", "prognos"]), summor


def resultat(rng: random.Random, summor: dict) -> str:
    """Intäkter and kostnader whose difference is the drift's nettokostnad for each column."""
    rader = []
    for nid, _, _, ram in NAMNDER:
        fg, budget, ack = summor[nid]
        for ar, typ, netto in ((AR - 1, "utfall", fg), (AR, "budget", budget), (AR, "utfall", ack)):
            intakter = netto * rng.uniform(0.08, 0.25)
            kostnader = netto + intakter
            rader.append([nid, ar, typ, -round(intakter, 3), round(kostnader, 3), None,
                          round(ram * rng.uniform(-0.02, 0.02), 3) if ar < AR else None])
    return _csv(rader, ["namnd", "ar", "typ", "intakter", "kostnader", "nettokostnad", "resultat"])


def mal_och_indikatorer(rng: random.Random) -> dict[str, str]:
    omraden = [("MO1", "Livskvalitet"), ("MO2", "Hållbar tillväxt"), ("MO3", "Ekonomi och organisation")]
    kf = [("KF1", "MO1", "Invånarna upplever trygghet i hela kommunen"),
          ("KF2", "MO1", "Barn och unga ges goda förutsättningar att lyckas"),
          ("KF3", "MO2", "Kommunen minskar sin klimatpåverkan"),
          ("KF4", "MO3", "Kommunen har en ekonomi i balans")]
    mal, ind, varden, bed = [], [], [], []
    for i, (mid, namn) in enumerate(omraden, 1):
        mal.append([mid, None, "malomrade", str(i), namn, None, None, None])
    for i, (mid, foralder, titel) in enumerate(kf, 1):
        mal.append([mid, foralder, "kf_mal", str(i), titel, None, f"Fullmäktiges mål {i}.", None])
    n = 0
    for nid, namn, _, _ in NAMNDER:
        for kid, _, titel in rng.sample(kf, 2):
            n += 1
            gid = f"{nid.upper()}-{kid}"
            mal.append([gid, kid, "namndmal", None, f"{namn} bidrar till att: {titel.lower()}", None, None, nid])
            iid = f"I{n:03d}"
            hogre = rng.random() < 0.6
            bas = rng.uniform(40, 80)
            kolada = f"N{rng.randint(0, 99999):05d}" if rng.random() < 0.5 else None
            ind.append([iid, gid, f"Andel nöjda invånare inom {namn.lower()} (%)", "KF", "procent",
                        "hogre_battre" if hogre else "lagre_battre", 1, kolada, None])
            for ar in range(AR - 3, AR + 1):
                varde = bas + (ar - AR) * rng.uniform(-2, 2)
                varden.append([iid, ar, "utfall", "T", round(varde, 1), None, None, "Kolada" if kolada else "Egen mätning"])
                for kon, skift in (("K", 1.5), ("M", -1.5)):
                    varden.append([iid, ar, "utfall", kon, round(varde + skift, 1), None, None, None])
            varden.append([iid, AR, "mal", "T", round(bas + (3 if hogre else -3), 1), "niva", None, None])
            varden.append([iid, AR + 2, "etappmal", "T", round(bas + (5 if hogre else -5), 1), "niva", None, None])
            bed.append([nid, gid, rng.choice([s["kod"] for s in SKALA]), f"Bedömningen grundar sig på indikatorn {iid} och nämndens aktiviteter."])
    return {
        "mal": _csv(mal, ["id", "overordnad", "niva", "nummer", "titel", "kortnamn", "beskrivning", "namnd"]),
        "indikatorer": _csv(ind, ["id", "mal", "namn", "agare", "enhet", "polaritet", "decimaler", "kolada_id", "fotnot"]),
        "indikatorvarden": _csv(varden, ["indikator", "ar", "typ", "kon", "varde", "vardetyp", "saknas", "kalla"]),
        "malbedomning": _csv(bed, ["namnd", "mal", "bedomning", "motivering"]),
    }


def ovrigt(rng: random.Random) -> dict[str, str]:
    inv, upp, pers, ik = [], [], [], []
    for nid, namn, _, ram in NAMNDER:
        for j in range(rng.randint(2, 5)):
            budget = round(ram * rng.uniform(0.002, 0.02), 3)
            utfall = round(budget * rng.uniform(0.1, 1.2), 3)
            inv.append([nid, f"Investeringsprojekt {j + 1}", f"{90000 + j}", "projekt", AR, budget, utfall, None,
                        round(max(budget - utfall, 0) * 0.5, 3)])
        for j in range(rng.randint(2, 4)):
            upp.append([nid, f"{AR} {nid.upper()} {j + 1}", f"Uppdrag {j + 1} till {namn.lower()}", "KF Mål och budget",
                        None, rng.choice(["ej_startat", "pagar", "klart", "klart", "forsenat"]), "Arbetet följer plan."])
        anstallda = max(int(ram / 900), 3)
        for grupp, andel in (("alla", 1.0), ("K", 0.78), ("M", 0.22)):
            pers.append([nid, AR, None, "antal_anstallda", grupp, float(round(anstallda * andel)), round(anstallda * andel)])
            pers.append([nid, AR, None, "sjukfranvaro", grupp, round(rng.uniform(3, 9), 1), round(anstallda * andel)])
        pers += personal_tillagg(nid, anstallda)
        for j in range(2):
            ik.append([nid, f"IK{j + 1}", "Tillförlitlig finansiell rapportering", "Felaktiga utbetalningar",
                       "Stickprov av 20 fakturor", "Inga avvikelser" if j else "Två avvikelser", None if j else "Rutinen ses över", "nej" if j else "ja"])
    return {
        "investeringar": _csv(inv, ["namnd", "projekt", "projektnr", "grupp", "ar", "budget", "utfall", "prognos", "overforing"]),
        "uppdrag": _csv(upp, ["namnd", "id", "titel", "kalla", "grupp", "status", "kommentar"]),
        "personal": _csv(pers, ["namnd", "ar", "manad", "nyckeltal", "grupp", "varde", "antal"]),
        "internkontroll": _csv(ik, ["namnd", "id", "malkategori", "risk", "kontrollmoment", "resultat", "atgard", "avvikelse"]),
    }


def personal_tillagg(nid: str, anstallda: int) -> list[list]:
    """Last year's figures, age groups and monthly sjukfrånvaro. Small nämnder get groups under five
    persons, so the reports show the suppression. Own random stream: the figures above stay as they were."""
    rng = random.Random(f"{FRO}-personal-{nid}")
    rader = []
    for grupp, andel in (("alla", 1.0), ("K", 0.78), ("M", 0.22)):
        rader.append([nid, AR - 1, None, "sjukfranvaro", grupp, round(rng.uniform(3, 9), 1), round(anstallda * andel)])
    for ar in (AR - 1, AR):
        for grupp, andel in (("-29", 0.15), ("30-49", 0.5), ("50-", 0.35)):
            rader.append([nid, ar, None, "sjukfranvaro", grupp, round(rng.uniform(2, 10), 1), round(anstallda * andel)])
    for ar in (AR - 1, AR):
        for m in range(1, 13):
            sasong = 1.3 if m in (1, 2, 12) else (0.7 if m in (6, 7) else 1.0)
            rader.append([nid, ar, m, "sjukfranvaro", "alla", round(rng.uniform(4, 7) * sasong, 1), anstallda])
    return rader


def budgetperiod(ut: Path) -> None:
    """Strategi och budget for the next year: drift budget for AR and AR+1, investment budget and plan."""
    rng = random.Random(f"{FRO}-budget")
    mapp = ut / str(AR + 1)
    mapp.mkdir(exist_ok=True)
    (mapp / "period.yaml").write_text(
        f"# Syntetisk budgetperiod: Strategi och budget {AR + 1}–{AR + 2}.\nar: {AR + 1}\ntill_manad: 12\n"
        f"rapporttyper: [strategi_och_budget]\nbeslut: kommunfullmäktiges beslut {AR}-11-18 § 99\n", encoding="utf-8")
    drift_rader, inv = [], []
    for nid, _, _, ram in NAMNDER:
        for avd, enheter in AVDELNINGAR[nid].items():
            for enh in enheter:
                budget = ram / sum(len(e) for e in AVDELNINGAR[nid].values())
                for ar, faktor in ((AR, 1.0), (AR + 1, rng.uniform(0.98, 1.06))):
                    drift_rader.append([nid, enh, avd, ar, None, -round(budget * faktor, 3), None, None])
        for j in range(rng.randint(2, 4)):
            tidigare = round(ram * rng.uniform(0, 0.01), 3) if j == 0 else None
            if tidigare:
                inv.append([nid, f"Investeringsprojekt {j + 1}", AR, "tidigare", tidigare])
            for ar in range(AR + 1, AR + 5):
                inv.append([nid, f"Investeringsprojekt {j + 1}", ar, "budget" if ar == AR + 1 else "plan",
                            round(ram * rng.uniform(0.001, 0.01), 3)])
    filer = {"drift": _csv(drift_rader, ["namnd", "verksamhet", "overordnad", "ar", "manad", "budget", "utfall", "prognos"]),
             "investeringsbudget": _csv(inv, ["namnd", "projekt", "ar", "typ", "belopp"])}
    for namn, text in filer.items():
        (mapp / f"{namn}.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    for fil in ("mal", "indikatorer", "indikatorvarden"):
        (mapp / f"{fil}.csv").write_bytes((ut / str(AR) / f"{fil}.csv").read_bytes())
    kommentarer(mapp, {"inledning": "Strategi och budget beskriver vad nämnden ska uppnå {ar} och hur budgeten "
                                    "fördelas. *Syntetisk exempeltext.*",
                       "forutsattningar": "Befolkningen väntas växa med omkring en procent per år. Kostnaderna för "
                                          "löner och lokaler ökar snabbare än intäkterna. *Syntetisk exempeltext.*",
                       "risk": "| Risk | Effekt |\n|---|---|\n| Löneökning 1 procentenhet utöver budget | Ökade "
                               "kostnader |\n| Fler barn och äldre än prognos | Ökade volymer |\n\n*Syntetisk exempeltext.*"},
                AR + 1)


def kommentarer(mapp: Path, texter: dict[str, str], ar: int) -> None:
    for nid, *_ in NAMNDER:
        m = mapp / "kommentarer" / nid
        m.mkdir(parents=True, exist_ok=True)
        for sektion, text in texter.items():
            (m / f"{sektion}.md").write_text(text.format(ar=ar) + "\n", encoding="utf-8")


def kolada_inspelning(ut: Path) -> None:
    """Recorded Kolada v3 responses (synthetic) for every Kolada id the indicators name: the municipality
    (9999, with gender split), riket and the comparison group, one missing value with a status."""
    rng = random.Random(f"{FRO}-kolada")
    ids = {}
    for period in ("2024-08", str(AR)):
        for rad in csv.DictReader(io.StringIO((ut / period / "indikatorer.csv").read_text(encoding="utf-8-sig")),
                                  delimiter=";"):
            if rad["kolada_id"]:
                ids[rad["kolada_id"]] = rad["namn"]
    # Kolada's figures for the municipality agree with its own data; riket and the group lie near them.
    egna = {}
    indikator_kpi = {}
    for rad in csv.DictReader(io.StringIO((ut / str(AR) / "indikatorer.csv").read_text(encoding="utf-8-sig")),
                              delimiter=";"):
        if rad["kolada_id"]:
            indikator_kpi[rad["id"]] = rad["kolada_id"]
    for rad in csv.DictReader(io.StringIO((ut / str(AR) / "indikatorvarden.csv").read_text(encoding="utf-8-sig")),
                              delimiter=";"):
        if rad["indikator"] in indikator_kpi and rad["typ"] == "utfall" and rad["kon"] == "T":
            egna[(indikator_kpi[rad["indikator"]], int(rad["ar"]))] = float(rad["varde"].replace(",", "."))
    rader = []
    for kpi in sorted(ids):
        bas = next((v for (k, _), v in egna.items() if k == kpi), rng.uniform(40, 80))
        for enhet, skift in (("9999", 0.0), ("0000", rng.uniform(-6, 6)), ("G-EXEMPEL", rng.uniform(-4, 4))):
            for ar in range(AR - 5, AR + 1):
                varde = round(egna.get((kpi, ar), bas + (ar - AR) * rng.uniform(-1.5, 1.5)) + skift, 1)
                if enhet == "0000" and ar == AR - 5:
                    varden = [{"gender": "T", "value": None, "count": 0, "status": "-", "isdeleted": False}]
                else:
                    varden = [{"gender": "T", "value": varde, "count": 1, "status": "", "isdeleted": False}]
                    if enhet != "G-EXEMPEL":
                        varden += [{"gender": k, "value": round(varde + d, 1), "count": 1, "status": "", "isdeleted": False}
                                   for k, d in (("K", 1.2), ("M", -1.2))]
                rader.append({"kpi": kpi, "municipality": enhet, "period": ar, "values": varden})
    mapp = ut / "kolada"
    mapp.mkdir(exist_ok=True)
    (mapp / "data.json").write_text(json.dumps({"hamtad": "syntetiskt", "count": len(rader), "next_url": None,
                                                "values": rader}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    meta = [{"id": k, "title": f"{namn} (syntetisk)", "is_divided_by_gender": True} for k, namn in sorted(ids.items())]
    (mapp / "kpi.json").write_text(json.dumps({"hamtad": "syntetiskt", "count": len(meta), "values": meta},
                                              ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def skriv(ut: Path) -> None:
    ut.mkdir(parents=True, exist_ok=True)
    (ut / "kommun.yaml").write_text(kommun_yaml(), encoding="utf-8")
    for period, till, typer in (("2024-08", 8, "delarsrapport"), ("2024", 12, "arsredovisning")):
        rng = random.Random(f"{FRO}-{period}")
        mapp = ut / period
        mapp.mkdir(exist_ok=True)
        (mapp / "period.yaml").write_text(
            f"# Syntetisk period. {'Delår januari–augusti' if till < 12 else 'Helår'} {AR}.\n"
            f"ar: {AR}\ntill_manad: {till}\nrapporttyper: [{typer}]\n", encoding="utf-8")
        drift_csv, summor = drift(rng, till)
        tabeller = {"drift": drift_csv, "resultat": resultat(rng, summor), **mal_och_indikatorer(rng), **ovrigt(rng)}
        for namn, text in tabeller.items():
            (mapp / f"{namn}.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # Excel's "CSV UTF-8"
        kommentarer(mapp, {"inledning": "Verksamhetsberättelsen redovisar hur nämnden har arbetat mot "
                                        "fullmäktiges mål och hur ekonomin utvecklats {ar}. *Syntetisk exempeltext.*",
                            "sammanfattning": "Nämnden har i huvudsak bedrivit verksamheten enligt plan. "
                                              "*Syntetisk exempeltext.*"}, AR)
        (mapp / "kommentarer" / "bun" / "ekonomi.md").write_text(
            "Underskottet inom **grundskolan** beror främst på fler elever i behov av särskilt stöd "
            "än budgeterat.\n\n- Åtgärdsplan beslutad i nämnden\n- Uppföljning varje månad\n", encoding="utf-8")
    budgetperiod(ut)
    kolada_inspelning(ut)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ut", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "raw" / "exempel")
    skriv(parser.parse_args().ut)

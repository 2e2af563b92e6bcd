"""Generate the synthetic municipality data/raw/exempel/ ("Exempelkommun"). Deterministic: the same
seed always writes byte-identical files (tests/test_exempelkommun.py checks that).

Exempelkommun differs from Haninge on purpose, to exercise what Haninge's data cannot:
11 nämnder; a delårsrapport (januari–augusti) with monthly data and helårsprognos; an årsredovisning;
a four-level goal model (målområde → KF-mål → nämndmål → indikator with etappmål); a four-step
assessment scale with other codes and colours; a result-perspective drift export (costs negative)
and a ledger-signed resultaträkning (revenues negative); indicators split by kön; personnel groups
small enough to need suppression. Data model v2 in full: monthly (non-linear) budgets, prognos in drift,
resultaträkning and investeringar, the resultaträkning per kostnadsslag (resultatposter) with period budget
and prognos in the delårsrapport, text targets (Öka, Minska, Länssnitt, a phrase), antal anställda at a
point in time (matning ogonblick), and costs printed negative in the delårsrapport only (period.yaml).

It is also the demo, so it must read like a real report: invented but typical goals, indicators, projects
and uppdrag per nämnd, and figures that agree with each other (assessments follow the targets, status
texts the status, sick leave in total lies between women's and men's, no outcome after the period's last
month, summaries written from the numbers). kommun.yaml `syntetisk: true` marks every report as fictional.

    python scripts/skapa_exempelkommun.py [--ut data/raw/exempel]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
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
        "  resultatposter: {enhet: tkr, intakter: negativa, kostnader: positiva, decimaler: 3}   # the export has three decimals",
        "  investeringar: {enhet: tkr, utgifter: positiva}",
        "  investeringsbudget: {enhet: tkr, utgifter: positiva}",
        "  personal: {min_antal: 5}",
        "", "# Comparison units for the Kolada charts (riket 0000 is always included).",
        "kolada:", "  jamforelse:", "    - {id: G-EXEMPEL, namn: Liknande kommuner (syntetisk grupp)}",
    ]
    return "\n".join(rader) + "\n"



# --- What each nämnd works on: goals, indicators, projects, uppdrag. Invented, but the kind of thing a
# Swedish nämnd of that type reports, so the demo reads like a real report. -----------------------------

KF = [("KF1", "MO1", "Invånarna upplever trygghet i hela kommunen",
       "Tryggheten ska öka i alla kommundelar, både i den fysiska miljön och i mötet med kommunens verksamheter."),
      ("KF2", "MO1", "Barn och unga ges goda förutsättningar att lyckas",
       "Alla barn och unga ska få det stöd de behöver för att klara skolan och etablera sig i arbetslivet."),
      ("KF3", "MO2", "Kommunen minskar sin klimatpåverkan",
       "Kommunorganisationens utsläpp av växthusgaser ska halveras till 2030 jämfört med 2019."),
      ("KF4", "MO3", "Kommunen har en ekonomi i balans",
       "Resultatet ska uppgå till minst två procent av skatter och statsbidrag över en femårsperiod.")]


def _i(namn: str, enhet: str, polaritet: str, niva: float, dec: int = 1, kon: bool = False,
       kolada: str | None = None) -> tuple:
    """One indicator: name, unit, polarity (hogre, lagre or ingen), the 2024 level it lies near, decimals,
    split by kön, Kolada id."""
    return namn, enhet, {"hogre": "hogre_battre", "lagre": "lagre_battre"}.get(polaritet, polaritet), niva, dec, kon, kolada


# nämnd → KF-mål → (nämndmål, what the nämnd did for it, indicators). Every nämnd has one for each KF-mål,
# since a scale kommun (scripts/skapa_skalkommuner.py) may give a nämnd all four.
MAL = {
    "ks": {
        "KF1": ("Brott och otrygghet förebyggs i samverkan med polisen",
                "Medborgarlöftet med polisen har följts upp och trygghetsvandringar har genomförts i tre kommundelar",
                [_i("Andel invånare som känner sig trygga utomhus på kvällen", "procent", "hogre", 67, kon=True,
                    kolada="N07402"),
                 _i("Anmälda våldsbrott per 1 000 invånare", "antal", "lagre", 9.6)]),
        "KF2": ("Fler unga etablerar sig på arbetsmarknaden",
                "Kommunens feriepraktik har utökats och samarbetet med Arbetsförmedlingen om unga har förnyats",
                [_i("Andel unga 18–24 år som är öppet arbetslösa eller i program", "procent", "lagre", 8.4,
                    kon=True, kolada="N00956")]),
        "KF3": ("Kommunorganisationens transporter blir fossilfria",
                "Leasingavtalen för personbilar byts successivt mot elbilar när de löper ut",
                [_i("Andel miljöbilar i kommunorganisationen", "procent", "hogre", 54, kolada="N07403"),
                 _i("Koldioxidutsläpp från tjänsteresor", "ton", "lagre", 310, dec=0)]),
        "KF4": ("Kommunkoncernen når de finansiella målen",
                "Nämnderna har fått månatlig uppföljning och åtgärdsplaner där prognosen visat underskott",
                [_i("Resultat som andel av skatter och generella statsbidrag", "procent", "hogre", 1.9,
                    kolada="N03101"),
                 _i("Självfinansieringsgrad för investeringar", "procent", "hogre", 71, dec=0)]),
    },
    "bun": {
        "KF1": ("Alla barn och elever är trygga i förskola och skola",
                "Samtliga skolor har reviderat sina planer mot kränkande behandling och infört rastvärdar",
                [_i("Andel elever i årskurs 5 som känner sig trygga i skolan", "procent", "hogre", 86, kon=True,
                    kolada="N15613")]),
        "KF2": ("Fler elever når kunskapskraven",
                "Läsinsatser i lågstadiet och utökad studiehandledning på modersmål har genomförts",
                [_i("Andel elever i årskurs 9 som är behöriga till yrkesprogram", "procent", "hogre", 83,
                    kon=True, kolada="N15428"),
                 _i("Genomsnittligt meritvärde i årskurs 9", "meritpoäng", "hogre", 224, kon=True)]),
        "KF3": ("Måltiderna i förskola och skola får lägre klimatpåverkan",
                "Köken har infört en vegetarisk dag i veckan och mäter matsvinnet dagligen",
                [_i("Andel ekologiska livsmedel i förskola och skola", "procent", "hogre", 34, kolada="U07414"),
                 _i("Matsvinn i skolrestaurangerna", "gram per portion", "lagre", 42, dec=0)]),
        "KF4": ("Verksamheten bedrivs inom tilldelad budget",
                "Resursfördelningen till skolorna har setts över och bemanningen anpassats till elevantalet",
                [_i("Kostnad per elev i grundskolan", "kr", "lagre", 118_400, dec=0, kolada="N15008"),
                 _i("Andel skolenheter med ekonomi i balans", "procent", "hogre", 74, dec=0)]),
    },
    "gyn": {
        "KF1": ("Eleverna upplever trygghet och studiero",
                "Elevhälsan har förstärkts med en kurator och ordningsreglerna har tagits fram tillsammans med eleverna",
                [_i("Andel gymnasieelever som känner sig trygga i skolan", "procent", "hogre", 88, kon=True,
                    kolada="N17805")]),
        "KF2": ("Fler elever fullföljer sin gymnasieutbildning",
                "Mentorer följer upp frånvaro varje vecka och introduktionsprogrammen har fått fler platser på yrkesprogram",
                [_i("Andel gymnasieelever med examen inom fyra år", "procent", "hogre", 72, kon=True,
                    kolada="N17461"),
                 _i("Andel elever på introduktionsprogram som går vidare till nationellt program", "procent",
                    "hogre", 31)]),
        "KF3": ("Skolans lokaler används yteffektivt och energisnålt",
                "Undervisningen har samlats i färre byggnader och ventilationen styrs efter schemat",
                [_i("Energianvändning i gymnasieskolans lokaler", "kWh per kvm", "lagre", 128, dec=0)]),
        "KF4": ("Kostnaden per elev ligger i nivå med jämförbara kommuner",
                "Programutbudet har anpassats efter söktrycket och två program med få sökande har lagts ned",
                [_i("Kostnad per elev i gymnasieskolan, egen regi", "kr", "lagre", 131_500, dec=0,
                    kolada="N17008")]),
    },
    "son": {
        "KF1": ("Barn och unga som far illa får stöd i tid",
                "Mottagningsgruppen har förstärkts och förhandsbedömningar görs nu inom sju dagar",
                [_i("Andel barnavårdsutredningar som avslutas inom 120 dagar", "procent", "hogre", 71,
                    kolada="N33907"),
                 _i("Orosanmälningar per 1 000 barn 0–17 år", "antal", "ingen", 64, dec=0)]),
        "KF2": ("Fler unga vuxna blir självförsörjande",
                "Ett gemensamt team med arbetsmarknadsenheten arbetar med unga vuxna som har ekonomiskt bistånd",
                [_i("Andel unga vuxna med ekonomiskt bistånd som går vidare till arbete eller studier", "procent",
                    "hogre", 38, kon=True, kolada="U31462")]),
        "KF3": ("Socialtjänstens resor blir mer klimatsmarta",
                "Fler hembesök samordnas och digitala möten används där det passar den enskilde",
                [_i("Andel av förvaltningens tjänsteresor med kollektivtrafik eller cykel", "procent", "hogre", 44,
                    dec=0)]),
        "KF4": ("Fler insatser ges på hemmaplan i stället för genom externa placeringar",
                "Öppenvårdsteamet för familjer har utökats och kommunen rekryterar fler egna familjehem",
                [_i("Andel placerade barn och unga i egna familjehem", "procent", "hogre", 58, dec=0),
                 _i("Vårddygn på HVB för barn och unga", "dygn", "lagre", 6_400, dec=0)]),
    },
    "aon": {
        "KF1": ("Äldre känner sig trygga med hemtjänsten och i särskilt boende",
                "Hemtjänsten har infört mindre arbetslag så att brukarna möter färre olika personer",
                [_i("Andel brukare i hemtjänsten som känner sig trygga hemma", "procent", "hogre", 84, kon=True,
                    kolada="U21468"),
                 _i("Antal personal som besöker en brukare med hemtjänst under 14 dagar", "antal", "lagre", 15,
                    dec=0, kolada="N21832")]),
        "KF2": ("Unga får sitt första jobb i äldreomsorgen",
                "Sommarjobb för ungdomar erbjuds med handledare på varje enhet",
                [_i("Ungdomar 16–19 år med sommarjobb i äldreomsorgen", "antal", "hogre", 85, dec=0)]),
        "KF3": ("Hemtjänstens transporter ger mindre utsläpp",
                "Elcyklar har köpts in till tätortsgrupperna och ruttplaneringen har digitaliserats",
                [_i("Andel elcyklar och elbilar i hemtjänstens fordonspark", "procent", "hogre", 61, dec=0),
                 _i("Körda mil med fossildrivna bilar i hemtjänsten", "mil", "lagre", 21_500, dec=0)]),
        "KF4": ("Beviljad tid används effektivt",
                "Planeringen av hemtjänsten har samlats i en gemensam planeringsfunktion",
                [_i("Andel av arbetstiden i hemtjänsten som är brukartid", "procent", "hogre", 62, dec=0),
                 _i("Kostnad per hemtjänsttimme", "kr", "lagre", 612, dec=0)]),
    },
    "kfn": {
        "KF1": ("Fler trygga mötesplatser för unga på kvällar och helger",
                "Fritidsgården i centrum har utökat öppettiderna till fredag och lördag kväll",
                [_i("Besök på fritidsgårdarna", "antal", "hogre", 41_000, dec=0),
                 _i("Andel besökare på fritidsgårdarna som känner sig trygga", "procent", "hogre", 87, kon=True)]),
        "KF2": ("Fler barn och unga deltar i kultur- och fritidsaktiviteter",
                "Kulturskolan har startat avgiftsfria kurser i två skolor och föreningsbidraget till flickidrott har höjts",
                [_i("Andel barn 7–15 år som deltar i kulturskolans verksamhet", "procent", "hogre", 14, kon=True,
                    kolada="N09805"),
                 _i("Deltagartillfällen i föreningslivet per invånare 7–20 år", "antal", "hogre", 21.4,
                    kolada="N09806")]),
        "KF3": ("Idrottsanläggningarna använder mindre energi",
                "Ishallens kylanläggning har fått värmeåtervinning och belysningen i sporthallarna har bytts till LED",
                [_i("Energianvändning i idrotts- och ishallar", "MWh", "lagre", 4_850, dec=0)]),
        "KF4": ("Anläggningarna nyttjas mer och kostnaden per besök minskar",
                "Lediga tider i sporthallarna lottas ut till föreningar och öppnas för spontanidrott",
                [_i("Beläggningsgrad i idrottshallar vardagar 17–21", "procent", "hogre", 78, dec=0),
                 _i("Nettokostnad för fritidsverksamhet per invånare", "kr", "lagre", 1_120, dec=0,
                    kolada="N09022")]),
    },
    "sbn": {
        "KF1": ("Gator och torg planeras så att fler upplever dem som trygga",
                "Trygghetsaspekter granskas nu i alla detaljplaner och belysningen vid två stationer har förbättrats",
                [_i("Andel invånare som upplever att gång- och cykelvägar är väl belysta", "procent", "hogre", 61,
                    kon=True)]),
        "KF2": ("Detaljplaner för förskolor och skolor blir klara i tid",
                "Planer för skolor och förskolor prioriteras i planprogrammet och handläggs i en egen grupp",
                [_i("Andel detaljplaner för skol- och förskoleändamål som antas enligt tidplan", "procent",
                    "hogre", 67, dec=0)]),
        "KF3": ("Fler resor görs med kollektivtrafik, gång och cykel",
                "Nya cykelstråk har byggts mellan centrum och stationen och pendlarparkeringen har byggts ut",
                [_i("Andel resor med kollektivtrafik, gång eller cykel", "procent", "hogre", 46, kolada="U07801"),
                 _i("Nya gång- och cykelvägar under året", "km", "hogre", 3.2)]),
        "KF4": ("Myndighetsutövningen är snabb och avgiftsfinansierad",
                "E-tjänsten för bygglov har förenklats och kompletteringar begärs in samlat",
                [_i("Handläggningstid för bygglov från komplett ansökan (median)", "veckor", "lagre", 4.6,
                    kolada="U00809"),
                 _i("Kostnadstäckningsgrad för bygglovsverksamheten", "procent", "hogre", 82, dec=0)]),
    },
    "mhn": {
        "KF1": ("Livsmedelshanteringen i kommunen är säker",
                "Kontrollplanen har riskklassats om så att resurserna läggs på anläggningar med högst risk",
                [_i("Andel planerade livsmedelskontroller som genomförts", "procent", "hogre", 88, dec=0),
                 _i("Andel kontrollerade livsmedelsanläggningar med avvikelser", "procent", "lagre", 27, dec=0)]),
        "KF2": ("Förskolor och skolor har en god inomhusmiljö",
                "Tillsynen av ventilation och buller i förskolor har genomförts som ett projekt under våren",
                [_i("Andel förskolor och skolor med tillsyn av inomhusmiljön under året", "procent", "hogre", 42,
                    dec=0)]),
        "KF3": ("Utsläppen från enskilda avlopp minskar",
                "Inventeringen av enskilda avlopp har fortsatt i Norrå och Sjövik",
                [_i("Åtgärdade enskilda avlopp med bristande rening", "antal", "hogre", 64, dec=0)]),
        "KF4": ("Tillsynen finansieras med avgifter i den grad taxan medger",
                "Taxan har räknats upp och timdebiteringen har införts för fler ärendetyper",
                [_i("Avgiftsfinansieringsgrad för miljötillsynen", "procent", "hogre", 61, dec=0),
                 _i("Handläggningstid för anmälningsärenden (median)", "dagar", "lagre", 24, dec=0)]),
    },
    "tn": {
        "KF1": ("Gator, parker och lekplatser är trygga och väl underhållna",
                "Felanmälningar om gatubelysning åtgärdas av en egen jourgrupp",
                [_i("Andel felanmälningar om gatubelysning som åtgärdas inom fem arbetsdagar", "procent", "hogre",
                    79, dec=0),
                 _i("Andel invånare som är nöjda med gatu- och parkskötseln", "procent", "hogre", 58,
                    kolada="U07812")]),
        "KF2": ("Skolornas och förskolornas lokaler är ändamålsenliga",
                "Ventilationen i fyra skolor har byggts om under sommaruppehållet",
                [_i("Andel skollokaler med godkänd ventilationskontroll (OVK)", "procent", "hogre", 86, dec=0)]),
        "KF3": ("Energianvändningen i kommunens fastigheter minskar",
                "Fastigheterna har fått fjärrstyrd värme och solceller har installerats på två skolor",
                [_i("Energianvändning i kommunens fastigheter", "kWh per kvm", "lagre", 142, dec=0,
                    kolada="N07913"),
                 _i("Andel egenproducerad solel av fastigheternas elanvändning", "procent", "hogre", 6.5)]),
        "KF4": ("Underhållet av fastigheter och gator planeras långsiktigt",
                "En tioårig underhållsplan för fastigheterna har antagits och beläggningsprogrammet följs upp varje kvartal",
                [_i("Andel av planerat underhåll som genomförts", "procent", "hogre", 74, dec=0),
                 _i("Vakansgrad i kommunens verksamhetslokaler", "procent", "lagre", 3.4)]),
    },
    "ofn": {
        "KF1": ("Huvudmännen får en rättssäker tillsyn av sina ställföreträdare",
                "Granskningen av årsräkningar har fått en checklista och prioriteras under våren",
                [_i("Andel årsräkningar granskade senast 30 juni", "procent", "hogre", 76, dec=0)]),
        "KF2": ("Barn som behöver en god man eller särskilt förordnad vårdnadshavare får det utan dröjsmål",
                "En pool av utbildade gode män för barn har byggts upp",
                [_i("Tid från ansökan till förordnande av god man för barn (medel)", "dagar", "lagre", 9, dec=0)]),
        "KF3": ("Handläggningen blir digital",
                "E-tjänsten för årsräkning har marknadsförts till alla ställföreträdare",
                [_i("Andel årsräkningar som lämnas in digitalt", "procent", "hogre", 57, dec=0)]),
        "KF4": ("Arvodeskostnaderna hålls inom budget",
                "Arvodena har bestämts enligt de nya riktlinjerna från Sveriges Kommuner och Regioner",
                [_i("Genomsnittligt arvode per ställföreträdarskap", "kr", "lagre", 11_800, dec=0)]),
    },
    "vn": {
        "KF1": ("Alla röstberättigade har tillgång till en tillgänglig vallokal",
                "Samtliga vallokaler inför Europaparlamentsvalet har inventerats för tillgänglighet",
                [_i("Andel vallokaler som uppfyller kraven på tillgänglighet", "procent", "hogre", 91, dec=0)]),
        "KF2": ("Fler unga förstagångsväljare röstar",
                "Valnämndens informatörer har besökt gymnasieskolorna inför valet",
                [_i("Andel gymnasieskolor som besökts av valnämndens informatörer", "procent", "hogre", 60,
                    dec=0)]),
        "KF3": ("Valmaterialet hanteras resurssnålt",
                "Överblivna valsedlar och valkuvert samlas in och återvinns efter valet",
                [_i("Andel överblivet valmaterial som återvinns", "procent", "hogre", 72, dec=0)]),
        "KF4": ("Valen genomförs inom budget och statsbidrag",
                "Röstmottagarna har utbildats digitalt, vilket minskat kostnaden för lokaler och arvoden",
                [_i("Kostnad för valadministration per röstberättigad", "kr", "lagre", 31, dec=0)]),
    },
}

# nämnd → investment projects (name, projektnr), the largest first.
PROJEKT = {
    "ks": [("Nytt ärendehanteringssystem", "11020"), ("Bredbandsutbyggnad landsbygd", "11031"),
           ("Exploatering Norra verksamhetsområdet", "11045"), ("Ombyggnad av kommunhusets reception", "11052"),
           ("Videomötesutrustning sammanträdesrum", "11060")],
    "bun": [("Ny förskola Ängsbacken, åtta avdelningar", "21014"), ("Tillbyggnad Solbergaskolan", "21022"),
            ("Skolgårdsupprustning Kvarnbyskolan", "21035"), ("Inventarier nya förskoleplatser", "21040"),
            ("Elevdatorer årskurs 4–9", "21051")],
    "gyn": [("Verkstadshall fordonsprogrammet", "22011"), ("Utrustning vård- och omsorgsprogrammet", "22024"),
            ("Elevdatorer gymnasiet", "22030")],
    "son": [("Nytt verksamhetssystem individ- och familjeomsorg", "31012"),
            ("Inventarier LSS-boende Lärkan", "31020"), ("Larm- och passagesystem", "31034")],
    "aon": [("Inventarier särskilt boende Björkgården", "32010"), ("Digitala trygghetslarm", "32021"),
            ("Taklyftar i särskilda boenden", "32033"), ("Elcyklar till hemtjänsten", "32045")],
    "kfn": [("Konstgräsplan Vallen", "41015"), ("Scenteknik kulturhuset", "41022"), ("Utegym Strandparken", "41030"),
            ("Meröppet bibliotek Sjövik", "41041")],
    "sbn": [("Gång- och cykelväg Stationsvägen", "51010"), ("Trafiksäkerhetsåtgärder vid skolor", "51023"),
            ("Digitala detaljplaner", "51031")],
    "mhn": [("Nytt ärendesystem för tillsyn", "52010"), ("Mätutrustning buller och radon", "52022")],
    "tn": [("Beläggningsprogram gator", "61010"), ("LED-belysning gatubelysning", "61024"),
           ("Energieffektivisering kommunhuset", "61032"), ("Lekplats Centralparken", "61047"),
           ("Tillagningskök Solbergaskolan", "61055")],
    "ofn": [("E-tjänst för årsräkning", "71010"), ("Brandsäkra arkivskåp", "71021")],
    "vn": [("Valskärmar och tillgänglighetsanpassning", "72010"), ("Valsedelställ", "72015")],
}

# nämnd → uppdrag: (titel, what "klart" meant, why it may be late, when it is expected done[, fixed course]).
UPPDRAG = {
    "ks": [("Ta fram en näringslivsstrategi för 2025–2030", "Strategin antogs av kommunfullmäktige i oktober.",
            "Dialogen med företagarföreningarna tog längre tid än planerat.", "under första kvartalet {nasta}"),
           ("Utreda en gemensam växel- och kontaktcenterfunktion", "Kontaktcenter öppnade den 1 september.",
            "Upphandlingen av telefonilösningen överklagades.", "under våren {nasta}"),
           ("Införa e-underskrift i nämndernas beslutsprocess", "Samtliga nämnder använder e-underskrift.",
            "Integrationen med ärendesystemet måste byggas om.", "i februari {nasta}")],
    "bun": [("Öka andelen legitimerade förskollärare", "Tio barnskötare har påbörjat förskollärarutbildning med lön.",
             "Färre än väntat sökte utbildningsplatserna.", "till höstterminen {nasta}"),
            ("Utreda skolskjutsorganisationen", "Ny skolskjutsorganisation gäller från höstterminen.",
             "Ändrade busslinjer i regionens trafikplan kräver en ny utredning.", "i mars {nasta}"),
            ("Införa en gemensam läsinsats i årskurs 1–3", "Läsinsatsen genomförs på samtliga skolor.",
             "Fortbildningen av lärarna kunde inte starta förrän på hösten.", "under vårterminen {nasta}"),
            ("Ta fram en plan för förskoleplatser i Norra Ängsbacken", "Planen antogs av nämnden i juni.",
             "Befolkningsprognosen revideras och planen väntar på den.", "i april {nasta}")],
    "gyn": [("Starta ett nytt el- och energiprogram", "Programmet startade med 24 elever i augusti.",
             "För få sökande till den första antagningen.", "till höstterminen {nasta}"),
            ("Se över samarbetsavtalet om gymnasieplatser i regionen", "Det nya avtalet gäller från 1 juli.",
             "Grannkommunerna har ännu inte tagit ställning till avtalet.", "under våren {nasta}"),
            ("Minska avhoppen på introduktionsprogrammen", "Varje elev har nu en individuell studieplan med mentor.",
             "Rekryteringen av studie- och yrkesvägledare drog ut på tiden.", "till höstterminen {nasta}")],
    "son": [("Införa en ungdomsmottagning för unga vuxna med missbruk", "Mottagningen öppnade i september.",
             "Lokalfrågan är inte löst.", "under andra kvartalet {nasta}"),
            ("Utreda egen regi för stödboende", "Utredningen redovisades för nämnden i oktober.",
             "Utredningen har fått vänta på den nya lagstiftningen om socialtjänst.", "i mars {nasta}"),
            ("Rekrytera fler familjehem i egen regi", "Femton nya familjehem har utretts och godkänts.",
             "Kampanjen flyttades till hösten på grund av personalbrist.", "under {nasta}")],
    "aon": [("Införa digital nattillsyn i hemtjänsten", "Digital nattillsyn erbjuds alla som har nattinsatser.",
             "Leverantören av kamerorna kunde inte leverera i tid.", "i januari {nasta}"),
            ("Ta fram en plan för särskilt boende till 2035", "Planen antogs av kommunfullmäktige i november.",
             "Befolkningsprognosen för de äldsta har reviderats.", "under våren {nasta}"),
            ("Minska antalet timanställda i äldreomsorgen", "Andelen tillsvidareanställda har ökat till 86 procent.",
             "Svårt att rekrytera undersköterskor till heltid.", "under {nasta}")],
    "kfn": [("Ta fram en plan för idrottsanläggningar till 2035", "Planen antogs av nämnden i september.",
             "Samrådet med föreningarna har förlängts.", "i februari {nasta}"),
            ("Utöka bibliotekets öppettider med meröppet", "Meröppet infördes i Sjövik i april.",
             "Passagesystemet har levererats med fel och måste bytas.", "under våren {nasta}"),
            ("Införa fritidskort för barn 8–16 år", "Fritidskortet har delats ut till alla barn i målgruppen.",
             "Det statliga fritidskortet avvecklades och uppdraget måste omprövas.", "efter nämndens beslut i mars {nasta}")],
    "sbn": [("Ta fram en ny översiktsplan", "Översiktsplanen antogs av kommunfullmäktige i december.",
             "Granskningen gav fler yttranden än väntat.", "under hösten {nasta}"),
            ("Införa digitala bygglovsansökningar fullt ut", "Alla bygglovsansökningar tas nu emot digitalt.",
             "Upphandlingen av e-tjänsten blev försenad.", "i mars {nasta}"),
            ("Ta fram en parkeringsnorm", "Parkeringsnormen antogs av nämnden i maj.",
             "Normen väntar på den nya trafikstrategin.", "under våren {nasta}")],
    "mhn": [("Ta fram en plan för tillsyn av enskilda avlopp 2024–2028", "Planen antogs av nämnden i mars.",
             "Inventeringen har tagit längre tid än planerat.", "under våren {nasta}"),
            ("Införa timdebitering i efterhand för livsmedelskontroll", "Efterhandsdebitering gäller sedan 1 januari.",
             "Ändringen av taxan väntar på beslut i kommunfullmäktige.", "i april {nasta}")],
    "tn": [("Ta fram en laddinfrastrukturplan", "Planen antogs och de första 40 laddplatserna är byggda.",
            "Elnätsbolaget har inte kunnat leverera kapacitet i tid.", "under {nasta}"),
           ("Införa ett nytt system för felanmälan", "Felanmälan sker nu i en app och på webben.",
            "Integrationen med driftsystemet är inte klar.", "i februari {nasta}"),
           ("Utreda samlokalisering av förrådsverksamheterna", "Utredningen redovisades för nämnden i juni.",
            "Alternativet med en ny byggnad måste kostnadsberäknas.", "under våren {nasta}")],
    "ofn": [("Införa digital årsräkning", "E-tjänsten för årsräkning används av drygt hälften av ställföreträdarna.",
             "E-tjänsten behövde säkerhetsgranskas en gång till.", "i mars {nasta}"),
            ("Utbilda alla nya ställföreträdare inom tre månader", "Introduktionsutbildning ges varje månad.",
             "Utbildningen flyttades till hösten på grund av sjukskrivning.", "under våren {nasta}")],
    "vn": [("Genomföra Europaparlamentsvalet 2024", "Valet genomfördes den 9 juni utan anmärkningar.",
            "Rekryteringen av röstmottagare blev försenad.", "före valdagen", ("klart", "klart")),
           ("Utvärdera förtidsröstningen", "Utvärderingen redovisades för nämnden i oktober.",
            "Underlaget från Valmyndigheten har dröjt.", "under våren {nasta}")],
}

# The courses an uppdrag can take, the common ones more than once: (status at the delårsrapport, status in the årsredovisning).
FORLOPP = [("pagar", "klart"), ("pagar", "klart"), ("pagar", "klart"), ("klart", "klart"), ("klart", "klart"),
           ("pagar", "pagar"), ("ej_startat", "pagar"), ("pagar", "forsenat"), ("forsenat", "klart")]

# nämnd → a control of its own for internkontroll: (risk, kontrollmoment).
KONTROLL = {
    "ks": ("Otillåten direktupphandling", "Granskning av inköp över 100 000 kronor utan avtal"),
    "bun": ("Elever med hög frånvaro uppmärksammas inte", "Uppföljning av frånvarorapporter per skola"),
    "gyn": ("Fel ersättning för interkommunala elever", "Avstämning av elevlistor mot fakturor"),
    "son": ("Utredningstiden överskrids", "Genomgång av utredningar som pågått över 120 dagar"),
    "aon": ("Läkemedel hanteras felaktigt", "Egenkontroll av signeringslistor på boendena"),
    "kfn": ("Föreningsbidrag betalas ut på felaktigt underlag", "Stickprov av föreningarnas medlemsredovisning"),
    "sbn": ("Bygglov handläggs inte inom lagstadgad tid", "Uppföljning av handläggningstid per ärende"),
    "mhn": ("Planerad tillsyn genomförs inte", "Avstämning av tillsynsplanen per kvartal"),
    "tn": ("Brister i systematiskt brandskyddsarbete", "Kontroll av brandskyddsdokumentation i fastigheterna"),
    "ofn": ("Ställföreträdare förskingrar huvudmannens medel", "Granskning av kontoutdrag mot årsräkning"),
    "vn": ("Röstlängder hanteras felaktigt", "Kontroll av rutin för utlämning av röstlängder"),
}

# nämnd → what it is responsible for, for the inledning.
UPPDRAG_NAMND = {
    "ks": "Kommunstyrelsen leder och samordnar kommunens arbete och har uppsikt över nämnderna och bolagen.",
    "bun": "Barn- och utbildningsnämnden ansvarar för förskola, pedagogisk omsorg, grundskola och grundsärskola.",
    "gyn": "Gymnasienämnden ansvarar för gymnasieskola, gymnasiesärskola och kommunal vuxenutbildning.",
    "son": "Socialnämnden ansvarar för individ- och familjeomsorg, ekonomiskt bistånd och stöd till personer "
           "med funktionsnedsättning.",
    "aon": "Äldreomsorgsnämnden ansvarar för hemtjänst, särskilt boende och kommunal hälso- och sjukvård för äldre.",
    "kfn": "Kultur- och fritidsnämnden ansvarar för bibliotek, kulturskola, fritidsgårdar och idrottsanläggningar.",
    "sbn": "Samhällsbyggnadsnämnden ansvarar för översiktsplanering, detaljplaner, bygglov och trafikplanering.",
    "mhn": "Miljö- och hälsoskyddsnämnden ansvarar för tillsyn och kontroll enligt miljöbalken och livsmedelslagen.",
    "tn": "Tekniska nämnden ansvarar för gator, parker och kommunens fastigheter.",
    "ofn": "Överförmyndarnämnden utövar tillsyn över gode män, förvaltare och förmyndare.",
    "vn": "Valnämnden ansvarar för att genomföra allmänna val och folkomröstningar i kommunen.",
}

# Share of women among the employees; a nämnd not listed has 0.75.
KVINNOANDEL = {"bun": 0.82, "aon": 0.88, "son": 0.80, "tn": 0.38, "sbn": 0.55, "mhn": 0.62, "kfn": 0.60}

# Monthly budget profile by kind of work: schools and offices dip in July, care costs rise in summer
# (holiday cover), street maintenance peaks with snow clearing, the election falls in June 2024;
# December carries year-end costs everywhere.
SASONG = {
    "skola": [1.0, 1.0, 1.05, 1.0, 1.05, 1.0, 0.45, 0.8, 1.05, 1.05, 1.05, 1.25],
    "vard": [1.0, 0.95, 1.0, 1.0, 1.0, 1.1, 1.2, 1.1, 1.0, 1.0, 1.0, 1.15],
    "kontor": [0.95, 1.0, 1.05, 1.0, 1.0, 1.05, 0.6, 0.85, 1.05, 1.05, 1.05, 1.35],
    "gata": [1.35, 1.3, 1.05, 0.9, 0.9, 0.9, 0.7, 0.8, 0.9, 0.95, 1.05, 1.4],
    "val": [0.4, 0.4, 0.6, 0.9, 2.2, 4.4, 0.5, 0.3, 0.3, 0.3, 0.3, 0.6],
}
VERKSAMHETSTYP = {"bun": "skola", "gyn": "skola", "son": "vard", "aon": "vard", "tn": "gata", "vn": "val"}

MANADER = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
           "november", "december"]


def _tal(x: float, dec: int) -> str:
    """Swedish number in running text: 1 234,5 (thin space not needed in Markdown/CSV prose)."""
    text = f"{x:,.{dec}f}".replace(",", " ").replace(".", ",")
    return text.replace("-", "−")


def _med_enhet(x: float, enhet: str, dec: int) -> str:
    if enhet == "procent":
        return f"{_tal(x, dec)} procent"
    return _tal(x, dec) if enhet == "antal" else f"{_tal(x, dec)} {enhet}"


def _mnkr(tkr: float) -> str:
    """An amount as a controller writes it: mnkr, or tkr when below a million."""
    return f"{_tal(abs(tkr) / 1000, 1)} mnkr" if abs(tkr) >= 1000 else f"{_tal(abs(tkr), 0)} tkr"


def drift(rng: random.Random, till_manad: int) -> tuple[str, dict]:
    """Monthly drift per enhet; also returns per nämnd (fg-års utfall, årsbudget, ack. utfall) in tkr."""
    rader, summor = [], {}
    for nid, _, _, ram in NAMNDER:
        enheter = [(avd, enh) for avd, lista in AVDELNINGAR[nid].items() for enh in lista]
        vikter = [rng.uniform(0.5, 1.5) for _ in enheter]
        profil = SASONG[VERKSAMHETSTYP.get(nid, "kontor")]
        for (avd, enh), vikt in zip(enheter, vikter):
            arsbudget = ram * vikt / sum(vikter)
            tendens = rng.uniform(-0.04, 0.05)  # > 0: costs above budget
            if nid == "bun" and avd == "Grundskola":
                tendens = rng.uniform(0.03, 0.06)  # the deficit bun's ekonomi.md explains
            fg_utfall = arsbudget * rng.uniform(0.93, 1.02)
            rader.append([nid, enh, avd, AR - 1, None, None, -round(fg_utfall, 3), None])
            summa = summor.setdefault(nid, [0.0, 0.0, 0.0, 0.0, 0.0])  # fg, årsbudget, utfall, periodbudget, prognos
            summa[0] += round(fg_utfall, 3)
            summa[1] += arsbudget
            # Each unit's months deviate a little from its kind's profile: no two units alike.
            sasong = [s * rng.uniform(0.96, 1.04) for s in profil]
            for m in range(1, 13):
                budget_m = arsbudget * sasong[m - 1] / sum(sasong)
                utfall_m = budget_m * (1 + tendens + rng.uniform(-0.03, 0.03)) if m <= till_manad else None
                prognos = None
                if till_manad < 12 and m == 12:
                    prognos = -round(arsbudget * (1 + tendens * 0.8), 3)
                summa[2] += round(utfall_m, 3) if utfall_m is not None else 0.0
                summa[3] += round(budget_m, 3) if m <= till_manad else 0.0
                summa[4] += round(arsbudget * (1 + tendens * 0.8), 3) if prognos is not None else 0.0
                rader.append([nid, enh, avd, AR, m, -round(budget_m, 3),
                              None if utfall_m is None else -round(utfall_m, 3), prognos])
    return _csv(rader, ["namnd", "verksamhet", "overordnad", "ar", "manad", "budget", "utfall", "prognos"]), summor


def resultat(rng: random.Random, summor: dict, till_manad: int = 12) -> tuple[str, dict]:
    """Intäkter and kostnader whose difference is the drift's nettokostnad for each column; a delårsrapport
    also has the period budget and the full-year forecast (with the year budget's and the outcome's share
    of revenue). Also returns {(nämnd, år, typ): (intäkter, kostnader)} in tkr, both positive, for the posts."""
    rader, totaler = [], {}
    for nid, _, _, ram in NAMNDER:
        fg, budget, ack, periodbudget, prognos = summor[nid]
        # Revenue as a share of the net cost is the nämnd's own (fees, grants), a little different per column.
        # The period's stream still draws once per row, so everything generated after it stays the same.
        arng = random.Random(f"{FRO}-intaktsandel-{nid}")
        bas, andel = arng.uniform(0.08, 0.25), {}
        for ar, typ, netto in ((AR - 1, "utfall", fg), (AR, "budget", budget), (AR, "utfall", ack)):
            rng.uniform(0.08, 0.25)
            andel[(ar, typ)] = bas * arng.uniform(0.95, 1.05)
            intakter = netto * andel[(ar, typ)]
            kostnader = netto + intakter
            rader.append([nid, ar, typ, -round(intakter, 3), round(kostnader, 3), None,
                          round(ram * rng.uniform(-0.02, 0.02), 3) if ar < AR else None])
            totaler[(nid, ar, typ)] = (round(intakter, 3), round(kostnader, 3))
        if till_manad < 12:  # no draws from rng here: the rest of the period's data stays as it was
            for typ, netto, kvot in (("budget_period", periodbudget, andel[(AR, "budget")]),
                                     ("prognos", prognos, andel[(AR, "utfall")])):
                intakter = netto * kvot
                rader.append([nid, AR, typ, -round(intakter, 3), round(netto + intakter, 3), None, None])
                totaler[(nid, AR, typ)] = (round(intakter, 3), round(netto + intakter, 3))
    return _csv(rader, ["namnd", "ar", "typ", "intakter", "kostnader", "nettokostnad", "resultat"]), totaler


# The resultaträkning per kostnadsslag: each nämnd's revenue and cost split by kind, in shares that fit
# what it does (schools and care are personnel-heavy, gymnasiet and socialtjänsten buy places, tekniska
# nämnden lets premises, bygglov and tillsyn are fee-financed).
INTAKTSPOSTER = ["Taxor och avgifter", "Bidrag", "Övriga intäkter"]
KOSTNADSPOSTER = ["Personalkostnader", "Lokaler", "Köp av verksamhet", "Övriga kostnader"]
POSTANDELAR = {
    "ks": ([0.10, 0.30, 0.60], [0.45, 0.08, 0.12, 0.35]),
    "bun": ([0.25, 0.60, 0.15], [0.58, 0.17, 0.15, 0.10]),
    "gyn": ([0.05, 0.65, 0.30], [0.45, 0.15, 0.30, 0.10]),
    "son": ([0.15, 0.55, 0.30], [0.45, 0.08, 0.37, 0.10]),
    "aon": ([0.35, 0.45, 0.20], [0.62, 0.12, 0.16, 0.10]),
    "kfn": ([0.35, 0.25, 0.40], [0.40, 0.30, 0.08, 0.22]),
    "sbn": ([0.70, 0.15, 0.15], [0.65, 0.08, 0.10, 0.17]),
    "mhn": ([0.75, 0.10, 0.15], [0.72, 0.08, 0.05, 0.15]),
    "tn": ([0.20, 0.10, 0.70], [0.25, 0.35, 0.25, 0.15]),
    "ofn": ([0.05, 0.20, 0.75], [0.55, 0.05, 0.05, 0.35]),
    "vn": ([0.02, 0.88, 0.10], [0.50, 0.10, 0.05, 0.35]),
}


def _fordela(total: float, andelar: list[float], rng: random.Random) -> list[float]:
    """``total`` split by ``andelar`` with a little noise (budget, outcome and forecast of a nämnd differ by a
    few per cent per post); the last part takes the remainder, so the parts add up exactly (to the 0,001 tkr
    the CSV keeps)."""
    vikter = [a * rng.uniform(0.97, 1.03) for a in andelar]
    delar = [round(total * v / sum(vikter), 3) for v in vikter[:-1]]
    return delar + [round(total - sum(delar), 3)]


def resultatposter(totaler: dict, till_manad: int) -> str:
    """resultatposter.csv: the report year's typer (and last year's bokslut in the årsredovisning) split per
    kostnadsslag, adding up to resultat.csv's intäkter and kostnader. Ledger signs, like resultat.csv:
    revenues negative, costs positive."""
    typer = ([(AR, "budget"), (AR, "budget_period"), (AR, "utfall"), (AR, "prognos")] if till_manad < 12
             else [(AR - 1, "utfall"), (AR, "budget"), (AR, "utfall")])
    rader = []
    for nid, *_ in NAMNDER:
        # this nämnd's own mix, the same in both reports of the year
        nrng = random.Random(f"{FRO}-postandelar-{nid}")
        intaktsandelar, kostnadsandelar = ([a * nrng.uniform(0.85, 1.15) for a in andelar]
                                           for andelar in POSTANDELAR[nid])
        for ar, typ in typer:
            rng = random.Random(f"{FRO}-poster-{nid}-{ar}-{typ}-{till_manad}")
            intakter, kostnader = totaler[(nid, ar, typ)]
            for post, belopp in zip(INTAKTSPOSTER, _fordela(intakter, intaktsandelar, rng)):
                rader.append([nid, ar, typ, post, "Verksamhetens intäkter", -belopp])
            for post, belopp in zip(KOSTNADSPOSTER, _fordela(kostnader, kostnadsandelar, rng)):
                rader.append([nid, ar, typ, post, "Verksamhetens kostnader", belopp])
    return _csv(rader, ["namnd", "ar", "typ", "post", "overordnad", "belopp"])


def _serie(nid: str, kid: str, nr: int, ind: tuple) -> dict:
    """An indicator's outcomes 2021–2024 (T, and K/M when split), target for AR and etappmål for AR+2.
    Own random stream per indicator: the delårsrapport and the årsredovisning show the same figures."""
    _, enhet, polaritet, niva, dec, kon, _ = ind
    rng = random.Random(f"{FRO}-indikator-{nid}-{kid}-{nr}")
    bra = {"hogre": 1, "lagre": -1}.get(polaritet.split("_")[0], 0)
    steg = niva * rng.uniform(0.005, 0.035) * rng.choice([bra or 1, bra or -1, -(bra or 1)])
    utfall = {}
    for ar in range(AR - 3, AR + 1):
        v = niva * rng.uniform(0.97, 1.03) - steg * (AR - ar)
        utfall[ar] = round(min(v, 100.0) if enhet == "procent" else v, dec)
    # About two in three targets are reached; a target is a round figure the politicians would set.
    steg_mal = 0.1 if niva < 10 else (1 if enhet == "procent" or niva < 1000 else 100)

    def avrunda(x: float) -> float:
        return round(round(x / steg_mal) * steg_mal, 1)

    nadd = rng.random() < 0.65
    mal = None
    if bra:
        mal = avrunda(utfall[AR] * (1 - bra * rng.uniform(0.01, 0.05) if nadd else 1 + bra * rng.uniform(0.03, 0.09)))
        mal = min(mal, 100) if enhet == "procent" else mal
        if nadd and (utfall[AR] < mal if bra > 0 else utfall[AR] > mal):  # rounding moved it past the outcome
            mal = round((math.floor if bra > 0 else math.ceil)(utfall[AR] / steg_mal + 1e-9 * bra) * steg_mal, 1)
    etappmal = None
    if mal is not None:
        etappmal = avrunda(mal * (1 + bra * rng.uniform(0.03, 0.08)))
        etappmal = min(etappmal, 100) if enhet == "procent" else etappmal
    skillnad = rng.uniform(0.01, 0.06) * niva * rng.choice([1, -1])  # K above or below M; T between them
    kon_varden = {ar: (round(v + skillnad / 2, dec), round(v - skillnad / 2, dec)) for ar, v in utfall.items()}
    return {"utfall": utfall, "mal": mal, "etappmal": etappmal, "kon": kon_varden if kon else None}


# Targets that are not a number (indikatorvarden.malvarde_text), by indicator name: (text, jamforelse,
# what the comparison value is called in the motivering, comparison value / the year's outcome). Öka/Minska
# compare with the year before; the others with a comparison value in `varde` (the county average,
# comparable municipalities' average). Some are reached and some not, as in a real report.
TEXTMAL = {
    "Andel miljöbilar i kommunorganisationen": ("Öka", None, None, None),
    "Andel ekologiska livsmedel i förskola och skola": ("Öka", None, None, None),
    "Andel kontrollerade livsmedelsanläggningar med avvikelser": ("Minska", None, None, None),
    "Andel elever i årskurs 9 som är behöriga till yrkesprogram": ("Länssnitt", "≥", "länssnittet", 0.97),
    "Kostnad för valadministration per röstberättigad": ("lägre än i jämförbara kommuner", "<",
                                                         "snittet i jämförbara kommuner", 0.97),
}


def _textmal(namn: str, s: dict, dec: int) -> dict | None:
    """The indicator's text target for AR, with its comparison value when the text needs one."""
    if namn not in TEXTMAL:
        return None
    text, jamforelse, benamning, faktor = TEXTMAL[namn]
    varde = round(s["utfall"][AR] * faktor, dec) if faktor else None
    return {"text": text, "jamforelse": jamforelse, "varde": varde, "benamning": benamning}


def _bedom(indikatorer: list[tuple], serier: list[dict]) -> tuple[str, list[tuple]]:
    """The assessment that follows from the targets: all reached → uppfyllt, some or close → delvis. A
    text target is judged as the reports' "Når målet" judges it: Öka/Minska against the year before, a
    comparison value with its jamforelse."""
    med_mal = [(ind, s) for ind, s in zip(indikatorer, serier) if s["mal"] is not None or s.get("textmal")]
    nadda, nara, texter = 0, 0, []
    for ind, s in med_mal:
        namn, enhet, polaritet, _, dec, _, _ = ind
        v, mal, tm = s["utfall"][AR], s["mal"], s.get("textmal")
        if tm and tm["varde"] is None:
            forra = s["utfall"][AR - 1]
            nadd = v > forra if tm["text"] == "Öka" else v < forra
            jamfort = (f"{_med_enhet(forra, enhet, dec)} året före (målet är att värdet ska "
                       f"{tm['text'].lower()})")
        elif tm:
            mal = tm["varde"]
            nadd = {"≥": v >= mal, "<": v < mal}[tm["jamforelse"]]
            nara += not nadd and abs(v - mal) <= 0.03 * abs(mal)
            jamfort = f"{tm['benamning']} {_med_enhet(mal, enhet, dec)}"
        else:
            nadd = v >= mal if polaritet == "hogre_battre" else v <= mal
            nara += not nadd and abs(v - mal) <= 0.03 * abs(mal)
            jamfort = f"målvärdet {_med_enhet(mal, enhet, dec if not float(mal).is_integer() else 0)}"
        nadda += nadd
        texter.append((f"{namn[0].lower()}{namn[1:]}", _med_enhet(v, enhet, dec), jamfort))
    if nadda == len(med_mal):
        return "uppfyllt", texter
    return ("delvis" if nadda or nara else "ej_uppfyllt"), texter


def mal_och_indikatorer(rng: random.Random, till_manad: int = 12) -> dict[str, str]:
    omraden = [("MO1", "Livskvalitet"), ("MO2", "Hållbar tillväxt"), ("MO3", "Ekonomi och organisation")]
    mal, ind, varden, bed = [], [], [], []
    for i, (mid, namn) in enumerate(omraden, 1):
        mal.append([mid, None, "malomrade", str(i), namn, None, None, None])
    for i, (mid, foralder, titel, beskrivning) in enumerate(KF, 1):
        mal.append([mid, foralder, "kf_mal", str(i), titel, None, beskrivning, None])
    n = 0
    for nid, _namn, _, _ in NAMNDER:
        for kid, *_ in sorted(rng.sample(KF, 2)):
            gid = f"{nid.upper()}-{kid}"
            titel, insats, indikatorer = MAL[nid][kid]
            mal.append([gid, kid, "namndmal", None, titel, None, None, nid])
            serier = []
            for nr, indikator in enumerate(indikatorer):
                n += 1
                iid = f"I{n:03d}"
                inamn, enhet, polaritet, _, dec, _, kolada = indikator
                s = _serie(nid, kid, nr, indikator)
                s["textmal"] = _textmal(inamn, s, dec)
                serier.append(s)
                visat = inamn if enhet in ("procent", "antal") else f"{inamn}, {enhet}"
                ind.append([iid, gid, visat, "KF" if nr == 0 else namn_kort(nid), enhet, polaritet, dec, kolada, None])
                for ar, v in s["utfall"].items():
                    varden.append([iid, ar, "utfall", "T", float(v), None, None,
                                   "Kolada" if kolada else "Egen mätning", None, None])
                    if s["kon"]:
                        for k, kv in zip("KM", s["kon"][ar]):
                            varden.append([iid, ar, "utfall", k, float(kv), None, None, None, None, None])
                if s["textmal"]:  # the target as text; the etappmål keeps the text (a future average is unknown)
                    tm = s["textmal"]
                    varden.append([iid, AR, "mal", "T", None if tm["varde"] is None else float(tm["varde"]),
                                   None if tm["varde"] is None else "niva", None, None, tm["text"], tm["jamforelse"]])
                    varden.append([iid, AR + 2, "etappmal", "T", None, None, None, None, tm["text"], tm["jamforelse"]])
                elif s["mal"] is not None:
                    varden.append([iid, AR, "mal", "T", float(s["mal"]), "niva", None, None, None, None])
                    varden.append([iid, AR + 2, "etappmal", "T", float(s["etappmal"]), "niva", None, None, None, None])
            kod, texter = _bedom(indikatorer, serier)
            bed.append([nid, gid, kod, motivering(kod, insats, texter, till_manad)])
    return {
        "mal": _csv(mal, ["id", "overordnad", "niva", "nummer", "titel", "kortnamn", "beskrivning", "namnd"]),
        "indikatorer": _csv(ind, ["id", "mal", "namn", "agare", "enhet", "polaritet", "decimaler", "kolada_id", "fotnot"]),
        "indikatorvarden": _csv(varden, ["indikator", "ar", "typ", "kon", "varde", "vardetyp", "saknas", "kalla",
                                         "malvarde_text", "jamforelse"]),
        "malbedomning": _csv(bed, ["namnd", "mal", "bedomning", "motivering"]),
    }


def namn_kort(nid: str) -> str:
    """The owner of a nämnd's own indicator, as the reports abbreviate it (BUN, SBN …)."""
    return nid.upper()


def motivering(kod: str, insats: str, texter: list[tuple], till_manad: int) -> str:
    """What the nämnd did, what the indicators show against their targets, and the conclusion."""
    verb = "är" if till_manad < 12 else "blev"
    matt = " ".join(f"{'Senaste utfallet' if till_manad < 12 else 'Utfallet'} för {namn} {verb} {v} mot {m}."
                    for namn, v, m in texter)
    if till_manad < 12:
        slut = {"uppfyllt": "Prognosen är att målet uppfylls för helåret.",
                "delvis": "Prognosen är att målet delvis uppfylls för helåret. Arbetet fortsätter under hösten.",
                "ej_uppfyllt": "Prognosen är att målet inte uppfylls i år, men insatserna väntas ge effekt på sikt."}[kod]
    else:
        slut = {"uppfyllt": "Målet bedöms som uppfyllt.",
                "delvis": "Målet bedöms som delvis uppfyllt eftersom inte alla målvärden har nåtts.",
                "ej_uppfyllt": "Målet bedöms inte som uppfyllt. Nämnden fortsätter arbetet och följer upp det "
                               "i nästa års internbudget."}[kod]
    return " ".join(t for t in (f"{insats}.", matt, slut) if t)


def _uppdragskommentar(status: str, klart: str, orsak: str, nar: str) -> str:
    return {"klart": f"Uppdraget är genomfört. {klart}",
            "pagar": f"Arbetet pågår enligt tidplan och beräknas vara klart {nar}.",
            "ej_startat": f"Arbetet startar under hösten enligt nämndens planering och beräknas vara klart {nar}.",
            "forsenat": f"Uppdraget är försenat. {orsak} Det beräknas nu vara klart {nar}."}[status]


def ovrigt(rng: random.Random, till_manad: int = 12) -> dict[str, str]:
    inv, upp, pers, ik = [], [], [], []
    for nid, _namn, _, ram in NAMNDER:
        projekt = PROJEKT[nid]
        irng = random.Random(f"{FRO}-investeringar-{nid}")  # the same projects and budgets in both reports
        for j, (pnamn, pnr) in enumerate(projekt[:irng.randint(2, len(projekt))]):
            budget = round(ram * irng.uniform(0.002, 0.02) / (1 + j * 0.3), 3)
            # Share of the budget spent in the year (big projects slip), share of that spent by the
            # delårsrapport, and how far its forecast lies from the final outcome: drawn alike in both reports.
            helar, delar, traff = irng.uniform(0.4, 1.08), irng.uniform(0.35, 0.65), irng.uniform(0.95, 1.15)
            if till_manad < 12:
                utfall = round(budget * helar * delar, 3)
                prognos = round(budget * min(helar * traff, 1.1), 3)
                overforing = None
            else:
                utfall = round(budget * helar, 3)
                prognos = None
                overforing = round(max(budget - utfall, 0) * 0.8, 3) or None
            inv.append([nid, pnamn, pnr, "projekt", AR, budget, utfall, prognos, overforing])
        for j, (titel, klart, orsak, nar, *fast) in enumerate(UPPDRAG[nid]):
            urng = random.Random(f"{FRO}-uppdrag-{nid}-{j}")  # the same course in both reports
            fore, efter = fast[0] if fast else urng.choice(FORLOPP)
            status = fore if till_manad < 12 else efter
            nar = "före årsskiftet" if till_manad < 12 and efter == "klart" else nar.format(nasta=AR + 1)
            upp.append([nid, f"KF {AR}:{j + 1}", titel, "KF Mål och budget", None, status,
                        _uppdragskommentar(status, klart, orsak, nar)])
        anstallda = max(int(ram / 900), 3)
        for grupp, antal, varde in _sjukfranvaro(nid, AR, anstallda):
            # headcount at the period's end (31 augusti / 31 december), not over the year
            pers.append([nid, AR, till_manad, "antal_anstallda", grupp, float(antal), antal, "ogonblick"])
            pers.append([nid, AR, None, "sjukfranvaro", grupp, round(varde, 1), antal, None])
        pers += personal_tillagg(nid, anstallda, till_manad)
        for j, (risk, moment) in enumerate([("Felaktiga utbetalningar", "Stickprov av 20 leverantörsfakturor"),
                                            KONTROLL[nid]]):
            avvikelse = rng.random() < 0.4
            ik.append([nid, f"IK{j + 1}", "Tillförlitlig finansiell rapportering" if j == 0 else "Efterlevnad av lagar och regler",
                       risk, moment, "Avvikelser i två fall av tjugo" if avvikelse else "Inga avvikelser",
                       "Rutinen förtydligas och berörda medarbetare utbildas" if avvikelse else None,
                       "ja" if avvikelse else "nej"])
    return {
        "investeringar": _csv(inv, ["namnd", "projekt", "projektnr", "grupp", "ar", "budget", "utfall", "prognos", "overforing"]),
        "uppdrag": _csv(upp, ["namnd", "id", "titel", "kalla", "grupp", "status", "kommentar"]),
        "personal": _csv(pers, ["namnd", "ar", "manad", "nyckeltal", "grupp", "varde", "antal", "matning"]),
        "internkontroll": _csv(ik, ["namnd", "id", "malkategori", "risk", "kontrollmoment", "resultat", "atgard", "avvikelse"]),
    }


def _sjukfranvaro(nid: str, ar: int, anstallda: int) -> list[tuple[str, int, float]]:
    """(grupp, antal, sjukfrånvaro %) for alla, K and M. Women's sick leave is higher, as in Swedish
    municipalities, and the total is the headcount-weighted mean, so it lies between the parts."""
    rng = random.Random(f"{FRO}-sjukfranvaro-{nid}-{ar}")
    kvinnor = round(anstallda * KVINNOANDEL.get(nid, 0.75))
    sjuk_k, sjuk_m = rng.uniform(5.5, 9.5), rng.uniform(3, 6)
    alla = (sjuk_k * kvinnor + sjuk_m * (anstallda - kvinnor)) / anstallda
    return [("alla", anstallda, alla), ("K", kvinnor, sjuk_k), ("M", anstallda - kvinnor, sjuk_m)]


def personal_tillagg(nid: str, anstallda: int, till_manad: int = 12) -> list[list]:
    """Last year's figures, age groups and monthly sjukfrånvaro up to the period's last month. Small
    nämnder get groups under five persons, so the reports show the suppression."""
    rng = random.Random(f"{FRO}-personal-{nid}")
    rader = [[nid, AR - 1, None, "sjukfranvaro", grupp, round(varde, 1), antal, None]
             for grupp, antal, varde in _sjukfranvaro(nid, AR - 1, anstallda)]
    # Sick leave rises with age; the age groups straddle the total.
    unga, mellan = round(anstallda * 0.15), round(anstallda * 0.5)
    for ar in (AR - 1, AR):
        alla = _sjukfranvaro(nid, ar, anstallda)[0][2]
        for grupp, antal, faktor in (("-29", unga, rng.uniform(0.7, 0.9)), ("30-49", mellan, rng.uniform(0.9, 1.0)),
                                     ("50-", anstallda - unga - mellan, rng.uniform(1.15, 1.35))):
            rader.append([nid, ar, None, "sjukfranvaro", grupp, round(alla * faktor, 1), antal, None])
    # Winter colds and the summer low around the year's level; no month after the period's end (a
    # delårsrapport cannot know it).
    sasong = [1.3 if m in (1, 2, 12) else (0.7 if m in (6, 7) else 1.0) for m in range(1, 13)]
    for ar in (AR - 1, AR):
        alla = _sjukfranvaro(nid, ar, anstallda)[0][2]
        for m in range(1, 13 if ar < AR else till_manad + 1):
            varde = alla * sasong[m - 1] / (sum(sasong) / 12) * rng.uniform(0.93, 1.07)
            rader.append([nid, ar, m, "sjukfranvaro", "alla", round(varde, 1), anstallda, None])
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
        enheter = [(avd, enh) for avd, lista in AVDELNINGAR[nid].items() for enh in lista]
        vikter = [rng.uniform(0.5, 1.5) for _ in enheter]
        for (avd, enh), vikt in zip(enheter, vikter):
            budget = ram * vikt / sum(vikter)
            for ar, faktor in ((AR, 1.0), (AR + 1, rng.uniform(0.98, 1.06))):
                drift_rader.append([nid, enh, avd, ar, None, -round(budget * faktor, 3), None, None])
        for j, (pnamn, _) in enumerate(PROJEKT[nid][:rng.randint(2, min(4, len(PROJEKT[nid])))]):
            tidigare = round(ram * rng.uniform(0, 0.01), 3) if j == 0 else None
            if tidigare:
                inv.append([nid, pnamn, AR, "tidigare", tidigare])
            for ar in range(AR + 1, AR + 5):
                inv.append([nid, pnamn, ar, "budget" if ar == AR + 1 else "plan",
                            round(ram * rng.uniform(0.001, 0.01), 3)])
    filer = {"drift": _csv(drift_rader, ["namnd", "verksamhet", "overordnad", "ar", "manad", "budget", "utfall", "prognos"]),
             "investeringsbudget": _csv(inv, ["namnd", "projekt", "ar", "typ", "belopp"])}
    for namn, text in filer.items():
        (mapp / f"{namn}.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    for fil in ("mal", "indikatorer", "indikatorvarden"):
        (mapp / f"{fil}.csv").write_bytes((ut / str(AR) / f"{fil}.csv").read_bytes())
    kommentarer(mapp, {"inledning": "Strategi och budget beskriver vad nämnden ska uppnå {ar} och hur ramen fördelas "
                                    "mellan verksamheterna. Nämndmålen utgår från kommunfullmäktiges mål och följs "
                                    "upp i delårsrapporten och verksamhetsberättelsen.",
                       "forutsattningar": "Befolkningen väntas växa med omkring en procent per år, snabbast bland "
                                          "barn i förskoleåldern och bland invånare över 80 år. Löner och lokalkostnader "
                                          "ökar snabbare än skatteintäkterna, och ramen för {ar} förutsätter "
                                          "effektiviseringar på omkring en procent.",
                       "risk": "| Risk | Effekt | Hantering |\n|---|---|---|\n| Löneökning en procentenhet utöver "
                               "budget | Ökade kostnader | Bemanningen anpassas under året |\n| Fler barn och äldre än "
                               "prognosen | Ökade volymer | Volymerna följs upp varje kvartal |\n| Försenade "
                               "investeringar | Högre kostnader senare år | Tidplanerna stäms av med tekniska nämnden |"},
                AR + 1)


def kommentarer(mapp: Path, texter: dict, ar: int) -> None:
    """One Markdown file per nämnd and section; a text is a template ({ar}) or a function of the nämnd id."""
    for nid, *_ in NAMNDER:
        m = mapp / "kommentarer" / nid
        m.mkdir(parents=True, exist_ok=True)
        for sektion, text in texter.items():
            text = text(nid) if callable(text) else text
            (m / f"{sektion}.md").write_text(text.format(ar=ar) + "\n", encoding="utf-8")


def _ekonomi(drift_csv: str, till_manad: int) -> dict[str, dict]:
    """Per nämnd from the drift export: period budget and outcome, year budget and full-year forecast (tkr,
    costs positive)."""
    ut = {}
    for r in csv.DictReader(io.StringIO(drift_csv), delimiter=";"):
        if r["ar"] != str(AR):
            continue
        e = ut.setdefault(r["namnd"], {"periodbudget": 0.0, "utfall": 0.0, "arsbudget": 0.0, "prognos": 0.0})
        belopp = {k: -float(r[k].replace(",", ".")) if r[k] else 0.0 for k in ("budget", "utfall", "prognos")}
        e["arsbudget"] += belopp["budget"]
        e["prognos"] += belopp["prognos"]
        if int(r["manad"]) <= till_manad:
            e["periodbudget"] += belopp["budget"]
            e["utfall"] += belopp["utfall"]
    return ut


def sammanfattning(nid: str, ekonomi: dict, malbedomning_csv: str, till_manad: int) -> str:
    """A controller's summary written from the figures, so the text never contradicts the tables."""
    e = ekonomi[nid]
    bed = [r["bedomning"] for r in csv.DictReader(io.StringIO(malbedomning_csv), delimiter=";") if r["namnd"] == nid]
    if till_manad < 12:
        avvikelse = e["arsbudget"] - e["prognos"]
        period = f"januari–{MANADER[till_manad - 1]}"
        ekonomitext = (f"Prognosen för helåret är ett {'överskott' if avvikelse >= 0 else 'underskott'} på "
                       f"{_mnkr(avvikelse)} mot budget. Utfallet för {period} är {_mnkr(e['utfall'])}, vilket är "
                       f"{_mnkr(e['periodbudget'] - e['utfall'])} {'lägre' if e['utfall'] <= e['periodbudget'] else 'högre'} "
                       "än periodens budget.")
    else:
        avvikelse = e["arsbudget"] - e["utfall"]
        ekonomitext = (f"Nämnden redovisar ett {'överskott' if avvikelse >= 0 else 'underskott'} på "
                       f"{_mnkr(avvikelse)} mot budget för året. Nettokostnaden blev {_mnkr(e['utfall'])}.")
    if avvikelse < -0.005 * e["arsbudget"]:
        ekonomitext += " Nämnden har beslutat om en åtgärdsplan som följs upp varje månad."
    elif avvikelse < 0:
        ekonomitext += (" Avvikelsen är liten och bedöms kunna hanteras inom nämndens ram." if till_manad < 12 else
                        " Underskottet motsvarar mindre än en halv procent av budgeten.")
    ord_ = ["inget", "ett", "två", "tre", "fyra", "fem"]
    delar = [f"{ord_[n]} {'bli ' if till_manad < 12 else ''}{text if n == 1 else text.replace('uppfyllt', 'uppfyllda')}"
             for text, n in (("uppfyllt", bed.count("uppfyllt")), ("delvis uppfyllt", bed.count("delvis")),
                             ("inte uppfyllt", bed.count("ej_uppfyllt"))) if n]
    maltext = (f"Av nämndens {ord_[len(bed)]} mål {'väntas' if till_manad < 12 else 'är'} "
               f"{', '.join(delar[:-1]) + ' och ' + delar[-1] if len(delar) > 1 else delar[0]}.")
    return f"{ekonomitext}\n\n{maltext}"


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
            f"ar: {AR}\ntill_manad: {till}\nrapporttyper: [{typer}]\n"
            + ("# Delårsrapporten trycker kostnaderna med minustecken (verksamhetsberättelsen gör det inte).\n"
               "tabeller:\n  drift: {visas: {kostnader: negativa}}\n  resultatposter: {visas: {kostnader: negativa}}\n"
               if till < 12 else ""), encoding="utf-8")
        drift_csv, summor = drift(rng, till)
        # The same goals in both reports of the year: their own random stream, not the period's.
        mal = mal_och_indikatorer(random.Random(f"{FRO}-mal"), till)
        resultat_csv, totaler = resultat(rng, summor, till)
        tabeller = {"drift": drift_csv, "resultat": resultat_csv, "resultatposter": resultatposter(totaler, till),
                    **mal, **ovrigt(rng, till)}
        for namn, text in tabeller.items():
            (mapp / f"{namn}.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # Excel's "CSV UTF-8"
        ekonomi = _ekonomi(drift_csv, till)
        rapport = "Delårsrapporten" if till < 12 else "Verksamhetsberättelsen"
        kommentarer(mapp, {"inledning": lambda nid, r=rapport: f"{UPPDRAG_NAMND[nid]} {r} redovisar hur nämnden har "
                                                               "arbetat mot fullmäktiges mål och hur ekonomin har "
                                                               "utvecklats {ar}.",
                           "sammanfattning": lambda nid, e=ekonomi, b=mal["malbedomning"], t=till:
                           sammanfattning(nid, e, b, t)}, AR)
        (mapp / "kommentarer" / "bun" / "ekonomi.md").write_text(
            "Underskottet inom **grundskolan** beror främst på fler elever i behov av särskilt stöd "
            "än budgeterat.\n\n- Åtgärdsplan beslutad i nämnden\n- Uppföljning varje månad\n", encoding="utf-8")
    budgetperiod(ut)
    kolada_inspelning(ut)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ut", type=Path, default=Path(__file__).resolve().parents[1] / "data" / "raw" / "exempel")
    skriv(parser.parse_args().ut)

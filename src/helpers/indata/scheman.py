"""The raw tables: their columns, types and keys. docs/data-model.md explains them for analysts.

Column names are matched case-insensitively with å/ä→a and ö→o, so ``Nämnd`` and ``namnd`` are the
same column. Amount columns are converted to tkr and to the internal sign convention on the way in
(see ``helpers.indata.tecken``).

A ``Tabellschema`` describes an input table; ``helpers.presentation.tabell.Tabell`` is a printed table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kolumnschema:
    namn: str
    typ: str  # text | tal | heltal | ar | manad | val | bool
    kravs: bool = True
    tillatna: tuple[str, ...] = ()
    beskrivning: str = ""


@dataclass(frozen=True)
class Tabellschema:
    namn: str
    beskrivning: str
    kolumner: tuple[Kolumnschema, ...]
    nyckel: tuple[str, ...]
    belopp: tuple[str, ...] = ()  # amount columns: unit conversion and sign normalisation apply
    namnd_kolumn: str | None = "namnd"

    @property
    def kolumnnamn(self) -> list[str]:
        return [k.namn for k in self.kolumner]

    def kolumn(self, namn: str) -> Kolumnschema:
        return next(k for k in self.kolumner if k.namn == namn)


def _k(namn, typ="text", kravs=True, tillatna=(), beskrivning=""):
    return Kolumnschema(namn, typ, kravs, tuple(tillatna), beskrivning)


KON = ("T", "K", "M")
JAMFORELSER = ("≥", ">", "≤", "<", "=")
MATNINGAR = ("ogonblick", "ackumulerad", "manad", "rullande_12")
RESULTATTYPER = ("utfall", "budget", "budget_period", "prognos")
RESULTATOVERFORING_SLAG = ("drift", "investering")
RESULTATOVERFORING_TYPER = ("resultat", "overfors", "aterbetalas")

# resultatposter: the roots of `overordnad` that make a row a revenue or a cost (computed subtotals,
# standard resultaträkning terms); "Årets resultat" = intäkter − kostnader.
VERKSAMHETENS_INTAKTER = "Verksamhetens intäkter"
VERKSAMHETENS_KOSTNADER = "Verksamhetens kostnader"
ARETS_RESULTAT = "Årets resultat"
BALANSRESULTAT = "Balansresultat"  # Årets resultat without what was taken from eget kapital (its varav rows)

TABELLER: dict[str, Tabellschema] = {
    t.namn: t
    for t in [
        Tabellschema(
            "drift",
            "Driftredovisning: nettokostnad per verksamhet, helår eller per månad.",
            (
                _k("namnd", beskrivning="nämndens id enligt kommun.yaml"),
                _k("verksamhet", beskrivning="verksamhet, avdelning eller enhet"),
                _k("overordnad", kravs=False, beskrivning="raden summeras under denna rubrik (tom = översta nivån)"),
                _k("ar", "ar"),
                _k("manad", "manad", kravs=False, beskrivning="1–12; tom = helårsbelopp"),
                _k("budget", "tal", kravs=False),
                _k("utfall", "tal", kravs=False),
                _k("prognos", "tal", kravs=False, beskrivning="helårsprognos"),
                _k("avvikelse", "tal", kravs=False,
                   beskrivning="tryckt avvikelse (budget − utfall ur oavrundade belopp, positiv = överskott) på "
                               "helårsraden; kontrolleras mot budget − utfall"),
                _k("budget_period", "tal", kravs=False,
                   beskrivning="ackumulerad (periodiserad) budget t.o.m. periodens slut, på helårsraden; "
                               "tom = periodiseras ur månadsrader eller linjärt"),
                _k("varav_till", kravs=False, beskrivning="raden är en del av den namngivna verksamheten "
                                                          "(visas 'varav …', summeras aldrig)"),
            ),
            nyckel=("namnd", "verksamhet", "ar", "manad"),
            belopp=("budget", "utfall", "prognos", "budget_period", "avvikelse"),
        ),
        Tabellschema(
            "resultat",
            "Nämndens resultaträkning i sammandrag: intäkter och kostnader per år.",
            (
                _k("namnd"),
                _k("ar", "ar"),
                _k("typ", "val", tillatna=RESULTATTYPER,
                   beskrivning="budget = helårsbudget; budget_period = budget t.o.m. periodens slut; prognos = helår"),
                _k("intakter", "tal", kravs=False),
                _k("kostnader", "tal", kravs=False),
                _k("nettokostnad", "tal", kravs=False, beskrivning="anges när den inte kan härledas ur drift"),
                _k("resultat", "tal", kravs=False, beskrivning="anges när budgeten saknas (t.ex. föregående år)"),
            ),
            nyckel=("namnd", "ar", "typ"),
            belopp=("intakter", "kostnader", "nettokostnad", "resultat"),
        ),
        Tabellschema(
            "resultatposter",
            "Resultaträkningen per kostnadsslag/intäktsslag; summaraderna räknas fram ur overordnad.",
            (
                _k("namnd"),
                _k("ar", "ar"),
                _k("typ", "val", tillatna=(*RESULTATTYPER, "avvikelse"),
                   beskrivning="avvikelse = postens tryckta avvikelse mot budget (ur oavrundade belopp); "
                               "kontrolleras mot budget − utfall"),
                _k("post", beskrivning="intäkts- eller kostnadsslaget som det trycks"),
                _k("overordnad", kravs=False,
                   beskrivning="summaraden posten ingår i, stig med /, t.ex. Verksamhetens kostnader/Personalkostnader"),
                _k("varav_till", kravs=False, beskrivning="'varav'-rad till en summarad (ingår inte i summan)"),
                _k("belopp", "tal", kravs=False),
            ),
            nyckel=("namnd", "ar", "typ", "post"),
            belopp=("belopp",),
        ),
        Tabellschema(
            "investeringar",
            "Investeringsredovisning per projekt.",
            (
                _k("namnd"),
                _k("projekt"),
                _k("projektnr", kravs=False),
                _k("grupp", "val", kravs=False, tillatna=("projekt", "reserv", "pagaende", "fardigstallt", "summa"),
                   beskrivning="summa = gruppens tryckta summa (projekt = gruppen, overordnad = stigen ovanför; "
                               "Summa utan stig = tabellens); kontrolleras mot raderna"),
                _k("ar", "ar"),
                _k("budget", "tal", kravs=False, beskrivning="budget helår"),
                _k("utfall", "tal", kravs=False),
                _k("prognos", "tal", kravs=False),
                _k("overforing", "tal", kravs=False, beskrivning="föreslås överföras till nästa år"),
                _k("budget_period", "tal", kravs=False, beskrivning="budget för perioden (delårsrapport)"),
                _k("tabell", kravs=False, beskrivning="vilken tryckt investeringstabell raden hör till"),
                _k("overordnad", kravs=False,
                   beskrivning="investeringsgrupper från yttersta till innersta, åtskilda med /; varje nivå får en summarad"),
                _k("avvikelse", "tal", kravs=False,
                   beskrivning="tryckt avvikelse (budget − utfall ur oavrundade belopp, positiv = under budget); "
                               "kontrolleras mot budget − utfall"),
            ),
            nyckel=("namnd", "projekt", "ar", "tabell", "overordnad"),  # optional parts last: rattelser name projekt/ar
            belopp=("budget", "utfall", "prognos", "overforing", "budget_period", "avvikelse"),
        ),
        Tabellschema(
            "mal",
            "Målhierarki, valfritt djup: varje mål pekar på sitt överordnade mål.",
            (
                _k("id"),
                _k("overordnad", kravs=False),
                _k("niva", beskrivning="nivåns id enligt malnivaer i kommun.yaml"),
                _k("nummer", kravs=False),
                _k("titel"),
                _k("kortnamn", kravs=False),
                _k("beskrivning", kravs=False),
                _k("namnd", kravs=False, beskrivning="ansvariga nämnder, kommaseparerade; tom = alla"),
            ),
            nyckel=("id",),
            namnd_kolumn=None,
        ),
        Tabellschema(
            "indikatorer",
            "Indikatorer (nyckeltal) kopplade till mål.",
            (
                _k("id"),
                _k("mal", beskrivning="målets id i mal-tabellen"),
                _k("namn"),
                _k("agare", kravs=False, beskrivning="t.ex. KF eller SN"),
                _k("enhet", kravs=False),
                _k("polaritet", "val", tillatna=("hogre_battre", "lagre_battre", "ingen")),
                _k("decimaler", "heltal", kravs=False),
                _k("kolada_id", kravs=False),
                _k("fotnot", kravs=False),
                _k("kalla", kravs=False, beskrivning="måttets källa, t.ex. SCB:s medborgarundersökning; "
                                                     "listas i avsnittet kallforteckning"),
                _k("varav_till", kravs=False,
                   beskrivning="id för måttet som detta är en del av; trycks indraget direkt under det"),
                _k("omotiverade_skillnader", kravs=False,
                   beskrivning="'Nej' eller dimensionerna med omotiverade skillnader (Kön, Område, Ålder)"),
                _k("rad", kravs=False, beskrivning="radetiketten som den trycks, när den skiljer sig från namn"),
            ),
            nyckel=("id",),
            namnd_kolumn=None,
        ),
        Tabellschema(
            "indikatorvarden",
            "Utfall och målvärden per indikator och år.",
            (
                _k("indikator"),
                _k("ar", "ar"),
                _k("typ", "val", tillatna=("utfall", "prognos", "delar", "mal", "etappmal", "ranking",
                                           "omrade_lagsta", "omrade_hogsta"),
                   beskrivning="prognos = helårsprognos, delar = delårsutfall, ranking = placering bland kommuner, "
                               "omrade_lagsta/omrade_hogsta = lägsta/högsta värdet bland kommundelarna"),
                _k("kon", "val", kravs=False, tillatna=KON),
                _k("varde", "tal", kravs=False),
                _k("vardetyp", "val", kravs=False, tillatna=("niva", "forandring_procent")),
                _k("saknas", "val", kravs=False, tillatna=("ej_publicerat", "ej_matt", "metodbyte")),
                _k("kalla", kravs=False),
                _k("malvarde_text", kravs=False,
                   beskrivning="textmål: Öka, Minska, Behåll, Länssnitt, Topp tre i länet, Indikator …"),
                _k("jamforelse", "val", kravs=False, tillatna=JAMFORELSER,
                   beskrivning="utfallet ska vara <jamforelse> målet; tom = enligt polariteten"),
                _k("manad", "manad", kravs=False, beskrivning="mätmånad när värdet inte gäller helår"),
                _k("ranking_av", "heltal", kravs=False, beskrivning="antal jämförda kommuner (typ ranking)"),
                _k("decimaler", "heltal", kravs=False,
                   beskrivning="decimaler för just detta värde när rapporten trycker det annorlunda än indikatorn"),
                _k("trend", kravs=False, beskrivning="den tryckta trendbedömningen, kod ur skalor.trend i kommun.yaml"),
                _k("grupp", kravs=False, beskrivning="åldersgrupp eller annan del av befolkningen, t.ex. 65-84 år"),
            ),
            nyckel=("indikator", "ar", "typ", "kon", "grupp"),
            namnd_kolumn=None,
        ),
        Tabellschema(
            "malbedomning",
            "Nämndens bedömning av varje mål enligt kommunens skala.",
            (
                _k("namnd"),
                _k("mal"),
                _k("bedomning", beskrivning="kod ur bedomningsskalan i kommun.yaml"),
                _k("motivering"),
            ),
            nyckel=("namnd", "mal"),
        ),
        Tabellschema(
            "uppdrag",
            "Politiska uppdrag och deras status.",
            (
                _k("namnd"),
                _k("id"),
                _k("titel"),
                _k("kalla", kravs=False, beskrivning="t.ex. KF Mål och budget, KS"),
                _k("grupp", kravs=False),
                _k("status", kravs=False, beskrivning="kod ur uppdragsskalan i kommun.yaml"),
                _k("kommentar", kravs=False),
                _k("mal_id", kravs=False, beskrivning="målet (id i mal-tabellen) som uppdraget redovisas under"),
                _k("atagande", kravs=False, beskrivning="själva åtagandet, när titel bara är rubriken"),
                _k("bakgrund", kravs=False, beskrivning="bakgrundstext mellan rubrik och åtagande"),
            ),
            nyckel=("namnd", "id"),
        ),
        Tabellschema(
            "personal",
            "Personalnyckeltal: sjukfrånvaro, antal anställda, personalomsättning m.m.",
            (
                _k("namnd"),
                _k("ar", "ar"),
                _k("manad", "manad", kravs=False),
                _k("nyckeltal"),
                _k("grupp", kravs=False, beskrivning="alla, K, M eller en åldersgrupp"),
                _k("varde", "tal"),
                _k("antal", "heltal", kravs=False, beskrivning="antal personer i gruppen (för röjandeskydd)"),
                _k("matning", "val", kravs=False, tillatna=MATNINGAR,
                   beskrivning="ogonblick = läget vid månadens slut, ackumulerad = januari t.o.m. månaden, "
                               "manad = bara månaden, rullande_12 = tolv månader t.o.m. månaden"),
            ),
            nyckel=("namnd", "ar", "manad", "nyckeltal", "grupp"),
        ),
        Tabellschema(
            "internkontroll",
            "Internkontrollplanens kontrollmoment och resultat.",
            (
                _k("namnd"),
                _k("id"),
                _k("malkategori", kravs=False),
                _k("risk", kravs=False),
                _k("kontrollmoment"),
                _k("resultat", kravs=False),
                _k("atgard", kravs=False),
                _k("avvikelse", "bool", kravs=False),
                _k("typ", "val", kravs=False, tillatna=("riskreducerande", "revision", "systematisk_kontroll"),
                   beskrivning="vilken del av planen raden hör till; visas som mellanrubriker"),
                _k("status", kravs=False, beskrivning="kod ur skalor.internkontroll i kommun.yaml"),
                _k("bakgrund", kravs=False),
                _k("granskning", kravs=False, beskrivning="revisionsgranskningens namn"),
                _k("diarienummer", kravs=False),
                _k("beskrivning", kravs=False, beskrivning="beskrivning av kontrollen"),
            ),
            nyckel=("namnd", "id"),
        ),
        Tabellschema(
            "investeringsbudget",
            "Investeringsbudget och plan per projekt och år (Strategi och budget).",
            (
                _k("namnd"),
                _k("projekt"),
                _k("ar", "ar"),
                _k("typ", "val", tillatna=("tidigare", "budget", "plan"),
                   beskrivning="tidigare = beviljat t.o.m. föregående år; budget = budgetåret; plan = planår"),
                _k("belopp", "tal"),
            ),
            nyckel=("namnd", "projekt", "ar", "typ"),
            belopp=("belopp",),
        ),
        Tabellschema(
            "exploatering",
            "Exploateringsbudget per projekt: intäkter och kostnader.",
            (
                _k("namnd"),
                _k("projektnr", kravs=False),
                _k("projekt"),
                _k("ar", "ar"),
                _k("intakt", "tal", kravs=False),
                _k("kostnad", "tal", kravs=False),
            ),
            nyckel=("namnd", "projektnr", "projekt", "ar"),
            belopp=("intakt", "kostnad"),
        ),
        Tabellschema(
            "sarskilda_poster",
            "Särskilda poster i driften som rapporten ska lyfta, t.ex. kostnader för en pandemi.",
            (
                _k("namnd"),
                _k("ar", "ar"),
                _k("post", beskrivning="t.ex. Kostnader relaterade till coronapandemin"),
                _k("belopp", "tal"),
                _k("kommentar", kravs=False),
            ),
            nyckel=("namnd", "ar", "post"),
            belopp=("belopp",),
        ),
        Tabellschema(
            "eget_kapital",
            "Nämndens eget kapital (balanserat resultat) och begärd resultatöverföring per år.",
            (
                _k("namnd"),
                _k("ar", "ar"),
                _k("ingaende", "tal", beskrivning="ingående balanserat resultat (IB)"),
                _k("utgaende", "tal", kravs=False, beskrivning="utgående balanserat resultat (UB)"),
                _k("max_utgaende", "tal", kravs=False, beskrivning="högsta tillåtna balanserade resultat"),
                _k("resultatoverforing", "tal", kravs=False,
                   beskrivning="begärd förändring av det balanserade resultatet; negativ = minskning"),
                _k("kommentar", kravs=False),
            ),
            nyckel=("namnd", "ar"),
            belopp=("ingaende", "utgaende", "max_utgaende", "resultatoverforing"),
        ),
        Tabellschema(
            "resultatoverforing",
            "Resultatöverföring: hur årets över- eller underskott i drift och investeringar hanteras "
            "(förs över till kommande år, återbetalas).",
            (
                _k("namnd"),
                _k("ar", "ar", beskrivning="året vars resultat fördelas"),
                _k("slag", "val", tillatna=RESULTATOVERFORING_SLAG, beskrivning="drift eller investering"),
                _k("post", beskrivning="t.ex. Nämndens överskott eller Beslutade, ej färdigställda investeringar"),
                _k("typ", "val", tillatna=RESULTATOVERFORING_TYPER,
                   beskrivning="resultat = årets över-/underskott som fördelas; overfors = förs över; "
                               "aterbetalas = betalas tillbaka"),
                _k("belopp", "tal", beskrivning="positivt = överskott"),
                _k("till_ar", kravs=False, beskrivning="året eller åren beloppet förs över till, t.ex. 2023–2024"),
            ),
            nyckel=("namnd", "ar", "slag", "post"),
            belopp=("belopp",),
        ),
        Tabellschema(
            "prognoser",
            "Årets tidigare helårsprognoser, som avvikelse mot budget (för prognossäkerhet).",
            (
                _k("namnd"),
                _k("ar", "ar"),
                _k("tillfalle", beskrivning="t.ex. T1, T2 eller Okt"),
                _k("prognosavvikelse", "tal", beskrivning="prognostiserad avvikelse mot årsbudget; positiv = överskott"),
            ),
            nyckel=("namnd", "ar", "tillfalle"),
            belopp=("prognosavvikelse",),
        ),
        Tabellschema(
            "finansforvaltning",
            "Finansförvaltningens budget per post: intäkter och kostnader per år (Strategi och budget).",
            (
                _k("namnd"),
                _k("grupp", beskrivning="rad i sammanställningen, t.ex. Övriga verksamhetskostnader"),
                _k("post"),
                _k("ar", "ar"),
                _k("intakter", "tal", kravs=False),
                _k("kostnader", "tal", kravs=False),
            ),
            nyckel=("namnd", "grupp", "post", "ar"),
            belopp=("intakter", "kostnader"),
        ),
        Tabellschema(
            "statistik",
            "Verksamhetsstatistik och andra nyckeltalstabeller: en rad per tabell, rad och kolumn.",
            (
                _k("namnd"),
                _k("tabell", beskrivning="tabellens id, t.ex. T1; tabeller visas i filens ordning"),
                _k("titel", beskrivning="tabellens rubrik"),
                _k("grupp", kravs=False, beskrivning="mellanrubrik ovanför tabellen, t.ex. Funktionsnedsättning"),
                _k("rad"),
                _k("kolumn"),
                _k("varde", "tal", kravs=False, beskrivning="tomt = saknas (visas som –)"),
                _k("text", kravs=False, beskrivning="en textcell i stället för ett tal, t.ex. ansvarig nämnd"),
                _k("enhet", "val", kravs=False, tillatna=("antal", "procent", "kr", "tkr", "mnkr", "dagar", "timmar", "index")),
                _k("decimaler", "heltal", kravs=False),
                _k("fotnot", kravs=False),
            ),
            nyckel=("namnd", "tabell", "rad", "kolumn"),
        ),
        Tabellschema(
            "rattelser",
            "Rättelser och kända fel i den publicerade källan: varje värde som avviker från det tryckta, och "
            "varje känt fel som återges som tryckt. Kontrolleras mot datan (anvant måste vara det tabellen har).",
            (
                _k("namnd"),
                _k("tabell", beskrivning="tabellen som raden gäller, t.ex. drift"),
                _k("nyckel", beskrivning="radens nyckel utan nämnd, delarna åtskilda med /, t.ex. "
                                         "'Samhällsplanering och ledning/2020'; 'summa/2020' = summan av årets rader"),
                _k("kolumn", beskrivning="kolumnen, t.ex. utfall; för drift även avvikelse (budget − utfall)"),
                _k("tryckt", beskrivning="värdet som det trycktes"),
                _k("anvant", beskrivning="värdet som datan har (kontrolleras)"),
                _k("typ", "val", tillatna=("rattelse", "kant_fel"),
                   beskrivning="rattelse = datan har det rättade värdet; kant_fel = publicerat fel som återges som tryckt"),
                _k("skal", beskrivning="varför"),
                _k("kalla", kravs=False, beskrivning="sida/rad i källan, t.ex. 001:L712"),
            ),
            nyckel=("namnd", "tabell", "nyckel", "kolumn"),
        ),
    ]
}


def normalisera_kolumnnamn(namn: str) -> str:
    """'Nämnd' → 'namnd', 'Överordnad ' → 'overordnad', 'Budget helår' → 'budget_helar'."""
    s = namn.strip().lower().lstrip("\ufeff")
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e"), (" ", "_"), ("-", "_")):
        s = s.replace(a, b)
    return s


# --- from statistik ---


def ar_summarad(rad) -> bool:
    """'Totalt', 'Summa SN', 'Summa trygghetsåtgärder': a total the table prints (shown bold, checked by validate)."""
    return str(rad).strip().lower().startswith(("totalt", "summa"))


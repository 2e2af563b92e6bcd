"""kommun.yaml and period.yaml against their schemas (src/helpers/konfig/schema/): every malformed shape gives
exit 1 from `namndrapport validate`, names the file and the key, and never shows a traceback."""

from __future__ import annotations

import copy
import time
from pathlib import Path

import pandas as pd
import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers.cli import main
from helpers.fel import DataFel
from helpers.konfig import kommun as konfig

BOMB = "a: &l0 [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 9)) + "palett: *l8\n"

# (id, file under data/raw, change, texts the output must contain). A change is (old, new) in the file,
# "+text" appended to it, or "=text" as the whole file.
FALL = [
    ("okand_toppnyckel", "haninge/kommun.yaml", "+nyckeltl:\n  x: {namn: X}", ["nyckeltl", "menade du 'nyckeltal'?"]),
    ("saknad_och_felstavad_namn", "exempel/kommun.yaml", ("namn: Exempelkommun", "namne: Exempelkommun"),
     ["kolumn 'namn'", "saknas", "namne", "menade du 'namn'?"]),
    ("kod_som_lista", "exempel/kommun.yaml", ('kod: "9999"', "kod: [9999]"), ["kolumn 'kod'", "fyrsiffrig"]),
    ("namnder_som_strangar", "exempel/kommun.yaml",
     ("  - {id: ks, namn: Kommunstyrelsen, forvaltning: Kommunledningsförvaltningen}", "  - ks"),
     ["kolumn 'namnder[0]'", "värde 'ks'", "mappning"]),
    ("namnd_id_versaler", "exempel/kommun.yaml", ("{id: ks,", "{id: KS,"), ["kolumn 'namnder[0].id'", "'KS'"]),
    ("namnd_id_dubbelt", "exempel/kommun.yaml", ("{id: bun,", "{id: ks,"), ["kolumn 'namnder[1].id'", "duplicate"]),
    ("namnd_okand_rapporttyp", "haninge/kommun.yaml", ("      arsredovisning: [sammanfattning, inledning, viktiga_h",
                                                        "      arsredovisnig: [sammanfattning, inledning, viktiga_h"),
     ["kolumn 'namnder.ks.sektioner.arsredovisnig'", "rapporttyp"]),
    ("rapporttyper_som_lista", "exempel/kommun.yaml",
     "=namn: X\nkod: '9999'\nnamnder: [{id: ks, namn: KS}]\nrapporttyper: [arsredovisning]\n",
     ["kolumn 'rapporttyper'", "mappning", "fick en lista"]),
    ("sektioner_som_strang", "haninge/kommun.yaml", ("sektioner: [ekonomi, rattelser]", "sektioner: ekonomi"),
     ["kolumn 'rapporttyper.delarsrapport.sektioner'", "värde 'ekonomi'", "en lista med avsnitt"]),
    ("rapporttyp_utan_sektioner", "haninge/kommun.yaml", ("    sektioner: [ekonomi, rattelser]\n", ""),
     ["kolumn 'rapporttyper.delarsrapport.sektioner'", "saknas"]),
    ("planering_text", "haninge/kommun.yaml", ("planering: true", "planering: ja kanske"),
     ["kolumn 'rapporttyper.strategi_och_budget.planering'", "true eller false"]),
    ("skalsteg_utan_etikett", "exempel/kommun.yaml", ("{kod: uppfyllt, etikett: Uppfyllt, ", "{kod: uppfyllt, "),
     ["kolumn 'skalor.mal[0].etikett'", "saknas"]),
    ("okand_skala", "haninge/kommun.yaml", ("  uppdrag:\n    - {kod: ej_paborjad", "  uppdrg:\n    - {kod: ej_paborjad"),
     ["kolumn 'skalor.uppdrg'", "menade du 'uppdrag'?"]),
    ("malniva_som_strang", "haninge/kommun.yaml", ("  - {id: prioritering, namn: Nämndens prioritering}", "  - prioritering"),
     ["kolumn 'malnivaer[2]'", "mappning"]),
    ("palett_som_strang", "exempel/kommun.yaml",
     ('palett: ["#00558C", "#C8500A", "#2E7D32", "#6A3D9A", "#A4001D"]', 'palett: "#00558C"'),
     ["kolumn 'palett'", "en lista med färger"]),
    ("okand_tabell", "haninge/kommun.yaml", ("  prognoser: {enhet: mnkr}", "  prognos: {enhet: mnkr}"),
     ["kolumn 'tabeller.prognos'", "menade du 'prognoser'?"]),
    ("okand_tabellinstallning", "haninge/kommun.yaml", ("drift: {enhet: tkr, kostnader: positiva}",
                                                         "drift: {enhet: tkr, kostnad: positiva}"),
     ["kolumn 'tabeller.drift.kostnad'", "menade du 'kostnader'?"]),
    ("okand_enhet", "exempel/kommun.yaml", ("drift: {enhet: tkr,", "drift: {enhet: tusen,"),
     ["kolumn 'tabeller.drift.enhet'", "kr, tkr eller mnkr"]),
    ("min_antal_0", "exempel/kommun.yaml", ("personal: {min_antal: 5}", "personal: {min_antal: 0}"),
     ["kolumn 'tabeller.personal.min_antal': värde '0'", "minst 3"]),
    ("min_antal_2", "exempel/kommun.yaml", ("personal: {min_antal: 5}", "personal: {min_antal: 2}"),
     ["kolumn 'tabeller.personal.min_antal': värde '2'", "minst 3"]),
    ("min_antal_text", "exempel/kommun.yaml", ("personal: {min_antal: 5}", "personal: {min_antal: fem}"),
     ["kolumn 'tabeller.personal.min_antal'", "heltal"]),
    ("dimensioner_som_lista", "exempel/kommun.yaml", ("personal: {min_antal: 5}",
                                                       "personal: {min_antal: 5, dimensioner: [kon, alder]}"),
     ["kolumn 'tabeller.personal.dimensioner'", "dimension → lista med grupper"]),
    ("dimension_som_strang", "exempel/kommun.yaml", ("personal: {min_antal: 5}",
                                                      "personal: {min_antal: 5, dimensioner: {kon: Kvinnor}}"),
     ["kolumn 'tabeller.personal.dimensioner.kon'", "minst två"]),
    ("kolada_jamforelse_mappning", "exempel/kommun.yaml", ("    - {id: G-EXEMPEL, namn: Liknande kommuner (syntetisk grupp)}",
                                                            "    id: G-EXEMPEL"),
     ["kolumn 'kolada.jamforelse'", "en lista med enheter"]),
    ("nyckeltal_decimaler_text", "haninge/kommun.yaml", "+nyckeltal:\n  sjukfranvaro: {decimaler: en}",
     ["kolumn 'nyckeltal.sjukfranvaro.decimaler'", "heltal 0–6"]),
    ("nyckeltal_nytt_utan_namn", "haninge/kommun.yaml", "+nyckeltal:\n  overtid: {enhet: procent}",
     ["kolumn 'nyckeltal.overtid.namn'", "namn"]),
    ("avsnitt_och_sektioner", "haninge/kommun.yaml", "+avsnitt:\n  x: {titel: X, notebook: text.ipynb}",
     ["kolumn 'sektioner'", "bara en av 'avsnitt' och 'sektioner'"]),
    ("nytt_avsnitt_utan_notebook", "exempel/kommun.yaml", "+avsnitt:\n  nytt: {titel: Nytt}",
     ["kolumn 'avsnitt.nytt.notebook'", "notebook"]),
    ("avsnitt_text_okand", "haninge/kommun.yaml", ("statistik.ipynb, text: valfri}", "statistik.ipynb, text: kanske}"),
     ["kolumn 'sektioner.trygghetssatsning.text'", "krävs, valfri eller nej"]),
    ("aliasbomb", "haninge/kommun.yaml", "=" + BOMB, ["data/raw/haninge/kommun.yaml", "YAML-alias"]),
    ("period_till_manad_december", "haninge/2020/period.yaml", ("till_manad: 12", "till_manad: december"),
     ["data/raw/haninge/2020/period.yaml", "kolumn 'till_manad': värde 'december'", "en månad 1–12"]),
    ("period_namnder_mappningar", "haninge/2020/period.yaml", ("namnder: [ks]", "namnder: [{id: ks}]"),
     ["data/raw/haninge/2020/period.yaml", "kolumn 'namnder[0]'", "not a mapping"]),
    ("period_okand_nyckel", "haninge/2020/period.yaml", ("kolada: {komplettera: false}", "kolada: {kompletera: false}"),
     ["kolumn 'kolada.kompletera'", "menade du 'komplettera'?"]),
    ("period_felstavad_till_manad", "exempel/2024-08/period.yaml", ("till_manad: 8", "tillmanad: 8"),
     ["data/raw/exempel/2024-08/period.yaml", "kolumn 'tillmanad'", "menade du 'till_manad'?"]),
    ("period_rapporttyper_strang", "exempel/2024/period.yaml", ("rapporttyper: [arsredovisning]",
                                                                 "rapporttyper: arsredovisning"),
     ["data/raw/exempel/2024/period.yaml", "kolumn 'rapporttyper'", "en lista med rapporttyper"]),
    ("period_visning_decimaler", "haninge/2022/period.yaml", ("investeringar: {decimaler: 1}",
                                                               "investeringar: {decimaler: en}"),
     ["kolumn 'visning.investeringar.decimaler'", "heltal"]),
    ("period_skalsteg_utan_kod", "haninge/2022/period.yaml", ("{kod: uppfyllt, etikett: Målet har uppfyllts,",
                                                               "{etikett: Målet har uppfyllts,"),
     ["data/raw/haninge/2022/period.yaml", "kolumn 'skalor.mal[0].kod'", "saknas"]),
    ("period_beslut_datum", "exempel/2025/period.yaml", ("beslut: kommunfullmäktiges beslut 2024-11-18 § 99",
                                                          "beslut: 2024-11-18"),
     ["kolumn 'beslut'", "beslutet som text"]),
    ("period_alias", "exempel/2024/period.yaml", "+x: &a [1]\nar: *a", ["data/raw/exempel/2024/period.yaml", "'*a'"]),
    ("etikett_okand_platshallare", "huddinge/kommun.yaml", ('etiketter: {avvikelse: Avvikelse mot budget}',
                                                           'etiketter: {avvikelse: "Avvikelse {år}"}'),
     ["kolumn 'tabeller.resultatposter.visas.etiketter.avvikelse'", "{nasta_ar}", "inga andra {}"]),
    ("rubrik_okand_platshallare", "huddinge/kommun.yaml", ("it: IT-investeringar {ar} (mnkr)", "it: IT {ar"),
     ["kolumn 'tabeller.investeringar.rubriker.it'", "inga andra {}"]),
    ("termer_bara_bestamd_form", "huddinge/kommun.yaml", ("indikatorerna: måtten, ", ""),
     ["kolumn 'termer.indikatorerna'", "hör ihop med 'indikatorn'"]),
    ("decimaler_for_personal", "exempel/kommun.yaml", ("personal: {min_antal: 5}", "personal: {min_antal: 5, decimaler: 1}"),
     ["tabeller.personal", "decimaler: används inte för personal"]),
    ("visas_som_tabellen_inte_laser", "exempel/kommun.yaml", ("personal: {min_antal: 5}",
                                                              "personal: {min_antal: 5, visas: {antal_ar: 3}}"),
     ["tabeller.personal", "visas.antal_ar: används inte för personal", "förväntade rubrik"]),
]


def _andra(rot, fil: str, andring) -> None:
    sokvag = rot / "data" / "raw" / fil
    text = sokvag.read_text(encoding="utf-8")
    if isinstance(andring, tuple):
        assert andring[0] in text, f"fallet passar inte längre exempeldata: {andring[0]!r} saknas i {fil}"
        text = text.replace(andring[0], andring[1], 1)
    elif andring.startswith("+"):
        text = text.rstrip("\n") + "\n" + andring[1:] + "\n"
    else:
        text = andring[1:]
    sokvag.write_text(text, encoding="utf-8")


def test_korpusen_har_minst_25_fall_for_bada_filerna():
    assert len(FALL) >= 25
    assert sum("period.yaml" in f[1] for f in FALL) >= 5 and len({f[0] for f in FALL}) == len(FALL)


@pytest.mark.parametrize("fall", FALL, ids=[f[0] for f in FALL])
def test_felaktig_konfiguration_ger_tydligt_fel(rot, fall):
    _, fil, andring, forvantat = fall
    _andra(rot, fil, andring)
    kommun = fil.split("/")[0]
    start = time.perf_counter()
    res = CliRunner().invoke(main, ["validate", "--kommun", kommun])
    assert time.perf_counter() - start < 30  # the alias bomb fails fast
    assert res.exit_code == 1, res.output
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit), f"oväntat undantag: {res.exception!r}"
    assert f"data/raw/{fil}" in res.output
    for text in forvantat:
        assert text in res.output, f"{text!r} saknas i:\n{res.output}"


def test_felet_anger_raden_i_yaml(rot):
    _andra(rot, "exempel/kommun.yaml", ("personal: {min_antal: 5}", "personal: {min_antal: 1}"))
    rad = next(i for i, r in enumerate((rot / "data/raw/exempel/kommun.yaml").read_text(encoding="utf-8").splitlines(), 1)
               if "min_antal: 1" in r)
    res = CliRunner().invoke(main, ["validate", "--kommun", "exempel"])
    assert f"data/raw/exempel/kommun.yaml, rad {rad}, kolumn 'tabeller.personal.min_antal': värde '1'" in res.output


def test_alla_fel_rapporteras_samtidigt(rot):
    _andra(rot, "exempel/kommun.yaml", ("personal: {min_antal: 5}", "personal: {min_antal: 0}"))
    _andra(rot, "exempel/kommun.yaml", ('kod: "9999"', "kod: [9999]"))
    _andra(rot, "exempel/kommun.yaml", "+nyckeltl: {}")
    res = CliRunner().invoke(main, ["validate", "--kommun", "exempel"])
    assert "3 problem" in res.output, res.output


def test_avsnitt_ar_alias_for_sektioner_och_dimensioner_godtas(rot):
    _andra(rot, "haninge/kommun.yaml", ("\nsektioner:\n  trygghetssatsning:", "\navsnitt:\n  trygghetssatsning:"))
    _andra(rot, "exempel/kommun.yaml", ("personal: {min_antal: 5}", "personal: {min_antal: 3, dimensioner: "
                                        "{kon: [K, M], alder: ['-29', '30-49', '50-']}}"))
    konfig._kommun_cached.cache_clear()
    haninge = konfig.las_kommun("haninge")
    assert haninge.sektioner["trygghetssatsning"]["titel"] == "Trygghetssatsningen"
    assert haninge.sektionslista("arsredovisning", "ks")[5] == "trygghetssatsning"
    exempel = konfig.las_kommun("exempel")
    assert exempel.tabellinstallning("personal")["dimensioner"]["kon"] == ["K", "M"]
    res = CliRunner().invoke(main, ["validate"])
    assert res.exit_code == 0, res.output


def test_egna_nyckeltal_ur_kommun_yaml_visas_i_personaltabellen(rot):
    from helpers.presentation.personal import tabell_per_ar

    _andra(rot, "exempel/kommun.yaml", "+nyckeltal:\n  sjukfranvaro: {namn: Sjukfrånvaro totalt}\n"
                                       "  overtid: {namn: Övertid, enhet: procent, decimaler: 2}")
    konfig._kommun_cached.cache_clear()
    kommun = konfig.las_kommun("exempel")
    # Renaming keeps the rest of the standard definition (unit, decimals) from konfig/nyckeltal.yaml.
    assert kommun.nyckeltal["sjukfranvaro"] == {"namn": "Sjukfrånvaro totalt", "enhet": "procent", "decimaler": 1}
    assert kommun.nyckeltal["antal_anstallda"]["namn"] == "Antal anställda"
    personal = pd.DataFrame({"namnd": "ks", "ar": 2024, "manad": None, "nyckeltal": ["sjukfranvaro", "overtid"],
                             "grupp": "alla", "varde": [7.61, 1.234], "antal": [100, 100]})
    rader = tabell_per_ar(kommun, personal, 2024).rader
    assert rader["nyckeltal"].tolist() == ["Sjukfrånvaro totalt", "Övertid"]
    assert rader["2024"].str.replace("\u00a0", " ").tolist() == ["7,6 %", "1,23 %"]


def test_scheman_namnger_alla_indatatabeller():
    from helpers.indata.scheman import TABELLER
    from helpers.konfig.schemakontroll import SCHEMAMAPP

    schema = yaml.safe_load((SCHEMAMAPP / "kommun.schema.yaml").read_text(encoding="utf-8"))
    assert set(schema["properties"]["tabeller"]["properties"]) == set(TABELLER)


EXEMPEL = yaml.safe_load((Path(__file__).parents[1] / "data/raw/exempel/kommun.yaml").read_text(encoding="utf-8"))
# Values of other types than the file has, for the mutation test.
_VARDEN = st.one_of(st.none(), st.booleans(), st.integers(-5, 20), st.text(max_size=8), st.floats(allow_nan=False),
                    st.lists(st.one_of(st.integers(), st.text(max_size=4)), max_size=3),
                    st.dictionaries(st.text(max_size=6), st.one_of(st.integers(), st.text(max_size=4)), max_size=3))


def _platser(varde, vag=()):
    yield vag
    if isinstance(varde, dict):
        for k, v in varde.items():
            yield from _platser(v, vag + (k,))
    elif isinstance(varde, list):
        for i, v in enumerate(varde):
            yield from _platser(v, vag + (i,))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_muterad_kommun_yaml_ger_datafel_eller_kommun_aldrig_traceback(rot, data):
    fil = rot / "data/raw/exempel/kommun.yaml"
    muterad = copy.deepcopy(EXEMPEL)
    for _ in range(data.draw(st.integers(1, 3))):
        platser = [p for p in _platser(muterad) if p]
        vag = data.draw(st.sampled_from(platser))
        forelder = muterad
        for del_ in vag[:-1]:
            forelder = forelder[del_]
        if data.draw(st.booleans()):
            del forelder[vag[-1]]
        else:
            forelder[vag[-1]] = data.draw(_VARDEN)
    fil.write_text(yaml.safe_dump(muterad, allow_unicode=True), encoding="utf-8")
    konfig._kommun_cached.cache_clear()
    try:
        kommun = konfig.las_kommun("exempel")
        for p in konfig.perioder(kommun):
            assert p.till_manad in range(1, 13)
    except DataFel as e:
        assert e.problem and all("kommun.yaml" in p.fil or "period.yaml" in p.fil for p in e.problem)


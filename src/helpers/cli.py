"""Command line: `namndrapport validate | list | build | new | pdf | kolada | clean`.

Conventions (tests/test_cli.py): one spelling per option in every command (--kommun, --namnd, --period,
--rapporttyp), help text on every option, exit status 1 for a data error and 2 for a usage error, and never
a traceback for a user error: ``Kommandon.invoke`` turns them into one line. Heavy imports happen inside
the commands so that `--help` stays fast."""

from __future__ import annotations

import logging
import sys

import click

from helpers import __version__
from helpers.fel import DataFel, TillaggSaknas
from helpers.konfig import kommun as config

log = logging.getLogger("namndrapport")

DATAFEL, ANVANDNINGSFEL = 1, 2  # click's own UsageError exits 2 too


class Kommandon(click.Group):
    """The shared error handler: a user error becomes one Swedish line on stderr and an exit status."""

    def invoke(self, ctx):
        from helpers.bygg.webblasare import IngenWebblasare

        try:
            return super().invoke(ctx)
        except DataFel as e:
            _avbryt(str(e), DATAFEL)
        except KeyError as e:
            # Only the config's lookups ("Okänd nämnd 'x' …") are user errors; any other KeyError is a bug.
            if not (e.args and isinstance(e.args[0], str) and e.args[0].startswith("Okänd")):
                raise
            _avbryt(e.args[0], ANVANDNINGSFEL)
        except FileNotFoundError as e:
            _avbryt(f"filen eller mappen saknas: {e.filename or e} (file not found)", DATAFEL)
        except (IngenWebblasare, TillaggSaknas) as e:
            _avbryt(str(e), DATAFEL)


def _avbryt(meddelande: str, kod: int):
    click.echo(f"FEL: {meddelande}", err=True)
    sys.exit(kod)


def _kommun(ctx, param, varde):
    """--kommun must name a folder under data/raw with a kommun.yaml; a typo is a usage error."""
    if varde and varde not in (kanda := config.kommuner()):
        raise click.BadParameter(f"okänd kommun {varde!r}; kända: {', '.join(kanda) or 'inga (finns data/raw?)'}")
    return varde


def _rapporttyp(ctx, param, varde):
    """Report types are data (kommun.yaml), so the choices are read when the command runs, not fixed here."""
    if not varde:
        return varde
    kommun = ctx.params.get("kommun")
    kanda = sorted({rt for kid in ([kommun] if kommun else config.kommuner())
                    for rt in config.las_kommun(kid).rapporttyper})
    if varde not in kanda:
        raise click.BadParameter(f"{varde!r} är inte en av {', '.join(kanda)}")
    return varde


def _verbose(ctx, param, varde):
    """Our loggers only (not the root: papermill and jupyter stay quiet), to this run's stderr."""
    hanterare = logging.StreamHandler(sys.stderr)
    hanterare.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    for namn in ("namndrapport", "helpers"):
        logger = logging.getLogger(namn)
        logger.handlers[:] = [hanterare]
        logger.setLevel(logging.DEBUG if varde else logging.WARNING)
        logger.propagate = False
    return varde


# is_eager: the selection filters below validate against --kommun, so it is parsed first.
KOMMUN = dict(callback=_kommun, is_eager=True)
RAPPORTTYP = dict(callback=_rapporttyp, metavar="TYP")


@click.group(cls=Kommandon,
             help="Nämndrapport: bygg nämndernas rapporter från rådata. / Build committee reports from raw data.")
@click.version_option(__version__, "--version", prog_name="namndrapport", message="%(prog)s %(version)s",
                      help="Visa versionen och avsluta. / Show the version.")
@click.option("-v", "--verbose", is_flag=True, expose_value=False, is_eager=True, callback=_verbose,
              help="Skriv ut felsökningsmeddelanden (logging på DEBUG-nivå). / Debug logging.")
def main():
    from helpers.konfig import sokvagar as paths

    log.debug("projektrot %s", paths.rot())


def _urval(kommando):
    """The options that choose reports, the same for build and pdf."""
    for option in reversed((
        click.option("--kommun", help="Bara denna kommun.", **KOMMUN),
        click.option("--namnd", "namnder", multiple=True, help="Bara denna nämnd (kan upprepas)."),
        click.option("--period", help="Bara denna period, t.ex. 2020 eller 2024-08."),
        click.option("--rapporttyp", help="Bara denna rapporttyp, t.ex. arsredovisning.", **RAPPORTTYP),
    )):
        kommando = option(kommando)
    return kommando


@main.command(help="Kontrollera rådata mot scheman. / Check raw tables against their schemas.")
@click.option("--kommun", help="Kommunens id (mapp under data/raw). Standard: alla.", **KOMMUN)
def validate(kommun):
    from helpers.avsnitt import saknade_tabeller
    from helpers.fel import Problem, visningsnamn
    from helpers.indata.validering import validera_period
    from helpers.presentation import titel

    antal = 0
    try:
        kommuner = [kommun] if kommun else config.kommuner()
        for kid in kommuner:
            k = config.las_kommun(kid)
            for p in config.perioder(k):
                _, problem = validera_period(k, p)
                problem += saknade_tabeller(k, p)
                problem += [Problem(visningsnamn(k.mapp / "kommun.yaml"), None, f"rapporttyper.{rt}.titel", None, fel)
                            for rt in p.rapporttyper if rt in k.rapporttyper
                            for fel in titel.kontrollera_mall(k.rapporttyper[rt].titel)]
                for pr in problem:
                    click.echo(f"{pr.niva}: {pr}", err=True)
                fel = sum(not pr.varning for pr in problem)
                varningar = len(problem) - fel
                antal += fel
                status = f"{fel} problem" if fel else "OK"
                if varningar:
                    status += f" ({varningar} varningar)"
                click.echo(f"{k.id}/{p.id}: {status}")
    except DataFel as e:
        click.echo(f"FEL: {e}", err=True)
        sys.exit(1)
    if antal:
        click.echo(f"{antal} problem hittades; rätta dem innan rapporterna byggs.", err=True)
        sys.exit(1)
    click.echo("Alla tabeller är giltiga.")


@main.command("list", help="Lista rapporter som kan byggas. / List buildable reports.")
@click.option("--kommun", help="Bara denna kommun (mapp under data/raw). Standard: alla.", **KOMMUN)
def lista(kommun):
    from helpers.bygg.rapport import planera

    rapporter = planera(kommun)
    for r in rapporter:
        click.echo(f"{r.namn}  →  {r.utfil}")
    if not rapporter:
        from helpers.konfig import sokvagar

        click.echo(f"Inga rapporter: {sokvagar.raw()} har ingen kommun med perioder "
                   "(no reports: no kommun with periods there).", err=True)


@main.command(help="Bygg rapporter till reports/ (bara det som ändrats). / Build reports (only what changed).")
@_urval
@click.option("--workers", "-j", type=int, default=None, help="Antal parallella processer (standard: antal kärnor).")
@click.option("--force", is_flag=True, help="Bygg om allt, även det som inte ändrats.")
@click.option("--dry-run", is_flag=True, help="Visa vad som skulle byggas och varför, utan att bygga.")
@click.option("--scheduler", metavar="ADRESS", help="Kör på ett Dask-kluster, t.ex. tcp://10.0.0.5:8786.")
@click.option("--timeout", type=int, default=600, show_default=True, help="Sekunder per avsnitt innan det avbryts.")
@click.option("--final", "slutlig", is_flag=True, help="Slutlig version: fel om en kommentar saknas (annars en markering).")
def build(kommun, namnder, period, rapporttyp, workers, force, dry_run, scheduler, timeout, slutlig):
    from helpers.bygg.rapport import bedom, planera
    from helpers.konfig import sokvagar as paths

    beslut = bedom(planera(kommun, list(namnder) or None, period, rapporttyp), force, slutlig)
    log.debug("notebooks från %s; %d rapporter i urvalet", paths.notebooks(), len(beslut))
    if not beslut:
        _avbryt("inga rapporter matchar urvalet (no report matches the selection).", ANVANDNINGSFEL)
    att_bygga = [b for b in beslut if b.bygg]
    if dry_run:
        for b in beslut:
            click.echo(f"{'bygg' if b.bygg else 'hoppa över':11} {b.rapport.namn}  ({b.orsak})")
        click.echo(f"\n{len(att_bygga)} att bygga, {len(beslut) - len(att_bygga)} oförändrade.")
        return
    if not att_bygga:
        if not (paths.reports() / "index.html").exists():  # a no-op build writes nothing else
            from helpers.bygg.index import skriv_index

            skriv_index()
        click.echo(f"Alla {len(beslut)} rapporter är oförändrade; inget att bygga. (--force bygger om.)")
        return
    resultat = _bygg_med_framsteg(beslut, att_bygga, workers, scheduler, timeout)
    sys.exit(_sammanfattning(resultat))


def _bygg_med_framsteg(beslut, att_bygga, workers, scheduler, timeout):
    """A progress bar on a terminal; plain log lines when the output is a file or a CI log."""
    from helpers.bygg.rapport import bygg

    terminal = sys.stderr.isatty()
    click.echo(f"Bygger {len(att_bygga)} av {len(beslut)} rapporter"
               + (f" på {scheduler}" if scheduler else "") + "…", err=True)
    stapel = None
    if terminal:
        from tqdm import tqdm

        stapel = tqdm(total=len(att_bygga), unit="rapport", desc="Totalt", file=sys.stderr)

    def klar(res):
        if res.status == "återanvänd":
            return
        rad = f"  {'klar' if res.status == 'byggd' else 'MISSLYCKADES':13} {res.rapport.namn} ({res.sekunder:.1f} s)"
        if stapel is not None:
            stapel.write(rad, file=sys.stderr)
            stapel.update(1)
        else:
            click.echo(rad, err=True)

    try:
        return bygg(beslut, workers, vid_klar=klar, scheduler=scheduler, timeout=timeout)
    finally:
        if stapel is not None:
            stapel.close()


def _sammanfattning(resultat) -> int:
    from helpers.konfig import sokvagar as paths

    byggda = [r for r in resultat if r.status == "byggd"]
    ateranvanda = [r for r in resultat if r.status == "återanvänd"]
    fel = [r for r in resultat if r.status == "fel"]
    click.echo(f"\nByggda: {len(byggda)}, återanvända: {len(ateranvanda)}, misslyckade: {len(fel)}.")
    for r in byggda:
        click.echo(f"  {r.rapport.utfil}")
    for r in fel:
        click.echo(f"\nMISSLYCKADES: {r.rapport.namn}\n{r.meddelande}", err=True)
        if r.notebook:
            click.echo(f"  Körd notebook för felsökning: {r.notebook}", err=True)
    click.echo(f"Översikt: {paths.reports() / 'index.html'}")
    return 1 if fel else 0


@main.command("new", help="Skapa kommentarsfiler (utkast) för en rapport. / Create commentary drafts for a report.")
@click.option("--kommun", required=True, help="Kommunens id (mapp under data/raw).", **KOMMUN)
@click.option("--namnd", required=True, help="Nämndens id i kommun.yaml.")
@click.option("--period", required=True, help="Perioden, t.ex. 2020 eller 2024-08.")
@click.option("--rapporttyp", help="Rapporttypen, t.ex. arsredovisning.  [required]", **RAPPORTTYP)
# The README once documented --report-type; it still works but is not shown.
@click.option("--report-type", "report_type", hidden=True, **RAPPORTTYP)
def ny(kommun, namnd, period, rapporttyp, report_type):
    from helpers.bygg.utkast import skapa

    rapporttyp = rapporttyp or report_type
    if not rapporttyp:
        raise click.MissingParameter(param_hint="'--rapporttyp'", param_type="option")
    config.las_kommun(kommun).namnd(namnd)  # an unknown nämnd is a usage error (KeyError "Okänd nämnd …")
    filer = skapa(kommun, namnd, period, rapporttyp)
    for fil, skapad in filer:
        click.echo(f"  {'skapad  ' if skapad else 'finns   '} {fil}")
    click.echo(f"{sum(s for _, s in filer)} nya utkast; befintliga filer ändras aldrig.")


@main.command(help="Skriv ut byggda rapporter som PDF (Chromium). / Print built reports to PDF.")
@_urval
@click.option("--workers", "-j", type=int, default=1, show_default=True,
              help="Antal parallella processer, var och en med sin egen Chromium.")
def pdf(kommun, namnder, period, rapporttyp, workers):
    from helpers.bygg.pdf import skriv_pdfer
    from helpers.bygg.rapport import planera

    rapporter = [r for r in planera(kommun, list(namnder) or None, period, rapporttyp) if r.utfil.exists()]
    if not rapporter:
        _avbryt("inga byggda rapporter matchar urvalet; kör `namndrapport build` först.", ANVANDNINGSFEL)
    skriv_pdfer([(r.utfil, r.utfil.with_suffix(".pdf")) for r in rapporter], workers,
                vid_klar=lambda ut: click.echo(f"  {ut}"))


@main.group(help="Kolada: hämta nyckeltal till cachen som rapporterna läser. / Kolada key figures.")
def kolada():
    pass


@kolada.command("fetch", help="Hämta Kolada-värden för kommunens indikatorer, riket och jämförelsegrupper.")
@click.option("--kommun", required=True, help="Kommunens id (mapp under data/raw).", **KOMMUN)
@click.option("--year", "ar", type=int, multiple=True, help="År att hämta (kan upprepas). Standard: de senaste nio.")
def kolada_fetch(kommun, ar):
    from helpers.kolada.klient import KoladaFel, hamta

    try:
        fil = hamta(kommun, list(ar) or None)
    except (KoladaFel, DataFel) as e:
        click.echo(f"FEL: {e}", err=True)
        click.echo("Cachen lämnades orörd; rapporterna byggs från den som förut.", err=True)
        sys.exit(1)
    import pandas as pd

    df = pd.read_parquet(fil)
    click.echo(f"{len(df)} värden för {df['kpi'].nunique()} nyckeltal och {df['kommun'].nunique()} enheter → {fil}")


@kolada.command("groups", help="Sök Koladas kommungrupper (för kolada.jamforelse i kommun.yaml).")
@click.argument("titel", required=False)
def kolada_groups(titel):
    from helpers.kolada.klient import Klient, KoladaFel

    try:
        grupper = Klient().kommungrupper(titel)
    except KoladaFel as e:
        click.echo(f"FEL: {e}", err=True)
        sys.exit(1)
    for g in grupper:
        click.echo(f"{g.get('id')}  {g.get('title')}  ({len(g.get('members') or [])} kommuner)")


@main.command(help="Ta bort byggcache, körda notebooks, rapporter och bearbetade data. / Remove generated files.")
@click.option("--cache-only", is_flag=True, help="Behåll rapporterna; ta bara bort cache och körda notebooks.")
@click.option("--bara-cache", is_flag=True, hidden=True)  # the old spelling, kept for scripts that use it
@click.option("--yes", "-y", is_flag=True, help="Fråga inte innan rapporterna tas bort.")
@click.option("--stale", "inaktuella", is_flag=True,
              help="Ta bara bort cache och körda notebooks för rapporter som inte längre finns i planen.")
def clean(cache_only, bara_cache, yes, inaktuella):
    import shutil

    from helpers.konfig import sokvagar as paths

    if inaktuella:
        _rensa_inaktuella()
        return
    cache_only = cache_only or bara_cache
    mal = [paths.build()] + ([] if cache_only else [paths.reports(), paths.processed()])
    if not cache_only and not yes:
        click.confirm(f"Ta bort alla rapporter i {paths.reports()} och bearbetade data i {paths.processed()}?",
                      abort=True)
    for mapp in mal:
        if mapp.exists():
            for del_ in mapp.iterdir():
                if del_.name == ".gitkeep":
                    continue
                shutil.rmtree(del_) if del_.is_dir() else del_.unlink()
        click.echo(f"Tömde {mapp}")


def _rensa_inaktuella():
    """At national scale build/ keeps a cache record and executed notebooks for every report ever built;
    remove those of reports the data no longer has (a nämnd, period or kommun removed or renamed)."""
    import shutil

    from helpers.bygg.rapport import _cachefil, planera
    from helpers.konfig import sokvagar as paths

    try:
        plan = planera()
    except DataFel as e:  # an unreadable kommun.yaml would make its reports look stale: remove nothing
        click.echo(f"FEL: {e}\nInget togs bort. (Nothing removed.)", err=True)
        sys.exit(1)
    bygg = paths.build()
    behall = {_cachefil(r) for r in plan} | {r.byggmapp for r in plan}
    bort = [f for f in (bygg / "cache").rglob("*.json") if f not in behall] if (bygg / "cache").is_dir() else []
    # Executed notebooks live in build/<kommun>/<period>/<rapporttyp>/<nämnd>/.
    bort += [m for m in bygg.glob("*/*/*/*") if m.is_dir() and m.parts[-4] not in ("cache", "las") and m not in behall]
    for del_ in bort:
        shutil.rmtree(del_) if del_.is_dir() else del_.unlink()
        for mapp in del_.parents:  # empty kommun/period/rapporttyp folders go too
            if mapp == bygg or mapp == bygg / "cache" or any(mapp.iterdir()):
                break
            mapp.rmdir()
    for del_ in bort:
        click.echo(f"  tog bort {del_}")
    click.echo(f"Tog bort {len(bort)} inaktuella cacheposter och notebookmappar; {len(plan)} rapporter finns kvar i planen.")


if __name__ == "__main__":
    main()

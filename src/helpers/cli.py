"""Command line: `namndrapport validate | build | list`. Heavy imports happen inside the commands."""

from __future__ import annotations

import sys

import click

from helpers.fel import DataFel
from helpers.konfig import kommun as config


@click.group(help="Nämndrapport: bygg nämndernas rapporter från rådata. / Build committee reports from raw data.")
def main():
    pass


@main.command(help="Kontrollera rådata mot scheman. / Check raw tables against their schemas.")
@click.option("--kommun", help="Kommunens id (mapp under data/raw). Standard: alla.")
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
@click.option("--kommun")
def lista(kommun):
    from helpers.bygg.rapport import planera

    for r in planera(kommun):
        click.echo(f"{r.namn}  →  {r.utfil}")


@main.command(help="Bygg rapporter till reports/ (bara det som ändrats). / Build reports (only what changed).")
@click.option("--kommun", help="Bara denna kommun.")
@click.option("--namnd", "namnder", multiple=True, help="Bara denna nämnd (kan upprepas).")
@click.option("--period", help="Bara denna period, t.ex. 2020 eller 2024-08.")
@click.option("--rapporttyp", help="Bara denna rapporttyp, t.ex. arsredovisning.")
@click.option("--workers", "-j", type=int, default=None, help="Antal parallella processer (standard: antal kärnor).")
@click.option("--force", is_flag=True, help="Bygg om allt, även det som inte ändrats.")
@click.option("--dry-run", is_flag=True, help="Visa vad som skulle byggas och varför, utan att bygga.")
@click.option("--scheduler", metavar="ADRESS", help="Kör på ett Dask-kluster, t.ex. tcp://10.0.0.5:8786.")
@click.option("--timeout", type=int, default=600, show_default=True, help="Sekunder per avsnitt innan det avbryts.")
@click.option("--final", "slutlig", is_flag=True, help="Slutlig version: fel om en kommentar saknas (annars en markering).")
def build(kommun, namnder, period, rapporttyp, workers, force, dry_run, scheduler, timeout, slutlig):
    from helpers.bygg.rapport import bedom, planera

    try:
        beslut = bedom(planera(kommun, list(namnder) or None, period, rapporttyp), force, slutlig)
    except DataFel as e:
        click.echo(f"FEL: {e}", err=True)
        sys.exit(2)
    if not beslut:
        click.echo("Inga rapporter matchar urvalet.", err=True)
        sys.exit(2)
    att_bygga = [b for b in beslut if b.bygg]
    if dry_run:
        for b in beslut:
            click.echo(f"{'bygg' if b.bygg else 'hoppa över':11} {b.rapport.namn}  ({b.orsak})")
        click.echo(f"\n{len(att_bygga)} att bygga, {len(beslut) - len(att_bygga)} oförändrade.")
        return
    if not att_bygga:
        from helpers.konfig import sokvagar as paths

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
@click.option("--kommun", required=True)
@click.option("--namnd", required=True)
@click.option("--period", required=True)
@click.option("--report-type", "--rapporttyp", "rapporttyp", required=True, help="t.ex. arsredovisning")
def ny(kommun, namnd, period, rapporttyp):
    from helpers.bygg.utkast import skapa

    try:
        k = config.las_kommun(kommun)
        k.namnd(namnd)
        if rapporttyp not in k.rapporttyper:
            raise click.BadParameter(f"'{rapporttyp}'; kända: {', '.join(k.rapporttyper)}", param_hint="--report-type")
        filer = skapa(kommun, namnd, period, rapporttyp)
    except DataFel as e:
        click.echo(f"FEL: {e}", err=True)
        sys.exit(1)
    except KeyError as e:
        click.echo(f"FEL: {e.args[0]}", err=True)
        sys.exit(2)
    for fil, skapad in filer:
        click.echo(f"  {'skapad  ' if skapad else 'finns   '} {fil}")
    click.echo(f"{sum(s for _, s in filer)} nya utkast; befintliga filer ändras aldrig.")


@main.command(help="Skriv ut byggda rapporter som PDF (Chromium). / Print built reports to PDF.")
@click.option("--kommun")
@click.option("--namnd", "namnder", multiple=True)
@click.option("--period")
@click.option("--rapporttyp")
def pdf(kommun, namnder, period, rapporttyp):
    from helpers.bygg.pdf import skriv_pdf
    from helpers.bygg.rapport import planera
    from helpers.bygg.webblasare import IngenWebblasare, webblasare

    rapporter = [r for r in planera(kommun, list(namnder) or None, period, rapporttyp) if r.utfil.exists()]
    if not rapporter:
        click.echo("Inga byggda rapporter matchar urvalet; kör `namndrapport build` först.", err=True)
        sys.exit(2)
    try:
        with webblasare() as blasare:
            for r in rapporter:
                ut = r.utfil.with_suffix(".pdf")
                skriv_pdf(blasare, r.utfil, ut)
                click.echo(f"  {ut}")
    except IngenWebblasare as e:
        click.echo(f"FEL: {e}", err=True)
        sys.exit(2)


@main.group(help="Kolada: hämta nyckeltal till cachen som rapporterna läser. / Kolada key figures.")
def kolada():
    pass


@kolada.command("fetch", help="Hämta Kolada-värden för kommunens indikatorer, riket och jämförelsegrupper.")
@click.option("--kommun", required=True)
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
@click.option("--bara-cache", is_flag=True, help="Behåll rapporterna; ta bara bort cache och körda notebooks.")
def clean(bara_cache):
    import shutil

    from helpers.konfig import sokvagar as paths

    mal = [paths.build()] + ([] if bara_cache else [paths.reports(), paths.processed()])
    for mapp in mal:
        if mapp.exists():
            for del_ in mapp.iterdir():
                if del_.name == ".gitkeep":
                    continue
                shutil.rmtree(del_) if del_.is_dir() else del_.unlink()
        click.echo(f"Tömde {mapp}")


if __name__ == "__main__":
    main()

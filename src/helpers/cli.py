"""Command line: `namndrapport validate | build | list`. Heavy imports happen inside the commands."""

from __future__ import annotations

import sys

import click

from . import config
from .fel import DataFel


@click.group(help="Nämndrapport: bygg nämndernas rapporter från rådata. / Build committee reports from raw data.")
def main():
    pass


@main.command(help="Kontrollera rådata mot scheman. / Check raw tables against their schemas.")
@click.option("--kommun", help="Kommunens id (mapp under data/raw). Standard: alla.")
def validate(kommun):
    from .validering import validera_period

    antal = 0
    try:
        kommuner = [kommun] if kommun else config.kommuner()
        for kid in kommuner:
            k = config.las_kommun(kid)
            for p in config.perioder(k):
                _, problem = validera_period(k, p)
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
    from .bygg import planera

    for r in planera(kommun):
        click.echo(f"{r.namn}  →  {r.utfil}")


@main.command(help="Bygg rapporter till reports/. / Build reports.")
@click.option("--kommun", help="Bara denna kommun.")
@click.option("--namnd", "namnder", multiple=True, help="Bara denna nämnd (kan upprepas).")
@click.option("--period", help="Bara denna period, t.ex. 2020 eller 2024-08.")
@click.option("--rapporttyp", help="Bara denna rapporttyp, t.ex. arsredovisning.")
@click.option("--workers", "-j", type=int, default=None, help="Antal parallella processer (standard: antal kärnor).")
def build(kommun, namnder, period, rapporttyp, workers):
    from .bygg import bygg, planera

    try:
        rapporter = planera(kommun, list(namnder) or None, period, rapporttyp)
    except DataFel as e:
        click.echo(f"FEL: {e}", err=True)
        sys.exit(2)
    if not rapporter:
        click.echo("Inga rapporter matchar urvalet.", err=True)
        sys.exit(2)
    click.echo(f"Bygger {len(rapporter)} rapport(er)…")

    def klar(res):
        status = "klar" if res.status == "byggd" else "MISSLYCKADES"
        click.echo(f"  {status:13} {res.rapport.namn} ({res.sekunder:.1f} s)")

    resultat = bygg(rapporter, workers, vid_klar=klar)
    fel = [r for r in resultat if r.status == "fel"]
    byggda = [r for r in resultat if r.status == "byggd"]
    click.echo(f"\nByggda: {len(byggda)}, misslyckade: {len(fel)}.")
    for r in byggda:
        click.echo(f"  {r.rapport.utfil}")
    for r in fel:
        click.echo(f"\nMISSLYCKADES: {r.rapport.namn}\n{r.meddelande}", err=True)
        if r.notebook:
            click.echo(f"  Körd notebook för felsökning: {r.notebook}", err=True)
    sys.exit(1 if fel else 0)


if __name__ == "__main__":
    main()

"""Charts in the municipality's palette, one theme for every section, each with a Swedish alt text
that states its key numbers. Figures are embedded as PNG (no external requests).

Charts are drawn on their own ``Figure`` objects, never through pyplot: no global backend switch, no
figure left in pyplot's list, so the analyst's own ``plt.plot`` in a later cell still shows inline."""

from __future__ import annotations

import base64
import io

import matplotlib
import matplotlib.ticker as mticker
import pandas as pd
import seaborn as sns
from markupsafe import Markup
from matplotlib.figure import Figure

from helpers.konfig.kommun import MANADER, MANADER_KORT
from helpers.presentation import format as fmt


def tema(palett: tuple[str, ...] | list[str]) -> None:
    """The chart theme, set once per section; resets what an earlier section in the same kernel changed."""
    matplotlib.rcdefaults()
    sns.set_theme(style="whitegrid", palette=list(palett), font_scale=0.95,
                  rc={"axes.spines.right": False, "axes.spines.top": False, "figure.dpi": 110,
                      "font.family": "DejaVu Sans", "axes.formatter.use_locale": False})


class _FormatterMedLagen(mticker.FuncFormatter):
    """Keeps the locations format_ticks is labelling, so the label function need not ask the axis again
    (which re-runs the tick locator for every label of every draw)."""

    lagen = ()

    def format_ticks(self, values):
        self.lagen = values
        return super().format_ticks(values)


def _svensk_axel(ax, decimaler: int | None = None, axel: str = "y") -> None:
    """Swedish tick labels; without ``decimaler``, as many decimals as the tick step needs (no '1, 1, 2, 2')."""
    a = ax.yaxis if axel == "y" else ax.xaxis

    def etikett(v, pos):
        if decimaler is not None:
            return fmt.tal(v, decimaler)
        # pos is given only when format_ticks labels the ticks, and it has just stored their locations.
        lagen = formatter.lagen if pos is not None and len(formatter.lagen) else a.get_ticklocs()
        steg = min((abs(y - x) for x, y in zip(lagen, lagen[1:]) if y != x), default=1)
        # As many decimals as the step needs: a step of 2,5 prints 72,5, not 73.
        dec = next((d for d in range(4) if abs(round(steg, d) - steg) < 1e-9 * max(1, steg)), 3)
        return fmt.tal(v, dec)

    formatter = _FormatterMedLagen(etikett)
    a.set_major_formatter(formatter)


def figur_html(fig, alt: str, bildtext: str, *, liten: bool = False) -> Markup:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", dpi=144)
    data = base64.b64encode(buffer.getvalue()).decode()
    klass = "diagram liten" if liten else "diagram"
    return Markup('<figure class="{}"><img src="data:image/png;base64,{}" alt="{}"><figcaption>{}</figcaption>'
                  "</figure>").format(klass, data, alt, bildtext)


def ackumulerat_utfall(ack: pd.DataFrame, palett, *, namnd: str, ar: int, prognos_tkr: float | None = None) -> str | None:
    """Line chart: accumulated utfall vs accumulated budget per month (mnkr), with the helårsprognos."""
    if ack.empty or ack["utfall"].notna().sum() == 0:
        return None
    fig = Figure(figsize=(9, 4))
    ax = fig.subplots()
    x = [MANADER_KORT[m - 1] for m in ack["manad"]]
    ax.plot(x, ack["budget"] / 1000, color=palett[0], linestyle="--", marker="", label="Ackumulerad budget")
    ax.plot(x, ack["utfall"] / 1000, color=palett[1], marker="o", label="Ackumulerat utfall")
    if prognos_tkr is not None:
        ax.scatter([x[-1]], [prognos_tkr / 1000], color=palett[2], marker="D", zorder=3, label="Helårsprognos")
    ax.set_ylabel("mnkr")
    _svensk_axel(ax)
    ax.legend(frameon=False)
    senaste = ack.dropna(subset=["utfall"]).iloc[-1]
    manad = MANADER[int(senaste["manad"]) - 1]
    alt = (f"Linjediagram över ackumulerat utfall och ackumulerad budget per månad {ar} för {namnd}. "
           f"Till och med {manad} är utfallet {fmt.mnkr(senaste['utfall'])} och budgeten {fmt.mnkr(senaste['budget'])}.")
    if prognos_tkr is not None:
        alt += f" Helårsprognosen är {fmt.mnkr(prognos_tkr)}."
    return figur_html(fig, alt, f"Ackumulerat utfall och budget per månad {ar}, mnkr.")


def indikator(serie: dict[str, pd.DataFrame], palett, *, namn: str, enhet: str | None, decimaler: int = 1) -> str | None:
    """Small line chart of one indicator: utfall (by gender where present) and the targets as markers.
    Drawn only with at least three values: fewer make no trend worth a picture."""
    totalt = serie.get("T")
    if totalt is None or len(totalt) < 3:
        return None
    etiketter = {"T": "Totalt", "K": "Kvinnor", "M": "Män"}
    stilar = {"T": "-", "K": "--", "M": ":"}
    mal = serie.get("mal")
    mal = mal if mal is not None and len(mal) else None
    alla_ar = sorted(set(totalt["ar"]) | (set(mal["ar"]) if mal is not None else set()))
    x = {a: i for i, a in enumerate(alla_ar)}  # categorical years: no 2020.5 ticks
    fig = Figure(figsize=(6, 2.8))
    ax = fig.subplots()
    for i, kon in enumerate(k for k in etiketter if k in serie):
        df = serie[kon]
        ax.plot([x[a] for a in df["ar"]], df["varde"], linestyle=stilar[kon], marker="o",
                color=palett[i % len(palett)], label=etiketter[kon])
    if mal is not None:
        ax.scatter([x[a] for a in mal["ar"]], mal["varde"], marker="_", s=300, linewidths=2.5,
                   color=palett[-1], label="Mål", zorder=3)
    ax.set_xticks(range(len(alla_ar)), [str(a) for a in alla_ar])
    ax.set_ylabel("procent" if enhet == "procent" else (enhet or ""))
    # A count or share starts at zero: an axis from 313 to 317 draws a 1 % change as a collapse.
    if ax.dataLim.y0 >= 0 and ax.dataLim.y1 > 0:
        ax.set_ylim(0, ax.dataLim.y1 * 1.1)
    _svensk_axel(ax)
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    forsta, sista = totalt.iloc[0], totalt.iloc[-1]
    alt = (f"Linjediagram för {namn}: från {fmt.tal(forsta['varde'], decimaler)} år {int(forsta['ar'])} "
           f"till {fmt.tal(sista['varde'], decimaler)} år {int(sista['ar'])}.")
    if mal is not None:
        alt += " Mål: " + ", ".join(f"{fmt.tal(v, decimaler)} år {int(a)}" for a, v in zip(mal["ar"], mal["varde"])) + "."
    return figur_html(fig, alt, f"{namn}, utfall per år" + (" och mål." if mal is not None else "."), liten=True)


def investeringar(rader: pd.DataFrame, palett, *, ar: int, antal: int = 10) -> str | None:
    """Horizontal bars: utfall against budget helår for the largest projects (by budget), mnkr.
    Reserves and 'Återstår av budget' are no projects (``reserv``, helpers.berakning.investering)."""
    ar_projekt = ~rader["reserv"].fillna(False).astype(bool) if "reserv" in rader else True
    p = rader[(rader["radtyp"] == "rad") & ar_projekt & rader["budget"].notna() & (rader["budget"] > 0)]
    p = p.nlargest(antal, "budget").iloc[::-1]
    if len(p) < 2:
        return None
    fig = Figure(figsize=(9, 0.45 * len(p) + 1.2))
    ax = fig.subplots()
    y = range(len(p))
    ax.barh([i + 0.2 for i in y], p["budget"] / 1000, height=0.4, color=palett[0], label=f"Budget helår {ar}")
    ax.barh([i - 0.2 for i in y], p["utfall"].fillna(0) / 1000, height=0.4, color=palett[1], label="Utfall")
    ax.set_yticks(list(y), p["projekt"])
    ax.set_xlabel("mnkr")
    _svensk_axel(ax, axel="x")
    ax.legend(frameon=False, loc="lower right")
    delar = [f"{r.projekt} {fmt.mnkr(0 if fmt.saknas(r.utfall) else r.utfall)} av {fmt.mnkr(r.budget)}"
             for r in p.iloc[::-1].itertuples()]
    alt = f"Stapeldiagram över utfall mot budget för de {len(p)} största investeringsprojekten {ar}: " + "; ".join(delar) + "."
    return figur_html(fig, alt, f"Utfall och budget helår {ar} för de största investeringsprojekten, mnkr.")


def budgetandel(andelar: pd.DataFrame, palett, *, namnd: str, ar: int) -> str | None:
    """Horizontal bars: each verksamhet's share of the nämnd's budget, with the value at each bar and in
    the caption (an accessible alternative to one donut per avdelning)."""
    if len(andelar) < 2:
        return None
    fig = Figure(figsize=(9, 0.45 * len(andelar) + 1.2))
    ax = fig.subplots()
    y = list(range(len(andelar)))[::-1]  # the table's order, top to bottom
    ax.barh(y, andelar["andel"], height=0.6, color=palett[0])
    for yi, v in zip(y, andelar["andel"]):
        ax.text(v, yi, f" {fmt.procent(v, 1)}", va="center", fontsize=9)
    ax.set_yticks(y, andelar["verksamhet"])
    ax.grid(axis="y", visible=False)  # no line through the value labels
    ax.set_xlabel("procent av budgeten")
    ax.set_xlim(0, max(andelar["andel"]) * 1.15)
    _svensk_axel(ax, axel="x")
    varden = "; ".join(f"{r.verksamhet} {fmt.procent(r.andel, 1)}" for r in andelar.itertuples())
    alt = f"Stapeldiagram över andel av nämndens budget {ar} per verksamhet, {namnd}: {varden}."
    return figur_html(fig, alt, f"Andel av nämndens budget {ar} per verksamhet: {varden}.")


def per_manad(varden: dict[int, pd.DataFrame], palett, *, namn: str, enhet: str = "procent") -> str | None:
    """One line per year over the months (e.g. sjukfrånvaro 2021 and 2022)."""
    varden = {ar: df for ar, df in varden.items() if len(df)}
    if not varden:
        return None
    fig = Figure(figsize=(9, 3.5))
    ax = fig.subplots()
    for i, (ar, df) in enumerate(sorted(varden.items())):
        ax.plot([MANADER_KORT[int(m) - 1] for m in df["manad"]], df["varde"], marker="o",
                linestyle="-" if i == len(varden) - 1 else "--", color=palett[i % len(palett)], label=str(ar))
    ax.set_ylabel(enhet)
    _svensk_axel(ax)
    ax.legend(frameon=False)
    delar = []
    for ar, df in sorted(varden.items()):
        hog, lag = df.loc[df["varde"].idxmax()], df.loc[df["varde"].idxmin()]
        delar.append(f"{ar}: högst {fmt.tal(hog['varde'], 1)} i {MANADER[int(hog['manad']) - 1]}, "
                     f"lägst {fmt.tal(lag['varde'], 1)} i {MANADER[int(lag['manad']) - 1]}")
    alt = f"Linjediagram över {namn.lower()} per månad ({enhet}). " + "; ".join(delar) + "."
    return figur_html(fig, alt, f"{namn} per månad, {enhet}.")


def jamforelse(serier: dict[str, pd.DataFrame], mal: pd.DataFrame, palett, *, namn: str, kpi: str,
               enhet: str | None, decimaler: int = 1) -> str | None:
    """Line chart comparing the municipality with riket and its comparison groups over the years
    (Kolada), the municipality's genders dashed, its targets as markers."""
    if not serier:
        return None
    if len(set().union(*[set(d["ar"]) for d in serier.values()])) == 1:
        return _jamforelse_ett_ar(serier, mal, palett, namn=namn, kpi=kpi, enhet=enhet, decimaler=decimaler)
    alla_ar = sorted(set().union(*[set(d["ar"]) for d in serier.values()]) | set(mal["ar"]))
    x = {a: i for i, a in enumerate(alla_ar)}
    fig = Figure(figsize=(7, 3.2))
    ax = fig.subplots()
    stilar = ["-", "--", ":", "-.", "-", "-"]
    for i, (etikett, d) in enumerate(serier.items()):
        ax.plot([x[a] for a in d["ar"]], d["varde"], marker="o", linestyle=stilar[i % len(stilar)],
                color=palett[i % len(palett)], label=etikett)
    if len(mal):
        ax.scatter([x[a] for a in mal["ar"]], mal["varde"], marker="_", s=300, linewidths=2.5, color="#333333",
                   label="Mål", zorder=3)
    ax.set_xticks(range(len(alla_ar)), [str(a) for a in alla_ar])
    ax.set_ylabel("procent" if enhet == "procent" else (enhet or ""))
    _svensk_axel(ax)
    ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))  # never over the lines
    delar = []
    for etikett, d in serier.items():
        sista = d.iloc[-1]
        delar.append(f"{etikett} {fmt.tal(sista['varde'], decimaler)} år {int(sista['ar'])}")
    alt = f"Linjediagram som jämför {namn} (Kolada {kpi}): " + "; ".join(delar) + "."
    return figur_html(fig, alt, f"{namn}: jämförelse per år. Källa: Kolada ({kpi}).")


def _jamforelse_ett_ar(serier: dict[str, pd.DataFrame], mal: pd.DataFrame, palett, *, namn: str, kpi: str,
                      enhet: str | None, decimaler: int) -> str:
    """One year only: a dot plot (one row per unit), since a line through a single point says nothing."""
    ar = int(next(iter(serier.values()))["ar"].iloc[0])
    etiketter = list(serier)
    varden = [float(d["varde"].iloc[0]) for d in serier.values()]
    fig = Figure(figsize=(6, 0.45 * len(etiketter) + 1))
    ax = fig.subplots()
    ax.scatter(varden, range(len(etiketter)), s=60, color=[palett[i % len(palett)] for i in range(len(etiketter))],
               zorder=3)
    for i, v in enumerate(varden):
        ax.annotate(fmt.tal(v, decimaler), (v, i), xytext=(6, 0), textcoords="offset points", va="center", fontsize=8)
    malet = mal[mal["ar"] == ar]
    if len(malet):
        ax.axvline(float(malet["varde"].iloc[0]), color="#333333", linestyle="--", linewidth=1, label="Mål")
        ax.legend(frameon=False, fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1))
    ax.set_yticks(range(len(etiketter)), etiketter)
    ax.invert_yaxis()
    ax.set_xlabel("procent" if enhet == "procent" else (enhet or ""))
    _svensk_axel(ax, axel="x")
    delar = [f"{e} {fmt.tal(v, decimaler)}" for e, v in zip(etiketter, varden)]
    alt = f"Punktdiagram som jämför {namn} år {ar} (Kolada {kpi}): " + "; ".join(delar) + "."
    return figur_html(fig, alt, f"{namn}: jämförelse {ar}. Källa: Kolada ({kpi}).")

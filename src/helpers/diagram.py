"""Charts in the municipality's palette, one theme for every section, each with a Swedish alt text
that states its key numbers. Figures are embedded as PNG (no external requests)."""

from __future__ import annotations

import base64
import io
from html import escape

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker as mticker  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402

from . import format as fmt  # noqa: E402
from .config import MANADER, MANADER_KORT  # noqa: E402


def tema(palett: tuple[str, ...] | list[str]) -> None:
    """The chart theme, set once per section; resets what an earlier section in the same kernel changed."""
    matplotlib.rcdefaults()
    sns.set_theme(style="whitegrid", palette=list(palett), font_scale=0.95,
                  rc={"axes.spines.right": False, "axes.spines.top": False, "figure.dpi": 110,
                      "font.family": "DejaVu Sans", "axes.formatter.use_locale": False})


def _svensk_axel(ax, decimaler: int = 0) -> None:
    ax.yaxis.set_major_formatter(mticker.FuncFormatter(lambda v, _: fmt.tal(v, decimaler)))


def figur_html(fig, alt: str, bildtext: str) -> str:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", dpi=144)
    plt.close(fig)
    data = base64.b64encode(buffer.getvalue()).decode()
    return (f'<figure class="diagram"><img src="data:image/png;base64,{data}" alt="{escape(alt)}">'
            f"<figcaption>{escape(bildtext)}</figcaption></figure>")


def ackumulerat_utfall(ack: pd.DataFrame, palett, *, namnd: str, ar: int, prognos_tkr: float | None = None) -> str | None:
    """Line chart: accumulated utfall vs accumulated budget per month (mnkr), with the helårsprognos."""
    if ack.empty or ack["utfall"].notna().sum() == 0:
        return None
    fig, ax = plt.subplots(figsize=(9, 4))
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

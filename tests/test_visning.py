"""A table or chart in the notebook looks as in the report: the report's own CSS, scoped; the stitched report
gets the HTML back unchanged; charts leave pyplot (the analyst's plt.plot) alone."""

from __future__ import annotations

import pandas as pd

from helpers.konfig import sokvagar as paths
from helpers.presentation import stil
from helpers.presentation.tabell import Kolumn, Tabell, belopp


def _tabell() -> Tabell:
    rader = pd.DataFrame({"namn": ["Intäkter", "Summa"], "belopp": [1500.0, -200.0], "radtyp": ["rad", "summa"],
                          "djup": [1, 0]})
    return Tabell("Driftredovisning", [Kolumn("Post", "namn"), Kolumn("Belopp", "belopp", belopp("tkr"))], rader,
                  enhet="tkr")


def test_tabellen_i_notebooken_bar_rapportens_stil_och_rapporten_far_den_orord():
    t = _tabell()
    vy = t._repr_html_()
    assert vy.startswith(f'<div class="{stil.KLASS}"><style>') and t.html() in vy
    assert stil.i_rapport(vy) == t.html()  # byte for byte what the report printed before
    assert stil.i_rapport(t.html()) == t.html()  # other outputs pass through
    assert stil.i_rapport("<p>x</p>") == "<p>x</p>"


def test_stilen_kommer_ur_rapport_css():
    rapport = (paths.MALLAR / "namndrapport" / "rapport.css").read_text(encoding="utf-8")
    css = stil.css()
    for regel in ("tr.summa th", "tr.djup-1 th[scope=row]", "th.tal", ".trend-bra", "figure.diagram.liten img"):
        assert regel in rapport
        assert f".{stil.KLASS}.{stil.KLASS} {regel}" in css
    # Nothing unrelated to tables and charts leaks into JupyterLab, and nothing unscoped.
    assert " body " not in css and ".hoppa" not in css and "@page" not in css and ".titelblock" not in css
    for rad in css.splitlines():
        if not rad.startswith("@"):
            assert all(s.strip().startswith(f".{stil.KLASS}") for s in rad.split("{")[0].split(","))


def test_diagram_lamnar_pyplot_i_fred():
    import matplotlib
    import matplotlib.pyplot as plt

    from helpers.presentation import diagram

    fore = matplotlib.get_backend()
    ack = pd.DataFrame({"manad": [1, 2, 3], "budget": [1000, 2000, 3000], "utfall": [900, 2100, 2900]})
    html = diagram.ackumulerat_utfall(ack, ["#004b87", "#e07b00", "#1e6b30"], namnd="KS", ar=2022)
    assert html and "data:image/png;base64," in html
    assert plt.get_fignums() == []  # drawn on its own Figure, nothing left open in pyplot
    assert matplotlib.get_backend() == fore


def test_indikatordiagram_borjar_pa_noll(monkeypatch):
    """313–317 ton on an axis from 313 draws a 1 % change as a collapse: non-negative values start at zero."""
    from helpers.presentation import diagram

    figurer = []
    monkeypatch.setattr(diagram, "figur_html", lambda fig, *a, **k: figurer.append(fig) or "")
    ar = [2021, 2022, 2023, 2024]
    diagram.indikator({"T": pd.DataFrame({"ar": ar, "varde": [316, 317, 317, 313]}),
                       "mal": pd.DataFrame({"ar": [2024], "varde": [317]})},
                      ["#004b87", "#e07b00"], namn="Koldioxidutsläpp", enhet="ton", decimaler=0)
    diagram.indikator({"T": pd.DataFrame({"ar": ar, "varde": [-2.0, 1.5, 0.5, -1.0]})},
                      ["#004b87", "#e07b00"], namn="Resultat", enhet="mnkr")
    (lag, hog), (lag2, _) = (f.axes[0].get_ylim() for f in figurer)
    assert lag == 0 and hog > 317
    assert lag2 < -2  # a series with negative values keeps its own range

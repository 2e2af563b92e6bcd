"""Every section notebook opens and runs top to bottom with its default parameters on the sample data,
as an analyst runs it in JupyterLab (here: papermill, one fresh kernel per notebook)."""

from __future__ import annotations

import pytest

from helpers.konfig import sokvagar as paths

pytestmark = pytest.mark.slow
NOTEBOOKS = sorted(paths.notebooks().glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_kor_med_standardparametrar(rot, tmp_path, notebook):
    import papermill

    ut = papermill.execute_notebook(str(notebook), str(tmp_path / notebook.name), kernel_name="python3",
                                    cwd=str(paths.notebooks()), progress_bar=False)
    html = [o["data"]["text/html"] for c in ut.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if o.get("output_type") == "display_data" and "text/html" in o.get("data", {})]
    assert html, f"{notebook.name} visade ingenting"
    assert not any(o.get("output_type") == "error" for c in ut.cells for o in c.get("outputs", []))


@pytest.mark.parametrize("namn", ["ekonomi", "mal"])
def test_notebook_visar_som_rapporten(rot, tmp_path, namn):
    """In the notebook a table carries the report's (scoped) style, and the analyst's own plt.plot in a
    later cell still shows inline: helpers switch no matplotlib backend."""
    import nbformat
    import papermill

    from helpers.presentation import stil

    nb = nbformat.read(paths.notebooks() / f"{namn}.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import matplotlib.pyplot as plt; plt.plot([1, 2, 3])"))
    kalla = tmp_path / f"{namn}-in.ipynb"
    nbformat.write(nb, kalla)
    ut = papermill.execute_notebook(str(kalla), str(tmp_path / f"{namn}.ipynb"), kernel_name="python3",
                                    cwd=str(paths.notebooks()), progress_bar=False)
    html = [o["data"]["text/html"] for c in ut.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if o.get("output_type") == "display_data" and "text/html" in o.get("data", {})]
    tabeller = [h for h in html if "<table" in h]
    assert tabeller, f"{namn}.ipynb visade ingen tabell"
    for h in tabeller:
        assert h.startswith(f'<div class="{stil.KLASS}"><style>'), h[:200]
        assert f".{stil.KLASS}.{stil.KLASS} tr.summa th" in h  # a rule from rapport.css, scoped
        assert "<style>" not in stil.i_rapport(h) and stil.i_rapport(h).startswith('<div class="tabell"')
    for h in html:
        if "<figure" in h:
            assert h.startswith(f'<div class="{stil.KLASS}"><style>'), h[:200]
    sista = ut.cells[-1].get("outputs", [])
    assert any("image/png" in o.get("data", {}) for o in sista if o.get("output_type") == "display_data"), sista

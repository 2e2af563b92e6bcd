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

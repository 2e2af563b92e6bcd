"""Ships the section notebooks inside the package: a non-editable install has no project folder to read
them from (konfig/sokvagar.notebooks() prefers <root>/notebooks/ when a project has its own)."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class MedNotebooks(build_py):
    def run(self):
        super().run()
        if self.editable_mode:  # an editable install reads notebooks/ in the checkout
            return
        ut = Path(self.build_lib) / "helpers" / "notebooks"
        ut.mkdir(parents=True, exist_ok=True)
        for nb in sorted(Path(__file__).parent.joinpath("notebooks").glob("*.ipynb")):
            shutil.copy2(nb, ut / nb.name)


setup(cmdclass={"build_py": MedNotebooks})

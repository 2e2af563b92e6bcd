"""Execute section notebooks in a warm kernel.

Starting a kernel and importing pandas/matplotlib costs seconds; a section's own work is a fraction of
that. So each build worker keeps one kernel alive and runs notebook after notebook in it, with a clean
namespace each time. The notebooks stay ordinary papermill notebooks: parameters are injected exactly
as ``papermill -p`` does, so an analyst can run any section alone in JupyterLab or with papermill.

Kernels use IPC (Unix socket) transport: concurrent TCP kernels can race for the same port and hang
until the start-up timeout (papermill issue 511).
"""

from __future__ import annotations

import multiprocessing.util
import os
import shutil
import tempfile
from pathlib import Path

# Run before every notebook: forget the previous notebook's variables, figures and chart settings.
# helpers' own modules stay imported (that is the point); they keep no state between sections.
# %reset runs two full garbage collections, which walk every object of pandas, matplotlib and IPython
# (≈0,1 s each, most of a small section's own time). So whenever a section imported new modules, what
# survives the reset is frozen out of later collections: then they only walk what sections created since.
# A frozen object is never collected, but freezing happens at most once per newly imported set of modules,
# so at most a few sections' live cache entries stay in memory for good.
NOLLSTALL = """\
%reset -f
import gc as _gc, sys as _sys
if len(_sys.modules) != getattr(_gc, "_namndrapport_moduler", 0):
    _gc.freeze()
    _gc._namndrapport_moduler = len(_sys.modules)
del _gc, _sys
import matplotlib
import matplotlib.pyplot as _plt
_plt.close("all")
matplotlib.rcdefaults()
del _plt, matplotlib
"""


class SektionsFel(Exception):
    """A section notebook failed; ``notebook`` is the executed copy with the error, for debugging."""

    def __init__(self, meddelande: str, notebook: Path | None):
        super().__init__(meddelande)
        self.notebook = notebook


class VarmKarna:
    """One Python kernel, reused for many notebooks. Restarted after a crash or a timeout."""

    def __init__(self, cwd: Path):
        self.cwd = cwd
        self.pid = os.getpid()
        self._socketmapp = tempfile.mkdtemp(prefix="namndrapport-karna-")
        self.km = None
        self.kc = None  # created by the first NotebookClient, then reused (nbclient runs on one event loop)

    def _starta(self):
        from jupyter_client import KernelManager

        # nbclient needs an asynchronous client: with a blocking one its per-cell timeout never fires.
        self.km = KernelManager(kernel_name="python3", transport="ipc", ip=os.path.join(self._socketmapp, "k"),
                                client_class="jupyter_client.asynchronous.AsyncKernelClient")
        self.km.start_kernel(cwd=str(self.cwd),
                             env={**os.environ, "MPLBACKEND": "module://matplotlib_inline.backend_inline"})

    def stoppa(self):
        if self.kc is not None:
            self.kc.stop_channels()
        if self.km is not None and self.km.has_kernel:
            self.km.shutdown_kernel(now=True)
        self.km = self.kc = None

    def avsluta(self):
        self.stoppa()
        shutil.rmtree(self._socketmapp, ignore_errors=True)

    def kor(self, notebook: Path, parametrar: dict, ut: Path, timeout: int = 600):
        """Execute ``notebook`` with ``parametrar``; the executed notebook is written to ``ut``."""
        import nbformat
        from nbclient import NotebookClient
        from nbclient.exceptions import (
            CellExecutionError,
            CellTimeoutError,
            DeadKernelError,
        )
        from papermill.iorw import load_notebook_node
        from papermill.parameterize import parameterize_notebook

        if self.km is None or not self.km.is_alive():
            self.stoppa()
            self._starta()
        nb = parameterize_notebook(load_notebook_node(str(notebook)), parametrar, kernel_name="python3",
                                   language="python")
        # Data root and draft/final mode arrive as papermill parameters like the rest; the reset cell only
        # clears what the previous section left in the namespace.
        nb.cells.insert(0, nbformat.v4.new_code_cell(NOLLSTALL, id="namndrapport-nollstall"))
        klient = NotebookClient(nb, km=self.km, timeout=timeout, kernel_name="python3", allow_errors=False,
                                startup_timeout=120)
        klient.kc = self.kc
        ut.parent.mkdir(parents=True, exist_ok=True)
        fel = None
        try:
            klient.execute()
        except CellExecutionError as e:
            fel = f"{e.ename}: {e.evalue}"
        except (CellTimeoutError, TimeoutError):
            fel = f"avbruten efter {timeout} s (timeout)"
            self.stoppa()  # the kernel may still be busy with the hanging cell
        except DeadKernelError:
            fel = "kärnan dog under körningen (kernel died)"
            self.stoppa()
        finally:
            if self.km is not None:
                self.kc = klient.kc
            elif klient.kc is not None:
                klient.kc.stop_channels()
            if nb.cells and nb.cells[0].get("id") == "namndrapport-nollstall":
                del nb.cells[0]
        nbformat.write(nb, ut)
        if fel:
            raise SektionsFel(fel, ut)
        return nb


_karna: VarmKarna | None = None


def karna(cwd: Path) -> VarmKarna:
    """This process's warm kernel, started on first use and shut down when the process ends."""
    global _karna
    if _karna is None or _karna.pid != os.getpid():  # a forked worker must not share its parent's kernel
        _karna = VarmKarna(cwd)
        # Finalize runs at the end of pool worker processes too, where atexit does not.
        multiprocessing.util.Finalize(_karna, _karna.avsluta, exitpriority=10)
    return _karna

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
NOLLSTALL = """\
%reset -f
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
        self._socketmapp = tempfile.mkdtemp(prefix="namndrapport-karna-")
        self.km = None
        self.kc = None

    def _starta(self):
        from jupyter_client import KernelManager

        self.km = KernelManager(kernel_name="python3", transport="ipc",
                                ip=os.path.join(self._socketmapp, "k"))
        self.km.start_kernel(cwd=str(self.cwd), env={**os.environ, "MPLBACKEND": "module://matplotlib_inline.backend_inline"})
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=120)

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
        from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
        from papermill.iorw import load_notebook_node
        from papermill.parameterize import parameterize_notebook

        if self.km is None or not self.km.is_alive():
            self.stoppa()
            self._starta()
        nb = parameterize_notebook(load_notebook_node(str(notebook)), parametrar)
        self.kc.execute_interactive(NOLLSTALL, timeout=60, store_history=False)
        klient = NotebookClient(nb, km=self.km, timeout=timeout, kernel_name="python3", allow_errors=False)
        klient.kc = self.kc
        ut.parent.mkdir(parents=True, exist_ok=True)
        try:
            klient.execute()
        except CellExecutionError as e:
            nbformat.write(nb, ut)
            raise SektionsFel(f"{e.ename}: {e.evalue}", ut) from None
        except (CellTimeoutError, TimeoutError):
            nbformat.write(nb, ut)
            self.stoppa()  # the kernel may still be busy with the hanging cell
            raise SektionsFel(f"avbruten efter {timeout} s (timeout)", ut) from None
        except DeadKernelError:
            nbformat.write(nb, ut)
            self.stoppa()
            raise SektionsFel("kärnan dog under körningen (kernel died)", ut) from None
        nbformat.write(nb, ut)
        return nb


_karna: VarmKarna | None = None


def karna(cwd: Path) -> VarmKarna:
    """This process's warm kernel, started on first use and shut down when the process ends."""
    global _karna
    if _karna is None:
        _karna = VarmKarna(cwd)
        # Finalize runs at the end of pool worker processes too, where atexit does not.
        multiprocessing.util.Finalize(_karna, _karna.avsluta, exitpriority=10)
    return _karna

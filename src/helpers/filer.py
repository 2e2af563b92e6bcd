"""Atomic file output: readers see the old complete file or the new complete file, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def skriv_atomiskt(fil: Path, innehall: str | bytes) -> None:
    fil.parent.mkdir(parents=True, exist_ok=True)
    data = innehall.encode("utf-8") if isinstance(innehall, str) else innehall
    fd, tmp = tempfile.mkstemp(dir=fil.parent, prefix=f".{fil.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, fil)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

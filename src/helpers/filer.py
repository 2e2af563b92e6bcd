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


MAX_TABELL = 50 * 1024 * 1024  # a raw table larger than this is almost certainly the wrong export


class OsakerFil(Exception):
    """A file that must not be read: outside the kommun's folder, not a regular file, or too large.
    The message is Swedish with an English gloss; callers turn it into a Problem naming the file."""


def las_sakert(fil: Path, rot: Path, max_bytes: int) -> bytes:
    """The bytes of ``fil``, read only if it is a regular file inside ``rot`` and at most ``max_bytes`` long.

    A symlink to /etc/passwd must not end up in a report, /dev/zero must not be read until memory runs
    out and a FIFO must not hang the build: so the type is checked before opening, the file is opened
    non-blocking and checked again on the open descriptor (it may have been swapped in between), and the
    size limit applies to the bytes actually read, not to what stat claims."""
    import stat

    try:
        verklig = Path(os.path.realpath(fil))
        if not verklig.is_relative_to(Path(os.path.realpath(rot))):
            raise OsakerFil("filen pekar utanför kommunens mapp (symlink outside the kommun folder)")
        if not stat.S_ISREG(os.stat(verklig).st_mode):
            raise OsakerFil("inte en vanlig fil, t.ex. en enhet, FIFO eller socket (not a regular file)")
        fd = os.open(verklig, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as e:
        raise OsakerFil(f"kan inte öppna filen (cannot open): {e.strerror}") from None
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
            raise OsakerFil("inte en vanlig fil (not a regular file)")
        data = f.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise OsakerFil(f"filen är större än {_storlek(max_bytes)} (too large)")
    return data


def _storlek(antal: int) -> str:
    return f"{antal // 2**20} MiB" if antal >= 2**20 else f"{antal // 2**10} KiB" if antal >= 2**10 else f"{antal} byte"

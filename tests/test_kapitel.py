"""Every chapter of the three published Haninge reports is a heading in the built report (tests/published/kapitel/*.yaml)."""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.slow

PUBLICERAT = Path(__file__).parent / "published" / "kapitel"


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", "", text))).strip().casefold()


def rubriker(html: str) -> list[str]:
    return [_norm(m) for m in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html, flags=re.DOTALL)]


@pytest.mark.parametrize("fil", sorted(PUBLICERAT.glob("*.yaml")), ids=lambda p: p.stem)
def test_varje_publicerat_kapitel_finns_som_rubrik(byggd_rot, fil):
    spec = yaml.safe_load(fil.read_text(encoding="utf-8"))
    finns = rubriker((byggd_rot / spec["rapport"]).read_text(encoding="utf-8"))
    saknas = []
    for kapitel in spec["kapitel"]:
        text = _norm(kapitel["här"] if isinstance(kapitel, dict) else kapitel)
        # The goal headings carry the kommun's prefix ("KF mål nr 1. …"): the seed's title is enough.
        if not any(r == text or r.endswith(" " + text) for r in finns):
            saknas.append(kapitel)
    assert not saknas, f"{fil.name}: kapitel saknas som rubrik i {spec['rapport']}: {saknas}"

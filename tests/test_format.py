from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers.indata.tal import las_tal
from helpers.presentation import format as fmt

NB = "\u00a0"


@pytest.mark.parametrize("varde,dec,forvantat", [
    (1234.5, 1, f"1{NB}234,5"),
    (-8437.4, 0, "\u22128" + NB + "437"),
    (0.04, 1, "0,0"),
    (-0.04, 1, "0,0"),           # never "−0,0"
    (98.35, 1, "98,4"),           # half away from zero, not half to even
    (54.5, 0, "55"),
    (-2.5, 0, "\u22123"),
    (1071945, 0, f"1{NB}071{NB}945"),
])
def test_tal(varde, dec, forvantat):
    assert fmt.tal(varde, dec) == forvantat


def test_enheter():
    assert fmt.mnkr(221595.8) == f"221,6{NB}mnkr"
    assert fmt.mnkr(-8437) == f"\u22128,4{NB}mnkr"
    assert fmt.tkr(8437) == f"8{NB}437{NB}tkr"
    assert fmt.procent(3.668) == f"3,7{NB}%"
    assert fmt.procent(28.8, 0, tecken=True, trunkera=True) == f"+28{NB}%"
    assert fmt.tal(None) == fmt.SAKNAS
    assert fmt.antal_i_ord(8) == "åtta" and fmt.antal_i_ord(14) == "14"


@pytest.mark.parametrize("text,varde", [
    ("1 234,5", 1234.5), ("1\u00a0234,5", 1234.5), ("\u22128,4", -8.4), ("-13 050", -13050),
    ("(8,4)", -8.4), ("80.5", 80.5), ("3,7 %", 3.7), ("1.234,5", 1234.5), ("+28", 28), ("1\u202f000", 1000),
])
def test_las_tal(text, varde):
    assert las_tal(text) == pytest.approx(varde)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "12-3", "1 234,5 kr", "--5"])
def test_las_tal_avvisar(text):
    with pytest.raises(ValueError):
        las_tal(text)


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False),
       st.integers(min_value=0, max_value=2))
def test_format_och_lasning_gar_runt(varde, decimaler):
    """What we print, we can read back, and it equals the value rounded half away from zero."""
    text = fmt.tal(float(varde), decimaler)
    tillbaka = Decimal(str(las_tal(text)))
    assert tillbaka == fmt.avrunda(float(varde), decimaler) or (tillbaka == 0 and fmt.avrunda(float(varde), decimaler) == 0)
    assert "-" not in text and "." not in text

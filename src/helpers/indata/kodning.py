"""Decoding raw text files as Swedish exports write them. Kept free of heavy imports: the build's
fingerprints use it before anything else is loaded."""

from __future__ import annotations


class InteText(ValueError):
    """The file is not text: a spreadsheet or archive saved with a .csv name, or binary data."""


def avkoda(data: bytes, kodning: str | None) -> str:
    if kodning:
        return data.decode(kodning)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")  # Excel's "Unicode-text"
    if data.startswith(b"PK\x03\x04"):
        raise InteText("filen är en zip/xlsx-fil med ändelsen .csv; spara som CSV eller byt ändelse till .xlsx")
    if b"\x00" in data[:4096]:
        raise InteText("filen innehåller binära data, inte text (binary file)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252")  # what Swedish Excel writes as "CSV (semikolonavgränsad)"

"""Checks kommun.yaml and period.yaml against their declared schemas (konfig/schema/*.schema.yaml).

Every schema error becomes a Problem naming the file, the YAML line, the key path
(``rapporttyper.arsredovisning.sektioner``), the bad value and the expected form, which the schema itself
states under ``forvantat``. All errors are reported at once, before any dataclass is built from the file.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import sys
from functools import lru_cache
from pathlib import Path

import yaml

from helpers.fel import Problem
from helpers.konfig import sokvagar

SCHEMAMAPP = Path(__file__).with_name("schema")
SCHEMAN = ("kommun.schema.yaml", "period.schema.yaml")

# A fallback wording per JSON Schema keyword, for a schema node without `forvantat`.
_STANDARD = {
    "type": "en annan typ av värde (wrong type)",
    "required": "nyckeln saknas (required key missing)",
    "enum": "ett av de tillåtna värdena (one of the allowed values)",
}
# Said before `forvantat` when the value has the right type but the wrong size.
_FORLED = {
    "minItems": "för få element (too few items); ",
    "minProperties": "tom mappning (empty mapping); ",
    "minLength": "tom text (empty text); ",
    "maxLength": "för lång text (too long); ",
    "uniqueItems": "samma värde två gånger (duplicate items); ",
}
_TYPNAMN = {dict: "en mappning", list: "en lista", str: "text", int: "ett heltal", float: "ett decimaltal",
            bool: "true/false", type(None): "ett tomt värde"}


@lru_cache(maxsize=None)
def _validerare(schemafil: str):
    # jsonschema imports the optional rfc3987_syntax format checker, which compiles a grammar at import
    # (seconds on a loaded machine, in every build worker and kernel). Our schemas use no `format`, so it is
    # kept out of this process; jsonschema then simply lacks that checker.
    if "rfc3987_syntax" not in sys.modules:
        sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    scheman = {namn: yaml.safe_load((SCHEMAMAPP / namn).read_text(encoding="utf-8")) for namn in SCHEMAN}
    # period.schema.yaml reuses kommun.schema.yaml's scale definition by $ref; resolved locally, never fetched.
    register = Registry().with_resources((namn, Resource.from_contents(s)) for namn, s in scheman.items())
    return Draft202012Validator(scheman[schemafil], registry=register)


def _plats(vag) -> str:
    text = ""
    for del_ in vag:
        text += f"[{del_}]" if isinstance(del_, int) else (f".{del_}" if text else str(del_))
    return text


def _rad(nod: yaml.Node | None, vag) -> int | None:
    """The 1-based line of the value at ``vag`` in the composed YAML (of its nearest existing parent)."""
    if nod is None:
        return None
    for del_ in vag:
        if isinstance(nod, yaml.MappingNode):
            traff = [v for k, v in nod.value if getattr(k, "value", None) == str(del_)]
            if not traff:
                break
            nod = traff[0]
        elif isinstance(nod, yaml.SequenceNode) and isinstance(del_, int) and del_ < len(nod.value):
            nod = nod.value[del_]
        else:
            break
    return nod.start_mark.line + 1


def _kort(varde) -> str:
    if isinstance(varde, (dict, list)):
        text = yaml.safe_dump(varde, default_flow_style=True, allow_unicode=True, width=10**6).strip()
    else:
        text = str(varde)
    return text if len(text) <= 80 else text[:77] + "…"


def _forslag(nyckel: str, kanda) -> str:
    narmast = difflib.get_close_matches(str(nyckel), list(kanda), n=1, cutoff=0.6)
    if narmast:
        return f"menade du '{narmast[0]}'? (did you mean '{narmast[0]}'?)"
    return f"kända nycklar: {', '.join(kanda)}" if kanda else "inga nycklar här (no keys allowed)"


def _problem(fel, fil: str, nod) -> list[Problem]:
    vag = list(fel.absolute_path)
    schema = fel.schema if isinstance(fel.schema, dict) else {}
    forvantat = schema.get("forvantat")
    if fel.validator == "additionalProperties" and isinstance(fel.instance, dict):
        kanda = list(schema.get("properties") or {})
        return [Problem(fil, _rad(nod, vag + [k]), _plats(vag + [k]), None,
                        f"okänd nyckel '{k}' (unknown key); {_forslag(k, kanda)}")
                for k in fel.instance if k not in kanda]
    if fel.validator == "required":
        saknade = [k for k in fel.validator_value if k not in fel.instance]
        return [Problem(fil, _rad(nod, vag), _plats(vag + [k]), None, f"nyckeln '{k}' saknas (required key missing)")
                for k in saknade]
    if fel.validator == "dependentRequired":
        # {indikatorn: [indikatorerna, indikatorer]}: name each key that must go with the one given
        return [Problem(fil, _rad(nod, vag + [nyckel]), _plats(vag + [k]), None,
                        f"nyckeln '{k}' saknas: den hör ihop med '{nyckel}' (keys that go together)")
                for nyckel, kravda in fel.validator_value.items() if nyckel in fel.instance
                for k in kravda if k not in fel.instance]
    if "propertyNames" in fel.schema_path:
        # The error is about a key, not a value: name the key where it is.
        return [Problem(fil, _rad(nod, vag + [fel.instance]), _plats(vag + [fel.instance]), str(fel.instance),
                        "ogiltig nyckel (invalid key): " + (forvantat or fel.message))]
    if not forvantat:
        forvantat = _STANDARD.get(fel.validator, fel.message)
    if fel.validator == "type" and not isinstance(fel.instance, (dict, list)):
        forvantat += f" – fick {_TYPNAMN.get(type(fel.instance), type(fel.instance).__name__)}"
    elif fel.validator == "type":
        forvantat += f" – fick {_TYPNAMN[type(fel.instance)]}"
    forvantat = _FORLED.get(fel.validator, "") + forvantat
    if fel.validator in ("minimum", "maximum"):
        forvantat = f"{'för litet' if fel.validator == 'minimum' else 'för stort'} (out of range); {forvantat}"
    return [Problem(fil, _rad(nod, vag), _plats(vag) or "(hela filen)", _kort(fel.instance), forvantat)]


def _strangnycklar(varde):
    """Keys as text: YAML makes `2020:` an int, and the schema's key checks need strings."""
    if isinstance(varde, dict):
        return {str(k): _strangnycklar(v) for k, v in varde.items()}
    if isinstance(varde, list):
        return [_strangnycklar(v) for v in varde]
    return varde


_GODKANDA: set[str] = set()


def _nyckel(data, schemafil: str) -> str:
    h = hashlib.sha256()
    for namn in SCHEMAN:
        h.update((SCHEMAMAPP / namn).read_bytes())
    h.update(schemafil.encode())
    h.update(json.dumps(data, sort_keys=True, default=str, ensure_ascii=False).encode())
    return h.hexdigest()


def _godkand(nyckel: str) -> bool:
    return nyckel in _GODKANDA or (sokvagar.processed() / ".konfig" / nyckel).exists()


def _kom_ihag(nyckel: str) -> None:
    """Remember a valid file (content + schema): a no-op build and every section kernel then skip the
    schema check, which would otherwise import and run jsonschema in each process."""
    _GODKANDA.add(nyckel)
    try:
        mapp = sokvagar.processed() / ".konfig"
        mapp.mkdir(parents=True, exist_ok=True)
        (mapp / nyckel).touch()
    except OSError:
        pass  # a read-only tree only loses the cache


def kontrollera(data, schemafil: str, fil: str, nod: yaml.Node | None = None) -> tuple[object, list[Problem]]:
    """``data`` with string keys, and every way it departs from the schema (``schemafil`` in konfig/schema/)."""
    data = _strangnycklar(data)
    nyckel = _nyckel(data, schemafil)
    if _godkand(nyckel):
        return data, []
    problem: list[Problem] = []
    for fel in _validerare(schemafil).iter_errors(data):
        for p in _problem(fel, fil, nod):
            if p not in problem:
                problem.append(p)
    problem.sort(key=lambda p: (p.rad or 0, p.kolumn or ""))
    if not problem:
        _kom_ihag(nyckel)
    return data, problem

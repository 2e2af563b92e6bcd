"""Municipalities differ by configuration only: no code path in helpers names one."""

from __future__ import annotations

import ast
from pathlib import Path

import helpers
from helpers.konfig import kommun as config

HELPERS = Path(helpers.__file__).parent


def _strangar_utom_docstrings(trad: ast.AST):
    docstrings = {id(n.body[0].value) for n in ast.walk(trad)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    for n in ast.walk(trad):
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings:
            yield n


def test_ingen_kod_namnger_en_kommun(monkeypatch):
    kommuner = config.kommuner()
    assert {"haninge", "exempel"} <= set(kommuner)
    fynd = []
    for fil in HELPERS.glob("*.py"):
        for n in _strangar_utom_docstrings(ast.parse(fil.read_text(encoding="utf-8"))):
            if any(k in n.value.lower() for k in kommuner):
                fynd.append(f"{fil.name}:{n.lineno}: {n.value!r}")
    assert not fynd, fynd

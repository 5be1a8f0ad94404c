"""The package's shape, read from its source: `qgrade.diagnose` never reaches `qgrade.checks`,
every diagnosis (and its words) lives in `qgrade.diagnose`, one module per declared code, and
docs/diagnoses.md is the table the declarations make."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

import qgrade
from qgrade.diagnoses import DECLARED

PACKAGE = Path(qgrade.__file__).resolve().parent
REPO = PACKAGE.parents[1]
HELPERS = {"__init__", "_math", "cases", "circuit_edits", "engine", "repair"}  # not codes


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_path(name: str) -> Path | None:
    rel = Path(*name.split("."))
    for candidate in (
        PACKAGE.parent / rel.with_suffix(".py"),
        PACKAGE.parent / rel / "__init__.py",
    ):
        if candidate.is_file():
            return candidate
    return None


def imports_of(path: Path) -> set[str]:
    """The qgrade modules `path` imports anywhere (top level or inside functions)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            for alias in node.names:  # `from qgrade import checks` imports a module
                if module_path(f"{base}.{alias.name}") is not None:
                    found.add(f"{base}.{alias.name}")
    return {m for m in found if m == "qgrade" or m.startswith("qgrade.")}


def reachable(start: list[Path]) -> dict[str, str]:
    """Every qgrade module imported from `start`, directly or not: {module: who imports it}.
    The top package `qgrade` itself is left out (importing a submodule runs it, but what
    qgrade/__init__ exports is not what a submodule depends on)."""
    seen: dict[str, str] = {}
    todo = [(module_name(p), p) for p in start]
    while todo:
        name, path = todo.pop()
        for dep in imports_of(path):
            dep_path = module_path(dep)
            if dep == "qgrade" or dep in seen or dep_path is None:
                continue
            seen[dep] = name
            todo.append((dep, dep_path))
    return seen


def chain(seen: dict[str, str], module: str, start: set[str]) -> str:
    links = [module]
    while links[-1] not in start and links[-1] in seen:
        links.append(seen[links[-1]])
    return " <- ".join(links)


def test_the_import_graph_is_read():  # the walk below must see real imports to prove anything
    seen = reachable([PACKAGE / "checks" / "oracle.py"])
    assert {"qgrade.checks.operator", "qgrade.diagnose.engine", "qgrade.settings"} <= set(seen)
    assert "qgrade.oracles" in reachable([PACKAGE / "diagnose" / "qubit_order_reversed.py"])


def test_diagnose_never_imports_checks():
    start = sorted((PACKAGE / "diagnose").glob("*.py"))
    seen = reachable(start)
    names = {module_name(p) for p in start}
    bad = [chain(seen, m, names) for m in seen if m.startswith("qgrade.checks")]
    assert not bad, bad


@pytest.mark.parametrize("module", ["settings", "oracles", "simulate", "verdict", "diagnoses"])
def test_the_core_stands_below_checks_and_diagnose(module):
    start = PACKAGE / f"{module}.py"
    seen = reachable([start])
    bad = [
        chain(seen, m, {module_name(start)})
        for m in seen
        if m.startswith(("qgrade.checks", "qgrade.diagnose."))
    ]
    assert not bad, bad


MESSAGE_MAKERS = {"_", "ngettext", "N_", "Verdict", "fail", "reject"}


@pytest.mark.parametrize("path", sorted((PACKAGE / "checks").glob("*.py")), ids=lambda p: p.name)
def test_checks_leave_every_verdict_and_message_to_diagnose(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [
        f"{path.name}:{node.lineno} {node.func.id}(...)"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in MESSAGE_MAKERS
    ]
    assert not calls, calls


def test_one_diagnose_module_per_declared_code():
    modules = {p.stem for p in (PACKAGE / "diagnose").glob("*.py")}
    codes = {d.code for d in DECLARED}
    assert codes - modules == set(), "declared codes without a diagnose/<code>.py"
    assert modules - codes - HELPERS == set(), (
        "diagnose/ modules that are neither codes nor helpers"
    )
    for code in codes:
        source = (PACKAGE / "diagnose" / f"{code}.py").read_text(encoding="utf-8")
        assert f"CODE = {code.upper()}\n" in source, code


def test_a_code_is_declared_once():
    from qgrade.diagnoses import declare

    with pytest.raises(ValueError, match="declared twice"):
        declare(DECLARED[0].code, "again", "again")


def test_the_diagnosis_table_in_docs_is_generated_from_the_declarations():
    spec = importlib.util.spec_from_file_location("qgrade_update", PACKAGE / "locale" / "update.py")
    update = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(update)
    doc = REPO / "docs" / "diagnoses.md"
    assert update.DIAGNOSES_DOC == doc
    text = update.diagnoses_doc()
    for d in DECLARED:
        assert f"| `{d.code}` | {d.title.replace('|', chr(92) + '|')} |" in text, d.code
    assert doc.read_text(encoding="utf-8") == text, (
        "docs/diagnoses.md is stale: run python autograder/qgrade/locale/update.py"
    )

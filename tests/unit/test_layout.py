"""The shape the architecture map promises: small modules, no import cycles, no mode importing another."""

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "assistant"
MODES = ("ask", "prepare", "feedback", "reflect", "log", "roleplay")
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path) -> set[str]:
    """The project modules a module imports at load time (TYPE_CHECKING and function-level imports aside)."""
    found: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("assistant"):
            found.add(node.module)
            found.update(
                f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in MODULES
            )
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("assistant"))
    return {name for name in found if name in MODULES}


GRAPH = {name: imports(path) - {name} for name, path in MODULES.items()}


@pytest.mark.parametrize("name", list(MODULES))
def test_module_is_small(name: str) -> None:
    lines = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it (limit {MAX_LINES})"


def test_no_import_cycles() -> None:
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for dep in GRAPH[node]:
            assert state.get(dep) != 1, "import cycle: " + " -> ".join([*path[path.index(dep) :], dep])
            if dep not in state:
                visit(dep)
        path.pop()
        state[node] = 2

    for name in GRAPH:
        if name not in state:
            visit(name)


@pytest.mark.parametrize("mode", MODES)
def test_no_mode_imports_another_mode(mode: str) -> None:
    own = f"assistant.modes.{mode}"
    others = tuple(f"assistant.modes.{other}" for other in MODES if other != mode)
    for name, deps in GRAPH.items():
        if name == own or name.startswith(own + "."):
            assert not [d for d in deps if d.startswith(others)], f"{name} imports another mode"

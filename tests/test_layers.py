"""The package's architecture: layers whose imports point one way, no cycles, small modules.

Every import counts, including those inside functions: a function-level import is still a
dependency, only a later one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import analysis

PACKAGE = Path(analysis.__file__).parent

#: Layers from the bottom up; a module may import from its own layer and the layers below.
LAYERS = ["base", "resources", "io", "extract", "run", "aggregate", "report", "interface"]
BASE = {"analysis", "analysis.errors", "analysis.paths", "analysis.progress"}
INTERFACE = {"analysis.cli", "analysis.__main__"}
MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 80
#: Modules still being cut to size (issue 11); each entry must fail, and leaves once it passes.
NOT_YET_SMALL: set[str] = set()


def module_name(path: Path) -> str:
    parts = ("analysis", *path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> str:
    if module in BASE:
        return "base"
    if module in INTERFACE:
        return "interface"
    sub = module.split(".")[1]
    assert sub in LAYERS, f"{module} is in no layer; put it in one of {LAYERS[1:-1]}"
    return sub


def imports_of(module: str) -> set[str]:
    """Modules of this package that ``module`` imports anywhere in its code."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.split(".")[0] == "analysis")
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            elif (node.module or "").split(".")[0] == "analysis":
                target = node.module
            else:
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if sub in MODULES else target)
    return {m for m in out if m in MODULES and m != module}


GRAPH = {m: imports_of(m) for m in MODULES}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_the_layers(module):
    mine = LAYERS.index(layer_of(module))
    upward = sorted(m for m in GRAPH[module] if LAYERS.index(layer_of(m)) > mine)
    assert not upward, f"{module} ({layer_of(module)}) imports from higher layers: {upward}"


def test_no_import_cycle():
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(GRAPH[m]):
            if state.get(n) == 1:
                cycle = stack[stack.index(n):] + [n]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(GRAPH):
        if m not in state:
            visit(m)


def test_no_hidden_imports_of_the_package():
    """No module reaches another through importlib (that hides the dependency from the layers)."""
    for module, path in MODULES.items():
        if module == "analysis":
            continue  # the lazy public names of the package
        text = path.read_text()
        assert 'import_module("analysis' not in text and 'find_spec("analysis' not in text, module


def test_the_layer_test_sees_function_level_imports():
    assert "analysis.run.dask" in GRAPH["analysis.run.pipeline"]  # imported inside a function only


@pytest.mark.parametrize("module", [
    pytest.param(m, marks=pytest.mark.xfail(strict=True, reason="issue 11: being cut to size"))
    if m in NOT_YET_SMALL else m for m in sorted(MODULES)
])
def test_modules_and_functions_are_small(module):
    path = MODULES[module]
    lines = path.read_text().count("\n")
    assert lines <= MAX_MODULE_LINES, f"{module}: {lines} lines (at most {MAX_MODULE_LINES})"
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{module}: functions over {MAX_FUNCTION_LINES} lines: {long}"

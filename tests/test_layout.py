"""The layout ARCHITECTURE.md promises: inference never reaches training code, the package
imports form no cycle, and the document names every module the tree holds."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The source folders and the package each is installed as (pyproject's package-dir).
PACKAGES = {"winnow": "winnow", "features": "winnow.features", "models": "winnow.models"}
PACKAGES |= {"train": "winnow.train", "cli": "winnow.cli"}
INFERENCE = ("winnow.features", "winnow.models")
TRAINING = ("winnow.train", "winnow.cli")


def _modules() -> dict[str, Path]:
    found = {}
    for folder, package in PACKAGES.items():
        for path in sorted((ROOT / folder).glob("*.py")):
            name = package if path.stem == "__init__" else f"{package}.{path.stem}"
            found[name] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every winnow module ``path`` imports, at top level or inside a function."""
    package = name if path.stem == "__init__" else name.rpartition(".")[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            for alias in node.names:  # `from pkg import module` imports the module
                sub = f"{base}.{alias.name}"
                targets.add(sub if sub in modules else base)
    return {t for t in targets if t in modules and t != name}


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(name, path, modules) for name, path in modules.items()}


def test_inference_code_never_imports_training_code():
    graph = _graph()
    offenders = [
        f"{name} imports {target}"
        for name, targets in graph.items()
        if name.startswith(INFERENCE)
        for target in sorted(targets)
        if target.startswith(TRAINING)
    ]
    assert not offenders, "features/ and models/ must not import train/ or cli/:\n" + "\n".join(
        offenders
    )


def test_loading_every_inference_module_loads_no_training_module():
    names = [n for n in _modules() if n.startswith(INFERENCE)]
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.startswith({TRAINING!r})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each module that is on one (depth-first search)."""
    cycles, state = [], {}

    def visit(node: str, stack: list[str]) -> None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                cycles.append(stack[stack.index(target) :] + [target])
            elif target not in state:
                visit(target, stack)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return cycles


def test_modules_import_each_other_one_way_only():
    # A package's __init__ loads its modules lazily (``winnow``, ``winnow.models``): a door, not
    # a dependency, so a module importing a name through it makes no cycle.
    doors = set(PACKAGES.values())
    graph = {name: targets - doors for name, targets in _graph().items()}
    cycles = _cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_the_cycle_check_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c", "a"]]


def test_architecture_names_every_module_and_only_modules_that_exist():
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:winnow|features|models|train|cli|bench)/[\w/]*\.py)`", text))
    on_disk = {
        str(path.relative_to(ROOT))
        for folder in PACKAGES
        for path in (ROOT / folder).glob("*.py")
        if path.stem != "__init__"
    }
    assert sorted(on_disk - named) == [], "modules ARCHITECTURE.md does not describe"
    assert sorted(p for p in named if not (ROOT / p).exists()) == [], "named but not in the tree"

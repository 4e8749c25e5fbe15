"""The layering rules of docs/architecture.md (Shape), checked on the source with ``ast``.

Nothing of the product is imported: a module that imports Qt would load it just by being tested.
Each rule has a test on the real tree and a test that breaks the rule on purpose in a small
synthetic package, so a checker that stopped seeing violations fails too.
"""

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]
PACKAGE = "pos_app"
QT_PACKAGES = ("PySide6", "shiboken6")
PROVIDER_PACKAGES = ("pos_app.payments.doku", "pos_app.payments.ecommpay")
PROVIDER_NEUTRAL_LAYERS = ("pos_app.till", "pos_app.store", "pos_app.reports")
MAY_IMPORT = {"relay": ("relay", "domain", "payments", "reports"), "domain": ("domain",)}
"""The layers of ``pos_app`` each of these layers may import (the others: docs/architecture.md)."""
"""The layers of ``pos_app`` the relay imports (docs/architecture.md, What may import what)."""
ROOT_MODULES = {"__init__.py", "__main__.py", "cli.py"}
DYNAMIC_IMPORTERS = {"import_module", "__import__"}


@dataclass(frozen=True, slots=True)
class Import:
    """One import statement (or ``importlib.import_module("…")`` call) found in a module."""

    importer: str
    target: str
    path: Path
    line: int
    module_level: bool
    """Run when the module is imported: not inside a function, not under ``if TYPE_CHECKING:``."""

    def where(self, root: Path) -> str:
        return f"{self.path.relative_to(root)}:{self.line}: {self.importer} imports {self.target}"


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Every module of ``package`` under ``root``, by dotted name (a package by its own name)."""
    names = {}
    for path in sorted((root / package).rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        names[".".join(parts)] = path
    return names


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _absolute(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    """The module a ``from … import`` reads from, relative levels resolved."""
    if not node.level:
        return node.module or ""
    base = importer.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _targets(node: ast.AST, importer: str, is_package: bool, modules: set[str]) -> Iterator[str]:
    """What one node imports: a submodule where ``from pkg import name`` names one."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom):
        source = _absolute(node, importer, is_package)
        for alias in node.names:
            submodule = f"{source}.{alias.name}"
            yield submodule if submodule in modules else source
    elif (
        isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id in DYNAMIC_IMPORTERS)
            or (isinstance(node.func, ast.Attribute) and node.func.attr in DYNAMIC_IMPORTERS)
        )
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        yield node.args[0].value


def _walk(node: ast.AST, module_level: bool) -> Iterator[tuple[ast.AST, bool]]:
    """Every node with whether it runs at import time (functions and TYPE_CHECKING do not)."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield child, module_level
            yield from _walk(child, False)
        elif isinstance(child, ast.If) and _is_type_checking(child.test):
            yield child.test, module_level
            for statement in child.body:
                yield statement, False
                yield from _walk(statement, False)
            for statement in child.orelse:
                yield statement, module_level
                yield from _walk(statement, module_level)
        else:
            yield child, module_level
            yield from _walk(child, module_level)


def collect_imports(root: Path, package: str = PACKAGE) -> list[Import]:
    """Every import in every module of ``package``, with where it is and when it runs."""
    names = module_names(root, package)
    known = set(names)
    found: dict[Import, None] = {}
    for importer, path in names.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        is_package = path.name == "__init__.py"
        for node, module_level in _walk(tree, True):
            for target in _targets(node, importer, is_package, known):
                line = getattr(node, "lineno", 0)
                found[Import(importer, target, path, line, module_level)] = None
    return list(found)


def _within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == package or name.startswith(f"{package}.") for package in packages)


def qt_outside_gui(imports: list[Import], package: str = PACKAGE) -> list[Import]:
    """Imports of Qt, anywhere in a module (functions included), outside ``<package>.gui``."""
    return [
        found
        for found in imports
        if _within(found.target, QT_PACKAGES) and not _within(found.importer, (f"{package}.gui",))
    ]


def provider_imports_in_neutral_layers(imports: list[Import]) -> list[Import]:
    """The till's use-cases, the store and the reports reaching into a provider's package."""
    return [
        found
        for found in imports
        if _within(found.importer, PROVIDER_NEUTRAL_LAYERS)
        and _within(found.target, PROVIDER_PACKAGES)
    ]


def imports_beyond_layer(imports: list[Import], layer: str, package: str = PACKAGE) -> list[Import]:
    """``layer`` importing a layer of ``package`` outside :data:`MAY_IMPORT`, anywhere in a
    module (reading the version from the package's face is allowed)."""
    allowed = tuple(f"{package}.{name}" for name in MAY_IMPORT[layer])
    return [
        found
        for found in imports
        if _within(found.importer, (f"{package}.{layer}",))
        and _within(found.target, (package,))
        and found.target != package
        and not _within(found.target, allowed)
    ]


def import_cycles(imports: list[Import], package: str = PACKAGE) -> list[list[Import]]:
    """One cycle of module-level imports per strongly connected group of modules (Tarjan)."""
    edges: dict[str, dict[str, Import]] = {}
    for found in imports:
        if found.module_level and _within(found.target, (package,)):
            edges.setdefault(found.importer, {}).setdefault(found.target, found)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for target in edges.get(module, {}):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in on_stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == module:
                    break
            if len(group) > 1 or module in edges.get(module, {}):
                groups.append(group)

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return [_cycle_in(group, edges) for group in groups]


def _cycle_in(group: set[str], edges: dict[str, dict[str, Import]]) -> list[Import]:
    """A path of imports inside ``group`` that leads from its first module back to it."""
    start = min(group)
    paths = {start: []}
    frontier = [start]
    while frontier:
        module = frontier.pop(0)
        for target, found in sorted(edges.get(module, {}).items()):
            if target == start:
                return [*paths[module], found]
            if target in group and target not in paths:
                paths[target] = [*paths[module], found]
                frontier.append(target)
    raise AssertionError(f"no cycle through {start} in {sorted(group)}")


def root_modules(root: Path, package: str = PACKAGE) -> list[str]:
    """The ``.py`` files at the package's root beyond its face, ``__main__`` and the entry point."""
    return sorted(
        path.name for path in (root / package).glob("*.py") if path.name not in ROOT_MODULES
    )


def _report(root: Path, found: list[Import]) -> str:
    return "\n".join(item.where(root) for item in found)


# The rules, on the real tree.


def test_no_module_outside_gui_imports_qt() -> None:
    offending = qt_outside_gui(collect_imports(REPOSITORY))
    assert not offending, "Qt imported outside pos_app/gui/:\n" + _report(REPOSITORY, offending)


def test_till_store_and_reports_import_no_provider_package() -> None:
    offending = provider_imports_in_neutral_layers(collect_imports(REPOSITORY))
    assert not offending, "provider package imported by a provider-neutral layer:\n" + _report(
        REPOSITORY, offending
    )


@pytest.mark.parametrize("layer", sorted(MAY_IMPORT))
def test_the_relay_and_the_domain_import_only_the_layers_they_may(layer: str) -> None:
    offending = imports_beyond_layer(collect_imports(REPOSITORY), layer)
    assert not offending, f"{layer}/ imports a layer it may not:\n" + _report(REPOSITORY, offending)


def test_no_import_cycle_among_pos_app_modules() -> None:
    cycles = import_cycles(collect_imports(REPOSITORY))
    assert not cycles, "import cycles:\n" + "\n\n".join(
        _report(REPOSITORY, cycle) for cycle in cycles
    )


def test_package_root_holds_only_its_face_main_and_entry_point() -> None:
    extra = root_modules(REPOSITORY)
    assert not extra, f"modules at the root of pos_app/ that belong in a layer: {extra}"


# The design document: the one the code cites, by sections it has.

DESIGN_DOCUMENT = REPOSITORY / "docs" / "architecture.md"
CITING = ("pos_app", "tests", "benchmarks", "docs", "packaging", "README.md")
CITATION = re.compile(r"architecture\.md(?:#(?P<anchor>[a-z0-9-]+)|(?:, | \()(?P<title>[^\n]+))")
RETIRED = "DESIGN" + ".md"
"""The design brief the code once cited; the repository never had it (spelt so this file does
not cite it)."""


def headings(document: Path) -> dict[str, str]:
    """Each section title of a Markdown document and its anchor as GitHub makes it."""
    found = {}
    for line in document.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip()
            anchor = re.sub(r"[^a-z0-9 -]", "", title.lower()).replace(" ", "-")
            found[title] = anchor
    return found


def broken_citations(root: Path, document: Path, citing: tuple[str, ...]) -> list[str]:
    """Citations of ``document`` by a section it lacks, and citations of the retired brief."""
    sections = headings(document)
    anchors = set(sections.values())
    broken = []
    for name in citing:
        top = root / name
        paths = [top] if top.is_file() else sorted(top.rglob("*.py")) + sorted(top.rglob("*.md"))
        for path in paths:
            text = path.read_text(encoding="utf-8")
            for number, line in enumerate(text.splitlines(), 1):
                where = f"{path.relative_to(root)}:{number}"
                if RETIRED in line:
                    broken.append(f"{where}: cites {RETIRED}")
                for match in CITATION.finditer(line):
                    anchor, title = match["anchor"], match["title"]
                    if anchor is not None and anchor not in anchors:
                        broken.append(f"{where}: no section #{anchor}")
                    if title is not None and not any(title.startswith(t) for t in sections):
                        broken.append(f"{where}: no section at {title!r}")
    return broken


def test_design_references_cite_sections_docs_architecture_has() -> None:
    broken = broken_citations(REPOSITORY, DESIGN_DOCUMENT, CITING)
    assert not broken, "design-document references that lead nowhere:\n" + "\n".join(broken)


def test_citation_checker_sees_missing_sections_and_the_retired_brief(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "docs/architecture.md": "# Kasir\n## Money rules\n### DOKU direct (Non-SNAP)\n",
            "docs/other.md": (
                "[ok](architecture.md#doku-direct-non-snap) [gone](architecture.md#shape)\n"
            ),
            "pos_app/a.py": (
                '"""Fine (docs/architecture.md, Money rules)."""\n'
                "# see docs/architecture.md (Lifecycles)\n"
                f"# {RETIRED} §3\n"
            ),
        },
    )
    assert broken_citations(root, root / "docs" / "architecture.md", ("pos_app", "docs")) == [
        "pos_app/a.py:2: no section at 'Lifecycles)'",
        f"pos_app/a.py:3: cites {RETIRED}",
        "docs/other.md:1: no section #shape",
    ]


# The checkers see a broken rule: a small package in tmp_path breaks each one.


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for directory in {(root / name).parent for name in files}:
        while directory != root:
            (directory / "__init__.py").touch()
            directory = directory.parent
    return root


def test_qt_checker_sees_core_imports_at_module_level_in_functions_and_by_name(
    tmp_path: Path,
) -> None:
    root = _tree(
        tmp_path,
        {
            "pos_app/domain/top.py": "from PySide6.QtCore import QObject\n",
            "pos_app/till/late.py": "def f():\n    import shiboken6\n",
            "pos_app/store/dynamic.py": (
                "import importlib\nimportlib.import_module('PySide6.QtGui')\n"
            ),
            "pos_app/gui/window.py": "from PySide6.QtWidgets import QWidget\n",
            "pos_app/settings/near.py": "import PySide6Extra\n",
        },
    )
    offending = qt_outside_gui(collect_imports(root))
    assert sorted(_report(root, offending).splitlines()) == [
        "pos_app/domain/top.py:1: pos_app.domain.top imports PySide6.QtCore",
        "pos_app/store/dynamic.py:2: pos_app.store.dynamic imports PySide6.QtGui",
        "pos_app/till/late.py:2: pos_app.till.late imports shiboken6",
    ]


def test_provider_checker_sees_till_store_and_reports_reaching_into_a_provider(
    tmp_path: Path,
) -> None:
    root = _tree(
        tmp_path,
        {
            "pos_app/payments/model.py": "",
            "pos_app/payments/registry.py": "from pos_app.payments.doku import client\n",
            "pos_app/payments/doku/client.py": "",
            "pos_app/payments/ecommpay/callback.py": "",
            "pos_app/till/checkout.py": (
                "from pos_app.payments.model import ProviderName\n"
                "from pos_app.payments import registry\n"
                "def f():\n    from ..payments.ecommpay.callback import read\n"
            ),
            "pos_app/store/sales.py": "import pos_app.payments.doku.client\n",
            "pos_app/reports/z.py": "from pos_app.payments import ecommpay\n",
        },
    )
    offending = provider_imports_in_neutral_layers(collect_imports(root))
    assert sorted(_report(root, offending).splitlines()) == [
        "pos_app/reports/z.py:1: pos_app.reports.z imports pos_app.payments.ecommpay",
        "pos_app/store/sales.py:1: pos_app.store.sales imports pos_app.payments.doku.client",
        "pos_app/till/checkout.py:4: pos_app.till.checkout imports "
        "pos_app.payments.ecommpay.callback",
    ]


def test_relay_checker_sees_the_relay_reaching_beyond_its_layers(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "pos_app/__init__.py": "__version__ = '1'\n",
            "pos_app/domain/money.py": "",
            "pos_app/reports/shop_files.py": "from pos_app.store import payments\n",
            "pos_app/store/payments.py": "",
            "pos_app/till/checkout.py": "",
            "pos_app/relay/app.py": (
                "from pos_app import __version__\n"
                "from pos_app.domain.money import format_rupiah\n"
                "from pos_app.reports import shop_files\n"
                "from . import storage\n"
                "def f():\n    from pos_app.till.checkout import Checkout\n"
            ),
            "pos_app/relay/storage.py": "import pos_app.store.payments\n",
        },
    )
    offending = imports_beyond_layer(collect_imports(root), "relay")
    assert sorted(_report(root, offending).splitlines()) == [
        "pos_app/relay/app.py:6: pos_app.relay.app imports pos_app.till.checkout",
        "pos_app/relay/storage.py:1: pos_app.relay.storage imports pos_app.store.payments",
    ]


def test_cycle_checker_sees_module_level_cycles_only(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {
            "pos_app/a/one.py": "from pos_app.a import two\n",
            "pos_app/a/two.py": "from .three import x\n",
            "pos_app/a/three.py": "import pos_app.a.one\nx = 1\n",
            "pos_app/b/late.py": "def f():\n    from pos_app.b import other\n",
            "pos_app/b/other.py": "from pos_app.b import late\n",
            "pos_app/c/typed.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from pos_app.c import hinted\n"
            ),
            "pos_app/c/hinted.py": "from pos_app.c import typed\n",
        },
    )
    cycles = import_cycles(collect_imports(root))
    assert [_report(root, cycle).splitlines() for cycle in cycles] == [
        [
            "pos_app/a/one.py:1: pos_app.a.one imports pos_app.a.two",
            "pos_app/a/two.py:1: pos_app.a.two imports pos_app.a.three",
            "pos_app/a/three.py:1: pos_app.a.three imports pos_app.a.one",
        ]
    ]


def test_root_checker_sees_a_module_beside_the_entry_point(tmp_path: Path) -> None:
    root = _tree(
        tmp_path,
        {"pos_app/__main__.py": "", "pos_app/cli.py": "", "pos_app/money.py": ""},
    )
    assert root_modules(root) == ["money.py"]

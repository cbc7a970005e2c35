"""How the package fits together: one-way imports, no cycles, public names that stay names."""

from __future__ import annotations

import importlib
import inspect
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import geokit

ROOT = Path(__file__).resolve().parents[1]
QUETTA = (30.18, 67.0)  # GeoNames 1167528


def _submodules() -> list[str]:
    """Every module below geokit, found on disk (``__main__`` modules run a program: left out)."""
    found = pkgutil.walk_packages(geokit.__path__, prefix="geokit.")
    return sorted(m.name for m in found if not m.name.endswith("__main__"))


def test_import_contracts_hold():
    """The layering and acyclicity contracts in pyproject.toml ([tool.importlinter])."""
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False, timeout=300
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "0 broken" in out.stdout


def _cycle(graph, modules: set[str]) -> list[str] | None:  # type: ignore[no-untyped-def]
    """Return one import cycle among ``modules`` (a list of module names), or None."""
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(m: str) -> list[str] | None:
        state[m] = 1
        path.append(m)
        for n in sorted(graph.find_modules_directly_imported_by(m) & modules):
            if state.get(n) == 1:
                return [*path[path.index(n) :], n]
            if n not in state:
                found = visit(n)
                if found:
                    return found
        path.pop()
        state[m] = 2
        return None

    for m in sorted(modules):
        if m not in state:
            found = visit(m)
            if found:
                return found
    return None


def test_no_import_cycle_between_any_two_modules():
    """Stricter than acyclic_siblings: a submodule importing its own package is a cycle too."""
    import grimp

    graph = grimp.build_graph("geokit", exclude_type_checking_imports=True, cache_dir=None)
    assert _cycle(graph, set(graph.modules)) is None


def test_cycle_finder_finds_a_cycle():
    class Graph:
        edges = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}

        def find_modules_directly_imported_by(self, m: str) -> set[str]:
            return self.edges[m]

    assert _cycle(Graph(), {"a", "b", "c", "d"}) == ["a", "b", "c", "a"]


def test_no_library_module_imports_the_cli():
    import grimp

    graph = grimp.build_graph("geokit", exclude_type_checking_imports=True, cache_dir=None)
    library = {m for m in graph.modules if m != "geokit.cli" and not m.startswith("geokit.cli.")}
    cli = {m for m in graph.modules if m.startswith("geokit.cli")}
    offenders = {m for m in library if graph.find_modules_directly_imported_by(m) & cli}
    assert offenders == set()


def test_no_public_name_is_also_a_submodule_name():
    modules = {name.rsplit(".", 1)[1] for name in _submodules() if name.count(".") == 1}
    assert "resolve" in modules and "geoparse" in modules  # the walk found the packages
    assert sorted(set(geokit.__all__) & modules) == []


@pytest.fixture(scope="module")
def everything_imported() -> list[str]:
    """Import every submodule first: an import must not replace a public name of geokit."""
    names = _submodules()
    for name in names:
        importlib.import_module(name)
    return names


def test_public_functions_work_after_every_submodule_is_imported(everything_imported, tmp_path):
    import folium

    assert "geokit.resolve.core" in everything_imported
    assert "geokit.cli.parse" in everything_imported
    for name in geokit.__all__:
        assert not inspect.ismodule(getattr(geokit, name)), name

    quetta = geokit.resolve_place("Quetta", country="PK")
    assert quetta.status == "resolved"
    assert quetta.lat == pytest.approx(QUETTA[0], abs=0.05)
    assert quetta.lon == pytest.approx(QUETTA[1], abs=0.05)
    assert geokit.explain("Quetta", country="PK").resolution.record_id == quetta.record_id
    frame = geokit.resolve_frame(pd.DataFrame({"place": ["Quetta", "Gwadar"]}), "place", country="PK")
    assert list(frame["status"]) == ["resolved", "resolved"]
    assert frame["lat"].iloc[0] == pytest.approx(QUETTA[0], abs=0.05)

    assert geokit.fetch("PAK:ADM2").is_file()
    assert any(d.key.endswith("PAK:ADM2") for d in geokit.datasets())
    adm2 = geokit.load_boundaries("PAK:ADM2")
    joined = geokit.join_admin(frame, adm2)
    assert list(joined["adm2_name"]) == ["Quetta", "Gwadar"]
    counts = geokit.aggregate(joined, adm2)
    assert int(counts.loc[counts["adm2_name"] == "Quetta", "incidents"].iloc[0]) == 1

    table = geokit.read_incidents(ROOT / "examples" / "balochistan-2026-01-31.csv")
    result = geokit.run_pipeline(table, boundaries=adm2)
    assert result.n_rows == len(table) > 0
    layer = result.incidents[result.incidents["status"] == "resolved"]
    features = json.loads(geokit.to_geojson(layer))["features"]
    assert len(features) == len(layer) > 0
    written = geokit.write_geojson(layer, tmp_path / "incidents.geojson")
    assert len(json.loads(written.read_text("utf-8"))["features"]) == len(layer)
    assert isinstance(geokit.incident_map(layer, result.aggregates), folium.Map)

    text = "Date: 2026-01-31\n\nGunmen killed two policemen in Quetta on Saturday."
    mentions = geokit.parse_article(text, country="PK")
    assert list(mentions.loc[mentions["role"] == "incident", "place"]) == ["Quetta"]
    assert list(geokit.incidents(mentions)["place"]) == ["Quetta"]

    assert geokit.get_settings() == geokit.configure()

    called = {
        "aggregate",
        "configure",
        "datasets",
        "explain",
        "fetch",
        "get_settings",
        "incident_map",
        "incidents",
        "join_admin",
        "load_boundaries",
        "parse_article",
        "read_incidents",
        "resolve_frame",
        "resolve_place",
        "run_pipeline",
        "to_geojson",
        "write_geojson",
    }
    functions = {n for n in geokit.__all__ if inspect.isfunction(getattr(geokit, n))}
    assert functions == called, "call each new public function above"


def test_old_name_says_where_the_function_went():
    code = "import geokit; geokit.resolve"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert "resolve_place" in out.stderr

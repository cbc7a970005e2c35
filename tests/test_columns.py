"""Column roles, the output schema, honest country defaults and the cache command."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from geokit.cli import main
from geokit.columns import COMMON_NAMES, OUTPUT_COLUMNS, ROLES, ColumnRoles, find_roles, make_room
from geokit.errors import InputError
from geokit.ingest import validate_incidents

ROOT = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- roles
def test_common_names_are_recognised_case_insensitively():
    roles = find_roles(
        ["Date", "Location", "PROVINCE", "Killed", "Event Type", "Link", "Latitude", "longitude"]
    )
    assert roles.as_dict() == {
        "place": "Location",
        "date": "Date",
        "event_type": "Event Type",
        "fatalities": "Killed",
        "source_url": "Link",
        "lat": "Latitude",
        "lon": "longitude",
        "admin1": "PROVINCE",
    }
    assert roles.named == frozenset()


def test_named_roles_win_and_a_column_serves_one_role():
    roles = find_roles(["place", "town", "when", "deaths"], {"place": "town", "date": "when"})
    assert roles.place == "town" and roles.date == "when" and roles.fatalities == "deaths"
    assert "place" in roles.named and "fatalities" not in roles.named
    assert find_roles(["place", "town"]).place == "place"  # the best name first
    with pytest.raises(InputError, match=r"no column 'nope' \(--date-column\); columns are: a, b"):
        find_roles(["a", "b"], {"date": "nope"})
    with pytest.raises(InputError, match="named for two roles"):
        find_roles(["a", "b"], {"date": "a", "event_type": "a"})
    with pytest.raises(InputError, match="unknown column role"):
        find_roles(["a"], {"colour": "a"})


def test_roles_round_trip_through_json():
    roles = find_roles(["location", "killed"], {"fatalities": "killed"})
    assert ColumnRoles.from_dict(roles.to_dict()) == roles


def test_make_room_never_collides():
    assert make_room(["lat", "input_lat", "x"], ["lat", "lon"]) == {"lat": "input_lat_2"}
    assert make_room(["x"], OUTPUT_COLUMNS) == {}


def test_readme_lists_every_role_and_output_column():
    readme = (ROOT / "README.md").read_text("utf-8")
    roles_table = readme.split("## Your columns", 1)[1].split("## Output schema", 1)[0]
    for role in ROLES:
        row = next(line for line in roles_table.splitlines() if line.startswith(f"| {role} |"))
        assert re.findall(r"`([^`]+)`", row.split("|")[3]) == list(COMMON_NAMES[role]), role
    schema = readme.split("## Output schema", 1)[1].split("## Precision codes", 1)[0]
    for col in OUTPUT_COLUMNS:
        assert f"`{col}`" in schema, col


# ---------------------------------------------------------------- the schema at ingest
def test_user_columns_keep_their_values_and_numbers_stay_numbers():
    df = pd.DataFrame(
        {
            "location": ["Quetta", "Turbat", "Gwadar"],
            "killed": ["3", "", "about 1"],
            "injured": ["7", "", "2"],
            "code": ["007", "010", ""],  # leading zeros: an identifier, stays text
            "share": ["0.5", "1", ""],
            "input_issues": ["mine", "", ""],
            "date_text": ["1 Oct", "", ""],
            "wkt": ["POINT (1 2)", "", ""],
            "geometry": ["g", "", ""],
            "lat": ["30.1", "", ""],
            "input_lat": ["x", "", ""],
        }
    )
    out = validate_incidents(df)
    assert str(out["killed"].dtype) == "Int64" and out["killed"].tolist()[0] == 3
    assert out["killed"].isna().tolist() == [False, True, True]
    assert "killed 'about 1' is not a count" in out.loc[2, "input_issues"]  # blanked with a note
    assert str(out["injured"].dtype) == "Int64" and pd.isna(out.loc[1, "injured"])
    assert str(out["share"].dtype) == "Float64"
    assert out["code"].tolist() == ["007", "010", ""]
    for col in ("input_issues", "date_text", "wkt", "geometry"):
        assert out[f"input_{col}"].iloc[0] == df[col].iloc[0]
    assert out["input_lat_2"].iloc[0] == 30.1 and out["input_lat"].iloc[0] == "x"
    notes = out.attrs["geokit"]["notes"]
    assert any("lat -> input_lat_2" in n for n in notes)
    assert len(set(out.columns)) == len(out.columns)


# ---------------------------------------------------------------- honest defaults
def test_a_small_place_abroad_is_not_an_answer_without_a_country():
    from geokit.resolve import resolve_frame

    df = pd.DataFrame({"place": ["Killi Qambrani", "Quetta", "Mastung", "Turbat"]})
    out = resolve_frame(df, "place")
    first = out.iloc[0]
    assert first["status"] == "unresolved" and "Quelimane" in first["reason"]  # named, not placed
    assert (out["status"].iloc[1:] == "resolved").all()


def test_country_inferred_from_the_table_keeps_names_at_home():
    """UCDP place names that, with no country, match places abroad (Nara, Mali; Coro, Venezuela)."""
    from geokit.gazetteer import Gazetteer
    from geokit.resolve import resolve, resolve_frame

    gaz = Gazetteer.default()
    assert resolve("Nara", gazetteer=gaz).place.country != "PK"
    assert resolve("Khoro", gazetteer=gaz).place.country != "PK"
    df = pd.DataFrame({"place": ["Nara", "Khoro", "Quetta", "Peshawar", "Lahore"]})
    out = resolve_frame(df, "place", gazetteer=gaz)
    assert (
        out.loc[0, "status"] == "resolved"
        and "country PK (inferred from the other rows)" in out.loc[0, "reason"]
    )
    assert out.loc[0, "record_id"] == resolve("Nara", country="PK", gazetteer=gaz).record_id
    assert out.loc[1, "status"] == "unresolved" and "spelling variant abroad" in out.loc[1, "reason"]
    assert "--country" in out.loc[1, "reason"]
    kabul = resolve_frame(pd.DataFrame({"place": ["Kabul", "Quetta", "Peshawar"]}), "place", gazetteer=gaz)
    assert kabul.loc[0, "status"] == "resolved"  # a big city abroad, by its own name, is kept


def test_fuzzy_is_never_precision_1():
    from geokit.resolve import resolve

    r = resolve("Peshawer", country="PK")
    assert r.status == "resolved" and r.fuzzy and r.precision == 2


# ---------------------------------------------------------------- the cache
def test_cache_info_and_clear(tmp_path, monkeypatch, capsys):
    from geokit.gazetteer import cached_indexes

    monkeypatch.setenv("GEOKIT_CACHE_DIR", str(tmp_path))
    (tmp_path / "gazetteer-0123456789abcdef.sqlite").write_bytes(b"x" * 1000)
    (tmp_path / "gazetteer-0123456789abcdef.sqlite.used").touch()
    (tmp_path / ".gazetteer-0123456789abcdef.sqlite.abc.tmp").write_bytes(b"y" * 10)
    (tmp_path / "nominatim").mkdir()
    (tmp_path / "nominatim" / "a.json").write_text("{}")
    assert main(["cache", "info"]) == 0
    out = capsys.readouterr().out
    assert "gazetteer-0123456789abcdef.sqlite" in out and "nominatim/" in out and "total:" in out
    assert main(["cache", "clear"]) == 0
    assert cached_indexes(tmp_path) == [] and not list(tmp_path.glob(".gazetteer-*"))
    assert (tmp_path / "nominatim" / "a.json").exists()  # only with --all
    assert main(["cache", "clear", "--all"]) == 0
    assert not (tmp_path / "nominatim").exists()


def test_one_index_per_set_of_sources_whatever_the_path(tmp_path):
    """The same gazetteer file under another path gives the same index; changed content another.

    (The default sources are embedded in the package now, so a user gazetteer CSV is the source
    whose path varies.)
    """
    from geokit.gazetteer.index import _plan
    from geokit.settings import get_settings

    here, there = tmp_path / "a" / "places.csv", tmp_path / "b" / "mine.csv"
    for path in (here, there):
        path.parent.mkdir()
        path.write_text("name,lat,lon,country\nKilli Test,30.1,66.9,PK\n", encoding="utf-8")
    s = get_settings()
    assert _plan("PAK:ADM2", (str(here),), s).fingerprint == _plan("PAK:ADM2", (str(there),), s).fingerprint
    with there.open("a", encoding="utf-8") as handle:
        handle.write("Killi Other,30.2,66.8,PK\n")
    assert _plan("PAK:ADM2", (str(here),), s).fingerprint != _plan("PAK:ADM2", (str(there),), s).fingerprint


def test_long_digit_strings_stay_text():
    out = validate_incidents(
        pd.DataFrame({"place": ["Quetta", "Kalat"], "phone": ["923001234567890123", ""]})
    )
    assert out["phone"].tolist() == ["923001234567890123", ""]

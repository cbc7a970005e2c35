"""Gazetteer sources, the on-disk index and its cache."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from geokit import gazetteer as gz
from geokit.errors import DataError, InputError
from geokit.gazetteer import Gazetteer, Place, haversine_km
from geokit.settings import override


def _place(pid: str, name: str, lat: float, lon: float, **kw: object) -> Place:
    base: dict[str, object] = dict(
        country="PK", admin1="Balochistan", admin2=None, kind="town", population=0, source="test"
    )
    base.update(kw)
    return Place(pid, name, lat, lon, **base)  # type: ignore[arg-type]


@pytest.fixture
def small(tmp_path: Path) -> Gazetteer:
    return Gazetteer.build(
        tmp_path / "g.sqlite",
        [
            _place("t:1", "Nushki", 29.55, 66.02, alt_names=("Noshki Town",), population=48572),
            _place("t:2", "Qila Saifullah", 30.70, 68.36, population=20000),
            _place("t:3", "Hyderabad", 25.39, 68.37, admin1="Sindh", population=1_700_000),
            _place("t:4", "Hyderabad", 17.38, 78.45, country="IN", admin1="Telangana", population=6_800_000),
            _place("adm2:PK223", "Nushki", 29.4, 65.9, admin2="Nushki", kind="adm2", admin_id="PK223"),
        ],
    )


def test_lookup_is_case_accent_and_space_insensitive(small: Gazetteer) -> None:
    for q in ("nushki", "NUSHKI", "  Nushkī ", "noshki town"):
        assert "t:1" in [p.id for p in small.lookup(q)], q


def test_lookup_orders_by_population(small: Gazetteer) -> None:
    assert [p.country for p in small.lookup("Hyderabad")] == ["IN", "PK"]


def test_lookup_many_matches_lookup(small: Gazetteer) -> None:
    """One batch (repeats, spellings, misses) gives, name by name, the records lookup() gives."""
    names = ["Nushki", "Hyderabad", "nowhere", "", "Nushki", "noshki town", "HYDERABAD", "Qila Saifullah"]
    batch = small.lookup_many(names)
    assert len(batch) == len(names)
    for name, got in zip(names, batch, strict=True):
        # lookup() orders by population, lookup_many() by index: compare the records
        assert sorted(p.id for p in got) == sorted(p.id for p in small.lookup(name)), name
    # and the records are the fixture's own, not merely the same wrong answer twice
    assert [sorted(p.id for p in got) for got in batch] == [
        ["adm2:PK223", "t:1"],
        ["t:3", "t:4"],
        [],
        [],
        ["adm2:PK223", "t:1"],
        ["t:1"],
        ["t:3", "t:4"],
        ["t:2"],
    ]


def test_search_finds_variants(small: Gazetteer) -> None:
    hits = small.search("Killa Saifullah")
    assert [(m.place.id, m.how) for m in hits] == [("t:2", "variant")]
    assert small.search("Killa Saifullah", variants=False) == []


def test_fuzzy_is_flagged_and_thresholded(small: Gazetteer) -> None:
    hits = small.fuzzy("Nushky", country="PK")
    assert hits and hits[0].place.name == "Nushki" and hits[0].how == "fuzzy"
    assert hits[0].similarity >= gz.FUZZY_THRESHOLD
    assert small.fuzzy("Zorvakhistan", country="PK") == []
    assert small.fuzzy("Nus") == []  # too short to guess


def test_nearest_and_get(small: Gazetteer) -> None:
    near = small.nearest(29.56, 66.03, max_km=10)
    assert [p.id for p, _ in near] == ["t:1"]
    assert small.get("adm2:PK223") is not None and small.get("adm2:PK223").is_admin  # type: ignore[union-attr]
    assert small.get("nope") is None


def _settings_dir(tmp_path: Path) -> dict[str, object]:
    return {"cache_dir": tmp_path / "cache", "data_dir": tmp_path / "data"}


def test_user_csv_builds_and_caches_and_rebuilds_on_change(tmp_path: Path) -> None:
    csv_path = tmp_path / "mine.csv"
    csv_path.write_text(
        "name,lat,lon,country,admin1,alt_names,kind\n"
        "Kili Zorvakh,29.9,66.8,PK,Balochistan,Killi Zorvakh|Zorvakh,locality\n",
        encoding="utf-8",
    )
    with override(**_settings_dir(tmp_path)) as s:
        g1 = Gazetteer.default(boundaries=None, extra=[csv_path], geonames=False, settings=s)
        assert g1 is Gazetteer.default(boundaries=None, extra=[csv_path], geonames=False, settings=s)
        hit = g1.lookup("Killi Zorvakh")
        assert [(p.name, p.kind, p.source) for p in hit] == [("Kili Zorvakh", "locality", f"user:{csv_path}")]
        files = sorted((tmp_path / "cache").glob("gazetteer-*.sqlite"))
        assert len(files) == 1
        # a new process would find the same file: nothing is rebuilt
        gz._DEFAULTS.clear()
        mtime = files[0].stat().st_mtime_ns
        Gazetteer.default(boundaries=None, extra=[csv_path], geonames=False, settings=s)
        assert files[0].stat().st_mtime_ns == mtime
        # the source changes: a new index
        time.sleep(0.01)
        csv_path.write_text("name,lat,lon\nSomewhere New,30,67\n", encoding="utf-8")
        os.utime(csv_path, ns=(time.time_ns(), time.time_ns()))
        g2 = Gazetteer.default(boundaries=None, extra=[csv_path], geonames=False, settings=s)
        assert g2 is not g1
        assert g2.lookup("Somewhere New") and not g2.lookup("Killi Zorvakh")
        assert len(list((tmp_path / "cache").glob("gazetteer-*.sqlite"))) == 2


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("place,lat,lon\nX,1,2\n", "lacks column"),
        ("name,lat,lon\nX,north,2\n", "row 1"),
        ("name,lat,lon\nX,1,2\nY,95,2\n", "row 2"),
    ],
)
def test_bad_user_csv(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with override(**_settings_dir(tmp_path)) as s, pytest.raises(InputError, match=message):
        Gazetteer.default(boundaries=None, extra=[path], geonames=False, settings=s)


def test_geonames_dump_file(tmp_path: Path) -> None:
    row = [
        "1",
        "Kili Deeba",
        "Kili Deeba",
        "Killi Deeba,Kalli Deeba",
        "30.2",
        "67.05",
        "P",
        "PPLX",
        "PK",
        "",
        "02",
        "",
        "",
        "",
        "0",
        "",
        "1700",
        "Asia/Karachi",
        "2024-01-01",
    ]
    stream = [
        "2",
        "Sariab Nala",
        "Sariab Nala",
        "",
        "30.1",
        "67.0",
        "H",
        "STM",
        "PK",
        "",
        "02",
        "",
        "",
        "",
        "0",
        "",
        "1700",
        "Asia/Karachi",
        "2024-01-01",
    ]
    path = tmp_path / "PK.txt"
    path.write_text("\t".join(row) + "\n" + "\t".join(stream) + "\n", encoding="utf-8")
    with override(**_settings_dir(tmp_path)) as s:
        g = Gazetteer.default(boundaries=None, extra=[path], geonames=False, settings=s)
    (p,) = g.lookup("Kalli Deeba")
    assert (p.id, p.kind, p.admin1) == ("geonames:1", "neighbourhood", "Balochistan")
    assert g.lookup("Sariab Nala")[0].kind == "water"


def test_geonames_country_dump_needs_the_data_manager(tmp_path: Path) -> None:
    with (
        override(**_settings_dir(tmp_path), allow_download=False) as s,
        pytest.raises(DataError, match="geonames:PK"),
    ):
        Gazetteer.default(boundaries=None, extra=["geonames:PK"], geonames=False, settings=s)


def test_unknown_dataset_is_named(tmp_path: Path) -> None:
    with override(**_settings_dir(tmp_path)) as s, pytest.raises(DataError, match="known"):
        Gazetteer.default(boundaries=None, extra=["geonames:XX"], geonames=False, settings=s)


# ---- the real default index (GeoNames + COD-AB + curated) -------------------------------
@pytest.fixture(scope="module")
def real() -> Gazetteer:
    return Gazetteer.default()


def test_real_index_has_geonames_and_units(real: Gazetteer) -> None:
    quetta = [p for p in real.lookup("Quetta") if p.id == "geonames:1167528"]
    assert quetta and (quetta[0].admin1, quetta[0].admin2) == ("Balochistan", "Quetta")
    assert {u.admin_id for u in real.admin_units(country="PK", kind="adm1")} == {
        "PK1",
        "PK2",
        "PK3",
        "PK4",
        "PK5",
        "PK6",
        "PK7",
    }
    assert len(real.admin_units(country="PK", kind="adm2")) == 160
    assert [p.kind for p in real.lookup("Bara tehsil")] == [] and any(
        p.kind == "adm3" and p.admin2 == "Khyber" for p in real.lookup("Bara")
    )


def test_real_index_admin_units_sit_inside_themselves(real: Gazetteer, adm2) -> None:  # type: ignore[no-untyped-def]
    import geopandas as gpd

    units = real.admin_units(country="PK", kind="adm2")
    pts = gpd.GeoDataFrame(
        {"want": [u.admin_id for u in units]},
        geometry=gpd.points_from_xy([u.lon for u in units], [u.lat for u in units]),
        crs=4326,
    )
    hit = gpd.sjoin(pts, adm2[["adm2_id", "geometry"]], predicate="within")
    assert (hit["want"] == hit["adm2_id"]).all() and len(hit) == len(units)


def test_real_index_puts_a_town_on_a_district_line_in_the_tehsil_named_after_it(
    real: Gazetteer, adm2: Any
) -> None:
    """Kotri (GeoNames 1172904) lies 0.1 km over the Indus line in Hyderabad; its taluka is Jamshoro's."""
    import geopandas as gpd

    towns = {
        p.name: p
        for name in ("Kotri", "Sarai Naurang", "Talhar")
        for p in real.lookup(name)
        if p.country == "PK" and not p.is_admin
    }
    want = {"Kotri": "Jamshoro", "Sarai Naurang": "Lakki Marwat", "Talhar": "Badin"}
    assert {n: p.admin2 for n, p in towns.items()} == want
    assert all("outside" in (p.note or "") for p in towns.values())
    # the moved point itself falls in that district on the full layer, so a later join agrees
    pts = gpd.GeoDataFrame(
        {"name": list(towns)},
        geometry=gpd.points_from_xy([p.lon for p in towns.values()], [p.lat for p in towns.values()]),
        crs=4326,
    )
    hit = gpd.sjoin(pts, adm2[["adm2_name", "geometry"]], predicate="within")
    assert dict(zip(hit["name"], hit["adm2_name"], strict=True)) == want
    # a town well inside another district keeps its point (Bahawalnagar's namesake near Okara)
    assert any(p.admin2 == "Okara" and p.note is None for p in real.lookup("Bahawalnagar"))


def test_real_index_has_other_countries_admin1(real: Gazetteer) -> None:
    (kandahar,) = [p for p in real.lookup("Kandahar") if p.kind == "adm1"]
    assert kandahar.country == "AF"
    # a representative point in the middle of the unit (issue 15), not at its capital: GeoNames'
    # own points for California (37.25, -119.75) and Texas (31.25, -99.25), hundreds of km from
    # Los Angeles and Houston
    (california,) = [p for p in real.lookup("California") if p.kind == "adm1" and p.country == "US"]
    (texas,) = [p for p in real.lookup("Texas") if p.kind == "adm1" and p.country == "US"]
    assert haversine_km(california.lat, california.lon, 37.25, -119.75) < 100
    assert haversine_km(texas.lat, texas.lon, 31.25, -99.25) < 161
    # the population prior of a unit is that of its most populous place
    (la,) = [p for p in real.lookup("Los Angeles") if p.country == "US" and p.kind == "city"][:1]
    assert california.population == max(la.population, california.population) > 1_000_000


def test_real_index_urdu_alternate_name(real: Gazetteer) -> None:
    assert "geonames:1167528" in [p.id for p in real.lookup("کوئٹہ")]


def test_real_index_stores_each_place_once_and_lookup_agrees_with_names(real: Gazetteer) -> None:
    """``lookup`` says what ``names`` says; ``places`` holds each record once, its columns agree.

    The geoparser reads ``names(key, pid, how)`` and ``places.kind`` directly, so
    those keep their meaning; lookups read ``lookup`` and ``places.rec``.
    """
    import sqlite3
    from array import array
    from marshal import loads

    from geokit.gazetteer.index import PID_TYPECODE

    con = sqlite3.connect(f"{real.path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = {t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert tables == {"meta", "places", "names", "skels", "lookup"}
        keys = [k for (k,) in con.execute("SELECT DISTINCT key FROM names WHERE pid % 499 = 0 LIMIT 600")] + [
            "quetta"
        ]
        for k in keys:
            want = con.execute("SELECT pid, how FROM names WHERE key = ? ORDER BY pid", (k,)).fetchall()
            pids, hows = con.execute("SELECT pids, hows FROM lookup WHERE key = ?", (k,)).fetchone()
            assert list(zip(array(PID_TYPECODE, pids), hows, strict=True)) == want, k
        for pid, pid_, kind, country, lat, lon, rec in con.execute(
            "SELECT pid, id, kind, country, lat, lon, rec FROM places WHERE pid % 997 = 0"
        ):
            place = Place(*loads(rec))
            assert (place.id, place.kind, place.country, place.lat, place.lon) == (
                pid_,
                kind,
                country,
                lat,
                lon,
            )
            assert real.get(place.id) == place
            assert place.id in {p.id for p in real.lookup(place.name)}, (pid, place.name)
    finally:
        con.close()


def test_real_index_batch_equals_single_lookups(real: Gazetteer) -> None:
    names = [
        "Quetta",
        "Hyderabad",
        "Kōhāt",
        "D.I. Khan",
        "Saint-Denis",
        "کوئٹہ",
        "",
        "nowhere",
        "Quetta",
        "Sariab",
        "Mastung",
        "Gwadar",
    ]
    fresh = Gazetteer(real.path)
    batch = fresh.lookup_many(names)
    for n, got in zip(names, batch, strict=True):
        one = Gazetteer(real.path).lookup(n)
        assert sorted(got, key=lambda p: -p.population) == one, n
    fresh.close()


def test_batch_survives_the_memo_starting_over(small: Gazetteer, monkeypatch: pytest.MonkeyPatch) -> None:
    names = ["Nushki", "Hyderabad", "Qila Saifullah", "nowhere"]
    want = [[p.id for p in ps] for ps in small.lookup_many(names)]
    monkeypatch.setattr(gz, "_MEMO_KEYS", 1)  # every batch now clears what earlier ones kept
    assert [[p.id for p in ps] for ps in small.lookup_many([*names, "Noshki Town"])][:4] == want
    assert [[p.id for p in ps] for ps in small.lookup_many(names)] == want
    assert [m.how for m in small.search("Noshki Town")] == ["alt"]


# ---- cache hygiene --------------------------------------------------------------------
def _fake_index(path: Path, version: str, mtime: float) -> Path:
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT)")
    con.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
    con.commit()
    con.close()
    path.with_name(path.name + ".names").write_bytes(b"x")
    for p in (path, path.with_name(path.name + ".names")):
        os.utime(p, (mtime, mtime))
    return path


def test_prune_cache_drops_old_versions_and_all_but_the_recent(tmp_path: Path) -> None:
    from geokit.gazetteer.index import INDEX_VERSION, index_version, mark_used, prune_cache

    now = time.time()
    current = Gazetteer.build(
        tmp_path / "gazetteer-current.sqlite", [_place("t:1", "Nushki", 29.55, 66.02)]
    ).path
    assert index_version(current) == INDEX_VERSION
    os.utime(current, (now - 10**6, now - 10**6))  # the oldest, yet in use
    old = [
        _fake_index(tmp_path / f"gazetteer-old{i}.sqlite", v, now)
        for i, v in enumerate(["1", str(int(INDEX_VERSION) - 1)])
    ]
    broken = tmp_path / "gazetteer-broken.sqlite"
    broken.write_bytes(b"not a database" * 100)
    ages = [
        _fake_index(tmp_path / f"gazetteer-age{i}.sqlite", INDEX_VERSION, now - 1000 * i) for i in range(6)
    ]
    mark_used(ages[5])  # the oldest build, but opened just now
    other = _fake_index(tmp_path / "gazetteer-other.sqlite", INDEX_VERSION, now - 10**5)
    unrelated = tmp_path / "settings.json"
    unrelated.write_text("{}")

    removed = prune_cache(current, in_use=[other])
    assert sorted(removed) == sorted([*old, broken, ages[2], ages[3], ages[4]])
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(
        [
            current.name,
            other.name,
            other.name + ".names",
            unrelated.name,
            *(n for a in (ages[0], ages[1], ages[5]) for n in (a.name, a.name + ".names")),
            ages[5].name + ".used",
        ]
    )
    assert prune_cache(current, in_use=[other]) == []  # nothing more to do


def test_a_new_index_prunes_the_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = _fake_index(cache / "gazetteer-0000000000000000.sqlite", "1", time.time())
    csv_path = tmp_path / "mine.csv"
    csv_path.write_text("name,lat,lon\nKili Zorvakh,29.9,66.8\n", encoding="utf-8")
    with override(**_settings_dir(tmp_path)) as s:
        g = Gazetteer.default(boundaries=None, extra=[csv_path], geonames=False, settings=s)
    assert not stale.exists() and not stale.with_name(stale.name + ".names").exists()
    assert g.path.exists() and g.path.with_name(g.path.name + ".used").exists()


def test_the_gazetteer_extra_setting_adds_sources_to_the_default(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """More places (a country's full GeoNames dump, a user file) reach every default gazetteer."""
    row = ["7", "Dhok Testan", "Dhok Testan", "", "33.1", "73.2", "P", "PPL", "PK", "", "04", "", "", "", "0"]
    path = tmp_path / "villages.txt"
    path.write_text("\t".join([*row, "", "500", "Asia/Karachi", "2024-01-01"]) + "\n", encoding="utf-8")
    with override(**_settings_dir(tmp_path), gazetteer_extra=[str(path)]) as s:
        g = Gazetteer.default(boundaries=None, geonames=False, settings=s)
        assert g.lookup("Dhok Testan")[0].id == "geonames:7"
        bare = Gazetteer.default(boundaries=None, extra=(), geonames=False, settings=s)
        assert bare.lookup("Dhok Testan") == []  # an explicit extra wins over the setting
    monkeypatch.setenv("GEOKIT_GAZETTEER_EXTRA", f" {path} , geonames:PK ")
    from geokit.settings import get_settings

    assert get_settings().gazetteer_extra == (str(path), "geonames:PK")


@pytest.mark.parametrize(
    ("query", "district"),
    [
        ("Landhi, Karachi", "Korangi Karachi"),  # COD-AB "Landhi Town"
        ("Liaquatabad, Karachi", "Central Karachi"),  # "Liaqatabad Town": qu/q
        ("Gulshan-e-Iqbal, Karachi", "East Karachi"),  # "Gulshan Iqbal Town": the izafat left out
        ("Orangi, Karachi", "West Karachi"),
    ],
)
def test_karachi_s_towns_are_found_by_their_short_names(query: str, district: str) -> None:
    from geokit.resolve import resolve

    res = resolve(query, country="PK")
    assert res.place is not None and res.place.admin2 == district, res


def test_every_curated_pakistani_point_lies_in_the_district_its_row_names(adm2) -> None:  # type: ignore[no-untyped-def]
    import geopandas as gpd

    from geokit.gazetteer.index import _packaged
    from geokit.gazetteer.sources import _csv_records

    # the rows as the gazetteer reads them
    rows = [
        r
        for r in _csv_records(_packaged("curated_places.csv"), curated=True)
        if r.country == "PK" and r.admin2
    ]
    assert len(rows) >= 30
    pts = gpd.GeoDataFrame(
        {"want": [r.admin2 for r in rows], "name": [r.name for r in rows]},
        geometry=gpd.points_from_xy([r.lon for r in rows], [r.lat for r in rows]),
        crs=4326,
    )
    hit = gpd.sjoin(pts, adm2[["adm2_name", "geometry"]], predicate="within")
    wrong = hit[hit["want"] != hit["adm2_name"]]
    assert len(hit) == len(rows) and wrong.empty, wrong[["name", "want", "adm2_name"]]

"""Reading incident tables: encodings, delimiters, comments, bad rows kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from geokit.errors import InputError
from geokit.ingest import read_incidents

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "balochistan-2026-01-31.csv"
HEADER = "id,date,place,fatalities\n"


def test_example_file_reads_with_all_rows():
    df = read_incidents(EXAMPLE)
    assert len(df) == 7
    assert list(df["row"]) == list(range(1, 8))
    for col in (
        "id",
        "date",
        "place",
        "admin1_hint",
        "country_hint",
        "event_type",
        "description",
        "fatalities",
        "source",
    ):
        assert col in df.columns
    assert df["date"].notna().all()
    assert (df["input_issues"] == "").all()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "latin-1"])
def test_encodings(tmp_path, encoding):
    path = tmp_path / "t.csv"
    path.write_bytes(
        (
            HEADER + "1,2026-01-31,Peshāwar,2\n"
            if encoding != "latin-1"
            else HEADER + "1,2026-01-31,Peshäwar,2\n"
        ).encode(encoding)
    )
    df = read_incidents(path)
    assert df.loc[0, "place"] in ("Peshāwar", "Peshäwar")
    assert df.loc[0, "fatalities"] == 2


@pytest.mark.parametrize("sep", [";", "\t"])
def test_other_delimiters(tmp_path, sep):
    path = tmp_path / "t.csv"
    path.write_text(HEADER.replace(",", sep) + sep.join(["1", "2026-01-31", "Quetta", ""]) + "\n")
    df = read_incidents(path)
    assert df.loc[0, "place"] == "Quetta"


def test_bad_values_are_kept_with_a_note(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text(HEADER + "1,yesterday,Quetta,many\n2,2026-01-31,,-3\n")
    df = read_incidents(path)
    assert len(df) == 2
    assert "date 'yesterday'" in df.loc[0, "input_issues"]
    assert "fatalities 'many'" in df.loc[0, "input_issues"]
    assert "fatalities '-3'" in df.loc[1, "input_issues"]
    assert df.loc[1, "place"] == ""


def test_missing_column_lists_the_columns(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("id,spot\n1,Quetta\n")
    with pytest.raises(InputError, match=r"t.csv: no place column .*; columns are: id, spot"):
        read_incidents(path)
    with pytest.raises(InputError, match=r"t.csv: no column 'town' \(--column\); columns are: id, spot"):
        read_incidents(path, place_column="town")


@pytest.mark.parametrize(
    "content,message",
    [
        (b"", "is empty"),
        (HEADER.encode(), "no data rows"),
        (b"\x00\x01\x02binary", "binary"),
        (b'id,place\n1,"unterminated\n', "not a well-formed CSV"),
    ],
)
def test_unusable_files(tmp_path, content, message):
    path = tmp_path / "t.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        read_incidents(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        read_incidents(tmp_path / "nope.csv")

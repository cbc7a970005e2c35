"""Normalisation, skeletons and qualifier parsing."""

from __future__ import annotations

import pytest

from geokit.normalize import MAX_LENGTH, ParsedQuery, clean, key, parse, skeleton


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  Quetta  ", "quetta"),
        ("KŌHĀT", "kohat"),
        ("Khairpur Mir’s", "khairpur mirs"),
        ("Koh-e-Sulaiman", "koh e sulaiman"),
        ("D. I. Khan", "d i khan"),
        ("Quetta\x00\x07 city", "quetta city"),
        ("Que\u200btta", "que tta"),
        ("ＱＵＥＴＴＡ", "quetta"),  # full-width, NFKC
        ("", ""),
        (None, ""),
        (float("nan"), ""),
        (12345, "12345"),
    ],
)
def test_key(raw: object, expected: str) -> None:
    assert key(raw) == expected


def test_clean_caps_length_and_strips_controls() -> None:
    assert len(clean("x" * 10_000)) == MAX_LENGTH + 1
    assert clean("a\tb\nc\r\x1b") == "a b c"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Noshki", "Nushki"),
        ("Baluchistan", "Balochistan"),
        ("Jacob Abad", "Jacobabad"),
        ("Khuzdaar", "Khuzdar"),
        ("Sibbi", "Sibi"),
        ("Qila Saifullah", "Killa Saifullah"),
        ("Landikotal", "Landi Kotal"),
        ("Dera Bughti", "Dera Bugti"),
        ("Panjgoor", "Panjgur"),
        ("Kili Deeba", "Killi Deeba"),
        ("Liaquatabad", "Liaqatabad"),
        ("Gulshan-e-Iqbal", "Gulshan Iqbal"),
        ("Sar-i-Pul", "Sar Pul"),
    ],
)
def test_variants_share_a_skeleton(a: str, b: str) -> None:
    assert skeleton(key(a)) == skeleton(key(b))


@pytest.mark.parametrize(("a", "b"), [("Zhob", "Zob"), ("Kalat", "Kharan"), ("Sibi", "Swabi")])
def test_different_names_keep_different_skeletons(a: str, b: str) -> None:
    assert skeleton(key(a)) != skeleton(key(b))


def test_skeleton_of_non_latin_is_empty() -> None:
    assert skeleton(key("کوئٹہ")) == ""


def test_parse_district_qualifier() -> None:
    p = parse("Mastung district")
    assert (p.head.name, p.head.level, p.head.full) == ("mastung", "adm2", "mastung district")


@pytest.mark.parametrize("text", ["near Kalat", "outskirts of Turbat", "on the outskirts of Turbat"])
def test_parse_near(text: str) -> None:
    p = parse(text)
    assert p.head.relation == "near"
    assert p.head.name in ("kalat", "turbat")
    assert p.parents == ()


def test_parse_possessive_area() -> None:
    p = parse("Quetta’s Sariab area")
    assert p.head.name == "sariab"
    assert p.head.relation == "part"
    assert [q.name for q in p.parents] == ["quetta"]


@pytest.mark.parametrize(
    ("text", "head", "parents"),
    [
        ("Sariab, Quetta", "sariab", ["quetta"]),
        ("Hazar Ganji in Quetta", "hazar ganji", ["quetta"]),
        ("Sheikhan village, Bara tehsil", "sheikhan", ["bara"]),
        ("Landi Kotal bazaar (Khyber)", "landi kotal", ["khyber"]),
        ("Mangochar area of Kalat", "mangochar", ["kalat"]),
        ("Faysal Bank building in Hazar Ganji", "faysal bank", ["hazar ganji"]),
    ],
)
def test_parse_hierarchy(text: str, head: str, parents: list[str]) -> None:
    p = parse(text)
    assert p.head.name == head
    assert [q.name for q in p.parents] == parents


def test_parse_tehsil_parent_level() -> None:
    p = parse("Sheikhan village, Bara tehsil")
    assert p.head.level == "populated"
    assert p.parents[0].level == "adm3"


@pytest.mark.parametrize("text", ["border between Kalat and Khuzdar districts", "Mastung/Quetta border area"])
def test_parse_between(text: str) -> None:
    p = parse(text)
    assert len(p.between) == 2
    assert {b.name for b in p.between} in ({"kalat", "khuzdar"}, {"mastung", "quetta"})


def test_qualifier_alone_is_kept_as_the_name() -> None:
    assert parse("Bazaar").head.name == "bazaar"


@pytest.mark.parametrize(
    ("text", "head"),
    [
        ("", ""),
        ("   ", ""),
        ("\x00", ""),
        ("()", ""),
        (",,,", ""),
        ("'s", "s"),
        ("x" * 10_000, "x" * (MAX_LENGTH + 1)),  # cut, one over the limit so "too long" can be told
    ],
)
def test_parse_never_crashes(text: str, head: str) -> None:
    """Junk gives an empty head (nothing to look up) or what is left of it, cut short."""
    got = parse(text)
    assert isinstance(got, ParsedQuery)
    assert (got.head.full, got.head.name) == (head, head)
    assert got.parents == () and got.between == ()


def test_key_shortcuts_agree_with_the_reference_steps() -> None:
    """The ASCII and translate-table paths of key() give what clean/casefold/regex give."""
    import random
    import string

    from geokit.normalize import _key

    for c in range(0x3400):  # Latin, Greek, Cyrillic, Arabic, Indic, punctuation, symbols
        for s in (f"a{chr(c)}b", chr(c), f" {chr(c)}{chr(c)} "):
            assert key(s) == _key(s), hex(c)
    rng = random.Random(20260131)
    pool = string.printable + "\x00\x1c\x7f\x85\xa0'\u2019\u02bc\u0301\u200bÅéıİßﬁ①²کوئٹہ\u3000"
    for _ in range(20_000):
        s = "".join(rng.choice(pool) for _ in range(rng.randrange(0, 20)))
        assert key(s) == _key(s), repr(s)
    for s in ("x" * (MAX_LENGTH - 1) + "-a", "a-" * MAX_LENGTH, "é" * 3 * MAX_LENGTH, None, 3.5):
        assert key(s) == _key(s)


def test_key_is_lower_case_in_every_script() -> None:
    # casefold() turns Cherokee small letters into capitals (found by hypothesis)
    assert key("Ꭰ") == key("ꭰ") == "ꭰ"

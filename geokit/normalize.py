"""Place-name normalisation and parsing.

Three layers, each built on the one before:

* :func:`clean` makes a string safe to handle: Unicode NFKC, curly quotes made
  straight, control and zero-width characters removed, whitespace collapsed,
  length capped. Case and punctuation are kept.
* :func:`key` is the exact-match key: :func:`clean`, then case-folded, accents
  stripped, apostrophes dropped and every other punctuation mark turned into a
  space. "Kōhāt", "KOHAT" and "kohat" share a key.
* :func:`skeleton` is the variant key: the key with spaces removed and the
  transliteration rules of ``geokit/data/variants.tsv`` applied, so "Noshki"
  meets "Nushki" and "Jacob Abad" meets "Jacobabad".

:func:`parse` splits a place string as reports write it ("outskirts of Turbat",
"Quetta's Sariab area", "Sheikhan village, Bara tehsil", "Landi Kotal bazaar
(Khyber)") into the head name, its enclosing places and the qualifier words,
using ``geokit/data/qualifiers.tsv``. The tables are read on first use.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "MAX_LENGTH",
    "ParsedQuery",
    "Part",
    "clean",
    "key",
    "non_place_words",
    "parse",
    "skeleton",
]

#: Strings longer than this (after cleaning) are not place names.
MAX_LENGTH = 200

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u02bc": "'", "\u02bb": "'", "\u0060": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    }
)  # fmt: skip
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\ufeff]")
_SPACE = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]|_")
#: ASCII after lower-casing: apostrophes dropped, letters and digits kept, everything
#: else (punctuation, "_", whitespace, control characters) a space.
_ASCII_KEY = str.maketrans(
    {c: (None if chr(c) == "'" else chr(c) if chr(c).isalnum() else " ") for c in range(128)}
)


def clean(text: object) -> str:
    """Make a raw value safe to parse: NFKC, straight quotes, no control characters.

    Parameters
    ----------
    text
        Anything; ``None`` and NaN give ``""``, other non-strings their ``str``.

    Returns
    -------
    str
        The cleaned text, case and punctuation kept, at most ``MAX_LENGTH + 1``
        characters (so callers can tell it was cut).
    """
    if text is None or (isinstance(text, float) and text != text):
        return ""
    s = text if isinstance(text, str) else str(text)
    if len(s) > 4 * MAX_LENGTH:
        s = s[: 4 * MAX_LENGTH]
    if not s.isascii():
        s = unicodedata.normalize("NFKC", s).translate(_QUOTES)
    s = _CONTROL.sub(" ", s)
    s = _SPACE.sub(" ", s).strip()
    return s[: MAX_LENGTH + 1]


def _strip_accents(s: str) -> str:
    decomposed = unicodedata.normalize("NFKD", s)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def key(text: object) -> str:
    """Return the exact-match key of a name.

    Parameters
    ----------
    text
        A place name in any script.

    Returns
    -------
    str
        Case-folded, accent-free, apostrophes removed, other punctuation and
        runs of whitespace turned into single spaces. ``""`` if nothing is left.
    """
    if isinstance(text, str) and text.isascii() and len(text) <= MAX_LENGTH:
        s = text.lower()
        if s.replace(" ", "").isalpha():  # fast path: plain romanised names
            return " ".join(s.split()) if "  " in s or s[:1] == " " or s[-1:] == " " else s
        # ASCII with punctuation, digits or controls: the same steps as _key, in one table
        return " ".join(s.translate(_ASCII_KEY).split())
    s = clean(text)
    if s.isascii():
        return " ".join(s.lower().translate(_ASCII_KEY).split())
    # casefold() maps a few scripts' small letters to capitals (Cherokee: "ꭰ" -> "Ꭰ"); lower()
    # after it gives every script its small letters, so a key is always lower case
    s = unicodedata.normalize("NFKD", s.casefold().lower()).translate(_UNICODE_KEY)
    return " ".join(s.split())


class _KeyTable(dict[int, "int | None"]):
    """:meth:`str.translate` table for decomposed text, filled as characters are met.

    Combining marks and apostrophes are dropped, letters and digits kept, and
    every other character (punctuation, ``_``, whitespace) becomes a space: the
    character-wise steps of :func:`_key`, at C speed once a character is known.
    """

    def __missing__(self, c: int) -> int | None:
        ch = chr(c)
        out = None if unicodedata.combining(ch) or ch == "'" else c if ch.isalnum() else 32
        if len(self) < 20_000:  # bounded, whatever text comes in
            self[c] = out
        return out


_UNICODE_KEY = _KeyTable()


def _key(text: object) -> str:
    """:func:`key` without the ASCII shortcuts (the reference they must agree with)."""
    s = clean(text)
    if not s:
        return ""
    s = s.lower() if s.isascii() else _strip_accents(s.casefold().lower())
    s = s.replace("'", "")
    s = _PUNCT.sub(" ", s)
    return _SPACE.sub(" ", s).strip()


@cache
def _variant_rules() -> tuple[tuple[re.Pattern[str] | None, str, str], ...]:
    text = resources.files("geokit").joinpath("data/variants.tsv").read_text("utf-8")
    rules: list[tuple[re.Pattern[str] | None, str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, replacement = ([*line.split("\t"), ""])[:2]
        if re.escape(pattern) == pattern:
            rules.append((None, pattern, replacement))
        else:
            rules.append((re.compile(pattern), pattern, replacement))
    return tuple(rules)


def skeleton(k: str) -> str:
    """Return the transliteration-variant key of an exact-match key.

    Parameters
    ----------
    k
        A key from :func:`key`.

    Returns
    -------
    str
        Spaces and a lone izafat ("e", "i") removed and ``variants.tsv`` applied; ``""`` for keys that are
        not in Latin letters (the rules are for romanised names only).
    """
    # the Persian and Urdu izafat is written as its own word or left out: "Gulshan-e-Iqbal",
    # "Gulshan Iqbal"
    s = k.replace(" e ", " ").replace(" i ", " ").replace(" ", "") if " " in k else k
    if not s.isascii() or not s.isalpha():
        s = "".join(c for c in s if c.isalnum())
        if not s.isascii() or not s:
            return ""
    for rx, pattern, replacement in _variant_rules():
        s = rx.sub(replacement, s) if rx is not None else s.replace(pattern, replacement)
    return s


@dataclass(frozen=True, slots=True)
class Part:
    """One place mentioned in a query, with its qualifiers parsed off.

    Attributes
    ----------
    full
        Key of the part as written (qualifiers included), tried first, so that
        names such as "Jhelum Valley" that contain a qualifier word still match.
    name
        Key with the qualifier words removed.
    level
        ``"adm1"``, ``"adm2"``, ``"adm3"``, ``"populated"`` or ``"feature"``
        when a qualifier names the kind of place, else ``None``.
    relation
        ``"part"``, ``"near"`` or ``"facility"`` when the event was in part of,
        near, or at a building in the place; else ``None``.
    qualifiers
        The qualifier phrases that were removed, in the order found.
    """

    full: str
    name: str
    level: str | None = None
    relation: str | None = None
    qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParsedQuery:
    """A place string split into what the resolver needs.

    Attributes
    ----------
    text
        The cleaned input.
    head
        The most specific place named.
    parents
        Enclosing places, most specific first ("Sariab, Quetta" gives Quetta).
    between
        For "border between X and Y", the places named; ``head`` is the first.
    notes
        What was parsed off, in words, for the explanation.
    """

    text: str
    head: Part
    parents: tuple[Part, ...] = ()
    between: tuple[Part, ...] = ()
    notes: tuple[str, ...] = ()


@cache
def _qualifiers() -> tuple[tuple[tuple[str, ...], str, str], ...]:
    text = resources.files("geokit").joinpath("data/qualifiers.tsv").read_text("utf-8")
    out: list[tuple[tuple[str, ...], str, str]] = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        words, role, value = ([*line.split("\t"), "", ""])[:3]
        out.append((tuple(words.split()), role, value))
    out.sort(key=lambda q: -len(q[0]))
    return tuple(out)


@cache
def non_place_words() -> dict[str, str]:
    """Return the words that mark organisations, people and groups.

    Returns
    -------
    dict
        Normalised word (or phrase) to its kind: ``"organisation"``,
        ``"person"`` or ``"group"``; from ``geokit/data/non_places.tsv``.
    """
    text = resources.files("geokit").joinpath("data/non_places.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, kind = ([*line.split("\t"), ""])[:2]
        out[key(word)] = kind.strip()
    return out


def _strip_qualifiers(k: str) -> Part:
    tokens = k.split()
    level: str | None = None
    relation: str | None = None
    found: list[str] = []
    changed = True
    while changed and len(tokens) > 1:
        changed = False
        for words, role, value in _qualifiers():
            n = len(words)
            if len(tokens) <= n:
                continue
            if tuple(tokens[:n]) == words:
                tokens = tokens[n:]
            elif tuple(tokens[-n:]) == words:
                tokens = tokens[:-n]
            else:
                continue
            found.append(" ".join(words))
            if role == "level" and level is None:
                level = value
            elif role in ("part", "near", "facility"):
                # "near" outranks "part", which outranks a facility
                rank = {"facility": 0, "part": 1, "near": 2}
                if relation is None or rank[role] > rank[relation]:
                    relation = role
            changed = True
            break
    return Part(full=k, name=" ".join(tokens), level=level, relation=relation, qualifiers=tuple(found))


_PAREN = re.compile(r"\(([^()]*)\)")
_POSSESSIVE = re.compile(r"^(?P<outer>[^,']+?)'s\s+(?P<inner>.+)$", re.IGNORECASE)
_LINKS = frozenset({"in", "at", "of", "inside", "within"})
_NEAR_WORDS = frozenset({"near", "outside", "nearby"})
_SLASH = re.compile(r"^(?P<a>[^/,]{2,}?)\s*/\s*(?P<b>[^/,]{2,})$")
_BETWEEN = re.compile(r"\bbetween\s+(?P<a>.+?)\s+(?:and|&)\s+(?P<b>.+)$", re.IGNORECASE)


def parse(text: object) -> ParsedQuery:
    """Split a place string into head, enclosing places and qualifiers.

    Parameters
    ----------
    text
        A place string as a report writes it.

    Returns
    -------
    ParsedQuery
        ``head.name`` is ``""`` when nothing usable is left.

    Examples
    --------
    >>> p = parse("Quetta's Sariab area")
    >>> p.head.name, p.head.relation, [q.name for q in p.parents]
    ('sariab', 'part', ['quetta'])
    """
    s = clean(text)
    notes: list[str] = []
    parents: list[Part] = []
    between: tuple[Part, ...] = ()
    if not s:
        return ParsedQuery(text=s, head=Part(full="", name=""))

    for inner in _PAREN.findall(s):
        if key(inner):
            parents.append(_strip_qualifiers(key(inner)))
            notes.append(f"'({inner.strip()})' read as the enclosing place")
    s = _PAREN.sub(" ", s).strip(" ,")

    m = _BETWEEN.search(s) or _SLASH.search(s)
    if m:
        a, b = _strip_qualifiers(key(m["a"])), _strip_qualifiers(key(m["b"]))
        level = a.level or b.level
        a = Part(a.full, a.name, level, "near", a.qualifiers)
        b = Part(b.full, b.name, level, "near", b.qualifiers)
        between = (a, b)
        notes.append(f"'{m['a']}' and '{m['b']}': two places, the event lies between them")
        return ParsedQuery(
            text=clean(text), head=a, parents=tuple(parents), between=between, notes=tuple(notes)
        )

    pieces = [p for p in (x.strip() for x in s.split(",")) if p]
    if not pieces:
        return ParsedQuery(text=clean(text), head=Part(full="", name=""), notes=tuple(notes))
    head_text, outer = pieces[0], pieces[1:]
    m = _POSSESSIVE.match(head_text)
    if m:
        head_text = m["inner"]
        outer.insert(0, m["outer"])
        notes.append(f"'{m['outer']}'s' read as the enclosing place")
    head = _strip_qualifiers(key(head_text))
    tokens = head.name.split()
    while len(tokens) > 1 and tokens[0] in _LINKS:
        tokens = tokens[1:]
    for i, tok in enumerate(tokens[1:-1], start=1):
        if tok in _LINKS or tok in _NEAR_WORDS:
            inner = _strip_qualifiers(" ".join(tokens[:i]))
            if not inner.name:
                continue
            outer.insert(0, " ".join(tokens[i + 1 :]))
            notes.append(f"'{tok} {outer[0]}' read as the enclosing place")
            relation = inner.relation or head.relation
            if tok in _NEAR_WORDS:
                relation = "near"
            head = Part(
                head.full, inner.name, inner.level or head.level, relation, head.qualifiers + inner.qualifiers
            )
            break
    else:
        if tokens != head.name.split():
            head = Part(head.full, " ".join(tokens), head.level, head.relation, head.qualifiers)
    if head.qualifiers:
        notes.append("qualifier(s) " + ", ".join(repr(q) for q in head.qualifiers) + " parsed")
    enclosing = [_strip_qualifiers(key(o)) for o in outer if key(o)]
    # enclosing places from "Y, X" and "X's Y" come before those in brackets
    return ParsedQuery(
        text=clean(text), head=head, parents=tuple(enclosing + parents), between=between, notes=tuple(notes)
    )

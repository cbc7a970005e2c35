"""Road and route names between two places: "Quetta-Mastung highway", "Jamrud to Bara Road".

Such a string names no one place; its two ends do. :func:`road_ends` finds them in the text,
with the road words and the words linking the ends read from ``geokit/data/roads.tsv``;
:mod:`geokit.resolve.core` resolves each end and answers between them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["RoadName", "road_ends", "road_words"]

_DASHES = re.compile(r"[\-\u2010\u2011\u2012\u2013\u2014\u2015]")
_TOKENS = re.compile(r"[^\W_]+(?:'[^\W_]+)?|-")
#: The first end is at most this many words long, counted back from the link word.
MAX_END_WORDS = 4


@cache
def _words() -> dict[str, str]:
    text = resources.files("geokit").joinpath("data/roads.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            word, role = ([*line.split("\t"), ""])[:2]
            out[word.strip()] = role.strip()
    return out


@cache
def road_words() -> frozenset[str]:
    """Return the words for a road or route (role ``road`` in ``roads.tsv``): "highway", "road"."""
    return frozenset(w for w, role in _words().items() if role == "road")


@dataclass(frozen=True, slots=True)
class RoadName:
    """The two ends of a road written as "<first> <link> <second> <road word>".

    Attributes
    ----------
    first
        Readings of the first end, longest first: the words between the last lead word
        ("the", "of", "location") and the link, then ever shorter tails of them, since the
        text may begin with other words.
    second
        The second end, the words between the link and the road word.
    word
        The road word as written ("highway").
    """

    first: tuple[str, ...]
    second: str
    word: str


def road_ends(text: str) -> RoadName | None:
    """Find the two ends of a road name, or ``None`` when the text is not one.

    Parameters
    ----------
    text
        A place string ("Quetta-Mastung highway", "the Peshawar–Torkham road").

    Returns
    -------
    RoadName or None
        ``None`` unless a road word follows two names joined by a link word, and no lead word
        ("near", "in") follows the road word: the place it introduces is the answer then.
    """
    words = _words()
    tokens = _TOKENS.findall(_DASHES.sub(" - ", text.lower()))
    roads = [i for i, t in enumerate(tokens) if words.get(t) == "road"]
    for i in reversed(roads):
        if any(words.get(t) == "lead" for t in tokens[i + 1 :]):
            return None  # "... highway near Khuzdar": the place written after the road is the answer
        links = [j for j in range(1, i - 1) if words.get(tokens[j]) == "link"]
        if not links:
            continue
        j = links[-1]
        second = tokens[j + 1 : i]
        first = [t for t in tokens[max(0, j - MAX_END_WORDS) : j] if t != "-"]
        leads = [k for k, t in enumerate(first) if words.get(t) == "lead"]
        first = first[leads[-1] + 1 :] if leads else first
        if not first or not second or any(t == "-" for t in second):
            continue
        readings = tuple(" ".join(first[k:]) for k in range(len(first)))
        return RoadName(readings, " ".join(second), tokens[i])
    return None

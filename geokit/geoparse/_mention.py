"""A place mention as the geoparser carries it, and the sizes by which its readings are weighed.

Part of :mod:`geokit.geoparse`: every stage after matching reads and fills in a :class:`_Mention`.
It also holds the one test of a mention's form that both placement and the role rules read: whether
the place is one end of a road named after its two ends (:func:`_road_end`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from geokit.gazetteer import Match
from geokit.geoparse.matcher import Sentence
from geokit.resolve import Resolution
from geokit.resolve.roads import road_words

#: Populations by which the readings of a name are weighed (geonames populations)
_NAMED_TOWN = 5_000  # an institution is named after a place at least this populous (or a unit)
_FOREIGN_CITY = 100_000  # a namesake outside the focus must be at least this populous
_SEEN_CITY = 50_000  # ... or this, in a country the report names or has another place of ("Saravan", 60,000)
_WORLD_CITY = 1_000_000  # ... and this populous when the text uses an other name for it ("Mecca")

_EVENT_WINDOW = 40  # tokens either side of a place in which a word of violence counts: a wire lede runs
# to 40 words and more, and its verb of violence comes first ("A suicide bomber killed ... at the
# Gazargah mosque in the western Afghan city of Herat")


@dataclass
class _Mention:
    """A place name found in a sentence, its readings, and what the later stages decide about it."""

    text: str
    start: int
    end: int
    sent: Sentence
    i: int  # token span in the sentence
    j: int
    key: str
    country: str | None = None  # ISO2 of the chosen reading
    kind: str = ""  # "country", "adm1", ..., "town", or "unknown"
    matches: list[Match] = field(default_factory=list)
    res: Resolution | None = None
    role: str = "reference"
    rule: str = ""
    date: dt.date | None = None
    unit: str | None = None  # the admin-1 unit of the reading chosen, told to the resolver
    reported: str | None = None  # "reported" / "claimed" for a hedged incident
    query: str | None = None  # what to resolve when the text is not the name ("the Afghan capital")


#: The kind of unit a word after a name says it is ("Farah province", "Lower Dir district")
_UNIT_KINDS = {
    "province": "adm1",
    "governorate": "adm1",
    "state": "adm1",
    "region": "adm1",
    "district": "adm2",
}


def _unit_after(m: _Mention) -> str | None:
    """Return the kind of unit a word after the name says it is ("Farah province", "Lower Dir district")."""
    toks = m.sent.tokens
    return _UNIT_KINDS.get(toks[m.j].low) if m.j < len(toks) else None


#: How an apposition puts a name by the town after it: "near ", "outside ", "east of ", "some 40 km
#: north-west of " ("Koya, a town east of Erbil"); read by ``_find`` (is the name a place?) and
#: ``_placing`` (by which town?)
_BY_TOWN = (
    r"(?:(?:near|outside)\s+"
    r"|(?:(?:some|about)\s+)?(?:\d+\s*(?:km|kilometres|kilometers|miles)\s+)?"
    r"(?:(?:north|south)(?:-?(?:east|west))?|east|west)\s+of\s+)"
)
_SPECIFICITY = {"country": 0, "adm1": 1, "adm2": 2, "adm3": 3}
#: A city this populous spans districts and the towns of its own ("the Baldia area of Karachi",
#: "Orangi Town"): as a place it is no more specific than a district, and it holds what lies within
#: _METRO_KM of its point
_METRO = _WORLD_CITY
_METRO_KM = 40.0


def _metro(m: _Mention) -> bool:
    """Whether the mention's reading is a city of a million or more ("Karachi", "Kabul", "Tehran")."""
    p = m.res.place if m.res is not None else None
    return (
        p is not None
        and p.kind not in _SPECIFICITY
        and p.kind not in ("continent", "region")
        and p.population >= _METRO
    )


def _spec(m: _Mention) -> int:
    """Return how specific the mention's reading is: 0 for a country up to 4 for a town or a site."""
    if m.res is not None and m.res.place is not None:
        p = m.res.place
        if _metro(m):
            return 2
        if p.kind == "region":  # as specific as the finest unit holding it ("Waziristan": a province)
            return p.admin_level or 0
        return _SPECIFICITY.get(p.kind, 4)
    return _SPECIFICITY.get(m.kind, 4)


_DASH_GAPS = frozenset({"-", "\u2010", "\u2011", "\u2013", "\u2014"})


def _road_end(m: _Mention, text: str, words: Sequence[str]) -> bool:
    """Tell whether the place is one end of a road named after its two ends: "the Quetta–Karachi highway".

    The name says which road it is ("set up checkpoints on the Quetta–Karachi and Surab–Gidar
    roads"), not where anything happened; the road words are ``geokit/data/roads.tsv``'s.
    Further pairs joined by "and" may stand between the pair and the road word.
    """
    toks = m.sent.tokens
    n = len(toks)
    first = m.j < n and text[m.end : toks[m.j].start] in _DASH_GAPS
    if not first and not (m.i > 0 and toks[m.i - 1].cap and text[toks[m.i - 1].end : m.start] in _DASH_GAPS):
        return False
    road = road_words()

    def is_road(w: str) -> bool:
        return w in road or (w.endswith("s") and w[:-1] in road)

    def past_name(k: int) -> int:
        while k < n and toks[k].cap and not is_road(words[k]):
            k += 1
        return k

    k = past_name(m.j) if first else m.j  # the first end: past the second
    while k + 1 < n and words[k] in ("and", "or") and toks[k + 1].cap:
        k = past_name(k + 1)  # "... and Surab–Gidar roads": another pair
    return k < n and is_road(words[k])

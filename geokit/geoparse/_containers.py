"""Roles that one place gives another across the report.

Part of :mod:`geokit.geoparse`. A unit or country holding an incident place of the report is its
container, not a site of its own; the end of a journey that violence hit is the site when the
report names no other; a place named only to locate a reference holds no site.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from geokit.gazetteer import haversine_km
from geokit.geoparse._mention import _METRO_KM, _metro, _spec
from geokit.normalize import key

if TYPE_CHECKING:
    from geokit.geoparse._mention import _Mention


def _containers(mentions: Sequence[_Mention]) -> None:
    """Make an admin unit or country that holds a more specific incident place nearby a reference."""
    for m in mentions:
        if m.role == "reference" or _spec(m) >= 4:
            continue
        for o in mentions:
            if o is m or o.sent is not m.sent or o.role != "incident" or not _finer(o, m):
                continue
            if m.kind != "country" and o.country != m.country:
                continue
            if not _inside_unit(o, m):
                continue
            if m.kind == "country" and o.country != m.country:
                continue
            gap = m.i - o.j if m.i >= o.j else o.i - m.j
            apposition = m.i >= o.j and gap == 0 and _holds(m, o)  # "Lahore, Pakistan"
            if not apposition and (m.rule == "list" or (o.rule == "list" and gap <= 2)):
                continue  # siblings in a list, not a container
            # a country holds the incident places of its sentence however far apart they are
            # ("... in Zahedan ..., the unrest that has spread across Iran"), and so does a
            # metropolis named after a site within its reach locates it ("on PNS Mehran, the
            # main aviation base of the Pakistan Navy, in Karachi"; but "In Quetta, a grenade
            # killed two officers, and four attackers were shot dead in Sariab": two sites)
            if gap <= 8 or m.kind == "country" or (_metro(m) and m.i >= o.j):
                m.role, m.rule = "reference", "container"
                break


#: The last words of the names of waters ("the Helmand River", "the Arabian Sea", "the Amu Darya",
#: Persian "Rud"), and the rivers reports name bare ("the Indus")
_WATER_WORDS = frozenset({"river", "sea", "gulf", "darya", "rud"})
_WATERS = frozenset({"indus", "oxus"})


def _waters(mentions: Sequence[_Mention]) -> None:
    """Make a river or sea that a sentence names beside a site of its own a reference.

    "A protest against the canals on the Indus turned violent in Moro", "gains in Imam Sahib
    district, near the Amu Darya", "Bandar Lengeh, a port on the Persian Gulf coast": the water
    says where the site lies, or what a dispute is about; it is no site beside the town.
    """
    for m in mentions:
        if m.role != "incident" or not _water(m):
            continue
        if any(
            o.sent is m.sent and o.role == "incident" and _spec(o) > 1 and not _water(o) for o in mentions
        ):
            m.role, m.rule = "reference", "water"


def _water(m: _Mention) -> bool:
    """Whether a mention names a river or a sea."""
    words = m.sent.words[m.i : m.j]
    return bool(words) and (words[-1] in _WATER_WORDS or " ".join(words) in _WATERS)


def _finer(o: _Mention, m: _Mention) -> bool:
    """Whether ``o`` is more specific than ``m``: a district within a metropolis is ("Korangi, Karachi")."""
    if _spec(o) > _spec(m):
        return True
    return _metro(m) and _spec(o) == 2 and not _metro(o)


def _journey_sites(mentions: Sequence[_Mention]) -> None:
    """Make the end of a journey hit on its way the site when the report names no other town or district.

    "The bus was taking pupils to a school in Khuzdar when the car bomb struck it", with the lede
    giving only the province: the place the journey was bound for is the nearest the report
    comes to the site. "travelling to their camp at Dasu when the attacker struck", in a report
    whose lede places it in Shangla, stays a destination.
    """
    if any(m.role == "incident" and _spec(m) >= 2 for m in mentions):
        return
    for m in mentions:
        if m.rule == "journey":
            m.role = "incident"


def _report_containers(mentions: Sequence[_Mention], lede: int = 0) -> None:
    """Make a province or country incident a reference when a more specific incident of the report lies in it.

    "the deadliest bombing in the province of Punjab" in a report whose site is Wagah, a
    headline's "attack in Pakistan's Sindh" over a lede's Jacobabad: the province adds no
    site. A province stays the site when no incident of the report is inside it, or when it is
    told as the site of many ("attacks on pipelines spread across Balochistan", "clashes in
    several districts of Khyber Pakhtunkhwa") beside the towns the report names, or, after the
    lede, as the place of its sentence's violence when that sentence names no town in it (a
    lede's province is the one the report goes on to narrow: "struck a school bus in
    Balochistan" before "taking pupils to a school in Khuzdar"). ``lede`` is the lede's
    sentence index.
    """
    incidents = [m for m in mentions if m.role == "incident"]
    for m in incidents:
        if _metro(m) and _across_city(m, incidents):
            m.role, m.rule = "reference", "container"
            continue
        if _spec(m) > 1:
            continue
        if m.kind == "country" and any(o.sent is m.sent and _spec(o) > 0 for o in incidents if o is not m):
            # "... a pastor in the United States ... overran a compound in Mazar-i-Sharif": a
            # country named beside a site of its sentence is not one
            m.role, m.rule = "reference", "container"
            continue
        if m.kind != "country" and _told_widely(m):
            continue  # "attacks across Balochistan", "in several districts of Khyber Pakhtunkhwa"
        for o in incidents:
            if o is m or _spec(o) <= _spec(m) or o.country != m.country:
                continue
            if m.sent.index > lede and _own_site(m, incidents):
                continue
            if m.kind == "country" or _surely_inside(o, m):
                m.role, m.rule = "reference", "container"
                break


#: Words before a province that make it the site of many: "across Punjab", "towns of Punjab"; or
#: of one the report does not name: "killed in another attack elsewhere in Khyber Pakhtunkhwa"
_MANY_PLACES = frozenset(
    {"across", "throughout", "towns", "cities", "districts", "parts", "areas", "villages", "regions"}
    | {"elsewhere"}
)


def _across_city(m: _Mention, incidents: Sequence[_Mention]) -> bool:
    """Whether a metropolis told as the scene of many ("across Karachi") holds finer sites nearby.

    The city spans several districts: its own point would put the day's killings in the one
    district it falls in, while the report's neighbourhoods (North Nazimabad, Gulistan-e-Jauhar)
    are the sites.
    """
    words = m.sent.words
    if m.i < 1 or words[m.i - 1] not in ("across", "throughout"):
        return False
    p = m.res.place if m.res is not None else None
    return p is not None and any(
        o is not m
        and _finer(o, m)
        and o.res is not None
        and o.res.place is not None
        and haversine_km(p.lat, p.lon, o.res.place.lat, o.res.place.lon) <= _METRO_KM
        for o in incidents
    )


def _own_site(m: _Mention, incidents: Sequence[_Mention]) -> bool:
    """Whether the province is where its sentence's violence took place, with no town of its own.

    "At least two policemen were killed in Punjab in the first two days" in a report whose
    riot is in Lahore: the sentence puts its killings in the province, not in the town that
    another sentence names; "a bomb in Balochistan ... hit a market in Quetta" names the town.
    """
    words = m.sent.words
    return (
        m.kind in ("adm1", "region")
        and m.rule == "event-locative"
        and m.i >= 1
        and words[m.i - 1] in _WITHIN
        and not any(x.sent is m.sent and _spec(x) > 1 for x in incidents)
    )


#: The prepositions that put violence inside a province: "killed in Punjab", not "an attack on the
#: future of Balochistan"
_WITHIN = frozenset({"in", "inside", "within", "across", "throughout"})


#: Plural nouns of violence that a tally counts: "Ten of the attacks took place in Khyber Pakhtunkhwa"
_TALLIED = frozenset(
    {"attacks", "bombings", "blasts", "clashes", "killings", "incidents", "strikes", "explosions", "raids"}
)


def _told_widely(m: _Mention) -> bool:
    """Whether the province is told as the site of many: "across Punjab", "in several towns of Punjab".

    A tally's share of the events is told so too ("Ten of the attacks took place in Khyber
    Pakhtunkhwa", in a review that names one village of the province): the events it counts are
    spread over the province, not at the one site the report names in it.
    """
    words = m.sent.words
    if not _MANY_PLACES.isdisjoint(words[max(0, m.i - 3) : m.i]):
        return True
    return any(
        words[n] in _TALLIED and words[n - 1] == "the" and words[n - 2] == "of"
        for n in range(max(2, m.i - 6), m.i)
    )


def _surely_inside(o: _Mention, unit: _Mention) -> bool:
    """Whether place ``o`` is known to lie in the admin-1 unit ``unit``.

    A region of several districts counts as its province, where its reports are counted: a
    town of the province beside it in the report is the finer site ("the Makran region" over
    Buleda, in Kech).
    """
    up = unit.res.place if unit.res is not None else None
    op = o.res.place if o.res is not None else None
    return (
        up is not None
        and op is not None
        and up.kind in ("adm1", "region")
        and op.admin1 is not None
        and op.admin1 == up.admin1
    )


#: What lies between a place and the unit that locates it: "in", ", in", " district in", ", both
#: in" (after two towns), and a country's possessive before the unit ("in Pakistan's")
_LOCATING = re.compile(
    r",?\s*(?:(?i:district|province|division|tehsil|agency|region)\s+)?(?:(?:both|all)\s+)?in"
    r"(?:\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*['’]s)?\s*"
)


#: An apposition after a place that names the unit it heads or lies in: ", the capital of", ", the
#: provincial capital of", ", the main town of the", ", a city in"
_DESCRIBING = re.compile(
    r",\s*(?:the|a|an)\s+(?:[a-z-]+\s+){0,2}(?:capital|city|town|headquarters|centre|center)\s+(?:of|in)"
    r"(?:\s+the)?\s+"
)


#: The rules by which a place before a unit is a reference the unit only locates: a home
#: ("came from Poonch ... in Azad Kashmir"), a person's town ("Gianmarco Manca of Alghero in
#: Sardinia") or the place of another event ("revenge for the killing of 14 Taliban in Doaba in
#: Hangu district")
_LOCATED_RULES = frozenset({"ref-cue", "event-no-locative", "earlier-date", "past-year"})


def _reference_holders(mentions: Sequence[_Mention], text: str) -> None:
    """Make a unit that only locates the reference place right before it a reference too.

    "The dead soldiers came from Poonch, Neelum and Muzaffarabad in Azad Kashmir": the province
    says where the home towns lie, as "Khuzdar district" does for "Tootak, a village in
    Khuzdar District". A unit holding nothing but a reference adds no site.
    """
    for n, m in enumerate(mentions):
        if m.role != "incident" or m.kind not in ("", "adm1", "adm2") or n == 0:
            continue
        up = m.res.place if m.res is not None else None
        k = n - 1
        if mentions[k].kind == "country" and mentions[k].rule == "possessive" and k >= 1:
            k -= 1  # "Okara district in Pakistan's Punjab province": the country only names the unit's
        o = mentions[k]
        if up is None or up.kind not in ("adm1", "adm2") or o.sent is not m.sent or o.role != "reference":
            continue
        op = o.res.place if o.res is not None else None
        inside = (
            op is not None
            and (op.admin1 if up.kind == "adm1" else op.admin2) is not None
            and _inside_unit(o, m)
        )
        if inside and _DESCRIBING.fullmatch(text, o.end, m.start) is not None:
            # "In Peshawar, the capital of Khyber Pakhtunkhwa province, the minister said": the unit
            # only describes the place before it, whatever made that place a reference
            m.role, m.rule = "reference", "container"
            continue
        while k > 0 and mentions[k].rule == "list" and mentions[k - 1].sent is m.sent:
            k -= 1  # the list's head says what the list is: "from Poonch, Neelum and Muzaffarabad"
        located = mentions[k].rule in _LOCATED_RULES
        if inside and located and _LOCATING.fullmatch(text, o.end, m.start) is not None:
            m.role, m.rule = "reference", "container"


def _inside_unit(o: _Mention, unit: _Mention) -> bool:
    """Whether place ``o`` may lie in the admin unit ``unit`` (True when either is unknown).

    A metropolis is the exception: it holds only places within its reach, so never one that
    is placed nowhere.
    """
    up = unit.res.place if unit.res is not None else None
    op = o.res.place if o.res is not None else None
    if op is None and _metro(unit):
        return False  # a name placed nowhere ("Iraq's Kurdistan region") is in no city's reach
    if up is not None and op is not None and _metro(unit):
        # within reach of its point, or in a district named after it ("Malir Karachi", whose
        # point lies in its rural north, 40 km out)
        near = haversine_km(up.lat, up.lon, op.lat, op.lon) <= _METRO_KM
        return near or (op.admin2 is not None and key(up.name) in key(op.admin2).split())
    if up is not None and op is not None and up.kind == "adm3":
        # a tehsil lies in one district: "rockets at camps in Machh ... and at Mand", Mand's tehsil
        # in Kech holds nothing of Kachhi's
        return op.admin2 is None or up.admin2 is None or op.admin2 == up.admin2
    if up is None or op is None or up.kind not in ("adm1", "adm2"):
        return True
    have = op.admin1 if up.kind == "adm1" else op.admin2
    return have is None or have == (up.admin1 if up.kind == "adm1" else up.admin2)


def _holds(unit: _Mention, o: _Mention) -> bool:
    """Whether a country, admin-1 or metropolis mention is the unit the place before it lies in."""
    if unit.kind == "country":
        return o.country == unit.country
    if _metro(unit):  # "Orangi Town, Karachi"
        return _inside_unit(o, unit)
    up = unit.res.place if unit.res is not None else None
    op = o.res.place if o.res is not None else None
    return up is not None and op is not None and up.kind == "adm1" and op.admin1 == up.admin1

"""From a news report to incidents: find place mentions, decide their roles, build incidents.

Three stages, each explained in the output:

1. **Matching** (:mod:`._find`, :mod:`._forms`): capitalised runs of words that are a
   gazetteer or country name *as a whole*; organisations and people
   ("Faysal Bank", "Bashir Zeb Baloch") are longer runs and never match.
   A document-level country focus (the ``country`` argument, the countries
   the text names, and the countries of its unambiguous places) decides
   between namesakes (:mod:`._namesakes`); a small foreign namesake outside the focus is
   dropped. An unknown capitalised name right after "in/at/near/on" in a sentence
   about violence ("the police station in Sariab") is kept and placed at the
   nearest known town of the report (:mod:`._placing`).
2. **Roles**: each mention is ``incident`` or ``reference`` by the first rule
   that applies (:mod:`._evidence`, then the passes over the whole report here),
   recorded in ``rule`` (see :data:`RULES`). An incident told with
   a hedge ("reportedly", "allegedly", "claimed to have taken") stays an incident,
   as event datasets code it, and says so in ``reported`` (``reported`` or
   ``claimed``).
3. **Incidents**: one candidate per incident place (admin-2 unit where known)
   per day (:mod:`._dates`), with the sentence ids it came from and fatalities only where a
   sentence ties a number of dead to that place alone (:mod:`._deaths`).

Cue words live in ``geokit/data/geoparse_cues.tsv``.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from geokit.errors import InputError
from geokit.gazetteer import Gazetteer, Place
from geokit.geoparse._containers import (
    _containers,
    _journey_sites,
    _reference_holders,
    _report_containers,
    _told_widely,
    _waters,
)
from geokit.geoparse._dates import _MONTH_OF, _MONTH_WORDS, _WEEKDAY_WORDS, _number
from geokit.geoparse._deaths import _deaths
from geokit.geoparse._evidence import _hedge, _official_sites, _prev, _role, _statement_abroad
from geokit.geoparse._facts import _Facts, _facts
from geokit.geoparse._find import _find, _other_forms, _states_not_countries
from geokit.geoparse._forms import capital_names, neighbour_countries
from geokit.geoparse._mention import _Mention, _unit_after
from geokit.geoparse._namesakes import _COMPASS, _anchors, _choose, _focus, _keep
from geokit.geoparse._placing import (
    _filed_at_capital,
    _owned_by_country,
    _placed_at,
    _resolve,
    _resolve_mentions,
    _section_heading,
)
from geokit.geoparse._report import Report, dateline, dateline_date, header_date, heading_line, report_context
from geokit.geoparse._table import MENTION_COLUMNS, _dates, _frame, _parse_date, _with_admin
from geokit.geoparse._there import _there_sites
from geokit.geoparse.matcher import Cues, Run, Sentence, Token, cues, name_index, sentences
from geokit.normalize import key
from geokit.settings import get_settings, settings_stamp

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

__all__ = [
    "INCIDENT_COLUMNS",
    "MENTION_COLUMNS",
    "RULES",
    "parse_article",
    "read_article",
]

#: Why a role was given; the ``rule`` column holds one of these keys.
RULES = {
    "possessive": "the place is used possessively or attributively ('Sindh's minister', 'London-based')",
    "container": "an admin unit or country holding a more specific incident place of the report, "
    "a city of a million or more holding a place of its sentence within 40 km ('the Baldia area of "
    "Karachi'), or a country named beside a more specific site of its sentence",
    "list": "in a list with the place before it ('in Chabahar and Rask'), or a gapped item that "
    "shares its verb ('three were buried in Lahore, one in Okara'): the same role",
    "habitual": "the sentence, naming no day, describes a pattern or a state of things ('in recent "
    "months', 'repeatedly', 'groups operate along the coast', 'was at the time fighting', 'was once "
    "strongest', 'have been attacked' past the lede), or a tally since a month or a year ('have "
    "killed 50 in Kech since January') or over a span up to now past the lede ('has pressed "
    "offensives this year', 'have attacked posts over the past year')",
    "past-year": "the sentence is dated only by a year before the report's date (background)",
    "earlier-date": "the sentence's own days lie over a week before the report's, or it says 'last "
    "week', 'years ago', '... before.', names 'an earlier/previous attack', or, past the lede, opens "
    "with a weekday and tells its violence "
    "in the pluperfect ('On Saturday, a suicide bomber had struck ...') or sets it 'earlier' in the "
    "pluperfect ('gunmen had earlier attacked'); or the sentence opens by timing itself from the one "
    "before ('Hours later', 'The next day') and that one told another time; or the place is another "
    "event's that a span of time measures against the report's ('a day after a car bomb killed ... "
    "in Peshawar') and neither the title nor the lede names: an earlier or other event (background)",
    "future": "a time still to come opens the clause before the place ('due to be played in Lahore', "
    "'will travel to', 'next week') and no word of violence comes between: a plan, not an event",
    "description": "the place lies in a relative clause that says what something is (', whose "
    "flagship project is the port of Gwadar') and tells of no violence, or says where a named village "
    "is ('Zangara, a village near Ladha'), or only bounds a site with the place before it ('on the "
    "heights between Swat and Upper Dir')",
    "other-verb": "a verb that reports no violence governs the place ('spent in Dubai', 'closed the "
    "crossings at Torkham', 'treated at a hospital in Peshawar')",
    "name-part": "the place opens an institution's name or an office ('the Kentucky State Police', "
    "'Fargo Mayor'): a reference the news corpora count as a toponym",
    "abbreviation": "a state or province in a news agency's abbreviation ('Norman, Okla.', 'D-N.J.')",
    "road-end": "the place is one end of a road named after its two ends ('checkpoints on the "
    "Quetta–Karachi highway'): it names the road",
    "scope-note": "the place is in what a list's note on its scope leaves out ('target killings in "
    "Karachi ... are treated in separate articles'): named only",
    "recalled": "the place names an event told before as a reference ('After the Logar deaths, ...'): "
    "that earlier event, not a site",
    "dateline": "the place of a wire dateline ('QUETTA, Jan 31 (Reuters) -'): where the story was filed",
    "follow-up": "the title or lede tells an earlier event with a locative ('arrested three men over "
    "last month's bombing in Kohat'), not one of years ago, and the report names no site of its own "
    "days: the event it follows up",
    "dateline-site": "the dateline's town, when the report names no other site and its lede tells of "
    "violence (not a wire dateline's national capital: 'ISLAMABAD, May 5 (Reuters) -')",
    "lede-place": "the first town, district or province of the title or lede that no rule puts elsewhere "
    "(not a dateline, another time's event, a reaction, a place of officials or care, a verb of something "
    "else, a statement's subject or part of a name), when a "
    "report that tells of violence has no site finer than a country: a best guess, not a reading",
    "speech-after": "the place is the subject of a statement ('Kabul denied'): metonymy",
    "source": "the place is in an 'according to' phrase that tells no violence ('according to the "
    "Ministry of Defence in Kabul'): where the report's source sits",
    "reaction": "the place's first predicate is a reaction ('condemned', 'vowed'), a reaction follows "
    "the last word of violence before it ('the attack was condemned by ... the White House in "
    "Washington'), or officials are "
    "the subject of a fronted 'In X, ...': where people responded, not where it happened",
    "reaction-object": "a reaction takes the event as its object before the place ('condemned the killing "
    "in Islamabad', or a verb of judging with a long object: 'had condemned the deaths of seven "
    "civilians in an explosion ... in Kulgam') and the report has the place as no site before",
    "motive": "the place follows what the violence avenged ('shot to avenge what it called the "
    "persecution of Muslims in China's Xinjiang region'): the motive's place",
    "similar": "the place is that of an event the report compares with its own ('a similar raid on "
    "border posts at Arandu in 2011'): another event",
    "late": "a site first told past a long report's eighth sentence and its first three fifths, in a "
    "unit no earlier site of the report lies in: the report's background or the time's other violence "
    "(but not a round-up's item: "
    "'Separately, ...', 'Also on Saturday, ...', 'Later on Sunday, ...', 'In the west of the country, ...', "
    "'In Kapisa province, ...', 'In central Ghazni province, ...', 'Near Naudero, ...', a "
    "sentence with 'also', dated by a weekday alone, or one opening 'On Friday' under a lede that counts "
    "separate events over a week)",
    "far-country": "a site told past the lede in a country that is neither the report's (the one holding "
    "most of its sites, or of two as many the one of its first site) nor its neighbour, or the only "
    "place it names in a neighbouring country (its sentence not naming that country), outside a "
    "round-up's item: where soldiers came home to, where a strike was sent from, another conflict the "
    "report compares",
    "other-country": "a whole country taken as a site while every finer site of the report lies in other "
    "countries: it names a side, not a place of the event",
    "water": "a river or sea its sentence names beside a site of its own ('canals on the Indus ... turned "
    "violent in Moro'): it says where the site lies",
    "where-event": "the place is followed by a 'where ...' clause describing violence, and is no "
    "distance's far end ('330 km south-west of Islamabad, where ...' tells of the place set there) "
    "and no journey's end ('sent on to a trauma centre in Quetta, where ...')",
    "ref-cue": "a preposition or phrase of origin, destination or distance precedes it",
    "ref-head": "'<officials/hospital/statement...> in X': a place of reaction or care",
    "destination": "the place ends a phrase headed by 'to' or 'from' ('travelling to their camp near the "
    "dam site at Dasu'): a destination or origin",
    "journey": "the place ends a journey that violence hit on its way ('taking pupils to a school in "
    "Khuzdar when a car bomb struck'): the site when the report names no other town or district",
    "background": "the sentence describes the place ('X, the main town of...'), or concedes it "
    "('could still strike despite the offensives in Swat')",
    "section": "the sentence is under an encyclopedia article's heading of what led to the event or "
    "followed it ('Background', 'Aftermath', 'Reactions')",
    "no-event": "no word of violence near the place",
    "there": "put at the place by a preposition in a sentence with no word of violence, whose next "
    "sentence, naming no place, tells violence 'there' ('the operation was launched in Jani Khel. "
    "Two militants were killed there')",
    "event-locative": "a word of violence nearby and 'in/at/near/on...' before the place, or before "
    "the plural noun a colon goes on from ('in three towns: Gujrat, ...')",
    "person": "the name is the subject of a passive that only people undergo ('Shah Faisal was killed', "
    "'... were wounded'): a person named like a place",
    "event-subject": "the place opens a sentence about violence, is the subject of its word of violence "
    "('Mastung came under attack'), or stands in a dated entry's head ('- 2 September, Bajar, Sardasht "
    "county: guards opened fire ...')",
    "event-no-locative": "a word of violence nearby but no locative preposition",
    "event-official": "violence struck an official named after the place ('the convoy of the governor of "
    "Laghman province'), and the sentence names no other site",
}

INCIDENT_COLUMNS = [
    "place",
    "lat",
    "lon",
    "precision",
    "date",
    "event_type",
    "description",
    "fatalities",
    "source",
    "country",
    "admin1",
    "admin2",
    "admin2_pcode",
    "mentions",
    "mention_starts",
    "sentences",
    "reported",
]

_MAX_CHARS = 20_000_000
_NOT_LETTER = re.compile(r"[\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_NOT_LATIN = re.compile(r"[^A-Za-z]+")


# ----------------------------------------------------------------------------- input
def read_article(path: str) -> str:
    """Read an article file as text, refusing binary and non-UTF-8 files with a clear message.

    Parameters
    ----------
    path
        A plain-text file.

    Returns
    -------
    str

    Raises
    ------
    InputError
        If the file is missing, binary, or not UTF-8/cp1252 text.
    """
    from pathlib import Path

    p = Path(path)
    if not p.is_file():
        raise InputError("file not found", path=str(p))
    raw = p.read_bytes()
    if b"\x00" in raw[:8192]:
        raise InputError("looks like a binary file, not the text of an article", path=str(p))
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1252 decodes almost anything
        raise InputError("not UTF-8 text", path=str(p))
    ctrl = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if ctrl > 0.05 * max(1, min(len(text), 8192)):
        raise InputError("looks like a binary file, not the text of an article", path=str(p))
    return text.replace("\r\n", "\n").replace("\r", "\n")


#: Forms whose places get their roles from the role rules: an attack on "Karachi University" or
#: in "the Afghan capital" is an attack there.
_READ_FORMS = frozenset({"facility", "capital", "sector"})


# ----------------------------------------------------------------------------- API
_RECHECK = 1.0  # seconds between two looks at the default gazetteer's sources
_DEFAULT: list[tuple[tuple[object, ...], float, Gazetteer]] = []


def _default_gazetteer() -> Gazetteer:
    """Return :meth:`Gazetteer.default`, asked again only when a second has passed or settings changed.

    ``Gazetteer.default`` stats its source files on every call to notice a
    change; on a stream of articles that costs a tenth of the parse. Building the
    settings costs a few per cent more, so within the second only what they are
    made from is compared (:func:`geokit.settings.settings_stamp`).
    """
    stamp = settings_stamp()
    now = time.monotonic()
    if _DEFAULT and _DEFAULT[0][0] == stamp and now - _DEFAULT[0][1] < _RECHECK:
        return _DEFAULT[0][2]
    gaz = Gazetteer.default(settings=get_settings())
    _DEFAULT[:] = [(stamp, now, gaz)]
    return gaz


def _text_notes(text: str, sents: list[Sentence], pub: dt.date | None) -> list[str]:
    """Return the notes on the text itself: empty, no words, not in Latin script, no date."""
    notes: list[str] = []
    sample = text[:5000]
    if not text.strip():
        notes.append("empty text: no places, no incidents")
    elif not _LETTER.search(sample):
        notes.append("no words in the text: no places, no incidents")
    elif not sample.isascii():  # ASCII letters are all Latin: only other text needs counting
        letters = len(_NOT_LETTER.sub("", sample))  # counted by deleting the rest: no list of letters
        if len(_NOT_LATIN.sub("", sample)) < 0.6 * letters:
            notes.append("the text is mostly not in Latin script; geokit reads English reports only")
    if pub is None and sents:
        notes.append(
            "no publication date (no 'Date:'/'Published' line, no --date): days such as "
            "'on Saturday' are left without a date"
        )
    return notes


# ----------------------------------------------------------------------------- roles
def _give_roles(
    mentions: list[_Mention],
    text: str,
    c: Cues,
    sents: Sequence[Sentence],
    report: Report,
) -> dict[int, list[_Mention]]:
    """Give every mention its role and the rule that decided it, in text order; hedge the incidents.

    ``report`` (:func:`~geokit.geoparse._report.report_context`) holds the report's date, else
    the first day written in full in it: a year or a day in a sentence is measured against it;
    with neither, a dateline's month is the report's month; its ``Title:`` line tells which
    events the report covers. Returns the mentions of each sentence, by sentence index.
    """
    by_sentence: dict[int, list[_Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sent.index, []).append(m)
    done: dict[int, tuple[str, str]] = {}
    facts: dict[int, _Facts] = {}
    sites: set[str] = set()
    told: set[str] = set()  # the keys of the places told so far
    dated: set[str] = set()  # the keys of places told as the place of an event of another year
    homes: set[str] = set()  # the countries of the sites so far
    line = dateline(text)
    for m in mentions:
        m.role, m.rule = done[id(m)] = _role(m, by_sentence[m.sent.index], text, c, report, done, facts)
        if m.rule == "reaction-object" and m.key in sites:
            # "condemned the attack in Kabul" in a report whose event is in Kabul: the attack's place
            m.role, m.rule = done[id(m)] = "incident", "event-locative"
        elif m.role == "incident" and m.key in told and m.key not in sites and _recalls_event(m, c):
            m.role, m.rule = done[id(m)] = "reference", "recalled"
        elif m.role == "incident" and m.key in dated and m.key not in sites and not _own_time(m.sent):
            # "the 2008 Mumbai attacks ... Six Americans were among the dead in Mumbai": the
            # earlier event again, told with no time of its own
            m.role, m.rule = done[id(m)] = "reference", "recalled"
        elif (
            m.role == "incident"
            and m.key not in sites
            and _those_events(m, facts[m.sent.index], by_sentence, done)
        ):
            # "... a bombing in Zahedan, and last Saturday gunmen struck a base in Nikshahr. Both of
            # those attacks took place in Sistan-Baluchestan": the earlier attacks told again
            m.role, m.rule = done[id(m)] = "reference", "recalled"
        elif (
            m.role == "incident"
            and m.key not in sites
            and (
                _later_than_told(m, facts[m.sent.index], by_sentence, done)
                or _speaker_goes_on(m, facts, sents, c, text, by_sentence, done)
            )
        ):
            m.role, m.rule = done[id(m)] = "reference", "earlier-date"
        elif (
            m.role == "incident"
            and homes
            and (m.country not in homes or _seat_of_state(m))
            and m.key not in sites
            and _statement_abroad(m, facts[m.sent.index], text, c)
        ):
            # "In Rome, the foreign ministry confirmed that an Italian citizen had been kidnapped":
            # news of the report's event, told in another country than its sites so far, or in the
            # capital ("In Kabul, the interior ministry's spokesman said a gunman had fired on ...")
            m.role, m.rule = done[id(m)] = "reference", "reaction"
        if m.rule == "past-year" and m.res is not None:
            dated.add(m.key)
        told.add(m.key)
        if m.role == "incident" and (line is None or not line[0] <= m.start < line[1]):
            sites.add(m.key)  # the dateline's town is where the story was filed, no site
            if m.country is not None:
                homes.add(m.country)
            m.reported = _hedge(m, facts[m.sent.index])
    return by_sentence


def _seat_of_state(m: _Mention) -> bool:
    """Whether the mention is its country's capital, where a government's statements are made."""
    if m.res is None or m.res.place is None or m.res.place.is_admin or m.country is None:
        return False
    capital = capital_names().get(m.country)
    return capital is not None and key(capital) == key(m.res.place.name)


def _facility_sites(
    mentions: Sequence[_Mention], holders: set[int], by_sentence: dict[int, list[_Mention]], text: str
) -> None:
    """Read the places that name a facility ("the Peshawar High Court", "the Khyber Bazaar").

    A facility named after a place is in that place unless the text puts it in a town of
    another unit (:func:`_facility_city`): then the town is the site, and every other mention
    of the same facility in the report names it only. A facility in a sentence whose site lies
    elsewhere only bears the name.
    """
    named: set[tuple[str, str]] = set()  # (place, facility word) of facilities put in another town
    for m in mentions:
        city = (
            _facility_city(m, by_sentence[m.sent.index], text)
            if id(m) in holders and m.role == "incident"
            else None
        )
        if city is not None:
            # "Peshawar's Khyber Bazaar", "the Khyber Bazaar of Peshawar": the city holds the bazaar
            # that bears the other place's name
            city.role, city.rule, city.reported = m.role, m.rule, m.reported
            m.role, m.rule, m.reported = "reference", "name-part", None
            named.add(_facility_of(m))
    for m in mentions:
        if (
            id(m) in holders
            and m.role == "incident"
            and (_facility_of(m) in named or _sited_elsewhere(m, by_sentence[m.sent.index]))
        ):
            # "found near the Bagh Bazaar Government School" in a sentence whose site is Pasni: the
            # bazaar bears the name, the sentence says where it is
            m.role, m.rule, m.reported = "reference", "name-part", None
        if id(m) in holders and m.role == "reference":
            m.rule = "name-part"  # "the Peshawar High Court": named, not hit


def _facility_of(m: _Mention) -> tuple[str, str]:
    """Return the place a facility is named after and the facility's word ("khyber", "bazaar")."""
    toks = m.sent.tokens
    return m.key, toks[m.j].low if m.j < len(toks) else ""


def _facility_city(m: _Mention, same: Sequence[_Mention], text: str) -> _Mention | None:
    """Return the town that holds a facility named after another place ("Peshawar's Khyber Bazaar").

    The town is the possessor right before the name, follows the facility's word with "of"
    ("the Khyber Bazaar of Peshawar"), or ends an apposition after it ("the Khyber Bazaar, one
    of the busiest markets of Peshawar"); a town of another unit than the namesake's only.
    """
    toks = m.sent.tokens
    here = _unit_of(m)
    k = m.j  # the facility's word
    for o in same:
        place = o.res.place if o.res is not None else None
        if o is m or place is None or place.is_admin or _unit_of(o) == here:
            continue
        possessor = o.j + 1 == m.i and toks[o.j].low == "s"
        of_town = o.i == k + 2 and toks[k + 1].low == "of"
        apposition = (
            k + 3 <= o.i <= k + 9
            and "," in text[toks[k].end : toks[k + 1].start]
            and toks[o.i - 1].low in ("of", "in")
            and not any(t.cap for t in toks[k + 1 : o.i])
        )
        if possessor or of_town or apposition:
            return o
    return None


def _sited_elsewhere(m: _Mention, same: Sequence[_Mention]) -> bool:
    """Whether another incident place of the sentence lies in another unit than the facility's namesake."""
    here = _unit_of(m)
    return any(
        o is not m and o.role == "incident" and (u := _unit_of(o)) is not None and u != here for o in same
    )


_RECALLING = frozenset({"after", "since", "following", "before", "despite"})


def _recalls_event(m: _Mention, c: Cues) -> bool:
    """'After the Logar deaths, ...': the place names, as an attribute, an event the report told before."""
    toks = m.sent.tokens
    return (
        m.i >= 2
        and m.j < len(toks)
        and toks[m.i - 1].low == "the"
        and toks[m.i - 2].low in _RECALLING
        and (c.has("event", toks[m.j].low) or c.has("death", toks[m.j].low))
    )


#: Words that point an event noun back at attacks told before: "those attacks", "both attacks"
_POINTING = frozenset({"those", "these", "both"})
_POINTING_TOO = _POINTING | {"the"}  # before a number: "the two attacks"
_FEW = frozenset({"two", "three"})
#: The roles of places of attacks told as another time than the report's
_OTHER_TIME_RULES = frozenset({"earlier-date", "past-year", "background", "similar"})


def _those_events(
    m: _Mention, f: _Facts, by_sentence: dict[int, list[_Mention]], done: dict[int, tuple[str, str]]
) -> bool:
    """Whether every word of violence of the sentence points back at the other attacks just told.

    "Both of those attacks took place in Sistan-Baluchestan province": "those" takes the attacks
    of the sentence before, whose places were of another time (``_OTHER_TIME_RULES``); the
    province is theirs.
    """
    words = f.words
    pointed = [
        n >= 1
        and (words[n - 1] in _POINTING or (n >= 2 and words[n - 1] in _FEW and words[n - 2] in _POINTING_TOO))
        for n in f.events
    ]
    return bool(pointed) and all(pointed) and _told_before_of_other_time(m, by_sentence, done)


def _told_before_of_other_time(
    m: _Mention, by_sentence: dict[int, list[_Mention]], done: dict[int, tuple[str, str]]
) -> bool:
    """Whether the places of the sentence before the mention's are all of another time than the report's."""
    before = by_sentence.get(m.sent.index - 1, [])
    rules = [done[id(o)] for o in before if id(o) in done]
    return (
        bool(rules)
        and all(role == "reference" for role, _ in rules)
        and any(rule in _OTHER_TIME_RULES for _, rule in rules)
    )


#: Spans by which a sentence's opening measures its event forward from the one told before it
_LATER_SPANS = frozenset({"minutes", "moments", "hours", "hour", "days", "day", "weeks", "week"})
#: Openings that put a sentence's event on the day or night of the one told before it
_SAME_TIME = frozenset(
    {("that", "night"), ("that", "evening"), ("that", "afternoon"), ("the", "next"), ("the", "following")}
)


def _later_opening(words: Sequence[str]) -> bool:
    """Whether the sentence opens by measuring its time from the event told before it.

    "Hours later", "Two days later", "Later that day", "The next day", "That night": the
    sentence's event is of the same time as the last one told, whatever that was.
    """
    head = words[:4]
    if "later" in head:
        n = head.index("later")
        return n == 0 or head[n - 1] in _LATER_SPANS
    return tuple(head[:2]) in _SAME_TIME


def _later_than_told(
    m: _Mention, f: _Facts, by_sentence: dict[int, list[_Mention]], done: dict[int, tuple[str, str]]
) -> bool:
    """Whether the sentence goes on from another time the sentence before it told.

    "On April 22 a suicide bomber killed some 60 people in Kabul. Hours later a roadside bomb in
    Pul-e-Khumri killed five more": with no time of its own, the second sentence is of the
    first's day, an earlier one than the report's, so its places are of that time too.
    """
    return (
        _later_opening(f.words) and not _own_time(m.sent) and _told_before_of_other_time(m, by_sentence, done)
    )


#: Subjects by which a sentence goes on with the speaker of the sentence before it
_SPEAKER_PRONOUNS = frozenset({"he", "she", "they"})
#: Verbs that make a sentence a statement someone made
_SAYING = frozenset({"said", "told", "stated", "announced", "added", "claimed", "says"})


def _speaker_goes_on(
    m: _Mention,
    facts: dict[int, _Facts],
    sents: Sequence[Sentence],
    c: Cues,
    text: str,
    by_sentence: dict[int, list[_Mention]],
    done: dict[int, tuple[str, str]],
) -> bool:
    """Whether the sentence goes on with a statement the sentence before it dates before the report.

    "At his first news conference last month, the army's spokesman said 293 people had been
    killed over the year. He put the toll at 192 in Khyber Pakhtunkhwa and 80 in Balochistan":
    "He" is the speaker of the sentence before, whose statement was made "last month"; with no
    time of its own, the second sentence tells the same statement, and its places are its
    tally's. A sentence before that tells a site of the report, or names a day, keeps the rule
    out. ``facts`` holds what was read from each sentence; the one before is read once.
    """
    n = m.sent.index
    f = facts[n]
    if n == 0 or not f.words or f.words[0] not in _SPEAKER_PRONOUNS or f.day is not None or _own_time(m.sent):
        return False
    before = sents[n - 1]
    if _SAYING.isdisjoint(before.words) or any(
        done.get(id(o), ("",))[0] == "incident" for o in by_sentence.get(n - 1, [])
    ):
        return False
    told = facts.get(n - 1)
    if told is None:
        told = facts[n - 1] = _facts(before, c, text)  # a sentence naming no place was not read yet
    return bool(told.earlier) and told.day is None


#: A long report's sentences from this one on tell its event's background and other attacks of
#: the time more often than new sites of it (writers' real-style reports, dev splits)
_LATE_SENTENCE = 8
# a report tells its own news first and its background last: in a long round-up the sentences
# before its last two fifths still tell its items (measured on the realstyle dev splits: the
# share 0.6 scored best of 0.4-0.8)
_LATE_SHARE = 0.6


def _unit_of(m: _Mention) -> tuple[str, str] | None:
    place = m.res.place if m.res is not None else None
    if place is None:
        return None
    return place.country, place.admin2 or place.admin1 or place.name


def _own_time(s: Sentence) -> bool:
    """Whether a sentence names a time of its own: a weekday, a month or a year."""
    return any(
        t.low in _WEEKDAY_WORDS
        or (t.cap and t.low in _MONTH_WORDS)
        or (len(t.text) == 4 and t.text.isdigit())
        for t in s.tokens
    )


def _late_sites(
    mentions: Sequence[_Mention],
    c: Cues,
    period: tuple[tuple[int, int], ...] | None = None,
    listed: frozenset[int] = frozenset(),
    tally: bool = False,
    total: int = 0,
) -> None:
    """Make a site first told late in a long report, in a unit no earlier site lies in, a reference.

    Past the eighth sentence and the first three fifths of its ``total`` sentences, a report
    recounts earlier attacks, the week's other violence and the campaign around its event
    (before that, a long round-up still tells its items); a unit it names there for the first
    time is seldom one of its event's sites. A sentence that opens as a round-up's item (cue
    kind ``roundup``: "In a separate incident, ...") tells news of its own, and keeps its
    sites; so does a sentence dated in the month a review covers (``period``: "on September
    22" in a review of September published in October), and an entry of a list of incidents
    under its day's heading or opened by its day (``listed``).
    """
    early = {  # a province told early as a site stays one when a finer site in it took its place
        u
        for m in mentions
        if (m.role == "incident" or m.rule == "container")
        and m.sent.index < _LATE_SENTENCE
        and (u := _unit_of(m))
    }
    # a province told early as the site of many ("across Punjab", "in several towns of Punjab"):
    # the report goes on to tell its towns one by one, however late
    wide = {
        (m.res.place.country, m.res.place.admin1)
        for m in mentions
        if (m.role == "incident" or m.rule == "container")
        and m.sent.index < _LATE_SENTENCE
        and m.res is not None
        and m.res.place is not None
        and m.res.place.kind == "adm1"
        and _told_widely(m)
    }
    cut = max(_LATE_SENTENCE, int(_LATE_SHARE * total))
    for m in mentions:
        if (
            m.role == "incident"
            and m.sent.index >= cut
            and m.kind != "country"
            and _own_time(m.sent)
            and not _roundup(m.sent, c)
            and not _fronted_this_week(m)
            and not _also_this_week(m.sent, tally)
            and not (period is not None and _in_review_month(m.sent, period))
            and m.sent.index not in listed
        ):
            u = _unit_of(m)
            place = m.res.place if m.res is not None else None
            if place is not None and (place.country, place.admin1) in wide:
                continue
            if u is not None and u not in early:
                m.role, m.rule, m.reported = "reference", "late", None


def _far_sites(mentions: Sequence[_Mention], c: Cues, lede: int) -> None:
    """Make a site in a country far from the report's own, or a whole country beside it, a reference.

    The report's country is the one holding most of its sites (of two holding as many, the one
    of its first site). Past the lede, a site in a country that is neither that one nor its
    neighbour (GeoNames' borders) is where soldiers came home to, where a strike was sent
    from, or a conflict the report compares with its own, and so is the one place a report
    names in a neighbouring country ("the attackers had trained in Jalalabad" in a Quetta
    report), unless its sentence names that country too, telling violence across the border
    ("jets struck hideouts in Afghanistan's Kunar province"); a round-up's item ("Elsewhere,
    ...") is news of its own and stays. A whole country taken as a site while every finer site
    of the report lies in other countries names a side, not a place of the event ("killed two
    of the attackers in Afghanistan" in a report of a raid in Bajaur).
    """
    sites = [m for m in mentions if m.role == "incident" and m.country is not None]
    if not sites:
        return
    counts = Counter(m.country for m in sites if m.country is not None)
    # of two countries holding as many sites, the report's is the one of its first site: a report
    # tells its own event first ("a roadside bomb killed three soldiers near Gumbad" before the
    # statement of the Department of National Defence in Ottawa)
    first = {h: min(m.start for m in sites if m.country == h) for h in counts}
    home = max(counts, key=lambda h: (counts[h], -first[h]))
    near = {home} | neighbour_countries().get(home, frozenset())
    places = Counter(m.country for m in mentions if m.country is not None and m.kind != "country")
    finer = {m.country for m in sites if m.kind != "country"}
    for m in sites:
        if (
            m.sent.index > lede
            and (
                m.country not in near
                or (m.country != home and places[m.country] == 1 and not _named_beside(m, mentions))
            )
            and not _roundup(m.sent, c)
        ):
            m.role, m.rule, m.reported = "reference", "far-country", None
        elif m.kind == "country" and finer and m.country not in finer:
            m.role, m.rule, m.reported = "reference", "other-country", None


def _named_beside(m: _Mention, mentions: Sequence[_Mention]) -> bool:
    """Whether the place's sentence names its country too: "in Afghanistan's Kunar province"."""
    return any(o.sent is m.sent and o.kind == "country" and o.country == m.country for o in mentions)


def _in_review_month(s: Sentence, period: tuple[tuple[int, int], ...]) -> bool:
    """Whether the sentence is dated in the months a review covers ("on September 22" in its September)."""
    months = {_MONTH_OF[t.low] for t in s.tokens if t.cap and t.low in _MONTH_OF}
    years = {int(t.text) for t in s.tokens if len(t.text) == 4 and t.text.isdigit()}
    return bool(months) and months <= {mo for _y, mo in period} and years <= {y for y, _mo in period}


#: Prepositions that open a round-up's item by where it happened
_FRONTED = frozenset({"in", "near"})
#: Words that may come between a fronted "In" and its place: "In central Ghazni province", "In the
#: northern province of Balkh", "Near the eastern city of Jalalabad"
_PLACE_PHRASE = _COMPASS | {"the", "of", "city", "town", "village", "area", "valley", "capital", "provincial"}


def _fronted_this_week(m: _Mention) -> bool:
    """Whether the sentence opens with "In <the place>" or "Near <the place>", dated by a weekday only.

    A wire round-up gives each of the week's other attacks a paragraph of its own: "In Kapisa
    province, ... troops fought Taliban insurgents on Friday night", "Near Naudero, ...
    protesters attacked a passenger train on Friday".
    """
    words = m.sent.words
    return (
        m.i >= 1
        and all(w in _PLACE_PHRASE for w in words[1 : m.i])
        and words[0] in _FRONTED
        and any(w in _WEEKDAY_WORDS for w in words)
        and _no_year_or_month(m.sent)
    )


#: Plural nouns a round-up's lede counts its places or events by: "across four provinces"
_COUNTED = frozenset(
    {"provinces", "districts", "cities", "towns", "areas", "incidents", "attacks", "clashes"}
)
#: Words by which a lede spans several days: "this week", "over the weekend"
_DAYS_SPAN = frozenset({"week", "weekend"})


def _tallied_lede(sents: Sequence[Sentence], lede: int) -> bool:
    """Whether the lede counts separate events or places over several days.

    "Six police officers lost their lives in separate clashes across four provinces this week":
    the report goes on to tell each day's item, "On Thursday another officer died ...".
    """
    words = [w for s in sents[: lede + 1] for w in s.words]
    if _DAYS_SPAN.isdisjoint(words):
        return False
    return "separate" in words or any(
        b in _COUNTED and (a in ("several", "multiple") or _number(a) is not None) for a, b in pairwise(words)
    )


def _also_this_week(s: Sentence, tally: bool = False) -> bool:
    """Whether the sentence adds news of the week with "also", dated by a weekday alone.

    "Heavy fighting was also reported on Thursday in the northern province of Balkh": no year
    and no month, as a round-up's items are; a weekday in a holiday's name ("the Easter Sunday
    bombing") dates nothing. Under a lede that counts separate events over a week (``tally``:
    "in separate clashes across four provinces this week"), a sentence that opens with its
    weekday needs no "also": "On Friday a police captain was killed in Khuzestan".
    """
    words, toks = s.words, s.tokens
    fronted = len(words) >= 2 and words[0] == "on" and words[1] in _WEEKDAY_WORDS  # "On Friday a captain ..."
    return (
        ("also" in words or (tally and fronted))
        and any(w in _WEEKDAY_WORDS and not (n >= 2 and toks[n - 1].cap) for n, w in enumerate(words))
        and _no_year_or_month(s)
    )


def _no_year_or_month(s: Sentence) -> bool:
    """Whether the sentence names no year and no month (a capitalised month name)."""
    return not any(
        (len(t.text) == 4 and t.text.isdigit()) or (t.cap and t.low in _MONTH_WORDS) for t in s.tokens
    )


def _roundup(s: Sentence, c: Cues) -> bool:
    """Whether a sentence opens as a round-up's item: "Separately, ...", "In a separate incident, ..."."""
    return (
        s.words[0] in c.firsts("roundup")
        and c.finder("roundup").match(" " + " ".join(s.words) + " ") is not None
    )


def _followup_sites(mentions: Sequence[_Mention], lede: int, c: Cues) -> bool:
    """Make the lede's places of an earlier event the sites when the report names none of its own days.

    A follow-up (an inquiry, arrests, a verdict) is about an event it tells again with an
    earlier date: "held officials responsible for last month's raid on the central prison in
    Bannu". When no place of the report is a site, the places the title or lede puts that event
    in (through a locative, not "into" or "from") are its sites. Return whether any was made one.
    """
    if any(m.role == "incident" for m in mentions):
        return False
    made = False
    for m in mentions:
        if m.rule != "earlier-date" or m.sent.index > lede:
            continue
        p = _prev(m, [o for o in mentions if o.sent is m.sent], c)
        word = m.sent.tokens[p].low if p >= 0 else ""
        if m.j < len(m.sent.words) and c.has("ref_place", m.sent.words[m.j]):
            continue  # "died of her wounds in a Stockholm hospital": where the wounded were cared for
        if _years_ago(m.sent.words):
            continue  # "acquitted ... of staging the killing ... in Karachi five years ago": history
        if c.has("locative", word) and word not in _NOT_SITE_LOCATIVES:
            m.role, m.rule = "incident", "follow-up"
            made = True
    return made


def _years_ago(words: Sequence[str]) -> bool:
    """Whether a sentence dates something years back: "five years ago", "a decade ago"."""
    return any(
        w == "ago" and n >= 1 and words[n - 1] in ("years", "decade", "decades") for n, w in enumerate(words)
    )


#: Locatives that tell of movement or a vantage, not of where the told event happened
_NOT_SITE_LOCATIVES = frozenset({"into", "out", "over"})


def _dateline_site(mentions: Sequence[_Mention], c: Cues, text: str) -> None:
    """Make the dateline's town the site when the report names no other and its lede tells of violence.

    "QUETTA: At least ten people were killed when a suicide bomber blew himself up in the
    emergency ward of the Civil Hospital": a paper's report on its own city names the city only
    in the dateline. A wire dateline's national capital ("ISLAMABAD, May 5 (Reuters) - Five
    soldiers were killed ...") is where the agency filed news of the whole country, not a site.
    """
    if any(m.role == "incident" for m in mentions):
        return
    line = [m for m in mentions if m.rule == "dateline" and m.kind not in ("country", "continent")]
    if len(line) != 1 or any(m.sent is line[0].sent and m.rule != "dateline" for m in mentions):
        return  # "LAHORE: A court sentenced six men for the lynching in Sialkot": the lede names its place
    if _filed_at_capital(line[0], dateline(text), text):
        return
    if any(c.has("event", t.low) for t in line[0].sent.tokens):
        line[0].role, line[0].rule = "incident", "dateline-site"


#: Rules that put a place where the report's event is not, whatever else it names: where the story
#: was filed, another time's event, a reaction, a place of officials or care, a verb of something else
_ELSEWHERE = frozenset(
    {
        "dateline",
        "speech-after",
        "name-part",
        "abbreviation",
        "possessive",
        "earlier-date",
        "past-year",
        "future",
        "reaction",
        "reaction-object",
        "source",
        "recalled",
        "similar",
        "motive",
        "person",
        "ref-head",
        "other-verb",
        "scope-note",
    }
)


def _lede_site(mentions: Sequence[_Mention], c: Cues, text: str, sents: Sequence[Sentence], at: int) -> bool:
    """Make the first place of the title or lede the site when the rules found none finer than a country.

    A report of violence is about somewhere. When the rules find no town, district or province
    of it a site ("Gunmen killed six guests at a wedding in northwestern Pakistan ... The party
    had gathered near a farmhouse outside Charsadda"), the first such place its title or lede
    (sentences up to ``at``) names is the likeliest one, unless a rule has put it elsewhere
    (``_ELSEWHERE``). This is a guess from the report's shape, and its rule says so; on the
    project's frozen reports such places were far more often sites than not. A name the
    gazetteer lacks is left alone (it may be a person's). Return whether a site was made.
    """
    if any(m.role == "incident" and m.kind not in ("country", "continent") for m in mentions):
        return False
    if not any(_facts(s, c, text).events for s in sents if any(c.has("event", t.low) for t in s.tokens)):
        return False  # no violence anywhere ("a general strike shut markets"): a report of something else
    for m in mentions:
        if m.sent.index > at or m.kind in ("country", "continent", "unknown") or m.rule in _ELSEWHERE:
            continue
        if m.res is not None and m.res.place is not None:
            m.role, m.rule = "incident", "lede-place"
            return True
    return False


def _dateline_references(mentions: list[_Mention], text: str, pub: dt.date | None) -> list[str]:
    """Make every mention in the dateline a reference; return a note when it has no year to go by."""
    line = dateline(text)
    if line is None:
        return []
    for m in mentions:
        if line[0] <= m.start < line[1]:
            m.role, m.rule = "reference", "dateline"
    if pub is None and line[2]:
        return [
            "the dateline gives a month and day but no year: days such as 'on Saturday' "
            "are left without a date (give --date)"
        ]
    return []


#: "this northwestern city", "the Afghan capital" (a demonym's capital is a form of its own):
#: a determiner, up to three describing words, and a head word for a town
_ANAPHOR_HEADS = frozenset({"city", "town", "capital"})


def _is_town(m: _Mention) -> bool:
    """Whether a mention is read as a town or city (not a unit, a country or an unknown name)."""
    return (
        m.res is not None
        and m.res.place is not None
        and not m.res.place.is_admin
        and m.kind not in ("country", "continent", "unknown")
    )


def _dateline_anaphors(
    mentions: list[_Mention], text: str, sents: Sequence[Sentence], c: Cues
) -> list[_Mention]:
    """Return mentions of the dateline's town by a noun in its paragraph ("in this northwestern city").

    Wire services name the town once, in the dateline, and then write "this city", "the
    city" or "the capital" in the lede. Such a phrase, in the dateline's paragraph, with no
    name after it ("the city of Bannu", "the capital, Kabul"), is a mention of that town, or of
    another town its sentence named before it ("shut its office in Jalalabad after attackers
    stormed its compound in the eastern city").
    """
    line = dateline(text)
    if line is None:
        return []
    town = next((m for m in mentions if line[0] <= m.start < line[1] and _is_town(m)), None)
    if town is None:
        return []
    out: list[_Mention] = []
    for s in sents:
        if s.paragraph != town.sent.paragraph:
            continue
        toks = s.tokens
        for n, t in enumerate(toks):
            if t.text not in _ANAPHOR_HEADS or (s is town.sent and t.start < line[1]):
                continue
            a = n - 1
            while a >= 0 and n - a <= 3 and toks[a].low not in ("this", "the") and toks[a].text.isalpha():
                if toks[a].cap and toks[a].low not in c.countries:
                    break  # a name before the head: "Quetta city"; "the Afghan capital" is a form
                a -= 1
            if a < 0 or toks[a].low not in ("this", "the"):
                continue
            after = text[t.end : t.end + 2]
            if (n + 1 < len(toks) and toks[n + 1].low == "of") or after.startswith(("'s", "\u2019s")):
                continue  # "the city of Bannu", "the city's hospital"
            if n + 1 < len(toks) and toks[n + 1].cap and text[t.end : toks[n + 1].start].strip() in ("", ","):
                continue  # "the capital, Kabul", "the provincial capital Mazar-i-Sharif": the name follows
            if any(o.start < t.end and toks[a + 1].start < o.end for o in mentions):
                continue
            if any(o.sent is s and text[o.end : toks[a].start].strip() == "," for o in mentions):
                continue  # "in Rawalpindi, the garrison city next to the capital": it tells of Rawalpindi
            named = [
                o
                for o in mentions
                if o.sent is s and o.end <= toks[a].start and _is_town(o) and o.key != town.key
            ]
            if t.low != "capital" and named:
                # "shut its office in Jalalabad after attackers stormed its compound in the eastern
                # city": the town just named, not the dateline's ("the provincial capital" still is
                # the dateline's, as capitals are few)
                ref = named[-1]
            else:
                # the determiner too: "in this city" reads like "in Peshawar"
                ref = _province_told(mentions, town, t.start) if toks[n - 1].low == "provincial" else town
            out.append(_anaphor(text, s, a, n + 1, ref))
    return out


#: Nouns by which a section takes up the unit its heading names, with the kinds of unit each fits
_UNIT_ANAPHORS: dict[str, tuple[str, ...]] = {
    "district": ("adm2", "adm3"),
    "agency": ("adm2",),
    "province": ("adm1",),
}


def _bare_unit_noun(
    text: str, toks: Sequence[Token], n: int, c: Cues, passing: bool = False
) -> tuple[str, ...] | None:
    """Return the kinds of unit "the <noun>" at ``n`` may take up ("in the district"), else ``None``.

    The noun follows a locative (or, with ``passing``, "through") and "the", and no name follows
    it: "the district of Bajaur", "the province Balochistan" and "the district's police" name
    or own something else.
    """
    kinds = _UNIT_ANAPHORS.get(toks[n].text)
    if kinds is None or n < 2 or toks[n - 1].low != "the":
        return None
    if not (c.has("locative", toks[n - 2].low) or (passing and toks[n - 2].low == "through")):
        return None
    if (n + 1 < len(toks) and (toks[n + 1].low == "of" or toks[n + 1].cap)) or text.startswith(
        ("'s", "\u2019s"), toks[n].end
    ):
        return None
    return kinds


def _heading_anaphors(
    mentions: list[_Mention], text: str, sents: Sequence[Sentence], c: Cues, gaz: Gazetteer
) -> list[_Mention]:
    """Return mentions of a section heading's unit by a noun under it ("in the district").

    A district-by-district digest names each unit once, in a heading line of its own, and its
    entries write "the district" or "the province" ("Bajaur / - 9 June: Police said they beat
    back an assault on one of their checkposts in the district"). Such a noun after a locative
    and "the", with no name after it, in the section the heading opens, is a mention of the
    heading's unit when the noun fits its kind; a heading read as a town ("Bannu") stands for the
    district named after it.
    """
    headings = [
        o
        for o in mentions
        if o.i == 0
        and o.j == len(o.sent.tokens)
        and o.res is not None
        and o.res.place is not None
        and heading_line(text[o.sent.start : o.sent.end].strip(), len(o.sent.tokens))
    ]
    if not headings:
        return []
    out: list[_Mention] = []
    for s in sents:
        toks = s.tokens
        for n, t in enumerate(toks):
            kinds = _bare_unit_noun(text, toks, n, c)
            if kinds is None:
                continue
            a = n - 1  # "the": the mention reads like "in Bajaur"
            ref = next((o for o in reversed(headings) if o.start < toks[a].start), None)
            if ref is None or ref.res is None or ref.res.place is None:
                continue
            unit = ref.res.place if ref.res.place.kind in kinds else _unit_named_by(ref, kinds, gaz)
            if unit is None:
                continue
            m = _anaphor(text, s, a, n + 1, ref)
            if _section_heading(m, headings, text) is ref:
                if unit is not ref.res.place:
                    why = f"{m.text!r} under the heading {ref.text!r}: the {t.text} named after the town"
                    m.res = _placed_at(m, unit, 3, why)
                out.append(m)
    return out


def _sentence_unit_anaphors(
    mentions: list[_Mention], text: str, sents: Sequence[Sentence], c: Cues, taken: Sequence[_Mention]
) -> list[_Mention]:
    """Return mentions by a noun ("through the district") of a unit an office's title named before it.

    "The police chief of Garmser district ... was driving through the district late Sunday when
    the bomb exploded": the office names the district, the phrase after it puts the violence
    there. The noun follows a locative (or "through") and "the", has no name after it, and fits
    the kind of the unit named before it in the sentence as an office's ("the police chief of
    Garmser district"); phrases a section heading took (``taken``) are left to it.
    """
    out: list[_Mention] = []
    spans = {(a.sent.index, a.i) for a in taken}
    by_sentence: dict[int, list[_Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(m.sent.index, []).append(m)
    for k, same in by_sentence.items():
        toks = sents[k].tokens
        if _UNIT_ANAPHORS.keys().isdisjoint(sents[k].words):
            continue
        for n in range(len(toks)):
            kinds = _bare_unit_noun(text, toks, n, c, passing=True)
            if kinds is None or (k, n - 1) in spans:
                continue
            ref = next(
                (
                    o
                    for o in reversed(same)
                    if o.j <= n - 1
                    and o.i >= 2
                    and toks[o.i - 1].low == "of"
                    and o.res is not None
                    and o.res.place is not None
                    and _unit_after(o) in kinds
                ),
                None,
            )
            if ref is not None and any(c.has("title", w.low) for w in toks[max(0, ref.i - 4) : ref.i - 1]):
                out.append(_anaphor(text, sents[k], n - 1, n + 1, ref))
    return out


def _unit_named_by(ref: _Mention, kinds: tuple[str, ...], gaz: Gazetteer) -> Place | None:
    """Return the district a heading read as a town is named for: "Bannu" over "... in the district"."""
    place = ref.res.place if ref.res is not None else None
    if place is None or "adm2" not in kinds or place.admin2 is None or key(place.admin2) != ref.key:
        return None
    return next(
        (p for p in gaz.lookup(place.admin2) if p.kind == "adm2" and p.country == place.country),
        None,
    )


def _anaphor(text: str, s: Sentence, i: int, j: int, ref: _Mention) -> _Mention:
    """Return the mention of ``ref``'s place by the words ``i:j`` of sentence ``s`` ("this city")."""
    toks = s.tokens
    start, end = toks[i].start, toks[j - 1].end
    return _Mention(
        text[start:end],
        start,
        end,
        s,
        i,
        j,
        ref.key,
        ref.country,
        ref.kind,
        list(ref.matches),
        ref.res,
        unit=ref.unit,
    )


def _province_told(mentions: Sequence[_Mention], town: _Mention, before: int) -> _Mention:
    """Return the province whose capital "the provincial capital" is: the last one named before it.

    "KABUL, Oct 15 (AFP) - The governor of Afghanistan's Logar province was killed ... at the
    main mosque in the provincial capital": Logar's capital, not the dateline's town. With no
    province named, or the town's own, it is the dateline's town.
    """
    told = [
        m
        for m in mentions
        if m.start < before and m.res is not None and m.res.place is not None and m.res.place.kind == "adm1"
    ]
    if not told:
        return town
    last = max(told, key=lambda m: m.start)
    own = town.res.place.admin1 if town.res is not None and town.res.place is not None else None
    place = last.res.place if last.res is not None else None
    return town if place is None or (place.country, place.admin1) == (town.country, own) else last


def _incident_deaths(
    mentions: list[_Mention],
    sents: list[Sentence],
    by_sentence: dict[int, list[_Mention]],
    text: str,
    c: Cues,
) -> dict[int, int | None]:
    """Return the deaths of each sentence with an incident, counted once however many mentions."""
    deaths: dict[int, int | None] = {}
    for m in mentions:
        if m.role == "incident" and m.sent.index not in deaths:
            deaths[m.sent.index] = _deaths(m.sent, c, text)
            nxt = sents[m.sent.index + 1] if m.sent.index + 1 < len(sents) else None
            if nxt is not None and nxt.paragraph == m.sent.paragraph and nxt.index not in by_sentence:
                # a count in the next sentence of the paragraph, naming no place, belongs to this
                # one: "... a grenade in Hub on Thursday. No one was killed." gives 0; "... killing
                # four militants. One soldier was also killed." adds to the count
                more = _deaths(nxt, c, text)
                own = deaths[m.sent.index]
                if own is None:
                    deaths[m.sent.index] = more
                elif more and any(t.low == "also" for t in nxt.tokens):
                    deaths[m.sent.index] = own + more
    return deaths


def parse_article(
    text: str,
    *,
    date: str | dt.date | None = None,
    country: str | None = None,
    boundaries: str | gpd.GeoDataFrame | None = None,
    gazetteer: Gazetteer | None = None,
) -> pd.DataFrame:
    """Find the place mentions of an article, resolve them and give each a role.

    Parameters
    ----------
    text
        The article; header lines ``Title:``, ``Date:``, ``Source:`` are read
        (the date) and skipped.
    date
        Publication date (``YYYY-MM-DD``); overrides the ``Date:`` header.
        Needed to turn "on Saturday" into a date.
    country
        ISO2 code of the report's focus country; guessed from the text if not given.
    boundaries
        A boundary dataset name ("PAK:ADM2") or layer: adds ``admin1``,
        ``admin2`` and ``admin2_pcode`` from it for the places inside it.
    gazetteer
        Defaults to :meth:`Gazetteer.default` (whose sources are checked again
        at most once a second while the settings stay the same).

    Returns
    -------
    pandas.DataFrame
        One row per mention (:data:`MENTION_COLUMNS`), in text order. Notes on
        the input (no date, no place found, probably not English) are in
        ``df.attrs["geokit"]["notes"]``; the date and focus used are there too.

    Raises
    ------
    InputError
        If ``text`` is not a string, or ``date`` or ``country`` is malformed.
    """
    if not isinstance(text, str):
        raise InputError(f"text must be a str, not {type(text).__name__}")
    if country is not None and not re.fullmatch(r"[A-Za-z]{2}", country):
        raise InputError(f"country must be an ISO 3166-1 alpha-2 code such as PK, not {country!r}")
    pub = _parse_date(date) if date is not None else (header_date(text) or dateline_date(text))
    notes: list[str] = []
    if len(text) > _MAX_CHARS:
        notes.append(f"text longer than {_MAX_CHARS:,} characters: only the start was read")
        text = text[:_MAX_CHARS]
    gaz = gazetteer or _default_gazetteer()
    c = cues()
    sents = sentences(text) if text.strip() else []
    notes += _text_notes(text, sents, pub)
    idx = name_index(gaz)
    misses: list[Run] = []
    found = _find(text, sents, idx, c, misses)
    others = _other_forms(text, sents, misses, found, idx, c)
    found = [m for m in found if not any(o.start < m.end and m.start < o.end for o in others)]
    demonyms = [c.countries[t.low] for s in sents for t in s.tokens if t.cap and t.low in c.countries]
    _states_not_countries(found, idx)
    holders = {id(o) for o in others if o.rule == "facility"}  # places holding a facility named after them
    found += [o for o in others if o.rule in _READ_FORMS]
    found.sort(key=lambda m: m.start)
    others = [o for o in others if o.rule not in _READ_FORMS]
    focus, home, seen = _focus([*found, *others], country, demonyms, dateline(text))
    if not focus and gaz.home_country:  # nothing to go on: the boundary layer's country
        focus, home = {gaz.home_country}, gaz.home_country
    anchors = _anchors([*found, *others], focus)._replace(seen=seen)
    # a facility is named after a place of the report's own countries or a world city: "Bolton
    # Market" in Karachi is a market's name, not Bolton in England; "Kabul University" is in Kabul
    _owned_by_country(found, text)
    mentions: list[_Mention] = []
    told: set[str] = set()  # names kept so far: a sentence may open with one ("Sumy lies ...")
    for m in found:
        if _keep(m, text, c, focus, anchors, holders, m.key in told):
            mentions.append(m)
            told.add(m.key)
    others = [o for o in others if o.rule != "name-part" or _choose(o, focus, anchors)]
    _resolve_mentions(mentions, gaz, text, c, home)
    for o in others:
        o.res = _resolve(o, gaz, o.text if o.rule == "name-part" else o.key, None)
    anaphors = _dateline_anaphors(mentions, text, sents, c) + _heading_anaphors(mentions, text, sents, c, gaz)
    anaphors += _sentence_unit_anaphors(mentions, text, sents, c, anaphors)
    if anaphors:
        mentions = sorted([*mentions, *anaphors], key=lambda m: m.start)
    report = report_context(text, sents, pub)
    by_sentence = _give_roles(mentions, text, c, sents, report)
    if anaphors:
        # an anaphor tells something new only as the site: "in this northwestern city" is the
        # dateline's city hit; as a reference it repeats the dateline
        dropped = {id(a) for a in anaphors if a.role != "incident"}
        mentions = [m for m in mentions if id(m) not in dropped]
        for k in list(by_sentence):
            by_sentence[k] = [m for m in by_sentence[k] if id(m) not in dropped]
            if not by_sentence[k]:
                del by_sentence[k]
    _official_sites(by_sentence, c, text)
    _there_sites(by_sentence, sents, c, text)
    _facility_sites(mentions, holders, by_sentence, text)
    notes += _dateline_references(mentions, text, pub)
    _journey_sites(mentions)
    _containers(mentions)
    _waters(mentions)
    _report_containers(mentions, report.lede_at)
    _reference_holders(mentions, text)
    # the month of the days a report on a count covers is a review's month too
    period = report.period or (((report.covers[0].year, report.covers[0].month),) if report.covers else None)
    _late_sites(mentions, c, period, report.listed, _tallied_lede(sents, report.lede), len(sents))
    _far_sites(mentions, c, report.lede)
    _dateline_site(mentions, c, text)
    if _followup_sites(mentions, report.lede, c) or _lede_site(mentions, c, text, sents, report.lede):
        _containers(mentions)
        _report_containers(mentions, report.lede_at)
    _dates(mentions, pub)
    if sents and not mentions:
        notes.append("no place names found")
    deaths = _incident_deaths(mentions, sents, by_sentence, text, c)
    frame = _frame(sorted([*mentions, *others], key=lambda m: m.start), text, deaths)
    if boundaries is not None and len(frame):
        frame = _with_admin(frame, boundaries)
    frame.attrs["geokit"] = {
        "notes": notes,
        "date": pub.isoformat() if pub else None,
        "focus": sorted(focus),
        "sentences": len(sents),
    }
    return frame

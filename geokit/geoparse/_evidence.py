"""Evidence in a sentence for the role of a place mention: incident site or reference.

Part of :mod:`geokit.geoparse`; the cue words are in ``geokit/data/geoparse_cues.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from geokit.geoparse._dates import _MONTH_WORDS, _number
from geokit.geoparse._facts import (
    _BE_FORMS,
    _CLAUSE_BREAK,
    _DETERMINERS,
    _Facts,
    _facts,
    _motive,
    _phrase_starts,
)
from geokit.geoparse._mention import _EVENT_WINDOW, _UNIT_KINDS, _road_end, _spec
from geokit.geoparse._report import _day_opener
from geokit.geoparse._tense import (
    _IRREGULAR_PAST,
    _before_that,
    _dated_away,
    _dated_name,
    _dated_since,
    _earlier_covers,
    _in_period,
    _in_record_since,
    _is_year,
    _other_event,
    _perfect_for_duration,
    _perfect_over_span,
    _perfect_passive,
    _perfect_relative,
    _perfect_since_then,
    _perfect_state,
    _pluperfect_before,
    _pluperfect_earlier,
    _span_after,
    _span_before_event,
    _weekday_pluperfect,
)
from geokit.geoparse.matcher import Cues, Token

if TYPE_CHECKING:
    from geokit.geoparse._mention import _Mention
    from geokit.geoparse._report import Report


# ----------------------------------------------------------------------------- roles


def _prev(m: _Mention, others: Sequence[_Mention], c: Cues) -> int:
    """Index of the first word before the mention that is not a filler ("in the port city of")."""
    toks = m.sent.tokens
    starts = {o.j: o.i for o in others if o is not m}
    p = m.i - 1
    while p >= 0:
        w = toks[p].low
        if w == "s" and p >= 1 and p in starts.keys() | {p}:  # "Balochistan's Kachhi"
            q = p - 1
            if q + 1 in starts:
                p = starts[q + 1] - 1
                continue
        if w == "s" and p >= 2 and toks[p - 1].low in _UNIT_KINDS and p - 1 in starts:
            p = starts[p - 1] - 1  # "in Punjab province's Rahim Yar Khan district"
            continue
        if w == "s" and p >= 2 and toks[p - 1].low in _POSSESSOR_NOUNS and toks[p - 2].low in ("the", "this"):
            p -= 3  # "in the capital's F-11 sector", "in the city's Saddar area": the city told before
            continue
        back = _before_possessor(toks, p, starts, c) if "s" in (toks[p - 1].low, toks[p - 2].low) else None
        if back is not None:
            p = back
            continue
        if c.has("transparent", w) or c.has("demonym", w):
            p -= 1
            continue
        if (
            (_number(w) is not None or w in _QUANTIFIERS)
            and p + 1 < m.i
            and c.has("transparent", toks[p + 1].low)
        ):
            # "in at least six districts of Khyber Pakhtunkhwa", "across several towns of Sindh"
            p -= 1
            if p >= 1 and (toks[p - 1].low, toks[p].low) in _BOUNDS:
                p -= 2
            continue
        if w == "them" and p >= 1 and toks[p - 1].low == "among":
            p -= 2  # "in several parts of the province, among them Karor": the list's own noun governs
            continue
        if p >= 1 and words_are_np(toks[p - 1].low, w, c):  # "the riverine area of"
            p -= 1
            continue
        if (
            p >= 1
            and p + 1 < m.i
            and toks[p + 1].low in _PLACE_NOUNS
            and (c.has("transparent", toks[p - 1].low) or c.has("demonym", toks[p - 1].low))
            and words_are_np("the", w, c)
        ):
            p -= 1  # "in the Pakistani garrison city of", "the northwestern tribal district of"
            continue
        if p + 1 < m.i and toks[p + 1].low == "of" and (np := _noun_phrase_start(toks, p, c)) is not None:
            p = np  # "near the cattle market of Jacobabad", "the main railway station of"
            continue
        if toks[p].cap and p + 1 < m.i and toks[p + 1].low == "of" and c.has("event", w):
            return p + 1  # "the Second Battle of Swat", "the Siege of Jalalabad": the event's "of" governs
        if (
            (toks[p].cap or toks[p].text.isdigit())
            and p not in starts
            and not c.has("locative", w)  # a sentence's first word: "In the eastern province of"
            and any(t.low == "of" for t in toks[p + 1 : m.i])
        ):
            # "in Sector I-8/3 of Islamabad", "the Wazir Akbar Khan district of Kabul": a named part
            # that is no place of its own (only fillers lie between it and the place); what governs
            # it governs the place
            while p >= 0 and (toks[p].cap or toks[p].text.isdigit()) and p not in starts:
                if c.has("locative", toks[p].low):
                    break
                p -= 1
            continue
        break
    return p


#: Nouns for a kind of place or a part of one, after which "of" names it: "the Pakistani garrison
#: city of Rawalpindi" (the nouns of the transparent cues, without their adjectives and compass points)
_PLACE_NOUNS = frozenset(
    {
        "city", "town", "village", "district", "province", "port", "capital", "centre", "center",
        "heart", "edge", "area", "suburb", "outskirts", "sector", "neighbourhood", "neighborhood",
        "cities", "towns", "villages", "districts", "provinces", "areas", "suburbs", "parts",
    }
)  # fmt: skip


#: Nouns for a place told before whose possessive names a part of it: "the capital's F-11 sector"
_POSSESSOR_NOUNS = frozenset({"capital", "city", "town", "province", "district", "port", "valley", "region"})


#: Words of amount before a plural unit noun: "in several districts of"
_QUANTIFIERS = frozenset({"several", "many", "some", "few", "various", "numerous", "dozens", "scores"})
#: Bounds before a number: "in at least six districts of"
_BOUNDS = frozenset({("at", "least"), ("more", "than"), ("up", "to"), ("fewer", "than"), ("as", "many")})


def _before_possessor(toks: Sequence[Token], p: int, starts: dict[int, int], c: Cues) -> int | None:
    """Return the word before a place whose possessive the adjectives ending at ``p`` follow.

    "Lahore's leafy Model Town": one or two adjectives between a place's possessive and a name
    are fillers (``starts`` maps a mention's end to its start). They must be plain adjectives:
    "Pakistan's government in Islamabad" has a head noun and a preposition between, and the
    possessive is read as it stands.
    """
    if p + 1 >= len(toks) or not toks[p + 1].cap:
        return None
    for s_at in (p - 1, p - 2):
        if (
            s_at >= 1
            and toks[s_at].low == "s"
            and s_at in starts
            and all(
                not t.cap
                and t.low.isalpha()
                and not c.has("locative", t.low)
                and not c.has("ref_head", t.low)
                and not c.has("stop", t.low)
                for t in toks[s_at + 1 : p + 1]
            )
        ):
            return starts[s_at] - 1
    return None


def _noun_phrase_start(toks: Sequence[Token], p: int, c: Cues) -> int | None:
    """Return the article that opens a noun phrase of two or three filler words ending at ``p``.

    "the cattle market [of]", "the main railway station [of]": the words after the article
    are lower-case and no cue of place, reference or violence (:func:`words_are_np`).
    """
    for k in (2, 3):
        d = p - k + 1
        if d >= 1 and all(
            not toks[n].cap and words_are_np(toks[d - 1].low, toks[n].low, c) for n in range(d, p + 1)
        ):
            return d - 1
    return None


def words_are_np(det: str, word: str, c: Cues) -> bool:
    """Whether ``det word`` opens a noun phrase of filler words ("the riverine [area of]")."""
    return (
        det in ("the", "a", "an")
        and word.isalpha()
        and not (
            c.has("locative", word)
            or c.has("ref_before", word)
            or c.has("ref_head", word)
            or c.has("ref_place", word)
            or c.has("event", word)
        )
    )


def _named_part(m: _Mention, same: Sequence[_Mention], words: Sequence[str]) -> bool:
    """'Karachi's upmarket Defence Housing Authority': a town's own named part, not its attribute.

    After a town's possessive (not a country's or a province's), a capitalised name that is no
    place of its own, behind at most two lower-case words, is a part of the town: the town is
    where it lies, and the rules go on to read the town like any place.
    """
    if m.kind in ("country", "continent") or _spec(m) <= 1:
        return False
    toks = m.sent.tokens
    starts = {o.i for o in same}
    k = m.j + 1 if m.j < len(toks) and toks[m.j].low == "s" else m.j  # the tokenizer splits "'s" off
    for n in range(k, min(k + 3, len(toks))):
        if toks[n].cap:
            return n not in starts
    return False


_DAMAGE = frozenset({"destroyed", "damaged", "flattened", "wrecked"})


def _no_violence(f: _Facts, c: Cues) -> bool:
    """Tell whether only a disaster's deaths and damage are told ('an earthquake near Khoy killed three')."""
    return f.disaster and all(c.has("death", f.words[n]) or f.words[n] in _DAMAGE for n in f.events)


def _event_ahead(m: _Mention, f: _Facts) -> int:
    """Return the last word of violence ahead of the place, with no clause break between; -1 if none."""
    e = max((n for n in f.events if n < m.i and m.i - n <= _EVENT_WINDOW), default=-1)
    return -1 if any(n in f.breaks for n in range(e, m.i)) else e


def _similar_event(m: _Mention, f: _Facts) -> bool:
    """'carried out a similar raid on border posts at Arandu in 2011': the place of another event.

    "Similar" before the last word of violence ahead of the place (one adjective may stand
    between: "a similar magnetic bomb attack") compares that event with the report's own.
    """
    e = _event_ahead(m, f)
    return e >= 1 and "similar" in f.words[max(0, e - 3) : e]


#: Adjectives that put the event a noun names before the report's own: "an earlier suicide attack"
_EARLIER_ADJECTIVES = frozenset({"earlier", "previous", "prior"})
#: ... after an article or a possessive: "Earlier that afternoon, gunfire ..." is an adverb's time
_EARLIER_DETERMINERS = frozenset({"a", "an", "the", "its", "their", "his", "her", "this", "that"})


def _earlier_named(m: _Mention, f: _Facts) -> bool:
    """Tell whether the place is that of an event named as earlier ("an earlier suicide attack ... in Karak").

    "Earlier", "previous" or "prior" after an article before the last word of violence ahead of
    the place (one adjective may stand between) names another, earlier event, as "similar"
    names a like one.
    """
    words = f.words
    e = _event_ahead(m, f)
    return e >= 2 and any(
        words[q] in _EARLIER_ADJECTIVES and words[q - 1] in _EARLIER_DETERMINERS
        for q in (e - 1, e - 2)
        if q >= 1
    )


#: Words of violence that name who fights, not what was done: "an offensive against the
#: militants' strongholds in X" is still the plan's place
_ACTORS = frozenset({"militants", "insurgents", "gunmen", "attackers", "fighters", "rebels"})


def _role(
    m: _Mention,
    same: Sequence[_Mention],
    text: str,
    c: Cues,
    report: Report,
    done: dict[int, tuple[str, str]],
    facts: dict[int, _Facts] | None = None,
) -> tuple[str, str]:
    """Return the role by the first rule that applies (see ``RULES``).

    ``report`` is what the whole report tells (:class:`Report`); ``done`` holds the roles
    of the earlier mentions (for lists); ``facts`` remembers what was read from each
    sentence (by index) between calls.
    The rules are read in three groups: the sentence's form, the cue words
    before the place, then the word of violence near it.
    """
    f = facts.get(m.sent.index) if facts is not None else None
    if f is None:
        f = _facts(m.sent, c, text, _name_tokens(same))
        if facts is not None:
            facts[m.sent.index] = f
    lo, hi = max(0, m.i - _EVENT_WINDOW), min(len(m.sent.tokens), m.j + _EVENT_WINDOW)
    # a word of violence after the place that a temporal phrase refers back to ("... across Kabul
    # after the attack") dates the clause; it does not put the event at the place, nor does one
    # in a fronted phrase set off by a comma ("A day before the Saravan clash, the ministry said
    # it had broken up a ring in Abadan")
    near = [
        n
        for n in f.events
        if lo <= n < hi
        and not (n in f.recalled and (n > m.j or not f.breaks.isdisjoint(range(n, m.i))))
        and not _actor_object(f.words, n)
        and not _planned_after(m, f, n)
        and not _sited_after(m, same, f.words, n)
    ]
    near_event = bool(near) and not _no_violence(f, c) and not _actors_at_rest(f, near)
    found = _form_rule(m, same, text, c, report, done, f, near_event)
    if found is not None:
        return found
    p = _prev(m, same, c)
    return _cue_rule(m, p, text, c, f, report.headline, report.lede_at) or _event_rule(
        m, p, text, c, f, near_event, same
    )


#: Conjunctions that open a clause of an earlier or later time: "stopped convoys at Torkham after
#: helicopters fired on a post in Kurram"
_TIME_CLAUSE = frozenset({"after", "before"})


def _sited_after(m: _Mention, same: Sequence[_Mention], words: Sequence[str], n: int) -> bool:
    """Whether the word of violence at ``n`` is in an "after" clause past the place that names its own.

    "Pakistan stopped NATO convoys at the Torkham crossing after helicopters fired on a post in
    Kurram Agency": the firing is Kurram's; Torkham is where the convoys were stopped.
    """
    if n <= m.j:
        return False
    a = next((k for k in range(m.j, n) if words[k] in _TIME_CLAUSE), None)
    return a is not None and any(o is not m and o.i > a for o in same)


#: Present forms of "be": "militants are present in two areas of Bajaur" tells of a state
_PRESENT_BE = frozenset({"is", "are", "remain", "remains"})
#: Past forms: a sentence with one tells of something done
_PAST_BE = frozenset({"was", "were", "had", "did"})


def _actors_at_rest(f: _Facts, near: Sequence[int]) -> bool:
    """Tell whether fighters are only placed, not fighting: 'some 300 militants are present in Bajaur'.

    The only words of violence near the place name fighters (``_ACTORS``), and the sentence
    is told in the present of "be" with no past form: it says where they are, not that they did
    anything there.
    """
    words = f.words
    return (
        all(words[n] in _ACTORS for n in near)
        and not _PRESENT_BE.isdisjoint(words)
        and _PAST_BE.isdisjoint(words)
    )


#: Words besides numbers that stand for a share of what an earlier clause told of: "the rest in Z"
_SHARES = frozenset({"another", "others", "rest"})


def _gapped_item(
    m: _Mention, same: Sequence[_Mention], text: str, done: dict[int, tuple[str, str]]
) -> str | None:
    """Return the role of the clause a gapped item shares its verb with, or ``None``.

    "Three of the dead were buried in Rawalpindi, one in Mandi Bahauddin and one in Pindigheb":
    after a comma or "and", a share ("one", "two", "the rest") and the same preposition leave
    the verb out; the place is told of by that verb, as the first place was.
    """
    toks, words = m.sent.tokens, m.sent.words
    i = m.i - 1 if m.i >= 1 and words[m.i - 1] == "the" else m.i
    if i < 3 or (words[i - 2] not in _SHARES and _number(words[i - 2]) is None):
        return None
    share = i - 2 if words[i - 3] != "the" else i - 3  # "and the rest in Z"
    if share < 1 or not (
        words[share - 1] == "and" or text[toks[share - 1].end : toks[share].start].strip() == ","
    ):
        return None
    prep = words[i - 1]
    for o in reversed(same):
        if o.i < share and o.i >= 1 and words[o.i - 1] == prep and id(o) in done:
            return done[id(o)][0]
    return None


#: Prepositions by which a noun for fighters is an object: "a base among Uzbek fighters"
_ACTOR_OBJECT = frozenset({"among", "of", "with", "for", "against", "to", "from", "between", "including"})


def _actor_object(words: Sequence[str], n: int) -> bool:
    """'built up a second base among Uzbek fighters in Darzab': fighters named, not fighting.

    A noun for fighters (``_ACTORS``) tells of violence as the doer ("Fighters stopped a
    train"), not as a preposition's object, which says who someone is or lives among.
    """
    return words[n] in _ACTORS and not _ACTOR_OBJECT.isdisjoint(words[max(0, n - 3) : n])


def _form_rule(
    m: _Mention,
    same: Sequence[_Mention],
    text: str,
    c: Cues,
    report: Report,
    done: dict[int, tuple[str, str]],
    f: _Facts,
    near_event: bool,
) -> tuple[str, str] | None:
    """Apply the rules read from the sentence's form; ``None`` when none applies.

    Continent, possessive, list, past year, habitual, speech, reaction, "where".
    """
    toks = m.sent.tokens
    words = f.words
    if m.kind == "continent":
        return "reference", "no-event"
    if (
        (text[m.end : m.end + 2] in ("'s", "’s") and not _named_part(m, same, words))
        or text.startswith("-based", m.end)
        or (
            m.kind == "country"
            and m.j < len(toks)
            and (
                words[m.j] in ("border", "borders", "frontier")
                or c.has("attributive", words[m.j])
                or _joined_attribute(toks, words, m.j, c)
            )
        )
        or (
            (_office_of(m, words, text) or _branch_named(words, m.i, m.j, f.events))
            and text[m.end : toks[m.j].start] == " "
        )
        or _member_of_body(words, m.i)
    ):
        # "Sindh's minister", "London-based", "the Pakistan border", "US troops", "Karachi police chief"
        return "reference", "possessive"
    if _road_end(m, text, words):
        return "reference", "road-end"
    if _scope_note(m, f, text, c):
        return "reference", "scope-note"
    # coordination: "in Chabahar and Rask", "between Spin Boldak and Chaman", "and the Bajaur district"
    at = m.i - 1 if m.i >= 3 and words[m.i - 1] == "the" and words[m.i - 2] in ("and", "or") else m.i
    k = _units_of(words, m.i)
    if k is not None:
        at = k  # "Swat and the neighbouring districts of Buner and Lower Dir"
    if (at >= 2 and words[at - 1] in ("and", "or")) or (
        m.i >= 1 and text[toks[m.i - 1].end : m.start].strip() == ","
    ):
        prev_end = at - 1 if words[at - 1] in ("and", "or") else m.i
        for o in same:
            if o.j == prev_end and id(o) in done:
                role, _ = done[id(o)]
                if role == "incident" and words[at - 1] == "and" and _bounds_between(words, o.i, c):
                    # "came under fire at Balasur Top, on the heights between Swat and Upper Dir": the
                    # second place only bounds where the first one's event happened
                    return "reference", "description"
                return role, "list"
    gapped = _gapped_item(m, same, text, done)
    if gapped is not None:
        return gapped, "list"
    if _dated_name(m, f, report):
        return "reference", "past-year"
    pub = report.day
    years = _own_years(m, f) if f.years else f.years
    if (
        years
        and pub is not None
        and all(y != pub.year for y in years)
        and not f.day
        # "2 December 2022 - Kabul city." in an update on "1 December 2022 - 15 March 2023"
        and not (report.period is not None and _in_period(f, report.period))
    ):
        return "reference", "past-year"
    if (
        years
        and pub is None
        and not f.day
        and not (m.sent.index in report.listed and _day_opener(m.sent, text))
        and (
            all(y != report.lede_year for y in years)
            if report.lede_year
            else report.latest_year and all(y < report.latest_year for y in years)
        )
    ):
        # with no date known, a year is another time against the year the lede names ("The
        # battle was fought in June 2007"), else only against a later year the report names ("In
        # 2016, a bomb killed 70 in Quetta" in a report that tells of 2019); a list's entry opened by
        # its day is that day's, whatever year a clause in it names ("9 January – The bodies of ten
        # soldiers who had gone missing after an attack on 21 December 2011 were recovered ...")
        return "reference", "past-year"
    ref_year = pub.year if pub is not None else report.lede_year
    if ref_year is not None and _in_record_since(m, words, f.breaks, ref_year):
        return "reference", "past-year"
    if f.habitual and not f.day:  # "known for its work ..., was shot dead on Wednesday in X": a day
        return "reference", "habitual"
    if _span_after(words, m.j):
        # "45 drone strikes reported in North Waziristan between January 2012 and August 2013": a
        # count over a span, whatever day the sentence also names ("released on Tuesday")
        return "reference", "habitual"
    if (
        m.sent.index > report.lede
        and not f.day
        and (
            _perfect_passive(f)
            or _perfect_state(f.words)
            or _perfect_relative(f)
            or _perfect_over_span(f.words)
            or _perfect_for_duration(f.words, f.breaks)
            or _perfect_since_then(f.words)
        )
    ):
        # "its workers have been attacked on the highway to Zaranj", "forces have also been fighting
        # for control of Sangin": a state of things, past the lede
        return "reference", "habitual"
    if m.sent.index in report.aside and not (_same_day(f.words) and not _dated(f)):
        # an "Aftermath" that goes on "later the same day" still tells of the event's own day (a
        # sentence that names a date has a day of its own: "the explosion the same day" of 10 January)
        return "reference", "section"
    if _avenged(m, f):
        return "reference", "motive"
    if _span_before_event(m, f):
        return "reference", "earlier-date"
    if _similar_event(m, f):
        return "reference", "similar"
    if (
        _earlier_covers(m, f.earlier, f.words)
        or _earlier_named(m, f)
        or (_dated_away(f, report) and not _dated_since(m, f.words))
        or _pluperfect_before(f, report)
        or (m.sent.index > report.lede and (_weekday_pluperfect(f) or _pluperfect_earlier(f)))
        or (m.sent.index > report.lede and _before_that(words))
    ):
        return "reference", "earlier-date"
    if 0 <= f.future < m.i and not any(f.future < e < m.i and words[e] not in _ACTORS for e in f.events):
        # "matches due to be played in Lahore later this month": a plan, unless a word of violence
        # comes between ("will investigate the attack in Quetta")
        return "reference", "future"
    k = m.j + 1 if m.j + 1 < len(toks) and words[m.j] in _SPEECH_ADVERBS else m.j
    if m.i <= 1:
        k = _past_auxiliaries(words, m.j)  # "Washington does not as a rule confirm drone strikes"
    if k < len(toks) and c.has("speech", words[k]) and text[m.end : toks[m.j].start].strip() == "":
        # "officials in Quetta said", "the Pentagon in Washington later confirmed"
        return "reference", "speech-after"
    if _where_said(m, f, c):
        return "reference", "speech-after"
    if _according_to(m, f):
        return "reference", "source"
    later_place = any(o.i >= m.j for o in same if o is not m)
    if m.i <= 1 and text[m.end : m.end + 1] == "," and (later_place or not near_event):
        tail = words[m.j : m.j + 7]
        if any(c.has("ref_head", w) for w in tail) and any(c.has("speech", w) for w in tail):
            return "reference", "speech-after"
    if _research_seat(m, f):
        return "reference", "ref-head"
    if _blamed(words, m.i, m.j, f.events):
        return "reference", "reaction-object"
    if _reaction(m, f, text, c, later_place):
        return "reference", "reaction"
    if _reaction_object(m, f, c):
        return "reference", "reaction-object"
    if _origin_clause(m, text) and not any(n < m.i and f.breaks.isdisjoint(range(n, m.i)) for n in f.events):
        return "reference", "ref-cue"
    # a "where" clause after a list tells of every place in it: "among them Karor, Layyah and
    # Rawalpindi, where the four men were killed"
    last = _list_last(m, same, text)
    if (
        not f.disaster
        and text[last.end : last.end + 9].lower().startswith((", where", " where"))
        # "a house in the Chagmalai area, 330 km south-west of Islamabad, where they were besieged"
        and not (m.i >= 1 and _ref_before(words, m.i, m.i - 1, c))
        and any(
            w not in _DYING and (c.has("death", w) or c.has("event", w)) and not _planned_after(last, f, n)
            for n, w in enumerate(
                words[last.j : _clause_end(words, f.breaks, last.j + 1, last.j + 25)], last.j
            )
        )
        and not _other_event(last, words, text, c, report.headline, report.lede_at)
        and not _sent_to(last, text, c, f)
    ):
        return "incident", "where-event"
    return None


def _scope_note(m: _Mention, f: _Facts, text: str, c: Cues) -> bool:
    """Whether the place is in what a note on the text's scope leaves to other articles.

    "Only incidents with deaths are included; target killings in Karachi and the drone
    strikes in North Waziristan are treated in separate articles": a list's note on what it
    covers (cue kind ``scope``) tells of no event; its clause's places, before the cue and
    with no semicolon or colon between, are named only.
    """
    words = f.words
    if c.firsts("scope").isdisjoint(words[m.j :]):
        return False
    toks = m.sent.tokens
    starts = _phrase_starts(" " + " ".join(words) + " ", c.finder("scope"))
    return any(n >= m.j and not any(ch in text[m.end : toks[n].start] for ch in ";:") for n in starts)


#: Words that open a new clause after a comma: "at Dasu, where a firm is building a dam, when the bomber hit"
_NEXT_CLAUSE = frozenset({"when", "while", "after", "before", "but"})


def _clause_end(words: Sequence[str], breaks: frozenset[int], start: int, limit: int) -> int:
    """Return where the clause that opens at ``start`` ends: a comma before a word that opens another."""
    for k in range(start, min(limit, len(words) - 1)):
        if k in breaks and words[k + 1] in _NEXT_CLAUSE:
            return k + 1
    return min(limit, len(words))


#: Words that open a list of the parts of what came before: "several parts of the province, among them"
_ENUMERATING = frozenset({"including", "like", "notably", "namely"})


#: The words that may end a place's name before a clause that tells what came from it
_NAME_TAIL = re.compile(
    r"(?:\s+(?:and|or|[A-Z][\w'-]*|provinces?|districts?|regions?|valleys?|areas?))*\s*,\s*"
)
_FROM_WHERE = re.compile(r"(?:from where|from which|whence)\b", re.IGNORECASE)


def _planned_after(m: _Mention, f: _Facts, n: int) -> bool:
    """Whether the word of violence at ``n``, after the place, belongs to a time still to come.

    "in Brussels, where the strikes were expected to be discussed": the word stands within two
    words of a ``future`` cue, so it is a matter for a plan, not violence done there.
    """
    return m.j <= n and f.future >= m.j and abs(f.future - n) <= 2


def _origin_clause(m: _Mention, text: str) -> bool:
    """Whether a clause after the place tells what set out from it: "in Kunar, from where his men raided".

    The violence of such a clause is done elsewhere ("raided across the border"); the place,
    and the places listed with it ("Kunar and Nuristan provinces, from where"), are where its
    doers came from.
    """
    tail = _NAME_TAIL.match(text, m.end, min(len(text), m.end + 80))
    return tail is not None and _FROM_WHERE.match(text, tail.end()) is not None


def _list_last(m: _Mention, same: Sequence[_Mention], text: str) -> _Mention:
    """Return the last place of the list ``m`` opens ("among them Karor, Layyah and Rawalpindi"), else ``m``.

    Only a list that enumerates ("among them", "including", "such as") is read as one: in a
    plain list ("flew from Kabul and Dubai to Karachi, where"), the clause after it may tell
    of its last place alone.
    """
    words = m.sent.words
    opened = m.i >= 1 and (
        words[m.i - 1] in _ENUMERATING
        or (m.i >= 2 and words[m.i - 2 : m.i] in (("among", "them"), ("such", "as")))
    )
    if not opened:
        return m
    last = m
    for o in same:  # (in text order)
        if o.start >= last.end and text[last.end : o.start].strip(" ,") in ("", "and", "or"):
            last = o
    return last


#: Adverbs that may stand between a place and the verb of speech after it
_SPEECH_ADVERBS = frozenset(
    {"later", "also", "then", "again", "earlier", "separately", "quickly", "officially"}
)
#: Auxiliaries, negation and set phrases between a subject and its verb: "Islamabad has long denied"
_SUBJECT_FILLERS = frozenset(
    {"does", "do", "did", "has", "have", "had", "not", "never", "would", "will", "as", "a", "rule", "long"}
)


def _past_auxiliaries(words: Sequence[str], j: int) -> int:
    """Return where the verb after a subject ending at ``j`` starts, past up to five auxiliaries or adverbs.

    "Washington does not as a rule confirm drone strikes", "Islamabad publicly objects to the
    attacks": a capital as the subject of a verb of speech stands for its government.
    """
    k = j
    while (
        k < len(words)
        and k - j < 5
        and (words[k] in _SUBJECT_FILLERS or words[k] in _SPEECH_ADVERBS or words[k].endswith("ly"))
    ):
        k += 1
    return k


#: Verbs by which the wounded are taken somewhere
_SENDING = frozenset(
    {
        "sent",
        "taken",
        "shifted",
        "rushed",
        "flown",
        "brought",
        "moved",
        "referred",
        "transferred",
        "evacuated",
        "driven",
        "carried",
        "ferried",
        "airlifted",
        "admitted",
    }
)


def _sent_to(m: _Mention, text: str, c: Cues, f: _Facts) -> bool:
    """Tell whether the place ends a journey: 'sent on to the Trauma Centre in Quetta, where ...'.

    The wounded taken somewhere are not hurt there; what the "where" clause then tells (a
    death, a casualty list) happened to people already hurt.
    """
    words = f.words
    if _SENDING.isdisjoint(words[max(0, m.i - 12) : m.i]):
        return False  # "the toll came from the port city of Gwadar, where ...": no one was sent there
    p = m.i - 1
    while p >= 0 and words[p] in _DETERMINERS:
        p -= 1
    return p >= 0 and c.has("locative", words[p]) and _destination(m, p, text, c, f)


#: Words of a death with no doer: "flown to the hospital in Peshawar, where several later died"
#: tells where the wounded died, not where they were hurt
_DYING = frozenset({"died", "death", "deaths", "lives", "toll"})
#: Verbs of dying that say where someone died: "died in Peshawar hospital"
_DIES = frozenset({"died", "dies", "succumbed", "succumbs"})
#: Verbs of blame: what they blame is a party to the violence, not where it happened
_BLAMING = frozenset({"blamed", "blaming", "blames", "blame", "accused", "accusing", "accuses", "accuse"})


def _blamed(words: Sequence[str], i: int, j: int, events: Sequence[int]) -> bool:
    """'blamed foreign enemies, including the United States and Israel, for fomenting unrest': the blamed.

    A verb of blame at most six words before the place, with no word of violence between,
    and "for" or "of" (what it is blamed for) at most eight words after it.
    """
    k = next((n for n in range(i - 1, max(-1, i - 7), -1) if words[n] in _BLAMING), -1)
    if k < 0 or any(k < e < i for e in events):
        return False
    return any(w in ("for", "of") for w in words[j : j + 8])


#: Prepositions that set where a thing was ("outside his office", "at a meeting")
_AT_PLACE = frozenset({"outside", "at", "near", "inside", "in", "on"})
#: Words of death that tell of a killing, not only of a death
_KILLING = frozenset({"killed", "shot", "murdered", "assassinated", "slain", "gunned"})


def _reported_from(words: Sequence[str], p: int) -> bool:
    """Whether the "from" at ``p`` tells where violence was: "one death was reported from Karak".

    The passive of "report" (after "was", "were", "been", or "also") says the violence was there;
    an origin's "from" ("militants from Afghanistan") says nothing of the kind.
    """
    return (
        words[p] == "from"
        and p >= 2
        and words[p - 1] == "reported"
        and words[p - 2] in ("was", "were", "been", "also", "being")
    )


#: People before "in X": where they spoke, lived or mourned, or whom violence took as its object
_PEOPLE = frozenset(
    {"reporters", "journalists", "residents", "families", "relatives", "traders", "officials", "leaders"}
    # an office's holders before or after ("One of his predecessors in Malakand ... had been
    # wounded", dev169 writer): the place names the office, not where the violence was
    | {"predecessor", "predecessors", "successor", "successors", "counterpart", "counterparts"}
)


def _people_hit(words: Sequence[str], n: int, f: _Facts, c: Cues) -> bool:
    """Whether a word of violence takes the people noun at ``n`` as its object: "shot dead three traders".

    Up to three words may stand between: "killed two government officials".
    """
    k = n - 1
    while (
        k >= 0
        and n - k <= 3
        and k not in f.breaks
        and k not in f.events
        and not c.has("event", words[k])
        and words[k].isalnum()
    ):
        k -= 1
    if k >= 1 and words[k] == "dead":
        k -= 1  # "shot dead"
    return (
        k >= 0
        and k not in f.breaks  # "after the strikes, officials in Islamabad ...": another clause
        and (k in f.events or c.has("event", words[k]))
        and words[k] not in ("victims", "victim")
    )


#: Plural unit nouns that, with "of", open a list's next item: "and the neighbouring districts of Buner"
_UNITS_OF = frozenset({"districts", "provinces", "agencies", "tehsils", "regions", "areas"})


def _units_of(words: Sequence[str], i: int) -> int | None:
    """Return where "the (neighbouring) districts of" before word ``i`` starts, after "and"/"or".

    "to retake Swat and the neighbouring districts of Buner and Lower Dir": the phrase joins the
    names after it to the list before it; the index returned is that of the determiner, so the
    word before it is the conjunction.
    """
    if i < 4 or words[i - 1] != "of" or words[i - 2] not in _UNITS_OF:
        return None
    k = i - 3
    while k > 0 and i - k <= 5 and words[k] not in ("the", "its", "their", "and", "or"):
        k -= 1  # "neighbouring", "two adjoining"
    if words[k] in ("and", "or"):
        k += 1
    return k if k >= 2 and words[k - 1] in ("and", "or") else None


def _ref_before(words: Sequence[str], i: int, p: int, c: Cues) -> bool:
    """Whether a cue of origin, distance or relation comes right before the place at ``i``.

    ``p`` is the first word before it that is not filler: "came from Faridkot", "330 km
    south-west of Islamabad", "the governor of Helmand"; but "in the west of Kabul" is a part of it.
    """
    raw = words[max(0, i - 3) : i]
    if len(raw) == 3 and raw[0] == "the" and raw[2] == "of":
        return False
    return (
        c.has("ref_before", words[p])
        or " ".join(raw[-2:]) in c.phrases("ref_before")
        or " ".join(raw[-3:]) in c.phrases("ref_before")
    )


def _cue_rule(
    m: _Mention, p: int, text: str, c: Cues, f: _Facts, headline: str = "", lede: int = 0
) -> tuple[str, str] | None:
    """Apply the rules read from the words before the place; ``None`` when none applies.

    ``p`` is the first word before it that is not filler. Cue words, heads,
    destination, background.
    """
    toks = m.sent.tokens
    words = f.words
    if (
        m.j < len(toks)
        and not toks[m.j].cap
        and c.has("ref_place", words[m.j])
        and p >= 1
        and words[p] in ("in", "at")
        and words[p - 1] in _DIES
    ):
        # "Teacher set on fire near Murree dies in Islamabad hospital": the verb before the hospital
        # of a town is a death, so it says where she died, as "at a hospital in X" would
        return "reference", "ref-head"
    if p >= 0:
        w = words[p]
        if _ref_before(words, m.i, p, c) and not _part_hit(m, f) and not _reported_from(words, p):
            return "reference", "ref-cue"
        if w == "between" and p >= 1 and c.has("route", words[p - 1]) and not _at_crossing(words, p, c):
            return "reference", "ref-head"
        if w in ("in", "at", "from") and p >= 1:
            head = words[p - 1]
            if head == "off" and p >= 2:
                head = words[p - 2]  # "switched off in Quetta", not a bomb that "went off in Charsadda"
            k = p - 1
            while k > 0 and toks[k].cap and k not in f.breaks:
                k -= 1
            if k < p - 1 and k >= 1 and words[k] == "of" and not toks[k - 1].cap:
                # "the office of President Hamid Karzai in Kabul": a person's name closes the phrase
                # whose head is the noun before "of"
                head = words[k - 1]
            if p - 1 in f.breaks:
                # "outside the election office of a candidate for the Sindh Assembly, in the Quaidabad
                # area": a comma closes the apposition; the place goes with what came before it
                head = ""
            elif head == "police" and p >= 3 and words[p - 2] == "of" and words[p - 3] in _POLICE_TITLES:
                # "a superintendent of police in Peshawar", "inspector general of police in Sindh": an
                # officer's post, not "the killing of police in Quetta"
                return "reference", "ref-head"
            # people are at the site when the violence itself takes them as its object ("killed two
            # journalists in Quetta", "shot dead three tribal leaders in Bajaur"), not when they
            # speak, live or mourn there ("officials in Kabul", "the victims' families in Punjab")
            struck = head in _PEOPLE and _people_hit(words, p - 1, f, c)
            # "killed two workers of the election commission in an outlying district of Balkh": a
            # place told as "a district of" is where something happened, not an office's seat
            indefinite = p + 2 < m.i and words[p + 1] in ("a", "an") and "of" in words[p + 2 : m.i]
            if (
                not struck
                and not indefinite
                and (
                    c.has("ref_head", head)
                    or c.has("speech", head)
                    # not past a comma that closes an apposition: "the convoy of Sanaullah Zehri, the
                    # Balochistan president of the Pakistan Muslim League-Nawaz, in the Zehri area"
                    or (
                        _issued_by(toks, words, p, c) and text[toks[p - 1].end : toks[p].start].strip() != ","
                    )
                )
            ):
                return "reference", "ref-head"
            k = p - 2
            while k >= 0 and words[k] in _DETERMINERS:
                k -= 1
            if (c.has("ref_place", head) or c.has("origin_place", head)) and k >= 0 and words[k] == "from":
                # "attacked border posts from its hideouts in Kech": where the attackers came from
                return "reference", "ref-head"
            if head in _PEOPLE:
                if not struck:
                    return "reference", "ref-head"
            elif c.has("ref_place", head):
                # a word of violence before the gathering makes it the target ("a drone struck
                # a council in X"), unless a reaction takes it as its object ("condemned the
                # violence at a meeting in X")
                # within 12 words ("attacked a maternity ward run by Médecins Sans Frontières at
                # a hospital in"), and in the same clause ("the bombings took place as the allies
                # prepared for a new administration in Washington"); a longer reach (30 words) was
                # tried and took more reference places as sites than it found
                lo = max(0, p - 12)
                for n in range(p - 2, lo - 1, -1):
                    # a semicolon ends a clause too: "... were killed; the wounded were taken to the
                    # Sheikh Zayed Hospital in Rahim Yar Khan"
                    if words[n] in _CLAUSE_OPENERS or text[toks[n].end : toks[n + 1].start].strip() in (
                        ";",
                        ":",
                    ):
                        lo = n + 1
                        break
                # a killing counts when a locative sets the gathering's place ("killed outside his
                # office in Gardez"); a death alone does not ("died at a hospital in Peshawar")
                q = p - 2
                while q > lo and words[q] in _DETERMINERS:
                    q -= 1
                located = words[q] in _AT_PLACE
                aside = _closed_relatives(text, toks, p)
                hits = [
                    n
                    for n in range(lo, p - 1)
                    if (n in f.events or c.has("event", words[n]))  # a phrase too: "thrown at"
                    and not any(a <= toks[n].start < b for a, b in aside)
                    # a verb of speech between takes the gathering as where it was said: "the
                    # director general of military operations told a news conference in New Delhi"
                    and not any(c.has("speech", w) for w in words[n + 1 : p - 1])
                    and (not c.has("death", words[n]) or (located and words[n] in _KILLING))
                    and not any(c.has("reaction", w) for w in words[max(lo, n - 3) : n])
                ]
                # a unit word may close the place's name: "Camps in Kalat district were also
                # reportedly targeted" (not past a comma: "the division in the Malakand region, was")
                j = (
                    m.j + 1
                    if m.j < len(words) and words[m.j] in _UNIT_KINDS and m.j - 1 not in f.breaks
                    else m.j
                )
                if not hits and (j - 1 in f.breaks or not _passive_hit(words, j, f.events)):
                    return "reference", "ref-head"
    if p >= 2 and words[p] in ("including", "like") and "from" in words[max(0, p - 5) : p]:
        # "fighters had gathered from neighbouring provinces, including Jawzjan": where they came from
        k = p - 1 - words[max(0, p - 5) : p][::-1].index("from")
        if not any(c.has("event", w) for w in words[k:p]):
            return "reference", "ref-cue"
    if (
        p >= 3
        and words[p] == "near"
        and words[p - 1] in ("village", "town", "hamlet", "settlement")
        and words[p - 2] == "a"
        and (toks[p - 3].cap or toks[p - 3].text.isdigit())  # "Chak 59, a village near ..."
        and text[toks[p - 3].end : toks[p - 2].start].strip() == ","
    ):
        # "in Zangara, a village near Ladha": the town after "near" says where the named village is
        return "reference", "description"
    if _home_described(toks, words, p, text, c):
        return "reference", "ref-cue"
    if p >= 0 and c.has("locative", words[p]) and _destination(m, p, text, c, f):
        # "was taking pupils to a school in Khuzdar when a car bomb struck it": the journey's end,
        # the site if the report names no other (``_journey_sites``)
        return "reference", "journey" if _journey_hit(words, m.j, c) else "destination"
    if (
        p >= 0
        and (words[p] in ("in", "at", "near", "from", "into") or _office_of_place(words, p, c))
        and _other_verb_governs(m, p, text, c, f)
    ):
        # also "worked at the appeals court of neighbouring Paktia province": a building of the place
        return "reference", "other-verb"
    if _other_event(m, words, text, c, headline, lede):
        return "reference", "earlier-date"
    if p >= 1 and "despite" in words[max(0, p - _DESPITE_REACH) : p]:
        # "could still strike despite the offensives in Swat", "would not boycott the polls despite
        # the attacks on its workers here and in Khyber Pakhtunkhwa": a state of affairs conceded
        return "reference", "background"
    if _described(m, words, text, c):
        return "reference", "description"
    if m.i == 0 and m.j < len(toks):
        gap = text[m.end : toks[m.j].start].strip()
        if (gap == "," and c.has("background", words[m.j])) or (
            gap == "" and words[m.j] in ("borders", "lies", "has", "is", "remains", "sits")
        ):
            return "reference", "background"
    return None


def _issued_by(toks: Sequence[Token], words: Sequence[str], p: int, c: Cues) -> bool:
    """Tell whether the place is the seat of an issuer or an office: "issued by the ISPR in Rawalpindi".

    Walks left from the place's preposition over the institution's name (capitalised words,
    "the", "of") to "by" and the word before it, or to a head of office and "of" ("served as
    spokesman of the Ministry of Defence in Kabul"): the place says where the institution sits.
    """
    k = p - 1
    while k >= 1 and p - k <= 8 and (toks[k].cap or words[k] in ("the", "of", "and")):
        k -= 1
    if k < 1 or k >= p - 1 or not any(t.cap for t in toks[k + 1 : p]):
        return False
    if words[k] == "by":
        return c.has("ref_head", words[k - 1])
    # "residents of Micro Colony in Sukkur": where those people live
    return words[k + 1] == "of" and (c.has("ref_head", words[k]) or words[k] in _PEOPLE)


def _joined_attribute(toks: Sequence[Token], words: Sequence[str], j: int, c: Cues) -> bool:
    """'U.S. and European officials': a country joined to another name before an attributive noun."""
    return (
        j + 2 < len(toks)
        and words[j] in ("and", "or")
        and toks[j + 1].cap
        and c.has("attributive", words[j + 2])
    )


#: Offices a place names as their seat ("Karachi police chief", "the Quetta district administration")
_OFFICES = frozenset(
    {"chief", "chiefs", "commissioner", "spokesman", "spokesperson", "official", "officials"}
    | {"administration", "authorities", "government", "mayor", "governor"}
)
_OFFICE_KINDS = frozenset({"police", "district", "city", "municipal", "provincial"})
#: Titles of police officers written "<title> of police in X"
_POLICE_TITLES = frozenset({"superintendent", "inspector", "general", "commissioner", "director", "chief"})
#: Bodies a person belongs to, and the people of them: "a member of the provincial council of
#: Daikundi was among those killed" (dev164 writer) names where the victim held office
_BODIES = frozenset(
    {"council", "assembly", "parliament", "senate", "jirga", "shura", "court", "bar", "chamber"}
)
_MEMBERS = frozenset(
    {"member", "members", "head", "chief", "chairman", "chairwoman", "leader", "president", "speaker"}
    | {"secretary", "deputy", "judge", "judges", "lawyer", "lawyers", "employee", "employees"}
)


def _member_of_body(words: Sequence[str], i: int) -> bool:
    """Whether the place at ``i`` ends "a member of the (provincial) council of": a person's office."""
    if i < 4 or words[i - 1] != "of" or words[i - 2] not in _BODIES:
        return False
    k = i - 3
    while k >= 1 and i - k <= 5 and words[k] != "of":
        k -= 1  # "the provincial", "the district bar"
    return k >= 1 and words[k] == "of" and words[k - 1] in _MEMBERS


#: Parts of a movement named after the place they work in ("the Khorasan branch of the Islamic
#: State", "the Swat faction of the Taliban", dev64 writer): a name, not where anything happened
_BRANCHES = frozenset({"branch", "chapter", "wing", "faction", "affiliate", "offshoot", "franchise"})


#: Outlets named after their city ("the Fars news agency said", dev72 writer), unless the word
#: after them is their building ("the Jalalabad radio station")
_OUTLETS = frozenset({"news", "newspaper", "daily", "television", "tv", "radio"})
_OUTLET_PREMISES = frozenset({"station", "stations", "building", "office", "offices", "tower", "compound"})


def _branch_named(words: Sequence[str], i: int, j: int, events: Sequence[int]) -> bool:
    """Tell whether the place names a branch or an outlet: "The Khorasan branch of the Islamic State".

    A branch hit or a branch as the scene ("robbed the Quetta branch of a bank", "at the
    Peshawar branch") is the place's own: a word of violence or a preposition of place right
    before the phrase keeps it a site. An outlet ("the Fars news agency said") is read the same
    way, and its premises ("the Jalalabad radio station") are a place.
    """
    if j >= len(words):
        return False
    if words[j] in _OUTLETS:
        if j + 1 < len(words) and words[j + 1] in _OUTLET_PREMISES:
            return False
    elif words[j] not in _BRANCHES:
        return False
    k = i - 1
    if k >= 0 and words[k] in ("the", "a", "its", "their", "his"):
        k -= 1
    return k < 0 or (k not in events and words[k] not in _AT_PLACE)


def _where_said(m: _Mention, f: _Facts, c: Cues) -> bool:
    """Whether the place is in a phrase between commas that says where a speaker was, before the verb.

    "President Asif Ali Zardari, at a meeting at the Chief Minister's House in Karachi, told the
    interior minister ...": the phrase opens with a preposition after a comma, tells no
    violence, and its closing comma comes right before a verb of speech.
    """
    words = f.words
    after = [b for b in f.breaks if b >= m.j - 1]
    before = [b for b in f.breaks if b < m.i]
    if not after or not before:
        return False
    a, b = max(before), min(after)
    return (
        b + 1 < len(words)
        and c.has("speech", words[b + 1])
        and words[a + 1] in ("at", "during", "in", "on", "after")
        and not any(a < e <= b for e in f.events)
    )


def _according_to(m: _Mention, f: _Facts) -> bool:
    """Whether the place is in an "according to" phrase: where the report's source sits.

    "According to the governor's office in Lashkar Gah and the Ministry of Defence in Kabul,
    the assault began ...": the phrase runs from "according to" to the next clause break and
    tells no violence of its own ("according to a tally of attacks in Kunar" counts them).
    """
    words = f.words
    for k in range(m.i - 1, -1, -1):
        if k in f.breaks:
            return False
        if words[k] == "according" and k + 1 < m.i and words[k + 1] == "to":
            return not any(k < e < m.i for e in f.events)
    return False


def _office_of(m: _Mention, words: Sequence[str], text: str) -> bool:
    """'Karachi police chief Amir Shaikh said ...': the place names an office's seat, an attribute.

    A comma ends the phrase: "in Lakki Marwat district, officials said" names no office.
    """
    toks, j = m.sent.tokens, m.j
    if j < len(words) and words[j] in _OFFICE_KINDS:
        j += 1
        if j < len(words) and text[toks[j - 1].end : toks[j].start] != " ":
            return False
    return j < len(words) and words[j] in _OFFICES


#: Verbs of passing by a place, or of a blast or a fight tearing through it: "through" after
#: them is where something went on ("a bomb tore through the main bazaar of Kohlu")
_PASSING = frozenset(
    {"passed", "passing", "passes", "moving", "drove", "driving", "crossing", "crossed"}
    | {"tore", "tearing", "ripped", "ripping", "swept", "sweeping", "rampaged", "rampaging"}
)


def _own_years(m: _Mention, f: _Facts) -> list[int]:
    """Return the sentence's years but those of a clause about a person that the place is outside.

    "Samangani, an Uzbek who fought the Soviet army in the 1980s, was standing at the entrance
    of a wedding hall in Aybak when the attacker ...": the 1980s date the man's past, not Aybak's
    attack. A place inside the clause ("who had been killed at Khwaja Bahauddin in 2001") keeps
    its year, and so does a sentence whose only violence is the clause's.
    """
    words = f.words
    if "who" not in words and "whose" not in words:
        return f.years
    aside: set[int] = set()
    for n, w in enumerate(words):
        if w in ("who", "whose") and any(k in f.breaks for k in range(max(0, n - 4), n)):
            end = next((k for k in sorted(f.breaks) if k >= n), len(words) - 1)
            if not n <= m.i <= end:
                aside.update(range(n, end + 1))
    if not any(e not in aside for e in f.events):
        return f.years  # the violence is the clause's own: "who fought ... in the 1990s, had been ..."
    return [int(w) for n, w in enumerate(words) if n not in aside and _is_year(w)]


def _dated_title(m: _Mention, words: Sequence[str]) -> bool:
    """Whether only a date comes before the place: "April 2011 Karachi navy bus bombings" opens with it."""
    return 1 < m.i <= 3 and all(w in _MONTH_WORDS or _is_year(w) or w.isdigit() for w in words[: m.i])


#: The most words between a place and the colon that ends an entry's head: "Sardasht county",
#: "Piranshahr border area"
_HEAD_TAIL = 3


def _dated_entry_head(m: _Mention, words: Sequence[str], text: str) -> bool:
    """Whether the place stands in a dated entry's head, before the colon that opens its story.

    "- 2 September, Bajar, Sardasht county: on Wednesday, border guards opened fire ...": a
    situation report's or a timeline's entry gives its day and place, then what happened there.
    Before the place come only the date and other names; a colon follows within a few words.
    """
    toks = m.sent.tokens
    if m.i < 2 or ":" in text[m.sent.start : m.start]:
        return False
    if not any(
        text.startswith(":", toks[k - 1].end) for k in range(m.j, min(len(toks), m.j + _HEAD_TAIL + 1))
    ):
        return False
    dated = any(w in _MONTH_WORDS for w in words[: m.i])
    return dated and all(w in _MONTH_WORDS or w.isdigit() or toks[n].cap for n, w in enumerate(words[: m.i]))


def _struck_part_of(m: _Mention, p: int, words: Sequence[str], c: Cues, same: Sequence[_Mention]) -> bool:
    """Whether "the <noun> of" before the place is what a locative word governs.

    "insurgents attacked the police headquarters of Hisarak district", "a bomb went off in the
    main office of Sariab": the noun (a seat of officials, which alone would make a reference)
    is the object of the attack or the scene, and the place it belongs to is the site ("into
    the Mehsud heartland of South Waziristan"). A part named after a place ("the Tirah valley of
    Khyber", "the US state of Washington") is no such noun.
    """
    if not (p + 1 < m.i and words[p + 1] == "of"):
        return False
    named = {n for o in same for n in range(o.i, o.j)}
    if p in named:
        return False
    d = p
    while (
        d > max(1, p - 3) and words[d - 1].isalpha() and d - 1 not in named and words[d - 1] not in _ARTICLES
    ):
        d -= 1
    return d >= 2 and words[d - 1] in _ARTICLES and c.has("locative", words[d - 2])


_ARTICLES = frozenset({"the", "a", "an"})

#: Passive verbs that only people undergo: a name they follow as "<name> was/were ..." is a person's
_PERSON_PASSIVE = frozenset(
    {"killed", "shot", "wounded", "injured", "hurt", "murdered", "martyred", "beheaded", "kidnapped",
     "abducted", "assassinated", "arrested", "detained", "executed", "hanged", "stabbed", "gunned"}
)  # fmt: skip


def _person_subject(m: _Mention, words: Sequence[str], text: str) -> bool:
    """'Shah Faisal was killed, and an accomplice was wounded': a person named like a place.

    A place is attacked, hit or shelled, never killed or wounded: a name that is the subject of
    such a passive ("was killed", "was shot dead", "were wounded") is someone's, unless a
    preposition governs it or a comma parts it from the verb: "the mayor of Kandahar, was
    assassinated" tells of the mayor.
    """
    j = m.j
    return (
        j + 1 < len(words)
        and words[j] in ("was", "were")
        and words[j + 1] in _PERSON_PASSIVE
        and text[m.end : m.sent.tokens[j].start] == " "
        and (m.i == 0 or words[m.i - 1] not in _GOVERNING)
    )


#: Prepositions that make the name after them a place of something, not a subject
_GOVERNING = frozenset({"of", "in", "at", "from", "near", "to", "for", "by", "on", "into"})


def _event_rule(
    m: _Mention, p: int, text: str, c: Cues, f: _Facts, near_event: bool, same: Sequence[_Mention]
) -> tuple[str, str]:
    """Apply the last rules: an incident needs a word of violence near it, then a locative or subject."""
    words = f.words
    if not near_event:
        return "reference", "no-event"
    if m.kind == "country" and not f.death:
        return "reference", "no-event"
    # a comma right after the word governs nothing past it: "to prevent a repeat of such
    # attacks, the Mehr news agency reported" (an apposition's comma comes later: "in the
    # capital, Kabul")
    governs = p >= 0 and p not in f.breaks
    building_of = governs and c.has("building", words[p]) and p + 1 < m.i and words[p + 1] == "of"
    # "exploded as the train passed through Balochistan": a passage by the place was the scene;
    # "a bomb tore through the main bazaar of Kohlu": so is the place a blast tore through
    # "was driving with her husband through Mehtarlam when a bomb ... went off": the passing verb
    # may stand a few words back, within the clause
    passage = (
        governs
        and words[p] == "through"
        and any(
            words[k] in _PASSING and not f.breaks.intersection(range(k, p)) for k in range(max(0, p - 4), p)
        )
    )
    if governs and (
        c.has("locative", words[p])
        or building_of
        or passage
        or _reported_from(words, p)
        or _struck_part_of(m, p, f.words, c, same)
    ):  # "the mosque of Peshawar"
        return "incident", "event-locative"
    if _person_subject(m, words, text):
        return "reference", "person"
    if (
        (m.i <= 1 and not _contrasted(m, f))
        or _dated_title(m, words)
        or _subject_of_event(m, f, text, c)
        or _part_hit(m, f)
        or _dated_entry_head(m, words, text)
    ):
        return "incident", "event-subject"
    if _named_after_colon(m, text, words, c):
        return "incident", "event-locative"
    return "reference", "event-no-locative"


#: Plural nouns of places a colon may go on to name: "in three towns: Gujrat, Peshawar and ..."
_PLACE_PLURALS = frozenset(
    {"towns", "cities", "districts", "provinces", "villages", "areas", "places", "regions", "locations"}
)


def _named_after_colon(m: _Mention, text: str, words: Sequence[str], c: Cues) -> bool:
    """Whether the place opens a list after a colon that names the places a locative governs.

    "Bombs went off in three different towns on the same day: Gujrat in Punjab, Peshawar, and
    Landi Kotal": the colon goes on from "in three different towns" to name them. The plural
    noun of places stands within the four words after the locative.
    """
    toks = m.sent.tokens
    if m.i == 0 or ":" not in text[toks[m.i - 1].end : m.start]:
        return False
    for k in range(m.i - 1, max(-1, m.i - 9), -1):
        if words[k] in _PLACE_PLURALS:
            return any(c.has("locative", words[q]) for q in range(max(0, k - 4), k))
    return False


#: Officials named after the place they serve: "the governor of Laghman province", "the mayor of
#: Kandahar", "the public prosecutor of Zabol"
_OFFICIALS = frozenset({"governor", "mayor", "prosecutor", "commissioner", "administrator"})


def _official_struck(m: _Mention, c: Cues) -> bool:
    """Whether the place names the office of an official whom violence struck.

    "into the convoy of the governor of Laghman province", "shot dead the public prosecutor
    of Zabol" (a word of violence within ten words before the official), "the governor of
    Afghanistan's Logar province was killed" (a passive of violence right after the place);
    "the governor of Kunar has denied ..." is neither.
    """
    words = m.sent.words
    k = m.i - 1
    if k >= 2 and words[k] == "s" and words[k - 1].isalpha() and m.sent.tokens[k - 1].cap:
        k -= 2  # a country's possessive: "the governor of Afghanistan's Logar province"
    if not (k >= 1 and words[k] == "of" and words[k - 1] in _OFFICIALS):
        return False
    before = words[max(0, k - 11) : k - 1]
    after = words[m.j : m.j + 4]
    struck = any(c.has("event", w) for w in before)
    passive = any(w in ("was", "were") for w in after) and any(
        c.has("event", w) or c.has("death", w) for w in after
    )
    return struck or passive


def _name_tokens(same: Sequence[_Mention]) -> frozenset[int]:
    """Return the token indices the sentence's place names cover."""
    return frozenset(n for o in same for n in range(o.i, o.j))


def _official_sites(by_sentence: dict[int, list[_Mention]], c: Cues, text: str) -> None:
    """Make the place of an official struck by violence the site when its sentence names no other.

    "A suicide bomber drove a car into the convoy of the governor of Laghman province", "gunmen
    shot dead the public prosecutor of Zabol": where an official serves is where an attack on
    them falls, unless the sentence places it elsewhere ("killed the governor of Logar in Kabul").
    """
    for same in by_sentence.values():
        for m in same:
            if m.rule != "event-no-locative" or not _official_struck(m, c):
                continue
            if not any(o is not m and o.role == "incident" and _elsewhere(o, m) for o in same):
                m.role, m.rule = "incident", "event-official"
                m.reported = _hedge(m, _facts(m.sent, c, text, _name_tokens(same)))  # as every incident is


def _elsewhere(o: _Mention, m: _Mention) -> bool:
    """Whether incident ``o`` is a site of its own, not the country or province that holds ``m``."""
    op = o.res.place if o.res is not None else None
    mp = m.res.place if m.res is not None else None
    if o.kind in ("country", "continent") or op is None or mp is None:
        return o.kind not in ("country", "continent")
    return not (op.kind == "adm1" and op.country == mp.country and op.admin1 == mp.admin1)


#: Words that name a part of the place after "of": "parts of Paktika province"
_PARTS = frozenset({"part", "parts", "rest"})


def _part_hit(m: _Mention, f: _Facts) -> bool:
    """Tell whether a part of the place is the subject of violence: 'parts of Paktika were also targeted'.

    "Part of" tells what a place belongs to ("Kurram, part of the former tribal areas"), but
    a part of a place that was hit lies in it.
    """
    words = f.words
    if (
        not (m.i >= 2 and words[m.i - 1] == "of" and words[m.i - 2] in _PARTS)
        or "from" in words[m.i - 4 : m.i - 2]
    ):
        return False  # "militants from parts of Paktika": where they came from
    j = m.j + 1 if m.j < len(words) and words[m.j] in _UNIT_KINDS else m.j  # "parts of Paktika province"
    return _passive_hit(words, j, f.events)


def _passive_hit(words: Sequence[str], j: int, events: Sequence[int]) -> bool:
    """'Schools in Tangir were also reportedly set on fire': the place's phrase is the subject of violence."""
    n = j
    while n < len(words) and (words[n] in _AUXILIARIES or (words[n].endswith("ly") and n > j)):
        n += 1
    # the verb itself, or the phrase it opens: "set on fire", "blown up"
    return (
        n > j
        and n < len(words)
        and any(e == n or (n < e <= n + 2 and words[n] in ("set", "blown")) for e in events)
    )


def _bounds_between(words: Sequence[str], i: int, c: Cues) -> bool:
    """Whether the place starting at ``i`` opens a "between A and B" that is no border crossing.

    An event placed between two places is coded at one place, as event data record one location
    per event: the first, which the locative reaches. "The border crossing between Spin Boldak
    and Chaman" is a point at both (``_at_crossing``).
    """
    b = i - 2 if i >= 2 and words[i - 1] == "the" else i - 1
    return b >= 0 and words[b] == "between" and not (b >= 1 and _at_crossing(words, b, c))


def _at_crossing(words: Sequence[str], p: int, c: Cues) -> bool:
    """'fighting ... at the border crossing between A and B': a point between A and B, hit by the event.

    The route noun before ``between`` (at ``p - 1``) is a crossing and a locative preposition
    governs it; the sentence's violence is then at that point, which A and B locate.
    """
    if not c.has("crossing", words[p - 1]):
        return False
    k = p - 2
    while k >= 0 and p - k <= 5 and not c.has("locative", words[k]):
        k -= 1
    return k >= 0 and p - k <= 5 and any(c.has("event", w) for w in words[:k])


_AUXILIARIES = frozenset(
    {"was", "were", "is", "are", "has", "have", "had", "been", "be", "also", "again", "itself"}
)


#: Nouns in -ing that a walk through noun phrases passes ("to the border crossing at Torkham")
_ING_NOUNS = frozenset(
    {"crossing", "building", "buildings", "meeting", "wedding", "housing", "parking", "landing"}
)


_SETTLEMENTS = frozenset({"village", "town", "hamlet", "settlement"})


def _home_described(toks: Sequence[Token], words: Sequence[str], p: int, text: str, c: Cues) -> bool:
    """'came from Faridkot, a village in Okara district': the unit says where a home town lies.

    The place follows "a village in" set off by a comma after a name that a reference cue
    (``ref_before``: "came from", "native of") governs; the unit then tells where that home
    town is, and is no more a site than the town.
    """
    if not (
        p >= 3
        and words[p] in ("in", "of")
        and words[p - 1] in _SETTLEMENTS
        and words[p - 2] == "a"
        and text[toks[p - 3].end : toks[p - 2].start].strip() == ","
    ):
        return False
    h = p - 3
    while h >= 0 and toks[h].cap:
        h -= 1
    if h == p - 3:
        return False  # no name before the comma
    return h >= 0 and (
        c.has("ref_before", words[h]) or " ".join(words[max(0, h - 1) : h + 1]) in c.phrases("ref_before")
    )


#: Locative cues that are no verbs: "to" before them still heads a destination ("moved to near
#: the border", "to outskirts of Quetta")
_TO_PLACES = frozenset(
    {
        "outskirts",
        "control",
        "over",
        "out",
        "near",
        "outside",
        "inside",
        "within",
        "beside",
        "behind",
        "around",
    },
)


def _destination(m: _Mention, p: int, text: str, c: Cues, f: _Facts) -> bool:
    """'travelling to their camp near the dam site at Dasu': the place ends a phrase headed by 'to'/'from'.

    Walks left from the place's preposition through the noun phrases and prepositions
    it hangs from; reaching "to/towards/from" makes it a destination or origin. A comma,
    a word of violence or a verb form ends the walk (the place then attaches to that).
    """
    toks = m.sent.tokens
    words, kinds, breaks = f.words, f.kinds, f.breaks
    k = p - 1
    listed = False  # an "and"/"or" passed: a comma before it may part the items of one list
    while k >= 0 and p - k <= 12:
        if k in breaks and not (listed and text[toks[k].end : toks[k + 1].start] == ", " and toks[k].cap):
            # "taken to the District Headquarters Hospital, the Benazir Bhutto Hospital and the
            # Polyclinic in Islamabad": a comma between two names of a list goes on to its head
            return False
        w = words[k]
        listed = listed or w in ("and", "or")
        if w == "to" and (_infinitive(toks, words, k, p) or (k == p - 1 and words[p] not in _TO_PLACES)):
            # "gathering for a procession to mark ... in Mastung": no destination; nor when the
            # locative is the verb "to" heads: "launched an operation to retake Swat"
            return False
        if w == "to" and k >= 1 and _number(words[k - 1]) is not None and _number(words[k + 1]) is not None:
            k -= 1  # "some 25 to 30 in Kurram": a range of numbers, no destination
            continue
        if w in ("to", "towards", "toward", "from"):
            if k >= 1 and c.has("event", words[k - 1]):
                return False  # "set fire to", "attack from"
            # "struck a bus carrying pupils to a school on the outskirts of X": the phrase belongs
            # to the object of a word of violence earlier in its clause; its locative tells where
            # that object was, which is the only site the clause gives
            return not _event_governs(toks, words, k, text, c)
        if (
            "event" in kinds[k]
            or w in _AUXILIARIES
            or (len(w) > 4 and w.endswith(("ed", "ing")) and w not in _ING_NOUNS)
        ):
            return False
        k -= 1
    return False


_DISPLACED = frozenset({"displaced", "uprooted", "driven"})
_CLAUSE_OPENERS = frozenset({"as", "while", "when", "because", "after", "before", "since"})
_DO_FORMS = frozenset({"did", "do", "does", "had", "has", "have", "was", "were"})


_RELATIVE = re.compile(r",\s+(?:whose|which|that|who)\b", re.IGNORECASE)


def _closed_relatives(text: str, toks: Sequence[Token], p: int) -> list[tuple[int, int]]:
    """Character spans of the relative clauses of the sentence that close before word ``p``.

    "One of the injured, Zahid Leghari, who had been hit by bullets, died later in hospital in
    Nawabshah": the clause says what befell the man; the main clause, not it, tells what
    happened at the hospital.
    """
    start, end = toks[0].start, toks[p].start
    spans = []
    for opener in _RELATIVE.finditer(text, start, end):
        close = text.find(",", opener.end(), end)
        if close >= 0:
            spans.append((opener.start(), close))
    return spans


def _described(m: _Mention, words: Sequence[str], text: str, c: Cues) -> bool:
    """Tell whether the place lies in a relative clause that describes, with no violence of its own.

    "..., whose flagship project is the port of Gwadar in Balochistan": the clause opened by
    a comma and "whose"/"which"/"that"/"who" says what a noun is; a place in it is a site only
    if the clause itself tells of violence (a "where" clause is left to its own rule), or if
    violence before it happened "in" or "during" the noun the clause tells of.
    """
    s = m.sent
    openers = list(_RELATIVE.finditer(text, s.start, m.start))
    opener = openers[-1] if openers else None
    if opener is None or _CLAUSE_BREAK.search(text, opener.end(), m.start):
        return False  # no relative clause, or another clause boundary between it and the place
    brk = _CLAUSE_BREAK.search(text, m.end, s.end)
    stop = brk.start() if brk else s.end
    toks = s.tokens
    clause = [words[n] for n in range(len(toks)) if opener.start() < toks[n].start < stop]
    # "were wounded ... in the operations, which the army carried out ... in Nangarhar": the clause
    # says where the noun that the violence happened in took place
    before = sum(1 for t in toks if t.end <= opener.start())
    if (
        before >= 3
        and words[before - 3] in ("in", "during")
        and words[before - 2] in _DETERMINERS
        # (not a place or building: "died in the hospital, which ...")
        and not (
            words[before - 1] in _PLACE_NOUNS
            or c.has("ref_place", words[before - 1])
            or c.has("building", words[before - 1])
        )
        and any(c.has("event", w) or c.has("death", w) for w in words[: before - 3])
    ):
        return False
    return not any(c.has("event", w) or c.has("death", w) for w in clause)


#: Participles that say a gathering was called ("a rally organised by ...", "a gathering held to mark ...")
_CONVENED = frozenset(
    {"held", "organised", "organized", "convened", "staged", "arranged", "called", "gathered", "assembled"}
)
#: Gatherings that are no ``ref_place`` cue (those are): "a gathering held to celebrate Eid"
#: (and the crowd a participle places: "among a crowd gathered outside the hospital in X", dev90 writer)
_GATHERINGS = frozenset(
    {
        "gathering",
        "gatherings",
        "ceremony",
        "celebration",
        "congregation",
        "jirga",
        "crowd",
        "crowds",
        "mourners",
    }
)


def _office_of_place(words: Sequence[str], p: int, c: Cues) -> bool:
    """Whether ``p`` is a building or office that "of" ties the place to: "the appeals court of Paktia"."""
    return (
        p + 1 < len(words)
        and words[p + 1] == "of"
        and (c.has("ref_place", words[p]) or c.has("building", words[p]))
    )


def _other_verb_governs(m: _Mention, p: int, text: str, c: Cues, f: _Facts) -> bool:
    """'exile, most of it spent in Dubai', 'closed the border crossings at Torkham': the verb is no violence.

    Walks left from the place's preposition through the object it hangs from to the verb
    that governs it, within the clause; a verb of living, travel, care or office (cue kind
    ``other_verb``) makes the place where that happened, not a site. A word of violence met
    first ("bombs near Karsaz") leaves the place to the rules of violence.
    """
    toks = m.sent.tokens
    words, kinds = f.words, f.kinds
    k = p - 1
    while k >= 0 and p - k <= 10:
        if k < p - 1 and k in f.breaks:
            return False
        w, ks = words[k], kinds[k]
        if "death" in ks and k >= 1 and words[k - 1] in _DETERMINERS:
            k -= 2  # "the funeral of the dead in Isfahan": the dead are people, not an event
            continue
        event = "event" in ks
        if event and k == p - 1 and k >= 2 and words[k - 1] in ("the", "this", "both", "these"):
            # "condemned the strike in Islamabad", "protested against the strike in Peshawar": the
            # attack the report told of is the object; the place is where they spoke or marched
            verb = words[k - 3] if words[k - 2] == "against" and k >= 3 else words[k - 2]
            return c.has("reaction", verb) or c.has("other_verb", verb)
        if event and k >= 2 and words[k - 1] == "by" and words[k - 2] in _DISPLACED:
            return True  # "people displaced by fighting in the Salarzai area": where they came from
        if event or w in ("and", "but", "when", "while", "after", "before", "as"):
            return False
        if "other_verb" in ks and not (k >= 1 and text[toks[k - 1].end : toks[k].start] == "-"):
            # (not the second half of a compound adjective: "an intelligence-based operation in Bajaur")
            if w == "held" and k + 1 < len(words) and words[k + 1] in ("hostage", "hostages", "captive"):
                return False  # "were held hostage in a school in X": the siege is the event
            if (
                w in _CONVENED
                and k >= 1
                and (words[k - 1] in _GATHERINGS or c.has("ref_place", words[k - 1]))
            ):
                # "blew himself up at a gathering held to celebrate Eid at Nishtar Park": the
                # participle only says what the gathering was; what hit it governs its place
                return False
            if k >= 1 and words[k - 1] == "and" and any(n < k - 1 for n in f.events):
                # "killed five militants and arrested one during an operation in Tirah": the place
                # is that of both verbs
                return False
            return not _victims_clause(words, k, c)
        k -= 1
    return False


def _victims_clause(words: Sequence[str], k: int, c: Cues) -> bool:
    """Whether the verb at ``k`` opens a relative clause on the victims of a word of violence before it.

    "killed 17 worshippers who had gathered for prayers at a mosque in Herat": the clause
    tells where the victims were, which is the site.
    """
    n = k - 1
    while n >= 0 and (
        words[n] in _AUXILIARIES
        or words[n] in ("they", "he", "she", "we", "and")
        or c.has("other_verb", words[n])
    ):
        n -= 1  # "in a house where they lived and worked in the Saravan area"
    return (
        n >= 1
        and words[n] in ("who", "that", "which", "where")
        and any(c.has("event", w) and not w.endswith(_AGENT_ENDINGS) for w in words[:n])
    )


#: Endings of the nouns for those who do violence ("fighters", "militants", "gunmen"): words of
#: violence that name people, not an act done to the clause's victims
_AGENT_ENDINGS = ("er", "ers", "or", "ors", "ant", "ants", "man", "men")


def _journey_hit(words: Sequence[str], j: int, c: Cues) -> bool:
    """Whether a "when"/"as" clause after the place tells of violence: the journey was hit on its way."""
    for n in range(j, len(words) - 1):
        if words[n] in ("when", "as"):
            return any(c.has("event", w) and not w.endswith(_AGENT_ENDINGS) for w in words[n + 1 :])
    return False


def _infinitive(toks: Sequence[Token], words: Sequence[str], k: int, p: int) -> bool:
    """Whether the ``to`` at ``k`` starts an infinitive with its object ("to mark the", "to collect their").

    A destination's ``to`` is followed by a noun phrase; a lower-case word that is not a
    determiner, followed by a determiner or a name, is a verb taking its object; followed by
    "at" or "in", a verb with no object ("had stopped to eat at a restaurant in Khanewal").
    """
    if k + 2 > p:
        return False
    verb, nxt = toks[k + 1], toks[k + 2]
    if verb.cap or not verb.text.isalpha() or words[k + 1] in _DETERMINERS:
        return False
    return words[k + 2] in _DETERMINERS or nxt.cap or words[k + 2] in ("at", "in", "inside")


#: Participles of moving someone that do not end in "-ed": "were taken to", "was flown to"
_MOVED = frozenset({"taken", "brought", "flown", "driven", "sent", "shifted", "rushed"})


def _event_governs(toks: Sequence[Token], words: Sequence[str], k: int, text: str, c: Cues) -> bool:
    """Whether a word of violence comes before the ``to``/``from`` at ``k`` in the same clause.

    A passive verb right before it is what the phrase hangs from: "The victims were taken to the
    hospital in Sui" tells where they were taken, whatever word of violence the clause has.
    """
    if k >= 2 and words[k - 2] in _BE_FORMS and (words[k - 1].endswith("ed") or words[k - 1] in _MOVED):
        return False
    n = k - 1
    while n >= 0:
        if _CLAUSE_BREAK.search(text, toks[n].end, toks[n + 1].start):
            return False
        if words[n] in ("when", "while", "as", "because", "after", "before", "and", "but"):
            return False
        if c.has("event", words[n]):
            return True
        n -= 1
    return False


#: Cue kinds of a noun that a place names as an attribute ("the Peshawar market")
_SITE_NOUNS = frozenset({"facility", "building"})

#: Forms of "fall" that tell of a place taken when the place is their subject: "Jani Khel fell
#: early on 25 July", "the district had fallen by nightfall" ("fell to the Taliban" is an event
#: cue in any position; a bare "fell" is not, as shells and prices fall too)
_TAKEN = frozenset({"fell", "fallen", "falls"})

#: Words that open a clause set against the sentence's main one: "While Punjab remained the centre
#: of legal pressure, Karachi saw a spate of killings" (dev215 writer, an HRCP excerpt)
_CONTRAST = frozenset({"while", "whereas", "although", "though", "unlike"})


def _contrasted(m: _Mention, f: _Facts) -> bool:
    """Whether the place opens a contrasting clause that ends before any word of violence."""
    if m.i != 1 or f.words[0] not in _CONTRAST:
        return False
    end = min((b for b in f.breaks if b >= m.j - 1), default=None)
    return end is not None and all(n > end for n in f.events)


def _subject_of_event(m: _Mention, f: _Facts, text: str, c: Cues) -> bool:
    """'Mastung came under attack', 'Zaranj was overrun': the place is the subject of a word of violence."""
    toks = m.sent.tokens
    k = m.j
    if k < len(toks) and text[m.end : toks[k].start].strip():
        return False  # punctuation after the place: not a subject-verb pair
    if k + 1 < len(toks) and not toks[k].cap and k not in f.breaks and not f.kinds[k].isdisjoint(_SITE_NOUNS):
        k += 1  # "the Peshawar market bombing killed": the place names the site of the event's noun
    while k < len(toks) and f.words[k] in _AUXILIARIES:
        k += 1
    return k in f.events or (k < len(toks) and f.words[k] in _TAKEN)


#: Determiners by which a statement takes an event already told of ("said the attack", "said its
#: strikes had been measured")
_ANAPHORIC = frozenset({"the", "this", "that", "these", "those", "its", "their"})


def _reaction(m: _Mention, f: _Facts, text: str, c: Cues, later_place: bool = True) -> bool:
    """Whether the place is where people reacted: the first predicate after it is a reaction.

    A place after a word of violence is where people reacted only when a reaction word comes
    between them ("the attack was condemned by ... the White House in Washington"); "the
    attack in X was condemned" keeps X. Reading rightwards through the sentence, the first
    reaction word ("condemned", "vowed", "sent") makes it a reference; so does an
    official as the subject of a fronted "In X, ..." clause ("In Washington, the
    president ...") when the sentence names another place after it (without one,
    "In Quetta, officials said a bomb exploded" is about Quetta); the first word of
    violence ends the search.
    """
    words = f.words
    before = [n for n in f.events if n < m.i]
    if before:
        # "The attack was condemned by the government in Islamabad": a reaction that follows the
        # last word of violence governs the places after it; so does one that "as did" repeats
        # ("Kabul condemned the attack, as did the prime minister in Islamabad")
        last = max(before)
        between = words[last + 1 : m.i]
        kinds = f.kinds
        if any("reaction" in ks for ks in kinds[last + 1 : m.i]):
            return True
        repeats = any(w == "as" and nxt in _DO_FORMS for w, nxt in pairwise(between))
        # "condemned the attack in a statement issued by the Presidential Palace in Kabul": the
        # reaction's own phrase, not the attack's, holds the place
        stated = any("ref_head" in ks for ks in kinds[last + 1 : m.i])
        return (repeats or stated) and any("reaction" in ks for ks in kinds[max(0, last - 3) : last])
    fronted = m.i <= 3 and text[m.end : m.end + 1] == ","
    spoke = False
    events = f.events
    for n in range(m.j, len(words)):
        ks = f.kinds[n]
        if "event" in ks or n in events:  # a word, or the first of a phrase ("taken control")
            # "In Tehran, the Supreme Leader said the attack was ...", "In Islamabad, the minister said
            # the army had taken control of the town": a statement about an attack or a place the
            # report has named already is made in X, not about X
            # "In New Delhi, the army said three soldiers had been killed in the Machil sector": the
            # statement puts the violence at the place it names after it
            return (
                fronted
                and spoke
                and n >= 1
                and (words[n - 1] in _ANAPHORIC or later_place or _anaphoric_place(words[n + 1 : n + 6]))
            )
        if fronted and "speech" in ks:
            spoke = True
        if "reaction" in ks:
            return True
        if fronted and later_place and ("ref_head" in ks and "ref_place" not in ks):
            return True
    return False


def _avenged(m: _Mention, f: _Facts) -> bool:
    """Whether the place follows, in its clause, what the violence before it avenged.

    "she had been shot to avenge what it called the persecution of Muslims in China's Xinjiang
    region", "killed in revenge for the army's operations in Swat", "fires missiles into Syria over
    Ahvaz parade attack": the place is the motive's.
    """
    acts = [n for n in f.events if n < m.i and n not in f.recalled]  # not the avenged event itself
    words = f.words
    return bool(acts) and any(
        _motive(words, k) or (words[k] == "over" and not _GRIEVANCES.isdisjoint(words[k + 1 : m.j + 4]))
        for k in range(max(acts) + 1, m.i)
    )


#: Nouns of a grievance that "over" makes the cause of the violence before it: "Iran fires
#: missiles into Syria over Ahvaz parade attack" ("anger spreads over killing of two porters"
#: has no violence before "over": the killing is the report's own)
_GRIEVANCES = frozenset({"attack", "attacks", "killing", "killings", "bombing", "bombings", "massacre"})


def _dated(f: _Facts) -> bool:
    """Whether the sentence names a date of its own: a year, a month, a day of a month."""
    return bool(f.dates or f.months or f.month_days or f.years)


def _same_day(words: Sequence[str]) -> bool:
    """Whether the sentence puts itself on the event's day: "later the same day", "that same day"."""
    return any(w == "day" and k >= 1 and words[k - 1] in ("same", "that") for k, w in enumerate(words))


#: How many words before a place's preposition "despite" may open the phrase that holds it
_DESPITE_REACH = 8


def _statement_abroad(m: _Mention, f: _Facts, text: str, c: Cues) -> bool:
    """Whether a fronted "In X," opens a statement: a word of speech comes before any of violence.

    "In Rome, the foreign ministry confirmed that an Italian citizen had been kidnapped": the
    caller makes X a reference only when the report's sites so far lie in other countries.
    """
    if m.i > 1 or text[m.end : m.end + 1] != ",":
        return False
    first = min((n for n in f.events if n >= m.j), default=len(f.words))
    return any("speech" in f.kinds[n] for n in range(m.j, first))


#: Nouns by which "the town", "the city" take a place the report has named
_ANAPHOR_NOUNS = frozenset({"town", "city", "village", "area", "district", "province", "valley"})


def _anaphoric_place(words: Sequence[str]) -> bool:
    """Whether the words hold "the town", "the city" or another place the report has named."""
    return any(w in ("the", "this", "that") and nxt in _ANAPHOR_NOUNS for w, nxt in pairwise(words))


def _reaction_object(m: _Mention, f: _Facts, c: Cues) -> bool:
    """'Sharif condemned the killing in Islamabad': a reaction or statement whose object is the event.

    The place may be the event's or the reaction's; :func:`~geokit.geoparse.article._give_roles`
    keeps it a site when the report has it as one elsewhere.
    """
    words = f.words
    if _reacted_to_named(m, f, c):
        return True
    before = [n for n in f.events if n < m.i]
    if not before:
        return False
    last = max(before)
    between = words[last + 1 : m.i]
    stated = [
        r for r in range(max(0, last - 3), last) if c.has("reaction", words[r]) or c.has("speech", words[r])
    ]
    return (
        0 < len(between) <= 2
        and between[0] in ("in", "at")
        and bool(stated)
        and not _clause_told(words, stated[-1], last)
    ) or (m.sent.index > 0 and _judged(words, m.i, f, before))


def _reacted_to_named(m: _Mention, f: _Facts, c: Cues) -> bool:
    """'Islamabad denies any role in the Pahalgam attack': a reaction to an event the place names.

    The place qualifies the word of violence right after it ("the Pahalgam attack"), and a
    verb of reaction stands within seven words before it, in the same clause.
    """
    words = f.words
    if m.i < 2 or m.j not in f.events or words[m.i - 1] != "the":
        return False
    lo = max(0, m.i - 8)
    return any(c.has("reaction", words[r]) and f.breaks.isdisjoint(range(r, m.i)) for r in range(lo, m.i - 1))


def _clause_told(words: Sequence[str], r: int, last: int) -> bool:
    """'Police said gunmen opened fire in X', 'said three were killed in X': a clause, not an object.

    The statement at ``r`` tells a clause of its own when a verb comes between it and the word
    of violence at ``last`` (or is that word): a form of "be" or "have", a past form in -ed that
    no determiner makes a noun's adjective, or an irregular past. "Condemned the killing in X"
    takes the event as its object; "said gunmen stormed a jail in X" reports where it happened.
    """
    for k in range(r + 1, last + 1):
        w = words[k]
        if w in _AUXILIARIES or w in _IRREGULAR_PAST:
            return True
        if w.endswith("ed") and len(w) > 4 and words[k - 1] not in _DETERMINERS:
            return True
    return False


#: Verbs of judging an act: what they judge is a reaction's object however long its phrase is
_JUDGING = ("condemn", "denounc", "deplor", "criticis", "criticiz", "mourn")
#: Words that end the phrase a judging verb takes: a clause or an infinitive of its own
_PHRASE_ENDS = frozenset({"that", "which", "who", "when", "after", "and", "but", "to", "as", "while"})


def _judged(words: Sequence[str], i: int, f: _Facts, before: Sequence[int]) -> bool:
    """'Had condemned the deaths of seven civilians in an explosion ... in Kulgam': the object judged.

    Walks back from the place through the object's nouns and prepositions to a verb of judging
    (``_JUDGING``) at most 16 words before it, with a word of violence between; a comma, a verb
    ("that killed"), a clause word or an infinitive ends the phrase first. Read past the lede
    only: a lede's "condemned the attack on a police station in Quetta" tells the news itself.
    """
    for r in range(i - 1, max(-1, i - 17), -1):
        w = words[r]
        if r in f.breaks:
            return False
        if w.startswith(_JUDGING):
            return any(r < e for e in before)
        if w in _PHRASE_ENDS or w in _AUXILIARIES or (w.endswith("ed") and len(w) > 4):
            return False
    return False


#: Words of a research or monitoring body's name: "the Pakistan Institute for Conflict and
#: Security Studies in Islamabad" counts and compares attacks, it was not hit
_RESEARCH_WORDS = frozenset({"institute", "studies", "research", "observatory", "monitor"})


def _research_seat(m: _Mention, f: _Facts) -> bool:
    """Whether the place is the seat of a research body named right before it ("... Studies in Islamabad").

    Not when a word of violence takes the body as its object ("attacked the Institute of
    Nuclear Studies in Islamabad").
    """
    toks = m.sent.tokens
    if m.i < 3 or toks[m.i - 1].low not in ("in", "at") or not toks[m.i - 2].cap:
        return False
    k = m.i - 2
    run = []
    while k >= 0 and (toks[k].cap or toks[k].low in ("for", "of", "and", "on")):
        run.append(toks[k].low)
        k -= 1
    if len(run) < 2 or _RESEARCH_WORDS.isdisjoint(run):
        return False
    return not any(k - 2 <= e <= k for e in f.events)


def _hedge(m: _Mention, f: _Facts) -> str | None:
    """Tell how an incident was reported.

    Returns ``"claimed"`` ("claimed to have taken over"), ``"reported"``
    (allegedly, reportedly, unconfirmed), or ``None``.
    """
    if not f.uncertain:
        return None
    return "claimed" if f.claimed else "reported"

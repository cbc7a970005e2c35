"""Finding place mentions in a report's sentences.

Part of :mod:`geokit.geoparse`. A capitalised run of words is a mention when it is a gazetteer or
country name *as a whole*; organisations and people ("Faysal Bank", "Bashir Zeb Baloch") are longer
runs and never match. An unknown capitalised name right after "in/at/near/on" in a sentence about
violence ("the police station in Sariab") is kept for the resolver to place; the other forms of a
place (facilities, "the Afghan capital") come from :mod:`geokit.geoparse._forms`.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, lru_cache

from geokit.gazetteer import Match
from geokit.gazetteer.localities import localities_named
from geokit.geoparse import _forms
from geokit.geoparse._dates import _MONTH_WORDS, _NUMBERS, _WEEKDAY_WORDS
from geokit.geoparse._mention import (
    _BY_TOWN,
    _EVENT_WINDOW,
    _FOREIGN_CITY,
    _NAMED_TOWN,
    _UNIT_KINDS,
    _WORLD_CITY,
    _Mention,
)
from geokit.geoparse._report import entry_line
from geokit.geoparse.matcher import Cues, NameIndex, Run, Sentence, Token, runs
from geokit.normalize import key


def _find(
    text: str, sents: Sequence[Sentence], idx: NameIndex, c: Cues, misses: list[Run] | None = None
) -> list[_Mention]:
    """Find the place names of the text; the runs that are no name go to ``misses``."""
    lower: set[str] | None = None  # the words written in lower case, made when first asked
    tails: set[str] = set()  # last words of capitalised runs that are not places (people's names)
    out: list[_Mention] = []
    known, has = idx.known, c.has
    for s in sents:
        toks = s.tokens
        hyphenated = _HYPHENS.search(text, s.start, s.end) is not None
        found_runs = _pieces(text, s, runs(text, s), idx) if hyphenated else runs(text, s)
        if _JOINED_NAME.search(text, s.start, s.end):
            found_runs = _joined(text, s, list(found_runs), idx)
        for run in found_runs:
            if _sea_word(toks, run):
                continue  # "the Gulf of Oman", "the Bay of Bengal": no Gulf Province, no town of Bengal
            if run.j - run.i > 1 and toks[run.j - 1].text == "No":
                run = run._replace(j=run.j - 1)  # "Liaquatabad No. 10": the place, then a number
            elif (
                run.j - run.i > 1
                and toks[run.j - 1].low in _TRIM_WORDS
                and not known(_run_key(text[toks[run.i].start : toks[run.j - 1].end]))
                and known(_run_key(text[toks[run.i].start : toks[run.j - 2].end]))
            ):
                run = run._replace(j=run.j - 1)  # "Kunar Province": the name, then the kind of unit
            numbered = (
                _numbered(text, toks, run, idx, c)
                if run.j < len(toks) and toks[run.j].text[:1].isdigit()
                else None
            )
            if numbered is not None:
                # "Chak 59", "Chak 95 Shumali": a village named by its number is no town of the name
                if _unknown_place(text, s, run.i, run.j, c) or (run.i >= 1 and toks[run.i - 1].low == "of"):
                    start = toks[run.i].start
                    whole = text[start : toks[numbered - 1].end]
                    out.append(
                        _Mention(
                            whole,
                            start,
                            toks[numbered - 1].end,
                            s,
                            run.i,
                            numbered,
                            key(whole),
                            kind="unknown",
                        )
                    )
                continue
            a, found = run.i, ""
            run_end = toks[run.j - 1].end
            while a < run.j:
                k = _run_key(text[toks[a].start : run_end])
                if known(k):
                    found = k
                    break
                if not has("stop", toks[a].low):
                    break
                a += 1
            span = (a, run.j)
            if not found:
                if 2 <= run.j - run.i <= 4 and _personal(toks[run.i : run.j], c, text):
                    tails.add(toks[run.j - 1].low)  # "Mark Walsh": "Walsh" alone is that person
                    if _AGE.match(text, run_end):
                        # "Chen Zhu, 46": surely a person, whose family name may come first
                        tails.update(t.low for t in toks[run.i : run.j])
                if misses is not None:
                    misses.append(run)
                # the name starts after the run's capitalised stop words: "In Jamshed Town, ..."
                i = a if run.i < a < run.j and toks[a - 1].low in _BEFORE_UNLISTED else run.i
                host = _possessive_host(text, s, i, out)  # "in Karachi's Sohrab Goth area"
                var: list[Match] = []
                if host is not None:
                    kind = "unknown" if _unknown_place(text, s, i, run.j, c, host - 1) else None
                elif i == 0 and _entry_head(text, s, run.j, c):
                    kind = "unknown"  # "- Golwarz: two more civilians were reportedly killed."
                else:
                    if not i or (
                        toks[i - 1].low not in _BEFORE_UNLISTED and not _described(toks, i, run.j, c)
                    ):
                        continue  # the test both readings below open with, made here for most runs
                    var = _variant_place(text, s, i, run.j, idx, c)
                    kind = "variant" if var else "unknown" if _unknown_place(text, s, i, run.j, c) else None
                if kind is not None:  # the whole name, as written: a variant spelling or an unknown name
                    start = toks[i].start
                    whole = text[start:run_end]
                    out.append(
                        _Mention(whole, start, run_end, s, i, run.j, key(whole), matches=var, kind=kind)
                    )
                continue
            single = span[1] - span[0] == 1
            low = toks[a].low
            if (
                single
                and (c.has("stop", low) or c.has("demonym", low))
                and not _country_code(toks[a], found, idx)
            ):
                continue
            if (
                single
                and toks[a].text.isupper()
                and len(low) <= 4
                and found not in idx.countries
                and found not in idx.aliases
            ):
                continue  # "IS", "BA", "NGO": acronyms, not places
            if c.has("demonym", found) or idx.non_place.get(found) in ("organisation", "group"):
                continue
            b = _of_name_start(text, toks, a, run_end, known)
            if b is not None:
                # a name of the gazetteer with "of" inside: "the University of Karachi", "Isle of
                # Man", "the Democratic Republic of the Congo"
                a, found, single = b, _run_key(text[toks[b].start : run_end]), False
            if a == span[0] and _of_linked(s, a, c, idx):
                continue
            if (
                run.j < len(toks)
                and c.has("building", toks[run.j].low)
                and text[toks[run.j - 1].end : toks[run.j].start] == " "
                and not (not toks[run.j].cap and _town_of_note(idx.matches(found)))
            ):
                continue  # "the Mar Elias church": a building's name; "D.I. Khan hospital" is in the town
            if _ARTICLE_AFTER.match(text, run_end) and not _town_of_note(idx.matches(found)):
                continue  # "the Saheb al-Zaman mosque": the first word of a longer Arabic name
            m = _Mention(
                text[toks[a].start : toks[run.j - 1].end],
                toks[a].start,
                toks[run.j - 1].end,
                s,
                a,
                run.j,
                found,
            )
            if found in idx.continents and found not in idx.countries:
                m.kind = "continent"
            elif found in idx.countries:
                m.kind = "country"
                m.country = idx.countries[found][0]
            else:
                m.matches = idx.matches(found)
                if single:
                    if lower is None:
                        lower = {t.low for s in sents for t in s.tokens if not t.cap}
                    if low in lower:
                        m.kind = "weak"  # the word also appears in lower case: needs the focus
            out.append(m)
    inside = _inside_longer(out)
    return [
        m
        for m in out
        if id(m) not in inside
        and not _person(m, tails, text, c)
        and not _common_word(m, c)
        and not _product(m, text, c)
        and not (m.j - m.i == 1 and m.kind != "country" and m.key in _forms.demonym_table())
    ]


def _of_name_start(
    text: str, toks: Sequence[Token], a: int, run_end: int, known: Callable[[str], bool]
) -> int | None:
    """Return where a known name with "of" (or "of the") inside starts, the run at ``a`` its end.

    Up to three capitalised words before the "of" may open it; the longest known name wins.
    """
    o = a - 1 if a >= 2 and toks[a - 1].low == "of" else a - 2
    if o < 1 or toks[o].low != "of" or (o == a - 2 and toks[a - 1].low != "the"):
        return None
    best = None
    for b in range(o - 1, max(-1, o - 4), -1):
        if not toks[b].cap:
            break
        if known(_run_key(text[toks[b].start : run_end])):
            best = b
    return best


#: The first words of the names of seas and straits ("the Gulf of Aden", "the Strait of Hormuz")
_WATER_HEADS = frozenset({"gulf", "bay", "strait", "straits", "sea", "ocean"})


def _sea_word(toks: Sequence[Token], run: Run) -> bool:
    """Whether a run is a word of a sea's name: "Gulf" in "the Gulf of Oman" or "the Gulf", "Oman" after it.

    The gazetteer holds no seas; their first word is a province elsewhere (Gulf in Papua New
    Guinea, Bay in Somalia), which "the Gulf" of Middle East news never means, and the name
    after "of" is the sea's, not the country's or the town's ("the Gulf of Aden").
    """
    a = run.i
    if a >= 2 and toks[a - 1].low == "of" and toks[a - 2].low in _WATER_HEADS and toks[a - 2].cap:
        return True
    if run.j - a != 1 or toks[a].low not in _WATER_HEADS:
        return False
    if a + 2 < len(toks) and toks[a + 1].low == "of" and toks[a + 2].cap:
        return True
    return toks[a].low == "gulf" and a >= 1 and toks[a - 1].low == "the"


def _inside_longer(out: Sequence[_Mention]) -> set[int]:
    """Return the ids of the mentions that lie inside a longer one ("Isle" in "Isle of Man").

    One pass in text order: a mention ends no later than the furthest span opened before it.
    """
    inside: set[int] = set()
    reach, widest = -1, (-1, -1)
    for m in sorted(out, key=lambda m: (m.start, -m.end)):
        if reach >= m.end and widest != (m.start, m.end):
            inside.add(id(m))
        if m.end > reach:
            reach, widest = m.end, (m.start, m.end)
    return inside


@lru_cache(maxsize=1 << 16)
def _run_key(name: str) -> str:
    """Return :func:`~geokit.normalize.key` of a run as written, remembered: names recur in the news."""
    return key(name)


def _other_forms(
    text: str, sents: Sequence[Sentence], misses: list[Run], found: list[_Mention], idx: NameIndex, c: Cues
) -> list[_Mention]:
    """Places named in the other forms of :mod:`._forms`: abbreviations, name parts, capitals.

    Each is a reference mention whose ``rule`` says its form, but for a place that holds a
    facility named after it ("Karachi University") and a capital named by its country ("the
    Afghan capital"), whose roles are read like any place's (``_READ_FORMS``). A state named
    by its abbreviation right after a town ("Kansas City, Kan.") keeps only that town's
    readings inside the state.
    """
    out: list[_Mention] = []
    for f in _forms.abbreviations(text, sents):
        iso = f.country
        units = [x for x in idx.matches(f.key) if x.place.kind == "adm1" and x.place.country == iso]
        if not units:
            continue
        m = _form_mention(text, f)
        m.matches, m.kind, m.country, m.unit = units, "adm1", iso, units[0].place.name
        out.append(m)
        for town in found:
            if town.sent is f.sentence and town.j == f.i and town.matches:
                inside = [x for x in town.matches if x.place.country == iso and x.place.admin1 == m.unit]
                if inside:
                    town.matches, town.unit = inside, m.unit
    for f in _forms.name_parts(text, misses, sents, idx, c):
        m = _form_mention(text, f)
        if f.key in idx.countries:  # "U.S. Secretary of State Hillary Clinton"
            m.kind, m.country = "country", idx.countries[f.key][0]
            out.append(m)
            continue
        m.matches = idx.matches(f.key)
        if not any(x.place.is_admin or x.place.population >= _NAMED_TOWN for x in m.matches):
            continue  # "the Baron Hotel": a hamlet's name is any name
        out.append(m)
    for f in _forms.capitals(text, sents, idx.countries):
        m = _form_mention(text, f)
        towns = [x for x in idx.matches(f.key) if x.place.country == f.country and not x.place.is_admin]
        if towns:
            best = max(towns, key=lambda x: x.place.population)
            m.matches, m.kind, m.unit, m.query = [best], best.place.kind, best.place.admin1, best.place.name
            out.append(m)
    for f in _forms.sectors(text, sents):
        m = _form_mention(text, f)
        cities = [x for x in idx.matches(f.key) if x.place.country == f.country and not x.place.is_admin]
        if cities:
            city = max(cities, key=lambda x: x.place.population)
            # resolved as an unknown part of the city: placed at the city, precision 2
            m.matches, m.kind, m.unit, m.query = (
                [city],
                city.place.kind,
                city.place.admin1,
                f"{m.text} sector, {city.place.name}",
            )
            out.append(m)
    return out


def _form_mention(text: str, f: _forms.Form) -> _Mention:
    toks = f.sentence.tokens
    start, end = toks[f.i].start, toks[f.j - 1].end
    if f.rule == "abbreviation" and text[end : end + 1] == ".":
        end += 1  # "Okla.": the full stop is part of the abbreviation
    m = _Mention(text[start:end], start, end, f.sentence, f.i, f.j, f.key, country=f.country)
    m.role, m.rule = "reference", f.rule
    return m


_HYPHENS = re.compile("[-\u2011\u2013]")


#: Lower-case words a place's name may hold between its capitalised words: "Sistan and
#: Baluchestan", "Rio de Janeiro", "Dar es Salaam", "Sharm el Sheikh", "Newcastle upon Tyne"
_NAME_JOINERS = frozenset(
    {"and", "de", "del", "da", "do", "dos", "das", "di", "du", "des", "la", "le", "el", "al", "es"}
    | {"upon", "am", "an", "der", "den", "y", "sur", "en"}
)
_JOINED_NAME = re.compile(r" (?:" + "|".join(sorted(_NAME_JOINERS)) + r")(?: [a-z]{1,3})? [A-Z]")


#: Words for a kind of unit that a report may capitalise after the name ("Kunar Province")
_UNIT_WORDS = frozenset(_UNIT_KINDS) | {"division", "tehsil"}
#: ... and the words a run sheds when the name before them is known: those units, a tribal agency and a
#: valley ("the Swat Valley" is read as "the Swat valley", whose lower-case word a run never takes)
_TRIM_WORDS = _UNIT_WORDS | {"valley", "agency"}


#: Lower-case words a numbered village's name may take after its number ("Chak 59 village")
_NUMBERED_KINDS = frozenset(
    {"village", "villages", "town", "area", "mouza"} | {"colony", "bazaar", "block", "sector"}
)


def _numbered(text: str, toks: Sequence[Token], run: Run, idx: NameIndex, c: Cues) -> int | None:
    """Return the end of a town's name and the number after it ("Chak 59 Shumali"), else ``None``.

    One word that is a town's name (not a month or a stop word), a space and a number of up to
    four digits, then any capitalised words: the villages of the Punjab canal colonies are
    numbered so, and "Chak" alone is a town in Sindh.
    """
    n = run.j
    if run.j - run.i != 1 or n >= len(toks) or not toks[n].text.isdigit() or len(toks[n].text) > 4:
        return None
    word = toks[run.i].low
    if word in _MONTH_WORDS or c.has("stop", word) or not idx.known(word):
        return None
    if text[toks[n - 1].end : toks[n].start] != " ":
        return None
    n += 1
    if (
        n < len(toks)
        and text[toks[n - 1].end : toks[n].start] == " "
        and toks[n].text.isalpha()
        and not toks[n].cap
        and toks[n].low not in _NUMBERED_KINDS
    ):
        return None  # "hit in Lahore 10 days earlier", "Quetta 20 km away": a count after the town
    while n < len(toks) and toks[n].cap and text[toks[n - 1].end : toks[n].start] == " ":
        n += 1
    return n


def _joined(text: str, s: Sentence, found: list[Run], idx: NameIndex) -> Iterator[Run]:
    """Join two runs around lower-case words when together they are one name.

    "Sistan and Baluchestan", "Rio de Janeiro", "Dar es Salaam": one or two words of
    ``_NAME_JOINERS`` (the second may be any short word: "Ciudad del Este", "Santiago de los
    Caballeros") between two capitalised runs, the whole a name of the gazetteer.
    """
    toks = s.tokens
    n = 0
    while n < len(found):
        run = found[n]
        if n + 1 < len(found):
            nxt = found[n + 1]
            between = toks[run.j : nxt.i]
            if (
                1 <= len(between) <= 2
                and between[0].low in _NAME_JOINERS
                and all(not t.cap for t in between)
                and idx.known(_run_key(text[toks[run.i].start : toks[nxt.j - 1].end]))
            ):
                yield Run(run.sentence, run.i, nxt.j)
                n += 2
                continue
        yield run
        n += 1


def _pieces(text: str, s: Sentence, found: Iterable[Run], idx: NameIndex) -> Iterator[Run]:
    """Split a hyphenated run that is no name into its parts when each part is a name.

    "Egypt-US relations", "the Canada-U.S. alliance", "the Quetta-Chaman road": each side is
    a place of its own; so is the home town after a lawmaker's party ("D-Oakland"). A run that
    is a name as a whole ("Dera Ismail Khan") is not split, and neither is one whose parts are
    not all names ("Tehreek-e-Taliban").
    """
    toks = s.tokens
    for run in found:
        if run.j - run.i < 2 or not _HYPHENS.search(text, toks[run.i].end, toks[run.j - 1].start):
            yield run
            continue
        cuts = [
            n
            for n in range(run.i + 1, run.j)
            if text[toks[n - 1].end : toks[n].start] in ("-", "\u2011", "\u2013")
        ]
        if not cuts or idx.known(_run_key(text[toks[run.i].start : toks[run.j - 1].end])):
            yield run
            continue
        party = len(cuts) == 1 and cuts[0] == run.i + 1 and toks[run.i].text in _forms.PARTY_LETTERS
        if party and _named(text, toks[cuts[0] : run.j], idx):
            yield Run(run.sentence, cuts[0], run.j)  # party and home town: "Rep. Barbara Lee, D-Oakland"
            continue
        bounds = [run.i, *cuts, run.j]
        parts = [Run(run.sentence, a, b) for a, b in itertools.pairwise(bounds)]
        # the first part may start with other capitalised words ("Rethinking Egypt-US")
        first = next(
            (
                Run(run.sentence, a, cuts[0])
                for a in range(run.i, cuts[0])
                if _named(text, toks[a : cuts[0]], idx)
            ),
            None,
        )
        rest = parts[1:]
        if first and all(_named(text, toks[p.i : p.j], idx) for p in rest):
            if first.i > run.i:
                yield Run(run.sentence, run.i, first.i)
            yield first
            yield from rest
        else:
            yield run


def _named(text: str, toks: Sequence[Token], idx: NameIndex) -> bool:
    """Whether tokens are a place name or a country's demonym ("Egyptian" in "Egyptian-US")."""
    if len(toks) == 1 and toks[0].low in _forms.demonym_table():
        return True
    return idx.known(_run_key(text[toks[0].start : toks[-1].end]))


def _personal(toks: Sequence[Token], c: Cues, text: str) -> bool:
    """Whether a capitalised run that is no place could be a person's name ("Mark Walsh").

    Not when it starts with a word that is transparent to place names ("Northern") or with a
    preposition of place (a sentence's "At Kalmat"), holds
    a word of an organisation or a building ("First Baptist Church Maryville"), or joins its
    words by a Persian ezafe ("Arg-e Bam", "Bagh-i-Bala"): such a name is a place's or a
    building's, and its last word ("Bam") the place it is named after, not a surname.
    """
    if c.has("transparent", toks[0].low) or toks[0].low in _UNKNOWN_AFTER:
        return False  # "At Kalmat gunmen ...": a sentence's opening preposition, then the name
    if any(t.low in _EZAFE and text[toks[n - 1].end : t.start] == "-" for n, t in enumerate(toks) if n):
        return False
    return not any(c.has("org", t.low) or c.has("building", t.low) for t in toks)


#: The Persian linking vowel as English reports write it inside names: "Arg-e Bam", "Pul-i-Khumri"
_EZAFE = frozenset({"e", "i"})


def _country_code(t: Token, found: str, idx: NameIndex) -> bool:
    """Whether a word in capitals is a country's code ("US", "UK", "U.S."), not the word "us"."""
    return t.text.isupper() and found in idx.countries


@cache
def _english() -> frozenset[str]:
    from english_words import get_english_words_set

    return frozenset(w for w in get_english_words_set(["web2"], lower=False) if w.islower())


def _common_word(m: _Mention, c: Cues) -> bool:
    """Whether a one-word mention is a common English word ("Secretary", "Reserve") naming a small place.

    Hamlets take their names from common words; the word is meant unless a preposition of
    place comes before it ("in Concord") or a reading is an admin unit or a city of 100,000.
    """
    if m.j - m.i != 1 or m.kind in ("country", "continent", "unknown") or m.key not in _english():
        return False
    if any(x.place.is_admin or x.place.population >= _FOREIGN_CITY for x in m.matches):
        return False
    before = m.sent.tokens[m.i - 1].low if m.i else ""
    return not (c.has("locative", before) or before in ("from", "to", "of"))


def _product(m: _Mention, text: str, c: Cues) -> bool:
    """Whether the name is a weapon's or an aircraft's: "a CH-47 Chinook helicopter", "Hellfire missiles".

    Makers name helicopters, missiles and rifles after peoples and towns (Chinook, Apache,
    Tomahawk, Kalashnikov); the lower-case noun right after the name (cue kind
    ``product_after``) tells. An admin unit or a city of 100,000 keeps its place reading.
    """
    toks = m.sent.tokens
    if m.j >= len(toks) or m.kind in ("country", "continent") or not c.has("product_after", toks[m.j].text):
        return False
    if text[m.end : toks[m.j].start] != " ":
        return False
    return not any(x.place.is_admin or x.place.population >= _FOREIGN_CITY for x in m.matches)


def _person(m: _Mention, tails: set[str], text: str, c: Cues) -> bool:
    """Whether a one-word mention is a person's surname, not a small place of that name.

    It is when the report names the person in full elsewhere ("Walsh" after "Mark Walsh"),
    or here with a middle initial ("Terry A. Corbin"), after a title ("Governor Bush", "Chief
    Myers"), or before a word that only a person or a government takes ("the Bush
    administration"), or as the subject of "said" ("Willis said"). A country or an admin unit
    keeps its place reading, and so does a city of 100,000 or more by its own name against
    the weaker signs (the name elsewhere in full, "said": "Kabul said" is its government). A
    name the gazetteer lacks is a person only when the report names the person in full.
    """
    if m.j - m.i != 1 or m.kind in ("country", "continent"):
        return False
    if m.kind == "unknown":
        # "fired at Shah" after "worker Waqas Ali Shah": an unknown name is the person named in full
        return m.key in tails
    if any(x.place.is_admin for x in m.matches):
        return False
    toks = m.sent.tokens
    before = toks[m.i - 1] if m.i else None
    after = toks[m.j] if m.j < len(toks) else None
    initial = (
        before is not None
        and len(before.text) == 1
        and before.text.isupper()
        and text[before.end : m.start] == ". "
        and m.i >= 2
        and toks[m.i - 2].cap
    )
    titled = before is not None and before.cap and c.has("title", before.low)
    # "Willis said", '," Palma said': the name is the subject; "Residents of Chabahar said" is not
    subject = before is None or before.cap or text[before.end : m.start].strip() != ""
    next_word = after.low if after is not None and text[m.end : after.start].strip() == "" else ""
    if initial or titled or c.has("person_after", next_word):
        return True
    if m.key in tails and not any(x.place.population >= _WORLD_CITY for x in m.matches):
        # "Hassan" after "Photographer Asif Hassan": the person, not the Indian city of 130,000
        return True
    # weaker signs: a city of 100,000 or more by its own name may be its government ("Kabul
    # said"); a city's other name ("Kasi" for Varanasi) is no such sign
    if any(x.how == "name" and x.place.population >= _FOREIGN_CITY for x in m.matches):
        return False
    return m.key in tails or (subject and c.has("speech", next_word))


def _of_linked(s: Sentence, a: int, c: Cues, idx: NameIndex) -> bool:
    """'Patriarchate of Antioch', 'Khan of Kalat': the place is part of a longer name."""
    toks = s.tokens
    if a >= 2 and toks[a - 1].low == "of" and toks[a - 2].cap:
        w = toks[a - 2].low
        if c.has("facility", w):
            return False  # "the University of Karachi" stands in Karachi
        if c.has("org", w) or idx.non_place.get(w) in ("organisation", "group", "person"):
            return True
        # further into the name: "the Party of Free Life of Kurdistan"
        k = a - 3
        while k >= 0 and a - k <= 8 and (toks[k].cap or toks[k].low in ("of", "for", "and")):
            if toks[k].cap and c.has("facility", toks[k].low):
                return False
            if toks[k].cap and c.has("org", toks[k].low):
                return True
            k -= 1
    return False


def _plain_run(s: Sentence, i: int, j: int, c: Cues, opening: bool = False) -> bool:
    """Whether a run could be a place name: short, no organisation, person or common word.

    A run that opens its sentence is one only when ``opening`` says its sentence is a list's
    entry headed by it (:func:`_entry_head`).
    """
    from geokit.normalize import non_place_words

    toks = s.tokens
    if j - i > 3 or (i == 0 and not opening):
        return False
    if j < len(toks) and c.has("building", toks[j].low):
        return False  # "the Mar Elias church"
    npw = non_place_words()
    demonyms = _forms.demonym_table()
    for t in toks[i:j]:
        if (
            (c.has("stop", t.low) and t is toks[i] and j - i == 1)
            or c.has("demonym", t.low)
            or (t.low.endswith("s") and t.low[:-1] in demonyms)  # "an attack on Americans"
            or c.has("org", t.low)
            # an acronym names a body ("PTI"); a lone capital inside a name the locality table
            # lists is a letter of it ("Federal B Area")
            or (t.text.isupper() and (len(t.text) > 1 or t is toks[i] or not _listed_locality(toks, i, j)))
            or t.text.isdigit()
            or npw.get(t.low)
        ):
            return False
    return True


def _listed_locality(toks: Sequence[Token], i: int, j: int) -> bool:
    """Whether the words ``toks[i:j]`` are a name of the locality table (``data/city_localities.tsv``)."""
    return bool(localities_named(" ".join(t.text for t in toks[i:j])))


#: The words after which a run that is no name may be a spelling variant of one ...
_VARIANT_AFTER = frozenset({"in", "at", "near", "of", "from", "to", "outside", "through", "into", "across"})


#: ... or an unknown place (also after "the" after one of these).
_UNKNOWN_AFTER = frozenset({"in", "at", "near", "on", "outside", "inside", "through"})


_BEFORE_UNLISTED = _VARIANT_AFTER | _UNKNOWN_AFTER | {"the", "and"}


def _town_of_note(matches: Sequence[Match]) -> bool:
    """Whether a name is a district or a town of 50,000 by its own name: "D.I. Khan hospital" lies in it."""
    return any(m.how == "name" and (m.place.kind == "adm2" or m.place.population >= 50_000) for m in matches)


def _variant_place(text: str, s: Sentence, i: int, j: int, idx: NameIndex, c: Cues) -> list[Match]:
    """Return spelling-variant matches of a gazetteer name ("Bamiyan" for "Bamyan"), after a preposition."""
    toks = s.tokens
    # the preposition first: it is the cheaper test and rules out most runs
    if i == 0 or toks[i - 1].low not in _VARIANT_AFTER:
        return []
    if not _plain_run(s, i, j, c):
        return []
    hits = idx.variants(key(text[toks[i].start : toks[j - 1].end]))
    return [m for m in hits if m.place.population >= 1000 or m.place.is_admin]


#: An Arabic article joining the next word of a name: "Saheb al-Zaman", "Sayyid ul-Shuhada"
_ARTICLE_AFTER = re.compile(r" (?:al|el|ul|ud|ad|as|ash|an)-[A-Z]")
#: ", 42," after a name: a person's age
_AGE = re.compile(r",\s*\d{1,3}(?:,|\.|\)|\s+and\b)")


def _possessive_host(text: str, s: Sentence, i: int, found: Sequence[_Mention]) -> int | None:
    """Return where the place starts whose possessive comes right before token ``i``, else ``None``.

    "in Karachi's Sohrab Goth area": a name the gazetteer lacks, after a city's possessive, is
    read as after the preposition before the city (``_unknown_place``).
    """
    toks = s.tokens
    if i < 2 or toks[i - 1].low != "s" or text[toks[i - 2].end : toks[i - 1].end] not in ("'s", "’s"):
        return None
    end = toks[i - 2].end
    return next((o.i for o in reversed(found) if o.sent is s and o.end == end), None)


#: Lower-case words after a name that say it is a place: "Hisarak district", "Seeta village"
_TYPE_WORDS = frozenset({"district", "village", "town", "valley", "tehsil", "area", "subdivision"})
#: An apposition that says what the name before it is: "Delaram, a district of Farah province"
_TYPED_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:[a-z-]+\s+){0,2}(?:district|town|village|valley|tehsil|subdivision)\s+"
    r"(?:(?:of|in)\s+|" + _BY_TOWN + r")[A-Z]"  # "a district of Farah", "a town east of Erbil"
)


def _typed(text: str, toks: Sequence[Token], j: int) -> bool:
    """Whether the words after a run say what kind of place it names.

    "the police headquarters of Hisarak district", "the police station of Delaram, a district
    of Farah province": after "of" a name is a place only when so typed ("the family of Ahmad
    Shah" is not).
    """
    if j < len(toks) and toks[j].low in _TYPE_WORDS and not toks[j].cap:
        return True
    return j > 0 and _TYPED_APPOSITION.match(text, toks[j - 1].end) is not None


def _entry_head(text: str, s: Sentence, j: int, c: Cues) -> bool:
    """Tell whether the run ``0:j`` heads a list's entry that tells of violence at it.

    Flash updates and incident digests list incidents by place: "- Golwarz: two more civilians
    were reportedly killed.", "- Ja-Mirak area: ...", "- Hoosh village: ...". The entry opens with
    a list mark, the name (and a word for its kind) stands before a colon, and a word of violence
    follows within the entry's first words, as it would after "in".
    """
    toks = s.tokens
    if not (entry_line(text, toks[0].start) and _plain_run(s, 0, j, c, opening=True)):
        return False
    k = j + 1 if j < len(toks) and toks[j].low in _TYPE_WORDS else j
    if k >= len(toks) or text[toks[k - 1].end : toks[k].start].strip() != ":":
        return False
    return any(c.has("event", t.low) for t in toks[k : k + _EVENT_WINDOW])


def _described(toks: Sequence[Token], i: int, j: int, c: Cues) -> bool:
    """Whether one describing word stands between "the" and a name its type word follows.

    "in the crowded Raja Bazaar area" (dev19 writer), "in the remote Gulistan valley": the
    word describes the place, and the name is read as if "the" stood right before it.
    """
    w = toks[i - 1] if i >= 1 else None
    return (
        w is not None
        and i >= 2
        and not w.cap
        and w.text.isalpha()
        and toks[i - 2].low == "the"
        and j < len(toks)
        and toks[j].low in _TYPE_WORDS
        and not c.has("stop", w.low)
    )


def _unknown_place(text: str, s: Sentence, i: int, j: int, c: Cues, before: int | None = None) -> bool:
    """Tell whether a run is an unknown name after 'in/at/near/on (the)', about violence.

    After "of" the run must be typed as a place (:func:`_typed`) or listed in the locality table.

    ``before`` is the token to read as the one before the run, when a possessive stands
    between: the preposition before "Karachi's" in "in Karachi's Sohrab Goth area".
    """
    toks = s.tokens
    if i == 0:
        return False
    p = i - 1 if before is None else before
    if p < 0:
        return False
    if toks[p].low == "and" and p >= 2 and toks[p - 1].cap and text[toks[p - 1].end : toks[p].start] == " ":
        # "in Chakiwara and Kalri": the second of two names joined after the preposition
        q = p - 1
        while q > 0 and toks[q - 1].cap and q > p - 4:
            q -= 1
        p = q - 1
    if _described(toks, i, j, c) and p == i - 1:
        p -= 1  # "in the crowded Raja Bazaar area"
    if toks[p].low == "the" and p > 0:
        p -= 1
    if toks[p].low not in _UNKNOWN_AFTER and not (
        toks[p].low == "of"
        and (
            _typed(text, toks, j)
            or (j - i > 1 and toks[j - 1].low in _TYPE_WORDS)
            or _listed_locality(toks, i, j)
        )
    ):
        # after "of", a name typed by the words after it or by its own last word ("Block 16 of
        # Federal B Area"), or one the locality table lists ("the Mai Gari area of Manghopir")
        return False
    if not _plain_run(s, i, j, c):
        return False
    if j - i > 1 and toks[i].low in _NUMBERS:
        return False  # "in Four Provinces", "Two Districts of Balochistan": a headline's count, no name
    if j - i == 1 and j + 1 < len(toks) and toks[j].text.isdigit() and toks[j + 1].low == "of":
        return False  # "in Block 16 of Federal B Area": a numbered part of the place after "of"
    if text[toks[j - 1].end : toks[j - 1].end + 2] in ("'s", "’s"):
        return False
    if j < len(toks) and text[toks[j - 1].end : toks[j].start] == " " and c.has("person_after", toks[j].low):
        return False  # "near the Ahmadinejad motorcade", "the Bush administration": a person's
    if _AGE.match(text, toks[j - 1].end):
        return False  # "opened fire on Kanwaljeet Singh, 42, and ...": a person and his age
    if any(t.low in _WEEKDAY_WORDS or t.low in _MONTH_WORDS for t in toks[i:j]):
        return False  # "on Easter Sunday", "in March 2016": a time, not a place
    lo, hi = max(0, i - _EVENT_WINDOW), min(len(toks), j + _EVENT_WINDOW)
    if any(c.has("event", t.low) for t in toks[lo:hi]):
        return True
    # a phrase of violence: "mass graves were discovered near Tootak"
    return (
        c.finder("event", multiword=True).search(" " + " ".join(t.low for t in toks[lo:hi]) + " ") is not None
    )


def _states_not_countries(found: Sequence[_Mention], idx: NameIndex) -> None:
    """Read a country name as a state of the report's country ("Georgia" in news about Atlanta).

    When a country's name is also an admin-1 unit of another country, the report's other
    places point to that other country (two or more places of it alone), and none
    points to the country named, the name is the unit.
    """
    votes: dict[str, int] = {}
    for m in found:
        if m.kind == "country":
            continue
        strong = {x.place.country for x in m.matches if x.how == "name" and x.place.population >= 1000}
        if len(strong) == 1:
            cc = next(iter(strong))
            votes[cc] = votes.get(cc, 0) + 1
    for m in found:
        if m.kind != "country" or votes.get(m.country or "", 0):
            continue
        units = [
            x
            for x in idx.matches(m.key)
            if x.place.kind == "adm1" and x.place.country != m.country and votes.get(x.place.country, 0) >= 2
        ]
        if units:
            m.kind, m.country, m.matches = "", None, units

"""Sites told by "there" in the sentence after the one that names them.

Part of :mod:`geokit.geoparse`. Military and police statements place an operation in one
sentence and tell its violence in the next: "The first operation was launched in the general
area of Jani Khel in Bannu district. Two militants were killed there." The place of the first
sentence has no word of violence beside it, so its role rules make it a reference; the adverb
"there" in the next sentence, which names no place of its own, carries the event back to it.
"""

from __future__ import annotations

from collections.abc import Sequence

from geokit.geoparse._evidence import _hedge, _name_tokens, _prev
from geokit.geoparse._facts import _facts
from geokit.geoparse._mention import _Mention
from geokit.geoparse.matcher import Cues, Sentence

#: Prepositions by which a sentence puts something at a place (a subset of the locative cues:
#: the verbs among those say the place was hit, and a sentence with one is no "no-event" sentence)
_AT = frozenset({"in", "at", "near", "inside", "outside", "around", "within", "across", "throughout"})
#: Words of injury that tell violence as the event words do ("two policemen were wounded there")
_HURT = frozenset({"wounded", "injured"})
#: Words after "there" that make it the existential "there is / there were", not a place
_EXISTENTIAL = frozenset(
    {
        "is", "was", "were", "are", "has", "have", "had", "will", "would", "could", "may",
        "might", "must", "should", "seems", "seemed", "appears", "appeared", "remain", "remains",
        "remained", "being", "be", "s", "been", "can", "cannot",
    }
)  # fmt: skip


def _there_at(s: Sentence, events: Sequence[int], text: str) -> bool:
    """Whether "there" closes a phrase of violence or injury ("were killed there"), or opens the sentence.

    "There were clashes" is the existential "there"; "went there with his wife" tells a journey,
    and its event words lie elsewhere in the sentence.
    """
    toks = s.tokens
    for n, t in enumerate(toks):
        if t.low != "there" or (n + 1 < len(toks) and toks[n + 1].low in _EXISTENTIAL):
            continue
        if n == 0 and text[t.end : t.end + 1] == ",":
            return True  # "There, two soldiers were killed"
        if any(n - 3 <= e < n for e in events) or any(w.low in _HURT for w in toks[max(0, n - 3) : n]):
            return True
    return False


def _there_sites(
    by_sentence: dict[int, list[_Mention]], sents: Sequence[Sentence], c: Cues, text: str
) -> None:
    """Make the places a sentence puts an action at the sites of violence "there" in the next one.

    Only a mention whose role fell to reference because its sentence has no word of violence
    (rule ``no-event``), governed by a preposition of place, is made an incident (rule
    ``there``); the next sentence must name no place, tell violence and be no earlier event.
    """
    for k, same in by_sentence.items():
        if k + 1 >= len(sents) or k + 1 in by_sentence:
            continue
        f = _facts(sents[k + 1], c, text)
        if f.earlier or f.habitual or f.future >= 0 or not _there_at(sents[k + 1], f.events, text):
            continue
        for m in same:
            if m.rule != "no-event":
                continue
            p = _prev(m, same, c)
            if p >= 0 and m.sent.tokens[p].low in _AT:
                m.role, m.rule = "incident", "there"
                m.reported = _hedge(m, _facts(m.sent, c, text, _name_tokens(same)))

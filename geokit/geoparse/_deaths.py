"""The number of dead a sentence counts.

Part of :mod:`geokit.geoparse`. Numbers before a passive "were killed" and after an active
"killed" are summed; numbers that split a total and numbers of wounded are left out.
"""

from __future__ import annotations

import re

from geokit.geoparse._dates import _MONTH_WORDS, _number
from geokit.geoparse.matcher import Cues, Sentence

_UNITS = frozenset(
    {
        "kilometres",
        "kilometers",
        "km",
        "miles",
        "metres",
        "meters",
        "hours",
        "hour",
        "minutes",
        "years",
        "year",
        "days",
        "day",
        "weeks",
        "months",
        "am",
        "pm",
        "percent",
        "per",
        "vehicles",
        "buses",
        "times",
        "kg",
        "tonnes",
    }
)
_NONE_DEAD = re.compile(
    r"\b(no one|nobody|no-one|none) (was|were) (killed|hurt|injured)|"
    r"\bno (casualties|deaths|one died)\b",
    re.IGNORECASE,
)


_ADVERBS = frozenset({"also", "reportedly", "later", "all", "both", "instantly"})


def _passive_death(words: list[str], n: int, pending: bool) -> bool:
    """Whether the word of death at ``n`` counts the numbers before it ("were killed", "died").

    ``pending`` tells whether numbers wait before it; "shot dead 23 people" is active.
    """
    w = words[n]
    aux = n - 2 if n >= 2 and words[n - 1] in _ADVERBS else n - 1  # "were also killed"
    active_dead = (
        w == "dead"
        and n >= 1
        and words[n - 1] in ("shot", "gunned", "stabbed", "beat")
        and not (n >= 2 and words[n - 2] in ("were", "was", "been", "be", "are", "is"))
        and not pending
    )
    return (w in ("dead", "died", "deaths", "bodies", "lives") and not active_dead) or (
        aux >= 0 and words[aux] in ("were", "was", "been", "be", "are", "is")
    )


def _count_after(words: list[str], n: int, c: Cues) -> tuple[int | None, int]:
    """Sum the numbers after an active "killing" at ``n`` (within ten words).

    Returns the sum (``None`` when no number was read) and the index where reading stopped.
    The next word of death or injury, a partition ("including", "13 of them") or a
    number of units ("two hours") ends the count.
    """
    total: int | None = None
    k = n + 1
    while k < len(words) and k <= n + 10:
        x = words[k]
        if c.has("injury", x) or (c.has("death", x) and x != "toll") or x in ("including", "among"):
            break
        val = _number(x)
        if val is not None and not (x.isdigit() and len(x) == 4):
            after = words[k + 1] if k + 1 < len(words) else ""
            if after in _UNITS or (after == "of" and k + 2 < len(words) and words[k + 2] in ("them", "whom")):
                break
            total = (total or 0) + val
        k += 1
    return total, k


def _deaths(s: Sentence, c: Cues, text: str = "") -> int | None:
    """Dead people a sentence counts.

    Numbers before a passive "were killed / died / dead" and after an active
    "killing / killed" (with hedges such as "at least"), summed; numbers that
    split a total ("13 of them", "including three women") and numbers of
    wounded are left out. "No one was killed" gives 0.
    """
    toks = s.tokens
    words = list(s.words)
    kinds_at = c.kinds_of(words)
    if not any("death" in k for k in kinds_at):  # no word of death: the loop below finds nothing
        return 0 if _NONE_DEAD.search(" ".join(t.text for t in toks)) else None
    total, found = 0, False
    pending: list[int] = []
    partition = False
    n = 0
    while n < len(words):
        w = words[n]
        gap = text[toks[n - 1].end : toks[n].start] if text and n else ""
        if "," in gap or ";" in gap:
            partition = False
        if w in ("including", "among") or (
            w == "of" and n + 1 < len(words) and words[n + 1] in ("them", "whom")
        ):
            if w == "of" and pending:
                pending.pop()
            partition = True
        v = _number(w)
        if v is not None and not (w.isdigit() and len(w) == 4) and not partition and v > 0:
            nxt = words[n + 1] if n + 1 < len(words) else ""
            prev = words[n - 1] if n else ""
            if (
                nxt not in _UNITS
                and prev not in ("aged", "age", "of", "no")
                and prev not in _MONTH_WORDS  # "On March 20": a day, not a count
                and nxt not in ("of",)
            ):
                pending.append(v)
        kinds = kinds_at[n]
        if "injury" in kinds:
            pending.clear()
        elif "death" in kinds:
            passive = _passive_death(words, n, bool(pending))
            if passive and pending:
                total += sum(pending)
                found = True
                pending.clear()
            elif not passive:
                pending.clear()
                more, n = _count_after(words, n, c)
                if more is not None:
                    total += more
                    found = True
                continue
        n += 1
    if not found and _NONE_DEAD.search(" ".join(t.text for t in toks)):
        return 0
    return total if found else None

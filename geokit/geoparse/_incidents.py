"""Incident candidates from parsed mentions.

One candidate per incident place (admin-2 unit where known) per day, ACLED
style, linked to the sentences it came from; fatalities only where a sentence
ties a number of dead to that place alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from geokit.errors import InputError
from geokit.geoparse.article import INCIDENT_COLUMNS, parse_article, read_article

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["incident_table", "incidents"]

_EVENT_TYPES = (
    (
        "explosion",
        (
            "bomb",
            "blast",
            "explos",
            "suicide",
            "grenade",
            "detonat",
            "blew",
            "ied",
            "missile",
            "rocket",
            "drone",
            "shell",
            "mortar",
            "airstrike",
            "strikes",
        ),
    ),
    ("clash", ("clash", "fighting", "battle", "exchange of fire", "gunfight")),
    (
        "armed attack",
        (
            "gunmen",
            "gunman",
            "shot",
            "opened fire",
            "fire on",
            "ambush",
            "raid",
            "stormed",
            "attack",
            "killed",
            "shooting",
        ),
    ),
)


def _event_type(sentences_text: str) -> str:
    low = sentences_text.lower()
    for name, words in _EVENT_TYPES:
        if any(w in low for w in words):
            return name
    return "violence"


def incidents(mentions: pd.DataFrame, *, source: str | None = None) -> pd.DataFrame:
    """One incident candidate per incident place per day (ACLED style).

    Parameters
    ----------
    mentions
        The output of :func:`parse_article`.
    source
        Text for the ``source`` column (the article's file name, say).

    Returns
    -------
    pandas.DataFrame
        :data:`INCIDENT_COLUMNS`. The key is the admin-2 P-code where known
        (``boundaries`` given), else the admin-2 name, else the place. ``lat``/``lon``
        are those of the most precise mention; ``fatalities`` is the sum of the
        dead counted in sentences whose incident places all share this key, and
        missing (``<NA>``) where no sentence ties a number to it alone.
    """
    import pandas as pd

    need = {"role", "status", "sentence", "sentence_text", "start", "date"}
    if not need <= set(mentions.columns):
        raise InputError(
            "incidents() needs the output of parse_article(); missing columns: "
            + ", ".join(sorted(need - set(mentions.columns)))
        )
    inc = mentions[(mentions["role"] == "incident") & (mentions["status"] == "resolved")].copy()
    if inc.empty:
        return pd.DataFrame(columns=INCIDENT_COLUMNS)

    def group_key(r: Any) -> str:
        for col in ("admin2_pcode", "admin2"):
            v = r.get(col)
            if isinstance(v, str) and v:
                return f"{r.get('country')}|{v}"
        return f"{r.get('country')}|{r.get('place')}"

    inc["_key"] = [group_key(r) for r in inc.to_dict("records")]
    keys_by_sentence: dict[int, set[str]] = {}
    for sent_id, group in zip(inc["sentence"], inc["_key"], strict=True):
        keys_by_sentence.setdefault(int(sent_id), set()).add(str(group))
    rows = []
    for (group_id, day), grp in inc.groupby(["_key", inc["date"].fillna("")], sort=False):
        k = str(group_id)
        best = grp.sort_values("precision", na_position="last").iloc[0]
        sent_ids = sorted(set(grp["sentence"]))
        deaths = None
        if "deaths" in grp.columns:
            own = grp.drop_duplicates("sentence")
            own = own[[keys_by_sentence[int(s)] == {k} for s in own["sentence"]]]
            vals = [int(v) for v in own["deaths"] if not pd.isna(v)]
            deaths = sum(vals) if vals else None
        admin2 = best.get("admin2")
        unit = (
            admin2
            if isinstance(admin2, str) and admin2 and k.split("|")[1] != best["place"]
            else best["place"]
        )
        texts = list(dict.fromkeys(grp.sort_values("start")["sentence_text"]))
        rows.append(
            {
                "place": unit,
                "lat": best["lat"],
                "lon": best["lon"],
                "precision": best["precision"],
                "date": day or None,
                "event_type": _event_type(" ".join(texts)),
                "description": " ".join(texts),
                "fatalities": deaths,
                "source": source,
                "country": best.get("country"),
                "admin1": best.get("admin1"),
                "admin2": admin2,
                "admin2_pcode": best.get("admin2_pcode"),
                "mentions": "; ".join(dict.fromkeys(grp["text"])),
                "mention_starts": ",".join(str(int(v)) for v in sorted(grp["start"])),
                "sentences": ",".join(str(int(v)) for v in sent_ids),
                "reported": _how_reported(grp),
            }
        )
    out = pd.DataFrame(rows, columns=INCIDENT_COLUMNS)
    out["fatalities"] = out["fatalities"].astype("Int64")
    out["precision"] = out["precision"].astype("Int64")
    return out


def _how_reported(grp: pd.DataFrame) -> str | None:
    """``None`` when any mention tells the incident plainly, else ``claimed``/``reported``."""
    if "reported" not in grp.columns:
        return None
    vals = [v if isinstance(v, str) else None for v in grp["reported"]]
    if any(v is None for v in vals):
        return None
    return "claimed" if "claimed" in vals else "reported"


# ----------------------------------------------------------------------------- files
def incident_table(
    path: str, *, date: str | None = None, country: str | None = None, boundaries: str | None = "PAK:ADM2"
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read an article file and return its mentions and incident candidates.

    Parameters
    ----------
    path
        The article (plain text).
    date, country, boundaries
        As for :func:`parse_article`.

    Returns
    -------
    tuple of pandas.DataFrame
        ``(mentions, incidents)``; the incidents' ``source`` is the file name.
    """
    from pathlib import Path

    mentions = parse_article(read_article(path), date=date, country=country, boundaries=boundaries)
    return mentions, incidents(mentions, source=Path(path).name)

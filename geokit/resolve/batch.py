"""Explanations and DataFrame batches for :mod:`geokit.resolve` (re-exported there)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from geokit.columns import make_room_noted
from geokit.errors import InputError
from geokit.normalize import ParsedQuery, clean, parse

if TYPE_CHECKING:
    import pandas as pd

    from geokit.gazetteer import Gazetteer
    from geokit.resolve.core import Resolution

__all__ = [
    "Explanation",
    "PlaceKey",
    "abroad_pass",
    "context_of",
    "explain",
    "first_pass",
    "rescore",
    "resolve_frame",
    "resolve_keys",
    "row_keys",
]


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why :func:`resolve` answered as it did; ``str()`` gives a readable table."""

    resolution: Resolution
    parsed: ParsedQuery
    hints: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict of the query, parse, hints, candidates and answer."""
        r = self.resolution
        return {
            "query": r.query,
            "status": r.status,
            "lat": r.lat,
            "lon": r.lon,
            "precision": r.precision,
            "reason": r.reason,
            "record_id": r.record_id,
            "fuzzy": r.fuzzy,
            "ambiguous": r.ambiguous,
            "hints": self.hints,
            "hint_matches": [m.to_dict() for m in r.hints],
            "parsed": {
                "head": self.parsed.head.name,
                "relation": self.parsed.head.relation,
                "level": self.parsed.head.level,
                "parents": [p.name for p in self.parsed.parents],
                "notes": list(self.parsed.notes),
            },
            "candidates": [
                {
                    "id": c.place.id,
                    "name": c.place.name,
                    "kind": c.place.kind,
                    "country": c.place.country,
                    "admin1": c.place.admin1,
                    "admin2": c.place.admin2,
                    "how": c.how,
                    "score": c.score,
                    "rejected": c.rejected,
                    "why": list(c.why),
                    "winner": c.place.id == r.record_id,
                }
                for c in r.candidates
            ],
        }

    def __str__(self) -> str:
        r = self.resolution
        lines = [f"query:     {r.query!r}"]
        if self.hints:
            lines.append("hints:     " + ", ".join(f"{k}={v}" for k, v in self.hints.items() if v))
        for m in r.hints:
            names = ", ".join(f"{u.name} ({u.admin_id})" if u.admin_id else u.name for u in m.units)
            extra = f", similarity {m.similarity:.0f}" if m.how == "fuzzy" and m.similarity else ""
            lines.append(f"  admin{m.level}: {m.given!r} -> {m.how}{extra}" + (f": {names}" if names else ""))
            if m.how != "exact":
                lines.append(f"           {m.describe()}")
        p = self.parsed
        lines.append(
            f"parsed:    head={p.head.name!r} relation={p.head.relation} "
            f"level={p.head.level} enclosing={[q.name for q in p.parents]}"
        )
        where = f"{r.lat:.5f}, {r.lon:.5f}" if r.lat is not None and r.lon is not None else "-"
        lines.append(
            f"answer:    {r.status} {where} precision={r.precision} fuzzy={r.fuzzy} ambiguous={r.ambiguous}"
        )
        lines.append(f"why:       {r.reason}")
        if r.candidates:
            lines.append("")
            lines.append(
                f"  {'':1} {'score':>6}  {'how':<8} {'kind':<13} {'name':<24} "
                f"{'admin1 / admin2':<36} id / note"
            )
            for c in r.candidates[:15]:
                mark = "*" if c.place.id == r.record_id else ("x" if c.rejected else " ")
                adm = f"{c.place.admin1 or '-'} / {c.place.admin2 or '-'}"[:36]
                lines.append(
                    f"  {mark} {c.score:6.3f}  {c.how:<8} {c.place.kind:<13} "
                    f"{c.place.name[:24]:<24} {adm:<36} {c.place.id}: {'; '.join(c.why)}"
                )
            if len(r.candidates) > 15:
                lines.append(f"  ... {len(r.candidates) - 15} more")
            lines.append("  (* chosen, x ruled out by a hint or the enclosing place)")
        return "\n".join(lines)


def explain(
    query: str,
    *,
    country: str | None = None,
    admin1: str | None = None,
    admin2: str | None = None,
    gazetteer: Gazetteer | None = None,
) -> Explanation:
    """Resolve a place string and show the candidates, their scores and the winner.

    Parameters
    ----------
    query, country, admin1, admin2, gazetteer
        As for :func:`resolve`.

    Returns
    -------
    Explanation
        ``print()`` it, or call ``to_dict()``.
    """
    from geokit.resolve.core import resolve

    res = resolve(query, country=country, admin1=admin1, admin2=admin2, gazetteer=gazetteer)
    return Explanation(res, parse(query), {"country": country, "admin1": admin1, "admin2": admin2})


#: Columns :func:`resolve_frame` adds, and the :class:`Resolution` attribute each comes from.
_OUT_COLUMNS = {
    "lat": "lat",
    "lon": "lon",
    "precision": "precision",
    "status": "status",
    "reason": "reason",
    "match_name": "match_name",
    "match_source": "source",
    "record_id": "record_id",
    "fuzzy": "fuzzy",
    "ambiguous": "ambiguous",
    "admin_level": "admin_level",
}


def _cell(value: object) -> str | None:
    import pandas as pd

    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):  # type: ignore[call-overload]
        return None  # a missing cell (NaN, pd.NA, None) is no hint, not the text "<NA>"
    text = clean(value)
    return text or None


#: What a row is resolved by: (place string, country, admin1 hint, admin2 hint).
PlaceKey = tuple[str, str | None, str | None, str | None]


def row_keys(
    df: pd.DataFrame,
    column: str,
    *,
    country: str | None = None,
    country_column: str | None = None,
    admin1_column: str | None = None,
    admin2_column: str | None = None,
) -> list[PlaceKey]:
    """Return the key each row is resolved by, as :func:`resolve_frame` reads the hints.

    Parameters
    ----------
    df, column, country, country_column, admin1_column, admin2_column
        As for :func:`resolve_frame`.

    Returns
    -------
    list of tuple
        ``(place, country, admin1, admin2)`` per row.

    Raises
    ------
    InputError
        If a named column is missing.
    """
    for name in (column, country_column, admin1_column, admin2_column):
        if name is not None and name not in df.columns:
            raise InputError(f"no column {name!r}; columns are: {', '.join(map(str, df.columns))}")
    n = len(df)
    memo: dict[Any, str | None] = {}  # a table repeats its places and hints: clean each once

    def cell(v: Any) -> str | None:
        try:
            return memo[v]
        except KeyError:
            out = memo[v] = _cell(v)
            return out

    def col(name: str | None) -> list[str | None]:
        return [cell(v) for v in df[name].to_numpy(dtype=object)] if name is not None else [None] * n

    queries = [
        v if isinstance(v, str) else ("" if v is None or v != v else str(v))
        for v in df[column].to_numpy(dtype=object)
    ]
    countries = [c or (country.upper() if country else None) for c in col(country_column)]
    return list(zip(queries, countries, col(admin1_column), col(admin2_column), strict=True))


def first_pass(
    keys: Iterable[PlaceKey], *, gazetteer: Gazetteer, progress: bool = False
) -> dict[PlaceKey, Resolution]:
    """Resolve each distinct key on its own (no context), in first-seen order.

    Parameters
    ----------
    keys
        Keys from :func:`row_keys`, repeats allowed.
    gazetteer
        The gazetteer.
    progress
        Show a progress bar on stderr.

    Returns
    -------
    dict
        Key to answer, in the order keys were first seen.
    """
    from geokit.resolve.core import resolve

    unique = list(dict.fromkeys(keys))
    bar = _progress(len(unique)) if progress else None
    first: dict[PlaceKey, Resolution] = {}
    for k in unique:
        first[k] = resolve(k[0], country=k[1], admin1=k[2], admin2=k[3], gazetteer=gazetteer)
        if bar:
            bar(1)
    return first


def context_of(first: Mapping[PlaceKey, Resolution]) -> list[str]:
    """Return the unambiguous exact places of a table, which ambiguous names are re-scored against."""
    return [
        r.match_name
        for r in first.values()
        if r.status == "resolved" and not r.ambiguous and r.precision in (1, 2) and r.match_name
    ]


def rescore(
    first: Mapping[PlaceKey, Resolution], context: Sequence[str], *, gazetteer: Gazetteer
) -> dict[PlaceKey, Resolution]:
    """Resolve the ambiguous answers of ``first`` again, by closeness to ``context``.

    Parameters
    ----------
    first
        From :func:`first_pass` (all of it, or a part).
    context
        From :func:`context_of` over the whole table's first pass.
    gazetteer
        The gazetteer.

    Returns
    -------
    dict
        ``first`` with its ambiguous answers replaced, same order.
    """
    from geokit.resolve.core import resolve

    out = dict(first)
    if not context:
        return out
    for k, r in first.items():
        if r.ambiguous:
            out[k] = resolve(
                k[0],
                country=k[1],
                admin1=k[2],
                admin2=k[3],
                context=[c for c in context if c != r.match_name],
                gazetteer=gazetteer,
            )
    return out


def resolve_keys(
    keys: Iterable[PlaceKey], *, gazetteer: Gazetteer, progress: bool = False
) -> dict[PlaceKey, Resolution]:
    """Resolve the distinct keys of a table with the table as context.

    Parameters
    ----------
    keys
        Keys from :func:`row_keys` (of the whole table, in row order; repeats allowed).
    gazetteer
        The gazetteer.
    progress
        Show a progress bar on stderr.

    Returns
    -------
    dict
        Key to answer: what :func:`resolve_frame` gives each row of a table with these keys.
    """
    first = first_pass(keys, gazetteer=gazetteer, progress=progress)
    first = rescore(first, context_of(first), gazetteer=gazetteer)
    abroad_pass(first, gazetteer)
    return first


def resolve_frame(
    df: pd.DataFrame,
    column: str,
    *,
    country: str | None = None,
    country_column: str | None = None,
    admin1_column: str | None = None,
    admin2_column: str | None = None,
    gazetteer: Gazetteer | None = None,
    progress: bool = False,
    resolutions: Mapping[PlaceKey, Resolution] | None = None,
) -> pd.DataFrame:
    """Resolve a column of place strings, keeping every row and column.

    The other distinct places in the frame are the context of each row: an
    ambiguous name is re-scored by closeness to the unambiguous ones.

    Parameters
    ----------
    df
        The table.
    column
        Column with the place strings.
    country
        ISO2 code for every row (overridden by ``country_column`` where set).
    country_column, admin1_column, admin2_column
        Per-row hints.
    gazetteer
        Defaults to :meth:`Gazetteer.default`.
    progress
        Show a progress bar on stderr (tqdm when installed).
    resolutions
        Answers already worked out by :func:`resolve_keys` for these rows' keys
        (:func:`row_keys`), e.g. over the whole table a frame is one chunk of, so that
        the context is the table's; nothing is resolved again.

    Returns
    -------
    pandas.DataFrame
        A copy with ``lat, lon, precision, status, reason, match_name,
        match_source, record_id, fuzzy, ambiguous, admin_level`` added; input
        columns of those names are kept, renamed ``input_<name>`` (noted in
        ``attrs["geokit"]["notes"]``). ``admin_level`` is the admin level a
        precision-3 answer stands for (1 province, 2 district, 3 tehsil),
        empty for a place.

    Raises
    ------
    InputError
        If a named column is missing.
    """
    import numpy as np
    import pandas as pd

    from geokit.gazetteer import Gazetteer

    keys = row_keys(
        df,
        column,
        country=country,
        country_column=country_column,
        admin1_column=admin1_column,
        admin2_column=admin2_column,
    )
    first: Mapping[PlaceKey, Resolution]
    if resolutions is None:
        first = resolve_keys(keys, gazetteer=gazetteer or Gazetteer.default(), progress=progress)
    else:
        first = resolutions
    # each distinct key's answer once, then one position per row
    position: dict[PlaceKey, int] = {}
    codes = np.fromiter((position.setdefault(k, len(position)) for k in keys), dtype=np.intp, count=len(keys))
    missing = [k for k in position if k not in first]
    if missing:
        raise InputError(f"resolutions lack {len(missing)} of the frame's places, e.g. {missing[0][0]!r}")
    distinct = [first[k] for k in position]
    out: pd.DataFrame
    out, _ = make_room_noted(df.copy(), _OUT_COLUMNS, who="the resolver's")
    for name, attr in _OUT_COLUMNS.items():
        dtype = (
            "Float64"
            if name in ("lat", "lon")
            else "Int64"
            if name in ("precision", "admin_level")
            else "boolean"
            if name in ("fuzzy", "ambiguous")
            else "string"
        )
        values: Any = pd.array([getattr(r, attr) for r in distinct], dtype=dtype)  # type: ignore[call-overload]
        out[name] = pd.Series(values.take(codes), index=df.index)
    return out


def _inferred_country(first: dict[PlaceKey, Resolution]) -> str | None:
    """Return the country of most rows that resolve unambiguously by name, if one has a majority."""
    from collections import Counter

    counts = Counter(
        r.place.country
        for r in first.values()
        if r.status == "resolved" and not (r.fuzzy or r.ambiguous) and r.place is not None and r.place.country
    )
    if not counts:
        return None
    cc, n = counts.most_common(1)[0]
    return cc if n * 2 > sum(counts.values()) else None


def abroad_pass(first: dict[PlaceKey, Resolution], gaz: Gazetteer) -> None:
    """Rows without a country: no fuzzy match and no small place outside the table's country.

    The table's country is the majority country of the rows that resolve
    unambiguously by name, else the boundary layer's country. A row resolved
    to a small place (or a fuzzy spelling) elsewhere is resolved again within
    that country; when nothing there matches it is left unresolved with the
    reason, never placed abroad silently. Cities of 100,000 or more and admin
    units abroad, matched by their name as written, are kept: a report may
    well name Kabul or Tehran.
    """
    from dataclasses import replace

    from geokit.resolve.core import CITY_POPULATION, _unresolved, resolve

    inferred = _inferred_country(first)
    ref = inferred or gaz.home_country
    if ref is None:
        return
    whence = "inferred from the other rows" if inferred else "the boundary layer's country"
    for k, r in list(first.items()):
        if k[1] is not None or r.status != "resolved" or r.place is None or not r.place.country:
            continue
        if r.place.country == ref:
            continue
        small = not r.place.is_admin and r.place.population < CITY_POPULATION
        how = next((c.how for c in r.candidates if c.place.id == r.record_id), "name")
        loose = r.fuzzy or how == "variant"  # not the name as written: "Khoro" as Coro, Venezuela
        if not (loose or small):
            continue
        again = resolve(k[0], country=ref, admin1=k[2], admin2=k[3], gazetteer=gaz)
        if again.status == "resolved":
            first[k] = replace(again, reason=f"{again.reason}; country {ref} ({whence})")
            continue
        what = "a fuzzy match" if r.fuzzy else "a spelling variant" if loose else "a small place"
        first[k] = _unresolved(
            r.query,
            f"the only match is {what} abroad, {r.match_name} ({r.place.kind}, {r.place.country}), and the "
            f"table's places are in {ref} ({whence}); give --country {r.place.country} "
            "or a country column to accept it",
            r.candidates,
        )


def _progress(total: int) -> Any:
    try:
        from tqdm import tqdm  # optional

        bar = tqdm(total=total, desc="geocoding", unit="name", file=sys.stderr)
        return bar.update
    except ImportError:
        done = [0]

        def update(k: int) -> None:
            done[0] += k
            if done[0] == total or done[0] % max(1, total // 20) == 0:
                print(
                    f"\rgeocoding {done[0]}/{total}",
                    end="\n" if done[0] == total else "",
                    file=sys.stderr,
                    flush=True,
                )

        return update

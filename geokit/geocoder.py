"""geopy-compatible geocoding over the offline gazetteer, with an optional online fallback.

:class:`OfflineGeocoder` is a :class:`geopy.geocoders.base.Geocoder`, so code
written for geopy can swap it in::

    from geokit.geocoder import OfflineGeocoder
    geocoder = OfflineGeocoder(country="PK")
    location = geocoder.geocode("Noshki")          # geopy.Location
    location.latitude, location.raw["precision"]   # 29.55..., 1

It never touches the network unless an :class:`OnlineFallback` is given. The
fallback asks Nominatim (through geopy) only for names the gazetteer cannot
resolve. It is off by default, requires a user agent (Nominatim's usage
policy), goes through a geopy ``RateLimiter`` (one request per second by
default, waiting as long as a ``Retry-After`` header asks), and caches every
answer on disk under ``settings.cache_dir / "nominatim"``, keyed by the sorted
query parameters, so a query is sent at most once.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geopy.adapters import URLLibAdapter
from geopy.exc import GeocoderRateLimited, GeocoderServiceError, GeocoderTimedOut
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geokit import _fs
from geokit.errors import DownloadError, InputError, RateLimited
from geokit.gazetteer import Gazetteer
from geokit.normalize import clean
from geokit.resolve import Resolution, resolve
from geokit.settings import Settings, get_settings

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "NOMINATIM_PRECISION",
    "OfflineGeocoder",
    "OnlineFallback",
    "fill_unresolved",
    "nominatim_precision",
]

log = logging.getLogger(__name__)

#: Nominatim's place types (``addresstype``, else ``type``) coded like geokit's precision
#: (README, "Precision codes"): 1 the place itself, 2 part of, near or a site in a place
#: (a suburb, neighbourhood or quarter is part of its town), 3 an admin unit. Other types: 2.
NOMINATIM_PRECISION = {
    "city": 1,
    "town": 1,
    "village": 1,
    "hamlet": 1,
    "municipality": 1,
    "locality": 1,
    "suburb": 2,
    "neighbourhood": 2,
    "quarter": 2,
    "road": 2,
    "city_district": 2,
    "county": 3,
    "district": 3,
    "state_district": 3,
    "state": 3,
    "province": 3,
    "region": 3,
    "country": 3,
}


def nominatim_precision(raw: dict[str, Any]) -> tuple[str, int]:
    """Return the place type of a Nominatim answer and its geokit precision code.

    Parameters
    ----------
    raw
        One result as Nominatim returns it (``Location.raw``).

    Returns
    -------
    tuple of (str, int)
        The type (``addresstype``, else ``type``; ``""`` when neither) and its
        code from :data:`NOMINATIM_PRECISION` (2 for a type not listed there).
    """
    kind = str(raw.get("addresstype") or raw.get("type") or "")
    return kind, NOMINATIM_PRECISION.get(kind, 2)


class _RateLimiter(RateLimiter):  # type: ignore[misc]
    """geopy's RateLimiter with an injectable clock and sleep, honouring Retry-After."""

    def __init__(
        self,
        func: Callable[..., Any],
        *,
        clock: Callable[[], float],
        sleep: Callable[[float], None],
        **kwargs: Any,
    ) -> None:
        super().__init__(func, **kwargs)
        self._clock_fn = clock
        self._sleep_fn = sleep

    def _clock(self) -> float:
        return self._clock_fn()

    def _sleep(self, seconds: float) -> None:
        self._sleep_fn(seconds)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        gen = self._retries_gen(args, kwargs)
        for _ in gen:
            self._acquire_request_slot()
            try:
                return self.func(*args, **kwargs)
            except self._retry_exceptions as exc:
                if gen.throw(exc):
                    return self._handle_exc(args, kwargs)
                wait = self.error_wait_seconds
                if isinstance(exc, GeocoderRateLimited) and exc.retry_after:
                    wait = max(wait, float(exc.retry_after))
                self._sleep(wait)
        raise RuntimeError("unreachable")  # pragma: no cover


class OnlineFallback:
    """Nominatim through geopy: rate-limited, retried, cached on disk.

    Parameters
    ----------
    user_agent
        Identifies your application to the service (required by Nominatim's
        policy); defaults to ``settings.user_agent``.
    domain, scheme
        Where the Nominatim service is (a local server in tests).
    min_delay_seconds
        Minimum time between two requests (Nominatim allows one per second).
    max_retries
        Retries after a failure (timeout, 429, 5xx) before giving up.
    error_wait_seconds
        Wait after a failure, unless the service's ``Retry-After`` asks for longer.
    timeout
        Seconds per request; defaults to ``settings.timeout``.
    cache_dir
        Where answers are kept; defaults to ``settings.cache_dir / "nominatim"``.
    clock, sleep
        Time source and sleep function (inject fakes in tests).
    settings
        Settings to read the defaults from.

    Raises
    ------
    InputError
        If no user agent is given or configured.
    """

    def __init__(
        self,
        *,
        user_agent: str | None = None,
        domain: str = "nominatim.openstreetmap.org",
        scheme: str = "https",
        min_delay_seconds: float = 1.0,
        max_retries: int = 2,
        error_wait_seconds: float = 5.0,
        timeout: float | None = None,
        cache_dir: str | Path | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        settings: Settings | None = None,
    ) -> None:
        s = settings or get_settings()
        agent = user_agent or s.user_agent
        if not agent or not agent.strip():
            raise InputError(
                "online geocoding needs a user agent that identifies your application "
                "(Nominatim usage policy): pass user_agent= or set GEOKIT_USER_AGENT"
            )
        self.domain = domain
        self.cache_dir = Path(cache_dir) if cache_dir is not None else s.cache_dir / "nominatim"
        # urllib adapter: no hidden retries below ours, so the rate limit and Retry-After hold
        self._nominatim = Nominatim(
            user_agent=agent,
            domain=domain,
            scheme=scheme,
            timeout=timeout if timeout is not None else s.timeout,
            adapter_factory=URLLibAdapter,
        )
        self._limited = _RateLimiter(
            self._nominatim.geocode,
            clock=clock,
            sleep=sleep,
            min_delay_seconds=min_delay_seconds,
            max_retries=max_retries,
            error_wait_seconds=error_wait_seconds,
            swallow_exceptions=False,
        )
        self.requests = 0  # how many calls reached the service (cache misses)

    def _cache_path(self, params: dict[str, Any]) -> Path:
        text = json.dumps(params, sort_keys=True, ensure_ascii=False)
        return self.cache_dir / f"{hashlib.sha256(text.encode()).hexdigest()}.json"

    def geocode(self, query: str, *, country: str | None = None) -> Location | None:
        """Ask Nominatim for one place, from the cache when asked before.

        Parameters
        ----------
        query
            The place string.
        country
            ISO2 code to restrict the search to.

        Returns
        -------
        geopy.location.Location or None
            ``None`` when the service knows no such place.

        Raises
        ------
        RateLimited
            If the service still answers 429 after the retries.
        DownloadError
            If it times out or fails after the retries.
        """
        params = {"q": clean(query), "countrycodes": (country or "").lower() or None, "domain": self.domain}
        path = self._cache_path(params)
        raw = _read_cached(path)
        if raw is _MISSING:
            self.requests += 1
            try:
                loc = self._limited(params["q"], exactly_one=True, country_codes=params["countrycodes"])
            except GeocoderRateLimited as exc:
                raise RateLimited(
                    f"{self.domain} is rate-limiting us: {exc}", retry_after=exc.retry_after
                ) from None
            except GeocoderTimedOut as exc:
                raise DownloadError(f"{self.domain} timed out: {exc}") from None
            except GeocoderServiceError as exc:
                raise DownloadError(f"{self.domain} failed: {exc}") from None
            raw = None if loc is None else loc.raw
            path.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(OSError):  # a read-only cache just means no cache
                _fs.write_text_atomic(path, json.dumps(raw))
        if not raw:
            return None
        return Location(raw.get("display_name", query), (float(raw["lat"]), float(raw["lon"])), raw)


_MISSING: Any = object()


def _read_cached(path: Path) -> Any:
    """Return a cached Nominatim answer (a dict, or ``None`` for "no such place"), or ``_MISSING``.

    An entry that cannot be read or does not look like an answer (truncated,
    garbage, edited by hand) is removed with a note and asked again.
    """
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return _MISSING
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("Nominatim cache entry %s unreadable (%s); asking again", path.name, exc)
        return _MISSING
    try:
        raw = json.loads(text)
        if raw is not None:
            float(raw["lat"]), float(raw["lon"])
    except (ValueError, TypeError, KeyError):
        log.warning("Nominatim cache entry %s is corrupt; removed, asking again", path.name)
        with contextlib.suppress(OSError):
            path.unlink()
        return _MISSING
    return raw


def fill_unresolved(
    frame: pd.DataFrame,
    column: str,
    online: OnlineFallback,
    *,
    country: str | None = None,
    country_column: str | None = None,
) -> pd.DataFrame:
    """Ask the online fallback for the rows the offline gazetteer left unresolved.

    Only rows whose ``status`` is not ``"resolved"`` and whose place is not
    blank are sent. Each answer fills ``lat``, ``lon``, ``precision`` (from
    :data:`NOMINATIM_PRECISION`), ``status``, ``match_name`` and ``reason``,
    and names the service in ``match_source``: an input ``source`` column
    (the outlet) is never overwritten. A name the service does not know keeps its
    row, with that said in ``reason``.

    Parameters
    ----------
    frame
        A resolved table (:func:`geokit.resolve.resolve_frame` or
        :func:`geokit.pipeline.resolve_keeping_input`).
    column
        The column with place names.
    online
        The fallback to ask.
    country
        ISO2 code for every row.
    country_column
        Column with a country per row; a blank cell falls back to ``country``.

    Returns
    -------
    pandas.DataFrame
        A copy of ``frame`` with the answered rows filled in.

    Raises
    ------
    RateLimited, DownloadError
        As :meth:`OnlineFallback.geocode`.
    """
    out = frame.copy()
    for idx in out.index[out["status"] != "resolved"]:
        name = str(out.at[idx, column]).strip()
        if not name:
            continue
        row_country = country
        if country_column:
            row_country = str(out.at[idx, country_column]).strip() or country
        loc = online.geocode(name, country=row_country)
        if loc is None:
            out.at[idx, "reason"] = f"{out.at[idx, 'reason']!s}; Nominatim found nothing either"
            continue
        kind, precision = nominatim_precision(loc.raw)
        out.at[idx, "lat"] = loc.latitude
        out.at[idx, "lon"] = loc.longitude
        out.at[idx, "precision"] = precision
        out.at[idx, "status"] = "resolved"
        out.at[idx, "match_source"] = "nominatim"
        out.at[idx, "match_name"] = loc.address
        out.at[idx, "reason"] = f"not in the offline gazetteer; found online by Nominatim ({kind or 'place'})"
    return out


def _location(res: Resolution) -> Location:
    p = res.place
    assert p is not None and res.lat is not None and res.lon is not None  # resolved only
    parts = [p.name, p.admin2 if p.admin2 != p.name else None, p.admin1, p.country]
    address = ", ".join(dict.fromkeys(x for x in parts if x))
    raw = {
        "query": res.query,
        "precision": res.precision,
        "reason": res.reason,
        "record_id": res.record_id,
        "source": res.source,
        "kind": p.kind,
        "admin1": p.admin1,
        "admin2": p.admin2,
        "country": p.country,
        "fuzzy": res.fuzzy,
        "ambiguous": res.ambiguous,
    }
    return Location(address, (res.lat, res.lon), raw)


class OfflineGeocoder(Geocoder):  # type: ignore[misc]
    """A geopy geocoder answering from geokit's offline gazetteer.

    Parameters
    ----------
    gazetteer
        Defaults to :meth:`geokit.gazetteer.Gazetteer.default`.
    country, admin1
        Default hints for every query.
    online
        An :class:`OnlineFallback` to ask for names the gazetteer does not know;
        ``None`` (the default) keeps everything offline.
    """

    def __init__(
        self,
        *,
        gazetteer: Gazetteer | None = None,
        country: str | None = None,
        admin1: str | None = None,
        online: OnlineFallback | None = None,
    ) -> None:
        super().__init__(user_agent="geokit-offline")
        self._gazetteer = gazetteer
        self.country = country
        self.admin1 = admin1
        self.online = online

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer, loaded on first use."""
        if self._gazetteer is None:
            self._gazetteer = Gazetteer.default()
        return self._gazetteer

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        country: str | None = None,
        admin1: str | None = None,
        admin2: str | None = None,
        timeout: float | None = None,
    ) -> Location | list[Location] | None:
        """Geocode a place string.

        Parameters
        ----------
        query
            The place as written.
        exactly_one
            Return one Location (or ``None``) rather than a list.
        country, admin1, admin2
            Hints; ``country`` and ``admin1`` default to the geocoder's own.
        timeout
            Accepted for geopy compatibility; offline lookups do not time out.

        Returns
        -------
        geopy.location.Location, list of Location, or None
            ``raw`` holds geokit's precision, reason and record id; answers
            from the online fallback carry ``raw["geokit_source"] == "online"``.
        """
        res = resolve(
            query,
            country=country or self.country,
            admin1=admin1 or self.admin1,
            admin2=admin2,
            gazetteer=self.gazetteer,
        )
        loc: Location | None = _location(res) if res.status == "resolved" else None
        if loc is None and self.online is not None and clean(query):
            loc = self.online.geocode(query, country=country or self.country)
            if loc is not None:
                raw = dict(loc.raw)
                raw.update(
                    geokit_source="online",
                    precision=nominatim_precision(raw)[1],
                    reason=f"not in the offline gazetteer ({res.reason}); answered by {self.online.domain}",
                )
                loc = Location(loc.address, (loc.latitude, loc.longitude), raw)
        if exactly_one:
            return loc
        return [loc] if loc is not None else []

    def reverse(
        self, query: Any, *, exactly_one: bool = True, max_km: float = 25.0, timeout: float | None = None
    ) -> Location | list[Location] | None:
        """Name the gazetteer place nearest a point.

        Parameters
        ----------
        query
            ``"lat, lon"``, a ``(lat, lon)`` pair or a :class:`geopy.point.Point`.
        exactly_one
            Return the nearest place rather than a list of the nearest few.
        max_km
            Search radius.
        timeout
            Accepted for geopy compatibility.

        Returns
        -------
        geopy.location.Location, list of Location, or None
            ``raw["distance_km"]`` is the distance from the query point.
        """
        try:
            point = query if isinstance(query, Point) else Point(query)
        except (TypeError, ValueError) as exc:
            raise InputError(f"not a point: {query!r} ({exc})") from None
        found = self.gazetteer.nearest(point.latitude, point.longitude, max_km=max_km)
        locations = []
        for place, km in found:
            parts = [place.name, place.admin2, place.admin1, place.country]
            raw = {
                "record_id": place.id,
                "source": place.source,
                "kind": place.kind,
                "distance_km": round(km, 3),
                "admin1": place.admin1,
                "admin2": place.admin2,
                "country": place.country,
            }
            locations.append(
                Location(", ".join(dict.fromkeys(x for x in parts if x)), (place.lat, place.lon), raw)
            )
        if exactly_one:
            return locations[0] if locations else None
        return locations

"""From a news report to incidents: find place mentions, decide their roles, build incidents.

Modules, in the order data flows through them:

- :mod:`.matcher`: sentences, capitalised runs and the gazetteer name index;
- :mod:`._evidence`: the role rules, event dates and death counts;
- :mod:`._table`: the mention table (:data:`MENTION_COLUMNS`);
- :mod:`.article`: :func:`parse_article` (matching, focus, resolution, roles);
- :mod:`._incidents`: incident candidates (:func:`incidents`).

Each imports only the ones above it (``article`` names ``_Mention`` to the
others for type checking only).
"""

from __future__ import annotations

from geokit.geoparse._incidents import incident_table, incidents
from geokit.geoparse.article import INCIDENT_COLUMNS, MENTION_COLUMNS, RULES, parse_article, read_article

__all__ = [
    "INCIDENT_COLUMNS",
    "MENTION_COLUMNS",
    "RULES",
    "incident_table",
    "incidents",
    "parse_article",
    "read_article",
]

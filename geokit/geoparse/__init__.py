"""From a news report to incidents: find place mentions, decide their roles, build incidents.

Modules, in the order data flows through them:

- :mod:`.matcher`: sentences, capitalised runs and the gazetteer name index;
- :mod:`._dates` and :mod:`._report`: the days a sentence gives, and what the whole report tells
  the rules (its date, dateline, title and sections);
- :mod:`._mention`: the place mention every later stage reads and fills in;
- :mod:`._forms` and :mod:`._find`: place mentions in the sentences;
- :mod:`._namesakes`: the report's focus countries and the choice between namesakes;
- :mod:`._placing`: resolution, kept inside the city or unit the text names;
- :mod:`._facts`: what a sentence tells the role rules, read once per sentence;
- :mod:`._tense`: whether a sentence tells the report's own event or another time;
- :mod:`._evidence`: the role rules of one mention in its sentence;
- :mod:`._containers`: the roles one place gives another across the report;
- :mod:`._there`: the places of one sentence made sites by violence "there" in the next;
- :mod:`._deaths`: the number of dead a sentence counts;
- :mod:`._table`: the mention table (:data:`MENTION_COLUMNS`);
- :mod:`.article`: :func:`parse_article` (the stages in order, and the role passes over the
  whole report);
- :mod:`._incidents`: incident candidates (:func:`incidents`).

Each imports only the ones above it (``_dates`` names ``_report.Report`` for type checking only).
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

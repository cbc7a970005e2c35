"""Interactive maps with folium that people can trust.

:func:`incident_map` draws incidents (colour per event type, precision shown
honestly, clustered by count, popups built from text only) over a district
choropleth (zero and missing data kept apart), with a heat layer, a time view
and attribution for every source; ``offline=True`` makes a page that loads
nothing from the network. :func:`save_map` writes byte-identical HTML for the
same inputs.
"""

from __future__ import annotations

from geokit.render._classify import SCHEMES
from geokit.render._map import incident_map, save_map
from geokit.render._util import safe_url

__all__ = ["SCHEMES", "incident_map", "safe_url", "save_map"]

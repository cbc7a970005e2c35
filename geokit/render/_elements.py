"""folium elements for geokit maps: the map itself, runtime-driven layers and calls.

Each element's script is one call into the page runtime (``geokit.*`` in
:mod:`geokit.render._runtime`) with options serialised by
:func:`~geokit.render._util.script_json`; no user text is ever interpolated
into JavaScript or HTML here.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Iterator
from typing import Any

import folium
from branca.element import CssLink, Element, JavascriptLink, MacroElement
from jinja2 import Template

from geokit._assets import ASSETS, read_asset
from geokit.render._runtime import RUNTIME_CSS, RUNTIME_JS
from geokit.render._util import script_json

__all__ = ["GeokitMap", "JsCall", "JsLayer", "Raw", "inline_assets", "number_elements"]

#: Online maps load these from jsDelivr; offline maps inline them from the asset cache.
LIBRARIES: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    "leaflet": ([("leaflet", "dist/leaflet.js")], [("leaflet_css", "dist/leaflet.css")]),
    "markercluster": (
        [("markercluster", "dist/leaflet.markercluster.js")],
        [
            ("markercluster_css", "dist/MarkerCluster.css"),
            ("markercluster_default_css", "dist/MarkerCluster.Default.css"),
        ],
    ),
    "heat": ([("leaflet_heat", "dist/leaflet-heat.js")], []),
}


def _links(library: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    js, css = LIBRARIES[library]
    asset = ASSETS[library]
    return [(n, asset.cdn(f)) for n, f in js], [(n, asset.cdn(f)) for n, f in css]


#: CDN URL -> its Subresource Integrity hash, for every linked library file.
_SRI = {asset.cdn(f): h for asset in ASSETS.values() for f, h in asset.sri}

_SRI_ATTRS = '{% if this.integrity %} integrity="{{ this.integrity }}" crossorigin="anonymous"{% endif %}'


class ScriptLink(JavascriptLink):  # type: ignore[misc]
    """A ``<script src>`` tag with the file's ``integrity`` hash, so a tampered CDN copy never runs."""

    _template = Template(f'<script src="{{{{this.url}}}}"{_SRI_ATTRS}></script>')

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.integrity = _SRI.get(url)


class StyleLink(CssLink):  # type: ignore[misc]
    """A stylesheet ``<link>`` with the file's ``integrity`` hash."""

    _template = Template(f'<link rel="stylesheet" href="{{{{this.url}}}}"{_SRI_ATTRS}/>')

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.integrity = _SRI.get(url)


def _add_links(element: Any) -> None:
    """Put an element's library links, with their integrity hashes, in the page header."""
    figure: Any = element.get_root()
    for name, url in element.default_js:
        figure.header.add_child(ScriptLink(url), name=name)
    for name, url in element.default_css:
        figure.header.add_child(StyleLink(url), name=name)


def _walk(element: Any) -> Iterator[Any]:
    yield element
    for child in list(element._children.values()):
        yield from _walk(child)


def number_elements(root: Any) -> None:
    """Replace folium's random element ids with ids numbered in document order.

    Call it before every rendering: the same map then renders to the same text
    however often it is rendered.

    Parameters
    ----------
    root
        The branca ``Figure``.
    """
    # folium adds "X.addTo(parent)" children while rendering; their own ids never reach the page,
    # so they are skipped to keep a second rendering identical to the first.
    elements = [e for e in _walk(root) if type(e).__name__ != "ElementAddToElement"]
    for i, element in enumerate(elements):
        element._id = f"{i:06x}"
    # The page script is made entirely while rendering; what an earlier rendering left there
    # (under those random names) would be repeated and reordered, so it starts empty.
    root.script._children.clear()


class Raw(Element):  # type: ignore[misc]
    """A fixed piece of HTML that is output as is.

    ``branca.element.Element(text)`` compiles ``text`` as a Jinja template,
    so data containing ``{{ ... }}`` would be evaluated on the server; this
    element never parses its text.

    Parameters
    ----------
    text
        Finished (escaped) HTML.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._name = "Raw"
        self.text = text

    def render(self, **kwargs: Any) -> str:
        """Return the text unchanged."""
        return self.text


class GeokitMap(folium.Map):  # type: ignore[misc]
    """A ``folium.Map`` that loads only what geokit uses, and displays deterministically.

    Online maps load Leaflet from jsDelivr (no jQuery, Bootstrap or icon
    fonts); offline maps carry everything inline and load nothing.

    Parameters
    ----------
    offline
        Draw no web tiles; implies ``inline``.
    inline
        Inline the assets (added by :func:`inline_assets`) instead of linking them.
    **kwargs
        Passed to ``folium.Map``.
    """

    def __init__(self, *, offline: bool, inline: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.offline = offline
        self.inline = offline or inline
        js, css = _links("leaflet")
        self.default_js = [] if self.inline else js
        self.default_css = [] if self.inline else css

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        """Render the map; Leaflet's links (when online) carry their integrity hashes."""
        super().render(**kwargs)  # type: ignore[no-untyped-call]
        _add_links(self)  # same names: replaces folium's plain links in place

    def _repr_html_(self, **kwargs: Any) -> str:
        """Return the notebook display: the map in an ``iframe``, with stable ids."""
        if self._parent is not None:
            number_elements(self.get_root())
        return str(super()._repr_html_(**kwargs))


class JsLayer(folium.map.Layer):  # type: ignore[misc]
    """An overlay built by one runtime call: ``var layer = geokit.<fn>(map, options)``.

    Parameters
    ----------
    fn
        Runtime function name (``incidents``, ``districts``, ``heat``, ``outlines``).
    options
        JSON options for it.
    name
        Layer-control label; HTML-escaped by the caller.
    show
        Shown when the page opens.
    libraries
        Plugins it needs (keys of ``LIBRARIES``), linked when online.
    offline
        Whether the map inlines its scripts (then nothing is linked).
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "var {{ this.get_name() }} = "
        "geokit.{{ this.fn }}({{ this._parent.get_name() }}, {{ this.options }});\n"
        "{% endmacro %}"
    )

    def __init__(
        self,
        fn: str,
        options: dict[str, Any],
        *,
        name: str,
        show: bool = True,
        libraries: tuple[str, ...] = (),
        offline: bool = False,
    ) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "GeokitLayer"
        if not re.fullmatch(r"[a-zA-Z]+", fn):
            raise ValueError(f"bad runtime function name {fn!r}")
        self.fn = fn
        self.options = script_json(options)
        js: list[tuple[str, str]] = []
        css: list[tuple[str, str]] = []
        if not offline:
            for lib in libraries:
                j, c = _links(lib)
                js += j
                css += c
        self.default_js = js
        self.default_css = css

    def render(self, **kwargs: Any) -> None:  # type: ignore[override]
        """Add the plugin links to the page header, then render the layer."""
        _add_links(self)
        super().render(**kwargs)  # type: ignore[no-untyped-call]


class JsCall(MacroElement):  # type: ignore[misc]
    """One runtime call with the map as first argument: ``geokit.<fn>(map, *args)``.

    Parameters
    ----------
    fn
        Runtime function name.
    *args
        JSON arguments.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}"
        "geokit.{{ this.fn }}({{ this._parent.get_name() }}{% for a in this.args %}, {{ a }}{% endfor %});\n"
        "{% endmacro %}"
    )

    def __init__(self, fn: str, *args: Any) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "GeokitCall"
        if not re.fullmatch(r"[a-zA-Z]+", fn):
            raise ValueError(f"bad runtime function name {fn!r}")
        self.fn = fn
        self.args = [script_json(a) for a in args]


class Attribution(MacroElement):  # type: ignore[misc]
    """Credits added to Leaflet's attribution control, as escaped text.

    Parameters
    ----------
    credits
        One already-escaped HTML string per source.
    """

    _template = Template(
        "{% macro script(this, kwargs) %}{% for c in this.credits %}"
        "{{ this._parent.get_name() }}.attributionControl.addAttribution({{ c }});\n"
        "{% endfor %}{% endmacro %}"
    )

    def __init__(self, credits: list[str]) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "Attribution"
        self.credits = [script_json(c) for c in dict.fromkeys(credits)]


def _text_asset(library: str, file: str) -> str:
    text = read_asset(library, file).decode("utf-8")
    if file.endswith(".css"):
        text = _inline_css_urls(library, text)
        return text.replace("</style", "<\\/style")
    return text.replace("</script", "<\\/script")


def _inline_css_urls(library: str, css: str) -> str:
    """Replace ``url(images/x.png)`` by data URIs from the cache, or by nothing."""
    files = set(ASSETS[library].files)

    def repl(match: re.Match[str]) -> str:
        ref = match.group(1).strip("'\"")
        if ref.startswith(("#", "data:")):
            return match.group(0)
        path = f"dist/{ref}"
        if path in files and ref.endswith(".png"):
            data = base64.b64encode(read_asset(library, path)).decode("ascii")
            return f"url(data:image/png;base64,{data})"
        return "none"

    return re.sub(r"url\(([^)]*)\)", repl, css)


def inline_assets(m: GeokitMap, libraries: list[str]) -> None:
    """Put the favicon stub, the libraries (offline) and the runtime in the page header.

    Parameters
    ----------
    m
        The map.
    libraries
        Keys of ``LIBRARIES`` the page needs; inlined when ``m.inline``. Otherwise
        the page says plainly, until Leaflet has loaded, that it needs the network.
    """
    root: Any = m.get_root()
    header = root.header
    header.add_child(Raw('<link rel="icon" href="data:,">'), name="geokit_favicon")
    if not m.inline:
        root.html.add_child(
            Raw(
                '<div id="geokit-needs-network" class="geokit-needs-network">This map loads its scripts '
                "(Leaflet) from cdn.jsdelivr.net and needs the network to draw. Run "
                "<code>geokit assets fetch</code> once to make maps that work offline.</div>"
                '<script>if (window.L) { document.getElementById("geokit-needs-network").remove(); }</script>'
            ),
            name="geokit_needs_network",
        )
    if m.inline:
        parts = []
        for lib in libraries:
            js, css = LIBRARIES[lib]
            parts += [f"<style>{_text_asset(lib, f)}</style>" for _, f in css]
            parts += [f"<script>{_text_asset(lib, f)}</script>" for _, f in js]
        parts.append("<style>.folium-map.leaflet-container{background:#eef1f4}</style>")
        header.add_child(Raw("\n".join(parts)), name="geokit_assets")
    header.add_child(
        Raw(f"<style>{RUNTIME_CSS}</style>\n<script>{RUNTIME_JS}</script>"), name="geokit_runtime"
    )

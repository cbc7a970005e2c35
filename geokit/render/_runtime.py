"""The small JavaScript runtime and stylesheet every geokit map carries inline.

Data travel as JSON in ``<script type="application/json">`` elements (large
payloads deflated and base64-encoded, decoded with the browser's
``DecompressionStream``); every string from the data reaches the page through
``textContent``, never as HTML. ``window.geokit`` records the layers of each
map and resolves ``geokit.ready`` once every layer has been filled and drawn,
which is what the browser tests and the benchmark wait for.
"""

from __future__ import annotations

__all__ = ["RUNTIME_CSS", "RUNTIME_JS"]

RUNTIME_CSS = """
.geokit-title{position:fixed;top:10px;left:50%;transform:translateX(-50%);z-index:1000;max-width:60vw;
 background:rgba(255,255,255,.92);padding:4px 12px;font:bold 15px/1.3 sans-serif;border-radius:4px;
 box-shadow:0 1px 4px rgba(0,0,0,.3);overflow-wrap:anywhere}
.geokit-legend{background:#fff;padding:8px 10px;border:1px solid #999;border-radius:4px;
 font:12px/1.4 sans-serif;max-width:280px;max-height:55vh;overflow:auto}
.geokit-legend .geokit-row{display:flex;align-items:center;gap:6px;margin:1px 0}
.geokit-legend .geokit-row span:last-child{overflow-wrap:anywhere}
.geokit-legend .geokit-head{font-weight:bold;margin:4px 0 2px}
.geokit-legend .geokit-note{color:#444;margin-top:4px;max-width:260px}
.geokit-swatch{display:inline-block;flex:none;width:18px;height:12px;border:1px solid #666}
.geokit-dot{display:inline-block;flex:none;width:12px;height:12px;border-radius:50%}
.geokit-needs-network{position:absolute;top:40%;left:10%;right:10%;z-index:2000;padding:12px;
 background:#fff3cd;border:1px solid #c9a227;font:14px/1.4 sans-serif}
.geokit-popup table{border-collapse:collapse;margin:4px 0}
.geokit-popup th{text-align:left;padding-right:6px;color:#555;font-weight:normal;vertical-align:top}
.geokit-popup p{margin:4px 0;overflow-wrap:anywhere}
.geokit-popup hr{border:0;border-top:1px solid #ccc}
.geokit-popup a{overflow-wrap:anywhere}
.geokit-time{background:#fff;padding:6px 10px;border:1px solid #999;border-radius:4px;font:12px sans-serif}
.geokit-time input{width:220px;vertical-align:middle}
.geokit-time output{display:inline-block;min-width:90px;font-weight:bold}
.leaflet-container .leaflet-control-attribution{max-width:62vw;font-size:11px;line-height:1.35}
"""

RUNTIME_JS = r"""
(function () {
  "use strict";
  if (window.geokit) { return; }
  var geokit = window.geokit = {maps: [], layers: {}, pending: [], cache: {}, drawnAt: null, marks: []};
  // [what, performance.now()] for the stages of loading a page (the benchmark prints them)
  function mark(what) { geokit.marks.push([what, performance.now()]); }

  // ------------------------------------------------------------ data
  function decode(el) {
    if (el.getAttribute("data-encoding") !== "deflate-base64") {
      return Promise.resolve(JSON.parse(el.textContent));
    }
    var text = el.textContent.trim(), bytes;
    if (Uint8Array.fromBase64) {
      bytes = Uint8Array.fromBase64(text);
    } else {
      var bin = atob(text);
      bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
    return new Response(stream).text().then(JSON.parse);
  }
  geokit.load = function (id) {
    if (!geokit.cache[id]) {
      var el = document.getElementById(id);
      geokit.cache[id] = el ? decode(el).then(function (d) { mark("decoded " + id); return d; })
        : Promise.reject(new Error("no data element " + id));
    }
    return geokit.cache[id];
  };
  function column(col) {
    if (Array.isArray(col)) { return function (i) { return col[i]; }; }
    return function (i) { return col.v[col.i[i]]; };
  }
  function track(promise) { geokit.pending.push(promise); return promise; }
  // districts (SVG, overlayPane 400) < province borders < incident canvas < cluster icons (markerPane 600)
  function pane(map, name, z, passive) {
    if (!map.getPane(name)) {
      var el = map.createPane(name);
      el.style.zIndex = String(z);
      if (passive) { el.style.pointerEvents = "none"; }
    }
    return name;
  }

  // ------------------------------------------------------------ DOM helpers (text only)
  function add(parent, tag, text, cls) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (text !== undefined && text !== null) { el.textContent = String(text); }
    parent.appendChild(el);
    return el;
  }
  function httpUrl(url) { return typeof url === "string" && /^https?:\/\/[^\s<>"'`\\]+$/i.test(url); }

  // ------------------------------------------------------------ incidents
  var PRECISION = {1: "exact place", 2: "near or part of a place", 3: "admin-unit level (approximate)"};
  // One circle-marker class per event type and precision (index type * 4 + precision): the style
  // lives in the class's options, shared by its markers instead of copied into each of them.
  function markerClasses(d, renderer) {
    var out = [];
    d.colours.forEach(function (c, t) {
      [1, 2, 3].forEach(function (p) {
        var s = {color: c, fillColor: c, radius: 6, weight: 1.5, opacity: 1, fillOpacity: 0.85};
        if (p === 2) { s = {color: c, fillColor: c, radius: 5, weight: 7, opacity: 0.35, fillOpacity: 0.9}; }
        if (p === 3) {
          s = {color: c, fillColor: c, radius: 12, weight: 2, opacity: 0.9, fillOpacity: 0.1,
               dashArray: "4 3"};
        }
        s.renderer = renderer;
        out[t * 4 + p] = L.CircleMarker.extend({options: s});
      });
    });
    return out;
  }
  function incidentBox(d, get, box, i) {
    add(box, "b", get.place(i) || "(unnamed place)");
    var rows = [["Date", get.date(i)], ["Type", d.types[d.type[i]]],
                ["Fatalities", get.fatalities(i) || "not reported"], ["District", get.district(i)],
                ["Location", PRECISION[d.precision[i]] || ""]];
    var table = add(box, "table");
    rows.forEach(function (r) {
      if (!r[1]) { return; }
      var tr = add(table, "tr");
      add(tr, "th", r[0]);
      add(tr, "td", r[1]);
    });
    var text = get.description(i);
    if (text) { add(box, "p", text); }
    var url = get.url(i), source = get.source(i);
    if (httpUrl(url)) {
      var p = add(box, "div", "Source: ");
      var a = add(p, "a", source || url);
      a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer nofollow";
    } else if (source) {
      add(box, "div", "Source: " + source);
    }
  }
  // The markers grouped by cells of 1/8 degree (data order within a cell): the cluster plugin does
  // the same work much faster when neighbours arrive together than in the data's order.
  function byCell(markers, d) {
    var n = markers.length, key = new Float64Array(n), order = new Uint32Array(n), out = new Array(n);
    for (var i = 0; i < n; i++) {
      order[i] = i;
      key[i] = Math.floor((d.lat[i] + 90) * 8) * 4096 + Math.floor((d.lon[i] + 180) * 8);
    }
    order.sort(function (a, b) { return key[a] - key[b] || a - b; });
    for (var j = 0; j < n; j++) { out[j] = markers[order[j]]; }
    return out;
  }
  geokit.incidents = function (map, opts) {
    // Clustering builds a grid of clusters for every zoom level it covers, each costing about as much
    // as the next; from zoom 13 (a town, some 25 km across) every incident is drawn on its own.
    // Chunks of 200 ms keep the page responsive while it works, without idling between them.
    var group = opts.cluster ? L.markerClusterGroup({chunkedLoading: true, chunkInterval: 200,
      chunkDelay: 0, disableClusteringAtZoom: 13, showCoverageOnHover: false, maxClusterRadius: 50})
      : L.featureGroup();
    // The plugin listens to every marker for drags and moves; these markers never move (popups and the
    // time view only add and remove them), so 100,000 sets of listeners are not made.
    if (opts.cluster) { group._childMarkerEventHandlers = {}; }
    var state = geokit.layers[opts.key] = {group: group, markers: [], data: null, ready: false};
    var filled = geokit.load(opts.data).then(function (d) {
      state.data = d;
      var get = {};
      ["date", "place", "fatalities", "description", "source", "url", "district"].forEach(function (k) {
        get[k] = column(d.text[k]);
      });
      state.get = get;
      var renderer = L.canvas({padding: 0.3, pane: pane(map, "geokitIncidents", 450)});
      var classes = markerClasses(d, renderer);
      var n = d.lat.length, markers = state.markers = new Array(n);
      for (var i = 0; i < n; i++) {
        var m = new classes[d.type[i] * 4 + (d.precision[i] || 1)](L.latLng(d.lat[i], d.lon[i]));
        m.gi = i;
        markers[i] = m;
      }
      mark("markers made");
      var here = null;
      group.on("click", function (e) {
        var i = e.layer.gi;
        if (i === undefined) { return; }
        if (!here) {
          here = {};
          for (var j = 0; j < d.lat.length; j++) {
            var key = d.lat[j] + "," + d.lon[j];
            (here[key] = here[key] || []).push(j);
          }
        }
        var box = document.createElement("div");
        box.className = "geokit-popup";
        var same = here[d.lat[i] + "," + d.lon[i]];
        if (state.period !== undefined && state.period >= 0) {
          same = same.filter(function (j) { return d.period[j] === state.period; });
        }
        if (same.length > 1) { add(box, "div", same.length + " incidents at this location", "geokit-head"); }
        same.slice(0, 20).forEach(function (j, n) {
          if (n) { add(box, "hr"); }
          incidentBox(d, get, box, j);
        });
        if (same.length > 20) { add(box, "div", "and " + (same.length - 20) + " more"); }
        L.popup({maxWidth: 340, maxHeight: 360}).setLatLng(e.layer.getLatLng()).setContent(box).openOn(map);
      });
      return new Promise(function (resolve) {
        if (opts.cluster) {
          group.options.chunkProgress = function (done, total) {
            if (done >= total) { group.options.chunkProgress = null; resolve(); }
          };
          state.clusterOrder = byCell(markers, d);
          group.addLayers(state.clusterOrder);
          if (!markers.length) { resolve(); }
        } else {
          markers.forEach(function (m) { group.addLayer(m); });
          resolve();
        }
      });
    }).then(function () { state.ready = true; mark("incidents clustered"); });
    track(filled);
    return group;
  };
  geokit.showPeriod = function (key, period) {
    var state = geokit.layers[key];
    if (!state || !state.data) { return; }
    state.period = period;
    var d = state.data;
    var all = state.clusterOrder || state.markers;
    var keep = period < 0 ? all : all.filter(function (m) { return d.period[m.gi] === period; });
    state.group.clearLayers();
    if (state.group.addLayers) {
      state.group.addLayers(keep);
    } else {
      keep.forEach(function (m) { state.group.addLayer(m); });
    }
    return keep.length;
  };

  // ------------------------------------------------------------ heat
  // Off until ticked in the layer control: its points are made when it is first shown.
  geokit.heat = function (map, opts) {
    var layer = L.heatLayer([], {radius: 14, blur: 16, minOpacity: 0.3, maxZoom: 10});
    var state = geokit.layers[opts.key] = {layer: layer, period: -1, points: null};
    track(geokit.load(opts.data).then(function (d) { state.data = d; heatDraw(state); }));
    layer.on("add", function () { heatDraw(state); });
    return layer;
  };
  function heatDraw(state) {
    var d = state.data;
    if (!d || !state.layer._map) { return; }
    if (!state.points) { state.points = d.lat.map(function (lat, i) { return [lat, d.lon[i]]; }); }
    var p = state.period;
    state.layer.setLatLngs(p < 0 ? state.points
      : state.points.filter(function (x, i) { return d.period[i] === p; }));
  }
  geokit.heatPeriod = function (key, period) {
    var state = geokit.layers[key];
    if (!state) { return; }
    state.period = period;
    heatDraw(state);
  };

  // ------------------------------------------------------------ districts
  geokit.districts = function (map, opts) {
    var layer = L.geoJSON(null, {
      className: "geokit-district",
      style: function (f) {
        var d = geokit.layers[opts.key].data, i = f.properties.i;
        return {fillColor: d.fill[i], color: "#555", weight: 0.7, opacity: 1, fillOpacity: 0.7,
                dashArray: d.nodata[i] ? "3 3" : null};
      }
    });
    var state = geokit.layers[opts.key] = {layer: layer, data: null};
    track(geokit.load(opts.data).then(function (d) {
      state.data = d;
      layer.addData(d.geojson);
      mark("districts added");
      layer.eachLayer(function (l) {
        l.bindTooltip(function () { return state.tip(l.feature.properties.i); }, {sticky: true});
        l.on("mouseover", function () { l.setStyle({weight: 2.5, color: "#222"}); });
        l.on("mouseout", function () { l.setStyle({weight: 0.7, color: "#555"}); });
      });
    }));
    state.period = -1;
    state.tip = function (i) {
      var d = state.data, box = document.createElement("div");
      add(box, "b", d.name[i]);
      var value = state.period < 0 ? d.value[i] : d.periods.value[state.period][i];
      var label = state.period < 0 ? d.label : d.periods.label + ", " + d.periods.names[state.period];
      add(box, "div", label + ": " + value);
      return box;
    };
    return layer;
  };
  geokit.districtPeriod = function (key, period) {
    var state = geokit.layers[key];
    if (!state || !state.data) { return; }
    state.period = period;
    var d = state.data;
    state.layer.eachLayer(function (l) {
      var i = l.feature.properties.i;
      var fill = period < 0 ? d.fill[i] : d.periods.fill[period][i];
      var nodata = period < 0 ? d.nodata[i] : false;
      l.setStyle({fillColor: fill, dashArray: nodata ? "3 3" : null});
    });
  };

  // ------------------------------------------------------------ outlines (offline basemap)
  geokit.outlines = function (map, opts) {
    var layer = L.geoJSON(null, {className: "geokit-outline", interactive: false,
      pane: pane(map, "geokitOutlines", 420, true),
      style: {color: "#333", weight: 1.6, opacity: 0.9, fill: false}});
    geokit.layers[opts.key] = {layer: layer};
    track(geokit.load(opts.data).then(function (d) { layer.addData(d); }));
    return layer;
  };

  geokit.fit = function (map, bounds) {
    if (bounds) { map.fitBounds(bounds, {animate: false, maxZoom: 12}); }
  };

  // ------------------------------------------------------------ controls
  geokit.legend = function (map, id) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    var ctrl = L.control({position: "bottomright"});
    ctrl.onAdd = function () { L.DomEvent.disableScrollPropagation(el); return el; };
    ctrl.addTo(map);
    el.style.display = "";
    return ctrl;
  };
  geokit.timeSlider = function (map, opts) {
    var ctrl = L.control({position: "bottomleft"});
    ctrl.onAdd = function () {
      var box = L.DomUtil.create("div", "geokit-time leaflet-bar");
      L.DomEvent.disableClickPropagation(box);
      var label = add(box, "label", opts.title + " ");
      var input = add(label, "input");
      input.type = "range"; input.min = "0"; input.max = String(opts.names.length);
      input.step = "1"; input.value = "0";
      input.setAttribute("aria-label", opts.title);
      var out = add(box, "output", opts.all);
      input.addEventListener("input", function () {
        var p = Number(input.value) - 1;
        out.textContent = p < 0 ? opts.all : opts.names[p];
        geokit.setPeriod(opts, p);
      });
      return box;
    };
    ctrl.addTo(map);
    return ctrl;
  };
  geokit.setPeriod = function (opts, p) {
    if (opts.incidents) { geokit.showPeriod(opts.incidents, p); }
    if (opts.heat) { geokit.heatPeriod(opts.heat, p); }
    if (opts.districts) { geokit.districtPeriod(opts.districts, p); }
    var all = document.getElementById("geokit-legend-all");
    var per = document.getElementById("geokit-legend-period");
    if (all && per) { all.style.display = p < 0 ? "" : "none"; per.style.display = p < 0 ? "none" : ""; }
    geokit.period = p;
  };
  geokit.done = function (map) {
    geokit.maps.push(map);
    geokit.ready = Promise.all(geokit.pending).then(function () {
      return new Promise(function (resolve) {
        requestAnimationFrame(function () { requestAnimationFrame(resolve); });
      });
    }).then(function () {
      geokit.drawnAt = performance.now();
      mark("drawn");
      document.documentElement.setAttribute("data-geokit-ready", "1");
    }, function (err) {
      document.documentElement.setAttribute("data-geokit-ready", "error");
      throw err;
    });
  };
})();
"""

// geokg's standalone graph view: reads the JSON block written by
// `geokg view`, draws actors and their PLOVER relations with force-graph,
// and lets the reader filter by time window, actor type and quad class and
// read the evidence sentences of any link. Every text from the data is set
// with textContent or escaped: article sentences are untrusted input.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("geokg-data").textContent);
  var TYPE_COLORS = data.colors.types, QUAD_COLORS = data.colors.quads;
  var TYPES = data.actorTypes, QUADS = data.quads;
  var eventTypes = data.eventTypes; // index → {name, quad, score}

  var $ = function (id) { return document.getElementById(id); };
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "class") e.className = attrs[k]; else if (k === "style") e.style.cssText = attrs[k]; else e.setAttribute(k, attrs[k]);
    }
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  function title(s) { return s.charAt(0).toUpperCase() + s.slice(1); }

  // --- filter controls -------------------------------------------------
  var dated = data.events.filter(function (e) { return e.d; }).map(function (e) { return e.d; }).sort();
  var minDate = dated[0] || "", maxDate = dated[dated.length - 1] || "";
  [$("from"), $("to")].forEach(function (input) { input.min = minDate; input.max = maxDate; });

  function checkbox(parent, name, value, color, cls, count) {
    var label = el("label");
    var box = el("input", { type: "checkbox", name: name, value: value });
    box.checked = box.defaultChecked = true;
    label.appendChild(box);
    label.appendChild(el("span", { class: "swatch " + cls, style: "background:" + color }));
    label.appendChild(document.createTextNode(title(value.toLowerCase()) + (count !== undefined ? " (" + count + ")" : "")));
    parent.appendChild(label);
  }
  var typeCounts = {};
  data.actors.forEach(function (a) { typeCounts[a.type] = (typeCounts[a.type] || 0) + 1; });
  TYPES.forEach(function (t) { checkbox($("actor-types"), "type", t, TYPE_COLORS[t], "", typeCounts[t] || 0); });
  QUADS.forEach(function (q) { checkbox($("quads"), "quad", q, QUAD_COLORS[q], "line"); });
  var names = $("actor-names");
  data.actors.forEach(function (a) { names.appendChild(el("option", { value: a.name })); });

  function checked(name) {
    var set = {};
    document.querySelectorAll("input[name=" + name + "]").forEach(function (b) { if (b.checked) set[b.value] = true; });
    return set;
  }

  // --- graph model -------------------------------------------------------
  var nodeCache = {}; // id → node object, kept across filters so the layout stays put

  function compute() {
    var from = $("from").value, to = $("to").value, undated = $("undated").checked;
    var types = checked("type"), quads = checked("quad");
    var minEvents = Math.max(1, parseInt($("min-events").value, 10) || 1);
    var links = {}, shown = 0;
    data.events.forEach(function (e, i) {
      var et = eventTypes[e.y];
      if (!quads[et.quad]) return;
      if (e.d) {
        if ((from && e.d < from) || (to && e.d > to)) return;
      } else if (!undated) return;
      var s = data.actors[e.s], t = data.actors[e.t];
      if (!types[s.type] || !types[t.type]) return;
      var key = e.s + "|" + e.t + "|" + et.quad;
      var l = links[key];
      if (!l) l = links[key] = { source: s.id, target: t.id, quad: et.quad, events: [], score: 0 };
      l.events.push(i);
      l.score += et.score;
    });
    var list = Object.keys(links).map(function (k) { return links[k]; })
      .filter(function (l) { return l.events.length >= minEvents; });
    // Curve parallel links of one pair apart so each can be clicked.
    var pairs = {};
    list.forEach(function (l) {
      var p = l.source < l.target ? l.source + "|" + l.target : l.target + "|" + l.source;
      (pairs[p] = pairs[p] || []).push(l);
    });
    Object.keys(pairs).forEach(function (p) {
      var group = pairs[p];
      group.forEach(function (l, i) {
        var c = group.length === 1 ? 0 : 0.15 + 0.2 * Math.floor(i / 2);
        l.curvature = (i % 2 ? -c : c) * (l.source < l.target ? 1 : -1);
      });
    });
    var degree = {};
    list.forEach(function (l) {
      shown += l.events.length;
      degree[l.source] = (degree[l.source] || 0) + l.events.length;
      degree[l.target] = (degree[l.target] || 0) + l.events.length;
    });
    var nodes = data.actors.filter(function (a) { return degree[a.id]; }).map(function (a) {
      var n = nodeCache[a.id] || (nodeCache[a.id] = { id: a.id, actor: a });
      n.events = degree[a.id];
      return n;
    });
    return { nodes: nodes, links: list, shown: shown };
  }

  // --- rendering --------------------------------------------------------
  var container = $("graph");
  var highlight = null;
  var Graph = null;
  // view is the page's state, exposed for scripted tests.
  var view = window.geokgView = { ready: false, fitted: false, nodes: 0, linkCount: 0, events: 0 };

  // startEvents draws the events graph the first time its mode shows: a
  // force layout in a hidden element would have no size.
  function startEvents() {
    if (Graph) return;
    Graph = ForceGraph()(container)
      .backgroundColor("#fbfbfa")
      .nodeId("id")
      .nodeVal(function (n) { return 2 + 3 * Math.sqrt(n.events); })
      .nodeRelSize(3)
      .nodeColor(function (n) { return TYPE_COLORS[n.actor.type]; })
      .nodeLabel(function (n) {
        var a = n.actor;
        return "<b>" + esc(a.name) + "</b> " + esc(a.type.toLowerCase()) + "<br>" + n.events + " events" +
          (a.role ? "<br>" + esc(a.role) : "") + (a.aliases.length ? "<br>aka " + esc(a.aliases.slice(0, 5).join(", ")) : "");
      })
      .nodeCanvasObjectMode(function () { return "after"; })
      .nodeCanvasObject(function (n, ctx, scale) {
        var r = Math.sqrt(2 + 3 * Math.sqrt(n.events)) * 3;
        var size = Math.max(10 / scale, 3);
        ctx.font = (highlight === n.id ? "bold " : "") + size + "px system-ui, sans-serif";
        ctx.textAlign = "center";
        ctx.textBaseline = "top";
        ctx.fillStyle = "#1d1f21";
        ctx.fillText(n.actor.name, n.x, n.y + r + 1);
      })
      .linkColor(function (l) { return QUAD_COLORS[l.quad]; })
      .linkWidth(function (l) { return 1 + Math.log2(l.events.length); })
      .linkCurvature("curvature")
      .linkDirectionalArrowLength(5)
      .linkDirectionalArrowRelPos(0.96)
      .linkLabel(function (l) {
        return esc(nameOf(l.source) + " → " + nameOf(l.target)) + "<br>" + l.events.length + " " + esc(l.quad) +
          " event" + (l.events.length === 1 ? "" : "s") + ", score " + l.score.toFixed(1);
      })
      .onLinkClick(showLink)
      .onNodeClick(function (n) { showActor(n.id); })
      .cooldownTime(4000)
      .onEngineStop(function () {
        if (view.fitted) { view.ready = true; return; }
        view.fitted = true;
        Graph.zoomToFit(300, 40);
        setTimeout(function () { view.ready = true; }, 350); // after the zoom's transition
      });

    // Spread the crowded centre: stronger repulsion, longer links.
    Graph.d3Force("charge").strength(-90).distanceMax(400);
    Graph.d3Force("link").distance(function (l) { return 30 + 20 / l.events.length; });

    resize();
    refresh();
  }
  function nameOf(end) {
    var id = typeof end === "object" ? end.id : end;
    return nodeCache[id] ? nodeCache[id].actor.name : id;
  }
  function resize() { if (Graph) Graph.width(container.clientWidth).height(container.clientHeight); }
  window.addEventListener("resize", resize);


  function refresh() {
    if (!Graph) return;
    var g = compute();
    view.ready = false;
    Graph.graphData({ nodes: g.nodes, links: g.links });
    view.nodes = g.nodes.length; view.linkCount = g.links.length; view.events = g.shown;
    var when = minDate ? ($("from").value || minDate) + " – " + ($("to").value || maxDate) : "no dated events";
    $("status").textContent = g.nodes.length + " actors, " + g.links.length + " links, " + g.shown + " of " +
      data.events.length + " events shown (" + when + ")" + (data.dropped ? "; " + data.dropped + " older events left out of this file" : "");
  }

  // --- side panel ---------------------------------------------------------
  var panel = $("panel");
  function clear() { while (panel.firstChild) panel.removeChild(panel.firstChild); }
  function badge(text, color) { return el("span", { class: "badge", style: "background:" + color }, text); }

  function eventItem(i) {
    var e = data.events[i], et = eventTypes[e.y], art = data.articles[e.a];
    var li = el("li", { class: "event" });
    var head = el("div", { class: "head" });
    head.appendChild(badge(et.name, QUAD_COLORS[et.quad]));
    head.appendChild(document.createTextNode(" " + (e.d || "undated") + " · " + data.actors[e.s].name + " → " +
      data.actors[e.t].name + " · score " + et.score));
    if (e.m) head.appendChild(el("span", { class: "modes" }, " · " + e.m));
    li.appendChild(head);
    li.appendChild(el("blockquote", {}, e.e));
    // The words through which the sentence names an actor it does not name.
    if (e.r) li.appendChild(el("div", { class: "meta refs" }, "through: " + e.r));
    if (art) {
      var src = el("div", { class: "meta" });
      var label = (art.title || art.id) + (art.source ? " — " + art.source : "") + (art.date ? ", " + art.date : "");
      if (/^https?:\/\//i.test(art.url || "")) {
        var a = el("a", { href: art.url, target: "_blank", rel: "noopener noreferrer" }, label);
        src.appendChild(a);
      } else {
        src.textContent = label;
      }
      li.appendChild(src);
    }
    return li;
  }

  function byDate(a, b) {
    var da = data.events[a].d || "9999", db = data.events[b].d || "9999";
    return da < db ? -1 : da > db ? 1 : a - b;
  }

  function showLink(l) {
    clear();
    var s = typeof l.source === "object" ? l.source.id : l.source, t = typeof l.target === "object" ? l.target.id : l.target;
    highlight = null;
    panel.appendChild(el("h2", {}, nameOf(s) + " → " + nameOf(t)));
    var meta = el("p", { class: "meta" });
    meta.appendChild(badge(l.quad, QUAD_COLORS[l.quad]));
    meta.appendChild(document.createTextNode(" " + l.events.length + " event" + (l.events.length === 1 ? "" : "s") +
      ", summed score " + l.score.toFixed(1)));
    panel.appendChild(meta);
    var ol = el("ol", { id: "evidence" });
    l.events.slice().sort(byDate).forEach(function (i) { ol.appendChild(eventItem(i)); });
    panel.appendChild(ol);
    view.selected = { source: s, target: t, quad: l.quad, events: l.events.length };
  }

  function showActor(id) {
    var n = nodeCache[id];
    if (!n) return;
    clear();
    highlight = id;
    var a = n.actor;
    panel.appendChild(el("h2", {}, a.name));
    var meta = el("p", { class: "meta" });
    meta.appendChild(badge(a.type, TYPE_COLORS[a.type]));
    meta.appendChild(document.createTextNode(" " + a.id + (a.role ? " · " + a.role : "") +
      (a.affiliation ? " · " + a.affiliation : "")));
    panel.appendChild(meta);
    if (a.aliases.length) panel.appendChild(el("p", { class: "meta" }, "Also: " + a.aliases.join(", ")));
    var partners = {};
    Graph.graphData().links.forEach(function (l) {
      var s = l.source.id || l.source, t = l.target.id || l.target;
      if (s !== id && t !== id) return;
      var other = s === id ? t : s;
      var p = partners[other] || (partners[other] = { id: other, coop: 0, conflict: 0, links: [] });
      if (/cooperation/.test(l.quad)) p.coop += l.events.length; else p.conflict += l.events.length;
      p.links.push(l);
    });
    var list = Object.keys(partners).map(function (k) { return partners[k]; })
      .sort(function (x, y) { return (y.coop + y.conflict) - (x.coop + x.conflict); });
    panel.appendChild(el("h3", {}, "Relations shown (" + list.length + ")"));
    var ul = el("ul");
    list.forEach(function (p) {
      var li = el("li", { class: "partner", title: "show the events" },
        nameOf(p.id) + " — " + p.coop + " cooperation, " + p.conflict + " conflict");
      li.addEventListener("click", function () {
        var events = [];
        p.links.forEach(function (l) { events = events.concat(l.events); });
        showEvents(a.name + " and " + nameOf(p.id), events);
      });
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    Graph.centerAt(n.x, n.y, 400);
  }

  function showEvents(heading, events) {
    clear();
    panel.appendChild(el("h2", {}, heading));
    var ol = el("ol", { id: "evidence" });
    events.sort(byDate).forEach(function (i) { ol.appendChild(eventItem(i)); });
    panel.appendChild(ol);
  }

  // links returns the links drawn now.
  view.links = function () { return Graph.graphData().links; };

  // linkPoint returns the screen position of the middle of link i of the
  // current graph, where a click selects it.
  view.linkPoint = function (i) {
    var l = Graph.graphData().links[i];
    if (!l || typeof l.source !== "object") return null;
    var x = (l.source.x + l.target.x) / 2, y = (l.source.y + l.target.y) / 2;
    if (l.__controlPoints) {
      x = 0.25 * l.source.x + 0.5 * l.__controlPoints[0] + 0.25 * l.target.x;
      y = 0.25 * l.source.y + 0.5 * l.__controlPoints[1] + 0.25 * l.target.y;
    }
    var p = Graph.graph2ScreenCoords(x, y), box = container.getBoundingClientRect();
    return { x: p.x + box.left, y: p.y + box.top, events: l.events.length };
  };

  // --- wiring -------------------------------------------------------------
  $("filters").addEventListener("change", refresh);
  $("min-events").addEventListener("input", refresh);
  $("search").addEventListener("change", function () {
    var q = this.value.trim().toLowerCase();
    if (!q) return;
    var hit = data.actors.filter(function (a) {
      return a.name.toLowerCase() === q || a.id.toLowerCase() === q ||
        a.aliases.some(function (s) { return s.toLowerCase() === q; });
    })[0] || data.actors.filter(function (a) { return a.name.toLowerCase().indexOf(q) >= 0; })[0];
    if (hit) showActor(hit.id);
  });
  $("reset").addEventListener("click", function () {
    $("filters").reset();
    refresh();
  });

  // --- modes ----------------------------------------------------------------
  // The page has two modes: "alignment" (alliance.js: allies and rivals,
  // blocs, over time windows) and "events" (this file: every PLOVER
  // relation). The address's #events or #alignment picks one.
  var starters = { events: startEvents };
  function showMode(mode) {
    if (mode !== "events" && mode !== "alignment") mode = "alignment";
    document.body.className = "mode-" + mode;
    document.querySelectorAll("#modes button").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-mode") === mode));
    });
    if (location.hash !== "#" + mode) history.replaceState(null, "", "#" + mode);
    if (starters[mode]) starters[mode]();
  }
  window.addEventListener("hashchange", function () { showMode(location.hash.slice(1)); });
  document.querySelectorAll("#modes button").forEach(function (b) {
    b.addEventListener("click", function () { showMode(b.getAttribute("data-mode")); });
  });

  // geokgPage shares the page's data and panel helpers with alignment.js.
  window.geokgPage = {
    data: data, el: el, esc: esc, badge: badge, eventItem: eventItem, byDate: byDate,
    clearPanel: clear, panel: panel,
    onMode: function (mode, start) { starters[mode] = start; },
    start: function () { showMode((location.hash || "").slice(1)); }
  };
})();

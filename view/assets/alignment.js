// geokg's "alignment" mode: who is allied with whom and who opposes whom,
// per time window. Edges are the decayed net cooperation of each pair of
// actors (green: allied, red: opposed; width: |score|), actors are
// coloured by bloc (signed-modularity partition, computed by geokg) with
// a hull around each bloc. The layout is a force layout fitted to the
// whole drawing area, then labels are placed without overlap, the best
// connected actors first. Moving through windows animates the actors that
// change bloc. Texts from articles are set with textContent only.
(function () {
  "use strict";

  var page = window.geokgPage;
  var data = page.data, AL = data.alignment || { windows: [] };
  var $ = function (id) { return document.getElementById(id); };
  var SVGNS = "http://www.w3.org/2000/svg";
  var ALLY = data.colors.ally, RIVAL = data.colors.rival, NO_BLOC = data.colors.noBloc;
  var BLOC_COLOURS = data.colors.blocs;
  // Each window's bloc of an actor (by index), from its bloc lists.
  AL.windows.forEach(function (w) {
    w.bloc = {};
    w.blocs.forEach(function (b) { b.members.forEach(function (m) { w.bloc[m] = b.colour; }); });
  });
  function blocColour(c) { return c ? BLOC_COLOURS[(c - 1) % BLOC_COLOURS.length] : NO_BLOC; }

  var svg = $("align-svg"), box = $("alignment");
  var state = { kind: "all", win: 0, threshold: 0, topLabels: 120, prevWin: -1 };
  var pos = {}; // actor index → {x, y}, kept across windows so the picture moves, not jumps
  var drawn = null; // what is on screen: {nodes, edges, labels, win}
  var api = window.geokgAlign = { ready: false, moved: [] };

  function windowsOf(kind) {
    var out = [];
    AL.windows.forEach(function (w, i) { if (w.kind === kind) out.push(i); });
    return out;
  }

  // --- the graph of a window --------------------------------------------
  function graphOf(wi) {
    var w = AL.windows[wi];
    // Weakest first, so the strongest are drawn on top.
    var edges = w.edges.filter(function (e) { return Math.abs(e.s) >= state.threshold; })
      .sort(function (x, y) { return Math.abs(x.s) - Math.abs(y.s); });
    var deg = {}, strength = {};
    edges.forEach(function (e) {
      [e.a, e.b].forEach(function (i) {
        deg[i] = (deg[i] || 0) + 1;
        strength[i] = (strength[i] || 0) + Math.abs(e.s);
      });
    });
    var nodes = Object.keys(deg).map(Number).sort(function (a, b) {
      return deg[b] - deg[a] || strength[b] - strength[a] || (data.actors[a].name < data.actors[b].name ? -1 : 1);
    }).map(function (i, rank) {
      return { i: i, actor: data.actors[i], deg: deg[i], strength: strength[i], rank: rank, bloc: w.bloc[i] || 0,
        r: 4 + 2.2 * Math.sqrt(deg[i]) };
    });
    return { w: w, nodes: nodes, edges: edges };
  }

  // hash gives a stable pseudo-random number in [0, 1) for a string, so
  // the same graph always gets the same picture.
  function hash(s) {
    var h = 2166136261;
    for (var k = 0; k < s.length; k++) { h ^= s.charCodeAt(k); h = Math.imul(h, 16777619); }
    return ((h >>> 0) % 100000) / 100000;
  }

  var measurer = document.createElement("canvas").getContext("2d");
  var FONT = "12px system-ui, -apple-system, \"Segoe UI\", Roboto, \"Noto Sans\", sans-serif";
  function textWidth(s, bold) {
    measurer.font = (bold ? "600 " : "") + FONT;
    return Math.ceil(measurer.measureText(s).width) + 2;
  }

  // layout places the nodes. Each connected part of the graph gets its
  // own force layout (repulsion between all, attraction along alliances
  // and towards the bloc's centre, extra repulsion along rivalries); the
  // parts are packed in rows, largest first, into the drawing's shape and
  // scaled to fill it; then overlaps of nodes and their labels are pushed
  // apart. Laying out the parts apart keeps the small ones (a pair of
  // allies in another story) from being thrown to the edges, which would
  // squeeze the main part into the middle.
  function layout(g, W, H) {
    var P = {};
    if (!g.nodes.length) return P;
    var k = 60, parts = components(g);
    parts.forEach(function (c) { forceLayout(c, k); });
    pack(parts, W / H, k * 1.2);
    parts.forEach(function (c) {
      c.nodes.forEach(function (nd) { P[nd.i] = { x: c.P[nd.i].x - c.x0 + c.ox, y: c.P[nd.i].y - c.y0 + c.oy }; });
    });
    fit(g, P, W, H);
    separate(g, P, W, H);
    return P;
  }

  // components splits g into its connected parts, largest first.
  function components(g) {
    var parent = {};
    function find(i) { while (parent[i] !== i) { parent[i] = parent[parent[i]]; i = parent[i]; } return i; }
    g.nodes.forEach(function (nd) { parent[nd.i] = nd.i; });
    g.edges.forEach(function (e) { parent[find(e.a)] = find(e.b); });
    var parts = {}, list = [];
    g.nodes.forEach(function (nd) {
      var r = find(nd.i);
      if (!parts[r]) { parts[r] = { nodes: [], edges: [] }; list.push(parts[r]); }
      parts[r].nodes.push(nd);
    });
    g.edges.forEach(function (e) { parts[find(e.a)].edges.push(e); });
    return list.sort(function (x, y) { return y.nodes.length - x.nodes.length || x.nodes[0].rank - y.nodes[0].rank; });
  }

  // forceLayout lays out one connected part with ideal edge length k,
  // starting from the actors' previous places when they have them.
  function forceLayout(c, k) {
    var n = c.nodes.length, P = c.P = {}, span = k * Math.sqrt(n);
    var blocs = {};
    c.nodes.forEach(function (nd) { if (nd.bloc) blocs[nd.bloc] = true; });
    var blocList = Object.keys(blocs).map(Number).sort(function (a, b) { return a - b; }), anchor = {};
    blocList.forEach(function (b, j) {
      var a = 2 * Math.PI * j / Math.max(1, blocList.length);
      anchor[b] = { x: span * 0.4 * Math.cos(a), y: span * 0.4 * Math.sin(a) };
    });
    var known = c.nodes.filter(function (nd) { return pos[nd.i]; }).length > n / 2;
    c.nodes.forEach(function (nd) {
      var h1 = hash(nd.actor.id) - 0.5, h2 = hash(nd.actor.id + "#") - 0.5, p = pos[nd.i];
      if (known && p) P[nd.i] = { x: p.x, y: p.y };
      else if (nd.bloc) P[nd.i] = { x: anchor[nd.bloc].x + h1 * span * 0.3, y: anchor[nd.bloc].y + h2 * span * 0.3 };
      else P[nd.i] = { x: h1 * span, y: h2 * span };
    });
    if (known) {
      // Previous places are screen coordinates: bring them to scale.
      var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      c.nodes.forEach(function (nd) { var p = P[nd.i]; x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x); y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y); });
      var sc = span / Math.max(1, x1 - x0, y1 - y0);
      c.nodes.forEach(function (nd) { var p = P[nd.i]; p.x = (p.x - x0) * sc; p.y = (p.y - y0) * sc; });
    }
    if (n < 2) return;
    var maxS = 0;
    c.edges.forEach(function (e) { maxS = Math.max(maxS, Math.abs(e.s)); });
    var iters = n > 3 ? 300 : 80, t = span / 3;
    for (var it = 0; it < iters; it++) {
      var D = {}, cx = {}, cy = {}, cn = {}, gx = 0, gy = 0;
      c.nodes.forEach(function (nd) {
        var p = P[nd.i];
        D[nd.i] = { x: 0, y: 0 };
        gx += p.x / n; gy += p.y / n;
        if (nd.bloc) { cx[nd.bloc] = (cx[nd.bloc] || 0) + p.x; cy[nd.bloc] = (cy[nd.bloc] || 0) + p.y; cn[nd.bloc] = (cn[nd.bloc] || 0) + 1; }
      });
      for (var a = 0; a < n; a++) {
        var na = c.nodes[a], pa = P[na.i];
        for (var b = a + 1; b < n; b++) {
          var nb = c.nodes[b], pb = P[nb.i];
          var dx = pa.x - pb.x, dy = pa.y - pb.y, d2 = dx * dx + dy * dy;
          if (d2 < 0.01) { dx = hash(na.actor.id + nb.actor.id) - 0.5; dy = 0.3; d2 = dx * dx + dy * dy; }
          var d = Math.sqrt(d2), f = k * k / d;
          if (na.bloc && na.bloc === nb.bloc) f *= 0.5; else if (na.bloc && nb.bloc) f *= 3;
          D[na.i].x += dx / d * f; D[na.i].y += dy / d * f;
          D[nb.i].x -= dx / d * f; D[nb.i].y -= dy / d * f;
        }
      }
      c.edges.forEach(function (e) {
        var pa = P[e.a], pb = P[e.b], dx = pa.x - pb.x, dy = pa.y - pb.y;
        var d = Math.max(1, Math.sqrt(dx * dx + dy * dy)), w = Math.abs(e.s) / (maxS || 1), f;
        if (e.s > 0) f = -d * d / k * (0.4 + 0.8 * w);
        else f = d < 3 * k ? k * k / d * (0.3 + w) : 0;
        D[e.a].x += dx / d * f; D[e.a].y += dy / d * f;
        D[e.b].x -= dx / d * f; D[e.b].y -= dy / d * f;
      });
      c.nodes.forEach(function (nd) {
        var p = P[nd.i], dd = D[nd.i];
        if (nd.bloc && cn[nd.bloc] > 1) {
          dd.x += (cx[nd.bloc] / cn[nd.bloc] - p.x) * 0.5;
          dd.y += (cy[nd.bloc] / cn[nd.bloc] - p.y) * 0.5;
        }
        dd.x += (gx - p.x) * 0.05;
        dd.y += (gy - p.y) * 0.05;
        var len = Math.sqrt(dd.x * dd.x + dd.y * dd.y) || 1, step = Math.min(len, t);
        p.x += dd.x / len * step; p.y += dd.y / len * step;
      });
      t = Math.max(0.5, t * 0.985);
    }
  }

  // pack places the parts' boxes in rows (tallest first) to fill a
  // rectangle of the given aspect ratio; each part gets its offset ox, oy.
  function pack(parts, aspect, pad) {
    var area = 0;
    parts.forEach(function (c) {
      var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
      c.nodes.forEach(function (nd) { var p = c.P[nd.i]; x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x); y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y); });
      // Room for the labels beside the part's outermost actors.
      var label = 0;
      c.nodes.forEach(function (nd) { if (nd.rank < state.topLabels) label = Math.max(label, textWidth(nd.actor.name)); });
      c.x0 = x0 - label / 2; c.y0 = y0; c.w = x1 - x0 + label + pad; c.h = y1 - y0 + pad;
      area += c.w * c.h;
    });
    var width = Math.max(parts[0].w, Math.sqrt(area * aspect));
    var x = 0, y = 0, rowH = 0;
    parts.forEach(function (c) {
      if (x > 0 && x + c.w > width) { x = 0; y += rowH; rowH = 0; }
      c.ox = x; c.oy = y;
      x += c.w; rowH = Math.max(rowH, c.h);
    });
  }

  // margins keep room for labels at the drawing's edges.
  var MX = 18, MY = 16;

  // fit scales the layout to the drawing area, width and height apart:
  // the whole canvas is used.
  function fit(g, P, W, H) {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    g.nodes.forEach(function (nd) {
      var p = P[nd.i];
      x0 = Math.min(x0, p.x); x1 = Math.max(x1, p.x); y0 = Math.min(y0, p.y); y1 = Math.max(y1, p.y);
    });
    var lw = 0;
    g.nodes.forEach(function (nd) { lw = Math.max(lw, nd.r); });
    var left = MX + lw, right = W - MX - lw, top = MY + lw + 14, bottom = H - MY - lw - 14;
    g.nodes.forEach(function (nd) {
      var p = P[nd.i];
      p.x = x1 > x0 ? left + (p.x - x0) / (x1 - x0) * (right - left) : W / 2;
      p.y = y1 > y0 ? top + (p.y - y0) / (y1 - y0) * (bottom - top) : H / 2;
    });
  }

  // separate pushes apart nodes whose boxes (the circle and, for the
  // actors likely to be labelled, the label beside it) overlap.
  function separate(g, P, W, H) {
    var R = g.nodes.map(function (nd) {
      var lw = nd.rank < state.topLabels ? textWidth(nd.actor.name, nd.rank < 12) : 0;
      return { nd: nd, hw: Math.max(nd.r + 2, lw / 2), hh: nd.r + (lw ? 9 : 2) };
    });
    for (var it = 0; it < 60; it++) {
      var moved = false;
      for (var a = 0; a < R.length; a++) {
        for (var b = a + 1; b < R.length; b++) {
          var A = R[a], B = R[b], pa = P[A.nd.i], pb = P[B.nd.i];
          var ox = A.hw + B.hw - Math.abs(pa.x - pb.x), oy = A.hh + B.hh - Math.abs(pa.y - pb.y);
          if (ox <= 0 || oy <= 0) continue;
          moved = true;
          if (ox / W < oy / H) {
            var sx = (pa.x < pb.x ? -1 : 1) * ox / 2 * 0.6;
            pa.x += sx; pb.x -= sx;
          } else {
            var sy = (pa.y < pb.y ? -1 : 1) * oy / 2 * 0.6;
            pa.y += sy; pb.y -= sy;
          }
        }
      }
      R.forEach(function (r) {
        var p = P[r.nd.i];
        p.x = Math.min(W - MX - r.nd.r, Math.max(MX + r.nd.r, p.x));
        p.y = Math.min(H - MY - r.nd.r, Math.max(MY + r.nd.r, p.y));
      });
      if (!moved) break;
    }
  }

  // placeLabels gives labels to the nodes in rank order (most alignments
  // first, up to topLabels), each at the first of eight spots around its
  // node that overlaps no label, no node and stays inside the drawing;
  // an actor with no free spot goes unlabelled (its name shows on hover).
  function placeLabels(g, P, W, H) {
    var boxes = [], out = {};
    var nodeBoxes = g.nodes.map(function (nd) {
      var p = P[nd.i];
      return { x: p.x - nd.r, y: p.y - nd.r, w: 2 * nd.r, h: 2 * nd.r, i: nd.i };
    });
    function hits(r, self) {
      if (r.x < 2 || r.y < 2 || r.x + r.w > W - 2 || r.y + r.h > H - 2) return true;
      for (var k = 0; k < boxes.length; k++) {
        var q = boxes[k];
        if (r.x < q.x + q.w + 1 && q.x < r.x + r.w + 1 && r.y < q.y + q.h && q.y < r.y + r.h) return true;
      }
      for (var m = 0; m < nodeBoxes.length; m++) {
        var nb = nodeBoxes[m];
        if (nb.i !== self && r.x < nb.x + nb.w && nb.x < r.x + r.w && r.y < nb.y + nb.h && nb.y < r.y + r.h) return true;
      }
      return false;
    }
    g.nodes.forEach(function (nd) {
      if (nd.rank >= state.topLabels) return;
      var p = P[nd.i], top = nd.rank < 12, w = textWidth(nd.actor.name, top), h = 14, r = nd.r + 2;
      // Eight spots touching the node, then eight a little further out.
      var spots = [];
      [r, r + 7].forEach(function (d) {
        spots.push([p.x + d, p.y - h / 2], [p.x - d - w, p.y - h / 2], [p.x - w / 2, p.y - d - h], [p.x - w / 2, p.y + d],
          [p.x + d * 0.7, p.y - d * 0.7 - h], [p.x + d * 0.7, p.y + d * 0.7], [p.x - d * 0.7 - w, p.y - d * 0.7 - h], [p.x - d * 0.7 - w, p.y + d * 0.7]);
      });
      for (var s = 0; s < spots.length; s++) {
        var box = { x: spots[s][0], y: spots[s][1], w: w, h: h };
        if (!hits(box, nd.i)) {
          boxes.push(box);
          out[nd.i] = { dx: box.x - p.x, dy: box.y - p.y, w: w, h: h, top: top };
          return;
        }
      }
    });
    return out;
  }

  // convex hull (monotone chain) of points.
  function hull(points) {
    points = points.slice().sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    if (points.length < 3) return points;
    function cross(o, a, b) { return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]); }
    var lower = [], upper = [];
    points.forEach(function (p) {
      while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], p) <= 0) lower.pop();
      lower.push(p);
    });
    for (var k = points.length - 1; k >= 0; k--) {
      var p = points[k];
      while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p) <= 0) upper.pop();
      upper.push(p);
    }
    upper.pop(); lower.pop();
    return lower.concat(upper);
  }

  function hullPath(members, P) {
    var pts = [];
    members.forEach(function (nd) {
      var p = P[nd.i], r = nd.r + 9;
      for (var k = 0; k < 12; k++) pts.push([p.x + r * Math.cos(k * Math.PI / 6), p.y + r * Math.sin(k * Math.PI / 6)]);
    });
    var h = hull(pts);
    return "M" + h.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join("L") + "Z";
  }

  function node(tag, attrs, parent) {
    var e = document.createElementNS(SVGNS, tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (parent) parent.appendChild(e);
    return e;
  }

  // --- drawing ----------------------------------------------------------
  var layers = {};
  function clearSvg() {
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    node("rect", { x: 0, y: 0, width: "100%", height: "100%", fill: "#fbfbfa", "class": "bg" }, svg);
    ["hulls", "edges", "nodes", "labels"].forEach(function (n) { layers[n] = node("g", { "class": n }, svg); });
  }

  function edgeWidth(e, maxS) { return 1.2 + 6 * Math.abs(e.s) / (maxS || 1); }

  // draw builds the picture of graph g at positions P (from positions
  // `from` when animating).
  function draw(g, P, labels, from, moved) {
    clearSvg();
    var maxS = 0;
    g.edges.forEach(function (e) { maxS = Math.max(maxS, Math.abs(e.s)); });
    var byBloc = {};
    g.nodes.forEach(function (nd) { if (nd.bloc) (byBloc[nd.bloc] = byBloc[nd.bloc] || []).push(nd); });
    var hullEls = {};
    Object.keys(byBloc).forEach(function (b) {
      if (byBloc[b].length < 2) return;
      var c = blocColour(+b);
      hullEls[b] = node("path", { "class": "hull", "data-bloc": b, fill: c, "fill-opacity": 0.12, stroke: c, "stroke-opacity": 0.55,
        "stroke-width": 1.5, "stroke-linejoin": "round" }, layers.hulls);
    });
    var edgeEls = g.edges.map(function (e, k) {
      var grp = node("g", { "class": "edge", "data-edge": k }, layers.edges);
      var line = node("line", { stroke: e.s > 0 ? ALLY : RIVAL, "stroke-width": edgeWidth(e, maxS).toFixed(2), "stroke-opacity": 0.75,
        "stroke-linecap": "round", "class": e.s > 0 ? "ally" : "rival" }, grp);
      var hit = node("line", { stroke: "transparent", "stroke-width": Math.max(9, edgeWidth(e, maxS) + 6) }, grp);
      var title = node("title", {}, grp);
      title.textContent = data.actors[e.a].name + (e.s > 0 ? " allied with " : " opposed to ") + data.actors[e.b].name +
        ": score " + e.s.toFixed(1) + ", " + e.n + " events";
      grp.addEventListener("click", function () { showEdge(g.w, e); });
      return [line, hit];
    });
    var movedSet = {};
    (moved || []).forEach(function (m) { movedSet[m.i] = true; });
    var nodeEls = g.nodes.map(function (nd) {
      var grp = node("g", { "class": "node", "data-actor": nd.actor.id }, layers.nodes);
      var c = node("circle", { r: nd.r.toFixed(1), fill: blocColour(nd.bloc), stroke: movedSet[nd.i] ? "#111" : "#fff",
        "stroke-width": movedSet[nd.i] ? 3 : 1.5 }, grp);
      var title = node("title", {}, grp);
      title.textContent = nd.actor.name + " (" + nd.actor.type.toLowerCase() + ")" + (nd.bloc ? ", bloc " + nd.bloc : ", no bloc") +
        ": " + nd.deg + " alignment" + (nd.deg === 1 ? "" : "s");
      grp.addEventListener("click", function () { showActor(g.w, nd); });
      // Hovering an actor brings out its own alignments in the tangle.
      grp.addEventListener("mouseenter", function () { focus(nd.i); });
      grp.addEventListener("mouseleave", function () { focus(-1); });
      return c;
    });
    var labelEls = g.nodes.map(function (nd) {
      var l = labels[nd.i];
      if (!l) return null;
      var t = node("text", { "class": "label" + (l.top ? " top" : ""), "data-actor": nd.actor.id, "dominant-baseline": "central" }, layers.labels);
      t.textContent = nd.actor.name;
      return t;
    });

    function focus(i) {
      g.edges.forEach(function (e, k) {
        edgeEls[k][0].setAttribute("stroke-opacity", i < 0 || e.a === i || e.b === i ? 0.75 : 0.08);
      });
    }
    function place(P) {
      Object.keys(hullEls).forEach(function (b) { hullEls[b].setAttribute("d", hullPath(byBloc[b], P)); });
      g.edges.forEach(function (e, k) {
        edgeEls[k].forEach(function (l) {
          l.setAttribute("x1", P[e.a].x.toFixed(1)); l.setAttribute("y1", P[e.a].y.toFixed(1));
          l.setAttribute("x2", P[e.b].x.toFixed(1)); l.setAttribute("y2", P[e.b].y.toFixed(1));
        });
      });
      g.nodes.forEach(function (nd, k) {
        nodeEls[k].setAttribute("cx", P[nd.i].x.toFixed(1)); nodeEls[k].setAttribute("cy", P[nd.i].y.toFixed(1));
        var l = labels[nd.i];
        if (labelEls[k]) {
          labelEls[k].setAttribute("x", (P[nd.i].x + l.dx + 1).toFixed(1));
          labelEls[k].setAttribute("y", (P[nd.i].y + l.dy + l.h / 2).toFixed(1));
        }
      });
    }
    if (!from) { place(P); return Promise.resolve(); }
    return new Promise(function (resolve) {
      var t0 = performance.now(), dur = 900;
      function frame(now) {
        var t = Math.min(1, (now - t0) / dur), e = t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2, Q = {};
        g.nodes.forEach(function (nd) {
          var a = from[nd.i] || P[nd.i], b = P[nd.i];
          Q[nd.i] = { x: a.x + (b.x - a.x) * e, y: a.y + (b.y - a.y) * e };
        });
        place(Q);
        if (t < 1) requestAnimationFrame(frame); else resolve();
      }
      requestAnimationFrame(frame);
    });
  }

  // --- the side panel -----------------------------------------------------
  function inWindow(w, d) {
    if (!w.since && !w.until) return true;
    if (!d) return false;
    return (!w.since || d >= w.since) && (!w.until || d <= w.until);
  }

  function showEdge(w, e) {
    var el = page.el, panel = page.panel;
    page.clearPanel();
    var A = data.actors[e.a], B = data.actors[e.b];
    panel.appendChild(el("h2", {}, A.name + " – " + B.name));
    var meta = el("p", { "class": "meta" });
    meta.appendChild(page.badge(e.s > 0 ? "allied" : "opposed", e.s > 0 ? ALLY : RIVAL));
    meta.appendChild(document.createTextNode(" window " + w.name + ": score " + e.s.toFixed(2) + " (net cooperation, decayed with a " +
      Math.round(AL.halfLifeDays) + "-day half-life) from " + e.n + " event" + (e.n === 1 ? "" : "s") + ": " + e.c + " cooperation, " +
      e.k + " conflict" + (e.t.length ? "; mostly " + e.t.join(", ") : "")));
    panel.appendChild(meta);
    var events = [];
    data.events.forEach(function (ev, i) {
      if (((ev.s === e.a && ev.t === e.b) || (ev.s === e.b && ev.t === e.a)) && inWindow(w, ev.d)) events.push(i);
    });
    var ol = el("ol", { id: "evidence" });
    events.sort(page.byDate).forEach(function (i) { ol.appendChild(page.eventItem(i)); });
    panel.appendChild(ol);
    api.selected = { a: A.id, b: B.id, score: e.s, events: events.length };
  }

  function showActor(w, nd) {
    var el = page.el, panel = page.panel;
    page.clearPanel();
    panel.appendChild(el("h2", {}, nd.actor.name));
    var meta = el("p", { "class": "meta" });
    if (nd.bloc) meta.appendChild(page.badge("bloc " + nd.bloc, blocColour(nd.bloc)));
    meta.appendChild(document.createTextNode(" " + nd.actor.type.toLowerCase() + " · window " + w.name));
    panel.appendChild(meta);
    if (nd.bloc) {
      var mates = [];
      w.blocs.forEach(function (b) {
        if (b.colour === nd.bloc) b.members.forEach(function (m) { if (m !== nd.i) mates.push(data.actors[m].name); });
      });
      panel.appendChild(el("p", { "class": "meta" }, "In its bloc: " + mates.join(", ")));
    }
    var rows = w.edges.filter(function (e) { return e.a === nd.i || e.b === nd.i; })
      .sort(function (x, y) { return y.s - x.s; });
    panel.appendChild(el("h3", {}, "Allies and rivals (" + rows.length + ")"));
    var table = el("table", { "class": "sides" });
    rows.forEach(function (e) {
      var tr = el("tr", { "class": "partner", title: "show the events" });
      tr.appendChild(el("td", {}, data.actors[e.a === nd.i ? e.b : e.a].name));
      tr.appendChild(el("td", { style: "color:" + (e.s > 0 ? ALLY : RIVAL) }, e.s.toFixed(1)));
      tr.appendChild(el("td", {}, e.n + " ev."));
      tr.addEventListener("click", function () { showEdge(w, e); });
      table.appendChild(tr);
    });
    panel.appendChild(table);
  }

  // --- state and controls -----------------------------------------------
  function status(g, labels, moved) {
    var allies = g.edges.filter(function (e) { return e.s > 0; }).length;
    var blocs = {};
    g.nodes.forEach(function (nd) { if (nd.bloc) blocs[nd.bloc] = (blocs[nd.bloc] || 0) + 1; });
    var nb = Object.keys(blocs).filter(function (b) { return blocs[b] > 1; }).length;
    var text = "Window " + g.w.name + ": " + g.nodes.length + " actors, " + allies + " alliances, " + (g.edges.length - allies) +
      " rivalries" + (state.threshold ? " (|score| ≥ " + state.threshold + ")" : "") + "; " + nb + " blocs, contradicting " +
      (100 * g.w.frustration).toFixed(1) + "% of the alignment; " + Object.keys(labels).length + " labelled";
    if (moved && moved.length) {
      text += ". Changed bloc: " + moved.map(function (m) { return data.actors[m.i].name; }).join(", ");
    }
    $("status").textContent = text;
    $("status").title = text;
  }

  function legend(g) {
    var lg = $("legend");
    while (lg.firstChild) lg.removeChild(lg.firstChild);
    function item(colour, text, line) {
      var s = page.el("span");
      s.appendChild(page.el("span", { "class": "swatch" + (line ? " line" : ""), style: "background:" + colour }));
      s.appendChild(document.createTextNode(text));
      lg.appendChild(s);
    }
    item(ALLY, "allied", true);
    item(RIVAL, "opposed (width: |score|)", true);
    var seen = {};
    g.w.blocs.forEach(function (b) {
      var shown = b.members.filter(function (m) { return g.nodes.some(function (nd) { return nd.i === m; }); });
      if (shown.length < 2 || seen[b.colour] || Object.keys(seen).length >= 8) return;
      seen[b.colour] = true;
      item(blocColour(b.colour), shown.slice(0, 2).map(function (m) { return data.actors[m].name; }).join(", ") + (shown.length > 2 ? " …" : ""));
    });
  }

  var busy = Promise.resolve();
  function render(animate) {
    var wi = state.win, g = graphOf(wi);
    legend(g); // first: the legend's height changes the drawing's
    var W = box.clientWidth, H = box.clientHeight;
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    svg.setAttribute("width", W); svg.setAttribute("height", H);
    svg.style.width = W + "px"; svg.style.height = H + "px";
    var P = layout(g, W, H), labels = placeLabels(g, P, W, H);
    var moved = [];
    if (state.prevWin >= 0 && state.prevWin !== wi) {
      var before = AL.windows[state.prevWin];
      g.nodes.forEach(function (nd) {
        var was = before.bloc[nd.i] || 0;
        if (was && nd.bloc && was !== nd.bloc) moved.push({ i: nd.i, from: was, to: nd.bloc });
      });
    }
    var from = null;
    if (animate) {
      from = {};
      Object.keys(pos).forEach(function (i) { from[i] = pos[i]; });
    }
    Object.keys(P).forEach(function (i) { pos[i] = { x: P[i].x, y: P[i].y }; });
    api.ready = false;
    drawn = { g: g, P: P, labels: labels, W: W, H: H };
    api.moved = moved.map(function (m) { return data.actors[m.i].id; });
    api.window = g.w.name;
    status(g, labels, moved);
    state.prevWin = wi;
    return draw(g, P, labels, from, moved).then(function () { api.ready = true; });
  }

  function setKind(kind) {
    var list = windowsOf(kind);
    if (!list.length) { kind = "all"; list = windowsOf("all"); $("granularity").value = "all"; }
    state.kind = kind;
    var slider = $("window-slider");
    slider.max = String(Math.max(0, list.length - 1));
    slider.value = "0";
    slider.disabled = list.length < 2;
    $("play").disabled = list.length < 2;
    setWindow(list[0], true);
  }

  function setWindow(wi, animate) {
    state.win = wi;
    $("window-name").textContent = AL.windows[wi].name;
    busy = busy.then(function () { return render(animate); });
    return busy;
  }

  var playing = null;
  function play() {
    if (playing) { clearInterval(playing); playing = null; $("play").textContent = "▶ Play"; return; }
    var list = windowsOf(state.kind), slider = $("window-slider");
    $("play").textContent = "❚❚ Pause";
    playing = setInterval(function () {
      var k = (+slider.value + 1) % list.length;
      slider.value = String(k);
      setWindow(list[k], true);
    }, 2200);
  }

  // --- export ---------------------------------------------------------------
  // svgString returns the picture as a standalone SVG document, styles
  // inlined, with a legend row below the drawing.
  function svgString() {
    var copy = svg.cloneNode(true), W = drawn ? drawn.W : box.clientWidth, H = drawn ? drawn.H : box.clientHeight;
    copy.setAttribute("xmlns", SVGNS);
    copy.removeAttribute("style");
    copy.setAttribute("font-family", "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif");
    copy.querySelectorAll("text.label").forEach(function (t) {
      t.setAttribute("font-size", "12"); t.setAttribute("fill", "#1d1f21"); t.setAttribute("stroke", "#fbfbfa");
      t.setAttribute("stroke-width", "3"); t.setAttribute("paint-order", "stroke"); t.setAttribute("stroke-linejoin", "round");
      if (/\btop\b/.test(t.getAttribute("class"))) t.setAttribute("font-weight", "600");
    });
    // The legend, in rows below the drawing.
    var lg = document.createElementNS(SVGNS, "g"), x = 0, row = 0;
    lg.setAttribute("class", "legend");
    lg.setAttribute("transform", "translate(8," + (H + 16) + ")");
    function item(colour, text, line) {
      var w = 24 + textWidth(text) * 0.95;
      if (x > 0 && x + w > W - 16) { x = 0; row++; }
      var y = row * 18;
      node(line ? "rect" : "circle", line ? { x: x, y: y - 5, width: 16, height: 4, fill: colour } : { cx: x + 6, cy: y - 3, r: 6, fill: colour }, lg);
      var t = node("text", { x: x + 20, y: y, "font-size": 11, fill: "#444" }, lg);
      t.textContent = text;
      x += w;
    }
    item("#fbfbfa", "geokg alignment, window " + (drawn ? drawn.g.w.name : "") + ":");
    item(ALLY, "allied", true);
    item(RIVAL, "opposed (width: |score|)", true);
    document.querySelectorAll("#legend > span").forEach(function (s, k) {
      if (k >= 2) item(s.firstChild.style.background, s.textContent);
    });
    copy.appendChild(lg);
    var full = H + 26 + row * 18;
    copy.setAttribute("width", W); copy.setAttribute("height", full);
    copy.setAttribute("viewBox", "0 0 " + W + " " + full);
    var bg = copy.querySelector("rect.bg");
    if (bg) { bg.setAttribute("width", W); bg.setAttribute("height", full); }
    return new XMLSerializer().serializeToString(copy);
  }

  function pngDataURL(scale) {
    scale = scale || 2;
    var s = svgString(), img = new Image();
    return new Promise(function (resolve, reject) {
      img.onload = function () {
        var c = document.createElement("canvas");
        c.width = img.width * scale; c.height = img.height * scale;
        var ctx = c.getContext("2d");
        ctx.scale(scale, scale);
        ctx.drawImage(img, 0, 0);
        resolve(c.toDataURL("image/png"));
      };
      img.onerror = function () { reject(new Error("the SVG did not render")); };
      img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(s);
    });
  }

  function download(name, url) {
    var a = document.createElement("a");
    a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
  }
  function fileName(ext) { return "geokg-alignment-" + (drawn ? drawn.g.w.name.replace(/[^\w-]+/g, "_") : "all") + "." + ext; }

  // --- test hooks -------------------------------------------------------------
  api.svg = svgString;
  api.png = pngDataURL;
  api.setWindow = function (name) {
    for (var k = 0; k < AL.windows.length; k++) {
      if (AL.windows[k].name === name) {
        $("granularity").value = AL.windows[k].kind;
        var list = windowsOf(AL.windows[k].kind);
        $("window-slider").max = String(Math.max(0, list.length - 1));
        $("window-slider").value = String(list.indexOf(k));
        setWindow(k, true);
        return true;
      }
    }
    return false;
  };
  api.setThreshold = function (v) { $("threshold").value = String(v); $("threshold").dispatchEvent(new Event("input")); };
  // nodes returns the drawn actors with their centre and radius in page
  // coordinates and their label's box as drawn (null when unlabelled).
  // screen converts drawing coordinates to page coordinates.
  function screen(x, y) {
    var p = svg.createSVGPoint();
    p.x = x; p.y = y;
    return p.matrixTransform(svg.getScreenCTM());
  }
  api.nodes = function () {
    return Array.from(svg.querySelectorAll("g.node")).map(function (g) {
      var c = g.querySelector("circle"), id = g.getAttribute("data-actor");
      var t = svg.querySelector('text.label[data-actor="' + CSS.escape(id) + '"]'), lb = null;
      if (t) { var b = t.getBoundingClientRect(); lb = { x: b.left, y: b.top, w: b.width, h: b.height }; }
      var p = screen(+c.getAttribute("cx"), +c.getAttribute("cy"));
      return { id: id, x: p.x, y: p.y, r: +c.getAttribute("r"), label: lb };
    });
  };
  api.area = function () { var r = svg.getBoundingClientRect(); return { x: r.left, y: r.top, w: r.width, h: r.height }; };
  api.edgePoint = function (k) {
    var l = svg.querySelectorAll("g.edge")[k];
    if (!l) return null;
    // The first point along the edge where nothing else (a node, a
    // crossing edge) lies on top of it.
    var line = l.querySelector("line");
    var x1 = +line.getAttribute("x1"), y1 = +line.getAttribute("y1"), x2 = +line.getAttribute("x2"), y2 = +line.getAttribute("y2");
    var ts = [0.5, 0.4, 0.6, 0.3, 0.7, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75, 0.2, 0.8];
    for (var j = 0; j < ts.length; j++) {
      var p = screen(x1 + (x2 - x1) * ts[j], y1 + (y2 - y1) * ts[j]), top = document.elementFromPoint(p.x, p.y);
      if (top && top.closest("g.edge") === l) return { x: p.x, y: p.y };
    }
    return screen((x1 + x2) / 2, (y1 + y2) / 2);
  };

  // --- wiring -----------------------------------------------------------------
  var started = false;
  page.onMode("alignment", function () {
    if (started) return;
    started = true;
    var th = $("threshold"), maxS = 0;
    AL.windows.forEach(function (w) { w.edges.forEach(function (e) { maxS = Math.max(maxS, Math.abs(e.s)); }); });
    th.max = String(Math.max(1, Math.ceil(maxS / 2)));
    // Past 120 actors, start by hiding the weakest alignments.
    var all = AL.windows[0] ? AL.windows[0].edges.map(function (e) { return Math.abs(e.s); }).sort(function (a, b) { return a - b; }) : [];
    if (all.length > 150) state.threshold = Math.floor(all[all.length - 150] * 2) / 2;
    th.value = String(state.threshold);
    $("threshold-value").textContent = String(state.threshold);
    $("granularity").querySelectorAll("option").forEach(function (o) { o.disabled = !windowsOf(o.value).length; });
    $("granularity").addEventListener("change", function () { setKind(this.value); });
    $("window-slider").addEventListener("input", function () { setWindow(windowsOf(state.kind)[+this.value], true); });
    th.addEventListener("input", function () {
      state.threshold = +this.value;
      $("threshold-value").textContent = this.value;
      setWindow(state.win, true);
    });
    $("top-labels").addEventListener("change", function () {
      state.topLabels = Math.max(0, parseInt(this.value, 10) || 0);
      setWindow(state.win, false);
    });
    $("play").addEventListener("click", play);
    $("export-svg").addEventListener("click", function () {
      download(fileName("svg"), URL.createObjectURL(new Blob([svgString()], { type: "image/svg+xml" })));
    });
    $("export-png").addEventListener("click", function () {
      pngDataURL(2).then(function (url) { download(fileName("png"), url); });
    });
    var resizeTimer = null;
    window.addEventListener("resize", function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () { if (document.body.className === "mode-alignment") setWindow(state.win, false); }, 200);
    });
    if (!AL.windows.length) { $("status").textContent = "No alignment: the graph has no events."; api.ready = true; return; }
    setKind("all");
  });
  page.start();
})();

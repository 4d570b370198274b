/* Force-directed network around one entity, drawn in SVG with no library.
 *
 * Input JSON (embedded as <script type="application/json" id="network-data">):
 *   {"center": "bmw-group",
 *    "nodes": [{"id": "bmw-group", "name": "BMW Group", "kind": "company", "in_kb": true}],
 *    "edges": [{"source": "rimac", "target": "bmw-group", "type": "supply",
 *               "label": "supplies battery packs", "fact_id": "...", "summary": "..."}]}
 * One <g class="node"> per node (click: go to the entity), one <path class="edge edge-TYPE"> per edge
 * (hover: the fact; click: go to it).
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var EDGE_TYPES = ["partnership", "supply", "ownership", "investment", "other"];

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function edgeType(type) {
    return EDGE_TYPES.indexOf(type) >= 0 ? type : "other";
  }

  // A deterministic layout: same data, same picture (screenshots and tests stay stable).
  function layout(nodes, edges, width, height, centerId) {
    var n = nodes.length;
    var index = {};
    nodes.forEach(function (node, i) { index[node.id] = i; });
    var cx = width / 2, cy = height / 2;
    var area = width * height;
    var k = Math.sqrt(area / Math.max(n, 1)) * 0.75;
    var pos = nodes.map(function (node, i) {
      if (node.id === centerId) return { x: cx, y: cy };
      var angle = (2 * Math.PI * i) / n;
      var r = Math.min(width, height) * 0.33;
      return { x: cx + r * Math.cos(angle), y: cy + r * Math.sin(angle) };
    });
    var links = edges
      .filter(function (e) { return e.source in index && e.target in index; })
      .map(function (e) { return [index[e.source], index[e.target]]; });
    var temperature = Math.min(width, height) / 8;
    var iterations = n > 150 ? 120 : 300;
    for (var it = 0; it < iterations; it++) {
      var disp = pos.map(function () { return { x: 0, y: 0 }; });
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
          var d2 = dx * dx + dy * dy;
          if (d2 < 0.01) { dx = (i - j) * 0.1; dy = 0.1; d2 = dx * dx + dy * dy; }
          var d = Math.sqrt(d2);
          var f = (k * k) / d;
          disp[i].x += (dx / d) * f; disp[i].y += (dy / d) * f;
          disp[j].x -= (dx / d) * f; disp[j].y -= (dy / d) * f;
        }
      }
      links.forEach(function (l) {
        var a = l[0], b = l[1];
        if (a === b) return;
        var dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
        var d = Math.max(Math.sqrt(dx * dx + dy * dy), 0.01);
        var f = (d * d) / k;
        disp[a].x -= (dx / d) * f; disp[a].y -= (dy / d) * f;
        disp[b].x += (dx / d) * f; disp[b].y += (dy / d) * f;
      });
      for (var m = 0; m < n; m++) {
        if (nodes[m].id === centerId) continue;
        // A weak pull to the middle keeps unconnected nodes on the canvas.
        disp[m].x += (cx - pos[m].x) * 0.05 * k / 10;
        disp[m].y += (cy - pos[m].y) * 0.05 * k / 10;
        var len = Math.sqrt(disp[m].x * disp[m].x + disp[m].y * disp[m].y) || 1;
        var step = Math.min(len, temperature);
        pos[m].x += (disp[m].x / len) * step;
        pos[m].y += (disp[m].y / len) * step;
        // Keep the whole label on the canvas, not just the dot.
        var half = Math.min(width / 2 - 4, String(nodes[m].name || "").length * 3.6 + 8);
        pos[m].x = Math.min(width - half, Math.max(half, pos[m].x));
        pos[m].y = Math.min(height - 24, Math.max(24, pos[m].y));
      }
      temperature *= 0.985;
    }
    return pos;
  }

  function NetworkView(root, data) {
    this.root = root;
    this.data = data;
    this.draw();
    var self = this;
    var pending = null;
    var lastWidth = root.clientWidth;
    window.addEventListener("resize", function () {
      if (root.clientWidth === lastWidth) return;
      lastWidth = root.clientWidth;
      clearTimeout(pending);
      pending = setTimeout(function () { self.draw(); }, 150);
    });
  }

  NetworkView.prototype.draw = function () {
    var data = this.data;
    var nodes = data.nodes || [];
    var edges = data.edges || [];
    var root = this.root;
    root.textContent = "";
    if (!nodes.length) {
      var empty = document.createElement("p");
      empty.className = "muted";
      empty.textContent = "No connections recorded.";
      root.appendChild(empty);
      root.setAttribute("data-nodes", "0");
      root.setAttribute("data-edges", "0");
      return;
    }
    var width = Math.max(300, Math.min(root.clientWidth || 640, 1100));
    var height = width < 500 ? Math.round(width * 1.05) : Math.round(Math.min(520, width * 0.62));
    var pos = layout(nodes, edges, width, height, data.center);
    var index = {};
    nodes.forEach(function (node, i) { index[node.id] = i; });

    var svg = el("svg", {
      viewBox: "0 0 " + width + " " + height, width: "100%", class: "network",
      role: "img", "aria-label": "Network of partnerships, supply, ownership and investment",
    }, root);
    var tip = document.createElement("div");
    tip.className = "net-tip";
    tip.hidden = true;
    root.appendChild(tip);

    function showTip(evt, text) {
      tip.textContent = text;
      tip.hidden = false;
      var box = root.getBoundingClientRect();
      var x = Math.min(evt.clientX - box.left + 12, box.width - 220);
      tip.style.left = Math.max(0, x) + "px";
      tip.style.top = (evt.clientY - box.top + 12) + "px";
    }
    function hideTip() { tip.hidden = true; }

    var edgeLayer = el("g", { class: "edges" }, svg);
    var pairCount = {};
    var drawnEdges = 0;
    edges.forEach(function (e) {
      if (!(e.source in index) || !(e.target in index)) return;
      var a = pos[index[e.source]], b = pos[index[e.target]];
      var pair = [e.source, e.target].sort().join("\u0000");
      var nth = pairCount[pair] = (pairCount[pair] || 0) + 1;
      // Parallel edges between one pair bend apart so each stays hoverable.
      var bend = nth === 1 ? 0 : (nth % 2 ? 1 : -1) * Math.ceil((nth - 1) / 2) * 22;
      var mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
      var dx = b.x - a.x, dy = b.y - a.y;
      var len = Math.sqrt(dx * dx + dy * dy) || 1;
      var qx = mx - (dy / len) * bend, qy = my + (dx / len) * bend;
      var d = "M" + a.x + "," + a.y + " Q" + qx + "," + qy + " " + b.x + "," + b.y;
      var type = edgeType(e.type);
      var text = (e.type || "link") + ": " + (e.summary || e.label || "");
      var link = el("a", { href: e.fact_id ? "/fact/" + encodeURIComponent(e.fact_id) : "#" }, edgeLayer);
      el("path", { d: d, class: "edge edge-" + type, "data-fact": e.fact_id || "" }, link);
      var hit = el("path", { d: d, class: "edge-hit" }, link);
      el("title", {}, hit).textContent = text;
      hit.addEventListener("mousemove", function (evt) { showTip(evt, text); });
      hit.addEventListener("mouseleave", hideTip);
      drawnEdges++;
    });

    var nodeLayer = el("g", { class: "nodes" }, svg);
    nodes.forEach(function (node, i) {
      var p = pos[i];
      var isCenter = node.id === data.center;
      var g = el("g", {
        class: "node" + (isCenter ? " center" : "") + (node.in_kb === false ? " discovered" : ""),
        transform: "translate(" + p.x + "," + p.y + ")",
        tabindex: "0", role: "link", "data-id": node.id,
      }, nodeLayer);
      el("circle", { r: isCenter ? 11 : 8 }, g);
      var label = el("text", { y: -14, "text-anchor": "middle" }, g);
      label.textContent = node.name;
      el("title", {}, g).textContent = node.name + (node.kind ? " (" + node.kind + ")" : "");
      var go = function () {
        if (!isCenter) window.location.href = "/entity/" + encodeURIComponent(node.id);
      };
      g.addEventListener("click", go);
      g.addEventListener("keydown", function (evt) { if (evt.key === "Enter") go(); });
    });
    root.setAttribute("data-nodes", String(nodes.length));
    root.setAttribute("data-edges", String(drawnEdges));
  };

  function boot() {
    var source = document.getElementById("network-data");
    var root = document.getElementById("network");
    if (!source || !root) return;
    window.evintelNetwork = new NetworkView(root, JSON.parse(source.textContent));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();

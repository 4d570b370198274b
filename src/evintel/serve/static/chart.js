/* Sales timeline: bars (or lines) by period, one series per powertrain, for the group or one of its brands.
 *
 * Input JSON (embedded in the page as <script type="application/json" id="sales-data">):
 *   {"entity": "BMW Group",
 *    "points": [{"org": "BMW Group", "level": "group"|"brand", "period": "2024-Q1", "powertrain": "BEV",
 *                "quantity": 82700, "metric": "sales", "market": null, "fact_id": "..."}]}
 * Each drawn bar is an <a href="/fact/ID"><rect class="bar" ...></a>, one per point of the selection.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var POWERTRAIN_ORDER = ["BEV", "PHEV", "HEV", "FCEV", "xEV", "all"];

  function el(name, attrs, parent) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  // "2024-Q1" -> "quarter"; the chart shows one granularity at a time so bars stay comparable.
  function granularity(period) {
    if (/^\d{4}$/.test(period)) return "year";
    if (/^\d{4}-H[12]$/.test(period)) return "half";
    if (/^\d{4}-Q[1-4]$/.test(period)) return "quarter";
    if (/^\d{4}-\d{2}$/.test(period)) return "month";
    if (/^\d{4}-\d{2}\/\d{4}-\d{2}$/.test(period)) return "range";
    return "other";
  }

  function periodSortKey(period) {
    var m = /^(\d{4})(?:-(Q|H)?(\d{1,2}))?/.exec(period || "");
    if (!m) return "9999" + (period || "");
    var sub = m[3] ? ("0" + m[3]).slice(-2) : "00";
    return m[1] + (m[2] || "M") + sub + period;
  }

  function seriesName(p) {
    var name = p.powertrain || "all";
    if (p.market) name += " · " + p.market;
    if (p.metric && p.metric !== "sales") name += " · " + p.metric;
    return name;
  }

  function powertrainClass(powertrain) {
    var i = POWERTRAIN_ORDER.indexOf(powertrain);
    return "pt-" + (i < 0 ? "other" : POWERTRAIN_ORDER[i].toLowerCase());
  }

  function formatNumber(n) {
    return Number(n).toLocaleString("en-US");
  }

  function shortNumber(n) {
    if (n >= 1e6) return (n / 1e6).toFixed(n >= 1e7 ? 0 : 1) + "M";
    if (n >= 1e3) return (n / 1e3).toFixed(n >= 1e4 ? 0 : 1) + "k";
    return String(Math.round(n));
  }

  function niceMax(value) {
    if (value <= 0) return 1;
    var exp = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * exp >= value) return steps[i] * exp;
    }
    return 10 * exp;
  }

  function option(select, value, label, selected) {
    var o = document.createElement("option");
    o.value = value;
    o.textContent = label;
    if (selected) o.selected = true;
    select.appendChild(o);
  }

  function SalesChart(root, data) {
    this.root = root;
    this.data = data;
    this.points = (data.points || []).filter(function (p) { return p.quantity != null && p.period; });
    this.mode = "bar";
    this.build();
  }

  SalesChart.prototype.build = function () {
    var self = this;
    this.root.textContent = "";
    if (!this.points.length) {
      var empty = document.createElement("p");
      empty.className = "muted";
      empty.textContent = "No sales figures for this entity yet.";
      this.root.appendChild(empty);
      this.root.setAttribute("data-bars", "0");
      return;
    }
    var controls = document.createElement("div");
    controls.className = "chart-controls";

    this.orgSelect = document.createElement("select");
    this.orgSelect.setAttribute("aria-label", "Scope");
    var orgs = [];
    this.points.forEach(function (p) {
      if (orgs.indexOf(p.org) < 0) orgs.push(p.org);
    });
    var entity = this.data.entity;
    orgs.sort(function (a, b) { return (a === entity ? -1 : b === entity ? 1 : a.localeCompare(b)); });
    orgs.forEach(function (org) {
      var level = self.points.filter(function (p) { return p.org === org; })[0].level;
      option(self.orgSelect, org, org + (level === "brand" ? " (brand)" : ""), org === orgs[0]);
    });

    this.grainSelect = document.createElement("select");
    this.grainSelect.setAttribute("aria-label", "Period");

    this.modeButton = document.createElement("button");
    this.modeButton.type = "button";
    this.modeButton.className = "small";
    this.modeButton.textContent = "Lines";

    controls.appendChild(this.orgSelect);
    controls.appendChild(this.grainSelect);
    controls.appendChild(this.modeButton);
    this.root.appendChild(controls);

    this.figure = document.createElement("div");
    this.figure.className = "chart-figure";
    this.root.appendChild(this.figure);
    this.legend = document.createElement("div");
    this.legend.className = "legend";
    this.root.appendChild(this.legend);

    this.orgSelect.addEventListener("change", function () { self.fillGrains(); self.draw(); });
    this.grainSelect.addEventListener("change", function () { self.draw(); });
    this.modeButton.addEventListener("click", function () {
      self.mode = self.mode === "bar" ? "line" : "bar";
      self.modeButton.textContent = self.mode === "bar" ? "Lines" : "Bars";
      self.draw();
    });
    this.fillGrains();
    this.draw();
    var pending = null;
    window.addEventListener("resize", function () {
      clearTimeout(pending);
      pending = setTimeout(function () { self.draw(); }, 150);
    });
  };

  SalesChart.prototype.fillGrains = function () {
    var org = this.orgSelect.value;
    var counts = {};
    var periods = {};
    this.points.forEach(function (p) {
      if (p.org !== org) return;
      var g = granularity(p.period);
      counts[g] = (counts[g] || 0) + 1;
      (periods[g] = periods[g] || {})[p.period] = true;
    });
    var order = ["quarter", "month", "half", "year", "range", "other"];
    var best = null;
    this.grainSelect.textContent = "";
    var self = this;
    // A timeline needs periods: the granularity with most distinct periods wins, finer first on ties.
    order.forEach(function (g) {
      if (!counts[g]) return;
      var n = Object.keys(periods[g]).length;
      if (best === null || n > Object.keys(periods[best]).length) best = g;
    });
    order.forEach(function (g) {
      if (counts[g]) option(self.grainSelect, g, "by " + g + " (" + counts[g] + ")", g === best);
    });
  };

  SalesChart.prototype.selection = function () {
    var org = this.orgSelect.value;
    var grain = this.grainSelect.value;
    return this.points.filter(function (p) { return p.org === org && granularity(p.period) === grain; });
  };

  SalesChart.prototype.draw = function () {
    var points = this.selection();
    var periods = [];
    var series = [];
    var seen = {};
    var slotOf = function (p) { return p._slot; };
    points.forEach(function (p) {
      if (periods.indexOf(p.period) < 0) periods.push(p.period);
      // Two figures for one period and series (sources disagree) get bars side by side, not on top.
      var base = seriesName(p);
      var key = p.period + "\u0000" + base;
      seen[key] = (seen[key] || 0) + 1;
      p._slot = seen[key] > 1 ? base + " #" + seen[key] : base;
      if (series.indexOf(p._slot) < 0) series.push(p._slot);
    });
    periods.sort(function (a, b) { return periodSortKey(a) < periodSortKey(b) ? -1 : 1; });
    series.sort(function (a, b) {
      var ia = POWERTRAIN_ORDER.indexOf(a.split(/ · | #/)[0]);
      var ib = POWERTRAIN_ORDER.indexOf(b.split(/ · | #/)[0]);
      return ia !== ib ? ia - ib : a.localeCompare(b);
    });

    var width = Math.max(280, Math.min(this.figure.clientWidth || 640, 1100));
    var height = width < 500 ? 240 : 300;
    var margin = { top: 14, right: 10, bottom: 42, left: 48 };
    var plotW = width - margin.left - margin.right;
    var plotH = height - margin.top - margin.bottom;
    var max = niceMax(Math.max.apply(null, points.map(function (p) { return p.quantity; }).concat([0])));

    this.figure.textContent = "";
    var svg = el("svg", {
      viewBox: "0 0 " + width + " " + height,
      width: "100%",
      role: "img",
      class: "chart",
      "aria-label": "Sales by period and powertrain",
    }, this.figure);
    var plot = el("g", { transform: "translate(" + margin.left + "," + margin.top + ")" }, svg);

    for (var t = 0; t <= 4; t++) {
      var y = plotH - (plotH * t) / 4;
      el("line", { x1: 0, x2: plotW, y1: y, y2: y, class: "gridline" }, plot);
      var label = el("text", { x: -6, y: y + 4, class: "axis-label", "text-anchor": "end" }, plot);
      label.textContent = shortNumber((max * t) / 4);
    }

    var band = plotW / Math.max(periods.length, 1);
    var inner = Math.min(band * 0.8, Math.max(series.length, 1) * 56);  // few periods: no giant bars
    var barW = inner / Math.max(series.length, 1);
    var step = Math.max(1, Math.ceil(periods.length / Math.max(1, Math.floor(plotW / 70))));
    periods.forEach(function (period, i) {
      if (i % step) return;
      var text = el("text", {
        x: band * i + band / 2, y: plotH + 18, class: "axis-label", "text-anchor": "middle",
      }, plot);
      text.textContent = period;
    });

    var drawn = 0;
    var self = this;
    var lines = {};
    points.forEach(function (p) {
      var i = periods.indexOf(p.period);
      var j = series.indexOf(slotOf(p));
      var h = (plotH * p.quantity) / max;
      var cx = band * i + band / 2;
      var tip = p.org + " · " + p.period + " · " + seriesName(p) + ": " + formatNumber(p.quantity);
      var link = el("a", { href: "/fact/" + encodeURIComponent(p.fact_id) }, plot);
      var cls = "bar " + powertrainClass(p.powertrain);
      var shape;
      if (self.mode === "bar") {
        shape = el("rect", {
          x: band * i + (band - inner) / 2 + j * barW, y: plotH - h,
          width: Math.max(barW - 2, 1), height: Math.max(h, 1), class: cls,
        }, link);
      } else {
        shape = el("circle", { cx: cx, cy: plotH - h, r: 5, class: cls + " dot" }, link);
        (lines[slotOf(p)] = lines[slotOf(p)] || []).push([cx, plotH - h, p.powertrain]);
      }
      shape.setAttribute("data-fact", p.fact_id);
      el("title", {}, shape).textContent = tip;
      drawn++;
    });
    Object.keys(lines).forEach(function (name) {
      var pts = lines[name].sort(function (a, b) { return a[0] - b[0]; });
      var line = el("polyline", {
        points: pts.map(function (q) { return q[0] + "," + q[1]; }).join(" "),
        class: "series-line " + powertrainClass(pts[0][2]),
      });
      // Behind the dots, so that the dots stay clickable.
      plot.insertBefore(line, plot.querySelector("a"));
    });
    el("line", { x1: 0, x2: plotW, y1: plotH, y2: plotH, class: "axis" }, plot);

    this.legend.textContent = "";
    var named = [];
    series.forEach(function (slot) {
      var name = slot.split(" #")[0];
      if (named.indexOf(name) >= 0) return;
      named.push(name);
      var item = document.createElement("span");
      item.className = "legend-item";
      var swatch = document.createElement("span");
      swatch.className = "swatch " + powertrainClass(name.split(" · ")[0]);
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(name));
      self.legend.appendChild(item);
    });
    this.root.setAttribute("data-bars", String(drawn));
  };

  function boot() {
    var source = document.getElementById("sales-data");
    var root = document.getElementById("sales-chart");
    if (!source || !root) return;
    window.evintelChart = new SalesChart(root, JSON.parse(source.textContent));
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();

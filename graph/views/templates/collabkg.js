// collabkg view: draws the network, the legend (doubles as the kind filter), the find-a-node and
// relation filter menus, and the details popup opened by a click. Every piece of text is put in
// the page with textContent or as a plain-text vis-network title (rendered with innerText):
// nothing from a document is ever parsed as HTML.
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("ckg-data").textContent);
  var t0 = performance.now();

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  document.getElementById("ckg-heading").textContent = DATA.heading || "collabkg";
  document.title = DATA.heading || "collabkg view";
  document.getElementById("ckg-stat").textContent =
    DATA.nodes.length + " nodes, " + DATA.edges.length + " edges" + (DATA.note ? " \u2014 " + DATA.note : "");

  // ---- plain-text tooltips (vis-network 9 shows a string title with innerText) ------------------
  var DOCS = DATA.docs || [];
  function short(t, n) { t = String(t); return t.length <= n ? t : t.slice(0, n - 1) + "\u2026"; }
  function docLine(i) {
    var d = (i === null || i === undefined) ? null : DOCS[i];
    return d ? "\u2014 " + (d[0] || d[1] || "") : null;
  }
  function evidenceLines(lines, evidence, max) {
    (evidence || []).slice(0, max).forEach(function (e) {
      if (e[0]) lines.push("\u201c" + short(e[0], 280) + "\u201d");
      var d = docLine(e[1]);
      if (d) lines.push(d);
    });
  }
  function nodeTitle(n) {
    var info = n.info || {};
    var lines = [(info.name || n.label || n.id) + " (" + (n.kind || "?") + ")"];
    (info.rows || []).forEach(function (r) { lines.push(r[0] + ": " + short(r[1], 120)); });
    evidenceLines(lines, info.evidence, 2);
    if (info.evidence && info.evidence.length) lines.push("(click for all evidence)");
    return lines.join("\n");
  }
  function edgeTitle(e) {
    var info = e.info || {};
    var st = info.statements || [];
    var lines = st.slice(0, 3).map(function (s) { return s[0]; });
    if (st.length) evidenceLines(lines, st[0][1], 1);
    if (st.length > 3) lines.push("(+" + (st.length - 3) + " more; click for all)");
    return lines.join("\n") || String(e.relation || "");
  }
  DATA.nodes.forEach(function (n) { if (n.title === undefined && n.info) n.title = nodeTitle(n); });
  DATA.edges.forEach(function (e) { if (e.title === undefined && e.info) e.title = edgeTitle(e); });

  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var container = document.getElementById("mynetwork");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, DATA.options);
  // pyvis's template exposes these as globals; keep them for scripts written against pyvis
  window.nodes = nodes; window.edges = edges; window.network = network;
  window.ckg = { data: DATA, nodes: nodes, edges: edges, network: network, stable: null, drawn: null };

  var physics = !!(DATA.options.physics && DATA.options.physics.enabled);
  function markStable() {
    if (window.ckg.stable === null) {
      window.ckg.stable = performance.now();
      window.ckg.stableAfter = window.ckg.stable - t0;
      document.documentElement.setAttribute("data-ckg-stable", "1");
    }
  }
  network.once("afterDrawing", function () {
    window.ckg.drawn = performance.now();
    if (!physics) markStable();
  });
  if (!DATA.nodes.length) markStable(); // nothing to draw
  if (physics) {
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      network.fit({ animation: false });
      network.once("afterDrawing", markStable);
      network.redraw();
    });
  }

  // ---- legend: colour by kind, with a checkbox per kind to show or hide it --------------------
  var legend = document.getElementById("ckg-legend");
  legend.appendChild(el("div", "ckg-legend-title", "Kinds"));
  var hiddenKinds = {};
  DATA.legend.forEach(function (entry) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox"; box.checked = true; box.value = entry.kind;
    box.setAttribute("data-kind", entry.kind);
    var sw = el("span", "ckg-swatch");
    sw.style.background = entry.color;
    label.appendChild(box); label.appendChild(sw);
    label.appendChild(el("span", null, entry.kind + " (" + entry.count + ")"));
    box.addEventListener("change", function () {
      hiddenKinds[entry.kind] = !box.checked;
      applyFilters();
    });
    legend.appendChild(label);
  });
  if (DATA.legend_note) legend.appendChild(el("div", "ckg-note", DATA.legend_note));

  var hiddenRelations = null; // null: all shown; else a set of relations to show
  function applyFilters() {
    var nodeUpdates = [];
    nodes.forEach(function (n) {
      var hide = !!hiddenKinds[n.kind];
      if (!!n.hidden !== hide) nodeUpdates.push({ id: n.id, hidden: hide });
    });
    if (nodeUpdates.length) nodes.update(nodeUpdates);
    var edgeUpdates = [];
    edges.forEach(function (e) {
      var hide = hiddenRelations !== null && !e.relations.some(function (r) { return hiddenRelations[r]; });
      if (!!e.hidden !== hide) edgeUpdates.push({ id: e.id, hidden: hide });
    });
    if (edgeUpdates.length) edges.update(edgeUpdates);
  }

  // ---- details popup -----------------------------------------------------------------------------
  var panel = document.getElementById("ckg-details");
  function evidenceBlock(parent, evidence) {
    (evidence || []).forEach(function (ev) {
      if (ev[0]) parent.appendChild(el("blockquote", null, ev[0]));
      var d = (ev[1] === null || ev[1] === undefined) ? null : DOCS[ev[1]];
      var src = d ? d.filter(function (x) { return x; }) : [];
      if (src.length) parent.appendChild(el("div", "ckg-source", "\u2014 " + src.join(", ")));
    });
  }
  function table(parent, rows) {
    if (!rows || !rows.length) return;
    var t = el("table");
    rows.forEach(function (kv) {
      var tr = el("tr");
      tr.appendChild(el("td", "ckg-key", kv[0]));
      tr.appendChild(el("td", null, kv[1]));
      t.appendChild(tr);
    });
    parent.appendChild(t);
  }
  function showDetails(item, isEdge, pointer) {
    panel.replaceChildren();
    var close = el("button", "ckg-close", "\u00d7");
    close.type = "button"; close.title = "Close";
    close.addEventListener("click", hideDetails);
    panel.appendChild(close);
    var info = item.info || {};
    panel.appendChild(el("h2", null, info.name || item.label || item.id));
    panel.appendChild(el("div", "ckg-kind", isEdge ? (info.between || "") : (item.kind || "")));
    table(panel, info.rows);
    if (isEdge) {
      (info.statements || []).forEach(function (st) {
        panel.appendChild(el("div", "ckg-statement", st[0]));
        evidenceBlock(panel, st[1]);
      });
    } else {
      if (info.evidence && info.evidence.length) panel.appendChild(el("div", "ckg-statement", "Evidence"));
      evidenceBlock(panel, info.evidence);
    }
    panel.setAttribute("data-item", String(item.id));
    panel.style.display = "block";
    document.getElementById("ckg-main").classList.add("ckg-detail-open");
    var x = (pointer && pointer.x) || 20, y = (pointer && pointer.y) || 20;
    var maxX = container.clientWidth - panel.offsetWidth - 10;
    panel.style.left = Math.max(0, Math.min(x + 12, maxX)) + "px";
    panel.style.top = Math.max(0, y + 12) + "px";
  }
  function hideDetails() {
    panel.style.display = "none";
    panel.removeAttribute("data-item");
    document.getElementById("ckg-main").classList.remove("ckg-detail-open");
  }
  window.ckg.showDetails = showDetails;

  network.on("click", function (params) {
    var p = params.pointer && params.pointer.DOM;
    if (params.nodes.length) showDetails(nodes.get(params.nodes[0]), false, p);
    else if (params.edges.length) showDetails(edges.get(params.edges[0]), true, p);
    else hideDetails();
  });

  // ---- menus -------------------------------------------------------------------------------------
  var select = document.getElementById("select-node");
  if (select) {
    var blank = el("option", null, "");
    blank.value = "";
    select.appendChild(blank);
    var frag = document.createDocumentFragment();
    DATA.nodes.forEach(function (n) {
      var o = el("option", null, n.label + " (" + n.kind + ")");
      o.value = n.id;
      frag.appendChild(o);
    });
    select.appendChild(frag);
    var onPick = function (value) {
      if (!value) return;
      network.selectNodes([value]);
      network.focus(value, { scale: 1.2, animation: false });
      var pos = network.canvasToDOM(network.getPositions([value])[value]);
      showDetails(nodes.get(value), false, pos);
    };
    if (window.TomSelect) {
      new TomSelect(select, { maxOptions: 200, create: false, onChange: onPick });
    } else {
      select.addEventListener("change", function () { onPick(select.value); });
    }
  }
  var relSelect = document.getElementById("select-relation");
  if (relSelect) {
    DATA.relations.forEach(function (r) {
      var o = el("option", null, r);
      o.value = r;
      relSelect.appendChild(o);
    });
    var onRelations = function (values) {
      values = values || [];
      if (!Array.isArray(values)) values = String(values).split(",").filter(Boolean);
      hiddenRelations = values.length ? {} : null;
      values.forEach(function (v) { hiddenRelations[v] = true; });
      applyFilters();
    };
    var relControl = null;
    if (window.TomSelect) {
      relControl = new TomSelect(relSelect, { maxOptions: 500, create: false, plugins: ["remove_button"], onChange: onRelations });
    } else {
      relSelect.addEventListener("change", function () {
        onRelations(Array.prototype.filter.call(relSelect.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; }));
      });
    }
    document.getElementById("ckg-reset").addEventListener("click", function () {
      if (relControl) relControl.clear(true);
      hiddenRelations = null;
      hiddenKinds = {};
      Array.prototype.forEach.call(legend.querySelectorAll("input[data-kind]"), function (b) { b.checked = true; });
      applyFilters();
      network.unselectAll();
      hideDetails();
      network.fit({ animation: false });
    });
  }
  window.ckg.applyFilters = applyFilters;
  window.ckg.ready = true;
})();

{#- A static template (mkdocs.yml's theme.static_templates): MkDocs writes its nav in below. Jinja reads this
    whole file: a double brace, a brace and percent sign, or a brace and hash sign starts Jinja here. -#}
// The header's section links, written here on every page but the home page (whose HTML has them: without
// JavaScript the site's name and the breadcrumbs lead there), and the menu button on narrow screens
// (without JavaScript the menu is always shown, so the pages carry no button that would do nothing).
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var sections = [{% for item in nav if item.url %}[{{ item.title|tojson }}, {{ item.url|tojson }}]{% if not loop.last %}, {% endif %}{% endfor %}];
  var nav = document.getElementById("site-nav");
  var header = document.querySelector(".site-header");
  var script = document.currentScript;
  if (!nav && header && script && script.getAttribute("src")) {
    var base = script.getAttribute("src").replace(/assets\/js\/report\.js$/, "");  // "../" from a page one folder down
    var here = location.href.split("#")[0].split("?")[0];
    nav = document.createElement("nav");
    nav.id = "site-nav";
    nav.className = "site-nav";
    nav.setAttribute("aria-label", "Sections");
    var list = document.createElement("ul");
    sections.forEach(function (section) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = base + section[1];
      link.textContent = section[0];
      if (link.href === here) link.setAttribute("aria-current", "page");
      item.appendChild(link);
      list.appendChild(item);
    });
    nav.appendChild(list);
    var name = header.querySelector(".site-name");
    header.insertBefore(nav, name ? name.nextSibling : header.firstChild);
  }
  if (!nav) return;
  var button = document.createElement("button");
  button.className = "menu-toggle";
  button.type = "button";
  button.textContent = "Menu";
  button.setAttribute("aria-expanded", "false");
  button.setAttribute("aria-controls", "site-nav");
  nav.parentNode.insertBefore(button, nav);
  button.addEventListener("click", function () {
    var open = nav.classList.toggle("open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
})();

// Filter boxes above long tables (or a list of lines, ul.filtered): show only the rows whose text contains
// every word typed. No network, no dependencies: works from file://.
(function () {
  "use strict";
  function rowsAfter(input) {
    var node = input.closest("p") || input;
    while ((node = node.nextElementSibling)) {
      if (node.matches("ul.filtered")) return node.children;
      var table = node.tagName === "TABLE" ? node : node.querySelector("table");
      if (table) return table.tBodies.length ? table.tBodies[0].rows : null;
    }
    return null;
  }
  document.querySelectorAll("input.table-filter").forEach(function (input) {
    var found = rowsAfter(input);
    if (!found) return;
    var rows = Array.prototype.slice.call(found);
    var texts = rows.map(function (row) { return row.textContent.toLowerCase(); });
    var count = document.createElement("span");
    count.className = "filter-count";
    count.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", count);
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row, i) {
        var match = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
        row.hidden = !match;
        if (match) shown += 1;
      });
      count.textContent = words.length ? shown + " of " + rows.length + " shown" : "";
    });
  });
})();

// The entity page's ring of neighbours ("Appears with"), drawn here from the page's table: each row
// whose entity has a page is a circle linked to it (sized by its mentions, from the placeholder's
// data-mentions), joined to the centre by a line as wide as its shared articles. Without JavaScript
// the table alone says all of it (each neighbour, its type, shared sentences and articles).
(function () {
  "use strict";
  var spot = document.querySelector("div.neighbour-ring");
  if (!spot) return;
  var table = spot.nextElementSibling;  // the "Appears with" table, right under it
  var heading = document.querySelector("main h1");
  if (!table || table.tagName !== "TABLE" || !table.tBodies.length || !heading) return;
  var LABELS = {
    PERSON: "People", ORG: "Organisations", GPE: "Countries, cities and states", LOC: "Other places",
    NORP: "Nationalities, religious and political groups", FAC: "Buildings and facilities", EVENT: "Events",
    PRODUCT: "Products", WORK_OF_ART: "Works of art", LAW: "Laws", OTHER: "Other names (type unclear)"
  };  // generator/model.py's ENTITY_TYPE_LABELS (tests/test_pictures_and_search.py checks they agree)
  var counts = spot.getAttribute("data-mentions").split(" ").map(Number);
  var centre = { name: heading.textContent.trim(), type: spot.getAttribute("data-type"), mentions: counts[0] };
  var ties = [];
  Array.prototype.forEach.call(table.tBodies[0].rows, function (row, i) {
    var link = row.cells[0].querySelector("a");
    if (link && ties.length < 10) {
      ties.push({ name: link.textContent.trim(), href: link.getAttribute("href"), type: row.cells[1].textContent.trim(),
        shared: Number(row.cells[3].textContent) || 1, mentions: counts[i + 1] || 1 });
    }
  });
  if (!ties.length) return;
  var NS = "http://www.w3.org/2000/svg";
  function el(name, attrs, parent, text) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    if (parent) parent.appendChild(node);
    return node;
  }
  function num(value) { return String(Math.round(value * 10) / 10); }
  function cls(type) { return "t-" + (type.replace(/[^A-Za-z0-9_-]/g, "_") || "_"); }
  function short(text, limit) {  // at most `limit` characters, cut at a word with an ellipsis (svg.short)
    text = text.split(/\s+/).join(" ");
    if (text.length <= limit) return text;
    var head = text.slice(0, limit - 1);
    var cut = head.indexOf(" ") !== -1 ? head.slice(0, head.lastIndexOf(" ")) : head;
    return cut.replace(/[ ,;:-]+$/, "") + "\u2026";
  }
  function label(group, name, limit) {  // the name once; a <title> with all of it where cut
    var shown = short(name, limit);
    if (shown !== name.split(/\s+/).join(" ")) el("title", {}, group, name);
    return shown;
  }
  var width = 640, height = 400, cx = width / 2, cy = height / 2, ring = 140;
  var strongest = Math.max.apply(null, ties.map(function (t) { return t.shared; }));
  var most = Math.max.apply(null, [centre.mentions].concat(ties.map(function (t) { return t.mentions; })));
  var figure = document.createElement("figure");
  figure.className = "graph graph-small";
  figure.id = "neighbour-graph";
  var svg = el("svg", { "class": "graph-svg", viewBox: "0 0 " + width + " " + height, "aria-labelledby": "neighbour-graph-title" }, figure);
  el("title", { id: "neighbour-graph-title" }, svg, centre.name + " and the " + ties.length + " entities most often named with it");
  var edges = el("g", { "class": "edges", transform: "translate(" + num(cx) + " " + num(cy) + ")" }, svg);
  var nodes = el("g", { "class": "nodes" }, svg);
  var radius = 8 + 16 * Math.sqrt(centre.mentions / most);
  var self = el("g", { "class": "node node-self " + cls(centre.type) }, nodes);
  var name = label(self, centre.name, 26);
  el("circle", { cx: num(cx), cy: num(cy), r: num(radius) }, self);
  el("text", { x: num(cx), y: num(cy + radius + 14), "text-anchor": "middle" }, self, name);
  ties.forEach(function (tie, index) {
    var angle = -Math.PI / 2 + 2 * Math.PI * index / ties.length;
    var cos = Math.cos(angle), sin = Math.sin(angle);
    var x = cx + ring * 1.35 * cos, y = cy + ring * sin;
    el("line", { x2: num(x - cx), y2: num(y - cy), "stroke-width": num(1 + 6 * tie.shared / strongest) }, edges);
    var r = 5 + 14 * Math.sqrt(tie.mentions / most);
    var anchor = Math.abs(cos) < 0.3 ? "middle" : cos > 0 ? "start" : "end";
    var tx = x + (anchor === "middle" ? 0 : (r + 5) * (cos > 0 ? 1 : -1));
    var ty = y + (sin > 0.3 ? r + 14 : sin < -0.3 ? -(r + 6) : 5);
    var link = el("a", { href: tie.href, "class": "node " + cls(tie.type) }, nodes);
    var shown = label(link, tie.name, 22);
    el("circle", { cx: num(x), cy: num(y), r: num(r) }, link);
    el("text", { x: num(tx), y: num(ty), "text-anchor": anchor }, link, shown);
  });
  var types = {};
  [centre].concat(ties).forEach(function (e) { types[e.type] = (types[e.type] || 0) + 1; });
  var legend = document.createElement("ul");
  legend.className = "chart-legend";
  legend.setAttribute("aria-label", "Entity types");
  Object.keys(types).sort(function (a, b) { return types[b] - types[a] || (a < b ? -1 : a > b ? 1 : 0); }).forEach(function (type) {
    var item = document.createElement("li");
    var swatch = document.createElement("span");
    swatch.className = "swatch " + cls(type);
    item.appendChild(swatch);
    item.appendChild(document.createTextNode((LABELS[type] || type) + " (" + types[type] + ")"));
    legend.appendChild(item);
  });
  figure.appendChild(legend);
  var caption = document.createElement("figcaption");
  caption.textContent = "Circles are sized by mentions and coloured by type; a line's width is the number of articles " +
    "naming both (the table below gives the figures). Select a circle to open that entity.";
  figure.appendChild(caption);
  spot.replaceWith(figure);
})();

// The menu button of the header on narrow screens, made here (without JavaScript the menu is always shown,
// so the pages carry no button that would do nothing).
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var nav = document.getElementById("site-nav");
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

// Filter boxes above long tables: show only the rows whose text contains every word typed.
// No network, no dependencies: works from file://.
(function () {
  "use strict";
  function tableAfter(input) {
    var node = input.closest("p") || input;
    while ((node = node.nextElementSibling)) {
      if (node.tagName === "TABLE") return node;
      var inner = node.querySelector && node.querySelector("table");
      if (inner) return inner;
    }
    return null;
  }
  document.querySelectorAll("input.table-filter").forEach(function (input) {
    var table = tableAfter(input);
    if (!table || !table.tBodies.length) return;
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
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

// Full-text search that works from file:// (no fetch, no server).
// The index is a script (search-index.js, written by generator/pages/search.py) that sets
// window.REPORT_SEARCH_INDEX; it and the vendored MiniSearch are loaded with <script> tags the
// first time a search box is used, then indexed in the browser in two steps so that a large
// corpus answers at once: titles, names, keywords and summaries right away, then the full text in
// small chunks between keystrokes (the open results are refreshed when it is complete, and
// <html data-search-index="complete"> says so). Results are built with DOM text nodes only:
// nothing from the index is ever parsed as HTML.
(function () {
  "use strict";
  var me = document.currentScript;
  var base = (me && me.getAttribute("data-base")) || ".";
  var KINDS = [
    ["entity", "Entities"],
    ["topic", "Topics"],
    ["source", "Sources"],
    ["article", "Articles"]
  ];
  var DROPDOWN_LIMITS = { entity: 3, topic: 3, source: 2, article: 5 };
  var PAGE_STEP = 50;
  var FIELDS = ["title", "names", "keywords", "summary"];
  var STOP = {};
  ("a an and are as at be but by for from had has have he her his i in is it its of on or our she " +
   "that the their them they this to was we were which who will with you")
    .split(" ").forEach(function (w) { STOP[w] = true; });
  var engine = null; // answers from the short fields while `full` is being built
  var full = null;
  var complete = false;
  var whenComplete = [];
  var docs = null;
  var waiting = [];
  var loading = false;

  function url(path) {
    return base.replace(/\/$/, "") + "/" + path;
  }

  function loadScript(src, done, fail) {
    var tag = document.createElement("script");
    tag.src = src;
    tag.onload = done;
    tag.onerror = fail;
    document.head.appendChild(tag);
  }

  function whenReady(callback) {
    if (engine) return callback();
    waiting.push(callback);
    if (loading) return;
    loading = true;
    var failed = function () {
      waiting = [];
      loading = false;
      document.querySelectorAll(".search-status").forEach(function (node) {
        node.textContent = "The search index could not be loaded.";
      });
    };
    loadScript(url("assets/vendor/minisearch/index.js"), function () {
      loadScript(url("search-index.js"), function () {
        build();
        var callbacks = waiting;
        waiting = [];
        callbacks.forEach(function (fn) { fn(); });
      }, failed);
    }, failed);
  }

  function build() {
    var raw = window.REPORT_SEARCH_INDEX;
    var fields = raw.fields;
    docs = raw.documents.map(function (row, i) {
      var doc = { id: i };
      fields.forEach(function (name, j) { doc[name] = row[j]; });
      return doc;
    });
    engine = new window.MiniSearch(options(FIELDS));
    engine.addAll(docs);
    full = new window.MiniSearch(options(FIELDS.concat(["text"])));
    full.addAllAsync(docs, { chunkSize: 40 }).then(function () {
      engine = full;
      complete = true;
      document.documentElement.setAttribute("data-search-index", "complete");
      whenComplete.forEach(function (fn) { fn(); });
    });
  }

  function options(fields) {
    return {
      fields: fields,
      storeFields: [],
      processTerm: function (term) {
        var word = term.toLowerCase();
        return word.length < 2 && !/\d/.test(word) || STOP[word] ? null : word;
      },
      searchOptions: {
        boost: { title: 5, names: 3, keywords: 2, summary: 1.5 },
        combineWith: "AND",
        // Results as you type: the last word may be unfinished.
        prefix: function (term, i, terms) { return i === terms.length - 1 && term.length > 1; }
      }
    };
  }

  function search(query) {
    var results = engine.search(query);
    if (!results.length) {
      // Nothing exact: allow small misspellings of longer words.
      results = engine.search(query, {
        fuzzy: function (term) { return term.length > 4 ? 0.2 : 0; }
      });
    }
    var groups = {};
    KINDS.forEach(function (kind) { groups[kind[0]] = []; });
    results.forEach(function (result) {
      var doc = docs[result.id];
      groups[doc.kind].push({ doc: doc, terms: result.terms });
    });
    return { total: results.length, groups: groups, partial: !complete };
  }

  var PARTIAL = " so far: the full text is still being indexed…";

  // --- Highlighting and snippets -------------------------------------------------------

  function termPattern(terms) {
    var parts = terms
      .filter(function (t) { return t.length > 0; })
      .sort(function (a, b) { return b.length - a.length; })
      .map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    if (!parts.length) return null;
    return new RegExp("(^|[^\\p{L}\\p{N}])(" + parts.join("|") + ")", "giu");
  }

  function firstMatch(text, pattern) {
    if (!pattern || !text) return -1;
    pattern.lastIndex = 0;
    var m = pattern.exec(text);
    return m ? m.index + m[1].length : -1;
  }

  function appendHighlighted(parent, text, pattern) {
    var cursor = 0;
    if (pattern) {
      pattern.lastIndex = 0;
      var m;
      while ((m = pattern.exec(text))) {
        var start = m.index + m[1].length;
        var end = start + m[2].length;
        if (start > cursor) parent.appendChild(document.createTextNode(text.slice(cursor, start)));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(start, end);
        parent.appendChild(mark);
        cursor = end;
        if (m[0].length === 0) pattern.lastIndex += 1;
      }
    }
    if (cursor < text.length) parent.appendChild(document.createTextNode(text.slice(cursor)));
  }

  function snippet(doc, pattern) {
    var fields = doc.kind === "article" ? ["summary", "text", "keywords", "names"] : ["names", "keywords"];
    for (var i = 0; i < fields.length; i++) {
      var text = doc[fields[i]];
      var at = firstMatch(text, pattern);
      if (at < 0) continue;
      var start = Math.max(0, at - 70);
      if (start > 0) {
        var space = text.indexOf(" ", start);
        if (space !== -1 && space < at) start = space + 1;
      }
      var end = Math.min(text.length, start + 220);
      if (end < text.length) {
        var cut = text.lastIndexOf(" ", end);
        if (cut > at) end = cut;
      }
      var prefix = fields[i] === "keywords" ? "Keywords: " : fields[i] !== "names" ? ""
        : doc.kind === "entity" ? "Also called: " : "Names: ";
      return {
        prefix: prefix,
        text: (start > 0 ? "…" : "") + text.slice(start, end).replace(/\s+/g, " ") + (end < text.length ? "…" : "")
      };
    }
    if (doc.kind === "article" && doc.summary) {
      return { prefix: "", text: doc.summary.slice(0, 220) + (doc.summary.length > 220 ? "…" : "") };
    }
    return null;
  }

  function resultItem(hit, pattern) {
    var item = document.createElement("li");
    item.className = "search-hit search-" + hit.doc.kind;
    var link = document.createElement("a");
    link.href = url(hit.doc.url);
    link.className = "search-hit-title";
    appendHighlighted(link, hit.doc.title, pattern);
    item.appendChild(link);
    if (hit.doc.meta) {
      var meta = document.createElement("span");
      meta.className = "search-hit-meta";
      meta.textContent = hit.doc.meta;
      item.appendChild(meta);
    }
    var snip = snippet(hit.doc, pattern);
    if (snip) {
      var p = document.createElement("p");
      p.className = "search-hit-snippet";
      if (snip.prefix) p.appendChild(document.createTextNode(snip.prefix));
      appendHighlighted(p, snip.text, pattern);
      item.appendChild(p);
    }
    return item;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  // Render the grouped results into `container`; `limits` caps each group (null: all, paged).
  function render(container, query, found, limits) {
    container.textContent = "";
    var pattern = null;
    var terms = [];
    KINDS.forEach(function (kind) {
      found.groups[kind[0]].forEach(function (hit) { terms = terms.concat(hit.terms); });
    });
    pattern = termPattern(Array.from(new Set(terms)));
    KINDS.forEach(function (kind) {
      var hits = found.groups[kind[0]];
      if (!hits.length) return;
      var section = document.createElement("section");
      section.className = "search-group";
      var heading = document.createElement(limits ? "p" : "h2");
      heading.className = "search-group-title";
      heading.textContent = kind[1] + " (" + hits.length + ")";
      section.appendChild(heading);
      var list = document.createElement("ul");
      section.appendChild(list);
      var shown = 0;
      var step = limits ? limits[kind[0]] : PAGE_STEP;
      var more = null;
      function showMore() {
        hits.slice(shown, shown + step).forEach(function (hit) { list.appendChild(resultItem(hit, pattern)); });
        shown = Math.min(hits.length, shown + step);
        if (more && shown >= hits.length) more.remove();
      }
      showMore();
      if (!limits && shown < hits.length) {
        more = document.createElement("button");
        more.type = "button";
        more.className = "search-more";
        more.textContent = "Show more " + kind[1].toLowerCase();
        more.addEventListener("click", function () {
          var first = shown;
          showMore();
          var next = list.children[first] && list.children[first].querySelector("a");
          if (next) next.focus();
        });
        section.appendChild(more);
      }
      container.appendChild(section);
    });
    if (limits && found.total) {
      var all = document.createElement("a");
      all.className = "search-all";
      all.href = url("search.html") + "?q=" + encodeURIComponent(query);
      all.textContent = "All " + plural(found.total, "result") + " for “" + query + "”";
      container.appendChild(all);
    }
  }

  // --- Keyboard: arrows move between the box and the result links, Escape closes --------

  function links(container) {
    return Array.prototype.slice.call(container.querySelectorAll("a, button"));
  }

  function keyboard(input, container, close) {
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        var first = links(container)[0];
        if (first) {
          event.preventDefault();
          first.focus();
        }
      } else if (event.key === "Escape" && close) {
        close();
      }
    });
    container.addEventListener("keydown", function (event) {
      var all = links(container);
      var at = all.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at < all.length - 1) {
        event.preventDefault();
        all[at + 1].focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (at > 0 ? all[at - 1] : input).focus();
      } else if (event.key === "Escape") {
        input.focus();
        if (close) close();
      }
    });
  }

  // --- The box in the header: a dropdown of the best results per kind --------------------

  function setupHeader(form) {
    var input = form.querySelector("input[type=search]");
    var box = form.querySelector(".search-dropdown");
    var status = form.querySelector(".search-status");
    function close() {
      box.hidden = true;
    }
    function run() {
      var query = input.value.trim();
      if (!query) {
        close();
        status.textContent = "";
        return;
      }
      if (!engine) status.textContent = "Loading the search index…";
      whenReady(function () {
        if (input.value.trim() !== query) return;
        var found = search(query);
        render(box, query, found, DROPDOWN_LIMITS);
        if (!found.total) {
          var none = document.createElement("p");
          none.className = "search-none";
          none.textContent = "No results for “" + query + "”.";
          box.appendChild(none);
        }
        status.textContent = plural(found.total, "result") + (found.partial ? PARTIAL : "");
        box.hidden = false;
      });
    }
    whenComplete.push(function () { if (!box.hidden) run(); });
    input.addEventListener("focus", function () { whenReady(function () {}); });
    input.addEventListener("pointerenter", function () { whenReady(function () {}); });
    input.addEventListener("input", run);
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) close();
    });
    keyboard(input, box, close);
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  // --- The search page: every result, grouped, the query kept in ?q= ---------------------

  function setupPage(root) {
    var input = root.querySelector("input[type=search]");
    var results = root.querySelector(".search-results");
    var status = root.querySelector(".search-status");
    function run() {
      var query = input.value.trim();
      if (!query) {
        results.textContent = "";
        status.textContent = "";
        return;
      }
      if (!engine) status.textContent = "Loading the search index…";
      whenReady(function () {
        if (input.value.trim() !== query) return;
        var found = search(query);
        render(results, query, found, null);
        status.textContent = (found.total
          ? plural(found.total, "result") + " for “" + query + "”"
          : "No results for “" + query + "”") + (found.partial ? PARTIAL : ".");
      });
    }
    whenComplete.push(run);
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) input.value = params.get("q");
    input.addEventListener("input", run);
    root.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      run();
    });
    keyboard(input, results, null);
    whenReady(function () {});
    if (input.value) run();
  }

  var page = document.querySelector("[data-search-page]");
  if (page) setupPage(page);
  document.querySelectorAll("form.site-search").forEach(setupHeader);
})();

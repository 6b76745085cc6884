// Search that works from file:// (no fetch, no server), loading only what a query needs.
// generator/pages/search.py writes the index as scripts, each calling one global:
// - search-index.js (window.REPORT_SEARCH_INDEX), loaded with the vendored MiniSearch the first time
//   a search box is used: titles, names, aliases and keywords of every article, entity, topic and
//   source, written compact (`decode` below rebuilds the documents), indexed here at once, so these
//   answer before any full text arrives;
// - search/terms-<key>-<hash>.js, the full text's postings of the terms starting with <key> (their
//   first two characters): a query loads the shards of its own words, and scores them with BM25;
// - search/text-<n>-<hash>.js, summaries and texts of a few articles, for the snippets shown (the texts
//   gzip-compressed in base64, inflated here with DecompressionStream; without it, keywords or names are the snippet).
// <hash> (listed in the first index) is the shard's content hash: a shard can be cached for good.
// <html data-search-index="complete"> says the first index is ready. A query's results come in steps
// (names and titles, then with the full text, then snippets); when the last is shown, the results
// container gets data-search-state="complete". Results are built with
// DOM text nodes only: nothing from the index is ever parsed as HTML.
(function () {
  "use strict";
  var me = document.currentScript;
  var base = (me && me.getAttribute("data-base")) || ".";
  // Articles and stories first: an entity or topic matched through a long list of names comes after.
  var KINDS = [
    ["article", "Articles"],
    ["topic", "Topics"],
    ["entity", "Entities"],
    ["source", "Sources"]
  ];
  var DROPDOWN_LIMITS = { article: 5, topic: 3, entity: 3, source: 2 };
  var PAGE_STEP = 50;
  var FIELDS = ["title", "names", "keywords"];
  var BOOST = { title: 5, names: 2, keywords: 2 };
  var TEXT_WEIGHT = 1;
  var PREFIX_WEIGHT = 0.4;
  var FUZZY_WEIGHT = 0.3;
  var MAX_HIGHLIGHT = 100; // longer words are found but not highlighted (a RegExp of 35,000 characters fails)
  // A Set, not an object: "constructor" and the other names on Object.prototype are words too.
  var STOP = new Set(("a an and are as at be but by for from had has have he her his i in is it its of on " +
    "or our she that the their them they this to was we were which who will with you").split(" "));
  var SPLIT = /[\n\r\p{Z}\p{P}]+/u; // MiniSearch's tokenizer, which search.py follows
  var engine = null;
  var docs = null;
  var meta = null; // the index's shard list and sizes
  var avgLength = 1;
  var articles = 0;
  var termShards = new Map(); // key -> Map(term -> postings), once loaded
  var textShards = new Map(); // n -> [[summary, text], ...], once loaded and inflated (text null: not inflated)
  var inflating = new Map(); // n -> the promise of its texts being inflated
  var pending = new Map(); // script src -> callbacks waiting for it
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

  // Load a shard script once; `done` runs when it has called back (or failed: then it is skipped).
  function loadShard(path, done) {
    var src = url(meta.shards + "/" + path);
    if (pending.has(src)) {
      var list = pending.get(src);
      if (list) list.push(done); else done();
      return;
    }
    pending.set(src, [done]);
    var finish = function () {
      var callbacks = pending.get(src) || [];
      pending.set(src, null);
      callbacks.forEach(function (fn) { fn(); });
    };
    loadScript(src, finish, finish);
  }

  // A shard's postings are compact (generator/pages/search.py, `compact_postings`): each document as its
  // distance from the one before (from -1), negative when its count follows (else the count is 1).
  function expand(compact) {
    var out = [];
    var doc = -1;
    for (var i = 0; i < compact.length; i += 1) {
      var gap = compact[i];
      doc += Math.abs(gap);
      out.push(doc, gap < 0 ? compact[++i] : 1);
    }
    return out;
  }
  window.REPORT_SEARCH_TERMS = function (key, postings) {
    var map = new Map();
    Object.keys(postings).forEach(function (term) { map.set(term, expand(postings[term])); });
    termShards.set(key, map);
  };
  // A text shard's content: gzip-compressed JSON in base64 (generator/pages/search.py, `pack`).
  function inflate(packed) {
    if (typeof DecompressionStream === "undefined" || typeof Blob === "undefined") return Promise.resolve(null);
    try {
      var raw = atob(packed);
      var bytes = new Uint8Array(raw.length);
      for (var i = 0; i < raw.length; i += 1) bytes[i] = raw.charCodeAt(i);
      var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      return new Response(stream).text().then(JSON.parse).catch(function () { return null; });
    } catch (error) {
      return Promise.resolve(null);
    }
  }

  // [summaries, texts] of a shard's articles, packed together (a summary is sentences of its text).
  window.REPORT_SEARCH_TEXT = function (n, packed) {
    inflating.set(n, inflate(packed).then(function (value) {
      var summaries = value && Array.isArray(value[0]) ? value[0] : [];
      var texts = value && Array.isArray(value[1]) ? value[1] : [];
      textShards.set(n, summaries.map(function (summary, i) {
        return [typeof summary === "string" ? summary : null, typeof texts[i] === "string" ? texts[i] : null];
      }));
    }));
  };

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

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  // An ASCII title's slug, as generator/ingest/slug.py makes it (search_first.py writes "" for such a page).
  function slugOf(title) {
    return title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
  }

  // The first index's documents, as generator/pages/search_first.py `encode` wrote them compact: every
  // document {kind, title, url, meta, keywords, names, length}, articles, entities, topics, sources.
  function decode(raw) {
    var SEP = " \u00b7 ";
    var page = function (value, folder, title) {
      if (value === "") value = slugOf(title);
      return value.indexOf("/") === -1 ? folder + "/" + value + ".html" : value;
    };
    var words = function (list) {
      return list.map(function (k) { return typeof k === "number" ? raw.keywords[k] : k; }).join(SEP);
    };
    var names = function (list) {
      return list.map(function (n) { return typeof n === "number" ? raw.entities[n][0] : n; }).join(SEP);
    };
    var doc = function (kind, title, url, line, keywords, named, length) {
      return { kind: kind, title: title, url: url, meta: line, keywords: keywords, names: named, length: length };
    };
    var articles = raw.articles.map(function (r) {
      var source = typeof r[2] === "number" ? raw.sources[r[2]][0] : r[2];
      var copies = r[7] ? " \u00b7 and " + r[7] + (r[7] === 1 ? " copy" : " copies") : "";
      return doc("article", r[0], page(r[1], "articles"), source + SEP + r[3] + copies, words(r[4]), names(r[5]), r[6]);
    });
    var entities = raw.entities.map(function (r) {
      var line = raw.types[r[2]] + SEP + plural(r[3], "mention") + " in " + plural(r[4], "article");
      return doc("entity", r[0], page(r[1], "entities", r[0]), line, "", (r[5] || []).join(SEP), 0);
    });
    var topics = raw.topics.map(function (r) {
      var article = typeof r[1] === "number" ? articles[r[1]] : null;
      var title = r[0] === null ? article.title : r[0];
      var line = plural(r[2], "article") + " from " + plural(r[3], "source");
      return doc("topic", title, article ? article.url : page(r[1], "topics", title), line, words(r[4]), names(r[5]), 0);
    });
    var sources = raw.sources.map(function (r) {
      return doc("source", r[0], page(r[1], "sources", r[0]), plural(r[2], "article"), "", "", 0);
    });
    return articles.concat(entities, topics, sources);
  }
  window.REPORT_SEARCH_DECODE = decode;

  function build() {
    var raw = window.REPORT_SEARCH_INDEX;
    var hashes = new Map();
    Object.keys(raw.terms).forEach(function (key) { hashes.set(key, raw.terms[key]); });
    meta = { shards: raw.shards, terms: hashes, texts: raw.texts, textShard: raw.text_shard };
    var total = 0;
    docs = decode(raw).map(function (doc, i) {
      doc.id = i;
      if (doc.kind === "article") {
        articles += 1;
        total += doc.length;
      }
      return doc;
    });
    avgLength = Math.max(1, total / Math.max(1, articles));
    engine = new window.MiniSearch({ fields: FIELDS, storeFields: [], processTerm: processTerm });
    engine.addAll(docs);
    // The first index is ready; the full text is searched shard by shard as queries need it.
    document.documentElement.setAttribute("data-search-index", "complete");
  }

  function processTerm(term) {
    var word = term.toLowerCase();
    return Array.from(word).length < 2 && !/[0-9]/.test(word) || STOP.has(word) ? null : word;
  }

  function queryTerms(query) {
    var found = [];
    query.split(SPLIT).forEach(function (word) {
      var term = word && processTerm(word);
      if (term && found.indexOf(term) === -1) found.push(term);
    });
    return found;
  }

  function shardKey(term) {
    return Array.from(term).slice(0, 2).map(function (c) {
      return /^[a-z0-9]$/.test(c) ? c : "_" + c.codePointAt(0).toString(16);
    }).join("");
  }

  function fuzziness(term) {
    var length = Array.from(term).length;
    return length >= 5 ? 2 : length >= 4 ? 1 : 0;
  }

  // Levenshtein distance, or max + 1 as soon as it is certain to exceed max.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      var best = i;
      for (var k = 1; k <= b.length; k++) {
        var cost = a[i - 1] === b[k - 1] ? 0 : 1;
        row.push(Math.min(previous[k] + 1, row[k - 1] + 1, previous[k - 1] + cost));
        if (row[k] < best) best = row[k];
      }
      if (best > max) return max + 1;
      previous = row;
    }
    return previous[b.length];
  }

  // The full text's matches of one term: document id -> {score, terms}, from its loaded shard.
  function textMatches(term, last, fuzzy) {
    var found = new Map();
    var shard = termShards.get(shardKey(term));
    if (!shard) return found;
    var idf = function (postings) {
      var n = postings.length / 2;
      return Math.log(1 + (articles - n + 0.5) / (n + 0.5));
    };
    var add = function (word, weight) {
      var postings = shard.get(word);
      var w = idf(postings) * weight;
      for (var i = 0; i < postings.length; i += 2) {
        var doc = docs[postings[i]];
        var tf = postings[i + 1];
        var score = w * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * doc.length / avgLength));
        var hit = found.get(doc.id) || { score: 0, terms: [] };
        hit.score += score;
        hit.terms.push(word);
        found.set(doc.id, hit);
      }
    };
    var max = fuzzy ? fuzziness(term) : 0;
    shard.forEach(function (postings, word) {
      if (word === term) add(word, 1);
      else if (last && term.length > 1 && word.indexOf(term) === 0) add(word, PREFIX_WEIGHT * term.length / word.length);
      else if (max && distance(term, word, max) <= max) add(word, FUZZY_WEIGHT);
    });
    return found;
  }

  // One term's matches in the short fields (MiniSearch) and, when its shard is loaded, the full text.
  function termMatches(term, last, fuzzy) {
    var found = new Map();
    engine.search(term, {
      boost: BOOST,
      prefix: last && term.length > 1,
      fuzzy: fuzzy ? fuzziness(term) : false,
      weights: { prefix: PREFIX_WEIGHT, fuzzy: FUZZY_WEIGHT }
    }).forEach(function (result) {
      found.set(result.id, { score: result.score, terms: result.terms.slice() });
    });
    textMatches(term, last, fuzzy).forEach(function (hit, id) {
      var mine = found.get(id);
      if (mine) {
        mine.score += TEXT_WEIGHT * hit.score;
        mine.terms = mine.terms.concat(hit.terms);
      } else {
        found.set(id, { score: TEXT_WEIGHT * hit.score, terms: hit.terms });
      }
    });
    return found;
  }

  // Every word must match (in any field); a word with no exact or prefix match anywhere is looked up
  // with small misspellings allowed ("Blari" finds "Blair").
  function search(query, withText) {
    var words = queryTerms(query);
    var combined = null;
    words.forEach(function (term, i) {
      var last = i === words.length - 1;
      var found = termMatches(term, last, false);
      if (!found.size && fuzziness(term)) found = termMatches(term, last, true);
      if (combined === null) {
        combined = found;
        return;
      }
      var next = new Map();
      combined.forEach(function (hit, id) {
        var other = found.get(id);
        if (other) next.set(id, { score: hit.score + other.score, terms: hit.terms.concat(other.terms) });
      });
      combined = next;
    });
    var ranked = [];
    (combined || new Map()).forEach(function (hit, id) { ranked.push({ id: id, score: hit.score, terms: hit.terms }); });
    ranked.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    var groups = {};
    KINDS.forEach(function (kind) { groups[kind[0]] = []; });
    var seen = new Set();
    ranked.forEach(function (result) {
      var doc = docs[result.id];
      if (seen.has(doc.url)) return;
      seen.add(doc.url);
      groups[doc.kind].push({ doc: doc, terms: result.terms });
    });
    return { total: seen.size, groups: groups, partial: !withText };
  }

  // Load the terms shards a query needs, then call `done` (at once when they are all here).
  function withTermShards(query, done) {
    var keys = [];
    queryTerms(query).forEach(function (term) {
      var key = shardKey(term);
      if (meta.terms.has(key) && !termShards.has(key) && keys.indexOf(key) === -1) keys.push(key);
    });
    var left = keys.length;
    if (!left) return done();
    keys.forEach(function (key) {
      loadShard("terms-" + key + "-" + meta.terms.get(key) + ".js", function () {
        left -= 1;
        if (!left) done();
      });
    });
  }

  // Load the text shards of the articles about to be shown, then call `done`.
  function withTexts(hits, done) {
    var needed = [];
    hits.forEach(function (hit) {
      var n = Math.floor(hit.doc.id / meta.textShard);
      if (!textShards.has(n) && needed.indexOf(n) === -1) needed.push(n);
    });
    var left = needed.length;
    if (!left) return done();
    needed.forEach(function (n) {
      loadShard("text-" + n + "-" + meta.texts[n] + ".js", function () {
        var step = function () {
          left -= 1;
          if (!left) done();
        };
        var texts = inflating.get(n);  // none when the shard failed to load
        if (texts) texts.then(step, step); else step();
      });
    });
  }

  function textOf(doc) {
    var rows = textShards.get(Math.floor(doc.id / meta.textShard));
    return rows ? rows[doc.id % meta.textShard] : null;
  }

  // Answer `query` in steps: `show(found, final)` first from the short fields, then with the full text
  // and snippets; `current()` says whether the query is still the one asked (typing moves on).
  function answer(query, shown, show, current) {
    show(search(query, false), false);
    withTermShards(query, function () {
      if (!current()) return;
      var found = search(query, true);
      withTexts(found.groups.article.slice(0, shown), function () {
        if (current()) show(found, true);
      });
    });
  }

  var PARTIAL = " in names and titles so far: searching the full text…";

  // --- Highlighting and snippets -------------------------------------------------------

  function termPattern(terms) {
    var parts = terms
      .filter(function (t) { return t.length > 0 && t.length <= MAX_HIGHLIGHT; })
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
    var full = doc.kind === "article" ? textOf(doc) : null;
    var values = { summary: full && full[0], text: full && full[1], keywords: doc.keywords, names: doc.names };
    var fields = doc.kind === "article" ? ["summary", "text", "keywords", "names"] : ["names", "keywords"];
    for (var i = 0; i < fields.length; i++) {
      var text = values[fields[i]];
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
    if (full && full[0]) {
      return { prefix: "", text: full[0].slice(0, 220) + (full[0].length > 220 ? "…" : "") };
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
        var slice = hits.slice(shown, shown + step);
        var items = slice.map(function (hit) { return list.appendChild(resultItem(hit, pattern)); });
        if (!found.partial && slice.some(function (hit) { return hit.doc.kind === "article" && !textOf(hit.doc); })) {
          withTexts(slice, function () {  // "Show more": these articles' snippets come with their texts
            slice.forEach(function (hit, i) {
              if (items[i].parentNode === list) list.replaceChild(resultItem(hit, pattern), items[i]);
            });
          });
        }
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

  // The page carries a link to the search page (main.html), made the search box here: a form opening the
  // same page with the query, its input, the status line and the results box.
  function headerForm(link) {
    var form = document.createElement("form");
    form.className = "site-search";
    form.setAttribute("role", "search");
    form.setAttribute("action", link.getAttribute("href"));
    var input = document.createElement("input");
    input.id = "site-search-q";
    input.type = "search";
    input.name = "q";
    input.placeholder = "Search";
    input.setAttribute("aria-label", "Search the report");
    form.appendChild(input);
    link.replaceWith(form);
    return form;
  }

  function headerPart(form, tag, id, className) {
    var node = document.getElementById(id);
    if (node) return node;
    node = document.createElement(tag);
    node.id = id;
    node.className = className;
    form.appendChild(node);
    return node;
  }

  function setupHeader(form) {
    var input = form.querySelector("input[type=search]");
    input.setAttribute("autocomplete", "off");
    input.setAttribute("spellcheck", "false");
    var status = headerPart(form, "span", "site-search-status", "search-status visually-hidden");
    status.setAttribute("role", "status");
    var box = headerPart(form, "div", "site-search-results", "search-dropdown");
    box.hidden = true;
    input.setAttribute("aria-controls", box.id);
    input.setAttribute("aria-describedby", status.id);
    function close() {
      box.hidden = true;
    }
    function run() {
      var query = input.value.trim();
      box.removeAttribute("data-search-state");
      if (!query) {
        close();
        status.textContent = "";
        return;
      }
      if (!engine) status.textContent = "Loading the search index…";
      whenReady(function () {
        var current = function () { return input.value.trim() === query; };
        if (!current()) return;
        answer(query, DROPDOWN_LIMITS.article, function (found, final) {
          render(box, query, found, DROPDOWN_LIMITS);
          if (!found.total && final) {
            var none = document.createElement("p");
            none.className = "search-none";
            none.textContent = "No results for “" + query + "”.";
            box.appendChild(none);
          }
          status.textContent = plural(found.total, "result") + (found.partial ? PARTIAL : "");
          if (final) box.setAttribute("data-search-state", "complete");
          box.hidden = false;
        }, current);
      });
    }
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
      results.removeAttribute("data-search-state");
      if (!query) {
        results.textContent = "";
        status.textContent = "";
        return;
      }
      if (!engine) status.textContent = "Loading the search index…";
      whenReady(function () {
        var current = function () { return input.value.trim() === query; };
        if (!current()) return;
        answer(query, PAGE_STEP, function (found, final) {
          render(results, query, found, null);
          status.textContent = (found.total
            ? plural(found.total, "result") + " for “" + query + "”"
            : final ? "No results for “" + query + "”" : "No results in names and titles for “" + query + "”")
            + (found.partial ? PARTIAL : ".");
          if (final) results.setAttribute("data-search-state", "complete");
        }, current);
      });
    }
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
  document.querySelectorAll("a.site-search").forEach(headerForm);
  document.querySelectorAll("form.site-search").forEach(setupHeader);
})();

// The search page: Pagefind is loaded only when someone searches, and only the parts of the index
// the words need. Results are written as plain text and <mark>, never as HTML from the index.
(function () {
  "use strict";
  var form = document.getElementById("ps-search-form");
  if (!form) return;
  var input = document.getElementById("ps-search-input");
  var status = document.getElementById("ps-search-status");
  var list = document.getElementById("ps-search-results");
  var more = document.getElementById("ps-search-more");
  var selects = form.querySelectorAll("select[data-filter]");
  var PAGE = 10;
  var kindWords = {};
  try {
    JSON.parse(form.dataset.kinds || "[]").forEach(function (pair) { kindWords[pair[0]] = pair[1]; });
  } catch (error) { /* the filter's own words are shown */ }
  var pagefind = null;
  var current = null;
  var shown = 0;
  var run = 0;
  var timer = null;

  function say(text) { status.textContent = text; }

  function load() {
    if (pagefind) return pagefind;
    var bundle = new URL(form.dataset.bundle, document.baseURI);
    var site = new URL(form.dataset.site, document.baseURI);
    var options = { baseUrl: site.pathname, excerptLength: 24 };
    // A big site's index is written in parts (parts.json lists all but the first): search them all.
    var parts = fetch(new URL("parts.json", bundle).href).then(function (answer) {
      if (!answer.ok) throw new Error("no list of the index's parts");
      return answer.json();
    });
    pagefind = Promise.all([import(new URL("pagefind.js", bundle).href), parts]).then(function (loaded) {
      var module = loaded[0];
      return module.options(options).then(function () {
        return Promise.all(loaded[1].map(function (part) {
          return module.mergeIndex(new URL(part, bundle).pathname, options);
        }));
      }).then(function () { return module; });
    });
    return pagefind;
  }

  function filters() {
    var chosen = {};
    selects.forEach(function (select) { if (select.value) chosen[select.dataset.filter] = select.value; });
    return chosen;
  }

  // Pagefind's excerpt is text with <mark> around the words found: keep exactly that, as DOM nodes.
  function passage(excerpt) {
    var p = document.createElement("p");
    var parsed = new DOMParser().parseFromString(excerpt, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        p.appendChild(mark);
      } else {
        p.appendChild(document.createTextNode(node.textContent));
      }
    });
    return p;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "ps-search-result";
    var heading = document.createElement("h3");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    heading.appendChild(link);
    li.appendChild(heading);
    var kind = ((data.filters && data.filters.kind) || []).map(function (value) { return kindWords[value] || value; });
    var audience = form.dataset.audienceShown === "no" ? [] : (data.filters && data.filters.audience) || [];
    var about = kind.concat(audience).join(" · ");
    if (about) {
      var small = document.createElement("p");
      small.className = "ps-search-about";
      small.textContent = about;
      li.appendChild(small);
    }
    li.appendChild(passage(data.excerpt || ""));
    return li;
  }

  function showMore(mine) {
    var next = current.results.slice(shown, shown + PAGE);
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
      if (mine !== run) return;
      var first = null;
      pages.forEach(function (data) {
        var li = item(data);
        first = first || li;
        list.appendChild(li);
      });
      shown += pages.length;
      more.hidden = shown >= current.results.length;
      return first;
    });
  }

  function search() {
    var words = input.value.trim();
    var mine = ++run;
    var chosen = filters();
    if (!words) {
      list.hidden = true;
      list.textContent = "";
      more.hidden = true;
      say("Type words above to search.");
      return;
    }
    say("Searching…");
    load().then(function (module) {
      return module.search(words, { filters: chosen });
    }).then(function (found) {
      if (mine !== run) return;
      current = found;
      shown = 0;
      list.textContent = "";
      var count = found.results.length;
      list.hidden = count === 0;
      more.hidden = true;
      say(count === 0 ? "No pages found for “" + words + "”. Try other words, or fewer filters."
        : (count === 1 ? "1 page" : count + " pages") + " found for “" + words + "”.");
      if (count) return showMore(mine);
    }).catch(function () {
      if (mine !== run) return;
      say("Search is not available here. It works on the published site, after a full build.");
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    var query = new URLSearchParams();
    if (input.value.trim()) query.set("q", input.value.trim());
    history.replaceState(null, "", query.toString() ? "?" + query.toString() : location.pathname);
    search();
  });
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(search, 300);
  });
  selects.forEach(function (select) { select.addEventListener("change", search); });
  more.addEventListener("click", function () {
    showMore(run).then(function (first) { if (first) first.querySelector("a").focus(); });
  });

  var asked = new URLSearchParams(location.search).get("q");
  if (asked) {
    input.value = asked;
    search();
  }
})();

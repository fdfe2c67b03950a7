// Close the search overlay when keyboard focus moves on past it, so it never covers the focused link (WCAG 2.4.11).
document.addEventListener("focusin", function (event) {
  var toggle = document.getElementById("__search");
  if (toggle && toggle.checked && !event.target.closest(".md-search")) {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  }
});

// The menu on a phone or tablet, Material's drawer: a named button opens it and says whether it
// is open; Escape, the button at its top, or a click beside it closes it and focus goes back to
// the button. While it is closed (or focus has left it) nothing in it takes focus.
(function () {
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector(".ps-menu-button[aria-controls]");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;
  var close = drawer.querySelector(".ps-menu-close");
  var wide = window.matchMedia("(min-width: 76.25em)");
  function shown() { return toggle.checked && !wide.matches; }
  function update() {
    button.setAttribute("aria-expanded", String(shown()));
    drawer.inert = !shown() && !wide.matches;
  }
  function set(open) {
    var focusWasInside = drawer.contains(document.activeElement);
    if (toggle.checked !== open) {
      toggle.checked = open;
      toggle.dispatchEvent(new Event("change"));
    }
    update();
    if (open) (close || drawer.querySelector("a[href]")).focus();
    else if (focusWasInside) button.focus();
  }
  button.hidden = false;
  if (close) {
    close.hidden = false;
    close.addEventListener("click", function () { set(false); });
  }
  button.addEventListener("click", function () { set(!shown()); });
  toggle.addEventListener("change", function () {
    if (!toggle.checked && drawer.contains(document.activeElement)) button.focus();
    update();
  });
  if (wide.addEventListener) wide.addEventListener("change", update);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && shown()) set(false);
  });
  document.addEventListener("focusin", function (event) {
    if (shown() && !drawer.contains(event.target) && event.target !== button) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  });
  update();
})();

// Filters open on a wide screen start folded on a phone, so that the first results are on its first screen.
(function () {
  var narrow = window.matchMedia("(max-width: 44.9375em)").matches;
  document.querySelectorAll("details[data-fold-narrow]").forEach(function (details) {
    if (narrow) details.open = false;
  });
})();

// A table wider than its box says so above it: "Scroll sideways to see the whole table".
(function () {
  var regions = document.querySelectorAll(".ps-table-wrap");
  if (!regions.length || !("ResizeObserver" in window)) return;
  var observer = new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var region = entry.target;
      var overflows = region.scrollWidth > region.clientWidth + 1;
      var hint = region.previousElementSibling;
      var hasHint = hint && hint.classList.contains("ps-scroll-hint");
      region.classList.toggle("ps-table-wrap--overflows", overflows);
      if (overflows && !hasHint) {
        hint = document.createElement("p");
        hint.className = "ps-scroll-hint";
        hint.textContent = "Scroll sideways to see the whole table";
        region.parentNode.insertBefore(hint, region);
      } else if (!overflows && hasHint) {
        hint.remove();
      }
    });
  });
  regions.forEach(function (region) { observer.observe(region); });
})();

// Folded sections of a long plan: a link to something inside one opens it; the whole plan can be
// opened or printed at once, and printing always prints every section.
(function () {
  var folds = document.querySelectorAll("details.ps-fold");
  if (!folds.length) return;
  function openAll() { folds.forEach(function (fold) { fold.open = true; }); }
  // The fold a link's target is in, or the one under it when the target is a section's heading
  // (a link from the contents).
  function foldOf(target) {
    var fold = target.closest("details.ps-fold");
    if (fold) return fold;
    var section = target.closest("section.ps-section");
    var heading = section && section.querySelector(":scope > h2");
    return heading && (target === heading || target === section) ? section.querySelector(":scope > details.ps-fold") : null;
  }
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var fold = target && foldOf(target);
    if (fold && !fold.open) {
      fold.open = true;
      target.scrollIntoView();
    }
  }
  // A link to the place the address already names opens its fold too (no hashchange comes).
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest('a[href^="#"]');
    if (link && link.getAttribute("href") === location.hash) setTimeout(reveal, 0);
  });
  var controls = document.querySelector(".ps-fold-all");
  if (controls) {
    controls.hidden = false;
    controls.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-fold]");
      if (!button) return;
      openAll();
      if (button.dataset.fold === "print") window.print();
    });
  }
  window.addEventListener("hashchange", reveal);
  window.addEventListener("beforeprint", openAll);
  reveal();
})();

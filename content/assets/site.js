// Close the search overlay when keyboard focus moves on past it, so it never covers the focused link (WCAG 2.4.11).
document.addEventListener("focusin", function (event) {
  var toggle = document.getElementById("__search");
  if (toggle && toggle.checked && !event.target.closest(".md-search")) {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  }
});

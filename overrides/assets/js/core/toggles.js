// provides: CourseToggles
/* Material's drawer and search are opened by two checkboxes. When Back or reload restores a page,
   the browser restores them too (just before "pageshow"), and the page would come back with its
   drawer or search open; close them (hooks/material_markup.py explains why this is done here).
   A search asked for in the address (?q=) stays open: Material opened it on purpose. */
(function () {
  "use strict";
  window.addEventListener("pageshow", function (event) {
    var entry = performance.getEntriesByType("navigation")[0];
    if (!event.persisted && !(entry && (entry.type === "back_forward" || entry.type === "reload"))) return;
    var keep = new URLSearchParams(location.search).has("q") ? "search" : null;
    document.querySelectorAll("input.md-toggle[data-md-toggle]").forEach(function (toggle) {
      if (!toggle.checked || toggle.getAttribute("data-md-toggle") === keep) return;
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change")); // Material follows its toggles through this event
    });
  });
})();

/* Material for MkDocs' content scripts (mkdocs-material 9.8.1, partials/javascripts/content.html,
   MIT licence), moved to a file so the site works under a Content-Security-Policy without inline
   scripts. Runs where the content ends, before the page is shown, like the original. */
(function () {
  "use strict";
  // Linked content tabs: open the tab the reader chose last time on every tab set.
  if (document.currentScript.hasAttribute("data-tabs-link")) {
    var tabs = __md_get("__tabs");
    if (Array.isArray(tabs)) {
      document.querySelectorAll(".tabbed-set").forEach(function (set) {
        var labels = Array.from(set.querySelector(".tabbed-labels").getElementsByTagName("label"));
        for (var i = 0; i < tabs.length; i++) {
          var label = labels.find(function (l) { return l.innerText.trim() === tabs[i]; });
          if (label) {
            document.getElementById(label.htmlFor).checked = true;
            return;
          }
        }
      });
    }
  }
  // A link to a tab (#__tabbed_1_2) opens that tab.
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();

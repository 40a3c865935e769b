/* Material for MkDocs' head script (mkdocs-material 9.8.1, partials/javascripts/base.html, MIT
   licence), moved to a file so the site works under a Content-Security-Policy without inline
   scripts. Defines the site scope and the storage helpers Material's bundle expects. */
(function () {
  "use strict";
  var scope = document.currentScript.getAttribute("data-scope");
  window.__md_scope = new URL(scope, location);
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
  };
  // Unlike Material's original, reading also survives blocked storage (it then returns null).
  window.__md_get = function (key, storage, base) {
    try {
      storage = storage || localStorage;
      base = base || window.__md_scope;
      return JSON.parse(storage.getItem(base.pathname + "." + key));
    } catch (error) {
      return null;
    }
  };
  window.__md_set = function (key, value, storage, base) {
    try {
      storage = storage || localStorage;
      base = base || window.__md_scope;
      storage.setItem(base.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // storage full or blocked: Material treats these settings as optional
    }
  };
})();

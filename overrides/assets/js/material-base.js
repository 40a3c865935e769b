/* Material for MkDocs' head script (mkdocs-material 9.8.1, partials/javascripts/base.html, MIT
   licence), moved to a file so the site works under a Content-Security-Policy without inline
   scripts. Defines the site scope and the storage helpers Material's bundle expects, and holds its
   sitemap request until the reader first uses the page (below). */
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

/* Material's instant navigation asks for sitemap.xml, the address of every page in every language,
   as soon as its bundle starts: a first visit would fetch a list that grows with the course. Hold
   that one request until the reader first scrolls, points, touches or types. Material takes over a
   click only once it has the list (withLatestFrom), so a click before it arrives is an ordinary page
   load; should Material ever ask differently, nothing matches and it fetches the list as before. */
(function () {
  "use strict";
  var SITEMAP = /\/sitemap\.xml$/;
  var TRIGGERS = ["pointermove", "pointerdown", "touchstart", "keydown", "scroll", "wheel"];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var held = [];
  var released = false;

  function isSitemap(url) {
    try {
      var address = new URL(String(url), location.href);
      return address.origin === location.origin && SITEMAP.test(address.pathname);
    } catch (error) {
      return false;
    }
  }

  function release() {
    released = true;
    TRIGGERS.forEach(function (type) { window.removeEventListener(type, release, true); });
    held.splice(0).forEach(function (request) {
      // only a request still waiting to be sent (open() again would have reset it)
      if (request.xhr.readyState === XMLHttpRequest.OPENED) send.apply(request.xhr, request.args);
    });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.__courseHeld = !released && isSitemap(url);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.__courseHeld || released) return send.apply(this, arguments);
    held.push({ xhr: this, args: arguments });
  };
  TRIGGERS.forEach(function (type) {
    window.addEventListener(type, release, { capture: true, passive: true });
  });
})();

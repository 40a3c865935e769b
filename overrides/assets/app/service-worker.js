/* The course's service worker (hooks/app.py writes it to sw.js at the site's root with this
   build's version and shell). Installing caches the shell: the files every page loads, which the
   first page has just fetched, so they come from the browser's HTTP cache. Every page and file the
   learner then opens is cached as it passes. Online, everything is fetched from the network
   first, so the course is as fresh as without this worker; offline, the cached copy answers. A
   new build installs a new worker at once, which fetches the pages of the old cache anew and then
   deletes it; pages already open keep running, and their next link is followed with a full page
   load (core/app.js). Protected pages are cached as the server sends them: encrypted. */
"use strict";
var BUILD = "__COURSE_BUILD__";
var SHELL = __COURSE_SHELL__;
var SCOPE = self.registration.scope;
var PREFIX = "course-site:" + new URL(SCOPE).pathname + ":";
var CACHE = PREFIX + BUILD;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(SHELL.map(function (path) { return new Request(new URL(path, SCOPE).href, { cache: "no-cache" }); }));
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    var old = names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; });
    return Promise.all(old.map(refresh)).then(function () {
      return Promise.all(old.map(function (name) { return caches.delete(name); }));
    });
  }).then(function () { return self.clients.claim(); }));
});

/* The pages of an older build's cache, fetched anew into this build's (kept as they were when
   the network fails), so what was available offline stays available. */
function refresh(name) {
  return Promise.all([caches.open(name), caches.open(CACHE)]).then(function (both) {
    return both[0].keys().then(function (requests) {
      return Promise.all(requests.map(function (request) {
        return both[1].match(request).then(function (have) {
          if (have) return null;
          return fetch(request, { cache: "no-cache" }).then(function (response) {
            if (!response.ok) throw new Error(response.status);
            return both[1].put(request, response);
          }).catch(function () {
            return both[0].match(request).then(function (kept) { return kept && both[1].put(request, kept); });
          });
        });
      }));
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || request.url.indexOf(SCOPE) !== 0) return;
  event.respondWith(fresh(request).then(function (response) {
    if (response.ok && response.type === "basic" && response.status === 200) {
      var copy = response.clone();
      event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(request, copy); }));
    }
    return response;
  }, function (error) {
    return caches.open(CACHE).then(function (cache) {
      return cache.match(request).then(function (hit) {
        // a page asked for as "page/" may be stored as "page/index.html" and the other way round
        return hit || (request.mode === "navigate" ? cache.match(new URL("index.html", request.url).href) : null);
      });
    }).then(function (hit) {
      if (hit) return hit;
      throw error;
    });
  }));
});

/* From the network, checked with the server as the site's own caching rules say (a server that
   sends no rules would let the browser reuse an old build's page); only Material's files with a
   content hash in their name may come from the browser's cache. */
function fresh(request) {
  if (/\.[0-9a-f]{8}\.min\.(js|css)$/.test(new URL(request.url).pathname)) return fetch(request);
  return fetch(request.url, { cache: "no-cache", credentials: "same-origin", redirect: request.mode === "navigate" ? "manual" : "follow" });
}

/* The first page was loaded before this worker ran: it sends its own address and the files it
   loaded, to be cached too (core/app.js). */
self.addEventListener("message", function (event) {
  var urls = (event.data && event.data.cache) || [];
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(urls.filter(function (url) { return typeof url === "string" && url.indexOf(SCOPE) === 0; })
      .map(function (url) { return cache.match(url).then(function (hit) { return hit || cache.add(url).catch(function () {}); }); }));
  }).then(function () { if (event.source) event.source.postMessage({ cached: BUILD }); }));
});

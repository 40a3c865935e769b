/* Search worker for one language. It runs Material's own search worker (lunr.js) with two changes:

   1. It loads this language's index (hooks/language_search.py writes one per language and tells us
      where in our address); the page itself only loads a stub without documents.
   2. Word forms find each other: words are indexed as written and as their stem (lunr.stemmer for
      English, lunr.nl from lunr-languages for Dutch), and each query word is searched as a prefix of
      written words (Material appends "*", so search-as-you-type keeps working) and as its stem.
      "wandelingen" then finds "wandeling", "experiments" finds "experimenting", "leerdoe" finds
      "leerdoelen". Plain lunr cannot do both: it does not stem wildcard terms (lunr #419).

   Lives next to Material's worker: on file://, Material finds its lunr languages from this
   script's address (".../workers/..."). */
(function () {
  "use strict";

  var SETUP = 0; // Material's SearchMessageType.SETUP

  /* ---- Pure helpers ---------------------------------------------------------------------- */

  /* Our parameters; on file:// iframe-worker appends "?<timestamp>" after them. */
  function parameters(address) {
    return new URLSearchParams(new URL(address).search.slice(1).split("?")[0]);
  }

  /* The word of a search-as-you-type clause ("word*" without + or -), else null. */
  function typedWord(clause, lunr) {
    if (clause.presence !== lunr.Query.presence.OPTIONAL) return null;
    var match = /^([^*]+)\*$/.exec(clause.term);
    return match ? match[1] : null;
  }

  /* Plain lowercase text of a title or section, for phrase matching. */
  function plain(html) {
    return " " + String(html || "").replace(/<[^>]*>/g, " ").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ") + " ";
  }

  /* Results whose title holds the query as a phrase come first, then those whose text does: with
     lunr alone "action learning" ranks "The learning organisation" above "Action learning". */
  function rankPhrases(results, query, documents) {
    var phrase = plain(query.replace(/[*+\-~^]/g, " ")).trim();
    if (!phrase) return results;
    phrase = " " + phrase + " ";
    var several = phrase.trim().indexOf(" ") > 0;
    results.forEach(function (result) {
      var doc = documents[result.ref];
      if (!doc) return;
      if (doc.title.indexOf(phrase) >= 0) result.score *= 4;
      else if (several && doc.text.indexOf(phrase) >= 0) result.score *= 2;
    });
    return results.sort(function (a, b) { return b.score - a.score; });
  }

  /* A word found as written and through its stem is one place in the text: keep one of its
     positions, or Material's highlighter marks it twice and breaks the markup ("water k>lily"). */
  function withoutRepeatedPositions(results) {
    results.forEach(function (result) {
      var seen = {};
      var metadata = result.matchData.metadata;
      Object.keys(metadata).forEach(function (term) {
        Object.keys(metadata[term]).forEach(function (field) {
          var data = metadata[term][field];
          if (!data.position) return;
          data.position = data.position.filter(function (position) {
            var key = field + " " + position;
            if (seen[key]) return false;
            seen[key] = true;
            return true;
          });
        });
      });
    });
    return results;
  }

  function sharedPrefix(a, b) {
    var length = 0;
    while (length < a.length && a[length] === b[length]) length++;
    return a.slice(0, length);
  }

  /* ---- Where we run: a real worker, or iframe-worker's iframe on file:// -------------------- */

  var inFrame = typeof document !== "undefined";
  var address = inFrame ? document.currentScript.src : self.location.href;
  var settings = parameters(address);
  var language = null; // of the loaded index (its config.lang)
  var documents = {}; // location -> plain title and text, for ranking phrases

  function load(url) {
    // iframe-worker's importScripts returns a promise; a real worker's runs at once.
    return Promise.resolve(importScripts(url));
  }

  function loadIndex() {
    var url = new URL(settings.get("index") + (inFrame ? ".js" : ".json"), address);
    if (inFrame) {
      // file:// pages cannot fetch: the index comes as a script that sets __index.
      return load(url.href).then(function () { return self.__index; });
    }
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error("Search index " + url + ": " + response.status);
      return response.json();
    });
  }

  /* ---- Changes to lunr, applied once Material's worker has loaded it ----------------------- */

  /* The language's stemmer from lunr-languages (lunr.nl, lunr.de, ...), which exists only once
     Material's setup has loaded it; lunr's own stemmer for English, which lunr-languages lacks. */
  function stemmer(lunr) {
    return lunr[language] ? lunr[language].stemmer : lunr.stemmer;
  }

  function stem(lunr, word) {
    return stemmer(lunr)(new lunr.Token(word, {})).toString();
  }

  function patchLunr(lunr) {
    var parse = lunr.QueryParser.prototype.parse;
    var add = lunr.Builder.prototype.add;

    // Index each word as written and as its stem (stem only when it differs).
    function wordAndStem(token) {
      var stemmed = stemmer(lunr)(token.clone());
      return stemmed.toString() === token.toString() ? token : [token, stemmed];
    }
    lunr.Pipeline.registerFunction(wordAndStem, "courseWordAndStem");
    lunr.Builder.prototype.add = function (doc, attributes) {
      if (!this.courseWordForms) {
        this.pipeline.after(stemmer(lunr), wordAndStem);
        this.pipeline.remove(stemmer(lunr));
        this.courseWordForms = true;
      }
      return add.call(this, doc, attributes);
    };

    // Search each typed word as a prefix (as Material does) and, in a second clause, as its stem.
    lunr.Index.prototype.search = function (text) {
      return rankPhrases(withoutRepeatedPositions(this.query(function (query) {
        parse.call(new lunr.QueryParser(text, query));
        query.clauses.slice().forEach(function (clause) {
          var word = typedWord(clause, lunr);
          if (word === null) return;
          query.clause({
            term: word, fields: clause.fields, boost: clause.boost, presence: clause.presence,
            usePipeline: true, wildcard: lunr.Query.wildcard.NONE
          });
        });
      })), text, documents);
    };

    // Material parses the query again to list the words a result lacks. Shorten each word to the
    // part it shares with its stem, so a result found through the stem is not shown as missing it.
    lunr.QueryParser.prototype.parse = function () {
      var query = parse.call(this);
      query.clauses.forEach(function (clause) {
        var word = typedWord(clause, lunr);
        if (word !== null) clause.term = (sharedPrefix(word, stem(lunr, word)) || word) + "*";
      });
      return query;
    };
  }

  /* ---- Run Material's worker, handing it this language's index ---------------------------- */

  /* Over http the page sets search up at once, but most readers never search: we answer "ready"
     straight away and load Material's worker, lunr and the index (about 110 KB) only when the first
     query arrives. On file:// Material itself sets search up only when the search box opens. */
  var READY = 1; // Material's SearchMessageType.READY
  var RESULT = 3; // Material's SearchMessageType.RESULT
  var lazy = !inFrame;
  var listeners = [];
  var addEventListener = self.addEventListener;
  var post = self.postMessage;
  var pendingSetup = null;
  var readyAgain = null; // resolves when Material's worker reports "ready" after a late setup
  var booted = null;

  function boot() {
    if (!booted) {
      self.addEventListener = function (type, listener, options) {
        if (type === "message") listeners.push(listener);
        else addEventListener.call(self, type, listener, options);
      };
      if (lazy) {
        // Material's worker answers its setup with "ready"; the page already had ours.
        self.postMessage = function (message) {
          if (readyAgain && message && message.type === READY) { readyAgain(); readyAgain = null; return; }
          post.apply(self, arguments);
        };
      }
      booted = load(new URL(settings.get("worker"), address).href).then(function () {
        self.addEventListener = addEventListener;
        patchLunr(self.lunr);
      });
    }
    return booted;
  }

  function deliver(message) {
    listeners.forEach(function (listener) { listener.call(self, { data: message }); });
  }

  function setUp(message) {
    return loadIndex().then(function (index) {
      language = index.config.lang[0];
      documents = {};
      index.docs.forEach(function (doc) { documents[doc.location] = { title: plain(doc.title), text: plain(doc.text) }; });
      message.data.config = index.config;
      message.data.docs = index.docs;
      deliver(message);
    });
  }

  var queue = Promise.resolve();
  addEventListener.call(self, "message", function (event) {
    var message = event.data;
    if (lazy && message.type === SETUP) {
      pendingSetup = message;
      post.call(self, { type: READY });
      return;
    }
    // Material asks for the empty query when search starts: answer it without loading anything.
    if (pendingSetup && typeof message.data === "string" && !message.data.trim()) {
      post.call(self, { type: RESULT, data: { items: [] } });
      return;
    }
    queue = queue.then(boot).then(function () {
      if (message.type === SETUP) return setUp(message);
      if (pendingSetup) {
        var setup = pendingSetup;
        pendingSetup = null;
        // Material's worker sets up asynchronously: hand it the query only once it is ready.
        return new Promise(function (resolve, reject) {
          readyAgain = resolve;
          setUp(setup).catch(reject);
        }).then(function () { deliver(message); });
      }
      deliver(message);
    }).catch(function (error) {
      // Without its index search stays unavailable, as in Material; later messages still run.
      console.warn(error);
    });
  });
})();

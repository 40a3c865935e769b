// provides: HandoffLink
/* "Continue on another device": the learner's export file, compressed, in a link's fragment (the
   part after "#", which browsers never send to a server). Writing and reading the fragment and the
   compression; what the file holds is checked by ImportFile.parseExport like any imported file.
   No DOM and no storage. */
(function () {
  "use strict";
  var PREFIX = "#continue=1.";
  var MAX_LINK = 60000;    // characters: longer links break in mail and chat apps; the file is offered instead
  var MAX_QR = 2953;       // bytes a QR code holds at its largest size (version 40, low error correction)
  var ALPHABET = /^[A-Za-z0-9_-]*$/;

  function toBase64Url(bytes) {
    var binary = "";
    for (var i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  /* The bytes of a base64url text, or null when it is not one. */
  function fromBase64Url(textValue) {
    if (!ALPHABET.test(textValue) || textValue.length % 4 === 1) return null;
    var binary;
    try { binary = atob(textValue.replace(/-/g, "+").replace(/_/g, "/")); } catch (error) { return null; }
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function streamed(bytes, transform, limit) {
    var reader = new Blob([bytes]).stream().pipeThrough(transform).getReader();
    var chunks = [], size = 0;
    function next() {
      return reader.read().then(function (step) {
        if (step.done) return joined(chunks, size);
        size += step.value.length;
        // a small link may inflate to gigabytes (a "zip bomb"): stop at the import limit
        if (size > limit) { reader.cancel(); return null; }
        chunks.push(step.value);
        return next();
      });
    }
    return next();
  }

  function joined(chunks, size) {
    var all = new Uint8Array(size), at = 0;
    chunks.forEach(function (chunk) { all.set(chunk, at); at += chunk.length; });
    return all;
  }

  /* Promise of the fragment ("#continue=1.<data>") that holds `text` compressed. */
  function toFragment(textValue) {
    return streamed(new TextEncoder().encode(textValue), new CompressionStream("deflate-raw"), Infinity)
      .then(function (bytes) { return PREFIX + toBase64Url(bytes); });
  }

  function isHandoff(hash) { return typeof hash === "string" && hash.indexOf(PREFIX) === 0; }

  /* Promise of {ok, text} from a fragment, or {ok: false, problem} as ExportFile reports them:
     "link-broken" when it is cut short, altered or no course link, "too-large" past `maxText`. */
  function fromFragment(hash, maxText) {
    var broken = { ok: false, problem: { path: "", code: "link-broken" } };
    if (!isHandoff(hash) || hash.length > MAX_LINK) return Promise.resolve(broken);
    var bytes = fromBase64Url(hash.slice(PREFIX.length));
    if (!bytes || !bytes.length) return Promise.resolve(broken);
    return streamed(bytes, new DecompressionStream("deflate-raw"), maxText).then(function (inflated) {
      if (inflated === null) return { ok: false, problem: { path: "", code: "too-large" } };
      return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(inflated) };
    }).catch(function () { return broken; });
  }

  window.HandoffLink = {
    PREFIX: PREFIX, MAX_LINK: MAX_LINK, MAX_QR: MAX_QR,
    toFragment: toFragment, fromFragment: fromFragment, isHandoff: isHandoff
  };
})();

// provides: ProtectedPage
// needs: CourseModules
/* Protected pages: the build encrypted the page (AES-GCM, key from the password by PBKDF2-SHA256,
   hooks/course/protect.py); here the reader's password decrypts it with WebCrypto. The key stays in
   memory only, so other protected pages open without asking again until the page is reloaded.
   Wording comes from the page's data attributes. */
(function () {
  "use strict";
  var remembered = null; // {salt, key}

  /* --- pure functions ------------------------------------------------------------------------ */

  function fromBase64(text) {
    var binary = atob(text);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function deriveKey(password, salt, iterations) {
    var secret = new TextEncoder().encode(password.normalize("NFC"));
    return crypto.subtle.importKey("raw", secret, "PBKDF2", false, ["deriveKey"]).then(function (base) {
      return crypto.subtle.deriveKey({ name: "PBKDF2", salt: salt, iterations: iterations, hash: "SHA-256" },
        base, { name: "AES-GCM", length: 256 }, false, ["decrypt"]);
    });
  }

  /* Resolves with the page's HTML; rejects when the key is wrong (the GCM tag does not match). */
  function decrypt(key, sealed) {
    return crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64(sealed.iv) }, key, fromBase64(sealed.ciphertext))
      .then(function (plain) { return new TextDecoder().decode(plain); });
  }

  /* --- page ------------------------------------------------------------------------------------ */

  function reveal(box, html) {
    var holder = document.createElement("div");
    holder.innerHTML = html; // the build's own rendering of this page
    box.replaceWith.apply(box, Array.from(holder.childNodes));
  }

  function setup() {
    var box = document.querySelector("[data-course-protected]");
    if (!box) return;
    var sealed = box.dataset;
    var status = box.querySelector(".course-protected__status");
    if (!(window.crypto && crypto.subtle && window.TextEncoder)) {
      status.textContent = sealed.noCrypto; // WebCrypto needs https (or localhost, or a file)
      return;
    }
    var form = box.querySelector("form");
    var input = form.querySelector("input[type=password]");
    form.hidden = false;
    if (remembered && remembered.salt === sealed.salt) {
      decrypt(remembered.key, sealed).then(function (html) { reveal(box, html); }, function () {});
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      status.textContent = sealed.busy;
      var key;
      deriveKey(input.value, fromBase64(sealed.salt), Number(sealed.iterations))
        .then(function (derived) { key = derived; return decrypt(key, sealed); })
        .then(function (html) {
          remembered = { salt: sealed.salt, key: key };
          reveal(box, html);
        }, function () {
          status.textContent = sealed.wrong;
          input.select();
        });
    });
  }

  window.CourseModules.start("ProtectedPage", setup);
})();

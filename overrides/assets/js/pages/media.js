// provides: MediaPage
// needs: CourseModules
/* Clips on another platform (hooks/media.py): the placeholder loads nothing; only when the learner
   presses its button does the platform's player replace it, in a frame. Pure DOM, no storage. */
(function () {
  "use strict";

  function load(placeholder) {
    var frame = document.createElement("iframe");
    frame.src = placeholder.getAttribute("data-media-embed");
    frame.title = placeholder.getAttribute("data-media-title");
    frame.className = "course-media__frame";
    frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture");
    frame.setAttribute("allowfullscreen", "");
    frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    placeholder.replaceWith(frame);
    frame.focus();
  }

  function init() {
    document.querySelectorAll("[data-media-embed] [data-media-load]").forEach(function (button) {
      button.addEventListener("click", function () { load(button.closest("[data-media-embed]")); });
    });
  }

  window.CourseModules.start("MediaPage", init);
})();

// provides: CourseOnDemand
// needs: CourseModules, CourseUI
/* A control whose page controller the page fetches only when the control is first used
   (data-course-load="data-transfer", hooks/assets.py): its first click waits for the controller,
   which starts on the page as every controller does, and then reaches it. When the controller
   cannot be fetched (offline and never kept), the control's status line says so. */
(function () {
  "use strict";
  var ran = {};      // controller -> true once its bundle ran
  var waiting = {};  // controller -> true while it is being fetched

  /* The status line nearest the control: the first [role=status] of its closest container with one. */
  function statusOf(control) {
    for (var node = control.parentElement; node; node = node.parentElement) {
      var status = node.querySelector("[role=status]");
      if (status) return status;
    }
    return null;
  }

  // In the capture phase, so the click waits before it reaches the page's own handlers.
  document.addEventListener("click", function (event) {
    var control = event.target.closest && event.target.closest("[data-course-load]");
    var name = control && control.getAttribute("data-course-load");
    if (!name || ran[name]) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (waiting[name]) return;
    waiting[name] = true;
    window.CourseModules.need("pages/" + name).then(function () {
      ran[name] = true;
      control.click();
    }, function (error) {
      console.error(error);
      var status = statusOf(control);
      if (status) status.textContent = window.CourseUI.strings().load_failed;
    }).then(function () { waiting[name] = false; });
  }, true);
})();

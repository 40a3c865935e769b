// provides: DeviceHandoffPage
// needs: CourseLearner, CourseUI, CourseModules, ExportFile, HandoffLink, QrCode
/* "Continue on another device" on the your-data page: a link to this page whose fragment holds the
   export file of everything stored, compressed, and its QR code, drawn here. Opening the link
   imports through the file import's checks and review (data-transfer.js). */
(function () {
  "use strict";
  var Learner = window.CourseLearner;
  var Link = window.HandoffLink;
  var format = window.CourseUI.format;

  function say(root, text) {
    var node = root.querySelector("[data-handoff-message]");
    node.textContent = text;
  }

  function make(root) {
    var t = Learner.t();
    var file = window.ExportFile.serialise(Learner.snapshot(), new Date().toISOString());
    var result = root.querySelector("[data-handoff-result]");
    result.hidden = true;
    say(root, "");
    Link.toFragment(JSON.stringify(file)).then(function (fragment) {
      var link = location.href.split("#")[0] + fragment;
      if (link.length > Link.MAX_LINK) { say(root, t.handoff_too_large); return; }
      root.querySelector("[data-handoff-link]").value = link;
      root.querySelector("[data-handoff-size]").textContent = format(t.handoff_size, { count: link.length });
      var canvas = root.querySelector("[data-handoff-qr]");
      canvas.hidden = !draw(canvas, link);
      root.querySelector("[data-handoff-no-qr]").hidden = !canvas.hidden;
      result.hidden = false;
    });
  }

  /* The QR code of `link` on `canvas`; false when the link is too long for one. */
  function draw(canvas, link) {
    if (new TextEncoder().encode(link).length > Link.MAX_QR) return false;
    try {
      window.QrCode.generate(link, { minCorrectionLevel: window.QrCode.correction.L }).toCanvas(canvas, { on: [0, 0, 0], off: [255, 255, 255] });
      return true;
    } catch (error) {
      return false;
    }
  }

  function copy(root) {
    var t = Learner.t();
    var field = root.querySelector("[data-handoff-link]");
    field.select();
    var done = navigator.clipboard ? navigator.clipboard.writeText(field.value) : Promise.reject(new Error("no clipboard"));
    done.then(function () { say(root, t.handoff_copied); }, function () { say(root, t.handoff_copy_failed); });
  }

  function init() {
    var root = document.querySelector("[data-course-handoff]");
    if (!root) return;
    root.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (button && button.hasAttribute("data-handoff-make")) make(root);
      if (button && button.hasAttribute("data-handoff-copy")) copy(root);
    });
  }

  window.CourseModules.start("DeviceHandoffPage", init);
})();

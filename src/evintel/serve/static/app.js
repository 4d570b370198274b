/* Page behaviour shared by every page: bring each highlighted evidence sentence into view in its box. */
(function () {
  "use strict";
  function boot() {
    var boxes = document.querySelectorAll(".article-text");
    Array.prototype.forEach.call(boxes, function (box) {
      var mark = box.querySelector("mark.focus") || box.querySelector("mark.evidence");
      if (!mark || box.classList.contains("full")) return;
      // Scroll only the text box, not the page, so the reader keeps their place.
      box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();

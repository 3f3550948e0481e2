// Optional: links a highlighted quote and its line in « Qui a dit quoi » both ways.
// The pages work without it.
(function () {
  function pair(mark) { return document.getElementById(mark.getAttribute("aria-describedby")); }
  function toggle(mark, on) {
    var line = pair(mark);
    mark.classList.toggle("active", on);
    if (line) { line.classList.toggle("active", on); }
  }
  document.querySelectorAll("mark[data-n]").forEach(function (mark) {
    ["focus", "mouseenter"].forEach(function (ev) { mark.addEventListener(ev, function () { toggle(mark, true); }); });
    ["blur", "mouseleave"].forEach(function (ev) { mark.addEventListener(ev, function () { toggle(mark, false); }); });
    mark.addEventListener("click", function () {
      var line = pair(mark);
      if (line) { line.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
    });
  });
})();

// Filter box of the directory of municipal offices: typing hides the rows that do not match.
// The project's own code, no dependencies; without JavaScript the box stays hidden and the
// whole table shows. Matching ignores case and accents, so "decan" finds "Deçan".
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function setUp(directory) {
    var input = directory.querySelector("[data-crch-directory-filter]");
    var empty = directory.querySelector("[data-crch-directory-empty]");
    var box = directory.querySelector(".crch-directory-filter");
    var rows = Array.prototype.slice.call(directory.querySelectorAll("tbody tr"));
    if (!input || !box) return;
    box.hidden = false;
    input.addEventListener("input", function () {
      var wanted = fold(input.value);
      var shown = 0;
      rows.forEach(function (row) {
        var match = fold(row.textContent).indexOf(wanted) !== -1;
        row.hidden = !match;
        if (match) shown += 1;
      });
      if (empty) empty.hidden = shown > 0;
    });
  }

  document.querySelectorAll("[data-crch-directory]").forEach(setUp);
})();

// Filter box of the directory of municipal offices: typing hides the rows that do not match.
// It folds text exactly as search does (the same rules, from assets/search/folding.json, and the
// same code, assets/search/text.js, loaded only on a page with a directory), so "decan" finds
// "Deçan", "djakovica" and "Ђаковица" find "Đakovica", "Пећ" finds "Peć". Without JavaScript
// the box stays hidden and the whole table shows.
(function () {
  "use strict";

  const directories = document.querySelectorAll("[data-crch-directory]");
  const script = document.currentScript;
  if (!directories.length || !script) return;

  function setUp(directory, fold) {
    const input = directory.querySelector("[data-crch-directory-filter]");
    const empty = directory.querySelector("[data-crch-directory-empty]");
    const box = directory.querySelector(".crch-directory-filter");
    if (!input || !box) return;
    const rows = Array.from(directory.querySelectorAll("tbody tr"), row =>  // cells apart: no match across two
      ({ row, text: Array.from(row.cells, cell => fold(cell.textContent).replace(/\s+/g, " ")).join("\n") }));
    box.hidden = false;
    input.addEventListener("input", () => {
      const wanted = fold(input.value).replace(/\s+/g, " ").trim();
      let shown = 0;
      rows.forEach(({ row, text }) => {
        row.hidden = !text.includes(wanted);
        if (!row.hidden) shown += 1;
      });
      if (empty) empty.hidden = shown > 0;
    });
  }

  const folding = document.createElement("script");
  folding.src = new URL("../search/text.js", script.src).href;
  folding.onload = () => directories.forEach(directory => setUp(directory, window.crchSearch.text.fold));
  document.head.appendChild(folding);
})();

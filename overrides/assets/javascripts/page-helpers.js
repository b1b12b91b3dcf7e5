// Small helps for readers on every page, the project's own code without dependencies.
(function () {
  "use strict";

  // Printed pages say where each link leads. Before printing, every link of the page's text to
  // another page of this site gets its full address in data-crch-print-address, which the print
  // stylesheet shows after the link (links to other sites show their href without this script).
  // Not from disk (file://): an address on the reader's own drive helps no one on paper.
  function markLinks() {
    if (location.protocol === "file:") return;
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (/^(#|[a-z][a-z0-9+.-]*:)/i.test(href) || link.matches(".headerlink, .footnote-ref, .footnote-backref")) return;
      link.setAttribute("data-crch-print-address", link.href);
    });
  }
  window.addEventListener("beforeprint", markLinks);

  // A printed act panel lists all its sources: the folded list (scripts/render/act_panel.py) opens.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.crch-act-sources").forEach(function (list) { list.open = true; });
  });

  // On a phone the search box opens from its checkbox (Tab, then Space: see clearing-house.css);
  // the typing then goes to the search box, as after a tap on the search button.
  var searchToggle = document.getElementById("__search");
  var searchInput = document.querySelector("input.md-search__input");
  if (searchToggle && searchInput) {
    searchToggle.addEventListener("change", function () {
      if (searchToggle.checked && document.activeElement === searchToggle) searchInput.focus();
    });
  }
})();

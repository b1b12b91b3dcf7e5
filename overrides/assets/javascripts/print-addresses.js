// Printed pages say where each link leads. Before printing, every link of the page's text to
// another page of this site gets its full address in data-crch-print-address, which the print
// stylesheet shows after the link (links to other sites show their href without this script).
// Not from disk (file://): an address on the reader's own drive helps no one on paper.
(function () {
  "use strict";

  function markLinks() {
    if (location.protocol === "file:") return;
    document.querySelectorAll(".md-content a[href]").forEach(function (link) {
      var href = link.getAttribute("href");
      if (/^(#|[a-z][a-z0-9+.-]*:)/i.test(href) || link.matches(".headerlink, .footnote-ref, .footnote-backref")) return;
      link.setAttribute("data-crch-print-address", link.href);
    });
  }

  window.addEventListener("beforeprint", markLinks);
})();

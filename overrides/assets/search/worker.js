/*
 * The search worker Material starts (its page configuration names this file, see
 * scripts/search_worker.py): it answers Material's messages from the prebuilt index of the
 * language given as `?lang=`, loaded from index.<lang>.js next to this file.
 */
importScripts("lunr.js", "folding.js", "engine.js");

(function () {
  "use strict";

  var language = new URL(self.location.href).searchParams.get("lang");
  if (!/^[a-z]{2,3}(?:-[a-z]{4})?$/.test(language || ""))  // a language, or an edition: sr-cyrl
    throw new Error("search worker: no valid ?lang= in " + self.location.href);

  // The index file is a script (`self.crchSearchIndex=<JSON>;`) so that a page opened from disk can
  // load it with <script>; here it is fetched and its JSON parsed, which is several times faster.
  var handle = self.crchSearch.createMessageHandler(
    function () {
      return fetch("index." + language + ".js").then(function (response) {
        if (!response.ok) throw new Error("index." + language + ".js: HTTP " + response.status);
        return response.text();
      }).then(function (script) {
        return JSON.parse(script.slice(script.indexOf("=") + 1, script.lastIndexOf(";")));
      });
    },
    function (message) { self.postMessage(message); }
  );
  self.addEventListener("message", function (event) { handle(event.data); });
})();

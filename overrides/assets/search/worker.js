/*
 * The search worker Material starts (its page configuration names this file, see
 * scripts/search_worker.py): it answers Material's messages from the prebuilt index of the
 * language given as `?lang=`, loaded from index.<lang>.js next to this file.
 */
importScripts("lunr.js", "folding.js", "engine.js");

(function () {
  "use strict";

  var language = new URL(self.location.href).searchParams.get("lang");
  if (!/^[a-z]{2,3}$/.test(language || ""))
    throw new Error("search worker: no valid ?lang= in " + self.location.href);

  var handle = self.crchSearch.createMessageHandler(
    function () {
      importScripts("index." + language + ".js");
      return self.crchSearchIndex;
    },
    function (message) { self.postMessage(message); }
  );
  self.addEventListener("message", function (event) { handle(event.data); });
})();

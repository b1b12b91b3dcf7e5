/*
 * The search worker Material starts (its page configuration names this file, see
 * scripts/search_worker.py; loader.js starts it only when the reader opens the search): it
 * answers Material's messages from the prebuilt index of the language given as `?lang=`.
 * search.js is lunr.js and this folder's engine, minified into one file at build time.
 */
importScripts("search.js");

(function () {
  "use strict";

  const language = new URL(self.location.href).searchParams.get("lang");
  if (!/^[a-z]{2,3}$/.test(language || ""))
    throw new Error(`search worker: no valid ?lang= in ${self.location.href}`);

  // The index file is a script (`self.crchSearchIndex=<JSON>;`) so that a page opened from disk can
  // load it with <script>; here it is fetched and its JSON parsed, which is several times faster.
  async function loadPayload() {
    const response = await fetch(`index.${language}.js`);
    if (!response.ok) throw new Error(`index.${language}.js: HTTP ${response.status}`);
    const script = await response.text();
    return JSON.parse(script.slice(script.indexOf("=") + 1, script.lastIndexOf(";")));
  }

  const handle = self.crchSearch.messages.createMessageHandler(loadPayload, message => self.postMessage(message));
  self.addEventListener("message", event => handle(event.data));
})();

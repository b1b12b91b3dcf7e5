/*
 * The search worker Material starts (its page configuration names this file, see
 * scripts/mkdocs_adapter/search_worker.py; loader.js starts it only when the reader opens the search): it
 * answers Material's messages from the prebuilt index of the language given as `?lang=`.
 * search.js is lunr.js and this folder's engine, minified into one file at build time.
 */
(function () {
  "use strict";

  const language = new URL(self.location.href).searchParams.get("lang");
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(language || ""))
    throw new Error(`search worker: no valid ?lang= in ${self.location.href}`);

  // The index file is a script (`self.crchSearchIndex=<JSON>;`) so that a page opened from disk can
  // load it with <script>; here it is fetched and its JSON parsed, which is several times faster.
  // Its download starts at once, while search.js loads.
  const script = fetch(`index.${language}.js`).then(response => {
    if (!response.ok) throw new Error(`index.${language}.js: HTTP ${response.status}`);
    return response.text();
  });
  script.catch(() => {});  // reported when the index is needed (SETUP)
  const loadPayload = () => script.then(text => JSON.parse(text.slice(text.indexOf("=") + 1, text.lastIndexOf(";"))));

  importScripts("search.js");
  const handle = self.crchSearch.messages.createMessageHandler(loadPayload, message => self.postMessage(message));
  self.addEventListener("message", event => handle(event.data));
})();

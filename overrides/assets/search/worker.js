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

  // The index file and its shards are scripts (`self.crchSearchIndex=<JSON>;`,
  // `self.crchSearchShards["texts.sr.3.js"]=<JSON>;`) so that a page opened from disk can load
  // them with <script>; here they are fetched and their JSON parsed, which is several times
  // faster. The index's download starts at once, while search.js loads; a shard's when a query
  // needs it (messages.js).
  const fetchJson = name => fetch(name).then(response => {
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return response.text();
  }).then(text => JSON.parse(text.slice(text.indexOf("=") + 1, text.lastIndexOf(";"))));
  const payload = fetchJson(`index.${language}.js`);
  payload.catch(() => {});  // reported when the index is needed (SETUP)

  importScripts("search.js");
  const handle = self.crchSearch.messages.createMessageHandler(
    () => payload, fetchJson, message => self.postMessage(message));
  self.addEventListener("message", event => handle(event.data));
})();

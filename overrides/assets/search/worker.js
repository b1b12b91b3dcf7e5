/*
 * The search worker Material starts (its page configuration names this file, see
 * scripts/mkdocs_adapter/search_worker.py; loader.js starts it only when the reader opens the search): it
 * answers Material's messages from the prebuilt index of the language given as `?lang=`.
 * The site's worker.js is lunr.js, this folder's engine and then this file, minified into one
 * at build time (scripts/search/browser_files.py): the engine is here before this runs.
 */
(function () {
  "use strict";

  const language = new URL(self.location.href).searchParams.get("lang");
  if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(language || ""))
    throw new Error(`search worker: no valid ?lang= in ${self.location.href}`);

  // The index file and its shards are scripts (`self.crchSearchIndex=<JSON>;`,
  // `self.crchSearchShards["texts.sr.3.js"]=<JSON>;`) so that a page opened from disk can load
  // them with <script>; here their JSON is parsed, which is several times faster. The page
  // (loader.js) fetches the index while this file loads, and hands it over: its
  // first message says so ({crchIndex: "coming"}), a later one brings the file's bytes (or null:
  // then, as when no page said so, it is fetched here). A shard is fetched when a query needs it
  // (messages.js).
  const INDEX_MESSAGE = "crchIndex";
  const parse = text => JSON.parse(text.slice(text.indexOf("=") + 1, text.lastIndexOf(";")));
  const fetchJson = name => fetch(name).then(response => {
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return response.text();
  }).then(parse);
  const indexFile = `index.${language}.js`;
  let handOver = null, payload = null;
  const handedOver = new Promise(resolve => { handOver = resolve; });

  const handle = self.crchSearch.messages.createMessageHandler(
    () => payload, fetchJson, message => self.postMessage(message));
  self.addEventListener("message", event => {
    const data = event.data;
    if (data && typeof data === "object" && INDEX_MESSAGE in data) {
      if (data[INDEX_MESSAGE] === "coming")
        payload = payload || handedOver.then(bytes => bytes ? parse(new TextDecoder().decode(bytes)) : fetchJson(indexFile));
      else handOver(data[INDEX_MESSAGE]);
      return;
    }
    payload = payload || fetchJson(indexFile);
    handle(data);
  });
})();

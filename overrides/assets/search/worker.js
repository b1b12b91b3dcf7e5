/*
 * The search worker Material starts (its page configuration names this file, see
 * scripts/mkdocs_adapter/search_worker.py; loader.js starts it only when the reader opens the search): it
 * answers Material's messages from the prebuilt index of the language given as `?lang=`.
 * The site's worker.js is this folder's engine and then this file, minified into one
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
  // (loader.js) fetches the index file and the first terms of the term shards while this file
  // loads, and hands them over: its first message names them ({crchFiles: [names]}), a later
  // one brings each file's bytes ({crchFile: name, bytes}: null if the page could not have it,
  // then it is fetched here, as is a file no page named). A shard is fetched when a query needs
  // it (messages.js).
  const FILES_MESSAGE = "crchFiles", FILE_MESSAGE = "crchFile";
  const parse = text => JSON.parse(text.slice(text.indexOf("=") + 1, text.lastIndexOf(";")));
  const fetchText = name => fetch(name).then(response => {
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return response.text();
  });
  const fetchJson = name => fetchText(name).then(parse);
  const handedOver = new Map();  // file name -> {bytes: promise of its bytes (or null), arrived: its resolve}
  const handedOrFetched = name => {
    const coming = handedOver.get(name);
    if (!coming) return fetchJson(name);
    return coming.bytes.then(bytes => bytes ? parse(new TextDecoder().decode(bytes)) : fetchJson(name));
  };

  const handle = self.crchSearch.messages.createMessageHandler(
    () => handedOrFetched(`index.${language}.js`), fetchJson, message => self.postMessage(message),
    () => handedOrFetched(`terms.${language}.js`));
  self.addEventListener("message", event => {
    const data = event.data;
    if (data && typeof data === "object" && FILES_MESSAGE in data) {
      for (const name of data[FILES_MESSAGE]) {
        let arrived = null;
        handedOver.set(name, { bytes: new Promise(resolve => { arrived = resolve; }), arrived });
      }
    } else if (data && typeof data === "object" && FILE_MESSAGE in data) {
      const coming = handedOver.get(data[FILE_MESSAGE]);
      if (coming) coming.arrived(data.bytes);
    } else {
      handle(data);
    }
  });
})();

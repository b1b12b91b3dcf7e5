/*
 * Search, loaded when the reader wants it. This small script runs on every page before
 * Material's bundle and stands in for the search worker Material creates at once
 * (assets/search/worker.js): the real worker, with the engine and the language's index,
 * starts only when the reader opens or focuses the search box. Until then Material's messages
 * wait here.
 *
 * When the worker starts, this page fetches the language's index at the same time, and the first
 * terms of its term shards, and hands them over (handOverIndex): the worker would ask for them
 * only once its own file had arrived, one round trip later on a slow connection.
 *
 * Opened from disk (file://), where Chromium refuses `new Worker("file://…")`, the stand-in runs
 * the worker's scripts in the page instead (<script> tags: search.js, index.<lang>.js, and the
 * shards a query needs) and answers the same messages asynchronously, like a worker.
 * Nothing is requested from another host.
 *
 * It also makes Material read the box on every change (Material reads it on keyup only, so a
 * pasted query, a dropped one or one picked from the keyboard's suggestions did nothing).
 */
(function () {
  "use strict";

  const NativeWorker = window.Worker;
  const SEARCH_WORKER = /\/assets\/search\/worker\.js$/;
  const SEARCH_BOX = "input[data-md-component=search-query]";
  const SEARCH_OPENERS = `${SEARCH_BOX}, label[for=__search], #__search`;
  const FILES_MESSAGE = "crchFiles", FILE_MESSAGE = "crchFile";  // worker.js: {crchFiles: [names]}, then {crchFile: name, bytes}

  function loadScript(url) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`cannot load ${url}`));
      document.head.appendChild(script);
    });
  }

  /* Calls `start` once, when the reader first opens or focuses the search (or has already). If
     Material's search box is not where this looks for it (a theme upgrade), at once: search then
     still works, only not lazily (tests/browser/test_search_cases.py notices). */
  function whenSearchWanted(start) {
    if (!document.querySelector(SEARCH_BOX)) {
      start();
      return;
    }
    const events = ["focusin", "pointerdown", "touchstart", "change"];
    function listener(event) {
      if (!(event.target instanceof Element) || !event.target.closest(SEARCH_OPENERS)) return;
      if (event.type === "change" && !event.target.checked) return;
      events.forEach(type => document.removeEventListener(type, listener, true));
      start();
    }
    events.forEach(type => document.addEventListener(type, listener, { capture: true, passive: true }));
    const active = document.activeElement;
    if (active && active.matches(SEARCH_BOX)) listener({ target: active, type: "focusin" });
  }

  /* Material's messages answered in the page, by the scripts the worker would load. A shard
     sets its entry of `crchSearchShards` (by its file name), taken from there once it has run. */
  function inPageWorker(url, deliver) {
    const base = new URL(url, location.href), language = base.searchParams.get("lang");
    window.crchSearchShards = window.crchSearchShards || {};
    const loadShard = file => loadScript(new URL(file, base)).then(() => {
      const value = window.crchSearchShards[file];
      delete window.crchSearchShards[file];
      return value;
    });
    const handler = loadScript(new URL("search.js", base)).then(() =>
      window.crchSearch.messages.createMessageHandler(
        () => loadScript(new URL(`index.${language}.js`, base)).then(() => window.crchSearchIndex),
        loadShard,
        message => setTimeout(() => deliver(structuredClone(message)))));
    return message => {
      const copy = structuredClone(message);
      handler.then(handle => handle(copy), error => console.error(`search: ${error.message}`));
    };
  }

  /* The index file of the worker's language (`?lang=`) and the first terms of its term shards,
     fetched here and transferred to the worker (not copied); null for one that cannot be had
     (the worker then asks for it itself). */
  function handOverIndex(worker, url) {
    const base = new URL(url, location.href), language = base.searchParams.get("lang");
    const names = [`index.${language}.js`, `terms.${language}.js`];
    worker.postMessage({ [FILES_MESSAGE]: names });
    for (const name of names)
      fetch(new URL(name, base))
        .then(response => response.ok ? response.arrayBuffer() : null, () => null)
        .then(bytes => worker.postMessage({ [FILE_MESSAGE]: name, bytes }, bytes ? [bytes] : []));
  }

  /* Material draws the result list afresh for every answer, and a query gets two (at once, then
     with its excerpts: messages.js), so a keyboard reader who has moved into the list with the
     arrow keys would lose the place. The result that had the focus gets it back once redrawn
     (for up to about a second; nothing is done if the reader has gone elsewhere). */
  const RESULT_LINK = ".md-search-result__item a[href]";
  let lastResult = null;
  document.addEventListener("focusin", event => {
    lastResult = event.target instanceof Element && event.target.matches(RESULT_LINK) ? event.target : null;
  }, true);

  function keepFocusOnResult(frames = 60) {
    requestAnimationFrame(() => {
      if (!lastResult) return;
      if (lastResult.isConnected) {
        if (frames > 1) keepFocusOnResult(frames - 1);  // not drawn again yet
        return;
      }
      if (document.activeElement && document.activeElement !== document.body) return;
      const link = [...document.querySelectorAll(RESULT_LINK)]
        .find(a => a.getAttribute("href") === lastResult.getAttribute("href"));
      if (link) link.focus({ preventScroll: true });
      else if (frames > 1) keepFocusOnResult(frames - 1);
    });
  }

  class LazySearchWorker extends EventTarget {
    constructor(url, options) {
      super();
      this.url = url;
      this.options = options;
      this.waiting = [];
      this.send = null;
      whenSearchWanted(() => this.start());
    }

    start() {
      const deliver = data => {
        this.dispatchEvent(new MessageEvent("message", { data }));
        keepFocusOnResult();
      };
      if (location.protocol === "file:") {
        this.send = inPageWorker(this.url, deliver);
      } else {
        const worker = new NativeWorker(this.url, this.options);
        worker.addEventListener("message", event => deliver(event.data));
        handOverIndex(worker, this.url);
        this.send = message => worker.postMessage(message);
      }
      this.waiting.splice(0).forEach(message => this.send(message));
    }

    postMessage(message) {
      if (this.send) this.send(message);
      else this.waiting.push(structuredClone(message));
    }

    terminate() {}
  }

  window.Worker = function Worker(url, options) {
    return SEARCH_WORKER.test(new URL(url, location.href).pathname)
      ? new LazySearchWorker(url, options)
      : new NativeWorker(url, options);
  };

  document.addEventListener("input", event => {
    if (event.target instanceof Element && event.target.matches(SEARCH_BOX))
      event.target.dispatchEvent(new KeyboardEvent("keyup"));
  }, true);
})();

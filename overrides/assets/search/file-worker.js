/*
 * Search on a site opened from disk (file://), without anything from another host.
 *
 * Chromium refuses `new Worker("file://…")`, and Material then hides its search box. On file://
 * only, this replaces window.Worker, for the project's search worker (assets/search/worker.js),
 * by an in-page stand-in: on the first message it loads the same scripts as the worker with
 * <script> tags (lunr.js, folding.js, engine.js, index.<lang>.js) and answers the same messages,
 * asynchronously, like a worker. It must load before Material's bundle; on http(s) it does nothing.
 */
(function () {
  "use strict";

  if (location.protocol !== "file:") return;

  var NativeWorker = window.Worker;
  var SEARCH_WORKER = /\/assets\/search\/worker\.js$/;

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + url)); };
      document.head.appendChild(script);
    });
  }

  function loadScripts(urls) {
    return urls.reduce(function (loaded, url) {
      return loaded.then(function () { return loadScript(url); });
    }, Promise.resolve());
  }

  class InPageSearchWorker extends EventTarget {
    constructor(url) {
      super();
      this.url = new URL(url, location.href);
      this.handler = null;
    }

    postMessage(message) {
      var copy = structuredClone(message);
      this.start().then(function (handle) { handle(copy); }, function (error) {
        console.error("search: " + error.message);
      });
    }

    start() {
      if (!this.handler) {
        var base = this.url, worker = this;
        var index = new URL("index." + base.searchParams.get("lang") + ".js", base);
        this.handler = loadScripts(["lunr.js", "folding.js", "engine.js"].map(function (name) {
          return new URL(name, base);
        })).then(function () {
          return window.crchSearch.createMessageHandler(
            function () { return loadScript(index).then(function () { return window.crchSearchIndex; }); },
            function (message) {
              setTimeout(function () {
                worker.dispatchEvent(new MessageEvent("message", { data: structuredClone(message) }));
              });
            }
          );
        });
      }
      return this.handler;
    }

    terminate() {}
  }

  window.Worker = function Worker(url, options) {
    return SEARCH_WORKER.test(new URL(url, location.href).pathname)
      ? new InPageSearchWorker(url)
      : new NativeWorker(url, options);
  };
})();

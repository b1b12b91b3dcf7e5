/*
 * The service worker's code (scripts/service_worker.py writes sw.js, which sets
 * self.crchOffline.versions and imports this file). One registration per language: sw.js?lang=sr
 * with the scope of the Serbian folder. It is registered only when a reader asks to save the site.
 *
 * install  - save this build's copy of the language: every file of its manifest
 *            (assets/offline/<lang>.json), each checked against its sha256; a file whose hash has
 *            not changed is copied from the previous copy instead of downloaded. The manifest is
 *            stored last: a copy without it is incomplete. Any failure fails the install, and the
 *            browser keeps the previous worker and copy.
 * activate - delete the language's older copies.
 * fetch    - answer from the saved copy, else from the network.
 */
(function () {
  "use strict";

  var ROOT = new URL("./", self.location.href);
  var LANGUAGE = new URL(self.location.href).searchParams.get("lang") || "";
  var VERSION = (self.crchOffline && self.crchOffline.versions || {})[LANGUAGE];
  if (!/^[a-z]{2,3}$/.test(LANGUAGE) || !VERSION)
    throw new Error("offline: no version for language '" + LANGUAGE + "' in sw.js");
  var PREFIX = "crch-offline-" + LANGUAGE + "-";
  var CACHE = PREFIX + VERSION;
  var MANIFEST = new URL("assets/offline/" + LANGUAGE + ".json", ROOT).href;
  var PARALLEL = 4;

  function tell(message) {
    message.language = LANGUAGE;
    return self.clients.matchAll({ includeUncontrolled: true, type: "window" }).then(function (clients) {
      clients.forEach(function (client) { client.postMessage(message); });
    });
  }

  function hex(buffer) {
    return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
  }

  // A response that can be stored and served for any request (a redirected one cannot).
  function storable(response, body) {
    return new Response(body, { status: 200, headers: response.headers });
  }

  function download(url, digest, attempt) {
    // no-cache: revalidate with the server, never an older copy from the HTTP cache.
    return fetch(url, { cache: attempt ? "reload" : "no-cache", credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return response.arrayBuffer().then(function (body) {
        return crypto.subtle.digest("SHA-256", body).then(function (hash) {
          if (hex(hash) === digest) return storable(response, body);
          if (!attempt) return download(url, digest, 1);
          throw new Error(url + " does not match this build's manifest (the site changed while saving)");
        });
      });
    });
  }

  // The copy this one replaces, if a complete one exists: {cache, hashes by address}.
  function previousCopy() {
    return caches.keys().then(function (names) {
      var older = names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; });
      return older.reduce(function (found, name) {
        return found.then(function (copy) {
          if (copy) return copy;
          return caches.open(name).then(function (cache) {
            return cache.match(MANIFEST).then(function (stored) {
              if (!stored) return null;
              return stored.json().then(function (manifest) {
                var hashes = {};
                manifest.files.forEach(function (file) { hashes[file[0]] = file[1]; });
                return { cache: cache, hashes: hashes };
              });
            });
          });
        });
      }, Promise.resolve(null));
    });
  }

  function saveCopy() {
    return Promise.all([
      fetch(MANIFEST, { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error(MANIFEST + ": HTTP " + response.status);
        return response.clone().text().then(function (text) { return { text: text, json: JSON.parse(text) }; });
      }),
      caches.open(CACHE),
      previousCopy(),
    ]).then(function (found) {
      var manifest = found[0].json, cache = found[1], previous = found[2];
      if (manifest.version !== VERSION)
        throw new Error("the manifest is of another build (" + manifest.version + ", not " + VERSION + ")");
      var queue = manifest.files.slice(), done = 0, total = queue.length, bytes = 0;
      function next() {
        var file = queue.shift();
        if (!file) return Promise.resolve();
        var url = new URL(file[0], ROOT).href;
        var kept = previous && previous.hashes[file[0]] === file[1] ? previous.cache.match(url) : Promise.resolve(null);
        return kept.then(function (response) {
          return response || download(url, file[1], 0);
        }).then(function (response) {
          return cache.put(url, response);
        }).then(function () {
          done += 1;
          bytes += file[2];
          tell({ type: "progress", done: done, total: total, bytes: bytes, totalBytes: manifest.bytes });
          return next();
        });
      }
      var workers = [];
      for (var i = 0; i < PARALLEL; i++) workers.push(next());
      return Promise.all(workers).then(function () {
        return cache.put(MANIFEST, new Response(found[0].text, { headers: { "Content-Type": "application/json" } }));
      }).then(function () {
        return { updated: Boolean(previous), bytes: manifest.bytes };
      });
    }).catch(function (error) {
      return caches.delete(CACHE).then(function () { throw error; });
    });
  }

  self.addEventListener("install", function (event) {
    event.waitUntil(saveCopy().then(function (result) {
      return tell({ type: "saved", version: VERSION, updated: result.updated, bytes: result.bytes });
    }, function (error) {
      return tell({ type: "failed", error: String(error && error.message || error) }).then(function () { throw error; });
    }).then(function () { return self.skipWaiting(); }));
  });

  self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); }));
  });

  // Pages are saved under their folder address ('sr/acts/x/'); 'sr/acts/x/index.html' is the same page.
  function savedAddress(url) {
    var address = new URL(url);
    address.hash = "";
    if (/\/index\.html$/.test(address.pathname)) address.pathname = address.pathname.slice(0, -"index.html".length);
    return address.href;
  }

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET" || new URL(request.url).origin !== ROOT.origin) return;
    event.respondWith(caches.open(CACHE).then(function (cache) {
      return cache.match(savedAddress(request.url), { ignoreSearch: true });
    }).then(function (saved) {
      return saved || fetch(request);
    }));
  });
})();

/*
 * The service worker's code (scripts/site/service_worker.py writes sw.js, which sets
 * self.crchOffline.versions, one per language, and imports this file). It is registered, for the
 * whole site, only when a reader asks to save a language; one registration for every language,
 * so that the search worker (assets/search/worker.js, outside the language folders) is
 * controlled too and can read its saved files.
 *
 * message "save"   - save this build's copy of a language: every file of its manifest
 *                    (assets/offline/<lang>.json), each checked against its sha256; the manifest
 *                    is stored last (a copy without it is incomplete).
 * install          - a new build: bring every saved language up to date, copying each file whose
 *                    hash has not changed from the previous copy and downloading only the others.
 *                    Any failure fails the install; the browser keeps the previous worker and copies.
 * activate         - delete the copies of older builds.
 * fetch            - answer from a saved copy, else from the network.
 */
(function () {
  "use strict";

  var ROOT = new URL("./", self.location.href);
  var VERSIONS = self.crchOffline && self.crchOffline.versions;
  if (!VERSIONS) throw new Error("offline: sw.js names no versions");
  var PREFIX = "crch-offline-";
  var PARALLEL = 4;

  function cacheName(language) { return PREFIX + language + "-" + VERSIONS[language]; }
  function manifestUrl(language) { return new URL("assets/offline/" + language + ".json", ROOT).href; }
  function languageOf(name) { return name.slice(PREFIX.length).split("-")[0]; }

  function tell(message) {
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

  // The complete copies of a language's older builds: [{cache, hashes by address}].
  function previousCopies(language) {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX + language + "-") === 0 && name !== cacheName(language);
      }).map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.match(manifestUrl(language)).then(function (stored) {
            if (!stored) return null;
            return stored.json().then(function (manifest) {
              var hashes = {};
              manifest.files.forEach(function (file) { hashes[file[0]] = file[1]; });
              return { cache: cache, hashes: hashes };
            });
          });
        });
      }));
    }).then(function (copies) { return copies.filter(Boolean); });
  }

  function saveCopy(language, updating) {
    var name = cacheName(language);
    return Promise.all([
      fetch(manifestUrl(language), { cache: "no-cache" }).then(function (response) {
        if (!response.ok) throw new Error(manifestUrl(language) + ": HTTP " + response.status);
        return response.text();
      }),
      caches.open(name),
      previousCopies(language),
    ]).then(function (found) {
      var text = found[0], cache = found[1], previous = found[2], manifest = JSON.parse(text);
      if (manifest.version !== VERSIONS[language])
        throw new Error("the manifest is of another build (" + manifest.version + ", not " + VERSIONS[language] + ")");
      var queue = manifest.files.slice(), done = 0, total = queue.length;
      function kept(file, url) {
        var same = previous.filter(function (copy) { return copy.hashes[file[0]] === file[1]; })[0];
        return same ? same.cache.match(url) : Promise.resolve(null);
      }
      function next() {
        var file = queue.shift();
        if (!file) return Promise.resolve();
        var url = new URL(file[0], ROOT).href;
        return kept(file, url).then(function (response) {
          return response || download(url, file[1], 0);
        }).then(function (response) {
          return cache.put(url, response);
        }).then(function () {
          done += 1;
          tell({ type: "progress", language: language, done: done, total: total });
          return next();
        });
      }
      var workers = [];
      for (var i = 0; i < PARALLEL; i++) workers.push(next());
      return Promise.all(workers).then(function () {
        return cache.put(manifestUrl(language), new Response(text, { headers: { "Content-Type": "application/json" } }));
      }).then(function () {
        return tell({ type: "saved", language: language, updated: Boolean(updating), bytes: manifest.bytes });
      });
    }).catch(function (error) {
      return caches.delete(name).then(function () {
        return tell({ type: "failed", language: language, error: String(error && error.message || error) });
      }).then(function () { throw error; });
    });
  }

  // The languages a reader has saved (a complete copy of any build).
  function savedLanguages() {
    return caches.keys().then(function (names) {
      var ours = names.filter(function (name) { return name.indexOf(PREFIX) === 0; });
      return Promise.all(ours.map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.match(manifestUrl(languageOf(name))).then(function (stored) { return stored && languageOf(name); });
        });
      }));
    }).then(function (languages) {
      return languages.filter(function (language, i) { return language && languages.indexOf(language) === i; });
    });
  }

  function isComplete(language) {
    return caches.has(cacheName(language)).then(function (exists) {
      return exists && caches.open(cacheName(language)).then(function (cache) {
        return cache.match(manifestUrl(language)).then(Boolean);
      });
    });
  }

  self.addEventListener("install", function (event) {
    event.waitUntil(savedLanguages().then(function (languages) {
      return Promise.all(languages.filter(function (language) { return language in VERSIONS; }).map(function (language) {
        return isComplete(language).then(function (current) { return current || saveCopy(language, true); });
      }));
    }).then(function () { return self.skipWaiting(); }));
  });

  self.addEventListener("activate", function (event) {
    event.waitUntil(caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0 && name !== cacheName(languageOf(name));
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); }));
  });

  self.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === "save" && message.language in VERSIONS) {
      event.waitUntil(saveCopy(message.language, false).catch(function () {}));
    }
  });

  // Pages are saved under their folder address ('sr/acts/x/'); 'sr/acts/x/index.html' is the same page.
  function savedAddress(url) {
    var address = new URL(url);
    address.hash = "";
    if (/\/index\.html$/.test(address.pathname)) address.pathname = address.pathname.slice(0, -"index.html".length);
    return address.href;
  }

  // The saved file of this build for an address, from any saved language (they share the assets).
  function savedResponse(address) {
    return Object.keys(VERSIONS).reduce(function (found, language) {
      return found.then(function (response) {
        if (response) return response;
        return caches.has(cacheName(language)).then(function (exists) {
          return exists ? caches.open(cacheName(language)).then(function (cache) {
            return cache.match(address, { ignoreSearch: true });
          }) : undefined;
        });
      });
    }, Promise.resolve(undefined));
  }

  self.addEventListener("fetch", function (event) {
    var request = event.request;
    if (request.method !== "GET" || new URL(request.url).origin !== ROOT.origin) return;
    event.respondWith(savedResponse(savedAddress(request.url)).then(function (saved) {
      return saved || fetch(request);
    }));
  });
})();

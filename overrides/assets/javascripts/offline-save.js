/*
 * "Save for offline reading" (partials/crch/offline-save.html, scripts/site/service_worker.py).
 *
 * On https and localhost, where browsers allow service workers, the control shows a button that
 * registers sw.js for the site (once, for every language), asks it to save the reader's language,
 * asks the browser to keep the storage (navigator.storage.persist) and reports progress; once
 * saved it offers to remove the copy (and the worker, when no language is left). On plain http it shows a note pointing to the zip and the Kiwix file; on
 * file:// (the zip copy) and in browsers without service workers it stays hidden.
 */
(function () {
  "use strict";

  var control = document.querySelector("[data-crch-offline]");
  var script = document.currentScript;
  if (!control || !script || location.protocol === "file:") return;

  var root = new URL("../../", script.src);  // this file is assets/javascripts/offline-save.js
  var language = control.getAttribute("data-language");
  var scope = root.href;
  var texts = JSON.parse(control.getAttribute("data-texts"));
  var prefix = "crch-offline-" + language + "-";
  var manifestUrl = new URL("assets/offline/" + language + ".json", root).href;
  var secure = control.querySelector("[data-crch-offline-secure]");
  var saveButton = control.querySelector("[data-crch-offline-save]");
  var removeButton = control.querySelector("[data-crch-offline-remove]");
  var status = control.querySelector(".crch-offline__status");
  var sizeNote = control.querySelector("[data-crch-offline-size]");

  if (!window.isSecureContext) {
    control.querySelector("[data-crch-offline-insecure]").hidden = false;
    control.hidden = false;
    return;
  }
  if (!("serviceWorker" in navigator) || !("caches" in window)) return;

  function say(name, values) {
    status.textContent = (texts[name] || "").replace(/\{(\w+)\}/g, function (_, key) {
      return values && key in values ? values[key] : "";
    });
  }

  function megabytes(bytes) {
    return new Intl.NumberFormat(document.documentElement.lang || undefined, {
      style: "unit", unit: "megabyte", maximumFractionDigits: 1,
    }).format(bytes / 1e6);
  }

  function showSaved(saved) {
    saveButton.hidden = saved;
    removeButton.hidden = !saved;
  }

  // The site's registration (a page in a sub-folder of another site's scope must not take that one).
  function registration() {
    return navigator.serviceWorker.getRegistrations().then(function (all) {
      return all.filter(function (found) { return found.scope === scope; })[0] || null;
    });
  }

  // A complete saved copy of this language holds its manifest (the worker stores it last).
  function savedCopy() {
    return caches.keys().then(function (names) {
      var ours = names.filter(function (name) { return name.indexOf(prefix) === 0; });
      return Promise.all(ours.map(function (name) {
        return caches.open(name).then(function (cache) { return cache.match(manifestUrl); });
      })).then(function (found) { return found.some(Boolean); });
    });
  }

  navigator.serviceWorker.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.language !== language) return;
    if (message.type === "progress") {
      say("saving", { done: message.done, total: message.total });
    } else if (message.type === "saved") {
      say(message.updated ? "updated" : "saved");
      showSaved(true);
      saveButton.disabled = false;
    } else if (message.type === "failed") {
      say("failed");
      saveButton.disabled = false;
    }
  });

  saveButton.addEventListener("click", function () {
    saveButton.disabled = true;
    say("saving", { done: 0, total: "…" });
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
    navigator.serviceWorker.register(new URL("sw.js", root).href, { scope: scope, updateViaCache: "none" })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function (ready) { ready.active.postMessage({ type: "save", language: language }); })
      .catch(function () {
        say("failed");
        saveButton.disabled = false;
      });
  });

  removeButton.addEventListener("click", function () {
    removeButton.disabled = true;
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf(prefix) === 0; })
        .map(function (name) { return caches.delete(name); }));
    }).then(function () {
      return caches.keys();
    }).then(function (names) {
      var othersSaved = names.some(function (name) { return name.indexOf("crch-offline-") === 0; });
      return othersSaved ? null : registration().then(function (found) { return found && found.unregister(); });
    }).then(function () {
      say("removed");
      showSaved(false);
      removeButton.disabled = false;
    });
  });

  // The size, once the control is in view (no request for readers who never scroll down to it).
  function showSize() {
    fetch(manifestUrl).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (manifest) {
      if (manifest) sizeNote.textContent = texts.size.replace("{size}", megabytes(manifest.bytes));
    }, function () {});
  }
  if ("IntersectionObserver" in window) {
    var observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        observer.disconnect();
        showSize();
      }
    });
    observer.observe(control);
  }

  Promise.all([registration(), savedCopy()]).then(function (found) {
    var saved = Boolean(found[0]) && found[1];
    showSaved(saved);
    if (saved) {
      say("saved");
      if (navigator.onLine) found[0].update().catch(function () {});  // a newer build installs itself
    }
    secure.hidden = false;
    control.hidden = false;
  });
})();

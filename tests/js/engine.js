// Loads the search engine's sources (overrides/assets/search/) into a fresh context, as the
// browser loads them, for the node tests. lunr.js (only the control of restore.test.js needs it)
// comes from the installed mkdocs package: its path is given by tests/unit/search/test_engine_js.py
// as CRCH_LUNR_JS (never a copy in the repository).
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const SOURCES = path.resolve(__dirname, "..", "..", "overrides", "assets", "search");
const MODULES = ["text.js", "restore.js", "query.js", "results.js", "messages.js"];  // browser_files.py ENGINE_MODULES

function loadEngine() {
  const context = vm.createContext({ console, structuredClone, setTimeout });
  context.globalThis = context;
  const rules = JSON.parse(fs.readFileSync(path.join(SOURCES, "folding.json"), "utf8"));
  context.crchSearchFolding = rules;
  for (const name of MODULES)
    vm.runInContext(fs.readFileSync(path.join(SOURCES, name), "utf8"), context, { filename: name });
  return context;
}

// lunr.js alone in a fresh context (its global `lunr`).
function loadLunr() {
  const lunrPath = process.env.CRCH_LUNR_JS;
  if (!lunrPath) throw new Error("CRCH_LUNR_JS is not set: run these tests through tests/unit/search/test_engine_js.py");
  const context = vm.createContext({ console });
  context.globalThis = context;
  vm.runInContext(fs.readFileSync(lunrPath, "utf8"), context, { filename: "lunr.js" });
  return context.lunr;
}

// Every word an automaton of restore.js (buildTokenSet) holds, sorted.
function wordsOf(node, prefix = "", found = []) {
  if (node.final) found.push(prefix);
  for (const label of Object.keys(node.edges)) wordsOf(node.edges[label], prefix + label, found);
  return prefix ? found : found.sort();
}

// The fixtures Python wrote for this run (folding of a shared table, small indexes), as JSON.
function fixture(name) {
  const folder = process.env.CRCH_FIXTURES;
  if (!folder) throw new Error("CRCH_FIXTURES is not set: run these tests through tests/unit/search/test_engine_js.py");
  return JSON.parse(fs.readFileSync(path.join(folder, name), "utf8"));
}

// Values made in the engine's context are compared structurally: bring them into this one.
const plain = value => JSON.parse(JSON.stringify(value));

// A SearchEngine of an index fixture ({payload, files}: the index file's part, each shard file's
// value by name) that loads its shards from the fixture and records each file it was asked for
// (`loaded`); the files named in `failing` fail to load.
function searchEngine(crchSearch, name, failing = new Set()) {
  const { payload, files } = fixture(name);
  const loaded = [];
  const engine = new crchSearch.messages.SearchEngine(payload, file => {
    loaded.push(file);
    if (failing.has(file) || !(file in files)) return Promise.reject(new Error(`${file}: HTTP 404`));
    return Promise.resolve(files[file]);
  });
  return { engine, loaded, files };
}

// The Index of an index fixture with every shard set (the postings of every term, every text).
function loadedIndex(crchSearch, name) {
  const { payload, files } = fixture(name);
  const index = new crchSearch.restore.Index(payload);
  for (let shard = 0; shard < index.termShards.length; shard++) index.setPostings(shard, files[index.termShards.file(shard)]);
  for (let shard = 0; shard < index.textShards.length; shard++) index.setTexts(shard, files[index.textShards.file(shard)]);
  return index;
}

module.exports = { loadEngine, loadLunr, wordsOf, fixture, plain, searchEngine, loadedIndex };
